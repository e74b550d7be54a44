//! The browser engines (Chromium, Firefox, WebKit) through their WebDriver servers, and the
//! page helpers the journeys share.
//!
//! Waiting helpers poll a condition until a deadline: the app renders asynchronously, so a
//! journey waits for the state it expects. That is waiting, not retrying: no action is ever
//! repeated, and a timeout fails with what the page showed instead.

use std::future::Future;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use super::TestResult;

/// How long the app may take to load the wasm and render.
pub const READY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the page may take to react to one action.
const REACTION_TIMEOUT: Duration = Duration::from_secs(5);
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Chromium's flags: headless, runnable as root, and nothing that phones home during a test.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    // A French reader's browser: the page must not depend on the machine's locale.
    "--lang=fr-FR",
];

/// The window every session starts with (Chromium gets it from `--window-size`).
pub const WINDOW_SIZE: (u32, u32) = (1280, 900);

/// How long a new browser session may take. WebKitWebDriver hangs instead of failing when
/// MiniBrowser cannot start (no display, say), so every engine gets a hard limit.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);

/// Where Debian's WebKitGTK packages put MiniBrowser (the `libwebkit2gtk-4.1-0` package; the
/// directory is the multiarch triplet's).
const MINIBROWSER_CANDIDATES: &[&str] = &[
    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
    "/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser",
    "/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser",
];

/// The browser engine a test run drives: `E2E_BROWSER=chromium|firefox|webkit`, Chromium when
/// unset. `cargo xtask test` runs the end-to-end tests once per engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Headless Chromium through chromedriver (`CHROMEDRIVER`).
    Chromium,
    /// Headless Firefox ESR through geckodriver (`GECKODRIVER`, `FIREFOX_BIN`).
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver (`WEBKIT_WEBDRIVER`,
    /// `WEBKIT_MINIBROWSER`); it needs a display: run under `xvfb-run -a`.
    Webkit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// The engine `E2E_BROWSER` names; Chromium when unset. Panics on an unknown name, so that
    /// a typo never silently tests the wrong browser.
    pub fn current() -> Engine {
        let name = std::env::var("E2E_BROWSER").unwrap_or_default();
        match Engine::from_name(&name) {
            Some(engine) => engine,
            None if name.trim().is_empty() => Engine::Chromium,
            None => panic!("E2E_BROWSER={name:?}: expected chromium, firefox or webkit"),
        }
    }

    pub fn from_name(name: &str) -> Option<Engine> {
        Engine::ALL
            .into_iter()
            .find(|engine| engine.name() == name.trim().to_ascii_lowercase())
    }

    /// `chromium`, `firefox` or `webkit`: the `E2E_BROWSER` value, also used in file names.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// The WebDriver server's program: the environment variable, else the name on `PATH`.
    fn driver_program(self) -> std::ffi::OsString {
        let (variable, default) = match self {
            Engine::Chromium => ("CHROMEDRIVER", "chromedriver"),
            Engine::Firefox => ("GECKODRIVER", "geckodriver"),
            Engine::Webkit => ("WEBKIT_WEBDRIVER", "WebKitWebDriver"),
        };
        std::env::var_os(variable).unwrap_or_else(|| default.into())
    }

    /// The capabilities of a new session: headless where the engine can be, a French
    /// reader's locale, and the engine's own options.
    fn capabilities(self, profile_dir: &Path) -> TestResult<Value> {
        Ok(match self {
            Engine::Chromium => {
                let mut args: Vec<String> =
                    CHROMIUM_ARGS.iter().map(|arg| arg.to_string()).collect();
                args.push(format!("--user-data-dir={}", profile_dir.display()));
                let mut chrome_options = json!({
                    "args": args,
                    "prefs": { "intl.accept_languages": "fr-FR,fr" },
                });
                if let Some(binary) = std::env::var_os("CHROME_BIN") {
                    chrome_options["binary"] = json!(PathBuf::from(binary));
                }
                json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": chrome_options,
                    // Lets `console_errors` read the browser console.
                    "goog:loggingPrefs": { "browser": "ALL" },
                })
            }
            Engine::Firefox => {
                let mut firefox_options = json!({
                    "args": ["-headless"],
                    "prefs": {
                        "intl.accept_languages": "fr-FR, fr",
                        "intl.locale.requested": "fr-FR",
                        // Nothing that phones home during a test.
                        "app.update.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                    },
                });
                if let Some(binary) = std::env::var_os("FIREFOX_BIN") {
                    firefox_options["binary"] = json!(PathBuf::from(binary));
                }
                json!({ "browserName": "firefox", "moz:firefoxOptions": firefox_options })
            }
            Engine::Webkit => {
                if std::env::var_os("DISPLAY").is_none()
                    && std::env::var_os("WAYLAND_DISPLAY").is_none()
                {
                    return Err(
                        "WebKitGTK needs a display: run the tests under `xvfb-run -a` \
                                (as `cargo xtask test` does)"
                            .into(),
                    );
                }
                let binary = std::env::var_os("WEBKIT_MINIBROWSER")
                    .map(PathBuf::from)
                    .or_else(|| {
                        MINIBROWSER_CANDIDATES
                            .iter()
                            .map(PathBuf::from)
                            .find(|path| path.is_file())
                    })
                    .ok_or(
                        "MiniBrowser not found: install Debian's webkit2gtk-driver, or set \
                            WEBKIT_MINIBROWSER",
                    )?;
                json!({
                    "browserName": "MiniBrowser",
                    "webkitgtk:browserOptions": {
                        "binary": binary,
                        "args": ["--automation"],
                    },
                })
            }
        })
    }
}

