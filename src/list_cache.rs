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
//! another build of this tool ([`crate::record_cache::build_id`]), is rebuilt, never
//! trusted; a claim file modified within [`RACY`] of being listed is left out
//! (its next change could keep size and mtime); writing is best effort.

use std::ffi::OsString;
use std::fs;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Claim, Kind, SourceId, Status};
use crate::workspace::Stamp;
use crate::workspace::{self, Workspace};

/// The cache's file under `.factcheck/`.
pub const FILE: &str = "listing";
/// The first bytes of the file; the last one is the layout's version.
const MAGIC: &[u8; 8] = b"fclist\0\x02";
/// Claim files modified this recently are not cached (see the module doc).
const RACY: Duration = Duration::from_secs(2);

/// What a listing shows of one claim, and what it filters and sorts on.
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
    /// The snapshot the quote is in (bare hex) and the character it starts at.
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

/// The file after its magic number and length: MessagePack of the build,
/// the snapshots quoted (each once: most claims quote the same article), and
/// the entries sorted by name.
#[derive(Serialize)]
struct Cached<'a> {
    build: &'a str,
    sources: Vec<&'a str>,
    entries: Vec<Entry<'a>>,
}

/// One claim file. Kind and status are their positions in `ALL`, the
/// snapshot its position in `sources`; the id is the name's stem.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    /// The claim file's name, `<id>.yaml`.
    name: &'a str,
    stamp: Stamp,
    text: &'a str,
    kind: u8,
    status: u8,
    revision: Revision,
    evidence: usize,
    #[serde(borrow)]
    tags: Vec<&'a str>,
    anchor: Option<(u32, usize)>,
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
    // The length above rules out anything after the MessagePack.
    let mut de = rmp_serde::Deserializer::from_read_ref(body);
    serde::de::DeserializeSeed::deserialize(Walk { build, files }, &mut de).ok()
}

/// Decodes the cache while pairing its entries with the claim files, so no
/// entry is held beyond its row; fails on the first file it does not vouch for.
struct Walk<'f> {
    build: &'f str,
    files: &'f [(OsString, Option<Stamp>)],
}

impl<'de> serde::de::DeserializeSeed<'de> for Walk<'_> {
    type Value = Vec<Row<'de>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Walk<'_> {
    type Value = Vec<Row<'de>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a listing cache")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error as _;
        let stale = || A::Error::custom("stale");
        let build: &str = seq.next_element()?.ok_or_else(stale)?;
        if build != self.build {
            return Err(stale());
        }
        let sources: Vec<&str> = seq.next_element()?.ok_or_else(stale)?;
        let rows = seq
            .next_element_seed(Entries {
                files: self.files,
                sources: &sources,
            })?
            .ok_or_else(stale)?;
        match seq.next_element::<serde::de::IgnoredAny>()? {
            None => Ok(rows),
            Some(_) => Err(stale()),
        }
    }
}

struct Entries<'f, 'de> {
    files: &'f [(OsString, Option<Stamp>)],
    sources: &'f [&'de str],
}

impl<'de> serde::de::DeserializeSeed<'de> for Entries<'_, 'de> {
    type Value = Vec<Row<'de>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Entries<'_, 'de> {
    type Value = Vec<Row<'de>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the listing cache's entries")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error as _;
        let stale = || A::Error::custom("stale");
        let mut rows = Vec::with_capacity(self.files.len());
        // Both are sorted by name: one walk pairs them. Entries of files
        // gone since are passed over.
        for (name, stamp) in self.files {
            let name = name.to_str().ok_or_else(stale)?;
            let entry = loop {
                let entry: Entry = seq.next_element()?.ok_or_else(stale)?;
                match entry.name.cmp(name) {
                    std::cmp::Ordering::Less => {}
                    std::cmp::Ordering::Equal => break entry,
                    std::cmp::Ordering::Greater => return Err(stale()),
                }
            };
            if Some(entry.stamp) != *stamp {
                return Err(stale());
            }
            let anchor = match entry.anchor {
                Some((source, start)) => {
                    let source = usize::try_from(source).map_err(|_| stale())?;
                    Some((*self.sources.get(source).ok_or_else(stale)?, start))
                }
                None => None,
            };
            rows.push(Row {
                id: entry.name.strip_suffix(".yaml").ok_or_else(stale)?,
                text: entry.text,
                kind: *Kind::ALL.get(usize::from(entry.kind)).ok_or_else(stale)?,
                status: *Status::ALL
                    .get(usize::from(entry.status))
                    .ok_or_else(stale)?,
                revision: entry.revision,
                evidence: entry.evidence,
                tags: entry.tags,
                anchor,
            });
        }
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(rows)
    }
}

/// Where `x` is in `all`, as a byte.
fn position<T: PartialEq>(all: &[T], x: &T) -> Option<u8> {
    all.iter()
        .position(|y| y == x)
        .and_then(|p| u8::try_from(p).ok())
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
    let names: Vec<String> = rows.iter().map(|r| format!("{}.yaml", r.id)).collect();
    // Entries borrow their names; sort the rows' positions by them.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_unstable_by(|&x, &y| names[x].cmp(&names[y]));
    let mut sources: Vec<&str> = Vec::new();
    let mut source_at: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
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
        let row = &rows[i];
        let anchor = match row.anchor {
            Some((source, start)) => {
                let next = u32::try_from(sources.len())
                    .map_err(|_| Error::usage("too many snapshots for the listing cache"))?;
                let at = *source_at.entry(source).or_insert_with(|| {
                    sources.push(source);
                    next
                });
                Some((at, start))
            }
            None => None,
        };
        let (Some(kind), Some(status)) = (
            position(Kind::ALL, &row.kind),
            position(Status::ALL, &row.status),
        ) else {
            continue;
        };
        entries.push(Entry {
            name,
            stamp,
            text: row.text,
            kind,
            status,
            revision: row.revision,
            evidence: row.evidence,
            tags: row.tags.clone(),
            anchor,
        });
    }
    let body = rmp_serde::to_vec(&Cached {
        build,
        sources,
        entries,
    })
    .map_err(|e| Error::usage(format!("cannot encode the listing cache: {e}")))?;
    workspace::write_cache(ws, FILE, MAGIC, &body, |_| Ok(()))
}
