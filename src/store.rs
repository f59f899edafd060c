//! Content-addressed snapshots in `sources/`.
//!
//! A snapshot's bytes are stored as `<sha256>.<ext>` beside a metadata record
//! `<sha256>.yaml`. Bytes are hashed while they are streamed into a temporary
//! file in `sources/` (constant memory, whatever the size), then renamed to
//! their hash: a half-written snapshot never carries a real name. Verifying
//! rehashes in parallel, biggest file first, since SHA-256 of one file runs
//! on one core: a huge snapshot starts at once and the small ones share the
//! other cores. A stat cache under `.factcheck/` lets `check` skip snapshots
//! whose size, mtime and inode have not changed since they last hashed right.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::mpsc;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{Capture, Day, Fetch, MediaType, SourceId, SourceKind, SourceMeta, Time};
use crate::text::{self, SourceText};
use crate::workspace::{self, Lock, Workspace};
use crate::yaml;

/// Read buffer for hashing: large enough that syscalls are not the cost.
const BUF: usize = 256 * 1024;
/// Files at least this big are read ahead by a helper thread while the
/// caller hashes, so copying out of the page cache runs beside the hashing
/// rather than between its blocks.
const READ_AHEAD_MIN: u64 = 16 << 20;
/// The read-ahead's block size, and how many blocks are in flight: a few MB
/// whatever the file's size.
const BLOCK: usize = 1 << 20;
const BLOCKS: usize = 3;

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Lowercase hex SHA-256 of bytes in memory.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of everything `reader` yields, copying it to `sink` on the way.
pub fn hash_copy(reader: &mut impl Read, sink: &mut impl Write) -> io::Result<(String, u64)> {
    hash_through(reader, sink, BUF)
}

fn hash_through(
    reader: &mut impl Read,
    sink: &mut impl Write,
    buf_size: usize,
) -> io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; buf_size];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        sink.write_all(&buf[..n])?;
        size += n as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

/// SHA-256 and size of a file, streamed.
pub fn hash_file(path: &Path) -> Result<(String, u64)> {
    hash_file_with(path, true)
}

/// [`hash_file`], with a read-ahead thread for a big file only if
/// `read_ahead`: it pays when a core would otherwise sit idle, and costs
/// when every core is already hashing.
fn hash_file_with(path: &Path, read_ahead: bool) -> Result<(String, u64)> {
    let mut file = File::open(path).map_err(|e| Error::io("open", path, e))?;
    let len = file.metadata().map_or(0, |m| m.len());
    let hashed = if read_ahead && len >= READ_AHEAD_MIN {
        hash_read_ahead(file)
    } else {
        // A buffer the size of the file: a record of a few hundred bytes
        // should not cost a 256 KB allocation.
        let buf_size = usize::try_from(len).map_or(BUF, |n| n.saturating_add(1).clamp(512, BUF));
        hash_through(&mut file, &mut io::sink(), buf_size)
    };
    hashed.map_err(|e| Error::io("read", path, e))
}

/// Hashes a big file with a helper thread reading the next blocks meanwhile.
fn hash_read_ahead(mut file: File) -> io::Result<(String, u64)> {
    let (full_tx, full_rx) = mpsc::sync_channel::<(Vec<u8>, usize)>(BLOCKS);
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<u8>>();
    for _ in 0..BLOCKS {
        let _ = empty_tx.send(vec![0u8; BLOCK]);
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> io::Result<()> {
            // Ends at the end of the file or on an error, either way dropping
            // `full_tx`, which ends the hashing loop below.
            while let Ok(mut block) = empty_rx.recv() {
                let n = fill(&mut file, &mut block)?;
                if n == 0 || full_tx.send((block, n)).is_err() || n < BLOCK {
                    break;
                }
            }
            Ok(())
        });
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        for (block, n) in full_rx {
            hasher.update(&block[..n]);
            size += n as u64;
            let _ = empty_tx.send(block);
        }
        reader
            .join()
            .map_err(|_| io::Error::other("the read-ahead thread panicked"))??;
        Ok((hex(&hasher.finalize()), size))
    })
}

