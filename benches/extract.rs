//! `cargo bench --bench extract`: how well `extract` ranks check-worthy
//! sentences in debates it never saw, and how fast it scores them.
//!
//! Leave-debates-out cross-validation on the labelled data in
//! `../shared/data/checkworthiness/` (or `FACTCHECK_CHECKWORTHINESS_DIR`):
//! ClaimBuster's crowd labels and CLEF-2019 Task 1's training debates, each
//! debate held out whole, scored as CheckThat! scores (MAP over debates,
//! P@10, P@20, R-precision) with precision/recall/F1 of `checkworthy` and
//! the pooled average precision on ClaimBuster CFS, beside the "contains a
//! number" rule and the hand-weighted cues on the same rows. Without the
//! data it says so and exits 0.

use std::path::PathBuf;
use std::time::Instant;

use factcheck::extract::{self, learn};

fn main() {
    let dir = std::env::var_os("FACTCHECK_CHECKWORTHINESS_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/checkworthiness"),
        PathBuf::from,
    );
    if !dir.join("claimbuster-crowdsourced.csv").is_file() {
        println!(
            "extract bench: no labelled data at {} (set FACTCHECK_CHECKWORTHINESS_DIR); nothing measured",
            dir.display()
        );
        return;
    }
    let rows = match learn::load(&dir) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("extract bench: {e}");
            std::process::exit(1);
        }
    };

    // Speed: every sentence of the data as one text, one sentence a line.
    let text: String = rows.iter().map(|r| format!("{}\n", r.text)).collect();
    let started = Instant::now();
    let found = extract::candidates(&text).len();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "speed: {found} sentences in {secs:.2} s, {:.3} s per 1,000 sentences (one core)\n",
        secs * 1000.0 / found.max(1) as f64
    );

    let data = learn::Featured::new(rows);
    match learn::cross_validate(&data, &learn::Options::default(), |step| {
        eprintln!("{step}")
    }) {
        Ok(report) => print!("{}", report.table()),
        Err(e) => {
            eprintln!("extract bench: {e}");
            std::process::exit(1);
        }
    }
}
