//! The presentation layer: what a reader sees of an event, a figure, a
//! date, a source or a qualifier, in each language. Every place that
//! shows data (the detail panel, the static and print HTML, the chart
//! tooltips, the tables, the key-figure cards, the CSV/JSON exports)
//! calls these functions, so they cannot disagree.
//!
//! Architecture Invariant: no `leptos`, no `web_sys`; pure functions of
//! the dataset, a [`Formatter`] and the language.
//!
//! [`Formatter`]: crate::i18n::Formatter

use crate::data::Qualifier;
use crate::i18n::Lang;

/// The word a qualifier puts before a value ("jusqu’à" / "up to"), none
/// for an exact value.
pub fn qualifier_word(qualifier: Qualifier, lang: Lang) -> Option<&'static str> {
    let strings = lang.strings();
    match qualifier {
        Qualifier::Exact => None,
        Qualifier::UpTo => Some(strings.qualifier_up_to),
        Qualifier::AtLeast => Some(strings.qualifier_at_least),
        Qualifier::About => Some(strings.qualifier_about),
        Qualifier::LessThan => Some(strings.qualifier_less_than),
    }
}

/// A formatted value with its qualifier: "jusqu’à 50 Md$" / "up to
/// $50bn". Never "≈" for a ceiling.
pub fn qualified(value: &str, qualifier: Qualifier, lang: Lang) -> String {
    match qualifier_word(qualifier, lang) {
        Some(word) => format!("{word} {value}"),
        None => value.to_string(),
    }
}
