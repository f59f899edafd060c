//! The scanner's features, one test per feature.

use super::super::test_support::*;
use super::Feature;

#[test]
fn every_feature_has_its_own_label_and_a_weight_in_range() {
    use Feature::*;
    let all = [
        Headline,
        Lede,
        Money,
        Percent,
        Multiple,
        Figure,
        Date,
        TimeRef,
        Name,
        Org,
        Role,
        Attribution,
        Comparison,
        Event,
        Forecast,
        Question,
        Exclamation,
        FirstPerson,
        Rhetoric,
        Hedge,
        Short,
        NoEndPunct,
    ];
    for (i, f) in all.iter().enumerate() {
        assert!(all[i + 1..].iter().all(|g| g.label() != f.label()), "{f:?}");
        assert!(f.weight().abs() > 0.0 && f.weight().abs() <= 1.0, "{f:?}");
    }
}

// --- positive features ------------------------------------------------

#[test]
fn figure() {
    assert!(has_reason("公司今年裁掉了1,200名员工。", "figure: 1,200名"));
    assert!(has_reason("她带走了另外两名高管。", "figure: 两名"));
    assert!(has_reason(
        "每月使用其服务的人约有3.5亿人。",
        "figure: 3.5亿人"
    ));
    assert!(has_reason(
        "每月大概有1000万ChatGPT用户。",
        "figure: 1000万"
    ));
    assert!(has_reason("全国约有三十万人参加。", "figure: 三十万人"));
    assert!(has_reason(
        "About 3.5 million people voted.",
        "figure: 3.5 million"
    ));
}

#[test]
fn figure_not_in_names_slang_words_or_urls() {
    assert!(!has_feature("即便如此，GPT-4o还是如期发布了。", "figure"));
    assert!(!has_feature("即便007式工作也没有做完。", "figure"));
    assert!(!has_feature("一切的一切都与一些人有关，万一呢。", "figure"));
    assert!(!has_feature(
        "参见https://x.com/a/status/1839819878792122600说明。",
        "figure"
    ));
    assert!(!has_feature("这是第二次尝试。", "figure"));
}

#[test]
fn money() {
    assert!(has_reason(
        "今年的年销售额预计约为37亿美元。",
        "money: 37亿美元"
    ));
    assert!(has_reason("大概一个月也就300多块钱。", "money: 300多块钱"));
    assert!(has_reason(
        "The firm raised $3.5 billion in May.",
        "money: $3.5 billion"
    ));
    assert!(has_reason("Tickets cost €20 each.", "money: €20"));
    assert!(has_reason("票价为50元。", "money: 50元"));
}

#[test]
fn percent() {
    assert!(has_reason("收入增长了1700%。", "percent: 1700%"));
    assert!(has_reason("支持率为５０％。", "percent: ５０％"));
    assert!(has_reason("失业率下降了百分之五。", "percent: 百分之五"));
    assert!(has_reason(
        "Sales rose 12 percent last year.",
        "percent: 12 percent"
    ));
}

#[test]
fn multiple() {
    assert!(has_reason("估值相当于对手的6倍。", "multiple: 6倍"));
    assert!(has_reason("较去年同期增长两倍多。", "multiple: 两倍多"));
    assert!(has_reason(
        "Revenue is 3 times higher than before.",
        "multiple: 3 times"
    ));
}

#[test]
fn date() {
    assert!(has_reason(
        "今年5月14日，OpenAI发布GPT-4o。",
        "date: 5月14日"
    ));
    assert!(has_reason("相较于2024年年初增长。", "date: 2024年"));
    assert!(has_reason(
        "会议定于2024年10月7日召开。",
        "date: 2024年10月7日"
    ));
    assert!(has_reason("早在8月份就被曝出。", "date: 8月份"));
    assert!(has_reason("最终在本周三才全量发布。", "date: 本周三"));
    assert!(has_reason("发布会在星期三举行。", "date: 星期三"));
    assert!(has_reason("他周三离职。", "date: 周三"));
    assert!(!has_feature("他每周三次加班。", "date"));
    assert!(has_reason(
        "OpenAI released GPT-4o on May 13, 2024.",
        "date: May 13, 2024"
    ));
    assert!(has_reason(
        "She resigned on Wednesday after the launch.",
        "date: Wednesday"
    ));
    assert!(has_reason(
        "The company was founded in 2015 by ten people.",
        "date: 2015"
    ));
}

