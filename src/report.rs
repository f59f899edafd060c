//! Review reports: the minijinja environment, the template context, and the
//! Markdown escaping filters.
//!
//! A report is a template rendered over one [`Context`], a plain serde
//! structure built from the records and documented field by field in
//! `templates/README.md`, so a newsroom can write its own template without
//! reading Rust. Record text is never trusted to be Markdown: templates run
//! with a Markdown auto-escape mode, and the `md`, `cell`, `quote`, `code` and
//! `url` filters escape a value for the place it lands, so a claim holding
//! `|`, a line break or `<script>` reads as text and never as structure.
//! Everything is sorted before it reaches a template: the same workspace and
//! the same `FACTCHECK_NOW` give a byte-identical report.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check;
use crate::decision;
use crate::error::{Error, Result};
use crate::model::{
    Claim, Config, Decision, Event, Evidence, HistoryEntry, Kind, Language, Outcome, SourceId,
    SourceKind, SourceMeta, Stance, Status,
};
use crate::text::SourceText;
use crate::workspace::store;
use crate::workspace::{self, Workspace};

pub mod article;
mod each;
mod lazy;

/// Built-in templates, compiled in; `init` copies them into a new workspace.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("report.md.j2", include_str!("../templates/report.md.j2")),
    ("brief.md.j2", include_str!("../templates/brief.md.j2")),
    (
        "article.html.j2",
        include_str!("../templates/article.html.j2"),
    ),
    ("README.md", include_str!("../templates/README.md")),
];

/// The built-in template called `file` (e.g. `report.md.j2`), if there is one.
pub fn builtin(file: &str) -> Option<&'static str> {
    BUILTIN_TEMPLATES
        .iter()
        .find(|(name, _)| *name == file && name.ends_with(".j2"))
        .map(|(_, text)| *text)
}

/// The order statuses are shown in: verdicts first, open work last.
pub const STATUS_ORDER: [Status; 4] = [
    Status::Verified,
    Status::Disputed,
    Status::Unverifiable,
    Status::Unverified,
];

/// Every string a built-in template shows, in English and Chinese: one table,
/// handed to templates as `labels.<group>.<key>`.
const LABELS: &[(&str, &str, &str)] = &[
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
fn labels(language: Language) -> BTreeMap<&'static str, BTreeMap<&'static str, &'static str>> {
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
fn labels_value(language: Language) -> Value {
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

/// The label of a status in a language, e.g. for ClaimReview `alternateName`.
pub fn status_label(status: Status, language: Language) -> &'static str {
    let key = format!("status.{status}");
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, zh)| match language {
            Language::En => *en,
            Language::Zh => *zh,
        })
        .unwrap_or_else(|| status.as_str())
}

// ---------------------------------------------------------------------------
// The context: what a template sees. Every optional field is always present
// (as none), so templates can test it under strict undefined behaviour.
// ---------------------------------------------------------------------------

/// Everything a template can use, but `labels`, which [`render`] adds in the
/// workspace language. The fields of this and the structures below are
/// documented in `templates/README.md`, the one place template authors read:
/// a change here is a change there.
#[derive(Debug, Serialize)]
pub struct Context {
    pub workspace: WorkspaceInfo,
    pub title: Option<String>,
    pub article: Option<SourceInfo>,
    /// [`ClaimInfo`]s, each turned into a template value once and shared by
    /// every list it is in.
    pub claims: Vec<Value>,
    pub all_claims: Vec<Value>,
    pub only: Vec<Status>,
    pub attention: Attention,
    pub sources: BTreeMap<String, SourceInfo>,
    pub statuses: Vec<Status>,
    pub counts: Counts,
    pub total: usize,
    pub problems: Vec<ProblemInfo>,
    /// `problems` split: files, records and snapshots …
    pub integrity: Vec<ProblemInfo>,
    /// … and the desk's editorial rules.
    pub consistency: Vec<ProblemInfo>,
    pub reviewers: Vec<String>,
    pub generated_at: String,
    pub digest: String,
    /// Can the piece run: the recommendation and the desk's bottom line.
    pub decision: DecisionInfo,
    /// Claims with a suggested correction, in article order.
    pub corrections: Vec<Value>,
    /// Verified claims whose rating is not the scale's best.
    pub caveats: Vec<Value>,
    /// The work still open.
    pub open: OpenWork,
    /// The desk's rating scale, best first (empty without one).
    pub scale: Vec<RatingInfo>,
    /// The desk's verification policy for `verified`, if it has one.
    pub policy: Option<PolicyInfo>,
    /// What the latest revision of the article changed (issue 14).
    pub revision: Option<RevisionInfo>,
    /// The annotated article page's view of the article text
    /// ([`article::ArticleText`]), computed when a template first reads it.
    pub article_text: Option<Value>,
}

/// `revision`: what changed since the previous revision of the article.
#[derive(Debug, Serialize)]
pub struct RevisionInfo {
    /// The previous revision's id, `sha256:<hex>`.
    pub previous_id: String,
    pub previous_short: String,
    /// Its record, none if the snapshot is missing.
    pub previous: Option<SourceInfo>,
    pub edited: Vec<EditedInfo>,
    /// [`ClaimInfo`]s of claims whose words the revision cut.
    pub dropped: Vec<Value>,
    /// How many claims' words are unchanged.
    pub moved: usize,
}

/// A claim whose words the latest revision changed.
#[derive(Debug, Serialize)]
pub struct EditedInfo {
    /// The [`ClaimInfo`].
    pub claim: Value,
    pub old: String,
    pub new: String,
    pub correction: Option<String>,
    /// Whether the new words contain the suggested correction.
    pub correction_applied: bool,
}

/// One label of the desk's rating scale.
#[derive(Debug, Serialize)]
pub struct RatingInfo {
    pub label: String,
    pub value: Option<u32>,
    pub statuses: Vec<Status>,
    pub means: Option<String>,
}

