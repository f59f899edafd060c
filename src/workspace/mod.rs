//! The workspace on disk, the only door to it: finding it, the lock, and
//! loading and saving records. [`fs`] holds every file-system call (each
//! error names its path) and atomic writes, [`yaml`] the one reader and
//! writer of YAML, [`store`] the content-addressed snapshots.
//!
//! Every write of a record goes through [`write_atomic`] (temporary file in the
//! same folder, fsync, rename) and needs a [`Lock`], so two commands running at
//! once can neither lose each other's update nor hand out one id twice. The
//! lock prints nothing: a caller that waits is told through a callback.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::guard;
use crate::model::{Claim, ClaimId, Config, Time};
use crate::says::{Says, list_separator};

mod dismissed;
pub mod fs;
pub mod hash;
mod settings;
pub mod store;
pub mod yaml;

pub use dismissed::DISMISSED_FILE;
pub use fs::{
    Stamp, create_dir_all, open_regular, read_to_string, without_path, write_atomic,
    write_atomic_with,
};

pub mod index;

pub use index::{Loaded, Stated};

/// The settings file whose presence marks a workspace root.
pub const CONFIG_FILE: &str = "factcheck.yaml";
/// Local state, git-ignored: the lock, the index and the snapshots' stat cache.
pub const STATE_DIR: &str = ".factcheck";

/// An open workspace.
#[derive(Debug)]
pub struct Workspace {
    root: PathBuf,
    /// The parsed `factcheck.yaml`.
    pub config: Config,
    /// The claim index: read when first wanted, written when the workspace
    /// is dropped (the end of the command) if the command learnt anything.
    index: index::State,
}

impl Drop for Workspace {
    fn drop(&mut self) {
        // Only saves time: a failed write costs the next command time.
        let _ = self.save_index();
    }
}

/// Proof that the workspace lock is held; released on drop.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl Lock {
    /// The lock on `file`, just taken: writes who holds it, for anyone who
    /// waits (failing to say so is harmless).
    fn held(mut file: File) -> Lock {
        let command: Vec<String> = std::env::args().skip(1).take(2).collect();
        let _ = file.set_len(0).and_then(|()| {
            write!(
                file,
                "pid {} (factcheck {})",
                std::process::id(),
                command.join(" ")
            )
        });
        Lock { _file: file }
    }
}

impl Workspace {
    /// Opens the workspace at `dir`, or the nearest ancestor of the current
    /// directory holding `factcheck.yaml`.
    pub fn find(dir: Option<&Path>) -> Result<Workspace> {
        let root = match dir {
            Some(dir) => {
                if !dir.join(CONFIG_FILE).is_file() {
                    return Err(Error::NotAWorkspace {
                        start: dir.to_path_buf(),
                    });
                }
                dir.to_path_buf()
            }
            None => {
                let cwd = std::env::current_dir().map_err(|e| Error::io("read", ".", e))?;
                cwd.ancestors()
                    .find(|d| d.join(CONFIG_FILE).is_file())
                    .map(Path::to_path_buf)
                    .ok_or(Error::NotAWorkspace { start: cwd.clone() })?
            }
        };
        Workspace::open(root)
    }

