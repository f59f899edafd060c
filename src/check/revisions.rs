//! Article revisions: claims anchored in an earlier revision of the
//! article, claims in recheck, and a chain of `revises` that is broken.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use crate::anchor::{self};
use crate::model::{Claim, Language, SourceId, SourceMeta};
use crate::says::Says;
use crate::workspace::Workspace;
use crate::workspace::store;

use super::lines::line_of_key;
use super::loading::read_or_empty;
use super::{Problem, ProblemKind, problem};

/// The article and its earlier revisions, from the snapshot records.
pub(super) struct Revisions {
    pub(super) article: Option<SourceId>,
    pub(super) earlier: HashSet<SourceId>,
    /// The workspace's language, for the messages.
    pub(super) language: Language,
}

impl Revisions {
    /// Walks `revises` back from the article, reporting a chain that names
    /// a missing snapshot or goes round in a circle.
    pub(super) fn of(
        ws: &Workspace,
        sources: &BTreeMap<SourceId, SourceMeta>,
        problems: &mut Vec<Problem>,
    ) -> Revisions {
        let article = ws.config.article.clone();
        let mut earlier = HashSet::new();
        let mut at = article.clone();
        while let Some(id) = at {
            let Some(prev) = sources.get(&id).and_then(|m| m.revises.clone()) else {
                break;
            };
            let path = format!("sources/{}.yaml", id.hex());
            let line = line_of_key(&read_or_empty(&store::meta_path(ws, &id)), "revises", 0);
            if !sources.contains_key(&prev) {
                problems.push(problem(
                    ProblemKind::RevisionChain,
                    path,
                    line,
                    Says::RevisesMissing {
                        source: prev.short(),
                    }
                    .text(ws.config.language()),
                ));
                break;
            }
            if prev == id || !earlier.insert(prev.clone()) || Some(&prev) == article.as_ref() {
                problems.push(problem(
                    ProblemKind::RevisionChain,
                    path,
                    line,
                    Says::RevisesCircle.text(ws.config.language()),
                ));
                break;
            }
            at = Some(prev);
        }
        Revisions {
            article,
            earlier,
            language: ws.config.language(),
        }
    }

    pub(super) fn problems(
        &self,
        claim: &Claim,
        raw: &str,
        rel: &dyn Fn() -> PathBuf,
    ) -> Vec<Problem> {
        let mut out = Vec::new();
        if crate::revise::waiting(claim, &self.earlier)
            && let (Some(a), Some(article)) = (&claim.appears_in, &self.article)
        {
            out.push(problem(
                ProblemKind::OldRevision,
                rel(),
                line_of_key(raw, "source", 0),
                Says::OldRevision {
                    source: a.source.short(),
                    article: article.short(),
                }
                .text(self.language),
            ));
        }
        if let Some(h) = claim.recheck() {
            let words = match (&h.from, &claim.appears_in) {
                (Some(from), Some(now)) => {
                    Some((anchor::one_line(&from.exact), anchor::one_line(&now.exact)))
                }
                _ => None,
            };
            out.push(problem(
                ProblemKind::Recheck,
                rel(),
                line_of_key(raw, "exact", 0),
                Says::Recheck {
                    revision: h.revision.as_ref().map_or("?", SourceId::short),
                    was: words.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                    id: claim.id.as_str(),
                }
                .text(self.language),
            ));
        }
        out
    }
}
