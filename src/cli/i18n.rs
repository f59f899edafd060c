//! What the command line tells people, in the workspace's language: one
//! variant per message, its English and Chinese side by side, so a message is
//! changed in one place and a Chinese desk never reads English between
//! Chinese lines. Ids, paths, field names and the desk's own words are
//! passed in as they are; claims are named as the report names them where
//! the report's numbering is at hand.

use std::fmt::Write as _;

use crate::model::{Language, Stance, Status};
use crate::report::status_label;

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
                    let stance = match stance {
                        Stance::Supports => "支持",
                        Stance::Refutes => "反驳",
                        Stance::Context => "背景",
                    };
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English text of every message is what the tool printed before the
    /// catalogue, and the Chinese one has no English word outside ids,
    /// commands and paths.
    #[test]
    fn every_message_reads_in_both_languages() {
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
        ];
        assert_eq!(
            all[6].text(Language::En),
            "no problems in 1 claim and 2 snapshots"
        );
        for m in &all {
            let zh = m.text(Language::Zh);
            let prose: String = zh.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            for word in prose.split(|c: char| !c.is_ascii_alphabetic()) {
                assert!(
                    word.len() < 3 || ["text", "markdown"].contains(&word),
                    "English `{word}` in {zh}"
                );
            }
        }
    }
}
