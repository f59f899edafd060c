//! The HTTP(S) client behind `source fetch`: one GET, its redirects followed
//! here rather than by the client so that every hop is kept, each answer's
//! body kept as served (for the WARC) and the final one decoded from its
//! content coding (for the snapshot).
//!
//! Only `http` and `https` are fetched, over rustls with the system's trust
//! store (`SSL_CERT_FILE` and `SSL_CERT_DIR` honoured). `HTTPS_PROXY` (for
//! https), `HTTP_PROXY` (for http), `ALL_PROXY` and `NO_PROXY` are read as
//! curl reads them. A size cap on everything read (redirects included) and
//! a total deadline bound what one fetch can cost; hitting either is an
//! error, and nothing is kept. A redirect's body is kept up to 64 KiB (the
//! WARC says where it was cut). Which addresses may be connected to is
//! [`crate::web::fetch_guard`]'s rule; URLs with credentials or a port out of
//! range are refused.

use std::io::{self, Read};
use std::time::{Duration, Instant};

use ureq::http::Uri;

use crate::error::{Error, Result};
use crate::web::fetch_guard::{self, Policy};

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 10;
/// The default cap on a body, served and decoded alike.
pub const DEFAULT_MAX_SIZE: u64 = 50 << 20;
/// The default deadline for a whole capture, redirects included, in seconds.
pub const DEFAULT_TIMEOUT: u64 = 60;
/// How much of a redirect's body is kept (the rest is not read).
pub const MAX_REDIRECT_BODY: u64 = 64 << 10;
/// The longest wait for a connection (within the deadline).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// What the tool calls itself on the wire.
pub const USER_AGENT: &str = concat!("factcheck/", env!("CARGO_PKG_VERSION"));
/// The content codings this module can undo.
const ACCEPT_ENCODING: &str = "gzip, deflate, br";
const ACCEPT: &str = "*/*";

/// Limits on one fetch.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Largest body, in bytes, served or decoded.
    pub max_size: u64,
    /// Deadline for the whole capture.
    pub timeout: Duration,
    /// Redirects may lead into loopback and private ranges (`--allow-private`).
    pub allow_private: bool,
}

/// One request and the answer to it, as exchanged.
#[derive(Debug, Clone)]
pub struct Hop {
    /// The URL asked.
    pub url: String,
    /// The request as sent: request line and headers.
    pub request: Vec<u8>,
    /// `HTTP/1.1`, `HTTP/1.0`.
    pub version: &'static str,
    pub status: u16,
    /// The status's reason phrase (the standard one: the client does not keep the server's).
    pub reason: String,
    /// The answer's headers in the order received, names in lower case,
    /// without `Transfer-Encoding` (the body is kept de-chunked).
    pub headers: Vec<(String, String)>,
    /// The body as served: de-chunked, its content coding (gzip, br) intact.
    pub body: Vec<u8>,
    /// Where a redirect sends, as an absolute URL.
    pub location: Option<String>,
    /// The body was cut here (a redirect's, past [`MAX_REDIRECT_BODY`]).
    pub truncated: bool,
}

impl Hop {
    /// The first value of a header, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A whole capture: every hop, and the final body decoded.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The URL asked for.
    pub asked: String,
    /// Every request and answer, redirects first; the last is the final answer.
    pub hops: Vec<Hop>,
    /// The final answer's body with its content coding undone: the entity
    /// as the server meant it, in whatever charset it is in.
    pub content: Vec<u8>,
}

impl Exchange {
    pub fn last(&self) -> &Hop {
        self.hops
            .last()
            .expect("an exchange holds at least the final answer")
    }
}

