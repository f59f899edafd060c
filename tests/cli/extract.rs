use crate::support::*;

fn candidates(ws: &Ws, args: &[&str]) -> Vec<serde_json::Value> {
    let mut full = vec!["extract", "--format", "json"];
    full.extend(args);
    serde_json::from_str(&ws.run(&full).success().stdout).unwrap()
}

#[test]
fn candidates_select_their_text_exactly_and_are_sorted() {
    let ws = Ws::with_article();
    let rows = candidates(&ws, &["--top", "500"]);
    assert!(rows.len() > 60, "{}", rows.len());
    let article: Vec<char> = std::fs::read_to_string(ARTICLE).unwrap().chars().collect();
    let mut last = 1.0;
    for r in &rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            article[s..e].iter().collect::<String>(),
            r["text"].as_str().unwrap()
        );
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=last).contains(&score), "not sorted at {r}");
        last = score;
        assert!(r["reasons"].is_array());
    }
}

#[test]
fn a_candidate_becomes_a_claim_in_one_step_and_is_then_claimed() {
    let ws = Ws::with_article();
    let top = candidates(&ws, &["--top", "1"]);
    assert_eq!(top.len(), 1);
    assert_eq!(top[0]["claimed"], false);
    let text = top[0]["text"].as_str().unwrap();
    let id = ws.claim("OpenAI 8月收入3亿美元", text);
    let top = candidates(&ws, &["--top", "1"]);
    assert_eq!(top[0]["claimed"], true);
    assert_eq!(top[0]["claims"][0], id.as_str());
}

#[test]
fn top_and_min_score_limit_the_list() {
    let ws = Ws::with_article();
    assert_eq!(candidates(&ws, &["--top", "5"]).len(), 5);
    let strong = candidates(&ws, &["--top", "500", "--min-score", "0.9"]);
    assert!(!strong.is_empty() && strong.iter().all(|r| r["score"].as_f64().unwrap() >= 0.9));
    let run = ws.run(&["extract", "--min-score", "2"]).code(2);
    assert!(run.stderr.contains("from 0 to 1"), "{}", run.render());
}

#[test]
fn rhetoric_is_not_among_the_top_candidates() {
    let ws = Ws::with_article();
    let rows = candidates(&ws, &["--top", "60"]);
    for line in [
        "OpenAI，真的不要安全了？？！",
        "就，时间真的不够啊！",
        "但能咋办，发都发布出去了……",
    ] {
        assert!(
            !rows
                .iter()
                .any(|r| r["text"].as_str().unwrap().contains(line)),
            "{line} ranked in the top 60"
        );
    }
}

#[test]
fn extract_text_output_lists_reasons() {
    let ws = Ws::with_article();
    insta::assert_snapshot!(ws.run(&["extract", "--top", "3"]).success().render());
}

#[test]
fn extract_needs_an_article_or_a_source() {
    let ws = Ws::new();
    let run = ws.run(&["extract"]).code(2);
    assert!(run.stderr.contains("no article set"), "{}", run.render());
    let id = ws.source(
        "en.txt",
        "Dr. Smith said revenue rose 35% to $3.5 billion in 2023. I think it is great!",
    );
    let rows = candidates(&ws, &[&id]);
    assert_eq!(
        rows[0]["text"],
        "Dr. Smith said revenue rose 35% to $3.5 billion in 2023."
    );
}

#[test]
fn the_headline_and_the_lede_are_ranked_and_marked() {
    let ws = Ws::with_article();
    let rows = candidates(&ws, &["--top", "500"]);
    let headline: Vec<&serde_json::Value> =
        rows.iter().filter(|r| r["place"] == "headline").collect();
    assert_eq!(headline.len(), 1, "{headline:?}");
    let text = headline[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("OpenAI高管震荡内幕：CEO无视安全仓促上马4o"),
        "{text}"
    );
    assert_eq!(headline[0]["reasons"][0], "headline");
    // The headline is quotable as it is: it becomes a claim in one step.
    let id = ws.claim("CEO无视安全仓促上马4o", text);
    let rows = candidates(&ws, &["--top", "500"]);
    let headline = rows.iter().find(|r| r["place"] == "headline").unwrap();
    assert_eq!(headline["claims"][0], id.as_str());
    assert_eq!(rows.iter().filter(|r| r["place"] == "lede").count(), 4);
    assert!(rows.iter().filter(|r| r.get("place").is_none()).count() > 100);
}

#[test]
fn an_english_sentence_is_ranked_in_its_context() {
    let ws = Ws::new();
    let target = "The bill you were amending allowed citizenship and legalization.";
    let amid_claims = ws.source(
        "claims.txt",
        &format!(
            "Unemployment rose to 9.4% in 2009. {target} The deficit reached $1.4 trillion that year.\n"
        ),
    );
    let amid_talk = ws.source(
        "talk.txt",
        &format!("Thank you all for coming tonight. {target} It is good to be here with you.\n"),
    );
    let find = |id: &str| {
        candidates(&ws, &[id])
            .into_iter()
            .find(|r| r["text"] == target)
            .unwrap_or_else(|| panic!("{target} is not a candidate of {id}"))
    };
    let (near, far) = (find(&amid_claims), find(&amid_talk));
    assert!(
        near["score"].as_f64().unwrap() > far["score"].as_f64().unwrap(),
        "{near}\n{far}"
    );
    let reasons = |r: &serde_json::Value| -> Vec<String> {
        r["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        reasons(&near)
            .iter()
            .any(|r| r.starts_with("near a likely claim (+")),
        "{near}"
    );
    assert!(
        reasons(&far)
            .iter()
            .any(|r| r.starts_with("no likely claim nearby (-")),
        "{far}"
    );
}

#[test]
fn a_chinese_workspace_reads_the_english_models_reasons_in_chinese() {
    let ws = Ws::bare();
    ws.run(&["init", "--language", "zh"]).success();
    let id = ws.source(
        "en.txt",
        "Intro.\n\nUnemployment rose to 9.4% in 2009. The bill you were amending allowed citizenship and legalization. Thank you all for coming tonight.\n",
    );
    let out = ws.run(&["extract", &id]).success().stdout;
    // The context, the length, the opening and the scanner's labels are
    // named in Chinese with their signed parts; the words stay the sentence's.
    for said in [
        "邻近句子可能值得核查 (+",
        "百分比：9.4% (+",
        "个词 (-",
        "以 \"Thank\" 开头 (-",
        "过短 (-",
    ] {
        assert!(out.contains(said), "{said} missing from:\n{out}");
    }
    for english in [
        "near a likely claim",
        "no likely claim nearby",
        " words (",
        "opens with",
        "`short",
    ] {
        assert!(!out.contains(english), "{english} in:\n{out}");
    }
}
