//! Our own format as a spreadsheet (issue 18): one sheet, one row per
//! item, the `type` column saying what the row is. Journalists fill it in
//! a spreadsheet and export it as CSV (`www/data/template.csv` is the
//! template); the app's file picker and `cargo xtask import` read it like
//! the JSON, with the same validation and the same messages, placed on a
//! row and a column (`rows[7]["quote"]`).
//!
//! Row types and what their columns hold:
//! - `dataset`: `title_*` the title, `text_*` the description;
//! - `story`: `title_*` and `text_*` of the story's first screen; `step`:
//!   `event`, one row per step, in order;
//! - `document`: `id` the seed file name, `title_fr` its headline, `date`
//!   its publication date;
//! - `track`, `initiative`, `actor`: `id`, `title_*` (label, name),
//!   `text_*` (description, role), `kind` (an actor's kind);
//! - `event`: `id`, `date`, `date_kind`, `date_note_*`, `title_*`,
//!   `text_*` (the summary), `per_article`, `track`, `initiative`,
//!   `actors` (ids separated by `;`), `derived_*`, `media_*`;
//! - `figure`: `id`, `value`, `unit`, `kind`, `qualifier`, `approximate`,
//!   `title_*` (the label), `period_*`, `stated_by`, `committed_by`,
//!   `per_article`, `doubt_*`, `overlaps`, `initiative`, `event`;
//! - `source`: the source of the `figure` it names, or else of the
//!   `event`: `seed`, `quote`, `url`, `publisher`, `note_*`.
//!
//! [`to_csv`] writes a dataset in this shape; reading it back gives the
//! same dataset (tested on the bundled file and the fixtures).

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::csv::{self, Record};
use super::model::{
    Actor, ActorKind, Document, Initiative, RawDataset, RawEvent, RawFigure, SourceRef, Story,
    Text, Track,
};
use super::problem::{CellExpect, Problem, ProblemKind, RefKind, Unmapped};
use super::timelinejs::Imported;
use super::validate;

/// The template's columns, in order.
pub const COLUMNS: [&str; 41] = [
    "type",
    "id",
    "date",
    "date_kind",
    "title_fr",
    "title_en",
    "text_fr",
    "text_en",
    "date_note_fr",
    "date_note_en",
    "per_article",
    "track",
    "initiative",
    "actors",
    "kind",
    "value",
    "unit",
    "qualifier",
    "approximate",
    "period_years",
    "period_start_year",
    "stated_by",
    "committed_by",
    "doubt_fr",
    "doubt_en",
    "overlaps",
    "event",
    "figure",
    "seed",
    "quote",
    "url",
    "publisher",
    "note_fr",
    "note_en",
    "derived_from",
    "derived_days",
    "derived_months",
    "media_url",
    "media_caption_fr",
    "media_caption_en",
    "media_credit",
];

/// The columns a template file must have.
pub const REQUIRED_COLUMNS: [&str; 2] = ["type", "id"];

/// The values of the `type` column.
pub const ROW_TYPES: &[&str] = &[
    "dataset",
    "story",
    "step",
    "document",
    "track",
    "initiative",
    "actor",
    "event",
    "figure",
    "source",
];

pub const DATE_KINDS: &[&str] = &["occurred", "reported", "undated_source", "planned"];
pub const ACTOR_KINDS: &[&str] = &[
    "company",
    "agency",
    "person",
    "government",
    "laboratory",
    "other",
];
pub const UNITS: &[&str] = &[
    "usd",
    "gigawatts",
    "homes",
    "laboratories",
    "organisations",
    "agencies",
    "challenges",
    "days",
    "months",
    "years",
    "percent",
];
pub const FIGURE_KINDS: &[&str] = &[
    "announced",
    "first_tranche",
    "claimed_secured",
    "planned_spending",
    "campaign_spending",
    "capacity",
    "count",
    "deadline",
    "share",
    "target",
    "floated",
];
pub const QUALIFIERS: &[&str] = &["exact", "up_to", "at_least", "about", "less_than"];

/// Separates the ids of a list cell (`actors`, `stated_by`, `committed_by`).
const LIST_SEPARATOR: char = ';';

/// True when the first line is the header of our template: `type` first,
/// then other columns of the template.
pub fn looks_like_template(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    let columns: Vec<&str> = first_line
        .split(',')
        .map(|c| c.trim().trim_matches('"').trim())
        .collect();
    columns.first() == Some(&"type") && columns[1..].iter().any(|c| COLUMNS.contains(c))
}

// ---------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------

/// One row being written: a cell per column.
struct RowOut(Vec<String>);

impl RowOut {
    fn new(row_type: &str) -> RowOut {
        let mut row = RowOut(vec![String::new(); COLUMNS.len()]);
        row.set("type", row_type);
        row
    }

    fn set(&mut self, column: &str, value: impl Into<String>) {
        if let Some(i) = COLUMNS.iter().position(|c| *c == column) {
            self.0[i] = value.into();
        }
    }

