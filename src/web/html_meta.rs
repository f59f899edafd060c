//! What a web page says about itself: its title, publication date and
//! publisher, from the markup publishers use for link previews and search
//! engines (Open Graph `<meta property>`, JSON-LD, `<time datetime>`), and
//! the charset it declares in a `<meta>` tag.
//!
//! A small tag scanner rather than a full HTML parse: these tags sit in
//! well-formed heads, and the scanner never fails, it only finds less.

use crate::model::Day;

/// The page's own metadata; each field is what the page states, if it does.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<Day>,
    pub publisher: Option<String>,
}

/// Reads the metadata from a page's text (already decoded).
pub fn read(html: &str) -> PageMeta {
    let metas = tags(html, "meta");
    let meta_content = |key: &str| {
        metas.iter().find_map(|attrs| {
            let named = attr(attrs, "property").or_else(|| attr(attrs, "name"))?;
            (named.eq_ignore_ascii_case(key))
                .then(|| attr(attrs, "content"))
                .flatten()
                .map(|v| clean(&v))
                .filter(|v| !v.is_empty())
        })
    };
    let json_ld = json_ld(html);
    let title = meta_content("og:title").or_else(|| title_element(html));
    let published = meta_content("article:published_time")
        .and_then(|v| day_of(&v))
        .or_else(|| {
            json_ld
                .iter()
                .find_map(|v| find_key(v, "datePublished"))
                .and_then(|v| v.as_str().and_then(day_of))
        })
        .or_else(|| {
            tags(html, "time")
                .iter()
                .find_map(|attrs| attr(attrs, "datetime").and_then(|v| day_of(&v)))
        });
    let publisher = meta_content("og:site_name").or_else(|| {
        json_ld.iter().find_map(|v| {
            let publisher = find_key(v, "publisher")?;
            let publisher = match publisher {
                serde_json::Value::Array(items) => items.first()?,
                other => other,
            };
            match publisher {
                serde_json::Value::String(s) => Some(clean(s)),
                other => other.get("name")?.as_str().map(clean),
            }
            .filter(|s| !s.is_empty())
        })
    });
    PageMeta {
        title,
        published,
        publisher,
    }
}

/// The charset a page declares in its first 1024 bytes (`<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), as browsers
/// look for it.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    tags(&head, "meta").iter().find_map(|attrs| {
        attr(attrs, "charset")
            .or_else(|| {
                let content = attr(attrs, "content")?;
                charset_param(&content)
            })
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
    })
}

/// The `charset` parameter of a media type such as `text/html; charset=gbk`.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or date-time, as the
/// page states it (its own time zone).
fn day_of(value: &str) -> Option<Day> {
    value.trim().get(..10)?.parse().ok()
}

/// The text of the first `<title>` element.
fn title_element(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</title")?;
    Some(clean(&html[open_end..close])).filter(|t| !t.is_empty())
}

/// The parsed contents of every `<script type="application/ld+json">`.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<script") {
        let start = from + pos;
        let Some(open_len) = lower[start..].find('>') else {
            break;
        };
        let open_end = start + open_len + 1;
        let attrs = &html[start + "<script".len()..open_end - 1];
        let Some(close_len) = lower[open_end..].find("</script") else {
            break;
        };
        let close = open_end + close_len;
        if attr(attrs, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            && let Ok(value) = serde_json::from_str(&html[open_end..close])
        {
            found.push(value);
        }
        from = close;
    }
    found
}

/// The first value under `key`, searching objects, arrays and `@graph`s
/// depth-first.
fn find_key<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// The attribute text of every `<NAME …>` tag.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&open) {
        let start = from + pos + open.len();
        let next = lower[start..].chars().next();
        if !next.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/') {
            from = start;
            continue;
        }
        let end = tag_end(&lower[start..]).map_or(lower.len(), |e| start + e);
        found.push(&html[start..end]);
        from = end;
    }
    found
}

/// Where a tag's `>` is, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's attribute text, entities decoded.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>')
        {
            i += 1;
        }
        let key = &attrs[key_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && matches!(bytes[i], b'"' | b'\'') {
                let q = bytes[i];
                let start = i + 1;
                let end = attrs[start..]
                    .bytes()
                    .position(|b| b == q)
                    .map_or(attrs.len(), |p| start + p);
                value = Some(&attrs[start..end]);
                i = end + 1;
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = Some(&attrs[start..i]);
            }
        }
        if key.is_empty() {
            i += 1;
            continue;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(unescape(value.unwrap_or("")));
        }
    }
    None
}

/// Whitespace collapsed, entities decoded, control characters dropped (a
/// page's title ends up on people's terminals).
fn clean(s: &str) -> String {
    unescape(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

/// The common HTML character references.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => '\u{a0}',
                n if n.starts_with("#x") || n.starts_with("#X") => {
                    char::from_u32(u32::from_str_radix(&n[2..], 16).ok()?)?
                }
                n if n.starts_with('#') => char::from_u32(n[1..].parse().ok()?)?,
                _ => return None,
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_wins_over_the_title_element() {
        let page = r#"<html><head><title>Site | Story</title>
            <meta property="og:title" content="Story &amp; more">
            <meta property="og:site_name" content='Daily Example'>
            <meta property="article:published_time" content="2024-10-07T08:00:00+08:00">
            </head><body><time datetime="2020-01-01">old</time></body></html>"#;
        let meta = read(page);
        assert_eq!(meta.title.as_deref(), Some("Story & more"));
        assert_eq!(meta.publisher.as_deref(), Some("Daily Example"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-10-07");
    }

    #[test]
    fn json_ld_and_time_elements_are_fallbacks() {
        let page = r#"<title>
              A   title </title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","datePublished":"2023-05-01T10:00:00Z",
               "publisher":{"@type":"Organization","name":"Wire Co"}}]}</script>"#;
        let meta = read(page);
        assert_eq!(meta.title.as_deref(), Some("A title"));
        assert_eq!(meta.published.unwrap().to_string(), "2023-05-01");
        assert_eq!(meta.publisher.as_deref(), Some("Wire Co"));
        let meta = read(r#"<p>Posted <time class=x datetime=2022-02-03>Feb 3</time></p>"#);
        assert_eq!(meta.published.unwrap().to_string(), "2022-02-03");
        assert_eq!(meta.title, None);
        assert_eq!(read("<p>no metadata</p>"), PageMeta::default());
        let meta = read("<title>Red\u{1b}[31m &#27;alert</title>");
        assert_eq!(meta.title.as_deref(), Some("Red[31m alert"));
    }

    #[test]
    fn declared_charsets_are_found_in_meta_tags() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"gb2312\">").as_deref(),
            Some("gb2312")
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">"
            )
            .as_deref(),
            Some("Shift_JIS")
        );
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
        assert_eq!(
            charset_param("text/html; Charset=\"GBK\"").as_deref(),
            Some("GBK")
        );
    }
}
