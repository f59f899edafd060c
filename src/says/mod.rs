//! What the library tells people, in the workspace's language: `check`'s
//! problems and the rules a verdict must meet (which `mark` refuses with
//! and `check` reports). One variant per message, its English and Chinese
//! side by side, so a message is changed in one place and a Chinese desk
//! never reads English between Chinese lines. Ids, paths, field names,
//! commands and the desk's own words are passed in as they are.
//!
//! The command line's own lines (status, warnings) are in `cli::i18n`.

use crate::model::{Language, Stance, Status};

/// English or Chinese, formatted with the caller's variables.
macro_rules! t {
    ($zh:expr, $en:literal, $cn:literal) => {
        if $zh { format!($cn) } else { format!($en) }
    };
}

/// One message of `check` or the verdict rules.
#[derive(Debug, Clone)]
pub enum Says<'a> {
    // The quote and the evidence against their snapshots.
    StaleOffsets {
        was: (usize, usize),
        now: (usize, usize),
    },
    LostQuote {
        source: &'a str,
        exact: &'a str,
    },
    /// A snapshot a claim names that is not in `sources/`.
    NotInSources {
        source: &'a str,
    },
    /// A snapshot whose text could not be read for this run.
    NotRead {
        source: &'a str,
    },
    /// A damaged snapshot, and why.
    SnapshotDamaged {
        source: &'a str,
        why: &'a str,
    },
    /// Something about evidence item `n` (1-based).
    Evidence {
        n: usize,
        what: &'a str,
    },
    LostExcerpt {
        n: usize,
        source: &'a str,
        excerpt: &'a str,
    },
    // The verdict's rules.
    StatusBroken {
        status: Status,
        why: &'a str,
    },
    VerifiedNeedsSupport,
    VerifiedNeedsIntact {
        why: &'a str,
    },
    DisputedNeedsRefutation,
    UnverifiableNeedsNote,
    PolicyNotMet {
        status: Status,
        why: &'a str,
    },
    NoCorrection,
    LateEvidence {
        n: usize,
        source: &'a str,
        published: &'a str,
        given: &'a str,
    },
    // The rating scale.
    ScaleHasNoLabel {
        status: Status,
    },
    UseOneOf {
        status: Status,
        allowed: &'a str,
    },
    NotOnScale {
        rating: &'a str,
        choices: &'a str,
    },
    LabelForOthers {
        rating: &'a str,
        statuses: &'a [Status],
        status: Status,
        choices: &'a str,
    },
    /// `mark` refused by a rule (`policy`: by the desk's policy).
    CannotMark {
        id: &'a str,
        status: Status,
        policy: bool,
        why: &'a str,
    },
    // The policy's count of independent sources.
    DoesNotCount {
        name: &'a str,
        kind: &'a str,
    },
    RelayOneOrigin {
        names: &'a [String],
        origin: &'a str,
    },
    ShareAndCountOnce {
        names: &'a [String],
        shown: &'a str,
    },
    NeedsSources {
        needed: usize,
        stance: Stance,
        or_primary: bool,
        has: usize,
        why: &'a [String],
    },
    // Stale verdicts: what changed after the verdict, and when.
    FieldsEdited {
        fields: &'a str,
    },
    EvidenceAdded {
        stance: Option<Stance>,
        source: Option<&'a str>,
    },
    SnapshotEdited {
        source: &'a str,
        fields: &'a str,
    },
    /// A change, dated.
    On {
        what: &'a str,
        date: &'a str,
    },
    EvidenceRemoved {
        stance: Stance,
        source: &'a str,
    },
    /// " and N more" after a list.
    AndMore {
        n: usize,
    },
    StaleVerdict {
        status: Status,
        given: &'a str,
        what: &'a [String],
        more: &'a str,
        id: &'a str,
    },
    NoOrigin {
        n: usize,
        outlet: &'a str,
        words: &'a str,
        source: &'a str,
    },
    DuplicateCorrection {
        named: &'a str,
    },
    OverlapsRatedApart {
        other: &'a str,
        theirs: &'a str,
        ours: &'a str,
    },
    // Revisions of the article.
    RevisesMissing {
        source: &'a str,
    },
    RevisesCircle,
    OldRevision {
        source: &'a str,
        article: &'a str,
    },
    Recheck {
        revision: &'a str,
        was: Option<(&'a str, &'a str)>,
        id: &'a str,
    },
    // Snapshot files and records.
    MissingBytes {
        file: &'a str,
    },
    WrongFile {
        file: &'a str,
        hex: &'a str,
    },
    BytesWithoutRecord,
    WrongSize {
        size: u64,
        actual: u64,
    },
    WrongSha {
        sha: &'a str,
    },
    LeftoverTemp,
    LeftoverTempInSources,
    StraySymlink,
    StrayFolder,
    StraySpecial,
    StraySecondBytes,
    StrayNotSnapshot,
    BytesChanged {
        actual: &'a str,
        path: &'a str,
    },
    CannotStat {
        why: &'a str,
    },
    /// Another command holds the workspace lock.
    WaitingForLock {
        pid: u32,
        lock: &'a str,
        holder: &'a str,
        secs: u64,
        var: &'a str,
    },
    // Ids that name nothing, or more than one thing.
    NoClaim {
        given: &'a str,
    },
    ClaimAmbiguous {
        given: &'a str,
        could_be: &'a str,
    },
    NotSnapshotId {
        given: &'a str,
    },
    NoSnapshot {
        given: &'a str,
    },
    SnapshotAmbiguous {
        given: &'a str,
        could_be: &'a str,
    },
    // Claim files.
    BadClaimFileName {
        stem: &'a str,
    },
    IdNotFileName {
        id: &'a str,
        stem: &'a str,
    },
    YamlAt {
        column: usize,
        message: &'a str,
    },
    // Captures.
    WarcMissing {
        at: &'a str,
        warc: &'a str,
    },
    WarcNotWarcType {
        at: &'a str,
        warc: &'a str,
        media_type: &'a str,
    },
    WarcNotWarcBytes {
        at: &'a str,
        warc: &'a str,
    },
    // Watched pages.
    Watched {
        n: usize,
        date: &'a str,
        verdict: Option<&'a str>,
        what: &'a str,
        source: &'a str,
        url: &'a str,
        archived: Option<(&'a str, &'a str)>,
        capture: Option<&'a str>,
    },
    ExcerptGone {
        excerpt: &'a str,
        now: Option<&'a str>,
    },
    PageMoved {
        to: Option<&'a str>,
    },
    Soft404,
    PageGone {
        status: Option<u16>,
        error: Option<&'a str>,
    },
}

