//! Reading and writing records as YAML: the only place that knows the YAML library.
//!
//! Parsing goes through `serde_yaml` with the schema's `deny_unknown_fields`, and
//! its errors are turned into `path line column: message`. Writing does not use
//! the library's emitter: it leaves YAML 1.1 booleans (`no`, `on`, `yes`),
//! dates and timestamps unquoted, which PyYAML and yq then read as something
//! else. Records are turned into a `serde_yaml::Value` and printed by the small
//! emitter below, which quotes every scalar that any YAML reader could take for
//! anything but a string, and keeps keys in the order the struct declares them,
//! so re-saving an unchanged record is byte-identical.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_yaml::Value;

use crate::error::{Error, Result};

/// Parses `text` (the contents of `path`) into a record.
///
/// Before the library sees the text: a leading byte-order mark is skipped
/// (every file is read the same way), git conflict markers are named as such,
/// and anchors and aliases are refused, since expanding `*alias` repeats its
/// value and a small file can stand for gigabytes. The tool never writes them.
pub fn from_str<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let refuse = |line: usize, message: String| Error::Yaml {
        path: path.to_path_buf(),
        line: Some(line),
        column: None,
        message,
    };
    if let Some(line) = conflict_marker(text) {
        return Err(refuse(
            line,
            format!("this file has unresolved merge conflict markers at line {line}"),
        ));
    }
    if let Some((line, what)) = anchor_or_alias(text) {
        return Err(refuse(
            line,
            if what == TOO_DEEP {
                format!(
                    "values nested more than {MAX_DEPTH} levels deep (at line {line}); records are never nested that deep, and parsing such nesting costs more than it is worth"
                )
            } else {
                format!(
                    "YAML {what} are not allowed in records (they can multiply a small file into gigabytes); write the value out in full"
                )
            },
        ));
    }
    serde_yaml::from_str(text).map_err(|err| {
        let location = err.location();
        let mut message = err.to_string();
        // The library appends "at line L column C"; we print the location ourselves.
        if let Some(pos) = message.find(" at line ") {
            message.truncate(pos);
        }
        // The library names the mapping that holds a duplicate key, not
        // the duplicate: point at the key's second occurrence.
        let duplicate = message
            .strip_prefix("duplicate field `")
            .or_else(|| message.strip_prefix("duplicate entry with key \""))
            .and_then(|rest| rest.split(['`', '"']).next())
            .and_then(|key| second_key_line(text, key, location.as_ref().map(|l| l.line())));
        Error::Yaml {
            path: path.to_path_buf(),
            line: duplicate.or(location.as_ref().map(|l| l.line())),
            column: if duplicate.is_some() {
                None
            } else {
                location.as_ref().map(|l| l.column())
            },
            message,
        }
    })
}

/// The 1-based line of the second `key:` at the indentation of its first
/// one, from line `from` (where the library says the mapping starts) on.
fn second_key_line(text: &str, key: &str, from: Option<usize>) -> Option<usize> {
    let mut indent = None;
    for (i, line) in text
        .lines()
        .enumerate()
        .skip(from.unwrap_or(1).saturating_sub(1))
    {
        let body = line.trim_start_matches([' ', '-']);
        let rest = body
            .strip_prefix(key)
            .or_else(|| body.strip_prefix(&format!("\"{key}\"")));
        if !rest.is_some_and(|r| r.trim_start().starts_with(':')) {
            continue;
        }
        let at = line.len() - body.len();
        match indent {
            None => indent = Some(at),
            Some(first) if first == at => return Some(i + 1),
            Some(_) => {}
        }
    }
    None
}

/// The 1-based line of the first git conflict marker (`<<<<<<< `,
/// `=======`, `>>>>>>> ` at the start of a line), if any.
pub fn conflict_marker(text: &str) -> Option<usize> {
    if !text.contains("<<<<<<<") && !text.contains(">>>>>>>") {
        return None;
    }
    text.lines()
        .position(|line| {
            let line = line.trim_end_matches('\r');
            line == "<<<<<<<"
                || line == ">>>>>>>"
                || line.starts_with("<<<<<<< ")
                || line.starts_with(">>>>>>> ")
                || line == "======="
        })
        .map(|i| i + 1)
}

