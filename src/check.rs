//! Every consistency rule of the workspace, collected into a list of problems.
//!
//! `check` never stops at the first problem: an editor fixing a broken merge
//! wants the whole list at once, each as `path:line: message`, like a compiler.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::anchor::{self, Found};
use crate::claim_cache::{self, Passed, Quote};
use crate::error::{Error, Result};
use crate::model::{Claim, ClaimId, Config, SourceId, SourceMeta, Status};
use crate::record_cache;
use crate::rules;
use crate::text::SourceText;
use crate::workspace::Stamp;
use crate::workspace::store;
use crate::workspace::yaml;
use crate::workspace::{self, Lock, Workspace};

/// One problem, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// Path relative to the workspace root.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub message: String,
    /// What is wrong, for `--fix`, reports and machines.
    pub kind: ProblemKind,
}

crate::keyword_enum!(
    /// What sort of problem `check` found. The first group is the
    /// workspace's integrity (files, records, snapshots, anchors); the
    /// second is editorial consistency (the desk's own rules).
    ProblemKind {
        Stray => "stray",
        Unreadable => "unreadable",
        Yaml => "yaml",
        Record => "record",
        MissingBytes => "missing-bytes",
        MissingSnapshot => "missing-snapshot",
        Damaged => "damaged",
        StaleOffsets => "stale-offsets",
        LostQuote => "lost-quote",
        LostExcerpt => "lost-excerpt",
        StatusRule => "status-rule",
        Policy => "policy",
        Rating => "rating",
        NoCorrection => "no-correction",
        Inconsistent => "inconsistent",
        LateEvidence => "late-evidence",
        // Article revisions.
        OldRevision => "old-revision",
        Recheck => "recheck",
        RevisionChain => "revision-chain",
    }
);

impl ProblemKind {
    /// Whether the problem is about the desk's editorial rules (a verdict
    /// that no longer meets the policy, disagreeing twins, …) rather than
    /// the integrity of files and records.
    pub fn is_editorial(self) -> bool {
        matches!(
            self,
            ProblemKind::Policy
                | ProblemKind::Rating
                | ProblemKind::NoCorrection
                | ProblemKind::Inconsistent
                | ProblemKind::LateEvidence
                | ProblemKind::Recheck
        )
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What a check found.
#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub problems: Vec<Problem>,
    pub claims: usize,
    pub sources: usize,
    /// Claims whose stale offsets `--fix` rewrote.
    pub fixed: Vec<String>,
    /// Claims `--fix` carried over the article's revisions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<crate::revise::Carried>,
    /// Leftover temporary files `--fix` removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// Options for a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Rehash every snapshot, ignoring the stat cache.
    pub full: bool,
    /// Rewrite stale offsets of claims whose quote was found again.
    pub fix: bool,
}

fn problem(
    kind: ProblemKind,
    path: impl AsRef<Path>,
    line: Option<usize>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        path: path.as_ref().display().to_string(),
        line,
        message: message.into(),
        kind,
    }
}

/// A loaded claim with its raw text, for line numbers.
struct Loaded {
    path: PathBuf,
    /// `None` once dropped after parsing (`--full` holds no claim's text
    /// while the snapshots hash): the file is read again for a claim that
    /// has a problem to place.
    raw: Option<String>,
    claim: Claim,
    /// The file's stat when it was read, for the claim cache.
    stamp: Option<Stamp>,
}

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

/// Runs every check. `lock` is needed only with `fix`.
pub fn run(ws: &Workspace, options: Options, lock: Option<&Lock>) -> Result<Outcome> {
    run_with_progress(ws, options, lock, &())
}

/// [`run`], telling `progress` how the hashing of snapshots goes.
pub fn run_with_progress(
    ws: &Workspace,
    options: Options,
    lock: Option<&Lock>,
    progress: &dyn crate::hash::Progress,
) -> Result<Outcome> {
    run_scanned(ws, options, lock, progress, None)
}

/// [`run`] with `claims/` already read ([`Workspace::scan_claims`]) by a
/// caller that wants the claim files too (`report`): it is read once.
pub fn run_with_scan(ws: &Workspace, scan: workspace::ClaimsScan) -> Result<Outcome> {
    run_scanned(ws, Options::default(), None, &(), Some(scan))
}

