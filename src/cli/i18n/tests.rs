//! Every message of the command line's catalogue in both languages.

use super::*;

/// The English text of every message is what the tool printed before the
/// catalogue, and the Chinese one has no English word outside ids,
/// commands and paths.
#[test]
fn every_message_reads_in_both_languages() {
    let counts = Counts {
        added: 1,
        updated: 2,
        unchanged: 3,
        removed: 4,
    };
    let all = [
        Msg::Created { dir: "desk" },
        Msg::ArticleNow { id: "275e20f7b145" },
        Msg::Snapshot {
            created: true,
            id: "275e20f7b145",
            media_type: "text/markdown",
            bytes: 10,
        },
        Msg::ClaimAdded {
            id: "c1a2b3c",
            at: Some((1, 2, "275e20f7b145")),
        },
        Msg::EvidenceAdded {
            id: "c1a2b3c",
            n: 1,
            stance: Stance::Supports,
            source: "0f2f97ba72a1",
        },
        Msg::Marked {
            id: "c1a2b3c",
            status: Status::Verified,
            sign_off: true,
        },
        Msg::Checked {
            problems: 0,
            claims: 1,
            snapshots: 2,
        },
        Msg::WroteReport { path: "report.md" },
        Msg::DeskDecision {
            decision: "暂缓发表",
        },
        Msg::NoClaimsMatch,
        Msg::NoSnapshots,
        Msg::Imported {
            into: "`archive.sqlite`",
            counts: &counts,
        },
        Msg::ArchivedWorkspace {
            root: "/核查台",
            into: "`archive.sqlite`",
            counts: &counts,
        },
        Msg::CheckedBefore {
            claim: "疫苗导致自闭症",
            rating: Some("错误"),
            date: Some("2026-01-02"),
            by: Some("新华社"),
            url: "https://example.org/a",
        },
        Msg::ArchiveUnsearchable {
            error: "数据库损坏",
        },
        Msg::NoMatch,
        Msg::Matched,
        Msg::SourceEdited {
            id: "275e20f7b145",
            fields: &["title", "kind"],
        },
        Msg::NoCaptures {
            url: "https://example.org/a",
        },
        Msg::SameText {
            a: "275e20f7b145",
            b: "0f2f97ba72a1",
        },
        Msg::UnknownCharset {
            name: "x-unknown",
            refused: true,
        },
        Msg::UnknownCharset {
            name: "x-unknown",
            refused: false,
        },
        Msg::Fetched {
            url: "https://example.org/a",
            status: 200,
            reason: "OK",
            redirects: 2,
            last: "https://example.org/b",
        },
        Msg::FetchedSnapshot {
            id: "275e20f7b145",
            media_type: "text/markdown",
            bytes: 10,
            warc: "0f2f97ba72a1",
        },
        Msg::SameBytes {
            id: "275e20f7b145",
            capture: 2,
            warc: "0f2f97ba72a1",
        },
        Msg::NothingToWatch,
        Msg::ArchiveLookupFailed {
            error: "超时",
            url: "https://example.org/a",
        },
        Msg::Watched {
            snapshots: 3,
            counts: &[(WatchOutcome::Gone, 1), (WatchOutcome::Soft404, 2)],
        },
        Msg::Watched {
            snapshots: 0,
            counts: &[],
        },
        Msg::OutOfTime { pages: 2 },
        Msg::NoVerdictAffected,
        Msg::VerdictsAffected {
            claims: &[("c1a2b3c", Status::Verified)],
        },
        Msg::WroteManPages { n: 3, dir: "man" },
        Msg::ClaimEdited {
            id: "c1a2b3c",
            fields: &["text"],
        },
        Msg::ClaimRemoved {
            id: "c1a2b3c",
            text: "九天",
            note: "重复",
        },
        Msg::RemovedAt {
            id: "c1a2b3c",
            at: "2026-01-02T03:04:05Z",
            by: "王芳",
            note: "重复",
        },
        Msg::Signed {
            by: "王芳",
            status: Status::Verified,
            id: "c1a2b3c",
        },
        Msg::ArticleRevised {
            new: "275e20f7b145",
            old: "0f2f97ba72a1",
        },
        Msg::Carried {
            moved: 1,
            edited: 1,
            dropped: 1,
        },
        Msg::Carried {
            moved: 0,
            edited: 0,
            dropped: 0,
        },
        Msg::NoLongerInArticle { quote: "九天" },
        Msg::Ambiguous {
            at: "1..2、5..6",
            id: "c1a2b3c",
        },
        Msg::ArticleRevisions {
            chain: "0f2f97ba72a1 → 275e20f7b145",
        },
        Msg::LeftOutUnsigned { n: 2 },
        Msg::LeftOutRevised { n: 2 },
        Msg::NoPublisher,
        Msg::NoBaseUrl,
        Msg::WroteReviews {
            n: 2,
            path: "reviews.json",
        },
        Msg::WroteAnnotations {
            n: 2,
            path: "annotations.json",
        },
        Msg::LeftOutUnanchored { n: 2 },
        Msg::LeftOutLost { n: 2 },
        Msg::StaleSelectors { n: 2 },
        Msg::UncheckedSelectors { n: 2 },
        Msg::UnsignedAnnotations { n: 2 },
        Msg::NoCandidates,
        Msg::Claimed { ids: "c1a2b3c" },
        Msg::CheckWorthy,
        Msg::CheckedBeforeUrl {
            url: "https://example.org/a",
        },
        Msg::Candidates {
            n: 3,
            worthy: 2,
            claimed: 1,
        },
        Msg::Unclaimed { open: 1, worthy: 2 },
        Msg::Dismissed {
            start: 1,
            end: 2,
            text: "九天",
        },
    ];
    assert_eq!(
        all[6].text(Language::En),
        "no problems in 1 claim and 2 snapshots"
    );
    assert_eq!(
        all[11].text(Language::En),
        "imported into `archive.sqlite`: 1 added, 2 updated, 3 unchanged, 4 removed"
    );
    let mut chinese: Vec<String> = all.iter().map(|m| m.text(Language::Zh)).collect();
    for m in &all {
        assert!(!m.text(Language::En).is_empty(), "{m:?} has no English");
    }
    for o in WatchOutcome::ALL {
        chinese.push(outcome_word(*o, Language::Zh).into());
    }
    for o in Outcome::ALL {
        chinese.push(carried_word(*o, Language::Zh).into());
    }
    for k in Kind::ALL {
        chinese.push(kind_word(*k, Language::Zh).into());
    }
    for r in [Revision::Current, Revision::Recheck, Revision::Dropped] {
        chinese.push(listed_status(Status::Verified, r, Language::Zh));
    }
    chinese.extend(claim_list_header(Language::Zh).map(String::from));
    chinese.extend(source_list_header(Language::Zh).map(String::from));
    chinese.extend(source_history_header(Language::Zh).map(String::from));
    for c in ["first", "same", "same text", "changed", "other bytes"] {
        chinese.push(change_word(c, Language::Zh).into());
    }
    for w in [
        WatchLine::Answered { status: 404 },
        WatchLine::Why { why: "超时" },
        WatchLine::TriedAgain,
        WatchLine::Archived {
            date: "2026-01-02",
            url: "https://example.org/a",
        },
        WatchLine::ExcerptOf {
            claims: "c1a2b3c",
            excerpt: "九天",
        },
        WatchLine::NowReads {
            closest: "十天",
            diff: "[-九-]{+十+}",
        },
        WatchLine::NoPassage,
    ] {
        chinese.push(w.text(Language::Zh));
    }
    for zh in &chinese {
        // Addresses are passed in as they are.
        let zh = zh
            .replace("https://example.org/a", "")
            .replace("https://example.org/b", "");
        let prose: String = zh.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        for word in prose.split(|c: char| !c.is_ascii_alphabetic()) {
            assert!(
                word.len() < 3 || ["text", "markdown", "WARC"].contains(&word),
                "English `{word}` in {zh}"
            );
        }
    }
}
