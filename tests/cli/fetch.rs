//! `source fetch`, `source history` and `source diff`, against servers the
//! tests start on loopback.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::server::{Proxy, Reply, Server};
use crate::support::*;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<title>Site | The nine days</title>
<meta property="og:title" content="The nine days">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-05-13T08:30:00+08:00">
</head><body><p>The safety team had only nine days to test the model.</p></body></html>"#;

/// Runs `source fetch` with its arguments; the server's port is replaced by
/// `[PORT]` in what is rendered.
fn fetch(ws: &Ws, args: &[&str]) -> Run {
    let mut all = vec!["source", "fetch"];
    all.extend_from_slice(args);
    ws.run(&all)
}

fn record(ws: &Ws, id: &str) -> String {
    ws.read(&format!(
        "sources/{}.yaml",
        id.trim().trim_start_matches("sha256:")
    ))
}

fn meta(ws: &Ws, id: &str) -> serde_json::Value {
    let out = ws
        .run(&["source", "show", id.trim(), "--format", "json"])
        .success();
    serde_json::from_str(&out.stdout).expect("json")
}

fn bytes_of(ws: &Ws, id: &str) -> Vec<u8> {
    let m = meta(ws, id);
    std::fs::read(ws.join(&format!("sources/{}", m["file"].as_str().unwrap()))).unwrap()
}

fn warc_of(ws: &Ws, id: &str, capture: usize) -> (String, Vec<u8>) {
    let m = meta(ws, id);
    let warc = m["captures"][capture]["warc"].as_str().unwrap().to_string();
    let bytes = bytes_of(ws, &warc);
    (warc, bytes)
}

fn without_port(text: &str, server: &Server) -> String {
    text.replace(&server.port().to_string(), "[PORT]")
}

/// Replaces the ids of the WARC snapshots in `ws` (which hold the server's
/// port, so change from run to run) by `[WARC n]`, in capture order.
fn without_warcs(text: &str, ws: &Ws) -> String {
    let list = ws.run(&["source", "list", "--format", "json"]).success();
    let metas: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let mut warcs: Vec<String> = metas
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["captures"].as_array().cloned().unwrap_or_default())
        .map(|c| (c["at"].to_string(), c["warc"].as_str().unwrap().to_string()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|(_, w)| w.trim_start_matches("sha256:").to_string())
        .collect();
    warcs.dedup();
    let mut out = text.to_string();
    for (n, hex) in warcs.iter().enumerate() {
        out = out.replace(hex.as_str(), &format!("[WARC {}]", n + 1));
        out = out.replace(&hex[..12], &format!("[WARC {}]", n + 1));
    }
    out
}

/// Asserts that a refused fetch exits 2 and left every file as it was.
#[track_caller]
fn refused(ws: &Ws, args: &[&str], expect: &str) -> Run {
    let before = ws.files();
    let run = fetch(ws, args).code(2);
    assert!(run.stderr.contains(expect), "{}", run.render());
    assert!(
        run.stderr.contains("nothing was stored"),
        "{}",
        run.render()
    );
    assert_eq!(before, ws.files(), "a refused fetch changed files");
    run
}

#[test]
fn redirects_are_followed_and_every_hop_recorded() {
    let server = Server::start(|path| match path {
        "/old" => Reply::redirect("301 Moved Permanently", "/mid"),
        "/mid" => Reply::redirect("302 Found", "story?id=9"),
        "/story?id=9" => Reply::new(
            "200 OK",
            &[
                ("Content-Type", "text/html; charset=utf-8"),
                ("Date", "Thu, 28 Nov 2026 09:59:58 GMT"),
                ("Last-Modified", "Mon, 13 May 2024 01:00:00 GMT"),
                ("ETag", "\"v1-nine\""),
                ("Content-Language", "en"),
                ("X-Other", "not kept"),
            ],
            PAGE.as_bytes(),
        ),
        _ => Reply::new("404 Not Found", &[], b"no"),
    });
    let ws = Ws::new();
    let run = fetch(&ws, &[&server.url("/old"), "--kind", "news"]).success();
    insta::assert_snapshot!(without_warcs(&without_port(&run.render(), &server), &ws));
    let id = run.stdout.trim().to_string();
    insta::assert_snapshot!(without_warcs(
        &without_port(&record(&ws, &id), &server),
        &ws
    ));
    assert_eq!(bytes_of(&ws, &id), PAGE.as_bytes());
    let show = ws.run(&["source", "show", &id]).success();
    assert!(show.stdout.contains("redirect    301"), "{}", show.stdout);
}

