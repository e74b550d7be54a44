//! The root component. [`App`] decides which data to show (the published
//! dataset, a `?data=` file of the same site, or a file the reader picked
//! or dropped) and holds it in a [`DataControl`]; [`Story`] lays out the
//! page for one dataset and provides its [`AppContext`]. Showing other data
//! replaces the whole `Story`. The shared types live in `context.rs` and
//! `state::shown`, so no component imports this module.

use leptos::prelude::*;

use super::browser;
use super::context::{AppContext, DataControl};
use super::data_tools::DataToolsLater;
use super::detail_panel::DetailPanel;
use super::embed_dialog::EmbedDialog;
use super::error_panel::error_panel;
use super::funding_section::FundingSection;
use super::get_the_data::GetTheData;
use super::lang_switch::LangSwitch;
use super::print_version::PrintVersion;
use super::theme_switch::ThemeSwitch;
use super::timeline::Timeline;
use crate::data::{Problem, ProblemKind};
use crate::i18n::{fill, Lang};
use crate::state::shown::{DataOrigin, Shown};

/// The whole page inside `#app`: picks the data, then shows its [`Story`].
#[component]
pub fn App() -> impl IntoView {
    let url = browser::read_url();
    let lang = RwSignal::new(url.lang.unwrap_or_default());
    let control = DataControl::loading();
    provide_context(control);
    super::auto_height::start();

    match browser::read_data_param() {
        None => control.show(Shown::published()),
        Some(value) => match browser::same_origin_data_url(&value) {
            Err(reason) => {
                let kind = ProblemKind::DataPathRefused {
                    value: value.clone(),
                    reason,
                };
                control.show(Shown::failed(
                    Problem::error("?data=", kind),
                    DataOrigin::Url(value),
                ));
            }
            Ok(address) => control.show_address(value, address),
        },
    }

    // A file dragged anywhere over the page can be dropped to preview it.
    let dragging = RwSignal::new(false);
    browser::on_window(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        if !dragging.get_untracked() {
            dragging.set(true);
        }
    });
    browser::on_window(leptos::ev::dragleave, move |ev| {
        // Leaving the window, not moving between elements.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    browser::on_window(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            control.show_file(file);
        }
    });

    view! {
        {move || match control.shown().get() {
            Some(shown) => view! { <Story shown=shown lang=lang /> }.into_any(),
            None => view! { <p class="loading">{move || lang.get().strings().data_loading}</p> }.into_any(),
        }}
        <Show when=move || dragging.get()>
            <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                <p>{move || lang.get().strings().data_drop_hint}</p>
            </div>
        </Show>
    }
}

/// The funding section, in its own wasm chunk (`#[lazy]`), mounted when the
/// page is idle.
#[cfg_attr(feature = "split", leptos::lazy)]
fn funding_section() -> AnyView {
    view! { <FundingSection /> }.into_any()
}

/// The page for one dataset: header, error panel, timeline and detail,
/// footer with the sources and the newsroom tools.
#[component]
fn Story(
    /// The data to show.
    shown: Shown,
    /// The reader's language, kept across datasets.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let origin = shown.origin.clone();
    let is_fatal = shown.is_fatal();
    let has_problems = !shown.problems.is_empty();
    let n_events = shown.dataset.events.len();
    let dataset = shown.dataset.clone();
    let context = AppContext::new(shown, lang.get_untracked());
    provide_context(context);
    let state = context.view_state();
    if let Some(days) = browser::read_url().view {
        state.update(|s| s.set_view_days(days));
    }
    context.follow_url();
    // The visible window is in `?view=` for deep links and embed codes.
    Effect::new(move |_| {
        let days = state.with(|s| s.view_days());
        browser::replace_view_later(days);
    });

    browser::on_window(leptos::ev::popstate, move |_| context.follow_url());

    let lang_memo = context.lang();
    Effect::new(move |_| {
        let current = lang_memo.get();
        browser::apply_lang(current);
        if lang.get_untracked() != current {
            lang.set(current);
        }
    });

    // The funding charts are below the timeline: they are built once the
    // timeline is on screen and the page idle, so that a long dataset shows
    // its timeline first (at 10,000 events they were half the time to the
    // first paint).
    let charts_shown = RwSignal::new(false);
    browser::set_root_attribute("data-charts", "pending");
    browser::when_idle_after_paint(move || {
        let _ = charts_shown.try_set(true);
    });

    browser::set_root_attribute("data-event-count", &n_events.to_string());
    if !has_problems {
        browser::set_root_attribute("data-state", if is_fatal { "error" } else { "ready" });
        browser::set_root_attribute("aria-busy", "false");
    }
    // With problems, the problem list (a wasm chunk) says when the page is
    // ready: `data-state` never announces a page whose list is not there.

    let strings = move || lang_memo.get().strings();
    let announcement = context.announcement();
    let documents = dataset.documents.clone();
    // Other data shows its own title; the published story keeps the page's.
    let is_published = origin == DataOrigin::Published;
    let title = dataset.title.clone();
    let description = dataset.description.clone();
    let heading = move || {
        let lang = lang_memo.get();
        match lang.pick(&title) {
            shown if !is_published && !shown.trim().is_empty() => shown.to_string(),
            _ => lang.strings().app_title.to_string(),
        }
    };
    let dek = move || {
        let lang = lang_memo.get();
        match lang.pick(&description) {
            shown if !is_published && !shown.trim().is_empty() => shown.to_string(),
            _ => lang.strings().app_dek.to_string(),
        }
    };
    let showing = origin.name().map(str::to_string);
    let sources_origin = origin.clone();

    view! {
        <a class="skip-link" href="#timeline-heading">{move || strings().skip_to_timeline}</a>
        <header class="site-header">
            <div class="header-text">
                {origin.kicker().map(|kicker| view! { <p class="kicker">{kicker}</p> })}
                <h1>{heading}</h1>
                <p class="dek">{dek}</p>
                {showing.map(|name| view! {
                    <p class="data-showing" data-testid="data-showing">{move || fill(strings().data_showing, &name)}</p>
                })}
            </div>
            <div class="header-tools">
                <ThemeSwitch />
                <LangSwitch />
                <EmbedDialog />
            </div>
        </header>
        <main class="layout">
            {has_problems.then(|| Suspend::new(async { chunk!(error_panel()) }))}
            <Show when=move || !is_fatal>
                <div class="story">
                    <Timeline />
                    <PrintVersion />
                    <DetailPanel />
                    <Show when=move || charts_shown.get()>
                        {Suspend::new(async { chunk!(funding_section()) })}
                    </Show>
                    <GetTheData />
                </div>
            </Show>
        </main>
        <footer class="site-footer">
            <p>{move || sources_origin.sources_line(lang_memo.get())}</p>
            <ul class="documents">
                {documents
                    .iter()
                    .map(|doc| {
                        let date = doc.published.clone().unwrap_or_default();
                        view! {
                            <li>
                                <cite lang="fr">{doc.title.clone()}</cite>
                                " "
                                <span class="muted">{format!("({}{}{})", doc.file, if date.is_empty() { "" } else { ", " }, date)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="muted">{move || strings().footer_method}</p>
            <DataToolsLater />
        </footer>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {move || announcement.get()}
        </div>
    }
}
