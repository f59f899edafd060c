//! The context: what a template sees, as plain serde structures documented
//! field by field in `templates/README.md`. Every optional field is always
//! present (as none), so templates can test it under strict undefined
//! behaviour.

use std::collections::BTreeMap;

use minijinja::value::Value;
use serde::Serialize;

use crate::check;
use crate::decision;
use crate::model::{
    Decision, Event, HistoryEntry, Kind, Language, Outcome, SourceKind, SourceMeta, Stance, Status,
};

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
    /// The problems about cited pages that changed or vanished since the
    /// verdicts (`source watch`): `evidence-changed`, `evidence-gone`.
    pub evidence_changed: Vec<ProblemInfo>,
    pub reviewers: Vec<String>,
    pub generated_at: String,
    pub digest: String,
    /// Can the piece run: the recommendation and the desk's bottom line.
    pub decision: DecisionInfo,
    /// Claims with a suggested correction, in article order; a claim on
    /// words overlapping an earlier one's, with the same correction, shares
    /// that one's row and is not listed again.
    pub corrections: Vec<Value>,
    /// For a correction's row (by its claim's number, as a string), the
    /// numbers of the other claims that share it.
    pub correction_also: BTreeMap<String, Vec<usize>>,
    /// For a claim (by id), the archived checks from outside this workspace
    /// that it repeats, best first (the desk's archive, when it has one).
    pub earlier: BTreeMap<String, Vec<crate::archive::Match>>,
    /// Check-worthy sentences the desk dismissed, with why.
    pub dismissed: Vec<crate::model::Dismissal>,
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
    /// How much of the article has a claim, when there is an article.
    pub coverage: Option<crate::coverage::Coverage>,
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
    /// The claim the problem is about (`claims/<id>.yaml`), if it is about one.
    pub claim: Option<String>,
    /// Whether it holds the recommendation (a verdict left without support).
    pub holds: bool,
}

impl SourceInfo {
    /// `published` is the record's own date, else (for the article) its
    /// front matter's.
    pub(super) fn new(
        meta: &SourceMeta,
        published: Option<String>,
        article_date: Option<&str>,
    ) -> SourceInfo {
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
    pub(super) fn new(h: &HistoryEntry) -> HistoryInfo {
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
    pub(super) fn new(a: &crate::model::Anchor) -> AnchorInfo {
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
    /// Parse every claim file, ignoring the workspace index.
    pub full: bool,
}
