//! A Chinese desk reads Chinese: what the tool prints for people in a `zh`
//! workspace has no English words outside ids, paths, commands in backticks,
//! media types and the desk's own words.

use crate::support::*;

/// English words of three letters or more in `text`, outside backticks,
/// paths, ids and media types.
fn english_words(text: &str) -> Vec<String> {
    english_outside_records(text, &["text", "markdown", "plain", "sha"])
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

/// English words in `text` outside what a Chinese line may keep as written:
/// commands, fields and ids in backticks, paths, urls, ids, `key:` field
/// names opening a record's line, and the words of `kept` (the desk's own).
fn english_outside_records(text: &str, kept: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        // A code block (the report's chart) is code, not prose.
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut tokens = prose
            .split(|c: char| {
                c.is_whitespace() || "，。：；（）「」、《》“”！？,;()[]\"'|".contains(c)
            })
            .filter(|t| !t.is_empty())
            .peekable();
        // A record's field name (`  media_type: text/markdown`) opens its line.
        if line.trim_start().split(':').next().is_some_and(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-')
        }) {
            tokens.next();
        }
        for token in tokens {
            let path_or_id = token.contains('/')
                || token.contains('.')
                || token.contains('#')
                || token.contains('=')
                || token.chars().any(|c| c.is_ascii_digit());
            if path_or_id {
                continue;
            }
            for word in token.split(|c: char| !c.is_ascii_alphabetic()) {
                if word.len() >= 3 && !kept.contains(&word) {
                    found.push(format!("{word} (in: {line})"));
                }
            }
        }
    }
    found
}

/// Every command a desk runs, in a Chinese workspace, in text output: what
/// it prints on stdout and stderr — status lines, listings, `check`'s
/// problems, `decision`, a refusal and its hint — has no English word
/// outside ids, paths, field names, commands and the desk's own words.
#[test]
fn every_command_in_a_zh_workspace_speaks_chinese() {
    let ws = Ws::bare();
    let mut said = String::new();
    let mut run = |args: &[&str]| {
        let r = ws.run(args);
        said.push_str(&r.stdout);
        said.push_str(&r.stderr);
        r
    };
    run(&["init", ".", "--language", "zh"]).success();
    ws.write(
        "article.md",
        "# 标题\n\n安全团队仅得到了9天的时间，来做安全检测。公司估值达到1570亿美元。\n\n首席技术官于9月25日宣布离职。\n",
    );
    ws.write("evidence.md", "据报道，安全团队只有9天做测试。\n");
    ws.write("other.md", "融资后公司估值为1570亿美元。\n");
    run(&[
        "source",
        "add",
        "article.md",
        "--article",
        "--title",
        "标题",
    ])
    .success();
    let s = run(&[
        "source",
        "add",
        "evidence.md",
        "--kind",
        "news",
        "--publisher",
        "某报",
        "--title",
        "报道",
    ])
    .success()
    .stdout
    .trim()
    .to_string();
    let o = run(&["source", "add", "other.md", "--publisher", "另一报"])
        .success()
        .stdout
        .trim()
        .to_string();
    run(&["source", "list"]).success();
    run(&["source", "show", &s]).success();
    run(&[
        "source",
        "edit",
        &s,
        "--publisher",
        "某日报",
        "--note",
        "更正出版方",
    ])
    .success();
    run(&["source", "diff", &s, &o]);
    let c = run(&[
        "claim",
        "add",
        "--text",
        "安全团队只有9天。",
        "--quote",
        "仅得到了9天的时间",
    ])
    .success()
    .stdout
    .trim()
    .to_string();
    let v = run(&[
        "claim",
        "add",
        "--text",
        "估值1570亿美元。",
        "--quote",
        "估值达到1570亿美元",
    ])
    .success()
    .stdout
    .trim()
    .to_string();
    run(&[
        "claim",
        "edit",
        &c,
        "--speaker",
        "某人",
        "--note",
        "补充说话人",
    ])
    .success();
    run(&["claim", "list"]).success();
    run(&["claim", "show", &c]).success();
    // Refused: `verified` without supporting evidence; nothing written.
    run(&["mark", &c, "verified", "--note", "证据充分"]).code(1);
    run(&[
        "evidence",
        "add",
        &c,
        &s,
        "--stance",
        "supports",
        "--excerpt",
        "只有9天",
    ])
    .success();
    run(&["mark", &c, "verified", "--note", "证据充分"]).success();
    run(&[
        "evidence",
        "add",
        &v,
        &o,
        "--stance",
        "refutes",
        "--excerpt",
        "1570亿美元",
    ])
    .success();
    run(&["mark", &v, "disputed"]).success();
    // A quote whose offsets went stale, and a disputed claim without a
    // correction: two problems for `check` to name.
    let file = format!("claims/{c}.yaml");
    let yaml = ws.read(&file);
    let start = yaml
        .lines()
        .find_map(|l| l.trim().strip_prefix("start: "))
        .expect("start")
        .to_string();
    ws.write(
        &file,
        &yaml.replacen(
            &format!("start: {start}"),
            &format!("start: {}", start.parse::<usize>().unwrap() + 1),
            1,
        ),
    );
    let check = run(&["check"]).code(1);
    assert!(check.stdout.contains("偏移"), "{}", check.stdout);
    run(&["check", "--fix"]);
    run(&["decision"]);
    run(&["summary", "--decision", "hold", "--note", "等待更正。"]).success();
    run(&["report"]).success();
    run(&["export", "claimreview", "--out", "reviews.json"]);
    run(&["extract", &s]).success();
    run(&["extract", "--unclaimed"]).success();
    run(&["extract", "--dismiss", "1", "--note", "不是事实陈述"]);
    run(&["archive", "add", "--archive", "desk.sqlite"]).success();
    run(&["match", "安全团队只有9天", "--archive", "desk.sqlite"]).success();
    run(&["claim", "remove", &v, "--note", "重复"]);
    // A mistake: a claim that does not exist.
    run(&["claim", "show", "ffffff"]).code(2);
    // Media types, the reviewer's name (the desk's own word), and the
    // records' field names the report's history names.
    let kept = [
        "text", "markdown", "plain", "sha", "alice", "speaker", "kind", "tags", "quote",
    ];
    let english = english_outside_records(&said, &kept);
    assert!(
        english.is_empty(),
        "English in a zh workspace:\n{}",
        english.join("\n")
    );
}
