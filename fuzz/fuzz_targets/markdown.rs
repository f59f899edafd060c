//! Markdown escaping: whatever a record holds, the escaped text rendered by
//! a CommonMark parser shows exactly that text (line breaks as spaces) and
//! never any HTML.
#![no_main]

use factcheck::report::escape_inline;
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser};

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fuzz_target!(|s: String| {
    // CommonMark replaces NUL with U+FFFD: not the escaper's doing.
    if s.contains('\0') {
        return;
    }
    let md = escape_inline(&s);
    let mut shown = String::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("live HTML {h:?} from {s:?} via {md:?}"),
            Event::Text(t) | Event::Code(t) => shown.push_str(&t),
            Event::SoftBreak | Event::HardBreak => shown.push(' '),
            _ => {}
        }
    }
    assert_eq!(words(&shown), words(&s), "{s:?} escaped as {md:?}");
});
