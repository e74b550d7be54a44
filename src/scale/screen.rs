//! The timeline's pixel rules for the components: how tall a track is,
//! where a marker button and its label go, which buttons a frame shows
//! (and which it keeps during a zoom gesture), what a marker is keyed by,
//! and which days a cluster covers. The components format these numbers
//! into styles and nothing else.
//!
//! Architecture Invariant: the static version's loading state
//! (`static_html`) and the app read [`TRACK_PLOT_PX`] from here, and
//! `www/style.css` repeats it where a test checks it.

use std::collections::HashSet;

use super::axis::TimeAxis;
use super::layout::{
    LayoutItem, Marker, MarkerKind, WorldLayout, LANE_HEIGHT_PX, MARKER_PX, N_LANES,
};
use super::ticks::{Tick, TickLabel};
use super::time::{TimeScale, View};
use crate::data::Event;

/// Height of a track's plot: its lanes and 4 px of room below.
pub const TRACK_PLOT_PX: f64 = N_LANES as f64 * LANE_HEIGHT_PX + 4.0;

/// A marker button's top within its lane.
const LANE_TOP_PX: f64 = 3.0;

/// Where a button with nothing to show waits, out of sight (its marker is
/// on its way in or out).
pub const OFFSCREEN_PX: f64 = -1000.0;

/// The left edge of a marker button centred at `x`, in whole pixels:
/// cheaper to format than fractions, and crisp.
pub fn marker_left_px(x: f64) -> i64 {
    (x - MARKER_PX / 2.0).round() as i64
}

/// The top of a marker button in `lane`, in whole pixels.
pub fn marker_top_px(lane: usize) -> i64 {
    (lane as f64 * LANE_HEIGHT_PX + LANE_TOP_PX).round() as i64
}

/// A label's width from the room the layout gave it, in whole pixels;
/// `None` when it is hidden.
pub fn label_width_px(label_px: f64) -> Option<i64> {
    (label_px > 0.0).then(|| label_px.round() as i64)
}

/// An event as the layout sees it: at the middle of its first day on the
/// timeline's `axis`, with the width of its label.
pub fn layout_item(event: &Event, label: &str, axis: &TimeAxis) -> LayoutItem {
    LayoutItem {
        day: axis.marker_pos(&event.date),
        track_idx: event.track_idx,
        label_px: super::layout::estimate_label_px(label),
    }
}

/// Every event as the layout sees it, labelled by `label` (the title in
/// the reader's language).
pub fn layout_items<'a>(
    events: &'a [Event],
    axis: &TimeAxis,
    label: impl Fn(&'a Event) -> &'a str,
) -> Vec<LayoutItem> {
    events
        .iter()
        .map(|event| layout_item(event, label(event), axis))
        .collect()
}

/// What a marker button is keyed by. An event's button is its own for as
/// long as it shows, so panning moves it and keyboard focus stays on it.
/// Cluster buttons (never tab stops) are recycled: keyed by the marker's
/// rank in its track modulo [`CLUSTER_SLOTS`], a cluster keeps its button
/// while panning, a button leaving on one side comes back on the other,
/// and a zoom step re-fills buttons instead of re-creating hundreds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKey {
    Event(usize),
    Cluster { track_idx: usize, slot: usize },
}

/// More than the markers a track can show at once (they are at least a
/// marker apart), so slots on screen never collide.
pub const CLUSTER_SLOTS: usize = 4096;

impl Marker {
    /// The key of this marker's button.
    pub fn key(&self) -> MarkerKey {
        match &self.kind {
            MarkerKind::Single(idx) => MarkerKey::Event(*idx),
            MarkerKind::Cluster(_) => MarkerKey::Cluster {
                track_idx: self.track_idx,
                slot: self.rank % CLUSTER_SLOTS,
            },
        }
    }
}

/// What an axis tick's element is keyed by: its day, its rank and the
/// kind of its label, so a tick keeps its element while it moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TickKey {
    pub day: i64,
    pub major: bool,
    kind: u8,
}

