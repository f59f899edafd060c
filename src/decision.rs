//! The editor-in-chief's question — can the piece run? — answered from the
//! records by rules a desk can read (the README states them):
//!
//! - **hold** while the workspace is not sound, the piece is wrong where it
//!   matters, or the check is not done: a snapshot or record problem, a
//!   disputed headline or lede claim, a disputed share above the desk's
//!   limit, a headline claim that is not settled (unchecked or
//!   unverifiable), a verdict that breaks the desk's own rules (policy,
//!   rating scale, twins rated apart, a verdict older than what it judged),
//!   a disputed claim with no suggested correction, coverage below the
//!   desk's limit, a claim not yet checked or still in progress, or a
//!   verdict awaiting its second reviewer — the reasons in that order, the
//!   weightiest first;
//! - **publish with corrections** when every claim is settled but some are
//!   disputed (each with its correction) or cannot be verified (to attribute
//!   or cut);
//! - **publish** when every claim is verified.
//!
//! The desk's own bottom line (`factcheck summary`) is shown beside the
//! recommendation, never instead of it.

use serde::Serialize;

use crate::check::Problem;
use crate::coverage::Coverage;
use crate::model::{Claim, Config, Decision, Language, SourceId, Status};

crate::keyword_enum!(
    /// Why the recommendation is what it is.
    ReasonKind {
        Integrity => "integrity",
        HeadlineDisputed => "headline-disputed",
        ManyDisputed => "many-disputed",
        NoArticle => "no-article",
        NoClaims => "no-claims",
        HeadlineOpen => "headline-open",
        Editorial => "editorial",
        NoCorrection => "no-correction",
        Coverage => "coverage",
        NotChecked => "not-checked",
        InProgress => "in-progress",
        AwaitingSignoff => "awaiting-signoff",
        Disputed => "disputed",
        Unverifiable => "unverifiable",
        AllVerified => "all-verified",
    }
);

impl ReasonKind {
    /// Whether this reason alone holds the piece.
    pub fn holds(self) -> bool {
        matches!(
            self,
            ReasonKind::Integrity
                | ReasonKind::HeadlineDisputed
                | ReasonKind::ManyDisputed
                | ReasonKind::Coverage
                | ReasonKind::NoArticle
                | ReasonKind::NoClaims
                | ReasonKind::NotChecked
                | ReasonKind::InProgress
                | ReasonKind::NoCorrection
                | ReasonKind::HeadlineOpen
                | ReasonKind::Editorial
                | ReasonKind::AwaitingSignoff
        )
    }

    /// The reason for people, `{n}` standing for the count.
    fn text(self, language: Language) -> &'static str {
        let (en, zh) = match self {
            ReasonKind::Integrity => (
                "snapshot or record problems (see `factcheck check`): {n}",
                "快照或记录问题（见 factcheck check）：{n} 个",
            ),
            ReasonKind::HeadlineDisputed => (
                "the headline or lede says what the desk disputes: {n}",
                "标题或导语中有争议的说法：{n} 条",
            ),
            ReasonKind::ManyDisputed => (
                "disputed: {n} of {of} settled claims, above the desk's limit of {limit}",
                "有争议：已有结论的 {of} 条中 {n} 条，超过核查台上限 {limit}",
            ),
            ReasonKind::Coverage => (
                "coverage below the desk's minimum of {limit}: {coverage}",
                "核查覆盖低于核查台下限 {limit}：{coverage}",
            ),
            ReasonKind::NoArticle => (
                "no article to check (`factcheck source add FILE --article`)",
                "没有要核查的文章（factcheck source add 文件 --article）",
            ),
            ReasonKind::NoClaims => (
                "no claims checked (`factcheck claim add` or `factcheck extract`)",
                "尚未记录任何说法（factcheck claim add 或 factcheck extract）",
            ),
            ReasonKind::NotChecked => ("not yet checked: {n}", "尚未核查：{n} 条"),
            ReasonKind::InProgress => (
                "evidence but no verdict yet: {n}",
                "已有证据但尚无结论：{n} 条",
            ),
            ReasonKind::NoCorrection => (
                "disputed without a suggested correction: {n}",
                "有争议但没有建议改法：{n} 条",
            ),
            ReasonKind::HeadlineOpen => (
                "headline claims not settled: {n}",
                "标题中的说法尚无定论：{n} 条",
            ),
            ReasonKind::Editorial => (
                "verdicts breaking the desk's rules (policy, rating scale, consistency): {n}",
                "不符合核查台规则（核实标准、评级表、一致性）的结论：{n} 项",
            ),
            ReasonKind::AwaitingSignoff => (
                "verdicts awaiting a second reviewer: {n}",
                "等待复核签字的结论：{n} 项",
            ),
            ReasonKind::Disputed => (
                "disputed, to correct as suggested: {n}",
                "有争议、需按建议更正：{n} 条",
            ),
            ReasonKind::Unverifiable => (
                "cannot be verified, to attribute to their source or cut: {n}",
                "无法核实、应注明出处或删去：{n} 条",
            ),
            ReasonKind::AllVerified => ("every claim verified: {n}", "全部说法已核实：{n} 条"),
        };
        match language {
            Language::En => en,
            Language::Zh => zh,
        }
    }
}

