//! The verdicts as schema.org ClaimReview JSON-LD, for a publishing system
//! or search engines (`factcheck export claimreview`).
//!
//! The output is one JSON array holding one self-contained `ClaimReview`
//! object (each with its own `@context`) per claim with a verdict, in article
//! order. A claim is exported when its status is not `unverified`; with
//! `review.second_reviewer: true`, only once its verdict is signed off, since
//! until then it is not final; nor is the verdict of a claim in recheck or
//! dropped after a revision of the article. With the desk's rating scale (`ratings:` in
//! `factcheck.yaml`), a claim's label gives its `ratingValue`, the scale's
//! highest and lowest values `bestRating` and `worstRating`, and a label
//! without a value is exported by name (`alternateName`) only. Without a
//! scale: `verified` = 5, `disputed` = 1, `unverifiable` = no `ratingValue`.
//! The textual rating, `alternateName`, is the claim's `rating`, else the
//! status label in the workspace language. The claim's `author` is its
//! speaker, its `appearance` the article's url and title, and its
//! `datePublished` the article's publication date; the review's own
//! `datePublished` is the day of the verdict. `url` is `{base_url}#{claim id}` when
//! `factcheck.yaml` sets `base_url`, and left out otherwise. `<`, `>` and `&`
//! are written as JSON `\u` escapes, so the array can be pasted into an HTML
//! `<script>` element as it is.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Result;
use crate::model::{Claim, Config, Language, SourceId, SourceMeta, Status, article_order};
use crate::report;
use crate::workspace::{Workspace, store};

/// The best and worst `ratingValue` without a rating scale.
const BEST: u32 = 5;
const WORST: u32 = 1;

/// One `ClaimReview`, its fields in the order schema.org examples use.
#[derive(Debug, Serialize)]
pub struct ClaimReview {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub identifier: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(rename = "claimReviewed")]
    pub claim_reviewed: String,
    #[serde(rename = "itemReviewed")]
    pub item_reviewed: ItemReviewed,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(rename = "reviewRating")]
    pub review_rating: Rating,
}

/// The claim as it appeared.
#[derive(Debug, Serialize)]
pub struct ItemReviewed {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance>,
}

/// Where the claim appeared: the snapshot's url and title.
#[derive(Debug, Serialize)]
pub struct Appearance {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
}

/// A `Person` or an `Organization`.
#[derive(Debug, Serialize)]
pub struct Agent {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
}

/// The verdict.
#[derive(Debug, Serialize)]
pub struct Rating {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    pub rating_value: Option<u32>,
    #[serde(rename = "bestRating")]
    pub best_rating: u32,
    #[serde(rename = "worstRating")]
    pub worst_rating: u32,
    #[serde(rename = "alternateName")]
    pub alternate_name: String,
}

/// The reviews of every exported claim, and how many verdicts were held back
/// for want of a sign-off.
pub fn claimreviews(ws: &Workspace) -> Result<(Vec<ClaimReview>, usize)> {
    let config = &ws.config;
    let language = config.language();
    let sources: BTreeMap<SourceId, SourceMeta> = store::load_all(ws)?
        .into_iter()
        .map(|m| (m.id().clone(), m))
        .collect();
    let mut claims = ws.load_claims()?;
    article_order(&mut claims, config.article.as_ref());
    let mut published: BTreeMap<SourceId, Option<String>> = BTreeMap::new();
    let mut reviews = Vec::new();
    let mut held = 0;
    for claim in claims.iter().filter(|c| c.status != Status::Unverified) {
        // A verdict on words a revision of the article changed or cut is not
        // final (design §8): it is not published until marked again.
        if claim.recheck().is_some() || claim.dropped().is_some() {
            continue;
        }
        if config.second_reviewer() && claim.signed_off().is_none() {
            held += 1;
            continue;
        }
        // Where it appeared: its own snapshot, else the workspace's article.
        let seen_in = claim
            .appears_in
            .as_ref()
            .map(|a| &a.source)
            .or(config.article.as_ref())
            .and_then(|id| Some((id, sources.get(id)?)));
        let date = seen_in.and_then(|(id, meta)| {
            published
                .entry(id.clone())
                .or_insert_with(|| {
                    meta.published
                        .map(|d| d.to_string())
                        .or_else(|| report::published_date(ws, meta))
                })
                .clone()
        });
        reviews.push(review(ws, claim, seen_in.map(|(_, m)| m), date, language));
    }
    Ok((reviews, held))
}

