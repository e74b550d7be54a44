//! The newsroom tools in the footer: preview a local JSON or CSV file (it
//! never leaves the computer), and go back to the published data.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{AppContext, DataControl};
use crate::state::get_the_data::TEMPLATE_HREF;
use crate::state::shown::DataOrigin;

/// The tools, below the fold: a wasm chunk of their own (`#[lazy]`), shown
/// once the page is idle.
#[component]
pub fn DataToolsLater() -> impl IntoView {
    let idle = RwSignal::new(false);
    super::browser::when_idle_after_paint(move || {
        let _ = idle.try_set(true);
    });
    view! {
        <Show when=move || idle.get()>
            {Suspend::new(async { chunk!(data_tools()) })}
        </Show>
    }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn data_tools() -> AnyView {
    view! { <DataTools /> }.into_any()
}

/// A file picker (drag and drop works anywhere on the page too) and, when
/// other data is shown, a button back to the published data.
#[component]
pub fn DataTools() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let control = expect_context::<DataControl>();
    let lang = context.lang();
    let strings = move || lang.get().strings();
    let is_published = context.origin() == DataOrigin::Published;

    let on_change = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let file = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            control.show_file(file);
        }
    };

    view! {
        <section class="data-tools" data-testid="data-tools" aria-labelledby="data-tools-heading">
            <h2 id="data-tools-heading">{move || strings().data_tools_heading}</h2>
            <label for="data-file">{move || strings().data_file_label}</label>
            <input
                type="file"
                id="data-file"
                data-testid="data-file"
                accept=".json,.csv,application/json,text/csv"
                aria-describedby="data-file-help"
                on:change=on_change
            />
            <p id="data-file-help" class="muted">{move || strings().data_file_help}</p>
            <p class="data-template">
                <a href=TEMPLATE_HREF download="template.csv" data-testid="data-template" aria-describedby="data-template-help">
                    {move || strings().data_template_link}
                </a>
            </p>
            <p id="data-template-help" class="muted">{move || strings().data_template_help}</p>
            {(!is_published).then(|| view! {
                <button type="button" data-testid="data-published" on:click=move |_| control.show_published()>
                    {move || strings().data_back_to_published}
                </button>
            })}
        </section>
    }
}
