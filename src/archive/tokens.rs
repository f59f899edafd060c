//! The archive's own tokens, the same for every engine, so a query ranks the
//! same on one machine and on the desk's server: English (and any Latin-script
//! text) lower-cased, stripped of common words and stemmed (Snowball); Chinese
//! segmented into words (jieba) plus every character bigram, so a paraphrase
//! that segments differently still meets the archived claim's characters.
//! Links are dropped: a shortened URL says nothing about the claim.

use std::sync::OnceLock;

use jieba_rs::Jieba;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// The tokens of `text`, in order (a token may repeat).
pub fn tokens(text: &str) -> Vec<String> {
    let text: String = text.nfkc().collect();
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        if is_link(word) {
            continue;
        }
        let mut latin = String::new();
        let mut han = String::new();
        for c in word.chars() {
            if is_han(c) {
                flush_latin(&mut latin, &mut out);
                han.push(c);
            } else if c.is_alphanumeric() {
                flush_han(&mut han, &mut out);
                latin.push(c);
            } else {
                flush_latin(&mut latin, &mut out);
                flush_han(&mut han, &mut out);
            }
        }
        flush_latin(&mut latin, &mut out);
        flush_han(&mut han, &mut out);
    }
    out
}

/// The text's words as written, for showing which matched: Latin-script
/// words whole, Chinese segmented.
pub fn surfaces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace().filter(|w| !is_link(w)) {
        let mut run = String::new();
        let mut han = false;
        for c in word.chars().chain([' ']) {
            let this_han = is_han(c);
            if !(c.is_alphanumeric() || this_han) || (this_han != han && !run.is_empty()) {
                if han {
                    out.extend(jieba().cut(&run, true).into_iter().map(str::to_string));
                } else if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
                run.clear();
            }
            if c.is_alphanumeric() || this_han {
                run.push(c);
                han = this_han;
            }
        }
    }
    out
}

fn is_link(word: &str) -> bool {
    let lower = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["http://", "https://", "www."].iter().any(|p| {
        lower
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    })
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// A Latin-script word: split where a hashtag runs words together in camel
/// case (`#FakeNews`), lower-cased, common words dropped, stemmed.
fn flush_latin(word: &mut String, out: &mut Vec<String>) {
    if word.is_empty() {
        return;
    }
    for part in camel_parts(word) {
        let lower = part.to_lowercase();
        if STOPWORDS.binary_search(&lower.as_str()).is_ok() {
            continue;
        }
        out.push(stemmer().stem(&lower).into_owned());
    }
    word.clear();
}

/// `FakeNews` → `Fake`, `News`; `NASA`, `iPhone`, `covid19` stay whole.
fn camel_parts(word: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mixed = chars.iter().any(|(_, c)| c.is_lowercase())
        && chars.iter().skip(1).any(|(_, c)| c.is_uppercase());
    if !mixed || !chars[0].1.is_uppercase() {
        return vec![word];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for w in chars.windows(2) {
        let ((_, a), (i, b)) = (w[0], w[1]);
        if a.is_lowercase() && b.is_uppercase() {
            parts.push(&word[start..i]);
            start = i;
        }
    }
    parts.push(&word[start..]);
    parts
}

/// A run of Chinese characters: its words, then its character bigrams (a
/// lone character is its own token).
fn flush_han(run: &mut String, out: &mut Vec<String>) {
    if run.is_empty() {
        return;
    }
    for w in jieba().cut(run, true) {
        if !HAN_STOPWORDS.contains(&w) {
            out.push(w.to_string());
        }
    }
    let chars: Vec<char> = run.chars().collect();
    if chars.len() > 1 {
        for pair in chars.windows(2) {
            out.push(pair.iter().collect());
        }
    }
    run.clear();
}

/// Chinese function words that match anything.
const HAN_STOPWORDS: &[&str] = &[
    "的", "了", "是", "在", "和", "与", "及", "或", "也", "都", "就", "而", "被", "把", "对", "为",
    "这", "那", "有", "其", "之", "等", "并", "但", "又",
];

/// Snowball's English stop words (sorted, for the binary search).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_the_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn english_is_lowercased_stemmed_and_links_dropped() {
        assert_eq!(
            tokens("The Senators were VOTING on #FakeNews https://t.co/abc"),
            ["senat", "vote", "fake", "news"]
        );
    }

    #[test]
    fn chinese_gets_words_and_bigrams() {
        let t = tokens("疫苗导致自闭症");
        assert!(t.contains(&"疫苗".to_string()), "{t:?}");
        assert!(t.contains(&"苗导".to_string()), "{t:?}");
        assert!(t.contains(&"自闭症".to_string()), "{t:?}");
    }

    #[test]
    fn a_curly_apostrophe_near_the_start_is_not_cut_in_half() {
        assert_eq!(tokens("Santa’s America’s"), ["santa", "s", "america", "s"]);
    }

    #[test]
    fn mixed_scripts_split_at_the_boundary() {
        let t = tokens("GDP增长5%");
        assert_eq!(&t[..1], ["gdp"]);
        assert!(
            t.contains(&"增长".to_string()) && t.contains(&"5".to_string()),
            "{t:?}"
        );
    }
}
