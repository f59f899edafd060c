//! WARC/1.1 (ISO 28500) records of a capture, so replay tools (pywb,
//! ReplayWeb.page) and readers such as warcio can open what was exchanged.
//!
//! One file per capture: a `warcinfo` record, then for every hop (redirects
//! first) a `request` record and the `response` record it is concurrent to.
//! A response's block is the status line, the headers as the client parsed
//! them (names in lower case, `Transfer-Encoding` dropped) and the body as
//! served: de-chunked, its content coding intact. So `WARC-Payload-Digest`
//! is the SHA-256 of the body as served, which for a page served without a
//! content coding is the snapshot's own hash. Digests are written as
//! `sha256:` and base 32, as warcio writes and checks them.

use sha2::{Digest, Sha256};

use crate::model::Time;
use crate::web::fetch::{Exchange, USER_AGENT};

/// The WARC of one capture taken at `at`.
pub fn write(exchange: &Exchange, at: Time) -> Vec<u8> {
    let date = at.to_string();
    let mut out = Vec::new();
    let info = format!("software: {USER_AGENT}\r\nformat: WARC File Format 1.1\r\n");
    let info_id = record_id(&[b"warcinfo", date.as_bytes(), exchange.asked.as_bytes()]);
    record(
        &mut out,
        &[
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", &info_id),
            ("WARC-Date", &date),
            ("Content-Type", "application/warc-fields"),
        ],
        info.as_bytes(),
        None,
    );
    for (i, hop) in exchange.hops.iter().enumerate() {
        let n = i.to_string();
        let mut response =
            format!("{} {} {}\r\n", hop.version, hop.status, hop.reason).into_bytes();
        for (name, value) in &hop.headers {
            response.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        response.extend_from_slice(b"\r\n");
        let payload_digest = digest(&hop.body);
        response.extend_from_slice(&hop.body);
        let response_id = record_id(&[b"response", date.as_bytes(), n.as_bytes(), &response]);
        let request_id = record_id(&[b"request", date.as_bytes(), n.as_bytes(), &hop.request]);
        record(
            &mut out,
            &[
                ("WARC-Type", "request"),
                ("WARC-Record-ID", &request_id),
                ("WARC-Date", &date),
                ("WARC-Target-URI", &hop.url),
                ("WARC-Warcinfo-ID", &info_id),
                ("WARC-Concurrent-To", &response_id),
                ("Content-Type", "application/http;msgtype=request"),
            ],
            &hop.request,
            None,
        );
        let mut fields = vec![
            ("WARC-Type", "response"),
            ("WARC-Record-ID", response_id.as_str()),
            ("WARC-Date", &date),
            ("WARC-Target-URI", &hop.url),
            ("WARC-Warcinfo-ID", &info_id),
            ("Content-Type", "application/http;msgtype=response"),
        ];
        // A redirect's body cut at the limit (ISO 28500 §5.13).
        if hop.truncated {
            fields.push(("WARC-Truncated", "length"));
        }
        record(&mut out, &fields, &response, Some(&payload_digest));
    }
    out
}

/// Appends one record: the version line, `fields`, the digests and length,
/// a blank line, the block and two line ends.
fn record(out: &mut Vec<u8>, fields: &[(&str, &str)], block: &[u8], payload: Option<&str>) {
    out.extend_from_slice(b"WARC/1.1\r\n");
    for (name, value) in fields {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    if let Some(payload) = payload {
        out.extend_from_slice(format!("WARC-Payload-Digest: {payload}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("WARC-Block-Digest: {}\r\n", digest(block)).as_bytes());
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
}

/// `sha256:` and the digest in RFC 4648 base 32, as warcio writes it.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", base32(&Sha256::digest(bytes)))
}

/// A record id that is the same for the same capture: a UUID (version 8,
/// "custom") made of the SHA-256 of what the record holds and when.
fn record_id(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part);
    }
    let h = hasher.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = crate::workspace::store::hex(&b);
    format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// RFC 4648 base 32 with padding.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    for chunk in bytes.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = buf.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let chars = (chunk.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < chars {
                out.push(ALPHABET[((n >> (35 - i * 5)) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_matches_rfc_4648() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY======");
        assert_eq!(base32(b"fo"), "MZXQ====");
        assert_eq!(base32(b"foo"), "MZXW6===");
        assert_eq!(base32(b"foob"), "MZXW6YQ=");
        assert_eq!(base32(b"fooba"), "MZXW6YTB");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI======");
        assert_eq!(
            digest(b"hello world"),
            "sha256:XFGSPOMTJU7ARJJOKLL5U7NL7LCIJ37DPJJYB3UQRD32ZYXPZXUQ===="
        );
    }

    #[test]
    fn record_ids_are_uuids() {
        let id = record_id(&[b"x"]);
        assert_eq!(id.len(), "<urn:uuid:>".len() + 36, "{id}");
        assert_eq!(&id[24..25], "8", "{id}");
    }
}