/// One reason, with the claims it is about.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub kind: ReasonKind,
    pub count: usize,
    /// Ids of the claims concerned (empty for workspace-wide reasons).
    pub claims: Vec<String>,
    /// Their numbers in a report (filled in by the report; else empty).
    pub numbers: Vec<usize>,
    /// The reason in the workspace's language.
    pub text: String,
}

/// What the rules recommend, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    pub decision: Decision,
    pub reasons: Vec<Reason>,
    /// How much of the article has a claim, when there is an article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

impl Recommendation {
    /// Fills each reason's `numbers` from the claims' numbers in a report.
    pub fn number(&mut self, numbers: &std::collections::HashMap<&str, usize>) {
        for r in &mut self.reasons {
            r.numbers = r
                .claims
                .iter()
                .filter_map(|id| numbers.get(id.as_str()).copied())
                .collect();
            r.numbers.sort_unstable();
        }
    }
}

/// Claims the article's headline makes: tagged `headline`, or anchored in
/// the article where its headline stands (`headline` gives those offsets).
pub fn is_headline(claim: &Claim, article: Option<&SourceId>, headline: &[(usize, usize)]) -> bool {
    let tagged = claim.tags.iter().any(|t| t == "headline");
    made_by(tagged, quoted_span(claim, article), headline)
}

/// Whether the part of the article standing at `spans` (the headline, the
/// lede) makes a claim: it is tagged for that part, or it quotes the article
/// (at `quoted`) where that part stands. All in character offsets.
pub fn made_by(tagged: bool, quoted: Option<(usize, usize)>, spans: &[(usize, usize)]) -> bool {
    tagged || quoted.is_some_and(|(start, end)| spans.iter().any(|&(s, e)| start < e && s < end))
}

/// Where a claim quotes `article`, in character offsets; none when it
/// quotes another snapshot or nothing.
pub fn quoted_span(claim: &Claim, article: Option<&SourceId>) -> Option<(usize, usize)> {
    claim
        .appears_in
        .as_ref()
        .filter(|a| Some(&a.source) == article)
        .map(|a| (a.start, a.end))
}

/// Where an article's headline stands, in character offsets: the value of
/// its front matter's `title:`, and its first `# ` heading.
pub fn headline_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut offset = 0;
    let mut in_front = false;
    let mut heading_found = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let len = line.chars().count();
        let bare = line.trim_end();
        if i == 0 && bare == "---" {
            in_front = true;
        } else if in_front {
            if bare == "---" || bare == "..." {
                in_front = false;
            } else if let Some(value) = bare.strip_prefix("title:") {
                let lead = line.chars().count() - line.trim_start_matches("title:").chars().count();
                spans.push((offset + lead, offset + lead + value.chars().count()));
            }
        } else if !heading_found && bare.starts_with("# ") {
            heading_found = true;
            spans.push((offset, offset + bare.chars().count()));
        }
        offset += len;
    }
    spans
}

