//! The claims as W3C Web Annotations (`factcheck export annotations`), for the
//! annotation tools desks already use (Hypothesis, Recogito, readers built on
//! Apache Annotator) and CMS plug-ins that read the Web Annotation Data Model.
//!
//! The output is one JSON-LD `AnnotationCollection` (context
//! `http://www.w3.org/ns/anno.jsonld`) whose embedded first page holds one
//! `Annotation` per anchored claim, in article order, each self-contained
//! (with its own `@context`) so a tool can take one out and import it alone:
//!
//! - `id`: `{base_url}#{claim id}` when `factcheck.yaml` sets `base_url`,
//!   else `urn:uuid:` with a name-based UUID (RFC 9562 version 8, SHA-256) of
//!   the claim id and its `created` entry, which no later change touches.
//! - `motivation`: `assessing`; `creator`, `created`, `modified`: from the
//!   claim's history.
//! - `target`: a `SpecificResource` whose `source` is the snapshot's url (its
//!   `urn:sha256:` when it has none), with a `TimeState` naming the snapshot as
//!   the `cached` copy captured at `sourceDate`, and two selectors that select
//!   the same words: a `TextQuoteSelector` and a `TextPositionSelector`
//!   (offsets in code points of the snapshot's text, as the model specifies).
//!   Prefix and suffix are cut to 32 UTF-16 units, the most the Hypothesis
//!   client's quote matcher takes.
//! - `body`: the claim's text (`describing`), the verdict's label (the
//!   rating, else the status, `assessing`), the status word (`classifying`),
//!   the verdict's note (`commenting`), the correction (`editing`), and each
//!   piece of evidence as a `linking` `SpecificResource` labelled with its
//!   stance, its excerpt selected in its snapshot as the snapshot spells it
//!   (`evidence add` lets whitespace and quotation marks differ).
//!
//! Every selector is checked against its snapshot's text first: stale offsets
//! are exported where the quote now is, and a quote that no longer occurs is
//! left out, so every exported selector selects its words. Unanchored claims
//! have nothing to point at and are left out; stderr says how many. Nothing
//! depends on the clock, so the same workspace always gives the same bytes.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::anchor::{self, Found};
use crate::error::Result;
use crate::model::{
    Anchor, Claim, Config, Event, HistoryEntry, Language, SourceId, SourceMeta, Status, Time,
    article_order,
};
use crate::report;
use crate::text::SourceText;
use crate::workspace::{Workspace, store};

/// The JSON-LD context every annotation document names.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// An `AnnotationCollection` with its one page embedded.
#[derive(Debug, Serialize)]
pub struct Collection {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub total: usize,
    /// Absent when the collection is empty, as the model asks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<Page>,
}

/// An `AnnotationPage`: all the annotations, in article order.
#[derive(Debug, Serialize)]
pub struct Page {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(rename = "partOf")]
    pub part_of: String,
    #[serde(rename = "startIndex")]
    pub start_index: usize,
    pub items: Vec<Annotation>,
}

/// One claim as an `Annotation`.
#[derive(Debug, Serialize)]
pub struct Annotation {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<Agent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<Time>,
    pub body: Vec<Body>,
    pub target: Target,
}

/// A `Person`, by the name the records know them by.
#[derive(Debug, Serialize)]
pub struct Agent {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

/// A body: text the desk wrote, or a link to evidence.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Body {
    Text(TextualBody),
    Link(Link),
}

/// A `TextualBody` with its role in the annotation.
#[derive(Debug, Serialize)]
pub struct TextualBody {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub value: String,
    pub format: &'static str,
    /// The workspace language, for what the desk wrote; none for a keyword.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<Agent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<Time>,
}

/// A piece of evidence: a `SpecificResource` with purpose `linking`, its
/// `label` the stance, its selectors the excerpt.
#[derive(Debug, Serialize)]
pub struct Link {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub label: &'static str,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    /// The excerpt, where the evidence has one: a quote and its position
    /// when it is found in the snapshot, else the quote as recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub selector: Vec<Selector>,
    pub creator: Agent,
    pub created: Time,
}

/// Where the claim is: a `SpecificResource` of the article (or other snapshot).
#[derive(Debug, Serialize)]
pub struct Target {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    pub selector: Vec<Selector>,
}

