//! `factcheck source history URL`: every capture of a URL in time order, and
//! whether its text changed.

use serde::Serialize;

use crate::cli::i18n::{self, Msg};
use crate::cli::table;
use crate::cli::ui::{Ctx, emit, emit_json, say};
use crate::error::Result;
use crate::model::{SourceId, SourceMeta, Time};
use crate::web::fetch;
use crate::workspace::Workspace;
use crate::workspace::store;

/// One capture of a URL, as `source history` lists it.
#[derive(Debug, Serialize)]
pub struct HistoryEntry {
    pub at: Time,
    pub by: String,
    /// The HTTP status, for a fetched capture.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The snapshot of the bytes served.
    pub source: SourceId,
    /// The WARC of the exchange, for a fetched capture.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc: Option<SourceId>,
    /// Against the capture before: `first`, `same` (the same bytes),
    /// `same text` (other bytes, the same text), `changed` (the text changed)
    /// or `other bytes` (bytes without text changed).
    pub change: &'static str,
}

/// A capture found in a record, before it is compared with the one before.
struct Found<'a> {
    at: Time,
    by: String,
    status: Option<u16>,
    meta: &'a SourceMeta,
    warc: Option<SourceId>,
}

pub fn history(ctx: &Ctx, url: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let wanted = fetch::check_url(url).unwrap_or_else(|_| url.trim().to_string());
    let metas = store::load_all(&ws)?;
    // Each capture: when, who, status, the snapshot served, the WARC.
    let mut found: Vec<Found> = Vec::new();
    for meta in &metas {
        if meta.captures.is_empty() {
            if meta.url.as_deref() == Some(wanted.as_str())
                && meta.media_type.essence() != "application/warc"
            {
                found.push(Found {
                    at: meta.captured_at,
                    by: meta.captured_by.clone(),
                    status: None,
                    meta,
                    warc: None,
                });
            }
            continue;
        }
        for c in meta.captures.iter().filter(|c| c.url == wanted) {
            found.push(Found {
                at: c.at,
                by: c.by.clone(),
                status: Some(c.status),
                meta,
                warc: c.warc.clone(),
            });
        }
    }
    found.sort_by(|a, b| (a.at, &a.meta.sha256).cmp(&(b.at, &b.meta.sha256)));
    let mut entries = Vec::new();
    let mut previous: Option<&SourceMeta> = None;
    for f in found {
        let change = match previous {
            None => "first",
            Some(p) if p.sha256 == f.meta.sha256 => "same",
            Some(p) => text_change(&ws, p, f.meta),
        };
        previous = Some(f.meta);
        entries.push(HistoryEntry {
            at: f.at,
            by: f.by,
            status: f.status,
            source: f.meta.id().clone(),
            warc: f.warc,
            change,
        });
    }
    if ctx.json() {
        return emit_json(&entries).map(|()| 0);
    }
    let language = ws.config.language();
    if entries.is_empty() {
        say(&Msg::NoCaptures { url: &wanted }.text(language));
        return Ok(0);
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.at.to_string(),
                e.by.clone(),
                e.status.map_or("-".into(), |s| s.to_string()),
                e.source.short().to_string(),
                e.warc
                    .as_ref()
                    .map_or("-".into(), |w| w.short().to_string()),
                i18n::change_word(e.change, language).to_string(),
            ]
        })
        .collect();
    emit(&table::render(
        &i18n::source_history_header(language),
        &rows,
        40,
    ))?;
    Ok(0)
}

/// How the text of `b` compares with that of `a` (different bytes).
fn text_change(ws: &Workspace, a: &SourceMeta, b: &SourceMeta) -> &'static str {
    match (store::read_text(ws, a), store::read_text(ws, b)) {
        (Ok(x), Ok(y)) if x.as_str() == y.as_str() => "same text",
        (Ok(_), Ok(_)) => "changed",
        _ => "other bytes",
    }
}
