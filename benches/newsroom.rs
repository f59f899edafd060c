//! The newsroom benchmark: `cargo bench --bench newsroom`.
//!
//! A desk's workspace grows to tens of thousands of claims and gigabytes of
//! snapshots, and `check` runs on every commit. This writes a synthetic
//! workspace in the documented file format (design §2) — claims anchored across
//! a long mixed Chinese/ASCII article, ~1,500 small evidence snapshots that
//! claims quote with real excerpts, and one snapshot of hundreds of MB — and
//! times the real release binary on it: `check --full`, `check` with a warm
//! stat cache, `report`, `claim add`, next to `openssl dgst -sha256` and
//! `sha256sum` over the same bytes. It prints wall time (best of a few runs,
//! warm page cache) and peak RSS (from `wait4`) and compares them with the
//! targets of issue 7.
//!
//! Two more workspaces put the hashing figure in context: the big snapshot
//! alone (SHA-256 of one file runs on one core, so that is as fast as
//! `check --full` can be on the main workspace), and the same number of bytes
//! split over 8 files (where both cores can hash at once).
//!
//! Generated data lives under `target/bench-workspace/` and is reused while
//! the parameters match. Records are generated as the model's types and
//! written as the workspace writes them ([`factcheck::workspace::record_text`]),
//! so they are what the tool itself would write. Options (after `--`; see
//! `--help`), each also an environment variable: `--claims N`
//! (`FACTCHECK_BENCH_CLAIMS`, 10000), `--scale K` (`FACTCHECK_BENCH_SCALE`,
//! 10), `--snapshots S` (`FACTCHECK_BENCH_SNAPSHOTS`, 1500), `--big-mb M`
//! (`FACTCHECK_BENCH_BIG_MB`, 512), `--runs R` (`FACTCHECK_BENCH_RUNS`, 3),
//! `--no-mix`, `--quick`.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use factcheck::model::{
    Anchor, Claim, Config, Event, Evidence, HistoryEntry, Kind, Language, MediaType, SourceId,
    SourceMeta, Stance, Status, Time,
};
use factcheck::workspace::{self, Workspace};
use sha2::{Digest, Sha256};

type R<T> = Result<T, Box<dyn std::error::Error>>;

/// The binary under test: cargo builds it in the bench's (release) profile.
const FACTCHECK: &str = env!("CARGO_BIN_EXE_factcheck");
/// Bumped whenever the generator changes, so stale data is rebuilt.
const GENERATOR: u32 = 3;
const ARTICLE_CHARS: usize = 1_000_000;
/// The one quote `claim add` is timed with; it occurs exactly once.
const MARKER: &str = "基准测试专用的独特句子：bench-marker-7f3a，只在文中出现一次";
const NOW: &str = "2026-11-28T12:00:00Z";

/// `cargo bench --bench newsroom -- --help`
#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "newsroom",
    about = "Times the release binary on generated newsroom-sized workspaces"
)]
struct Params {
    /// Claims in the base workspace
    #[arg(long, env = "FACTCHECK_BENCH_CLAIMS", default_value_t = 10_000)]
    claims: usize,
    /// Also time a workspace with K times the claims (1 = off)
    #[arg(long, env = "FACTCHECK_BENCH_SCALE", default_value_t = 10)]
    scale: usize,
    /// Small evidence snapshots
    #[arg(long, env = "FACTCHECK_BENCH_SNAPSHOTS", default_value_t = 1_500)]
    snapshots: usize,
    /// Size of the big snapshot in MB (0 = none)
    #[arg(long, env = "FACTCHECK_BENCH_BIG_MB", default_value_t = 512)]
    big_mb: u64,
    /// Timed runs per step, best kept (fast steps at least 5)
    #[arg(long, env = "FACTCHECK_BENCH_RUNS", default_value_t = 3)]
    runs: usize,
    /// Skip the "same bytes as 8 files" workspace
    #[arg(long)]
    no_mix: bool,
    /// 1000 claims, 150 snapshots, 64 MB, 2 runs
    #[arg(long)]
    quick: bool,
    /// Passed by `cargo bench`; filters are not supported
    #[arg(long, hide = true)]
    bench: bool,
}

impl Params {
    fn parse() -> Params {
        let mut p = <Params as clap::Parser>::parse();
        if p.quick {
            p.claims = 1_000;
            p.snapshots = 150;
            p.big_mb = 64;
            p.runs = 2;
        }
        p.runs = p.runs.max(1);
        p.claims = p.claims.max(1);
        p
    }

