//! Pure formatting of dates, numbers and amounts per language. The rules
//! (units, precision, separators) live here so they can be tested on the
//! host; they follow what `Intl` prints for `fr-FR` and `en-US`.
//!
//! Two layers: the *rules* ([`amount_style`]: which unit, how many
//! decimals; [`compose_amount`]: where the unit goes) are plain functions,
//! and the *digits and dates* go through a [`Formatter`]. On the host and
//! in tests that is [`PlainFormatter`] (this file's own grouping); in the
//! browser the components pass a formatter backed by `Intl.NumberFormat`
//! and `Intl.DateTimeFormat` (`components::intl`), so that every amount
//! and date the charts show, on canvas or in HTML, is printed by `Intl`
//! under the rules decided here.

use super::Lang;
use crate::data::date::OLDEST_CALENDAR_YEAR;
use crate::data::{Date, Figure, Unit};
use crate::scale::ticks::TickLabel;

const NARROW_NBSP: char = '\u{202f}';
const NBSP: char = '\u{a0}';

/// A date at its own precision: "30 mai 2025" / "May 30, 2025",
/// "juillet 2025" / "July 2025", "2023". French writes the first day "1er".
/// Years before 0 are BC (year 0 is 1 BC): "15 mars 44 av. J.-C." /
/// "March 15, 44 BC"; deep time is told in years ago: "il y a 13,8
/// milliards d’années" / "13.8 billion years ago".
pub fn format_date(date: &Date, lang: Lang) -> String {
    let strings = lang.strings();
    if date.is_deep_time() {
        return format_year(date.year, lang);
    }
    let year = format_year(date.year, lang);
    match (date.month, date.day) {
        (Some(m), Some(d)) => {
            let month = strings.month_names[usize::from(m - 1)];
            match lang {
                Lang::Fr if d == 1 => format!("1er{NBSP}{month} {year}"),
                Lang::Fr => format!("{d}{NBSP}{month} {year}"),
                Lang::En => format!("{month} {d}, {year}"),
            }
        }
        (Some(m), None) => format!("{} {year}", strings.month_names[usize::from(m - 1)]),
        _ => year,
    }
}

/// A year as readers write it: "2025", "10 000" / "10,000", "300 av.
/// J.-C." / "300 BC" (astronomical year −299: year 0 is 1 BC), and older
/// than 100,000 BC in years ago, as TimelineJS counts them (from year 0):
/// "il y a 300 000 ans" / "300,000 years ago", "il y a 13,8 milliards
/// d’années" / "13.8 billion years ago".
pub fn format_year(year: i64, lang: Lang) -> String {
    if year < OLDEST_CALENDAR_YEAR {
        let ago = year.unsigned_abs();
        return match (lang, ago >= 1_000_000) {
            (Lang::Fr, true) => format!("il y a {} d’années", magnitude_words(ago, lang)),
            (Lang::Fr, false) => format!("il y a {}{NBSP}ans", year_digits(ago, lang)),
            (Lang::En, _) => format!("{} years ago", magnitude_words(ago, lang)),
        };
    }
    if year <= 0 {
        let bc = year_digits((1 - year).unsigned_abs(), lang);
        return match lang {
            Lang::Fr => format!("{bc}{NBSP}av.{NBSP}J.-C."),
            Lang::En => format!("{bc}{NBSP}BC"),
        };
    }
    if year >= 1_000_000 {
        let words = magnitude_words(year.unsigned_abs(), lang);
        return match lang {
            Lang::Fr => format!("an {words}"),
            Lang::En => format!("year {words}"),
        };
    }
    year_digits(year.unsigned_abs(), lang)
}

/// A year number: four digits as they are ("2025", "300"), longer ones
/// grouped ("10 000" / "10,000").
fn year_digits(n: u64, lang: Lang) -> String {
    if n < 10_000 {
        n.to_string()
    } else {
        format_number(n as f64, lang, 0)
    }
}

/// A large number in words, exact: "13,79963 milliards" / "13.79963
/// billion", "1,5 milliard", "540 millions" / "540 million", "300 000".
fn magnitude_words(n: u64, lang: Lang) -> String {
    let (unit, fr_one, fr_many, en) = if n >= 1_000_000_000 {
        (1_000_000_000u64, "milliard", "milliards", "billion")
    } else if n >= 1_000_000 {
        (1_000_000, "million", "millions", "million")
    } else {
        return format_number(n as f64, lang, 0);
    };
    let whole = n / unit;
    let fraction = n % unit;
    let decimals = unit.to_string().len() - 1;
    let mut number = format_number(whole as f64, lang, 0);
    if fraction > 0 {
        let digits = format!("{fraction:0decimals$}");
        number.push(if lang == Lang::Fr { ',' } else { '.' });
        number.push_str(digits.trim_end_matches('0'));
    }
    match lang {
        // French: "1,5 milliard", "2 milliards".
        Lang::Fr if whole < 2 => format!("{number}{NBSP}{fr_one}"),
        Lang::Fr => format!("{number}{NBSP}{fr_many}"),
        Lang::En => format!("{number} {en}"),
    }
}

