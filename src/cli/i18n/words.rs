//! The records' words, labels and short lines in the workspace's language:
//! statuses, kinds, outcomes, field labels, history lines and headers.

use super::*;

/// What `source watch` found, as a word in `language`.
pub fn outcome_word(outcome: WatchOutcome, language: Language) -> &'static str {
    if language == Language::En {
        return outcome.as_str();
    }
    match outcome {
        WatchOutcome::Unchanged => "未变",
        WatchOutcome::Changed => "已变",
        WatchOutcome::ExcerptChanged => "摘录已变",
        WatchOutcome::Moved => "已迁移",
        WatchOutcome::Gone => "已失效",
        WatchOutcome::Soft404 => "疑似失效",
        WatchOutcome::Unreachable => "无法访问",
    }
}

/// What a revision did to a claim's words, as a word in `language`.
pub fn carried_word(outcome: Outcome, language: Language) -> &'static str {
    if language == Language::En {
        return outcome.as_str();
    }
    match outcome {
        Outcome::Moved => "移位",
        Outcome::Edited => "有改动",
        Outcome::Dropped => "被删去",
    }
}

/// A publishing decision as a word in `language`: its keyword in English,
/// the report's words in Chinese.
pub fn decision_word(decision: crate::model::Decision, language: Language) -> &'static str {
    match language {
        Language::En => decision.as_str(),
        Language::Zh => crate::report::decision_label(decision, language),
    }
}

/// A claim's kind as a word in `language` (the report's words).
pub fn kind_word(kind: Kind, language: Language) -> &'static str {
    match language {
        Language::En => kind.as_str(),
        Language::Zh => crate::report::kind_label(kind, language),
    }
}

/// A claim's status in a listing, with `recheck` or `dropped` when a
/// revision of the article changed or cut its words.
pub fn listed_status(status: Status, revision: Revision, language: Language) -> String {
    if language == Language::En {
        return revision.label(status).into_owned();
    }
    let label = status_label(status, language);
    match revision {
        Revision::Current => label.to_string(),
        Revision::Recheck => format!("{label}，待复核"),
        Revision::Dropped => format!("{label}，已删去"),
    }
}

/// A field of a record as `claim show` and `source show` name it.
pub fn field_label(name: &str, language: Language) -> &str {
    if language == Language::En {
        return name;
    }
    match name {
        "claim" => "说法",
        "speaker" => "说话人",
        "tags" => "标签",
        "quote" => "引文",
        "rating" => "评级",
        "correction" => "更正",
        "evidence" => "证据",
        "history" => "历史",
        "title" => "标题",
        "url" => "网址",
        "kind" => "类型",
        "publisher" => "出版方",
        "origin" => "出处",
        "published" => "发表日期",
        "file" => "文件",
        "type" => "媒体类型",
        "size" => "大小",
        "captured" => "存档",
        "note" => "备注",
        "revises" => "修订自",
        "edited" => "修改",
        "charset" => "字符集",
        "final url" => "最终网址",
        "status" => "状态码",
        "redirect" => "重定向",
        "date" => "日期",
        "modified" => "最后修改",
        "etag" => "ETag",
        "served as" => "声明类型",
        "language" => "语言",
        "capture" => "抓取",
        other => other,
    }
}

/// `WHEN by WHO`, as a record's line says who did something when.
pub fn by_whom(when: &str, who: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("{who} 于 {when}"),
        Language::En => format!("{when} by {who}"),
    }
}

/// `N bytes`.
pub fn bytes(n: u64, language: Language) -> String {
    match language {
        Language::Zh => format!("{n} 字节"),
        Language::En => format!("{n} bytes"),
    }
}

