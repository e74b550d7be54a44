//! Importing TimelineJS 3 timelines, from their JSON or from the CSV of
//! their Google Sheets template, into this timeline's model.
//!
//! Both go through one converter over TimelineJS JSON (a CSV row becomes
//! the JSON event TimelineJS itself would build from it), then through the
//! same validation as our own files. What cannot be mapped (eras, end
//! dates, times of day, backgrounds, media details, other scales, unknown
//! fields...) becomes a warning with its place in the source file: nothing
//! is dropped silently.
//!
//! Mapping: `title.text` → title and description; `events[]` → events
//! (`unique_id` → id, `start_date` → date at its precision, `display_date`
//! → date note, `text.headline` → title, `text.text` → summary (its HTML
//! goes through [`super::rich_text`] when shown), `media` → a media link,
//! `group` → a track; events without a group share one default track).
//! TimelineJS has one language: texts are copied into French and English.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::csv::{self, Record};
use super::date::Date;
use super::locate;
use super::model::{Media, RawDataset, RawEvent, Text, Track};
use super::problem::{DatePart, Problem, ProblemKind, Unmapped};
use super::shape::Shape;
use super::validate;
use super::Dataset;

/// The columns of the TimelineJS Google Sheets template, in its order.
pub const CSV_TEMPLATE_COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// Columns TimelineJS also reads: `Alt Text` (media), `Tag` (the first
/// template's name for Group), and the first template's `Start Date` and
/// `End Date` (one cell each: `2025-07-09`, `7/9/2025`, `-300`...).
const CSV_OPTIONAL_COLUMNS: [&str; 4] = ["Alt Text", "Tag", "Start Date", "End Date"];

/// Id of the track of events that have no group.
pub const DEFAULT_TRACK_ID: &str = "timeline";

/// A converted timeline: the file to write (`cargo xtask import`), the
/// dataset to show, and every problem with its place in the source.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub raw: RawDataset,
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// Imports TimelineJS JSON.
pub fn from_json(text: &str) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            let mut problem = Problem::error("", super::shape::kind_of(&err));
            if err.line() > 0 {
                problem.line = Some(err.line());
                problem.column = Some(err.column());
            }
            return Imported {
                problems: vec![problem],
                ..Imported::default()
            };
        }
    };
    let conversion = convert(&value);
    finish(
        conversion,
        Vec::new(),
        &Places::Json(locate::Locator::new(text)),
    )
}

/// Imports the CSV of the TimelineJS spreadsheet template.
pub fn from_csv(text: &str) -> Imported {
    let (records, unclosed) = csv::parse(text);
    let mut csv_problems = Vec::new();
    if let Some((line, column)) = unclosed {
        let mut problem = Problem::error("", ProblemKind::CsvUnclosedQuote);
        (problem.line, problem.column) = (Some(line), Some(column));
        csv_problems.push(problem);
    }
    let (value, rows) = csv_to_json(&records, &mut csv_problems);
    if csv_problems
        .iter()
        .any(|p| matches!(p.kind, ProblemKind::CsvMissingColumns { .. }))
    {
        return Imported {
            problems: csv_problems,
            ..Imported::default()
        };
    }
    let conversion = convert(&value);
    finish(conversion, csv_problems, &Places::Csv(rows))
}

/// True when a JSON text looks like TimelineJS rather than our format:
/// TimelineJS-only keys at the top, or in the title or first event.
pub fn looks_like_json(text: &str) -> bool {
    // Keys only our format has: the first one decides, however long the
    // file.
    const OURS: [&str; 5] = ["tracks", "documents", "actors", "initiatives", "figures"];
    let top = locate::top_level_keys_until(text, |key| OURS.contains(&key));
    let has = |keys: &[String], name: &str| keys.iter().any(|k| k == name);
    if OURS.iter().any(|k| has(&top, k)) {
        return false;
    }
    if has(&top, "eras") || has(&top, "scale") {
        return true;
    }
    let title = locate::keys_at(text, "title");
    if has(&title, "text") || has(&title, "media") {
        return true;
    }
    let first_event = locate::keys_at(text, "events[0]");
    ["start_date", "text", "media", "unique_id"]
        .iter()
        .any(|k| has(&first_event, k))
}

/// True when the first line is a CSV header with the template's key
/// columns.
pub fn looks_like_csv(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    let columns: Vec<&str> = first_line
        .split(',')
        .map(|c| c.trim().trim_matches('"').trim())
        .collect();
    columns.len() > 1 && (columns.contains(&"Headline") || columns.contains(&"Year"))
}

/// Where problems found on the TimelineJS JSON shape are in the file.
enum Places<'a> {
    /// Located in the JSON text (indexed once: see [`locate::Locator`]).
    Json(locate::Locator<'a>),
    /// CSV rows by the JSON path prefix they became (`events[3]`, `title`).
    Csv(HashMap<String, CsvRow>),
}

/// A spreadsheet row: its number as the spreadsheet shows it (the header
/// is row 1), and where each of its cells is.
#[derive(Debug, Clone)]
struct CsvRow {
    row_number: usize,
    line: usize,
    cells: HashMap<String, (usize, usize)>,
}

