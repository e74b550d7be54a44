//! Who is in what: the actor × initiative matrix as an HTML table (rows
//! grouped by kind of actor), which screen readers read natively; the
//! selected event's cells are highlighted.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::AppContext;
use super::export_buttons::ExportButtons;
use super::intl::IntlFormatter;
use super::intl::{tr, tr_signal};
use crate::charts::actor_matrix::{self, kind_heading, ActorMatrix as Matrix};
use crate::charts::export::ExportChart;
use crate::i18n::fill;

/// The matrix, its summary and its downloads.
#[component]
pub fn ActorMatrix() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let selected = context.selected();
    let dataset = context.dataset_with_details();
    let matrix = Arc::new(Matrix::new(&dataset));
    let summary = {
        let (dataset, matrix) = (dataset.clone(), matrix.clone());
        Signal::derive(move || {
            actor_matrix::summary(&dataset, &matrix, &IntlFormatter::new(lang.get()))
        })
    };
    let title = tr_signal(lang, |s| s.chart_matrix_heading);
    let n_table_columns = matrix.n_table_columns();
    let selected_initiative = {
        let dataset = dataset.clone();
        let columns = matrix.initiative_idxs.clone();
        Memo::new(move |_| {
            let event = selected.get().and_then(|i| dataset.events.get(i))?;
            let initiative = dataset
                .initiatives
                .iter()
                .position(|i| Some(&i.id) == event.initiative.as_ref())?;
            columns.iter().position(|&c| c == initiative)
        })
    };

    let headers = {
        let dataset = dataset.clone();
        let columns = matrix.initiative_idxs.clone();
        move || {
            let lang = lang.get();
            columns
                .iter()
                .enumerate()
                .map(|(column, &initiative)| {
                    let label = crate::present::initiative_label(&dataset, Some(initiative), lang);
                    view! {
                        <th scope="col" class:selected=move || selected_initiative.get() == Some(column)>
                            <span class="matrix-col" title=label.clone()>{label.clone()}</span>
                        </th>
                    }
                })
                .collect_view()
        }
    };

    let body = {
        let (dataset, matrix) = (dataset.clone(), matrix.clone());
        move || {
            let lang = lang.get();
            let strings = lang.strings();
            matrix
                .rows_by_kind(&dataset)
                .into_iter()
                .map(|(kind, rows)| {
                    let row_views = rows
                        .into_iter()
                        .map(|row| {
                            let actor = &dataset.actors[matrix.actor_idxs[row]];
                            let cells = matrix.cells[row]
                                .iter()
                                .enumerate()
                                .map(|(column, events)| {
                                    if events.is_empty() {
                                        return view! { <td class:col-selected=move || selected_initiative.get() == Some(column)></td> }.into_any();
                                    }
                                    let titles: Vec<String> = events.iter().filter_map(|&e| dataset.events.get(e)).map(|e| lang.pick(&e.title).to_string()).collect();
                                    let events = events.clone();
                                    let hidden = fill(strings.chart_matrix_cell, crate::present::count(events.len(), &IntlFormatter::new(lang)));
                                    view! {
                                        <td class="on" title=titles.join(" · ")
                                            class:col-selected=move || selected_initiative.get() == Some(column)
                                            class:selected=move || selected.get().is_some_and(|e| events.contains(&e))>
                                            <span class="dot" aria-hidden="true"></span>
                                            <span class="visually-hidden">{hidden}</span>
                                        </td>
                                    }
                                    .into_any()
                                })
                                .collect_view();
                            view! {
                                <tr data-actor-id=actor.id.clone()>
                                    <th scope="row">{lang.pick(&actor.name).to_string()}</th>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody>
                            <tr class="matrix-group"><th scope="rowgroup" colspan=n_table_columns.to_string()>{kind_heading(kind, strings)}</th></tr>
                            {row_views}
                        </tbody>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <section class="chart" data-testid="actor-matrix" aria-labelledby="matrix-heading">
            <h3 id="matrix-heading">{tr(lang, |s| s.chart_matrix_heading)}</h3>
            <p class="chart-summary" data-testid="matrix-summary">{move || summary.get()}</p>
            <p class="chart-note" id="matrix-note">{tr(lang, |s| s.chart_matrix_caption)}</p>
            <div class="matrix-scroll" role="region" tabindex="0" aria-labelledby="matrix-heading" aria-describedby="matrix-note">
                <table class="matrix" data-testid="actor-matrix-table">
                    <caption class="visually-hidden">{tr(lang, |s| s.chart_matrix_heading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="matrix-corner">{tr(lang, |s| s.chart_matrix_actor_col)}</th>
                            {headers}
                        </tr>
                    </thead>
                    {body}
                </table>
            </div>
            <div class="chart-footer">
                <ExportButtons chart=ExportChart::ActorMatrix title=title />
            </div>
        </section>
    }
}
