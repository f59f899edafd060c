//! `factcheck check`: integrity and consistency of the whole workspace.

use crate::check::{self, Options};
use crate::cli::term;
use crate::cli::ui::{Ctx, emit, emit_json, plural, say};
use crate::error::Result;
use crate::model::Author;
use crate::revise::{self, Carried};
use crate::workspace::{Lock, Workspace};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  factcheck check\n  factcheck check --full --format json")]
pub struct CheckArgs {
    /// Rehash every snapshot, ignoring the stat cache
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
    let mut out = String::new();
    for id in &outcome.fixed {
        out.push_str(&format!("fixed: claims/{id}.yaml: rewrote stale offsets\n"));
    }
    for c in &outcome.carried {
        out.push_str(&format!(
            "carried: claims/{}.yaml: {} in revision {}\n",
            c.id,
            c.outcome,
            c.revision.short()
        ));
    }
    for path in &outcome.removed {
        out.push_str(&format!(
            "fixed: {path}: removed a leftover temporary file\n"
        ));
    }
    for p in &outcome.problems {
        out.push_str(&format!("{p}\n"));
    }
    let n = outcome.problems.len();
    out.push_str(&format!(
        "{} in {} and {}\n",
        match n {
            0 => "no problems".to_string(),
            n => plural(n, "problem"),
        },
        plural(outcome.claims, "claim"),
        plural(outcome.sources, "snapshot"),
    ));
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