    fn text(&mut self, prefix: &str, text: &Text) {
        self.set(&format!("{prefix}_fr"), text.fr.clone());
        self.set(&format!("{prefix}_en"), text.en.clone());
    }

    fn opt_text(&mut self, prefix: &str, text: &Option<Text>) {
        if let Some(text) = text {
            self.text(prefix, text);
        }
    }
}

/// Writes a dataset as a template sheet. An event or figure that does not
/// have the shape of one is an error with its path (nothing is left out
/// silently).
pub fn to_csv(raw: &RawDataset) -> Result<String, Problem> {
    let mut rows = Vec::new();
    let mut dataset = RowOut::new("dataset");
    dataset.text("title", &raw.title);
    dataset.text("text", &raw.description);
    rows.push(dataset);
    if let Some(story) = &raw.story {
        let mut row = RowOut::new("story");
        row.text("title", &story.intro.title);
        row.text("text", &story.intro.text);
        rows.push(row);
        for step in &story.steps {
            let mut row = RowOut::new("step");
            row.set("event", step.clone());
            rows.push(row);
        }
    }
    for document in &raw.documents {
        let mut row = RowOut::new("document");
        row.set("id", document.file.clone());
        row.set("title_fr", document.title.clone());
        row.set("date", document.published.clone().unwrap_or_default());
        rows.push(row);
    }
    for track in &raw.tracks {
        let mut row = RowOut::new("track");
        row.set("id", track.id.clone());
        row.text("title", &track.label);
        rows.push(row);
    }
    for initiative in &raw.initiatives {
        let mut row = RowOut::new("initiative");
        row.set("id", initiative.id.clone());
        row.text("title", &initiative.label);
        row.text("text", &initiative.description);
        rows.push(row);
    }
    for actor in &raw.actors {
        let mut row = RowOut::new("actor");
        row.set("id", actor.id.clone());
        row.text("title", &actor.name);
        row.set("kind", code(&actor.kind));
        row.text("text", &actor.role);
        rows.push(row);
    }
    for (i, value) in raw.events.iter().enumerate() {
        let event: RawEvent = typed(value, &format!("events[{i}]"))?;
        let mut row = RowOut::new("event");
        row.set("id", event.id.clone());
        row.set("date", event.date.clone());
        row.set("date_kind", event.date_kind.code());
        row.opt_text("date_note", &event.date_note);
        row.text("title", &event.title);
        row.text("text", &event.summary);
        row.set("per_article", yes_no(event.per_article));
        row.set("track", event.track.clone());
        row.set("initiative", event.initiative.clone().unwrap_or_default());
        row.set("actors", list(&event.actors));
        if let Some(derived) = &event.derived {
            row.set("derived_from", derived.from.clone());
            row.set("derived_days", nonzero(derived.days));
            row.set("derived_months", nonzero(derived.months));
        }
        if let Some(media) = &event.media {
            row.set("media_url", media.url.clone());
            row.opt_text("media_caption", &media.caption);
            row.set("media_credit", media.credit.clone().unwrap_or_default());
        }
        rows.push(row);
        for source in &event.sources {
            rows.push(source_row("event", &event.id, source));
        }
    }
    for (i, value) in raw.figures.iter().enumerate() {
        let figure: RawFigure = typed(value, &format!("figures[{i}]"))?;
        let mut row = RowOut::new("figure");
        row.set("id", figure.id.clone());
        row.set("value", figure.value.to_string());
        row.set("unit", figure.unit.code());
        row.set("kind", figure.kind.code());
        row.set(
            "qualifier",
            figure.qualifier.map(|q| q.code()).unwrap_or(""),
        );
        row.set(
            "approximate",
            figure.approximate.map(yes_no).unwrap_or_default(),
        );
        row.text("title", &figure.label);
        if let Some(period) = &figure.period {
            row.set("period_years", period.years.to_string());
            row.set(
                "period_start_year",
                period.start_year.map(|y| y.to_string()).unwrap_or_default(),
            );
        }
        row.set("stated_by", list(&figure.stated_by));
        row.set("committed_by", list(&figure.committed_by));
        row.set("per_article", yes_no(figure.per_article));
        row.opt_text("doubt", &figure.doubt);
        row.set("overlaps", figure.overlaps.clone().unwrap_or_default());
        row.set("initiative", figure.initiative.clone().unwrap_or_default());
        row.set("event", figure.event.clone());
        rows.push(row);
        for source in &figure.sources {
            rows.push(source_row("figure", &figure.id, source));
        }
    }

    let mut out = String::new();
    write_record(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for row in rows {
        write_record(&mut out, row.0.into_iter());
    }
    Ok(out)
}

/// Where the template is, from the project's root (Trunk copies it into
/// `dist/data/`).
pub const TEMPLATE_PATH: &str = "www/data/template.csv";

/// The template: every column, and as example rows one figure of `raw`
/// with its event, their sources, and the documents, track, initiatives
/// and actors they name (real rows of the dataset, not invented ones).
pub fn example(raw: &RawDataset) -> Result<String, Problem> {
    let figure = raw
        .figures
        .iter()
        .filter_map(|f| RawFigure::deserialize(f).ok())
        .find(|f| !f.sources.is_empty() && f.overlaps.is_none());
    let Some(figure) = figure else {
        return Err(Problem::error("figures", ProblemKind::NoEvents));
    };
    let event = raw
        .events
        .iter()
        .filter_map(|e| RawEvent::deserialize(e).ok())
        .find(|e| e.id == figure.event);
    let Some(event) = event else {
        return Err(Problem::error(
            "figures",
            ProblemKind::UnknownReference {
                what: RefKind::Event,
                id: figure.event.clone(),
            },
        ));
    };
    let seeds: Vec<&str> = event
        .sources
        .iter()
        .chain(&figure.sources)
        .filter_map(|s| s.seed.as_deref())
        .collect();
    let actors: Vec<&String> = event
        .actors
        .iter()
        .chain(&figure.stated_by)
        .chain(&figure.committed_by)
        .collect();
    let initiatives = [event.initiative.as_ref(), figure.initiative.as_ref()];
    let example = RawDataset {
        schema: None,
        title: raw.title.clone(),
        description: raw.description.clone(),
        documents: raw
            .documents
            .iter()
            .filter(|d| seeds.contains(&d.file.as_str()))
            .cloned()
            .collect(),
        tracks: raw
            .tracks
            .iter()
            .filter(|t| t.id == event.track)
            .cloned()
            .collect(),
        initiatives: raw
            .initiatives
            .iter()
            .filter(|i| initiatives.contains(&Some(&i.id)))
            .cloned()
            .collect(),
        actors: raw
            .actors
            .iter()
            .filter(|a| actors.contains(&&a.id))
            .cloned()
            .collect(),
        events: to_value(&event).into_iter().collect(),
        figures: to_value(&figure).into_iter().collect(),
        story: None,
    };
    to_csv(&example)
}

fn to_value<T: serde::Serialize>(item: &T) -> Option<Value> {
    serde_json::to_value(item).ok()
}

fn source_row(parent_column: &str, parent_id: &str, source: &SourceRef) -> RowOut {
    let mut row = RowOut::new("source");
    row.set(parent_column, parent_id);
    row.set("seed", source.seed.clone().unwrap_or_default());
    row.set("quote", source.quote.clone().unwrap_or_default());
    row.set("url", source.url.clone().unwrap_or_default());
    row.set("publisher", source.publisher.clone().unwrap_or_default());
    row.opt_text("note", &source.note);
    row
}

fn typed<T: DeserializeOwned>(value: &Value, path: &str) -> Result<T, Problem> {
    T::deserialize(value).map_err(|err| Problem::error(path, super::shape::kind_of(&err)))
}

/// The name an enum value has in the file (`"person"`).
fn code<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(code)) => code,
        _ => String::new(),
    }
}

