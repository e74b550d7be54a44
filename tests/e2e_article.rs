//! End-to-end journeys for the timeline embedded in a news article (issue 4): the demo articles
//! size their iframe to its content through every change (load, language switch, selection, a
//! phone-width viewport) without ever moving the page around it, `embed.js` answers only its
//! own iframes, and the embed mode stacks on phones and goes side by side on wide screens.
//!
//! Nothing here needs a browser's own commands, so `cargo xtask test` runs them in Chromium,
//! Firefox and WebKit (`E2E_BROWSER`), like `e2e.rs`. Browsers will not make a window as narrow
//! as a phone, so the pages are shown in a frame of the wanted size (`support::viewport`): the
//! article journey loads the article itself into that frame and narrows the frame, and the
//! article's embed iframe is then nested in it.
//!
//! Ignored by a plain `cargo test`: they need the release build (`E2E_DIST`) and the engine's
//! driver; `cargo xtask test` builds, then runs them with `--ignored --test-threads=1`. They print
//! what they measure (`cargo test -- --nocapture`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Client;
use serde_json::json;
use support::browser::{hooked_errors, install_error_hook, wait_for_hash};
use support::dom::DETAIL_TITLE;
use support::embed::{
    click_visible_marker, measure_frame, report, scroll_frame_to, wait_frame_fits, FRAME,
    MAX_HEIGHT_ERROR_PX,
};
use support::viewport::{load_in_frame, resize_frame, show_in_frame};
use support::{
    events_in_date_order, events_in_file_order, journey, normalize_space, text_of, wait_until,
    Locator, TestResult,
};

/// The article's viewport on a laptop, then on a phone.
const LAPTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (375, 800);

/// Shows the article at `url` in a viewport frame `width` × `height` (the session inside it),
/// once `embed.js` has taken charge of its iframe. The article has no `#app`: what it waits for
/// is its embed iframe.
async fn open_article(client: &Client, url: &str, (width, height): (u32, u32)) -> TestResult {
    load_in_frame(client, url, width, height).await?;
    install_error_hook(client).await?;
    wait_until("embed.js taking charge of the article's iframe", || async {
        let prepared = client
            .execute(
                "const frame = document.querySelector(arguments[0]);
                 return frame ? frame.getAttribute('data-ai-race-ready') : 'no iframe';",
                vec![json!(FRAME)],
            )
            .await?;
        Ok(if prepared == json!("1") {
            Ok(())
        } else {
            Err(format!("data-ai-race-ready: {prepared}"))
        })
    })
    .await
}

/// Installs the error hook (Firefox, WebKit) in the embed iframe: the journey's final check
/// reads the errors of the page it ends in, the article.
async fn hook_embed_errors(client: &Client) -> TestResult {
    client.enter_frame(0).await?;
    install_error_hook(client).await?;
    client.enter_parent_frame().await?;
    Ok(())
}