/// A WebDriver server (chromedriver, geckodriver or WebKitWebDriver) on a free 127.0.0.1 port,
/// in its own process group; the group (the browser included) is killed when dropped.
pub struct Driver {
    process: Child,
    port: u16,
    engine: Engine,
}

/// The former name of [`Driver`]: `Chromedriver::start()` starts the driver of the engine
/// `E2E_BROWSER` names (Chromium by default).
pub type Chromedriver = Driver;

impl Driver {
    /// Starts the driver of [`Engine::current`] and waits until it accepts connections.
    pub fn start() -> TestResult<Driver> {
        Driver::start_engine(Engine::current())
    }

    /// Starts the driver of `engine` and waits until it accepts connections.
    pub fn start_engine(engine: Engine) -> TestResult<Driver> {
        use std::os::unix::process::CommandExt;

        let program = engine.driver_program();
        let port = free_port()?;
        let mut command = Command::new(&program);
        match engine {
            // geckodriver would otherwise log every WebDriver command.
            Engine::Firefox => command.args(["--port", &port.to_string(), "--log", "fatal"]),
            Engine::Chromium | Engine::Webkit => command.arg(format!("--port={port}")),
        };
        let process = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|err| {
                format!(
                    "could not start {} for {}: {err} (run `cargo xtask test`, which installs it)",
                    Path::new(&program).display(),
                    engine.name()
                )
            })?;
        let driver = Driver {
            process,
            port,
            engine,
        };
        let deadline = Instant::now() + READY_TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(format!(
                    "{} did not listen on port {port} within 10 s",
                    Path::new(&program).display()
                )
                .into());
            }
            std::thread::sleep(POLL_INTERVAL);
        }
        Ok(driver)
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// A new browser session (a fresh profile in `profile_dir` for Chromium; geckodriver and
    /// WebKitWebDriver make their own), with a 1280 × 900 window.
    pub async fn new_session(&self, profile_dir: &Path) -> TestResult<Client> {
        let Value::Object(capabilities) = self.engine.capabilities(profile_dir)? else {
            unreachable!("capabilities are a JSON object literal")
        };
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(capabilities);
        let url = self.url();
        let connect = builder.connect(&url);
        let client = tokio::time::timeout(SESSION_TIMEOUT, connect)
            .await
            .map_err(|_| {
                format!(
                    "no {} session after {} s (the driver hangs rather than fails when the \
                     browser cannot start)",
                    self.engine.name(),
                    SESSION_TIMEOUT.as_secs()
                )
            })?
            .map_err(|err| format!("could not open a {} session: {err}", self.engine.name()))?;
        if self.engine != Engine::Chromium {
            let (width, height) = WINDOW_SIZE;
            client.set_window_size(width, height).await?;
        }
        Ok(client)
    }

    /// The errors of the page since the last call: uncaught exceptions, unhandled rejections,
    /// `console.error`. Chromium's come from chromedriver's log endpoint (failed loads
    /// included); Firefox and WebKit have no such endpoint, so there they come from the hook
    /// [`wait_ready`] installs in the page (errors before it ran show as a page that never
    /// gets ready, or as the error panel).
    pub async fn console_errors(&self, client: &Client) -> TestResult<Vec<String>> {
        if self.engine != Engine::Chromium {
            return hooked_errors(client).await;
        }
        let session_id = client
            .session_id()
            .await?
            .ok_or("the WebDriver session has no id")?;
        let response = post_json(
            self.port,
            &format!("/session/{session_id}/se/log"),
            &json!({ "type": "browser" }),
        )?;
        let entries = response["value"]
            .as_array()
            .ok_or_else(|| format!("unexpected log response from chromedriver: {response}"))?;
        Ok(entries
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect())
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The driver's process group holds the browser it started: end them together, so a
        // session that hung or a journey that panicked leaves no browser behind. Each member is
        // named by its own (positive) process id: `kill` given a negative id or a signal name
        // in the wrong place can mean "every process".
        let members = process_group_members(self.process.id());
        if !members.is_empty() {
            let _ = Command::new("kill")
                .args(["-s", "KILL"])
                .args(members.iter().map(u32::to_string))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// The ids of the processes in process group `group_id` (from `/proc/<pid>/stat`), never this
/// process nor init.
fn process_group_members(group_id: u32) -> Vec<u32> {
    let own_id = std::process::id();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| pid > 1 && pid != own_id)
        .filter(|pid| {
            // `pid (comm) state ppid pgrp …`: the command may hold spaces and parentheses.
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            let after_comm = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            after_comm.split_whitespace().nth(2) == Some(group_id.to_string().as_str())
        })
        .collect()
}

/// Collects the page's errors in `window.__e2eErrors`: installed by [`install_error_hook`] in
/// the engines whose driver cannot read the console. Idempotent.
///
/// Only trusted `error` events count: the ones the browser itself fires for an uncaught
/// exception or a resource that failed to load. An `error` event a script dispatches
/// (`el.dispatchEvent(new Event('error'))`, as the XSS journey does to provoke would-be
/// `onerror` payloads) is untrusted and is no error of the page: recording those was the
/// whole of Firefox's "uncaught: error" failures in tests/e2e_xss.rs. Chromium's log never
/// had them, as it logs real errors only.
pub const ERROR_HOOK: &str = "
    if (!window.__e2eErrors) {
        window.__e2eErrors = [];
        const record = (text) => window.__e2eErrors.push(String(text));
        window.addEventListener('error', (e) => {
            if (!e.isTrusted) { return; }
            const where = e.filename ? ' at ' + e.filename + ':' + e.lineno
                : (e.target && e.target.tagName ? ' loading <' + e.target.tagName.toLowerCase() + '> ' +
                   (e.target.currentSrc || e.target.src || e.target.href || '') : '');
            record('uncaught: ' + (e.message || e.type) + where);
        }, true);
        window.addEventListener('unhandledrejection', (e) => e.isTrusted && record('unhandled rejection: ' +
            (e.reason && e.reason.stack || e.reason)));
        const originalError = console.error.bind(console);
        console.error = (...args) => { record('console.error: ' + args.join(' ')); originalError(...args); };
    }";

/// In Firefox and WebKit, installs in the current browsing context the hook that collects its
/// errors for the journey's final check ([`wait_ready`] does it for the app's page; a journey
/// calls this for a page without `#app`, or for a frame it leaves before the end). It sees the
/// errors from then on, in that document only.
pub async fn install_error_hook(client: &Client) -> TestResult {
    if Engine::current() != Engine::Chromium {
        client.execute(ERROR_HOOK, vec![]).await?;
    }
    Ok(())
}

/// The errors the hook of [`install_error_hook`] collected in the current browsing context since
/// the last call (none in Chromium, whose errors the journey reads from the log of every frame).
/// The journey's final check reads the context it ends in; this reads another one.
pub async fn hooked_errors(client: &Client) -> TestResult<Vec<String>> {
    let errors = client
        .execute(
            "const errors = window.__e2eErrors || []; \
             if (window.__e2eErrors) { window.__e2eErrors = []; } return errors;",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(errors).unwrap_or_default())
}

fn free_port() -> TestResult<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

/// A minimal HTTP/1.1 POST to the local chromedriver (fantoccini has no call for its logs).
fn post_json(port: u16, path: &str, body: &Value) -> TestResult<Value> {
    let context = |err: std::io::Error| format!("POST {path} to chromedriver: {err}");
    let body = body.to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(context)?;
    stream
        .set_read_timeout(Some(REACTION_TIMEOUT))
        .map_err(context)?;
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(context)?;
    // chromedriver keeps the connection open, so read exactly one response.
    let mut response = Vec::new();
    let mut buffer = [0; 8192];
    let payload = loop {
        let n_read = stream.read(&mut buffer).map_err(context)?;
        if n_read == 0 {
            return Err(format!("chromedriver closed the connection during POST {path}").into());
        }
        response.extend_from_slice(&buffer[..n_read]);
        if let Some(payload) = complete_payload(&response) {
            break payload;
        }
    };
    Ok(serde_json::from_str(&payload).map_err(|err| {
        format!("chromedriver answered POST {path} with non-JSON ({err}): {payload}")
    })?)
}

/// The body of `response` once it has fully arrived (by `Content-Length`, or chunked).
fn complete_payload(response: &[u8]) -> Option<String> {
    let response = String::from_utf8_lossy(response);
    let (head, payload) = response.split_once("\r\n\r\n")?;
    let head = head.to_ascii_lowercase();
    if head.contains("transfer-encoding: chunked") {
        return payload.ends_with("0\r\n\r\n").then(|| dechunk(payload));
    }
    let content_length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))?
        .trim()
        .parse()
        .ok()?;
    (payload.len() >= content_length).then(|| payload[..content_length].to_string())
}

