//! What the command line tells people, in the workspace's language: one
//! variant per message, its English and Chinese side by side, so a message is
//! changed in one place and a Chinese desk never reads English between
//! Chinese lines. Ids, paths, field names and the desk's own words are
//! passed in as they are; claims are named as the report names them where
//! the report's numbering is at hand.

use std::fmt::Write as _;

use crate::archive::Counts;
use crate::model::{Event, HistoryEntry, Kind, Language, Outcome, Stance, Status, WatchOutcome};
use crate::report::status_label;
use crate::workspace::index::Revision;

/// One message to a person.
#[derive(Debug)]
pub enum Msg<'a> {
    /// `init`: the workspace was made in `dir`.
    Created { dir: &'a str },
    /// `source add --article`: the article is now this snapshot.
    ArticleNow { id: &'a str },
    /// `source add`: a snapshot taken (or already there).
    Snapshot {
        created: bool,
        id: &'a str,
        media_type: &'a str,
        bytes: u64,
    },
    /// `claim add`, anchored at `start..end` of `source`, or not anchored.
    ClaimAdded {
        id: &'a str,
        at: Option<(usize, usize, &'a str)>,
    },
    /// `evidence add`.
    EvidenceAdded {
        id: &'a str,
        n: usize,
        stance: Stance,
        source: &'a str,
    },
    /// `mark`: the claim's new status, and whether it waits for a sign-off.
    Marked {
        id: &'a str,
        status: Status,
        sign_off: bool,
    },
    /// `check`: the closing count.
    Checked {
        problems: usize,
        claims: usize,
        snapshots: usize,
    },
    /// `report --out`.
    WroteReport { path: &'a str },
    /// `summary`: the desk's decision, as the report words it.
    DeskDecision { decision: &'a str },
    /// `claim list` with nothing to show.
    NoClaimsMatch,
    /// `source list` on an empty workspace.
    NoSnapshots,
    /// `archive import`: what went into the archive.
    Imported { into: &'a str, counts: &'a Counts },
    /// `archive add`: one workspace's claims into the archive.
    ArchivedWorkspace {
        root: &'a str,
        into: &'a str,
        counts: &'a Counts,
    },
    /// After `claim add`: an archived check the new claim repeats.
    CheckedBefore {
        claim: &'a str,
        rating: Option<&'a str>,
        date: Option<&'a str>,
        by: Option<&'a str>,
        url: &'a str,
    },
    /// After `claim add`: the archive is there but broken.
    ArchiveUnsearchable { error: &'a str },
    /// `match`: nothing found.
    NoMatch,
    /// `match`: the query's words a match holds (a label).
    Matched,
    /// `source edit`.
    SourceEdited { id: &'a str, fields: &'a [&'a str] },
    /// `source history` of a URL never captured.
    NoCaptures { url: &'a str },
    /// `source diff` of two snapshots with the same text.
    SameText { a: &'a str, b: &'a str },
    /// `source fetch`, `source watch`: a charset the tool cannot use.
    UnknownCharset { name: &'a str, refused: bool },
    /// `source fetch`: the answer, after its redirects.
    Fetched {
        url: &'a str,
        status: u16,
        reason: &'a str,
        redirects: usize,
        last: &'a str,
    },
    /// `source fetch`: a new snapshot and its WARC.
    FetchedSnapshot {
        id: &'a str,
        media_type: &'a str,
        bytes: u64,
        warc: &'a str,
    },
    /// `source fetch`: the same bytes as a snapshot already there.
    SameBytes {
        id: &'a str,
        capture: usize,
        warc: &'a str,
    },
    /// `source watch` with no page to watch.
    NothingToWatch,
    /// `source watch`: the archive lookup of a gone page failed.
    ArchiveLookupFailed { error: &'a str, url: &'a str },
    /// `source watch`: how many snapshots were watched, by outcome.
    Watched {
        snapshots: usize,
        counts: &'a [(WatchOutcome, usize)],
    },
    /// `source watch`: pages the time budget left.
    OutOfTime { pages: usize },
    /// `source watch`: no verdict rests on what changed.
    NoVerdictAffected,
    /// `source watch`: the verdicts whose evidence changed or went.
    VerdictsAffected { claims: &'a [(&'a str, Status)] },
    /// `man --all`.
    WroteManPages { n: usize, dir: &'a str },
    /// `claim edit`.
    ClaimEdited { id: &'a str, fields: &'a [&'a str] },
    /// `claim remove`, on stderr.
    ClaimRemoved {
        id: &'a str,
        text: &'a str,
        note: &'a str,
    },
    /// `claim remove`, on stdout.
    RemovedAt {
        id: &'a str,
        at: &'a str,
        by: &'a str,
        note: &'a str,
    },
    /// `sign`.
    Signed {
        by: &'a str,
        status: Status,
        id: &'a str,
    },
    /// `revision`: the article is now the new draft.
    ArticleRevised { new: &'a str, old: &'a str },
    /// `revision`: what became of the claims.
    Carried {
        moved: usize,
        edited: usize,
        dropped: usize,
    },
    /// `revision`: a claim's words are gone from the new draft.
    NoLongerInArticle { quote: &'a str },
    /// `revision`: a claim's words occur more than once in the new draft.
    Ambiguous { at: &'a str, id: &'a str },
    /// `source list`: the article's drafts.
    ArticleRevisions { chain: &'a str },
    /// `export claimreview`: verdicts awaiting a sign-off.
    LeftOutUnsigned { n: usize },
    /// `export claimreview`: verdicts on words a revision changed or cut.
    LeftOutRevised { n: usize },
    /// `export claimreview` without `publisher`.
    NoPublisher,
    /// `export claimreview` without `base_url`.
    NoBaseUrl,
    /// `export claimreview --out`.
    WroteReviews { n: usize, path: &'a str },
    /// `export annotations --out`.
    WroteAnnotations { n: usize, path: &'a str },
    /// `export annotations`: claims with no quote.
    LeftOutUnanchored { n: usize },
    /// `export annotations`: claims whose quote is gone from the snapshot.
    LeftOutLost { n: usize },
    /// `export annotations`: selectors exported where the quote is now.
    StaleSelectors { n: usize },
    /// `export annotations`: selectors whose snapshot could not be read.
    UncheckedSelectors { n: usize },
    /// `export annotations`: verdicts awaiting a sign-off.
    UnsignedAnnotations { n: usize },
    /// `extract` with nothing to show.
    NoCandidates,
    /// `extract`: the claims quoting a sentence (a label, then ids).
    Claimed { ids: &'a str },
    /// `extract`: a sentence worth checking (a tag).
    CheckWorthy,
    /// `extract`: an archived check of a sentence.
    CheckedBeforeUrl { url: &'a str },
    /// `extract`: the closing count.
    Candidates {
        n: usize,
        worthy: usize,
        claimed: usize,
    },
    /// `extract --unclaimed`: the closing count.
    Unclaimed { open: usize, worthy: usize },
    /// `extract --dismiss`.
    Dismissed {
        start: usize,
        end: usize,
        text: &'a str,
    },
}

impl Msg<'_> {
    /// The message in `language`.
    pub fn text(&self, language: Language) -> String {
        let zh = language == Language::Zh;
        match self {
            Msg::Created { dir } => {
                if zh {
                    format!(
                        "已在 `{dir}` 创建核查工作区\n下一步：`factcheck source add 文章 --article`，然后 `factcheck claim add --text … --quote …`"
                    )
                } else {
                    format!(
                        "created a factcheck workspace in `{dir}`\nnext: `factcheck source add ARTICLE --article`, then `factcheck claim add --text … --quote …`"
                    )
                }
            }
            Msg::ArticleNow { id } => {
                if zh {
                    format!("工作区的文章现为 {id}")
                } else {
                    format!("the workspace's article is now {id}")
                }
            }
            Msg::Snapshot {
                created,
                id,
                media_type,
                bytes,
            } => match (zh, created) {
                (true, true) => format!("已存快照 {id}（{media_type}，{bytes} 字节）"),
                (true, false) => format!("快照 {id} 已存在（{media_type}，{bytes} 字节）"),
                (false, true) => format!("added snapshot {id} ({media_type}, {bytes} bytes)"),
                (false, false) => {
                    format!("already have snapshot {id} ({media_type}, {bytes} bytes)")
                }
            },
            Msg::ClaimAdded { id, at } => match (zh, at) {
                (true, Some((s, e, source))) => {
                    format!("已添加说法 {id}，位于 {source} 的 {s}..{e}")
                }
                (true, None) => format!("已添加说法 {id}（未锚定引文）"),
                (false, Some((s, e, source))) => {
                    format!("added claim {id} at {s}..{e} of {source}")
                }
                (false, None) => format!("added claim {id} (not anchored to a quote)"),
            },
            Msg::EvidenceAdded {
                id,
                n,
                stance,
                source,
            } => {
                if zh {
                    let stance = crate::says::stance_word(*stance, language);
                    format!("说法 {id}：已添加第 {n} 条证据（{stance}，来自 {source}）")
                } else {
                    format!("claim {id}: added evidence {n} ({stance} from {source})")
                }
            }
            Msg::Marked {
                id,
                status,
                sign_off,
            } => {
                let mut out = if zh {
                    format!("说法 {id} 现为「{}」", status_label(*status, language))
                } else {
                    format!("claim {id} is now {status}")
                };
                if *sign_off {
                    if zh {
                        let _ = write!(
                            out,
                            "；须另一位核查人运行 `factcheck sign {id}` 复核后方为定论"
                        );
                    } else {
                        let _ = write!(
                            out,
                            "; it is final once another reviewer runs `factcheck sign {id}`"
                        );
                    }
                }
                out
            }
            Msg::Checked {
                problems,
                claims,
                snapshots,
            } => {
                if zh {
                    let found = match problems {
                        0 => "未发现问题".to_string(),
                        n => format!("发现 {n} 个问题"),
                    };
                    format!("{found}（{claims} 条说法，{snapshots} 个快照）")
                } else {
                    let s = |n: usize| if n == 1 { "" } else { "s" };
                    let found = match problems {
                        0 => "no problems".to_string(),
                        n => format!("{n} problem{}", s(*n)),
                    };
                    format!(
                        "{found} in {claims} claim{} and {snapshots} snapshot{}",
                        s(*claims),
                        s(*snapshots)
                    )
                }
            }
            Msg::WroteReport { path } => {
                if zh {
                    format!("报告已写入 `{path}`")
                } else {
                    format!("wrote the report to `{path}`")
                }
            }
            Msg::DeskDecision { decision } => {
                if zh {
                    format!("核查台结论现为：{decision}")
                } else {
                    format!("the desk's decision is now {decision}")
                }
            }
            Msg::NoClaimsMatch => {
                if zh {
                    "没有符合条件的说法".into()
                } else {
                    "no claims match".into()
                }
            }
            Msg::NoSnapshots => {
                if zh {
                    "还没有快照；用 `factcheck source add 路径` 添加".into()
                } else {
                    "no snapshots yet; `factcheck source add PATH` takes one".into()
                }
            }
            _ => self.more(language),
        }
    }

    /// The messages of the commands that came to the catalogue later.
    fn more(&self, language: Language) -> String {
        let zh = language == Language::Zh;
        // English or Chinese: both are made, one is kept.
        let pick = |en: String, cn: String| if zh { cn } else { en };
        let s = |n: usize| if n == 1 { "" } else { "s" };
        match self {
            Msg::Imported { into, counts } => pick(
                format!("imported into {into}: {}", tally(counts, language)),
                format!("已导入 {into}：{}", tally(counts, language)),
            ),
            Msg::ArchivedWorkspace { root, into, counts } => pick(
                format!("{root} → {into}: {}", tally(counts, language)),
                format!("`{root}` → {into}：{}", tally(counts, language)),
            ),
            Msg::CheckedBefore {
                claim,
                rating,
                date,
                by,
                url,
            } => {
                let mut line = pick(
                    format!("checked before: {claim}"),
                    format!("此前核查过：{claim}"),
                );
                if let Some(r) = rating {
                    line += &pick(format!(" — rated {r}"), format!("——评级「{r}」"));
                }
                if let Some(d) = date {
                    line += &pick(format!(" on {d}"), format!("，{d}"));
                }
                if let Some(by) = by {
                    line += &pick(format!(" by {by}"), format!("，核查方 {by}"));
                }
                line + &pick(format!(" ({url})"), format!("（{url}）"))
            }
            Msg::ArchiveUnsearchable { error } => pick(
                format!("warning: the archive could not be searched: {error}"),
                format!("警告：无法检索档案库：{error}"),
            ),
            Msg::NoMatch => pick("no match in the archive".into(), "档案库中没有匹配项".into()),
            Msg::Matched => pick("matched: ".into(), "匹配词：".into()),
            Msg::SourceEdited { id, fields } => pick(
                format!("snapshot {id}: changed {}", fields.join(", ")),
                format!("快照 {id}：已修改 {}", backticked(fields)),
            ),
            Msg::NoCaptures { url } => pick(
                format!("no captures of {url}; `factcheck source fetch {url}` takes one"),
                format!("`{url}` 还没有抓取记录；用 `factcheck source fetch {url}` 抓取一次"),
            ),
            Msg::SameText { a, b } => pick(
                format!("the text of {a} and {b} is the same"),
                format!("{a} 与 {b} 的文本相同"),
            ),
            Msg::UnknownCharset { name, refused } => {
                let why = match (zh, refused) {
                    (false, true) => {
                        "which browsers refuse to decode (its whole text would read as one U+FFFD)"
                    }
                    (false, false) => "which this tool does not know",
                    (true, true) => "浏览器拒绝解码该字符集（全文会读成一个 `U+FFFD`）",
                    (true, false) => "本工具不认识该字符集",
                };
                pick(
                    format!(
                        "warning: the page declares the charset `{name}`, {why}; reading it as UTF-8"
                    ),
                    format!("警告：网页声明的字符集为 `{name}`，{why}；按 `UTF-8` 读取"),
                )
            }
            Msg::Fetched {
                url,
                status,
                reason,
                redirects,
                last,
            } => {
                let hops = match (zh, redirects) {
                    (_, 0) => String::new(),
                    (false, 1) => format!(" after 1 redirect to {last}"),
                    (false, n) => format!(" after {n} redirects to {last}"),
                    (true, n) => format!("，经 {n} 次重定向至 {last}"),
                };
                pick(
                    format!("fetched {url}: {status} {reason}{hops}"),
                    format!("已抓取 {url}：`{status} {reason}`{hops}"),
                )
            }
            Msg::FetchedSnapshot {
                id,
                media_type,
                bytes,
                warc,
            } => pick(
                format!("added snapshot {id} ({media_type}, {bytes} bytes), WARC {warc}"),
                format!("已存快照 {id}（{media_type}，{bytes} 字节），`WARC` {warc}"),
            ),
            Msg::SameBytes { id, capture, warc } => pick(
                format!("same bytes as snapshot {id}: added capture {capture} of it, WARC {warc}"),
                format!("与快照 {id} 字节相同：已记为其第 {capture} 次抓取，`WARC` {warc}"),
            ),
            Msg::NothingToWatch => pick(
                "nothing to watch: no snapshot cited by evidence has a URL (or every one was seen within `--since`)".into(),
                "没有可复查的网页：证据引用的快照都没有网址（或都在 `--since` 之内复查过）".into(),
            ),
            Msg::ArchiveLookupFailed { error, url } => pick(
                format!("warning: {error}; no archived copy recorded for {url}"),
                format!("警告：{error}；未为 {url} 记录存档副本"),
            ),
            Msg::Watched { snapshots, counts } => {
                let list: Vec<String> = counts
                    .iter()
                    .map(|(o, n)| pick(format!("{n} {o}"), format!("{n} 个{}", outcome_word(*o, language))))
                    .collect();
                let list = if list.is_empty() {
                    pick("none".into(), "无".into())
                } else {
                    list.join(if zh { "，" } else { ", " })
                };
                pick(
                    format!("watched {snapshots} snapshot{}: {list}", s(*snapshots)),
                    format!("已复查 {snapshots} 个快照：{list}"),
                )
            }
            Msg::OutOfTime { pages } => pick(
                format!("out of time: {pages} page{} left for the next run", s(*pages)),
                format!("时间已到：{pages} 个网页留待下次运行"),
            ),
            Msg::NoVerdictAffected => pick("no verdict is affected".into(), "没有结论受影响".into()),
            Msg::VerdictsAffected { claims } => {
                let list: Vec<String> = claims
                    .iter()
                    .map(|(id, status)| {
                        pick(
                            format!("{id} ({status})"),
                            format!("{id}（{}）", status_label(*status, language)),
                        )
                    })
                    .collect();
                pick(
                    format!(
                        "verdicts affected (evidence changed or gone): {}; re-review them (`factcheck mark`) or attach the new capture",
                        list.join(", ")
                    ),
                    format!(
                        "受影响的结论（证据已变或已失效）：{}；请重新复核（`factcheck mark`）或附上新的抓取",
                        list.join("、")
                    ),
                )
            }
            Msg::WroteManPages { n, dir } => pick(
                format!(
                    "wrote {n} manual pages to `{dir}` (factcheck.1 and factcheck-<command>.1)"
                ),
                format!("已将 {n} 个手册页写入 `{dir}`（`factcheck.1` 与 `factcheck-<command>.1`）"),
            ),
            Msg::ClaimEdited { id, fields } => pick(
                format!("edited claim {id}: {}", fields.join(", ")),
                format!("已编辑说法 {id}：{}", backticked(fields)),
            ),
            Msg::ClaimRemoved { id, text, note } => pick(
                format!("removed claim {id} ({text}): {note}"),
                format!("已删除说法 {id}（{text}）：{note}"),
            ),
            Msg::RemovedAt { id, at, by, note } => pick(
                format!("removed {id} at {at} by {by}: {note}"),
                format!("{by} 于 {at} 删除了 {id}：{note}"),
            ),
            Msg::Signed { by, status, id } => pick(
                format!("{by} signed the verdict `{status}` on claim {id}"),
                format!(
                    "{by} 已复核说法 {id} 的结论「{}」",
                    status_label(*status, language)
                ),
            ),
            Msg::ArticleRevised { new, old } => pick(
                format!("the workspace's article is now {new}, a revision of {old}"),
                format!("工作区的文章现为 {new}，是 {old} 的修订版"),
            ),
            Msg::Carried {
                moved,
                edited,
                dropped,
            } => {
                let total = moved + edited + dropped;
                if total == 0 {
                    return pick("no claims to carry over".into(), "没有需要沿用的说法".into());
                }
                let edited_en = if *edited > 0 {
                    format!("{edited} edited (in recheck until marked again)")
                } else {
                    "0 edited".into()
                };
                let edited_zh = if *edited > 0 {
                    format!("{edited} 条有改动（重新标记前待复核）")
                } else {
                    "0 条有改动".into()
                };
                pick(
                    format!(
                        "carried {total} claim{}: {moved} moved, {edited_en}, {dropped} dropped",
                        s(total)
                    ),
                    format!(
                        "已沿用 {total} 条说法：{moved} 条移位，{edited_zh}，{dropped} 条被删去"
                    ),
                )
            }
            Msg::NoLongerInArticle { quote } => pick(
                format!("\"{quote}\" is no longer in the article"),
                format!("「{quote}」已不在文章中"),
            ),
            Msg::Ambiguous { at, id } => pick(
                format!(
                    " (ambiguous: the words occur at {at}; `factcheck claim edit {id} --occurrence N` picks one)"
                ),
                format!(
                    "（有歧义：这段文字出现在 {at}；用 `factcheck claim edit {id} --occurrence N` 选定一处）"
                ),
            ),
            Msg::ArticleRevisions { chain } => pick(
                format!("article revisions, oldest first: {chain} (current)"),
                format!("文章的修订版（由旧到新）：{chain}（当前）"),
            ),
            Msg::LeftOutUnsigned { n } => pick(
                format!(
                    "left out {n} verdict{} awaiting sign-off (`factcheck sign CLAIM`)",
                    s(*n)
                ),
                format!("未导出 {n} 条待复核的结论（`factcheck sign CLAIM`）"),
            ),
            Msg::LeftOutRevised { n } => pick(
                format!(
                    "left out {n} verdict{} on words a revision of the article changed or cut (`factcheck claim list --recheck`, `--dropped`)",
                    s(*n)
                ),
                format!(
                    "未导出 {n} 条结论：其所依据的文字已被文章的修订版改动或删去（`factcheck claim list --recheck`、`--dropped`）"
                ),
            ),
            Msg::NoPublisher => pick(
                "no `publisher` in factcheck.yaml: the reviews have no `author`, which Google requires; add a line `publisher: Your Desk` to factcheck.yaml".into(),
                "`factcheck.yaml` 中没有 `publisher`：评审因此缺少谷歌要求的 `author`；请在 `factcheck.yaml` 中加一行 `publisher: 核查台名称`".into(),
            ),
            Msg::NoBaseUrl => pick(
                "no `base_url` in factcheck.yaml: the reviews have no `url`, which Google requires; add a line `base_url: https://…/your-fact-check` to factcheck.yaml (each review's url is base_url#claim-id)".into(),
                "`factcheck.yaml` 中没有 `base_url`：评审因此缺少谷歌要求的 `url`；请在 `factcheck.yaml` 中加一行 `base_url: https://…/your-fact-check`（每条评审的网址为 `base_url#claim-id`）".into(),
            ),
            Msg::WroteReviews { n, path } => pick(
                format!("wrote {n} review{} to `{path}`", s(*n)),
                format!("已将 {n} 条评审写入 `{path}`"),
            ),
            Msg::WroteAnnotations { n, path } => pick(
                format!("wrote {n} annotation{} to `{path}`", s(*n)),
                format!("已将 {n} 条标注写入 `{path}`"),
            ),
            Msg::LeftOutUnanchored { n } => pick(
                format!(
                    "left out {n} unanchored claim{} (no quote to point at)",
                    s(*n)
                ),
                format!("未导出 {n} 条未锚定的说法（没有可指向的引文）"),
            ),
            Msg::LeftOutLost { n } => pick(
                format!(
                    "left out {n} claim{} whose quote no longer occurs in {} (`factcheck check` lists {})",
                    s(*n),
                    if *n == 1 { "its snapshot" } else { "their snapshots" },
                    if *n == 1 { "it" } else { "them" }
                ),
                format!("未导出 {n} 条引文已不在其快照中的说法（`factcheck check` 会列出）"),
            ),
            Msg::StaleSelectors { n } => pick(
                format!(
                    "{n} selector{} had stale offsets and {} exported where the quote is now (`factcheck check --fix` updates the records)",
                    s(*n),
                    if *n == 1 { "was" } else { "were" }
                ),
                format!(
                    "{n} 个选择器的位置已过时，已按引文现在的位置导出（`factcheck check --fix` 会更新记录）"
                ),
            ),
            Msg::UncheckedSelectors { n } => pick(
                format!(
                    "{n} selector{} exported as recorded: {} snapshot could not be read (`factcheck check` says why)",
                    s(*n),
                    if *n == 1 { "its" } else { "their" }
                ),
                format!("{n} 个选择器按记录原样导出：其快照无法读取（`factcheck check` 会说明原因）"),
            ),
            Msg::UnsignedAnnotations { n } => pick(
                format!(
                    "{n} verdict{} awaiting sign-off left out of {} annotation{} (`factcheck sign CLAIM`)",
                    s(*n),
                    if *n == 1 { "its" } else { "their" },
                    s(*n)
                ),
                format!("{n} 条待复核的结论未写入标注（`factcheck sign CLAIM`）"),
            ),
            Msg::NoCandidates => pick(
                "no candidates; lower `--min-score`, or check the snapshot has prose".into(),
                "没有候选句；可调低 `--min-score`，或确认快照中有正文".into(),
            ),
            Msg::Claimed { ids } => pick(format!("  claimed: {ids}"), format!("  已有说法：{ids}")),
            Msg::CheckWorthy => pick("  check-worthy".into(), "  值得核查".into()),
            Msg::CheckedBeforeUrl { url } => pick(
                format!("checked before: {url}"),
                format!("此前核查过：{url}"),
            ),
            Msg::Candidates { n, worthy, claimed } => pick(
                format!(
                    "{n} candidates ({worthy} check-worthy), {claimed} already claimed; `factcheck claim add --text … --quote \"…\"` takes a sentence as it is"
                ),
                format!(
                    "{n} 个候选句（{worthy} 个值得核查），{claimed} 个已有说法；用 `factcheck claim add --text … --quote \"…\"` 按原文添加一句"
                ),
            ),
            Msg::Unclaimed { open, worthy } => pick(
                format!(
                    "{open} of {worthy} check-worthy sentences have no claim; `factcheck claim add --text … --quote \"…\"` checks one, `factcheck extract --dismiss N --note …` dismisses one"
                ),
                format!(
                    "{worthy} 个值得核查的句子中有 {open} 个还没有说法；用 `factcheck claim add --text … --quote \"…\"` 核查一句，用 `factcheck extract --dismiss N --note …` 搁置一句"
                ),
            ),
            Msg::Dismissed { start, end, text } => pick(
                format!("dismissed [{start}..{end}]: {text}"),
                format!("已搁置 [{start}..{end}]：{text}"),
            ),
            // The first messages are worded in `text`.
            _ => String::new(),
        }
    }
}

/// Field names for a Chinese line: each in backticks, joined with `、`.
fn backticked(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join("、")
}

/// `3 added, 1 updated, 0 unchanged`: what an archive command stored.
fn tally(c: &Counts, language: Language) -> String {
    if language == Language::Zh {
        let mut out = format!("新增 {}，更新 {}，未变 {}", c.added, c.updated, c.unchanged);
        if c.removed > 0 {
            out += &format!("，移除 {}", c.removed);
        }
        return out;
    }
    let mut parts = vec![
        format!("{} added", c.added),
        format!("{} updated", c.updated),
        format!("{} unchanged", c.unchanged),
    ];
    if c.removed > 0 {
        parts.push(format!("{} removed", c.removed));
    }
    parts.join(", ")
}

mod words;
pub use words::*;

#[cfg(test)]
mod tests;
