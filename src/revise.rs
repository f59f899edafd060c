//! Article revisions: carrying claims from one draft of the article to the next.
//!
//! An article is checked while it is still being edited. When a new draft is
//! snapshotted with `source add --revises`, every claim anchored in the old
//! draft is placed in the new one by a diff of the two texts, not by a fuzzy
//! search: the tool holds both snapshots, so it knows what changed. The diff
//! runs over lines first (line endings aside, so CRLF to LF changes nothing),
//! then over characters inside each changed hunk, which keeps a
//! million-character article fast. A claim's outcome is:
//!
//! - `moved`: its exact words are in the new text unchanged: in text the diff
//!   kept, or, for a paragraph moved (a delete plus an insert), found again in
//!   the new text by its words and prefix/suffix context, the W3C
//!   TextQuoteSelector way. Words whose line breaks and spaces changed, but
//!   not the words themselves (a re-wrapped paragraph), are moved too.
//! - `edited`: the words were changed; the claim is anchored to the words that
//!   replaced them. A quote that now occurs more than once with nothing to
//!   choose between the places is edited too, with every candidate named:
//!   the tool never guesses silently.
//! - `dropped`: the words are gone; the claim keeps its anchor in the
//!   revision that had them.
//!
//! Each outcome is a `revised` history event on the claim; an `edited` one
//! keeps the old anchor (`from`) and puts the claim in recheck until it is
//! marked again ([`Claim::recheck`]).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use similar::{Algorithm, DiffOp};

use crate::anchor;
use crate::error::{Error, Result};
use crate::model::Author;
use crate::model::{Anchor, Claim, ClaimId, Event, HistoryEntry, Outcome, SourceId};
use crate::text::SourceText;
use crate::workspace::store;
use crate::workspace::{Lock, Workspace};

/// A changed hunk is compared character by character only while the two
/// sides together are at most this many characters: the character diff costs
/// up to the product of the sides, and a hunk this big is a rewrite, whose
/// claims are found again by their words or are edited as a whole.
const CHAR_DIFF_LIMIT: usize = 20_000;
/// `source diff` compares a changed passage word by word only while its
/// two sides together are at most this many words (the word diff costs up
/// to the product of the sides); a bigger one is shown as removed and
/// added whole. So the diff's time is linear in the texts' size.
const WORD_DIFF_LIMIT: usize = 4_000;
/// A bound on the line diff of `source diff`, which on texts with few
/// distinct lines falls back to a quadratic search: past it, the rest is
/// compared coarsely (a correct diff, if not the smallest).
const LINE_DIFF_TIME: std::time::Duration = std::time::Duration::from_secs(2);

/// Text the diff kept: `len` characters at `old` in the old text are the
/// same characters at `new` in the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    old: usize,
    new: usize,
    len: usize,
}

/// Old characters `old` the diff changed into the new characters `new`
/// (empty when they were deleted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hunk {
    old: (usize, usize),
    new: (usize, usize),
}

/// What the diff of two texts says about every old character.
#[derive(Debug, Default)]
pub struct Diff {
    /// Kept text, in order on both sides.
    segments: Vec<Segment>,
    /// Changed or deleted old text, in order.
    hunks: Vec<Hunk>,
    /// New lines the line diff did not pair with old lines (inserted, or
    /// replacing others), in order: where a moved passage lands.
    changed: Vec<(usize, usize)>,
}

/// One line, its line ending apart.
struct Line<'a> {
    key: &'a str,
    /// Character offset of its start.
    start: usize,
    /// Characters before the line ending.
    content: usize,
    /// Characters including the line ending.
    total: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let key = match raw.strip_suffix('\n') {
            Some(k) => k.strip_suffix('\r').unwrap_or(k),
            None => raw,
        };
        let content = key.chars().count();
        // Line endings are one-byte characters.
        let total = content + (raw.len() - key.len());
        out.push(Line {
            key,
            start: pos,
            content,
            total,
        });
        pos += total;
    }
    out
}

