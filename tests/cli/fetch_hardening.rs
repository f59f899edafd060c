//! `source fetch` against hostile servers and URLs: redirects into private
//! and metadata addresses, credentials and bad ports in URLs, and bodies
//! that would make a capture grow past its cap.

use crate::server::{Reply, Server};
use crate::support::*;

const PAGE: &[u8] = b"<html><body><p>The team had nine days.</p></body></html>";

/// Asserts that a fetch exits 2 with `expect` and changed no file.
#[track_caller]
fn refused(ws: &Ws, args: &[&str], expect: &str) -> Run {
    let before = ws.files();
    let mut all = vec!["source", "fetch"];
    all.extend_from_slice(args);
    let run = ws.run(&all).code(2);
    assert!(run.stderr.contains(expect), "{}", run.render());
    assert_eq!(before, ws.files(), "a refused fetch changed files");
    run
}

#[test]
fn source_fetch_refuses_redirects_into_private_and_link_local_addresses() {
    let server = Server::start(move |path| match path {
        "/metadata" => Reply::redirect(
            "302 Found",
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        ),
        "/mapped" => Reply::redirect("302 Found", "http://[::ffff:169.254.169.254]/"),
        "/intranet" => Reply::redirect("302 Found", "http://10.255.255.1:81/wiki"),
        "/local" => Reply::redirect("302 Found", "/page"),
        _ => Reply::ok("text/html", PAGE),
    });
    let ws = Ws::new();
    // Link-local and metadata addresses: never, whether typed or redirected to,
    // and refused before anything is sent (no timeout, no connection error).
    for args in [
        vec![server.url("/metadata")],
        vec![server.url("/mapped")],
        vec![server.url("/metadata"), "--allow-private".to_string()],
        vec!["http://169.254.169.254/latest/meta-data/".to_string()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = refused(&ws, &args, "which is never fetched");
        assert!(run.stderr.contains("link-local"), "{}", run.render());
    }
    // A redirect from loopback into a private network: refused before
    // connecting (a connection to 10.255.255.1 would time out instead).
    refused(
        &ws,
        &[&server.url("/intranet"), "--timeout", "30"],
        "the redirect to `http://10.255.255.1:81/wiki` leads to 10.255.255.1: it is a private address and the URL given is not (`--allow-private` allows it)",
    );
    // `--allow-private` lets it try (and fail to connect, here).
    let run = ws
        .run(&[
            "source",
            "fetch",
            &server.url("/intranet"),
            "--allow-private",
            "--timeout",
            "2",
        ])
        .code(2);
    assert!(!run.stderr.contains("private address"), "{}", run.render());
    // The URL typed is on loopback: so may its redirects be.
    ws.run(&["source", "fetch", &server.url("/local")])
        .success();
}

#[test]
fn source_fetch_refuses_urls_with_credentials_and_never_prints_them() {
    let server = Server::start(move |path| match path {
        "/to-secret" => Reply::redirect("302 Found", "http://bob:hunter2@127.0.0.1:9/page"),
        _ => Reply::ok("text/html", PAGE),
    });
    let ws = Ws::new();
    let typed = format!("http://alice:hunter2@127.0.0.1:{}/page", server.port());
    let run = refused(&ws, &[&typed], "holds a user name or password");
    assert!(!run.stderr.contains("hunter2"), "{}", run.render());
    assert!(
        run.stderr.contains("without `user:password@`"),
        "{}",
        run.render()
    );
    assert!(server.requests().is_empty(), "a request was sent");
    let run = refused(
        &ws,
        &[&server.url("/to-secret")],
        "redirects to `http://…@127.0.0.1:9/page`",
    );
    assert!(!run.stderr.contains("hunter2"), "{}", run.render());
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn source_fetch_refuses_a_port_out_of_range() {
    let ws = Ws::new();
    refused(
        &ws,
        &["http://127.0.0.1:83616/page"],
        "its port `83616` is not a number from 0 to 65535",
    );
    refused(
        &ws,
        &["http://[::1]:99999/"],
        "its port `99999` is not a number",
    );
}

#[test]
fn source_fetch_caps_the_whole_capture_and_cuts_redirect_bodies() {
    // Nine redirects, each with a 300 KB body, then a small page.
    let filler = vec![b'x'; 300 << 10];
    let server = Server::start(move |path| {
        let n: usize = path.trim_start_matches("/r").parse().unwrap_or(99);
        if n < 9 {
            Reply::new(
                "302 Found",
                &[("Location", &format!("/r{}", n + 1))],
                &filler,
            )
        } else {
            Reply::ok("text/html", PAGE)
        }
    });
    let ws = Ws::new();
    // Each redirect body is kept up to 64 KiB only: 9 × 64 KiB fits in 1 MB.
    let id = ws
        .run(&["source", "fetch", &server.url("/r0"), "--max-size", "1MB"])
        .success()
        .stdout
        .trim()
        .to_string();
    let shown = ws
        .run(&["source", "show", &id, "--format", "json"])
        .success();
    let meta: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    let warc = meta["captures"][0]["warc"].as_str().unwrap().to_string();
    let warc_meta: serde_json::Value = serde_json::from_str(
        &ws.run(&["source", "show", &warc, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    let bytes = std::fs::read(ws.join(&format!("sources/{}", warc_meta["file"].as_str().unwrap())))
        .unwrap();
    assert!(
        bytes.len() < 9 * (70 << 10),
        "a WARC of {} bytes",
        bytes.len()
    );
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("WARC-Truncated: length").count(), 9);
    // The cap is on everything read: 9 × 64 KiB is over 256 KB.
    let fresh = Ws::new();
    refused(
        &fresh,
        &[&server.url("/r0"), "--max-size", "256KB"],
        "the capture is over the 256 KB cap (redirects included)",
    );
}

#[test]
fn check_full_verifies_each_capture_has_its_warc() {
    let server = Server::start(|_| Reply::ok("text/html", PAGE));
    let ws = Ws::with_article();
    let id = ws
        .run(&["source", "fetch", &server.url("/p")])
        .success()
        .stdout
        .trim()
        .to_string();
    ws.run(&["check", "--full"]).success();
    let record = format!("sources/{}.yaml", &id[7..]);
    let text = ws.read(&record);
    let warc_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("warc: "))
        .unwrap()
        .to_string();
    let warc = warc_line
        .trim()
        .trim_start_matches("warc: ")
        .trim_matches('"');
    let warc_hex = warc.trim_start_matches("sha256:").to_string();

    // The WARC's bytes replaced by other bytes (its record kept): --full sees it.
    let bytes = ws.join(&format!("sources/{warc_hex}.warc"));
    let mut perms = std::fs::metadata(&bytes).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&bytes, perms).unwrap();
    let original = std::fs::read(&bytes).unwrap();
    let mut forged = b"<html>".to_vec();
    forged.resize(original.len(), b' ');
    std::fs::write(&bytes, &forged).unwrap();
    let run = ws.run(&["check", "--full"]).code(1);
    assert!(
        run.stdout.contains("its bytes are not a WARC file"),
        "{}",
        run.render()
    );
    std::fs::write(&bytes, &original).unwrap();

    // `captures[].warc` pointing at the article.
    ws.write(
        &record,
        &text.replace(&warc_line, &warc_line.replace(warc, ARTICLE_ID)),
    );
    let run = ws.run(&["check", "--full"]).code(1);
    assert!(
        run.stdout.contains("but that snapshot is `text/markdown"),
        "{}",
        run.render()
    );

    // Every WARC deleted, record and bytes.
    ws.write(&record, &text);
    std::fs::remove_file(&bytes).unwrap();
    std::fs::remove_file(ws.join(&format!("sources/{warc_hex}.yaml"))).unwrap();
    let run = ws.run(&["check", "--full"]).code(1);
    assert!(
        run.stdout.contains("which is not in this workspace"),
        "{}",
        run.render()
    );
}
