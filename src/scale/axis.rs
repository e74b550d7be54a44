//! Where a day goes along the timeline: the axis between calendar days
//! and the positions the view, the layout and the ticks work in.
//!
//! Most timelines are linear: one position unit per day, so a view of
//! positions is a view of days. A timeline whose events span many orders
//! of magnitude of age (the history of the universe, from 13.8 billion
//! years ago to the Moon landing) cannot be read on a linear axis: the
//! last 5,000 years would take a billionth of the width. Such a timeline
//! gets a *deep-time* axis, logarithmic in age: every factor of ten back
//! in time takes the same width, so the Big Bang, the Cambrian, the first
//! glass and Apollo 11 all have room at once, and the last
//! [`LINEAR_YEARS`] before the latest event stay linear (see
//! ARCHITECTURE.md, "The time axis", for why this and not TimelineJS's
//! linear cosmological scale). The choice is made from the events alone
//! ([`TimeAxis::for_events`]).
//!
//! Positions are chosen so that the pixel arithmetic stays exact: on a
//! deep axis the oldest event is at 0 and a position unit is a day there
//! (more than a day nearer the present), so a view of
//! [`super::time::MIN_SPAN_DAYS`] positions is never shorter than that
//! many days; [`TimeAxis::min_span`] gives the span that is that many
//! days at a given place.

use crate::data::date::days_from_civil;

/// The last years before the latest event that a deep-time axis keeps
/// linear.
pub const LINEAR_YEARS: f64 = 10.0;

/// Days in a mean Gregorian year.
pub const DAYS_PER_YEAR: f64 = 365.2425;

/// When the oldest event is more than this many times older than the
/// latest one, the axis is deep-time: three orders of magnitude. Ages are
/// counted back from the end of the latest event or from 1950 (the
/// "present" of radiocarbon dating's "before present"), whichever is
/// later, and are never taken below [`LINEAR_YEARS`]. A history from
/// 3000 BC to today (500 times) stays linear, and so do the dinosaurs
/// alone (4 times); from Homo sapiens or the dinosaurs to today does not.
pub const DEEP_TIME_RATIO: f64 = 1000.0;

/// 1950-01-01, the "present" of "before present" (days since 1970).
const PRESENT_DAY: i64 = -7305;

/// Beyond this many days from 1970, positions on a linear axis count from
/// the first event, so that a day stays far above the precision of an
/// `f64` (a year 10¹⁵ is 3.7 × 10¹⁷ days).
const LINEAR_ORIGIN_LIMIT_DAYS: i64 = 100_000_000_000_000;

/// How days map to positions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeAxis {
    /// One position per day, counted from `origin` (a day number, 0 for
    /// 1970-01-01 on every timeline of human history).
    Linear { origin: i64 },
    /// Logarithmic in age (see the module documentation).
    Deep(DeepAxis),
}

impl Default for TimeAxis {
    fn default() -> Self {
        TimeAxis::Linear { origin: 0 }
    }
}

/// A deep-time axis. Ages are counted back from `reference` (in days):
/// positions are `k · ln(oldest_age / age)` for ages beyond
/// `linear_days`, and continue linearly (same slope) from there to the
/// present and beyond, so the axis is smooth everywhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeepAxis {
    /// The day ages are counted from: the end of the latest event, or 1950.
    reference: i64,
    /// The age up to which the axis is linear, in days.
    linear_days: f64,
    /// The oldest event's age in days; also the scale factor, so that a
    /// position unit is one day at the oldest event.
    oldest_age: f64,
    /// The position where the linear part begins.
    linear_start: f64,
}

impl DeepAxis {
    fn new(reference: i64, oldest_age: f64) -> DeepAxis {
        let linear_days = LINEAR_YEARS * DAYS_PER_YEAR;
        let oldest_age = oldest_age.max(linear_days * 2.0);
        DeepAxis {
            reference,
            linear_days,
            oldest_age,
            linear_start: oldest_age * (oldest_age / linear_days).ln(),
        }
    }

    /// Position units per day in the linear part.
    fn linear_slope(&self) -> f64 {
        self.oldest_age / self.linear_days
    }

    fn pos_of_age(&self, age: f64) -> f64 {
        if age > self.linear_days {
            self.oldest_age * (self.oldest_age / age).ln()
        } else {
            self.linear_start + (self.linear_days - age) * self.linear_slope()
        }
    }

    fn age_of_pos(&self, pos: f64) -> f64 {
        if pos < self.linear_start {
            self.oldest_age * (-pos / self.oldest_age).exp()
        } else {
            self.linear_days - (pos - self.linear_start) / self.linear_slope()
        }
    }

