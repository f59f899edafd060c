use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::support::*;

fn hex() -> &'static str {
    ARTICLE_ID.trim_start_matches("sha256:")
}

/// Sets a file's mtime, e.g. back to what it was, so only a rehash or a
/// reread can tell the file changed.
fn set_mtime(ws: &Ws, rel: &str, mtime: std::time::SystemTime) {
    fs::File::options()
        .write(true)
        .open(ws.join(rel))
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}

/// Overwrites a snapshot's bytes in place (it is read-only on purpose).
fn tamper(ws: &Ws, rel: &str, f: impl FnOnce(&mut Vec<u8>)) {
    let path = ws.join(rel);
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_mode(0o644);
    fs::set_permissions(&path, perms).unwrap();
    let mut bytes = fs::read(&path).unwrap();
    f(&mut bytes);
    fs::write(&path, bytes).unwrap();
}

#[test]
fn clean_workspace_passes() {
    let ws = Ws::with_article();
    ws.nine_days();
    let run = ws.run(&["check"]).success();
    assert_eq!(run.stdout, "no problems in 1 claim and 1 snapshot\n");
}

#[test]
fn tampered_byte_is_found_and_named() {
    let ws = Ws::with_article();
    tamper(&ws, &format!("sources/{}.md", hex()), |b| b[100] ^= 1);
    let run = ws.run(&["check"]).code(1);
    insta::assert_snapshot!(run.render());
}

#[test]
fn stat_cache_skips_unchanged_snapshots_and_full_rehashes() {
    let ws = Ws::with_article();
    ws.run(&["check"]).success();
    let rel = format!("sources/{}.md", hex());
    let mtime = fs::metadata(ws.join(&rel)).unwrap().modified().unwrap();
    // Same size, same mtime, same inode: only a rehash can tell.
    tamper(&ws, &rel, |b| b[10] ^= 1);
    set_mtime(&ws, &rel, mtime);
    ws.run(&["check"]).success();
    let run = ws.run(&["check", "--full"]).code(1);
    assert!(
        run.stdout.contains("snapshot bytes changed"),
        "{}",
        run.render()
    );
    // A changed mtime is enough for the plain check to rehash.
    set_mtime(&ws, &rel, std::time::SystemTime::now());
    ws.run(&["check"]).code(1);
}

#[test]
fn every_kind_of_stray_in_sources_is_reported_at_once() {
    let ws = Ws::with_article();
    let other = ws.source("evidence.txt", "some evidence text");
    let other_hex = &other["sha256:".len()..];
    std::os::unix::fs::symlink("/etc/hostname", ws.join("sources/link.txt")).unwrap();
    fs::create_dir(ws.join("sources/folder")).unwrap();
    ws.write("sources/notes.txt", "stray");
    fs::remove_file(ws.join(&format!("sources/{other_hex}.txt"))).unwrap();
    let orphan = "0".repeat(64);
    ws.write(&format!("sources/{orphan}.txt"), "orphan bytes");
    let run = ws.run(&["check"]).code(1);
    insta::assert_snapshot!(run.render());
}

#[test]
fn bad_yaml_is_reported_with_path_line_and_column() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.claim_file(&id);
    let text = ws
        .read(&path)
        .replace("status: unverified", "staus: unverified");
    ws.write(&path, &text);
    let hex = hex();
    let meta = ws
        .read(&format!("sources/{hex}.yaml"))
        .replace("size: 10690", "size: [oops");
    ws.write(&format!("sources/{hex}.yaml"), &meta);
    let run = ws.run(&["check"]).code(1);
    redact(&[(&id, "[ID]")]).bind(|| insta::assert_snapshot!(run.render()));
}

#[test]
fn metadata_hash_must_match_its_file_name() {
    let ws = Ws::with_article();
    let hex = hex();
    let meta = ws.read(&format!("sources/{hex}.yaml")).replace(
        &format!("sha256: \"{hex}\""),
        &format!("sha256: \"{}\"", "1".repeat(64)),
    );
    ws.write(&format!("sources/{hex}.yaml"), &meta);
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains(&format!("sources/{hex}.yaml:1: `sha256: 1111")),
        "{}",
        run.render()
    );
}

#[test]
fn tampered_quote_is_reported_with_file_and_line() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.claim_file(&id);
    ws.write(
        &path,
        &ws.read(&path).replace(
            "exact: OpenAI安全团队仅得到了9天的时间",
            "exact: OpenAI安全团队仅得到了10天的时间",
        ),
    );
    let run = ws.run(&["check"]).code(1);
    let line = ws
        .read(&path)
        .lines()
        .position(|l| l.contains("exact:"))
        .unwrap()
        + 1;
    assert!(
        run.stdout.contains(&format!(
            "claims/{id}.yaml:{line}: the quote no longer occurs"
        )),
        "{}",
        run.render()
    );
}

#[test]
fn stale_offsets_are_reported_and_fixed_by_check_fix() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.claim_file(&id);
    let good = ws.read(&path);
    ws.write(
        &path,
        &good
            .replace("start: 818", "start: 700")
            .replace("end: 837", "end: 719"),
    );
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("stale offsets 700..719: the quote is now at 818..837"),
        "{}",
        run.render()
    );
    let run = ws.run(&["check", "--fix"]).success();
    assert!(
        run.stdout.contains(&format!("fixed: claims/{id}.yaml")),
        "{}",
        run.render()
    );
    assert_eq!(ws.read(&path), good);
}

