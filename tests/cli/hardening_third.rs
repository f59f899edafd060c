//! The third round of hardening: settings edited in place, the article
//! page's element ids kept apart from claim ids, ids that cannot hide a
//! duplicate or take over a prefix, and the smaller defects (a lock held
//! past its holder, a way to pick an occurrence, snapshot permissions,
//! charsets browsers refuse).

use crate::support::*;

#[test]
fn summary_and_source_add_article_keep_the_settings_comments_and_key_order() {
    let ws = Ws::new();
    let settings = "\
# Our desk's settings: read this before changing anything.
publisher: \"Example Desk\"   # who signs the verdicts

# The piece under review.
language: en
title: \"A piece\"
review:
  # Two pairs of eyes on every verdict.
  second_reviewer: false
";
    ws.write("factcheck.yaml", settings);
    ws.run(&["source", "add", ARTICLE, "--article"]).success();
    let after_article = ws.read("factcheck.yaml");
    // The new key goes where the settings' own order puts it; nothing else moves.
    assert_eq!(
        after_article,
        settings.replace(
            "language: en\n",
            &format!("article: {ARTICLE_ID}\nlanguage: en\n")
        ),
        "source add --article rewrote more than its key"
    );
    ws.run(&["summary", "--decision", "hold", "--note", "wait"])
        .success();
    let after_summary = ws.read("factcheck.yaml");
    assert!(
        after_summary.starts_with(&after_article),
        "summary rewrote more than its key:\n{after_summary}"
    );
    assert!(
        after_summary.contains("summary:\n  decision: hold\n"),
        "{after_summary}"
    );
    // A second summary replaces the block where it stands.
    ws.run(&["summary", "--decision", "publish", "--note", "fine"])
        .success();
    let again = ws.read("factcheck.yaml");
    assert!(again.starts_with(&after_article), "{again}");
    assert!(
        again.contains("decision: publish") && !again.contains("decision: hold"),
        "{again}"
    );
    assert_eq!(again.matches("summary:").count(), 1, "{again}");
    // An article that moves keeps its comment on the line.
    ws.write(
        "factcheck.yaml",
        &again.replace(
            &format!("article: {ARTICLE_ID}\n"),
            &format!("article: {ARTICLE_ID}  # the piece\n"),
        ),
    );
    ws.write("v2.md", "A second text.\n");
    ws.run(&["source", "add", "v2.md", "--article"]).success();
    let moved = ws.read("factcheck.yaml");
    let line = moved
        .lines()
        .find(|l| l.starts_with("article: "))
        .unwrap_or_default();
    assert!(
        line.ends_with("  # the piece") && !line.contains(ARTICLE_ID),
        "{moved}"
    );
    for line in settings.lines() {
        assert!(moved.lines().any(|l| l == line), "lost `{line}`:\n{moved}");
    }
    ws.run(&["check"]).success();
}

