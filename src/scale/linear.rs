//! Numeric axes: a linear and a base-10 logarithmic scale mapping values
//! onto pixels and back, with "nice" ticks (1, 2 or 5 times a power of ten
//! on a linear axis, powers of ten on a log axis).
//!
//! The funding charts place every bar, step and tick through these, and
//! their hit testing reads positions placed by them, so a mark is found
//! where it was drawn.

/// A value ↔ pixel map. `range` may run backwards (a y axis grows upwards
/// while pixels grow downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    fn domain_span(&self) -> f64 {
        let span = self.domain.1 - self.domain.0;
        if span.abs() < f64::EPSILON {
            1.0
        } else {
            span
        }
    }

    pub fn to_px(&self, value: f64) -> f64 {
        let t = (value - self.domain.0) / self.domain_span();
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    pub fn to_value(&self, px: f64) -> f64 {
        let range_span = self.range.1 - self.range.0;
        if range_span.abs() < f64::EPSILON {
            return self.domain.0;
        }
        self.domain.0 + (px - self.range.0) / range_span * self.domain_span()
    }

    /// Nice tick values inside the domain, at most `max_ticks` of them
    /// (at least the two ends of a nice domain).
    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        let (lo, hi) = ordered(self.domain);
        let step = nice_step(hi - lo, max_ticks);
        if !(step.is_finite() && step > 0.0) {
            return vec![lo];
        }
        let first = (lo / step).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        (first..=last)
            .take(1000)
            .map(|i| clean(i as f64 * step))
            .collect()
    }
}

/// The powers of ten between the smallest and the largest positive `f64`.
const MIN_EXPONENT: f64 = -323.0;
const MAX_EXPONENT: f64 = 308.0;

/// A base-10 logarithmic value ↔ pixel map for positive values. Values at
/// or below zero sit at the start of the domain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    /// Both ends positive.
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LogScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LogScale {
        let lo = if domain.0 > 0.0 { domain.0 } else { 1.0 };
        let hi = if domain.1 > lo { domain.1 } else { lo * 10.0 };
        LogScale {
            domain: (lo, hi),
            range,
        }
    }

    fn log_span(&self) -> f64 {
        (self.domain.1.log10() - self.domain.0.log10()).max(f64::EPSILON)
    }

    pub fn to_px(&self, value: f64) -> f64 {
        let value = if value > 0.0 {
            value.max(self.domain.0 * 1e-3)
        } else {
            self.domain.0
        };
        let t = (value.log10() - self.domain.0.log10()) / self.log_span();
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    pub fn to_value(&self, px: f64) -> f64 {
        let range_span = self.range.1 - self.range.0;
        if range_span.abs() < f64::EPSILON {
            return self.domain.0;
        }
        let t = (px - self.range.0) / range_span;
        10f64.powf(self.domain.0.log10() + t * self.log_span())
    }

    /// Powers of ten inside the domain; every second (third...) one when
    /// more than `max_ticks` would be needed.
    /// Only the decades an `f64` can hold count: an infinite end once made
    /// billions of them (a fuzzing finding, 25 s for one figure of 1.5e308).
    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        let first = (self.domain.0.log10() - 1e-9).ceil().max(MIN_EXPONENT) as i32;
        let last = (self.domain.1.log10() + 1e-9).floor().min(MAX_EXPONENT) as i32;
        if last < first {
            return Vec::new();
        }
        let n_decades = (last - first + 1) as usize;
        let every = n_decades.div_ceil(max_ticks.max(1)).max(1);
        (first..=last)
            .step_by(every)
            .map(|exponent| 10f64.powi(exponent))
            .collect()
    }
}

/// Either scale, chosen at run time (the commitments chart's toggle).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumericScale {
    Linear(LinearScale),
    Log(LogScale),
}

impl NumericScale {
    pub fn to_px(&self, value: f64) -> f64 {
        match self {
            NumericScale::Linear(scale) => scale.to_px(value),
            NumericScale::Log(scale) => scale.to_px(value),
        }
    }

    pub fn to_value(&self, px: f64) -> f64 {
        match self {
            NumericScale::Linear(scale) => scale.to_value(px),
            NumericScale::Log(scale) => scale.to_value(px),
        }
    }

    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        match self {
            NumericScale::Linear(scale) => scale.ticks(max_ticks),
            NumericScale::Log(scale) => scale.ticks(max_ticks),
        }
    }

    /// Where bars start: zero on a linear axis, the domain's start on a
    /// log axis (which has no zero).
    pub fn baseline_px(&self) -> f64 {
        match self {
            NumericScale::Linear(scale) => scale.to_px(0.0_f64.clamp(
                scale.domain.0.min(scale.domain.1),
                scale.domain.0.max(scale.domain.1),
            )),
            NumericScale::Log(scale) => scale.range.0,
        }
    }
}

