//! A small fluent harness: a temporary workspace and a way to run the real
//! binary in it with the clock and the reviewer fixed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin;
use tempfile::TempDir;

/// The fixed clock every test runs under.
pub const NOW: &str = "2026-11-28T10:00:00Z";
/// The bundled article (byte-identical to ../shared/article.md).
pub const ARTICLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/article.md");
/// Words that occur once in the article.
pub const NINE_DAYS: &str = "OpenAI安全团队仅得到了9天的时间";
pub const ARTICLE_ID: &str =
    "sha256:275e20f7b1455b0b8aff368c39ca961809919bc06e5848aa6516011542b9e37e";

/// A temporary workspace.
pub struct Ws {
    dir: TempDir,
}

impl Ws {
    /// An empty folder, not yet a workspace.
    pub fn bare() -> Ws {
        Ws {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A fresh workspace (`factcheck init`).
    pub fn new() -> Ws {
        let ws = Ws::bare();
        ws.run(&["init"]).success();
        ws
    }

    /// A workspace with the bundled article snapshotted as its article.
    pub fn with_article() -> Ws {
        let ws = Ws::new();
        ws.run(&[
            "source",
            "add",
            ARTICLE,
            "--article",
            "--title",
            "OpenAI高管震荡内幕",
        ])
        .success();
        ws
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs `factcheck ARGS` in the workspace as `alice` at `NOW`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.cmd(args).run()
    }

    /// Like `run`, with extra environment variables.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.cmd(args);
        for (k, v) in env {
            cmd = cmd.env(k, v);
        }
        cmd.run()
    }

    /// `factcheck ARGS` in the workspace as `alice` at `NOW`, to be given
    /// stdin, another folder or more environment before it runs.
    pub fn cmd(&self, args: &[&str]) -> Cmd {
        let mut command = std::process::Command::new(cargo_bin("factcheck"));
        command
            .current_dir(self.path())
            .args(args)
            .env("FACTCHECK_NOW", NOW)
            .env("FACTCHECK_REVIEWER", "alice")
            .env_remove("FACTCHECK_WORKSPACE")
            // Never the user's own archive: a test names the archive it uses.
            .env_remove("FACTCHECK_ARCHIVE")
            .env("XDG_DATA_HOME", "/nonexistent/factcheck-tests")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        // `source fetch` tests talk to loopback servers, never through a proxy
        // from the environment unless a test sets one.
        for proxy in ["ALL_PROXY", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"] {
            command
                .env_remove(proxy)
                .env_remove(proxy.to_ascii_lowercase());
        }
        Cmd {
            command,
            stdin: None,
            root: self.path().to_path_buf(),
        }
    }

    /// Adds a claim on `quote` in the article and returns its id.
    pub fn claim(&self, text: &str, quote: &str) -> String {
        self.run(&["claim", "add", "--text", text, "--quote", quote])
            .success()
            .stdout
            .trim()
            .to_string()
    }

    /// The claim most tests use: the article's "nine days" sentence.
    pub fn nine_days(&self) -> String {
        self.claim("安全团队只有9天", NINE_DAYS)
    }

    /// Snapshots a short evidence text and attaches it to `claim` with
    /// `stance` and the excerpt "only 9 days"; returns the snapshot's id.
    pub fn attach(&self, claim: &str, stance: &str) -> String {
        let ev = self.source("ev.txt", "The security team had only 9 days to assess.");
        self.run(&[
            "evidence",
            "add",
            claim,
            &ev,
            "--stance",
            stance,
            "--excerpt",
            "only 9 days",
        ])
        .success();
        ev
    }

    /// Snapshots `contents` as a source file named `name`; returns its id.
    pub fn source(&self, name: &str, contents: &str) -> String {
        let path = self.join(name);
        std::fs::write(&path, contents).expect("write source file");
        let id = self
            .run(&["source", "add", name])
            .success()
            .stdout
            .trim()
            .to_string();
        std::fs::remove_file(path).expect("remove source file");
        id
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(path, contents).expect("write");
    }

    /// Every file in the workspace (outside `.factcheck/`) with its bytes,
    /// to prove a refused command changed nothing.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
            for entry in std::fs::read_dir(dir).expect("read dir") {
                let path = entry.expect("entry").path();
                let rel = path
                    .strip_prefix(root)
                    .expect("under root")
                    .display()
                    .to_string();
                if rel == ".factcheck" {
                    continue;
                }
                let kind = std::fs::symlink_metadata(&path).expect("stat").file_type();
                if path.is_dir() {
                    walk(&path, root, out);
                } else if !kind.is_file() && !kind.is_symlink() {
                    // A FIFO or socket: reading it would block.
                    out.insert(rel, b"(not a regular file)".to_vec());
                } else {
                    out.insert(rel, std::fs::read(&path).expect("read file"));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.path(), self.path(), &mut out);
        out
    }

    /// Makes a FIFO at `rel` (reading it blocks until someone writes).
    pub fn fifo(&self, rel: &str) {
        let path = std::ffi::CString::new(self.join(rel).into_os_string().into_encoded_bytes())
            .expect("a path without NUL");
        // SAFETY: a valid NUL-terminated path and a mode.
        let done = unsafe { libc::mkfifo(path.as_ptr(), 0o644) };
        assert_eq!(done, 0, "mkfifo {rel}");
    }

    /// The path of the one claim file.
    pub fn claim_file(&self, id: &str) -> String {
        format!("claims/{id}.yaml")
    }
}

/// One `factcheck` run being set up (see [`Ws::cmd`]).
pub struct Cmd {
    command: std::process::Command,
    stdin: Option<Vec<u8>>,
    root: PathBuf,
}

impl Cmd {
    /// Feeds `bytes` to the run's standard input (otherwise it is empty).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Cmd {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs in `rel`, a folder of the workspace, instead of its root.
    pub fn dir(mut self, rel: &str) -> Cmd {
        self.command.current_dir(self.root.join(rel));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Cmd {
        self.command.env(key, value);
        self
    }

    /// Runs it to the end.
    pub fn run(self) -> Run {
        self.spawn().wait()
    }

    /// Starts it, for runs that must overlap; [`Running::wait`] collects it.
    pub fn spawn(mut self) -> Running {
        use std::process::Stdio;
        self.command
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.command.spawn().expect("start factcheck");
        if let Some(bytes) = self.stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().expect("piped stdin");
            // Written on a thread: a child that prints before reading must not deadlock.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            });
        }
        Running {
            child,
            root: self.root,
        }
    }
}

/// Rewrites `.factcheck/index` as another build of the tool would have
/// written it: the build id in its head replaced (same length), and the
/// head's checksum made right again, so only the build tells it apart.
pub fn index_of_another_build(ws: &Ws) {
    let path = ws.join(".factcheck/index");
    let mut bytes = std::fs::read(&path).expect("an index");
    let head_len = u64::from_le_bytes(bytes[8..16].try_into().unwrap()) as usize;
    let head = 16..16 + head_len;
    let version = concat!(env!("CARGO_PKG_VERSION"), "+");
    let at = bytes[head.clone()]
        .windows(version.len())
        .position(|w| w == version.as_bytes())
        .expect("the build id in the head")
        + head.start
        + version.len();
    for b in &mut bytes[at..at + 32] {
        *b = if *b == b'0' { b'1' } else { b'0' };
    }
    let mut crc = crc32fast::Hasher::new();
    crc.update(&bytes[8..16]);
    crc.update(&bytes[head.clone()]);
    let crc = crc.finalize().to_le_bytes();
    bytes[head.end..head.end + 4].copy_from_slice(&crc);
    std::fs::write(&path, bytes).expect("write the index");
}

/// A started run (see [`Cmd::spawn`]).
pub struct Running {
    child: std::process::Child,
    root: PathBuf,
}

impl Running {
    /// Reads the first `n` bytes of its output, then closes the pipe as a
    /// reader that has seen enough does (`| head`), and waits for it.
    pub fn read_then_close(mut self, n: usize) -> Run {
        use std::io::Read;
        let mut stdout = self.child.stdout.take().expect("piped stdout");
        let mut first = vec![0; n];
        stdout.read_exact(&mut first).expect("read the first bytes");
        drop(stdout);
        let mut run = self.wait();
        run.stdout = String::from_utf8_lossy(&first).into_owned();
        run
    }