/// Checks that `url` is an absolute http(s) URL with a host, and returns it
/// as it is asked for: parsed by the WHATWG rules (`url` crate), so a
/// non-ASCII host is sent in punycode (IDNA) and non-ASCII in the path or
/// query percent-encoded.
pub fn check_url(url: &str) -> Result<String> {
    let given = url.trim();
    let bad = |why: &str| {
        Error::invalid(format!(
            "`{}` is not a URL to fetch: {why}",
            without_credentials(url.trim())
        ))
        .with_hint_in(
            "give an absolute http:// or https:// URL",
            "请给出以 `http://` 或 `https://` 开头的完整网址",
        )
    };
    match given.split_once(':').map(|(s, _)| s.to_ascii_lowercase()) {
        Some(s) if s == "http" || s == "https" => {}
        Some(other) if !other.is_empty() && other.chars().all(|c| c.is_ascii_alphanumeric()) => {
            return Err(bad(&format!(
                "only http and https are fetched, not {other}"
            )));
        }
        _ => return Err(bad("it has no scheme")),
    }
    // After the last `]` (an IPv6 literal) a `:` starts the port.
    let authority = given.split_once("://").map_or("", |(_, rest)| {
        &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())]
    });
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let after_host = host_port
        .rsplit_once(']')
        .map_or(host_port, |(_, rest)| rest);
    if let Some((_, port)) = after_host.rsplit_once(':')
        && !port.is_empty()
        && port.parse::<u16>().is_err()
    {
        return Err(bad(&format!(
            "its port `{port}` is not a number from 0 to 65535"
        )));
    }
    let parsed = url::Url::parse(given).map_err(|e| bad(&e.to_string()))?;
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::invalid(format!(
            "`{}` is not a URL to fetch: it holds a user name or password, which would be stored in git and printed",
            without_credentials(given)
        ))
        .with_hint_in("give the URL without `user:password@`", "请给出不含 `user:password@` 的网址"));
    }
    Ok(parsed.into())
}

/// `url` with any `user:password@` replaced by `…@`, to name it safely.
pub fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://…@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// Fetches `url` (already [`check_url`]ed), following redirects.
pub fn fetch(url: &str, options: Options) -> Result<Exchange> {
    let deadline = Instant::now() + options.timeout;
    let mut policy = Policy::new(options.allow_private);
    let mut used: u64 = 0;
    let mut hops: Vec<Hop> = Vec::new();
    let mut next = url.to_string();
    loop {
        if hops.iter().any(|h| h.url == next) {
            let chain: Vec<&str> = hops.iter().map(|h| h.url.as_str()).collect();
            return Err(fail(
                url,
                format!("redirect loop: {} → {next}", chain.join(" → ")),
            ));
        }
        if hops.len() > MAX_REDIRECTS {
            return Err(fail(url, format!("more than {MAX_REDIRECTS} redirects")));
        }
        let hop = one_hop(
            url,
            &next,
            deadline,
            options,
            &mut policy,
            hops.len(),
            &mut used,
        )?;
        let Some(location) = hop.location.clone() else {
            let content = decode_content(url, &hop, options.max_size)?;
            hops.push(hop);
            return Ok(Exchange {
                asked: url.to_string(),
                hops,
                content,
            });
        };
        let scheme = location
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("http" | "https")) {
            return Err(fail(
                url,
                format!(
                    "{} redirects to `{location}`, which is not an http(s) URL",
                    hop.url
                ),
            ));
        }
        next = check_url(&location).map_err(|e| {
            let why = e.to_string();
            let why = why.split_once(": ").map_or(why.as_str(), |(_, w)| w);
            fail(
                url,
                format!(
                    "{} redirects to `{}`, which is not a URL to fetch: {why}",
                    hop.url,
                    without_credentials(&location)
                ),
            )
        })?;
        hops.push(hop);
    }
}

/// An error about fetching `url`.
fn fail(url: &str, message: String) -> Error {
    Error::invalid(format!(
        "cannot fetch `{url}`: {message}; nothing was stored"
    ))
}

