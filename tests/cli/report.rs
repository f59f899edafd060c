//! `factcheck report`: every built-in template over every fixture workspace,
//! checked as Markdown; template lookup, strict undefined, `--status`, `--out`
//! and the workspace digest.
//!
//! A fixture is a folder of `tests/fixtures/report/` holding `steps.txt`: the
//! `factcheck` runs that build the workspace, so its records are exactly what
//! the tool writes. See [`crate::scenario`] for the step syntax.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use sha2::{Digest, Sha256};

use crate::scenario::{build_fixture, fixture_dir};
use crate::support::*;

/// Checks a rendered report as Markdown: every table row has the header's
/// width (in the parse and in the source line, so an unescaped `|` cannot
/// hide behind a parser that pads rows), no HTML at all reaches the output,
/// and every claim's text reads back whole.
fn assert_sound_markdown(md: &str, claim_texts: &[String], context: &str) {
    let mut width = 0;
    let mut cells = 0;
    let mut row = 0..0;
    let mut text = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(md, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(alignments)) => width = alignments.len(),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                cells = 0;
                row = range;
            }
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let source = md[row.clone()].lines().next().unwrap_or("");
                assert_eq!(
                    cells, width,
                    "{context}: row has {cells} cells, header {width}: {source}"
                );
                assert_eq!(
                    source_cells(source),
                    width,
                    "{context}: unescaped `|` in: {source}"
                );
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("{context}: live HTML in the report: {html}")
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    for claim in claim_texts {
        let flat = claim
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&flat),
            "{context}: claim text does not read back: {flat:?}"
        );
    }
}

/// Cells of a table source line, counting only unescaped pipes.
fn source_cells(line: &str) -> usize {
    let line = line.trim();
    let mut pipes = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
    }
    pipes - 1
}

/// The claim texts of a workspace, read back through `claim list`.
fn claim_texts(ws: &Ws) -> Vec<String> {
    let run = ws.run(&["claim", "list", "--format", "json"]).success();
    let claims: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap_or_default();
    claims
        .iter()
        .filter_map(|c| Some(c["text"].as_str()?.to_string()))
        .collect()
}

#[test]
fn builtin_templates_render_every_fixture() {
    insta::glob!("../fixtures/report", "*/steps.txt", |steps| {
        let dir = steps.parent().expect("fixture folder");
        let ws = build_fixture(dir);
        let texts = claim_texts(&ws);
        for template in ["report", "brief"] {
            let run = ws.run(&["report", "--template", template]).success();
            let context = format!("{} {template}", dir.display());
            assert_sound_markdown(
                &run.stdout,
                if template == "report" { &texts } else { &[] },
                &context,
            );
            // Nothing should name a temporary path; if something ever does,
            // the snapshot stays stable and shows where.
            let (root, fixture) = (ws.path().display().to_string(), dir.display().to_string());
            redact(&[(&root, "[WS]"), (&fixture, "[FIXTURE]")])
                .bind(|| insta::assert_snapshot!(template, run.stdout));
        }
    });
}

#[test]
fn same_state_and_clock_give_byte_identical_reports() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let first = ws.run(&["report"]).success().stdout;
    let second = ws.run(&["report"]).success().stdout;
    assert_eq!(first, second);
    let run = ws.run(&["report", "--out", "out/report.md"]);
    assert_eq!(
        run.code,
        2,
        "the folder does not exist yet\n{}",
        run.render()
    );
    std::fs::create_dir(ws.join("out")).unwrap();
    let run = ws.run(&["report", "--out", "out/report.md"]).success();
    assert_eq!(run.stdout, "");
    assert_eq!(ws.read("out/report.md"), first);
    let leftovers: Vec<_> = std::fs::read_dir(ws.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["report.md"], "no temporary file is left behind");
}

