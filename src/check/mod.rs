//! Every consistency rule of the workspace, collected into a list of problems:
//! a file per family (`sources`, `claims`, `twins`, `revisions`), with
//! `loading` reading the records, `lines` placing a problem on its line and
//! `cached` the one place that meets the caches.
//!
//! `check` never stops at the first problem: an editor fixing a broken merge
//! wants the whole list at once, each as `path:line: message`, like a compiler.

mod cached;
mod captures;
mod claims;
mod editorial;
mod lines;
mod loading;
mod revisions;
mod sources;
mod twins;
mod watched;

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Result;
use crate::workspace::store;
use crate::workspace::{self, Lock, Workspace};

use cached::Quote;
use claims::{ClaimCtx, ClaimFindings};
use loading::{Records, load_records, read_or_empty};
use revisions::Revisions;
use sources::{leftover_temp_files, snapshot_problems};
use twins::{Twin, TwinFile, inconsistent};

pub use editorial::Fix;
pub use editorial::{correction_key, relayed_outlet};
pub use lines::line_of_key;

/// One problem, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// Path relative to the workspace root.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub message: String,
    /// What is wrong, for `--fix`, reports and machines.
    pub kind: ProblemKind,
    /// An `evidence-changed` or `evidence-gone` problem that leaves a
    /// verified claim without the support its verdict needs: it holds the
    /// recommendation until the claim is re-reviewed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub holds: bool,
}

crate::keyword_enum!(
    /// What sort of problem `check` found. The first group is the
    /// workspace's integrity (files, records, snapshots, anchors); the
    /// second is editorial consistency (the desk's own rules).
    ProblemKind {
        Stray => "stray",
        Unreadable => "unreadable",
        Yaml => "yaml",
        Record => "record",
        MissingBytes => "missing-bytes",
        MissingSnapshot => "missing-snapshot",
        Damaged => "damaged",
        StaleOffsets => "stale-offsets",
        LostQuote => "lost-quote",
        LostExcerpt => "lost-excerpt",
        StatusRule => "status-rule",
        Policy => "policy",
        Rating => "rating",
        NoCorrection => "no-correction",
        Inconsistent => "inconsistent",
        LateEvidence => "late-evidence",
        StaleVerdict => "stale-verdict",
        DuplicateCorrection => "duplicate-correction",
        NoOrigin => "no-origin",
        // Article revisions.
        OldRevision => "old-revision",
        Recheck => "recheck",
        RevisionChain => "revision-chain",
        // Cited pages, as `source watch` found them.
        EvidenceChanged => "evidence-changed",
        EvidenceGone => "evidence-gone",
    }
);

impl ProblemKind {
    /// Whether the problem is about a cited page that changed or vanished
    /// (`source watch`): news about the evidence, which holds nothing by
    /// itself (see [`Problem::holds`]).
    pub fn is_watch(self) -> bool {
        matches!(
            self,
            ProblemKind::EvidenceChanged | ProblemKind::EvidenceGone
        )
    }

    /// Whether the problem is about the desk's editorial rules (a verdict
    /// that no longer meets the policy, disagreeing twins, …) rather than
    /// the integrity of files and records.
    pub fn is_editorial(self) -> bool {
        matches!(
            self,
            ProblemKind::Policy
                | ProblemKind::Rating
                | ProblemKind::NoCorrection
                | ProblemKind::Inconsistent
                | ProblemKind::LateEvidence
                | ProblemKind::StaleVerdict
                | ProblemKind::DuplicateCorrection
                | ProblemKind::NoOrigin
                | ProblemKind::Recheck
        )
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What a check found.
#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub problems: Vec<Problem>,
    pub claims: usize,
    pub sources: usize,
    /// Claims whose stale offsets `--fix` rewrote.
    pub fixed: Vec<String>,
    /// Claims `--fix` carried over the article's revisions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<crate::revise::Carried>,
    /// Leftover temporary files `--fix` removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// Options for a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Rehash every snapshot and parse every claim file, ignoring the stat
    /// cache and the workspace index.
    pub full: bool,
    /// Rewrite stale offsets of claims whose quote was found again.
    pub fix: bool,
}

fn problem(
    kind: ProblemKind,
    path: impl AsRef<Path>,
    line: Option<usize>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        path: path.as_ref().display().to_string(),
        line,
        message: message.into(),
        kind,
        holds: false,
    }
}

/// Runs every check. `lock` is needed only with `fix`.
pub fn run(ws: &Workspace, options: Options, lock: Option<&Lock>) -> Result<Outcome> {
    run_with_progress(ws, options, lock, &())
}

/// [`run`], telling `progress` how the hashing of snapshots goes.
pub fn run_with_progress(
    ws: &Workspace,
    options: Options,
    lock: Option<&Lock>,
    progress: &dyn crate::workspace::hash::Progress,
) -> Result<Outcome> {
    run_scanned(ws, options, lock, progress, None)
}

