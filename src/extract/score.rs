//! The check-worthiness score: features a checker would name, found by
//! scanning one sentence, weighted and summed, squashed into `[0, 1]`.

use super::Place;
use super::chars::*;
use super::cues::*;
use super::markdown::url_end;
use super::sentence::ABBREVIATIONS;

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
        self.keywords(Feature::TimeRef, TIME_REFS);
        self.source_attributions();
        self.keywords(Feature::Attribution, ATTRIBUTIONS);
        self.keywords(Feature::FirstPerson, FIRST_PERSON);
        self.keywords(Feature::Forecast, FORECASTS);
        self.keywords(Feature::Comparison, COMPARISONS);
        self.keywords(Feature::Event, EVENTS);
        self.keywords(Feature::Role, ROLES);
        self.dotted_names();
        self.org_suffixes();
        self.latin_names();
        self.keywords(Feature::Hedge, HEDGES);
        self.keywords(Feature::Rhetoric, RHETORIC);
        self.punctuation_signals();
        self.shape_signals();
    }

    // --- keywords ---------------------------------------------------------

    /// Length of keyword `w` at `i`, if it matches there and is not vetoed.
    /// ASCII keywords match case-insensitively on word boundaries.
    fn keyword_at(&self, i: usize, w: &str) -> Option<usize> {
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
    fn vetoed(&self, a: usize, b: usize, w: &str) -> bool {
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

    fn keywords(&mut self, feature: Feature, words: &[&str]) {
        let mut i = 0;
        while i < self.chars.len() {
            match words.iter().filter_map(|w| self.keyword_at(i, w)).max() {
                Some(len) => {
                    self.take(feature, i, i + len);
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// `据<source>报道`, `据<source>爆料`, `根据…显示`: the source is the point.
    fn source_attributions(&mut self) {
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

    // --- dates ------------------------------------------------------------

    fn ascii_word_end(&self, i: usize) -> usize {
        i + self.chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    }

    fn digits_end(&self, i: usize) -> usize {
        i + self.chars[i..].iter().take_while(|c| is_digit(**c)).count()
    }

    /// `May 13`, `May 13, 2024`, `13 May`, `March 2024`, standalone full month
    /// names (except the modal "May") and weekdays.
    fn english_dates(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            let boundary = i == 0 || !self.at(i - 1).is_ascii_alphanumeric();
            let end = self.ascii_word_end(i);
            if !boundary || end == i || !self.free(i, end) {
                i = end.max(i + 1);
                continue;
            }
            let word: String = self.chars[i..end].iter().collect();
            let full_month = MONTHS.contains(&word.as_str());
            let month = full_month || MONTH_ABBREVIATIONS.contains(&word.as_str());
            if WEEKDAYS.contains(&word.as_str()) {
                self.take(Feature::Date, i, end);
            } else if month {
                let after = if self.at(end) == '.' { end + 1 } else { end };
                let with_number = self.month_number_end(after);
                let day_before = self.day_before(i);
                match (day_before, with_number) {
                    (_, Some(e)) => self.take(Feature::Date, day_before.unwrap_or(i), e),
                    (Some(s), None) => self.take(Feature::Date, s, end),
                    (None, None) if full_month && word != "May" => self.take(Feature::Date, i, end),
                    _ => {}
                }
            }
            i = end;
        }
    }

    /// End of ` 13`, ` 13th`, ` 13, 2024` or ` 2024` after a month name.
    fn month_number_end(&self, after: usize) -> Option<usize> {
        if self.at(after) != ' ' || !is_digit(self.at(after + 1)) {
            return None;
        }
        let d = self.digits_end(after + 1);
        let n = d - (after + 1);
        if n == 4 {
            return Some(d);
        }
        if n > 2 {
            return None;
        }
        let mut e = d;
        let suffix = self.ascii_word_end(e);
        if ["st", "nd", "rd", "th"]
            .contains(&self.chars[e..suffix].iter().collect::<String>().as_str())
        {
            e = suffix;
        }
        if self.at(e) == ',' && self.at(e + 1) == ' ' && self.digits_end(e + 2) == e + 6 {
            e += 6;
        }
        Some(e)
    }

    /// Start of a `13 ` written before a month name.
    fn day_before(&self, month_start: usize) -> Option<usize> {
        if month_start < 2 || self.at(month_start - 1) != ' ' {
            return None;
        }
        let mut s = month_start - 1;
        while s > 0 && is_digit(self.at(s - 1)) {
            s -= 1;
        }
        let n = month_start - 1 - s;
        (1..=2).contains(&n).then_some(s)
    }

    /// 周三, 星期三, 礼拜天, 本周三, 下个周一.
    fn chinese_weekdays(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            let stem = ["星期", "礼拜", "周"]
                .into_iter()
                .find(|s| starts_with_at(&self.chars, i, s));
            if let Some(stem) = stem {
                let day = i + stem.chars().count();
                // 每周三次 is "three times a week", not Wednesday.
                let counted = "次个名位人倍".contains(self.at(day + 1));
                if "一二三四五六日天".contains(self.at(day)) && !counted {
                    let mut s = i;
                    if s > 0 && "本这上下".contains(self.at(s - 1)) {
                        s -= 1;
                    } else if s > 1 && self.at(s - 1) == '个' && "这上下".contains(self.at(s - 2))
                    {
                        s -= 2;
                    }
                    if self.free(s, day + 1) {
                        self.take(Feature::Date, s, day + 1);
                        i = day + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    // --- numbers ----------------------------------------------------------

    fn numbers(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            if !self.free(i, i + 1) {
                i += 1;
                continue;
            }
            if starts_with_at(&self.chars, i, "百分之") {
                // After 百分之 any numeral is a quantity, even a lone 五.
                let n = if is_digit(self.at(i + 3)) {
                    self.arabic_number(i + 3).map_or(i + 3, |num| num.end)
                } else {
                    self.numeral_end(i + 3)
                };
                if n > i + 3 {
                    self.take(Feature::Percent, i, n);
                }
                i = n.max(i + 3);
                continue;
            }
            let c = self.at(i);
            if !is_digit(c) && !CN_DIGITS.contains(c) && c != '十' {
                i += 1;
                continue;
            }
            match self.number_at(i) {
                Some(num) => {
                    match self.classify(&num) {
                        Some((feature, start, end)) if self.free(start, end) => {
                            self.take(feature, start, end);
                        }
                        _ => {}
                    }
                    i = num.end.max(i + 1);
                }
                None => i = self.skip_token(i),
            }
        }
    }

    /// Past an identifier such as `GPT-4o` or `o1`, or one char on.
    fn skip_token(&self, i: usize) -> usize {
        let len = self.chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
            .count();
        i + len.max(1)
    }

    fn number_at(&self, i: usize) -> Option<Num> {
        if is_digit(self.at(i)) {
            self.arabic_number(i)
        } else {
            self.chinese_number(i)
        }
    }

    /// Arabic number with thousands separators, decimals, magnitudes
    /// (`万`, `亿`, `million`, `bn`) and approximations (`多`, `余`).
    /// Digits glued to Latin letters are part of a name (`GPT-4o`, `o1`).
    fn arabic_number(&self, s: usize) -> Option<Num> {
        let prev = if s > 0 { self.at(s - 1) } else { '\0' };
        let glued = prev.is_ascii_alphabetic()
            || ((prev == '-' || prev == '_') && s > 1 && self.at(s - 2).is_ascii_alphabetic())
            || prev == '.';
        if glued {
            return None;
        }
        let mut j = self.digits_end(s);
        let mut plain = true;
        loop {
            let sep = self.at(j);
            if sep == ',' && self.digits_end(j + 1) == j + 4 {
                j += 4;
                plain = false;
            } else if sep == '.' && is_digit(self.at(j + 1)) {
                j = self.digits_end(j + 1);
                plain = false;
            } else {
                break;
            }
        }
        let digits = j - s;
        let value = plain.then(|| {
            self.chars[s..j].iter().fold(0u64, |v, c| {
                v.saturating_mul(10).saturating_add(digit_value(*c))
            })
        });
        if self.at(j).is_ascii_alphabetic() {
            let w = self.ascii_word_end(j);
            let word: String = self.chars[j..w]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            if !["k", "m", "bn", "b", "st", "nd", "rd", "th"].contains(&word.as_str())
                || self.at(w).is_ascii_digit()
            {
                return None;
            }
            let magnitude = !["st", "nd", "rd", "th"].contains(&word.as_str());
            let value = if magnitude { None } else { value };
            return Some(Num {
                start: s,
                end: w,
                value,
                digits,
            });
        }
        let mut num = Num {
            start: s,
            end: j,
            value,
            digits,
        };
        self.extend_magnitude(&mut num);
        Some(num)
    }

    /// `万`/`亿` (also stacked: `万亿`), ` million`, and a trailing `多`/`余`.
    fn extend_magnitude(&self, num: &mut Num) {
        let mut j = num.end;
        while "万亿千百".contains(self.at(j)) {
            j += 1;
        }
        if self.at(j) == ' ' {
            let w = self.ascii_word_end(j + 1);
            let word: String = self.chars[j + 1..w]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            if ["thousand", "million", "billion", "trillion"].contains(&word.as_str()) {
                j = w;
            }
        }
        if "多余".contains(self.at(j)) {
            j += 1;
        }
        if j != num.end {
            num.value = None;
            num.end = j;
        }
    }

    /// Chinese numeral. A run must look like a quantity: a digit with a
    /// magnitude (`三十`, `五万`), or a single digit followed by a measure
    /// word (`两名`, `五年`, `三倍`). Lone `一` (一切, 一些, 一度), runs that
    /// start with a magnitude (万一, 千万) and ordinals (第二) are words.
    fn chinese_number(&self, s: usize) -> Option<Num> {
        let is_numeral = |c: char| CN_DIGITS.contains(c) || CN_MAGNITUDES.contains(c);
        let len = self.chars[s..]
            .iter()
            .take_while(|c| is_numeral(**c))
            .count();
        if len == 0 || (s > 0 && self.at(s - 1) == '第') {
            return None;
        }
        let run: Vec<char> = self.chars[s..s + len].to_vec();
        if "百千万亿".contains(run[0]) {
            return None;
        }
        let has_digit = run.iter().any(|c| CN_DIGITS.contains(*c));
        let has_magnitude = run.iter().any(|c| CN_MAGNITUDES.contains(*c));
        let mut num = Num {
            start: s,
            end: s + len,
            value: chinese_value(&run),
            digits: len,
        };
        if "多余".contains(self.at(num.end)) {
            num.end += 1;
        }
        let quantity = (has_digit && has_magnitude && len >= 2) || (len >= 3 && has_digit);
        let single = len == 1 && run[0] != '一';
        let counted =
            self.counter_after(num.end).is_some() || "倍月日号".contains(self.at(num.end));
        (quantity || (single && counted)).then_some(num)
    }

    fn counter_after(&self, i: usize) -> Option<usize> {
        COUNTERS
            .iter()
            .filter(|w| starts_with_at(&self.chars, i, w))
            .map(|w| w.chars().count())
            .max()
    }

    fn suffix_len(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .filter(|w| {
                starts_with_at(&self.chars, i, w)
                    && (!w.is_ascii() || !self.at(i + w.chars().count()).is_ascii_alphanumeric())
            })
            .map(|w| w.chars().count())
            .max()
    }

    /// What a number is, judged by its neighbours; `None` when it is not a
    /// quantity at all.
    fn classify(&self, num: &Num) -> Option<(Feature, usize, usize)> {
        let (s, e) = (num.start, num.end);
        if let Some(n) = self.suffix_len(e, PERCENT_SUFFIXES) {
            return Some((Feature::Percent, s, e + n));
        }
        if let Some(n) = self.suffix_len(e, MULTIPLE_SUFFIXES) {
            return Some((Feature::Multiple, s, e + n));
        }
        if let Some(prefix) = self.currency_prefix(s) {
            return Some((Feature::Money, prefix, e));
        }
        if let Some(n) = self.suffix_len(e, CURRENCY_SUFFIXES)
            && !(self.at(e) == '元' && "老宇旦素".contains(self.at(e + 1)))
        {
            return Some((Feature::Money, s, e + n));
        }
        if let Some(end) = self.date_end(num) {
            return Some((Feature::Date, s, end));
        }
        if self.at(e) == '式' {
            // "996式", "007式": a style of working, not a quantity.
            return None;
        }
        let year = num.digits == 4 && num.value.is_some_and(|v| (1900..=2100).contains(&v));
        if year && self.counter_after(e).is_none() {
            return Some((Feature::Date, s, e));
        }
        let unit = self.counter_after(e).unwrap_or(0);
        Some((Feature::Figure, s, e + unit))
    }

    fn currency_prefix(&self, s: usize) -> Option<usize> {
        let mut p = s;
        if p > 0 && self.at(p - 1) == ' ' {
            p -= 1;
        }
        if p == 0 || !CURRENCY_SYMBOLS.contains(&self.at(p - 1)) {
            return None;
        }
        p -= 1;
        // US$, HK$, A$.
        while p > 0 && self.at(p - 1).is_ascii_uppercase() && s - p < 4 {
            p -= 1;
        }
        Some(p)
    }

    /// End of a numeric date starting with `num`: `2024年`, `2024年5月14日`,
    /// `5月14日`, `8月份`, `14日`, `五月`, `2024-10-07`.
    fn date_end(&self, num: &Num) -> Option<usize> {
        let e = num.end;
        let v = num.value?;
        let next = self.at(e);
        if num.digits == 4 && (1000..=2999).contains(&v) {
            if next == '年' {
                return Some(self.month_day_end(e + 1).unwrap_or(e + 1));
            }
            if next == '-' && (1..=2).contains(&(self.digits_end(e + 1) - e - 1)) {
                let m = self.digits_end(e + 1);
                if self.at(m) == '-' && (1..=2).contains(&(self.digits_end(m + 1) - m - 1)) {
                    return Some(self.digits_end(m + 1));
                }
            }
            return None;
        }
        if (1..=12).contains(&v) && next == '月' {
            return Some(self.month_day_end(num.start).unwrap_or(e + 1));
        }
        if (1..=31).contains(&v) && (next == '日' || next == '号') {
            return Some(e + 1);
        }
        None
    }

    /// End of `5月`, `5月份`, `5月14日` starting at `i`.
    fn month_day_end(&self, i: usize) -> Option<usize> {
        let m = self.numeral_end(i);
        if m == i || self.at(m) != '月' {
            return None;
        }
        let mut e = m + 1;
        if self.at(e) == '份' {
            return Some(e + 1);
        }
        let d = self.numeral_end(e);
        if d > e && (self.at(d) == '日' || self.at(d) == '号') {
            e = d + 1;
        }
        Some(e)
    }

    fn numeral_end(&self, i: usize) -> usize {
        let d = self.digits_end(i);
        if d > i {
            return d;
        }
        i + self.chars[i..]
            .iter()
            .take_while(|c| CN_DIGITS.contains(**c) || CN_MAGNITUDES.contains(**c))
            .count()
    }

    // --- who --------------------------------------------------------------

    /// `《…》`: a publication, programme or document title.
    fn titles(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            if self.at(i) == '《'
                && let Some(len) = self.chars[i..].iter().take(40).position(|c| *c == '》')
                && self.free(i, i + len + 1)
            {
                self.take(Feature::Org, i, i + len + 1);
                i += len + 1;
                continue;
            }
            i += 1;
        }
    }

    /// Transliterated names written with a middle dot: `山姆·奥特曼`.
    fn dotted_names(&mut self) {
        const STOP: &str = "而然的是了和与在被把不也就说等";
        let mut i = 1;
        while i + 1 < self.chars.len() {
            if matches!(self.at(i), '·' | '•') {
                let mut s = i;
                while s > 0 && i - s < 3 && is_cjk(self.at(s - 1)) && !STOP.contains(self.at(s - 1))
                {
                    s -= 1;
                }
                let mut e = i + 1;
                while e - i <= 4 && is_cjk(self.at(e)) && !STOP.contains(self.at(e)) {
                    e += 1;
                }
                if i - s >= 2 && e - i >= 2 && self.free(s, e) {
                    self.take(Feature::Name, s, e);
                    i = e;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// `纽约时报`, `兴盛资本`, `Acme公司`: a name before an organisation suffix.
    fn org_suffixes(&mut self) {
        let mut i = 1;
        while i < self.chars.len() {
            let Some(len) = ORG_SUFFIXES
                .iter()
                .filter_map(|w| self.keyword_at(i, w))
                .max()
            else {
                i += 1;
                continue;
            };
            let prev = self.at(i - 1);
            let generic = matches!(self.at(i), '公' | '集')
                && is_cjk(prev)
                && (GENERIC_ORG_PREFIX.contains(prev) || !self.starts_name(i.saturating_sub(2)));
            if (is_cjk(prev) || prev.is_ascii_alphanumeric()) && !generic {
                let mut s = i - 1;
                if prev.is_ascii_alphanumeric() {
                    while s > 0 && self.at(s - 1).is_ascii_alphanumeric() {
                        s -= 1;
                    }
                } else if s > 0 && is_cjk(self.at(s - 1)) {
                    s -= 1;
                }
                if self.free(s, i) {
                    self.take(Feature::Org, s, i + len);
                    i += len;
                    continue;
                }
            }
            i += len;
        }
    }

    /// Whether a two-character Chinese name could start at `s`: at the start
    /// of the sentence or a clause, or right after a preposition.
    fn starts_name(&self, s: usize) -> bool {
        if s == 0 {
            return true;
        }
        let before = self.at(s - 1);
        is_cjk(self.at(s)) && (!before.is_alphanumeric() || ORG_NAME_BOUNDARY.contains(before))
    }

    /// Latin-script names: capitalised or mixed-case words, and words mixing
    /// letters and digits (`OpenAI`, `Mira Murati`, `GPT-4o`, `xAI`, `o1`).
    /// Consecutive capitalised words form one name.
    fn latin_names(&mut self) {
        let english = self.latin_words() > self.cjk_chars();
        let first_word = self.chars.iter().position(|c| {
            !is_space(*c) && !matches!(c, '*' | '_' | '"' | '“' | '‘' | '(' | '[' | '\'')
        });
        let mut i = 0;
        while i < self.chars.len() {
            let word_start = self.at(i).is_ascii_alphanumeric()
                && (i == 0 || !self.at(i - 1).is_ascii_alphanumeric());
            if !word_start {
                i += 1;
                continue;
            }
            let Some(end) = self.name_token_end(i) else {
                i = self.latin_token_end(i).max(i + 1);
                continue;
            };
            let (run_end, words) = self.name_run(i, end);
            let single: String = self.chars[i..end].iter().collect();
            // A lone initial or abbreviation ("J", "Dept") is not a name by itself.
            let fragment = words == 1
                && (single.len() == 1
                    || ABBREVIATIONS.contains(&single.to_ascii_lowercase().as_str()));
            let title_case = self.chars[i + 1..end]
                .iter()
                .all(|c| !c.is_ascii_uppercase() && !c.is_ascii_digit());
            // A capitalised first word of an English sentence is just grammar.
            let sentence_initial = english && first_word == Some(i) && words == 1 && title_case;
            if !sentence_initial && !fragment {
                self.take(Feature::Name, i, run_end);
            }
            i = run_end;
        }
    }

    /// Extend the name token `[i, end)` over following capitalised tokens,
    /// joined by a space, or by ". " after an initial or a title
    /// (`J. R. R. Tolkien`, `Dr. Smith`); a dotted acronym keeps its final
    /// dot (`U.S.`). Returns the run's end and its number of tokens.
    fn name_run(&self, i: usize, end: usize) -> (usize, usize) {
        const TITLES: [&str; 6] = ["Dr", "Mr", "Mrs", "Ms", "Prof", "St"];
        let mut run_end = end;
        let mut last = (i, end);
        let mut words = 1;
        loop {
            let token: String = self.chars[last.0..last.1].iter().collect();
            let initial_or_title = token.len() == 1 || TITLES.contains(&token.as_str());
            let next = if self.at(run_end) == ' ' {
                run_end + 1
            } else if self.at(run_end) == '.' && self.at(run_end + 1) == ' ' && initial_or_title {
                run_end + 2
            } else {
                break;
            };
            if !self.at(next).is_ascii_uppercase() {
                break;
            }
            match self.name_token_end(next) {
                Some(e) => {
                    last = (next, e);
                    run_end = e;
                    words += 1;
                }
                None => break,
            }
        }
        let dotted = self.chars[last.0..last.1].contains(&'.');
        if dotted && self.at(run_end) == '.' && self.free(run_end, run_end + 1) {
            run_end += 1;
        }
        (run_end, words)
    }

    fn latin_token_end(&self, i: usize) -> usize {
        let mut e = i;
        while e < self.chars.len() {
            let c = self.at(e);
            let joiner =
                matches!(c, '-' | '\'' | '&' | '.') && self.at(e + 1).is_ascii_alphanumeric();
            if c.is_ascii_alphanumeric() || (joiner && e > i) {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// End of the Latin token at `i` if it looks like (part of) a name.
    fn name_token_end(&self, i: usize) -> Option<usize> {
        let e = self.latin_token_end(i);
        if !self.free(i, e) {
            return None;
        }
        let token: String = self.chars[i..e].iter().collect();
        let upper = token.chars().any(|c| c.is_ascii_uppercase());
        let letters = token.chars().any(|c| c.is_ascii_alphabetic());
        let digits = token.chars().any(|c| c.is_ascii_digit());
        let excluded = NOT_NAMES.contains(&token.as_str())
            || MONTHS.contains(&token.as_str())
            || WEEKDAYS.contains(&token.as_str());
        ((upper || (letters && digits)) && !excluded).then_some(e)
    }

    // --- negative signals -------------------------------------------------

    fn punctuation_signals(&mut self) {
        let text: String = self.chars.iter().collect();
        if text.contains(['？', '?']) {
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

    fn cjk_chars(&self) -> usize {
        self.chars.iter().filter(|c| is_cjk(**c)).count()
    }

    fn latin_words(&self) -> usize {
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

    fn shape_signals(&mut self) {
        let (cjk, words) = (self.cjk_chars(), self.latin_words());
        let short = if words > cjk {
            words < SHORT_WORDS
        } else {
            cjk + 2 * words < SHORT_CJK_CHARS
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

/// Value of a small Chinese numeral (up to 99), for telling months apart.
fn chinese_value(run: &[char]) -> Option<u64> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u64)
            .or((c == '两').then_some(2))
    };
    match run {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', d] => digit(*d).map(|v| 10 + v),
        [d, '十'] => digit(*d).map(|v| v * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::Feature;

    #[test]
    fn every_feature_has_its_own_label_and_a_weight_in_range() {
        use Feature::*;
        let all = [
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
        ];
        for (i, f) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|g| g.label() != f.label()), "{f:?}");
            assert!(f.weight().abs() > 0.0 && f.weight().abs() <= 1.0, "{f:?}");
        }
    }

    // --- positive features ------------------------------------------------

    #[test]
    fn figure() {
        assert!(has_reason("公司今年裁掉了1,200名员工。", "figure: 1,200名"));
        assert!(has_reason("她带走了另外两名高管。", "figure: 两名"));
        assert!(has_reason(
            "每月使用其服务的人约有3.5亿人。",
            "figure: 3.5亿人"
        ));
        assert!(has_reason(
            "每月大概有1000万ChatGPT用户。",
            "figure: 1000万"
        ));
        assert!(has_reason("全国约有三十万人参加。", "figure: 三十万人"));
        assert!(has_reason(
            "About 3.5 million people voted.",
            "figure: 3.5 million"
        ));
    }

    #[test]
    fn figure_not_in_names_slang_words_or_urls() {
        assert!(!has_feature("即便如此，GPT-4o还是如期发布了。", "figure"));
        assert!(!has_feature("即便007式工作也没有做完。", "figure"));
        assert!(!has_feature("一切的一切都与一些人有关，万一呢。", "figure"));
        assert!(!has_feature(
            "参见https://x.com/a/status/1839819878792122600说明。",
            "figure"
        ));
        assert!(!has_feature("这是第二次尝试。", "figure"));
    }

    #[test]
    fn money() {
        assert!(has_reason(
            "今年的年销售额预计约为37亿美元。",
            "money: 37亿美元"
        ));
        assert!(has_reason("大概一个月也就300多块钱。", "money: 300多块钱"));
        assert!(has_reason(
            "The firm raised $3.5 billion in May.",
            "money: $3.5 billion"
        ));
        assert!(has_reason("Tickets cost €20 each.", "money: €20"));
        assert!(has_reason("票价为50元。", "money: 50元"));
    }

    #[test]
    fn percent() {
        assert!(has_reason("收入增长了1700%。", "percent: 1700%"));
        assert!(has_reason("支持率为５０％。", "percent: ５０％"));
        assert!(has_reason("失业率下降了百分之五。", "percent: 百分之五"));
        assert!(has_reason(
            "Sales rose 12 percent last year.",
            "percent: 12 percent"
        ));
    }

    #[test]
    fn multiple() {
        assert!(has_reason("估值相当于对手的6倍。", "multiple: 6倍"));
        assert!(has_reason("较去年同期增长两倍多。", "multiple: 两倍多"));
        assert!(has_reason(
            "Revenue is 3 times higher than before.",
            "multiple: 3 times"
        ));
    }

    #[test]
    fn date() {
        assert!(has_reason(
            "今年5月14日，OpenAI发布GPT-4o。",
            "date: 5月14日"
        ));
        assert!(has_reason("相较于2024年年初增长。", "date: 2024年"));
        assert!(has_reason(
            "会议定于2024年10月7日召开。",
            "date: 2024年10月7日"
        ));
        assert!(has_reason("早在8月份就被曝出。", "date: 8月份"));
        assert!(has_reason("最终在本周三才全量发布。", "date: 本周三"));
        assert!(has_reason("发布会在星期三举行。", "date: 星期三"));
        assert!(has_reason("他周三离职。", "date: 周三"));
        assert!(!has_feature("他每周三次加班。", "date"));
        assert!(has_reason(
            "OpenAI released GPT-4o on May 13, 2024.",
            "date: May 13, 2024"
        ));
        assert!(has_reason(
            "She resigned on Wednesday after the launch.",
            "date: Wednesday"
        ));
        assert!(has_reason(
            "The company was founded in 2015 by ten people.",
            "date: 2015"
        ));
    }

    #[test]
    fn time_reference() {
        assert!(has_reason("去年仅有7亿美元。", "time: 去年"));
        assert!(has_reason(
            "当初4o发布第二天，Ilya就宣布离开。",
            "time: 第二天"
        ));
        assert!(has_reason(
            "Profits fell sharply last year, the firm said.",
            "time: last year"
        ));
    }

    #[test]
    fn latin_names_in_chinese_text() {
        let r = reasons("OpenAI CTO Mira Murati的离开与GPT-4o有关。");
        for expected in [
            "name: OpenAI",
            "name: Mira Murati",
            "name: GPT-4o",
            "role: CTO",
        ] {
            assert!(
                r.iter().any(|x| x == expected),
                "{expected} missing from {r:?}"
            );
        }
        assert!(has_reason("马斯克xAI的估值。", "name: xAI"));
        assert!(has_reason("参加过o1的研究员。", "name: o1"));
        // Lower-case words are not names.
        assert!(!has_reason(
            "以OpenAI as we know it is dead为名。",
            "name: as"
        ));
    }

    #[test]
    fn english_names_skip_sentence_initial_capital() {
        let r = reasons("Shares of Acme rose after Jane Roe joined.");
        assert!(r.iter().any(|x| x == "name: Acme"));
        assert!(r.iter().any(|x| x == "name: Jane Roe"));
        assert!(!r.iter().any(|x| x == "name: Shares"));
    }

    #[test]
    fn english_names_with_initials_titles_and_acronyms() {
        let r = reasons("Dr. J. R. R. Smith of the U.S. Dept. of Energy said so, e.g. in May.");
        assert!(r.iter().any(|x| x == "name: Dr. J. R. R. Smith"), "{r:?}");
        assert!(r.iter().any(|x| x == "name: U.S."), "{r:?}");
        assert!(
            !r.iter().any(|x| x == "name: Dept" || x == "name: J"),
            "{r:?}"
        );
        let r = reasons("VP Barret Zoph also left, according to Sam Altman.");
        assert!(r.iter().any(|x| x == "role: VP"), "{r:?}");
        assert!(r.iter().any(|x| x == "name: Barret Zoph"), "{r:?}");
    }

    #[test]
    fn chinese_dotted_names() {
        assert!(has_reason(
            "然而山姆·奥特曼不是这样的人。",
            "name: 山姆·奥特曼"
        ));
        assert!(!has_feature("真·一整个大问号。", "name"));
    }

    #[test]
    fn organisations() {
        assert!(has_reason(
            "纽约时报今天也透露了一些数据。",
            "org: 纽约时报"
        ));
        assert!(has_reason("老股东兴盛资本可能领投。", "org: 兴盛资本"));
        assert!(has_reason(
            "据《华尔街日报》报道，谈判已结束。",
            "org: 《华尔街日报》"
        ));
        assert!(has_reason("苹果公司宣布退出。", "org: 苹果公司"));
        // Generic uses of 公司 are not organisation names.
        assert!(!has_feature("经营一家公司远比想象中困难。", "org"));
        assert!(!has_feature("他撤回了让他重返公司的邀请。", "org"));
    }

    #[test]
    fn roles() {
        assert!(has_reason(
            "研究副总裁Barret Zoph一起离开。",
            "role: 副总裁"
        ));
        assert!(has_reason(
            "The chairman resigned on Friday.",
            "role: chairman"
        ));
    }

    #[test]
    fn attribution() {
        assert!(has_reason("据透露，挑在14日发布。", "attribution: 据透露"));
        assert!(has_reason(
            "据路透社报道，谈判已结束。",
            "attribution: 据路透社报道"
        ));
        assert!(has_reason(
            "据OpenAI内部员工爆料，公司转向产品。",
            "attribution: 据OpenAI内部员工爆料"
        ));
        assert!(has_reason(
            "一些员工也表示，发布太仓促。",
            "attribution: 表示"
        ));
        assert!(has_reason("有消息称，苹果将不再参与。", "attribution: 称"));
        assert!(has_reason("Ilya宣布了自己的离开。", "attribution: 宣布"));
        assert!(has_reason(
            "The CEO said the deal was done.",
            "attribution: said"
        ));
        assert!(has_reason(
            "According to Reuters, the deal was done.",
            "attribution: According to"
        ));
        // Naming is not saying; data is not "according to".
        assert!(!has_feature("这个名称被称为代号。", "attribution"));
        assert!(!has_feature("测试数据还是不够多。", "attribution"));
    }

    #[test]
    fn comparison() {
        assert!(has_reason("收入相较去年增长了很多。", "comparison: 增长"));
        assert!(has_reason("估值将超过此前的水平。", "comparison: 超过"));
        assert!(has_reason(
            "Revenue rose to a new high.",
            "comparison: rose"
        ));
        assert!(has_reason(
            "It has more than ten offices.",
            "comparison: more than"
        ));
        assert!(has_reason("支持率不足10%。", "comparison: 不足"));
        // 拿不到 / 不仅 are not comparisons.
        assert!(!has_feature("拿不到更多时间，不仅如此。", "comparison"));
    }

    #[test]
    fn event() {
        assert!(has_reason("GPT-4o还是如期发布了。", "event: 发布"));
        assert!(has_reason("他转投最强竞对Anthropic。", "event: 转投"));
        assert!(has_reason("She resigned in March.", "event: resigned"));
    }

    #[test]
    fn forecast() {
        assert!(has_reason("微软预计将参与投资。", "forecast: 预计"));
        assert!(has_reason(
            "Revenue is expected to double.",
            "forecast: expected to"
        ));
    }

    // --- negative signals -------------------------------------------------

    #[test]
    fn question() {
        assert!(has_reason("研究的重要性降低了？", "question (-)"));
        assert!(has_reason("Is the company really safe?", "question (-)"));
        let (q, _) = score("OpenAI的估值达到1500亿美元了吗？");
        let (s, _) = score("OpenAI的估值达到1500亿美元。");
        assert!(q < s);
    }

    #[test]
    fn exclamation() {
        assert!(has_reason("感谢阅读，欢迎关注我们！", "exclamation (-)"));
        assert!(has_reason("What a launch this was!", "exclamation (-)"));
        // An inline image is not an exclamation.
        assert!(!has_feature("如图![图](a.png)所示。", "exclamation"));
    }

    #[test]
    fn first_person_opinion() {
        assert!(has_reason(
            "我认为这些变动反映了人们准备好了。",
            "first person: 我认为 (-)"
        ));
        assert!(has_reason(
            "说实话这件事很难说清楚。",
            "first person: 说实话 (-)"
        ));
        assert!(has_reason(
            "真不知道是说这些人太顾念公司。",
            "first person: 真不知道 (-)"
        ));
        assert!(has_reason(
            "I think the deal was a mistake.",
            "first person: I think (-)"
        ));
        assert!(has_reason(
            "In my opinion the deal was a mistake.",
            "first person: In my opinion (-)"
        ));
        // Reporting what one saw is not an opinion marker.
        assert!(!has_feature(
            "我看到的大多数内容也是错误的。",
            "first person"
        ));
    }

    #[test]
    fn short_fragment() {
        assert!(has_reason("隔天离职。", "short (-)"));
        assert!(has_reason("Then he left.", "short (-)"));
        assert!(!has_feature("隔天她就宣布辞职了。", "short"));
        assert!(!has_feature("Then he left the company on Friday.", "short"));
    }

    #[test]
    fn rhetoric() {
        assert!(has_reason("就，时间真的不够啊！", "rhetoric: 啊 (-)"));
        assert!(has_reason(
            "OpenAI，真的不要安全了？？！",
            "rhetoric: ？？！ (-)"
        ));
        assert!(has_reason("但能咋办，发都发布出去了……", "rhetoric: …… (-)"));
        assert!(has_reason("但能咋办，发都发布出去了……", "rhetoric: 咋 (-)"));
        assert!(has_reason(
            "归结起来一句话：初心已不再。",
            "rhetoric: 归结起来 (-)"
        ));
        for line in [
            "OpenAI，真的不要安全了？？！",
            "就，时间真的不够啊！",
            "但能咋办，发都发布出去了……",
        ] {
            assert_eq!(
                score(line).0,
                0.0,
                "{line} should score 0: {:?}",
                reasons(line)
            );
        }
    }

    #[test]
    fn hedge() {
        assert!(has_reason("一切似乎都与转向有关。", "hedge: 似乎 (-)"));
        assert!(has_reason(
            "The plan seems to have failed.",
            "hedge: seems (-)"
        ));
    }

    #[test]
    fn no_end_punctuation() {
        assert!(has_reason(
            "OpenAI转向：公司关键数据曝光",
            "no end punctuation (-)"
        ));
        assert!(has_reason("动荡内幕终于曝光——", "no end punctuation (-)"));
        assert!(!has_feature("数据曝光了。", "no end punctuation"));
    }
}
