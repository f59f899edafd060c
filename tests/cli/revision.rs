//! Article revisions: `source add --revises`, `source diff`, the revision
//! chain in `source list`, `check` and `check --fix` across revisions,
//! `claim list --recheck`, and the bundled workspace carried to a new draft.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::*;

const EN: &str = "The harbour bridge opened in 1932.\n\nThe bridge carries 40,000 cars a day. Repairs cost 12 million pounds.\n\nThe toll was abolished in 2001.\n";

/// A workspace whose article is `text`, with one claim per quote; returns
/// the workspace and the claim ids.
fn with(text: &str, quotes: &[&str]) -> (Ws, Vec<String>) {
    let ws = Ws::new();
    ws.write("draft1.md", text);
    ws.run(&["source", "add", "draft1.md", "--article"])
        .success();
    let ids = quotes.iter().map(|q| ws.claim(q, q)).collect();
    (ws, ids)
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.render()))
}

/// Every claim's outcome, by id, from `source add --revises --format json`.
fn outcomes(v: &serde_json::Value) -> BTreeMap<String, String> {
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn revises_prints_every_claim_with_its_outcome_as_the_issue_gives_it() {
    let (ws, ids) = with(
        EN,
        &[
            "opened in 1932",
            "carries 40,000 cars a day",
            "Repairs cost 12 million pounds.",
        ],
    );
    ws.write(
        "draft2.md",
        "Preface.\n\nThe harbour bridge opened in 1932.\n\nThe bridge carries 32,000 cars a day.\n\nThe toll was abolished in 2001.\n",
    );
    let run = ws
        .run(&[
            "source",
            "add",
            "draft2.md",
            "--revises",
            "--format",
            "json",
        ])
        .success();
    let v = json(&run);
    let new_id = v["revision"].as_str().unwrap().to_string();
    assert!(new_id.starts_with("sha256:"), "{v}");
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3);
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap().clone();
    let opened = by_id(&ids[0]);
    assert_eq!(opened["outcome"], "moved");
    assert_eq!(
        opened["from"],
        serde_json::json!({"start": 19, "end": 33, "exact": "opened in 1932"})
    );
    assert_eq!(
        opened["to"],
        serde_json::json!({"start": 29, "end": 43, "exact": "opened in 1932"})
    );
    let traffic = by_id(&ids[1]);
    assert_eq!(traffic["outcome"], "edited");
    assert_eq!(traffic["to"]["exact"], "carries 32,000 cars a day");
    let repairs = by_id(&ids[2]);
    assert_eq!(repairs["outcome"], "dropped");
    assert_eq!(repairs["to"], serde_json::Value::Null);
    assert_eq!(repairs["from"]["exact"], "Repairs cost 12 million pounds.");
    // The new snapshot records what it revises and is the article now.
    let config = ws.read("factcheck.yaml");
    assert!(config.contains(&format!("article: {new_id}")), "{config}");
    let hex = new_id.trim_start_matches("sha256:");
    let record = ws.read(&format!("sources/{hex}.yaml"));
    assert!(record.contains("revises: sha256:"), "{record}");
    // The edited claim keeps its old words in its history; the dropped one
    // stays anchored in the revision that had its words.
    let edited = ws.read(&ws.claim_file(&ids[1]));
    assert!(edited.contains("event: revised"), "{edited}");
    assert!(edited.contains("outcome: edited"), "{edited}");
    assert!(
        edited.contains("exact: \"carries 40,000 cars a day\"")
            || edited.contains("exact: carries 40,000 cars a day"),
        "{edited}"
    );
    let dropped = ws.read(&ws.claim_file(&ids[2]));
    assert!(dropped.contains("outcome: dropped"), "{dropped}");
    assert!(
        !dropped.contains(&format!("  source: {new_id}")),
        "{dropped}"
    );
}

