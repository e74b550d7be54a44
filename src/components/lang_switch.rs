//! The FR/EN switch.

use leptos::prelude::*;

use super::context::AppContext;
use crate::i18n::Lang;

/// Buttons for each language; the current one is pressed.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let state = context.view_state();
    view! {
        <nav class="lang-switch" aria-label=move || lang.get().strings().language_switch_label>
            {Lang::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <button
                            type="button"
                            lang=option.code()
                            data-testid=format!("lang-{}", option.code())
                            aria-pressed=move || (lang.get() == option).to_string()
                            on:click=move |_| state.update(|s| s.lang = option)
                        >
                            <span aria-hidden="true">{option.code().to_uppercase()}</span>
                            <span class="visually-hidden">{option.strings().lang_name}</span>
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
