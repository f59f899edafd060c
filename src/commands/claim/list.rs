//! `factcheck claim list` and `claim show`.

use crate::error::Result;
use crate::model::{Claim, Kind, Status, article_order};
use crate::table;
use crate::ui::{Ctx, emit, emit_json, history_line};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  factcheck claim list --status unverified --tag finances")]
pub struct ListArgs {
    /// Only claims with this status (repeatable)
    #[arg(long, value_enum)]
    pub status: Vec<Status>,
    /// Only claims of this kind (repeatable)
    #[arg(long, value_enum)]
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
    /// Read and parse every claim file, ignoring the parsed-record cache
    #[arg(long)]
    pub full: bool,
}

pub fn list(ctx: &Ctx, args: ListArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let mut claims: Vec<Claim> = ws
        .load_claims_hashed(args.full)?
        .into_iter()
        .map(|l| l.claim)
        .collect();
    article_order(&mut claims, ws.config.article.as_ref());
    claims.retain(|c| {
        (args.status.is_empty() || args.status.contains(&c.status))
            && (args.kind.is_empty() || args.kind.contains(&c.kind))
            && args.tag.iter().all(|t| c.tags.contains(t))
            && (!args.recheck || c.recheck().is_some())
            && (!args.dropped || c.dropped().is_some())
    });
    if ctx.json() {
        return emit_json(&claims).map(|()| 0);
    }
    if claims.is_empty() {
        crate::ui::say("no claims match");
        return Ok(0);
    }
    let rows: Vec<Vec<String>> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.id.to_string(),
                revision_status(c),
                c.kind.to_string(),
                c.evidence.len().to_string(),
                c.text.clone(),
            ]
        })
        .collect();
    emit(&table::render(
        &["#", "ID", "STATUS", "KIND", "EV", "CLAIM"],
        &rows,
        70,
    ))?;
    // The process ends right after; freeing every record would only cost time.
    crate::free::at_exit((claims, rows));
    Ok(0)
}

pub fn show(ctx: &Ctx, given: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let claim = ws.load_claim(&ws.resolve_claim(given)?)?;
    if ctx.json() {
        return emit_json(&claim).map(|()| 0);
    }
    emit(&render(&claim))?;
    Ok(0)
}

/// The status, with `recheck` or `dropped` when a revision of the article
/// changed or cut the claim's words.
fn revision_status(c: &Claim) -> String {
    if c.dropped().is_some() {
        format!("{}, dropped", c.status)
    } else if c.recheck().is_some() {
        format!("{}, recheck", c.status)
    } else {
        c.status.to_string()
    }
}

/// A claim for people to read in a terminal.
fn render(c: &Claim) -> String {
    let mut out = format!("{}  {}  ({})\n", c.id, revision_status(c), c.kind);
    let mut field = |name: &str, value: &str| out.push_str(&format!("  {name:<11}{value}\n"));
    field("claim", &c.text);
    if let Some(s) = &c.speaker {
        field("speaker", s);
    }
    if !c.tags.is_empty() {
        field("tags", &c.tags.join(", "));
    }
    match &c.appears_in {
        Some(a) => field(
            "quote",
            &format!(
                "\"{}\"  ({} @ {}..{})",
                a.exact,
                a.source.short(),
                a.start,
                a.end
            ),
        ),
        None => field("quote", "(not anchored to the article)"),
    }
    if let Some(r) = &c.rating {
        field("rating", r);
    }
    if let Some(r) = &c.correction {
        field("correction", r);
    }
    if !c.evidence.is_empty() {
        out.push_str("  evidence\n");
        for (i, e) in c.evidence.iter().enumerate() {
            out.push_str(&format!("    {}. {} {}", i + 1, e.stance, e.source.short()));
            if let Some(x) = &e.excerpt {
                out.push_str(&format!("  \"{x}\""));
            }
            out.push_str(&format!("  ({}, {})\n", e.added_by, e.added_at.date()));
            if let Some(n) = &e.note {
                out.push_str(&format!("       {n}\n"));
            }
        }
    }
    out.push_str("  history\n");
    for h in &c.history {
        out.push_str(&format!("    {}\n", history_line(h)));
    }
    out
}
