//! A Chinese desk reads Chinese: what the tool prints for people in a `zh`
//! workspace has no English words outside ids, paths, commands in backticks,
//! media types and the desk's own words.

use crate::support::*;

/// English words of three letters or more in `text`, outside backticks,
/// paths, ids and media types.
fn english_words(text: &str) -> Vec<String> {
    english_outside_records(text, &["text", "markdown", "plain", "sha"])
}

/// A `zh` workspace that keeps what every run printed: on stdout, on
/// stderr, and both as they came.
struct Desk {
    ws: Ws,
    out: String,
    err: String,
    all: String,
}

impl Desk {
    fn zh() -> Desk {
        let mut desk = Desk {
            ws: Ws::bare(),
            out: String::new(),
            err: String::new(),
            all: String::new(),
        };
        desk.run(&["init", ".", "--language", "zh"]).success();
        desk
    }

    fn run(&mut self, args: &[&str]) -> Run {
        let r = self.ws.run(args);
        self.out.push_str(&r.stdout);
        self.err.push_str(&r.stderr);
        self.all.push_str(&r.stdout);
        self.all.push_str(&r.stderr);
        r
    }

    /// Runs a command that must succeed and prints an id; returns the id.
    fn id(&mut self, args: &[&str]) -> String {
        self.run(args).success().stdout.trim().to_string()
    }
}

