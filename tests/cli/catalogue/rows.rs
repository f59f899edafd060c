//! The catalogue's rows, grouped by what they break.

use super::*;

pub(super) const ROWS: &[Row] = &[
    // ---- claim records
    row(
        "claim alias bomb, list",
        |ws, b| {
            edit_claim(ws, b, |t| {
                t.replace("kind: other", "kind: &k other\nspeaker: *k")
            })
        },
        &["claim", "list"],
        2,
        "anchors (`&name`) are not allowed",
    ),
    row(
        "claim alias bomb, check",
        |ws, b| {
            edit_claim(ws, b, |t| {
                t.replace("kind: other", "kind: &k other\nspeaker: *k")
            })
        },
        &["check"],
        1,
        "YAML anchors",
    ),
    row(
        "claim alias only, show",
        |ws, b| edit_claim(ws, b, |t| t + "speaker: *nowhere\n"),
        &["claim", "show", "{claim}"],
        2,
        "aliases (`*name`) are not allowed",
    ),
    row(
        "claim alias, mark",
        |ws, b| edit_claim(ws, b, |t| t + "speaker: *nowhere\n"),
        &["mark", "{claim}", "disputed", "--note", "n"],
        2,
        "aliases (`*name`)",
    ),
    row(
        "claim conflict markers, list",
        |ws, b| {
            edit_claim(ws, b, |t| {
                t.replace(
                    "kind: other\n",
                    "<<<<<<< HEAD\nkind: date\n=======\nkind: event\n>>>>>>> b\n",
                )
            })
        },
        &["claim", "list"],
        2,
        "unresolved merge conflict markers at line",
    ),
    row(
        "claim conflict markers, report",
        |ws, b| {
            edit_claim(ws, b, |t| {
                t.replace(
                    "kind: other\n",
                    "<<<<<<< HEAD\nkind: date\n=======\nkind: event\n>>>>>>> b\n",
                )
            })
        },
        &["report"],
        2,
        "unresolved merge conflict markers at line",
    ),
    row(
        "claim unknown field",
        |ws, b| edit_claim(ws, b, |t| t.replace("status:", "staus: x\nstatus:")),
        &["claim", "list"],
        2,
        "unknown field `staus`",
    ),
    row(
        "claim holds another id",
        |ws, b| {
            edit_claim(ws, b, |t| {
                t.replacen(&format!("id: {}", b.claim), "id: cffffff", 1)
            })
        },
        &["claim", "show", "{claim}"],
        2,
        "the file holds claim `cffffff`",
    ),
    row(
        "claim bad status",
        |ws, b| edit_claim(ws, b, |t| t.replace("status: unverified", "status: done")),
        &["claim", "list"],
        2,
        "unknown variant `done`",
    ),
    row(
        "claim not UTF-8",
        |ws, b| std::fs::write(ws.join(&claim_file(ws, b)), b"id: c\xff\n").unwrap(),
        &["claim", "list"],
        2,
        "valid UTF-8",
    ),
    row(
        "claim empty file",
        |ws, b| ws.write(&claim_file(ws, b), ""),
        &["claim", "list"],
        2,
        "line 1 column 1: missing field `id`",
    ),
    row(
        "claim time out of range",
        |ws, b| {
            edit_claim(ws, b, |t| {
                t.replace(
                    "at: \"2026-11-28T10:00:00Z\"",
                    "at: \"-001-01-01T00:00:00Z\"",
                )
            })
        },
        &["claim", "list"],
        2,
        "is not an RFC 3339 time",
    ),
    row(
        "claim with a field twice",
        |ws, b| edit_claim(ws, b, |t| t + "tags: {a: 1}\n"),
        &["claim", "list"],
        2,
        "duplicate field `tags`",
    ),
    row(
        "claim deeply nested",
        |ws, b| edit_claim(ws, b, |t| t + "speaker: " + &"[".repeat(5000) + "\n"),
        &["claim", "list"],
        2,
        "nested more than 64 levels deep",
    ),
    row(
        "claim is a symlink, list",
        |ws, _| symlink(&secret(), ws, "claims/c0ffee0.yaml"),
        &["claim", "list"],
        2,
        "is a symlink",
    ),
    row(
        "claim is a symlink, check",
        |ws, _| symlink(&secret(), ws, "claims/c0ffee0.yaml"),
        &["check"],
        1,
        "is a symlink",
    ),
    row(
        "claim is a symlink, report",
        |ws, _| symlink(&secret(), ws, "claims/c0ffee0.yaml"),
        &["report"],
        2,
        "is a symlink",
    ),
    row(
        "claims folder is a symlink",
        |ws, _| folder_symlink(ws, "claims"),
        &["claim", "list"],
        2,
        "`claims/` is a symlink",
    ),
    row(
        "claims temp file left over",
        |ws, _| ws.write("claims/.tmp-x1y2z3", "id: c"),
        &["check"],
        1,
        "claims/.tmp-x1y2z3: a leftover temporary file",
    ),
    row(
        "claim file name not an id",
        |ws, _| ws.write("claims/Bad Name.yaml", "id: x\n"),
        &["check"],
        1,
        "is not a valid claim id",
    ),
    row(
        "claim cites a missing source",
        |ws, b| edit_claim(ws, b, |t| t.replace(&ARTICLE_ID[7..], &"ab".repeat(32))),
        &["check"],
        1,
        "is not in `sources/`",
    ),
    row(
        "claim quote tampered",
        |ws, b| edit_claim(ws, b, |t| t.replace(NINE_DAYS, "不在文章里的话")),
        &["check"],
        1,
        "the quote no longer occurs",
    ),
    row(
        "claim with a BOM and an unknown field",
        |ws, b| edit_claim(ws, b, |t| format!("\u{feff}{t}bogus: 1\n")),
        &["claim", "list"],
        2,
        "unknown field `bogus`",
    ),
    // ---- snapshots
    row(
        "snapshot bytes tampered",
        |ws, _| edit(ws, &article_bytes(), |t| t.replacen("OpenAI", "OpenA1", 1)),
        &["check", "--full"],
        1,
        "snapshot bytes changed",
    ),
    row(
        "snapshot record hash mismatch",
        |ws, _| {
            edit(ws, &article_record(), |t| {
                t.replacen("sha256: \"2", "sha256: \"3", 1)
            })
        },
        &["check"],
        1,
        "does not match the file name",
    ),
    row(
        "snapshot record file escapes",
        |ws, _| {
            edit(ws, &article_record(), |t| {
                t.replacen(
                    &format!("file: \"{}.md\"", &ARTICLE_ID[7..]),
                    "file: ../../../etc/passwd",
                    1,
                )
            })
        },
        &["check"],
        1,
        "does not name this snapshot's bytes",
    ),
    row(
        "snapshot is a symlink",
        |ws, _| symlink(&secret(), ws, &format!("sources/{}.txt", "cd".repeat(32))),
        &["check"],
        1,
        "a symlink; snapshots must be plain files",
    ),
    row(
        "sources folder is a symlink",
        |ws, _| folder_symlink(ws, "sources"),
        &["check"],
        2,
        "`sources/` is a symlink",
    ),
    row(
        "sources temp file left over",
        |ws, _| ws.write("sources/.tmp-a1b2c3", "half"),
        &["check"],
        1,
        "a leftover temporary file",
    ),
    row(
        "snapshot record alias",
        |ws, _| edit(ws, &article_record(), |t| t + "note: *n\n"),
        &["source", "list"],
        2,
        "aliases (`*name`)",
    ),
    row(
        "snapshot record conflict markers",
        |ws, _| {
            edit(ws, &article_record(), |t| {
                format!("<<<<<<< ours\n{t}>>>>>>> theirs\n")
            })
        },
        &["source", "show", "275e20"],
        2,
        "unresolved merge conflict markers at line 1",
    ),
    row(
        "snapshot bytes missing",
        |ws, _| std::fs::remove_file(ws.join(&article_bytes())).unwrap(),
        &["check"],
        1,
        "are missing",
    ),
    row(
        "snapshot record unknown field",
        |ws, _| edit(ws, &article_record(), |t| t + "colour: red\n"),
        &["source", "list"],
        2,
        "unknown field `colour`",
    ),
    row(
        "snapshot record is a symlink",
        |ws, _| {
            std::fs::remove_file(ws.join(&article_record())).unwrap();
            symlink(&secret(), ws, &article_record())
        },
        &["check"],
        1,
        "a symlink; snapshots must be plain files",
    ),
    // ---- settings
    row(
        "settings unknown key",
        |ws, _| edit(ws, "factcheck.yaml", |t| t + "colour: red\n"),
        &["claim", "list"],
        2,
        "unknown field `colour`",
    ),
    row(
        "settings alias",
        |ws, _| edit(ws, "factcheck.yaml", |t| t + "title: &t x\npublisher: *t\n"),
        &["claim", "list"],
        2,
        "anchors (`&name`)",
    ),
    row(
        "settings conflict markers",
        |ws, _| {
            edit(ws, "factcheck.yaml", |t| {
                format!("<<<<<<< a\n{t}=======\n>>>>>>> b\n")
            })
        },
        &["check"],
        2,
        "unresolved merge conflict markers",
    ),
    row(
        "settings article missing, claim add",
        |ws, _| {
            ws.write(
                "factcheck.yaml",
                &format!("article: sha256:{}\n", "ab".repeat(32)),
            )
        },
        &["claim", "add", "--text", "t", "--quote", "q"],
        2,
        "in factcheck.yaml names a snapshot that is not in sources/",
    ),
    row(
        "settings article missing, extract",
        |ws, _| {
            ws.write(
                "factcheck.yaml",
                &format!("article: sha256:{}\n", "ab".repeat(32)),
            )
        },
        &["extract"],
        2,
        "in factcheck.yaml names a snapshot that is not in sources/",
    ),
    row(
        "settings language unknown",
        |ws, _| edit(ws, "factcheck.yaml", |t| t + "language: fr\n"),
        &["report"],
        2,
        "unknown variant `fr`",
    ),
    row(
        "settings is a symlink",
        |ws, _| {
            std::fs::remove_file(ws.join("factcheck.yaml")).unwrap();
            symlink(&secret(), ws, "factcheck.yaml")
        },
        &["claim", "list"],
        2,
        "is a symlink",
    ),
    row(
        "settings review not a mapping",
        |ws, _| edit(ws, "factcheck.yaml", |t| t + "review: yes\n"),
        &["claim", "list"],
        2,
        "invalid type",
    ),
    // ---- templates
    row(
        "template nested loops",
        |ws, _| {
            template(
                ws,
                "loops",
                "{% for a in range(10000) %}{% for b in range(10000) %}{{ b }}{% endfor %}{% endfor %}",
            )
        },
        &["report", "--template", "loops"],
        2,
        "template `templates/loops.md.j2`: stopped after",
    ),
    row(
        "template doubling string",
        |ws, _| {
            template(
                ws,
                "grow",
                "{% set ns = namespace(s='0123456789abcdef') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
            )
        },
        &["report", "--template", "grow"],
        2,
        "template `templates/grow.md.j2`: stopped after",
    ),
    row(
        "template recursion",
        |ws, _| {
            template(
                ws,
                "rec",
                "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
            )
        },
        &["report", "--template", "rec"],
        2,
        "template `templates/rec.md.j2`",
    ),
    row(
        "template is a symlink",
        |ws, _| symlink(&secret(), ws, "templates/evil.md.j2"),
        &["report", "--template", "evil"],
        2,
        "is a symlink",
    ),
    row(
        "template includes a symlink",
        |ws, _| {
            symlink(&secret(), ws, "templates/evil.md.j2");
            template(ws, "inc", "{% include 'evil.md.j2' %}")
        },
        &["report", "--template", "inc"],
        2,
        "is a symlink",
    ),
    row(
        "templates folder is a symlink",
        |ws, _| folder_symlink(ws, "templates"),
        &["report"],
        2,
        "`templates/` is a symlink",
    ),
    row(
        "template syntax error",
        |ws, _| template(ws, "bad", "{% for %}"),
        &["report", "--template", "bad"],
        2,
        "template `templates/bad.md.j2`: line 1: syntax error",
    ),
    row(
        "template undefined variable",
        |ws, _| template(ws, "undef", "{{ nothing.here }}"),
        &["report", "--template", "undef"],
        2,
        "undefined",
    ),
    row(
        "template include outside",
        |ws, _| template(ws, "up", "{% include '../factcheck.yaml' %}"),
        &["report", "--template", "up"],
        2,
        "template not found",
    ),
    row(
        "template name with a dot",
        |_, _| {},
        &["report", "--template", "a.b"],
        2,
        "is not a template name",
    ),
    // ---- command-line values
    row(
        "--text with ESC",
        nothing,
        &["claim", "add", "--text", "a\u{1b}[2Jb"],
        2,
        "`--text` holds an escape character (ESC) at character 2",
    ),
    row(
        "--speaker with a line break",
        nothing,
        &["claim", "add", "--text", "t", "--speaker", "a\nb"],
        2,
        "`--speaker` holds a line break",
    ),
    row(
        "--text empty",
        nothing,
        &["claim", "add", "--text", "  "],
        2,
        "`--text` is empty",
    ),
    row(
        "--tag with BEL",
        nothing,
        &["claim", "add", "--text", "t", "--tag", "a\u{7}"],
        2,
        "`--tag` holds a bell (BEL)",
    ),
    row(
        "--quote with CR",
        nothing,
        &["claim", "add", "--text", "t", "--quote", "q\r"],
        2,
        "`--quote` holds a carriage return (CR)",
    ),
    row(
        "--speaker= with OSC",
        nothing,
        &["claim", "add", "--text", "t", "--speaker=\u{1b}]0;x\u{7}"],
        2,
        "`--speaker` holds an escape character",
    ),
    row(
        "--by with ESC",
        nothing,
        &["--by", "a\u{1b}", "claim", "add", "--text", "t"],
        2,
        "`--by` holds an escape character",
    ),
    row(
        "--by with a zero-width space",
        nothing,
        &["--by", "alice\u{200b}", "claim", "add", "--text", "t"],
        2,
        "`--by` holds the invisible character U+200B",
    ),
    row(
        "--note with ESC",
        nothing,
        &["mark", "{claim}", "disputed", "--note", "\u{1b}[8m"],
        2,
        "`--note` holds an escape character",
    ),
    row(
        "--rating with a line break",
        nothing,
        &[
            "mark", "{claim}", "disputed", "--note", "n", "--rating", "a\nb",
        ],
        2,
        "`--rating` holds a line break",
    ),
    row(
        "--excerpt with NUL-like control",
        nothing,
        &[
            "evidence",
            "add",
            "{claim}",
            "{ev}",
            "--stance",
            "supports",
            "--excerpt",
            "only\u{8}9",
        ],
        2,
        "`--excerpt` holds the invisible character U+0008",
    ),
    row(
        "positional argument with ESC",
        nothing,
        &["claim", "show", "c\u{1b}"],
        2,
        "an argument holds an escape character",
    ),
    row(
        "--id with a slash",
        nothing,
        &["claim", "add", "--text", "t", "--id", "../x"],
        2,
        "../x",
    ),
    row(
        "--id upper case",
        nothing,
        &["claim", "add", "--text", "t", "--id", "Upper"],
        2,
        "Upper",
    ),
    row(
        "duplicate under a custom id",
        nothing,
        &[
            "claim", "add", "--text", "again", "--quote", NINE_DAYS, "--id", "mine",
        ],
        1,
        "this claim already exists as `{claim}`",
    ),
    row(
        "duplicate unanchored text under a custom id",
        |ws, _| {
            ws.run(&["claim", "add", "--text", "same words", "--id", "first"])
                .success();
        },
        &["claim", "add", "--text", "same words", "--id", "second"],
        1,
        "this claim already exists as `first`",
    ),
    row(
        "--id beginning an existing id",
        |ws, _| {
            ws.run(&["claim", "add", "--text", "t", "--id", "slug-long"])
                .success();
        },
        &["claim", "add", "--text", "u", "--id", "slug"],
        2,
        "the existing claim `slug-long` would be prefixes of each other",
    ),
    row(
        "--id shaped like a derived id",
        nothing,
        &["claim", "add", "--text", "t", "--id", "cabcdef"],
        2,
        "looks like an id the tool derives",
    ),
    row(
        "quote not in the article",
        nothing,
        &["claim", "add", "--text", "t", "--quote", "这句话不在文章里"],
        1,
        "the quote does not occur",
    ),
    row(
        "--media-type with ..",
        |ws, _| ws.write("a.txt", "x"),
        &["source", "add", "a.txt", "--media-type", "text/../../x"],
        2,
        "is not a media type",
    ),
    row(
        "--media-type without a subtype",
        |ws, _| ws.write("a.txt", "x"),
        &["source", "add", "a.txt", "--media-type", "text"],
        2,
        "is not a media type",
    ),
    row(
        "source add --charset a browser refuses",
        |ws, _| ws.write("a.txt", "~{<:Ky2;S;~}"),
        &["source", "add", "a.txt", "--charset", "hz-gb-2312"],
        2,
        "`hz-gb-2312` is a charset browsers refuse to decode",
    ),
    row(
        "a record whose charset browsers refuse",
        |ws, b| {
            let rel = format!("sources/{}.yaml", b.ev.trim_start_matches("sha256:"));
            edit(ws, &rel, |t| format!("{t}charset: iso-2022-kr\n"));
        },
        &[
            "claim",
            "add",
            "--text",
            "t",
            "--quote",
            "only 9 days",
            "--in",
            "{ev}",
        ],
        2,
        "`iso-2022-kr` is a charset browsers refuse to decode",
    ),
    row(
        "source add of a folder",
        nothing,
        &["source", "add", "claims"],
        2,
        "is not a file",
    ),
    row(
        "source add of a missing file",
        nothing,
        &["source", "add", "nope.txt"],
        2,
        "nope.txt",
    ),
    row(
        "report --out into sources/",
        nothing,
        &["report", "--out", "sources/x.md"],
        2,
        "would write into `sources/`",
    ),
    row(
        "report --out onto a claim",
        nothing,
        &["report", "--out", "claims/{claim}.yaml"],
        2,
        "would write into `claims/`",
    ),
    row(
        "report --out onto the settings",
        nothing,
        &["report", "--out", "factcheck.yaml"],
        2,
        "would write into `factcheck.yaml`",
    ),
    row(
        "report --out onto the lock",
        nothing,
        &["report", "--out", ".factcheck/lock"],
        2,
        "would write into `.factcheck/`",
    ),
    row(
        "report --out through ..",
        nothing,
        &["report", "--out", "templates/../claims/x.yaml"],
        2,
        "would write into `claims/`",
    ),
    row(
        "export --out onto the settings",
        nothing,
        &["export", "claimreview", "--out", "factcheck.yaml"],
        2,
        "would write into `factcheck.yaml`",
    ),
    row(
        "export annotations --out into claims/",
        nothing,
        &["export", "annotations", "--out", "claims/x.json"],
        2,
        "would write into `claims/`",
    ),
    row(
        "report --out into a missing folder",
        nothing,
        &["report", "--out", "missing/r.md"],
        2,
        "does not exist",
    ),
    row(
        "mark verified without evidence",
        nothing,
        &["mark", "{claim}", "verified"],
        1,
        "cannot mark claim",
    ),
    row(
        "mark unverifiable without a note",
        nothing,
        &["mark", "{claim}", "unverifiable"],
        1,
        "cannot mark claim",
    ),
    row(
        "sign by the same reviewer in other case",
        second_reviewer,
        &["--by", "TESTER", "sign", "{claim}"],
        1,
        "a sign-off must come from another reviewer",
    ),
    row(
        "sign by the same reviewer with spaces",
        second_reviewer,
        &["--by", "  Tester ", "sign", "{claim}"],
        1,
        "a sign-off must come from another reviewer",
    ),
    row(
        "show a claim that is not there",
        nothing,
        &["claim", "show", "cdeadbe"],
        2,
        "no claim `cdeadbe`",
    ),
    row(
        "extract on a binary article",
        |ws, _| {
            ws.write("a.pdf", "%PDF-1.7\u{0}");
            ws.run(&["source", "add", "a.pdf", "--article"]).success();
        },
        &["extract"],
        1,
        "has no text to extract claims from",
    ),
    // ---- environment
    env_row(
        "FACTCHECK_NOW before 1970",
        &[("FACTCHECK_NOW", "0001-01-01T00:00:00Z")],
        &["claim", "add", "--text", "t"],
        2,
        "outside the times a record can hold",
    ),
    env_row(
        "FACTCHECK_NOW negative year",
        &[("FACTCHECK_NOW", "-000001-01-01T00:00:00Z")],
        &["claim", "add", "--text", "t"],
        2,
        "outside the times a record can hold",
    ),
    env_row(
        "FACTCHECK_NOW not a time",
        &[("FACTCHECK_NOW", "yesterday")],
        &["claim", "add", "--text", "t"],
        2,
        "FACTCHECK_NOW: `yesterday` is not an RFC 3339 time",
    ),
    env_row(
        "FACTCHECK_NOW out of range for a report",
        &[("FACTCHECK_NOW", "0001-01-01T00:00:00Z")],
        &["report"],
        2,
        "outside the times a record can hold",
    ),
    env_row(
        "FACTCHECK_REVIEWER with ESC",
        &[("FACTCHECK_REVIEWER", "a\u{1b}[1m")],
        &["claim", "add", "--text", "t"],
        2,
        "FACTCHECK_REVIEWER holds an escape character",
    ),
    env_row(
        "FACTCHECK_REVIEWER with a joiner",
        &[("FACTCHECK_REVIEWER", "ali\u{2060}ce")],
        &["claim", "add", "--text", "t"],
        2,
        "FACTCHECK_REVIEWER holds the invisible character U+2060",
    ),
    env_row(
        "FACTCHECK_LOCK_TIMEOUT not a number",
        &[("FACTCHECK_LOCK_TIMEOUT", "soon")],
        &["claim", "add", "--text", "t"],
        2,
        "FACTCHECK_LOCK_TIMEOUT is `soon`, not a whole number of seconds",
    ),
];
