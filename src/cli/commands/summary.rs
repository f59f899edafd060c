//! `factcheck summary`: the desk's bottom line on the article, kept in
//! `factcheck.yaml` with who wrote it and when, and shown at the top of the
//! report beside the recommendation the records give.

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit_json, keyword, nonempty, say};
use crate::error::Result;
use crate::model::{Decision, Summary};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  factcheck summary --decision publish-with-corrections --note \"Two figures need correcting; attribute the testing window.\""
)]
pub struct SummaryArgs {
    /// What the desk decides
    #[arg(long, value_parser = keyword::<Decision>())]
    pub decision: Decision,
    /// Why, for the editor-in-chief: the bottom line
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: SummaryArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let summary = Summary {
        decision: args.decision,
        note: nonempty(args.note),
        by: ctx.who()?,
        at: ctx.now()?,
    };
    let lock = ws.lock(say)?;
    let mut config = ws.config.clone();
    config.summary = Some(summary.clone());
    ws.save_config(&config, &lock)?;
    drop(lock);
    let language = ws.config.language();
    say(&Msg::DeskDecision {
        decision: crate::cli::i18n::decision_word(summary.decision, language),
    }
    .text(language));
    if ctx.json() {
        emit_json(&summary)?;
    }
    Ok(0)
}
