//! `source watch`: a corpus of cited pages served from loopback, fetched,
//! cited, judged, then changed (dates and ads only, an edited sentence, a
//! 404, a redirect elsewhere, a "not found" template, a host that stops
//! answering) and watched; `check` and the report must name the claims.

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::server::{Reply, Server};
use crate::support::*;

const LATER: &str = "2026-12-01T02:00:00Z";

const NINE: &str = "The safety team had only nine days to test the model before launch.";
const TEN: &str = "The safety team had only ten days to test the model before launch.";

/// An article page: `byline` and `aside` are what a site changes every day.
fn article(title: &str, sentence: &str, byline: &str, aside: &str, extra: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>{title} | Example Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a> <a href="/about">About</a></nav>
<aside class="ad sidebar"><p>{aside}</p></aside>
<main><article><h1>{title}</h1>
<p class="byline">By Jane Doe · {byline}</p>
<p>{sentence} People familiar with the process said the schedule was set by the launch date rather than by the tests themselves.</p>
<p>Staff worked long hours through the spring to prepare the release, and several members of the team later said that the schedule left too little room for a careful evaluation of the risks involved.</p>
<p>The company said that its safety processes had been followed and that no corners had been cut, adding that it had since expanded the team responsible for testing new models.</p>
{extra}</article></main>
<footer><p>© Example Daily · Terms · Privacy · 1,204 comments</p></footer></body></html>"#
    )
}

fn page(title: &str, sentence: &str) -> String {
    article(
        title,
        sentence,
        "Updated May 13, 2024 10:32 GMT · 1,204 comments",
        "Advertisement: Buy shoes today, 20% off",
        "",
    )
}

const NOT_FOUND: &str = r#"<!DOCTYPE html><html><head><title>Page not found | Example Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><h1>Sorry, we can't find that page</h1>
<p>The page you are looking for does not exist or has been removed. Try the home page or search.</p></main></body></html>"#;

const HOME: &str = r#"<!DOCTYPE html><html><head><title>Example Daily</title></head><body><main><h1>Today's stories</h1>
<p>Markets rallied on Monday as investors weighed the latest figures on inflation and employment across the region's largest economies.</p>
<p>In sport, the home side won the cup final after extra time in front of a record crowd at the national stadium.</p></main></body></html>"#;

/// The corpus: each path's page before (`phase` 0) and after (1).
fn corpus(phase: Arc<AtomicUsize>) -> Server {
    Server::start(move |path| {
        let after = phase.load(Ordering::SeqCst) > 0;
        let html = |body: String| Reply::ok("text/html; charset=utf-8", body.as_bytes());
        match (path, after) {
            ("/boilerplate", false) => html(page("Nine days", NINE)),
            ("/boilerplate", true) => html(article(
                "Nine days",
                NINE,
                "Updated Dec 1, 2026 08:05 GMT · 1,388 comments",
                "Advertisement: New phones, free delivery this week only",
                "",
            )),
            ("/edited", false) => html(page("The testing window", NINE)),
            ("/edited", true) => html(page("The testing window", TEN)),
            ("/edited-too", false) => html(page("Nine days, again", NINE)),
            ("/edited-too", true) => html(page("Nine days, again", TEN)),
            ("/extended", false) => html(page("A short test", NINE)),
            ("/extended", true) => html(article(
                "A short test",
                NINE,
                "Updated May 13, 2024 10:32 GMT",
                "Advertisement: Buy shoes today, 20% off",
                "<p>Update: after publication, a spokesperson for the company declined to say how long later models had been tested for, or by whom.</p>",
            )),
            ("/removed", false) => html(page("Removed story", NINE)),
            ("/removed", true) => Reply::new(
                "404 Not Found",
                &[("Content-Type", "text/html")],
                NOT_FOUND.as_bytes(),
            ),
            ("/relocated", false) => html(page("Relocated story", NINE)),
            ("/relocated", true) => Reply::redirect("301 Moved Permanently", "/"),
            ("/templated", false) => html(page("Templated story", NINE)),
            ("/templated", true) => html(NOT_FOUND.to_string()),
            ("/paper.pdf", false) => Reply::ok("application/pdf", b"%PDF-1.4 nine days"),
            ("/paper.pdf", true) => Reply::ok("application/pdf", b"%PDF-1.4 ten days"),
            ("/", _) => html(HOME.to_string()),
            _ => Reply::new("404 Not Found", &[], b"no"),
        }
    })
}