fn one_hop(
    asked: &str,
    url: &str,
    deadline: Instant,
    options: Options,
    policy: &mut Policy,
    n: usize,
    used: &mut u64,
) -> Result<Hop> {
    let uri: Uri = url
        .parse()
        .map_err(|e| fail(asked, format!("`{url}`: {e}")))?;
    let https = uri.scheme_str() == Some("https");
    let host = uri.host().unwrap_or_default().to_string();
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let refused = |ip: std::net::IpAddr, why: &str| {
        let what = if n == 0 {
            format!("`{host}` is {ip}")
        } else {
            format!(
                "the redirect to `{}` leads to {ip}",
                without_credentials(url)
            )
        };
        fail(asked, format!("{what}: {why}"))
    };
    // An address written in the URL is judged before anything is sent,
    // proxy or not.
    let literal = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
        .ok();
    if let Some(ip) = literal {
        policy
            .admits(fetch_guard::range_of(ip), n)
            .map_err(|why| refused(ip, &why))?;
    }
    let remaining = deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return Err(timed_out(asked, options));
    }
    let proxy = proxy_for(https, &host, port)?;
    let config = ureq::Agent::config_builder()
        .proxy(proxy)
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .accept_encoding(ACCEPT_ENCODING)
        .timeout_connect(Some(remaining.min(CONNECT_TIMEOUT)))
        .timeout_global(Some(remaining))
        // The system's trust store, as curl and browsers use it (a newsroom
        // behind a TLS-inspecting proxy adds its root there).
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                .build(),
        )
        .build();
    let resolver = policy.resolver(&host, n);
    let agent = ureq::Agent::with_parts(
        config,
        ureq::unversioned::transport::DefaultConnector::new(),
        resolver.clone(),
    );
    let response = agent.get(url).call().map_err(|e| {
        let seen = resolver.outcome();
        if let (Some((ip, why)), true) = (seen.refused, seen.kept.is_empty()) {
            return refused(ip, &why);
        }
        with_hint(fail(asked, describe(&e, &host, port, https, options)))
    })?;
    if n == 0 {
        let mut ranges = resolver.outcome().kept;
        ranges.extend(literal.map(fetch_guard::range_of));
        policy.typed_resolved_to(&ranges);
    }
    let (parts, body) = response.into_parts();
    let status = parts.status.as_u16();
    let mut headers = Vec::new();
    for (name, value) in &parts.headers {
        if name == "transfer-encoding" {
            continue;
        }
        headers.push((
            name.as_str().to_string(),
            String::from_utf8_lossy(value.as_bytes()).into_owned(),
        ));
    }
    let too_big = || {
        fail(
            asked,
            format!(
                "the capture is over the {} cap (redirects included)",
                crate::web::fetch::human_size(options.max_size)
            ),
        )
        .with_hint_in(
            "raise `--max-size` to take it",
            "调高 `--max-size` 即可存下",
        )
    };
    let redirect = parts.status.is_redirection() && status != 304;
    // One cap for the whole capture: what earlier hops read counts.
    let budget = options.max_size.saturating_sub(*used);
    let declared = parts
        .headers
        .get("content-length")
        .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if !redirect && declared.is_some_and(|n| n > budget) {
        return Err(too_big());
    }
    let keep = if redirect {
        MAX_REDIRECT_BODY.min(budget)
    } else {
        budget
    };
    let mut served = Vec::new();
    body.into_reader()
        .take(keep.saturating_add(1))
        .read_to_end(&mut served)
        .map_err(|e| with_hint(fail(asked, describe_io(&e, &host, port, https, options))))?;
    let mut truncated = false;
    if served.len() as u64 > keep {
        if !redirect || keep < MAX_REDIRECT_BODY {
            return Err(too_big());
        }
        // A redirect's body past the limit is neither read nor kept.
        served.truncate(keep as usize);
        truncated = true;
    }
    *used += served.len() as u64;
    let location = if redirect {
        let value = parts
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| fail(asked, format!("{url} answered {status} with no Location")))?;
        Some(resolve(url, value))
    } else {
        None
    };
    Ok(Hop {
        url: url.to_string(),
        request: request_head(&uri),
        version: version_name(parts.version),
        status,
        reason: parts.status.canonical_reason().unwrap_or("").to_string(),
        headers,
        body: served,
        location,
        truncated,
    })
}

/// The request as the client writes it for a GET with this configuration.
fn request_head(uri: &Uri) -> Vec<u8> {
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let host = uri.authority().map_or("", |a| a.as_str());
    format!(
        "GET {target} HTTP/1.1\r\naccept-encoding: {ACCEPT_ENCODING}\r\nuser-agent: {USER_AGENT}\r\naccept: {ACCEPT}\r\nhost: {host}\r\n\r\n"
    )
    .into_bytes()
}

fn version_name(v: ureq::http::Version) -> &'static str {
    match v {
        ureq::http::Version::HTTP_10 => "HTTP/1.0",
        ureq::http::Version::HTTP_09 => "HTTP/0.9",
        _ => "HTTP/1.1",
    }
}

fn timed_out(asked: &str, options: Options) -> Error {
    with_hint(fail(
        asked,
        format!("timed out after {} s", options.timeout.as_secs()),
    ))
}

/// What to do about a network error, where there is something.
fn with_hint(err: Error) -> Error {
    let message = err.to_string();
    if message.contains("timed out after") {
        err.with_hint_in(
            "try again later, or give more time with `--timeout SECS`",
            "请稍后再试，或用 `--timeout SECS` 放宽时限",
        )
    } else if message.contains("cannot resolve the host") {
        err.with_hint_in(
            "check the host name and this machine's network and DNS",
            "请检查主机名以及本机的网络和域名解析",
        )
    } else {
        err
    }
}