#[test]
fn the_warc_request_records_are_what_the_server_received() {
    let server = Server::start(|path| match path {
        "/a" => Reply::redirect("302 Found", "/b"),
        _ => Reply::ok("text/plain", b"hello"),
    });
    let ws = Ws::new();
    let id = fetch(&ws, &[&server.url("/a")]).success().stdout;
    let (_, warc) = warc_of(&ws, &id, 0);
    let warc = String::from_utf8(warc).unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in requests {
        let request = String::from_utf8(request).unwrap();
        assert!(
            warc.contains(&format!("\r\n\r\n{request}\r\n\r\n")),
            "request not in the WARC as sent:\n{request}\n---\n{warc}"
        );
    }
    assert_eq!(warc.matches("WARC-Type: response").count(), 2);
    assert!(warc.contains("HTTP/1.1 302 Found\r\n"), "{warc}");
}

#[test]
fn a_redirect_loop_is_refused() {
    let server = Server::start(|path| match path {
        "/a" => Reply::redirect("302 Found", "/b"),
        _ => Reply::redirect("302 Found", "/a"),
    });
    let ws = Ws::new();
    let run = refused(&ws, &[&server.url("/a")], "redirect loop");
    insta::assert_snapshot!(without_port(&run.render(), &server));
}

#[test]
fn more_than_ten_redirects_are_refused() {
    let server = Server::start(|path| {
        let n: usize = path.trim_start_matches("/r").parse().unwrap_or(0);
        Reply::redirect("302 Found", &format!("/r{}", n + 1))
    });
    let ws = Ws::new();
    refused(&ws, &[&server.url("/r0")], "more than 10 redirects");
}

