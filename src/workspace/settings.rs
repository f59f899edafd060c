//! Editing `factcheck.yaml` in place. The desk writes the file by hand —
//! comments saying why a policy is what it is, keys in the order it reads
//! them — and a command that changes one setting (`summary`, `source add
//! --article`) must leave every other line as it was. So only the top-level
//! keys whose value changes are rewritten, each where it stands; a key the
//! file lacks goes before the first key that follows it in the settings'
//! own order, else at the end. The caller checks that the edited text
//! means the new settings, and writes the whole file afresh when it does not
//! (a layout this editor does not follow, such as a flow mapping).

/// `text` (the file) with each top-level key whose block differs between
/// `old` and `new` (the canonical YAML of the settings the file holds and
/// of the settings wanted) replaced, removed or appended.
pub fn edit(text: &str, old: &str, new: &str) -> String {
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let old_blocks = blocks(old);
    let new_blocks = blocks(new);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let present: Vec<&str> = lines.iter().filter_map(|l| key_of(l)).collect();
    // A key the file lacks goes before the first key that follows it in the
    // canonical order, else at the end.
    let missing: Vec<(Option<&str>, &String)> = new_blocks
        .iter()
        .enumerate()
        .filter(|(_, (key, _))| !present.contains(key))
        .map(|(at, (_, block))| {
            let before = new_blocks[at + 1..]
                .iter()
                .map(|(k, _)| *k)
                .find(|k| present.contains(k));
            (before, block)
        })
        .collect();
    let mut out = String::with_capacity(text.len() + new.len());
    out.push_str(bom);
    let mut i = 0;
    while i < lines.len() {
        let Some(key) = key_of(lines[i]) else {
            out.push_str(lines[i]);
            i += 1;
            continue;
        };
        for (_, block) in missing.iter().filter(|(before, _)| *before == Some(key)) {
            out.push_str(block);
        }
        let end = block_end(&lines, i);
        let wanted = new_blocks.iter().find(|(k, _)| *k == key).map(|(_, b)| b);
        let had = old_blocks.iter().find(|(k, _)| *k == key).map(|(_, b)| b);
        match wanted {
            // Unchanged (or a key this editor does not know): byte for byte.
            Some(block) if Some(block) == had => lines[i..end].iter().for_each(|l| out.push_str(l)),
            None if had.is_none() => lines[i..end].iter().for_each(|l| out.push_str(l)),
            Some(block) => out.push_str(&with_comment(block, lines[i], end - i == 1)),
            None => {}
        }
        i = end;
    }
    for (_, block) in missing.iter().filter(|(before, _)| before.is_none()) {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(block);
    }
    out
}

/// The top-level blocks of canonical YAML, each with its key, in order.
fn blocks(yaml: &str) -> Vec<(&str, String)> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(key) = key_of(lines[i]) else {
            i += 1;
            continue;
        };
        let end = block_end(&lines, i);
        out.push((key, lines[i..end].concat()));
        i = end;
    }
    out
}

/// The key a line at the top level starts, when it starts one: `key:` at the
/// first column, a plain key.
fn key_of(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if !(first.is_ascii_alphanumeric() || first == '_') {
        return None;
    }
    let (key, rest) = line.split_once(':')?;
    let plain = key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (plain && (rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))).then_some(key)
}

/// Where the block that starts at line `start` ends: at the next line at the
/// first column (a key, a comment, a document marker), trailing blank lines
/// left out. A sequence may sit at the key's own column (`- item`).
fn block_end(lines: &[&str], start: usize) -> usize {
    let mut end = start + 1;
    while end < lines.len() {
        let line = lines[end];
        let inside = line.trim().is_empty()
            || line.starts_with([' ', '\t'])
            || (line.starts_with('-') && !line.starts_with("---"));
        if !inside {
            break;
        }
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    end
}

/// `block`, keeping the comment at the end of the line it replaces when both
/// are one line (`article: sha256:… # the piece we check`).
fn with_comment(block: &str, old_line: &str, old_is_one_line: bool) -> String {
    let one_line = block.trim_end_matches('\n').lines().count() == 1;
    let comment = old_line.find(" #").filter(|&at| {
        let before = &old_line[..at];
        !before.contains(['"', '\'']) && !before.trim_end().ends_with(':')
    });
    match comment {
        Some(at) if one_line && old_is_one_line => {
            let spaces = old_line[..at].len() - old_line[..at].trim_end().len();
            format!(
                "{}{}{}\n",
                block.trim_end_matches('\n'),
                " ".repeat(spaces),
                old_line[at..].trim_end()
            )
        }
        _ => block.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_changed_key_is_rewritten_and_comments_stay() {
        let text = "# our desk\npublisher: Desk   # who signs\n\n# the piece\narticle: sha256:aa  # current\nlanguage: en\n";
        let old = "article: sha256:aa\nlanguage: en\npublisher: Desk\n";
        let new = "article: sha256:bb\nlanguage: en\npublisher: Desk\n";
        assert_eq!(
            edit(text, old, new),
            "# our desk\npublisher: Desk   # who signs\n\n# the piece\narticle: sha256:bb  # current\nlanguage: en\n"
        );
    }

    #[test]
    fn a_new_block_is_appended_and_an_old_one_replaced_whole() {
        let text = "title: T\nsummary:\n  decision: hold\n  by: a\n\n# end\n";
        let old = "title: T\nsummary:\n  decision: hold\n  by: a\n";
        let new = "title: T\nsummary:\n  decision: publish\n  by: b\nwatch:\n  archive_lookup: x\n";
        assert_eq!(
            edit(text, old, new),
            "title: T\nsummary:\n  decision: publish\n  by: b\n\n# end\nwatch:\n  archive_lookup: x\n"
        );
    }

    #[test]
    fn a_sequence_at_the_key_column_belongs_to_its_key() {
        let text = "ratings:\n- label: A\n- label: B\narticle: sha256:aa\n";
        let old = "article: sha256:aa\nratings:\n  - label: A\n  - label: B\n";
        let new = "article: sha256:cc\nratings:\n  - label: A\n  - label: B\n";
        assert_eq!(
            edit(text, old, new),
            "ratings:\n- label: A\n- label: B\narticle: sha256:cc\n"
        );
    }
}
