//! End-to-end journeys: the release build (`E2E_DIST`) in the browser `E2E_BROWSER` names
//! (headless Chromium by default; `cargo xtask test` runs Chromium, Firefox and WebKit), driven
//! through WebDriver by the app's `data-testid` contract, as a reader would use it.
//!
//! Ignored by a plain `cargo test`: they need the release build and chromedriver.
//! `cargo xtask test` builds, then runs them with `--ignored --test-threads=1`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::dom::{marker, view_window, wait_for_detail_title, DETAIL_TITLE, MARKER};
use support::{
    active_attr, attr, events_in_date_order, events_in_file_order, html_lang, journey,
    location_hash, normalize_space, press, wait_ready, wait_until, Event, Key, Locator, TestResult,
};

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_french_page_loads_every_event_of_the_dataset_without_console_errors() -> TestResult {
    let events = events_in_file_order()?;
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;

        assert_eq!(html_lang(&client).await?, "fr");
        assert_eq!(
            attr(&client, "#app", "data-event-count").await?,
            Some(events.len().to_string()),
            "data-event-count is the number of events in the dataset file"
        );
        // Close events may be drawn as one cluster, so not every event has a marker yet.
        let markers = client.find_all(Locator::Css(MARKER)).await?;
        assert!(!markers.is_empty(), "the timeline shows event markers");
        for marker in markers {
            let marker_id = marker.attr("data-event-id").await?.unwrap_or_default();
            assert!(
                events.iter().any(|event| event.id == marker_id),
                "the marker {marker_id:?} names no event of the dataset"
            );
        }
        // The journey harness then checks the console for errors.
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn a_data_file_in_the_address_is_requested_once_while_the_webassembly_loads() -> TestResult {
    journey(|client, site| async move {
        client
            .goto(&site.url("/?data=fixtures/timeline.csv"))
            .await?;
        wait_ready(&client).await?;
        let requests = client
            .execute(
                "return performance.getEntriesByType('resource').map(entry => ({
                     name: new URL(entry.name).pathname, start: entry.startTime, end: entry.responseEnd }));",
                vec![],
            )
            .await?;
        let requests = requests.as_array().ok_or("no resource entries")?;
        let named = |suffix: &str| {
            requests
                .iter()
                .filter(|entry| entry["name"].as_str().is_some_and(|name| name.ends_with(suffix)))
                .collect::<Vec<_>>()
        };
        let data = named("/fixtures/timeline.csv");
        assert_eq!(data.len(), 1, "the data file is requested once: {requests:?}");
        let started = client
            .execute(
                "const mark = performance.getEntriesByName('ai-race:start')[0];
                 return mark ? mark.startTime : null;",
                vec![],
            )
            .await?;
        // www/boot.js asks for it before the app runs (which would ask only then), so the
        // download overlaps the WebAssembly's.
        assert!(
            data[0]["start"].as_f64() < started.as_f64(),
            "the data file is requested before the app starts ({started}): {requests:?}"
        );
        assert_eq!(
            attr(&client, "#app", "data-state").await?.as_deref(),
            Some("ready")
        );
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn a_keyboard_reader_walks_every_event_in_date_order_and_opens_one() -> TestResult {
    let events = events_in_date_order()?;
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;

        // Tab from the start of the page until the timeline takes the focus.
        let mut n_tabs = 0;
        while active_attr(&client, "data-event-id").await?.is_none() {
            assert!(n_tabs < 50, "50 Tabs never reached an event marker");
            press(&client, Key::Tab).await?;
            n_tabs += 1;
        }

        let first = &events[0];
        press(&client, Key::Home).await?;
        wait_for_focus(&client, &first.id, "Home focuses the earliest event").await?;
        assert_eq!(
            markers_in_tab_order(&client).await?,
            [first.id.as_str()],
            "roving tabindex: only the focused marker is in the tab order"
        );

        for (event_idx, event) in events.iter().enumerate().skip(1) {
            press(&client, Key::Right).await?;
            let why = format!("ArrowRight #{event_idx} moves to the next event in date order");
            wait_for_focus(&client, &event.id, &why).await?;
        }

        press(&client, Key::Home).await?;
        wait_for_focus(&client, &first.id, "Home focuses the earliest event").await?;
        let last = events.last().expect("the dataset has events");
        press(&client, Key::End).await?;
        wait_for_focus(&client, &last.id, "End focuses the latest event").await?;
        assert_eq!(
            markers_in_tab_order(&client).await?,
            [last.id.as_str()],
            "roving tabindex: only the focused marker is in the tab order"
        );

        // Open the first event that quotes a seed article, so that quotes are checked too.
        let (event_idx, event) = events
            .iter()
            .enumerate()
            .find(|(_, event)| !event.seed_quotes.is_empty())
            .unwrap_or((events.len() - 1, last));
        press(&client, Key::Home).await?;
        wait_for_focus(&client, &first.id, "Home focuses the earliest event").await?;
        for next in &events[1..=event_idx] {
            press(&client, Key::Right).await?;
            wait_for_focus(&client, &next.id, "ArrowRight moves to the next event").await?;
        }
        press(&client, Key::Enter).await?;
        wait_for_detail_title(&client, &event.title_fr).await?;
        check_sources(&client, event).await?;
        assert_eq!(location_hash(&client).await?, format!("#{}", event.id));

        press(&client, Key::Escape).await?;
        wait_for_detail_closed(&client).await?;
        let why = "closing the panel gives the focus back to the event's marker";
        wait_for_focus(&client, &event.id, why).await?;
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn a_link_to_an_event_opens_its_detail_panel() -> TestResult {
    let events = events_in_date_order()?;
    let event = events[events.len() / 2].clone();
    journey(|client, site| async move {
        client.goto(&site.url(&format!("/#{}", event.id))).await?;
        wait_ready(&client).await?;
        wait_for_detail_title(&client, &event.title_fr).await?;
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn an_english_reader_gets_english_text_and_can_switch_to_french() -> TestResult {
    let events = events_in_date_order()?;
    let event = events[events.len() / 2].clone();
    journey(|client, site| async move {
        client
            .goto(&site.url(&format!("/?lang=en#{}", event.id)))
            .await?;
        wait_ready(&client).await?;
        assert_eq!(html_lang(&client).await?, "en");
        wait_for_detail_title(&client, &event.title_en).await?;
        assert_eq!(
            attr(&client, "[data-testid=lang-en]", "aria-pressed")
                .await?
                .as_deref(),
            Some("true")
        );

        client
            .find(Locator::Css("[data-testid=lang-fr]"))
            .await?
            .click()
            .await?;
        wait_for_detail_title(&client, &event.title_fr).await?;
        assert_eq!(html_lang(&client).await?, "fr");
        assert_eq!(
            attr(&client, "[data-testid=lang-fr]", "aria-pressed")
                .await?
                .as_deref(),
            Some("true")
        );
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_back_button_returns_to_the_previously_opened_event() -> TestResult {
    let events = events_in_file_order()?;
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;

        // Two events with a marker of their own (close events may be drawn as a cluster).
        let mut marker_ids = Vec::new();
        for marker in client.find_all(Locator::Css(MARKER)).await? {
            marker_ids.extend(marker.attr("data-event-id").await?);
        }
        let event = |id: &String| events.iter().find(|event| &event.id == id);
        let (Some(event_a), Some(event_b)) = (
            marker_ids.first().and_then(event),
            marker_ids.last().and_then(event),
        ) else {
            return Err(format!("need two event markers, found {marker_ids:?}").into());
        };
        assert_ne!(event_a.id, event_b.id, "need two event markers");

        client
            .find(Locator::Css(&marker(&event_a.id)))
            .await?
            .click()
            .await?;
        wait_for_detail_title(&client, &event_a.title_fr).await?;
        client
            .find(Locator::Css(&marker(&event_b.id)))
            .await?
            .click()
            .await?;
        wait_for_detail_title(&client, &event_b.title_fr).await?;

        client.back().await?;
        wait_for_detail_title(&client, &event_a.title_fr).await?;
        assert_eq!(location_hash(&client).await?, format!("#{}", event_a.id));
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn zooming_in_narrows_the_visible_window_and_fit_restores_it() -> TestResult {
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        let (fit_start, fit_end, fit_span) = view_window(&client).await?;

        client
            .find(Locator::Css("[data-testid=zoom-in]"))
            .await?
            .click()
            .await?;
        let zoomed_span = wait_until("a narrower window after zoom-in", || async {
            let (start, end, span) = view_window(&client).await?;
            Ok(if span < fit_span {
                Ok(span)
            } else {
                Err(format!("{start} – {end} ({span} days, was {fit_span})"))
            })
        })
        .await?;
        assert!(zoomed_span > 0, "the zoomed window is not empty");

        client
            .find(Locator::Css("[data-testid=zoom-fit]"))
            .await?
            .click()
            .await?;
        wait_until("the fitted window after zoom-fit", || async {
            let (start, end, _) = view_window(&client).await?;
            Ok(if (&start, &end) == (&fit_start, &fit_end) {
                Ok(())
            } else {
                Err(format!("{start} – {end}, was {fit_start} – {fit_end}"))
            })
        })
        .await?;
        Ok(())
    })
    .await
}

// Helpers, in the words of the DOM contract.

/// Waits until the keyboard focus is on the marker of `event_id` (the app may move the focus
/// on the next animation frame).
async fn wait_for_focus(client: &fantoccini::Client, event_id: &str, why: &str) -> TestResult {
    wait_until(&format!("{why}: focus on {event_id:?}"), || async move {
        let focused = client
            .execute(
                "const active = document.activeElement;\
                 return active ? [active.getAttribute('data-testid'),\
                                  active.getAttribute('data-event-id'), active.tagName] : [];",
                vec![],
            )
            .await?;
        let (testid, focused_id) = (focused[0].as_str(), focused[1].as_str());
        Ok(
            if testid == Some("event-marker") && focused_id == Some(event_id) {
                Ok(())
            } else {
                Err(format!(
                    "focus on <{}> {focused}",
                    focused[2].as_str().unwrap_or("nothing")
                ))
            },
        )
    })
    .await
}

/// Waits until no event is shown in the detail panel: its title is gone or hidden (the panel
/// itself may stay, showing an invitation to pick an event).
async fn wait_for_detail_closed(client: &fantoccini::Client) -> TestResult {
    wait_until("the detail panel to close", || async move {
        for title in client.find_all(Locator::Css(DETAIL_TITLE)).await? {
            if title.is_displayed().await? {
                let shown = normalize_space(&title.text().await?);
                return Ok(Err(format!("the panel still shows {shown:?}")));
            }
        }
        Ok(Ok(()))
    })
    .await
}

/// The ids of the markers with `tabindex="0"`.
async fn markers_in_tab_order(client: &fantoccini::Client) -> TestResult<Vec<String>> {
    let ids = client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0]))\
                 .map(marker => marker.getAttribute('data-event-id'));",
            vec![serde_json::json!(format!("{MARKER}[tabindex=\"0\"]"))],
        )
        .await?;
    Ok(serde_json::from_value(ids)?)
}

/// The detail panel lists every source of `event` and quotes each seed verbatim.
async fn check_sources(client: &fantoccini::Client, event: &Event) -> TestResult {
    let sources = client
        .find_all(Locator::Css(
            "[data-testid=detail-sources] [data-testid=source]",
        ))
        .await?;
    assert_eq!(sources.len(), event.n_sources, "sources of {}", event.id);
    let quoted = client
        .execute(
            "return Array.from(document.querySelectorAll(\
                 '[data-testid=detail-sources] q, [data-testid=detail-sources] blockquote'))\
                 .map(quote => quote.textContent);",
            vec![],
        )
        .await?;
    let quoted: Vec<String> = serde_json::from_value(quoted)?;
    let quoted: Vec<String> = quoted.iter().map(|text| normalize_space(text)).collect();
    for quote in &event.seed_quotes {
        let quote = normalize_space(quote);
        assert!(
            quoted.iter().any(|shown| shown.contains(&quote)),
            "the quote {quote:?} of {} is not in a q or blockquote; quoted: {quoted:?}",
            event.id
        );
    }
    Ok(())
}
