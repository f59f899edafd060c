//! Rendering: the minijinja environment (strict undefined behaviour,
//! Markdown auto-escaping, the escaping filters), the built-in and the
//! workspace's templates, a fuel and output budget, and template errors
//! that name the template and line.

use std::io::Write;
use std::path::PathBuf;

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};

use crate::error::{Error, Result};
use crate::workspace::{self};

use super::context::Context;
use super::escape::{escape_cell, escape_code, escape_inline, escape_quote, escape_url};
use super::labels::labels_value;
use super::{builtin, each};

/// A template to render: its name (for errors) and its text.
#[derive(Debug, Clone)]
pub struct Template {
    /// How errors name it: `templates/report.md.j2`, a path, or the built-in name.
    pub name: String,
    pub source: String,
}

/// The auto-escape mode of Markdown templates (see `templates/README.md`).
pub(super) const MARKDOWN: &str = "markdown";

/// The fuel (minijinja's unit of work: about one instruction, or 64 bytes of
/// text built) every render gets, plus [`FUEL_PER_RECORD`] per claim and
/// snapshot.
pub const FUEL_BASE: u64 = 4_000_000;

pub const FUEL_PER_RECORD: u64 = 20_000;

/// The largest output a template may produce.
pub const MAX_OUTPUT: usize = 256 << 20;

/// Renders `template` over `ctx` into `out`, writing the text as it is
/// rendered: a report on a desk's archive is never held whole. `{% include %}`
/// and `{% extends %}` find other templates in `templates_dir`, else among
/// the built-in ones. When `out` fails, the render stops with that error.
pub fn render_to(
    template: &Template,
    ctx: &Context,
    templates_dir: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut env = environment(templates_dir);
    // A workspace's template runs in CI on every pull request: its work and
    // the memory it builds are bounded, in proportion to the workspace.
    let records = (ctx.all_claims.len() + ctx.sources.len()) as u64;
    let fuel = FUEL_BASE + FUEL_PER_RECORD * records;
    env.set_fuel(Some(fuel));
    let source = template
        .source
        .strip_prefix('\u{feff}')
        .unwrap_or(&template.source);
    env.add_template_owned(template.name.clone(), source.to_string())
        .map_err(|e| template_error(&template.name, &e))?;
    let compiled = env
        .get_template(&template.name)
        .map_err(|e| template_error(&template.name, &e))?;
    let values = minijinja::context! {
        labels => labels_value(ctx.workspace.language),
        ..Value::from(Serde(ctx))
    };
    let mut sink = Limited {
        out,
        written: 0,
        last: None,
    };
    let rendered = each::render_to(&compiled, &values, &mut sink);
    if sink.written > MAX_OUTPUT {
        return Err(Error::Template {
            name: template.name.clone(),
            message: format!(
                "the output grew past the {} MiB a report may be",
                MAX_OUTPUT >> 20
            ),
        });
    }
    rendered.map_err(|e| {
        if e.kind() == ErrorKind::OutOfFuel {
            Error::Template {
                name: template.name.clone(),
                message: format!(
                    "stopped after {fuel} steps: the template does more work or builds more text than a report of this workspace needs (a loop over `range` or a string that keeps growing?)"
                ),
            }
        } else if e.kind() == ErrorKind::WriteFailure {
            let cause = std::error::Error::source(&e)
                .and_then(|s| s.downcast_ref::<std::io::Error>())
                .map_or_else(
                    || std::io::Error::other(e.to_string()),
                    |io| std::io::Error::new(io.kind(), io.to_string()),
                );
            Error::io("write", "the report", cause)
        } else {
            template_error(&template.name, &e)
        }
    })?;
    if sink.last != Some(b'\n') {
        sink.write_all(b"\n")
            .map_err(|e| Error::io("write", "the report", e))?;
    }
    Ok(())
}

/// The report's writer: counts what is written and refuses to go past
/// [`MAX_OUTPUT`].
pub(super) struct Limited<'a> {
    pub(super) out: &'a mut dyn Write,
    pub(super) written: usize,
    pub(super) last: Option<u8>,
}

