//! Snapshot metadata: `sources/<hex>.yaml`, beside the bytes it describes.

use serde::{Deserialize, Serialize};

use super::{SourceId, Time};

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
    /// A title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When the snapshot was taken.
    pub captured_at: Time,
    /// Who took it.
    pub captured_by: String,
    /// Anything worth knowing about the capture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

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