fn run_scanned(
    ws: &Workspace,
    options: Options,
    lock: Option<&Lock>,
    progress: &dyn crate::hash::Progress,
    scan: Option<workspace::ClaimsScan>,
) -> Result<Outcome> {
    let mut out = Outcome::default();

    // Snapshots: the folder's contents, each record, each file's bytes.
    let listing = store::list(ws)?;
    for (path, why) in &listing.strays {
        out.problems.push(problem(
            ProblemKind::Stray,
            ws.rel(path),
            None,
            why.to_string(),
        ));
    }

    // Hash the snapshots' bytes while records, claims and texts load: with one
    // big snapshot, its hashing holds one core about as long as everything
    // else takes on the others.
    let (verified, records) = rayon::join(
        || store::verify(ws, &listing.bytes, options.full, progress),
        || load_records(ws, &listing, options, scan),
    );
    let verified = verified?;
    let records = records?;
    leftover_temp_files(ws, &listing, records.claim_temps, lock, &mut out)?;
    let Records {
        sources,
        meta_problems,
        files,
        parsed,
        texts,
        cache_key,
        passed,
        cache_unchanged,
        claim_temps: _,
    } = records;
    out.problems.extend(meta_problems);
    for (id, meta) in &sources {
        if !listing.bytes.contains_key(id.hex()) {
            out.problems.push(problem(
ProblemKind::MissingBytes,
                format!("sources/{}.yaml", id.hex()),
                None,
                format!(
                    "the snapshot's bytes `{}` are missing; restore them from git or re-add the source",
                    meta.file
                ),
            ));
        } else if store::safe_file_name(meta).is_err() {
            let line = line_of_key(&read_or_empty(&store::meta_path(ws, id)), "file", 0);
            out.problems.push(problem(
                ProblemKind::Record,
                format!("sources/{}.yaml", id.hex()),
                line,
                format!(
                    "`file: {}` does not name this snapshot's bytes (`{}.<ext>`)",
                    meta.file,
                    id.hex()
                ),
            ));
        }
    }
    for (hex, path) in &listing.bytes {
        if SourceId::from_hex(hex).is_none_or(|id| listing.metas.binary_search(&id).is_err()) {
            out.problems.push(problem(
ProblemKind::MissingBytes,
                ws.rel(path),
                None,
                "snapshot bytes without a record `<sha256>.yaml`; re-add them with `factcheck source add`",
            ));
        }
    }
    for f in crate::capture_check::check(ws, &sources, &listing.bytes, options.full) {
        out.problems
            .push(problem(ProblemKind::Record, f.path, f.line, f.message));
    }
    let mut damaged: HashMap<String, String> = HashMap::new();
    for d in verified.damage {
        damaged.insert(d.hex, d.message.clone());
        out.problems
            .push(problem(ProblemKind::Damaged, &d.file, None, d.message));
    }
    for (id, meta) in &sources {
        if let Some(size) = verified.intact.get(id.hex()).map(Stamp::size)
            && size != meta.size
        {
            out.problems.push(problem(
                ProblemKind::Damaged,
                format!("sources/{}.yaml", id.hex()),
                None,
                format!("`size: {}` but the bytes are {size} long", meta.size),
            ));
        }
    }
    out.sources = listing.metas.len();

    let mut claims = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(loaded) => claims.push(loaded),
            Err(p) => out.problems.push(p),
        }
    }
    out.claims = files.len();

    let revisions = Revisions::of(ws, &sources, &mut out.problems);
    let ctx = ClaimCtx {
        sources: &sources.keys().collect(),
        metas: &sources,
        config: &ws.config,
        texts: &texts,
        damaged: &damaged,
        revisions: &revisions,
    };
    let results: Vec<ClaimFindings> = claims
        .par_iter()
        .map(|l| match &l.raw {
            Some(raw) => ctx.check_claim(ws, l, raw),
            None => {
                let found = ctx.check_claim(ws, l, "");
                if found.0.is_empty() {
                    found
                } else {
                    ctx.check_claim(ws, l, &read_or_empty(&l.path))
                }
            }
        })
        .collect();
    // Twins: claims on the same words must not be rated apart. The claims
    // read now take part as read, those the cache vouched for as it
    // remembers them, so a warm `check` reads no claim file.
    let quotes: Vec<Twin> = claims
        .iter()
        .filter_map(|l| {
            Some(Twin {
                file: TwinFile::Read(l.path.as_path()),
                raw: l.raw.as_deref(),
                quote: std::borrow::Cow::Owned(Quote::of(&l.claim)?),
            })
        })
        .chain(passed.iter().filter_map(|(name, p)| {
            Some(Twin {
                file: TwinFile::Cached(name),
                raw: None,
                quote: std::borrow::Cow::Borrowed(p.quote.as_ref()?),
            })
        }))
        .collect();
    out.problems.extend(inconsistent(ws, quotes));
    let mut passed = passed;
    for (loaded, (problems, moved)) in claims.iter().zip(results) {
        if problems.is_empty()
            && let (Some(name), Some(stamp)) = (loaded.path.file_name(), loaded.stamp)
        {
            passed.insert(
                name.to_string_lossy().into_owned(),
                Passed {
                    stamp,
                    quote: Quote::of(&loaded.claim),
                },
            );
        }
        match (moved, options.fix, lock) {
            (Some((start, end)), true, Some(lock)) => {
                let mut claim = loaded.claim.clone();
                if let Some(a) = claim.appears_in.as_mut() {
                    a.start = start;
                    a.end = end;
                }
                ws.save_claim(&claim, lock)?;
                out.fixed.push(claim.id.to_string());
                out.problems.extend(
                    problems
                        .into_iter()
                        .filter(|p| p.kind != ProblemKind::StaleOffsets),
                );
            }
            _ => out.problems.extend(problems),
        }
    }

    // The cache only saves time; failing to write it is not worth failing `check`.
    if !cache_unchanged {
        let _ = claim_cache::save(ws, &cache_key, &passed);
    }

    out.problems.sort();
    Ok(out)
}

