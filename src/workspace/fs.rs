//! Every file-system call of the workspace, each with its path in the
//! error: reading records without following symlinks, atomic writes
//! (temporary file, fsync, rename), and [`Stamp`], how the stat caches tell
//! that a file has not changed.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::error::{Error, Result};

/// Opens a file of the workspace for reading, refusing a symlink (never
/// followed) and anything but a regular file: a FIFO, socket or device in
/// `claims/`, `sources/` or `templates/` would block every command or read
/// forever. The open itself does not block (`O_NONBLOCK`, which a regular
/// file ignores).
pub fn open_regular(path: &Path) -> Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                Error::invalid(format!(
                    "`{}` is a symlink; the tool reads only plain files in a workspace, since a symlink could point anywhere",
                    path.display()
                ))
                .with_hint_in("replace the symlink with the file itself", "把符号链接换成文件本身")
            } else {
                Error::io("read", path, e)
            }
        })?;
    let meta = file.metadata().map_err(|e| Error::io("stat", path, e))?;
    if !meta.is_file() {
        return Err(Error::usage(format!(
            "`{}` is not a regular file (a folder, FIFO, socket or device); the tool reads only plain files in a workspace",
            path.display()
        ))
        .with_hint_in("remove it, or replace it with the file itself", "删除它，或换成文件本身"));
    }
    Ok(file)
}

/// The paths of the entries of the folder `path`, in no order.
pub fn list_dir(path: &Path) -> Result<Vec<std::path::PathBuf>> {
    fs::read_dir(path)
        .map_err(|e| Error::io("read", path, e))?
        .map(|e| e.map(|e| e.path()).map_err(|e| Error::io("read", path, e)))
        .collect()
}

/// Reads a file of the workspace as text. A symlink is refused, never
/// followed: a cloned workspace's `claims/x.yaml -> ~/.ssh/id_rsa` must not
/// end up quoted in an error message or a report.
pub fn read_to_string(path: &Path) -> Result<String> {
    use std::io::Read;
    let mut file = open_regular(path)?;
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|e| Error::io("read", path, e))?;
    Ok(text)
}

pub fn create_dir_all(path: &Path) -> Result<()> {
    fs::create_dir_all(path).map_err(|e| Error::io("create", path, e))
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one, never half of either.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| {
        out.write_all(bytes)
            .map_err(|e| Error::io("write", path, e))
    })
}

/// Like [`write_atomic`], with the bytes written by `fill` as it makes them
/// (a long report is never held whole). If `fill` fails, nothing is
/// written and its error is returned.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::invalid(format!(
            "cannot write `{}`: the folder `{}` does not exist",
            path.display(),
            dir.display()
        ))
        .with_hint_in(
            "create the folder first, or write somewhere else",
            "先创建该文件夹，或写到别处",
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .map_err(|e| Error::io("write", path, without_path(e)))?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        fill(&mut out)?;
        out.flush().map_err(|e| Error::io("write", path, e))?;
    }
    tmp.as_file()
        .set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}

/// The error's kind without the temporary file's name, which `tempfile`
/// appends but which means nothing to the person reading it.
pub fn without_path(err: std::io::Error) -> std::io::Error {
    match err.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::from(err.kind()),
    }
}

/// Opens a file given on the command line (`source add PATH`), which must be
/// a plain file, with its size.
pub fn open_given(path: &Path) -> Result<(fs::File, u64)> {
    let meta = fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(format!(
            "`{}` is not a file",
            path.display()
        )));
    }
    let file = fs::File::open(path).map_err(|e| Error::io("open", path, e))?;
    Ok((file, meta.len()))
}

/// Reads a file given on the command line, which must be a plain file.
pub fn read_given(path: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(format!(
            "`{}` is not a file",
            path.display()
        )));
    }
    fs::read(path).map_err(|e| Error::io("read", path, e))
}

/// Reads a whole file.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| Error::io("read", path, e))
}

/// A file's text, or nothing when it cannot be read: for finding the line
/// of a problem already found, where a second error would say nothing new.
pub fn read_or_empty(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

/// The absolute path of `path` with symlinks resolved, else `path` as given.
pub fn canonical(path: &Path) -> std::path::PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether `path` is a regular file itself (a symlink is not followed).
pub fn is_plain_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// Deletes a file.
pub fn remove_file(path: &Path) -> Result<()> {
    fs::remove_file(path).map_err(|e| Error::io("remove", path, e))
}

/// Size, mtime and inode of a file: when none of them changed, neither did
/// the file, as far as the stat caches are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub(super) size: u64,
    pub(super) mtime_ns: i128,
    pub(super) ino: u64,
}

impl Stamp {
    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Whether the file was modified less than `within` before `now` (or
    /// after it): a change within that time could keep size and mtime, as in
    /// git's "racy clean" problem, so such a stamp is not cached.
    pub fn modified_within(&self, now: std::time::SystemTime, within: std::time::Duration) -> bool {
        let now = now
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX));
        now - self.mtime_ns < i128::try_from(within.as_nanos()).unwrap_or(i128::MAX)
    }

    /// The stamp of the file at `path`, not following symlinks.
    pub fn of_path(path: &Path) -> Option<Stamp> {
        std::fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// The stamp as 32 bytes (size, mtime, inode; little-endian), for the
    /// index's fixed-size entries.
    pub(crate) fn to_bytes(self) -> [u8; 32] {
        let mut out = [0; 32];
        out[..8].copy_from_slice(&self.size.to_le_bytes());
        out[8..24].copy_from_slice(&self.mtime_ns.to_le_bytes());
        out[24..].copy_from_slice(&self.ino.to_le_bytes());
        out
    }

    /// The stamp of [`Stamp::to_bytes`]; `None` unless `bytes` is 32 long.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Stamp> {
        let bytes: &[u8; 32] = bytes.try_into().ok()?;
        Some(Stamp {
            size: u64::from_le_bytes(bytes[..8].try_into().ok()?),
            mtime_ns: i128::from_le_bytes(bytes[8..24].try_into().ok()?),
            ino: u64::from_le_bytes(bytes[24..].try_into().ok()?),
        })
    }

    pub(crate) fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            size: meta.len(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            ino: meta.ino(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn records_of_any_size_read_whole_and_bad_utf8_fails_as_before() {
        let dir = tempfile::tempdir().unwrap();
        for size in [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 3 << 20] {
            let text: String = "记录ab\n".chars().cycle().take(size).collect();
            let path = dir.path().join(format!("r{size}.yaml"));
            fs::write(&path, &text).unwrap();
            assert_eq!(read_to_string(&path).unwrap(), text, "size {size}");
        }
        let path = dir.path().join("latin1.yaml");
        fs::write(&path, b"title: caf\xe9\n").unwrap();
        let ours = read_to_string(&path).unwrap_err().to_string();
        let std = Error::io("read", &path, fs::read_to_string(&path).unwrap_err()).to_string();
        assert_eq!(ours, std);
        let missing = read_to_string(&dir.path().join("nope.yaml"))
            .unwrap_err()
            .to_string();
        assert!(missing.starts_with("cannot read"), "{missing}");
    }
}
