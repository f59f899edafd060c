//! Twins: claims on the same words must not be rated apart.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::{Language, SourceId};
use crate::says::{Says, status_label};
use crate::workspace::Workspace;

use super::cached::Quote;
use super::lines::line_of_key;
use super::loading::read_or_empty;
use super::{Problem, ProblemKind, problem};

/// A claim's quote, for the overlapping-quotes rule: from a claim read now
/// (with its text) or from the claim cache (whose file is read only when a
/// problem needs a line).
pub(super) struct Twin<'a> {
    pub(super) file: TwinFile<'a>,
    pub(super) raw: Option<&'a str>,
    pub(super) quote: std::borrow::Cow<'a, Quote>,
}

/// Where a [`Twin`]'s claim file is: its path when it was read now, its
/// name under `claims/` when the cache vouched for it (the path is made
/// only for a problem).
pub(super) enum TwinFile<'a> {
    Read(&'a Path),
    Cached(&'a str),
}

impl TwinFile<'_> {
    pub(super) fn path(&self, ws: &Workspace) -> PathBuf {
        match self {
            TwinFile::Read(path) => path.to_path_buf(),
            TwinFile::Cached(name) => ws.claims_dir().join(name),
        }
    }
}

/// Claims whose quotes overlap in one snapshot but whose verdicts or
/// ratings disagree: one problem on each, naming the other.
pub(super) fn inconsistent(ws: &Workspace, anchored: Vec<Twin>) -> Vec<Problem> {
    // By snapshot, then position. The few snapshots are ranked first, so
    // the sort compares numbers, not 64-character hashes; the ids are
    // unique, so an unstable sort gives the one order.
    let mut sources: Vec<SourceId> = anchored
        .iter()
        .map(|t| &t.quote.source)
        .collect::<HashSet<_>>()
        .into_iter()
        .cloned()
        .collect();
    sources.sort_unstable();
    let rank: HashMap<SourceId, usize> = sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s, i))
        .collect();
    let mut keyed: Vec<(usize, &Twin)> = anchored
        .iter()
        .map(|t| (rank[&t.quote.source], t))
        .collect();
    keyed.par_sort_unstable_by(|(rx, x), (ry, y)| {
        let (x, y) = (&x.quote, &y.quote);
        (rx, x.start, x.end, &x.id).cmp(&(ry, y.start, y.end, &y.id))
    });
    let anchored: Vec<&Twin> = keyed.into_iter().map(|(_, t)| t).collect();
    let language = ws.config.language();
    let verdict = |q: &Quote| {
        let status = match language {
            Language::Zh => format!("「{}」", status_label(q.status, language)),
            Language::En => q.status.to_string(),
        };
        match &q.rating {
            Some(r) => format!("{status} · {r}"),
            None => status,
        }
    };
    let mut problems = Vec::new();
    for (i, a) in anchored.iter().enumerate() {
        for b in &anchored[i + 1..] {
            let (qa, qb) = (&a.quote, &b.quote);
            if qb.source != qa.source || qb.start >= qa.end {
                break;
            }
            if qa.status == qb.status && qa.rating == qb.rating {
                continue;
            }
            for (this, that) in [(a, b), (b, a)] {
                let path = this.file.path(ws);
                let raw = match this.raw {
                    Some(raw) => std::borrow::Cow::Borrowed(raw),
                    None => std::borrow::Cow::Owned(read_or_empty(&path)),
                };
                problems.push(problem(
                    ProblemKind::Inconsistent,
                    ws.rel(&path),
                    line_of_key(&raw, "status", 0),
                    Says::OverlapsRatedApart {
                        other: that.quote.id.as_str(),
                        theirs: &verdict(&that.quote),
                        ours: &verdict(&this.quote),
                    }
                    .text(ws.config.language()),
                ));
            }
        }
    }
    problems
}
