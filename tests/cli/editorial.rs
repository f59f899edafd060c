//! The desk's rules that the audit found bent, each through the real binary
//! in an English and a Chinese workspace: stale verdicts, origins and
//! independence, a policy for `disputed`, the weighted recommendation,
//! coverage, and duplicate corrections.

use serde_json::Value;

use crate::support::Ws;

/// One article per language, with the words the tests quote.
struct Desk {
    ws: Ws,
    zh: bool,
}

const EN_ARTICLE: &str = "# Acme doubled its sales in 2024

Acme sold 2 million widgets in 2024, twice as many as in 2023, the company said on Monday.

The firm hired 1,200 engineers in March 2024, according to its annual report.

Its chief executive, Jane Roe, said the new plant in Ohio cost $3.4 billion.

Analysts expect revenue to grow 15% in 2025, to $9 billion.
";

const ZH_ARTICLE: &str = "# 某公司2024年销售额翻倍

某公司2024年售出200万件产品，是2023年的两倍。

该公司在2024年3月招聘了1200名工程师，年报显示。

首席执行官王明表示，俄亥俄州新工厂耗资34亿美元。

分析师预计该公司2025年收入将增长15%，达到90亿美元。
";

/// Quotes: [headline, lede, engineers, plant, forecast].
const EN_QUOTES: [&str; 5] = [
    "Acme doubled its sales in 2024",
    "Acme sold 2 million widgets in 2024",
    "hired 1,200 engineers in March 2024",
    "the new plant in Ohio cost $3.4 billion",
    "revenue to grow 15% in 2025",
];
const ZH_QUOTES: [&str; 5] = [
    "某公司2024年销售额翻倍",
    "某公司2024年售出200万件产品",
    "招聘了1200名工程师",
    "俄亥俄州新工厂耗资34亿美元",
    "2025年收入将增长15%",
];

impl Desk {
    fn new(zh: bool) -> Desk {
        Desk::with_article(zh, if zh { ZH_ARTICLE } else { EN_ARTICLE })
    }

    /// A desk in the language `zh` says, whose article is `article`.
    fn with_article(zh: bool, article: &str) -> Desk {
        let ws = Ws::bare();
        let mut init = vec!["init"];
        if zh {
            init.extend(["--language", "zh"]);
        }
        ws.run(&init).success();
        ws.write("article.md", article);
        ws.run(&["source", "add", "article.md", "--article"])
            .success();
        std::fs::remove_file(ws.join("article.md")).expect("remove");
        Desk { ws, zh }
    }

    fn both() -> [Desk; 2] {
        [Desk::new(false), Desk::new(true)]
    }

    /// Adds a claim on quote `i` and returns its id.
    fn claim(&self, i: usize) -> String {
        let quote = if self.zh { ZH_QUOTES[i] } else { EN_QUOTES[i] };
        self.ws.claim(&format!("claim {i}"), quote)
    }

    fn settings(&self, extra: &str) {
        let config = self.ws.read("factcheck.yaml");
        self.ws.write("factcheck.yaml", &format!("{config}{extra}"));
    }

    /// A source whose text is `contents`, with `source add` flags.
    fn source(&self, name: &str, contents: &str, flags: &[&str]) -> String {
        self.ws.write(name, contents);
        let mut args = vec!["source", "add", name];
        args.extend_from_slice(flags);
        let id = self.ws.run(&args).success().stdout.trim().to_string();
        std::fs::remove_file(self.ws.join(name)).expect("remove");
        id
    }

    fn evidence(&self, claim: &str, source: &str, stance: &str, excerpt: &str) {
        self.ws
            .run(&[
                "evidence",
                "add",
                claim,
                source,
                "--stance",
                stance,
                "--excerpt",
                excerpt,
            ])
            .success();
    }

