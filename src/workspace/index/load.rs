//! Loading claims through the index: each from the index where it vouches
//! for the file, parsed from the file otherwise, in parallel; what was
//! parsed is handed back for the index the command writes.

use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;

use super::{FILE, Fresh, Index, RACY, Span, read_at};
use crate::error::{Error, Result};
use crate::model::{Claim, ClaimId};
use crate::workspace::{Stamp, Workspace, store};

/// A claim's id, with the stat of its file when the caller took it
/// ([`Workspace::stated_claims`]); `None` has it taken here.
pub type Stated = (ClaimId, Option<Stamp>);

/// One claim, as loaded.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub claim: Claim,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// Loads the claims of `ids` (files `claims/<id>.yaml`), from the index
/// where it vouches for a file and by parsing it otherwise; `full` ignores
/// the index. The first unreadable claim is an error, as without an index.
pub fn load_claims(ws: &Workspace, ids: &[Stated], full: bool) -> Result<Vec<Loaded>> {
    let (_, claims) = load_with(ws, ids, full, |loaded, _| Ok(loaded))?;
    Ok(claims)
}

/// Claims kept encoded, as the index holds them: for a caller that reads
/// every claim once to sum it up and again only when it needs it (`report`
/// on a desk's archive), so that what stays in memory is the size of the
/// records, not of the parsed claims (several times more).
pub struct Records {
    index: Option<Bodies>,
    bodies: Vec<BodyAt>,
}

/// The index file as read, and where its bodies start.
struct Bodies {
    file: File,
    at: u64,
}

enum BodyAt {
    /// In the index file: offset from its bodies, length and CRC-32.
    Index(u64, u32, u32),
    Own(Arc<[u8]>),
}

impl Records {
    /// The `i`th claim loaded, decoded again. Every body decoded once when
    /// it was loaded, so this fails only if the index file was changed in
    /// place since, which this tool never does.
    pub fn claim(&self, i: usize) -> Result<Claim> {
        let decoded = match (self.bodies.get(i), &self.index) {
            (Some(BodyAt::Index(at, len, crc)), Some(bodies)) => {
                read_at(&bodies.file, bodies.at + at, u64::from(*len))
                    .filter(|b| crc32fast::hash(b) == *crc)
                    .and_then(|b| rmp_serde::from_slice(&b).ok())
            }
            (Some(BodyAt::Own(bytes)), _) => rmp_serde::from_slice(bytes).ok(),
            _ => None,
        };
        decoded.ok_or_else(|| {
            Error::usage(format!(
                "claim {i} of the loaded records no longer decodes: `.factcheck/{FILE}` was changed while it was read"
            ))
            .with_hint_in("run the command again", "请再运行一次该命令")
        })
    }
}

/// Loads the claims of `ids` like [`load_claims`], hands each to `sum_up`
/// (which may keep what it needs of it) and keeps it encoded in the
/// [`Records`] it returns, in the order of `ids`.
pub fn load_records<T: Send>(
    ws: &Workspace,
    ids: &[Stated],
    full: bool,
    sum_up: impl Fn(&Loaded) -> T + Sync,
) -> Result<(Records, Vec<T>)> {
    let (index, loaded) = load_with(ws, ids, full, |loaded, body| {
        let kept = sum_up(&loaded);
        let body = match body {
            From::Index(span) => BodyAt::Index(span.body_at, span.body_len, span.body_crc),
            From::File(Some(fresh)) => BodyAt::Own(fresh.body.clone()),
            From::File(None) => BodyAt::Own(
                rmp_serde::to_vec_named(&loaded.claim)
                    .map_err(|e| {
                        Error::usage(format!("cannot encode claim {}: {e}", loaded.claim.id))
                    })?
                    .into(),
            ),
        };
        drop(loaded);
        Ok((kept, body))
    })?;
    let mut loaded = loaded;
    let bodies = loaded
        .iter_mut()
        .map(|(_, body)| std::mem::replace(body, BodyAt::Index(0, 0, 0)))
        .collect();
    let mut kept: Vec<T> = loaded.into_iter().map(|(kept, _)| kept).collect();
    kept.shrink_to_fit();
    Ok((Records { index, bodies }, kept))
}

/// Where a loaded claim came from.
enum From<'a> {
    Index(&'a Span),
    /// Parsed from its file, with its entry for the index unless the file
    /// is racy.
    File(Option<&'a Fresh>),
}

/// The loading both of the above do: each claim from the index or its
/// file, in parallel, handed to `each` with where it came from; what was
/// parsed is handed to the index. Returns the index file too, open, for
/// the bodies in it.
fn load_with<T: Send>(
    ws: &Workspace,
    ids: &[Stated],
    full: bool,
    each: impl Fn(Loaded, From) -> Result<T> + Sync,
) -> Result<(Option<Bodies>, Vec<T>)> {
    ws.saw_named(|| {
        ids.iter()
            .filter_map(|(id, stamp)| Some((format!("{id}.yaml"), (*stamp)?)))
            .collect()
    });
    let index = if full { None } else { ws.index() };
    let now = SystemTime::now();
    let results: Vec<(T, Option<(String, Fresh)>)> = ids
        .par_iter()
        .map(|(id, stamp)| load_one(ws, id, *stamp, index, now, &each))
        .collect::<Result<_>>()?;
    let mut claims = Vec::with_capacity(results.len());
    let mut fresh = Vec::new();
    for (loaded, new) in results {
        claims.push(loaded);
        fresh.extend(new);
    }
    ws.learnt(fresh);
    let file = index.and_then(|i| {
        Some(Bodies {
            file: i.file.try_clone().ok()?,
            at: i.bodies,
        })
    });
    Ok((file, claims))
}

fn load_one<T>(
    ws: &Workspace,
    id: &ClaimId,
    stamp: Option<Stamp>,
    index: Option<&Index>,
    now: SystemTime,
    each: &(impl Fn(Loaded, From) -> Result<T> + Sync),
) -> Result<(T, Option<(String, Fresh)>)> {
    let path = ws.claim_path(id);
    let name = format!("{id}.yaml");
    let stamp = match stamp {
        Some(stamp) => stamp,
        None => std::fs::symlink_metadata(&path)
            .map(|meta| Stamp::of(&meta))
            .map_err(|e| Error::io("read", &path, e))?,
    };
    if let Some(index) = index
        && let Some(span) = index.get(&name)
        && index.trusts(span, &stamp)
        && let Some(fields) = index.fields(span)
        // A body that fails its checksum or does not decode is parsed
        // again, as if not indexed.
        && let Some(claim) = index.claim(span, id)
    {
        let loaded = Loaded {
            path,
            claim,
            sha256: fields.sha256.to_string(),
        };
        return Ok((each(loaded, From::Index(span))?, None));
    }
    let text = crate::workspace::read_to_string(&path)?;
    let claim = ws.parse_claim(id, &path, &text)?;
    let sha256 = store::sha256_hex(text.as_bytes());
    let fresh = if stamp.modified_within(now, RACY) {
        None
    } else {
        Fresh::of(&claim, stamp, &sha256)
    };
    let loaded = Loaded {
        path,
        claim,
        sha256,
    };
    let out = each(loaded, From::File(fresh.as_ref()))?;
    Ok((out, fresh.map(|f| (name, f))))
}