fn yes_no(value: bool) -> String {
    if value { "true" } else { "false" }.to_string()
}

fn nonzero(n: u32) -> String {
    if n == 0 {
        String::new()
    } else {
        n.to_string()
    }
}

fn list(ids: &[String]) -> String {
    ids.join(&format!("{LIST_SEPARATOR} "))
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`: a BC
/// date `-0043-03-15` too) is written after an apostrophe, which
/// spreadsheets take as "this is text" and the reader removes.
fn write_record(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{cell}")
        } else {
            cell
        };
        let needs_quotes = cell.contains([',', '"', '\n', '\r'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

// ---------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------

/// A spreadsheet row: its number as the spreadsheet shows it (the header
/// is row 1), its line, and where each of its cells is.
#[derive(Debug, Clone)]
struct RowPlace {
    row_number: usize,
    line: usize,
    cells: HashMap<&'static str, (usize, usize)>,
}

impl RowPlace {
    fn path(&self, column: &str) -> String {
        format!("rows[{}][\"{column}\"]", self.row_number)
    }

    /// A problem on `column` of this row (or on the row when the sheet has
    /// no such column).
    fn problem(&self, column: &str, mut problem: Problem) -> Problem {
        self.place(column, &mut problem);
        problem
    }

    fn place(&self, column: &str, problem: &mut Problem) {
        match self.cells.get(column) {
            Some(&(line, col)) => {
                problem.path = self.path(column);
                (problem.line, problem.column) = (Some(line), Some(col));
            }
            None => {
                problem.path = format!("rows[{}]", self.row_number);
                (problem.line, problem.column) = (Some(self.line), Some(1));
            }
        }
    }
}

/// One row being read. Its helpers are called at some sixty places: they
/// are kept out of line (`#[inline(never)]`), which keeps the reader small
/// in the data tools' wasm chunk.
struct RowIn<'a> {
    record: &'a Record,
    columns: &'a [Option<&'static str>],
    place: RowPlace,
}

