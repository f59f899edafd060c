//! `source watch`: fetch a cited page again and say what became of it,
//! compared with the snapshot the evidence cites.
//!
//! Pages are compared by their main text, not their bytes: the article is
//! extracted with `dom_smoothie` (a port of Mozilla's Readability, the
//! extractor behind Firefox's reader view), so navigation, ads and sidebars
//! fall away, and what is left is normalised (Unicode NFKC, case, spacing,
//! and the dates, times and counters of short lines such as bylines) before
//! it is compared. Cited excerpts are looked for in the page's whole text,
//! derived as every snapshot's text is and matched as `evidence add` matches
//! them ([`SourceText::find_excerpt`]), so an excerpt that `evidence add`
//! took is found again on an unchanged page.
//!
//! The network side (the polite, bounded scheduler) is [`schedule`]; the
//! judgement is [`classify`], which needs no network and is tested alone.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use regex::Regex;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::model::{Archived, LostExcerpt, Time, Watch, WatchOutcome};
use crate::revise::{self, Change};
use crate::text::SourceText;
use crate::web::fetch::{self, Exchange, Options};

/// How alike two main texts must be (shared 4-character pieces) to be the
/// same page: below it a redirect has `moved` and a "not found" page is a
/// `soft-404`.
const SAME_PAGE: f64 = 0.5;
/// Lines at most this long are bylines, datelines and counters, whose
/// dates and numbers change without the article changing.
const SHORT_LINE: usize = 120;
/// Most elements the main-text extractor reads; a bigger page is compared
/// by its whole text.
const MAX_ELEMENTS: usize = 200_000;
/// The longest `Retry-After` a run waits for before calling a page
/// unreachable for now.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(120);
/// Consecutive failures to reach a page, over at least [`GONE_AFTER_DAYS`]
/// days, after which the host is taken to no longer answer with it.
pub const GONE_AFTER_FAILURES: usize = 3;
pub const GONE_AFTER_DAYS: i64 = 7;

/// A page's text two ways: whole (for excerpts) and main (for comparing).
#[derive(Debug)]
pub struct PageText {
    /// The whole text, as a snapshot's text is derived.
    pub full: SourceText,
    /// The main text, normalised.
    pub main: String,
    /// The page's title, when it has one.
    pub title: String,
}

impl PageText {
    /// The text of a page: `html` (already decoded from its charset) when
    /// it is HTML, else `full` alone.
    pub fn new(full: SourceText, html: Option<&str>, url: Option<&str>) -> PageText {
        let (main, title) = match html {
            Some(html) => {
                main_text(html, url).unwrap_or_else(|| (full.as_str().to_string(), String::new()))
            }
            None => (full.as_str().to_string(), String::new()),
        };
        PageText {
            main: normalise(&main),
            full,
            title,
        }
    }
}

impl PageText {
    /// A snapshot with no text to quote (a PDF, an image): compared by its
    /// bytes' SHA-256, with no excerpt to find.
    pub fn opaque(bytes: &[u8]) -> PageText {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(bytes);
        PageText {
            full: SourceText::new(String::new()),
            main: digest.iter().map(|b| format!("{b:02x}")).collect(),
            title: String::new(),
        }
    }
}

/// The main text and title of an HTML page by Readability's rules, or
/// `None` when it finds no article (a bare or huge page).
pub fn main_text(html: &str, url: Option<&str>) -> Option<(String, String)> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut reader = dom_smoothie::Readability::new(html, url, Some(config)).ok()?;
    let article = reader.parse().ok()?;
    let text = article.text_content.to_string();
    (!text.trim().is_empty()).then_some((text, article.title))
}

fn volatile() -> &'static [Regex; 2] {
    static PATTERNS: std::sync::OnceLock<[Regex; 2]> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        let dates = [
            r"\d{4}-\d{1,2}-\d{1,2}(?:[t ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?".to_string(),
            r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}".to_string(),
            format!(r"{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"),
            format!(r"\d{{1,2}}\s+{month}(?:\s+\d{{4}})?"),
            r"\d{4}年\d{1,2}月(?:\d{1,2}日)?".to_string(),
            r"\d{1,2}月\d{1,2}日".to_string(),
            r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:utc|gmt|[a-z]{2,4}t))?".to_string(),
            r"\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago".to_string(),
            r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)前".to_string(),
        ];
        let counters = [
            r"[\d.,]+\s*[km]?\s+(?:views?|comments?|shares?|likes?|reads?|reactions?|replies|reply|readers?)".to_string(),
            r"(?:阅读|评论|点赞|浏览|转发)(?:量|数)?\s*[:：]?\s*[\d.,]+\s*[万千]?".to_string(),
        ];
        let either = |list: &[String]| {
            Regex::new(&format!("(?i)(?:{})", list.join("|"))).expect("the patterns are valid")
        };
        [either(&dates), either(&counters)]
    })
}