    fn open(root: PathBuf) -> Result<Workspace> {
        // A folder that is a symlink would make every file in it one.
        for folder in ["claims", "sources", "templates", STATE_DIR] {
            if std::fs::symlink_metadata(root.join(folder))
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                return Err(Error::invalid(format!(
                    "`{folder}/` is a symlink; a workspace's folders must be real folders, since a symlink could point anywhere"
                ))
                .with_hint_in(
                    format!("replace `{folder}` with the folder itself"),
                    format!("把 `{folder}` 换成文件夹本身"),
                ));
            }
        }
        let path = root.join(CONFIG_FILE);
        let text = read_to_string(&path)?;
        let config = if text.trim().is_empty() {
            Config::default()
        } else {
            yaml::from_str(&rel(&root, &path), &text)?
        };
        crate::settings_check::validate(&config, &rel(&root, &path), &text)?;
        Ok(Workspace {
            root,
            config,
            index: index::State::default(),
        })
    }

    /// Creates a workspace in `dir` (made if missing). Refuses a folder that
    /// already is one.
    pub fn init(dir: &Path, files: &[(&str, &str)]) -> Result<Workspace> {
        if dir.join(CONFIG_FILE).exists() {
            return Err(Error::invalid(format!(
                "`{}` is already a factcheck workspace",
                dir.display()
            )));
        }
        for sub in ["claims", "sources", "templates", STATE_DIR] {
            create_dir_all(&dir.join(sub))?;
        }
        for (name, contents) in files {
            let path = dir.join(name);
            if !path.exists() {
                write_atomic(&path, contents.as_bytes())?;
            }
        }
        write_atomic(&dir.join(CONFIG_FILE), b"# factcheck workspace settings\n")?;
        Workspace::open(dir.to_path_buf())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn claims_dir(&self) -> PathBuf {
        self.root.join("claims")
    }

    pub fn sources_dir(&self) -> PathBuf {
        self.root.join("sources")
    }

    pub fn templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }

    pub fn state_dir(&self) -> PathBuf {
        self.root.join(STATE_DIR)
    }

    /// A path relative to the workspace root, for messages.
    pub fn rel(&self, path: &Path) -> PathBuf {
        rel(&self.root, path)
    }

    /// Takes the workspace lock, waiting for other writers: after a second
    /// it calls `on_wait` once with a message saying who waits for whom, and
    /// after [`lock_timeout`] it gives up. The holder writes its process id
    /// and command into the lock file, for the message.
    pub fn lock(&self, on_wait: impl FnOnce(&str)) -> Result<Lock> {
        let (path, file) = self.lock_file()?;
        let timeout = lock_timeout()?;
        let started = std::time::Instant::now();
        let mut on_wait = Some(on_wait);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io("lock", &path, e)),
            }
            let waited = started.elapsed();
            if waited >= timeout {
                let (who, gone) = holder(&path);
                let hint = if gone {
                    crate::error::Hint::new(
                        format!(
                            "the lock is free once every process holding it ends: `fuser -v {STATE_DIR}/lock` (or `lsof {STATE_DIR}/lock`) names them; deleting the file does not free it"
                        ),
                        format!(
                            "持有锁的进程全部结束后锁才会释放：`fuser -v {STATE_DIR}/lock`（或 `lsof {STATE_DIR}/lock`）可列出它们；删除该文件并不能释放锁"
                        ),
                    )
                } else {
                    crate::error::Hint::new(
                        format!(
                            "let that command finish and try again; {LOCK_TIMEOUT_VAR}=SECONDS waits longer"
                        ),
                        format!(
                            "请等那条命令结束后再试；设置 `{LOCK_TIMEOUT_VAR}=SECONDS` 可等得更久"
                        ),
                    )
                };
                return Err(Error::invalid(format!(
                    "gave up after waiting {} s for the workspace lock `{}/lock`, held by {}",
                    timeout.as_secs(),
                    STATE_DIR,
                    who
                ))
                .with_hint(hint));
            }
            if waited >= std::time::Duration::from_secs(1)
                && let Some(on_wait) = on_wait.take()
            {
                on_wait(
                    &Says::WaitingForLock {
                        pid: std::process::id(),
                        lock: &format!("{STATE_DIR}/lock"),
                        holder: &holder(&path).0,
                        secs: timeout.as_secs(),
                        var: LOCK_TIMEOUT_VAR,
                    }
                    .text(self.config.language()),
                );
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        Ok(Lock::held(file))
    }

    /// Takes the workspace lock if no other command holds it, without
    /// waiting: for writing what only saves time (the index).
    pub fn try_lock(&self) -> Result<Option<Lock>> {
        let (path, file) = self.lock_file()?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Lock::held(file))),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io("lock", &path, e)),
        }
    }

    /// `.factcheck/lock`, opened (made if missing) without following a
    /// symlink: a cloned workspace's `.factcheck/lock -> ~/anything` must
    /// not have its target truncated, nor a dangling one create a file.
    fn lock_file(&self) -> Result<(PathBuf, File)> {
        use std::os::unix::fs::OpenOptionsExt;
        let dir = self.state_dir();
        create_dir_all(&dir)?;
        let path = dir.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(&path)
            .map_err(|e| not_followed(&path, e))?;
        regular(&path, &file)?;
        Ok((path, file))
    }

    /// Writes `config` to `factcheck.yaml` by editing the file in place:
    /// only the top-level keys whose value changes are rewritten, so the
    /// desk's comments and key order stay ([`settings`]). A layout the edit
    /// cannot follow gets the whole file written afresh.
    pub fn save_config(&self, config: &Config, _lock: &Lock) -> Result<()> {
        let path = self.root.join(CONFIG_FILE);
        let wanted = yaml::to_string(config)?;
        let current = read_to_string(&path)?;
        let held: Config = if current.trim().is_empty() {
            Config::default()
        } else {
            yaml::from_str(&rel(&self.root, &path), &current)?
        };
        let edited = settings::edit(&current, &yaml::to_string(&held)?, &wanted);
        let means = yaml::from_str::<Config>(&rel(&self.root, &path), &edited)
            .is_ok_and(|read| read == *config);
        let text = if means {
            edited
        } else {
            format!("# factcheck workspace settings\n{wanted}")
        };
        write_atomic(&path, text.as_bytes())
    }

    pub fn claim_path(&self, id: &ClaimId) -> PathBuf {
        self.claims_dir().join(format!("{id}.yaml"))
    }

    /// The ids of every claim file, sorted. Files whose names are not valid
    /// ids are left to `check` to report.
    pub fn claim_ids(&self) -> Result<Vec<ClaimId>> {
        let mut ids: Vec<ClaimId> = self
            .claim_files()?
            .into_iter()
            .filter_map(|p| p.file_stem()?.to_str()?.parse().ok())
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Every `*.yaml` under `claims/` by name, sorted, each with its stat
    /// (not following symlinks; `None` when the file cannot be statted).
    ///
    /// The stat is taken relative to the open folder (`fstatat`), in
    /// parallel and while the folder is still being read: at archive scale,
    /// looking each path up from the root again was a third of a warm `check`.
    pub fn stat_claim_files(&self) -> Result<Vec<(OsString, Option<Stamp>)>> {
        Ok(self.scan_claims()?.files)
    }

    /// [`Workspace::stat_claim_files`], with the leftover temporary files
    /// of `claims/` from the same reading of the folder (`check` wants both,
    /// and at archive scale reading the folder is a tenth of its time).
    pub fn scan_claims(&self) -> Result<ClaimsScan> {
        /// Claim files statted per task, while the folder is still being read.
        const BATCH: usize = 2048;
        let dir = self.claims_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(ClaimsScan::default()),
            Err(e) => return Err(Error::io("read", &dir, e)),
        };
        // `DirEntry::metadata` stats by name relative to the folder's handle.
        let stat = |batch: Vec<(OsString, std::fs::DirEntry)>| -> Vec<(OsString, Option<Stamp>)> {
            batch
                .into_iter()
                .map(|(name, entry)| {
                    let stamp = entry.metadata().ok().map(|m| Stamp::of(&m));
                    (name, stamp)
                })
                .collect()
        };
        let stamped = std::sync::Mutex::new(Vec::new());
        let mut temps = Vec::new();
        let mut failed = None;
        rayon::in_place_scope(|scope| {
            let mut batch = Vec::with_capacity(BATCH);
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                };
                let name = entry.file_name();
                if name.as_encoded_bytes().starts_with(b".tmp-") {
                    temps.push(dir.join(&name));
                }
                if Path::new(&name).extension().is_some_and(|x| x == "yaml") {
                    batch.push((name, entry));
                    if batch.len() == BATCH {
                        let batch = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        let (stat, stamped) = (&stat, &stamped);
                        scope.spawn(move |_| {
                            let done = stat(batch);
                            stamped.lock().unwrap_or_else(|e| e.into_inner()).push(done);
                        });
                    }
                }
            }
            let done = stat(batch);
            stamped.lock().unwrap_or_else(|e| e.into_inner()).push(done);
        });
        if let Some(e) = failed {
            return Err(Error::io("read", &dir, e));
        }
        let stamped = stamped.into_inner().unwrap_or_else(|e| e.into_inner());
        // Sized up front: at archive scale, growing it copies megabytes.
        let mut files = Vec::with_capacity(stamped.iter().map(Vec::len).sum());
        for batch in stamped {
            files.extend(batch);
        }
        files.par_sort_unstable_by(|(x, _), (y, _)| x.cmp(y));
        temps.sort();
        Ok(ClaimsScan { files, temps })
    }

    /// Every `*.yaml` under `claims/`, sorted.
    pub fn claim_files(&self) -> Result<Vec<PathBuf>> {
        let dir = self.claims_dir();
        let mut files = Vec::new();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(files),
            Err(e) => return Err(Error::io("read", &dir, e)),
        };
        let mut named = Vec::new();
        for entry in entries {
            let name = entry.map_err(|e| Error::io("read", &dir, e))?.file_name();
            if Path::new(&name).extension().is_some_and(|x| x == "yaml") {
                named.push(name);
            }
        }
        // All in one folder: sorting the names orders the paths, without
        // parsing a path's components on every comparison.
        named.sort_unstable();
        files.extend(named.into_iter().map(|name| dir.join(name)));
        Ok(files)
    }

    /// Resolves a full id or a unique prefix of one.
    pub fn resolve_claim(&self, given: &str) -> Result<ClaimId> {
        let ids = self.claim_ids()?;
        if let Some(id) = ids.iter().find(|id| id.as_str() == given) {
            return Ok(id.clone());
        }
        let matches: Vec<&ClaimId> = ids
            .iter()
            .filter(|id| id.as_str().starts_with(given))
            .collect();
        match matches.as_slice() {
            [one] if !given.is_empty() => Ok((*one).clone()),
            [] | [_] => Err(
                Error::invalid(Says::NoClaim { given }.text(self.config.language())).with_hint_in(
                    "`factcheck claim list` shows the claims",
                    "`factcheck claim list` 列出所有说法",
                ),
            ),
            many => Err(Error::invalid(
                Says::ClaimAmbiguous {
                    given,
                    could_be: &many
                        .iter()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(list_separator(self.config.language())),
                }
                .text(self.config.language()),
            )
            .with_hint_in("give more characters of the id", "请多给出几个编号字符")),
        }
    }

    /// Loads one claim and checks that its id matches its file name.
    pub fn load_claim(&self, id: &ClaimId) -> Result<Claim> {
        let path = self.claim_path(id);
        self.parse_claim(id, &path, &read_to_string(&path)?)
    }

    pub(crate) fn parse_claim(&self, id: &ClaimId, path: &Path, text: &str) -> Result<Claim> {
        let claim: Claim = yaml::from_str(&self.rel(path), text)?;
        if &claim.id != id {
            return Err(Error::Yaml {
                path: self.rel(path),
                line: None,
                column: None,
                message: format!("the file holds claim `{}`, not `{id}`", claim.id),
            });
        }
        Ok(claim)
    }

    /// Loads every claim, in parallel, through the index
    /// (`.factcheck/index`). The first unreadable one is an error (`check`
    /// reports all of them instead).
    pub fn load_claims(&self) -> Result<Vec<Claim>> {
        Ok(self
            .load_claims_hashed(false)?
            .into_iter()
            .map(|l| l.claim)
            .collect())
    }

    /// Like [`Workspace::load_claims`], with each file's path and the SHA-256
    /// of its bytes; `full` reads and parses every file, ignoring the index.
    pub fn load_claims_hashed(&self, full: bool) -> Result<Vec<Loaded>> {
        let files = self.stat_claim_files()?;
        index::load_claims(self, &stated(&files), full)
    }

    /// The ids of [`Workspace::claim_ids`], each with its file's stat from
    /// one reading of `claims/` ([`Workspace::stat_claim_files`]).
    pub fn stated_claims(&self) -> Result<Vec<Stated>> {
        Ok(stated(&self.stat_claim_files()?))
    }

    /// Writes a claim atomically.
    pub fn save_claim(&self, claim: &Claim, _lock: &Lock) -> Result<()> {
        let text = yaml::to_string(claim)?;
        // Never write what the reader would refuse: every later command
        // would fail on the workspace.
        yaml::from_str::<Claim>(&self.rel(&self.claim_path(&claim.id)), &text).map_err(|e| {
            Error::invalid(format!(
                "refusing to write a claim that cannot be read back: {e}"
            ))
        })?;
        create_dir_all(&self.claims_dir())?;
        write_atomic(&self.claim_path(&claim.id), text.as_bytes())
    }

    /// Deletes a claim's file.
    pub fn remove_claim(&self, id: &ClaimId, _lock: &Lock) -> Result<()> {
        let path = self.claim_path(id);
        std::fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))
    }
}

