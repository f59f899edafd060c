//! The article's text for the annotated article page: headline, paragraphs,
//! and segments that each list every claim whose quote covers them.
//!
//! Quotes overlap and nest (one claim checks a sentence, another a number in
//! it), so a page cannot wrap each quote in an element of its own. The text is
//! cut at every quote's start and end and at every paragraph break, in one
//! sweep over the sorted boundaries — O(n log n) in the claims, plus one pass
//! over the text — and each piece carries the claims covering it. The work is
//! done the first time a template asks for `article_text`, so a report that
//! never does pays only for having read the article.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, Value};
use serde::Serialize;

use crate::anchor::{self, Found};
use crate::model::{Anchor, Status};
use crate::text::SourceText;

/// A claim anchored in the article: its template value, its status and
/// where it says it is.
#[derive(Debug)]
pub struct Quoted {
    pub id: String,
    pub claim: Value,
    pub status: Status,
    pub anchor: Anchor,
}

/// `article_text`: the article's text and its claims, cut into segments on
/// first use.
pub struct ArticleText {
    text: SourceText,
    /// Gives the claims quoting the article, when the view is first built:
    /// a report that never shows the article does not hold their anchors.
    quoted: Box<dyn Fn() -> Vec<Quoted> + Send + Sync>,
    view: OnceLock<View>,
}

impl std::fmt::Debug for ArticleText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArticleText").finish_non_exhaustive()
    }
}

/// What a template sees, built once.
#[derive(Debug)]
struct View {
    headline: Value,
    paragraphs: Value,
    segments: Value,
    shown: Value,
    not_shown: Value,
    highlighted: Value,
}

const FIELDS: &[&str] = &[
    "headline",
    "paragraphs",
    "segments",
    "shown",
    "not_shown",
    "highlighted",
];

/// The words of the article page, `labels.page.<name>`, in English and
/// Chinese (see `LABELS` in the parent module).
pub const LABELS: &[(&str, &str, &str)] = &[
    ("page.title", "Annotated article", "批注版文章"),
    ("page.text", "Article text", "文章正文"),
    ("page.show", "Show", "显示"),
    (
        "page.keys",
        "Click or focus a highlight to see its claim. j / k: next / previous claim. Esc: close.",
        "点击或聚焦高亮处查看核查详情。j / k：下一条 / 上一条。Esc：关闭。",
    ),
    ("page.close", "Close", "关闭"),
    ("page.panel", "Claim details", "核查详情"),
    ("page.claim", "Claim", "说法"),
    (
        "page.not_found",
        "Its quote was not found in the article's text.",
        "文章正文中找不到这段引文。",
    ),
    (
        "page.no_text",
        "No article text to show: no article is set, or its snapshot cannot be read.",
        "没有可显示的正文：未设置文章，或其快照无法读取。",
    ),
    ("page.bottom_line", "Bottom line", "核查结论"),
    ("page.recommended", "The records recommend", "按记录建议"),
    ("page.means", "What it means", "含义"),
    ("page.publisher", "Publisher", "发布者"),
    ("page.link", "Link", "链接"),
    ("page.in_text", "highlighted in the text", "已在正文中标出"),
    (
        "page.no_font",
        "This machine has no font for the article's characters, so they show as boxes: install one (e.g. Noto Sans CJK, Debian's fonts-noto-cjk) and reload.",
        "This machine has no font for Chinese characters, so they show as boxes: install one (e.g. Noto Sans CJK, Debian's fonts-noto-cjk) and reload.",
    ),
];

impl ArticleText {
    /// `quoted` gives the claims in article order: a segment lists its
    /// claims in that order. It is called once, when a field is first read.
    pub fn new(
        text: SourceText,
        quoted: impl Fn() -> Vec<Quoted> + Send + Sync + 'static,
    ) -> ArticleText {
        ArticleText {
            text,
            quoted: Box::new(quoted),
            view: OnceLock::new(),
        }
    }

    /// The template value; nothing is computed until a field is read.
    pub fn into_value(self) -> Value {
        Value::from_object(self)
    }

    fn view(&self) -> &View {
        self.view
            .get_or_init(|| build(&self.text, &(self.quoted)()))
    }
}

impl Object for ArticleText {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let view = self.view();
        let value = match key.as_str()? {
            "headline" => &view.headline,
            "paragraphs" => &view.paragraphs,
            "segments" => &view.segments,
            "shown" => &view.shown,
            "not_shown" => &view.not_shown,
            "highlighted" => &view.highlighted,
            _ => return None,
        };
        Some(value.clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(FIELDS)
    }
}

