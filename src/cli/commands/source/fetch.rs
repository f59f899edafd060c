//! `factcheck source fetch URL`: capture a web page as evidence, the way web
//! archivists do. The decoded body becomes a snapshot; the exchange itself
//! (every request and answer, redirects included) becomes a WARC snapshot
//! linked from the page's record. Fetching the same bytes again adds a
//! capture to the existing record; different bytes make a new snapshot.

use std::time::Duration;

use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json, nonempty, say};
use crate::error::{Error, Hint, Result};
use crate::model::{
    Capture, Day, Fetch, Language, MediaType, Redirect, ResponseHeaders, SourceKind, SourceMeta,
    Time,
};
use crate::text;
use crate::web::fetch::{self, Exchange, Options};
use crate::web::html_meta;
use crate::workspace::store::{self, NewSource};
use crate::workspace::{Lock, Workspace};

/// Capture a web page: its bytes as a snapshot, the HTTP exchange as a WARC
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Left out, --title, --publisher and --published are read from the page: og:title or <title>; og:site_name or the JSON-LD publisher; article:published_time, JSON-LD datePublished or the first <time datetime>.\n\nExamples:\n  factcheck source fetch https://example.org/news/gpt-4o --kind news\n  factcheck source fetch https://example.org/removed-post --keep-status"
)]
pub struct FetchArgs {
    /// The http:// or https:// URL to capture
    pub url: String,
    #[command(flatten)]
    pub about: super::About,
    /// Largest body to take (K, M, G are powers of 1024); a bigger one stores nothing
    #[arg(long, value_name = "SIZE", default_value = "50MB", value_parser = fetch::parse_size)]
    pub max_size: u64,
    /// Seconds the whole capture may take, redirects included
    #[arg(long, value_name = "SECS", default_value_t = fetch::DEFAULT_TIMEOUT,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Store a 4xx or 5xx answer too (a 404 can show that a page was taken down)
    #[arg(long)]
    pub keep_status: bool,
    /// Let redirects lead into loopback and private networks (10.x, 192.168.x, …)
    /// from a URL outside them; link-local and cloud metadata addresses stay refused
    #[arg(long)]
    pub allow_private: bool,
}

pub fn run(ctx: &Ctx, args: FetchArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    let url = fetch::check_url(&args.url)?;
    let options = Options {
        max_size: args.max_size,
        timeout: Duration::from_secs(args.timeout),
        allow_private: args.allow_private,
    };
    let exchange = fetch::fetch(&url, options)?;
    let last = exchange.last();
    let status = last.status;
    if !(200..300).contains(&status) && !args.keep_status {
        return Err(Error::invalid(format!(
            "cannot fetch `{url}`: it answered {status} {}; nothing was stored",
            last.reason
        ))
        .with_hint(if status >= 400 {
            Hint::new(
                "`--keep-status` stores the answer anyway, as evidence that the page is gone or refused",
                "加 `--keep-status` 仍会存下这次响应，作为网页已失效或拒绝访问的证据",
            )
        } else {
            Hint::new(
                "`--keep-status` stores the answer anyway",
                "加 `--keep-status` 仍会存下这次响应",
            )
        }));
    }

    let lock = ws.lock(say)?;
    let stored = store_exchange(
        &ws,
        &exchange,
        Given {
            title: nonempty(args.about.title),
            kind: args.about.kind,
            publisher: nonempty(args.about.publisher),
            origin: nonempty(args.about.origin),
            published: args.about.published,
            note: nonempty(args.about.note),
        },
        &by,
        at,
        &lock,
    )?;
    let (meta, warc_meta, created) = (stored.page, stored.warc, stored.created);
    drop(lock);
    report(
        &url,
        &exchange,
        &meta,
        &warc_meta,
        created,
        ws.config.language(),
    );
    let id = meta.id().clone();
    if ctx.json() {
        emit_json(&meta)?;
    } else {
        emit(&format!("{id}\n"))?;
    }
    Ok(0)
}

