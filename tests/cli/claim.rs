use crate::support::*;

const QUOTE: &str = NINE_DAYS;

#[test]
fn offsets_select_the_quote_in_chinese_text() {
    let ws = Ws::with_article();
    let run = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "OpenAI安全团队只有9天做安全测试。",
            "--quote",
            QUOTE,
            "--kind",
            "statistic",
            "--tag",
            "safety",
            "--tag",
            "gpt-4o",
            "--format",
            "json",
        ])
        .success();
    let claim: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let a = &claim["appears_in"];
    let (start, end) = (
        a["start"].as_u64().unwrap() as usize,
        a["end"].as_u64().unwrap() as usize,
    );
    let article = std::fs::read_to_string(ARTICLE).unwrap();
    let selected: String = article.chars().skip(start).take(end - start).collect();
    assert_eq!(selected, QUOTE);
    let prefix: String = article.chars().skip(start - 32).take(32).collect();
    assert_eq!(a["prefix"], prefix.as_str());
    let id = claim["id"].as_str().unwrap();
    insta::assert_snapshot!(ws.read(&ws.claim_file(id)));
}

#[test]
fn ambiguous_quote_lists_every_occurrence() {
    let ws = Ws::with_article();
    let before = ws.files();
    let run = ws
        .run(&["claim", "add", "--text", "9天", "--quote", "9天"])
        .code(1);
    insta::assert_snapshot!(run.render());
    assert_eq!(before, ws.files());
    let run = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "9天",
            "--quote",
            "9天",
            "--occurrence",
            "2",
            "--format",
            "json",
        ])
        .success();
    let claim: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(claim["appears_in"]["start"], 832);
}

#[test]
fn absent_quote_shows_the_closest_passage() {
    let ws = Ws::with_article();
    let before = ws.files();
    let run = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "x",
            "--quote",
            "OpenAI安全团队仅得到了10天的时间",
        ])
        .code(1);
    insta::assert_snapshot!(run.render());
    assert_eq!(before, ws.files());
}

#[test]
fn quote_without_an_article_says_how_to_set_one() {
    let ws = Ws::new();
    let run = ws
        .run(&["claim", "add", "--text", "x", "--quote", "y"])
        .code(2);
    assert!(run.stderr.contains("--article"), "{}", run.render());
}

#[test]
fn bad_ids_are_refused_before_touching_the_disk() {
    let ws = Ws::with_article();
    let before = ws.files();
    for bad in [
        "../x",
        "a/b",
        "..",
        "UPPER",
        "has.dot",
        "",
        "-lead",
        &"a".repeat(65),
    ] {
        let run = ws
            .run(&["claim", "add", "--text", "t", &format!("--id={bad}")])
            .code(2);
        assert!(
            run.stderr.contains("is not a valid claim id"),
            "{bad}: {}",
            run.render()
        );
    }
    assert_eq!(before, ws.files());
    assert!(!ws.path().parent().unwrap().join("x.yaml").exists());
    ws.run(&["claim", "add", "--text", "t", "--id", "my-slug"])
        .success();
    let run = ws
        .run(&["claim", "add", "--text", "t2", "--id", "my-slug"])
        .code(1);
    assert!(
        run.stderr.contains("claim `my-slug` already exists"),
        "{}",
        run.render()
    );
}

#[test]
fn the_same_claim_twice_is_refused_naming_the_existing_id() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let before = ws.files();
    let run = ws
        .run(&["claim", "add", "--text", "reworded", "--quote", QUOTE])
        .code(1);
    assert!(
        run.stderr
            .contains(&format!("this claim already exists as `{id}`")),
        "{}",
        run.render()
    );
    assert_eq!(before, ws.files());
    // Unanchored claims are the same when their text is.
    let free = ws
        .run(&["claim", "add", "--text", "OpenAI is a company."])
        .success()
        .stdout;
    let run = ws
        .run(&["claim", "add", "--text", "OpenAI is a company."])
        .code(1);
    assert!(run.stderr.contains(free.trim()), "{}", run.render());
}

#[test]
fn ids_are_derived_from_the_hash_and_prefixes_resolve() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    assert!(id.len() == 7 && id.starts_with('c'), "{id}");
    let run = ws.run(&["claim", "show", &id[..3]]).success();
    assert!(run.stdout.starts_with(&id), "{}", run.render());
    let run = ws.run(&["claim", "show", "zzz"]).code(2);
    assert!(run.stderr.contains("no claim `zzz`"), "{}", run.render());
}

