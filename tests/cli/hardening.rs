//! A workspace from a stranger's clone: hostile records, symlinks, escape
//! sequences and runaway templates get a clear answer and change nothing.

use crate::support::*;

/// A claim file that holds `body` after the claim's own lines.
fn rewrite_claim(ws: &Ws, id: &str, f: impl FnOnce(String) -> String) {
    let rel = ws.claim_file(id);
    let text = ws.read(&rel);
    ws.write(&rel, &f(text));
}

#[test]
fn yaml_aliases_in_a_claim_are_refused_before_expansion() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    // One anchored 1 MB string repeated ten thousand times would be 10 GB.
    let big = "x".repeat(1 << 20);
    let mut bomb = format!("id: {id}\ntext: &t {big}\nkind: other\nstatus: unverified\nhistory:\n");
    for _ in 0..10_000 {
        bomb.push_str("  - {at: 2026-11-28T10:00:00Z, by: a, event: edit, note: *t}\n");
    }
    ws.write(&ws.claim_file(&id), &bomb);
    let before = ws.files();
    let run = ws.run(&["claim", "list"]).code(2);
    assert!(
        run.stderr.contains(&format!("`claims/{id}.yaml` line 2"))
            && run.stderr.contains("anchors (`&name`) are not allowed"),
        "{}",
        run.render()
    );
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains(&format!("claims/{id}.yaml:2: YAML anchors")),
        "{}",
        run.render()
    );
    assert_eq!(ws.files(), before);
}

#[test]
fn a_symlinked_claim_is_refused_and_its_target_never_printed() {
    let ws = Ws::with_article();
    let secret = Ws::bare();
    secret.write("secrets.env", "AWS_SECRET=hunter2\n");
    std::os::unix::fs::symlink(secret.join("secrets.env"), ws.join("claims/c0ffee0.yaml")).unwrap();
    for args in [
        &["claim", "list"][..],
        &["claim", "show", "c0ffee0"],
        &["report"],
    ] {
        let run = ws.run(args).code(2);
        assert!(run.stderr.contains("is a symlink"), "{}", run.render());
        assert!(!run.render().contains("hunter2"), "{}", run.render());
    }
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout.contains("claims/c0ffee0.yaml: `"),
        "{}",
        run.render()
    );
    assert!(run.stdout.contains("is a symlink"), "{}", run.render());
    assert!(!run.render().contains("hunter2"), "{}", run.render());
}

#[test]
fn a_symlinked_template_is_neither_rendered_nor_included() {
    let ws = Ws::with_article();
    let secret = Ws::bare();
    secret.write("passwd", "root:x:0:0:hunter2\n");
    std::os::unix::fs::symlink(secret.join("passwd"), ws.join("templates/evil.md.j2")).unwrap();
    ws.write("templates/inc.md.j2", "{% include \"evil.md.j2\" %}\n");
    for template in ["evil", "inc"] {
        let run = ws.run(&["report", "--template", template]).code(2);
        assert!(run.stderr.contains("is a symlink"), "{}", run.render());
        assert!(!run.render().contains("hunter2"), "{}", run.render());
    }
}

#[test]
fn a_symlinked_workspace_folder_is_reported_as_such() {
    for folder in ["claims", "sources", "templates"] {
        let ws = Ws::with_article();
        let elsewhere = Ws::bare();
        std::fs::rename(ws.join(folder), elsewhere.join(folder)).unwrap();
        std::os::unix::fs::symlink(elsewhere.join(folder), ws.join(folder)).unwrap();
        let run = ws.run(&["check"]).code(2);
        assert!(
            run.stderr.contains(&format!("`{folder}/` is a symlink")),
            "{}",
            run.render()
        );
    }
}

