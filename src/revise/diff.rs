//! The diff of two revisions' texts: lines first (line endings aside), then
//! characters inside each changed hunk, which keeps a million-character
//! article fast; and the squeezed view in which a re-wrapped paragraph is
//! the same words.

use similar::{Algorithm, DiffOp};

use crate::text::SourceText;

/// A changed hunk is compared character by character only while the two
/// sides together are at most this many characters: the character diff costs
/// up to the product of the sides, and a hunk this big is a rewrite, whose
/// claims are found again by their words or are edited as a whole.
pub(super) const CHAR_DIFF_LIMIT: usize = 20_000;

/// Text the diff kept: `len` characters at `old` in the old text are the
/// same characters at `new` in the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Segment {
    pub(super) old: usize,
    pub(super) new: usize,
    pub(super) len: usize,
}

/// Old characters `old` the diff changed into the new characters `new`
/// (empty when they were deleted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hunk {
    pub(super) old: (usize, usize),
    pub(super) new: (usize, usize),
}

/// What the diff of two texts says about every old character.
#[derive(Debug, Default)]
pub struct Diff {
    /// Kept text, in order on both sides.
    pub(super) segments: Vec<Segment>,
    /// Changed or deleted old text, in order.
    pub(super) hunks: Vec<Hunk>,
    /// New lines the line diff did not pair with old lines (inserted, or
    /// replacing others), in order: where a moved passage lands.
    pub(super) changed: Vec<(usize, usize)>,
}

/// One line, its line ending apart.
pub(super) struct Line<'a> {
    pub(super) key: &'a str,
    /// Character offset of its start.
    pub(super) start: usize,
    /// Characters before the line ending.
    pub(super) content: usize,
    /// Characters including the line ending.
    pub(super) total: usize,
}

pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
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
    pub(super) fn chars(
        &mut self,
        old: &SourceText,
        new: &SourceText,
        o: (usize, usize),
        n: (usize, usize),
    ) {
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

    pub(super) fn keep(&mut self, old: usize, new: usize, len: usize) {
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

    pub(super) fn change(&mut self, old: (usize, usize), new: (usize, usize)) {
        if old.1 > old.0 {
            self.hunks.push(Hunk { old, new });
        }
    }

    /// Where the kept text `[start, end)` of the old text is in the new
    /// text, if the diff kept all of it in one piece.
    pub(super) fn kept(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let i = self.segments.partition_point(|s| s.old + s.len <= start);
        let s = self.segments.get(i)?;
        (s.old <= start && end <= s.old + s.len)
            .then(|| (s.new + start - s.old, s.new + end - s.old))
    }

    /// Whether the new text `[start, end)` was kept from the old text.
    pub(super) fn is_kept(&self, start: usize, end: usize) -> bool {
        let i = self.segments.partition_point(|s| s.new + s.len <= start);
        self.segments
            .get(i)
            .is_some_and(|s| s.new <= start && end <= s.new + s.len)
    }

    /// How many characters of the new text `[start, end)` were kept from
    /// the old text.
    pub(super) fn kept_within(&self, start: usize, end: usize) -> usize {
        self.kept_on(start, end, |s| s.new)
    }

    /// How many characters of the old text `[start, end)` the diff kept.
    pub(super) fn kept_old_within(&self, start: usize, end: usize) -> usize {
        self.kept_on(start, end, |s| s.old)
    }

    /// How many characters of `[start, end)` the diff kept, counted on the
    /// side of the texts `at` gives each kept segment's offset in.
    pub(super) fn kept_on(
        &self,
        start: usize,
        end: usize,
        at: impl Fn(&Segment) -> usize,
    ) -> usize {
        let i = self.segments.partition_point(|s| at(s) + s.len <= start);
        self.segments[i..]
            .iter()
            .take_while(|s| at(s) < end)
            .map(|s| (at(s) + s.len).min(end) - at(s).max(start))
            .sum()
    }

    /// The new offset of old offset `pos` as the start of a range: inside
    /// changed text, the start of what replaced it.
    pub(super) fn map_start(&self, pos: usize, new_len: usize) -> usize {
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
    pub(super) fn map_end(&self, pos: usize) -> usize {
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
pub(super) struct Squeezed {
    pub(super) text: String,
    /// For each character of `text`: its byte offset there, and its
    /// character offset in the full text.
    pub(super) origin: Vec<(usize, usize)>,
}

impl Squeezed {
    pub(super) fn new(text: &str) -> Squeezed {
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
    pub(super) fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
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

pub(super) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