impl Places<'_> {
    /// Sets the final path and position of a problem whose path is on the
    /// TimelineJS JSON shape.
    fn place(&self, problem: &mut Problem) {
        if problem.line.is_some() {
            return;
        }
        match self {
            Places::Json(locator) => {
                if let Some((line, column)) = locator.locate(&problem.path) {
                    (problem.line, problem.column) = (Some(line), Some(column));
                }
            }
            Places::Csv(rows) => {
                let (prefix, rest) = split_item(&problem.path);
                let Some(row) = rows.get(prefix) else {
                    // No title row: the title is the whole file's business.
                    if prefix == "title" {
                        problem.path = String::new();
                    }
                    return;
                };
                let found = csv_column(rest).and_then(|column| {
                    let column = [Some(column), first_template_column(column)]
                        .into_iter()
                        .flatten()
                        .find(|c| row.cells.contains_key(*c))?;
                    Some((column, *row.cells.get(column)?))
                });
                match found {
                    Some((column, (line, col))) => {
                        problem.path = format!("rows[{}][\"{column}\"]", row.row_number);
                        (problem.line, problem.column) = (Some(line), Some(col));
                    }
                    None => {
                        problem.path = format!("rows[{}]", row.row_number);
                        (problem.line, problem.column) = (Some(row.line), Some(1));
                    }
                }
            }
        }
    }
}

/// `events[3].start_date.year` → (`events[3]`, `start_date.year`);
/// `title.text` → (`title`, `text`).
fn split_item(path: &str) -> (&str, &str) {
    let head_end = match path.find(']') {
        Some(close) if path[..close].find('.').is_none() => close + 1,
        _ => path.find('.').unwrap_or(path.len()),
    };
    let rest = path[head_end..].trim_start_matches('.');
    (&path[..head_end], rest)
}

/// The spreadsheet column a TimelineJS JSON field comes from.
fn csv_column(field: &str) -> Option<&'static str> {
    let mut parts = field.split('.');
    let first = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    Some(match (first, second) {
        ("start_date", "month") => "Month",
        ("start_date", "day") => "Day",
        ("start_date", "hour" | "minute" | "second" | "millisecond") => "Time",
        ("start_date", "display_date") | ("display_date", _) => "Display Date",
        ("start_date", _) => "Year",
        ("end_date", "month") => "End Month",
        ("end_date", "day") => "End Day",
        ("end_date", "hour" | "minute" | "second" | "millisecond") => "End Time",
        ("end_date", _) => "End Year",
        ("text", "text") => "Text",
        ("text", _) => "Headline",
        ("media", "credit") => "Media Credit",
        ("media", "caption") => "Media Caption",
        ("media", "thumbnail") => "Media Thumbnail",
        ("media", "alt") => "Alt Text",
        ("media", _) => "Media",
        ("group", _) => "Group",
        ("background", _) => "Background",
        ("type", _) => "Type",
        _ => return None,
    })
}

/// The column of TimelineJS's first template that holds what a column of
/// the current one does.
fn first_template_column(column: &str) -> Option<&'static str> {
    Some(match column {
        "Year" | "Month" | "Day" | "Time" => "Start Date",
        "End Year" | "End Month" | "End Day" | "End Time" => "End Date",
        "Group" => "Tag",
        _ => return None,
    })
}

/// The TimelineJS event field a field of our event comes from.
fn source_field(our_field: &str) -> &str {
    let first = our_field.split(['.', '[']).next().unwrap_or_default();
    match first {
        "id" => "unique_id",
        "date" => "start_date",
        "date_note" => "display_date",
        "title" => "text.headline",
        "summary" => "text.text",
        "track" => "group",
        "media" => "media.url",
        _ => "",
    }
}

/// Validates the converted dataset, maps its problems back onto the
/// TimelineJS file and places every problem.
fn finish(conversion: Conversion, mut problems: Vec<Problem>, places: &Places) -> Imported {
    let Conversion {
        raw,
        problems: conversion_problems,
        origins,
    } = conversion;
    let (dataset, validation_problems) = validate::validate(raw.clone());
    problems.extend(conversion_problems);
    for mut problem in validation_problems {
        let is_copied_language = matches!(problem.kind, ProblemKind::EmptyText { lang: "en" });
        // TimelineJS texts and its title slide are optional.
        let is_optional_text = matches!(problem.kind, ProblemKind::EmptyText { .. })
            && (problem.path.contains(".summary.")
                || problem.path.starts_with("title.")
                || problem.path.starts_with("description."));
        // One dataset-wide warning says it instead (ImportHasNoSources).
        let is_unsourced = matches!(problem.kind, ProblemKind::NoSource);
        // TimelineJS does not say its language: a text copied into French
        // is not French, so French typography is not asked of it.
        let is_french_typography = matches!(problem.kind, ProblemKind::FrenchSpacing { .. });
        if is_copied_language || is_optional_text || is_unsourced || is_french_typography {
            continue;
        }
        problem.path = source_path(&problem.path, &origins);
        problems.push(problem);
    }
    for problem in &mut problems {
        places.place(problem);
    }
    // File order; problems about the whole file first.
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
    Imported {
        raw,
        dataset,
        problems,
    }
}

/// The TimelineJS path of a path in the converted dataset.
fn source_path(our_path: &str, origins: &[String]) -> String {
    let (item, rest) = split_item(our_path);
    if let Some(index) = item
        .strip_prefix("events[")
        .and_then(|r| r.strip_suffix(']'))
    {
        let Some(origin) = index.parse::<usize>().ok().and_then(|i| origins.get(i)) else {
            return our_path.to_string();
        };
        let field = source_field(rest);
        return if field.is_empty() {
            origin.clone()
        } else {
            format!("{origin}.{field}")
        };
    }
    match item {
        "title" => "title.text.headline".to_string(),
        "description" => "title.text.text".to_string(),
        "tracks" | "" => String::new(),
        _ if item.starts_with("tracks[") => String::new(),
        _ => our_path.to_string(),
    }
}

