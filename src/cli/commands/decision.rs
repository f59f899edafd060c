//! `factcheck decision`: can the piece run? The recommendation the records
//! give by the rules of [`crate::decision`], and why; exits 0 only for
//! `publish`, so a newsroom's CI can gate publication on it.

use serde::Serialize;

use crate::check;
use crate::cli::ui::{Ctx, emit, emit_json};
use crate::decision::{self, Recommendation};
use crate::error::Result;
use crate::model::{Decision, Summary};
use crate::workspace::store;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  factcheck decision && publish-the-article")]
pub struct DecisionArgs {}

#[derive(Debug, Serialize)]
struct Output<'a> {
    recommendation: &'a Recommendation,
    summary: Option<&'a Summary>,
}

pub fn run(ctx: &Ctx, _args: DecisionArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let outcome = check::run(&ws, check::Options::default(), None)?;
    let claims = ws.load_claims()?;
    let article = ws.config.article.as_ref();
    let spans = match article.and_then(|id| store::load_meta(&ws, id).ok()) {
        Some(meta) => store::read_text(&ws, &meta)
            .map(|t| decision::headline_spans(t.as_str()))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let facts: Vec<decision::Facts> = claims
        .iter()
        .map(|c| decision::Facts::of(c, decision::is_headline(c, article, &spans)))
        .collect();
    let rec = decision::recommend(&ws.config, &facts, &outcome.problems);
    let summary = ws.config.summary.as_ref();
    // The stricter of the rules and the desk: a desk that holds the piece
    // holds it, whatever the records say.
    let publish = rec.decision == Decision::Publish
        && summary.is_none_or(|s| s.decision == Decision::Publish);
    if ctx.json() {
        emit_json(&Output {
            recommendation: &rec,
            summary,
        })?;
    } else {
        let mut out = format!("recommendation: {}\n", rec.decision);
        for r in &rec.reasons {
            out.push_str(&format!("- {}", r.text));
            if !r.claims.is_empty() {
                let shown: Vec<&str> = r.claims.iter().take(8).map(String::as_str).collect();
                let more = r.claims.len().saturating_sub(shown.len());
                out.push_str(&format!(": {}", shown.join(", ")));
                if more > 0 {
                    out.push_str(&format!(" and {more} more"));
                }
            }
            out.push('\n');
        }
        match summary {
            Some(s) => {
                out.push_str(&format!(
                    "desk's decision: {} ({}, {})\n",
                    s.decision,
                    s.by,
                    s.at.date()
                ));
                if let Some(note) = &s.note {
                    out.push_str(&format!("  {note}\n"));
                }
            }
            None => out.push_str(
                "desk's decision: none written (`factcheck summary --decision … --note …`)\n",
            ),
        }
        emit(&out)?;
    }
    Ok(if publish { 0 } else { 1 })
}
