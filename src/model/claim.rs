//! Claims: `claims/<id>.yaml`, one per file.

use serde::{Deserialize, Serialize};

use super::{ClaimId, SourceId, Time};

/// One checkable statement, where the article makes it, the evidence on it,
/// its verdict and the history of how it got there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The claim's id, also its file name stem.
    pub id: ClaimId,
    /// The claim as the checker states it: a self-contained, checkable sentence.
    pub text: String,
    /// What sort of statement it is.
    pub kind: Kind,
    /// Who makes the claim in the article, if the article attributes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Free labels, sorted.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the article says it; absent for an unanchored claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appears_in: Option<Anchor>,
    /// The verdict.
    pub status: Status,
    /// A free verdict label, exported as ClaimReview `alternateName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// Suggested wording for a disputed claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    /// Evidence attached, in the order it was added.
    #[serde(default, deserialize_with = "exact_vec")]
    pub evidence: Vec<Evidence>,
    /// Append-only log of every change.
    #[serde(default, deserialize_with = "exact_vec")]
    pub history: Vec<HistoryEntry>,
}

/// A list read from a record, holding no more room than its items: a
/// deserialized `Vec` grows to at least four items, and a desk's archive of
/// tens of thousands of claims, each with a history of one to four entries
/// a few hundred bytes each, held megabytes of empty room while `check
/// --full` hashed (README, Performance).
fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    if items.capacity() == items.len() {
        return Ok(items);
    }
    // Not `shrink_to_fit`: an allocator may keep a block that is shrunk by
    // less than half; moving into a new block of the exact size frees it.
    let mut exact = Vec::with_capacity(items.len());
    exact.append(&mut items);
    Ok(exact)
}

/// A W3C Web Annotation TextQuoteSelector plus TextPositionSelector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The snapshot the quote is in.
    pub source: SourceId,
    /// The article's exact words.
    pub exact: String,
    /// Up to 32 characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// Start offset, in Unicode scalar values of the source's text.
    pub start: usize,
    /// End offset (exclusive), in Unicode scalar values.
    pub end: usize,
}

/// A piece of evidence on a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The snapshot the evidence is in.
    pub source: SourceId,
    /// How it bears on the claim.
    pub stance: Stance,
    /// The exact passage; must occur in the snapshot's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Why it matters, nuances.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who attached it.
    pub added_by: String,
    /// When.
    pub added_at: Time,
}

/// One entry of a claim's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When it happened.
    pub at: Time,
    /// Who did it.
    pub by: String,
    /// What happened.
    pub event: Event,
    /// The status set, for `status` events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The snapshot attached, for `evidence` events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceId>,
    /// How it bears on the claim, for `evidence` events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// The fields changed, for `edit` events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The rating set with a `status` event, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// The correction set with a `status` event, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For `revised` events: the article revision the claim was carried to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<SourceId>,
    /// For `revised` events: what became of the quoted words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// For `revised` events whose words were edited: the anchor before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Anchor>,
}

impl HistoryEntry {
    /// An entry of `event` with nothing else set.
    pub fn new(at: Time, by: String, event: Event) -> Self {
        HistoryEntry {
            at,
            by,
            event,
            status: None,
            source: None,
            stance: None,
            fields: Vec::new(),
            rating: None,
            correction: None,
            note: None,
            revision: None,
            outcome: None,
            from: None,
        }
    }
}

/// Kinds of history entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    Created,
    Evidence,
    Status,
    Edit,
    Sign,
    /// Carried to a new revision of the article (`source add --revises`).
    Revised,
}

/// A closed set of lowercase words, as records and the command line spell them.
#[macro_export]
macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $word)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in records and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl $crate::model::Keyword for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A type made by [`keyword_enum!`]: a closed set of words, so the command
/// line can offer them without the records knowing about it.
pub trait Keyword: Copy + Send + Sync + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The word used in records and on the command line.
    fn as_str(self) -> &'static str;
}

keyword_enum!(
    /// A claim's verdict.
    Status {
        Unverified => "unverified",
        Verified => "verified",
        Disputed => "disputed",
        Unverifiable => "unverifiable",
    }
);

keyword_enum!(
    /// What became of a claim's quoted words in a new revision of the article.
    Outcome {
        Moved => "moved",
        Edited => "edited",
        Dropped => "dropped",
    }
);

keyword_enum!(
    /// What sort of statement a claim is.
    Kind {
        Statistic => "statistic",
        Date => "date",
        Quote => "quote",
        Event => "event",
        Attribution => "attribution",
        Prediction => "prediction",
        Other => "other",
    }
);

keyword_enum!(
    /// How a piece of evidence bears on a claim.
    Stance {
        Supports => "supports",
        Refutes => "refutes",
        Context => "context",
    }
);

