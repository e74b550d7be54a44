//! View state: a plain struct with pure transitions (what is visible,
//! what is selected, which marker holds keyboard focus) and the URL that
//! carries it. Components wrap one `ViewState` in a signal and call these.
//! `gesture` holds the timeline's wheel, drag and pinch transitions;
//! `shown` the data on show and where it comes from.
//!
//! Architecture Invariant: no `leptos` or `web_sys` here; every transition
//! is a host-tested function.

pub mod cluster_list;
pub mod embed;
pub mod gesture;
pub mod get_the_data;
pub mod hooks;
pub mod shown;
pub mod story;
pub mod url;

use std::sync::Arc;

use crate::data::Dataset;
use crate::i18n::Lang;
use crate::input::Key;
use crate::scale::time::MIN_SPAN_DAYS;
use crate::scale::{TimeAxis, View};

/// Zoom factor of one button press or key press.
pub const ZOOM_STEP: f64 = 2.0;

#[derive(Debug, Clone)]
pub struct ViewState {
    pub lang: Lang,
    /// Where days go along the timeline (linear, or deep time): views,
    /// bounds and event positions are in its positions.
    pub axis: TimeAxis,
    /// The fit-all window, also the pan and zoom bounds.
    pub bounds: View,
    /// The visible window.
    pub view: View,
    /// The window the timeline opens on (see [`crate::scale::opening`]):
    /// the default, which a link needs no `?view=` for.
    pub opening: View,
    /// The event whose detail is open.
    pub selected: Option<usize>,
    /// The event whose marker holds the roving tab stop.
    pub focused: usize,
    /// Where each event's marker is on the axis (the middle of its first
    /// day), in dataset order, so sorted. Shared: cloning the state copies
    /// no list, even at 100,000 events.
    event_days: Arc<[f64]>,
}

/// The fields a transition changes, to compare states cheaply.
type Snapshot = (Lang, View, View, Option<usize>, usize);

impl PartialEq for ViewState {
    fn eq(&self, other: &ViewState) -> bool {
        self.snapshot() == other.snapshot()
            && (Arc::ptr_eq(&self.event_days, &other.event_days)
                || self.event_days == other.event_days)
    }
}

impl ViewState {
    pub fn new(dataset: &Dataset, lang: Lang) -> ViewState {
        let (first, last) = dataset.day_extent().unwrap_or((0, 1));
        let starts: Vec<i64> = dataset.events.iter().map(|e| e.date.start_day()).collect();
        let axis = TimeAxis::for_events(&starts, last);
        let bounds = View::fit(axis.pos_of(first, 0.0), axis.pos_of(last, 0.0));
        ViewState {
            lang,
            axis,
            bounds,
            view: bounds,
            opening: bounds,
            selected: None,
            focused: 0,
            event_days: dataset
                .events
                .iter()
                .map(|e| axis.marker_pos(&e.date))
                .collect(),
        }
    }

    /// The state a reader first sees: the timeline on the window where
    /// the story is (`scale::opening`), the tab stop on its first event.
    pub fn opening(dataset: &Dataset, story: &story::Story, lang: Lang) -> ViewState {
        let mut state = ViewState::new(dataset, lang);
        let steps: Vec<f64> = story
            .named_steps()
            .iter()
            .filter_map(|&idx| state.event_pos(idx))
            .collect();
        let center = state.bounds.center();
        let min_span = state.axis.min_span(MIN_SPAN_DAYS, center);
        let opening = crate::scale::opening_view(
            &state.event_days,
            &steps,
            state.bounds,
            min_span,
            state.axis.is_deep(),
        );
        state.set_view(opening);
        state.opening = state.view;
        let first = state.event_days.partition_point(|&d| d < state.view.start);
        if first < state.n_events() {
            state.focused = first;
        }
        state
    }

    fn snapshot(&self) -> Snapshot {
        (
            self.lang,
            self.bounds,
            self.view,
            self.selected,
            self.focused,
        )
    }