#[test]
fn a_redirect_to_another_scheme_is_refused() {
    let server = Server::start(|_| Reply::redirect("302 Found", "ftp://files.example/x"));
    let ws = Ws::new();
    refused(&ws, &[&server.url("/")], "which is not an http(s) URL");
    let ws = Ws::new();
    let run = ws.run(&["source", "fetch", "file:///etc/passwd"]).code(2);
    assert!(
        run.stderr.contains("only http and https"),
        "{}",
        run.render()
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn gzip_deflate_and_br_bodies_are_decoded_and_the_warc_keeps_them_as_served() {
    let text = "The safety team had only nine days. ".repeat(50);
    let gz = gzip(text.as_bytes());
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(text.as_bytes()).unwrap();
    let zlib = zlib.finish().unwrap();
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut &text.as_bytes()[..], &mut br, &Default::default()).unwrap();
    let served: Arc<BTreeMap<&str, (&str, Vec<u8>)>> = Arc::new(BTreeMap::from([
        ("/gzip", ("gzip", gz)),
        ("/deflate", ("deflate", zlib)),
        ("/br", ("br", br)),
    ]));
    let s = Arc::clone(&served);
    let server = Server::start(move |path| {
        let (coding, body) = &s[path];
        Reply::new(
            "200 OK",
            &[("Content-Type", "text/plain"), ("Content-Encoding", coding)],
            body,
        )
    });
    let ws = Ws::new();
    for (path, (_, body)) in served.iter() {
        let id = fetch(&ws, &[&server.url(path)]).success().stdout;
        assert_eq!(bytes_of(&ws, &id), text.as_bytes(), "{path}");
        // The same text each time: one snapshot, a capture (and WARC) per fetch.
        let captures = meta(&ws, &id)["captures"].as_array().unwrap().len();
        let (_, warc) = warc_of(&ws, &id, captures - 1);
        assert!(
            warc.windows(body.len()).any(|w| w == &body[..]),
            "{path}: the WARC does not hold the body as served"
        );
    }
    let req = String::from_utf8(server.requests()[0].clone()).unwrap();
    assert!(req.contains("accept-encoding: gzip, deflate, br"), "{req}");
}

#[test]
fn an_unknown_content_coding_or_charset_is_said() {
    let server = Server::start(|path| match path {
        "/compress" => Reply::new(
            "200 OK",
            &[
                ("Content-Type", "text/plain"),
                ("Content-Encoding", "compress"),
            ],
            b"\x1f\x9d",
        ),
        _ => Reply::ok("text/plain; charset=x-klingon", b"plain ASCII after all"),
    });
    let ws = Ws::new();
    refused(
        &ws,
        &[&server.url("/compress")],
        "content coding `compress`",
    );
    let run = fetch(&ws, &[&server.url("/klingon")]).success();
    assert!(
        run.stderr
            .contains("charset `x-klingon`, which this tool does not know"),
        "{}",
        run.render()
    );
    assert_eq!(meta(&ws, &run.stdout)["charset"], serde_json::Value::Null);
}

#[test]
fn a_chunked_body_is_joined_and_the_warc_holds_it_dechunked() {
    let server = Server::start(|_| {
        Reply::chunked(
            &[("Content-Type", "text/plain; charset=utf-8")],
            &[b"first piece, ", b"second piece, ", b"last."],
        )
    });
    let ws = Ws::new();
    let id = fetch(&ws, &[&server.url("/c")]).success().stdout;
    assert_eq!(bytes_of(&ws, &id), b"first piece, second piece, last.");
    let (_, warc) = warc_of(&ws, &id, 0);
    let warc = String::from_utf8(warc).unwrap();
    assert!(
        !warc.to_ascii_lowercase().contains("transfer-encoding"),
        "{warc}"
    );
    assert!(
        warc.contains("\r\n\r\nfirst piece, second piece, last.\r\n\r\n"),
        "{warc}"
    );
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

#[test]
fn a_gbk_page_keeps_its_bytes_and_its_excerpts_match() {
    let page = format!(
        "<html><head><meta charset=\"gb2312\"><title>安全测试</title></head><body><p>{NINE_DAYS}，来做安全检测。</p></body></html>"
    );
    let body = gbk(&page);
    let served = body.clone();
    let server = Server::start(move |_| Reply::ok("text/html", &served));
    let ws = Ws::with_article();
    let claim = ws.nine_days();
    let run = fetch(&ws, &[&server.url("/gbk")]).success();
    let id = run.stdout.trim().to_string();
    assert_eq!(
        bytes_of(&ws, &id),
        body,
        "the snapshot keeps the bytes as served"
    );
    let m = meta(&ws, &id);
    assert_eq!(m["charset"], "gbk");
    assert_eq!(m["title"], "安全测试");
    ws.run(&[
        "evidence",
        "add",
        &claim,
        &id,
        "--stance",
        "supports",
        "--excerpt",
        NINE_DAYS,
    ])
    .success();
    ws.run(&["check", "--full"]).success();
}

#[test]
fn source_add_charset_reads_a_gbk_file() {
    let ws = Ws::with_article();
    let claim = ws.nine_days();
    std::fs::write(ws.join("gbk.txt"), gbk(&format!("报道：{NINE_DAYS}。"))).unwrap();
    let plain = ws.run(&["source", "add", "gbk.txt"]).success().stdout;
    let refused = ws
        .run(&[
            "evidence",
            "add",
            &claim,
            plain.trim(),
            "--stance",
            "supports",
            "--excerpt",
            NINE_DAYS,
        ])
        .code(1);
    assert!(
        refused.stderr.contains("not valid UTF-8"),
        "{}",
        refused.render()
    );

    std::fs::write(ws.join("gbk2.txt"), gbk(&format!("另一篇：{NINE_DAYS}。"))).unwrap();
    let id = ws
        .run(&["source", "add", "gbk2.txt", "--charset", "GB2312"])
        .success()
        .stdout;
    let m = meta(&ws, &id);
    assert_eq!(m["charset"], "gbk");
    assert_eq!(m["media_type"], "text/plain");
    ws.run(&[
        "evidence",
        "add",
        &claim,
        id.trim(),
        "--stance",
        "supports",
        "--excerpt",
        NINE_DAYS,
    ])
    .success();
    ws.run(&["check", "--full"]).success();
    let bad = ws
        .run(&["source", "add", "gbk.txt", "--charset", "klingon"])
        .code(2);
    assert!(bad.stderr.contains("`klingon`"), "{}", bad.render());
}

#[test]
fn the_page_date_comes_from_each_kind_of_metadata() {
    let server = Server::start(|path| {
        let head = match path {
            "/og" => {
                r#"<meta property="article:published_time" content="2024-05-13T23:00:00-04:00">"#
            }
            "/ld" => {
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-01-02","publisher":{"@type":"Organization","name":"LD News"}}</script>"#
            }
            "/time" => "",
            _ => "",
        };
        let body = format!(
            "<html><head>{head}<title>{path}</title></head><body><time datetime=\"2022-03-04T10:00\">March</time></body></html>"
        );
        Reply::ok("text/html", body.as_bytes())
    });
    let ws = Ws::new();
    for (path, day, publisher) in [
        ("/og", "2024-05-13", None),
        ("/ld", "2023-01-02", Some("LD News")),
        ("/time", "2022-03-04", None),
    ] {
        let id = fetch(&ws, &[&server.url(path)]).success().stdout;
        let m = meta(&ws, &id);
        assert_eq!(m["published"], day, "{path}");
        assert_eq!(m["title"], path, "{path}");
        assert_eq!(m["publisher"].as_str(), publisher, "{path}");
    }
    // Flags win over the page's own metadata.
    let ws = Ws::new();
    let id = fetch(
        &ws,
        &[
            &server.url("/ld"),
            "--title",
            "Mine",
            "--publisher",
            "Me",
            "--published",
            "2020-02-02",
            "--note",
            "n",
        ],
    )
    .success()
    .stdout;
    let m = meta(&ws, &id);
    assert_eq!(
        (m["title"].as_str(), m["publisher"].as_str()),
        (Some("Mine"), Some("Me"))
    );
    assert_eq!(
        (m["published"].as_str(), m["note"].as_str()),
        (Some("2020-02-02"), Some("n"))
    );
}

#[test]
fn a_body_over_the_size_cap_stores_nothing() {
    let big = vec![b'x'; 4096];
    let b2 = big.clone();
    let server = Server::start(move |path| match path {
        "/length" => Reply::ok("text/plain", &b2),
        _ => Reply::chunked(&[("Content-Type", "text/plain")], &[&b2, &b2]),
    });
    let ws = Ws::new();
    refused(
        &ws,
        &[&server.url("/length"), "--max-size", "1KB"],
        "over the 1 KB cap",
    );
    refused(
        &ws,
        &[&server.url("/chunked"), "--max-size", "5KB"],
        "over the 5 KB cap",
    );
    // A small gzip body that decodes past the cap is refused too.
    let bomb = gzip(&vec![b'a'; 1 << 20]);
    let server = Server::start(move |_| {
        Reply::new(
            "200 OK",
            &[("Content-Type", "text/plain"), ("Content-Encoding", "gzip")],
            &bomb,
        )
    });
    refused(
        &ws,
        &[&server.url("/"), "--max-size", "64KB"],
        "decodes to more than the 64 KB cap",
    );
    fetch(&ws, &[&server.url("/"), "--max-size", "1MB"]).success();
}

#[test]
fn a_slow_server_hits_the_timeout() {
    let server = Server::start(|_| Reply::Slow {
        head: b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n".to_vec(),
        body: b"late!".to_vec(),
        delay: Duration::from_secs(4),
    });
    let ws = Ws::new();
    let started = std::time::Instant::now();
    let run = refused(
        &ws,
        &[&server.url("/"), "--timeout", "1"],
        "timed out after 1 s",
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{}",
        run.render()
    );
    assert!(run.stderr.contains("--timeout"), "{}", run.render());
}

#[test]
fn a_404_is_refused_unless_keep_status() {
    let server = Server::start(|_| {
        Reply::new(
            "404 Not Found",
            &[("Content-Type", "text/html")],
            b"<title>Gone</title><p>Page not found</p>",
        )
    });
    let ws = Ws::new();
    let run = refused(&ws, &[&server.url("/taken-down")], "answered 404 Not Found");
    assert!(run.stderr.contains("--keep-status"), "{}", run.render());
    let id = fetch(&ws, &[&server.url("/taken-down"), "--keep-status"])
        .success()
        .stdout;
    let m = meta(&ws, &id);
    assert_eq!(m["fetch"]["status"], 404);
    assert_eq!(m["captures"][0]["status"], 404);
}

#[test]
fn network_failures_are_clear_and_store_nothing() {
    let ws = Ws::new();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    refused(
        &ws,
        &[&format!("http://127.0.0.1:{closed}/")],
        "refused the connection",
    );
    refused(
        &ws,
        &["http://no-such-host.invalid/"],
        "cannot resolve the host `no-such-host.invalid`",
    );
    // A TLS handshake with a server that speaks plain HTTP fails.
    let server = Server::start(|_| Reply::ok("text/plain", b"plain"));
    refused(
        &ws,
        &[&format!("https://127.0.0.1:{}/", server.port())],
        "TLS failed",
    );
}

#[test]
fn proxies_from_the_environment_are_used_unless_no_proxy() {
    let server = Server::start(|_| Reply::ok("text/plain", b"through the proxy"));
    let proxy = Proxy::start();
    let ws = Ws::new();
    let proxy_url = format!("http://127.0.0.1:{}", proxy.port);
    ws.run_with(
        &["source", "fetch", &server.url("/p")],
        &[("HTTP_PROXY", &proxy_url)],
    )
    .success();
    let target = format!("CONNECT 127.0.0.1:{} HTTP/1.1", server.port());
    assert_eq!(proxy.connects(), vec![target.clone()]);
    // HTTPS_PROXY is for https URLs (the plain server then fails the TLS handshake).
    let run = ws
        .run_with(
            &[
                "source",
                "fetch",
                &format!("https://127.0.0.1:{}/", server.port()),
            ],
            &[("HTTPS_PROXY", &proxy_url)],
        )
        .code(2);
    assert!(run.stderr.contains("TLS failed"), "{}", run.render());
    assert_eq!(proxy.connects().len(), 2, "{:?}", proxy.connects());
    // NO_PROXY bypasses it: a dead proxy is never asked.
    ws.run_with(
        &["source", "fetch", &server.url("/q")],
        &[
            ("HTTP_PROXY", "http://127.0.0.1:9"),
            ("NO_PROXY", "localhost,127.0.0.1"),
        ],
    )
    .success();
}

#[test]
fn an_internationalized_host_was_percent_encoded_and_could_not_be_fetched() {
    // `例え.jp` resolves nowhere here: a proxy takes every CONNECT to the
    // loopback server, and both show what the tool asked for.
    let server = Server::start(|_| Reply::ok("text/plain", b"IDN page"));
    let proxy = Proxy::routing_to(server.addr());
    let proxy_url = format!("http://127.0.0.1:{}", proxy.port);
    let ws = Ws::new();
    let id = ws
        .run_with(
            &["source", "fetch", "http://例え.jp/ページ"],
            &[("HTTP_PROXY", &proxy_url)],
        )
        .success()
        .stdout;
    assert_eq!(proxy.connects(), vec!["CONNECT xn--r8jz45g.jp:80 HTTP/1.1"]);
    let request = String::from_utf8_lossy(&server.requests()[0]).into_owned();
    assert!(
        request.starts_with("GET /%E3%83%9A%E3%83%BC%E3%82%B8 HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(request.contains("host: xn--r8jz45g.jp\r\n"), "{request}");
    assert_eq!(
        meta(&ws, &id)["url"],
        "http://xn--r8jz45g.jp/%E3%83%9A%E3%83%BC%E3%82%B8"
    );
    // https: the punycode host is what the tunnel is asked for (the plain
    // server then fails the TLS handshake, past any question of the URL).
    let run = ws
        .run_with(
            &["source", "fetch", "https://例え.jp/"],
            &[("HTTPS_PROXY", &proxy_url)],
        )
        .code(2);
    assert!(run.stderr.contains("TLS failed"), "{}", run.render());
    assert_eq!(
        proxy.connects().last().map(String::as_str),
        Some("CONNECT xn--r8jz45g.jp:443 HTTP/1.1")
    );
}

#[test]
fn refetching_adds_captures_and_history_lists_them() {
    let version = Arc::new(Mutex::new("<p>The team had nine days.</p>".to_string()));
    let v = Arc::clone(&version);
    let hits = Arc::new(AtomicUsize::new(0));
    let h = Arc::clone(&hits);
    let server = Server::start(move |_| {
        h.fetch_add(1, Ordering::SeqCst);
        Reply::ok("text/html", v.lock().unwrap().as_bytes())
    });
    let ws = Ws::new();
    let url = server.url("/story");
    fn at(t: &str) -> [(&str, &str); 1] {
        [("FACTCHECK_NOW", t)]
    }
    let first = ws
        .run_with(&["source", "fetch", &url], &at("2026-11-28T10:00:00Z"))
        .success()
        .stdout;
    let again = ws
        .run_with(
            &["source", "fetch", &url, "--by", "bob"],
            &at("2026-11-29T10:00:00Z"),
        )
        .success();
    assert_eq!(first, again.stdout, "the same bytes are the same snapshot");
    assert!(
        again.stderr.contains("added capture 2"),
        "{}",
        again.render()
    );
    let m = meta(&ws, &first);
    assert_eq!(m["captures"].as_array().unwrap().len(), 2);
    assert_ne!(m["captures"][0]["warc"], m["captures"][1]["warc"]);

    *version.lock().unwrap() = "<p>The team had ten days.</p>".to_string();
    let changed = ws
        .run_with(&["source", "fetch", &url], &at("2026-11-30T10:00:00Z"))
        .success()
        .stdout;
    assert_ne!(first, changed, "different bytes make a new snapshot");
    let history = ws.run(&["source", "history", &url]).success();
    insta::assert_snapshot!(without_warcs(
        &without_port(&history.render(), &server),
        &ws
    ));
    let json = ws
        .run(&["source", "history", &url, "--format", "json"])
        .success();
    let entries: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let changes: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["first", "same", "changed"]);
    assert_eq!(hits.load(Ordering::SeqCst), 3);

    let diff = ws
        .run(&["source", "diff", first.trim(), changed.trim()])
        .success();
    insta::assert_snapshot!(without_port(&diff.render(), &server));
}

#[test]
fn the_same_capture_twice_is_recorded_once() {
    let server = Server::start(|_| Reply::ok("text/plain", b"unchanging"));
    let ws = Ws::new();
    let url = server.url("/same");
    let id = fetch(&ws, &[&url]).success().stdout;
    let before = ws.files();
    // Same second, same person, same answer: the same WARC, nothing new to record.
    fetch(&ws, &[&url]).success();
    assert_eq!(before, ws.files());
    assert_eq!(meta(&ws, &id)["captures"].as_array().unwrap().len(), 1);
}

/// A Python program that reads a WARC with warcio, checks its digests and
/// prints what it holds.
const READ_WARC: &str = r#"
import hashlib, sys
from warcio.archiveiterator import ArchiveIterator
with open(sys.argv[1], 'rb') as f:
    for rec in ArchiveIterator(f, check_digests='raise'):
        h = rec.http_headers
        line = h.statusline if h is not None else ''
        body = rec.content_stream().read()
        print(rec.rec_type, rec.rec_headers.get_header('WARC-Target-URI') or '-', line, len(body), rec.digest_checker.passed)
        if line == '200 OK':
            print('body', hashlib.sha256(body).hexdigest())
"#;

#[test]
fn warcio_reads_the_warc_and_its_digests_pass() {
    let available = std::process::Command::new("python3")
        .args(["-c", "import warcio"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var("FACTCHECK_REQUIRE_WARCIO").as_deref() != Ok("1"),
            "FACTCHECK_REQUIRE_WARCIO=1 but python3 cannot import warcio"
        );
        eprintln!("skipping: python3 cannot import warcio (pip install warcio)");
        return;
    }
    let gz = gzip(PAGE.as_bytes());
    let server = Server::start(move |path| match path {
        "/old" => Reply::redirect("301 Moved Permanently", "/story"),
        _ => Reply::new(
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &gz,
        ),
    });
    let ws = Ws::new();
    let id = fetch(&ws, &[&server.url("/old")]).success().stdout;
    let m = meta(&ws, &id);
    let warc = m["captures"][0]["warc"].as_str().unwrap().to_string();
    let warc_meta = meta(&ws, &warc);
    assert_eq!(warc_meta["media_type"], "application/warc");
    let path = ws.join(&format!("sources/{}", warc_meta["file"].as_str().unwrap()));
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(READ_WARC)
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!(without_port(&stdout, &server));
    // warcio's decoded body is the snapshot's bytes.
    assert!(
        stdout.contains(&format!("200 OK {} True", PAGE.len())),
        "{stdout}"
    );
}