/// A claim's quote, for the overlapping-quotes rule: from a claim read now
/// (with its text) or from the claim cache (whose file is read only when a
/// problem needs a line).
struct Twin<'a> {
    file: TwinFile<'a>,
    raw: Option<&'a str>,
    quote: std::borrow::Cow<'a, Quote>,
}

/// Where a [`Twin`]'s claim file is: its path when it was read now, its
/// name under `claims/` when the cache vouched for it (the path is made
/// only for a problem).
enum TwinFile<'a> {
    Read(&'a Path),
    Cached(&'a str),
}

impl TwinFile<'_> {
    fn path(&self, ws: &Workspace) -> PathBuf {
        match self {
            TwinFile::Read(path) => path.to_path_buf(),
            TwinFile::Cached(name) => ws.claims_dir().join(name),
        }
    }
}

/// Claims whose quotes overlap in one snapshot but whose verdicts or
/// ratings disagree: one problem on each, naming the other.
fn inconsistent(ws: &Workspace, anchored: Vec<Twin>) -> Vec<Problem> {
    // By snapshot, then position. The few snapshots are ranked first, so
    // the sort compares numbers, not 64-character hashes; the ids are
    // unique, so an unstable sort gives the one order.
    let mut sources: Vec<SourceId> = anchored
        .iter()
        .map(|t| &t.quote.source)
        .collect::<HashSet<_>>()
        .into_iter()
        .cloned()
        .collect();
    sources.sort_unstable();
    let rank: HashMap<SourceId, usize> = sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s, i))
        .collect();
    let mut keyed: Vec<(usize, &Twin)> = anchored
        .iter()
        .map(|t| (rank[&t.quote.source], t))
        .collect();
    keyed.par_sort_unstable_by(|(rx, x), (ry, y)| {
        let (x, y) = (&x.quote, &y.quote);
        (rx, x.start, x.end, &x.id).cmp(&(ry, y.start, y.end, &y.id))
    });
    let anchored: Vec<&Twin> = keyed.into_iter().map(|(_, t)| t).collect();
    let verdict = |q: &Quote| match &q.rating {
        Some(r) => format!("{} · {r}", q.status),
        None => q.status.to_string(),
    };
    let mut problems = Vec::new();
    for (i, a) in anchored.iter().enumerate() {
        for b in &anchored[i + 1..] {
            let (qa, qb) = (&a.quote, &b.quote);
            if qb.source != qa.source || qb.start >= qa.end {
                break;
            }
            if qa.status == qb.status && qa.rating == qb.rating {
                continue;
            }
            for (this, that) in [(a, b), (b, a)] {
                let path = this.file.path(ws);
                let raw = match this.raw {
                    Some(raw) => std::borrow::Cow::Borrowed(raw),
                    None => std::borrow::Cow::Owned(read_or_empty(&path)),
                };
                problems.push(problem(
                    ProblemKind::Inconsistent,
                    ws.rel(&path),
                    line_of_key(&raw, "status", 0),
                    format!(
                        "its quote overlaps claim `{}`'s, rated {}, but this one is {}; rate the same words alike, or merge the claims",
                        that.quote.id,
                        verdict(&that.quote),
                        verdict(&this.quote)
                    ),
                ));
            }
        }
    }
    problems
}

