//! The bad-input catalogue: one row per hostile or broken input — records,
//! snapshots, settings, templates, command-line values and environment —
//! with the exit code and the message a user must get, and proof that the
//! refused command left every file of the workspace byte for byte as it was.
//!
//! Every row starts from the same workspace: the bundled article as the
//! article, one claim on it (`{claim}`) and one evidence snapshot (`{ev}`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::*;

mod rows;
use rows::ROWS;

/// What a row's setup can change, and the ids it can use.
struct Base {
    claim: String,
    ev: String,
}

/// One case: how to break the workspace, what to run, what must come back.
struct Row {
    name: &'static str,
    setup: fn(&Ws, &Base),
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    code: i32,
    message: &'static str,
}

const fn row(
    name: &'static str,
    setup: fn(&Ws, &Base),
    args: &'static [&'static str],
    code: i32,
    message: &'static str,
) -> Row {
    Row {
        name,
        setup,
        args,
        env: &[],
        code,
        message,
    }
}

const fn env_row(
    name: &'static str,
    env: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
    code: i32,
    message: &'static str,
) -> Row {
    Row {
        name,
        setup: nothing,
        args,
        env,
        code,
        message,
    }
}

fn nothing(_: &Ws, _: &Base) {}

fn claim_file(ws: &Ws, b: &Base) -> String {
    ws.claim_file(&b.claim)
}

fn edit_claim(ws: &Ws, b: &Base, f: impl FnOnce(String) -> String) {
    let rel = claim_file(ws, b);
    let text = ws.read(&rel);
    ws.write(&rel, &f(text));
}

fn article_record() -> String {
    format!("sources/{}.yaml", &ARTICLE_ID[7..])
}

fn article_bytes() -> String {
    format!("sources/{}.md", &ARTICLE_ID[7..])
}

fn edit(ws: &Ws, rel: &str, f: impl FnOnce(String) -> String) {
    let text = ws.read(rel);
    ws.write(rel, &f(text));
}

/// The folder holding the secret a symlink points at, made once per run.
static SECRET_DIR: OnceLock<PathBuf> = OnceLock::new();

fn secret() -> PathBuf {
    SECRET_DIR
        .get_or_init(|| {
            let dir =
                std::env::temp_dir().join(format!("factcheck-catalogue-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("secret.env"), "TOKEN=hunter2\n").unwrap();
            dir
        })
        .join("secret.env")
}

fn symlink(target: &Path, ws: &Ws, rel: &str) {
    std::os::unix::fs::symlink(target, ws.join(rel)).unwrap();
}

fn folder_symlink(ws: &Ws, folder: &str) {
    let elsewhere = ws.join(&format!(".moved-{folder}"));
    std::fs::rename(ws.join(folder), &elsewhere).unwrap();
    symlink(&elsewhere, ws, folder);
}

fn second_reviewer(ws: &Ws, b: &Base) {
    edit(ws, "factcheck.yaml", |t| {
        format!("{t}review:\n  second_reviewer: true\n")
    });
    ws.run(&[
        "--by", "tester", "mark", &b.claim, "disputed", "--note", "n",
    ])
    .success();
}

fn template(ws: &Ws, name: &str, text: &str) {
    ws.write(&format!("templates/{name}.md.j2"), text);
}

/// The common starting point, built once and copied for every row.
fn base() -> &'static (PathBuf, String, String) {
    static BASE: OnceLock<(PathBuf, String, String)> = OnceLock::new();
    BASE.get_or_init(|| {
        let ws = Ws::with_article();
        let claim = ws.nine_days();
        let ev = ws.source("ev.txt", "The security team had only 9 days to assess.");
        let dir =
            std::env::temp_dir().join(format!("factcheck-catalogue-base-{}", std::process::id()));
        copy_tree(ws.path(), &dir);
        (dir, claim, ev)
    })
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn bad_input_catalogue() {
    assert!(ROWS.len() >= 60, "the catalogue has {} rows", ROWS.len());
    let (dir, claim, ev) = base();
    let b = Base {
        claim: claim.clone(),
        ev: ev.clone(),
    };
    let mut failures = Vec::new();
    for row in ROWS {
        let ws = Ws::bare();
        copy_tree(dir, ws.path());
        (row.setup)(&ws, &b);
        let fill = |s: &str| s.replace("{claim}", &b.claim).replace("{ev}", &b.ev);
        let args: Vec<String> = row.args.iter().map(|a| fill(a)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let before = ws.files();
        let run = ws.run_with(&args, row.env);
        let message = fill(row.message);
        let out = format!("{}{}", run.stdout, run.stderr);
        let mut wrong = Vec::new();
        if run.code != row.code {
            wrong.push(format!("exit {} (expected {})", run.code, row.code));
        }
        if !out.contains(&message) {
            wrong.push(format!("no `{message}` in the output"));
        }
        if out.contains("hunter2") {
            wrong.push("a symlink's target was printed".to_string());
        }
        if out.contains(['\u{1b}', '\u{7}', '\r']) {
            wrong.push("raw control characters were printed".to_string());
        }
        if ws.files() != before {
            wrong.push("files changed".to_string());
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{}: {}\n{}",
                row.name,
                wrong.join("; "),
                run.render()
            ));
        }
    }
    // Both folders outside the temporary workspaces go with the run: none is
    // left behind in the system's temporary folder.
    let _ = std::fs::remove_dir_all(dir);
    if let Some(secret) = SECRET_DIR.get() {
        let _ = std::fs::remove_dir_all(secret);
        assert!(!secret.exists(), "{} is left behind", secret.display());
    }
    assert!(!dir.exists(), "{} is left behind", dir.display());
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n\n")
    );
}
