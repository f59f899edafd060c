//! `factcheck sign`: a second reviewer's sign-off on a verdict.

use crate::cli::{Ctx, emit_json, say};
use crate::error::{Error, Result};
use crate::model::{Event, HistoryEntry, Status};

#[derive(Debug, clap::Args)]
pub struct SignArgs {
    /// The claim's id or a unique prefix of it
    pub claim: String,
    /// A remark to keep with the sign-off
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: SignArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    let lock = ws.lock()?;
    let id = ws.resolve_claim(&args.claim)?;
    let mut claim = ws.load_claim(&id)?;
    let Some(verdict) = claim
        .verdict_entry()
        .filter(|_| claim.status != Status::Unverified)
    else {
        return Err(
            Error::refused(format!("claim `{id}` has no verdict to sign")).with_hint(format!(
                "mark it first: `factcheck mark {id} verified|disputed|unverifiable`"
            )),
        );
    };
    if verdict.by == by {
        return Err(Error::refused(format!(
            "{by} set this verdict; a sign-off must come from another reviewer"
        )));
    }
    if let Some(signed) = claim.signed_off() {
        return Err(Error::refused(format!(
            "claim `{id}` was already signed by {} at {}",
            signed.by, signed.at
        )));
    }
    claim.history.push(HistoryEntry {
        status: Some(claim.status),
        note: args
            .note
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        ..HistoryEntry::new(at, by.clone(), Event::Sign)
    });
    ws.save_claim(&claim, &lock)?;
    say(&format!(
        "{by} signed the verdict `{}` on claim {id}",
        claim.status
    ));
    if ctx.json() {
        emit_json(&claim)?;
    }
    Ok(0)
}