/// Fails on the errors the embed iframe's hook collected.
async fn check_embed_errors(client: &Client) -> TestResult {
    client.enter_frame(0).await?;
    // Every error counts, "ResizeObserver loop completed with undelivered notifications"
    // too: the app's width observers re-render in the next frame so that no size changes
    // after the embed's height observer read it (`browser::observe_width`).
    let errors = hooked_errors(client).await?;
    client.enter_parent_frame().await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("the embed iframe has errors:\n{}", errors.join("\n")).into())
    }
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_french_article_sizes_its_iframe_through_every_change_without_moving_the_page(
) -> TestResult {
    let events = events_in_file_order()?;
    journey(|client, site| async move {
        let article_url = site.url("/article-fr.html");
        open_article(&client, &article_url, LAPTOP).await?;
        scroll_frame_to(&client, 100.0).await?;
        let loaded = wait_frame_fits(&client, FRAME, "after load").await?;
        report("article-fr, load", &loaded);
        assert!(loaded.is_embed, "the iframe shows the embed mode");
        assert_eq!(loaded.lang, "fr");
        hook_embed_errors(&client).await?;

        // Deep links stay in the iframe: no element may have an event's id, or the browser
        // would scroll to it (and the page around it with it).
        let ids: Vec<String> = events.iter().map(|event| event.id.clone()).collect();
        let clashing = client
            .execute(
                "const doc = document.querySelector(arguments[0]).contentDocument;
                 return arguments[1].filter(id => doc.getElementById(id) !== null);",
                vec![json!(FRAME), json!(ids)],
            )
            .await?;
        assert_eq!(clashing, json!([]), "elements with an event's id");

        client.enter_frame(0).await?;
        client
            .find(Locator::Css("[data-testid=lang-en]"))
            .await?
            .click()
            .await?;
        client.enter_parent_frame().await?;
        let switched = wait_until("the iframe in English", || async {
            Ok(match measure_frame(&client, FRAME).await? {
                Some(fit) if fit.lang == "en" => Ok(()),
                other => Err(format!("{other:?}")),
            })
        });
        switched.await?;
        let english = wait_frame_fits(&client, FRAME, "after the language switch").await?;
        report("article-fr, switched to English", &english);

        scroll_frame_to(&client, 100.0).await?;
        let before = measure_frame(&client, FRAME)
            .await?
            .ok_or("the iframe vanished")?;
        let event_id = click_visible_marker(&client).await?;
        let event = events
            .iter()
            .find(|event| event.id == event_id)
            .ok_or("unknown event")?;
        client.enter_frame(0).await?;
        let title = normalize_space(&event.title_en);
        wait_until("the event's detail in the iframe", || async {
            Ok(match text_of(&client, DETAIL_TITLE).await? {
                Some(shown) if shown == title => Ok(()),
                other => Err(format!("{other:?}")),
            })
        })
        .await?;
        let frame_hash = client.execute("return location.hash;", vec![]).await?;
        assert_eq!(frame_hash, json!(format!("#{event_id}")));
        client.enter_parent_frame().await?;
        let selected = wait_frame_fits(&client, FRAME, "after selecting an event").await?;
        report("article-fr, event selected", &selected);
        assert_eq!(
            selected.parent_scroll_y, before.parent_scroll_y,
            "the article must not scroll when the reader selects an event in the iframe"
        );
        let parent_location = client
            .execute("return [location.hash, location.href];", vec![])
            .await?;
        assert_eq!(
            parent_location,
            json!(["", article_url]),
            "the article's own URL is untouched"
        );

        resize_frame(&client, PHONE.0, PHONE.1).await?;
        let phone = wait_frame_fits(&client, FRAME, "at phone width").await?;
        report("article-fr, phone width", &phone);
        assert!(phone.frame_width < f64::from(PHONE.0), "{phone:?}");
        assert!(
            phone.frame_height > selected.frame_height,
            "narrower means taller: {phone:?}"
        );

        // On a phone the detail panel is above the charts: another event changes the height,
        // and the article still does not move.
        scroll_frame_to(&client, 60.0).await?;
        let before = measure_frame(&client, FRAME)
            .await?
            .ok_or("the iframe vanished")?;
        let other_id = click_visible_marker(&client).await?;
        client.enter_frame(0).await?;
        wait_for_hash(
            &client,
            &other_id,
            "the other event in the iframe's address",
        )
        .await?;
        client.enter_parent_frame().await?;
        let reselected = wait_frame_fits(&client, FRAME, "after selecting at phone width").await?;
        report("article-fr, phone width, event selected", &reselected);
        assert_eq!(
            reselected.parent_scroll_y, before.parent_scroll_y,
            "the article must not scroll when the reader selects an event in the iframe"
        );
        check_embed_errors(&client).await
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn embed_js_answers_only_its_own_iframes_and_can_ask_them_for_their_height() -> TestResult {
    journey(|client, site| async move {
        client.set_window_size(1280, 900).await?;
        client.goto(&site.url("/article-en.html")).await?;
        install_error_hook(&client).await?;
        scroll_frame_to(&client, 100.0).await?;
        let fit = wait_frame_fits(&client, FRAME, "after load").await?;
        report("article-en, load", &fit);
        assert_eq!(fit.lang, "en");
        hook_embed_errors(&client).await?;

        // A well-formed message from the page itself, one from another iframe, and one of
        // another type: none may touch the iframe.
        client
            .execute(
                "window.postMessage({ type: 'ai-race:height', version: 1, height: 55, id: 'x' }, '*');
                 const foreign = document.createElement('iframe');
                 foreign.srcdoc = '<script>parent.postMessage({ type: \"ai-race:height\", version: 1, height: 66 }, \"*\");<\\/script>';
                 document.body.append(foreign);
                 const ours = document.querySelector(arguments[0]);
                 window.postMessage({ type: 'other', height: 77 }, '*');",
                vec![json!(FRAME)],
            )
            .await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = measure_frame(&client, FRAME)
            .await?
            .ok_or("the iframe vanished")?;
        assert_eq!(after.frame_height, fit.frame_height, "{after:?}");

        // A script that missed the iframe's messages asks for the height.
        client
            .execute(
                "const frame = document.querySelector(arguments[0]);
                 frame.style.height = '100px';
                 frame.contentWindow.postMessage({ type: 'ai-race:request-height', version: 1 }, '*');",
                vec![json!(FRAME)],
            )
            .await?;
        let answered = wait_frame_fits(&client, FRAME, "after a height request").await?;
        assert!((answered.frame_height - fit.frame_height).abs() <= MAX_HEIGHT_ERROR_PX);
        check_embed_errors(&client).await
    })
    .await
}

/// Where the detail panel and the charts are, in the page.
#[derive(Debug, serde::Deserialize)]
struct Columns {
    detail: [f64; 4],
    funding: Option<[f64; 4]>,
    overflow_x: f64,
    footer_shown: bool,
    kicker_shown: bool,
    lang_switch_shown: bool,
    embed_button: bool,
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and chromedriver: run `cargo xtask test`"]
async fn the_embed_mode_stacks_on_phones_and_goes_side_by_side_on_wide_screens() -> TestResult {
    let events = events_in_date_order()?;
    let event_id = events[events.len() / 2].id.clone();
    journey(|client, site| async move {
        for width in [320, 1600] {
            // Navigating again brings the session back to the top-level page first.
            show_in_frame(
                &client,
                &site.url(&format!("/?embed=1#{event_id}")),
                width,
                900,
            )
            .await?;
            // The charts take their width on the frame after the app is ready.
            wait_until("no horizontal overflow", || async {
                let overflow = client
                    .execute(
                        "const html = document.documentElement; return html.scrollWidth - html.clientWidth;",
                        vec![],
                    )
                    .await?;
                Ok(if overflow.as_f64() <= Some(0.0) { Ok(()) } else { Err(format!("{overflow} px")) })
            })
            .await?;
            let columns = client
                .execute(
                    "const box = (css) => { const e = document.querySelector(css);
                         if (!e) { return null; } const r = e.getBoundingClientRect();
                         return [r.left, r.top, r.right, r.bottom]; };
                     const shown = (css) => { const e = document.querySelector(css);
                         return !!e && e.getClientRects().length > 0; };
                     const html = document.documentElement;
                     return { detail: box('[data-testid=detail]'), funding: box('.funding'),
                              overflow_x: html.scrollWidth - html.clientWidth,
                              footer_shown: shown('.site-footer'), kicker_shown: shown('.kicker'),
                              lang_switch_shown: shown('[data-testid=lang-en]'),
                              embed_button: !!document.querySelector('[data-testid=embed-button]') };",
                    vec![],
                )
                .await?;
            let columns: Columns = serde_json::from_value(columns)?;
            assert!(columns.overflow_x <= 0.0, "{width} px: {columns:?}");
            assert!(
                !columns.footer_shown && !columns.kicker_shown && !columns.embed_button,
                "{width} px: no page chrome in embed mode: {columns:?}"
            );
            assert!(columns.lang_switch_shown, "{width} px: {columns:?}");
            if let Some(funding) = columns.funding {
                let detail = columns.detail;
                if width < 1000 {
                    assert!(funding[1] >= detail[3] - 1.0, "stacked at {width} px: {columns:?}");
                } else {
                    assert!(funding[0] >= detail[2], "side by side at {width} px: {columns:?}");
                }
            }
        }
        Ok(())
    })
    .await
}
