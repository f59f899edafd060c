//! How much of the article the desk checked: its check-worthy sentences (as
//! [`crate::extract`] finds them), those a claim's quote overlaps, and those
//! the desk dismissed with a reason (`dismissed.yaml`, a record under git
//! like the claims).
//!
//! The one call into `extract` is [`sentences`]: whatever makes a sentence
//! check-worthy is decided there.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extract::{self, Place};
use crate::model::{Dismissal, Language, SourceId};
use crate::workspace::Workspace;

/// One sentence of the article as coverage sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub score: f64,
    pub reasons: Vec<String>,
    /// Whether the desk should check it.
    pub checkworthy: bool,
    /// `headline` or `lede`, when it stands there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// Every sentence `extract` finds in `text`, best first, each with whether
/// it is check-worthy: `extract`'s own mark, at the thresholds calibrated
/// on the labelled debates (so `extract`, `--unclaimed` and the report's
/// coverage count the same sentences).
pub fn sentences(text: &str) -> Vec<Sentence> {
    extract::candidates(text)
        .into_iter()
        .map(|c| Sentence {
            checkworthy: c.checkworthy,
            text: c.text,
            start: c.start,
            end: c.end,
            score: c.score,
            reasons: c.reasons,
            place: c.place,
        })
        .collect()
}

/// [`sentences`] of the snapshot `id`, whose text is `text`, kept in the
/// workspace index between commands: they depend only on the snapshot's
/// bytes and this build, and scoring a long article takes seconds.
pub fn sentences_of(ws: &Workspace, id: &SourceId, text: &str) -> Vec<Sentence> {
    // The index keeps the article's only.
    if ws.config.article.as_ref() != Some(id) {
        return sentences(text);
    }
    if let Some(kept) = ws
        .kept_sentences(id)
        .and_then(|bytes| rmp_serde::from_slice::<Vec<Sentence>>(&bytes).ok())
    {
        return kept;
    }
    let found = sentences(text);
    // With field names: a field left out when empty shifts no other.
    if let Ok(bytes) = rmp_serde::to_vec_named(&found) {
        ws.keep_sentences(id, bytes);
    }
    found
}

/// Where the lede's sentences stand, in character offsets.
pub fn lede_spans(sentences: &[Sentence]) -> Vec<(usize, usize)> {
    sentences
        .iter()
        .filter(|s| s.place == Some(Place::Lede))
        .map(|s| (s.start, s.end))
        .collect()
}

/// Whether `dismissal` is of `sentence` in `source`: the same words (they
/// may have moved).
pub fn covers(dismissal: &Dismissal, source: &SourceId, sentence: &Sentence) -> bool {
    dismissal.source == *source && dismissal.exact == sentence.text
}

/// The desk's coverage of one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Check-worthy sentences.
    pub checkworthy: usize,
    /// Those a claim's quote overlaps.
    pub claimed: usize,
    /// Those dismissed (and not claimed).
    pub dismissed: usize,
    /// `(claimed + dismissed) / checkworthy`; 1 when nothing is check-worthy.
    pub share: f64,
    /// The statement for people, in the workspace's language.
    pub text: String,
}

/// Quotes sorted by start, with the furthest end among each prefix: whether
/// one overlaps a sentence takes a binary search, not a pass over every
/// quote (a desk's 10,000 claims against an article's thousands of
/// sentences).
struct Quoted {
    starts: Vec<usize>,
    /// `furthest[k]`: the largest end among the first `k + 1` quotes.
    furthest: Vec<usize>,
}

impl Quoted {
    fn new(quotes: &[(usize, usize)]) -> Quoted {
        let mut sorted = quotes.to_vec();
        sorted.sort_unstable();
        let furthest = sorted
            .iter()
            .scan(0, |far, &(_, end)| {
                *far = end.max(*far);
                Some(*far)
            })
            .collect();
        Quoted {
            starts: sorted.into_iter().map(|(start, _)| start).collect(),
            furthest,
        }
    }

    /// Whether a quote starting before the sentence ends ends after it starts.
    fn overlaps(&self, s: &Sentence) -> bool {
        let before_end = self.starts.partition_point(|&start| start < s.end);
        before_end > 0 && self.furthest[before_end - 1] > s.start
    }
}

