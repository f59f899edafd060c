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
