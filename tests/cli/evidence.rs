use crate::support::*;

const EVIDENCE: &str = "url: https://example.org/fortune\n---\nThe security team had only 9 days\nto assess various aspects.\n";

#[test]
fn excerpt_must_occur_but_whitespace_may_differ() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let ev = ws.source("ev.txt", EVIDENCE);
    ws.run(&[
        "evidence",
        "add",
        &id,
        &ev,
        "--stance",
        "supports",
        "--excerpt",
        "had only 9 days to assess",
        "--note",
        "Fortune, via an aggregator",
    ])
    .success();
    let before = ws.files();
    let run = ws
        .run(&[
            "evidence",
            "add",
            &id,
            &ev[..13],
            "--stance",
            "supports",
            "--excerpt",
            "had only ten days to assess",
        ])
        .code(1);
    redact(&[(&ev[7..19], "[EV]")]).bind(|| insta::assert_snapshot!(run.render()));
    assert_eq!(before, ws.files());
    let run = ws
        .run(&[
            "evidence",
            "add",
            &id,
            &ev,
            "--stance",
            "supports",
            "--excerpt",
            "had only 9 days to assess",
        ])
        .code(1);
    assert!(
        run.stderr.contains("already has this evidence"),
        "{}",
        run.render()
    );
    let claim = ws.read(&ws.claim_file(&id));
    assert!(
        claim.contains("excerpt: had only 9 days to assess"),
        "{claim}"
    );
    assert!(claim.contains("event: evidence"), "{claim}");
}

#[test]
fn evidence_from_binary_sources_cannot_carry_an_excerpt() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let pdf = ws.source("card.pdf", "%PDF-1.7 binary");
    let run = ws
        .run(&[
            "evidence",
            "add",
            &id,
            &pdf,
            "--stance",
            "context",
            "--excerpt",
            "x",
        ])
        .code(1);
    assert!(
        run.stderr.contains("has no text to quote"),
        "{}",
        run.render()
    );
    ws.run(&[
        "evidence", "add", &id, &pdf, "--stance", "context", "--note", "page 12",
    ])
    .success();
}

#[test]
fn html_text_carries_no_markdown_emphasis_that_would_break_excerpts() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let html = ws.source("page.html", "<html><body><p>The team had <b>only 9 days</b> &amp; no more.</p><script>var x=1;</script></body></html>");
    ws.run(&[
        "evidence",
        "add",
        &id,
        &html,
        "--stance",
        "supports",
        "--excerpt",
        "had only 9 days & no more",
    ])
    .success();
    ws.run(&["check"]).success();
}

#[test]
fn unknown_claim_or_source_is_a_usage_error() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let run = ws
        .run(&[
            "evidence", "add", "nope", ARTICLE_ID, "--stance", "supports",
        ])
        .code(2);
    assert!(run.stderr.contains("no claim `nope`"), "{}", run.render());
    let run = ws
        .run(&["evidence", "add", &id, "abcdef12", "--stance", "supports"])
        .code(2);
    assert!(
        run.stderr.contains("no snapshot `abcdef12`"),
        "{}",
        run.render()
    );
    let run = ws
        .run(&["evidence", "add", &id, ARTICLE_ID, "--stance", "maybe"])
        .code(2);
    assert!(
        run.stderr.contains("invalid value 'maybe'"),
        "{}",
        run.render()
    );
}

#[test]
fn excerpt_with_straight_quotes_matches_curly_ones_in_the_source() {
    let ws = Ws::with_article();
    let id = ws.nine_days();
    let ev = ws.source(
        "wapo.txt",
        "OpenAI said it “didn’t cut corners on our safety process.”\n",
    );
    ws.run(&[
        "evidence",
        "add",
        &id,
        &ev,
        "--stance",
        "context",
        "--excerpt",
        "\"didn't cut corners on our safety process.\"",
    ])
    .success();
    ws.run(&["check"]).success();
}
