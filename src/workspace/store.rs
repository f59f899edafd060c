//! Content-addressed snapshots in `sources/`.
//!
//! A snapshot's bytes are stored as `<sha256>.<ext>` beside a metadata record
//! `<sha256>.yaml`. Bytes are hashed while they are streamed into a temporary
//! file in `sources/` (constant memory, whatever the size), then renamed to
//! their hash: a half-written snapshot never carries a real name. [`verify`]
//! says whether bytes still hash to their name (the hashing and its schedule
//! are [`crate::hash`]'s); a stat cache under `.factcheck/` lets it skip
//! snapshots whose size, mtime and inode have not changed since they last
//! hashed right.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{Capture, Day, Fetch, MediaType, SHORT, SourceId, SourceKind, SourceMeta, Time};
use crate::says::Says;
use crate::text::{self, SourceText};
use crate::workspace::hash;
use crate::workspace::yaml;
use crate::workspace::{self, Lock, Stamp, Workspace};

// The hashing helpers have moved to [`crate::hash`]; these names stay for callers.
pub use crate::workspace::hash::{hash_file, hex, sha256_hex};

/// What `source add` was told about the snapshot.
#[derive(Debug, Default)]
pub struct NewSource {
    pub url: Option<String>,
    pub title: Option<String>,
    pub kind: Option<SourceKind>,
    pub publisher: Option<String>,
    pub origin: Option<String>,
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
    // Made readable as the umask allows (as any file the user makes), then
    // made read-only below: a snapshot is never written again.
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .permissions(fs::Permissions::from_mode(0o644))
        .tempfile_in(&dir)
        .map_err(|e| Error::io("write into", &dir, workspace::without_path(e)))?;
    let (hex, size) =
        hash::hash_copy(reader, &mut tmp).map_err(|e| Error::io("copy into", tmp.path(), e))?;
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
    perms.set_mode(perms.mode() & 0o444);
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
        origin: new.origin,
        published: new.published,
        captured_at: at,
        captured_by: by.to_string(),
        note: new.note,
        revises: new.revises,
        history: Vec::new(),
        charset: new.charset,
        fetch: new.fetch,
        captures: new.captures,
        watch: Vec::new(),
    };
    let text = yaml::to_string(&meta)?;
    // Never write a record the reader would refuse.
    yaml::from_str::<SourceMeta>(&ws.rel(&meta_path(ws, &id)), &text).map_err(|e| {
        Error::invalid(format!(
            "refusing to write a snapshot record that cannot be read back: {e}"
        ))
    })?;
    workspace::write_atomic(&meta_path(ws, &id), text.as_bytes())?;
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

/// Reads one snapshot's metadata: from the workspace index when its file
/// is unchanged since it was parsed, else from the file.
pub fn load_meta(ws: &Workspace, id: &SourceId) -> Result<SourceMeta> {
    load_meta_with(
        ws,
        id,
        true,
        |e| e,
        |path, text| yaml::from_str(&ws.rel(path), text),
    )
}

/// [`load_meta`] with the parsing (and its errors) the caller's: `check`
/// wants line numbers. With `indexed` false, the file is always parsed.
pub fn load_meta_with<E>(
    ws: &Workspace,
    id: &SourceId,
    indexed: bool,
    unreadable: impl FnOnce(Error) -> E,
    parse: impl FnOnce(&Path, &str) -> std::result::Result<SourceMeta, E>,
) -> std::result::Result<SourceMeta, E> {
    let path = meta_path(ws, id);
    let name = format!("{}.yaml", id.hex());
    let stamp = Stamp::of_path(&path);
    if indexed
        && let Some(stamp) = &stamp
        && let Some(meta) = ws.indexed_meta(&name, stamp)
        && meta.sha256 == *id
    {
        return Ok(meta);
    }
    let text = workspace::read_to_string(&path).map_err(unreadable)?;
    let meta = parse(&path, &text)?;
    if let Some(stamp) = stamp
        && meta.sha256 == *id
    {
        ws.parsed_meta(&name, stamp, &meta);
    }
    Ok(meta)
}

