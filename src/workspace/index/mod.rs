//! The workspace index, `.factcheck/index`: git's index applied to claims.
//!
//! Parsing YAML is most of what `check`, `report`, `claim list` and `export`
//! spend on a desk's years of claims. The YAML files stay the product; this
//! one file remembers, for every claim file, its stat (size, mtime, inode),
//! the SHA-256 of its bytes, the claim as it parsed (MessagePack), what a
//! `claim list` line shows, filters and sorts on, and whether `check` passed
//! it. A claim whose file still has the stat it had is taken from the index;
//! any other is read and parsed as always, and the index is rewritten once,
//! when the command ends ([`Workspace`]'s `Drop`), if anything changed.
//!
//! - **One key** ([`Key`]): the build of this tool ([`BUILD`], compiled in:
//!   the version and a hash of the crate's sources, made by `build.rs`), and
//!   for the "passed" marks the settings and the fingerprint of `sources/`
//!   they were checked under. An index of another build is not read at all;
//!   passed marks under other settings or snapshots are ignored (the parsed
//!   claims stay good).
//! - **One racy-file rule**: an entry is trusted only if its file's mtime is
//!   at least [`RACY`] (two seconds) older than the time the index was
//!   written, and the writer leaves such files out. A file changed again
//!   within that time could keep its size and mtime (git's "racy clean").
//! - **A checksum on every part**: the head and each entry carry a CRC-32 of
//!   their bytes, each entry the CRC-32 of its claim's body; a part whose
//!   checksum fails is never believed: the claim is parsed from its file.
//! - **One writer**: atomic (a temporary file renamed over the old one, no
//!   fsync: a torn index fails its checksums), under the workspace lock,
//!   taken without waiting; when another command holds it, the index is not
//!   written this time. The file is opened without following symlinks.
//!
//! Besides the claims, the index keeps every snapshot record as it parsed
//! ([`metas`], under the same stat and racy-file rules), and the article's
//! sentences as `extract` scored them (for coverage and the lede in `report` and `decision`): a
//! function of the article's bytes (content-addressed) and of this build,
//! so they are kept under the article's id with a checksum, never by stat.
//!
//! Layout: `MAGIC`, the head's length (u64), the head (MessagePack [`Head`]),
//! its CRC-32; the entries, sorted by file name, each
//! `fields_len u32 | name_len u16 | passed u8 | stamp (32 bytes) | body
//! offset u64 | body length u32 | body CRC-32 u32 | name | fields
//! (MessagePack) | CRC-32 of all of it`; then the bodies; then the
//! snapshot records, then the article's sentences (the length and CRC-32 of
//! each in the head). All integers are little-endian.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs::File;
use std::ops::Range;
use std::os::unix::fs::FileExt as _;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::error::{Error, Result};
use crate::model::{Claim, ClaimId};
use crate::workspace::Stamp;

mod load;
mod metas;
mod row;

pub use load::{Loaded, Records, Stated, load_claims, load_records};

pub use row::{Revision, Row};

/// The index's file under `.factcheck/`.
pub const FILE: &str = "index";
/// The first bytes of the file; the last one is the layout's version.
const MAGIC: &[u8; 8] = b"fcindex\x03";
/// Files modified this recently before the index was written are never
/// trusted (see the module doc).
pub const RACY: Duration = Duration::from_secs(2);
/// This build of the tool: its version and a hash of its sources, settings
/// and locked dependencies (`build.rs`).
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("FACTCHECK_BUILD_ID"));

/// What the index is valid under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    /// The build that wrote it ([`BUILD`]): another build's index is not read.
    pub build: String,
    /// What the passed marks were checked under; `None` before any `check`.
    pub checked: Option<Checked>,
}

/// Everything a claim's checks read besides the claim itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    /// SHA-256 of `factcheck.yaml`, hex.
    pub settings: String,
    /// [`store::fingerprint`] of `sources/`.
    pub sources: String,
}

#[derive(Serialize, Deserialize)]
struct Head {
    key: Key,
    /// When the index was written, in nanoseconds since the epoch.
    written: i128,
    /// Length of the entries in bytes.
    entries: u64,
    /// Length of the bodies in bytes.
    bodies: u64,
    /// The snapshot records ([`metas`]), after the bodies.
    metas: Option<Blob>,
    /// The article's sentences, after the records: they end the file.
    sentences: Option<Blob>,
}

