//! No leaks (issue 17, point 6), in Chromium: 50 dataset swaps (a picked TimelineJS file,
//! then back to the published story), then 1,000 steps through the events with the detail
//! panel's Next and Previous buttons.
//!
//! Asserted: after the swaps, the JavaScript heap plus the WebAssembly memory (after a
//! garbage collection) stay within 10 % of the warm page's (after 5 swaps: see the test for
//! why not the first load's), the wasm memory stays flat, the page holds as many event
//! listeners as at the first load and as many DOM nodes as the warm page; the steps add no
//! node and no listener. Printed, not asserted: the memory after the steps (it grows; see the
//! end of the test).
//!
//! The figures come from Chromium's DevTools (HeapProfiler.collectGarbage,
//! Runtime.getHeapUsage, Memory.getDOMCounters); the WebAssembly memories are recorded by a
//! script run before the page's own. The live observer/listener count of the app's own hooks
//! (`browser::live_hooks`) is checked in tests/web_hooks.rs.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{journey, press, wait_ready, wait_until, Key, TestResult};

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

async fn cdp(
    client: &fantoccini::Client,
    method: &'static str,
    params: Value,
) -> TestResult<Value> {
    Ok(client.issue_cmd(Cdp { method, params }).await?)
}

/// Run before the page's own scripts: keeps every WebAssembly memory the page instantiates
/// (the app's, which its split chunks share) in `window.__wasmMemories`, so that the test can
/// read their sizes. It changes nothing else.
const RECORD_WASM_MEMORIES: &str = "
    window.__wasmMemories = [];
    const keep = (value) => {
        if (value instanceof WebAssembly.Memory && !window.__wasmMemories.includes(value)) {
            window.__wasmMemories.push(value);
        }
    };
    const keepAll = (result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
        if (instance) { Object.values(instance.exports).forEach(keep); }
        return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
        const original = WebAssembly[name];
        if (original) {
            WebAssembly[name] = function (...args) {
                return original.apply(this, args).then(keepAll);
            };
        }
    }";

/// What the page holds after a garbage collection.
#[derive(Debug, Clone, Copy)]
struct Memory {
    /// Bytes of the JavaScript heap in use (`Runtime.getHeapUsage`).
    js_heap: f64,
    /// Bytes of the WebAssembly memories (`memory.buffer.byteLength`).
    wasm: f64,
    /// Live DOM nodes (`Memory.getDOMCounters`).
    nodes: u64,
    /// Live JavaScript event listeners (`Memory.getDOMCounters`).
    listeners: u64,
}

impl Memory {
    fn total(&self) -> f64 {
        self.js_heap + self.wasm
    }
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "JS heap {:.2} MB + wasm {:.2} MB = {:.2} MB; {} DOM nodes, {} listeners",
            self.js_heap / 1e6,
            self.wasm / 1e6,
            self.total() / 1e6,
            self.nodes,
            self.listeners
        )
    }
}

async fn measure(client: &fantoccini::Client) -> TestResult<Memory> {
    // Settled: no pending work of the page's own (idle callbacks, timers) left to allocate.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    for _ in 0..3 {
        cdp(client, "HeapProfiler.collectGarbage", json!({})).await?;
    }
    let heap = cdp(client, "Runtime.getHeapUsage", json!({})).await?;
    let wasm = client
        .execute(
            "return window.__wasmMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0);",
            vec![],
        )
        .await?
        .as_f64()
        .ok_or("no WebAssembly memory recorded")?;
    assert!(wasm > 0.0, "the app's WebAssembly memory was recorded");
    let counters = cdp(client, "Memory.getDOMCounters", json!({})).await?;
    let count = |name: &str| {
        counters[name]
            .as_u64()
            .ok_or_else(|| format!("no {name} in {counters}"))
    };
    Ok(Memory {
        js_heap: heap["usedSize"].as_f64().ok_or("no usedSize")?,
        wasm,
        nodes: count("nodes")?,
        listeners: count("jsEventListeners")?,
    })
}

/// Reads the page through scripts that return small plain values only: an element WebDriver
/// finds stays in chromedriver's element cache for the session (and keeps a detached page,
/// its whole tree, alive), and the harness's `wait_ready`, which returns the page's whole
/// text at each poll, leaves about 29 KB of JS heap per call in Chromium (measured: 100
/// calls, +2.9 MB). Either would be the test's leak, not the app's.
async fn page_value(client: &fantoccini::Client, script: &str) -> TestResult<Value> {
    Ok(client.execute(script, vec![]).await?)
}

async fn event_count(client: &fantoccini::Client) -> TestResult<usize> {
    let count = page_value(
        client,
        "return document.getElementById('app').getAttribute('data-event-count');",
    )
    .await?;
    Ok(count.as_str().unwrap_or_default().parse()?)
}