/// Reads until `buf` is full or the file ends; returns how much was read.
fn fill(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// What `source add` was told about the snapshot.
#[derive(Debug, Default)]
pub struct NewSource {
    pub url: Option<String>,
    pub title: Option<String>,
    pub kind: Option<SourceKind>,
    pub publisher: Option<String>,
    pub published: Option<Day>,
    pub media_type: Option<MediaType>,
    pub note: Option<String>,
    pub revises: Option<SourceId>,
    /// The file name it came from, for the extension and media type.
    pub file_name: Option<String>,
    /// The charset of text that is not UTF-8 (a canonical name, see
    /// [`text::charset_name`]).
    pub charset: Option<String>,
    /// For `source fetch`: the exchange, and the first capture.
    pub fetch: Option<Fetch>,
    pub captures: Vec<Capture>,
}

/// Stores a snapshot of `reader`'s bytes. Returns its metadata and whether it
/// was new; the same bytes again change nothing.
pub fn add(
    ws: &Workspace,
    reader: &mut impl Read,
    new: NewSource,
    by: &str,
    at: Time,
    _lock: &Lock,
) -> Result<(SourceMeta, bool)> {
    let dir = ws.sources_dir();
    workspace::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("write into", &dir, workspace::without_path(e)))?;
    let (hex, size) =
        hash_copy(reader, &mut tmp).map_err(|e| Error::io("copy into", tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    let id = SourceId::from_hex(&hex).expect("a SHA-256 digest is 64 lowercase hex characters");

    // The same bytes again: the record that is there stands (and one that
    // does not parse is an error, not something to overwrite).
    if fs::symlink_metadata(meta_path(ws, &id)).is_ok() {
        return Ok((load_meta(ws, &id)?, false));
    }

    let extension = new.file_name.as_deref().and_then(extension_of);
    let media_type = match new.media_type {
        Some(m) => m,
        None => match extension.as_deref().and_then(media_type_of_extension) {
            Some(m) => MediaType::from_str(m).expect("the extension table holds media types"),
            // Text in a named charset is not UTF-8, so sniffing would call it binary.
            None if new.charset.is_some() => match sniff(tmp.path())?.essence() {
                "text/html" => MediaType::from_str("text/html").expect("a media type"),
                _ => MediaType::from_str("text/plain").expect("a media type"),
            },
            None => sniff(tmp.path())?,
        },
    };
    let ext = extension
        .or_else(|| extension_of_media_type(&media_type).map(str::to_string))
        .unwrap_or_else(|| "bin".into());
    // The metadata is `<hex>.yaml`: YAML bytes must not take that name.
    let ext = if ext == "yaml" {
        "yml".to_string()
    } else {
        ext
    };
    let file = format!("{hex}.{ext}");
    let bytes_path = dir.join(&file);
    let mut perms = tmp
        .as_file()
        .metadata()
        .map_err(|e| Error::io("stat", tmp.path(), e))?
        .permissions();
    perms.set_readonly(true);
    fs::set_permissions(tmp.path(), perms).map_err(|e| Error::io("protect", tmp.path(), e))?;
    tmp.persist(&bytes_path)
        .map_err(|e| Error::io("write", &bytes_path, e.error))?;

    let meta = SourceMeta {
        sha256: id.clone(),
        file,
        media_type,
        size,
        url: new.url,
        title: new.title,
        kind: new.kind,
        publisher: new.publisher,
        published: new.published,
        captured_at: at,
        captured_by: by.to_string(),
        note: new.note,
        revises: new.revises,
        history: Vec::new(),
        charset: new.charset,
        fetch: new.fetch,
        captures: new.captures,
    };
    workspace::write_atomic(&meta_path(ws, &id), yaml::to_string(&meta)?.as_bytes())?;
    Ok((meta, true))
}

/// Rewrites a snapshot's record (its metadata; the bytes never change).
pub fn save_meta(ws: &Workspace, meta: &SourceMeta, _lock: &Lock) -> Result<()> {
    workspace::write_atomic(&meta_path(ws, meta.id()), yaml::to_string(meta)?.as_bytes())
}

/// `sources/<hex>.yaml`.
pub fn meta_path(ws: &Workspace, id: &SourceId) -> PathBuf {
    ws.sources_dir().join(format!("{}.yaml", id.hex()))
}

/// Reads one snapshot's metadata.
pub fn load_meta(ws: &Workspace, id: &SourceId) -> Result<SourceMeta> {
    let path = meta_path(ws, id);
    let text = workspace::read_to_string(&path)?;
    yaml::from_str(&ws.rel(&path), &text)
}

/// Every snapshot's metadata, sorted by hash. An unreadable record is an error.
pub fn load_all(ws: &Workspace) -> Result<Vec<SourceMeta>> {
    let listing = list(ws)?;
    listing
        .metas
        .par_iter()
        .map(|id| load_meta(ws, id))
        .collect()
}

/// What `sources/` holds, sorted into what belongs and what does not.
#[derive(Debug, Default)]
pub struct Listing {
    /// Ids of `<hex>.yaml` records.
    pub metas: Vec<SourceId>,
    /// `<hex>.<ext>` byte files, by hash.
    pub bytes: BTreeMap<String, PathBuf>,
    /// Anything else: symlinks, folders, stray files, with what is wrong.
    pub strays: Vec<(PathBuf, &'static str)>,
}

/// Lists `sources/` without reading any file.
pub fn list(ws: &Workspace) -> Result<Listing> {
    let dir = ws.sources_dir();
    let mut listing = Listing::default();
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
        Err(e) => return Err(Error::io("read", &dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read", &dir, e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io("stat", &path, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if kind.is_symlink() {
            listing
                .strays
                .push((path, "a symlink; snapshots must be plain files"));
            continue;
        }
        if kind.is_dir() {
            listing
                .strays
                .push((path, "a folder; `sources/` holds only snapshots"));
            continue;
        }
        if name.starts_with(".tmp-") {
            listing.strays.push((
                path,
                "a leftover temporary file from an interrupted write; delete it",
            ));
            continue;
        }
        let (stem, ext) = name.split_once('.').unwrap_or((&name, ""));
        match SourceId::from_hex(stem) {
            Some(id) if ext == "yaml" => listing.metas.push(id),
            Some(_) if extension_of(&name).as_deref() == Some(ext) => {
                if let Some(previous) = listing.bytes.insert(stem.to_string(), path.clone()) {
                    listing
                        .strays
                        .push((previous, "a second byte file for the same hash"));
                }
            }
            _ => listing
                .strays
                .push((path, "not a snapshot (`<sha256>.<ext>` or `<sha256>.yaml`)")),
        }
    }
    listing.metas.sort();
    listing.strays.sort();
    Ok(listing)
}

/// Resolves `sha256:<hex>`, a full hex or a unique prefix of ≥ 6 hex characters.
pub fn resolve(ws: &Workspace, given: &str) -> Result<SourceId> {
    let hex = given.strip_prefix("sha256:").unwrap_or(given);
    if hex.len() < 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::usage(format!(
            "`{given}` is not a snapshot id: give `sha256:<hex>` or at least 6 hex characters of it"
        ))
        .with_hint("`factcheck source list` shows the snapshots"));
    }
    let hex = hex.to_ascii_lowercase();
    let ids = list(ws)?.metas;
    let matches: Vec<&SourceId> = ids.iter().filter(|id| id.hex().starts_with(&hex)).collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(
            Error::usage(format!("no snapshot `{given}` in this workspace")).with_hint(
                "`factcheck source add PATH` takes one; `factcheck source list` shows them",
            ),
        ),
        many => Err(Error::usage(format!(
            "snapshot id `{given}` is ambiguous: it could be {}",
            many.iter()
                .map(|id| format!("`{}`", id.short()))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .with_hint("give more hex characters")),
    }
}

/// The text of a snapshot, decoded once.
pub fn read_text(ws: &Workspace, meta: &SourceMeta) -> Result<SourceText> {
    let path = ws.sources_dir().join(safe_file_name(meta)?);
    let kind = fs::symlink_metadata(&path).map_err(|e| Error::io("read", &path, e))?;
    if !kind.is_file() {
        return Err(Error::usage(format!(
            "`{}` is not a plain file; snapshots must not be symlinks",
            ws.rel(&path).display()
        )));
    }
    let bytes = fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
    let label = format!("snapshot `{}`", meta.sha256.short());
    text::decode_charset(
        bytes,
        meta.media_type.as_str(),
        meta.charset.as_deref(),
        &label,
    )
    .map(SourceText::new)
}

/// The byte file named by a record, refused unless it is `<its hash>.<ext>`.
pub fn safe_file_name(meta: &SourceMeta) -> Result<&str> {
    let ok = meta.file.split_once('.').is_some_and(|(stem, ext)| {
        stem == meta.sha256.hex()
            && extension_of(&meta.file).as_deref() == Some(ext)
            && ext != "yaml"
    });
    if ok {
        Ok(&meta.file)
    } else {
        Err(Error::usage(format!(
            "snapshot record `{}.yaml` names the file `{}`, which is not `<sha256>.<ext>`",
            meta.sha256.hex(),
            meta.file
        )))
    }
}

/// A lowercase `[a-z0-9]{1,10}` extension of a file name, if it has one.
fn extension_of(name: &str) -> Option<String> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    (1..=10)
        .contains(&ext.len())
        .then_some(())
        .filter(|()| {
            ext.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        .map(|()| ext)
}

const MEDIA_TYPES: &[(&str, &str)] = &[
    ("md", "text/markdown"),
    ("txt", "text/plain"),
    ("html", "text/html"),
    ("htm", "text/html"),
    ("csv", "text/csv"),
    ("json", "application/json"),
    ("xml", "application/xml"),
    ("yml", "application/yaml"),
    ("yaml", "application/yaml"),
    ("pdf", "application/pdf"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("mp3", "audio/mpeg"),
    ("wav", "audio/wav"),
    ("mp4", "video/mp4"),
    ("warc", "application/warc"),
];

fn media_type_of_extension(ext: &str) -> Option<&'static str> {
    MEDIA_TYPES.iter().find(|(e, _)| *e == ext).map(|(_, m)| *m)
}

fn extension_of_media_type(media_type: &MediaType) -> Option<&'static str> {
    let essence = media_type.essence();
    MEDIA_TYPES
        .iter()
        .find(|(_, m)| *m == essence)
        .map(|(e, _)| *e)
}

/// Guesses a media type from the first bytes of a file.
fn sniff(path: &Path) -> Result<MediaType> {
    let mut head = Vec::with_capacity(4096);
    File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .map_err(|e| Error::io("read", path, e))?;
    let lower = String::from_utf8_lossy(&head)
        .trim_start()
        .to_ascii_lowercase();
    let media_type = if head.starts_with(b"%PDF-") {
        "application/pdf"
    } else if head.starts_with(b"\x89PNG") {
        "image/png"
    } else if head.starts_with(b"\xff\xd8\xff") {
        "image/jpeg"
    } else if head.starts_with(b"GIF8") {
        "image/gif"
    } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        "text/html"
    } else if looks_like_utf8(&head) {
        "text/plain"
    } else {
        "application/octet-stream"
    };
    Ok(MediaType::from_str(media_type).expect("the sniffed types are media types"))
}

/// Valid UTF-8, allowing a character cut off by the end of the sample.
fn looks_like_utf8(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(s) => !s.contains('\0'),
        Err(e) => e.error_len().is_none() && !head[..e.valid_up_to()].contains(&0),
    }
}

