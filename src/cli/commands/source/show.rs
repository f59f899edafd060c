//! `factcheck source show`: one snapshot's record and where it is cited.

use crate::cli::i18n::{by_whom, bytes, field_label};
use crate::cli::ui::{Ctx, emit, emit_json};
use crate::error::Result;
use crate::model::Language;
use crate::workspace::store;

pub(super) fn show(ctx: &Ctx, given: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let id = store::resolve(&ws, given)?;
    let meta = store::load_meta(&ws, &id)?;
    if ctx.json() {
        return emit_json(&meta).map(|()| 0);
    }
    let language = ws.config.language();
    let zh = language == Language::Zh;
    let mut out = format!("{id}\n");
    let field = |out: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value {
            let shown = crate::cli::table::pad(field_label(name, language), 12);
            out.push_str(&format!("  {shown}{v}\n"));
        }
    };
    field(&mut out, "title", meta.title.as_deref());
    field(&mut out, "url", meta.url.as_deref());
    let kind = meta.kind.map(|k| match zh {
        true => format!("`{}`", k.as_str()),
        false => k.as_str().to_string(),
    });
    field(&mut out, "kind", kind.as_deref());
    field(&mut out, "publisher", meta.publisher.as_deref());
    field(&mut out, "origin", meta.origin.as_deref());
    field(
        &mut out,
        "published",
        meta.published.map(|d| d.to_string()).as_deref(),
    );
    field(&mut out, "file", Some(&format!("sources/{}", meta.file)));
    field(&mut out, "type", Some(meta.media_type.as_str()));
    field(&mut out, "size", Some(&bytes(meta.size, language)));
    field(
        &mut out,
        "captured",
        Some(&by_whom(
            &meta.captured_at.to_string(),
            &meta.captured_by,
            language,
        )),
    );
    field(&mut out, "note", meta.note.as_deref());
    field(
        &mut out,
        "revises",
        meta.revises.as_ref().map(|r| r.to_string()).as_deref(),
    );
    for h in &meta.history {
        let (colon, list) = if zh { ("：", "、") } else { (": ", ", ") };
        let why = h
            .note
            .as_deref()
            .map(|n| format!("{colon}{n}"))
            .unwrap_or_default();
        let fields = if zh {
            h.fields
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(list)
        } else {
            h.fields.join(list)
        };
        let at = h.at.to_string();
        let line = match zh {
            true => format!("{}（{fields}）{why}", by_whom(&at, &h.by, language)),
            false => format!("{} ({fields}){why}", by_whom(&at, &h.by, language)),
        };
        field(&mut out, "edited", Some(&line));
    }
    for (name, value) in super::fetch::show_lines(&meta, language) {
        field(&mut out, &name, Some(&value));
    }
    emit(&out)?;
    Ok(0)
}