/// A text as compared: NFKC, lower case, typographic quotes folded, runs of
/// spaces made one, blank lines dropped, and in short lines (bylines,
/// datelines, "3 hours ago", "1,204 comments") dates, times and counters
/// replaced by `#`.
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(folded.len());
    for line in folded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        let line = if line.chars().count() <= SHORT_LINE {
            let [dates, counters] = volatile();
            let line = dates.replace_all(&line, "#");
            counters.replace_all(&line, "#").into_owned()
        } else {
            line
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// How alike two normalised texts are: the share of their 4-character
/// pieces (spaces left out) that they have in common, 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    fn pieces(s: &str) -> HashSet<[char; 4]> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        chars.windows(4).map(|w| [w[0], w[1], w[2], w[3]]).collect()
    }
    let (a, b) = (pieces(a), pieces(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = a.intersection(&b).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Whether a page reads like an error or placeholder page: its title or
/// the start of its text says the page is not there.
pub fn reads_like_not_found(title: &str, main: &str) -> bool {
    const SAYINGS: &[&str] = &[
        "not found",
        "404",
        "doesn't exist",
        "does not exist",
        "no longer available",
        "no longer exists",
        "cannot be found",
        "can't be found",
        "could not be found",
        "couldn't find",
        "could not find",
        "page unavailable",
        "content unavailable",
        "has been removed",
        "has been deleted",
        "页面不存在",
        "找不到",
        "未找到",
        "已删除",
        "已被删除",
        "不存在",
        "ページが見つかりません",
    ];
    let head: String = normalise(title) + &main.chars().take(600).collect::<String>();
    SAYINGS.iter().any(|s| head.contains(s))
}

/// One cited excerpt, as a watch found it.
#[derive(Debug, Clone, Serialize)]
pub struct ExcerptFound {
    pub excerpt: String,
    /// Still on the page.
    pub found: bool,
    /// The passage of the page now most like it (when not found).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest: Option<String>,
    /// From the excerpt to that passage, word by word (characters for
    /// Chinese): `[-removed-]{+added+}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

/// The page as fetched now.
pub struct Now<'a> {
    pub text: &'a PageText,
    pub status: u16,
    /// The URL that answered, when a redirect led away from the one asked.
    pub redirected_to: Option<&'a str>,
}

/// The snapshot as captured then.
pub struct Then<'a> {
    pub text: &'a PageText,
    /// The URL that answered then (after its redirects).
    pub final_url: &'a str,
    /// The excerpts cited from it.
    pub excerpts: &'a [String],
}

/// What a page that answered has become, and each excerpt as found.
pub fn classify(then: &Then, now: &Now) -> (WatchOutcome, Vec<ExcerptFound>) {
    let excerpts: Vec<ExcerptFound> = then
        .excerpts
        .iter()
        .map(|e| find_excerpt(&now.text.full, e))
        .collect();
    if matches!(now.status, 404 | 410) {
        return (WatchOutcome::Gone, excerpts);
    }
    let all_found = excerpts.iter().all(|e| e.found);
    let alike = similarity(&then.text.main, &now.text.main);
    if !all_found || alike < SAME_PAGE {
        if reads_like_not_found(&now.text.title, &now.text.main)
            && !reads_like_not_found(&then.text.title, &then.text.main)
            && alike < SAME_PAGE
        {
            return (WatchOutcome::Soft404, excerpts);
        }
        let elsewhere = now.redirected_to.is_some_and(|u| u != then.final_url);
        if elsewhere && (!all_found || (then.excerpts.is_empty() && alike < SAME_PAGE)) {
            return (WatchOutcome::Moved, excerpts);
        }
        if !all_found {
            return (WatchOutcome::ExcerptChanged, excerpts);
        }
    }
    if then.text.main == now.text.main {
        (WatchOutcome::Unchanged, excerpts)
    } else {
        (WatchOutcome::Changed, excerpts)
    }
}

/// An excerpt looked for as `evidence add` looks for it; when absent, the
/// closest passage and the words that differ.
pub fn find_excerpt(text: &SourceText, excerpt: &str) -> ExcerptFound {
    if text.contains_excerpt(excerpt) {
        return ExcerptFound {
            excerpt: excerpt.to_string(),
            found: true,
            closest: None,
            diff: None,
        };
    }
    let closest = text
        .closest_passage(excerpt)
        .map(|(s, e)| crate::anchor::one_line(whole_words(text, s, e).trim()).to_string());
    let diff = closest
        .as_deref()
        .map(|c| render_diff(&revise::word_diff(excerpt, c)));
    ExcerptFound {
        excerpt: excerpt.to_string(),
        found: false,
        closest,
        diff,
    }
}

/// Characters `[start, end)` of `text`, widened to whole words (a passage
/// found by its pieces may begin or end inside one) and cut at a blank line.
fn whole_words(text: &SourceText, mut start: usize, mut end: usize) -> String {
    let at = |i: usize| text.slice(i, i + 1).chars().next().unwrap_or(' ');
    // Letters of scripts written with spaces; Chinese and Japanese have no
    // words to widen to.
    let inside = |c: char| c.is_alphanumeric() && (c as u32) < 0x2e80;
    while start > 0 && inside(at(start - 1)) && inside(at(start)) {
        start -= 1;
    }
    while end < text.char_len() && end > 0 && inside(at(end - 1)) && inside(at(end)) {
        end += 1;
    }
    let passage = text.slice(start, end);
    let passage = passage.trim();
    passage
        .split("\n\n")
        .max_by_key(|p| p.len())
        .unwrap_or(passage)
        .trim()
        .to_string()
}

/// A word diff in one line: `[-removed-]{+added+}` around what stayed.
pub fn render_diff(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        for p in &c.pieces {
            match p.op {
                "delete" => out.push_str(&format!("[-{}-]", p.text)),
                "insert" => out.push_str(&format!("{{+{}+}}", p.text)),
                _ => out.push_str(&p.text),
            }
        }
    }
    crate::anchor::one_line(&out).to_string()
}

