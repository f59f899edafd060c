//! Finding check-worthy sentences in an article.
//!
//! Pulling claims out of an article by hand is the slowest step of a
//! fact-check, so this module proposes them: it cuts a Markdown or plain
//! text (Chinese or English) into prose sentences and gives each one a
//! check-worthiness score in `[0, 1]` together with the reasons behind it,
//! so that a checker can see at a glance why a sentence was proposed and
//! disagree with it. An English sentence is scored by a logistic model
//! learned from labelled debates (`model`, trained by `learn`) over its
//! words and the scanner's cues, and weighs its context, the English
//! sentences around it; a Chinese one by the hand-weighted cues (`score`):
//! figures, money, dates, names, attribution, … minus signals of opinion
//! and rhetoric, squashed by a saturating curve. Everything runs offline;
//! the model is compiled in. The headline and the lede are ranked too,
//! marked with their [`Place`].
//!
//! Offsets are counted in Unicode scalar values (`char`s), not bytes, and a
//! sentence's `text` is always the exact slice `[start, end)` of the source,
//! so it can be stored as a verbatim quote.
//!
//! The parts, in the order text flows through them: `markdown` (which lines
//! are prose, and the headline), `sentence` (cutting a line into sentences),
//! `cues` (the word lists; a new cue goes there), `score` (the scanner's
//! features, their hand weights, the cue score), `features` (what the
//! English model sees), `model` (its weights, its score and its reasons,
//! and the context), with `chars` the character classes they share.

use serde::Serialize;

mod chars;
mod cues;
#[cfg(test)]
mod failure_classes;
mod features;
pub mod learn;
mod markdown;
mod model;
mod score;
mod sentence;
#[cfg(test)]
mod test_support;

pub use model::{NEAR_A_CLAIM, NO_CLAIM_NEAR};

use markdown::prose_lines;
use sentence::split_line;

/// A prose sentence: `text` is exactly the source slice `[start, end)` in chars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A scored sentence; `score` is rounded to 3 decimals for stable JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub score: f64,
    /// Whether the score reaches the threshold calibrated on the training
    /// data (the README's extraction section gives it).
    pub checkworthy: bool,
    pub reasons: Vec<String>,
    /// The headline or the lede, which most readers read; absent in the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// Where in an article a candidate stands, when that is where readers look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// The front matter's `title:` (or the first `# ` heading).
    Headline,
    /// The sentences of the first paragraph of the body.
    Lede,
}

/// Prose sentences of a (Markdown or plain) text, in order.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (start, end) in prose_lines(&chars) {
        split_line(&chars, start, end, &mut out);
    }
    out
}

/// The headline (when there is one) and every prose sentence, scored, sorted
/// by score descending, ties by start ascending. The headline and the lede
/// carry their [`Place`], and a reason and a bonus for it; an English
/// sentence also weighs its context, the English sentences around it.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let chars: Vec<char> = text.chars().collect();
    let lede_end = lede_end(&chars);
    let headline = markdown::headline(&chars).map(|(start, end)| Sentence {
        text: chars[start..end].iter().collect(),
        start,
        end,
    });
    let found: Vec<(Sentence, Option<Place>)> = headline
        .map(|s| (s, Some(Place::Headline)))
        .into_iter()
        .chain(sentences(text).into_iter().map(|s| {
            let place = (s.end <= lede_end).then_some(Place::Lede);
            (s, place)
        }))
        .collect();
    let model = model::shipped();
    // The English sentences weighed alone, then each one's context among them.
    let weighed: Vec<Option<model::Weighed>> = found
        .iter()
        .map(|(s, _)| score::is_english(&s.text).then(|| model.weigh(&features::features(&s.text))))
        .collect();
    let logits: Vec<f64> = weighed.iter().flatten().map(|w| w.logit).collect();
    let mut context = model.context(&logits).into_iter();
    let mut out: Vec<Candidate> = found
        .into_iter()
        .zip(weighed)
        .map(|((s, place), weighed)| {
            let (score, reasons, checkworthy) = match weighed {
                Some(weighed) => judge_english(weighed, place, context.next().unwrap_or_default()),
                None => judge_cues(&s.text, place),
            };
            Candidate {
                text: s.text,
                start: s.start,
                end: s.end,
                score,
                checkworthy,
                reasons,
                place,
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.start.cmp(&b.start)));
    out
}

