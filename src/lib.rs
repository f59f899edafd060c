//! factcheck: a fact-checking desk's workspace in plain files.
//!
//! Data flows one way: a command opens the [`workspace`], loads records
//! ([`model`]), applies the rules (`rules`, [`anchor`], [`check`]) and either
//! saves records back or renders a [`report`].
//!
//! The public modules are what another program needs to read and write a
//! workspace (records, snapshots, hashing, anchoring, checks, reports,
//! exports, extraction, web captures); the command line itself (`cli`:
//! its commands, `ui`, `term`, `table`) is reached only through [`run`].

pub mod anchor;
pub mod archive;
pub mod check;
pub(crate) mod cli;
pub mod coverage;
pub mod decision;
pub mod error;
pub mod export;
pub mod extract;
pub mod guard;
pub(crate) mod html_bounds;
pub mod model;
mod pages;
pub mod report;
pub mod revise;
pub(crate) mod rules;
pub mod says;
pub mod settings_check;
pub mod text;
pub mod web;
pub mod workspace;

use clap::{CommandFactory, FromArgMatches};

/// Parses the command line, runs it, prints any error, and returns the exit code.
pub fn run() -> i32 {
    pages::small_pages();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Err(err) = guard::arguments(&args[1.min(args.len())..]) {
        print_error(&err, model::Language::En);
        return err.exit_code();
    }
    let color = cli::term::color_from_args(&args);
    cli::term::set_color(color);
    let parsed = cli::commands::Cli::command()
        .color(match color {
            cli::term::ColorChoice::Auto => clap::ColorChoice::Auto,
            cli::term::ColorChoice::Always => clap::ColorChoice::Always,
            cli::term::ColorChoice::Never => clap::ColorChoice::Never,
        })
        .try_get_matches_from(args)
        .and_then(|mut matches| cli::commands::Cli::from_arg_matches_mut(&mut matches));
    let command_line = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    let dir = command_line.global.workspace.clone();
    match cli::commands::run(command_line) {
        Ok(code) => code,
        Err(err) => {
            // The language of the workspace the command ran in, found the
            // way the command finds it; English when there is none.
            let language = workspace::Workspace::find(dir.as_deref())
                .map_or(model::Language::En, |ws| ws.config.language());
            print_error(&err, language);
            err.exit_code()
        }
    }
}

fn print_error(err: &error::Error, language: model::Language) {
    let zh = language == model::Language::Zh;
    let (error, caused_by, hint) = if zh {
        ("错误：", "原因：", "提示：")
    } else {
        ("error: ", "caused by: ", "hint: ")
    };
    // Errors quote records and file names: a terminal must not act on them.
    eprintln!(
        "{}{}",
        cli::term::label(error.trim_end(), cli::term::RED),
        sep(error, guard::terminal(&err.to_string()))
    );
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        eprintln!("{caused_by}{}", guard::terminal(&cause.to_string()));
        source = cause.source();
    }
    if let Some(text) = err.hint(language) {
        eprintln!(
            "{}{}",
            cli::term::label(hint.trim_end(), cli::term::YELLOW),
            sep(hint, guard::terminal(&text))
        );
    }
}

/// What follows a label: after an English one (`error:`) a space, after a
/// Chinese one (`错误：`, whose colon is wide) nothing.
fn sep(label: &str, text: std::borrow::Cow<'_, str>) -> String {
    if label.ends_with(' ') {
        format!(" {text}")
    } else {
        text.into_owned()
    }
}
