//! The rules a verdict must meet, shared by `mark` (which refuses) and `check`
//! (which reports): the status rules of design §3, and the desk's own
//! standards from `factcheck.yaml` — its rating scale and its verification
//! policy.

use crate::model::{
    Claim, Config, IndependentBy, Language, Rating, SourceId, SourceKind, SourceMeta, Stance,
    Status, VerifiedPolicy,
};
use crate::says::Says;

/// Why `claim` may not have `status`, or `None` when the rule is met.
/// `note` is the reason given with the verdict; `evidence_intact` says whether
/// every evidence snapshot is present and hashes right (or names what is not).
/// The reason is in `language`.
pub fn unmet(
    claim: &Claim,
    status: Status,
    note: Option<&str>,
    evidence_intact: Result<(), String>,
    language: Language,
) -> Option<String> {
    let has = |stance: Stance| claim.evidence.iter().any(|e| e.stance == stance);
    let note_given = note.is_some_and(|n| !n.trim().is_empty());
    match status {
        Status::Verified if !has(Stance::Supports) => Some(Says::VerifiedNeedsSupport),
        Status::Verified => match &evidence_intact {
            Err(why) => Some(Says::VerifiedNeedsIntact { why }),
            Ok(()) => None,
        },
        Status::Disputed if !has(Stance::Refutes) && !note_given => {
            Some(Says::DisputedNeedsRefutation)
        }
        Status::Unverifiable if !note_given => Some(Says::UnverifiableNeedsNote),
        _ => None,
    }
    .map(|says| says.text(language))
}

/// Whether `rating` may go with `status` on the desk's scale, or why not.
/// Without a scale in `factcheck.yaml`, ratings are free text.
pub fn rating_unmet(config: &Config, status: Status, rating: Option<&str>) -> Option<String> {
    let rating = rating?;
    if config.ratings.is_empty() {
        return None;
    }
    let fits = |r: &Rating| r.statuses.is_empty() || r.statuses.contains(&status);
    let allowed: Vec<&str> = config
        .ratings
        .iter()
        .filter(|r| fits(r))
        .map(|r| r.label.as_str())
        .collect();
    let language = config.language();
    let choices = if allowed.is_empty() {
        Says::ScaleHasNoLabel { status }.text(language)
    } else {
        let allowed = allowed.join(crate::says::list_separator(language));
        Says::UseOneOf {
            status,
            allowed: &allowed,
        }
        .text(language)
    };
    match config.ratings.iter().find(|r| r.label == rating) {
        None => Some(
            Says::NotOnScale {
                rating,
                choices: &choices,
            }
            .text(language),
        ),
        Some(r) if !fits(r) => Some(
            Says::LabelForOthers {
                rating,
                statuses: &r.statuses,
                status,
                choices: &choices,
            }
            .text(language),
        ),
        Some(_) => None,
    }
}

/// Why `claim` does not meet the desk's policy for `verified` (the
/// `policy.verified` key of `factcheck.yaml`), or `None` when it does or
/// there is no policy. `source` looks a snapshot record up by id.
///
/// Supporting evidence counts once per independent source: sources that
/// relay one origin's reporting, or share a publisher (or, lacking one, a
/// url host), are one source, and kinds listed in `not_counted` do not count
/// at all. With `primary_suffices`, one supporting source that is primary for
/// the claim is enough: a `primary` or `official` source, or one published by
/// the claim's own speaker (design §8: the outlet's own text proves what the
/// outlet reported).
pub fn policy_unmet<'a>(
    config: &Config,
    claim: &Claim,
    source: impl Fn(&SourceId) -> Option<&'a SourceMeta>,
) -> Option<String> {
    let policy = config.policy.as_ref()?.verified.as_ref()?;
    evidence_unmet(policy, Stance::Supports, claim, source, config.language())
}

/// Why `claim`'s refuting evidence does not meet the desk's policy for
/// `disputed` (`policy.disputed`, the keys of `policy.verified` read for
/// evidence that refutes), or `None` when it does or there is no such
/// policy.
pub fn disputed_policy_unmet<'a>(
    config: &Config,
    claim: &Claim,
    source: impl Fn(&SourceId) -> Option<&'a SourceMeta>,
) -> Option<String> {
    let policy = config.policy.as_ref()?.disputed.as_ref()?;
    evidence_unmet(policy, Stance::Refutes, claim, source, config.language())
}

