//! The desk's rules that look past the moment a verdict was given: a verdict
//! older than the words or the evidence it judged (`stale-verdict`), refuting
//! evidence below the desk's bar for `disputed` (`policy`), an excerpt that
//! relays another outlet's reporting from a snapshot that does not say so
//! (`no-origin`), and one suggested correction given to two claims on
//! different words (`duplicate-correction`).
//!
//! Each change is dated from the records themselves: a claim's `history`
//! (edits, evidence, merges and splits), its evidence's `added_at`, and a
//! snapshot record's own `history` of metadata edits.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::{evidence_line, line_of_key};
use super::loading::read_or_empty;
use super::{Problem, ProblemKind, problem};
use crate::model::{Claim, ClaimId, Config, Event, SourceId, SourceMeta, Stance, Status, Time};
use crate::rules;
use crate::says::Says;
use crate::workspace::Workspace;
use crate::workspace::index::Row;

/// Fields of an `edit` history entry that change what a verdict judged: the
/// claim's words, its quote, and the claims merged into it or split from it.
const JUDGED_FIELDS: &[&str] = &[
    "text",
    "quote",
    "exact",
    "appears_in",
    "evidence",
    "merge",
    "merged",
    "split",
];

/// Fields of a snapshot record that the desk's policy reads.
const POLICY_FIELDS: &[&str] = &["kind", "publisher", "origin", "url"];

/// A date for a message: the day, or the full time when `other` falls on
/// the same day (so the two can be told apart).
fn when(at: Time, other: Time) -> String {
    if at.date() == other.date() {
        at.to_string()
    } else {
        at.date()
    }
}

/// `stale-verdict`: what changed in the claim, its evidence or its evidence's
/// records after its latest verdict. `metas` looks a snapshot record up.
pub(super) fn stale_verdict<'a>(
    config: &Config,
    claim: &Claim,
    metas: impl Fn(&SourceId) -> Option<&'a SourceMeta>,
    raw: &str,
    rel: &dyn Fn() -> PathBuf,
) -> Option<Problem> {
    if claim.status == Status::Unverified {
        return None;
    }
    let at = claim
        .history
        .iter()
        .rposition(|h| h.event == Event::Status)?;
    let verdict = &claim.history[at];
    let given = verdict.at;
    let language = config.language();
    // The policy for this verdict reads the speaker and the sources' records.
    let policy = config.policy.as_ref().and_then(|p| match claim.status {
        Status::Verified => p.verified.as_ref(),
        Status::Disputed => p.disputed.as_ref(),
        _ => None,
    });
    let mut changes: Vec<(Time, String)> = Vec::new();
    for h in &claim.history[at + 1..] {
        match h.event {
            Event::Edit => {
                let judged: Vec<&str> = h
                    .fields
                    .iter()
                    .map(String::as_str)
                    .filter(|f| JUDGED_FIELDS.contains(f) || (policy.is_some() && *f == "speaker"))
                    .collect();
                if !judged.is_empty() && h.at > given {
                    let fields = judged.join(", ");
                    changes.push((h.at, Says::FieldsEdited { fields: &fields }.text(language)));
                }
            }
            Event::Evidence if h.at > given => {
                let what = Says::EvidenceAdded {
                    stance: h.stance.filter(|_| h.source.is_some()),
                    source: h.source.as_ref().map(SourceId::short),
                }
                .text(language);
                changes.push((h.at, what));
            }
            _ => {}
        }
    }
    // Evidence written in by hand leaves no history entry, but its date.
    for e in &claim.evidence {
        let logged = claim.history[at + 1..].iter().any(|h| {
            h.event == Event::Evidence && h.source.as_ref() == Some(&e.source) && h.at == e.added_at
        });
        if e.added_at > given && !logged {
            changes.push((
                e.added_at,
                Says::EvidenceAdded {
                    stance: Some(e.stance),
                    source: Some(e.source.short()),
                }
                .text(language),
            ));
        }
    }
    // Evidence the verdict saw that is gone: the history says it was added,
    // the record no longer holds it.
    let mut removed: Vec<(SourceId, Stance)> = Vec::new();
    for h in &claim.history[..at] {
        if let (Event::Evidence, Some(source), Some(stance)) = (h.event, &h.source, h.stance)
            && !claim
                .evidence
                .iter()
                .any(|e| e.source == *source && e.stance == stance)
            && !removed.contains(&(source.clone(), stance))
        {
            removed.push((source.clone(), stance));
        }
    }
    if policy.is_some() {
        let mut cited: Vec<&SourceId> = claim.evidence.iter().map(|e| &e.source).collect();
        cited.sort();
        cited.dedup();
        for id in cited {
            let Some(meta) = metas(id) else { continue };
            for edit in meta.history.iter().filter(|e| e.at > given) {
                let fields: Vec<&str> = edit
                    .fields
                    .iter()
                    .map(String::as_str)
                    .filter(|f| POLICY_FIELDS.contains(f))
                    .collect();
                if !fields.is_empty() {
                    let fields = fields.join(", ");
                    changes.push((
                        edit.at,
                        Says::SnapshotEdited {
                            source: id.short(),
                            fields: &fields,
                        }
                        .text(language),
                    ));
                }
            }
        }
    }
    if changes.is_empty() && removed.is_empty() {
        return None;
    }
    changes.sort();
    let mut what: Vec<String> = changes
        .iter()
        .map(|(t, w)| {
            Says::On {
                what: w,
                date: &when(*t, given),
            }
            .text(language)
        })
        .collect();
    what.extend(removed.iter().map(|(source, stance)| {
        Says::EvidenceRemoved {
            stance: *stance,
            source: source.short(),
        }
        .text(language)
    }));
    let shown = what.len().min(3);
    let more = match what.len() - shown {
        0 => String::new(),
        n => Says::AndMore { n }.text(language),
    };
    Some(problem(
        ProblemKind::StaleVerdict,
        rel(),
        line_of_key(raw, "status", 0),
        Says::StaleVerdict {
            status: claim.status,
            given: &when(given, changes.first().map_or(given, |c| c.0)),
            what: &what[..shown],
            more: &more,
            id: claim.id.as_str(),
        }
        .text(language),
    ))
}

