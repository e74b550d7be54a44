//! The list a cluster opens when zooming cannot separate it (issue 13,
//! point 1: no dead ends): its events are on one day, or the timeline is
//! already at its deepest zoom there. The list shows a page of events at a
//! time, so a cluster of 5,000 events of one day opens at once.
//!
//! Architecture Invariant: no `leptos`, no `web_sys`; host-tested.

use std::ops::Range;

use super::ViewState;
use crate::scale::MARKER_PX;

/// Events per page of a cluster's list.
pub const PAGE_SIZE: usize = 50;

/// What a click on a cluster does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterAction {
    /// Zoom onto the cluster: its events come apart.
    Zoom,
    /// Open the list of its events: zooming would not separate them.
    List,
}

impl ViewState {
    /// What a click on the cluster of `members` (event indices in date
    /// order) does on a timeline `width_px` wide: zoom when the closest
    /// view onto it puts its first and last events at least a marker
    /// apart, list otherwise.
    pub fn cluster_action(&self, members: &[usize], width_px: f64) -> ClusterAction {
        let positions = (
            members.first().and_then(|&idx| self.event_pos(idx)),
            members.last().and_then(|&idx| self.event_pos(idx)),
        );
        let (Some(first), Some(last)) = positions else {
            return ClusterAction::List;
        };
        let mut zoomed = self.clone();
        zoomed.zoom_to(first, last);
        let px = (last - first) * width_px / zoomed.view.span();
        if px >= MARKER_PX && zoomed.view != self.view {
            ClusterAction::Zoom
        } else {
            ClusterAction::List
        }
    }
}

/// One page of a list of `n` events: which ones it shows, and whether
/// there are pages before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// Indices into the list (0-based), at most [`PAGE_SIZE`].
    pub range: Range<usize>,
    /// The page before and the page after, if any.
    pub previous: Option<usize>,
    pub next: Option<usize>,
    /// The page's first and last item, 1-based, for "51–100 of 5,000".
    pub first_number: usize,
    pub last_number: usize,
}

/// Page `page` (0-based, clamped to the last page) of a list of `n`.
pub fn list_page(n: usize, page: usize) -> ListPage {
    let n_pages = n.div_ceil(PAGE_SIZE).max(1);
    let page = page.min(n_pages - 1);
    let start = page * PAGE_SIZE;
    let end = (start + PAGE_SIZE).min(n);
    ListPage {
        range: start..end,
        previous: page.checked_sub(1),
        next: (page + 1 < n_pages).then_some(page + 1),
        first_number: if n == 0 { 0 } else { start + 1 },
        last_number: end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::i18n::Lang;

    #[test]
    fn a_same_day_cluster_opens_a_list_and_a_spread_one_zooms() {
        let (dataset, _) = data::bundled();
        let state = ViewState::new(&dataset, Lang::Fr);
        // The events of 9 July 2025 on the companies track (nine of them).
        let same_day: Vec<usize> = (0..dataset.events.len())
            .filter(|&i| {
                let e = &dataset.events[i];
                e.date.iso() == "2025-07-09" && e.track == "companies"
            })
            .collect();
        assert!(same_day.len() >= 4, "{same_day:?}");
        for width in [320.0, 1280.0, 1920.0] {
            assert_eq!(
                state.cluster_action(&same_day, width),
                ClusterAction::List,
                "{width}"
            );
        }
        // Events days apart come apart when zoomed onto from the
        // whole timeline.
        let day = |i: usize| dataset.events[i].date.start_day();
        let spread = (0..dataset.events.len())
            .flat_map(|i| (i + 1..dataset.events.len()).map(move |j| (i, j)))
            .find(|&(i, j)| (3..=60).contains(&(day(j) - day(i))))
            .map(|(i, j)| [i, j])
            .expect("two events days apart");
        assert_eq!(state.cluster_action(&spread, 1280.0), ClusterAction::Zoom);
    }

    #[test]
    fn at_the_deepest_zoom_close_events_open_a_list() {
        // Two events a day apart, and one a year later.
        let json = r#"{"tracks": [{"id": "t", "label": {"fr": "Piste", "en": "Track"}}],
            "events": [
              {"id": "a", "date": "2025-03-01", "track": "t", "title": {"fr": "A", "en": "A"}, "summary": {"fr": "S", "en": "S"}},
              {"id": "b", "date": "2025-03-02", "track": "t", "title": {"fr": "B", "en": "B"}, "summary": {"fr": "S", "en": "S"}},
              {"id": "c", "date": "2026-03-01", "track": "t", "title": {"fr": "C", "en": "C"}, "summary": {"fr": "S", "en": "S"}}]}"#;
        let (dataset, _) = data::parse(json);
        assert_eq!(dataset.events.len(), 3);
        let state = ViewState::new(&dataset, Lang::Fr);
        let pair = [0, 1];
        // On a 1280 px timeline the 10-day view puts them 128 px apart;
        // on a 100 px one, 10 px: no zoom goes further, so a list.
        assert_eq!(state.cluster_action(&pair, 1280.0), ClusterAction::Zoom);
        assert_eq!(state.cluster_action(&pair, 100.0), ClusterAction::List);
        // Once zoomed onto them, the same cluster lists.
        let mut zoomed = state.clone();
        zoomed.zoom_to(zoomed.event_pos(0).unwrap(), zoomed.event_pos(1).unwrap());
        assert_eq!(zoomed.cluster_action(&pair, 100.0), ClusterAction::List);
    }

    #[test]
    fn pages_cover_a_list_once_and_stop_at_its_ends() {
        assert_eq!(
            list_page(5000, 0),
            ListPage {
                range: 0..50,
                previous: None,
                next: Some(1),
                first_number: 1,
                last_number: 50
            }
        );
        let last = list_page(5000, 99);
        assert_eq!((last.range.clone(), last.next), (4950..5000, None));
        assert_eq!(last.previous, Some(98));
        assert_eq!(list_page(5000, 1000), last, "clamped to the last page");
        let mut seen = 0;
        let mut page = 0;
        loop {
            let shown = list_page(123, page);
            assert_eq!(shown.range.start, seen);
            seen = shown.range.end;
            match shown.next {
                Some(next) => page = next,
                None => break,
            }
        }
        assert_eq!(seen, 123);
        assert_eq!(list_page(0, 0).range, 0..0);
        assert_eq!(list_page(0, 0).first_number, 0);
    }
}
