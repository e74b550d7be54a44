//! Axis ticks that adapt to the zoom: days, weeks, months, quarters,
//! years, centuries, millennia, and on a deep-time axis thousands,
//! millions and billions of years.

use super::axis::TimeAxis;
use super::time::TimeScale;
use crate::data::date::{
    civil_from_days, days_from_civil, weekday, year_of_day, MAX_ABS_YEAR, OLDEST_CALENDAR_YEAR,
};

/// What a tick stands for; `i18n::format_tick` turns it into text (a year
/// before 0 reads "300 av. J.-C.", one older than
/// [`OLDEST_CALENDAR_YEAR`] "−300 000 ans").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickLabel {
    Year(i64),
    Month { year: i64, month: u8 },
    Day { year: i64, month: u8, day: u8 },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// Day number of the tick.
    pub day: i64,
    /// Pixel position under the scale.
    pub x: f64,
    pub label: TickLabel,
    /// A coarser boundary (a new year among months, a new month among days).
    pub major: bool,
}

/// The minimum distance between two labelled ticks, in pixels.
pub const MIN_TICK_SPACING_PX: f64 = 72.0;

/// Width of a tick label character (12 px text), and room after a label.
const TICK_CHAR_PX: f64 = 7.0;
const TICK_GAP_PX: f64 = 12.0;

/// The most ticks a view computes, whatever the zoom.
const MAX_TICKS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(i64),
    Months(i64),
    Years(i64),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Months(n) => n as f64 * 30.44,
            Step::Years(n) => n as f64 * 365.25,
        }
    }
}

const FINE_STEPS: [Step; 12] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
];

/// Year steps from 50 on: 50, then 100, 200, 500, 1000... up to the
/// largest year there is.
fn year_steps() -> impl Iterator<Item = i64> {
    std::iter::once(50).chain((2..=16).flat_map(|exp| {
        let unit = 10i64.pow(exp);
        [unit, unit * 2, unit * 5]
    }))
}

fn steps() -> impl Iterator<Item = Step> {
    FINE_STEPS.into_iter().chain(year_steps().map(Step::Years))
}

/// About how many characters the widest label of a year takes, in either
/// language ("10 000 av. J.-C.", "300,000 yrs ago").
fn year_label_chars(year: i64) -> usize {
    let digits = |n: u64| {
        n.to_string().len()
            + if n >= 10_000 {
                (n.to_string().len() - 1) / 3
            } else {
                0
            }
    };
    if year < OLDEST_CALENDAR_YEAR {
        let n = year.unsigned_abs();
        if n >= 1_000_000 {
            // "−500 M ans" / "500m yrs ago": three digits at most on ticks.
            13
        } else {
            digits(n) + 8
        }
    } else if year <= 0 {
        digits((1 - year).unsigned_abs()) + 10
    } else {
        digits(year.unsigned_abs())
    }
}

/// The room a label of `chars` characters needs.
fn label_spacing(chars: usize) -> f64 {
    (chars as f64 * TICK_CHAR_PX + TICK_GAP_PX).max(MIN_TICK_SPACING_PX)
}

/// The spacing ticks of `step` need in a view from `first_year` to
/// `last_year`: their widest label.
fn step_spacing(step: Step, first_year: i64, last_year: i64) -> f64 {
    let widest = year_label_chars(first_year).max(year_label_chars(last_year));
    match step {
        Step::Days(_) => MIN_TICK_SPACING_PX,
        // January shows its year: "janv. 44 av. J.-C.".
        Step::Months(_) => label_spacing(widest + 6),
        Step::Years(_) => label_spacing(widest),
    }
}

