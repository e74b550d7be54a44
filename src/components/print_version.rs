//! What prints instead of the interactive timeline: every event as a dated
//! list with its summary and sources, in the reader's language, written
//! just before printing (`beforeprint`) by [`crate::static_html`] and
//! removed after (a long dataset costs nothing until then).

use leptos::html;
use leptos::prelude::*;

use super::context::AppContext;
use crate::static_html::{escape_text, events_list};

/// An empty element, hidden on screen, filled while the page prints.
#[component]
pub fn PrintVersion() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let list_ref = NodeRef::<html::Div>::new();
    let dataset = context.dataset();
    let lang = context.lang();
    let before = window_event_listener_untyped("beforeprint", move |_| {
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
    let after = window_event_listener_untyped("afterprint", move |_| {
        if let Some(element) = list_ref.get_untracked() {
            element.set_inner_html("");
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    view! { <div class="print-version" data-testid="print-version" node_ref=list_ref></div> }
}
