//! Snapshot metadata: `sources/<hex>.yaml`, beside the bytes it describes.

use serde::{Deserialize, Serialize};

use super::{Day, MediaType, SourceId, Time};
use crate::keyword_enum;

/// What a snapshot is, where it came from, and who captured it when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// SHA-256 of the bytes; equals the file name and the bytes' hash. Stored
    /// as the bare 64-hex digest.
    #[serde(with = "super::ids::bare_hex")]
    pub sha256: SourceId,
    /// File name of the bytes, `<hex>.<ext>`, in the same folder.
    pub file: String,
    /// IANA media type, e.g. `text/markdown`.
    pub media_type: MediaType,
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
    /// Whose reporting it relays, when it retells another outlet's (a
    /// wire's rewrite of a newspaper's scoop): sources of one origin count
    /// once for the policy, whatever their publishers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
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
    /// The charset the bytes are in, when it is not UTF-8: a WHATWG encoding
    /// name such as `gbk` or `shift_jis`. The bytes stay as served; the text
    /// that quotes and excerpts are found in is decoded from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charset: Option<String>,
    /// How `source fetch` got these bytes: the exchange that made the snapshot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch: Option<Fetch>,
    /// Every time a fetch was served exactly these bytes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<Capture>,
    /// Every time `source watch` fetched this snapshot's URL again and
    /// compared the page with it, oldest first (append-only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watch: Vec<Watch>,
}

crate::keyword_enum!(
    /// What `source watch` found at a snapshot's URL, compared with the snapshot.
    WatchOutcome {
        Unchanged => "unchanged",
        Changed => "changed",
        ExcerptChanged => "excerpt-changed",
        Moved => "moved",
        Gone => "gone",
        Soft404 => "soft-404",
        Unreachable => "unreachable",
    }
);

impl WatchOutcome {
    /// Whether evidence taken from the snapshot may no longer stand:
    /// `evidence-changed` for an edited excerpt or a moved page.
    pub fn is_changed(self) -> bool {
        matches!(self, WatchOutcome::ExcerptChanged | WatchOutcome::Moved)
    }

    /// Whether the page is gone: `evidence-gone`.
    pub fn is_gone(self) -> bool {
        matches!(self, WatchOutcome::Gone | WatchOutcome::Soft404)
    }
}

/// One re-capture of a snapshot's URL by `source watch`, and what it found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Watch {
    /// When.
    pub at: Time,
    /// Who ran the watch.
    pub by: String,
    /// What the page had become.
    pub outcome: WatchOutcome,
    /// The URL asked for.
    pub url: String,
    /// The URL that answered, when a redirect led elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// The HTTP status of the final answer, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The snapshot of what was served this time (its capture is in that
    /// snapshot's `captures`), when something was stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture: Option<SourceId>,
    /// Cited excerpts that are no longer on the page, with the closest passage now there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost: Vec<LostExcerpt>,
    /// Why the page could not be had (`unreachable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The nearest archived capture of a gone page (`watch.archive_lookup`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
}

/// A cited excerpt that a watch no longer found on its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LostExcerpt {
    /// The excerpt, as the evidence cites it.
    pub excerpt: String,
    /// The passage of the page now most like it, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closest: Option<String>,
}

/// An archived copy of a page, from a Wayback-style CDX index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archived {
    /// Where the archived copy is.
    pub url: String,
    /// When the archive captured it.
    pub at: Time,
}

/// One HTTP(S) exchange that produced a snapshot (`factcheck source fetch`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fetch {
    /// The URL asked for.
    pub url: String,
    /// The URL that answered, after every redirect.
    pub final_url: String,
    /// The HTTP status of the final answer.
    pub status: u16,
    /// Every redirect followed, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirects: Vec<Redirect>,
    /// The final answer's headers that matter as evidence.
    #[serde(default, skip_serializing_if = "ResponseHeaders::is_empty")]
    pub headers: ResponseHeaders,
}

/// One redirect: the URL asked, the status it answered with, and where it sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redirect {
    /// The URL that answered with a redirect.
    pub url: String,
    /// Its status (301, 302, 303, 307 or 308).
    pub status: u16,
    /// The absolute URL it sent to.
    pub location: String,
}

/// Response headers kept as evidence, verbatim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseHeaders {
    /// `Date`: when the server says it answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `Last-Modified`: when the server says the page last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// `ETag`: the server's version tag for the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// `Content-Type`, with its parameters (the charset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `Content-Language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_language: Option<String>,
}

impl ResponseHeaders {
    pub fn is_empty(&self) -> bool {
        *self == ResponseHeaders::default()
    }
}

/// One capture of a URL that was served a snapshot's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capture {
    /// When.
    pub at: Time,
    /// Who fetched it.
    pub by: String,
    /// The URL asked for.
    pub url: String,
    /// The HTTP status of the final answer.
    pub status: u16,
    /// The WARC snapshot of this capture's requests and responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc: Option<SourceId>,
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
    /// The snapshot's id (its `sha256`).
    pub fn id(&self) -> &SourceId {
        &self.sha256
    }

    /// A label for people: the title, else the url, else the file name.
    pub fn label(&self) -> &str {
        self.title
            .as_deref()
            .or(self.url.as_deref())
            .unwrap_or(&self.file)
    }
}