/// The years of a step's ticks from `from` to `to`, aligned as readers
/// count: multiples of the step after year 0 ("1900", "2000"), multiples
/// of it in years BC before ("500 av. J.-C." is year −499), and in years
/// ago in deep time ("−300 000 ans"); and year 1 when `with_year_one`.
/// At most `limit`.
fn aligned_years(from: i64, to: i64, n: i64, with_year_one: bool, limit: usize) -> Vec<i64> {
    let mut years = Vec::new();
    // Deep time: multiples of n.
    let deep_end = to.min(OLDEST_CALENDAR_YEAR - 1);
    if from <= deep_end {
        let mut year = from + (-from).rem_euclid(n);
        while year <= deep_end && years.len() < limit {
            years.push(year);
            year += n;
        }
    }
    // Years BC (year 0 is 1 BC): the BC number 1 − year is a multiple of n.
    let (bc_from, bc_to) = (from.max(OLDEST_CALENDAR_YEAR), to.min(0));
    if bc_from <= bc_to {
        // Largest BC number first (the oldest year).
        let mut bc = (1 - bc_from) - (1 - bc_from).rem_euclid(n);
        while bc >= 1 - bc_to && years.len() < limit {
            if bc >= 1 {
                years.push(1 - bc);
            }
            bc -= n;
        }
    }
    let ce_from = from.max(1);
    // Year 1 too: "200 av. J.-C.", "an 1", "200" are as far apart as
    // the other ticks, where without it the gap at year 0 is double.
    if with_year_one && ce_from == 1 && to >= 1 && n > 1 && years.len() < limit {
        years.push(1);
    }
    if ce_from <= to {
        let mut year = ce_from + (-ce_from).rem_euclid(n);
        while year <= to && years.len() < limit {
            years.push(year);
            year += n;
        }
    }
    years
}

/// Whether a year tick of step `n` is also a coarser boundary (every fifth).
fn is_major_year(year: i64, n: i64) -> bool {
    if year == 1 {
        return true;
    }
    let counted = if (OLDEST_CALENDAR_YEAR..=0).contains(&year) {
        1 - year
    } else {
        year
    };
    counted % (n * 5) == 0
}

/// [`axis_ticks`] whose label fits before the right edge of the scale
/// (labels start at their tick): the timeline's axis.
pub fn timeline_ticks(scale: &TimeScale, axis: &TimeAxis) -> Vec<Tick> {
    let mut ticks = axis_ticks(scale, axis);
    ticks.retain(|tick| tick.x + tick_room(tick) - TICK_GAP_PX <= scale.width);
    ticks
}

/// Ticks for the visible window of a linear scale in days since 1970, the
/// finest step whose labels keep apart (the charts' time axes).
pub fn time_ticks(scale: &TimeScale) -> Vec<Tick> {
    axis_ticks(scale, &TimeAxis::default())
}

/// Ticks for the visible window of the timeline on its axis. On a linear
/// axis (and where a deep-time axis is nearly linear across the view), the
/// calendar's ticks at the finest step whose labels keep apart; elsewhere
/// on a deep-time axis, round years chosen coarsest first (billions, then
/// millions... then centuries) wherever their labels fit.
pub fn axis_ticks(scale: &TimeScale, axis: &TimeAxis) -> Vec<Tick> {
    let px_per_unit = scale.px_per_day();
    if !px_per_unit.is_finite() || px_per_unit <= 0.0 {
        return Vec::new();
    }
    let (start, end) = (scale.view.start, scale.view.end);
    let place = |day: i64| {
        let x = scale.to_px(axis.pos_of(day, 0.0));
        (-0.5..=scale.width + 0.5).contains(&x).then_some(x)
    };
    // Kept to the days a date can name: a view past them (a wheel spun far
    // out on a deep-time file) would overflow the calendar's arithmetic.
    let first_day = axis.day_floor(start).clamp(-MAX_TICK_DAY, MAX_TICK_DAY);
    let last_day = axis
        .day_floor(end)
        .saturating_add(1)
        .clamp(-MAX_TICK_DAY, MAX_TICK_DAY);
    // The least dense place of the view: its oldest edge.
    let (density_start, density_end) = (axis.units_per_day(start), axis.units_per_day(end));
    if density_end <= density_start * 2.0 {
        let px_per_day = px_per_unit * density_start.min(density_end);
        calendar_ticks(first_day, last_day, px_per_day, place)
    } else {
        deep_ticks(scale, axis, first_day, last_day, place)
    }
}

