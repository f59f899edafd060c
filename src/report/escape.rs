//! Markdown escaping. Backslash-escaping ASCII punctuation is always allowed
//! in CommonMark, so escaping a character that would not have meant anything
//! is harmless; missing one that would have is not. `<`, `>` and `&` become
//! entities, so HTML in a record is shown, never live.

/// Inline text (a paragraph, a list item, a heading): line breaks become
/// spaces, inline syntax is escaped, and so is anything that would start a
/// block (a heading, a list, a quote, a table row) at the start of a line.
pub fn escape_inline(s: &str) -> String {
    let joined = one_line(s);
    let mut out = String::with_capacity(joined.len() + 8);
    // Block markers only mean something at the start (after at most a space).
    let start = joined.len() - joined.trim_start().len();
    let digits = start
        + joined[start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    // Every character escaped is ASCII, which is never part of another
    // character in UTF-8: the text between them is copied a run at a time.
    let mut copied = 0;
    for (i, b) in joined.bytes().enumerate() {
        let (put, skip) = match b {
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'&' => ("&amp;", 1),
            b'\\' | b'`' | b'*' | b'_' | b'{' | b'}' | b'[' | b']' | b'#' | b'|' | b'~' | b'^'
            | b'$' | b'@' => ("\\", 0),
            b'-' | b'+' | b'=' | b':' if i == start => ("\\", 0),
            b'.' | b')' if digits > start && i == digits => ("\\", 0),
            _ => continue,
        };
        out.push_str(&joined[copied..i]);
        out.push_str(put);
        copied = i + skip;
    }
    out.push_str(&joined[copied..]);
    out
}

/// Joins lines with single spaces, and shortens a run of spaces at either
/// end to one: four leading spaces would make code, two trailing a break.
pub(super) fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    // Most text is one line with nothing to shorten: as it is.
    let plain = !s.contains(['\n', '\r'])
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace);
    if plain {
        return std::borrow::Cow::Borrowed(s);
    }
    let joined = s
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if joined.is_empty() {
        return joined.into();
    }
    let first_line = s
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let last_line = s
        .split(['\n', '\r'])
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("");
    let lead = if first_line.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if last_line.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{joined}{trail}").into()
}

/// A table cell: inline text whose `|` cannot end the cell and whose line
/// breaks cannot end the row.
pub fn escape_cell(s: &str) -> String {
    // `escape_inline` already escapes `|` and joins lines; a cell is inline
    // text that must stay on one line, which is exactly that.
    escape_inline(s)
}

/// Blockquote content: each line escaped as inline text, line breaks kept as
/// hard breaks, blank lines as paragraph breaks. Goes after `> ` in a
/// template; `prefix` starts every further line (`"  > "` inside a list).
pub fn escape_quote(s: &str, prefix: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in s.lines() {
        if line.trim().is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(escape_inline(line));
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    let blank = format!("\n{}\n{prefix}", prefix.trim_end());
    paragraphs
        .iter()
        .map(|p| p.join(&format!("\\\n{prefix}")))
        .collect::<Vec<_>>()
        .join(&blank)
}

/// Inline code: fenced with one more backtick than the longest run inside,
/// so nothing in it is Markdown (or HTML). Not for table cells: there a `|`
/// would still end the cell.
pub fn escape_code(s: &str) -> String {
    let text = s.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A link a reader can follow: an `http(s)` or `mailto` address becomes an
/// autolink (spaces, `<`, `>`, `|`, quotes and backticks percent-encoded);
/// anything else — `javascript:` included — is shown as escaped text.
pub fn escape_url(s: &str) -> String {
    let url = s.trim();
    let lower = url.to_ascii_lowercase();
    let linkable = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    if !linkable {
        return escape_inline(url);
    }
    let mut out = String::from("<");
    for c in url.chars() {
        if c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '|' | '"' | '`' | '\\') {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}
