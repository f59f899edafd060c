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
