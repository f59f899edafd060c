//! Article revisions on the command line: `source add NEW --revises [OLD]`
//! (snapshot the next draft and carry every claim over) and the chain of
//! revisions under `source list`. `source diff` is in `source/diff.rs`.

use std::io::Read;

use serde::Serialize;

use super::source::AddArgs;
use crate::anchor::one_line;
use crate::cli::i18n::{self, Msg};
use crate::cli::ui::{Ctx, emit, emit_json, nonempty, say};
use crate::error::{Error, Result};
use crate::model::Author;
use crate::model::{Language, MediaType, Outcome, SourceEdit, SourceId};
use crate::revise::{self, Carried};
use crate::text;
use crate::workspace::store::{self, NewSource};
use crate::workspace::{self, Workspace};

/// What `source add --revises --format json` prints.
#[derive(Debug, Serialize)]
struct RevisionOutput<'a> {
    revision: String,
    revises: String,
    claims: &'a [Carried],
}

/// `source add NEW --revises [OLD]`.
pub fn add(ctx: &Ctx, args: AddArgs) -> Result<i32> {
    let ws = ctx.workspace()?;
    let language = ws.config.language();
    let by = ctx.who()?;
    let at = ctx.now()?;
    let from_stdin = args.path.as_os_str() == "-";
    let mut bytes = Vec::new();
    if from_stdin {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("read", "<stdin>", e))?;
    } else {
        bytes = workspace::fs::read_given(&args.path)?;
    }
    let lock = ws.lock(say)?;
    let new_id = SourceId::from_hex(&store::sha256_hex(&bytes))
        .expect("a SHA-256 digest is 64 lowercase hex characters");
    let existing = store::load_meta(&ws, &new_id).ok();
    let old = match args.revises.as_deref().map(str::trim) {
        // Run again after it took effect, the current article is the new
        // draft itself: the draft it revises is the one meant.
        Some("") | None => match (&ws.config.article, &existing) {
            (Some(article), Some(meta)) if article == &new_id && meta.revises.is_some() => {
                meta.revises.clone().expect("tested just above")
            }
            (Some(article), _) => article.clone(),
            (None, _) => {
                return Err(Error::invalid("the workspace has no article to revise").with_hint_in(
                    "name the earlier draft with `--revises OLD`, or set the article with `factcheck source add PATH --article`",
                    "用 `--revises OLD` 指明较早的稿件，或用 `factcheck source add PATH --article` 指定文章",
                ));
            }
        },
        Some(given) => store::resolve(&ws, given)?,
    };
    let old_meta = store::load_meta(&ws, &old)?;
    if new_id == old {
        return Err(Error::refused(format!(
            "`{}` is snapshot `{}` itself, not a revision of it",
            args.path.display(),
            old.short()
        )));
    }
    if let Some(meta) = &existing
        && let Some(other) = &meta.revises
        && other != &old
    {
        return Err(Error::refused(format!(
            "snapshot `{}` is already recorded as a revision of `{}`, not of `{}`",
            new_id.short(),
            other.short(),
            old.short()
        ))
        .with_hint_in(
            "a snapshot revises one earlier draft; nothing was changed",
            "一个快照只能修订一份较早的稿件；未作任何改动",
        ));
    }
    if revise::chain(&ws, &old)?.contains(&new_id) {
        return Err(Error::refused(format!(
            "snapshot `{}` is an earlier revision of `{}`; a draft cannot revise its own successor",
            new_id.short(),
            old.short()
        )));
    }
    // Both texts are read before anything is written, so a snapshot that has
    // no text refuses the command with every file as it was.
    let media_type = match (&existing, &args.media_type) {
        (Some(meta), _) => meta.media_type.to_string(),
        (None, Some(m)) => m.clone(),
        (None, None) => args
            .path
            .to_str()
            .filter(|_| !from_stdin)
            .and_then(store::media_type_of_name)
            .map(str::to_string)
            .unwrap_or_else(|| {
                if std::str::from_utf8(&bytes).is_ok() {
                    "text/plain".into()
                } else {
                    "application/octet-stream".into()
                }
            }),
    };
    let media_type: MediaType = media_type.parse().map_err(Error::usage)?;
    let charset = match (&existing, &args.charset) {
        (Some(meta), _) => meta.charset.clone(),
        (None, Some(name)) => text::charset_name(text::encoding_for(name)?),
        (None, None) => None,
    };
    let new_text = text::decode_charset(
        bytes.clone(),
        media_type.as_str(),
        charset.as_deref(),
        &format!("`{}`", args.path.display()),
    )?;
    let old_text = store::read_text(&ws, &old_meta)?;
    // A draft that keeps little of the article is more likely the wrong
    // file than its next revision: carrying every claim into it would
    // re-anchor them to stray words.
    let shared = revise::shared_share(old_text.as_str(), &new_text);
    if shared < revise::MIN_SHARED && !args.force {
        return Err(Error::refused(format!(
            "`{}` keeps {:.0}% of the text of `{}`; a revision keeps at least {:.0}% of the draft it revises",
            args.path.display(),
            shared * 100.0,
            old.short(),
            revise::MIN_SHARED * 100.0
        ))
        .with_hint_in("check that it is the next draft of this article; `--force` carries the claims over anyway. Nothing was changed", "请确认它确是这篇文章的下一稿；加 `--force` 仍会沿用各条说法。未作任何改动"));
    }

    // A new draft of the same article: the same title, kind and publisher
    // unless told otherwise.
    let new = NewSource {
        charset,
        kind: args.about.kind.or(old_meta.kind),
        publisher: nonempty(args.about.publisher).or_else(|| old_meta.publisher.clone()),
        published: args.about.published,
        url: nonempty(args.url),
        title: nonempty(args.about.title).or_else(|| old_meta.title.clone()),
        media_type: Some(media_type),
        note: nonempty(args.about.note),
        revises: Some(old.clone()),
        file_name: (!from_stdin).then(|| args.path.to_string_lossy().into_owned()),
        ..NewSource::default()
    };
    let (mut meta, created) = store::add(&ws, &mut &bytes[..], new, &by, at, &lock)?;
    if meta.revises.is_none() {
        meta.revises = Some(old.clone());
        meta.history.push(SourceEdit {
            at,
            by: by.clone(),
            fields: vec!["revises".into()],
            note: None,
        });
        workspace::write_atomic(
            &store::meta_path(&ws, &new_id),
            crate::workspace::yaml::to_string(&meta)?.as_bytes(),
        )?;
    }
    let author = Author { by: by.clone(), at };
    let carried = revise::carry_to(&ws, &new_id, || Ok(author), &lock)?;
    if ws.config.article.as_ref() != Some(&new_id) {
        let mut config = ws.config.clone();
        config.article = Some(new_id.clone());
        ws.save_config(&config, &lock)?;
        say(&Msg::ArticleRevised {
            new: new_id.short(),
            old: old.short(),
        }
        .text(language));
    }
    drop(lock);
    say(&Msg::Snapshot {
        created,
        id: new_id.short(),
        media_type: &meta.media_type.to_string(),
        bytes: meta.size,
    }
    .text(language));
    say(&summary(&carried, language));
    if ctx.json() {
        return emit_json(&RevisionOutput {
            revision: new_id.to_string(),
            revises: old.to_string(),
            claims: &carried,
        })
        .map(|()| 0);
    }
    let mut out = format!("{new_id}\n");
    out.push_str(&render(&carried, language));
    emit(&out)?;
    Ok(0)
}

