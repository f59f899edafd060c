//! Review reports: the template context ([`Context`], built from the records
//! in `build`), the minijinja environment (`render`), the labels in the
//! workspace's language, the digest in the header, the Markdown escaping
//! filters, and the annotated article page ([`article`]).
//!
//! A report is a template rendered over one [`Context`], a plain serde
//! structure built from the records and documented field by field in
//! `templates/README.md`, so a newsroom can write its own template without
//! reading Rust. Record text is never trusted to be Markdown: templates run
//! with a Markdown auto-escape mode, and the `md`, `cell`, `quote`, `code` and
//! `url` filters escape a value for the place it lands, so a claim holding
//! `|`, a line break or `<script>` reads as text and never as structure.
//! Everything is sorted before it reaches a template: the same workspace and
//! the same `FACTCHECK_NOW` give a byte-identical report.

pub mod article;
mod build;
mod context;
mod digest;
mod each;
mod escape;
mod labels;
mod lazy;
mod render;

pub use build::{context, front_matter_date, published_date};
pub use context::{
    AnchorInfo, Attention, ClaimInfo, Context, Counts, DecisionInfo, EditedInfo, EvidenceInfo,
    HistoryInfo, OpenWork, Options, PolicyInfo, ProblemInfo, RatingInfo, RevisionInfo, SourceInfo,
    SummaryInfo, WorkspaceInfo,
};
pub use digest::{DigestStart, digest_start};
pub use escape::{escape_cell, escape_code, escape_inline, escape_quote, escape_url};
pub use labels::{STATUS_ORDER, decision_label, kind_label, status_label};
pub use render::{FUEL_BASE, FUEL_PER_RECORD, MAX_OUTPUT, Template, render_to};

/// Built-in templates, compiled in; `init` copies them into a new workspace.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("report.md.j2", include_str!("../../templates/report.md.j2")),
    ("brief.md.j2", include_str!("../../templates/brief.md.j2")),
    (
        "article.html.j2",
        include_str!("../../templates/article.html.j2"),
    ),
    ("README.md", include_str!("../../templates/README.md")),
];

/// The built-in template called `file` (e.g. `report.md.j2`), if there is one.
pub fn builtin(file: &str) -> Option<&'static str> {
    BUILTIN_TEMPLATES
        .iter()
        .find(|(name, _)| *name == file && name.ends_with(".j2"))
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::labels::{LABELS, labels};
    use super::*;
    use crate::model::{Kind, Language, Stance, Status};

    #[test]
    fn inline_text_cannot_start_blocks_or_open_html() {
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("- not a list"), "\\- not a list");
        assert_eq!(escape_inline("+ not a list"), "\\+ not a list");
        assert_eq!(escape_inline("1984. was a year"), "1984\\. was a year");
        assert_eq!(escape_inline("> not a quote"), "&gt; not a quote");
        assert_eq!(
            escape_inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape_inline("a *b* _c_ `d` [e](f)"),
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f)"
        );
        assert_eq!(
            escape_inline("line one\n# line two"),
            "line one \\# line two"
        );
        assert_eq!(escape_inline("a | b"), "a \\| b");
        assert_eq!(escape_inline("AT&T"), "AT&amp;T");
        assert_eq!(escape_inline("3-4 and 5.5"), "3-4 and 5.5");
        assert_eq!(
            escape_inline("   - still not a list  "),
            " \\- still not a list "
        );
        assert_eq!(escape_inline(" 2. not a list"), " 2\\. not a list");
        assert_eq!(
            escape_inline("OpenAI安全团队仅得到了9天的时间"),
            "OpenAI安全团队仅得到了9天的时间"
        );
    }

    #[test]
    fn escaping_copies_the_text_between_escapes_whole_in_any_script() {
        for (text, escaped) in [
            (
                "微软 <b>&内部</b> 28051 | 竞争",
                "微软 &lt;b&gt;&amp;内部&lt;/b&gt; 28051 \\| 竞争",
            ),
            ("12) 第一条：*重点*", "12\\) 第一条：\\*重点\\*"),
            (": 开头", "\\: 开头"),
            ("«Ça» — 1,000 $ @café", "«Ça» — 1,000 \\$ \\@café"),
            ("", ""),
            ("~", "\\~"),
        ] {
            assert_eq!(escape_inline(text), escaped, "{text}");
        }
    }

    #[test]
    fn quotes_keep_their_line_breaks_inside_the_quote() {
        assert_eq!(escape_quote("one\ntwo", "> "), "one\\\n> two");
        assert_eq!(escape_quote("one\n\n- two", "> "), "one\n>\n> \\- two");
        assert_eq!(escape_quote("one\ntwo", "  > "), "one\\\n  > two");
    }

    #[test]
    fn code_spans_outlast_the_backticks_inside() {
        assert_eq!(escape_code("abc"), "`abc`");
        assert_eq!(escape_code("a`b"), "``a`b``");
        assert_eq!(escape_code("`x`"), "`` `x` ``");
        assert_eq!(escape_code(""), "");
    }

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert_eq!(
            escape_url("https://example.org/a b|c"),
            "<https://example.org/a%20b%7Cc>"
        );
        assert_eq!(escape_url("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(escape_url("example.org/x_y"), "example.org/x\\_y");
    }

    #[test]
    fn front_matter_dates_are_read_only_from_front_matter() {
        assert_eq!(
            front_matter_date("---\ntitle: x\ndate: 2024-10-07\n---\nbody"),
            Some("2024-10-07".into())
        );
        assert_eq!(
            front_matter_date("---\ndate: '2024-10-07T08:00:00Z'\n---\n"),
            Some("2024-10-07".into())
        );
        assert_eq!(front_matter_date("body\ndate: 2024-10-07\n"), None);
        assert_eq!(front_matter_date("---\ndate: soon\n---\n"), None);
    }

    #[test]
    fn every_keyword_has_a_label_in_both_languages() {
        for language in [Language::En, Language::Zh] {
            let l = labels(language);
            for s in Status::ALL {
                assert!(l["status"].contains_key(s.as_str()), "status {s}");
            }
            for s in Stance::ALL {
                assert!(l["stance"].contains_key(s.as_str()), "stance {s}");
            }
            for k in Kind::ALL {
                assert!(l["kind"].contains_key(k.as_str()), "kind {k}");
            }
            for e in ["created", "evidence", "status", "edit", "sign"] {
                assert!(l["event"].contains_key(e), "event {e}");
            }
        }
        let keys: BTreeSet<&str> = LABELS
            .iter()
            .chain(article::LABELS)
            .map(|(k, _, _)| *k)
            .collect();
        assert_eq!(
            keys.len(),
            LABELS.len() + article::LABELS.len(),
            "a label key is listed twice"
        );
    }
}
