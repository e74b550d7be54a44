//! End-to-end journeys for data loaded at run time (issue 6): crafted
//! payloads in every text and URL field never run, other sites are refused
//! with the error panel, broken files still show their valid events, and
//! TimelineJS sheets and local files load with no server round trip.
//!
//! Ignored by a plain `cargo test`: they need the release build and
//! chromedriver. Run with `E2E_DIST=dist CHROMEDRIVER=… cargo test -p
//! ai-race --test e2e_xss -- --ignored --test-threads=1`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use serde_json::json;
use support::dom::wait_for_state;
use support::{
    attr, journey, journey_with_headers, text_of, wait_ready, wait_until, Locator, TestResult,
};

const DETAIL: &str = "[data-testid=detail]";
const ERROR_PANEL: &str = "[data-testid=error-panel]";

/// Elements no dataset text may ever create, anywhere in the app.
const FORBIDDEN: &str = "script, iframe, object, embed, img, svg, math, style, template, form, \
                         input:not([data-testid=data-file]), details, noscript, base, meta, link";

/// What the page holds that a payload could have produced: forbidden
/// elements inside `#app`, inline event-handler attributes, links in the
/// detail panel that are not http(s) or mailto, and the `window.__xss`
/// flag every payload sets if it runs.
const INSPECT: &str = "
    const app = document.getElementById('app');
    const forbidden = [...app.querySelectorAll(arguments[0])].map(e => e.outerHTML.slice(0, 120));
    const handlers = [...app.querySelectorAll('*')]
        .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
        .map(e => e.outerHTML.slice(0, 120));
    const links = [...document.querySelectorAll('[data-testid=detail] a[href], [data-testid=error-panel] a[href]')]
        .filter(a => !/^(https?:|mailto:)/i.test(a.getAttribute('href') || ''))
        .map(a => a.outerHTML.slice(0, 120));
    const unsafeRel = [...document.querySelectorAll('[data-testid=detail] a[target=_blank]')]
        .filter(a => !/noopener/.test(a.rel) || !/noreferrer/.test(a.rel))
        .map(a => a.outerHTML.slice(0, 120));
    const violations = window.__cspViolations || [];
    return { xss: window.__xss === true, forbidden, handlers, links, unsafeRel, violations };";

/// Records the page's CSP violations in `window.__cspViolations` from now on (idempotent).
/// Chromium's log holds them from the start too (the journey's console check).
const RECORD_VIOLATIONS: &str = "
    if (!window.__cspViolations) {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
            e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + (e.sample || '')));
    }";

/// The strict policy a newsroom may serve the page with (as tests/e2e_embed.rs).
const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Fires the events inline handlers and lazy payloads listen to on every
/// element of the detail panel (links are not followed: no navigation).
const PROVOKE: &str = "
    for (const element of document.querySelectorAll('[data-testid=detail] *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart', 'toggle', 'load', 'error']) {
            element.dispatchEvent(new Event(type, { bubbles: true }));
        }
        if (element.tagName !== 'A' && element.tagName !== 'BUTTON') { element.click(); }
    }";

async fn assert_nothing_ran(client: &fantoccini::Client, when: &str) -> TestResult {
    // Error and load handlers of would-be images fire asynchronously.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let report = client.execute(INSPECT, vec![json!(FORBIDDEN)]).await?;
    let is_clean = report["xss"] == json!(false)
        && ["forbidden", "handlers", "links", "unsafeRel", "violations"]
            .iter()
            .all(|key| report[key].as_array().is_some_and(Vec::is_empty));
    if !is_clean {
        return Err(format!("{when}: a payload left a trace: {report:#}").into());
    }
    Ok(())
}

