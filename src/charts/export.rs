//! The data behind each chart as CSV and JSON, with the sources of every
//! figure (article, file or address, and the verbatim quote), for readers
//! and newsrooms who want to check or reuse it.
//!
//! Numbers are written raw (`500000000000`, dot decimals) so spreadsheets
//! and scripts read them in any locale; labels are in the reader's
//! language. CSV follows RFC 4180 (comma, CRLF, quotes doubled).

use serde_json::{json, Value};

use super::actor_matrix::{kind_heading, ActorMatrix};
use super::commitments::CommitmentsModel;
use super::cumulative::{CumulativeModel, COUNTED_KINDS};
use super::key_figures::KeyFigures;
use crate::data::{ActorKind, Dataset};
use crate::i18n::{Lang, PlainFormatter};
use crate::present::columns::source_object;
use crate::present::{Column, Row};

/// Which chart's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportChart {
    Commitments,
    Cumulative,
    ActorMatrix,
    KeyFigures,
}

impl ExportChart {
    /// The file name without extension, e.g. `ai-race-2025-commitments`.
    pub fn file_stem(self) -> &'static str {
        match self {
            ExportChart::Commitments => "ai-race-2025-commitments",
            ExportChart::Cumulative => "ai-race-2025-cumulative",
            ExportChart::ActorMatrix => "ai-race-2025-actors",
            ExportChart::KeyFigures => "ai-race-2025-key-figures",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json;charset=utf-8",
        }
    }
}

/// A file ready to download.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub file_name: String,
    pub mime: &'static str,
    pub content: String,
}

/// Builds the file for one chart and format.
pub fn export(
    dataset: &Dataset,
    chart: ExportChart,
    format: ExportFormat,
    lang: Lang,
) -> ExportFile {
    let content = match (chart, format) {
        (ExportChart::Commitments, ExportFormat::Csv) => commitments_csv(dataset, lang),
        (ExportChart::Commitments, ExportFormat::Json) => commitments_json(dataset, lang),
        (ExportChart::Cumulative, ExportFormat::Csv) => cumulative_csv(dataset, lang),
        (ExportChart::Cumulative, ExportFormat::Json) => cumulative_json(dataset, lang),
        (ExportChart::ActorMatrix, ExportFormat::Csv) => matrix_csv(dataset, lang),
        (ExportChart::ActorMatrix, ExportFormat::Json) => matrix_json(dataset, lang),
        (ExportChart::KeyFigures, ExportFormat::Csv) => key_figures_csv(dataset, lang),
        (ExportChart::KeyFigures, ExportFormat::Json) => key_figures_json(dataset, lang),
    };
    ExportFile {
        file_name: format!(
            "{}-{}.{}",
            chart.file_stem(),
            lang.code(),
            format.extension()
        ),
        mime: format.mime(),
        content,
    }
}

/// One CSV record: fields quoted when they hold a comma, a quote or a line
/// break; CRLF at the end. A field a spreadsheet would run as a formula is
/// neutralised ([`csv_field`]).
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let escaped: Vec<String> = fields
        .iter()
        .map(|field| csv_field(field.as_ref()))
        .collect();
    format!("{}\r\n", escaped.join(","))
}

