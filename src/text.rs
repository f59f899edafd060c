//! From snapshot bytes to the text that quotes and excerpts are found in.
//!
//! Offsets in records count Unicode scalar values of this text, so the text of
//! a snapshot must be derived the same way every time: UTF-8 text types as
//! they are (a byte-order mark dropped), HTML through `html2text`, and nothing
//! else. A snapshot whose record names a `charset` (a GBK page, a Shift_JIS
//! file) is first decoded from it with `encoding_rs`; its bytes stay as served. A [`SourceText`] is built once per snapshot and indexed so that
//! converting between byte and character offsets never rescans the article.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// Media types whose bytes are text as they are.
fn is_plain_text(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    essence.starts_with("text/") && !is_html(essence)
        || matches!(
            essence,
            "application/json" | "application/xml" | "application/yaml" | "application/x-yaml"
        )
}

fn is_html(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    matches!(essence, "text/html" | "application/xhtml+xml")
}

/// Whether a snapshot of this type has text that can be quoted.
pub fn is_quotable(media_type: &str) -> bool {
    is_plain_text(media_type) || is_html(media_type)
}

/// The text of a snapshot's bytes. `label` names the snapshot in errors.
pub fn decode(bytes: &[u8], media_type: &str, label: &str) -> Result<String> {
    decode_owned(bytes.to_vec(), media_type, label)
}

/// [`decode`], taking the bytes: UTF-8 text then becomes the `String`
/// without being copied.
pub fn decode_owned(bytes: Vec<u8>, media_type: &str, label: &str) -> Result<String> {
    decode_charset(bytes, media_type, None, label)
}

/// The encoding a charset name stands for (WHATWG labels: `gbk`, `gb2312`,
/// `big5`, `shift_jis`, `iso-8859-1`, …), or an error saying so.
/// A charset browsers refuse (`iso-2022-kr`, `hz-gb-2312`, …: WHATWG's
/// "replacement" encoding, which decodes a whole page to one U+FFFD) is
/// refused by name rather than read as nothing.
pub fn encoding_for(charset: &str) -> Result<&'static encoding_rs::Encoding> {
    let encoding =
        encoding_rs::Encoding::for_label(charset.trim().as_bytes()).ok_or_else(|| {
            Error::invalid(format!("`{charset}` is not a charset this tool knows")).with_hint_in(
                "name a WHATWG encoding such as gbk, big5, shift_jis or windows-1252",
                "请给出浏览器标准中的编码名，如 `gbk`、`big5`、`shift_jis` 或 `windows-1252`",
            )
        })?;
    if is_refused_charset(charset) {
        return Err(Error::invalid(format!(
            "`{charset}` is a charset browsers refuse to decode (its whole text would read as one U+FFFD); this tool does not read it"
        ))
        .with_hint_in("snapshot a copy of the text in UTF-8, or name the charset it really is in", "为文本的 `UTF-8` 副本建快照，或给出它实际使用的字符集"));
    }
    Ok(encoding)
}

/// Whether `charset` names one that browsers refuse to decode (WHATWG's
/// "replacement" encoding: `iso-2022-kr`, `hz-gb-2312`, `iso-2022-cn`, …).
pub fn is_refused_charset(charset: &str) -> bool {
    encoding_rs::Encoding::for_label(charset.trim().as_bytes()) == Some(encoding_rs::REPLACEMENT)
}

/// The name a record keeps for a charset: the encoding's WHATWG name in
/// lower case (`gb2312` is `gbk`, `latin1` is `windows-1252`, as in browsers),
/// or `None` for UTF-8, which needs no record.
pub fn charset_name(encoding: &'static encoding_rs::Encoding) -> Option<String> {
    (encoding != encoding_rs::UTF_8).then(|| encoding.name().to_ascii_lowercase())
}

