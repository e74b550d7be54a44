//! Download buttons under a chart: the image (canvas charts) and the data
//! with its sources as CSV and JSON.

use leptos::prelude::*;

use super::chart_canvas::render_png;
use super::context::AppContext;
use super::download::{save_data_url, save_text};
use super::intl::tr;
use crate::charts::export::{export, ExportChart, ExportFormat};
use crate::charts::{Caption, ChartLayout, EXPORT_PIXEL_RATIO, EXPORT_WIDTH_PX};

/// "Download: PNG · CSV · JSON".
#[component]
pub fn ExportButtons(
    /// Which chart's data the CSV and JSON hold.
    chart: ExportChart,
    /// Lays the chart out for the PNG; no PNG button without it.
    #[prop(optional)]
    png: Option<Callback<f64, ChartLayout>>,
    /// The headline printed on the PNG.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    // Whole: the actor matrix's export quotes the events' sources.
    let dataset = context.dataset_with_details();
    let origin = context.origin();
    let save = move |format: ExportFormat| {
        let file = export(&dataset, chart, format, lang.get_untracked());
        save_text(&file);
    };
    let save_csv = save.clone();
    let save_png = move |build: Callback<f64, ChartLayout>| {
        let lang = lang.get_untracked();
        let layout = build.run(EXPORT_WIDTH_PX);
        let caption = Caption {
            title: title.get_untracked(),
            source: origin.sources_line(lang).to_string(),
        };
        if let Some(url) = render_png(&layout, &caption, EXPORT_PIXEL_RATIO) {
            save_data_url(&url, &format!("{}-{}.png", chart.file_stem(), lang.code()));
        }
    };
    view! {
        <div class="chart-downloads" role="group" aria-label=tr(lang, |s| s.chart_download_label)>
            <span class="downloads-label" aria-hidden="true">{tr(lang, |s| s.chart_download_label)}</span>
            {png.map(|build| view! {
                <button type="button" data-testid="download-png" aria-label=tr(lang, |s| s.chart_download_png_label)
                    title=tr(lang, |s| s.chart_download_png_label) on:click=move |_| save_png(build)>"PNG"</button>
            })}
            <button type="button" data-testid="download-csv" aria-label=tr(lang, |s| s.chart_download_csv_label)
                title=tr(lang, |s| s.chart_download_csv_label) on:click=move |_| save_csv(ExportFormat::Csv)>"CSV"</button>
            <button type="button" data-testid="download-json" aria-label=tr(lang, |s| s.chart_download_json_label)
                title=tr(lang, |s| s.chart_download_json_label) on:click=move |_| save(ExportFormat::Json)>"JSON"</button>
        </div>
    }
}