/// How deep values may nest (a claim record nests four levels).
pub const MAX_DEPTH: usize = 64;
/// What [`anchor_or_alias`] says of nesting deeper than [`MAX_DEPTH`].
pub const TOO_DEEP: &str = "nesting";

/// The 1-based line of the first anchor (`&name`) or alias (`*name`) in
/// `text`, and which of the two it is, found by the library's own scanner
/// (no value is built, so nothing is expanded); or the line where values
/// nest deeper than [`MAX_DEPTH`] ([`TOO_DEEP`]), since the library's
/// parser is quadratic in the depth. The scan stops there, so it is linear.
/// Text without `&` or `*` and with too few brackets or too little
/// indentation to nest that deep is not scanned.
pub fn anchor_or_alias(text: &str) -> Option<(usize, &'static str)> {
    use libyaml_rs as sys;
    use std::mem::MaybeUninit;
    let brackets = text.bytes().filter(|&b| b == b'[' || b == b'{').count();
    let indented = text
        .lines()
        .any(|l| l.len() - l.trim_start_matches([' ', '-']).len() >= MAX_DEPTH);
    if !text.bytes().any(|b| b == b'&' || b == b'*') && brackets < MAX_DEPTH && !indented {
        return None;
    }
    let mut depth = 0usize;
    let mut found = None;
    // SAFETY: the parser and token are initialised by the library before
    // use, the input outlives the parser, every token is deleted after it is
    // read, and the parser is deleted before returning.
    unsafe {
        let mut parser = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
        let parser = parser.as_mut_ptr();
        if sys::yaml_parser_initialize(parser).fail {
            // Out of memory: let the library report it when it parses.
            return None;
        }
        sys::yaml_parser_set_encoding(parser, sys::YAML_UTF8_ENCODING);
        sys::yaml_parser_set_input_string(parser, text.as_ptr(), text.len() as u64);
        let mut token = MaybeUninit::<sys::yaml_token_t>::uninit();
        loop {
            // A scan error is the library's to report when it parses.
            if sys::yaml_parser_scan(parser, token.as_mut_ptr()).fail {
                break;
            }
            let token = token.as_mut_ptr();
            let kind = (*token).type_;
            let line = (*token).start_mark.line as usize + 1;
            sys::yaml_token_delete(token);
            match kind {
                sys::YAML_ANCHOR_TOKEN => {
                    found = Some((line, "anchors (`&name`)"));
                    break;
                }
                sys::YAML_ALIAS_TOKEN => {
                    found = Some((line, "aliases (`*name`)"));
                    break;
                }
                sys::YAML_FLOW_SEQUENCE_START_TOKEN
                | sys::YAML_FLOW_MAPPING_START_TOKEN
                | sys::YAML_BLOCK_SEQUENCE_START_TOKEN
                | sys::YAML_BLOCK_MAPPING_START_TOKEN => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        found = Some((line, TOO_DEEP));
                        break;
                    }
                }
                sys::YAML_FLOW_SEQUENCE_END_TOKEN
                | sys::YAML_FLOW_MAPPING_END_TOKEN
                | sys::YAML_BLOCK_END_TOKEN => depth = depth.saturating_sub(1),
                sys::YAML_STREAM_END_TOKEN | sys::YAML_NO_TOKEN => break,
                _ => {}
            }
        }
        sys::yaml_parser_delete(parser);
    }
    found
}

/// Serializes a record as YAML that every YAML reader reads back the same.
pub fn to_string<T: Serialize>(value: &T) -> Result<String> {
    let value = serde_yaml::to_value(value)
        .map_err(|err| Error::internal(format!("cannot serialize a record: {err}")))?;
    let mut out = String::new();
    match &value {
        Value::Mapping(map) if !map.is_empty() => emit_mapping(&mut out, map, 0),
        other => {
            emit_inline(&mut out, other, 0);
            out.push('\n');
        }
    }
    Ok(out)
}