/// The lost excerpts of a watch, for the record.
pub fn lost(excerpts: &[ExcerptFound]) -> Vec<LostExcerpt> {
    excerpts
        .iter()
        .filter(|e| !e.found)
        .map(|e| LostExcerpt {
            excerpt: e.excerpt.clone(),
            closest: e.closest.clone(),
        })
        .collect()
}

/// Whether a page that could not be reached now is gone: it failed on
/// this run and on the runs before it, [`GONE_AFTER_FAILURES`] in a row
/// over at least [`GONE_AFTER_DAYS`] days. One failure is never enough.
pub fn unreachable_long_enough(earlier: &[Watch], now: Time) -> bool {
    let failing: Vec<&Watch> = earlier
        .iter()
        .rev()
        .take_while(|w| w.outcome == WatchOutcome::Unreachable)
        .collect();
    let Some(first) = failing.last() else {
        return false;
    };
    failing.len() + 1 >= GONE_AFTER_FAILURES
        && now.timestamp().duration_since(first.at.timestamp())
            >= jiff::SignedDuration::from_hours(24 * GONE_AFTER_DAYS)
}

/// A `Retry-After` value (seconds or an HTTP date) as a wait from `now`.
pub fn retry_after(value: &str, now: jiff::Timestamp) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    Some(Duration::try_from(at.duration_since(now)).unwrap_or(Duration::ZERO))
}

/// Asks a Wayback-style CDX endpoint for the archived capture of `url`
/// nearest to `near`. `None`: the archive has none.
pub fn archive_lookup(
    endpoint: &str,
    url: &str,
    near: Time,
    options: Options,
) -> Result<Option<Archived>> {
    let stamp = near.timestamp().strftime("%Y%m%d%H%M%S").to_string();
    let query = format!(
        "{endpoint}{}url={}&output=json&fl=timestamp,original,statuscode&filter=statuscode:200&closest={stamp}&sort=closest&limit=1",
        if endpoint.contains('?') { '&' } else { '?' },
        encode_component(url)
    );
    let asked = fetch::check_url(&query)?;
    let exchange = fetch::fetch(&asked, options)?;
    let status = exchange.last().status;
    if status != 200 {
        return Err(Error::usage(format!(
            "the archive lookup `{endpoint}` answered {status}"
        )));
    }
    let rows: Vec<Vec<String>> = serde_json::from_slice(&exchange.content).map_err(|e| {
        Error::usage(format!(
            "the archive lookup `{endpoint}` did not answer with CDX JSON: {e}"
        ))
    })?;
    // The first row names the fields.
    let Some(row) = rows.get(1) else {
        return Ok(None);
    };
    let (Some(stamp), Some(original)) = (row.first(), row.get(1)) else {
        return Ok(None);
    };
    let Ok(at) = jiff::civil::DateTime::strptime("%Y%m%d%H%M%S", stamp) else {
        return Ok(None);
    };
    let Ok(at) = jiff::tz::Offset::UTC.to_timestamp(at) else {
        return Ok(None);
    };
    let replay = match endpoint.find("/cdx") {
        Some(i) => format!("{}/web/{stamp}/{original}", &endpoint[..i]),
        None => format!("{endpoint}/{stamp}/{original}"),
    };
    Ok(Some(Archived {
        url: replay,
        at: Time::new(at),
    }))
}

