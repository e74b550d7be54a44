//! Browser tests of the mounted app (wasm-bindgen-test in headless
//! Chromium): the timeline renders every event, keyboard navigation moves
//! the roving tab stop, and the language switch updates `<html lang>`.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::{mount, wait_until, Mounted};

wasm_bindgen_test_configure!(run_in_browser);

/// The app, in French with nothing selected, in a 1000 px `#app`.
async fn mount_app() -> Mounted {
    mount("?", "1000px").await
}

fn tab_stop_id(root: &web_sys::HtmlElement) -> Option<String> {
    root.query_selector("[data-event-id][tabindex=\"0\"]")
        .unwrap()
        .and_then(|stop| stop.get_attribute("data-event-id"))
}

fn n_events() -> usize {
    ai_race::data::bundled().0.events.len()
}

#[wasm_bindgen_test]
async fn the_app_reports_ready_with_the_event_count() {
    let app = mount_app().await;
    let root = &app.root;
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(
        root.get_attribute("data-event-count"),
        Some(n_events().to_string())
    );
    let markers = root
        .query_selector_all("[data-testid=timeline] .marker")
        .unwrap();
    assert!(markers.length() > 0, "markers are drawn");
    let tab_stops = root
        .query_selector_all("[data-event-id][tabindex=\"0\"]")
        .unwrap();
    assert_eq!(tab_stops.length(), 1, "exactly one roving tab stop");
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_tab_stop_to_the_next_event() {
    let app = mount_app().await;
    let root = &app.root;
    let dataset = ai_race::data::bundled().0;
    let first: web_sys::HtmlElement = root
        .query_selector("[data-event-id][tabindex=\"0\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        first.get_attribute("data-event-id"),
        Some(dataset.events[0].id.clone())
    );
    first.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    first.dispatch_event(&event).unwrap();
    let second = Some(dataset.events[1].id.clone());
    wait_until("the tab stop to move", || tab_stop_id(root) == second).await;
}

#[wasm_bindgen_test]
async fn clicking_a_marker_opens_its_detail_with_sources() {
    let app = mount_app().await;
    let root = &app.root;
    let marker: web_sys::HtmlElement = root
        .query_selector("[data-event-id][tabindex=\"0\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let id = marker.get_attribute("data-event-id").unwrap();
    marker.click();
    wait_until("the detail", || {
        root.query_selector("[data-testid=detail-title]")
            .unwrap()
            .is_some()
    })
    .await;
    let title = root
        .query_selector("[data-testid=detail-title]")
        .unwrap()
        .expect("detail title");
    let dataset = ai_race::data::bundled().0;
    let event = &dataset.events[dataset.event_idx(&id).unwrap()];
    assert_eq!(title.text_content().unwrap(), event.title.fr);
    let quotes = root
        .query_selector_all("[data-testid=detail-sources] blockquote [lang=fr]")
        .unwrap();
    assert!(quotes.length() > 0);
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, format!("#{id}"));
    // Leave the URL clean for the other tests.
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_language_switch_sets_html_lang() {
    let app = mount_app().await;
    let root = &app.root;
    let english: web_sys::HtmlElement = root
        .query_selector("[data-testid=lang-en]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    english.click();
    let html = web_support::document().document_element().unwrap();
    let lang = || html.get_attribute("lang");
    wait_until("<html lang=en>", || lang().as_deref() == Some("en")).await;
    assert_eq!(
        english.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let french: web_sys::HtmlElement = root
        .query_selector("[data-testid=lang-fr]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    french.click();
    wait_until("<html lang=fr>", || lang().as_deref() == Some("fr")).await;
}
