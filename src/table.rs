//! Plain-text tables for people, aligned by display width (CJK characters
//! take two columns), with long cells cut to fit.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Renders `rows` under `header`; the last column is cut to `last_max` columns.
pub fn render(header: &[&str], rows: &[Vec<String>], last_max: usize) -> String {
    let cols = header.len();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| {
                    let c = c.replace(['\n', '\r', '\t'], " ");
                    if i + 1 == cols {
                        truncate(&c, last_max)
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let mut out = String::new();
    let mut line = |row: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in row.iter().enumerate() {
            s.push_str(c);
            if i + 1 < row.len() {
                s.push_str(&" ".repeat(widths[i] - c.width() + 2));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in &cells {
        line(row.iter().map(String::as_str).collect());
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
        let t = render(
            &["A", "B"],
            &[
                vec!["中文".into(), "x".into()],
                vec!["ab".into(), "y".into()],
            ],
            80,
        );
        assert_eq!(t, "A     B\n中文  x\nab    y\n");
        assert_eq!(truncate("一二三四五", 6), "一二…");
    }
}
