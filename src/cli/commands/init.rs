//! `factcheck init`: create a workspace.

use std::path::PathBuf;

use crate::cli::ui::{Ctx, keyword, say};
use crate::error::Result;
use crate::model::{Language, default_scale};
use crate::report;
use crate::workspace::Workspace;

/// Create a workspace: factcheck.yaml (with a default rating scale), claims/, sources/, templates/.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  factcheck init desk && cd desk")]
pub struct InitArgs {
    /// Folder to create it in (made if missing; default: `-C DIR`, else the current folder)
    pub dir: Option<PathBuf>,
    /// The language of reports and of the default rating scale
    #[arg(long, value_parser = keyword::<Language>(), default_value_t = Language::En)]
    pub language: Language,
}

/// Files every new workspace starts with. Snapshots must reach git byte for
/// byte, so no line-ending or filter conversion may touch `sources/`.
const GITATTRIBUTES: &str = "sources/** -text -diff -filter\n";
const GITIGNORE: &str = "/.factcheck/\n";

pub fn run(ctx: &Ctx, args: InitArgs) -> Result<i32> {
    // Like `git -C`: a DIR given with `-C` is relative to it.
    let dir = match (&ctx.global.workspace, args.dir) {
        (Some(base), Some(dir)) => base.join(dir),
        (Some(base), None) => base.clone(),
        (None, Some(dir)) => dir,
        (None, None) => PathBuf::from("."),
    };
    let mut files: Vec<(String, &str)> = vec![
        (".gitattributes".into(), GITATTRIBUTES),
        (".gitignore".into(), GITIGNORE),
    ];
    for (name, text) in report::BUILTIN_TEMPLATES {
        files.push((format!("templates/{name}"), text));
    }
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let ws = Workspace::init(&dir, &borrowed)?;
    // The desk's rating scale starts as the default one, in its language,
    // each label with what it means; the desk edits it to its own.
    let mut config = ws.config.clone();
    if args.language != Language::En {
        config.language = Some(args.language);
    }
    config.ratings = default_scale(args.language);
    let lock = ws.lock(say)?;
    ws.save_config(&config, &lock)?;
    drop(lock);
    say(&format!(
        "created a factcheck workspace in `{}`\nnext: `factcheck source add ARTICLE --article`, then `factcheck claim add --text … --quote …`",
        ws.root().display()
    ));
    Ok(0)
}