/// [`run`] with `claims/` already read ([`Workspace::scan_claims`]) by a
/// caller that wants the claim files too (`report`): it is read once.
pub fn run_with_scan(ws: &Workspace, scan: workspace::ClaimsScan) -> Result<Outcome> {
    run_scanned(ws, Options::default(), None, &(), Some(scan))
}

fn run_scanned(
    ws: &Workspace,
    options: Options,
    lock: Option<&Lock>,
    progress: &dyn crate::workspace::hash::Progress,
    scan: Option<workspace::ClaimsScan>,
) -> Result<Outcome> {
    let mut out = Outcome::default();

    // Snapshots: the folder's contents, each record, each file's bytes.
    let listing = store::list(ws)?;
    for (path, why) in &listing.strays {
        out.problems.push(problem(
            ProblemKind::Stray,
            ws.rel(path),
            None,
            why.to_string(),
        ));
    }

    // The desk's dismissed sentences (`extract --dismiss`) must read.
    if let Err(err) = ws.load_dismissed() {
        out.problems.push(loading::yaml_problem(
            Path::new(workspace::DISMISSED_FILE),
            err,
            ws.config.language(),
        ));
    }

    // Hash the snapshots' bytes while records, claims and texts load: with one
    // big snapshot, its hashing holds one core about as long as everything
    // else takes on the others.
    let (verified, records) = rayon::join(
        || store::verify(ws, &listing.bytes, options.full, progress),
        || load_records(ws, &listing, options, scan),
    );
    let verified = verified?;
    let records = records?;
    leftover_temp_files(ws, &listing, records.claim_temps, lock, &mut out)?;
    let Records {
        sources,
        meta_problems,
        files,
        parsed,
        texts,
        mut cached,
        claim_temps: _,
    } = records;
    out.problems.extend(meta_problems);
    let damaged = snapshot_problems(ws, &listing, &sources, verified, &mut out.problems);
    for f in captures::check(ws, &sources, &listing.bytes, options.full) {
        out.problems
            .push(problem(ProblemKind::Record, f.path, f.line, f.message));
    }
    out.sources = listing.metas.len();

    let mut claims = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(loaded) => claims.push(loaded),
            Err(p) => out.problems.push(p),
        }
    }
    out.claims = files.len();

    let revisions = Revisions::of(ws, &sources, &mut out.problems);
    let ctx = ClaimCtx {
        sources: &sources.keys().collect(),
        metas: &sources,
        config: &ws.config,
        texts: &texts,
        damaged: &damaged,
        revisions: &revisions,
    };
    let results: Vec<ClaimFindings> = claims
        .par_iter()
        .map(|l| match &l.raw {
            Some(raw) => ctx.check_claim(ws, l, raw),
            None => {
                let found = ctx.check_claim(ws, l, "");
                if found.0.is_empty() {
                    found
                } else {
                    ctx.check_claim(ws, l, &read_or_empty(&l.path))
                }
            }
        })
        .collect();
    // Twins: claims on the same words must not be rated apart. The claims
    // read now take part as read, those the cache vouched for as it
    // remembers them, so a warm `check` reads no claim file.
    let quotes: Vec<Twin> = claims
        .iter()
        .filter_map(|l| {
            Some(Twin {
                file: TwinFile::Read(l.path.as_path()),
                raw: l.raw.as_deref(),
                quote: std::borrow::Cow::Owned(Quote::of(&l.claim)?),
            })
        })
        .chain(cached.twins())
        .collect();
    out.problems.extend(inconsistent(ws, quotes));
    // One correction for claims on different words.
    let fixes = claims
        .iter()
        .filter_map(|l| {
            let fix = Fix::of(&l.claim)?;
            Some((
                l.path.clone(),
                l.raw.as_deref(),
                std::borrow::Cow::Owned(fix),
            ))
        })
        .chain(cached.fixes(ws))
        .collect();
    out.problems
        .extend(editorial::duplicate_corrections(ws, fixes));
    for (loaded, (problems, moved)) in claims.iter().zip(results) {
        if problems.is_empty() {
            cached.remember(loaded);
        }
        match (moved, options.fix, lock) {
            (Some((start, end)), true, Some(lock)) => {
                let mut claim = loaded.claim.clone();
                if let Some(a) = claim.appears_in.as_mut() {
                    a.start = start;
                    a.end = end;
                }
                ws.save_claim(&claim, lock)?;
                out.fixed.push(claim.id.to_string());
                out.problems.extend(
                    problems
                        .into_iter()
                        .filter(|p| p.kind != ProblemKind::StaleOffsets),
                );
            }
            _ => out.problems.extend(problems),
        }
    }

    cached.save(ws);

    out.problems.sort();
    Ok(out)
}
