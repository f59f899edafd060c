//! The records of a workspace, as serde types and nothing else.
//!
//! Field order here is the key order on disk, so it is part of the file format:
//! change it and every record re-saves with a diff. Every record denies unknown
//! fields, so a typo in a hand-edited file is an error, never silently dropped.

mod claim;
mod config;
mod ids;
mod media_type;
mod source;
mod time;

pub use claim::{
    Anchor, Claim, Event, Evidence, HistoryEntry, Kind, Stance, Status, article_order,
};
pub use config::{
    Config, Decision, IndependentBy, Language, Policy, Rating, Review, Summary, VerifiedPolicy,
    default_scale,
};
pub use ids::{ClaimId, SHORT, SourceId};
pub use media_type::MediaType;
pub use source::{Capture, Fetch, Redirect, ResponseHeaders, SourceEdit, SourceKind, SourceMeta};
pub use time::{Day, Time};