    pub fn n_events(&self) -> usize {
        self.event_days.len()
    }

    pub fn zoom(&mut self, factor: f64, anchor_frac: f64) {
        let view = self.view.zoomed(factor, anchor_frac, &self.bounds);
        self.set_view(view);
    }

    /// Sets the visible window (clamped). When the focused event leaves
    /// the window, the tab stop moves to the visible event nearest the
    /// centre, so Tab never lands on an off-screen marker.
    pub fn set_view(&mut self, view: View) {
        self.view = self.at_least_min_span(view.clamped(&self.bounds));
        let is_visible = |day: f64| day >= self.view.start && day <= self.view.end;
        if self
            .event_days
            .get(self.focused)
            .is_some_and(|&d| is_visible(d))
        {
            return;
        }
        if let Some(idx) = self.nearest_visible(self.view.center()) {
            self.focused = idx;
        }
    }

    /// The visible event whose day is nearest `center` (the first of equals),
    /// by binary search over the sorted days.
    fn nearest_visible(&self, center: f64) -> Option<usize> {
        let days = &self.event_days;
        let first = days.partition_point(|&d| d < self.view.start);
        let end = days.partition_point(|&d| d <= self.view.end);
        if first >= end {
            return None;
        }
        let split = days.partition_point(|&d| d < center).clamp(first, end);
        let before = (split > first).then(|| days.partition_point(|&d| d < days[split - 1]));
        let after = (split < end).then_some(split);
        match (before, after) {
            (Some(b), Some(a)) if center - days[b] <= days[a] - center => Some(b),
            (_, Some(a)) => Some(a),
            (b, None) => b,
        }
    }

    /// Zooms around the focused event when it is visible, else the centre.
    pub fn zoom_step(&mut self, zoom_in: bool) {
        let factor = if zoom_in { ZOOM_STEP } else { 1.0 / ZOOM_STEP };
        let anchor = self
            .event_days
            .get(self.focused)
            .map(|&day| (day - self.view.start) / self.view.span())
            .filter(|f| (0.0..=1.0).contains(f))
            .unwrap_or(0.5);
        self.zoom(factor, anchor);
    }

    pub fn pan_days(&mut self, delta_days: f64) {
        let view = self.view.panned(delta_days, &self.bounds);
        self.set_view(view);
    }

    pub fn fit_all(&mut self) {
        self.set_view(self.bounds);
    }

    /// Zooms onto a span of axis positions (a cluster), with a margin.
    pub fn zoom_to(&mut self, first_day: f64, last_day: f64) {
        let span = (last_day - first_day).max(0.0);
        let min_span = self
            .axis
            .min_span(MIN_SPAN_DAYS, (first_day + last_day) / 2.0);
        let pad = (span * 0.25).max(min_span / 2.0);
        let target = View::new(first_day - pad, last_day + pad);
        let factor = self.view.span() / target.span();
        let first = self.event_days.partition_point(|&d| d < first_day);
        if first < self.n_events() {
            self.focused = first;
        }
        let view = View::new(target.start, target.start + self.view.span()).zoomed(
            factor,
            0.0,
            &self.bounds,
        );
        self.set_view(view);
    }

    /// Moves the tab stop to `event_idx` and pans so it is visible.
    pub fn focus(&mut self, event_idx: usize) {
        if let Some(&day) = self.event_days.get(event_idx) {
            self.focused = event_idx;
            self.view = self.view.revealing(day, 0.08, &self.bounds);
        }
    }

    /// The view, widened around its centre when it shows fewer than
    /// [`MIN_SPAN_DAYS`] days (on a deep-time axis, a position unit is a
    /// day only at the oldest event, so the view's own limit is not
    /// enough).
    fn at_least_min_span(&self, view: View) -> View {
        let min_span = self
            .axis
            .min_span(MIN_SPAN_DAYS, view.center())
            .min(self.bounds.span());
        if view.span() >= min_span || !min_span.is_finite() {
            return view;
        }
        let center = view.center();
        View::new(center - min_span / 2.0, center + min_span / 2.0).clamped(&self.bounds)
    }