/// The record of the workspace's article (`article:` in `factcheck.yaml`):
/// when it is missing, the error names the setting and what to do.
pub fn load_article(ws: &Workspace, id: &SourceId) -> Result<SourceMeta> {
    match load_meta(ws, id) {
        Err(Error::Io { cause, .. }) if cause.kind() == io::ErrorKind::NotFound => {
            Err(Error::invalid(format!(
                "`article: {id}` in factcheck.yaml names a snapshot that is not in sources/"
            ))
            .with_hint_in("snapshot the article with `factcheck source add PATH --article`, restore sources/ from git, or correct `article:` in factcheck.yaml", "用 `factcheck source add PATH --article` 为文章建快照，从 `git` 恢复 `sources/`，或修正 `factcheck.yaml` 中的 `article:`"))
        }
        other => other,
    }
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
    pub strays: Vec<(PathBuf, String)>,
}

/// Lists `sources/` without reading any file.
pub fn list(ws: &Workspace) -> Result<Listing> {
    let dir = ws.sources_dir();
    let mut listing = Listing::default();
    let language = ws.config.language();
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
                .push((path, Says::StraySymlink.text(language)));
            continue;
        }
        if kind.is_dir() {
            listing
                .strays
                .push((path, Says::StrayFolder.text(language)));
            continue;
        }
        if !kind.is_file() {
            listing
                .strays
                .push((path, Says::StraySpecial.text(language)));
            continue;
        }
        if name.starts_with(".tmp-") {
            listing
                .strays
                .push((path, Says::LeftoverTempInSources.text(language)));
            continue;
        }
        let (stem, ext) = name.split_once('.').unwrap_or((&name, ""));
        match SourceId::from_hex(stem) {
            Some(id) if ext == "yaml" => listing.metas.push(id),
            Some(_) if extension_of(&name).as_deref() == Some(ext) => {
                if let Some(previous) = listing.bytes.insert(stem.to_string(), path.clone()) {
                    listing
                        .strays
                        .push((previous, Says::StraySecondBytes.text(language)));
                }
            }
            _ => listing
                .strays
                .push((path, Says::StrayNotSnapshot.text(language))),
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
        return Err(
            Error::invalid(Says::NotSnapshotId { given }.text(ws.config.language())).with_hint_in(
                "`factcheck source list` shows the snapshots",
                "`factcheck source list` 列出所有快照",
            ),
        );
    }
    let hex = hex.to_ascii_lowercase();
    let ids = list(ws)?.metas;
    let matches: Vec<&SourceId> = ids.iter().filter(|id| id.hex().starts_with(&hex)).collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(
            Error::invalid(Says::NoSnapshot { given }.text(ws.config.language())).with_hint_in(
                "`factcheck source add PATH` takes one; `factcheck source list` shows them",
                "用 `factcheck source add PATH` 添加快照；`factcheck source list` 列出快照",
            ),
        ),
        many => Err(Error::invalid(
            Says::SnapshotAmbiguous {
                given,
                could_be: &many
                    .iter()
                    .map(|id| format!("`{}`", id.short()))
                    .collect::<Vec<_>>()
                    .join(crate::says::list_separator(ws.config.language())),
            }
            .text(ws.config.language()),
        )
        .with_hint_in("give more hex characters", "请多给出几个十六进制字符")),
    }
}

/// The text of a snapshot, decoded once.
pub fn read_text(ws: &Workspace, meta: &SourceMeta) -> Result<SourceText> {
    let bytes = read_bytes(ws, meta)?;
    let label = format!("snapshot `{}`", meta.sha256.short());
    text::decode_charset(
        bytes,
        meta.media_type.as_str(),
        meta.charset.as_deref(),
        &label,
    )
    .map(SourceText::new)
}

