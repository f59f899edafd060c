//! The watch benchmark: `cargo bench --bench watch`.
//!
//! A desk's nightly job re-checks every page its evidence cites. This starts
//! `--hosts` HTTP servers on loopback (each a host: `127.0.0.1:PORT`), writes a
//! workspace in the documented file format with `--urls` evidence snapshots
//! spread over them (one claim, verified, citing each with an excerpt), changes
//! the cited sentence on one page in ten, and times the real release binary
//! running `source watch --all` with a time budget. The servers count the
//! requests in flight, overall and per host, so the concurrency limits are
//! measured from the other side of the wire. It prints the wall time, the
//! requests, the most requests in flight at once (overall and to one host) and
//! the outcomes, and fails when the run overruns its budget, leaves a page
//! unchecked, or breaks a limit.
//!
//! Options (after `--`), each also an environment variable: `--urls N`
//! (`FACTCHECK_BENCH_URLS`, 1500), `--hosts H` (`FACTCHECK_BENCH_HOSTS`, 50),
//! `--jobs J` (8), `--delay MS` (20), `--latency MS` (server think time, 5),
//! `--budget SECS` (`FACTCHECK_BENCH_BUDGET`, 300).

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use factcheck::model::{
    Claim, Event, Evidence, HistoryEntry, Kind, MediaType, SourceId, SourceMeta, Stance, Status,
    Time,
};
use factcheck::workspace;
use sha2::{Digest, Sha256};

type R<T> = Result<T, Box<dyn std::error::Error>>;

/// The binary under test: cargo builds it in the bench's (release) profile.
const FACTCHECK: &str = env!("CARGO_BIN_EXE_factcheck");
const NOW: &str = "2026-12-01T02:00:00Z";

#[derive(Debug, Clone, clap::Parser)]
#[command(name = "watch", about = "Times `source watch --all` on loopback hosts")]
struct Params {
    /// Evidence URLs to re-check
    #[arg(long, env = "FACTCHECK_BENCH_URLS", default_value_t = 1500)]
    urls: usize,
    /// Hosts (loopback servers) they are spread over
    #[arg(long, env = "FACTCHECK_BENCH_HOSTS", default_value_t = 50)]
    hosts: usize,
    /// `source watch --jobs`
    #[arg(long, default_value_t = 8)]
    jobs: usize,
    /// `source watch --delay`, in milliseconds
    #[arg(long, default_value_t = 20)]
    delay: u64,
    /// How long each server thinks before answering, in milliseconds
    #[arg(long, default_value_t = 5)]
    latency: u64,
    /// `source watch --budget`, in seconds
    #[arg(long, env = "FACTCHECK_BENCH_BUDGET", default_value_t = 300)]
    budget: u64,
    /// Ignored: cargo passes `--bench` to every bench target.
    #[arg(long, hide = true)]
    bench: bool,
}

/// Requests in flight, as the servers see them.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    max: AtomicUsize,
    served: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(n, Ordering::SeqCst);
        self.served.fetch_add(1, Ordering::SeqCst);
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

const SENTENCE: &str = "The safety team had only nine days to test the model before launch.";

fn page(i: usize, edited: bool) -> String {
    let sentence = if edited {
        SENTENCE.replace("nine", "ten")
    } else {
        SENTENCE.to_string()
    };
    format!(
        "<!DOCTYPE html><html><head><title>Story {i}</title></head><body><nav><a href=\"/\">Home</a></nav>\
         <article><h1>Story {i}</h1><p>{sentence} Story {i} goes on to say that the schedule was set by the launch date.</p>\
         <p>Staff worked long hours through the spring to prepare the release, and several members of the team later said \
         that the schedule left too little room for a careful evaluation of the risks involved in story {i}.</p></article></body></html>"
    )
}

/// A loopback HTTP server answering `/p/<i>` with page `i` (edited for one in ten).
fn serve(total: Arc<Gauge>, latency: Duration) -> R<(u16, Arc<Gauge>)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let host = Arc::new(Gauge::default());
    let gauge = Arc::clone(&host);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (total, host) = (Arc::clone(&total), Arc::clone(&gauge));
            std::thread::spawn(move || answer(stream, &total, &host, latency));
        }
    });
    Ok((port, host))
}

