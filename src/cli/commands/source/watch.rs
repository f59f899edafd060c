//! `factcheck source watch [SOURCE|URL…] [--all]`: fetch the pages the
//! evidence cites again, through `source fetch`'s client and storage, and
//! say what became of each compared with the snapshot cited: unchanged,
//! changed, an excerpt changed, moved, gone, a "not found" page served as
//! 200, or unreachable for now. The snapshot cited is never replaced; what
//! the watch found is appended to its record (`watch:`), where `check` and
//! the report read it.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::fetch::{Given, charset_of, is_html, media_type_of, store_exchange};
use crate::cli::i18n::{self, Msg, WatchLine};
use crate::cli::term;
use crate::cli::ui::{Ctx, emit, emit_json, say};
use crate::error::{Error, Result};
use crate::model::{
    Archived, ClaimId, Language, SourceId, SourceMeta, Status, Time, Watch, WatchOutcome,
};
use crate::text::{self, SourceText};
use crate::web::fetch::{self, Exchange, Options};
use crate::web::watch::{self, ExcerptFound, Fetched, Limits, Now, PageText, Then};
use crate::workspace::{Workspace, store};

/// Fetch cited pages again and say which changed, moved or vanished
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Outcomes: unchanged, changed (every cited excerpt still there), \
excerpt-changed, moved, gone, soft-404, unreachable (tried again next run).\n\
Exit status: 0 nothing affects a verdict, 1 something does, 2 the run failed.\n\n\
Examples:\n  factcheck source watch --all\n  factcheck source watch --all --since 7d --budget 20m\n  \
factcheck source watch 9a0e55 https://example.org/news/gpt-4o --format json"
)]
pub struct WatchArgs {
    /// Snapshots (`sha256:<hex>` or a unique prefix) or URLs to watch
    pub targets: Vec<String>,
    /// Every snapshot that evidence cites and that has a URL
    #[arg(long)]
    pub all: bool,
    /// Skip pages captured or watched more recently than this (`12h`, `7d`)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub since: Option<Duration>,
    /// Time for the whole run; pages not reached are left for the next run
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = parse_duration)]
    pub budget: Duration,
    /// Pages fetched at once (never more than one at a time from a host)
    #[arg(long, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: u16,
    /// Pause between two requests to the same host (`Retry-After` may ask for more)
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_duration)]
    pub delay: Duration,
    /// Largest body to take (K, M, G are powers of 1024)
    #[arg(long, value_name = "SIZE", default_value = "50MB", value_parser = fetch::parse_size)]
    pub max_size: u64,
    /// Seconds one page may take, redirects included
    #[arg(long, value_name = "SECS", default_value_t = fetch::DEFAULT_TIMEOUT,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Let redirects lead into loopback and private networks (10.x, 192.168.x, …)
    /// from a URL outside them, as `source fetch --allow-private` does
    #[arg(long)]
    pub allow_private: bool,
}

/// `12h`, `7d`, `500ms`, `1h30m`: a span of time (days of 24 hours).
fn parse_duration(s: &str) -> std::result::Result<Duration, String> {
    let bad = || format!("`{s}` is not a duration such as 90s, 30m, 12h or 7d");
    let span: jiff::Span = s.trim().parse().map_err(|_| bad())?;
    let d = span
        .to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .map_err(|_| bad())?;
    Duration::try_from(d).map_err(|_| bad())
}

/// One evidence item that cites a watched snapshot.
#[derive(Debug, Clone)]
struct Citation {
    claim: ClaimId,
    status: Status,
    excerpt: Option<String>,
}

/// A snapshot to compare with its page.
struct Target {
    meta: SourceMeta,
    citations: Vec<Citation>,
}

/// What `source watch --format json` prints for one snapshot.
#[derive(Debug, Serialize)]
struct Report {
    source: SourceId,
    url: String,
    outcome: WatchOutcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    final_url: Option<String>,
    /// The snapshot of what was served now.
    capture: Option<SourceId>,
    excerpts: Vec<ExcerptReport>,
    /// Claims whose evidence this outcome concerns.
    claims: Vec<ClaimId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<Archived>,
}

#[derive(Debug, Serialize)]
struct ExcerptReport {
    #[serde(flatten)]
    found: ExcerptFound,
    /// The claims that cite it.
    claims: Vec<ClaimId>,
}

/// A claim with a verdict that an outcome concerns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
struct Affected {
    claim: ClaimId,
    status: Status,
}