/// A blob after the bodies: what it is of, its length and CRC-32.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Blob {
    /// The article's SHA-256, hex.
    of: String,
    len: u64,
    crc: u32,
}

/// The bytes of an entry before its name: see the module doc.
const FIXED: usize = 4 + 2 + 1 + 32 + 8 + 4 + 4;

/// What an entry holds besides its name, stat and body: MessagePack, as an
/// array. Kind, status and revision are their positions in `ALL`.
#[derive(Serialize, Deserialize)]
struct Fields<'a> {
    /// SHA-256 of the claim file's bytes, hex.
    sha256: &'a str,
    text: &'a str,
    kind: u8,
    status: u8,
    revision: u8,
    evidence: u32,
    #[serde(borrow)]
    tags: Vec<&'a str>,
    /// The quoted snapshot (hex), start and end.
    #[serde(borrow)]
    anchor: Option<(&'a str, u64, u64)>,
    #[serde(borrow)]
    rating: Option<&'a str>,
    #[serde(borrow)]
    correction: Option<&'a str>,
}

/// One sound entry of an index as read: where its parts are.
struct Span {
    name: Range<usize>,
    fields: Range<usize>,
    stamp: Stamp,
    passed: bool,
    body_at: u64,
    body_len: u32,
    body_crc: u32,
}

/// An index file, open, with its head and entries read and their checksums
/// verified. Bodies are read when wanted (`pread`), so an index of a desk's
/// archive is never held whole in memory. The file stays open: if another
/// run replaces the index meanwhile, this one reads the old file.
pub(crate) struct Index {
    file: File,
    key: Key,
    written: SystemTime,
    entries: Vec<u8>,
    /// The sound entries, sorted by name.
    spans: Vec<Span>,
    /// Where the bodies start in the file.
    bodies: u64,
    /// The article's sentences, and where they start in the file.
    sentences: Option<(Blob, u64)>,
    /// The snapshot records.
    metas: metas::Part,
}

impl Index {
    /// Reads the index of `ws`; `None` when there is none, or its head is
    /// damaged, or another build wrote it. Entries whose checksum fails are
    /// left out, as if the index did not hold them.
    fn open(ws: &Workspace) -> Option<Index> {
        let path = ws.state_dir().join(FILE);
        let file = super::open_state_file(&path).ok()??;
        let size = file.metadata().ok()?.len();
        let mut start = [0; MAGIC.len() + 8];
        file.read_exact_at(&mut start, 0).ok()?;
        let (magic, len) = start.split_at(MAGIC.len());
        if magic != MAGIC.as_slice() {
            return None;
        }
        let head_len = u64::from_le_bytes(len.try_into().ok()?);
        let head_end = (start.len() as u64).checked_add(head_len)?.checked_add(4)?;
        if head_end > size {
            return None;
        }
        let head = read_at(&file, start.len() as u64, head_len + 4)?;
        let (head, crc) = head.split_at(head.len() - 4);
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(len);
        hasher.update(head);
        if hasher.finalize().to_le_bytes() != crc {
            return None;
        }
        let head: Head = rmp_serde::from_slice(head).ok()?;
        if head.key.build != BUILD {
            return None;
        }
        let bodies = head_end.checked_add(head.entries)?;
        let metas_at = bodies.checked_add(head.bodies)?;
        let metas_len = head.metas.as_ref().map_or(0, |b| b.len);
        let sentences_at = metas_at.checked_add(metas_len)?;
        let sentences_len = head.sentences.as_ref().map_or(0, |b| b.len);
        if sentences_at.checked_add(sentences_len) != Some(size) {
            return None;
        }
        let entries = read_at(&file, head_end, head.entries)?;
        let written =
            SystemTime::UNIX_EPOCH + Duration::from_nanos(u64::try_from(head.written).ok()?);
        let spans = spans(&entries, head.bodies);
        Some(Index {
            file,
            key: head.key,
            written,
            entries,
            spans,
            bodies,
            sentences: head.sentences.map(|b| (b, sentences_at)),
            metas: metas::Part::new(head.metas.map(|b| (b, metas_at))),
        })
    }

    fn name(&self, span: &Span) -> &str {
        // Checked to be UTF-8 when the span was made.
        std::str::from_utf8(&self.entries[span.name.clone()]).unwrap_or_default()
    }

    fn get(&self, name: &str) -> Option<&Span> {
        let at = self
            .spans
            .binary_search_by(|s| self.entries[s.name.clone()].cmp(name.as_bytes()))
            .ok()?;
        self.spans.get(at)
    }

