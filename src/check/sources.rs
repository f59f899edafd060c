//! The rules on snapshots: bytes without a record, a record without its
//! bytes or naming the wrong ones, damaged bytes, unreadable records, and
//! the temporary files an interrupted write leaves.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::model::{SourceId, SourceMeta};
use crate::says::Says;
use crate::workspace::Stamp;
use crate::workspace::store;
use crate::workspace::yaml;
use crate::workspace::{self, Lock, Workspace};

use super::lines::line_of_key;
use super::loading::{read_or_empty, yaml_problem};
use super::{Outcome, Problem, ProblemKind, problem};

/// The problems of the snapshots themselves: bytes without a record, a
/// record without its bytes or naming the wrong ones, bytes that do not hash
/// to their name or have the wrong size. Returns why each damaged snapshot
/// is, by hash, for the claims that quote it.
pub(super) fn snapshot_problems(
    ws: &Workspace,
    listing: &store::Listing,
    sources: &BTreeMap<SourceId, SourceMeta>,
    verified: store::Verified,
    problems: &mut Vec<Problem>,
) -> HashMap<String, String> {
    for (id, meta) in sources {
        if !listing.bytes.contains_key(id.hex()) {
            problems.push(problem(
                ProblemKind::MissingBytes,
                format!("sources/{}.yaml", id.hex()),
                None,
                Says::MissingBytes { file: &meta.file }.text(ws.config.language()),
            ));
        } else if store::safe_file_name(meta).is_err() {
            let line = line_of_key(&read_or_empty(&store::meta_path(ws, id)), "file", 0);
            problems.push(problem(
                ProblemKind::Record,
                format!("sources/{}.yaml", id.hex()),
                line,
                Says::WrongFile {
                    file: &meta.file,
                    hex: id.hex(),
                }
                .text(ws.config.language()),
            ));
        }
    }
    for (hex, path) in &listing.bytes {
        if SourceId::from_hex(hex).is_none_or(|id| listing.metas.binary_search(&id).is_err()) {
            problems.push(problem(
                ProblemKind::MissingBytes,
                ws.rel(path),
                None,
                Says::BytesWithoutRecord.text(ws.config.language()),
            ));
        }
    }
    let mut damaged = HashMap::new();
    for d in verified.damage {
        damaged.insert(d.hex, d.message.clone());
        problems.push(problem(ProblemKind::Damaged, &d.file, None, d.message));
    }
    for (id, meta) in sources {
        if let Some(size) = verified.intact.get(id.hex()).map(Stamp::size)
            && size != meta.size
        {
            problems.push(problem(
                ProblemKind::Damaged,
                format!("sources/{}.yaml", id.hex()),
                None,
                Says::WrongSize {
                    size: meta.size,
                    actual: size,
                }
                .text(ws.config.language()),
            ));
        }
    }
    damaged
}

/// Temporary files left by interrupted writes, in `sources/` (listed as
/// strays) and `claims/`: reported, or removed by `--fix`.
pub(super) fn leftover_temp_files(
    ws: &Workspace,
    listing: &store::Listing,
    claim_temps: Vec<PathBuf>,
    lock: Option<&Lock>,
    out: &mut Outcome,
) -> Result<()> {
    let is_temp = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(".tmp-"))
    };
    let mut temps: Vec<PathBuf> = listing
        .strays
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| is_temp(p))
        .collect();
    let sources_reported = temps.len();
    temps.extend(claim_temps);
    // Only a regular file can be a writer's leftover: a folder or a FIFO
    // named `.tmp-*` is not ours to remove (and `claims/` ignores folders).
    let (temps, sources_reported) = {
        let ours = |p: &PathBuf| workspace::fs::is_plain_file(p);
        let in_sources = temps[..sources_reported].iter().filter(|p| ours(p)).count();
        (
            temps.into_iter().filter(ours).collect::<Vec<_>>(),
            in_sources,
        )
    };
    match lock {
        Some(_) => {
            for path in &temps {
                workspace::fs::remove_file(path)?;
                out.removed.push(ws.rel(path).display().to_string());
            }
            let removed: HashSet<String> = out.removed.iter().cloned().collect();
            out.problems.retain(|p| !removed.contains(&p.path));
        }
        None => {
            for path in &temps[sources_reported..] {
                out.problems.push(problem(
                    ProblemKind::Stray,
                    ws.rel(path),
                    None,
                    Says::LeftoverTemp.text(ws.config.language()),
                ));
            }
        }
    }
    Ok(())
}

pub(super) fn load_meta_checked(
    ws: &Workspace,
    id: &SourceId,
    indexed: bool,
) -> std::result::Result<SourceMeta, Problem> {
    let language = ws.config.language();
    let rel = ws.rel(&store::meta_path(ws, id));
    let unreadable =
        |e: crate::error::Error| problem(ProblemKind::Unreadable, &rel, None, e.to_string());
    store::load_meta_with(ws, id, indexed, unreadable, |_, raw| {
        let meta: SourceMeta =
            yaml::from_str(&rel, raw).map_err(|e| yaml_problem(&rel, e, language))?;
        if meta.sha256 != *id {
            return Err(problem(
                ProblemKind::Record,
                &rel,
                line_of_key(raw, "sha256", 0),
                Says::WrongSha {
                    sha: meta.sha256.hex(),
                }
                .text(language),
            ));
        }
        Ok(meta)
    })
}
