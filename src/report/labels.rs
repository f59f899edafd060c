//! The words of a report in the workspace's language: status, kind, stance
//! and section labels, in English and Chinese, and the order statuses are
//! shown in.

use std::collections::BTreeMap;

use minijinja::value::Value;

use crate::model::{Decision, Kind, Language, Status};

use super::article;

/// The order statuses are shown in: verdicts first, open work last.
pub const STATUS_ORDER: [Status; 4] = [
    Status::Verified,
    Status::Disputed,
    Status::Unverifiable,
    Status::Unverified,
];

/// Every string a built-in template shows, in English and Chinese: one table,
/// handed to templates as `labels.<group>.<key>`.
pub(super) const LABELS: &[(&str, &str, &str)] = &[
    ("status.verified", "Verified", "已核实"),
    ("status.disputed", "Disputed", "有争议"),
    ("status.unverifiable", "Unverifiable", "无法核实"),
    ("status.unverified", "Unverified", "待核实"),
    ("stance.supports", "Supports", "支持"),
    ("stance.refutes", "Refutes", "反驳"),
    ("stance.context", "Context", "背景"),
    ("kind.statistic", "Statistic", "数据"),
    ("kind.date", "Date", "日期"),
    ("kind.quote", "Quote", "引语"),
    ("kind.event", "Event", "事件"),
    ("kind.attribution", "Attribution", "归属"),
    ("kind.prediction", "Prediction", "预测"),
    ("kind.other", "Other", "其他"),
    ("event.created", "Created", "创建"),
    ("event.evidence", "Evidence", "添加证据"),
    ("event.status", "Verdict", "结论"),
    ("event.edit", "Edited", "修改"),
    ("event.sign", "Signed off", "复核签字"),
    ("event.revised", "Revised", "随稿修订"),
    ("outcome.moved", "words unchanged", "原文未变"),
    ("outcome.edited", "words changed", "原文改动"),
    ("outcome.dropped", "words cut", "原文删去"),
    ("text.report_title", "Fact-check report", "核查报告"),
    ("text.brief_title", "Fact-check brief", "核查简报"),
    ("text.colon", ": ", "："),
    ("text.list_separator", ", ", "、"),
    ("text.article", "Article", "文章"),
    ("text.no_article", "none set", "未设置"),
    ("text.url", "URL", "网址"),
    ("text.snapshot", "Snapshot", "快照"),
    ("text.published", "Published", "发表日期"),
    ("text.captured", "Captured", "存档日期"),
    ("text.reviewers", "Reviewers", "核查人"),
    ("text.generated", "Generated", "生成时间"),
    ("text.digest", "Workspace digest", "工作区校验值"),
    ("text.summary", "Verdict summary", "结论汇总"),
    ("text.status", "Status", "状态"),
    ("text.count", "Claims", "条数"),
    ("text.total", "Total", "合计"),
    ("text.verdicts", "Verdicts", "核查结论"),
    ("text.attention", "Needs attention", "需要关注"),
    (
        "text.nothing_needs_attention",
        "Nothing needs attention.",
        "没有需要关注的事项。",
    ),
    ("text.disputed_claims", "Disputed claims", "有争议的说法"),
    (
        "text.unverified_claims",
        "Not yet checked",
        "尚未核查的说法",
    ),
    ("text.awaiting_signoff", "Awaiting sign-off", "等待复核签字"),
    ("text.problems", "Integrity problems", "完整性问题"),
    (
        "text.problems_hint",
        "Details: factcheck check",
        "详情见 factcheck check",
    ),
    ("text.correction", "Suggested correction", "建议改为"),
    ("text.reasoning", "Reasoning", "理由"),
    (
        "text.claims",
        "Claims in article order",
        "逐条核查（按文中顺序）",
    ),
    ("text.showing_only", "Showing only", "仅显示"),
    ("text.no_claims", "No claims yet.", "尚无说法。"),
    ("text.rating", "Rating", "评级"),
    ("text.kind", "Kind", "类型"),
    ("text.speaker", "Speaker", "说话人"),
    ("text.tags", "Tags", "标签"),
    ("text.claim_id", "Claim id", "编号"),
    (
        "text.unanchored",
        "Not anchored: added without a quote from the article.",
        "未锚定：添加时没有引用原文。",
    ),
    (
        "text.other_snapshot",
        "Quoted from another snapshot",
        "引自另一快照",
    ),
    ("text.evidence", "Evidence", "证据"),
    ("text.no_evidence", "No evidence attached.", "尚无证据。"),
    ("text.excerpt", "Excerpt", "摘录"),
    ("text.note", "Note", "备注"),
    ("text.source", "Source", "来源"),
    ("text.missing_snapshot", "snapshot missing", "快照缺失"),
    ("text.history", "History", "历史记录"),
    ("text.when", "When", "时间"),
    ("text.who", "Who", "操作人"),
    ("text.event", "Event", "事件"),
    ("text.signed_by", "signed off by", "复核人"),
    ("text.final", "final", "已定稿"),
    ("source_kind.primary", "primary source", "一手来源"),
    ("source_kind.official", "official source", "官方来源"),
    ("source_kind.news", "news report", "新闻报道"),
    ("source_kind.wire", "wire copy", "通讯社稿"),
    ("source_kind.aggregator", "aggregator", "转述/聚合"),
    ("source_kind.wiki", "wiki", "维基"),
    ("source_kind.social", "social media", "社交媒体"),
    ("source_kind.other", "other", "其他"),
    ("decision.publish", "Publish", "可以发表"),
    (
        "decision.publish-with-corrections",
        "Publish with corrections",
        "更正后发表",
    ),
    ("decision.hold", "Hold", "暂缓发表"),
    ("text.decision", "Decision", "结论与建议"),
    (
        "text.recommendation",
        "Recommendation from the records",
        "依据核查记录的建议",
    ),
    ("text.desk_decision", "The desk's bottom line", "核查台结论"),
    (
        "text.no_desk_decision",
        "Not written yet (`factcheck summary`).",
        "尚未填写（factcheck summary）。",
    ),
    ("text.corrections", "Corrections to make", "需要更正的内容"),
    ("text.article_says", "The article says", "原文"),
    ("text.suggested", "Suggested wording", "建议改为"),
    ("text.no_corrections", "No corrections.", "无需更正。"),
    ("text.coverage", "Coverage", "核查覆盖"),
    (
        "text.dismissed",
        "Check-worthy sentences dismissed",
        "已排除的值得核查的句子",
    ),
    ("text.caveats", "Verified with caveats", "核实但有保留"),
    ("text.open_work", "Work still open", "尚未完成的核查"),
    ("text.not_checked", "Not yet checked", "尚未核查"),
    (
        "text.in_progress",
        "In progress (evidence, no verdict)",
        "核查中（已有证据，尚无结论）",
    ),
    ("text.cannot_verify", "Cannot be verified", "无法核实"),
    ("text.tried", "What was tried", "已做的核查"),
    (
        "text.nothing_open",
        "Nothing is open.",
        "没有未完成的核查。",
    ),
    ("text.integrity", "Integrity problems", "完整性问题"),
    ("text.consistency", "Consistency problems", "一致性问题"),
    (
        "text.evidence_changed",
        "Evidence changed since the verdict",
        "结论之后证据页面已变化",
    ),
    ("text.claim_label", "claim", "说法"),
    ("text.legend", "Rating scale", "评级说明"),
    ("text.label", "Rating", "评级"),
    ("text.value", "Value", "分值"),
    ("text.for_verdicts", "For", "适用结论"),
    ("text.means", "Means", "含义"),
    ("text.policy", "Verification policy", "核实标准"),
    (
        "text.policy_sources",
        "independent supporting sources needed for verified",
        "条相互独立的支持来源方可判定为已核实",
    ),
    (
        "text.policy_primary",
        "or one primary or official source",
        "或一条一手/官方来源",
    ),
    ("text.policy_not_counted", "not counted", "不计入"),
    ("text.publisher", "Publisher", "发布者"),
    (
        "text.after_article",
        "published after the article",
        "发表于文章之后",
    ),
    ("text.headline", "headline", "标题"),
    ("text.see_reasoning", "see reasoning above", "理由见上"),
    (
        "text.revision",
        "Changed since the previous revision",
        "自上一稿以来的改动",
    ),
    ("text.previous_revision", "Previous revision", "上一稿"),
    (
        "text.edited_claims",
        "Words changed: re-check",
        "原文有改动，需重新核查",
    ),
    (
        "text.dropped_claims",
        "No longer in the article",
        "已从文中删去",
    ),
    ("text.old_words", "Before", "原文"),
    ("text.new_words", "Now", "现文"),
    ("text.correction_applied", "applied", "已采纳"),
    ("text.checked_before", "Checked before", "此前已有核查"),
    ("text.recheck", "needs re-check", "需重新核查"),
    ("text.dropped", "no longer in the article", "已从文中删去"),
    (
        "text.revision_unchanged",
        "Every claim's words are unchanged.",
        "所有说法的原文均未改动。",
    ),
    (
        "text.moved_claims",
        "Claims whose words are unchanged",
        "原文未变的说法",
    ),
];

