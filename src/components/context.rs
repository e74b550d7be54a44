//! What the components share, in one module below them all (no component
//! imports `app.rs`). Two `Copy` handles, provided once and read with
//! `expect_context`:
//!
//! - [`AppContext`], per dataset shown: the dataset and its problems (in
//!   `StoredValue`s, so the handle is `Copy`), the one `ViewState` signal
//!   and the memos that narrow it. Components read what they need through
//!   its methods: most only `lang()`, `selected()` and `dataset()`; the
//!   selection is changed through `select`, which also writes the URL and
//!   the announcement; only the timeline and the language switch write the
//!   view state itself.
//! - [`DataControl`], for the whole app: what the data tools use to show
//!   other data.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::intl::IntlFormatter;
use crate::data::{self, Dataset, Problem};
use crate::i18n::{fill, Lang};
use crate::present;
use crate::state::shown::{DataOrigin, LoadTicket, Shown};
use crate::state::ViewState;

/// Reads any data file (our JSON, TimelineJS JSON or CSV), in its own wasm
/// chunk (`#[lazy]`) with the importers, the validation and the problem
/// locator: the published story never loads it.
#[cfg_attr(feature = "split", leptos::lazy)]
fn load_data(bytes: Vec<u8>) -> data::Loaded {
    data::load(&bytes)
}

/// Everything the components of one dataset share.
#[derive(Clone, Copy)]
pub struct AppContext {
    shown: StoredValue<Shown>,
    state: RwSignal<ViewState>,
    lang: Memo<Lang>,
    selected: Memo<Option<usize>>,
    /// Text for the polite live region (selection changes).
    announcement: RwSignal<String>,
}

impl AppContext {
    /// The shared state of `shown`, in the reader's language, under the
    /// current owner (the page of one dataset).
    pub fn new(shown: Shown, lang: Lang) -> AppContext {
        let state = RwSignal::new(ViewState::new(&shown.dataset, lang));
        AppContext {
            shown: StoredValue::new(shown),
            state,
            lang: Memo::new(move |_| state.with(|s| s.lang)),
            selected: Memo::new(move |_| state.with(|s| s.selected)),
            announcement: RwSignal::new(String::new()),
        }
    }

    /// The dataset shown (empty once this page is gone).
    pub fn dataset(&self) -> Arc<Dataset> {
        self.shown
            .try_with_value(|shown| shown.dataset.clone())
            .unwrap_or_default()
    }

    /// The dataset shown, whole: the published story's summaries, sources,
    /// date notes, figures, roles and descriptions come only here
    /// (`data::with_bundled_details`, also onto a filtered view of it). For
    /// the views of wasm chunks (the detail card, the print writer, the
    /// funding section), so that those bytes are not in the first module.
    pub fn dataset_with_details(&self) -> Arc<Dataset> {
        let dataset = self.dataset();
        if self.origin() != DataOrigin::Published {
            return dataset;
        }
        crate::data::with_bundled_details(&dataset).map_or(dataset, Arc::new)
    }

    /// Its problems.
    pub fn problems(&self) -> Arc<Vec<Problem>> {
        self.shown
            .try_with_value(|shown| shown.problems.clone())
            .unwrap_or_default()
    }

    /// Where it comes from.
    pub fn origin(&self) -> DataOrigin {
        self.shown
            .try_with_value(|shown| shown.origin.clone())
            .unwrap_or(DataOrigin::Published)
    }

    /// The reader's language.
    pub fn lang(&self) -> Memo<Lang> {
        self.lang
    }

    /// The event whose detail is open: one selection for the timeline, the
    /// detail panel and every chart.
    pub fn selected(&self) -> Memo<Option<usize>> {
        self.selected
    }

    /// The polite live region's text.
    pub fn announcement(&self) -> Signal<String> {
        self.announcement.into()
    }

    /// The view state itself, for the components that change the view or
    /// the language (the timeline, the language switch).
    pub fn view_state(&self) -> RwSignal<ViewState> {
        self.state
    }

    /// The event holding the timeline's tab stop.
    pub fn focused_event(&self) -> usize {
        self.state.with_untracked(|s| s.focused)
    }

