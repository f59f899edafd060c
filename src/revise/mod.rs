//! Article revisions: carrying claims from one draft of the article to the next.
//!
//! An article is checked while it is still being edited. When a new draft is
//! snapshotted with `source add --revises`, every claim anchored in the old
//! draft is placed in the new one by a diff of the two texts, not by a fuzzy
//! search: the tool holds both snapshots, so it knows what changed. The diff
//! runs over lines first (line endings aside, so CRLF to LF changes nothing),
//! then over characters inside each changed hunk, which keeps a
//! million-character article fast. A claim's outcome is:
//!
//! - `moved`: its exact words are in the new text unchanged: in text the diff
//!   kept, or, for a paragraph moved (a delete plus an insert), found again in
//!   the new text by its words and prefix/suffix context, the W3C
//!   TextQuoteSelector way. Words whose line breaks and spaces changed, but
//!   not the words themselves (a re-wrapped paragraph), are moved too.
//! - `edited`: the words were changed; the claim is anchored to the words that
//!   replaced them. A quote that now occurs more than once with nothing to
//!   choose between the places is edited too, with every candidate named:
//!   the tool never guesses silently.
//! - `dropped`: the words are gone; the claim keeps its anchor in the
//!   revision that had them.
//!
//! Each outcome is a `revised` history event on the claim; an `edited` one
//! keeps the old anchor (`from`) and puts the claim in recheck until it is
//! marked again ([`Claim::recheck`]).

mod carry;
mod diff;
mod place;
mod words;