fn dechunk(mut chunked: &str) -> String {
    let mut body = String::new();
    while let Some((size_line, rest)) = chunked.split_once("\r\n") {
        let size = usize::from_str_radix(size_line.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        body.push_str(&rest[..size]);
        chunked = rest[size..].trim_start_matches("\r\n");
    }
    body
}

/// Polls `probe` until it returns `Ok(value)`, for at most `timeout`. `Err(observed)` means
/// "not yet" and describes what the page showed, for the timeout message.
pub async fn wait_for<T, F, Fut>(what: &str, timeout: Duration, mut probe: F) -> TestResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = TestResult<Result<T, String>>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        let observed = match probe().await? {
            Ok(value) => return Ok(value),
            Err(observed) => observed,
        };
        if Instant::now() > deadline {
            return Err(format!(
                "timed out after {:.1} s waiting for {what}; observed: {observed}",
                timeout.as_secs_f64()
            )
            .into());
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// [`wait_for`] with the timeout for a reaction to one action.
pub async fn wait_until<T, F, Fut>(what: &str, probe: F) -> TestResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = TestResult<Result<T, String>>>,
{
    wait_for(what, REACTION_TIMEOUT, probe).await
}

/// Waits until `#app` is `data-state="ready"`; fails on `error` or after 10 s, with the
/// page's visible text. In Firefox and WebKit it first installs the hook that collects the
/// page's errors.
pub async fn wait_ready(client: &Client) -> TestResult {
    // Ready, and the charts built too (the app builds them once the timeline is drawn and the
    // page idle: `#app[data-charts=ready]`).
    let state_script = "const app = document.getElementById('app');\
                        const state = app ? app.getAttribute('data-state') : null;\
                        const charts = app ? app.getAttribute('data-charts') : null;\
                        return [state === 'ready' && charts !== 'ready' ? 'ready, charts pending' : state,\
                                document.body ? document.body.innerText : ''];";
    install_error_hook(client).await?;
    let deadline = Instant::now() + READY_TIMEOUT;
    loop {
        let observed = client.execute(state_script, vec![]).await?;
        let state = observed[0].as_str().unwrap_or("<no #app>");
        let visible_text = observed[1].as_str().unwrap_or_default();
        match state {
            "ready" => return Ok(()),
            "error" => {
                return Err(
                    format!("the app reported an error; the page shows:\n{visible_text}").into(),
                )
            }
            _ if Instant::now() > deadline => {
                return Err(format!(
                    "the app was still {state:?} after 10 s; the page shows:\n{visible_text}"
                )
                .into())
            }
            _ => tokio::time::sleep(POLL_INTERVAL).await,
        }
    }
}

/// Presses and releases `key` on whatever has the focus, as a user would.
pub async fn press(client: &Client, key: Key) -> TestResult {
    let value = char::from(key);
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value })
        .then(KeyAction::Up { value });
    client.perform_actions(actions).await?;
    Ok(())
}

