//! Placing one quote of the old revision in the new one: in text the diff
//! kept, found again by its words and context when its paragraph moved, or
//! anchored to the words that replaced it.

use std::collections::HashSet;
use std::sync::OnceLock;

use similar::{Algorithm, DiffOp};

use crate::anchor;
use crate::model::{Anchor, Outcome};
use crate::text::SourceText;

use super::diff::{CHAR_DIFF_LIMIT, Diff, Squeezed, squeeze};

/// Where a claim's words landed in the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub outcome: Outcome,
    /// The new span, for `moved` and `edited`.
    pub span: Option<(usize, usize)>,
    /// For an ambiguous placement: every place the words occur.
    pub candidates: Vec<(usize, usize)>,
}

impl Placement {
    pub(super) fn moved(span: (usize, usize)) -> Placement {
        Placement {
            outcome: Outcome::Moved,
            span: Some(span),
            candidates: Vec::new(),
        }
    }
}

/// Two revisions of an article and the diff between them.
pub struct Revision<'a> {
    pub old: &'a SourceText,
    pub new: &'a SourceText,
    pub(super) diff: Diff,
    /// Each changed passage of the new text without whitespace, with its offset.
    pub(super) squeezed: OnceLock<Vec<(usize, Squeezed)>>,
    pub(super) inserted: OnceLock<Vec<InsertedLine<'a>>>,
}

/// A line of the new text the diff did not pair with old text.
pub(super) struct InsertedLine<'a> {
    pub(super) span: (usize, usize),
    pub(super) chars: usize,
    pub(super) pieces: HashSet<&'a str>,
}

/// The distinct four-character pieces of a text.
pub(super) fn shingles(text: &str) -> HashSet<&str> {
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    starts.windows(5).map(|w| &text[w[0]..w[4]]).collect()
}

