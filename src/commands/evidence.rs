//! `factcheck evidence add`: attach a snapshot's passage to a claim.

use crate::anchor;
use crate::cli::{Ctx, emit_json, say};
use crate::error::{Error, Result};
use crate::model::{Event, Evidence, HistoryEntry, Stance};
use crate::store;

#[derive(Debug, clap::Subcommand)]
pub enum EvidenceCommand {
    /// Attach evidence from a snapshot to a claim
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The claim's id or a unique prefix of it
    pub claim: String,
    /// The evidence snapshot: `sha256:<hex>` or a unique prefix
    pub source: String,
    /// How it bears on the claim
    #[arg(long, value_enum)]
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
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    let source = store::resolve(&ws, &args.source)?;
    let meta = store::load_meta(&ws, &source)?;
    let excerpt = args
        .excerpt
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    if let Some(excerpt) = &excerpt {
        let text = store::read_text(&ws, &meta)?;
        if text.find_ignoring_whitespace(excerpt).is_none() {
            let mut err = Error::refused(format!(
                "the excerpt does not occur in snapshot {} ({}): \"{excerpt}\"",
                source.short(),
                meta.label()
            ));
            err = match text.closest_passage(excerpt) {
                Some((s, e)) => err.with_hint(format!(
                    "the closest passage reads: \"{}\"; copy the exact words from there",
                    anchor::one_line(text.slice(s, e))
                )),
                None => err.with_hint("copy the exact words from the snapshot"),
            };
            return Err(err);
        }
    }
    let lock = ws.lock()?;
    let id = ws.resolve_claim(&args.claim)?;
    let mut claim = ws.load_claim(&id)?;
    if claim
        .evidence
        .iter()
        .any(|e| e.source == source && e.stance == args.stance && e.excerpt == excerpt)
    {
        return Err(Error::refused(format!(
            "claim `{id}` already has this evidence ({} from {})",
            args.stance,
            source.short()
        )));
    }
    let note = args
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    claim.evidence.push(Evidence {
        source: source.clone(),
        stance: args.stance,
        excerpt,
        note,
        added_by: by.clone(),
        added_at: at,
    });
    claim.history.push(HistoryEntry {
        note: Some(format!("{} from {}", args.stance, source.short())),
        ..HistoryEntry::new(at, by, Event::Evidence)
    });
    ws.save_claim(&claim, &lock)?;
    say(&format!(
        "claim {id}: added evidence {} ({} from {})",
        claim.evidence.len(),
        args.stance,
        source.short()
    ));
    if ctx.json() {
        emit_json(&claim)?;
    }
    Ok(0)
}