/// A status as the report names it (its `status.*` labels, which a test
/// holds equal): 「已核实」 is `verified`.
pub fn status_label(status: Status, language: Language) -> &'static str {
    match (language, status) {
        (Language::Zh, Status::Verified) => "已核实",
        (Language::Zh, Status::Disputed) => "有争议",
        (Language::Zh, Status::Unverifiable) => "无法核实",
        (Language::Zh, Status::Unverified) => "待核实",
        (Language::En, s) => s.as_str(),
    }
}

/// A stance as a message names it.
pub fn stance_word(stance: Stance, language: Language) -> &'static str {
    match (language, stance) {
        (Language::Zh, Stance::Supports) => "支持",
        (Language::Zh, Stance::Refutes) => "反驳",
        (Language::Zh, Stance::Context) => "背景",
        (Language::En, s) => s.as_str(),
    }
}

/// How a list of names is separated: ", " or "、".
pub fn list_separator(language: Language) -> &'static str {
    match language {
        Language::Zh => "、",
        Language::En => ", ",
    }
}

/// A list as a sentence joins it: "a and b", "甲、乙".
pub fn and_list(items: &[String], language: Language) -> String {
    match language {
        Language::Zh => items.join("、"),
        Language::En => items.join(" and "),
    }
}

impl Says<'_> {
    /// The message in `language`.
    pub fn text(&self, language: Language) -> String {
        let zh = language == Language::Zh;
        let label = |s: Status| status_label(s, language);
        match *self {
            Says::StaleOffsets {
                was: (a, b),
                now: (start, end),
            } => t!(
                zh,
                "stale offsets {a}..{b}: the quote is now at {start}..{end}; `factcheck check --fix` rewrites them",
                "偏移 {a}..{b} 已过时：引文现位于 {start}..{end}；`factcheck check --fix` 会改写"
            ),
            Says::LostQuote { source, exact } => t!(
                zh,
                "the quote no longer occurs in snapshot `{source}`: \"{exact}\"",
                "快照 `{source}` 中已找不到引文：「{exact}」"
            ),
            Says::NotInSources { source } => t!(
                zh,
                "snapshot `{source}` is not in `sources/`",
                "快照 `{source}` 不在 `sources/` 中"
            ),
            Says::NotRead { source } => {
                t!(
                    zh,
                    "snapshot `{source}` was not read",
                    "快照 `{source}` 未能读取"
                )
            }
            Says::SnapshotDamaged { source, why } => {
                t!(zh, "snapshot `{source}`: {why}", "快照 `{source}`：{why}")
            }
            Says::Evidence { n, what } => t!(zh, "evidence {n}: {what}", "第 {n} 条证据：{what}"),
            Says::LostExcerpt { n, source, excerpt } => t!(
                zh,
                "evidence {n}: the excerpt does not occur in snapshot `{source}`: \"{excerpt}\"",
                "第 {n} 条证据：快照 `{source}` 中找不到摘录：「{excerpt}」"
            ),
            Says::StatusBroken { status, why } => {
                let shown = label(status);
                t!(
                    zh,
                    "status `{status}` breaks a rule: {why}",
                    "状态「{shown}」不合规则：{why}"
                )
            }
            Says::VerifiedNeedsSupport => t!(
                zh,
                "`verified` needs at least one piece of evidence that supports the claim; attach it with `factcheck evidence add CLAIM SOURCE --stance supports --excerpt …`",
                "「已核实」至少需要一条支持该说法的证据；用 `factcheck evidence add CLAIM SOURCE --stance supports --excerpt …` 附上"
            ),
            Says::VerifiedNeedsIntact { why } => t!(
                zh,
                "`verified` needs every evidence snapshot present and intact: {why}",
                "「已核实」要求每个证据快照都在且完好：{why}"
            ),
            Says::DisputedNeedsRefutation => t!(
                zh,
                "`disputed` needs evidence that refutes the claim, or a `--note` saying why it is disputed",
                "「有争议」需要反驳该说法的证据，或用 `--note` 说明争议所在"
            ),
            Says::UnverifiableNeedsNote => t!(
                zh,
                "`unverifiable` needs a `--note` saying what was tried",
                "「无法核实」需要用 `--note` 说明试过哪些办法"
            ),
            Says::PolicyNotMet { status, why } => match status {
                Status::Disputed => t!(
                    zh,
                    "`disputed` no longer meets the desk's policy: {why}; add refuting evidence, or mark the claim again with the verdict its evidence carries",
                    "「有争议」已不符合核查台的规定：{why}；请补充反驳证据，或按证据所能支持的结论重新标记该说法"
                ),
                _ => t!(
                    zh,
                    "`verified` no longer meets the desk's policy: {why}; add evidence, or mark the claim again with the verdict its evidence carries",
                    "「已核实」已不符合核查台的规定：{why}；请补充证据，或按证据所能支持的结论重新标记该说法"
                ),
            },
            Says::NoCorrection => t!(
                zh,
                "disputed without a suggested correction or a note saying what is wrong; `factcheck mark CLAIM disputed --correction … --note …`",
                "标为「有争议」，却既无建议更正，也无说明错在何处的备注；`factcheck mark CLAIM disputed --correction … --note …`"
            ),
            Says::LateEvidence {
                n,
                source,
                published,
                given,
            } => t!(
                zh,
                "evidence {n}: snapshot `{source}` was published on {published}, after the verdict of {given}; mark the claim again to confirm the verdict still stands",
                "第 {n} 条证据：快照 `{source}` 发布于 {published}，晚于 {given} 的结论；请重新标记该说法，确认结论仍然成立"
            ),
            Says::ScaleHasNoLabel { status } => {
                let shown = label(status);
                t!(
                    zh,
                    "the scale has no label for `{status}`",
                    "评级表中没有适用于「{shown}」的评级"
                )
            }
            Says::UseOneOf { status, allowed } => {
                let shown = label(status);
                t!(
                    zh,
                    "for `{status}` use one of: {allowed}",
                    "「{shown}」可用的评级：{allowed}"
                )
            }
            Says::NotOnScale { rating, choices } => t!(
                zh,
                "`{rating}` is not on the desk's rating scale (`ratings:` in factcheck.yaml); {choices}",
                "`{rating}` 不在核查台的评级表中（`factcheck.yaml` 的 `ratings:`）；{choices}"
            ),
            Says::LabelForOthers {
                rating,
                statuses,
                status,
                choices,
            } => {
                if zh {
                    let for_: Vec<&str> = statuses.iter().map(|s| label(*s)).collect();
                    format!(
                        "`{rating}` 是「{}」结论的评级，不适用于「{}」；{choices}",
                        for_.join("」或「"),
                        label(status)
                    )
                } else {
                    let for_: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
                    format!(
                        "`{rating}` is a label for {} verdicts, not `{status}`; {choices}",
                        for_.join(" or ")
                    )
                }
            }
            Says::CannotMark {
                id,
                status,
                policy,
                why,
            } => {
                let shown = label(status);
                match policy {
                    true => t!(
                        zh,
                        "cannot mark claim `{id}` {status} under the desk's policy: {why}",
                        "按核查台的规定，不能把说法 `{id}` 标为「{shown}」：{why}"
                    ),
                    false => t!(
                        zh,
                        "cannot mark claim `{id}` {status}: {why}",
                        "不能把说法 `{id}` 标为「{shown}」：{why}"
                    ),
                }
            }
            Says::DoesNotCount { name, kind } => {
                let article = if ["aggregator", "official", "other"].contains(&kind) {
                    "an"
                } else {
                    "a"
                };
                t!(
                    zh,
                    "{name} is {article} {kind} and does not count",
                    "{name} 属于 `{kind}` 类来源，不计入"
                )
            }
            Says::RelayOneOrigin { names, origin } => {
                let names = and_list(names, language);
                t!(
                    zh,
                    "{names} relay one origin, `{origin}`, and count once",
                    "{names} 转述同一出处 `{origin}`，只算一个"
                )
            }
            Says::ShareAndCountOnce { names, shown } => {
                let names = and_list(names, language);
                t!(
                    zh,
                    "{names} share `{shown}` and count once",
                    "{names} 同属 `{shown}`，只算一个"
                )
            }
            Says::NeedsSources {
                needed,
                stance,
                or_primary,
                has,
                why,
            } => {
                let mut message = if zh {
                    let which = match stance {
                        Stance::Refutes => "反驳",
                        _ => "支持",
                    };
                    let or_primary = if or_primary {
                        "（或一个原始或官方来源）"
                    } else {
                        ""
                    };
                    format!("需要 {needed} 个独立的{which}来源{or_primary}；现有 {has} 个")
                } else {
                    let which = match stance {
                        Stance::Refutes => "refuting",
                        _ => "supporting",
                    };
                    let or_primary = if or_primary {
                        " (or one primary or official source)"
                    } else {
                        ""
                    };
                    let s = if needed == 1 { "" } else { "s" };
                    format!("needs {needed} independent {which} source{s}{or_primary}; has {has}")
                };
                if !why.is_empty() {
                    message.push_str(if zh { "——" } else { " — " });
                    message.push_str(&why.join(if zh { "；" } else { "; " }));
                }
                message
            }
            Says::FieldsEdited { fields } => {
                t!(zh, "{fields} edited", "`{fields}` 被修改")
            }
            Says::EvidenceAdded { stance, source } => match (stance, source) {
                (Some(stance), Some(source)) => {
                    let word = stance_word(stance, language);
                    t!(
                        zh,
                        "{word} evidence from `{source}` added",
                        "新增来自 `{source}` 的{word}证据"
                    )
                }
                _ => t!(zh, "evidence added", "新增证据"),
            },
            Says::SnapshotEdited { source, fields } => t!(
                zh,
                "snapshot `{source}`'s {fields} edited",
                "快照 `{source}` 的 `{fields}` 被修改"
            ),
            Says::On { what, date } => t!(zh, "{what} on {date}", "{date} {what}"),
            Says::EvidenceRemoved { stance, source } => {
                let word = stance_word(stance, language);
                t!(
                    zh,
                    "{word} evidence from `{source}` removed since",
                    "来自 `{source}` 的{word}证据此后被删除"
                )
            }
            Says::AndMore { n } => t!(zh, " and {n} more", "等，另有 {n} 项"),
            Says::StaleVerdict {
                status,
                given,
                what,
                more,
                id,
            } => {
                if zh {
                    format!(
                        "{given} 给出的「{}」结论早于它所评判的内容：{}{more}；请重新核查并标记（`factcheck mark {id} STATUS --note …`）",
                        label(status),
                        what.join("；")
                    )
                } else {
                    format!(
                        "its `{status}` verdict of {given} is older than what it judged: {}{more}; check it again and mark it (`factcheck mark {id} STATUS --note …`)",
                        what.join("; ")
                    )
                }
            }
            Says::NoOrigin {
                n,
                outlet,
                words,
                source,
            } => t!(
                zh,
                "evidence {n}: the excerpt relays {outlet}'s reporting (\"{words}\"), but snapshot `{source}` records no origin; `factcheck source edit {source} --origin \"{outlet}\"` so that independence counts it with {outlet}",
                "第 {n} 条证据：摘录转述的是 {outlet} 的报道（「{words}」），但快照 `{source}` 没有记录出处；运行 `factcheck source edit {source} --origin \"{outlet}\"`，让独立性规则把它与 {outlet} 算作一家"
            ),
            Says::DuplicateCorrection { named } => t!(
                zh,
                "its suggested correction is also given to claim {named}, on other words; write each correction for its own words, or merge the claims",
                "它的建议更正也给了说法 {named}，而那是别的字句；请为各自的字句分别写更正，或合并这些说法"
            ),
            Says::OverlapsRatedApart {
                other,
                theirs,
                ours,
            } => t!(
                zh,
                "its quote overlaps claim `{other}`'s, rated {theirs}, but this one is {ours}; rate the same words alike, or merge the claims",
                "它的引文与说法 `{other}` 的引文重叠，后者评为 {theirs}，而本条为 {ours}；同样的字句应评得一致，或合并这些说法"
            ),
            Says::RevisesMissing { source } => t!(
                zh,
                "`revises` names snapshot `{source}`, which is not in `sources/`; restore it from git",
                "`revises` 指向的快照 `{source}` 不在 `sources/` 中；请从 git 恢复"
            ),
            Says::RevisesCircle => t!(
                zh,
                "`revises` goes round in a circle; correct it so the revisions form a line",
                "`revises` 形成了循环；请改正，使各修订版本连成一条线"
            ),
            Says::OldRevision { source, article } => t!(
                zh,
                "anchored in `{source}`, an earlier revision of the article (now `{article}`); `factcheck check --fix` carries it over",
                "锚定在文章的较早修订版 `{source}` 上（现为 `{article}`）；`factcheck check --fix` 会把它带到新版"
            ),
            Says::Recheck { revision, was, id } => {
                let words = match was {
                    Some((from, to)) if zh => format!("（「{from}」→「{to}」）"),
                    Some((from, to)) => format!(" (\"{from}\" → \"{to}\")"),
                    None => String::new(),
                };
                t!(
                    zh,
                    "in recheck: its quoted words changed in revision `{revision}`{words}; its verdict is not final until it is marked again (`factcheck mark {id} STATUS`)",
                    "待复核：所引字句在修订版 `{revision}` 中有变{words}；重新标记之前，其结论不算定论（`factcheck mark {id} STATUS`）"
                )
            }
            Says::MissingBytes { file } => t!(
                zh,
                "the snapshot's bytes `{file}` are missing; restore them from git or re-add the source",
                "快照的文件 `{file}` 不见了；请从 git 恢复，或重新添加该来源"
            ),
            Says::WrongFile { file, hex } => t!(
                zh,
                "`file: {file}` does not name this snapshot's bytes (`{hex}.<ext>`)",
                "`file: {file}` 指的不是本快照的文件（`{hex}.<ext>`）"
            ),
            Says::BytesWithoutRecord => t!(
                zh,
                "snapshot bytes without a record `<sha256>.yaml`; re-add them with `factcheck source add`",
                "快照文件没有对应的记录 `<sha256>.yaml`；请用 `factcheck source add` 重新添加"
            ),
            Says::WrongSize { size, actual } => t!(
                zh,
                "`size: {size}` but the bytes are {actual} long",
                "`size: {size}`，但文件实际长 {actual} 字节"
            ),
            Says::WrongSha { sha } => t!(
                zh,
                "`sha256: {sha}` does not match the file name",
                "`sha256: {sha}` 与文件名不符"
            ),
            Says::LeftoverTemp => t!(
                zh,
                "a leftover temporary file from an interrupted write; `factcheck check --fix` removes it",
                "中断的写入留下的临时文件；`factcheck check --fix` 会删除它"
            ),
            Says::LeftoverTempInSources => t!(
                zh,
                "a leftover temporary file from an interrupted write; delete it",
                "中断的写入留下的临时文件；请删除"
            ),
            Says::StraySymlink => t!(
                zh,
                "a symlink; snapshots must be plain files",
                "这是符号链接；快照必须是普通文件"
            ),
            Says::StrayFolder => t!(
                zh,
                "a folder; `sources/` holds only snapshots",
                "这是文件夹；`sources/` 只放快照"
            ),
            Says::StraySpecial => t!(
                zh,
                "not a regular file (a FIFO, socket or device); `sources/` holds only snapshots",
                "不是普通文件（管道、套接字或设备）；`sources/` 只放快照"
            ),
            Says::StraySecondBytes => t!(
                zh,
                "a second byte file for the same hash",
                "同一哈希的第二个快照文件"
            ),
            Says::StrayNotSnapshot => t!(
                zh,
                "not a snapshot (`<sha256>.<ext>` or `<sha256>.yaml`)",
                "不是快照（`<sha256>.<ext>` 或 `<sha256>.yaml`）"
            ),
            Says::BytesChanged { actual, path } => t!(
                zh,
                "snapshot bytes changed: they hash to {actual}…, not to their name; restore them with `git checkout -- {path}`",
                "快照文件被改动：其哈希为 {actual}…，与文件名不符；用 `git checkout -- {path}` 恢复"
            ),
            Says::CannotStat { why } => {
                t!(zh, "cannot stat: {why}", "无法读取文件信息：{why}")
            }
            Says::WaitingForLock {
                pid,
                lock,
                holder,
                secs,
                var,
            } => t!(
                zh,
                "factcheck (pid {pid}) is waiting for the workspace lock `{lock}`, held by {holder}; giving up after {secs} s ({var})",
                "factcheck（进程 {pid}）正在等待工作区锁 `{lock}`，持有者：{holder}；{secs} 秒后放弃（`{var}`）"
            ),
            Says::NoClaim { given } => t!(
                zh,
                "no claim `{given}` in this workspace",
                "本工作区没有说法 `{given}`"
            ),
            Says::ClaimAmbiguous { given, could_be } => t!(
                zh,
                "claim id `{given}` is ambiguous: it could be {could_be}",
                "说法编号 `{given}` 不唯一：可能是 {could_be}"
            ),
            Says::NotSnapshotId { given } => t!(
                zh,
                "`{given}` is not a snapshot id: give `sha256:<hex>` or at least 6 hex characters of it",
                "`{given}` 不是快照编号：请给出 `sha256:<hex>` 或其至少 6 个十六进制字符"
            ),
            Says::NoSnapshot { given } => t!(
                zh,
                "no snapshot `{given}` in this workspace",
                "本工作区没有快照 `{given}`"
            ),
            Says::SnapshotAmbiguous { given, could_be } => t!(
                zh,
                "snapshot id `{given}` is ambiguous: it could be {could_be}",
                "快照编号 `{given}` 不唯一：可能是 {could_be}"
            ),
            Says::BadClaimFileName { stem } => t!(
                zh,
                "`{stem}` is not a valid claim id for a file name",
                "`{stem}` 不是可用作文件名的说法编号"
            ),
            Says::IdNotFileName { id, stem } => t!(
                zh,
                "the file holds claim `{id}`, but its name says `{stem}`; ids must match file names",
                "文件里是说法 `{id}`，文件名却是 `{stem}`；编号必须与文件名一致"
            ),
            Says::YamlAt { column, message } => {
                t!(
                    zh,
                    "column {column}: {message}",
                    "第 {column} 列：{message}"
                )
            }
            Says::WarcMissing { at, warc } => t!(
                zh,
                "the capture of {at} names the WARC `{warc}`, which is not in this workspace; restore it from git or fetch the page again",
                "{at} 的抓取记录指向 WARC `{warc}`，但它不在本工作区；请从 git 恢复，或重新抓取该网页"
            ),
            Says::WarcNotWarcType {
                at,
                warc,
                media_type,
            } => t!(
                zh,
                "the capture of {at} names `{warc}` as its WARC, but that snapshot is `{media_type}`, not `application/warc`",
                "{at} 的抓取记录把 `{warc}` 当作 WARC，但该快照是 `{media_type}`，不是 `application/warc`"
            ),
            Says::WarcNotWarcBytes { at, warc } => t!(
                zh,
                "the capture of {at} names `{warc}` as its WARC, but its bytes are not a WARC file",
                "{at} 的抓取记录把 `{warc}` 当作 WARC，但其内容不是 WARC 文件"
            ),
            Says::Watched {
                n,
                date,
                verdict,
                what,
                source,
                url,
                archived,
                capture,
            } => {
                if zh {
                    let since = verdict
                        .map(|v| format!("（在 {v} 的结论之后）"))
                        .unwrap_or_default();
                    let archived = archived
                        .map(|(at, url)| format!("；存档副本（{at}）：{url}"))
                        .unwrap_or_default();
                    let todo = match capture {
                        Some(c) => format!("请复核结论（`factcheck mark`），或改用新抓取的 `{c}`"),
                        None => "请复核结论（`factcheck mark`）".to_string(),
                    };
                    format!(
                        "第 {n} 条证据：{date}{since} `source watch` 发现{what}（快照 `{source}`，{url}）{archived}；{todo}"
                    )
                } else {
                    let since = verdict
                        .map(|v| format!(" (after the verdict of {v})"))
                        .unwrap_or_default();
                    let archived = archived
                        .map(|(at, url)| format!("; archived copy of {at}: {url}"))
                        .unwrap_or_default();
                    let todo = match capture {
                        Some(c) => format!(
                            "re-review the verdict (`factcheck mark`) or attach the new capture `{c}`"
                        ),
                        None => "re-review the verdict (`factcheck mark`)".to_string(),
                    };
                    format!(
                        "evidence {n}: on {date}{since} `source watch` found that {what} (snapshot `{source}`, {url}){archived}; {todo}"
                    )
                }
            }
            Says::ExcerptGone { excerpt, now } => {
                let now = match now {
                    Some(c) if zh => format!("；现在写的是「{c}」"),
                    Some(c) => format!("; it now reads \"{c}\""),
                    None => String::new(),
                };
                t!(
                    zh,
                    "the excerpt \"{excerpt}\" is no longer on the page{now}",
                    "摘录「{excerpt}」已不在网页上{now}"
                )
            }
            Says::PageMoved { to } => match to {
                Some(to) => t!(
                    zh,
                    "the page moved to {to}, which does not carry the evidence",
                    "网页已移至 {to}，那里没有这条证据"
                ),
                None => t!(
                    zh,
                    "the page moved to another page, which does not carry the evidence",
                    "网页已移至别处，那里没有这条证据"
                ),
            },
            Says::Soft404 => t!(
                zh,
                "the page answers with a \"not found\" page",
                "网页返回的是「找不到页面」"
            ),
            Says::PageGone { status, error } => match (status, error) {
                (Some(status), _) => t!(
                    zh,
                    "the page is gone: it answered {status}",
                    "网页已不存在：服务器回应 {status}"
                ),
                (None, Some(why)) => t!(
                    zh,
                    "the page is gone: the host no longer answers: {why}",
                    "网页已不存在：服务器不再回应：{why}"
                ),
                (None, None) => t!(
                    zh,
                    "the page is gone: the host no longer answers",
                    "网页已不存在：服务器不再回应"
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests;