/// One line of a claim's history, as `claim show` lists it.
pub fn history_line(h: &HistoryEntry, language: Language) -> String {
    if language == Language::En {
        return english_history_line(h);
    }
    let mut what = match h.event {
        Event::Created => "创建".to_string(),
        Event::Evidence => "添加证据".to_string(),
        Event::Status => "结论".to_string(),
        Event::Edit => "修改".to_string(),
        Event::Sign => "复核签字".to_string(),
        Event::Revised => "随稿修订".to_string(),
    };
    if let Some(s) = h.status {
        what.push_str(&format!(" → {}", status_label(s, language)));
    }
    if let Some(r) = &h.rating {
        what.push_str(&format!("［{r}］"));
    }
    if let (Some(stance), Some(source)) = (h.stance, &h.source) {
        what.push_str(&format!(
            "（{}，来自 {}）",
            crate::says::stance_word(stance, language),
            source.short()
        ));
    }
    if !h.fields.is_empty() {
        let fields: Vec<&str> = h.fields.iter().map(String::as_str).collect();
        what.push_str(&format!("（{}）", backticked(&fields)));
    }
    if let (Some(outcome), Some(revision)) = (h.outcome, &h.revision) {
        what.push_str(&format!(
            "：在修订版 {} 中{}",
            revision.short(),
            carried_word(outcome, language)
        ));
        if let Some(from) = &h.from {
            what.push_str(&format!("（原为「{}」）", from.exact));
        }
    }
    let mut line = format!("{}  {}  {what}", h.at, h.by);
    if let Some(n) = &h.note {
        line.push_str(&format!("：{n}"));
    }
    line
}

/// `check --fix`: what it repaired.
pub fn fixed_offsets(id: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("已修复：claims/{id}.yaml：改写了过时的偏移"),
        Language::En => format!("fixed: claims/{id}.yaml: rewrote stale offsets"),
    }
}

/// `check --fix`: a claim carried over to the article's revision.
pub fn fixed_carried(id: &str, outcome: Outcome, revision: &str, language: Language) -> String {
    match language {
        Language::Zh => format!(
            "已带到新版：claims/{id}.yaml：在修订版 {revision} 中{}",
            carried_word(outcome, language)
        ),
        Language::En => format!("carried: claims/{id}.yaml: {outcome} in revision {revision}"),
    }
}

/// `check --fix`: a leftover temporary file removed.
pub fn fixed_temp(path: &str, language: Language) -> String {
    match language {
        Language::Zh => format!("已修复：{path}：删除了残留的临时文件"),
        Language::En => format!("fixed: {path}: removed a leftover temporary file"),
    }
}

/// `source diff`'s header of a changed stretch of lines.
pub fn diff_header(old: usize, new: usize, language: Language) -> String {
    match language {
        Language::Zh => format!("@@ 第 {old} 行 → 第 {new} 行 @@"),
        Language::En => format!("@@ line {old} → {new} @@"),
    }
}

/// A reason `extract` gives, `label: words` or `label`, either with the
/// English model's signed part after it (`label (+0.42)`), with the label in
/// `language` (the words are the sentence's own).
pub fn reason(reason: &str, language: Language) -> String {
    if language == Language::En {
        return reason.to_string();
    }
    let (reason, part) = match reason.rsplit_once(" (") {
        Some((reason, part)) if part.ends_with(')') && part.starts_with(['+', '-']) => {
            (reason, format!(" ({part}"))
        }
        _ => (reason, String::new()),
    };
    let (label, rest) = match reason.split_once(": ") {
        Some((label, rest)) => (label, Some(rest)),
        None => (reason, None),
    };
    let shown = match label {
        "headline" => "标题",
        "lede" => "导语",
        "figure" => "数字",
        "money" => "金额",
        "percent" => "百分比",
        "date" => "日期",
        "time" => "时间",
        "name" => "名称",
        "role" => "职务",
        "attribution" => "归属",
        "multiple" => "倍数",
        "org" => "机构",
        "comparison" => "比较",
        "event" => "事件",
        "forecast" => "预测",
        "first person" => "第一人称",
        "hedge" => "含糊其辞",
        "rhetoric" => "修辞",
        "question" => "疑问",
        "exclamation" => "感叹",
        "short" => "过短",
        "no end punctuation" => "无句末标点",
        crate::extract::NEAR_A_CLAIM => "邻近句子可能值得核查",
        crate::extract::NO_CLAIM_NEAR => "邻近句子都不像值得核查",
        "1 word" => "1 个词",
        other => {
            if let Some(n) = other.strip_suffix(" words") {
                return format!("{n} 个词{part}");
            }
            if let Some(word) = other.strip_prefix("opens with ") {
                return format!("以 {word} 开头{part}");
            }
            return format!(
                "`{other}`{}{part}",
                rest.map(|r| format!("：{r}")).unwrap_or_default()
            );
        }
    };
    match rest {
        Some(rest) => format!("{shown}：{rest}{part}"),
        None => format!("{shown}{part}"),
    }
}

