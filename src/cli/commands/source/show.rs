//! `factcheck source show`: one snapshot's record and where it is cited.

use crate::cli::ui::{Ctx, emit, emit_json};
use crate::error::Result;
use crate::workspace::store;

pub(super) fn show(ctx: &Ctx, given: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let id = store::resolve(&ws, given)?;
    let meta = store::load_meta(&ws, &id)?;
    if ctx.json() {
        return emit_json(&meta).map(|()| 0);
    }
    let mut out = format!("{id}\n");
    let field = |out: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("  {name:<12}{v}\n"));
        }
    };
    field(&mut out, "title", meta.title.as_deref());
    field(&mut out, "url", meta.url.as_deref());
    field(&mut out, "kind", meta.kind.map(|k| k.as_str()));
    field(&mut out, "publisher", meta.publisher.as_deref());
    field(&mut out, "origin", meta.origin.as_deref());
    field(
        &mut out,
        "published",
        meta.published.map(|d| d.to_string()).as_deref(),
    );
    field(&mut out, "file", Some(&format!("sources/{}", meta.file)));
    field(&mut out, "type", Some(meta.media_type.as_str()));
    field(&mut out, "size", Some(&format!("{} bytes", meta.size)));
    field(
        &mut out,
        "captured",
        Some(&format!("{} by {}", meta.captured_at, meta.captured_by)),
    );
    field(&mut out, "note", meta.note.as_deref());
    field(
        &mut out,
        "revises",
        meta.revises.as_ref().map(|r| r.to_string()).as_deref(),
    );
    for h in &meta.history {
        let why = h
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<12}{} by {} ({}){why}\n",
            "edited",
            h.at,
            h.by,
            h.fields.join(", ")
        ));
    }
    for (name, value) in super::fetch::show_lines(&meta) {
        field(&mut out, &name, Some(&value));
    }
    emit(&out)?;
    Ok(0)
}
