//! The root component. [`App`] decides which data to show (the published
//! dataset, a `?data=` file of the same site, or a file the reader picked
//! or dropped) and holds it in a signal; [`Story`] lays out the page for
//! one dataset and provides the shared state. Showing other data replaces
//! the whole `Story`, so every component reads a plain `Arc<Dataset>`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::data_tools::DataTools;
use super::detail_panel::DetailPanel;
use super::embed_dialog::EmbedDialog;
use super::error_panel::ErrorPanel;
use super::funding_section::FundingSection;
use super::lang_switch::LangSwitch;
use super::print_version::PrintVersion;
use super::theme_switch::ThemeSwitch;
use super::timeline::Timeline;
use crate::data::{self, Dataset, Loaded, Problem, ProblemKind};
use crate::i18n::{fill, Lang};
use crate::state::url::ViewDays;
use crate::state::ViewState;

/// Where the shown data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataOrigin {
    /// The bundled, published dataset.
    Published,
    /// A `?data=` value (as written in the URL).
    Url(String),
    /// A file picked or dropped by the reader (its name).
    LocalFile(String),
}

/// One dataset to show, with its problems and where it comes from.
#[derive(Debug, Clone)]
pub struct Shown {
    pub dataset: Arc<Dataset>,
    pub problems: Arc<Vec<Problem>>,
    pub origin: DataOrigin,
}

impl Shown {
    pub fn published() -> Shown {
        let (dataset, problems) = data::bundled();
        Shown {
            dataset: Arc::new(dataset),
            problems: Arc::new(problems),
            origin: DataOrigin::Published,
        }
    }

    pub fn loaded(loaded: Loaded, origin: DataOrigin) -> Shown {
        Shown {
            dataset: Arc::new(loaded.dataset),
            problems: Arc::new(loaded.problems),
            origin,
        }
    }

    /// Nothing to show, and why.
    pub fn failed(problem: Problem, origin: DataOrigin) -> Shown {
        Shown {
            dataset: Arc::new(Dataset::default()),
            problems: Arc::new(vec![problem]),
            origin,
        }
    }
}

/// What the data tools (file picker, drop, "back to published") use to
/// replace the shown data.
#[derive(Clone, Copy)]
pub struct DataControl {
    shown: RwSignal<Option<Shown>>,
}

impl DataControl {
    pub fn show(&self, shown: Shown) {
        self.shown.set(Some(shown));
    }

    /// Shows the loading state until `show` is called again.
    pub fn start_loading(&self) {
        browser::set_root_attribute("data-state", "loading");
        browser::set_root_attribute("aria-busy", "true");
    }

    /// Reads a picked or dropped file and shows it.
    pub fn show_file(&self, file: web_sys::File) {
        let control = *self;
        control.start_loading();
        spawn_local(async move {
            let name = file.name();
            let loaded = match browser::read_file(&file).await {
                Some(bytes) => data::load(&bytes),
                None => Loaded {
                    problems: vec![Problem::error(
                        "",
                        ProblemKind::FetchFailed {
                            path: name.clone(),
                            status: None,
                        },
                    )],
                    ..Loaded::default()
                },
            };
            control.show(Shown::loaded(loaded, DataOrigin::LocalFile(name)));
        });
    }

    pub fn show_published(&self) {
        browser::forget_data_param();
        self.show(Shown::published());
    }
}

/// Everything the components share. `state` is the one selection and view
/// state; the memos narrow it so that, e.g., a pan does not re-render the
/// detail panel.
#[derive(Clone)]
pub struct AppContext {
    pub dataset: Arc<Dataset>,
    pub problems: Arc<Vec<Problem>>,
    pub origin: DataOrigin,
    pub state: RwSignal<ViewState>,
    pub lang: Memo<Lang>,
    pub selected: Memo<Option<usize>>,
    /// Text for the polite live region (selection changes).
    pub announcement: RwSignal<String>,
}

impl AppContext {
    /// Selects an event (or closes with `None`), records it in the URL and
    /// announces it once.
    pub fn select(&self, event_idx: Option<usize>) {
        match event_idx {
            Some(idx) => self.state.update(|s| s.select(idx)),
            None => self.state.update(|s| s.close()),
        }
        let id = event_idx
            .and_then(|idx| self.dataset.events.get(idx))
            .map(|e| e.id.as_str());
        browser::push_selected(id);
        let lang = self.lang.get_untracked();
        let strings = lang.strings();
        let text = match event_idx.and_then(|idx| self.dataset.events.get(idx)) {
            Some(event) => crate::i18n::fill(
                strings.announce_selected,
                format!(
                    "{}, {}",
                    lang.pick(&event.title),
                    crate::i18n::format_date(&event.date, lang)
                ),
            ),
            None => strings.announce_closed.to_string(),
        };
        self.announcement.set(text);
    }