/// A port nothing listens on: connecting is refused.
fn dead_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.local_addr().expect("addr").port()
}

/// Fetches `url`, makes a claim citing `NINE` on it, and marks it verified.
fn cite(ws: &Ws, id: &str, url: &str) -> String {
    let source = ws
        .run(&["source", "fetch", url])
        .success()
        .stdout
        .trim()
        .to_string();
    verdict(ws, id, &source);
    source
}

fn verdict(ws: &Ws, id: &str, source: &str) {
    // Each its own words: the same text twice is one claim, whatever the id.
    let text = format!("Nine days of tests ({id}).");
    ws.run(&["claim", "add", "--id", id, "--text", &text])
        .success();
    ws.run(&[
        "evidence",
        "add",
        id,
        source,
        "--stance",
        "supports",
        "--excerpt",
        NINE,
    ])
    .success();
    ws.run(&["mark", id, "verified", "--note", "The page says so."])
        .success();
}

fn later(ws: &Ws, args: &[&str]) -> Run {
    ws.run_with(args, &[("FACTCHECK_NOW", LATER)])
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.render()))
}

fn outcome_of(out: &serde_json::Value, path: &str) -> String {
    out["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["url"].as_str().unwrap().ends_with(path))
        .unwrap_or_else(|| panic!("no {path} in {out}"))["outcome"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_class_comes_out_right_and_verdicts_learn_of_it() {
    let phase = Arc::new(AtomicUsize::new(0));
    let server = corpus(Arc::clone(&phase));
    let ws = Ws::new();
    for (id, path) in [
        ("boilerplate", "/boilerplate"),
        ("edited", "/edited"),
        ("extended", "/extended"),
        ("removed", "/removed"),
        ("relocated", "/relocated"),
        ("templated", "/templated"),
    ] {
        cite(&ws, id, &server.url(path));
    }
    // A page kept with its URL, on a host that no longer answers.
    let dead = format!("http://127.0.0.1:{}/story", dead_port());
    ws.write("story.html", &page("Offline story", NINE));
    let kept = ws
        .run(&["source", "add", "story.html", "--url", &dead])
        .success()
        .stdout
        .trim()
        .to_string();
    verdict(&ws, "offline", &kept);
    ws.run(&["check"]).success();

    // Nothing changed yet: every page is unchanged and no verdict is touched.
    let first = later(
        &ws,
        &[
            "source", "watch", "--all", "--delay", "0s", "--format", "json",
        ],
    );
    let out = json(&first);
    assert_eq!(first.code, 0, "{}", first.render());
    assert_eq!(outcome_of(&out, "/edited"), "unchanged");
    assert_eq!(outcome_of(&out, "/story"), "unreachable");

    phase.store(1, Ordering::SeqCst);
    let run = later(
        &ws,
        &[
            "source", "watch", "--all", "--delay", "0s", "--format", "json",
        ],
    );
    let out = json(&run);
    let expect = [
        ("/boilerplate", "unchanged"),
        ("/edited", "excerpt-changed"),
        ("/extended", "changed"),
        ("/removed", "gone"),
        ("/relocated", "moved"),
        ("/templated", "soft-404"),
        ("/story", "unreachable"),
    ];
    for (path, outcome) in expect {
        assert_eq!(outcome_of(&out, path), outcome, "{path}: {}", run.render());
    }
    assert_eq!(run.code, 1, "{}", run.render());
    let affected: Vec<&str> = out["affected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["claim"].as_str().unwrap())
        .collect();
    assert_eq!(affected, ["edited", "relocated", "removed", "templated"]);
    let edited = out["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["outcome"] == "excerpt-changed")
        .unwrap();
    assert_eq!(edited["excerpts"][0]["found"], false);
    assert_eq!(edited["excerpts"][0]["closest"], TEN);
    assert_eq!(
        edited["excerpts"][0]["diff"],
        "The safety team had only [-nine-]{+ten+} days to test the model before launch."
    );
    assert!(edited["capture"].as_str().unwrap().starts_with("sha256:"));

    // The text a person reads, the same run again an hour later.
    let text = ws.run_with(
        &["source", "watch", "--all", "--delay", "0s"],
        &[("FACTCHECK_NOW", "2026-12-01T03:00:00Z")],
    );
    // Ports only where they stand (after `:`), so no digits of a hash are touched.
    let dead_port = dead.rsplit_once(':').unwrap().1.trim_end_matches("/story");
    let shown = text
        .render()
        .replace(&format!(":{}", server.port()), ":[PORT]")
        .replace(&format!(":{dead_port}"), ":[DEAD]");
    insta::assert_snapshot!(shown);

    // `check` names the claims, with the dates; the others stay clean.
    let check = later(&ws, &["check"]).code(1);
    for id in ["edited", "relocated"] {
        assert!(
            check
                .stdout
                .lines()
                .any(|l| l.starts_with(&format!("claims/{id}.yaml"))
                    && (l.contains("no longer on the page") || l.contains("moved to"))),
            "{id}: {}",
            check.render()
        );
    }
    for id in ["removed", "templated"] {
        assert!(
            check
                .stdout
                .lines()
                .any(|l| l.starts_with(&format!("claims/{id}.yaml"))
                    && (l.contains("is gone") || l.contains("not found"))),
            "{id}: {}",
            check.render()
        );
    }
    for id in ["boilerplate", "extended", "offline"] {
        assert!(
            !check.stdout.contains(&format!("claims/{id}.yaml")),
            "{id}: {}",
            check.render()
        );
    }
    assert!(check.stdout.contains("2026-12-01"), "{}", check.render());
    let json_check = json(&later(&ws, &["check", "--format", "json"]));
    let kinds: Vec<&str> = json_check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "evidence-changed",
            "evidence-changed",
            "evidence-gone",
            "evidence-gone"
        ],
        "{json_check}"
    );

    // The report has the section and names the claims; the recommendation holds.
    let report = later(&ws, &["report"]).success();
    let section = report
        .stdout
        .split("Evidence changed since the verdict")
        .nth(1)
        .unwrap_or_else(|| panic!("no section:\n{}", report.stdout));
    for id in ["edited", "relocated", "removed", "templated"] {
        assert!(section.contains(id), "{id}:\n{section}");
    }
    let decision = later(&ws, &["decision"]);
    assert_ne!(decision.code, 0, "{}", decision.render());

    // Re-reviewed: marking again clears the claim.
    ws.run_with(
        &[
            "mark",
            "edited",
            "verified",
            "--note",
            "Ten days is still the point.",
        ],
        &[("FACTCHECK_NOW", "2026-12-02T09:00:00Z")],
    )
    .success();
    let check = ws
        .run_with(&["check"], &[("FACTCHECK_NOW", "2026-12-02T09:00:00Z")])
        .code(1);
    assert!(
        !check.stdout.contains("claims/edited.yaml"),
        "{}",
        check.render()
    );
}

#[test]
fn no_verdict_is_flagged_when_only_boilerplate_changed() {
    let phase = Arc::new(AtomicUsize::new(0));
    let server = corpus(Arc::clone(&phase));
    let ws = Ws::new();
    let source = cite(&ws, "boilerplate", &server.url("/boilerplate"));
    let before = ws.read(&format!("sources/{}.yaml", &source[7..]));
    phase.store(1, Ordering::SeqCst);
    let run = later(
        &ws,
        &[
            "source",
            "watch",
            &server.url("/boilerplate"),
            "--delay",
            "0s",
        ],
    )
    .success();
    assert!(run.stdout.starts_with("unchanged"), "{}", run.render());
    assert!(
        run.stderr.contains("no verdict is affected"),
        "{}",
        run.render()
    );
    later(&ws, &["check"]).success();
    let report = later(&ws, &["report"]).success();
    assert!(
        !report.stdout.contains("Evidence changed"),
        "{}",
        report.stdout
    );
    // The snapshot cited keeps its bytes; its record gains the watch.
    let after = ws.read(&format!("sources/{}.yaml", &source[7..]));
    assert!(after.starts_with(&before.trim_end().to_string()) || after.contains("watch:"));
    assert!(after.contains("outcome: unchanged"), "{after}");
}

#[test]
fn a_host_that_stops_answering_is_unreachable_then_gone() {
    let ws = Ws::new();
    let dead = format!("http://127.0.0.1:{}/story", dead_port());
    ws.write("story.html", &page("Nine days", NINE));
    let kept = ws
        .run(&["source", "add", "story.html", "--url", &dead])
        .success()
        .stdout
        .trim()
        .to_string();
    verdict(&ws, "offline", &kept);
    let watch_at = |now: &str| {
        ws.run_with(
            &[
                "source", "watch", "--all", "--delay", "0s", "--format", "json",
            ],
            &[("FACTCHECK_NOW", now)],
        )
    };
    for now in ["2026-12-01T02:00:00Z", "2026-12-04T02:00:00Z"] {
        let run = watch_at(now).success();
        assert_eq!(outcome_of(&json(&run), "/story"), "unreachable");
        ws.run_with(&["check"], &[("FACTCHECK_NOW", now)]).success();
    }
    // A third failure, a week after the first: the host no longer answers.
    let run = watch_at("2026-12-09T02:00:00Z").code(1);
    assert_eq!(outcome_of(&json(&run), "/story"), "gone");
    let check = ws
        .run_with(&["check"], &[("FACTCHECK_NOW", "2026-12-09T02:00:00Z")])
        .code(1);
    assert!(
        check
            .stdout
            .contains("the page is gone: the host no longer answers"),
        "{}",
        check.render()
    );
}

#[test]
fn a_gone_page_gets_its_nearest_archived_copy() {
    let phase = Arc::new(AtomicUsize::new(0));
    let server = corpus(Arc::clone(&phase));
    let archive = Server::start(|path| {
        if path.starts_with("/cdx/search/cdx?") && path.contains("closest=20261128100000") {
            Reply::ok(
                "application/json",
                br#"[["timestamp","original","statuscode"],["20240513093000","http://news.test/removed","200"]]"#,
            )
        } else {
            Reply::new("400 Bad Request", &[], b"bad query")
        }
    });
    let ws = Ws::new();
    ws.write(
        "factcheck.yaml",
        &format!(
            "{}watch:\n  archive_lookup: {}\n",
            ws.read("factcheck.yaml"),
            archive.url("/cdx/search/cdx")
        ),
    );
    cite(&ws, "removed", &server.url("/removed"));
    phase.store(1, Ordering::SeqCst);
    let run = later(
        &ws,
        &[
            "source", "watch", "--all", "--delay", "0s", "--format", "json",
        ],
    )
    .code(1);
    let out = json(&run);
    let archived = &out["sources"][0]["archived"];
    assert_eq!(
        archived["url"]
            .as_str()
            .unwrap()
            .replace(&archive.port().to_string(), "[PORT]"),
        "http://127.0.0.1:[PORT]/web/20240513093000/http://news.test/removed"
    );
    assert_eq!(archived["at"], "2024-05-13T09:30:00Z");
    let asked = String::from_utf8_lossy(&archive.requests()[0]).into_owned();
    assert!(
        asked.contains(&format!(
            "url=http%3A%2F%2F127.0.0.1%3A{}%2Fremoved",
            server.port()
        )),
        "{asked}"
    );
}

#[test]
fn watch_without_targets_is_refused() {
    let ws = Ws::new();
    let run = ws.run(&["source", "watch"]).code(2);
    assert!(run.stderr.contains("--all"), "{}", run.render());
    let run = ws
        .run(&["source", "watch", "--all", "--since", "soon"])
        .code(2);
    assert!(run.stderr.contains("not a duration"), "{}", run.render());
}

#[test]
fn since_skips_pages_seen_recently() {
    let phase = Arc::new(AtomicUsize::new(0));
    let server = corpus(Arc::clone(&phase));
    let ws = Ws::new();
    cite(&ws, "edited", &server.url("/edited"));
    phase.store(1, Ordering::SeqCst);
    // Captured at NOW; three days later, `--since 7d` leaves it alone.
    let run = later(&ws, &["source", "watch", "--all", "--since", "7d"]).success();
    assert!(run.stderr.contains("nothing to watch"), "{}", run.render());
    let run = later(
        &ws,
        &["source", "watch", "--all", "--since", "1d", "--delay", "0s"],
    )
    .code(1);
    assert!(
        run.stdout.starts_with("excerpt-changed"),
        "{}",
        run.render()
    );
}

#[test]
fn retry_after_is_honoured() {
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&hits);
    let phase = Arc::new(AtomicUsize::new(0));
    let p = Arc::clone(&phase);
    let server = Server::start(move |_| {
        if p.load(Ordering::SeqCst) > 0 && seen.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::new(
                "429 Too Many Requests",
                &[("Retry-After", "1")],
                b"slow down",
            )
        } else {
            Reply::ok("text/html", page("Nine days", NINE).as_bytes())
        }
    });
    let ws = Ws::new();
    cite(&ws, "page", &server.url("/page"));
    phase.store(1, Ordering::SeqCst);
    let start = std::time::Instant::now();
    let run = later(&ws, &["source", "watch", "--all", "--delay", "0s"]).success();
    assert!(run.stdout.starts_with("unchanged"), "{}", run.render());
    assert!(start.elapsed() >= std::time::Duration::from_secs(1));
    assert_eq!(hits.load(Ordering::SeqCst), 2);
}

#[test]
fn a_changed_page_holds_only_a_verdict_it_leaves_unsupported() {
    let phase = Arc::new(AtomicUsize::new(0));
    let server = corpus(Arc::clone(&phase));
    let ws = Ws::new();
    cite(&ws, "single", &server.url("/edited"));
    // "double" also stands on a page that does not change.
    let steady = cite(&ws, "steady", &server.url("/boilerplate"));
    cite(&ws, "double", &server.url("/edited-too"));
    ws.run(&[
        "evidence",
        "add",
        "double",
        &steady,
        "--stance",
        "supports",
        "--excerpt",
        NINE,
    ])
    .success();
    ws.run(&["mark", "double", "verified", "--note", "Two pages say so."])
        .success();
    phase.store(1, Ordering::SeqCst);
    later(&ws, &["source", "watch", "--all", "--delay", "0s"]).code(1);
    let check = json(&later(&ws, &["check", "--format", "json"]));
    let holding: Vec<(&str, bool)> = check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["path"].as_str().unwrap(), p["holds"] == true))
        .collect();
    assert_eq!(
        holding,
        [("claims/double.yaml", false), ("claims/single.yaml", true)],
        "{check}"
    );
    let decision = json(&later(&ws, &["decision", "--format", "json"]));
    let editorial: Vec<&serde_json::Value> = decision["recommendation"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "editorial")
        .collect();
    assert_eq!(editorial.len(), 1, "{decision}");
    assert_eq!(
        editorial[0]["claims"],
        serde_json::json!(["single"]),
        "{decision}"
    );
}

#[test]
fn a_cited_pdf_is_compared_by_its_bytes() {
    let phase = Arc::new(AtomicUsize::new(0));
    let server = corpus(Arc::clone(&phase));
    let ws = Ws::new();
    let pdf = ws
        .run(&["source", "fetch", &server.url("/paper.pdf")])
        .success()
        .stdout
        .trim()
        .to_string();
    ws.run(&["claim", "add", "--id", "paper", "--text", "Nine days."])
        .success();
    ws.run(&["evidence", "add", "paper", &pdf, "--stance", "supports"])
        .success();
    let run = later(&ws, &["source", "watch", "--all", "--delay", "0s"]).success();
    assert!(run.stdout.starts_with("unchanged"), "{}", run.render());
    phase.store(1, Ordering::SeqCst);
    let run = later(&ws, &["source", "watch", "--all", "--delay", "0s"]).success();
    assert!(run.stdout.starts_with("changed"), "{}", run.render());
}