    /// `check --format json`: the exit code and the problems' kinds with
    /// their messages.
    fn problems(&self) -> (i32, Vec<(String, String)>) {
        let run = self.ws.run(&["check", "--format", "json"]);
        let out: Value = serde_json::from_str(&run.stdout).expect("check prints JSON");
        let problems = out["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|p| {
                (
                    p["kind"].as_str().unwrap_or_default().to_string(),
                    p["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        (run.code, problems)
    }

    fn kinds(&self) -> Vec<String> {
        self.problems().1.into_iter().map(|(k, _)| k).collect()
    }

    /// `decision --format json`: the exit code and the recommendation.
    fn decision(&self) -> (i32, Value) {
        let run = self.ws.run(&["decision", "--format", "json"]);
        let out: Value = serde_json::from_str(&run.stdout).expect("decision prints JSON");
        (run.code, out["recommendation"].clone())
    }
}

/// The reason of `kind` in a recommendation, if any.
fn reason<'a>(rec: &'a Value, kind: &str) -> Option<&'a Value> {
    rec["reasons"]
        .as_array()?
        .iter()
        .find(|r| r["kind"] == kind)
}

fn numbers(reason: &Value) -> Vec<u64> {
    reason["numbers"]
        .as_array()
        .map(|n| n.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

const LATER: &str = "2026-11-29T09:00:00Z";
const LATEST: &str = "2026-11-30T09:00:00Z";

#[test]
fn a_verdict_older_than_its_claims_words_is_stale_until_marked_again() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let id = desk.claim(2);
        let card = desk.source("card.txt", "We hired 1,200 engineers in March.", &[]);
        desk.evidence(&id, &card, "supports", "hired 1,200 engineers");
        ws.run(&["mark", &id, "verified"]).success();
        assert!(desk.kinds().is_empty(), "{:?}", desk.problems());

        ws.run_with(
            &[
                "claim",
                "edit",
                &id,
                "--text",
                "Acme hired more than 1,000 engineers.",
            ],
            &[("FACTCHECK_NOW", LATER)],
        )
        .success();
        let (code, problems) = desk.problems();
        assert_eq!(code, 1);
        let (_, message) = problems
            .iter()
            .find(|(k, _)| k == "stale-verdict")
            .unwrap_or_else(|| panic!("no stale-verdict in {problems:?}"));
        let edited = if desk.zh {
            "2026-11-29 `text` 被修改"
        } else {
            "text edited on 2026-11-29"
        };
        assert!(
            message.contains("2026-11-28") && message.contains(edited),
            "{message}"
        );
        let (code, rec) = desk.decision();
        assert_eq!(code, 1);
        assert_eq!(rec["decision"], "hold");
        let editorial = reason(&rec, "editorial").expect("the stale verdict holds the piece");
        assert_eq!(numbers(editorial), vec![1]);

        // Marked again, the verdict is about the words it has.
        ws.run_with(&["mark", &id, "verified"], &[("FACTCHECK_NOW", LATEST)])
            .success();
        assert!(desk.kinds().is_empty(), "{:?}", desk.problems());
    }
}

#[test]
fn evidence_added_or_a_source_edited_after_the_verdict_makes_it_stale() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        desk.settings("policy:\n  verified:\n    min_sources: 1\n");
        let id = desk.claim(3);
        let a = desk.source("a.txt", "The plant in Ohio cost $3.4 billion.", &[]);
        desk.evidence(&id, &a, "supports", "cost $3.4 billion");
        ws.run(&["mark", &id, "verified"]).success();

        let b = desk.source("b.txt", "Ohio plant: $3.4 billion.", &[]);
        ws.run_with(
            &[
                "evidence",
                "add",
                &id,
                &b,
                "--stance",
                "refutes",
                "--excerpt",
                "$3.4 billion",
            ],
            &[("FACTCHECK_NOW", LATER)],
        )
        .success();
        let (_, problems) = desk.problems();
        assert!(
            problems.iter().any(|(k, m)| k == "stale-verdict"
                && if desk.zh {
                    m.contains("2026-11-29 新增来自") && m.contains("的反驳证据")
                } else {
                    m.contains("refutes evidence from") && m.contains("added on 2026-11-29")
                }),
            "{problems:?}"
        );
        ws.run_with(&["mark", &id, "verified"], &[("FACTCHECK_NOW", LATER)])
            .success();
        assert!(desk.kinds().is_empty(), "{:?}", desk.problems());