    /// The day ages are counted from.
    pub fn reference(&self) -> i64 {
        self.reference
    }
}

impl TimeAxis {
    /// The axis for events starting on `start_days` (sorted) and ending by
    /// `end_day_exclusive`: deep-time when the oldest is more than
    /// [`DEEP_TIME_RATIO`] times older than the latest, else linear.
    pub fn for_events(start_days: &[i64], end_day_exclusive: i64) -> TimeAxis {
        let (Some(&first), Some(&last)) = (start_days.first(), start_days.last()) else {
            return TimeAxis::default();
        };
        let reference = end_day_exclusive.max(last).max(PRESENT_DAY);
        let linear_days = LINEAR_YEARS * DAYS_PER_YEAR;
        let oldest_age = (reference - first) as f64;
        let youngest_age = ((reference - last) as f64).max(linear_days);
        if oldest_age / youngest_age > DEEP_TIME_RATIO {
            return TimeAxis::Deep(DeepAxis::new(reference, oldest_age));
        }
        let far = first.abs().max(reference.abs()) > LINEAR_ORIGIN_LIMIT_DAYS;
        TimeAxis::Linear {
            origin: if far { first } else { 0 },
        }
    }

    pub fn is_deep(&self) -> bool {
        matches!(self, TimeAxis::Deep(_))
    }

    /// The position of a (fractional) day: `day + frac`, with `day` whole
    /// so that far years lose nothing before the subtraction.
    pub fn pos_of(&self, day: i64, frac: f64) -> f64 {
        match self {
            TimeAxis::Linear { origin } => (day - origin) as f64 + frac,
            TimeAxis::Deep(deep) => deep.pos_of_age((deep.reference - day) as f64 - frac),
        }
    }

    /// The position of a fractional day number.
    pub fn pos(&self, day: f64) -> f64 {
        let whole = day.floor();
        self.pos_of(whole as i64, day - whole)
    }

    /// Where an event's marker goes: the middle of its first day.
    pub fn marker_pos(&self, date: &crate::data::Date) -> f64 {
        self.pos_of(date.start_day(), 0.5)
    }

    /// The span of positions a date covers, first day to the day after.
    pub fn date_span(&self, date: &crate::data::Date) -> (f64, f64) {
        (
            self.pos_of(date.start_day(), 0.0),
            self.pos_of(date.end_day_exclusive(), 0.0),
        )
    }

    /// The (fractional) day number at a position.
    pub fn day(&self, pos: f64) -> f64 {
        match self {
            TimeAxis::Linear { origin } => *origin as f64 + pos,
            TimeAxis::Deep(deep) => deep.reference as f64 - deep.age_of_pos(pos),
        }
    }

    /// The whole day number at a position (rounded down), exact on a
    /// linear axis however far the years.
    pub fn day_floor(&self, pos: f64) -> i64 {
        match self {
            TimeAxis::Linear { origin } => origin.saturating_add(pos.floor() as i64),
            TimeAxis::Deep(_) => self.day(pos).floor() as i64,
        }
    }

    /// On a deep-time axis, the oldest event's first day.
    pub fn oldest_day(&self) -> Option<i64> {
        match self {
            TimeAxis::Linear { .. } => None,
            TimeAxis::Deep(deep) => Some(deep.reference - deep.oldest_age as i64),
        }
    }

    /// Position units per day at a position (1 on a linear axis).
    pub fn units_per_day(&self, pos: f64) -> f64 {
        match self {
            TimeAxis::Linear { .. } => 1.0,
            TimeAxis::Deep(deep) => {
                if pos < deep.linear_start {
                    deep.oldest_age / deep.age_of_pos(pos)
                } else {
                    deep.linear_slope()
                }
            }
        }
    }

    /// The span of positions that is `days` days long around `pos`.
    pub fn min_span(&self, days: f64, pos: f64) -> f64 {
        days * self.units_per_day(pos)
    }

