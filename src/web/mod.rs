//! The web: fetching a page over HTTP(S) ([`fetch`]), keeping the exchange
//! as a WARC record ([`warc`]), reading a page's own metadata (title,
//! publisher, dates) from its HTML ([`html_meta`]), and fetching cited pages
//! again to see what became of them ([`watch`]).

pub mod fetch;
pub mod fetch_guard;
pub(crate) mod html_meta;
pub mod warc;
pub mod watch;
