//! The list of data problems: shown when the file had any, above the rest
//! (which still shows), or alone when nothing could be shown.

use leptos::prelude::*;

use super::context::AppContext;
use crate::data::problem::listed_and_counted;

/// The panel, in its own wasm chunk with the problem messages (`#[lazy]`):
/// the published story has no problems and never loads it.
#[cfg_attr(feature = "split", leptos::lazy)]
pub fn error_panel() -> AnyView {
    view! { <ErrorPanel /> }.into_any()
}

/// Every problem with its JSON path and message in the reader's language.
#[component]
pub fn ErrorPanel() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let problems = context.problems();
    let is_fatal = context.dataset().events.is_empty();
    let lang = context.lang();
    let (n_listed, n_counted) = listed_and_counted(problems.len());
    // Once the list is on the page (effects run after it is built).
    Effect::new(move |_| {
        super::browser::set_root_attribute("data-state", if is_fatal { "error" } else { "ready" });
        super::browser::set_root_attribute("aria-busy", "false");
    });
    (!problems.is_empty()).then(move || {
        let strings = move || lang.get().strings();
        view! {
            <section class="error-panel" class:fatal=is_fatal role="alert" data-testid="error-panel">
                <h2>{move || if is_fatal { strings().fatal_heading } else { strings().errors_heading }}</h2>
                <p>{move || if is_fatal { strings().fatal_intro } else { strings().errors_intro }}</p>
                <ul>
                    {problems
                        .iter()
                        .take(n_listed)
                        .map(|problem| {
                            let message = problem.message();
                            let hint = problem.hint();
                            let is_error = problem.is_error();
                            let place = problem.place();
                            view! {
                                <li data-testid="problem" data-severity=if is_error { "error" } else { "warning" }>
                                    <strong>{move || if is_error { strings().error_label } else { strings().warning_label }}</strong>
                                    " "
                                    <code>{place}</code>
                                    " — "
                                    {move || lang.get().pick(&message).to_string()}
                                    <br />
                                    <span class="hint">
                                        {move || strings().hint_label} {move || strings().colon} {move || lang.get().pick(&hint).to_string()}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                    {(n_counted > 0).then(|| view! {
                        <li class="muted">{format!("… +{n_counted}")}</li>
                    })}
                </ul>
            </section>
        }
    })
}
