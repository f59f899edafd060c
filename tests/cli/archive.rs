//! `archive import | add` and `match`: the same tests on the local engine
//! (a file) and, when a PostgreSQL server is given (FACTCHECK_TEST_POSTGRES,
//! set up by `.ci/run`), on the server engine, each test in a database of
//! its own.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::Ws;

/// A PostgreSQL database made for one test, dropped after it.
struct TestDb {
    admin: String,
    name: String,
    url: String,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn test_db() -> Option<TestDb> {
    let Ok(admin) = std::env::var("FACTCHECK_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("FACTCHECK_REQUIRE_POSTGRES").is_none(),
            "PostgreSQL is required here but FACTCHECK_TEST_POSTGRES is not set"
        );
        eprintln!("skipping the PostgreSQL engine: FACTCHECK_TEST_POSTGRES is not set");
        return None;
    };
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let name = format!(
        "factcheck_t{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("connect to PostgreSQL");
    c.batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a test database");
    // `postgresql://…/DB?…` or `postgresql:///DB?…`: the database is the path.
    let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
    let cut = base.rfind('/').expect("a database in the URL");
    let mut url = format!("{}/{name}", &base[..cut]);
    if !query.is_empty() {
        url = format!("{url}?{query}");
    }
    Some(TestDb { admin, name, url })
}

/// Runs `test` with a fresh archive on every engine available.
fn each_engine(test: impl Fn(&str, &str)) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("archive.sqlite");
    test("local", file.to_str().unwrap());
    if let Some(db) = test_db() {
        test("postgres", &db.url);
    }
}

fn review(url: &str, claim: &str, title: &str, rating: &str, date: &str) -> Value {
    json!({"@context": "https://schema.org", "@type": "ClaimReview", "url": url,
           "claimReviewed": claim, "headline": title,
           "reviewRating": {"@type": "Rating", "alternateName": rating},
           "author": {"@type": "Organization", "name": "Desk"}, "datePublished": date})
}

fn feed() -> Value {
    json!({"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [
            review("https://desk.example/5g", "5G masts spread the coronavirus.", "No, 5G does not spread COVID-19", "False", "2020-04-06"),
            review("https://desk.example/fries", "McDonald's offers any size fries for $1.", "$1 fries at McDonald's", "True", "2015-05-26"),
        ]},
        {"@type": "DataFeedItem", "item": [
            review("https://desk.example/bleach", "Drinking bleach cures the virus.", "Bleach is not a cure", "False", "2020-04-24"),
        ]},
    ]})
}

