//! Hostile and huge files at run time (issue 17, point 4): a missing file, a page instead of
//! data, a file cut off half-way, a file served slowly, a 200 MB file and a 5,000-level nested
//! array picked on the computer. Each gets its own message in French and in English, the page
//! stays responsive (no main-thread task over 200 ms, measured with a `longtask`
//! PerformanceObserver where the engine has one: Chromium), and the published story is one
//! click away.
//!
//! The test server (tests/support/server.rs) serves the release build on 127.0.0.1, plus a
//! file it cuts off half-way and one it sends slowly.
//!
//! Ignored by a plain `cargo test`: they need the release build and a WebDriver server; run
//! `cargo xtask test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::dom::wait_for_state;
use support::server::{CUT_OFF_PATH, SLOW_PATH, SLOW_PAUSE, SLOW_PIECES};
use support::{attr, journey, text_of, wait_ready, wait_until, Locator, TestResult};

const ERROR_PANEL: &str = "[data-testid=error-panel]";

/// Starts recording long main-thread tasks in `window.__longTasks` (durations in ms), where
/// the engine reports them; returns whether it does.
const OBSERVE_LONG_TASKS: &str = "
    window.__longTasks = [];
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes('longtask')) { window.__longTasks = null; return false; }
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) { window.__longTasks.push(entry.duration); }
    }).observe({ type: 'longtask', buffered: true });
    return true;";

/// The page's longest main-thread task so far, in ms (`None` where it is not measured).
async fn longest_task(client: &fantoccini::Client) -> TestResult<Option<f64>> {
    let value = client
        .execute(
            "return window.__longTasks ? Math.max(0, ...window.__longTasks) : null;",
            vec![],
        )
        .await?;
    Ok(value.as_f64())
}

/// Chromium's log endpoint (chromedriver's `se/log`): reading it empties it.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// Takes out of Chromium's log the one error a case provokes on purpose (the browser's own
/// report of a failed load of `url`), so that the journey's final check still sees any other;
/// fails on any other error. Firefox and WebKit report no failed fetch to the page.
async fn expect_only_the_failed_load_of(client: &fantoccini::Client, url: &str) -> TestResult {
    if support::Engine::current() != support::Engine::Chromium {
        return Ok(());
    }
    let entries = client.issue_cmd(BrowserLog).await?;
    let others: Vec<String> = entries
        .as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
        .filter(|message| {
            !(message.starts_with(url) && message.contains("Failed to load resource"))
        })
        .collect();
    assert!(
        others.is_empty(),
        "errors besides the failed load of {url}: {others:#?}"
    );
    Ok(())
}

/// The error panel's text in French, then in English (the language switch), and back to
/// French.
async fn panel_in_both_languages(client: &fantoccini::Client) -> TestResult<(String, String)> {
    let fr = text_of(client, ERROR_PANEL).await?.unwrap_or_default();
    client
        .find(Locator::Css("[data-testid=lang-en]"))
        .await?
        .click()
        .await?;
    let en = wait_until("the panel in English", || async {
        let text = text_of(client, ERROR_PANEL).await?.unwrap_or_default();
        Ok(if text != fr { Ok(text) } else { Err(text) })
    })
    .await?;
    client
        .find(Locator::Css("[data-testid=lang-fr]"))
        .await?
        .click()
        .await?;
    Ok((fr, en))
}

