//! Checks on `factcheck.yaml` that its types cannot express, made when a
//! workspace is opened: a `base_url` that is not an http(s) URL would reach
//! the exports (ClaimReview `url`, annotation ids) as `javascript:…`, and
//! two rating labels spelt alike make `mark --rating` contradict itself.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Config;

/// Whether `url` is an absolute http(s) URL with a host and nothing a
/// browser would read otherwise (no whitespace or control characters).
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with(['/', '?', '#']))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Refuses settings that would be stored or exported wrong; `text` is the
/// file's text, to name the line.
pub fn validate(config: &Config, file: &Path, text: &str) -> Result<()> {
    let at = |key: &str, nth: usize| -> String {
        text.lines()
            .enumerate()
            .filter(|(_, l)| {
                let l = l.trim_start().trim_start_matches("- ").trim_start();
                l.starts_with(key)
            })
            .nth(nth)
            .map_or(String::new(), |(i, _)| format!(", line {}", i + 1))
    };
    if let Some(url) = &config.base_url
        && !is_web_url(url)
    {
        return Err(Error::usage(format!(
            "{}{}: `base_url` must be an http:// or https:// URL, not `{url}`",
            file.display(),
            at("base_url:", 0)
        ))
        .with_hint_in(
            "set it to where the desk publishes its reviews, such as https://desk.example/reviews/",
            "将其设为核查台发布评审的网址，如 `https://desk.example/reviews/`",
        ));
    }
    let mut seen: Vec<String> = Vec::new();
    for rating in &config.ratings {
        let key = crate::guard::reviewer_key(&rating.label);
        if let Some(first) = seen.iter().position(|k| *k == key) {
            return Err(Error::usage(format!(
                "{}{}: the rating label `{}` is given twice (as `{}` too); labels must differ",
                file.display(),
                at("label:", seen.len()),
                rating.label,
                config.ratings[first].label
            ))
            .with_hint_in(
                "remove or rename one of them under `ratings:`",
                "在 `ratings:` 下删除或重命名其中一个",
            ));
        }
        seen.push(key);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_web_urls() {
        assert!(is_web_url("https://desk.example/reviews/"));
        assert!(is_web_url("HTTP://desk.example"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript://x.test/%0aalert(1)",
            "data:text/html,x",
            "https://",
            "http:///path",
            "https://x.test/a b",
            "//x.test",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