/// Temporary files left by interrupted writes, in `sources/` (listed as
/// strays) and `claims/`: reported, or removed by `--fix`.
fn leftover_temp_files(
    ws: &Workspace,
    listing: &store::Listing,
    claim_temps: Vec<PathBuf>,
    lock: Option<&Lock>,
    out: &mut Outcome,
) -> Result<()> {
    let is_temp = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(".tmp-"))
    };
    let mut temps: Vec<PathBuf> = listing
        .strays
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| is_temp(p))
        .collect();
    let sources_reported = temps.len();
    temps.extend(claim_temps);
    // Only a regular file can be a writer's leftover: a folder or a FIFO
    // named `.tmp-*` is not ours to remove (and `claims/` ignores folders).
    let (temps, sources_reported) = {
        let ours = |p: &PathBuf| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file());
        let in_sources = temps[..sources_reported].iter().filter(|p| ours(p)).count();
        (
            temps.into_iter().filter(ours).collect::<Vec<_>>(),
            in_sources,
        )
    };
    match lock {
        Some(_) => {
            for path in &temps {
                std::fs::remove_file(path)
                    .map_err(|e| crate::error::Error::io("remove", path, e))?;
                out.removed.push(ws.rel(path).display().to_string());
            }
            let removed: HashSet<String> = out.removed.iter().cloned().collect();
            out.problems.retain(|p| !removed.contains(&p.path));
        }
        None => {
            for path in &temps[sources_reported..] {
                out.problems.push(problem(
                    ProblemKind::Stray,
                    ws.rel(path),
                    None,
                    "a leftover temporary file from an interrupted write; `factcheck check --fix` removes it",
                ));
            }
        }
    }
    Ok(())
}

/// Everything `check` reads besides the snapshots' bytes.
struct Records {
    /// The snapshot records that read.
    sources: BTreeMap<SourceId, SourceMeta>,
    /// Why the others did not.
    meta_problems: Vec<Problem>,
    /// Every claim file with its stat, and each one parsed or why not.
    files: Vec<(std::ffi::OsString, Option<Stamp>)>,
    parsed: Vec<std::result::Result<Loaded, Problem>>,
    /// The text of every snapshot a claim quotes, each decoded once.
    texts: HashMap<SourceId, std::result::Result<SourceText, String>>,
    /// The claim cache's key for this state of `sources/`.
    cache_key: String,
    /// Claims the cache vouches for, which were not read again.
    passed: BTreeMap<String, Passed>,
    /// Whether the claim cache on disk already holds exactly `passed`.
    cache_unchanged: bool,
    /// Leftover temporary files in `claims/`.
    claim_temps: Vec<PathBuf>,
}