/// The claims among `files` (from [`Workspace::stat_claim_files`]): those
/// whose name is an id, sorted by id, with their stat.
pub fn stated(files: &[(OsString, Option<Stamp>)]) -> Vec<Stated> {
    let mut ids: Vec<Stated> = files
        .iter()
        .filter_map(|(name, stamp)| {
            let id = Path::new(name).file_stem()?.to_str()?.parse().ok()?;
            Some((id, *stamp))
        })
        .collect();
    ids.sort_by(|a, b| a.0.cmp(&b.0));
    ids
}

/// What one reading of `claims/` found: see [`Workspace::scan_claims`].
#[derive(Debug, Default)]
pub struct ClaimsScan {
    /// Every `*.yaml` by name, sorted, with its stat.
    pub files: Vec<(OsString, Option<Stamp>)>,
    /// Every `.tmp-*`, sorted: what an interrupted write leaves.
    pub temps: Vec<PathBuf>,
}

/// The variable that bounds how long a writer waits for the lock, in seconds.
pub const LOCK_TIMEOUT_VAR: &str = "FACTCHECK_LOCK_TIMEOUT";
/// How long a writer waits for the lock by default.
const LOCK_TIMEOUT_DEFAULT: u64 = 60;

/// How long to wait for the workspace lock: `FACTCHECK_LOCK_TIMEOUT` seconds,
/// else a minute.
pub fn lock_timeout() -> Result<std::time::Duration> {
    match std::env::var(LOCK_TIMEOUT_VAR) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse::<u64>()
            .map(std::time::Duration::from_secs)
            .map_err(|_| {
                Error::invalid(format!(
                    "{LOCK_TIMEOUT_VAR} is `{v}`, not a whole number of seconds"
                ))
            }),
        _ => Ok(std::time::Duration::from_secs(LOCK_TIMEOUT_DEFAULT)),
    }
}

