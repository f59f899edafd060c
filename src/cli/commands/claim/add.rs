//! `factcheck claim add`.

use crate::anchor;
use crate::cli::ui::{Ctx, emit, emit_json, keyword, nonempty, say, source_or_article};
use crate::error::{Error, Result};
use crate::model::{Anchor, Claim, ClaimId, Event, HistoryEntry, Kind, Status};
use crate::workspace::Workspace;
use crate::workspace::store;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck claim add --kind date --text \"OpenAI于2024年5月14日发布GPT-4o。\" --quote \"今年5月14日，OpenAI发布GPT-4o\""
)]
pub struct AddArgs {
    /// The claim as you state it: a self-contained, checkable sentence
    #[arg(long)]
    pub text: String,
    /// The article's exact words that make the claim
    #[arg(long)]
    pub quote: Option<String>,
    /// Which occurrence of the quote, when it occurs more than once (1-based)
    #[arg(long, value_name = "N", requires = "quote")]
    pub occurrence: Option<usize>,
    /// The snapshot the quote is in (default: the workspace's article)
    #[arg(long = "in", value_name = "SOURCE", requires = "quote")]
    pub source: Option<String>,
    /// What sort of statement it is
    #[arg(long, value_parser = keyword::<Kind>(), default_value_t = Kind::Other)]
    pub kind: Kind,
    /// Who makes the claim in the article
    #[arg(long)]
    pub speaker: Option<String>,
    /// A label (repeat, or separate with commas, for more)
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Your own id instead of the derived one: [a-z0-9][a-z0-9-]{0,63}
    #[arg(long)]
    pub id: Option<String>,
}

pub fn run(ctx: &Ctx, args: AddArgs) -> Result<i32> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(
            Error::usage("`--text` is empty").with_hint("state the claim as a checkable sentence")
        );
    }
    let custom_id = args
        .id
        .as_deref()
        .map(|s| s.parse::<ClaimId>().map_err(Error::usage))
        .transpose()?;
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    let appears_in = match args.quote.as_deref() {
        Some(quote) => Some(locate(
            &ws,
            quote.trim(),
            args.source.as_deref(),
            args.occurrence,
        )?),
        None => None,
    };

    let lock = ws.lock(say)?;
    if let Some(a) = &appears_in
        && let Some(existing) = same_anchor(&ws, a)?
    {
        return Err(
            Error::refused(format!("this claim already exists as `{existing}`"))
                .with_hint(duplicate_hint(&existing)),
        );
    }
    let id = match custom_id {
        Some(id) => {
            if ws.claim_path(&id).exists() {
                return Err(
                    Error::refused(format!("claim `{id}` already exists")).with_hint(
                        "choose another `--id`, or `factcheck claim edit` the existing one",
                    ),
                );
            }
            id
        }
        None => derive_id(&ws, &identity(text, appears_in.as_ref()))?,
    };
    let claim = Claim {
        id,
        text: text.to_string(),
        kind: args.kind,
        speaker: nonempty(args.speaker),
        tags: super::normalize_tags(args.tags),
        appears_in,
        status: Status::Unverified,
        rating: None,
        correction: None,
        evidence: Vec::new(),
        history: vec![HistoryEntry::new(at, by, Event::Created)],
    };
    ws.save_claim(&claim, &lock)?;
    drop(lock);
    match &claim.appears_in {
        Some(a) => say(&format!(
            "added claim {} at {}..{} of {}",
            claim.id,
            a.start,
            a.end,
            a.source.short()
        )),
        None => say(&format!(
            "added claim {} (not anchored to a quote)",
            claim.id
        )),
    }
    if ctx.json() {
        emit_json(&claim)?;
    } else {
        emit(&format!("{}\n", claim.id))?;
    }
    Ok(0)
}

fn locate(
    ws: &Workspace,
    quote: &str,
    source: Option<&str>,
    occurrence: Option<usize>,
) -> Result<Anchor> {
    let id = source_or_article(ws, source, "`--quote` needs a source", "pass `--in SOURCE`")?;
    let meta = match source {
        Some(_) => store::load_meta(ws, &id)?,
        None => store::load_article(ws, &id)?,
    };
    let text = store::read_text(ws, &meta)?;
    let label = format!("snapshot {} ({})", id.short(), meta.label());
    let (start, end) = anchor::locate(&text, quote, occurrence, &label)?;
    Ok(anchor::anchor(id, &text, start, end))
}

/// A claim, under any id, anchored to the same words at the same place of
/// the same snapshot. A derived id says what it anchors, so only the ids
/// this anchor derives are read, and every id chosen with `--id`: a claim
/// add stays cheap in a workspace of tens of thousands of claims.
/// Unreadable claims are `check`'s to report.
fn same_anchor(ws: &Workspace, a: &Anchor) -> Result<Option<ClaimId>> {
    use rayon::prelude::*;
    let same = |id: &ClaimId| {
        ws.load_claim(id).is_ok_and(|c| {
            c.appears_in
                .is_some_and(|b| b.source == a.source && b.start == a.start && b.exact == a.exact)
        })
    };
    let hash = store::sha256_hex(identity("", Some(a)).as_bytes());
    for len in 6..=hash.len() {
        let id: ClaimId = format!("c{}", &hash[..len])
            .parse()
            .expect("c followed by hex digits is a valid claim id");
        if !ws.claim_path(&id).exists() {
            break;
        }
        if same(&id) {
            return Ok(Some(id));
        }
    }
    let derived = |id: &ClaimId| {
        let s = id.as_str();
        s.len() >= 7 && s.starts_with('c') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
    };
    Ok(ws
        .claim_ids()?
        .into_par_iter()
        .filter(|id| !derived(id))
        .find_any(|id| same(id)))
}

fn duplicate_hint(id: &ClaimId) -> String {
    format!(
        "`factcheck claim show {id}`; `factcheck claim edit {id}` changes its text; a second claim needs words of its own to quote"
    )
}

/// What makes two claims the same claim: the quote and where it is, or for an
/// unanchored claim its text.
fn identity(text: &str, appears_in: Option<&Anchor>) -> String {
    match appears_in {
        Some(a) => format!("{}\n{}\n{}", a.source, a.start, a.exact),
        None => text.to_string(),
    }
}

/// `c` + 6 hex characters of the identity's hash, one more while the name is
/// taken by a different claim. The same identity twice is refused.
fn derive_id(ws: &Workspace, identity: &str) -> Result<ClaimId> {
    let hash = store::sha256_hex(identity.as_bytes());
    for len in 6..=hash.len() {
        let id: ClaimId = format!("c{}", &hash[..len])
            .parse()
            .expect("c followed by hex digits is a valid claim id");
        if !ws.claim_path(&id).exists() {
            return Ok(id);
        }
        let existing = ws.load_claim(&id)?;
        let existing_identity = self::identity(&existing.text, existing.appears_in.as_ref());
        if existing_identity == identity {
            return Err(
                Error::refused(format!("this claim already exists as `{id}`"))
                    .with_hint(duplicate_hint(&id)),
            );
        }
    }
    Err(Error::refused(
        "every id derived from this claim's hash is taken",
    ))
}
