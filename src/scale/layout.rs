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
    /// Several events (indices into the items, in date order).
    Cluster(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub kind: MarkerKind,
    /// Centre of the marker, in pixels from the left of the plot.
    pub x: f64,
    pub track_idx: usize,
    pub lane: usize,
    /// Room for the label in pixels; 0 when the label is hidden.
    pub label_px: f64,
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

/// Lays out `items` (sorted by day) under `scale`, for `n_tracks` rows.
/// Only markers near the visible width are returned (culling).
pub fn layout_timeline(
    items: &[LayoutItem],
    n_tracks: usize,
    scale: &TimeScale,
    pinned: Option<usize>,
    cluster_label_px: f64,
) -> Vec<Marker> {
    let mut markers = Vec::new();
    let visible = -CULL_MARGIN_PX..=scale.width + CULL_MARGIN_PX;
    for track_idx in 0..n_tracks {
        // Groups of events closer than a marker to their group's first one.
        let mut groups: Vec<(f64, Vec<usize>)> = Vec::new();
        for (item_idx, item) in items.iter().enumerate() {
            if item.track_idx != track_idx {
                continue;
            }
            let x = scale.to_px(item.day);
            match groups.last_mut() {
                Some((group_x, members)) if x - *group_x < MARKER_PX => members.push(item_idx),
                _ => groups.push((x, vec![item_idx])),
            }
        }
        let mut track_markers: Vec<Marker> = Vec::new();
        for (group_x, mut members) in groups {
            if !visible.contains(&group_x) && !members.iter().any(|&m| Some(m) == pinned) {
                continue;
            }
            if let Some(pinned_idx) = pinned.filter(|p| members.len() > 1 && members.contains(p)) {
                members.retain(|&m| m != pinned_idx);
                track_markers.push(new_marker(MarkerKind::Single(pinned_idx), scale.to_px(items[pinned_idx].day), track_idx, items, cluster_label_px));
            }
            let kind = if members.len() == 1 { MarkerKind::Single(members[0]) } else { MarkerKind::Cluster(members) };
            track_markers.push(new_marker(kind, group_x, track_idx, items, cluster_label_px));
        }
        track_markers.sort_by(|a, b| a.x.total_cmp(&b.x));
        assign_lanes(&mut track_markers);
        markers.extend(track_markers);
    }
    markers
}

fn new_marker(kind: MarkerKind, x: f64, track_idx: usize, items: &[LayoutItem], cluster_label_px: f64) -> Marker {
    let label_px = match &kind {
        MarkerKind::Single(i) => items[*i].label_px,
        MarkerKind::Cluster(_) => cluster_label_px,
    };
    Marker { kind, x, track_idx, lane: 0, label_px }
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
                (0..N_LANES).min_by(|&a, &b| lane_last_x[a].total_cmp(&lane_last_x[b])).unwrap_or(0)
            });
        marker.lane = lane;
        lane_end[lane] = with_label;
        lane_last_x[lane] = marker.x;
    }
    // Cut each label at the next marker of its lane.
    for i in 0..markers.len() {
        let lane = markers[i].lane;
        let next_x = markers[i + 1..].iter().find(|m| m.lane == lane).map(|m| m.x);
        if let Some(next_x) = next_x {
            let room = next_x - MARKER_PX / 2.0 - LABEL_GAP_PX - (markers[i].x + MARKER_PX / 2.0);
            markers[i].label_px = markers[i].label_px.min(room.max(0.0));
        }
        if markers[i].label_px < MIN_LABEL_PX {
            markers[i].label_px = 0.0;
        }
    }
}

/// A label's natural width for a text, at the timeline's 13 px font.
pub fn estimate_label_px(text: &str) -> f64 {
    let n_chars = text.chars().count() as f64;
    (n_chars * 6.8 + 8.0).min(240.0)
}

#[cfg(test)]
mod tests {
    use super::super::time::View;
    use super::*;

    fn item(day: f64, track_idx: usize) -> LayoutItem {
        LayoutItem { day, track_idx, label_px: 120.0 }
    }

    fn scale(width: f64) -> TimeScale {
        TimeScale::new(View::new(0.0, 100.0), width)
    }

    #[test]
    fn distant_events_get_their_own_markers_with_labels() {
        let items = [item(10.0, 0), item(50.0, 0), item(90.0, 1)];
        let markers = layout_timeline(&items, 2, &scale(1000.0), None, 80.0);
        assert_eq!(markers.len(), 3);
        assert!(markers.iter().all(|m| matches!(m.kind, MarkerKind::Single(_))));
        assert!(markers.iter().all(|m| m.label_px == 120.0));
    }

    #[test]
    fn close_events_merge_into_a_cluster_that_opens_when_zoomed_in() {
        let items = [item(10.0, 0), item(10.5, 0), item(11.0, 0)];
        let zoomed_out = layout_timeline(&items, 1, &scale(300.0), None, 80.0);
        assert_eq!(zoomed_out.len(), 1);
        assert_eq!(zoomed_out[0].kind, MarkerKind::Cluster(vec![0, 1, 2]));
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
        assert!(markers.iter().any(|m| m.kind == MarkerKind::Cluster(vec![0, 2])));
        assert_ne!(markers[0].lane, markers[1].lane, "pinned and cluster do not overlap");
    }

    #[test]
    fn markers_in_one_lane_never_overlap_and_labels_never_run_into_markers() {
        let items: Vec<LayoutItem> = (0..200).map(|i| item(f64::from(i) * 0.37, i as usize % 3)).collect();
        for width in [320.0, 768.0, 1920.0] {
            let markers = layout_timeline(&items, 3, &scale(width), None, 80.0);
            for track in 0..3 {
                for lane in 0..N_LANES {
                    let row: Vec<&Marker> = markers.iter().filter(|m| m.track_idx == track && m.lane == lane).collect();
                    for pair in row.windows(2) {
                        assert!(pair[1].x - pair[0].x >= MARKER_PX - 1e-9, "{width}");
                        assert!(pair[0].x + MARKER_PX / 2.0 + pair[0].label_px <= pair[1].x - MARKER_PX / 2.0);
                    }
                }
            }
            // Every event is in exactly one marker.
            let mut seen: Vec<usize> = markers
                .iter()
                .flat_map(|m| match &m.kind {
                    MarkerKind::Single(i) => vec![*i],
                    MarkerKind::Cluster(v) => v.clone(),
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

    #[test]
    fn label_estimates_are_capped() {
        assert!(estimate_label_px("Stargate") < 70.0);
        assert_eq!(estimate_label_px(&"x".repeat(500)), 240.0);
    }
}
