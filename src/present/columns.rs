//! One definition of each column of the data tables and the CSV/JSON
//! exports: its on-screen header, its export key, what a reader sees in a
//! cell and the raw value an export writes. The on-screen tables
//! (`charts::table`) and the exports (`charts::export`) both read these,
//! so a table and its download cannot disagree.

use serde_json::{json, Value};

use super::date::date_line;
use super::figure::{figure_lines, kind_label, qualifier_word, FigureLines};
use super::source::{citation, Citation};
use super::totals::{running_total, TotalBound};
use crate::data::{Dataset, Figure, SourceRef};
use crate::i18n::{Formatter, Lang};

/// A column of a figure table or export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    FigureId,
    InitiativeId,
    /// The initiative's short name.
    Initiative,
    /// The figure's kind: words on screen, code in exports.
    Kind,
    /// A dollar figure: "jusqu’à 50 Md$" on screen, dollars in exports.
    Amount,
    /// Any figure: "environ 1,3 GW" on screen, the number in exports.
    Value,
    /// The unit's code (exports).
    Unit,
    /// The qualifier's code (exports; on screen it is part of the value).
    Qualifier,
    /// The value exactly as the page shows it (exports).
    Shown,
    /// "sur 4 ans" on screen, the years in exports.
    Period,
    /// The amount per year, when the period is known.
    PerYear,
    EventId,
    /// The event's title and short date (the static figure table).
    Event,
    /// The short date on screen ("24 novembre 2025 (date du fait
    /// principal…)"), ISO in exports.
    Date,
    /// The date kind's code (exports).
    DateKind,
    /// The date exactly as the page shows it (exports).
    DateShown,
    /// What the figure measures.
    Label,
    /// Kind and period: "annoncé, sur 4 ans" (the static figure table).
    Facts,
    StatedBy,
    CommittedBy,
    /// The reservations: the article's wording, a doubt, an overlap.
    Notes,
    /// Who states, who commits and the reservations, in one cell (on screen).
    Precisions,
    /// The running total after this step (the cumulative chart).
    RunningTotal,
    /// Whether the cumulative chart adds the amount, and if not, why.
    Added,
    /// The first source on screen (with its quote under it), every source
    /// in exports (three CSV columns; objects in JSON).
    Sources,
}

/// The figure a row is about, and what its chart adds to it.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub dataset: &'a Dataset,
    pub figure_idx: usize,
    /// The running total after this figure and what it is (cumulative
    /// chart).
    pub running_total: Option<(f64, TotalBound)>,
    /// Why the cumulative chart does not add it (empty: it is added);
    /// `None` outside that chart.
    pub left_out: Option<&'a [String]>,
}

impl<'a> Row<'a> {
    pub fn new(dataset: &'a Dataset, figure_idx: usize) -> Row<'a> {
        Row {
            dataset,
            figure_idx,
            running_total: None,
            left_out: None,
        }
    }

    fn figure(&self) -> Option<&'a Figure> {
        self.dataset.figures.get(self.figure_idx)
    }
}

/// The CSV headers the sources expand to.
const SOURCE_KEYS: [&str; 3] = ["sources", "source_files_or_urls", "source_quotes"];