#[test]
fn a_custom_id_neither_hides_a_duplicate_nor_takes_over_a_prefix() {
    let ws = Ws::with_article();
    // An unanchored claim is the same claim by its text, whatever the id.
    ws.run(&["claim", "add", "--text", "dup text", "--id", "slug1"])
        .success();
    let run = ws
        .run(&["claim", "add", "--text", "dup text", "--id", "slug2"])
        .code(1);
    assert!(
        run.stderr.contains("this claim already exists as `slug1`"),
        "{}",
        run.render()
    );
    let run = ws.run(&["claim", "add", "--text", "dup text"]).code(1);
    assert!(
        run.stderr.contains("this claim already exists as `slug1`"),
        "{}",
        run.render()
    );
    let derived = ws.run(&["claim", "add", "--text", "other text"]).success();
    let derived = derived.stdout.trim().to_string();
    let run = ws
        .run(&["claim", "add", "--text", "other text", "--id", "mine"])
        .code(1);
    assert!(
        run.stderr
            .contains(&format!("this claim already exists as `{derived}`")),
        "{}",
        run.render()
    );
    // A prefix of an existing id, either way round, would steal a short id.
    let prefix = &derived[..4];
    let run = ws
        .run(&["claim", "add", "--text", "third", "--id", prefix])
        .code(2);
    assert!(
        run.stderr
            .contains(&format!("the existing claim `{derived}`")),
        "{}",
        run.render()
    );
    let run = ws
        .run(&["claim", "add", "--text", "fourth", "--id", "slug1-more"])
        .code(2);
    assert!(run.stderr.contains("`slug1`"), "{}", run.render());
    // An id shaped like a derived one, and not this claim's own, is refused;
    // the claim's own derived id is taken as given.
    let run = ws
        .run(&["claim", "add", "--text", "fifth", "--id", "cabcdef"])
        .code(2);
    assert!(
        run.stderr.contains("looks like an id the tool derives"),
        "{}",
        run.render()
    );
    let own = ws.run(&["claim", "add", "--text", "sixth"]).success();
    let own = own.stdout.trim().to_string();
    ws.run(&["claim", "remove", &own, "--note", "again"])
        .success();
    ws.run(&["claim", "add", "--text", "sixth", "--id", &own])
        .success();
    // Short ids still name what they named.
    let run = ws.run(&["claim", "show", &derived[..5]]).success();
    assert!(run.stdout.contains("other text"), "{}", run.render());
}

#[test]
fn a_claim_named_like_an_article_page_element_leaves_the_page_script_working() {
    let ws = Ws::with_article();
    let named = [
        "panel",
        "text",
        "claims",
        "bottom-line",
        "f-unverified",
        "fc-panel-body",
    ];
    let quotes = [
        NINE_DAYS,
        "Mira Murati",
        "Bob McGrew",
        "Barret Zoph",
        "奥特曼被开除",
        "谷歌开发者大会",
    ];
    for (id, quote) in named.iter().zip(quotes) {
        let run = ws.run(&[
            "claim",
            "add",
            "--id",
            id,
            "--text",
            id,
            "--quote",
            quote,
            "--occurrence",
            "1",
        ]);
        assert_eq!(run.code, 0, "{}", run.render());
    }
    ws.run(&["summary", "--decision", "hold"]).success();
    ws.run(&["report", "--template", "article", "--out", "page.html"])
        .success();
    let html = ws.read("page.html");
    // Every element id on the page is there once.
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "an element id is used twice: {ids:?}");
    // The ids the script looks up are the page's own, each on its element.
    for own in [
        "fc-panel",
        "fc-panel-body",
        "fc-text",
        "fc-claims",
        "fc-bottom-line",
        "fc-f-unverified",
    ] {
        assert!(ids.contains(&own), "no element `{own}`: {ids:?}");
    }
    for id in named {
        let item = format!("claim-{id}");
        assert!(
            ids.contains(&item.as_str()),
            "no list item for `{id}`: {ids:?}"
        );
        assert!(
            html.contains(&format!("href=\"#claim-{id}\"")),
            "no link to `{id}`"
        );
    }
    let script = &html[html.find("<script>").unwrap_or(0)..];
    for lookup in [
        "getElementById(\"fc-panel\")",
        "getElementById(\"fc-panel-body\")",
        "getElementById(\"claim-\" + id)",
        "getElementById(\"fc-f-\" + ",
    ] {
        assert!(script.contains(lookup), "the script lost `{lookup}`");
    }
    assert!(
        !script.contains("getElementById(id)"),
        "the script looks a claim id up bare"
    );
}

#[test]
fn a_lock_held_past_its_named_holder_says_the_holder_is_gone_and_how_to_free_it() {
    let ws = Ws::with_article();
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(ws.join(".factcheck/lock"))
        .unwrap();
    lock.lock().unwrap();
    // A pid no process can have (above Linux's highest).
    std::fs::write(
        ws.join(".factcheck/lock"),
        "pid 2147483646 (factcheck mark c1)",
    )
    .unwrap();
    let run = ws
        .run_with(
            &["claim", "add", "--text", "t"],
            &[("FACTCHECK_LOCK_TIMEOUT", "1")],
        )
        .code(2);
    assert!(
        run.stderr.contains(
            "held by pid 2147483646 (factcheck mark c1), which has exited (pid 2147483646 is gone): a process it started still holds the lock"
        ),
        "{}",
        run.render()
    );
    assert!(
        run.stderr.contains("`fuser -v .factcheck/lock`"),
        "{}",
        run.render()
    );
    drop(lock);
    ws.run(&["claim", "add", "--text", "t"]).success();
}