/// What the lock file says about its holder, short and printable, and
/// whether the process it names has exited. The lock is the kernel's and is
/// released when its last holder ends, so a named process that is gone means
/// the lock outlived it in a process it started (which inherited the open
/// file): the name alone would send the user looking for a process that
/// does not exist.
fn holder(path: &Path) -> (String, bool) {
    let text = read_to_string(path).unwrap_or_default().into_bytes();
    let text = String::from_utf8_lossy(&text[..text.len().min(200)]).into_owned();
    let text = text.trim();
    if text.is_empty() {
        return ("another factcheck command".to_string(), false);
    }
    let pid = text
        .strip_prefix("pid ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|pid| pid.parse::<u32>().ok());
    // Only where /proc lists processes can a missing entry mean "gone".
    let proc_fs = Path::new("/proc/self").exists();
    match pid {
        Some(pid) if proc_fs && !Path::new(&format!("/proc/{pid}")).exists() => (
            format!(
                "{text}, which has exited (pid {pid} is gone): a process it started still holds the lock"
            ),
            true,
        ),
        _ => (text.to_string(), false),
    }
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Writes the file `name` under `.factcheck/` with what `fill` writes:
/// atomically (a temporary file renamed over the old one, which replaces a
/// symlink rather than following it) but without fsync: the files there only
/// save time, and a torn one is detected and rebuilt.
pub fn write_state_file(
    ws: &Workspace,
    name: &str,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = ws.state_dir();
    create_dir_all(&dir)?;
    let path = dir.join(name);
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("write", &path, without_path(e)))?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
        fill(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("write", &path, e))?;
    }
    tmp.persist(&path)
        .map_err(|e| Error::io("write", &path, e.error))?;
    Ok(())
}