/// What the rules read of one claim. A caller that holds its claims builds
/// these with [`Facts::of`]; the report, which does not hold them all at
/// once, keeps them beside each claim's place.
#[derive(Debug, Clone)]
pub struct Facts {
    pub id: String,
    pub status: Status,
    pub has_evidence: bool,
    pub has_correction: bool,
    /// Made by the article's headline ([`is_headline`]).
    pub headline: bool,
    /// Made by the article's lede ([`is_lede`]).
    pub lede: bool,
    /// Signed by a second reviewer since its verdict ([`Claim::signed_off`]).
    pub signed: bool,
    /// Its words were cut by the article's last revision ([`Claim::dropped`]).
    pub dropped: bool,
}

impl Facts {
    pub fn of(claim: &Claim, headline: bool) -> Facts {
        Facts {
            id: claim.id.to_string(),
            status: claim.status,
            has_evidence: !claim.evidence.is_empty(),
            has_correction: claim.correction.is_some(),
            headline,
            lede: false,
            signed: claim.signed_off().is_some(),
            dropped: claim.dropped().is_some(),
        }
    }

    /// The same facts, with whether the lede makes the claim.
    pub fn with_lede(self, lede: bool) -> Facts {
        Facts { lede, ..self }
    }
}

/// Claims the article's lede makes: tagged `lede`, or anchored in the
/// article where its lede's sentences stand (`lede` gives those offsets).
pub fn is_lede(claim: &Claim, article: Option<&SourceId>, lede: &[(usize, usize)]) -> bool {
    let tagged = claim.tags.iter().any(|t| t == "lede");
    made_by(tagged, quoted_span(claim, article), lede)
}

