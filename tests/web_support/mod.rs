//! What the browser tests (tests/web*.rs, wasm-bindgen-test) share: mounting
//! the app into a fresh `#app` and unmounting it when the test is done, and
//! waiting on the condition a step needs (checked at every animation frame)
//! instead of a fixed timer.
#![allow(dead_code)]

use std::time::Duration;

use ai_race::components::App;
use wasm_bindgen::JsCast;

/// How long a condition may take before the test fails (a cold headless
/// browser on a shared machine builds the charts in well under this).
const PATIENCE: Duration = Duration::from_secs(15);

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Resolves at the next animation frame (Leptos' effects have run by then).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits, frame after frame, until `condition` holds; fails the test with
/// `what` when it still does not after [`PATIENCE`].
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    while !condition() {
        if js_sys::Date::now() - start > PATIENCE.as_secs_f64() * 1000.0 {
            panic!("waited {} s for {what}", PATIENCE.as_secs());
        }
        next_frame().await;
    }
}

/// The app mounted into `#app`: unmounted (its owner cleaned up, its
/// element removed) when dropped.
pub struct Mounted {
    pub root: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    /// Unmounts the app now.
    pub fn unmount(&mut self) {
        self.handle.take();
        self.root.remove();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Sets the page's query (`?lang=fr`…) without a history entry.
pub fn set_query(query: &str) {
    let path = window().location().pathname().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
}

/// Mounts the app into a fresh `#app` of `width` (CSS), after the page's
/// query was set to `query`, and waits until it says it is ready and its
/// timeline holds the tab stop.
pub async fn mount(query: &str, width: &str) -> Mounted {
    set_query(query);
    let document = document();
    if let Some(old) = document.get_element_by_id("app") {
        old.remove();
    }
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    root.set_id("app");
    root.style().set_property("width", width).unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), App);
    let mounted = Mounted {
        root,
        handle: Some(Box::new(handle)),
    };
    wait_until("the app to be ready", || {
        mounted.root.get_attribute("data-state").as_deref() == Some("ready")
    })
    .await;
    // The timeline lays its markers out once it knows its width.
    wait_until("the timeline's markers", || {
        mounted
            .root
            .query_selector("[data-testid=timeline] [data-event-id][tabindex=\"0\"]")
            .unwrap()
            .is_some()
    })
    .await;
    mounted
}

/// Waits until the funding charts are built (once the timeline is drawn and
/// the page idle).
pub async fn charts_ready(root: &web_sys::HtmlElement) {
    wait_until("the charts", || {
        root.get_attribute("data-charts").as_deref() == Some("ready")
    })
    .await;
    // Their canvases are drawn in the effects that follow.
    next_frame().await;
}
