//! `factcheck extract`.

use crate::cli::Ctx;
use crate::error::{Error, Result};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The snapshot to read (default: the workspace's article)
    pub source: Option<String>,
    /// How many candidates to list
    #[arg(long, default_value_t = 60)]
    pub top: usize,
    /// Only candidates scoring at least this
    #[arg(long, default_value_t = 0.0)]
    pub min_score: f64,
}

pub fn run(_ctx: &Ctx, _args: ExtractArgs) -> Result<i32> {
    Err(Error::usage("extract: not built yet"))
}
