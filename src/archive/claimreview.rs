//! Reading ClaimReview JSON-LD as fact-checkers publish it: one object, an
//! array, an `@graph`, or a feed (`{"dataFeedElement": [{"item": [...]}]}`,
//! the shape of Google's and Data Commons' feeds). Anything that is not a
//! ClaimReview (the feed's own `DataFeed`, a `WebSite` in a graph) is
//! skipped; a ClaimReview without a `url` or a `claimReviewed` is an error
//! naming its place in the file.

use serde_json::Value;

use super::Entry;

/// The ClaimReviews in `json`, or what is wrong with the first bad one
/// (its place in the file, as `[3].dataFeedElement[0].item[1]`).
pub fn entries(json: &Value) -> std::result::Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    walk(json, String::new(), &mut out)?;
    Ok(out)
}

fn walk(value: &Value, at: String, out: &mut Vec<Entry>) -> std::result::Result<(), String> {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{at}[{i}]"), out)?;
            }
            Ok(())
        }
        Value::Object(map) => {
            if is_claim_review(value) {
                out.push(entry(value).map_err(|e| format!("{}: {e}", place(&at)))?);
                return Ok(());
            }
            let mut nested = false;
            for key in ["@graph", "dataFeedElement", "item"] {
                if let Some(inner) = map.get(key) {
                    nested = true;
                    walk(inner, format!("{at}.{key}"), out)?;
                }
            }
            if !nested && at.is_empty() {
                return Err(format!(
                    "{}: not a ClaimReview (its @type is {})",
                    place(&at),
                    map.get("@type").map_or("missing".into(), |t| t.to_string())
                ));
            }
            Ok(())
        }
        _ if at.is_empty() => Err("the file holds neither an object nor an array".into()),
        _ => Ok(()),
    }
}

fn place(at: &str) -> String {
    if at.is_empty() {
        "the top-level object".into()
    } else {
        format!("entry {}", at.trim_start_matches('.'))
    }
}

fn is_claim_review(value: &Value) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => type_is_claim_review(t),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(type_is_claim_review)),
        _ => false,
    }
}

fn type_is_claim_review(t: &str) -> bool {
    t == "ClaimReview" || t.ends_with("/ClaimReview") || t.ends_with(":ClaimReview")
}

/// A text field: a string, or the first string of an array.
fn text(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A name: a string, or an object's `name`.
fn name(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(o) => text(o.get("name")),
        Value::Array(items) => items.iter().find_map(|i| name(Some(i))),
        other => text(Some(other)),
    }
}

fn entry(review: &Value) -> std::result::Result<Entry, String> {
    let url = text(review.get("url")).ok_or("it has no `url` (a ClaimReview's key)")?;
    let claim = text(review.get("claimReviewed"))
        .ok_or_else(|| format!("`{url}` has no `claimReviewed` (the claim that was checked)"))?;
    let rating = review.get("reviewRating").and_then(|r| {
        text(r.get("alternateName")).or_else(|| match (r.get("ratingValue"), r.get("bestRating")) {
            (Some(v), Some(b)) => Some(format!("{}/{}", plain(v), plain(b))),
            (Some(v), None) => Some(plain(v)),
            _ => None,
        })
    });
    let date = text(review.get("datePublished"))
        .or_else(|| text(review.get("dateCreated")))
        .map(|d| d.chars().take(10).collect());
    Ok(Entry {
        claim,
        title: text(review.get("headline")).or_else(|| text(review.get("name"))),
        description: text(review.get("description")),
        rating,
        verdict: None,
        correction: None,
        checked_by: name(review.get("author")).or_else(|| name(review.get("publisher"))),
        date,
        article_url: None,
        workspace: None,
        claim_id: None,
        url,
    })
}

fn plain(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn review(url: &str) -> Value {
        json!({"@type": "ClaimReview", "url": url, "claimReviewed": "The moon is cheese.",
               "reviewRating": {"@type": "Rating", "alternateName": "False"},
               "author": {"@type": "Organization", "name": "Desk"}, "datePublished": "2024-10-09T08:00:00Z"})
    }

    #[test]
    fn every_published_shape_is_read() {
        let one = review("https://a/1");
        let shapes = [
            one.clone(),
            json!([one.clone()]),
            json!({"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, one.clone()]}),
            json!({"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [one.clone()]}]}),
        ];
        for shape in shapes {
            let got = entries(&shape).unwrap();
            assert_eq!(got.len(), 1, "{shape}");
            assert_eq!(got[0].rating.as_deref(), Some("False"));
            assert_eq!(got[0].checked_by.as_deref(), Some("Desk"));
            assert_eq!(got[0].date.as_deref(), Some("2024-10-09"));
        }
    }

    #[test]
    fn a_review_without_url_is_named() {
        let feed = json!({"dataFeedElement": [{"item": [review("https://a/1"), {"@type": "ClaimReview", "claimReviewed": "x"}]}]});
        let err = entries(&feed).unwrap_err();
        assert_eq!(
            err,
            "entry dataFeedElement[0].item[1]: it has no `url` (a ClaimReview's key)"
        );
    }
}