/// Reads snapshot records and claims and decodes the quoted texts, each
/// step in parallel.
fn load_records(
    ws: &Workspace,
    listing: &store::Listing,
    options: Options,
    scan: Option<workspace::ClaimsScan>,
) -> Result<Records> {
    let metas: Vec<(SourceId, std::result::Result<SourceMeta, Problem>)> = listing
        .metas
        .par_iter()
        .map(|id| (id.clone(), load_meta_checked(ws, id)))
        .collect();
    let mut sources = BTreeMap::new();
    let mut meta_problems = Vec::new();
    for (id, meta) in metas {
        match meta {
            Ok(meta) => {
                sources.insert(id, meta);
            }
            Err(p) => meta_problems.push(p),
        }
    }

    // A claim file unchanged since a check passed it, with `sources/`
    // unchanged too, would pass again: it is not read. `--full` and `--fix`
    // read everything. One reading of `claims/` (each claim file with its
    // stat, and the leftover temporary files) goes on while the cache loads.
    let (scan, cache) = rayon::join(
        || scan.map_or_else(|| ws.scan_claims(), Ok),
        || -> Result<_> {
            // The key covers everything a claim's checks read (see `claim_cache_key`).
            let cache_key = claim_cache_key(ws, listing)?;
            let cached = if options.full || options.fix {
                Vec::new()
            } else {
                claim_cache::load(ws, &cache_key)
            };
            Ok((cache_key, cached))
        },
    );
    let workspace::ClaimsScan {
        files,
        temps: claim_temps,
    } = scan?;
    let (cache_key, cached) = cache?;
    let cached_len = cached.len();
    // Both are sorted by name: one walk pairs them.
    let mut cached = cached.into_iter().peekable();
    let mut fresh = vec![false; files.len()];
    let mut passed = Vec::with_capacity(cached_len);
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
    let passed: BTreeMap<String, Passed> = passed.into_iter().collect();
    // Claims read again are parsed from the record cache where it holds
    // them; `--full` parses every file.
    let records = if options.full || fresh.iter().all(|f| *f) {
        None
    } else {
        record_cache::Cache::open(ws)?
    };
    let claims_dir = ws.claims_dir();
    // The files to read, listed first so the parallel read below knows how
    // many results come and writes them in place (a filtered parallel
    // iterator collects into chunks that are copied together afterwards).
    let stale: Vec<&(std::ffi::OsString, Option<Stamp>)> = files
        .iter()
        .zip(&fresh)
        .filter(|(_, fresh)| !**fresh)
        .map(|(file, _)| file)
        .collect();
    let parsed: Vec<std::result::Result<Loaded, Problem>> = stale
        .par_iter()
        .map(|(name, stamp)| {
            let cached = match (&records, stamp) {
                (Some(records), Some(stamp)) => records.claim(&name.to_string_lossy(), stamp),
                _ => None,
            };
            load_claim_checked(ws, &claims_dir.join(name), cached).map(|mut loaded| {
                loaded.stamp = *stamp;
                if options.full {
                    // Ten thousand claims' text is megabytes of peak memory;
                    // a problem's line is found in the file read again.
                    loaded.raw = None;
                }
                loaded
            })
        })
        .collect();
    // Nothing read, nothing forgotten: the cache on disk is still right.
    let cache_unchanged = parsed.is_empty() && passed.len() == cached_len;

    let wanted: HashSet<&SourceId> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .flat_map(|l| {
            let c = &l.claim;
            c.appears_in.iter().map(|a| &a.source).chain(
                c.evidence
                    .iter()
                    .filter(|e| e.excerpt.is_some())
                    .map(|e| &e.source),
            )
        })
        .collect();
    let wanted: Vec<&SourceId> = wanted
        .into_iter()
        .filter(|id| sources.contains_key(*id))
        .collect();
    let texts = wanted
        .par_iter()
        .map(|id| {
            (
                (*id).clone(),
                store::read_text(ws, &sources[*id]).map_err(|e| e.to_string()),
            )
        })
        .collect();
    Ok(Records {
        sources,
        meta_problems,
        files,
        parsed,
        texts,
        cache_key,
        passed,
        cache_unchanged,
        claim_temps,
    })
}

/// A claim's problems, and its quote's new offsets when they went stale.
type ClaimFindings = (Vec<Problem>, Option<(usize, usize)>);

struct ClaimCtx<'a> {
    /// The snapshots that have a readable record.
    sources: &'a HashSet<&'a SourceId>,
    /// Those records, for the desk's policy.
    metas: &'a BTreeMap<SourceId, SourceMeta>,
    /// The settings: rating scale and policy.
    config: &'a Config,
    texts: &'a HashMap<SourceId, std::result::Result<SourceText, String>>,
    damaged: &'a HashMap<String, String>,
    revisions: &'a Revisions,
}