#[test]
fn claims_citing_missing_sources_and_excerpts_are_reported() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let ev = ws.attach(&id, "supports");
    ws.run(&["mark", &id, "verified"]).success();
    let path = ws.claim_file(&id);
    ws.write(
        &path,
        &ws.read(&path)
            .replace("excerpt: only 9 days", "excerpt: only ten days"),
    );
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("evidence 1: the excerpt does not occur"),
        "{}",
        run.render()
    );
    let ev_hex = &ev["sha256:".len()..];
    fs::remove_file(ws.join(&format!("sources/{ev_hex}.yaml"))).unwrap();
    let run = ws.run(&["check"]).code(1);
    redact(&[(&id, "[ID]"), (ev_hex, "[EVHEX]"), (&ev_hex[..12], "[EV]")])
        .bind(|| insta::assert_snapshot!(run.render()));
}

#[test]
fn claim_file_name_must_match_its_id() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    fs::copy(ws.join(&ws.claim_file(&id)), ws.join("claims/other.yaml")).unwrap();
    ws.write("claims/Bad.Name.yaml", "id: x\n");
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("claims/other.yaml:1: the file holds claim"),
        "{}",
        run.render()
    );
    assert!(
        run.stdout.contains("not a valid claim id"),
        "{}",
        run.render()
    );
}

#[test]
fn check_json_output_is_for_machines() {
    let ws = Ws::with_article();
    tamper(&ws, &format!("sources/{}.md", hex()), |b| b.push(b'!'));
    let run = ws.run(&["check", "--format", "json"]).code(1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["sources"], 1);
    assert!(!v["problems"].as_array().unwrap().is_empty());
}

#[test]
fn claim_cache_skips_unchanged_claims_and_rereads_changed_ones() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.claim_file(&id);
    // Old enough for the index to vouch for it (not "racy").
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    set_mtime(&ws, &path, an_hour_ago);
    ws.run(&["check"]).success();
    assert!(ws.join(".factcheck/index").is_file());
    // Same size, same mtime, same inode: the cache vouches for it, so only
    // `--full` reads it again and sees the damage.
    let good = ws.read(&path);
    let mtime = fs::metadata(ws.join(&path)).unwrap().modified().unwrap();
    let bad = good.replace(
        "exact: OpenAI安全团队仅得到了9天的时间",
        "exact: OpenAI安全团队仅得到了8天的时间",
    );
    assert_eq!(bad.len(), good.len());
    fs::write(ws.join(&path), &bad).unwrap();
    set_mtime(&ws, &path, mtime);
    ws.run(&["check"]).success();
    let run = ws.run(&["check", "--full"]).code(1);
    assert!(
        run.stdout.contains("the quote no longer occurs"),
        "{}",
        run.render()
    );
    // Any real edit changes the stat, and the claim is read again.
    fs::write(ws.join(&path), bad.replace("kind: other", "kind: date")).unwrap();
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains("the quote no longer occurs"),
        "{}",
        run.render()
    );
}

#[test]
fn claim_cache_is_dropped_when_sources_change() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let ev = ws.attach(&id, "supports");
    ws.run(&["check"]).success();
    let ev_hex = &ev["sha256:".len()..];
    fs::remove_file(ws.join(&format!("sources/{ev_hex}.yaml"))).unwrap();
    fs::remove_file(ws.join(&format!("sources/{ev_hex}.txt"))).unwrap();
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains(&format!("claims/{id}.yaml")),
        "{}",
        run.render()
    );
}

#[test]
fn recorded_size_must_match_the_bytes() {
    let ws = Ws::with_article();
    let hex = hex();
    let meta = ws
        .read(&format!("sources/{hex}.yaml"))
        .replace("size: 10690", "size: 10691");
    ws.write(&format!("sources/{hex}.yaml"), &meta);
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("`size: 10691` but the bytes are 10690 long"),
        "{}",
        run.render()
    );
}

#[test]
fn a_verdict_resting_on_tampered_evidence_is_reported() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let ev = ws.attach(&id, "supports");
    ws.run(&["mark", &id, "verified"]).success();
    tamper(
        &ws,
        &format!("sources/{}.txt", &ev["sha256:".len()..]),
        |b| b[0] ^= 1,
    );
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains("snapshot bytes changed"),
        "{}",
        run.render()
    );
    assert!(
        run.stdout.contains("status `verified` breaks a rule"),
        "{}",
        run.render()
    );
}

#[test]
fn full_check_places_each_problem_on_its_line_though_it_holds_no_claim_text() {
    // `--full` drops each claim's text once parsed and reads the file again
    // for a claim with a problem: the lines must be those a plain check,
    // which keeps the text, gives.
    let ws = Ws::with_article();
    let lost = ws.nine_days();
    let stale = ws.claim("只有9天", "仅得到了9天的时间");
    let clean = ws.claim("安全团队", "OpenAI安全团队");
    let path = ws.claim_file(&lost);
    ws.write(
        &path,
        &ws.read(&path).replace(
            "exact: OpenAI安全团队仅得到了9天的时间",
            "exact: OpenAI安全团队仅得到了10天的时间",
        ),
    );
    let path = ws.claim_file(&stale);
    let text = ws.read(&path);
    let start = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("start: "))
        .unwrap()
        .to_string();
    ws.write(&path, &text.replace(&format!("start: {start}"), "start: 1"));
    let plain = ws.run(&["check"]).code(1);
    let full = ws.run(&["check", "--full"]).code(1);
    assert_eq!(plain.stdout, full.stdout);
    let line = |id: &str, key: &str| {
        1 + ws
            .read(&ws.claim_file(id))
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .unwrap()
    };
    for (id, key, what) in [
        (&lost, "exact:", "the quote no longer occurs"),
        (&stale, "start:", "stale offsets 1.."),
    ] {
        assert!(
            full.stdout
                .contains(&format!("claims/{id}.yaml:{}: {what}", line(id, key))),
            "{}",
            full.render()
        );
    }
    assert!(!full.stdout.contains(&clean), "{}", full.render());
}
