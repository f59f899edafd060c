//! What the English model sees of one sentence: the scanner's cues
//! (figures, dates, names, attribution, …), its length, and its words —
//! lower-cased English stems (rust-stemmers' Snowball), any number as `#` —
//! alone and in pairs, the first word paired with the sentence's opening.
//! Each feature is present or absent (value 1 or 0): the model is a weight
//! per feature name.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::score::{self, Feature};

/// One feature of a sentence: `key` is its name in the model, `shown` how a
/// reason quotes it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) key: String,
    pub(crate) shown: String,
}

/// Length buckets, in words: short fragments and long speeches differ.
const LENGTHS: [(usize, &str); 5] = [
    (5, "len:<5"),
    (10, "len:5-9"),
    (20, "len:10-19"),
    (40, "len:20-39"),
    (usize::MAX, "len:40+"),
];

/// The features of `sentence`, each once, cues first, in a fixed order.
pub(crate) fn features(sentence: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut push = |key: String, shown: String| {
        if !out.iter().any(|f| f.key == key) {
            out.push(Found { key, shown });
        }
    };
    for (feature, text) in score::scan(sentence) {
        if matches!(feature, Feature::Headline | Feature::Lede) {
            continue;
        }
        let label = feature.label();
        let shown = if text.is_empty() {
            label.to_string()
        } else {
            format!("{label}: {text}")
        };
        push(format!("cue:{label}"), shown);
    }
    let words = tokens(sentence);
    let bucket = LENGTHS
        .iter()
        .find(|(below, _)| words.len() < *below)
        .map_or("len:40+", |(_, name)| name);
    let shown = match words.len() {
        1 => "1 word".to_string(),
        n => format!("{n} words"),
    };
    push(bucket.to_string(), shown);
    let mut prev: Option<&(String, String)> = None;
    for w in &words {
        push(format!("w:{}", w.0), format!("\"{}\"", w.1));
        match prev {
            Some(p) => push(format!("b:{} {}", p.0, w.0), format!("\"{} {}\"", p.1, w.1)),
            None => push(format!("b:^ {}", w.0), format!("opens with \"{}\"", w.1)),
        }
        prev = Some(w);
    }
    out
}

/// Words of a sentence as `(stem, surface)`: letters and digits with inner
/// apostrophes; a word with a digit is the number `#`; `$` and `%` are words.
pub(crate) fn tokens(sentence: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<(String, String)>| {
        let w = word.trim_matches('\'');
        if !w.is_empty() {
            let lower = w.to_lowercase();
            let norm = if lower.chars().any(|c| c.is_ascii_digit()) {
                "#".to_string()
            } else {
                stemmer().stem(&lower).into_owned()
            };
            out.push((norm, w.to_string()));
        }
        word.clear();
    };
    for c in sentence.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || (c == '\'' && !word.is_empty()) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            if matches!(c, '$' | '%') {
                out.push((c.to_string(), c.to_string()));
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        features(s).into_iter().map(|f| f.key).collect()
    }

    #[test]
    fn words_are_stemmed_numbers_folded_and_paired() {
        let k = keys("Taxes rose 35% in 2023.");
        for key in [
            "w:tax",
            "w:rose",
            "w:#",
            "w:%",
            "b:^ tax",
            "b:tax rose",
            "b:# %",
            "cue:percent",
            "cue:date",
            "len:5-9",
        ] {
            assert!(k.iter().any(|x| x == key), "{key} missing from {k:?}");
        }
        assert_eq!(
            k.len(),
            k.iter().collect::<std::collections::HashSet<_>>().len()
        );
    }

    #[test]
    fn a_one_word_sentence_is_shown_as_one_word_not_one_words() {
        let shown = |s: &str| {
            features(s)
                .into_iter()
                .find(|f| f.key.starts_with("len:"))
                .map(|f| f.shown)
        };
        assert_eq!(shown("Yes").as_deref(), Some("1 word"));
        assert_eq!(shown("Yes, sir").as_deref(), Some("2 words"));
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        let t: Vec<String> = tokens("I'm sure it’s 'fine'")
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(t, ["I'm", "sure", "it's", "fine"]);
    }
}