/// The tour's commands in a Chinese workspace: every status line they print
/// is Chinese.
#[test]
fn status_lines_in_a_zh_workspace_are_chinese() {
    let mut desk = Desk::zh();
    desk.ws.write(
        "article.md",
        "# 标题\n\nOpenAI安全团队仅得到了9天的时间，来做安全检测。\n",
    );
    desk.ws.write(
        "relay.txt",
        "The security team had only 9 days to assess it.\n",
    );
    desk.run(&["source", "add", "article.md", "--article"])
        .success();
    let c = desk.id(&[
        "claim",
        "add",
        "--text",
        "安全团队只有9天做安全测试。",
        "--quote",
        "OpenAI安全团队仅得到了9天的时间",
    ]);
    let s = desk.id(&["source", "add", "relay.txt", "--kind", "aggregator"]);
    desk.run(&["source", "add", "relay.txt"]).success();
    desk.run(&[
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
    desk.run(&[
        "mark",
        &c,
        "unverifiable",
        "--rating",
        "无法证实",
        "--note",
        "只有聚合站转述。",
    ])
    .success();
    let check = desk.run(&["check"]).success();
    desk.run(&["report", "--out", "report.md"]).success();
    desk.run(&["summary", "--decision", "hold", "--note", "等待一手来源。"])
        .success();
    desk.run(&["claim", "list", "--status", "disputed"])
        .success();
    assert!(
        check.stdout.contains("未发现问题（1 条说法，2 个快照）"),
        "{}",
        check.stdout
    );
    let english = english_words(&desk.err);
    assert!(
        english.is_empty(),
        "English in a zh workspace:\n{}",
        english.join("\n")
    );
    assert!(
        desk.err.contains("核查台结论现为：暂缓发表"),
        "{}",
        desk.err
    );
}

/// More of the tool in a Chinese workspace: edits, listings, extraction,
/// the archive, and a refused command, whose error and hint are labelled
/// and the hint worded in Chinese. Outside any workspace, errors stay English.
#[test]
fn zh_workspace_status_lines_and_hints_are_chinese() {
    let mut desk = Desk::zh();
    desk.ws.write(
        "article.md",
        "# 标题\n\nOpenAI安全团队仅得到了9天的时间，来做安全检测。公司去年的收入增长了百分之三十。\n",
    );
    desk.ws.write("copy.md", "# 标题\n\nOpenAI安全团队仅得到了9天的时间，来做安全检测。公司去年的收入增长了百分之三十。\n");
    let a = desk.id(&["source", "add", "article.md", "--article"]);
    let c = desk.id(&[
        "claim",
        "add",
        "--text",
        "安全团队只有9天做安全测试。",
        "--quote",
        "OpenAI安全团队仅得到了9天的时间",
    ]);
    desk.run(&["claim", "edit", &c, "--kind", "statistic"])
        .success();
    desk.run(&["source", "edit", &a, "--title", "新标题"])
        .success();
    let b = desk.id(&["source", "add", "copy.md"]);
    desk.run(&["source", "diff", &a, &b]).success();
    desk.run(&["source", "history", "https://example.org/none"])
        .success();
    let list = desk.run(&["claim", "list"]).success();
    assert!(list.stdout.contains("状态"), "{}", list.stdout);
    assert!(list.stdout.contains("待核实"), "{}", list.stdout);
    assert!(list.stdout.contains("数据"), "{}", list.stdout);
    let sources = desk.run(&["source", "list"]).success();
    assert!(sources.stdout.contains("标题"), "{}", sources.stdout);
    desk.run(&["extract"]).success();
    desk.run(&["extract", "--unclaimed"]).success();
    desk.run(&["archive", "add", "--archive", "archive.sqlite"])
        .success();
    desk.run(&["match", "安全团队", "--archive", "archive.sqlite"])
        .success();
    desk.run(&["claim", "remove", &c, "--note", "重复"])
        .success();

    let english = english_words(&desk.err);
    assert!(
        english.is_empty(),
        "English in a zh workspace:\n{}",
        english.join("\n")
    );
    assert!(desk.err.contains("已编辑说法"), "{}", desk.err);
    assert!(desk.err.contains("已删除说法"), "{}", desk.err);
    let extract_lines: String = desk
        .out
        .lines()
        .filter(|l| l.contains("候选句") || l.contains("值得核查的句子"))
        .collect();
    assert!(!extract_lines.is_empty(), "{}", desk.out);
    assert!(english_words(&extract_lines).is_empty(), "{extract_lines}");

    // A refused command: the error and its hint in Chinese labels, the hint
    // in Chinese words.
    let refused = desk.ws.run(&["claim", "show", "nosuch"]);
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
    let mut desk = Desk::zh();
    desk.ws.write(
        "article.md",
        "# 标题\n\n安全团队仅得到了9天的时间，来做安全检测。公司估值达到1570亿美元。\n\n首席技术官于9月25日宣布离职。\n",
    );
    desk.ws
        .write("evidence.md", "据报道，安全团队只有9天做测试。\n");
    desk.ws.write("other.md", "融资后公司估值为1570亿美元。\n");
    desk.run(&[
        "source",
        "add",
        "article.md",
        "--article",
        "--title",
        "标题",
    ])
    .success();
    let s = desk.id(&[
        "source",
        "add",
        "evidence.md",
        "--kind",
        "news",
        "--publisher",
        "某报",
        "--title",
        "报道",
    ]);
    let o = desk.id(&["source", "add", "other.md", "--publisher", "另一报"]);
    desk.run(&["source", "list"]).success();
    desk.run(&["source", "show", &s]).success();
    desk.run(&[
        "source",
        "edit",
        &s,
        "--publisher",
        "某日报",
        "--note",
        "更正出版方",
    ])
    .success();
    desk.run(&["source", "diff", &s, &o]);
    let c = desk.id(&[
        "claim",
        "add",
        "--text",
        "安全团队只有9天。",
        "--quote",
        "仅得到了9天的时间",
    ]);
    let v = desk.id(&[
        "claim",
        "add",
        "--text",
        "估值1570亿美元。",
        "--quote",
        "估值达到1570亿美元",
    ]);
    desk.run(&[
        "claim",
        "edit",
        &c,
        "--speaker",
        "某人",
        "--note",
        "补充说话人",
    ])
    .success();
    desk.run(&["claim", "list"]).success();
    desk.run(&["claim", "show", &c]).success();
    // Refused: `verified` without supporting evidence; nothing written.
    desk.run(&["mark", &c, "verified", "--note", "证据充分"])
        .code(1);
    desk.run(&[
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
    desk.run(&["mark", &c, "verified", "--note", "证据充分"])
        .success();
    desk.run(&[
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
    desk.run(&["mark", &v, "disputed"]).success();
    // A quote whose offsets went stale, and a disputed claim without a
    // correction: two problems for `check` to name.
    let file = format!("claims/{c}.yaml");
    let yaml = desk.ws.read(&file);
    let start = yaml
        .lines()
        .find_map(|l| l.trim().strip_prefix("start: "))
        .expect("start")
        .to_string();
    desk.ws.write(
        &file,
        &yaml.replacen(
            &format!("start: {start}"),
            &format!("start: {}", start.parse::<usize>().unwrap() + 1),
            1,
        ),
    );
    let check = desk.run(&["check"]).code(1);
    assert!(check.stdout.contains("偏移"), "{}", check.stdout);
    desk.run(&["check", "--fix"]);
    desk.run(&["decision"]);
    desk.run(&["summary", "--decision", "hold", "--note", "等待更正。"])
        .success();
    desk.run(&["report"]).success();
    desk.run(&["export", "claimreview", "--out", "reviews.json"]);
    desk.run(&["extract", &s]).success();
    desk.run(&["extract", "--unclaimed"]).success();
    desk.run(&["extract", "--dismiss", "1", "--note", "不是事实陈述"]);
    desk.run(&["archive", "add", "--archive", "desk.sqlite"])
        .success();
    desk.run(&["match", "安全团队只有9天", "--archive", "desk.sqlite"])
        .success();
    desk.run(&["claim", "remove", &v, "--note", "重复"]);
    // A mistake: a claim that does not exist.
    desk.run(&["claim", "show", "ffffff"]).code(2);
    // Media types, the reviewer's name (the desk's own word), and the
    // records' field names the report's history names.
    let kept = [
        "text", "markdown", "plain", "sha", "alice", "speaker", "kind", "tags", "quote",
    ];
    let english = english_outside_records(&desk.all, &kept);
    assert!(
        english.is_empty(),
        "English in a zh workspace:\n{}",
        english.join("\n")
    );
}
