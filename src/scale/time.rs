//! The time axis: a visible window of days mapped onto a pixel width, and
//! the zoom and pan transitions of that window.

/// A window of time in days since 1970-01-01 (fractional days allowed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

/// The smallest window one may zoom into, in days.
pub const MIN_SPAN_DAYS: f64 = 10.0;

impl View {
    pub fn new(start: f64, end: f64) -> View {
        View { start, end }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    pub fn center(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// The day number of the window's first day (the one it starts in).
    pub fn first_day(&self) -> i64 {
        self.start.floor() as i64
    }

    /// The day number of the day the window ends in.
    pub fn last_day(&self) -> i64 {
        self.end.floor() as i64
    }

    /// The fit-all window for an extent of days: padded on both sides so
    /// the first and last markers are not cut in half.
    /// (Axis positions: days on a linear axis.)
    pub fn fit(first: f64, last_exclusive: f64) -> View {
        let span = (last_exclusive - first).max(MIN_SPAN_DAYS);
        let pad = span * 0.04 + 2.0;
        View::new(first - pad, first + span + pad)
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under `anchor_frac`
    /// (0 = left edge, 1 = right edge) in place, then clamps to `bounds`.
    pub fn zoomed(&self, factor: f64, anchor_frac: f64, bounds: &View) -> View {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let anchor_frac = anchor_frac.clamp(0.0, 1.0);
        let anchor_day = self.start + self.span() * anchor_frac;
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS, bounds.span().max(MIN_SPAN_DAYS));
        let start = anchor_day - span * anchor_frac;
        View::new(start, start + span).clamped(bounds)
    }

    /// Moves the window by `delta_days` (positive moves later), clamped.
    pub fn panned(&self, delta_days: f64, bounds: &View) -> View {
        if !delta_days.is_finite() {
            return *self;
        }
        View::new(self.start + delta_days, self.end + delta_days).clamped(bounds)
    }

    /// The same span, moved so `day` is visible with a margin of
    /// `margin_frac` of the span; unchanged when it already is.
    pub fn revealing(&self, day: f64, margin_frac: f64, bounds: &View) -> View {
        let margin = self.span() * margin_frac;
        if day >= self.start + margin && day <= self.end - margin {
            return *self;
        }
        let start = day - self.span() / 2.0;
        View::new(start, start + self.span()).clamped(bounds)
    }

    /// Keeps the window inside `bounds` (shifting, never shrinking unless
    /// wider than the bounds).
    /// An empty, inverted or non-finite window becomes the bounds.
    pub fn clamped(&self, bounds: &View) -> View {
        if !(self.start.is_finite() && self.span().is_finite() && self.span() > 0.0) {
            return *bounds;
        }
        // As wide as the bounds or wider (to the last bits of an `f64`,
        // which far from day 0 are more than a day): the bounds exactly.
        if self.span() >= bounds.span() * (1.0 - 1e-12) {
            return *bounds;
        }
        let span = self.span();
        let mut start = self.start;
        if start < bounds.start {
            start = bounds.start;
        }
        if start + span > bounds.end {
            start = bounds.end - span;
        }
        View::new(start, start + span)
    }
}

/// Maps days onto pixels `0..width` for one view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub view: View,
    pub width: f64,
}

impl TimeScale {
    pub fn new(view: View, width: f64) -> TimeScale {
        TimeScale {
            view,
            width: width.max(1.0),
        }
    }

    pub fn px_per_day(&self) -> f64 {
        self.width / self.view.span().max(f64::EPSILON)
    }

    pub fn to_px(&self, day: f64) -> f64 {
        (day - self.view.start) * self.px_per_day()
    }

    pub fn to_day(&self, px: f64) -> f64 {
        self.view.start + px / self.px_per_day()
    }

    /// How many days a distance of `px` pixels stands for.
    pub fn days_for_px(&self, px: f64) -> f64 {
        px / self.px_per_day()
    }

