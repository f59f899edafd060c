//! The check-worthiness score: features a checker would name, found by
//! scanning one sentence, weighted and summed, squashed into `[0, 1]`.

use super::Place;
use super::cues::*;
use super::markdown::url_end;

mod dates;
mod names;
mod numbers;
mod signals;

/// A feature a checker would name when explaining why a sentence is (or is
/// not) worth checking. Reasons are listed in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Feature {
    Headline,
    Lede,
    Money,
    Percent,
    Multiple,
    Figure,
    Date,
    TimeRef,
    Name,
    Org,
    Role,
    Attribution,
    Comparison,
    Event,
    Forecast,
    Question,
    Exclamation,
    FirstPerson,
    Rhetoric,
    Hedge,
    Short,
    NoEndPunct,
}

impl Feature {
    /// The whole scoring model is these weights and [`aggregate`](Scan::aggregate):
    ///
    /// `raw = Σ weight × (1 + REPEAT_BONUS × (min(n, MAX_COUNTED) − 1))` over
    /// the features present, where `n` is the number of distinct matches of
    /// that feature, and `score = 1 − e^(−max(raw, 0))`. So one point of
    /// evidence gives 0.63, two give 0.86, three 0.95, and negative signals eat
    /// into the positive evidence before the curve is applied. The `match` is
    /// exhaustive: a new feature does not compile until it has a weight.
    pub(super) fn weight(self) -> f64 {
        match self {
            // Where readers look: a news article's headline is its most-read
            // claim, and its lede the next.
            Feature::Headline => 0.9,
            Feature::Lede => 0.3,
            // Quantities: the most checkable things there are.
            Feature::Money | Feature::Percent => 0.9,
            Feature::Multiple | Feature::Figure => 0.7,
            // When something happened; absolute dates beat relative ones.
            Feature::Date => 0.6,
            Feature::TimeRef => 0.3,
            // Who: people, organisations, and the roles that point at them.
            Feature::Name | Feature::Org => 0.35,
            Feature::Role => 0.2,
            // Someone said it: a checker can go to the source.
            Feature::Attribution => 0.7,
            // Claims of change, ranking and size.
            Feature::Comparison => 0.4,
            // Concrete events (launches, departures, deals) happened or did not;
            // forecasts and plans can be checked against their sources.
            Feature::Event | Feature::Forecast => 0.3,
            // Negative signals: not statements of fact.
            Feature::Question | Feature::FirstPerson => -0.9,
            Feature::Exclamation => -0.6,
            Feature::Rhetoric => -0.45,
            Feature::Hedge => -0.3,
            Feature::Short => -0.8,
            Feature::NoEndPunct => -0.6,
        }
    }

    /// The label used in reasons.
    pub(super) fn label(self) -> &'static str {
        match self {
            Feature::Headline => "headline",
            Feature::Lede => "lede",
            Feature::Money => "money",
            Feature::Percent => "percent",
            Feature::Multiple => "multiple",
            Feature::Figure => "figure",
            Feature::Date => "date",
            Feature::TimeRef => "time",
            Feature::Name => "name",
            Feature::Org => "org",
            Feature::Role => "role",
            Feature::Attribution => "attribution",
            Feature::Comparison => "comparison",
            Feature::Event => "event",
            Feature::Forecast => "forecast",
            Feature::Question => "question",
            Feature::Exclamation => "exclamation",
            Feature::FirstPerson => "first person",
            Feature::Rhetoric => "rhetoric",
            Feature::Hedge => "hedge",
            Feature::Short => "short",
            Feature::NoEndPunct => "no end punctuation",
        }
    }
}

/// Scores one sentence: its check-worthiness in `[0, 1]` (3 decimals) and
/// the reasons, one per distinct match, in [`Feature`] order.
pub(super) fn score(sentence: &str) -> (f64, Vec<String>) {
    score_in(sentence, None)
}

/// [`score`] for a sentence that stands in the headline or the lede.
pub(super) fn score_in(sentence: &str, place: Option<Place>) -> (f64, Vec<String>) {
    let mut scan = Scan::new(sentence);
    match place {
        Some(Place::Headline) => scan.flag(Feature::Headline, ""),
        Some(Place::Lede) => scan.flag(Feature::Lede, ""),
        None => {}
    }
    scan.detect_all();
    if place == Some(Place::Headline) {
        // Headlines do not end in a full stop; that is no sign of a fragment.
        scan.hits.retain(|(f, _)| *f != Feature::NoEndPunct);
    }
    scan.aggregate()
}

/// The scanner's findings for one sentence, as `(feature, matched text)`,
/// for the learned model to weigh.
pub(super) fn scan(sentence: &str) -> Vec<(Feature, String)> {
    let mut scan = Scan::new(sentence);
    scan.detect_all();
    scan.hits
}

/// Whether a sentence is English (more Latin words than Chinese
/// characters), for the learned model.
pub(super) fn is_english(sentence: &str) -> bool {
    let scan = Scan::new(sentence);
    scan.latin_words() > scan.cjk_chars()
}

