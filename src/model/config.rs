//! Workspace settings: `factcheck.yaml`.

use serde::{Deserialize, Serialize};

use super::{SourceId, SourceKind, Status, Time};

/// What the workspace checks and how it reports. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// What this workspace checks, for report headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The default source for `claim add --quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<SourceId>,
    /// Language of report labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Who publishes the verdicts (ClaimReview `author`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Base url under which the desk publishes reviews (ClaimReview `url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Review policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// The desk's rating scale, best first; without it ratings are free text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// What a verdict needs; without it, one supporting piece of evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// The desk's bottom line on the article (`factcheck summary`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
}

/// One label of the desk's rating scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The label, as `mark --rating` takes it and reports print it.
    pub label: String,
    /// ClaimReview `ratingValue`; a label without one is exported by name only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u32>,
    /// The verdicts that may carry this label.
    #[serde(default)]
    pub statuses: Vec<Status>,
    /// What the label means, for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub means: Option<String>,
}

/// The desk's verification policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// What `verified` needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<VerifiedPolicy>,
}

/// What `mark … verified` needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifiedPolicy {
    /// Independent sources whose evidence supports the claim.
    #[serde(default = "one")]
    pub min_sources: u32,
    /// How independence is judged.
    #[serde(default)]
    pub independent_by: IndependentBy,
    /// Whether one supporting primary or official source is enough.
    #[serde(default)]
    pub primary_suffices: bool,
    /// Kinds of source that do not count towards `min_sources`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_counted: Vec<SourceKind>,
}

fn one() -> u32 {
    1
}

/// Sources sharing this count once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IndependentBy {
    /// The publisher, or lacking one, the url's host.
    #[default]
    Publisher,
    /// The url's host.
    Host,
}

/// The desk's bottom line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// What the desk decided.
    pub decision: Decision,
    /// Why, for the editor-in-chief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who wrote it.
    pub by: String,
    /// When.
    pub at: Time,
}

crate::keyword_enum!(
    /// Whether the article can run.
    Decision {
        Publish => "publish",
        PublishWithCorrections => "publish-with-corrections",
        Hold => "hold",
    }
);

impl Config {
    pub fn second_reviewer(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.second_reviewer)
    }

    pub fn language(&self) -> Language {
        self.language.unwrap_or_default()
    }
}

crate::keyword_enum!(
    /// Report label language.
    #[derive(Default)]
    Language {
        #[default]
        En => "en",
        Zh => "zh",
    }
);

/// How verdicts become final.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// When true, a verdict is final only after `factcheck sign` by someone else.
    #[serde(default)]
    pub second_reviewer: bool,
}

impl Rating {
    fn new(label: &str, value: Option<u32>, status: Status, means: &str) -> Rating {
        Rating {
            label: label.to_string(),
            value,
            statuses: vec![status],
            means: Some(means.to_string()),
        }
    }
}

/// The scale `init` writes, best first, in the workspace's language: what a
/// desk starts from and edits to its own.
pub fn default_scale(language: Language) -> Vec<Rating> {
    use Status::{Disputed, Unverifiable, Verified};
    /// English and Chinese label, value, verdict, English and Chinese meaning.
    type Row = (
        &'static str,
        &'static str,
        Option<u32>,
        Status,
        &'static str,
        &'static str,
    );
    let rows: [Row; 7] = [
        (
            "Accurate",
            "属实",
            Some(5),
            Verified,
            "The claim is accurate and leaves out nothing significant.",
            "说法准确，没有遗漏重要背景。",
        ),
        (
            "Mostly accurate",
            "基本属实",
            Some(4),
            Verified,
            "Accurate on the facts, but needs a clarification or more context.",
            "事实准确，但需要澄清或补充背景。",
        ),
        (
            "Needs context",
            "需补充背景",
            Some(3),
            Disputed,
            "Accurate in part; it leaves out context that changes what a reader takes from it.",
            "部分属实，但遗漏了会改变读者理解的背景。",
        ),
        (
            "Outdated",
            "已过时",
            None,
            Disputed,
            "Accurate when first reported; later facts overtook it.",
            "最初报道时准确，但已被后来的事实取代。",
        ),
        (
            "Misleading",
            "有误导",
            Some(2),
            Disputed,
            "Contains accurate elements but gives a wrong overall impression.",
            "包含准确成分，但整体给人错误印象。",
        ),
        (
            "False",
            "错误",
            Some(1),
            Disputed,
            "The claim is inaccurate.",
            "说法不准确。",
        ),
        (
            "Unproven",
            "无法证实",
            None,
            Unverifiable,
            "The evidence available can neither confirm nor refute it.",
            "现有证据既不能证实也不能否定。",
        ),
    ];
    rows.iter()
        .map(
            |&(en, zh, value, status, means_en, means_zh)| match language {
                Language::En => Rating::new(en, value, status, means_en),
                Language::Zh => Rating::new(zh, value, status, means_zh),
            },
        )
        .collect()
}
