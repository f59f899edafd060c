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

/// The SEE ALSO of `factcheck(1)` names a page per subcommand: `man --all`
/// writes every one of them, and `man SUB…` prints one.
#[test]
fn man_all_writes_every_page_the_see_also_names() {
    let ws = Ws::bare();
    let run = ws.run(&["man", "--all", "pages"]).success();
    assert!(run.stderr.contains("manual pages"), "{}", run.render());
    let top = std::fs::read_to_string(ws.join("pages/factcheck.1")).unwrap();
    let see_also = top
        .split(".SH \"SEE ALSO\"")
        .nth(1)
        .expect("a SEE ALSO section");
    let mut named = 0;
    for part in see_also.split("\\fB").skip(1) {
        let name = part.split("\\fR").next().unwrap();
        if name == "git" {
            continue;
        }
        named += 1;
        assert!(
            ws.join(&format!("pages/{name}.1")).is_file(),
            "SEE ALSO names {name}(1), which `man --all` did not write"
        );
    }
    assert!(named >= 10, "{see_also}");
    for page in [
        "factcheck-mark",
        "factcheck-claim-add",
        "factcheck-source-fetch",
    ] {
        assert!(ws.join(&format!("pages/{page}.1")).is_file(), "{page}");
    }
    let one = ws.run(&["man", "claim", "add"]).success();
    assert!(
        one.stdout.contains(".TH factcheck-claim-add 1"),
        "{}",
        one.stdout
    );
    let wrong = ws.run(&["man", "claim", "nope"]).code(2);
    assert!(
        wrong.stderr.contains("has no subcommand `nope`"),
        "{}",
        wrong.render()
    );
}

/// `man factcheck-mark` answers "what does exit 3 mean" and "which variables
/// matter"; the top page has files and examples too.
#[test]
fn man_pages_say_exit_status_environment_files_and_examples() {
    let ws = Ws::bare();
    let mark = ws.run(&["man", "mark"]).success().stdout;
    for needle in [
        ".SH \"EXIT STATUS\"",
        "No other code",
        ".SH \"ENVIRONMENT\"",
        "FACTCHECK_NOW",
        "FACTCHECK_REVIEWER",
        "NO_COLOR",
    ] {
        assert!(mark.contains(needle), "factcheck-mark(1) lacks {needle}");
    }
    let top = ws.run(&["man"]).success().stdout;
    for needle in [
        ".SH \"EXIT STATUS\"",
        ".SH \"ENVIRONMENT\"",
        ".SH \"FILES\"",
        ".SH EXAMPLES",
    ] {
        assert!(top.contains(needle), "factcheck(1) lacks {needle}");
    }
    let help = ws.run(&["--help"]).success().stdout;
    assert!(
        help.contains("Examples:") && help.contains("Exit status:"),
        "{help}"
    );
}
