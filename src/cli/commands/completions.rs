//! `factcheck completions SHELL`: a completion script for a shell, printed.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::commands::Cli;
use crate::cli::ui::{Ctx, emit};
use crate::error::Result;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    factcheck completions bash > ~/.local/share/bash-completion/completions/factcheck\n  \
    factcheck completions zsh > ~/.zfunc/_factcheck\n  \
    factcheck completions fish > ~/.config/fish/completions/factcheck.fish\n  \
    factcheck completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(_ctx: &Ctx, args: CompletionsArgs) -> Result<i32> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "factcheck", &mut script);
    emit(&String::from_utf8_lossy(&script))?;
    Ok(0)
}
