//! What the index keeps of a claim for listings and `check`'s comparisons
//! ([`Row`]), and how a row is written to and read from the index's fields.

use std::borrow::Cow;

use super::Fields;
use crate::model::{Claim, Kind, SourceId, Status};

/// Where a claim stands after revisions of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    Current,
    /// Its quoted words changed and nobody marked it since ([`Claim::recheck`]).
    Recheck,
    /// Its quoted words were cut ([`Claim::dropped`]).
    Dropped,
}

impl Revision {
    const ALL: &[Revision] = &[Revision::Current, Revision::Recheck, Revision::Dropped];

    pub fn of(claim: &Claim) -> Revision {
        if claim.dropped().is_some() {
            Revision::Dropped
        } else if claim.recheck().is_some() {
            Revision::Recheck
        } else {
            Revision::Current
        }
    }

    /// `status`, with `recheck` or `dropped` when a revision of the article
    /// changed or cut the claim's words.
    pub fn label(self, status: Status) -> Cow<'static, str> {
        match self {
            Revision::Dropped => Cow::Owned(format!("{status}, dropped")),
            Revision::Recheck => Cow::Owned(format!("{status}, recheck")),
            Revision::Current => Cow::Borrowed(status.as_str()),
        }
    }
}

/// What a listing shows of one claim, what it filters and sorts on, and
/// what `check`'s overlapping-quotes rule compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub kind: Kind,
    pub status: Status,
    pub revision: Revision,
    /// How many pieces of evidence the claim has.
    pub evidence: usize,
    pub tags: Vec<&'a str>,
    /// The snapshot the quote is in (bare hex), and the characters it spans.
    pub anchor: Option<(&'a str, usize, usize)>,
    pub rating: Option<&'a str>,
    /// The suggested correction, which `check`'s duplicate-correction rule compares.
    pub correction: Option<&'a str>,
}

impl<'a> Row<'a> {
    pub fn of(claim: &'a Claim) -> Row<'a> {
        Row {
            id: claim.id.as_str(),
            text: &claim.text,
            kind: claim.kind,
            status: claim.status,
            revision: Revision::of(claim),
            evidence: claim.evidence.len(),
            tags: claim.tags.iter().map(String::as_str).collect(),
            anchor: claim
                .appears_in
                .as_ref()
                .map(|a| (a.source.hex(), a.start, a.end)),
            rating: claim.rating.as_deref(),
            correction: claim.correction.as_deref(),
        }
    }

    /// The key of [`crate::model::article_order`]: anchored in `article` by
    /// position, then anchored elsewhere, then unanchored; ties by id.
    pub fn article_key(&self, article: Option<&SourceId>) -> (u8, Option<&'a str>, usize, &'a str) {
        let (group, source, start) = match self.anchor {
            Some((source, start, _)) if article.is_some_and(|a| a.hex() == source) => {
                (0, None, start)
            }
            Some((source, start, _)) => (1, Some(source), start),
            None => (2, None, 0),
        };
        (group, source, start, self.id)
    }

    pub(super) fn of_fields(name: &'a str, f: Fields<'a>) -> Option<Row<'a>> {
        Some(Row {
            id: name.strip_suffix(".yaml")?,
            text: f.text,
            kind: *Kind::ALL.get(usize::from(f.kind))?,
            status: *Status::ALL.get(usize::from(f.status))?,
            revision: *Revision::ALL.get(usize::from(f.revision))?,
            evidence: usize::try_from(f.evidence).ok()?,
            tags: f.tags,
            anchor: match f.anchor {
                Some((source, start, end)) => Some((
                    source,
                    usize::try_from(start).ok()?,
                    usize::try_from(end).ok()?,
                )),
                None => None,
            },
            rating: f.rating,
            correction: f.correction,
        })
    }

    pub(super) fn fields(&self, sha256: &'a str) -> Option<Fields<'a>> {
        Some(Fields {
            sha256,
            text: self.text,
            kind: position(Kind::ALL, self.kind)?,
            status: position(Status::ALL, self.status)?,
            revision: position(Revision::ALL, self.revision)?,
            evidence: u32::try_from(self.evidence).ok()?,
            tags: self.tags.clone(),
            anchor: self
                .anchor
                .map(|(source, start, end)| (source, start as u64, end as u64)),
            rating: self.rating,
            correction: self.correction,
        })
    }
}

/// Where `x` is in `all`, as a byte.
fn position<T: PartialEq>(all: &[T], x: T) -> Option<u8> {
    all.iter()
        .position(|y| *y == x)
        .and_then(|p| u8::try_from(p).ok())
}
