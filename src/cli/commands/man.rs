//! `factcheck man`: the manual pages (roff), printed or written to a folder.
//! `factcheck(1)` and one `factcheck-<sub>(1)` per subcommand (groups too:
//! `factcheck-claim-add(1)`), each with what a reader looks up first: exit
//! status, environment, files and examples.

use std::path::{Path, PathBuf};

use clap::{Command, CommandFactory};

use crate::cli::commands::Cli;
use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, say};
use crate::error::{Error, Result};
use crate::workspace;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    factcheck man | man -l -\n  \
    factcheck man claim add | man -l -\n  \
    factcheck man --all ~/.local/share/man/man1      # then: man factcheck-mark")]
pub struct ManArgs {
    /// The subcommand whose page to print (`claim add`); none: factcheck(1)
    pub command: Vec<String>,
    /// Write every page, factcheck.1 and factcheck-<sub>.1, into DIR
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub all: Option<PathBuf>,
}

/// EXIT STATUS, for every page: the codes are the same for every command.
const EXIT_STATUS: &str = "\
0\tSuccess. `check`: no problems. `decision`: the records and the desk both say publish. \
`source watch`: nothing affects a verdict.
1\tA rule refused the change, and nothing was written (a verdict the policy does not \
allow, a rating off the scale, a draft that is not a revision); or the command's answer \
is no: `check` found problems, `decision` holds the piece, `source watch` found evidence \
that changed under a verdict.
2\tThe command could not run: bad usage, not a workspace, a record that does not parse \
(its file and line are named), an I/O or network error. Nothing was written.
other\tNo other code is used on purpose: 101 is a crash of the tool itself (please \
report it with the command line), 128+N means it was killed by signal N.";

const ENVIRONMENT: &str = "\
FACTCHECK_REVIEWER\tWho makes a change when --by is not given (else git's user.name).
FACTCHECK_NOW\tThe time to record instead of the clock (RFC 3339, e.g. 2026-12-01T09:00:00Z): \
for reproducible records and tests.
FACTCHECK_LOCK_TIMEOUT\tSeconds a writer waits for the workspace lock (default 60).
FACTCHECK_ARCHIVE\tThe desk's archive of checked claims: a file path, or postgres://… for a shared one.
NO_COLOR\tWhen set and not empty, no colour (as --color never). CI, when set, hides progress bars.
HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY\tProxies for source fetch and source watch, \
read as curl reads them (lower-case names too).
SSL_CERT_FILE, SSL_CERT_DIR\tExtra trusted roots for https, beside the system's.
RAYON_NUM_THREADS\tHow many threads hash snapshots and render reports (default: one per core).";

