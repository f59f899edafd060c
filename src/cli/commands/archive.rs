//! `factcheck archive import | add`: feed the desk's archive of checked
//! claims, which `factcheck match` searches.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressStyle};

use crate::archive::{self, Counts, Location, claimreview, desk};
use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit_json, say};
use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// Which archive: a file, or a desk's PostgreSQL.
#[derive(Debug, clap::Args)]
pub struct ArchiveLocation {
    /// The archive: a file, or postgres://… for a desk's shared server
    /// (default: $FACTCHECK_ARCHIVE, then $XDG_DATA_HOME/factcheck/archive.sqlite)
    #[arg(long = "archive", value_name = "PATH|URL")]
    pub archive: Option<String>,
}

impl ArchiveLocation {
    pub fn resolve(&self) -> Result<Location> {
        Location::resolve(self.archive.as_deref())
    }
}

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Examples:\n  factcheck archive import feed.json\n  factcheck archive add ../last-week ../election"
)]
pub enum ArchiveCommand {
    /// Import published fact-checks (ClaimReview JSON-LD); idempotent by `url`
    #[command(
        after_help = "Reads one ClaimReview object, an array of them, an `@graph`, or a feed\n({\"dataFeedElement\": [{\"item\": [...]}]}). An entry already in the archive\nunder the same `url` is replaced; importing a file twice changes nothing.\n\nExample:\n  factcheck archive import snopes.json politifact.json"
    )]
    Import(ImportArgs),
    /// Add (or re-index) workspaces' checked claims (default: this workspace)
    #[command(
        after_help = "Every claim with a verdict goes in, with its quote, rating, correction, date,\nand the article's title and URL; a claim since removed from the workspace\nleaves the archive.\n\nExample:\n  factcheck archive add . ../election-night"
    )]
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// ClaimReview JSON-LD files
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub location: ArchiveLocation,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Workspace folders (default: the current workspace)
    #[arg(value_name = "WORKSPACE")]
    pub workspaces: Vec<PathBuf>,
    #[command(flatten)]
    pub location: ArchiveLocation,
}

pub fn run(ctx: &Ctx, cmd: ArchiveCommand) -> Result<i32> {
    match cmd {
        ArchiveCommand::Import(args) => import(ctx, args),
        ArchiveCommand::Add(args) => add(ctx, args),
    }
}

fn import(ctx: &Ctx, args: ImportArgs) -> Result<i32> {
    // Every file is read and checked before the archive is touched: a bad
    // entry anywhere leaves the archive as it was.
    let mut entries = Vec::new();
    for file in &args.files {
        let bytes = crate::workspace::fs::read_given(file)?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            Error::usage(format!(
                "`{}` line {} column {}: not JSON: {e}",
                file.display(),
                e.line(),
                e.column()
            ))
        })?;
        let found = claimreview::entries(&json).map_err(|e| {
            Error::usage(format!("`{}`: {e}", file.display())).with_hint_in(
                "fix the entry (or remove it) and import again; nothing was imported",
                "修正（或删除）该条目后重新导入；本次未导入任何内容",
            )
        })?;
        entries.extend(found);
    }
    let location = args.location.resolve()?;
    let mut engine = location.open(true)?;
    let counts = store(&mut *engine, entries, None)?;
    say(&Msg::Imported {
        into: &engine.describe(),
        counts: &counts,
    }
    .text(ctx.language()));
    if ctx.json() {
        emit_json(&counts)?;
    }
    Ok(0)
}

fn add(ctx: &Ctx, args: AddArgs) -> Result<i32> {
    let workspaces = if args.workspaces.is_empty() {
        vec![ctx.workspace()?]
    } else {
        args.workspaces
            .iter()
            .map(|p| Workspace::find(Some(p)))
            .collect::<Result<Vec<_>>>()?
    };
    let location = args.location.resolve()?;
    let mut engine = location.open(true)?;
    let mut all = Counts::default();
    let language = ctx.language();
    for ws in &workspaces {
        let entries = desk::entries(ws)?;
        let counts = store(&mut *engine, entries, Some(&desk::prefix(ws)))?;
        say(&Msg::ArchivedWorkspace {
            root: &ws.root().display().to_string(),
            into: &engine.describe(),
            counts: &counts,
        }
        .text(language));
        all.added += counts.added;
        all.updated += counts.updated;
        all.unchanged += counts.unchanged;
        all.removed += counts.removed;
    }
    if ctx.json() {
        emit_json(&all)?;
    }
    Ok(0)
}

/// Stores entries with a progress bar on a terminal (for more than a few).
fn store(
    engine: &mut dyn archive::Engine,
    entries: Vec<archive::Entry>,
    stale_prefix: Option<&str>,
) -> Result<Counts> {
    let total = entries.len() as u64;
    let bar = (total >= 500 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none())
        .then(|| {
            let style = ProgressStyle::with_template("indexing {wide_bar} {pos}/{len} {eta}")
                .expect("the template is valid");
            ProgressBar::new(total).with_style(style)
        });
    let counts = archive::upsert(engine, entries, stale_prefix, &mut |n| {
        if let Some(bar) = &bar {
            bar.set_position(n as u64);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    counts
}
