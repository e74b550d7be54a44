//! The browser's `Intl` behind [`Formatter`]: what the charts print goes
//! through here in the browser.
//!
//! What goes through `Intl`: the digits of every number and amount
//! (`Intl.NumberFormat` with the locale's grouping and decimal separator,
//! `maximumFractionDigits` set by the pure rules of `i18n::format`), and
//! dates at day or month precision (`Intl.DateTimeFormat`, in UTC so a
//! date never shifts with the reader's time zone). What stays pure: the
//! choice of unit and precision (`amount_style`), where "Md$" / "bn" go
//! (`compose_amount`), French "1er" for the first of the month, and years
//! alone. Should `Intl` be missing or fail, the pure formatter answers.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::data::{Date, Precision};
use leptos::prelude::*;

use crate::i18n::{format_date, format_number, intl_fraction_digits, Formatter, Lang, Strings};

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-US",
    }
}

thread_local! {
    /// `format` functions of `Intl.NumberFormat`s, by language and decimals.
    static NUMBER_FORMATS: RefCell<HashMap<(Lang, usize), Function>> = RefCell::new(HashMap::new());
    /// `Intl.DateTimeFormat`s, by language and whether the day is shown.
    static DATE_FORMATS: RefCell<HashMap<(Lang, bool), js_sys::Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(locale(lang)))
}

/// A [`Formatter`] backed by `Intl`, for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntlFormatter {
    lang: Lang,
}

impl IntlFormatter {
    pub fn new(lang: Lang) -> IntlFormatter {
        IntlFormatter { lang }
    }

    fn number_format(&self, max_decimals: usize) -> Function {
        NUMBER_FORMATS.with(|cache| {
            cache
                .borrow_mut()
                .entry((self.lang, max_decimals))
                .or_insert_with(|| {
                    let digits = JsValue::from_f64(intl_fraction_digits(max_decimals));
                    let opts = options(&[
                        ("maximumFractionDigits", digits),
                        ("minimumFractionDigits", JsValue::from_f64(0.0)),
                    ]);
                    js_sys::Intl::NumberFormat::new(&locales(self.lang), &opts).format()
                })
                .clone()
        })
    }

    fn date_format(&self, with_day: bool) -> js_sys::Intl::DateTimeFormat {
        DATE_FORMATS.with(|cache| {
            cache
                .borrow_mut()
                .entry((self.lang, with_day))
                .or_insert_with(|| {
                    let mut pairs = vec![
                        ("year", JsValue::from_str("numeric")),
                        ("month", JsValue::from_str("long")),
                        ("timeZone", JsValue::from_str("UTC")),
                    ];
                    if with_day {
                        pairs.push(("day", JsValue::from_str("numeric")));
                    }
                    js_sys::Intl::DateTimeFormat::new(&locales(self.lang), &options(&pairs))
                })
                .clone()
        })
    }
}

impl Formatter for IntlFormatter {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn number(&self, value: f64, max_decimals: usize) -> String {
        if !value.is_finite() {
            return format_number(value, self.lang, max_decimals);
        }
        let format = self.number_format(max_decimals);
        match format
            .call1(&JsValue::NULL, &JsValue::from_f64(value))
            .ok()
            .and_then(|v| v.as_string())
        {
            // Intl writes "-0" for tiny negatives; the pure rule drops the sign.
            Some(text) if text.trim_start_matches('-').chars().all(|c| c == '0') => {
                text.trim_start_matches('-').to_string()
            }
            Some(text) => text,
            None => format_number(value, self.lang, max_decimals),
        }
    }

    fn date(&self, date: &Date) -> String {
        // Years before 1 (BC, deep time) and after 9999 follow the pure
        // rules: `Intl` writes neither "av. J.-C." nor years ago.
        if !(1..=9999).contains(&date.year) {
            return format_date(date, self.lang);
        }
        let with_day = match date.precision() {
            Precision::Year => return date.year.to_string(),
            Precision::Month => false,
            Precision::Day => true,
        };
        let js_date = js_sys::Date::new(&JsValue::from_f64(date.start_unix_ms()));
        let format = self.date_format(with_day);
        let parts = format.format_to_parts(&js_date);
        let mut text = String::new();
        let mut after_day = false;
        for part in parts.iter() {
            let kind = Reflect::get(&part, &JsValue::from_str("type"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let value = Reflect::get(&part, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            // French writes the first of the month as an ordinal: "1er mai".
            if kind == "day" && self.lang == Lang::Fr && value == "1" {
                text.push_str("1er");
            } else if after_day && self.lang == Lang::Fr && kind == "literal" && value == " " {
                // The pure rule keeps the day with its month: "24 novembre".
                text.push('\u{a0}');
            } else {
                text.push_str(&value);
            }
            after_day = kind == "day";
        }
        if text.is_empty() {
            format_date(date, self.lang)
        } else {
            text
        }
    }
}

/// An interface string that follows the language, for a view's text or
/// attribute: `tr(lang, |s| s.chart_show_table)`. Every call returns the
/// same closure type (the key is a function pointer), so all the texts of
/// the charts share one instance of Leptos' rendering code instead of one
/// per text, which keeps the wasm smaller.
pub fn tr(
    lang: Memo<Lang>,
    key: fn(&Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || key(lang.get().strings())
}

/// [`tr`] as an owned-string signal (a chart's title for its exports).
pub fn tr_signal(lang: Memo<Lang>, key: fn(&Strings) -> &'static str) -> Signal<String> {
    Signal::derive(move || key(lang.get().strings()).to_string())
}
