//! End-to-end journeys for every reader, in whichever engine `E2E_BROWSER` names (Chromium,
//! Firefox or WebKit): touch and mouse, the wheel and dragging, the keyboard alone, a screen
//! reader's live region, axe-core's WCAG A/AA rules in both languages and both colour themes,
//! and the layout from a 320 px phone to a 1920 px screen.
//!
//! Ignored by a plain `cargo test`: they need the release build and the browsers.
//! `cargo xtask test` runs them once per engine (WebKit under `xvfb-run`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use ai_race::theme::{Palette, DARK, LIGHT};
use fantoccini::Client;
use serde_json::json;
use support::audit::{
    axe_violations, focus_indicator, heading_problems, horizontal_overflow, landmark_counts,
    overlapping_timeline_text, running_animations, small_targets, small_text,
};
use support::dom::{
    marker, view_window, wait_for_detail_title, wait_for_state, DETAIL_TITLE, MARKER, TIMELINE,
};
use support::gestures::{ctrl_wheel, drag, hover_at, press_at, tap, Pointer};
use support::viewport::{
    leave_frame, screenshot_dir, screenshot_frame, screenshot_window, show_in_frame, WIDTHS,
};
use support::{
    active_attr, attr, day_number, events_in_date_order, journey, normalize_space, press, text_of,
    wait_ready, wait_until, Engine, Key, Locator, TestResult,
};