/// One snapshot whose bytes are missing or do not hash to their name.
#[derive(Debug, Clone, PartialEq)]
pub struct Damage {
    /// The snapshot's hash, as its name says.
    pub hex: String,
    pub file: PathBuf,
    pub message: String,
}

/// What [`verify`] found: the damaged snapshots, and the stat of every
/// snapshot whose bytes hash to their name.
#[derive(Debug, Default)]
pub struct Verified {
    pub damage: Vec<Damage>,
    pub intact: BTreeMap<String, Stamp>,
}

/// Size, mtime and inode of a file: when none of them changed, neither did
/// the file, as far as the stat caches are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    mtime_ns: i128,
    ino: u64,
}

impl Stamp {
    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The stamp of the file at `path`, not following symlinks.
    pub fn of_path(path: &Path) -> Option<Stamp> {
        fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m))
    }

    fn of(meta: &fs::Metadata) -> Stamp {
        Stamp {
            size: meta.len(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            ino: meta.ino(),
        }
    }
}

const CACHE_FILE: &str = "stat-cache";

fn load_cache(ws: &Workspace) -> HashMap<String, Stamp> {
    load_stamps(ws, CACHE_FILE, "")
}

fn save_cache(ws: &Workspace, cache: &BTreeMap<String, Stamp>) -> Result<()> {
    save_stamps(ws, CACHE_FILE, "", cache)
}

