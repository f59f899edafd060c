//! One error type for the whole tool.
//!
//! Every error a person sees names the file it is about (and the line, for
//! YAML), says what is wrong and, where there is one, what to do. Each
//! variant says what went wrong; the exit code follows from it: a rule that
//! refused a change exits 1, anything else (input the tool cannot use, an
//! unreadable workspace, I/O, a fault of the tool itself) exits 2.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::Language;

/// The result type used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, with enough context to act on it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file-system call failed.
    #[error("cannot {action} `{}`: {cause}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        /// Shown inline, so it is not also a `source()`.
        cause: io::Error,
    },
    /// A YAML file does not parse or does not match its schema.
    #[error("`{}`{}: {message}", path.display(), location(*line, *column))]
    Yaml {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// No workspace was found from the given starting point.
    #[error("no factcheck workspace found at `{}` or any folder above it", start.display())]
    NotAWorkspace { start: PathBuf },
    /// Input the tool cannot use: a bad id or argument, a clash of options,
    /// a setting out of range, a file that is not what it must be.
    #[error("{message}")]
    Invalid { message: String, hint: Option<Hint> },
    /// A rule refused the change (status rules, quote not found, duplicate).
    /// Nothing was written.
    #[error("{message}")]
    Refused { message: String, hint: Option<Hint> },
    /// A template failed to load or render.
    #[error("template `{name}`: {message}")]
    Template { name: String, message: String },
    /// A fault of the tool itself, not of its input: a value it made that
    /// could not be encoded.
    #[error("{message}")]
    Internal { message: String },
}

/// What to do about an error, in English and, where it has one, Chinese
/// (for a workspace whose language is `zh`). Commands, paths and ids in
/// backticks read the same in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub en: String,
    pub zh: Option<String>,
}

impl Hint {
    /// A hint in both languages.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Hint {
        Hint {
            en: en.into(),
            zh: Some(zh.into()),
        }
    }

    /// The hint in `language`; English where it has no Chinese side.
    pub fn text(&self, language: Language) -> &str {
        match (language, &self.zh) {
            (Language::Zh, Some(zh)) => zh,
            _ => &self.en,
        }
    }
}

impl From<String> for Hint {
    fn from(en: String) -> Hint {
        Hint { en, zh: None }
    }
}

impl From<&str> for Hint {
    fn from(en: &str) -> Hint {
        Hint::from(en.to_string())
    }
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" line {l} column {c}"),
        (Some(l), None) => format!(" line {l}"),
        _ => String::new(),
    }
}

impl Error {
    /// An I/O error that names the path and what was being done.
    pub fn io(action: &'static str, path: impl AsRef<Path>, cause: io::Error) -> Self {
        Error::Io {
            action,
            path: path.as_ref().to_path_buf(),
            cause,
        }
    }

    /// Input the tool cannot use (exit 2).
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid {
            message: message.into(),
            hint: None,
        }
    }

    /// The same as [`Error::invalid`], by its earlier name.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::invalid(message)
    }

    /// A fault of the tool itself (exit 2).
    pub fn internal(message: impl Into<String>) -> Self {
        Error::Internal {
            message: message.into(),
        }
    }

    /// A refusal by a rule (exit 1); nothing was written.
    pub fn refused(message: impl Into<String>) -> Self {
        Error::Refused {
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint saying what to do (a [`Hint`], or English only).
    pub fn with_hint(mut self, text: impl Into<Hint>) -> Self {
        match &mut self {
            Error::Invalid { hint, .. } | Error::Refused { hint, .. } => *hint = Some(text.into()),
            _ => {}
        }
        self
    }

    /// Adds a hint saying what to do, in English and Chinese.
    pub fn with_hint_in(self, en: impl Into<String>, zh: impl Into<String>) -> Self {
        self.with_hint(Hint::new(en, zh))
    }

    /// The hint the error carries, in both languages, if it knows one.
    pub fn hints(&self) -> Option<Hint> {
        match self {
            Error::Invalid { hint, .. } | Error::Refused { hint, .. } => hint.clone(),
            Error::NotAWorkspace { .. } => Some(Hint::new(
                "run `factcheck init` to create one here, or pass `-C DIR` to name one",
                "运行 `factcheck init` 在此创建工作区，或用 `-C DIR` 指定一个",
            )),
            Error::Yaml { path, .. } => Some(Hint::new(
                format!(
                    "fix the file by hand, or restore it with `git checkout -- {}`",
                    path.display()
                ),
                format!(
                    "手动修正该文件，或用 `git checkout -- {}` 恢复",
                    path.display()
                ),
            )),
            _ => None,
        }
    }

    /// What to do about it in `language`, if the error knows.
    pub fn hint(&self, language: Language) -> Option<String> {
        self.hints().map(|h| h.text(language).to_string())
    }

    /// The process exit code for this error: 1 for a refused change, 2 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Refused { .. } => 1,
            _ => 2,
        }
    }
}