/// A ureq error, in words for people.
fn describe(err: &ureq::Error, host: &str, port: u16, https: bool, options: Options) -> String {
    match err {
        ureq::Error::HostNotFound => format!("cannot resolve the host `{host}` (DNS)"),
        ureq::Error::Timeout(_) => format!("timed out after {} s", options.timeout.as_secs()),
        ureq::Error::Io(e) => describe_io(e, host, port, https, options),
        ureq::Error::Tls(why) => format!("TLS failed with {host}:{port}: {why}"),
        ureq::Error::Rustls(e) => format!("TLS failed with {host}:{port}: {e}"),
        ureq::Error::Pem(e) => format!("TLS failed with {host}:{port}: {e}"),
        ureq::Error::ConnectionFailed => format!("cannot connect to {host}:{port}"),
        ureq::Error::Protocol(e) => format!("{host}:{port} did not answer in HTTP ({e})"),
        ureq::Error::InvalidProxyUrl => "the proxy setting is not a URL".to_string(),
        other => other.to_string(),
    }
}

fn describe_io(err: &io::Error, host: &str, port: u16, https: bool, options: Options) -> String {
    if let Some(inner) = err.get_ref().and_then(|e| e.downcast_ref::<ureq::Error>()) {
        return describe(inner, host, port, https, options);
    }
    match err.kind() {
        io::ErrorKind::ConnectionRefused => format!("{host}:{port} refused the connection"),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
            format!("timed out after {} s", options.timeout.as_secs())
        }
        io::ErrorKind::UnexpectedEof => format!("{host}:{port} closed the connection early"),
        // rustls reports a failed handshake or a broken record as invalid data.
        io::ErrorKind::InvalidData if https => format!("TLS failed with {host}:{port}: {err}"),
        // The standard library's resolver reports a failed lookup this way.
        _ if err.to_string().contains("failed to lookup address") => {
            format!("cannot resolve the host `{host}` (DNS)")
        }
        _ => format!("{host}:{port}: {err}"),
    }
}

/// The proxy to reach `host` through, from the environment as curl reads it:
/// `NO_PROXY` first, then `HTTPS_PROXY` for https or `HTTP_PROXY` for http,
/// then `ALL_PROXY`; lower-case names too.
fn proxy_for(https: bool, host: &str, port: u16) -> Result<Option<ureq::Proxy>> {
    let var = |name: &str| {
        std::env::var(name)
            .or_else(|_| std::env::var(name.to_ascii_lowercase()))
            .ok()
            .filter(|v| !v.trim().is_empty())
    };
    if var("NO_PROXY").is_some_and(|list| no_proxy_matches(&list, host, port)) {
        return Ok(None);
    }
    let chosen = if https {
        var("HTTPS_PROXY").map(|v| ("HTTPS_PROXY", v))
    } else {
        var("HTTP_PROXY").map(|v| ("HTTP_PROXY", v))
    }
    .or_else(|| var("ALL_PROXY").map(|v| ("ALL_PROXY", v)));
    let Some((name, value)) = chosen else {
        return Ok(None);
    };
    ureq::Proxy::new(value.trim()).map(Some).map_err(|e| {
        Error::invalid(format!(
            "{name} is `{value}`, which is not a proxy URL ({e})"
        ))
        .with_hint_in(
            "set it to http://HOST:PORT, or unset it",
            "将其设为 `http://HOST:PORT`，或取消该设置",
        )
    })
}

/// Whether `NO_PROXY` (comma-separated: `*`, hosts, `.domain` suffixes,
/// optional `:port`) exempts `host`.
fn no_proxy_matches(list: &str, host: &str, port: u16) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    list.split(',').map(str::trim).any(|entry| {
        if entry == "*" {
            return true;
        }
        let entry = entry.to_ascii_lowercase();
        let (name, entry_port) = match entry.rsplit_once(':') {
            Some((n, p)) if !n.contains(':') && p.parse::<u16>().is_ok() => (n, p.parse().ok()),
            _ => (entry.as_str(), None),
        };
        let name = name.trim_start_matches("*.").trim_start_matches('.');
        if name.is_empty() || entry_port.is_some_and(|p: u16| p != port) {
            return false;
        }
        host == name || host.ends_with(&format!(".{name}"))
    })
}

/// `reference` (a `Location` header) resolved against `base`, the URL that
/// sent it, as RFC 3986 and the WHATWG URL standard do; as given when it
/// cannot be resolved, for [`check_url`] to refuse.
pub fn resolve(base: &str, reference: &str) -> String {
    url::Url::parse(base)
        .and_then(|base| base.join(reference))
        .map_or_else(|_| reference.to_string(), String::from)
}