const ANNOUNCER: &str = "[data-testid=announcer]";
/// A file with problems and valid events: the error panel above the timeline.
const PARTIAL_DATA: &str = "fixtures/partial.json";
/// A file of the site that is no dataset at all: nothing to show but the error panel.
const NOT_A_DATASET: &str = "fixtures/README.md";
/// The charts drawn on a canvas, by the `data-testid` of their focusable wrapper.
const CHART_CANVASES: [&str; 2] = ["commitments-canvas", "cumulative-canvas"];

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn a_click_and_a_finger_tap_each_open_an_event_announced_once() -> TestResult {
    let events = events_in_date_order()?;
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        let ids = marker_ids(&client).await?;
        let (first, last) = (&ids[0], &ids[ids.len() - 1]);
        let title_of = |id: &str| {
            events
                .iter()
                .find(|event| event.id == id)
                .map(|event| event.title_fr.clone())
                .unwrap_or_default()
        };

        assert_eq!(
            attr(&client, ANNOUNCER, "aria-live").await?.as_deref(),
            Some("polite")
        );
        let live_regions = client
            .execute(
                "return [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')]
                     .filter((el) => el.closest('[data-testid=detail]')).length;",
                vec![],
            )
            .await?;
        assert_eq!(live_regions, json!(0), "the detail panel is not itself announced");
        record_announcements(&client).await?;

        client.find(Locator::Css(&marker(first))).await?.click().await?;
        wait_for_detail_title(&client, &title_of(first)).await?;
        let announced = announcements(&client).await?;
        assert_eq!(
            announced.len(),
            1,
            "one selection, one announcement: {announced:?}"
        );
        let title = normalize_space(&title_of(first));
        // The title and the date with its kind ("9 juillet 2025 (date de
        // l’article qui le rapporte)"), far shorter than the panel.
        assert!(
            announced[0].contains(&title) && announced[0].len() < title.len() + 120,
            "the announcement names the event, not the whole panel: {:?}",
            announced[0]
        );

        client
            .execute(
                "window.__pointerTypes = [];
                 document.addEventListener('pointerdown',
                     (e) => window.__pointerTypes.push(e.pointerType), true);",
                vec![],
            )
            .await?;
        let finger_target = client.find(Locator::Css(&marker(last))).await?;
        tap(&client, &finger_target).await?;
        wait_for_detail_title(&client, &title_of(last)).await?;
        let pointer_types = client
            .execute("return window.__pointerTypes;", vec![])
            .await?;
        // WebKitGTK's driver has no touch device: it taps with the mouse.
        let expected = if Engine::current() == Engine::Webkit {
            "mouse"
        } else {
            "touch"
        };
        assert_eq!(pointer_types, json!([expected]), "the tap's pointer");
        let announced = announcements(&client).await?;
        assert_eq!(announced.len(), 2, "a tap announces once more: {announced:?}");
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn ctrl_wheel_zooms_and_mouse_or_finger_drags_pan_without_animation() -> TestResult {
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        let timeline = client.find(Locator::Css(TIMELINE)).await?;
        let (_, _, fit_span) = view_window(&client).await?;

        ctrl_wheel(&client, &timeline, -400).await?;
        let zoomed_span = wait_until("a narrower window after Ctrl + wheel up", || async {
            let (start, end, span) = view_window(&client).await?;
            Ok(if span < fit_span {
                Ok(span)
            } else {
                Err(format!("{start} – {end} ({span} days, was {fit_span})"))
            })
        })
        .await?;
        assert!(zoomed_span > 0, "the zoomed window is not empty");
        assert_no_animation(&client, "after zooming").await?;

        // Zoomed in about the middle, there is room both ways. Content follows the pointer:
        // dragging to the right shows earlier dates; each drag is then undone.
        for pointer in [Pointer::Mouse, Pointer::Touch] {
            let (start_before, _, span) = view_window(&client).await?;
            drag(&client, &timeline, 150.0, pointer).await?;
            wait_until(
                &format!("a {pointer:?} drag to move the window"),
                || async {
                    let (start, _, now_span) = view_window(&client).await?;
                    Ok(if start != start_before && now_span == span {
                        Ok(())
                    } else {
                        Err(format!(
                            "start {start} ({now_span} days), was {start_before}"
                        ))
                    })
                },
            )
            .await?;
            let (start_after, _, _) = view_window(&client).await?;
            assert!(
                day_number(&start_after) < day_number(&start_before),
                "{pointer:?}: dragging right shows earlier dates ({start_before} → {start_after})"
            );
            assert_no_animation(&client, "after dragging").await?;
            drag(&client, &timeline, -150.0, pointer).await?;
        }

        // After a drag, the keyboard still opens events: the click a drag ends with is
        // swallowed, not the next one.
        let focused = client
            .find(Locator::Css("[data-testid=event-marker][tabindex='0']"))
            .await?;
        let focused_id = focused.attr("data-event-id").await?.unwrap_or_default();
        focused.send_keys("\u{E007}").await?;
        support::browser::wait_for_hash(
            &client,
            &focused_id,
            "Enter on the focused event to open it after dragging",
        )
        .await?;

        client
            .find(Locator::Css("[data-testid=zoom-fit]"))
            .await?
            .click()
            .await?;
        wait_until("the fitted window again", || async {
            let (_, _, span) = view_window(&client).await?;
            Ok(if span == fit_span {
                Ok(())
            } else {
                Err(format!("{span} days"))
            })
        })
        .await?;
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn axe_finds_no_wcag_a_or_aa_violation_in_any_view_language_or_theme() -> TestResult {
    let events = events_in_date_order()?;
    let event_id = events[events.len() / 3].id.clone();
    journey(|client, site| async move {
        let mut report = Vec::new();
        let mut n_runs = 0;
        for theme in ["light", "dark"] {
            for lang in ["fr", "en"] {
                let views = [
                    ("initial", format!("/?lang={lang}")),
                    ("event open", format!("/?lang={lang}#{event_id}")),
                    ("errors panel", format!("/?lang={lang}&data={PARTIAL_DATA}")),
                    (
                        "nothing to show",
                        format!("/?lang={lang}&data={NOT_A_DATASET}"),
                    ),
                ];
                for (view, path) in views {
                    client.goto(&site.url(&path)).await?;
                    if view == "nothing to show" {
                        wait_for_state(&client, "error").await?;
                    } else {
                        wait_ready(&client).await?;
                    }
                    choose_theme(&client, theme).await?;
                    if view == "errors panel" {
                        client
                            .find(Locator::Css("[data-testid=error-panel]"))
                            .await?;
                    }
                    n_runs += 1;
                    for violation in axe_violations(&client).await? {
                        report.push(format!("[{theme}, {lang}, {view}] {violation}"));
                    }
                }
            }
        }
        println!(
            "axe-core in {}: {n_runs} views, {} violations",
            Engine::current().name(),
            report.len()
        );
        assert!(report.is_empty(), "axe-core:\n{}", report.join("\n"));
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn the_keyboard_alone_reaches_everything_with_a_visible_focus() -> TestResult {
    let n_events = events_in_date_order()?.len();
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;

        // Tab through the whole page, to its last tab stop (one more Tab would leave the page
        // for the browser's own controls): every stop shows where the focus is.
        let mut stops = Vec::new();
        let mut hidden = Vec::new();
        for _ in 0..150 {
            press(&client, Key::Tab).await?;
            let at = client
                .execute(
                    "const el = document.activeElement;
                     if (!el || el === document.body) return [null, true];
                     const tabbable = [...document.querySelectorAll(
                         'a[href], button, input, select, textarea, summary, [tabindex]')]
                         .filter((t) => t.tabIndex >= 0 && !t.disabled && t.getClientRects().length > 0);
                     return [el.outerHTML.slice(0, 90), el === tabbable[tabbable.length - 1]];",
                    vec![],
                )
                .await?;
            let Some(html) = at[0].as_str().map(str::to_string) else {
                break;
            };
            if let Err(shown) = focus_indicator(&client).await? {
                hidden.push(shown);
            }
            stops.push(html);
            if at[1] == json!(true) {
                break;
            }
        }
        assert!(
            hidden.is_empty(),
            "focus not visible on:\n{}",
            hidden.join("\n")
        );
        let reached = |needle: &str| stops.iter().any(|stop| stop.contains(needle));
        for needle in [
            "data-testid=\"event-marker\"",
            "data-testid=\"zoom-in\"",
            "data-testid=\"lang-en\"",
            "data-testid=\"theme-dark\"",
        ] {
            assert!(
                reached(needle),
                "Tab never reached {needle}; stops:\n{stops:#?}"
            );
        }

        // Every event, by arrows from the timeline's tab stop.
        client.refresh().await?;
        wait_ready(&client).await?;
        tab_to(&client, &format!("{MARKER}[tabindex=\"0\"]")).await?;
        press(&client, Key::Home).await?;
        let mut visited = std::collections::BTreeSet::new();
        let mut previous: Option<String> = None;
        for _ in 0..n_events {
            // The app moves the focus on the next animation frame: wait for a new marker.
            let id = wait_until("the next event marker to take the focus", || async {
                Ok(match active_attr(&client, "data-event-id").await? {
                    Some(id) if Some(&id) != previous.as_ref() => Ok(id),
                    other => Err(format!("focus on {other:?}")),
                })
            })
            .await?;
            visited.insert(id.clone());
            previous = Some(id);
            press(&client, Key::Right).await?;
        }
        assert_eq!(visited.len(), n_events, "arrows reach every event");

        // Every data point of every canvas chart, by arrows from its tab stop.
        for chart in CHART_CANVASES {
            let css = format!("[data-testid={chart}]");
            let n_marks: usize = attr(&client, &css, "data-mark-count")
                .await?
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            assert!(n_marks > 0, "{chart} has data points");
            tab_to(&client, &css).await?;
            wait_until(&format!("{chart}: a visible focus"), || {
                focus_indicator(&client)
            })
            .await?;
            let mut marks = std::collections::BTreeSet::new();
            let mut previous: Option<String> = None;
            for _ in 0..n_marks {
                press(&client, Key::Right).await?;
                let mark = wait_until(&format!("the next active mark in {chart}"), || async {
                    Ok(match attr(&client, &css, "data-active-mark").await? {
                        Some(mark) if !mark.is_empty() && Some(&mark) != previous.as_ref() => {
                            Ok(mark)
                        }
                        other => Err(format!("active mark {other:?}")),
                    })
                })
                .await?;
                marks.insert(mark.clone());
                previous = Some(mark);
            }
            assert_eq!(
                marks.len(),
                n_marks,
                "{chart}: arrows reach every data point"
            );
            let tooltip = text_of(&client, "[data-testid=chart-tooltip]").await?;
            assert!(
                tooltip.is_some(),
                "{chart}: the active point shows its tooltip"
            );
        }
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn a_chart_point_shows_its_tooltip_on_hover_and_opens_its_event_on_click_or_tap() -> TestResult
{
    journey(|client, site| async move {
        client.goto(&site.url("/")).await?;
        wait_ready(&client).await?;
        for (chart_idx, chart) in CHART_CANVASES.into_iter().enumerate() {
            let canvas_css = format!("[data-testid={chart}-canvas]");
            let (x, y) = find_mark_point(&client, &canvas_css).await?;

            // Hover: a real mouse move over the point.
            hover_at(&client, x, y).await?;
            let tooltip = wait_until(&format!("{chart}: a tooltip on hover"), || async {
                Ok(text_of(&client, "[data-testid=chart-tooltip]")
                    .await?
                    .ok_or_else(|| "no tooltip".to_string()))
            })
            .await?;
            assert!(!tooltip.is_empty());

            // Click (the first chart) or finger tap (the second): the point's event opens.
            client
                .execute(
                    "history.replaceState(null, '', location.pathname + location.search);",
                    vec![],
                )
                .await?;
            let pointer = if chart_idx == 0 {
                Pointer::Mouse
            } else {
                Pointer::Touch
            };
            press_at(&client, x, y, pointer).await?;
            wait_until(&format!("{chart}: the point's event opens"), || async {
                Ok(match text_of(&client, DETAIL_TITLE).await? {
                    Some(title) if !title.is_empty() => Ok(()),
                    _ => Err("no event open".to_string()),
                })
            })
            .await?;
        }
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn the_page_has_landmarks_a_heading_outline_and_a_working_theme_switch() -> TestResult {
    let events = events_in_date_order()?;
    let event_id = events[0].id.clone();
    journey(|client, site| async move {
        client.goto(&site.url(&format!("/#{event_id}"))).await?;
        wait_ready(&client).await?;
        text_of(&client, DETAIL_TITLE)
            .await?
            .ok_or("the event is open")?;

        let landmarks = landmark_counts(&client).await?;
        assert_eq!(landmarks["main"], json!(1), "one main: {landmarks}");
        assert!(landmarks["nav"].as_u64() >= Some(1), "a nav: {landmarks}");
        assert_eq!(
            landmarks["banner"],
            json!(1),
            "one page header: {landmarks}"
        );
        assert_eq!(
            landmarks["contentinfo"],
            json!(1),
            "one page footer: {landmarks}"
        );
        let (problems, outline) = heading_problems(&client).await?;
        assert!(
            problems.is_empty(),
            "{}\noutline:\n{}",
            problems.join("\n"),
            outline.join("\n")
        );

        // The theme: automatic follows the system, a choice overrides it and is remembered.
        let system_dark = client
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches;",
                vec![],
            )
            .await?;
        let system = if system_dark == json!(true) {
            &DARK
        } else {
            &LIGHT
        };
        assert_eq!(
            attr(&client, "[data-testid=theme-auto]", "aria-pressed")
                .await?
                .as_deref(),
            Some("true")
        );
        assert_page_colours(&client, system, "auto").await?;
        choose_theme(&client, "dark").await?;
        assert_page_colours(&client, &DARK, "dark").await?;
        client.refresh().await?;
        wait_ready(&client).await?;
        assert_page_colours(&client, &DARK, "dark, after a reload").await?;
        assert_eq!(
            attr(&client, "[data-testid=theme-dark]", "aria-pressed")
                .await?
                .as_deref(),
            Some("true")
        );
        choose_theme(&client, "light").await?;
        assert_page_colours(&client, &LIGHT, "light").await?;
        assert_no_animation(&client, "after switching the theme").await?;
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn from_320_to_1920_px_nothing_scrolls_sideways_overlaps_or_is_too_small() -> TestResult {
    let events = events_in_date_order()?;
    let event = events[events.len() / 2].clone();
    journey(|client, site| async move {
        let mut report = Vec::new();
        for width in WIDTHS {
            let url = site.url(&format!("/#{}", event.id));
            show_in_frame(&client, &url, width, 900).await?;
            let mut problems = horizontal_overflow(&client).await?;
            problems.extend(overlapping_timeline_text(&client).await?);
            problems.extend(small_text(&client).await?);
            problems.extend(small_targets(&client).await?);
            report.extend(
                problems
                    .into_iter()
                    .map(|problem| format!("[{width} px] {problem}")),
            );

            // The detail panel and the charts work with a finger.
            let close = client
                .find(Locator::Css("[data-testid=detail-close]"))
                .await?;
            tap(&client, &close).await?;
            wait_until(
                &format!("[{width} px] a tap on × to close the event"),
                || async {
                    Ok(match text_of(&client, DETAIL_TITLE).await? {
                        None => Ok(()),
                        Some(title) => Err(format!("still shows {title:?}")),
                    })
                },
            )
            .await?;
            let ids = marker_ids(&client).await?;
            let target = client.find(Locator::Css(&marker(&ids[0]))).await?;
            tap(&client, &target).await?;
            wait_until(
                &format!("[{width} px] a tap on a marker to open it"),
                || async {
                    Ok(match text_of(&client, DETAIL_TITLE).await? {
                        Some(_) => Ok(()),
                        None => Err("nothing open".to_string()),
                    })
                },
            )
            .await?;
            let canvas_css = format!("[data-testid={}-canvas]", CHART_CANVASES[0]);
            let (x, y) = find_mark_point(&client, &canvas_css).await?;
            press_at(&client, x, y, Pointer::Touch).await?;
            wait_until(
                &format!("[{width} px] a tap on a chart point shows its tooltip"),
                || async {
                    Ok(text_of(&client, "[data-testid=chart-tooltip]")
                        .await?
                        .ok_or_else(|| "no tooltip".to_string()))
                },
            )
            .await?;
            leave_frame(&client).await?;
        }
        assert!(report.is_empty(), "{}", report.join("\n"));
        Ok(())
    })
    .await
}

#[tokio::test]
#[ignore = "needs a release build (E2E_DIST) and a browser: run `cargo xtask test`"]
async fn screenshots_of_the_main_view_at_phone_and_desktop_width_in_both_themes() -> TestResult {
    let events = events_in_date_order()?;
    let event_id = events
        .iter()
        .find(|event| event.id == "stargate-announced")
        .unwrap_or(&events[0])
        .id
        .clone();
    let dir = screenshot_dir();
    journey(|client, site| async move {
        let engine = Engine::current().name();
        let url = site.url(&format!("/#{event_id}"));
        for theme in ["light", "dark"] {
            show_in_frame(&client, &url, 375, 760).await?;
            choose_theme(&client, theme).await?;
            let path = dir.join(format!("{engine}-phone-{theme}.png"));
            screenshot_frame(&client, &path).await?;
            leave_frame(&client).await?;

            client.set_window_size(1280, 900).await?;
            client.goto(&url).await?;
            wait_ready(&client).await?;
            choose_theme(&client, theme).await?;
            screenshot_window(&client, &dir.join(format!("{engine}-desktop-{theme}.png"))).await?;
        }
        println!("screenshots in {}", dir.display());
        Ok(())
    })
    .await
}

// Helpers, in the words of the DOM contract.

/// Presses Tab until the element matching `css` has the focus (at most 60 times).
async fn tab_to(client: &Client, css: &str) -> TestResult {
    for _ in 0..60 {
        let there = client
            .execute(
                "const el = document.querySelector(arguments[0]); \
                 return !!el && document.activeElement === el;",
                vec![json!(css)],
            )
            .await?;
        if there == json!(true) {
            return Ok(());
        }
        press(client, Key::Tab).await?;
    }
    Err(format!("60 Tabs never reached {css}").into())
}

/// The ids of the event markers drawn, left to right in the DOM.
async fn marker_ids(client: &Client) -> TestResult<Vec<String>> {
    let ids = client
        .execute(
            "return [...document.querySelectorAll(arguments[0])]
                 .filter((m) => { const r = m.getBoundingClientRect(); \
                     const t = document.querySelector('[data-testid=timeline]').getBoundingClientRect(); \
                     return r.left >= t.left && r.right <= t.right; })
                 .map((m) => m.getAttribute('data-event-id'));",
            vec![json!(MARKER)],
        )
        .await?;
    let ids: Vec<String> = serde_json::from_value(ids)?;
    if ids.len() < 2 {
        return Err(format!("need two markers in view, found {ids:?}").into());
    }
    Ok(ids)
}

/// Clicks the theme button `theme` (`auto`, `light` or `dark`) and waits for `<html>` to follow.
async fn choose_theme(client: &Client, theme: &str) -> TestResult {
    client
        .find(Locator::Css(&format!("[data-testid=theme-{theme}]")))
        .await?
        .click()
        .await?;
    wait_until(&format!("data-theme={theme}"), || async {
        let now = attr(client, "html", "data-theme").await?;
        Ok(if now.as_deref() == Some(theme) {
            Ok(())
        } else {
            Err(format!("data-theme={now:?}"))
        })
    })
    .await
}

/// The page's background and text are `palette`'s.
async fn assert_page_colours(client: &Client, palette: &Palette, when: &str) -> TestResult {
    let rgb = |c: ai_race::theme::Srgb| format!("rgb({}, {}, {})", c.r, c.g, c.b);
    let expected = json!([rgb(palette.bg), rgb(palette.text)]);
    wait_until(&format!("the {when} palette"), || async {
        let shown = client
            .execute(
                "const s = getComputedStyle(document.body); return [s.backgroundColor, s.color];",
                vec![],
            )
            .await?;
        Ok(if shown == expected {
            Ok(())
        } else {
            Err(format!("{shown}, expected {expected}"))
        })
    })
    .await
}

async fn assert_no_animation(client: &Client, when: &str) -> TestResult {
    let running = running_animations(client).await?;
    assert!(running.is_empty(), "animations {when}: {running:?}");
    Ok(())
}

/// Starts recording every text the live region takes.
async fn record_announcements(client: &Client) -> TestResult {
    client
        .execute(
            "const region = document.querySelector(arguments[0]);
             window.__announced = [];
             new MutationObserver(() => {
                 const text = region.textContent.trim();
                 if (text && window.__announced[window.__announced.length - 1] !== text) window.__announced.push(text);
             }).observe(region, { childList: true, subtree: true, characterData: true });",
            vec![json!(ANNOUNCER)],
        )
        .await?;
    Ok(())
}

/// What the live region said since [`record_announcements`].
async fn announcements(client: &Client) -> TestResult<Vec<String>> {
    // Mutation observers report after the change: let one task pass.
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let said = client
        .execute("return window.__announced || [];", vec![])
        .await?;
    Ok(serde_json::from_value::<Vec<String>>(said)?
        .iter()
        .map(|text| normalize_space(text))
        .collect())
}

/// A point of the canvas (viewport coordinates) over a data point, found the way a reader
/// finds one: the mouse goes there (real WebDriver moves) and the chart shows its pointer
/// cursor, which it sets over a data point. Where to go comes from the canvas's pixels: data
/// points are drawn in the colours of their kind (`--accent` for an announcement,
/// `--track-0`… for the others). Synthetic events would not do:
/// WebKit gives them wrong `offsetX/Y`.
async fn find_mark_point(client: &Client, canvas_css: &str) -> TestResult<(f64, f64)> {
    let candidates = client
        .execute(
            "const canvas = document.querySelector(arguments[0]);
             canvas.scrollIntoView({ block: 'center' });
             const r = canvas.getBoundingClientRect();
             const style = getComputedStyle(document.documentElement);
             const probe = document.createElement('span');
             document.body.appendChild(probe);
             const names = ['--accent', '--track-0', '--track-1', '--track-2', '--track-3', '--track-4'];
             const colours = names.map((name) => {
                 probe.style.color = style.getPropertyValue(name);
                 return getComputedStyle(probe).color.match(/\\d+/g).slice(0, 3).map(Number);
             });
             probe.remove();
             const { width, height } = canvas;
             const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
             const found = [];
             for (let y = 2; y < height; y += 3) {
                 for (let x = 2; x < width; x += 3) {
                     const i = (y * width + x) * 4;
                     if (colours.some(([cr, cg, cb]) => pixels[i] === cr && pixels[i + 1] === cg && pixels[i + 2] === cb)) {
                         found.push([r.left + x * r.width / width, r.top + y * r.height / height]);
                     }
                 }
             }
             // A spread of the candidates, not the first few of one mark.
             const step = Math.max(1, Math.floor(found.length / 40));
             return found.filter((_, i) => i % step === 0);",
            vec![json!(canvas_css)],
        )
        .await?;
    let candidates: Vec<(f64, f64)> = serde_json::from_value(candidates)?;
    for (x, y) in candidates {
        hover_at(client, x, y).await?;
        let cursor = client
            .execute(
                "return document.querySelector(arguments[0]).style.cursor;",
                vec![json!(canvas_css)],
            )
            .await?;
        if cursor == json!("pointer") {
            return Ok((x, y));
        }
    }
    Err(format!("the mouse found no data point on {canvas_css}").into())
}