pub(crate) use carry::carry_to;
pub use carry::{Candidate, Carried, Span, chain, waiting};
pub use diff::Diff;
pub use place::{Placement, Revision};
pub use words::{Change, Piece, word_diff};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor;
    use crate::model::{Outcome, SourceId};
    use crate::text::SourceText;

    fn id() -> SourceId {
        SourceId::from_hex(&"a".repeat(64)).unwrap()
    }

    /// Anchors `quote` (which must occur once) in `old`, places it in `new`,
    /// and returns the outcome with the new words.
    fn carry(old: &str, new: &str, quote: &str) -> (Outcome, Option<String>, Placement) {
        let (old, new) = (SourceText::new(old.into()), SourceText::new(new.into()));
        let (s, e) = anchor::locate(&old, quote, None, "old").unwrap();
        let a = anchor::anchor(id(), &old, s, e);
        let revision = Revision::new(&old, &new);
        let p = revision.place(&a).unwrap();
        let words = p.span.map(|(s, e)| new.slice(s, e).to_string());
        (p.outcome, words, p)
    }

    const EN: &str = "The launch was rushed.\nThe safety team had nine days to test the model.\nStaff worked twenty hours a day.\n";

    #[test]
    fn insertion_before_a_quote_moves_it() {
        let new = format!(
            "A new opening line.\n{}",
            EN.replace("rushed", "very rushed")
        );
        let (outcome, words, p) = carry(EN, &new, "nine days to test");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("nine days to test"));
        assert_eq!(
            p.span.unwrap().0,
            new.chars().count() - EN.chars().count() + 43
        );
    }

    #[test]
    fn deletion_before_a_quote_moves_it() {
        let new = EN
            .replace("The launch was rushed.\n", "")
            .replace("The safety", "Safety");
        let (outcome, words, _) = carry(EN, &new, "nine days to test");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("nine days to test"));
    }

    #[test]
    fn an_edit_inside_a_quote_anchors_to_the_new_words() {
        let new = EN.replace("nine days", "ten days");
        let (outcome, words, _) = carry(EN, &new, "had nine days to test");
        assert_eq!(outcome, Outcome::Edited);
        assert_eq!(words.as_deref(), Some("had ten days to test"));
    }

    #[test]
    fn an_edit_that_applies_a_correction_is_edited() {
        let old = "据透露，OpenAI安全团队仅得到了9天的时间，来做安全检测。\n就，时间真的不够啊！\n";
        let new =
            "据透露，OpenAI安全团队得到了约一周的时间，来做安全检测。\n就，时间真的不够啊！\n";
        let (outcome, words, _) = carry(old, new, "OpenAI安全团队仅得到了9天的时间");
        assert_eq!(outcome, Outcome::Edited);
        assert_eq!(words.as_deref(), Some("OpenAI安全团队得到了约一周的时间"));
    }

    #[test]
    fn a_deleted_sentence_is_dropped() {
        let new = EN.replace("The safety team had nine days to test the model.\n", "");
        let (outcome, words, _) = carry(EN, &new, "nine days to test");
        assert_eq!(outcome, Outcome::Dropped);
        assert_eq!(words, None);
        // Cut from the middle of a line, too.
        let old = "一句。为此，团队仅得到了9天的时间。另一句。\n";
        let new = "一句。另一句。\n";
        assert_eq!(carry(old, new, "团队仅得到了9天的时间").0, Outcome::Dropped);
    }

    #[test]
    fn a_moved_paragraph_carries_its_quotes() {
        let old = "First paragraph about the launch.\n\nSecond paragraph: the safety team had nine days.\n\nThird paragraph about staff.\n";
        let new = "Second paragraph: the safety team had nine days.\n\nFirst paragraph about the launch, edited.\n\nThird paragraph about staff.\n";
        let (outcome, words, p) = carry(old, new, "safety team had nine days");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("safety team had nine days"));
        assert_eq!(p.span, Some((22, 47)));
        // The paragraph that stayed, edited around the quote.
        assert_eq!(
            carry(old, new, "about the launch").0,
            Outcome::Moved,
            "words kept in place"
        );
    }

    #[test]
    fn a_paragraph_moved_and_edited_is_edited_where_it_went() {
        let old = "Intro.\n\nThe bridge carries 40,000 cars a day. Repairs cost\n12 million.\n\nThe toll was abolished in 2001.\n";
        let new =
            "Intro.\n\nThe toll was abolished in 2001.\n\nThe bridge carries 32,000 cars a day.\n";
        let (outcome, words, _) = carry(old, new, "carries 40,000 cars a day");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Edited, Some("carries 32,000 cars a day"))
        );
        assert_eq!(
            carry(old, new, "Repairs cost\n12 million").0,
            Outcome::Dropped
        );
        assert_eq!(carry(old, new, "abolished in 2001").0, Outcome::Moved);
    }

    #[test]
    fn a_quote_that_becomes_ambiguous_is_edited_with_every_candidate() {
        let old = "Para one.\nThe team had 9 days.\nPara two.\n";
        let new = "Para one.\nPara two.\nA: the team had 9 days.\nB: the team had 9 days.\n";
        let (outcome, words, p) = carry(old, new, "team had 9 days");
        assert_eq!(outcome, Outcome::Edited);
        assert_eq!(words.as_deref(), Some("team had 9 days"));
        assert_eq!(p.candidates, vec![(27, 42), (51, 66)]);
        // Context that agrees on one of them is not ambiguous.
        let new =
            "Para one.\nPara two.\nA: the team had 9 days.\nThe team had 9 days.\nPara two.\n";
        let (outcome, _, p) = carry(old, new, "team had 9 days");
        assert_eq!((outcome, p.span), (Outcome::Moved, Some((48, 63))));
    }

    #[test]
    fn a_rewrapped_paragraph_is_moved_not_edited() {
        let old = "The safety team had nine days\nto test the model, and staff worked\ntwenty hours a day.\n";
        let new = "The safety team had nine days to\ntest the model, and staff\nworked twenty hours a day.\n";
        let (outcome, words, _) = carry(old, new, "nine days\nto test the model");
        assert_eq!(outcome, Outcome::Moved);
        assert_eq!(words.as_deref(), Some("nine days to\ntest the model"));
        // Chinese re-wrapped: a line break removed between characters.
        let old = "OpenAI安全团队仅得到了\n9天的时间，来做安全检测。\n";
        let new = "前言。\nOpenAI安全团队仅得到了9天的时间，来做安全检测。\n";
        let (outcome, words, _) = carry(old, new, "仅得到了\n9天");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Moved, Some("仅得到了9天"))
        );
    }

    #[test]
    fn crlf_to_lf_changes_no_claim() {
        let old = EN.replace('\n', "\r\n");
        for quote in [
            "nine days to test",
            "the model.\r\nStaff worked",
            "The launch",
        ] {
            let (outcome, words, _) = carry(&old, EN, quote);
            assert_eq!(outcome, Outcome::Moved, "{quote:?}");
            assert_eq!(words.unwrap(), quote.replace("\r\n", "\n"));
        }
    }

    #[test]
    fn chinese_and_english_in_one_article() {
        let old = "OpenAI CTO Mira Murati的离开，与GPT-4o、Her息息相关！\n为此，OpenAI安全团队仅得到了9天的时间，来做安全检测。\nThe system card says the model was tested for months.\n";
        let new = "OpenAI CTO Mira Murati的离开，与GPT-4o息息相关！\n为此，OpenAI安全团队仅得到了9天的时间，来做安全检测。\nThe system card says the model was tested for weeks.\n";
        assert_eq!(carry(old, new, "安全团队仅得到了9天").0, Outcome::Moved);
        let (outcome, words, _) = carry(old, new, "与GPT-4o、Her息息相关");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Edited, Some("与GPT-4o息息相关"))
        );
        let (outcome, words, _) = carry(old, new, "tested for months");
        assert_eq!(
            (outcome, words.as_deref()),
            (Outcome::Edited, Some("tested for weeks"))
        );
    }

    #[test]
    fn word_diffs_split_words_and_cjk_characters() {
        let changes = word_diff(
            "a\nThe team had nine days.\n",
            "a\nThe team had ten days.\n",
        );
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].old_line, 2);
        let ops: Vec<(&str, &str)> = changes[0]
            .pieces
            .iter()
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            ops,
            vec![
                ("equal", "The team had "),
                ("delete", "nine"),
                ("insert", "ten"),
                ("equal", " days.")
            ]
        );
        let changes = word_diff("仅得到了9天的时间\n", "仅得到了十天的时间\n");
        let ops: Vec<(&str, &str)> = changes[0]
            .pieces
            .iter()
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            ops,
            vec![
                ("equal", "仅得到了"),
                ("delete", "9"),
                ("insert", "十"),
                ("equal", "天的时间")
            ]
        );
    }
}