#[test]
fn snapshots_are_read_only_and_readable_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("factcheck");
    for (umask, mode) in [("022", 0o444), ("027", 0o440), ("077", 0o400)] {
        let ws = Ws::new();
        ws.write("ev.txt", &format!("umask {umask}\n"));
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" source add ev.txt"))
            .arg(&bin)
            .current_dir(ws.path())
            .env("FACTCHECK_NOW", NOW)
            .env("FACTCHECK_REVIEWER", "alice")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let snapshot = std::fs::read_dir(ws.join("sources"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "txt"))
            .unwrap();
        let got = std::fs::metadata(&snapshot).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}: mode {got:o}");
    }
}

#[test]
fn a_charset_browsers_refuse_is_named_not_read_as_one_replacement_character() {
    use crate::server::{Reply, Server};
    let server = Server::start(|_| {
        Reply::ok(
            "text/html; charset=iso-2022-kr",
            b"<html><body><p>Plain words in ASCII.</p></body></html>",
        )
    });
    let ws = Ws::new();
    let run = ws.run(&["source", "fetch", &server.url("/kr")]).success();
    assert!(
        run.stderr.contains(
            "the page declares the charset `iso-2022-kr`, which browsers refuse to decode"
        ),
        "{}",
        run.render()
    );
    let id = run.stdout.trim().to_string();
    let run = ws.run(&[
        "claim",
        "add",
        "--text",
        "t",
        "--quote",
        "Plain words in ASCII",
        "--in",
        &id,
    ]);
    assert_eq!(run.code, 0, "the page's text was lost: {}", run.render());
    for charset in ["hz-gb-2312", "iso-2022-kr"] {
        ws.write("page.txt", "~{<:Ky2;S;~}\n");
        let run = ws
            .run(&["source", "add", "page.txt", "--charset", charset])
            .code(2);
        assert!(
            run.stderr.contains(&format!(
                "`{charset}` is a charset browsers refuse to decode"
            )),
            "{}",
            run.render()
        );
    }
}

#[test]
fn an_ambiguous_revision_names_the_command_that_picks_an_occurrence() {
    let ws = Ws::new();
    ws.write("draft1.md", "Para one.\nThe team had 9 days.\nPara two.\n");
    ws.run(&["source", "add", "draft1.md", "--article"])
        .success();
    let id = ws.claim("nine days", "team had 9 days");
    ws.write(
        "draft2.md",
        "Para one.\nPara two.\nA: the team had 9 days.\nB: the team had 9 days.\n",
    );
    let run = ws
        .run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let command = format!("`factcheck claim edit {id} --occurrence N`");
    assert!(run.stdout.contains(&command), "{}", run.render());
    let show = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success();
    let claim: serde_json::Value = serde_json::from_str(&show.stdout).unwrap();
    let note = claim["history"]
        .as_array()
        .and_then(|h| h.last())
        .and_then(|e| e["note"].as_str())
        .unwrap_or_default()
        .to_string();
    assert!(note.contains(&command), "{note}");
    let first = claim["appears_in"]["start"].as_u64().unwrap();
    // The command it names works: the second occurrence is picked.
    ws.run(&["claim", "edit", &id, "--occurrence", "2"])
        .success();
    let show = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success();
    let claim: serde_json::Value = serde_json::from_str(&show.stdout).unwrap();
    let second = claim["appears_in"]["start"].as_u64().unwrap();
    assert!(second > first, "{first} then {second}");
    assert_eq!(claim["appears_in"]["exact"], "team had 9 days");
    // Still in recheck, as every carried claim whose words were in doubt.
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains("1 problem in 1 claim"),
        "{}",
        run.render()
    );
}
