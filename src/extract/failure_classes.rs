//! One test per failure class found when `extract` was measured on labelled
//! debates (each named after what went wrong).

use super::test_support::*;
use super::{candidates, model};

/// Whether the sentence, extracted alone, is check-worthy.
fn checkworthy(sentence: &str) -> bool {
    candidates(sentence).first().is_some_and(|c| c.checkworthy)
}

#[test]
fn spelled_out_figures_are_figures() {
    let gnp = "We have a gross national product of approximately five hundred billion dollars.";
    assert!(
        has_reason(gnp, "money: five hundred billion dollars"),
        "{:?}",
        reasons(gnp)
    );
    assert!(has_reason(
        "Unemployment went up twenty-five percent.",
        "percent: twenty-five percent"
    ));
    assert!(has_reason(
        "A million people lost their jobs.",
        "figure: A million"
    ));
    assert!(has_reason(
        "Prices rose three times over.",
        "multiple: three times"
    ));
    // One number word alone is just a word.
    assert!(!has_feature(
        "One of the things we have to do is listen.",
        "figure"
    ));
    assert!(!has_feature("Two things matter here tonight.", "figure"));
    // Chinese numerals without a measure word.
    assert!(has_reason(
        "大概一个月也就三百多块钱吧。",
        "money: 三百多块钱"
    ));
    assert!(has_reason("全国有三百多家医院参加。", "figure: 三百多家"));
    assert!(has_reason("公司估值达到十亿美元。", "money: 十亿美元"));
    assert!(has_reason("这个平台有十亿用户。", "figure: 十亿"));
    assert!(!has_feature("这件事十分重要。", "figure"));
    assert!(checkworthy(gnp), "{:?}", candidates(gnp));
}

#[test]
fn contractions_of_i_are_not_names() {
    for s in [
        "I'm going to fight for working families.",
        "I've said that many times before.",
        "I'll tell you what we will do.",
        "I'd like to answer that question.",
        "We've done it before and we'll do it again.",
        "I’m proud of what we did.",
    ] {
        assert!(!has_feature(s, "name"), "{s}: {:?}", reasons(s));
    }
    assert!(has_reason(
        "The plan Obama's team wrote failed.",
        "name: Obama's"
    ));
}

#[test]
fn clock_times_schedules_plans_and_footnote_markers_are_not_figures() {
    let perot = "This Thursday night on ABC from 8:30 to 9, Friday night on NBC from 8 to 8:30, and Saturday night on CBS from 8 to 8:30, we'll be down in the trenches.";
    let r = reasons(perot);
    assert!(
        !r.iter()
            .any(|x| x.starts_with("figure") || x.starts_with("date")),
        "{r:?}"
    );
    assert!(!has_feature("The polls close at 9 p.m. tonight.", "figure"));
    assert!(!has_feature(
        "It took him nine months to transfer his 401K plan.",
        "money"
    ));
    let plan = reasons("It took him months to transfer his 401K plan.");
    assert!(!plan.iter().any(|x| x.contains("401")), "{plan:?}");
    let marked = reasons("What I object to -- [applause] -- is this.[12]");
    assert!(
        !marked
            .iter()
            .any(|x| x.contains("12") || x.contains("applause")),
        "{marked:?}"
    );
    // Real figures and dates still count.
    assert!(has_feature("We lost 800,000 jobs on Thursday.", "figure"));
    assert!(has_reason(
        "She resigned on Thursday after the vote.",
        "date: Thursday"
    ));
}

#[test]
fn a_transcript_question_ending_in_a_period_is_a_question() {
    for s in [
        "What is your plan for the economy.",
        "Senator, do you support the bill.",
        "How many jobs were lost in Ohio.",
        "Is it true that you voted against it.",
    ] {
        assert!(has_reason(s, "question (-)"), "{s}: {:?}", reasons(s));
    }
    for s in [
        "What we need is more jobs in Ohio.",
        "How we got here matters less than where we go.",
        "The senator voted against it twice.",
    ] {
        assert!(!has_feature(s, "question"), "{s}: {:?}", reasons(s));
    }
}

#[test]
fn i_think_does_not_cancel_a_figure() {
    let claim =
        "We lose 33,000 people a year already to gun violence, and I think we have to do more.";
    let opinion = "I think we have to do more.";
    assert!(checkworthy(claim), "{:?}", candidates(claim));
    assert!(
        score(claim).0 > score(opinion).0 + 0.2,
        "{:?} vs {:?}",
        score(claim),
        score(opinion)
    );
}

#[test]
fn a_claim_about_a_record_with_no_cue_word_outranks_chatter() {
    let records = [
        "The bill you were amending allowed citizenship and legalization.",
        "He voted against the minimum wage increase and against the veterans bill.",
        "My opponent supported the trade deal that sent jobs overseas.",
    ];
    let chatter = [
        "Thank you, it's good to be here tonight.",
        "Well, let me tell you something about that.",
        "I appreciate the question and I appreciate being here.",
    ];
    let highest_chatter = chatter.iter().map(|s| score(s).0).fold(0.0, f64::max);
    for s in records {
        assert!(
            score(s).0 > highest_chatter,
            "{s}: {:?} vs {highest_chatter}",
            score(s)
        );
    }
    assert!(model::shipped().threshold > highest_chatter);
}