/// Selectors that select the same words two ways.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Selector {
    Quote(QuoteSelector),
    Position(PositionSelector),
}

/// A `TimeState`: the snapshot as the cached copy of the url at capture time.
#[derive(Debug, Serialize)]
pub struct State {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub cached: String,
    #[serde(rename = "sourceDate")]
    pub source_date: Time,
}

/// A `TextQuoteSelector`; an empty prefix or suffix is left out, since a
/// client would search for the empty string and find it anywhere.
#[derive(Debug, Serialize)]
pub struct QuoteSelector {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub exact: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub suffix: String,
}

/// A `TextPositionSelector`, in code points.
#[derive(Debug, Serialize)]
pub struct PositionSelector {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

/// What was left out or adjusted, for the lines on stderr.
#[derive(Debug, Default)]
pub struct Tally {
    /// Claims with no quote.
    pub unanchored: usize,
    /// Claims whose quote no longer occurs in their snapshot.
    pub lost: usize,
    /// Selectors exported where the quote is now, not where the record says.
    pub moved: usize,
    /// Selectors exported as recorded, their snapshot unreadable.
    pub unchecked: usize,
    /// Verdicts left out for want of a second reviewer's sign-off.
    pub unsigned: usize,
}

/// The collection of every anchored claim (with one of `statuses`, when any
/// are given), and what was left out or adjusted.
pub fn collection(ws: &Workspace, statuses: &[Status]) -> Result<(Collection, Tally)> {
    let config = &ws.config;
    let sources: BTreeMap<SourceId, SourceMeta> = store::load_all(ws)?
        .into_iter()
        .map(|m| (m.id().clone(), m))
        .collect();
    let mut claims = ws.load_claims()?;
    claims.retain(|c| statuses.is_empty() || statuses.contains(&c.status));
    article_order(&mut claims, config.article.as_ref());
    let mut texts = Texts {
        ws,
        sources: &sources,
        read: BTreeMap::new(),
    };
    let mut tally = Tally::default();
    let mut items = Vec::new();
    for claim in &claims {
        let Some(recorded) = &claim.appears_in else {
            tally.unanchored += 1;
            continue;
        };
        let anchor = match texts.get(&recorded.source) {
            None => {
                tally.unchecked += 1;
                recorded.clone()
            }
            Some(text) => match anchor::find(text, recorded) {
                Found::InPlace => recorded.clone(),
                Found::Moved { start, end } => {
                    tally.moved += 1;
                    anchor::anchor(recorded.source.clone(), text, start, end)
                }
                Found::Lost => {
                    tally.lost += 1;
                    continue;
                }
            },
        };
        let final_verdict = !config.second_reviewer()
            || claim.status == Status::Unverified
            || claim.signed_off().is_some();
        if !final_verdict {
            tally.unsigned += 1;
        }
        items.push(annotation(
            config,
            claim,
            &anchor,
            &mut texts,
            final_verdict,
        ));
    }
    let collection_id = collection_id(config);
    let total = items.len();
    let first = (total > 0).then(|| Page {
        id: page_id(config),
        kind: "AnnotationPage",
        part_of: collection_id.clone(),
        start_index: 0,
        items,
    });
    let collection = Collection {
        context: CONTEXT,
        id: collection_id,
        kind: "AnnotationCollection",
        label: config.title.clone(),
        total,
        first,
    };
    Ok((collection, tally))
}

/// Snapshot texts, each read once; `None` for one that cannot be read.
struct Texts<'a> {
    ws: &'a Workspace,
    sources: &'a BTreeMap<SourceId, SourceMeta>,
    read: BTreeMap<SourceId, Option<SourceText>>,
}

impl Texts<'_> {
    fn get(&mut self, id: &SourceId) -> Option<&SourceText> {
        let (ws, sources) = (self.ws, self.sources);
        self.read
            .entry(id.clone())
            .or_insert_with(|| sources.get(id).and_then(|m| store::read_text(ws, m).ok()))
            .as_ref()
    }
}

