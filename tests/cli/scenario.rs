//! Scenarios: a workspace built from a file of `factcheck` runs, so its
//! records are exactly what the tool writes. The report fixtures
//! (`tests/fixtures/report/*/`) and the bundled fact-check
//! (`tests/fixtures/bundled/`) are scenarios; [`build_fixture`] replays one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::*;

/// The report fixture workspaces.
pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/report")
        .join(name)
}

/// Builds a workspace from a scenario folder: `factcheck init`, then its
/// `factcheck.yaml` (if any) in place of the new one, then every line of
/// `steps.txt`:
///
/// - `ARGS…`: one `factcheck` run, which must succeed. Words split like a
///   shell's: `"…"` (with `\n`, `\"`, `\\`, `\$`) and `'…'` group, `$NAME`
///   expands (`$FIXTURE` is the scenario folder).
/// - `NAME = ARGS…`: the same, keeping the trimmed stdout as `$NAME`.
/// - `@now TIME`: `FACTCHECK_NOW` for the runs that follow.
/// - `@by NAME`: who makes the runs that follow (`factcheck --by NAME …`);
///   until the first `@by`, the harness's reviewer.
/// - `@write PATH TEXT`: writes `TEXT` and a newline to `PATH` in the workspace.
/// - `@copy FILE PATH`: copies `FILE` (words as above, so `$FIXTURE/…`) to
///   `PATH` in the workspace, e.g. a new `factcheck.yaml` mid-way.
/// - blank lines and `# comments` are skipped.
pub fn build_fixture(dir: &Path) -> Ws {
    let ws = Ws::new();
    if let Ok(config) = std::fs::read_to_string(dir.join("factcheck.yaml")) {
        ws.write("factcheck.yaml", &config);
    }
    let steps = std::fs::read_to_string(dir.join("steps.txt")).expect("read steps.txt");
    let mut vars = BTreeMap::from([("FIXTURE".to_string(), dir.display().to_string())]);
    let mut now = NOW.to_string();
    let mut by: Option<String> = None;
    for (n, line) in steps.lines().enumerate() {
        let line = line.trim();
        let at = format!("{}:{}", dir.join("steps.txt").display(), n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(time) = line.strip_prefix("@now ") {
            now = time.trim().to_string();
            continue;
        }
        if let Some(name) = line.strip_prefix("@by ") {
            by = Some(name.trim().to_string());
            continue;
        }
        if let Some(rest) = line.strip_prefix("@write ") {
            let (path, text) = rest
                .split_once(' ')
                .unwrap_or_else(|| panic!("{at}: @write PATH TEXT"));
            ws.write(path, &format!("{text}\n"));
            continue;
        }
        if let Some(rest) = line.strip_prefix("@copy ") {
            let [from, to] = &words(rest, &vars, &at)[..] else {
                panic!("{at}: @copy FILE PATH");
            };
            let bytes = std::fs::read(from).unwrap_or_else(|e| panic!("{at}: read {from}: {e}"));
            std::fs::write(ws.join(to), bytes).unwrap_or_else(|e| panic!("{at}: write {to}: {e}"));
            continue;
        }
        let (name, command) = match line.split_once(" = ") {
            Some((name, command))
                if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                (Some(name), command)
            }
            _ => (None, line),
        };
        let mut args = words(command, &vars, &at);
        if let Some(by) = &by {
            args.splice(0..0, ["--by".to_string(), by.clone()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = ws.run_with(&args, &[("FACTCHECK_NOW", &now)]);
        assert_eq!(run.code, 0, "{at}: `{line}` failed\n{}", run.render());
        if let Some(name) = name {
            vars.insert(name.to_string(), run.stdout.trim().to_string());
        }
    }
    ws
}

/// Splits a step into words, like a shell, expanding `$NAME`.
fn words(line: &str, vars: &BTreeMap<String, String>, at: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                out.extend(word.take());
            }
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    w.push(c);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => w.push('\n'),
                            Some(other) => w.push(other),
                            None => panic!("{at}: dangling backslash"),
                        },
                        '$' => w.push_str(&expand(&mut chars, vars, at)),
                        c => w.push(c),
                    }
                }
            }
            '$' => {
                let value = expand(&mut chars, vars, at);
                word.get_or_insert_with(String::new).push_str(&value);
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    out.extend(word);
    out
}

fn expand(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    vars: &BTreeMap<String, String>,
    at: &str,
) -> String {
    let mut name = String::new();
    while let Some(&c) = chars.peek() {
        if !(c.is_ascii_alphanumeric() || c == '_') {
            break;
        }
        name.push(c);
        chars.next();
    }
    vars.get(&name)
        .cloned()
        .unwrap_or_else(|| panic!("{at}: no ${name}"))
}