/// The labels of one language, grouped: `labels.status.verified`.
pub(super) fn labels(
    language: Language,
) -> BTreeMap<&'static str, BTreeMap<&'static str, &'static str>> {
    let mut out: BTreeMap<&str, BTreeMap<&str, &str>> = BTreeMap::new();
    for (key, en, zh) in LABELS.iter().chain(article::LABELS) {
        let (group, name) = key
            .split_once('.')
            .expect("every label key is `group.name`");
        let text = match language {
            Language::En => en,
            Language::Zh => zh,
        };
        out.entry(group).or_default().insert(name, text);
    }
    out
}

/// The labels as template values. They are ours, not a record's, so they
/// are marked safe: auto-escape leaves them as they are.
pub(super) fn labels_value(language: Language) -> Value {
    let groups: BTreeMap<String, Value> = labels(language)
        .into_iter()
        .map(|(group, names)| {
            let names: BTreeMap<String, Value> = names
                .into_iter()
                .map(|(name, text)| (name.to_string(), Value::from_safe_string(text.to_string())))
                .collect();
            (group.to_string(), Value::from(names))
        })
        .collect();
    Value::from(groups)
}

/// The label `key` (`group.name`) in a language.
fn label(key: &str, language: Language) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, zh)| match language {
            Language::En => *en,
            Language::Zh => *zh,
        })
}

/// The words for a publishing decision in a language, as the report shows them.
pub fn decision_label(decision: Decision, language: Language) -> &'static str {
    label(&format!("decision.{decision}"), language).unwrap_or("")
}

/// The label of a status in a language, e.g. for ClaimReview `alternateName`.
pub fn status_label(status: Status, language: Language) -> &'static str {
    label(&format!("status.{status}"), language).unwrap_or_else(|| status.as_str())
}

/// The label of a claim's kind in a language, as the report shows it.
pub fn kind_label(kind: Kind, language: Language) -> &'static str {
    label(&format!("kind.{kind}"), language).unwrap_or_else(|| kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    /// The messages of `check` and the rules name a status as the report
    /// does: the two tables cannot drift apart.
    #[test]
    fn messages_name_statuses_as_the_report_does() {
        for status in Status::ALL {
            assert_eq!(
                status_label(*status, Language::Zh),
                crate::says::status_label(*status, Language::Zh)
            );
        }
    }
}
