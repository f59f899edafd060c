//! `factcheck extract --unclaimed` and `--dismiss`: the article's
//! check-worthy sentences that have no claim yet, and the desk's record of
//! those it decided need none (`dismissed.yaml`).

use super::extract::ExtractArgs;
use crate::cli::i18n::Msg;
use crate::cli::ui::{Ctx, emit, emit_json, say};
use crate::coverage::{self, Sentence};
use crate::error::{Error, Result};
use crate::model::{Dismissal, SourceId};
use crate::workspace::Workspace;

pub fn run(
    ctx: &Ctx,
    ws: &Workspace,
    id: &SourceId,
    text: &str,
    args: &ExtractArgs,
) -> Result<i32> {
    let sentences = coverage::sentences_of(ws, id, text);
    let quotes = |ws: &Workspace| -> Result<Vec<(usize, usize)>> {
        Ok(ws
            .load_claims()?
            .iter()
            .filter_map(|c| c.appears_in.as_ref().filter(|a| a.source == *id))
            .map(|a| (a.start, a.end))
            .collect())
    };
    match &args.dismiss {
        Some(which) => {
            let note = coverage::require_note(args.note.as_deref())?.to_string();
            let by = ctx.who()?;
            let at = ctx.now()?;
            let lock = ws.lock(say)?;
            // Read under the lock: a parallel dismissal is never lost.
            let mut dismissed = ws.load_dismissed()?;
            let quotes = quotes(ws)?;
            let open = coverage::unclaimed(&sentences, id, &quotes, &dismissed);
            let sentence = pick(&sentences, &open, which)?;
            if dismissed.iter().any(|d| coverage::covers(d, id, sentence)) {
                return Err(Error::refused(format!(
                    "this sentence is already dismissed: \"{}\"",
                    sentence.text
                )));
            }
            if quotes
                .iter()
                .any(|&(s, e)| s < sentence.end && sentence.start < e)
            {
                return Err(Error::refused(format!(
                    "a claim already quotes this sentence: \"{}\"",
                    sentence.text
                ))
                .with_hint_in(
                    "a sentence with a claim is covered; nothing to dismiss",
                    "已有说法的句子已算覆盖，无需搁置",
                ));
            }
            dismissed.push(Dismissal {
                source: id.clone(),
                exact: sentence.text.clone(),
                start: sentence.start,
                end: sentence.end,
                note,
                by,
                at,
            });
            ws.save_dismissed(dismissed, &lock)?;
            drop(lock);
            say(&Msg::Dismissed {
                start: sentence.start,
                end: sentence.end,
                text: &sentence.text,
            }
            .text(ws.config.language()));
            Ok(0)
        }
        None => {
            let dismissed = ws.load_dismissed()?;
            let open = coverage::unclaimed(&sentences, id, &quotes(ws)?, &dismissed);
            if ctx.json() {
                return emit_json(&open).map(|()| 0);
            }
            let worthy = sentences.iter().filter(|s| s.checkworthy).count();
            let mut out = String::new();
            let width = open.len().to_string().len();
            for (i, s) in open.iter().enumerate() {
                out.push_str(&format!(
                    "{:>width$}. {:.3}  [{}..{}]\n{}{}\n",
                    i + 1,
                    s.score,
                    s.start,
                    s.end,
                    " ".repeat(width + 2),
                    s.text.replace('\n', " ")
                ));
            }
            out.push_str(
                &(Msg::Unclaimed {
                    open: open.len(),
                    worthy,
                }
                .text(ws.config.language())
                    + "\n"),
            );
            emit(&out)?;
            Ok(0)
        }
    }
}

/// The sentence `which` names: its number in the `--unclaimed` list, else
/// the check-worthy sentence with those words.
fn pick<'a>(all: &'a [Sentence], open: &[&'a Sentence], which: &str) -> Result<&'a Sentence> {
    if let Ok(n) = which.trim().parse::<usize>() {
        return open.get(n.wrapping_sub(1)).copied().ok_or_else(|| {
            Error::usage(format!(
                "there is no sentence {n} in `factcheck extract --unclaimed` ({} listed)",
                open.len()
            ))
        });
    }
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let wanted = words(which);
    all.iter()
        .filter(|s| s.checkworthy)
        .find(|s| words(&s.text) == wanted)
        .ok_or_else(|| {
            Error::usage(format!(
                "no check-worthy sentence reads \"{}\"",
                which.trim()
            ))
            .with_hint_in(
                "copy it from `factcheck extract --unclaimed`, or give its number there",
                "从 `factcheck extract --unclaimed` 的输出中复制原句，或给出它在其中的序号",
            )
        })
}
