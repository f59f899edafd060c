//! Cutting one prose line into sentences: Chinese and ASCII terminators,
//! closing quotes and brackets that stay with their sentence, abbreviations,
//! initials and decimals that do not end one, and emphasis trimmed at the edges.

use super::Sentence;
use super::chars::*;

/// Matched quotes and brackets on one line, as seen from each position of
/// `[start, end)`: whether it lies strictly inside a pair, and whether it
/// closes a pair. Unmatched openers are ignored so that one stray `(` cannot
/// swallow the rest of the line.
pub(super) struct Nesting {
    inside: Vec<bool>,
    closes: Vec<bool>,
}

pub(super) fn nesting(chars: &[char], start: usize, end: usize) -> Nesting {
    let n = end - start;
    let mut diff = vec![0i32; n + 1];
    let mut closes = vec![false; n];
    let mut mark = |open: usize, close: usize| {
        diff[open + 1 - start] += 1;
        diff[close - start] -= 1;
        closes[close - start] = true;
    };
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut ascii_quote: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        if c == '"' {
            match ascii_quote.take() {
                Some(open) => mark(open, i),
                None => ascii_quote = Some(i),
            }
        } else if let Some(close) = closer_for(c) {
            stack.push((close, i));
        } else if is_closer(c)
            && let Some(pos) = stack.iter().rposition(|(cl, _)| *cl == c)
        {
            mark(stack[pos].1, i);
            stack.truncate(pos);
        }
    }
    let mut depth = 0;
    let inside = diff[..n]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect();
    Nesting { inside, closes }
}

/// Common English abbreviations after which a full stop does not end the
/// sentence even before a capitalised word (`Dr. Smith`, `Acme Inc. CEO`).
#[rustfmt::skip]
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "ltd", "co", "corp", "llc",
    "plc", "vs", "etc", "gen", "gov", "sen", "rep", "rev", "lt", "col", "sgt", "capt", "adm", "fig",
    "approx", "dept", "univ", "est",
];

