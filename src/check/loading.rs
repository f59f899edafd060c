//! Reading what `check` checks: the snapshot records, the claim files
//! (each parsed, or why not) and the text of every snapshot a claim quotes,
//! each step in parallel.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Result;
use crate::model::{Claim, ClaimId, SourceId, SourceMeta};
use crate::says::Says;
use crate::text::SourceText;
use crate::workspace::Stamp;
use crate::workspace::store;
use crate::workspace::yaml;
use crate::workspace::{self, Workspace};

use super::cached::Cached;
use super::lines::line_of_key;
use super::sources::load_meta_checked;
use super::{Options, Problem, ProblemKind, problem};

/// A loaded claim with its raw text, for line numbers.
pub(super) struct Loaded {
    pub(super) path: PathBuf,
    /// `None` once dropped after parsing (`--full` holds no claim's text
    /// while the snapshots hash): the file is read again for a claim that
    /// has a problem to place.
    pub(super) raw: Option<String>,
    pub(super) claim: Claim,
    /// The file's stat when it was read, for the index.
    pub(super) stamp: Option<Stamp>,
    /// SHA-256 of the file's bytes, hex, when the claim was parsed from
    /// them (not taken from the index): the index learns it.
    pub(super) sha256: Option<String>,
}

/// Everything `check` reads besides the snapshots' bytes.
pub(super) struct Records {
    /// The snapshot records that read.
    pub(super) sources: BTreeMap<SourceId, SourceMeta>,
    /// Why the others did not.
    pub(super) meta_problems: Vec<Problem>,
    /// Every claim file with its stat, and each one parsed or why not.
    pub(super) files: Vec<(std::ffi::OsString, Option<Stamp>)>,
    pub(super) parsed: Vec<std::result::Result<Loaded, Problem>>,
    /// The text of every snapshot a claim quotes, each decoded once.
    pub(super) texts: HashMap<SourceId, std::result::Result<SourceText, String>>,
    /// What the index vouches for: the claims not read again.
    pub(super) cached: Cached,
    /// Leftover temporary files in `claims/`.
    pub(super) claim_temps: Vec<PathBuf>,
}

/// Reads snapshot records and claims and decodes the quoted texts, each
/// step in parallel.
pub(super) fn load_records(
    ws: &Workspace,
    listing: &store::Listing,
    options: Options,
    scan: Option<workspace::ClaimsScan>,
) -> Result<Records> {
    let metas: Vec<(SourceId, std::result::Result<SourceMeta, Problem>)> = listing
        .metas
        .par_iter()
        .map(|id| (id.clone(), load_meta_checked(ws, id, !options.full)))
        .collect();
    let mut sources = BTreeMap::new();
    let mut meta_problems = Vec::new();
    for (id, meta) in metas {
        match meta {
            Ok(meta) => {
                sources.insert(id, meta);
            }
            Err(p) => meta_problems.push(p),
        }
    }

    // A claim file unchanged since a check passed it, with `sources/`
    // unchanged too, would pass again: it is not read. `--full` and `--fix`
    // read everything. One reading of `claims/` (each claim file with its
    // stat, and the leftover temporary files) goes on while the cache loads.
    let (scan, cache) = rayon::join(
        || scan.map_or_else(|| ws.scan_claims(), Ok),
        || Cached::load(ws, listing, options),
    );
    let workspace::ClaimsScan {
        files,
        temps: claim_temps,
    } = scan?;
    // Claims read again are parsed from the index where it holds them;
    // `--full` parses every file.
    let (cached, fresh) = Cached::pair(ws, cache?, &files);
    let claims_dir = ws.claims_dir();
    // The files to read, listed first so the parallel read below knows how
    // many results come and writes them in place (a filtered parallel
    // iterator collects into chunks that are copied together afterwards).
    let stale: Vec<&(std::ffi::OsString, Option<Stamp>)> = files
        .iter()
        .zip(&fresh)
        .filter(|(_, fresh)| !**fresh)
        .map(|(file, _)| file)
        .collect();
    let parsed: Vec<std::result::Result<Loaded, Problem>> = stale
        .par_iter()
        .map(|(name, stamp)| {
            let parsed = cached.parsed(ws, name, stamp.as_ref());
            load_claim_checked(ws, &claims_dir.join(name), parsed).map(|mut loaded| {
                loaded.stamp = *stamp;
                if options.full {
                    // Ten thousand claims' text is megabytes of peak memory;
                    // a problem's line is found in the file read again.
                    loaded.raw = None;
                }
                loaded
            })
        })
        .collect();
    Cached::learnt(ws, &parsed);

    let wanted: HashSet<&SourceId> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .flat_map(|l| {
            let c = &l.claim;
            c.appears_in.iter().map(|a| &a.source).chain(
                c.evidence
                    .iter()
                    .filter(|e| e.excerpt.is_some())
                    .map(|e| &e.source),
            )
        })
        .collect();
    let wanted: Vec<&SourceId> = wanted
        .into_iter()
        .filter(|id| sources.contains_key(*id))
        .collect();
    let texts = wanted
        .par_iter()
        .map(|id| {
            (
                (*id).clone(),
                store::read_text(ws, &sources[*id]).map_err(|e| e.to_string()),
            )
        })
        .collect();
    Ok(Records {
        sources,
        meta_problems,
        files,
        parsed,
        texts,
        cached,
        claim_temps,
    })
}

pub(super) fn read_or_empty(path: &Path) -> String {
    workspace::fs::read_or_empty(path)
}

/// Reads a claim file and parses it, or takes `cached`, the same file's
/// record as the index holds it parsed.
pub(super) fn load_claim_checked(
    ws: &Workspace,
    path: &Path,
    cached: Option<Claim>,
) -> std::result::Result<Loaded, Problem> {
    let rel = ws.rel(path);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem.parse::<ClaimId>().is_err() {
        return Err(problem(
            ProblemKind::Record,
            &rel,
            None,
            Says::BadClaimFileName { stem }.text(ws.config.language()),
        ));
    }
    let raw = workspace::read_to_string(path)
        .map_err(|e| problem(ProblemKind::Unreadable, &rel, None, e.to_string()))?;
    let (claim, sha256) = match cached {
        Some(claim) => (claim, None),
        None => (
            yaml::from_str(&rel, &raw).map_err(|e| yaml_problem(&rel, e, ws.config.language()))?,
            Some(store::sha256_hex(raw.as_bytes())),
        ),
    };
    if claim.id.as_str() != stem {
        return Err(problem(
            ProblemKind::Record,
            &rel,
            line_of_key(&raw, "id", 0),
            Says::IdNotFileName {
                id: claim.id.as_str(),
                stem,
            }
            .text(ws.config.language()),
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        raw: Some(raw),
        claim,
        stamp: None,
        sha256,
    })
}

pub(super) fn yaml_problem(
    rel: &Path,
    err: crate::error::Error,
    language: crate::model::Language,
) -> Problem {
    match err {
        crate::error::Error::Yaml {
            line,
            column,
            message,
            ..
        } => Problem {
            kind: ProblemKind::Yaml,
            path: rel.display().to_string(),
            line,
            message: match column {
                Some(column) => Says::YamlAt {
                    column,
                    message: &message,
                }
                .text(language),
                None => message,
            },
            holds: false,
        },
        other => problem(ProblemKind::Yaml, rel, None, other.to_string()),
    }
}
