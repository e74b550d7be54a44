//! The list a cluster opens when zooming cannot separate it (issue 13,
//! point 1: no dead ends): its events are on one day, or the timeline is
//! already at its deepest zoom there. The list shows a page of events at a
//! time, so a cluster of 5,000 events of one day opens at once.
//!
//! Architecture Invariant: no `leptos`, no `web_sys`; host-tested.

use std::ops::Range;

use super::ViewState;
use crate::scale::{zoom_level, MARKER_PX};

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
    /// order) does on a timeline `width_px` wide. It zooms when the
    /// closest view onto it sets every one of its events apart (each its
    /// own marker, so one more click opens any of them), or when it is
    /// too big for one page of a list and zooming separates it at least
    /// in part (thousands of events are explored by zooming). Otherwise it
    /// lists them: zooming would leave some merged, which is how clusters
    /// became dead ends (issue 13).
    pub fn cluster_action(&self, members: &[usize], width_px: f64) -> ClusterAction {
        let positions: Vec<f64> = members
            .iter()
            .filter_map(|&idx| self.event_pos(idx))
            .collect();
        let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
            return ClusterAction::List;
        };
        let mut zoomed = self.clone();
        zoomed.zoom_to(first, last);
        if zoomed.view == self.view {
            return ClusterAction::List;
        }
        // Markers are grouped at the zoom level at or below the view's.
        let px_per_day = zoom_level(width_px / zoomed.view.span());
        let apart = |a: f64, b: f64| (b - a) * px_per_day >= MARKER_PX;
        let all_apart = positions.windows(2).all(|pair| apart(pair[0], pair[1]));
        if all_apart || (positions.len() > PAGE_SIZE && apart(first, last)) {
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

    /// Events on one track at these days (day numbers from 2025-03-01).
    fn state_with_days(days: &[i64]) -> ViewState {
        let events: Vec<String> = days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let date = crate::data::Date::from_day(
                    crate::data::Date::parse("2025-03-01").unwrap().start_day() + day,
                );
                format!(
                    r#"{{"id": "e{i}", "date": "{}", "track": "t", "title": {{"fr": "T", "en": "T"}}, "summary": {{"fr": "S", "en": "S"}}}}"#,
                    date.iso()
                )
            })
            .collect();
        let json = format!(
            r#"{{"tracks": [{{"id": "t", "label": {{"fr": "Piste", "en": "Track"}}}}], "events": [{}]}}"#,
            events.join(",")
        );
        let (dataset, problems) = data::parse(&json);
        assert_eq!(dataset.events.len(), days.len(), "{problems:?}");
        ViewState::new(&dataset, Lang::Fr)
    }

    #[test]
    fn a_cluster_zooming_would_only_partly_separate_lists_unless_it_is_big() {
        // A week apart, two of them on one day, and a year later.
        let state = state_with_days(&[0, 7, 7, 400]);
        assert_eq!(
            state.cluster_action(&[0, 1, 2], 1280.0),
            ClusterAction::List
        );
        assert_eq!(state.cluster_action(&[0, 1], 1280.0), ClusterAction::Zoom);
        // Sixty events over two months, three a day on some days: too many
        // for a page, and zooming separates them in part.
        let days: Vec<i64> = (0..60).map(|i| i * 2 / 3).chain([400]).collect();
        let state = state_with_days(&days);
        let members: Vec<usize> = (0..60).collect();
        assert_eq!(state.cluster_action(&members, 1280.0), ClusterAction::Zoom);
        assert_eq!(
            state.cluster_action(&members[..40], 1280.0),
            ClusterAction::List
        );
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