/// Opens every event of `fixture` and checks, after provoking every
/// element of the detail panel, that no payload ran or left an element.
async fn check_fixture(
    client: &fantoccini::Client,
    site: &support::Site,
    fixture: &str,
    n_events: usize,
) -> TestResult {
    client
        .goto(&site.url(&format!("/?data=fixtures/{fixture}")))
        .await?;
    wait_ready(client).await?;
    client.execute(RECORD_VIOLATIONS, vec![]).await?;
    assert_eq!(
        attr(client, "#app", "data-event-count").await?,
        Some(n_events.to_string()),
        "{fixture}"
    );
    assert_nothing_ran(client, &format!("{fixture}: after loading")).await?;

    let n_markers = client
        .find_all(Locator::Css("[data-testid=event-marker]"))
        .await?
        .len();
    assert_eq!(
        n_markers, n_events,
        "{fixture}: every payload event has its marker"
    );
    for marker_idx in 0..n_markers {
        client
            .execute(
                "document.querySelectorAll('[data-testid=event-marker]')[arguments[0]].click();",
                vec![json!(marker_idx)],
            )
            .await?;
        wait_until("the detail panel to open", || async {
            Ok(match text_of(client, "[data-testid=detail-title]").await? {
                Some(_) => Ok(()),
                None => Err("no detail title".to_string()),
            })
        })
        .await?;
        client.execute(PROVOKE, vec![]).await?;
        assert_nothing_ran(client, &format!("{fixture}: with event {marker_idx} open")).await?;
    }

    // The payloads show as text, and the one good link survives.
    let heading = text_of(client, "h1").await?.unwrap_or_default();
    assert!(heading.contains("XSS fixture"), "{heading}");
    let detail_text = text_of(client, DETAIL).await?.unwrap_or_default();
    assert!(!detail_text.is_empty(), "{fixture}: an open detail panel");
    let good_links = client
        .execute("return [...document.querySelectorAll('[data-testid=detail-summary] a')].map(a => a.href);", vec![])
        .await?;
    for link in good_links.as_array().into_iter().flatten() {
        assert!(
            link.as_str().is_some_and(|l| l.starts_with("https://")),
            "{fixture}: {link}"
        );
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn no_payload_in_any_text_or_url_field_ever_runs() -> TestResult {
    journey(|client, site| async move {
        check_fixture(&client, &site, "xss.json", 7).await?;
        let heading = text_of(&client, "h1").await?.unwrap_or_default();
        assert!(
            heading.contains("<img src=x onerror"),
            "payloads show as text: {heading}"
        );
        check_fixture(&client, &site, "xss-timelinejs.json", 3).await?;
        check_fixture(&client, &site, "xss-evasion.json", 9).await?;
        check_fixture(&client, &site, "xss-timelinejs.csv", 8).await?;
        Ok(())
    })
    .await
}

/// The same fixtures under the strict CSP a newsroom may serve: nothing a payload could
/// have become (an inline handler, a `javascript:` address, an inline style, a frame) even
/// reaches the browser's policy, so it reports no violation.
#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn under_a_strict_csp_no_payload_reaches_the_policy() -> TestResult {
    let csp = vec![(
        "Content-Security-Policy".to_string(),
        STRICT_CSP.to_string(),
    )];
    journey_with_headers(csp, |client, site| async move {
        for (fixture, n_events) in [
            ("xss.json", 7),
            ("xss-timelinejs.json", 3),
            ("xss-evasion.json", 9),
            ("xss-timelinejs.csv", 8),
        ] {
            check_fixture(&client, &site, fixture, n_events).await?;
        }
        Ok(())
    })
    .await
}

/// The Embed dialog's code for an event whose id is an attribute breakout
/// (`x"><img src=x onerror=…>`): pasted into a page, it is one iframe and one script and
/// nothing else, and the id travels percent-encoded in the iframe's address.
#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_embed_code_of_a_hostile_event_is_an_iframe_and_a_script_only() -> TestResult {
    journey(|client, site| async move {
        client.goto(&site.url("/?data=fixtures/xss.json")).await?;
        wait_ready(&client).await?;
        let breakout_id = "x\"><img src=x onerror=window.__xss=true>";
        client
            .execute(
                "[...document.querySelectorAll('[data-testid=event-marker]')]
                     .find(m => m.getAttribute('data-event-id') === arguments[0]).click();",
                vec![json!(breakout_id)],
            )
            .await?;
        wait_until("the breakout event to open", || async {
            Ok(
                match text_of(&client, "[data-testid=detail-title]").await? {
                    Some(title) if title.contains("id breakout") => Ok(()),
                    other => Err(format!("{other:?}")),
                },
            )
        })
        .await?;
        let button = wait_until("the embed button", || async {
            Ok(
                match client
                    .find(Locator::Css("[data-testid=embed-button]"))
                    .await
                {
                    Ok(found) => Ok(found),
                    Err(err) => Err(err.to_string()),
                },
            )
        })
        .await?;
        button.click().await?;
        let code = wait_until("the embed code", || async {
            let code = client
                .execute(
                    "const area = document.querySelector('[data-testid=embed-code]');
                     return area ? area.value : '';",
                    vec![],
                )
                .await?;
            let code = code.as_str().unwrap_or_default().to_string();
            Ok(if code.contains("<iframe") {
                Ok(code)
            } else {
                Err(code)
            })
        })
        .await?;
        // Pasted into a page (innerHTML: the markup is parsed as a CMS would, scripts aside).
        let pasted = client
            .execute(
                "const host = document.createElement('div');
                 host.id = 'pasted-embed';
                 host.innerHTML = arguments[0];
                 document.body.append(host);
                 const elements = [...host.querySelectorAll('*')];
                 const frame = host.querySelector('iframe');
                 return {
                     tags: elements.map(e => e.tagName.toLowerCase()),
                     handlers: elements.flatMap(e => [...e.attributes].map(a => a.name))
                         .filter(n => n.startsWith('on')),
                     src: frame ? frame.getAttribute('src') : null,
                     hash: frame ? new URL(frame.src).hash : null,
                 };",
                vec![json!(code)],
            )
            .await?;
        assert_eq!(pasted["tags"], json!(["iframe", "script"]), "{code}");
        assert_eq!(pasted["handlers"], json!([]), "{code}");
        let src = pasted["src"].as_str().unwrap_or_default();
        assert!(src.contains("data=fixtures%2Fxss.json"), "{src}");
        let hash = pasted["hash"].as_str().unwrap_or_default();
        assert!(
            !hash.contains(['"', '<', '>', ' ']),
            "the id is encoded: {hash}"
        );
        let decoded = client
            .execute(
                "return decodeURIComponent(arguments[0].slice(1));",
                vec![json!(hash)],
            )
            .await?;
        assert_eq!(decoded, json!(breakout_id));
        assert_nothing_ran(&client, "with the embed code pasted").await?;
        // The embedded page itself opens the same event, and runs nothing either.
        client
            .goto(&site.url(src.trim_start_matches(&site.url(""))))
            .await?;
        wait_ready(&client).await?;
        wait_until("the embedded event to open", || async {
            Ok(
                match text_of(&client, "[data-testid=detail-title]").await? {
                    Some(title) if title.contains("id breakout") => Ok(()),
                    other => Err(format!("{other:?}")),
                },
            )
        })
        .await?;
        assert_nothing_ran(&client, "in the embedded page").await?;
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn data_from_another_site_is_refused_with_the_error_panel_not_a_blank_page() -> TestResult {
    journey(|client, site| async move {
        for value in [
            "https://evil.example/data.json",
            "%2F%2Fevil.example%2Fdata.json",
            "/%5Cevil.example/data.json",
            "javascript:alert(1)",
            "JaVaScRiPt%3Aalert(1)",
            "data:application/json,%7B%7D",
        ] {
            client.goto(&site.url(&format!("/?data={value}"))).await?;
            wait_for_state(&client, "error").await?;
            assert_eq!(
                attr(&client, ERROR_PANEL, "role").await?.as_deref(),
                Some("alert"),
                "{value}"
            );
            assert_eq!(
                attr(&client, "#app", "data-event-count").await?.as_deref(),
                Some("0"),
                "{value}"
            );
            let panel = text_of(&client, ERROR_PANEL).await?.unwrap_or_default();
            assert!(panel.contains("?data="), "{value}: {panel}");
            assert_nothing_ran(&client, value).await?;
        }
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_valid_events_of_a_partly_broken_file_show_while_the_others_are_listed() -> TestResult {
    journey(|client, site| async move {
        client
            .goto(&site.url("/?data=fixtures/partial.json"))
            .await?;
        wait_ready(&client).await?;
        assert_eq!(
            attr(&client, "#app", "data-event-count").await?.as_deref(),
            Some("2")
        );
        let errors = client
            .find_all(Locator::Css("[data-testid=problem][data-severity=error]"))
            .await?;
        assert_eq!(errors.len(), 3);
        let panel = text_of(&client, ERROR_PANEL).await?.unwrap_or_default();
        for place in ["events[1].date", "events[3].id", "events[4].track"] {
            assert!(panel.contains(place), "{place} in {panel}");
        }
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn a_timelinejs_sheet_and_a_local_file_load_at_run_time() -> TestResult {
    journey(|client, site| async move {
        client
            .goto(&site.url("/?data=fixtures/timeline.csv"))
            .await?;
        wait_ready(&client).await?;
        assert_eq!(
            attr(&client, "#app", "data-event-count").await?.as_deref(),
            Some("6")
        );
        let heading = text_of(&client, "h1").await?.unwrap_or_default();
        assert_eq!(heading, "La course américaine à l’IA");

        // A local file: read in the page, never sent anywhere.
        let path = format!(
            "{}/tests/fixtures/timelinejs/eras.json",
            env!("CARGO_MANIFEST_DIR")
        );
        // The data tools are a wasm chunk, shown once the page is idle.
        let picker = wait_until("the file picker", || async {
            Ok(
                match client.find(Locator::Css("[data-testid=data-file]")).await {
                    Ok(picker) => Ok(picker),
                    Err(err) => Err(err.to_string()),
                },
            )
        })
        .await?;
        picker.send_keys(&path).await?;
        wait_until("the local file to show", || async {
            let count = attr(&client, "#app", "data-event-count").await?;
            Ok(if count.as_deref() == Some("20") {
                Ok(())
            } else {
                Err(format!("data-event-count={count:?}"))
            })
        })
        .await?;
        wait_for_state(&client, "ready").await?;
        let showing = text_of(&client, "[data-testid=data-showing]")
            .await?
            .unwrap_or_default();
        assert!(showing.contains("eras.json"), "{showing}");

        client
            .find(Locator::Css("[data-testid=data-published]"))
            .await?
            .click()
            .await?;
        wait_until("the published data to come back", || async {
            let shown = client
                .find_all(Locator::Css("[data-testid=data-showing]"))
                .await?
                .len();
            Ok(if shown == 0 {
                Ok(())
            } else {
                Err("still showing the local file".to_string())
            })
        })
        .await?;
        let search = client.execute("return location.search;", vec![]).await?;
        assert!(
            !search.as_str().unwrap_or_default().contains("data="),
            "{search}"
        );
        Ok(())
    })
    .await
}

/// The page-error hook of Firefox and WebKit (`support::browser::ERROR_HOOK`) records what the
/// browser reports, not what a script pretends: the `error` events the XSS journey dispatches
/// to provoke `onerror` payloads are untrusted and ignored, while a real uncaught exception and
/// a real `console.error` are still recorded. (Chromium reads its log instead, which holds
/// real errors only; the payload journeys above check it stays empty after the same dispatches.)
#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_page_error_hook_records_real_errors_and_not_the_journeys_own_events() -> TestResult {
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        if support::Engine::current() == support::Engine::Chromium {
            return Ok(());
        }
        client
            .execute(
                "for (const target of [window, document.body, document.getElementById('app')]) {
                     target.dispatchEvent(new Event('error', { bubbles: true }));
                     target.dispatchEvent(new ErrorEvent('error', { message: 'synthetic', bubbles: true }));
                 }
                 window.dispatchEvent(new Event('unhandledrejection'));",
                vec![],
            )
            .await?;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let synthetic = support::browser::hooked_errors(&client).await?;
        assert!(synthetic.is_empty(), "untrusted events recorded: {synthetic:?}");

        client
            .execute(
                // A script of the page's own (a WebDriver script's exceptions stay in the
                // driver's sandbox in Firefox), and a console error.
                "const script = document.createElement('script');
                 script.textContent = \"throw new Error('e2e-real-uncaught');\";
                 document.body.append(script);
                 script.remove();
                 console.error('e2e-real-console');",
                vec![],
            )
            .await?;
        let real = wait_until("the real errors to be recorded", || async {
            let errors = client
                .execute("return window.__e2eErrors.slice();", vec![])
                .await?;
            let errors: Vec<String> = serde_json::from_value(errors).unwrap_or_default();
            Ok(if errors.len() >= 2 {
                Ok(errors)
            } else {
                Err(format!("{errors:?}"))
            })
        })
        .await?;
        // Read (and so cleared) here: they are this test's own, not the page's.
        let recorded = support::browser::hooked_errors(&client).await?;
        assert_eq!(recorded, real);
        assert_eq!(recorded.len(), 2, "{recorded:?}");
        assert!(
            recorded.iter().any(|e| e.starts_with("uncaught: ") && e.contains("e2e-real-uncaught")),
            "{recorded:?}"
        );
        assert!(
            recorded.iter().any(|e| e == "console.error: e2e-real-console"),
            "{recorded:?}"
        );
        Ok(())
    })
    .await
}
