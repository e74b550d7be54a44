//! The data table behind a canvas chart, shown on demand: what a reader
//! who cannot see the canvas reads, and what anyone can copy.

use leptos::prelude::*;

use super::context::AppContext;
use super::source_list::quote_view;
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
                    let source_column = data.source_column;
                    view! {
                        <table data-testid=test_id>
                            <caption>{data.caption.clone()}</caption>
                            <thead>
                                <tr>{data.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {data.rows.into_iter().map(|row| {
                                    let event_idx = row.event_idx;
                                    let quote = row.quote.clone();
                                    view! {
                                        <tr class:selected=move || selected.get() == Some(event_idx)>
                                            {row.cells.into_iter().enumerate().map(|(i, cell)| {
                                                let is_source = source_column == Some(i);
                                                let quote = if is_source { quote.clone() } else { None };
                                                if i == 0 {
                                                    view! { <th scope="row">{cell}</th> }.into_any()
                                                } else {
                                                    view! {
                                                        <td>
                                                            {is_source.then(|| view! { <cite>{cell.clone()}</cite> })}
                                                            {(!is_source).then(|| cell.clone())}
                                                            {quote.map(|q| view! { <br />{quote_view(q)} })}
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
