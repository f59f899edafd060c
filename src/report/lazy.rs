//! Claims as template values that are decoded when a template reads them.
//!
//! A report on a desk's archive lists every claim several times (the claims,
//! the corrections, the open work, …) and a template reads a few fields of
//! each. Turning every claim into a tree of template values up front costs
//! several kilobytes a claim, a gigabyte at 100,000 claims. Here a claim's
//! value is a small [`ClaimValue`]: its number, id, status and whether the
//! headline makes it, and where its record is in the encoded [`Records`].
//! Any other field decodes the record into a [`ClaimInfo`] and hands out that
//! field; the last few decoded on each thread are kept, as a template reads
//! one claim's fields one after another. The fields, their order and their
//! values are those of [`ClaimInfo`] (a test holds them to it).

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, Value};

use crate::model::{Config, SourceId, Status};
use crate::workspace::index::Records;

use super::ClaimInfo;
use super::build::claim_info;

/// What every claim value of one report shares.
pub(crate) struct Shelf {
    /// Tells this shelf's claims from another's in the per-thread cache.
    generation: u64,
    records: Records,
    /// Each snapshot's template value, shared by the evidence citing it.
    sources: BTreeMap<SourceId, Value>,
    article: Option<SourceId>,
    config: Config,
}

impl Shelf {
    pub(crate) fn new(
        records: Records,
        sources: BTreeMap<SourceId, Value>,
        article: Option<SourceId>,
        config: Config,
    ) -> Arc<Shelf> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Arc::new(Shelf {
            generation: NEXT.fetch_add(1, Ordering::Relaxed),
            records,
            sources,
            article,
            config,
        })
    }
}

impl Shelf {
    /// The claim whose record is the `record`th, decoded.
    pub(crate) fn claim(&self, record: usize) -> crate::error::Result<crate::model::Claim> {
        self.records.claim(record)
    }
}

/// One claim, as a template sees it: the fields every list of claims
/// shows are held, the rest are decoded when read.
pub(crate) struct ClaimValue {
    shelf: Arc<Shelf>,
    /// Where its record is in [`Shelf::records`].
    record: usize,
    number: usize,
    id: String,
    held: Held,
}

/// What a [`ClaimValue`] holds of its claim.
pub(crate) struct Held {
    status: Status,
    headline: bool,
    text: Box<str>,
    rating: Option<Box<str>>,
    correction: Option<Box<str>>,
}

impl Held {
    /// The claim's text, while it is held.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Whether the article's headline makes the claim.
    pub(crate) fn made_by_headline(&mut self, headline: bool) {
        self.headline = headline;
    }

    /// Moves what is held out, leaving nothing (no allocation).
    pub(crate) fn take(&mut self) -> Held {
        let empty = Held {
            status: self.status,
            headline: self.headline,
            text: Box::default(),
            rating: None,
            correction: None,
        };
        std::mem::replace(self, empty)
    }

    pub(crate) fn of(c: &crate::model::Claim, headline: bool) -> Held {
        Held {
            status: c.status,
            headline,
            text: c.text.as_str().into(),
            rating: c.rating.as_deref().map(Into::into),
            correction: c.correction.as_deref().map(Into::into),
        }
    }
}

impl ClaimValue {
    /// The value of claim `number` (in article order), whose record is the
    /// `record`th on `shelf`.
    pub(crate) fn value(
        shelf: &Arc<Shelf>,
        record: usize,
        number: usize,
        id: String,
        held: Held,
    ) -> Value {
        Value::from_object(ClaimValue {
            shelf: Arc::clone(shelf),
            record,
            number,
            id,
            held,
        })
    }

    /// The field `key` of the decoded claim: decoded (with every field
    /// turned into a value as it is first read) or from this thread's last
    /// few, as a template reads one claim's fields one after another.
    fn decoded_field(&self, key: &str) -> Option<Value> {
        let at = ClaimInfo::FIELDS.iter().position(|f| *f == key)?;
        let id = (self.shelf.generation, self.record);
        let decoded = RECENT.with(|r| {
            let mut r = r.borrow_mut();
            let hit = r.iter().position(|d| d.id == id)?;
            let d = r.remove(hit);
            r.insert(0, Rc::clone(&d));
            Some(d)
        });
        let decoded = match decoded {
            Some(d) => d,
            None => {
                let claim = self.shelf.records.claim(self.record).ok()?;
                let info = claim_info(
                    self.number,
                    &claim,
                    self.shelf.article.as_ref(),
                    &self.shelf.sources,
                    &self.shelf.config,
                    self.held.headline,
                );
                let d = Rc::new(Decoded {
                    id,
                    info,
                    values: Default::default(),
                });
                RECENT.with(|r| {
                    let mut r = r.borrow_mut();
                    r.truncate(RECENT_KEPT - 1);
                    r.insert(0, Rc::clone(&d));
                });
                d
            }
        };
        let value = decoded.values[at].get_or_init(|| decoded.info.field(key));
        value.clone()
    }
}

/// A claim decoded on one thread, with the fields read so far as values.
struct Decoded {
    /// Which shelf, which record.
    id: (u64, usize),
    info: ClaimInfo,
    values: [OnceCell<Option<Value>>; ClaimInfo::FIELDS.len()],
}

/// How many decoded claims each thread keeps.
const RECENT_KEPT: usize = 8;

thread_local! {
    static RECENT: RefCell<Vec<Rc<Decoded>>> = const { RefCell::new(Vec::new()) };
}