/// Blanks out a transcript's bracketed stage directions and footnote
/// markers (`[applause]`, `(LAUGHTER)`, `[sic]`, `[12]`), so neither their
/// digits nor their words count.
fn blank_transcript_marks(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '[' => ']',
            '(' => ')',
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(len) = chars[i + 1..].iter().take(24).position(|c| *c == close) else {
            i += 1;
            continue;
        };
        let inner: String = chars[i + 1..i + 1 + len].iter().collect();
        let inner = inner.trim().to_lowercase();
        let footnote =
            close == ']' && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
        if footnote || TRANSCRIPT_MARKS.contains(&inner.as_str()) {
            chars[i..i + len + 2].iter_mut().for_each(|c| *c = ' ');
            i += len + 2;
        } else {
            i += 1;
        }
    }
}

/// Each extra distinct match of the same feature adds this fraction of the
/// feature's weight: three figures are more checkable than one, but not
/// three times as much.
const REPEAT_BONUS: f64 = 0.35;
/// Matches of one feature beyond this count add nothing more.
const MAX_COUNTED: usize = 3;

/// Below this many Chinese characters a sentence is a fragment.
const SHORT_CJK_CHARS: usize = 8;
/// Below this many words an English sentence is a fragment.
const SHORT_WORDS: usize = 5;

/// One sentence being scored: its chars (with URLs blanked out, so their
/// digits and words do not count), which chars a feature already claimed,
/// and the evidence found so far.
struct Scan {
    chars: Vec<char>,
    taken: Vec<bool>,
    hits: Vec<(Feature, String)>,
}

/// A number token: `[start, end)` including magnitude and approximation
/// suffixes (`3.5亿`, `300多`), and its integer value when it is a plain
/// integer (for telling years, months and days apart).
struct Num {
    start: usize,
    end: usize,
    value: Option<u64>,
    digits: usize,
}

impl Scan {
    fn new(sentence: &str) -> Self {
        let mut chars: Vec<char> = sentence.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match url_end(&chars, i) {
                Some(end) => {
                    chars[i..end].iter_mut().for_each(|c| *c = ' ');
                    i = end;
                }
                None => i += 1,
            }
        }
        blank_transcript_marks(&mut chars);
        let taken = vec![false; chars.len()];
        Scan {
            chars,
            taken,
            hits: Vec::new(),
        }
    }

    fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    fn free(&self, a: usize, b: usize) -> bool {
        b <= self.chars.len() && !self.taken[a..b].iter().any(|t| *t)
    }

    fn take(&mut self, feature: Feature, a: usize, b: usize) {
        self.taken[a..b].iter_mut().for_each(|t| *t = true);
        let text: String = self.chars[a..b].iter().collect();
        self.hits.push((feature, text.trim().to_string()));
    }

    /// Claims `[a, b)` for no feature: what is there is not evidence.
    fn skip(&mut self, a: usize, b: usize) {
        self.taken[a..b].iter_mut().for_each(|t| *t = true);
    }

    fn flag(&mut self, feature: Feature, text: &str) {
        self.hits.push((feature, text.to_string()));
    }

    fn detect_all(&mut self) {
        // Order matters: longer, more specific readings claim their chars
        // first ("本周三" is a date, not "本周" + a numeral).
        self.english_dates();
        self.chinese_weekdays();
        self.titles();
        self.numbers();
        self.spelled_numbers();
        self.keywords(Feature::TimeRef);
        self.source_attributions();
        self.keywords(Feature::Attribution);
        self.keywords(Feature::FirstPerson);
        self.keywords(Feature::Forecast);
        self.keywords(Feature::Comparison);
        self.keywords(Feature::Event);
        self.keywords(Feature::Role);
        self.dotted_names();
        self.org_suffixes();
        self.latin_names();
        self.keywords(Feature::Hedge);
        self.keywords(Feature::Rhetoric);
        self.punctuation_signals();
        self.shape_signals();
    }

    // --- aggregation ------------------------------------------------------

    fn aggregate(&self) -> (f64, Vec<String>) {
        let mut raw = 0.0;
        let mut reasons = Vec::new();
        let mut features: Vec<Feature> = self.hits.iter().map(|(f, _)| *f).collect();
        features.sort();
        features.dedup();
        for feature in features {
            let (label, weight) = (feature.label(), feature.weight());
            let mut texts: Vec<&str> = Vec::new();
            for (f, t) in &self.hits {
                if *f == feature && !texts.contains(&t.as_str()) {
                    texts.push(t);
                }
            }
            if texts.is_empty() {
                continue;
            }
            let counted = texts.len().min(MAX_COUNTED) as f64;
            raw += weight * (1.0 + REPEAT_BONUS * (counted - 1.0));
            let sign = if weight < 0.0 { " (-)" } else { "" };
            for t in texts {
                reasons.push(if t.is_empty() {
                    format!("{label}{sign}")
                } else {
                    format!("{label}: {t}{sign}")
                });
            }
        }
        let score = 1.0 - (-f64::max(raw, 0.0)).exp();
        ((score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0, reasons)
    }
}

#[cfg(test)]
mod tests;
