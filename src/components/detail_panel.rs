//! The detail of the selected event: title, date at its precision,
//! summary, actors, linked figures and the sources with their quotes.

use leptos::prelude::*;

use super::context::AppContext;
use super::intl::IntlFormatter;
use super::rich_text::RichText;
use super::source_list::SourceList;
use crate::data::rich_text::is_web_url;
use crate::i18n::Lang;
use crate::input::Key;
use crate::present;
use crate::state::{next_event, previous_event};

/// The panel; an invitation to choose an event when none is selected.
#[component]
pub fn DetailPanel() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let selected = context.selected();
    let strings = move || lang.get().strings();

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let is_escape = Key::from_dom(&ev.key(), false) == Some(Key::Dismiss);
        if is_escape && selected.get_untracked().is_some() {
            ev.prevent_default();
            context.close_and_refocus();
        }
    };

    // The card's code is a wasm chunk of its own: fetched once the page is
    // idle, so that a reader's first choice rarely waits for it.
    #[cfg(feature = "split")]
    super::browser::when_idle_after_paint(|| {
        leptos::task::spawn_local(__preload_detail_card());
    });
    view! {
        <section id="detail" class="detail" data-testid="detail" aria-labelledby="detail-heading" on:keydown=on_keydown>
            <h2 id="detail-heading" class="visually-hidden">{move || strings().detail_heading}</h2>
            {move || match selected.get() {
                Some(idx) => {
                    let lang = lang.get();
                    Suspend::new(async move { chunk!(detail_card(idx, lang, context)) }).into_any()
                }
                None => view! { <p class="detail-empty">{strings().detail_empty}</p> }.into_any(),
            }}
        </section>
    }
}

/// The card of one event, in its own wasm chunk (`#[lazy]`, split by
/// `cargo xtask post-build`).
#[cfg_attr(feature = "split", leptos::lazy)]
fn detail_card(idx: usize, lang: Lang, context: AppContext) -> AnyView {
    event_detail(idx, lang, &context)
}

fn event_detail(idx: usize, lang: Lang, context: &AppContext) -> AnyView {
    let dataset = context.dataset_with_details();
    let strings = lang.strings();
    let event = dataset.events[idx].clone();
    // Every line as the presentation layer words it: the static and print
    // versions show the same.
    let Some(lines) = present::event_lines(&dataset, idx, &IntlFormatter::new(lang)) else {
        return ().into_any();
    };
    let date_notes = lines.date.notes_text();
    let figures: Vec<(String, String, String, String, String)> = lines
        .figures
        .iter()
        .map(|figure| {
            (
                figure.value.clone(),
                figure.label.clone(),
                figure.facts(),
                figure.attribution_text(lang),
                figure.notes_text(),
            )
        })
        .collect();

    // Media from imported timelines: a link only to a web address; the
    // caption and credit are plain text.
    let media = event.media.as_ref().map(|media| {
        let href = is_web_url(&media.url).then(|| media.url.clone());
        let label = media
            .caption
            .as_ref()
            .map(|c| lang.pick(c).to_string())
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| media.url.clone());
        (href, label, media.credit.clone())
    });

    let n_events = dataset.events.len();
    let context = *context;
    let go = move |target: usize| {
        context.select(Some(target));
        context.focus_marker(target);
    };
    let go_prev = go;

    view! {
        <article class="detail-card" data-event-id=event.id.clone()>
            <div class="detail-top">
                <p class="detail-track">
                    <span class=format!("track-badge track-{}", lines.track_idx)>{lines.track.clone().unwrap_or_default()}</span>
                    {lines.initiative.clone().map(|i| view! { <span class="initiative">{strings.initiative_label} {strings.colon} {i}</span> })}
                </p>
                <button type="button" class="close" data-testid="detail-close" aria-label=strings.detail_close title=strings.detail_close
                    on:click=move |_| context.close_and_refocus()>"×"</button>
            </div>
            <h3 data-testid="detail-title">{lines.title.clone()}</h3>
            <p class="detail-date" data-testid="detail-date">
                <time datetime=lines.date.iso.clone()>{lines.date.date.clone()}</time>
                <span class="date-note">{format!(" — {date_notes}")}</span>
            </p>
            {lines.per_article.map(|note| view! { <p class="per-article" data-testid="detail-per-article">{present::capitalised(note)}</p> })}
            <div class="summary" data-testid="detail-summary"><RichText text=lines.summary.clone() /></div>
            {media.map(|(href, label, credit)| view! {
                <p class="media" data-testid="detail-media">
                    {strings.media_label} {strings.colon}
                    {match href {
                        Some(href) => view! { <a href=href target="_blank" rel="noopener noreferrer">{label}</a> }.into_any(),
                        None => label.into_any(),
                    }}
                    {credit.map(|credit| view! { <span class="muted">{format!(" — {}", strings.media_credit_label)} {strings.colon} {credit}</span> })}
                </p>
            })}
            {(!figures.is_empty()).then(|| view! {
                <h4>{strings.figures_heading}</h4>
                <ul class="figures" data-testid="detail-figures">
                    {figures.into_iter().map(|(value, label, facts, attribution, notes)| view! {
                        <li>
                            <strong class="figure-value">{value}</strong> " " {label} " " <span class="muted">{format!("({facts})")}</span>
                            {(!attribution.is_empty()).then(|| view! { <span class="figure-attribution">{attribution}</span> })}
                            {(!notes.is_empty()).then(|| view! { <span class="figure-notes">{notes}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(!lines.actors.is_empty()).then(|| view! {
                <h4>{strings.actors_heading}</h4>
                <ul class="actors" data-testid="detail-actors">
                    {lines.actors.clone().into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                </ul>
            })}
            <h4>{strings.sources_heading}</h4>
            <SourceList citations=lines.sources.clone() lang=lang />
            <div class="detail-nav">
                <button type="button" data-testid="detail-previous" disabled=previous_event(idx).is_none() on:click=move |_| previous_event(idx).into_iter().for_each(go_prev)>
                    "← " {strings.detail_previous}
                </button>
                <button type="button" data-testid="detail-next" disabled=next_event(idx, n_events).is_none() on:click=move |_| next_event(idx, n_events).into_iter().for_each(go)>
                    {strings.detail_next} " →"
                </button>
            </div>
        </article>
    }
    .into_any()
}