impl Diff {
    /// Diffs two texts: lines first, then characters inside changed hunks.
    pub fn new(old: &SourceText, new: &SourceText) -> Diff {
        let (old_lines, new_lines) = (lines(old.as_str()), lines(new.as_str()));
        let old_keys: Vec<&str> = old_lines.iter().map(|l| l.key).collect();
        let new_keys: Vec<&str> = new_lines.iter().map(|l| l.key).collect();
        let at = |lines: &[Line], i: usize, end: usize| lines.get(i).map_or(end, |l| l.start);
        let (old_end, new_end) = (old.char_len(), new.char_len());
        let mut diff = Diff::default();
        for op in similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
            match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => {
                    for i in 0..len {
                        let (o, n) = (&old_lines[old_index + i], &new_lines[new_index + i]);
                        diff.keep(o.start, n.start, o.content);
                        let (o_end, n_end) = (o.start + o.content, n.start + n.content);
                        if old.slice(o_end, o.start + o.total)
                            == new.slice(n_end, n.start + n.total)
                        {
                            diff.keep(o_end, n_end, o.total - o.content);
                        } else {
                            diff.change((o_end, o.start + o.total), (n_end, n.start + n.total));
                        }
                    }
                }
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => {
                    let n = at(&new_lines, new_index, new_end);
                    diff.change(
                        (
                            at(&old_lines, old_index, old_end),
                            at(&old_lines, old_index + old_len, old_end),
                        ),
                        (n, n),
                    );
                }
                DiffOp::Insert {
                    new_index, new_len, ..
                } => diff.changed.push((
                    at(&new_lines, new_index, new_end),
                    at(&new_lines, new_index + new_len, new_end),
                )),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    let o = (
                        at(&old_lines, old_index, old_end),
                        at(&old_lines, old_index + old_len, old_end),
                    );
                    let n = (
                        at(&new_lines, new_index, new_end),
                        at(&new_lines, new_index + new_len, new_end),
                    );
                    diff.changed.push(n);
                    diff.chars(old, new, o, n);
                }
            }
        }
        diff
    }

    /// Diffs one changed hunk character by character.
    fn chars(&mut self, old: &SourceText, new: &SourceText, o: (usize, usize), n: (usize, usize)) {
        if (o.1 - o.0) + (n.1 - n.0) > CHAR_DIFF_LIMIT {
            self.change(o, n);
            return;
        }
        let a: Vec<char> = old.slice(o.0, o.1).chars().collect();
        let b: Vec<char> = new.slice(n.0, n.1).chars().collect();
        for op in similar::capture_diff_slices(Algorithm::Myers, &a, &b) {
            match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => self.keep(o.0 + old_index, n.0 + new_index, len),
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => self.change(
                    (o.0 + old_index, o.0 + old_index + old_len),
                    (n.0 + new_index, n.0 + new_index),
                ),
                DiffOp::Insert { .. } => {}
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => self.change(
                    (o.0 + old_index, o.0 + old_index + old_len),
                    (n.0 + new_index, n.0 + new_index + new_len),
                ),
            }
        }
    }

    fn keep(&mut self, old: usize, new: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.old + last.len == old
            && last.new + last.len == new
        {
            last.len += len;
            return;
        }
        self.segments.push(Segment { old, new, len });
    }

    fn change(&mut self, old: (usize, usize), new: (usize, usize)) {
        if old.1 > old.0 {
            self.hunks.push(Hunk { old, new });
        }
    }

    /// Where the kept text `[start, end)` of the old text is in the new
    /// text, if the diff kept all of it in one piece.
    fn kept(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let i = self.segments.partition_point(|s| s.old + s.len <= start);
        let s = self.segments.get(i)?;
        (s.old <= start && end <= s.old + s.len)
            .then(|| (s.new + start - s.old, s.new + end - s.old))
    }

    /// Whether the new text `[start, end)` was kept from the old text.
    fn is_kept(&self, start: usize, end: usize) -> bool {
        let i = self.segments.partition_point(|s| s.new + s.len <= start);
        self.segments
            .get(i)
            .is_some_and(|s| s.new <= start && end <= s.new + s.len)
    }

    /// How many characters of the new text `[start, end)` were kept from
    /// the old text.
    fn kept_within(&self, start: usize, end: usize) -> usize {
        self.kept_on(start, end, |s| s.new)
    }

    /// How many characters of the old text `[start, end)` the diff kept.
    fn kept_old_within(&self, start: usize, end: usize) -> usize {
        self.kept_on(start, end, |s| s.old)
    }

    /// How many characters of `[start, end)` the diff kept, counted on the
    /// side of the texts `at` gives each kept segment's offset in.
    fn kept_on(&self, start: usize, end: usize, at: impl Fn(&Segment) -> usize) -> usize {
        let i = self.segments.partition_point(|s| at(s) + s.len <= start);
        self.segments[i..]
            .iter()
            .take_while(|s| at(s) < end)
            .map(|s| (at(s) + s.len).min(end) - at(s).max(start))
            .sum()
    }

    /// The new offset of old offset `pos` as the start of a range: inside
    /// changed text, the start of what replaced it.
    fn map_start(&self, pos: usize, new_len: usize) -> usize {
        let i = self.segments.partition_point(|s| s.old + s.len <= pos);
        if let Some(s) = self.segments.get(i)
            && s.old <= pos
        {
            return s.new + pos - s.old;
        }
        let i = self.hunks.partition_point(|h| h.old.1 <= pos);
        match self.hunks.get(i) {
            Some(h) if h.old.0 <= pos => h.new.0,
            _ => new_len,
        }
    }

    /// The new offset of old offset `pos` as the end of a range: inside
    /// changed text, the end of what replaced it.
    fn map_end(&self, pos: usize) -> usize {
        let i = self.segments.partition_point(|s| s.old + s.len < pos);
        if let Some(s) = self.segments.get(i)
            && s.old < pos
        {
            return s.new + pos - s.old;
        }
        let i = self.hunks.partition_point(|h| h.old.1 < pos);
        match self.hunks.get(i) {
            Some(h) if h.old.0 < pos => h.new.1,
            _ => 0,
        }
    }
}

