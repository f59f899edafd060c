//! `check`'s look at web captures: every `captures[].warc` of a snapshot
//! record must name a WARC snapshot of the workspace, and under `--full`
//! its bytes must be a WARC file, so a capture whose exchange was deleted,
//! or that points at some other snapshot, is not taken as archived.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use crate::model::{SourceId, SourceMeta};
use crate::says::Says;
use crate::workspace::{self, Workspace};

/// The media type of a capture's WARC snapshot.
const WARC: &str = "application/warc";

/// One thing wrong with a capture: the record, the line, the message.
pub struct Finding {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

/// What is wrong with the captures of `sources`; `bytes` are the snapshot
/// files by hash (from the listing of `sources/`).
pub fn check(
    ws: &Workspace,
    sources: &BTreeMap<SourceId, SourceMeta>,
    bytes: &BTreeMap<String, PathBuf>,
    full: bool,
) -> Vec<Finding> {
    let mut found = Vec::new();
    for (id, meta) in sources {
        let rel = format!("sources/{}.yaml", id.hex());
        let mut raw: Option<String> = None;
        let mut line = |nth: usize| {
            let raw = raw.get_or_insert_with(|| {
                workspace::read_to_string(&crate::workspace::store::meta_path(ws, id))
                    .unwrap_or_default()
            });
            crate::check::line_of_key(raw, "warc", nth)
        };
        let mut nth = 0;
        for capture in &meta.captures {
            let Some(warc) = &capture.warc else { continue };
            let at = capture.at.to_string();
            let (at, warc_id) = (at.as_str(), warc.short());
            let message = match sources.get(warc) {
                None => Some(Says::WarcMissing { at, warc: warc_id }),
                Some(w) if w.media_type.as_str() != WARC => Some(Says::WarcNotWarcType {
                    at,
                    warc: warc_id,
                    media_type: w.media_type.as_str(),
                }),
                Some(_) if full => bytes
                    .get(warc.hex())
                    .filter(|path| !starts_like_warc(path))
                    .map(|_| Says::WarcNotWarcBytes { at, warc: warc_id }),
                Some(_) => None,
            }
            .map(|says| says.text(ws.config.language()));
            if let Some(message) = message {
                found.push(Finding {
                    path: rel.clone(),
                    line: line(nth),
                    message,
                });
            }
            nth += 1;
        }
    }
    found
}

/// Whether a file begins as a WARC record does (`WARC/1.0`, `WARC/1.1`).
fn starts_like_warc(path: &std::path::Path) -> bool {
    let mut head = [0u8; 6];
    workspace::open_regular(path)
        .and_then(|mut f| {
            f.read_exact(&mut head)
                .map_err(|e| crate::error::Error::io("read", path, e))
        })
        .is_ok_and(|()| &head == b"WARC/1")
}