#[test]
fn control_characters_in_flags_are_refused_before_anything_is_written() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let before = ws.files();
    for (args, field) in [
        (vec!["claim", "add", "--text", "a\u{1b}[2Jb"], "`--text`"),
        (
            vec!["claim", "add", "--text", "t", "--title", "two\nlines"],
            "`--title`",
        ),
        (
            vec!["claim", "add", "--text", "t", "--tag", "x\u{7}"],
            "`--tag`",
        ),
        (
            vec!["claim", "add", "--text", "t", "--quote", "q\r"],
            "`--quote`",
        ),
        (
            vec!["claim", "edit", &id, "--speaker=A\u{1b}]0;pwned\u{7}"],
            "`--speaker`",
        ),
        (
            vec!["mark", &id, "disputed", "--note", "n\u{1b}"],
            "`--note`",
        ),
        (
            vec!["mark", &id, "disputed", "--note", "n", "--rating", "r\nr"],
            "`--rating`",
        ),
        (
            vec!["--by", "bob\u{1b}", "mark", &id, "disputed", "--note", "n"],
            "`--by`",
        ),
    ] {
        let run = ws.run(&args).code(2);
        assert!(
            run.stderr.starts_with(&format!("error: {field} holds ")),
            "{}",
            run.render()
        );
        assert!(!run.stderr.contains('\u{1b}'), "{}", run.render());
    }
    assert_eq!(ws.files(), before);
    // A note may span lines.
    ws.run(&["mark", &id, "disputed", "--note", "first\nsecond"])
        .success();
}

#[test]
fn control_characters_in_records_are_escaped_when_printed() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    rewrite_claim(&ws, &id, |t| {
        t.replace("text: 安全团队只有9天", "text: \"red \\e[31mtext\\a\\r\"")
            + "rating: \"\\e]0;pwned\\a\"\n"
    });
    for args in [
        vec!["claim", "list"],
        vec!["claim", "show", &id],
        vec!["report"],
    ] {
        let run = ws.run(&args);
        assert!(
            !run.stdout.contains(['\u{1b}', '\u{7}', '\r']),
            "{args:?}: {:?}",
            run.stdout
        );
        assert!(run.stdout.contains("\\u{1b}"), "{args:?}: {}", run.stdout);
    }
    // JSON for machines keeps the value, as a JSON escape.
    let run = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success();
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["text"], "red \u{1b}[31mtext\u{7}\r");
    // An error message quoting a record's value escapes it too.
    rewrite_claim(&ws, &id, |t| {
        t.replace("status: unverified", "status: \"\\e[2J\"")
    });
    let run = ws.run(&["claim", "list"]).code(2);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(run.stderr.contains("\\u{1b}[2J"), "{}", run.render());
}

#[test]
fn out_onto_the_workspace_own_files_is_refused() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let before = ws.files();
    let snapshot = format!("sources/{}.md", &ARTICLE_ID[7..]);
    let claim = ws.claim_file(&id);
    for (out, place) in [
        (snapshot.as_str(), "sources/"),
        (claim.as_str(), "claims/"),
        ("factcheck.yaml", "factcheck.yaml"),
        (".factcheck/lock", ".factcheck/"),
        ("templates/../claims/new.yaml", "claims/"),
    ] {
        for args in [
            vec!["report", "--out", out],
            vec!["export", "claimreview", "--out", out],
            vec!["export", "annotations", "--out", out],
        ] {
            let run = ws.run(&args).code(2);
            assert!(
                run.stderr.contains(&format!(
                    "would write into `{place}`, which is the workspace's own"
                )),
                "{}",
                run.render()
            );
        }
    }
    assert_eq!(ws.files(), before);
    ws.run(&["report", "--out", "report.md"]).success();
}

#[test]
fn a_runaway_template_stops_with_an_error_naming_it() {
    let ws = Ws::with_article();
    ws.write(
        "templates/loops.md.j2",
        "{% for a in range(10000) %}{% for b in range(10000) %}{{ a }}{% endfor %}{% endfor %}\n",
    );
    ws.write(
        "templates/grow.md.j2",
        "{% set ns = namespace(s='xxxxxxxxxxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}\n",
    );
    for name in ["loops", "grow"] {
        let started = std::time::Instant::now();
        let run = ws.run(&["report", "--template", name]).code(2);
        assert!(
            run.stderr.starts_with(&format!(
                "error: template `templates/{name}.md.j2`: stopped after"
            )),
            "{}",
            run.render()
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
    }
}

#[test]
fn an_out_of_range_clock_is_a_usage_error_and_writes_nothing() {
    let ws = Ws::with_article();
    let before = ws.files();
    for now in ["-000001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"] {
        let run = ws
            .run_with(&["claim", "add", "--text", "t"], &[("FACTCHECK_NOW", now)])
            .code(2);
        assert!(
            run.stderr.contains("FACTCHECK_NOW is `")
                && run.stderr.contains("outside the times a record can hold"),
            "{}",
            run.render()
        );
    }
    assert_eq!(ws.files(), before);
    ws.run(&["claim", "list"]).success();
}

#[test]
fn a_byte_order_mark_is_accepted_on_every_file() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let bom = |rel: &str| {
        let text = ws.read(rel);
        ws.write(rel, &format!("\u{feff}{text}"));
    };
    bom(&ws.claim_file(&id));
    bom("factcheck.yaml");
    bom(&format!("sources/{}.yaml", &ARTICLE_ID[7..]));
    ws.write(
        "templates/mine.md.j2",
        "\u{feff}{{ claims | length }} claims\n",
    );
    ws.run(&["claim", "list"]).success();
    ws.run(&["check", "--full"]).success();
    let run = ws.run(&["report", "--template", "mine"]).success();
    assert_eq!(run.stdout, "1 claims\n");
}

