//! `factcheck report`.

use std::path::PathBuf;

use crate::cli::Ctx;
use crate::error::{Error, Result};
use crate::model::Status;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Template name (in templates/ or built in) or a path to a template file
    #[arg(long, default_value = "report")]
    pub template: String,
    /// Write the report here instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only claims with this status (repeatable)
    #[arg(long, value_enum)]
    pub status: Vec<Status>,
}

pub fn run(_ctx: &Ctx, _args: ReportArgs) -> Result<i32> {
    Err(Error::usage("report: not built yet"))
}