fn emit_mapping(out: &mut String, map: &serde_yaml::Mapping, indent: usize) {
    for (key, value) in map {
        out.push_str(&" ".repeat(indent));
        emit_scalar(out, key, indent);
        out.push(':');
        emit_value_after_key(out, value, indent);
    }
}

fn emit_value_after_key(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            out.push('\n');
            emit_mapping(out, map, indent + 2);
        }
        Value::Sequence(seq) if !seq.is_empty() => {
            out.push('\n');
            emit_sequence(out, seq, indent + 2);
        }
        other => {
            out.push(' ');
            emit_inline(out, other, indent);
            out.push('\n');
        }
    }
}

fn emit_sequence(out: &mut String, seq: &[Value], indent: usize) {
    for item in seq {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            Value::Mapping(map) if !map.is_empty() => {
                // The first key sits on the dash's line; the rest line up under it.
                let mut first = true;
                for (key, value) in map {
                    if !first {
                        out.push_str(&" ".repeat(indent + 2));
                    }
                    first = false;
                    emit_scalar(out, key, indent + 2);
                    out.push(':');
                    emit_value_after_key(out, value, indent + 2);
                }
            }
            Value::Sequence(inner) if !inner.is_empty() => {
                out.push('\n');
                emit_sequence(out, inner, indent + 2);
            }
            other => {
                emit_inline(out, other, indent + 2);
                out.push('\n');
            }
        }
    }
}

/// A value that fits on the current line (scalars and empty collections).
fn emit_inline(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Mapping(_) => out.push_str("{}"),
        Value::Sequence(_) => out.push_str("[]"),
        other => emit_scalar(out, other, indent),
    }
}

fn emit_scalar(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => emit_string(out, s, indent),
        Value::Tagged(tagged) => emit_scalar(out, &tagged.value, indent),
        Value::Mapping(_) | Value::Sequence(_) => emit_inline(out, value, indent),
    }
}

fn emit_string(out: &mut String, s: &str, indent: usize) {
    if is_safe_plain(s) {
        out.push_str(s);
    } else if is_safe_block(s) {
        out.push_str("|-");
        for line in s.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str(line);
            }
        }
    } else {
        emit_double_quoted(out, s);
    }
}

/// Characters that YAML readers treat specially wherever they appear.
fn is_awkward_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Words YAML 1.1 or 1.2 readers resolve to booleans or null.
const RESERVED_WORDS: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
];

/// True when `s` can be written bare and every YAML reader reads it back as
/// this exact string. Deliberately conservative: anything that starts with a
/// digit, a sign or a dot is quoted, which rules out every number, date,
/// timestamp and sexagesimal form of YAML 1.1 and 1.2 at once.
fn is_safe_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_alphabetic() || (!first.is_ascii() && !first.is_whitespace())) {
        return false;
    }
    if s.ends_with(char::is_whitespace) || s.ends_with(':') {
        return false;
    }
    if RESERVED_WORDS.contains(&s.to_ascii_lowercase().as_str()) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains('\t') || s.contains('\n') {
        return false;
    }
    !s.chars().any(is_awkward_char)
}

/// True when a multi-line string reads back exactly from a `|-` block.
fn is_safe_block(s: &str) -> bool {
    s.contains('\n')
        && !s.starts_with([' ', '\n'])
        && !s.ends_with(char::is_whitespace)
        && !s.contains(" \n")
        && !s.contains("\n ")
        && !s.chars().any(|c| c != '\n' && is_awkward_char(c))
}

