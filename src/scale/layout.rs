//! Timeline layout: where each marker goes, which events merge into a
//! cluster at the current zoom, and which labels have room.
//!
//! Per track, events closer than [`MARKER_PX`] to the first event of their
//! group merge into one cluster marker, so markers in a lane are always at
//! least [`MARKER_PX`] apart and never overlap. Markers then take one of
//! [`N_LANES`] lanes (the first where their label fits), and each label is
//! cut at the next marker of its lane, or hidden when too little is left.
//! The pinned event (the one that has keyboard focus) always gets its own
//! marker, so keyboard navigation reaches every event at any zoom.
//!
//! The layout is computed in "world" pixels, where an event's x is its day
//! times the zoom (pixels per day) whatever the view, once per zoom level,
//! and reused while panning: a pan only picks the markers near the view by
//! binary search and shifts them ([`WorldLayout::visible`]). So panning
//! costs the same at 100 or 100,000 events, and a marker keeps its lane and
//! label while it moves. Zoom levels are quantized ([`LEVELS_PER_DOUBLING`]
//! per doubling); a view uses the level at or just below its own zoom
//! ([`zoom_level`]), where its markers are closer together than on screen,
//! so they still never overlap. Two pure values cache the work: [`Grouping`]
//! (which events merge; per zoom level) and [`WorldLayout`] (lanes and label
//! room; per zoom level and pinned event).

use std::sync::Arc;

use super::time::TimeScale;

/// Width of a marker's hit area (a 24 px touch target).
pub const MARKER_PX: f64 = 24.0;
/// Lanes per track row.
pub const N_LANES: usize = 2;
/// Height of one lane.
pub const LANE_HEIGHT_PX: f64 = 30.0;
/// Labels narrower than this are hidden rather than shown as "…".
pub const MIN_LABEL_PX: f64 = 44.0;
/// Room between a label's end and the next marker.
const LABEL_GAP_PX: f64 = 6.0;
/// Markers this far outside the width are still laid out (smooth panning).
const CULL_MARGIN_PX: f64 = 48.0;
/// Zoom levels per doubling of the zoom: zooming in by 19 % or less keeps
/// the layout of the level.
pub const LEVELS_PER_DOUBLING: f64 = 4.0;

/// One event as the layout sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutItem {
    /// Position in days (fractional allowed).
    pub day: f64,
    pub track_idx: usize,
    /// The label's natural width in pixels.
    pub label_px: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MarkerKind {
    /// One event, by index into the items.
    Single(usize),
    /// Several events (indices into the items, in date order). Shared, so
    /// that copying a marker while panning copies no list.
    Cluster(Arc<[usize]>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub kind: MarkerKind,
    /// Centre of the marker, in pixels from the left of the plot (in world
    /// pixels inside a [`WorldLayout`]).
    pub x: f64,
    pub track_idx: usize,
    pub lane: usize,
    /// Room for the label in pixels; 0 when the label is hidden.
    pub label_px: f64,
    /// Rank of the marker in its track at this zoom level (the same while
    /// panning): consecutive markers on screen have consecutive ranks.
    pub rank: usize,
}

impl Marker {
    /// The first event of the marker (the event itself for a single one).
    pub fn first_item(&self) -> usize {
        match &self.kind {
            MarkerKind::Single(i) => *i,
            MarkerKind::Cluster(items) => items[0],
        }
    }
}

/// The zoom level (pixels per day) whose layout serves a view drawn at
/// `px_per_day`: the largest level at or below it.
pub fn zoom_level(px_per_day: f64) -> f64 {
    if !(px_per_day.is_finite() && px_per_day > 0.0) {
        return f64::MIN_POSITIVE;
    }
    let step = (px_per_day.log2() * LEVELS_PER_DOUBLING).floor();
    let level = (step / LEVELS_PER_DOUBLING).exp2();
    if level > px_per_day {
        ((step - 1.0) / LEVELS_PER_DOUBLING).exp2()
    } else {
        level
    }
}

/// How far out a continuous zoom may go from the level it holds (a quarter
/// of the pixels per day: markers up to four times closer than laid out;
/// the timeline hides labels and adds no marker until the gesture rests).
pub const HOLD_ZOOM_OUT: f64 = 0.25;
/// How far in (four times the pixels per day: clusters that would split
/// stay whole until the gesture rests; fewer markers show, never more).
pub const HOLD_ZOOM_IN: f64 = 4.0;

/// The level to lay markers out at: during a zoom gesture, the level
/// already laid out (`held`) while the live one stays within
/// [`HOLD_ZOOM_OUT`]..=[`HOLD_ZOOM_IN`] of it, so that a gesture step only
/// moves markers; otherwise the live level.
pub fn held_zoom_level(live: f64, held: Option<f64>, in_gesture: bool) -> f64 {
    match held {
        Some(held) if in_gesture && (HOLD_ZOOM_OUT..=HOLD_ZOOM_IN).contains(&(live / held)) => held,
        _ => live,
    }
}

/// Which events merge at one zoom level: per track, groups of events
/// closer than a marker to their group's first one, in world pixels.
/// Independent of the view and of the pinned event.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    px_per_day: f64,
    /// Per track, the groups in x order: the first member's world x and
    /// the members (a single event or a cluster).
    tracks: Vec<Vec<(f64, MarkerKind)>>,
}

