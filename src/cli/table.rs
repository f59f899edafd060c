//! Plain-text tables for people, aligned by display width (CJK characters
//! take two columns), with long cells cut to fit.

use std::borrow::Cow;

use rayon::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Renders `rows` under `header`; the last column is cut to `last_max` columns.
pub fn render<R, S>(header: &[&str], rows: &[R], last_max: usize) -> String
where
    R: AsRef<[S]> + Sync,
    S: AsRef<str> + Sync,
{
    layout(header, rows.len(), last_max, |i| {
        rows[i]
            .as_ref()
            .iter()
            .map(|c| Cow::Borrowed(c.as_ref()))
            .collect::<Vec<_>>()
    })
}

/// [`render`] for `len` rows of `N` cells each made on demand by `row`: a
/// listing of a desk's archive is a hundred thousand lines, which are then
/// never all held as cells at once.
pub fn render_rows<'a, const N: usize>(
    header: &[&str; N],
    len: usize,
    last_max: usize,
    row: impl Fn(usize) -> [Cow<'a, str>; N] + Sync,
) -> String {
    layout(header, len, last_max, row)
}

/// Lays out the table: the column widths in one parallel pass over the rows,
/// the lines in another, in chunks joined in order. Cells are borrowed
/// unless they need a change.
fn layout<'a, R>(
    header: &[&str],
    len: usize,
    last_max: usize,
    row: impl Fn(usize) -> R + Sync,
) -> String
where
    R: AsRef<[Cow<'a, str>]>,
{
    let cols = header.len();
    let max = |i: usize| (i + 1 == cols).then_some(last_max);
    let widths = (0..len)
        .into_par_iter()
        .fold(
            || header.iter().map(|h| h.width()).collect::<Vec<usize>>(),
            |mut widths, i| {
                for (col, (w, c)) in widths.iter_mut().zip(row(i).as_ref()).enumerate() {
                    *w = (*w).max(clean(c, max(col)).width());
                }
                widths
            },
        )
        .reduce(
            || header.iter().map(|h| h.width()).collect(),
            |mut x, y| {
                for (x, y) in x.iter_mut().zip(y) {
                    *x = (*x).max(y);
                }
                x
            },
        );
    let line = |out: &mut String, row: &mut dyn Iterator<Item = Cow<str>>| {
        let start = out.len();
        let mut row = row.enumerate().peekable();
        while let Some((i, c)) = row.next() {
            out.push_str(&c);
            if row.peek().is_some() {
                let pad = widths[i].saturating_sub(c.width()) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let end = start + out[start..].trim_end().len();
        out.truncate(end);
        out.push('\n');
    };
    let mut out = String::new();
    line(&mut out, &mut header.iter().map(|h| Cow::Borrowed(*h)));
    const CHUNK: usize = 4096;
    let chunks: Vec<String> = (0..len.div_ceil(CHUNK))
        .into_par_iter()
        .map(|chunk| {
            let rows = chunk * CHUNK..len.min((chunk + 1) * CHUNK);
            let mut out = String::with_capacity(rows.len() * 128);
            for i in rows {
                let cells = row(i);
                let cells = cells.as_ref();
                line(
                    &mut out,
                    &mut cells.iter().enumerate().map(|(col, c)| clean(c, max(col))),
                );
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

/// A cell as shown: line breaks and tabs as spaces, cut to `max` columns.
fn clean(c: &str, max: Option<usize>) -> Cow<'_, str> {
    let c = if c.contains(['\n', '\r', '\t']) {
        Cow::Owned(c.replace(['\n', '\r', '\t'], " "))
    } else {
        Cow::Borrowed(c)
    };
    match max {
        Some(max) if c.width() > max => Cow::Owned(truncate(&c, max)),
        _ => c,
    }
}

/// `s` followed by spaces up to `width` display columns (a Chinese
/// character takes two); as it is when it is wider.
pub fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
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
