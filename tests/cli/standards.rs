//! The desk's editorial standards: rating scale, source kinds, verification
//! policy, consistency checks, the decision, and ClaimReview from the scale.

use crate::support::Ws;

/// A strict policy: two independent sources, or one primary/official;
/// aggregators and wikis do not count.
const STRICT: &str = "policy:
  verified:
    min_sources: 2
    independent_by: publisher
    primary_suffices: true
    not_counted: [aggregator, wiki]
";

/// Appends `extra` to the workspace's settings.
fn settings(ws: &Ws, extra: &str) {
    let config = ws.read("factcheck.yaml");
    ws.write("factcheck.yaml", &format!("{config}{extra}"));
}

/// Snapshots `contents` with extra `source add` flags; returns its id.
fn source_with(ws: &Ws, name: &str, contents: &str, flags: &[&str]) -> String {
    ws.write(name, contents);
    let mut args = vec!["source", "add", name];
    args.extend_from_slice(flags);
    let id = ws.run(&args).success().stdout.trim().to_string();
    std::fs::remove_file(ws.join(name)).expect("remove");
    id
}

fn supports(ws: &Ws, claim: &str, source: &str) {
    ws.run(&[
        "evidence",
        "add",
        claim,
        source,
        "--stance",
        "supports",
        "--excerpt",
        "only 9 days",
    ])
    .success();
}

#[test]
fn a_strict_policy_refuses_verified_on_one_aggregator() {
    let ws = Ws::with_article();
    settings(&ws, STRICT);
    let id = ws.nine_days();
    let agg = source_with(
        &ws,
        "agg.txt",
        "They had only 9 days, a report says.",
        &[
            "--kind",
            "aggregator",
            "--url",
            "https://www.example.com/retold",
        ],
    );
    supports(&ws, &id, &agg);
    let before = ws.files();
    let run = ws
        .run(&["mark", &id, "verified", "--rating", "Accurate"])
        .code(1);
    assert!(
        run.stderr.contains(
            "needs 2 independent supporting sources (or one primary or official source); has 0 — example.com (`"
        ) && run.stderr.contains("is an aggregator and does not count"),
        "{}",
        run.render()
    );
    assert_eq!(before, ws.files(), "a refused verdict changes nothing");

    // Two outlets of one publisher still count once.
    let a = source_with(
        &ws,
        "a.txt",
        "Staff had only 9 days.",
        &["--kind", "news", "--publisher", "Daily"],
    );
    let b = source_with(
        &ws,
        "b.txt",
        "Testers got only 9 days.",
        &["--kind", "news", "--publisher", "daily "],
    );
    supports(&ws, &id, &a);
    supports(&ws, &id, &b);
    let run = ws.run(&["mark", &id, "verified"]).code(1);
    assert!(
        run.stderr.contains("has 1") && run.stderr.contains("share `daily` and count once"),
        "{}",
        run.render()
    );

    // A second, independent outlet meets the policy.
    let c = source_with(
        &ws,
        "c.txt",
        "The team had only 9 days to test.",
        &["--kind", "wire", "--publisher", "Wire Agency"],
    );
    supports(&ws, &id, &c);
    ws.run(&["mark", &id, "verified", "--rating", "Accurate"])
        .success();
}

#[test]
fn one_primary_source_suffices_and_so_does_the_speakers_own_text() {
    let ws = Ws::with_article();
    settings(&ws, STRICT);
    let id = ws.nine_days();
    let card = source_with(
        &ws,
        "card.txt",
        "Testing took only 9 days.",
        &["--kind", "official", "--publisher", "OpenAI"],
    );
    supports(&ws, &id, &card);
    ws.run(&["mark", &id, "verified"]).success();

    // A news outlet's own page is primary for what that outlet reported.
    let said = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "The Journal reported nine days.",
            "--speaker",
            "《华尔街日报》",
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    let wsj = source_with(
        &ws,
        "wsj.txt",
        "Staff had only 9 days, we reported.",
        &["--kind", "news", "--publisher", "华尔街日报"],
    );
    supports(&ws, &said, &wsj);
    ws.run(&["mark", &said, "verified"]).success();
}