impl Grouping {
    /// Groups `items` (sorted by day) at `px_per_day` (a [`zoom_level`]).
    pub fn new(items: &[LayoutItem], n_tracks: usize, px_per_day: f64) -> Grouping {
        let mut tracks: Vec<Vec<(f64, MarkerKind)>> = vec![Vec::new(); n_tracks];
        // The open group of each track: its x and its members so far.
        let mut open: Vec<(f64, Vec<usize>)> = vec![(f64::NEG_INFINITY, Vec::new()); n_tracks];
        for (item_idx, item) in items.iter().enumerate() {
            let Some((group_x, members)) = open.get_mut(item.track_idx) else {
                continue;
            };
            let x = item.day * px_per_day;
            if members.is_empty() || x - *group_x >= MARKER_PX {
                if !members.is_empty() {
                    tracks[item.track_idx].push((*group_x, group_kind(members)));
                    members.clear();
                }
                *group_x = x;
            }
            members.push(item_idx);
        }
        for (track_idx, (group_x, members)) in open.iter().enumerate() {
            if !members.is_empty() {
                tracks[track_idx].push((*group_x, group_kind(members)));
            }
        }
        Grouping { px_per_day, tracks }
    }

    /// The zoom level it was computed at.
    pub fn px_per_day(&self) -> f64 {
        self.px_per_day
    }

    /// The track and group holding `item_idx`, found by binary search.
    fn group_of(&self, items: &[LayoutItem], item_idx: usize) -> Option<(usize, usize)> {
        let item = items.get(item_idx)?;
        let groups = self.tracks.get(item.track_idx)?;
        let x = item.day * self.px_per_day;
        let group_idx = groups.partition_point(|(group_x, _)| *group_x <= x);
        let holds = |group_idx: usize| match &groups[group_idx].1 {
            MarkerKind::Single(member) => *member == item_idx,
            MarkerKind::Cluster(members) => members.binary_search(&item_idx).is_ok(),
        };
        // Items not sorted by day break the search: then look everywhere.
        let found = group_idx
            .checked_sub(1)
            .filter(|&group_idx| holds(group_idx))
            .or_else(|| (0..groups.len()).find(|&group_idx| holds(group_idx)))?;
        Some((item.track_idx, found))
    }
}

fn group_kind(members: &[usize]) -> MarkerKind {
    match members {
        [single] => MarkerKind::Single(*single),
        _ => MarkerKind::Cluster(members.into()),
    }
}

