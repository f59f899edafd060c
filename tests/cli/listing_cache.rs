//! `claim list` from the workspace index, `.factcheck/index`: a listing from
//! it is the listing from the claim files; it is used while a claim file
//! keeps its stat, bypassed by `--full`, rebuilt when corrupt, and never
//! holds a file modified a moment ago.

use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::*;

const OLD: &str = "Nine days of safety testing";
const NEW: &str = "NINE DAYS OF SAFETY TESTING";

fn set_mtime(path: &Path, when: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// Puts every claim file's mtime an hour back: long enough not to be "racy".
fn age_claims(ws: &Ws) {
    for entry in fs::read_dir(ws.join("claims")).unwrap() {
        set_mtime(
            &entry.unwrap().path(),
            SystemTime::now() - Duration::from_secs(3600),
        );
    }
}

/// Rewrites the claim's text in place, same length, same inode, same mtime:
/// only a cache still knows the old words.
fn rewrite_keeping_stat(path: &Path) {
    let before = fs::metadata(path).unwrap();
    let text = fs::read_to_string(path).unwrap().replace(OLD, NEW);
    fs::write(path, text).unwrap();
    set_mtime(path, before.modified().unwrap());
    assert_eq!(before.len(), fs::metadata(path).unwrap().len());
}

/// A workspace with claims of several kinds, statuses, tags and evidence,
/// anchored and not; returns it with the path of the claim saying [`OLD`].
fn varied_workspace() -> (Ws, std::path::PathBuf) {
    let ws = Ws::with_article();
    let nine = ws.claim(OLD, NINE_DAYS);
    let later = ws.claim("Mira 9月25日全量发布", "最终在本周三（9月25日）才全量发布");
    ws.claim("5月14日发布GPT-4o", "今年5月14日，OpenAI发布GPT-4o");
    ws.run(&[
        "claim",
        "add",
        "--text",
        "Free-standing",
        "--id",
        "free",
        "--kind",
        "other",
    ])
    .success();
    ws.run(&[
        "claim",
        "edit",
        &later,
        "--kind",
        "date",
        "--tag",
        "rollout,dates",
    ])
    .success();
    ws.attach(&nine, "supports");
    ws.run(&["mark", &nine, "verified"]).success();
    age_claims(&ws);
    let path = ws.join(&format!("claims/{nine}.yaml"));
    (ws, path)
}

#[test]
fn a_listing_from_the_cache_equals_the_listing_from_the_files() {
    let (ws, _) = varied_workspace();
    let filters: [&[&str]; 6] = [
        &[],
        &["--status", "verified"],
        &["--status", "unverified", "--kind", "other"],
        &["--tag", "rollout"],
        &["--tag", "rollout,nope"],
        &["--recheck"],
    ];
    let list = |extra: &[&str]| {
        let args: Vec<&str> = ["claim", "list"].iter().chain(extra).copied().collect();
        ws.run(&args).success().render()
    };
    let first = list(&[]);
    assert!(ws.join(".factcheck/index").is_file());
    for filter in filters {
        let cached = list(filter);
        let full = list(&[filter, &["--full"]].concat());
        assert_eq!(cached, full, "{filter:?}");
    }
    assert_eq!(list(&[]), first);
    assert!(
        first.contains("verified") && first.contains("free"),
        "{first}"
    );
}

#[test]
fn a_claim_whose_file_keeps_its_stat_is_listed_from_the_cache_and_full_bypasses_it() {
    let (ws, path) = varied_workspace();
    ws.run(&["claim", "list"]).success();
    rewrite_keeping_stat(&path);
    let cached = ws.run(&["claim", "list"]).success().stdout;
    assert!(cached.contains(OLD), "{cached}");
    let full = ws.run(&["claim", "list", "--full"]).success().stdout;
    assert!(full.contains(NEW), "{full}");
    // `--full` rebuilt the cache from the files.
    let cached = ws.run(&["claim", "list"]).success().stdout;
    assert!(cached.contains(NEW), "{cached}");
}

#[test]
fn a_claim_file_added_removed_or_changed_is_listed_as_it_is_now() {
    let (ws, path) = varied_workspace();
    ws.run(&["claim", "list"]).success();
    ws.run(&["claim", "edit", "free", "--text", "Edited by the tool"])
        .success();
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains("Edited by the tool"), "{out}");
    fs::remove_file(&path).unwrap();
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(!out.contains(OLD), "{out}");
    ws.run(&[
        "claim", "add", "--text", "Newcomer", "--id", "new", "--kind", "other",
    ])
    .success();
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains("Newcomer"), "{out}");
}

#[test]
fn a_corrupt_listing_cache_is_rebuilt_never_trusted() {
    let (ws, _) = varied_workspace();
    let good = ws.run(&["claim", "list"]).success().render();
    let cache = ws.join(".factcheck/index");
    let sound = fs::read(&cache).unwrap();
    let mut other_version = sound.clone();
    other_version[7] = 0xff;
    for broken in [
        b"not a cache at all".to_vec(),
        sound[..sound.len() / 2].to_vec(),
        sound[..sound.len() - 1].to_vec(),
        [sound.as_slice(), b"trailing"].concat(),
        other_version,
        Vec::new(),
    ] {
        fs::write(&cache, &broken).unwrap();
        assert_eq!(ws.run(&["claim", "list"]).success().render(), good);
        let rebuilt = fs::read(&cache).unwrap();
        assert!(rebuilt.starts_with(b"fcindex"), "the index is rebuilt");
        // And sound: the next listing takes it as it is.
        assert_eq!(ws.run(&["claim", "list"]).success().render(), good);
        assert_eq!(fs::read(&cache).unwrap(), rebuilt);
    }
}

#[test]
fn a_claim_file_modified_a_moment_ago_is_not_listed_from_the_cache() {
    let ws = Ws::with_article();
    let id = ws.claim(OLD, NINE_DAYS);
    let path = ws.join(&format!("claims/{id}.yaml"));
    ws.run(&["claim", "list"]).success();
    // Changed again within the same clock tick: size, inode and mtime stay.
    rewrite_keeping_stat(&path);
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains(NEW), "{out}");
}