/// The bytes of a snapshot (a plain file, never a symlink).
pub fn read_bytes(ws: &Workspace, meta: &SourceMeta) -> Result<Vec<u8>> {
    let path = ws.sources_dir().join(safe_file_name(meta)?);
    let kind = fs::symlink_metadata(&path).map_err(|e| Error::io("read", &path, e))?;
    if !kind.is_file() {
        return Err(Error::invalid(format!(
            "`{}` is not a plain file; snapshots must not be symlinks",
            ws.rel(&path).display()
        )));
    }
    fs::read(&path).map_err(|e| Error::io("read", &path, e))
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
        Err(Error::invalid(format!(
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

/// The media type a file name's extension gives, as `source add` picks it.
pub fn media_type_of_name(name: &str) -> Option<&'static str> {
    extension_of(name).and_then(|ext| media_type_of_extension(&ext))
}

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
    // Opened without following a symlink; anything but a regular file
    // counts as no cache.
    let path = ws.state_dir().join(name);
    let Ok(Some(file)) = workspace::open_state_file(&path) else {
        return HashMap::new();
    };
    let mut text = String::new();
    if io::Read::read_to_string(&mut &file, &mut text).is_err() {
        return HashMap::new();
    }
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
/// unchanged, so is every snapshot's record, bytes and text. A file that
/// vanished since the listing counts as missing; any other failure to stat
/// one is an error, never a guess.
pub fn fingerprint(ws: &Workspace, listing: &Listing) -> Result<String> {
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
            match fs::symlink_metadata(&path) {
                Ok(meta) => {
                    let s = Stamp::of(&meta);
                    Ok(format!("{name}\t{}\t{}\t{}\n", s.size, s.mtime_ns, s.ino))
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(format!("{name}\tmissing\n")),
                Err(e) => Err(Error::io("stat", &path, e)),
            }
        })
        .collect::<Result<_>>()?;
    lines.sort();
    let mut hasher = Sha256::new();
    for line in &lines {
        hasher.update(line.as_bytes());
    }
    Ok(hex(&hasher.finalize()))
}

/// Checks that each byte file hashes to its name, in parallel. With `full`
/// every file is rehashed; otherwise one whose stat matches the cache is
/// trusted. The cache is rewritten with every file that hashed right.
pub fn verify(
    ws: &Workspace,
    files: &BTreeMap<String, PathBuf>,
    full: bool,
    progress: &dyn hash::Progress,
) -> Result<Verified> {
    let saved = load_cache(ws);
    let none = HashMap::new();
    let cache = if full { &none } else { &saved };
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
                Err(damage(
                    hex,
                    path,
                    Says::CannotStat {
                        why: &e.to_string(),
                    }
                    .text(ws.config.language()),
                )),
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
    let jobs = todo
        .into_iter()
        .map(|(hex, path, stamp)| hash::Job {
            key: (hex, path, stamp),
            path: path.clone(),
            size: stamp.size,
        })
        .collect();
    results.extend(hash::hash_files(jobs, progress).into_iter().map(
        |((hex, path, stamp), hashed)| {
            let checked = match hashed {
                Err(e) => Err(e.to_string()),
                Ok((actual, _)) if actual != *hex => Err(Says::BytesChanged {
                    actual: &actual[..SHORT],
                    path: &ws.rel(path).display().to_string(),
                }
                .text(ws.config.language())),
                Ok(_) => Ok(stamp),
            };
            (hex.clone(), checked.map_err(|m| damage(hex, path, m)))
        },
    ));
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
    // Snapshots outside `files` (when only some were verified) keep their entries.
    let mut next: BTreeMap<String, Stamp> = saved
        .iter()
        .filter(|(hex, _)| !files.contains_key(hex.as_str()))
        .map(|(hex, stamp)| (hex.clone(), *stamp))
        .collect();
    next.extend(fresh.iter().map(|(hex, stamp)| (hex.clone(), *stamp)));
    if next.len() != saved.len()
        || next
            .iter()
            .any(|(hex, stamp)| saved.get(hex) != Some(stamp))
    {
        // The cache only saves time; failing to write it is not worth failing `check`.
        let _ = save_cache(ws, &next);
    }
    Ok(Verified {
        damage,
        intact: fresh,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_lowercase_and_short() {
        assert_eq!(extension_of("a.MD").as_deref(), Some("md"));
        assert_eq!(extension_of("a.tar.gz").as_deref(), Some("gz"));
        assert_eq!(extension_of("a"), None);
        assert_eq!(extension_of("a.verylongextension"), None);
        assert_eq!(extension_of("a.x-y"), None);
    }
}