#[test]
fn status_filter_lists_only_those_claims_but_counts_the_whole_workspace() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let all = ws.run(&["report"]).success().stdout;
    let run = ws
        .run(&["report", "--status", "disputed", "--status", "unverifiable"])
        .success();
    let section = |md: &str| {
        md.split("## Claims in article order")
            .nth(1)
            .unwrap_or("")
            .to_string()
    };
    let claims = section(&run.stdout);
    let listed: Vec<&str> = claims.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed[0].starts_with("### 2. The council built 400 homes"),
        "{listed:?}"
    );
    assert!(
        listed[1].starts_with("### 3. Residents posted"),
        "{listed:?}"
    );
    assert!(claims.contains("*Showing only: Disputed, Unverifiable*"));
    // Everything before the per-claim section is the same as unfiltered.
    assert_eq!(
        all.split("## Claims in article order").next(),
        run.stdout.split("## Claims in article order").next()
    );
}

#[test]
fn undefined_variable_fails_naming_the_template_and_line() {
    let ws = Ws::new();
    ws.write(
        "templates/report.md.j2",
        "# {{ workspace.title }}\n\n{{ nosuch }}\n",
    );
    ws.write("factcheck.yaml", "title: T\n");
    let run = ws.run(&["report"]).code(2);
    insta::assert_snapshot!(run.render());
    // An unknown field of a record is an error too, not an empty string.
    ws.write(
        "templates/report.md.j2",
        "{% for c in claims %}{% endfor %}\n{{ article.nosuch }}\n",
    );
    let run = ws.run(&["report"]).code(2);
    assert!(
        run.stderr
            .contains("template `templates/report.md.j2`: line 2"),
        "{}",
        run.render()
    );
}

/// minijinja keeps a template's lines for its errors only in debug builds
/// unless told otherwise: the release binary said "line 2: undefined value"
/// and neither quoted the line nor named the value. CI runs this test
/// against the release build too.
#[test]
fn a_release_build_quotes_the_template_line_and_names_the_undefined_value() {
    let ws = Ws::new();
    ws.write(
        "templates/typo.md.j2",
        "# {{ workspace.title }}\n{{ nosuch }}\n",
    );
    ws.write("factcheck.yaml", "title: T\n");
    let run = ws.run(&["report", "--template", "typo"]).code(2);
    assert!(
        run.stderr
            .contains("line 2: undefined value: `nosuch` is undefined"),
        "{}",
        run.render()
    );
    assert!(
        run.stderr.contains("  2 | {{ nosuch }}"),
        "{}",
        run.render()
    );
}

#[test]
fn errors_in_an_included_template_name_that_template() {
    let ws = Ws::new();
    ws.write(
        "templates/mine.md.j2",
        "# Mine\n{% include \"part.md.j2\" %}\n",
    );
    ws.write("templates/part.md.j2", "ok\n\n{{ claims[0].nosuch }}\n");
    let run = ws.run(&["report", "--template", "mine"]).code(2);
    assert!(
        run.stderr.contains("template `part.md.j2`: line 3"),
        "{}",
        run.render()
    );
    let run = ws
        .run(&["report", "--template", "templates/mine.md.j2"])
        .code(2);
    assert!(
        run.stderr.contains("template `part.md.j2`: line 3"),
        "{}",
        run.render()
    );
}

#[test]
fn syntax_errors_name_the_template_and_line() {
    let ws = Ws::new();
    ws.write(
        "templates/report.md.j2",
        "# Report\n{% if total %}\nno end\n",
    );
    let run = ws.run(&["report"]).code(2);
    insta::assert_snapshot!(run.render());
}

#[test]
fn workspace_templates_override_builtins_and_paths_are_templates_too() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    // `init` copied the built-ins; a missing copy falls back to the built-in.
    let copied = ws.run(&["report", "--template", "brief"]).success().stdout;
    std::fs::remove_file(ws.join("templates/brief.md.j2")).unwrap();
    assert_eq!(
        ws.run(&["report", "--template", "brief"]).success().stdout,
        copied
    );
    ws.write(
        "templates/brief.md.j2",
        "{{ counts.disputed }} disputed: {% for c in attention.disputed %}{{ c.text }}{% endfor %}\n",
    );
    let run = ws.run(&["report", "--template", "brief"]).success();
    assert_eq!(
        run.stdout,
        "1 disputed: The council built 400 homes in 2025.\n"
    );
    // Plain `{{ … }}` is escaped for Markdown too (auto-escape).
    ws.write(
        "elsewhere/list.j2",
        "{% for c in all_claims %}- {{ c.text }}\n{% endfor %}",
    );
    let run = ws
        .run(&["report", "--template", "elsewhere/list.j2"])
        .success();
    insta::assert_snapshot!("plain_values_are_escaped_for_markdown", run.stdout);
    let run = ws.run(&["report", "--template", "nosuch"]).code(2);
    insta::assert_snapshot!("unknown_template_names_the_builtins", run.render());
    let run = ws.run(&["report", "--template", "missing/file.j2"]).code(2);
    assert!(run.stderr.contains("`missing/file.j2`"), "{}", run.render());
}