/// Percent-encodes a URL for a query string.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How politely and how long a run may fetch.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Fetches at once, across hosts.
    pub jobs: usize,
    /// The pause between two requests to one host.
    pub delay: Duration,
    /// When the whole run must end.
    pub deadline: Instant,
    /// Limits of one fetch.
    pub fetch: Options,
}

/// What one fetch gave.
pub enum Fetched {
    /// An answer (of any status).
    Answered(Box<Exchange>),
    /// No answer: why.
    Failed(String),
    /// The run's time ran out before this page's turn.
    OutOfTime,
}

/// Counts a run's fetches, for the benchmark and for `--format json`.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Tally {
    /// Requests sent.
    pub requests: usize,
    /// Most requests in flight at once.
    pub max_in_flight: usize,
    /// Most requests in flight at once to one host.
    pub max_per_host: usize,
    /// Requests that waited for a `Retry-After`.
    pub retried: usize,
}

struct Host {
    queue: VecDeque<usize>,
    busy: bool,
    /// Requests to it in flight (never more than one).
    in_flight: usize,
    next: Instant,
    /// Requests retried after a `Retry-After`, per job.
    retried: HashSet<usize>,
}

struct State {
    hosts: BTreeMap<String, Host>,
    in_flight: usize,
    tally: Tally,
}

/// The host part of a URL (`host:port`): one request at a time goes there.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    rest[..end].to_ascii_lowercase()
}

/// Fetches every URL in `urls` within `limits`: at most `jobs` at once,
/// one at a time per host with `delay` between, a `Retry-After` on 429 or
/// 503 honoured (the page asked again once, if the wait fits), nothing
/// started after the deadline. `done` is called with each URL's index and
/// result as it comes, on the thread that called `schedule`.
pub fn schedule(urls: &[String], limits: Limits, mut done: impl FnMut(usize, Fetched)) -> Tally {
    let mut hosts: BTreeMap<String, Host> = BTreeMap::new();
    let start = Instant::now();
    for (i, url) in urls.iter().enumerate() {
        hosts
            .entry(host_of(url))
            .or_insert_with(|| Host {
                queue: VecDeque::new(),
                busy: false,
                in_flight: 0,
                next: start,
                retried: HashSet::new(),
            })
            .queue
            .push_back(i);
    }
    let state = Mutex::new(State {
        hosts,
        in_flight: 0,
        tally: Tally::default(),
    });
    let wake = Condvar::new();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Fetched)>();
    let workers = limits.jobs.max(1).min(urls.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (state, wake) = (&state, &wake);
            scope.spawn(move || worker(urls, limits, state, wake, &tx));
        }
        drop(tx);
        for (i, result) in rx {
            done(i, result);
        }
    });
    state.into_inner().map(|s| s.tally).unwrap_or_default()
}