        // The policy reads the source's kind: editing it re-opens the verdict.
        ws.run_with(
            &["source", "edit", &a, "--kind", "wiki"],
            &[("FACTCHECK_NOW", LATEST)],
        )
        .success();
        let (code, problems) = desk.problems();
        assert_eq!(code, 1);
        assert!(
            problems.iter().any(|(k, m)| k == "stale-verdict"
                && m.contains(if desk.zh {
                    "的 `kind` 被修改"
                } else {
                    "kind edited on 2026-11-30"
                })),
            "{problems:?}"
        );
    }
}

#[test]
fn evidence_removed_by_hand_after_the_verdict_makes_it_stale() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let id = desk.claim(2);
        let a = desk.source("a.txt", "We hired 1,200 engineers in March.", &[]);
        let b = desk.source("b.txt", "Acme: 1,200 engineers hired.", &[]);
        desk.evidence(&id, &a, "supports", "1,200 engineers");
        desk.evidence(&id, &b, "supports", "1,200 engineers");
        ws.run(&["mark", &id, "verified"]).success();
        // The second item is cut out of the record, leaving its history.
        let path = ws.claim_file(&id);
        let text = ws.read(&path);
        let second = text
            .match_indices("  - source: ")
            .nth(1)
            .expect("two items")
            .0;
        let history = text.find("history:\n").expect("history");
        ws.write(&path, &format!("{}{}", &text[..second], &text[history..]));
        let (code, problems) = desk.problems();
        assert_eq!(code, 1);
        assert!(
            problems.iter().any(|(k, m)| k == "stale-verdict"
                && m.contains(&if desk.zh {
                    format!(
                        "来自 `{}` 的支持证据此后被删除",
                        &b.trim_start_matches("sha256:")[..12]
                    )
                } else {
                    format!(
                        "supports evidence from `{}` removed since",
                        &b.trim_start_matches("sha256:")[..12]
                    )
                })),
            "{problems:?}"
        );
    }
}

#[test]
fn sources_relaying_one_origin_count_once_and_the_refusal_names_it() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        desk.settings("policy:\n  verified:\n    min_sources: 2\n    independent_by: publisher\n");
        let id = desk.claim(2);
        let mint = desk.source(
            "mint.txt",
            "Acme hired 1,200 engineers, the Journal reported.",
            &["--publisher", "Mint", "--origin", "Wall Street Journal"],
        );
        let dpa = desk.source(
            "dpa.txt",
            "Acme stellte 1,200 engineers ein.",
            &["--publisher", "dpa-AFX"],
        );
        ws.run(&["source", "edit", &dpa, "--origin", "wall street journal"])
            .success();
        desk.evidence(&id, &mint, "supports", "1,200 engineers");
        desk.evidence(&id, &dpa, "supports", "1,200 engineers");
        let before = ws.files();
        let run = ws.run(&["mark", &id, "verified"]).code(1);
        let expected: &[&str] = if desk.zh {
            &["现有 1 个", "转述同一出处 `wall street journal`，只算一个"]
        } else {
            &["has 1", "relay one origin, `wall street journal`"]
        };
        assert!(
            expected
                .iter()
                .all(|e| run.stderr.to_lowercase().contains(e)),
            "{}",
            run.render()
        );
        assert_eq!(before, ws.files(), "a refused verdict changes nothing");

        // `source show` and the record carry the origin.
        let show = ws.run(&["source", "show", &mint]).success();
        assert!(
            show.stdout.contains("Wall Street Journal"),
            "{}",
            show.stdout
        );

        // A source of another origin makes two.
        let own = desk.source(
            "own.txt",
            "We hired 1,200 engineers in March.",
            &["--publisher", "Acme"],
        );
        desk.evidence(&id, &own, "supports", "1,200 engineers");
        ws.run(&["mark", &id, "verified"]).success();
    }
}

