//! Learns the reranker's weights (`src/archive/rank.rs`, `WEIGHTS`) on the
//! CheckThat! 2021 Task 2A English training tweets, and reports MAP@5 on the
//! development tweets, which the learning never sees.
//!
//! ```text
//! cargo run --release --example train_matcher -- DATA_DIR ARCHIVE
//! ```
//! DATA_DIR holds `train-queries.tsv`, `train-gold.tsv`, `dev-queries.tsv`,
//! `dev-gold.tsv`; ARCHIVE is a local archive with `archive.claimreview.json`
//! imported. The learning is coordinate ascent on MAP@5 (Metzler and Croft,
//! "Linear feature-based models for information retrieval", 2007): one weight
//! at a time, the step that most raises the training MAP@5, until none does.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use factcheck::archive::local::Local;
use factcheck::archive::rank::{self, CANDIDATES, Candidate, FEATURES, Query, WEIGHTS};

fn read_tsv(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

struct Set {
    /// Per query: its candidates and the gold URLs.
    queries: Vec<(Vec<Candidate>, HashSet<String>)>,
}

fn load(engine: &mut Local, dir: &Path, name: &str) -> Set {
    let mut gold: HashMap<String, HashSet<String>> = HashMap::new();
    for (q, url) in read_tsv(&dir.join(format!("{name}-gold.tsv"))) {
        gold.entry(q).or_default().insert(url);
    }
    let mut queries = Vec::new();
    for (id, text) in read_tsv(&dir.join(format!("{name}-queries.tsv"))) {
        let Some(g) = gold.remove(&id) else { continue };
        let cands = rank::candidates(engine, &Query::new(&text), CANDIDATES).expect("candidates");
        queries.push((cands, g));
    }
    Set { queries }
}

fn map5(set: &Set, weights: &[f64]) -> f64 {
    let mut total = 0.0;
    for (cands, gold) in &set.queries {
        // The order `rank::rerank` gives, without moving the candidates.
        let key = |c: &Candidate| {
            c.features
                .iter()
                .zip(weights)
                .map(|(f, w)| f * w)
                .sum::<f64>()
        };
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&cands[a], &cands[b]);
            key(b)
                .total_cmp(&key(a))
                .then(b.bm25.total_cmp(&a.bm25))
                .then(a.features[8].total_cmp(&b.features[8]))
                .then(a.id.cmp(&b.id))
        });
        let (mut hits, mut ap) = (0.0, 0.0);
        for (i, &c) in order.iter().take(5).enumerate() {
            if gold.contains(&cands[c].doc.entry.url) {
                hits += 1.0;
                ap += hits / (i + 1) as f64;
            }
        }
        total += ap / gold.len() as f64;
    }
    total / set.queries.len() as f64
}

fn show(w: &[f64]) -> String {
    let shown: Vec<String> = w.iter().map(|x| format!("{x:.2}")).collect();
    format!("[{}]", shown.join(", "))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, archive] = args.as_slice() else {
        eprintln!("usage: train_matcher DATA_DIR ARCHIVE");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    let mut engine = Local::open(Path::new(archive), false).expect("open the archive");
    let train = load(&mut engine, dir, "train");
    let dev = load(&mut engine, dir, "dev");
    let mut bm25 = vec![0.0; FEATURES.len()];
    bm25[0] = 1.0;
    println!(
        "BM25F alone: train MAP@5 {:.4}, dev MAP@5 {:.4}",
        map5(&train, &bm25),
        map5(&dev, &bm25)
    );
    println!(
        "shipped weights: train MAP@5 {:.4}, dev MAP@5 {:.4}",
        map5(&train, &WEIGHTS),
        map5(&dev, &WEIGHTS)
    );
    let mut w = bm25;
    let mut best = map5(&train, &w);
    let steps = [-1.0, -0.3, -0.1, -0.03, 0.03, 0.1, 0.3, 1.0];
    for round in 0..12 {
        let mut improved = false;
        for j in 0..w.len() {
            let mut pick = None;
            for s in steps {
                let mut t = w.clone();
                t[j] += s;
                let m = map5(&train, &t);
                if m > best + 1e-6 {
                    best = m;
                    pick = Some(t);
                }
            }
            if let Some(t) = pick {
                w = t;
                improved = true;
            }
        }
        println!(
            "round {round}: train MAP@5 {best:.4}, dev MAP@5 {:.4}, weights {}",
            map5(&dev, &w),
            show(&w)
        );
        if !improved {
            break;
        }
    }
    println!(
        "learned: train MAP@5 {best:.4}, dev MAP@5 {:.4}",
        map5(&dev, &w)
    );
    let shown: Vec<String> = w.iter().map(|x| format!("{x:.2}")).collect();
    println!(
        "pub const WEIGHTS: [f64; {}] = [{}];",
        w.len(),
        shown.join(", ")
    );
    for (name, x) in FEATURES.iter().zip(&w) {
        println!("  {name}: {x:.2}");
    }
}
