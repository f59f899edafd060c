//! `factcheck claim add`.

use crate::anchor;
use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json, keyword, nonempty, say, source_or_article};
use crate::error::{Error, Hint, Result};
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
        return Err(Error::invalid("`--text` is empty").with_hint_in(
            "state the claim as a checkable sentence",
            "请把说法写成一句可核查的话",
        ));
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
    let identity = identity(text, appears_in.as_ref());
    if let Some(existing) = same_claim(&ws, &identity)? {
        return Err(
            Error::refused(format!("this claim already exists as `{existing}`"))
                .with_hint(duplicate_hint(&existing)),
        );
    }
    let id = match custom_id {
        Some(id) => {
            if ws.claim_path(&id).exists() {
                return Err(
                    Error::refused(format!("claim `{id}` already exists")).with_hint_in(
                        "choose another `--id`, or `factcheck claim edit` the existing one",
                        "换一个 `--id`，或用 `factcheck claim edit` 修改已有的那条",
                    ),
                );
            }
            chosen_id(&ws, id, &identity)?
        }
        None => derive_id(&ws, &identity)?,
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
    say(&Msg::ClaimAdded {
        id: claim.id.as_str(),
        at: claim
            .appears_in
            .as_ref()
            .map(|a| (a.start, a.end, a.source.short())),
    }
    .text(ws.config.language()));
    super::super::r#match::say_checked_before(&ws, &claim);
    if ctx.json() {
        emit_json(&claim)?;
    } else {
        emit(&format!("{}\n", claim.id))?;
    }
    Ok(0)
}

pub(super) fn locate(
    ws: &Workspace,
    quote: &str,
    source: Option<&str>,
    occurrence: Option<usize>,
) -> Result<Anchor> {
    let id = source_or_article(
        ws,
        source,
        "`--quote` needs a source",
        ("pass `--in SOURCE`", "请加 `--in SOURCE`"),
    )?;
    let meta = match source {
        Some(_) => store::load_meta(ws, &id)?,
        None => store::load_article(ws, &id)?,
    };
    let text = store::read_text(ws, &meta)?;
    let label = format!("snapshot {} ({})", id.short(), meta.label());
    let (start, end) = anchor::locate(&text, quote, occurrence, &label)?;
    Ok(anchor::anchor(id, &text, start, end))
}

/// A claim, under any id, with the same identity: anchored to the same
/// words at the same place of the same snapshot, or for an unanchored claim
/// stating the same text. A derived id says what it is, so only the ids this
/// identity derives are read, and every id chosen with `--id`: a claim add
/// stays cheap in a workspace of tens of thousands of claims. Unreadable
/// claims are `check`'s to report.
pub(super) fn same_claim(ws: &Workspace, wanted: &str) -> Result<Option<ClaimId>> {
    use rayon::prelude::*;
    let same = |id: &ClaimId| {
        ws.load_claim(id)
            .is_ok_and(|c| identity(&c.text, c.appears_in.as_ref()) == wanted)
    };
    let hash = store::sha256_hex(wanted.as_bytes());
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
    Ok(ws
        .claim_ids()?
        .into_par_iter()
        .filter(|id| !derived_shape(id.as_str()))
        .find_any(|id| same(id)))
}

/// Whether `id` looks like a derived id: `c` and at least six hex digits.
fn derived_shape(id: &str) -> bool {
    id.len() >= 7 && id.starts_with('c') && id[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// `--id ID`, unless it would pass for another claim: shaped like a derived
/// id but not this claim's own, or a prefix of an existing id (or one of
/// them a prefix of it), which would make a short id that named one claim
/// name another or none.
fn chosen_id(ws: &Workspace, id: ClaimId, identity: &str) -> Result<ClaimId> {
    if derived_shape(id.as_str()) {
        let own = format!("c{}", store::sha256_hex(identity.as_bytes()));
        if !own.starts_with(id.as_str()) {
            return Err(Error::usage(format!(
                "`--id {id}` looks like an id the tool derives (`c` and hex digits) but is not this claim's"
            ))
            .with_hint_in("choose an id in your own words, such as `nine-days`, or leave `--id` out", "用自己的话起一个编号，如 `nine-days`，或不加 `--id`"));
        }
    }
    let clash = ws.claim_ids()?.into_iter().find(|other| {
        other.as_str().starts_with(id.as_str()) || id.as_str().starts_with(other.as_str())
    });
    if let Some(other) = clash {
        return Err(Error::usage(format!(
            "`--id {id}` and the existing claim `{other}` would be prefixes of each other, so a short id could name either"
        ))
        .with_hint_in("choose an id that does not begin another claim's id and does not begin with one", "所选编号不能是其他说法编号的开头，也不能以其他说法的编号开头"));
    }
    Ok(id)
}

fn duplicate_hint(id: &ClaimId) -> Hint {
    Hint::new(
        format!(
            "`factcheck claim show {id}`; `factcheck claim edit {id}` changes its text; a second claim needs words of its own to quote"
        ),
        format!(
            "`factcheck claim show {id}`；`factcheck claim edit {id}` 可修改其文字；另一条说法须引用它自己的文字"
        ),
    )
}

/// What makes two claims the same claim: the quote and where it is, or for an
/// unanchored claim its text.
pub(super) fn identity(text: &str, appears_in: Option<&Anchor>) -> String {
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