#[test]
fn leftover_claim_temp_files_are_reported_and_removed_by_check_fix() {
    let ws = Ws::with_article();
    ws.nine_days();
    ws.write("claims/.tmp-Ab12Cd", "id: c1\ntext: half");
    ws.write("sources/.tmp-Zz99Yy", "half a snapshot");
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("claims/.tmp-Ab12Cd: a leftover temporary file")
            && run
                .stdout
                .contains("sources/.tmp-Zz99Yy: a leftover temporary file"),
        "{}",
        run.render()
    );
    let run = ws.run(&["check", "--fix"]).success();
    assert!(
        run.stdout
            .contains("fixed: claims/.tmp-Ab12Cd: removed a leftover temporary file"),
        "{}",
        run.render()
    );
    assert!(!ws.join("claims/.tmp-Ab12Cd").exists());
    assert!(!ws.join("sources/.tmp-Zz99Yy").exists());
    ws.run(&["check"]).success();
}

#[test]
fn a_held_lock_says_who_waits_and_gives_up_after_the_bound() {
    let ws = Ws::with_article();
    let before = ws.files();
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(ws.join(".factcheck/lock"))
        .unwrap();
    lock.lock().unwrap();
    // The holder named is alive: this test's own process.
    let pid = std::process::id();
    std::fs::write(
        ws.join(".factcheck/lock"),
        format!("pid {pid} (factcheck mark c1)"),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let run = ws
        .run_with(
            &["claim", "add", "--text", "t"],
            &[("FACTCHECK_LOCK_TIMEOUT", "2")],
        )
        .code(2);
    let waited = started.elapsed();
    assert!(waited >= std::time::Duration::from_secs(2), "{waited:?}");
    assert!(waited < std::time::Duration::from_secs(20), "{waited:?}");
    assert!(
        run.stderr.contains(&format!("is waiting for the workspace lock `.factcheck/lock`, held by pid {pid} (factcheck mark c1); giving up after 2 s (FACTCHECK_LOCK_TIMEOUT)")),
        "{}",
        run.render()
    );
    assert!(
        run.stderr
            .contains("error: gave up after waiting 2 s for the workspace lock"),
        "{}",
        run.render()
    );
    assert_eq!(ws.files(), before);
    drop(lock);
    ws.run(&["claim", "add", "--text", "t"]).success();
}

#[test]
fn reviewer_names_differing_in_case_or_invisible_characters_cannot_sign() {
    let ws = Ws::with_article();
    let config = ws.read("factcheck.yaml");
    ws.write(
        "factcheck.yaml",
        &format!("{config}review:\n  second_reviewer: true\n"),
    );
    let id = ws.nine_days();
    ws.run(&["--by", "tester", "mark", &id, "disputed", "--note", "wrong"])
        .success();
    let before = ws.files();
    for by in ["Tester", " TESTER ", "tester"] {
        let run = ws.run(&["--by", by, "sign", &id]).code(1);
        assert!(
            run.stderr
                .contains("a sign-off must come from another reviewer"),
            "{}",
            run.render()
        );
    }
    for by in ["tester\u{200b}", "te\u{202e}ster"] {
        let run = ws.run(&["--by", by, "sign", &id]).code(2);
        assert!(
            run.stderr.contains("`--by` holds the invisible character"),
            "{}",
            run.render()
        );
    }
    let run = ws
        .run_with(&["sign", &id], &[("FACTCHECK_REVIEWER", "tester\u{2060}")])
        .code(2);
    assert!(
        run.stderr.contains("FACTCHECK_REVIEWER holds"),
        "{}",
        run.render()
    );
    assert_eq!(ws.files(), before);
    // A decomposed name is stored composed (NFC).
    ws.run(&["--by", "Ame\u{301}lie", "sign", &id]).success();
    assert!(ws.read(&ws.claim_file(&id)).contains("by: Am\u{e9}lie"));
}

#[test]
fn article_setting_pointing_to_a_missing_snapshot_names_the_setting() {
    let ws = Ws::new();
    let missing = format!("sha256:{}", "ab".repeat(32));
    ws.write("factcheck.yaml", &format!("article: {missing}\n"));
    for args in [
        vec!["claim", "add", "--text", "t", "--quote", "q"],
        vec!["extract"],
    ] {
        let run = ws.run(&args).code(2);
        assert!(
            run.stderr.contains(&format!(
                "error: `article: {missing}` in factcheck.yaml names a snapshot that is not in sources/"
            )) && run.stderr.contains("hint: snapshot the article with `factcheck source add PATH --article`"),
            "{}",
            run.render()
        );
    }
}

#[test]
fn git_conflict_markers_in_a_claim_are_named_with_their_line() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    rewrite_claim(&ws, &id, |t| {
        t.replace(
            "kind: other\n",
            "<<<<<<< HEAD\nkind: statistic\n=======\nkind: date\n>>>>>>> theirs\n",
        )
    });
    let run = ws.run(&["claim", "list"]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "`claims/{id}.yaml` line 3: this file has unresolved merge conflict markers at line 3"
        )),
        "{}",
        run.render()
    );
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("unresolved merge conflict markers at line 3"),
        "{}",
        run.render()
    );
}

