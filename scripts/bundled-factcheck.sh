#!/usr/bin/env bash
# Build the bundled fact-check from scratch, through the factcheck commands.
#
# The checked article is ByteAILab's 2024-10-07 piece on OpenAI's executive
# departures, GPT-4o and finances (tests/fixtures/article.md). The evidence is
# the set of short page excerpts in ../shared/evidence (see its INDEX.md).
#
# Usage:
#   scripts/bundled-factcheck.sh [WORKSPACE]      # default: the repository root
#
# Environment:
#   FACTCHECK   the binary to run (default: cargo run --quiet --release --)
#   ARTICLE     the article snapshot (default: $ROOT/tests/fixtures/article.md)
#   EVIDENCE    the evidence folder  (default: $ROOT/../shared/evidence)
#   FACTCHECK_REBUILD=1   wipe an existing fact-check in WORKSPACE first
#                         (factcheck.yaml, claims/*.yaml, sources/*)
#
# The run is deterministic: every write is stamped by FACTCHECK_NOW (a clock
# that advances a minute or two per step, from 2026-11-28T09:00:00Z) and made
# by one of two desk editors (--by). The same inputs give the same records.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
WS=${1:-$ROOT}
ARTICLE=${ARTICLE:-$ROOT/tests/fixtures/article.md}
EVIDENCE=${EVIDENCE:-$ROOT/../shared/evidence}

if [[ -n ${FACTCHECK:-} ]]; then
  if [[ -x $FACTCHECK ]]; then FC=("$FACTCHECK"); else read -r -a FC <<<"$FACTCHECK"; fi
else
  FC=(cargo run --quiet --release --manifest-path "$ROOT/Cargo.toml" --)
fi

[[ -f $ARTICLE ]] || { echo "bundled-factcheck: article not found: $ARTICLE (set ARTICLE=...)" >&2; exit 2; }
[[ -d $EVIDENCE ]] || { echo "bundled-factcheck: evidence folder not found: $EVIDENCE (set EVIDENCE=...)" >&2; exit 2; }

mkdir -p "$WS"
WS=$(cd "$WS" && pwd)