/// A deep-time tick: "−10 Md ans" / "10bn yrs ago", "−500 M ans" /
/// "500m yrs ago", "−300 000 ans" / "300,000 yrs ago".
fn format_deep_tick(ago: u64, lang: Lang) -> String {
    let (value, fr_unit, en_unit) = if ago >= 1_000_000_000 {
        (ago as f64 / 1e9, "Md", "bn")
    } else if ago >= 1_000_000 {
        (ago as f64 / 1e6, "M", "m")
    } else {
        (ago as f64, "", "")
    };
    let number = format_number(value, lang, 2);
    match lang {
        Lang::Fr if fr_unit.is_empty() => format!("−{number}{NBSP}ans"),
        Lang::Fr => format!("−{number}{NBSP}{fr_unit}{NBSP}ans"),
        Lang::En => format!("{number}{en_unit} yrs ago"),
    }
}

/// An axis tick label.
pub fn format_tick(label: &TickLabel, lang: Lang) -> String {
    let strings = lang.strings();
    match *label {
        TickLabel::Year(year) if year < OLDEST_CALENDAR_YEAR => {
            format_deep_tick(year.unsigned_abs(), lang)
        }
        // The first year of the era, between years BC.
        TickLabel::Year(1) => match lang {
            Lang::Fr => format!("an{NBSP}1"),
            Lang::En => format!("AD{NBSP}1"),
        },
        TickLabel::Year(year) => format_year(year, lang),
        TickLabel::Month { year, month } => {
            let name = strings.month_short[usize::from(month - 1)];
            if month == 1 {
                format!("{name} {}", format_year(year, lang))
            } else {
                name.to_string()
            }
        }
        TickLabel::Day {
            year: _,
            month,
            day,
        } => {
            let name = strings.month_short[usize::from(month - 1)];
            match lang {
                Lang::Fr => format!("{day}{NBSP}{name}"),
                Lang::En => format!("{name} {day}"),
            }
        }
    }
}

/// A number with grouped thousands and at most `max_decimals` decimals
/// (trailing zeros dropped): "750 000" / "750,000", "1,3" / "1.3".
pub fn format_number(value: f64, lang: Lang, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (group, decimal) = match lang {
        Lang::Fr => (NARROW_NBSP, ','),
        Lang::En => (',', '.'),
    };
    let text = format!("{:.*}", max_decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (text.clone(), String::new()),
    };
    let mut grouped = String::new();
    let n_digits = int_part.len();
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (n_digits - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && (int_part != "0" || !frac_part.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{frac_part}")
    }
}

/// The most fraction digits `Intl.NumberFormat` accepts in every engine
/// we test (ECMA-402 allowed 20 until 2023; more throws a `RangeError`).
pub const INTL_MAX_FRACTION_DIGITS: usize = 20;

/// `maximumFractionDigits` for `Intl.NumberFormat` when the pure rules
/// allow `max_decimals`.
pub fn intl_fraction_digits(max_decimals: usize) -> f64 {
    max_decimals.min(INTL_MAX_FRACTION_DIGITS) as f64
}

/// A dollar amount in the unit a newspaper would use: "500 Md$" / "$500bn",
/// "277 M$" / "$277m", "1,5 Md$" / "$1.5bn".
pub fn format_amount(usd: f64, lang: Lang) -> String {
    PlainFormatter(lang).amount(usd)
}

/// The unit a dollar amount is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountUnit {
    Dollars,
    Millions,
    Billions,
}

/// How to print an amount: the number to show, in which unit, with at
/// most how many decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AmountStyle {
    pub scaled: f64,
    pub unit: AmountUnit,
    pub max_decimals: usize,
}

