//! An event's date as a reader sees it: the date at its precision and
//! what kind of date it is.

use super::text::{quote, sentences};
use crate::data::{Dataset, Date, DateKind, Event};
use crate::i18n::{fill, Formatter, Lang};

/// What a kind of date is, in words: "date du fait principal de
/// l’article, non daté" / "date of the article’s main event (the article
/// is undated)". Each kind has its own wording.
pub fn date_kind_label(kind: DateKind, lang: Lang) -> &'static str {
    let strings = lang.strings();
    match kind {
        DateKind::Occurred => strings.date_kind_occurred,
        DateKind::Reported => strings.date_kind_reported,
        DateKind::UndatedSource => strings.date_kind_undated_source,
        DateKind::Planned => strings.date_kind_planned,
    }
}

/// The CSS class of a timeline marker for a kind of date (none for the
/// event's own date).
pub fn date_kind_class(kind: DateKind) -> Option<&'static str> {
    match kind {
        DateKind::Occurred => None,
        DateKind::Reported => Some("reported"),
        DateKind::UndatedSource => Some("undated"),
        DateKind::Planned => Some("planned"),
    }
}

/// A formatted date for a compact place (a tooltip, a table cell, a
/// marker's accessible name): alone when it is the event's own date,
/// else with its kind in parentheses.
pub fn dated(date: &str, kind: DateKind, lang: Lang) -> String {
    match kind {
        DateKind::Occurred => date.to_string(),
        _ => format!("{date} ({})", date_kind_label(kind, lang)),
    }
}

/// A date for a compact place, formatted here: [`dated`] of the date at
/// its precision ("9 juillet 2025 (date de l’article qui le rapporte)").
/// The marker's accessible name, the screen-reader announcement and the
/// charts' summaries use it, so none of them drops the kind.
pub fn short_date(date: &Date, kind: DateKind, fmt: &dyn Formatter) -> String {
    dated(&fmt.date(date), kind, fmt.lang())
}

/// A date inside parentheses (a range in a chart's summary): its kind
/// after a comma rather than in nested parentheses ("24 novembre 2025,
/// date du fait principal de l’article, non daté").
pub fn inline_date(date: &Date, kind: DateKind, fmt: &dyn Formatter) -> String {
    let date = fmt.date(date);
    match kind {
        DateKind::Occurred => date,
        _ => format!("{date}, {}", date_kind_label(kind, fmt.lang())),
    }
}

/// An event's date, with its kind and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct DateLine {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, for `<time datetime>`.
    pub iso: String,
    /// The date at its precision: "24 novembre 2025", "août 2026".
    pub date: String,
    pub kind: DateKind,
    /// [`date_kind_label`] of `kind`.
    pub kind_label: &'static str,
    /// How a derived deadline is computed, and the event's date note.
    pub notes: Vec<String>,
    pub lang: Lang,
}

impl DateLine {
    /// What follows the date in the detail panel and the static and print
    /// versions: the kind, then the notes, each a sentence ("Date du fait
    /// principal de l’article, non daté. Article non daté\u{202f}; …").
    pub fn notes_text(&self) -> String {
        let mut parts = vec![self.kind_label.to_string()];
        parts.extend(self.notes.iter().cloned());
        sentences(&parts)
    }

    /// The whole line: "24 novembre 2025 — date du fait principal…".
    pub fn full(&self) -> String {
        format!("{} — {}", self.date, self.notes_text())
    }

    /// The date for tooltips, tables and cards: alone when it is the
    /// event's own date, else with its kind in parentheses.
    pub fn short(&self) -> String {
        dated(&self.date, self.kind, self.lang)
    }
}

/// The date line of `event`.
pub fn date_line(dataset: &Dataset, event: &Event, fmt: &dyn Formatter) -> DateLine {
    let lang = fmt.lang();
    let strings = lang.strings();
    let mut notes = Vec::new();
    if let Some(derivation) = &event.derived {
        let base = dataset
            .event_idx(&derivation.from)
            .map(|idx| lang.pick(&dataset.events[idx].title).to_string())
            .unwrap_or_else(|| derivation.from.clone());
        let offset = if derivation.months > 0 && derivation.days == 0 {
            fill(strings.date_derived_months, derivation.months)
        } else if derivation.months > 0 {
            strings
                .date_derived_months_days
                .replace("{months}", &derivation.months.to_string())
                .replace("{days}", &derivation.days.to_string())
        } else {
            fill(strings.date_derived_days, derivation.days)
        };
        notes.push(format!("{offset} {}", quote(&base, lang).to_text()));
    }
    if let Some(note) = &event.date_note {
        let note = lang.pick(note).trim();
        if !note.is_empty() {
            notes.push(note.to_string());
        }
    }
    DateLine {
        iso: event.date.iso(),
        date: fmt.date(&event.date),
        kind: event.date_kind,
        kind_label: date_kind_label(event.date_kind, lang),
        notes,
        lang,
    }
}

/// The timeline's legend of markers: (marker classes, wording), shared by
/// the app and the loading state so both are the same height.
pub fn legend_items(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let strings = lang.strings();
    vec![
        ("single precision-day", strings.legend_day),
        ("single precision-month", strings.legend_month),
        ("single derived", strings.legend_derived),
        (
            "single precision-day reported",
            date_kind_label(DateKind::Reported, lang),
        ),
        (
            "single precision-day undated",
            date_kind_label(DateKind::UndatedSource, lang),
        ),
        (
            "single precision-day planned",
            date_kind_label(DateKind::Planned, lang),
        ),
        ("cluster", strings.legend_cluster),
    ]
}