fn answer(mut stream: TcpStream, total: &Gauge, host: &Gauge, latency: Duration) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    total.enter();
    host.enter();
    let line = String::from_utf8_lossy(&head).into_owned();
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let i: Option<usize> = path.strip_prefix("/p/").and_then(|n| n.parse().ok());
    std::thread::sleep(latency);
    let reply = match i {
        Some(i) => {
            let body = page(i, i % 10 == 0);
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }
        None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
    };
    host.leave();
    total.leave();
    let _ = stream.write_all(reply.as_bytes());
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A workspace citing every page of `ports` (`urls` in all).
fn generate(dir: &Path, ports: &[u16], urls: usize) -> R<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let status = Command::new(FACTCHECK)
        .arg("init")
        .arg(dir)
        .stderr(Stdio::null())
        .status()?;
    if !status.success() {
        return Err("`factcheck init` failed".into());
    }
    let at: Time = "2026-11-28T09:00:00Z".parse()?;
    for i in 0..urls {
        let port = ports[i % ports.len()];
        let body = page(i, false);
        let hex = hex(body.as_bytes());
        let file = format!("{hex}.html");
        fs::write(dir.join("sources").join(&file), &body)?;
        let meta = SourceMeta {
            sha256: SourceId::from_hex(&hex).ok_or("a sha256 is 64 hex")?,
            file,
            media_type: "text/html".parse::<MediaType>()?,
            size: body.len() as u64,
            url: Some(format!("http://127.0.0.1:{port}/p/{i}")),
            title: Some(format!("Story {i}")),
            kind: None,
            publisher: None,
            origin: None,
            published: None,
            captured_at: at,
            captured_by: "alice".into(),
            note: None,
            revises: None,
            history: Vec::new(),
            charset: None,
            fetch: None,
            captures: Vec::new(),
            watch: Vec::new(),
        };
        fs::write(
            dir.join("sources").join(format!("{hex}.yaml")),
            workspace::record_text(&meta)?,
        )?;
        let id = format!("claim-{i}");
        let evidence = Evidence {
            source: meta.sha256.clone(),
            stance: Stance::Supports,
            excerpt: Some(SENTENCE.to_string()),
            note: None,
            added_by: "alice".into(),
            added_at: at,
        };
        let claim = Claim {
            id: id.parse()?,
            text: format!("Story {i}: nine days of tests."),
            kind: Kind::Statistic,
            speaker: None,
            tags: Vec::new(),
            appears_in: None,
            status: Status::Verified,
            rating: None,
            correction: None,
            evidence: vec![evidence],
            history: vec![
                HistoryEntry::new(at, "alice".into(), Event::Created),
                HistoryEntry {
                    status: Some(Status::Verified),
                    note: Some("The page says so.".into()),
                    ..HistoryEntry::new(at, "alice".into(), Event::Status)
                },
            ],
        };
        fs::write(
            dir.join("claims").join(format!("{id}.yaml")),
            workspace::record_text(&claim)?,
        )?;
    }
    Ok(())
}

fn main() -> R<()> {
    let p = <Params as clap::Parser>::parse();
    let total = Arc::new(Gauge::default());
    let latency = Duration::from_millis(p.latency);
    let mut ports = Vec::new();
    let mut hosts = Vec::new();
    for _ in 0..p.hosts.max(1) {
        let (port, gauge) = serve(Arc::clone(&total), latency)?;
        ports.push(port);
        hosts.push(gauge);
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-watch");
    eprintln!(
        "generating {} evidence URLs on {} hosts in {}",
        p.urls,
        ports.len(),
        dir.display()
    );
    generate(&dir, &ports, p.urls)?;

    let started = Instant::now();
    let out = Command::new(FACTCHECK)
        .current_dir(&dir)
        .args([
            "source",
            "watch",
            "--all",
            "--format",
            "json",
            "--jobs",
            &p.jobs.to_string(),
            "--delay",
            &format!("{}ms", p.delay),
            "--budget",
            &format!("{}s", p.budget),
        ])
        .env("FACTCHECK_NOW", NOW)
        .env("FACTCHECK_REVIEWER", "bench")
        .env("CI", "1")
        .stderr(Stdio::inherit())
        .output()?;
    let elapsed = started.elapsed();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for s in json["sources"].as_array().ok_or("no sources")? {
        *outcomes
            .entry(s["outcome"].as_str().unwrap_or("?").to_string())
            .or_default() += 1;
    }
    let left = json["left"].as_array().map_or(0, Vec::len);
    let per_host = hosts
        .iter()
        .map(|h| h.max.load(Ordering::SeqCst))
        .max()
        .unwrap_or(0);
    let served = total.served.load(Ordering::SeqCst);
    let in_flight = total.max.load(Ordering::SeqCst);
    println!(
        "source watch --all: {} URLs on {} hosts",
        p.urls,
        ports.len()
    );
    println!(
        "  wall time            {:.1} s (budget {} s), exit {}",
        elapsed.as_secs_f64(),
        p.budget,
        out.status.code().unwrap_or(-1)
    );
    println!("  requests served      {served}");
    println!(
        "  most in flight       {in_flight} (limit --jobs {})",
        p.jobs
    );
    println!(
        "  most to one host     {per_host} (limit 1, --delay {} ms)",
        p.delay
    );
    println!(
        "  per page             {:.1} ms",
        elapsed.as_secs_f64() * 1000.0 / p.urls.max(1) as f64
    );
    println!("  outcomes             {outcomes:?}, left for next run: {left}");
    let mut failed = Vec::new();
    if elapsed > Duration::from_secs(p.budget) {
        failed.push("the run overran its budget".to_string());
    }
    if left > 0 {
        failed.push(format!("{left} pages were left unchecked"));
    }
    if in_flight > p.jobs {
        failed.push(format!(
            "{in_flight} requests in flight, over --jobs {}",
            p.jobs
        ));
    }
    if per_host > 1 {
        failed.push(format!("{per_host} requests in flight to one host"));
    }
    if outcomes.get("excerpt-changed").copied() != Some(p.urls.div_ceil(10)) {
        failed.push(format!("expected {} excerpt-changed", p.urls.div_ceil(10)));
    }
    if failed.is_empty() {
        println!("  held: every page checked within the budget and the limits");
        Ok(())
    } else {
        Err(failed.join("; ").into())
    }
}
