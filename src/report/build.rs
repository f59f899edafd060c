//! Building the [`Context`] from the records: claims in article order with
//! their sources, evidence and history, the problems `check` finds, the
//! decision, and where each claim stands after the article's revisions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use minijinja::value::{Serde, Value};

use crate::check;
use crate::decision;
use crate::error::Result;
use crate::model::{Claim, Config, Event, Evidence, Outcome, SourceId, SourceMeta, Status};
use crate::text::SourceText;
use crate::workspace::store;
use crate::workspace::{self, Workspace};

use super::context::{
    AnchorInfo, Attention, ClaimInfo, Context, Counts, DecisionInfo, EditedInfo, EvidenceInfo,
    HistoryInfo, OpenWork, Options, PolicyInfo, ProblemInfo, RatingInfo, RevisionInfo, SourceInfo,
    SummaryInfo, WorkspaceInfo,
};
use super::digest::digest_start;
use super::labels::STATUS_ORDER;
use super::{article, lazy};

/// Builds the context from the workspace as it is now.
pub fn context(ws: &Workspace, options: &Options) -> Result<Context> {
    let generated_at = workspace::now()?.to_string();
    let config = &ws.config;
    let article_id = config.article.as_ref();
    let second = config.second_reviewer();
    let best = config.ratings.first().map(|r| r.label.as_str());
    let reviewers = std::sync::Mutex::new(BTreeSet::new());
    // The article is read while the claims load: its text, its sentences
    // and where its headline and lede stand. The integrity check reads the
    // workspace on its own meanwhile. Each claim is summed up as it loads
    // and kept encoded: the template decodes the ones it reads ([`lazy`]).
    // `claims/` is read once, for the claims, the check and the digest.
    let (read, claims) = rayon::join(
        || ArticleRead::of(ws, article_id),
        || -> Result<_> {
            let scan = ws.scan_claims()?;
            let ids = workspace::stated(&scan.files);
            let claims_dir = ws.claims_dir();
            let claim_files: Vec<PathBuf> =
                scan.files.iter().map(|(n, _)| claims_dir.join(n)).collect();
            let load = || {
                crate::workspace::index::load_records(ws, &ids, options.full, |l| {
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
                    Seen::of(l, article_id, second, best)
                })
            };
            let sources = || {
                store::load_all(ws).map(|all| {
                    all.into_iter()
                        .map(|m| (m.id().clone(), m))
                        .collect::<BTreeMap<SourceId, SourceMeta>>()
                })
            };
            Ok(rayon::join(
                || rayon::join(load, || check::run_with_scan(ws, scan)),
                || (digest_start(ws, claim_files), sources()),
            ))
        },
    );
    let ArticleRead {
        source: article_source,
        info: article,
        headline_spans,
        sentences,
    } = read;
    let ((loaded, outcome), (digest, sources)) = claims?;
    let article_date = article.as_ref().and_then(|a| a.published.clone());
    let lede_spans = crate::coverage::lede_spans(&sentences);
    let sources = sources?;
    let ((records, mut seen), outcome) = (loaded?, outcome?);
    for (i, s) in seen.iter_mut().enumerate() {
        s.record = i;
        s.place(&headline_spans, &lede_spans);
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
    // Before the claims' template values take what `seen` holds.
    let earlier = earlier_checks(ws, &seen)?;
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
    // Claims on overlapping words with one correction share its row.
    let (correction_also, folded) = correction_twins(&seen);
    let corrections = with(&|s| s.facts.has_correction && !folded.contains(&s.facts.id));
    let caveats = with(&|s| s.caveat);
    let unverified = |s: &Seen| s.facts.status == Status::Unverified;
    let open = OpenWork {
        not_checked: with(&|s| unverified(s) && !s.facts.has_evidence),
        in_progress: with(&|s| unverified(s) && s.facts.has_evidence),
        cannot_verify: with(&|s| s.facts.status == Status::Unverifiable),
    };
    let facts: Vec<decision::Facts> = seen.iter().map(|s| s.facts.clone()).collect();
    let dismissed = ws.load_dismissed()?;
    let coverage = article_id.filter(|_| article_source.is_some()).map(|id| {
        let quotes: Vec<(usize, usize)> = seen.iter().filter_map(|s| s.span).collect();
        crate::coverage::measure(&sentences, id, &quotes, &dismissed, config.language())
    });
    drop(sentences);
    let mut recommendation = decision::recommend(config, &facts, &outcome.problems, coverage);
    drop(facts);
    let numbers: HashMap<&str, usize> = seen
        .iter()
        .enumerate()
        .map(|(i, s)| (s.facts.id.as_str(), i + 1))
        .collect();
    recommendation.number(&numbers);
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
            claim: p
                .path
                .strip_prefix("claims/")
                .and_then(|n| n.strip_suffix(".yaml"))
                .map(str::to_string),
            holds: p.holds,
        })
        .collect();
    let (evidence_changed, others): (Vec<ProblemInfo>, Vec<ProblemInfo>) =
        problems.iter().cloned().partition(|p| p.kind.is_watch());
    let (consistency, integrity): (Vec<ProblemInfo>, Vec<ProblemInfo>) =
        others.into_iter().partition(|p| p.kind.is_editorial());

    let article_text = article_source.map(|text| {
        let in_article: Vec<(usize, Value, Status)> = seen
            .iter()
            .zip(&all)
            .filter(|(s, _)| s.span.is_some())
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
        evidence_changed,
        reviewers: reviewers.into_iter().collect(),
        generated_at,
        digest,
        decision: DecisionInfo {
            recommended: recommendation.decision,
            reasons: recommendation.reasons,
            coverage: recommendation.coverage,
            summary: config.summary.as_ref().map(|s| SummaryInfo {
                decision: s.decision,
                note: s.note.clone(),
                by: s.by.clone(),
                at: s.at.to_string(),
                date: s.at.date(),
            }),
        },
        corrections,
        correction_also,
        earlier,
        dismissed: dismissed
            .into_iter()
            .filter(|d| Some(&d.source) == article_id)
            .collect(),
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
pub(super) fn revision_info(
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
pub(super) enum Revised {
    Moved,
    Dropped,
    /// Its [`EditedInfo`], all but the claim.
    Edited(EditedInfo),
}

impl Revised {
    /// From the claim's `revised` event for the revision `article`.
    pub(super) fn of(c: &Claim, article: &SourceId) -> Option<Revised> {
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

/// The article, read for the report while the claims load: its text, how
/// it is listed, its sentences and where its headline stands. An unreadable
/// article has none of them; `check` says why.
struct ArticleRead {
    source: Option<SourceText>,
    info: Option<SourceInfo>,
    headline_spans: Vec<(usize, usize)>,
    sentences: Vec<crate::coverage::Sentence>,
}

impl ArticleRead {
    fn of(ws: &Workspace, id: Option<&SourceId>) -> ArticleRead {
        let meta = id.and_then(|id| store::load_meta(ws, id).ok());
        let source = meta
            .as_ref()
            .and_then(|meta| store::read_text(ws, meta).ok());
        let info = meta.as_ref().map(|meta| {
            let published = source.as_ref().and_then(|text| published_in(meta, text));
            SourceInfo::new(meta, published, None)
        });
        let headline_spans = source
            .as_ref()
            .map(|text| decision::headline_spans(text.as_str()))
            .unwrap_or_default();
        let sentences = match (id, source.as_ref()) {
            (Some(id), Some(text)) => crate::coverage::sentences_of(ws, id, text.as_str()),
            _ => Vec::new(),
        };
        ArticleRead {
            source,
            info,
            headline_spans,
            sentences,
        }
    }
}

/// What the report keeps of a claim while it builds its context: what the
/// lists, the counts and the rules need, and where its record is.
pub(super) struct Seen {
    /// Index of its record in the loaded [`crate::workspace::index::Records`].
    pub(super) record: usize,
    /// Article order ([`crate::model::article_order`]).
    pub(super) order: (u8, Option<SourceId>, usize),
    pub(super) facts: decision::Facts,
    /// What its template value holds (taken when that is made).
    pub(super) held: lazy::Held,
    pub(super) awaiting_signoff: bool,
    pub(super) recheck: bool,
    /// Verified with a rating that is not the scale's best.
    pub(super) caveat: bool,
    /// Where it quotes the article, if it does.
    span: Option<(usize, usize)>,
    /// Tagged `headline`, tagged `lede`: made by them wherever it stands.
    tagged: (bool, bool),
    /// Its suggested correction, compared without whitespace.
    correction_key: Option<String>,
    pub(super) revised: Option<Box<Revised>>,
    /// The SHA-256 of its file's bytes, for the digest.
    pub(super) sha256: Box<str>,
}

impl Seen {
    pub(super) fn of(
        l: &crate::workspace::Loaded,
        article: Option<&SourceId>,
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
        // Whether the headline or the lede makes it is known when the
        // article has been read ([`Seen::place`]).
        let facts = decision::Facts::of(c, false);
        let tagged = |tag: &str| c.tags.iter().any(|t| t == tag);
        Seen {
            tagged: (tagged("headline"), tagged("lede")),
            span: decision::quoted_span(c, article),
            correction_key: c.correction.as_deref().map(crate::check::correction_key),
            record: 0,
            order,
            awaiting_signoff: c.status != Status::Unverified && second_reviewer && !facts.signed,
            recheck: c.recheck().is_some(),
            caveat: c.status == Status::Verified && best.is_some() && c.rating.as_deref() != best,
            revised: article.and_then(|a| Revised::of(c, a)).map(Box::new),
            held: lazy::Held::of(c, false),
            sha256: l.sha256.as_str().into(),
            facts,
        }
    }

    /// Marks whether the article's headline and lede make it
    /// ([`decision::is_headline`], [`decision::is_lede`]), from where they
    /// stand in the article.
    pub(super) fn place(&mut self, headline: &[(usize, usize)], lede: &[(usize, usize)]) {
        let headline = decision::made_by(self.tagged.0, self.span, headline);
        let lede = decision::made_by(self.tagged.1, self.span, lede);
        self.facts.headline = headline;
        self.facts.lede = lede;
        self.held.made_by_headline(headline);
    }
}

/// For each claim (by id), the archived checks from outside this workspace
/// that it repeats, as `claim add` finds them, when the desk has an archive
/// (`FACTCHECK_ARCHIVE`, else the default file if it exists); none without.
fn earlier_checks(
    ws: &Workspace,
    seen: &[Seen],
) -> Result<BTreeMap<String, Vec<crate::archive::Match>>> {
    let mut out = BTreeMap::new();
    let Some(mut engine) = crate::archive::configured()? else {
        return Ok(out);
    };
    let own = crate::archive::desk::prefix(ws);
    for s in seen {
        let found: Vec<crate::archive::Match> =
            crate::archive::repeats(engine.as_mut(), s.held.text(), "", 4)?
                .into_iter()
                .filter(|m| !m.entry.url.starts_with(&own))
                .take(3)
                .collect();
        if !found.is_empty() {
            out.insert(s.facts.id.clone(), found);
        }
    }
    Ok(out)
}

pub(super) fn claim_info(
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
pub(super) fn published_in(meta: &SourceMeta, text: &SourceText) -> Option<String> {
    has_front_matter(meta)
        .then(|| front_matter_date(text.as_str()))
        .flatten()
}

pub(super) fn has_front_matter(meta: &SourceMeta) -> bool {
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

/// Corrections that claims on overlapping words share: for the first such
/// claim's number, the numbers of the others (whose rows it takes), and the
/// ids of those others. `seen` is in article order.
fn correction_twins(seen: &[Seen]) -> (BTreeMap<String, Vec<usize>>, HashSet<String>) {
    let mut also: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut folded = HashSet::new();
    for (i, a) in seen.iter().enumerate() {
        let (Some(key), Some((s, e))) = (&a.correction_key, a.span) else {
            continue;
        };
        if folded.contains(&a.facts.id) {
            continue;
        }
        for (j, b) in seen.iter().enumerate().skip(i + 1) {
            let Some((bs, be)) = b.span else { continue };
            if bs >= e {
                break;
            }
            if b.correction_key.as_ref() == Some(key) && s < be && !folded.contains(&b.facts.id) {
                also.entry((i + 1).to_string()).or_default().push(j + 1);
                folded.insert(b.facts.id.clone());
            }
        }
    }
    (also, folded)
}
