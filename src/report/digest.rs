//! The digest in a report's header: a SHA-256 over the workspace's records,
//! which anyone can recompute to tell that a report was made from these
//! files.

use std::path::PathBuf;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::workspace::store;
use crate::workspace::{self, Workspace};

/// The workspace digest: ties a report to the exact state it was made from.
///
/// One line per file, `<sha256 hex>  <path>` (what `sha256sum` prints), for
/// `factcheck.yaml`, `dismissed.yaml` when there is one (the report shows the
/// dismissed sentences and counts them in its coverage), every
/// `claims/*.yaml`, every `sources/<hex>.yaml`, and every snapshot's bytes
/// `sources/<hex>.<ext>` — whose hash is its id, taken from the name rather
/// than re-read. The lines are sorted bytewise, each ends in `\n`, and the
/// digest is `sha256:` + the SHA-256 of them all. With intact snapshots it
/// equals `sha256sum factcheck.yaml dismissed.yaml claims/*.yaml sources/* |
/// LC_ALL=C sort | sha256sum` (without `dismissed.yaml` when there is none).
///
/// It is made in two steps: [`digest_start`] hashes the settings and lists
/// `sources/` while the claims load (and are hashed as they are read), and
/// [`DigestStart::finish`] adds the claim files.
pub struct DigestStart {
    pub(super) lines: Vec<String>,
    pub(super) claims: Vec<PathBuf>,
}

/// The digest's lines for the settings and `sources/`, and the claim files
/// (every `claims/*.yaml`) still to add.
pub fn digest_start(ws: &Workspace, claim_files: Vec<PathBuf>) -> Result<DigestStart> {
    let listing = store::list(ws)?;
    let dismissed = ws.root().join(workspace::DISMISSED_FILE);
    let records: Vec<PathBuf> = std::iter::once(ws.root().join(workspace::CONFIG_FILE))
        .chain(workspace::fs::is_plain_file(&dismissed).then_some(dismissed))
        .chain(listing.metas.iter().map(|id| store::meta_path(ws, id)))
        .collect();
    let mut lines: Vec<String> = records
        .par_iter()
        .map(|path| {
            let hex = store::hash_file(path)?.0;
            Ok(format!("{hex}  {}", slash_path(&ws.rel(path))))
        })
        .collect::<Result<_>>()?;
    for (hex, path) in &listing.bytes {
        lines.push(format!("{hex}  {}", slash_path(&ws.rel(path))));
    }
    Ok(DigestStart {
        lines,
        claims: claim_files,
    })
}

impl DigestStart {
    /// Adds the claim files, with the hash `known` gives for one already
    /// read, and hashes the lot.
    pub fn finish(
        mut self,
        ws: &Workspace,
        known: &(dyn Fn(&std::path::Path) -> Option<String> + Sync),
    ) -> Result<String> {
        let claims: Vec<String> = self
            .claims
            .par_iter()
            .map(|path| {
                let hex = match known(path) {
                    Some(hex) => hex,
                    None => store::hash_file(path)?.0,
                };
                Ok(format!("{hex}  {}", slash_path(&ws.rel(path))))
            })
            .collect::<Result<_>>()?;
        self.lines.extend(claims);
        self.lines.par_sort_unstable();
        let mut hasher = Sha256::new();
        for line in &self.lines {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
        Ok(format!("sha256:{}", store::hex(&hasher.finalize())))
    }
}

pub(super) fn slash_path(path: &std::path::Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
