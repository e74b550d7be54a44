//! The cumulative chart: the commitments a paper can stand behind, added
//! up over time as a step line, with its summary (what it adds), a key to
//! its points, the amounts it does not add and why, the data table and the
//! downloads.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::chart_table::ChartTable;
use super::context::AppContext;
use super::export_buttons::ExportButtons;
use super::intl::IntlFormatter;
use super::intl::{tr, tr_signal};
use crate::charts::cumulative::{self, CumulativeLayout, CumulativeModel};
use crate::charts::export::ExportChart;
use crate::charts::table::cumulative_table;
use crate::charts::ChartLayout;

/// Announced commitments, added up over time.
#[component]
pub fn CumulativeChart() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let dataset = context.dataset_with_details();
    let model = Arc::new(CumulativeModel::new(&dataset));

    let build = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Callback::new(move |width: f64| {
            ChartLayout::Cumulative(CumulativeLayout::new(
                &dataset,
                &model,
                width,
                &IntlFormatter::new(lang.get()),
            ))
        })
    };
    let summary = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Signal::derive(move || {
            cumulative::summary(&dataset, &model, &IntlFormatter::new(lang.get()))
        })
    };
    let table = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Signal::derive(move || cumulative_table(&dataset, &model, &IntlFormatter::new(lang.get())))
    };
    let parts = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Signal::derive(move || {
            cumulative::summary_parts(&dataset, &model, &IntlFormatter::new(lang.get()))
        })
    };
    let title = tr_signal(lang, |s| s.chart_cumulative_heading);
    // With nothing to add there is no line to draw: the summary says why.
    let has_total = !model.steps.is_empty();

    view! {
        <section class="chart" data-testid="cumulative-chart" aria-labelledby="cumulative-heading">
            <h3 id="cumulative-heading">{tr(lang, |s| s.chart_cumulative_heading)}</h3>
            <p class="chart-summary" data-testid="cumulative-summary">{move || parts.with(|p| p.lead_text())}</p>
            <ul class="chart-key" aria-hidden="true">
                {
                    let model = model.clone();
                    move || cumulative::key(&model, lang.get()).into_iter().map(|(hollow, text)| view! {
                        <li><span class="key-dot" class:hollow=hollow></span>{text}</li>
                    }).collect_view()
                }
            </ul>
            {has_total.then(|| view! { <ChartCanvas layout_for=build label=summary name=title test_id="cumulative-canvas" /> })}
            {move || parts.with(|p| (!p.left_out.is_empty()).then(|| {
                let items = p.left_out.clone();
                view! {
                    <div class="left-out" data-testid="cumulative-left-out">
                        <h4>{lang.get().strings().chart_left_out_heading}</h4>
                        <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                    </div>
                }
            }))}
            <div class="chart-footer">
                <ChartTable table=table test_id="cumulative-table" />
                {if has_total {
                    view! { <ExportButtons chart=ExportChart::Cumulative png=build title=title /> }.into_any()
                } else {
                    view! { <ExportButtons chart=ExportChart::Cumulative title=title /> }.into_any()
                }}
            </div>
        </section>
    }
}
