//! `factcheck match TEXT | --batch FILE`: has this been checked before?
//! Searches the desk's archive (`archive import`, `archive add`).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::archive::ArchiveLocation;
use crate::archive::{self, Match};
use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json};
use crate::error::{Error, Result};
use crate::model::{Language, Status};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each match shows its score, rating, who checked it and when, a link (the\nClaimReview's url, or a desk's WORKSPACE#CLAIM-ID), and the query's words it holds.\n\nExamples:\n  factcheck match \"5G masts spread the coronavirus\"\n  factcheck match \"疫苗导致自闭症\" --top 3 --format json\n  factcheck match --batch tips.tsv > matches.jsonl"
)]
pub struct MatchArgs {
    /// The text to look up (a claim, a tip, a tweet)
    #[arg(
        value_name = "TEXT",
        required_unless_present = "batch",
        conflicts_with = "batch"
    )]
    pub text: Option<String>,
    /// How many matches to show
    #[arg(long, default_value_t = 5, value_name = "K")]
    pub top: usize,
    /// Look up every `query_id<TAB>text` line of FILE; prints one JSON line
    /// per query: {"query_id", "results": [...]}
    #[arg(long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
    #[command(flatten)]
    pub location: ArchiveLocation,
}

#[derive(Serialize)]
struct Results<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    query_id: Option<&'a str>,
    results: &'a [Match],
}

pub fn run(ctx: &Ctx, args: MatchArgs) -> Result<i32> {
    if args.top == 0 {
        return Err(Error::usage("--top must be at least 1"));
    }
    let queries = match (&args.batch, &args.text) {
        (Some(file), _) => batch(file)?,
        (None, Some(text)) => vec![(None, text.clone())],
        (None, None) => return Err(Error::usage("give TEXT or --batch FILE")),
    };
    let location = args.location.resolve()?;
    let mut engine = location.open(false)?;
    let language = ctx.language();
    for (id, text) in &queries {
        let found = archive::search(&mut *engine, text, args.top)?;
        let results = Results {
            query_id: id.as_deref(),
            results: &found,
        };
        if args.batch.is_some() {
            let line =
                serde_json::to_string(&results).map_err(|e| Error::refused(e.to_string()))?;
            emit(&format!("{line}\n"))?;
        } else if ctx.json() {
            emit_json(&results)?;
        } else {
            emit(&text_list(&found, language))?;
        }
    }
    Ok(0)
}

/// `query_id<TAB>text` lines; blank lines are skipped.
fn batch(file: &Path) -> Result<Vec<(Option<String>, String)>> {
    let text = String::from_utf8(crate::workspace::fs::read_given(file)?).map_err(|_| {
        Error::usage(format!("`{}` is not UTF-8 text", file.display())).with_hint_in(
            "save the batch file as UTF-8",
            "请将批量文件存为 `UTF-8` 编码",
        )
    })?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((id, query)) = line.split_once('\t') else {
            return Err(Error::usage(format!(
                "`{}` line {}: no tab between the query id and its text",
                file.display(),
                n + 1
            ))
            .with_hint_in(
                "each line is `query_id<TAB>text`",
                "每行格式为 `query_id<TAB>text`",
            ));
        };
        out.push((Some(id.trim().to_string()), query.to_string()));
    }
    Ok(out)
}

fn text_list(found: &[Match], language: Language) -> String {
    if found.is_empty() {
        return Msg::NoMatch.text(language) + "\n";
    }
    let mut out = String::new();
    for (i, m) in found.iter().enumerate() {
        let e = &m.entry;
        let mut head = format!("{}. {:.3}", i + 1, m.score);
        if let Some(r) = &e.rating {
            // A verdict without a rating is archived as its status word.
            let shown = Status::ALL
                .iter()
                .find(|s| s.as_str() == r)
                .map_or(r.as_str(), |s| crate::says::status_label(*s, language));
            head += &format!("  {shown}");
        }
        let who_when: Vec<&str> = [e.checked_by.as_deref(), e.date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !who_when.is_empty() {
            head += &format!(" — {}", who_when.join(", "));
        }
        out += &format!("{head}\n   {}\n", e.claim);
        if let Some(t) = &e.title {
            out += &format!("   {t}\n");
        }
        out += &format!("   {}\n", e.article_url.as_deref().unwrap_or(&e.url));
        if e.article_url.is_some() {
            out += &format!("   {}\n", e.url);
        }
        if !m.matched.is_empty() {
            let sep = crate::says::list_separator(language);
            out += &format!(
                "   {}{}\n",
                Msg::Matched.text(language),
                m.matched.join(sep)
            );
        }
    }
    out
}

/// After `claim add`: "checked before: …" for each archived check the new
/// claim repeats (archive::CHECKED_BEFORE), when there is an archive; a
/// broken archive is a warning, never a failed `claim add`.
pub fn say_checked_before(ws: &crate::workspace::Workspace, claim: &crate::model::Claim) {
    let own = format!("{}{}", archive::desk::prefix(ws), claim.id);
    let found = archive::configured().and_then(|engine| match engine {
        Some(mut engine) => archive::repeats(&mut *engine, &claim.text, &own, 3).map(Some),
        None => Ok(None),
    });
    let language = ws.config.language();
    match found {
        Ok(Some(found)) => {
            for m in found {
                let e = &m.entry;
                crate::cli::ui::say(
                    &Msg::CheckedBefore {
                        claim: &e.claim,
                        rating: e.rating.as_deref(),
                        date: e.date.as_deref(),
                        by: e.checked_by.as_deref(),
                        url: &e.url,
                    }
                    .text(language),
                );
            }
        }
        Ok(None) => {}
        Err(e) => crate::cli::ui::say(
            &Msg::ArchiveUnsearchable {
                error: &e.to_string(),
            }
            .text(language),
        ),
    }
}