    /// Whether `span` vouches for a file that has `stamp` now: the same
    /// stat, and modified long enough before the index was written.
    fn trusts(&self, span: &Span, stamp: &Stamp) -> bool {
        span.stamp == *stamp && !stamp.modified_within(self.written, RACY)
    }

    fn fields(&self, span: &Span) -> Option<Fields<'_>> {
        rmp_serde::from_slice(&self.entries[span.fields.clone()]).ok()
    }

    fn row<'a>(&'a self, span: &Span) -> Option<Row<'a>> {
        Row::of_fields(self.name(span), self.fields(span)?)
    }

    /// The body's bytes, if they are what the entry's checksum says.
    fn body(&self, span: &Span) -> Option<Vec<u8>> {
        let bytes = read_at(
            &self.file,
            self.bodies + span.body_at,
            u64::from(span.body_len),
        )?;
        (crc32fast::hash(&bytes) == span.body_crc).then_some(bytes)
    }

    /// The article's sentences as kept, if they are of `article` and what
    /// their checksum says.
    fn sentences(&self, article: &str) -> Option<Vec<u8>> {
        let (blob, at) = self.sentences.as_ref().filter(|(b, _)| b.of == article)?;
        let bytes = read_at(&self.file, *at, blob.len)?;
        (crc32fast::hash(&bytes) == blob.crc).then_some(bytes)
    }

    /// The claim of `span`, which must be `id`.
    fn claim(&self, span: &Span, id: &ClaimId) -> Option<Claim> {
        rmp_serde::from_slice::<Claim>(&self.body(span)?)
            .ok()
            .filter(|c| &c.id == id)
    }
}

/// The sound entries in `entries`, sorted by name; the bodies take
/// `bodies` bytes. An entry whose checksum fails is passed over (its length
/// may be what was damaged: then what follows fails its checksums too).
fn spans(entries: &[u8], bodies: u64) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut at = 0;
    while let Some(fixed) = entries.get(at..at + FIXED) {
        let u32_at = |i: usize| u32::from_le_bytes(fixed[i..i + 4].try_into().expect("4 bytes"));
        let fields_len = u32_at(0) as usize;
        let name_len = usize::from(u16::from_le_bytes([fixed[4], fixed[5]]));
        let end = at + FIXED + name_len + fields_len + 4;
        let Some(entry) = entries.get(at..end) else {
            break;
        };
        let (covered, crc) = entry.split_at(entry.len() - 4);
        let next = at;
        at = end;
        if crc32fast::hash(covered).to_le_bytes() != crc {
            continue;
        }
        let name = next + FIXED..next + FIXED + name_len;
        let Ok(name_str) = std::str::from_utf8(&entries[name.clone()]) else {
            continue;
        };
        let Some(stamp) = Stamp::from_bytes(&fixed[7..39]) else {
            continue;
        };
        let body_at = u64::from_le_bytes(fixed[39..47].try_into().expect("8 bytes"));
        let body_len = u32_at(47);
        if body_at
            .checked_add(u64::from(body_len))
            .is_none_or(|e| e > bodies)
        {
            continue;
        }
        // Sorted, no name twice: else the later one is not believed.
        if spans
            .last()
            .is_some_and(|last| &entries[last.name.clone()] >= name_str.as_bytes())
        {
            continue;
        }
        spans.push(Span {
            fields: name.end..name.end + fields_len,
            name,
            stamp,
            passed: fixed[6] == 1,
            body_at,
            body_len,
            body_crc: u32_at(51),
        });
    }
    spans
}

/// `len` bytes of `file` from `offset`.
fn read_at(file: &File, offset: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    file.read_exact_at(&mut bytes, offset).ok()?;
    Some(bytes)
}

/// The index of a workspace while a command runs: the old one, read once
/// when first wanted, and what the command learnt, written when it ends.
#[derive(Default)]
pub(crate) struct State {
    old: OnceLock<Option<Index>>,
    new: Mutex<Pending>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("index::State")
    }
}

#[derive(Default)]
struct Pending {
    /// The claim files as the command saw them, sorted by name, with their stat.
    files: Option<Vec<(String, Stamp)>>,
    /// Claims parsed from their files, by file name.
    fresh: HashMap<String, Fresh>,
    /// The claims `check` passed, and under what.
    checked: Option<(Checked, HashSet<String>)>,
    /// The article's sentences, scored this run (the article's hex, bytes).
    sentences: Option<(String, Vec<u8>)>,
    /// Snapshot records parsed from their files, by file name.
    metas: HashMap<String, metas::FreshMeta>,
}

