use std::os::unix::fs::PermissionsExt;

use crate::support::*;

#[test]
fn source_add_stores_bytes_by_hash_with_metadata() {
    let ws = Ws::new();
    let run = ws
        .run(&[
            "source",
            "add",
            ARTICLE,
            "--url",
            "https://example.org/a",
            "--title",
            "The article",
            "--note",
            "as published",
        ])
        .success();
    insta::assert_snapshot!(run.render());
    let hex = ARTICLE_ID.trim_start_matches("sha256:");
    let bytes = std::fs::read(ws.join(&format!("sources/{hex}.md"))).unwrap();
    assert_eq!(bytes, std::fs::read(ARTICLE).unwrap());
    insta::assert_snapshot!(ws.read(&format!("sources/{hex}.yaml")));
    let mode = std::fs::metadata(ws.join(&format!("sources/{hex}.md")))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o222, 0, "snapshot bytes must be read-only");
}

#[test]
fn duplicate_add_is_a_no_op_that_prints_the_same_id() {
    let ws = Ws::new();
    let first = ws.run(&["source", "add", ARTICLE]).success();
    let before = ws.files();
    let second = ws
        .run_with(
            &["source", "add", ARTICLE, "--title", "other"],
            &[("FACTCHECK_NOW", "2027-01-01T00:00:00Z")],
        )
        .success();
    assert_eq!(first.stdout, second.stdout);
    assert!(
        second.stderr.contains("already have snapshot"),
        "{}",
        second.render()
    );
    assert_eq!(
        before,
        ws.files(),
        "adding the same bytes again changed files"
    );
}

#[test]
fn source_add_reads_stdin_and_sniffs_media_types() {
    let ws = Ws::new();
    let run = ws
        .cmd(&["source", "add", "-", "--format", "json"])
        .stdin("<!DOCTYPE html><p>Hello</p>")
        .run()
        .success();
    let meta: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(meta["media_type"], "text/html");
    assert!(meta["file"].as_str().unwrap().ends_with(".html"));

    let pdf = ws.source("paper.bin", "%PDF-1.7 not really");
    let run = ws
        .run(&["source", "show", &pdf, "--format", "json"])
        .success();
    assert!(run.stdout.contains("application/pdf"), "{}", run.render());

    let id = ws.source("notes.txt", "plain words");
    let run = ws.run(&["source", "show", &id[7..20]]).success();
    assert!(run.stdout.contains("text/plain"), "{}", run.render());

    let flagged = ws
        .run(&["source", "add", ARTICLE, "--media-type", "text/plain"])
        .success();
    let run = ws
        .run(&["source", "show", flagged.stdout.trim(), "--format", "json"])
        .success();
    assert!(run.stdout.contains("\"text/plain\""), "{}", run.render());
}

#[test]
fn yaml_bytes_do_not_take_the_metadata_file_name() {
    let ws = Ws::new();
    let id = ws.source("data.yaml", "key: value\n");
    let hex = &id["sha256:".len()..];
    assert!(ws.join(&format!("sources/{hex}.yml")).exists());
    assert!(
        ws.read(&format!("sources/{hex}.yaml"))
            .contains("media_type: application/yaml")
    );
    ws.run(&["check"]).success();
}

#[test]
fn source_list_and_show() {
    let ws = Ws::with_article();
    ws.source("evidence.txt", "The security team had only 9 days.");
    insta::assert_snapshot!(
        "source_list",
        ws.run(&["source", "list"]).success().render()
    );
    insta::assert_snapshot!(
        "source_show",
        ws.run(&["source", "show", "275e20"]).success().render()
    );
}

#[test]
fn short_or_unknown_source_ids_are_refused() {
    let ws = Ws::with_article();
    let run = ws.run(&["source", "show", "275e2"]).code(2);
    assert!(
        run.stderr.contains("at least 6 hex characters"),
        "{}",
        run.render()
    );
    let run = ws.run(&["source", "show", "ffffff"]).code(2);
    assert!(
        run.stderr.contains("no snapshot `ffffff`"),
        "{}",
        run.render()
    );
}

#[test]
fn ambiguous_source_prefix_lists_the_candidates() {
    let ws = Ws::new();
    for n in ["1", "2"] {
        let hex = format!("abcdef{}", n.repeat(58));
        ws.write(
            &format!("sources/{hex}.yaml"),
            &format!("sha256: \"{hex}\"\nfile: \"{hex}.txt\"\nmedia_type: text/plain\nsize: 1\ncaptured_at: \"{NOW}\"\ncaptured_by: x\n"),
        );
    }
    let run = ws.run(&["source", "show", "abcdef"]).code(2);
    assert!(run.stderr.contains("ambiguous"), "{}", run.render());
    assert!(
        run.stderr.contains("abcdef111111") && run.stderr.contains("abcdef222222"),
        "{}",
        run.render()
    );
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let ws = Ws::new();
    let run = ws.run(&["source", "add", "nope.txt"]).code(2);
    assert!(run.stderr.contains("nope.txt"), "{}", run.render());
}

#[test]
fn empty_title_url_and_note_are_not_stored() {
    let ws = Ws::new();
    let run = ws
        .run(&[
            "source", "add", ARTICLE, "--title", " ", "--url", "", "--note", "", "--format", "json",
        ])
        .success();
    let meta: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(
        meta.get("title").is_none() && meta.get("url").is_none() && meta.get("note").is_none(),
        "{meta}"
    );
}

#[test]
fn a_bad_sha256_in_a_snapshot_record_is_a_yaml_error_not_a_crash() {
    let ws = Ws::with_article();
    let hex = &ARTICLE_ID["sha256:".len()..];
    let rel = format!("sources/{hex}.yaml");
    let record = ws.read(&rel);
    ws.write(
        &rel,
        &record.replace(&format!("sha256: \"{hex}\""), "sha256: bogus"),
    );
    let before = ws.files();
    // `source list` sliced the bad value, `source add` of the same bytes hit an
    // `expect`, and `export` silently dropped the snapshot.
    for args in [
        &["source", "list"][..],
        &["source", "add", ARTICLE],
        &["export", "claimreview"],
    ] {
        let run = ws.run(args).code(2);
        assert!(
            run.stderr
                .contains(&format!("`{rel}` line 1 column 9: sha256:"))
                && run.stderr.contains("`bogus` is not a SHA-256"),
            "{args:?}\n{}",
            run.render()
        );
        assert_eq!(ws.files(), before, "{args:?} changed a file");
    }
}

#[test]
fn a_bad_media_type_in_a_snapshot_record_is_a_yaml_error() {
    let ws = Ws::with_article();
    let hex = &ARTICLE_ID["sha256:".len()..];
    let rel = format!("sources/{hex}.yaml");
    let record = ws.read(&rel);
    ws.write(
        &rel,
        &record.replace("media_type: text/markdown", "media_type: markdown"),
    );
    let run = ws.run(&["source", "list"]).code(2);
    assert!(
        run.stderr
            .contains(&format!("`{rel}` line 3 column 13: media_type:"))
            && run.stderr.contains("`markdown` is not a media type"),
        "{}",
        run.render()
    );
}
