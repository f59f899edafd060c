//! `factcheck source list`: every snapshot, oldest first, and the chain of
//! the article's revisions.

use crate::cli::i18n::{self, Msg};
use crate::cli::table;
use crate::cli::ui::{Ctx, emit, emit_json, say};
use crate::error::Result;
use crate::workspace::store;

pub(super) fn list(ctx: &Ctx) -> Result<i32> {
    let ws = ctx.workspace()?;
    let mut metas = store::load_all(&ws)?;
    metas.sort_by(|a, b| (a.captured_at, &a.sha256).cmp(&(b.captured_at, &b.sha256)));
    if ctx.json() {
        return emit_json(&metas).map(|()| 0);
    }
    if metas.is_empty() {
        say(&Msg::NoSnapshots.text(ws.config.language()));
        return Ok(0);
    }
    let article = ws.config.article.as_ref();
    let rows: Vec<Vec<String>> = metas
        .iter()
        .map(|m| {
            let star = if article == Some(&m.sha256) { "*" } else { "" };
            vec![
                format!("{}{star}", m.sha256.short()),
                m.media_type.to_string(),
                m.size.to_string(),
                m.captured_at.date(),
                m.label().to_string(),
            ]
        })
        .collect();
    emit(&table::render(
        &i18n::source_list_header(ws.config.language()),
        &rows,
        60,
    ))?;
    super::super::revision::list_chain(&ws)?;
    Ok(0)
}
