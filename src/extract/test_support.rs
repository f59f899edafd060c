//! Helpers the extract tests share.

pub use super::{candidates, score, sentences};

pub const ARTICLE: &str = include_str!("../../tests/fixtures/article.md");

pub fn texts(text: &str) -> Vec<String> {
    sentences(text).into_iter().map(|s| s.text).collect()
}

/// The scanner's reasons (the hand-weighted cue score's), English or Chinese.
pub fn reasons(sentence: &str) -> Vec<String> {
    super::score::score(sentence).1
}

pub fn has_reason(sentence: &str, reason: &str) -> bool {
    reasons(sentence).iter().any(|r| r == reason)
}

pub fn has_feature(sentence: &str, label: &str) -> bool {
    reasons(sentence).iter().any(|r| r.starts_with(label))
}

/// The quoting contract: `[start, end)` in chars selects `text` exactly.
pub fn assert_offsets(source: &str, start: usize, end: usize, text: &str) {
    let slice: String = source.chars().skip(start).take(end - start).collect();
    assert_eq!(
        slice, text,
        "offsets [{start}, {end}) do not select the text"
    );
}
