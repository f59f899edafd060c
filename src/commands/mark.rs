//! `factcheck mark`: set a claim's verdict, under the rules of design §3.

use crate::error::{Error, Result};
use crate::model::{Claim, Event, HistoryEntry, Status};
use crate::rules;
use crate::store;
use crate::ui::{Ctx, nonempty};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct MarkArgs {
    /// The claim's id or a unique prefix of it
    pub claim: String,
    /// The verdict
    #[arg(value_enum)]
    pub status: Status,
    /// Why: required for unverifiable, for reopening, and for disputed without refuting evidence
    #[arg(long)]
    pub note: Option<String>,
    /// A short verdict label, e.g. "Accurate" or "Misleading"
    #[arg(long)]
    pub rating: Option<String>,
    /// Suggested wording for a disputed claim
    #[arg(long)]
    pub correction: Option<String>,
}

pub fn run(ctx: &Ctx, args: MarkArgs) -> Result<i32> {
    if args.correction.is_some() && args.status != Status::Disputed {
        return Err(Error::usage("`--correction` goes with `disputed`"));
    }
    let status = args.status;
    ctx.change_claim(&args.claim, |ws, claim, author| {
        let id = claim.id.clone();
        let note = nonempty(args.note);
        if status == Status::Unverified && claim.status != Status::Unverified && note.is_none() {
            return Err(Error::refused(format!(
                "reopening claim `{id}` needs a `--note` saying why"
            )));
        }
        let intact = if status == Status::Verified {
            evidence_intact(ws, claim)
        } else {
            Ok(())
        };
        if let Some(why) = rules::unmet(claim, status, note.as_deref(), intact) {
            return Err(
                Error::refused(format!("cannot mark claim `{id}` {status}: {why}"))
                    .with_hint("nothing was changed"),
            );
        }
        // A new verdict starts without the old one's label and correction.
        let changed = status != claim.status;
        claim.status = status;
        let rating = nonempty(args.rating);
        if rating.is_some() || changed {
            claim.rating = rating;
        }
        let correction = nonempty(args.correction);
        if correction.is_some() || changed {
            claim.correction = correction;
        }
        claim.history.push(HistoryEntry {
            status: Some(status),
            rating: claim.rating.clone(),
            correction: claim.correction.clone(),
            note,
            ..HistoryEntry::new(author.at, author.by.clone(), Event::Status)
        });
        let mut message = format!("claim {id} is now {status}");
        if ws.config.second_reviewer() && status != Status::Unverified {
            message.push_str(&format!(
                "; it is final once another reviewer runs `factcheck sign {id}`"
            ));
        }
        Ok(message)
    })
}

/// Whether every evidence snapshot is present and hashes to its name.
fn evidence_intact(ws: &Workspace, claim: &Claim) -> std::result::Result<(), String> {
    let mut seen = Vec::new();
    for e in &claim.evidence {
        if seen.contains(&&e.source) {
            continue;
        }
        seen.push(&e.source);
        let meta = store::load_meta(ws, &e.source)
            .map_err(|_| format!("snapshot `{}` is missing", e.source.short()))?;
        let file = store::safe_file_name(&meta).map_err(|err| err.to_string())?;
        let (hex, _) =
            store::hash_file(&ws.sources_dir().join(file)).map_err(|err| err.to_string())?;
        if hex != meta.sha256 {
            return Err(format!(
                "the bytes of snapshot `{}` have changed",
                e.source.short()
            ));
        }
    }
    Ok(())
}
