//! The command line: one `Command` enum, one dispatch `match`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;
use crate::error::{Error, Result};
use crate::model::{Claim, Time};
use crate::workspace::{self, Workspace};

/// A fact-checking desk's workspace: snapshot an article and its evidence,
/// anchor claims to its exact words, record verdicts, and report.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

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
}

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace in DIR (default: the current folder)
    Init(commands::init::InitArgs),
    /// Snapshot and inspect sources
    #[command(subcommand)]
    Source(commands::source::SourceCommand),
    /// Add, list, show, edit and remove claims
    #[command(subcommand)]
    Claim(commands::claim::ClaimCommand),
    /// Attach evidence to claims
    #[command(subcommand)]
    Evidence(commands::evidence::EvidenceCommand),
    /// Set a claim's verdict
    Mark(commands::mark::MarkArgs),
    /// Sign off another reviewer's verdict (with review.second_reviewer)
    Sign(commands::sign::SignArgs),
    /// Check integrity and consistency of the whole workspace
    Check(commands::check::CheckArgs),
    /// Render the review report (Markdown)
    Report(commands::report::ReportArgs),
    /// Export verdicts for publishing
    #[command(subcommand)]
    Export(commands::export::ExportCommand),
    /// List the check-worthy sentences of a source
    Extract(commands::extract::ExtractArgs),
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
        let lock = ws.lock()?;
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

/// Who makes a change, and when.
#[derive(Debug, Clone)]
pub struct Author {
    pub by: String,
    pub at: Time,
}

/// A trimmed option, `None` when empty: how every free-text flag is stored.
pub fn nonempty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<i32> {
    let ctx = Ctx { global: cli.global };
    match cli.command {
        Command::Init(args) => commands::init::run(&ctx, args),
        Command::Source(cmd) => commands::source::run(&ctx, cmd),
        Command::Claim(cmd) => commands::claim::run(&ctx, cmd),
        Command::Evidence(cmd) => commands::evidence::run(&ctx, cmd),
        Command::Mark(args) => commands::mark::run(&ctx, args),
        Command::Sign(args) => commands::sign::run(&ctx, args),
        Command::Check(args) => commands::check::run(&ctx, args),
        Command::Report(args) => commands::report::run(&ctx, args),
        Command::Export(cmd) => commands::export::run(&ctx, cmd),
        Command::Extract(args) => commands::extract::run(&ctx, args),
    }
}

/// Prints to stdout; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
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
        .map_err(|e| Error::usage(format!("cannot print JSON: {e}")))?;
    emit(&(text + "\n"))
}

/// A short status message for people, on stderr.
pub fn say(text: &str) {
    eprintln!("{text}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