#[test]
fn revises_prints_one_line_per_claim_for_people() {
    let (ws, _) = with(
        EN,
        &[
            "opened in 1932",
            "carries 40,000 cars a day",
            "Repairs cost 12 million pounds.",
        ],
    );
    ws.write(
        "draft2.md",
        "The harbour bridge opened in 1932.\n\nThe bridge carries 32,000 cars a day.\n\nThe toll was abolished in 2001.\n",
    );
    let run = ws
        .run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let lines: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(lines.len(), 3, "{}", run.render());
    assert!(
        lines[0].starts_with("moved    c") && lines[0].ends_with("19..33 → 19..33"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("edited   c")
            && lines[1].contains("\"carries 40,000 cars a day\" → \"carries 32,000 cars a day\""),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("dropped  c") && lines[2].ends_with("is no longer in the article"),
        "{lines:?}"
    );
    assert!(
        run.stderr.contains(
            "carried 3 claims: 1 moved, 1 edited (in recheck until marked again), 1 dropped"
        ),
        "{}",
        run.render()
    );
}

#[test]
fn rerunning_the_same_revises_is_a_no_op() {
    let (ws, _) = with(EN, &["opened in 1932", "Repairs cost 12 million pounds."]);
    ws.write(
        "draft2.md",
        &EN.replace("Repairs cost 12 million pounds.", ""),
    );
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let before = ws.files();
    // Again, with OLD left to default (the article is now the draft itself)…
    let run = ws
        .run(&["source", "add", "draft2.md", "--revises"])
        .success();
    assert!(
        run.stderr.contains("no claims to carry over"),
        "{}",
        run.render()
    );
    // …and naming OLD.
    let old = ws.run(&["source", "list", "--format", "json"]).success();
    let metas: serde_json::Value = serde_json::from_str(&old.stdout).unwrap();
    let first = metas
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m.get("revises").is_none())
        .unwrap()["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    ws.run(&["source", "add", "draft2.md", "--revises", &first])
        .success();
    assert_eq!(ws.files(), before, "a second run changed files");
}

#[test]
fn a_revision_leaves_evidence_snapshots_untouched() {
    let (ws, ids) = with(EN, &["carries 40,000 cars a day"]);
    let ev = ws.source("count.txt", "The 2025 count: 32,000 cars a day.");
    ws.run(&[
        "evidence",
        "add",
        &ids[0],
        &ev,
        "--stance",
        "refutes",
        "--excerpt",
        "32,000 cars a day",
    ])
    .success();
    let evidence_files: BTreeMap<String, Vec<u8>> = ws
        .files()
        .into_iter()
        .filter(|(path, _)| path.contains(ev.trim_start_matches("sha256:")))
        .collect();
    assert_eq!(evidence_files.len(), 2);
    ws.write("draft2.md", &EN.replace("40,000", "32,000"));
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let after = ws.files();
    for (path, bytes) in &evidence_files {
        assert_eq!(after.get(path), Some(bytes), "{path} changed");
    }
    let claim = ws.read(&ws.claim_file(&ids[0]));
    assert!(claim.contains(&format!("source: {ev}")), "{claim}");
}

#[test]
fn edited_claims_are_in_recheck_until_marked_again() {
    let (ws, ids) = with(EN, &["opened in 1932", "carries 40,000 cars a day"]);
    ws.run(&[
        "mark",
        &ids[1],
        "disputed",
        "--note",
        "The 2025 count is 32,000.",
        "--correction",
        "The bridge carries 32,000 cars a day.",
    ])
    .success();
    ws.write("draft2.md", &EN.replace("40,000", "32,000"));
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();

    let list = ws.run(&["claim", "list", "--recheck"]).success();
    assert!(
        list.stdout.contains(&ids[1]) && !list.stdout.contains(&ids[0]),
        "{}",
        list.render()
    );
    assert!(
        list.stdout.contains("disputed, recheck"),
        "{}",
        list.render()
    );

    let check = ws.run(&["check"]).code(1);
    let file = ws.claim_file(&ids[1]);
    assert!(
        check.stdout.contains(&format!("{file}:"))
            && check
                .stdout
                .contains("in recheck: its quoted words changed in revision"),
        "{}",
        check.render()
    );
    assert!(
        check
            .stdout
            .contains("(\"carries 40,000 cars a day\" → \"carries 32,000 cars a day\")"),
        "{}",
        check.render()
    );

    let report = ws.run(&["report"]).success();
    assert!(
        report
            .stdout
            .contains("## Changed since the previous revision"),
        "{}",
        report.stdout
    );
    assert!(report.stdout.contains("  - **Before**: carries 40,000 cars a day\n  - **Now**: carries 32,000 cars a day\n  - **Suggested correction**: The bridge carries 32,000 cars a day. (applied)"), "{}", report.stdout);

    ws.run(&["mark", &ids[1], "verified", "--by", "bob"])
        .code(1);
    ws.run(&[
        "mark",
        &ids[1],
        "unverified",
        "--note",
        "The article now says 32,000; check the new figure.",
    ])
    .success();
    let list = ws.run(&["claim", "list", "--recheck"]).success();
    assert!(list.stdout.is_empty(), "{}", list.render());
    ws.run(&["check"]).success();
}

#[test]
fn check_reports_claims_in_an_earlier_revision_and_fix_carries_them_over_the_chain() {
    let (ws, _) = with(EN, &[]);
    let first = ws.run(&["source", "list", "--format", "json"]).success();
    let first: serde_json::Value = serde_json::from_str(&first.stdout).unwrap();
    let first = first[0]["sha256"].as_str().unwrap().to_string();
    ws.write("draft2.md", &format!("Preface.\n\n{EN}"));
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
    ws.write(
        "draft3.md",
        &format!("Preface.\n\n{}", EN.replace("40,000", "32,000")),
    );
    ws.run(&["source", "add", "draft3.md", "--revises"])
        .success();
    // A claim added on another branch, to the first draft.
    let opened = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "Opened 1932",
            "--quote",
            "opened in 1932",
            "--in",
            &first,
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    let traffic = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "40,000 cars",
            "--quote",
            "carries 40,000 cars a day",
            "--in",
            &first,
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    let check = ws.run(&["check"]).code(1);
    assert!(
        check.stdout.contains(&format!(
            "claims/{opened}.yaml:6: anchored in `{}`, an earlier revision of the article",
            &first[..12]
        )) && check
            .stdout
            .contains("`factcheck check --fix` carries it over"),
        "{}",
        check.render()
    );
    let fix = ws.run(&["check", "--fix"]).code(1);
    assert!(
        fix.stdout
            .contains(&format!("carried: claims/{opened}.yaml: moved in revision")),
        "{}",
        fix.render()
    );
    assert!(
        fix.stdout.contains(&format!(
            "carried: claims/{traffic}.yaml: edited in revision"
        )),
        "{}",
        fix.render()
    );
    // Two steps each: draft 1 → 2 → 3.
    let record = ws.read(&ws.claim_file(&opened));
    assert_eq!(record.matches("event: revised").count(), 2, "{record}");
    // What is left is the recheck of the edited claim.
    let check = ws.run(&["check"]).code(1);
    assert!(check.stdout.contains("1 problem"), "{}", check.render());
    assert!(check.stdout.contains("in recheck"), "{}", check.render());
}

#[test]
fn source_list_shows_the_chain_of_revisions() {
    let (ws, _) = with(EN, &[]);
    ws.write("draft2.md", &format!("Preface.\n\n{EN}"));
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let list = ws.run(&["source", "list"]).success();
    let chain = list.stdout.lines().last().unwrap();
    assert!(
        chain.starts_with("article revisions, oldest first: ")
            && chain.ends_with(" (current)")
            && chain.contains(" → "),
        "{}",
        list.render()
    );
    let show = ws
        .run(&["source", "show", chain.split(' ').nth(6).unwrap()])
        .success();
    assert!(
        show.stdout.contains("  revises     sha256:"),
        "{}",
        show.render()
    );
}

#[test]
fn source_diff_shows_changed_words_and_chinese_characters() {
    let ws = Ws::new();
    let a = ws.source(
        "a.md",
        "开头。\n为此，OpenAI安全团队仅得到了9天的时间。\nThe team had nine days.\n结尾。\n",
    );
    let b = ws.source(
        "b.md",
        "开头。\n为此，OpenAI安全团队得到了约一周的时间。\nThe team had ten days.\n结尾。\n",
    );
    let run = ws.run(&["source", "diff", &a, &b]).success();
    insta::assert_snapshot!(run.render(), @r"
    exit: 0
    --- stdout
    --- af7ea5710828 af7ea57108283a716a710670caeb6d09e173833e7699f424c071ce6601cc6368.md
    +++ 0ed85942bfec 0ed85942bfece2e8d513c6f1fba3ab9fe0d699fba548933f4713e1c60efc8ea0.md
    @@ line 2 → 2 @@
    为此，OpenAI安全团队[-仅-]得到了[-9天-]{+约一周+}的时间。
    The team had [-nine-]{+ten+} days.
    --- stderr
    ");
    let same = ws.run(&["source", "diff", &a, &a]).success();
    assert!(same.stderr.contains("is the same"), "{}", same.render());
}

#[test]
fn refused_revisions_change_nothing() {
    let (ws, _) = with(EN, &["opened in 1932"]);
    let before = ws.files();
    // The same bytes as the article.
    ws.write("same.md", EN);
    let run = ws.run(&["source", "add", "same.md", "--revises"]).code(1);
    assert!(
        run.stderr.contains("not a revision of it"),
        "{}",
        run.render()
    );
    std::fs::remove_file(ws.join("same.md")).unwrap();
    // A draft with no text to quote.
    std::fs::write(ws.join("scan.pdf"), b"%PDF-1.4 binary").unwrap();
    let run = ws.run(&["source", "add", "scan.pdf", "--revises"]).code(1);
    assert!(
        run.stderr.contains("has no text to quote"),
        "{}",
        run.render()
    );
    std::fs::remove_file(ws.join("scan.pdf")).unwrap();
    assert_eq!(ws.files(), before);
    // No article to revise.
    let bare = Ws::new();
    bare.write("d.md", EN);
    let run = bare.run(&["source", "add", "d.md", "--revises"]).code(2);
    assert!(
        run.stderr.contains("no article to revise"),
        "{}",
        run.render()
    );
}

/// The kinds of the problems in `check --format json`'s output.
fn problem_kinds(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("check prints JSON");
    v["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["kind"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Copies the project's own workspace (its `factcheck.yaml`, `claims/` and
/// `sources/`) into a temporary folder.
fn bundled() -> Ws {
    let ws = Ws::bare();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("factcheck.yaml"), ws.join("factcheck.yaml")).unwrap();
    for dir in ["claims", "sources"] {
        std::fs::create_dir_all(ws.join(dir)).unwrap();
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let to = ws.join(dir).join(path.file_name().unwrap());
            std::fs::write(&to, std::fs::read(&path).unwrap()).unwrap();
        }
    }
    ws
}

/// The bundled article's next draft: the John Schulman paragraph moved up
/// before "真·一整个大问号。", `correction` (claim ca69e78's) applied, the
/// sentence of claim c329e23 cut.
fn bundled_draft(correction: &str) -> String {
    let article = std::fs::read_to_string(ARTICLE).unwrap();
    let mut lines: Vec<&str> = article.split('\n').collect();
    let schulman = lines
        .iter()
        .position(|l| l.starts_with("比如John Schulman"))
        .unwrap();
    let moved: Vec<&str> = lines.drain(schulman..schulman + 3).collect();
    let at = lines
        .iter()
        .position(|l| *l == "真·一整个大问号。")
        .unwrap();
    for (i, l) in moved.into_iter().enumerate() {
        lines.insert(at + i, l);
    }
    let cut = lines
        .iter()
        .position(|l| *l == "即便如此，GPT-4o还是如期发布了。")
        .unwrap();
    lines.remove(cut);
    lines
        .join("\n")
        .replace("最终在本周三（9月25日）才全量发布", correction)
}

#[test]
fn bundled_workspace_revision_gives_every_claim_the_right_outcome() {
    let ws = bundled();
    let before = ws.files();
    let show = ws
        .run(&["claim", "show", "ca69e78", "--format", "json"])
        .success();
    let correction = json(&show)["correction"].as_str().unwrap().to_string();
    let correction = correction.trim_end_matches('。');
    let draft = bundled_draft(correction);
    ws.write("draft2.md", &draft);
    let run = ws
        .run(&[
            "source",
            "add",
            "draft2.md",
            "--revises",
            "--format",
            "json",
        ])
        .success();
    let v = json(&run);
    let outcomes = outcomes(&v);
    let claims = std::fs::read_dir(ws.join("claims")).unwrap().count();
    assert_eq!(outcomes.len(), claims, "every claim gets one outcome");
    for (id, outcome) in &outcomes {
        let expected = match id.as_str() {
            "c329e23" => "dropped",
            "ca69e78" => "edited",
            _ => "moved",
        };
        assert_eq!(outcome, expected, "claim {id}");
    }
    for c in v["claims"].as_array().unwrap() {
        if c["outcome"] == "moved" {
            assert_eq!(c["from"]["exact"], c["to"]["exact"], "{c}");
        }
    }
    // The moved paragraph's claims moved up; the ones after the cut moved back.
    for id in ["c714c6a", "cd01d7c", "ce1c1f9", "c9e612d", "c64eff7"] {
        let c = v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap();
        let exact = c["to"]["exact"].as_str().unwrap();
        let at = draft[..draft.find(exact).unwrap()].chars().count() as u64;
        assert_eq!(c["to"]["start"].as_u64(), Some(at), "{c}");
    }
    let edited = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ca69e78")
        .unwrap();
    assert_eq!(edited["to"]["exact"], correction);

    // Evidence snapshots and every claim's verdict stay as they were.
    let after = ws.files();
    for (path, bytes) in &before {
        if path.starts_with("sources/") {
            assert_eq!(after.get(path), Some(bytes), "{path} changed");
        }
    }

    // The report's revision section, in Chinese.
    let report = ws.run(&["report"]).success();
    let section = report
        .stdout
        .split("## 自上一稿以来的改动")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .map(str::trim)
        .unwrap_or_else(|| panic!("no revision section:\n{}", report.stdout));
    insta::assert_snapshot!(section, @r"
    - **上一稿**：`275e20f7b145` (2026-11-28) → `b6abc177ff9a`
    - **原文未变的说法**：81

    ### 原文有改动，需重新核查 (1)

    - **#24** GPT-4o（高级语音模式）于2024年9月25日（周三）向全部用户全量发布。 (有争议 · 有误导、需重新核查)
      - **原文**：最终在本周三（9月25日）才全量发布
      - **现文**：GPT-4o高级语音模式面向ChatGPT Plus等付费订阅用户推出，并非向全部用户全量发布（一份维基类资料记其于9月24日、美国时间开始推出）
      - **建议改为**：GPT-4o高级语音模式面向ChatGPT Plus等付费订阅用户推出，并非向全部用户全量发布（一份维基类资料记其于9月24日、美国时间开始推出）。 (已采纳)

    ### 已从文中删去 (1)

    - **#83** 尽管安全测试时间紧张，GPT-4o仍按原定日期发布。 (已核实 · 基本属实)：即便如此，GPT-4o还是如期发布了
    ");
    let check = ws.run(&["check"]).code(1);
    assert!(
        check.stdout.contains("claims/ca69e78.yaml:9: 待复核"),
        "{}",
        check.render()
    );
    // The revision puts one claim in recheck, and raises no other kind of
    // problem than the bundled records already have.
    let before = problem_kinds(&bundled().run(&["check", "--format", "json"]).stdout);
    let after = problem_kinds(&ws.run(&["check", "--format", "json"]).stdout);
    assert_eq!(
        after.iter().filter(|k| *k == "recheck").count(),
        1,
        "{after:?}"
    );
    let others: Vec<&String> = after.iter().filter(|k| *k != "recheck").collect();
    assert_eq!(others.len(), before.len(), "{after:?} against {before:?}");
}

#[test]
fn verdicts_in_recheck_or_dropped_are_not_exported() {
    let (ws, ids) = with(
        EN,
        &[
            "opened in 1932",
            "carries 40,000 cars a day",
            "Repairs cost 12 million pounds.",
        ],
    );
    for id in &ids {
        ws.run(&["mark", id, "unverifiable", "--note", "No records."])
            .success();
    }
    ws.write(
        "draft2.md",
        &EN.replace("40,000", "32,000")
            .replace(" Repairs cost 12 million pounds.", ""),
    );
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
    let run = ws.run(&["export", "claimreview"]).success();
    let reviews: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let exported: Vec<&str> = reviews
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(exported, vec![ids[0].as_str()]);
    assert!(
        run.stderr
            .contains("left out 2 verdicts on words a revision of the article changed or cut"),
        "{}",
        run.render()
    );
}

/// An unrelated text given as the next draft shares almost nothing with the
/// article: it is refused, naming the share, and every file stays as it was.
#[test]
fn a_draft_that_shares_little_with_the_article_is_refused_unless_forced() {
    let ws = bundled();
    let unrelated =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/revision/draft2.md");
    ws.write("draft2.md", &std::fs::read_to_string(unrelated).unwrap());
    let before = ws.files();
    let run = ws.run(&["source", "add", "draft2.md", "--revises"]).code(1);
    assert!(
        run.stderr
            .contains("`draft2.md` keeps 0% of the text of `275e20f7b145`")
            && run.stderr.contains("`--force`"),
        "{}",
        run.render()
    );
    assert_eq!(ws.files(), before);

    // Forced, no claim is re-anchored to a stray remnant of a few characters.
    let run = ws
        .run(&[
            "source",
            "add",
            "draft2.md",
            "--revises",
            "--force",
            "--format",
            "json",
        ])
        .success();
    let v = json(&run);
    for c in v["claims"].as_array().unwrap() {
        if c["outcome"] == "edited" {
            let to = c["to"]["exact"].as_str().unwrap();
            let from = c["from"]["exact"].as_str().unwrap();
            let n = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
            assert!(n(to) >= 6 || n(to) * 2 >= n(from), "{c}");
        }
    }
}

/// The bundled article's real second draft keeps nearly all of it; an
/// unrelated article nearly none: the 40% line sits far from both.
#[test]
fn a_real_revision_keeps_most_of_the_draft() {
    let ws = bundled();
    let draft = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article-draft2.md"),
    )
    .unwrap();
    ws.write("draft2.md", &draft);
    ws.run(&["source", "add", "draft2.md", "--revises"])
        .success();
}
