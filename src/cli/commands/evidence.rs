//! `factcheck evidence add`: attach a snapshot's passage to a claim.

use crate::anchor;
use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, keyword, nonempty};
use crate::error::{Error, Result};
use crate::model::{Event, Evidence, HistoryEntry, Stance};
use crate::workspace::store;

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Example:\n  factcheck evidence add c1fa 5e9f21 --stance supports --excerpt \"…\""
)]
pub enum EvidenceCommand {
    /// Attach evidence from a snapshot to a claim
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck evidence add c1fa 5e9f21 --stance supports --excerpt \"announced on May 13, 2024\""
)]
pub struct AddArgs {
    /// The claim's id or a unique prefix of it
    pub claim: String,
    /// The evidence snapshot: `sha256:<hex>` or a unique prefix
    pub source: String,
    /// How it bears on the claim
    #[arg(long, value_parser = keyword::<Stance>())]
    pub stance: Stance,
    /// The exact passage (must occur in the snapshot; whitespace may differ)
    #[arg(long)]
    pub excerpt: Option<String>,
    /// Why it matters, nuances
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, cmd: EvidenceCommand) -> Result<i32> {
    let EvidenceCommand::Add(args) = cmd;
    let excerpt = nonempty(args.excerpt);
    let stance = args.stance;
    ctx.change_claim(&args.claim, |ws, claim, author| {
        let source = store::resolve(ws, &args.source)?;
        let meta = store::load_meta(ws, &source)?;
        if let Some(excerpt) = &excerpt {
            let text = store::read_text(ws, &meta)?;
            if text.find_excerpt(excerpt).is_none() {
                let err = Error::refused(format!(
                    "the excerpt does not occur in snapshot {} ({}): \"{excerpt}\"",
                    source.short(),
                    meta.label()
                ));
                return Err(match text.closest_passage(excerpt) {
                    Some((s, e)) => {
                        let passage = anchor::one_line(text.slice(s, e));
                        err.with_hint_in(
                            format!(
                                "the closest passage reads: \"{passage}\"; copy the exact words from there"
                            ),
                            format!("最接近的段落为：「{passage}」；请从那里逐字复制原文"),
                        )
                    }
                    None => err.with_hint_in("copy the exact words from the snapshot", "从快照中逐字复制原文"),
                });
            }
        }
        let id = &claim.id;
        if claim
            .evidence
            .iter()
            .any(|e| e.source == source && e.stance == stance && e.excerpt == excerpt)
        {
            return Err(Error::refused(format!(
                "claim `{id}` already has this evidence ({stance} from {})",
                source.short()
            )));
        }
        let message = Msg::EvidenceAdded {
            id: id.as_str(),
            n: claim.evidence.len() + 1,
            stance,
            source: source.short(),
        }
        .text(ws.config.language());
        claim.evidence.push(Evidence {
            source: source.clone(),
            stance,
            excerpt,
            note: nonempty(args.note),
            added_by: author.by.clone(),
            added_at: author.at,
        });
        claim.history.push(HistoryEntry {
            source: Some(source.clone()),
            stance: Some(stance),
            ..HistoryEntry::new(author.at, author.by.clone(), Event::Evidence)
        });
        Ok(message)
    })
}