/// `policy.disputed`: a `disputed` verdict whose refuting evidence no
/// longer meets the desk's bar.
pub(super) fn disputed_policy<'a>(
    config: &Config,
    claim: &Claim,
    metas: impl Fn(&SourceId) -> Option<&'a SourceMeta>,
    raw: &str,
    rel: &dyn Fn() -> PathBuf,
) -> Option<Problem> {
    if claim.status != Status::Disputed {
        return None;
    }
    let why = rules::disputed_policy_unmet(config, claim, metas)?;
    Some(problem(
        ProblemKind::Policy,
        rel(),
        line_of_key(raw, "status", 0),
        Says::PolicyNotMet {
            status: Status::Disputed,
            why: &why,
        }
        .text(config.language()),
    ))
}

/// Phrases that name an outlet as the source of what follows, with the
/// outlet's name as the first group that matched.
static RELAYS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let name = r"([A-Z][\w&'.\-]*(?:\s+(?:[A-Z][\w&'.\-]*|of|and))*)";
    [
        r"据\s*《([^》\n]{1,40})》".to_string(),
        r"(?:援引|引述|引用|转引)\s*《([^》\n]{1,40})》".to_string(),
        r"《([^》\n]{1,40})》\s*(?:报道|报导|披露|援引|消息|称|指出)".to_string(),
        r"(?:据|援引|引述)\s*([\p{Han}A-Za-z·]{2,12}?(?:社|报|网|台|新闻|时报|日报|周刊|媒体))\s*(?:报道|报导|消息|称)".to_string(),
        format!(r"(?i:according\s+to|reported\s+by|as\s+reported\s+in|citing)\s+(?i:an?\s+(?:report|story|article)\s+(?:in|by|from)\s+)?(?i:the\s+)?{name}"),
        format!(r"(?:The\s+)?{name}\s+(?:reported|first\s+reported|has\s+reported)"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("the relay patterns are valid"))
    .collect()
});

/// Words that make an English name an outlet's rather than a company's or
/// a person's ("according to OpenAI" relays no one's reporting).
const OUTLET_WORDS: &[&str] = &[
    "Journal",
    "Times",
    "Post",
    "News",
    "Reuters",
    "Bloomberg",
    "Press",
    "AP",
    "AFP",
    "Agence",
    "Herald",
    "Guardian",
    "Telegraph",
    "Tribune",
    "Insider",
    "Daily",
    "Magazine",
    "Gazette",
    "Economist",
    "CNN",
    "BBC",
    "CNBC",
    "NBC",
    "ABC",
    "CBS",
    "NPR",
    "Axios",
    "Politico",
    "Verge",
    "TechCrunch",
    "Information",
    "Wired",
    "Forbes",
    "Fortune",
    "Xinhua",
    "Nikkei",
    "Semafor",
    "Observer",
    "Chronicle",
    "Wire",
    "WSJ",
    "FT",
    "dpa",
];

/// The outlet `excerpt` names as its source, with the words that name it.
pub fn relayed_outlet(excerpt: &str) -> Option<(String, String)> {
    RELAYS.iter().find_map(|re| {
        re.captures_iter(excerpt).find_map(|caps| {
            let whole = caps.get(0)?.as_str();
            let name = caps.get(1)?.as_str().trim().trim_end_matches(['.', '\'']);
            let ascii = name.is_ascii();
            let outlet = !ascii
                || name
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| OUTLET_WORDS.contains(&w));
            outlet.then(|| (name.to_string(), whole.trim().to_string()))
        })
    })
}