fn json_of(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[test]
fn import_is_idempotent_by_url_and_match_finds_the_claim() {
    let ws = Ws::bare();
    ws.write("feed.json", &feed().to_string());
    each_engine(|engine, archive| {
        let first = ws
            .run(&["archive", "import", "feed.json", "--archive", archive])
            .success();
        assert!(
            first.stderr.contains("3 added, 0 updated, 0 unchanged"),
            "{engine}: {}",
            first.stderr
        );
        let again = ws
            .run(&["archive", "import", "feed.json", "--archive", archive])
            .success();
        assert!(
            again.stderr.contains("0 added, 0 updated, 3 unchanged"),
            "{engine}: {}",
            again.stderr
        );

        let found = ws
            .run(&[
                "match",
                "Do 5G towers spread covid?",
                "--archive",
                archive,
                "--format",
                "json",
            ])
            .success();
        let v = json_of(&found.stdout);
        let first = &v["results"][0];
        assert_eq!(first["url"], "https://desk.example/5g", "{engine}: {v}");
        assert_eq!(first["rating"], "False");
        assert_eq!(first["checked_by"], "Desk");
        assert_eq!(first["date"], "2020-04-06");
        assert_eq!(first["claim"], "5G masts spread the coronavirus.");
        assert!(first["score"].as_f64().unwrap() > 0.0);
        assert_eq!(
            first["matched"],
            json!(["5G", "spread", "covid"]),
            "{engine}: {v}"
        );
    });
}

#[test]
fn a_changed_review_replaces_the_stored_one() {
    let ws = Ws::bare();
    ws.write(
        "a.json",
        &review(
            "https://d/1",
            "The moon is made of cheese.",
            "Moon",
            "False",
            "2024-01-01",
        )
        .to_string(),
    );
    ws.write(
        "b.json",
        &review(
            "https://d/1",
            "The sun is made of cheese.",
            "Sun",
            "False",
            "2024-01-02",
        )
        .to_string(),
    );
    each_engine(|engine, archive| {
        ws.run(&["archive", "import", "a.json", "--archive", archive])
            .success();
        let b = ws
            .run(&["archive", "import", "b.json", "--archive", archive])
            .success();
        assert!(
            b.stderr.contains("0 added, 1 updated"),
            "{engine}: {}",
            b.stderr
        );
        let moon = ws
            .run(&["match", "moon", "--archive", archive, "--format", "json"])
            .success();
        assert_eq!(json_of(&moon.stdout)["results"], json!([]), "{engine}");
        let sun = ws
            .run(&[
                "match",
                "sun cheese",
                "--archive",
                archive,
                "--format",
                "json",
            ])
            .success();
        assert_eq!(
            json_of(&sun.stdout)["results"][0]["claim"],
            "The sun is made of cheese."
        );
    });
}

#[test]
fn a_malformed_entry_is_named_and_nothing_is_imported() {
    let ws = Ws::bare();
    let mut bad = feed();
    bad["dataFeedElement"][1]["item"][0]
        .as_object_mut()
        .unwrap()
        .remove("claimReviewed");
    ws.write("bad.json", &bad.to_string());
    let archive = ws.join("archive.sqlite");
    let run = ws
        .run(&[
            "archive",
            "import",
            "bad.json",
            "--archive",
            archive.to_str().unwrap(),
        ])
        .code(2);
    assert!(
        run.stderr.contains("`bad.json`: entry dataFeedElement[1].item[0]: `https://desk.example/bleach` has no `claimReviewed`"),
        "{}",
        run.stderr
    );
    assert!(!archive.exists(), "a refused import created the archive");
}

#[test]
fn batch_prints_one_json_line_per_query() {
    let ws = Ws::bare();
    ws.write("feed.json", &feed().to_string());
    ws.write(
        "q.tsv",
        "q1\tbleach cures covid\n\nq2\tone dollar fries at mcdonalds\n",
    );
    ws.write("bad.tsv", "q1\tfine\nno tab here\n");
    each_engine(|engine, archive| {
        ws.run(&["archive", "import", "feed.json", "--archive", archive])
            .success();
        let out = ws
            .run(&[
                "match",
                "--batch",
                "q.tsv",
                "--top",
                "1",
                "--archive",
                archive,
            ])
            .success();
        let lines: Vec<Value> = out.stdout.lines().map(json_of).collect();
        assert_eq!(lines.len(), 2, "{engine}");
        assert_eq!(lines[0]["query_id"], "q1");
        assert_eq!(lines[0]["results"][0]["url"], "https://desk.example/bleach");
        assert_eq!(lines[1]["query_id"], "q2");
        assert_eq!(lines[1]["results"][0]["url"], "https://desk.example/fries");
        assert_eq!(lines[1]["results"].as_array().unwrap().len(), 1);
        let bad = ws
            .run(&["match", "--batch", "bad.tsv", "--archive", archive])
            .code(2);
        assert!(
            bad.stderr.contains("`bad.tsv` line 2: no tab"),
            "{}",
            bad.stderr
        );
    });
}

#[test]
fn match_without_an_archive_says_how_to_make_one() {
    let ws = Ws::bare();
    let run = ws
        .run(&["match", "anything", "--archive", "none.sqlite"])
        .code(2);
    assert!(
        run.stderr.contains("no archive at `none.sqlite`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("factcheck archive import"),
        "{}",
        run.stderr
    );
}

fn bundled_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// MAP@5 of `match --batch` over `claim_id<TAB>query` lines, scored by claim id.
fn map_at_5(ws: &Ws, archive: &str, fixture: &str) -> f64 {
    let text = std::fs::read_to_string(bundled_root().join(fixture)).unwrap();
    let lines: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').unwrap())
        .collect();
    let batch: String = lines
        .iter()
        .enumerate()
        .map(|(i, (_, q))| format!("{i}\t{q}\n"))
        .collect();
    ws.write("zh.tsv", &batch);
    let out = ws
        .run(&["match", "--batch", "zh.tsv", "--archive", archive])
        .success();
    let mut total = 0.0;
    for (line, (gold, _)) in out.stdout.lines().zip(&lines) {
        let v = json_of(line);
        let ids: Vec<&str> = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["claim_id"].as_str().unwrap_or(""))
            .collect();
        if let Some(rank) = ids.iter().position(|id| id == gold) {
            total += 1.0 / (rank + 1) as f64;
        }
    }
    total / lines.len() as f64
}

#[test]
fn chinese_paraphrases_find_the_bundled_claims() {
    let ws = Ws::bare();
    let root = bundled_root().to_str().unwrap().to_string();
    each_engine(|engine, archive| {
        let add = ws
            .run(&["archive", "add", &root, "--archive", archive])
            .success();
        let claims = std::fs::read_dir(bundled_root().join("claims"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "yaml"))
            })
            .count();
        assert!(
            add.stderr.contains(&format!("{claims} added")),
            "{engine}: {}",
            add.stderr
        );
        let map = map_at_5(&ws, archive, "tests/fixtures/archive/zh-paraphrases.tsv");
        eprintln!("{engine}: MAP@5 {map:.3} on the Chinese paraphrases");
        assert!(map >= 0.85, "{engine}: MAP@5 {map:.3} < 0.85");
    });
}

