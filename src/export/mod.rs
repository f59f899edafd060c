//! Publishing the desk's work in other people's formats: verdicts as
//! schema.org ClaimReview ([`claimreview`]) and claims as W3C Web
//! Annotations ([`annotations`]). Each mapping builds serde values from the
//! workspace; the command line only prints them.

pub mod annotations;
pub mod claimreview;

use serde::Serialize;

use crate::error::{Error, Result};

/// `value` as pretty JSON-LD, safe to paste into an HTML `<script>` element
/// as it is (see [`html_safe`]), ending in a newline.
pub fn to_json_ld<T: Serialize>(value: &T) -> Result<String> {
    let json = serde_json::to_string_pretty(value)
        .map_err(|e| Error::usage(format!("cannot write JSON: {e}")))?;
    Ok(html_safe(&json) + "\n")
}

/// JSON-LD is pasted into `<script type="application/ld+json">`, where a
/// claim holding `</script>` would end the element. `<`, `>` and `&` can only
/// occur inside JSON strings, so writing them as `\u003c`, `\u003e`, `\u0026`
/// changes no value and makes the text safe to embed.
fn html_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
