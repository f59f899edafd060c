//! Which addresses `source fetch` may connect to, so that a hostile page
//! cannot make the desk's machine fetch its intranet or the cloud's
//! metadata service and commit the answer to git.
//!
//! - Link-local addresses (`169.254.0.0/16`, `fe80::/10`, where cloud
//!   metadata services answer), known metadata addresses, unspecified,
//!   multicast and broadcast addresses are refused always.
//! - Loopback (`127.0.0.0/8`, `::1`) and private ranges (`10/8`,
//!   `172.16/12`, `192.168/16`, `100.64/10`, `fc00::/7`) are fetched when
//!   the URL the user typed is itself there, and a redirect may lead into
//!   them only if the typed URL was in the same range; `--allow-private`
//!   lifts that.
//!
//! The check is made on the addresses the host name resolves to, and the
//! connection is made only to those that pass: a name that resolves to a
//! refused address is never connected to. IPv4 addresses written as IPv6
//! (`::ffff:a.b.c.d`, `64:ff9b::a.b.c.d`) are judged as the IPv4 address.
//! Through a proxy the proxy resolves names, so only addresses written in
//! the URL are checked.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::{Arc, Mutex};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Where an address is, as far as fetching goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    Public,
    Loopback,
    Private,
    /// Never fetched: link-local, metadata, unspecified, multicast, broadcast.
    Refused(&'static str),
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Range::Public => f.write_str("a public address"),
            Range::Loopback => f.write_str("a loopback address"),
            Range::Private => f.write_str("a private address"),
            Range::Refused(what) => f.write_str(what),
        }
    }
}

/// The range `ip` is in.
pub fn range_of(ip: IpAddr) -> Range {
    match ip {
        IpAddr::V4(v4) => range_of_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = embedded_v4(v6) {
                return range_of_v4(v4);
            }
            let s = v6.segments();
            if v6.is_unspecified() {
                Range::Refused("an unspecified address")
            } else if v6.is_loopback() {
                Range::Loopback
            } else if s[0] & 0xffc0 == 0xfe80 {
                Range::Refused("a link-local address")
            } else if s[0] & 0xff00 == 0xff00 {
                Range::Refused("a multicast address")
            } else if v6 == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254) {
                Range::Refused("a cloud metadata address")
            } else if s[0] & 0xfe00 == 0xfc00 {
                Range::Private
            } else {
                Range::Public
            }
        }
    }
}

fn range_of_v4(ip: Ipv4Addr) -> Range {
    let [a, b, ..] = ip.octets();
    if ip.is_link_local() {
        Range::Refused("a link-local address (where cloud metadata services answer)")
    } else if ip == Ipv4Addr::new(100, 100, 100, 200) || ip == Ipv4Addr::new(192, 0, 0, 192) {
        Range::Refused("a cloud metadata address")
    } else if a == 0 {
        Range::Refused("an unspecified address")
    } else if ip.is_multicast() || ip.is_broadcast() || a >= 240 {
        Range::Refused("a multicast, broadcast or reserved address")
    } else if ip.is_loopback() {
        Range::Loopback
    } else if ip.is_private() || (a == 100 && (64..128).contains(&b)) {
        Range::Private
    } else {
        Range::Public
    }
}

/// The IPv4 address an IPv6 address stands for (mapped, or NAT64).
fn embedded_v4(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = v6.to_ipv4_mapped() {
        return Some(v4);
    }
    let s = v6.segments();
    (s[..6] == [0x64, 0xff9b, 0, 0, 0, 0]).then(|| {
        let [.., a, b, c, d] = v6.octets();
        Ipv4Addr::new(a, b, c, d)
    })
}

/// What one capture may connect to, hop after hop.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// `--allow-private`: redirects may lead into loopback and private ranges.
    pub allow_private: bool,
    /// The ranges the typed URL's host resolved to (empty before the first hop).
    typed: Vec<Range>,
}

impl Policy {
    pub fn new(allow_private: bool) -> Policy {
        Policy {
            allow_private,
            typed: Vec::new(),
        }
    }