    fn mix(&self) -> bool {
        !self.no_mix
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--launch") {
        if let Err(e) = launch(&args[2..]) {
            eprintln!("bench launcher: {e}");
            std::process::exit(1);
        }
        return;
    }
    if let Err(e) = run() {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}

fn run() -> R<()> {
    let p = Params::parse();
    let root = bench_dir();
    fs::create_dir_all(&root)?;
    let machine = Machine::probe();
    println!("factcheck newsroom benchmark");
    println!("binary:  {FACTCHECK}");
    println!(
        "machine: {}, {} cores, sha_ni {}",
        machine.cpu,
        machine.cores,
        if machine.sha_ni { "yes" } else { "no" }
    );
    println!("data:    {}", root.display());

    // Generation (reused across runs while the parameters match).
    let t = Instant::now();
    let big = if p.big_mb > 0 {
        Some(ensure_blob(
            &root,
            &format!("big-{}M", p.big_mb),
            p.big_mb << 20,
            0xB16,
        )?)
    } else {
        None
    };
    let base = ensure_workspace(&root, &p, p.claims, big.as_ref())?;
    let scaled = if p.scale > 1 {
        Some(ensure_workspace(
            &root,
            &p,
            p.claims * p.scale,
            big.as_ref(),
        )?)
    } else {
        None
    };
    let mix = if p.mix() && p.big_mb >= 8 {
        Some(ensure_mix(&root, p.big_mb)?)
    } else {
        None
    };
    let alone = match &big {
        Some(b) => Some(ensure_alone(&root, b)?),
        None => None,
    };
    println!("generated or reused in {:.1} s", t.elapsed().as_secs_f64());
    println!(
        "workspace: {} claims, {} snapshots ({} small = {}, article {} chars{}), {} bytes to hash",
        group(base.claims),
        group(base.files.len()),
        group(p.snapshots),
        mb(base.small_bytes),
        group(ARTICLE_CHARS),
        big.as_ref()
            .map(|b| format!(", 1 × {}", mb(b.size)))
            .unwrap_or_default(),
        mb(base.bytes),
    );
    println!(
        "times are wall clock, best of {} runs (≥ 5 for fast steps), page cache warm; memory is peak RSS",
        p.runs
    );
    println!();

    let mut table = Table::default();
    let out = root.join("out.txt");

    // Sanity: the generated workspace must check clean, or timing it is meaningless.
    let first = measure(
        &out,
        p.runs.max(1),
        |c| c.args(["check", "--full"]),
        &base.dir,
    )?;
    if first.code != 0 {
        let text = fs::read_to_string(&out).unwrap_or_default();
        let head: Vec<&str> = text.lines().take(20).collect();
        return Err(format!(
            "`check --full` on the generated workspace failed:\n{}",
            head.join("\n")
        )
        .into());
    }
    let full = first;
    table.row(
        &format!("check --full ({})", group(base.claims)),
        Some(&full),
        Some(base.bytes),
    );
    let warm = measure(&out, p.runs.max(5), |c| c.arg("check"), &base.dir)?;
    ensure_clean(&warm, &out, "check")?;
    table.row(
        &format!("check, warm cache ({})", group(base.claims)),
        Some(&warm),
        None,
    );

    let report = measure(&out, p.runs.max(5), |c| c.arg("report"), &base.dir)?;
    let report = if report.code == 0 {
        table.row(
            &format!("report ({})", group(base.claims)),
            Some(&report),
            None,
        );
        Some(report)
    } else {
        println!("report: not available");
        table.note(&format!("report ({})", group(base.claims)), "not available");
        None
    };

    let list = measure(
        &out,
        p.runs.max(5),
        |c| c.args(["claim", "list"]),
        &base.dir,
    )?;
    ensure_clean(&list, &out, "claim list")?;
    table.row(
        &format!("claim list ({})", group(base.claims)),
        Some(&list),
        None,
    );

    let add = measure_claim_add(&base.dir, &out, p.runs.max(5))?;
    table.row(
        &format!("claim add ({})", group(base.claims)),
        Some(&add),
        None,
    );

    let files: Vec<&Path> = base.files.iter().map(PathBuf::as_path).collect();
    let openssl = if have("openssl") {
        let m = measure_tool(&out, p.runs, "openssl", &["dgst", "-sha256"], &files)?;
        table.row(
            "openssl dgst -sha256 (same files)",
            Some(&m),
            Some(base.bytes),
        );
        Some(m)
    } else {
        println!("openssl: not installed; skipped");
        table.note("openssl dgst -sha256 (same files)", "not installed");
        None
    };
    if have("sha256sum") {
        let m = measure_tool(&out, p.runs, "sha256sum", &[], &files)?;
        table.row("sha256sum (same files)", Some(&m), Some(base.bytes));
    } else {
        table.note("sha256sum (same files)", "not installed");
    }

    // The physical bound for `check --full`: SHA-256 of one file runs on one
    // core, and all bytes can at best be split over the cores.
    let mut bound = None;
    if let (Some(b), Some(all)) = (&big, &openssl) {
        let one = measure_tool(&out, p.runs, "openssl", &["dgst", "-sha256"], &[&b.path])?;
        table.row(
            "openssl dgst -sha256 (the big file alone)",
            Some(&one),
            Some(b.size),
        );
        let cores = machine.cores.max(1) as f64;
        let spread = all.wall.as_secs_f64() / cores;
        let secs = one.wall.as_secs_f64().max(spread);
        bound = Some(Bound {
            secs,
            what: if one.wall.as_secs_f64() >= spread {
                "openssl over the largest snapshot alone"
            } else {
                "openssl over all bytes / cores"
            },
        });
    }
    let mut ceiling = None;
    if let Some(alone) = &alone {
        let m = measure(&out, p.runs, |c| c.args(["check", "--full"]), &alone.dir)?;
        ensure_clean(&m, &out, "check --full (big snapshot alone)")?;
        table.row(
            "check --full (the big snapshot alone)",
            Some(&m),
            Some(alone.bytes),
        );
        ceiling = openssl.as_ref().map(|o| ratio(o, &m));
    }

    let mut mix_ratio = None;
    if let Some(mix) = &mix {
        let label = format!(
            "{} × {}",
            mix.files.len(),
            mb(mix.bytes / mix.files.len() as u64)
        );
        let m = measure(&out, p.runs, |c| c.args(["check", "--full"]), &mix.dir)?;
        ensure_clean(&m, &out, "check --full (mix)")?;
        table.row(
            &format!("check --full (mix: {label})"),
            Some(&m),
            Some(mix.bytes),
        );
        if have("openssl") {
            let files: Vec<&Path> = mix.files.iter().map(PathBuf::as_path).collect();
            let o = measure_tool(&out, p.runs, "openssl", &["dgst", "-sha256"], &files)?;
            table.row("openssl dgst -sha256 (mix)", Some(&o), Some(mix.bytes));
            let two = measure_two_openssl(p.runs, &files)?;
            table.row("2 × openssl in parallel (mix)", Some(&two), Some(mix.bytes));
            mix_ratio = Some(ratio(&o, &m));
        }
    }

    let mut scaled_rows = None;
    if let Some(s) = &scaled {
        // Warm the stat cache of this workspace first.
        let _ = measure(&out, 1, |c| c.arg("check"), &s.dir)?;
        let w = measure(&out, p.runs, |c| c.arg("check"), &s.dir)?;
        ensure_clean(&w, &out, "check (scaled)")?;
        table.row(
            &format!("check, warm cache ({})", group(s.claims)),
            Some(&w),
            None,
        );
        let r = if report.is_some() {
            let r = measure(&out, p.runs, |c| c.arg("report"), &s.dir)?;
            if r.code == 0 {
                table.row(&format!("report ({})", group(s.claims)), Some(&r), None);
                Some(r)
            } else {
                table.note(&format!("report ({})", group(s.claims)), "failed");
                None
            }
        } else {
            table.note(&format!("report ({})", group(s.claims)), "not available");
            None
        };
        let l = measure(&out, p.runs, |c| c.args(["claim", "list"]), &s.dir)?;
        ensure_clean(&l, &out, "claim list (scaled)")?;
        table.row(&format!("claim list ({})", group(s.claims)), Some(&l), None);
        scaled_rows = Some((w, r, l));
    }

    table.print();

    // Targets (issue 17, and those of issue 7 still held).
    println!();
    if let Some(b) = &bound {
        println!(
            "physical bound for check --full here: {} ({})",
            secs(Duration::from_secs_f64(b.secs)),
            b.what
        );
    }
    println!("{:<46} {:>12} {:>12}  met", "target", "measured", "target");
    let target = |name: &str, measured: String, goal: &str, met: Option<bool>| {
        let met = match met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "n/a",
        };
        println!("{name:<46} {measured:>12} {goal:>12}  {met}");
    };
    let within = |name: &str, s: Option<&Sample>, limit: f64| match s {
        Some(s) => target(
            name,
            secs(s.wall),
            &format!("≤ {limit:.3} s"),
            Some(s.wall.as_secs_f64() <= limit),
        ),
        None => target(name, "n/a".into(), &format!("≤ {limit:.3} s"), None),
    };
    within(
        &format!("report, {} claims", group(base.claims)),
        report.as_ref(),
        0.2,
    );
    if let Some((w, r, l)) = &scaled_rows {
        let n = group(base.claims * p.scale);
        within(&format!("report, {n} claims"), r.as_ref(), 2.0);
        match r {
            Some(r) => target(
                &format!("  peak RSS of report, {n} claims"),
                kb(r.rss_kb),
                "≤ 250 MB",
                Some(r.rss_kb <= 250 * 1024),
            ),
            None => target("  peak RSS", "n/a".into(), "≤ 250 MB", None),
        }
        within(&format!("warm check, {n} claims"), Some(w), 0.2);
        within(&format!("claim list, {n} claims"), Some(l), 0.3);
    }
    match &bound {
        Some(b) => {
            let r = full.wall.as_secs_f64() / b.secs;
            target(
                "check --full / physical bound",
                format!("{r:.2}×"),
                "≤ 1.15×",
                Some(r <= 1.15),
            );
        }
        None => target("check --full / physical bound", "-".into(), "≤ 1.15×", None),
    }
    if let Some(r) = mix_ratio {
        target(
            "check --full on 8 files, throughput / openssl",
            format!("{r:.2}×"),
            "≥ 1.80×",
            Some(r >= 1.8),
        );
    }
    if let Some(o) = &openssl {
        target(
            "  (check --full throughput / openssl, all)",
            format!("{:.2}×", ratio(o, &full)),
            "",
            None,
        );
    }
    if let Some(c) = ceiling {
        target(
            "  (openssl / check --full, big file alone)",
            format!("{c:.2}×"),
            "",
            None,
        );
    }
    let share = warm.wall.as_secs_f64() / full.wall.as_secs_f64();
    target(
        "warm check / check --full",
        format!("{:.1}%", share * 100.0),
        "≤ 20%",
        Some(share <= 0.2),
    );
    within(
        &format!("warm check, {} claims", group(base.claims)),
        Some(&warm),
        0.2,
    );
    within(
        &format!("claim list, {} claims", group(base.claims)),
        Some(&list),
        0.3,
    );
    target(
        "check --full peak RSS, claims included",
        kb(full.rss_kb),
        "≤ 64 MB",
        Some(full.rss_kb <= 64 * 1024),
    );
    target(
        "claim add",
        format!("{:.1} ms", add.wall.as_secs_f64() * 1e3),
        "≤ 50 ms",
        Some(add.wall.as_secs_f64() <= 0.05),
    );
    println!();
    println!(
        "(peak RSS: check --full {}, warm check {}; the warm check reads only the claims and \
         snapshots whose stat changed, --full reads and hashes everything)",
        kb(full.rss_kb),
        kb(warm.rss_kb)
    );
    for leftover in [
        out.clone(),
        out.with_extension("err"),
        out.with_extension("launch"),
    ] {
        let _ = fs::remove_file(leftover);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Measuring.

/// The fastest `check --full` can be on this machine and these bytes.
struct Bound {
    secs: f64,
    what: &'static str,
}

/// One timed step: the best wall time of its runs and the peak RSS seen.
#[derive(Debug, Clone)]
struct Sample {
    wall: Duration,
    rss_kb: i64,
    code: i32,
}

fn ratio(baseline: &Sample, ours: &Sample) -> f64 {
    baseline.wall.as_secs_f64() / ours.wall.as_secs_f64()
}

/// Runs `factcheck -C ws ARGS` `runs` times (after one untimed warm-up run),
/// stdout into `out`.
fn measure(
    out: &Path,
    runs: usize,
    args: impl Fn(&mut Command) -> &mut Command,
    ws: &Path,
) -> R<Sample> {
    let make = || {
        let mut c = Command::new(FACTCHECK);
        c.arg("-C")
            .arg(ws)
            .env("FACTCHECK_NOW", NOW)
            .env("FACTCHECK_REVIEWER", "bench");
        args(&mut c);
        c
    };
    let _ = run_once(&mut make(), out)?;
    best_of(runs, || run_once(&mut make(), out))
}

fn best_of(runs: usize, mut once: impl FnMut() -> R<Sample>) -> R<Sample> {
    let mut best: Option<Sample> = None;
    for _ in 0..runs {
        let s = once()?;
        best = Some(match best {
            None => s,
            Some(b) => Sample {
                wall: b.wall.min(s.wall),
                rss_kb: b.rss_kb.max(s.rss_kb),
                code: b.code.max(s.code),
            },
        });
    }
    Ok(best.expect("runs is at least 1"))
}

fn ensure_clean(s: &Sample, out: &Path, what: &str) -> R<()> {
    if s.code == 0 {
        return Ok(());
    }
    let text = fs::read_to_string(out).unwrap_or_default();
    let head: Vec<&str> = text.lines().take(20).collect();
    Err(format!("`{what}` exited {}:\n{}", s.code, head.join("\n")).into())
}

/// Runs `cmd` through a fresh copy of this binary (`--launch`), which spawns
/// it, waits with `wait4` and reports its wall time and peak RSS. On Linux a
/// process's peak RSS includes that of the process it was spawned from (the
/// old address space's high-water mark survives `exec`), so spawning from the
/// benchmark itself, which holds the generated data, would inflate every
/// figure; the launcher holds nothing.
fn run_once(cmd: &mut Command, out: &Path) -> R<Sample> {
    let result = out.with_extension("launch");
    let _ = fs::remove_file(&result);
    let mut launch = Command::new(std::env::current_exe()?);
    launch
        .arg("--launch")
        .arg(&result)
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => launch.env(key, v),
            None => launch.env_remove(key),
        };
    }
    let output = launch
        .stdin(Stdio::null())
        .stdout(File::create(out)?)
        .stderr(Stdio::piped())
        .output()?;
    let report = fs::read_to_string(&result).map_err(|e| {
        format!(
            "the launcher wrote no result ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    let fields: Vec<i64> = report
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let [wall_ns, rss_kb, code] = fields[..] else {
        return Err(format!("bad launcher result `{report}`").into());
    };
    if code != 0 {
        fs::write(out.with_extension("err"), &output.stderr)?;
    }
    Ok(Sample {
        wall: Duration::from_nanos(wall_ns as u64),
        rss_kb,
        code: code as i32,
    })
}

/// `--launch RESULT PROGRAM ARGS…`: run PROGRAM with this process's stdio and
/// write `wall_ns peak_rss_kb exit_code` to RESULT.
fn launch(args: &[String]) -> R<()> {
    let [result, program, rest @ ..] = args else {
        return Err("--launch RESULT PROGRAM [ARGS…]".into());
    };
    let start = Instant::now();
    let child = Command::new(program).args(rest).spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    loop {
        // SAFETY: `pid` is our child, not yet reaped; both pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
        if r == pid {
            break;
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err.into());
        }
    }
    let wall = start.elapsed();
    // SAFETY: wait4 succeeded, so it filled `usage`.
    let usage = unsafe { usage.assume_init() };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    fs::write(
        result,
        format!("{} {} {code}\n", wall.as_nanos(), usage.ru_maxrss),
    )?;
    Ok(())
}

/// `claim add` of the one quote that occurs once in the article; the claim
/// file is removed again after each (untimed).
fn measure_claim_add(ws: &Path, out: &Path, runs: usize) -> R<Sample> {
    let once = || -> R<Sample> {
        let mut c = Command::new(FACTCHECK);
        c.arg("-C").arg(ws).env("FACTCHECK_NOW", NOW).args([
            "--by",
            "bench",
            "claim",
            "add",
            "--text",
            "The benchmark marker occurs once.",
            "--quote",
            MARKER,
        ]);
        let s = run_once(&mut c, out)?;
        if s.code != 0 {
            let err = fs::read_to_string(out.with_extension("err")).unwrap_or_default();
            return Err(format!("`claim add` failed: {err}").into());
        }
        let id = fs::read_to_string(out)?.trim().to_string();
        fs::remove_file(ws.join("claims").join(format!("{id}.yaml")))?;
        Ok(s)
    };
    let _ = once()?;
    best_of(runs, once)
}

/// One process of `tool ARGS FILES…`.
fn measure_tool(out: &Path, runs: usize, tool: &str, args: &[&str], files: &[&Path]) -> R<Sample> {
    let make = || {
        let mut c = Command::new(tool);
        c.args(args).args(files);
        c
    };
    let s = run_once(&mut make(), out)?;
    if s.code != 0 {
        return Err(format!("`{tool}` exited {}", s.code).into());
    }
    best_of(runs, || run_once(&mut make(), out))
}

/// Two `openssl dgst` processes at once, each on every other file: what two
/// cores can do at best.
fn measure_two_openssl(runs: usize, files: &[&Path]) -> R<Sample> {
    let once = || -> R<Sample> {
        let start = Instant::now();
        let mut children = Vec::new();
        for half in 0..2 {
            let mine: Vec<&Path> = files.iter().skip(half).step_by(2).copied().collect();
            children.push(
                Command::new("openssl")
                    .args(["dgst", "-sha256"])
                    .args(mine)
                    .stdout(Stdio::null())
                    .spawn()?,
            );
        }
        let mut code = 0;
        for mut c in children {
            code = code.max(c.wait()?.code().unwrap_or(128));
        }
        Ok(Sample {
            wall: start.elapsed(),
            rss_kb: 0,
            code,
        })
    };
    once()?;
    best_of(runs, once)
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg(if tool == "openssl" {
            "version"
        } else {
            "--version"
        })
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

// ---------------------------------------------------------------------------
// Output.

#[derive(Default)]
struct Table {
    rows: Vec<[String; 4]>,
}

impl Table {
    fn row(&mut self, name: &str, s: Option<&Sample>, bytes: Option<u64>) {
        let Some(s) = s else { return };
        let rate = bytes
            .map(|b| format!("{:.2} GB/s", b as f64 / s.wall.as_secs_f64() / 1e9))
            .unwrap_or_default();
        let rss = if s.rss_kb > 0 {
            kb(s.rss_kb)
        } else {
            String::new()
        };
        self.rows.push([name.to_string(), secs(s.wall), rss, rate]);
    }

    fn note(&mut self, name: &str, what: &str) {
        self.rows.push([
            name.to_string(),
            what.to_string(),
            String::new(),
            String::new(),
        ]);
    }

    fn print(&self) {
        println!(
            "{:<46} {:>12} {:>12} {:>12}",
            "step", "wall", "peak RSS", "hashing"
        );
        for [a, b, c, d] in &self.rows {
            println!("{a:<46} {b:>12} {c:>12} {d:>12}");
        }
    }
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn kb(k: i64) -> String {
    format!("{:.1} MB", k as f64 / 1024.0)
}

fn mb(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// 10000 -> "10,000".
fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Machine {
    cpu: String,
    cores: usize,
    sha_ni: bool,
}

impl Machine {
    fn probe() -> Machine {
        let info = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = info
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")?
                    .split_once(':')
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_else(|| "unknown cpu".into());
        let sha_ni = info
            .lines()
            .find(|l| l.starts_with("flags"))
            .is_some_and(|l| l.split_whitespace().any(|f| f == "sha_ni"));
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Machine { cpu, cores, sha_ni }
    }
}

// ---------------------------------------------------------------------------
// Generating the data.

fn bench_dir() -> PathBuf {
    // target/release/factcheck -> target/bench-workspace
    Path::new(FACTCHECK)
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("bench-workspace")
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ZH_WORDS: &str = "公司 团队 安全 模型 发布 研究 数据 市场 投资 估值 董事会 首席 执行官 技术 产品 用户 增长 收入 \
    亿元 美元 离职 高管 创始人 科学家 测试 检测 时间 计划 消息 报道 知情人士 透露 宣布 成立 合作 微软 融资 \
    亏损 利润 预计 今年 明年 去年 员工 工程师 部门 负责人 声明 回应 采访 文件 显示 表示 认为 指出 强调 \
    发展 能力 推出 版本 语音 功能 视频 图像 搜索 竞争 对手 谷歌 开源 闭源 监管 政策 风险 治理 结构 营利 \
    非营利 转型 股权 期权 薪酬 人才 流失 组织 调整 战略 方向 目标 愿景 使命 承诺 透明 责任 审查 评估 \
    报告 结果 证据 来源 核实 事实 说法 准确 误导 夸大 数字 比例 百分之 大约 超过 不到 仅仅 已经 正在 \
    将会 可能 必须 因为 所以 但是 然而 同时 此外 另外 其中 包括 关于 对于 根据 按照 通过 之后 之前";

const EN_WORDS: &[&str] = &[
    "OpenAI",
    "GPT-4o",
    "CEO",
    "CTO",
    "Sam Altman",
    "Mira Murati",
    "Microsoft",
    "API",
    "ChatGPT",
    "safety",
    "board",
    "release",
    "the model",
    "billion",
    "million",
    "2023",
    "2024",
    "2025",
    "Q3",
    "o1",
    "Sora",
    "red team",
    "system card",
    "valuation",
    "$6.6 billion",
    "$157 billion",
    "nine days",
    "Reuters",
    "Bloomberg",
    "The Information",
    "according to",
    "people familiar with",
    "said",
    "reported",
    "announced",
    "percent",
];

/// Deterministic mixed Chinese/English prose of at least `chars` characters.
fn prose(rng: &mut Rng, chars: usize, heading: &str) -> String {
    let zh: Vec<&str> = ZH_WORDS.split_whitespace().collect();
    let mut out = String::with_capacity(chars * 3);
    let mut n = 0;
    let push = |out: &mut String, s: &str, n: &mut usize| {
        out.push_str(s);
        *n += s.chars().count();
    };
    push(&mut out, heading, &mut n);
    let mut section = 0;
    while n < chars {
        if rng.below(12) == 0 {
            section += 1;
            let title = format!("## 第{section}节 {}{}\n\n", rng.pick(&zh), rng.pick(&zh));
            push(&mut out, &title, &mut n);
        }
        for _ in 0..3 + rng.below(5) {
            let english = rng.below(6) == 0;
            let words = 6 + rng.below(16);
            for w in 0..words {
                if english {
                    if w > 0 {
                        push(&mut out, " ", &mut n);
                    }
                    push(&mut out, rng.pick(EN_WORDS), &mut n);
                } else if rng.below(5) == 0 {
                    let token = if rng.below(3) == 0 {
                        format!(" {} ", rng.below(100_000))
                    } else {
                        format!(" {} ", rng.pick(EN_WORDS))
                    };
                    push(&mut out, &token, &mut n);
                } else {
                    push(&mut out, rng.pick(&zh), &mut n);
                    if w % 6 == 5 && w + 1 < words {
                        push(&mut out, "，", &mut n);
                    }
                }
            }
            push(&mut out, if english { ". " } else { "。" }, &mut n);
        }
        push(&mut out, "\n\n", &mut n);
    }
    out
}

/// A big snapshot's bytes, generated once and hard-linked into workspaces.
struct Blob {
    path: PathBuf,
    hex: String,
    size: u64,
}

/// `root/<name>.bin` of `size` pseudo-random bytes, and its hash (kept in
/// `<name>.sha256`, written last, so an interrupted run regenerates).
fn ensure_blob(root: &Path, name: &str, size: u64, seed: u64) -> R<Blob> {
    let path = root.join(format!("{name}.bin"));
    let stamp = root.join(format!("{name}.sha256"));
    if let (Ok(hex), Ok(meta)) = (fs::read_to_string(&stamp), fs::metadata(&path))
        && meta.len() == size
        && hex.trim().len() == 64
    {
        return Ok(Blob {
            path,
            hex: hex.trim().to_string(),
            size,
        });
    }
    eprintln!("generating {} ({})…", path.display(), mb(size));
    let _ = fs::remove_file(&stamp);
    let mut file = BufWriter::with_capacity(1 << 20, File::create(&path)?);
    let mut rng = Rng(seed);
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(buf.len() as u64) as usize;
        for chunk in buf[..n].chunks_mut(8) {
            let v = rng.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        hasher.update(&buf[..n]);
        file.write_all(&buf[..n])?;
        left -= n as u64;
    }
    file.flush()?;
    let hex = factcheck::workspace::store::hex(&hasher.finalize());
    fs::write(&stamp, &hex)?;
    Ok(Blob { path, hex, size })
}

/// What a generated workspace holds.
struct Generated {
    dir: PathBuf,
    claims: usize,
    /// Every snapshot byte file (what `check --full` hashes).
    files: Vec<PathBuf>,
    bytes: u64,
    small_bytes: u64,
}

fn init_workspace(dir: &Path) -> R<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let status = Command::new(FACTCHECK)
        .arg("init")
        .arg(dir)
        .stderr(Stdio::null())
        .status()?;
    if !status.success() {
        return Err(format!("`factcheck init {}` failed", dir.display()).into());
    }
    Ok(())
}

/// The time every generated record says it was made at.
fn at(time: &str) -> R<Time> {
    Ok(time.parse::<Time>()?)
}

/// A snapshot's record, as the model has it.
fn source_meta(
    hex: &str,
    ext: &str,
    media_type: &str,
    size: u64,
    url: &str,
    title: &str,
) -> R<SourceMeta> {
    Ok(SourceMeta {
        sha256: SourceId::from_hex(hex).ok_or("a generated hash is 64 hex")?,
        file: format!("{hex}.{ext}"),
        media_type: media_type.parse::<MediaType>()?,
        size,
        url: Some(url.to_string()),
        title: Some(title.to_string()),
        kind: None,
        publisher: None,
        // Generated excerpts name outlets at random ("Reuters reported"): an
        // origin on every page keeps the relay rule (`no-origin`) quiet, so
        // `check --full` passes on the generated workspace.
        origin: Some("Generated wire".to_string()),
        published: None,
        captured_at: at("2026-11-28T09:00:00Z")?,
        captured_by: "alice".to_string(),
        note: None,
        revises: None,
        history: Vec::new(),
        charset: None,
        fetch: None,
        captures: Vec::new(),
        watch: Vec::new(),
    })
}

/// Writes a record as the workspace writes it (without the fsync of each
/// file, which would make generating 100,000 claims take minutes).
fn put_record<T: serde::Serialize>(path: &Path, record: &T) -> R<()> {
    fs::write(path, workspace::record_text(record)?)?;
    Ok(())
}

/// Writes a snapshot (bytes and record) into `ws/sources`; returns its hash.
fn put_source(
    ws: &Path,
    bytes: &[u8],
    ext: &str,
    media_type: &str,
    url: &str,
    title: &str,
) -> R<(String, PathBuf)> {
    let hex = factcheck::workspace::store::sha256_hex(bytes);
    let path = ws.join("sources").join(format!("{hex}.{ext}"));
    fs::write(&path, bytes)?;
    let meta = source_meta(&hex, ext, media_type, bytes.len() as u64, url, title)?;
    put_record(&ws.join("sources").join(format!("{hex}.yaml")), &meta)?;
    Ok((hex, path))
}

fn ensure_workspace(root: &Path, p: &Params, claims: usize, big: Option<&Blob>) -> R<Generated> {
    let dir = root.join(format!("ws-{claims}"));
    let key = format!(
        "generator={GENERATOR} claims={claims} snapshots={} big={} article={ARTICLE_CHARS}\n",
        p.snapshots,
        big.map_or("none".to_string(), |b| b.hex.clone())
    );
    let stamp = dir.join(".factcheck").join("bench-params");
    let reuse = fs::read_to_string(&stamp).is_ok_and(|k| k == key);
    if !reuse {
        eprintln!("generating {} ({} claims)…", dir.display(), group(claims));
        init_workspace(&dir)?;
    }
    let started = Instant::now();

    // The article: deterministic prose with the marker sentence in the middle.
    let mut rng = Rng(0xA27_1C1E);
    let mut article = prose(
        &mut rng,
        ARTICLE_CHARS / 2,
        "# OpenAI高管震荡内幕：一份合成的长篇报道\n\n",
    );
    article.push_str(MARKER);
    article.push_str("。\n\n");
    let rest = ARTICLE_CHARS.saturating_sub(article.chars().count());
    article.push_str(&prose(&mut rng, rest, ""));
    let article_chars: Vec<char> = article.chars().collect();
    let article_hex = factcheck::workspace::store::sha256_hex(article.as_bytes());
    let article_id = format!("sha256:{article_hex}");
    let article_source: SourceId = article_id.parse()?;

    // Small evidence snapshots.
    let mut small: Vec<(String, Vec<char>)> = Vec::with_capacity(p.snapshots);
    let mut files = vec![dir.join("sources").join(format!("{article_hex}.md"))];
    let mut small_bytes = 0;
    for k in 0..p.snapshots {
        let mut rng = Rng(0x5EED_0000 + k as u64);
        let chars = 1_000 + rng.below(3_000);
        let text = prose(
            &mut rng,
            chars,
            &format!("# Evidence {k}\n\nSource document {k}, captured for the desk.\n\n"),
        );
        let hex = factcheck::workspace::store::sha256_hex(text.as_bytes());
        small_bytes += text.len() as u64;
        files.push(dir.join("sources").join(format!("{hex}.md")));
        if !reuse {
            put_source(
                &dir,
                text.as_bytes(),
                "md",
                "text/markdown",
                &format!("https://example.org/evidence/{k}"),
                &format!("Evidence {k}"),
            )?;
        }
        small.push((hex, text.chars().collect()));
    }
    let mut bytes = article.len() as u64 + small_bytes;
    if let Some(b) = big {
        files.push(dir.join("sources").join(format!("{}.bin", b.hex)));
        bytes += b.size;
    }
    if reuse {
        return Ok(Generated {
            dir,
            claims,
            files,
            bytes,
            small_bytes,
        });
    }

    put_source(
        &dir,
        article.as_bytes(),
        "md",
        "text/markdown",
        "https://example.org/article",
        "OpenAI高管震荡内幕",
    )?;
    if let Some(b) = big {
        let target = dir.join("sources").join(format!("{}.bin", b.hex));
        if fs::hard_link(&b.path, &target).is_err() {
            fs::copy(&b.path, &target)?;
        }
        let meta = source_meta(
            &b.hex,
            "bin",
            "application/octet-stream",
            b.size,
            "https://example.org/archive.bin",
            "Leaked archive",
        )?;
        put_record(&dir.join("sources").join(format!("{}.yaml", b.hex)), &meta)?;
    }
    let config = Config {
        title: Some("OpenAI高管震荡内幕（基准测试）".to_string()),
        article: Some(article_source.clone()),
        language: Some(Language::Zh),
        publisher: Some("Example Desk".to_string()),
        ..Config::default()
    };
    let ws = Workspace::find(Some(&dir))?;
    ws.save_config(&config, &ws.lock(|_| {})?)?;

    // Claims, spread evenly over the article.
    let mut rng = Rng(0xC1A1_0000 + claims as u64);
    let mut taken: HashSet<String> = HashSet::with_capacity(claims);
    let stride = (article_chars.len() / claims).max(1);
    let statuses = |roll: usize| match roll {
        0..50 => (Status::Unverified, Stance::Context),
        50..75 => (Status::Verified, Stance::Supports),
        75..90 => (Status::Disputed, Stance::Refutes),
        _ => (Status::Unverifiable, Stance::Context),
    };
    let tags = [
        "gpt-4o",
        "safety",
        "finance",
        "governance",
        "people",
        "product",
    ];
    let speakers = ["Sam Altman", "Mira Murati", "知情人士", "OpenAI发言人"];
    let sources: Vec<SourceId> = small
        .iter()
        .map(|(hex, _)| SourceId::from_hex(hex).ok_or("a generated hash is 64 hex"))
        .collect::<Result<_, _>>()?;
    let big_source = big
        .map(|b| SourceId::from_hex(&b.hex).ok_or("a generated hash is 64 hex"))
        .transpose()?;
    for i in 0..claims {
        // Each claim quotes words in its own slot of the article: quotes that
        // overlap would have to be rated alike (`check` compares them).
        let slot = i * article_chars.len() / claims;
        let slot_end = ((i + 1) * article_chars.len() / claims).min(article_chars.len());
        let start = (slot + rng.below((stride / 4).max(1))).min(slot_end - 1);
        let end = (start + 8 + rng.below(33)).min(slot_end);
        let exact: String = article_chars[start..end].iter().collect();
        let prefix: String = article_chars[start.saturating_sub(32)..start]
            .iter()
            .collect();
        let suffix: String = article_chars[end..(end + 32).min(article_chars.len())]
            .iter()
            .collect();
        let identity = format!("{article_id}\n{start}\n{exact}");
        let digest = factcheck::workspace::store::sha256_hex(identity.as_bytes());
        let id = (6..=64)
            .map(|n| format!("c{}", &digest[..n]))
            .find(|id| !taken.contains(id))
            .expect("a 64-hex id is unique");
        taken.insert(id.clone());

        let kind = Kind::ALL[rng.below(Kind::ALL.len())];
        let speaker = (rng.below(4) == 0).then(|| speakers[rng.below(speakers.len())].to_string());
        let mut claim_tags = Vec::new();
        if rng.below(3) != 0 {
            claim_tags = vec![rng.pick(&tags).to_string(), rng.pick(&tags).to_string()];
            claim_tags.sort();
            claim_tags.dedup();
        }
        // Verdict and the evidence it needs.
        let roll = rng.below(100);
        let (status, stance) = statuses(roll);
        let pieces = match status {
            Status::Unverified => rng.below(2),
            Status::Verified => 1 + rng.below(2),
            Status::Disputed => 1,
            Status::Unverifiable => 0,
        };
        let rating = (status == Status::Verified && rng.below(3) == 0).then(|| "Accurate".into());
        let correction =
            (status == Status::Disputed).then(|| format!("应为九天，而非数周（{id}）。"));
        let mut history = vec![HistoryEntry::new(
            at("2026-11-28T10:00:00Z")?,
            "alice".into(),
            Event::Created,
        )];
        let mut evidence = Vec::new();
        for e in 0..pieces {
            let k = rng.below(small.len());
            let (hex, chars) = &small[k];
            let len = 12 + rng.below(48);
            let from = rng.below(chars.len() - len);
            let excerpt: String = chars[from..from + len].iter().collect();
            if excerpt.chars().all(char::is_whitespace) {
                continue;
            }
            let when = at(&format!("2026-11-28T10:{:02}:00Z", 10 + e))?;
            evidence.push(Evidence {
                source: sources[k].clone(),
                stance,
                excerpt: Some(excerpt),
                note: Some("Matches the captured page.".into()),
                added_by: "bob".into(),
                added_at: when,
            });
            let mut entry = HistoryEntry::new(when, "bob".into(), Event::Evidence);
            entry.note = Some(format!("{stance} from {}", &hex[..12]));
            history.push(entry);
        }
        if let Some(b) = big_source
            .as_ref()
            .filter(|_| status == Status::Verified && i % 50 == 0)
        {
            evidence.push(Evidence {
                source: b.clone(),
                stance: Stance::Context,
                excerpt: None,
                note: Some("The archive this came from.".into()),
                added_by: "bob".into(),
                added_at: at("2026-11-28T10:20:00Z")?,
            });
        }
        if status != Status::Unverified {
            let mut entry =
                HistoryEntry::new(at("2026-11-28T11:00:00Z")?, "carol".into(), Event::Status);
            entry.status = Some(status);
            entry.note = Some("Checked against the evidence.".into());
            history.push(entry);
        }
        let claim = Claim {
            id: id.parse()?,
            text: format!("The article states: {}", exact.replace('\n', " ")),
            kind,
            speaker,
            tags: claim_tags,
            appears_in: Some(Anchor {
                source: article_source.clone(),
                exact,
                prefix,
                suffix,
                start,
                end,
            }),
            status,
            rating,
            correction,
            evidence,
            history,
        };
        put_record(&dir.join("claims").join(format!("{id}.yaml")), &claim)?;
    }
    fs::write(&stamp, key)?;
    eprintln!("  done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(Generated {
        dir,
        claims,
        files,
        bytes,
        small_bytes,
    })
}

/// A workspace holding only the big snapshot: how fast `check --full` could
/// be on the main workspace, whose hashing time that one file bounds.
fn ensure_alone(root: &Path, big: &Blob) -> R<Generated> {
    let dir = root.join(format!("alone-{}", &big.hex[..12]));
    let key = format!("generator={GENERATOR} alone={}\n", big.hex);
    let stamp = dir.join(".factcheck").join("bench-params");
    let target = dir.join("sources").join(format!("{}.bin", big.hex));
    if !fs::read_to_string(&stamp).is_ok_and(|k| k == key) {
        init_workspace(&dir)?;
        if fs::hard_link(&big.path, &target).is_err() {
            fs::copy(&big.path, &target)?;
        }
        let meta = source_meta(
            &big.hex,
            "bin",
            "application/octet-stream",
            big.size,
            "https://example.org/archive.bin",
            "Leaked archive",
        )?;
        put_record(
            &dir.join("sources").join(format!("{}.yaml", big.hex)),
            &meta,
        )?;
        fs::write(&stamp, key)?;
    }
    Ok(Generated {
        dir,
        claims: 0,
        files: vec![target],
        bytes: big.size,
        small_bytes: 0,
    })
}

/// The same number of bytes as the big snapshot, as 8 files: the mix where
/// hashing on both cores can pay off.
fn ensure_mix(root: &Path, big_mb: u64) -> R<Generated> {
    let dir = root.join(format!("mix-{big_mb}M"));
    let parts = 8;
    let part = (big_mb << 20) / parts;
    let key = format!("generator={GENERATOR} mix={big_mb}\n");
    let stamp = dir.join(".factcheck").join("bench-params");
    let reuse = fs::read_to_string(&stamp).is_ok_and(|k| k == key);
    if !reuse {
        eprintln!("generating {} ({parts} × {})…", dir.display(), mb(part));
        init_workspace(&dir)?;
    }
    let mut files = Vec::new();
    for k in 0..parts {
        let name = format!("mix-{big_mb}M-{k}");
        let blob = ensure_blob(root, &name, part, 0x313 + k)?;
        let target = dir.join("sources").join(format!("{}.bin", blob.hex));
        if !reuse {
            if fs::hard_link(&blob.path, &target).is_err() {
                fs::copy(&blob.path, &target)?;
            }
            let meta = source_meta(
                &blob.hex,
                "bin",
                "application/octet-stream",
                part,
                "https://example.org/part.bin",
                &name,
            )?;
            put_record(
                &dir.join("sources").join(format!("{}.yaml", blob.hex)),
                &meta,
            )?;
        }
        files.push(target);
    }
    fs::write(&stamp, key)?;
    Ok(Generated {
        dir,
        claims: 0,
        files,
        bytes: part * parts,
        small_bytes: 0,
    })
}