/// [`decode_owned`] for bytes in `charset` (none: UTF-8). A snapshot in
/// another charset is decoded to UTF-8 first, then read as its media type
/// says: the same text every time, whoever reads it (quotes, excerpts,
/// `check`, reports).
pub fn decode_charset(
    mut bytes: Vec<u8>,
    media_type: &str,
    charset: Option<&str>,
    label: &str,
) -> Result<String> {
    if let Some(charset) = charset {
        if !is_quotable(media_type) {
            return Err(Error::refused(format!(
                "{label} is `{media_type}`, which has no text to quote"
            ))
            .with_hint_in(
                "quote a text or HTML snapshot, or add evidence without `--excerpt`",
                "请引用文本或网页快照，或添加证据时不加 `--excerpt`",
            ));
        }
        let encoding = encoding_for(charset).map_err(|e| {
            Error::invalid(format!("{label}: {e}"))
                .with_hint_in("fix its `charset:`", "修正其 `charset:`")
        })?;
        // A byte-order mark overrides the label, as in browsers.
        let (text, _, _) = encoding.decode(&bytes);
        bytes = text.into_owned().into_bytes();
    }
    if is_html(media_type) {
        return html2text::config::plain_no_decorate()
            .string_from_read(&crate::html_bounds::bounded(&bytes)[..], 100_000)
            .map_err(|e| Error::invalid(format!("cannot read the HTML of {label}: {e}")));
    }
    if !is_plain_text(media_type) {
        return Err(Error::refused(format!(
            "{label} is `{media_type}`, which has no text to quote"
        ))
        .with_hint_in(
            "quote a text or HTML snapshot, or add evidence without `--excerpt`",
            "请引用文本或网页快照，或添加证据时不加 `--excerpt`",
        ));
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::refused(format!(
            "{label} is not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
        .with_hint_in(
            "snapshot a UTF-8 copy of it, or give the right `--media-type`",
            "为它的 `UTF-8` 副本建快照，或给出正确的 `--media-type`",
        )
    })
}

/// Typographic quotation marks and apostrophes as their ASCII forms.
fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
        c => c,
    }
}

/// How many characters apart the byte-offset checkpoints are.
const CHECKPOINT: usize = 256;

/// A UTF-8 byte that continues a character rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// A source's text with an index for offset conversion and a lazily built
/// whitespace-free copy for excerpt matching.
#[derive(Debug)]
pub struct SourceText {
    text: String,
    /// Byte offset of every `CHECKPOINT`-th character.
    checkpoints: Vec<usize>,
    chars: usize,
    squeezed: OnceLock<Squeezed>,
}

/// The text without whitespace, and where each of its characters came from.
#[derive(Debug)]
struct Squeezed {
    text: String,
    /// For each byte offset of a char start in `text`: the char offset in the original.
    origin: Vec<(usize, usize)>,
}

impl SourceText {
    pub fn new(text: String) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        // Counting the bytes that start a character is the same as decoding
        // every character, at a fraction of the cost.
        let mut chars = 0;
        let mut until_checkpoint = 0;
        for (byte, &b) in text.as_bytes().iter().enumerate() {
            if !is_continuation(b) {
                if until_checkpoint == 0 {
                    checkpoints.push(byte);
                    until_checkpoint = CHECKPOINT;
                }
                until_checkpoint -= 1;
                chars += 1;
            }
        }
        SourceText {
            text,
            checkpoints,
            chars,
            squeezed: OnceLock::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in characters.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Byte offset of character offset `char_pos` (clamped to the end).
    pub fn byte_of(&self, char_pos: usize) -> usize {
        if char_pos >= self.chars {
            return self.text.len();
        }
        let base = self.checkpoints[char_pos / CHECKPOINT];
        let skip = char_pos % CHECKPOINT;
        self.text.as_bytes()[base..]
            .iter()
            .enumerate()
            .filter(|&(_, &b)| !is_continuation(b))
            .nth(skip)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    /// Character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        let slot = match self.checkpoints.binary_search(&byte) {
            Ok(i) => return i * CHECKPOINT,
            Err(i) => i.saturating_sub(1),
        };
        let base = self.checkpoints.get(slot).copied().unwrap_or(0);
        slot * CHECKPOINT + self.text[base..byte.min(self.text.len())].chars().count()
    }

