//! The terminal: whether output is coloured, and progress bars on long work.
//!
//! Both are for a person watching. Colour follows `--color` (`auto` by
//! default: only on a terminal, and never when `NO_COLOR` is set or
//! `TERM=dumb`); progress bars appear only when stderr is a terminal and
//! `CI` is unset, and only for work long enough to be worth one, so pipes,
//! files, CI logs and the tests see exactly the output they always saw.

use std::io::{IsTerminal, Read};
use std::sync::OnceLock;
use std::time::Duration;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use crate::workspace::hash::Progress;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set or `TERM=dumb`
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: OnceLock<ColorChoice> = OnceLock::new();

/// Records the choice for the rest of the run (the first call wins).
pub fn set_color(choice: ColorChoice) {
    let _ = COLOR.set(choice);
}

/// The `--color` given on a command line, read before clap parses it, so
/// clap's own help and errors follow it too; `auto` when absent or unknown.
pub fn color_from_args(args: &[std::ffi::OsString]) -> ColorChoice {
    let mut value = None;
    let mut next_is_value = false;
    for arg in args.iter().skip(1) {
        let Some(arg) = arg.to_str() else { continue };
        if next_is_value {
            value = Some(arg.to_string());
            next_is_value = false;
        } else if arg == "--" {
            break;
        } else if arg == "--color" {
            next_is_value = true;
        } else if let Some(v) = arg.strip_prefix("--color=") {
            value = Some(v.to_string());
        }
    }
    value
        .and_then(|v| ColorChoice::from_str(&v, false).ok())
        .unwrap_or_default()
}

/// Whether `choice` means colour, given the environment and whether the
/// stream is a terminal.
fn wants_color(choice: ColorChoice, terminal: bool, env: impl Fn(&str) -> Option<String>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && env("NO_COLOR").is_none_or(|v| v.is_empty())
                && env("TERM").as_deref() != Some("dumb")
        }
    }
}

/// Whether what goes to stderr is coloured.
pub fn stderr_color() -> bool {
    wants_color(
        COLOR.get().copied().unwrap_or_default(),
        std::io::stderr().is_terminal(),
        |k| std::env::var(k).ok(),
    )
}

/// The `error:`-style label of a message on stderr, in bold `sgr` colour
/// when stderr is coloured.
pub fn label(text: &str, sgr: &str) -> String {
    if stderr_color() {
        format!("\x1b[1;{sgr}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Red, for `error:`.
pub const RED: &str = "31";
/// Yellow, for `hint:` and warnings.
pub const YELLOW: &str = "33";

/// About one second's worth of hashing on one core: less is over before a
/// bar would be seen.
pub const ONE_SECOND_OF_BYTES: u64 = 1 << 30;

/// Whether a progress bar may be drawn at all.
fn watched() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// A progress bar over bytes, drawn only once [`Progress::start`] announces
/// at least `min` bytes and someone is watching; cleared when dropped.
pub struct Bytes {
    message: &'static str,
    min: u64,
    bar: OnceLock<ProgressBar>,
}

impl Bytes {
    pub fn new(message: &'static str, min: u64) -> Bytes {
        Bytes {
            message,
            min,
            bar: OnceLock::new(),
        }
    }

    /// Wraps `reader`, advancing this bar as its bytes are read.
    pub fn reader<R: Read>(&self, reader: R) -> Reading<'_, R> {
        Reading {
            inner: reader,
            progress: self,
        }
    }
}

impl Progress for Bytes {
    fn start(&self, total: u64) {
        if total < self.min || !watched() {
            return;
        }
        let style = ProgressStyle::with_template(
            "{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {eta}",
        )
        .expect("the template is valid");
        let bar = ProgressBar::new(total)
            .with_style(style)
            .with_message(self.message);
        let _ = self.bar.set(bar);
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = self.bar.get() {
            bar.inc(n);
        }
    }
}

impl Drop for Bytes {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

/// A reader that tells a [`Bytes`] bar how much it has read.
pub struct Reading<'a, R> {
    inner: R,
    progress: &'a Bytes,
}

impl<R: Read> Read for Reading<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}

/// A bar over a count of steps (pages, files), drawn only when someone is
/// watching and there are at least `min`; cleared when dropped.
pub struct Steps(Option<ProgressBar>);

impl Steps {
    pub fn start(message: &'static str, total: u64, min: u64) -> Steps {
        if total < min || !watched() {
            return Steps(None);
        }
        let style = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} {eta}")
            .expect("the template is valid");
        Steps(Some(
            ProgressBar::new(total)
                .with_style(style)
                .with_message(message),
        ))
    }

    pub fn advance(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
}

impl Drop for Steps {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A spinner for work whose steps cannot be counted from outside; cleared
/// when dropped.
pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    /// Shows a spinner with the message `message` gives, when someone is
    /// watching and it gives one (`None`: too little work to be worth it).
    /// `message` is not called at all otherwise, so sizing the work costs
    /// nothing in a pipe.
    pub fn start(message: impl FnOnce() -> Option<String>) -> Spinner {
        let Some(message) = watched().then(message).flatten() else {
            return Spinner(None);
        };
        let bar = ProgressBar::new_spinner().with_message(message);
        bar.enable_steady_tick(Duration::from_millis(100));
        Spinner(Some(bar))
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<std::ffi::OsString> {
        list.iter().map(Into::into).collect()
    }

    #[test]
    fn color_is_read_from_the_command_line_before_parsing() {
        let c = |l: &[&str]| color_from_args(&args(l));
        assert_eq!(c(&["factcheck", "check"]), ColorChoice::Auto);
        assert_eq!(
            c(&["factcheck", "--color", "never", "check"]),
            ColorChoice::Never
        );
        assert_eq!(
            c(&["factcheck", "check", "--color=always"]),
            ColorChoice::Always
        );
        assert_eq!(c(&["factcheck", "--color", "pink"]), ColorChoice::Auto);
        assert_eq!(
            c(&["factcheck", "claim", "add", "--", "--color=never"]),
            ColorChoice::Auto
        );
    }

    #[test]
    fn no_color_and_dumb_terminals_turn_auto_colour_off() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(wants_color(ColorChoice::Auto, true, env(&[])));
        assert!(!wants_color(ColorChoice::Auto, false, env(&[])));
        assert!(!wants_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(wants_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "")])
        ));
        assert!(!wants_color(
            ColorChoice::Auto,
            true,
            env(&[("TERM", "dumb")])
        ));
        assert!(!wants_color(ColorChoice::Never, true, env(&[])));
        assert!(wants_color(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
    }
}