#[test]
fn media_type_is_validated_as_a_media_type() {
    let ws = Ws::new();
    ws.write("a.txt", "text");
    let before = ws.files();
    for bad in ["text/../../x", "text", "text/", "a/b/c", "text/pl ain"] {
        let run = ws
            .run(&["source", "add", "a.txt", "--media-type", bad])
            .code(2);
        assert!(
            run.stderr.contains("is not a media type"),
            "{}",
            run.render()
        );
    }
    assert_eq!(ws.files(), before);
    ws.run(&[
        "source",
        "add",
        "a.txt",
        "--media-type",
        "text/plain; charset=utf-8",
    ])
    .success();
}

#[test]
fn extract_on_a_binary_article_hints_at_a_text_copy() {
    let ws = Ws::new();
    ws.write("article.pdf", "%PDF-1.7\n\u{0}\u{1}binary");
    ws.run(&["source", "add", "article.pdf", "--article"])
        .success();
    let run = ws.run(&["extract"]).code(1);
    assert!(
        run.stderr
            .contains("which has no text to extract claims from")
            && run
                .stderr
                .contains("hint: extract reads the sentences of a text or HTML snapshot"),
        "{}",
        run.render()
    );
    assert!(!run.stderr.contains("evidence"), "{}", run.render());
}

#[test]
fn a_claim_under_a_custom_id_is_still_a_duplicate_by_what_it_anchors() {
    let ws = Ws::with_article();
    ws.run(&[
        "claim", "add", "--text", "t", "--quote", NINE_DAYS, "--id", "my-slug",
    ])
    .success();
    let before = ws.files();
    let run = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "other words",
            "--quote",
            NINE_DAYS,
        ])
        .code(1);
    assert!(
        run.stderr
            .contains("this claim already exists as `my-slug`"),
        "{}",
        run.render()
    );
    let run = ws
        .run(&[
            "claim", "add", "--text", "t", "--quote", NINE_DAYS, "--id", "second",
        ])
        .code(1);
    assert!(
        run.stderr
            .contains("this claim already exists as `my-slug`"),
        "{}",
        run.render()
    );
    assert_eq!(ws.files(), before);
}

#[test]
fn decision_holds_with_no_claims_or_no_article() {
    // An empty workspace: no article, no claims.
    let ws = Ws::new();
    let run = ws.run(&["decision"]).code(1);
    assert!(
        run.stdout.contains("recommendation: hold")
            && run.stdout.contains("no article to check")
            && run.stdout.contains("no claims checked"),
        "{}",
        run.render()
    );

    // A revision that cuts the only claim's words leaves nothing checked.
    let ws = Ws::new();
    ws.write(
        "draft1.md",
        "The bridge opened in 1932.\n\nThe toll was abolished in 2001.\n",
    );
    ws.run(&["source", "add", "draft1.md", "--article"])
        .success();
    let id = ws.claim("Opened in 1932", "opened in 1932");
    ws.attach(&id, "supports");
    ws.run(&["mark", &id, "verified"]).success();
    ws.run(&["decision"]).success();
    ws.write("draft2.md", "The toll was abolished in 2001.\n");
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let run = ws.run(&["decision"]).code(1);
    assert!(
        run.stdout.contains("recommendation: hold") && run.stdout.contains("no claims checked"),
        "{}",
        run.render()
    );
    assert!(
        !run.stdout.contains("every claim verified"),
        "{}",
        run.render()
    );
}

