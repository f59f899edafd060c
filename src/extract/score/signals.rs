//! Keywords (attribution, comparison, events, …) and the signals against a
//! sentence: questions, exclamations, rhetoric, fragments.

use std::sync::LazyLock;

use super::super::chars::*;
use super::super::cues::*;
use super::{Feature, Scan};

/// The keyword lists, each with the feature it marks.
const LISTS: [(Feature, &[&str]); 9] = [
    (Feature::TimeRef, TIME_REFS),
    (Feature::Attribution, ATTRIBUTIONS),
    (Feature::FirstPerson, FIRST_PERSON),
    (Feature::Forecast, FORECASTS),
    (Feature::Comparison, COMPARISONS),
    (Feature::Event, EVENTS),
    (Feature::Role, ROLES),
    (Feature::Hedge, HEDGES),
    (Feature::Rhetoric, RHETORIC),
];

/// Keywords by their first character, sorted by it.
type ByFirst = Vec<(char, Vec<&'static str>)>;

/// Each list's keywords by their first character (ASCII lower-cased, as
/// [`Scan::keyword_at`] compares it), so a position is tried only against
/// the keywords that can start there: the scan stays linear in the text
/// however long the lists grow.
static BY_FIRST: LazyLock<Vec<(Feature, ByFirst)>> = LazyLock::new(|| {
    LISTS
        .iter()
        .map(|(feature, words)| {
            let mut index: ByFirst = Vec::new();
            for w in *words {
                let Some(first) = w.chars().next().map(|c| c.to_ascii_lowercase()) else {
                    continue;
                };
                match index.binary_search_by_key(&first, |(c, _)| *c) {
                    Ok(at) => index[at].1.push(w),
                    Err(at) => index.insert(at, (first, vec![w])),
                }
            }
            (*feature, index)
        })
        .collect()
});

impl Scan {
    // --- keywords ---------------------------------------------------------

    /// Length of keyword `w` at `i`, if it matches there and is not vetoed.
    /// ASCII keywords match case-insensitively on word boundaries.
    pub(super) fn keyword_at(&self, i: usize, w: &str) -> Option<usize> {
        // [`Scan::keywords`] offers only keywords that start with this
        // char; other callers rely on this check to fail fast.
        let first = w.chars().next()?;
        if !self.at(i).eq_ignore_ascii_case(&first) {
            return None;
        }
        let len = w.chars().count();
        if !self.free(i, i + len) {
            return None;
        }
        let ascii = w.is_ascii();
        let matched = if ascii {
            starts_with_ci_at(&self.chars, i, w)
                && (i == 0 || !self.at(i - 1).is_ascii_alphanumeric())
                && !self.at(i + len).is_ascii_alphanumeric()
        } else {
            starts_with_at(&self.chars, i, w)
        };
        (matched && !self.vetoed(i, i + len, w)).then_some(len)
    }

    /// Single-character cues that are also parts of common words.
    pub(super) fn vetoed(&self, a: usize, b: usize, w: &str) -> bool {
        let prev = if a > 0 { self.at(a - 1) } else { '\0' };
        let next = self.at(b);
        match w {
            // 名称, 称为, 对称, 简称: naming, not saying.
            "称" => "为号之作赞呼道".contains(next) || "名对简职相匀号".contains(prev),
            // 不仅 = "not only".
            "仅" => prev == '不',
            // 我看到 reports what one saw; 我看 alone introduces an opinion.
            "我看" => "到见过".contains(next),
            // 不到/不足 compare only when a quantity follows (不足10%); 拿不到, 数据不足 do not.
            "不到" | "不足" => !is_digit(next) && !CN_DIGITS.contains(next),
            // 季度 needs an ordinal or a numeral in front to be a period.
            "季度" => !"一二三四1234".contains(prev),
            _ => false,
        }
    }

    /// Marks `feature` wherever one of its keywords (see [`LISTS`]) occurs.
    pub(super) fn keywords(&mut self, feature: Feature) {
        let Some((_, index)) = BY_FIRST.iter().find(|(f, _)| *f == feature) else {
            return;
        };
        let mut i = 0;
        while i < self.chars.len() {
            let first = self.at(i).to_ascii_lowercase();
            let Ok(at) = index.binary_search_by_key(&first, |(c, _)| *c) else {
                i += 1;
                continue;
            };
            let candidates = &index[at].1;
            match candidates
                .iter()
                .filter_map(|w| self.keyword_at(i, w))
                .max()
            {
                Some(len) => {
                    self.take(feature, i, i + len);
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// `据<source>报道`, `据<source>爆料`, `根据…显示`: the source is the point.
    pub(super) fn source_attributions(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            // 数据, 证据, 依据 are nouns, not "according to".
            let noun = i > 0 && "数证依占票单收字".contains(self.at(i - 1));
            if self.at(i) == '据' && !noun && self.free(i, i + 1) && self.at(i + 1) != '此' {
                let mut window = (i + 2..(i + 18).min(self.chars.len() + 1))
                    .take_while(|k| !"，。；！？：,;:".contains(self.at(k - 1)));
                let found = window.find_map(|k| {
                    ATTRIBUTION_TAILS
                        .iter()
                        .find(|t| starts_with_at(&self.chars, k, t))
                        .map(|t| k + t.chars().count())
                });
                if let Some(end) = found.filter(|e| self.free(i, *e)) {
                    let start = if i > 0 && self.at(i - 1) == '根' {
                        i - 1
                    } else {
                        i
                    };
                    self.take(Feature::Attribution, start, end);
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    // --- negative signals -------------------------------------------------

    pub(super) fn punctuation_signals(&mut self) {
        let text: String = self.chars.iter().collect();
        if text.contains(['？', '?']) || self.question_form() {
            self.flag(Feature::Question, "");
        }
        if self
            .chars
            .iter()
            .enumerate()
            .any(|(i, c)| matches!(c, '！' | '!') && self.at(i + 1) != '[')
        {
            self.flag(Feature::Exclamation, "");
        }
        // Sentence-final particles carry tone, not content.
        let particles: Vec<usize> = (0..self.chars.len())
            .filter(|&i| {
                let c = self.at(i);
                PARTICLES.contains(c) && !self.at(i + 1).is_alphanumeric() && self.free(i, i + 1)
            })
            .collect();
        for i in particles {
            self.take(Feature::Rhetoric, i, i + 1);
        }
        // "？？！", "!!": shouting.
        let mut i = 0;
        while i < self.chars.len() {
            let run = self.chars[i..]
                .iter()
                .take_while(|c| matches!(c, '？' | '?' | '！' | '!'))
                .count();
            if run >= 2 {
                self.take(Feature::Rhetoric, i, i + run);
            }
            i += run.max(1);
        }
        // A sentence that trails off ("……") is not asserting anything.
        let body = trim_slice(&self.chars);
        let last = body
            .iter()
            .rposition(|c| !is_closer(*c) && !matches!(c, '*' | '_' | '"'));
        if let Some(l) = last
            && (body[l] == '…' || (l >= 2 && body[l - 2..=l] == ['.', '.', '.']))
        {
            self.flag(Feature::Rhetoric, if body[l] == '…' { "……" } else { "..." });
        }
    }

    /// An English sentence that opens as a question, whatever it ends with
    /// (transcripts close questions with full stops): "What is your plan.",
    /// "Governor, do you support it.", "How many jobs were lost."
    fn question_form(&self) -> bool {
        if self.latin_words() <= self.cjk_chars() {
            return false;
        }
        let text: String = self.chars.iter().collect::<String>().to_lowercase();
        // A short vocative before a comma ("Senator, what …") is skipped.
        let body = match text.split_once(',') {
            Some((head, rest)) if head.split_whitespace().count() <= 3 => rest,
            _ => text.as_str(),
        };
        let words: Vec<&str> = body
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .take(2)
            .collect();
        let [first, second] = words[..] else {
            return false;
        };
        (WH_WORDS.contains(&first)
            && (AUXILIARIES.contains(&second) || (first == "how" && HOW_WHAT.contains(&second))))
            || (AUXILIARIES.contains(&first) && SUBJECTS.contains(&second))
    }

    pub(super) fn cjk_chars(&self) -> usize {
        self.chars.iter().filter(|c| is_cjk(**c)).count()
    }

    pub(super) fn latin_words(&self) -> usize {
        let mut n = 0;
        let mut prev_alnum = false;
        for c in &self.chars {
            let alnum = c.is_ascii_alphanumeric();
            if alnum && !prev_alnum {
                n += 1;
            }
            prev_alnum = alnum;
        }
        n
    }

    pub(super) fn shape_signals(&mut self) {
        let (cjk, words) = (self.cjk_chars(), self.latin_words());
        let short = if words > cjk {
            words < super::SHORT_WORDS
        } else {
            cjk + 2 * words < super::SHORT_CJK_CHARS
        };
        if short {
            self.flag(Feature::Short, "");
        }
        // Headlines and captions end on a word, lead-ins on a dash;
        // sentences end on punctuation.
        let body = trim_slice(&self.chars);
        let last = body
            .iter()
            .rev()
            .find(|c| !is_closer(**c) && !matches!(c, '*' | '_' | '"'));
        if last.is_some_and(|c| c.is_alphanumeric() || matches!(c, '—' | '–' | '-')) {
            self.flag(Feature::NoEndPunct, "");
        }
    }
}
