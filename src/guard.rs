//! Untrusted input, kept in its place.
//!
//! A desk runs `check` and `report` on workspaces cloned from colleagues and
//! freelancers, so whatever a record, a flag or a setting holds must not reach
//! a terminal as escape sequences, pass for another reviewer, or steer a
//! write onto the workspace's own files. The rules live here, as plain
//! functions, so every command applies the same ones.

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Hint, Result};
pub use crate::model::{is_invisible, reviewer_key, same_reviewer};

/// Flags whose values may span several lines.
pub const MULTI_LINE_FLAGS: &[&str] = &["--text", "--note", "--correction", "--quote", "--excerpt"];

/// What a terminal would act on rather than show: C0 and C1 control
/// characters (but newline and tab) and bidirectional overrides.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for a terminal: control characters and bidirectional overrides are
/// written as visible escapes (`\u{1b}`), so nothing a record holds can move
/// the cursor, recolour, retitle or hide what is printed. Every line of
/// output for people goes through this.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts_on_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for an HTML file: what [`terminal`] would escape is dropped, since
/// a browser acts on bidirectional overrides however they are written.
pub fn html_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !acts_on_terminal(*c)).collect())
}

/// Whether [`terminal`] would leave UTF-8 text as it is, decided on its
/// bytes: a long report is passed through without being decoded.
pub fn terminal_safe(bytes: &[u8]) -> bool {
    // Only a control byte or the lead byte of a C1 control (0xC2) or of a
    // bidirectional override (0xE2) can start one.
    let suspect = |b: &u8| *b < 0x20 || *b == 0x7f || *b == 0xc2 || *b == 0xe2;
    let mut rest = bytes;
    while let Some(at) = rest.iter().position(suspect) {
        let acts = match rest[at] {
            b'\n' | b'\t' => false,
            // C1 controls, U+0080–U+009F.
            0xc2 => matches!(rest.get(at + 1), Some(0x80..=0x9f)),
            // U+202A–U+202E and U+2066–U+2069.
            0xe2 => matches!(
                (rest.get(at + 1), rest.get(at + 2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => true,
        };
        if acts {
            return false;
        }
        rest = &rest[at + 1..];
    }
    true
}

/// JSON text with the characters a terminal would act on written as JSON
/// `\uXXXX` escapes. They can only occur inside strings (serde_json
/// already escapes C0 controls, but not C1 ones or bidirectional
/// overrides), so the result is the same JSON value.
pub fn json_escapes(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if acts_on_terminal(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A name for a character someone cannot see.
fn describe(c: char) -> String {
    match c {
        '\n' => "a line break".into(),
        '\r' => "a carriage return (CR)".into(),
        '\t' => "a tab".into(),
        '\u{1b}' => "an escape character (ESC)".into(),
        '\u{7}' => "a bell (BEL)".into(),
        '\0' => "a NUL byte".into(),
        c => format!("the invisible character U+{:04X}", c as u32),
    }
}

/// Refuses a free-text value holding a control character (a line break is
/// allowed only when `multi_line`). `what` names the field in the message.
pub fn text(what: &str, value: &str, multi_line: bool) -> Result<()> {
    let bad = value
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !(multi_line && *c == '\n'));
    match bad {
        None => Ok(()),
        Some((i, c)) => Err(Error::invalid(format!(
            "{what} holds {} at character {}",
            describe(c),
            i + 1
        ))
        .with_hint(if c == '\n' {
            Hint::new(
                format!(
                    "write it on one line; only {} may hold line breaks",
                    MULTI_LINE_FLAGS.join(", ")
                ),
                format!(
                    "请写成一行；只有 `{}` 可以换行",
                    MULTI_LINE_FLAGS.join("`、`")
                ),
            )
        } else {
            Hint::new(
                "remove it: control characters are not allowed in records",
                "请删除它：记录中不能有控制字符",
            )
        })),
    }
}

/// Checks every command-line argument before it is parsed: no control
/// characters anywhere, and line breaks only in the values of
/// [`MULTI_LINE_FLAGS`]. Done once here, so every flag of every command,
/// present and future, is covered.
pub fn arguments(args: &[OsString]) -> Result<()> {
    let mut previous: Option<&str> = None;
    for arg in args {
        let Some(arg) = arg.to_str() else {
            previous = None;
            continue;
        };
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (Some(flag), value),
            _ if arg.starts_with('-') && arg.len() > 1 => (None, arg),
            _ => (previous.filter(|p| p.starts_with('-')), arg),
        };
        let what = match flag {
            Some(flag) => format!("`{flag}`"),
            None if arg.starts_with('-') => "an option".to_string(),
            None => "an argument".to_string(),
        };
        let multi_line = flag.is_some_and(|f| MULTI_LINE_FLAGS.contains(&f));
        text(&what, value, multi_line)?;
        previous = (!arg.contains('=')).then_some(arg);
    }
    Ok(())
}

/// A reviewer's name as it is stored: trimmed and in Unicode NFC. Control
/// and invisible characters are refused, so no name can pass for another.
/// `origin` says where the name came from (`--by`, `FACTCHECK_REVIEWER`…).
pub fn reviewer(origin: &str, name: &str) -> Result<String> {
    let name: String = name.trim().nfc().collect();
    text(origin, &name, false)?;
    if let Some(c) = name.chars().find(|c| is_invisible(*c)) {
        return Err(Error::invalid(format!(
            "{origin} holds {}; a reviewer's name must be visible as written",
            describe(c)
        ))
        .with_hint_in("type the name again without it", "请去掉它后重新输入名字"));
    }
    Ok(name)
}

/// A media type as RFC 6838 writes it: `type/subtype`, each a restricted name
/// (letters, digits, `!#$&-^_.+`), optionally followed by `; parameters`.
pub fn media_type(value: &str) -> Result<()> {
    let essence = value.split(';').next().unwrap_or("").trim();
    let name_ok = |s: &str| {
        !s.is_empty()
            && s.len() <= 127
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
            && !s.contains("..")
    };
    let params_ok = value.split(';').skip(1).all(|p| {
        let p = p.trim();
        p.split_once('=')
            .is_some_and(|(k, v)| name_ok(k.trim()) && !v.trim().is_empty())
            && !p.contains(|c: char| c.is_control())
    });
    match essence.split_once('/') {
        Some((kind, sub)) if name_ok(kind) && name_ok(sub) && params_ok => Ok(()),
        _ => Err(Error::invalid(format!(
            "`{}` is not a media type such as text/html or text/plain; charset=utf-8",
            terminal(value)
        ))
        .with_hint_in(
            "leave `--media-type` out to take it from the file's extension or content",
            "不加 `--media-type`，将按文件扩展名或内容判断",
        )),
    }
}

/// Where `--out` may not write: the workspace's own records, snapshots,
/// local state and settings, and git's folder. `path` is as given (relative
/// to the current folder); symlinks on the way are followed, since the write
/// would follow them too. Returns the protected place it falls in.
pub fn protected_target(root: &Path, path: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let target = resolve(&absolute)?;
    let rel = target.strip_prefix(&root).ok()?;
    let mut parts = rel.components();
    let first = parts.next()?.as_os_str().to_str()?;
    let inside = parts.next().is_some();
    if ["sources", "claims", ".factcheck", ".git"].contains(&first) {
        Some(format!("{first}/"))
    } else if first == "factcheck.yaml" && !inside {
        Some(first.to_string())
    } else {
        None
    }
}

/// `path` with every symlink resolved, as far as the path exists; the
/// missing rest is appended as given. `..` is resolved against what exists.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let parent = path.parent()?;
    let name = path.file_name()?;
    Some(resolve(parent)?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_when_printed() {
        assert_eq!(terminal("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(terminal("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
        assert_eq!(terminal("x\ry\u{202e}z\u{9b}"), "x\\u{d}y\\u{202e}z\\u{9b}");
    }

    #[test]
    fn json_output_escapes_what_a_terminal_would_act_on_and_stays_json() {
        let value = serde_json::json!({"t": "a\u{1b}b\u{9b}c\u{202e}d"});
        let text = json_escapes(&serde_json::to_string_pretty(&value).unwrap());
        assert!(!text.contains(['\u{1b}', '\u{9b}', '\u{202e}']), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn control_characters_are_refused_at_input() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(arguments(&args(&["claim", "add", "--text", "ok"])).is_ok());
        assert!(arguments(&args(&["mark", "c1", "disputed", "--note", "a\nb"])).is_ok());
        let err = arguments(&args(&["claim", "add", "--text", "a\u{1b}[2J"]))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "`--text` holds an escape character (ESC) at character 2"
        );
        let err = arguments(&args(&["claim", "add", "--speaker=a\nb"]))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("`--speaker` holds a line break"), "{err}");
        let err = arguments(&args(&["--by", "x\ry"])).unwrap_err().to_string();
        assert!(err.starts_with("`--by` holds a carriage return"), "{err}");
        assert!(arguments(&args(&["show", "c\u{7}"])).is_err());
    }

    #[test]
    fn reviewer_names_are_normalised_and_compared_case_folded() {
        assert_eq!(
            reviewer("`--by`", "  Ame\u{301}lie ").unwrap(),
            "Am\u{e9}lie"
        );
        assert!(reviewer("`--by`", "tester\u{200b}").is_err());
        assert!(reviewer("`--by`", "te\u{1b}ster").is_err());
        assert!(same_reviewer("Tester", "tester"));
        assert!(same_reviewer("tester\u{200b}", "tester"));
        assert!(same_reviewer("Ame\u{301}lie", "am\u{e9}lie"));
        assert!(!same_reviewer("tester", "tester2"));
    }

    #[test]
    fn media_types_are_validated() {
        for ok in [
            "text/html",
            "text/plain; charset=utf-8",
            "application/vnd.api+json",
        ] {
            assert!(media_type(ok).is_ok(), "{ok}");
        }
        for bad in [
            "text/../../x",
            "text",
            "/x",
            "text/",
            "a/b/c",
            "te xt/html",
            "text/h\u{1b}",
        ] {
            assert!(media_type(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn out_is_refused_inside_the_workspace_own_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["sources", "claims", ".factcheck"] {
            std::fs::create_dir(root.join(sub)).unwrap();
        }
        let at = |p: &str| protected_target(root, &root.join(p));
        assert_eq!(at("sources/x.md").as_deref(), Some("sources/"));
        assert_eq!(at("claims/c1.yaml").as_deref(), Some("claims/"));
        assert_eq!(at(".factcheck/lock").as_deref(), Some(".factcheck/"));
        assert_eq!(at("factcheck.yaml").as_deref(), Some("factcheck.yaml"));
        assert_eq!(
            at("claims/../factcheck.yaml").as_deref(),
            Some("factcheck.yaml")
        );
        assert_eq!(at("report.md"), None);
        assert_eq!(at("out/report.md"), None);
        assert_eq!(at("templates/x.md"), None);
        std::os::unix::fs::symlink(root.join("claims"), root.join("link")).unwrap();
        assert_eq!(at("link/c1.yaml").as_deref(), Some("claims/"));
    }
}

#[cfg(test)]
mod terminal_safe_tests {
    use super::*;

    #[test]
    fn terminal_safe_agrees_with_terminal() {
        let mut samples: Vec<String> = [
            "plain text\n\twith a tab",
            "核查报告：“引号”……",
            "\u{1b}[31mred",
            "a\u{7f}b",
            "c1 \u{85} \u{9f}",
            "\u{a0} no-break space, \u{a9} ©",
            "bidi \u{202a}\u{202e} \u{2066}\u{2069}",
            "near \u{2029} \u{202f} \u{2065} \u{206a} \u{2026}",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        samples.extend((0..0x250u32).filter_map(char::from_u32).map(String::from));
        samples.extend(
            (0x2000..0x2100u32)
                .filter_map(char::from_u32)
                .map(String::from),
        );
        for s in &samples {
            let unchanged = matches!(terminal(s), Cow::Borrowed(_));
            assert_eq!(terminal_safe(s.as_bytes()), unchanged, "{s:?}");
        }
    }
}
