//! "Get the data" under the story, in the page and in the embed (issue
//! 18): a link to the file shown — the published JSON or the `?data=`
//! file — with its sources. Where it points is `state::get_the_data`.

use leptos::prelude::*;

use super::context::AppContext;
use crate::state::get_the_data::data_link;

/// Below the story: a wasm chunk of its own (`#[lazy]`), shown once the
/// page is idle, so that the first module does not carry it.
#[component]
pub fn GetTheData() -> impl IntoView {
    let idle = RwSignal::new(false);
    super::browser::when_idle_after_paint(move || {
        let _ = idle.try_set(true);
    });
    view! {
        <Show when=move || idle.get()>
            {Suspend::new(async { chunk!(get_the_data()) })}
        </Show>
    }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn get_the_data() -> AnyView {
    view! { <DataLink /> }.into_any()
}

/// The link, or nothing for a file the reader picked themselves.
#[component]
fn DataLink() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let strings = move || lang.get().strings();
    data_link(&context.origin()).map(|link| {
        view! {
            <p class="get-the-data" data-testid="get-the-data">
                <a href=link.href download=link.file_name data-testid="get-the-data-link">
                    {move || strings().get_the_data}
                </a>
                " "
                <span class="muted">{move || strings().get_the_data_note}</span>
            </p>
        }
    })
}
