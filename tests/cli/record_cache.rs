//! The claims in the workspace index, `.factcheck/index`: used while a
//! claim file keeps its stat, bypassed by `--full`, rebuilt when corrupt, and
//! never holding a file modified a moment ago.
//!
//! To see whether a command took a claim from the cache, a test rewrites the
//! claim file in place with the same number of bytes and puts its mtime back:
//! size, mtime and inode are what they were, so only the cache still knows
//! the old words.

use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::*;

const OLD: &str = "Nine days of safety testing";
const NEW: &str = "NINE DAYS OF SAFETY TESTING";

/// The mtime of `path`.
fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

fn set_mtime(path: &Path, when: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// A workspace with one claim whose file was last modified an hour ago (long
/// enough not to be "racy"); returns the claim file's path.
fn workspace_with_old_claim() -> (Ws, std::path::PathBuf) {
    let ws = Ws::with_article();
    let id = ws.claim(OLD, NINE_DAYS);
    let path = ws.join(&format!("claims/{id}.yaml"));
    set_mtime(&path, SystemTime::now() - Duration::from_secs(3600));
    (ws, path)
}

/// Rewrites the claim's text in place, same length, same inode, same mtime.
fn rewrite_keeping_stat(path: &Path) {
    let before = fs::metadata(path).unwrap();
    let text = fs::read_to_string(path).unwrap().replace(OLD, NEW);
    fs::write(path, text).unwrap();
    set_mtime(path, before.modified().unwrap());
    let after = fs::metadata(path).unwrap();
    assert_eq!(before.len(), after.len());
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&before),
        std::os::unix::fs::MetadataExt::ino(&after)
    );
}

#[test]
fn a_claim_whose_file_keeps_its_stat_is_taken_from_the_cache_and_full_bypasses_it() {
    let (ws, path) = workspace_with_old_claim();
    assert!(ws.run(&["claim", "list"]).success().stdout.contains(OLD));
    assert!(ws.join(".factcheck/index").is_file());
    rewrite_keeping_stat(&path);

    // Served from the cache: the stat says nothing changed.
    let cached = ws.run(&["claim", "list"]).success().stdout;
    assert!(cached.contains(OLD), "{cached}");
    let report = ws.run(&["report"]).success().stdout;
    assert!(report.contains(OLD), "{report}");

    // `--full` reads the files.
    let full = ws.run(&["claim", "list", "--full"]).success().stdout;
    assert!(full.contains(NEW), "{full}");
    let report = ws.run(&["report", "--full"]).success().stdout;
    assert!(report.contains(NEW), "{report}");
}

#[test]
fn a_claim_file_whose_stat_changed_is_read_again() {
    let (ws, path) = workspace_with_old_claim();
    ws.run(&["claim", "list"]).success();
    let text = fs::read_to_string(&path).unwrap().replace(OLD, NEW);
    fs::write(&path, text).unwrap();
    set_mtime(&path, SystemTime::now() - Duration::from_secs(60));
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains(NEW), "{out}");
    // Edits by the tool itself replace the file, so its stat changes too.
    let id = path.file_stem().unwrap().to_str().unwrap().to_string();
    ws.run(&["claim", "edit", &id, "--text", "Edited by the tool"])
        .success();
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains("Edited by the tool"), "{out}");
}

#[test]
fn a_corrupt_cache_is_rebuilt_never_trusted() {
    let (ws, path) = workspace_with_old_claim();
    ws.run(&["claim", "list"]).success();
    rewrite_keeping_stat(&path);
    let cache = ws.join(".factcheck/index");
    let sound = fs::read(&cache).unwrap();
    for broken in [
        b"not a cache at all".to_vec(),
        sound[..sound.len() / 2].to_vec(),
        sound[..sound.len() - 1].to_vec(),
        [sound.as_slice(), b"trailing"].concat(),
        Vec::new(),
    ] {
        fs::write(&cache, &broken).unwrap();
        let out = ws.run(&["report"]).success().stdout;
        assert!(out.contains(NEW), "{out}");
        let rebuilt = fs::read(&cache).unwrap();
        assert_ne!(rebuilt, broken, "the cache is rewritten");
        assert!(rebuilt.starts_with(b"fcindex"), "and is an index again");
    }
}

#[test]
fn a_record_in_the_cache_that_does_not_decode_is_parsed_from_its_file() {
    let (ws, path) = workspace_with_old_claim();
    ws.run(&["claim", "list"]).success();
    rewrite_keeping_stat(&path);
    // Damage the record's body, not the index: the last bytes of the file.
    let cache = ws.join(".factcheck/index");
    let mut bytes = fs::read(&cache).unwrap();
    let n = bytes.len();
    bytes[n - 40..].fill(0xc1); // 0xc1 is never used in MessagePack
    fs::write(&cache, &bytes).unwrap();
    let out = ws.run(&["report"]).success().stdout;
    assert!(out.contains(NEW), "{out}");
}

#[test]
fn a_claim_file_modified_a_moment_ago_is_not_cached() {
    let ws = Ws::with_article();
    let id = ws.claim(OLD, NINE_DAYS);
    let path = ws.join(&format!("claims/{id}.yaml"));
    let when = mtime(&path);
    ws.run(&["claim", "list"]).success();
    // Changed again within the same clock tick: size, inode and mtime stay.
    rewrite_keeping_stat(&path);
    assert_eq!(mtime(&path), when);
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains(NEW), "{out}");
}

#[test]
fn check_full_parses_every_claim_file() {
    let (ws, path) = workspace_with_old_claim();
    ws.run(&["claim", "list"]).success();
    // Break the file in place, keeping its stat: only a parse can tell.
    let text = fs::read_to_string(&path).unwrap();
    let broken = text.replacen("status:", "stat_s:", 1);
    let before = fs::metadata(&path).unwrap();
    fs::write(&path, broken).unwrap();
    set_mtime(&path, before.modified().unwrap());
    let out = ws.run(&["check", "--full"]).code(1);
    assert!(
        out.stdout.contains("unknown field `stat_s`"),
        "{}",
        out.stdout
    );
}
