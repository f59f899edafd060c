//! Ranking, the same for every engine: BM25F over the claim, the title and
//! the description picks [`CANDIDATES`] entries; a linear reranker over
//! lexical features of each (how much of the query it covers and how much of
//! it the query covers, word pairs in order, how near its date is to a date
//! the query names) orders them. The reranker's [`WEIGHTS`] were learned on
//! the CheckThat! 2021 Task 2A training tweets (`examples/train_matcher.rs`)
//! and checked on its development tweets only (README, Archive and matching).

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use super::tokens;
use super::{Doc, Engine, Entry, FIELD_COUNT, Meta, Posting};
use crate::error::Result;

/// BM25's saturation.
pub const K1: f64 = 1.2;
/// BM25's length normalisation, per field.
pub const B: [f64; FIELD_COUNT] = [0.75, 0.6, 0.75];
/// How much a word counts in the claim, the title, the description.
pub const FIELD_WEIGHTS: [f64; FIELD_COUNT] = [1.0, 1.0, 0.7];
/// How many of BM25F's best entries the reranker orders.
pub const CANDIDATES: usize = 40;

/// The reranker's features, in the order of [`WEIGHTS`].
pub const FEATURES: [&str; 11] = [
    "bm25f",
    "bm25-claim",
    "bm25-title",
    "bm25-description",
    "query-coverage",
    "claim-coverage",
    "title-coverage",
    "pairs",
    "date-distance",
    "dated",
    "reciprocal-rank",
];

/// The learned weights (a score is their dot product with the features):
/// coordinate ascent on MAP@5 over the 997 training tweets, which it raised
/// from 0.868 (BM25F alone) to 0.918; on the 199 development tweets, never
/// used to choose, from 0.942 to 0.961.
pub const WEIGHTS: [f64; 11] = [
    1.03, 0.27, 0.03, 0.00, 0.03, 0.00, 0.30, 0.20, -0.10, 0.27, 0.03,
];

/// One match: the entry, its score, and the query's words it holds.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    #[serde(flatten)]
    pub entry: Entry,
    pub score: f64,
    /// The share of the query's words (by IDF weight) the entry holds.
    pub covered: f64,
    pub matched: Vec<String>,
}

/// A candidate before reranking.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: u32,
    pub doc: Doc,
    pub bm25: f64,
    pub features: [f64; FEATURES.len()],
}

/// The query as the ranking sees it.
#[derive(Debug, Clone)]
pub struct Query {
    pub text: String,
    /// Distinct tokens, in first-seen order.
    pub tokens: Vec<String>,
    pub pairs: HashSet<(String, String)>,
    pub date: Option<i64>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let all = tokens::tokens(text);
        let pairs = all
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect();
        let mut seen = HashSet::new();
        let tokens = all.into_iter().filter(|t| seen.insert(t.clone())).collect();
        Query {
            text: text.to_string(),
            tokens,
            pairs,
            date: named_date(text),
        }
    }
}

/// The `top` best matches for `text`, best first.
pub fn search(engine: &mut dyn Engine, text: &str, top: usize) -> Result<Vec<Match>> {
    let query = Query::new(text);
    let mut found = candidates(engine, &query, CANDIDATES.max(top))?;
    rerank(&mut found, &WEIGHTS);
    found.truncate(top);
    // Scores fall strictly: an entry the tie-breaking put second shows a
    // millionth less, so whoever sorts by score keeps this order.
    let mut last = f64::INFINITY;
    Ok(found
        .into_iter()
        .map(|c| {
            let mut score = (dot(&c.features, &WEIGHTS) * 1e6).round() / 1e6;
            if score >= last {
                score = last - 1e-6;
            }
            last = score;
            let matched = matched_words(&query.text, &c.doc);
            Match {
                entry: c.doc.entry,
                score: (score * 1e6).round() / 1e6,
                covered: (c.features[4] * 1e3).round() / 1e3,
                matched,
            }
        })
        .collect())
}

/// Orders candidates by their score under `weights`, best first; ties go to
/// BM25F, then to the entry nearer in date, then to the older entry (the
/// lower number), so near-duplicate fact-checks always come out in one order.
pub fn rerank(found: &mut [Candidate], weights: &[f64]) {
    let key = |c: &Candidate| dot(&c.features, weights);
    found.sort_by(|a, b| {
        key(b)
            .total_cmp(&key(a))
            .then(b.bm25.total_cmp(&a.bm25))
            .then(b.features[8].total_cmp(&a.features[8]).reverse())
            .then(a.id.cmp(&b.id))
    });
}