/// Opens a file under `.factcheck/` for reading, never following a symlink
/// and refusing anything but a regular file (a FIFO would hang the read):
/// `Ok(None)` when there is none.
pub fn open_state_file(path: &Path) -> Result<Option<File>> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(not_followed(path, e)),
    };
    regular(path, &file)?;
    Ok(Some(file))
}

/// The error for a failed open: a clear refusal when `path` is a symlink.
fn not_followed(path: &Path, e: std::io::Error) -> Error {
    if e.raw_os_error() == Some(libc::ELOOP) {
        Error::usage(format!(
            "`{}` is a symlink; the tool opens only plain files in a workspace, since a symlink could point anywhere",
            path.display()
        ))
        .with_hint_in("remove the symlink (files under `.factcheck/` are remade when needed)", "删除该符号链接（`.factcheck/` 下的文件会在需要时重建）")
    } else {
        Error::io("open", path, e)
    }
}

/// Refuses `file` (opened from `path`) unless it is a regular file.
fn regular(path: &Path, file: &File) -> Result<()> {
    let meta = file.metadata().map_err(|e| Error::io("stat", path, e))?;
    if meta.is_file() {
        return Ok(());
    }
    Err(
        Error::usage(format!("`{}` is not a regular file", path.display())).with_hint_in(
            "remove it (files under `.factcheck/` are remade when needed)",
            "删除它（`.factcheck/` 下的文件会在需要时重建）",
        ),
    )
}

