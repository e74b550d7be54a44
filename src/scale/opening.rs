//! The first window a reader sees (issue 13, point 2): where the story is,
//! not everything at once. A dataset whose guided story names its steps
//! opens on the span of those steps; otherwise on the densest stretch of
//! time holding most of its events ([`OPENING_SHARE`]). When that stretch
//! is most of the timeline anyway, or on a deep-time axis (whose
//! logarithmic scale already gives every era its room), it opens on
//! everything.
//!
//! Pure: positions in, a [`View`] out; the app and the static first frame
//! both call it, so they open on the same window.

use super::time::View;

/// The share of the events the opening window holds when the dataset
/// names no story steps.
pub const OPENING_SHARE: f64 = 0.8;

/// A window wider than this share of the whole timeline opens on
/// everything (a slightly narrower window only hides events).
pub const FIT_ALL_ABOVE: f64 = 0.6;

/// Room on each side of the chosen span, as a share of it, so that the
/// first and last markers are not cut and their labels have room.
const PAD_SHARE: f64 = 0.06;

/// The opening window.
///
/// `positions` are every event's marker position on the axis, sorted;
/// `story` the positions of the story's steps (any order, may be empty);
/// `bounds` the fit-all window; `min_span` the narrowest window the axis
/// allows there; `deep` whether the axis is deep time.
pub fn opening_view(
    positions: &[f64],
    story: &[f64],
    bounds: View,
    min_span: f64,
    deep: bool,
) -> View {
    if deep || positions.len() < 3 {
        return bounds;
    }
    let span = if story.is_empty() {
        densest_span(positions, OPENING_SHARE)
    } else {
        let first = story.iter().copied().fold(f64::INFINITY, f64::min);
        let last = story.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (first.is_finite() && last.is_finite()).then_some((first, last))
    };
    let Some((first, last)) = span else {
        return bounds;
    };
    let pad = ((last - first) * PAD_SHARE).max(min_span / 2.0);
    let view = View::new(first - pad, last + pad);
    if view.span() >= bounds.span() * FIT_ALL_ABOVE {
        return bounds;
    }
    view.clamped(&bounds)
}

/// The shortest span `(first, last)` of sorted `positions` holding at
/// least `share` of them (the earliest of equals); `None` when empty.
pub fn densest_span(positions: &[f64], share: f64) -> Option<(f64, f64)> {
    let n = positions.len();
    if n == 0 {
        return None;
    }
    let k = ((n as f64 * share).ceil() as usize).clamp(1, n);
    (0..=n - k)
        .map(|i| (positions[i], positions[i + k - 1]))
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .min_by(|(a1, b1), (a2, b2)| (b1 - a1).total_cmp(&(b2 - a2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds_of(positions: &[f64]) -> View {
        View::fit(positions[0], *positions.last().unwrap())
    }

    #[test]
    fn without_a_story_it_opens_on_the_densest_stretch() {
        // Two stray events years apart, and a year with 18 events.
        let mut positions = vec![0.0, 400.0];
        positions.extend((0..18).map(|i| 1000.0 + f64::from(i) * 20.0));
        positions.push(2200.0);
        let bounds = bounds_of(&positions);
        let view = opening_view(&positions, &[], bounds, 10.0, false);
        // It holds (most of) the busy year and leaves out the strays.
        assert!(view.start <= 1020.0 && view.end >= 1320.0, "{view:?}");
        assert!(view.start > 400.0 && view.end < 2200.0, "{view:?}");
        let inside = positions
            .iter()
            .filter(|&&p| p >= view.start && p <= view.end)
            .count();
        assert!(inside as f64 >= positions.len() as f64 * OPENING_SHARE);
    }

    #[test]
    fn the_story_steps_choose_the_window_when_there_are_some() {
        let positions: Vec<f64> = (0..30).map(|i| f64::from(i) * 100.0).collect();
        let bounds = bounds_of(&positions);
        // Steps named in any order.
        let view = opening_view(&positions, &[1500.0, 1200.0, 1800.0], bounds, 10.0, false);
        assert!(view.start <= 1200.0 && view.end >= 1800.0, "{view:?}");
        assert!(view.start >= 1100.0 && view.end <= 1900.0, "{view:?}");
    }

    #[test]
    fn evenly_spread_events_and_deep_time_open_on_everything() {
        let positions: Vec<f64> = (0..30).map(|i| f64::from(i) * 100.0).collect();
        let bounds = bounds_of(&positions);
        assert_eq!(opening_view(&positions, &[], bounds, 10.0, false), bounds);
        let mut dense = vec![0.0];
        dense.extend((0..20).map(|i| 5000.0 + f64::from(i)));
        let deep_bounds = bounds_of(&dense);
        assert_eq!(
            opening_view(&dense, &[], deep_bounds, 10.0, true),
            deep_bounds
        );
        assert_ne!(
            opening_view(&dense, &[], deep_bounds, 10.0, false),
            deep_bounds
        );
    }

    #[test]
    fn a_story_of_one_day_opens_on_at_least_the_narrowest_window() {
        let positions: Vec<f64> = (0..30).map(|i| f64::from(i) * 100.0).collect();
        let bounds = bounds_of(&positions);
        let view = opening_view(&positions, &[1500.5, 1500.5], bounds, 10.0, false);
        assert!(view.span() >= 10.0 - 1e-9);
        assert!(view.start <= 1500.5 && view.end >= 1500.5);
    }

    #[test]
    fn the_densest_span_is_the_shortest_holding_the_share() {
        let positions = [0.0, 1.0, 2.0, 50.0, 51.0, 51.5, 52.0, 90.0];
        assert_eq!(densest_span(&positions, 0.5), Some((50.0, 52.0)));
        assert_eq!(densest_span(&positions, 1.0), Some((0.0, 90.0)));
        assert_eq!(densest_span(&[], 0.8), None);
        assert_eq!(densest_span(&[3.0], 0.8), Some((3.0, 3.0)));
    }

    #[test]
    fn the_bundled_story_opens_on_2025() {
        let (dataset, _) = crate::data::bundled();
        let state = crate::state::ViewState::new(&dataset, crate::i18n::Lang::Fr);
        let positions: Vec<f64> = (0..state.n_events())
            .filter_map(|i| state.event_pos(i))
            .collect();
        let view = opening_view(&positions, &[], state.bounds, 10.0, false);
        let (first, last) = (
            crate::data::Date::from_day(state.axis.day_floor(view.start)),
            crate::data::Date::from_day(state.axis.day_floor(view.end)),
        );
        // The bundled events run from 2023 to 2026; most are in 2025.
        assert!(view.span() < state.bounds.span() * FIT_ALL_ABOVE);
        assert!(first.iso().starts_with("202"), "{}", first.iso());
        let in_view = positions
            .iter()
            .filter(|&&p| p >= view.start && p <= view.end)
            .count();
        assert!(
            in_view as f64 >= positions.len() as f64 * OPENING_SHARE,
            "{in_view} of {} events in {} – {}",
            positions.len(),
            first.iso(),
            last.iso()
        );
    }
}
