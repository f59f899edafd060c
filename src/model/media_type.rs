//! A snapshot's media type (`type/subtype`, optionally with parameters), checked
//! on construction so a hand-edited `media_type: html` is a YAML error with its
//! line, not a snapshot that silently has no text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An IANA media type such as `text/html` or `text/plain; charset=gbk`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MediaType(String);

impl MediaType {
    /// The whole value, parameters included, as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `type/subtype` without parameters, lower-cased as written.
    pub fn essence(&self) -> &str {
        self.0.split(';').next().unwrap_or("").trim()
    }
}

/// A token of RFC 6838's restricted-name grammar (letters, digits, `!#$&-^_.+`).
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 127
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
}

impl FromStr for MediaType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let essence = s.split(';').next().unwrap_or("");
        let valid = essence
            .split_once('/')
            .is_some_and(|(kind, sub)| is_token(kind) && is_token(sub))
            && !s.contains(['\n', '\r']);
        if valid {
            Ok(MediaType(s.to_string()))
        } else {
            Err(format!("`{s}` is not a media type such as text/html"))
        }
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for MediaType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for MediaType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::parse_str(d, str::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_need_a_type_and_a_subtype() {
        for good in [
            "text/html",
            "text/plain; charset=gbk",
            "application/vnd.api+json",
        ] {
            assert!(good.parse::<MediaType>().is_ok(), "{good:?} refused");
        }
        for bad in [
            "html",
            "text/",
            "/html",
            "text html",
            "text/ html",
            "",
            "a/b\nc",
        ] {
            assert!(bad.parse::<MediaType>().is_err(), "{bad:?} accepted");
        }
        let m: MediaType = "Text/HTML; charset=utf-8".parse().unwrap();
        assert_eq!(m.essence(), "Text/HTML");
    }
}
