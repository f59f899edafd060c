//! `factcheck source edit`: change what a snapshot's record says about it —
//! title, url, kind, publisher, publication date, note — never its bytes.
//! Every change is kept in the record's `history`, like a claim's.

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit_json, nonempty, say};
use crate::error::{Error, Result};
use crate::model::SourceEdit;
use crate::workspace::store;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck source edit 4c64ce --kind aggregator --publisher \"The Mind AI\" --published 2024-08-09"
)]
pub struct EditArgs {
    /// `sha256:<hex>` or a unique prefix of at least 6 hex characters
    pub id: String,
    /// Where it came from
    #[arg(long)]
    pub url: Option<String>,
    #[command(flatten)]
    pub about: super::About,
    /// Why the record changes, kept in its history
    #[arg(long, value_name = "TEXT")]
    pub why: Option<String>,
}

pub fn run(ctx: &Ctx, args: EditArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    if let Some(url) = args.url.as_deref().map(str::trim).filter(|u| !u.is_empty())
        && !crate::settings_check::is_web_url(url)
    {
        return Err(crate::error::Error::usage(format!(
            "`--url {url}` is not an http:// or https:// URL; only web addresses are stored"
        ))
        .with_hint_in(
            "give the address the snapshot was taken from",
            "请给出快照的来源网址",
        ));
    }
    let lock = ws.lock(say)?;
    let id = store::resolve(&ws, &args.id)?;
    let mut meta = store::load_meta(&ws, &id)?;
    let mut fields = Vec::new();
    let mut set = |name: &str, slot: &mut Option<String>, value: Option<String>| {
        if let Some(value) = value
            && slot.as_deref() != Some(value.as_str())
        {
            *slot = (!value.trim().is_empty()).then(|| value.trim().to_string());
            fields.push(name.to_string());
        }
    };
    set("title", &mut meta.title, args.about.title);
    set("url", &mut meta.url, args.url);
    set("publisher", &mut meta.publisher, args.about.publisher);
    set("origin", &mut meta.origin, args.about.origin);
    set("note", &mut meta.note, args.about.note);
    if let Some(kind) = args.about.kind
        && meta.kind != Some(kind)
    {
        meta.kind = Some(kind);
        fields.push("kind".into());
    }
    if let Some(day) = args.about.published
        && meta.published != Some(day)
    {
        meta.published = Some(day);
        fields.push("published".into());
    }
    if fields.is_empty() {
        return Err(Error::invalid(format!(
            "nothing to change in snapshot {}: give a new --title, --url, --kind, --publisher, --origin, --published or --note",
            id.short()
        )));
    }
    fields.sort();
    meta.history.push(SourceEdit {
        at,
        by,
        fields: fields.clone(),
        note: nonempty(args.why),
    });
    store::save_meta(&ws, &meta, &lock)?;
    drop(lock);
    let changed: Vec<&str> = fields.iter().map(String::as_str).collect();
    say(&Msg::SourceEdited {
        id: id.short(),
        fields: &changed,
    }
    .text(ws.config.language()));
    if ctx.json() {
        emit_json(&meta)?;
    }
    Ok(0)
}
