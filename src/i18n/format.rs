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
use crate::data::{Date, Figure, Unit};
use crate::scale::ticks::TickLabel;

const NARROW_NBSP: char = '\u{202f}';
const NBSP: char = '\u{a0}';

/// A date at its own precision: "30 mai 2025" / "May 30, 2025",
/// "juillet 2025" / "July 2025", "2023". French writes the first day "1er".
pub fn format_date(date: &Date, lang: Lang) -> String {
    let strings = lang.strings();
    match (date.month, date.day) {
        (Some(m), Some(d)) => {
            let month = strings.month_names[usize::from(m - 1)];
            match lang {
                Lang::Fr if d == 1 => format!("1er{NBSP}{month} {}", date.year),
                Lang::Fr => format!("{d}{NBSP}{month} {}", date.year),
                Lang::En => format!("{month} {d}, {}", date.year),
            }
        }
        (Some(m), None) => format!("{} {}", strings.month_names[usize::from(m - 1)], date.year),
        _ => date.year.to_string(),
    }
}

/// An axis tick label.
pub fn format_tick(label: &TickLabel, lang: Lang) -> String {
    let strings = lang.strings();
    match *label {
        TickLabel::Year(year) => year.to_string(),
        TickLabel::Month { year, month } => {
            let name = strings.month_short[usize::from(month - 1)];
            if month == 1 {
                format!("{name} {year}")
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

    /// A figure's value with its unit, as [`format_figure`] does.
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

/// A figure's value with its unit: amounts as above, "1,3 GW",
/// "750 000 foyers", "81 %".
pub fn format_figure(figure: &Figure, lang: Lang) -> String {
    PlainFormatter(lang).figure(figure)
}

#[cfg(test)]
mod tests {
    use super::*;

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
