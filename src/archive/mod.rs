//! The desk's archive of checked claims, and matching against it: "have we
//! (or has anyone) checked this before?".
//!
//! An archive holds [`Entry`]s — a desk's own claims (`archive add`) and the
//! ClaimReview fact-checkers publish (`archive import`, [`claimreview`]) —
//! keyed by URL, so feeding the same thing twice changes nothing. Two
//! engines keep it behind one [`Engine`] trait: a file on one machine
//! ([`local`], SQLite) and a desk's shared PostgreSQL ([`server`]). Both
//! store the same thing — each entry with its [`tokens`], and for each token
//! the list of entries holding it — and all ranking happens here, in
//! [`rank`]: BM25F over the weighted fields, then a learned linear reranker
//! over the best candidates. So a query ranks the same on both engines.

pub mod claimreview;
pub mod desk;
pub mod local;
pub mod rank;
pub mod server;
pub mod tokens;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use rank::{Match, search};

/// One checked claim, as a match shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The key: the ClaimReview's `url`, or for a desk's own claim
    /// `WORKSPACE#CLAIM-ID`.
    pub url: String,
    /// The claim as checked.
    pub claim: String,
    /// The article's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article's subtitle or description; for a desk's claim, the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The verdict label (`reviewRating.alternateName`, or the claim's rating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// For a desk's claim: its status (`true`, `false`, `misleading`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// For a desk's claim: the suggested correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
    /// Who checked it (the publishing organisation, or the reviewer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_by: Option<String>,
    /// When (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The published article, when it is not the key itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_url: Option<String>,
    /// For a desk's claim: its workspace and id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_id: Option<String>,
}

/// The fields ranked, in the order of their weights.
pub const FIELD_COUNT: usize = 3;

/// What the archive stores for an entry: the entry and its tokens per field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub entry: Entry,
    /// Tokens of the claim, the title and the description.
    pub fields: [Vec<String>; FIELD_COUNT],
}

impl Doc {
    pub fn new(entry: Entry) -> Doc {
        let field = |t: &Option<String>| t.as_deref().map(tokens::tokens).unwrap_or_default();
        let fields = [
            tokens::tokens(&entry.claim),
            field(&entry.title),
            field(&entry.description),
        ];
        Doc { entry, fields }
    }

    fn encode(&self) -> Vec<u8> {
        rmp_serde::to_vec_named(self).expect("a document always serialises")
    }

    fn decode(bytes: &[u8]) -> Result<Doc> {
        rmp_serde::from_slice(bytes).map_err(|e| Error::Refused {
            message: format!("the archive holds an entry this version cannot read: {e}"),
            hint: Some(crate::error::Hint::new(
                "re-create the archive with `factcheck archive import`",
                "用 `factcheck archive import` 重建档案库",
            )),
        })
    }

    /// How often each token occurs in each field, and each field's length.
    fn counts(&self) -> BTreeMap<&str, [u8; FIELD_COUNT]> {
        let mut counts: BTreeMap<&str, [u8; FIELD_COUNT]> = BTreeMap::new();
        for (f, tokens) in self.fields.iter().enumerate() {
            for t in tokens {
                let c = &mut counts.entry(t.as_str()).or_default()[f];
                *c = c.saturating_add(1);
            }
        }
        counts
    }

    fn lengths(&self) -> [u16; FIELD_COUNT] {
        self.fields
            .each_ref()
            .map(|f| u16::try_from(f.len()).unwrap_or(u16::MAX))
    }
}

/// One entry in a token's list: the document, the token's count in each
/// field, and each field's length (what BM25F needs, without the document).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    pub doc: u32,
    pub tf: [u8; FIELD_COUNT],
    pub len: [u16; FIELD_COUNT],
}

