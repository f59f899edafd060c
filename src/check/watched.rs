//! Evidence whose page changed or vanished since the verdict, as
//! `source watch` recorded it in the cited snapshot's record: `check`
//! reports `evidence-changed` (a cited excerpt is no longer on the page, or
//! the page moved) and `evidence-gone` (404, 410, a "not found" page, a host
//! that stopped answering). A verdict given after the watch, or evidence
//! taken from the new capture, settles it. A verified claim left without
//! the counted support its verdict needs holds the recommendation.

use std::collections::BTreeMap;

use super::lines::evidence_line;
use super::{Problem, ProblemKind, problem};
use crate::anchor::one_line;
use crate::model::{
    Claim, Config, Language, SourceId, SourceMeta, Stance, Status, Watch, WatchOutcome,
};
use crate::rules;
use crate::says::Says;

/// The watch that says what a snapshot's page is now: the latest one that
/// got an answer or settled that the page is gone (an unreachable host
/// says nothing new).
pub fn latest(meta: &SourceMeta) -> Option<&Watch> {
    meta.watch
        .iter()
        .rev()
        .find(|w| w.outcome != WatchOutcome::Unreachable)
}

/// Whether evidence `e` of `claim` is concerned by `w`, and not settled
/// since (a verdict after it, or evidence from the new capture).
fn concerns(claim: &Claim, excerpt: Option<&str>, w: &Watch) -> bool {
    let concerned = match w.outcome {
        WatchOutcome::ExcerptChanged => {
            excerpt.is_some_and(|x| w.lost.iter().any(|l| l.excerpt == x))
        }
        o => o.is_changed() || o.is_gone(),
    };
    let reviewed = claim.verdict_entry().is_some_and(|h| h.at > w.at);
    let new_capture = w
        .capture
        .as_ref()
        .is_some_and(|c| w.outcome.is_changed() && claim.evidence.iter().any(|e| &e.source == c));
    concerned && !reviewed && !new_capture
}

/// The problems of one claim's evidence.
pub fn problems(
    claim: &Claim,
    raw: &str,
    rel: &dyn Fn() -> std::path::PathBuf,
    config: &Config,
    metas: &BTreeMap<SourceId, SourceMeta>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut affected: Vec<&SourceId> = Vec::new();
    for (i, e) in claim.evidence.iter().enumerate() {
        let Some(meta) = metas.get(&e.source) else {
            continue;
        };
        let Some(w) = latest(meta).filter(|w| concerns(claim, e.excerpt.as_deref(), w)) else {
            continue;
        };
        affected.push(&e.source);
        let kind = if w.outcome.is_gone() {
            ProblemKind::EvidenceGone
        } else {
            ProblemKind::EvidenceChanged
        };
        out.push(problem(
            kind,
            rel(),
            evidence_line(raw, i),
            message(
                claim,
                i,
                &e.source,
                e.excerpt.as_deref(),
                w,
                config.language(),
            ),
        ));
    }
    if out.is_empty() || claim.status != Status::Verified {
        return out;
    }
    // What the verdict stands on without the sources that changed.
    let mut left = claim.clone();
    left.evidence.retain(|e| !affected.contains(&&e.source));
    let unsupported = if config.policy.as_ref().is_some_and(|p| p.verified.is_some()) {
        rules::policy_unmet(config, &left, |id| metas.get(id)).is_some()
    } else {
        !left.evidence.iter().any(|e| e.stance == Stance::Supports)
    };
    if unsupported {
        for p in &mut out {
            p.holds = true;
        }
    }
    out
}

fn message(
    claim: &Claim,
    i: usize,
    source: &SourceId,
    excerpt: Option<&str>,
    w: &Watch,
    language: Language,
) -> String {
    let lost = w.lost.iter().find(|l| Some(l.excerpt.as_str()) == excerpt);
    let now = lost.and_then(|l| l.closest.as_deref()).map(one_line);
    let shown = one_line(excerpt.unwrap_or_default());
    let what = match w.outcome {
        WatchOutcome::ExcerptChanged => Says::ExcerptGone {
            excerpt: &shown,
            now: now.as_deref(),
        },
        WatchOutcome::Moved => Says::PageMoved {
            to: w.final_url.as_deref(),
        },
        WatchOutcome::Soft404 => Says::Soft404,
        _ => Says::PageGone {
            status: w.status,
            error: w.error.as_deref(),
        },
    }
    .text(language);
    let archived = w.archived.as_ref().map(|a| (a.at.date(), a.url.as_str()));
    Says::Watched {
        n: i + 1,
        date: &w.at.date(),
        verdict: claim.verdict_entry().map(|h| h.at.date()).as_deref(),
        what: &what,
        source: source.short(),
        url: &w.url,
        archived: archived.as_ref().map(|(at, url)| (at.as_str(), *url)),
        capture: w
            .capture
            .as_ref()
            .filter(|_| w.outcome.is_changed())
            .map(SourceId::short),
    }
    .text(language)
}