fn dot(features: &[f64], weights: &[f64]) -> f64 {
    features.iter().zip(weights).map(|(f, w)| f * w).sum()
}

/// BM25F's best `n` entries for the query, with their features.
pub fn candidates(engine: &mut dyn Engine, query: &Query, n: usize) -> Result<Vec<Candidate>> {
    let mut meta = Meta::default();
    let mut lists: Vec<(String, Vec<u8>)> = Vec::new();
    let mut docs: Vec<(u32, Vec<u8>)> = Vec::new();
    let tokens: Vec<&str> = query.tokens.iter().map(String::as_str).collect();
    let mut best: Vec<(u32, f64)> = Vec::new();
    let mut idf: HashMap<String, f64> = HashMap::new();
    engine.transaction(false, &mut |tx| {
        meta = tx.meta()?;
        lists = tx.postings(&tokens)?;
        let scored = bm25f(&meta, &lists, n);
        idf = scored.1;
        best = scored.0;
        let ids: Vec<u32> = best.iter().map(|(id, _)| *id).collect();
        docs = tx.docs(&ids)?;
        Ok(())
    })?;
    let mut bodies: HashMap<u32, Vec<u8>> = docs.into_iter().collect();
    let avg = average_lengths(&meta);
    let top = best.first().map_or(1.0, |b| b.1).max(f64::MIN_POSITIVE);
    let mut out = Vec::with_capacity(best.len());
    for (rank, (id, score)) in best.into_iter().enumerate() {
        let Some(body) = bodies.remove(&id) else {
            continue;
        };
        let doc = Doc::decode(&body)?;
        let features = features(query, &doc, &idf, &avg, score / top, rank);
        out.push(Candidate {
            id,
            doc,
            bm25: score,
            features,
        });
    }
    Ok(out)
}

fn average_lengths(meta: &Meta) -> [f64; FIELD_COUNT] {
    let docs = meta.docs.max(1) as f64;
    meta.lengths.map(|l| (l as f64 / docs).max(1.0))
}