#[test]
fn init_copies_the_builtin_templates_and_their_readme() {
    let ws = Ws::new();
    for name in ["report.md.j2", "brief.md.j2", "README.md"] {
        let ours = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("templates")
                .join(name),
        )
        .unwrap();
        assert_eq!(ws.read(&format!("templates/{name}")), ours, "{name}");
    }
}

/// The digest, computed here from its definition in `templates/README.md`.
fn digest_by_definition(ws: &Ws) -> String {
    let mut lines = Vec::new();
    let mut add = |rel: String| {
        let bytes = std::fs::read(ws.join(&rel)).unwrap();
        lines.push(format!("{}  {rel}", hex(&Sha256::digest(&bytes))));
    };
    add("factcheck.yaml".into());
    if ws.join("dismissed.yaml").is_file() {
        add("dismissed.yaml".into());
    }
    for dir in ["claims", "sources"] {
        for entry in std::fs::read_dir(ws.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let stray = name == "notes.txt";
            if !stray && (dir == "sources" || name.ends_with(".yaml")) {
                add(format!("{dir}/{name}"));
            }
        }
    }
    lines.sort();
    let all: String = lines.iter().map(|l| format!("{l}\n")).collect();
    format!("sha256:{}", hex(&Sha256::digest(all.as_bytes())))
}

/// The digest a report of `ws` states in its header.
fn digest_in_report(ws: &Ws) -> String {
    let run = ws.run(&["report"]).success();
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("Workspace digest"))
        .unwrap()
        .to_string();
    line.split('`').nth(1).unwrap().to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn digest_is_sha256_of_sorted_file_hashes_and_changes_with_any_record() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let before = digest_in_report(&ws);
    assert_eq!(before, digest_by_definition(&ws));
    ws.run(&["claim", "edit", "jobs", "--tag", "added"])
        .success();
    let after = digest_in_report(&ws);
    assert_ne!(before, after);
    assert_eq!(after, digest_by_definition(&ws));
}

/// A dismissal changes what the report says (its coverage, its list of
/// dismissed sentences), so it changes the digest too.
#[test]
fn the_digest_covers_dismissed_yaml() {
    let ws = build_fixture(&fixture_dir("en-desk"));
    let before = digest_in_report(&ws);
    assert!(!ws.join("dismissed.yaml").exists());
    ws.run(&["extract", "--dismiss", "1", "--note", "a subheading"])
        .success();
    let report = ws.run(&["report"]).success().stdout;
    assert!(report.contains("1 dismissed"), "{report}");
    let after = digest_in_report(&ws);
    assert_ne!(before, after);
    assert_eq!(after, digest_by_definition(&ws));
}

#[test]
fn report_out_into_a_missing_folder_names_the_file_not_a_temporary_one() {
    let ws = Ws::new();
    let run = ws
        .run(&["report", "--out", "no/such/folder/report.md"])
        .code(2);
    assert!(
        run.stderr
            .contains("cannot write `no/such/folder/report.md`"),
        "{}",
        run.render()
    );
    assert!(!run.stderr.contains(".tmp-"), "{}", run.render());
}

#[test]
fn report_out_to_a_bare_file_name_writes_into_the_current_folder() {
    let ws = Ws::new();
    ws.run(&["report", "--out", "report.md"]).success();
    assert!(ws.read("report.md").starts_with('#'));
}