/// What the person fetching says about a page, over what the page says.
#[derive(Debug, Default)]
pub(super) struct Given {
    pub title: Option<String>,
    pub kind: Option<SourceKind>,
    pub publisher: Option<String>,
    pub origin: Option<String>,
    pub published: Option<Day>,
    pub note: Option<String>,
}

/// A stored capture: the page's snapshot, its WARC, and whether the page's
/// bytes are new.
pub(super) struct Stored {
    pub page: SourceMeta,
    pub warc: SourceMeta,
    pub created: bool,
}

/// Stores an exchange as `source fetch` does: its WARC as a snapshot, the
/// final body as a snapshot (or, for bytes already stored, one more capture
/// of them), under `lock`.
pub(super) fn store_exchange(
    ws: &Workspace,
    exchange: &Exchange,
    given: Given,
    by: &str,
    at: Time,
    lock: &Lock,
) -> Result<Stored> {
    let url = exchange.asked.clone();
    let last = exchange.last();
    let status = last.status;
    let media_type = media_type_of(exchange);
    let is_html = is_html(media_type.as_ref());
    let encoding = charset_of(
        exchange,
        media_type.as_ref().map(MediaType::as_str),
        is_html,
        ws.config.language(),
    );
    let page = if is_html {
        let (decoded, _, _) = encoding.decode(&exchange.content);
        html_meta::read(&decoded)
    } else {
        html_meta::PageMeta::default()
    };
    let quotable = media_type
        .as_ref()
        .is_some_and(|m| text::is_quotable(m.as_str()));

    let warc = crate::web::warc::write(exchange, at);
    let record = fetch_record(exchange);
    let (warc_meta, _) = store::add(
        ws,
        &mut &warc[..],
        NewSource {
            url: Some(url.clone()),
            media_type: Some("application/warc".parse().expect("a media type")),
            note: Some(format!(
                "WARC of the requests and answers of `source fetch {url}`"
            )),
            file_name: Some("capture.warc".into()),
            ..NewSource::default()
        },
        by,
        at,
        lock,
    )?;
    let capture = Capture {
        at,
        by: by.to_string(),
        url: url.clone(),
        status,
        warc: Some(warc_meta.id().clone()),
    };
    let new = NewSource {
        url: Some(url.clone()),
        title: given.title.or(page.title),
        kind: given.kind,
        publisher: given.publisher.or(page.publisher),
        origin: given.origin,
        published: given.published.or(page.published),
        media_type: media_type.clone(),
        note: given.note,
        charset: if quotable {
            text::charset_name(encoding)
        } else {
            None
        },
        fetch: Some(record),
        captures: vec![capture.clone()],
        ..NewSource::default()
    };
    let (mut meta, created) = store::add(ws, &mut &exchange.content[..], new, by, at, lock)?;
    // The same capture twice (same second, same exchange) is recorded once.
    if !created && !meta.captures.contains(&capture) {
        meta.captures.push(capture);
        store::save_meta(ws, &meta, lock)?;
    }
    Ok(Stored {
        page: meta,
        warc: warc_meta,
        created,
    })
}

/// The media type the final answer declares.
pub(super) fn media_type_of(exchange: &Exchange) -> Option<MediaType> {
    exchange
        .last()
        .header("content-type")
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .and_then(|m| m.parse::<MediaType>().ok())
}

pub(super) fn is_html(media_type: Option<&MediaType>) -> bool {
    media_type.is_some_and(|m| matches!(m.as_str(), "text/html" | "application/xhtml+xml"))
}

