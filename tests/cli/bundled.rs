//! The bundled fact-check: the repository's own `factcheck.yaml`,
//! `dismissed.yaml`, `claims/` and `sources/` are the replay of the scenario in `tests/fixtures/bundled/`
//! (`steps.txt`, the evidence excerpts it snapshots, the article), byte for byte.
//!
//! After editing the scenario, write its replay over the repository's records
//! with `FACTCHECK_UPDATE_BUNDLED=1 cargo test --test cli bundled` and commit both.

use std::collections::BTreeMap;
use std::path::Path;

use crate::scenario::build_fixture;

/// Set to `1` to write the replay over the repository's records.
const UPDATE: &str = "FACTCHECK_UPDATE_BUNDLED";

/// `factcheck.yaml`, `dismissed.yaml` and every file of `claims/` and
/// `sources/`, by path.
fn records(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for file in ["factcheck.yaml", "dismissed.yaml"] {
        if let Ok(bytes) = std::fs::read(root.join(file)) {
            out.insert(file.to_string(), bytes);
        }
    }
    for folder in ["claims", "sources"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("read folder entry").path();
            if path.is_file() {
                let name = path.file_name().expect("a file name").to_string_lossy();
                let bytes = std::fs::read(&path).expect("read record");
                out.insert(format!("{folder}/{name}"), bytes);
            }
        }
    }
    out
}

/// Where two versions of a file first part: a line number and both lines.
fn first_difference(committed: &[u8], replayed: &[u8]) -> String {
    let committed = String::from_utf8_lossy(committed);
    let replayed = String::from_utf8_lossy(replayed);
    let mut ours = committed.lines();
    let mut theirs = replayed.lines();
    for n in 1.. {
        match (ours.next(), theirs.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => break,
            (a, b) => {
                return format!(
                    "line {n}:\n      committed: {}\n      replayed:  {}",
                    a.unwrap_or("(end of file)"),
                    b.unwrap_or("(end of file)")
                );
            }
        }
    }
    "line endings or the final newline differ".to_string()
}

/// Writes `replay` over the repository's records, removing records it lacks.
fn update(repo: &Path, committed: &BTreeMap<String, Vec<u8>>, replay: &BTreeMap<String, Vec<u8>>) {
    for path in committed.keys().filter(|p| !replay.contains_key(*p)) {
        std::fs::remove_file(repo.join(path)).expect("remove stale record");
    }
    for (path, bytes) in replay {
        if committed.get(path) != Some(bytes) {
            std::fs::write(repo.join(path), bytes).expect("write record");
        }
    }
}

#[test]
fn bundled_factcheck_replays_to_the_committed_workspace() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ws = build_fixture(&repo.join("tests/fixtures/bundled"));
    let replay = records(ws.path());
    let committed = records(repo);
    if std::env::var(UPDATE).as_deref() == Ok("1") {
        update(repo, &committed, &replay);
        eprintln!("{UPDATE}=1: wrote {} records of the replay", replay.len());
        return;
    }
    let mut problems = Vec::new();
    for (path, bytes) in &committed {
        match replay.get(path) {
            None => problems.push(format!(
                "  {path}: committed, but the replay does not write it"
            )),
            Some(ours) if ours != bytes => problems.push(format!(
                "  {path}: differs at {}",
                first_difference(bytes, ours)
            )),
            Some(_) => {}
        }
    }
    for path in replay.keys().filter(|p| !committed.contains_key(*p)) {
        problems.push(format!(
            "  {path}: written by the replay, but not committed"
        ));
    }
    assert!(
        problems.is_empty(),
        "the committed bundled fact-check is not the replay of tests/fixtures/bundled/steps.txt \
         ({} of {} records):\n{}\nIf the scenario changed on purpose, regenerate the records with \
         `{UPDATE}=1 cargo test --test cli bundled` and commit both.",
        problems.len(),
        committed.len().max(replay.len()),
        problems.join("\n")
    );
    assert!(committed.len() > 100, "the bundled workspace is there");
}
