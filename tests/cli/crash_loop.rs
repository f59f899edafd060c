//! Writers killed with SIGKILL at random moments, over and over: afterwards
//! `check --full` finds no torn record, `check --fix` leaves no temporary
//! file, and every write that finished is there in full.
//!
//! Ignored by default (it runs for a while):
//! `FACTCHECK_CRASH_SECONDS=600 cargo test --test cli crash_loop -- --ignored --nocapture`
//! (`.ci/run` runs it for 30 seconds).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// A small xorshift generator: reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn spawn(ws: &Ws, args: &[String]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("factcheck"))
        .current_dir(ws.path())
        .args(args)
        .env("FACTCHECK_NOW", NOW)
        .env("FACTCHECK_REVIEWER", "alice")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn factcheck")
}

fn temp_files(ws: &Ws) -> Vec<String> {
    ["claims", "sources"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(ws.join(dir)).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp-"))
        .collect()
}

#[test]
#[ignore = "runs for FACTCHECK_CRASH_SECONDS (default 30); see the module docs"]
fn crash_loop_leaves_no_torn_record_and_no_temp_file() {
    let seconds: u64 = std::env::var("FACTCHECK_CRASH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let seed = std::env::var("FACTCHECK_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("crash loop: {seconds} s, seed {seed} (FACTCHECK_CRASH_SEED)");
    let mut rng = Rng(seed);
    let ws = Ws::with_article();
    let first = ws.nine_days();
    let big: String = "证据 evidence line\n".repeat(60_000);
    ws.write("big.txt", &big);

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut rounds, mut killed, mut finished) = (0u64, 0u64, 0u64);
    let mut added: Vec<String> = Vec::new();
    let mut n = 0u64;
    while Instant::now() < deadline {
        rounds += 1;
        let children: Vec<(bool, Child)> = (0..4)
            .map(|_| {
                n += 1;
                let args: Vec<String> = match rng.below(4) {
                    0 | 1 => vec![
                        "claim".into(),
                        "add".into(),
                        "--text".into(),
                        format!("crash loop claim {seed}-{n}"),
                    ],
                    2 => vec![
                        "mark".into(),
                        first.clone(),
                        "disputed".into(),
                        "--note".into(),
                        format!("note {n}"),
                    ],
                    _ => {
                        // Different bytes every time, so each is a new snapshot.
                        let name = format!("big-{n}.txt");
                        std::fs::write(ws.join(&name), format!("{n}\n{big}")).unwrap();
                        vec!["source".into(), "add".into(), name]
                    }
                };
                (args[0] == "claim", spawn(&ws, &args))
            })
            .collect();
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        for (is_add, mut child) in children {
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                killed += 1;
            }
            let out = child.wait_with_output().unwrap();
            if out.status.success() {
                finished += 1;
                if is_add {
                    added.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
                }
            }
        }
    }
    println!("crash loop: {rounds} rounds, {killed} writers killed, {finished} finished");

    // Leftovers of killed writes are reported, then removed by --fix.
    let leftovers = temp_files(&ws);
    let fix = ws.run(&["check", "--fix"]);
    assert!(fix.code <= 1, "{}", fix.render());
    assert_eq!(temp_files(&ws), Vec::<String>::new(), "{}", fix.render());
    println!(
        "crash loop: {} temporary files left, removed by check --fix",
        leftovers.len()
    );

    // No torn record: the only problem a kill may leave is a snapshot's bytes
    // without their record (the bytes are written first), which is harmless.
    let run = ws.run(&["check", "--full", "--format", "json"]);
    let outcome: serde_json::Value = serde_json::from_str(&run.stdout).expect("check's JSON");
    let problems = outcome["problems"].as_array().unwrap();
    let torn: Vec<&serde_json::Value> = problems
        .iter()
        .filter(|p| {
            !p["message"]
                .as_str()
                .unwrap()
                .starts_with("snapshot bytes without a record")
        })
        .collect();
    assert!(torn.is_empty(), "torn records: {torn:#?}");
    println!(
        "crash loop: {} claims, {} snapshots, 0 torn records, {} orphaned snapshot bytes",
        outcome["claims"],
        outcome["sources"],
        problems.len()
    );

    // Every add that finished is there, whole.
    let list = ws.run(&["claim", "list", "--format", "json"]).success();
    let claims: Vec<serde_json::Value> = serde_json::from_str(&list.stdout).unwrap();
    for id in &added {
        assert!(
            claims.iter().any(|c| c["id"] == id.as_str()),
            "claim {id} was added but is gone"
        );
    }
}
