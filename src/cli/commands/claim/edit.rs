//! `factcheck claim edit` and `claim remove`.

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json, keyword, nonempty, say};
use crate::error::{Error, Result};
use crate::model::{Event, HistoryEntry, Kind};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck claim edit c1fa --speaker ByteAILab --tag gpt-4o --note \"attribution\""
)]
pub struct EditArgs {
    /// The claim's id or a unique prefix of it
    pub id: String,
    /// New claim text
    #[arg(long)]
    pub text: Option<String>,
    /// New kind
    #[arg(long, value_parser = keyword::<Kind>())]
    pub kind: Option<Kind>,
    /// New speaker (empty to clear)
    #[arg(long)]
    pub speaker: Option<String>,
    /// Add a tag (repeatable, or comma-separated)
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Remove a tag (repeatable, or comma-separated)
    #[arg(long = "untag", value_name = "TAG", value_delimiter = ',')]
    pub untags: Vec<String>,
    /// New words to anchor the claim to, in the snapshot it is anchored in
    /// (the workspace's article for an unanchored claim)
    #[arg(long)]
    pub quote: Option<String>,
    /// Which occurrence of the quote (its current one, without `--quote`)
    /// to anchor to, when it occurs more than once (1-based)
    #[arg(long, value_name = "N")]
    pub occurrence: Option<usize>,
    /// Why the edit was made
    #[arg(long)]
    pub note: Option<String>,
}

pub fn edit(ctx: &Ctx, args: EditArgs) -> Result<i32> {
    let text = args.text.as_deref().map(str::trim);
    if text == Some("") {
        return Err(Error::invalid("`--text` is empty"));
    }
    let quote = args.quote.as_deref().map(str::trim);
    if quote == Some("") {
        return Err(Error::invalid("`--quote` is empty"));
    }
    ctx.change_claim(&args.id, |ws, claim, author| {
        let mut fields = Vec::new();
        if quote.is_some() || args.occurrence.is_some() {
            let anchored = claim.appears_in.as_ref();
            let Some(words) = quote.or(anchored.map(|a| a.exact.as_str())) else {
                return Err(Error::invalid(format!(
                    "claim `{}` is not anchored, so there is no quote to pick an occurrence of",
                    claim.id
                ))
                .with_hint_in("give the article's words with `--quote`", "用 `--quote` 给出文章中的文字"));
            };
            let source = anchored.map(|a| a.source.to_string());
            let new = super::add::locate(ws, words, source.as_deref(), args.occurrence)?;
            if anchored.is_none_or(|a| a.start != new.start || a.exact != new.exact) {
                let identity = super::add::identity(&claim.text, Some(&new));
                if let Some(other) = super::add::same_claim(ws, &identity)?
                    && other != claim.id
                {
                    return Err(Error::refused(format!(
                        "claim `{other}` is already anchored to those words there"
                    ))
                    .with_hint_in(
                        format!("pick another occurrence, or `factcheck claim show {other}`"),
                        format!("请另选一处，或查看 `factcheck claim show {other}`"),
                    ));
                }
                claim.appears_in = Some(new);
                fields.push("appears_in");
            }
        }
        if let Some(text) = text.filter(|t| *t != claim.text) {
            claim.text = text.to_string();
            fields.push("text");
        }
        if let Some(kind) = args.kind.filter(|k| *k != claim.kind) {
            claim.kind = kind;
            fields.push("kind");
        }
        if let Some(speaker) = args.speaker.map(|s| nonempty(Some(s)))
            && speaker != claim.speaker
        {
            claim.speaker = speaker;
            fields.push("speaker");
        }
        let tags = super::normalize_tags(
            claim
                .tags
                .iter()
                .cloned()
                .chain(args.tags)
                .filter(|t| !args.untags.iter().any(|u| u.trim() == t.trim())),
        );
        if tags != claim.tags {
            claim.tags = tags;
            fields.push("tags");
        }
        if fields.is_empty() {
            return Err(
                Error::invalid(format!("nothing to change in claim `{}`", claim.id)).with_hint_in("give `--text`, `--kind`, `--speaker`, `--tag`, `--untag`, `--quote` or `--occurrence` with a new value", "请给 `--text`、`--kind`、`--speaker`、`--tag`、`--untag`、`--quote` 或 `--occurrence` 提供新值"),
            );
        }
        claim.history.push(HistoryEntry {
            fields: fields.iter().map(|f| f.to_string()).collect(),
            note: nonempty(args.note),
            ..HistoryEntry::new(author.at, author.by.clone(), Event::Edit)
        });
        Ok(Msg::ClaimEdited {
            id: claim.id.as_str(),
            fields: &fields,
        }
        .text(ws.config.language()))
    })
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck claim remove altman-denial --note \"duplicate of c8aed88\""
)]
pub struct RemoveArgs {
    /// The claim's id or a unique prefix of it
    pub id: String,
    /// Why it is removed (kept in the output and the commit)
    #[arg(long)]
    pub note: String,
}

pub fn remove(ctx: &Ctx, args: RemoveArgs) -> Result<i32> {
    if args.note.trim().is_empty() {
        return Err(Error::invalid("`--note` is empty")
            .with_hint_in("say why the claim is removed", "请说明删除该说法的原因"));
    }
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    let lock = ws.lock(say)?;
    let id = ws.resolve_claim(&args.id)?;
    let claim = ws.load_claim(&id)?;
    ws.remove_claim(&id, &lock)?;
    let language = ws.config.language();
    say(&Msg::ClaimRemoved {
        id: id.as_str(),
        text: &claim.text,
        note: args.note.trim(),
    }
    .text(language));
    if ctx.json() {
        emit_json(&claim)?;
    } else {
        emit(
            &(Msg::RemovedAt {
                id: id.as_str(),
                at: &at.to_string(),
                by: &by,
                note: args.note.trim(),
            }
            .text(language)
                + "\n"),
        )?;
    }
    Ok(0)
}
