//! A small HTTP/1.1 server on loopback for the `source fetch` tests: each
//! test gives it a function from request path to the raw answer, and can
//! read back every request it received, byte for byte.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server sends back for one request.
pub enum Reply {
    /// These bytes, then close.
    Raw(Vec<u8>),
    /// The head, then after `delay` the body (a slow server).
    Slow {
        head: Vec<u8>,
        body: Vec<u8>,
        delay: Duration,
    },
}

impl Reply {
    /// A complete answer with `Content-Length`.
    pub fn new(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
        for (name, value) in headers {
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        out.extend_from_slice(body);
        Reply::Raw(out)
    }

    /// `200 OK` with a content type.
    pub fn ok(content_type: &str, body: &[u8]) -> Reply {
        Reply::new("200 OK", &[("Content-Type", content_type)], body)
    }

    /// A redirect to `location`.
    pub fn redirect(status: &str, location: &str) -> Reply {
        Reply::new(status, &[("Location", location)], b"")
    }

    /// A chunked answer, the body sent in `pieces`.
    pub fn chunked(headers: &[(&str, &str)], pieces: &[&[u8]]) -> Reply {
        let mut out = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n".to_vec();
        for (name, value) in headers {
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        for piece in pieces {
            out.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
            out.extend_from_slice(piece);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
        Reply::Raw(out)
    }
}

type Handler = dyn Fn(&str) -> Reply + Send + Sync;

/// A running server; it lives until the test process ends.
pub struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Server {
    pub fn start(handler: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let seen = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let handler = Arc::clone(&handler);
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || serve(stream, &*handler, &seen));
            }
        });
        Server { addr, requests }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request head received so far, in order.
    pub fn requests(&self) -> Vec<Vec<u8>> {
        self.requests.lock().expect("lock").clone()
    }
}

fn serve(mut stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Vec<u8>>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    loop {
        let mut first = [0u8; 1];
        if stream.peek(&mut first).is_ok_and(|n| n == 1) && first[0] == 0x16 {
            // A TLS handshake: answer in plain HTTP, as a plain server does.
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        let Some(head) = read_head(&mut stream) else {
            return;
        };
        seen.lock().expect("lock").push(head.clone());
        let line = String::from_utf8_lossy(&head);
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let done = match handler(&path) {
            Reply::Raw(bytes) => stream.write_all(&bytes).and_then(|()| stream.flush()),
            Reply::Slow { head, body, delay } => stream
                .write_all(&head)
                .and_then(|()| stream.flush())
                .map(|()| std::thread::sleep(delay))
                .and_then(|()| stream.write_all(&body)),
        };
        if done.is_err() {
            return;
        }
    }
}

/// Reads one request head (up to the blank line); `None` at the end.
fn read_head(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    Some(head)
}

/// A CONNECT proxy on loopback that tunnels to wherever it is asked and
/// remembers each CONNECT line.
pub struct Proxy {
    pub port: u16,
    connects: Arc<Mutex<Vec<String>>>,
}

impl Proxy {
    pub fn start() -> Proxy {
        Proxy::start_to(None)
    }

    /// A proxy that tunnels every CONNECT to `upstream`, whatever host it
    /// names: how a test reaches a name no resolver knows.
    pub fn routing_to(upstream: SocketAddr) -> Proxy {
        Proxy::start_to(Some(upstream))
    }

    fn start_to(upstream: Option<SocketAddr>) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local addr").port();
        let connects = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&connects);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut client) = stream else { continue };
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || {
                    let Some(head) = read_head(&mut client) else {
                        return;
                    };
                    let head = String::from_utf8_lossy(&head).into_owned();
                    let line = head.lines().next().unwrap_or("").to_string();
                    seen.lock().expect("lock").push(line.clone());
                    let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
                    let connected = match upstream {
                        Some(addr) => TcpStream::connect(addr),
                        None => TcpStream::connect(&target),
                    };
                    let Ok(upstream) = connected else {
                        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n");
                        return;
                    };
                    if client
                        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                        .is_err()
                    {
                        return;
                    }
                    let (mut c2, mut u2) = (
                        client.try_clone().expect("clone"),
                        upstream.try_clone().expect("clone"),
                    );
                    let mut upstream = upstream;
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut u2, &mut c2);
                        let _ = c2.shutdown(std::net::Shutdown::Both);
                    });
                    let _ = std::io::copy(&mut client, &mut upstream);
                    let _ = upstream.shutdown(std::net::Shutdown::Both);
                });
            }
        });
        Proxy { port, connects }
    }

    /// The CONNECT request lines received.
    pub fn connects(&self) -> Vec<String> {
        self.connects.lock().expect("lock").clone()
    }
}