/// The converted dataset before validation, its problems (on TimelineJS
/// JSON paths) and, for each converted event, its TimelineJS path.
struct Conversion {
    raw: RawDataset,
    problems: Vec<Problem>,
    origins: Vec<String>,
}

/// A TimelineJS date that can be placed.
#[derive(Debug, Clone, Copy)]
struct TlDate {
    date: Date,
}

fn convert(value: &Value) -> Conversion {
    let mut converter = Converter::default();
    converter.top(value);
    let n_events = converter.events.len();
    let mut raw = RawDataset {
        schema: None,
        title: converter.title.clone(),
        description: converter.description.clone(),
        tracks: converter.tracks.clone(),
        events: converter
            .events
            .iter()
            .map(|e| serde_json::to_value(e).unwrap_or_default())
            .collect(),
        ..RawDataset::default()
    };
    if raw.tracks.is_empty() && n_events > 0 {
        raw.tracks.push(default_track());
    }
    if n_events > 0 {
        converter
            .problems
            .push(Problem::warning("", ProblemKind::TextCopiedToBothLanguages));
        converter.problems.push(Problem::warning(
            "events",
            ProblemKind::ImportHasNoSources { n_events },
        ));
    }
    Conversion {
        raw,
        problems: converter.problems,
        origins: converter.origins,
    }
}

/// At most `max_chars` characters, with an ellipsis when cut.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max_chars).collect();
    short.push('…');
    short
}

fn default_track() -> Track {
    Track {
        id: DEFAULT_TRACK_ID.to_string(),
        label: Text {
            fr: "Chronologie".into(),
            en: "Timeline".into(),
        },
    }
}

fn both(text: String) -> Text {
    Text {
        fr: text.clone(),
        en: text,
    }
}

