//! End-to-end journeys through dates before year 0 and deep time: a history of Rome and
//! Greece (`www/fixtures/antiquity.json`, days, months and years BC) and a history of the
//! universe (`www/fixtures/deep-time.json`, from 13.8 billion years ago to 2021) load with
//! every event, read "av. J.-C." / "BC" and "Md ans" / "bn yrs ago" on their axes with no
//! overlapping labels, are walked by the keyboard from the first event to the last, and zoom
//! in and back; screenshots at 375 and 1280 px in French and English
//! (`E2E_SCREENSHOTS=docs/screenshots` refreshes the committed ones, from Chromium).
//!
//! Ignored by a plain `cargo test`: they need the release build and a WebDriver.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use ai_race::data::{self, Dataset};
use ai_race::i18n::{format_date, Lang};
use support::audit::{horizontal_overflow, overlapping_timeline_text};
use support::dom::{marker, wait_for_detail_title, MARKER, TIMELINE};
use support::viewport::{leave_frame, screenshot_dir, screenshot_frame, show_in_frame};
use support::{
    active_attr, attr, journey, normalize_space, press, text_of, wait_ready, wait_until, Engine,
    Key, Locator, TestResult,
};

/// A fixture of `www/fixtures/`, parsed as the app parses it.
fn fixture(name: &str) -> TestResult<Dataset> {
    let path = format!("{}/www/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).map_err(|err| format!("{path}: {err}"))?;
    let (dataset, problems) = data::parse(&text);
    if !problems.is_empty() {
        return Err(format!("{name} has problems: {problems:?}").into());
    }
    Ok(dataset)
}

/// What one fixture must show on its axis, per language.
struct Case {
    file: &'static str,
    /// A text some axis tick holds, in French and in English.
    tick_fr: &'static str,
    tick_en: &'static str,
    /// The name of its screenshots (`NAME-fr-1280.png`…).
    shot: &'static str,
}

const CASES: [Case; 2] = [
    Case {
        file: "antiquity.json",
        tick_fr: "av.\u{a0}J.-C.",
        tick_en: "\u{a0}BC",
        shot: "dates-bc",
    },
    Case {
        file: "deep-time.json",
        tick_fr: "\u{a0}Md\u{a0}ans",
        tick_en: "bn yrs ago",
        shot: "dates-deep-time",
    },
];

/// The texts of the axis ticks.
async fn tick_texts(client: &fantoccini::Client) -> TestResult<Vec<String>> {
    let texts = client
        .execute(
            "return [...document.querySelectorAll('[data-testid=timeline] .axis .tick')]
                 .map((tick) => tick.textContent);",
            vec![],
        )
        .await?;
    Ok(texts
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

/// The first and last day the timeline shows, from its `data-view-*` ISO dates.
async fn view_days(client: &fantoccini::Client) -> TestResult<(i64, i64)> {
    let mut days = [0; 2];
    for (day, name) in days.iter_mut().zip(["data-view-start", "data-view-end"]) {
        let iso = attr(client, TIMELINE, name).await?.unwrap_or_default();
        *day = data::Date::parse(&iso)
            .map_err(|err| format!("{name}={iso:?} is not a date: {err:?}"))?
            .start_day();
    }
    Ok((days[0], days[1]))
}

/// Waits until the marker of `event_id` has the keyboard focus.
async fn wait_for_focus(client: &fantoccini::Client, event_id: &str) -> TestResult {
    wait_until(&format!("the focus on {event_id}"), || async move {
        let focused = active_attr(client, "data-event-id").await?;
        Ok(if focused.as_deref() == Some(event_id) {
            Ok(())
        } else {
            Err(format!("focus on {focused:?}"))
        })
    })
    .await
}

/// Loads a fixture at a width and checks what any reader sees: every event counted, no
/// problem panel, the era's words on the axis, no overlapping label, no sideways scroll.
async fn check_view(
    client: &fantoccini::Client,
    case: &Case,
    dataset: &Dataset,
    lang: Lang,
) -> TestResult {
    assert_eq!(
        attr(client, "#app", "data-event-count").await?,
        Some(dataset.events.len().to_string()),
        "{}: every event is counted",
        case.file
    );
    assert!(
        client
            .find_all(Locator::Css("[data-testid=error-panel]"))
            .await?
            .is_empty(),
        "{}: no problem to report",
        case.file
    );
    let expected = match lang {
        Lang::Fr => case.tick_fr,
        Lang::En => case.tick_en,
    };
    let ticks = tick_texts(client).await?;
    assert!(
        ticks.iter().any(|tick| tick.contains(expected)),
        "{} ({lang:?}): no tick reads {expected:?}: {ticks:?}",
        case.file
    );
    let overlaps = overlapping_timeline_text(client).await?;
    assert!(overlaps.is_empty(), "{}: {overlaps:?}", case.file);
    let overflow = horizontal_overflow(client).await?;
    assert!(overflow.is_empty(), "{}: {overflow:?}", case.file);
    Ok(())
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn bc_and_deep_time_timelines_read_well_at_phone_and_desktop_width() -> TestResult {
    let dir = screenshot_dir();
    let engine = Engine::current().name();
    journey(|client, site| async move {
        for case in &CASES {
            let dataset = fixture(case.file)?;
            for lang in [Lang::Fr, Lang::En] {
                let url = site.url(&format!(
                    "/?data=fixtures/{}&lang={}",
                    case.file,
                    lang.code()
                ));
                show_in_frame(&client, &url, 375, 760).await?;
                check_view(&client, case, &dataset, lang).await?;
                if engine == "chromium" {
                    let path = dir.join(format!("{}-{}-375.png", case.shot, lang.code()));
                    screenshot_frame(&client, &path).await?;
                }
                leave_frame(&client).await?;

                client.set_window_size(1280, 900).await?;
                client.goto(&url).await?;
                wait_ready(&client).await?;
                check_view(&client, case, &dataset, lang).await?;
                if engine == "chromium" {
                    let path = dir.join(format!("{}-{}-1280.png", case.shot, lang.code()));
                    support::viewport::screenshot_window(&client, &path).await?;
                }
            }
        }
        println!("screenshots in {}", dir.display());
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn the_keyboard_walks_from_the_big_bang_to_james_webb_and_zoom_goes_down_to_days(
) -> TestResult {
    let case = &CASES[1];
    let dataset = fixture(case.file)?;
    journey(|client, site| async move {
        client.set_window_size(1280, 900).await?;
        client
            .goto(&site.url(&format!("/?data=fixtures/{}", case.file)))
            .await?;
        wait_ready(&client).await?;
        // The tab stop is the first event's marker.
        let first = &dataset.events[0];
        client
            .find(Locator::Css(&marker(&first.id)))
            .await?
            .click()
            .await?;
        wait_for_detail_title(&client, &first.title.fr).await?;
        for (idx, event) in dataset.events.iter().enumerate() {
            if idx > 0 {
                press(&client, Key::Right).await?;
            }
            let id = &event.id;
            wait_for_focus(&client, &event.id).await?;
            // A screen reader hears the date as a reader reads it.
            let label = normalize_space(
                &active_attr(&client, "aria-label")
                    .await?
                    .unwrap_or_default(),
            );
            let date = normalize_space(&format_date(&event.date, Lang::Fr));
            assert!(label.contains(&date), "{id}: {label:?} lacks {date:?}");
        }
        press(&client, Key::Home).await?;
        wait_for_focus(&client, &first.id).await?;
        press(&client, Key::Enter).await?;
        wait_for_detail_title(&client, &first.title.fr).await?;

        // Zooming in on the Big Bang goes down to a few days, then back out to everything.
        let (fit_start, fit_end) = view_days(&client).await?;
        let zoom_in = client.find(Locator::Css("[data-testid=zoom-in]")).await?;
        for _ in 0..60 {
            zoom_in.click().await?;
        }
        let (start, end) = view_days(&client).await?;
        assert!(
            (5..=40).contains(&(end - start)),
            "the closest view shows {} days",
            end - start
        );
        let shown = client.find_all(Locator::Css(MARKER)).await?;
        assert!(!shown.is_empty(), "the focused event keeps its marker");
        client
            .find(Locator::Css("[data-testid=zoom-fit]"))
            .await?
            .click()
            .await?;
        assert_eq!(view_days(&client).await?, (fit_start, fit_end));
        Ok(())
    })
    .await
}

/// The "Get the data" link of the page at `url`: displayed, its `href` and `download`, and the
/// text the browser fetches from it.
async fn get_the_data(client: &fantoccini::Client) -> TestResult<(String, String, String)> {
    let link = "[data-testid=get-the-data-link]";
    let element = wait_until("the Get the data link", || async {
        Ok(client
            .find(Locator::Css(link))
            .await
            .map_err(|err| err.to_string()))
    })
    .await?;
    if !element.is_displayed().await? {
        return Err("the Get the data link is not displayed".into());
    }
    // The attribute as written: WebKitWebDriver's Get Element Attribute gives `href` resolved
    // against the page (http://127.0.0.1:…/data/…), as Selenium's legacy atom did.
    let href = written_attr(client, link, "href").await?;
    let download = written_attr(client, link, "download").await?;
    let body = fetched(client, link).await?;
    Ok((href, download, body))
}

/// An attribute of the element matching `css`, exactly as the page wrote it ("" if absent).
async fn written_attr(client: &fantoccini::Client, css: &str, name: &str) -> TestResult<String> {
    let value = client
        .execute(
            "return document.querySelector(arguments[0]).getAttribute(arguments[1]);",
            vec![serde_json::json!(css), serde_json::json!(name)],
        )
        .await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

/// The text the browser gets from the `href` of the element matching `css`.
async fn fetched(client: &fantoccini::Client, css: &str) -> TestResult<String> {
    let body = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector(arguments[0]).href)
                 .then((r) => r.ok ? r.text() : 'HTTP ' + r.status)
                 .then(done, (e) => done('failed: ' + e));",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(body.as_str().unwrap_or_default().to_string())
}

async fn no_axe_violations(client: &fantoccini::Client, what: &str) -> TestResult {
    let violations = support::audit::axe_violations(client).await?;
    if !violations.is_empty() {
        return Err(format!("{what}: axe-core finds\n{}", violations.join("\n")).into());
    }
    Ok(())
}

/// "Get the data" (issue 18, point 5): under the story of the page and of the embed, the link
/// downloads the file shown — the published JSON, or the `?data=` file — and the browser gets
/// exactly that file (with its sources); axe-core finds nothing. The data tools link to the
/// spreadsheet template, which the browser gets as shipped. Screenshots of the link at 375 and
/// 1280 px in both languages go to the screenshot directory.
#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn get_the_data_links_to_the_file_shown_in_the_page_and_the_embed() -> TestResult {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| std::fs::read_to_string(format!("{root}/{path}"));
    let published = read("www/data/ai-race-2025.json")?;
    let antiquity = read("www/fixtures/antiquity.json")?;
    let template = read("www/data/template.csv")?;
    let dir = screenshot_dir();
    let engine = Engine::current().name();
    journey(|client, site| async move {
        client.set_window_size(1280, 900).await?;
        for (query, href, body) in [
            ("/", "data/ai-race-2025.json", &published),
            ("/?embed=1", "data/ai-race-2025.json", &published),
            (
                "/?data=fixtures/antiquity.json",
                "fixtures/antiquity.json",
                &antiquity,
            ),
            (
                "/?data=fixtures/antiquity.json&embed=1",
                "fixtures/antiquity.json",
                &antiquity,
            ),
        ] {
            client.goto(&site.url(query)).await?;
            wait_ready(&client).await?;
            let (found_href, download, found_body) = get_the_data(&client).await?;
            assert_eq!(found_href, href, "{query}");
            assert_eq!(download, href.rsplit('/').next().unwrap(), "{query}");
            assert!(
                found_body == *body,
                "{query}: the link fetches another file"
            );
            let text = text_of(&client, "[data-testid=get-the-data]").await?;
            assert!(
                text.as_deref()
                    .unwrap_or_default()
                    .contains("Obtenir les données"),
                "{query}: {text:?}"
            );
            no_axe_violations(&client, query).await?;
        }
        // The published data holds its sources: every event cites one.
        let raw: serde_json::Value = serde_json::from_str(&published)?;
        let events = raw["events"].as_array().ok_or("no events")?;
        assert!(events
            .iter()
            .all(|e| !e["sources"].as_array().unwrap().is_empty()));

        // The template link of the data tools (shown once the page is idle).
        client.goto(&site.url("/?lang=en")).await?;
        wait_ready(&client).await?;
        let link = "[data-testid=data-template]";
        wait_until("the template link", || async {
            Ok(client
                .find(Locator::Css(link))
                .await
                .map_err(|err| err.to_string()))
        })
        .await?;
        assert_eq!(
            written_attr(&client, link, "href").await?,
            "data/template.csv"
        );
        assert!(
            fetched(&client, link).await? == template,
            "the template link fetches another file"
        );
        let text = text_of(&client, "[data-testid=get-the-data]").await?;
        assert!(
            text.as_deref().unwrap_or_default().contains("Get the data"),
            "{text:?}"
        );
        no_axe_violations(&client, "/?lang=en with the data tools").await?;

        if engine == "chromium" {
            let scroll = "document.querySelector('[data-testid=get-the-data]')
                              .scrollIntoView({ block: 'center' });";
            for lang in [Lang::Fr, Lang::En] {
                let url = site.url(&format!("/?lang={}", lang.code()));
                show_in_frame(&client, &url, 375, 760).await?;
                get_the_data(&client).await?;
                client.execute(scroll, vec![]).await?;
                let path = dir.join(format!("get-the-data-{}-375.png", lang.code()));
                screenshot_frame(&client, &path).await?;
                leave_frame(&client).await?;
                client.set_window_size(1280, 900).await?;
                client.goto(&url).await?;
                wait_ready(&client).await?;
                client.execute(scroll, vec![]).await?;
                let path = dir.join(format!("get-the-data-{}-1280.png", lang.code()));
                support::viewport::screenshot_window(&client, &path).await?;
            }
        }
        Ok(())
    })
    .await
}
