//! `factcheck export claimreview`: schema.org ClaimReview JSON-LD.

use serde_json::Value;

use crate::scenario::{build_fixture, fixture_dir};
use crate::support::*;

fn export(ws: &Ws) -> Vec<Value> {
    let run = ws.run(&["export", "claimreview"]).success();
    serde_json::from_str(&run.stdout).expect("a JSON array")
}

fn ids(reviews: &[Value]) -> Vec<&str> {
    reviews
        .iter()
        .map(|r| r["identifier"].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn claimreview_of_a_small_workspace() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let run = ws.run(&["export", "claimreview"]).success();
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn html_in_a_claim_cannot_end_the_script_element_it_is_embedded_in() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let run = ws.run(&["export", "claimreview"]).success();
    assert!(!run.stdout.contains(['<', '>', '&']), "{}", run.stdout);
    let reviews: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        reviews[2]["claimReviewed"],
        "Residents posted <script>alert(\"pwned\")</script> on the council website."
    );
}

#[test]
fn only_claims_with_a_verdict_are_exported() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    // `unanimous` is unverified; every other claim has a verdict.
    let reviews = export(&ws);
    assert_eq!(ids(&reviews), ["revenue", "homes", "script", "jobs"]);
    let ratings: Vec<(Option<i64>, &str)> = reviews
        .iter()
        .map(|r| {
            let rating = &r["reviewRating"];
            (
                rating["ratingValue"].as_i64(),
                rating["alternateName"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ratings,
        [
            (Some(5), "Accurate"),
            (Some(1), "Exaggerated"),
            (None, "Unverifiable"),
            (Some(5), "Verified")
        ]
    );
    ws.run(&["mark", "homes", "unverified", "--note", "reopened"])
        .success();
    assert_eq!(ids(&export(&ws)), ["revenue", "script", "jobs"]);
}

#[test]
fn url_only_with_base_url() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let reviews = export(&ws);
    assert_eq!(
        reviews[0]["url"],
        "https://desk.example.org/checks/harbourside#revenue"
    );
    let config = ws.read("factcheck.yaml");
    let without: String = config
        .lines()
        .filter(|l| !l.starts_with("base_url:"))
        .map(|l| format!("{l}\n"))
        .collect();
    ws.write("factcheck.yaml", &without);
    let reviews = export(&ws);
    assert!(
        reviews.iter().all(|r| r.get("url").is_none()),
        "{reviews:#?}"
    );
    assert_eq!(reviews.len(), 4);
}

#[test]
fn unsigned_verdicts_are_held_back_with_a_second_reviewer() {
    let ws = build_fixture(&fixture_dir("second-reviewer"));
    let run = ws.run(&["export", "claimreview"]).success();
    let reviews: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(ids(&reviews), ["opened"]);
    assert!(
        run.stderr.contains("left out 1 verdict awaiting sign-off"),
        "{}",
        run.render()
    );
    ws.run_with(&["sign", "traffic"], &[("FACTCHECK_REVIEWER", "carol")])
        .success();
    assert_eq!(ids(&export(&ws)), ["opened", "traffic"]);
}

#[test]
fn chinese_workspace_rates_in_chinese_and_dates_the_article() {
    let ws = build_fixture(&fixture_dir("zh-desk"));
    let reviews = export(&ws);
    assert_eq!(ids(&reviews), ["nine-days", "persuasion"]);
    let persuasion = &reviews[1];
    assert_eq!(persuasion["reviewRating"]["alternateName"], "夸大");
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "无法核实");
    assert_eq!(
        persuasion["itemReviewed"]["author"]["@type"],
        "Organization"
    );
    assert_eq!(persuasion["itemReviewed"]["datePublished"], "2024-10-07");
    assert_eq!(
        persuasion["itemReviewed"]["appearance"]["url"],
        "https://www.example.com/openai-4o"
    );
    assert_eq!(persuasion["author"]["name"], "示例核查台");
}

#[test]
fn out_writes_the_file_and_says_so() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let stdout = ws.run(&["export", "claimreview"]).success().stdout;
    let run = ws
        .run(&["export", "claimreview", "--out", "reviews.json"])
        .success();
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("wrote 4 reviews to `reviews.json`"),
        "{}",
        run.render()
    );
    assert_eq!(ws.read("reviews.json"), stdout);
}

#[test]
fn empty_workspace_exports_an_empty_array() {
    let ws = Ws::new();
    let run = ws.run(&["export", "claimreview"]).success();
    assert_eq!(run.stdout, "[]\n");
}