    /// The marker position of event `event_idx` on the axis.
    pub fn event_pos(&self, event_idx: usize) -> Option<f64> {
        self.event_days.get(event_idx).copied()
    }

    /// The first and the last day the view shows (rounded down), as the
    /// timeline's `data-view-start` and `data-view-end` carry them.
    pub fn view_day_range(&self) -> (i64, i64) {
        (
            self.axis.day_floor(self.view.start),
            self.axis.day_floor(self.view.end),
        )
    }

    /// The `?view=` form of the window, `None` when it is the opening
    /// window (the default). Showing everything when the timeline opens
    /// on less is a window of its own.
    pub fn view_days(&self) -> Option<url::ViewDays> {
        let near = |a: f64, b: f64| (a - b).abs() <= 0.5;
        if near(self.view.start, self.opening.start) && near(self.view.end, self.opening.end) {
            return None;
        }
        // Bounds that nothing shows all of: every window gets its days.
        let everything = View::new(f64::NEG_INFINITY, f64::INFINITY);
        url::ViewDays::of(&self.view, &everything, &self.axis)
    }

    /// Shows the window a `?view=` link carries (clamped).
    pub fn set_view_days(&mut self, days: url::ViewDays) {
        let view = days.to_view(&self.axis);
        self.set_view(view);
    }

    pub fn select(&mut self, event_idx: usize) {
        if event_idx < self.n_events() {
            self.focus(event_idx);
            self.selected = Some(event_idx);
        }
    }

    pub fn close(&mut self) {
        self.selected = None;
    }

    /// Applies a navigation key; returns true when the state changed.
    pub fn key(&mut self, key: Key) -> bool {
        let n = self.n_events();
        if n == 0 {
            return false;
        }
        let before = self.snapshot();
        match key {
            Key::Next => self.focus(next_event(self.focused, n).unwrap_or(self.focused)),
            Key::Previous => self.focus(previous_event(self.focused).unwrap_or(self.focused)),
            Key::First => self.focus(0),
            Key::Last => self.focus(n - 1),
            Key::Activate => self.select(self.focused),
            Key::Dismiss => self.close(),
            Key::ZoomIn => self.zoom_step(true),
            Key::ZoomOut => self.zoom_step(false),
        }
        self.snapshot() != before
    }
}

/// The event before `idx` in date order, if any: what ← and the detail
/// panel's "Previous" go to.
pub fn previous_event(idx: usize) -> Option<usize> {
    idx.checked_sub(1)
}

