//! The data table behind a canvas chart, shown on demand: what a reader
//! who cannot see the canvas reads, and what anyone can copy.

use leptos::prelude::*;

use super::context::AppContext;
use crate::charts::table::TableData;

/// A "Show the data" toggle and the table it reveals.
#[component]
pub fn ChartTable(
    /// The table's caption, headers and rows (already formatted).
    #[prop(into)]
    table: Signal<TableData>,
    /// `data-testid` of the table; the toggle gets `{test_id}-toggle`.
    test_id: &'static str,
) -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let selected = context.selected();
    let open = RwSignal::new(false);
    let table_id = format!("{test_id}-table");
    view! {
        <div class="chart-table">
            <button
                type="button"
                class="table-toggle"
                data-testid=format!("{test_id}-toggle")
                aria-expanded=move || open.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { lang.get().strings().chart_hide_table } else { lang.get().strings().chart_show_table }}
            </button>
            <div id=table_id class="table-scroll" hidden=move || !open.get()>
                // Built when opened: a table of thousands of rows costs
                // nothing until a reader asks for it.
                {move || open.get().then(|| {
                    let data = table.get();
                    view! {
                        <table data-testid=test_id>
                            <caption>{data.caption.clone()}</caption>
                            <thead>
                                <tr>{data.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {data.rows.into_iter().map(|row| {
                                    let event_idx = row.event_idx;
                                    let n_cells = row.cells.len();
                                    let quote = row.quote.clone();
                                    view! {
                                        <tr class:selected=move || selected.get() == Some(event_idx)>
                                            {row.cells.into_iter().enumerate().map(|(i, cell)| {
                                                let is_last = i + 1 == n_cells;
                                                let quote = if is_last { quote.clone() } else { None };
                                                if i == 0 {
                                                    view! { <th scope="row">{cell}</th> }.into_any()
                                                } else {
                                                    view! {
                                                        <td>
                                                            {is_last.then(|| view! { <cite lang="fr">{cell.clone()}</cite> })}
                                                            {(!is_last).then(|| cell.clone())}
                                                            {quote.map(|q| view! { <br /><q lang="fr">{q}</q> })}
                                                        </td>
                                                    }.into_any()
                                                }
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            </div>
        </div>
    }
}