fn emit_double_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_awkward_char(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn roundtrip(s: &str) -> String {
        let mut map = BTreeMap::new();
        map.insert("v".to_string(), s.to_string());
        let yaml = to_string(&map).unwrap();
        let back: BTreeMap<String, String> = from_str(Path::new("t.yaml"), &yaml).unwrap();
        assert_eq!(back["v"], s, "round trip of {s:?} via {yaml:?}");
        yaml
    }

    #[test]
    fn yaml_aliases_and_anchors_are_refused_before_expansion() {
        let bomb = "a: &x [1, 2]\nb: [*x, *x]\n";
        let err = from_str::<serde_yaml::Value>(Path::new("c.yaml"), bomb)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`c.yaml` line 1") && err.contains("anchors"),
            "{err}"
        );
        let alias_only = "a: 1\nb: *x\n";
        let err = from_str::<serde_yaml::Value>(Path::new("c.yaml"), alias_only)
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2") && err.contains("aliases"), "{err}");
        // `&` and `*` inside scalars are text, not anchors.
        for ok in [
            "t: Q&A and 5 * 3\n",
            "t: \"*x\"\n",
            "t: '&y'\n",
            "t: |-\n  * item\n  & more\n",
            "t: a # *c\n",
        ] {
            assert!(anchor_or_alias(ok).is_none(), "{ok:?}");
            from_str::<serde_yaml::Value>(Path::new("c.yaml"), ok).unwrap();
        }
    }

    #[test]
    fn git_conflict_markers_are_named_with_their_line() {
        let text = "id: c1\n<<<<<<< HEAD\ntext: a\n=======\ntext: b\n>>>>>>> other\n";
        let err = from_str::<serde_yaml::Value>(Path::new("c.yaml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unresolved merge conflict markers at line 2"),
            "{err}"
        );
        assert_eq!(conflict_marker("t: \"<<<<<<< x\"\n"), None);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let v: BTreeMap<String, String> =
            from_str(Path::new("c.yaml"), "\u{feff}text: a\n").unwrap();
        assert_eq!(v["text"], "a");
    }

    #[test]
    fn yaml_1_1_lookalikes_are_quoted() {
        for s in [
            "no",
            "No",
            "NO",
            "on",
            "yes",
            "off",
            "y",
            "n",
            "~",
            "null",
            "true",
            "007",
            "1e3",
            "2024-05-13",
            "2026-11-28T10:07:00Z",
            "1_000",
            "1:20",
            "0x1f",
            ".inf",
            "-",
            "+1",
            "<<",
            "=",
            "",
            " lead",
            "trail ",
            "a: b",
            "x #y",
            "#x",
            "'q'",
            "\"d\"",
            "@x",
        ] {
            let yaml = roundtrip(s);
            assert!(
                yaml.starts_with("v: \""),
                "{s:?} must be quoted, got {yaml:?}"
            );
        }
    }

    #[test]
    fn ordinary_text_stays_plain() {
        for s in [
            "OpenAI高管：CEO",
            "c3f9a2b",
            "sha256:275e20f7",
            "Matches the system card.",
            "GPT-4o",
        ] {
            assert_eq!(roundtrip(s), format!("v: {s}\n"));
        }
    }

    #[test]
    fn multi_line_text_uses_a_block_and_round_trips() {
        assert_eq!(roundtrip("多行\n第二行"), "v: |-\n  多行\n  第二行\n");
        roundtrip("a\n\nb");
        roundtrip(" lead\nx");
        roundtrip("x\n");
        roundtrip("tab\there\nx");
        roundtrip("crlf\r\nline");
        roundtrip("odd\u{2028}sep");
    }

    #[test]
    fn nested_records_are_indented_and_stable() {
        #[derive(Serialize)]
        struct Item {
            a: String,
            b: Vec<String>,
        }
        #[derive(Serialize)]
        struct Rec {
            id: String,
            empty: Vec<String>,
            items: Vec<Item>,
            count: u64,
        }
        let rec = Rec {
            id: "x".into(),
            empty: vec![],
            items: vec![Item {
                a: "one".into(),
                b: vec!["t".into(), "no".into()],
            }],
            count: 3,
        };
        let yaml = to_string(&rec).unwrap();
        assert_eq!(
            yaml,
            "id: x\nempty: []\nitems:\n  - a: one\n    b:\n      - t\n      - \"no\"\ncount: 3\n"
        );
    }
}
