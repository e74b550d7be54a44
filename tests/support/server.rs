//! A tiny static file server for the release build: `std::net`, one thread per connection,
//! bound to 127.0.0.1 on a free port.
//!
//! It serves what a static host would: the right `Content-Type` (browsers refuse
//! `WebAssembly.instantiateStreaming` without `application/wasm`), `nosniff`, 404s, and extra
//! headers a test asks for (a `Content-Security-Policy`, say). One page is its own: the empty
//! [`VIEWPORT_HOST_PATH`] that hosts the app in a frame of a given width.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server; stops when dropped.
pub struct StaticServer {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    accept_thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves the files under `root`, adding `extra_headers` to every response.
    pub fn start(root: &Path, extra_headers: Vec<(String, String)>) -> io::Result<StaticServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let site = Arc::new(Site {
            root: root.to_path_buf(),
            extra_headers,
        });
        let accept_thread = {
            let stopping = Arc::clone(&stopping);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let site = Arc::clone(&site);
                    std::thread::spawn(move || {
                        // A browser that hangs up early is not the test's concern.
                        let _ = site.answer(stream);
                    });
                }
            })
        };
        Ok(StaticServer {
            address,
            stopping,
            accept_thread: Some(accept_thread),
        })
    }

    /// `http://127.0.0.1:<port>` followed by `path_and_rest` (which starts with `/`).
    pub fn url(&self, path_and_rest: &str) -> String {
        format!("http://{}{path_and_rest}", self.address)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.accept_thread.take() {
            let _ = thread.join();
        }
    }
}

/// An empty page of the served site that tests can load to host an `<iframe>` of the app at a
/// given size (see `support::viewport`); it is not part of the build.
pub const VIEWPORT_HOST_PATH: &str = "/__e2e/viewport-host.html";
const VIEWPORT_HOST_PAGE: &str =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>viewport host</title><link rel=\"icon\" href=\"data:,\"></head>\
    <body style=\"margin:0\"></body></html>\n";

struct Site {
    root: PathBuf,
    extra_headers: Vec<(String, String)>,
}

impl Site {
    fn answer(&self, mut stream: TcpStream) -> io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Skip the request headers: nothing here depends on them.
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
        }
        let mut parts = request_line.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));

        if let Some(answered) = hostile_answer(&mut stream, target) {
            return answered;
        }
        let (status, content_type, body) = match method {
            "GET" | "HEAD" if target.split('?').next() == Some(VIEWPORT_HOST_PATH) => (
                "200 OK",
                "text/html; charset=utf-8",
                VIEWPORT_HOST_PAGE.as_bytes().to_vec(),
            ),
            "GET" | "HEAD" => match self.file_for(target) {
                Some(file) => match std::fs::read(&file) {
                    Ok(bytes) => ("200 OK", content_type(&file), bytes),
                    Err(_) => not_found(),
                },
                None => not_found(),
            },
            _ => (
                "405 Method Not Allowed",
                "text/plain; charset=utf-8",
                b"method not allowed\n".to_vec(),
            ),
        };

        let mut head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
             X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n",
            body.len()
        );
        for (name, value) in &self.extra_headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&body)?;
        }
        stream.flush()
    }

    /// The file a request target names: query and fragment dropped, percent-decoded,
    /// `index.html` for directories; `None` for anything outside the root or missing.
    fn file_for(&self, target: &str) -> Option<PathBuf> {
        let path = target.split(['?', '#']).next()?;
        let path = percent_decode(path)?;
        let mut file = self.root.clone();
        for segment in path.split('/').filter(|segment| !segment.is_empty()) {
            if segment == "." || segment == ".." || segment.contains('\\') {
                return None;
            }
            file.push(segment);
        }
        if file.is_dir() {
            file.push("index.html");
        }
        file.is_file().then_some(file)
    }
}

