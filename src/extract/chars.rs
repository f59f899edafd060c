//! Character classes and slice helpers the scanners share: what counts as
//! a CJK character, a digit, a space, a terminator, a bracket pair.

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '〇')
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn digit_value(c: char) -> u64 {
    if c.is_ascii_digit() {
        u64::from(c) - u64::from('0')
    } else {
        u64::from(c) - u64::from('０')
    }
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Punctuation that ends a sentence wherever it appears (the ASCII full
/// stop is handled separately because of abbreviations and decimals).
pub(super) const TERMINATORS: [char; 8] = ['。', '｡', '！', '？', '；', '!', '?', '…'];

/// Paired punctuation: a terminator inside a pair does not end the sentence,
/// so a quoted or bracketed remark stays with the sentence around it.
pub(super) const PAIRS: [(char, char); 10] = [
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('(', ')'),
    ('[', ']'),
    ('【', '】'),
    ('《', '》'),
    ('〈', '〉'),
];

pub(super) fn closer_for(open: char) -> Option<char> {
    PAIRS.iter().find(|(o, _)| *o == open).map(|(_, c)| *c)
}

pub(super) fn is_closer(c: char) -> bool {
    PAIRS.iter().any(|(_, cl)| *cl == c)
}

pub(super) fn starts_with_at(chars: &[char], i: usize, pat: &str) -> bool {
    (i..)
        .zip(pat.chars())
        .all(|(k, p)| chars.get(k) == Some(&p))
}

pub(super) fn starts_with_ci_at(chars: &[char], i: usize, pat: &str) -> bool {
    (i..)
        .zip(pat.chars())
        .all(|(k, p)| chars.get(k).is_some_and(|c| c.eq_ignore_ascii_case(&p)))
}

pub(super) fn contains_seq(chars: &[char], pat: &str) -> bool {
    (0..chars.len()).any(|i| starts_with_at(chars, i, pat))
}

pub(super) fn trim_slice(chars: &[char]) -> &[char] {
    let a = chars
        .iter()
        .position(|c| !is_space(*c))
        .unwrap_or(chars.len());
    let b = chars
        .iter()
        .rposition(|c| !is_space(*c))
        .map_or(a, |p| p + 1);
    &chars[a..b]
}
