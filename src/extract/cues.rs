//! The cue word lists the scorer matches: currencies, units, months, time
//! references, attribution verbs, comparisons, events, roles, organisation
//! suffixes, first person, rhetoric and hedges. A new cue goes here, in the
//! list of the feature it is evidence for.

pub(super) const CN_DIGITS: &str = "〇零一二三四五六七八九两";
pub(super) const CN_MAGNITUDES: &str = "十百千万亿";

/// Measure words that make a bare Chinese numeral a quantity (`两名`, `五年`).
#[rustfmt::skip]
pub(super) const COUNTERS: &[&str] = &[
    "个小时", "个月", "小时", "分钟", "个", "名", "位", "人", "天", "年", "周", "岁", "次", "项",
    "家", "条", "张", "台", "辆", "座", "种", "款", "份", "件", "篇", "场", "轮", "届", "架", "艘",
    "颗", "万", "亿",
];

#[rustfmt::skip]
pub(super) const CURRENCY_SUFFIXES: &[&str] = &[
    "美元", "美金", "人民币", "欧元", "英镑", "日元", "港元", "港币", "韩元", "块钱", "元",
    " dollars", " dollar", " euros", " euro", " yuan", " USD", " EUR", " RMB", " CNY",
];
pub(super) const CURRENCY_SYMBOLS: [char; 5] = ['$', '€', '£', '¥', '￥'];
pub(super) const PERCENT_SUFFIXES: &[&str] = &[
    "%",
    "％",
    " percent",
    "percent",
    " per cent",
    "个百分点",
    "百分点",
];
pub(super) const MULTIPLE_SUFFIXES: &[&str] = &["倍多", "倍", " times", "-fold", "fold"];

#[rustfmt::skip]
pub(super) const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];
#[rustfmt::skip]
pub(super) const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
#[rustfmt::skip]
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

#[rustfmt::skip]
pub(super) const TIME_REFS: &[&str] = &[
    "今年", "去年", "明年", "前年", "今天", "昨天", "明天", "今日", "昨日", "明日", "本周", "上周",
    "下周", "这周", "本月", "上月", "下月", "上个月", "下个月", "这个月", "年初", "年底", "年末",
    "年中", "当天", "同日", "当日", "次日", "隔天", "第二天", "翌日", "当晚", "近日", "日前",
    "上半年", "下半年", "季度", "today", "yesterday", "tomorrow", "tonight", "this week",
    "last week", "next week", "this month", "last month", "next month", "this year", "last year",
    "next year", "first quarter", "second quarter", "third quarter", "fourth quarter",
    "earlier this year", "later this year",
];

#[rustfmt::skip]
pub(super) const ATTRIBUTIONS: &[&str] = &[
    "据透露", "据悉", "据报道", "据了解", "据称", "据说", "据爆料", "消息人士", "知情人士", "援引",
    "表示", "透露", "宣布", "报道", "指出", "爆料", "曝出", "爆出", "曝光", "官宣", "证实", "承认",
    "否认", "声明", "声称", "发文", "发推", "推文", "被发现", "显示", "回应", "强调", "坦言",
    "告诉", "称", "according to", "said", "says", "told", "reported", "reports", "announced",
    "stated", "confirmed", "denied", "claimed", "claims", "revealed", "disclosed", "wrote",
    "tweeted", "posted", "testified", "spokesperson", "spokesman", "spokeswoman",
];

/// What follows `据` in "据 <source> 报道" style attributions.
#[rustfmt::skip]
pub(super) const ATTRIBUTION_TAILS: &[&str] = &[
    "报道", "透露", "消息", "爆料", "称", "介绍", "统计", "显示",
];

#[rustfmt::skip]
pub(super) const COMPARISONS: &[&str] = &[
    "增长", "增加", "增至", "上升", "上涨", "涨到", "涨至", "下降", "下跌", "下滑", "减少", "降低",
    "降至", "提高", "提升", "翻倍", "翻番", "超过", "超出", "高达", "达到", "突破", "不足", "不到",
    "相较", "相比", "同比", "环比", "最高", "最低", "最大", "最多", "最少", "最强", "最快", "首位",
    "首次", "首个", "有史以来", "创纪录", "历史新高", "之一", "仅", "至少", "多于", "少于", "rose",
    "risen", "fell", "fallen", "increased", "decreased", "grew", "dropped", "declined", "jumped",
    "surged", "soared", "plunged", "doubled", "tripled", "halved", "more than", "less than",
    "fewer than", "at least", "up from", "down from", "compared with", "compared to", "exceeded",
    "surpassed",
];

#[rustfmt::skip]
pub(super) const EVENTS: &[&str] = &[
    "发布", "推出", "上线", "离职", "辞职", "离开", "加入", "转投", "收购", "并购", "融资", "投资",
    "领投", "开除", "解雇", "任命", "成立", "创立", "创办", "上市", "起诉", "裁员", "签署", "推迟",
    "撤回", "退出", "当选", "去世", "逝世", "批准", "获批", "禁止", "罚款", "判决", "出局", "告别",
    "跑路", "launched", "released", "resigned", "joined", "acquired", "fired", "appointed",
    "founded", "sued", "signed", "delayed", "withdrew", "invested", "raised", "elected", "died",
    "approved", "banned", "fined", "quit", "hired", "merged", "filed", "left", "departed",
];

#[rustfmt::skip]
pub(super) const FORECASTS: &[&str] = &[
    "预计", "预期", "预测", "有望", "计划", "将会", "最早可能", "估计", "目标是", "expected to",
    "expects", "forecast", "forecasts", "projected", "plans to", "is set to", "are set to",
    "estimated", "likely to",
];

