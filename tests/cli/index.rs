//! The workspace index, `.factcheck/index`, against what a hostile or
//! unlucky workspace does to it: a symlinked lock, flipped bytes, a claim
//! rewritten in place a moment after it was indexed, an index of another
//! build. In every case the outputs are those of a run without an index.

use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::*;

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

/// Replaces `from` with `to` (as long) in the file, keeping its size, inode
/// and mtime: only an index still knows the old bytes.
fn rewrite_keeping_stat(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let before = fs::metadata(path).unwrap();
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{text}");
    fs::write(path, text.replace(from, to)).unwrap();
    set_mtime(path, before.modified().unwrap());
    let after = fs::metadata(path).unwrap();
    assert_eq!(before.len(), after.len());
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&before),
        std::os::unix::fs::MetadataExt::ino(&after)
    );
}

#[test]
fn a_symlinked_lock_is_not_followed() {
    let ws = Ws::with_article();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("precious.txt");
    fs::write(&target, "precious").unwrap();
    let lock = ws.join(".factcheck/lock");
    let _ = fs::remove_file(&lock);
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let add = [
        "claim", "add", "--text", "A claim", "--id", "c1", "--kind", "other",
    ];
    let run = ws.run(&add).code(2);
    assert!(
        run.stderr.contains(".factcheck/lock") && run.stderr.contains("symlink"),
        "{}",
        run.render()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "precious");
    assert!(!ws.join("claims/c1.yaml").exists());
    // Reading commands work, and write nothing through the link either.
    ws.run(&["claim", "list"]).success();
    ws.run(&["report"]).success();
    assert_eq!(fs::read_to_string(&target).unwrap(), "precious");

    // A dangling link must not create its target.
    fs::remove_file(&lock).unwrap();
    let missing = outside.path().join("created.txt");
    std::os::unix::fs::symlink(&missing, &lock).unwrap();
    ws.run(&add).code(2);
    ws.run(&["report"]).success();
    assert!(!missing.exists());
    assert!(
        fs::symlink_metadata(&lock)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_flipped_byte_in_the_index_is_never_believed() {
    let ws = Ws::with_article();
    let nine = ws.nine_days();
    ws.attach(&nine, "supports");
    ws.run(&["mark", &nine, "verified", "--rating", "Accurate"])
        .success();
    let later = ws.claim("Mira 9月25日全量发布", "最终在本周三（9月25日）才全量发布");
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
    // A claim with a problem, so that `check` fails and has something to hide.
    ws.attach(&later, "refutes");
    ws.run(&["mark", &later, "disputed"]).success();
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
    age_claims(&ws);
    let commands: [&[&str]; 3] = [&["report"], &["claim", "list"], &["check"]];
    let index = ws.join(".factcheck/index");
    let uncached: Vec<String> = commands
        .iter()
        .map(|args| {
            let _ = fs::remove_file(&index);
            ws.run(args).render()
        })
        .collect();
    assert!(uncached[2].starts_with("exit: 1"), "{}", uncached[2]);
    // An index that holds everything: claims, rows and what passed.
    for args in commands {
        ws.run(args);
    }
    let sound = fs::read(&index).unwrap();
    for (args, expected) in commands.iter().zip(&uncached) {
        assert_eq!(&ws.run(args).render(), expected, "{args:?} from the index");
    }
    assert_eq!(fs::read(&index).unwrap(), sound, "a sound index is kept");

    // Many positions spread over the file, every byte of the first 64 (the
    // head), each flipped in one bit or in its case.
    let n = sound.len();
    let mut positions: Vec<usize> = (0..64.min(n)).collect();
    positions.extend((0..120).map(|i| 64 + i * (n - 64) / 120));
    positions.dedup();
    for (k, at) in positions.into_iter().enumerate() {
        let mut flipped = sound.clone();
        flipped[at] ^= if k % 2 == 0 { 0x01 } else { 0x20 };
        for (args, expected) in commands.iter().zip(&uncached) {
            fs::write(&index, &flipped).unwrap();
            assert_eq!(
                &ws.run(args).render(),
                expected,
                "{args:?} with byte {at} of {n} flipped"
            );
        }
    }
}

#[test]
fn a_claim_rewritten_in_place_right_after_check_is_checked_again() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.join(&ws.claim_file(&id));
    // Written a moment before the check, as by an editor or a checkout.
    set_mtime(&path, SystemTime::now());
    ws.run(&["check"]).success();
    // Rewritten in place right after: same size, mtime and inode.
    rewrite_keeping_stat(&path, "仅得到了9天的时间", "仅得到了8天的时间");
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains("the quote no longer occurs"),
        "{}",
        run.render()
    );
    let report = ws.run(&["report"]);
    assert!(report.stdout.contains("8天"), "{}", report.render());
}

#[test]
fn another_builds_index_is_not_trusted() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.join(&ws.claim_file(&id));
    age_claims(&ws);
    ws.run(&["check"]).success();
    ws.run(&["claim", "list"]).success();
    // The same index, as another build (whose model or rules may differ)
    // would have written it.
    index_of_another_build(&ws);
    let foreign = fs::read(ws.join(".factcheck/index")).unwrap();
    rewrite_keeping_stat(&path, "安全团队只有9天", "安全团队只有8天");
    rewrite_keeping_stat(&path, "仅得到了9天的时间", "仅得到了8天的时间");
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains("the quote no longer occurs"),
        "{}",
        run.render()
    );
    fs::write(ws.join(".factcheck/index"), &foreign).unwrap();
    let out = ws.run(&["claim", "list"]).success().stdout;
    assert!(out.contains("安全团队只有8天"), "{out}");
    assert_ne!(fs::read(ws.join(".factcheck/index")).unwrap(), foreign);
}

