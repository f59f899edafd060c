//! `factcheck check`: integrity and consistency of the whole workspace.

use crate::check::{self, Options};
use crate::cli::i18n::{self, Msg};
use crate::cli::term;
use crate::cli::ui::{Ctx, emit, emit_json, say};
use crate::error::Result;
use crate::model::Author;
use crate::revise::{self, Carried};
use crate::workspace::{Lock, Workspace};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  factcheck check\n  factcheck check --full --format json")]
pub struct CheckArgs {
    /// Rehash every snapshot and parse every claim file, ignoring the stat
    /// cache and the workspace index
    #[arg(long)]
    pub full: bool,
    /// Rewrite the offsets of claims whose quote moved but was found again,
    /// and carry claims anchored in an earlier revision of the article over
    /// to the current one
    #[arg(long)]
    pub fix: bool,
}

pub fn run(ctx: &Ctx, args: CheckArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let lock = if args.fix { Some(ws.lock(say)?) } else { None };
    let carried = carry(ctx, &ws, lock.as_ref())?;
    let bar = term::Bytes::new("hashing snapshots", term::ONE_SECOND_OF_BYTES);
    let mut outcome = check::run_with_progress(
        &ws,
        Options {
            full: args.full,
            fix: args.fix,
        },
        lock.as_ref(),
        &bar,
    )?;
    drop(bar);
    outcome.carried = carried;
    let code = i32::from(!outcome.problems.is_empty());
    if ctx.json() {
        emit_json(&outcome)?;
        return Ok(code);
    }
    let language = ws.config.language();
    let mut out = String::new();
    for id in &outcome.fixed {
        out.push_str(&i18n::fixed_offsets(id, language));
        out.push('\n');
    }
    for c in &outcome.carried {
        out.push_str(&i18n::fixed_carried(
            c.id.as_str(),
            c.outcome,
            c.revision.short(),
            language,
        ));
        out.push('\n');
    }
    for path in &outcome.removed {
        out.push_str(&i18n::fixed_temp(path, language));
        out.push('\n');
    }
    for p in &outcome.problems {
        out.push_str(&format!("{p}\n"));
    }
    let n = outcome.problems.len();
    out.push_str(
        &Msg::Checked {
            problems: n,
            claims: outcome.claims,
            snapshots: outcome.sources,
        }
        .text(ws.config.language()),
    );
    out.push('\n');
    emit(&out)?;
    Ok(code)
}

/// With `--fix`: carries claims anchored in an earlier revision of the
/// article over to it. A broken chain of revisions is left for the check to
/// report.
fn carry(ctx: &Ctx, ws: &Workspace, lock: Option<&Lock>) -> Result<Vec<Carried>> {
    let (Some(lock), Some(article)) = (lock, &ws.config.article) else {
        return Ok(Vec::new());
    };
    if revise::chain(ws, article).is_err() {
        return Ok(Vec::new());
    }
    let author = || -> Result<Author> {
        Ok(Author {
            by: ctx.who()?,
            at: ctx.now()?,
        })
    };
    revise::carry_to(ws, article, author, lock)
}