impl<'a> Revision<'a> {
    pub fn new(old: &'a SourceText, new: &'a SourceText) -> Revision<'a> {
        Revision {
            old,
            new,
            diff: Diff::new(old, new),
            squeezed: OnceLock::new(),
            inserted: OnceLock::new(),
        }
    }

    /// Places a selector of the old text in the new one. `None` when the
    /// selector's words are not in the old text either (`check` reports that).
    pub fn place(&self, a: &Anchor) -> Option<Placement> {
        let (start, end) = match anchor::find(self.old, a) {
            anchor::Found::InPlace => (a.start, a.end),
            anchor::Found::Moved { start, end } => (start, end),
            anchor::Found::Lost => return None,
        };
        if let Some(span) = self.diff.kept(start, end) {
            return Some(Placement::moved(span));
        }
        let new_len = self.new.char_len();
        let mapped_start = self.diff.map_start(start, new_len);
        let mapped = (mapped_start, self.diff.map_end(end).max(mapped_start));
        let words = squeeze(&a.exact);
        if !words.is_empty() && squeeze(self.new.slice(mapped.0, mapped.1)) == words {
            return Some(Placement::moved(self.trim(mapped)));
        }
        // Words in the new text's changed passages (not kept from elsewhere
        // in the old text) that read exactly like the quote: a moved passage.
        let fresh = |spans: Vec<(usize, usize)>| -> Vec<(usize, usize)> {
            spans
                .into_iter()
                .filter(|&(s, e)| !self.diff.is_kept(s, e))
                .collect()
        };
        let mut exact = Vec::new();
        for &(from, to) in &self.diff.changed {
            let passage = self.new.slice(from, to);
            let mut at = 0;
            while let Some(i) = passage[at..].find(&a.exact) {
                let byte = at + i;
                let s = from + passage[..byte].chars().count();
                exact.push((s, s + a.exact.chars().count()));
                at = byte + passage[byte..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if let Some(p) = self.choose(a, fresh(exact)) {
            return Some(p);
        }
        if !words.is_empty() {
            let squeezed = self.squeezed.get_or_init(|| {
                self.diff
                    .changed
                    .iter()
                    .map(|&(from, to)| (from, Squeezed::new(self.new.slice(from, to))))
                    .collect()
            });
            let found = squeezed
                .iter()
                .flat_map(|(from, sq)| {
                    sq.find_all(&words)
                        .into_iter()
                        .map(move |(s, e)| (from + s, from + e))
                })
                .collect();
            if let Some(p) = self.choose(a, fresh(found)) {
                return Some(p);
            }
        }
        let (s, e) = self.trim(mapped);
        if !self.replaced(start, end, (s, e))
            && let Some(p) = self.moved_and_edited(start, end)
        {
            return Some(p);
        }
        Some(if self.replaced(start, end, (s, e)) {
            Placement {
                outcome: Outcome::Edited,
                span: Some((s, e)),
                candidates: Vec::new(),
            }
        } else {
            Placement {
                outcome: Outcome::Dropped,
                span: None,
                candidates: Vec::new(),
            }
        })
    }

    /// One candidate is the quote moved; of several, the one whose context
    /// agrees best, if exactly one does; otherwise the placement is
    /// ambiguous: edited, at the first of the best, with every one named.
    pub(super) fn choose(&self, a: &Anchor, found: Vec<(usize, usize)>) -> Option<Placement> {
        match found.as_slice() {
            [] => None,
            [one] => Some(Placement::moved(*one)),
            many => {
                let scores: Vec<usize> = many
                    .iter()
                    .map(|&(s, e)| anchor::context_score(self.new, s, e, a))
                    .collect();
                let best = scores.iter().copied().max().unwrap_or(0);
                let at_best: Vec<usize> = (0..many.len()).filter(|&i| scores[i] == best).collect();
                if best > 0 && at_best.len() == 1 {
                    return Some(Placement::moved(many[at_best[0]]));
                }
                Some(Placement {
                    outcome: Outcome::Edited,
                    span: Some(many[at_best[0]]),
                    candidates: many.to_vec(),
                })
            }
        }
    }

    /// Whether the new text `span` replaced the old words `[start, end)`
    /// rather than being what is left of them after a cut, or new text
    /// written where they were: it holds a letter or digit, is at most four
    /// times as long (and 16 characters), and holds either new characters
    /// or at least half the old ones. (A character diff keeps a stray `.` or
    /// `的` of a deleted sentence, and pairs a cut sentence with a paragraph
    /// inserted in its place.)
    pub(super) fn replaced(&self, start: usize, end: usize, (s, e): (usize, usize)) -> bool {
        if e <= s
            || e - s > 4 * (end - start) + 16
            || !self.new.slice(s, e).chars().any(char::is_alphanumeric)
        {
            return false;
        }
        let kept = self.diff.kept_within(s, e);
        kept < e - s || kept * 2 >= end - start
    }

    /// The quote's line was deleted where it stood (the diff kept none of
    /// it): it may have moved and been edited. The inserted line most like
    /// it (at least 60% of the characters of the longer one in common, by a
    /// character diff) takes it, and the quote is mapped through that diff;
    /// two lines alike are ambiguous.
    pub(super) fn moved_and_edited(&self, start: usize, end: usize) -> Option<Placement> {
        let old = self.old.as_str();
        let (sb, eb) = (self.old.byte_of(start), self.old.byte_of(end));
        let line_start = old[..sb].rfind('\n').map_or(0, |i| i + 1);
        let line_end = old[eb..].find('\n').map_or(old.len(), |i| eb + i);
        let (ls, le) = (self.old.char_of(line_start), self.old.char_of(line_end));
        // A line the diff kept most of was edited where it stands: what the
        // diff says of it holds.
        if self.diff.kept_old_within(ls, le) * 2 > le - ls {
            return None;
        }
        let text = &old[line_start..line_end];
        let line: Vec<char> = text.chars().collect();
        // The new lines sharing most of its four-character pieces are
        // compared in full: a character diff of every inserted line would
        // cost too much, and near-identical boilerplate would tie.
        let pieces = shingles(text);
        if pieces.is_empty() {
            return None;
        }
        let mut ranked: Vec<(usize, &InsertedLine)> = self
            .inserted_lines()
            .iter()
            .filter(|l| l.chars * 2 >= line.len() && l.chars <= line.len() * 2)
            .map(|l| (pieces.iter().filter(|p| l.pieces.contains(*p)).count(), l))
            .filter(|&(shared, _)| shared * 2 >= pieces.len())
            .collect();
        ranked.sort_by_key(|&(shared, l)| (std::cmp::Reverse(shared), l.span));
        let mut best: Vec<(usize, (usize, usize), Vec<DiffOp>)> = Vec::new();
        for (_, l) in ranked.into_iter().take(5) {
            if l.chars + line.len() > CHAR_DIFF_LIMIT {
                continue;
            }
            let chars: Vec<char> = self.new.slice(l.span.0, l.span.1).chars().collect();
            let ops = similar::capture_diff_slices(Algorithm::Myers, &line, &chars);
            let same: usize = ops
                .iter()
                .map(|op| match *op {
                    DiffOp::Equal { len, .. } => len,
                    _ => 0,
                })
                .sum();
            if same * 5 >= line.len().max(l.chars) * 3 {
                match best.first() {
                    Some((score, ..)) if *score > same => {}
                    Some((score, ..)) if *score == same => best.push((same, l.span, ops)),
                    _ => best = vec![(same, l.span, ops)],
                }
            }
        }
        let (_, (ns, _), ops) = best.first()?;
        let mut local = Diff::default();
        for op in ops {
            match *op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => local.keep(ls + old_index, ns + new_index, len),
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => local.change(
                    (ls + old_index, ls + old_index + old_len),
                    (ns + new_index, ns + new_index),
                ),
                DiffOp::Insert { .. } => {}
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => local.change(
                    (ls + old_index, ls + old_index + old_len),
                    (ns + new_index, ns + new_index + new_len),
                ),
            }
        }
        let s = local.map_start(start, self.new.char_len());
        let (s, e) = self.trim((s, local.map_end(end).max(s)));
        if e <= s {
            return None;
        }
        let candidates = if best.len() > 1 {
            best.iter().map(|(_, span, _)| *span).collect()
        } else {
            Vec::new()
        };
        Some(Placement {
            outcome: Outcome::Edited,
            span: Some((s, e)),
            candidates,
        })
    }

    /// Every line of the new text the diff did not pair with old text, with
    /// its four-character pieces; made on first use.
    pub(super) fn inserted_lines(&self) -> &[InsertedLine<'a>] {
        self.inserted.get_or_init(|| {
            let new: &'a str = self.new.as_str();
            let mut out = Vec::new();
            for &(bs, be) in &self.diff.changed {
                let (mut from, block_end) = (self.new.byte_of(bs), self.new.byte_of(be));
                while from < block_end {
                    let to = new[from..block_end]
                        .find('\n')
                        .map_or(block_end, |i| from + i);
                    let text = &new[from..to];
                    if !text.trim().is_empty() {
                        out.push(InsertedLine {
                            span: (self.new.char_of(from), self.new.char_of(to)),
                            chars: text.chars().count(),
                            pieces: shingles(text),
                        });
                    }
                    from = to + 1;
                }
            }
            out
        })
    }

    /// A span of the new text without whitespace at either end.
    pub(super) fn trim(&self, (start, end): (usize, usize)) -> (usize, usize) {
        let text = self.new.slice(start, end);
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let rest = &text[text.len() - text.trim_start().len()..];
        let trail = rest.chars().rev().take_while(|c| c.is_whitespace()).count();
        (start + lead, (end - trail).max(start + lead))
    }
}
