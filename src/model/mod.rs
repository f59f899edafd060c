//! The records of a workspace, as serde types and nothing else.
//!
//! Field order here is the key order on disk, so it is part of the file format:
//! change it and every record re-saves with a diff. Every record denies unknown
//! fields, so a typo in a hand-edited file is an error, never silently dropped.

mod author;
mod claim;
mod config;
mod dismissal;
mod ids;
mod media_type;
mod source;
mod time;

pub use author::{Author, is_invisible, name_key, reviewer_key, same_reviewer};
pub use claim::{
    Anchor, Claim, Event, Evidence, HistoryEntry, Keyword, Kind, Outcome, Stance, Status,
    article_order,
};
pub use config::{
    Config, Decision, DecisionPolicy, IndependentBy, Language, Policy, Rating, Review, Summary,
    VerifiedPolicy, WatchSettings, default_scale,
};
pub use dismissal::{Dismissal, Dismissed};
pub use ids::{ClaimId, SHORT, Sha256, SourceId};
pub use media_type::MediaType;
pub use source::{
    Archived, Capture, Fetch, LostExcerpt, Redirect, ResponseHeaders, SourceEdit, SourceKind,
    SourceMeta, Watch, WatchOutcome,
};
pub use time::{Day, Time};

/// Deserializes a string-shaped value through `parse`, inside the
/// deserializer's own string visit, so a value `parse` refuses is reported
/// at its line and column (an error raised after the string was read would
/// be placed at the start of the document).
pub(crate) fn parse_str<'de, D, T>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Visit<F>(F);
    impl<T, F: FnOnce(&str) -> Result<T, String>> serde::de::Visitor<'_> for Visit<F> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            (self.0)(s).map_err(E::custom)
        }
    }
    d.deserialize_str(Visit(parse))
}