impl Posting {
    const SIZE: usize = 4 + FIELD_COUNT + 2 * FIELD_COUNT;

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.doc.to_le_bytes());
        out.extend_from_slice(&self.tf);
        for l in self.len {
            out.extend_from_slice(&l.to_le_bytes());
        }
    }

    /// The postings a stored list holds (a torn tail is ignored).
    pub fn read_all(bytes: &[u8]) -> impl Iterator<Item = Posting> + '_ {
        bytes.chunks_exact(Self::SIZE).map(|c| {
            let mut tf = [0; FIELD_COUNT];
            tf.copy_from_slice(&c[4..4 + FIELD_COUNT]);
            let mut len = [0; FIELD_COUNT];
            for (f, l) in len.iter_mut().enumerate() {
                let at = 4 + FIELD_COUNT + 2 * f;
                *l = u16::from_le_bytes([c[at], c[at + 1]]);
            }
            Posting {
                doc: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                tf,
                len,
            }
        })
    }
}

/// The archive's totals: how many entries, their summed field lengths, and
/// the next free document number.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Meta {
    pub docs: u64,
    pub lengths: [u64; FIELD_COUNT],
    pub next_id: u32,
}

impl Meta {
    /// The keys a store keeps the totals under, one row each, in the order
    /// of [`Meta::values`].
    pub const KEYS: [&'static str; 2 + FIELD_COUNT] = [
        "docs",
        "next_id",
        "len_claim",
        "len_title",
        "len_description",
    ];

    /// The totals as stored, in the order of [`Meta::KEYS`].
    pub fn values(&self) -> [i64; 2 + FIELD_COUNT] {
        let mut out = [0; 2 + FIELD_COUNT];
        let all = [self.docs, u64::from(self.next_id)]
            .into_iter()
            .chain(self.lengths);
        for (o, v) in out.iter_mut().zip(all) {
            *o = i64::try_from(v).unwrap_or(i64::MAX);
        }
        out
    }

    /// The totals from stored values (a missing or negative one is 0).
    pub fn from_values(values: [i64; 2 + FIELD_COUNT]) -> Meta {
        let as_u64 = |v: i64| u64::try_from(v).unwrap_or(0);
        let mut lengths = [0; FIELD_COUNT];
        for (l, v) in lengths.iter_mut().zip(&values[2..]) {
            *l = as_u64(*v);
        }
        Meta {
            docs: as_u64(values[0]),
            next_id: u32::try_from(values[1]).unwrap_or(0),
            lengths,
        }
    }
}

/// What one engine's transaction can do: the storage, nothing of ranking.
pub trait Tx {
    /// The documents stored under these URLs: url → (number, encoded body).
    fn docs_by_url(&mut self, urls: &[&str]) -> Result<HashMap<String, (u32, Vec<u8>)>>;
    /// The encoded bodies of these documents (those that exist).
    fn docs(&mut self, ids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>>;
    /// Stores documents (number, url, body), replacing any under that number.
    fn put_docs(&mut self, docs: &[(u32, String, Vec<u8>)]) -> Result<()>;
    /// Removes documents.
    fn delete_docs(&mut self, ids: &[u32]) -> Result<()>;
    /// The URLs that start with `prefix`.
    fn urls_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>>;
    /// The posting lists of these tokens (those that have one).
    fn postings(&mut self, tokens: &[&str]) -> Result<Vec<(String, Vec<u8>)>>;
    /// Stores posting lists; an empty list removes the token.
    fn put_postings(&mut self, lists: &[(String, Vec<u8>)]) -> Result<()>;
    fn meta(&mut self) -> Result<Meta>;
    fn set_meta(&mut self, meta: &Meta) -> Result<()>;
}

/// An archive engine: runs `work` in one transaction, committed when it
/// returns `Ok`, rolled back otherwise; a `write` transaction excludes every
/// other writer for its whole length (posting lists are read, then written).
pub trait Engine {
    fn transaction(
        &mut self,
        write: bool,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>,
    ) -> Result<()>;
    /// What to call the archive in messages.
    fn describe(&self) -> String;
}

/// Where the archive is: `--archive`, then `FACTCHECK_ARCHIVE`, then the
/// user's data folder.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    File(PathBuf),
    Server(String),
}