    /// Where `px` falls across the width: 0 (left edge) to 1 (right edge),
    /// clamped.
    pub fn fraction_at(&self, px: f64) -> f64 {
        (px / self.width).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_names_the_days_it_starts_and_ends_in() {
        let view = View::new(100.25, 110.9);
        assert_eq!((view.first_day(), view.last_day()), (100, 110));
        let before_1970 = View::new(-0.5, 3.0);
        assert_eq!(before_1970.first_day(), -1);
    }

    #[test]
    fn pixels_convert_to_days_and_to_a_fraction_of_the_width() {
        let scale = TimeScale::new(View::new(0.0, 100.0), 500.0);
        assert_eq!(scale.days_for_px(50.0), 10.0);
        assert_eq!(scale.days_for_px(-5.0), -1.0);
        assert_eq!(scale.fraction_at(125.0), 0.25);
        assert_eq!(scale.fraction_at(-3.0), 0.0);
        assert_eq!(scale.fraction_at(900.0), 1.0);
        let no_width = TimeScale::new(View::new(0.0, 100.0), 0.0);
        assert_eq!(no_width.width, 1.0, "never divides by zero");
    }

    const BOUNDS: View = View {
        start: 0.0,
        end: 1000.0,
    };

    #[test]
    fn inverted_or_infinite_windows_clamp_to_the_bounds() {
        assert_eq!(View::new(0.0, -1e300).clamped(&BOUNDS), BOUNDS);
        assert_eq!(View::new(f64::NEG_INFINITY, 5.0).clamped(&BOUNDS), BOUNDS);
        assert_eq!(View::new(3.0, 3.0).clamped(&BOUNDS), BOUNDS);
    }

    #[test]
    fn pixels_and_days_round_trip() {
        let scale = TimeScale::new(View::new(100.0, 200.0), 500.0);
        assert_eq!(scale.to_px(100.0), 0.0);
        assert_eq!(scale.to_px(200.0), 500.0);
        assert_eq!(scale.to_day(250.0), 150.0);
        assert_eq!(scale.to_day(scale.to_px(123.4)), 123.4);
    }

    #[test]
    fn zoom_keeps_the_anchor_day_under_the_pointer() {
        let view = View::new(0.0, 1000.0);
        let zoomed = view.zoomed(2.0, 0.25, &BOUNDS);
        assert_eq!(zoomed.span(), 500.0);
        // Day 250 was at 25 % of the width and still is.
        assert_eq!(zoomed.start + zoomed.span() * 0.25, 250.0);
    }

    #[test]
    fn zoom_stops_at_the_minimum_span_and_at_fit_all() {
        let tiny = View::new(0.0, 1000.0).zoomed(1e9, 0.5, &BOUNDS);
        assert_eq!(tiny.span(), MIN_SPAN_DAYS);
        let wide = View::new(400.0, 500.0).zoomed(1e-9, 0.5, &BOUNDS);
        assert_eq!(wide, BOUNDS);
        assert_eq!(
            View::new(0.0, 10.0).zoomed(f64::NAN, 0.5, &BOUNDS),
            View::new(0.0, 10.0)
        );
    }

    #[test]
    fn pan_is_clamped_to_the_bounds() {
        let view = View::new(100.0, 200.0);
        assert_eq!(view.panned(50.0, &BOUNDS), View::new(150.0, 250.0));
        assert_eq!(view.panned(-500.0, &BOUNDS), View::new(0.0, 100.0));
        assert_eq!(view.panned(5000.0, &BOUNDS), View::new(900.0, 1000.0));
    }

    #[test]
    fn revealing_moves_only_when_the_day_is_out_of_view() {
        let view = View::new(100.0, 200.0);
        assert_eq!(view.revealing(150.0, 0.1, &BOUNDS), view);
        assert_eq!(view.revealing(600.0, 0.1, &BOUNDS), View::new(550.0, 650.0));
    }

    #[test]
    fn fit_pads_the_extent() {
        let view = View::fit(0.0, 100.0);
        assert!(view.start < 0.0 && view.end > 100.0);
    }
}