#[derive(Debug, Serialize)]
struct Output {
    sources: Vec<Report>,
    /// Claims with a verdict whose evidence changed or is gone.
    affected: Vec<Affected>,
    /// Pages the budget left for the next run.
    left: Vec<String>,
}

pub fn run(ctx: &Ctx, args: WatchArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let by = ctx.who()?;
    let at = ctx.now()?;
    if args.targets.is_empty() && !args.all {
        return Err(
            Error::usage("name the snapshots or URLs to watch, or give `--all`").with_hint_in(
                "`factcheck source watch --all` watches every page that evidence cites",
                "`factcheck source watch --all` 复查证据引用的所有网页",
            ),
        );
    }
    let targets = choose(&ws, &args, at)?;
    // One fetch per URL, however many snapshots of it are cited; the pages
    // watched longest ago first, so what a budget leaves out goes first next time.
    let mut by_url: BTreeMap<String, Vec<Target>> = BTreeMap::new();
    for t in targets {
        by_url.entry(asked_url(&t.meta)).or_default().push(t);
    }
    let mut groups: Vec<(String, Vec<Target>)> = by_url.into_iter().collect();
    groups.sort_by_key(|(url, ts)| (ts.iter().map(|t| last_seen(&t.meta)).min(), url.clone()));
    let urls: Vec<String> = groups.iter().map(|(u, _)| u.clone()).collect();
    if urls.is_empty() {
        say(&Msg::NothingToWatch.text(ws.config.language()));
        if ctx.json() {
            emit_json(&Output {
                sources: Vec::new(),
                affected: Vec::new(),
                left: Vec::new(),
            })?;
        }
        return Ok(0);
    }

    let options = Options {
        max_size: args.max_size,
        timeout: Duration::from_secs(args.timeout),
        allow_private: args.allow_private,
    };
    let limits = Limits {
        jobs: usize::from(args.jobs),
        delay: args.delay,
        deadline: Instant::now() + args.budget,
        fetch: options,
    };
    let archive = ws
        .config
        .watch
        .as_ref()
        .and_then(|w| w.archive_lookup.clone());
    let bar = term::Steps::start("watching", urls.len() as u64, 2);
    let mut reports: Vec<Report> = Vec::new();
    let mut left = Vec::new();
    let mut failure: Option<Error> = None;
    watch::schedule(&urls, limits, |i, fetched| {
        bar.advance();
        if failure.is_some() {
            return;
        }
        let (url, targets) = &groups[i];
        let outcome = match fetched {
            Fetched::OutOfTime => {
                left.push(url.clone());
                return;
            }
            Fetched::Failed(why) => settle_failure(
                &ws,
                url,
                targets,
                &why,
                &by,
                at,
                archive.as_deref(),
                options,
            ),
            Fetched::Answered(exchange) => settle_answer(
                &ws,
                url,
                targets,
                &exchange,
                &by,
                at,
                archive.as_deref(),
                options,
            ),
        };
        match outcome {
            Ok(mut r) => reports.append(&mut r),
            Err(e) => failure = Some(e),
        }
    });
    drop(bar);
    if let Some(e) = failure {
        return Err(e);
    }
    reports.sort_by(|a, b| (a.outcome, &a.url, &a.source).cmp(&(b.outcome, &b.url, &b.source)));
    let affected: Vec<Affected> = {
        let mut set = BTreeSet::new();
        for r in &reports {
            let targets = groups.iter().flat_map(|(_, ts)| ts);
            if let Some(t) = targets.into_iter().find(|t| t.meta.sha256 == r.source) {
                for c in &t.citations {
                    if c.status != Status::Unverified && r.claims.contains(&c.claim) {
                        set.insert(Affected {
                            claim: c.claim.clone(),
                            status: c.status,
                        });
                    }
                }
            }
        }
        set.into_iter().collect()
    };
    let code = i32::from(!affected.is_empty());
    let output = Output {
        sources: reports,
        affected,
        left,
    };
    if ctx.json() {
        emit_json(&output)?;
    } else {
        emit(&render(&output, ws.config.language()))?;
    }
    summarise(&output, ws.config.language());
    Ok(code)
}