/// How many labelled ticks fit in `length_px` when labels need
/// `min_spacing_px` each (at least 2).
pub fn max_ticks_for(length_px: f64, min_spacing_px: f64) -> usize {
    if !(length_px.is_finite() && min_spacing_px > 0.0) {
        return 2;
    }
    ((length_px / min_spacing_px).floor() as usize + 1).max(2)
}

/// The step, 1, 2 or 5 times a power of ten, that cuts `span` into at most
/// `max_ticks - 1` intervals.
pub fn nice_step(span: f64, max_ticks: usize) -> f64 {
    let intervals = max_ticks.saturating_sub(1).max(1) as f64;
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / intervals;
    let magnitude = 10f64.powf(raw.log10().floor());
    // Below the smallest normal numbers the power of ten is zero (5e-324
    // gave a step of 0 and a domain of NaN): the span itself is the step.
    if !(magnitude > 0.0 && magnitude.is_finite()) {
        return span;
    }
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = factor * magnitude;
        if step >= raw * (1.0 - 1e-9) {
            return step;
        }
    }
    10.0 * magnitude
}

/// A domain from zero (or `min` when negative) to `max` rounded up to a
/// nice step, so the last tick closes the axis.
pub fn nice_domain(min: f64, max: f64, max_ticks: usize) -> (f64, f64) {
    let lo = min.min(0.0);
    let hi = if max > lo { max } else { lo + 1.0 };
    let step = nice_step(hi - lo, max_ticks);
    let nice = (
        clean((lo / step).floor() * step),
        clean((hi / step - 1e-9).ceil() * step),
    );
    // A domain that rounding emptied or made infinite is not one: the
    // values' own ends then (a fuzzing finding: a figure of 6.5e-312 USD
    // gave (0, 0), 5e-324 gave NaN, and the chart panicked).
    if nice.0.is_finite() && nice.1.is_finite() && nice.0 < nice.1 && nice.0 <= lo && nice.1 >= hi {
        nice
    } else if lo < hi && (hi - lo).is_finite() {
        (lo, hi)
    } else {
        (lo, lo + 1.0)
    }
}

/// The decades around positive `min`..`max` (e.g. 2.77e8..6e11 → 1e8..1e12).
pub fn log_domain(min: f64, max: f64) -> (f64, f64) {
    let lo = if min > 0.0 { min } else { 1.0 };
    let hi = if max > lo { max } else { lo * 10.0 };
    // Past 1e308 the next power of ten is infinite: the domain then ends
    // at the largest f64.
    let top = 10f64.powf((hi.log10() - 1e-9).ceil());
    (
        10f64.powf(lo.log10().floor()),
        if top.is_finite() { top } else { f64::MAX },
    )
}