/// A claim parsed from its file, as its entry will hold it.
struct Fresh {
    stamp: Stamp,
    fields: Vec<u8>,
    body: Arc<[u8]>,
}

impl Fresh {
    fn of(claim: &Claim, stamp: Stamp, sha256: &str) -> Option<Fresh> {
        let body = rmp_serde::to_vec_named(claim).ok()?;
        Some(Fresh {
            stamp,
            fields: rmp_serde::to_vec(&Row::of(claim).fields(sha256)?).ok()?,
            body: body.into(),
        })
    }
}

impl Workspace {
    /// The index as it was when the command started, if there is a sound one.
    fn index(&self) -> Option<&Index> {
        self.index.old.get_or_init(|| Index::open(self)).as_ref()
    }

    /// Remembers how the claim files stood when the command read `claims/`,
    /// for the index it writes; the first reading counts.
    fn saw(&self, files: &[(OsString, Option<Stamp>)]) {
        self.saw_named(|| {
            files
                .iter()
                .filter_map(|(name, stamp)| Some((name.to_str()?.to_string(), (*stamp)?)))
                .collect()
        });
    }

    fn saw_named(&self, files: impl FnOnce() -> Vec<(String, Stamp)>) {
        let mut new = self.index.new.lock().unwrap_or_else(|e| e.into_inner());
        if new.files.is_none() {
            let mut files = files();
            // The index is sorted by name.
            files.par_sort_unstable_by(|(x, _), (y, _)| x.cmp(y));
            new.files = Some(files);
        }
    }

    fn learnt(&self, fresh: Vec<(String, Fresh)>) {
        if fresh.is_empty() {
            return;
        }
        let mut new = self.index.new.lock().unwrap_or_else(|e| e.into_inner());
        new.fresh.extend(fresh);
    }