/// An attribute of `document.activeElement`.
pub async fn active_attr(client: &Client, name: &str) -> TestResult<Option<String>> {
    let value = client
        .execute(
            "const active = document.activeElement;\
             return active ? active.getAttribute(arguments[0]) : null;",
            vec![json!(name)],
        )
        .await?;
    Ok(value.as_str().map(str::to_string))
}

/// An attribute of the first element matching `css`; fails when there is none.
pub async fn attr(client: &Client, css: &str, name: &str) -> TestResult<Option<String>> {
    let element = client
        .find(Locator::Css(css))
        .await
        .map_err(|err| format!("no element matches {css}: {err}"))?;
    Ok(element.attr(name).await?)
}

/// `<html lang>`.
pub async fn html_lang(client: &Client) -> TestResult<String> {
    let lang = client
        .execute("return document.documentElement.lang;", vec![])
        .await?;
    Ok(lang.as_str().unwrap_or_default().to_string())
}

/// The visible text of the first element matching `css`, whitespace collapsed; `None` when no
/// element matches.
pub async fn text_of(client: &Client, css: &str) -> TestResult<Option<String>> {
    let mut elements = client.find_all(Locator::Css(css)).await?;
    if elements.is_empty() {
        return Ok(None);
    }
    let text = elements.swap_remove(0).text().await?;
    Ok(Some(super::dataset::normalize_space(&text)))
}

/// `location.hash`, `#` included.
pub async fn location_hash(client: &Client) -> TestResult<String> {
    let hash = client.execute("return location.hash;", vec![]).await?;
    Ok(hash.as_str().unwrap_or_default().to_string())
}

/// Waits until the current browsing context's address ends in `#event_id`.
pub async fn wait_for_hash(client: &Client, event_id: &str, what: &str) -> TestResult {
    let expected = format!("#{event_id}");
    wait_until(what, || async {
        let hash = location_hash(client).await?;
        Ok(if hash == expected { Ok(()) } else { Err(hash) })
    })
    .await
}