/// The snapshots to watch, with the evidence citing each.
fn choose(ws: &Workspace, args: &WatchArgs, at: Time) -> Result<Vec<Target>> {
    let metas = store::load_all(ws)?;
    let claims = ws.load_claims()?;
    let mut cited: BTreeMap<SourceId, Vec<Citation>> = BTreeMap::new();
    for claim in &claims {
        for e in &claim.evidence {
            cited.entry(e.source.clone()).or_default().push(Citation {
                claim: claim.id.clone(),
                status: claim.status,
                excerpt: e.excerpt.clone(),
            });
        }
    }
    let watchable =
        |m: &SourceMeta| m.url.is_some() && m.media_type.essence() != "application/warc";
    let mut chosen: BTreeSet<SourceId> = BTreeSet::new();
    if args.all {
        chosen.extend(
            metas
                .iter()
                .filter(|m| watchable(m) && cited.contains_key(&m.sha256))
                .map(|m| m.sha256.clone()),
        );
    }
    for target in &args.targets {
        if target.contains("://") {
            let url = fetch::check_url(target)?;
            let found: Vec<&SourceMeta> = metas
                .iter()
                .filter(|m| watchable(m) && asked_url(m) == url)
                .collect();
            if found.is_empty() {
                return Err(Error::usage(format!("no snapshot was taken of `{url}`"))
                    .with_hint_in(
                        format!("`factcheck source fetch {url}` captures it"),
                        format!("用 `factcheck source fetch {url}` 抓取它"),
                    ));
            }
            // Of the captures of a URL, those evidence cites; else the latest.
            let of_cited: Vec<&&SourceMeta> = found
                .iter()
                .filter(|m| cited.contains_key(&m.sha256))
                .collect();
            if of_cited.is_empty() {
                let latest = found
                    .iter()
                    .max_by_key(|m| last_seen(m))
                    .expect("found is not empty");
                chosen.insert(latest.sha256.clone());
            } else {
                chosen.extend(of_cited.iter().map(|m| m.sha256.clone()));
            }
        } else {
            let id = store::resolve(ws, target)?;
            let meta = store::load_meta(ws, &id)?;
            if !watchable(&meta) {
                return Err(
                    Error::usage(format!("snapshot {} has no URL to watch", id.short()))
                        .with_hint_in(
                            "watch a snapshot taken with `source fetch` or added with `--url`",
                            "请复查用 `source fetch` 抓取或加了 `--url` 添加的快照",
                        ),
                );
            }
            chosen.insert(id);
        }
    }
    let since = args.since.and_then(|d| {
        let d = jiff::SignedDuration::try_from(d).ok()?;
        at.timestamp().checked_sub(d).ok()
    });
    Ok(metas
        .into_iter()
        .filter(|m| chosen.contains(&m.sha256))
        .filter(|m| since.is_none_or(|since| last_seen(m).timestamp() <= since))
        .map(|m| Target {
            citations: cited.remove(&m.sha256).unwrap_or_default(),
            meta: m,
        })
        .collect())
}

/// The URL a snapshot was asked for.
fn asked_url(meta: &SourceMeta) -> String {
    let url = meta
        .fetch
        .as_ref()
        .map(|f| f.url.clone())
        .or_else(|| meta.url.clone())
        .unwrap_or_default();
    fetch::check_url(&url).unwrap_or(url)
}

/// When the page was last seen: captured, or watched and answered.
fn last_seen(meta: &SourceMeta) -> Time {
    let captures = meta.captures.iter().map(|c| c.at);
    let watched = meta
        .watch
        .iter()
        .filter(|w| w.outcome != WatchOutcome::Unreachable)
        .map(|w| w.at);
    captures
        .chain(watched)
        .chain([meta.captured_at])
        .max()
        .unwrap_or(meta.captured_at)
}

/// No answer: unreachable, or gone once it has failed long enough.
#[allow(clippy::too_many_arguments)]
fn settle_failure(
    ws: &Workspace,
    url: &str,
    targets: &[Target],
    why: &str,
    by: &str,
    at: Time,
    archive: Option<&str>,
    options: Options,
) -> Result<Vec<Report>> {
    let why = why
        .trim_start_matches(&format!("cannot fetch `{url}`: "))
        .trim_end_matches("; nothing was stored")
        .to_string();
    let mut out = Vec::new();
    for t in targets {
        let outcome = if watch::unreachable_long_enough(&t.meta.watch, at) {
            WatchOutcome::Gone
        } else {
            WatchOutcome::Unreachable
        };
        let archived = lookup(
            outcome,
            archive,
            url,
            &t.meta,
            options,
            ws.config.language(),
        );
        let entry = Watch {
            at,
            by: by.to_string(),
            outcome,
            url: url.to_string(),
            final_url: None,
            status: None,
            capture: None,
            lost: Vec::new(),
            error: Some(why.clone()),
            archived,
        };
        out.push(record(ws, t, entry, Vec::new())?);
    }
    Ok(out)
}

