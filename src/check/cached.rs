//! Where `check` meets its caches: the claim cache (claim files a check
//! passed, with `sources/` and the settings unchanged since, are not read
//! again) and the record cache (claims read again are parsed from it where
//! it holds them). The rest of `check` sees only [`Cached`].

use std::collections::BTreeMap;
use std::ffi::OsString;

use crate::claim_cache::{self, Passed};
use crate::error::{Error, Result};
use crate::model::Claim;
use crate::record_cache;
use crate::workspace::store;
use crate::workspace::{self, Stamp, Workspace};

use super::Options;
use super::loading::Loaded;
use super::twins::{Twin, TwinFile};

pub(super) use crate::claim_cache::Quote;

/// The claim cache's key: everything a claim's checks read besides the claim
/// itself — the settings file, the fingerprint of `sources/` (records, bytes
/// and strays as `stat` sees them) and the build of this tool, whose rules
/// may differ — so a new rule is never served a stale "passed". Failing to
/// read any of them is an error, not an empty key.
pub fn claim_cache_key(ws: &Workspace, listing: &store::Listing) -> Result<String> {
    let settings = ws.root().join(workspace::CONFIG_FILE);
    let settings = std::fs::read(&settings).map_err(|e| Error::io("read", &settings, e))?;
    let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
    for part in [
        b"claim-cache 3\n".as_slice(),
        record_cache::build_id()?.as_bytes(),
        b"\n",
        store::sha256_hex(&settings).as_bytes(),
        b"\n",
        store::fingerprint(ws, listing)?.as_bytes(),
    ] {
        sha2::Digest::update(&mut hasher, part);
    }
    Ok(store::hex(&sha2::Digest::finalize(hasher)))
}

/// The claim cache for one run of `check`.
pub(super) struct Cached {
    /// The key for this state of `sources/`, the settings and the build.
    key: String,
    /// Claims the cache vouches for, which were not read again, and then
    /// also those this run passed.
    passed: BTreeMap<String, Passed>,
    /// How many entries the cache on disk held.
    held: usize,
}

impl Cached {
    /// The cache's key and what it holds under it (nothing with `--full`
    /// or `--fix`, which read everything).
    pub(super) fn load(
        ws: &Workspace,
        listing: &store::Listing,
        options: Options,
    ) -> Result<(String, Vec<(String, Passed)>)> {
        // The key covers everything a claim's checks read (see `claim_cache_key`).
        let key = claim_cache_key(ws, listing)?;
        let cached = if options.full || options.fix {
            Vec::new()
        } else {
            claim_cache::load(ws, &key)
        };
        Ok((key, cached))
    }

    /// Pairs the cache's entries with the claim files (both sorted by name,
    /// so one walk does it): an entry whose file has the same stat vouches
    /// for it. Also says, per file, whether it is vouched for.
    pub(super) fn pair(
        (key, cached): (String, Vec<(String, Passed)>),
        files: &[(OsString, Option<Stamp>)],
    ) -> (Cached, Vec<bool>) {
        let held = cached.len();
        let mut cached = cached.into_iter().peekable();
        let mut fresh = vec![false; files.len()];
        let mut passed = Vec::with_capacity(held);
        for ((name, stamp), fresh) in files.iter().zip(&mut fresh) {
            let (Some(name), Some(stamp)) = (name.to_str(), stamp) else {
                continue;
            };
            while cached.next_if(|(n, _)| n.as_str() < name).is_some() {}
            if let Some(entry) = cached.next_if(|(n, p)| n == name && p.stamp == *stamp) {
                *fresh = true;
                passed.push(entry);
            }
        }
        let passed = passed.into_iter().collect();
        (Cached { key, passed, held }, fresh)
    }

    /// The record cache, when some claim must be read again (not with `--full`).
    pub(super) fn records(
        ws: &Workspace,
        options: Options,
        fresh: &[bool],
    ) -> Result<Option<record_cache::Cache>> {
        if options.full || fresh.iter().all(|f| *f) {
            Ok(None)
        } else {
            record_cache::Cache::open(ws)
        }
    }

    /// The claim file `name` as the record cache parsed it, if it holds it
    /// with this stat.
    pub(super) fn parsed(
        records: Option<&record_cache::Cache>,
        name: &OsString,
        stamp: Option<&Stamp>,
    ) -> Option<Claim> {
        match (records, stamp) {
            (Some(records), Some(stamp)) => records.claim(&name.to_string_lossy(), stamp),
            _ => None,
        }
    }

    /// Whether every entry on disk still vouches for its file.
    pub(super) fn unchanged(&self) -> bool {
        self.passed.len() == self.held
    }

    /// The quotes of the claims the cache vouched for, for the
    /// overlapping-quotes rule, as it remembers them: a warm `check` reads
    /// no claim file.
    pub(super) fn twins(&self) -> impl Iterator<Item = Twin<'_>> {
        self.passed.iter().filter_map(|(name, p)| {
            Some(Twin {
                file: TwinFile::Cached(name),
                raw: None,
                quote: std::borrow::Cow::Borrowed(p.quote.as_ref()?),
            })
        })
    }

    /// The suggested corrections of the claims the cache vouched for, for
    /// the duplicate-correction rule, with their files.
    pub(super) fn fixes(
        &self,
        ws: &Workspace,
    ) -> impl Iterator<
        Item = (
            std::path::PathBuf,
            Option<&str>,
            std::borrow::Cow<'_, super::Fix>,
        ),
    > {
        self.passed.iter().filter_map(|(name, p)| {
            let fix = p.fix.as_ref()?;
            Some((
                ws.claims_dir().join(name),
                None,
                std::borrow::Cow::Borrowed(fix),
            ))
        })
    }

    /// Remembers a claim this run read and passed.
    pub(super) fn remember(&mut self, loaded: &Loaded) {
        if let (Some(name), Some(stamp)) = (loaded.path.file_name(), loaded.stamp) {
            self.passed.insert(
                name.to_string_lossy().into_owned(),
                Passed {
                    stamp,
                    quote: Quote::of(&loaded.claim),
                    fix: super::Fix::of(&loaded.claim),
                },
            );
        }
    }

    /// Writes the cache. It only saves time; failing to write it is not
    /// worth failing `check`.
    pub(super) fn save(&self, ws: &Workspace) {
        let _ = claim_cache::save(ws, &self.key, &self.passed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(ws: &Workspace) -> String {
        claim_cache_key(ws, &store::list(ws).unwrap()).unwrap()
    }

    #[test]
    fn claim_cache_key_changes_with_the_settings_and_the_snapshots() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::init(dir.path(), &[]).unwrap();
        let first = key(&ws);
        assert_eq!(key(&ws), first, "the same state gives the same key");

        // A new rule reading `factcheck.yaml` must never see a stale "passed".
        std::fs::write(ws.root().join(workspace::CONFIG_FILE), "language: zh\n").unwrap();
        let settings = key(&ws);
        assert_ne!(settings, first);

        let hex = store::sha256_hex(b"x");
        std::fs::write(ws.sources_dir().join(format!("{hex}.txt")), "x").unwrap();
        assert_ne!(key(&ws), settings);
    }

    #[test]
    fn claim_cache_key_fails_rather_than_guess_when_the_settings_are_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::init(dir.path(), &[]).unwrap();
        let settings = ws.root().join(workspace::CONFIG_FILE);
        std::fs::remove_file(&settings).unwrap();
        std::fs::create_dir(&settings).unwrap();
        let err = claim_cache_key(&ws, &store::list(&ws).unwrap()).unwrap_err();
        assert!(err.to_string().contains("factcheck.yaml"), "{err}");
    }
}
