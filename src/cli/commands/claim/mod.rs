//! `factcheck claim …`: the claims of a workspace.

mod add;
mod edit;
mod list;

pub use add::AddArgs;
pub use edit::{EditArgs, RemoveArgs};
pub use list::ListArgs;

use crate::cli::ui::Ctx;
use crate::error::Result;

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Examples:\n  factcheck claim add --text \"…\" --quote \"…\"\n  factcheck claim list"
)]
pub enum ClaimCommand {
    /// Add a claim, anchored to the article's exact words with --quote
    Add(AddArgs),
    /// List claims in article order
    List(ListArgs),
    /// Show one claim with its evidence and history
    #[command(after_help = "Example:\n  factcheck claim show c1fa")]
    Show {
        /// The claim's id or a unique prefix of it
        id: String,
    },
    /// Change a claim's text, kind, speaker or tags
    Edit(EditArgs),
    /// Remove a claim (git keeps its history)
    Remove(RemoveArgs),
}

pub fn run(ctx: &Ctx, cmd: ClaimCommand) -> Result<i32> {
    match cmd {
        ClaimCommand::Add(args) => add::run(ctx, args),
        ClaimCommand::List(args) => list::list(ctx, args),
        ClaimCommand::Show { id } => list::show(ctx, &id),
        ClaimCommand::Edit(args) => edit::edit(ctx, args),
        ClaimCommand::Remove(args) => edit::remove(ctx, args),
    }
}

/// Tags as stored: trimmed, non-empty, sorted, without repeats.
pub(crate) fn normalize_tags(tags: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut tags: Vec<String> = tags
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}