#[test]
fn time_reference() {
    assert!(has_reason("去年仅有7亿美元。", "time: 去年"));
    assert!(has_reason(
        "当初4o发布第二天，Ilya就宣布离开。",
        "time: 第二天"
    ));
    assert!(has_reason(
        "Profits fell sharply last year, the firm said.",
        "time: last year"
    ));
}

#[test]
fn latin_names_in_chinese_text() {
    let r = reasons("OpenAI CTO Mira Murati的离开与GPT-4o有关。");
    for expected in [
        "name: OpenAI",
        "name: Mira Murati",
        "name: GPT-4o",
        "role: CTO",
    ] {
        assert!(
            r.iter().any(|x| x == expected),
            "{expected} missing from {r:?}"
        );
    }
    assert!(has_reason("马斯克xAI的估值。", "name: xAI"));
    assert!(has_reason("参加过o1的研究员。", "name: o1"));
    // Lower-case words are not names.
    assert!(!has_reason(
        "以OpenAI as we know it is dead为名。",
        "name: as"
    ));
}

#[test]
fn english_names_skip_sentence_initial_capital() {
    let r = reasons("Shares of Acme rose after Jane Roe joined.");
    assert!(r.iter().any(|x| x == "name: Acme"));
    assert!(r.iter().any(|x| x == "name: Jane Roe"));
    assert!(!r.iter().any(|x| x == "name: Shares"));
}

#[test]
fn english_names_with_initials_titles_and_acronyms() {
    let r = reasons("Dr. J. R. R. Smith of the U.S. Dept. of Energy said so, e.g. in May.");
    assert!(r.iter().any(|x| x == "name: Dr. J. R. R. Smith"), "{r:?}");
    assert!(r.iter().any(|x| x == "name: U.S."), "{r:?}");
    assert!(
        !r.iter().any(|x| x == "name: Dept" || x == "name: J"),
        "{r:?}"
    );
    let r = reasons("VP Barret Zoph also left, according to Sam Altman.");
    assert!(r.iter().any(|x| x == "role: VP"), "{r:?}");
    assert!(r.iter().any(|x| x == "name: Barret Zoph"), "{r:?}");
}

#[test]
fn chinese_dotted_names() {
    assert!(has_reason(
        "然而山姆·奥特曼不是这样的人。",
        "name: 山姆·奥特曼"
    ));
    assert!(!has_feature("真·一整个大问号。", "name"));
}

#[test]
fn organisations() {
    assert!(has_reason(
        "纽约时报今天也透露了一些数据。",
        "org: 纽约时报"
    ));
    assert!(has_reason("老股东兴盛资本可能领投。", "org: 兴盛资本"));
    assert!(has_reason(
        "据《华尔街日报》报道，谈判已结束。",
        "org: 《华尔街日报》"
    ));
    assert!(has_reason("苹果公司宣布退出。", "org: 苹果公司"));
    // Generic uses of 公司 are not organisation names.
    assert!(!has_feature("经营一家公司远比想象中困难。", "org"));
    assert!(!has_feature("他撤回了让他重返公司的邀请。", "org"));
}

#[test]
fn roles() {
    assert!(has_reason(
        "研究副总裁Barret Zoph一起离开。",
        "role: 副总裁"
    ));
    assert!(has_reason(
        "The chairman resigned on Friday.",
        "role: chairman"
    ));
}

#[test]
fn attribution() {
    assert!(has_reason("据透露，挑在14日发布。", "attribution: 据透露"));
    assert!(has_reason(
        "据路透社报道，谈判已结束。",
        "attribution: 据路透社报道"
    ));
    assert!(has_reason(
        "据OpenAI内部员工爆料，公司转向产品。",
        "attribution: 据OpenAI内部员工爆料"
    ));
    assert!(has_reason(
        "一些员工也表示，发布太仓促。",
        "attribution: 表示"
    ));
    assert!(has_reason("有消息称，苹果将不再参与。", "attribution: 称"));
    assert!(has_reason("Ilya宣布了自己的离开。", "attribution: 宣布"));
    assert!(has_reason(
        "The CEO said the deal was done.",
        "attribution: said"
    ));
    assert!(has_reason(
        "According to Reuters, the deal was done.",
        "attribution: According to"
    ));
    // Naming is not saying; data is not "according to".
    assert!(!has_feature("这个名称被称为代号。", "attribution"));
    assert!(!has_feature("测试数据还是不够多。", "attribution"));
}

