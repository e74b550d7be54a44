//! End-to-end journeys for the uses beyond the site itself (issue 4) that need Chromium's
//! DevTools: the embed code (copied with the clipboard permission, then pasted into an article),
//! a strict Content-Security-Policy with no request to another site (a recorder run before the
//! page's own scripts), the loading state (a slow network), the static version (scripts or
//! WebAssembly off), printing (print media), and the single file opened from `file://`. The
//! demo articles' auto-height journeys need none of that: they are in `e2e_article.rs`, which
//! runs in every engine.
//!
//! Ignored by a plain `cargo test`: they need the release build (`E2E_DIST`), the single file
//! (`E2E_SINGLE_FILE`) and chromedriver; `cargo xtask test` builds both, then runs them with
//! `--ignored --test-threads=1`. They print what they measure (`cargo test -- --nocapture`).
//!
//! The steps that need the browser itself go through chromedriver's Chrome DevTools endpoint
//! ([`cdp`]), so this file runs in Chromium only.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Client;
use serde_json::{json, Value};
use support::browser::{wait_for, wait_for_hash};
use support::dom::{DETAIL_TITLE, MARKER};
use support::embed::{click_visible_marker, report, scroll_frame_to, wait_frame_fits, FRAME};
use support::{
    events_in_date_order, events_in_file_order, journey, journey_with_headers, normalize_space,
    text_of, wait_ready, wait_until, Locator, TestResult,
};

/// The policy of the issue: nothing inline, nothing from elsewhere.
const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Chrome DevTools commands through chromedriver.

#[derive(Debug)]
struct Cdp {
    method: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Runs one Chrome DevTools Protocol command in the current tab (Chromium only).
async fn cdp(client: &Client, method: &'static str, params: Value) -> TestResult<Value> {
    if support::Engine::current() != support::Engine::Chromium {
        return Err(
            format!("{method} needs Chromium's DevTools: run with E2E_BROWSER=chromium").into(),
        );
    }
    Ok(client.issue_cmd(Cdp { method, params }).await?)
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_embed_code_reproduces_the_view_and_its_iframe_sizes_itself() -> TestResult {
    let events = events_in_file_order()?;
    journey(|client, site| async move {
        client.set_window_size(1280, 900).await?;
        client.goto(&site.url("/?lang=en")).await?;
        wait_ready(&client).await?;
        let marker = client.find(Locator::Css(MARKER)).await?;
        let event_id = marker
            .attr("data-event-id")
            .await?
            .ok_or("a marker without event id")?;
        marker.click().await?;
        client
            .find(Locator::Css("[data-testid=zoom-in]"))
            .await?
            .click()
            .await?;
        // The window goes into the address a moment after the last change.
        let view = wait_until("?view= in the address", || async {
            let search = client.execute("return location.search;", vec![]).await?;
            let search = search.as_str().unwrap_or_default().to_string();
            Ok(match search.split('&').find_map(|p| p.strip_prefix("view=")) {
                Some(view) => Ok(view.to_string()),
                None => Err(search),
            })
        })
        .await?;
        let timeline_view = |client: &Client| {
            let client = client.clone();
            async move {
                let view = client
                    .execute(
                        "const t = document.querySelector('[data-testid=timeline]');
                         return [t.getAttribute('data-view-start'), t.getAttribute('data-view-end')];",
                        vec![],
                    )
                    .await?;
                TestResult::Ok(view)
            }
        };
        let shown_view = timeline_view(&client).await?;

        client
            .find(Locator::Css("[data-testid=embed-button]"))
            .await?
            .click()
            .await?;
        // The dialog is a wasm chunk of its own, loaded on this first click.
        let code = wait_until("the embed dialog with its code", || async {
            let code = client
                .execute(
                    "const c = document.querySelector('[data-testid=embed-code]');
                     return c && c.closest('dialog').open ? c.value : '';",
                    vec![],
                )
                .await?;
            Ok(match code.as_str() {
                Some(code) if !code.is_empty() => Ok(code.to_string()),
                _ => Err("not open yet".to_string()),
            })
        })
        .await?;
        println!("[measure] embed code:\n{code}");
        for expected in [
            "<iframe src=\"",
            "?embed=1&amp;lang=en&amp;view=",
            &format!("#{event_id}\""),
            " data-ai-race-embed></iframe>",
            "/embed.js\" async></script>",
        ] {
            assert!(code.contains(expected), "{expected:?} not in {code}");
        }
        assert!(code.contains(&view), "the code carries the window {view}");

        // Copy: to the clipboard when the browser allows it (granted here), else selected.
        let origin = site.url("");
        cdp(
            &client,
            "Browser.grantPermissions",
            json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await?;
        client
            .find(Locator::Css("[data-testid=embed-copy]"))
            .await?
            .click()
            .await?;
        let status = wait_until("the copy status", || async {
            Ok(match text_of(&client, "[data-testid=embed-status]").await? {
                Some(status) if !status.is_empty() => Ok(status),
                other => Err(format!("{other:?}")),
            })
        })
        .await?;
        assert_eq!(status, "Code copied.");
        let copied = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.clipboard.readText().then(done, (e) => done('error: ' + e));",
                vec![],
            )
            .await?;
        assert_eq!(copied, json!(code), "the clipboard holds the code");
        client
            .find(Locator::Css("[data-testid=embed-close]"))
            .await?
            .click()
            .await?;

        // Pasted into an article, the code shows the same view, sized to its content.
        client.goto(&site.url("/article-fr.html")).await?;
        client
            .execute(
                "const figure = document.querySelector('.embed-figure');
                 figure.innerHTML = arguments[0];
                 window.aiRaceEmbed.refresh();
                 figure.scrollIntoView();",
                vec![json!(code)],
            )
            .await?;
        let fit = wait_frame_fits(&client, FRAME, "for the pasted code").await?;
        report("pasted embed code", &fit);
        assert_eq!(fit.lang, "en");
        client.enter_frame(0).await?;
        let event = events
            .iter()
            .find(|event| event.id == event_id)
            .ok_or("unknown event")?;
        assert_eq!(
            text_of(&client, DETAIL_TITLE).await?,
            Some(normalize_space(&event.title_en))
        );
        assert_eq!(timeline_view(&client).await?, shown_view);
        client.enter_parent_frame().await?;
        Ok(())
    })
    .await
}

/// Records `securitypolicyviolation` events from the start of every document (a DevTools
/// script runs before the page's own and is not subject to its policy).
const RECORD_VIOLATIONS: &str = "
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline')
            + ' ' + (event.sourceFile || '') + ':' + event.lineNumber);
    });";