/// Applies the rules to the claims' facts, `check`'s problems and the
/// article's coverage (when there is an article).
pub fn recommend(
    config: &Config,
    claims: &[Facts],
    problems: &[Problem],
    coverage: Option<Coverage>,
) -> Recommendation {
    let language = config.language();
    let ids = |keep: &dyn Fn(&Facts) -> bool| -> Vec<String> {
        claims
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.id.clone())
            .collect()
    };
    let with_verdict = |c: &Facts| c.status != Status::Unverified;
    let second = config.second_reviewer();
    let limits = config.decision_policy();
    let counted = |kind: ReasonKind, n: usize, ids: Vec<String>| {
        let text = kind.text(language).replace("{n}", &n.to_string());
        (kind, n, ids, text)
    };
    let plain = |kind: ReasonKind, ids: Vec<String>| counted(kind, ids.len(), ids);
    let disputed = ids(&|c| c.status == Status::Disputed);
    let settled = claims.iter().filter(|c| with_verdict(c)).count();
    let mut found: Vec<(ReasonKind, usize, Vec<String>, String)> = vec![
        counted(
            ReasonKind::Integrity,
            problems
                .iter()
                .filter(|p| !p.kind.is_editorial() && !p.kind.is_watch())
                .count(),
            Vec::new(),
        ),
        // Nothing checked is no reason to publish: an empty workspace, or
        // one whose only claim a revision dropped, holds the piece.
        counted(
            ReasonKind::NoArticle,
            usize::from(config.article.is_none()),
            Vec::new(),
        ),
        counted(
            ReasonKind::NoClaims,
            usize::from(claims.iter().all(|c| c.dropped)),
            Vec::new(),
        ),
        plain(
            ReasonKind::HeadlineDisputed,
            ids(&|c| (c.headline || c.lede) && c.status == Status::Disputed),
        ),
    ];
    if let Some(limit) = limits.and_then(|l| l.max_disputed_share)
        && settled > 0
        && disputed.len() as f64 / settled as f64 > limit
    {
        let n = disputed.len();
        let text = ReasonKind::ManyDisputed
            .text(language)
            .replace("{n}", &n.to_string())
            .replace("{of}", &settled.to_string())
            .replace("{limit}", &share(limit));
        found.push((ReasonKind::ManyDisputed, n, disputed.clone(), text));
    }
    found.push(plain(
        ReasonKind::HeadlineOpen,
        ids(&|c| c.headline && matches!(c.status, Status::Unverified | Status::Unverifiable)),
    ));
    // A changed or vanished page holds only a verdict it leaves unsupported.
    let holds = |p: &&Problem| p.kind.is_editorial() || p.holds;
    let mut editorial: Vec<String> = problems
        .iter()
        .filter(holds)
        .filter_map(|p| claim_id_of(&p.path))
        .collect();
    editorial.sort();
    editorial.dedup();
    found.push(counted(
        ReasonKind::Editorial,
        problems.iter().filter(holds).count(),
        editorial,
    ));
    found.push(plain(
        ReasonKind::NoCorrection,
        ids(&|c| c.status == Status::Disputed && !c.has_correction),
    ));
    if let (Some(limit), Some(coverage)) = (limits.and_then(|l| l.min_coverage), &coverage)
        && coverage.share < limit
    {
        let text = ReasonKind::Coverage
            .text(language)
            .replace("{limit}", &share(limit))
            .replace("{coverage}", &coverage.text);
        let n = coverage.checkworthy - coverage.claimed - coverage.dismissed;
        found.push((ReasonKind::Coverage, n.max(1), Vec::new(), text));
    }
    found.extend([
        plain(
            ReasonKind::NotChecked,
            ids(&|c| c.status == Status::Unverified && !c.has_evidence),
        ),
        plain(
            ReasonKind::InProgress,
            ids(&|c| c.status == Status::Unverified && c.has_evidence),
        ),
        plain(
            ReasonKind::AwaitingSignoff,
            ids(&|c| second && with_verdict(c) && !c.signed),
        ),
        plain(
            ReasonKind::Disputed,
            ids(&|c| c.status == Status::Disputed && c.has_correction),
        ),
        plain(
            ReasonKind::Unverifiable,
            ids(&|c| c.status == Status::Unverifiable),
        ),
    ]);
    let mut reasons: Vec<Reason> = found
        .into_iter()
        .filter(|(_, n, _, _)| *n > 0)
        .map(|(kind, count, claims, text)| Reason {
            kind,
            count,
            claims,
            numbers: Vec::new(),
            text,
        })
        .collect();
    let decision = if reasons.iter().any(|r| r.kind.holds()) {
        reasons.retain(|r| r.kind.holds());
        Decision::Hold
    } else if reasons.is_empty() {
        let (kind, count, claims, text) = counted(
            ReasonKind::AllVerified,
            claims.iter().filter(|c| !c.dropped).count(),
            Vec::new(),
        );
        reasons.push(Reason {
            kind,
            count,
            claims,
            numbers: Vec::new(),
            text,
        });
        Decision::Publish
    } else {
        Decision::PublishWithCorrections
    };
    Recommendation {
        decision,
        reasons,
        coverage,
    }
}

/// A share as people write it: `0.25` → `25%`.
fn share(x: f64) -> String {
    let percent = x * 100.0;
    if (percent - percent.round()).abs() < 1e-9 {
        format!("{}%", percent.round())
    } else {
        format!("{percent:.1}%")
    }
}

/// `claims/<id>.yaml` → `<id>`.
fn claim_id_of(path: &str) -> Option<String> {
    let name = path.strip_prefix("claims/")?.strip_suffix(".yaml")?;
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_spans_cover_the_front_matter_title_and_the_first_heading() {
        let text = "---\ntitle: 大新闻\ndate: 2024-10-07\n---\n\n# 大新闻\n\n正文。\n# 第二\n";
        let spans = headline_spans(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = spans
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect::<String>())
            .collect();
        assert_eq!(got, vec![" 大新闻".to_string(), "# 大新闻".to_string()]);
    }
}