impl RowIn<'_> {
    /// The cell's text, trimmed, without the apostrophe that keeps a
    /// spreadsheet from reading it as a formula.
    #[inline(never)]
    fn get(&self, column: &str) -> String {
        let Some(i) = self.columns.iter().position(|c| *c == Some(column)) else {
            return String::new();
        };
        let text = self
            .record
            .fields
            .get(i)
            .map(|f| f.text.trim())
            .unwrap_or_default();
        match text.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
            _ => text.to_string(),
        }
    }

    #[inline(never)]
    fn opt(&self, column: &str) -> Option<String> {
        Some(self.get(column)).filter(|t| !t.is_empty())
    }

    #[inline(never)]
    fn text(&self, prefix: &str) -> Text {
        Text {
            fr: self.get(&format!("{prefix}_fr")),
            en: self.get(&format!("{prefix}_en")),
        }
    }

    #[inline(never)]
    fn opt_text(&self, prefix: &str) -> Option<Text> {
        Some(self.text(prefix)).filter(|t| !t.fr.is_empty() || !t.en.is_empty())
    }

    #[inline(never)]
    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .split(LIST_SEPARATOR)
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[inline(never)]
    fn bad(&self, column: &str, expected: CellExpect) -> Problem {
        let kind = ProblemKind::TemplateBadCell {
            value: self.get(column),
            expected,
        };
        self.place.problem(column, Problem::error("", kind))
    }

    /// One of `codes` (empty: `None`).
    #[inline(never)]
    fn choice(
        &self,
        column: &str,
        codes: &'static [&'static str],
    ) -> Result<Option<String>, Problem> {
        let text = self.get(column);
        if text.is_empty() {
            return Ok(None);
        }
        if codes.contains(&text.as_str()) {
            Ok(Some(text))
        } else {
            Err(self.bad(column, CellExpect::OneOf(codes)))
        }
    }

    #[inline(never)]
    fn number(&self, column: &str) -> Result<Option<f64>, Problem> {
        let text = self.get(column);
        if text.is_empty() {
            return Ok(None);
        }
        parse_number(&text)
            .map(Some)
            .ok_or_else(|| self.bad(column, CellExpect::Number))
    }

    #[inline(never)]
    fn whole<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, Problem> {
        let text = self.get(column);
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|_| self.bad(column, CellExpect::WholeNumber))
    }

    #[inline(never)]
    fn yes_no(&self, column: &str) -> Result<Option<bool>, Problem> {
        let text = self.get(column).to_ascii_lowercase();
        match text.as_str() {
            "" => Ok(None),
            "true" | "yes" | "oui" | "vrai" | "1" | "x" => Ok(Some(true)),
            "false" | "no" | "non" | "faux" | "0" => Ok(Some(false)),
            _ => Err(self.bad(column, CellExpect::YesNo)),
        }
    }
}

/// A number as a spreadsheet may write it: `500000000000`, `2.5`, `2,5`,
/// `500 000`.
fn parse_number(text: &str) -> Option<f64> {
    let mut text: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if !text.contains('.') && text.matches(',').count() == 1 {
        text = text.replace(',', ".");
    }
    // serde_json's number reader, which the app already has: Rust's own
    // (`str::parse::<f64>`) would add some 20 KB of tables and code to the
    // data tools' wasm chunk.
    serde_json::from_str::<f64>(&text)
        .ok()
        .filter(|v| v.is_finite())
}

/// Where each item of the converted dataset comes from, by its JSON path
/// prefix (`events[3]`, `events[3].sources[1]`, `title`, `story.steps[2]`).
type Places = HashMap<String, RowPlace>;

/// Reads a template sheet: the dataset it holds, and every problem (of the
/// sheet and of the validation) on its row and column.
pub fn from_csv(text: &str) -> Imported {
    let (records, unclosed) = csv::parse(text);
    let mut problems = Vec::new();
    if let Some((line, column)) = unclosed {
        let mut problem = Problem::error("", ProblemKind::CsvUnclosedQuote);
        (problem.line, problem.column) = (Some(line), Some(column));
        problems.push(problem);
    }
    let Some((raw, places)) = read_rows(&records, &mut problems) else {
        return Imported {
            problems,
            ..Imported::default()
        };
    };
    let (dataset, validation_problems) = validate::validate(raw.clone());
    for mut problem in validation_problems {
        place(&places, &mut problem);
        problems.push(problem);
    }
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
    Imported {
        raw,
        dataset,
        problems,
    }
}