#[test]
fn check_reports_verdicts_the_policy_no_longer_allows() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let agg = source_with(
        &ws,
        "agg.txt",
        "They had only 9 days.",
        &["--kind", "aggregator"],
    );
    supports(&ws, &id, &agg);
    ws.run(&["mark", &id, "verified"]).success();
    ws.run(&["check"]).success();
    settings(&ws, STRICT);
    let run = ws.run(&["check", "--format", "json"]).code(1);
    let out: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let problems = out["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{}", run.render());
    assert_eq!(problems[0]["kind"], "policy");
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("no longer meets the desk's policy"),
        "{}",
        run.render()
    );
}

#[test]
fn ratings_must_be_on_the_scale_and_fit_the_status() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    ws.attach(&id, "supports");
    let before = ws.files();
    let run = ws
        .run(&["mark", &id, "verified", "--rating", "Totally true"])
        .code(1);
    assert!(
        run.stderr
            .contains("`Totally true` is not on the desk's rating scale")
            && run
                .stderr
                .contains("for `verified` use one of: Accurate, Mostly accurate"),
        "{}",
        run.render()
    );
    let run = ws
        .run(&["mark", &id, "verified", "--rating", "False"])
        .code(1);
    assert!(
        run.stderr
            .contains("`False` is a label for disputed verdicts, not `verified`"),
        "{}",
        run.render()
    );
    assert_eq!(before, ws.files());
    ws.run(&["mark", &id, "verified", "--rating", "Mostly accurate"])
        .success();
}

#[test]
fn a_chinese_workspace_gets_a_chinese_scale_and_decision() {
    let ws = Ws::bare();
    ws.run(&["init", "--language", "zh"]).success();
    let config = ws.read("factcheck.yaml");
    assert!(config.contains("language: zh"), "{config}");
    assert!(
        config.contains("label: 属实") && config.contains("means: 说法准确，没有遗漏重要背景。"),
        "{config}"
    );
    ws.run(&["source", "add", crate::support::ARTICLE, "--article"])
        .success();
    let id = ws.nine_days();
    ws.attach(&id, "refutes");
    let run = ws
        .run(&["mark", &id, "disputed", "--rating", "属实"])
        .code(1);
    assert!(
        run.stderr
            .contains("「有争议」可用的评级：需补充背景、已过时、有误导、错误"),
        "{}",
        run.render()
    );
    ws.run(&["mark", &id, "disputed", "--rating", "有误导"])
        .success();
    let run = ws.run(&["decision"]).code(1);
    assert!(
        run.stdout.starts_with("建议：暂缓发表\n")
            && run.stdout.contains("有争议但没有建议改法：1 条（#1）"),
        "{}",
        run.render()
    );
    let report = ws.run(&["report"]).success().stdout;
    assert!(
        report.contains("**依据核查记录的建议：暂缓发表**"),
        "{report}"
    );
    assert!(report.contains("## 评级说明"), "{report}");
}

#[test]
fn check_lists_overlapping_claims_rated_differently() {
    let ws = Ws::with_article();
    let whole = ws.nine_days();
    let part = ws.claim("只有9天", "仅得到了9天的时间");
    for id in [&whole, &part] {
        ws.attach(id, "supports");
    }
    ws.run(&["mark", &whole, "verified", "--rating", "Accurate"])
        .success();
    ws.run(&["mark", &part, "verified", "--rating", "Mostly accurate"])
        .success();
    let run = ws.run(&["check"]).code(1);
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("overlaps claim"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.render());
    assert!(
        run.stdout.contains(&format!(
            "its quote overlaps claim `{part}`'s, rated verified · Mostly accurate, but this one is verified · Accurate"
        )),
        "{}",
        run.render()
    );
    // Rated alike, they agree.
    ws.run(&["mark", &part, "verified", "--rating", "Accurate"])
        .success();
    ws.run(&["check"]).success();
}