#[test]
fn an_excerpt_that_relays_another_outlet_without_an_origin_is_flagged() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let id = desk.claim(3);
        let (text, excerpt) = if desk.zh {
            (
                "据《华尔街日报》报道，俄亥俄州新工厂耗资34亿美元。",
                "据《华尔街日报》报道，俄亥俄州新工厂耗资34亿美元",
            )
        } else {
            (
                "The Ohio plant cost $3.4 billion, according to the Wall Street Journal.",
                "cost $3.4 billion, according to the Wall Street Journal",
            )
        };
        let relay = desk.source("relay.txt", text, &["--publisher", "Daily Digest"]);
        desk.evidence(&id, &relay, "supports", excerpt);
        let (code, problems) = desk.problems();
        assert_eq!(code, 1);
        let (_, message) = problems
            .iter()
            .find(|(k, _)| k == "no-origin")
            .unwrap_or_else(|| panic!("no no-origin in {problems:?}"));
        assert!(message.contains("华尔街日报") || message.contains("Wall Street Journal"));
        let outlet = if desk.zh {
            "华尔街日报"
        } else {
            "Wall Street Journal"
        };
        ws.run(&["source", "edit", &relay, "--origin", outlet])
            .success();
        assert!(
            !desk.kinds().contains(&"no-origin".to_string()),
            "{:?}",
            desk.problems()
        );
    }
}

#[test]
fn a_policy_for_disputed_refuses_a_verdict_resting_on_a_wiki() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        desk.settings("policy:\n  disputed:\n    min_sources: 1\n    not_counted: [wiki]\n");
        let id = desk.claim(3);
        let wiki = desk.source(
            "wiki.txt",
            "The Ohio plant cost $1.2 billion.",
            &["--kind", "wiki"],
        );
        desk.evidence(&id, &wiki, "refutes", "$1.2 billion");
        let before = ws.files();
        let run = ws
            .run(&["mark", &id, "disputed", "--note", "the wiki says less"])
            .code(1);
        let expected: &[&str] = if desk.zh {
            &[
                "按核查台的规定，不能把说法",
                "需要 1 个独立的反驳来源；现有 0 个",
                "属于 `wiki` 类来源，不计入",
            ]
        } else {
            &[
                "disputed under the desk's policy",
                "needs 1 independent refuting source; has 0",
                "is a wiki and does not count",
            ]
        };
        assert!(
            expected.iter().all(|e| run.stderr.contains(e)),
            "{}",
            run.render()
        );
        assert_eq!(before, ws.files(), "a refused verdict changes nothing");

        let filing = desk.source(
            "filing.txt",
            "Plant in Ohio: $1.2 billion.",
            &["--kind", "primary"],
        );
        desk.evidence(&id, &filing, "refutes", "$1.2 billion");
        ws.run(&["mark", &id, "disputed", "--correction", "$1.2 billion"])
            .success();
        assert!(desk.kinds().is_empty(), "{:?}", desk.problems());

        // The filing turns out to be a wiki copy: check reports the verdict.
        ws.run(&["source", "edit", &filing, "--kind", "wiki"])
            .success();
        let kinds = desk.kinds();
        assert!(kinds.contains(&"policy".to_string()), "{kinds:?}");
    }
}

#[test]
fn without_a_disputed_policy_a_note_still_suffices() {
    let desk = Desk::new(false);
    let id = desk.claim(3);
    desk.ws
        .run(&[
            "mark",
            &id,
            "disputed",
            "--note",
            "the filing says less",
            "--correction",
            "less",
        ])
        .success();
}

/// Claims on every quote; the headline disputed, the others verified.
fn headline_disputed(desk: &Desk) -> Vec<String> {
    let ws = &desk.ws;
    let ids: Vec<String> = (0..5).map(|i| desk.claim(i)).collect();
    let card = desk.source("card.txt", "Everything checks out.", &[]);
    for (i, id) in ids.iter().enumerate() {
        if i == 0 {
            ws.run(&[
                "mark",
                id,
                "disputed",
                "--note",
                "sales rose by half",
                "--correction",
                "Acme's sales rose by half",
            ])
            .success();
        } else {
            desk.evidence(id, &card, "supports", "checks out");
            ws.run(&["mark", id, "verified"]).success();
        }
    }
    ids
}

