//! `each(macro, items)` in templates: the per-claim part rendered on every
//! core gives the text a plain loop gives, in order, in any template.

use crate::support::*;

const MACRO: &str =
    "{% macro line(c) %}\n- {{ c.number }}. {{ c.text|md }} ({{ c.id }})\n{% endmacro %}\n";

/// A workspace with claims at several places in the article.
fn workspace() -> Ws {
    let ws = Ws::with_article();
    for (text, quote) in [
        ("Nine days | of testing", NINE_DAYS),
        ("Another claim *here*", "OpenAI"),
        ("A third one", "Altman"),
    ] {
        ws.run(&[
            "claim",
            "add",
            "--text",
            text,
            "--quote",
            quote,
            "--occurrence",
            "1",
        ]);
    }
    ws.run(&["claim", "add", "--text", "Unanchored"]).success();
    ws
}

fn render(ws: &Ws, name: &str, body: &str) -> Run {
    ws.write(
        &format!("templates/{name}.md.j2"),
        &format!("{MACRO}{body}"),
    );
    ws.run(&["report", "--template", name])
}

#[test]
fn each_renders_what_a_loop_renders_in_article_order() {
    let ws = workspace();
    let looped = render(
        &ws,
        "looped",
        "{% for c in claims %}{{ line(c) }}{% endfor %}end\n",
    )
    .success()
    .stdout;
    let each = render(&ws, "each", "{{ each(\"line\", claims) }}end\n")
        .success()
        .stdout;
    assert_eq!(each, looped);
    assert!(looped.lines().count() >= 4, "{looped}");
    assert!(looped.contains("Nine days \\| of testing"), "{looped}");
    // Twice in one template, and over another list.
    let twice = render(
        &ws,
        "twice",
        "{{ each(\"line\", claims) }}--\n{{ each(\"line\", claims|reverse) }}end\n",
    )
    .success()
    .stdout;
    let reversed: Vec<&str> = looped
        .lines()
        .filter(|l| l.starts_with("- "))
        .rev()
        .collect();
    assert_eq!(
        twice,
        format!(
            "{}--\n{}\nend\n",
            looped.strip_suffix("end\n").unwrap(),
            reversed.join("\n")
        )
    );
}

#[test]
fn a_filtered_each_still_gives_the_plain_text() {
    let ws = workspace();
    let looped = render(
        &ws,
        "looped",
        "{% for c in claims %}{{ line(c) }}{% endfor %}",
    )
    .success()
    .stdout;
    let upper = render(&ws, "upper", "{{ each(\"line\", claims)|upper }}")
        .success()
        .stdout;
    assert_eq!(upper, looped.to_uppercase());
}

#[test]
fn each_over_something_not_a_list_names_the_template_and_line() {
    let ws = workspace();
    let out = render(&ws, "bad", "{{ each(\"line\", 3) }}\n").code(2);
    assert!(out.stderr.contains("templates/bad.md.j2"), "{}", out.stderr);
    assert!(out.stderr.contains("needs a list"), "{}", out.stderr);
    let out = render(&ws, "nomacro", "{{ each(\"nope\", claims) }}\n").code(2);
    assert!(
        out.stderr.contains("templates/nomacro.md.j2"),
        "{}",
        out.stderr
    );
}

/// The parallel render's workers look the macro up on their own threads:
/// a misspelt name said "unknown function: macro not found", with no line
/// and no name.
#[test]
fn each_with_an_unknown_macro_names_it_and_the_line() {
    let ws = workspace();
    let out = render(&ws, "misspelt", "\n\n{{ each(\"lines\", claims) }}\n").code(2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(
            "line 6: unknown function: each(\"lines\", …): the template defines no macro `lines`"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("  6 | {{ each(\"lines\", claims) }}"),
        "{}",
        out.stderr
    );
}

#[test]
fn each_over_many_batches_gives_the_items_in_order() {
    // Far more items than one batch per core: the writer takes every
    // worker's batches in turn.
    let ws = workspace();
    let body = "{% macro n(i) %}{{ i }}\n{% endmacro %}";
    ws.write(
        "templates/looped.md.j2",
        &format!("{body}head\n{{% for i in range(1000) %}}{{{{ n(i) }}}}{{% endfor %}}mid\n{{% for i in range(7) %}}{{{{ n(i) }}}}{{% endfor %}}tail\n"),
    );
    ws.write(
        "templates/each.md.j2",
        &format!("{body}head\n{{{{ each(\"n\", range(1000)) }}}}mid\n{{{{ each(\"n\", range(7)) }}}}tail\n"),
    );
    let looped = ws.run(&["report", "--template", "looped"]).success().stdout;
    let each = ws.run(&["report", "--template", "each"]).success().stdout;
    assert_eq!(each, looped);
    let numbers: Vec<&str> = each.lines().skip(1).take(1000).collect();
    let expected: Vec<String> = (0..1000).map(|i| i.to_string()).collect();
    assert_eq!(numbers, expected);
    // Written to a file, the same text.
    ws.run(&["report", "--template", "each", "--out", "out.md"])
        .success();
    assert_eq!(ws.read("out.md"), looped);
}

#[test]
fn a_long_report_streams_and_a_closed_pipe_ends_it_quietly() {
    // About 9 MB, more than is held back before the text streams.
    let ws = workspace();
    ws.write(
        "templates/long.md.j2",
        "{% macro n(i) %}line {{ i }} of a long report that a reader stops reading\n{% endmacro %}{{ each(\"n\", range(100000)) }}{{ each(\"n\", range(60000)) }}",
    );
    let full = ws.run(&["report", "--template", "long"]).success().stdout;
    assert!(full.len() > 8 << 20, "{}", full.len());
    assert!(full.starts_with("line 0 of"), "{}", &full[..40]);
    let run = ws
        .cmd(&["report", "--template", "long"])
        .spawn()
        .read_then_close(1 << 16);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, full[..1 << 16]);
}

#[test]
fn a_template_error_after_some_text_prints_only_the_error() {
    let ws = workspace();
    let out = render(
        &ws,
        "late",
        "{{ each(\"line\", claims) }}some text\n{{ nosuch }}\n",
    )
    .code(2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("templates/late.md.j2"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nosuch"), "{}", out.stderr);
}

#[test]
fn each_on_one_thread_gives_the_same_text() {
    let ws = workspace();
    let body = "{% macro n(i) %}{{ i }}\n{% endmacro %}{{ each(\"n\", range(300)) }}{{ each(\"line\", claims) }}end\n";
    ws.write("templates/each.md.j2", &format!("{MACRO}{body}"));
    let parallel = ws.run(&["report", "--template", "each"]).success().stdout;
    let one = ws
        .run_with(
            &["report", "--template", "each"],
            &[("RAYON_NUM_THREADS", "1")],
        )
        .success()
        .stdout;
    assert_eq!(one, parallel);
    assert!(one.starts_with("0\n1\n2\n"), "{one}");
}