/// Waits until the page shows `n_events` events, ready, with its charts.
async fn wait_for_events(client: &fantoccini::Client, n_events: usize) -> TestResult {
    wait_until("the data to show", || async {
        let seen = page_value(
            client,
            "const app = document.getElementById('app');\
             return [app.getAttribute('data-event-count'), app.getAttribute('data-state'),\
                     app.getAttribute('data-charts')].join(' ');",
        )
        .await?;
        let seen = seen.as_str().unwrap_or_default().to_string();
        assert!(!seen.contains("error"), "the page shows an error: {seen}");
        Ok(if seen == format!("{n_events} ready ready") {
            Ok(())
        } else {
            Err(format!(
                "{seen} (count, state, charts), not {n_events} events"
            ))
        })
    })
    .await
}

/// Picks `file` in the data tools' file picker, through DevTools (no WebDriver element).
async fn pick(client: &fantoccini::Client, file: &str) -> TestResult {
    let picker = "[data-testid=data-file]";
    wait_until("the file picker", || async {
        let found = page_value(
            client,
            &format!("return !!document.querySelector('{picker}');"),
        )
        .await?;
        Ok(if found == json!(true) {
            Ok(())
        } else {
            Err("not yet".to_string())
        })
    })
    .await?;
    let document = cdp(client, "DOM.getDocument", json!({ "depth": 0 })).await?;
    let input = cdp(
        client,
        "DOM.querySelector",
        json!({ "nodeId": document["root"]["nodeId"], "selector": picker }),
    )
    .await?;
    cdp(
        client,
        "DOM.setFileInputFiles",
        json!({ "nodeId": input["nodeId"], "files": [file] }),
    )
    .await?;
    Ok(())
}

/// Shows the picked TimelineJS file `file` (of `n_picked` events), then the published story
/// again (of `n_published` events) with its button, waiting each time for the whole page.
async fn swap_and_back(
    client: &fantoccini::Client,
    file: &str,
    n_picked: usize,
    n_published: usize,
) -> TestResult {
    pick(client, file).await?;
    wait_for_events(client, n_picked).await?;
    wait_until("the button back to the published story", || async {
        let clicked = page_value(
            client,
            "const back = document.querySelector('[data-testid=data-published]');\
             if (back) { back.click(); } return !!back;",
        )
        .await?;
        Ok(if clicked == json!(true) {
            Ok(())
        } else {
            Err("no button yet".to_string())
        })
    })
    .await?;
    wait_for_events(client, n_published).await
}

/// The id of the event the detail panel shows, if any.
async fn detail_shown(client: &fantoccini::Client) -> TestResult<Option<String>> {
    let id = page_value(
        client,
        "const card = document.querySelector('[data-testid=detail] .detail-card');\
         return card ? card.getAttribute('data-event-id') : null;",
    )
    .await?;
    Ok(id.as_str().map(str::to_string))
}

/// One step of the detail panel (`next` or `previous`): clicks its button, then waits for
/// the panel to show another event. Answers `{ id, moved }` (not moved: the button is
/// disabled at that end, or there is no panel).
const STEP: &str = "
    const [direction, done] = arguments;
    const shown = () => {
        const card = document.querySelector('[data-testid=detail] .detail-card');
        return card ? card.getAttribute('data-event-id') : null;
    };
    const before = shown();
    const button = document.querySelector(`[data-testid=detail-${direction}]`);
    if (!button || button.disabled) { done({ id: before, moved: false }); return; }
    button.click();
    const started = performance.now();
    const poll = () => {
        const id = shown();
        if (id && id !== before) { done({ id, moved: true }); }
        else if (performance.now() - started > 5000) { done({ id, moved: false }); }
        else { setTimeout(poll, 5); }
    };
    poll();";

/// `steps` steps through the events with the detail panel's Next and Previous buttons, from
/// the open event: forward to the last event, back to the first, and so on. Returns how many
/// distinct events were shown.
async fn step_through(client: &fantoccini::Client, steps: usize) -> TestResult<usize> {
    let mut direction = "next";
    let mut seen = std::collections::HashSet::new();
    let mut done = 0;
    let mut turns_in_a_row = 0;
    while done < steps {
        let step = client.execute_async(STEP, vec![json!(direction)]).await?;
        if step["moved"] == json!(true) {
            seen.insert(step["id"].as_str().unwrap_or_default().to_string());
            done += 1;
            turns_in_a_row = 0;
        } else {
            turns_in_a_row += 1;
            assert!(turns_in_a_row < 2, "the panel moves neither way: {step}");
            direction = if direction == "next" {
                "previous"
            } else {
                "next"
            };
        }
    }
    Ok(seen.len())
}

/// Closes the detail panel (Escape) and waits until it is closed.
async fn close_detail(client: &fantoccini::Client) -> TestResult {
    press(client, Key::Escape).await?;
    wait_until("the detail panel closed", || async {
        Ok(match detail_shown(client).await? {
            Some(id) => Err(format!("{id} still open")),
            None => Ok(()),
        })
    })
    .await
}

