//! `claim list`'s cache, `.factcheck/listing`: for every claim file, its
//! stat and the few fields a listing shows, filters and sorts on.
//!
//! Without it a listing of a desk's archive decodes every full claim from
//! the parsed-record cache (about 90 MB at 100,000 claims) to print one line
//! of each. This file holds only what the line needs, and its strings are
//! read in place, not copied. When every claim file still has the stat it
//! was listed with, `claim list` reads nothing else; otherwise it loads the
//! claims as always (through the record cache) and rewrites this file.
//!
//! As with the record cache: a file that does not decode, or was written by
//! another build of this tool ([`record_cache::build_id`]), is rebuilt, never
//! trusted; a claim file modified within [`RACY`] of being listed is left out
//! (its next change could keep size and mtime); writing is best effort.

use std::ffi::OsString;
use std::fs;
use std::io::Write as _;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Claim, Kind, SourceId, Status};
#[cfg(doc)]
use crate::record_cache;
use crate::store::Stamp;
use crate::workspace::{self, Workspace};

/// The cache's file under `.factcheck/`.
pub const FILE: &str = "listing";
/// The first bytes of the file; the last one is the layout's version.
const MAGIC: &[u8; 8] = b"fclist\0\x01";
/// Claim files modified this recently are not cached (see the module doc).
const RACY: Duration = Duration::from_secs(2);

/// What a listing shows of one claim, and what it filters and sorts on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub kind: Kind,
    pub status: Status,
    pub revision: Revision,
    /// How many pieces of evidence the claim has.
    pub evidence: usize,
    #[serde(borrow)]
    pub tags: Vec<&'a str>,
    /// The snapshot the quote is in (bare hex) and the character it starts at.
    #[serde(borrow)]
    pub anchor: Option<(&'a str, usize)>,
}

/// Where a claim stands after revisions of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Revision {
    Current,
    /// Its quoted words changed and nobody marked it since ([`Claim::recheck`]).
    Recheck,
    /// Its quoted words were cut ([`Claim::dropped`]).
    Dropped,
}

impl<'a> Row<'a> {
    pub fn of(claim: &'a Claim) -> Row<'a> {
        let revision = if claim.dropped().is_some() {
            Revision::Dropped
        } else if claim.recheck().is_some() {
            Revision::Recheck
        } else {
            Revision::Current
        };
        Row {
            id: claim.id.as_str(),
            text: &claim.text,
            kind: claim.kind,
            status: claim.status,
            revision,
            evidence: claim.evidence.len(),
            tags: claim.tags.iter().map(String::as_str).collect(),
            anchor: claim.appears_in.as_ref().map(|a| (a.source.hex(), a.start)),
        }
    }

    /// The key of [`crate::model::article_order`]: anchored in `article` by
    /// position, then anchored elsewhere, then unanchored; ties by id.
    pub fn article_key(&self, article: Option<&SourceId>) -> (u8, Option<&'a str>, usize, &'a str) {
        let (group, source, start) = match self.anchor {
            Some((source, start)) if article.is_some_and(|a| a.hex() == source) => (0, None, start),
            Some((source, start)) => (1, Some(source), start),
            None => (2, None, 0),
        };
        (group, source, start, self.id)
    }
}

#[derive(Serialize, Deserialize)]
struct Cached<'a> {
    build: &'a str,
    /// Sorted by name.
    #[serde(borrow)]
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    /// The claim file's name, `<id>.yaml`.
    name: &'a str,
    stamp: Stamp,
    #[serde(borrow)]
    row: Row<'a>,
}

/// The cache file's bytes, if there is one.
pub fn read(ws: &Workspace) -> Option<Vec<u8>> {
    fs::read(ws.state_dir().join(FILE)).ok()
}

/// The rows of `files` (claim file names with their stat, sorted by name),
/// from `bytes` as [`read`] returned them: `None` unless the cache is sound,
/// of this `build`, and holds every one of the files with its current stat.
pub fn rows<'a>(
    bytes: &'a [u8],
    build: &str,
    files: &[(OsString, Option<Stamp>)],
) -> Option<Vec<Row<'a>>> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (len, body) = rest.split_first_chunk::<8>()?;
    if usize::try_from(u64::from_le_bytes(*len)).ok()? != body.len() {
        return None;
    }
    let cached: Cached = rmp_serde::from_slice(body).ok()?;
    if cached.build != build {
        return None;
    }
    // Both are sorted by name: one walk pairs them.
    let mut entries = cached.entries.into_iter();
    let mut rows = Vec::with_capacity(files.len());
    for (name, stamp) in files {
        let name = name.to_str()?;
        let entry = loop {
            let entry = entries.next()?;
            match entry.name.cmp(name) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => break entry,
                std::cmp::Ordering::Greater => return None,
            }
        };
        if Some(entry.stamp) != *stamp || name.strip_suffix(".yaml") != Some(entry.row.id) {
            return None;
        }
        rows.push(entry.row);
    }
    Some(rows)
}

/// Writes the cache: `rows`, each with the stat of its file in `files` (as
/// taken before the claims were read, so a file changed since is listed
/// again next time). Rows whose file is not in `files` or was modified too
/// recently are left out. Atomic (a temporary file renamed over the old
/// one) but without fsync: a torn cache is detected and rebuilt.
pub fn write(
    ws: &Workspace,
    build: &str,
    files: &[(OsString, Option<Stamp>)],
    rows: &[Row],
) -> Result<()> {
    let now = SystemTime::now();
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    let names: Vec<String> = rows.iter().map(|r| format!("{}.yaml", r.id)).collect();
    // Entries borrow their names; sort the rows' positions by them.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_unstable_by(|&x, &y| names[x].cmp(&names[y]));
    for i in order {
        let name = names[i].as_str();
        let Ok(at) = files.binary_search_by(|(n, _)| n.as_os_str().cmp(std::ffi::OsStr::new(name)))
        else {
            continue;
        };
        let Some(stamp) = files[at].1 else {
            continue;
        };
        if stamp.modified_within(now, RACY) {
            continue;
        }
        entries.push(Entry {
            name,
            stamp,
            row: rows[i].clone(),
        });
    }
    let body = rmp_serde::to_vec(&Cached { build, entries })
        .map_err(|e| Error::usage(format!("cannot encode the listing cache: {e}")))?;
    let dir = ws.state_dir();
    workspace::create_dir_all(&dir)?;
    let path = dir.join(FILE);
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("write", &path, workspace::without_path(e)))?;
    let io = |e| Error::io("write", &path, e);
    tmp.write_all(MAGIC).map_err(io)?;
    tmp.write_all(&(body.len() as u64).to_le_bytes())
        .map_err(io)?;
    tmp.write_all(&body).map_err(io)?;
    tmp.persist(&path)
        .map_err(|e| Error::io("write", &path, e.error))?;
    Ok(())
}