/// A text without its whitespace, to find words whose line breaks and
/// spaces changed.
#[derive(Debug)]
struct Squeezed {
    text: String,
    /// For each character of `text`: its byte offset there, and its
    /// character offset in the full text.
    origin: Vec<(usize, usize)>,
}

impl Squeezed {
    fn new(text: &str) -> Squeezed {
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::new();
        for (i, c) in text.chars().enumerate() {
            if !c.is_whitespace() {
                origin.push((out.len(), i));
                out.push(c);
            }
        }
        Squeezed { text: out, origin }
    }

    /// Every place `needle` (already squeezed) occurs, as character spans of
    /// the full text from its first to its last character.
    fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        let Some(first) = needle.chars().next() else {
            return Vec::new();
        };
        let count = needle.chars().count();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = self.text[from..].find(needle) {
            let byte = from + pos;
            let i = self.origin.partition_point(|&(b, _)| b < byte);
            found.push((self.origin[i].1, self.origin[i + count - 1].1 + 1));
            from = byte + first.len_utf8();
        }
        found
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

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
    fn moved(span: (usize, usize)) -> Placement {
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
    diff: Diff,
    /// Each changed passage of the new text without whitespace, with its offset.
    squeezed: OnceLock<Vec<(usize, Squeezed)>>,
    inserted: OnceLock<Vec<InsertedLine<'a>>>,
}

/// A line of the new text the diff did not pair with old text.
struct InsertedLine<'a> {
    span: (usize, usize),
    chars: usize,
    pieces: HashSet<&'a str>,
}

