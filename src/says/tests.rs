//! Every message of the catalogue in both languages.

use super::*;

/// Words that may stand in a Chinese message: ids, field names, file
/// names and the media type are written as the workspace writes them.
const KEPT: &[&str] = &[
    "yaml",
    "sha256",
    "ext",
    "WARC",
    "warc",
    "application",
    "STATUS",
    "git",
    "factcheck",
];

fn english_words(zh: &str) -> Vec<String> {
    // What is in backticks is a command, a field or an id.
    let prose: String = zh.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    prose
        .split(|c: char| c.is_whitespace() || "，。：；（）「」、".contains(c))
        // A url or a path stays as written.
        .filter(|t| !t.contains('/'))
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 3 && !KEPT.contains(w))
        .map(str::to_string)
        .collect()
}

/// Every message, with values that carry no English of their own.
fn every_message() -> Vec<Says<'static>> {
    const NAMES: &[String] = &[];
    vec![
        Says::StaleOffsets {
            was: (1, 2),
            now: (3, 4),
        },
        Says::LostQuote {
            source: "275e20f7b145",
            exact: "引文",
        },
        Says::NotInSources {
            source: "275e20f7b145",
        },
        Says::NotRead {
            source: "275e20f7b145",
        },
        Says::SnapshotDamaged {
            source: "275e20f7b145",
            why: "原因",
        },
        Says::Evidence {
            n: 1, what: "原因"
        },
        Says::LostExcerpt {
            n: 1,
            source: "275e20f7b145",
            excerpt: "摘录",
        },
        Says::StatusBroken {
            status: Status::Verified,
            why: "原因",
        },
        Says::VerifiedNeedsSupport,
        Says::VerifiedNeedsIntact { why: "原因" },
        Says::DisputedNeedsRefutation,
        Says::UnverifiableNeedsNote,
        Says::PolicyNotMet {
            status: Status::Verified,
            why: "原因",
        },
        Says::PolicyNotMet {
            status: Status::Disputed,
            why: "原因",
        },
        Says::NoCorrection,
        Says::LateEvidence {
            n: 1,
            source: "275e20f7b145",
            published: "2024-10-08",
            given: "2024-10-07",
        },
        Says::ScaleHasNoLabel {
            status: Status::Disputed,
        },
        Says::UseOneOf {
            status: Status::Disputed,
            allowed: "错误、误导",
        },
        Says::NotOnScale {
            rating: "大致属实",
            choices: "可选",
        },
        Says::LabelForOthers {
            rating: "错误",
            statuses: &[Status::Disputed],
            status: Status::Verified,
            choices: "可选",
        },
        Says::CannotMark {
            id: "c1a2b3c",
            status: Status::Verified,
            policy: true,
            why: "原因",
        },
        Says::CannotMark {
            id: "c1a2b3c",
            status: Status::Verified,
            policy: false,
            why: "原因",
        },
        Says::DoesNotCount {
            name: "某网站",
            kind: "aggregator",
        },
        Says::RelayOneOrigin {
            names: NAMES,
            origin: "华尔街日报",
        },
        Says::ShareAndCountOnce {
            names: NAMES,
            shown: "路透社",
        },
        Says::NeedsSources {
            needed: 2,
            stance: Stance::Supports,
            or_primary: true,
            has: 1,
            why: NAMES,
        },
        Says::NeedsSources {
            needed: 1,
            stance: Stance::Refutes,
            or_primary: false,
            has: 0,
            why: NAMES,
        },
        Says::FieldsEdited { fields: "text" },
        Says::EvidenceAdded {
            stance: Some(Stance::Refutes),
            source: Some("275e20f7b145"),
        },
        Says::EvidenceAdded {
            stance: None,
            source: None,
        },
        Says::SnapshotEdited {
            source: "275e20f7b145",
            fields: "kind",
        },
        Says::On {
            what: "新增证据",
            date: "2024-10-08",
        },
        Says::EvidenceRemoved {
            stance: Stance::Context,
            source: "275e20f7b145",
        },
        Says::AndMore { n: 2 },
        Says::StaleVerdict {
            status: Status::Verified,
            given: "2024-10-07",
            what: NAMES,
            more: "",
            id: "c1a2b3c",
        },
        Says::NoOrigin {
            n: 1,
            outlet: "华尔街日报",
            words: "据《华尔街日报》报道",
            source: "275e20f7b145",
        },
        Says::DuplicateCorrection { named: "`c1a2b3c`" },
        Says::OverlapsRatedApart {
            other: "c1a2b3c",
            theirs: "「已核实」",
            ours: "「有争议」",
        },
        Says::RevisesMissing {
            source: "275e20f7b145",
        },
        Says::RevisesCircle,
        Says::OldRevision {
            source: "275e20f7b145",
            article: "0f2f97ba72a1",
        },
        Says::Recheck {
            revision: "0f2f97ba72a1",
            was: Some(("旧", "新")),
            id: "c1a2b3c",
        },
        Says::MissingBytes {
            file: "275e20f7b145.md",
        },
        Says::WrongFile {
            file: "275e20f7b145.md",
            hex: "275e20f7b145",
        },
        Says::BytesWithoutRecord,
        Says::WrongSize { size: 1, actual: 2 },
        Says::WrongSha {
            sha: "275e20f7b145",
        },
        Says::LeftoverTemp,
        Says::LeftoverTempInSources,
        Says::StraySymlink,
        Says::StrayFolder,
        Says::StraySpecial,
        Says::StraySecondBytes,
        Says::StrayNotSnapshot,
        Says::BytesChanged {
            actual: "275e20f7b145",
            path: "sources/275e20f7b145.md",
        },
        Says::CannotStat { why: "原因" },
        Says::WaitingForLock {
            pid: 7,
            lock: ".factcheck/lock",
            holder: "进程 8",
            secs: 30,
            var: "FACTCHECK_LOCK_TIMEOUT",
        },
        Says::NoClaim { given: "ffffff" },
        Says::ClaimAmbiguous {
            given: "c1",
            could_be: "`c1a2b3c`、`c1a2b3d`",
        },
        Says::NotSnapshotId { given: "xyz" },
        Says::NoSnapshot { given: "ffffff" },
        Says::SnapshotAmbiguous {
            given: "275e20",
            could_be: "`275e20f7b145`、`275e20f7b146`",
        },
        Says::BadClaimFileName { stem: "c1" },
        Says::IdNotFileName {
            id: "c1a2b3c",
            stem: "c1a2b3d",
        },
        Says::YamlAt {
            column: 3,
            message: "原因",
        },
        Says::WarcMissing {
            at: "2024-10-07T09:00:00Z",
            warc: "275e20f7b145",
        },
        Says::WarcNotWarcType {
            at: "2024-10-07T09:00:00Z",
            warc: "275e20f7b145",
            media_type: "text/html",
        },
        Says::WarcNotWarcBytes {
            at: "2024-10-07T09:00:00Z",
            warc: "275e20f7b145",
        },
        Says::Watched {
            n: 1,
            date: "2024-10-09",
            verdict: Some("2024-10-07"),
            what: "网页已不存在",
            source: "275e20f7b145",
            url: "https://例え.jp/",
            archived: Some(("2024-10-01", "https://存档.jp/")),
            capture: Some("0f2f97ba72a1"),
        },
        Says::ExcerptGone {
            excerpt: "摘录",
            now: Some("现在"),
        },
        Says::PageMoved { to: None },
        Says::Soft404,
        Says::PageGone {
            status: Some(404),
            error: None,
        },
        Says::PageGone {
            status: None,
            error: None,
        },
    ]
}

#[test]
fn every_library_message_reads_in_chinese() {
    for m in every_message() {
        let zh = m.text(Language::Zh);
        assert_eq!(english_words(&zh), Vec::<String>::new(), "in {zh}");
        let prose: String = zh.split('`').step_by(2).collect();
        assert!(
            !prose.contains(": ") && !prose.contains("; "),
            "English punctuation in {zh}"
        );
        assert_ne!(zh, m.text(Language::En));
    }
}

#[test]
fn english_messages_read_as_before() {
    assert_eq!(
        Says::NeedsSources {
            needed: 2,
            stance: Stance::Supports,
            or_primary: true,
            has: 1,
            why: &["a and b share `x` and count once".to_string()],
        }
        .text(Language::En),
        "needs 2 independent supporting sources (or one primary or official source); has 1 — a and b share `x` and count once"
    );
    assert_eq!(
        Says::DoesNotCount {
            name: "`abc`",
            kind: "aggregator"
        }
        .text(Language::En),
        "`abc` is an aggregator and does not count"
    );
}