/// Reads a stat cache from `.factcheck/NAME`: a `# KEY` line, then one
/// `name<TAB>size<TAB>mtime<TAB>inode` line per file. A cache written under
/// another key (or unreadable) is empty.
pub fn load_stamps(ws: &Workspace, name: &str, key: &str) -> HashMap<String, Stamp> {
    let Ok(text) = fs::read_to_string(ws.state_dir().join(name)) else {
        return HashMap::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(format!("# {key}").as_str()) {
        return HashMap::new();
    }
    lines
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let hex = parts.next()?.to_string();
            let stamp = Stamp {
                size: parts.next()?.parse().ok()?,
                mtime_ns: parts.next()?.parse().ok()?,
                ino: parts.next()?.parse().ok()?,
            };
            Some((hex, stamp))
        })
        .collect()
}

/// Writes a stat cache (see [`load_stamps`]).
pub fn save_stamps(
    ws: &Workspace,
    name: &str,
    key: &str,
    cache: &BTreeMap<String, Stamp>,
) -> Result<()> {
    let mut text = format!("# {key}\n");
    for (hex, s) in cache {
        text.push_str(&format!("{hex}\t{}\t{}\t{}\n", s.size, s.mtime_ns, s.ino));
    }
    workspace::create_dir_all(&ws.state_dir())?;
    workspace::write_atomic(&ws.state_dir().join(name), text.as_bytes())
}

