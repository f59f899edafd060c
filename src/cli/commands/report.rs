//! `factcheck report`: render the review report (or another template).
//!
//! A template is found by name — the workspace's `templates/<name>.md.j2`
//! or `templates/<name>.html.j2`, else the built-in one of that name — or by
//! path, for anything containing `/` or ending in `.j2`.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::cli::i18n::Msg;
use crate::cli::term;
use crate::cli::ui::{Ctx, Stdout, keyword, say, write_out_with};
use crate::error::{Error, Hint, Result};
use crate::model::Status;
use crate::report::{self, Template};
use crate::workspace::{self, Workspace};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factcheck report --status disputed --out disputed.md\n  factcheck report --template brief"
)]
pub struct ReportArgs {
    /// Template name (in templates/ or built in) or a path to a template file
    #[arg(long, default_value = "report")]
    pub template: String,
    /// Write the report here instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only claims with this status (repeatable)
    #[arg(long, value_parser = keyword::<Status>())]
    pub status: Vec<Status>,
    /// Read and parse every claim file, ignoring the workspace index
    #[arg(long)]
    pub full: bool,
}

/// From about this many claims a report takes long enough to show a spinner.
const SPINNER_MIN_CLAIMS: usize = 2000;

pub fn run(ctx: &Ctx, args: ReportArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let template = find_template(&ws, &args.template)?;
    let options = report::Options {
        statuses: args.status,
        full: args.full,
    };
    let spinner = term::Spinner::start(|| {
        let claims = ws.claim_files().ok()?.len();
        (claims >= SPINNER_MIN_CLAIMS).then(|| format!("reporting on {claims} claims"))
    });
    let context = report::context(&ws, &options)?;
    let templates = Some(ws.templates_dir());
    match &args.out {
        Some(path) => {
            // A file gets what a terminal gets: no raw control characters
            // or bidirectional overrides from the records.
            let html = template.name.ends_with(".html.j2")
                || path.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")
                });
            write_out_with(&ws, path, |out| {
                let mut out = Escaping { out, html };
                report::render_to(&template, &context, templates, &mut out)
            })?;
            drop(spinner);
            say(&Msg::WroteReport {
                path: &path.display().to_string(),
            }
            .text(ws.config.language()));
        }
        None => {
            // Written as it is rendered: the spinner goes first.
            drop(spinner);
            let mut out = Stdout::new();
            match report::render_to(&template, &context, templates, &mut out) {
                Err(_) if out.closed() => {}
                done => done.and_then(|()| out.finish())?,
            }
        }
    }
    crate::cli::free::at_exit(context);
    Ok(0)
}

/// Resolves `--template`: a path, or a name looked up in `templates/` and
/// then among the built-in templates.
fn find_template(ws: &Workspace, given: &str) -> Result<Template> {
    if given.contains('/') || given.ends_with(".j2") {
        let source = workspace::read_to_string(Path::new(given))?;
        return Ok(Template {
            name: given.to_string(),
            source,
        });
    }
    let valid = !given.is_empty()
        && given
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid {
        return Err(Error::invalid(format!(
            "`{given}` is not a template name (letters, digits, `-`, `_`) or a path"
        ))
        .with_hint(available()));
    }
    // A name is a Markdown template, or an HTML one (the article page);
    // the workspace's own come before the built-in ones.
    let files = TEMPLATE_KINDS.map(|ext| format!("{given}{ext}"));
    for file in &files {
        match workspace::read_to_string(&ws.templates_dir().join(file)) {
            Ok(source) => {
                return Ok(Template {
                    name: format!("templates/{file}"),
                    source,
                });
            }
            Err(Error::Io { cause, .. }) if cause.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    files
        .iter()
        .find_map(|file| {
            report::builtin(file).map(|text| Template {
                name: file.clone(),
                source: text.to_string(),
            })
        })
        .ok_or_else(|| Error::invalid(format!("no template `{given}`")).with_hint(available()))
}

/// What a template name is completed with, in the order they are looked for.
const TEMPLATE_KINDS: [&str; 2] = [".md.j2", ".html.j2"];

/// A hint naming the templates there are.
fn available() -> Hint {
    let names: Vec<&str> = report::BUILTIN_TEMPLATES
        .iter()
        .filter_map(|(file, _)| TEMPLATE_KINDS.iter().find_map(|ext| file.strip_suffix(ext)))
        .collect();
    Hint::new(
        format!(
            "built-in templates: {}; a workspace's own are `templates/<name>.md.j2` (or `.html.j2`); or give a path to a `.j2` file",
            names.join(", ")
        ),
        format!(
            "内置模板：`{}`；工作区自己的模板为 `templates/<name>.md.j2`（或 `.html.j2`）；也可给出一个 `.j2` 文件的路径",
            names.join("`、`")
        ),
    )
}

/// A writer that escapes what a terminal would act on (see
/// [`crate::guard::terminal`]), or drops it in HTML.
struct Escaping<'a> {
    out: &'a mut dyn std::io::Write,
    html: bool,
}

impl std::io::Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if crate::guard::terminal_safe(buf) {
            self.out.write_all(buf)?;
        } else {
            let text = String::from_utf8_lossy(buf);
            let safe = if self.html {
                crate::guard::html_text(&text)
            } else {
                crate::guard::terminal(&text)
            };
            self.out.write_all(safe.as_bytes())?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
