//! The README's tour and revision walk-through, run as a newcomer runs them:
//! the `sh` blocks are taken from README.md itself, so the two cannot drift.
//! Each section runs in one shell, from a copy of the repository's root, with
//! the built binary on `PATH`. A command that fails (exit 2 or more) fails the
//! test; exit 1 (`check` found problems, `decision` holds) is a result the
//! README talks about, not an error. An output block that directly follows a command
//! block must show only lines the commands printed (lines with `…` are
//! abbreviated and skipped).

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::cargo_bin;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One fenced block of the README: its info string and its lines.
struct Block {
    info: String,
    text: String,
    /// Whether only blank lines stand between this block and the one before.
    follows: bool,
}

/// The fenced blocks of the README section headed `heading`.
fn section_blocks(readme: &str, heading: &str) -> Vec<Block> {
    let start = readme
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("README has no section `{heading}`"));
    let rest = &readme[start + heading.len() + 5..];
    let body = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut blocks = Vec::new();
    let mut lines = body.lines();
    let mut prose = true;
    while let Some(line) = lines.next() {
        if !line.trim().is_empty() && !line.starts_with("```") {
            prose = true;
        }
        if let Some(info) = line.strip_prefix("```") {
            let mut text = String::new();
            for inner in lines.by_ref() {
                if inner.starts_with("```") {
                    break;
                }
                text.push_str(inner);
                text.push('\n');
            }
            blocks.push(Block {
                info: info.trim().to_string(),
                text,
                follows: !prose,
            });
            prose = false;
        }
    }
    blocks
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of what a fresh clone has at its root that the tour reads.
fn fresh_clone(dir: &Path) -> PathBuf {
    let repo = dir.join("repo");
    for folder in ["claims", "sources", "templates", "examples"] {
        copy_dir(&Path::new(ROOT).join(folder), &repo.join(folder));
    }
    std::fs::copy(
        Path::new(ROOT).join("factcheck.yaml"),
        repo.join("factcheck.yaml"),
    )
    .unwrap();
    repo
}

/// Runs a section's command blocks in one shell and checks its output blocks.
fn run_section(heading: &str) {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let blocks = section_blocks(&readme, heading);
    let dir = tempfile::tempdir().unwrap();
    let repo = fresh_clone(dir.path());
    let bin = cargo_bin("factcheck");
    let bin_dir = bin.parent().unwrap();

    let mut script = String::from(
        "set -euo pipefail\nexec 2>&1\n\
         factcheck() {\n  local rc=0\n  command factcheck \"$@\" || rc=$?\n  \
         if [ \"$rc\" -ge 2 ]; then echo \"README command failed (exit $rc): factcheck $*\"; exit \"$rc\"; fi\n}\n",
    );
    let mut shown = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        if block.info == "sh" {
            script.push_str(&format!("echo '@@block {n}@@'\n{}", block.text));
        } else if block.follows && (block.info.is_empty() || block.info == "text") {
            shown.push((n, block.text.clone()));
        }
    }
    script.push_str("echo '@@end@@'\n");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&repo)
        .env("PATH", path)
        .env("HOME", dir.path())
        .env("FACTCHECK_NOW", "2026-12-01T09:00:00Z")
        .env("FACTCHECK_REVIEWER", "李明")
        .env("NO_COLOR", "1")
        .env_remove("FACTCHECK_ARCHIVE")
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success() && stdout.contains("@@end@@"),
        "the README's `{heading}` stopped on an error:\n{stdout}"
    );

    // Each output block: its lines are what the command block before it printed.
    for (n, text) in shown {
        let Some(printed) = block_output(&stdout, n) else {
            continue;
        };
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.contains('…') {
                continue;
            }
            assert!(
                printed.lines().any(|p| p.trim_end() == line),
                "README `{heading}` shows a line the commands do not print:\n  {line}\nthey printed:\n{printed}"
            );
        }
    }
}

/// What the `sh` block just before block `n` printed, if block `n` follows one.
fn block_output(stdout: &str, n: usize) -> Option<&str> {
    let marker = format!("@@block {}@@\n", n.checked_sub(1)?);
    let start = stdout.find(&marker)? + marker.len();
    let rest = &stdout[start..];
    let end = [rest.find("@@block "), rest.find("@@end@@")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

#[test]
fn readme_tour_runs_as_written() {
    run_section("A short tour");
}

#[test]
fn readme_revision_walkthrough_runs_as_written() {
    run_section("Article revisions");
}

/// The report excerpt under "On a fresh machine" is the real report of the
/// bundled workspace, line for line up to its `…`, with the clock the
/// excerpt shows (so a change to the records or the template that moves
/// the first screen fails here until the README follows).
#[test]
fn readme_report_excerpt_is_the_real_first_screen() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    // (Read directly: the excerpt's own `## ` headings would end a section.)
    let start = readme
        .find("```text\n# ")
        .expect("an excerpt of the report")
        + 8;
    let shown = &readme[start..];
    let shown = &shown[..shown.find("…\n").expect("the excerpt ends with …")];
    let generated = shown
        .lines()
        .find_map(|l| l.strip_prefix("- **生成时间**："))
        .expect("the excerpt shows when it was generated");
    let out = Command::new(cargo_bin("factcheck"))
        .args(["-C", ROOT, "report"])
        .env("FACTCHECK_NOW", generated)
        .env_remove("FACTCHECK_ARCHIVE")
        .env("XDG_DATA_HOME", "/nonexistent/factcheck-tests")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.starts_with(shown),
        "the README's excerpt differs from the report:\n--- README\n{shown}\n--- report\n{}",
        &report[..report.len().min(shown.len() + 200)]
    );
}