#[rustfmt::skip]
pub(super) const ROLES: &[&str] = &[
    "首席执行官", "首席技术官", "首席科学家", "首席财务官", "首席运营官", "联合创始人", "创始人",
    "联合创立者", "创立者", "副总裁", "总裁", "董事长", "主管", "总监", "发言人", "部长", "主席",
    "教授", "研究员", "高管", "CEO", "CTO", "CFO", "COO", "CIO", "VP", "SVP", "EVP", "chairman",
    "chairwoman", "president", "minister", "professor", "founder", "co-founder", "director",
    "senator", "governor", "executive", "chief", "analyst",
];

/// Suffixes that make the preceding words an organisation or outlet name.
#[rustfmt::skip]
pub(super) const ORG_SUFFIXES: &[&str] = &[
    "公司", "集团", "大学", "学院", "委员会", "研究院", "研究所", "实验室", "银行", "基金会",
    "资本", "协会", "联盟", "交易所", "法院", "政府", "时报", "日报", "晚报", "周刊", "新闻社",
    "通讯社", "电视台", "报社",
];
/// 公司 and 集团 are mostly generic ("一家公司", "重返公司"), so the two
/// characters before them count as a name only when they start a clause or
/// follow a preposition or list separator ("苹果公司宣布", "据腾讯集团").
pub(super) const ORG_NAME_BOUNDARY: &str = "据被由对向与和及、在从给将把";
/// A character right before 公司/集团 that makes it generic whatever comes
/// before it ("的大公司", "创业公司", "这家公司").
pub(super) const GENERIC_ORG_PREFIX: &str = "的家该这那本大小母子总分各此其业性";

#[rustfmt::skip]
pub(super) const FIRST_PERSON: &[&str] = &[
    "我觉得", "我认为", "我看", "在我看来", "个人认为", "说实话", "老实说", "真不知道",
    "我想", "我猜", "我先", "咱", "我们来", "我们再", "我们先", "让我们", "I think", "I believe",
    "I feel", "in my opinion", "IMO", "honestly", "frankly", "I guess", "let us", "let's",
];

#[rustfmt::skip]
pub(super) const RHETORIC: &[&str] = &[
    "咋", "真是", "真·", "简直", "竟然", "居然", "难道", "到底", "究竟", "天哪", "老天", "总的来说",
    "说来说去", "归结起来", "一句话", "大问号", "哈哈", "wow", "seriously", "of course", "what a",
];
/// Sentence-final particles: tone, not content.
pub(super) const PARTICLES: &str = "啊吧呢嘛呀啦哦哇呗咯";

#[rustfmt::skip]
pub(super) const HEDGES: &[&str] = &[
    "似乎", "好像", "仿佛", "也许", "或许", "貌似", "可能会", "看来", "这样看", "seems", "perhaps",
    "maybe", "apparently", "might",
];

/// Capitalised English words that are not names (and break name runs).
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
    "You", "Your", "My", "Our", "Their", "His", "Her", "In", "On", "At", "But", "And", "Or", "If",
    "When", "While", "After", "Before", "As", "For", "From", "By", "With", "Of", "To", "There",
    "Here", "What", "Who", "Why", "How", "According", "Meanwhile", "However", "Also", "Then", "Yet",
    "So", "Not", "No", "Yes", "Some", "Many", "Most", "All", "Every", "Each", "AI", "AGI", "OK",
    "TV", "PR", "IT", "ID", "FAQ", "URL", "API", "PDF",
];

/// English number words: a run of them is a figure when it has a magnitude
/// or a tens word ("five hundred billion", "twenty-five"), or a unit follows.
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
#[rustfmt::skip]
pub(super) const TENS_WORDS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
#[rustfmt::skip]
pub(super) const MAGNITUDE_WORDS: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands", "millions",
    "billions", "trillions",
];

/// Retirement plans named by a number: a name, not a figure.
pub(super) const NUMBERED_NAMES: &[&str] = &["401(k)", "401k", "401 k", "403(b)", "403b", "457(b)"];

/// What follows a clock time (`8 p.m.`, `9 o'clock`).
pub(super) const CLOCK_SUFFIXES: &[&str] =
    &[" a.m.", " p.m.", " am", " pm", "am", "pm", " o'clock"];

/// A transcript's stage directions and editorial marks, in brackets: not
/// what the speaker said.
#[rustfmt::skip]
pub(super) const TRANSCRIPT_MARKS: &[&str] = &[
    "applause", "laughter", "laughs", "crosstalk", "inaudible", "sic", "cheers", "booing", "boos",
    "unintelligible", "cross-talk", "music", "silence", "sighs",
];

/// Words around a weekday that make it a schedule ("this Thursday night"),
/// not a date a claim happened on.
pub(super) const SCHEDULE_BEFORE: &[&str] = &["this", "next", "every"];
pub(super) const SCHEDULE_AFTER: &[&str] = &["night", "morning", "afternoon", "evening", "nights"];

/// Openings of a question that a transcript closed with a full stop:
/// a wh-word and then an auxiliary ("What is your plan."), or an auxiliary
/// and then its subject ("Do you support it.").
#[rustfmt::skip]
pub(super) const WH_WORDS: &[&str] = &[
    "what", "why", "how", "who", "whom", "whose", "when", "where", "which",
];
#[rustfmt::skip]
pub(super) const AUXILIARIES: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should",
    "shall", "have", "has", "had", "may", "might", "must", "don't", "doesn't", "didn't", "isn't",
    "aren't", "wasn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't",
];
#[rustfmt::skip]
pub(super) const SUBJECTS: &[&str] = &[
    "you", "he", "she", "it", "they", "we", "i", "there", "this", "that", "your", "the", "anyone",
];
/// What follows "how" in a question about an amount ("How many jobs…").
pub(super) const HOW_WHAT: &[&str] = &["many", "much", "long", "often", "far", "soon"];