/// The newspaper rule: billions from $1bn, millions from $1m; two
/// decimals below 10, one below 100, none above (so at most three
/// significant digits: "1,25 Md$", "12,5 Md$", "125 Md$").
pub fn amount_style(usd: f64) -> AmountStyle {
    let (scaled, unit) = if usd.abs() >= 1e9 {
        (usd / 1e9, AmountUnit::Billions)
    } else if usd.abs() >= 1e6 {
        (usd / 1e6, AmountUnit::Millions)
    } else {
        (usd, AmountUnit::Dollars)
    };
    let max_decimals = if scaled.abs() < 10.0 {
        2
    } else if scaled.abs() < 100.0 {
        1
    } else {
        0
    };
    AmountStyle {
        scaled,
        unit,
        max_decimals,
    }
}

/// Puts the unit around an already formatted number: "500 Md$" / "$500bn".
pub fn compose_amount(number: &str, unit: AmountUnit, lang: Lang) -> String {
    let (fr_unit, en_unit) = match unit {
        AmountUnit::Billions => ("Md$", "bn"),
        AmountUnit::Millions => ("M$", "m"),
        AmountUnit::Dollars => ("$", ""),
    };
    match lang {
        Lang::Fr => format!("{number}{NBSP}{fr_unit}"),
        Lang::En => format!("${number}{en_unit}"),
    }
}

/// Turns numbers and dates into text for one language. Implementors
/// supply the digits ([`Formatter::number`]) and dates
/// ([`Formatter::date`]); amounts, figures and exact values are built on
/// those with this module's rules, so every implementation agrees on units
/// and precision.
pub trait Formatter {
    fn lang(&self) -> Lang;

    /// A number with grouped thousands and at most `max_decimals`
    /// decimals, trailing zeros dropped.
    fn number(&self, value: f64, max_decimals: usize) -> String;

    /// A date at its own precision.
    fn date(&self, date: &Date) -> String;

    /// A dollar amount in billions or millions ([`amount_style`]).
    fn amount(&self, usd: f64) -> String {
        let style = amount_style(usd);
        compose_amount(
            &self.number(style.scaled, style.max_decimals),
            style.unit,
            self.lang(),
        )
    }

    /// An amount per year: "125 Md$/an" / "$125bn/yr".
    fn amount_per_year(&self, usd: f64) -> String {
        let suffix = match self.lang() {
            Lang::Fr => "/an",
            Lang::En => "/yr",
        };
        format!("{}{suffix}", self.amount(usd))
    }

    /// Every digit of an amount: "500 000 000 000 $" / "$500,000,000,000".
    fn exact_amount(&self, usd: f64) -> String {
        compose_amount(&self.number(usd, 0), AmountUnit::Dollars, self.lang())
    }

    /// A percentage: "2 %" / "2%" (at most one decimal).
    fn percent(&self, value: f64) -> String {
        let number = self.number(value, 1);
        match self.lang() {
            Lang::Fr => format!("{number}{NARROW_NBSP}%"),
            Lang::En => format!("{number}%"),
        }
    }

    /// A figure's value with its unit: amounts as above, "1,3 GW",
    /// "750 000 foyers", "81 %" (the presentation layer adds the qualifier).
    fn figure(&self, figure: &Figure) -> String {
        let strings = self.lang().strings();
        let unit = match figure.unit {
            Unit::Usd => return self.amount(figure.value),
            Unit::Percent => {
                let number = self.number(figure.value, 2);
                return match self.lang() {
                    Lang::Fr => format!("{number}{NARROW_NBSP}%"),
                    Lang::En => format!("{number}%"),
                };
            }
            Unit::Gigawatts => strings.unit_gigawatts,
            Unit::Homes => strings.unit_homes,
            Unit::Laboratories => strings.unit_laboratories,
            Unit::Organisations => strings.unit_organisations,
            Unit::Agencies => strings.unit_agencies,
            Unit::Challenges => strings.unit_challenges,
            Unit::Days => strings.unit_days,
            Unit::Months => strings.unit_months,
            Unit::Years => strings.unit_years,
        };
        format!("{}{NBSP}{unit}", self.number(figure.value, 2))
    }
}

/// The pure [`Formatter`]: this module's own digit grouping and month
/// names. Used on the host, in tests and as the reference `Intl` matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainFormatter(pub Lang);

impl Formatter for PlainFormatter {
    fn lang(&self) -> Lang {
        self.0
    }

    fn number(&self, value: f64, max_decimals: usize) -> String {
        format_number(value, self.0, max_decimals)
    }

