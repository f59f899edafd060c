//! Numbers, Arabic and Chinese, and what they are: money, percentages,
//! multiples, numeric dates, plain figures.

use super::super::chars::*;
use super::super::cues::*;
use super::{Feature, Num, Scan};

impl Scan {
    // --- numbers ----------------------------------------------------------

    pub(super) fn numbers(&mut self) {
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
            if let Some(end) = self.not_a_quantity(i) {
                self.skip(i, end);
                i = end;
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

    /// End of a number at `i` that names or schedules rather than counts:
    /// a numbered plan (`401K`), a clock time (`8:30`, `9 p.m.`) or a range
    /// of them (`from 8:30 to 9`, `8 to 8:30`).
    pub(super) fn not_a_quantity(&self, i: usize) -> Option<usize> {
        if !is_digit(self.at(i)) || (i > 0 && is_digit(self.at(i - 1))) {
            return None;
        }
        if let Some(w) = NUMBERED_NAMES
            .iter()
            .find(|w| starts_with_ci_at(&self.chars, i, w))
        {
            let end = i + w.chars().count();
            if !self.at(end).is_ascii_alphanumeric() {
                return Some(end);
            }
        }
        let first = self.clock_time_end(i)?;
        // A range: "8:30 to 9", "8 to 8:30", "8-9 p.m.".
        for joiner in [" to ", "-", " and ", "–"] {
            if starts_with_at(&self.chars, first.0, joiner) {
                let next = first.0 + joiner.chars().count();
                if let Some((end, clock)) = self.clock_time_end(next)
                    && (clock || first.1)
                {
                    return Some(end);
                }
            }
        }
        first.1.then_some(first.0)
    }

    /// End of an hour at `i` (`8`, `8:30`, `9 p.m.`) and whether it is
    /// surely a clock time (has minutes or an a.m./p.m./o'clock).
    fn clock_time_end(&self, i: usize) -> Option<(usize, bool)> {
        let h = self.digits_end(i);
        if h == i || h - i > 2 {
            return None;
        }
        let mut end = h;
        let mut clock = false;
        if self.at(h) == ':' && self.digits_end(h + 1) == h + 3 {
            end = h + 3;
            clock = true;
        }
        if let Some(n) = self.suffix_len(end, CLOCK_SUFFIXES) {
            end += n;
            clock = true;
        }
        Some((end, clock))
    }

    /// Spelled-out English figures: "five hundred billion dollars",
    /// "twenty-five percent", "a million people", "three times".
    pub(super) fn spelled_numbers(&mut self) {
        let mut i = 0;
        while i < self.chars.len() {
            let boundary = i == 0 || !self.at(i - 1).is_ascii_alphanumeric();
            let end = self.ascii_word_end(i);
            if !boundary || end == i || !self.free(i, end) {
                i = end.max(i + 1);
                continue;
            }
            let Some((run_end, strong)) = self.number_word_run(i) else {
                i = end;
                continue;
            };
            let num = Num {
                start: i,
                end: run_end,
                value: None,
                digits: 0,
            };
            let unit = self
                .suffix_len(run_end, PERCENT_SUFFIXES)
                .map(|n| (Feature::Percent, n))
                .or_else(|| {
                    self.suffix_len(run_end, MULTIPLE_SUFFIXES)
                        .map(|n| (Feature::Multiple, n))
                })
                .or_else(|| {
                    self.suffix_len(run_end, CURRENCY_SUFFIXES)
                        .map(|n| (Feature::Money, n))
                });
            match unit {
                Some((feature, n)) if self.free(num.start, num.end + n) => {
                    self.take(feature, num.start, num.end + n);
                }
                None if strong => self.take(Feature::Figure, num.start, num.end),
                _ => {}
            }
            i = run_end;
        }
    }

    /// End of a run of number words at `i` ("five hundred and fifty",
    /// "twenty-five", "a million"), and whether it is a quantity by itself
    /// (has a tens or magnitude word).
    fn number_word_run(&self, i: usize) -> Option<(usize, bool)> {
        let word_at = |k: usize| -> Option<(usize, String)> {
            let e = self.ascii_word_end(k);
            (e > k).then(|| {
                (
                    e,
                    self.chars[k..e]
                        .iter()
                        .collect::<String>()
                        .to_ascii_lowercase(),
                )
            })
        };
        let kind = |w: &str| {
            if MAGNITUDE_WORDS.contains(&w) {
                Some(2)
            } else if TENS_WORDS.contains(&w) {
                Some(1)
            } else if NUMBER_WORDS.contains(&w) {
                Some(0)
            } else {
                None
            }
        };
        let (first_end, first) = word_at(i)?;
        let mut strong = false;
        let mut end;
        if first == "a" || first == "one" {
            // "a million", "one hundred": the article counts with a magnitude only.
            let (e, w) = word_at(first_end + 1).filter(|_| self.at(first_end) == ' ')?;
            if kind(&w) != Some(2) && first == "a" {
                return None;
            }
            end = if kind(&w) == Some(2) {
                strong = true;
                e
            } else {
                first_end
            };
        } else {
            let k = kind(&first)?;
            strong = k > 0;
            end = first_end;
        }
        loop {
            let sep = self.at(end);
            let mut next = end + 1;
            if sep == ' ' && starts_with_ci_at(&self.chars, next, "and ") {
                next += 4;
            } else if sep != ' ' && sep != '-' {
                break;
            }
            match word_at(next).filter(|(_, w)| kind(w).is_some()) {
                Some((e, w)) => {
                    strong |= kind(&w).is_some_and(|k| k > 0);
                    end = e;
                }
                None => break,
            }
        }
        Some((end, strong))
    }

    /// Past an identifier such as `GPT-4o` or `o1`, or one char on.
    pub(super) fn skip_token(&self, i: usize) -> usize {
        let len = self.chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
            .count();
        i + len.max(1)
    }

    pub(super) fn number_at(&self, i: usize) -> Option<Num> {
        if is_digit(self.at(i)) {
            self.arabic_number(i)
        } else {
            self.chinese_number(i)
        }
    }

    /// Arabic number with thousands separators, decimals, magnitudes
    /// (`万`, `亿`, `million`, `bn`) and approximations (`多`, `余`).
    /// Digits glued to Latin letters are part of a name (`GPT-4o`, `o1`).
    pub(super) fn arabic_number(&self, s: usize) -> Option<Num> {
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
    pub(super) fn extend_magnitude(&self, num: &mut Num) {
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
    pub(super) fn chinese_number(&self, s: usize) -> Option<Num> {
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
        // 十亿, 十万: ten of a magnitude counts as a digit would.
        let has_digit = run.iter().any(|c| CN_DIGITS.contains(*c)) || (run[0] == '十' && len >= 2);
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

    pub(super) fn counter_after(&self, i: usize) -> Option<usize> {
        COUNTERS
            .iter()
            .filter(|w| starts_with_at(&self.chars, i, w))
            .map(|w| w.chars().count())
            .max()
    }

    pub(super) fn suffix_len(&self, i: usize, words: &[&str]) -> Option<usize> {
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
    pub(super) fn classify(&self, num: &Num) -> Option<(Feature, usize, usize)> {
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

    pub(super) fn currency_prefix(&self, s: usize) -> Option<usize> {
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
    pub(super) fn date_end(&self, num: &Num) -> Option<usize> {
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
    pub(super) fn month_day_end(&self, i: usize) -> Option<usize> {
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

    pub(super) fn numeral_end(&self, i: usize) -> usize {
        let d = self.digits_end(i);
        if d > i {
            return d;
        }
        i + self.chars[i..]
            .iter()
            .take_while(|c| CN_DIGITS.contains(**c) || CN_MAGNITUDES.contains(**c))
            .count()
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