/// An answer: stored as `source fetch` stores one, then compared.
#[allow(clippy::too_many_arguments)]
fn settle_answer(
    ws: &Workspace,
    url: &str,
    targets: &[Target],
    exchange: &Exchange,
    by: &str,
    at: Time,
    archive: Option<&str>,
    options: Options,
) -> Result<Vec<Report>> {
    let last = exchange.last();
    let status = last.status;
    let answered = (200..300).contains(&status);
    let gone = matches!(status, 404 | 410);
    if !answered && !gone {
        let why = format!("it answered {status} {}", last.reason);
        return settle_failure(ws, url, targets, &why, by, at, archive, options);
    }
    let stored = {
        let lock = ws.lock(say)?;
        store_exchange(ws, exchange, Given::default(), by, at, &lock)?
    };
    let capture = stored.page.sha256.clone();
    let redirected_to = (last.url != url).then_some(last.url.as_str());
    let now_text = page_text(exchange, &stored.page, ws.config.language());
    let mut out = Vec::new();
    for t in targets {
        let excerpts: Vec<String> = t
            .citations
            .iter()
            .filter_map(|c| c.excerpt.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let then_text = snapshot_text(ws, &t.meta)?;
        let then_final = t
            .meta
            .fetch
            .as_ref()
            .map_or(url.to_string(), |f| f.final_url.clone());
        let (outcome, found) = watch::classify(
            &Then {
                text: &then_text,
                final_url: &then_final,
                excerpts: &excerpts,
            },
            &Now {
                text: &now_text,
                status,
                redirected_to,
            },
        );
        let archived = lookup(
            outcome,
            archive,
            url,
            &t.meta,
            options,
            ws.config.language(),
        );
        let entry = Watch {
            at,
            by: by.to_string(),
            outcome,
            url: url.to_string(),
            final_url: redirected_to.map(str::to_string),
            status: Some(status),
            capture: Some(capture.clone()),
            lost: if outcome == WatchOutcome::ExcerptChanged || outcome == WatchOutcome::Moved {
                watch::lost(&found)
            } else {
                Vec::new()
            },
            error: None,
            archived,
        };
        out.push(record(ws, t, entry, found)?);
    }
    Ok(out)
}

/// The nearest archived copy of a gone page, when an archive is set; a
/// failed lookup is said and the watch goes on.
fn lookup(
    outcome: WatchOutcome,
    archive: Option<&str>,
    url: &str,
    meta: &SourceMeta,
    options: Options,
    language: Language,
) -> Option<Archived> {
    let endpoint = archive.filter(|_| outcome.is_gone())?;
    match watch::archive_lookup(endpoint, url, meta.captured_at, options) {
        Ok(found) => found,
        Err(e) => {
            say(&Msg::ArchiveLookupFailed {
                error: &e.to_string(),
                url,
            }
            .text(language));
            None
        }
    }
}

/// Appends `entry` to the snapshot's record (re-read under the lock, so a
/// capture just added to it is kept) and returns what to print.
fn record(ws: &Workspace, t: &Target, entry: Watch, found: Vec<ExcerptFound>) -> Result<Report> {
    {
        let lock = ws.lock(say)?;
        let mut meta = store::load_meta(ws, &t.meta.sha256)?;
        meta.watch.push(entry.clone());
        store::save_meta(ws, &meta, &lock)?;
    }
    let lost: BTreeSet<&str> = found
        .iter()
        .filter(|f| !f.found)
        .map(|f| f.excerpt.as_str())
        .collect();
    let concerned = |c: &Citation| match entry.outcome {
        WatchOutcome::ExcerptChanged => c.excerpt.as_deref().is_some_and(|e| lost.contains(e)),
        o => o.is_changed() || o.is_gone(),
    };
    let claims: Vec<ClaimId> = t
        .citations
        .iter()
        .filter(|c| concerned(c))
        .map(|c| c.claim.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let excerpts = found
        .into_iter()
        .map(|f| ExcerptReport {
            claims: t
                .citations
                .iter()
                .filter(|c| c.excerpt.as_deref() == Some(f.excerpt.as_str()))
                .map(|c| c.claim.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            found: f,
        })
        .collect();
    Ok(Report {
        source: t.meta.sha256.clone(),
        url: entry.url,
        outcome: entry.outcome,
        status: entry.status,
        final_url: entry.final_url,
        capture: entry.capture,
        excerpts,
        claims,
        error: entry.error,
        archived: entry.archived,
    })
}

/// The text of a stored snapshot, whole and main.
fn snapshot_text(ws: &Workspace, meta: &SourceMeta) -> Result<PageText> {
    let bytes = store::read_bytes(ws, meta)?;
    if !text::is_quotable(meta.media_type.as_str()) {
        return Ok(PageText::opaque(&bytes));
    }
    let html = is_html(Some(&meta.media_type)).then(|| {
        let encoding = meta
            .charset
            .as_deref()
            .and_then(|c| text::encoding_for(c).ok())
            .unwrap_or(encoding_rs::UTF_8);
        encoding.decode(&bytes).0.into_owned()
    });
    let label = format!("snapshot `{}`", meta.sha256.short());
    let full = text::decode_charset(
        bytes,
        meta.media_type.as_str(),
        meta.charset.as_deref(),
        &label,
    )?;
    Ok(PageText::new(
        SourceText::new(full),
        html.as_deref(),
        meta.url.as_deref(),
    ))
}

/// The text of the page as served now, decoded as its snapshot is.
fn page_text(exchange: &Exchange, meta: &SourceMeta, language: Language) -> PageText {
    if !text::is_quotable(meta.media_type.as_str()) {
        return PageText::opaque(&exchange.content);
    }
    let media_type = media_type_of(exchange);
    let html = is_html(media_type.as_ref());
    let encoding = charset_of(
        exchange,
        media_type.as_ref().map(|m| m.as_str()),
        html,
        language,
    );
    let full = text::decode_charset(
        exchange.content.clone(),
        meta.media_type.as_str(),
        meta.charset.as_deref(),
        "the page",
    )
    .unwrap_or_default();
    let decoded = html.then(|| encoding.decode(&exchange.content).0.into_owned());
    PageText::new(
        SourceText::new(full),
        decoded.as_deref(),
        Some(&exchange.last().url),
    )
}

fn render(output: &Output, language: Language) -> String {
    let mut out = String::new();
    for r in &output.sources {
        let word = i18n::outcome_word(r.outcome, language);
        let mut line = format!(
            "{} {}  {}",
            crate::cli::table::pad(word, 16),
            r.source.short(),
            r.url
        );
        match r.outcome {
            WatchOutcome::Moved => {
                if let Some(to) = &r.final_url {
                    line.push_str(&format!(" → {to}"));
                }
            }
            WatchOutcome::Gone | WatchOutcome::Unreachable => {
                if let Some(status) = r.status {
                    line.push_str(&WatchLine::Answered { status }.text(language));
                } else if let Some(why) = &r.error {
                    line.push_str(&WatchLine::Why { why }.text(language));
                }
                if r.outcome == WatchOutcome::Unreachable {
                    line.push_str(&WatchLine::TriedAgain.text(language));
                }
            }
            _ => {}
        }
        out.push_str(&line);
        out.push('\n');
        if let Some(a) = &r.archived {
            out.push_str(
                &WatchLine::Archived {
                    date: &a.at.date(),
                    url: &a.url,
                }
                .text(language),
            );
        }
        let excerpts = r
            .excerpts
            .iter()
            .filter(|e| !e.found.found && r.outcome == WatchOutcome::ExcerptChanged);
        for e in excerpts {
            let claims: Vec<&str> = e.claims.iter().map(|c| c.as_str()).collect();
            let sep = crate::says::list_separator(language);
            out.push_str(
                &WatchLine::ExcerptOf {
                    claims: &claims.join(sep),
                    excerpt: &crate::anchor::one_line(&e.found.excerpt),
                }
                .text(language),
            );
            match (&e.found.closest, &e.found.diff) {
                (Some(closest), Some(diff)) => {
                    out.push_str(&WatchLine::NowReads { closest, diff }.text(language));
                }
                _ => out.push_str(&WatchLine::NoPassage.text(language)),
            }
        }
    }
    out
}

fn summarise(output: &Output, language: Language) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &output.sources {
        *counts.entry(r.outcome.as_str()).or_default() += 1;
    }
    let list: Vec<(WatchOutcome, usize)> = WatchOutcome::ALL
        .iter()
        .filter_map(|o| counts.get(o.as_str()).map(|n| (*o, *n)))
        .collect();
    say(&Msg::Watched {
        snapshots: output.sources.len(),
        counts: &list,
    }
    .text(language));
    if !output.left.is_empty() {
        say(&Msg::OutOfTime {
            pages: output.left.len(),
        }
        .text(language));
    }
    if output.affected.is_empty() {
        say(&Msg::NoVerdictAffected.text(language));
    } else {
        let claims: Vec<(&str, Status)> = output
            .affected
            .iter()
            .map(|a| (a.claim.as_str(), a.status))
            .collect();
        say(&Msg::VerdictsAffected { claims: &claims }.text(language));
    }
}
