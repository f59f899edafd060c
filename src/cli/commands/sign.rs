//! `factcheck sign`: a second reviewer's sign-off on a verdict.

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, nonempty};
use crate::error::{Error, Result};
use crate::guard;
use crate::model::{Event, HistoryEntry, Status};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  factcheck sign c1fa --by 王芳")]
pub struct SignArgs {
    /// The claim's id or a unique prefix of it
    pub claim: String,
    /// A remark to keep with the sign-off
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: SignArgs) -> Result<i32> {
    ctx.change_claim(&args.claim, |ws, claim, author| {
        let id = &claim.id;
        let Some(verdict) = claim
            .verdict_entry()
            .filter(|_| claim.status != Status::Unverified)
        else {
            return Err(
                Error::refused(format!("claim `{id}` has no verdict to sign")).with_hint_in(
                    format!("mark it first: `factcheck mark {id} verified|disputed|unverifiable`"),
                    format!("请先标记结论：`factcheck mark {id} verified|disputed|unverifiable`"),
                ),
            );
        };
        if guard::same_reviewer(&verdict.by, &author.by) {
            return Err(Error::refused(format!(
                "{} set this verdict; a sign-off must come from another reviewer",
                author.by
            )));
        }
        if let Some(signed) = claim.signed_off() {
            return Err(Error::refused(format!(
                "claim `{id}` was already signed by {} at {}",
                signed.by, signed.at
            )));
        }
        let message = Msg::Signed {
            by: &author.by,
            status: claim.status,
            id: id.as_str(),
        }
        .text(ws.config.language());
        claim.history.push(HistoryEntry {
            status: Some(claim.status),
            note: nonempty(args.note),
            ..HistoryEntry::new(author.at, author.by.clone(), Event::Sign)
        });
        Ok(message)
    })
}