/// The published story, one click away: the data tools' button brings it back.
async fn back_to_the_published_story(client: &fantoccini::Client, what: &str) -> TestResult {
    let button = wait_until("the button back to the published story", || async {
        Ok(
            match client
                .find(Locator::Css("[data-testid=data-published]"))
                .await
            {
                Ok(found) => Ok(found),
                Err(err) => Err(err.to_string()),
            },
        )
    })
    .await?;
    button.click().await?;
    wait_for_state(client, "ready").await?;
    let count = attr(client, "#app", "data-event-count").await?;
    let published: usize = count.as_deref().unwrap_or("0").parse()?;
    assert!(
        published > 20,
        "{what}: the published story is back ({count:?} events)"
    );
    Ok(())
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a WebDriver server: run `cargo xtask test`"]
async fn each_unreadable_address_says_why_in_both_languages_and_the_story_is_one_click_away(
) -> TestResult {
    journey(|client, site| async move {
        let cases = [
            (
                "fixtures/missing.json".to_string(),
                "n’existe pas sur ce site (réponse HTTP 404)",
                "does not exist on this site (HTTP status 404)",
            ),
            (
                "index.html".to_string(),
                "pas comme des données",
                "(text/html), not as data",
            ),
            (
                CUT_OFF_PATH.trim_start_matches('/').to_string(),
                "la connexion a été coupée avant la fin du fichier",
                "the connection was cut before the end of the file",
            ),
        ];
        for (value, fr_why, en_why) in cases {
            client.goto(&site.url(&format!("/?data={value}"))).await?;
            wait_for_state(&client, "error").await?;
            let (fr, en) = panel_in_both_languages(&client).await?;
            println!("[measure] ?data={value}\n  fr: {fr}\n  en: {en}");
            // (The page's narrow no-break spaces read as spaces: `text_of` collapses white space.)
            assert!(fr.contains(&format!("« {value} »")), "{fr}");
            assert!(fr.contains(fr_why), "{value}: {fr}");
            assert!(en.contains(&format!("\"{value}\"")), "{en}");
            assert!(en.contains(en_why), "{value}: {en}");
            if !value.starts_with("index") {
                expect_only_the_failed_load_of(&client, &site.url(&format!("/{value}"))).await?;
            }
            back_to_the_published_story(&client, &value).await?;
        }
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a WebDriver server: run `cargo xtask test`"]
async fn a_file_served_slowly_shows_the_loading_state_then_its_events() -> TestResult {
    journey(|client, site| async move {
        let started = Instant::now();
        client
            .goto(&site.url(&format!("/?data={}", SLOW_PATH.trim_start_matches('/'))))
            .await?;
        let state = attr(&client, "#app", "data-state").await?;
        assert_eq!(state.as_deref(), Some("loading"), "while the file arrives");
        let measured = client.execute(OBSERVE_LONG_TASKS, vec![]).await?;
        support::browser::wait_for("the slow file", Duration::from_secs(15), || async {
            let state = attr(&client, "#app", "data-state").await?;
            Ok(if state.as_deref() == Some("ready") {
                Ok(())
            } else {
                Err(format!("{state:?}"))
            })
        })
        .await?;
        let took = started.elapsed();
        assert!(took >= SLOW_PAUSE * SLOW_PIECES as u32, "{took:?}");
        assert_eq!(
            attr(&client, "#app", "data-event-count").await?.as_deref(),
            Some("2")
        );
        wait_ready(&client).await?;
        let longest = longest_task(&client).await?;
        println!("[measure] slow file: ready after {took:?}; longest task {longest:?} ms (measured: {measured})");
        if measured == json!(true) {
            assert!(longest.unwrap_or(0.0) < 200.0, "a task of {longest:?} ms");
        }
        back_to_the_published_story(&client, "slow file").await
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a WebDriver server: run `cargo xtask test`"]
async fn a_huge_or_deeply_nested_picked_file_is_refused_without_freezing_the_page() -> TestResult {
    let dir = std::env::temp_dir().join(format!("ai-race-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    // 200 MB (sparse on disk: its size is what the page must refuse, before reading).
    let huge = dir.join("huge.json");
    std::fs::File::create(&huge)?.set_len(200_000_000)?;
    let nested = dir.join("nested.json");
    std::fs::write(&nested, "[".repeat(5000) + &"]".repeat(5000))?;
    let result = journey(move |client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        let measured = client.execute(OBSERVE_LONG_TASKS, vec![]).await?;
        let cases = [
            (
                huge,
                "Le fichier fait 200 Mo ; la limite est de 100 Mo.",
                "The file is 200 MB; the limit is 100 MB.",
            ),
            (
                nested,
                "n’a pas la forme attendue",
                "does not have the expected shape",
            ),
        ];
        for (path, fr_message, en_message) in cases {
            let picker = wait_until("the file picker", || async {
                Ok(
                    match client.find(Locator::Css("[data-testid=data-file]")).await {
                        Ok(picker) => Ok(picker),
                        Err(err) => Err(err.to_string()),
                    },
                )
            })
            .await?;
            client
                .execute(
                    "if (window.__longTasks) { window.__longTasks = []; }",
                    vec![],
                )
                .await?;
            let started = Instant::now();
            picker.send_keys(&path.display().to_string()).await?;
            wait_for_state(&client, "error").await?;
            let took = started.elapsed();
            let while_reading = longest_task(&client).await?;
            let (fr, en) = panel_in_both_languages(&client).await?;
            println!(
                "[measure] {}: error shown after {took:?}\n  fr: {fr}\n  en: {en}",
                path.display()
            );
            assert!(fr.contains(fr_message), "{fr}");
            assert!(en.contains(en_message), "{en}");
            if measured == json!(true) {
                assert!(
                    while_reading.unwrap_or(0.0) < 200.0,
                    "{}: a task of {while_reading:?} ms while reading",
                    path.display()
                );
            }
            client
                .execute(
                    "if (window.__longTasks) { window.__longTasks = []; }",
                    vec![],
                )
                .await?;
            back_to_the_published_story(&client, &path.display().to_string()).await?;
            // Rebuilding the whole published page is the app's rendering, not the file's
            // reading: reported, not asserted here (issue 15 measures it).
            let rebuilding = longest_task(&client).await?;
            println!(
                "[measure] {}: longest task {while_reading:?} ms while reading (measured: \
                 {measured}), {rebuilding:?} ms rebuilding the published page",
                path.display()
            );
        }
        Ok(())
    })
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}