/// How much a status needs an editor's eye: where quotes overlap, the
/// segment is shown in the colour of the one that needs it most.
fn urgency(status: Status) -> u8 {
    match status {
        Status::Verified => 0,
        Status::Unverifiable => 1,
        Status::Unverified => 2,
        Status::Disputed => 3,
    }
}

/// A piece of text with the same claims and the same inline Markdown style
/// over all of it.
#[derive(Serialize)]
struct Segment {
    text: String,
    claims: Vec<Value>,
    status: Option<Status>,
    ends: Vec<Value>,
    strong: bool,
    em: bool,
    code: bool,
    /// The target of a Markdown link over it, when it is http(s).
    href: Option<String>,
    /// Markdown markup (`**`, backticks, `](url)`), which the page hides.
    markup: bool,
}

/// The inline Markdown style of a run of a paragraph's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Style {
    /// Markup the page does not show: `**`, backticks, `[`, `](url)`.
    hidden: bool,
    strong: bool,
    em: bool,
    code: bool,
    href: Option<String>,
}

/// The inline Markdown of the paragraph `s[start..end]`, as runs that cover
/// it: emphasis, strong, code and links, with their delimiters hidden. Bytes
/// outside any inline element keep the default style (block markers such as
/// `# ` or `- ` stay as written), so every quote's offsets still point at the
/// snapshot's own characters.
fn inline_runs(s: &str, start: usize, end: usize) -> Vec<(usize, usize, Style)> {
    use pulldown_cmark::{Event, Parser, Tag};
    let text = &s[start..end];
    let mut styles: Vec<Option<Style>> = vec![None; text.len()];
    let mut stack: Vec<Style> = vec![Style::default()];
    let mark = |styles: &mut Vec<Option<Style>>, from: usize, to: usize, style: &Style| {
        for slot in &mut styles[from..to.min(text.len())] {
            *slot = Some(style.clone());
        }
    };
    let mut inline_ranges: Vec<(usize, usize)> = Vec::new();
    for (event, range) in Parser::new(text).into_offset_iter() {
        let top = stack.last().cloned().unwrap_or_default();
        match event {
            Event::Start(tag) => {
                let mut next = top.clone();
                let inline = match tag {
                    Tag::Strong => {
                        next.strong = true;
                        true
                    }
                    Tag::Emphasis => {
                        next.em = true;
                        true
                    }
                    Tag::Link { dest_url, .. } => {
                        let url = dest_url.trim();
                        let lower = url.to_ascii_lowercase();
                        if lower.starts_with("https://") || lower.starts_with("http://") {
                            next.href = Some(url.to_string());
                        }
                        true
                    }
                    _ => false,
                };
                if inline {
                    inline_ranges.push((range.start, range.end));
                }
                stack.push(next);
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(_) => mark(&mut styles, range.start, range.end, &top),
            Event::Code(_) => {
                inline_ranges.push((range.start, range.end));
                let raw = &text[range.clone()];
                let ticks = raw.len() - raw.trim_start_matches('`').len();
                let mut code = top.clone();
                code.code = true;
                mark(&mut styles, range.start + ticks, range.end - ticks, &code);
            }
            Event::SoftBreak | Event::HardBreak => mark(&mut styles, range.start, range.end, &top),
            _ => {}
        }
    }
    // Inside an inline element, what no text event covered is its markup.
    let hidden = Style {
        hidden: true,
        ..Style::default()
    };
    for (from, to) in inline_ranges {
        for slot in &mut styles[from..to.min(text.len())] {
            if slot.is_none() {
                *slot = Some(hidden.clone());
            }
        }
    }
    let mut runs: Vec<(usize, usize, Style)> = Vec::new();
    for (i, slot) in styles.into_iter().enumerate() {
        let style = slot.unwrap_or_default();
        match runs.last_mut() {
            Some((_, e, last)) if *last == style => *e = start + i + 1,
            _ => runs.push((start + i, start + i + 1, style)),
        }
    }
    runs
}

#[derive(Serialize)]
struct Paragraph {
    segments: Vec<Value>,
    rule: bool,
}

#[derive(Serialize)]
struct Headline {
    text: String,
    segments: Vec<Value>,
}

/// A stretch of text the page shows, in byte offsets.
#[derive(Clone, Copy)]
struct Region {
    start: usize,
    end: usize,
    headline: bool,
}

/// A segment before it becomes a value: byte span and claim indexes.
struct Piece {
    region: usize,
    start: usize,
    end: usize,
    claims: Vec<usize>,
    ends: Vec<usize>,
}

fn build(text: &SourceText, quoted: &[Quoted]) -> View {
    let s = text.as_str();
    let (body, title) = front_matter(s);
    let mut regions: Vec<Region> = Vec::new();
    if let Some((start, end)) = title {
        regions.push(Region {
            start,
            end,
            headline: true,
        });
    }
    let starts = paragraph_starts(s, body);
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(s.len());
        regions.push(Region {
            start,
            end,
            headline: false,
        });
    }

    // Where each claim's quote is now: its offsets, else its quote found
    // again by its context (as `check` does), else nowhere.
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(quoted.len() * 2);
    for (k, q) in quoted.iter().enumerate() {
        let span = match anchor::find(text, &q.anchor) {
            Found::InPlace => Some((q.anchor.start, q.anchor.end)),
            Found::Moved { start, end } => Some((start, end)),
            Found::Lost => None,
        };
        if let Some((start, end)) = span.filter(|(start, end)| start < end) {
            events.push((text.byte_of(start), true, k));
            events.push((text.byte_of(end), false, k));
        }
    }
    events.sort_unstable();

    let mut pieces: Vec<Piece> = Vec::new();
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut next_event = 0;
    for (r, region) in regions.iter().enumerate() {
        let mut pos = region.start;
        loop {
            while let Some(&(at, open, k)) = events.get(next_event) {
                if at > pos {
                    break;
                }
                if open {
                    active.insert(k);
                } else {
                    active.remove(&k);
                }
                next_event += 1;
            }
            let until = events
                .get(next_event)
                .map(|&(at, _, _)| at)
                .filter(|&at| at < region.end)
                .unwrap_or(region.end);
            if until > pos {
                pieces.push(Piece {
                    region: r,
                    start: pos,
                    end: until,
                    claims: active.iter().copied().collect(),
                    ends: Vec::new(),
                });
            }
            pos = until;
            if pos >= region.end {
                break;
            }
        }
    }

    // A claim's mark goes after the last piece it covers.
    let mut last: Vec<Option<usize>> = vec![None; quoted.len()];
    for (i, piece) in pieces.iter().enumerate() {
        for &k in &piece.claims {
            last[k] = Some(i);
        }
    }
    for (k, at) in last.iter().enumerate() {
        if let Some(i) = at {
            pieces[*i].ends.push(k);
        }
    }

    // Each piece of a paragraph cut again where its inline Markdown style
    // changes; the markup stays in the page, hidden, so a highlight's text
    // is still its quote character for character.
    let mut styled: Vec<(Piece, Style)> = Vec::with_capacity(pieces.len());
    let mut runs_of: Vec<Option<Vec<(usize, usize, Style)>>> = vec![None; regions.len()];
    for piece in pieces {
        let region = regions[piece.region];
        if region.headline {
            styled.push((piece, Style::default()));
            continue;
        }
        let runs =
            runs_of[piece.region].get_or_insert_with(|| inline_runs(s, region.start, region.end));
        let first = runs.partition_point(|r| r.1 <= piece.start);
        let mut parts: Vec<(usize, usize, Style)> = runs[first..]
            .iter()
            .take_while(|r| r.0 < piece.end)
            .map(|(a, b, st)| ((*a).max(piece.start), (*b).min(piece.end), st.clone()))
            .collect();
        if parts.is_empty() {
            parts.push((piece.start, piece.end, Style::default()));
        }
        let last = parts.len() - 1;
        for (i, (a, b, style)) in parts.into_iter().enumerate() {
            let ends = if i == last {
                piece.ends.clone()
            } else {
                Vec::new()
            };
            styled.push((
                Piece {
                    region: piece.region,
                    start: a,
                    end: b,
                    claims: piece.claims.clone(),
                    ends,
                },
                style,
            ));
        }
    }

    let claim = |k: &usize| quoted[*k].claim.clone();
    let mut by_region: Vec<Vec<Value>> = vec![Vec::new(); regions.len()];
    let mut all = Vec::with_capacity(styled.len());
    let mut rule_ok = vec![true; regions.len()];
    for (piece, style) in &styled {
        let status = piece
            .claims
            .iter()
            .map(|&k| quoted[k].status)
            .max_by_key(|&s| urgency(s));
        if !piece.claims.is_empty() {
            rule_ok[piece.region] = false;
        }
        let value = Value::from(Serde(Segment {
            text: s[piece.start..piece.end].to_string(),
            claims: piece.claims.iter().map(claim).collect(),
            status,
            ends: piece.ends.iter().map(claim).collect(),
            strong: style.strong,
            em: style.em,
            code: style.code,
            href: style.href.clone(),
            markup: style.hidden,
        }));
        by_region[piece.region].push(value.clone());
        all.push(value);
    }

    let mut headline = Value::from(());
    let mut paragraphs = Vec::with_capacity(regions.len());
    for ((region, segments), rule_ok) in regions.iter().zip(by_region).zip(rule_ok) {
        if region.headline {
            headline = Value::from(Serde(Headline {
                text: s[region.start..region.end].to_string(),
                segments,
            }));
        } else {
            let rule = rule_ok && is_rule(&s[region.start..region.end]);
            paragraphs.push(Value::from(Serde(Paragraph { segments, rule })));
        }
    }
    let mut shown = Vec::new();
    let mut not_shown = Vec::new();
    let mut highlighted = std::collections::BTreeMap::new();
    for (k, q) in quoted.iter().enumerate() {
        highlighted.insert(q.id.clone(), last[k].is_some());
        if last[k].is_some() {
            shown.push(q.claim.clone());
        } else {
            not_shown.push(q.claim.clone());
        }
    }
    View {
        headline,
        paragraphs: Value::from(paragraphs),
        segments: Value::from(all),
        shown: Value::from(shown),
        not_shown: Value::from(not_shown),
        highlighted: Value::from(highlighted),
    }
}