/// The whole timeline laid out at one zoom level in world pixels: markers
/// with their lanes and label room, for one pinned event.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldLayout {
    px_per_day: f64,
    /// Per track, the markers sorted by world x.
    tracks: Vec<Vec<Marker>>,
    /// Track and index of the pinned event's marker.
    pinned_at: Option<(usize, usize)>,
}

impl WorldLayout {
    /// Lays out a [`Grouping`] of `items`, splitting the pinned event out of
    /// its cluster.
    pub fn new(
        grouping: &Grouping,
        items: &[LayoutItem],
        pinned: Option<usize>,
        cluster_label_px: f64,
    ) -> WorldLayout {
        let px_per_day = grouping.px_per_day;
        let pinned_group = pinned.and_then(|pinned_idx| {
            let (track_idx, group_idx) = grouping.group_of(items, pinned_idx)?;
            Some((track_idx, group_idx, pinned_idx))
        });
        let new_marker = |kind: MarkerKind, x: f64, track_idx: usize| Marker {
            label_px: match &kind {
                MarkerKind::Single(item_idx) => items[*item_idx].label_px,
                MarkerKind::Cluster(_) => cluster_label_px,
            },
            kind,
            x,
            track_idx,
            lane: 0,
            rank: 0,
        };
        let mut pinned_at = None;
        let mut tracks = Vec::with_capacity(grouping.tracks.len());
        for (track_idx, groups) in grouping.tracks.iter().enumerate() {
            let mut markers = Vec::with_capacity(groups.len() + 1);
            for (group_idx, (group_x, kind)) in groups.iter().enumerate() {
                let pinned_idx = match pinned_group {
                    Some((t, g, pinned_idx)) if (t, g) == (track_idx, group_idx) => pinned_idx,
                    _ => {
                        markers.push(new_marker(kind.clone(), *group_x, track_idx));
                        continue;
                    }
                };
                let MarkerKind::Cluster(members) = kind else {
                    pinned_at = Some((track_idx, markers.len()));
                    markers.push(new_marker(kind.clone(), *group_x, track_idx));
                    continue;
                };
                // The pinned event gets its own marker; the rest stay merged.
                let rest: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&member| member != pinned_idx)
                    .collect();
                let pinned_x = items[pinned_idx].day * px_per_day;
                let pinned_marker = new_marker(MarkerKind::Single(pinned_idx), pinned_x, track_idx);
                let rest_marker = new_marker(group_kind(&rest), *group_x, track_idx);
                // Both stay before the next group: only their order matters.
                if pinned_x <= *group_x {
                    pinned_at = Some((track_idx, markers.len()));
                    markers.extend([pinned_marker, rest_marker]);
                } else {
                    pinned_at = Some((track_idx, markers.len() + 1));
                    markers.extend([rest_marker, pinned_marker]);
                }
            }
            assign_lanes(&mut markers);
            for (rank, marker) in markers.iter_mut().enumerate() {
                marker.rank = rank;
            }
            tracks.push(markers);
        }
        WorldLayout {
            px_per_day,
            tracks,
            pinned_at,
        }
    }

    /// The zoom level it was computed at.
    pub fn px_per_day(&self) -> f64 {
        self.px_per_day
    }

    /// Every marker, per track, in world pixels.
    pub fn n_markers(&self) -> usize {
        self.tracks.iter().map(Vec::len).sum()
    }

    /// The markers near the view of `scale`, in view pixels: per track, a
    /// slice found by binary search, plus the pinned event's marker
    /// wherever it is. `scale` should be at a zoom this layout's level
    /// serves (see [`zoom_level`]).
    pub fn visible(&self, scale: &TimeScale) -> Vec<Marker> {
        let px_per_day = scale.px_per_day();
        let ratio = px_per_day / self.px_per_day;
        let offset = scale.view.start * px_per_day;
        let low = (offset - CULL_MARGIN_PX) / ratio;
        let high = (offset + scale.width + CULL_MARGIN_PX) / ratio;
        let to_view = |marker: &Marker| Marker {
            x: marker.x * ratio - offset,
            ..marker.clone()
        };
        let mut visible = Vec::new();
        for (track_idx, markers) in self.tracks.iter().enumerate() {
            let start = markers.partition_point(|marker| marker.x < low);
            let end = start + markers[start..].partition_point(|marker| marker.x <= high);
            let pinned = self
                .pinned_at
                .filter(|(pinned_track, _)| *pinned_track == track_idx)
                .map(|(_, marker_idx)| marker_idx);
            if let Some(marker_idx) = pinned.filter(|&marker_idx| marker_idx < start) {
                visible.push(to_view(&markers[marker_idx]));
            }
            visible.extend(markers[start..end].iter().map(to_view));
            if let Some(marker_idx) = pinned.filter(|&marker_idx| marker_idx >= end) {
                visible.push(to_view(&markers[marker_idx]));
            }
        }
        visible
    }
}