impl Location {
    /// The archive named on the command line or in the environment, else
    /// the default file.
    pub fn resolve(given: Option<&str>) -> Result<Location> {
        let given = given
            .map(str::to_string)
            .or_else(|| std::env::var("FACTCHECK_ARCHIVE").ok())
            .filter(|s| !s.trim().is_empty());
        match given {
            Some(s) if s.starts_with("postgres://") || s.starts_with("postgresql://") => {
                Ok(Location::Server(s))
            }
            Some(s) => Ok(Location::File(PathBuf::from(s))),
            None => default_file().map(Location::File).ok_or_else(|| {
                Error::usage(
                    "no archive given and no data folder known (neither XDG_DATA_HOME nor HOME is set)",
                )
                .with_hint_in("give one with --archive PATH or FACTCHECK_ARCHIVE", "用 `--archive PATH` 或 `FACTCHECK_ARCHIVE` 指定一个")
            }),
        }
    }

    /// Whether there is an archive to consult (a server always counts).
    pub fn exists(&self) -> bool {
        match self {
            Location::File(path) => path.is_file(),
            Location::Server(_) => true,
        }
    }

    /// Opens the archive, creating it when `create`.
    pub fn open(&self, create: bool) -> Result<Box<dyn Engine>> {
        match self {
            Location::File(path) => Ok(Box::new(local::Local::open(path, create)?)),
            Location::Server(url) => Ok(Box::new(server::Server::open(url)?)),
        }
    }
}

/// `$XDG_DATA_HOME/factcheck/archive.sqlite`, else under `~/.local/share`.
fn default_file() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })?;
    Some(data.join("factcheck").join("archive.sqlite"))
}