#[test]
fn a_disputed_headline_holds_the_piece_and_names_its_number() {
    for desk in Desk::both() {
        headline_disputed(&desk);
        let (code, rec) = desk.decision();
        assert_eq!(code, 1);
        assert_eq!(rec["decision"], "hold");
        let first = &rec["reasons"][0];
        assert_eq!(first["kind"], "headline-disputed", "{rec:#}");
        assert_eq!(numbers(first), vec![1]);

        let text = desk.ws.run(&["decision"]).code(1).stdout;
        let expected = if desk.zh {
            "建议：暂缓发表\n- 标题或导语中有争议的说法：1 条（#1）\n"
        } else {
            "recommendation: hold\n- the headline or lede says what the desk disputes: 1 (#1)\n"
        };
        assert!(text.starts_with(expected), "{text}");
        if desk.zh {
            assert!(
                text.contains("覆盖：") && text.contains("核查台结论："),
                "{text}"
            );
        }
    }
}

#[test]
fn a_disputed_lede_claim_holds_the_piece_too() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let id = desk.claim(1);
        ws.run(&[
            "mark",
            &id,
            "disputed",
            "--note",
            "fewer",
            "--correction",
            "fewer",
        ])
        .success();
        let (_, rec) = desk.decision();
        let r = reason(&rec, "headline-disputed").expect("the lede holds");
        assert_eq!(numbers(r), vec![1]);
    }
}

#[test]
fn more_disputed_than_the_desk_allows_holds_the_piece() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let ids: Vec<String> = (2..5).map(|i| desk.claim(i)).collect();
        for id in &ids[..2] {
            ws.run(&[
                "mark",
                id,
                "disputed",
                "--note",
                "wrong",
                "--correction",
                &format!("right {id}"),
            ])
            .success();
        }
        ws.run(&["mark", &ids[2], "unverifiable", "--note", "no source"])
            .success();
        let (code, rec) = desk.decision();
        assert_eq!(code, 1);
        assert_eq!(rec["decision"], "publish-with-corrections", "{rec:#}");

        desk.settings("policy:\n  decision:\n    max_disputed_share: 0.5\n");
        let (code, rec) = desk.decision();
        assert_eq!(code, 1);
        assert_eq!(rec["decision"], "hold");
        let r = reason(&rec, "many-disputed").expect("many disputed");
        assert_eq!(numbers(r), vec![1, 2]);
        assert_eq!(r["count"], 2);
    }
}

#[test]
fn a_share_outside_zero_to_one_is_refused_naming_the_file() {
    let desk = Desk::new(false);
    desk.settings("policy:\n  decision:\n    min_coverage: 80\n");
    let run = desk.ws.run(&["decision"]).code(2);
    assert!(
        run.stderr.contains("factcheck.yaml") && run.stderr.contains("not a share from 0 to 1"),
        "{}",
        run.render()
    );
}

