//! Word diffs for people (`source diff`): words, and CJK characters one by
//! one, as the unit of change.

use serde::Serialize;
use similar::{Algorithm, DiffOp};

use super::diff::{Line, lines};

/// `source diff` compares a changed passage word by word only while its
/// two sides together are at most this many words (the word diff costs up
/// to the product of the sides); a bigger one is shown as removed and
/// added whole. So the diff's time is linear in the texts' size.
const WORD_DIFF_LIMIT: usize = 4_000;
/// A bound on the line diff of `source diff`, which on texts with few
/// distinct lines falls back to a quadratic search: past it, the rest is
/// compared coarsely (a correct diff, if not the smallest).
const LINE_DIFF_TIME: std::time::Duration = std::time::Duration::from_secs(2);

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
pub(super) fn words(text: &str) -> Vec<&str> {
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

pub(super) fn is_cjk(c: char) -> bool {
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