#[test]
fn a_fifo_in_claims_sources_or_templates_is_refused_and_named() {
    let ws = Ws::with_article();
    ws.nine_days();
    ws.fifo("claims/evil.yaml");
    let before = ws.files();
    for args in [&["claim", "list"][..], &["report"]] {
        let run = ws.run(args).code(2);
        assert!(
            run.stderr
                .contains("claims/evil.yaml` is not a regular file"),
            "{}",
            run.render()
        );
    }
    let run = ws.run(&["check"]).code(1);
    assert!(run.stdout.contains("claims/evil.yaml"), "{}", run.render());
    assert_eq!(ws.files(), before);
    std::fs::remove_file(ws.join("claims/evil.yaml")).unwrap();

    ws.fifo("sources/0123456789abcdef.md");
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("sources/0123456789abcdef.md: not a regular file"),
        "{}",
        run.render()
    );
    std::fs::remove_file(ws.join("sources/0123456789abcdef.md")).unwrap();

    ws.fifo("templates/evil.md.j2");
    let run = ws.run(&["report", "--template", "evil"]).code(2);
    assert!(
        run.stderr
            .contains("templates/evil.md.j2` is not a regular file"),
        "{}",
        run.render()
    );
}

#[test]
fn check_fix_leaves_a_folder_named_like_a_temp_file_alone() {
    let ws = Ws::with_article();
    std::fs::create_dir_all(ws.join("claims/.tmp-dir")).unwrap();
    std::fs::create_dir_all(ws.join("sources/.tmp-dir")).unwrap();
    let run = ws.run(&["check"]).code(1);
    assert!(
        !run.stdout.contains("`factcheck check --fix` removes it"),
        "{}",
        run.render()
    );
    let run = ws.run(&["check", "--fix"]);
    assert!(!run.stderr.contains("Is a directory"), "{}", run.render());
    assert!(ws.join("claims/.tmp-dir").is_dir());
}

#[test]
fn only_http_urls_are_stored_so_no_javascript_reaches_the_exports() {
    let ws = Ws::with_article();
    ws.write("ev.txt", "The security team had only 9 days.");
    let before = ws.files();
    for url in ["javascript:alert(1)", "data:text/html,x", "//x.test/a"] {
        let run = ws.run(&["source", "add", "ev.txt", "--url", url]).code(2);
        assert!(
            run.stderr.contains("is not an http:// or https:// URL"),
            "{}",
            run.render()
        );
    }
    assert_eq!(ws.files(), before);
    ws.run(&["source", "add", "ev.txt", "--url", "https://x.test/a"])
        .success();
    let config = ws.read("factcheck.yaml");
    ws.write(
        "factcheck.yaml",
        &format!("{config}base_url: \"javascript:alert(document.cookie)//\"\n"),
    );
    let run = ws.run(&["export", "claimreview"]).code(2);
    assert!(
        run.stderr
            .contains("factcheck.yaml, line 40: `base_url` must be an http:// or https:// URL"),
        "{}",
        run.render()
    );
}

#[test]
fn duplicate_rating_labels_are_refused_with_a_clear_error() {
    let ws = Ws::with_article();
    let config = ws.read("factcheck.yaml");
    ws.write(
        "factcheck.yaml",
        &config.replace("  - label: Outdated", "  - label: misleading"),
    );
    let before = ws.files();
    for args in [
        &["claim", "list"][..],
        &["mark", "c", "disputed", "--rating", "Misleading"],
    ] {
        let run = ws.run(args).code(2);
        assert!(
            run.stderr.contains(
                "factcheck.yaml, line 23: the rating label `Misleading` is given twice (as `misleading` too)"
            ),
            "{}",
            run.render()
        );
    }
    assert_eq!(ws.files(), before);
}

