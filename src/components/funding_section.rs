//! The money side of the story, under the timeline: commitments by
//! initiative, their running total, who is in what, and the other key
//! figures. Every chart shares the one selection of the timeline. A chart
//! with nothing to show (a dataset without dollar figures...) is left out.

use leptos::prelude::*;

use super::actor_matrix::ActorMatrix;
use super::commitments_chart::CommitmentsChart;
use super::context::AppContext;
use super::cumulative_chart::CumulativeChart;
use super::intl::tr;
use super::key_figures::KeyFigures;

/// The funding section.
#[component]
pub fn FundingSection() -> impl IntoView {
    let context = expect_context::<AppContext>();
    // After the section is on the page (effects run after it is built):
    // `#app[data-charts=ready]` tells tests and embedders the charts are there.
    Effect::new(move |_| super::browser::set_root_attribute("data-charts", "ready"));
    let lang = context.lang();
    let dataset = &context.dataset_with_details();
    let has_money = dataset.figures.iter().any(|f| f.unit.is_money());
    let has_other_figures = dataset.figures.iter().any(|f| !f.unit.is_money());
    let has_steps = !crate::charts::CumulativeModel::new(dataset)
        .steps
        .is_empty();
    let has_matrix = !crate::charts::ActorMatrix::new(dataset)
        .actor_idxs
        .is_empty();
    if !(has_money || has_other_figures || has_matrix) {
        return ().into_any();
    }
    view! {
        <section class="funding" data-testid="funding" aria-labelledby="funding-heading">
            <div class="section-head">
                <h2 id="funding-heading">{tr(lang, |s| s.funding_heading)}</h2>
            </div>
            <p class="funding-dek">{tr(lang, |s| s.funding_dek)}</p>
            <p class="help">{tr(lang, |s| s.chart_help)}</p>
            {has_money.then(|| view! { <CommitmentsChart /> })}
            {has_steps.then(|| view! { <CumulativeChart /> })}
            {has_matrix.then(|| view! { <ActorMatrix /> })}
            {has_other_figures.then(|| view! { <KeyFigures /> })}
        </section>
    }
    .into_any()
}