    fn date(&self, date: &Date) -> String {
        format_date(date, self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intl_gets_at_most_twenty_fraction_digits() {
        assert_eq!(intl_fraction_digits(0), 0.0);
        assert_eq!(intl_fraction_digits(2), 2.0);
        assert_eq!(intl_fraction_digits(20), 20.0);
        assert_eq!(intl_fraction_digits(usize::MAX), 20.0);
    }

    fn plain(text: String) -> String {
        text.replace([NBSP, NARROW_NBSP], " ")
    }

    #[test]
    fn dates_show_only_their_precision() {
        let day = Date::ymd(2025, 5, 30);
        assert_eq!(plain(format_date(&day, Lang::Fr)), "30 mai 2025");
        assert_eq!(format_date(&day, Lang::En), "May 30, 2025");
        let month = Date::parse("2025-07").unwrap();
        assert_eq!(format_date(&month, Lang::Fr), "juillet 2025");
        assert_eq!(format_date(&month, Lang::En), "July 2025");
        assert_eq!(format_date(&Date::parse("2023").unwrap(), Lang::Fr), "2023");
        assert_eq!(
            plain(format_date(&Date::ymd(2025, 12, 1), Lang::Fr)),
            "1er décembre 2025"
        );
    }

    #[test]
    fn numbers_group_thousands_per_language() {
        assert_eq!(plain(format_number(750_000.0, Lang::Fr, 0)), "750 000");
        assert_eq!(format_number(750_000.0, Lang::En, 0), "750,000");
        assert_eq!(format_number(1.3, Lang::Fr, 2), "1,3");
        assert_eq!(format_number(1.3, Lang::En, 2), "1.3");
        assert_eq!(format_number(11_000.0, Lang::En, 2), "11,000");
        assert_eq!(format_number(-0.0001, Lang::En, 2), "0");
        assert_eq!(format_number(f64::NAN, Lang::En, 2), "–");
    }

    #[test]
    fn amounts_pick_billions_or_millions() {
        assert_eq!(plain(format_amount(500e9, Lang::Fr)), "500 Md$");
        assert_eq!(format_amount(500e9, Lang::En), "$500bn");
        assert_eq!(plain(format_amount(277e6, Lang::Fr)), "277 M$");
        assert_eq!(format_amount(277e6, Lang::En), "$277m");
        assert_eq!(format_amount(1.5e9, Lang::En), "$1.5bn");
        assert_eq!(format_amount(12.5e9, Lang::En), "$12.5bn");
        assert_eq!(plain(format_amount(0.0, Lang::Fr)), "0 $");
    }

    #[test]
    fn amount_styles_keep_three_significant_digits() {
        let check = |usd: f64, scaled: f64, unit: AmountUnit, max_decimals: usize| {
            assert_eq!(
                amount_style(usd),
                AmountStyle {
                    scaled,
                    unit,
                    max_decimals
                },
                "{usd}"
            );
        };
        check(600e9, 600.0, AmountUnit::Billions, 0);
        check(12.5e9, 12.5, AmountUnit::Billions, 1);
        check(1.25e9, 1.25, AmountUnit::Billions, 2);
        check(277e6, 277.0, AmountUnit::Millions, 0);
        check(5.0, 5.0, AmountUnit::Dollars, 2);
        check(5e3, 5e3, AmountUnit::Dollars, 0);
        check(1e12, 1000.0, AmountUnit::Billions, 0);
    }

    #[test]
    fn the_plain_formatter_builds_amounts_rates_and_exact_values() {
        let fr = PlainFormatter(Lang::Fr);
        let en = PlainFormatter(Lang::En);
        assert_eq!(plain(fr.amount(1e12)), "1 000 Md$");
        assert_eq!(en.amount(1e12), "$1,000bn");
        assert_eq!(plain(fr.amount_per_year(125e9)), "125 Md$/an");
        assert_eq!(en.amount_per_year(40e9), "$40bn/yr");
        assert_eq!(plain(fr.exact_amount(500e9)), "500 000 000 000 $");
        assert_eq!(en.exact_amount(277e6), "$277,000,000");
        assert_eq!(plain(fr.percent(2.0)), "2 %");
        assert_eq!(en.percent(16.67), "16.7%");
        assert_eq!(plain(fr.date(&Date::ymd(2025, 5, 30))), "30 mai 2025");
        assert_eq!(en.date(&Date::ymd(2025, 5, 30)), "May 30, 2025");
    }

    #[test]
    fn composing_puts_the_unit_where_each_language_does() {
        assert_eq!(
            plain(compose_amount("1,5", AmountUnit::Billions, Lang::Fr)),
            "1,5 Md$"
        );
        assert_eq!(
            compose_amount("1.5", AmountUnit::Billions, Lang::En),
            "$1.5bn"
        );
        assert_eq!(
            compose_amount("277", AmountUnit::Millions, Lang::En),
            "$277m"
        );
        assert_eq!(
            plain(compose_amount("12", AmountUnit::Dollars, Lang::Fr)),
            "12 $"
        );
    }

    #[test]
    fn years_before_zero_read_bc() {
        // Year 0 is 1 BC; year -43 is 44 BC.
        let ides = Date::ymd(-43, 3, 15);
        assert_eq!(plain(format_date(&ides, Lang::Fr)), "15 mars 44 av. J.-C.");
        assert_eq!(plain(format_date(&ides, Lang::En)), "March 15, 44 BC");
        assert_eq!(plain(format_date(&Date::year(0), Lang::En)), "1 BC");
        assert_eq!(
            plain(format_date(&Date::year(-299), Lang::Fr)),
            "300 av. J.-C."
        );
        assert_eq!(
            plain(format_date(&Date::parse("-0299-01").unwrap(), Lang::Fr)),
            "janvier 300 av. J.-C."
        );
        assert_eq!(
            plain(format_date(&Date::year(-99_999), Lang::Fr)),
            "100 000 av. J.-C."
        );
        assert_eq!(
            plain(format_date(&Date::year(-99_999), Lang::En)),
            "100,000 BC"
        );
        assert_eq!(format_date(&Date::year(1), Lang::En), "1");
        assert_eq!(plain(format_date(&Date::year(12_000), Lang::Fr)), "12 000");
        // The French space rules: no break inside "av. J.-C.".
        assert_eq!(
            format_date(&Date::year(-299), Lang::Fr),
            "300\u{a0}av.\u{a0}J.-C."
        );
    }

    #[test]
    fn deep_time_reads_in_years_ago() {
        let fr = |year: i64| plain(format_date(&Date::year(year), Lang::Fr));
        let en = |year: i64| plain(format_date(&Date::year(year), Lang::En));
        assert_eq!(fr(-13_800_000_000), "il y a 13,8 milliards d’années");
        assert_eq!(en(-13_800_000_000), "13.8 billion years ago");
        // Exact: the dark ages are not the Big Bang.
        assert_eq!(en(-13_799_630_000), "13.79963 billion years ago");
        assert_eq!(fr(-1_500_000_000), "il y a 1,5 milliard d’années");
        assert_eq!(fr(-540_000_000), "il y a 540 millions d’années");
        assert_eq!(en(-540_000_000), "540 million years ago");
        assert_eq!(fr(-1_000_000), "il y a 1 million d’années");
        assert_eq!(fr(-300_000), "il y a 300 000 ans");
        assert_eq!(en(-300_000), "300,000 years ago");
        // A month in deep time adds nothing a reader could use.
        assert_eq!(
            plain(format_date(&Date::parse("-300000-06").unwrap(), Lang::En)),
            "300,000 years ago"
        );
    }

    #[test]
    fn deep_and_bc_ticks_are_short() {
        let tick = |year: i64, lang| plain(format_tick(&TickLabel::Year(year), lang));
        assert_eq!(tick(-10_000_000_000, Lang::Fr), "−10 Md ans");
        assert_eq!(tick(-10_000_000_000, Lang::En), "10bn yrs ago");
        assert_eq!(tick(-500_000_000, Lang::Fr), "−500 M ans");
        assert_eq!(tick(-500_000_000, Lang::En), "500m yrs ago");
        assert_eq!(tick(-2_500_000_000, Lang::En), "2.5bn yrs ago");
        assert_eq!(tick(-300_000, Lang::Fr), "−300 000 ans");
        assert_eq!(tick(-300_000, Lang::En), "300,000 yrs ago");
        assert_eq!(tick(-499, Lang::Fr), "500 av. J.-C.");
        assert_eq!(tick(-499, Lang::En), "500 BC");
        assert_eq!(tick(1, Lang::Fr), "an 1");
        assert_eq!(tick(1, Lang::En), "AD 1");
        assert_eq!(
            plain(format_tick(
                &TickLabel::Month {
                    year: -43,
                    month: 1
                },
                Lang::Fr
            )),
            "janv. 44 av. J.-C."
        );
    }

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(format_tick(&TickLabel::Year(2025), Lang::Fr), "2025");
        assert_eq!(
            format_tick(
                &TickLabel::Month {
                    year: 2025,
                    month: 1
                },
                Lang::Fr
            ),
            "janv. 2025"
        );
        assert_eq!(
            format_tick(
                &TickLabel::Month {
                    year: 2025,
                    month: 7
                },
                Lang::En
            ),
            "Jul"
        );
        assert_eq!(
            format_tick(
                &TickLabel::Day {
                    year: 2025,
                    month: 11,
                    day: 24
                },
                Lang::En
            ),
            "Nov 24"
        );
    }
}
