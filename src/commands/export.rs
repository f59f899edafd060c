//! `factcheck export claimreview`.

use std::path::PathBuf;

use crate::cli::Ctx;
use crate::error::{Error, Result};

#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// schema.org ClaimReview JSON-LD for every claim with a verdict
    Claimreview {
        /// Write here instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub fn run(_ctx: &Ctx, _cmd: ExportCommand) -> Result<i32> {
    Err(Error::usage("export: not built yet"))
}
