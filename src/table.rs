//! Plain-text tables for people, aligned by display width (CJK characters
//! take two columns), with long cells cut to fit.

use std::borrow::Cow;

use rayon::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Renders `rows` under `header`; the last column is cut to `last_max` columns.
///
/// Cells are borrowed unless they need a change, and rows are laid out in
/// parallel chunks: a listing of a desk's archive is a hundred thousand lines.
pub fn render<R, S>(header: &[&str], rows: &[R], last_max: usize) -> String
where
    R: AsRef<[S]> + Sync,
    S: AsRef<str> + Sync,
{
    let cols = header.len();
    let cells: Vec<Vec<Cow<str>>> = rows
        .par_iter()
        .map(|row| {
            row.as_ref()
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let c = c.as_ref();
                    let c = if c.contains(['\n', '\r', '\t']) {
                        Cow::Owned(c.replace(['\n', '\r', '\t'], " "))
                    } else {
                        Cow::Borrowed(c)
                    };
                    if i + 1 == cols && c.width() > last_max {
                        Cow::Owned(truncate(&c, last_max))
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect();
    let widths = cells
        .par_iter()
        .fold(
            || header.iter().map(|h| h.width()).collect::<Vec<usize>>(),
            |mut widths, row| {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.width());
                }
                widths
            },
        )
        .reduce(
            || vec![0; cols],
            |mut x, y| {
                for (x, y) in x.iter_mut().zip(y) {
                    *x = (*x).max(y);
                }
                x
            },
        );
    let line = |out: &mut String, row: &[&str]| {
        let start = out.len();
        for (i, c) in row.iter().enumerate() {
            out.push_str(c);
            if i + 1 < row.len() {
                let pad = widths[i].saturating_sub(c.width()) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let end = start + out[start..].trim_end().len();
        out.truncate(end);
        out.push('\n');
    };
    let mut out = String::new();
    line(&mut out, header);
    let chunks: Vec<String> = cells
        .par_chunks(4096)
        .map(|chunk| {
            let mut out = String::with_capacity(chunk.len() * 128);
            let mut row = Vec::with_capacity(cols);
            for cells in chunk {
                row.clear();
                row.extend(cells.iter().map(|c| c.as_ref()));
                line(&mut out, &row);
            }
            out
        })
        .collect();
    out.reserve(chunks.iter().map(String::len).sum());
    for chunk in &chunks {
        out.push_str(chunk);
    }
    out
}

/// Cuts `s` to at most `max` display columns, marking the cut with `…`.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        width += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_align() {
        let t = render(&["A", "B"], &[vec!["中文", "x"], vec!["ab", "y"]], 80);
        assert_eq!(t, "A     B\n中文  x\nab    y\n");
        assert_eq!(truncate("一二三四五", 6), "一二…");
    }

    #[test]
    fn line_breaks_become_spaces_and_lines_end_without_blanks() {
        let t = render(&["A", "B", "C"], &[["x\ny", "", ""], ["", "", ""]], 80);
        assert_eq!(t, "A    B  C\nx y\n\n");
        let t = render(&["A", "B"], &[["a", "long\ttext here"]], 6);
        assert_eq!(t, "A  B\na  long …\n");
    }
}