#[test]
fn ambiguous_claim_prefix_lists_the_candidates() {
    let ws = Ws::with_article();
    ws.run(&["claim", "add", "--text", "one", "--id", "gpt-a"])
        .success();
    ws.run(&["claim", "add", "--text", "two", "--id", "gpt-b"])
        .success();
    let run = ws.run(&["claim", "show", "gpt"]).code(2);
    assert!(run.stderr.contains("`gpt-a`, `gpt-b`"), "{}", run.render());
}

#[test]
fn unanchored_claims_are_allowed_and_say_so() {
    let ws = Ws::with_article();
    let id = ws
        .run(&["claim", "add", "--text", "An unanchored claim."])
        .success()
        .stdout
        .trim()
        .to_string();
    let run = ws.run(&["claim", "show", &id]).success();
    assert!(run.stdout.contains("not anchored"), "{}", run.render());
}

#[test]
fn claim_list_is_in_article_order_and_filters() {
    let ws = Ws::with_article();
    let later = ws.claim("Mira 9月25日全量发布", "最终在本周三（9月25日）才全量发布");
    let earlier = ws.claim("5月14日发布GPT-4o", "今年5月14日，OpenAI发布GPT-4o");
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
        "claim", "edit", &later, "--kind", "date", "--tag", "rollout",
    ])
    .success();
    let run = ws.run(&["claim", "list"]).success();
    let pos = |s: &str| run.stdout.find(s).unwrap();
    assert!(
        pos(&earlier) < pos(&later) && pos(&later) < pos("free"),
        "{}",
        run.render()
    );
    insta::assert_snapshot!(run.render());
    let run = ws
        .run(&["claim", "list", "--tag", "rollout", "--format", "json"])
        .success();
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], later.as_str());
    let run = ws
        .run(&["claim", "list", "--kind", "other", "--status", "unverified"])
        .success();
    assert!(
        run.stdout.contains("free") && !run.stdout.contains(&later),
        "{}",
        run.render()
    );
}

#[test]
fn edit_records_the_fields_changed() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    ws.run_with(
        &[
            "claim",
            "edit",
            &id,
            "--text",
            "OpenAI安全团队只有9天。",
            "--speaker",
            "《华尔街日报》",
            "--tag",
            "safety",
            "--note",
            "clearer",
        ],
        &[("FACTCHECK_REVIEWER", "bob")],
    )
    .success();
    let run = ws.run(&["claim", "edit", &id, "--tag", "safety"]).code(2);
    assert!(run.stderr.contains("nothing to change"), "{}", run.render());
    ws.run(&["claim", "edit", &id, "--untag", "safety"])
        .success();
    let run = ws.run(&["claim", "show", &id]).success();
    redact(&[(&id, "[ID]")]).bind(|| insta::assert_snapshot!(run.render()));
}

#[test]
fn remove_deletes_the_file_and_reports_the_removal() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let run = ws.run(&["claim", "remove", &id]).code(2);
    assert!(run.stderr.contains("--note"), "{}", run.render());
    let run = ws
        .run(&[
            "claim",
            "remove",
            &id,
            "--note",
            "duplicate of another claim",
        ])
        .success();
    assert!(
        run.stdout.contains(&format!(
            "removed {id} at {NOW} by alice: duplicate of another claim"
        )),
        "{}",
        run.render()
    );
    assert!(!ws.join(&ws.claim_file(&id)).exists());
}

