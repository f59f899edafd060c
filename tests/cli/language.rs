//! A Chinese desk reads Chinese: what the tool prints for people in a `zh`
//! workspace has no English words outside ids, paths, commands in backticks,
//! media types and the desk's own words.

use crate::support::*;

/// English words of three letters or more in `text`, outside backticks.
fn english_words(text: &str) -> Vec<String> {
    const ALLOWED: &[&str] = &["text", "markdown", "plain", "sha"];
    let mut found = Vec::new();
    for line in text.lines() {
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        for word in prose.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 3 && !ALLOWED.contains(&word.to_ascii_lowercase().as_str()) {
                found.push(format!("{word} (in: {line})"));
            }
        }
    }
    found
}

/// The tour's commands in a Chinese workspace: every status line they print
/// is Chinese.
#[test]
fn status_lines_in_a_zh_workspace_are_chinese() {
    let ws = Ws::bare();
    let mut said = String::new();
    let mut run = |args: &[&str]| {
        let r = ws.run(args);
        said.push_str(&r.stderr);
        r
    };
    run(&["init", ".", "--language", "zh"]).success();
    ws.write(
        "article.md",
        "# 标题\n\nOpenAI安全团队仅得到了9天的时间，来做安全检测。\n",
    );
    ws.write(
        "relay.txt",
        "The security team had only 9 days to assess it.\n",
    );
    run(&["source", "add", "article.md", "--article"]).success();
    let c = run(&[
        "claim",
        "add",
        "--text",
        "安全团队只有9天做安全测试。",
        "--quote",
        "OpenAI安全团队仅得到了9天的时间",
    ])
    .success()
    .stdout
    .trim()
    .to_string();
    let s = run(&["source", "add", "relay.txt", "--kind", "aggregator"])
        .success()
        .stdout
        .trim()
        .to_string();
    run(&["source", "add", "relay.txt"]).success();
    run(&[
        "evidence",
        "add",
        &c,
        &s,
        "--stance",
        "supports",
        "--excerpt",
        "only 9 days",
    ])
    .success();
    run(&[
        "mark",
        &c,
        "unverifiable",
        "--rating",
        "无法证实",
        "--note",
        "只有聚合站转述。",
    ])
    .success();
    let check = run(&["check"]).success();
    run(&["report", "--out", "report.md"]).success();
    run(&["summary", "--decision", "hold", "--note", "等待一手来源。"]).success();
    run(&["claim", "list", "--status", "disputed"]).success();
    assert!(
        check.stdout.contains("未发现问题（1 条说法，2 个快照）"),
        "{}",
        check.stdout
    );
    let english = english_words(&said);
    assert!(
        english.is_empty(),
        "English in a zh workspace:\n{}",
        english.join("\n")
    );
    assert!(said.contains("核查台结论现为：暂缓发表"), "{said}");
}
