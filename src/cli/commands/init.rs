//! `factcheck init`: create a workspace.

use std::path::PathBuf;

use crate::cli::i18n::Msg;
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

/// Appended to a new `factcheck.yaml`: the settings `export claimreview`
/// needs, commented out until the desk fills them in.
const PUBLISHING_HINTS: &str = "\
# Publishing (export claimreview): uncomment and fill in.
# publisher: Your Desk                              # the reviews' author (ClaimReview `author`)
# base_url: https://example.org/fact-checks/story   # each review's url is base_url#claim-id
";

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
    // What publishing needs, for the desk to fill in: commented, so that an
    // unfilled one changes nothing.
    let path = ws.root().join(crate::workspace::CONFIG_FILE);
    let mut text = crate::workspace::read_to_string(&path)?;
    text.push_str(PUBLISHING_HINTS);
    crate::workspace::write_atomic(&path, text.as_bytes())?;
    drop(lock);
    say(&Msg::Created {
        dir: &ws.root().display().to_string(),
    }
    .text(args.language));
    Ok(0)
}
