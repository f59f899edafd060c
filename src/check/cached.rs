//! Where `check` meets the workspace index: claim files a check passed,
//! with `sources/` and the settings unchanged since, are not read again, and
//! claims read again are parsed from the index where it holds them. The
//! rest of `check` sees only [`Cached`].

use std::collections::BTreeMap;
use std::ffi::OsString;

use rayon::prelude::*;

use crate::error::Result;
use crate::model::{Claim, ClaimId, SourceId, Status};
use crate::workspace::index::{Checked, Row};
use crate::workspace::store;
use crate::workspace::{self, Stamp, Workspace};

use super::Options;
use super::loading::Loaded;
use super::twins::{Twin, TwinFile};

/// A rated claim's quote: the snapshot, the character range and the
/// verdict, which is all the overlapping-quotes rule compares.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quote {
    pub(super) id: ClaimId,
    pub(super) source: SourceId,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) status: Status,
    pub(super) rating: Option<String>,
}

impl Quote {
    /// The quote of a claim that is anchored and no longer unverified; the
    /// others take no part in the comparison.
    pub(super) fn of(claim: &Claim) -> Option<Quote> {
        Quote::of_row(&Row::of(claim))
    }

    fn of_row(row: &Row) -> Option<Quote> {
        if row.status == Status::Unverified {
            return None;
        }
        let (source, start, end) = row.anchor?;
        Some(Quote {
            id: row.id.parse().ok()?,
            source: SourceId::from_hex(source)?,
            start,
            end,
            status: row.status,
            rating: row.rating.map(str::to_string),
        })
    }
}

/// What a claim's checks read besides the claim itself: the settings file
/// and the fingerprint of `sources/` (records, bytes and strays as `stat`
/// sees them). With the build of this tool (the index's own key), a new
/// rule is never served a stale "passed". Failing to read any of them is an
/// error, not an empty key.
pub fn checked_under(ws: &Workspace, listing: &store::Listing) -> Result<Checked> {
    let settings = ws.root().join(workspace::CONFIG_FILE);
    let settings = workspace::read_to_string(&settings)?;
    Ok(Checked {
        settings: store::sha256_hex(settings.as_bytes()),
        sources: store::fingerprint(ws, listing)?,
    })
}

/// What the index vouches for in one run of `check`.
pub(super) struct Cached {
    /// What the claims are checked under.
    key: Checked,
    /// Claims the index says passed under `key` and are unchanged since,
    /// which were not read again, then also those this run passed: by file
    /// name, with the quotes of the first.
    passed: BTreeMap<String, (Option<Quote>, Option<super::Fix>)>,
    /// Whether claims read again are parsed from the index (not with `--full`).
    indexed: bool,
}

impl Cached {
    /// The key claims are checked under, and whether the index may vouch
    /// for any (not with `--full` or `--fix`, which read everything).
    pub(super) fn load(
        ws: &Workspace,
        listing: &store::Listing,
        options: Options,
    ) -> Result<(Checked, Options)> {
        Ok((checked_under(ws, listing)?, options))
    }

    /// Asks the workspace which claim files a check under this key passed
    /// and are unchanged since. Also says, per file, whether it is vouched for.
    pub(super) fn pair(
        ws: &Workspace,
        (key, options): (Checked, Options),
        files: &[(OsString, Option<Stamp>)],
    ) -> (Cached, Vec<bool>) {
        let vouched = if options.full || options.fix {
            files.iter().map(|_| None).collect()
        } else {
            ws.passed_rows(&key, files)
        };
        let fresh: Vec<bool> = vouched.iter().map(Option::is_some).collect();
        let passed = files
            .iter()
            .zip(&vouched)
            .filter_map(|((name, _), row)| {
                let row = row.as_ref()?;
                Some((
                    name.to_str()?.to_string(),
                    (Quote::of_row(row), super::Fix::of_row(row)),
                ))
            })
            .collect();
        let indexed = !options.full && !fresh.iter().all(|f| *f);
        (
            Cached {
                key,
                passed,
                indexed,
            },
            fresh,
        )
    }

    /// The claim file `name` as the index holds it parsed, if it holds it
    /// with this stat.
    pub(super) fn parsed(
        &self,
        ws: &Workspace,
        name: &OsString,
        stamp: Option<&Stamp>,
    ) -> Option<Claim> {
        match (self.indexed, stamp) {
            (true, Some(stamp)) => ws.indexed_claim(&name.to_string_lossy(), stamp),
            _ => None,
        }
    }

    /// Hands the claims parsed from their files to the index.
    pub(super) fn learnt(ws: &Workspace, parsed: &[std::result::Result<Loaded, super::Problem>]) {
        ws.parsed(parsed.par_iter().filter_map(|p| {
            let l = p.as_ref().ok()?;
            Some((&l.claim, l.stamp?, l.sha256.clone()?))
        }));
    }

    /// The quotes of the claims the index vouched for, for the
    /// overlapping-quotes rule, as it remembers them: a warm `check` reads
    /// no claim file.
    pub(super) fn twins(&self) -> impl Iterator<Item = Twin<'_>> {
        self.passed.iter().filter_map(|(name, (quote, _))| {
            Some(Twin {
                file: TwinFile::Cached(name),
                raw: None,
                quote: std::borrow::Cow::Borrowed(quote.as_ref()?),
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
        self.passed.iter().filter_map(|(name, (_, fix))| {
            let fix = fix.as_ref()?;
            Some((
                ws.claims_dir().join(name),
                None,
                std::borrow::Cow::Borrowed(fix),
            ))
        })
    }

    /// Remembers a claim this run read and passed.
    pub(super) fn remember(&mut self, loaded: &Loaded) {
        if loaded.stamp.is_some()
            && let Some(name) = loaded.path.file_name()
        {
            // Only the name is saved: the rules already compared this claim as read.
            self.passed
                .insert(name.to_string_lossy().into_owned(), (None, None));
        }
    }

    /// Tells the workspace what passed: the index remembers it, with the
    /// stat each file was read with.
    pub(super) fn save(self, ws: &Workspace) {
        ws.record_passed(self.key, self.passed.into_keys().collect());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(ws: &Workspace) -> Checked {
        checked_under(ws, &store::list(ws).unwrap()).unwrap()
    }

    #[test]
    fn the_checked_key_changes_with_the_settings_and_the_snapshots() {
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
    fn the_checked_key_fails_rather_than_guess_when_the_settings_are_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::init(dir.path(), &[]).unwrap();
        let settings = ws.root().join(workspace::CONFIG_FILE);
        std::fs::remove_file(&settings).unwrap();
        std::fs::create_dir(&settings).unwrap();
        let err = checked_under(&ws, &store::list(&ws).unwrap()).unwrap_err();
        assert!(err.to_string().contains("factcheck.yaml"), "{err}");
    }
}
