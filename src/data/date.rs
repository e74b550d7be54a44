//! Calendar dates with a precision (year, month or day), and the day
//! arithmetic the timeline needs. No external date crate: the civil-date
//! conversions are the classic ones (Howard Hinnant's `days_from_civil`),
//! which hold for any year of the proleptic Gregorian calendar, before
//! year 0 as well as after.
//!
//! Years are astronomical, as ISO 8601 and TimelineJS number them: year 0
//! is 1 BC, year −1 is 2 BC, year −43 is 44 BC. In text, a year before 0
//! is written with a minus sign (`-0043-03-15`, `-300`, `-13800000000`)
//! and a year after 9999 with a plus sign (`+10000`). Years go as far as
//! [`MAX_ABS_YEAR`] either way: deep time (the age of the universe is
//! 13.8 billion years) fits with room to spare, and every day number stays
//! exact in an `i64`.

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

/// The largest year, before or after year 0, a date may have: a million
/// billion years, some 72,000 times the age of the universe. Its day
/// numbers (about 3.7 × 10¹⁷) stay exact in an `i64`.
pub const MAX_ABS_YEAR: i64 = 1_000_000_000_000_000;

/// The oldest year still written as a calendar year ("300 av. J.-C.");
/// older ones read "il y a 300 000 ans" / "300,000 years ago", as
/// TimelineJS writes them.
pub const OLDEST_CALENDAR_YEAR: i64 = -99_999;

/// A date known to a given precision. `month` and `day` are 1-based and
/// present exactly as the precision says. `year` is astronomical (0 is
/// 1 BC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i64,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (with `-` or `+` before
    /// years outside 0 to 9999).
    Format,
    /// Well formed but not in the calendar (month 13, 30 February...).
    Impossible,
    /// A year beyond [`MAX_ABS_YEAR`].
    OutOfRange,
}

impl Date {
    pub fn ymd(year: i64, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// A year-precision date.
    pub fn year(year: i64) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// True from 1 BC (astronomical year 0) back.
    pub fn is_before_common_era(&self) -> bool {
        self.year <= 0
    }

    /// True for deep time: older than [`OLDEST_CALENDAR_YEAR`], told in
    /// years ago rather than as a calendar year.
    pub fn is_deep_time(&self) -> bool {
        self.year < OLDEST_CALENDAR_YEAR
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the form gives the
    /// precision. Years 0 to 9999 have four digits; a year before 0 has a
    /// minus sign and any number of digits (`-300`, `-0300`,
    /// `-13800000000`); a year after 9999 a plus sign (`+10000`).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let (sign, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (-1, &text[1..]),
            Some(b'+') => (1, &text[1..]),
            _ => (0, text),
        };
        let parts: Vec<&str> = unsigned.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError::Format);
        }
        let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let year_text = parts[0];
        let year_form_ok = match sign {
            0 => year_text.len() == 4,
            1 => year_text.len() >= 4,
            _ => !year_text.is_empty(),
        };
        if !year_form_ok || !all_digits(year_text) {
            return Err(DateError::Format);
        }
        for part in &parts[1..] {
            if part.len() != 2 || !all_digits(part) {
                return Err(DateError::Format);
            }
        }
        let digits = year_text.trim_start_matches('0');
        // More digits than MAX_ABS_YEAR has can only be out of range.
        if digits.len() > 16 {
            return Err(DateError::OutOfRange);
        }
        let magnitude: i64 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| DateError::Format)?
        };
        if magnitude > MAX_ABS_YEAR {
            return Err(DateError::OutOfRange);
        }
        let year = if sign < 0 { -magnitude } else { magnitude };
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

    /// The first day this date covers as a JavaScript `Date` time value:
    /// milliseconds since 1970-01-01 UTC.
    pub fn start_unix_ms(&self) -> f64 {
        const MS_PER_DAY: f64 = 86_400_000.0;
        self.start_day() as f64 * MS_PER_DAY
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
        let year = self.year + month0.div_euclid(12);
        let month = month0.rem_euclid(12) as u8 + 1;
        match (self.month, self.day) {
            (Some(_), Some(d)) => Date::ymd(year, month, d.min(days_in_month(year, month))),
            (Some(_), None) => Date {
                year,
                month: Some(month),
                day: None,
            },
            _ => Date::year(year),
        }
    }

    /// ISO form at the date's own precision.
    pub fn iso(&self) -> String {
        self.to_string()
    }
}

