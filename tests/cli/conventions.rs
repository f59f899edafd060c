//! What people expect of a command-line tool: completions, a man page,
//! colour that follows `--color` and `NO_COLOR`, nothing drawn into pipes.

use crate::support::*;

#[test]
fn completions_for_every_shell_know_the_commands() {
    let ws = Ws::bare();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = ws.run(&["completions", shell]).success();
        for word in ["factcheck", "claimreview", "extract", "min-score"] {
            assert!(run.stdout.contains(word), "{shell}: no {word}");
        }
    }
    let run = ws.run(&["completions", "tcsh"]).code(2);
    assert!(
        run.stderr.contains("invalid value 'tcsh'"),
        "{}",
        run.render()
    );
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    let run = Ws::bare().run(&["man"]).success();
    assert!(run.stdout.contains(".TH factcheck 1"), "{}", run.stdout);
    for command in [
        "init", "source", "claim", "evidence", "mark", "check", "report", "extract",
    ] {
        assert!(
            run.stdout.contains(&format!("factcheck\\-{command}")),
            "no {command}"
        );
    }
}

#[test]
fn colour_follows_the_color_flag_and_no_color() {
    let ws = Ws::bare();
    let red = "\x1b[1;31merror:";
    // Outside a workspace every command fails the same way.
    let run = ws.run(&["--color", "always", "claim", "list"]).code(2);
    assert!(run.stderr.starts_with(red), "{:?}", run.stderr);
    let run = ws.run(&["claim", "list", "--color=always"]).code(2);
    assert!(run.stderr.starts_with(red), "{:?}", run.stderr);
    // `auto` in a pipe, `never`, and `NO_COLOR` give plain text.
    for run in [
        ws.run(&["claim", "list"]),
        ws.run(&["--color", "never", "claim", "list"]),
        ws.run_with(&["claim", "list"], &[("NO_COLOR", "1")]),
    ] {
        assert!(run.stderr.starts_with("error: "), "{:?}", run.stderr);
        assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    }
    let run = ws.run(&["--color", "pink", "claim", "list"]).code(2);
    assert!(
        run.stderr
            .contains("[possible values: auto, always, never]"),
        "{}",
        run.render()
    );
}

#[test]
fn clap_errors_follow_the_color_flag_too() {
    let ws = Ws::bare();
    let plain = ws.run(&["--color", "never", "nonsense"]).code(2);
    assert!(!plain.stderr.contains('\x1b'), "{:?}", plain.stderr);
    let coloured = ws.run(&["--color", "always", "nonsense"]).code(2);
    assert!(coloured.stderr.contains('\x1b'), "{:?}", coloured.stderr);
}
