//! Snapshot metadata: `sources/<hex>.yaml`, beside the bytes it describes.

use serde::{Deserialize, Serialize};

use super::{Day, SourceId, Time};
use crate::keyword_enum;

/// What a snapshot is, where it came from, and who captured it when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// SHA-256 of the bytes; equals the file name and the bytes' hash.
    pub sha256: String,
    /// File name of the bytes, `<hex>.<ext>`, in the same folder.
    pub file: String,
    /// IANA media type, e.g. `text/markdown`.
    pub media_type: String,
    /// Size of the bytes.
    pub size: u64,
    /// Where the bytes came from, if anywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A title for people: what the page itself shows, nothing added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What sort of source this is (primary, official, news, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Who published it (an outlet, an organisation, a person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When its publisher published it (the page's own date), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Day>,
    /// When the snapshot was taken.
    pub captured_at: Time,
    /// Who took it.
    pub captured_by: String,
    /// Anything worth knowing about the capture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The earlier article snapshot this one is a revision of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<SourceId>,
    /// Changes to this record's metadata (the bytes never change), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<SourceEdit>,
}

/// One change to a snapshot record's metadata (`factcheck source edit`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEdit {
    /// When.
    pub at: Time,
    /// Who.
    pub by: String,
    /// The fields changed.
    pub fields: Vec<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

keyword_enum!(
    /// What sort of source a snapshot is, for the verification policy.
    SourceKind {
        Primary => "primary",
        Official => "official",
        News => "news",
        Wire => "wire",
        Aggregator => "aggregator",
        Wiki => "wiki",
        Social => "social",
        Other => "other",
    }
);

impl SourceMeta {
    /// The id, when `sha256` is well formed.
    pub fn id(&self) -> Option<SourceId> {
        SourceId::from_hex(&self.sha256)
    }

    /// A label for people: the title, else the url, else the file name.
    pub fn label(&self) -> &str {
        self.title
            .as_deref()
            .or(self.url.as_deref())
            .unwrap_or(&self.file)
    }
}