/// The year as ISO 8601 writes it: four digits from 0 to 9999, a minus
/// sign and at least four digits before (`-0300`), a plus sign after
/// (`+10000`).
pub fn iso_year(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else if year > 9999 {
        format!("+{year}")
    } else {
        format!("{year:04}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&iso_year(self.year))?;
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

/// Leap years of the proleptic Gregorian calendar, astronomical years: year
/// 0 (1 BC) and year −4 (5 BC) are leap years.
pub fn is_leap_year(year: i64) -> bool {
    (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0) || year.rem_euclid(400) == 0
}

pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (any year within
/// [`MAX_ABS_YEAR`]).
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(day_number: i64) -> (i64, u8, u8) {
    let z = day_number + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The first day of a year (days since 1970-01-01).
pub fn year_start_day(year: i64) -> i64 {
    days_from_civil(year, 1, 1)
}

/// The (astronomical) year a day number falls in.
pub fn year_of_day(day_number: i64) -> i64 {
    civil_from_days(day_number).0
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
    fn a_date_starts_at_its_javascript_time_value() {
        let ms = |text: &str| Date::parse(text).unwrap().start_unix_ms();
        assert_eq!(ms("1970-01-01"), 0.0);
        assert_eq!(ms("1970-01-02"), 86_400_000.0);
        // `Date.UTC(2025, 0, 1)` and `Date.UTC(2025, 2, 1)`.
        assert_eq!(ms("2025"), 1_735_689_600_000.0);
        assert_eq!(ms("2025-03"), 1_740_787_200_000.0);
        assert_eq!(ms("1969-12-31"), -86_400_000.0);
    }

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

    #[test]
    fn years_before_zero_parse_in_astronomical_numbering() {
        // The Ides of March, 44 BC.
        let ides = Date::parse("-0043-03-15").unwrap();
        assert_eq!(ides, Date::ymd(-43, 3, 15));
        assert_eq!(ides.iso(), "-0043-03-15");
        assert_eq!(Date::parse("-300").unwrap(), Date::year(-300));
        assert_eq!(Date::parse("-0300").unwrap().iso(), "-0300");
        assert_eq!(Date::parse("0000").unwrap().year, 0);
        assert!(Date::parse("0000").unwrap().is_before_common_era());
        assert!(!Date::parse("0001").unwrap().is_before_common_era());
        let big_bang = Date::parse("-13800000000").unwrap();
        assert_eq!(big_bang.year, -13_800_000_000);
        assert!(big_bang.is_deep_time());
        assert!(!Date::year(-99_999).is_deep_time());
        assert_eq!(Date::parse("+10000").unwrap().year, 10_000);
        assert_eq!(Date::year(10_000).iso(), "+10000");
        // Year 0 (1 BC) was a leap year; so was 5 BC (year -4); 101 BC
        // (year -100) was not.
        assert!(Date::parse("0000-02-29").is_ok());
        assert!(Date::parse("-0004-02-29").is_ok());
        assert_eq!(Date::parse("-0100-02-29"), Err(DateError::Impossible));
        assert_eq!(Date::parse("-0400-02-29").unwrap(), Date::ymd(-400, 2, 29));
    }

    #[test]
    fn signed_years_refuse_what_iso_does_not_write() {
        for bad in [
            "-", "+", "--300", "-3a0", "+999", "+10000-1", "-0300-3", "- 300", "−300",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad}");
        }
        assert_eq!(Date::parse("-1000000000000001"), Err(DateError::OutOfRange));
        assert_eq!(
            Date::parse("-99999999999999999999999"),
            Err(DateError::OutOfRange)
        );
        assert!(Date::parse("-1000000000000000").is_ok());
        assert!(Date::parse("+1000000000000000").is_ok());
    }

    #[test]
    fn before_zero_sorts_and_spans_like_any_date() {
        let mut dates: Vec<Date> = [
            "0001",
            "-0001",
            "0000",
            "-0043-03-15",
            "-0043",
            "-13800000000",
            "1969-07-20",
        ]
        .iter()
        .map(|t| Date::parse(t).unwrap())
        .collect();
        dates.sort();
        let isos: Vec<String> = dates.iter().map(Date::iso).collect();
        assert_eq!(
            isos,
            [
                "-13800000000",
                "-0043",
                "-0043-03-15",
                "-0001",
                "0000",
                "0001",
                "1969-07-20"
            ]
        );
        // 1 BC (year 0) is a leap year: 366 days; 2 BC is not.
        let one_bc = Date::year(0);
        assert_eq!(one_bc.end_day_exclusive() - one_bc.start_day(), 366);
        let two_bc = Date::year(-1);
        assert_eq!(two_bc.end_day_exclusive(), one_bc.start_day());
        assert_eq!(two_bc.end_day_exclusive() - two_bc.start_day(), 365);
        // Derived deadlines cross year 0: nine months after April 1 BC.
        assert_eq!(Date::ymd(0, 4, 30).add_months(9), Date::ymd(1, 1, 30));
        assert_eq!(Date::ymd(0, 12, 31).add_days(1), Date::ymd(1, 1, 1));
        assert_eq!(Date::ymd(-1, 12, 31).add_days(1), Date::ymd(0, 1, 1));
    }

    #[test]
    fn the_proleptic_calendar_has_no_gap_at_year_zero() {
        // 146,097 days every 400 years, before year 0 as after.
        for era_start in [-2_000_000_000_000i64, -800, -400, 0, 400, 1600] {
            assert_eq!(
                days_from_civil(era_start + 400, 1, 1) - days_from_civil(era_start, 1, 1),
                146_097,
                "{era_start}"
            );
        }
        // 1 January of year 1 is 719,162 days before 1970.
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
        assert_eq!(days_from_civil(0, 12, 31), -719_163);
    }
}

/// Property tests: every day number round-trips through the civil date,
/// across year 0, leap rules and deep time.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Day numbers of years within [`MAX_ABS_YEAR`] (both ends included).
    fn any_day() -> impl Strategy<Value = i64> {
        let limit = days_from_civil(MAX_ABS_YEAR, 12, 31);
        prop_oneof![
            // Around year 0 and the common era.
            -1_500_000i64..1_500_000,
            // Anywhere, deep time included.
            -limit..=limit,
        ]
    }

    proptest! {
        #[test]
        fn day_numbers_round_trip(day in any_day()) {
            let (y, m, d) = civil_from_days(day);
            prop_assert!((1..=12).contains(&m));
            prop_assert!(d >= 1 && d <= days_in_month(y, m));
            prop_assert_eq!(days_from_civil(y, m, d), day);
            let date = Date::from_day(day);
            prop_assert_eq!(Date::parse(&date.iso()), Ok(date));
            prop_assert_eq!(date.start_day(), day);
        }

        #[test]
        fn consecutive_days_are_consecutive_dates(day in any_day()) {
            let today = Date::from_day(day);
            let tomorrow = Date::from_day(day + 1);
            prop_assert!(tomorrow > today);
            let (y, m, d) = (today.year, today.month.unwrap(), today.day.unwrap());
            let expected = if d < days_in_month(y, m) {
                Date::ymd(y, m, d + 1)
            } else if m < 12 {
                Date::ymd(y, m + 1, 1)
            } else {
                Date::ymd(y + 1, 1, 1)
            };
            prop_assert_eq!(tomorrow, expected);
        }

        #[test]
        fn years_have_their_leap_length(year in -MAX_ABS_YEAR..MAX_ABS_YEAR) {
            let date = Date::year(year);
            let length = date.end_day_exclusive() - date.start_day();
            prop_assert_eq!(length, if is_leap_year(year) { 366 } else { 365 });
            prop_assert_eq!(is_leap_year(year), days_in_month(year, 2) == 29);
            prop_assert_eq!(Date::parse(&date.iso()), Ok(date));
            prop_assert_eq!(year_of_day(year_start_day(year)), year);
        }

        #[test]
        fn every_written_date_reads_back(year in -3_000_000i64..3_000_000, month in 1u8..=12, day in 1u8..=31) {
            let text = format!("{}-{month:02}-{day:02}", iso_year(year));
            match Date::parse(&text) {
                Ok(date) => {
                    prop_assert!(day <= days_in_month(year, month));
                    prop_assert_eq!(date.iso(), text);
                }
                Err(err) => {
                    prop_assert_eq!(err, DateError::Impossible);
                    prop_assert!(day > days_in_month(year, month));
                }
            }
        }
    }
}