/// Every request of the page and of its iframes (the navigations and every resource), and the
/// violations recorded in each.
const COLLECT: &str = "
    const docs = [window, ...[...document.querySelectorAll('iframe')].map(f => f.contentWindow)];
    const requests = [];
    const violations = [];
    for (const w of docs) {
        try {
            for (const entry of w.performance.getEntriesByType('navigation')) { requests.push(entry.name); }
            for (const entry of w.performance.getEntriesByType('resource')) { requests.push(entry.name); }
            violations.push(...(w.__cspViolations || []));
        } catch (e) { violations.push('unreadable frame: ' + e); }
    }
    return { requests, violations };";

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn under_a_strict_csp_nothing_is_blocked_and_nothing_is_requested_from_elsewhere(
) -> TestResult {
    let csp = vec![(
        "Content-Security-Policy".to_string(),
        STRICT_CSP.to_string(),
    )];
    journey_with_headers(csp, |client, site| async move {
        client.set_window_size(1280, 900).await?;
        cdp(
            &client,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": RECORD_VIOLATIONS }),
        )
        .await?;
        let origin = site.url("");
        let mut all_requests: Vec<String> = Vec::new();
        let mut all_violations: Vec<String> = Vec::new();

        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        let ready_ms = client
            .execute(
                "const mark = performance.getEntriesByName('ai-race:ready')[0];
                 return mark ? mark.startTime : null;",
                vec![],
            )
            .await?;
        println!("[measure] navigation to data-state=ready (strict CSP, 1280×900): {ready_ms} ms");
        assert!(ready_ms.is_number(), "boot.js marks when the app is ready");
        // A session of reading: an event, the other language, zoom, the embed dialog.
        client.find(Locator::Css(MARKER)).await?.click().await?;
        wait_until("the detail panel", || async {
            Ok(text_of(&client, DETAIL_TITLE)
                .await?
                .ok_or("no title".to_string()))
        })
        .await?;
        for button in [
            "lang-en",
            "zoom-in",
            "zoom-out",
            "embed-button",
            "embed-close",
        ] {
            // The embed dialog (and its close button) is a wasm chunk, loaded on the first
            // click of its button: the chunk's request is recorded like any other.
            let found = wait_until(button, || async {
                Ok(
                    match client
                        .find(Locator::Css(&format!("[data-testid={button}]")))
                        .await
                    {
                        Ok(found) => Ok(found),
                        Err(err) => Err(err.to_string()),
                    },
                )
            })
            .await?;
            found.click().await?;
        }
        let collected = client.execute(COLLECT, vec![]).await?;
        collect(&collected, &mut all_requests, &mut all_violations)?;

        client.goto(&site.url("/article-fr.html")).await?;
        scroll_frame_to(&client, 100.0).await?;
        wait_frame_fits(&client, FRAME, "under the strict CSP").await?;
        click_visible_marker(&client).await?;
        wait_frame_fits(&client, FRAME, "after selecting an event").await?;
        let collected = client.execute(COLLECT, vec![]).await?;
        collect(&collected, &mut all_requests, &mut all_violations)?;

        let foreign: Vec<&String> = all_requests
            .iter()
            .filter(|url| !url.starts_with(&origin))
            .collect();
        println!(
            "[measure] requests: {} in the session, {} to another origin; CSP violations: {}",
            all_requests.len(),
            foreign.len(),
            all_violations.len()
        );
        assert!(
            foreign.is_empty(),
            "requests to another origin: {foreign:?}"
        );
        assert!(
            all_violations.is_empty(),
            "CSP violations: {all_violations:#?}"
        );
        assert!(
            all_requests.iter().any(|url| url.ends_with(".wasm")),
            "the wasm request is counted: {all_requests:#?}"
        );
        // The recorder ran from the start in the page and in its iframe (a violation would also
        // show in the console, which the journey checks).
        let recorders = client
            .execute(
                "return [window, document.querySelector(arguments[0]).contentWindow]
                     .map(w => Array.isArray(w.__cspViolations));",
                vec![json!(FRAME)],
            )
            .await?;
        assert_eq!(recorders, json!([true, true]));
        Ok(())
    })
    .await
}

