//! `factcheck claim list` and `claim show`.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::cli::i18n;
use crate::cli::table;
use crate::cli::ui::{Ctx, emit, emit_json, keyword};
use crate::error::Result;
use crate::model::{Claim, ClaimId, Kind, Language, Status, article_order};
use crate::workspace::index::{Revision, Row};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  factcheck claim list --status unverified --tag finances")]
pub struct ListArgs {
    /// Only claims with this status (repeatable)
    #[arg(long, value_parser = keyword::<Status>())]
    pub status: Vec<Status>,
    /// Only claims of this kind (repeatable)
    #[arg(long, value_parser = keyword::<Kind>())]
    pub kind: Vec<Kind>,
    /// Only claims with this tag (repeatable or comma-separated: all must match)
    #[arg(long, value_delimiter = ',')]
    pub tag: Vec<String>,
    /// Only claims in recheck: their quoted words changed in a revision of
    /// the article and nobody has marked them since
    #[arg(long)]
    pub recheck: bool,
    /// Only claims whose words a revision of the article cut
    #[arg(long)]
    pub dropped: bool,
    /// Read and parse every claim file, ignoring the workspace index
    #[arg(long)]
    pub full: bool,
}

pub fn list(ctx: &Ctx, args: ListArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    if ctx.json() {
        let mut claims: Vec<Claim> = ws
            .load_claims_hashed(args.full)?
            .into_iter()
            .map(|l| l.claim)
            .collect();
        article_order(&mut claims, ws.config.article.as_ref());
        claims.retain(|c| matches(&args, &Row::of(c)));
        return emit_json(&claims).map(|()| 0);
    }
    // The workspace gives each claim's row: what a line shows, filters and
    // sorts on (from its index, without decoding any claim, when the index
    // vouches for the file).
    let files: Vec<_> = ws
        .stat_claim_files()?
        .into_iter()
        .filter(|(name, _)| {
            name.to_str()
                .and_then(|n| n.strip_suffix(".yaml"))
                .is_some_and(ClaimId::is_valid)
        })
        .collect();
    let article = ws.config.article.as_ref();
    ws.with_rows(&files, args.full, |rows| {
        // Each row's key made once: made in every comparison, comparing the
        // article's id with each quote's was a sixth of a listing's time.
        let mut keyed: Vec<_> = rows
            .into_par_iter()
            .filter(|r| matches(&args, r))
            .map(|r| (r.article_key(article), r))
            .collect();
        keyed.par_sort_unstable_by(|x, y| x.0.cmp(&y.0));
        let rows: Vec<Row> = keyed.into_iter().map(|(_, r)| r).collect();
        if rows.is_empty() {
            crate::cli::ui::say(&crate::cli::i18n::Msg::NoClaimsMatch.text(ws.config.language()));
            return Ok(0);
        }
        let language = ws.config.language();
        emit(&table::render_rows(
            &i18n::claim_list_header(language),
            rows.len(),
            70,
            |i| {
                let r = &rows[i];
                [
                    Cow::Owned((i + 1).to_string()),
                    Cow::Borrowed(r.id),
                    match language {
                        Language::En => r.revision.label(r.status),
                        Language::Zh => {
                            Cow::Owned(i18n::listed_status(r.status, r.revision, language))
                        }
                    },
                    Cow::Borrowed(i18n::kind_word(r.kind, language)),
                    Cow::Owned(r.evidence.to_string()),
                    Cow::Borrowed(r.text),
                ]
            },
        ))?;
        // The process ends right after; freeing every row would only cost time.
        crate::cli::free::at_exit(rows);
        Ok(0)
    })
}

/// Whether a claim passes the listing's filters.
fn matches(args: &ListArgs, r: &Row) -> bool {
    (args.status.is_empty() || args.status.contains(&r.status))
        && (args.kind.is_empty() || args.kind.contains(&r.kind))
        && args.tag.iter().all(|t| r.tags.contains(&t.as_str()))
        && (!args.recheck || r.revision == Revision::Recheck)
        && (!args.dropped || r.revision == Revision::Dropped)
}

pub fn show(ctx: &Ctx, given: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let claim = ws.load_claim(&ws.resolve_claim(given)?)?;
    if ctx.json() {
        return emit_json(&claim).map(|()| 0);
    }
    emit(&render(&claim, ws.config.language()))?;
    Ok(0)
}

/// A claim for people to read in a terminal, in the workspace's language.
fn render(c: &Claim, language: Language) -> String {
    let zh = language == Language::Zh;
    let status = crate::cli::i18n::listed_status(c.status, Revision::of(c), language);
    let kind = crate::cli::i18n::kind_word(c.kind, language);
    let mut out = if zh {
        format!("{}  {status}（{kind}）\n", c.id)
    } else {
        format!("{}  {status}  ({kind})\n", c.id)
    };
    let label = |name: &str| table::pad(crate::cli::i18n::field_label(name, language), 11);
    let mut field = |name: &str, value: &str| out.push_str(&format!("  {}{value}\n", label(name)));
    field("claim", &c.text);
    if let Some(s) = &c.speaker {
        field("speaker", s);
    }
    if !c.tags.is_empty() {
        field("tags", &c.tags.join(crate::says::list_separator(language)));
    }
    // Quotation marks and brackets as each language writes them.
    let (open, close, left, right) = if zh {
        ("「", "」", "（", "）")
    } else {
        ("\"", "\"", "(", ")")
    };
    match &c.appears_in {
        Some(a) => field(
            "quote",
            &format!(
                "{open}{}{close}  {left}{} @ {}..{}{right}",
                a.exact,
                a.source.short(),
                a.start,
                a.end
            ),
        ),
        None if zh => field("quote", "（未锚定到文章）"),
        None => field("quote", "(not anchored to the article)"),
    }
    if let Some(r) = &c.rating {
        field("rating", r);
    }
    if let Some(r) = &c.correction {
        field("correction", r);
    }
    if !c.evidence.is_empty() {
        out.push_str(&format!("  {}\n", label("evidence").trim_end()));
        for (i, e) in c.evidence.iter().enumerate() {
            let stance = crate::says::stance_word(e.stance, language);
            out.push_str(&format!("    {}. {stance} {}", i + 1, e.source.short()));
            if let Some(x) = &e.excerpt {
                out.push_str(&format!("  {open}{x}{close}"));
            }
            let sep = crate::says::list_separator(language);
            out.push_str(&format!(
                "  {left}{}{sep}{}{right}\n",
                e.added_by,
                e.added_at.date()
            ));
            if let Some(n) = &e.note {
                out.push_str(&format!("       {n}\n"));
            }
        }
    }
    out.push_str(&format!("  {}\n", label("history").trim_end()));
    for h in &c.history {
        out.push_str(&format!(
            "    {}\n",
            crate::cli::i18n::history_line(h, language)
        ));
    }
    out
}
