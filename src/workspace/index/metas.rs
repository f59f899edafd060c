//! The snapshot records in the index: every `sources/<hex>.yaml` as it
//! parsed, with its file's stat.
//!
//! `check`, `report`, the exports and `source list` read every snapshot
//! record, and parsing their YAML was a third of a warm `check` on a desk's
//! archive (1,500 records). A record whose file still has the stat it was
//! parsed with is decoded from here instead, under the claims' rules: the
//! same racy-file rule, a checksum (over the whole part), one writer.
//!
//! Layout (after the claims' bodies, its length and CRC-32 in the head): the records sorted by file name, each `name_len u16 | stamp (32
//! bytes) | body_len u32 | name | body (MessagePack)`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::{Blob, Index, RACY, read_at};
use crate::model::SourceMeta;
use crate::workspace::{Stamp, Workspace};

/// The records of an index as read, each found by binary search.
pub(super) struct Table {
    bytes: Vec<u8>,
    /// Sorted by name: the name, the stat, the body.
    rows: Vec<(Range<usize>, Stamp, Range<usize>)>,
}

impl Table {
    /// The table of `bytes`; `None` if they are not one (the checksum
    /// passed, so only a bug of a writer could make that).
    fn of(bytes: Vec<u8>) -> Option<Table> {
        let mut rows = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let fixed = bytes.get(at..at + 2 + 32 + 4)?;
            let name_len = usize::from(u16::from_le_bytes([fixed[0], fixed[1]]));
            let stamp = Stamp::from_bytes(&fixed[2..34])?;
            let body_len = u32::from_le_bytes(fixed[34..38].try_into().ok()?) as usize;
            let name = at + 38..at + 38 + name_len;
            let body = name.end..name.end + body_len;
            bytes.get(body.clone())?;
            std::str::from_utf8(&bytes[name.clone()]).ok()?;
            at = body.end;
            rows.push((name, stamp, body));
        }
        let sorted = rows
            .windows(2)
            .all(|w| bytes[w[0].0.clone()] < bytes[w[1].0.clone()]);
        sorted.then_some(Table { bytes, rows })
    }

    fn get(&self, name: &str) -> Option<&(Range<usize>, Stamp, Range<usize>)> {
        let at = self
            .rows
            .binary_search_by(|(n, _, _)| self.bytes[n.clone()].cmp(name.as_bytes()))
            .ok()?;
        self.rows.get(at)
    }

    fn name(&self, row: &(Range<usize>, Stamp, Range<usize>)) -> &str {
        // Checked to be UTF-8 when the table was made.
        std::str::from_utf8(&self.bytes[row.0.clone()]).unwrap_or_default()
    }
}

/// A record parsed from its file this run, as the index will hold it.
pub(super) struct FreshMeta {
    stamp: Stamp,
    body: Vec<u8>,
}

/// The records' part of an index being read: read when first wanted.
#[derive(Default)]
pub(super) struct Part {
    at: Option<(Blob, u64)>,
    table: OnceLock<Option<Table>>,
}

impl Part {
    pub(super) fn new(at: Option<(Blob, u64)>) -> Part {
        Part {
            at,
            table: OnceLock::new(),
        }
    }

    pub(super) fn table(&self, index: &Index) -> Option<&Table> {
        self.table
            .get_or_init(|| {
                let (blob, at) = self.at.as_ref()?;
                let bytes = read_at(&index.file, *at, blob.len)?;
                (crc32fast::hash(&bytes) == blob.crc)
                    .then(|| Table::of(bytes))
                    .flatten()
            })
            .as_ref()
    }
}

impl Workspace {
    /// The snapshot record in `sources/<name>` as the index holds it, if
    /// the file still has `stamp`.
    pub(crate) fn indexed_meta(&self, name: &str, stamp: &Stamp) -> Option<SourceMeta> {
        let index = self.index()?;
        let table = index.metas.table(index)?;
        let (_, kept, body) = table.get(name)?;
        if kept != stamp || stamp.modified_within(index.written, RACY) {
            return None;
        }
        rmp_serde::from_slice(&table.bytes[body.clone()]).ok()
    }

    /// A snapshot record parsed from `sources/<name>`, whose file had
    /// `stamp` before it was read, for the index.
    pub(crate) fn parsed_meta(&self, name: &str, stamp: Stamp, meta: &SourceMeta) {
        let Ok(body) = rmp_serde::to_vec_named(meta) else {
            return;
        };
        let mut new = self.index.new.lock().unwrap_or_else(|e| e.into_inner());
        new.metas
            .insert(name.to_string(), FreshMeta { stamp, body });
    }
}

/// The records' part of the index to write: the records parsed this run,
/// and the old index's others unless this run parsed them again (an old
/// record whose file changed is never trusted, so it is harmless until a
/// run parses the file again). `None` when nothing changed.
pub(super) fn merged(
    old: Option<&Index>,
    parsed: &HashMap<String, FreshMeta>,
    now: std::time::SystemTime,
) -> Option<Vec<u8>> {
    let fresh: Vec<(&str, &FreshMeta)> = parsed
        .iter()
        .filter(|(_, f)| !f.stamp.modified_within(now, RACY))
        .map(|(n, f)| (n.as_str(), f))
        .collect();
    if fresh.is_empty() {
        return None;
    }
    let mut rows: Vec<(&str, Stamp, &[u8])> = fresh
        .iter()
        .map(|(name, f)| (*name, f.stamp, f.body.as_slice()))
        .collect();
    if let Some(table) = old.and_then(|o| o.metas.table(o)) {
        for row in &table.rows {
            let name = table.name(row);
            if !parsed.contains_key(name) {
                rows.push((name, row.1, &table.bytes[row.2.clone()]));
            }
        }
    }
    rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    for (name, stamp, body) in rows {
        let (Ok(name_len), Ok(body_len)) = (u16::try_from(name.len()), u32::try_from(body.len()))
        else {
            continue;
        };
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&stamp.to_bytes());
        out.extend_from_slice(&body_len.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);
    }
    Some(out)
}

/// The old index's records' part as it is (if sound), for an index
/// rewritten for other reasons.
pub(super) fn kept(old: Option<&Index>) -> Option<Vec<u8>> {
    let old = old?;
    old.metas.table(old).map(|t| t.bytes.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of the bundled fact-check (fetched pages, captures,
    /// revisions, origins) decodes from the index as it parses from YAML.
    #[test]
    fn every_bundled_record_reads_back_from_the_index_as_parsed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let meta: SourceMeta = crate::workspace::yaml::from_str(&path, &text).unwrap();
            let body = rmp_serde::to_vec_named(&meta).unwrap();
            let back: SourceMeta = rmp_serde::from_slice(&body).unwrap();
            assert_eq!(back, meta, "{}", path.display());
            seen += 1;
        }
        assert!(seen > 50, "{seen} records");
    }

    #[test]
    fn a_table_out_of_order_or_cut_short_is_not_one() {
        let row = |name: &str| {
            let mut out = Vec::new();
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0; 32]);
            out.extend_from_slice(&3u32.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b"abc");
            out
        };
        let sorted = [row("a.yaml"), row("b.yaml")].concat();
        let table = Table::of(sorted.clone()).unwrap();
        assert_eq!(
            table.get("b.yaml").map(|r| &sorted[r.2.clone()]),
            Some(&b"abc"[..])
        );
        assert!(table.get("c.yaml").is_none());
        assert!(Table::of([row("b.yaml"), row("a.yaml")].concat()).is_none());
        assert!(Table::of(sorted[..sorted.len() - 1].to_vec()).is_none());
    }
}
