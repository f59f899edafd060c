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

/// More of the tool in a Chinese workspace: edits, listings, extraction,
/// the archive, and a refused command, whose error and hint are labelled
/// and the hint worded in Chinese. Outside any workspace, errors stay English.
#[test]
fn zh_workspace_status_lines_and_hints_are_chinese() {
    let ws = Ws::bare();
    let mut said = String::new();
    let mut printed = String::new();
    let mut run = |args: &[&str]| {
        let r = ws.run(args);
        said.push_str(&r.stderr);
        printed.push_str(&r.stdout);
        r
    };
    run(&["init", ".", "--language", "zh"]).success();
    ws.write(
        "article.md",
        "# 标题\n\nOpenAI安全团队仅得到了9天的时间，来做安全检测。公司去年的收入增长了百分之三十。\n",
    );
    ws.write("copy.md", "# 标题\n\nOpenAI安全团队仅得到了9天的时间，来做安全检测。公司去年的收入增长了百分之三十。\n");
    let a = run(&["source", "add", "article.md", "--article"])
        .success()
        .stdout
        .trim()
        .to_string();
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
    run(&["claim", "edit", &c, "--kind", "statistic"]).success();
    run(&["source", "edit", &a, "--title", "新标题"]).success();
    let b = run(&["source", "add", "copy.md"])
        .success()
        .stdout
        .trim()
        .to_string();
    run(&["source", "diff", &a, &b]).success();
    run(&["source", "history", "https://example.org/none"]).success();
    let list = run(&["claim", "list"]).success();
    assert!(list.stdout.contains("状态"), "{}", list.stdout);
    assert!(list.stdout.contains("待核实"), "{}", list.stdout);
    assert!(list.stdout.contains("数据"), "{}", list.stdout);
    let sources = run(&["source", "list"]).success();
    assert!(sources.stdout.contains("标题"), "{}", sources.stdout);
    run(&["extract"]).success();
    run(&["extract", "--unclaimed"]).success();
    run(&["archive", "add", "--archive", "archive.sqlite"]).success();
    run(&["match", "安全团队", "--archive", "archive.sqlite"]).success();
    run(&["claim", "remove", &c, "--note", "重复"]).success();

    let english = english_words(&said);
    assert!(
        english.is_empty(),
        "English in a zh workspace:\n{}",
        english.join("\n")
    );
    assert!(said.contains("已编辑说法"), "{said}");
    assert!(said.contains("已删除说法"), "{said}");
    let extract_lines: String = printed
        .lines()
        .filter(|l| l.contains("候选句") || l.contains("值得核查的句子"))
        .collect();
    assert!(!extract_lines.is_empty(), "{printed}");
    assert!(english_words(&extract_lines).is_empty(), "{extract_lines}");

    // A refused command: the error and its hint in Chinese labels, the hint
    // in Chinese words.
    let refused = ws.run(&["claim", "show", "nosuch"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.starts_with("错误："), "{}", refused.stderr);
    let hint = refused
        .stderr
        .lines()
        .find(|l| l.starts_with("提示："))
        .unwrap_or_else(|| panic!("no hint: {}", refused.stderr));
    assert!(english_words(hint).is_empty(), "{hint}");

    // No workspace: English.
    let elsewhere = Ws::bare();
    let r = elsewhere.run(&["claim", "list"]);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert!(
        r.stderr.contains("\nhint: run `factcheck init`"),
        "{}",
        r.stderr
    );
}
