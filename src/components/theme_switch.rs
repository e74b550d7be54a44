//! The colour theme switch: automatic (the system's `prefers-color-scheme`),
//! light or dark. The choice is set on `<html data-theme>` and kept for the
//! next visit.

use leptos::prelude::*;

use super::browser;
use super::context::AppContext;
use crate::i18n::Strings;
use crate::theme::ThemeChoice;

fn choice_name(choice: ThemeChoice, strings: &Strings) -> &'static str {
    match choice {
        ThemeChoice::Auto => strings.theme_auto,
        ThemeChoice::Light => strings.theme_light,
        ThemeChoice::Dark => strings.theme_dark,
    }
}

/// One button per choice; the current one is pressed.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let lang = expect_context::<AppContext>().lang();
    let current = RwSignal::new(browser::stored_theme());
    let strings = move || lang.get().strings();
    view! {
        <div class="theme-switch" role="group" aria-label=move || strings().theme_switch_label>
            {ThemeChoice::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("theme-{}", option.code())
                            aria-pressed=move || (current.get() == option).to_string()
                            on:click=move |_| {
                                current.set(option);
                                browser::apply_theme(option);
                                browser::store_theme(option);
                            }
                        >
                            {move || choice_name(option, strings())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
