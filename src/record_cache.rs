//! The parsed-record cache, `.factcheck/records`: git's index applied to
//! parsed claims.
//!
//! Parsing YAML is most of what `report`, `claim list` and `export` spend on a
//! desk's years of claims. The YAML files stay the product; this cache holds
//! each claim as it parsed, in MessagePack, beside the stat of the file it
//! came from (size, mtime, inode) and the SHA-256 of the file's bytes (which
//! the report's digest needs). A claim whose file still has that stat is taken
//! from the cache; any other is read and parsed as always, and the cache is
//! rewritten when it changed.
//!
//! The cache is never trusted blindly: a file that is not one (wrong magic,
//! truncated, a record that does not decode) is rebuilt from the YAML, and so
//! is one written by another build of this tool ([`build_id`]), whose records
//! may have other fields. A file modified within `RACY` (two seconds) of being cached is
//! not cached (its next change could keep size and mtime, as in git's "racy
//! clean" problem). Writing the cache is best effort: it only saves time, so a
//! read-only `.factcheck/` costs speed, never a result.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Claim, ClaimId};
use crate::workspace::Stamp;
use crate::workspace::store;
use crate::workspace::{self, Workspace};

/// The cache's file under `.factcheck/`.
pub const FILE: &str = "records";
/// The first bytes of the file; the last one is the layout's version.
const MAGIC: &[u8; 8] = b"fcrecs\0\x01";
/// Files modified this recently are not cached (see the module doc).
const RACY: Duration = Duration::from_secs(2);

/// What identifies the build of this tool: its version and the stat of its
/// executable. Records cached by one build are not trusted by another, whose
/// model may differ. Used as part of every cache's key.
pub fn build_id() -> Result<String> {
    let exe = std::env::current_exe().map_err(|e| Error::io("locate", "the running program", e))?;
    let meta = fs::metadata(&exe).map_err(|e| Error::io("stat", &exe, e))?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Ok(format!(
        "{} {} {} {mtime}",
        env!("CARGO_PKG_VERSION"),
        exe.display(),
        meta.len()
    ))
}

/// The index at the head of the file: one entry per claim file, in the
/// order of the record bodies that follow it.
#[derive(Serialize, Deserialize)]
struct Index {
    build: String,
    entries: Vec<Entry>,
}

/// [`Index`] as written, borrowing its entries.
#[derive(Serialize)]
struct IndexRef<'a> {
    build: &'a str,
    entries: Vec<&'a Entry>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    /// The claim file's name, `<id>.yaml`.
    name: String,
    stamp: Stamp,
    /// SHA-256 of the file's bytes, hex.
    sha256: String,
    /// Length of the record's MessagePack body.
    len: u64,
}

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

/// A cache file, open, with its index read: each name with its entry and
/// where its body starts. Bodies are read when wanted, so a cache of a
/// desk's archive is never held whole in memory. The file stays open: if
/// another run replaces the cache meanwhile, this one reads the old file.
struct Read {
    file: fs::File,
    /// Each entry with its body's offset, sorted by name.
    by_name: Vec<(Entry, u64)>,
}

impl Read {
    /// The entry of the claim file `name`, and its body's offset.
    fn get(&self, name: &str) -> Option<&(Entry, u64)> {
        let at = self
            .by_name
            .binary_search_by(|(e, _)| e.name.as_str().cmp(name))
            .ok()?;
        self.by_name.get(at)
    }

    /// The body of `entry`, which starts at `offset`.
    fn body(&self, entry: &Entry, offset: u64) -> Option<Vec<u8>> {
        read_at(&self.file, offset, entry.len)
    }
}

/// `len` bytes of `file` from `offset`.
fn read_at(file: &fs::File, offset: u64, len: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt as _;
    let mut body = vec![0; usize::try_from(len).ok()?];
    file.read_exact_at(&mut body, offset).ok()?;
    Some(body)
}

/// The cache as read, for a caller that reads claim files itself (`check`,
/// which needs their text for line numbers) and only wants the parse saved.
pub struct Cache(Read);

impl Cache {
    /// The cache of this build, if there is a sound one.
    pub fn open(ws: &Workspace) -> Result<Option<Cache>> {
        Ok(read(ws, &build_id()?).map(Cache))
    }

    /// The claim cached for the file `name` (`<id>.yaml`) if the file still
    /// has the stat it had then.
    pub fn claim(&self, name: &str, stamp: &Stamp) -> Option<Claim> {
        let (entry, offset) = self.0.get(name)?;
        if entry.stamp != *stamp {
            return None;
        }
        rmp_serde::from_slice::<Claim>(&self.0.body(entry, *offset)?)
            .ok()
            .filter(|c| name.strip_suffix(".yaml") == Some(c.id.as_str()))
    }
}