/// The desk's policy for `verified`.
#[derive(Debug, Serialize)]
pub struct PolicyInfo {
    pub min_sources: u32,
    pub independent_by: crate::model::IndependentBy,
    pub primary_suffices: bool,
    pub not_counted: Vec<SourceKind>,
}

/// `decision`: what the records recommend, and what the desk wrote.
#[derive(Debug, Serialize)]
pub struct DecisionInfo {
    pub recommended: Decision,
    pub reasons: Vec<decision::Reason>,
    pub summary: Option<SummaryInfo>,
}

/// The desk's bottom line (`factcheck summary`).
#[derive(Debug, Serialize)]
pub struct SummaryInfo {
    pub decision: Decision,
    pub note: Option<String>,
    pub by: String,
    pub at: String,
    pub date: String,
}

/// `open`: unverified claims without and with evidence, and unverifiable ones.
#[derive(Debug, Serialize)]
pub struct OpenWork {
    pub not_checked: Vec<Value>,
    pub in_progress: Vec<Value>,
    pub cannot_verify: Vec<Value>,
}

/// `counts`: claims per status over the whole workspace, in [`STATUS_ORDER`].
#[derive(Debug, Default, Serialize)]
pub struct Counts {
    pub verified: usize,
    pub disputed: usize,
    pub unverifiable: usize,
    pub unverified: usize,
}

/// `workspace`: the settings of `factcheck.yaml` that reports use.
#[derive(Debug, Serialize)]
pub struct WorkspaceInfo {
    pub title: Option<String>,
    pub language: Language,
    pub publisher: Option<String>,
    pub base_url: Option<String>,
    pub second_reviewer: bool,
}

/// A snapshot record, with handy derived fields.
#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub id: String,
    pub sha256: String,
    pub short: String,
    pub file: String,
    pub media_type: String,
    pub size: u64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub label: String,
    pub captured_at: String,
    pub captured_date: String,
    pub captured_by: String,
    pub note: Option<String>,
    pub published: Option<String>,
    pub kind: Option<SourceKind>,
    pub publisher: Option<String>,
    /// Published after the article: it cannot be what the article relied on.
    pub after_article: bool,
}

/// A claim record, numbered, with derived fields.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimInfo {
    pub number: usize,
    pub id: String,
    pub text: String,
    pub kind: Kind,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub appears_in: Option<AnchorInfo>,
    pub anchored: bool,
    pub in_article: bool,
    pub status: Status,
    pub rating: Option<String>,
    pub correction: Option<String>,
    pub evidence: Vec<EvidenceInfo>,
    pub history: Vec<HistoryInfo>,
    pub verdict: Option<HistoryInfo>,
    pub signed: Option<HistoryInfo>,
    #[serde(rename = "final")]
    pub is_final: bool,
    pub awaiting_signoff: bool,
    /// Whether the claim is made by the article's headline.
    pub headline: bool,
    /// What the rating means on the desk's scale.
    pub rating_means: Option<String>,
    /// Its words changed in a revision and nobody has marked it since.
    pub recheck: bool,
    /// A revision of the article cut its words.
    pub dropped: bool,
}

/// Where the article says a claim.
#[derive(Debug, Clone, Serialize)]
pub struct AnchorInfo {
    pub source: String,
    pub short: String,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

/// A piece of evidence, with its snapshot resolved.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceInfo {
    pub source: String,
    pub short: String,
    /// The [`SourceInfo`], shared with `sources`.
    pub snapshot: Option<Value>,
    pub stance: Stance,
    pub excerpt: Option<String>,
    pub note: Option<String>,
    pub added_by: String,
    pub added_at: String,
    pub added_date: String,
}

/// One history entry.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryInfo {
    pub at: String,
    pub date: String,
    pub by: String,
    pub event: Event,
    pub status: Option<Status>,
    pub fields: Vec<String>,
    pub rating: Option<String>,
    pub correction: Option<String>,
    pub note: Option<String>,
    /// For `evidence` events: which snapshot, and how it bears.
    pub source: Option<String>,
    pub short: Option<String>,
    pub stance: Option<Stance>,
    /// The entry that set the current verdict (its note is the reasoning,
    /// printed once with the claim).
    pub is_verdict: bool,
    pub revision: Option<String>,
    pub outcome: Option<Outcome>,
    pub from: Option<AnchorInfo>,
}

/// What an editor must look at, over the whole workspace ([`ClaimInfo`]s).
#[derive(Debug, Serialize)]
pub struct Attention {
    pub disputed: Vec<Value>,
    pub unverified: Vec<Value>,
    pub awaiting_signoff: Vec<Value>,
    pub recheck: Vec<Value>,
}

/// One problem found by `check`.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemInfo {
    pub kind: check::ProblemKind,
    pub path: String,
    pub line: Option<usize>,
    pub location: String,
    pub message: String,
}

impl SourceInfo {
    /// `published` is the record's own date, else (for the article) its
    /// front matter's.
    fn new(meta: &SourceMeta, published: Option<String>, article_date: Option<&str>) -> SourceInfo {
        let published = meta.published.map(|d| d.to_string()).or(published);
        SourceInfo {
            kind: meta.kind,
            publisher: meta.publisher.clone(),
            after_article: matches!((&published, article_date), (Some(p), Some(a)) if p.as_str() > a),
            id: meta.sha256.to_string(),
            sha256: meta.sha256.hex().to_string(),
            short: meta.sha256.short().to_string(),
            file: meta.file.clone(),
            media_type: meta.media_type.to_string(),
            size: meta.size,
            url: meta.url.clone(),
            title: meta.title.clone(),
            label: meta.label().to_string(),
            captured_at: meta.captured_at.to_string(),
            captured_date: meta.captured_at.date(),
            captured_by: meta.captured_by.clone(),
            note: meta.note.clone(),
            published,
        }
    }
}