/// Where the lede ends: the end of the first run of prose lines with no blank
/// (or non-prose) line between them; 0 when there is no prose.
fn lede_end(chars: &[char]) -> usize {
    let lines = prose_lines(chars);
    let Some(&(_, mut end)) = lines.first() else {
        return 0;
    };
    for &(start, next_end) in &lines[1..] {
        let gap = &chars[end..start];
        if gap.iter().filter(|c| **c == '\n').count() != 1 || gap.iter().any(|c| !c.is_whitespace())
        {
            break;
        }
        end = next_end;
    }
    end
}

/// Score one sentence alone, with no place and no context (exposed for
/// tests and for explaining one line).
pub fn score(sentence: &str) -> (f64, Vec<String>) {
    let (score, reasons, _) = if score::is_english(sentence) {
        let weighed = model::shipped().weigh(&features::features(sentence));
        judge_english(weighed, None, 0.0)
    } else {
        judge_cues(sentence, None)
    };
    (score, reasons)
}

/// How much more likely (in log-odds) a sentence in the headline or the
/// lede is to be worth checking: set by hand, since the debates the model
/// learned from have neither.
const HEADLINE_BONUS: f64 = 1.0;
const LEDE_BONUS: f64 = 0.5;

/// An English sentence's score (3 decimals), reasons and whether it is
/// check-worthy, by the learned model, given its context part.
fn judge_english(
    weighed: model::Weighed,
    place: Option<Place>,
    context: f64,
) -> (f64, Vec<String>, bool) {
    let model = model::shipped();
    let (bonus, label) = match place {
        Some(Place::Headline) => (HEADLINE_BONUS, Some("headline")),
        Some(Place::Lede) => (LEDE_BONUS, Some("lede")),
        None => (0.0, None),
    };
    let (p, mut reasons) = model.explain(weighed, bonus, context);
    if let Some(label) = label {
        reasons.insert(0, label.to_string());
    }
    let score = (p * 1000.0).round() / 1000.0;
    (score, reasons, p >= model.threshold)
}

