//! Who: titles in 《》, dotted transliterations, organisations, Latin-script names.

use super::super::chars::*;
use super::super::cues::*;
use super::super::sentence::ABBREVIATIONS;
use super::{Feature, Scan};

impl Scan {
    // --- who --------------------------------------------------------------

    /// `《…》`: a publication, programme or document title.
    pub(super) fn titles(&mut self) {
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
    pub(super) fn dotted_names(&mut self) {
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
    pub(super) fn org_suffixes(&mut self) {
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
    pub(super) fn starts_name(&self, s: usize) -> bool {
        if s == 0 {
            return true;
        }
        let before = self.at(s - 1);
        is_cjk(self.at(s)) && (!before.is_alphanumeric() || ORG_NAME_BOUNDARY.contains(before))
    }

    /// Latin-script names: capitalised or mixed-case words, and words mixing
    /// letters and digits (`OpenAI`, `Mira Murati`, `GPT-4o`, `xAI`, `o1`).
    /// Consecutive capitalised words form one name.
    pub(super) fn latin_names(&mut self) {
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
    pub(super) fn name_run(&self, i: usize, end: usize) -> (usize, usize) {
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

    pub(super) fn latin_token_end(&self, i: usize) -> usize {
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
    pub(super) fn name_token_end(&self, i: usize) -> Option<usize> {
        let e = self.latin_token_end(i);
        if !self.free(i, e) {
            return None;
        }
        let token: String = self.chars[i..e].iter().collect();
        let upper = token.chars().any(|c| c.is_ascii_uppercase());
        let letters = token.chars().any(|c| c.is_ascii_alphabetic());
        let digits = token.chars().any(|c| c.is_ascii_digit());
        // "I'm", "We've", "It's": a pronoun with its verb, not a name.
        let stem = token.split('\'').next().unwrap_or_default();
        let excluded = NOT_NAMES.contains(&token.as_str())
            || (stem.len() < token.len() && NOT_NAMES.contains(&stem))
            || MONTHS.contains(&token.as_str())
            || WEEKDAYS.contains(&token.as_str());
        ((upper || (letters && digits)) && !excluded).then_some(e)
    }
}