impl Column {
    /// The export key: the CSV header and the JSON field.
    pub fn key(self) -> &'static str {
        match self {
            Column::FigureId => "figure_id",
            Column::InitiativeId => "initiative_id",
            Column::Initiative => "initiative",
            Column::Kind => "kind",
            Column::Amount => "amount_usd",
            Column::Value => "value",
            Column::Unit => "unit",
            Column::Qualifier => "qualifier",
            Column::Shown => "shown_as",
            Column::Period => "period_years",
            Column::PerYear => "per_year_usd",
            Column::EventId => "event_id",
            Column::Event => "event",
            Column::Date => "event_date",
            Column::DateKind => "date_kind",
            Column::DateShown => "date_shown_as",
            Column::Label => "label",
            Column::Facts => "facts",
            Column::StatedBy => "stated_by",
            Column::CommittedBy => "committed_by",
            Column::Notes => "notes",
            Column::Precisions => "precisions",
            Column::RunningTotal => "cumulative_usd",
            Column::Added => "added_to_total",
            Column::Sources => "sources",
        }
    }

    /// The on-screen header.
    pub fn header(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Column::Initiative | Column::InitiativeId => s.chart_col_initiative,
            Column::Kind | Column::Facts => s.chart_col_kind,
            Column::Amount => s.chart_col_amount,
            Column::Value | Column::Shown | Column::Unit | Column::Qualifier => s.static_figure_col,
            Column::Period => s.chart_col_period,
            Column::PerYear => s.chart_col_per_year,
            Column::Event | Column::EventId | Column::FigureId => s.static_event_col,
            Column::Date | Column::DateKind | Column::DateShown => s.chart_col_date,
            Column::Label => s.static_what_col,
            Column::StatedBy => s.stated_by_label,
            Column::CommittedBy => s.committed_by_label,
            Column::Notes | Column::Precisions => s.chart_col_notes,
            Column::RunningTotal => s.chart_col_running_total,
            Column::Added => s.chart_col_added,
            Column::Sources => s.chart_col_source,
        }
    }

    /// What a reader sees in the cell.
    pub fn text(self, row: &Row, fmt: &dyn Formatter) -> String {
        let lang = fmt.lang();
        let dataset = row.dataset;
        let Some(figure) = row.figure() else {
            return String::new();
        };
        let lines = || figure_lines(dataset, row.figure_idx, fmt);
        let event = dataset.events.get(figure.event_idx);
        match self {
            Column::FigureId => figure.id.clone(),
            Column::InitiativeId => figure.initiative.clone().unwrap_or_default(),
            Column::Initiative => initiative_name(dataset, figure, lang),
            Column::Kind => kind_label(figure.kind, lang).to_string(),
            Column::Amount | Column::Value | Column::Shown => lines().value,
            Column::Unit => figure.unit.code().to_string(),
            Column::Qualifier => qualifier_word(figure.qualifier, lang)
                .unwrap_or_default()
                .to_string(),
            Column::Period => lines()
                .period
                .unwrap_or_else(|| lang.strings().chart_period_unknown.to_string()),
            Column::PerYear => lines().per_year.unwrap_or_else(|| "—".to_string()),
            Column::EventId => figure.event.clone(),
            Column::Event => event.map_or_else(String::new, |event| {
                format!(
                    "{} ({})",
                    lang.pick(&event.title),
                    date_line(dataset, event, fmt).short()
                )
            }),
            Column::Date | Column::DateShown => event
                .map(|event| date_line(dataset, event, fmt).short())
                .unwrap_or_default(),
            Column::DateKind => event
                .map(|event| date_line(dataset, event, fmt).kind_label.to_string())
                .unwrap_or_default(),
            Column::Label => lang.pick(&figure.label).to_string(),
            Column::Facts => lines().facts(),
            Column::StatedBy => lines().stated_by.join(", "),
            Column::CommittedBy => lines().committed_by.join(", "),
            Column::Notes => lines().notes_text(),
            Column::Precisions => lines().precisions(lang),
            Column::RunningTotal => row
                .running_total
                .map(|(total, bound)| running_total(total, bound, fmt))
                .unwrap_or_default(),
            Column::Added => added_text(row.left_out, lang),
            Column::Sources => figure
                .sources
                .first()
                .map(|source| citation(dataset, source, fmt).reference())
                .unwrap_or_default(),
        }
    }

    /// The raw value an export writes: numbers as numbers, codes, ids,
    /// the reader's-language words where there are no codes.
    pub fn raw(self, row: &Row, fmt: &dyn Formatter) -> Value {
        let lang = fmt.lang();
        let dataset = row.dataset;
        let Some(figure) = row.figure() else {
            return Value::Null;
        };
        let names = |ids: &[String]| -> Value {
            Value::Array(
                ids.iter()
                    .map(|id| json!({"id": id, "name": dataset.actor_name(id, lang)}))
                    .collect(),
            )
        };
        let period_years = figure
            .period
            .map(|p| p.years)
            .filter(|years| years.is_finite() && *years > 0.0);
        match self {
            Column::FigureId => json!(figure.id),
            Column::InitiativeId => json!(figure.initiative),
            Column::Amount | Column::Value => json!(figure.value),
            Column::Unit => json!(figure.unit.code()),
            Column::Kind => json!(figure.kind.code()),
            Column::Qualifier => json!(figure.qualifier.code()),
            Column::Period => json!(period_years),
            Column::PerYear => json!(period_years
                .filter(|_| figure.unit.is_money())
                .map(|years| figure.value / years)),
            Column::EventId => json!(figure.event),
            Column::Date => json!(dataset.events.get(figure.event_idx).map(|e| e.date.iso())),
            Column::DateKind => json!(dataset
                .events
                .get(figure.event_idx)
                .map(|e| e.date_kind.code())),
            Column::StatedBy => names(&figure.stated_by),
            Column::CommittedBy => names(&figure.committed_by),
            Column::Notes => json!(figure_lines(dataset, row.figure_idx, fmt).notes),
            Column::RunningTotal => json!(row.running_total.map(|(total, _)| total)),
            Column::Added => match row.left_out {
                Some([]) => json!(true),
                Some(reasons) => json!({"added": false, "why_not": reasons}),
                None => Value::Null,
            },
            Column::Sources => Value::Array(
                figure
                    .sources
                    .iter()
                    .map(|source| source_object(dataset, source, fmt))
                    .collect(),
            ),
            Column::Initiative
            | Column::Shown
            | Column::Event
            | Column::DateShown
            | Column::Label
            | Column::Facts
            | Column::Precisions => json!(self.text(row, fmt)),
        }
    }

    /// The CSV headers of this column (the sources take three).
    pub fn csv_headers(self) -> Vec<&'static str> {
        match self {
            Column::Sources => SOURCE_KEYS.to_vec(),
            _ => vec![self.key()],
        }
    }

    /// The CSV fields of this column: the raw value written out (numbers
    /// without exponent, lists joined with " | "); the sources as their
    /// citations, their files or addresses, and their verbatim quotes.
    pub fn csv_fields(self, row: &Row, fmt: &dyn Formatter) -> Vec<String> {
        match self {
            Column::Sources => {
                let Some(figure) = row.figure() else {
                    return vec![String::new(); 3];
                };
                let cited: Vec<Citation> = figure
                    .sources
                    .iter()
                    .map(|source| citation(row.dataset, source, fmt))
                    .collect();
                let join = |parts: Vec<String>| {
                    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
                    parts.join(" | ")
                };
                vec![
                    join(cited.iter().map(Citation::reference).collect()),
                    join(cited.iter().map(Citation::location).collect()),
                    join(
                        figure
                            .sources
                            .iter()
                            .map(|s| s.quote.clone().unwrap_or_default())
                            .collect(),
                    ),
                ]
            }
            Column::Added => vec![match row.left_out {
                Some([]) => "true".to_string(),
                Some(reasons) => reasons.join(" | "),
                None => String::new(),
            }],
            _ => vec![flatten(&self.raw(row, fmt))],
        }
    }
}