fn worker(
    urls: &[String],
    limits: Limits,
    state: &Mutex<State>,
    wake: &Condvar,
    tx: &std::sync::mpsc::Sender<(usize, Fetched)>,
) {
    let Ok(mut guard) = state.lock() else { return };
    loop {
        let now = Instant::now();
        if guard.hosts.values().all(|h| h.queue.is_empty()) {
            wake.notify_all();
            return;
        }
        if now >= limits.deadline {
            // Out of time: what has not started is left for the next run.
            let left: Vec<usize> = guard
                .hosts
                .values_mut()
                .flat_map(|h| h.queue.drain(..))
                .collect();
            drop(guard);
            for i in left {
                let _ = tx.send((i, Fetched::OutOfTime));
            }
            wake.notify_all();
            return;
        }
        let ready = guard
            .hosts
            .iter()
            .filter(|(_, h)| !h.busy && !h.queue.is_empty())
            .min_by_key(|(_, h)| h.next)
            .map(|(name, h)| (name.clone(), h.next));
        let name = match ready {
            Some((name, at)) if at <= now => name,
            Some((_, at)) => {
                let wait = at.min(limits.deadline).saturating_duration_since(now);
                guard = match wake.wait_timeout(guard, wait) {
                    Ok((g, _)) => g,
                    Err(_) => return,
                };
                continue;
            }
            None => {
                // Every host with work is busy: wait for one to finish.
                let wait = limits.deadline.saturating_duration_since(now);
                guard = match wake.wait_timeout(guard, wait) {
                    Ok((g, _)) => g,
                    Err(_) => return,
                };
                continue;
            }
        };
        guard.in_flight += 1;
        guard.tally.requests += 1;
        guard.tally.max_in_flight = guard.tally.max_in_flight.max(guard.in_flight);
        let host = guard.hosts.get_mut(&name).expect("the host was just found");
        let i = host.queue.pop_front().expect("the host has work");
        host.busy = true;
        host.in_flight += 1;
        let per_host = host.in_flight;
        guard.tally.max_per_host = guard.tally.max_per_host.max(per_host);
        drop(guard);

        let remaining = limits.deadline.saturating_duration_since(Instant::now());
        let options = Options {
            timeout: limits
                .fetch
                .timeout
                .min(remaining)
                .max(Duration::from_millis(1)),
            ..limits.fetch
        };
        let result = fetch::check_url(&urls[i])
            .and_then(|url| fetch::fetch(&url, options))
            .map_err(|e| e.to_string());
        let wait = match &result {
            Ok(x) if matches!(x.last().status, 429 | 503) => x
                .last()
                .header("retry-after")
                .and_then(|v| retry_after(v, jiff::Timestamp::now())),
            _ => None,
        };

        let Ok(g) = state.lock() else { return };
        guard = g;
        guard.in_flight -= 1;
        let host = guard.hosts.get_mut(&name).expect("hosts are never removed");
        host.busy = false;
        host.in_flight -= 1;
        host.next = Instant::now() + limits.delay.max(wait.unwrap_or_default());
        let again = wait.is_some_and(|w| {
            w <= MAX_RETRY_AFTER && Instant::now() + w < limits.deadline && host.retried.insert(i)
        });
        if again {
            host.queue.push_front(i);
            guard.tally.retried += 1;
        } else {
            let fetched = match result {
                Ok(x) => Fetched::Answered(Box::new(x)),
                Err(why) => Fetched::Failed(why),
            };
            let _ = tx.send((i, fetched));
        }
        wake.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> PageText {
        let full = crate::text::decode_charset(html.as_bytes().to_vec(), "text/html", None, "t")
            .expect("html decodes");
        PageText::new(SourceText::new(full), Some(html), Some("http://x.test/a"))
    }

    #[test]
    fn dates_and_counters_in_short_lines_do_not_count() {
        let a = normalise(
            "By Jane Doe · Updated May 13, 2024 10:32 GMT\n1,204 comments\nThe team had nine days.",
        );
        let b = normalise(
            "By Jane Doe · Updated Dec 3, 2026 09:01 GMT\n1,350 comments\nThe team had nine days.",
        );
        assert_eq!(a, b);
        let c = normalise("The team had ten days.");
        assert_ne!(normalise("The team had nine days."), c);
        assert_eq!(
            normalise("更新于2024年5月13日 阅读 1234"),
            normalise("更新于2026年12月3日 阅读 98765")
        );
    }

    #[test]
    fn long_paragraphs_keep_their_dates() {
        let body = "On May 13, 2024, OpenAI released the model after a safety review that the team says was far too short to be meaningful, according to three people who worked on it.";
        assert!(body.chars().count() > SHORT_LINE);
        assert_ne!(
            normalise(body),
            normalise(&body.replace("May 13", "May 14"))
        );
    }

    #[test]
    fn similarity_is_shared_pieces() {
        assert_eq!(similarity("abcdef", "abcdef"), 1.0);
        assert_eq!(similarity("abcdef", "uvwxyz"), 0.0);
        assert!(similarity("the quick brown fox", "the quick brown cat") > 0.5);
    }

    #[test]
    fn a_not_found_template_reads_like_one() {
        assert!(reads_like_not_found("Page not found", ""));
        assert!(reads_like_not_found(
            "",
            "sorry, the page you asked for does not exist.\n"
        ));
        assert!(reads_like_not_found("", "页面不存在"));
        assert!(!reads_like_not_found(
            "The nine days",
            "the safety team had nine days.\n"
        ));
    }

    #[test]
    fn an_edited_excerpt_is_found_closest_with_its_diff() {
        let text = SourceText::new(
            "Intro.\nThe safety team had only ten days to test the model.\nEnd.".into(),
        );
        let f = find_excerpt(
            &text,
            "The safety team had only nine days to test the model.",
        );
        assert!(!f.found);
        assert_eq!(
            f.closest.as_deref(),
            Some("The safety team had only ten days to test the model.")
        );
        assert_eq!(
            f.diff.as_deref(),
            Some("The safety team had only [-nine-]{+ten+} days to test the model.")
        );
        assert!(find_excerpt(&text, "had only ten\ndays").found);
    }

    #[test]
    fn classes_from_pages() {
        let article = |body: &str, aside: &str| {
            format!(
                "<html><head><title>Nine days</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
                 <aside class='ad'>{aside}</aside><article><h1>Nine days</h1><p class='byline'>Updated May 13, 2024</p>\
                 <p>{body}</p><p>Staff worked long hours through the spring to prepare the launch, and several people on the team later said that the schedule left too little room for careful evaluation of the risks involved.</p></article></body></html>"
            )
        };
        let excerpts = vec!["The safety team had only nine days to test the model.".to_string()];
        let then_page = page(&article(
            "The safety team had only nine days to test the model.",
            "Buy shoes",
        ));
        let then = Then {
            text: &then_page,
            final_url: "http://x.test/a",
            excerpts: &excerpts,
        };
        let now = |p: &PageText, status: u16, to: Option<&'static str>| {
            classify(
                &then,
                &Now {
                    text: p,
                    status,
                    redirected_to: to,
                },
            )
            .0
        };
        let ads = page(&article(
            "The safety team had only nine days to test the model.",
            "Buy hats",
        ))
        .main;
        assert_eq!(ads, then_page.main, "ads are not main text");
        let edited = page(&article(
            "The safety team had only ten days to test the model.",
            "Buy shoes",
        ));
        assert_eq!(now(&edited, 200, None), WatchOutcome::ExcerptChanged);
        let gone = page("<html><body>Not Found</body></html>");
        assert_eq!(now(&gone, 404, None), WatchOutcome::Gone);
        let soft = page(
            "<html><head><title>Page not found</title></head><body><h1>Sorry, this page does not exist</h1><p>Try the home page.</p></body></html>",
        );
        assert_eq!(now(&soft, 200, None), WatchOutcome::Soft404);
        let other = page(
            "<html><head><title>Home</title></head><body><h1>Welcome</h1><p>Latest stories from the desk, updated every hour with the news that matters to our readers across the region.</p></body></html>",
        );
        assert_eq!(
            now(&other, 200, Some("http://x.test/")),
            WatchOutcome::Moved
        );
        let more = page(&article(
            "The safety team had only nine days to test the model. A spokesperson declined to comment.",
            "Buy shoes",
        ));
        assert_eq!(now(&more, 200, None), WatchOutcome::Changed);
    }

    #[test]
    fn one_failure_is_never_gone() {
        let at = |s: &str| s.parse::<Time>().unwrap();
        let w = |s: &str| Watch {
            at: at(s),
            by: "ci".into(),
            outcome: WatchOutcome::Unreachable,
            url: "http://x.test/".into(),
            final_url: None,
            status: None,
            capture: None,
            lost: Vec::new(),
            error: Some("refused".into()),
            archived: None,
        };
        assert!(!unreachable_long_enough(&[], at("2026-12-10T00:00:00Z")));
        let two = [w("2026-12-01T00:00:00Z"), w("2026-12-05T00:00:00Z")];
        assert!(unreachable_long_enough(&two, at("2026-12-09T00:00:00Z")));
        assert!(!unreachable_long_enough(&two, at("2026-12-06T00:00:00Z")));
        assert!(!unreachable_long_enough(
            &two[1..],
            at("2026-12-20T00:00:00Z")
        ));
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        let now: jiff::Timestamp = "2026-12-03T10:00:00Z".parse().unwrap();
        assert_eq!(retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Thu, 03 Dec 2026 10:00:05 GMT", now),
            Some(Duration::from_secs(5))
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn hosts_are_host_and_port() {
        assert_eq!(host_of("http://127.0.0.1:8080/a?b"), "127.0.0.1:8080");
        assert_eq!(host_of("https://Example.org"), "example.org");
    }
}
