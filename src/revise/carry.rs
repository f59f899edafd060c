//! Carrying the workspace's claims to a new revision of the article: the
//! chain of revisions, each claim's outcome, and saving it (the only part of
//! revisions that touches the workspace).

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::anchor;
use crate::error::{Error, Result};
use crate::model::Author;
use crate::model::{Anchor, Claim, ClaimId, Event, HistoryEntry, Outcome, SourceId};
use crate::text::SourceText;
use crate::workspace::store;
use crate::workspace::{Lock, Workspace};

use super::place::{Placement, Revision};

/// A selector as printed: offsets and words.
#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub exact: String,
}

impl Span {
    pub(super) fn of(a: &Anchor) -> Span {
        Span {
            start: a.start,
            end: a.end,
            exact: a.exact.clone(),
        }
    }
}

/// What became of one claim in one revision.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    pub id: ClaimId,
    pub outcome: Outcome,
    /// The revision it was carried from.
    #[serde(skip)]
    pub from_source: SourceId,
    /// The revision it was carried to.
    #[serde(skip)]
    pub revision: SourceId,
    pub from: Span,
    pub to: Option<Span>,
    /// For an ambiguous placement: every place the words occur.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

/// One place an ambiguous quote occurs.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
}

/// The revisions of `article`, oldest first, ending with it: each snapshot
/// its `revises` names, back to one that names none. A chain that loops or
/// names a missing snapshot is an error naming the record.
pub fn chain(ws: &Workspace, article: &SourceId) -> Result<Vec<SourceId>> {
    let mut out = vec![article.clone()];
    let mut seen: HashSet<SourceId> = out.iter().cloned().collect();
    let mut at = article.clone();
    loop {
        let meta = store::load_meta(ws, &at)?;
        let Some(prev) = meta.revises else { break };
        if !seen.insert(prev.clone()) {
            return Err(Error::invalid(format!(
                "`sources/{}.yaml`: `revises` goes round in a circle back to `{}`",
                at.hex(),
                prev.short()
            ))
            .with_hint_in(
                "correct `revises` in the record so the revisions form a line",
                "修正记录中的 `revises`，使各修订版连成一条线",
            ));
        }
        if store::load_meta(ws, &prev).is_err() {
            return Err(Error::invalid(format!(
                "`sources/{}.yaml` revises snapshot `{}`, which is not in `sources/`",
                at.hex(),
                prev.short()
            ))
            .with_hint_in(
                "restore the earlier snapshot from git",
                "从 `git` 恢复较早的快照",
            ));
        }
        out.push(prev.clone());
        at = prev;
    }
    out.reverse();
    Ok(out)
}

/// Whether a claim anchored in an earlier revision waits to be carried: it
/// was neither carried nor dropped.
pub fn waiting(claim: &Claim, earlier: &HashSet<SourceId>) -> bool {
    claim
        .appears_in
        .as_ref()
        .is_some_and(|a| earlier.contains(&a.source))
        && claim.dropped().is_none()
}

/// Carries every claim anchored in an earlier revision of `article` along the
/// chain of revisions up to it, saving each claim that changed. `author` is
/// asked for only when there is something to carry.
pub(crate) fn carry_to(
    ws: &Workspace,
    article: &SourceId,
    author: impl FnOnce() -> Result<Author>,
    lock: &Lock,
) -> Result<Vec<Carried>> {
    let chain = chain(ws, article)?;
    let earlier: HashSet<SourceId> = chain[..chain.len() - 1].iter().cloned().collect();
    let mut claims: Vec<Claim> = ws
        .load_claims()?
        .into_iter()
        .filter(|c| waiting(c, &earlier))
        .collect();
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let author = author()?;
    let mut carried = Vec::new();
    let mut texts: BTreeMap<SourceId, SourceText> = BTreeMap::new();
    for step in chain.windows(2) {
        let (from, to) = (&step[0], &step[1]);
        let todo: Vec<usize> = (0..claims.len())
            .filter(|&i| {
                claims[i].dropped().is_none()
                    && claims[i].appears_in.as_ref().map(|a| &a.source) == Some(from)
            })
            .collect();
        if todo.is_empty() {
            continue;
        }
        for id in [from, to] {
            if !texts.contains_key(id) {
                let meta = store::load_meta(ws, id)?;
                texts.insert(id.clone(), store::read_text(ws, &meta)?);
            }
        }
        let revision = Revision::new(&texts[from], &texts[to]);
        let placed: Vec<(usize, Option<Placement>)> = todo
            .par_iter()
            .map(|&i| {
                let a = claims[i]
                    .appears_in
                    .as_ref()
                    .expect("only anchored claims are carried");
                (i, revision.place(a))
            })
            .collect();
        let mut step_carried = Vec::new();
        for (i, placement) in placed {
            let Some(placement) = placement else {
                // Its words are not in the old revision either: `check`
                // reports that, and carrying it would only guess.
                continue;
            };
            step_carried.push(apply(&mut claims[i], placement, &revision, to, &author));
        }
        // In the order a reader meets them in the old revision.
        step_carried.sort_by(|a, b| (a.from.start, &a.id).cmp(&(b.from.start, &b.id)));
        carried.extend(step_carried);
    }
    let changed: HashSet<&ClaimId> = carried.iter().map(|c| &c.id).collect();
    claims
        .par_iter()
        .filter(|c| changed.contains(&c.id))
        .map(|c| ws.save_claim(c, lock))
        .collect::<Result<()>>()?;
    Ok(carried)
}

/// Records a placement on a claim: its new anchor and a `revised` event.
pub(super) fn apply(
    claim: &mut Claim,
    placement: Placement,
    revision: &Revision,
    to: &SourceId,
    author: &Author,
) -> Carried {
    let old = claim
        .appears_in
        .clone()
        .expect("only anchored claims are carried");
    let new_anchor = placement
        .span
        .map(|(s, e)| anchor::anchor(to.clone(), revision.new, s, e));
    let mut entry = HistoryEntry {
        revision: Some(to.clone()),
        outcome: Some(placement.outcome),
        ..HistoryEntry::new(author.at, author.by.clone(), Event::Revised)
    };
    if placement.outcome == Outcome::Edited {
        entry.from = Some(old.clone());
    }
    if !placement.candidates.is_empty() {
        entry.note = Some(format!(
            "the words occur {} times in the new revision, at {}; anchored to {}..{} until someone picks one with `factcheck claim edit {} --occurrence N` (N counts where the words occur, 1 for the first), or `--quote` with other words",
            placement.candidates.len(),
            placement
                .candidates
                .iter()
                .map(|(s, e)| format!("{s}..{e}"))
                .collect::<Vec<_>>()
                .join(", "),
            placement.span.map_or(0, |s| s.0),
            placement.span.map_or(0, |s| s.1),
            claim.id,
        ));
    }
    claim.history.push(entry);
    if let Some(a) = &new_anchor {
        claim.appears_in = Some(a.clone());
    }
    Carried {
        id: claim.id.clone(),
        outcome: placement.outcome,
        from_source: old.source.clone(),
        revision: to.clone(),
        from: Span::of(&old),
        to: new_anchor.as_ref().map(Span::of),
        candidates: placement
            .candidates
            .iter()
            .map(|&(start, end)| Candidate { start, end })
            .collect(),
    }
}