/// The article's sentences as `extract` scored them are kept in the index
/// under the article's id: the next `report` reads them instead of scoring
/// the article again, a damaged copy is scored anew, and another article's
/// are never taken for this one's.
#[test]
fn the_articles_scored_sentences_are_kept_under_its_id() {
    let ws = Ws::with_article();
    let nine = ws.nine_days();
    ws.attach(&nine, "supports");
    age_claims(&ws);
    let index = ws.join(".factcheck/index");
    let _ = fs::remove_file(&index);
    let fresh = ws.run(&["report"]).success().render();
    assert!(fresh.contains("check-worthy sentences"), "{fresh}");
    let article = article_hex(&ws);
    let kept = fs::read(&index).unwrap();
    assert!(
        kept.windows(article.len()).any(|w| w == article.as_bytes()),
        "the index keeps the sentences under the article's id"
    );
    assert_eq!(ws.run(&["report"]).render(), fresh, "from the index");
    assert_eq!(fs::read(&index).unwrap(), kept, "kept as it was");
    // The sentences end the file: damage them and they are scored again.
    let mut damaged = kept.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0x01;
    fs::write(&index, &damaged).unwrap();
    assert_eq!(ws.run(&["report"]).render(), fresh, "damaged sentences");
    // Another article: its own sentences, not the first one's.
    ws.write("other.md", "# 另一篇\n\n公司去年营收增长了50%。\n");
    ws.run(&["source", "add", "other.md", "--article"])
        .success();
    let other = ws.run(&["report"]).success().render();
    assert!(other.contains("check-worthy sentence"), "{other}");
    assert_ne!(
        other.lines().find(|l| l.contains("check-worthy")),
        fresh.lines().find(|l| l.contains("check-worthy")),
        "the other article's coverage"
    );
    let _ = fs::remove_file(&index);
    assert_eq!(ws.run(&["report"]).render(), other, "as without an index");
}

/// The workspace article's SHA-256, hex, from `factcheck.yaml`.
fn article_hex(ws: &Ws) -> String {
    ws.read("factcheck.yaml")
        .lines()
        .find_map(|l| l.trim().strip_prefix("article: "))
        .expect("an article")
        .trim_start_matches("sha256:")
        .to_string()
}

/// Puts every snapshot record's mtime an hour back.
fn age_records(ws: &Ws) {
    for entry in fs::read_dir(ws.join("sources")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "yaml") {
            set_mtime(&path, SystemTime::now() - Duration::from_secs(3600));
        }
    }
}

/// Snapshot records are kept in the index beside the claims, under the
/// same rules: an unchanged record is decoded from the index (one rewritten
/// in place keeping its size, mtime and inode still reads as it was, as
/// with git's index), a record whose file changed is parsed again,
/// `check --full` parses every file, and damaged records are never believed.
#[test]
fn snapshot_records_come_from_the_index_only_while_their_files_are_unchanged() {
    let ws = Ws::with_article();
    let nine = ws.nine_days();
    ws.attach(&nine, "supports");
    age_claims(&ws);
    age_records(&ws);
    let index = ws.join(".factcheck/index");
    let _ = fs::remove_file(&index);
    let article = article_hex(&ws);
    let record = ws.join(&format!("sources/{article}.yaml"));
    let title = "OpenAI高管震荡内幕".as_bytes();
    let listed = ws.run(&["source", "list"]).success().render();
    assert!(listed.contains("OpenAI高管震荡内幕"), "{listed}");
    let show = ["source", "show", article.as_str()];
    let shown = ws.run(&show).success().render();
    let indexed = fs::read(&index).expect("`source list` indexes the records");
    assert!(
        indexed.windows(title.len()).any(|w| w == title),
        "the index holds the records"
    );
    assert_eq!(ws.run(&["source", "list"]).render(), listed);
    assert_eq!(fs::read(&index).unwrap(), indexed, "a sound index is kept");

    // Rewritten keeping its stat: only the index knows the old bytes.
    rewrite_keeping_stat(&record, "OpenAI高管", "OPENAI高管");
    assert_eq!(ws.run(&show).render(), shown, "from the index");
    let full = ws.run(&["check", "--full"]).render();
    assert!(full.contains("no problems"), "{full}");
    // Changed (a new mtime): read again.
    set_mtime(&record, SystemTime::now() - Duration::from_secs(60));
    let again = ws.run(&show).success().render();
    assert!(again.contains("OPENAI高管"), "{again}");

    // Bytes of the records' part flipped: never believed, each run shows
    // the file as it is (the sound index shows the bytes it kept).
    let _ = fs::remove_file(&index);
    ws.run(&["source", "list"]).success();
    let sound = fs::read(&index).unwrap();
    let upper = "OPENAI高管".as_bytes();
    let at = sound
        .windows(upper.len())
        .position(|w| w == upper)
        .expect("the record in the index");
    rewrite_keeping_stat(&record, "OPENAI高管", "OpenAI高管");
    let from_index = ws.run(&show).success().render();
    assert!(from_index.contains("OPENAI高管"), "{from_index}");
    for flip in [at - 40, at - 1, at, at + 3] {
        let mut damaged = sound.clone();
        damaged[flip] ^= 0x20;
        fs::write(&index, &damaged).unwrap();
        let out = ws.run(&show).success().render();
        assert!(out.contains("OpenAI高管"), "byte {flip} flipped: {out}");
    }
}