/// The dataset the rows hold, and where each item comes from; `None` when
/// the sheet has no header with the required columns.
fn read_rows(records: &[Record], problems: &mut Vec<Problem>) -> Option<(RawDataset, Places)> {
    // Spreadsheet rows are numbered from 1, blank ones included.
    let mut records = records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .map(|(i, r)| (i + 1, r));
    let Some((header_row, header)) = records.next() else {
        problems.push(Problem::error("", ProblemKind::EmptyFile));
        return None;
    };
    let names: Vec<&str> = header.fields.iter().map(|f| f.text.trim()).collect();
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .into_iter()
        .filter(|c| !names.contains(c))
        .collect();
    if !missing.is_empty() {
        let mut problem = Problem::error(
            format!("rows[{header_row}]"),
            ProblemKind::TemplateMissingColumns {
                columns: missing.join(", "),
            },
        );
        (problem.line, problem.column) = (Some(header.line), Some(1));
        problems.push(problem);
        return None;
    }
    let mut columns = Vec::new();
    for (field, name) in header.fields.iter().zip(&names) {
        let known = COLUMNS.iter().find(|c| **c == *name).copied();
        // A second column of the same name is not read: say so.
        let known = known.filter(|k| !columns.contains(&Some(*k)));
        if known.is_none() && !name.is_empty() {
            let mut problem = Problem::warning(
                format!("rows[{header_row}][\"{name}\"]"),
                ProblemKind::NotMapped {
                    feature: Unmapped::UnknownField,
                    value: name.to_string(),
                },
            );
            (problem.line, problem.column) = (Some(field.line), Some(field.column));
            problems.push(problem);
        }
        columns.push(known);
    }

    let mut reader = Reader::default();
    for (row_number, record) in records {
        let cells = columns
            .iter()
            .zip(&record.fields)
            .filter_map(|(column, field)| Some(((*column)?, (field.line, field.column))))
            .collect();
        let row = RowIn {
            record,
            columns: &columns,
            place: RowPlace {
                row_number,
                line: record.line,
                cells,
            },
        };
        if let Err(problem) = reader.row(&row) {
            problems.push(problem);
        }
    }
    Some(reader.finish(problems))
}

/// A source row and what it names.
struct PendingSource {
    source: Map<String, Value>,
    place: RowPlace,
    figure: Option<String>,
    event: Option<String>,
    /// How many figures and events the rows above it gave: a source goes
    /// to the nearest item above it with its id (ids may be duplicated in
    /// a sheet being written), or else to the first one below.
    n_figures_above: usize,
    n_events_above: usize,
}

/// The dataset being read, row by row.
#[derive(Default)]
struct Reader {
    raw: RawDataset,
    places: Places,
    dataset_seen: bool,
    /// Events and figures as the JSON file has them: validation reads
    /// them as it reads the JSON (no second model of them here).
    events: Vec<Map<String, Value>>,
    figures: Vec<Map<String, Value>>,
    /// Source rows, read once every event and figure is known.
    sources: Vec<PendingSource>,
}

impl Reader {
    fn row(&mut self, row: &RowIn) -> Result<(), Problem> {
        let row_type = row.get("type");
        let place = row.place.clone();
        match row_type.as_str() {
            "dataset" | "story" if self.has_seen(&row_type) => {
                return Err(row.place.problem(
                    "type",
                    Problem::warning("", ProblemKind::DuplicateId { id: row_type }),
                ));
            }
            "dataset" => {
                self.dataset_seen = true;
                self.raw.title = row.text("title");
                self.raw.description = row.text("text");
                self.places.insert("title".into(), place.clone());
                self.places.insert("description".into(), place);
            }
            "story" => {
                let story = self.raw.story.get_or_insert_with(Story::default);
                story.intro.title = row.text("title");
                story.intro.text = row.text("text");
                self.places.insert("story.intro".into(), place);
            }
            "step" => {
                let story = self.raw.story.get_or_insert_with(Story::default);
                self.places
                    .insert(format!("story.steps[{}]", story.steps.len()), place);
                story.steps.push(row.get("event"));
            }
            "document" => {
                let path = format!("documents[{}]", self.raw.documents.len());
                self.places.insert(path, place);
                self.raw.documents.push(Document {
                    file: row.get("id"),
                    title: row.get("title_fr"),
                    published: row.opt("date"),
                });
            }
            "track" => {
                let path = format!("tracks[{}]", self.raw.tracks.len());
                self.places.insert(path, place);
                self.raw.tracks.push(Track {
                    id: row.get("id"),
                    label: row.text("title"),
                });
            }
            "initiative" => {
                let path = format!("initiatives[{}]", self.raw.initiatives.len());
                self.places.insert(path, place);
                self.raw.initiatives.push(Initiative {
                    id: row.get("id"),
                    label: row.text("title"),
                    description: row.text("text"),
                });
            }
            "actor" => {
                let mut name = row.text("title");
                // A proper name is the same in both languages.
                if name.en.is_empty() {
                    name.en = name.fr.clone();
                }
                let actor = Actor {
                    id: row.get("id"),
                    name,
                    kind: actor_kind(row.choice("kind", ACTOR_KINDS)?.as_deref()),
                    role: row.text("text"),
                };
                let path = format!("actors[{}]", self.raw.actors.len());
                self.places.insert(path, place);
                self.raw.actors.push(actor);
            }
            "event" => {
                let event = read_event(row)?;
                self.places
                    .insert(format!("events[{}]", self.events.len()), place);
                self.events.push(event);
            }
            "figure" => {
                let figure = read_figure(row)?;
                self.places
                    .insert(format!("figures[{}]", self.figures.len()), place);
                self.figures.push(figure);
            }
            "source" => {
                let source = source_object(row);
                self.sources.push(PendingSource {
                    source,
                    place,
                    figure: row.opt("figure"),
                    event: row.opt("event"),
                    n_figures_above: self.figures.len(),
                    n_events_above: self.events.len(),
                });
            }
            _ => {
                let kind = ProblemKind::TemplateRowType { value: row_type };
                return Err(row.place.problem("type", Problem::error("", kind)));
            }
        }
        Ok(())
    }

