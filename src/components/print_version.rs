//! What prints instead of the interactive timeline: every event as a dated
//! list with its summary and sources, in the reader's language, written
//! just before printing (`beforeprint`) by [`crate::static_html`] and
//! removed after (a long dataset costs nothing until then).

use leptos::html;
use leptos::prelude::*;

use super::browser;
use super::context::AppContext;
use crate::static_html::{escape_text, events_list};

/// An empty element, hidden on screen, filled while the page prints. What
/// fills it (the static version's list, with the rich-text sanitizer) is a
/// wasm chunk of its own, loaded once the page is idle; then
/// `#app[data-print=ready]`.
#[component]
pub fn PrintVersion() -> impl IntoView {
    let list_ref = NodeRef::<html::Div>::new();
    let idle = RwSignal::new(false);
    browser::when_idle_after_paint(move || {
        let _ = idle.try_set(true);
    });
    view! {
        <div class="print-version" data-testid="print-version" node_ref=list_ref></div>
        <Show when=move || idle.get()>
            {Suspend::new(async move { chunk!(print_writer(list_ref)) })}
        </Show>
    }
}

/// Listens for `beforeprint` and `afterprint` (until the story goes), in its
/// own wasm chunk (`#[lazy]`).
#[cfg_attr(feature = "split", leptos::lazy)]
fn print_writer(list_ref: NodeRef<html::Div>) -> AnyView {
    let context = expect_context::<AppContext>();
    let dataset = context.dataset_with_details();
    let lang = context.lang();
    browser::on_window_untyped("beforeprint", move |_| {
        if let Some(element) = list_ref.get_untracked() {
            let lang = lang.get_untracked();
            // Every dataset string is escaped by `static_html`.
            element.set_inner_html(&format!(
                "<h2>{}</h2>{}",
                escape_text(lang.strings().timeline_heading),
                events_list(&dataset, lang)
            ));
        }
    });
    browser::on_window_untyped("afterprint", move |_| {
        if let Some(element) = list_ref.get_untracked() {
            element.set_inner_html("");
        }
    });
    browser::set_root_attribute("data-print", "ready");
    ().into_any()
}
