//! Calendar dates with a precision (year, month or day), and the day
//! arithmetic the timeline needs. No external date crate: the civil-date
//! conversions are the classic ones (Howard Hinnant's `days_from_civil`).

use std::cmp::Ordering;
use std::fmt;

/// How precisely a date is known. A month-precision date must never be
/// shown as "1 July".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a given precision. `month` and `day` are 1-based and
/// present exactly as the precision says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// Well formed but not in the calendar (month 13, 30 February...).
    Impossible,
}

impl Date {
    pub fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the form gives the precision.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError::Format);
        }
        let expected_lengths = [4, 2, 2];
        for (part, expected) in parts.iter().zip(expected_lengths) {
            if part.len() != expected || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format);
            }
        }
        let year: i32 = parts[0].parse().map_err(|_| DateError::Format)?;
        let month: Option<u8> = match parts.get(1) {
            Some(m) => Some(m.parse().map_err(|_| DateError::Format)?),
            None => None,
        };
        let day: Option<u8> = match parts.get(2) {
            Some(d) => Some(d.parse().map_err(|_| DateError::Format)?),
            None => None,
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Impossible);
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError::Impossible);
                }
            }
        }
        Ok(Date { year, month, day })
    }

    /// The first day this date covers, as days since 1970-01-01.
    pub fn start_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The first day after the span this date covers.
    pub fn end_day_exclusive(&self) -> i64 {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.start_day() + 1,
            (Some(m), None) => self.start_day() + i64::from(days_in_month(self.year, m)),
            _ => days_from_civil(self.year + 1, 1, 1),
        }
    }

    /// The day-precision date of a day number.
    pub fn from_day(day_number: i64) -> Date {
        let (y, m, d) = civil_from_days(day_number);
        Date::ymd(y, m, d)
    }

    /// This date plus a number of days (the result has day precision).
    pub fn add_days(&self, n_days: i64) -> Date {
        Date::from_day(self.start_day() + n_days)
    }

    /// This date plus calendar months, clamping the day to the month's end
    /// (31 January + 1 month = 28 or 29 February). Keeps the precision.
    pub fn add_months(&self, n_months: u32) -> Date {
        let month0 = i64::from(self.month.unwrap_or(1)) - 1 + i64::from(n_months);
        let year = self.year + (month0 / 12) as i32;
        let month = (month0 % 12) as u8 + 1;
        match (self.month, self.day) {
            (Some(_), Some(d)) => Date::ymd(year, month, d.min(days_in_month(year, month))),
            (Some(_), None) => Date {
                year,
                month: Some(month),
                day: None,
            },
            _ => Date {
                year,
                month: None,
                day: None,
            },
        }
    }

    /// ISO form at the date's own precision.
    pub fn iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Dates sort by their first day, then the more precise first.
impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start_day()
            .cmp(&other.start_day())
            .then(other.precision().cmp(&self.precision()))
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date.
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(day_number: i64) -> (i32, u8, u8) {
    let z = day_number + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Day of the week, 0 = Monday ... 6 = Sunday.
pub fn weekday(day_number: i64) -> u8 {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    ((day_number + 3).rem_euclid(7)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(Date::parse("2025").unwrap().precision(), Precision::Year);
        assert_eq!(
            Date::parse("2025-07").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(Date::parse("2025-07-09").unwrap(), Date::ymd(2025, 7, 9));
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        for bad in [
            "",
            "25",
            "2025-7",
            "2025-07-9",
            "2025/07/09",
            "2025-07-09-01",
            "abcd",
            "+025",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad}");
        }
        for impossible in [
            "2025-02-30",
            "2025-13",
            "2025-00",
            "2025-04-31",
            "2025-02-29",
            "2025-01-00",
        ] {
            assert_eq!(
                Date::parse(impossible),
                Err(DateError::Impossible),
                "{impossible}"
            );
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for n in -800_000..800_000i64 {
            if n % 997 != 0 {
                continue;
            }
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, d), n);
        }
    }

    #[test]
    fn derived_deadlines_match_the_genesis_order() {
        let order = Date::ymd(2025, 11, 24);
        assert_eq!(order.add_days(60), Date::ymd(2026, 1, 23));
        assert_eq!(order.add_months(9), Date::ymd(2026, 8, 24));
        assert_eq!(Date::ymd(2025, 1, 31).add_months(1), Date::ymd(2025, 2, 28));
    }

    #[test]
    fn spans_follow_precision() {
        let july = Date::parse("2025-07").unwrap();
        assert_eq!(july.end_day_exclusive() - july.start_day(), 31);
        let year = Date::parse("2024").unwrap();
        assert_eq!(year.end_day_exclusive() - year.start_day(), 366);
    }

    #[test]
    fn weekday_of_known_dates() {
        // 22 January 2025 was a Wednesday.
        assert_eq!(weekday(days_from_civil(2025, 1, 22)), 2);
    }
}
