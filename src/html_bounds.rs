//! Bounds on the HTML that reaches the HTML-to-text converter.
//!
//! The HTML parser checks the stack of open elements on every start tag, so
//! its time grows with the square of the nesting depth (200,000 nested
//! `<div>`s: minutes), and the converter lays a table's columns out side by
//! side, so a row of tens of thousands of cells takes gigabytes. A page
//! never needs either: [`bounded`] measures both in one pass of the HTML
//! tokenizer (linear) and, only when a page goes past a bound, rewrites it
//! so that elements nested deeper than [`MAX_DEPTH`] lose their tags (their
//! text stays, in order) and a row's cells past [`MAX_CELLS`] start a new
//! row. A page within the bounds is passed on byte for byte, so the text of
//! every ordinary snapshot, and every offset stored into it, is unchanged.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements nested deeper than this lose their tags.
pub const MAX_DEPTH: usize = 256;
/// Cells in one table row before the row is broken.
pub const MAX_CELLS: usize = 256;

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Start tags that close an open element of the same group first (`<p>`
/// after `<p>`, `<li>` after `<li>`, `<td>` after `<th>` …).
fn group(name: &str) -> Option<&'static str> {
    Some(match name {
        "p" => "p",
        "li" => "li",
        "dt" | "dd" => "dt",
        "td" | "th" => "td",
        "tr" => "tr",
        "option" => "option",
        "rb" | "rt" | "rp" | "rtc" => "rt",
        _ => return None,
    })
}

/// Block-level start tags, which close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// The HTML to convert: `html` itself when it is within the bounds, else
/// a rewrite of it that is.
pub fn bounded(html: &[u8]) -> Cow<'_, [u8]> {
    // A page that cannot nest or lay out that much is not tokenized twice.
    let tags = html.iter().filter(|&&b| b == b'<').count();
    if tags <= MAX_DEPTH.min(MAX_CELLS) {
        return Cow::Borrowed(html);
    }
    let text = String::from_utf8_lossy(html);
    let measure = run(&text, false);
    if measure.max_depth <= MAX_DEPTH && measure.max_cells <= MAX_CELLS {
        return Cow::Borrowed(html);
    }
    Cow::Owned(run(&text, true).out.into_bytes())
}

/// What one pass found (and wrote, when rewriting).
#[derive(Default)]
struct Pass {
    rewrite: bool,
    /// Open elements: name, and whether its tags were kept.
    stack: Vec<(String, bool)>,
    /// Where each name stands in `stack` (its indexes, innermost last).
    open: HashMap<String, Vec<usize>>,
    /// Cells in the current row of each open table (innermost last).
    cells: Vec<usize>,
    max_depth: usize,
    max_cells: usize,
    out: String,
}

struct Sink(RefCell<Pass>);