/// The event after `idx` of `n_events` in date order, if any.
pub fn next_event(idx: usize, n_events: usize) -> Option<usize> {
    idx.checked_add(1).filter(|&next| next < n_events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_event_has_no_previous_and_the_last_no_next() {
        assert_eq!(previous_event(0), None);
        assert_eq!(previous_event(5), Some(4));
        assert_eq!(next_event(3, 5), Some(4));
        assert_eq!(next_event(4, 5), None);
        assert_eq!(next_event(0, 0), None);
        assert_eq!(next_event(usize::MAX, usize::MAX), None);
    }
    use crate::data;

    fn state() -> ViewState {
        let (dataset, _) = data::bundled();
        ViewState::new(&dataset, Lang::Fr)
    }

    #[test]
    fn starts_fitted_with_nothing_selected() {
        let state = state();
        assert_eq!(state.view, state.bounds);
        assert_eq!(state.selected, None);
        assert_eq!(state.focused, 0);
        assert!(state.n_events() > 0);
    }

    #[test]
    fn arrow_keys_walk_every_event_in_order_and_stop_at_the_ends() {
        let mut state = state();
        let n = state.n_events();
        let mut visited = vec![state.focused];
        for _ in 0..n + 3 {
            state.key(Key::Next);
            if *visited.last().unwrap() != state.focused {
                visited.push(state.focused);
            }
        }
        assert_eq!(visited, (0..n).collect::<Vec<_>>());
        assert!(!state.key(Key::Next), "no change at the end");
        state.key(Key::First);
        assert_eq!(state.focused, 0);
        state.key(Key::Last);
        assert_eq!(state.focused, n - 1);
    }

    #[test]
    fn open_selects_the_focused_event_and_close_clears_it() {
        let mut state = state();
        state.key(Key::Next);
        state.key(Key::Activate);
        assert_eq!(state.selected, Some(1));
        state.key(Key::Dismiss);
        assert_eq!(state.selected, None);
        assert_eq!(state.focused, 1, "focus stays on the marker");
    }

    #[test]
    fn focusing_an_event_out_of_view_pans_to_it() {
        let mut state = state();
        state.zoom(40.0, 0.0);
        let last = state.n_events() - 1;
        state.focus(last);
        let day = state.event_days[last];
        assert!(state.view.start <= day && day <= state.view.end);
    }

    #[test]
    fn the_tab_stop_follows_the_view_when_its_event_scrolls_out() {
        let mut state = state();
        state.focus(0);
        let last_day = *state.event_days.last().unwrap();
        state.set_view(View::new(last_day - 20.0, last_day + 5.0));
        let focused_day = state.event_days[state.focused];
        assert!(state.view.start <= focused_day && focused_day <= state.view.end);
    }

    #[test]
    fn zoom_buttons_narrow_and_fit_restores() {
        let mut state = state();
        state.key(Key::ZoomIn);
        assert!(state.view.span() < state.bounds.span());
        state.fit_all();
        assert_eq!(state.view, state.bounds);
    }

    #[test]
    fn zooming_to_a_cluster_shows_its_span() {
        let mut state = state();
        let (a, b) = (state.event_days[0], state.event_days[0] + 3.0);
        state.zoom_to(a, b);
        assert!(state.view.start <= a && state.view.end >= b);
        assert!(state.view.span() < state.bounds.span());
    }

    #[test]
    fn the_tab_stop_moves_to_the_visible_event_nearest_the_centre() {
        let mut state = state();
        let (first, last) = (state.bounds.start, state.bounds.end);
        for step in 0..200 {
            let span = 3.0 + f64::from(step % 7) * 25.0;
            let start = first + (last - first) * f64::from(step) / 200.0;
            state.focused = usize::MAX;
            state.set_view(View::new(start, start + span));
            // The direct search the binary search replaces.
            let center = state.view.center();
            let expected = state
                .event_days
                .iter()
                .enumerate()
                .filter(|(_, &d)| d >= state.view.start && d <= state.view.end)
                .min_by(|(_, a), (_, b)| (*a - center).abs().total_cmp(&(*b - center).abs()))
                .map_or(usize::MAX, |(idx, _)| idx);
            assert_eq!(state.focused, expected, "{:?}", state.view);
        }
    }

    #[test]
    fn the_opening_state_shows_the_story_and_links_need_no_view_for_it() {
        let (dataset, _) = data::bundled();
        let story = story::Story::new(&dataset);
        let mut state = ViewState::opening(&dataset, &story, Lang::Fr);
        assert!(state.view.span() < state.bounds.span());
        assert_eq!(state.opening, state.view);
        let focused = state.event_pos(state.focused).unwrap();
        assert!(state.view.start <= focused && focused <= state.view.end);
        // The default window needs no `?view=`.
        assert_eq!(state.view_days(), None);
        // Everything is a window of its own, and its link shows everything.
        state.fit_all();
        let days = state.view_days().expect("fit-all is not the default here");
        let mut reopened = ViewState::opening(&dataset, &story, Lang::Fr);
        reopened.set_view_days(days);
        assert_eq!(reopened.view, reopened.bounds);
        // Another window keeps its link.
        state.zoom(8.0, 0.5);
        let zoomed = state.view_days().unwrap();
        reopened.set_view_days(zoomed);
        assert_eq!(reopened.view_days(), Some(zoomed));
    }

    #[test]
    fn a_spread_out_timeline_opens_on_everything_as_before() {
        // Deep time: its log axis already gives every era its room.
        let deep = deep_dataset();
        let state = ViewState::opening(&deep, &story::Story::new(&deep), Lang::Fr);
        assert!(state.axis.is_deep());
        assert_eq!(state.view, state.bounds);
        assert_eq!(state.view_days(), None);
        // No event at all.
        let empty = Dataset::default();
        let state = ViewState::opening(&empty, &story::Story::new(&empty), Lang::Fr);
        assert_eq!(state.view, state.bounds);
    }

    /// A history of the universe with BC and recent dates, as TimelineJS
    /// writes it (the years of Knight Lab's mixed example), plus the dark
    /// ages 370,000 years after the Big Bang.
    fn deep_dataset() -> Dataset {
        let years = [
            "-13800000000",
            "-13799630000",
            "-4600000000",
            "-540000000",
            "-300000",
            "-3500",
            "-300",
            "1021",
            "1826",
            "1969",
            "1990",
        ];
        let events: Vec<String> = years
            .iter()
            .map(|y| {
                format!(
                    r#"{{"start_date": {{"year": "{y}"}}, "text": {{"headline": "Year {y}"}}}}"#
                )
            })
            .collect();
        let json = format!(r#"{{"events": [{}]}}"#, events.join(","));
        let imported = crate::data::timelinejs::from_json(&json);
        assert_eq!(imported.dataset.events.len(), years.len());
        imported.dataset
    }

    fn deep_state() -> ViewState {
        ViewState::new(&deep_dataset(), Lang::Fr)
    }

    #[test]
    fn deep_time_keys_reach_every_event_in_view() {
        let mut state = deep_state();
        assert!(state.axis.is_deep());
        // From a close view, every event comes into view when focused.
        state.zoom(1e6, 0.5);
        for idx in 0..state.n_events() {
            state.key(if idx == 0 { Key::First } else { Key::Next });
            assert_eq!(state.focused, idx);
            let pos = state.event_pos(idx).unwrap();
            assert!(state.view.start <= pos && pos <= state.view.end, "{idx}");
        }
    }

    #[test]
    fn deep_time_zooms_down_to_days_and_back() {
        let mut state = deep_state();
        let width = 1280.0;
        for idx in 0..state.n_events() {
            state.fit_all();
            state.focus(idx);
            // Zoom in around the event until the view stops narrowing.
            for _ in 0..200 {
                state.zoom_step(true);
            }
            let pos = state.event_pos(idx).unwrap();
            assert!(state.view.start <= pos && pos <= state.view.end, "{idx}");
            let (first_day, last_day) = (
                state.axis.day(state.view.start),
                state.axis.day(state.view.end),
            );
            let days = last_day - first_day;
            assert!(
                (9.0..=20.0).contains(&days),
                "{idx}: the closest view shows {days} days"
            );
            for _ in 0..200 {
                state.zoom_step(false);
            }
            assert_eq!(state.view, state.bounds);
        }
        // The Big Bang and the dark ages, 370,000 years apart, share a
        // cluster at first; a click on it separates them.
        state.fit_all();
        let (big_bang, dark_ages) = (state.event_pos(0).unwrap(), state.event_pos(1).unwrap());
        assert!((dark_ages - big_bang) * width / state.view.span() < 1.0);
        state.zoom_to(big_bang, dark_ages);
        assert!(state.view.start <= big_bang && dark_ages <= state.view.end);
        let px = (dark_ages - big_bang) * width / state.view.span();
        assert!(px >= crate::scale::MARKER_PX, "{px}");
    }
}