/// Lays out `items` (sorted by day) under `scale`, for `n_tracks` rows,
/// from scratch. Only markers near the visible width are returned
/// (culling). The timeline keeps a [`Grouping`] and a [`WorldLayout`]
/// instead, which give the same markers.
pub fn layout_timeline(
    items: &[LayoutItem],
    n_tracks: usize,
    scale: &TimeScale,
    pinned: Option<usize>,
    cluster_label_px: f64,
) -> Vec<Marker> {
    let grouping = Grouping::new(items, n_tracks, zoom_level(scale.px_per_day()));
    WorldLayout::new(&grouping, items, pinned, cluster_label_px).visible(scale)
}

/// Gives each marker (sorted by x) a lane, then cuts labels to their room.
fn assign_lanes(markers: &mut [Marker]) {
    let mut lane_end = [f64::NEG_INFINITY; N_LANES];
    let mut lane_last_x = [f64::NEG_INFINITY; N_LANES];
    for marker in markers.iter_mut() {
        let start = marker.x - MARKER_PX / 2.0;
        let with_label = marker.x + MARKER_PX / 2.0 + marker.label_px;
        let lane = (0..N_LANES)
            .find(|&l| start >= lane_end[l] + LABEL_GAP_PX)
            .or_else(|| (0..N_LANES).find(|&l| marker.x - lane_last_x[l] >= MARKER_PX))
            .unwrap_or_else(|| {
                (0..N_LANES)
                    .min_by(|&a, &b| lane_last_x[a].total_cmp(&lane_last_x[b]))
                    .unwrap_or(0)
            });
        marker.lane = lane;
        lane_end[lane] = with_label;
        lane_last_x[lane] = marker.x;
    }
    // Cut each label at the next marker of its lane (walking backwards).
    let mut next_x = [f64::INFINITY; N_LANES];
    for marker in markers.iter_mut().rev() {
        let room =
            next_x[marker.lane] - MARKER_PX / 2.0 - LABEL_GAP_PX - (marker.x + MARKER_PX / 2.0);
        marker.label_px = marker.label_px.min(room.max(0.0));
        if marker.label_px < MIN_LABEL_PX {
            marker.label_px = 0.0;
        }
        next_x[marker.lane] = marker.x;
    }
}

/// A label's natural width for a text, at the timeline's 13 px font.
pub fn estimate_label_px(text: &str) -> f64 {
    let n_chars = text.chars().count() as f64;
    (n_chars * 7.4 + 10.0).min(240.0)
}

#[cfg(test)]
mod tests {
    use super::super::time::View;
    use super::*;