/// The exact text the workspace writes for a record (a claim, a snapshot
/// record, the settings): for tools that generate workspaces, such as the
/// benchmark, without going through the commands.
pub fn record_text<T: serde::Serialize>(record: &T) -> Result<String> {
    yaml::to_string(record)
}

/// Who is making this change: `--by`, else `FACTCHECK_REVIEWER`, else git's
/// `user.name`.
pub fn who(by: Option<&str>) -> Result<String> {
    if let Some(name) = by.map(str::trim).filter(|n| !n.is_empty()) {
        return guard::reviewer("`--by`", name);
    }
    if let Ok(name) = std::env::var("FACTCHECK_REVIEWER")
        && !name.trim().is_empty()
    {
        return guard::reviewer("FACTCHECK_REVIEWER", &name);
    }
    let from_git = Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let name = from_git.ok_or_else(|| {
        Error::invalid("cannot tell who is making this change").with_hint_in("pass `--by NAME`, set FACTCHECK_REVIEWER, or run `git config --global user.name NAME`", "加 `--by NAME`，设置 `FACTCHECK_REVIEWER`，或运行 `git config --global user.name NAME`")
    })?;
    guard::reviewer("git's `user.name`", &name)
}

/// The current time, or `FACTCHECK_NOW` when set (for reproducible runs).
/// Only times in this range are written: every reader (this tool's, and
/// RFC 3339's four-digit years) reads them back.
pub const EARLIEST: &str = "1970-01-01T00:00:00Z";
pub const LATEST: &str = "9999-12-30T00:00:00Z";

pub fn now() -> Result<Time> {
    let (time, origin) = match std::env::var("FACTCHECK_NOW") {
        Ok(value) if !value.trim().is_empty() => (
            value
                .trim()
                .parse()
                .map_err(|e: String| Error::invalid(format!("FACTCHECK_NOW: {e}")))?,
            "FACTCHECK_NOW",
        ),
        _ => (Time::new(jiff::Timestamp::now()), "the system clock"),
    };
    let in_range = |t: &Time| {
        let (earliest, latest): (Time, Time) = (
            EARLIEST.parse().expect("a valid constant time"),
            LATEST.parse().expect("a valid constant time"),
        );
        earliest <= *t && *t <= latest && t.to_string().parse::<Time>().as_ref() == Ok(t)
    };
    if !in_range(&time) {
        return Err(Error::invalid(format!(
            "{origin} is `{time}`, outside the times a record can hold ({EARLIEST} to {LATEST})"
        ))
        .with_hint_in("set FACTCHECK_NOW to an RFC 3339 time such as 2026-11-28T10:00:00Z, or unset it", "将 `FACTCHECK_NOW` 设为 `RFC 3339` 格式的时间，如 `2026-11-28T10:00:00Z`，或取消该设置"));
    }
    Ok(time)
}
