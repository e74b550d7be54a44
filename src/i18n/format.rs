//! Pure formatting of dates, numbers and amounts per language. The rules
//! (units, precision, separators) live here so they can be tested on the
//! host; they follow what `Intl` prints for `fr-FR` and `en-US`.

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
        TickLabel::Day { year: _, month, day } => {
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
    let sign = if value < 0.0 && (int_part != "0" || !frac_part.is_empty()) { "-" } else { "" };
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{frac_part}")
    }
}

/// A dollar amount in the unit a newspaper would use: "500 Md$" / "$500bn",
/// "277 M$" / "$277m", "1,5 Md$" / "$1.5bn".
pub fn format_amount(usd: f64, lang: Lang) -> String {
    let (scaled, fr_unit, en_unit) = if usd.abs() >= 1e9 {
        (usd / 1e9, "Md$", "bn")
    } else if usd.abs() >= 1e6 {
        (usd / 1e6, "M$", "m")
    } else {
        (usd, "$", "")
    };
    // Two significant decimals below 10, one below 100, none above.
    let decimals = if scaled.abs() < 10.0 { 2 } else if scaled.abs() < 100.0 { 1 } else { 0 };
    let number = format_number(scaled, lang, decimals);
    match lang {
        Lang::Fr => format!("{number}{NBSP}{fr_unit}"),
        Lang::En => format!("${number}{en_unit}"),
    }
}

/// A figure's value with its unit: amounts as above, "1,3 GW",
/// "750 000 foyers", "81 %".
pub fn format_figure(figure: &Figure, lang: Lang) -> String {
    let strings = lang.strings();
    let number = format_number(figure.value, lang, 2);
    let unit = match figure.unit {
        Unit::Usd => return format_amount(figure.value, lang),
        Unit::Percent => {
            return match lang {
                Lang::Fr => format!("{number}{NARROW_NBSP}%"),
                Lang::En => format!("{number}%"),
            }
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
    format!("{number}{NBSP}{unit}")
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
        assert_eq!(plain(format_date(&Date::ymd(2025, 12, 1), Lang::Fr)), "1er décembre 2025");
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
    fn tick_labels_are_short() {
        assert_eq!(format_tick(&TickLabel::Year(2025), Lang::Fr), "2025");
        assert_eq!(format_tick(&TickLabel::Month { year: 2025, month: 1 }, Lang::Fr), "janv. 2025");
        assert_eq!(format_tick(&TickLabel::Month { year: 2025, month: 7 }, Lang::En), "Jul");
        assert_eq!(format_tick(&TickLabel::Day { year: 2025, month: 11, day: 24 }, Lang::En), "Nov 24");
    }
}