/// The distinct four-character pieces of a text.
fn shingles(text: &str) -> HashSet<&str> {
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
    fn choose(&self, a: &Anchor, found: Vec<(usize, usize)>) -> Option<Placement> {
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
    fn replaced(&self, start: usize, end: usize, (s, e): (usize, usize)) -> bool {
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
    fn moved_and_edited(&self, start: usize, end: usize) -> Option<Placement> {
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
    fn inserted_lines(&self) -> &[InsertedLine<'a>] {
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
    fn trim(&self, (start, end): (usize, usize)) -> (usize, usize) {
        let text = self.new.slice(start, end);
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let rest = &text[text.len() - text.trim_start().len()..];
        let trail = rest.chars().rev().take_while(|c| c.is_whitespace()).count();
        (start + lead, (end - trail).max(start + lead))
    }
}

// ---------------------------------------------------------------------------
// Carrying the workspace's claims.
// ---------------------------------------------------------------------------

/// A selector as printed: offsets and words.
#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub exact: String,
}

impl Span {
    fn of(a: &Anchor) -> Span {
        Span {
            start: a.start,
            end: a.end,
            exact: a.exact.clone(),
        }
    }
}

/// What became of one claim in one revision.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    pub id: ClaimId,
    pub outcome: Outcome,
    /// The revision it was carried from.
    #[serde(skip)]
    pub from_source: SourceId,
    /// The revision it was carried to.
    #[serde(skip)]
    pub revision: SourceId,
    pub from: Span,
    pub to: Option<Span>,
    /// For an ambiguous placement: every place the words occur.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

/// One place an ambiguous quote occurs.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
}

/// The revisions of `article`, oldest first, ending with it: each snapshot
/// its `revises` names, back to one that names none. A chain that loops or
/// names a missing snapshot is an error naming the record.
pub fn chain(ws: &Workspace, article: &SourceId) -> Result<Vec<SourceId>> {
    let mut out = vec![article.clone()];
    let mut seen: HashSet<SourceId> = out.iter().cloned().collect();
    let mut at = article.clone();
    loop {
        let meta = store::load_meta(ws, &at)?;
        let Some(prev) = meta.revises else { break };
        if !seen.insert(prev.clone()) {
            return Err(Error::usage(format!(
                "`sources/{}.yaml`: `revises` goes round in a circle back to `{}`",
                at.hex(),
                prev.short()
            ))
            .with_hint("correct `revises` in the record so the revisions form a line"));
        }
        if store::load_meta(ws, &prev).is_err() {
            return Err(Error::usage(format!(
                "`sources/{}.yaml` revises snapshot `{}`, which is not in `sources/`",
                at.hex(),
                prev.short()
            ))
            .with_hint("restore the earlier snapshot from git"));
        }
        out.push(prev.clone());
        at = prev;
    }
    out.reverse();
    Ok(out)
}

/// Whether a claim anchored in an earlier revision waits to be carried: it
/// was neither carried nor dropped.
pub fn waiting(claim: &Claim, earlier: &HashSet<SourceId>) -> bool {
    claim
        .appears_in
        .as_ref()
        .is_some_and(|a| earlier.contains(&a.source))
        && claim.dropped().is_none()
}

/// Carries every claim anchored in an earlier revision of `article` along the
/// chain of revisions up to it, saving each claim that changed. `author` is
/// asked for only when there is something to carry.
pub(crate) fn carry_to(
    ws: &Workspace,
    article: &SourceId,
    author: impl FnOnce() -> Result<Author>,
    lock: &Lock,
) -> Result<Vec<Carried>> {
    let chain = chain(ws, article)?;
    let earlier: HashSet<SourceId> = chain[..chain.len() - 1].iter().cloned().collect();
    let mut claims: Vec<Claim> = ws
        .load_claims()?
        .into_iter()
        .filter(|c| waiting(c, &earlier))
        .collect();
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let author = author()?;
    let mut carried = Vec::new();
    let mut texts: BTreeMap<SourceId, SourceText> = BTreeMap::new();
    for step in chain.windows(2) {
        let (from, to) = (&step[0], &step[1]);
        let todo: Vec<usize> = (0..claims.len())
            .filter(|&i| {
                claims[i].dropped().is_none()
                    && claims[i].appears_in.as_ref().map(|a| &a.source) == Some(from)
            })
            .collect();
        if todo.is_empty() {
            continue;
        }
        for id in [from, to] {
            if !texts.contains_key(id) {
                let meta = store::load_meta(ws, id)?;
                texts.insert(id.clone(), store::read_text(ws, &meta)?);
            }
        }
        let revision = Revision::new(&texts[from], &texts[to]);
        let placed: Vec<(usize, Option<Placement>)> = todo
            .par_iter()
            .map(|&i| {
                let a = claims[i]
                    .appears_in
                    .as_ref()
                    .expect("only anchored claims are carried");
                (i, revision.place(a))
            })
            .collect();
        let mut step_carried = Vec::new();
        for (i, placement) in placed {
            let Some(placement) = placement else {
                // Its words are not in the old revision either: `check`
                // reports that, and carrying it would only guess.
                continue;
            };
            step_carried.push(apply(&mut claims[i], placement, &revision, to, &author));
        }
        // In the order a reader meets them in the old revision.
        step_carried.sort_by(|a, b| (a.from.start, &a.id).cmp(&(b.from.start, &b.id)));
        carried.extend(step_carried);
    }
    let changed: HashSet<&ClaimId> = carried.iter().map(|c| &c.id).collect();
    claims
        .par_iter()
        .filter(|c| changed.contains(&c.id))
        .map(|c| ws.save_claim(c, lock))
        .collect::<Result<()>>()?;
    Ok(carried)
}

/// Records a placement on a claim: its new anchor and a `revised` event.
fn apply(
    claim: &mut Claim,
    placement: Placement,
    revision: &Revision,
    to: &SourceId,
    author: &Author,
) -> Carried {
    let old = claim
        .appears_in
        .clone()
        .expect("only anchored claims are carried");
    let new_anchor = placement
        .span
        .map(|(s, e)| anchor::anchor(to.clone(), revision.new, s, e));
    let mut entry = HistoryEntry {
        revision: Some(to.clone()),
        outcome: Some(placement.outcome),
        ..HistoryEntry::new(author.at, author.by.clone(), Event::Revised)
    };
    if placement.outcome == Outcome::Edited {
        entry.from = Some(old.clone());
    }
    if !placement.candidates.is_empty() {
        entry.note = Some(format!(
            "the words occur {} times in the new revision, at {}; anchored to {}..{} until someone picks one",
            placement.candidates.len(),
            placement
                .candidates
                .iter()
                .map(|(s, e)| format!("{s}..{e}"))
                .collect::<Vec<_>>()
                .join(", "),
            placement.span.map_or(0, |s| s.0),
            placement.span.map_or(0, |s| s.1),
        ));
    }
    claim.history.push(entry);
    if let Some(a) = &new_anchor {
        claim.appears_in = Some(a.clone());
    }
    Carried {
        id: claim.id.clone(),
        outcome: placement.outcome,
        from_source: old.source.clone(),
        revision: to.clone(),
        from: Span::of(&old),
        to: new_anchor.as_ref().map(Span::of),
        candidates: placement
            .candidates
            .iter()
            .map(|&(start, end)| Candidate { start, end })
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Word diffs for people (`source diff`).
// ---------------------------------------------------------------------------

/// A piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    pub text: String,
}

/// One changed passage: the old and new line numbers where it starts (from
/// 1), and its words, unchanged and changed.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub old_line: usize,
    pub new_line: usize,
    pub pieces: Vec<Piece>,
}

/// Words for a diff: runs of letters and digits, each CJK character alone,
/// runs of whitespace, and each other character alone.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<u8> = None;
    for (i, c) in text.char_indices() {
        let class = if is_cjk(c) {
            0
        } else if c.is_alphanumeric() || c == '_' {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        let joins = prev == Some(class) && (class == 1 || class == 2);
        if i > start && !joins {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(class);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af
        | 0xf900..=0xfaff | 0x20000..=0x2fa1f)
}

/// What changed between two texts, passage by passage, word by word
/// (character by character for Chinese, Japanese and Korean).
pub fn word_diff(old: &str, new: &str) -> Vec<Change> {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let old_keys: Vec<&str> = old_lines.iter().map(|l| l.key).collect();
    let new_keys: Vec<&str> = new_lines.iter().map(|l| l.key).collect();
    let mut out = Vec::new();
    let joined = |lines: &[Line], from: usize, len: usize| -> String {
        lines[from..from + len]
            .iter()
            .map(|l| l.key)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let deadline = std::time::Instant::now() + LINE_DIFF_TIME;
    for op in similar::capture_diff_slices_deadline(
        Algorithm::Patience,
        &old_keys,
        &new_keys,
        Some(deadline),
    ) {
        let (o, ol, n, nl) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index, old_len, new_index, 0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
        };
        let (a, b) = (joined(&old_lines, o, ol), joined(&new_lines, n, nl));
        let (wa, wb) = (words(&a), words(&b));
        let mut pieces: Vec<Piece> = Vec::new();
        let mut push = |op: &'static str, text: String| match pieces.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ if text.is_empty() => {}
            _ => pieces.push(Piece { op, text }),
        };
        let ops = if wa.len() + wb.len() > WORD_DIFF_LIMIT {
            vec![DiffOp::Replace {
                old_index: 0,
                old_len: wa.len(),
                new_index: 0,
                new_len: wb.len(),
            }]
        } else {
            similar::capture_diff_slices(Algorithm::Myers, &wa, &wb)
        };
        for d in ops {
            match d {
                DiffOp::Equal { old_index, len, .. } => {
                    push("equal", wa[old_index..old_index + len].concat())
                }
                DiffOp::Delete {
                    old_index, old_len, ..
                } => push("delete", wa[old_index..old_index + old_len].concat()),
                DiffOp::Insert {
                    new_index, new_len, ..
                } => push("insert", wb[new_index..new_index + new_len].concat()),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    push("delete", wa[old_index..old_index + old_len].concat());
                    push("insert", wb[new_index..new_index + new_len].concat());
                }
            }
        }
        out.push(Change {
            old_line: o + 1,
            new_line: n + 1,
            pieces,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> SourceId {
        SourceId::from_hex(&"a".repeat(64)).unwrap()
    }

    /// Anchors `quote` (which must occur once) in `old`, places it in `new`,
    /// and returns the outcome with the new words.
    fn carry(old: &str, new: &str, quote: &str) -> (Outcome, Option<String>, Placement) {
        let (old, new) = (SourceText::new(old.into()), SourceText::new(new.into()));
        let (s, e) = anchor::locate(&old, quote, None, "old").unwrap();
        let a = anchor::anchor(id(), &old, s, e);
        let revision = Revision::new(&old, &new);
        let p = revision.place(&a).unwrap();
        let words = p.span.map(|(s, e)| new.slice(s, e).to_string());
        (p.outcome, words, p)
    }

    const EN: &str = "The launch was rushed.\nThe safety team had nine days to test the model.\nStaff worked twenty hours a day.\n";

    #[test]
    fn insertion_before_a_quote_moves_it() {
        let new = format!(
            "A new opening line.\n{}",
            EN.replace("rushed", "very rushed")
        );
        let (outcome, words, p) = carry(EN, &new, "nine days to test");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("nine days to test"));
        assert_eq!(
            p.span.unwrap().0,
            new.chars().count() - EN.chars().count() + 43
        );
    }

    #[test]
    fn deletion_before_a_quote_moves_it() {
        let new = EN
            .replace("The launch was rushed.\n", "")
            .replace("The safety", "Safety");
        let (outcome, words, _) = carry(EN, &new, "nine days to test");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("nine days to test"));
    }

    #[test]
    fn an_edit_inside_a_quote_anchors_to_the_new_words() {
        let new = EN.replace("nine days", "ten days");
        let (outcome, words, _) = carry(EN, &new, "had nine days to test");
        assert_eq!(outcome, Outcome::Edited);
        assert_eq!(words.as_deref(), Some("had ten days to test"));
    }

    #[test]
    fn an_edit_that_applies_a_correction_is_edited() {
        let old = "据透露，OpenAI安全团队仅得到了9天的时间，来做安全检测。\n就，时间真的不够啊！\n";
        let new =
            "据透露，OpenAI安全团队得到了约一周的时间，来做安全检测。\n就，时间真的不够啊！\n";
        let (outcome, words, _) = carry(old, new, "OpenAI安全团队仅得到了9天的时间");
        assert_eq!(outcome, Outcome::Edited);
        assert_eq!(words.as_deref(), Some("OpenAI安全团队得到了约一周的时间"));
    }

    #[test]
    fn a_deleted_sentence_is_dropped() {
        let new = EN.replace("The safety team had nine days to test the model.\n", "");
        let (outcome, words, _) = carry(EN, &new, "nine days to test");
        assert_eq!(outcome, Outcome::Dropped);
        assert_eq!(words, None);
        // Cut from the middle of a line, too.
        let old = "一句。为此，团队仅得到了9天的时间。另一句。\n";
        let new = "一句。另一句。\n";
        assert_eq!(carry(old, new, "团队仅得到了9天的时间").0, Outcome::Dropped);
    }

    #[test]
    fn a_moved_paragraph_carries_its_quotes() {
        let old = "First paragraph about the launch.\n\nSecond paragraph: the safety team had nine days.\n\nThird paragraph about staff.\n";
        let new = "Second paragraph: the safety team had nine days.\n\nFirst paragraph about the launch, edited.\n\nThird paragraph about staff.\n";
        let (outcome, words, p) = carry(old, new, "safety team had nine days");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("safety team had nine days"));
        assert_eq!(p.span, Some((22, 47)));
        // The paragraph that stayed, edited around the quote.
        assert_eq!(
            carry(old, new, "about the launch").0,
            Outcome::Moved,
            "words kept in place"
        );
    }

    #[test]
    fn a_paragraph_moved_and_edited_is_edited_where_it_went() {
        let old = "Intro.\n\nThe bridge carries 40,000 cars a day. Repairs cost\n12 million.\n\nThe toll was abolished in 2001.\n";
        let new =
            "Intro.\n\nThe toll was abolished in 2001.\n\nThe bridge carries 32,000 cars a day.\n";
        let (outcome, words, _) = carry(old, new, "carries 40,000 cars a day");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Edited, Some("carries 32,000 cars a day"))
        );
        assert_eq!(
            carry(old, new, "Repairs cost\n12 million").0,
            Outcome::Dropped
        );
        assert_eq!(carry(old, new, "abolished in 2001").0, Outcome::Moved);
    }

    #[test]
    fn a_quote_that_becomes_ambiguous_is_edited_with_every_candidate() {
        let old = "Para one.\nThe team had 9 days.\nPara two.\n";
        let new = "Para one.\nPara two.\nA: the team had 9 days.\nB: the team had 9 days.\n";
        let (outcome, words, p) = carry(old, new, "team had 9 days");
        assert_eq!(outcome, Outcome::Edited);
        assert_eq!(words.as_deref(), Some("team had 9 days"));
        assert_eq!(p.candidates, vec![(27, 42), (51, 66)]);
        // Context that agrees on one of them is not ambiguous.
        let new =
            "Para one.\nPara two.\nA: the team had 9 days.\nThe team had 9 days.\nPara two.\n";
        let (outcome, _, p) = carry(old, new, "team had 9 days");
        assert_eq!((outcome, p.span), (Outcome::Moved, Some((48, 63))));
    }

    #[test]
    fn a_rewrapped_paragraph_is_moved_not_edited() {
        let old = "The safety team had nine days\nto test the model, and staff worked\ntwenty hours a day.\n";
        let new = "The safety team had nine days to\ntest the model, and staff\nworked twenty hours a day.\n";
        let (outcome, words, _) = carry(old, new, "nine days\nto test the model");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("nine days to\ntest the model"));
        // Chinese re-wrapped: a line break removed between characters.
        let old = "OpenAI安全团队仅得到了\n9天的时间，来做安全检测。\n";
        let new = "前言。\nOpenAI安全团队仅得到了9天的时间，来做安全检测。\n";
        let (outcome, words, _) = carry(old, new, "仅得到了\n9天");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Moved, Some("仅得到了9天"))
        );
    }

    #[test]
    fn crlf_to_lf_changes_no_claim() {
        let old = EN.replace('\n', "\r\n");
        for quote in [
            "nine days to test",
            "the model.\r\nStaff worked",
            "The launch",
        ] {
            let (outcome, words, _) = carry(&old, EN, quote);
            assert_eq!(outcome, Outcome::Moved, "{quote:?}");
            assert_eq!(words.unwrap(), quote.replace("\r\n", "\n"));
        }
    }

    #[test]
    fn chinese_and_english_in_one_article() {
        let old = "OpenAI CTO Mira Murati的离开，与GPT-4o、Her息息相关！\n为此，OpenAI安全团队仅得到了9天的时间，来做安全检测。\nThe system card says the model was tested for months.\n";
        let new = "OpenAI CTO Mira Murati的离开，与GPT-4o息息相关！\n为此，OpenAI安全团队仅得到了9天的时间，来做安全检测。\nThe system card says the model was tested for weeks.\n";
        assert_eq!(carry(old, new, "安全团队仅得到了9天").0, Outcome::Moved);
        let (outcome, words, _) = carry(old, new, "与GPT-4o、Her息息相关");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Edited, Some("与GPT-4o息息相关"))
        );
        let (outcome, words, _) = carry(old, new, "tested for months");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Edited, Some("tested for weeks"))
        );
    }

    #[test]
    fn word_diffs_split_words_and_cjk_characters() {
        let changes = word_diff(
            "a\nThe team had nine days.\n",
            "a\nThe team had ten days.\n",
        );
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].old_line, 2);
        let ops: Vec<(&str, &str)> = changes[0]
            .pieces
            .iter()
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            ops,
            vec![
                ("equal", "The team had "),
                ("delete", "nine"),
                ("insert", "ten"),
                ("equal", " days.")
            ]
        );
        let changes = word_diff("仅得到了9天的时间\n", "仅得到了十天的时间\n");
        let ops: Vec<(&str, &str)> = changes[0]
            .pieces
            .iter()
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            ops,
            vec![
                ("equal", "仅得到了"),
                ("delete", "9"),
                ("insert", "十"),
                ("equal", "天的时间")
            ]
        );
    }
}
