//! Quote selectors: finding the article's exact words, and finding them again.
//!
//! A claim's `appears_in` is a W3C Web Annotation TextQuoteSelector (the exact
//! words with up to 32 characters of context either side) together with a
//! TextPositionSelector (character offsets). The offsets are fast; the quote and
//! its context are what survive an edit to the offsets or a re-derived text,
//! so `check` uses them to re-anchor a claim whose offsets went stale.

use crate::error::{Error, Result};
use crate::model::{Anchor, SourceId};
use crate::text::SourceText;

/// How much context a selector keeps on each side.
pub const CONTEXT: usize = 32;

/// Finds `quote` in `text`. More than one occurrence is refused, listing them,
/// unless `occurrence` (1-based) picks one. A quote that is absent is refused
/// with the closest passage, when there is one.
pub fn locate(
    text: &SourceText,
    quote: &str,
    occurrence: Option<usize>,
    label: &str,
) -> Result<(usize, usize)> {
    if quote.is_empty() {
        return Err(Error::invalid("the quote is empty").with_hint_in(
            "give the article's exact words with `--quote`",
            "用 `--quote` 给出文章的原文",
        ));
    }
    let found = text.find_all(quote);
    match (found.as_slice(), occurrence) {
        ([], _) => {
            let mut err =
                Error::refused(format!("the quote does not occur in {label}: \"{quote}\""));
            if let Some((s, e)) = text.closest_passage(quote) {
                let passage = one_line(text.slice(s, e));
                err = err.with_hint_in(
                    format!(
                        "the closest passage, at offset {s}, reads: \"{passage}\"; copy the exact words from there"
                    ),
                    format!("最接近的段落（位于偏移 {s}）为：「{passage}」；请从那里逐字复制原文"),
                );
            } else {
                err = err.with_hint_in("copy the exact words from the snapshot (`factcheck extract` lists its sentences)", "从快照中逐字复制原文（`factcheck extract` 列出其中的句子）");
            }
            Err(err)
        }
        ([one], None | Some(1)) => Ok(*one),
        (many, Some(n)) if (1..=many.len()).contains(&n) => Ok(many[n - 1]),
        (many, Some(n)) => Err(Error::invalid(format!(
            "`--occurrence {n}` is out of range: the quote occurs {} time(s) in {label}",
            many.len()
        ))),
        (many, None) => {
            let list: Vec<String> = many
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| {
                    let (before, after) = text.context(s, e, 12);
                    format!(
                        "  {}. offset {s}: …{}[{}]{}…",
                        i + 1,
                        one_line(before),
                        one_line(text.slice(s, e)),
                        one_line(after)
                    )
                })
                .collect();
            Err(Error::refused(format!(
                "the quote occurs {} times in {label}:\n{}",
                many.len(),
                list.join("\n")
            ))
            .with_hint_in(
                "pick one with `--occurrence N`, or quote more words so it is unique",
                "用 `--occurrence N` 选定一处，或多引几个字使其唯一",
            ))
        }
    }
}

/// Builds the selector for characters `[start, end)` of `text`.
pub fn anchor(source: SourceId, text: &SourceText, start: usize, end: usize) -> Anchor {
    let (prefix, suffix) = text.context(start, end, CONTEXT);
    Anchor {
        source,
        exact: text.slice(start, end).to_string(),
        prefix: prefix.to_string(),
        suffix: suffix.to_string(),
        start,
        end,
    }
}

/// Where a selector points in the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The offsets select the quote.
    InPlace,
    /// The offsets are stale; the quote (with its context) is at these offsets.
    Moved { start: usize, end: usize },
    /// The quote no longer occurs.
    Lost,
}

/// Re-anchors a selector: the offsets first, then the quote with its context,
/// then the quote alone if it is unique.
pub fn find(text: &SourceText, anchor: &Anchor) -> Found {
    if anchor.end >= anchor.start
        && anchor.end <= text.char_len()
        && text.slice(anchor.start, anchor.end) == anchor.exact
    {
        return Found::InPlace;
    }
    let found = text.find_all(&anchor.exact);
    let best = found
        .iter()
        .map(|&(s, e)| (context_score(text, s, e, anchor), s, e))
        .max_by_key(|&(score, s, _)| (score, std::cmp::Reverse(s)));
    match best {
        Some((score, start, end)) if found.len() == 1 || score > 0 => Found::Moved { start, end },
        _ => Found::Lost,
    }
}

/// How many characters of a selector's prefix and suffix agree with the
/// text around `[start, end)`: the W3C TextQuoteSelector's tie-breaker.
pub fn context_score(text: &SourceText, start: usize, end: usize, anchor: &Anchor) -> usize {
    let (before, after) = text.context(start, end, CONTEXT);
    common_suffix(before, &anchor.prefix) + common_prefix(after, &anchor.suffix)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Newlines shown as `⏎` so a listing stays one line per entry.
pub fn one_line(s: &str) -> String {
    s.replace("\r\n", "⏎").replace('\n', "⏎")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> SourceId {
        SourceId::from_hex(&"a".repeat(64)).unwrap()
    }

    #[test]
    fn ambiguous_quotes_list_every_occurrence() {
        let t = SourceText::new("9天。然后又是9天。".into());
        let err = locate(&t, "9天", None, "the article")
            .unwrap_err()
            .to_string();
        assert!(err.contains("occurs 2 times"), "{err}");
        assert!(
            err.contains("offset 0") && err.contains("offset 7"),
            "{err}"
        );
        assert_eq!(locate(&t, "9天", Some(2), "x").unwrap(), (7, 9));
        assert!(locate(&t, "9天", Some(3), "x").is_err());
    }

    #[test]
    fn stale_offsets_are_found_again_by_quote_and_context() {
        let t = SourceText::new("一二三。安全团队仅得到了9天。四五六".into());
        let (s, e) = locate(&t, "仅得到了9天", None, "x").unwrap();
        let mut a = anchor(id(), &t, s, e);
        assert_eq!(find(&t, &a), Found::InPlace);
        a.start += 1;
        a.end += 1;
        assert_eq!(find(&t, &a), Found::Moved { start: s, end: e });
        a.exact = "仅得到了10天".into();
        assert_eq!(find(&t, &a), Found::Lost);
    }

    #[test]
    fn context_picks_the_right_one_of_two_occurrences() {
        let t = SourceText::new("甲说：是的。乙说：是的。".into());
        let mut a = anchor(id(), &t, 9, 11);
        assert_eq!(t.slice(9, 11), "是的");
        a.start = 0;
        a.end = 2;
        assert_eq!(find(&t, &a), Found::Moved { start: 9, end: 11 });
    }
}