#[test]
fn coverage_lists_unclaimed_sentences_and_keeps_dismissals() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let id = desk.claim(2);
        let card = desk.source("card.txt", "We hired 1,200 engineers in March.", &[]);
        desk.evidence(&id, &card, "supports", "hired 1,200 engineers");
        ws.run(&["mark", &id, "verified"]).success();

        let listed: Value = serde_json::from_str(
            &ws.run(&["extract", "--unclaimed", "--format", "json"])
                .success()
                .stdout,
        )
        .expect("JSON");
        let listed = listed.as_array().expect("a list").clone();
        assert!(!listed.is_empty());
        let quote = if desk.zh { ZH_QUOTES[2] } else { EN_QUOTES[2] };
        assert!(
            listed
                .iter()
                .all(|s| s["checkworthy"] == true && !s["text"].as_str().unwrap().contains(quote)),
            "{listed:#?}"
        );
        let (_, rec) = desk.decision();
        let worthy = rec["coverage"]["checkworthy"].as_u64().expect("coverage");
        assert_eq!(rec["coverage"]["claimed"], 1);
        assert_eq!(worthy as usize, listed.len() + 1);

        desk.settings("policy:\n  decision:\n    min_coverage: 0.9\n");
        let (code, rec) = desk.decision();
        assert_eq!(code, 1);
        assert_eq!(rec["decision"], "hold");
        let r = reason(&rec, "coverage").expect("coverage holds");
        let expected = if desk.zh {
            format!("{worthy} 个值得核查的句子中 1 个已有说法；0 个已排除")
        } else {
            format!("1 of {worthy} check-worthy sentences has a claim; 0 dismissed")
        };
        assert!(r["text"].as_str().unwrap().contains(&expected), "{r:#}");

        // A dismissal without a reason is refused; with one it is kept.
        let before = ws.files();
        ws.run(&["extract", "--dismiss", "1"]).code(2);
        ws.run(&["extract", "--dismiss", "99", "--note", "x"])
            .code(2);
        assert_eq!(before, ws.files());
        for _ in 0..listed.len() {
            ws.run(&[
                "extract",
                "--dismiss",
                "1",
                "--note",
                "forecast, not a fact",
            ])
            .success();
        }
        let record = ws.read("dismissed.yaml");
        assert!(
            record.starts_with("dismissed:\n  - source: sha256:"),
            "{record}"
        );
        assert_eq!(record.matches("note: ").count(), listed.len());
        // Dismissing it twice is refused, and changes nothing.
        let text = listed[0]["text"].as_str().unwrap();
        let before = ws.files();
        ws.run(&["extract", "--dismiss", text, "--note", "again"])
            .code(1);
        assert_eq!(before, ws.files());

        let (code, rec) = desk.decision();
        assert!(reason(&rec, "coverage").is_none(), "{rec:#}");
        assert_eq!(code, 0, "{rec:#}");
        let report = ws.run(&["report"]).success().stdout;
        let heading = if desk.zh {
            "已排除的值得核查的句子"
        } else {
            "Check-worthy sentences dismissed"
        };
        assert!(
            report.contains(heading) && report.contains("forecast, not a fact"),
            "{report}"
        );
        let stated = if desk.zh {
            format!("**核查覆盖**：{worthy} 个值得核查的句子中 1 个已有说法；")
        } else {
            format!("**Coverage**: 1 of {worthy} check-worthy sentences has a claim;")
        };
        assert!(report.contains(&stated), "{report}");
    }
}

/// Coverage counted a sentence from a score of 0.5 while `extract` marked
/// it check-worthy from its calibrated threshold, so `extract` could mark a
/// sentence that `--unclaimed` and the report's coverage left out.
#[test]
fn coverage_counts_the_sentences_extract_marks_checkworthy() {
    let texts = [
        (
            false,
            "# The bridge\n\nIt is a fine day.\n\nUnemployment fell last year, the minister said.\n\nThe bridge cost more than planned.\n",
        ),
        (
            true,
            "# 某大桥\n\n今天天气不错。\n\n那融资这边，OpenAI一直就没有闲着。\n",
        ),
    ];
    for (zh, text) in texts {
        let desk = Desk::with_article(zh, text);
        let ws = &desk.ws;
        let all: Value = serde_json::from_str(
            &ws.run(&["extract", "--top", "100", "--format", "json"])
                .success()
                .stdout,
        )
        .expect("JSON");
        let marked: Vec<&str> = all
            .as_array()
            .expect("a list")
            .iter()
            .filter(|c| c["checkworthy"] == true)
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        // The band the two disagreed on: marked, yet below 0.5.
        assert!(
            all.as_array()
                .unwrap()
                .iter()
                .any(|c| c["checkworthy"] == true && c["score"].as_f64().unwrap() < 0.5),
            "{all:#}"
        );
        let unclaimed: Value = serde_json::from_str(
            &ws.run(&["extract", "--unclaimed", "--format", "json"])
                .success()
                .stdout,
        )
        .expect("JSON");
        let listed: Vec<&str> = unclaimed
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        assert_eq!(listed, marked);
        let (_, rec) = desk.decision();
        let worthy = &rec["coverage"]["checkworthy"];
        assert_eq!(worthy.as_u64(), Some(marked.len() as u64), "{rec:#}");
    }
}