/// The ASCII letters and dots just before position `i` (`U.S`, `e.g`, `Dr`).
pub(super) fn word_before(chars: &[char], line_start: usize, i: usize) -> String {
    let mut a = i;
    while a > line_start && (chars[a - 1].is_ascii_alphabetic() || chars[a - 1] == '.') {
        a -= 1;
    }
    chars[a..i]
        .iter()
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

pub(super) fn is_abbreviation(word: &str) -> bool {
    let single_initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    let dotted = word.contains('.');
    single_initial || dotted || ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

/// Whether the ASCII full stop at `i` ends a sentence: not a decimal point,
/// not inside a token (`x.com`), not after an abbreviation or initial, and
/// followed by the end of the line, CJK text, or a capitalised word.
pub(super) fn period_ends_sentence(
    chars: &[char],
    line_start: usize,
    end: usize,
    i: usize,
) -> bool {
    let dots_end = i + chars[i..end].iter().take_while(|c| **c == '.').count();
    let ellipsis = dots_end - i >= 2;
    let mut k = dots_end;
    while k < end && (is_closer(chars[k]) || chars[k] == '"' || chars[k] == '*') {
        k += 1;
    }
    let abbreviation = !ellipsis && is_abbreviation(&word_before(chars, line_start, i));
    if k >= end {
        return true;
    }
    let next = chars[k];
    if is_cjk(next) {
        return !abbreviation;
    }
    if !is_space(next) {
        return false;
    }
    let mut m = k;
    while m < end
        && (is_space(chars[m]) || matches!(chars[m], '*' | '_' | '"' | '“' | '(' | '[' | '（'))
    {
        m += 1;
    }
    if m >= end {
        return true;
    }
    let starts_sentence = chars[m].is_uppercase() || is_cjk(chars[m]);
    starts_sentence && !abbreviation
}

pub(super) fn count_seq(chars: &[char], pat: &str) -> usize {
    let len = pat.chars().count();
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        if starts_with_at(chars, i, pat) {
            n += 1;
            i += len;
        } else {
            i += 1;
        }
    }
    n
}

/// After a terminator, keep closing quotes, brackets and a closing `**`
/// with the sentence they close.
pub(super) fn absorb_closers(chars: &[char], seg: usize, mut j: usize, end: usize) -> usize {
    while j < end {
        let c = chars[j];
        let open_ascii_quote =
            c == '"' && chars[seg..j].iter().filter(|x| **x == '"').count() % 2 == 1;
        let open_strong =
            starts_with_at(chars, j, "**") && count_seq(&chars[seg..j], "**") % 2 == 1;
        if is_closer(c) || open_ascii_quote {
            j += 1;
        } else if open_strong && j + 2 <= end {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// Whether the char at `i` ends a sentence when it is not inside a pair.
pub(super) fn is_terminator_at(chars: &[char], start: usize, end: usize, i: usize) -> bool {
    let c = chars[i];
    // `![` opens an inline image, not an exclamation.
    let image = c == '!' && chars.get(i + 1) == Some(&'[');
    (TERMINATORS.contains(&c) && !image) || (c == '.' && period_ends_sentence(chars, start, end, i))
}

pub(super) fn split_line(chars: &[char], start: usize, end: usize, out: &mut Vec<Sentence>) {
    let nest = nesting(chars, start, end);
    let mut seg = start;
    let mut i = start;
    while i < end {
        let k = i - start;
        // A quote or bracket that is itself a finished sentence ("“…。”",
        // "（…。）") ends the sentence when it closes; a terminator inside a
        // pair otherwise does not.
        let closes_sentence = !nest.inside[k]
            && nest.closes[k]
            && i > seg
            && is_terminator_at(chars, start, end, i - 1);
        let ends = !nest.inside[k] && is_terminator_at(chars, start, end, i);
        if !closes_sentence && !ends {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < end && (TERMINATORS.contains(&chars[j]) || chars[j] == '.') {
            j += 1;
        }
        j = absorb_closers(chars, seg, j, end);
        push_trimmed(chars, seg, j, out);
        seg = j;
        i = j;
    }
    push_trimmed(chars, seg, end, out);
}

/// The strong-emphasis marker (`**` or `__`) at `i`, if any.
pub(super) fn strong_at(chars: &[char], i: usize) -> Option<&'static str> {
    ["**", "__"]
        .into_iter()
        .find(|m| starts_with_at(chars, i, m))
}

/// Push `[a, b)` trimmed of whitespace and of emphasis markers that do not
/// belong to it: one `**` pair wrapping the whole sentence, or a dangling
/// marker left over from an emphasis that spans a sentence boundary.
/// Balanced emphasis inside (or at one edge of) the sentence is kept,
/// because the text must stay an exact, quotable slice of the source.
pub(super) fn push_trimmed(chars: &[char], mut a: usize, mut b: usize, out: &mut Vec<Sentence>) {
    loop {
        while a < b && is_space(chars[a]) {
            a += 1;
        }
        while b > a && is_space(chars[b - 1]) {
            b -= 1;
        }
        if b < a + 4 {
            break;
        }
        let count = |m: &str| count_seq(&chars[a..b], m);
        let lead = strong_at(chars, a);
        let trail = strong_at(chars, b - 2);
        if lead.is_some() && lead == trail && lead.is_some_and(|m| count(m) == 2) {
            a += 2;
            b -= 2;
        } else if lead.is_some_and(|m| count(m) % 2 == 1) {
            a += 2;
        } else if trail.is_some_and(|m| count(m) % 2 == 1) {
            b -= 2;
        } else {
            break;
        }
    }
    if chars[a..b].iter().any(|c| c.is_alphanumeric()) {
        out.push(Sentence {
            text: chars[a..b].iter().collect(),
            start: a,
            end: b,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    // --- segmentation: Chinese --------------------------------------------

    #[test]
    fn segments_chinese_terminators() {
        let got = texts("第一句话在这里。第二句话！第三句话？第四句话；第五句话……第六句话");
        assert_eq!(
            got,
            [
                "第一句话在这里。",
                "第二句话！",
                "第三句话？",
                "第四句话；",
                "第五句话……",
                "第六句话"
            ]
        );
    }

    #[test]
    fn segments_repeated_terminators_as_one_end() {
        assert_eq!(
            texts("真的不要安全了？？！下一句。"),
            ["真的不要安全了？？！", "下一句。"]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            texts("他们都说“公司对安全重视程度不足”。随后离开了。"),
            ["他们都说“公司对安全重视程度不足”。", "随后离开了。"]
        );
        // Full stops inside a quote do not split it; the one before the
        // closing quote ends the sentence.
        assert_eq!(
            texts("他说：“我们会按时发布。下周见。”随后离开了。"),
            ["他说：“我们会按时发布。下周见。”", "随后离开了。"]
        );
        assert_eq!(texts("他说“不行”就走了。"), ["他说“不行”就走了。"]);
    }

    #[test]
    fn closing_bracket_stays_with_its_sentence() {
        assert_eq!(
            texts("（真不知道是说这些元老们太顾念公司。）下一句在这里。"),
            ["（真不知道是说这些元老们太顾念公司。）", "下一句在这里。"]
        );
        assert_eq!(
            texts("最终在本周三（9月25日）才全量发布。"),
            ["最终在本周三（9月25日）才全量发布。"]
        );
    }

    #[test]
    fn chinese_ellipsis_ends_sentence() {
        assert_eq!(
            texts("但能咋办，发都发布出去了……然后呢"),
            ["但能咋办，发都发布出去了……", "然后呢"]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            texts("动荡内幕终于曝光——\r\nOpenAI的离开\n"),
            ["动荡内幕终于曝光——", "OpenAI的离开"]
        );
    }

    #[test]
    fn unmatched_bracket_does_not_swallow_the_line() {
        assert_eq!(
            texts("第一点（没有闭合。第二句。"),
            ["第一点（没有闭合。", "第二句。"]
        );
    }

    // --- segmentation: English --------------------------------------------

    #[test]
    fn english_titles_and_company_abbreviations() {
        assert_eq!(
            texts("Dr. Smith met Mr. Jones at Acme Inc. on Monday. They talked."),
            [
                "Dr. Smith met Mr. Jones at Acme Inc. on Monday.",
                "They talked."
            ]
        );
        assert_eq!(
            texts("Shares of Acme Inc. CEO Jane Roe rose."),
            ["Shares of Acme Inc. CEO Jane Roe rose."]
        );
    }

    #[test]
    fn english_dotted_abbreviations_and_decimals() {
        assert_eq!(
            texts("The U.S. economy grew 3.5 percent. Prices fell."),
            ["The U.S. economy grew 3.5 percent.", "Prices fell."]
        );
        assert_eq!(
            texts("Some firms, e.g. Apple, agreed. Others did not."),
            ["Some firms, e.g. Apple, agreed.", "Others did not."]
        );
    }

    #[test]
    fn english_initials() {
        assert_eq!(
            texts("J. R. R. Tolkien wrote it in 1937. It sold well."),
            ["J. R. R. Tolkien wrote it in 1937.", "It sold well."]
        );
    }

    #[test]
    fn english_quotes_and_lowercase_continuation() {
        assert_eq!(
            texts("He said \"we will ship.\" Then he left. It was approx. five days."),
            [
                "He said \"we will ship.\"",
                "Then he left.",
                "It was approx. five days."
            ]
        );
    }

    #[test]
    fn mixed_script_full_stop_before_chinese() {
        assert_eq!(texts("It is dead.然后呢"), ["It is dead.", "然后呢"]);
        assert_eq!(texts("访问 x.com 查看。"), ["访问 x.com 查看。"]);
    }
}