/// "carried 3 claims: 1 moved, 1 edited (in recheck until marked again), 1 dropped".
pub fn summary(carried: &[Carried], language: Language) -> String {
    let count = |o: Outcome| carried.iter().filter(|c| c.outcome == o).count();
    Msg::Carried {
        moved: count(Outcome::Moved),
        edited: count(Outcome::Edited),
        dropped: count(Outcome::Dropped),
    }
    .text(language)
}

/// One line per claim carried: the outcome, the id, and where its words went.
pub fn render(carried: &[Carried], language: Language) -> String {
    let mut out = String::new();
    for c in carried {
        let line = match (&c.to, c.outcome) {
            (Some(to), Outcome::Moved) => {
                format!(
                    "{}..{} → {}..{}",
                    c.from.start, c.from.end, to.start, to.end
                )
            }
            (Some(to), _) if language == Language::Zh => {
                format!("「{}」→「{}」", short(&c.from.exact), short(&to.exact))
            }
            (Some(to), _) => format!("\"{}\" → \"{}\"", short(&c.from.exact), short(&to.exact)),
            (None, _) => Msg::NoLongerInArticle {
                quote: &short(&c.from.exact),
            }
            .text(language),
        };
        let word = i18n::carried_word(c.outcome, language);
        out.push_str(&format!(
            "{} {}  {line}",
            crate::cli::table::pad(word, 8),
            c.id
        ));
        if !c.candidates.is_empty() {
            let at: Vec<String> = c
                .candidates
                .iter()
                .map(|x| format!("{}..{}", x.start, x.end))
                .collect();
            let sep = crate::says::list_separator(language);
            out.push_str(
                &Msg::Ambiguous {
                    at: &at.join(sep),
                    id: c.id.as_str(),
                }
                .text(language),
            );
        }
        out.push('\n');
    }
    out
}

/// A quote cut to one line of at most 40 characters.
fn short(text: &str) -> String {
    let line = one_line(text);
    if line.chars().count() <= 40 {
        return line;
    }
    let cut: String = line.chars().take(39).collect();
    format!("{cut}…")
}

/// Under `source list`: the article's revisions, oldest first, when it has any.
pub fn list_chain(ws: &Workspace) -> Result<()> {
    let Some(article) = &ws.config.article else {
        return Ok(());
    };
    let Ok(chain) = revise::chain(ws, article) else {
        // `check` names what is wrong with the chain.
        return Ok(());
    };
    if chain.len() > 1 {
        let ids: Vec<&str> = chain.iter().map(SourceId::short).collect();
        emit(&format!(
            "\n{}\n",
            Msg::ArticleRevisions {
                chain: &ids.join(" → ")
            }
            .text(ws.config.language())
        ))?;
    }
    Ok(())
}
