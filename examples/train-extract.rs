//! Trains `extract`'s English model and writes it into the source tree:
//!
//! ```sh
//! cargo run --release --example train-extract -- DATA_DIR [OUT]
//! ```
//!
//! DATA_DIR holds `claimbuster-crowdsourced.csv` and `clef2019-train/*.tsv`;
//! OUT defaults to `src/extract/model.tsv`. The same data gives the same file,
//! byte for byte. It also prints the cross-validation table (as
//! `cargo bench --bench extract` does).

use std::path::PathBuf;
use std::process::ExitCode;

use factcheck::extract::learn::{self, Featured, Options};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: train-extract DATA_DIR [OUT]");
        return ExitCode::from(2);
    };
    let out = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/extract/model.tsv"),
        PathBuf::from,
    );
    let rows = match learn::load(&dir) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let data = Featured::new(rows);
    let trained = learn::train(&data, &Options::default(), |step| eprintln!("{step}"));
    match trained {
        Ok((model, report)) => {
            print!("{}", report.table());
            if let Err(e) = std::fs::write(&out, model) {
                eprintln!("error: {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            eprintln!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
