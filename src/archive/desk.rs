//! A desk's own checked claims as archive entries: each claim with a verdict,
//! its quote, rating, correction and date, and the article it was checked
//! in. Keyed `WORKSPACE#CLAIM-ID`, so adding a workspace again replaces its
//! entries and drops those of claims it no longer has.

use std::collections::BTreeMap;

use super::Entry;
use crate::error::Result;
use crate::model::{SourceId, SourceMeta, Status};
use crate::workspace::Workspace;
use crate::workspace::store;

/// The key prefix of a workspace's entries.
pub fn prefix(ws: &Workspace) -> String {
    let root = crate::workspace::fs::canonical(ws.root());
    format!("{}#", root.display())
}

/// The workspace's claims that have a verdict, as entries.
pub fn entries(ws: &Workspace) -> Result<Vec<Entry>> {
    let prefix = prefix(ws);
    let workspace = prefix.trim_end_matches('#').to_string();
    let sources: BTreeMap<SourceId, SourceMeta> = store::load_all(ws)?
        .into_iter()
        .map(|m| (m.id().clone(), m))
        .collect();
    let mut out = Vec::new();
    for claim in ws.load_claims()? {
        if claim.status == Status::Unverified {
            continue;
        }
        let article = claim
            .appears_in
            .as_ref()
            .map(|a| &a.source)
            .or(ws.config.article.as_ref())
            .and_then(|id| sources.get(id));
        let verdict = claim.verdict_entry();
        out.push(Entry {
            url: format!("{prefix}{}", claim.id),
            claim: claim.text.clone(),
            title: article.and_then(|m| m.title.clone()),
            description: claim.appears_in.as_ref().map(|a| a.exact.clone()),
            rating: claim
                .rating
                .clone()
                .or_else(|| Some(claim.status.as_str().to_string())),
            verdict: Some(claim.status.as_str().to_string()),
            correction: claim.correction.clone(),
            checked_by: ws
                .config
                .publisher
                .clone()
                .or_else(|| verdict.map(|h| h.by.clone())),
            date: verdict.map(|h| h.at.date().to_string()),
            article_url: article.and_then(|m| m.url.clone()),
            workspace: Some(workspace.clone()),
            claim_id: Some(claim.id.to_string()),
        });
    }
    Ok(out)
}
