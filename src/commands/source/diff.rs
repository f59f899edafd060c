//! `factcheck source diff A B`: the lines of text that differ between two
//! snapshots (two captures of a page, two drafts). A plain line diff, kept in
//! its own file so a richer one can replace it whole.

use crate::error::Result;
use crate::store;
use crate::ui::{Ctx, emit, emit_json, say};

/// `source diff A B`: the lines of text removed from A and added in B.
pub fn diff(ctx: &Ctx, a: &str, b: &str) -> Result<i32> {
    let ws = ctx.workspace()?;
    let (a, b) = (store::resolve(&ws, a)?, store::resolve(&ws, b)?);
    let (meta_a, meta_b) = (store::load_meta(&ws, &a)?, store::load_meta(&ws, &b)?);
    let (text_a, text_b) = (
        store::read_text(&ws, &meta_a)?,
        store::read_text(&ws, &meta_b)?,
    );
    let lines = line_diff(text_a.as_str(), text_b.as_str());
    if ctx.json() {
        let json: Vec<_> = lines
            .iter()
            .map(
                |l| serde_json::json!({"op": l.op.to_string(), "a": l.a, "b": l.b, "text": l.text}),
            )
            .collect();
        return emit_json(&json).map(|()| 0);
    }
    if lines.iter().all(|l| l.op == ' ') {
        say(&format!(
            "the text of {} and {} is the same",
            a.short(),
            b.short()
        ));
        return Ok(0);
    }
    let mut out = format!(
        "--- {} {}\n+++ {} {}\n",
        a.short(),
        meta_a.label(),
        b.short(),
        meta_b.label()
    );
    for hunk in hunks(&lines, 2) {
        let first = &lines[hunk.0];
        out.push_str(&format!("@@ line {} → {} @@\n", first.a, first.b));
        for l in &lines[hunk.0..hunk.1] {
            out.push_str(&format!("{}{}\n", l.op, l.text));
        }
    }
    emit(&out)?;
    Ok(0)
}

/// One line of a diff: ` ` kept, `-` only in A, `+` only in B, with its
/// line numbers (1-based) in A and B.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffLine<'a> {
    pub op: char,
    pub a: usize,
    pub b: usize,
    pub text: &'a str,
}

/// Past this many line pairs, the middle that differs is shown as all
/// removed then all added rather than aligned: a bound on time and memory.
const MAX_CELLS: usize = 4_000_000;

/// A line diff by longest common subsequence, after trimming the common
/// start and end.
pub fn line_diff<'a>(a: &'a str, b: &'a str) -> Vec<DiffLine<'a>> {
    let la: Vec<&str> = a.lines().collect();
    let lb: Vec<&str> = b.lines().collect();
    let prefix = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    let suffix = la[prefix..]
        .iter()
        .rev()
        .zip(lb[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (
        &la[prefix..la.len() - suffix],
        &lb[prefix..lb.len() - suffix],
    );
    let mut out = Vec::new();
    for (i, t) in la[..prefix].iter().enumerate() {
        out.push(DiffLine {
            op: ' ',
            a: i + 1,
            b: i + 1,
            text: t,
        });
    }
    let (mut i, mut j) = (0, 0);
    if ma.len().saturating_mul(mb.len()) <= MAX_CELLS {
        // lcs[i][j]: the LCS length of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for x in (0..ma.len()).rev() {
            for y in (0..mb.len()).rev() {
                lcs[x * w + y] = if ma[x] == mb[y] {
                    lcs[(x + 1) * w + y + 1] + 1
                } else {
                    lcs[(x + 1) * w + y].max(lcs[x * w + y + 1])
                };
            }
        }
        while i < ma.len() && j < mb.len() {
            if ma[i] == mb[j] {
                out.push(DiffLine {
                    op: ' ',
                    a: prefix + i + 1,
                    b: prefix + j + 1,
                    text: ma[i],
                });
                i += 1;
                j += 1;
            } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                out.push(DiffLine {
                    op: '-',
                    a: prefix + i + 1,
                    b: prefix + j + 1,
                    text: ma[i],
                });
                i += 1;
            } else {
                out.push(DiffLine {
                    op: '+',
                    a: prefix + i + 1,
                    b: prefix + j + 1,
                    text: mb[j],
                });
                j += 1;
            }
        }
    }
    for (k, t) in ma.iter().enumerate().skip(i) {
        out.push(DiffLine {
            op: '-',
            a: prefix + k + 1,
            b: prefix + j + 1,
            text: t,
        });
    }
    for (k, t) in mb.iter().enumerate().skip(j) {
        out.push(DiffLine {
            op: '+',
            a: prefix + ma.len() + 1,
            b: prefix + k + 1,
            text: t,
        });
    }
    let (ea, eb) = (la.len() - suffix, lb.len() - suffix);
    for (k, t) in la[ea..].iter().enumerate() {
        out.push(DiffLine {
            op: ' ',
            a: ea + k + 1,
            b: eb + k + 1,
            text: t,
        });
    }
    out
}

/// Ranges of `lines` to print: each change with `context` kept lines around it.
fn hunks(lines: &[DiffLine], context: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if l.op == ' ' {
            continue;
        }
        let (start, end) = (
            k.saturating_sub(context),
            (k + context + 1).min(lines.len()),
        );
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(a: &str, b: &str) -> String {
        line_diff(a, b)
            .iter()
            .map(|l| format!("{}{}", l.op, l.text))
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn line_diff_keeps_the_common_lines() {
        assert_eq!(ops("a\nb\nc", "a\nb\nc"), " a| b| c");
        assert_eq!(ops("a\nb\nc", "a\nx\nc"), " a|-b|+x| c");
        assert_eq!(ops("a\nb\nc\nd", "a\nc\nd\ne"), " a|-b| c| d|+e");
        assert_eq!(ops("", "new"), "+new");
        let lines = line_diff("a\nb\nc\nd\ne\nf\ng", "a\nb\nc\nD\ne\nf\ng");
        assert_eq!(hunks(&lines, 1), vec![(2, 6)]);
    }
}
