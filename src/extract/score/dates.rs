//! Dates: `May 13, 2024`, `13 May`, weekdays, `本周三`, `星期三`.

use super::super::chars::*;
use super::super::cues::*;
use super::{Feature, Scan};

impl Scan {
    // --- dates ------------------------------------------------------------

    pub(super) fn ascii_word_end(&self, i: usize) -> usize {
        i + self.chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    }

    pub(super) fn digits_end(&self, i: usize) -> usize {
        i + self.chars[i..].iter().take_while(|c| is_digit(**c)).count()
    }

    /// `May 13`, `May 13, 2024`, `13 May`, `March 2024`, standalone full month
    /// names (except the modal "May") and weekdays.
    pub(super) fn english_dates(&mut self) {
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
                // "this Thursday night" is a schedule, not when something happened.
                let feature = if self.schedule_around(i, end) {
                    Feature::TimeRef
                } else {
                    Feature::Date
                };
                self.take(feature, i, end);
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

    /// Whether the weekday `[a, b)` stands in a schedule: "this Thursday",
    /// "every Friday", "Friday night".
    fn schedule_around(&self, a: usize, b: usize) -> bool {
        let before = (a >= 2 && self.at(a - 1) == ' ').then(|| {
            let mut s = a - 1;
            while s > 0 && self.at(s - 1).is_ascii_alphabetic() {
                s -= 1;
            }
            self.chars[s..a - 1]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase()
        });
        let after = (self.at(b) == ' ').then(|| {
            let e = self.ascii_word_end(b + 1);
            self.chars[b + 1..e]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase()
        });
        before.is_some_and(|w| SCHEDULE_BEFORE.contains(&w.as_str()))
            || after.is_some_and(|w| SCHEDULE_AFTER.contains(&w.as_str()))
    }

    /// End of ` 13`, ` 13th`, ` 13, 2024` or ` 2024` after a month name.
    pub(super) fn month_number_end(&self, after: usize) -> Option<usize> {
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
    pub(super) fn day_before(&self, month_start: usize) -> Option<usize> {
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
    pub(super) fn chinese_weekdays(&mut self) {
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
}