#[test]
fn deep_yaml_nesting_is_refused_as_such() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let config = ws.read("factcheck.yaml");
    ws.write("factcheck.yaml", &format!("title: {deep}\n{config}"));
    let before = ws.files();
    let run = ws.run(&["claim", "list"]).code(2);
    assert!(
        run.stderr
            .contains("factcheck.yaml` line 1: values nested more than 64 levels deep (at line 1)"),
        "{}",
        run.render()
    );
    ws.write("factcheck.yaml", &config);
    let file = ws.claim_file(&id);
    let claim = ws.read(&file);
    ws.write(&file, &format!("{claim}tags: {deep}\n"));
    let run = ws.run(&["claim", "show", &id]).code(2);
    assert!(
        run.stderr
            .contains("values nested more than 64 levels deep"),
        "{}",
        run.render()
    );
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("values nested more than 64 levels deep"),
        "{}",
        run.render()
    );
    ws.write(&file, &claim);
    ws.write("factcheck.yaml", &format!("title: {deep}\n{config}"));
    assert_eq!(ws.files(), before);
}

#[test]
fn a_duplicate_yaml_key_is_reported_at_the_duplicate() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let file = ws.claim_file(&id);
    let claim = ws.read(&file);
    let lines = claim.lines().count();
    ws.write(&file, &format!("{claim}kind: date\n"));
    let run = ws.run(&["claim", "show", &id]).code(2);
    assert!(
        run.stderr
            .contains(&format!("line {}: duplicate field `kind`", lines + 1)),
        "{}",
        run.render()
    );
}

#[test]
fn report_out_escapes_control_characters_as_the_terminal_does() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    rewrite_claim(&ws, &id, |t| {
        t.replace(
            "text: 安全团队只有9天",
            "text: \"red \\e[31mtext\\a\\0 \\u202Eevil\\x9b\"",
        )
    });
    ws.run(&["report", "--out", "report.md"]).success();
    let md = ws.read("report.md");
    assert!(
        !md.contains(['\u{1b}', '\u{7}', '\0', '\u{202e}', '\u{9b}']),
        "{md:?}"
    );
    assert!(
        md.contains("red \\u{1b}\\[31mtext\\u{7}\\u{0} \\u{202e}evil\\u{9b}"),
        "{md}"
    );
    ws.run(&["report", "--template", "article", "--out", "article.html"])
        .success();
    let html = ws.read("article.html");
    assert!(
        !html.contains(['\u{1b}', '\u{7}', '\0', '\u{202e}', '\u{9b}']),
        "raw control characters in the HTML"
    );
    assert!(html.contains("red [31mtext evil"), "the text is kept");
}

#[test]
fn look_alike_names_are_one_reviewer_and_one_publisher() {
    let ws = Ws::with_article();
    let config = ws.read("factcheck.yaml");
    ws.write(
        "factcheck.yaml",
        &format!(
            "{config}review:\n  second_reviewer: true\npolicy:\n  verified:\n    min_sources: 2\n    independent_by: publisher\n"
        ),
    );
    let id = ws.nine_days();
    ws.run(&["--by", "alice", "mark", &id, "disputed", "--note", "wrong"])
        .success();
    let other = ws.claim("The safety team had nine days.", "仅得到了9天的时间");
    ws.run(&["--by", "Straße", "mark", &other, "disputed", "--note", "n"])
        .success();
    let before = ws.files();
    for (by, claim) in [
        ("ａｌｉｃｅ", &id),
        ("Αlice", &id),
        ("АLICE", &id),
        ("STRASSE", &other),
    ] {
        let run = ws.run(&["--by", by, "sign", claim]).code(1);
        assert!(
            run.stderr
                .contains("a sign-off must come from another reviewer"),
            "{by}: {}",
            run.render()
        );
    }
    assert_eq!(ws.files(), before);

    // Two snapshots published by `Reuters` and its fullwidth look-alike
    // are one publisher for the policy.
    for (name, publisher) in [("a.txt", "Reuters"), ("b.txt", "Ｒeuters")] {
        ws.write(name, &format!("{publisher}: the team had only 9 days."));
        let ev = ws
            .run(&["source", "add", name, "--publisher", publisher])
            .success()
            .stdout
            .trim()
            .to_string();
        ws.run(&[
            "evidence",
            "add",
            &other,
            &ev,
            "--stance",
            "supports",
            "--excerpt",
            "only 9 days",
        ])
        .success();
    }
    let run = ws.run(&["mark", &other, "verified"]).code(1);
    assert!(
        run.stderr.contains("has 1") && run.stderr.contains("count once"),
        "{}",
        run.render()
    );
}
