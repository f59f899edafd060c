//! The rules on one claim: its quote and evidence against their snapshots,
//! its verdict against the rating scale and the desk's policy, its place in
//! the article's revisions.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::anchor::{self, Found};
use crate::model::{Claim, Config, SourceId, SourceMeta, Status};
use crate::rules;
use crate::says::Says;
use crate::text::SourceText;
use crate::workspace::Workspace;

use super::lines::{evidence_line, line_of_key, line_of_key_from};
use super::loading::Loaded;
use super::revisions::Revisions;
use super::{Problem, ProblemKind, editorial, problem};

/// A claim's problems, and its quote's new offsets when they went stale.
pub(super) type ClaimFindings = (Vec<Problem>, Option<(usize, usize)>);

pub(super) struct ClaimCtx<'a> {
    /// The snapshots that have a readable record.
    pub(super) sources: &'a HashSet<&'a SourceId>,
    /// Those records, for the desk's policy.
    pub(super) metas: &'a BTreeMap<SourceId, SourceMeta>,
    /// The settings: rating scale and policy.
    pub(super) config: &'a Config,
    pub(super) texts: &'a HashMap<SourceId, std::result::Result<SourceText, String>>,
    pub(super) damaged: &'a HashMap<String, String>,
    pub(super) revisions: &'a Revisions,
}

