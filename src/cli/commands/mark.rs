//! `factcheck mark`: set a claim's verdict, under the rules of design §3.

use std::collections::BTreeMap;

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, keyword, nonempty};
use crate::error::{Error, Result};
use crate::model::{Claim, Event, HistoryEntry, SourceId, SourceMeta, Status};
use crate::rules;
use crate::says::Says;
use crate::workspace::Workspace;
use crate::workspace::store;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck mark c1fa verified --rating 属实 --note \"May 13 in the US is May 14 in Beijing.\""
)]
pub struct MarkArgs {
    /// The claim's id or a unique prefix of it
    pub claim: String,
    /// The verdict
    #[arg(value_parser = keyword::<Status>())]
    pub status: Status,
    /// Why: required for unverifiable, for reopening, and for disputed without refuting evidence
    #[arg(long)]
    pub note: Option<String>,
    /// A verdict label: one of the desk's scale (`ratings:` in factcheck.yaml) when it has one
    #[arg(long)]
    pub rating: Option<String>,
    /// Suggested wording for a disputed claim
    #[arg(long)]
    pub correction: Option<String>,
}

pub fn run(ctx: &Ctx, args: MarkArgs) -> Result<i32> {
    if args.correction.is_some() && args.status != Status::Disputed {
        return Err(Error::invalid("`--correction` goes with `disputed`"));
    }
    let status = args.status;
    ctx.change_claim(&args.claim, |ws, claim, author| {
        let id = claim.id.clone();
        let note = nonempty(args.note);
        if status == Status::Unverified && claim.status != Status::Unverified && note.is_none() {
            return Err(Error::refused(format!(
                "reopening claim `{id}` needs a `--note` saying why"
            )));
        }
        let intact = if status == Status::Verified {
            evidence_intact(ws, claim)
        } else {
            Ok(())
        };
        let language = ws.config.language();
        let cannot = |why: &str, policy: bool| {
            Says::CannotMark {
                id: id.as_str(),
                status,
                policy,
                why,
            }
            .text(language)
        };
        if let Some(why) = rules::unmet(claim, status, note.as_deref(), intact, language) {
            return Err(
                Error::refused(cannot(&why, false))
                    .with_hint_in("nothing was changed", "未作任何改动"),
            );
        }
        let rating = nonempty(args.rating);
        if let Some(why) = rules::rating_unmet(&ws.config, status, rating.as_deref()) {
            return Err(
                Error::refused(cannot(&why, false))
                    .with_hint_in("nothing was changed", "未作任何改动"),
            );
        }
        let metas = evidence_metas(ws, claim);
        let lookup = |id: &SourceId| metas.iter().find(|m| m.sha256 == *id);
        let policy = match status {
            Status::Verified => rules::policy_unmet(&ws.config, claim, lookup),
            Status::Disputed => rules::disputed_policy_unmet(&ws.config, claim, lookup),
            _ => None,
        };
        if let Some(why) = policy {
            return Err(Error::refused(cannot(&why, true))
            .with_hint_in(
                "nothing was changed; attach independent evidence (`factcheck evidence add`), \
                 set what a source is (`factcheck source edit ID --kind K --publisher P --origin O`), \
                 or give the verdict the evidence carries",
                "未作任何改动；请附上独立的证据（`factcheck evidence add`），\
                 注明来源的性质（`factcheck source edit ID --kind K --publisher P --origin O`），\
                 或给出证据所支持的结论",
            ));
        }
        // A new verdict starts without the old one's label and correction.
        let changed = status != claim.status;
        claim.status = status;
        if rating.is_some() || changed {
            claim.rating = rating;
        }
        let correction = nonempty(args.correction);
        if correction.is_some() || changed {
            claim.correction = correction;
        }
        claim.history.push(HistoryEntry {
            status: Some(status),
            rating: claim.rating.clone(),
            correction: claim.correction.clone(),
            note,
            ..HistoryEntry::new(author.at, author.by.clone(), Event::Status)
        });
        Ok(Msg::Marked {
            id: id.as_str(),
            status,
            sign_off: ws.config.second_reviewer() && status != Status::Unverified,
        }
        .text(ws.config.language()))
    })
}

/// The records of the claim's evidence snapshots that can be read.
fn evidence_metas(ws: &Workspace, claim: &Claim) -> Vec<SourceMeta> {
    let mut ids: Vec<&SourceId> = claim.evidence.iter().map(|e| &e.source).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| store::load_meta(ws, id).ok())
        .collect()
}

/// Whether every evidence snapshot is present and hashes to its name.
fn evidence_intact(ws: &Workspace, claim: &Claim) -> std::result::Result<(), String> {
    let mut files = BTreeMap::new();
    for e in &claim.evidence {
        let meta = store::load_meta(ws, &e.source)
            .map_err(|_| format!("snapshot `{}` is missing", e.source.short()))?;
        let file = store::safe_file_name(&meta).map_err(|err| err.to_string())?;
        files.insert(e.source.hex().to_string(), ws.sources_dir().join(file));
    }
    // Every byte rehashed: a verdict is not given on a stat.
    let verified = store::verify(ws, &files, true, &()).map_err(|err| err.to_string())?;
    let damaged = claim
        .evidence
        .iter()
        .find(|e| verified.damage.iter().any(|d| d.hex == e.source.hex()));
    match damaged {
        Some(e) => Err(format!(
            "the bytes of snapshot `{}` have changed",
            e.source.short()
        )),
        None => Ok(()),
    }
}