fn run(text: &str, rewrite: bool) -> Pass {
    let sink = Sink(RefCell::new(Pass {
        rewrite,
        out: String::with_capacity(if rewrite { text.len() } else { 0 }),
        ..Pass::default()
    }));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

impl Pass {
    fn push(&mut self, name: &str, kept: bool) {
        self.open
            .entry(name.to_string())
            .or_default()
            .push(self.stack.len());
        self.stack.push((name.to_string(), kept));
        self.max_depth = self.max_depth.max(self.stack.len());
        if name == "table" {
            self.cells.push(0);
        }
    }

    /// Closes every element down to and including `at`; returns whether
    /// the element at `at` had its tags kept.
    fn pop_to(&mut self, at: usize) -> bool {
        let mut kept = true;
        while self.stack.len() > at {
            let Some((name, k)) = self.stack.pop() else {
                break;
            };
            if let Some(v) = self.open.get_mut(&name) {
                v.pop();
            }
            if name == "table" {
                self.cells.pop();
            }
            kept = k;
        }
        kept
    }

    /// Where the innermost open element named `name` stands.
    fn innermost(&self, name: &str) -> Option<usize> {
        self.open.get(name).and_then(|v| v.last().copied())
    }

    fn start(&mut self, tag: &Tag) {
        let name = tag.name.as_ref();
        if CLOSES_P.contains(&name)
            && let Some(at) = self.innermost("p")
        {
            self.pop_to(at);
        }
        if let Some(g) = group(name) {
            let same = match g {
                "dt" => self.innermost("dt").max(self.innermost("dd")),
                "td" => self.innermost("td").max(self.innermost("th")),
                "rt" => ["rb", "rt", "rp", "rtc"]
                    .iter()
                    .filter_map(|n| self.innermost(n))
                    .max(),
                _ => self.innermost(g),
            };
            // Not past the table the new cell or row belongs to.
            let table = self.innermost("table");
            if let Some(at) = same.filter(|&at| table.is_none_or(|t| at > t)) {
                self.pop_to(at);
            }
        }
        let mut break_row = false;
        if matches!(name, "td" | "th")
            && let Some(n) = self.cells.last_mut()
        {
            *n += 1;
            self.max_cells = self.max_cells.max(*n);
            if *n > MAX_CELLS {
                *n = 1;
                break_row = true;
            }
        }
        if name == "tr"
            && let Some(n) = self.cells.last_mut()
        {
            *n = 0;
        }
        let void = VOID.contains(&name) || tag.self_closing;
        let kept = self.stack.len() < MAX_DEPTH;
        if self.rewrite {
            if break_row && kept {
                self.out.push_str("</tr><tr>");
            }
            if kept {
                write_tag(&mut self.out, tag);
            }
        }
        if !void {
            self.push(name, kept);
        }
    }

    fn end(&mut self, tag: &Tag) {
        let name = tag.name.as_ref();
        let kept = match self.innermost(name) {
            Some(at) => self.pop_to(at),
            // A stray end tag: the parser ignores it (or makes `<p></p>`, `<br>`).
            None => self.stack.len() < MAX_DEPTH,
        };
        if self.rewrite && kept {
            write_tag(&mut self.out, tag);
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut pass = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    pass.start(&tag);
                    // The tokenizer reads these elements' contents as text,
                    // as the parser tells it to.
                    match tag.name.as_ref() {
                        "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            return TokenSinkResult::RawData(RawKind::Rawtext);
                        }
                        "title" | "textarea" => {
                            return TokenSinkResult::RawData(RawKind::Rcdata);
                        }
                        "plaintext" => return TokenSinkResult::Plaintext,
                        _ => {}
                    }
                }
                TagKind::EndTag => pass.end(&tag),
            },
            Token::CharacterTokens(text) if pass.rewrite => {
                for c in text.chars() {
                    escape_into(&mut pass.out, c, false);
                }
            }
            Token::DoctypeToken(_) if pass.rewrite => pass.out.push_str("<!DOCTYPE html>"),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn write_tag(out: &mut String, tag: &Tag) {
    out.push('<');
    if tag.kind == TagKind::EndTag {
        out.push('/');
    }
    out.push_str(tag.name.as_ref());
    if tag.kind == TagKind::StartTag {
        for attr in &tag.attrs {
            out.push(' ');
            out.push_str(attr.name.local.as_ref());
            out.push_str("=\"");
            for c in attr.value.chars() {
                escape_into(out, c, true);
            }
            out.push('"');
        }
        if tag.self_closing {
            out.push_str(" /");
        }
    }
    out.push('>');
}

fn escape_into(out: &mut String, c: char, in_attr: bool) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' if in_attr => out.push_str("&quot;"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_is_passed_on_as_it_is() {
        let page = include_bytes!("../tests/fixtures/page.html");
        assert!(matches!(bounded(page), Cow::Borrowed(_)));
        let unclosed = "<ul>".to_string() + &"<li><p>item".repeat(2000) + "</ul>";
        assert!(matches!(bounded(unclosed.as_bytes()), Cow::Borrowed(_)));
        let rows = "<table>".to_string() + &"<tr><td>a<td>b".repeat(2000) + "</table>";
        assert!(matches!(bounded(rows.as_bytes()), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_loses_its_tags_past_the_bound_and_keeps_its_text() {
        let deep =
            "<div>".repeat(5000) + "deep &amp; &lt;text&gt;" + &"</div>".repeat(5000) + "after";
        let out = String::from_utf8(bounded(deep.as_bytes()).into_owned()).unwrap();
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep &amp; &lt;text&gt;"), "{out}");
        assert!(out.ends_with("after"), "{out}");
    }

    #[test]
    fn a_wide_row_is_broken_into_rows_of_the_bounded_width() {
        let wide = "<table><tr>".to_string() + &"<td>c</td>".repeat(1000) + "</tr></table>";
        let out = String::from_utf8(bounded(wide.as_bytes()).into_owned()).unwrap();
        assert_eq!(out.matches("</tr><tr>").count(), 3);
        assert_eq!(out.matches("<td>").count(), 1000);
    }
}