/// Lines with their byte offsets, newline included.
fn lines_at(s: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    s[from..].split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        (start, line)
    })
}

/// Front matter (`---` … `---` or `...` at the very start): where the body
/// begins, and the byte span of the `title:` value, without its quotes.
/// Without front matter the body is the whole text.
fn front_matter(s: &str) -> (usize, Option<(usize, usize)>) {
    let mut lines = lines_at(s, 0);
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return (0, None),
    }
    let mut title = None;
    for (start, line) in lines {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return (start + line.len(), title);
        }
        if title.is_none()
            && let Some(value) = bare.strip_prefix("title:")
        {
            let lead = value.len() - value.trim_start().len();
            let value = value.trim();
            let begin = start + "title:".len() + lead;
            let quoted = value.len() >= 2
                && (value.starts_with('\'') && value.ends_with('\'')
                    || value.starts_with('"') && value.ends_with('"'));
            title = match (quoted, value.is_empty()) {
                (true, _) => Some((begin + 1, begin + value.len() - 1)),
                (false, false) => Some((begin, begin + value.len())),
                (false, true) => None,
            }
            .filter(|(a, b)| a < b);
        }
    }
    (0, None)
}

/// Where each paragraph starts: at the first line that is not blank after
/// a blank one. A paragraph runs to the next one's start, so the blank lines
/// after it are part of it and every character of the body is in one.
/// Blank lines before the first paragraph are not shown.
fn paragraph_starts(s: &str, body: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut in_paragraph = false;
    for (start, line) in lines_at(s, body) {
        let blank = line.trim().is_empty();
        if !blank && !in_paragraph {
            starts.push(start);
        }
        in_paragraph = !blank;
    }
    starts
}

