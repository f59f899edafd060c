//! `factcheck source diff A B`: what changed between two snapshots' texts
//! (two drafts of an article, two captures of a page), passage by passage and
//! word by word, characters for Chinese, Japanese and Korean; the diff itself
//! is [`crate::revise::word_diff`], the one claims are carried by.

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json, say};
use crate::error::Result;
use crate::revise;
use crate::workspace::store;

/// `source diff A B`: each changed passage of A's text, with the words
/// removed as `[-…-]` and the words added in B as `{+…+}`.
pub fn diff(ctx: &Ctx, a: &str, b: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let (a, b) = (store::resolve(&ws, a)?, store::resolve(&ws, b)?);
    let (meta_a, meta_b) = (store::load_meta(&ws, &a)?, store::load_meta(&ws, &b)?);
    let (text_a, text_b) = (
        store::read_text(&ws, &meta_a)?,
        store::read_text(&ws, &meta_b)?,
    );
    let changes = revise::word_diff(text_a.as_str(), text_b.as_str());
    if ctx.json() {
        return emit_json(&changes).map(|()| 0);
    }
    if changes.is_empty() {
        say(&Msg::SameText {
            a: a.short(),
            b: b.short(),
        }
        .text(ws.config.language()));
        return Ok(0);
    }
    let mut out = format!(
        "--- {} {}\n+++ {} {}\n",
        a.short(),
        meta_a.label(),
        b.short(),
        meta_b.label()
    );
    for c in &changes {
        out.push_str(&crate::cli::i18n::diff_header(
            c.old_line,
            c.new_line,
            ws.config.language(),
        ));
        out.push('\n');
        for p in &c.pieces {
            match p.op {
                "delete" => out.push_str(&format!("[-{}-]", p.text)),
                "insert" => out.push_str(&format!("{{+{}+}}", p.text)),
                _ => out.push_str(&p.text),
            }
        }
        out.push('\n');
    }
    emit(&out)?;
    Ok(0)
}