#[test]
fn a_broken_dismissed_record_is_a_problem_naming_its_line() {
    let desk = Desk::new(true);
    desk.ws.write(
        "dismissed.yaml",
        "dismissed:\n  - source: sha256:00\n    exact: x\n    nope: 1\n",
    );
    let run = desk.ws.run(&["check"]).code(1);
    assert!(run.stdout.contains("dismissed.yaml:"), "{}", run.render());
    assert_eq!(desk.kinds(), vec!["yaml".to_string()]);
    let run = desk.ws.run(&["decision"]).code(2);
    assert!(run.stderr.contains("dismissed.yaml"), "{}", run.render());
}

#[test]
fn one_correction_for_claims_on_different_words_is_a_duplicate() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let a = desk.claim(2);
        let b = desk.claim(3);
        for (id, correction) in [
            (&a, "Acme hired  about 1,000."),
            (&b, "Acme hired about\n1,000."),
        ] {
            ws.run(&[
                "mark",
                id,
                "disputed",
                "--note",
                "wrong",
                "--correction",
                correction,
            ])
            .success();
        }
        let (code, problems) = desk.problems();
        assert_eq!(code, 1);
        let dups: Vec<&String> = problems
            .iter()
            .filter(|(k, _)| k == "duplicate-correction")
            .map(|(_, m)| m)
            .collect();
        assert_eq!(dups.len(), 2, "{problems:?}");
        assert!(dups.iter().any(|m| m.contains(&b)), "{dups:?}");
        // Still found once the claims are in the check's cache.
        assert_eq!(
            desk.kinds()
                .iter()
                .filter(|k| *k == "duplicate-correction")
                .count(),
            2
        );
        let (_, rec) = desk.decision();
        let r = reason(&rec, "editorial").expect("holds");
        assert_eq!(numbers(r), vec![1, 2]);
    }
}

#[test]
fn one_correction_for_overlapping_quotes_is_one_row_naming_both() {
    for desk in Desk::both() {
        let ws = &desk.ws;
        let quote = if desk.zh { ZH_QUOTES[3] } else { EN_QUOTES[3] };
        let a = ws.claim("the plant cost", quote);
        let part = if desk.zh {
            "耗资34亿美元"
        } else {
            "cost $3.4 billion"
        };
        let b = ws.claim("the cost", part);
        for id in [&a, &b] {
            ws.run(&[
                "mark",
                id,
                "disputed",
                "--note",
                "wrong",
                "--correction",
                "$1.2 billion",
            ])
            .success();
        }
        assert!(desk.kinds().is_empty(), "{:?}", desk.problems());
        let report = ws.run(&["report"]).success().stdout;
        let sep = if desk.zh { "、" } else { ", " };
        assert!(report.contains(&format!("| 1{sep}2 |")), "{report}");
        assert_eq!(report.matches("1.2 billion |").count(), 1, "{report}");
    }
}

/// A correction pasted on many claims makes one problem per claim, each
/// naming three of the others and counting the rest, so the output grows
/// with the number of claims, not with its square.
#[test]
fn a_correction_pasted_on_many_claims_names_three_others_and_counts_the_rest() {
    let desk = Desk::new(false);
    let ws = &desk.ws;
    let ids: Vec<String> = (0..5).map(|i| desk.claim(i)).collect();
    for id in &ids {
        ws.run(&[
            "mark",
            id,
            "disputed",
            "--note",
            "wrong",
            "--correction",
            "Acme hired about 1,000.",
        ])
        .success();
    }
    let (_, problems) = desk.problems();
    let dups: Vec<&String> = problems
        .iter()
        .filter(|(k, _)| k == "duplicate-correction")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(dups.len(), 5, "{problems:?}");
    for m in dups {
        assert_eq!(m.matches('`').count(), 6, "three ids named: {m}");
        assert!(m.contains(" and 1 more, on other words"), "{m}");
    }
}