/// A sentence in another language (Chinese): scored by the hand-weighted
/// cues, which share the model's scanner.
fn judge_cues(sentence: &str, place: Option<Place>) -> (f64, Vec<String>, bool) {
    let (score, reasons) = score::score_in(sentence, place);
    (score, reasons, score >= model::shipped().cue_threshold)
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    // --- the score itself ---------------------------------------------------

    #[test]
    fn score_is_clamped_rounded_and_deterministic() {
        let samples = [
            "",
            "？？？",
            "8月收入达到了3亿美元，相较于去年（2023年）年初增长了1700%，较去年同同期增长两倍多。",
            "我觉得吧，真不知道啊？？！",
        ];
        for s in samples {
            let (a, ra) = score(s);
            let (b, rb) = score(s);
            assert_eq!((a, &ra), (b, &rb));
            assert!((0.0..=1.0).contains(&a), "{s}: {a}");
            assert_eq!((a * 1000.0).round() / 1000.0, a);
        }
    }

    #[test]
    fn more_evidence_scores_higher() {
        let plain = score("公司发布了新产品。").0;
        let dated = score("公司于5月14日发布了新产品。").0;
        let sourced = score("据透露，公司于5月14日发布了新产品，售价20美元。").0;
        assert!(
            plain < dated && dated < sourced,
            "{plain} {dated} {sourced}"
        );
    }

    #[test]
    fn candidates_sorted_by_score_then_start() {
        let text =
            "一切的发生，早有预谋。\n据透露，公司于5月14日发布了新产品。\n很容易引导人误入歧途。\n";
        let c = candidates(text);
        assert_eq!(c.len(), 3);
        assert!(c[0].text.starts_with("据透露"));
        assert!(
            c.windows(2).all(|w| w[0].score > w[1].score
                || (w[0].score == w[1].score && w[0].start < w[1].start))
        );
    }

    #[test]
    fn candidate_serialises_to_json() {
        let c = &candidates("据透露，公司于5月14日发布了新产品。")[0];
        let json = serde_json::to_value(c).expect("a Candidate is plain data");
        assert_eq!(json["start"], 0);
        assert_eq!(json["end"], 19);
        assert_eq!(json["text"], "据透露，公司于5月14日发布了新产品。");
        assert!(
            json["reasons"]
                .as_array()
                .is_some_and(|r| r.iter().any(|x| x == "date: 5月14日"))
        );
    }

    // --- context: the sentences around ------------------------------------

    /// The candidate whose text is `text`.
    fn candidate<'c>(cands: &'c [Candidate], text: &str) -> &'c Candidate {
        cands
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("{text:?} is not among {cands:#?}"))
    }

    #[test]
    fn a_sentence_amid_claims_ranks_above_the_same_words_amid_small_talk() {
        let target = "The bill you were amending allowed citizenship and legalization.";
        let amid_claims = format!(
            "Intro.\n\nUnemployment rose to 9.4% in 2009. {target} The deficit reached $1.4 trillion that year.\n"
        );
        let amid_talk = format!(
            "Intro.\n\nThank you all for coming tonight. {target} It is good to be here with you.\n"
        );
        let claims = candidates(&amid_claims);
        let talk = candidates(&amid_talk);
        let (near, far) = (candidate(&claims, target), candidate(&talk, target));
        let alone = score(target).0;
        assert!(
            near.score > alone && alone > far.score,
            "amid claims {}, alone {alone}, amid small talk {}",
            near.score,
            far.score
        );
        assert!(
            near.reasons
                .iter()
                .any(|r| r.starts_with("near a likely claim (+")),
            "{:?}",
            near.reasons
        );
        assert!(
            far.reasons
                .iter()
                .any(|r| r.starts_with("no likely claim nearby (-")),
            "{:?}",
            far.reasons
        );
        // Scored alone, a sentence has no context to name.
        assert!(
            !score(target)
                .1
                .iter()
                .any(|r| r.contains("nearby") || r.contains("near a"))
        );
    }

    #[test]
    fn a_chinese_sentence_weighs_no_context_among_english_claims() {
        let zh = "公司发布了新产品。";
        let text = format!(
            "Intro.\n\nUnemployment rose to 9.4% in 2009. {zh} The deficit reached $1.4 trillion that year.\n"
        );
        let cands = candidates(&text);
        assert_eq!(candidate(&cands, zh).score, score(zh).0);
        // And the English sentences are each other's neighbours across it.
        let figure = "Unemployment rose to 9.4% in 2009.";
        assert!(candidate(&cands, figure).score > score(figure).0);
    }

    // --- the fixture article ---------------------------------------------

    /// Statements in the article a fact-checker would pull, each identified
    /// by a distinctive substring of its sentence.
    const CHECKABLE: &[(&str, &str)] = &[
        ("launch timed against Google's conference", "紧急推出GPT-4o"),
        ("9 days of safety testing", "拿不到更多时间了"),
        ("20-hour working days", "每天工作20小时"),
        ("safety issues surfaced after launch", "4o发布后才爆出"),
        ("Ilya left the day after 4o", "当初4o发布第二天"),
        ("Mira left the day after full rollout", "4o全量上线的第二天"),
        (
            "McGrew and Zoph left too",
            "Bob McGrew和研究副总裁Barret Zoph",
        ),
        ("stated reason for leaving", "公司对安全重视程度不足"),
        ("GPT-4o launched May 14", "今年5月14日，OpenAI发布GPT-4o"),
        ("Astra on May 15, Ilya left", "Project Astra"),
        ("date chosen to upstage Google", "挑在14日发布"),
        ("safety team got 9 days", "仅得到了9天的时间"),
        ("20 hours a day", "拼死拼活干20个小时"),
        ("released on schedule", "还是如期发布了"),
        ("persuasion risk found", "劝说"),
        ("employees: lost lead", "失去了对领域内的领先优势"),
        ("full rollout on Sept 25", "本周三（9月25日）"),
        ("resigned the next day", "隔天她就宣布辞职了"),
        ("two more executives", "带走了另外两名高管"),
        ("Mira delayed launches", "多次推迟了包括搜索和语音交互"),
        ("visit to Ilya's home", "Greg Brockman都去Ilya家找过他"),
        ("cards written by staff", "他俩带着公司员工写的卡片"),
        (
            "Ilya considered returning",
            "他真的在认真考虑要不要重回OpenAI",
        ),
        ("offer withdrawn", "撤回了让Ilya重返公司的邀请"),
        ("others left over safety", "还有其他核心成员因不满"),
        ("Schulman co-founder", "比如John Schulman"),
        ("Schulman joined Anthropic Aug 6", "8月6日，他告别OpenAI"),
        ("Schulman's stated reason", "他在推特发文表示"),
        ("LeCun's statement", "LeCun表示"),
        ("media headline", "as we know it is dead"),
        ("staff: product over research", "据OpenAI内部员工爆料"),
        ("GPT-5 delayed, search planned", "GPT-5迟迟不发"),
        ("Noam Brown's reply", "Noam Brown针对这些传闻"),
        ("Altman denied link", "也否认了员工离职与公司转变有关"),
        ("NYT disclosed data", "纽约时报今天也透露了"),
        ("August revenue $300M, +1700%", "8月收入达到了3亿美元"),
        ("350M monthly users", "每月使用其服务的人约有3.5亿人"),
        ("$3.7B annual sales", "年销售额预计约为37亿美元"),
        ("$700M last year", "而去年仅有7亿美元"),
        (
            "10M paying subscribers at $20",
            "每月大概有1000万ChatGPT用户",
        ),
        ("2025 revenue $11.6B", "2025年收入将达到116亿美元"),
        ("2029 revenue $100B", "2029年收入达到1000亿美元"),
        ("$5B loss", "今年就将亏损约50亿美元"),
        ("price rises to $44", "未来五年内涨到44美元"),
        ("funding talks since August", "早在今年8月份就被曝出"),
        (
            "Thrive to lead with $1B",
            "兴盛资本（Thrive Captial）可能领投10亿美元",
        ),
        ("valuation above $86B", "估值将超过此前的860亿美元"),
        ("6x Anthropic, 4x xAI", "马斯克xAI（240亿）的4倍"),
        ("valuation $150B", "已上升至——**1500亿美元**"),
        ("$6.5-7B raise", "收获70亿美元融资"),
        ("Microsoft $1B", "微软预计将参与投资10亿美元"),
        ("round closes next week", "这轮融资最早可能在下周结束"),
        (
            "two years to become for-profit",
            "OpenAI有两年时间需要将自己的公司转变成营利性的公司",
        ),
        ("Apple out", "苹果将不再参与此次的投资"),
        (
            "Ilya left Google, co-founded OpenAI",
            "放弃了谷歌最顶级的待遇",
        ),
        ("Altman's path to CEO", "他最初的角色是OpenAI的资助者"),
        ("Ilya led Altman's ouster", "直到Ilya发动内讧"),
    ];

    /// Lines that are pure rhetoric or tone.
    const RHETORIC_LINES: &[&str] = &[
        "OpenAI，真的不要安全了？？！",
        "就，时间真的不够啊！",
        "但能咋办，发都发布出去了……",
        "真·一整个大问号。",
        "什么概念呢？",
        "我的老天奶，你可回来吧，Ilya！",
        "公司现在好混乱，没有你咱肯定得崩溃！",
        "感谢阅读！",
    ];

    const TOP: usize = 60;

    fn rank_of(cands: &[Candidate], needle: &str) -> usize {
        let hits: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].text.contains(needle))
            .collect();
        assert_eq!(
            hits.len(),
            1,
            "{needle:?} should identify exactly one candidate, found {hits:?}"
        );
        hits[0]
    }

    #[test]
    fn article_offsets_select_text_exactly() {
        let cands = candidates(ARTICLE);
        assert!(cands.len() > 80, "only {} candidates", cands.len());
        for c in &cands {
            assert_offsets(ARTICLE, c.start, c.end, &c.text);
            assert_eq!(c.text.trim(), c.text, "untrimmed: {:?}", c.text);
            assert!((0.0..=1.0).contains(&c.score));
        }
        let sents = sentences(ARTICLE);
        assert!(
            sents.windows(2).all(|w| w[0].end <= w[1].start),
            "sentences overlap or are out of order"
        );
    }

    #[test]
    fn article_front_matter_rules_and_links_are_not_candidates() {
        let first_body = ARTICLE
            .chars()
            .position(|c| c == '动')
            .expect("the article body starts with 动荡");
        let mut cands = candidates(ARTICLE);
        // The one candidate from the front matter is the headline, inside its quotes.
        let headline = cands.remove(
            cands
                .iter()
                .position(|c| c.place == Some(Place::Headline))
                .expect("the article has a headline"),
        );
        assert!(headline.text.starts_with("OpenAI高管震荡内幕：CEO无视安全"));
        assert_offsets(ARTICLE, headline.start, headline.end, &headline.text);
        for c in cands {
            assert!(c.start >= first_body, "front matter leaked: {:?}", c.text);
            assert!(
                !c.text.starts_with('#') && !c.text.starts_with("---"),
                "structure leaked: {:?}",
                c.text
            );
            assert!(
                !c.text.contains("x.com/") && !c.text.contains("wsj.com"),
                "link list leaked: {:?}",
                c.text
            );
            assert!(!c.text.contains("title:") && !c.text.contains("ByteAILab"));
        }
    }

    /// The ranking of the bundled article, pinned: a scoring change shows as
    /// a diff here (`cargo insta review` to accept it).
    #[test]
    fn article_ranking_is_pinned() {
        let cands = candidates(ARTICLE);
        let mut out = format!("top {TOP} of {} candidates\n", cands.len());
        for (i, c) in cands.iter().take(TOP).enumerate() {
            out.push_str(&format!(
                "{:2}. {:.3} [{}..{}] {}\n    {}\n",
                i + 1,
                c.score,
                c.start,
                c.end,
                c.text,
                c.reasons.join(" | ")
            ));
        }
        insta::assert_snapshot!(out);
    }

    #[test]
    fn article_headline_and_lede_are_candidates_marked_as_such() {
        let cands = candidates(ARTICLE);
        let headline = rank_of(&cands, "CEO无视安全仓促上马4o");
        assert_eq!(cands[headline].place, Some(Place::Headline));
        assert_eq!(cands[headline].reasons[0], "headline");
        assert!(headline < 10, "the headline ranks #{}", headline + 1);
        let lede: Vec<&str> = cands
            .iter()
            .filter(|c| c.place == Some(Place::Lede))
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(lede.len(), 4, "{lede:?}");
        assert!(
            lede.iter().any(|t| t.contains("紧急推出GPT-4o")),
            "{lede:?}"
        );
        // The first sentence after the rule under the lede is body.
        let body = rank_of(&cands, "即便007式工作");
        assert_eq!(cands[body].place, None);
    }

    #[test]
    fn article_checkable_statements_rank_in_top_60() {
        let cands = candidates(ARTICLE);
        let mut missed = Vec::new();
        for (label, needle) in CHECKABLE {
            let rank = rank_of(&cands, needle);
            if rank >= TOP {
                missed.push(format!("#{} {label}: {}", rank + 1, cands[rank].text));
            }
        }
        let found = CHECKABLE.len() - missed.len();
        println!(
            "top-{TOP} recall: {found}/{} ({:.0}%)",
            CHECKABLE.len(),
            100.0 * found as f64 / CHECKABLE.len() as f64
        );
        for m in &missed {
            println!("  missed {m}");
        }
        assert!(
            found * 10 >= CHECKABLE.len() * 8,
            "recall below 80%: missed {missed:#?}"
        );
    }

    #[test]
    fn article_rhetoric_ranks_low() {
        let cands = candidates(ARTICLE);
        let lowest_claim = CHECKABLE
            .iter()
            .map(|(_, n)| rank_of(&cands, n))
            .max()
            .expect("the labelled set is not empty");
        for line in RHETORIC_LINES {
            let rank = rank_of(&cands, line);
            assert!(rank >= TOP, "{line} ranks #{}", rank + 1);
        }
        // The three lines named in the issue rank below every labelled claim.
        for line in &RHETORIC_LINES[..3] {
            let rank = rank_of(&cands, line);
            assert!(
                rank > lowest_claim,
                "{line} (#{}) outranks a claim (#{})",
                rank + 1,
                lowest_claim + 1
            );
        }
    }
}
