//! `factcheck export claimreview | annotations`: the arguments and what is
//! printed; the mappings themselves are library code in [`crate::export`].

use std::path::PathBuf;

use crate::cli::ui::{Ctx, emit, keyword, plural, plural_s, say, write_out};
use crate::error::Result;
use crate::export::{self, annotations, annotations::Tally, claimreview};
use crate::model::Status;

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Examples:\n  factcheck export claimreview --out reviews.json\n  factcheck export annotations --out annotations.jsonld"
)]
pub enum ExportCommand {
    /// schema.org ClaimReview JSON-LD for every claim with a verdict
    #[command(after_help = "Example:\n  factcheck export claimreview --out reviews.json")]
    Claimreview {
        /// Write here instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// W3C Web Annotation JSON-LD: an annotation collection of every anchored claim
    Annotations(AnnotationsArgs),
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck export annotations --status disputed --out annotations.jsonld"
)]
pub struct AnnotationsArgs {
    /// Write here instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only claims with this status (repeatable)
    #[arg(long, value_parser = keyword::<Status>())]
    pub status: Vec<Status>,
}

pub fn run(ctx: &Ctx, cmd: ExportCommand) -> Result<i32> {
    let out = match cmd {
        ExportCommand::Claimreview { out } => out,
        ExportCommand::Annotations(args) => return annotations(ctx, args),
    };
    let ws = ctx.workspace()?;
    let (reviews, held) = claimreview::claimreviews(&ws)?;
    if held > 0 {
        say(&format!(
            "left out {} awaiting sign-off (`factcheck sign CLAIM`)",
            plural(held, "verdict")
        ));
    }
    let revised = claimreview::left_out_revised(&ws)?;
    if revised > 0 {
        say(&format!(
            "left out {revised} verdict{} on words a revision of the article changed or cut (`factcheck claim list --recheck`, `--dropped`)",
            if revised == 1 { "" } else { "s" }
        ));
    }
    if ws.config.publisher.is_none() && !reviews.is_empty() {
        say("no `publisher` in factcheck.yaml: the reviews have no author");
    }
    let text = export::to_json_ld(&reviews)?;
    match out {
        Some(path) => {
            write_out(&ws, &path, text.as_bytes())?;
            say(&format!(
                "wrote {} to `{}`",
                plural(reviews.len(), "review"),
                path.display()
            ));
        }
        None => emit(&text)?,
    }
    Ok(0)
}

fn annotations(ctx: &Ctx, args: AnnotationsArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let (collection, tally) = annotations::collection(&ws, &args.status)?;
    report_tally(&tally);
    let text = export::to_json_ld(&collection)?;
    match args.out {
        Some(path) => {
            write_out(&ws, &path, text.as_bytes())?;
            say(&format!(
                "wrote {} annotation{} to `{}`",
                collection.total,
                plural_s(collection.total),
                path.display()
            ));
        }
        None => emit(&text)?,
    }
    Ok(0)
}

fn report_tally(tally: &Tally) {
    let Tally {
        unanchored,
        lost,
        moved,
        unchecked,
        unsigned,
    } = *tally;
    if unanchored > 0 {
        say(&format!(
            "left out {unanchored} unanchored claim{} (no quote to point at)",
            plural_s(unanchored)
        ));
    }
    if lost > 0 {
        say(&format!(
            "left out {lost} claim{} whose quote no longer occurs in {} (`factcheck check` lists {})",
            plural_s(lost),
            if lost == 1 {
                "its snapshot"
            } else {
                "their snapshots"
            },
            if lost == 1 { "it" } else { "them" }
        ));
    }
    if moved > 0 {
        say(&format!(
            "{moved} selector{} had stale offsets and {} exported where the quote is now (`factcheck check --fix` updates the records)",
            plural_s(moved),
            if moved == 1 { "was" } else { "were" }
        ));
    }
    if unchecked > 0 {
        say(&format!(
            "{unchecked} selector{} exported as recorded: {} snapshot could not be read (`factcheck check` says why)",
            plural_s(unchecked),
            if unchecked == 1 { "its" } else { "their" }
        ));
    }
    if unsigned > 0 {
        say(&format!(
            "{unsigned} verdict{} awaiting sign-off left out of {} annotation{} (`factcheck sign CLAIM`)",
            plural_s(unsigned),
            if unsigned == 1 { "its" } else { "their" },
            plural_s(unsigned)
        ));
    }
}