impl ClaimCtx<'_> {
    /// Problems of one claim, and new offsets when the quote moved.
    fn check_claim(
        &self,
        ws: &Workspace,
        loaded: &Loaded,
        raw: &str,
    ) -> (Vec<Problem>, Option<(usize, usize)>) {
        let Loaded { path, claim, .. } = loaded;
        // Where a problem is: worked out only for a claim that has one.
        let rel = || ws.rel(path);
        let mut problems = Vec::new();
        let mut moved = None;
        let missing = |id: &SourceId| format!("snapshot `{}` is not in `sources/`", id.short());

        if let Some(a) = &claim.appears_in {
            match self.text_of(&a.source) {
                Err(why) => {
                    let line = line_of_key(raw, "appears_in", 0).map(|l| l + 1);
                    problems.push(problem(ProblemKind::Unreadable, rel(), line, why));
                }
                Ok(text) => match anchor::find(text, a) {
                    Found::InPlace => {}
                    Found::Moved { start, end } => {
                        moved = Some((start, end));
                        problems.push(problem(
ProblemKind::StaleOffsets,
                            rel(),
                            line_of_key(raw, "start", 0),
                            format!(
                                "stale offsets {}..{}: the quote is now at {start}..{end}; `factcheck check --fix` rewrites them",
                                a.start, a.end
                            ),
                        ));
                    }
                    Found::Lost => problems.push(problem(
                        ProblemKind::LostQuote,
                        rel(),
                        line_of_key(raw, "exact", 0),
                        format!(
                            "the quote no longer occurs in snapshot `{}`: \"{}\"",
                            a.source.short(),
                            anchor::one_line(&a.exact)
                        ),
                    )),
                },
            }
        }

        let mut intact = Ok(());
        for (i, e) in claim.evidence.iter().enumerate() {
            let item_line = || evidence_line(raw, i);
            if !self.sources.contains(&e.source) {
                problems.push(problem(
                    ProblemKind::MissingSnapshot,
                    rel(),
                    item_line(),
                    format!("evidence {}: {}", i + 1, missing(&e.source)),
                ));
                intact = Err(missing(&e.source));
                continue;
            }
            if let Some(why) = self.damaged.get(e.source.hex()) {
                intact = Err(format!("snapshot `{}`: {why}", e.source.short()));
            }
            if let Some(excerpt) = &e.excerpt {
                match self.text_of(&e.source) {
                    Err(why) => problems.push(problem(
                        ProblemKind::Unreadable,
                        rel(),
                        item_line(),
                        format!("evidence {}: {why}", i + 1),
                    )),
                    Ok(text) if !text.contains_excerpt(excerpt) => {
                        let line = item_line().and_then(|l| line_of_key_from(raw, "excerpt", l));
                        problems.push(problem(
                            ProblemKind::LostExcerpt,
                            rel(),
                            line.or_else(item_line),
                            format!(
                                "evidence {}: the excerpt does not occur in snapshot `{}`: \"{}\"",
                                i + 1,
                                e.source.short(),
                                anchor::one_line(excerpt)
                            ),
                        ));
                    }
                    Ok(_) => {}
                }
            }
        }
        let note = claim.verdict_entry().and_then(|h| h.note.as_deref());
        if let Some(why) = rules::unmet(claim, claim.status, note, intact) {
            problems.push(problem(
                ProblemKind::StatusRule,
                rel(),
                line_of_key(raw, "status", 0),
                format!("status `{}` breaks a rule: {why}", claim.status),
            ));
        }
        self.editorial(claim, raw, &rel, &mut problems);
        problems.extend(self.revisions.problems(claim, raw, &rel));
        (problems, moved)
    }

    /// The desk's own standards: its policy for `verified`, its rating
    /// scale, a correction for what is disputed, and evidence that the
    /// verdict could have seen.
    fn editorial(
        &self,
        claim: &Claim,
        raw: &str,
        rel: &dyn Fn() -> PathBuf,
        problems: &mut Vec<Problem>,
    ) {
        let status_line = || line_of_key(raw, "status", 0);
        if claim.status == Status::Verified
            && let Some(why) = rules::policy_unmet(self.config, claim, |id| self.metas.get(id))
        {
            problems.push(problem(
                ProblemKind::Policy,
                rel(),
                status_line(),
                format!(
                    "`verified` no longer meets the desk's policy: {why}; add evidence, or mark the claim again with the verdict its evidence carries"
                ),
            ));
        }
        if let Some(why) = rules::rating_unmet(self.config, claim.status, claim.rating.as_deref()) {
            problems.push(problem(
                ProblemKind::Rating,
                rel(),
                line_of_key(raw, "rating", 0).or_else(status_line),
                why,
            ));
        }
        let verdict = claim.verdict_entry();
        if claim.status == Status::Disputed
            && claim.correction.is_none()
            && verdict.and_then(|h| h.note.as_deref()).is_none()
        {
            problems.push(problem(
                ProblemKind::NoCorrection,
                rel(),
                status_line(),
                "disputed without a suggested correction or a note saying what is wrong; `factcheck mark CLAIM disputed --correction … --note …`",
            ));
        }
        if claim.status != Status::Unverified
            && let Some(given) = verdict.map(|h| h.at.date())
        {
            for (i, e) in claim.evidence.iter().enumerate() {
                let Some(published) = self.metas.get(&e.source).and_then(|m| m.published) else {
                    continue;
                };
                if published.to_string() > given {
                    problems.push(problem(
                        ProblemKind::LateEvidence,
                        rel(),
                        evidence_line(raw, i),
                        format!(
                            "evidence {}: snapshot `{}` was published on {published}, after the verdict of {given}; mark the claim again to confirm the verdict still stands",
                            i + 1,
                            e.source.short()
                        ),
                    ));
                }
            }
        }
    }

    fn text_of(&self, id: &SourceId) -> std::result::Result<&SourceText, String> {
        if !self.sources.contains(id) {
            return Err(format!("snapshot `{}` is not in `sources/`", id.short()));
        }
        match self.texts.get(id) {
            Some(Ok(text)) => Ok(text),
            Some(Err(why)) => Err(why.clone()),
            None => Err(format!("snapshot `{}` was not read", id.short())),
        }
    }
}