    /// Whether an address in `range` may be connected to on hop `hop`
    /// (0: the typed URL); `Err` says why not.
    pub fn admits(&self, range: Range, hop: usize) -> std::result::Result<(), String> {
        match range {
            Range::Public => Ok(()),
            Range::Refused(_) => Err(format!("it is {range}, which is never fetched")),
            Range::Loopback | Range::Private
                if hop == 0 || self.allow_private || self.typed.contains(&range) =>
            {
                Ok(())
            }
            Range::Loopback | Range::Private => Err(format!(
                "it is {range} and the URL given is not (`--allow-private` allows it)"
            )),
        }
    }

    /// Notes where the typed URL's host is, once its first hop connected.
    pub fn typed_resolved_to(&mut self, ranges: &[Range]) {
        self.typed = ranges.to_vec();
    }

    /// A resolver for one hop to `host`, which keeps only the addresses
    /// this policy admits; [`Guarded::outcome`] tells what it saw.
    pub fn resolver(&self, host: &str, hop: usize) -> Guarded {
        Guarded {
            host: host.to_string(),
            hop,
            policy: self.clone(),
            seen: Arc::new(Mutex::new(Seen::default())),
        }
    }
}

/// What a [`Guarded`] resolver saw of its host.
#[derive(Debug, Default, Clone)]
pub struct Seen {
    /// The ranges of the addresses kept.
    pub kept: Vec<Range>,
    /// The first address refused, and why.
    pub refused: Option<(IpAddr, String)>,
}

/// A resolver that drops the addresses its policy does not admit.
#[derive(Debug, Clone)]
pub struct Guarded {
    host: String,
    hop: usize,
    policy: Policy,
    seen: Arc<Mutex<Seen>>,
}

impl Guarded {
    /// What the resolver saw (the ranges kept, the first refusal).
    pub fn outcome(&self) -> Seen {
        self.seen
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }
}

impl Resolver for Guarded {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> std::result::Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = DefaultResolver::default().resolve(uri, config, timeout)?;
        // Asked for another host: the proxy, which the user configured.
        if uri.host() != Some(self.host.as_str()) {
            return Ok(addrs);
        }
        let mut kept = self.empty();
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        for addr in addrs.iter() {
            let range = range_of(addr.ip());
            match self.policy.admits(range, self.hop) {
                Ok(()) => {
                    kept.push(*addr);
                    seen.kept.push(range);
                }
                Err(why) => {
                    seen.refused.get_or_insert((addr.ip(), why));
                }
            }
        }
        if kept.is_empty() {
            return Err(ureq::Error::ConnectionFailed);
        }
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(s: &str) -> Range {
        range_of(s.parse().unwrap())
    }

    #[test]
    fn metadata_link_local_and_unspecified_addresses_are_refused() {
        for ip in [
            "169.254.169.254",
            "169.254.0.1",
            "100.100.100.200",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "fe80::1",
            "fd00:ec2::254",
            "::",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(matches!(range(ip), Range::Refused(_)), "{ip}");
        }
    }

    #[test]
    fn loopback_private_and_public_addresses_are_told_apart() {
        assert_eq!(range("127.0.0.1"), Range::Loopback);
        assert_eq!(range("::1"), Range::Loopback);
        assert_eq!(range("::ffff:127.0.0.2"), Range::Loopback);
        for ip in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "100.64.0.1",
            "fd12::1",
        ] {
            assert_eq!(range(ip), Range::Private, "{ip}");
        }
        for ip in [
            "93.184.216.34",
            "172.32.0.1",
            "2606:4700::1111",
            "100.128.0.1",
        ] {
            assert_eq!(range(ip), Range::Public, "{ip}");
        }
    }

    #[test]
    fn redirects_reach_a_private_range_only_from_that_range_or_when_allowed() {
        let mut policy = Policy::new(false);
        assert!(policy.admits(Range::Loopback, 0).is_ok());
        policy.typed_resolved_to(&[Range::Loopback]);
        assert!(policy.admits(Range::Loopback, 1).is_ok());
        assert!(policy.admits(Range::Private, 1).is_err());
        assert!(policy.admits(Range::Refused("x"), 0).is_err());
        let mut allowed = Policy::new(true);
        allowed.typed_resolved_to(&[Range::Public]);
        assert!(allowed.admits(Range::Private, 3).is_ok());
        assert!(allowed.admits(Range::Refused("x"), 3).is_err());
    }
}