/// The final body with its content coding undone, within the cap.
fn decode_content(asked: &str, hop: &Hop, max_size: u64) -> Result<Vec<u8>> {
    let codings: Vec<String> = hop
        .header("content-encoding")
        .unwrap_or("")
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    let mut bytes = hop.body.clone();
    // Codings are listed in the order they were applied: undo the last first.
    for coding in codings.iter().rev() {
        let mut reader: Box<dyn Read + '_> = match coding.as_str() {
            "gzip" | "x-gzip" => Box::new(flate2::read::MultiGzDecoder::new(&bytes[..])),
            "deflate" if bytes.first().is_some_and(|b| b & 0x0f == 8) => {
                Box::new(flate2::read::ZlibDecoder::new(&bytes[..]))
            }
            // Some servers send raw deflate without the zlib wrapper.
            "deflate" => Box::new(flate2::read::DeflateDecoder::new(&bytes[..])),
            "br" => Box::new(brotli::Decompressor::new(&bytes[..], 64 * 1024)),
            other => {
                return Err(fail(
                    asked,
                    format!(
                        "the body is in the content coding `{other}`, which this tool cannot decode"
                    ),
                ));
            }
        };
        let mut out = Vec::new();
        let read = reader
            .by_ref()
            .take(max_size.saturating_add(1))
            .read_to_end(&mut out);
        drop(reader);
        read.map_err(|e| fail(asked, format!("the {coding} body does not decode: {e}")))?;
        if out.len() as u64 > max_size {
            return Err(fail(
                asked,
                format!(
                    "the body decodes to more than the {} cap",
                    human_size(max_size)
                ),
            )
            .with_hint_in(
                "raise `--max-size` to take it",
                "调高 `--max-size` 即可存下",
            ));
        }
        bytes = out;
    }
    Ok(bytes)
}

/// Parses a size such as `50MB`, `512k` or `1048576` (K, M and G are
/// powers of 1024).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size such as 50MB, 512KB or 1048576"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}` is not a size such as 50MB, 512KB or 1048576"
            ));
        }
    };
    n.checked_mul(factor)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is not a size this tool can use"))
}

/// `52428800` as `50 MB`.
pub fn human_size(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KB", n >> 10),
        n => format!("{n} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_against_the_url_that_sent_them() {
        let base = "http://a.test:8080/x/y/page?q=1#f";
        assert_eq!(resolve(base, "https://b.test/z"), "https://b.test/z");
        assert_eq!(resolve(base, "//c.test/p"), "http://c.test/p");
        assert_eq!(resolve(base, "/root"), "http://a.test:8080/root");
        assert_eq!(
            resolve(base, "other?x=2"),
            "http://a.test:8080/x/y/other?x=2"
        );
        assert_eq!(resolve(base, "../up"), "http://a.test:8080/x/up");
        assert_eq!(resolve(base, "./same/"), "http://a.test:8080/x/y/same/");
        assert_eq!(resolve(base, "?only"), "http://a.test:8080/x/y/page?only");
        assert_eq!(resolve("http://a.test", "p"), "http://a.test/p");
        assert_eq!(resolve(base, "ftp://files.test/f"), "ftp://files.test/f");
    }

    #[test]
    fn no_proxy_matches_hosts_domains_and_ports() {
        assert!(no_proxy_matches("*", "x.test", 80));
        assert!(no_proxy_matches("example.com", "example.com", 80));
        assert!(no_proxy_matches(".example.com", "www.example.com", 80));
        assert!(no_proxy_matches("example.com", "www.example.com", 443));
        assert!(!no_proxy_matches("example.com", "badexample.com", 80));
        assert!(no_proxy_matches("localhost, 127.0.0.1", "127.0.0.1", 9));
        assert!(no_proxy_matches("127.0.0.1:9", "127.0.0.1", 9));
        assert!(!no_proxy_matches("127.0.0.1:9", "127.0.0.1", 10));
        assert!(!no_proxy_matches("", "x.test", 80));
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("50MB").unwrap(), 50 << 20);
        assert_eq!(parse_size("512k").unwrap(), 512 << 10);
        assert_eq!(parse_size("1048576").unwrap(), 1 << 20);
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(human_size(DEFAULT_MAX_SIZE), "50 MB");
        assert_eq!(human_size(1000), "1000 bytes");
    }

    #[test]
    fn urls_other_than_http_are_refused() {
        assert!(check_url("ftp://x.test/").is_err());
        assert!(check_url("file:///etc/passwd").is_err());
        assert!(check_url("example.org").is_err());
        assert_eq!(
            check_url("http://x.test/新闻?q=一").unwrap(),
            "http://x.test/%E6%96%B0%E9%97%BB?q=%E4%B8%80"
        );
    }
}