/// BM25F's best `n` entries for the query, best first, and each token's
/// IDF. Scores add up in an array indexed by entry number (a hash map is
/// several times slower on long posting lists), in the order of the lists.
fn bm25f(
    meta: &Meta,
    lists: &[(String, Vec<u8>)],
    n: usize,
) -> (Vec<(u32, f64)>, HashMap<String, f64>) {
    let avg = average_lengths(meta);
    let docs = meta.docs as f64;
    let mut scores = vec![0.0f64; meta.next_id as usize];
    let mut touched: Vec<u32> = Vec::new();
    let mut idfs = HashMap::new();
    for (token, list) in lists {
        let df = (list.len() / Posting::SIZE) as f64;
        let idf = (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
        idfs.insert(token.clone(), idf);
        for p in Posting::read_all(list) {
            let mut tf = 0.0;
            for f in 0..FIELD_COUNT {
                if p.tf[f] > 0 {
                    let norm = 1.0 - B[f] + B[f] * f64::from(p.len[f]) / avg[f];
                    tf += FIELD_WEIGHTS[f] * f64::from(p.tf[f]) / norm;
                }
            }
            let Some(score) = scores.get_mut(p.doc as usize) else {
                continue;
            };
            if *score == 0.0 {
                touched.push(p.doc);
            }
            *score += idf * tf * (K1 + 1.0) / (K1 + tf);
        }
    }
    let mut best: Vec<(u32, f64)> = touched
        .into_iter()
        .map(|d| (d, scores[d as usize]))
        .collect();
    let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if best.len() > n && n > 0 {
        best.select_nth_unstable_by(n - 1, order);
        best.truncate(n);
    }
    best.sort_by(order);
    (best, idfs)
}

fn features(
    query: &Query,
    doc: &Doc,
    idf: &HashMap<String, f64>,
    avg: &[f64; FIELD_COUNT],
    bm25: f64,
    rank: usize,
) -> [f64; FEATURES.len()] {
    let total_idf: f64 = query
        .tokens
        .iter()
        .map(|t| idf.get(t).copied().unwrap_or(0.0))
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    let counts: Vec<HashMap<&str, usize>> = doc
        .fields
        .iter()
        .map(|f| {
            let mut c = HashMap::new();
            for t in f {
                *c.entry(t.as_str()).or_default() += 1;
            }
            c
        })
        .collect();
    let field_bm25 = |f: usize| {
        let len = doc.fields[f].len() as f64;
        let norm = 1.0 - B[f] + B[f] * len / avg[f];
        query
            .tokens
            .iter()
            .map(|t| {
                let tf = counts[f].get(t.as_str()).copied().unwrap_or(0) as f64;
                let idf = idf.get(t).copied().unwrap_or(0.0);
                idf * tf * (K1 + 1.0) / (tf + K1 * norm)
            })
            .sum::<f64>()
            / total_idf
    };
    let covered: f64 = query
        .tokens
        .iter()
        .filter(|t| counts.iter().any(|c| c.contains_key(t.as_str())))
        .map(|t| idf.get(t).copied().unwrap_or(0.0))
        .sum::<f64>()
        / total_idf;
    let query_set: HashSet<&str> = query.tokens.iter().map(String::as_str).collect();
    let coverage = |f: usize| {
        if counts[f].is_empty() {
            return 0.0;
        }
        counts[f].keys().filter(|t| query_set.contains(*t)).count() as f64 / counts[f].len() as f64
    };
    let pairs = if query.pairs.is_empty() {
        0.0
    } else {
        let mut doc_pairs = HashSet::new();
        for f in &doc.fields[..2] {
            for w in f.windows(2) {
                doc_pairs.insert((w[0].as_str(), w[1].as_str()));
            }
        }
        query
            .pairs
            .iter()
            .filter(|(a, b)| doc_pairs.contains(&(a.as_str(), b.as_str())))
            .count() as f64
            / query.pairs.len() as f64
    };
    let days = match (query.date, doc.entry.date.as_deref().and_then(day_number)) {
        (Some(q), Some(d)) => Some((d - q).abs() as f64),
        _ => None,
    };
    [
        bm25,
        field_bm25(0),
        field_bm25(1),
        field_bm25(2),
        covered,
        coverage(0),
        coverage(1),
        pairs,
        days.map_or(0.0, |d| (1.0 + d).ln()),
        if days.is_some() { 1.0 } else { 0.0 },
        1.0 / (1.0 + rank as f64),
    ]
}

/// Days since 1970-01-01 of a `YYYY-MM-DD…` date.
fn day_number(text: &str) -> Option<i64> {
    let date: Date = text.get(..10)?.parse().ok()?;
    let span = date.since(Date::constant(1970, 1, 1)).ok()?;
    Some(i64::from(span.get_days()))
}

/// The last date the text names, as `Month D, YYYY`, `D Month YYYY` or
/// `YYYY-MM-DD` (a tweet's dateline, a claim's "on 9 October 2024").
pub fn named_date(text: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let month = |w: &str| MONTHS.iter().position(|m| *m == w).map(|i| i as i8 + 1);
    let day = |w: &str| w.parse::<i8>().ok().filter(|d| (1..=31).contains(d));
    let year = |w: &str| {
        w.parse::<i16>()
            .ok()
            .filter(|y| (1900..=2100).contains(y) && w.len() == 4)
    };
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let at = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        let date = if let (Some(m), Some(d), Some(y)) = (month(w), day(at(1)), year(at(2))) {
            Date::new(y, m, d).ok()
        } else if let (Some(d), Some(m), Some(y)) = (day(w), month(at(1)), year(at(2))) {
            Date::new(y, m, d).ok()
        } else if w.as_bytes().get(4) == Some(&b'-') {
            w.get(..10).and_then(|d| d.parse::<Date>().ok())
        } else {
            None
        };
        if let Some(date) = date {
            found = date.since(Date::constant(1970, 1, 1)).ok();
        }
    }
    found.map(|s| i64::from(s.get_days()))
}

/// The query's words (as written) that the entry holds.
fn matched_words(text: &str, doc: &Doc) -> Vec<String> {
    let held: HashSet<&str> = doc.fields.iter().flatten().map(String::as_str).collect();
    let mut out: Vec<String> = Vec::new();
    for word in tokens::surfaces(text) {
        let hit = tokens::tokens(&word)
            .iter()
            .any(|t| held.contains(t.as_str()));
        if hit && !out.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_named_in_text() {
        let a = named_date("— Paul (@p) February 25, 2016").unwrap();
        let b = named_date("said on 26 February 2016.").unwrap();
        let c = named_date("2016-02-27").unwrap();
        assert_eq!((b - a, c - a), (1, 2));
        assert_eq!(named_date("no date here, May be"), None);
        assert_eq!(named_date("$40m-$50m” 2016-02-27"), Some(c));
    }
}
