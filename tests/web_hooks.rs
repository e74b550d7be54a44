//! The app's browser hooks clean up (issue 16): every observer and listener
//! a component starts is released when its component goes, so showing other
//! data 50 times leaves exactly the hooks one app needs, and unmounting the
//! app leaves none. Counted by `browser::live_hooks`, which every hook of
//! the app goes through (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

mod web_support;

use ai_race::components::browser::{live_hooks, LiveHooks};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_support::{charts_ready, document, mount, wait_until, window};

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("../www/fixtures/antiquity.json");

/// Drops a file named `name` holding `text` on the page, as a reader
/// dragging it from their desktop would.
fn drop_file(name: &str, text: &str) {
    let file =
        web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&JsValue::from_str(text)), name)
            .unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let event = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}

/// Waits until the page shows `n_events` events with its charts and its
/// print writer (the parts built once the page is idle).
async fn shown(root: &web_sys::HtmlElement, n_events: usize) {
    let count = n_events.to_string();
    wait_until("the other data to be shown", || {
        root.get_attribute("data-event-count").as_deref() == Some(count.as_str())
            && root.get_attribute("data-state").as_deref() == Some("ready")
    })
    .await;
    charts_ready(root).await;
    wait_until("the print writer", || {
        root.get_attribute("data-print").as_deref() == Some("ready")
    })
    .await;
}

fn canvases(root: &web_sys::HtmlElement) -> u32 {
    root.query_selector_all("canvas").unwrap().length()
}

#[wasm_bindgen_test]
async fn fifty_dataset_swaps_leave_the_hooks_of_one_app_and_unmounting_leaves_none() {
    assert_eq!(live_hooks(), LiveHooks::default(), "no hook before the app");
    let mut app = mount("?lang=fr", "1000px").await;
    let root = app.root.clone();
    let n_published = ai_race::data::bundled().0.events.len();
    let n_fixture = ai_race::data::load(FIXTURE.as_bytes()).dataset.events.len();
    assert_ne!(n_published, n_fixture, "the two datasets are told apart");
    shown(&root, n_published).await;

    // One app: the timeline's and each chart's width, each chart's two
    // theme watchers and its device-pixel-ratio listener, and the page's
    // own window listeners (drag and drop, history, print).
    let one_app = live_hooks();
    let n_charts = canvases(&root);
    assert!(n_charts >= 2, "the published story has its charts");
    assert_eq!(one_app.resize_observers, 1 + n_charts, "{one_app:?}");
    assert_eq!(one_app.mutation_observers, n_charts, "{one_app:?}");
    assert_eq!(one_app.media_listeners, n_charts, "{one_app:?}");
    assert!(one_app.window_listeners > n_charts, "{one_app:?}");

    // 50 swaps: a dropped file, then back to the published data.
    for _ in 0..25 {
        root.remove_attribute("data-print").unwrap();
        drop_file("antiquity.json", FIXTURE);
        shown(&root, n_fixture).await;
        let back = {
            let root = root.clone();
            move || root.query_selector("[data-testid=data-published]").unwrap()
        };
        wait_until("the button back to the published data", || back().is_some()).await;
        root.remove_attribute("data-print").unwrap();
        back()
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap()
            .click();
        shown(&root, n_published).await;
    }
    assert_eq!(canvases(&root), n_charts);
    assert_eq!(live_hooks(), one_app, "after 50 swaps");

    app.unmount();
    assert_eq!(live_hooks(), LiveHooks::default(), "after unmounting");
    assert!(document().get_element_by_id("app").is_none());
}