#[test]
fn a_claim_the_claim_cache_passed_still_takes_part_in_overlapping_quotes() {
    let ws = Ws::with_article();
    let whole = ws.nine_days();
    ws.attach(&whole, "supports");
    ws.run(&["mark", &whole, "verified", "--rating", "Accurate"])
        .success();
    // Passed: the claim cache now vouches for it, and a warm check reads no claim.
    ws.run(&["check"]).success();
    let part = ws.claim("只有9天", "仅得到了9天的时间");
    ws.attach(&part, "supports");
    ws.run(&["mark", &part, "verified", "--rating", "Mostly accurate"])
        .success();
    let warm = ws.run(&["check"]).code(1);
    let lines: Vec<&str> = warm
        .stdout
        .lines()
        .filter(|l| l.contains("overlaps claim"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", warm.render());
    assert!(
        warm.stdout.contains(&format!(
            "claims/{whole}.yaml:{}: its quote overlaps claim `{part}`'s, rated verified · Mostly accurate, but this one is verified · Accurate",
            status_line(&ws, &whole)
        )),
        "{}",
        warm.render()
    );
    // The same findings as a check that trusts no cache.
    let full = ws.run(&["check", "--full"]).code(1);
    assert_eq!(warm.stdout, full.stdout);
}

fn status_line(ws: &Ws, id: &str) -> usize {
    let text = std::fs::read_to_string(ws.join(&format!("claims/{id}.yaml"))).expect("claim file");
    1 + text
        .lines()
        .position(|l| l.starts_with("status:"))
        .expect("a status line")
}

#[test]
fn a_disputed_claim_without_correction_or_note_is_reported() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    ws.attach(&id, "refutes");
    ws.run(&["mark", &id, "disputed"]).success();
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("disputed without a suggested correction or a note"),
        "{}",
        run.render()
    );
    let run = ws.run(&["decision", "--format", "json"]).code(1);
    let out: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(out["recommendation"]["decision"], "hold");
}

#[test]
fn evidence_published_after_the_verdict_is_reported() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let later = source_with(
        &ws,
        "later.txt",
        "Looking back, only 9 days.",
        &["--published", "2027-01-05"],
    );
    supports(&ws, &id, &later);
    ws.run(&["mark", &id, "verified"]).success();
    let run = ws.run(&["check"]).code(1);
    assert!(
        run.stdout
            .contains("was published on 2027-01-05, after the verdict of 2026-11-28"),
        "{}",
        run.render()
    );
}

#[test]
fn decision_exits_0_only_for_publish_and_shows_the_desks_bottom_line() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let run = ws.run(&["decision"]).code(1);
    assert!(
        run.stdout.contains("recommendation: hold"),
        "{}",
        run.render()
    );
    assert!(
        run.stdout.contains("not yet checked: 1 (") || run.stdout.contains("not yet checked: 1")
    );

    ws.attach(&id, "refutes");
    ws.run(&[
        "mark",
        &id,
        "disputed",
        "--rating",
        "Misleading",
        "--correction",
        "OpenAI's safety team reportedly had about a week.",
    ])
    .success();
    let run = ws.run(&["decision"]).code(1);
    assert!(
        run.stdout
            .contains("recommendation: publish-with-corrections"),
        "{}",
        run.render()
    );

    // With the disputed claim gone and the rest verified, it can run.
    ws.run(&["claim", "remove", &id, "--note", "merged"])
        .success();
    let other = ws.claim("The safety team had nine days.", "仅得到了9天的时间");
    ws.attach(&other, "supports");
    ws.run(&["mark", &other, "verified"]).success();
    let run = ws.run(&["decision"]).success();
    assert!(
        run.stdout.contains("recommendation: publish"),
        "{}",
        run.render()
    );

    // The desk's own hold holds the piece, whatever the records say.
    ws.run(&[
        "summary",
        "--decision",
        "hold",
        "--note",
        "Waiting for the lawyer.",
    ])
    .success();
    let config = ws.read("factcheck.yaml");
    assert!(
        config.contains("summary:\n  decision: hold\n  note: Waiting for the lawyer.\n  by: alice\n  at: \"2026-11-28T10:00:00Z\"")
            || config.contains("summary:\n  decision: hold\n  note: Waiting for the lawyer.\n  by: alice\n  at: 2026-11-28T10:00:00Z"),
        "{config}"
    );
    let run = ws.run(&["decision"]).code(1);
    assert!(
        run.stdout
            .contains("desk's decision: hold (alice, 2026-11-28)")
            && run.stdout.contains("Waiting for the lawyer."),
        "{}",
        run.render()
    );
}

