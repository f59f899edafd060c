//! `factcheck source …`: content-addressed snapshots (`add`, `list`, `show`,
//! `edit`) and web captures (`fetch`, `history`, `diff`, `watch`), one file each.

mod add;
mod diff;
mod edit;
mod fetch;
mod history;
mod list;
mod show;
mod watch;

use crate::cli::ui::{Ctx, keyword};
use crate::error::Result;
use crate::model::{Day, SourceKind};

pub use add::AddArgs;

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Examples:\n  factcheck source add article.md --article\n  factcheck source list"
)]
pub enum SourceCommand {
    /// Snapshot a file (or `-` for stdin) into sources/, named by its SHA-256
    Add(AddArgs),
    /// List the snapshots
    #[command(after_help = "Example:\n  factcheck source list --format json")]
    List,
    /// Show one snapshot's record
    #[command(after_help = "Example:\n  factcheck source show 275e20")]
    Show {
        /// `sha256:<hex>` or a unique prefix of at least 6 hex characters
        id: String,
    },
    /// Change what a snapshot's record says about it (never its bytes)
    Edit(edit::EditArgs),
    // Web captures (`source/fetch.rs`, `source/history.rs`, `source/diff.rs`).
    /// Capture a web page: its bytes as a snapshot, the HTTP exchange as a WARC
    Fetch(fetch::FetchArgs),
    /// List every capture of a URL in time order, and whether its text changed
    #[command(after_help = "Example:\n  factcheck source history https://example.org/news/gpt-4o")]
    History {
        /// The URL, as given to `source fetch`
        url: String,
    },
    /// Fetch cited pages again and say which changed, moved or vanished
    Watch(watch::WatchArgs),
    /// Show the lines of text that differ between two snapshots
    #[command(after_help = "Example:\n  factcheck source diff 4b1c07 9a0e55")]
    Diff {
        /// The earlier snapshot
        a: String,
        /// The later snapshot
        b: String,
    },
}
/// What a snapshot is, as people name it: the flags `source add`, `source
/// edit` and `source fetch` share (fetch reads any left out from the page's
/// metadata; edit changes only those given, and an empty value clears one).
#[derive(Debug, clap::Args)]
pub struct About {
    /// A title for people: what the page itself shows
    #[arg(long)]
    pub title: Option<String>,
    /// What sort of source it is, for the verification policy
    #[arg(long, value_parser = keyword::<SourceKind>())]
    pub kind: Option<SourceKind>,
    /// Who published it (outlet, organisation, person)
    #[arg(long)]
    pub publisher: Option<String>,
    /// Whose reporting it relays (the outlet it retells), for independence
    #[arg(long, value_name = "NAME")]
    pub origin: Option<String>,
    /// When its publisher published it (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub published: Option<Day>,
    /// Anything worth knowing about the capture
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, cmd: SourceCommand) -> Result<i32> {
    match cmd {
        SourceCommand::Add(args) => add::add(ctx, args),
        SourceCommand::List => list::list(ctx),
        SourceCommand::Show { id } => show::show(ctx, &id),
        SourceCommand::Edit(args) => edit::run(ctx, args),
        SourceCommand::Fetch(args) => fetch::run(ctx, args),
        SourceCommand::History { url } => history::history(ctx, &url),
        SourceCommand::Diff { a, b } => diff::diff(ctx, &a, &b),
        SourceCommand::Watch(args) => watch::run(ctx, args),
    }
}