    fn has_seen(&self, row_type: &str) -> bool {
        match row_type {
            "dataset" => self.dataset_seen,
            _ => self.places.contains_key("story.intro"),
        }
    }

    /// Attaches the sources to their figure or event and gives the
    /// dataset and the places of its items.
    fn finish(mut self, problems: &mut Vec<Problem>) -> (RawDataset, Places) {
        let event_idx = indices(self.events.iter().map(id_of));
        let figure_idx = indices(self.figures.iter().map(id_of));
        for pending in std::mem::take(&mut self.sources) {
            let PendingSource { source, place, .. } = pending;
            let (list, idx, column, what, id) = match (pending.figure, pending.event) {
                (Some(id), _) => {
                    let idx = nearest(&figure_idx, &id, pending.n_figures_above);
                    ("figures", idx, "figure", RefKind::Figure, id)
                }
                (None, Some(id)) => {
                    let idx = nearest(&event_idx, &id, pending.n_events_above);
                    ("events", idx, "event", RefKind::Event, id)
                }
                (None, None) => {
                    let problem = Problem::error("", ProblemKind::TemplateSourceWithoutParent);
                    problems.push(place.problem("event", problem));
                    continue;
                }
            };
            let Some(i) = idx else {
                let kind = ProblemKind::UnknownReference { what, id };
                problems.push(place.problem(column, Problem::error("", kind)));
                continue;
            };
            let item = if list == "figures" {
                &mut self.figures[i]
            } else {
                &mut self.events[i]
            };
            let sources = item
                .entry("sources")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(sources) = sources {
                self.places
                    .insert(format!("{list}[{i}].sources[{}]", sources.len()), place);
                sources.push(Value::Object(source));
            }
        }
        self.raw.events = self.events.into_iter().map(Value::Object).collect();
        self.raw.figures = self.figures.into_iter().map(Value::Object).collect();
        (self.raw, self.places)
    }
}

fn id_of(item: &Map<String, Value>) -> &str {
    item.get("id").and_then(Value::as_str).unwrap_or_default()
}

fn actor_kind(code: Option<&str>) -> ActorKind {
    match code {
        Some("company") => ActorKind::Company,
        Some("agency") => ActorKind::Agency,
        Some("person") => ActorKind::Person,
        Some("government") => ActorKind::Government,
        Some("laboratory") => ActorKind::Laboratory,
        _ => ActorKind::Other,
    }
}

/// A JSON object being built from a row.
#[derive(Default)]
struct Object(Map<String, Value>);

impl Object {
    #[inline(never)]
    fn put(&mut self, key: &str, value: Value) {
        self.0.insert(key.to_string(), value);
    }

    #[inline(never)]
    fn string(&mut self, key: &str, value: String) {
        self.put(key, Value::String(value));
    }

    #[inline(never)]
    fn opt(&mut self, key: &str, value: Option<String>) {
        if let Some(value) = value {
            self.string(key, value);
        }
    }

    #[inline(never)]
    fn text(&mut self, key: &str, text: Text) {
        let mut object = Object::default();
        object.string("fr", text.fr);
        object.string("en", text.en);
        self.put(key, Value::Object(object.0));
    }

    #[inline(never)]
    fn opt_text(&mut self, key: &str, text: Option<Text>) {
        if let Some(text) = text {
            self.text(key, text);
        }
    }

    #[inline(never)]
    fn list(&mut self, key: &str, ids: Vec<String>) {
        self.put(
            key,
            Value::Array(ids.into_iter().map(Value::String).collect()),
        );
    }

    #[inline(never)]
    fn number(&mut self, key: &str, value: f64) {
        // Finite by `parse_number`: never `None`.
        if let Some(number) = serde_json::Number::from_f64(value) {
            self.put(key, Value::Number(number));
        }
    }
}

fn source_object(row: &RowIn) -> Map<String, Value> {
    let mut source = Object::default();
    source.opt("seed", row.opt("seed"));
    source.opt("quote", row.opt("quote"));
    source.opt("url", row.opt("url"));
    source.opt("publisher", row.opt("publisher"));
    source.opt_text("note", row.opt_text("note"));
    source.0
}