    /// The position of 1 January of a year.
    pub fn year_pos(&self, year: i64) -> f64 {
        self.pos_of(days_from_civil(year, 1, 1), 0.0)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::Date;

    fn days(texts: &[&str]) -> (Vec<i64>, i64) {
        let dates: Vec<Date> = texts.iter().map(|t| Date::parse(t).unwrap()).collect();
        let end = dates.iter().map(Date::end_day_exclusive).max().unwrap();
        (dates.iter().map(Date::start_day).collect(), end)
    }

    /// Knight Lab's mixed timeline (cosmo-mixed.json): the Big Bang to the
    /// Hubble telescope.
    pub(crate) const MIXED: [&str; 11] = [
        "-13800000000",
        "-4600000000",
        "-540000000",
        "-300000",
        "-3500",
        "-300",
        "1021",
        "1609-11",
        "1826",
        "1969-07-20",
        "1990-04-25",
    ];

    #[test]
    fn the_present_of_before_present_is_1950() {
        assert_eq!(PRESENT_DAY, days_from_civil(1950, 1, 1));
    }

    #[test]
    fn human_history_stays_linear_in_days_since_1970() {
        let (starts, end) = days(&["2025-01-21", "2025-11-24", "2026-08"]);
        assert_eq!(
            TimeAxis::for_events(&starts, end),
            TimeAxis::Linear { origin: 0 }
        );
        let (starts, end) = days(&["-3000", "-0043-03-15", "0476", "2025"]);
        let axis = TimeAxis::for_events(&starts, end);
        assert_eq!(axis, TimeAxis::Linear { origin: 0 });
        assert_eq!(axis.pos_of(-20, 0.5), -19.5);
        assert_eq!(axis.day(12.25), 12.25);
        // The dinosaurs alone: four times older at most, linear.
        let (starts, end) = days(&["-252000000", "-201000000", "-145000000", "-66000000"]);
        assert!(!TimeAxis::for_events(&starts, end).is_deep());
    }

    #[test]
    fn a_far_linear_timeline_counts_from_its_first_day() {
        let (starts, end) = days(&["+1000000000000000", "+1000000000000000-06"]);
        let axis = TimeAxis::for_events(&starts, end);
        assert_eq!(axis, TimeAxis::Linear { origin: starts[0] });
        // Half a day apart is still half a day apart.
        assert_eq!(axis.pos_of(starts[0] + 3, 0.5), 3.5);
        assert_eq!(axis.day_floor(3.5), starts[0] + 3);
    }

    #[test]
    fn the_history_of_the_universe_gets_a_deep_axis_with_room_for_every_era() {
        let (starts, end) = days(&MIXED);
        let axis = TimeAxis::for_events(&starts, end);
        assert!(axis.is_deep());
        let positions: Vec<f64> = starts.iter().map(|&d| axis.pos_of(d, 0.5)).collect();
        let (first, last) = (positions[0], positions[positions.len() - 1]);
        assert!(first.abs() < 1.0, "the oldest event is at 0: {first}");
        // Every event takes at least 1 % of the width from its neighbour:
        // on a linear axis, the last seven would share one pixel.
        for pair in positions.windows(2) {
            let share = (pair[1] - pair[0]) / (last - first);
            assert!(share > 0.01, "{share}: {positions:?}");
        }
    }

    #[test]
    fn positions_and_days_round_trip_and_the_axis_is_smooth() {
        let (starts, end) = days(&MIXED);
        let axis = TimeAxis::for_events(&starts, end);
        let TimeAxis::Deep(deep) = axis else {
            panic!("deep")
        };
        for &day in &starts {
            let pos = axis.pos_of(day, 0.0);
            let back = axis.day(pos);
            let tolerance = 1e-9 * (deep.reference() - day).abs() as f64 + 1e-3;
            assert!((back - day as f64).abs() <= tolerance, "{day}: {back}");
        }
        // Continuous with the same slope where the linear part begins.
        let boundary = deep.reference() as f64 - LINEAR_YEARS * DAYS_PER_YEAR;
        let before = axis.pos(boundary - 1.0);
        let at = axis.pos(boundary);
        let after = axis.pos(boundary + 1.0);
        let slope = axis.units_per_day(at + 1.0);
        assert!(((at - before) / slope - 1.0).abs() < 1e-3);
        assert!(((after - at) / slope - 1.0).abs() < 1e-9);
        // Increasing everywhere, later than the latest event too.
        let mut last_pos = f64::NEG_INFINITY;
        for day in [
            starts[0] - 10_000,
            starts[0],
            starts[3],
            starts[8],
            end,
            end + 400,
        ] {
            let pos = axis.pos(day as f64);
            assert!(pos > last_pos);
            last_pos = pos;
        }
    }

    #[test]
    fn a_position_unit_is_at_most_a_day() {
        let (starts, end) = days(&MIXED);
        let axis = TimeAxis::for_events(&starts, end);
        for &day in &starts {
            let pos = axis.pos_of(day, 0.0);
            assert!(axis.units_per_day(pos) >= 0.999, "{day}");
            assert!(axis.min_span(10.0, pos) >= 9.99);
        }
    }
}
