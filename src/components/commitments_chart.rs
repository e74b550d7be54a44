//! The commitments chart: its toggles (total or per year, linear or log),
//! its summary, the canvas, the data table and the downloads.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::chart_table::ChartTable;
use super::context::AppContext;
use super::export_buttons::ExportButtons;
use super::intl::IntlFormatter;
use super::intl::{tr, tr_signal};
use crate::charts::commitments::{
    self, AmountMode, CommitmentsLayout, CommitmentsModel, CommitmentsOptions, ScaleKind,
};
use crate::charts::export::ExportChart;
use crate::charts::table::commitments_table;
use crate::charts::ChartLayout;

/// Every dollar figure as bars by initiative.
#[component]
pub fn CommitmentsChart() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let dataset = context.dataset_with_details();
    let model = Arc::new(CommitmentsModel::new(&dataset));
    let options = RwSignal::new(CommitmentsOptions::default());

    let build = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Callback::new(move |width: f64| {
            let fmt = IntlFormatter::new(lang.get());
            ChartLayout::Commitments(CommitmentsLayout::new(
                &dataset,
                &model,
                options.get(),
                width,
                &fmt,
            ))
        })
    };
    let summary = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Signal::derive(move || {
            commitments::summary(
                &dataset,
                &model,
                options.get(),
                &IntlFormatter::new(lang.get()),
            )
        })
    };
    let table = {
        let (dataset, model) = (dataset.clone(), model.clone());
        Signal::derive(move || commitments_table(&dataset, &model, &IntlFormatter::new(lang.get())))
    };
    let title = tr_signal(lang, |s| s.chart_commitments_heading);

    let mode_button = move |mode: AmountMode, test_id: &'static str| {
        view! {
            <button type="button" data-testid=test_id aria-pressed=move || (options.get().mode == mode).to_string()
                on:click=move |_| options.update(|o| o.mode = mode)>
                {tr(lang, match mode {
                    AmountMode::Total => |s| s.chart_mode_total,
                    AmountMode::PerYear => |s| s.chart_mode_per_year,
                })}
            </button>
        }
    };
    let scale_button = move |scale: ScaleKind, test_id: &'static str| {
        view! {
            <button type="button" data-testid=test_id aria-pressed=move || (options.get().scale == scale).to_string()
                on:click=move |_| options.update(|o| o.scale = scale)>
                {tr(lang, match scale {
                    ScaleKind::Linear => |s| s.chart_scale_linear,
                    ScaleKind::Log => |s| s.chart_scale_log,
                })}
            </button>
        }
    };

    view! {
        <section class="chart" data-testid="commitments-chart" aria-labelledby="commitments-heading">
            <h3 id="commitments-heading">{tr(lang, |s| s.chart_commitments_heading)}</h3>
            <p class="chart-summary" data-testid="commitments-summary">{move || summary.get()}</p>
            <div class="chart-controls">
                <div class="segmented" role="group" aria-label=tr(lang, |s| s.chart_mode_label)>
                    <span class="segmented-label" aria-hidden="true">{tr(lang, |s| s.chart_mode_label)}</span>
                    {mode_button(AmountMode::Total, "mode-total")}
                    {mode_button(AmountMode::PerYear, "mode-per-year")}
                </div>
                <div class="segmented" role="group" aria-label=tr(lang, |s| s.chart_scale_label)>
                    <span class="segmented-label" aria-hidden="true">{tr(lang, |s| s.chart_scale_label)}</span>
                    {scale_button(ScaleKind::Linear, "scale-linear")}
                    {scale_button(ScaleKind::Log, "scale-log")}
                </div>
            </div>
            <ChartCanvas layout_for=build label=summary name=title test_id="commitments-canvas" />
            <div class="chart-footer">
                <ChartTable table=table test_id="commitments-table" />
                <ExportButtons chart=ExportChart::Commitments png=build title=title />
            </div>
        </section>
    }
}