/// Reads the cache's index; `None` when there is none, or it is corrupt or
/// foreign. Each body must lie inside the file and they must fill it; a body
/// that does not decode is found when it is read.
fn read(ws: &Workspace, build: &str) -> Option<Read> {
    use std::io::Read as _;
    let mut file = fs::File::open(ws.state_dir().join(FILE)).ok()?;
    let size = file.metadata().ok()?.len();
    let mut head = [0; MAGIC.len() + 8];
    file.read_exact(&mut head).ok()?;
    let (magic, len) = head.split_at(MAGIC.len());
    if magic != MAGIC.as_slice() {
        return None;
    }
    let len = u64::from_le_bytes(len.try_into().ok()?);
    let start = (head.len() as u64)
        .checked_add(len)
        .filter(|&end| end <= size)?;
    let index: Index = rmp_serde::from_slice(&read_at(&file, head.len() as u64, len)?).ok()?;
    if index.build != build {
        return None;
    }
    let mut offset = start;
    let mut by_name = Vec::with_capacity(index.entries.len());
    for entry in index.entries {
        let end = offset.checked_add(entry.len).filter(|&end| end <= size)?;
        by_name.push((entry, offset));
        offset = end;
    }
    by_name.sort_unstable_by(|(a, _), (b, _)| a.name.cmp(&b.name));
    (offset == size).then_some(Read { file, by_name })
}

/// Loads the claims of `ids` (files `claims/<id>.yaml`), from the cache
/// where a file's stat matches and by parsing it otherwise; `full` ignores
/// the cache. The first unreadable claim is an error, as without a cache.
/// The cache is rewritten when anything in it changed.
pub fn load_claims(ws: &Workspace, ids: &[Stated], full: bool) -> Result<Vec<Loaded>> {
    let (_, claims) = load_with(ws, ids, full, |loaded, _| Ok(loaded))?;
    Ok(claims)
}

/// Claims kept encoded, as the cache holds them: for a caller that reads
/// every claim once to sum it up and again only when it needs it (`report`
/// on a desk's archive), so that what stays in memory is the size of the
/// records, not of the parsed claims (several times more).
pub struct Records {
    /// The cache file as read: the bodies of unchanged claims are in it.
    cache: Option<fs::File>,
    bodies: Vec<BodyAt>,
}

enum BodyAt {
    /// In the cache file: offset and length.
    Cache(u64, u64),
    Own(Box<[u8]>),
}