#[test]
fn sixteen_parallel_adds_give_sixteen_claims() {
    let ws = Ws::with_article();
    let children: Vec<Running> = (0..16)
        .map(|i| {
            let text = format!("same text {}", i % 2);
            let slug = format!("slug-{i}");
            let mut args = vec!["claim", "add", "--text", &text, "--quote", QUOTE];
            if i % 2 == 1 {
                args.extend(["--id", &slug]);
            }
            ws.cmd(&args).spawn()
        })
        .collect();
    let children: Vec<Run> = children.into_iter().map(Running::wait).collect();
    // Sixteen adds on the same words, eight under their own ids: exactly
    // one wins, the rest are refused as duplicates of what it anchors.
    let ok = children.iter().filter(|r| r.code == 0).count();
    assert_eq!(ok, 1, "{children:?}");
    let handles: Vec<Running> = (0..16)
        .map(|i| {
            ws.cmd(&["claim", "add", "--text", &format!("claim number {i}")])
                .spawn()
        })
        .collect();
    for h in handles {
        h.wait().success();
    }
    let run = ws.run(&["claim", "list", "--format", "json"]).success();
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(list.len(), 1 + 16);
    let mut ids: Vec<&str> = list.iter().map(|c| c["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 17);
    ws.run(&["check"]).success();
}

#[test]
fn parallel_marks_on_one_claim_lose_no_history() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let handles: Vec<Running> = (0..16)
        .map(|i| {
            ws.cmd(&[
                "mark",
                &id,
                "unverifiable",
                "--note",
                &format!("attempt {i}"),
            ])
            .env("FACTCHECK_REVIEWER", &format!("r{i}"))
            .spawn()
        })
        .collect();
    for h in handles {
        h.wait().success();
    }
    let run = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success();
    let claim: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(claim["history"].as_array().unwrap().len(), 1 + 16);
}

#[test]
fn yaml_1_1_lookalikes_round_trip_through_other_readers() {
    let ws = Ws::with_article();
    // Free-text ratings (no scale), so a rating can look like a number.
    let config = ws.read("factcheck.yaml");
    let free = config
        .split("ratings:")
        .next()
        .unwrap_or_default()
        .to_string();
    ws.write("factcheck.yaml", &free);
    let id = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "no",
            "--speaker",
            "yes",
            "--tag",
            "on",
            "--tag",
            "007",
            "--tag",
            "2024-05-13",
            "--tag",
            "~",
            "--kind",
            "quote",
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    ws.run(&[
        "mark",
        &id,
        "unverifiable",
        "--note",
        "off",
        "--rating",
        "1e3",
    ])
    .success();
    let file = ws.read(&ws.claim_file(&id));
    for quoted in [
        "text: \"no\"",
        "speaker: \"yes\"",
        "- \"on\"",
        "- \"007\"",
        "- \"2024-05-13\"",
        "- \"~\"",
        "note: \"off\"",
        "rating: \"1e3\"",
        "at: \"2026-11-28T10:00:00Z\"",
    ] {
        assert!(file.contains(quoted), "missing {quoted} in\n{file}");
    }
    // A YAML 1.1 reader (PyYAML) must read the same strings back.
    let has_pyyaml = std::process::Command::new("python3")
        .args(["-c", "import yaml"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_pyyaml {
        assert!(
            std::env::var_os("FACTCHECK_REQUIRE_PYYAML").is_none(),
            "PyYAML is required here but missing"
        );
        return;
    }
    let script = r#"
import json, sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps([d["text"], d["speaker"], d["tags"], d["rating"], d["history"][-1]["note"], d["history"][0]["at"]], ensure_ascii=False))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, ws.join(&ws.claim_file(&id)).to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        r#"["no", "yes", ["007", "2024-05-13", "on", "~"], "1e3", "off", "2026-11-28T10:00:00Z"]"#
    );
}

#[test]
fn resaving_an_unchanged_record_is_byte_identical() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.claim_file(&id);
    let before = ws.read(&path);
    // check --fix re-saves only what it fixes; a no-op edit is refused; so
    // round-trip through the JSON form instead and compare.
    let shown = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success()
        .stdout;
    let again = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success()
        .stdout;
    assert_eq!(shown, again);
    assert_eq!(before, ws.read(&path));
}

#[test]
fn claim_add_recreates_a_missing_claims_folder() {
    let ws = Ws::with_article();
    std::fs::remove_dir(ws.join("claims")).unwrap();
    let id = ws.nine_days();
    assert!(ws.join(&ws.claim_file(&id)).is_file());
}

#[test]
fn tags_may_be_given_comma_separated() {
    let ws = Ws::with_article();
    let id = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "t",
            "--tag",
            "safety,gpt-4o",
            "--tag",
            "dates",
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    let run = ws
        .run(&[
            "claim",
            "list",
            "--tag",
            "gpt-4o,safety",
            "--format",
            "json",
        ])
        .success();
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0]["tags"],
        serde_json::json!(["dates", "gpt-4o", "safety"])
    );
    ws.run(&["claim", "edit", &id, "--untag", "dates,safety"])
        .success();
    assert!(ws.read(&ws.claim_file(&id)).contains("tags:\n  - gpt-4o\n"));
}