/// Independent sources of `claim`'s evidence of `stance` against `policy`.
fn evidence_unmet<'a>(
    policy: &VerifiedPolicy,
    stance: Stance,
    claim: &Claim,
    source: impl Fn(&SourceId) -> Option<&'a SourceMeta>,
    language: Language,
) -> Option<String> {
    let mut cited: Vec<&SourceId> = claim
        .evidence
        .iter()
        .filter(|e| e.stance == stance)
        .map(|e| &e.source)
        .collect();
    cited.sort();
    cited.dedup();
    /// Sources that count as one: their key, the origin they relay (if
    /// any does), and how messages name them.
    struct Group {
        key: String,
        shown: String,
        origin: Option<String>,
        names: Vec<String>,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut not_counted = Vec::new();
    for id in cited {
        let Some(meta) = source(id) else { continue };
        let name = describe(id, meta);
        if policy.primary_suffices && is_primary_for(meta, claim) {
            return None;
        }
        if let Some(kind) = meta.kind.filter(|k| policy.not_counted.contains(k)) {
            not_counted.push(
                Says::DoesNotCount {
                    name: &name,
                    kind: kind.as_str(),
                }
                .text(language),
            );
            continue;
        }
        let (key, shown) = independence_key(policy.independent_by, id, meta);
        let origin = meta.origin.clone();
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => {
                g.names.push(name);
                g.origin = g.origin.take().or(origin);
            }
            None => groups.push(Group {
                key,
                shown,
                origin,
                names: vec![name],
            }),
        }
    }
    let has = groups.len();
    let needed = policy.min_sources as usize;
    if has >= needed {
        return None;
    }
    let mut why = vec![];
    for g in &groups {
        if g.names.len() > 1 {
            why.push(
                match &g.origin {
                    Some(origin) => Says::RelayOneOrigin {
                        names: &g.names,
                        origin,
                    },
                    None => Says::ShareAndCountOnce {
                        names: &g.names,
                        shown: &g.shown,
                    },
                }
                .text(language),
            );
        }
    }
    why.extend(not_counted);
    Some(
        Says::NeedsSources {
            needed,
            stance,
            or_primary: policy.primary_suffices,
            has,
            why: &why,
        }
        .text(language),
    )
}

/// Whether `meta` is a primary source for `claim`: primary or official by
/// kind, or published by the claim's own speaker.
pub fn is_primary_for(meta: &SourceMeta, claim: &Claim) -> bool {
    matches!(meta.kind, Some(SourceKind::Primary | SourceKind::Official))
        || matches!((&meta.publisher, &claim.speaker), (Some(p), Some(s)) if same_name(p, s))
}

/// What makes two sources one for the policy: the origin whose reporting
/// it relays, else the publisher, else the url's host, else the snapshot
/// itself; and how a message shows it. Names are compared as
/// [`crate::model::name_key`] does, so look-alikes are one; an origin is
/// compared with publishers, so a newspaper's own page and a wire's
/// retelling of it are one.
fn independence_key(by: IndependentBy, id: &SourceId, meta: &SourceMeta) -> (String, String) {
    if let Some(origin) = meta.origin.as_deref().filter(|o| !bare(o).is_empty()) {
        return (fold(origin), bare(origin));
    }
    let host = || meta.url.as_deref().and_then(url_host);
    let shown = match by {
        IndependentBy::Publisher => meta.publisher.as_deref().map(bare).or_else(host),
        IndependentBy::Host => host(),
    };
    let key = match (by, &meta.publisher) {
        (IndependentBy::Publisher, Some(p)) => fold(p),
        _ => shown.clone().unwrap_or_default(),
    };
    match shown {
        Some(shown) => (key, shown),
        None => (id.short().to_string(), id.short().to_string()),
    }
}

/// A snapshot as messages name it: its publisher or host, and short id.
fn describe(id: &SourceId, meta: &SourceMeta) -> String {
    match meta
        .publisher
        .clone()
        .or_else(|| meta.url.as_deref().and_then(url_host))
    {
        Some(who) => format!("{who} (`{}`)", id.short()),
        None => format!("`{}`", id.short()),
    }
}

/// The host of an http(s) url, lower case, without `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// Names compared as people read them: case, spaces and quotation marks
/// (《》, “”) do not matter.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}

pub fn fold(name: &str) -> String {
    // Look-alikes (`Ｒeuters`, Cyrillic `Rеuters`) are one publisher.
    crate::model::name_key(&bare(name))
}

/// A name without spaces and quotation marks, in lower case.
fn bare(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !"《》〈〉“”‘’\"'「」".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_come_from_urls() {
        assert_eq!(
            url_host("https://www.Example.com/a?b"),
            Some("example.com".into())
        );
        assert_eq!(
            url_host("http://user@news.example.org:8080/x"),
            Some("news.example.org".into())
        );
        assert_eq!(url_host("not a url"), None);
    }

    #[test]
    fn names_match_across_case_spaces_and_title_marks() {
        assert!(same_name("《纽约时报》", "纽约时报"));
        assert!(same_name("The New York Times", "the new york  times"));
        assert!(!same_name("Reuters", "Bloomberg"));
        assert!(!same_name("", ""));
    }
}