impl Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written = self.written.saturating_add(buf.len());
        if self.written > MAX_OUTPUT {
            return Err(std::io::Error::other("the report is too long"));
        }
        let n = self.out.write(buf)?;
        // A short write is retried by `write_all` with the rest.
        self.written -= buf.len() - n;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

pub(super) fn environment(templates_dir: Option<PathBuf>) -> Environment<'static> {
    let mut env = Environment::new();
    // Errors quote the template's line and name what was undefined in a
    // release build too (minijinja keeps that for debug builds by default).
    env.set_debug(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid"),
    );
    // HTML, XML and JSON templates keep minijinja's own escaping; everything
    // else is Markdown.
    env.set_auto_escape_callback(|name| match minijinja::default_auto_escape_callback(name) {
        AutoEscape::None => AutoEscape::Custom(MARKDOWN.into()),
        other => other,
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == MARKDOWN)
            && !value.is_safe()
        {
            let text = plain(value)?;
            return out.write_str(&escape_inline(&text)).map_err(|_| {
                minijinja::Error::new(ErrorKind::WriteFailure, "cannot write the report")
            });
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_function(each::NAME, each::each);
    env.add_filter("md", |v: &Value| filter(v, escape_inline));
    env.add_filter("cell", |v: &Value| filter(v, escape_cell));
    env.add_filter("code", |v: &Value| filter(v, escape_code));
    env.add_filter("url", |v: &Value| filter(v, escape_url));
    env.add_filter("quote", |v: &Value, prefix: Option<String>| {
        let prefix = prefix.unwrap_or_else(|| "> ".into());
        filter(v, |s| escape_quote(s, &prefix))
    });
    env.set_loader(move |name| {
        let plain_name = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']);
        if !plain_name {
            return Ok(None);
        }
        if let Some(dir) = &templates_dir {
            match workspace::read_to_string(&dir.join(name)) {
                Ok(text) => {
                    return Ok(Some(match text.strip_prefix('\u{feff}') {
                        Some(rest) => rest.to_string(),
                        None => text,
                    }));
                }
                Err(Error::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(minijinja::Error::new(
                        ErrorKind::InvalidOperation,
                        e.to_string(),
                    ));
                }
            }
        }
        Ok(builtin(name).map(str::to_string))
    });
    env
}

/// The text of a value for escaping: none prints as nothing, undefined is an
/// error (strict mode does not reach into filters by itself).
pub(super) fn plain(value: &Value) -> std::result::Result<String, minijinja::Error> {
    if value.is_undefined() {
        return Err(minijinja::Error::new(
            ErrorKind::UndefinedError,
            "a filter was given an undefined value",
        ));
    }
    if value.is_none() {
        return Ok(String::new());
    }
    Ok(value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string))
}

pub(super) fn filter(
    value: &Value,
    escape: impl Fn(&str) -> String,
) -> std::result::Result<Value, minijinja::Error> {
    Ok(Value::from_safe_string(escape(&plain(value)?)))
}

/// A minijinja error as ours: the template it happened in (an included one,
/// if that is where), the line, and what went wrong.
pub(super) fn template_error(main: &str, err: &minijinja::Error) -> Error {
    let mut inner = err;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(c) = cause {
        if let Some(e) = c.downcast_ref::<minijinja::Error>()
            && e.name().is_some()
        {
            inner = e;
        }
        cause = c.source();
    }
    let name = inner.name().unwrap_or(main).to_string();
    let what = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    let mut message = match inner.line() {
        Some(line) => format!("line {line}: {what}"),
        None => what,
    };
    if let (Some(source), Some(line)) = (inner.template_source(), inner.line())
        && let Some(text) = source.lines().nth(line - 1)
    {
        message.push_str(&format!("\n  {line} | {}", text.trim_end()));
    }
    if inner.kind() == ErrorKind::UndefinedError {
        message.push_str(
            "\n  (templates/README.md lists every variable and field a template can use)",
        );
    }
    Error::Template { name, message }
}
