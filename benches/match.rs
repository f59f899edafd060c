//! `cargo bench --bench match`: the archive on CheckThat! 2021 Task 2A
//! English (13,824 Snopes fact-checks, 199 development tweets): import time,
//! MAP@5 / P@1 / MRR on the development tweets (which the reranker's training
//! never saw) on each engine, and the latency of one match on an archive of
//! 100,000 entries (local engine, warm).
//!
//! The data is read from `$FACTCHECK_MATCH_DATA`, else
//! `../shared/data/claim-matching` beside the repository; without it the
//! benchmark says so and exits 0. The server engine runs when
//! `FACTCHECK_TEST_POSTGRES` names a PostgreSQL database it may create
//! databases from (as `.ci/run` sets up); otherwise it is skipped, saying so.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use factcheck::archive::{self, Engine, Entry, Location, claimreview};

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FACTCHECK_MATCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/claim-matching")
        });
    dir.join("archive.claimreview.json")
        .is_file()
        .then_some(dir)
}

fn read_tsv(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

struct Scores {
    map5: f64,
    p1: f64,
    mrr: f64,
}

/// As CheckThat!'s scorer: AP@5 = (1/R) Σ_{i≤5, gold} hits/i; MRR over the list.
fn score(
    engine: &mut dyn Engine,
    queries: &[(String, String)],
    gold: &HashMap<String, HashSet<String>>,
) -> Scores {
    let (mut map5, mut p1, mut mrr, mut n) = (0.0, 0.0, 0.0, 0.0);
    for (id, text) in queries {
        let Some(g) = gold.get(id) else { continue };
        let found = archive::search(engine, text, 20).expect("search");
        let (mut hits, mut ap) = (0.0, 0.0);
        for (i, m) in found.iter().take(5).enumerate() {
            if g.contains(&m.entry.url) {
                hits += 1.0;
                ap += hits / (i + 1) as f64;
            }
        }
        if let Some(first) = found.iter().position(|m| g.contains(&m.entry.url)) {
            mrr += 1.0 / (first + 1) as f64;
        }
        if found.first().is_some_and(|m| g.contains(&m.entry.url)) {
            p1 += 1.0;
        }
        map5 += ap / g.len() as f64;
        n += 1.0;
    }
    Scores {
        map5: map5 / n,
        p1: p1 / n,
        mrr: mrr / n,
    }
}

fn import(engine: &mut dyn Engine, entries: Vec<Entry>) -> Duration {
    let start = Instant::now();
    archive::upsert(engine, entries, None, &mut |_| {}).expect("import");
    start.elapsed()
}

fn quality(name: &str, engine: &mut dyn Engine, entries: &[Entry], dir: &Path) {
    let took = import(engine, entries.to_vec());
    println!(
        "{name}: imported {} ClaimReviews in {:.2} s",
        entries.len(),
        took.as_secs_f64()
    );
    let queries = read_tsv(&dir.join("dev-queries.tsv"));
    let mut gold: HashMap<String, HashSet<String>> = HashMap::new();
    for (q, url) in read_tsv(&dir.join("dev-gold.tsv")) {
        gold.entry(q).or_default().insert(url);
    }
    let s = score(engine, &queries, &gold);
    println!(
        "{name}: dev ({} tweets): MAP@5 {:.4}  P@1 {:.4}  MRR {:.4}",
        gold.len(),
        s.map5,
        s.p1,
        s.mrr
    );
}

fn main() {
    let Some(dir) = data_dir() else {
        println!(
            "match: no claim-matching data (set FACTCHECK_MATCH_DATA, or place ../shared/data/claim-matching): nothing measured"
        );
        return;
    };
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("archive.claimreview.json")).expect("read the archive"),
    )
    .expect("the archive is JSON");
    let entries = claimreview::entries(&json).expect("the archive is ClaimReview");
    let tmp = tempfile::tempdir().expect("temp dir");

    let mut local = Location::File(tmp.path().join("dev.sqlite"))
        .open(true)
        .expect("open");
    quality("local", &mut *local, &entries, &dir);

    match std::env::var("FACTCHECK_TEST_POSTGRES") {
        Ok(admin) => {
            let name = format!("factcheck_bench_{}", std::process::id());
            let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("connect");
            c.batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create database");
            let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
            let cut = base.rfind('/').expect("a database in the URL");
            let url = if query.is_empty() {
                format!("{}/{name}", &base[..cut])
            } else {
                format!("{}/{name}?{query}", &base[..cut])
            };
            {
                let mut server = Location::Server(url).open(true).expect("open the server");
                quality("postgres", &mut *server, &entries, &dir);
            }
            let _ = c.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"));
        }
        Err(_) => println!("postgres: skipped (FACTCHECK_TEST_POSTGRES is not set)"),
    }

    // 100,000 entries: the archive seven times over, each copy under its own
    // URL and with a word of its own, then the development tweets, warm.
    let mut big = Vec::with_capacity(100_000);
    for copy in 0.. {
        for e in &entries {
            if big.len() == 100_000 {
                break;
            }
            let mut e = e.clone();
            e.url = format!("{}#copy{copy}", e.url);
            e.claim = format!("{} copy{copy}", e.claim);
            big.push(e);
        }
        if big.len() == 100_000 {
            break;
        }
    }
    let mut engine = Location::File(tmp.path().join("big.sqlite"))
        .open(true)
        .expect("open");
    let took = import(&mut *engine, big);
    println!(
        "local: imported 100,000 entries in {:.2} s",
        took.as_secs_f64()
    );
    let queries = read_tsv(&dir.join("dev-queries.tsv"));
    for (_, q) in &queries {
        archive::search(&mut *engine, q, 5).expect("search");
    }
    let mut times: Vec<Duration> = queries
        .iter()
        .map(|(_, q)| {
            let start = Instant::now();
            archive::search(&mut *engine, q, 5).expect("search");
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "local: one match on 100,000 entries: p50 {:.1} ms, p95 {:.1} ms (warm, {} queries)",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        times.len()
    );
}
