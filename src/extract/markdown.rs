//! Which lines of a Markdown (or plain) text are prose: front matter, code
//! fences, headings, rules, tables, HTML, link lists and list markers are not.
//!
//! This is a hand-written line scanner, not `pulldown-cmark`, on purpose. The
//! offsets must be exact `char` positions in the source, which a byte-range
//! parser could give; but the decisions differ from CommonMark's where an
//! article needs them to: a sentence followed by `---` is a sentence and a
//! rule (CommonMark makes it a setext heading and the sentence disappears),
//! every line break ends a sentence (CommonMark joins soft breaks into one
//! paragraph, and Chinese articles break lines between sentences without
//! punctuation), a line that is only a link is a reference, not prose, and
//! YAML front matter is not Markdown at all.

use super::chars::*;

/// Lines as `[start, end)` char ranges without their line terminators.
pub(super) fn split_lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\n' => {
                lines.push((start, i));
                start = i + 1;
            }
            // A lone CR (old Mac) ends a line; CRLF is handled by the '\n'.
            '\r' => {
                lines.push((start, i));
                if chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < chars.len() {
        lines.push((start, chars.len()));
    }
    lines
}

/// Index of the first line after YAML (`---`) or TOML (`+++`) front matter,
/// or 0 when the text has none. Unclosed front matter is treated as text.
pub(super) fn front_matter_end(chars: &[char], lines: &[(usize, usize)]) -> usize {
    let Some(&(s, e)) = lines.first() else {
        return 0;
    };
    let first = trim_slice(&chars[s..e]);
    let fence = match first {
        ['-', '-', '-'] => "---",
        ['+', '+', '+'] => "+++",
        _ => return 0,
    };
    for (idx, &(s, e)) in lines.iter().enumerate().skip(1) {
        let t = trim_slice(&chars[s..e]);
        if t.iter().copied().eq(fence.chars()) || (fence == "---" && t == ['.', '.', '.']) {
            return idx + 1;
        }
    }
    0
}

pub(super) fn leading_spaces(line: &[char]) -> usize {
    line.iter()
        .take_while(|c| **c == ' ' || **c == '\t')
        .count()
}

/// Opening code fence: its character and length.
pub(super) fn opens_fence(line: &[char]) -> Option<(char, usize)> {
    let rest = &line[leading_spaces(line)..];
    let c = *rest.first()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = rest.iter().take_while(|x| **x == c).count();
    // A backtick fence's info string may not contain backticks (that is inline code).
    if n >= 3 && !(c == '`' && rest[n..].contains(&'`')) {
        Some((c, n))
    } else {
        None
    }
}

pub(super) fn closes_fence(line: &[char], c: char, n: usize) -> bool {
    let rest = &line[leading_spaces(line)..];
    let run = rest.iter().take_while(|x| **x == c).count();
    run >= n && rest[run..].iter().all(|x| is_space(*x))
}

pub(super) fn is_heading(line: &[char]) -> bool {
    let lead = leading_spaces(line);
    if lead > 3 {
        return false;
    }
    let rest = &line[lead..];
    let hashes = rest.iter().take_while(|c| **c == '#').count();
    (1..=6).contains(&hashes) && rest.get(hashes).is_none_or(|c| *c == ' ' || *c == '\t')
}

/// Thematic break: `---`, `***`, `___`, optionally spaced.
pub(super) fn is_rule(trimmed: &[char]) -> bool {
    let Some(&c) = trimmed.first() else {
        return false;
    };
    matches!(c, '-' | '*' | '_')
        && trimmed.iter().all(|x| *x == c || *x == ' ' || *x == '\t')
        && trimmed.iter().filter(|x| **x == c).count() >= 3
}

pub(super) fn is_setext_underline(trimmed: &[char]) -> bool {
    !trimmed.is_empty()
        && (trimmed.iter().all(|c| *c == '=')
            || (trimmed.len() >= 2 && trimmed.iter().all(|c| *c == '-')))
}

pub(super) fn is_table_row(trimmed: &[char]) -> bool {
    trimmed.first() == Some(&'|')
        || (trimmed.contains(&'|')
            && trimmed.contains(&'-')
            && trimmed.iter().all(|c| matches!(c, '|' | '-' | ':' | ' ')))
}

pub(super) fn is_html_line(trimmed: &[char]) -> bool {
    trimmed.len() >= 3
        && trimmed[0] == '<'
        && trimmed[trimmed.len() - 1] == '>'
        && (trimmed[1].is_ascii_alphabetic() || trimmed[1] == '/' || trimmed[1] == '!')
}