/// `no-origin`: evidence whose excerpt relays another outlet's reporting,
/// from a snapshot whose record has no `origin`.
pub(super) fn unattributed_relays<'a>(
    config: &Config,
    claim: &Claim,
    metas: impl Fn(&SourceId) -> Option<&'a SourceMeta>,
    raw: &str,
    rel: &dyn Fn() -> PathBuf,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, e) in claim.evidence.iter().enumerate() {
        let (Some(excerpt), Some(meta)) = (&e.excerpt, metas(&e.source)) else {
            continue;
        };
        if meta.origin.is_some() {
            continue;
        }
        let Some((outlet, words)) = relayed_outlet(excerpt) else {
            continue;
        };
        // An outlet citing its own earlier reporting relays no one else.
        let own = meta.publisher.as_deref().is_some_and(|p| {
            let (p, o) = (rules::fold(p), rules::fold(&outlet));
            !o.is_empty() && (p.contains(&o) || o.contains(&p))
        });
        if own {
            continue;
        }
        out.push(problem(
            ProblemKind::NoOrigin,
            rel(),
            evidence_line(raw, i),
            Says::NoOrigin {
                n: i + 1,
                outlet: &outlet,
                words: &words,
                source: e.source.short(),
            }
            .text(config.language()),
        ));
    }
    out
}

/// A correction compared as words: whitespace does not count.
pub fn correction_key(correction: &str) -> String {
    correction.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A claim's suggested correction, for the duplicate-correction rule: read
/// from the claim, or, for a claim the index vouches for, from its row.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub id: ClaimId,
    pub correction: String,
    /// Where its quote is: snapshot (bare hex), start, end.
    pub at: Option<(String, usize, usize)>,
}

impl Fix {
    pub fn of(claim: &Claim) -> Option<Fix> {
        Fix::of_row(&Row::of(claim))
    }

    pub fn of_row(row: &Row) -> Option<Fix> {
        Some(Fix {
            id: row.id.parse().ok()?,
            correction: row.correction?.to_string(),
            at: row.anchor.map(|(s, a, b)| (s.to_string(), a, b)),
        })
    }

    /// Whether the two quotes overlap in one snapshot.
    pub fn overlaps(&self, other: &Fix) -> bool {
        match (&self.at, &other.at) {
            (Some((s, a, b)), Some((t, c, d))) => s == t && *a < *d && *c < *b,
            _ => false,
        }
    }
}

/// How many other claims a `duplicate-correction` message names.
const NAMED_OTHERS: usize = 3;

/// `duplicate-correction`: claims on different words given the same
/// suggested correction. `fixes` come with their claim file, and its text
/// when it was read.
pub(super) fn duplicate_corrections(
    ws: &Workspace,
    fixes: Vec<(PathBuf, Option<&str>, std::borrow::Cow<'_, Fix>)>,
) -> Vec<Problem> {
    let mut by_words: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (_, _, fix)) in fixes.iter().enumerate() {
        let key = correction_key(&fix.correction);
        if !key.is_empty() {
            by_words.entry(key).or_default().push(i);
        }
    }
    let language = ws.config.language();
    let mut out = Vec::new();
    for group in by_words.values().filter(|g| g.len() > 1) {
        for &i in group {
            let (path, raw, fix) = &fixes[i];
            let others: Vec<&ClaimId> = group
                .iter()
                .filter(|&&j| j != i && !fix.overlaps(&fixes[j].2))
                .map(|&j| &fixes[j].2.id)
                .collect();
            if others.is_empty() {
                continue;
            }
            // At most three named: a correction pasted on a thousand claims
            // makes a thousand problems, not a million names.
            let mut others: Vec<&ClaimId> = others;
            others.sort();
            let more = others.len().saturating_sub(NAMED_OTHERS);
            let mut named = others
                .iter()
                .take(NAMED_OTHERS)
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(crate::says::list_separator(language));
            if more > 0 {
                named.push_str(&Says::AndMore { n: more }.text(language));
            }
            let raw = match raw {
                Some(raw) => std::borrow::Cow::Borrowed(*raw),
                None => std::borrow::Cow::Owned(read_or_empty(path)),
            };
            out.push(problem(
                ProblemKind::DuplicateCorrection,
                ws.rel(path),
                line_of_key(&raw, "correction", 0),
                Says::DuplicateCorrection { named: &named }.text(language),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relays_are_found_in_english_and_chinese() {
        let found = |s: &str| relayed_outlet(s).map(|(o, _)| o);
        assert_eq!(
            found("据《华尔街日报》报道，Murati推迟了发布。").as_deref(),
            Some("华尔街日报")
        );
        assert_eq!(
            found("OpenAI delayed it, according to the Wall Street Journal.").as_deref(),
            Some("Wall Street Journal")
        );
        assert_eq!(
            found("as reported by Reuters on Monday").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            found("The Information reported that staff left.").as_deref(),
            Some("Information")
        );
        assert_eq!(
            found("据路透社报道，融资已完成。").as_deref(),
            Some("路透社")
        );
        assert_eq!(found("according to OpenAI, the card was public"), None);
        assert_eq!(found("据报道，融资已完成。"), None);
        assert_eq!(found("The team had only 9 days."), None);
    }

    #[test]
    fn corrections_compare_without_whitespace() {
        assert_eq!(
            correction_key(" 约 5 至 7 倍\n"),
            correction_key("约5至7倍")
        );
    }
}
