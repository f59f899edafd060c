//! `factcheck report --template article`: the annotated article page.
//!
//! Without a browser: the page is one file that can fetch nothing, every
//! claim is in the list, record text is escaped, and the template is found
//! and overridden like the others. In a real browser (Debian's Chromium,
//! driven by playwright-core from `tests/browser/`): highlights cover exactly
//! each claim's quote, the panel, the fragment, `j`/`k`, contrast, and the
//! page without JavaScript. That test skips, saying so, when Chromium, node or
//! `tests/browser/node_modules` is missing, and fails instead when
//! `FACTCHECK_REQUIRE_BROWSER=1`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::scenario::{build_fixture, fixture_dir};
use crate::support::*;

/// The fixtures the page is checked on, beside the bundled workspace.
const FIXTURES: &[&str] = &["overlap", "en-desk", "zh-desk", "second-reviewer", "empty"];

/// The project's own workspace (the bundled fact-check), copied into a
/// temporary folder so nothing is written into the repository.
fn bundled() -> Ws {
    let ws = Ws::bare();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("factcheck.yaml"), ws.join("factcheck.yaml")).unwrap();
    for dir in ["claims", "sources"] {
        std::fs::create_dir(ws.join(dir)).unwrap();
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, ws.join(dir).join(path.file_name().unwrap())).unwrap();
        }
    }
    ws
}

/// Every workspace the page is checked on, by name.
fn workspaces() -> Vec<(String, Ws)> {
    let mut out = vec![("bundled".to_string(), bundled())];
    for name in FIXTURES {
        out.push((name.to_string(), build_fixture(&fixture_dir(name))));
    }
    out
}

fn page(ws: &Ws) -> String {
    ws.run(&["report", "--template", "article", "--out", "review.html"])
        .success();
    ws.read("review.html")
}

/// The claims as `claim list --format json` gives them, each with
/// `in_article` added.
fn claims(ws: &Ws) -> Vec<serde_json::Value> {
    let article = serde_yaml_article(ws);
    let run = ws.run(&["claim", "list", "--format", "json"]).success();
    let mut claims: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    for c in &mut claims {
        let source = c["appears_in"]["source"].as_str().map(str::to_string);
        c["in_article"] = serde_json::Value::Bool(source.is_some() && source == article);
    }
    claims
}

