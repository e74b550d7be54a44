//! Key figures: the numbers that are not dollars, as cards with their
//! sources (the markup of `SourceList`), each linked to its event on the
//! timeline. Every line comes from `charts::key_figures::card`, which the
//! presentation layer words.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::AppContext;
use super::export_buttons::ExportButtons;
use super::intl::IntlFormatter;
use super::intl::{tr, tr_signal};
use super::source_list::SourceList;
use crate::charts::export::ExportChart;
use crate::charts::key_figures::{self, KeyFigures as Cards};
use crate::i18n::fill;

/// Cards shown before the reader asks for all of them: every card of the
/// published story, and a page that stays light with thousands.
const FIRST_CARDS: usize = 12;

/// The cards, their summary and downloads.
#[component]
pub fn KeyFigures() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let selected = context.selected();
    let dataset = context.dataset_with_details();
    let cards = Arc::new(Cards::new(&dataset));
    let summary = {
        let cards = cards.clone();
        Signal::derive(move || key_figures::summary(&cards, &IntlFormatter::new(lang.get())))
    };
    let title = tr_signal(lang, |s| s.chart_key_figures_heading);
    let n_cards = cards.figure_idxs.len();
    let show_all = RwSignal::new(false);

    let list = {
        let (dataset, cards, context) = (dataset.clone(), cards.clone(), context);
        move || {
            let lang = lang.get();
            let strings = lang.strings();
            let fmt = IntlFormatter::new(lang);
            let shown = if show_all.get() { n_cards } else { FIRST_CARDS };
            cards
                .figure_idxs
                .iter()
                .take(shown)
                .map(|&idx| {
                    let figure = &dataset.figures[idx];
                    let event_idx = figure.event_idx;
                    let card = key_figures::card(&dataset, idx, &fmt);
                    let value = card.lines.value.clone();
                    let attribution = card.lines.attribution_text(lang);
                    let notes = card.lines.notes_text();
                    let meta = card.meta.clone();
                    let sources = card.citations.clone();
                    let select_context = context;
                    view! {
                        <li class="key-figure" data-testid="key-figure" data-figure-id=figure.id.clone()
                            class:selected=move || selected.get() == Some(event_idx)>
                            <p class="key-figure-value">{value}</p>
                            <p class="key-figure-label">{card.lines.label.clone()}</p>
                            <p class="key-figure-meta">{meta}</p>
                            {(!attribution.is_empty()).then(|| view! { <p class="key-figure-attribution">{attribution}</p> })}
                            {(!notes.is_empty()).then(|| view! { <p class="key-figure-notes">{notes}</p> })}
                            <SourceList citations=sources lang=lang test_id="figure-sources" />
                            <button type="button" class="link-button" on:click=move |_| select_context.select(Some(event_idx))>
                                {strings.chart_see_on_timeline} " ↑"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <section class="chart" data-testid="key-figures" aria-labelledby="key-figures-heading">
            <h3 id="key-figures-heading">{tr(lang, |s| s.chart_key_figures_heading)}</h3>
            <p class="chart-summary">{move || summary.get()}</p>
            <ul class="key-figures" id="key-figures-list">{list}</ul>
            {(n_cards > FIRST_CARDS).then(|| view! {
                <p class="show-all">
                    <button
                        type="button"
                        class="link-button"
                        data-testid="key-figures-show-all"
                        aria-expanded=move || show_all.get().to_string()
                        aria-controls="key-figures-list"
                        on:click=move |_| show_all.update(|all| *all = !*all)
                    >
                        {move || {
                            let strings = lang.get().strings();
                            if show_all.get() {
                                fill(strings.chart_show_fewer_figures, FIRST_CARDS)
                            } else {
                                fill(strings.chart_show_all_figures, n_cards)
                            }
                        }}
                    </button>
                </p>
            })}
            <div class="chart-footer">
                <ExportButtons chart=ExportChart::KeyFigures title=title />
            </div>
        </section>
    }
}
