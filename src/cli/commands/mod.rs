//! The command line: the `Cli` and its one `Command` enum (clap), the one
//! dispatch `match`, and one module per subcommand (its clap `Args` and a `run`
//! function; groups are folders). What every command shares lives in [`crate::cli::ui`].

use clap::{Parser, Subcommand};

use crate::cli::ui::{Ctx, GlobalArgs};
use crate::error::Result;

pub mod check;
pub mod claim;
pub mod decision;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod init;
pub mod mark;
pub mod report;
pub mod revision;
pub mod sign;
pub mod source;
pub mod summary;

// Command-line conventions: shell completions and the manual page.
pub mod completions;
pub mod man;

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace in DIR (default: the current folder)
    Init(init::InitArgs),
    /// Snapshot and inspect sources
    #[command(subcommand)]
    Source(source::SourceCommand),
    /// Add, list, show, edit and remove claims
    #[command(subcommand)]
    Claim(claim::ClaimCommand),
    /// Attach evidence to claims
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// Set a claim's verdict
    Mark(mark::MarkArgs),
    /// Sign off another reviewer's verdict (with review.second_reviewer)
    Sign(sign::SignArgs),
    /// Check integrity and consistency of the whole workspace
    Check(check::CheckArgs),
    /// Render a review report (Markdown), or the annotated article page (HTML)
    Report(report::ReportArgs),
    /// Export verdicts for publishing (ClaimReview) and claims for annotation tools (W3C)
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// List the check-worthy sentences of a source
    Extract(extract::ExtractArgs),
    /// Write the desk's bottom line: publish, publish with corrections, or hold
    Summary(summary::SummaryArgs),
    /// Can the piece run? The recommendation and why (exit 0 only for publish)
    Decision(decision::DecisionArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff)
    Man(man::ManArgs),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<i32> {
    let ctx = Ctx { global: cli.global };
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::Source(cmd) => source::run(&ctx, cmd),
        Command::Claim(cmd) => claim::run(&ctx, cmd),
        Command::Evidence(cmd) => evidence::run(&ctx, cmd),
        Command::Mark(args) => mark::run(&ctx, args),
        Command::Sign(args) => sign::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Report(args) => report::run(&ctx, args),
        Command::Export(cmd) => export::run(&ctx, cmd),
        Command::Extract(args) => extract::run(&ctx, args),
        Command::Summary(args) => summary::run(&ctx, args),
        Command::Decision(args) => decision::run(&ctx, args),
        Command::Completions(args) => completions::run(&ctx, args),
        Command::Man(args) => man::run(&ctx, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_subcommand_help_shows_an_example() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let path = format!("{path} {}", sub.get_name());
                let example = sub
                    .get_after_help()
                    .is_some_and(|h| h.to_string().contains("\n  factcheck "));
                if !example {
                    missing.push(path.clone());
                }
                walk(sub, &path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "factcheck", &mut missing);
        assert!(missing.is_empty(), "no example in --help of: {missing:?}");
    }
}
