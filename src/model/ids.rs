//! Identifiers that become file names, validated on construction.
//!
//! A claim id or a snapshot hash ends up in a path, so neither is ever a bare
//! string: the only way to get one is through a check that rules out slashes,
//! dots, upper case and everything else that could leave `claims/` or `sources/`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A SHA-256 digest: 32 bytes, written as 64 lowercase hex characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sha256(pub [u8; 32]);

impl Sha256 {
    /// Accepts exactly 64 lowercase hex characters.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.as_bytes();
        if hex.len() != 64 {
            return None;
        }
        let digit = |b: u8| match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            _ => None,
        };
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(hex.chunks_exact(2)) {
            *byte = digit(pair[0])? << 4 | digit(pair[1])?;
        }
        Some(Sha256(bytes))
    }

    /// The 64 lowercase hex characters, as ASCII bytes.
    fn hex_bytes(&self) -> [u8; 64] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (pair, byte) in out.chunks_exact_mut(2).zip(self.0) {
            pair[0] = DIGITS[usize::from(byte >> 4)];
            pair[1] = DIGITS[usize::from(byte & 0xf)];
        }
        out
    }
}

impl fmt::Display for Sha256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.hex_bytes();
        f.write_str(std::str::from_utf8(&hex).expect("hex digits are ASCII"))
    }
}

/// A snapshot's id: the SHA-256 of its bytes. Its hex form, which names
/// the snapshot's files and is compared as text all over, is kept beside
/// the digest (inline, no allocation).
#[derive(Clone)]
pub struct SourceId {
    digest: Sha256,
    hex: [u8; 64],
}

impl SourceId {
    /// The id of the snapshot whose bytes have this digest.
    pub fn new(digest: Sha256) -> Self {
        SourceId {
            hex: digest.hex_bytes(),
            digest,
        }
    }

    /// Accepts exactly 64 lowercase hex characters.
    pub fn from_hex(hex: &str) -> Option<Self> {
        Sha256::from_hex(hex).map(SourceId::new)
    }

    /// The digest.
    pub fn sha256(&self) -> Sha256 {
        self.digest
    }

    /// The bare hex digest.
    pub fn hex(&self) -> &str {
        std::str::from_utf8(&self.hex).expect("hex digits are ASCII")
    }

    /// The first 12 hex characters, for people: the one short form, used
    /// wherever a snapshot is named in output.
    pub fn short(&self) -> &str {
        &self.hex()[..SHORT]
    }
}

// Compared, ordered and hashed by the digest alone (its hex form follows
// from it, and orders the same way).
impl PartialEq for SourceId {
    fn eq(&self, other: &Self) -> bool {
        self.digest == other.digest
    }
}

impl Eq for SourceId {}

impl PartialOrd for SourceId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SourceId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.digest.cmp(&other.digest)
    }
}

impl std::hash::Hash for SourceId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.digest.hash(state);
    }
}

impl fmt::Debug for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SourceId").field(&self.hex()).finish()
    }
}

/// How many hex characters [`SourceId::short`] shows.
pub const SHORT: usize = 12;

/// Serde for the bare 64-hex form, as a snapshot record's `sha256:` field
/// stores it (claims and settings write `sha256:<hex>`). A bad value is a
/// deserialization error, so the YAML reader reports it with file, line and column.
pub mod bare_hex {
    use serde::{Deserializer, Serializer};

    use super::SourceId;

    pub fn serialize<S: Serializer>(id: &SourceId, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(id.hex())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SourceId, D::Error> {
        super::super::parse_str(d, |hex| {
            SourceId::from_hex(hex).ok_or_else(|| {
                format!(
                    "`{hex}` is not a SHA-256 (64 lowercase hex characters, the bytes' file name)"
                )
            })
        })
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sha256:{}", self.hex())
    }
}

impl FromStr for SourceId {
    type Err = String;
    /// Parses the record form `sha256:<hex>` (a bare full hex is accepted too).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex = s.strip_prefix("sha256:").unwrap_or(s);
        SourceId::from_hex(hex).ok_or_else(|| {
            format!("`{s}` is not a snapshot id (`sha256:` and 64 lowercase hex characters)")
        })
    }
}

impl Serialize for SourceId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SourceId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::parse_str(d, str::parse)
    }
}

/// A claim id: `[a-z0-9][a-z0-9-]{0,63}`, which is also its file name stem.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(String);

impl ClaimId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` is a valid claim id, without making one.
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ClaimId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if ClaimId::is_valid(s) {
            Ok(ClaimId(s.to_string()))
        } else {
            Err(format!(
                "`{s}` is not a valid claim id: use 1 to 64 characters of a-z, 0-9 and `-`, starting with a letter or digit"
            ))
        }
    }
}

impl Serialize for ClaimId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ClaimId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::parse_str(d, str::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_that_could_escape_claims_folder_are_refused() {
        for bad in [
            "",
            "../x",
            "a/b",
            "a.b",
            "..",
            "Abc",
            "-x",
            "a b",
            "x\0",
            &"a".repeat(65),
        ] {
            assert!(bad.parse::<ClaimId>().is_err(), "{bad:?} accepted");
        }
        for good in ["c3f9a2b", "my-slug", "0", &"a".repeat(64)] {
            assert!(good.parse::<ClaimId>().is_ok(), "{good:?} refused");
        }
    }

    #[test]
    fn source_ids_need_64_lowercase_hex() {
        let hex = "a".repeat(64);
        assert!(format!("sha256:{hex}").parse::<SourceId>().is_ok());
        assert!("sha256:ABC".parse::<SourceId>().is_err());
        assert!(
            format!("sha256:{}", "A".repeat(64))
                .parse::<SourceId>()
                .is_err()
        );
        assert!(
            format!("sha256:{}", "a".repeat(63))
                .parse::<SourceId>()
                .is_err()
        );
    }
}