impl HistoryInfo {
    fn new(h: &HistoryEntry) -> HistoryInfo {
        HistoryInfo {
            source: h.source.as_ref().map(|s| s.to_string()),
            short: h.source.as_ref().map(|s| s.short().to_string()),
            stance: h.stance,
            is_verdict: false,
            at: h.at.to_string(),
            date: h.at.date(),
            by: h.by.clone(),
            event: h.event,
            status: h.status,
            fields: h.fields.clone(),
            rating: h.rating.clone(),
            correction: h.correction.clone(),
            note: h.note.clone(),
            revision: h.revision.as_ref().map(ToString::to_string),
            outcome: h.outcome,
            from: h.from.as_ref().map(AnchorInfo::new),
        }
    }
}

impl AnchorInfo {
    fn new(a: &crate::model::Anchor) -> AnchorInfo {
        AnchorInfo {
            source: a.source.to_string(),
            short: a.source.short().to_string(),
            exact: a.exact.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            start: a.start,
            end: a.end,
        }
    }
}

/// Which claims a report lists.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only list claims with these statuses (empty: all).
    pub statuses: Vec<Status>,
    /// Parse every claim file, ignoring the parsed-record cache.
    pub full: bool,
}

/// Builds the context from the workspace as it is now.
pub fn context(ws: &Workspace, options: &Options) -> Result<Context> {
    let generated_at = workspace::now()?.to_string();
    let config = &ws.config;
    let article_id = config.article.as_ref();
    // The article's text is read once: for its front-matter date, the
    // headline's place and `article_text`. An unreadable article has none of
    // them; `check` says why. (The other snapshots' records load with the
    // claims.)
    let article_record = article_id.and_then(|id| store::load_meta(ws, id).ok());
    let article_meta = article_record.as_ref();
    let article_source = article_meta.and_then(|meta| store::read_text(ws, meta).ok());
    let article = article_meta.map(|meta| {
        let published = article_source
            .as_ref()
            .and_then(|text| published_in(meta, text));
        SourceInfo::new(meta, published, None)
    });
    let article_date = article.as_ref().and_then(|a| a.published.clone());
    // Where the headline stands in the article, for headline claims.
    let headline_spans = article_source
        .as_ref()
        .map(|text| decision::headline_spans(text.as_str()))
        .unwrap_or_default();

    let second = config.second_reviewer();
    let best = config.ratings.first().map(|r| r.label.as_str());
    let reviewers = std::sync::Mutex::new(BTreeSet::new());
    // The integrity check reads the workspace on its own while the claims
    // load. Each claim is summed up as it loads and kept encoded: the
    // template decodes the ones it reads ([`lazy`]).
    // `claims/` is read once, for the claims, the check and the digest.
    let scan = ws.scan_claims()?;
    let ids = workspace::stated(&scan.files);
    let claims_dir = ws.claims_dir();
    let claim_files: Vec<PathBuf> = scan.files.iter().map(|(n, _)| claims_dir.join(n)).collect();
    let ((loaded, outcome), (digest, sources)) = rayon::join(
        || {
            rayon::join(
                || {
                    crate::record_cache::load_records(ws, &ids, options.full, |l| {
                        let headline = decision::is_headline(&l.claim, article_id, &headline_spans);
                        let c = &l.claim;
                        let names = c.history.iter().map(|h| &h.by);
                        let names = names.chain(c.evidence.iter().map(|e| &e.added_by));
                        if let Ok(mut known) = reviewers.lock() {
                            for name in names {
                                if !known.contains(name) {
                                    known.insert(name.clone());
                                }
                            }
                        }
                        Seen::of(l, article_id, headline, second, best)
                    })
                },
                || check::run_with_scan(ws, scan),
            )
        },
        || {
            let sources = store::load_all(ws).map(|all| {
                all.into_iter()
                    .map(|m| (m.id().clone(), m))
                    .collect::<BTreeMap<SourceId, SourceMeta>>()
            });
            (digest_start(ws, claim_files), sources)
        },
    );
    let sources = sources?;
    let ((records, mut seen), outcome) = (loaded?, outcome?);
    for (i, s) in seen.iter_mut().enumerate() {
        s.record = i;
    }
    let known: HashMap<&str, &str> = seen
        .iter()
        .map(|s| (s.facts.id.as_str(), &*s.sha256))
        .collect();
    let digest = digest?.finish(ws, &|path| {
        let id = path.file_stem()?.to_str()?;
        known.get(id).map(|hex| hex.to_string())
    })?;
    drop(known);
    seen.sort_by(|a, b| (&a.order, &a.facts.id).cmp(&(&b.order, &b.facts.id)));
    let infos: BTreeMap<SourceId, SourceInfo> = sources
        .iter()
        .map(|(id, meta)| {
            let published = article
                .as_ref()
                .filter(|a| a.sha256 == id.hex())
                .and_then(|a| a.published.clone());
            (
                id.clone(),
                SourceInfo::new(meta, published, article_date.as_deref()),
            )
        })
        .collect();
    let source_values: BTreeMap<SourceId, Value> = infos
        .iter()
        .map(|(id, info)| (id.clone(), Value::from(Serde(info))))
        .collect();
    let shelf = lazy::Shelf::new(records, source_values, article_id.cloned(), config.clone());
    let all: Vec<Value> = seen
        .iter_mut()
        .enumerate()
        .map(|(i, s)| {
            let id = s.facts.id.clone();
            lazy::ClaimValue::value(&shelf, s.record, i + 1, id, s.held.take())
        })
        .collect();
    let with = |keep: &dyn Fn(&Seen) -> bool| -> Vec<Value> {
        seen.iter()
            .zip(&all)
            .filter(|(s, _)| keep(s))
            .map(|(_, value)| value.clone())
            .collect()
    };
    let corrections = with(&|s| s.facts.has_correction);
    let caveats = with(&|s| s.caveat);
    let unverified = |s: &Seen| s.facts.status == Status::Unverified;
    let open = OpenWork {
        not_checked: with(&|s| unverified(s) && !s.facts.has_evidence),
        in_progress: with(&|s| unverified(s) && s.facts.has_evidence),
        cannot_verify: with(&|s| s.facts.status == Status::Unverifiable),
    };
    let facts: Vec<decision::Facts> = seen.iter().map(|s| s.facts.clone()).collect();
    let mut recommendation = decision::recommend(config, &facts, &outcome.problems);
    drop(facts);
    let numbers: HashMap<&str, usize> = seen
        .iter()
        .enumerate()
        .map(|(i, s)| (s.facts.id.as_str(), i + 1))
        .collect();
    for r in &mut recommendation.reasons {
        r.numbers = r
            .claims
            .iter()
            .filter_map(|id| numbers.get(id.as_str()).copied())
            .collect();
        r.numbers.sort_unstable();
    }
    drop(numbers);

    let mut counts = Counts::default();
    let reviewers = reviewers.into_inner().unwrap_or_default();
    for s in &seen {
        *match s.facts.status {
            Status::Verified => &mut counts.verified,
            Status::Disputed => &mut counts.disputed,
            Status::Unverifiable => &mut counts.unverifiable,
            Status::Unverified => &mut counts.unverified,
        } += 1;
    }
    let attention = Attention {
        disputed: with(&|s| s.facts.status == Status::Disputed),
        unverified: with(&unverified),
        awaiting_signoff: with(&|s| s.awaiting_signoff),
        recheck: with(&|s| s.recheck),
    };
    let listed =
        with(&|s| options.statuses.is_empty() || options.statuses.contains(&s.facts.status));
    let revision = revision_info(article_id, &sources, &infos, &mut seen, &all);
    let mut only = options.statuses.clone();
    only.sort_by_key(|s| STATUS_ORDER.iter().position(|o| o == s));
    only.dedup();

    let problems: Vec<ProblemInfo> = outcome
        .problems
        .iter()
        .map(|p| ProblemInfo {
            kind: p.kind,
            path: p.path.clone(),
            line: p.line,
            location: match p.line {
                Some(line) => format!("{}:{line}", p.path),
                None => p.path.clone(),
            },
            message: p.message.clone(),
        })
        .collect();
    let (consistency, integrity): (Vec<ProblemInfo>, Vec<ProblemInfo>) = problems
        .iter()
        .cloned()
        .partition(|p| p.kind.is_editorial());

    let article_text = article_source.map(|text| {
        let in_article: Vec<(usize, Value, Status)> = seen
            .iter()
            .zip(&all)
            .filter(|(s, _)| s.quoted)
            .map(|(s, claim)| (s.record, claim.clone(), s.facts.status))
            .collect();
        let shelf = std::sync::Arc::clone(&shelf);
        article::ArticleText::new(text, move || {
            in_article
                .iter()
                .filter_map(|(record, claim, status)| {
                    let c = shelf.claim(*record).ok()?;
                    Some(article::Quoted {
                        id: c.id.to_string(),
                        claim: claim.clone(),
                        status: *status,
                        anchor: c.appears_in?,
                    })
                })
                .collect()
        })
        .into_value()
    });
    let total = seen.len();
    Ok(Context {
        workspace: WorkspaceInfo {
            title: config.title.clone(),
            language: config.language(),
            publisher: config.publisher.clone(),
            base_url: config.base_url.clone(),
            second_reviewer: second,
        },
        title: article
            .as_ref()
            .and_then(|a| a.title.clone())
            .or_else(|| config.title.clone()),
        article,
        total,
        claims: listed,
        all_claims: all,
        only,
        attention,
        sources: infos.into_values().map(|s| (s.id.clone(), s)).collect(),
        statuses: STATUS_ORDER.to_vec(),
        counts,
        problems,
        integrity,
        consistency,
        reviewers: reviewers.into_iter().collect(),
        generated_at,
        digest,
        decision: DecisionInfo {
            recommended: recommendation.decision,
            reasons: recommendation.reasons,
            summary: config.summary.as_ref().map(|s| SummaryInfo {
                decision: s.decision,
                note: s.note.clone(),
                by: s.by.clone(),
                at: s.at.to_string(),
                date: s.at.date(),
            }),
        },
        corrections,
        caveats,
        open,
        article_text,
        scale: config
            .ratings
            .iter()
            .map(|r| RatingInfo {
                label: r.label.clone(),
                value: r.value,
                statuses: r.statuses.clone(),
                means: r.means.clone(),
            })
            .collect(),
        policy: config
            .policy
            .as_ref()
            .and_then(|p| p.verified.as_ref())
            .map(|p| PolicyInfo {
                min_sources: p.min_sources,
                independent_by: p.independent_by,
                primary_suffices: p.primary_suffices,
                not_counted: p.not_counted.clone(),
            }),
        revision,
    })
}