impl ClaimCtx<'_> {
    /// Problems of one claim, and new offsets when the quote moved.
    pub(super) fn check_claim(
        &self,
        ws: &Workspace,
        loaded: &Loaded,
        raw: &str,
    ) -> (Vec<Problem>, Option<(usize, usize)>) {
        let Loaded { path, claim, .. } = loaded;
        // Where a problem is: worked out only for a claim that has one.
        let rel = || ws.rel(path);
        let mut problems = Vec::new();
        let mut moved = None;
        let language = self.config.language();
        let missing = |id: &SourceId| Says::NotInSources { source: id.short() }.text(language);

        if let Some(a) = &claim.appears_in {
            match self.text_of(&a.source) {
                Err(why) => {
                    let line = line_of_key(raw, "appears_in", 0).map(|l| l + 1);
                    problems.push(problem(ProblemKind::Unreadable, rel(), line, why));
                }
                Ok(text) => match anchor::find(text, a) {
                    Found::InPlace => {}
                    Found::Moved { start, end } => {
                        moved = Some((start, end));
                        problems.push(problem(
                            ProblemKind::StaleOffsets,
                            rel(),
                            line_of_key(raw, "start", 0),
                            Says::StaleOffsets {
                                was: (a.start, a.end),
                                now: (start, end),
                            }
                            .text(language),
                        ));
                    }
                    Found::Lost => problems.push(problem(
                        ProblemKind::LostQuote,
                        rel(),
                        line_of_key(raw, "exact", 0),
                        Says::LostQuote {
                            source: a.source.short(),
                            exact: &anchor::one_line(&a.exact),
                        }
                        .text(language),
                    )),
                },
            }
        }

        let mut intact = Ok(());
        for (i, e) in claim.evidence.iter().enumerate() {
            let item_line = || evidence_line(raw, i);
            if !self.sources.contains(&e.source) {
                problems.push(problem(
                    ProblemKind::MissingSnapshot,
                    rel(),
                    item_line(),
                    Says::Evidence {
                        n: i + 1,
                        what: &missing(&e.source),
                    }
                    .text(language),
                ));
                intact = Err(missing(&e.source));
                continue;
            }
            if let Some(why) = self.damaged.get(e.source.hex()) {
                intact = Err(Says::SnapshotDamaged {
                    source: e.source.short(),
                    why,
                }
                .text(language));
            }
            if let Some(excerpt) = &e.excerpt {
                match self.text_of(&e.source) {
                    Err(why) => problems.push(problem(
                        ProblemKind::Unreadable,
                        rel(),
                        item_line(),
                        Says::Evidence {
                            n: i + 1,
                            what: &why,
                        }
                        .text(language),
                    )),
                    Ok(text) if !text.contains_excerpt(excerpt) => {
                        let line = item_line().and_then(|l| line_of_key_from(raw, "excerpt", l));
                        problems.push(problem(
                            ProblemKind::LostExcerpt,
                            rel(),
                            line.or_else(item_line),
                            Says::LostExcerpt {
                                n: i + 1,
                                source: e.source.short(),
                                excerpt: &anchor::one_line(excerpt),
                            }
                            .text(language),
                        ));
                    }
                    Ok(_) => {}
                }
            }
        }
        let note = claim.verdict_entry().and_then(|h| h.note.as_deref());
        if let Some(why) = rules::unmet(claim, claim.status, note, intact, language) {
            problems.push(problem(
                ProblemKind::StatusRule,
                rel(),
                line_of_key(raw, "status", 0),
                Says::StatusBroken {
                    status: claim.status,
                    why: &why,
                }
                .text(language),
            ));
        }
        self.editorial(claim, raw, &rel, &mut problems);
        problems.extend(super::watched::problems(
            claim,
            raw,
            &rel,
            self.config,
            self.metas,
        ));
        problems.extend(self.revisions.problems(claim, raw, &rel));
        (problems, moved)
    }

    /// The desk's own standards: its policy for `verified`, its rating
    /// scale, a correction for what is disputed, and evidence that the
    /// verdict could have seen.
    pub(super) fn editorial(
        &self,
        claim: &Claim,
        raw: &str,
        rel: &dyn Fn() -> PathBuf,
        problems: &mut Vec<Problem>,
    ) {
        let status_line = || line_of_key(raw, "status", 0);
        let language = self.config.language();
        if claim.status == Status::Verified
            && let Some(why) = rules::policy_unmet(self.config, claim, |id| self.metas.get(id))
        {
            problems.push(problem(
                ProblemKind::Policy,
                rel(),
                status_line(),
                Says::PolicyNotMet {
                    status: Status::Verified,
                    why: &why,
                }
                .text(language),
            ));
        }
        let metas = |id: &SourceId| self.metas.get(id);
        problems.extend(editorial::disputed_policy(
            self.config,
            claim,
            metas,
            raw,
            rel,
        ));
        problems.extend(editorial::stale_verdict(
            self.config,
            claim,
            metas,
            raw,
            rel,
        ));
        problems.extend(editorial::unattributed_relays(
            self.config,
            claim,
            metas,
            raw,
            rel,
        ));
        if let Some(why) = rules::rating_unmet(self.config, claim.status, claim.rating.as_deref()) {
            problems.push(problem(
                ProblemKind::Rating,
                rel(),
                line_of_key(raw, "rating", 0).or_else(status_line),
                why,
            ));
        }
        let verdict = claim.verdict_entry();
        if claim.status == Status::Disputed
            && claim.correction.is_none()
            && verdict.and_then(|h| h.note.as_deref()).is_none()
        {
            problems.push(problem(
                ProblemKind::NoCorrection,
                rel(),
                status_line(),
                Says::NoCorrection.text(language),
            ));
        }
        if claim.status != Status::Unverified
            && let Some(given) = verdict.map(|h| h.at.date())
        {
            for (i, e) in claim.evidence.iter().enumerate() {
                let Some(published) = self.metas.get(&e.source).and_then(|m| m.published) else {
                    continue;
                };
                if published.to_string() > given {
                    problems.push(problem(
                        ProblemKind::LateEvidence,
                        rel(),
                        evidence_line(raw, i),
                        Says::LateEvidence {
                            n: i + 1,
                            source: e.source.short(),
                            published: &published.to_string(),
                            given: &given,
                        }
                        .text(language),
                    ));
                }
            }
        }
    }

    pub(super) fn text_of(&self, id: &SourceId) -> std::result::Result<&SourceText, String> {
        if !self.sources.contains(id) {
            return Err(Says::NotInSources { source: id.short() }.text(self.config.language()));
        }
        match self.texts.get(id) {
            Some(Ok(text)) => Ok(text),
            Some(Err(why)) => Err(why.clone()),
            None => Err(Says::NotRead { source: id.short() }.text(self.config.language())),
        }
    }
}
