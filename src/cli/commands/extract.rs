//! `factcheck extract`: the check-worthy sentences of a source, ranked.

use serde::Serialize;

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json, source_or_article};
use crate::error::{Error, Hint, Result};
use crate::extract;
use crate::model::ClaimId;
use crate::workspace::store;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck extract --top 20 --min-score 0.5\n  factcheck extract --unclaimed\n  factcheck extract --dismiss 3 --note \"opinion, nothing to check\""
)]
pub struct ExtractArgs {
    /// The snapshot to read (default: the workspace's article)
    pub source: Option<String>,
    /// How many candidates to list
    #[arg(long, default_value_t = 60)]
    pub top: usize,
    /// Only candidates scoring at least this (0 to 1)
    #[arg(long, default_value_t = 0.0, value_name = "X")]
    pub min_score: f64,
    /// List the check-worthy sentences that no claim's quote overlaps and
    /// no dismissal covers, in article order
    #[arg(long, conflicts_with = "dismiss")]
    pub unclaimed: bool,
    /// Dismiss a check-worthy sentence (its number in `--unclaimed`, or its
    /// words) with a `--note` saying why it needs no claim; kept in
    /// dismissed.yaml
    #[arg(long, value_name = "SENTENCE|N", requires = "note")]
    pub dismiss: Option<String>,
    /// Why the dismissed sentence needs no claim
    #[arg(long, value_name = "REASON", requires = "dismiss")]
    pub note: Option<String>,
}

/// One candidate as printed: the scored sentence and the claims already on it.
#[derive(Debug, Serialize)]
struct Row {
    text: String,
    start: usize,
    end: usize,
    score: f64,
    /// Whether the score reaches the calibrated threshold.
    checkworthy: bool,
    reasons: Vec<String>,
    /// Whether an existing claim's quote overlaps this sentence.
    claimed: bool,
    /// Those claims' ids.
    claims: Vec<ClaimId>,
    /// With an archive: the URLs of archived checks this sentence repeats
    /// (README, Archive and matching).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    checked_before: Vec<String>,
    /// `headline` or `lede`, when the sentence stands there.
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<extract::Place>,
}

pub fn run(ctx: &Ctx, args: ExtractArgs) -> Result<i32> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::invalid("`--min-score` is a number from 0 to 1"));
    }
    let ws = ctx.workspace()?;
    let id = source_or_article(
        &ws,
        args.source.as_deref(),
        "`extract` reads a snapshot",
        (
            "name one: `factcheck extract SOURCE`",
            "请指定一个：`factcheck extract SOURCE`",
        ),
    )?;
    let meta = match &args.source {
        Some(_) => store::load_meta(&ws, &id)?,
        None => store::load_article(&ws, &id)?,
    };
    let hint = Hint::new(
        "extract reads the sentences of a text or HTML snapshot; snapshot a text copy of the article (e.g. converted to Markdown) with `factcheck source add PATH --article`",
        "`extract` 读取文本或网页快照中的句子；请用 `factcheck source add PATH --article` 为文章的文本副本（如转成 `Markdown` 的版本）建快照",
    );
    if !crate::text::is_quotable(meta.media_type.as_str()) {
        return Err(Error::refused(format!(
            "snapshot {} is `{}`, which has no text to extract claims from",
            id.short(),
            meta.media_type
        ))
        .with_hint(hint.clone()));
    }
    let text = store::read_text(&ws, &meta).map_err(|e| e.with_hint(hint))?;
    if args.unclaimed || args.dismiss.is_some() {
        return super::extract_unclaimed::run(ctx, &ws, &id, text.as_str(), &args);
    }
    let claims = ws.load_claims()?;
    let spans: Vec<(usize, usize, &ClaimId)> = claims
        .iter()
        .filter_map(|c| {
            let a = c.appears_in.as_ref().filter(|a| a.source == id)?;
            Some((a.start, a.end, &c.id))
        })
        .collect();
    let mut archive = crate::archive::configured()?;
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
            let checked_before = match archive.as_deref_mut() {
                Some(engine) => crate::archive::repeats(engine, &c.text, "", 3)?
                    .into_iter()
                    .map(|m| m.entry.url)
                    .collect(),
                None => Vec::new(),
            };
            Ok(Row {
                checked_before,
                claimed: !claims.is_empty(),
                claims,
                text: c.text,
                start: c.start,
                end: c.end,
                score: c.score,
                checkworthy: c.checkworthy,
                reasons: c.reasons,
                place: c.place,
            })
        })
        .collect::<Result<_>>()?;
    if ctx.json() {
        return emit_json(&rows).map(|()| 0);
    }
    let language = ws.config.language();
    if rows.is_empty() {
        crate::cli::ui::say(&Msg::NoCandidates.text(language));
        return Ok(0);
    }
    let mut out = String::new();
    let width = rows.len().to_string().len();
    for (i, r) in rows.iter().enumerate() {
        let claimed = if r.claimed {
            Msg::Claimed {
                ids: &r
                    .claims
                    .iter()
                    .map(ClaimId::as_str)
                    .collect::<Vec<_>>()
                    .join(crate::says::list_separator(language)),
            }
            .text(language)
        } else {
            String::new()
        };
        let mark = if r.checkworthy {
            Msg::CheckWorthy.text(language)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{:>width$}. {:.3}{mark}  [{}..{}]{claimed}\n",
            i + 1,
            r.score,
            r.start,
            r.end
        ));
        let pad = " ".repeat(width + 2);
        out.push_str(&format!("{pad}{}\n", r.text.replace('\n', " ")));
        if !r.reasons.is_empty() {
            let reasons: Vec<String> = r
                .reasons
                .iter()
                .map(|reason| crate::cli::i18n::reason(reason, language))
                .collect();
            out.push_str(&format!("{pad}{}\n", reasons.join(" · ")));
        }
        for url in &r.checked_before {
            out.push_str(&format!(
                "{pad}{}\n",
                Msg::CheckedBeforeUrl { url }.text(language)
            ));
        }
    }
    let claimed = rows.iter().filter(|r| r.claimed).count();
    let worthy = rows.iter().filter(|r| r.checkworthy).count();
    out.push_str(
        &(Msg::Candidates {
            n: rows.len(),
            worthy,
            claimed,
        }
        .text(language)
            + "\n"),
    );
    emit(&out)?;
    Ok(0)
}
