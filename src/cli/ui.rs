//! What every command shares: the context a command runs in ([`Ctx`]: the
//! global options, who and when), how output reaches people (`say`, on
//! stderr) and machines (`emit`, `emit_json`, on stdout), and the small
//! pieces of output more than one command prints the same way.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cli::term::ColorChoice;
use crate::error::{Error, Result};
use crate::guard;
use crate::model::{Author, Claim, Keyword, Language, SourceId, Time};
use crate::workspace::store;
use crate::workspace::{self, Workspace};

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Workspace folder (default: the nearest folder above holding factcheck.yaml)
    #[arg(short = 'C', long = "workspace", global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Who is making the change (default: $FACTCHECK_REVIEWER, then git's user.name)
    #[arg(long, global = true, value_name = "NAME")]
    pub by: Option<String>,
    /// Output for people (text) or for machines (json)
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// When to colour output (auto: on a terminal, unless NO_COLOR is set)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// What every command gets: the global options, and ways to open the workspace.
#[derive(Debug)]
pub struct Ctx {
    pub global: GlobalArgs,
}

impl Ctx {
    pub fn workspace(&self) -> Result<Workspace> {
        Workspace::find(self.global.workspace.as_deref())
    }

    pub fn who(&self) -> Result<String> {
        workspace::who(self.global.by.as_deref())
    }

    pub fn now(&self) -> Result<Time> {
        workspace::now()
    }

    /// The language of the workspace the command runs in, for a command
    /// that may run without one (English then).
    pub fn language(&self) -> Language {
        self.workspace()
            .map_or(Language::En, |ws| ws.config.language())
    }

    pub fn json(&self) -> bool {
        self.global.format == Format::Json
    }

    /// The shape of every command that changes one claim: resolve it under the
    /// workspace lock, let `change` modify it (or refuse, leaving the file as it
    /// was), save it, then say what happened (and print it, with `--format json`).
    pub fn change_claim(
        &self,
        given: &str,
        change: impl FnOnce(&Workspace, &mut Claim, &Author) -> Result<String>,
    ) -> Result<i32> {
        let ws = self.workspace()?;
        let author = Author {
            by: self.who()?,
            at: self.now()?,
        };
        let lock = ws.lock(say)?;
        let id = ws.resolve_claim(given)?;
        let mut claim = ws.load_claim(&id)?;
        let message = change(&ws, &mut claim, &author)?;
        ws.save_claim(&claim, &lock)?;
        drop(lock);
        say(&message);
        if self.json() {
            emit_json(&claim)?;
        }
        Ok(0)
    }
}

/// A trimmed option, `None` when empty: how every free-text flag is stored.
pub fn nonempty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Prints to stdout; a closed pipe (`| head`) is not an error. Control
/// characters a record holds are shown as escapes, never sent raw.
pub fn emit(text: &str) -> Result<()> {
    write_stdout(&guard::terminal(text))
}

/// Standard output for text a command writes as it makes it (a long
/// report): made safe for a terminal piece by piece, as [`emit`] does, and
/// held back until it passes [`Stdout::HELD`] bytes, so a command that fails
/// early (a template error) prints nothing but its error, while a long text
/// is never held whole. Once the reader has gone (a closed pipe), writes
/// fail and [`Stdout::closed`] says so: the command then stops quietly.
pub struct Stdout {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    /// What is not yet written; `None` once it is streaming.
    held: Option<Vec<u8>>,
    closed: bool,
}

impl Stdout {
    /// How much is held back before the text streams.
    pub const HELD: usize = 4 << 20;

    pub fn new() -> Stdout {
        Stdout {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            held: Some(Vec::new()),
            closed: false,
        }
    }

    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let done = self.out.write_all(bytes);
        if let Err(e) = &done
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        done
    }

    /// The reader went away before everything was written.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Writes what is still held or buffered; a text that is dropped
    /// without this while still held is never printed.
    pub fn finish(mut self) -> Result<()> {
        let held = self.held.take().unwrap_or_default();
        match self.pass(&held).and_then(|()| self.out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Error::io("write", "<stdout>", e))
            }
            _ => Ok(()),
        }
    }
}

impl Default for Stdout {
    fn default() -> Stdout {
        Stdout::new()
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let checked;
        let safe: &[u8] = if guard::terminal_safe(buf) {
            buf
        } else {
            checked = guard::terminal(&String::from_utf8_lossy(buf)).into_owned();
            checked.as_bytes()
        };
        match &mut self.held {
            Some(held) if held.len() + safe.len() <= Stdout::HELD => {
                held.extend_from_slice(safe);
            }
            Some(_) => {
                let held = self.held.take().unwrap_or_default();
                self.pass(&held)?;
                self.pass(safe)?;
            }
            None => self.pass(safe)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("write", "<stdout>", e))
        }
        _ => Ok(()),
    }
}

/// Prints a value as pretty JSON with a trailing newline.
pub fn emit_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::internal(format!("cannot print JSON: {e}")))?;
    // JSON escapes, so the output stays valid JSON and safe in a terminal.
    write_stdout(&(guard::json_escapes(&text) + "\n"))
}

/// A short status message for people, on stderr.
pub fn say(text: &str) {
    eprintln!("{}", guard::terminal(text));
}

/// Writes a command's `--out` file (atomically). Every `--out` goes through
/// here: it may not land inside `sources/`, `claims/`, `.factcheck/` or `.git/`,
/// or onto `factcheck.yaml`, whichever way the path gets there.
pub fn write_out(ws: &Workspace, path: &Path, bytes: &[u8]) -> Result<()> {
    write_out_with(ws, path, |out| {
        out.write_all(bytes)
            .map_err(|e| Error::io("write", path, e))
    })
}

/// Like [`write_out`], with the bytes written by `fill` as it makes them.
pub fn write_out_with(
    ws: &Workspace,
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    if let Some(place) = guard::protected_target(ws.root(), path) {
        return Err(Error::invalid(format!(
            "`--out {}` would write into `{place}`, which is the workspace's own",
            path.display()
        ))
        .with_hint_in("write outside `sources/`, `claims/`, `.factcheck/` and `factcheck.yaml`, e.g. `--out report.md`", "请写到 `sources/`、`claims/`、`.factcheck/` 和 `factcheck.yaml` 之外，如 `--out report.md`"));
    }
    workspace::write_atomic_with(path, fill)
}

// Small pieces of output more than one command needs, each in one place.

/// The snapshot a command reads: the one `given` (`--in SOURCE`, `SOURCE`),
/// else the workspace's article. `why` says what needs a source, and
/// `instead` how to name one (in English and Chinese), for the error when
/// there is no article.
pub fn source_or_article(
    ws: &Workspace,
    given: Option<&str>,
    why: &str,
    instead: (&str, &str),
) -> Result<SourceId> {
    match given {
        Some(given) => store::resolve(ws, given),
        None => ws.config.article.clone().ok_or_else(|| {
            Error::invalid(format!("{why}, and this workspace has no article set")).with_hint_in(
                format!(
                    "{}, or mark the article with `factcheck source add PATH --article`",
                    instead.0
                ),
                format!(
                    "{}，或用 `factcheck source add PATH --article` 指定文章",
                    instead.1
                ),
            )
        }),
    }
}

/// The value parser of a flag that takes one of the records' words (a
/// status, a kind, a stance…): clap offers and checks [`Keyword::ALL`], so
/// the records need not know about clap.
pub fn keyword<T: Keyword>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(T::ALL.iter().map(|v| v.as_str())).map(|word| {
        *T::ALL
            .iter()
            .find(|v| v.as_str() == word)
            .expect("clap accepts only the words it was given")
    })
}