    /// The characters `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (a, b) = (self.byte_of(start), self.byte_of(end.max(start)));
        &self.text[a..b]
    }

    /// Every occurrence of `needle`, as character offsets `(start, end)`.
    pub fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        if needle.is_empty() {
            return Vec::new();
        }
        let len = needle.chars().count();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = self.text[from..].find(needle) {
            let byte = from + pos;
            let start = self.char_of(byte);
            found.push((start, start + len));
            // Step one character, so overlapping occurrences are found too.
            from = byte + self.text[byte..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    /// Up to `n` characters before `start` and after `end`.
    pub fn context(&self, start: usize, end: usize, n: usize) -> (&str, &str) {
        (
            self.slice(start.saturating_sub(n), start),
            self.slice(end, (end + n).min(self.chars)),
        )
    }

    fn squeezed(&self) -> &Squeezed {
        self.squeezed.get_or_init(|| {
            let mut text = String::with_capacity(self.text.len());
            let mut origin = Vec::new();
            for (i, c) in self.text.chars().enumerate() {
                if !c.is_whitespace() {
                    origin.push((text.len(), i));
                    text.push(fold_quote(c));
                }
            }
            Squeezed { text, origin }
        })
    }

    /// Whether the excerpt `needle` occurs, by the rules of
    /// [`SourceText::find_excerpt`]. An excerpt is usually copied verbatim,
    /// and finding it as it is costs one scan; only one that is not is looked
    /// for in the loose copy, which is built on first use.
    pub fn contains_excerpt(&self, needle: &str) -> bool {
        if needle.trim().is_empty() {
            return false;
        }
        self.text.contains(needle) || self.find_excerpt(needle).is_some()
    }

    /// Finds an excerpt ignoring whitespace on both sides and the style of
    /// quotation marks (`'` matches `’`, `"` matches `“`): what a page's
    /// typography and a copy from a browser disagree on. Returns the
    /// character span in this text of the first match.
    pub fn find_excerpt(&self, needle: &str) -> Option<(usize, usize)> {
        let squeezed_needle: String = needle
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(fold_quote)
            .collect();
        if squeezed_needle.is_empty() {
            return None;
        }
        let sq = self.squeezed();
        let byte = sq.text.find(&squeezed_needle)?;
        let first = sq.origin.partition_point(|&(b, _)| b < byte);
        let last_byte =
            byte + squeezed_needle.len() - squeezed_needle.chars().last().map_or(1, char::len_utf8);
        let last = sq.origin.partition_point(|&(b, _)| b < last_byte);
        Some((sq.origin[first].1, sq.origin[last].1 + 1))
    }

    /// The passage most like `needle`, for "did you mean" messages: every
    /// 4-character piece of the needle that occurs in the text votes for where
    /// the needle would start; the start with most votes wins.
    pub fn closest_passage(&self, needle: &str) -> Option<(usize, usize)> {
        /// Occurrences of one piece in the text that get a vote.
        const VOTES_PER_PIECE: usize = 50;
        let chars: Vec<char> = needle.chars().collect();
        let piece = 4.min(chars.len());
        if piece == 0 {
            return None;
        }
        // The needle's pieces, each with where it stands in the needle.
        let mut pieces: HashMap<&[char], (Vec<usize>, usize)> = HashMap::new();
        for offset in (0..=chars.len() - piece).step_by(piece) {
            pieces
                .entry(&chars[offset..offset + piece])
                .or_default()
                .0
                .push(offset);
        }
        // One pass over the text, a window of `piece` characters wide: the
        // time is linear in the text, whatever the needle's length.
        let mut votes: HashMap<usize, usize> = HashMap::new();
        let mut window: std::collections::VecDeque<char> = Default::default();
        for (i, c) in self.text.chars().enumerate() {
            window.push_back(c);
            if window.len() > piece {
                window.pop_front();
            }
            if window.len() < piece {
                continue;
            }
            let Some((offsets, used)) = pieces.get_mut(window.make_contiguous() as &[char]) else {
                continue;
            };
            if *used == VOTES_PER_PIECE {
                continue;
            }
            *used += 1;
            let start = i + 1 - piece;
            for &offset in offsets.iter() {
                if let Some(anchor) = start.checked_sub(offset) {
                    *votes.entry(anchor).or_default() += 1;
                }
            }
        }
        let (&start, &count) = votes
            .iter()
            .max_by_key(|&(start, count)| (*count, std::cmp::Reverse(*start)))?;
        // One matching piece in a long quote is chance, not a near miss.
        if count * piece * 3 < chars.len() {
            return None;
        }
        Some((start, (start + chars.len()).min(self.chars)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_index_agrees_with_decoding_every_character() {
        // Mixed widths (1 to 4 bytes), across several checkpoints.
        let text: String = "aé中😀 b\n".repeat(300);
        let t = SourceText::new(text.clone());
        assert_eq!(t.char_len(), text.chars().count());
        for (i, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(t.byte_of(i), byte, "char {i}");
            assert_eq!(t.char_of(byte), i, "byte {byte}");
        }
        assert_eq!(t.byte_of(t.char_len()), text.len());
        assert_eq!(SourceText::new(String::new()).char_len(), 0);
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let long = "前".repeat(600) + "OpenAI安全团队仅得到了9天的时间" + &"后".repeat(10);
        let t = SourceText::new(long);
        let found = t.find_all("9天");
        assert_eq!(found, vec![(600 + 14, 600 + 16)]);
        assert_eq!(t.slice(614, 616), "9天");
        for pos in [0, 1, 255, 256, 257, 600, 615, t.char_len()] {
            assert_eq!(t.char_of(t.byte_of(pos)), pos);
        }
    }

    #[test]
    fn overlapping_occurrences_are_all_found() {
        let t = SourceText::new("aaaa".into());
        assert_eq!(t.find_all("aa").len(), 3);
    }

    #[test]
    fn excerpts_match_across_line_breaks() {
        let t = SourceText::new("The security team\nhad only  9 days.".into());
        let (s, e) = t.find_excerpt("security team had only 9 days").unwrap();
        assert_eq!(t.slice(s, e), "security team\nhad only  9 days");
        assert!(t.find_excerpt("ten days").is_none());
        assert!(t.contains_excerpt("security team had only 9 days"));
        assert!(t.contains_excerpt("team\nhad"));
        assert!(!t.contains_excerpt("ten days"));
        assert!(!t.contains_excerpt(" \n"));
    }

    #[test]
    fn excerpts_match_whatever_the_quotation_mark_style() {
        let t = SourceText::new("OpenAI said it “didn’t cut corners.”".into());
        assert!(t.find_excerpt("said it \"didn't cut corners.\"").is_some());
        assert!(t.contains_excerpt("didn't cut"));
        assert!(!t.contains_excerpt("did not cut"));
    }

    #[test]
    fn closest_passage_finds_a_near_miss() {
        let t = SourceText::new("开头。OpenAI安全团队仅得到了9天的时间，来做安全检测。结尾".into());
        let (s, e) = t
            .closest_passage("OpenAI安全团队仅得到了10天的时间")
            .unwrap();
        assert!(t.slice(s, e).starts_with("OpenAI安全团队"));
        assert!(t.closest_passage("完全无关的一句话内容").is_none());
    }

    #[test]
    fn legacy_charsets_decode_before_the_text_is_read() {
        let (gbk, _, _) = encoding_rs::GBK.encode("安全团队仅得到了9天");
        let gbk = gbk.into_owned();
        assert!(decode(&gbk, "text/plain", "x").is_err());
        let text = decode_charset(gbk.clone(), "text/plain", Some("gb2312"), "x").unwrap();
        assert_eq!(text, "安全团队仅得到了9天");
        let mut html = b"<p>".to_vec();
        html.extend_from_slice(&gbk);
        let text = decode_charset(html, "text/html", Some("gbk"), "x").unwrap();
        assert!(text.contains("安全团队仅得到了9天"), "{text:?}");
        let err = decode_charset(gbk, "text/plain", Some("klingon"), "x").unwrap_err();
        assert!(err.to_string().contains("`klingon`"), "{err}");
        assert_eq!(
            charset_name(encoding_for("GB2312").unwrap()).unwrap(),
            "gbk"
        );
        assert_eq!(charset_name(encoding_for("utf8").unwrap()), None);
    }

    #[test]
    fn binary_media_types_cannot_be_quoted() {
        assert!(decode(b"%PDF", "application/pdf", "x").is_err());
        assert_eq!(decode(b"\xef\xbb\xbfhi", "text/plain", "x").unwrap(), "hi");
        let html = decode(
            b"<p>Hello <b>world</b></p><script>x</script>",
            "text/html",
            "x",
        )
        .unwrap();
        assert!(html.contains("Hello world"), "{html:?}");
    }

    /// Offsets stored in claims and evidence count chars of this text: if an
    /// upgrade of the HTML converter changes it, this fails before any stored
    /// offset silently points at other words (`cargo insta review` shows how).
    #[test]
    fn the_text_of_an_html_page_is_pinned() {
        let html = include_bytes!("../tests/fixtures/page.html");
        let text = decode(html, "text/html; charset=utf-8", "page.html").unwrap();
        let headline = "OpenAI完成66亿美元融资";
        let at = text.find(headline).map(|b| text[..b].chars().count());
        insta::assert_snapshot!(format!("`{headline}` at char {at:?}\n---\n{text}"));
    }
}