/// The rows of each id, in order.
fn indices<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, Vec<usize>> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, id) in ids.enumerate() {
        index.entry(id.to_string()).or_default().push(i);
    }
    index
}

/// The last item with `id` among the first `n_above`, or else the first
/// one after them.
fn nearest(index: &HashMap<String, Vec<usize>>, id: &str, n_above: usize) -> Option<usize> {
    let rows = index.get(id)?;
    rows.iter()
        .rev()
        .find(|&&i| i < n_above)
        .or(rows.first())
        .copied()
}

fn read_event(row: &RowIn) -> Result<Map<String, Value>, Problem> {
    let mut event = Object::default();
    event.string("id", row.get("id"));
    event.string("date", row.get("date"));
    event.opt("date_kind", row.choice("date_kind", DATE_KINDS)?);
    event.opt_text("date_note", row.opt_text("date_note"));
    event.text("title", row.text("title"));
    event.text("summary", row.text("text"));
    if let Some(per_article) = row.yes_no("per_article")? {
        event.put("per_article", Value::Bool(per_article));
    }
    event.string("track", row.get("track"));
    event.opt("initiative", row.opt("initiative"));
    event.list("actors", row.list("actors"));
    event.list("sources", Vec::new());
    let derived_from = row.opt("derived_from");
    let derived_days = row.whole::<u32>("derived_days")?;
    let derived_months = row.whole::<u32>("derived_months")?;
    if derived_from.is_some() || derived_days.is_some() || derived_months.is_some() {
        let mut derived = Object::default();
        derived.string("from", derived_from.unwrap_or_default());
        derived.put("days", Value::from(derived_days.unwrap_or(0)));
        derived.put("months", Value::from(derived_months.unwrap_or(0)));
        event.put("derived", Value::Object(derived.0));
    }
    let caption = row.opt_text("media_caption");
    let credit = row.opt("media_credit");
    match row.opt("media_url") {
        Some(url) => {
            let mut media = Object::default();
            media.string("url", url);
            media.opt_text("caption", caption);
            media.opt("credit", credit);
            event.put("media", Value::Object(media.0));
        }
        None if caption.is_some() || credit.is_some() => {
            return Err(row.bad("media_url", CellExpect::Filled))
        }
        None => {}
    }
    Ok(event.0)
}

fn read_figure(row: &RowIn) -> Result<Map<String, Value>, Problem> {
    let required = |column: &str| row.bad(column, CellExpect::Filled);
    let mut figure = Object::default();
    figure.string("id", row.get("id"));
    figure.number(
        "value",
        row.number("value")?.ok_or_else(|| required("value"))?,
    );
    let unit = row.choice("unit", UNITS)?.ok_or_else(|| required("unit"))?;
    figure.string("unit", unit);
    let kind = row
        .choice("kind", FIGURE_KINDS)?
        .ok_or_else(|| required("kind"))?;
    figure.string("kind", kind);
    figure.opt("qualifier", row.choice("qualifier", QUALIFIERS)?);
    if let Some(approximate) = row.yes_no("approximate")? {
        figure.put("approximate", Value::Bool(approximate));
    }
    figure.text("label", row.text("title"));
    let start_year = row.whole::<i32>("period_start_year")?;
    match row.number("period_years")? {
        Some(years) => {
            let mut period = Object::default();
            period.number("years", years);
            if let Some(start_year) = start_year {
                period.put("start_year", Value::from(start_year));
            }
            figure.put("period", Value::Object(period.0));
        }
        None if start_year.is_some() => return Err(required("period_years")),
        None => {}
    }
    figure.list("stated_by", row.list("stated_by"));
    figure.list("committed_by", row.list("committed_by"));
    if let Some(per_article) = row.yes_no("per_article")? {
        figure.put("per_article", Value::Bool(per_article));
    }
    figure.opt_text("doubt", row.opt_text("doubt"));
    figure.opt("overlaps", row.opt("overlaps"));
    figure.opt("initiative", row.opt("initiative"));
    figure.string("event", row.get("event"));
    figure.list("sources", Vec::new());
    Ok(figure.0)
}

/// Places a validation problem (on a JSON path of the converted dataset)
/// on the row and column it comes from.
fn place(places: &Places, problem: &mut Problem) {
    let path = problem.path.clone();
    // The longest prefix that is a row: `events[3].sources[1]` before
    // `events[3]`, `story.intro` before `story`.
    let mut best: Option<(&str, &RowPlace)> = None;
    for (end, _) in path
        .char_indices()
        .filter(|(_, c)| *c == '.')
        .chain([(path.len(), ' ')])
    {
        if let Some(row) = places.get(&path[..end]) {
            best = Some((&path[..end], row));
        }
    }
    let Some((prefix, row)) = best else { return };
    let field = path[prefix.len()..].trim_start_matches('.');
    let field = if prefix == "title" || prefix == "description" {
        format!("{prefix}.{field}")
    } else {
        field.to_string()
    };
    match column_of(prefix, &field) {
        Some(column) => row.place(column, problem),
        None => {
            problem.path = format!("rows[{}]", row.row_number);
            (problem.line, problem.column) = (Some(row.line), Some(1));
        }
    }
}