/// Opens the earliest event's detail (a click on its marker, through a script).
async fn open_first_event(client: &fantoccini::Client) -> TestResult {
    let clicked = page_value(
        client,
        "const marker = document.querySelector('[data-testid=event-marker]');\
         if (marker) { marker.click(); } return marker ? marker.getAttribute('data-event-id') : null;",
    )
    .await?;
    let id = clicked.as_str().ok_or("no event marker")?.to_string();
    wait_until("the event's detail", || async {
        let shown = detail_shown(client).await?;
        Ok(if shown.as_deref() == Some(id.as_str()) {
            Ok(())
        } else {
            Err(format!("{shown:?}, not {id}"))
        })
    })
    .await
}

/// The swaps that warm the page up (see the test).
const WARM_UP_SWAPS: usize = 5;

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn fifty_swaps_keep_memory_within_ten_percent_and_a_thousand_steps_keep_nodes_and_listeners(
) -> TestResult {
    if support::Engine::current() != support::Engine::Chromium {
        return Ok(());
    }
    journey(|client, site| async move {
        cdp(
            &client,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": RECORD_WASM_MEMORIES }),
        )
        .await?;
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        let published = event_count(&client).await?;
        wait_for_events(&client, published).await?;
        let first = measure(&client).await?;
        println!("[measure] first load: {first}");

        let file = format!(
            "{}/tests/fixtures/timelinejs/eras.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let picked = 20;
        assert_ne!(published, picked, "the two datasets are told apart");
        // The first swaps warm the page up, once: they fetch the chunks the published story
        // never needs (the data tools, the importers and validation), and the wasm allocator
        // grows its memory to the high-water mark of two datasets side by side (the new one
        // is built before the old one goes). WebAssembly memory never shrinks, so that mark
        // stays; measured, it is reached within 5 swaps (2.03 MB first load, 2.16 MB after
        // 1 swap, 2.36 MB after 5, then flat). What comes after must hold still.
        for _ in 0..WARM_UP_SWAPS {
            swap_and_back(&client, &file, picked, published).await?;
        }
        let warm = measure(&client).await?;
        println!("[measure] after {WARM_UP_SWAPS} swaps: {warm}");
        for _ in WARM_UP_SWAPS..50 {
            swap_and_back(&client, &file, picked, published).await?;
        }
        let after_swaps = measure(&client).await?;
        println!("[measure] after 50 swaps: {after_swaps}");

        // 1,000 steps, in two halves with a measure between (the panel closed each time).
        open_first_event(&client).await?;
        let n_seen = step_through(&client, 500).await?;
        assert_eq!(n_seen, published, "500 steps went through every event");
        close_detail(&client).await?;
        let half_steps = measure(&client).await?;
        println!("[measure] after 50 swaps and 500 steps: {half_steps}");
        open_first_event(&client).await?;
        step_through(&client, 500).await?;
        close_detail(&client).await?;
        let after_steps = measure(&client).await?;
        println!("[measure] after 50 swaps and 1,000 steps: {after_steps}");

        let growth = |m: &Memory, from: &Memory| (m.total() / from.total() - 1.0) * 100.0;
        println!(
            "[measure] JS heap + wasm memory: {:.2} MB first load, {:.2} MB after {WARM_UP_SWAPS} \
             swaps, {:.2} MB after 50 swaps ({:+.1} %), {:.2} MB after 50 swaps and 1,000 steps \
             ({:+.1} % of the warm page, {:+.1} % of the first load)",
            first.total() / 1e6,
            warm.total() / 1e6,
            after_swaps.total() / 1e6,
            growth(&after_swaps, &warm),
            after_steps.total() / 1e6,
            growth(&after_steps, &warm),
            growth(&after_steps, &first),
        );
        assert!(
            growth(&after_swaps, &warm) < 10.0,
            "after 50 swaps: memory grew by {:.1} % ({warm} → {after_swaps})",
            growth(&after_swaps, &warm)
        );
        assert!(
            after_swaps.wasm <= warm.wasm * 1.1,
            "after 50 swaps: wasm memory grew ({warm} → {after_swaps})"
        );
        // The page holds what one app needs: after 50 swaps, as many listeners as the first
        // load and as many nodes as the warm page (the same published story, no event open;
        // the data tools are there now); the second 500 steps add none.
        assert_eq!(
            after_swaps.listeners, first.listeners,
            "listeners ({first} → {after_swaps})"
        );
        assert_eq!(
            after_swaps.nodes, warm.nodes,
            "DOM nodes ({warm} → {after_swaps})"
        );
        assert_eq!(
            after_steps.listeners, half_steps.listeners,
            "listeners ({half_steps} → {after_steps})"
        );
        assert_eq!(
            after_steps.nodes, half_steps.nodes,
            "DOM nodes ({half_steps} → {after_steps})"
        );
        // NOT asserted yet: the memory after the steps. Measured at main ee5918e, the wasm
        // memory grows by about 0.6 KB per step and does not level off (2.42 MB after 500
        // steps, 3.67 MB after 2,000): something kept per selection in the page of one
        // dataset, released only when the dataset goes (the swaps above stay flat). Issue 17,
        // point 6 stays open for the steps until it is found; the figures above say where.
        Ok(())
    })
    .await
}
