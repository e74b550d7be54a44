//! The cumulative chart: announced commitments over time as a step line,
//! with its summary (what is counted), a key to its points, the data
//! table and the downloads.

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
    let dataset = context.dataset();
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
    let title = tr_signal(lang, |s| s.chart_cumulative_heading);

    view! {
        <section class="chart" data-testid="cumulative-chart" aria-labelledby="cumulative-heading">
            <h3 id="cumulative-heading">{tr(lang, |s| s.chart_cumulative_heading)}</h3>
            <p class="chart-summary" data-testid="cumulative-summary">{move || summary.get()}</p>
            <ul class="chart-key" aria-hidden="true">
                {
                    let model = model.clone();
                    move || cumulative::key(&model, lang.get()).into_iter().map(|(hollow, text)| view! {
                        <li><span class="key-dot" class:hollow=hollow></span>{text}</li>
                    }).collect_view()
                }
            </ul>
            <ChartCanvas layout_for=build label=summary name=title test_id="cumulative-canvas" />
            <div class="chart-footer">
                <ChartTable table=table test_id="cumulative-table" />
                <ExportButtons chart=ExportChart::Cumulative png=build title=title />
            </div>
        </section>
    }
}