if [[ -e $WS/factcheck.yaml ]]; then
  if [[ ${FACTCHECK_REBUILD:-0} == 1 ]]; then
    rm -f "$WS/factcheck.yaml" "$WS"/claims/*.yaml "$WS"/sources/*
  else
    echo "bundled-factcheck: $WS already holds a workspace; rerun with FACTCHECK_REBUILD=1 to rebuild it" >&2
    exit 2
  fi
fi

# ---------------------------------------------------------------------------
# Helpers: who, when, and thin wrappers that capture the ids the tool prints.
# ---------------------------------------------------------------------------
ED_LI='李明'
ED_WANG='王芳'
WHO=$ED_LI
RESEARCHER=$ED_LI   # adds claims and evidence in the current section
REVIEWER=$ED_WANG   # rules on them

CLOCK=$((9 * 60))   # minutes since 2026-11-28T00:00Z
tick() {
  CLOCK=$((CLOCK + ${1:-1}))
  local day=$((28 + CLOCK / 1440)) hh=$((CLOCK % 1440 / 60)) mm=$((CLOCK % 60))
  ((day <= 30)) || { echo "bundled-factcheck: clock ran past 2026-11-30" >&2; exit 2; }
  printf -v FACTCHECK_NOW '2026-11-%02dT%02d:%02d:00Z' "$day" "$hh" "$mm"
  export FACTCHECK_NOW
}
tick 0

fc() { "${FC[@]}" -C "$WS" --by "$WHO" "$@"; }

# snap VAR FILE TITLE URL — snapshot one evidence excerpt file; VAR=sha256:<hex>
snap() {
  local var=$1 file=$2 title=$3 url=$4 out
  tick 1
  out=$(fc source add "$EVIDENCE/$file" --url "$url" --title "$title" --media-type text/plain \
    --note "公开网页存档副本的摘录（2026-11-28检索，证据文件 $file）；原页面标题未存档，标题由核查台根据网址拟定。")
  printf -v "$var" '%s' "$out"
}

# claim --kind K [--speaker S] [--tag T]... --quote Q --text T — sets $C
claim() {
  local out
  tick 2
  WHO=$RESEARCHER
  out=$(fc claim add "$@")
  C=$out
}

# ev CLAIM SOURCE STANCE EXCERPT [NOTE]
ev() {
  tick 1
  WHO=$RESEARCHER
  if [[ $# -ge 5 ]]; then
    fc evidence add "$1" "$2" --stance "$3" --excerpt "$4" --note "$5"
  else
    fc evidence add "$1" "$2" --stance "$3" --excerpt "$4"
  fi
}

# verdict CLAIM STATUS RATING NOTE [CORRECTION]
verdict() {
  tick 1
  WHO=$REVIEWER
  if [[ $# -ge 5 ]]; then
    fc mark "$1" "$2" --rating "$3" --note "$4" --correction "$5"
  else
    fc mark "$1" "$2" --rating "$3" --note "$4"
  fi
}

# ---------------------------------------------------------------------------
# Workspace and settings
# ---------------------------------------------------------------------------
WHO=$ED_LI
# `init` takes its folder as DIR (it does not honour -C), so pass it explicitly.
"${FC[@]}" --by "$WHO" init "$WS"

# The article key is left out: `source add --article` below sets it.
cat >"$WS/factcheck.yaml" <<'YAML'
title: "OpenAI高管震荡内幕：CEO无视安全仓促上马4o，员工每天干20小时赶进度，追名逐利不再理想主义"
language: zh
publisher: "factcheck 示例核查台"
review:
  second_reviewer: false
YAML

# ---------------------------------------------------------------------------
# Article snapshot
# ---------------------------------------------------------------------------
tick 5
ART=$(fc source add "$ARTICLE" --article --media-type text/markdown \
  --title 'OpenAI高管震荡内幕：CEO无视安全仓促上马4o，员工每天干20小时赶进度，追名逐利不再理想主义' \
  --note '随项目附带的文章快照（tests/fixtures/article.md）：ByteAILab，2024-10-07；原文网址未知。')
: "$ART"

# ---------------------------------------------------------------------------
# Evidence snapshots (excerpt files; titles written by the desk, see notes)
# ---------------------------------------------------------------------------
# GPT-4o launch, Google I/O, safety testing, departures: captured by 李明
WHO=$ED_LI
snap S01 01-vercel-gpt4o-announced-may13.txt 'Vercel AI Gateway: GPT-4o model overview' 'https://vercel.com/ai-gateway/models/gpt-4o/about'
snap S02 02-dnyuz-gpt4o-day-before-google-io-astra.txt 'DNYUZ: Will ChatGPT steal Google’s thunder again ahead of I/O 2025?' 'https://dnyuz.com/2025/05/19/will-chatgpt-steal-googles-thunder-again-ahead-of-i-o-2025'
snap S03 03-siyaz-google-io-may14-project-astra.txt 'Siyaz: Google I/O 2024, the Gemini era' 'https://siyaz.com.tr/en/blog/google-io-2024-gemini-era'
snap S04 04-chromeunboxed-gpt4o-yesterday-io-in-an-hour.txt 'Chrome Unboxed: ChatGPT-4o may steal Google I/O’s thunder before it starts' 'https://chromeunboxed.com/chatgpt-4o-may-steal-google-i-os-thunder-before-it-starts/'
snap S05 05-maxmazo-fortune-9-days-20-hours-persuasion.txt 'Maxmazo: Insight report on the tension within OpenAI before Mira Murati’s resignation' 'https://maxmazo.com/technology/insight-report-unveiling-the-tension-within-openai-prior-to-ceo-mira-muratis-resignation-announcement'
snap S06 06-windowscentral-wapo-testing-under-one-week.txt 'Windows Central: OpenAI reportedly sent RSVPs for GPT-4o’s launch party even before testing began' 'https://windowscentral.com/software-apps/openai-reportedly-sent-rsvps-for-gpt-4os-launch-party-even-before-testing-began'
snap S07 07-lambham-wsj-report-rushed-launches.txt 'Lambham: OpenAI execs worried about company’s collapse after Ilya Sutskever’s departure, report says' 'https://www.lambham.com/post/openai-execs-worried-about-company-s-collapse-after-ilya-sutskever-s-departure--report-says'
snap S08 08-thelowdownblog-rushed-safety-testing.txt 'The Lowdown Blog: The reason so many senior executives are leaving OpenAI' 'http://thelowdownblog.com/2024/09/the-reason-so-many-senior-executives.html'
snap S09 09-businessinsider-sutskever-leaves-may14.txt 'Business Insider: Ilya Sutskever leaving OpenAI six months after failed Altman ouster' 'https://www.businessinsider.com/ilya-sutskever-leaving-openai-6-months-after-failed-altman-ouster-2024-5'
snap S10 10-canadabiznews-sutskever-day-after-gpt4o.txt 'Canada Biz News: OpenAI co-founder Ilya Sutskever is leaving the company' 'https://canadabiznews.ca/2024/05/15/openai-co-founder-ilya-sutskever-is-leaving-the-company/'
snap S11 11-kvia-cnn-murati-mcgrew-zoph-exit.txt 'KVIA (CNN Business): Mira Murati, OpenAI’s technology chief, is leaving the company' 'https://kvia.com/news/business-technology/cnn-business-consumer/2024/09/25/mira-murati-openais-technology-chief-is-leaving-the-company'
snap S12 12-arnewsjournal-sept25-murati-mcgrew-zoph.txt 'AR News Journal: OpenAI leadership overhaul (Murati, McGrew, Zoph), Sept. 25 update' 'https://www.arnewsjournal.com/?p=13890'
snap S13 13-aiwiki-advanced-voice-mode-sept24.txt 'AI Wiki: Advanced Voice Mode' 'https://aiwiki.ai/wiki/advanced_voice_mode'
snap S14 14-businesstoday-schulman-to-anthropic.txt 'Business Today: Another OpenAI co-founder decides to quit, plans to join Amazon-, Google-backed Anthropic' 'https://www.businesstoday.in/technology/news/story/another-openai-co-founder-decides-to-quit-plans-to-join-amazon-google-backed-anthropic-440269-2024-08-06'

# Finances, funding, valuations, Altman, system card: captured by 王芳
WHO=$ED_WANG
snap S15 15-business-standard-nyt-openai-financials.txt 'Business Standard (NYT): OpenAI projects its revenue to increase to $11.6 billion next year' 'https://www.business-standard.com/amp/technology/tech-news/openai-projects-its-revenue-to-increase-to-11-6-billion-next-year-124092900747_1.html'
snap S16 16-anunlimitedamountofmoney-350m-june-chatgpt-2-7b.txt 'An Unlimited Amount of Money: OpenAI is rapidly expanding while spending heavily' 'https://anunlimitedamountofmoney.com/openai-is-rapidly-expanding-while-spending-heavily/dfdb786e51c3ab58b1756501e97b0575dce23216/'
snap S17 17-oakparkjournal-100b-2029-apple-exit-msft-1b.txt 'Oak Park Journal: Report: OpenAI and Apple end investment discussions' 'https://oakparkjournal.com/stocks/2024/report-openai-and-apple-end-investment-discussions/'
snap S18 18-mytechcompanion-10m-paying-thrive-msft-80b.txt 'My Tech Companion: OpenAI raises record $6.6 billion, valued at $157 billion' 'https://mytechcompanion.com/amp/openai-raises-record-66-billion-valued-at-157-billion'
snap S19 19-hindustantimes-reuters-3-6b-thrive-1-2b.txt 'Hindustan Times: Microsoft and Nvidia love Sam Altman, proof: OpenAI’s $6.6 billion funding haul' 'https://www.hindustantimes.com/business/microsoft-and-nvidia-love-sam-altman-proof-openais-6-6-billion-funding-haul-101727927624514.html'
snap S20 20-ndtvprofit-bloomberg-6-6b-157b-thrive-apple.txt 'NDTV Profit (Bloomberg): OpenAI raises $6.6 billion in funding at $157 billion valuation' 'https://www.ndtvprofit.com/business/openai-raises-66-billion-in-funding-at-157-billion-valuation'
snap S21 21-livemint-wsj-86b-thrive-1-25b-msft-under-1b.txt 'Livemint (WSJ): OpenAI nearly doubles valuation to $157 billion in funding round' 'https://www.livemint.com/companies/start-ups/openai-nearly-doubles-valuation-to-157-billion-in-funding-round-11727949127921.html'
snap S22 22-macrumors-wsj-apple-exits-openai-talks.txt 'MacRumors: Apple no longer investing in OpenAI' 'https://www.macrumors.com/2024/09/30/apple-no-longer-investing-openai-chatgpt/'
snap S23 23-madhyamam-wsj-thrive-about-1b.txt 'Madhyamam: Apple breaks away from OpenAI funding just a week before finalisation' 'https://madhyamamonline.com/amp/technology/apple-breaks-away-from-openai-funding-just-a-week-before-finalisation-1334317'
snap S24 24-finanznachrichten-86b-tender-150b.txt 'FinanzNachrichten (dpa-AFX): Apple reportedly exits from OpenAI’s $6.5 bln funding round' 'https://www.finanznachrichten.de/nachrichten-2024-09/63399179-apple-reportedly-exits-from-openai-s-dollar-6-5-bln-funding-round-020.htm'
snap S25 25-usmail24-nyt-anthropic-15b.txt 'US Mail 24 (NYT): Anthropic funding' 'https://usmail24.com/anthropic-funding-ai-html/'
snap S26 26-zerohedge-anthropic-18b-menlo.txt 'ZeroHedge: AI chatbot startup Anthropic valued at $60bln in new funding round' 'https://www.zerohedge.com/technology/ai-chatbot-startup-anthropic-valued-60bln-new-funding-round'
snap S27 27-deepwatermgmt-xai-24b-anthropic-18b.txt 'Deepwater Asset Management: Investing in xAI' 'https://deepwatermgmt.com/philosophy/investing-in-xai'
snap S28 28-readwrite-xai-24b-spring-round.txt 'ReadWrite: Elon Musk’s xAI doubles valuation' 'https://readwrite.com/elon-musks-xai-doubles-valuation/'
snap S29 29-businesslive-reuters-altman-turin-denial.txt 'BusinessLIVE (Reuters): OpenAI CEO denies exit of three executives linked to for-profit plans' 'https://www.businesslive.co.za/bd/companies/telecoms-and-technology/2024-09-26-openai-ceo-denies-exit-of-three-executives-linked-to-for-profit-plans/'
snap S30 30-wilsonsmedia-verge-gpt4o-system-card-medium.txt 'Wilson’s Media: OpenAI says its latest GPT-4o model is “medium” risk' 'https://www.wilsonsmedia.com/openai-says-its-latest-gpt-4o-model-is-medium-risk/'
snap S31 31-themindai-scorecard-persuasion-only-medium.txt 'The Mind AI: Evaluating safety measures in advanced AI (GPT-4o scorecard)' 'https://www.themindai.blog/2024/08/evaluating-safety-measures-in-advanced.html'
snap S32 32-conductatlas-system-card-persuasion-quote.txt 'ConductAtlas: GPT-4o system card, persuasion and influence operations risk' 'https://conductatlas.com/platform/openai/gpt-4o-system-card-pdf/persuasion-and-influence-operations-risk/'
snap S33 33-conductatlas-claims-cbrn-cyber-medium-CONTRADICTS.txt 'ConductAtlas: GPT-4o system card, Preparedness Framework risk classification' 'https://conductatlas.com/platform/openai/gpt-4o-system-card-pdf/preparedness-framework-risk-classification/'

# ===========================================================================
# Claims, in article order. Part 1 (departures, GPT-4o launch and safety):
# researched by 李明, ruled on by 王芳.
# ===========================================================================
RESEARCHER=$ED_LI
REVIEWER=$ED_WANG

# --- Lead: Murati's exit and GPT-4o ----------------------------------------
claim --kind other --tag departures --tag gpt-4o \
  --quote 'OpenAI CTO Mira Murati的离开，与GPT-4o、Her息息相关' \
  --text 'OpenAI首席技术官Mira Murati的离职，与GPT-4o及其类似电影《Her》的语音助手功能的推出密切相关。'

# --- Departures: Ilya, Murati, McGrew, Zoph --------------------------------
claim --kind date --tag departures --tag sutskever \
  --quote '当初4o发布第二天，沉寂许久的OpenAI灵魂人物Ilya就宣布了自己的离开' \
  --text 'OpenAI联合创始人Ilya Sutskever在GPT-4o发布的第二天宣布离开OpenAI。'
ev "$C" "$S10" supports 'The announcement was made one day after the Microsoft-backed artificial intelligence startup debuted GPT-4o, its most recent model.'
ev "$C" "$S09" supports 'OpenAI cofounder Ilya Sutskever is leaving the company, he said on X on Tuesday.' \
  'Business Insider 页面日期为2024-05-14；推文署名日期为2024年5月14日（周二）。'
verdict "$C" verified '属实' \
  'GPT-4o于2024年5月13日（美国时间）发布；Sutskever于次日5月14日（周二，美国时间）在X上宣布离职，CanadaBizNews明确说是在GPT-4o发布一天之后。换算成北京时间分别为5月14日和5月15日，同样相隔一天。'

claim --kind date --tag departures --tag murati --tag voice \
  --quote '现在，4o全量上线的第二天，Mira也走了' \
  --text 'Mira Murati在GPT-4o（高级语音模式）全量上线的第二天宣布离开OpenAI。'
ev "$C" "$S11" supports 'OpenAI’s executive exodus is continuing with three top leaders announcing their exits Wednesday, including Chief Technology Officer Mira Murati.' \
  'CNN 报道（KVIA 转载），网址日期为2024/09/25，即周三。'
ev "$C" "$S12" supports 'Sept. 25, 6:04 p.m. — OpenAI is undergoing a significant leadership overhaul. In a matter of hours, Chief Technology Officer Mira Murati announced her exit from the company'
ev "$C" "$S13" context 'expanded it to all Plus and Team subscribers beginning September 24, 2024' \
  '语音功能自2024年9月24日起向所有Plus和Team订阅用户推出（维基类页面，非2024年新闻报道）。'
verdict "$C" verified '基本属实' \
  '高级语音模式于2024年9月24日（美国时间）开始向Plus和Team订阅用户推出，Murati于9月25日（周三，美国时间）宣布离职，确为次日。但“全量上线”不准确：推出对象只是Plus和Team付费订阅用户，不是全部用户；推出日期也只有一个维基类来源。'

claim --kind event --tag departures --tag murati \
  --quote '还带着研究主管Bob McGrew和研究副总裁Barret Zoph一起跑路' \
  --text 'OpenAI首席研究官Bob McGrew和研究副总裁Barret Zoph与Mira Murati同时宣布离开OpenAI。'
ev "$C" "$S11" supports 'Shortly after, OpenAI’s Chief Research Officer Bob McGrew and Vice President of Research Barret Zoph also announced their decisions to exit.'
ev "$C" "$S12" supports 'Sept. 25, 6:04 p.m. — OpenAI is undergoing a significant leadership overhaul. In a matter of hours, Chief Technology Officer Mira Murati announced her exit from the company, followed closely by news from CEO Sam Altman that Chief Research Officer Bob McGrew and Research Vice President Barret Zoph would also be stepping down.'
ev "$C" "$S08" supports 'CTO Mira Murati is one of more than 20 OpenAI researchers and executives who have quit this year, including several co-founders.'
verdict "$C" verified '属实' \
  '2024年9月25日（美国时间），Murati宣布离职后数小时内，Sam Altman宣布首席研究官McGrew和研究副总裁Zoph也将离任。证据只说明三人同日宣布，“带着……一起跑路”暗示二人是被Murati带走的，这一点没有证据。'

claim --kind other --tag departures --tag safety \
  --quote '他们告别OpenAI都围绕一个原因，那就是“公司对安全重视程度不足”' \
  --text 'Ilya Sutskever、Mira Murati、Bob McGrew和Barret Zoph离开OpenAI，都是因为公司对安全重视程度不足。'

# --- GPT-4o launch timeline (5月14日 Beijing = May 13 US) -------------------
claim --kind date --tag gpt-4o --tag launch \
  --quote '今年5月14日，OpenAI发布GPT-4o' \
  --text 'OpenAI于2024年5月14日（北京时间）发布GPT-4o。'
ev "$C" "$S01" supports 'GPT-4o was announced on May 13, 2024 at OpenAI'\''s Spring Updates event.'
ev "$C" "$S04" supports 'Yesterday, OpenAI launched ChatGPT-4o (the “o” is for “omni”) and the examples and results are staggering.' \
  '写于Google I/O 2024开幕前不到一小时，即GPT-4o发布次日。'
ev "$C" "$S04" supports 'Two GPT-4os interacting and singing pic.twitter.com/u9VuZoroxm — OpenAI (@OpenAI) May 13, 2024' \
  '内嵌的OpenAI推文日期为2024年5月13日。'
ev "$C" "$S13" supports 'OpenAI first demonstrated the capability at the GPT-4o launch on May 13, 2024'
verdict "$C" verified '属实' \
  '各来源一致：GPT-4o于2024年5月13日（美国时间，OpenAI春季发布会）发布，即北京时间5月14日。文章使用北京时间，日期正确。'

claim --kind date --tag gpt-4o --tag google --tag launch \
  --quote '5月15日，Google发布名为Project Astra的AI助手' \
  --text '2024年5月15日（北京时间），即GPT-4o发布次日，Google在开发者大会上发布了名为Project Astra的AI助手。'
ev "$C" "$S03" supports 'Google I/O 2024 (May 14, 2024) was unlike any previous I/O.' \
  '同页列出的发布内容包括Project Astra。'
ev "$C" "$S02" supports 'A day later, Google unveiled the multimodal Gemini 1.5 Pro model with a massive context window (1 million tokens) and demoed Project Astra, the equivalent of Advanced Voice Mode, which would later become Gemini Live.'
ev "$C" "$S04" supports 'I can’t help but think Google might be scrambling a bit as Google I/O 2024 is set to kick off in just under an hour.' \
  '写于GPT-4o发布次日、I/O开幕前不到一小时。'
ev "$C" "$S05" refutes 'According to the report, tension at OpenAI began before the unveiling of the GPT-4o model in May, which significantly increased capabilities and was introduced on the same day Google I/O was held.' \
  '称GPT-4o与Google I/O同日发布；该站为低质量聚合站（把Murati称作CEO），与02、03、04三个来源矛盾。'
verdict "$C" verified '属实' \
  'Google I/O 2024于2024年5月14日（美国时间）开幕并演示了Project Astra，即GPT-4o发布次日；北京时间为5月15日。maxmazo称两者同日，但该站质量低，且与另外三个来源矛盾，不予采信。另：Project Astra当时是演示（demo），并非正式上线的产品。'

claim --kind date --tag departures --tag sutskever \
  --quote '同日OpenAI首席科学家Ilya官宣离职' \
  --text '2024年5月15日（北京时间），与Google发布Project Astra同一天，OpenAI首席科学家Ilya Sutskever宣布离职。'
ev "$C" "$S09" supports 'Ilya Sutskever (@ilyasut) May 14, 2024'
ev "$C" "$S09" supports 'OpenAI cofounder and chief scientist Ilya Sutskever is stepping away from the company after almost a decade, he said in a Tuesday post on X, formerly known as Twitter.'
ev "$C" "$S10" supports 'Late on Tuesday, Sutskever tweeted, “I have decided to leave OpenAI after almost a decade.”'
verdict "$C" verified '属实' \
  '推文署名日期为2024年5月14日（周二，美国时间），CanadaBizNews称是周二晚间发布；换算为北京时间是5月15日，与Google I/O（北京时间5月15日）同一天。Business Insider确认其职务为联合创始人兼首席科学家。'

claim --kind attribution --speaker '知情人士' --tag gpt-4o --tag google --tag launch \
  --quote '挑在14日发布，完全因为OpenAI想抢Google的风头' \
  --text '据知情人士透露，OpenAI选择在2024年5月14日（北京时间）发布GPT-4o，完全是为了抢Google开发者大会的风头。'
ev "$C" "$S02" context 'OpenAI hosted a ChatGPT livestream a day before Google I/O 2024 kicked off, unveiling the GPT-4o multimodal model' \
  '证实发布时间正好在Google I/O前一天，但没有说明OpenAI的动机。'

# --- Safety testing: 9 days, 20-hour days -----------------------------------
claim --kind statistic --tag gpt-4o --tag safety \
  --quote '为此，OpenAI安全团队仅得到了9天的时间，来做安全检测' \
  --text 'OpenAI安全团队只有9天时间对GPT-4o进行发布前的安全测试。'
ev "$C" "$S05" supports 'The security team had only 9 days to assess various aspects, working tirelessly to meet the launch deadline.' \
  '数字一致，但该站称出处是《财富》（Fortune）的报道，不是《华尔街日报》；该站为低质量聚合站（把Murati称作CEO）。'
ev "$C" "$S05" context 'Fortune has released a special report after interviewing insiders at OpenAI, following the resignation of several high-level executives, including Mira Murati, the CEO.' \
  '这一聚合站把“9天”“20小时”归于《财富》的报道；同一句把Murati误称为CEO（她是CTO），可见质量不高。'
ev "$C" "$S06" context 'OpenAI reportedly sent RSVPs for GPT-4o'\''s launch party even before testing began — pressuring the safety team to speed through the process in under one week' \
  '《华盛顿邮报》2024年7月的报道（经Windows Central转述）说“不到一周”，与“9天”不同，媒体和时间也不同。'
ev "$C" "$S07" context 'OpenAI is facing significant internal turmoil as a new Wall Street Journal report reveals the extent of executive concerns following a series of high-profile departures from the AI company.' \
  '《华尔街日报》确有相关报道（文章参考链接[3]指向WSJ），但摘录中没有9天或20小时的数字。'
ev "$C" "$S08" context 'Current and former employees say OpenAI has rushed product announcements and safety testing, and lost its lead over rival AI developers.'
verdict "$C" verified '基本属实' \
  '“9天”只见于一家低质量聚合站，其出处是《财富》（Fortune）的报道，而不是文章参考链接所指的《华尔街日报》；未找到WSJ有此数字。《华盛顿邮报》7月报道的说法是“不到一周”。多方报道都说测试时间非常仓促，但确切天数有出入，宜注明出处。'

claim --kind statistic --tag gpt-4o --tag safety \
  --quote '9天时间里，安全团队成员们007式工作，每天不分白天黑夜，拼死拼活干20个小时' \
  --text '在GPT-4o发布前的安全测试期间，OpenAI安全团队成员每天工作20个小时。'
ev "$C" "$S05" supports 'The rushed testing of the model prompted teams to work over 20 hours a day to meet the launch deadline.' \
  '该站称出处为《财富》（Fortune）；低质量聚合站。'
verdict "$C" verified '基本属实' \
  '只有一处来源（maxmazo，自称转述《财富》报道）：团队每天工作超过20小时以赶上发布期限。未找到《华尔街日报》或其他一手报道的相同说法，来源较弱。'

claim --kind event --tag gpt-4o --tag safety \
  --quote '还是没做完安全测试' \
  --text 'GPT-4o发布时，OpenAI安全团队还没有完成安全测试。'
ev "$C" "$S06" context 'OpenAI spokesman Lindsey Held admits that the launch was stressful for its safety team, but the company “didn’t cut corners on our safety process.”' \
  'OpenAI否认在安全流程上偷工减料。'
ev "$C" "$S05" context 'Despite the model being deemed safe for release, vulnerabilities related to AI persuasion were identified, posing risks above standard levels.'

claim --kind event --tag gpt-4o --tag launch \
  --quote '即便如此，GPT-4o还是如期发布了' \
  --text '尽管安全测试时间紧张，GPT-4o仍按原定日期发布。'
ev "$C" "$S06" context 'OpenAI reportedly sent RSVPs for GPT-4o'\''s launch party even before testing began' \
  '发布活动的邀请在测试开始前就已发出，说明发布日期事先已定。'

# --- The safety problem: persuasion (system card) ---------------------------
claim --kind event --tag gpt-4o --tag safety \
  --quote '然后就果然被发现GPT-4o有安全问题' \
  --text 'GPT-4o被发现存在安全风险，主要是说服力（劝说）方面的风险。'
ev "$C" "$S30" supports 'All of these were deemed low risk except persuasion, where the researchers found some writing samples from GPT-4o could be better at swaying readers’ opinions than human-written text'
ev "$C" "$S30" supports 'According to OpenAI’s own framework, the researchers found GPT-4o to be of “medium” risk.'
ev "$C" "$S31" supports 'The scorecard outcome was Medium overall because persuasion marginally crossed the medium threshold, while cybersecurity, biological threats (CBRN-related), and model autonomy were rated Low.'
ev "$C" "$S32" supports 'We assessed GPT-4o to be Medium risk per our Preparedness Framework for this category' \
  '引自GPT-4o系统卡，指说服力（影响力行动）类别。'
ev "$C" "$S05" supports 'Nevertheless, OpenAI categorized the risk as “Medium,” not reaching the levels of “High” or “Critical” that would prevent model publication.' \
  '低质量聚合站，仅作佐证。'
ev "$C" "$S33" refutes 'We have evaluated GPT-4o according to our Preparedness Framework and determined that it falls at medium risk for CBRN and cybersecurity.' \
  '称中等风险在CBRN和网络安全；该页自称原文未完整呈现，与30、31、32三个来源矛盾，很可能有误。'
ev "$C" "$S33" context 'Interpretive note: The exact verbatim language of the Preparedness Framework risk rating was not fully rendered in the truncated document text; the characterization is based on the document'\''s stated summary and description of findings.' \
  '该页自己承认原文没有完整呈现，上面那条反驳证据因此不可靠。'
ev "$C" "$S30" context 'OpenAI has released its GPT-4o System Card, a research document that outlines the safety measures and risk evaluations the startup conducted before releasing its latest model.' \
  '风险评估是在发布前完成的，发布后公布于系统卡。'
verdict "$C" verified '基本属实' \
  'GPT-4o系统卡把说服力列为唯一达到“中等”风险的类别（网络安全、生物威胁、模型自主性均为低）。conductatlas一页称CBRN和网络安全为中等风险，但该页自称原文未完整呈现，且与另外三个来源矛盾，不予采信。注意：这项风险是OpenAI在发布前的评估中发现、随后在系统卡中公布的，并非发布后“才被发现”。'

claim --kind other --tag gpt-4o --tag safety \
  --quote '它的“劝说”“诱导”性非常强' \
  --text 'GPT-4o的说服和诱导能力非常强。'
ev "$C" "$S31" refutes 'persuasion marginally crossed the medium threshold' \
  '说服力只是略微超过“中等”门槛。'
ev "$C" "$S30" refutes 'although the model’s samples weren’t more persuasive overall' \
  '总体上并不比人写的文字更有说服力。'
verdict "$C" disputed '夸大' \
  '系统卡的评估是：说服力略超“中等”门槛，部分文本样本比人写的更能影响读者观点，但总体上并不更有说服力；没有达到“高”或“严重”级别。“非常强”言过其实。' \
  'OpenAI在GPT-4o系统卡中把说服力风险评为“中等”（略超中等门槛）：部分文本样本比人写的文字更能影响读者观点，但总体上并不比人写的文字更有说服力。'

claim --kind other --tag gpt-4o --tag safety \
  --quote '具备创建能够说服人们改变信念并参与潜在危险或非法行为的内容的能力' \
  --text 'GPT-4o具备生成能说服人们改变信念、并参与潜在危险或非法行为的内容的能力。'
ev "$C" "$S32" context 'The model has the potential to meaningfully assist those seeking to conduct influence operations, but the level of assistance provided does not meet our threshold for Critical risk.' \
  '系统卡提到可能协助影响力行动，但没有提到“危险或非法行为”。'

claim --kind attribution --speaker 'OpenAI员工' --tag gpt-4o --tag competition \
  --quote '一些OpenAI内部员工也表示，仓促发布GPT-4o，让OpenAI失去了对领域内的领先优势' \
  --text '一些OpenAI现任和前任员工表示，仓促发布产品使OpenAI失去了对竞争对手的领先优势。'
ev "$C" "$S08" supports 'Current and former employees say OpenAI has rushed product announcements and safety testing, and lost its lead over rival AI developers.'
ev "$C" "$S07" context 'Current and former employees told the Journal that OpenAI has been racing to ship products quickly amid fears of losing competitive advantage.' \
  '《华尔街日报》报道中员工的说法是“担心失去竞争优势”。'
verdict "$C" verified '基本属实' \
  '有报道引述现任和前任员工称，OpenAI仓促发布产品和进行安全测试，并失去了对竞争对手的领先（该页未点名媒体，措辞与2024年9月底《华尔街日报》的报道相近）。员工说的是公司整体的仓促发布，并未专指GPT-4o。'

# --- Murati's delays and the voice rollout ----------------------------------
claim --kind event --tag murati --tag gpt-4o --tag voice \
  --quote 'Mira试图力挽狂澜，只能把4o的全量上线往后一延再延' \
  --text 'Mira Murati多次推迟GPT-4o相关功能（如语音）的全面上线。'
ev "$C" "$S07" supports 'Murati herself reportedly delayed features for GPT-4o, including search and voice interaction capabilities, over concerns they weren’t ready for launch.'
ev "$C" "$S13" context 'began an alpha release to a small group of ChatGPT Plus users on July 30, 2024' \
  '语音功能先于7月30日小范围测试，9月24日起扩大推出。'
verdict "$C" verified '基本属实' \
  '《华尔街日报》报道（经lambham转述）称Murati推迟了GPT-4o的搜索和语音交互等功能，因为她认为尚未准备好。语音功能从5月演示到7月30日小范围测试、9月24日扩大推出，确实拖了数月；但报道没有说推迟了几次。'

claim --kind date --tag gpt-4o --tag voice \
  --quote '最终在本周三（9月25日）才全量发布' \
  --text 'GPT-4o（高级语音模式）于2024年9月25日（周三）向全部用户全量发布。'
ev "$C" "$S13" refutes 'expanded it to all Plus and Team subscribers beginning September 24, 2024' \
  '日期可对上（美国时间9月24日），但推出对象只是Plus和Team订阅用户，不是全部用户。'
verdict "$C" disputed '部分属实' \
  '唯一的日期来源是aiwiki（维基类页面，非2024年新闻报道）：2024年9月24日（美国时间）起向所有Plus和Team订阅用户推出，北京时间可能已是9月25日，日期或因时区而异；但推出对象仅限付费的Plus和Team订阅用户，并非“全量”。另：文章落款2024年10月7日（周一），“本周三”应为10月9日，与9月25日矛盾，疑为旧文重发。' \
  '2024年9月24日（美国时间），OpenAI开始向所有ChatGPT Plus和Team订阅用户推出GPT-4o高级语音模式。'

claim --kind attribution --speaker 'OpenAI前任及在职员工' --tag murati --tag product \
  --quote '作为CTO的Mira多次推迟了包括搜索和语音交互在内的产品的计划发布' \
  --text '据OpenAI前任及在职员工透露，首席技术官Mira Murati多次推迟了搜索和语音交互等产品的计划发布。'
ev "$C" "$S07" supports 'Murati herself reportedly delayed features for GPT-4o, including search and voice interaction capabilities, over concerns they weren’t ready for launch.'
verdict "$C" verified '属实' \
  '与《华尔街日报》的报道一致（经lambham转述）：现任和前任员工称Murati推迟了GPT-4o的搜索和语音交互功能。报道没有说明推迟了几次。'

claim --kind attribution --speaker 'OpenAI前任及在职员工' --tag murati --tag product \
  --quote '她认为它们还没有准备好' \
  --text 'Mira Murati推迟搜索和语音交互等功能的发布，是因为她认为这些功能还没有准备好。'
ev "$C" "$S07" supports 'over concerns they weren’t ready for launch'
verdict "$C" verified '属实' '《华尔街日报》报道（经lambham转述）：推迟是出于对功能尚未准备好发布的担忧。'

# --- Ilya's near-return -----------------------------------------------------
claim --kind event --tag sutskever --tag murati --tag brockman \
  --quote '最近曝出5月Ilya辞职后，Mira和后来长期休假的总裁Greg Brockman都去Ilya家找过他' \
  --text '2024年5月Ilya Sutskever宣布辞职后，Mira Murati和OpenAI总裁Greg Brockman曾到他家中找他。'

claim --kind event --tag brockman --tag departures \
  --quote '后来长期休假的总裁Greg Brockman' \
  --text 'OpenAI总裁Greg Brockman后来开始长期休假。'

claim --kind event --tag sutskever --tag brockman \
  --quote '他俩带着公司员工写的卡片' \
  --text 'Mira Murati和Greg Brockman去Ilya Sutskever家时，带着OpenAI员工写的卡片。'

claim --kind attribution --speaker 'Mira Murati、Greg Brockman' --tag sutskever --tag brockman \
  --quote '公司现在好混乱，没有你咱肯定得崩溃' \
  --text 'Mira Murati和Greg Brockman对Ilya Sutskever表示，公司现在很混乱，没有他公司可能会崩溃。'

claim --kind attribution --speaker 'Ilya Sutskever' --tag sutskever \
  --quote '他对OpenAI的前同事表示，他真的在认真考虑要不要重回OpenAI' \
  --text 'Ilya Sutskever曾对OpenAI前同事表示，他在认真考虑重返OpenAI。'

claim --kind event --tag sutskever --tag brockman \
  --quote 'Brockman就打电话过来说OpenAI撤回了让Ilya重返公司的邀请' \
  --text 'Greg Brockman后来打电话告诉Ilya Sutskever，OpenAI撤回了让他重返公司的邀请。'

# --- John Schulman ----------------------------------------------------------
claim --kind other --tag departures --tag schulman --tag safety \
  --quote '还有其他核心成员因不满OpenAI对安全的重视程度而离职' \
  --text 'OpenAI联合创始人John Schulman因不满OpenAI对安全的重视程度而离职。'
ev "$C" "$S14" refutes 'He clarified that his departure was not due to a lack of support for AI alignment at OpenAI.'
ev "$C" "$S14" refutes '"On the contrary, company leaders have been very committed to investing in this area," he said.'
verdict "$C" disputed '有误' \
  'Schulman本人在X上说明，离职并非因为OpenAI缺乏对AI对齐的支持，并称公司领导层非常重视这方面的投入。文章把他列为“因不满OpenAI对安全的重视程度而离职”的例子，与他本人的说法相反。' \
  'John Schulman表示，他离开OpenAI是为了更专注于AI对齐研究并回到一线技术工作，并明确说明离职并非因为OpenAI不支持对齐研究。'

claim --kind other --tag schulman \
  --quote '比如John Schulman，也是OpenAI的联合创始人' \
  --text 'John Schulman是OpenAI的联合创始人之一。'
ev "$C" "$S14" supports 'OpenAI co-founder John Schulman announced on Monday via X that he is leaving the Microsoft-backed company to join Anthropic, an AI startup funded by Amazon and Google.'
ev "$C" "$S11" supports 'Fellow OpenAI co-founder John Schulman exited in August to join rival Anthropic.'
verdict "$C" verified '属实' 'Business Today和CNN均称Schulman为OpenAI联合创始人。'

claim --kind date --tag departures --tag schulman --tag anthropic \
  --quote '8月6日，他告别OpenAI，转投最强竞对Anthropic' \
  --text 'John Schulman于2024年8月6日宣布离开OpenAI，加入竞争对手Anthropic。'
ev "$C" "$S14" supports 'John Schulman (@johnschulman2) August 6, 2024' '推文署名日期。'
ev "$C" "$S14" supports 'OpenAI co-founder John Schulman announced on Monday via X that he is leaving the Microsoft-backed company to join Anthropic' \
  'Business Today 网址日期为2024-08-06。'
ev "$C" "$S11" supports 'Fellow OpenAI co-founder John Schulman exited in August to join rival Anthropic.'
verdict "$C" verified '属实' \
  '推文署名日期为2024年8月6日；Business Today说他“周一”宣布（美国时间的周一即8月5日，与推文显示的8月6日相差一天，属时区差异，北京时间为8月6日）。CNN称Anthropic为竞争对手（rival）；“最强”是文章的评价。'

claim --kind attribution --speaker 'John Schulman' --tag schulman --tag alignment \
  --quote '他表示选择离职是为了更深入地从事AI对齐研究' \
  --text 'John Schulman在推特（X）上表示，他离开OpenAI是为了更深入地从事AI对齐研究。'
ev "$C" "$S14" supports 'This choice stems from my desire to deepen my focus on AI alignment, and to start a new chapter of my career where I can return to hands-on technical work.'
ev "$C" "$S14" context 'He clarified that his departure was not due to a lack of support for AI alignment at OpenAI.'
verdict "$C" verified '属实' \
  'Schulman的推文原话是希望“加深对AI对齐的专注”，同时也想回到一线技术工作（文章未提）；他还明确说离职并非因为OpenAI不支持对齐研究。'

# ===========================================================================
# Part 2 (OpenAI's turn, finances, funding, Altman): researched by 王芳,
# ruled on by 李明.
# ===========================================================================
RESEARCHER=$ED_WANG
REVIEWER=$ED_LI

# --- The turn towards products ----------------------------------------------
claim --kind attribution --speaker 'Yann LeCun' --tag restructuring \
  --quote 'LeCun表示，将一家非盈利开放研究机构变成一家秘密的、以产品为中心的盈利性公司，势必会导致许多人退出' \
  --text 'Yann LeCun表示，把一家非营利的开放研究机构变成一家秘密的、以产品为中心的营利性公司，势必导致许多人离开。'

claim --kind attribution --speaker '媒体' --tag restructuring \
  --quote '有媒体，甚至直接以OpenAI as we know it is dead为名' \
  --text '有媒体以“OpenAI as we know it is dead”为题报道OpenAI的转变。'

claim --kind attribution --speaker 'OpenAI员工' --tag restructuring --tag product \
  --quote '据OpenAI内部员工爆料，OpenAI越来越专注于构建产品而非研发技术' \
  --text '据OpenAI内部员工透露，OpenAI越来越专注于开发产品，而不是研发技术。'
ev "$C" "$S07" context 'Current and former employees told the Journal that OpenAI has been racing to ship products quickly amid fears of losing competitive advantage.' \
  '员工称公司赶着推出产品，方向一致，但没有直接说研究被削弱。'

claim --kind event --tag product --tag gpt-5 \
  --quote 'GPT-5迟迟不发，却计划出AI搜索对标谷歌，大举招募产品设计等相关的员工' \
  --text 'OpenAI迟迟未发布GPT-5，却计划推出对标谷歌的AI搜索产品，并大举招聘产品设计等岗位的员工。'

claim --kind quote --speaker 'Noam Brown' --tag research \
  --quote '研究的重要性降低了？**没听说过**' \
  --text '参与过o1（“草莓”）研究的OpenAI研究员Noam Brown在推特上否认OpenAI降低了研究的重要性。'

# --- Altman in Italy ------------------------------------------------------
claim --kind attribution --speaker 'Sam Altman' --tag altman --tag departures --tag restructuring \
  --quote '奥特曼本周去意大利参加活动时，也否认了员工离职与公司转变有关' \
  --text 'OpenAI首席执行官Sam Altman在意大利参加活动时，否认高管离职与公司重组（转向营利）有关。'
ev "$C" "$S29" supports 'Turin — OpenAI CEO Sam Altman denied on Thursday that there was any link between the departure of three senior executives and a planned restructuring of the company, which he said the board had been considering for several months.'
ev "$C" "$S29" supports 'Altman said at the Italian Tech Week conference in Turin that “some stuff” reported around the executives’ departures was inaccurate, adding that the personnel changes were unrelated to the restructuring.'
verdict "$C" verified '属实' \
  '路透社：Altman于2024年9月26日（周四）在都灵“意大利科技周”上否认三名高管离职与计划中的重组有关。文章落款2024年10月7日，“本周”并不准确，疑为9月底旧文重发。'

claim --kind quote --speaker 'Sam Altman' --tag altman --tag departures \
  --quote '我看到的大多数内容也完全是错误的' \
  --text 'Sam Altman表示，他看到的关于高管离职的报道大多数完全是错误的。'
ev "$C" "$S29" supports 'Altman said at the Italian Tech Week conference in Turin that “some stuff” reported around the executives’ departures was inaccurate'
ev "$C" "$S29" supports '“That’s totally not true,” he told event organiser John Elkann, the chair of car companies Ferrari and Stellantis.'
verdict "$C" verified '基本属实' \
  '路透社转述他说离职相关报道中“有些内容”（some stuff）不准确，并说“这完全不是真的”。文章译为“大多数内容”，比原话更绝对；原话为英文，文章是意译。'

claim --kind quote --speaker 'Sam Altman' --tag altman --tag restructuring \
  --quote '过去一年里，我们的董事会一直在独立思考公司的下一阶段发展需要什么' \
  --text 'Sam Altman表示，过去一年里OpenAI董事会一直在独立思考公司下一阶段的发展需要什么。'
ev "$C" "$S29" context 'which he said the board had been considering for several months' \
  '路透社转述为董事会考虑重组“已有数月”，与“过去一年”不完全一致；未找到原话。'

claim --kind quote --speaker 'Sam Altman' --tag altman --tag departures \
  --quote '我认为这些变动反映了人们准备好迎接人生新篇章，同时也标志着新一代领导力的崛起' \
  --text 'Sam Altman表示，这些人事变动反映了离职者准备好迎接人生新篇章，也标志着新一代领导力的崛起。'

# --- The New York Times figures ---------------------------------------------
claim --kind statistic --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '8月收入达到了3亿美元' \
  --text '据《纽约时报》报道，OpenAI 2024年8月的月收入达到3亿美元。'
ev "$C" "$S15" supports 'OpenAI’s monthly revenue hit $300 million in August, up 1,700 percent since the beginning of 2023, and the company expects about $3.7 billion in annual sales this year, according to financial documents reviewed by The New York Times.'
verdict "$C" verified '属实' '《纽约时报》看到的财务文件显示，OpenAI 2024年8月的月收入为3亿美元。'

claim --kind statistic --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '相较于去年（2023年）年初增长了1700%' \
  --text 'OpenAI 2024年8月的月收入比2023年初增长了1700%。'
ev "$C" "$S15" supports 'up 1,700 percent since the beginning of 2023'
verdict "$C" verified '属实' '《纽约时报》：自2023年初以来增长1700%。'

claim --kind statistic --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '较去年同同期增长两倍多' \
  --text 'OpenAI 2024年8月的收入比2023年8月增长了两倍多（即超过原来的三倍）。'
ev "$C" "$S15" supports 'OpenAI’s revenue in August more than tripled from a year ago, according to the documents'
verdict "$C" verified '属实' \
  '《纽约时报》：8月收入比一年前增加到三倍多（more than tripled），即“增长两倍多”，一致。文章“同同期”为笔误。'

claim --kind statistic --speaker '《纽约时报》' --tag users \
  --quote '截至今年6月，每月使用其服务的人约有3.5亿人' \
  --text '截至2024年6月，每月约有3.5亿人使用OpenAI的服务。'
ev "$C" "$S15" supports 'about 350 million people — up from around 100 million in March — used its services each mont' \
  '摘录在“each month”处截断，“截至6月”未包含在内。'
ev "$C" "$S16" supports 'around 350 million individuals utilizing its services monthly as of June' \
  '改写稿，年份有误，仅用于“截至6月”这一细节。'
ev "$C" "$S19" context 'Since the launch of ChatGPT, it has attracted 250 million weekly active users.' \
  '路透社给的是周活跃用户2.5亿，口径（周活与月活）不同，不构成矛盾。'
verdict "$C" verified '属实' \
  '《纽约时报》：约3.5亿人每月使用其服务；“截至6月”见于转述稿。注意区分口径：路透社的2.5亿是周活跃用户，不是月度用户。'

claim --kind statistic --speaker '《纽约时报》' --tag users \
  --quote '相较于今年3月仅有1亿人左右，高了三倍多' \
  --text '2024年3月每月使用OpenAI服务的人约为1亿，6月的约3.5亿人是3月的三倍多。'
ev "$C" "$S15" supports 'up from around 100 million in March'
ev "$C" "$S16" supports 'a significant jump from 100 million in March'
verdict "$C" verified '基本属实' \
  '3月约1亿、6月约3.5亿，是3月的3.5倍（即增加约2.5倍）。若把“高了三倍多”理解为“是3月的三倍多”则成立；严格理解为“增加了三倍多”则略有夸大。'

claim --kind prediction --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '今年的年销售额预计约为37亿美元' \
  --text 'OpenAI预计2024年全年销售额约为37亿美元。'
ev "$C" "$S15" supports 'the company expects about $3.7 billion in annual sales this year'
ev "$C" "$S17" supports 'projecting a loss of $5 billion this year despite expecting sales to reach $3.7 billion'
ev "$C" "$S19" context 'The Sam Altman company is on pace to generate $3.6 billion in revenue this year' \
  '路透社的数字为36亿美元，略有出入。'
verdict "$C" verified '属实' '《纽约时报》：预计2024年销售额约37亿美元。路透社给出的是约36亿美元，差别不大。'

claim --kind statistic --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '其中10亿来自于企业' \
  --text 'OpenAI 2024年约37亿美元的销售额中，约10亿美元来自企业客户。'
ev "$C" "$S16" context 'OpenAI estimates that ChatGPT alone will generate $2.7 billion in revenue this year, a substantial increase from $700 million in 2023.' \
  '只给出ChatGPT一项的收入（27亿美元），没有企业收入的数字。'

claim --kind statistic --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '而去年仅有7亿美元' \
  --text 'OpenAI 2023年的销售额仅为7亿美元。'
ev "$C" "$S16" context 'OpenAI estimates that ChatGPT alone will generate $2.7 billion in revenue this year, a substantial increase from $700 million in 2023.' \
  '7亿美元是ChatGPT在2023年的收入，不是公司总销售额；该改写稿在年份上有错，仅作参考。'

claim --kind statistic --speaker '《纽约时报》' --tag users --tag subscriptions \
  --quote '每月大概有1000万ChatGPT用户，向OpenAI支付20美元' \
  --text '约有1000万ChatGPT用户每月向OpenAI支付20美元订阅费。'
ev "$C" "$S18" supports 'ChatGPT, OpenAI’s flagship product, has more than 250 million users, with 10 million paying for the premium service' \
  '该页称出处为《福布斯》，不是《纽约时报》；未提到每月20美元的价格。'
verdict "$C" verified '基本属实' \
  '1000万付费用户有来源（mytechcompanion转述《福布斯》），但存档证据都没有提到每月20美元的价格，也不是出自《纽约时报》的摘录。'

claim --kind prediction --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '2025年收入将达到116亿美元' \
  --text 'OpenAI预计2025年收入将达到116亿美元。'
ev "$C" "$S15" supports 'OpenAI estimates that its revenue will balloon to $11.6 billion next year.'
ev "$C" "$S19" supports 'a major revenue jump next year to $11.6 billion'
verdict "$C" verified '属实' '这是OpenAI自己的预测（《纽约时报》、路透社一致），文章写成“将达到”，读者应知道这是预测。'

claim --kind prediction --speaker '《纽约时报》' --tag finances --tag revenue \
  --quote '2029年收入达到1000亿美元' \
  --text 'OpenAI预计2029年收入将达到1000亿美元。'
ev "$C" "$S17" supports 'The company anticipates substantial growth in sales, with forecasts reaching $100 billion by 2029.'
verdict "$C" verified '属实' '这是OpenAI财务文件中的预测，并非既成事实。'

claim --kind prediction --speaker '《纽约时报》' --tag finances \
  --quote '今年就将亏损约50亿美元' \
  --text 'OpenAI预计2024年亏损约50亿美元。'
ev "$C" "$S15" supports 'But it expects to lose roughly $5 billion this year after paying for costs related to running its services and other expenses like employee salaries and office rent'
ev "$C" "$S17" supports 'projecting a loss of $5 billion this year'
ev "$C" "$S19" context 'mounting losses of over $5 billion' '路透社：超过50亿美元。'
verdict "$C" verified '属实' \
  '《纽约时报》：预计今年亏损约50亿美元，成本包括运营服务以及员工薪酬、办公室租金等开支；文章说是“基础运营和硬件设施的费用”，大体一致。'

claim --kind prediction --speaker 'OpenAI财务文件' --tag subscriptions --tag pricing \
  --quote '预计今年年底ChatGPT订阅价格将再涨个2美元' \
  --text '据OpenAI财务文件，ChatGPT订阅价格预计在2024年底前上涨2美元。'

claim --kind prediction --speaker 'OpenAI财务文件' --tag subscriptions --tag pricing \
  --quote '并且未来五年内涨到44美元' \
  --text '据OpenAI财务文件，ChatGPT订阅价格预计在未来五年内涨到每月44美元。'

claim --kind statistic --tag subscriptions --tag pricing \
  --quote '大概一个月也就300多块钱吧' \
  --text '每月44美元的ChatGPT订阅费约合人民币300多元。'

# --- The funding round --------------------------------------------------------
claim --kind event --tag funding \
  --quote '早在今年8月份就被曝出，OpenAI正在就新一轮融资进行谈判' \
  --text '2024年8月已有报道称OpenAI正在就新一轮融资进行谈判。'

claim --kind statistic --tag funding --tag thrive \
  --quote '老股东兴盛资本（Thrive Captial）可能领投10亿美元' \
  --text 'OpenAI老股东Thrive Capital（兴盛资本）可能领投OpenAI新一轮融资，投资10亿美元。'
ev "$C" "$S23" supports 'The report also notes that venture capital firm Thrive Capital is leading the funding round with an investment of approximately $1 billion.' \
  '融资完成前的报道。'
ev "$C" "$S20" supports 'The funding round was led by Thrive Capital, the venture capital firm headed up by Josh Kushner' \
  '彭博社：最终由Thrive Capital领投。'
ev "$C" "$S21" context 'The round was led by venture-capital firm Thrive Capital, which put in $1.25 billion into the company, according to people familiar with the matter.' \
  '《华尔街日报》：最终投入12.5亿美元。'
ev "$C" "$S18" context 'Thrive Capital contributed $1.3 billion, with an option to add another $1 billion by 2025.'
ev "$C" "$S19" context 'Thrive Capital, which committed about $1.2 billion from a combination of its own fund and a special purpose vehicle for smaller investors, negotiated the option to invest another $1 billion next year at the same valuation if the AI firm hits a revenue goal, news agency Reuters reported citing people in the know.' \
  '路透社：约12亿美元，另有次年再投10亿美元的选择权。'
verdict "$C" verified '基本属实' \
  '融资完成前的报道称Thrive约投10亿美元并领投；最终确由Thrive领投，金额约12亿至13亿美元（《华尔街日报》为12.5亿美元），另有再投10亿美元的选择权。文章把公司名拼错为“Thrive Captial”，应为Thrive Capital。“老股东”一说证据未涉及。'

claim --kind event --tag funding --tag microsoft \
  --quote '最大股东微软也有望参与此轮融资' \
  --text 'OpenAI的最大股东微软有望参与OpenAI新一轮融资。'
ev "$C" "$S20" supports 'Other backers include Microsoft Corp., which has already invested $13 billion in the startup'
ev "$C" "$S21" supports 'OpenAI’s longtime backer Microsoft invested a little less than a billion.'
verdict "$C" verified '属实' '微软最终参与了这轮融资（略低于10亿美元）。“最大股东”证据没有直接说明，只知道微软此前已投资130亿美元。'

claim --kind event --tag funding --tag khosla \
  --quote '但没看到OpenAI首位投资人Vinod Khosla的身影' \
  --text 'OpenAI的首位投资人Vinod Khosla没有参与OpenAI新一轮融资。'
ev "$C" "$S20" refutes 'with participation from investors including Khosla Ventures, Altimeter Capital and Fidelity Management & Research Company'
ev "$C" "$S18" refutes 'Microsoft, a longstanding investor in OpenAI, committed just under $1 billion, while Nvidia, SoftBank, Khosla Ventures, and others also participated in the round.'
verdict "$C" disputed '有误' \
  '8月的报道或许没有提到Khosla，但文章落款10月7日时融资已经完成，彭博社等报道的参投方中有Khosla Ventures。“首位投资人”一说证据未涉及。' \
  'Vinod Khosla创办的Khosla Ventures参与了OpenAI这轮融资（2024年10月初完成）。'

claim --kind statistic --tag valuation \
  --quote 'OpenAI的估值将超过此前的860亿美元' \
  --text 'OpenAI此前（2024年初）的估值为860亿美元。'
ev "$C" "$S21" supports 'OpenAI was last valued at $86 billion early this year, when employees sold existing shares.'
ev "$C" "$S24" supports 'around $150 billion, significantly higher than the $86 billion valuation from the company'\''s tender offer earlier this year'
ev "$C" "$S18" context 'It nearly doubles OpenAI'\''s valuation from just earlier this year, when it stood at $80 billion.' \
  '给出的是800亿美元，口径不同。'
verdict "$C" verified '属实' '860亿美元是2024年初员工出售老股（要约收购）时的估值；另有来源给出800亿美元，但两家主流来源均为860亿美元。'

claim --kind prediction --tag valuation \
  --quote '甚至超过1000亿美元' \
  --text 'OpenAI新一轮融资将使其估值超过1000亿美元。'
ev "$C" "$S24" supports 'taking OpenAI'\''s total valuation to around $150 billion'
ev "$C" "$S20" supports 'OpenAI said it has completed a deal to raise $6.6 billion in new funding, giving the artificial intelligence company a $157 billion valuation'
verdict "$C" verified '属实' '融资完成后的投后估值为1570亿美元，超过1000亿美元。'

claim --kind statistic --tag valuation \
  --quote '相当于当时Anthropic估值（150亿）的6倍、马斯克xAI（240亿）的4倍' \
  --text '1000亿美元的估值约为Anthropic估值的6倍、xAI估值的4倍。'
ev "$C" "$S25" supports 'the startup'\''s valuation has tripled to $15 billion' '计算基数：Anthropic 150亿美元。'
ev "$C" "$S28" supports 'estimated at $24 billion after the $6 billion funding round in spring' '计算基数：xAI 240亿美元。'
verdict "$C" verified '基本属实' \
  '按1000亿美元计算，约为Anthropic（150亿）的6.7倍、xAI（240亿）的4.2倍，文中取整为6倍和4倍，说得通；若按此前的860亿美元计算，则约为5.7倍和3.6倍。'

claim --kind statistic --tag valuation --tag anthropic \
  --quote 'Anthropic估值（150亿）' \
  --text 'Anthropic当时（2024年）的估值约为150亿美元。'
ev "$C" "$S25" supports 'Over the past year, the startup'\''s valuation has tripled to $15 billion, three people with knowledge of the finances said.' \
  '《纽约时报》2024年初的报道。'
ev "$C" "$S26" context 'The company was valued at $18 billion in a round led by Menlo Ventures last year.'
ev "$C" "$S27" context 'Anthropic’s nearly $18B post valuation earlier this year (around $20B today)'
verdict "$C" verified '基本属实' \
  '《纽约时报》2024年初报道Anthropic估值升至150亿美元；另有来源称Menlo Ventures领投的一轮估值约180亿美元，口径和时间不同。未找到184亿美元的说法。'

claim --kind statistic --tag valuation --tag xai \
  --quote '马斯克xAI（240亿）' \
  --text '马斯克的xAI当时（2024年）的估值为240亿美元。'
ev "$C" "$S27" supports 'The $6B round was valued at a $24B post-money valuation.'
ev "$C" "$S28" supports 'estimated at $24 billion after the $6 billion funding round in spring'
verdict "$C" verified '属实' 'xAI在2024年春季完成60亿美元融资后，投后估值为240亿美元。'

claim --kind statistic --tag valuation \
  --quote '这次寻求的融资估值已上升至——**1500亿美元**' \
  --text 'OpenAI新一轮融资寻求的估值上升至1500亿美元。'
ev "$C" "$S15" supports 'OpenAI has been circulating the documents with potential investors for an investment round that could bring in $7 billion and value the company at $150 billion, among the highest ever for a private tech company.'
ev "$C" "$S11" supports 'OpenAI is reportedly in talks about a new fundraising round that could value the firm at $150 billion, Bloomberg and others have reported.'
ev "$C" "$S17" supports 'projected to value the AI company at $150 billion'
ev "$C" "$S24" supports 'taking OpenAI'\''s total valuation to around $150 billion'
ev "$C" "$S20" context 'giving the artificial intelligence company a $157 billion valuation' \
  '融资完成后投后估值为1570亿美元。'
verdict "$C" verified '属实' '融资完成前多家媒体报道估值约1500亿美元；2024年10月初完成时的投后估值为1570亿美元。'

claim --kind statistic --speaker '《纽约时报》' --tag funding --tag valuation \
  --quote '本轮计划以1500亿美元估值收获70亿美元融资' \
  --text 'OpenAI新一轮融资计划以1500亿美元的估值融资70亿美元。'
ev "$C" "$S15" supports 'an investment round that could bring in $7 billion and value the company at $150 billion'
ev "$C" "$S20" context 'OpenAI said it has completed a deal to raise $6.6 billion in new funding, giving the artificial intelligence company a $157 billion valuation' \
  '最终结果：融资66亿美元，估值1570亿美元。'
ev "$C" "$S18" context 'OpenAI, the company behind ChatGPT, has secured a staggering $6.6 billion in a new funding round, giving the AI leader a post-money valuation of $157 billion.'
verdict "$C" verified '基本属实' \
  '《纽约时报》报道的是融资完成前的计划：最多融资70亿美元、估值1500亿美元。最终（2024年10月初）完成的是66亿美元融资、投后估值1570亿美元。文章发布时融资已完成，宜补充最终数字。'

claim --kind statistic --speaker '其他媒体' --tag funding \
  --quote '不过其他媒体爆料说是65亿美元' \
  --text '另有媒体报道，OpenAI新一轮融资计划融资65亿美元。'
ev "$C" "$S22" supports 'Apple had been in discussions to participate in a funding round for OpenAI that is expected to raise approximately $6.5 billion.'
ev "$C" "$S24" supports 'which is expected to raise as much as $6.5 billion, The Wall Street Journal reported citing people familiar with the matter'
ev "$C" "$S17" supports 'aiming to raise up to $6.5 billion from interested investors'
verdict "$C" verified '属实' '《华尔街日报》报道本轮最多融资约65亿美元；最终完成的是66亿美元。'

claim --kind other --speaker '《纽约时报》' --tag valuation \
  --quote '也是创业公司有史以来最高估值之一' \
  --text '1500亿美元是创业公司有史以来最高的估值之一。'
ev "$C" "$S15" supports 'among the highest ever for a private tech company'
verdict "$C" verified '属实' '《纽约时报》的说法是“私营科技公司有史以来最高之一”。'

claim --kind statistic --tag funding --tag microsoft \
  --quote '微软预计将参与投资10亿美元' \
  --text '微软预计在OpenAI新一轮融资中投资10亿美元。'
ev "$C" "$S22" supports 'Microsoft, which has already invested $13 billion in OpenAI, is expected to contribute about $1 billion to this latest round.'
ev "$C" "$S23" supports 'with Microsoft expected to contribute around $1 billion'
ev "$C" "$S17" supports 'with Microsoft looking to invest $1 billion'
ev "$C" "$S21" context 'OpenAI’s longtime backer Microsoft invested a little less than a billion.' '最终略低于10亿美元。'
ev "$C" "$S18" context 'committed just under $1 billion'
verdict "$C" verified '基本属实' '融资完成前的报道称微软约投10亿美元；最终投入略低于10亿美元。'

claim --kind prediction --tag funding \
  --quote '这轮融资最早可能在下周结束' \
  --text 'OpenAI新一轮融资尚未完成，最早可能在（文章发布后的）下周结束。'
ev "$C" "$S24" supports 'The funding round is slated to close next week' \
  'finanznachrichten 页面日期为2024-09-30。'
ev "$C" "$S20" refutes 'OpenAI said it has completed a deal to raise $6.6 billion in new funding' \
  'NDTV Profit 页面日期为2024-10-02，早于文章落款日期2024-10-07。'
verdict "$C" disputed '已过时' \
  '9月底的报道称融资将于下周完成；10月2日的报道显示已经完成。文章落款2024年10月7日，仍说“最早可能在下周结束”，已经过时；文章应为9月底旧文重发。' \
  'OpenAI已于2024年10月初完成这轮融资，融资66亿美元，投后估值1570亿美元。'

claim --kind attribution --speaker '知情人士' --tag funding --tag restructuring \
  --quote '作为投资的一部分，OpenAI有两年时间需要将自己的公司转变成营利性的公司' \
  --text '作为新一轮投资的条件之一，OpenAI需在两年内转为营利性公司。'

claim --kind prediction --tag funding \
  --quote '随后还会有新的一系列电话会议，介绍OpenAI产品和研究团队的主要领导人' \
  --text '融资之后，OpenAI将举行一系列电话会议，介绍其产品和研究团队的主要负责人。'

claim --kind event --tag funding --tag apple \
  --quote '苹果将不再参与此次的投资' \
  --text '苹果公司不再参与OpenAI新一轮融资。'
ev "$C" "$S22" supports 'Apple has reportedly exited negotiations to invest in OpenAI, the company behind the popular ChatGPT AI chatbot, according to The Wall Street Journal.'
ev "$C" "$S17" supports 'According to The Wall Street Journal, Apple has exited discussions regarding potential investment in OpenAI’s upcoming funding round'
ev "$C" "$S24" supports 'Apple Inc. is no longer in talks to participate in an upcoming funding round for Chatbot ChatGPT maker OpenAI'
ev "$C" "$S20" supports 'Apple Inc. did not participate in the deal, although the company was previously in talks to invest in the round, Bloomberg has reported.'
ev "$C" "$S19" supports 'Apple, which was in talks to invest in OpenAI, did not end up joining the funding, the report added.'
ev "$C" "$S21" supports 'Apple was in talks to invest in OpenAI, but those discussions fell apart, The Wall Street Journal previously reported.'
verdict "$C" verified '属实' \
  '《华尔街日报》9月底报道苹果退出谈判；融资完成后，彭博社、路透社均确认苹果没有参投。文章说“就在刚刚”，但文章落款10月7日，这一消息实际出现在9月底。'

# --- Altman re-assessed: history stated as fact ----------------------------
claim --kind event --tag sutskever --tag history \
  --quote '放弃了谷歌最顶级的待遇，成为OpenAI的联合创立者' \
  --text 'Ilya Sutskever放弃了在谷歌的顶级待遇，成为OpenAI的联合创始人。'
ev "$C" "$S09" context 'OpenAI cofounder and chief scientist Ilya Sutskever is stepping away from the company after almost a decade' \
  '证实其联合创始人身份，但未涉及他在谷歌的待遇。'

claim --kind event --tag altman --tag history \
  --quote '他最初的角色是OpenAI的资助者，后来成了CEO' \
  --text 'Sam Altman最初是OpenAI的资助者，后来成为OpenAI首席执行官。'

claim --kind event --tag altman --tag sutskever --tag history \
  --quote '直到Ilya发动内讧，以“不顾AI安全”之名，把他开除' \
  --text 'Ilya Sutskever以Sam Altman不顾AI安全为由，主导了把Altman开除出OpenAI的行动。'

tick 5
echo "bundled-factcheck: done at $FACTCHECK_NOW in $WS" >&2
