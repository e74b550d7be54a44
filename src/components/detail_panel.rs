//! The detail of the selected event: title, date at its precision,
//! summary, actors, linked figures and the sources with their quotes.

use leptos::prelude::*;

use super::context::AppContext;
use super::rich_text::RichText;
use super::source_list::SourceList;
use crate::data::rich_text::is_web_url;
use crate::data::DateKind;
use crate::i18n::{fill, format_date, format_figure, Lang};
use crate::input::Key;

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

    view! {
        <section id="detail" class="detail" data-testid="detail" aria-labelledby="detail-heading" on:keydown=on_keydown>
            <h2 id="detail-heading" class="visually-hidden">{move || strings().detail_heading}</h2>
            {move || match selected.get() {
                Some(idx) => event_detail(idx, lang.get(), &context).into_any(),
                None => view! { <p class="detail-empty">{strings().detail_empty}</p> }.into_any(),
            }}
        </section>
    }
}

fn event_detail(idx: usize, lang: Lang, context: &AppContext) -> impl IntoView {
    let dataset = context.dataset();
    let strings = lang.strings();
    let event = dataset.events[idx].clone();
    let track = dataset
        .tracks
        .get(event.track_idx)
        .map(|t| lang.pick(&t.label).to_string())
        .unwrap_or_default();
    let initiative = event
        .initiative
        .as_deref()
        .and_then(|id| dataset.initiative(id))
        .map(|i| lang.pick(&i.label).to_string());

    let mut date_notes: Vec<String> = Vec::new();
    if event.date_kind == DateKind::Reported {
        date_notes.push(strings.date_reported.to_string());
    }
    if let Some(derivation) = &event.derived {
        let base = dataset
            .event_idx(&derivation.from)
            .map(|i| lang.pick(&dataset.events[i].title).to_string())
            .unwrap_or_default();
        let offset = if derivation.months > 0 {
            fill(strings.date_derived_months, derivation.months)
        } else {
            fill(strings.date_derived_days, derivation.days)
        };
        date_notes.push(format!("{offset} {}", fill(strings.quoted, base)));
    }
    if let Some(note) = &event.date_note {
        date_notes.push(lang.pick(note).to_string());
    }

    let actors: Vec<String> = event
        .actors
        .iter()
        .map(|id| dataset.actor_name(id, lang).to_string())
        .collect();
    let figures: Vec<(String, String, String)> = event
        .figure_idxs
        .iter()
        .map(|&f| {
            let figure = &dataset.figures[f];
            let mut qualifiers = vec![crate::charts::kind_name(figure.kind, strings).to_string()];
            if let Some(period) = figure.period {
                qualifiers.push(if period.years == 1.0 {
                    strings.period_one_year.to_string()
                } else {
                    fill(
                        strings.period_years,
                        crate::i18n::format_number(period.years, lang, 1),
                    )
                });
            }
            (
                format_figure(figure, lang),
                lang.pick(&figure.label).to_string(),
                qualifiers.join(", "),
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
                    <span class=format!("track-badge track-{}", event.track_idx)>{track}</span>
                    {initiative.map(|i| view! { <span class="initiative">{strings.initiative_label} {strings.colon} {i}</span> })}
                </p>
                <button type="button" class="close" data-testid="detail-close" aria-label=strings.detail_close title=strings.detail_close
                    on:click=move |_| context.close_and_refocus()>"×"</button>
            </div>
            <h3 data-testid="detail-title">{lang.pick(&event.title).to_string()}</h3>
            <p class="detail-date" data-testid="detail-date">
                <time datetime=event.date.iso()>{format_date(&event.date, lang)}</time>
                {(!date_notes.is_empty()).then(|| view! { <span class="date-note">{format!(" — {}", date_notes.join(strings.note_separator))}</span> })}
            </p>
            <div class="summary" data-testid="detail-summary"><RichText text=lang.pick(&event.summary).to_string() /></div>
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
                    {figures.into_iter().map(|(value, label, qualifiers)| view! {
                        <li><strong class="figure-value">{value}</strong> " " {label} " " <span class="muted">{format!("({qualifiers})")}</span></li>
                    }).collect_view()}
                </ul>
            })}
            {(!actors.is_empty()).then(|| view! {
                <h4>{strings.actors_heading}</h4>
                <ul class="actors" data-testid="detail-actors">
                    {actors.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                </ul>
            })}
            <h4>{strings.sources_heading}</h4>
            <SourceList sources=event.sources.clone() />
            <div class="detail-nav">
                <button type="button" data-testid="detail-previous" disabled={idx == 0} on:click=move |_| go_prev(idx.saturating_sub(1))>
                    "← " {strings.detail_previous}
                </button>
                <button type="button" data-testid="detail-next" disabled={idx + 1 >= n_events} on:click=move |_| go((idx + 1).min(n_events - 1))>
                    {strings.detail_next} " →"
                </button>
            </div>
        </article>
    }
}