/// What the article's latest revision changed: the claims whose words it
/// edited (old and new words, and a disputed claim's correction beside
/// them) or cut, from their `revised` events.
fn revision_info(
    article: Option<&SourceId>,
    sources: &BTreeMap<SourceId, SourceMeta>,
    infos: &BTreeMap<SourceId, SourceInfo>,
    seen: &mut [Seen],
    values: &[Value],
) -> Option<RevisionInfo> {
    let article = article?;
    let previous = sources.get(article)?.revises.clone()?;
    let mut info = RevisionInfo {
        previous_id: previous.to_string(),
        previous_short: previous.short().to_string(),
        previous: infos.get(&previous).cloned(),
        edited: Vec::new(),
        dropped: Vec::new(),
        moved: 0,
    };
    for (s, value) in seen.iter_mut().zip(values) {
        match s.revised.take().map(|r| *r) {
            Some(Revised::Moved) => info.moved += 1,
            Some(Revised::Dropped) => info.dropped.push(value.clone()),
            Some(Revised::Edited(edited)) => info.edited.push(EditedInfo {
                claim: value.clone(),
                ..edited
            }),
            None => {}
        }
    }
    Some(info)
}

/// What the article's latest revision did to a claim's words.
enum Revised {
    Moved,
    Dropped,
    /// Its [`EditedInfo`], all but the claim.
    Edited(EditedInfo),
}