impl Tick {
    /// The key of this tick's element.
    pub fn key(&self) -> TickKey {
        let kind = match self.label {
            TickLabel::Year(_) => 0,
            TickLabel::Month { .. } => 1,
            TickLabel::Day { .. } => 2,
        };
        TickKey {
            day: self.day,
            major: self.major,
            kind,
        }
    }
}

/// The markers one frame of the timeline shows, and the zoom level they
/// were laid out at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OnScreen {
    /// The [`WorldLayout`]'s level (pixels per day); `None` before any.
    pub level: Option<f64>,
    pub markers: Vec<Marker>,
}

impl OnScreen {
    /// The markers of `world` in `view`, `width` pixels wide (none before
    /// the width is known). During a zoom gesture at the level already on
    /// screen (`previous`), the buttons on screen only move: none is
    /// created for a marker coming into view (the edges fill in when the
    /// gesture rests), except the focused event's, which the keyboard
    /// always has.
    pub fn next(
        previous: Option<&OnScreen>,
        world: &WorldLayout,
        view: View,
        width: f64,
        in_gesture: bool,
        focused_event: usize,
    ) -> OnScreen {
        let level = Some(world.px_per_day());
        if width <= 0.0 {
            return OnScreen {
                level,
                markers: Vec::new(),
            };
        }
        let visible = world.visible(&TimeScale::new(view, width));
        let markers = match previous {
            Some(previous) if in_gesture && previous.level == level => {
                let mut shown: HashSet<MarkerKey> =
                    previous.markers.iter().map(Marker::key).collect();
                shown.insert(MarkerKey::Event(focused_event));
                visible
                    .into_iter()
                    .filter(|marker| shown.contains(&marker.key()))
                    .collect()
            }
            _ => visible,
        };
        OnScreen { level, markers }
    }

    /// The keys of the buttons each of `n_tracks` tracks shows, in order.
    pub fn keys_per_track(&self, n_tracks: usize) -> Vec<Vec<MarkerKey>> {
        let mut per_track = vec![Vec::new(); n_tracks];
        for marker in &self.markers {
            if let Some(row) = per_track.get_mut(marker.track_idx) {
                row.push(marker.key());
            }
        }
        per_track
    }
}

/// The span a cluster of `members` (indices into `events`, in date order)
/// covers on `axis`: from its first event's first day to the end of the
/// one ending last. `None` for an empty cluster.
pub fn cluster_span(members: &[usize], events: &[Event], axis: &TimeAxis) -> Option<(f64, f64)> {
    let first = events.get(*members.first()?)?.date.start_day();
    let last = members
        .iter()
        .filter_map(|&idx| events.get(idx))
        .map(|event| event.date.end_day_exclusive())
        .max()?;
    Some((axis.pos_of(first, 0.0), axis.pos_of(last, 0.0)))
}

/// Whether an element measured `new_px` wide after `old_px` changed
/// width: by more than half a pixel, so that the rounding of a fractional
/// layout does not re-render the timeline or a chart for nothing.
pub fn is_new_width(old_px: f64, new_px: f64) -> bool {
    (new_px - old_px).abs() > 0.5
}

#[cfg(test)]
mod tests {
    use super::super::layout::{zoom_level, Grouping};
    use super::*;
    use crate::data::{self, Date};

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn event(id: &str, date: Date, track_idx: usize) -> Event {
        let (dataset, _) = data::bundled();
        Event {
            id: id.to_string(),
            date,
            track_idx,
            ..dataset.events[0].clone()
        }
    }

    #[test]
    fn a_track_holds_its_lanes_and_a_margin() {
        assert_eq!(TRACK_PLOT_PX, 64.0);
        let last_lane_bottom = marker_top_px(N_LANES - 1) as f64 + MARKER_PX;
        assert!(last_lane_bottom <= TRACK_PLOT_PX);
    }

    #[test]
    fn a_button_is_centred_on_its_marker_in_whole_pixels() {
        assert_eq!(marker_left_px(100.0), 88);
        assert_eq!(marker_left_px(100.4), 88);
        assert_eq!(marker_left_px(100.6), 89);
        assert_eq!(marker_left_px(0.0), -12);
        assert_eq!(marker_top_px(0), 3);
        assert_eq!(marker_top_px(1), 33);
    }