/// The template column a field of an item comes from (`label.fr` of a
/// track → `title_fr`).
fn column_of(prefix: &str, field: &str) -> Option<&'static str> {
    if prefix.starts_with("story.steps[") {
        return Some("event");
    }
    // `actors[2]` → `actors`; `label.fr` → `label_fr`.
    let field = match field.find('[') {
        Some(i) => &field[..i],
        None => field,
    };
    let field = field.replace('.', "_");
    let lang = |name: &str| -> Option<String> {
        let rest = field.strip_prefix(name)?;
        Some(rest.to_string())
    };
    let renamed = if let Some(rest) = ["label", "name", "title"]
        .iter()
        .find_map(|n| lang(n).filter(|r| r.is_empty() || r.starts_with('_')))
    {
        if prefix.starts_with("documents[") || rest.is_empty() {
            "title_fr".to_string()
        } else {
            format!("title{rest}")
        }
    } else if let Some(rest) = ["summary", "description", "role", "text"]
        .iter()
        .find_map(|n| lang(n).filter(|r| r.starts_with('_')))
    {
        format!("text{rest}")
    } else {
        match field.as_str() {
            "file" => "id".to_string(),
            "published" => "date".to_string(),
            "derived" => "derived_from".to_string(),
            "media" => "media_url".to_string(),
            "period" => "period_years".to_string(),
            _ => field,
        }
    };
    COLUMNS.iter().find(|c| **c == renamed).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_unique_and_every_code_list_reads() {
        for (i, c) in COLUMNS.iter().enumerate() {
            assert!(!COLUMNS[..i].contains(c), "{c}");
        }
        fn reads<T: DeserializeOwned>(codes: &[&str]) {
            for code in codes {
                assert!(
                    serde_json::from_value::<T>(Value::String(code.to_string())).is_ok(),
                    "{code}"
                );
            }
        }
        reads::<super::super::model::DateKind>(DATE_KINDS);
        reads::<super::super::model::ActorKind>(ACTOR_KINDS);
        reads::<super::super::model::Unit>(UNITS);
        reads::<super::super::model::FigureKind>(FIGURE_KINDS);
        reads::<super::super::model::Qualifier>(QUALIFIERS);
    }

    #[test]
    fn numbers_read_as_spreadsheets_write_them() {
        assert_eq!(parse_number("500000000000"), Some(5e11));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("500 000"), Some(500_000.0));
        assert_eq!(parse_number("1,000,000"), None);
        assert_eq!(parse_number("beaucoup"), None);
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn fields_map_to_their_columns() {
        assert_eq!(column_of("tracks[0]", "label.en"), Some("title_en"));
        assert_eq!(column_of("actors[1]", "name.fr"), Some("title_fr"));
        assert_eq!(column_of("actors[1]", "role.fr"), Some("text_fr"));
        assert_eq!(column_of("events[1]", "summary.en"), Some("text_en"));
        assert_eq!(column_of("events[1]", "actors[2]"), Some("actors"));
        assert_eq!(column_of("events[1]", "date_note.fr"), Some("date_note_fr"));
        assert_eq!(column_of("events[1]", "derived.from"), Some("derived_from"));
        assert_eq!(
            column_of("events[1]", "media.caption.fr"),
            Some("media_caption_fr")
        );
        assert_eq!(
            column_of("figures[0]", "period.years"),
            Some("period_years")
        );
        assert_eq!(
            column_of("figures[0]", "committed_by[0]"),
            Some("committed_by")
        );
        assert_eq!(column_of("documents[0]", "title"), Some("title_fr"));
        assert_eq!(column_of("documents[0]", "published"), Some("date"));
        assert_eq!(column_of("title", "title.fr"), Some("title_fr"));
        assert_eq!(column_of("description", "description.en"), Some("text_en"));
        assert_eq!(column_of("story.steps[3]", ""), Some("event"));
        assert_eq!(
            column_of("events[0].sources[1]", "note.en"),
            Some("note_en")
        );
        assert_eq!(column_of("events[0]", "sources"), None);
    }

    #[test]
    fn formula_like_cells_are_written_after_an_apostrophe_and_read_back() {
        let mut out = String::new();
        write_record(
            &mut out,
            ["-0043-03-15", "=1+1", "a, \"b\"", " x"]
                .iter()
                .map(|s| s.to_string()),
        );
        assert_eq!(out, "'-0043-03-15,'=1+1,\"a, \"\"b\"\"\",\" x\"\r\n");
    }
}
