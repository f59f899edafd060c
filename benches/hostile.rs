//! The hostile-input benchmark: `cargo bench --bench hostile`.
//!
//! Times, in process, what a hostile snapshot or record makes the tool do,
//! at one, two and four times a base size, and prints the ratio of each
//! time to the first: linear work shows about 1, 2 and 4, quadratic work
//! 1, 4 and 16. The cases (issue 26):
//!
//! - `nested divs`: HTML to text of `<div>` nested N deep;
//! - `wide table`: HTML to text of one table row of N cells;
//! - `word diff`: `source diff` of two texts of N words on one line, every
//!   other word changed;
//! - `closest passage`: the "did you mean" search for a quote of N/10
//!   characters absent from a text of N characters;
//! - `deep yaml`: a record whose value is nested N deep (`[[[…]]]`).
//!
//! Options (after `--`): `--base N` (50000).

use std::time::{Duration, Instant};

use factcheck::text::{self, SourceText};

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn nested_divs(n: usize) {
    let html = "<div>".repeat(n) + "x" + &"</div>".repeat(n);
    text::decode(html.as_bytes(), "text/html", "bench").expect("decodes");
}

fn wide_table(n: usize) {
    let mut html = String::from("<table><tr>");
    for i in 0..n {
        html.push_str(&format!("<td>cell {i}</td>"));
    }
    html.push_str("</tr></table>");
    text::decode(html.as_bytes(), "text/html", "bench").expect("decodes");
}

fn word_diff(n: usize) {
    let old: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
    let new: Vec<String> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                format!("v{i}")
            } else {
                format!("w{i}")
            }
        })
        .collect();
    factcheck::revise::word_diff(&old.join(" "), &new.join(" "));
}

fn closest_passage(n: usize) {
    let text: String = (0..n).map(|i| char::from(b'a' + (i % 23) as u8)).collect();
    let needle: String = (0..n / 10)
        .map(|i| char::from(b'a' + (i % 19) as u8))
        .collect();
    SourceText::new(text).closest_passage(&needle);
}

fn deep_yaml(n: usize) {
    let text = format!("title: {}{}\n", "[".repeat(n), "]".repeat(n));
    let parsed: Result<factcheck::model::Config, _> =
        factcheck::workspace::yaml::from_str(std::path::Path::new("factcheck.yaml"), &text);
    assert!(parsed.is_err(), "refused as too deep");
}

/// A hostile input: its name, what runs it at a size, and its base size.
type Case = (&'static str, fn(usize), usize);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let base: usize = args
        .iter()
        .position(|a| a == "--base")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(50_000);
    let cases: [Case; 5] = [
        ("nested divs", nested_divs, base),
        ("wide table", wide_table, base),
        ("word diff", word_diff, base),
        ("closest passage", closest_passage, base * 20),
        ("deep yaml", deep_yaml, base * 2),
    ];
    println!(
        "{:<16} {:>10} {:>12} {:>12} {:>12}  ratios",
        "case", "size", "1x", "2x", "4x"
    );
    for (name, f, size) in cases {
        let times: Vec<Duration> = [1, 2, 4].iter().map(|k| time(|| f(size * k))).collect();
        let first = times[0].as_secs_f64().max(1e-9);
        let ratios: Vec<String> = times
            .iter()
            .map(|t| format!("{:.1}", t.as_secs_f64() / first))
            .collect();
        println!(
            "{name:<16} {size:>10} {:>12.3?} {:>12.3?} {:>12.3?}  {}",
            times[0],
            times[1],
            times[2],
            ratios.join(" : ")
        );
    }
}