fn annotation(
    config: &Config,
    claim: &Claim,
    anchor: &Anchor,
    texts: &mut Texts,
    final_verdict: bool,
) -> Annotation {
    let sources = texts.sources;
    let language = language_tag(config.language());
    let created = claim
        .history
        .iter()
        .find(|h| h.event == Event::Created)
        .or(claim.history.first());
    let text = |purpose, value: &str, by: Option<&HistoryEntry>| {
        Body::Text(TextualBody {
            kind: "TextualBody",
            purpose,
            value: value.to_string(),
            format: "text/plain",
            language: (purpose != "classifying").then_some(language),
            creator: by.map(|h| person(&h.by)),
            created: by.map(|h| h.at),
        })
    };
    // The claim's words are by whoever last edited them, else its creator.
    let worded = claim
        .history
        .iter()
        .rev()
        .find(|h| h.event == Event::Edit && h.fields.iter().any(|f| f == "text"))
        .or(created);
    let mut body = vec![text("describing", &claim.text, worded)];
    if final_verdict {
        let verdict = claim.verdict_entry();
        let label = claim
            .rating
            .clone()
            .unwrap_or_else(|| report::status_label(claim.status, config.language()).to_string());
        body.push(text("assessing", &label, verdict));
        body.push(text("classifying", claim.status.as_str(), verdict));
        if let Some(note) = verdict.and_then(|h| h.note.as_deref()) {
            body.push(text("commenting", note, verdict));
        }
        if let Some(correction) = &claim.correction {
            let set = claim
                .history
                .iter()
                .rev()
                .find(|h| h.correction.as_ref() == Some(correction))
                .or(verdict);
            body.push(text("editing", correction, set));
        }
    }
    for evidence in &claim.evidence {
        let (source, state) = located(&evidence.source, sources.get(&evidence.source));
        let selector = match &evidence.excerpt {
            None => Vec::new(),
            Some(excerpt) => match texts.get(&evidence.source).and_then(|text| {
                // As `evidence add` matched it: verbatim, else ignoring
                // whitespace and the style of quotation marks; a client
                // needs the words as the snapshot spells them.
                let (start, end) = match text.as_str().find(excerpt.as_str()) {
                    Some(byte) => {
                        let start = text.char_of(byte);
                        (start, start + excerpt.chars().count())
                    }
                    None => text.find_excerpt(excerpt)?,
                };
                Some(anchor::anchor(evidence.source.clone(), text, start, end))
            }) {
                Some(found) => selectors(&found),
                None => vec![Selector::Quote(QuoteSelector {
                    kind: "TextQuoteSelector",
                    exact: excerpt.clone(),
                    prefix: String::new(),
                    suffix: String::new(),
                })],
            },
        };
        body.push(Body::Link(Link {
            kind: "SpecificResource",
            purpose: "linking",
            label: evidence.stance.as_str(),
            source,
            state,
            selector,
            creator: person(&evidence.added_by),
            created: evidence.added_at,
        }));
    }
    let (source, state) = located(&anchor.source, sources.get(&anchor.source));
    Annotation {
        context: CONTEXT,
        id: annotation_id(config, claim, created),
        kind: "Annotation",
        motivation: "assessing",
        creator: created.map(|h| person(&h.by)),
        created: created.map(|h| h.at),
        modified: claim.history.iter().map(|h| h.at).max(),
        body,
        target: Target {
            kind: "SpecificResource",
            source,
            state,
            selector: selectors(anchor),
        },
    }
}

/// A quote and its position, for a client to use either.
fn selectors(anchor: &Anchor) -> Vec<Selector> {
    vec![
        Selector::Quote(QuoteSelector {
            kind: "TextQuoteSelector",
            exact: anchor.exact.clone(),
            prefix: utf16_tail(&anchor.prefix, CLIENT_CONTEXT).to_string(),
            suffix: utf16_head(&anchor.suffix, CLIENT_CONTEXT).to_string(),
        }),
        Selector::Position(PositionSelector {
            kind: "TextPositionSelector",
            start: anchor.start,
            end: anchor.end,
        }),
    ]
}

/// The longest prefix or suffix, in UTF-16 code units, that the Hypothesis
/// client's quote anchoring (dom-anchor-text-quote, through diff-match-patch)
/// accepts: a longer one throws "Pattern too long". Records keep 32 code
/// points, which outside the Basic Multilingual Plane is up to 64 units.
const CLIENT_CONTEXT: usize = 32;

/// The end of `s` that fits in `units` UTF-16 code units, whole characters.
fn utf16_tail(s: &str, units: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        used += c.len_utf16();
        if used > units {
            break;
        }
        start = i;
    }
    &s[start..]
}