    pub fn wait(self) -> Run {
        let out = self.child.wait_with_output().expect("run factcheck");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            root: self.root,
        }
    }
}

/// insta settings that replace each of this test's own values (claim ids,
/// snapshot hashes) with a name, so a snapshot shows `[ID]` rather than a
/// value that changes with the inputs: `redact(&[(&id, "[ID]")]).bind(|| …)`.
pub fn redact(values: &[(&str, &str)]) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    for (value, name) in values {
        let pattern: String = value
            .chars()
            .flat_map(|c| {
                let special = "\\.+*?()|[]{}^$#&-~".contains(c);
                special.then_some('\\').into_iter().chain([c])
            })
            .collect();
        settings.add_filter(&pattern, *name);
    }
    settings
}

/// What one run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    root: PathBuf,
}

impl Run {
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(self.code, 0, "expected success\n{}", self.render());
        self
    }

    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit {code}\n{}", self.render());
        self
    }

    /// Exit code, stdout and stderr in one string for snapshots, with the
    /// temporary path replaced by `[WS]`.
    pub fn render(&self) -> String {
        let root = self.root.display().to_string();
        let fix = |s: &str| s.replace(&root, "[WS]");
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code,
            fix(&self.stdout),
            fix(&self.stderr)
        )
    }
}