impl Claim {
    /// The last status event, i.e. the current verdict's entry.
    pub fn verdict_entry(&self) -> Option<&HistoryEntry> {
        self.history.iter().rev().find(|h| h.event == Event::Status)
    }

    /// With a second reviewer required: whether someone other than the
    /// person who set the current verdict has signed it since.
    pub fn signed_off(&self) -> Option<&HistoryEntry> {
        let last_status = self
            .history
            .iter()
            .rposition(|h| h.event == Event::Status)?;
        let setter = &self.history[last_status].by;
        self.history[last_status + 1..]
            .iter()
            .find(|h| h.event == Event::Sign && !super::same_reviewer(&h.by, setter))
    }
}

// Article revisions (design §8): a claim whose quoted words changed is in
// `recheck` until marked again; one whose words were cut is `dropped`.
impl Claim {
    /// The last `revised` event, if the claim was ever carried to a revision.
    pub fn last_revision(&self) -> Option<&HistoryEntry> {
        self.history
            .iter()
            .rev()
            .find(|h| h.event == Event::Revised)
    }

    /// The `revised` event that put the claim in recheck: its words were
    /// edited and nobody has marked it since (a later `moved` keeps it in
    /// recheck; a claim whose words were then cut is dropped instead).
    pub fn recheck(&self) -> Option<&HistoryEntry> {
        for h in self.history.iter().rev() {
            match h.event {
                Event::Status => return None,
                Event::Revised => match h.outcome {
                    Some(Outcome::Edited) => return Some(h),
                    Some(Outcome::Dropped) => return None,
                    _ => {}
                },
                _ => {}
            }
        }
        None
    }

    /// The `revised` event that found the claim's words cut, if its last
    /// revision did.
    pub fn dropped(&self) -> Option<&HistoryEntry> {
        self.last_revision()
            .filter(|h| h.outcome == Some(Outcome::Dropped))
    }
}

/// Sorts claims as a reader meets them: those anchored in `article` by
/// position, then those anchored in other snapshots, then unanchored ones;
/// ties by id.
pub fn article_order(claims: &mut [Claim], article: Option<&SourceId>) {
    claims.sort_by_cached_key(|c| {
        let (group, source, start) = match &c.appears_in {
            Some(a) if Some(&a.source) == article => (0, None, a.start),
            Some(a) => (1, Some(a.source.clone()), a.start),
            None => (2, None, 0),
        };
        (group, source, start, c.id.clone())
    });
}

#[cfg(test)]
mod reviewer_tests {
    use super::*;

    #[test]
    fn a_sign_off_by_the_same_name_in_other_case_or_with_invisible_characters_does_not_count() {
        let at: Time = "2026-11-28T10:00:00Z".parse().unwrap();
        let mut claim = Claim {
            id: "c1".parse().unwrap(),
            text: "t".into(),
            kind: Kind::Other,
            speaker: None,
            tags: Vec::new(),
            appears_in: None,
            status: Status::Disputed,
            rating: None,
            correction: None,
            evidence: Vec::new(),
            history: vec![HistoryEntry::new(at, "tester".into(), Event::Status)],
        };
        for by in ["Tester", "tester\u{200b}", " TESTER"] {
            claim.history.truncate(1);
            claim
                .history
                .push(HistoryEntry::new(at, by.into(), Event::Sign));
            assert!(claim.signed_off().is_none(), "{by:?}");
        }
        claim
            .history
            .push(HistoryEntry::new(at, "bob".into(), Event::Sign));
        assert!(claim.signed_off().is_some());
    }
}

#[cfg(test)]
mod exact_vec_tests {
    use super::*;

    #[test]
    fn a_claims_lists_are_read_at_their_size_and_to_the_same_value() {
        let claim = Claim {
            id: "c1".parse().unwrap(),
            text: "t".into(),
            kind: Kind::Other,
            speaker: None,
            tags: Vec::new(),
            appears_in: None,
            status: Status::Disputed,
            rating: None,
            correction: None,
            evidence: Vec::new(),
            history: (0..3)
                .map(|i| {
                    let at: Time = format!("2026-11-28T10:0{i}:00Z").parse().unwrap();
                    HistoryEntry::new(at, format!("editor{i}"), Event::Status)
                })
                .collect(),
        };
        let text = crate::workspace::yaml::to_string(&claim).unwrap();
        let read: Claim =
            crate::workspace::yaml::from_str(std::path::Path::new("c1.yaml"), &text).unwrap();
        assert_eq!(read, claim);
        assert_eq!(read.history.capacity(), 3);
        assert_eq!(read.evidence.capacity(), 0);
    }
}
