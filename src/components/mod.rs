//! Leptos components (wasm only). They turn state and precomputed geometry
//! into elements and forward events to pure transitions in `state`; the
//! arithmetic lives in `scale` and `state`.

mod app;
pub mod browser;
mod detail_panel;
mod error_panel;
mod lang_switch;
mod source_list;
mod timeline;

pub use app::{App, AppContext};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app into `#app`, replacing the loading placeholder.
pub fn start() {
    browser::install_panic_hook();
    let root = document().get_element_by_id("app").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            while let Some(child) = root.first_child() {
                let _ = root.remove_child(&child);
            }
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
