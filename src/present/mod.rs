//! The presentation layer: what a reader sees of an event, a figure, a
//! date, a source or a qualifier, in each language. The detail panel, the
//! static and print HTML, the chart tooltips, the data tables, the
//! key-figure cards and the CSV/JSON exports all call these functions, so
//! "jusqu’à 50 Md$" / "up to $50bn" reads the same everywhere.
//!
//! Code map: [`text`] (quotation marks and separators per language),
//! [`date`] (a date with its kind), [`figure`] (value with qualifier,
//! kind, period, who states and who commits, reservations), [`source`]
//! (citations), [`event`] (an event's lines), [`columns`] (one definition
//! of each table and export column).
//!
//! Architecture Invariant: no `leptos`, no `web_sys`; pure functions of
//! the dataset and a [`Formatter`] (its language, and its digits and
//! dates: `Intl` in the browser, the plain formatter on the host, under
//! the same rules).
//!
//! [`Formatter`]: crate::i18n::Formatter

pub mod columns;
pub mod date;
pub mod event;
pub mod figure;
pub mod source;
pub mod text;
pub mod totals;

pub use columns::{Column, Row};
pub use date::{
    date_kind_class, date_kind_label, date_line, dated, inline_date, legend_items, short_date,
    DateLine,
};
pub use event::{event_lines, EventLines};
pub use figure::{
    amount, amount_per_year, axis_amount, count, exact_amount, figure_lines, figure_notes,
    figure_value, initiative_label, kind_label, no_period_amount, period_text, qualified,
    qualifier_word, share_of, FigureLines,
};
pub use source::{citation, Citation, PublicCitation, SeedCitation};
pub use text::{capitalised, join_names, join_notes, labelled, quote, sentences, Quoted};
pub use totals::{
    reasons_text, running_total, total_amount, total_bound, total_label, Reason, TotalBound,
};

#[cfg(test)]
mod tests;
