//! Leptos components (wasm only). They turn state and precomputed geometry
//! into elements and forward events to pure transitions in `state`; the
//! arithmetic lives in `scale` and `state`.

/// Calls a function marked `#[cfg_attr(feature = "split", leptos::lazy)]`,
/// inside an `async` block: with the `split` feature (Trunk's builds, see
/// index.html) the call is awaited while its wasm chunk loads; without it
/// (the wasm-bindgen tests, whose runner cannot split a wasm) the function
/// is an ordinary one in the one module.
macro_rules! chunk {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let value = $call.await;
        #[cfg(not(feature = "split"))]
        let value = $call;
        value
    }};
}

mod actor_matrix;
mod app;
mod auto_height;
pub mod browser;
mod chart_canvas;
mod chart_table;
mod commitments_chart;
mod context;
mod cumulative_chart;
mod data_tools;
mod detail_panel;
mod download;
mod embed_dialog;
mod error_panel;
mod export_buttons;
mod funding_section;
mod get_the_data;
pub mod intl;
mod key_figures;
mod lang_switch;
mod print_version;
mod rich_text;
mod source_list;
mod theme_switch;
mod timeline;

pub use app::App;
pub use context::{AppContext, DataControl};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app into `#app`, replacing the loading placeholder.
pub fn start() {
    browser::install_panic_hook();
    // For the tests and anyone measuring the page, with `ai-race:ready`
    // (www/boot.js): when the app's own code starts.
    browser::performance_mark("ai-race:start");
    // Before the first render, so a chosen dark theme never flashes light.
    browser::apply_theme(browser::stored_theme());
    // Embed mode is a class on <html>; framed pages report their height
    // (from `App`, whose owner holds the observer and listeners).
    browser::apply_embed(browser::read_url().embed);
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            // The loading state's timeline has the real one's width, and the
            // page is laid out now: the timeline can lay its markers out
            // before its first layout instead of forcing one.
            browser::remember_plot_width(&root);
            while let Some(child) = root.first_child() {
                let _ = root.remove_child(&child);
            }
            // The app lives as long as the page (tests unmount theirs).
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
