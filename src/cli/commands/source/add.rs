//! `factcheck source add`: a content-addressed snapshot of a file or of
//! standard input, the article's next revision with `--revises`.

use std::path::PathBuf;

use crate::cli::i18n::Msg;
use crate::cli::term;
use crate::cli::ui::{Ctx, emit, emit_json, nonempty, say};
use crate::error::{Error, Result};
use crate::model::MediaType;
use crate::text;
use crate::workspace;
use crate::workspace::hash::Progress as _;
use crate::workspace::store::{self, NewSource};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factcheck source add article.md --article --title \"The article\"\n  curl -s https://example.org/page | factcheck source add - --media-type text/html"
)]
pub struct AddArgs {
    /// The file to snapshot, or `-` for standard input
    pub path: PathBuf,
    /// Where it came from
    #[arg(long)]
    pub url: Option<String>,
    #[command(flatten)]
    pub about: super::About,
    /// Media type (default: from the extension, else sniffed from the content)
    #[arg(long, value_name = "TYPE")]
    pub media_type: Option<String>,
    /// Make this the workspace's article (the default for `claim add --quote`)
    #[arg(long)]
    pub article: bool,
    /// The charset of a text file that is not UTF-8 (gbk, big5, shift_jis, …);
    /// the bytes are kept as they are and decoded from it for quotes
    #[arg(long, value_name = "NAME")]
    pub charset: Option<String>,
    /// Make this the next revision of article OLD (default: the current
    /// article) and the workspace's article, carrying every claim over
    #[arg(long, value_name = "OLD", num_args = 0..=1, default_missing_value = "")]
    pub revises: Option<String>,
    /// With `--revises`: carry the claims over even when the new draft keeps
    /// less than 40% of the old one's text
    #[arg(long, requires = "revises")]
    pub force: bool,
}

pub(super) fn add(ctx: &Ctx, args: AddArgs) -> Result<i32> {
    if args.revises.is_some() {
        return super::super::revision::add(ctx, args);
    }
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    if let Some(m) = &args.media_type {
        crate::guard::media_type(m)?;
    }
    let media_type = args
        .media_type
        .as_deref()
        .map(str::parse::<MediaType>)
        .transpose()
        .map_err(Error::usage)?;
    let charset = match &args.charset {
        Some(name) => {
            let encoding = text::encoding_for(name)?;
            if let Some(m) = &media_type
                && !text::is_quotable(m.as_str())
            {
                return Err(Error::invalid(format!(
                    "`--charset` is for text, and `{m}` is not text"
                )));
            }
            text::charset_name(encoding)
        }
        None => None,
    };
    let from_stdin = args.path.as_os_str() == "-";
    if let Some(url) = args.url.as_deref().map(str::trim).filter(|u| !u.is_empty())
        && !crate::settings_check::is_web_url(url)
    {
        return Err(Error::usage(format!(
            "`--url {url}` is not an http:// or https:// URL; only web addresses are stored"
        ))
        .with_hint_in(
            "give the address the snapshot was taken from, or leave `--url` out",
            "请给出快照的来源网址，或不加 `--url`",
        ));
    }
    let new = NewSource {
        charset,
        url: nonempty(args.url),
        title: nonempty(args.about.title),
        kind: args.about.kind,
        publisher: nonempty(args.about.publisher),
        origin: nonempty(args.about.origin),
        published: args.about.published,
        media_type,
        note: nonempty(args.about.note),
        file_name: (!from_stdin).then(|| args.path.to_string_lossy().into_owned()),
        ..NewSource::default()
    };
    let lock = ws.lock(say)?;
    let (meta, created) = if from_stdin {
        store::add(&ws, &mut std::io::stdin().lock(), new, &by, at, &lock)?
    } else {
        let (file, size) = workspace::fs::open_given(&args.path)?;
        let bar = term::Bytes::new("snapshotting", term::ONE_SECOND_OF_BYTES);
        bar.start(size);
        store::add(&ws, &mut bar.reader(file), new, &by, at, &lock)?
    };
    let id = meta.id().clone();
    if args.article && ws.config.article.as_ref() != Some(&id) {
        let mut config = ws.config.clone();
        config.article = Some(id.clone());
        ws.save_config(&config, &lock)?;
        say(&Msg::ArticleNow { id: id.short() }.text(ws.config.language()));
    }
    say(&Msg::Snapshot {
        created,
        id: id.short(),
        media_type: meta.media_type.as_str(),
        bytes: meta.size,
    }
    .text(ws.config.language()));
    if ctx.json() {
        emit_json(&meta)?;
    } else {
        emit(&format!("{id}\n"))?;
    }
    Ok(0)
}