#[test]
fn archive_add_reindexes_a_workspace_and_drops_removed_claims() {
    each_engine(|engine, archive| {
        let ws = Ws::with_article();
        let a = ws.claim("OpenAI于2024年5月14日发布GPT-4o。", "OpenAI发布GPT-4o");
        let b = ws.claim("Mira Murati宣布离开OpenAI。", "Mira Murati");
        ws.attach(&a, "supports");
        ws.run(&["mark", &a, "verified", "--note", "the launch page"])
            .success();
        ws.run(&[
            "mark",
            &b,
            "disputed",
            "--note",
            "she left in September",
            "--correction",
            "She left in September.",
        ])
        .success();
        let add = ws.run(&["archive", "add", "--archive", archive]).success();
        assert!(add.stderr.contains("2 added"), "{engine}: {}", add.stderr);
        let again = ws.run(&["archive", "add", "--archive", archive]).success();
        assert!(
            again.stderr.contains("0 added, 0 updated, 2 unchanged"),
            "{engine}: {}",
            again.stderr
        );
        let found = ws
            .run(&[
                "match",
                "Murati离开了OpenAI",
                "--archive",
                archive,
                "--format",
                "json",
            ])
            .success();
        let first = json_of(&found.stdout)["results"][0].clone();
        assert_eq!(first["claim_id"], b.as_str(), "{engine}: {first}");
        assert_eq!(first["verdict"], "disputed");
        assert_eq!(first["correction"], "She left in September.");
        assert_eq!(first["title"], "OpenAI高管震荡内幕");
        assert!(first["url"].as_str().unwrap().ends_with(&format!("#{b}")));

        ws.run(&["claim", "remove", &b, "--note", "a duplicate"])
            .success();
        let after = ws.run(&["archive", "add", "--archive", archive]).success();
        assert!(
            after.stderr.contains("1 removed"),
            "{engine}: {}",
            after.stderr
        );
        let gone = ws
            .run(&[
                "match",
                "Murati离开了OpenAI",
                "--archive",
                archive,
                "--format",
                "json",
            ])
            .success();
        let ids: Vec<Value> = json_of(&gone.stdout)["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["claim_id"].clone())
            .collect();
        assert!(!ids.contains(&json!(b)), "{engine}: {ids:?}");
    });
}

#[test]
fn claim_add_says_when_the_claim_was_checked_before() {
    let ws = Ws::with_article();
    ws.write(
        "earlier.json",
        &review(
            "https://desk.example/gpt-4o-launch",
            "OpenAI于2024年5月14日（北京时间）发布GPT-4o。",
            "GPT-4o的发布日期",
            "有误导",
            "2024-10-09",
        )
        .to_string(),
    );
    let archive = ws.join("archive.sqlite");
    let archive = archive.to_str().unwrap();
    // No archive: nothing said, nothing created.
    let quiet = ws
        .run(&[
            "claim",
            "add",
            "--text",
            "GPT-4o于2024年5月14日发布。",
            "--id",
            "quiet",
        ])
        .success();
    assert!(!quiet.stderr.contains("checked before"), "{}", quiet.stderr);

    ws.run(&["archive", "import", "earlier.json", "--archive", archive])
        .success();
    let env = [("FACTCHECK_ARCHIVE", archive)];
    let said = ws
        .run_with(
            &[
                "claim",
                "add",
                "--text",
                "OpenAI在2024年5月14日发布了GPT-4o。",
            ],
            &env,
        )
        .success();
    assert!(
        said.stderr.contains("checked before: OpenAI于2024年5月14日（北京时间）发布GPT-4o。 — rated 有误导 on 2024-10-09 by Desk (https://desk.example/gpt-4o-launch)"),
        "{}",
        said.stderr
    );
    let other = ws
        .run_with(&["claim", "add", "--text", "Mira Murati离开了公司。"], &env)
        .success();
    assert!(!other.stderr.contains("checked before"), "{}", other.stderr);
}

#[test]
fn report_lists_the_earlier_checks_a_claim_repeats() {
    let ws = Ws::with_article();
    ws.write(
        "earlier.json",
        &review(
            "https://desk.example/gpt-4o-launch",
            "OpenAI于2024年5月14日（北京时间）发布GPT-4o。",
            "GPT-4o的发布日期",
            "有误导",
            "2024-10-09",
        )
        .to_string(),
    );
    ws.run(&[
        "claim",
        "add",
        "--text",
        "OpenAI在2024年5月14日发布了GPT-4o。",
        "--id",
        "launch",
    ])
    .success();
    ws.run(&[
        "claim",
        "add",
        "--text",
        "Mira Murati离开了公司。",
        "--id",
        "murati",
    ])
    .success();
    // No archive: the report says nothing of earlier checks.
    let plain = ws.run(&["report"]).success();
    assert!(!plain.stdout.contains("Checked before"), "{}", plain.stdout);

    let archive = ws.join("archive.sqlite");
    let archive = archive.to_str().unwrap();
    ws.run(&["archive", "import", "earlier.json", "--archive", archive])
        .success();
    // The workspace's own claims in the archive are not earlier checks of themselves.
    ws.run(&["archive", "add", "--archive", archive]).success();
    let env = [("FACTCHECK_ARCHIVE", archive)];
    let report = ws.run_with(&["report"], &env).success();
    let line = "- **Checked before**: OpenAI于2024年5月14日（北京时间）发布GPT-4o。 · 有误导 · Desk · 2024-10-09 · <https://desk.example/gpt-4o-launch>";
    assert_eq!(
        report.stdout.matches("Checked before").count(),
        1,
        "{}",
        report.stdout
    );
    // Under the claim that repeats it, not under the other one.
    let at = report.stdout.find(line).expect(&report.stdout);
    let section = report.stdout[..at].rfind("### ").unwrap();
    assert!(
        report.stdout[section..at].contains("OpenAI在2024年5月14日发布了GPT-4o。"),
        "{}",
        report.stdout
    );
}
