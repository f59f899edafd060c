//! Finding the line of a YAML key in a record's text, so a problem can be
//! reported as `path:line`, without parsing the file again.

/// 1-based line of the `nth` line whose key (after indentation and any `- `)
/// is `key`.
pub fn line_of_key(raw: &str, key: &str, nth: usize) -> Option<usize> {
    line_of_key_from(raw, key, 0).and_then(|first| {
        let mut line = Some(first);
        for _ in 0..nth {
            line = line_of_key_from(raw, key, line?);
        }
        line
    })
}

/// The first line after line `after` (1-based; 0 = from the start) holding `key`.
pub(super) fn line_of_key_from(raw: &str, key: &str, after: usize) -> Option<usize> {
    raw.lines().enumerate().skip(after).find_map(|(i, line)| {
        let t = line.trim_start().trim_start_matches("- ");
        (t.strip_prefix(key)?.starts_with(':')).then_some(i + 1)
    })
}

/// The line where the `i`-th evidence item starts.
pub(super) fn evidence_line(raw: &str, i: usize) -> Option<usize> {
    let start = line_of_key(raw, "evidence", 0)?;
    raw.lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.starts_with(' ') || l.starts_with('-'))
        .filter(|(_, l)| l.trim_start().starts_with("- ") && !l.starts_with("      "))
        .nth(i)
        .map(|(n, _)| n + 1)
}