/// The start of `s` that fits in `units` UTF-16 code units, whole characters.
fn utf16_head(s: &str, units: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &s[..i];
        }
    }
    s
}

/// A snapshot as a resource: its url with the snapshot as the cached copy,
/// or, with no url, the snapshot itself.
fn located(id: &SourceId, meta: Option<&SourceMeta>) -> (String, Option<State>) {
    let urn = format!("urn:sha256:{}", id.hex());
    match meta.and_then(|m| Some((m.url.as_ref()?, m))) {
        Some((url, m)) => (
            url.clone(),
            Some(State {
                kind: "TimeState",
                cached: urn,
                source_date: m.captured_at,
            }),
        ),
        None => (urn, None),
    }
}

fn person(name: &str) -> Agent {
    Agent {
        kind: "Person",
        name: name.to_string(),
    }
}

/// The BCP 47 tag of the workspace language, which the desk writes in.
fn language_tag(language: Language) -> &'static str {
    match language {
        Language::En => "en",
        Language::Zh => "zh",
    }
}

fn annotation_id(config: &Config, claim: &Claim, created: Option<&HistoryEntry>) -> String {
    match &config.base_url {
        Some(base) => format!("{base}#{}", claim.id),
        None => {
            let mut name = format!("factcheck claim {}", claim.id);
            if let Some(h) = created {
                name.push_str(&format!(" created {} by {}", h.at, h.by));
            }
            uuid_urn(&name)
        }
    }
}

/// Fragments a claim id cannot spell (ids have no `_`), so they never clash.
fn collection_id(config: &Config) -> String {
    match &config.base_url {
        Some(base) => format!("{base}#_annotations"),
        None => uuid_urn(&workspace_name(config, "collection")),
    }
}

fn page_id(config: &Config) -> String {
    match &config.base_url {
        Some(base) => format!("{base}#_annotations_page1"),
        None => uuid_urn(&workspace_name(config, "page 1")),
    }
}

/// What names a workspace's collection without a `base_url`: its article.
fn workspace_name(config: &Config, what: &str) -> String {
    match &config.article {
        Some(article) => format!("factcheck annotations {what} of {article}"),
        None => format!("factcheck annotations {what}"),
    }
}

/// `urn:uuid:` with a name-based UUID: the first 128 bits of the name's
/// SHA-256, with the version (8) and variant bits set (RFC 9562 §5.8, B.2).
fn uuid_urn(name: &str) -> String {
    let hex = store::sha256_hex(name.as_bytes());
    let mut digits: Vec<char> = hex.chars().take(32).collect();
    digits[12] = '8';
    let variant = digits[16].to_digit(16).expect("sha256_hex is hex digits") & 0x3 | 0x8;
    digits[16] = char::from_digit(variant, 16).expect("a nibble is one hex digit");
    let s: String = digits.into_iter().collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &s[..8],
        &s[8..12],
        &s[12..16],
        &s[16..20],
        &s[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::{utf16_head, utf16_tail, uuid_urn};

    #[test]
    fn context_over_32_utf16_units_made_the_javascript_client_throw() {
        assert_eq!(utf16_tail("abc", 32), "abc");
        assert_eq!(utf16_tail("ab🎉c", 3), "🎉c");
        assert_eq!(utf16_tail("ab🎉c", 2), "c");
        assert_eq!(utf16_head("a🎉bc", 3), "a🎉");
        assert_eq!(utf16_head("a🎉bc", 2), "a");
        let astral = "🎉".repeat(32);
        assert_eq!(utf16_tail(&astral, 32).chars().count(), 16);
        assert_eq!(utf16_head(&astral, 32).encode_utf16().count(), 32);
    }

    #[test]
    fn uuid_urns_are_version_8_and_stable() {
        let a = uuid_urn("factcheck claim c3f9a2b");
        assert_eq!(a, uuid_urn("factcheck claim c3f9a2b"));
        assert_ne!(a, uuid_urn("factcheck claim c3f9a2c"));
        let uuid = a.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<&str> = uuid.split('-').collect();
        assert_eq!(
            groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(groups[2].starts_with('8'), "{uuid}");
        assert!(
            matches!(groups[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'),
            "{uuid}"
        );
    }
}