fn read_or_empty(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn load_meta_checked(ws: &Workspace, id: &SourceId) -> std::result::Result<SourceMeta, Problem> {
    let path = store::meta_path(ws, id);
    let rel = ws.rel(&path);
    let raw = workspace::read_to_string(&path)
        .map_err(|e| problem(ProblemKind::Unreadable, &rel, None, e.to_string()))?;
    let meta: SourceMeta = yaml::from_str(&rel, &raw).map_err(|e| yaml_problem(&rel, e))?;
    if meta.sha256 != *id {
        return Err(problem(
            ProblemKind::Record,
            &rel,
            line_of_key(&raw, "sha256", 0),
            format!(
                "`sha256: {}` does not match the file name",
                meta.sha256.hex()
            ),
        ));
    }
    Ok(meta)
}

/// Reads a claim file and parses it, or takes `cached`, the same file's
/// record as the record cache parsed it.
fn load_claim_checked(
    ws: &Workspace,
    path: &Path,
    cached: Option<Claim>,
) -> std::result::Result<Loaded, Problem> {
    let rel = ws.rel(path);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem.parse::<ClaimId>().is_err() {
        return Err(problem(
            ProblemKind::Record,
            &rel,
            None,
            format!("`{stem}` is not a valid claim id for a file name"),
        ));
    }
    let raw = workspace::read_to_string(path)
        .map_err(|e| problem(ProblemKind::Unreadable, &rel, None, e.to_string()))?;
    let claim: Claim = match cached {
        Some(claim) => claim,
        None => yaml::from_str(&rel, &raw).map_err(|e| yaml_problem(&rel, e))?,
    };
    if claim.id.as_str() != stem {
        return Err(problem(
            ProblemKind::Record,
            &rel,
            line_of_key(&raw, "id", 0),
            format!(
                "the file holds claim `{}`, but its name says `{stem}`; ids must match file names",
                claim.id
            ),
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        raw: Some(raw),
        claim,
        stamp: None,
    })
}

fn yaml_problem(rel: &Path, err: crate::error::Error) -> Problem {
    match err {
        crate::error::Error::Yaml {
            line,
            column,
            message,
            ..
        } => Problem {
            kind: ProblemKind::Yaml,
            path: rel.display().to_string(),
            line,
            message: match column {
                Some(c) => format!("column {c}: {message}"),
                None => message,
            },
        },
        other => problem(ProblemKind::Yaml, rel, None, other.to_string()),
    }
}

/// 1-based line of the `nth` line whose key (after indentation and any `- `)
/// is `key`.
pub fn line_of_key(raw: &str, key: &str, nth: usize) -> Option<usize> {
    line_of_key_from(raw, key, 0).and_then(|first| {
        let mut line = Some(first);
        for _ in 0..nth {
            line = line_of_key_from(raw, key, line?);
        }
        line
    })
}

/// The first line after line `after` (1-based; 0 = from the start) holding `key`.
fn line_of_key_from(raw: &str, key: &str, after: usize) -> Option<usize> {
    raw.lines().enumerate().skip(after).find_map(|(i, line)| {
        let t = line.trim_start().trim_start_matches("- ");
        (t.strip_prefix(key)?.starts_with(':')).then_some(i + 1)
    })
}

/// The line where the `i`-th evidence item starts.
fn evidence_line(raw: &str, i: usize) -> Option<usize> {
    let start = line_of_key(raw, "evidence", 0)?;
    raw.lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.starts_with(' ') || l.starts_with('-'))
        .filter(|(_, l)| l.trim_start().starts_with("- ") && !l.starts_with("      "))
        .nth(i)
        .map(|(n, _)| n + 1)
}

// ---------------------------------------------------------------------------
// Article revisions (issue 14): claims anchored in an earlier revision of the
// article, claims in recheck, and a chain of `revises` that is broken.
// ---------------------------------------------------------------------------

/// The article and its earlier revisions, from the snapshot records.
struct Revisions {
    article: Option<SourceId>,
    earlier: HashSet<SourceId>,
}

impl Revisions {
    /// Walks `revises` back from the article, reporting a chain that names
    /// a missing snapshot or goes round in a circle.
    fn of(
        ws: &Workspace,
        sources: &BTreeMap<SourceId, SourceMeta>,
        problems: &mut Vec<Problem>,
    ) -> Revisions {
        let article = ws.config.article.clone();
        let mut earlier = HashSet::new();
        let mut at = article.clone();
        while let Some(id) = at {
            let Some(prev) = sources.get(&id).and_then(|m| m.revises.clone()) else {
                break;
            };
            let path = format!("sources/{}.yaml", id.hex());
            let line = line_of_key(&read_or_empty(&store::meta_path(ws, &id)), "revises", 0);
            if !sources.contains_key(&prev) {
                problems.push(problem(
                    ProblemKind::RevisionChain,
                    path,
                    line,
                    format!(
                        "`revises` names snapshot `{}`, which is not in `sources/`; restore it from git",
                        prev.short()
                    ),
                ));
                break;
            }
            if prev == id || !earlier.insert(prev.clone()) || Some(&prev) == article.as_ref() {
                problems.push(problem(
                    ProblemKind::RevisionChain,
                    path,
                    line,
                    "`revises` goes round in a circle; correct it so the revisions form a line",
                ));
                break;
            }
            at = Some(prev);
        }
        Revisions { article, earlier }
    }

    fn problems(&self, claim: &Claim, raw: &str, rel: &dyn Fn() -> PathBuf) -> Vec<Problem> {
        let mut out = Vec::new();
        if crate::revise::waiting(claim, &self.earlier)
            && let (Some(a), Some(article)) = (&claim.appears_in, &self.article)
        {
            out.push(problem(
                ProblemKind::OldRevision,
                rel(),
                line_of_key(raw, "source", 0),
                format!(
                    "anchored in `{}`, an earlier revision of the article (now `{}`); `factcheck check --fix` carries it over",
                    a.source.short(),
                    article.short()
                ),
            ));
        }
        if let Some(h) = claim.recheck() {
            let words = match (&h.from, &claim.appears_in) {
                (Some(from), Some(now)) => format!(
                    " (\"{}\" → \"{}\")",
                    anchor::one_line(&from.exact),
                    anchor::one_line(&now.exact)
                ),
                _ => String::new(),
            };
            out.push(problem(
                ProblemKind::Recheck,
                rel(),
                line_of_key(raw, "exact", 0),
                format!(
                    "in recheck: its quoted words changed in revision `{}`{words}; its verdict is not final until it is marked again (`factcheck mark {} STATUS`)",
                    h.revision.as_ref().map_or("?", SourceId::short),
                    claim.id
                ),
            ));
        }
        out
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