/// How many verdicts [`claimreviews`] leaves out because a revision of the
/// article changed or cut their words.
pub fn left_out_revised(ws: &Workspace) -> Result<usize> {
    Ok(ws
        .load_claims()?
        .iter()
        .filter(|c| {
            c.status != Status::Unverified && (c.recheck().is_some() || c.dropped().is_some())
        })
        .count())
}

fn review(
    ws: &Workspace,
    claim: &Claim,
    seen_in: Option<&SourceMeta>,
    published: Option<String>,
    language: Language,
) -> ClaimReview {
    let config = &ws.config;
    let review_rating = review_rating(config, claim, language);
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        identifier: claim.id.to_string(),
        url: config
            .base_url
            .as_deref()
            .map(|base| format!("{base}#{}", claim.id)),
        claim_reviewed: claim.text.clone(),
        item_reviewed: ItemReviewed {
            kind: "Claim",
            author: claim.speaker.as_deref().map(|name| Agent {
                kind: if looks_like_an_organization(name) {
                    "Organization"
                } else {
                    "Person"
                },
                name: name.to_string(),
            }),
            date_published: published,
            appearance: seen_in
                .filter(|m| m.url.is_some() || m.title.is_some())
                .map(|m| Appearance {
                    kind: "CreativeWork",
                    url: m.url.clone(),
                    headline: m.title.clone(),
                }),
        },
        author: config.publisher.as_ref().map(|name| Agent {
            kind: "Organization",
            name: name.clone(),
        }),
        date_published: claim.verdict_entry().map(|h| h.at.date()),
        review_rating,
    }
}

/// The `reviewRating`. With a rating scale in `factcheck.yaml`, the claim's
/// label gives `ratingValue` (none for a label without a value: then only
/// `alternateName` says it), and the scale's values give `bestRating` and
/// `worstRating`. Without one, `verified` is 5, `disputed` 1, and an
/// `unverifiable` claim has only its label.
fn review_rating(config: &Config, claim: &Claim, language: Language) -> Rating {
    let alternate_name = claim
        .rating
        .clone()
        .unwrap_or_else(|| report::status_label(claim.status, language).to_string());
    let values: Vec<u32> = config.ratings.iter().filter_map(|r| r.value).collect();
    let on_scale = claim
        .rating
        .as_deref()
        .and_then(|label| config.ratings.iter().find(|r| r.label == label));
    match (on_scale, values.iter().max(), values.iter().min()) {
        (Some(r), Some(&best), Some(&worst)) => Rating {
            kind: "Rating",
            rating_value: r.value,
            best_rating: best,
            worst_rating: worst,
            alternate_name,
        },
        _ => Rating {
            kind: "Rating",
            rating_value: match claim.status {
                Status::Verified => Some(BEST),
                Status::Disputed => Some(WORST),
                Status::Unverifiable | Status::Unverified => None,
            },
            best_rating: BEST,
            worst_rating: WORST,
            alternate_name,
        },
    }
}

/// Whether a speaker is better typed `Organization` than `Person`: a claim
/// record only has a name, so this goes by words organisations carry.
fn looks_like_an_organization(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "agency",
        "association",
        "bank",
        "co.",
        "commission",
        "committee",
        "company",
        "corp",
        "corp.",
        "corporation",
        "council",
        "department",
        "foundation",
        "government",
        "group",
        "inc",
        "inc.",
        "institute",
        "llc",
        "ltd",
        "ltd.",
        "ministry",
        "newspaper",
        "office",
        "party",
        "police",
        "times",
        "university",
    ];
    const ZH: &[&str] = &[
        "公司",
        "集团",
        "政府",
        "委员会",
        "大学",
        "学院",
        "研究院",
        "研究所",
        "协会",
        "基金会",
        "银行",
        "日报",
        "时报",
        "晚报",
        "通讯社",
        "电视台",
        "部门",
        "警方",
    ];
    let lower = name.to_lowercase();
    lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| WORDS.contains(&w))
        || ZH.iter().any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::looks_like_an_organization;

    #[test]
    fn speakers_are_people_unless_their_name_says_organisation() {
        assert!(looks_like_an_organization("Harbourside City Council"));
        assert!(looks_like_an_organization("Acme Inc."));
        assert!(looks_like_an_organization("The New York Times"));
        assert!(looks_like_an_organization("《纽约时报》"));
        assert!(!looks_like_an_organization("Mayor Lee"));
        assert!(!looks_like_an_organization("Sam Altman"));
        assert!(!looks_like_an_organization("知情人士"));
    }
}