/// The check-worthy sentences of `source` no quote overlaps and no
/// dismissal covers, in article order.
pub fn unclaimed<'a>(
    sentences: &'a [Sentence],
    source: &SourceId,
    quotes: &[(usize, usize)],
    dismissed: &[Dismissal],
) -> Vec<&'a Sentence> {
    let quoted = Quoted::new(quotes);
    let mut out: Vec<&Sentence> = sentences
        .iter()
        .filter(|s| s.checkworthy && !quoted.overlaps(s))
        .filter(|s| !dismissed.iter().any(|d| covers(d, source, s)))
        .collect();
    out.sort_by_key(|s| s.start);
    out
}

/// How many of `source`'s check-worthy sentences have a claim (`quotes`,
/// the claims' quotes in it) or a dismissal.
pub fn measure(
    sentences: &[Sentence],
    source: &SourceId,
    quotes: &[(usize, usize)],
    dismissed: &[Dismissal],
    language: Language,
) -> Coverage {
    let worthy: Vec<&Sentence> = sentences.iter().filter(|s| s.checkworthy).collect();
    let quoted = Quoted::new(quotes);
    let claimed = worthy.iter().filter(|s| quoted.overlaps(s)).count();
    let dismissed = worthy
        .iter()
        .filter(|s| !quoted.overlaps(s) && dismissed.iter().any(|d| covers(d, source, s)))
        .count();
    let n = worthy.len();
    let share = if n == 0 {
        1.0
    } else {
        (claimed + dismissed) as f64 / n as f64
    };
    let text = match language {
        Language::En => format!(
            "{claimed} of {n} check-worthy sentence{} {} a claim; {dismissed} dismissed",
            if n == 1 { "" } else { "s" },
            if claimed == 1 { "has" } else { "have" }
        ),
        Language::Zh => {
            format!("{n} 个值得核查的句子中 {claimed} 个已有说法；{dismissed} 个已排除")
        }
    };
    Coverage {
        checkworthy: n,
        claimed,
        dismissed,
        share,
        text,
    }
}

/// A dismissal's note must say why.
pub fn require_note(note: Option<&str>) -> Result<&str> {
    match note.map(str::trim) {
        Some(n) if !n.is_empty() => Ok(n),
        _ => Err(Error::usage(
            "`--dismiss` needs a `--note` saying why the sentence needs no claim",
        )),
    }
}

#[cfg(test)]
mod tests {
    /// The binary search finds what a pass over every quote finds.
    #[test]
    fn quoted_overlaps_as_every_quote_compared() {
        let quotes: Vec<(usize, usize)> = (0..200)
            .map(|i| ((i * 37) % 500, (i * 37) % 500 + 1 + (i * 13) % 40))
            .collect();
        let quoted = super::Quoted::new(&quotes);
        for start in 0..560 {
            for len in [1, 3, 25] {
                let s = super::Sentence {
                    text: String::new(),
                    start,
                    end: start + len,
                    score: 0.0,
                    reasons: vec![],
                    checkworthy: true,
                    place: None,
                };
                let naive = quotes.iter().any(|&(a, b)| a < s.end && s.start < b);
                assert_eq!(quoted.overlaps(&s), naive, "{start}..{}", s.end);
            }
        }
        assert!(!super::Quoted::new(&[]).overlaps(&super::Sentence {
            text: String::new(),
            start: 0,
            end: 5,
            score: 0.0,
            reasons: vec![],
            checkworthy: true,
            place: None,
        }));
    }

    use super::*;

    #[test]
    fn coverage_counts_claimed_and_dismissed_check_worthy_sentences() {
        let text = "# Title\n\nRevenue rose 40% to $3.4 billion in 2024, the company said. I love it.\n\nThe firm hired 1,200 engineers in March 2024, according to Reuters.\n";
        let all = sentences(text);
        let worthy: Vec<&Sentence> = all.iter().filter(|s| s.checkworthy).collect();
        assert!(worthy.len() >= 2, "{all:#?}");
        let id: SourceId = format!("sha256:{}", "a".repeat(64)).parse().unwrap();
        let first = worthy.iter().min_by_key(|s| s.start).unwrap();
        let quotes = [(first.start, first.start + 3)];
        let c = measure(&all, &id, &quotes, &[], Language::En);
        assert_eq!(
            (c.checkworthy, c.claimed, c.dismissed),
            (worthy.len(), 1, 0)
        );
        assert!(c.text.starts_with("1 of "), "{}", c.text);
        let left = unclaimed(&all, &id, &quotes, &[]);
        assert_eq!(left.len(), worthy.len() - 1);
    }
}