    #[test]
    fn a_label_without_room_is_hidden() {
        assert_eq!(label_width_px(0.0), None);
        assert_eq!(label_width_px(57.6), Some(58));
    }

    #[test]
    fn an_event_sits_at_the_middle_of_its_first_day() {
        let event = event("a", date("2025-01-21"), 2);
        let item = layout_item(&event, "Stargate", &TimeAxis::default());
        assert_eq!(item.day, date("2025-01-21").start_day() as f64 + 0.5);
        assert_eq!(item.track_idx, 2);
        assert_eq!(item.label_px, super::super::estimate_label_px("Stargate"));
        let month = event_at_month();
        assert_eq!(
            layout_item(&month, "", &TimeAxis::default()).day,
            date("2025-03").start_day() as f64 + 0.5
        );
    }

    fn event_at_month() -> Event {
        event("m", date("2025-03"), 0)
    }

    #[test]
    fn a_cluster_spans_its_first_day_to_the_end_of_its_last_ending_event() {
        let events = [
            event("a", date("2025-01-21"), 0),
            event("b", date("2025-01"), 0),
            event("c", date("2025-01-25"), 0),
        ];
        let span = cluster_span(&[0, 1, 2], &events, &TimeAxis::default());
        assert_eq!(
            span,
            Some((
                date("2025-01-21").start_day() as f64,
                date("2025-02-01").start_day() as f64
            )),
            "the month ends last"
        );
        assert_eq!(cluster_span(&[], &events, &TimeAxis::default()), None);
        assert_eq!(cluster_span(&[7], &events, &TimeAxis::default()), None);
        // On a deep-time axis, the span is in its positions.
        let deep = [
            event("big-bang", date("-13800000000"), 0),
            event("moon", date("1969-07-20"), 0),
        ];
        let starts: Vec<i64> = deep.iter().map(|e| e.date.start_day()).collect();
        let axis = TimeAxis::for_events(&starts, starts[1] + 1);
        assert!(axis.is_deep());
        let (first, last) = cluster_span(&[0, 1], &deep, &axis).unwrap();
        assert_eq!(first, axis.pos_of(starts[0], 0.0));
        assert_eq!(last, axis.pos_of(starts[1] + 1, 0.0));
    }

    fn world(items: &[LayoutItem], view: View, width: f64, pinned: usize) -> WorldLayout {
        let level = zoom_level(TimeScale::new(view, width).px_per_day());
        WorldLayout::new(&Grouping::new(items, 1, level), items, Some(pinned), 60.0)
    }

    /// One event a day for `n` days on one track.
    fn daily(n: usize) -> Vec<LayoutItem> {
        (0..n)
            .map(|day| LayoutItem {
                day: day as f64 + 0.5,
                track_idx: 0,
                label_px: 40.0,
            })
            .collect()
    }

    #[test]
    fn nothing_shows_before_the_width_is_known() {
        let items = daily(10);
        let view = View::new(0.0, 10.0);
        let on_screen = OnScreen::next(None, &world(&items, view, 500.0, 0), view, 0.0, false, 0);
        assert!(on_screen.markers.is_empty());
    }

    #[test]
    fn out_of_a_gesture_every_visible_marker_shows() {
        let items = daily(100);
        let view = View::new(0.0, 20.0);
        let world = world(&items, view, 1000.0, 0);
        let first = OnScreen::next(None, &world, view, 1000.0, false, 0);
        assert_eq!(first.markers, world.visible(&TimeScale::new(view, 1000.0)));
        let panned = View::new(30.0, 50.0);
        let second = OnScreen::next(Some(&first), &world, panned, 1000.0, false, 0);
        assert_eq!(
            second.markers,
            world.visible(&TimeScale::new(panned, 1000.0))
        );
    }

