//! Workspace settings: `factcheck.yaml`.

use serde::{Deserialize, Serialize};

use super::SourceId;

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
}

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