fn collect(
    collected: &Value,
    requests: &mut Vec<String>,
    violations: &mut Vec<String>,
) -> TestResult {
    let strings = |key: &str| -> TestResult<Vec<String>> {
        Ok(serde_json::from_value(collected[key].clone())?)
    };
    requests.extend(strings("requests")?);
    violations.extend(strings("violations")?);
    Ok(())
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_loading_state_holds_the_place_of_the_timeline() -> TestResult {
    journey(|client, site| async move {
        client.set_window_size(1280, 900).await?;
        // A slow network keeps the page in its loading state long enough to measure it.
        cdp(&client, "Network.enable", json!({})).await?;
        let throttle = |bytes_per_second: i64| {
            json!({ "offline": false, "latency": 0,
                    "downloadThroughput": bytes_per_second, "uploadThroughput": -1 })
        };
        cdp(
            &client,
            "Network.emulateNetworkConditions",
            throttle(100_000),
        )
        .await?;
        client
            .execute(
                "location.href = arguments[0];",
                vec![json!(site.url("/"))],
            )
            .await?;
        const TIMELINE_BOX: &str = "
            const app = document.getElementById('app');
            const timeline = document.querySelector(arguments[0]);
            if (!app || !timeline || timeline.getClientRects().length === 0) { return null; }
            const box = timeline.getBoundingClientRect();
            return [app.getAttribute('data-state'), box.top, box.height];";
        let loading = wait_for(
            "the loading state",
            Duration::from_secs(20),
            || async {
                let measured = client
                    .execute(TIMELINE_BOX, vec![json!(".loading-state .timeline")])
                    .await?;
                Ok(match measured[0].as_str() {
                    Some("loading") => Ok(measured),
                    _ => Err(format!("{measured}")),
                })
            },
        )
        .await?;
        let loading_message = text_of(&client, "[data-testid=loading-state] [role=status]").await?;
        assert_eq!(loading_message.as_deref(), Some("Chargement de la chronologie…"));
        cdp(&client, "Network.emulateNetworkConditions", throttle(-1)).await?;
        wait_ready(&client).await?;
        let ready = client
            .execute(TIMELINE_BOX, vec![json!("[data-testid=timeline]")])
            .await?;
        let (top_shift, height_change) = (
            ready[1].as_f64().unwrap_or(f64::NAN) - loading[1].as_f64().unwrap_or(f64::NAN),
            ready[2].as_f64().unwrap_or(f64::NAN) - loading[2].as_f64().unwrap_or(f64::NAN),
        );
        println!(
            "[measure] loading → ready: the timeline moved {top_shift:.1} px, its height changed {height_change:.1} px"
        );
        assert!(top_shift.abs() <= 2.0, "loading {loading}, ready {ready}");
        assert!(height_change.abs() <= 2.0, "loading {loading}, ready {ready}");
        Ok(())
    })
    .await
}

/// The static version as shown: is it displayed, how many events, how many with a date, quotes
/// and figure rows, and whether the app's loading state shows.
const STATIC_VERSION: &str = "
    const shown = (e) => !!e && e.getClientRects().length > 0;
    const version = document.querySelector('[data-testid=static-version]');
    const events = [...document.querySelectorAll('[data-testid=static-events] > li')];
    return {
        shown: shown(version),
        loading_shown: shown(document.querySelector('[data-testid=loading-state]')),
        n_events: events.length,
        n_dated: events.filter(li => li.querySelector('time[datetime]')).length,
        n_quotes: document.querySelectorAll('[data-testid=static-events] blockquote [lang=fr]').length,
        n_figures: document.querySelectorAll('[data-testid=static-figures] tbody tr').length,
        ids: events.map(li => li.getAttribute('data-event-id')),
        state: document.getElementById('app').getAttribute('data-state'),
    };";

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn without_scripts_or_webassembly_the_static_version_tells_the_whole_story() -> TestResult {
    let events = events_in_date_order()?;
    let dataset: Value = serde_json::from_str(&std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(support::dataset::DATASET_PATH),
    )?)?;
    let n_figures = dataset["figures"].as_array().map_or(0, Vec::len);
    let n_quotes: usize = events.iter().map(|event| event.seed_quotes.len()).sum();
    journey(|client, site| async move {
        let expected_ids: Vec<String> = events.iter().map(|event| event.id.clone()).collect();
        // Scripts off.
        cdp(
            &client,
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await?;
        client.goto(&site.url("/")).await?;
        let shown = client.execute(STATIC_VERSION, vec![]).await?;
        assert_eq!(shown["shown"], json!(true), "{shown}");
        assert_eq!(shown["loading_shown"], json!(false), "{shown}");
        assert_eq!(
            shown["ids"],
            json!(expected_ids),
            "every event, in date order"
        );
        assert_eq!(shown["n_dated"], json!(events.len()));
        assert_eq!(shown["n_quotes"], json!(n_quotes));
        assert_eq!(shown["n_figures"], json!(n_figures));
        cdp(
            &client,
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": false }),
        )
        .await?;

        // Scripts on, WebAssembly missing: boot.js leaves the static version.
        cdp(
            &client,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "delete window.WebAssembly;" }),
        )
        .await?;
        client.goto(&site.url("/?embed=1")).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let shown = client.execute(STATIC_VERSION, vec![]).await?;
        assert_eq!(shown["shown"], json!(true), "{shown}");
        assert_eq!(shown["loading_shown"], json!(false), "{shown}");
        assert_eq!(shown["state"], json!("loading"));
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn printing_turns_the_timeline_into_a_dated_list_in_the_readers_language() -> TestResult {
    let events = events_in_date_order()?;
    journey(|client, site| async move {
        client.goto(&site.url("/?lang=en")).await?;
        wait_ready(&client).await?;
        // What writes the list is a wasm chunk, loaded once the page is idle.
        wait_until("#app[data-print=ready]", || async {
            let print = client
                .execute("return document.getElementById('app').getAttribute('data-print');", vec![])
                .await?;
            Ok(if print == json!("ready") { Ok(()) } else { Err(format!("{print}")) })
        })
        .await?;
        cdp(
            &client,
            "Emulation.setEmulatedMedia",
            json!({ "media": "print" }),
        )
        .await?;
        const PRINTED: &str = "
            const shown = (css) => { const e = document.querySelector(css);
                return !!e && e.getClientRects().length > 0; };
            return {
                list: shown('[data-testid=print-version]'),
                timeline: shown('[data-testid=timeline]'),
                zoom: shown('[data-testid=zoom-in]'),
                titles: [...document.querySelectorAll('[data-testid=print-version] li h3')].map(h => h.textContent),
                dates: document.querySelectorAll('[data-testid=print-version] li time[datetime]').length,
            };";
        client
            .execute("window.dispatchEvent(new Event('beforeprint'));", vec![])
            .await?;
        let printed = client.execute(PRINTED, vec![]).await?;
        let titles: Vec<String> = events.iter().map(|e| normalize_space(&e.title_en)).collect();
        let shown_titles: Vec<String> = serde_json::from_value::<Vec<String>>(printed["titles"].clone())?
            .iter()
            .map(|title| normalize_space(title))
            .collect();
        assert_eq!(shown_titles, titles, "every event, in date order, in English");
        assert_eq!(printed["dates"], json!(events.len()));
        assert_eq!(printed["list"], json!(true), "{printed}");
        assert_eq!(printed["timeline"], json!(false), "{printed}");
        assert_eq!(printed["zoom"], json!(false), "{printed}");

        client
            .execute("window.dispatchEvent(new Event('afterprint'));", vec![])
            .await?;
        cdp(&client, "Emulation.setEmulatedMedia", json!({ "media": "" })).await?;
        let after = client.execute(PRINTED, vec![]).await?;
        assert_eq!(after["titles"], json!([]), "emptied after printing");
        assert_eq!(after["timeline"], json!(true));
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs the single file (E2E_SINGLE_FILE) and chromedriver: run `cargo xtask test`"]
async fn the_single_file_works_from_the_file_system_with_deep_links() -> TestResult {
    let path = std::env::var_os("E2E_SINGLE_FILE")
        .map(std::path::PathBuf::from)
        .ok_or(
            "E2E_SINGLE_FILE is not set: run `cargo xtask test` (or `cargo xtask single-file`)",
        )?;
    let size = std::fs::metadata(&path)
        .map_err(|err| format!("{}: {err}", path.display()))?
        .len();
    println!(
        "[measure] single file {}: {:.1} KiB",
        path.display(),
        size as f64 / 1024.0
    );
    let events = events_in_date_order()?;
    let file_url = format!("file://{}", path.display());
    journey(|client, _site| async move {
        let event = &events[events.len() / 2];
        client
            .goto(&format!("{file_url}?lang=en#{}", event.id))
            .await?;
        wait_ready(&client).await?;
        assert_eq!(
            support::attr(&client, "#app", "data-event-count").await?,
            Some(events.len().to_string())
        );
        let title = normalize_space(&event.title_en);
        wait_until("the linked event's detail", || async {
            Ok(match text_of(&client, DETAIL_TITLE).await? {
                Some(shown) if shown == title => Ok(()),
                other => Err(format!("{other:?}")),
            })
        })
        .await?;
        // Nothing was fetched: no resource at all besides the page.
        let resources = client
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name);",
                vec![],
            )
            .await?;
        assert_eq!(resources, json!([]), "the single file fetches nothing");
        let embed_buttons = client
            .find_all(Locator::Css("[data-testid=embed-button]"))
            .await?;
        assert!(embed_buttons.is_empty(), "no embed code for a file:// page");

        // Selecting another event updates the deep link, under file:// too.
        let marker = client
            .find(Locator::Css(&format!(
                "{MARKER}:not([data-event-id=\"{}\"])",
                event.id
            )))
            .await?;
        let other_id = marker.attr("data-event-id").await?.unwrap_or_default();
        marker.click().await?;
        wait_for_hash(&client, &other_id, "the new event in the address").await?;
        Ok(())
    })
    .await
}
