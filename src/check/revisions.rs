//! Article revisions: claims anchored in an earlier revision of the
//! article, claims in recheck, and a chain of `revises` that is broken.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use crate::anchor::{self};
use crate::model::{Claim, SourceId, SourceMeta};
use crate::workspace::Workspace;
use crate::workspace::store;

use super::lines::line_of_key;
use super::loading::read_or_empty;
use super::{Problem, ProblemKind, problem};

/// The article and its earlier revisions, from the snapshot records.
pub(super) struct Revisions {
    pub(super) article: Option<SourceId>,
    pub(super) earlier: HashSet<SourceId>,
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
                    format!(
                        "`revises` names snapshot `{}`, which is not in `sources/`; restore it from git",
                        prev.short()
                    ),
                ));
                break;
            }
            if prev == id || !earlier.insert(prev.clone()) || Some(&prev) == article.as_ref() {
                problems.push(problem(
                    ProblemKind::RevisionChain,
                    path,
                    line,
                    "`revises` goes round in a circle; correct it so the revisions form a line",
                ));
                break;
            }
            at = Some(prev);
        }
        Revisions { article, earlier }
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
                format!(
                    "anchored in `{}`, an earlier revision of the article (now `{}`); `factcheck check --fix` carries it over",
                    a.source.short(),
                    article.short()
                ),
            ));
        }
        if let Some(h) = claim.recheck() {
            let words = match (&h.from, &claim.appears_in) {
                (Some(from), Some(now)) => format!(
                    " (\"{}\" → \"{}\")",
                    anchor::one_line(&from.exact),
                    anchor::one_line(&now.exact)
                ),
                _ => String::new(),
            };
            out.push(problem(
                ProblemKind::Recheck,
                rel(),
                line_of_key(raw, "exact", 0),
                format!(
                    "in recheck: its quoted words changed in revision `{}`{words}; its verdict is not final until it is marked again (`factcheck mark {} STATUS`)",
                    h.revision.as_ref().map_or("?", SourceId::short),
                    claim.id
                ),
            ));
        }
        out
    }
}
