//! `factcheck man`: the manual page (roff), printed.

use clap::CommandFactory;

use crate::cli::commands::Cli;
use crate::cli::ui::{Ctx, emit};
use crate::error::{Error, Result};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    factcheck man > ~/.local/share/man/man1/factcheck.1\n  \
    factcheck man | man -l -")]
pub struct ManArgs {}

pub fn run(_ctx: &Ctx, _args: ManArgs) -> Result<i32> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::usage(format!("cannot write the manual page: {e}")))?;
    emit(&String::from_utf8_lossy(&page))?;
    Ok(0)
}
