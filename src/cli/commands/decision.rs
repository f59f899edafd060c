//! `factcheck decision`: can the piece run? The recommendation the records
//! give by the rules of [`crate::decision`], and why; exits 0 only for
//! `publish`, so a newsroom's CI can gate publication on it.

use std::collections::HashMap;

use serde::Serialize;

use crate::check;
use crate::cli::ui::{Ctx, emit, emit_json};
use crate::coverage;
use crate::decision::{self, Recommendation};
use crate::error::Result;
use crate::model::{self, Decision, Language, Summary};
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
    let mut claims = ws.load_claims()?;
    let article = ws.config.article.as_ref();
    model::article_order(&mut claims, article);
    let text = match article.and_then(|id| store::load_meta(&ws, id).ok()) {
        Some(meta) => store::read_text(&ws, &meta).ok(),
        None => None,
    };
    let spans = text
        .as_ref()
        .map(|t| decision::headline_spans(t.as_str()))
        .unwrap_or_default();
    let sentences = match (article, text.as_ref()) {
        (Some(id), Some(t)) => coverage::sentences_of(&ws, id, t.as_str()),
        _ => Vec::new(),
    };
    let lede = coverage::lede_spans(&sentences);
    let facts: Vec<decision::Facts> = claims
        .iter()
        .map(|c| {
            decision::Facts::of(c, decision::is_headline(c, article, &spans))
                .with_lede(decision::is_lede(c, article, &lede))
        })
        .collect();
    let language = ws.config.language();
    let measured = match (article, &text) {
        (Some(id), Some(_)) => {
            let quotes: Vec<(usize, usize)> = claims
                .iter()
                .filter_map(|c| c.appears_in.as_ref().filter(|a| a.source == *id))
                .map(|a| (a.start, a.end))
                .collect();
            let dismissed = ws.load_dismissed()?;
            Some(coverage::measure(
                &sentences, id, &quotes, &dismissed, language,
            ))
        }
        _ => None,
    };
    let mut rec = decision::recommend(&ws.config, &facts, &outcome.problems, measured);
    let numbers: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i + 1))
        .collect();
    rec.number(&numbers);
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
        emit(&text_for(&rec, summary, language))?;
    }
    Ok(if publish { 0 } else { 1 })
}

/// The recommendation for people, in the workspace's language.
fn text_for(rec: &Recommendation, summary: Option<&Summary>, language: Language) -> String {
    let zh = language == Language::Zh;
    let (colon, comma, open, close) = if zh {
        ("：", "、", "（", "）")
    } else {
        (": ", ", ", " (", ")")
    };
    let label = |d: Decision| crate::cli::i18n::decision_word(d, language);
    let mut out = format!(
        "{}{colon}{}\n",
        if zh { "建议" } else { "recommendation" },
        label(rec.decision)
    );
    for r in &rec.reasons {
        out.push_str(&format!("- {}", r.text));
        if !r.numbers.is_empty() {
            let shown: Vec<String> = r.numbers.iter().take(12).map(|n| format!("#{n}")).collect();
            let more = r.numbers.len().saturating_sub(shown.len());
            out.push_str(&format!("{open}{}", shown.join(comma)));
            if more > 0 {
                out.push_str(&if zh {
                    format!("{comma}另 {more} 条")
                } else {
                    format!(" and {more} more")
                });
            }
            out.push_str(close);
        }
        out.push('\n');
    }
    if let Some(c) = &rec.coverage {
        out.push_str(&format!(
            "{}{colon}{}\n",
            if zh { "覆盖" } else { "coverage" },
            c.text
        ));
    }
    let desk = if zh {
        "核查台结论"
    } else {
        "desk's decision"
    };
    match summary {
        Some(s) => {
            out.push_str(&format!(
                "{desk}{colon}{}{open}{}{comma}{}{close}\n",
                label(s.decision),
                s.by,
                s.at.date(),
            ));
            if let Some(note) = &s.note {
                out.push_str(&format!("  {note}\n"));
            }
        }
        None => out.push_str(&if zh {
            format!("{desk}{colon}尚未写下（`factcheck summary --decision … --note …`）\n")
        } else {
            format!("{desk}{colon}none written (`factcheck summary --decision … --note …`)\n")
        }),
    }
    out
}