    /// Selects an event (or closes with `None`), records it in the URL and
    /// announces it once.
    pub fn select(&self, event_idx: Option<usize>) {
        match event_idx {
            Some(idx) => self.state.update(|s| s.select(idx)),
            None => self.state.update(|s| s.close()),
        }
        let dataset = self.dataset();
        let event = event_idx.and_then(|idx| dataset.events.get(idx));
        browser::push_selected(event.map(|e| e.id.as_str()));
        let lang = self.lang.get_untracked();
        let strings = lang.strings();
        let text = match event {
            Some(event) => fill(
                strings.announce_selected,
                format!(
                    "{}, {}",
                    lang.pick(&event.title),
                    present::short_date(&event.date, event.date_kind, &IntlFormatter::new(lang))
                ),
            ),
            None => strings.announce_closed.to_string(),
        };
        self.announcement.set(text);
    }

    /// Closes the detail and gives keyboard focus back to the timeline's
    /// marker of the focused event (Escape, the close button).
    pub fn close_and_refocus(&self) {
        self.select(None);
        self.focus_marker(self.focused_event());
    }

    /// Moves keyboard focus to the timeline marker of an event, after the
    /// DOM has updated.
    pub fn focus_marker(&self, event_idx: usize) {
        if let Some(event) = self.dataset().events.get(event_idx) {
            browser::focus_event_marker(event.id.clone());
        }
    }

    /// Applies the URL's `#event-id` (on load and on Back/Forward).
    pub fn follow_url(&self) {
        let url = browser::read_url();
        let dataset = self.dataset();
        let idx = url.event_id.as_deref().and_then(|id| dataset.event_idx(id));
        match idx {
            Some(idx) => self.state.update(|s| s.select(idx)),
            None => self.state.update(|s| s.close()),
        }
    }
}

/// What the data tools (file picker, drop, "back to published") use to
/// replace the shown data.
#[derive(Clone, Copy)]
pub struct DataControl {
    shown: RwSignal<Option<Shown>>,
    /// The latest load: an older one's answer is dropped.
    latest: StoredValue<LoadTicket>,
}

impl DataControl {
    /// Nothing shown yet (the loading state).
    pub fn loading() -> DataControl {
        DataControl {
            shown: RwSignal::new(None),
            latest: StoredValue::new(LoadTicket::default()),
        }
    }

    /// The data on show, `None` while loading.
    pub fn shown(&self) -> Signal<Option<Shown>> {
        self.shown.into()
    }

    pub fn show(&self, shown: Shown) {
        self.shown.set(Some(shown));
    }

    /// Shows the loading state until `show` is called again.
    pub fn start_loading(&self) {
        browser::set_root_attribute("data-state", "loading");
        browser::set_root_attribute("aria-busy", "true");
    }

    /// A new load: the answers of the ones before it will be dropped.
    fn begin_load(&self) -> LoadTicket {
        let ticket = self.latest.get_value().next();
        self.latest.set_value(ticket);
        ticket
    }

    /// Shows the result of load `ticket`, unless another load started since.
    fn finish_load(&self, ticket: LoadTicket, shown: Shown) {
        if self.latest.get_value() == ticket {
            self.show(shown);
        }
    }

    /// Reads a picked or dropped file and shows it (a file over the size
    /// limit is refused before it is read).
    pub fn show_file(&self, file: web_sys::File) {
        let control = *self;
        let ticket = control.begin_load();
        control.start_loading();
        spawn_local(async move {
            let name = file.name();
            let origin = DataOrigin::LocalFile(name.clone());
            let shown = match browser::read_file(&file).await {
                Ok(bytes) => Shown::loaded(chunk!(load_data(bytes)), origin),
                Err(error) => Shown::unreadable("", name, error, origin),
            };
            control.finish_load(ticket, shown);
        });
    }

    /// Fetches a `?data=` file of the site (`address`, as resolved from
    /// `value`) and shows it.
    pub fn show_address(&self, value: String, address: String) {
        let control = *self;
        let ticket = control.begin_load();
        control.start_loading();
        spawn_local(async move {
            let origin = DataOrigin::Url(value.clone());
            let shown = match browser::fetch_bytes(&address).await {
                Ok(bytes) => Shown::loaded(chunk!(load_data(bytes)), origin),
                Err(error) => Shown::unreadable("?data=", value, error, origin),
            };
            control.finish_load(ticket, shown);
        });
    }

    pub fn show_published(&self) {
        browser::forget_data_param();
        let ticket = self.begin_load();
        self.finish_load(ticket, Shown::published());
    }
}