const FILES: &str = "\
factcheck.yaml\tThe workspace's settings: title, article, language, publisher, base_url, \
ratings, policy, summary. Its presence marks the workspace's root.
claims/<id>.yaml\tOne claim per file: its words, anchor, verdict, evidence and history.
sources/<sha256>.<ext>, sources/<sha256>.yaml\tSnapshot bytes, named by their SHA-256, and \
what each snapshot is.
templates/*.j2\tReport templates (minijinja); the built-in copies are used otherwise.
.factcheck/\tLocal state, git-ignored: the lock and the index of parsed records.";

const EXAMPLES: &str = "\
factcheck init desk --language zh && cd desk
factcheck source add article.md --article --title \"…\" --url https://example.org/a
C=$(factcheck claim add --text \"…\" --quote \"…\")
S=$(factcheck source add evidence.txt --kind news --publisher Reuters)
factcheck evidence add \"$C\" \"$S\" --stance supports --excerpt \"…\"
factcheck mark \"$C\" verified --rating Accurate --note \"…\"
factcheck check && factcheck report --out report.md
factcheck decision && publish-the-article";

pub fn run(ctx: &Ctx, args: ManArgs) -> Result<i32> {
    let mut cli = Cli::command();
    cli.build();
    if let Some(dir) = &args.all {
        let written = write_all(&cli, dir)?;
        say(&Msg::WroteManPages {
            n: written,
            dir: &dir.display().to_string(),
        }
        .text(ctx.language()));
        return Ok(0);
    }
    let mut cmd = &cli;
    let mut path = Vec::new();
    for name in &args.command {
        cmd = cmd.find_subcommand(name).ok_or_else(|| {
            Error::usage(format!(
                "`factcheck {}` has no subcommand `{name}`",
                path.join(" ")
            ))
            .with_hint_in(
                "`factcheck --help` lists the commands",
                "`factcheck --help` 列出所有命令",
            )
        })?;
        path.push(cmd.get_name().to_string());
    }
    emit(&String::from_utf8_lossy(&page(cmd, &path)?))?;
    Ok(0)
}

/// Writes factcheck.1 and a page for every subcommand, at every depth.
fn write_all(cli: &Command, dir: &Path) -> Result<usize> {
    let mut pages = Vec::new();
    collect(cli, &mut Vec::new(), &mut pages);
    workspace::create_dir_all(dir)?;
    for (path, cmd) in &pages {
        let name = page_name(path);
        workspace::write_atomic(&dir.join(format!("{name}.1")), &page(cmd, path)?)?;
    }
    Ok(pages.len())
}

fn collect<'a>(
    cmd: &'a Command,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'a Command)>,
) {
    out.push((path.clone(), cmd));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        path.push(sub.get_name().to_string());
        collect(sub, path, out);
        path.pop();
    }
}

/// `factcheck`, `factcheck-claim-add`.
fn page_name(path: &[String]) -> String {
    std::iter::once("factcheck")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// One page: clap's sections, then exit status, environment, files,
/// examples and see also.
fn page(cmd: &Command, path: &[String]) -> Result<Vec<u8>> {
    let name = page_name(path);
    let cmd = cmd
        .clone()
        .name(name.clone())
        .display_name(name.clone())
        .bin_name(path_bin(path));
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    let fail = |e: std::io::Error| Error::usage(format!("cannot write the manual page: {e}"));
    man.render_title(&mut out).map_err(fail)?;
    man.render_name_section(&mut out).map_err(fail)?;
    man.render_synopsis_section(&mut out).map_err(fail)?;
    man.render_description_section(&mut out).map_err(fail)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out).map_err(fail)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out).map_err(fail)?;
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        man.render_extra_section(&mut out).map_err(fail)?;
    }
    let mut text = String::new();
    text.push_str(&section("EXIT STATUS", EXIT_STATUS));
    text.push_str(&section("ENVIRONMENT", ENVIRONMENT));
    if path.is_empty() {
        text.push_str(&section("FILES", FILES));
        text.push_str(".SH EXAMPLES\n.nf\n");
        text.push_str(&roff_escape(EXAMPLES));
        text.push_str("\n.fi\n");
    }
    text.push_str(".SH \"SEE ALSO\"\n");
    let mut see: Vec<String> = Vec::new();
    if !path.is_empty() {
        see.push(format!("\\fB{}\\fR(1)", page_name(&path[..path.len() - 1])));
    }
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut p = path.to_vec();
        p.push(sub.get_name().to_string());
        see.push(format!("\\fB{}\\fR(1)", page_name(&p)));
    }
    see.push("\\fBgit\\fR(1)".into());
    text.push_str(&see.join(", "));
    text.push('\n');
    out.extend_from_slice(text.as_bytes());
    Ok(out)
}

/// `factcheck claim add`, as the synopsis shows it.
fn path_bin(path: &[String]) -> String {
    std::iter::once("factcheck")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A section of tagged paragraphs, one per `term\tdescription` line.
fn section(title: &str, body: &str) -> String {
    let mut out = format!(".SH \"{title}\"\n");
    for line in body.lines() {
        let (term, desc) = line.split_once('\t').unwrap_or((line, ""));
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_escape(term),
            roff_escape(desc)
        ));
    }
    out
}

/// Text made safe for roff: backslashes, and a leading `.` or `'`.
fn roff_escape(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e");
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