#[test]
fn source_edit_changes_metadata_keeps_a_trail_and_never_the_bytes() {
    let ws = Ws::with_article();
    let id = ws.source("page.txt", "A page.");
    let hex = id.trim_start_matches("sha256:");
    let bytes = ws.files()[&format!("sources/{hex}.txt")].clone();
    ws.run(&[
        "source",
        "edit",
        &id[..13],
        "--kind",
        "news",
        "--publisher",
        "Reuters",
        "--published",
        "2024-09-26",
        "--why",
        "from the page's byline",
    ])
    .success();
    let record = ws.read(&format!("sources/{hex}.yaml"));
    assert!(
        record.contains("kind: news\npublisher: Reuters\npublished: \"2024-09-26\"\n"),
        "{record}"
    );
    assert!(
        record.contains("history:\n  - at: \"2026-11-28T10:00:00Z\"\n    by: alice\n    fields:\n      - kind\n      - published\n      - publisher\n    note: from the page's byline\n"),
        "{record}"
    );
    assert_eq!(ws.files()[&format!("sources/{hex}.txt")], bytes);
    let before = ws.files();
    let run = ws.run(&["source", "edit", &id, "--kind", "news"]).code(2);
    assert!(run.stderr.contains("nothing to change"), "{}", run.render());
    let run = ws
        .run(&["source", "edit", &id, "--published", "26/09/2024"])
        .code(2);
    assert!(
        run.stderr.contains("is not a date such as 2024-10-07"),
        "{}",
        run.render()
    );
    assert_eq!(before, ws.files());
    ws.run(&["check"]).success();
}

#[test]
fn the_report_shows_what_each_source_is_and_marks_late_ones() {
    let ws = Ws::with_article();
    settings(&ws, STRICT);
    let id = ws.nine_days();
    let wire = source_with(
        &ws,
        "wire.txt",
        "Staff had only 9 days, sources said.",
        &[
            "--kind",
            "wire",
            "--publisher",
            "Reuters",
            "--published",
            "2024-10-09",
        ],
    );
    supports(&ws, &id, &wire);
    let report = ws.run(&["report"]).success().stdout;
    assert!(
        report.contains("Reuters · wire copy · Published 2024-10-09 (published after the article)"),
        "{report}"
    );
    assert!(
        report.contains("**Verification policy**: 2 independent supporting sources needed for verified, or one primary or official source, aggregator, wiki not counted."),
        "{report}"
    );
    assert!(
        report.contains("| Needs context | 3 | Disputed |"),
        "{report}"
    );
}

#[test]
fn claimreview_of_a_partly_true_claim_carries_its_own_value_and_label() {
    let ws = Ws::with_article();
    settings(
        &ws,
        "base_url: https://desk.example.org/checks\npublisher: Example Desk\n",
    );
    let id = ws.nine_days();
    ws.attach(&id, "refutes");
    ws.run(&[
        "mark",
        &id,
        "disputed",
        "--rating",
        "Needs context",
        "--correction",
        "Reports differ: nine days, or under a week.",
    ])
    .success();
    let out = ws.run(&["export", "claimreview"]).success().stdout;
    let reviews: serde_json::Value = serde_json::from_str(&out).expect("json");
    let r = &reviews[0]["reviewRating"];
    assert_eq!(r["ratingValue"], 3);
    assert_eq!(r["bestRating"], 5);
    assert_eq!(r["worstRating"], 1);
    assert_eq!(r["alternateName"], "Needs context");

    // A label without a value goes by name only.
    ws.run(&[
        "mark",
        &id,
        "disputed",
        "--rating",
        "Outdated",
        "--note",
        "overtaken",
    ])
    .success();
    let out = ws.run(&["export", "claimreview"]).success().stdout;
    let reviews: serde_json::Value = serde_json::from_str(&out).expect("json");
    let r = &reviews[0]["reviewRating"];
    assert!(r.get("ratingValue").is_none(), "{r}");
    assert_eq!(r["alternateName"], "Outdated");
}

#[test]
fn every_claimreview_has_the_fields_google_requires() {
    let ws = Ws::with_article();
    settings(
        &ws,
        "base_url: https://desk.example.org/checks\npublisher: Example Desk\n",
    );
    let id = ws.nine_days();
    ws.attach(&id, "supports");
    ws.run(&["mark", &id, "verified", "--rating", "Accurate"])
        .success();
    let out = ws.run(&["export", "claimreview"]).success().stdout;
    let reviews: serde_json::Value = serde_json::from_str(&out).expect("json");
    for review in reviews.as_array().expect("array") {
        // Google's fact-check markup: claimReviewed, reviewRating (with
        // alternateName) and url are required; author and itemReviewed are
        // recommended, and we always have them here.
        for field in [
            "claimReviewed",
            "reviewRating",
            "url",
            "author",
            "itemReviewed",
            "datePublished",
        ] {
            assert!(review.get(field).is_some(), "{field} missing in {review}");
        }
        assert!(review["reviewRating"]["alternateName"].is_string());
        assert!(review["author"]["name"].is_string());
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert_eq!(review["itemReviewed"]["datePublished"], "2024-10-07");
    }
}