/// How an [`upsert`] went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Stores `entries` (the last of two with one URL wins), replacing what is
/// stored under their URLs, and removes the entries under `stale_prefix`
/// that are not among them (a workspace's deleted claims). One transaction.
pub fn upsert(
    engine: &mut dyn Engine,
    entries: Vec<Entry>,
    stale_prefix: Option<&str>,
    progress: &mut dyn FnMut(usize),
) -> Result<Counts> {
    let mut by_url: BTreeMap<String, Entry> = BTreeMap::new();
    for e in entries {
        by_url.insert(e.url.clone(), e);
    }
    // Tokenising is the slow part: in parallel, a chunk at a time, so the
    // progress callback hears of each chunk.
    let entries: Vec<Entry> = by_url.into_values().collect();
    let mut docs: Vec<Doc> = Vec::with_capacity(entries.len());
    for chunk in entries.chunks(256) {
        docs.par_extend(chunk.par_iter().cloned().map(Doc::new));
        progress(docs.len());
    }
    let mut counts = Counts::default();
    engine.transaction(true, &mut |tx| {
        counts = Counts::default();
        let mut meta = tx.meta()?;
        let mut removed: HashMap<String, BTreeSet<u32>> = HashMap::new();
        let mut added: HashMap<&str, Vec<Posting>> = HashMap::new();
        let mut put = Vec::new();
        let mut forget = |doc: &Doc, id: u32, meta: &mut Meta| {
            for t in doc.counts().into_keys() {
                removed.entry(t.to_string()).or_default().insert(id);
            }
            meta.docs -= 1;
            for (total, l) in meta.lengths.iter_mut().zip(doc.fields.iter()) {
                *total = total.saturating_sub(l.len() as u64);
            }
        };
        let mut stored = HashMap::new();
        for chunk in docs.chunks(2000) {
            let urls: Vec<&str> = chunk.iter().map(|d| d.entry.url.as_str()).collect();
            stored.extend(tx.docs_by_url(&urls)?);
        }
        for doc in &docs {
            let body = doc.encode();
            let id = match stored.remove(&doc.entry.url) {
                Some((_, old)) if old == body => {
                    counts.unchanged += 1;
                    continue;
                }
                Some((id, old)) => {
                    forget(&Doc::decode(&old)?, id, &mut meta);
                    counts.updated += 1;
                    id
                }
                None => {
                    counts.added += 1;
                    let id = meta.next_id;
                    meta.next_id += 1;
                    id
                }
            };
            let len = doc.lengths();
            for (t, tf) in doc.counts() {
                added
                    .entry(t)
                    .or_default()
                    .push(Posting { doc: id, tf, len });
            }
            meta.docs += 1;
            for (total, l) in meta.lengths.iter_mut().zip(doc.fields.iter()) {
                *total += l.len() as u64;
            }
            put.push((id, doc.entry.url.clone(), body));
        }
        let mut gone = Vec::new();
        if let Some(prefix) = stale_prefix {
            let keep: BTreeSet<&str> = docs.iter().map(|d| d.entry.url.as_str()).collect();
            let urls = tx.urls_with_prefix(prefix)?;
            let stale: Vec<&str> = urls
                .iter()
                .map(String::as_str)
                .filter(|u| !keep.contains(u))
                .collect();
            for (id, old) in tx.docs_by_url(&stale)?.into_values() {
                forget(&Doc::decode(&old)?, id, &mut meta);
                gone.push(id);
            }
            counts.removed = gone.len();
        }
        let mut touched: Vec<&str> = added.keys().copied().collect();
        touched.extend(removed.keys().map(String::as_str));
        touched.sort_unstable();
        touched.dedup();
        let mut lists = Vec::with_capacity(touched.len());
        for chunk in touched.chunks(2000) {
            let stored: HashMap<String, Vec<u8>> = tx.postings(chunk)?.into_iter().collect();
            for &t in chunk {
                let drop = removed.get(t);
                let mut list = Vec::new();
                if let Some(old) = stored.get(t) {
                    for p in Posting::read_all(old) {
                        if drop.is_none_or(|d| !d.contains(&p.doc)) {
                            p.write(&mut list);
                        }
                    }
                }
                for p in added.get(t).into_iter().flatten() {
                    p.write(&mut list);
                }
                lists.push((t.to_string(), list));
            }
        }
        tx.put_postings(&lists)?;
        tx.delete_docs(&gone)?;
        tx.put_docs(&put)?;
        tx.set_meta(&meta)?;
        Ok(())
    })?;
    Ok(counts)
}

/// How much of a new claim's words (by IDF weight) an archived entry must
/// hold for `claim add` to say it was checked before.
pub const CHECKED_BEFORE: f64 = 0.6;

/// The archive `FACTCHECK_ARCHIVE` or the default file names, opened;
/// `None` when there is none (nothing is created).
pub fn configured() -> Result<Option<Box<dyn Engine>>> {
    let location = Location::resolve(None)?;
    if !location.exists() {
        return Ok(None);
    }
    location.open(false).map(Some)
}

/// The archived checks `text` repeats: the best matches holding at least
/// [`CHECKED_BEFORE`] of its words by weight; an entry whose key is `skip`
/// is left out.
pub fn repeats(engine: &mut dyn Engine, text: &str, skip: &str, top: usize) -> Result<Vec<Match>> {
    let found = search(engine, text, top + 1)?;
    Ok(found
        .into_iter()
        .filter(|m| m.entry.url != skip && m.covered >= CHECKED_BEFORE)
        .take(top)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_round_trips_through_its_stored_values() {
        let meta = Meta {
            docs: 13_824,
            lengths: [120_000, 80_000, 0],
            next_id: 13_825,
        };
        assert_eq!(Meta::from_values(meta.values()), meta);
        assert_eq!(Meta::from_values([-1, -1, 0, 0, 0]), Meta::default());
    }
}