/// A source in a JSON export: the citation as shown, and the fields of
/// the file (the quote verbatim).
pub fn source_object(dataset: &Dataset, source: &SourceRef, fmt: &dyn Formatter) -> Value {
    let cited = citation(dataset, source, fmt);
    json!({
        "citation": cited.reference(),
        "seed": source.seed,
        "quote": source.quote,
        "url": source.url,
        "publisher": source.publisher,
        "note": cited.note(),
    })
}

/// "oui" or why not.
fn added_text(left_out: Option<&[String]>, lang: Lang) -> String {
    match left_out {
        Some([]) => lang.strings().chart_added_yes.to_string(),
        Some(reasons) => super::text::join_notes(reasons, lang),
        None => String::new(),
    }
}

/// The initiative's name without a trailing amount in parentheses.
fn initiative_name(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let idx = figure
        .initiative
        .as_deref()
        .and_then(|id| dataset.initiatives.iter().position(|i| i.id == id));
    super::figure::initiative_label(dataset, idx, lang)
}

/// A JSON value as one CSV field.
fn flatten(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.as_f64().map(raw_number).unwrap_or_else(|| n.to_string()),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Object(object) => object
                    .get("name")
                    .or_else(|| object.get("id"))
                    .map(flatten)
                    .unwrap_or_default(),
                other => flatten(other),
            })
            .collect::<Vec<_>>()
            .join(" | "),
        Value::Object(_) => value.to_string(),
    }
}

/// A number as written in data files: no exponent, no trailing ".0".
pub fn raw_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The lines of the figure a row is about (for a table's quote).
pub fn row_lines(row: &Row, fmt: &dyn Formatter) -> FigureLines {
    figure_lines(row.dataset, row.figure_idx, fmt)
}

/// The first source's citation (for the quote under a table's source).
pub fn first_citation(row: &Row, fmt: &dyn Formatter) -> Option<Citation> {
    let figure = row.figure()?;
    let source = figure.sources.first()?;
    Some(citation(row.dataset, source, fmt))
}