/// One CSV field. A text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is a formula to Excel, LibreOffice and Google Sheets
/// (OWASP "CSV injection": a title from an imported file could run
/// `=HYPERLINK(…)` or worse): it gets a leading single quote, which the
/// spreadsheet shows as text, and is quoted. A plain decimal number (`-12.5`)
/// is left as it is: it can run nothing, and a spreadsheet reads it as the
/// number it is.
///
/// Architecture Invariant: every CSV the app writes goes through here.
pub fn csv_field(field: &str) -> String {
    let is_formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if is_formula && !is_plain_number(field) {
        format!("\"'{}\"", field.replace('"', "\"\""))
    } else if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// `-12.5`, `7`, `-0.25`: digits, at most one point, an optional minus.
fn is_plain_number(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn actor_kind_code(kind: ActorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The columns of the commitments export (one definition of each in
/// `present::columns`, shared with the on-screen tables).
pub const COMMITMENTS_EXPORT: [Column; 18] = [
    Column::FigureId,
    Column::InitiativeId,
    Column::Initiative,
    Column::Kind,
    Column::Amount,
    Column::Qualifier,
    Column::Shown,
    Column::Period,
    Column::PerYear,
    Column::EventId,
    Column::Date,
    Column::DateKind,
    Column::DateShown,
    Column::Label,
    Column::StatedBy,
    Column::CommittedBy,
    Column::Notes,
    Column::Sources,
];

/// The columns of the cumulative export: the added amounts, then the
/// others with why they are not added.
pub const CUMULATIVE_EXPORT: [Column; 18] = [
    Column::Date,
    Column::DateKind,
    Column::DateShown,
    Column::EventId,
    Column::FigureId,
    Column::InitiativeId,
    Column::Initiative,
    Column::Kind,
    Column::Amount,
    Column::Qualifier,
    Column::Shown,
    Column::RunningTotal,
    Column::Added,
    Column::Label,
    Column::StatedBy,
    Column::CommittedBy,
    Column::Notes,
    Column::Sources,
];

/// The columns of the key-figures export.
pub const KEY_FIGURES_EXPORT: [Column; 16] = [
    Column::FigureId,
    Column::Value,
    Column::Unit,
    Column::Kind,
    Column::Qualifier,
    Column::Shown,
    Column::Label,
    Column::InitiativeId,
    Column::EventId,
    Column::Date,
    Column::DateKind,
    Column::DateShown,
    Column::StatedBy,
    Column::CommittedBy,
    Column::Notes,
    Column::Sources,
];

/// Figure rows as CSV: a header record, then a record per row.
fn figure_csv(rows: &[Row], columns: &[Column], lang: Lang) -> String {
    let fmt = PlainFormatter(lang);
    let headers: Vec<&str> = columns.iter().flat_map(|c| c.csv_headers()).collect();
    let mut out = csv_record(&headers);
    for row in rows {
        let fields: Vec<String> = columns
            .iter()
            .flat_map(|c| c.csv_fields(row, &fmt))
            .collect();
        out.push_str(&csv_record(&fields));
    }
    out
}

/// Figure rows as JSON objects, a field per column.
fn figure_items(rows: &[Row], columns: &[Column], lang: Lang) -> Vec<Value> {
    let fmt = PlainFormatter(lang);
    rows.iter()
        .map(|row| {
            let object: serde_json::Map<String, Value> = columns
                .iter()
                .map(|c| (c.key().to_string(), c.raw(row, &fmt)))
                .collect();
            Value::Object(object)
        })
        .collect()
}

fn document(chart: &str, lang: Lang, note: &str, key: &str, items: Vec<Value>) -> String {
    let mut root = serde_json::Map::new();
    root.insert("chart".into(), json!(chart));
    root.insert("lang".into(), json!(lang.code()));
    root.insert("note".into(), json!(note));
    root.insert(key.into(), Value::Array(items));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
}

fn commitments_rows(dataset: &Dataset) -> Vec<Row<'_>> {
    CommitmentsModel::new(dataset)
        .bars
        .iter()
        .map(|bar| Row::new(dataset, bar.figure_idx))
        .collect()
}

pub fn commitments_csv(dataset: &Dataset, lang: Lang) -> String {
    figure_csv(&commitments_rows(dataset), &COMMITMENTS_EXPORT, lang)
}

pub fn commitments_json(dataset: &Dataset, lang: Lang) -> String {
    document(
        "commitments",
        lang,
        lang.strings().chart_export_note_commitments,
        "figures",
        figure_items(&commitments_rows(dataset), &COMMITMENTS_EXPORT, lang),
    )
}

pub fn cumulative_csv(dataset: &Dataset, lang: Lang) -> String {
    let model = CumulativeModel::new(dataset);
    let reasons = model.reason_texts(dataset, &PlainFormatter(lang));
    figure_csv(&model.rows(dataset, &reasons), &CUMULATIVE_EXPORT, lang)
}

pub fn cumulative_json(dataset: &Dataset, lang: Lang) -> String {
    let model = CumulativeModel::new(dataset);
    let reasons = model.reason_texts(dataset, &PlainFormatter(lang));
    let counted: Vec<&str> = COUNTED_KINDS.iter().map(|k| k.code()).collect();
    let note = format!(
        "{} (kinds: {})",
        lang.strings().chart_cumulative_rule,
        counted.join(", ")
    );
    document(
        "cumulative",
        lang,
        &note,
        "steps",
        figure_items(&model.rows(dataset, &reasons), &CUMULATIVE_EXPORT, lang),
    )
}

pub fn matrix_csv(dataset: &Dataset, lang: Lang) -> String {
    let matrix = ActorMatrix::new(dataset);
    let mut headers = vec![
        "actor_id".to_string(),
        "actor".to_string(),
        "actor_kind".to_string(),
    ];
    headers.extend(
        matrix
            .initiative_idxs
            .iter()
            .map(|&i| dataset.initiatives[i].id.clone()),
    );
    let mut out = csv_record(&headers);
    for (row, &actor_idx) in matrix.actor_idxs.iter().enumerate() {
        let actor = &dataset.actors[actor_idx];
        let mut fields = vec![
            actor.id.clone(),
            lang.pick(&actor.name).to_string(),
            kind_heading(actor.kind, lang.strings()).to_string(),
        ];
        fields.extend(matrix.cells[row].iter().map(|events| {
            events
                .iter()
                .filter_map(|&e| dataset.events.get(e))
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
                .join(" ")
        }));
        out.push_str(&csv_record(&fields));
    }
    out
}

pub fn matrix_json(dataset: &Dataset, lang: Lang) -> String {
    let matrix = ActorMatrix::new(dataset);
    let fmt = PlainFormatter(lang);
    let initiatives: Vec<Value> = matrix
        .initiative_idxs
        .iter()
        .map(|&i| json!({"id": dataset.initiatives[i].id, "label": lang.pick(&dataset.initiatives[i].label)}))
        .collect();
    let actors: Vec<Value> = matrix
        .actor_idxs
        .iter()
        .enumerate()
        .map(|(row, &a)| {
            let actor = &dataset.actors[a];
            let links: Vec<Value> = matrix.cells[row]
                .iter()
                .enumerate()
                .filter(|(_, events)| !events.is_empty())
                .map(|(column, events)| {
                    let events: Vec<Value> = events
                        .iter()
                        .filter_map(|&e| dataset.events.get(e))
                        .map(|e| {
                            json!({
                                "event_id": e.id,
                                "date": e.date.iso(),
                                "title": lang.pick(&e.title),
                                "sources": e.sources.iter().map(|s| source_object(dataset, s, &fmt)).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    json!({"initiative_id": dataset.initiatives[matrix.initiative_idxs[column]].id, "events": events})
                })
                .collect();
            json!({"id": actor.id, "name": lang.pick(&actor.name), "kind": actor_kind_code(actor.kind), "in": links})
        })
        .collect();
    let mut root = serde_json::Map::new();
    root.insert("chart".into(), json!("actors"));
    root.insert("lang".into(), json!(lang.code()));
    root.insert(
        "note".into(),
        json!(lang.strings().chart_export_note_matrix),
    );
    root.insert("initiatives".into(), Value::Array(initiatives));
    root.insert("actors".into(), Value::Array(actors));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
}

fn key_figure_rows(dataset: &Dataset) -> Vec<Row<'_>> {
    KeyFigures::new(dataset)
        .figure_idxs
        .iter()
        .map(|&idx| Row::new(dataset, idx))
        .collect()
}

pub fn key_figures_csv(dataset: &Dataset, lang: Lang) -> String {
    figure_csv(&key_figure_rows(dataset), &KEY_FIGURES_EXPORT, lang)
}

pub fn key_figures_json(dataset: &Dataset, lang: Lang) -> String {
    document(
        "key_figures",
        lang,
        lang.strings().chart_export_note_key_figures,
        "figures",
        figure_items(&key_figure_rows(dataset), &KEY_FIGURES_EXPORT, lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    /// Splits RFC 4180 text into records of fields (enough for tests).
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let (mut record, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => record.push(std::mem::take(&mut field)),
                ('\r', false) => {}
                ('\n', false) => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (c, _) => field.push(c),
            }
        }
        records
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(
            csv_record(&["a", "b c", "d,e", "say \"hi\""]),
            "a,b c,\"d,e\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            parse_csv(&csv_record(&["x,y", "\"q\"", "l1\nl2"])),
            vec![vec!["x,y", "\"q\"", "l1\nl2"]]
        );
    }

    #[test]
    fn the_commitments_csv_has_a_row_per_bar_with_raw_amounts_and_quotes() {
        let (dataset, _) = data::bundled();
        let records = parse_csv(&commitments_csv(&dataset, Lang::Fr));
        let headers = &records[0];
        let n_money = dataset.figures.iter().filter(|f| f.unit.is_money()).count();
        assert_eq!(records.len(), n_money + 1);
        assert!(records.iter().all(|r| r.len() == headers.len()));
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let stargate = records.iter().find(|r| r[0] == "stargate-500bn").unwrap();
        assert_eq!(stargate[col("amount_usd")], "500000000000");
        assert_eq!(stargate[col("period_years")], "4");
        assert_eq!(stargate[col("per_year_usd")], "125000000000");
        assert_eq!(stargate[col("event_date")], "2025-01-21");
        let quote = dataset
            .figures
            .iter()
            .find(|f| f.id == "stargate-500bn")
            .unwrap()
            .sources[0]
            .quote
            .clone()
            .unwrap();
        assert!(stargate[col("source_quotes")].contains(&quote));
        let tranche = records
            .iter()
            .find(|r| r[0] == "stargate-first-100bn")
            .unwrap();
        assert_eq!(tranche[col("per_year_usd")], "", "no period, no guess");
    }

    #[test]
    fn the_cumulative_export_lists_what_is_added_and_what_is_not_with_why() {
        let (dataset, _) = data::bundled();
        let model = CumulativeModel::new(&dataset);
        let records = parse_csv(&cumulative_csv(&dataset, Lang::En));
        let col = |name: &str| records[0].iter().position(|h| h == name).unwrap();
        assert_eq!(
            records.len() - 1,
            model.steps.len() + model.left_out.len(),
            "every dollar amount"
        );
        for (i, record) in records[1..].iter().enumerate() {
            let added = i < model.steps.len();
            assert_eq!(record[col("added_to_total")] == "true", added, "{record:?}");
            assert_eq!(record[col("cumulative_usd")].is_empty(), !added);
            if !added {
                assert!(!record[col("added_to_total")].is_empty(), "a reason");
            }
        }
        if let Some(last) = model.steps.len().checked_sub(1) {
            assert_eq!(
                records[1 + last][col("cumulative_usd")],
                crate::present::columns::raw_number(model.total_usd())
            );
        }
        let json: Value = serde_json::from_str(&cumulative_json(&dataset, Lang::En)).unwrap();
        let steps = json["steps"].as_array().unwrap();
        assert_eq!(steps.len(), records.len() - 1);
        assert!(steps
            .iter()
            .filter(|s| s["added_to_total"] == true)
            .all(|s| s["kind"] == "announced" || s["kind"] == "planned_spending"));
        assert!(steps
            .iter()
            .filter(|s| s["added_to_total"] != true)
            .all(|s| !s["added_to_total"]["why_not"]
                .as_array()
                .unwrap()
                .is_empty()));
        assert!(steps
            .iter()
            .all(|s| !s["sources"].as_array().unwrap().is_empty()));
    }

    #[test]
    fn json_exports_parse_and_carry_sources() {
        let (dataset, _) = data::bundled();
        for chart in [
            ExportChart::Commitments,
            ExportChart::Cumulative,
            ExportChart::ActorMatrix,
            ExportChart::KeyFigures,
        ] {
            for lang in Lang::ALL {
                let file = export(&dataset, chart, ExportFormat::Json, lang);
                let value: Value = serde_json::from_str(&file.content)
                    .unwrap_or_else(|e| panic!("{chart:?}: {e}"));
                assert_eq!(value["lang"], lang.code());
                assert!(file.content.contains("\"quote\""), "{chart:?} has quotes");
                assert!(file.file_name.ends_with(&format!("-{}.json", lang.code())));
                let csv = export(&dataset, chart, ExportFormat::Csv, lang);
                let records = parse_csv(&csv.content);
                assert!(
                    records.len() > 1 && records.iter().all(|r| r.len() == records[0].len()),
                    "{chart:?}"
                );
            }
        }
    }

    #[test]
    fn the_matrix_csv_has_a_column_per_initiative() {
        let (dataset, _) = data::bundled();
        let matrix = ActorMatrix::new(&dataset);
        let records = parse_csv(&matrix_csv(&dataset, Lang::Fr));
        assert_eq!(records[0].len(), 3 + matrix.initiative_idxs.len());
        assert_eq!(records.len(), 1 + matrix.actor_idxs.len());
        let softbank = records.iter().find(|r| r[0] == "softbank").unwrap();
        let stargate = records[0].iter().position(|h| h == "stargate").unwrap();
        assert!(softbank[stargate].contains("stargate-announced"));
    }
}
