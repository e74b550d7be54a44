//! The root component: reads the dataset and the URL, provides the shared
//! state, and lays out the page.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser;
use super::detail_panel::DetailPanel;
use super::error_panel::ErrorPanel;
use super::lang_switch::LangSwitch;
use super::timeline::Timeline;
use crate::data::{self, Dataset, Problem};
use crate::i18n::Lang;
use crate::state::ViewState;

/// Everything the components share. `state` is the one selection and view
/// state; the memos narrow it so that, e.g., a pan does not re-render the
/// detail panel.
#[derive(Clone)]
pub struct AppContext {
    pub dataset: Arc<Dataset>,
    pub problems: Arc<Vec<Problem>>,
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
        let id = event_idx.and_then(|idx| self.dataset.events.get(idx)).map(|e| e.id.as_str());
        browser::push_selected(id);
        let lang = self.lang.get_untracked();
        let strings = lang.strings();
        let text = match event_idx.and_then(|idx| self.dataset.events.get(idx)) {
            Some(event) => crate::i18n::fill(
                strings.announce_selected,
                format!("{}, {}", lang.pick(&event.title), crate::i18n::format_date(&event.date, lang)),
            ),
            None => strings.announce_closed.to_string(),
        };
        self.announcement.set(text);
    }

    /// Applies the URL's `#event-id` (on load and on Back/Forward).
    fn follow_url(&self) {
        let url = browser::read_url();
        let idx = url.event_id.as_deref().and_then(|id| self.dataset.event_idx(id));
        match idx {
            Some(idx) => self.state.update(|s| s.select(idx)),
            None => self.state.update(|s| s.close()),
        }
    }
}

/// The whole page inside `#app`.
#[component]
pub fn App() -> impl IntoView {
    let (dataset, problems) = data::bundled();
    let url = browser::read_url();
    let lang = url.lang.unwrap_or_default();
    let state = RwSignal::new(ViewState::new(&dataset, lang));
    let context = AppContext {
        dataset: Arc::new(dataset),
        problems: Arc::new(problems),
        state,
        lang: Memo::new(move |_| state.with(|s| s.lang)),
        selected: Memo::new(move |_| state.with(|s| s.selected)),
        announcement: RwSignal::new(String::new()),
    };
    provide_context(context.clone());
    context.follow_url();

    let on_popstate = context.clone();
    let _ = window_event_listener(leptos::ev::popstate, move |_| on_popstate.follow_url());

    let lang_memo = context.lang;
    Effect::new(move |_| browser::apply_lang(lang_memo.get()));

    let n_events = context.dataset.events.len();
    let is_fatal = n_events == 0;
    browser::set_root_attribute("data-event-count", &n_events.to_string());
    browser::set_root_attribute("data-state", if is_fatal { "error" } else { "ready" });
    browser::set_root_attribute("aria-busy", "false");

    let strings = move || lang_memo.get().strings();
    let announcement = context.announcement;
    let documents = context.dataset.documents.clone();

    view! {
        <a class="skip-link" href="#timeline-heading">{move || strings().skip_to_timeline}</a>
        <header class="site-header">
            <div class="header-text">
                <p class="kicker">"2025"</p>
                <h1>{move || strings().app_title}</h1>
                <p class="dek">{move || strings().app_dek}</p>
            </div>
            <LangSwitch />
        </header>
        <main class="layout">
            <ErrorPanel />
            <Show when=move || !is_fatal>
                <div class="story">
                    <Timeline />
                    <DetailPanel />
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
        </footer>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {move || announcement.get()}
        </div>
    }
}