    /// For each of `files` (sorted by name, from [`Workspace::scan_claims`]),
    /// its listing row if a `check` under `checked` passed it and the file
    /// is unchanged since.
    pub(crate) fn passed_rows(
        &self,
        checked: &Checked,
        files: &[(OsString, Option<Stamp>)],
    ) -> Vec<Option<Row<'_>>> {
        self.saw(files);
        let Some(index) = self
            .index()
            .filter(|i| i.key.checked.as_ref() == Some(checked))
        else {
            return files.iter().map(|_| None).collect();
        };
        // Both are sorted by name: one walk pairs them.
        let mut spans = index.spans.iter().peekable();
        files
            .iter()
            .map(|(name, stamp)| {
                let (name, stamp) = (name.to_str()?, stamp.as_ref()?);
                while spans.next_if(|s| index.name(s) < name).is_some() {}
                let span = spans.next_if(|s| index.name(s) == name)?;
                if !span.passed || !index.trusts(span, stamp) {
                    return None;
                }
                index.row(span)
            })
            .collect()
    }

    /// The article's sentences as an earlier command kept them (encoded by
    /// their owner, `coverage`), if they are of `article` and sound.
    pub fn kept_sentences(&self, article: &crate::model::SourceId) -> Option<Vec<u8>> {
        self.index()?.sentences(article.hex())
    }

    /// Keeps the article's sentences, encoded, for the next command.
    pub fn keep_sentences(&self, article: &crate::model::SourceId, bytes: Vec<u8>) {
        let mut new = self.index.new.lock().unwrap_or_else(|e| e.into_inner());
        new.sentences = Some((article.hex().to_string(), bytes));
    }

    /// Records which claim files a `check` under `checked` passed (by
    /// name): the index remembers them with the stat they were read with.
    pub(crate) fn record_passed(&self, checked: Checked, passed: HashSet<String>) {
        let mut new = self.index.new.lock().unwrap_or_else(|e| e.into_inner());
        new.checked = Some((checked, passed));
    }

    /// The claim in the file `name` as the index holds it, if the file
    /// still has `stamp`: for `check`, which reads claim files itself (it
    /// needs their text for line numbers) and only wants the parse saved.
    /// What it parses itself it hands back with [`Workspace::parsed`].
    pub(crate) fn indexed_claim(&self, name: &str, stamp: &Stamp) -> Option<Claim> {
        let index = self.index()?;
        let span = index.get(name)?;
        if !index.trusts(span, stamp) {
            return None;
        }
        index.claim(span, &name.strip_suffix(".yaml")?.parse().ok()?)
    }

    /// Claims parsed from their files (with their stat when read and the
    /// SHA-256 of their bytes), for the index.
    pub(crate) fn parsed<'a>(
        &self,
        claims: impl IntoParallelIterator<Item = (&'a Claim, Stamp, String)>,
    ) {
        let now = SystemTime::now();
        let fresh = claims
            .into_par_iter()
            .filter(|(_, stamp, _)| !stamp.modified_within(now, RACY))
            .filter_map(|(claim, stamp, sha256)| {
                Some((
                    format!("{}.yaml", claim.id),
                    Fresh::of(claim, stamp, &sha256)?,
                ))
            })
            .collect();
        self.learnt(fresh);
    }

    /// The listing rows of every claim file among `files` (sorted by name)
    /// whose name is an id, from the index where it vouches for the file and
    /// from the claims, loaded as always, otherwise; `full` reads every file.
    /// Handed to `each`, in the order of `files`.
    pub(crate) fn with_rows<T>(
        &self,
        files: &[(OsString, Option<Stamp>)],
        full: bool,
        each: impl FnOnce(Vec<Row<'_>>) -> Result<T>,
    ) -> Result<T> {
        self.saw(files);
        let index = if full { None } else { self.index() };
        let mut rows: Vec<Option<Row>> = Vec::with_capacity(files.len());
        let mut wanted = Vec::new();
        let mut spans = index.map(|i| i.spans.iter().peekable());
        for (name, stamp) in files {
            let row = (|| {
                let (index, spans) = (index?, spans.as_mut()?);
                let name = name.to_str()?;
                while spans.next_if(|s| index.name(s) < name).is_some() {}
                let span = spans.next_if(|s| index.name(s) == name)?;
                if !index.trusts(span, stamp.as_ref()?) {
                    return None;
                }
                index.row(span)
            })();
            if row.is_none() {
                let id = std::path::Path::new(name)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(|s| s.parse::<ClaimId>().ok());
                if let Some(id) = id {
                    wanted.push((rows.len(), (id, *stamp)));
                }
            }
            rows.push(row);
        }
        let ids: Vec<Stated> = wanted.iter().map(|(_, s)| s.clone()).collect();
        let loaded = load_claims(self, &ids, full)?;
        for ((at, _), loaded) in wanted.iter().zip(&loaded) {
            rows[*at] = Some(Row::of(&loaded.claim));
        }
        let rows = rows.into_iter().flatten().collect();
        each(rows)
    }

    /// Writes the index if the command learnt anything the old one does
    /// not hold. Best effort: the index only saves time, so a failed write
    /// (or a lock held by another command) costs the next run time, never
    /// a result.
    pub(crate) fn save_index(&self) -> Result<()> {
        let new = std::mem::take(&mut *self.index.new.lock().unwrap_or_else(|e| e.into_inner()));
        let old = self.index.old.get().and_then(Option::as_ref);
        let now = SystemTime::now();
        let metas = metas::merged(old, &new.metas, now);
        // A run that did not read `claims/` keeps the old entries as they
        // are (each is checked against its file when read).
        let files = match new.files {
            Some(files) => files,
            None if metas.is_some() => old.map_or_else(Vec::new, |o| {
                o.spans
                    .iter()
                    .map(|s| (o.name(s).to_string(), s.stamp))
                    .collect()
            }),
            None => return Ok(()),
        };
        let key = Key {
            build: BUILD.to_string(),
            checked: match &new.checked {
                Some((checked, _)) => Some(checked.clone()),
                None => old.and_then(|o| o.key.checked.clone()),
            },
        };
        let mut changed =
            old.is_none_or(|o| o.key != key) || new.sentences.is_some() || metas.is_some();
        // The sentences scored this run, else those the old index kept.
        let sentences: Option<(String, Vec<u8>)> = new.sentences.or_else(|| {
            let (blob, _) = old?.sentences.as_ref()?;
            Some((blob.of.clone(), old?.sentences(&blob.of)?))
        });
        let metas = metas.or_else(|| metas::kept(old));
        let mut kept = Vec::with_capacity(files.len());
        let mut reused = 0;
        for (name, stamp) in &files {
            if stamp.modified_within(now, RACY) {
                continue;
            }
            let passed = |before: bool| match &new.checked {
                Some((_, passed)) => passed.contains(name),
                None => before,
            };
            if let Some(fresh) = new.fresh.get(name).filter(|f| f.stamp == *stamp) {
                changed = true;
                kept.push(Entry::Fresh(name, fresh, passed(false)));
            } else if let Some(old) = old
                && let Some(span) = old.get(name)
                && old.trusts(span, stamp)
            {
                reused += 1;
                let passed = passed(span.passed);
                changed |= passed != span.passed;
                kept.push(Entry::Reused(old, span, passed));
            }
        }
        changed |= old.is_some_and(|o| o.spans.len() != reused);
        if !changed {
            return Ok(());
        }
        let Some(_lock) = self.try_lock()? else {
            return Ok(());
        };
        write(self, &key, now, &kept, sentences.as_ref(), metas.as_deref())
    }
}

