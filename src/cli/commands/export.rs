//! `factcheck export claimreview | annotations`: the arguments and what is
//! printed; the mappings themselves are library code in [`crate::export`].

use std::path::PathBuf;

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, keyword, say, write_out};
use crate::error::Result;
use crate::export::{self, annotations, annotations::Tally, claimreview};
use crate::model::{Language, Status};

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
    let language = ws.config.language();
    let (reviews, held) = claimreview::claimreviews(&ws)?;
    if held > 0 {
        say(&Msg::LeftOutUnsigned { n: held }.text(language));
    }
    let revised = claimreview::left_out_revised(&ws)?;
    if revised > 0 {
        say(&Msg::LeftOutRevised { n: revised }.text(language));
    }
    if ws.config.publisher.is_none() && !reviews.is_empty() {
        say(&Msg::NoPublisher.text(language));
    }
    if ws.config.base_url.is_none() && !reviews.is_empty() {
        say(&Msg::NoBaseUrl.text(language));
    }
    let text = export::to_json_ld(&reviews)?;
    match out {
        Some(path) => {
            write_out(&ws, &path, text.as_bytes())?;
            say(&Msg::WroteReviews {
                n: reviews.len(),
                path: &path.display().to_string(),
            }
            .text(language));
        }
        None => emit(&text)?,
    }
    Ok(0)
}

fn annotations(ctx: &Ctx, args: AnnotationsArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let language = ws.config.language();
    let (collection, tally) = annotations::collection(&ws, &args.status)?;
    report_tally(&tally, language);
    let text = export::to_json_ld(&collection)?;
    match args.out {
        Some(path) => {
            write_out(&ws, &path, text.as_bytes())?;
            say(&Msg::WroteAnnotations {
                n: collection.total,
                path: &path.display().to_string(),
            }
            .text(language));
        }
        None => emit(&text)?,
    }
    Ok(0)
}

fn report_tally(tally: &Tally, language: Language) {
    let Tally {
        unanchored,
        lost,
        moved,
        unchecked,
        unsigned,
    } = *tally;
    let lines = [
        (unanchored, Msg::LeftOutUnanchored { n: unanchored }),
        (lost, Msg::LeftOutLost { n: lost }),
        (moved, Msg::StaleSelectors { n: moved }),
        (unchecked, Msg::UncheckedSelectors { n: unchecked }),
        (unsigned, Msg::UnsignedAnnotations { n: unsigned }),
    ];
    for (n, msg) in lines {
        if n > 0 {
            say(&msg.text(language));
        }
    }
}