    #[test]
    fn a_zoom_gesture_holds_its_level_within_bounds() {
        let held = zoom_level(1.0);
        // Not in a gesture, or nothing laid out yet: the live level.
        assert_eq!(
            held_zoom_level(zoom_level(3.0), Some(held), false),
            zoom_level(3.0)
        );
        assert_eq!(
            held_zoom_level(zoom_level(3.0), None, true),
            zoom_level(3.0)
        );
        // In a gesture: held from a quarter to four times the pixels per day.
        for factor in [0.25, 0.3, 0.5, 1.0, 1.5, 2.0, 3.9, 4.0] {
            let live = zoom_level(factor);
            assert_eq!(held_zoom_level(live, Some(held), true), held, "{factor}");
        }
        // Beyond: the live level, which the gesture then holds.
        for factor in [0.2, 0.1, 4.8, 16.0] {
            let live = zoom_level(factor);
            assert_eq!(held_zoom_level(live, Some(held), true), live, "{factor}");
        }
    }

    #[test]
    fn a_held_level_still_shows_every_event_in_view() {
        // 40 events a day apart on one track: laid out at the held level,
        // viewed up to the bounds, every event in view is in a marker.
        let items: Vec<LayoutItem> = (0..40)
            .map(|i| LayoutItem {
                day: f64::from(i) + 0.5,
                track_idx: 0,
                label_px: 60.0,
            })
            .collect();
        let held = zoom_level(20.0);
        let world = WorldLayout::new(&Grouping::new(&items, 1, held), &items, None, 40.0);
        for px_per_day in [20.0 * HOLD_ZOOM_OUT, 20.0, 20.0 * HOLD_ZOOM_IN] {
            let width = 400.0;
            let view = View {
                start: 5.0,
                end: 5.0 + width / px_per_day,
            };
            let scale = TimeScale::new(view, width);
            let shown: Vec<usize> = world
                .visible(&scale)
                .iter()
                .flat_map(|marker| match &marker.kind {
                    MarkerKind::Single(i) => vec![*i],
                    MarkerKind::Cluster(items) => items.to_vec(),
                })
                .collect();
            for (i, item) in items.iter().enumerate() {
                if item.day > view.start && item.day < view.end {
                    assert!(shown.contains(&i), "{px_per_day}: event {i}");
                }
            }
        }
    }

    fn item(day: f64, track_idx: usize) -> LayoutItem {
        LayoutItem {
            day,
            track_idx,
            label_px: 120.0,
        }
    }

    fn scale(width: f64) -> TimeScale {
        TimeScale::new(View::new(0.0, 100.0), width)
    }

    #[test]
    fn distant_events_get_their_own_markers_with_labels() {
        let items = [item(10.0, 0), item(50.0, 0), item(90.0, 1)];
        let markers = layout_timeline(&items, 2, &scale(1000.0), None, 80.0);
        assert_eq!(markers.len(), 3);
        assert!(markers
            .iter()
            .all(|m| matches!(m.kind, MarkerKind::Single(_))));
        assert!(markers.iter().all(|m| m.label_px == 120.0));
    }

    #[test]
    fn close_events_merge_into_a_cluster_that_opens_when_zoomed_in() {
        let items = [item(10.0, 0), item(10.5, 0), item(11.0, 0)];
        let zoomed_out = layout_timeline(&items, 1, &scale(300.0), None, 80.0);
        assert_eq!(zoomed_out.len(), 1);
        assert_eq!(
            zoomed_out[0].kind,
            MarkerKind::Cluster(vec![0, 1, 2].into())
        );
        let zoomed_in = TimeScale::new(View::new(9.0, 12.0), 1000.0);
        let markers = layout_timeline(&items, 1, &zoomed_in, None, 80.0);
        assert_eq!(markers.len(), 3);
    }