/// An entry of the index being written.
enum Entry<'a> {
    Fresh(&'a str, &'a Fresh, bool),
    Reused(&'a Index, &'a Span, bool),
}

fn write(
    ws: &Workspace,
    key: &Key,
    now: SystemTime,
    kept: &[Entry],
    sentences: Option<&(String, Vec<u8>)>,
    metas: Option<&[u8]>,
) -> Result<()> {
    let mut entries = Vec::new();
    let mut body_at = 0u64;
    for entry in kept {
        let start = entries.len();
        let (name, fields, stamp, passed, body_len, body_crc) = match entry {
            Entry::Fresh(name, fresh, passed) => (
                name.as_bytes(),
                fresh.fields.as_slice(),
                fresh.stamp,
                *passed,
                u32::try_from(fresh.body.len()).ok(),
                crc32fast::hash(&fresh.body),
            ),
            // A body that fails its checksum is left out with its entry.
            Entry::Reused(old, span, _) if old.body(span).is_none() => continue,
            Entry::Reused(old, span, passed) => (
                &old.entries[span.name.clone()],
                &old.entries[span.fields.clone()],
                span.stamp,
                *passed,
                Some(span.body_len),
                span.body_crc,
            ),
        };
        let (Some(body_len), Ok(fields_len), Ok(name_len)) = (
            body_len,
            u32::try_from(fields.len()),
            u16::try_from(name.len()),
        ) else {
            continue;
        };
        entries.extend_from_slice(&fields_len.to_le_bytes());
        entries.extend_from_slice(&name_len.to_le_bytes());
        entries.push(u8::from(passed));
        entries.extend_from_slice(&stamp.to_bytes());
        entries.extend_from_slice(&body_at.to_le_bytes());
        entries.extend_from_slice(&body_len.to_le_bytes());
        entries.extend_from_slice(&body_crc.to_le_bytes());
        entries.extend_from_slice(name);
        entries.extend_from_slice(fields);
        let crc = crc32fast::hash(&entries[start..]);
        entries.extend_from_slice(&crc.to_le_bytes());
        body_at += u64::from(body_len);
    }
    let written = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(0));
    let head = rmp_serde::to_vec(&Head {
        key: key.clone(),
        written,
        entries: entries.len() as u64,
        bodies: body_at,
        sentences: sentences.map(|(of, bytes)| Blob {
            of: of.clone(),
            len: bytes.len() as u64,
            crc: crc32fast::hash(bytes),
        }),
        metas: metas.map(|bytes| Blob {
            of: "sources".to_string(),
            len: bytes.len() as u64,
            crc: crc32fast::hash(bytes),
        }),
    })
    .map_err(|e| Error::usage(format!("cannot encode the index: {e}")))?;
    let head_len = (head.len() as u64).to_le_bytes();
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&head_len);
    hasher.update(&head);
    let head_crc = hasher.finalize().to_le_bytes();
    super::write_state_file(ws, FILE, |out| {
        for part in [MAGIC.as_slice(), &head_len, &head, &head_crc, &entries] {
            out.write_all(part)?;
        }
        for entry in kept {
            match entry {
                Entry::Fresh(_, fresh, _) => out.write_all(&fresh.body)?,
                Entry::Reused(old, span, _) => {
                    // Checked above; `None` only if it failed then too.
                    if let Some(body) = old.body(span) {
                        out.write_all(&body)?;
                    }
                }
            }
        }
        if let Some(bytes) = metas {
            out.write_all(bytes)?;
        }
        if let Some((_, bytes)) = sentences {
            out.write_all(bytes)?;
        }
        Ok(())
    })
}