    /// Applies the URL's `#event-id` (on load and on Back/Forward).
    fn follow_url(&self) {
        let url = browser::read_url();
        let idx = url
            .event_id
            .as_deref()
            .and_then(|id| self.dataset.event_idx(id));
        match idx {
            Some(idx) => self.state.update(|s| s.select(idx)),
            None => self.state.update(|s| s.close()),
        }
    }
}

/// The whole page inside `#app`: picks the data, then shows its [`Story`].
#[component]
pub fn App() -> impl IntoView {
    let url = browser::read_url();
    let lang = RwSignal::new(url.lang.unwrap_or_default());
    let shown: RwSignal<Option<Shown>> = RwSignal::new(None);
    let control = DataControl { shown };
    provide_context(control);

    match browser::read_data_param() {
        None => shown.set(Some(Shown::published())),
        Some(value) => match browser::same_origin_data_url(&value) {
            Err(reason) => {
                let kind = ProblemKind::DataPathRefused {
                    value: value.clone(),
                    reason,
                };
                shown.set(Some(Shown::failed(
                    Problem::error("?data=", kind),
                    DataOrigin::Url(value),
                )));
            }
            Ok(address) => {
                control.start_loading();
                spawn_local(async move {
                    let loaded = match browser::fetch_bytes(&address).await {
                        Ok(bytes) => data::load(&bytes),
                        Err(status) => Loaded {
                            problems: vec![Problem::error(
                                "?data=",
                                ProblemKind::FetchFailed {
                                    path: value.clone(),
                                    status,
                                },
                            )],
                            ..Loaded::default()
                        },
                    };
                    control.show(Shown::loaded(loaded, DataOrigin::Url(value)));
                });
            }
        },
    }

    // A file dragged anywhere over the page can be dropped to preview it.
    let dragging = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        if !dragging.get_untracked() {
            dragging.set(true);
        }
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window, not moving between elements.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
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
        {move || match shown.get() {
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

/// The page for one dataset: header, error panel, timeline and detail,
/// footer with the sources and the newsroom tools.
#[component]
fn Story(
    /// The data to show.
    shown: Shown,
    /// The reader's language, kept across datasets.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let Shown {
        dataset,
        problems,
        origin,
    } = shown;
    let state = RwSignal::new(ViewState::new(&dataset, lang.get_untracked()));
    let context = AppContext {
        dataset,
        problems,
        origin: origin.clone(),
        state,
        lang: Memo::new(move |_| state.with(|s| s.lang)),
        selected: Memo::new(move |_| state.with(|s| s.selected)),
        announcement: RwSignal::new(String::new()),
    };
    provide_context(context.clone());
    if let Some(days) = browser::read_url().view {
        state.update(|s| s.set_view(days.to_view()));
    }
    context.follow_url();
    // The visible window is in `?view=` for deep links and embed codes.
    Effect::new(move |_| {
        let days = state.with(|s| ViewDays::of(&s.view, &s.bounds));
        browser::replace_view_later(days);
    });

    let on_popstate = context.clone();
    let popstate = window_event_listener(leptos::ev::popstate, move |_| on_popstate.follow_url());
    on_cleanup(move || popstate.remove());

    let lang_memo = context.lang;
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

    let n_events = context.dataset.events.len();
    let is_fatal = n_events == 0;
    browser::set_root_attribute("data-event-count", &n_events.to_string());
    browser::set_root_attribute("data-state", if is_fatal { "error" } else { "ready" });
    browser::set_root_attribute("aria-busy", "false");

    let strings = move || lang_memo.get().strings();
    let announcement = context.announcement;
    let documents = context.dataset.documents.clone();
    // Other data shows its own title; the published story keeps the page's.
    let is_published = origin == DataOrigin::Published;
    let title = context.dataset.title.clone();
    let description = context.dataset.description.clone();
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
    let showing = match &origin {
        DataOrigin::Published => None,
        DataOrigin::Url(name) | DataOrigin::LocalFile(name) => Some(name.clone()),
    };

    view! {
        <a class="skip-link" href="#timeline-heading">{move || strings().skip_to_timeline}</a>
        <header class="site-header">
            <div class="header-text">
                <p class="kicker">"2025"</p>
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
            <ErrorPanel />
            <Show when=move || !is_fatal>
                <div class="story">
                    <Timeline />
                    <PrintVersion />
                    <DetailPanel />
                    <Show when=move || charts_shown.get()>
                        <FundingSection />
                    </Show>
                </div>
            </Show>
        </main>
        <footer class="site-footer">
            <p>{move || strings().footer_sources}</p>
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
            <DataTools />
        </footer>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {move || announcement.get()}
        </div>
    }
}
