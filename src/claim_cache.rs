//! `check`'s claim cache, `.factcheck/claim-cache`: the claims that passed
//! every check, by file name, each with its file's stat and the little that
//! the rules comparing claims with each other read (where its quote sits and
//! its verdict). A warm `check` therefore reads no claim it already passed,
//! not even from the parsed-record cache.
//!
//! The file is MessagePack after a magic number (the claims as a list sorted
//! by name, so a warm `check` pairs them with the sorted claim files in one
//! walk), headed by the key it is
//! valid under (`check::claim_cache_key`, which covers the settings, the
//! snapshots and the build). A file that does not decode, or was written
//! under another key, counts as empty: the cache only saves time.

use std::collections::BTreeMap;
use std::fs;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Claim, ClaimId, SourceId, Status};
use crate::workspace::Stamp;
use crate::workspace::{self, Workspace};

/// The cache's file under `.factcheck/`.
pub const FILE: &str = "claim-cache";
/// The first bytes of the file; the last one is the layout's version.
const MAGIC: &[u8; 8] = b"fcpass\0\x02";

/// One claim that passed: its file's stat, and its quote when it has one
/// that the overlapping-quotes rule compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passed {
    pub stamp: Stamp,
    pub quote: Option<Quote>,
}

/// A rated claim's quote: the snapshot, the character range and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: ClaimId,
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    pub status: Status,
    pub rating: Option<String>,
}

impl Quote {
    /// The quote of a claim that is anchored and no longer unverified; the
    /// others take no part in the comparison.
    pub fn of(claim: &Claim) -> Option<Quote> {
        if claim.status == Status::Unverified {
            return None;
        }
        let a = claim.appears_in.as_ref()?;
        Some(Quote {
            id: claim.id.clone(),
            source: a.source.clone(),
            start: a.start,
            end: a.end,
            status: claim.status,
            rating: claim.rating.clone(),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct File<T> {
    key: String,
    claims: T,
}

/// The claims that passed under `key`, sorted by file name; empty when the
/// file is missing, damaged or from another key.
pub fn load(ws: &Workspace, key: &str) -> Vec<(String, Passed)> {
    let Ok(bytes) = fs::read(ws.state_dir().join(FILE)) else {
        return Vec::new();
    };
    let Some(body) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return Vec::new();
    };
    match rmp_serde::from_slice::<File<Vec<(String, Passed)>>>(body) {
        Ok(file) if file.key == key && file.claims.is_sorted_by(|x, y| x.0 < y.0) => file.claims,
        _ => Vec::new(),
    }
}

/// Writes the claims that passed under `key`, atomically.
pub fn save(ws: &Workspace, key: &str, claims: &BTreeMap<String, Passed>) -> Result<()> {
    let file = File {
        key: key.to_string(),
        claims: claims.iter().collect::<Vec<_>>(),
    };
    let mut bytes = MAGIC.to_vec();
    rmp_serde::encode::write(&mut bytes, &file)
        .map_err(|e| Error::usage(format!("cannot encode the claim cache: {e}")))?;
    workspace::create_dir_all(&ws.state_dir())?;
    workspace::write_atomic(&ws.state_dir().join(FILE), &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_or_foreign_claim_cache_counts_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::init(dir.path(), &[]).unwrap();
        let stamp = Stamp::of_path(&dir.path().join(workspace::CONFIG_FILE)).unwrap();
        let mut claims = BTreeMap::new();
        claims.insert("a.yaml".to_string(), Passed { stamp, quote: None });
        save(&ws, "k1", &claims).unwrap();
        assert_eq!(load(&ws, "k1").len(), 1);
        assert!(load(&ws, "k2").is_empty());
        let path = ws.state_dir().join(FILE);
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(load(&ws, "k1").is_empty());
        fs::write(&path, b"# k1\na.yaml\t1\t2\t3\n").unwrap();
        assert!(load(&ws, "k1").is_empty());
    }
}