/// A file cut off half-way: its `Content-Length` announces twice what is sent before the
/// connection closes (tests/e2e_hostile.rs).
pub const CUT_OFF_PATH: &str = "/__e2e/cut-off.json";
/// A valid dataset sent slowly: [`SLOW_PIECES`] pieces [`SLOW_PAUSE`] apart.
pub const SLOW_PATH: &str = "/__e2e/slow.json";
pub const SLOW_PIECES: usize = 10;
pub const SLOW_PAUSE: Duration = Duration::from_millis(300);
/// A request the server hangs up on without a word (no status, no header): to the browser,
/// a network failure.
pub const HANG_UP_PATH: &str = "/__e2e/hang-up.json";
/// A file of the site that redirects to another site ([`AWAY_PATH`] on `localhost` instead of
/// `127.0.0.1`: another origin for the browser), which allows any page to read it (CORS): the
/// browser follows the redirection and hands the answer over, and only the app can refuse it.
pub const REDIRECT_AWAY_PATH: &str = "/__e2e/redirect-away.json";
/// What [`REDIRECT_AWAY_PATH`] redirects to: a valid dataset, readable from any site.
pub const AWAY_PATH: &str = "/__e2e/away.json";
/// The dataset [`SLOW_PATH`] sends (2 events).
const SLOW_DATASET: &str = r#"{"title": {"fr": "Lent", "en": "Slow"}, "description": {"fr": "", "en": ""},
 "documents": [{"file": "doc.txt", "title": "doc"}], "tracks": [{"id": "t", "label": {"fr": "t", "en": "t"}}],
 "actors": [], "figures": [], "events": [
 {"id": "a", "date": "2025-01-01", "title": {"fr": "Premier", "en": "First"}, "summary": {"fr": "", "en": ""}, "track": "t", "sources": [{"seed": "doc.txt", "quote": "q"}]},
 {"id": "b", "date": "2025-02-01", "title": {"fr": "Second", "en": "Second"}, "summary": {"fr": "", "en": ""}, "track": "t", "sources": [{"seed": "doc.txt", "quote": "q"}]}]}"#;

/// The hostile answers of [`CUT_OFF_PATH`], [`SLOW_PATH`] and [`HANG_UP_PATH`]; `None` for
/// any other target.
fn hostile_answer(stream: &mut TcpStream, target: &str) -> Option<io::Result<()>> {
    let path = target.split('?').next().unwrap_or_default();
    let body = SLOW_DATASET.as_bytes();
    let head = |length: usize| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\
             Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        )
    };
    let answer = |stream: &mut TcpStream| -> io::Result<()> {
        if path == REDIRECT_AWAY_PATH {
            let port = stream.local_addr()?.port();
            write!(
                stream,
                "HTTP/1.1 302 Found\r\nLocation: http://localhost:{port}{AWAY_PATH}\r\n\
                 Content-Length: 0\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
            )?;
            return stream.flush();
        }
        if path == AWAY_PATH {
            stream.write_all(
                head(body.len())
                    .replace("\r\n\r\n", "\r\nAccess-Control-Allow-Origin: *\r\n\r\n")
                    .as_bytes(),
            )?;
            stream.write_all(body)?;
            return stream.flush();
        }
        if path == HANG_UP_PATH {
            return stream.shutdown(std::net::Shutdown::Both);
        }
        if path == CUT_OFF_PATH {
            stream.write_all(head(body.len() * 2).as_bytes())?;
            stream.write_all(&body[..body.len() / 2])?;
            stream.flush()?;
            // Closing with bytes still announced: the browser sees the body cut off.
            return stream.shutdown(std::net::Shutdown::Both);
        }
        stream.write_all(head(body.len()).as_bytes())?;
        for piece in body.chunks(body.len().div_ceil(SLOW_PIECES)) {
            std::thread::sleep(SLOW_PAUSE);
            stream.write_all(piece)?;
            stream.flush()?;
        }
        Ok(())
    };
    [
        CUT_OFF_PATH,
        SLOW_PATH,
        HANG_UP_PATH,
        REDIRECT_AWAY_PATH,
        AWAY_PATH,
    ]
    .contains(&path)
    .then(|| answer(stream))
}

fn not_found() -> (&'static str, &'static str, Vec<u8>) {
    (
        "404 Not Found",
        "text/plain; charset=utf-8",
        b"not found\n".to_vec(),
    )
}

