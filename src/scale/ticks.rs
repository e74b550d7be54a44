//! Axis ticks that adapt to the zoom: years, quarters, months, weeks, days.

use super::time::TimeScale;
use crate::data::date::{civil_from_days, days_from_civil, weekday};

/// What a tick stands for; `i18n::format_tick` turns it into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickLabel {
    Year(i32),
    Month { year: i32, month: u8 },
    Day { year: i32, month: u8, day: u8 },
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(i64),
    Months(i32),
    Years(i32),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Months(n) => f64::from(n) * 30.44,
            Step::Years(n) => f64::from(n) * 365.25,
        }
    }
}

const STEPS: [Step; 13] = [
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
    Step::Years(50),
];

/// Ticks for the visible window, the finest step whose labels keep
/// [`MIN_TICK_SPACING_PX`] apart.
pub fn time_ticks(scale: &TimeScale) -> Vec<Tick> {
    let px_per_day = scale.px_per_day();
    if !px_per_day.is_finite() || px_per_day <= 0.0 {
        return Vec::new();
    }
    let step = STEPS
        .into_iter()
        .find(|s| s.approx_days() * px_per_day >= MIN_TICK_SPACING_PX)
        .unwrap_or(Step::Years(100));
    let first = scale.view.start.floor() as i64;
    let last = scale.view.end.ceil() as i64;
    let mut ticks = Vec::new();
    let push = |ticks: &mut Vec<Tick>, day: i64, label: TickLabel, major: bool| {
        if day as f64 >= scale.view.start && day as f64 <= scale.view.end {
            ticks.push(Tick {
                day,
                x: scale.to_px(day as f64),
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
            while day <= last {
                let (y, m, d) = civil_from_days(day);
                push(
                    &mut ticks,
                    day,
                    TickLabel::Day {
                        year: y,
                        month: m,
                        day: d,
                    },
                    d == 1,
                );
                day += n;
                if ticks.len() > 1000 {
                    break;
                }
            }
        }
        Step::Months(n) => {
            let (y0, m0, _) = civil_from_days(first);
            let mut month_index = i64::from(y0) * 12 + i64::from(m0) - 1;
            month_index -= month_index.rem_euclid(i64::from(n));
            loop {
                let year = month_index.div_euclid(12) as i32;
                let month = (month_index.rem_euclid(12) + 1) as u8;
                let day = days_from_civil(year, month, 1);
                if day > last || ticks.len() > 1000 {
                    break;
                }
                push(
                    &mut ticks,
                    day,
                    TickLabel::Month { year, month },
                    month == 1,
                );
                month_index += i64::from(n);
            }
        }
        Step::Years(n) => {
            let (y0, _, _) = civil_from_days(first);
            let mut year = y0 - y0.rem_euclid(n);
            loop {
                let day = days_from_civil(year, 1, 1);
                if day > last || ticks.len() > 1000 {
                    break;
                }
                push(&mut ticks, day, TickLabel::Year(year), year % (n * 5) == 0);
                year += n;
            }
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::super::time::View;
    use super::*;

    fn scale(from: (i32, u8, u8), to: (i32, u8, u8), width: f64) -> TimeScale {
        let start = days_from_civil(from.0, from.1, from.2) as f64;
        let end = days_from_civil(to.0, to.1, to.2) as f64;
        TimeScale::new(View::new(start, end), width)
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
}
