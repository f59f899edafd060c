use crate::support::*;

fn claim_with_evidence(ws: &Ws, stance: &str) -> String {
    let id = ws.nine_days();
    ws.attach(&id, stance);
    id
}

#[test]
fn refused_marks_exit_1_and_leave_the_file_unchanged() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let before = ws.files();
    for (args, why) in [
        (
            vec!["verified"],
            "needs at least one piece of evidence that supports",
        ),
        (
            vec!["disputed"],
            "needs evidence that refutes the claim, or a `--note`",
        ),
        (
            vec!["unverifiable"],
            "needs a `--note` saying what was tried",
        ),
    ] {
        let mut full = vec!["mark", id.as_str()];
        full.extend(args);
        let run = ws.run(&full).code(1);
        assert!(run.stderr.contains(why), "{}", run.render());
        assert!(
            run.stderr.contains("nothing was changed"),
            "{}",
            run.render()
        );
        assert_eq!(before, ws.files());
    }
    let run = ws.run(&["mark", &id, "verified"]);
    redact(&[(&id, "[ID]")]).bind(|| insta::assert_snapshot!(run.render()));
}

#[test]
fn verdicts_follow_the_rules_and_are_kept_in_history() {
    let ws = Ws::with_article();
    let id = claim_with_evidence(&ws, "supports");
    ws.run_with(
        &[
            "mark",
            &id,
            "verified",
            "--note",
            "Matches the report.",
            "--rating",
            "Accurate",
        ],
        &[("FACTCHECK_REVIEWER", "bob")],
    )
    .success();
    let before = ws.files();
    let run = ws.run(&["mark", &id, "unverified"]).code(1);
    assert!(run.stderr.contains("reopening"), "{}", run.render());
    assert_eq!(before, ws.files());
    ws.run_with(
        &[
            "mark",
            &id,
            "disputed",
            "--note",
            "A second report says a week.",
            "--correction",
            "不到一周",
        ],
        &[("FACTCHECK_NOW", "2026-11-29T08:00:00Z")],
    )
    .success();
    ws.run(&[
        "mark",
        &id,
        "unverified",
        "--note",
        "reopened for a new source",
    ])
    .success();
    let file = ws.read(&ws.claim_file(&id));
    redact(&[(&id, "[ID]")]).bind(|| insta::assert_snapshot!(file));
    ws.run(&["check"]).success();
}

#[test]
fn correction_goes_with_disputed_only() {
    let ws = Ws::with_article();
    let id = claim_with_evidence(&ws, "supports");
    let run = ws
        .run(&["mark", &id, "verified", "--correction", "x"])
        .code(2);
    assert!(
        run.stderr.contains("`--correction` goes with `disputed`"),
        "{}",
        run.render()
    );
}

#[test]
fn refuting_evidence_allows_disputed_without_a_note() {
    let ws = Ws::with_article();
    let id = claim_with_evidence(&ws, "refutes");
    ws.run(&["mark", &id, "disputed"]).success();
}

#[test]
fn verified_needs_intact_evidence_snapshots() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Ws::with_article();
    let id = claim_with_evidence(&ws, "supports");
    let file = std::fs::read_dir(ws.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::write(&file, "The security team had only 9 days to assess!").unwrap();
    let before = ws.files();
    let run = ws.run(&["mark", &id, "verified"]).code(1);
    assert!(run.stderr.contains("have changed"), "{}", run.render());
    assert_eq!(before, ws.files());
}

#[test]
fn status_edited_by_hand_against_the_rules_is_reported_by_check() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let path = ws.claim_file(&id);
    ws.write(
        &path,
        &ws.read(&path)
            .replace("status: unverified", "status: verified"),
    );
    let run = ws.run(&["check"]).code(1);
    let line = ws
        .read(&path)
        .lines()
        .position(|l| l.starts_with("status:"))
        .unwrap()
        + 1;
    assert!(
        run.stdout
            .contains(&format!("{path}:{line}: status `verified` breaks a rule")),
        "{}",
        run.render()
    );
}

#[test]
fn second_reviewer_signs_off_verdicts() {
    let ws = Ws::with_article();
    ws.write(
        "factcheck.yaml",
        &format!(
            "{}review:\n  second_reviewer: true\n",
            ws.read("factcheck.yaml")
        ),
    );
    let id = claim_with_evidence(&ws, "supports");
    let run = ws.run(&["sign", &id]).code(1);
    assert!(
        run.stderr.contains("no verdict to sign"),
        "{}",
        run.render()
    );
    let run = ws.run(&["mark", &id, "verified"]).success();
    assert!(
        run.stderr
            .contains("final once another reviewer runs `factcheck sign"),
        "{}",
        run.render()
    );
    let run = ws.run(&["sign", &id]).code(1);
    assert!(run.stderr.contains("another reviewer"), "{}", run.render());
    ws.run(&["--by", "bob", "sign", &id, "--note", "checked the source"])
        .success();
    let run = ws.run(&["--by", "carol", "sign", &id]).code(1);
    assert!(
        run.stderr.contains("already signed by bob"),
        "{}",
        run.render()
    );
    assert!(ws.read(&ws.claim_file(&id)).contains("event: sign"));
}

#[test]
fn a_changed_rating_leaves_a_trail_in_history() {
    let ws = Ws::with_article();
    let id = claim_with_evidence(&ws, "supports");
    ws.run(&["mark", &id, "verified", "--rating", "Mostly accurate"])
        .success();
    ws.run(&[
        "mark",
        &id,
        "verified",
        "--rating",
        "Accurate",
        "--note",
        "second source found",
    ])
    .success();
    let run = ws
        .run(&["claim", "show", &id, "--format", "json"])
        .success();
    let claim: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let ratings: Vec<&str> = claim["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["rating"].as_str())
        .collect();
    assert_eq!(ratings, ["Mostly accurate", "Accurate"]);
    assert_eq!(claim["rating"], "Accurate");
}

#[test]
fn marking_a_claim_keeps_the_stat_cache_of_every_other_snapshot() {
    let ws = Ws::with_article();
    let id = claim_with_evidence(&ws, "supports");
    ws.run(&["check"]).success();
    let cached = |ws: &Ws| ws.read(".factcheck/stat-cache").lines().count();
    let before = cached(&ws);
    assert!(before >= 3, "header and two snapshots: {before}");
    // `mark verified` rehashes only the claim's evidence; the article's entry stays.
    ws.run(&["mark", &id, "verified"]).success();
    assert_eq!(cached(&ws), before);
}