/// The `Content-Type` for a file, by extension.
pub fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("");
    match extension {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut byte_idx = 0;
    while byte_idx < bytes.len() {
        if bytes[byte_idx] == b'%' {
            let hex = text.get(byte_idx + 1..byte_idx + 3)?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            byte_idx += 3;
        } else {
            decoded.push(bytes[byte_idx]);
            byte_idx += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Sends a bare GET and returns the status line, the headers (lower-cased names) and body.
    fn get(server: &StaticServer, path: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
        let address = server.url("").trim_start_matches("http://").to_string();
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|window| window == b"\r\n\r\n")
            .unwrap();
        let head = String::from_utf8(response[..split].to_vec()).unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().to_string();
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        (status, headers, response[split + 4..].to_vec())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(header_name, _)| header_name == name)
            .map(|(_, value)| value.as_str())
    }

    #[test]
    fn the_test_server_serves_files_with_their_type_extra_headers_and_404s() {
        let root = std::env::temp_dir().join(format!("ai-race-server-test-{}", std::process::id()));
        std::fs::create_dir_all(root.join("data")).unwrap();
        std::fs::write(root.join("index.html"), "<!DOCTYPE html>").unwrap();
        std::fs::write(root.join("app_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(root.join("data").join("a b.json"), "{}").unwrap();
        let csp = (
            "Content-Security-Policy".to_string(),
            "default-src 'self'".to_string(),
        );
        let server = StaticServer::start(&root, vec![csp]).unwrap();

        let (status, headers, body) = get(&server, "/?lang=en");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(
            header(&headers, "content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(
            header(&headers, "content-security-policy"),
            Some("default-src 'self'")
        );
        assert_eq!(body, b"<!DOCTYPE html>");

        let (_, headers, _) = get(&server, "/app_bg.wasm");
        assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
        let (_, headers, _) = get(&server, "/data/a%20b.json");
        assert_eq!(header(&headers, "content-type"), Some("application/json"));

        for missing in ["/missing.js", "/../Cargo.toml", "/%2e%2e/Cargo.toml"] {
            let (status, _, _) = get(&server, missing);
            assert_eq!(status, "HTTP/1.1 404 Not Found", "{missing}");
        }
        drop(server);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn the_cut_off_file_announces_more_than_it_sends() {
        let root = std::env::temp_dir().join(format!("ai-race-cut-test-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let server = StaticServer::start(&root, Vec::new()).unwrap();
        let (status, headers, body) = get(&server, CUT_OFF_PATH);
        assert_eq!(status, "HTTP/1.1 200 OK");
        let announced: usize = header(&headers, "content-length").unwrap().parse().unwrap();
        assert_eq!(announced, SLOW_DATASET.len() * 2);
        assert_eq!(body, &SLOW_DATASET.as_bytes()[..SLOW_DATASET.len() / 2]);
        drop(server);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn the_redirect_leads_to_another_origin_that_any_page_may_read() {
        let root = std::env::temp_dir().join(format!("ai-race-away-test-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let server = StaticServer::start(&root, Vec::new()).unwrap();
        let (status, headers, body) = get(&server, REDIRECT_AWAY_PATH);
        assert_eq!(status, "HTTP/1.1 302 Found");
        let away = server.url(AWAY_PATH).replace("127.0.0.1", "localhost");
        assert_eq!(header(&headers, "location"), Some(away.as_str()));
        assert!(body.is_empty());
        let (status, headers, body) = get(&server, AWAY_PATH);
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
        assert_eq!(header(&headers, "content-type"), Some("application/json"));
        assert_eq!(body, SLOW_DATASET.as_bytes());
        drop(server);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn the_hang_up_path_gets_no_answer_at_all() {
        let root = std::env::temp_dir().join(format!("ai-race-hang-test-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let server = StaticServer::start(&root, Vec::new()).unwrap();
        let address = server.url("").trim_start_matches("http://").to_string();
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET {HANG_UP_PATH} HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        assert!(
            response.is_empty(),
            "{:?}",
            String::from_utf8_lossy(&response)
        );
        drop(server);
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn script_and_style_types_are_the_ones_browsers_enforce() {
        assert_eq!(
            content_type(Path::new("app.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("style.css")),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("favicon.svg")), "image/svg+xml");
    }
}
