//! The list of data problems: shown when the file had any, above the rest
//! (which still shows), or alone when nothing could be shown.

use leptos::prelude::*;

use super::AppContext;

/// Every problem with its JSON path and message in the reader's language.
#[component]
pub fn ErrorPanel() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let problems = context.problems.clone();
    let is_fatal = context.dataset.events.is_empty();
    let lang = context.lang;
    (!problems.is_empty()).then(move || {
        let strings = move || lang.get().strings();
        view! {
            <section class="error-panel" class:fatal=is_fatal role="alert" data-testid="error-panel">
                <h2>{move || if is_fatal { strings().fatal_heading } else { strings().errors_heading }}</h2>
                <p>{move || if is_fatal { strings().fatal_intro } else { strings().errors_intro }}</p>
                <ul>
                    {problems
                        .iter()
                        .map(|problem| {
                            let message = problem.message();
                            let is_error = problem.is_error();
                            let position = match (problem.line, problem.column) {
                                (Some(line), Some(column)) => format!(" {line}:{column}"),
                                _ => String::new(),
                            };
                            let path = if problem.path.is_empty() { "$".to_string() } else { problem.path.clone() };
                            view! {
                                <li data-testid="problem">
                                    <strong>{move || if is_error { strings().error_label } else { strings().warning_label }}</strong>
                                    " "
                                    <code>{format!("{path}{position}")}</code>
                                    " — "
                                    {move || lang.get().pick(&message).to_string()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