impl Records {
    /// The `i`th claim loaded, decoded again. Every body decoded once when
    /// it was loaded, so this fails only if the cache file was changed in
    /// place since, which this tool never does.
    pub fn claim(&self, i: usize) -> Result<Claim> {
        let decoded = match (self.bodies.get(i), &self.cache) {
            (Some(BodyAt::Cache(offset, len)), Some(file)) => {
                read_at(file, *offset, *len).and_then(|b| rmp_serde::from_slice(&b).ok())
            }
            (Some(BodyAt::Own(bytes)), _) => rmp_serde::from_slice(bytes).ok(),
            _ => None,
        };
        decoded.ok_or_else(|| {
            Error::usage(format!(
                "claim {i} of the loaded records no longer decodes: `.factcheck/{FILE}` was changed while it was read"
            ))
            .with_hint("run the command again")
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
    let (cache, loaded) = load_with(ws, ids, full, |loaded, body| {
        let kept = sum_up(&loaded);
        let body = match body {
            Some(Kept::Cached((entry, offset))) => BodyAt::Cache(*offset, entry.len),
            Some(Kept::Fresh(fresh)) => BodyAt::Own(fresh.1.clone().into_boxed_slice()),
            None => BodyAt::Own(
                rmp_serde::to_vec_named(&loaded.claim)
                    .map_err(|e| {
                        Error::usage(format!("cannot encode claim {}: {e}", loaded.claim.id))
                    })?
                    .into_boxed_slice(),
            ),
        };
        drop(loaded);
        Ok((kept, body))
    })?;
    let mut loaded = loaded;
    let bodies = loaded
        .iter_mut()
        .map(|(_, body)| std::mem::replace(body, BodyAt::Cache(0, 0)))
        .collect();
    let mut kept: Vec<T> = loaded.into_iter().map(|(kept, _)| kept).collect();
    kept.shrink_to_fit();
    Ok((Records { cache, bodies }, kept))
}

/// The loading both of the above do: each claim from the cache or its file,
/// in parallel, handed to `each` with its body for the cache; then the
/// cache rewritten if it changed. Returns the old cache file too, open, for
/// the bodies still in it.
fn load_with<T: Send>(
    ws: &Workspace,
    ids: &[Stated],
    full: bool,
    each: impl Fn(Loaded, Option<&Kept>) -> Result<T> + Sync,
) -> Result<(Option<fs::File>, Vec<T>)> {
    let build = build_id()?;
    let cache = if full { None } else { read(ws, &build) };
    let now = SystemTime::now();
    // Each claim, with what the new cache should hold for it.
    let results: Vec<(T, Option<Kept>)> = ids
        .par_iter()
        .map(|(id, stamp)| {
            let (loaded, entry) = load_one(ws, id, *stamp, cache.as_ref(), now)?;
            Ok((each(loaded, entry.as_ref())?, entry))
        })
        .collect::<Result<_>>()?;
    let reused = results
        .iter()
        .filter(|(_, e)| matches!(e, Some(Kept::Cached(_))))
        .count();
    let unchanged = cache
        .as_ref()
        .is_some_and(|c| reused == c.by_name.len() && reused == results.len());
    if !unchanged {
        // Only a cache: a failed write costs the next run time, nothing else.
        let keep = results.iter().filter_map(|(_, kept)| kept.as_ref());
        let _ = write(ws, &build, keep, cache.as_ref());
    }
    // In place: at archive scale a second list of the claims is a lot.
    let mut claims: Vec<T> = results.into_iter().map(|(loaded, _)| loaded).collect();
    claims.shrink_to_fit();
    let Some(Read { file, by_name }) = cache else {
        return Ok((None, claims));
    };
    // Freeing the old cache's index entry by entry takes a while at archive
    // scale; a helper thread does it while the caller goes on.
    crate::cli::free::in_background(by_name);
    Ok((Some(file), claims))
}

/// What the new cache keeps of a claim (small: one per claim is held
/// while they all load).
enum Kept<'a> {
    /// Unchanged: its entry in the old cache, and where its body starts.
    Cached(&'a (Entry, u64)),
    /// Newly parsed: its entry and its encoding.
    Fresh(Box<(Entry, Vec<u8>)>),
}

impl Kept<'_> {
    fn entry(&self) -> &Entry {
        match self {
            Kept::Cached((entry, _)) => entry,
            Kept::Fresh(fresh) => &fresh.0,
        }
    }
}

fn load_one<'a>(
    ws: &Workspace,
    id: &ClaimId,
    stamp: Option<Stamp>,
    cache: Option<&'a Read>,
    now: SystemTime,
) -> Result<(Loaded, Option<Kept<'a>>)> {
    let path = ws.claim_path(id);
    let name = format!("{id}.yaml");
    let stamp = match stamp {
        Some(stamp) => stamp,
        None => fs::symlink_metadata(&path)
            .map(|meta| Stamp::of(&meta))
            .map_err(|e| Error::io("read", &path, e))?,
    };
    if let Some(cache) = cache
        && let Some(found) = cache.get(&name)
        && found.0.stamp == stamp
    {
        let (entry, offset) = found;
        // A record that does not decode is parsed again, as if not cached.
        if let Some(claim) = cache
            .body(entry, *offset)
            .and_then(|body| rmp_serde::from_slice::<Claim>(&body).ok())
            .filter(|c| &c.id == id)
        {
            let loaded = Loaded {
                path,
                claim,
                sha256: entry.sha256.clone(),
            };
            return Ok((loaded, Some(Kept::Cached(found))));
        }
    }
    let text = workspace::read_to_string(&path)?;
    let claim = ws.parse_claim(id, &path, &text)?;
    let sha256 = store::sha256_hex(text.as_bytes());
    let racy = stamp.modified_within(now, RACY);
    let entry = if racy {
        None
    } else {
        rmp_serde::to_vec_named(&claim).ok().map(|body| {
            let entry = Entry {
                name,
                stamp,
                sha256: sha256.clone(),
                len: body.len() as u64,
            };
            Kept::Fresh(Box::new((entry, body)))
        })
    };
    Ok((
        Loaded {
            path,
            claim,
            sha256,
        },
        entry,
    ))
}

/// Writes a new cache of `entries`, the unchanged bodies copied from the
/// `old` cache: atomically (a temporary file renamed over the old one), but
/// without fsync: a torn cache is detected and rebuilt, so it is not worth
/// the wait.
fn write<'b>(
    ws: &Workspace,
    build: &str,
    entries: impl Iterator<Item = &'b Kept<'b>> + Clone,
    old: Option<&Read>,
) -> Result<()> {
    let index = IndexRef {
        build,
        entries: entries.clone().map(Kept::entry).collect(),
    };
    let head = rmp_serde::to_vec_named(&index)
        .map_err(|e| Error::usage(format!("cannot encode the record cache: {e}")))?;
    workspace::write_cache(ws, FILE, MAGIC, &head, |out| {
        for kept in entries {
            match kept {
                Kept::Fresh(fresh) => out.write_all(&fresh.1)?,
                Kept::Cached((entry, offset)) => {
                    let bytes = old
                        .and_then(|old| read_at(&old.file, *offset, entry.len))
                        .ok_or_else(|| {
                            std::io::Error::other("the old record cache could not be read")
                        })?;
                    out.write_all(&bytes)?;
                }
            }
        }
        Ok(())
    })
}
