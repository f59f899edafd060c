//! `factcheck extract`: the check-worthy sentences of a source, ranked.

use serde::Serialize;

use crate::cli::ui::{Ctx, emit, emit_json, source_or_article};
use crate::error::{Error, Result};
use crate::extract;
use crate::model::ClaimId;
use crate::workspace::store;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  factcheck extract --top 20 --min-score 0.5")]
pub struct ExtractArgs {
    /// The snapshot to read (default: the workspace's article)
    pub source: Option<String>,
    /// How many candidates to list
    #[arg(long, default_value_t = 60)]
    pub top: usize,
    /// Only candidates scoring at least this (0 to 1)
    #[arg(long, default_value_t = 0.0, value_name = "X")]
    pub min_score: f64,
}

/// One candidate as printed: the scored sentence and the claims already on it.
#[derive(Debug, Serialize)]
struct Row {
    text: String,
    start: usize,
    end: usize,
    score: f64,
    reasons: Vec<String>,
    /// Whether an existing claim's quote overlaps this sentence.
    claimed: bool,
    /// Those claims' ids.
    claims: Vec<ClaimId>,
    /// `headline` or `lede`, when the sentence stands there.
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<extract::Place>,
}

pub fn run(ctx: &Ctx, args: ExtractArgs) -> Result<i32> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::usage("`--min-score` is a number from 0 to 1"));
    }
    let ws = ctx.workspace()?;
    let id = source_or_article(
        &ws,
        args.source.as_deref(),
        "`extract` reads a snapshot",
        "name one: `factcheck extract SOURCE`",
    )?;
    let meta = match &args.source {
        Some(_) => store::load_meta(&ws, &id)?,
        None => store::load_article(&ws, &id)?,
    };
    let hint = "extract reads the sentences of a text or HTML snapshot; snapshot a text copy of the article (e.g. converted to Markdown) with `factcheck source add PATH --article`";
    if !crate::text::is_quotable(meta.media_type.as_str()) {
        return Err(Error::refused(format!(
            "snapshot {} is `{}`, which has no text to extract claims from",
            id.short(),
            meta.media_type
        ))
        .with_hint(hint));
    }
    let text = store::read_text(&ws, &meta).map_err(|e| e.with_hint(hint))?;
    let claims = ws.load_claims()?;
    let spans: Vec<(usize, usize, &ClaimId)> = claims
        .iter()
        .filter_map(|c| {
            let a = c.appears_in.as_ref().filter(|a| a.source == id)?;
            Some((a.start, a.end, &c.id))
        })
        .collect();
    let rows: Vec<Row> = extract::candidates(text.as_str())
        .into_iter()
        .filter(|c| c.score >= args.min_score)
        .take(args.top)
        .map(|c| {
            let claims: Vec<ClaimId> = spans
                .iter()
                .filter(|(s, e, _)| *s < c.end && c.start < *e)
                .map(|(_, _, id)| (*id).clone())
                .collect();
            Row {
                claimed: !claims.is_empty(),
                claims,
                text: c.text,
                start: c.start,
                end: c.end,
                score: c.score,
                reasons: c.reasons,
                place: c.place,
            }
        })
        .collect();
    if ctx.json() {
        return emit_json(&rows).map(|()| 0);
    }
    if rows.is_empty() {
        crate::cli::ui::say("no candidates; lower `--min-score`, or check the snapshot has prose");
        return Ok(0);
    }
    let mut out = String::new();
    let width = rows.len().to_string().len();
    for (i, r) in rows.iter().enumerate() {
        let claimed = if r.claimed {
            format!(
                "  claimed: {}",
                r.claims
                    .iter()
                    .map(ClaimId::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{:>width$}. {:.3}  [{}..{}]{claimed}\n",
            i + 1,
            r.score,
            r.start,
            r.end
        ));
        let pad = " ".repeat(width + 2);
        out.push_str(&format!("{pad}{}\n", r.text.replace('\n', " ")));
        if !r.reasons.is_empty() {
            out.push_str(&format!("{pad}{}\n", r.reasons.join(" · ")));
        }
    }
    let claimed = rows.iter().filter(|r| r.claimed).count();
    out.push_str(&format!(
        "{} candidates, {claimed} already claimed; `factcheck claim add --text … --quote \"…\"` takes a sentence as it is\n",
        rows.len()
    ));
    emit(&out)?;
    Ok(0)
}