#[test]
fn comparison() {
    assert!(has_reason("收入相较去年增长了很多。", "comparison: 增长"));
    assert!(has_reason("估值将超过此前的水平。", "comparison: 超过"));
    assert!(has_reason(
        "Revenue rose to a new high.",
        "comparison: rose"
    ));
    assert!(has_reason(
        "It has more than ten offices.",
        "comparison: more than"
    ));
    assert!(has_reason("支持率不足10%。", "comparison: 不足"));
    // 拿不到 / 不仅 are not comparisons.
    assert!(!has_feature("拿不到更多时间，不仅如此。", "comparison"));
}

#[test]
fn event() {
    assert!(has_reason("GPT-4o还是如期发布了。", "event: 发布"));
    assert!(has_reason("他转投最强竞对Anthropic。", "event: 转投"));
    assert!(has_reason("She resigned in March.", "event: resigned"));
}

#[test]
fn forecast() {
    assert!(has_reason("微软预计将参与投资。", "forecast: 预计"));
    assert!(has_reason(
        "Revenue is expected to double.",
        "forecast: expected to"
    ));
}

// --- negative signals -------------------------------------------------

#[test]
fn question() {
    assert!(has_reason("研究的重要性降低了？", "question (-)"));
    assert!(has_reason("Is the company really safe?", "question (-)"));
    let (q, _) = score("OpenAI的估值达到1500亿美元了吗？");
    let (s, _) = score("OpenAI的估值达到1500亿美元。");
    assert!(q < s);
}

#[test]
fn exclamation() {
    assert!(has_reason("感谢阅读，欢迎关注我们！", "exclamation (-)"));
    assert!(has_reason("What a launch this was!", "exclamation (-)"));
    // An inline image is not an exclamation.
    assert!(!has_feature("如图![图](a.png)所示。", "exclamation"));
}

#[test]
fn first_person_opinion() {
    assert!(has_reason(
        "我认为这些变动反映了人们准备好了。",
        "first person: 我认为 (-)"
    ));
    assert!(has_reason(
        "说实话这件事很难说清楚。",
        "first person: 说实话 (-)"
    ));
    assert!(has_reason(
        "真不知道是说这些人太顾念公司。",
        "first person: 真不知道 (-)"
    ));
    assert!(has_reason(
        "I think the deal was a mistake.",
        "first person: I think (-)"
    ));
    assert!(has_reason(
        "In my opinion the deal was a mistake.",
        "first person: In my opinion (-)"
    ));
    // Reporting what one saw is not an opinion marker.
    assert!(!has_feature(
        "我看到的大多数内容也是错误的。",
        "first person"
    ));
}

#[test]
fn short_fragment() {
    assert!(has_reason("隔天离职。", "short (-)"));
    assert!(has_reason("Then he left.", "short (-)"));
    assert!(!has_feature("隔天她就宣布辞职了。", "short"));
    assert!(!has_feature("Then he left the company on Friday.", "short"));
}

#[test]
fn rhetoric() {
    assert!(has_reason("就，时间真的不够啊！", "rhetoric: 啊 (-)"));
    assert!(has_reason(
        "OpenAI，真的不要安全了？？！",
        "rhetoric: ？？！ (-)"
    ));
    assert!(has_reason("但能咋办，发都发布出去了……", "rhetoric: …… (-)"));
    assert!(has_reason("但能咋办，发都发布出去了……", "rhetoric: 咋 (-)"));
    assert!(has_reason(
        "归结起来一句话：初心已不再。",
        "rhetoric: 归结起来 (-)"
    ));
    for line in [
        "OpenAI，真的不要安全了？？！",
        "就，时间真的不够啊！",
        "但能咋办，发都发布出去了……",
    ] {
        assert_eq!(
            score(line).0,
            0.0,
            "{line} should score 0: {:?}",
            reasons(line)
        );
    }
}

#[test]
fn hedge() {
    assert!(has_reason("一切似乎都与转向有关。", "hedge: 似乎 (-)"));
    assert!(has_reason(
        "The plan seems to have failed.",
        "hedge: seems (-)"
    ));
}

#[test]
fn no_end_punctuation() {
    assert!(has_reason(
        "OpenAI转向：公司关键数据曝光",
        "no end punctuation (-)"
    ));
    assert!(has_reason("动荡内幕终于曝光——", "no end punctuation (-)"));
    assert!(!has_feature("数据曝光了。", "no end punctuation"));
}
