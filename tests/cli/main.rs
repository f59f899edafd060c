//! Integration tests: the real binary on temporary workspaces, asserting what
//! a user sees (stdout, stderr, exit code) and what lands on disk.

mod scenario;
mod server;
mod support;

mod annotations;
mod archive;
mod article_page;
mod bundled;
mod catalogue;
mod check;
mod claim;
mod conventions;
mod crash_loop;
mod editorial;
mod evidence;
mod export;
mod extract;
mod fetch;
mod fetch_hardening;
mod hardening;
mod hardening_third;
mod index;
mod init;
mod language;
mod listing_cache;
mod mark;
mod readme;
mod record_cache;
mod report;
mod report_each;
mod revision;
mod source;
mod standards;
mod watch;