/// A fingerprint of everything in `sources/` as `stat` sees it: when it is
/// unchanged, so is every snapshot's record, bytes and text.
pub fn fingerprint(ws: &Workspace, listing: &Listing) -> String {
    let metas = listing.metas.iter().map(|id| meta_path(ws, id));
    let others = listing
        .bytes
        .values()
        .cloned()
        .chain(listing.strays.iter().map(|(p, _)| p.clone()));
    let mut lines: Vec<String> = metas
        .chain(others)
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match Stamp::of_path(&path) {
                Some(s) => format!("{name}\t{}\t{}\t{}\n", s.size, s.mtime_ns, s.ino),
                None => format!("{name}\tmissing\n"),
            }
        })
        .collect();
    lines.sort();
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for line in &lines {
        hasher.update(line.as_bytes());
    }
    hex(&hasher.finalize())
}

/// Checks that each byte file hashes to its name, in parallel. With `full`
/// every file is rehashed; otherwise one whose stat matches the cache is
/// trusted. The cache is rewritten with every file that hashed right.
pub fn verify(ws: &Workspace, files: &BTreeMap<String, PathBuf>, full: bool) -> Result<Verified> {
    let cache = if full { HashMap::new() } else { load_cache(ws) };
    let damage = |hex: &str, path: &Path, message: String| Damage {
        hex: hex.to_string(),
        file: ws.rel(path),
        message,
    };
    // A stat first: an unchanged file costs only that.
    let stated: Vec<(&String, &PathBuf, io::Result<fs::Metadata>)> = files
        .par_iter()
        .map(|(hex, path)| (hex, path, fs::symlink_metadata(path)))
        .collect();
    let mut results: Vec<(String, std::result::Result<Stamp, Damage>)> =
        Vec::with_capacity(files.len());
    let mut todo = Vec::new();
    for (hex, path, meta) in stated {
        match meta {
            Err(e) => results.push((
                hex.clone(),
                Err(damage(hex, path, format!("cannot stat: {e}"))),
            )),
            Ok(meta) => {
                let stamp = Stamp::of(&meta);
                if cache.get(hex.as_str()) == Some(&stamp) {
                    results.push((hex.clone(), Ok(stamp)));
                } else {
                    todo.push((hex, path, stamp));
                }
            }
        }
    }
    // The biggest first, one file per task: a huge snapshot starts at once
    // on one core and the small ones run beside it, rather than the huge one
    // starting last and running alone.
    todo.sort_by_key(|&(_, _, stamp)| std::cmp::Reverse(stamp.size));
    let big = todo
        .iter()
        .filter(|(_, _, stamp)| stamp.size >= READ_AHEAD_MIN)
        .count();
    let read_ahead = big < rayon::current_num_threads();
    results.par_extend(
        todo.into_par_iter()
            .with_max_len(1)
            .map(|(hex, path, stamp)| {
                (
                    hex.clone(),
                    rehash(ws, hex, path, stamp, read_ahead).map_err(|m| damage(hex, path, m)),
                )
            }),
    );
    let mut fresh = BTreeMap::new();
    let mut damage = Vec::new();
    for (hex, result) in results {
        match result {
            Ok(stamp) => {
                fresh.insert(hex, stamp);
            }
            Err(d) => damage.push(d),
        }
    }
    if fresh
        .iter()
        .any(|(hex, stamp)| cache.get(hex) != Some(stamp))
        || fresh.len() != cache.len()
    {
        // The cache only saves time; failing to write it is not worth failing `check`.
        let _ = save_cache(ws, &fresh);
    }
    Ok(Verified {
        damage,
        intact: fresh,
    })
}