impl Revised {
    /// From the claim's `revised` event for the revision `article`.
    fn of(c: &Claim, article: &SourceId) -> Option<Revised> {
        let h = c
            .history
            .iter()
            .rev()
            .find(|h| h.event == Event::Revised && h.revision.as_ref() == Some(article))?;
        match h.outcome? {
            Outcome::Moved => Some(Revised::Moved),
            Outcome::Dropped => Some(Revised::Dropped),
            Outcome::Edited => {
                let new = c
                    .appears_in
                    .as_ref()
                    .map(|a| a.exact.clone())
                    .unwrap_or_default();
                let squeeze = |s: &str| -> String {
                    s.chars()
                        .filter(|ch| !ch.is_whitespace())
                        .collect::<String>()
                        .trim_end_matches(['。', '.', '！', '!', '；', ';'])
                        .to_string()
                };
                // The new words say what the correction says: they hold it,
                // or they are a passage of it.
                let correction_applied = c.correction.as_deref().is_some_and(|x| {
                    let (x, now) = (squeeze(x), squeeze(&new));
                    !x.is_empty()
                        && (now.contains(&x) || (now.chars().count() >= 4 && x.contains(&now)))
                });
                Some(Revised::Edited(EditedInfo {
                    claim: Value::UNDEFINED,
                    old: h.from.as_ref().map(|a| a.exact.clone()).unwrap_or_default(),
                    new,
                    correction: c.correction.clone(),
                    correction_applied,
                }))
            }
        }
    }
}

/// What the report keeps of a claim while it builds its context: what the
/// lists, the counts and the rules need, and where its record is.
struct Seen {
    /// Index of its record in the loaded [`crate::record_cache::Records`].
    record: usize,
    /// Article order ([`crate::model::article_order`]).
    order: (u8, Option<SourceId>, usize),
    facts: decision::Facts,
    /// What its template value holds (taken when that is made).
    held: lazy::Held,
    awaiting_signoff: bool,
    recheck: bool,
    /// Verified with a rating that is not the scale's best.
    caveat: bool,
    /// It quotes the article.
    quoted: bool,
    revised: Option<Box<Revised>>,
    /// The SHA-256 of its file's bytes, for the digest.
    sha256: Box<str>,
}

impl Seen {
    fn of(
        l: &crate::record_cache::Loaded,
        article: Option<&SourceId>,
        headline: bool,
        second_reviewer: bool,
        best: Option<&str>,
    ) -> Seen {
        let c = &l.claim;
        let in_article = |a: &&crate::model::Anchor| Some(&a.source) == article;
        let order = match &c.appears_in {
            Some(a) if in_article(&a) => (0, None, a.start),
            Some(a) => (1, Some(a.source.clone()), a.start),
            None => (2, None, 0),
        };
        let facts = decision::Facts::of(c, headline);
        Seen {
            record: 0,
            order,
            awaiting_signoff: c.status != Status::Unverified && second_reviewer && !facts.signed,
            recheck: c.recheck().is_some(),
            caveat: c.status == Status::Verified && best.is_some() && c.rating.as_deref() != best,
            quoted: c.appears_in.as_ref().is_some_and(|a| in_article(&a)),
            revised: article.and_then(|a| Revised::of(c, a)).map(Box::new),
            held: lazy::Held::of(c, headline),
            sha256: l.sha256.as_str().into(),
            facts,
        }
    }
}

fn claim_info(
    number: usize,
    c: &Claim,
    article: Option<&SourceId>,
    sources: &BTreeMap<SourceId, Value>,
    config: &Config,
    headline: bool,
) -> ClaimInfo {
    let second_reviewer = config.second_reviewer();
    let evidence = |e: &Evidence| EvidenceInfo {
        source: e.source.to_string(),
        short: e.source.short().to_string(),
        snapshot: sources.get(&e.source).cloned(),
        stance: e.stance,
        excerpt: e.excerpt.clone(),
        note: e.note.clone(),
        added_by: e.added_by.clone(),
        added_at: e.added_at.to_string(),
        added_date: e.added_at.date(),
    };
    let has_verdict = c.status != Status::Unverified;
    let signed = c.signed_off().map(HistoryInfo::new);
    ClaimInfo {
        number,
        id: c.id.to_string(),
        text: c.text.clone(),
        kind: c.kind,
        speaker: c.speaker.clone(),
        tags: c.tags.clone(),
        appears_in: c.appears_in.as_ref().map(AnchorInfo::new),
        anchored: c.appears_in.is_some(),
        in_article: c
            .appears_in
            .as_ref()
            .is_some_and(|a| Some(&a.source) == article),
        status: c.status,
        rating: c.rating.clone(),
        correction: c.correction.clone(),
        evidence: c.evidence.iter().map(evidence).collect(),
        history: {
            let verdict_at = c.history.iter().rposition(|h| h.event == Event::Status);
            c.history
                .iter()
                .enumerate()
                .map(|(i, h)| HistoryInfo {
                    is_verdict: Some(i) == verdict_at && c.status != Status::Unverified,
                    ..HistoryInfo::new(h)
                })
                .collect()
        },
        verdict: c.verdict_entry().map(HistoryInfo::new),
        headline,
        rating_means: c.rating.as_deref().and_then(|label| {
            config
                .ratings
                .iter()
                .find(|r| r.label == label)
                .and_then(|r| r.means.clone())
        }),
        is_final: has_verdict && (!second_reviewer || signed.is_some()) && c.recheck().is_none(),
        recheck: c.recheck().is_some(),
        dropped: c.dropped().is_some(),
        awaiting_signoff: has_verdict && second_reviewer && signed.is_none(),
        signed,
    }
}

