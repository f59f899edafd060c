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

/// Report label language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Zh,
}

/// How verdicts become final.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// When true, a verdict is final only after `factcheck sign` by someone else.
    #[serde(default)]
    pub second_reviewer: bool,
}