/// A Markdown thematic break: `---`, `***` or `___` (three or more, spaces
/// allowed) alone in its paragraph.
fn is_rule(paragraph: &str) -> bool {
    let line = paragraph.trim();
    let mut marks = line.chars().filter(|c| *c != ' ' && *c != '\t');
    let first = marks.next();
    matches!(first, Some('-' | '*' | '_'))
        && marks.clone().count() >= 2
        && marks.all(|c| Some(c) == first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;

    fn quoted(text: &SourceText, id: &str, status: Status, quote: &str) -> Quoted {
        let (start, end) = text.find_all(quote)[0];
        let source: SourceId = format!("sha256:{}", "a".repeat(64)).parse().expect("id");
        Quoted {
            id: id.to_string(),
            claim: Value::from(id),
            status,
            anchor: anchor::anchor(source, text, start, end),
        }
    }

    /// The segments as `text[ids]` strings, paragraphs separated by `|`.
    fn cut(text: &str, claims: &[(&str, Status, &str)]) -> (String, String) {
        let st = SourceText::new(text.to_string());
        let q: Vec<Quoted> = claims
            .iter()
            .map(|(id, status, quote)| quoted(&st, id, *status, quote))
            .collect();
        let view = build(&st, &q);
        let show = |segments: &Value| {
            segments
                .try_iter()
                .expect("a list")
                .map(|seg| {
                    let ids: Vec<String> = seg
                        .get_attr("claims")
                        .expect("claims")
                        .try_iter()
                        .expect("a list")
                        .map(|c| c.to_string())
                        .collect();
                    let text = seg.get_attr("text").expect("text").to_string();
                    if ids.is_empty() {
                        text
                    } else {
                        format!("{text}[{}]", ids.join(","))
                    }
                })
                .collect::<Vec<_>>()
                .join("")
        };
        let paragraphs = view
            .paragraphs
            .try_iter()
            .expect("a list")
            .map(|p| show(&p.get_attr("segments").expect("segments")))
            .collect::<Vec<_>>()
            .join("|");
        let headline = if view.headline.is_none() {
            String::new()
        } else {
            show(&view.headline.get_attr("segments").expect("segments"))
        };
        (headline, paragraphs)
    }

    /// Each segment of the first paragraph as `text` with its style:
    /// `*` strong, `/` em, `` ` `` code, `@url` link, `~` hidden markup.
    fn styles(text: &str, claims: &[(&str, Status, &str)]) -> Vec<String> {
        let st = SourceText::new(text.to_string());
        let q: Vec<Quoted> = claims
            .iter()
            .map(|(id, status, quote)| quoted(&st, id, *status, quote))
            .collect();
        let view = build(&st, &q);
        let first = view
            .paragraphs
            .try_iter()
            .expect("a list")
            .next()
            .expect("one");
        first
            .get_attr("segments")
            .expect("segments")
            .try_iter()
            .expect("a list")
            .map(|seg| {
                let flag = |k: &str, c: &'static str| -> &'static str {
                    if seg.get_attr(k).expect(k).is_true() {
                        c
                    } else {
                        ""
                    }
                };
                let href = seg.get_attr("href").expect("href");
                let link = if href.is_none() {
                    String::new()
                } else {
                    format!("@{href}")
                };
                let n = seg.get_attr("claims").expect("claims").len().unwrap_or(0);
                format!(
                    "{}{}{}{}{link}{}{}",
                    flag("strong", "*"),
                    flag("em", "/"),
                    flag("code", "`"),
                    flag("markup", "~"),
                    seg.get_attr("text").expect("text"),
                    if n > 0 {
                        format!("[{n}]")
                    } else {
                        String::new()
                    }
                )
            })
            .collect()
    }

    #[test]
    fn inline_markdown_is_styled_and_its_markup_kept_in_place_but_hidden() {
        let got = styles(
            "A **bold move** and `x = 1`, [a page](https://example.org/p) and [no](javascript:alert(1)).",
            &[("a", Status::Verified, "bold move** and `x")],
        );
        assert_eq!(
            got,
            [
                "A ",
                "~**",
                "*bold move[1]",
                "~**[1]",
                " and [1]",
                "~`[1]",
                "`x[1]",
                "` = 1",
                "~`",
                ", ",
                "~[",
                "@https://example.org/pa page",
                "~](https://example.org/p)",
                " and ",
                "~[",
                "no",
                "~](javascript:alert(1))",
                ".",
            ]
        );
        // Block markers stay as written: they are outside any inline element.
        let got = styles("# Heading *here*", &[]);
        assert_eq!(got, ["# Heading ", "~*", "/here", "~*"]);
    }

    #[test]
    fn overlapping_and_nested_quotes_split_into_segments_listing_every_claim() {
        let (_, p) = cut(
            "one two three four five",
            &[
                ("a", Status::Verified, "two three"),
                ("b", Status::Disputed, "three four"),
                ("c", Status::Unverified, "one two three four five"),
                ("d", Status::Verified, "three"),
            ],
        );
        assert_eq!(p, "one [c]two [a,c]three[a,b,c,d] four[b,c] five[c]");
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_a_quote_across_them_is_cut_there() {
        let (_, p) = cut(
            "first line\nsecond\n\n\nthird para\n---\n\n***\n",
            &[("x", Status::Disputed, "second\n\n\nthird")],
        );
        assert_eq!(
            p,
            "first line\nsecond\n\n\n[x]|third[x] para\n---\n\n|***\n"
        );
    }

    #[test]
    fn the_front_matter_title_is_the_headline_and_the_rest_is_not_shown() {
        let (h, p) = cut(
            "---\ntitle: 'Big news'\ndate: 2024-10-07\n---\n\nBody text.\n",
            &[
                ("t", Status::Verified, "news"),
                ("d", Status::Verified, "2024"),
                ("b", Status::Disputed, "Body"),
            ],
        );
        assert_eq!(h, "Big news[t]");
        assert_eq!(p, "Body[b] text.\n");
    }

    #[test]
    fn thematic_breaks_are_rules() {
        assert!(is_rule("---\n\n"));
        assert!(is_rule("* * *\n"));
        assert!(!is_rule("--"));
        assert!(!is_rule("-*-"));
        assert!(!is_rule("---\nmore"));
    }
}