/// The `date:` of a snapshot's front matter (`---` … `---` at the very start
/// of a text snapshot, as Markdown articles carry it), when it is a date.
/// An unreadable snapshot has none: `check` reports why.
pub fn published_date(ws: &Workspace, meta: &SourceMeta) -> Option<String> {
    if !has_front_matter(meta) {
        return None;
    }
    published_in(meta, &store::read_text(ws, meta).ok()?)
}

/// [`published_date`], from the snapshot's text already read.
fn published_in(meta: &SourceMeta, text: &SourceText) -> Option<String> {
    has_front_matter(meta)
        .then(|| front_matter_date(text.as_str()))
        .flatten()
}

fn has_front_matter(meta: &SourceMeta) -> bool {
    matches!(
        meta.media_type.essence(),
        "text/markdown" | "text/x-markdown" | "text/plain"
    )
}

/// The `date:` key of YAML front matter, as `YYYY-MM-DD`.
pub fn front_matter_date(text: &str) -> Option<String> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        if let Some(value) = line.strip_prefix("date:") {
            let value = value.trim().trim_matches(['"', '\'']);
            let day = value.get(..10)?;
            return day.parse::<jiff::civil::Date>().ok().map(|d| d.to_string());
        }
    }
    None
}

/// The workspace digest: ties a report to the exact state it was made from.
///
/// One line per file, `<sha256 hex>  <path>` (what `sha256sum` prints), for
/// `factcheck.yaml`, every `claims/*.yaml`, every `sources/<hex>.yaml`, and
/// every snapshot's bytes `sources/<hex>.<ext>` — whose hash is its id, taken
/// from the name rather than re-read. The lines are sorted bytewise, each
/// ends in `\n`, and the digest is `sha256:` + the SHA-256 of them all. With
/// intact snapshots it equals
/// `sha256sum factcheck.yaml claims/*.yaml sources/* | LC_ALL=C sort | sha256sum`.
///
/// It is made in two steps: [`digest_start`] hashes the settings and lists
/// `sources/` while the claims load (and are hashed as they are read), and
/// [`DigestStart::finish`] adds the claim files.
pub struct DigestStart {
    lines: Vec<String>,
    claims: Vec<PathBuf>,
}

/// The digest's lines for the settings and `sources/`, and the claim files
/// (every `claims/*.yaml`) still to add.
pub fn digest_start(ws: &Workspace, claim_files: Vec<PathBuf>) -> Result<DigestStart> {
    let listing = store::list(ws)?;
    let records: Vec<PathBuf> = std::iter::once(ws.root().join(workspace::CONFIG_FILE))
        .chain(listing.metas.iter().map(|id| store::meta_path(ws, id)))
        .collect();
    let mut lines: Vec<String> = records
        .par_iter()
        .map(|path| {
            let hex = store::hash_file(path)?.0;
            Ok(format!("{hex}  {}", slash_path(&ws.rel(path))))
        })
        .collect::<Result<_>>()?;
    for (hex, path) in &listing.bytes {
        lines.push(format!("{hex}  {}", slash_path(&ws.rel(path))));
    }
    Ok(DigestStart {
        lines,
        claims: claim_files,
    })
}