    #[test]
    fn a_zoom_gesture_at_a_held_level_moves_buttons_and_creates_none_but_the_focused_one() {
        let items = daily(100);
        let view = View::new(40.0, 60.0);
        let world = world(&items, view, 1000.0, 45);
        let before = OnScreen::next(None, &world, view, 1000.0, true, 45);
        // Zoomed out around the centre at the same level: more comes into view.
        let wider = View::new(35.0, 65.0);
        let during = OnScreen::next(Some(&before), &world, wider, 1000.0, true, 45);
        let keys_before: HashSet<_> = before.markers.iter().map(Marker::key).collect();
        assert!(!during.markers.is_empty());
        assert!(during
            .markers
            .iter()
            .all(|m| keys_before.contains(&m.key())));
        let all = world.visible(&TimeScale::new(wider, 1000.0));
        assert!(all.len() > during.markers.len(), "the edges wait");
        // The same buttons, at their new places.
        for marker in &during.markers {
            let fresh = all.iter().find(|m| m.key() == marker.key()).unwrap();
            assert_eq!(marker.x, fresh.x);
        }
        // Once the gesture rests, the edges fill in.
        let rested = OnScreen::next(Some(&during), &world, wider, 1000.0, false, 45);
        assert_eq!(rested.markers, all);
    }

    #[test]
    fn the_focused_event_keeps_its_button_during_a_gesture() {
        let items = daily(100);
        let view = View::new(40.0, 50.0);
        let world_before = world(&items, view, 1000.0, 70);
        let before = OnScreen::next(None, &world_before, view, 1000.0, true, 70);
        let during = OnScreen::next(Some(&before), &world_before, view, 1000.0, true, 70);
        assert!(during
            .markers
            .iter()
            .any(|m| m.key() == MarkerKey::Event(70)));
    }

    #[test]
    fn a_new_level_shows_everything_even_during_a_gesture() {
        let items = daily(100);
        let view = View::new(40.0, 60.0);
        let near = world(&items, view, 1000.0, 0);
        let before = OnScreen::next(None, &near, view, 1000.0, true, 0);
        let far_view = View::new(0.0, 100.0);
        let far = world(&items, far_view, 1000.0, 0);
        assert_ne!(near.px_per_day(), far.px_per_day());
        let after = OnScreen::next(Some(&before), &far, far_view, 1000.0, true, 0);
        assert_eq!(
            after.markers,
            far.visible(&TimeScale::new(far_view, 1000.0))
        );
    }

    #[test]
    fn ticks_are_keyed_by_day_rank_and_kind() {
        let tick = |label, major| Tick {
            day: 100,
            x: 5.0,
            label,
            major,
        };
        let year = tick(TickLabel::Year(2025), true);
        let month = tick(
            TickLabel::Month {
                year: 2025,
                month: 1,
            },
            true,
        );
        assert_ne!(year.key(), month.key());
        assert_ne!(year.key(), tick(TickLabel::Year(2025), false).key());
        let moved = Tick { x: 80.0, ..year };
        assert_eq!(moved.key(), year.key(), "moving keeps the element");
    }

    #[test]
    fn events_keep_their_key_and_clusters_recycle_slots_by_rank() {
        let items = daily(3);
        let view = View::new(0.0, 3.0);
        let on_screen = OnScreen::next(None, &world(&items, view, 600.0, 0), view, 600.0, false, 0);
        let keys = on_screen.keys_per_track(2);
        assert_eq!(
            keys,
            vec![
                vec![
                    MarkerKey::Event(0),
                    MarkerKey::Event(1),
                    MarkerKey::Event(2)
                ],
                vec![]
            ]
        );
        let cluster = Marker {
            kind: MarkerKind::Cluster(vec![3, 4].into()),
            x: 0.0,
            track_idx: 1,
            lane: 0,
            label_px: 0.0,
            rank: CLUSTER_SLOTS + 5,
        };
        assert_eq!(
            cluster.key(),
            MarkerKey::Cluster {
                track_idx: 1,
                slot: 5
            }
        );
    }

    #[test]
    fn a_width_changes_by_more_than_half_a_pixel() {
        assert!(!is_new_width(800.0, 800.0));
        assert!(!is_new_width(800.0, 800.5));
        assert!(!is_new_width(800.0, 799.5));
        assert!(is_new_width(800.0, 801.0));
        assert!(is_new_width(800.0, 799.0));
        // The first measure after a zero width (not laid out yet).
        assert!(is_new_width(0.0, 375.0));
    }
}