/// The farthest day from 1970 that ticks are computed for: a year past
/// [`MAX_ABS_YEAR`] either way.
const MAX_TICK_DAY: i64 = (MAX_ABS_YEAR + 1) * 366;

/// Calendar ticks from `first_day` to `last_day` at `px_per_day`.
fn calendar_ticks(
    first: i64,
    last: i64,
    px_per_day: f64,
    place: impl Fn(i64) -> Option<f64>,
) -> Vec<Tick> {
    let (first_year, last_year) = (year_of_day(first), year_of_day(last));
    let Some(step) =
        steps().find(|&s| s.approx_days() * px_per_day >= step_spacing(s, first_year, last_year))
    else {
        return Vec::new();
    };
    let mut ticks = Vec::new();
    let mut push = |day: i64, label: TickLabel, major: bool| {
        if let Some(x) = place(day) {
            ticks.push(Tick {
                day,
                x,
                label,
                major,
            });
        }
    };
    match step {
        Step::Days(n) => {
            // Weekly steps start on Mondays; daily ones on every n-th day.
            let mut day = if n >= 7 {
                first - i64::from(weekday(first))
            } else {
                first - first.rem_euclid(n)
            };
            let mut n_seen = 0;
            while day <= last && n_seen <= MAX_TICKS {
                let (year, month, d) = civil_from_days(day);
                push(
                    day,
                    TickLabel::Day {
                        year,
                        month,
                        day: d,
                    },
                    d == 1,
                );
                day += n;
                n_seen += 1;
            }
        }
        Step::Months(n) => {
            let (y0, m0, _) = civil_from_days(first);
            let mut month_index = y0 * 12 + i64::from(m0) - 1;
            month_index -= month_index.rem_euclid(n);
            for _ in 0..=MAX_TICKS {
                let year = month_index.div_euclid(12);
                let month = (month_index.rem_euclid(12) + 1) as u8;
                let day = days_from_civil(year, month, 1);
                if day > last {
                    break;
                }
                push(day, TickLabel::Month { year, month }, month == 1);
                month_index += n;
            }
        }
        Step::Years(n) => {
            for year in aligned_years(first_year, last_year, n, true, MAX_TICKS) {
                push(
                    days_from_civil(year, 1, 1),
                    TickLabel::Year(year),
                    is_major_year(year, n),
                );
            }
        }
    }
    ticks
}

/// Ticks of a deep-time view that spans orders of magnitude: round years,
/// coarsest first, each kept where its label has room from those already
/// kept.
fn deep_ticks(
    scale: &TimeScale,
    axis: &TimeAxis,
    first: i64,
    last: i64,
    place: impl Fn(i64) -> Option<f64>,
) -> Vec<Tick> {
    // No tick before the oldest event: the room the fit-all view leaves
    // before it is billions of years wide there, and "−20 Md ans" before
    // the Big Bang would mislead.
    let first = first.max(axis.oldest_day().unwrap_or(first));
    let (first_year, last_year) = (year_of_day(first), year_of_day(last));
    let span_years = (last_year - first_year).max(1);
    let mut kept: Vec<Tick> = Vec::new();
    // Powers of ten first (a billion, a hundred million...), then their
    // halves, then their fifths: every factor of ten takes the same width.
    let steps: Vec<i64> = [1, 5, 2]
        .into_iter()
        .flat_map(|mantissa| (0..=16).rev().map(move |exp| mantissa * 10i64.pow(exp)))
        .filter(|&n| n <= span_years && n <= MAX_ABS_YEAR)
        .collect();
    for &n in &steps {
        // The candidates: all of them when they are few; else those where
        // consecutive ones are no closer than an eighth of a label (nearer
        // the present, positions spread), so that their number stays
        // bounded by the width whatever the zoom. Which are kept is the
        // room test below.
        let from_year = if (last_year - first_year) / n <= 400 {
            Some(first_year)
        } else {
            let needed = label_spacing(year_label_chars(first_year).min(16)) / 8.0;
            first_step_year(scale, axis, n, needed, first_year, last_year)
        };
        let Some(from_year) = from_year else { continue };
        // Not year 1: on a log axis it is no landmark, and it would take
        // the room of the round years around it.
        for year in aligned_years(from_year, last_year, n, false, MAX_TICKS) {
            let day = days_from_civil(year, 1, 1);
            let Some(x) = place(day) else { continue };
            let room = label_spacing(year_label_chars(year));
            // Labels start at their tick: the one before needs its own
            // room, this one its room before the next.
            let at = kept.partition_point(|t| t.x < x);
            let before_ok = at == 0 || x - kept[at - 1].x >= tick_room(&kept[at - 1]);
            let after_ok = at == kept.len() || kept[at].x - x >= room;
            if before_ok && after_ok {
                kept.insert(
                    at,
                    Tick {
                        day,
                        x,
                        label: TickLabel::Year(year),
                        major: is_major_year(year, n),
                    },
                );
            }
            if kept.len() >= MAX_TICKS {
                return kept;
            }
        }
    }
    kept
}

