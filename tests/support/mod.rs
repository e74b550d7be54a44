//! The end-to-end harness: the release build served on 127.0.0.1, a browser driven through
//! WebDriver (Chromium, Firefox or WebKit, as `E2E_BROWSER` says), and helpers written in the
//! app's DOM contract (`data-testid`s).
//!
//! Code map: `server` serves `E2E_DIST`, `browser` starts the engine's driver and holds the page
//! helpers, `dataset` reads the expectations from the dataset file, `gestures` performs touch,
//! wheel and drag input, `audit` runs axe-core and the measurements axe cannot make,
//! `viewport` shows the page at a given width, `dom` names the app's selectors and the waits
//! written on them, and `embed` measures the embed iframe from the
//! page around it.

// Each test binary uses part of the harness.
#![allow(dead_code, unused_imports)]

pub mod audit;
pub mod browser;
pub mod dataset;
pub mod dom;
pub mod embed;
pub mod gestures;
pub mod server;
pub mod viewport;

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use fantoccini::Client;

pub use browser::Engine;
pub use browser::{
    active_attr, attr, html_lang, location_hash, press, text_of, wait_ready, wait_until,
};
pub use dataset::{day_number, events_in_date_order, events_in_file_order, normalize_space, Event};
pub use fantoccini::key::Key;
pub use fantoccini::Locator;

/// What a journey step returns: `?` works on any error, and a failure prints as its message.
pub type TestResult<T = ()> = Result<T, Failure>;

/// A test failure. Its `Debug` (what the test harness prints) is the plain message, so that
/// multi-line messages such as the page's visible text stay readable.
pub struct Failure(Box<dyn std::error::Error + Send + Sync>);

impl<E: Into<Box<dyn std::error::Error + Send + Sync>>> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure(error.into())
    }
}

impl std::fmt::Debug for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where the journey's page lives.
#[derive(Debug, Clone)]
pub struct Site {
    base_url: String,
}

impl Site {
    /// The address of `path_and_rest` (`/`, `/?lang=en`, `/#event-id`…) on the test server.
    pub fn url(&self, path_and_rest: &str) -> String {
        format!("{}{path_and_rest}", self.base_url)
    }
}

/// Runs `journey` against the release build in a fresh session of the engine `E2E_BROWSER`
/// names (headless Chromium by default).
///
/// Every journey ends by checking that the browser console holds no error. The browser, the
/// driver, the server and the profile are torn down whether the journey passes, fails or panics.
pub async fn journey<F, Fut>(journey: F) -> TestResult
where
    F: FnOnce(Client, Site) -> Fut,
    Fut: Future<Output = TestResult> + Send + 'static,
{
    journey_with_headers(Vec::new(), journey).await
}

/// [`journey`], with `extra_headers` on every response of the server (a
/// `Content-Security-Policy`, say).
pub async fn journey_with_headers<F, Fut>(
    extra_headers: Vec<(String, String)>,
    journey: F,
) -> TestResult
where
    F: FnOnce(Client, Site) -> Fut,
    Fut: Future<Output = TestResult> + Send + 'static,
{
    let dist_dir = dist_dir()?;
    let server = server::StaticServer::start(&dist_dir, extra_headers)?;
    let site = Site {
        base_url: server.url(""),
    };
    let driver = browser::Driver::start()?;
    let profile_dir = fresh_profile_dir()?;
    let client = driver.new_session(&profile_dir).await?;

    // In its own task so that a panicking assertion still lets us close the browser.
    let outcome = tokio::spawn(journey(client.clone(), site)).await;
    let console_errors = driver.console_errors(&client).await;
    let closed = client.close().await;
    drop(driver);
    drop(server);
    let _ = std::fs::remove_dir_all(&profile_dir);

    match outcome {
        Err(join_error) if join_error.is_panic() => {
            std::panic::resume_unwind(join_error.into_panic())
        }
        Err(join_error) => Err(format!("the journey was cancelled: {join_error}").into()),
        Ok(Err(err)) => Err(err),
        Ok(Ok(())) => {
            let console_errors = console_errors?;
            if !console_errors.is_empty() {
                return Err(format!(
                    "the browser console has errors:\n{}",
                    console_errors.join("\n")
                )
                .into());
            }
            closed.map_err(|err| format!("could not close the browser: {err}"))?;
            Ok(())
        }
    }
}

/// The release build to test: `E2E_DIST`, set by `cargo xtask test`.
fn dist_dir() -> TestResult<PathBuf> {
    let dist_dir = std::env::var_os("E2E_DIST").map(PathBuf::from).ok_or(
        "E2E_DIST is not set: it names the release build (trunk build --release) to test; \
         run `cargo xtask test`",
    )?;
    if !dist_dir.join("index.html").is_file() {
        return Err(format!(
            "E2E_DIST={} has no index.html; run `trunk build --release --offline` first",
            dist_dir.display()
        )
        .into());
    }
    Ok(dist_dir)
}

fn fresh_profile_dir() -> TestResult<PathBuf> {
    static N_PROFILES: AtomicUsize = AtomicUsize::new(0);
    let profile_idx = N_PROFILES.fetch_add(1, Ordering::SeqCst);
    let dir =
        std::env::temp_dir().join(format!("ai-race-e2e-{}-{profile_idx}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
