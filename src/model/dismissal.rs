//! Dismissed sentences: `dismissed.yaml`, the article's check-worthy
//! sentences the desk decided need no claim, each with why.

use serde::{Deserialize, Serialize};

use super::{SourceId, Time};

/// A check-worthy sentence the desk decided not to check, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dismissal {
    /// The snapshot the sentence is in.
    pub source: SourceId,
    /// The sentence, as the snapshot has it.
    pub exact: String,
    /// Its start, in Unicode scalar values of the snapshot's text.
    pub start: usize,
    /// Its end (exclusive).
    pub end: usize,
    /// Why it needs no claim.
    pub note: String,
    /// Who dismissed it.
    pub by: String,
    /// When.
    pub at: Time,
}

/// `dismissed.yaml`: one key, so the record can grow.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dismissed {
    /// The dismissed sentences, by snapshot and place.
    #[serde(default)]
    pub dismissed: Vec<Dismissal>,
}