/// The `article:` of `factcheck.yaml`.
fn serde_yaml_article(ws: &Ws) -> Option<String> {
    ws.read("factcheck.yaml").lines().find_map(|l| {
        l.strip_prefix("article:")
            .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[test]
fn article_page_is_one_file_that_requests_nothing() {
    for (name, ws) in workspaces() {
        let html = page(&ws);
        assert!(
            html.contains(
                r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#
            ),
            "{name}: no CSP forbidding requests"
        );
        assert_eq!(
            html.matches("<script").count(),
            1,
            "{name}: one inline script"
        );
        // Record text is escaped, so a tag here is the template's own.
        for external in [" src=\"", "<img", "<link", "<iframe", "<object", "<embed"] {
            assert!(
                !html.contains(external),
                "{name}: the page holds `{external}`"
            );
        }
        let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
        for external in ["@import", "url(", "@font-face"] {
            assert!(
                !style.contains(external),
                "{name}: the styles hold `{external}`"
            );
        }
        // Every claim is in the numbered list, in article order, with its id.
        let list = claims(&ws);
        let mut at = 0;
        for c in &list {
            let id = c["id"].as_str().unwrap();
            let item = format!(r#"<li id="claim-{id}" class="claim"#);
            let found = html[at..].find(&item);
            assert!(
                found.is_some(),
                "{name}: claim {id} is not in the list in order"
            );
            at += found.unwrap();
        }
    }
}

#[test]
fn article_page_escapes_record_text_and_links_only_web_addresses() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let html = page(&ws);
    assert!(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;&#x2f;script&gt;"));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains(r#"href="javascript:"#));
    assert!(html.contains("javascript:alert(1)"), "shown as text");
    assert!(
        html.contains(r#"<a href="https:&#x2f;&#x2f;news.example.org&#x2f;harbourside?a=1&amp;b=2" rel="noopener noreferrer">"#),
        "the article's url is a link"
    );
}

#[test]
fn article_page_splits_overlapping_quotes_and_shows_the_headline_and_rating_meaning() {
    let ws = build_fixture(&fixture_dir("overlap"));
    let html = page(&ws);
    // The front matter's title is the headline, with its claim highlighted.
    assert!(html.contains(
        r##"<h1 class="headline">Harbour tunnel opens: <a class="hl s-unverified" href="#claim-headline" data-claims="headline">3 km, £90m</a>"##
    ), "{html}");
    // A nested quote's piece lists every claim covering it, in article order.
    assert!(html.contains(r#"data-claims="cost length">3 km long</a>"#));
    assert!(html.contains(r#"data-claims="cost council-said">cost £90m</a>"#));
    // The most urgent status colours a shared piece.
    assert!(html.contains(
        r##"<a class="hl s-disputed" href="#claim-council-said" data-claims="cost council-said">"##
    ));
    // A quote across a paragraph break is cut there.
    assert!(html.contains("data-claims=\"late\">.\n\n</a></div>\n"));
    assert!(html.contains("<hr>"));
    // The rating scale says what a rating means.
    assert!(html.contains("The claim is wrong."));
    // The unanchored claim is listed, and said to be unanchored.
    assert!(html.contains(r#"<li id="claim-budget""#));
}

#[test]
fn article_template_is_found_by_name_and_a_workspace_copy_overrides_it() {
    let ws = Ws::with_article();
    ws.nine_days();
    let html = page(&ws);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    ws.write(
        "templates/article.html.j2",
        "{% for p in article_text.paragraphs %}{% for s in p.segments if s.claims %}[{{ s.text }}|{{ s.claims|length }}]{% endfor %}{% endfor %}",
    );
    let run = ws.run(&["report", "--template", "article"]).success();
    assert_eq!(run.stdout, format!("[{NINE_DAYS}|1]\n"));
    // Markdown templates see `article_text` too.
    ws.write(
        "templates/mine.md.j2",
        "{{ article_text.shown|length }} {{ article_text.not_shown|length }} {{ article_text.headline.text }}",
    );
    let run = ws.run(&["report", "--template", "mine"]).success();
    assert_eq!(
        run.stdout,
        "1 0 OpenAI高管震荡内幕：CEO无视安全仓促上马4o，员工每天干20小时赶进度，追名逐利不再理想主义\n"
    );
}

#[test]
fn article_page_without_an_article_lists_the_claims() {
    let ws = Ws::new();
    ws.run(&["claim", "add", "--text", "Nothing to quote."])
        .success();
    let html = page(&ws);
    assert!(html.contains("No article text to show"));
    assert!(html.contains("Nothing to quote."));
}

// ---------------------------------------------------------------------------
// In a real browser.
// ---------------------------------------------------------------------------

/// What the browser test needs, or why it cannot run.
fn browser_tools() -> Result<(PathBuf, PathBuf), String> {
    let chromium = std::env::var_os("FACTCHECK_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.is_file() {
        return Err(format!(
            "no Chromium at `{}` (apt-get install chromium, or set FACTCHECK_CHROMIUM)",
            chromium.display()
        ));
    }
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        return Err("no `node` on PATH (apt-get install nodejs)".into());
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        return Err("no tests/browser/node_modules (run `npm ci` in tests/browser)".into());
    }
    Ok((chromium, dir))
}

#[test]
fn article_page_in_a_real_browser() {
    let (chromium, dir) = match browser_tools() {
        Ok(tools) => tools,
        Err(why) => {
            assert!(
                std::env::var("FACTCHECK_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "FACTCHECK_REQUIRE_BROWSER=1 but {why}"
            );
            eprintln!("skipping the browser test: {why}");
            return;
        }
    };
    let workspaces = workspaces();
    // The screenshot of the bundled workspace with a claim open, to look at.
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let pages: Vec<serde_json::Value> = workspaces
        .iter()
        .map(|(name, ws)| {
            page(ws);
            serde_json::json!({
                "name": name,
                "file": ws.join("review.html"),
                "claims": claims(ws),
                "screenshot": shots.join(format!("article-{name}.png")),
            })
        })
        .collect();
    let manifest = serde_json::json!({ "chromium": chromium, "pages": pages });
    let manifest_file = workspaces[0].1.join("manifest.json");
    std::fs::write(&manifest_file, manifest.to_string()).unwrap();
    let out = Command::new("node")
        .arg(dir.join("article-page.js"))
        .arg(&manifest_file)
        .current_dir(&dir)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the browser checks failed:\n{stdout}\n{stderr}"
    );
    eprintln!("{stdout}");
}

/// The bundled article's `**只能在极短的时间内…**` was shown with its
/// asterisks: the page renders inline Markdown, the markup kept in place but
/// hidden so every highlight still reads as its quote; and it says so when the
/// machine has no font for the page's characters.
#[test]
fn article_page_renders_the_articles_inline_markdown() {
    let html = page(&bundled());
    assert!(
        html.contains("<strong>只能在极短的时间内（</strong>"),
        "no emphasis rendered"
    );
    let visible = html.replace("<span class=\"md\">**</span>", "");
    let body = &visible[visible.find("<main").unwrap()..];
    let text = &body[..body.find("<ol").unwrap_or(body.len())];
    assert!(text.contains("拿不到更多时间了"), "{text}");
    assert!(
        !text.contains("**"),
        "raw Markdown shown in the article text"
    );
    assert!(html.contains(".md { display: none; }"));
    assert!(html.contains("class=\"fontnote\" lang=\"en\" hidden"));
}