    #[test]
    fn the_pinned_event_is_never_hidden_in_a_cluster() {
        let items = [item(10.0, 0), item(10.0, 0), item(10.0, 0)];
        let markers = layout_timeline(&items, 1, &scale(300.0), Some(1), 80.0);
        assert_eq!(markers.len(), 2);
        assert!(markers.iter().any(|m| m.kind == MarkerKind::Single(1)));
        assert!(markers
            .iter()
            .any(|m| m.kind == MarkerKind::Cluster(vec![0, 2].into())));
        assert_ne!(
            markers[0].lane, markers[1].lane,
            "pinned and cluster do not overlap"
        );
    }

    #[test]
    fn markers_in_one_lane_never_overlap_and_labels_never_run_into_markers() {
        let items: Vec<LayoutItem> = (0..200)
            .map(|i| item(f64::from(i) * 0.37, i as usize % 3))
            .collect();
        for width in [320.0, 768.0, 1920.0] {
            let markers = layout_timeline(&items, 3, &scale(width), None, 80.0);
            for track in 0..3 {
                for lane in 0..N_LANES {
                    let row: Vec<&Marker> = markers
                        .iter()
                        .filter(|m| m.track_idx == track && m.lane == lane)
                        .collect();
                    for pair in row.windows(2) {
                        assert!(pair[1].x - pair[0].x >= MARKER_PX - 1e-9, "{width}");
                        assert!(
                            pair[0].x + MARKER_PX / 2.0 + pair[0].label_px
                                <= pair[1].x - MARKER_PX / 2.0
                        );
                    }
                }
            }
            // Every event is in exactly one marker.
            let mut seen: Vec<usize> = markers
                .iter()
                .flat_map(|m| match &m.kind {
                    MarkerKind::Single(i) => vec![*i],
                    MarkerKind::Cluster(v) => v.to_vec(),
                })
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..200).collect::<Vec<_>>());
        }
    }

    #[test]
    fn markers_far_out_of_view_are_culled_unless_pinned() {
        let items = [item(-500.0, 0), item(50.0, 0), item(900.0, 0)];
        let markers = layout_timeline(&items, 1, &scale(1000.0), Some(2), 80.0);
        let firsts: Vec<usize> = markers.iter().map(Marker::first_item).collect();
        assert_eq!(firsts, [1, 2]);
    }

    /// Items spread like news: bursts of close events and quiet stretches,
    /// on three tracks, with labels of different widths.
    fn bursty_items(n_items: usize) -> Vec<LayoutItem> {
        let mut day = 0.0;
        (0..n_items)
            .map(|i| {
                day += match i % 17 {
                    0 => 40.0,
                    1..=9 => 0.05 * (i % 5) as f64,
                    _ => 1.7,
                };
                LayoutItem {
                    day,
                    track_idx: (i * 7 / 3) % 3,
                    label_px: 40.0 + (i % 9) as f64 * 20.0,
                }
            })
            .collect()
    }

    /// Checks that the layout cached at one view gives, for every other
    /// view at the same zoom level, exactly the markers a layout computed
    /// from scratch for that view gives (positions to rounding).
    fn check_cache_matches_direct(items: &[LayoutItem], pinned: Option<usize>, views: &[View]) {
        let width = 900.0;
        let level = zoom_level(TimeScale::new(views[0], width).px_per_day());
        let grouping = Grouping::new(items, 3, level);
        let world = WorldLayout::new(&grouping, items, pinned, 80.0);
        for view in views {
            let scale = TimeScale::new(*view, width);
            assert_eq!(zoom_level(scale.px_per_day()), level, "{view:?}");
            let cached = world.visible(&scale);
            let direct = layout_timeline(items, 3, &scale, pinned, 80.0);
            assert_eq!(cached.len(), direct.len(), "{view:?}");
            for (a, b) in cached.iter().zip(&direct) {
                assert_eq!(
                    (&a.kind, a.track_idx, a.lane, a.rank),
                    (&b.kind, b.track_idx, b.lane, b.rank)
                );
                assert!((a.x - b.x).abs() < 1e-6 && (a.label_px - b.label_px).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn the_cached_layout_gives_the_direct_markers_while_panning() {
        let items = bursty_items(3000);
        let last_day = items[items.len() - 1].day;
        for span in [30.0, 400.0, last_day] {
            let views: Vec<View> = (0..40)
                .map(|step| {
                    let start = -span / 2.0 + step as f64 * last_day / 40.0;
                    View::new(start, start + span)
                })
                .collect();
            check_cache_matches_direct(&items, None, &views);
            check_cache_matches_direct(&items, Some(1234), &views);
        }
    }

    #[test]
    fn the_cached_layout_gives_the_direct_markers_while_zooming_within_a_level() {
        let items = bursty_items(2000);
        let level = zoom_level(900.0 / 200.0);
        // Spans whose zoom stays at the level: from exactly it to just under the next.
        let views: Vec<View> = (0..10)
            .map(|step| {
                let px_per_day = level * (1.0 + 0.18 * step as f64 / 10.0);
                View::new(500.0, 500.0 + 900.0 / px_per_day)
            })
            .collect();
        check_cache_matches_direct(&items, None, &views);
        check_cache_matches_direct(&items, Some(7), &views);
    }

    #[test]
    fn panning_keeps_each_marker_in_its_lane_with_its_label() {
        let items = bursty_items(1000);
        let at = |start: f64| {
            let scale = TimeScale::new(View::new(start, start + 120.0), 800.0);
            layout_timeline(&items, 3, &scale, None, 80.0)
        };
        let (before, after) = (at(300.0), at(330.0));
        let mut n_common = 0;
        for marker in &before {
            if let Some(moved) = after.iter().find(|m| m.kind == marker.kind) {
                assert_eq!((moved.lane, moved.label_px), (marker.lane, marker.label_px));
                n_common += 1;
            }
        }
        assert!(n_common > 10);
    }

    #[test]
    fn markers_on_screen_have_consecutive_ranks_in_their_track() {
        let items = bursty_items(2000);
        let scale = TimeScale::new(View::new(200.0, 320.0), 900.0);
        let markers = layout_timeline(&items, 3, &scale, None, 80.0);
        for track in 0..3 {
            let ranks: Vec<usize> = markers
                .iter()
                .filter(|m| m.track_idx == track)
                .map(|m| m.rank)
                .collect();
            assert!(
                ranks.windows(2).all(|pair| pair[1] == pair[0] + 1),
                "{ranks:?}"
            );
        }
    }

    #[test]
    fn zoom_levels_are_at_or_just_below_the_zoom() {
        for px_per_day in [1e-3, 0.07, 1.0, 2.0, 3.0, 64.0, 1234.5] {
            let level = zoom_level(px_per_day);
            assert!(level <= px_per_day, "{px_per_day}");
            assert!(level * LEVELS_PER_DOUBLING.recip().exp2() > px_per_day * (1.0 - 1e-12));
            assert_eq!(zoom_level(level), level, "a level is its own level");
        }
        assert!(zoom_level(f64::NAN) > 0.0);
    }

    #[test]
    fn the_pinned_event_is_found_even_in_a_huge_cluster() {
        let items: Vec<LayoutItem> = (0..10_000).map(|i| item(f64::from(i) * 1e-4, 0)).collect();
        let markers = layout_timeline(&items, 1, &scale(300.0), Some(6789), 80.0);
        assert_eq!(markers.len(), 2);
        assert!(markers.iter().any(|m| m.kind == MarkerKind::Single(6789)));
        let n_in_cluster: usize = markers
            .iter()
            .map(|m| match &m.kind {
                MarkerKind::Cluster(members) => members.len(),
                MarkerKind::Single(_) => 0,
            })
            .sum();
        assert_eq!(n_in_cluster, 9_999);
    }

    #[test]
    fn label_estimates_are_capped() {
        assert!(estimate_label_px("Stargate") < 70.0);
        assert_eq!(estimate_label_px(&"x".repeat(500)), 240.0);
    }
}