/// The room a kept year tick's label takes.
fn tick_room(tick: &Tick) -> f64 {
    match tick.label {
        TickLabel::Year(year) | TickLabel::Month { year, .. } | TickLabel::Day { year, .. } => {
            label_spacing(year_label_chars(year))
        }
    }
}

/// The first year from which ticks every `n` years are at least `needed`
/// pixels apart (densities grow towards the present on a deep-time axis),
/// or `None` when they are nowhere in the view.
fn first_step_year(
    scale: &TimeScale,
    axis: &TimeAxis,
    n: i64,
    needed: f64,
    first_year: i64,
    last_year: i64,
) -> Option<i64> {
    let px_per_unit = scale.px_per_day();
    let step_days = n as f64 * 365.2425;
    let spacing_at = |pos: f64| step_days * axis.units_per_day(pos) * px_per_unit;
    if spacing_at(scale.view.end) < needed {
        return None;
    }
    if spacing_at(scale.view.start) >= needed {
        return Some(first_year);
    }
    // Bisect the position where the spacing reaches `needed`.
    let (mut lo, mut hi) = (scale.view.start, scale.view.end);
    for _ in 0..80 {
        let mid = (lo + hi) / 2.0;
        if spacing_at(mid) >= needed {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(year_of_day(axis.day(hi).floor() as i64).clamp(first_year, last_year))
}

#[cfg(test)]
mod tests {
    use super::super::time::View;
    use super::*;

    fn scale(from: (i64, u8, u8), to: (i64, u8, u8), width: f64) -> TimeScale {
        let start = days_from_civil(from.0, from.1, from.2) as f64;
        let end = days_from_civil(to.0, to.1, to.2) as f64;
        TimeScale::new(View::new(start, end), width)
    }

    /// Found by `cargo xtask fuzz`: the charts' linear ticks over a view far
    /// past any date (a deep-time file's axis positions read as days)
    /// overflowed `civil_from_days`.
    #[test]
    fn a_view_past_every_date_gives_ticks_inside_it_without_overflow() {
        for (start, end) in [
            (9.0e18, 9.2e18),
            (-9.2e18, -9.0e18),
            (-1e300, 1e300),
            (1e17, 1e17 + 40.0),
            (-4.0e17, 4.0e17),
        ] {
            let scale = TimeScale::new(View::new(start, end), 800.0);
            for tick in time_ticks(&scale) {
                assert!((-0.5..=800.5).contains(&tick.x), "{start}..{end}: {tick:?}");
                assert!(tick.day.abs() <= MAX_TICK_DAY, "{start}..{end}: {tick:?}");
            }
        }
    }

    #[test]
    fn several_years_get_year_ticks() {
        let ticks = time_ticks(&scale((2023, 1, 1), (2027, 1, 1), 400.0));
        let labels: Vec<TickLabel> = ticks.iter().map(|t| t.label).collect();
        assert_eq!(
            labels,
            [
                TickLabel::Year(2023),
                TickLabel::Year(2024),
                TickLabel::Year(2025),
                TickLabel::Year(2026),
                TickLabel::Year(2027)
            ]
        );
    }

    #[test]
    fn one_year_on_a_wide_screen_gets_month_ticks() {
        let ticks = time_ticks(&scale((2025, 1, 1), (2026, 1, 1), 1200.0));
        assert!(ticks.len() >= 12, "{ticks:?}");
        assert!(matches!(
            ticks[0].label,
            TickLabel::Month {
                year: 2025,
                month: 1
            }
        ));
        assert!(ticks[0].major);
    }

    #[test]
    fn a_few_weeks_get_week_or_day_ticks_and_spacing_holds() {
        for width in [320.0, 768.0, 1920.0] {
            let ticks = time_ticks(&scale((2025, 11, 10), (2025, 12, 10), width));
            assert!(ticks.len() >= 2, "{width}: {ticks:?}");
            assert!(ticks
                .iter()
                .all(|t| matches!(t.label, TickLabel::Day { .. })));
            for pair in ticks.windows(2) {
                assert!(pair[1].x - pair[0].x >= MIN_TICK_SPACING_PX - 0.5);
            }
        }
    }

    #[test]
    fn ticks_lie_inside_the_view() {
        let s = scale((2025, 3, 15), (2025, 9, 15), 700.0);
        for tick in time_ticks(&s) {
            assert!(tick.x >= 0.0 && tick.x <= 700.0);
        }
    }

    /// Labels start at their tick: each needs its room before the next.
    fn assert_labels_have_room(ticks: &[Tick]) {
        for pair in ticks.windows(2) {
            let room = tick_room(&pair[0]).min(label_spacing(16));
            let gap = pair[1].x - pair[0].x;
            assert!(
                gap >= room.min(MIN_TICK_SPACING_PX) - 0.5,
                "{gap} < {room}: {pair:?}"
            );
        }
    }

    fn year_labels(ticks: &[Tick]) -> Vec<i64> {
        ticks
            .iter()
            .map(|t| match t.label {
                TickLabel::Year(y) => y,
                other => panic!("not a year tick: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn centuries_before_zero_fall_on_round_years_bc() {
        // 800 BC to 100 BC: year -799 is 800 BC.
        let ticks = time_ticks(&scale((-799, 1, 1), (-99, 1, 1), 900.0));
        let years = year_labels(&ticks);
        assert!(years.len() >= 4, "{years:?}");
        for year in &years {
            assert_eq!((1 - year) % 100, 0, "{year} is not a round year BC");
        }
        assert_labels_have_room(&ticks);
        // Across year 0: 300 BC to AD 300, no tick at year 0 (1 BC).
        let ticks = time_ticks(&scale((-299, 1, 1), (300, 1, 1), 1280.0));
        let years = year_labels(&ticks);
        assert!(years.contains(&-99) && years.contains(&100), "{years:?}");
        // AD 1 stands between 100 BC and AD 100; 1 BC (year 0) does not.
        assert!(!years.contains(&0) && years.contains(&1), "{years:?}");
    }

    #[test]
    fn millennia_tick_a_long_history() {
        let ticks = time_ticks(&scale((-9999, 1, 1), (2025, 1, 1), 1280.0));
        let years = year_labels(&ticks);
        assert!(years.len() >= 4, "{years:?}");
        let step = years[1] - years[0];
        assert!(step >= 1000 && step % 1000 == 0, "{years:?}");
        assert_labels_have_room(&ticks);
        let sorted: Vec<i64> = {
            let mut copy = years.clone();
            copy.sort();
            copy
        };
        assert_eq!(sorted, years);
    }

    #[test]
    fn months_and_days_before_zero() {
        // The Ides of March, 44 BC, over two months.
        let ticks = time_ticks(&scale((-43, 2, 1), (-43, 4, 1), 1280.0));
        assert!(ticks.len() >= 4, "{ticks:?}");
        assert!(ticks.iter().any(|t| t.label
            == TickLabel::Day {
                year: -43,
                month: 3,
                day: 15
            }
            || matches!(
                t.label,
                TickLabel::Day {
                    year: -43,
                    month: 3,
                    ..
                }
            )));
    }

    fn mixed_axis() -> (TimeAxis, View) {
        use crate::data::Date;
        let dates: Vec<Date> = crate::scale::axis::tests::MIXED
            .iter()
            .map(|t| Date::parse(t).unwrap())
            .collect();
        let starts: Vec<i64> = dates.iter().map(Date::start_day).collect();
        let end = dates.last().unwrap().end_day_exclusive();
        let axis = TimeAxis::for_events(&starts, end);
        let bounds = View::fit(axis.pos_of(starts[0], 0.0), axis.pos_of(end, 0.0));
        (axis, bounds)
    }

    #[test]
    fn deep_time_ticks_in_billions_millions_and_calendar_years() {
        let (axis, bounds) = mixed_axis();
        for width in [375.0, 1280.0] {
            let ticks = axis_ticks(&TimeScale::new(bounds, width), &axis);
            let years = year_labels(&ticks);
            assert!(years.len() >= 3, "{width}: {years:?}");
            assert!(
                years.iter().any(|&y| y <= -1_000_000_000),
                "{width}: {years:?}"
            );
            assert!(years.iter().all(|&y| y < 2025), "{width}: {years:?}");
            assert_labels_have_room(&ticks);
            for tick in &ticks {
                assert!(tick.x >= -0.5 && tick.x <= width + 0.5);
            }
            if width > 1000.0 {
                assert!(
                    years
                        .iter()
                        .any(|&y| (-99_999_999..=-1_000_000).contains(&y)),
                    "{years:?}"
                );
                assert!(years.iter().any(|&y| y >= -99_999), "{years:?}");
            }
        }
    }

    #[test]
    fn deep_time_zoomed_onto_a_day_gets_calendar_ticks() {
        let (axis, bounds) = mixed_axis();
        let moon = crate::data::Date::ymd(1969, 7, 20);
        let center = axis.marker_pos(&moon);
        let half = axis.min_span(15.0, center);
        let view = View::new(center - half, center + half).clamped(&bounds);
        let ticks = axis_ticks(&TimeScale::new(view, 1280.0), &axis);
        assert!(ticks.len() >= 5, "{ticks:?}");
        assert!(ticks
            .iter()
            .all(|t| matches!(t.label, TickLabel::Day { year: 1969, .. })));
        assert!(ticks.iter().any(|t| t.label
            == TickLabel::Day {
                year: 1969,
                month: 7,
                day: 20
            }
            || t.label
                == TickLabel::Day {
                    year: 1969,
                    month: 7,
                    day: 21
                }
            || t.label
                == TickLabel::Day {
                    year: 1969,
                    month: 7,
                    day: 19
                }));
    }

    #[test]
    fn deep_time_ticks_hold_at_every_zoom_and_place() {
        let (axis, bounds) = mixed_axis();
        let mut span = bounds.span();
        while span > 1e-3 {
            for frac in [0.0, 0.3, 0.7, 1.0] {
                let start = bounds.start + (bounds.span() - span) * frac;
                let view = View::new(start, start + span);
                let ticks = axis_ticks(&TimeScale::new(view, 800.0), &axis);
                assert!(ticks.len() <= MAX_TICKS);
                for pair in ticks.windows(2) {
                    assert!(pair[1].x > pair[0].x, "{view:?}: {pair:?}");
                }
            }
            span /= 8.0;
        }
    }

    #[test]
    fn timeline_labels_never_run_off_the_right_edge() {
        for width in [250.0, 375.0, 1280.0] {
            let scale = scale((-790, 1, 1), (527, 1, 1), width);
            let ticks = timeline_ticks(&scale, &TimeAxis::default());
            assert!(!ticks.is_empty(), "{width}");
            for tick in &ticks {
                assert!(
                    tick.x + tick_room(tick) - TICK_GAP_PX <= width,
                    "{width}: {tick:?}"
                );
            }
        }
    }
}