fn ordered((a, b): (f64, f64)) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Rounds away binary noise (0.30000000000000004 → 0.3).
fn clean(value: f64) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    let digits = 12 - value.abs().log10().ceil() as i32;
    // Past 1e300 the factor is infinite: tiny values stay as they are.
    if digits > 300 {
        return value;
    }
    let factor = 10f64.powi(digits.max(-300));
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_both_ways_and_can_run_backwards() {
        let x = LinearScale::new((0.0, 600.0), (100.0, 700.0));
        assert_eq!(x.to_px(0.0), 100.0);
        assert_eq!(x.to_px(300.0), 400.0);
        assert_eq!(x.to_value(400.0), 300.0);
        let y = LinearScale::new((0.0, 1500.0), (300.0, 0.0));
        assert_eq!(y.to_px(1500.0), 0.0);
        assert!((y.to_value(y.to_px(123.0)) - 123.0).abs() < 1e-9);
    }

    #[test]
    fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(600.0, 4), 200.0);
        assert_eq!(nice_step(600.0, 7), 100.0);
        assert_eq!(nice_step(1475.0, 4), 500.0);
        assert_eq!(nice_step(6e11, 4), 2e11);
        assert_eq!(nice_step(1.0, 11), 0.1);
    }

    /// A fuzzing finding (the 10M campaign, third session): a figure of
    /// 6.45e-312 USD made the commitments chart's linear domain (0, 0) and
    /// 5e-324 made it NaN; `baseline_px` then panicked in `f64::clamp`.
    #[test]
    fn nice_domains_hold_their_values_from_the_smallest_to_the_largest_numbers() {
        for hi in [
            5e-324,
            6e-323,
            6.45502603025e-312,
            1e-300,
            2.2250738585072014e-308,
            1e-9,
            1.0,
            600e9,
            1.5e308,
            f64::MAX,
        ] {
            for max_ticks in [2, 5, 11] {
                let (d0, d1) = nice_domain(0.0, hi, max_ticks);
                assert!(
                    d0.is_finite() && d1.is_finite() && d0 <= 0.0 && d1 >= hi && d0 < d1,
                    "{hi:e} with {max_ticks} ticks: ({d0:e}, {d1:e})"
                );
                let scale = NumericScale::Linear(LinearScale::new((d0, d1), (0.0, 300.0)));
                assert_eq!(scale.baseline_px(), 0.0, "{hi:e}");
                assert!(scale.to_px(hi).is_finite(), "{hi:e}");
                assert!(
                    scale.ticks(max_ticks).iter().all(|t| t.is_finite()),
                    "{hi:e}"
                );
            }
        }
    }

    #[test]
    fn nice_domains_close_on_a_tick() {
        assert_eq!(nice_domain(0.0, 600e9, 4), (0.0, 600e9));
        assert_eq!(nice_domain(0.0, 1475e9, 4), (0.0, 1500e9));
        assert_eq!(nice_domain(0.0, 0.0, 4), (0.0, 1.0));
    }

    #[test]
    fn linear_ticks_fit_the_budget_and_stay_inside() {
        let x = LinearScale::new((0.0, 600e9), (0.0, 300.0));
        assert_eq!(x.ticks(4), vec![0.0, 200e9, 400e9, 600e9]);
        for budget in 2..12 {
            let ticks = x.ticks(budget);
            assert!(ticks.len() <= budget.max(2) + 1, "{budget}: {ticks:?}");
            assert!(ticks.iter().all(|t| (0.0..=600e9).contains(t)));
        }
        assert_eq!(LinearScale::new((0.0, 1.0), (0.0, 1.0)).ticks(11)[3], 0.3);
    }

    #[test]
    fn log_scale_spreads_decades_evenly() {
        let (lo, hi) = log_domain(0.277e9, 600e9);
        assert_eq!((lo, hi), (1e8, 1e12));
        let x = LogScale::new((lo, hi), (0.0, 400.0));
        assert!((x.to_px(1e9) - 100.0).abs() < 1e-9);
        assert!((x.to_px(1e11) - 300.0).abs() < 1e-9);
        assert!((x.to_value(200.0) - 1e10).abs() < 1.0);
        assert_eq!(x.to_px(0.0), 0.0, "zero sits at the start");
        assert_eq!(x.ticks(10), vec![1e8, 1e9, 1e10, 1e11, 1e12]);
        assert_eq!(x.ticks(3), vec![1e8, 1e10, 1e12]);
    }

    #[test]
    fn the_numeric_scale_baseline_is_zero_or_the_log_start() {
        let linear = NumericScale::Linear(LinearScale::new((0.0, 10.0), (50.0, 150.0)));
        assert_eq!(linear.baseline_px(), 50.0);
        let log = NumericScale::Log(LogScale::new((1.0, 100.0), (50.0, 150.0)));
        assert_eq!(log.baseline_px(), 50.0);
        assert_eq!(log.to_value(log.to_px(10.0)).round(), 10.0);
    }

    #[test]
    fn tick_budget_grows_with_length() {
        assert_eq!(max_ticks_for(300.0, 70.0), 5);
        assert_eq!(max_ticks_for(10.0, 70.0), 2);
        assert_eq!(max_ticks_for(f64::NAN, 70.0), 2);
    }

    /// Found by fuzzing: one figure of 1.5e308 USD (a valid JSON number)
    /// made the log domain end at infinity and its ticks loop 2 billion
    /// times (25 s of CPU in the fuzz target, a frozen page in a browser).
    #[test]
    fn log_ticks_stay_few_and_finite_up_to_the_largest_numbers() {
        let (lo, hi) = log_domain(1e9, 1.5e308);
        assert_eq!((lo, hi), (1e9, f64::MAX));
        let ticks = LogScale::new((lo, hi), (0.0, 600.0)).ticks(6);
        assert!((2..=6).contains(&ticks.len()), "{ticks:?}");
        assert_eq!(ticks[0], 1e9);
        assert!(ticks.iter().all(|tick| tick.is_finite() && *tick <= hi));
        for domain in [
            (1.0, f64::INFINITY),
            (f64::MIN_POSITIVE / 1e10, f64::MAX),
            (10.0, f64::INFINITY),
        ] {
            let scale = LogScale {
                domain,
                range: (0.0, 600.0),
            };
            let ticks = scale.ticks(6);
            assert!(
                !ticks.is_empty() && ticks.len() <= 6,
                "{domain:?}: {ticks:?}"
            );
            assert!(ticks.iter().all(|tick| tick.is_finite()), "{ticks:?}");
        }
    }
}