/// The encoding of the page's text: the `charset` of `Content-Type`, else
/// (for HTML) a byte-order mark or a `<meta>` declaration, else UTF-8. An
/// unknown name is said and read as UTF-8.
pub(super) fn charset_of(
    exchange: &Exchange,
    media_type: Option<&str>,
    is_html: bool,
    language: Language,
) -> &'static encoding_rs::Encoding {
    let from_header = exchange
        .last()
        .header("content-type")
        .and_then(html_meta::charset_param);
    let declared = from_header.or_else(|| {
        if let Some((bom, _)) = encoding_rs::Encoding::for_bom(&exchange.content) {
            return Some(bom.name().to_string());
        }
        is_html
            .then(|| html_meta::declared_charset(&exchange.content))
            .flatten()
    });
    match declared {
        Some(name) => text::encoding_for(&name).unwrap_or_else(|_| {
            if media_type.is_some_and(text::is_quotable) {
                say(&Msg::UnknownCharset {
                    name: &name,
                    refused: text::is_refused_charset(&name),
                }
                .text(language));
            }
            encoding_rs::UTF_8
        }),
        None => encoding_rs::UTF_8,
    }
}

/// The record of an exchange: the hops and the headers that matter as evidence.
fn fetch_record(exchange: &Exchange) -> Fetch {
    let last = exchange.last();
    let header = |name: &str| last.header(name).map(str::to_string);
    Fetch {
        url: exchange.asked.clone(),
        final_url: last.url.clone(),
        status: last.status,
        redirects: exchange.hops[..exchange.hops.len() - 1]
            .iter()
            .map(|h| Redirect {
                url: h.url.clone(),
                status: h.status,
                location: h.location.clone().unwrap_or_default(),
            })
            .collect(),
        headers: ResponseHeaders {
            date: header("date"),
            last_modified: header("last-modified"),
            etag: header("etag"),
            content_type: header("content-type"),
            content_language: header("content-language"),
        },
    }
}

fn report(
    url: &str,
    exchange: &Exchange,
    meta: &SourceMeta,
    warc: &SourceMeta,
    created: bool,
    language: Language,
) {
    let last = exchange.last();
    say(&Msg::Fetched {
        url,
        status: last.status,
        reason: &last.reason,
        redirects: exchange.hops.len() - 1,
        last: &last.url,
    }
    .text(language));
    if created {
        say(&Msg::FetchedSnapshot {
            id: meta.sha256.short(),
            media_type: &meta.media_type.to_string(),
            bytes: meta.size,
            warc: warc.sha256.short(),
        }
        .text(language));
    } else {
        say(&Msg::SameBytes {
            id: meta.sha256.short(),
            capture: meta.captures.len(),
            warc: warc.sha256.short(),
        }
        .text(language));
    }
}

/// Lines for `source show` about a fetched snapshot.
pub fn show_lines(meta: &SourceMeta, language: Language) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    if let Some(c) = &meta.charset {
        lines.push(("charset".into(), c.clone()));
    }
    if let Some(f) = &meta.fetch {
        if f.final_url != f.url {
            lines.push(("final url".into(), f.final_url.clone()));
        }
        lines.push(("status".into(), f.status.to_string()));
        for r in &f.redirects {
            lines.push((
                "redirect".into(),
                format!("{} {} → {}", r.status, r.url, r.location),
            ));
        }
        let h = &f.headers;
        for (name, value) in [
            ("date", &h.date),
            ("modified", &h.last_modified),
            ("etag", &h.etag),
            ("served as", &h.content_type),
            ("language", &h.content_language),
        ] {
            if let Some(v) = value {
                lines.push((name.into(), v.clone()));
            }
        }
    }
    for c in &meta.captures {
        let warc = c
            .warc
            .as_ref()
            .map(|w| format!(", WARC {}", w.short()))
            .unwrap_or_default();
        let who = crate::cli::i18n::by_whom(&c.at.to_string(), &c.by, language);
        let colon = if language == Language::Zh {
            "："
        } else {
            ": "
        };
        lines.push(("capture".into(), format!("{who}{colon}{}{warc}", c.status)));
    }
    lines
}