impl std::fmt::Debug for ClaimValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimValue")
            .field("number", &self.number)
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl Object for ClaimValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        let held = &self.held;
        let text = |t: &Option<Box<str>>| t.as_deref().map_or(Value::from(()), Value::from);
        match key {
            "number" => Some(Value::from(self.number)),
            "id" => Some(Value::from(self.id.as_str())),
            "status" => Some(Value::from(Serde(held.status))),
            "headline" => Some(Value::from(held.headline)),
            "text" => Some(Value::from(&*held.text)),
            "rating" => Some(text(&held.rating)),
            "correction" => Some(text(&held.correction)),
            _ => self.decoded_field(key),
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&ClaimInfo::FIELDS)
    }
}

impl ClaimInfo {
    /// The fields, in the order `Serialize` gives them.
    pub(crate) const FIELDS: [&'static str; 22] = [
        "number",
        "id",
        "text",
        "kind",
        "speaker",
        "tags",
        "appears_in",
        "anchored",
        "in_article",
        "status",
        "rating",
        "correction",
        "evidence",
        "history",
        "verdict",
        "signed",
        "final",
        "awaiting_signoff",
        "headline",
        "rating_means",
        "recheck",
        "dropped",
    ];

    /// One field as a template value, as `Serialize` gives it.
    pub(crate) fn field(&self, key: &str) -> Option<Value> {
        fn v<T: serde::Serialize>(field: T) -> Value {
            Value::from(Serde(field))
        }
        Some(match key {
            "number" => v(self.number),
            "id" => v(&self.id),
            "text" => v(&self.text),
            "kind" => v(self.kind),
            "speaker" => v(&self.speaker),
            "tags" => v(&self.tags),
            "appears_in" => v(&self.appears_in),
            "anchored" => v(self.anchored),
            "in_article" => v(self.in_article),
            "status" => v(self.status),
            "rating" => v(&self.rating),
            "correction" => v(&self.correction),
            "evidence" => v(&self.evidence),
            "history" => v(&self.history),
            "verdict" => v(&self.verdict),
            "signed" => v(&self.signed),
            "final" => v(self.is_final),
            "awaiting_signoff" => v(self.awaiting_signoff),
            "headline" => v(self.headline),
            "rating_means" => v(&self.rating_means),
            "recheck" => v(self.recheck),
            "dropped" => v(self.dropped),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Workspace;

    const CLAIM: &str = r#"id: c1
text: "Nine days of testing"
kind: statistic
speaker: A spokesperson
tags:
  - safety
appears_in:
  source: sha256:37ab46ffb7c8f60258e82c04853ce57c5da6be58d4e622b7ea77d508b7c04516
  exact: nine days
  prefix: "had "
  suffix: " to test"
  start: 10
  end: 19
status: disputed
rating: Misleading
correction: Under one week.
evidence:
  - source: sha256:dc0ee8db39a32e9a696676015b7cc900b7d7015a7ee6eef84ec622dd43cac458
    stance: refutes
    excerpt: "under one week"
    note: Matches the captured page.
    added_by: bob
    added_at: "2026-11-28T10:10:00Z"
history:
  - at: "2026-11-28T10:00:00Z"
    by: alice
    event: created
  - at: "2026-11-28T10:20:00Z"
    by: bob
    event: status
    status: disputed
    rating: Misleading
    correction: Under one week.
    note: The report says under one week.
"#;

    #[test]
    fn a_claim_value_has_the_fields_and_values_of_its_claim_info() {
        // Encoded as just parsed; read back from the cache.
        for cached in [false, true] {
            claim_value_matches(cached);
        }
    }

    fn claim_value_matches(cached: bool) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::init(dir.path(), &[("claims/c1.yaml", CLAIM)]).unwrap();
        // Old enough to be cached (a file modified a moment ago is not).
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(dir.path().join("claims/c1.yaml"))
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
        let ids = ws.stated_claims().unwrap();
        let load = || {
            crate::workspace::index::load_records(&ws, &ids, !cached, |l| l.claim.clone()).unwrap()
        };
        if cached {
            // Another command's workspace writes the index when it is done.
            let first = Workspace::find(Some(dir.path())).unwrap();
            crate::workspace::index::load_claims(&first, &ids, false).unwrap();
            drop(first);
            assert!(ws.state_dir().join(crate::workspace::index::FILE).exists());
        }
        let (records, claims) = load();
        let claim = &claims[0];
        let article: Option<SourceId> = claim.appears_in.as_ref().map(|a| a.source.clone());
        let config = Config::default();
        let expected = Value::from(Serde(claim_info(
            7,
            claim,
            article.as_ref(),
            &BTreeMap::new(),
            &config,
            true,
        )));
        let shelf = Shelf::new(records, BTreeMap::new(), article, config);
        let held = Held::of(claim, true);
        let value = ClaimValue::value(&shelf, 0, 7, claim.id.to_string(), held);
        let keys: Vec<String> = expected
            .try_iter()
            .unwrap()
            .map(|k| k.to_string())
            .collect();
        assert_eq!(keys, ClaimInfo::FIELDS.to_vec());
        for key in ClaimInfo::FIELDS {
            assert_eq!(
                value.get_attr(key).unwrap(),
                expected.get_attr(key).unwrap(),
                "{key}"
            );
            // Read twice: the second comes from the thread's decoded claims.
            assert_eq!(
                value.get_attr(key).unwrap(),
                expected.get_attr(key).unwrap()
            );
        }
        assert!(value.get_attr("nosuch").unwrap().is_undefined());
        // Printed whole, as a template's `{{ claim }}` would.
        assert_eq!(value.to_string(), expected.to_string());
    }
}
