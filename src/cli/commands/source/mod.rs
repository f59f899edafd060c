//! `factcheck source add | list | show`: content-addressed snapshots;
//! `source edit` and the web captures (`source fetch | history | diff |
//! watch`) have a file each beside this one.

mod diff;
mod edit;
mod fetch;
mod history;
mod watch;

use std::path::PathBuf;

use crate::cli::i18n::Msg;
use crate::cli::table;
use crate::cli::term;
use crate::cli::ui::{Ctx, emit, emit_json, keyword, nonempty, say};
use crate::error::{Error, Result};
use crate::model::{Day, MediaType, SourceKind};
use crate::text;
use crate::workspace;
use crate::workspace::hash::Progress as _;
use crate::workspace::store::{self, NewSource};

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Examples:\n  factcheck source add article.md --article\n  factcheck source list"
)]
pub enum SourceCommand {
    /// Snapshot a file (or `-` for stdin) into sources/, named by its SHA-256
    Add(AddArgs),
    /// List the snapshots
    #[command(after_help = "Example:\n  factcheck source list --format json")]
    List,
    /// Show one snapshot's record
    #[command(after_help = "Example:\n  factcheck source show 275e20")]
    Show {
        /// `sha256:<hex>` or a unique prefix of at least 6 hex characters
        id: String,
    },
    /// Change what a snapshot's record says about it (never its bytes)
    Edit(edit::EditArgs),
    // Web captures (`source/fetch.rs`, `source/history.rs`, `source/diff.rs`).
    /// Capture a web page: its bytes as a snapshot, the HTTP exchange as a WARC
    Fetch(fetch::FetchArgs),
    /// List every capture of a URL in time order, and whether its text changed
    #[command(after_help = "Example:\n  factcheck source history https://example.org/news/gpt-4o")]
    History {
        /// The URL, as given to `source fetch`
        url: String,
    },
    /// Fetch cited pages again and say which changed, moved or vanished
    Watch(watch::WatchArgs),
    /// Show the lines of text that differ between two snapshots
    #[command(after_help = "Example:\n  factcheck source diff 4b1c07 9a0e55")]
    Diff {
        /// The earlier snapshot
        a: String,
        /// The later snapshot
        b: String,
    },
}

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
    /// A title for people: what the page itself shows
    #[arg(long)]
    pub title: Option<String>,
    /// What sort of source it is, for the verification policy
    #[arg(long, value_parser = keyword::<SourceKind>())]
    pub kind: Option<SourceKind>,
    /// Who published it (outlet, organisation, person)
    #[arg(long)]
    pub publisher: Option<String>,
    /// Whose reporting it relays (the outlet it retells), for independence
    #[arg(long, value_name = "NAME")]
    pub origin: Option<String>,
    /// When its publisher published it (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub published: Option<Day>,
    /// Media type (default: from the extension, else sniffed from the content)
    #[arg(long, value_name = "TYPE")]
    pub media_type: Option<String>,
    /// Anything worth knowing about the capture
    #[arg(long)]
    pub note: Option<String>,
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

pub fn run(ctx: &Ctx, cmd: SourceCommand) -> Result<i32> {
    match cmd {
        SourceCommand::Add(args) => add(ctx, args),
        SourceCommand::List => list(ctx),
        SourceCommand::Show { id } => show(ctx, &id),
        SourceCommand::Edit(args) => edit::run(ctx, args),
        SourceCommand::Fetch(args) => fetch::run(ctx, args),
        SourceCommand::History { url } => history::history(ctx, &url),
        SourceCommand::Diff { a, b } => diff::diff(ctx, &a, &b),
        SourceCommand::Watch(args) => watch::run(ctx, args),
    }
}

fn add(ctx: &Ctx, args: AddArgs) -> Result<i32> {
    if args.revises.is_some() {
        return super::revision::add(ctx, args);
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
        .with_hint("give the address the snapshot was taken from, or leave `--url` out"));
    }
    let new = NewSource {
        charset,
        url: nonempty(args.url),
        title: nonempty(args.title),
        kind: args.kind,
        publisher: nonempty(args.publisher),
        origin: nonempty(args.origin),
        published: args.published,
        media_type,
        note: nonempty(args.note),
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

fn list(ctx: &Ctx) -> Result<i32> {
    let ws = ctx.workspace()?;
    let mut metas = store::load_all(&ws)?;
    metas.sort_by(|a, b| (a.captured_at, &a.sha256).cmp(&(b.captured_at, &b.sha256)));
    if ctx.json() {
        return emit_json(&metas).map(|()| 0);
    }
    if metas.is_empty() {
        say(&Msg::NoSnapshots.text(ws.config.language()));
        return Ok(0);
    }
    let article = ws.config.article.as_ref();
    let rows: Vec<Vec<String>> = metas
        .iter()
        .map(|m| {
            let star = if article == Some(&m.sha256) { "*" } else { "" };
            vec![
                format!("{}{star}", m.sha256.short()),
                m.media_type.to_string(),
                m.size.to_string(),
                m.captured_at.date(),
                m.label().to_string(),
            ]
        })
        .collect();
    emit(&table::render(
        &["ID", "TYPE", "BYTES", "CAPTURED", "TITLE"],
        &rows,
        60,
    ))?;
    super::revision::list_chain(&ws)?;
    Ok(0)
}

fn show(ctx: &Ctx, given: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let id = store::resolve(&ws, given)?;
    let meta = store::load_meta(&ws, &id)?;
    if ctx.json() {
        return emit_json(&meta).map(|()| 0);
    }
    let mut out = format!("{id}\n");
    let field = |out: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("  {name:<12}{v}\n"));
        }
    };
    field(&mut out, "title", meta.title.as_deref());
    field(&mut out, "url", meta.url.as_deref());
    field(&mut out, "kind", meta.kind.map(|k| k.as_str()));
    field(&mut out, "publisher", meta.publisher.as_deref());
    field(&mut out, "origin", meta.origin.as_deref());
    field(
        &mut out,
        "published",
        meta.published.map(|d| d.to_string()).as_deref(),
    );
    field(&mut out, "file", Some(&format!("sources/{}", meta.file)));
    field(&mut out, "type", Some(meta.media_type.as_str()));
    field(&mut out, "size", Some(&format!("{} bytes", meta.size)));
    field(
        &mut out,
        "captured",
        Some(&format!("{} by {}", meta.captured_at, meta.captured_by)),
    );
    field(&mut out, "note", meta.note.as_deref());
    field(
        &mut out,
        "revises",
        meta.revises.as_ref().map(|r| r.to_string()).as_deref(),
    );
    for h in &meta.history {
        let why = h
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<12}{} by {} ({}){why}\n",
            "edited",
            h.at,
            h.by,
            h.fields.join(", ")
        ));
    }
    for (name, value) in fetch::show_lines(&meta) {
        field(&mut out, &name, Some(&value));
    }
    emit(&out)?;
    Ok(0)
}