/// The header of `claim list`.
pub fn claim_list_header(language: Language) -> [&'static str; 6] {
    match language {
        Language::Zh => ["#", "编号", "状态", "类型", "证据", "说法"],
        Language::En => ["#", "ID", "STATUS", "KIND", "EV", "CLAIM"],
    }
}

/// The header of `source list`.
pub fn source_list_header(language: Language) -> [&'static str; 5] {
    match language {
        Language::Zh => ["编号", "类型", "字节", "抓取日期", "标题"],
        Language::En => ["ID", "TYPE", "BYTES", "CAPTURED", "TITLE"],
    }
}

/// The header of `source history`.
pub fn source_history_header(language: Language) -> [&'static str; 6] {
    match language {
        Language::Zh => ["抓取时间", "抓取人", "状态码", "快照", "WARC", "文本"],
        Language::En => ["CAPTURED", "BY", "STATUS", "SNAPSHOT", "WARC", "TEXT"],
    }
}

/// `source history`: how a capture's text compares with the one before
/// (`first`, `same`, `same text`, `changed`, `other bytes`).
pub fn change_word(change: &'static str, language: Language) -> &'static str {
    if language == Language::En {
        return change;
    }
    match change {
        "first" => "首次",
        "same" => "相同",
        "same text" => "文本相同",
        "changed" => "已变",
        "other bytes" => "字节不同",
        other => other,
    }
}

/// `source watch`'s lines about one page, in `language`.
#[derive(Debug)]
pub enum WatchLine<'a> {
    /// `: answered 404`.
    Answered { status: u16 },
    /// `: why it could not be reached`.
    Why { why: &'a str },
    /// `; tried again next run`.
    TriedAgain,
    /// `  archived DATE: URL`.
    Archived { date: &'a str, url: &'a str },
    /// `  excerpt of CLAIMS: "…"`.
    ExcerptOf { claims: &'a str, excerpt: &'a str },
    /// `    now reads: "…"` and the diff.
    NowReads { closest: &'a str, diff: &'a str },
    /// `    no passage like it is on the page now`.
    NoPassage,
}

impl WatchLine<'_> {
    /// The line (or the end of one) in `language`.
    pub fn text(&self, language: Language) -> String {
        let zh = language == Language::Zh;
        let pick = |en: String, cn: String| if zh { cn } else { en };
        match self {
            WatchLine::Answered { status } => {
                pick(format!(": answered {status}"), format!("：响应 {status}"))
            }
            WatchLine::Why { why } => pick(format!(": {why}"), format!("：{why}")),
            WatchLine::TriedAgain => pick("; tried again next run".into(), "；下次运行再试".into()),
            WatchLine::Archived { date, url } => pick(
                format!("  archived {date}: {url}\n"),
                format!("  存档于 {date}：{url}\n"),
            ),
            WatchLine::ExcerptOf { claims, excerpt } => pick(
                format!("  excerpt of {claims}: \"{excerpt}\"\n"),
                format!("  {claims} 的摘录：「{excerpt}」\n"),
            ),
            WatchLine::NowReads { closest, diff } => pick(
                format!("    now reads: \"{closest}\"\n    diff: {diff}\n"),
                format!("    现为：「{closest}」\n    差异：{diff}\n"),
            ),
            WatchLine::NoPassage => pick(
                "    no passage like it is on the page now\n".into(),
                "    网页上已没有相近的段落\n".into(),
            ),
        }
    }
}

/// [`history_line`] in English:
/// `TIME  WHO  event → status [rating] (fields): note`.
fn english_history_line(h: &HistoryEntry) -> String {
    let mut what = format!("{:?}", h.event).to_lowercase();
    if let Some(s) = h.status {
        what.push_str(&format!(" → {s}"));
    }
    if let Some(r) = &h.rating {
        what.push_str(&format!(" [{r}]"));
    }
    if let (Some(stance), Some(source)) = (h.stance, &h.source) {
        what.push_str(&format!(" ({stance} from {})", source.short()));
    }
    if !h.fields.is_empty() {
        what.push_str(&format!(" ({})", h.fields.join(", ")));
    }
    if let (Some(outcome), Some(revision)) = (h.outcome, &h.revision) {
        what.push_str(&format!(" {outcome} in {}", revision.short()));
        if let Some(from) = &h.from {
            what.push_str(&format!(" (was \"{}\")", from.exact));
        }
    }
    let mut line = format!("{}  {}  {what}", h.at, h.by);
    if let Some(n) = &h.note {
        line.push_str(&format!(": {n}"));
    }
    line
}