/// Length of a list marker (`- `, `* `, `+ `, `1. `, `1) `) at `k`, if any.
pub(super) fn list_marker_len(line: &[char], k: usize) -> Option<usize> {
    let c = *line.get(k)?;
    let after = |n: usize| matches!(line.get(k + n), Some(' ') | Some('\t'));
    if matches!(c, '-' | '*' | '+') && after(1) {
        return Some(2);
    }
    let digits = line[k..].iter().take_while(|d| d.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(line.get(k + digits), Some('.') | Some(')'))
        && after(digits + 1)
    {
        return Some(digits + 2);
    }
    None
}

pub(super) fn is_list_item(line: &[char]) -> bool {
    list_marker_len(line, leading_spaces(line)).is_some()
}

/// Offset of the prose inside a line: past indentation, blockquote markers,
/// a list marker and a task box, so the first sentence starts on a word.
pub(super) fn content_offset(line: &[char]) -> usize {
    let skip_ws = |mut k: usize| {
        while k < line.len() && is_space(line[k]) {
            k += 1;
        }
        k
    };
    let mut k = skip_ws(0);
    while line.get(k) == Some(&'>') {
        k = skip_ws(k + 1);
    }
    if let Some(n) = list_marker_len(line, k) {
        k = skip_ws(k + n);
        let task = line.get(k) == Some(&'[')
            && matches!(line.get(k + 1), Some(' ') | Some('x') | Some('X'))
            && line.get(k + 2) == Some(&']');
        if task {
            k = skip_ws(k + 3);
        }
    }
    k
}

/// End of a Markdown link or image `[text](target)` starting at `i`.
pub(super) fn link_end(chars: &[char], i: usize) -> Option<usize> {
    let open = if chars.get(i) == Some(&'!') { i + 1 } else { i };
    if chars.get(open) != Some(&'[') {
        return None;
    }
    let close = open + chars[open..].iter().position(|c| *c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = close + 1 + chars[close + 1..].iter().position(|c| *c == ')')?;
    Some(paren + 1)
}

/// End of a bare URL starting at `i`.
pub(super) fn url_end(chars: &[char], i: usize) -> Option<usize> {
    let is_url = starts_with_ci_at(chars, i, "http://")
        || starts_with_ci_at(chars, i, "https://")
        || starts_with_ci_at(chars, i, "www.");
    if !is_url {
        return None;
    }
    let len = chars[i..]
        .iter()
        .take_while(|c| {
            c.is_ascii() && !c.is_ascii_whitespace() && !matches!(c, ')' | ']' | '>' | '<' | '"')
        })
        .count();
    Some(i + len)
}

/// End of a footnote-style reference such as `[1]`.
pub(super) fn footnote_end(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i) != Some(&'[') {
        return None;
    }
    let digits = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (digits > 0 && chars.get(i + 1 + digits) == Some(&']')).then_some(i + digits + 2)
}

/// Whether a line's content is prose rather than a link, image or bare URL
/// with a few characters of decoration around it (link lists, references).
pub(super) fn has_prose(content: &[char]) -> bool {
    let mut units = 0;
    let mut had_link = false;
    let mut i = 0;
    while i < content.len() {
        let skip = link_end(content, i)
            .or_else(|| url_end(content, i))
            .or_else(|| footnote_end(content, i));
        if let Some(end) = skip {
            had_link = true;
            i = end;
            continue;
        }
        if content[i].is_alphanumeric() {
            units += 1;
        }
        i += 1;
    }
    if had_link { units >= 3 } else { units >= 1 }
}

pub(super) fn ends_with_terminator(trimmed: &[char]) -> bool {
    trimmed
        .last()
        .is_some_and(|c| TERMINATORS.contains(c) || *c == '.')
}

/// Prose lines of a Markdown text, as `[start, end)` ranges of their content.
pub(super) fn prose_lines(chars: &[char]) -> Vec<(usize, usize)> {
    let lines = split_lines(chars);
    let mut out = Vec::new();
    let mut idx = front_matter_end(chars, &lines);
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    while idx < lines.len() {
        let (s, e) = lines[idx];
        let line = &chars[s..e];
        idx += 1;
        if let Some((c, n)) = fence {
            if closes_fence(line, c, n) {
                fence = None;
            }
            continue;
        }
        if in_comment {
            in_comment = !contains_seq(line, "-->");
            continue;
        }
        if let Some(f) = opens_fence(line) {
            fence = Some(f);
            continue;
        }
        let t = trim_slice(line);
        if starts_with_at(t, 0, "<!--") {
            in_comment = !contains_seq(t, "-->");
            continue;
        }
        if t.is_empty() || is_heading(line) || is_rule(t) || is_table_row(t) || is_html_line(t) {
            continue;
        }
        // Setext heading (`Title` over `===`/`---`). Only a single line that
        // does not end like a sentence counts: many exported articles put a
        // `---` rule straight under a paragraph, and dropping that paragraph
        // as a "heading" would lose real claims.
        if let Some(&(ns, ne)) = lines.get(idx) {
            let next = trim_slice(&chars[ns..ne]);
            if is_setext_underline(next) && !is_list_item(line) && !ends_with_terminator(t) {
                idx += 1;
                continue;
            }
        }
        let cs = s + content_offset(line);
        if cs < e && has_prose(&chars[cs..e]) {
            out.push((cs, e));
        }
    }
    out
}

/// The headline as `[start, end)` chars: the front matter's `title:` value
/// (inside its quotes), else the first `# ` heading before any prose. A title
/// written with escapes (`''`, `\"`) has no exact slice to quote, so it is
/// left out rather than quoted wrongly.
pub(super) fn headline(chars: &[char]) -> Option<(usize, usize)> {
    let lines = split_lines(chars);
    let body = front_matter_end(chars, &lines);
    let front = if body > 0 {
        &lines[1..body - 1]
    } else {
        &[][..]
    };
    for &(s, e) in front {
        if !starts_with_at(&chars[s..e], 0, "title:") {
            continue;
        }
        let (mut a, mut b) = (s + "title:".len(), e);
        while a < b && is_space(chars[a]) {
            a += 1;
        }
        while b > a && is_space(chars[b - 1]) {
            b -= 1;
        }
        if b > a + 1 && matches!(chars[a], '\'' | '"') && chars[b - 1] == chars[a] {
            let quote = chars[a];
            let inner = &chars[a + 1..b - 1];
            if inner.contains(&quote) || (quote == '"' && inner.contains(&'\\')) {
                return None;
            }
            (a, b) = (a + 1, b - 1);
        }
        return (a < b).then_some((a, b));
    }
    for &(s, e) in &lines[body..] {
        let line = &chars[s..e];
        let t = trim_slice(line);
        if t.is_empty() {
            continue;
        }
        if !is_heading(line) || !starts_with_at(t, 0, "# ") {
            return None;
        }
        let a = s + leading_spaces(line) + 2;
        let b = s + line.iter().rposition(|c| !is_space(*c) && *c != '#')? + 1;
        return (a < b).then_some((a, b));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::headline;

    fn headline_of(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        headline(&chars).map(|(a, b)| chars[a..b].iter().collect())
    }

    #[test]
    fn the_headline_is_the_front_matter_title_or_the_first_heading() {
        assert_eq!(
            headline_of("---\ntitle: 'CEO无视安全'\ndate: 2024-10-07\n---\n正文。").as_deref(),
            Some("CEO无视安全")
        );
        assert_eq!(
            headline_of("---\ntitle: \"A plain title\"\n---\n").as_deref(),
            Some("A plain title")
        );
        assert_eq!(
            headline_of("---\ntitle: bare words  \n---\n").as_deref(),
            Some("bare words")
        );
        assert_eq!(
            headline_of("\n# 标题在此 #\n\n正文。").as_deref(),
            Some("标题在此")
        );
        // Escapes have no exact slice; a heading after prose is not the headline.
        assert_eq!(headline_of("---\ntitle: 'it''s'\n---\n"), None);
        assert_eq!(headline_of("正文。\n# 小节\n"), None);
        assert_eq!(headline_of("## 小节\n正文。"), None);
        assert_eq!(headline_of("---\ndate: 2024-10-07\n---\n正文。"), None);
    }

    // --- segmentation: Markdown structure ---------------------------------

    #[test]
    fn front_matter_is_not_prose() {
        let text = "---\ntitle: '标题里有句号。'\ndate: 2024-10-07\n\n---\n正文第一句。";
        assert_eq!(texts(text), ["正文第一句。"]);
        // Without a closing fence it is an ordinary rule plus text.
        assert_eq!(texts("---\n正文。"), ["正文。"]);
    }

    #[test]
    fn headings_are_not_prose() {
        assert_eq!(
            texts("# 标题\n## Another heading\n#hashtag 开头的正文。"),
            ["#hashtag 开头的正文。"]
        );
        assert_eq!(texts("小节标题\n===\n正文。"), ["正文。"]);
        assert_eq!(texts("另一个标题\n---\n正文。"), ["正文。"]);
    }

    #[test]
    fn rule_under_a_sentence_keeps_the_sentence() {
        assert_eq!(
            texts("完成安全测试评估。\n---\n正文。"),
            ["完成安全测试评估。", "正文。"]
        );
    }

    #[test]
    fn horizontal_rules_are_not_prose() {
        assert_eq!(
            texts("第一段。\n\n---\n\n* * *\n___\n第二段。"),
            ["第一段。", "第二段。"]
        );
    }

    #[test]
    fn link_lists_and_images_are_not_prose() {
        let text = "参考链接：\n- [1]https://x.com/a/status/1839819878792122600\n- [OpenAI blog](https://openai.com/blog)\n![配图](img/1.png)\n- 普通列表项有内容。";
        assert_eq!(texts(text), ["参考链接：", "普通列表项有内容。"]);
    }

    #[test]
    fn list_markers_are_trimmed() {
        let text = "- 8月收入达到了3亿美元。\n2. 第二项。\n* [ ] 待办事项。\n> 引用的一句话。";
        let got = sentences(text);
        let got_texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            got_texts,
            [
                "8月收入达到了3亿美元。",
                "第二项。",
                "待办事项。",
                "引用的一句话。"
            ]
        );
        for s in &got {
            assert_offsets(text, s.start, s.end, &s.text);
        }
    }

    #[test]
    fn code_fences_tables_and_html_are_not_prose() {
        let text = "```rust\nlet x = 5.0; // 注释。\n```\n| a | b |\n|---|---|\n<div>\n<!-- 注释。\n还是注释。 -->\n正文。";
        assert_eq!(texts(text), ["正文。"]);
    }

    #[test]
    fn emphasis_inside_a_sentence_is_kept() {
        let text = "总的来说，**OpenAI好像有点变形了**。";
        assert_eq!(texts(text), [text]);
    }

    #[test]
    fn emphasis_at_the_edges_is_trimmed() {
        assert_eq!(texts("**整句都是强调。**"), ["整句都是强调。"]);
        // The emphasis opened in one sentence and closed in the next.
        assert_eq!(
            texts("**第一句开始。第二句结束**。"),
            ["第一句开始。", "第二句结束**。"]
        );
        // A closing `**` after the full stop belongs to the sentence it closes.
        assert_eq!(
            texts("说明**重点在这。**后面一句。"),
            ["说明**重点在这。**", "后面一句。"]
        );
        assert_eq!(
            texts("研究的重要性降低了？**没听说过**。"),
            ["研究的重要性降低了？", "**没听说过**。"]
        );
    }

    #[test]
    fn separate_emphases_are_not_mistaken_for_a_wrapper() {
        assert_eq!(
            texts("**A** and **B** agreed."),
            ["**A** and **B** agreed."]
        );
        assert_eq!(texts("**增长** 与 **下降**"), ["**增长** 与 **下降**"]);
    }

    #[test]
    fn offsets_count_chars_not_bytes() {
        let text = "前言。\n\n- 第二句有 emoji 😀 和数字3.5亿。Then English. 最后";
        for s in sentences(text) {
            assert_offsets(text, s.start, s.end, &s.text);
        }
        let second = &sentences(text)[1];
        assert_eq!(second.start, 7);
    }

    #[test]
    fn noise_never_panics_and_offsets_hold() {
        // Fragments chosen to hit every scanner's edge: unclosed pairs,
        // markers at line ends, numbers next to units, surrogate-pair emoji.
        const PIECES: &[&str] = &[
            "。",
            "！",
            "？",
            "…",
            ".",
            "...",
            " ",
            "\n",
            "\r\n",
            "**",
            "__",
            "“",
            "”",
            "（",
            "）",
            "(",
            ")",
            "\"",
            "---",
            "# ",
            "- ",
            "1. ",
            "> ",
            "```",
            "[1]",
            "](",
            "![",
            "http://a.b/c",
            "5",
            "3.5",
            "1,000",
            "亿",
            "美元",
            "%",
            "年",
            "月",
            "日",
            "号",
            "倍",
            "一",
            "两",
            "十",
            "万",
            "百分之",
            "据",
            "称",
            "Dr",
            "U.S",
            "J",
            "e.g",
            "·",
            "周",
            "本",
            "May",
            "$",
            "😀",
            "|",
            "<",
            ">",
            "!",
            "?",
            "OpenAI",
            "的",
            "公司",
            "啊",
            "-",
            "第",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            for c in candidates(&text) {
                assert_offsets(&text, c.start, c.end, &c.text);
                assert!((0.0..=1.0).contains(&c.score), "{text:?}");
            }
        }
    }
}