impl DigestStart {
    /// Adds the claim files, with the hash `known` gives for one already
    /// read, and hashes the lot.
    pub fn finish(
        mut self,
        ws: &Workspace,
        known: &(dyn Fn(&std::path::Path) -> Option<String> + Sync),
    ) -> Result<String> {
        let claims: Vec<String> = self
            .claims
            .par_iter()
            .map(|path| {
                let hex = match known(path) {
                    Some(hex) => hex,
                    None => store::hash_file(path)?.0,
                };
                Ok(format!("{hex}  {}", slash_path(&ws.rel(path))))
            })
            .collect::<Result<_>>()?;
        self.lines.extend(claims);
        self.lines.par_sort_unstable();
        let mut hasher = Sha256::new();
        for line in &self.lines {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
        Ok(format!("sha256:{}", store::hex(&hasher.finalize())))
    }
}

fn slash_path(path: &std::path::Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

// ---------------------------------------------------------------------------
// Rendering.
// ---------------------------------------------------------------------------

/// A template to render: its name (for errors) and its text.
#[derive(Debug, Clone)]
pub struct Template {
    /// How errors name it: `templates/report.md.j2`, a path, or the built-in name.
    pub name: String,
    pub source: String,
}

/// The auto-escape mode of Markdown templates (see `templates/README.md`).
const MARKDOWN: &str = "markdown";

/// The fuel (minijinja's unit of work: about one instruction, or 64 bytes of
/// text built) every render gets, plus [`FUEL_PER_RECORD`] per claim and
/// snapshot.
pub const FUEL_BASE: u64 = 4_000_000;
pub const FUEL_PER_RECORD: u64 = 20_000;
/// The largest output a template may produce.
pub const MAX_OUTPUT: usize = 256 << 20;

/// Renders `template` over `ctx` into `out`, writing the text as it is
/// rendered: a report on a desk's archive is never held whole. `{% include %}`
/// and `{% extends %}` find other templates in `templates_dir`, else among
/// the built-in ones. When `out` fails, the render stops with that error.
pub fn render_to(
    template: &Template,
    ctx: &Context,
    templates_dir: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut env = environment(templates_dir);
    // A workspace's template runs in CI on every pull request: its work and
    // the memory it builds are bounded, in proportion to the workspace.
    let records = (ctx.all_claims.len() + ctx.sources.len()) as u64;
    let fuel = FUEL_BASE + FUEL_PER_RECORD * records;
    env.set_fuel(Some(fuel));
    let source = template
        .source
        .strip_prefix('\u{feff}')
        .unwrap_or(&template.source);
    env.add_template_owned(template.name.clone(), source.to_string())
        .map_err(|e| template_error(&template.name, &e))?;
    let compiled = env
        .get_template(&template.name)
        .map_err(|e| template_error(&template.name, &e))?;
    let values = minijinja::context! {
        labels => labels_value(ctx.workspace.language),
        ..Value::from(Serde(ctx))
    };
    let mut sink = Limited {
        out,
        written: 0,
        last: None,
    };
    let rendered = each::render_to(&compiled, &values, &mut sink);
    if sink.written > MAX_OUTPUT {
        return Err(Error::Template {
            name: template.name.clone(),
            message: format!(
                "the output grew past the {} MiB a report may be",
                MAX_OUTPUT >> 20
            ),
        });
    }
    rendered.map_err(|e| {
        if e.kind() == ErrorKind::OutOfFuel {
            Error::Template {
                name: template.name.clone(),
                message: format!(
                    "stopped after {fuel} steps: the template does more work or builds more text than a report of this workspace needs (a loop over `range` or a string that keeps growing?)"
                ),
            }
        } else if e.kind() == ErrorKind::WriteFailure {
            let cause = std::error::Error::source(&e)
                .and_then(|s| s.downcast_ref::<std::io::Error>())
                .map_or_else(
                    || std::io::Error::other(e.to_string()),
                    |io| std::io::Error::new(io.kind(), io.to_string()),
                );
            Error::io("write", "the report", cause)
        } else {
            template_error(&template.name, &e)
        }
    })?;
    if sink.last != Some(b'\n') {
        sink.write_all(b"\n")
            .map_err(|e| Error::io("write", "the report", e))?;
    }
    Ok(())
}

/// The report's writer: counts what is written and refuses to go past
/// [`MAX_OUTPUT`].
struct Limited<'a> {
    out: &'a mut dyn Write,
    written: usize,
    last: Option<u8>,
}

impl Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written = self.written.saturating_add(buf.len());
        if self.written > MAX_OUTPUT {
            return Err(std::io::Error::other("the report is too long"));
        }
        let n = self.out.write(buf)?;
        // A short write is retried by `write_all` with the rest.
        self.written -= buf.len() - n;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn environment(templates_dir: Option<PathBuf>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid"),
    );
    // HTML, XML and JSON templates keep minijinja's own escaping; everything
    // else is Markdown.
    env.set_auto_escape_callback(|name| match minijinja::default_auto_escape_callback(name) {
        AutoEscape::None => AutoEscape::Custom(MARKDOWN.into()),
        other => other,
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == MARKDOWN)
            && !value.is_safe()
        {
            let text = plain(value)?;
            return out.write_str(&escape_inline(&text)).map_err(|_| {
                minijinja::Error::new(ErrorKind::WriteFailure, "cannot write the report")
            });
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_function(each::NAME, each::each);
    env.add_filter("md", |v: &Value| filter(v, escape_inline));
    env.add_filter("cell", |v: &Value| filter(v, escape_cell));
    env.add_filter("code", |v: &Value| filter(v, escape_code));
    env.add_filter("url", |v: &Value| filter(v, escape_url));
    env.add_filter("quote", |v: &Value, prefix: Option<String>| {
        let prefix = prefix.unwrap_or_else(|| "> ".into());
        filter(v, |s| escape_quote(s, &prefix))
    });
    env.set_loader(move |name| {
        let plain_name = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']);
        if !plain_name {
            return Ok(None);
        }
        if let Some(dir) = &templates_dir {
            match workspace::read_to_string(&dir.join(name)) {
                Ok(text) => {
                    return Ok(Some(match text.strip_prefix('\u{feff}') {
                        Some(rest) => rest.to_string(),
                        None => text,
                    }));
                }
                Err(Error::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(minijinja::Error::new(
                        ErrorKind::InvalidOperation,
                        e.to_string(),
                    ));
                }
            }
        }
        Ok(builtin(name).map(str::to_string))
    });
    env
}

/// The text of a value for escaping: none prints as nothing, undefined is an
/// error (strict mode does not reach into filters by itself).
fn plain(value: &Value) -> std::result::Result<String, minijinja::Error> {
    if value.is_undefined() {
        return Err(minijinja::Error::new(
            ErrorKind::UndefinedError,
            "a filter was given an undefined value",
        ));
    }
    if value.is_none() {
        return Ok(String::new());
    }
    Ok(value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string))
}

fn filter(
    value: &Value,
    escape: impl Fn(&str) -> String,
) -> std::result::Result<Value, minijinja::Error> {
    Ok(Value::from_safe_string(escape(&plain(value)?)))
}

/// A minijinja error as ours: the template it happened in (an included one,
/// if that is where), the line, and what went wrong.
fn template_error(main: &str, err: &minijinja::Error) -> Error {
    let mut inner = err;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(c) = cause {
        if let Some(e) = c.downcast_ref::<minijinja::Error>()
            && e.name().is_some()
        {
            inner = e;
        }
        cause = c.source();
    }
    let name = inner.name().unwrap_or(main).to_string();
    let what = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    let mut message = match inner.line() {
        Some(line) => format!("line {line}: {what}"),
        None => what,
    };
    if let (Some(source), Some(line)) = (inner.template_source(), inner.line())
        && let Some(text) = source.lines().nth(line - 1)
    {
        message.push_str(&format!("\n  {line} | {}", text.trim_end()));
    }
    if inner.kind() == ErrorKind::UndefinedError {
        message.push_str(
            "\n  (templates/README.md lists every variable and field a template can use)",
        );
    }
    Error::Template { name, message }
}

// ---------------------------------------------------------------------------
// Markdown escaping. Backslash-escaping ASCII punctuation is always allowed in
// CommonMark, so escaping a character that would not have meant anything is
// harmless; missing one that would have is not. `<`, `>` and `&` become
// entities, so HTML in a record is shown, never live.
// ---------------------------------------------------------------------------

/// Inline text (a paragraph, a list item, a heading): line breaks become
/// spaces, inline syntax is escaped, and so is anything that would start a
/// block (a heading, a list, a quote, a table row) at the start of a line.
pub fn escape_inline(s: &str) -> String {
    let joined = one_line(s);
    let mut out = String::with_capacity(joined.len() + 8);
    // Block markers only mean something at the start (after at most a space).
    let start = joined.len() - joined.trim_start().len();
    let digits = start
        + joined[start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    for (i, c) in joined.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '#' | '|' | '~' | '^' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' | ':' if i == start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if digits > start && i == digits => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Joins lines with single spaces, and shortens a run of spaces at either
/// end to one: four leading spaces would make code, two trailing a break.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    // Most text is one line with nothing to shorten: as it is.
    let plain = !s.contains(['\n', '\r'])
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace);
    if plain {
        return std::borrow::Cow::Borrowed(s);
    }
    let joined = s
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if joined.is_empty() {
        return joined.into();
    }
    let first_line = s
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let last_line = s
        .split(['\n', '\r'])
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("");
    let lead = if first_line.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if last_line.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{joined}{trail}").into()
}

/// A table cell: inline text whose `|` cannot end the cell and whose line
/// breaks cannot end the row.
pub fn escape_cell(s: &str) -> String {
    // `escape_inline` already escapes `|` and joins lines; a cell is inline
    // text that must stay on one line, which is exactly that.
    escape_inline(s)
}

/// Blockquote content: each line escaped as inline text, line breaks kept as
/// hard breaks, blank lines as paragraph breaks. Goes after `> ` in a
/// template; `prefix` starts every further line (`"  > "` inside a list).
pub fn escape_quote(s: &str, prefix: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in s.lines() {
        if line.trim().is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(escape_inline(line));
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    let blank = format!("\n{}\n{prefix}", prefix.trim_end());
    paragraphs
        .iter()
        .map(|p| p.join(&format!("\\\n{prefix}")))
        .collect::<Vec<_>>()
        .join(&blank)
}

/// Inline code: fenced with one more backtick than the longest run inside,
/// so nothing in it is Markdown (or HTML). Not for table cells: there a `|`
/// would still end the cell.
pub fn escape_code(s: &str) -> String {
    let text = s.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A link a reader can follow: an `http(s)` or `mailto` address becomes an
/// autolink (spaces, `<`, `>`, `|`, quotes and backticks percent-encoded);
/// anything else — `javascript:` included — is shown as escaped text.
pub fn escape_url(s: &str) -> String {
    let url = s.trim();
    let lower = url.to_ascii_lowercase();
    let linkable = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    if !linkable {
        return escape_inline(url);
    }
    let mut out = String::from("<");
    for c in url.chars() {
        if c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '|' | '"' | '`' | '\\') {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_start_blocks_or_open_html() {
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("- not a list"), "\\- not a list");
        assert_eq!(escape_inline("+ not a list"), "\\+ not a list");
        assert_eq!(escape_inline("1984. was a year"), "1984\\. was a year");
        assert_eq!(escape_inline("> not a quote"), "&gt; not a quote");
        assert_eq!(
            escape_inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape_inline("a *b* _c_ `d` [e](f)"),
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f)"
        );
        assert_eq!(
            escape_inline("line one\n# line two"),
            "line one \\# line two"
        );
        assert_eq!(escape_inline("a | b"), "a \\| b");
        assert_eq!(escape_inline("AT&T"), "AT&amp;T");
        assert_eq!(escape_inline("3-4 and 5.5"), "3-4 and 5.5");
        assert_eq!(
            escape_inline("   - still not a list  "),
            " \\- still not a list "
        );
        assert_eq!(escape_inline(" 2. not a list"), " 2\\. not a list");
        assert_eq!(
            escape_inline("OpenAI安全团队仅得到了9天的时间"),
            "OpenAI安全团队仅得到了9天的时间"
        );
    }

    #[test]
    fn quotes_keep_their_line_breaks_inside_the_quote() {
        assert_eq!(escape_quote("one\ntwo", "> "), "one\\\n> two");
        assert_eq!(escape_quote("one\n\n- two", "> "), "one\n>\n> \\- two");
        assert_eq!(escape_quote("one\ntwo", "  > "), "one\\\n  > two");
    }

    #[test]
    fn code_spans_outlast_the_backticks_inside() {
        assert_eq!(escape_code("abc"), "`abc`");
        assert_eq!(escape_code("a`b"), "``a`b``");
        assert_eq!(escape_code("`x`"), "`` `x` ``");
        assert_eq!(escape_code(""), "");
    }

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert_eq!(
            escape_url("https://example.org/a b|c"),
            "<https://example.org/a%20b%7Cc>"
        );
        assert_eq!(escape_url("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(escape_url("example.org/x_y"), "example.org/x\\_y");
    }

    #[test]
    fn front_matter_dates_are_read_only_from_front_matter() {
        assert_eq!(
            front_matter_date("---\ntitle: x\ndate: 2024-10-07\n---\nbody"),
            Some("2024-10-07".into())
        );
        assert_eq!(
            front_matter_date("---\ndate: '2024-10-07T08:00:00Z'\n---\n"),
            Some("2024-10-07".into())
        );
        assert_eq!(front_matter_date("body\ndate: 2024-10-07\n"), None);
        assert_eq!(front_matter_date("---\ndate: soon\n---\n"), None);
    }

    #[test]
    fn every_keyword_has_a_label_in_both_languages() {
        for language in [Language::En, Language::Zh] {
            let l = labels(language);
            for s in Status::ALL {
                assert!(l["status"].contains_key(s.as_str()), "status {s}");
            }
            for s in Stance::ALL {
                assert!(l["stance"].contains_key(s.as_str()), "stance {s}");
            }
            for k in Kind::ALL {
                assert!(l["kind"].contains_key(k.as_str()), "kind {k}");
            }
            for e in ["created", "evidence", "status", "edit", "sign"] {
                assert!(l["event"].contains_key(e), "event {e}");
            }
        }
        let keys: BTreeSet<&str> = LABELS
            .iter()
            .chain(article::LABELS)
            .map(|(k, _, _)| *k)
            .collect();
        assert_eq!(
            keys.len(),
            LABELS.len() + article::LABELS.len(),
            "a label key is listed twice"
        );
    }
}