/// A scalar as text (TimelineJS writes numbers as strings or numbers);
/// `None` for empty strings, null and containers.
fn scalar(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A lower-case, dash-separated id from a text (accents folded).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if folded == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(folded);
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[derive(Default)]
struct Converter {
    problems: Vec<Problem>,
    title: Text,
    description: Text,
    tracks: Vec<Track>,
    /// Group name → track index.
    groups: HashMap<String, usize>,
    events: Vec<RawEvent>,
    origins: Vec<String>,
    used_ids: HashSet<String>,
    /// Base id → the next suffix to try for it, so that a thousand slides
    /// of the same title get their ids in linear time, not quadratic.
    next_suffix: HashMap<String, usize>,
    /// Whether the BC numbering warning was given (once per file).
    bc_noted: bool,
}

impl Converter {
    fn warn(&mut self, path: impl Into<String>, feature: Unmapped, value: impl Into<String>) {
        let value = shorten(&value.into(), 100);
        self.problems.push(Problem::warning(
            path,
            ProblemKind::NotMapped { feature, value },
        ));
    }

    fn error(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::error(path, kind));
    }

    fn top(&mut self, value: &Value) {
        let Some(object) = value.as_object() else {
            let shape = Shape::TimelineJsNotObject;
            self.error("", ProblemKind::Shape { shape });
            return;
        };
        // Explicit ids first, so that generated ones never take them.
        if let Some(Value::Array(events)) = object.get("events") {
            for event in events {
                if let Some(id) = scalar(event.get("unique_id")) {
                    self.used_ids.insert(id);
                }
            }
        }
        for (key, value) in object {
            match key.as_str() {
                "title" => self.title_slide(value),
                "events" => match value {
                    Value::Array(events) => {
                        for (event_idx, event) in events.iter().enumerate() {
                            self.event(&format!("events[{event_idx}]"), event);
                        }
                    }
                    _ => self.error(
                        "events",
                        ProblemKind::Shape {
                            shape: Shape::EventsNotList,
                        },
                    ),
                },
                "eras" => {
                    for (era_idx, era) in value.as_array().into_iter().flatten().enumerate() {
                        let headline = era
                            .pointer("/text/headline")
                            .and_then(Value::as_str)
                            .map(super::rich_text::plain_text);
                        let label = headline.filter(|h| !h.is_empty()).unwrap_or_else(|| {
                            let year = |key: &str| {
                                scalar(era.get(key).and_then(|d| d.get("year"))).unwrap_or_default()
                            };
                            format!("{}–{}", year("start_date"), year("end_date"))
                        });
                        self.warn(format!("eras[{era_idx}]"), Unmapped::Era, label);
                    }
                }
                "scale" => {
                    // Human or cosmological, the dates are placed the same
                    // way: the axis adapts to them (`scale::axis`).
                    let scale = scalar(Some(value)).unwrap_or_default();
                    if !scale.eq_ignore_ascii_case("human")
                        && !scale.eq_ignore_ascii_case("cosmological")
                    {
                        self.warn("scale", Unmapped::Scale, scale);
                    }
                }
                "$schema" => {}
                _ => self.warn(key.clone(), Unmapped::UnknownField, key.clone()),
            }
        }
    }

    fn title_slide(&mut self, value: &Value) {
        let Some(object) = value.as_object() else {
            return;
        };
        for (key, field) in object {
            match key.as_str() {
                "text" => {
                    let headline = field
                        .get("headline")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let text = field
                        .get("text")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    self.title = both(super::rich_text::plain_text(headline));
                    self.description = both(super::rich_text::plain_text(text));
                }
                "media" => {
                    let url = scalar(field.get("url")).unwrap_or_default();
                    if !url.is_empty() {
                        self.warn("title.media", Unmapped::TitleMedia, url);
                    }
                }
                "background" => self.background("title.background", field),
                "type" | "unique_id" | "autolink" => {}
                _ => self.warn(format!("title.{key}"), Unmapped::UnknownField, key.clone()),
            }
        }
    }

    fn background(&mut self, path: &str, value: &Value) {
        let shown = scalar(value.get("url"))
            .or_else(|| scalar(value.get("color")))
            .or_else(|| scalar(Some(value)));
        if let Some(shown) = shown {
            self.warn(path, Unmapped::Background, shown);
        }
    }

    /// Reads a TimelineJS date object; `None` (with a problem) when it
    /// cannot be placed.
    fn date(&mut self, path: &str, value: &Value) -> Option<TlDate> {
        let Some(object) = value.as_object() else {
            self.error(path, ProblemKind::MissingStartDate);
            return None;
        };
        let Some(year_text) = scalar(object.get("year")) else {
            self.error(format!("{path}.year"), ProblemKind::MissingStartDate);
            return None;
        };
        // TimelineJS's own clean-up: spaces and thousands separators go.
        let cleaned: String = year_text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != ',')
            .collect();
        let digits = cleaned.strip_prefix('-').unwrap_or(&cleaned);
        let is_integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        let Ok(year) = cleaned.parse::<i64>() else {
            if is_integer {
                // Too many digits for any year.
                self.error(
                    format!("{path}.year"),
                    ProblemKind::YearOutOfRange { value: year_text },
                );
                return None;
            }
            self.error(
                format!("{path}.year"),
                ProblemKind::BadDatePart {
                    part: DatePart::Year,
                    value: year_text,
                },
            );
            return None;
        };
        if year.unsigned_abs() > super::date::MAX_ABS_YEAR.unsigned_abs() {
            self.error(
                format!("{path}.year"),
                ProblemKind::YearOutOfRange { value: year_text },
            );
            return None;
        }
        if year < 0 && !self.bc_noted {
            self.bc_noted = true;
            self.problems.push(Problem::warning(
                format!("{path}.year"),
                ProblemKind::BcYearNumbering { year },
            ));
        }
        let mut part = |name: &str, kind: DatePart, max: u8| -> Result<Option<u8>, ()> {
            let Some(text) = scalar(object.get(name)) else {
                return Ok(None);
            };
            match text.parse::<u8>() {
                Ok(n) if (1..=max).contains(&n) => Ok(Some(n)),
                _ => {
                    self.problems.push(Problem::error(
                        format!("{path}.{name}"),
                        ProblemKind::BadDatePart {
                            part: kind,
                            value: text,
                        },
                    ));
                    Err(())
                }
            }
        };
        let month = part("month", DatePart::Month, 12).ok()?;
        let mut day = part("day", DatePart::Day, 31).ok()?;
        if month.is_none() && day.is_some() {
            self.warn(
                format!("{path}.day"),
                Unmapped::DayWithoutMonth,
                scalar(object.get("day")).unwrap_or_default(),
            );
            day = None;
        }
        if let (Some(m), Some(d)) = (month, day) {
            // TimelineJS rolls 30 February over into March; the month is
            // what the file is sure of.
            if d > super::date::days_in_month(year, m) {
                self.warn(
                    format!("{path}.day"),
                    Unmapped::ImpossibleDay,
                    format!("{}-{m:02}-{d:02}", super::date::iso_year(year)),
                );
                day = None;
            }
        }
        let time: Vec<String> = ["hour", "minute", "second", "millisecond"]
            .iter()
            .filter_map(|k| scalar(object.get(*k)))
            .collect();
        if !time.is_empty() {
            let first_key = ["hour", "minute", "second", "millisecond"]
                .into_iter()
                .find(|k| scalar(object.get(*k)).is_some())
                .unwrap_or("hour");
            self.warn(
                format!("{path}.{first_key}"),
                Unmapped::TimeOfDay,
                time.join(":"),
            );
        }
        Some(TlDate {
            date: Date { year, month, day },
        })
    }

    fn track_of(&mut self, group: Option<String>) -> String {
        let Some(group) = group else {
            if !self.tracks.iter().any(|t| t.id == DEFAULT_TRACK_ID) {
                self.tracks.push(default_track());
            }
            return DEFAULT_TRACK_ID.to_string();
        };
        if let Some(&track_idx) = self.groups.get(&group) {
            return self.tracks[track_idx].id.clone();
        }
        let base = match slug(&group) {
            s if s.is_empty() => format!("group-{}", self.tracks.len() + 1),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.tracks.iter().any(|t| t.id == id) || id == DEFAULT_TRACK_ID {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.groups.insert(group.clone(), self.tracks.len());
        self.tracks.push(Track {
            id: id.clone(),
            label: both(group),
        });
        id
    }

    fn fresh_id(&mut self, headline: &str, event_idx: usize) -> String {
        let base = match slug(headline) {
            s if s.is_empty() => format!("event-{}", event_idx + 1),
            s => s,
        };
        let mut id = base.clone();
        if self.used_ids.contains(&id) {
            // Each suffix of a base is tried once over the whole file: a
            // suffix found taken (by this base or by an explicit id) is
            // never tried again.
            let n = self.next_suffix.entry(base.clone()).or_insert(2);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !self.used_ids.contains(&id) {
                    break;
                }
            }
        }
        self.used_ids.insert(id.clone());
        id
    }

    fn event(&mut self, path: &str, value: &Value) {
        let Some(object) = value.as_object() else {
            self.error(
                path,
                ProblemKind::Shape {
                    shape: Shape::EventNotObject,
                },
            );
            return;
        };
        let start = match object.get("start_date") {
            Some(start) => self.date(&format!("{path}.start_date"), start),
            None => {
                self.error(format!("{path}.start_date"), ProblemKind::MissingStartDate);
                None
            }
        };
        let mut display_date = scalar(object.get("display_date"));
        if let Some(end) = object.get("end_date").filter(|v| !is_empty_date(v)) {
            let end_path = format!("{path}.end_date");
            let n_problems = self.problems.len();
            let end_date = self.date(&end_path, end);
            // Problems with an end date never drop the event.
            for problem in &mut self.problems[n_problems..] {
                problem.severity = super::problem::Severity::Warning;
            }
            if let (Some(start), Some(end)) = (start, end_date) {
                if end.date.end_day_exclusive() <= start.date.start_day() {
                    self.problems.push(Problem::warning(
                        end_path,
                        ProblemKind::EndBeforeStart {
                            start: start.date.iso(),
                            end: end.date.iso(),
                        },
                    ));
                } else {
                    self.warn(end_path, Unmapped::EndDate, end.date.iso());
                }
            }
        }
        let Some(start) = start else { return };
        if display_date.is_none() {
            display_date = scalar(object.get("start_date").and_then(|d| d.get("display_date")));
        }

        let text = object.get("text");
        let headline_html = text
            .and_then(|t| t.get("headline"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let body_html = text
            .and_then(|t| t.get("text"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let mut title = super::rich_text::plain_text(headline_html);
        if title.is_empty() {
            // A slide with text only: its first words stand for a title.
            let body = super::rich_text::plain_text(body_html);
            title = body.chars().take(80).collect();
            if body.chars().count() > 80 {
                title.push('…');
            }
        }

        let mut media = None;
        if let Some(media_value) = object.get("media").filter(|m| m.is_object()) {
            let url = scalar(media_value.get("url")).unwrap_or_default();
            if super::rich_text::is_web_url(&url) {
                let plain = |key: &str| {
                    media_value
                        .get(key)
                        .and_then(Value::as_str)
                        .map(super::rich_text::plain_text)
                        .filter(|t| !t.is_empty())
                };
                media = Some(Media {
                    url,
                    caption: plain("caption").map(both),
                    credit: plain("credit"),
                });
            } else if !url.is_empty() {
                self.warn(format!("{path}.media.url"), Unmapped::MediaNotLink, url);
            }
            for detail in ["thumbnail", "alt", "title", "link"] {
                if let Some(value) = scalar(media_value.get(detail)) {
                    self.warn(
                        format!("{path}.media.{detail}"),
                        Unmapped::MediaDetail,
                        format!("{detail}: {value}"),
                    );
                }
            }
        }

        for (key, field) in object {
            match key.as_str() {
                "start_date" | "end_date" | "display_date" | "text" | "media" | "group"
                | "unique_id" => {}
                // Behaviour flags with no visible content.
                "autolink" | "type" => {}
                "background" => self.background(&format!("{path}.background"), field),
                _ => self.warn(format!("{path}.{key}"), Unmapped::UnknownField, key.clone()),
            }
        }

        // A slide with a picture or a video and no words (TimelineJS shows
        // it): its title comes from its media, else its date.
        let title = if title.is_empty() {
            let title = untitled_slide_title(object, display_date.as_deref(), &start.date);
            self.warn(path, Unmapped::UntitledSlide, title.fr.clone());
            title
        } else {
            both(title)
        };
        let event_idx = self.origins.len();
        let id = match scalar(object.get("unique_id")) {
            Some(id) => id,
            None => self.fresh_id(&title.en, event_idx),
        };
        let group = scalar(object.get("group"));
        let track = self.track_of(group);
        self.events.push(RawEvent {
            id,
            date: start.date.iso(),
            date_note: display_date.map(|d| both(super::rich_text::plain_text(&d))),
            title,
            summary: both(body_html.trim().to_string()),
            track,
            media,
            ..RawEvent::default()
        });
        self.origins.push(path.to_string());
    }
}

/// The title of a slide with neither headline nor text: its media's
/// caption or credit, else what the media is ("Média : youtube.com" /
/// "Media: youtube.com"), else its display date or date.
fn untitled_slide_title(
    object: &Map<String, Value>,
    display_date: Option<&str>,
    date: &Date,
) -> Text {
    let media = object.get("media");
    let media_text = |key: &str| {
        media
            .and_then(|m| m.get(key))
            .and_then(Value::as_str)
            .map(super::rich_text::plain_text)
            .filter(|t| !t.is_empty())
    };
    if let Some(text) = media_text("caption").or_else(|| media_text("credit")) {
        return both(shorten(&text, 80));
    }
    let url = media.and_then(|m| scalar(m.get("url"))).unwrap_or_default();
    let host = url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .map(|host| host.trim_start_matches("www.").to_string())
        .filter(|host| !host.is_empty());
    if let Some(host) = host {
        return Text {
            fr: format!("Média\u{202f}: {host}"),
            en: format!("Media: {host}"),
        };
    }
    match display_date {
        Some(shown) if !shown.trim().is_empty() => both(super::rich_text::plain_text(shown)),
        _ => both(date.iso()),
    }
}

/// A TimelineJS end date with no year, as spreadsheets export it (`{}` or
/// `{"year": ""}`), means "no end date".
fn is_empty_date(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(object) => {
            scalar(object.get("year")).is_none()
                && object.values().all(|v| scalar(Some(v)).is_none())
        }
        _ => false,
    }
}

/// Turns template rows into the TimelineJS JSON TimelineJS itself builds
/// from them, and records where each row and cell is.
fn csv_to_json(
    records: &[Record],
    problems: &mut Vec<Problem>,
) -> (Value, HashMap<String, CsvRow>) {
    let mut rows = HashMap::new();
    // Spreadsheet rows are numbered from 1, blank ones included.
    let mut records = records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .map(|(i, r)| (i + 1, r));
    let Some((header_row, header)) = records.next() else {
        problems.push(Problem::error("", ProblemKind::EmptyFile));
        return (Value::Null, rows);
    };
    let columns: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.text.trim().to_string())
        .collect();
    let has = |name: &str| columns.iter().any(|k| k == name);
    // The first template's sheets date their rows in one cell.
    let one_cell_dates = !has("Year") && (has("Start Date") || has("End Date"));
    let date_column = if one_cell_dates { "Start Date" } else { "Year" };
    let missing: Vec<&str> = [date_column, "Headline"]
        .into_iter()
        .filter(|c| !has(c))
        .collect();
    if !missing.is_empty() {
        let mut problem = Problem::error(
            format!("rows[{header_row}]"),
            ProblemKind::CsvMissingColumns {
                columns: missing.join(", "),
            },
        );
        (problem.line, problem.column) = (Some(header.line), Some(1));
        problems.push(problem);
        return (Value::Null, rows);
    }
    for (field, column) in header.fields.iter().zip(&columns) {
        let known = CSV_TEMPLATE_COLUMNS.contains(&column.as_str())
            || CSV_OPTIONAL_COLUMNS.contains(&column.as_str());
        if !known && !column.is_empty() {
            let mut problem = Problem::warning(
                format!("rows[{header_row}][\"{column}\"]"),
                ProblemKind::NotMapped {
                    feature: Unmapped::UnknownField,
                    value: column.clone(),
                },
            );
            (problem.line, problem.column) = (Some(field.line), Some(field.column));
            problems.push(problem);
        }
    }

    let mut title = None;
    let mut events = Vec::new();
    let mut eras = Vec::new();
    for (row_number, record) in records {
        let cell = |name: &str| -> Option<String> {
            let column_idx = columns.iter().position(|c| c == name)?;
            let text = record.fields.get(column_idx)?.text.trim();
            (!text.is_empty()).then(|| text.to_string())
        };
        let mut object = Map::new();
        let put = |object: &mut Map<String, Value>, pointer: &[&str], value: Option<String>| {
            let Some(value) = value else { return };
            let mut target = object;
            for key in &pointer[..pointer.len() - 1] {
                let entry = target
                    .entry(key.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                let Value::Object(inner) = entry else { return };
                target = inner;
            }
            target.insert(pointer[pointer.len() - 1].to_string(), Value::String(value));
        };
        if one_cell_dates {
            for (key, column) in [("start_date", "Start Date"), ("end_date", "End Date")] {
                if let Some(text) = cell(column) {
                    object.insert(key.to_string(), Value::Object(parse_one_cell_date(&text)));
                }
            }
        } else {
            put(&mut object, &["start_date", "year"], cell("Year"));
            put(&mut object, &["start_date", "month"], cell("Month"));
            put(&mut object, &["start_date", "day"], cell("Day"));
            put(&mut object, &["start_date", "hour"], cell("Time"));
            put(&mut object, &["end_date", "year"], cell("End Year"));
            put(&mut object, &["end_date", "month"], cell("End Month"));
            put(&mut object, &["end_date", "day"], cell("End Day"));
            put(&mut object, &["end_date", "hour"], cell("End Time"));
        }
        put(&mut object, &["display_date"], cell("Display Date"));
        put(&mut object, &["text", "headline"], cell("Headline"));
        put(&mut object, &["text", "text"], cell("Text"));
        put(&mut object, &["media", "url"], cell("Media"));
        put(&mut object, &["media", "credit"], cell("Media Credit"));
        put(&mut object, &["media", "caption"], cell("Media Caption"));
        put(
            &mut object,
            &["media", "thumbnail"],
            cell("Media Thumbnail"),
        );
        put(&mut object, &["media", "alt"], cell("Alt Text"));
        put(
            &mut object,
            &["group"],
            cell("Group").or_else(|| cell("Tag")),
        );
        if let Some(background) = cell("Background") {
            // TimelineJS reads an address as an image, anything else as a colour.
            let key = if background.starts_with("http") || background.starts_with('/') {
                "url"
            } else {
                "color"
            };
            put(&mut object, &["background", key], Some(background));
        }
        let row_type = cell("Type").unwrap_or_default().to_ascii_lowercase();
        let prefix = match row_type.as_str() {
            "title" if title.is_none() => {
                title = Some(Value::Object(object));
                "title".to_string()
            }
            "era" => {
                eras.push(Value::Object(object));
                format!("eras[{}]", eras.len() - 1)
            }
            other => {
                if !other.is_empty() && other != "title" {
                    let (line, column) = csv_cell_position(record, &columns, "Type");
                    let mut problem = Problem::warning(
                        String::new(),
                        ProblemKind::NotMapped {
                            feature: Unmapped::RowType,
                            value: other.to_string(),
                        },
                    );
                    (problem.line, problem.column) = (Some(line), Some(column));
                    problem.path = format!("rows[{row_number}][\"Type\"]");
                    problems.push(problem);
                }
                events.push(Value::Object(object));
                format!("events[{}]", events.len() - 1)
            }
        };
        let cells = columns
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                record
                    .fields
                    .get(i)
                    .map(|f| (name.clone(), (f.line, f.column)))
            })
            .collect();
        rows.insert(
            prefix,
            CsvRow {
                row_number,
                line: record.line,
                cells,
            },
        );
    }
    let mut top = Map::new();
    if let Some(title) = title {
        top.insert("title".into(), title);
    }
    top.insert("events".into(), Value::Array(events));
    if !eras.is_empty() {
        top.insert("eras".into(), Value::Array(eras));
    }
    (Value::Object(top), rows)
}

/// A date written in one cell, as TimelineJS's first template has them
/// (its `parseDate`): `2025`, `-300`, `2025-07`, `2025-07-09`,
/// `2025-07-09T14:30`, `7/9/2025` (month first), `7/2025`, with an
/// optional time `14:30`. Anything else gives no year, which is reported.
fn parse_one_cell_date(text: &str) -> Map<String, Value> {
    let mut date = Map::new();
    let mut set = |key: &str, value: &str| {
        date.insert(key.to_string(), Value::String(value.to_string()));
    };
    let text = text.trim();
    let (day_part, time_part) = match text.split_once(['T', ' ']) {
        Some((day, time)) if time.contains(':') => (day.trim(), Some(time.trim())),
        _ if text.contains(':') && !text.contains('/') && !text.contains('-') => ("", Some(text)),
        _ => (text, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if day_part.contains('/') {
        let parts: Vec<&str> = day_part.split('/').map(str::trim).collect();
        match parts.as_slice() {
            [month, day, year] if digits(month) && digits(day) && digits(year) => {
                set("month", month);
                set("day", day);
                set("year", year);
            }
            [month, year] if digits(month) && digits(year) => {
                set("month", month);
                set("year", year);
            }
            _ => {}
        }
    } else if !day_part.is_empty() {
        let unsigned = day_part.strip_prefix(['-', '+']).unwrap_or(day_part);
        let negative = day_part.starts_with('-');
        let parts: Vec<&str> = unsigned.split('-').collect();
        if parts.iter().all(|p| digits(p)) && parts.len() <= 3 {
            let year = if negative {
                format!("-{}", parts[0])
            } else {
                parts[0].to_string()
            };
            set("year", &year);
            if let Some(month) = parts.get(1) {
                set("month", month);
            }
            if let Some(day) = parts.get(2) {
                set("day", day);
            }
        }
    }
    if let Some(time) = time_part {
        let mut pieces = time.split(':');
        for key in ["hour", "minute", "second"] {
            if let Some(piece) = pieces.next().filter(|p| !p.is_empty()) {
                set(key, piece.split(['.', 'Z', '+']).next().unwrap_or(piece));
            }
        }
    }
    date
}

fn csv_cell_position(record: &Record, columns: &[String], name: &str) -> (usize, usize) {
    columns
        .iter()
        .position(|c| c == name)
        .and_then(|i| record.fields.get(i))
        .map_or((record.line, 1), |f| (f.line, f.column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_dashed_and_folded() {
        assert_eq!(
            slug("Stargate annoncé à la Maison-Blanche !"),
            "stargate-annonce-a-la-maison-blanche"
        );
        assert_eq!(slug("  ...  "), "");
        assert_eq!(slug(&"a".repeat(100)).len(), 60);
    }

    #[test]
    fn paths_split_into_item_and_field() {
        assert_eq!(
            split_item("events[3].start_date.year"),
            ("events[3]", "start_date.year")
        );
        assert_eq!(split_item("events[3]"), ("events[3]", ""));
        assert_eq!(
            split_item("title.text.headline"),
            ("title", "text.headline")
        );
        assert_eq!(split_item(""), ("", ""));
    }

    #[test]
    fn our_paths_map_back_to_timelinejs_fields() {
        let origins = vec!["events[0]".to_string(), "events[2]".to_string()];
        assert_eq!(
            source_path("events[1].date", &origins),
            "events[2].start_date"
        );
        assert_eq!(
            source_path("events[1].title.fr", &origins),
            "events[2].text.headline"
        );
        assert_eq!(source_path("events[0].id", &origins), "events[0].unique_id");
        assert_eq!(source_path("events[0].sources", &origins), "events[0]");
        assert_eq!(source_path("events[9].date", &origins), "events[9].date");
        assert_eq!(source_path("tracks[0].label.fr", &origins), "");
    }

    #[test]
    fn fields_map_to_their_template_columns() {
        assert_eq!(csv_column("start_date.hour"), Some("Time"));
        assert_eq!(csv_column("end_date"), Some("End Year"));
        assert_eq!(csv_column("text.text"), Some("Text"));
        assert_eq!(csv_column("media.thumbnail"), Some("Media Thumbnail"));
        assert_eq!(csv_column("unique_id"), None);
    }

    #[test]
    fn one_cell_dates_read_as_timelinejs_reads_them() {
        let read = |text: &str| Value::Object(parse_one_cell_date(text));
        assert_eq!(read("2025"), serde_json::json!({"year": "2025"}));
        assert_eq!(read("-300"), serde_json::json!({"year": "-300"}));
        assert_eq!(
            read("2025-07-09"),
            serde_json::json!({"year": "2025", "month": "07", "day": "09"})
        );
        assert_eq!(
            read("7/9/2025"),
            serde_json::json!({"year": "2025", "month": "7", "day": "9"})
        );
        assert_eq!(
            read("7/2025"),
            serde_json::json!({"year": "2025", "month": "7"})
        );
        assert_eq!(
            read("2025-07-09T14:30"),
            serde_json::json!({"year": "2025", "month": "07", "day": "09", "hour": "14", "minute": "30"})
        );
        assert_eq!(
            read("7/9/2025 14:30"),
            serde_json::json!({"year": "2025", "month": "7", "day": "9", "hour": "14", "minute": "30"})
        );
        assert_eq!(read("July 4, 1776"), serde_json::json!({}));
    }

    #[test]
    fn a_first_template_sheet_with_start_and_end_dates_imports() {
        let csv = "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n\
                   ,,My title,Intro,,,,,title,\n\
                   7/4/1776,,Independence,<p>Signed.</p>,,,,,,Politics\n\
                   -44,,Ides of March,,,,,,,\n\
                   1969-07-20,1969-07-24,Apollo 11,,,,,,,Space\n\
                   July 1969,,No year here,,,,,,,\n";
        let imported = from_csv(csv);
        let dates: Vec<String> = imported
            .dataset
            .events
            .iter()
            .map(|e| e.date.iso())
            .collect();
        assert_eq!(dates, ["-0044", "1776-07-04", "1969-07-20"]);
        assert_eq!(imported.dataset.title.en, "My title");
        let places: Vec<String> = imported.problems.iter().map(Problem::place).collect();
        assert!(
            places
                .iter()
                .any(|p| p.starts_with("rows[6][\"Start Date\"]")),
            "{places:?}"
        );
        assert!(
            places
                .iter()
                .any(|p| p.starts_with("rows[5][\"End Date\"]")),
            "{places:?}"
        );
        let tracks: Vec<&str> = imported
            .dataset
            .tracks
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        assert!(
            tracks.contains(&"politics") && tracks.contains(&"space"),
            "{tracks:?}"
        );
    }

    #[test]
    fn a_slide_with_only_media_shows_with_a_title_from_it() {
        let json = r#"{"events": [
            {"start_date": {"year": "1900"}, "media": {"url": "http://www.youtube.com/watch?v=x"}, "text": {"headline": "", "text": ""}},
            {"start_date": {"year": "1901"}, "media": {"url": "https://example.org/a.jpg", "caption": "<b>A portrait</b>"}},
            {"start_date": {"year": "1902"}, "display_date": "Spring 1902"}
        ]}"#;
        let imported = from_json(json);
        let titles: Vec<(&str, &str)> = imported
            .dataset
            .events
            .iter()
            .map(|e| (e.title.fr.as_str(), e.title.en.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("Média\u{202f}: youtube.com", "Media: youtube.com"),
                ("A portrait", "A portrait"),
                ("Spring 1902", "Spring 1902")
            ]
        );
        let untitled = imported
            .problems
            .iter()
            .filter(|p| {
                matches!(
                    p.kind,
                    ProblemKind::NotMapped {
                        feature: Unmapped::UntitledSlide,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(untitled, 3);
    }

    #[test]
    fn an_end_date_problem_never_drops_the_event() {
        let json = r#"{"events": [{"start_date": {"year": "2025"}, "end_date": {"year": "-5"}, "text": {"headline": "H"}}]}"#;
        let imported = from_json(json);
        assert_eq!(imported.dataset.events.len(), 1);
        let end = imported
            .problems
            .iter()
            .find(|p| p.path == "events[0].end_date.year")
            .expect("end problem");
        assert_eq!(end.severity, super::super::Severity::Warning);
    }

    #[test]
    fn a_text_only_slide_takes_its_first_words_as_title() {
        let text = "word ".repeat(30);
        let json = format!(
            r#"{{"events": [{{"start_date": {{"year": 2025}}, "text": {{"text": "<p>{text}</p>"}}}}]}}"#
        );
        let imported = from_json(&json);
        let title = &imported.dataset.events[0].title.fr;
        assert!(
            title.starts_with("word word") && title.ends_with('…'),
            "{title}"
        );
    }

    /// Found by fuzzing (a CSV of 1,600 rows reading `2025` took 3.5 s):
    /// slides of the same title each tried every suffix from 2 up. Ids stay
    /// the same (`2025`, `2025-2`, … skipping explicit ones), and each
    /// suffix of a base is tried once over the whole file.
    #[test]
    fn many_slides_of_one_title_get_their_ids_in_linear_time() {
        let mut converter = Converter::default();
        converter.used_ids.insert("a-3".to_string());
        let ids: Vec<String> = (0..5_000).map(|i| converter.fresh_id("A", i)).collect();
        assert_eq!(ids[..4], ["a", "a-2", "a-4", "a-5"]);
        assert_eq!(ids[4_999], "a-5001");
        let distinct: HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), 5_000);
        // 5,000 suffixes tried in all: 2 to 5001, each once.
        assert_eq!(converter.next_suffix["a"], 5_002);
        assert_eq!(converter.fresh_id("A 2", 5_000), "a-2-2");

        let rows = "2025\n".repeat(1_600);
        let imported = from_csv(&format!("Year,Headline,Text\n{rows}"));
        assert_eq!(imported.dataset.events.len(), 1_600);
        assert_eq!(imported.dataset.events[1_599].id, "2025-1600");
    }
}