/// Hashes a file whose stat was `stamp`; says what is wrong if it does not
/// hash to `hex`.
fn rehash(
    ws: &Workspace,
    hex: &str,
    path: &Path,
    stamp: Stamp,
    read_ahead: bool,
) -> std::result::Result<Stamp, String> {
    let (actual, _) = hash_file_with(path, read_ahead).map_err(|e| e.to_string())?;
    if actual != hex {
        return Err(format!(
            "snapshot bytes changed: they hash to {}…, not to their name; restore them with `git checkout -- {}`",
            &actual[..12],
            ws.rel(path).display()
        ));
    }
    Ok(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_vectors() {
        let h = |data: &[u8]| hash_copy(&mut &data[..], &mut io::sink()).unwrap().0;
        assert_eq!(
            h(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            h(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let million_a = vec![b'a'; 1_000_000];
        assert_eq!(
            h(&million_a),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    #[test]
    fn hashing_a_streamed_file_of_tens_of_mb_matches_and_copies() {
        // 40 MB of a repeating pattern, read through a small reader so it streams.
        struct Pattern(u64);
        impl Read for Pattern {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = buf.len().min(self.0 as usize).min(7919);
                for (i, b) in buf[..n].iter_mut().enumerate() {
                    *b = (i % 251) as u8;
                }
                self.0 -= n as u64;
                Ok(n)
            }
        }
        let mut copy = Vec::new();
        let (streamed, size) = hash_copy(&mut Pattern(40 << 20), &mut copy).unwrap();
        assert_eq!(size, 40 << 20);
        assert_eq!(copy.len() as u64, size);
        assert_eq!(streamed, hex(&Sha256::digest(&copy)));
    }

    #[test]
    fn big_files_hash_through_the_read_ahead_and_small_ones_directly() {
        let dir = tempfile::tempdir().unwrap();
        // Sizes around every boundary: empty, small, the read-ahead threshold,
        // and a big file that does not end on a block boundary.
        for size in [
            0,
            1,
            511,
            4096,
            READ_AHEAD_MIN as usize - 1,
            READ_AHEAD_MIN as usize,
            (READ_AHEAD_MIN as usize) * 2 + 12345,
        ] {
            let bytes: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
            let path = dir.path().join(format!("f{size}"));
            fs::write(&path, &bytes).unwrap();
            let (hashed, len) = hash_file(&path).unwrap();
            assert_eq!(len, size as u64);
            assert_eq!(hashed, hex(&Sha256::digest(&bytes)), "size {size}");
        }
        let err = hash_file(&dir.path().join("missing"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("cannot open"), "{err}");
    }

    #[test]
    fn extensions_are_lowercase_and_short() {
        assert_eq!(extension_of("a.MD").as_deref(), Some("md"));
        assert_eq!(extension_of("a.tar.gz").as_deref(), Some("gz"));
        assert_eq!(extension_of("a"), None);
        assert_eq!(extension_of("a.verylongextension"), None);
        assert_eq!(extension_of("a.x-y"), None);
    }
}
