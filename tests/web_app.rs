//! Browser tests of the mounted app (wasm-bindgen-test in headless
//! Chromium): the timeline renders every event, keyboard navigation moves
//! the roving tab stop, and the language switch updates `<html lang>`.
#![cfg(target_arch = "wasm32")]

use ai_race::components::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for Leptos' asynchronous effects and one animation frame.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the app into a fresh `#app` element and returns it.
async fn mount() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    if let Some(old) = document.get_element_by_id("app") {
        old.remove();
    }
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    root.set_id("app");
    root.style().set_property("width", "1000px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), App).forget();
    tick().await;
    tick().await;
    root
}

fn n_events() -> usize {
    ai_race::data::bundled().0.events.len()
}

#[wasm_bindgen_test]
async fn the_app_reports_ready_with_the_event_count() {
    let root = mount().await;
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
    let root = mount().await;
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
    tick().await;
    let stop = root
        .query_selector("[data-event-id][tabindex=\"0\"]")
        .unwrap()
        .unwrap();
    assert_eq!(
        stop.get_attribute("data-event-id"),
        Some(dataset.events[1].id.clone())
    );
}

#[wasm_bindgen_test]
async fn clicking_a_marker_opens_its_detail_with_sources() {
    let root = mount().await;
    let marker: web_sys::HtmlElement = root
        .query_selector("[data-event-id][tabindex=\"0\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let id = marker.get_attribute("data-event-id").unwrap();
    marker.click();
    tick().await;
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
    let root = mount().await;
    let english: web_sys::HtmlElement = root
        .query_selector("[data-testid=lang-en]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    english.click();
    tick().await;
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
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
    tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("fr"));
}
