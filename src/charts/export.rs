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
use super::source_citation;
use crate::data::{ActorKind, Dataset, Figure, FigureKind, SourceRef, Unit};
use crate::i18n::Lang;

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
/// break; CRLF at the end.
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let escaped: Vec<String> = fields
        .iter()
        .map(|field| {
            let field = field.as_ref();
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.to_string()
            }
        })
        .collect();
    format!("{}\r\n", escaped.join(","))
}

fn snake(kind: FigureKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn unit_code(unit: Unit) -> String {
    serde_json::to_value(unit)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn actor_kind_code(kind: ActorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A number as written in data files: no exponent, no trailing ".0".
fn raw_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn source_json(dataset: &Dataset, source: &SourceRef) -> Value {
    json!({
        "citation": source_citation(dataset, source),
        "seed": source.seed,
        "quote": source.quote,
        "url": source.url,
        "publisher": source.publisher,
    })
}

/// The three source columns of a CSV row: citations, files or addresses,
/// quotes (several sources joined with " | ").
fn source_columns(dataset: &Dataset, sources: &[SourceRef]) -> [String; 3] {
    let join = |parts: Vec<String>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    [
        join(
            sources
                .iter()
                .map(|s| source_citation(dataset, s))
                .collect(),
        ),
        join(
            sources
                .iter()
                .map(|s| s.seed.clone().or_else(|| s.url.clone()).unwrap_or_default())
                .collect(),
        ),
        join(
            sources
                .iter()
                .map(|s| s.quote.clone().unwrap_or_default())
                .collect(),
        ),
    ]
}

const SOURCE_HEADERS: [&str; 3] = ["sources", "source_files_or_urls", "source_quotes"];

fn initiative_id(figure: &Figure) -> String {
    figure.initiative.clone().unwrap_or_default()
}

fn event_fields(dataset: &Dataset, event_idx: usize) -> (String, String, String) {
    match dataset.events.get(event_idx) {
        Some(event) => (
            event.id.clone(),
            event.date.iso(),
            event.date_kind.code().to_string(),
        ),
        None => Default::default(),
    }
}

fn initiative_label(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    figure
        .initiative
        .as_deref()
        .and_then(|id| dataset.initiative(id))
        .map(|i| lang.pick(&i.label).to_string())
        .unwrap_or_default()
}

pub fn commitments_csv(dataset: &Dataset, lang: Lang) -> String {
    let model = CommitmentsModel::new(dataset);
    let mut headers = vec![
        "figure_id",
        "initiative_id",
        "initiative",
        "kind",
        "amount_usd",
        "qualifier",
        "period_years",
        "per_year_usd",
        "event_id",
        "event_date",
        "date_kind",
        "label",
    ];
    headers.extend(SOURCE_HEADERS);
    let mut out = csv_record(&headers);
    for bar in &model.bars {
        let figure = &dataset.figures[bar.figure_idx];
        let (event_id, date, date_kind) = event_fields(dataset, bar.event_idx);
        let [citations, files, quotes] = source_columns(dataset, &figure.sources);
        out.push_str(&csv_record(&[
            figure.id.clone(),
            initiative_id(figure),
            initiative_label(dataset, figure, lang),
            snake(figure.kind),
            raw_number(figure.value),
            figure.qualifier.code().to_string(),
            bar.period_years.map(raw_number).unwrap_or_default(),
            bar.per_year_usd().map(raw_number).unwrap_or_default(),
            event_id,
            date,
            date_kind,
            lang.pick(&figure.label).to_string(),
            citations,
            files,
            quotes,
        ]));
    }
    out
}

fn figure_json(dataset: &Dataset, figure: &Figure, lang: Lang) -> serde_json::Map<String, Value> {
    let (event_id, date, date_kind) = event_fields(dataset, figure.event_idx);
    let mut object = serde_json::Map::new();
    object.insert("figure_id".into(), json!(figure.id));
    object.insert("initiative_id".into(), json!(figure.initiative));
    object.insert(
        "initiative".into(),
        json!(initiative_label(dataset, figure, lang)),
    );
    object.insert("kind".into(), json!(snake(figure.kind)));
    object.insert("value".into(), json!(figure.value));
    object.insert("unit".into(), json!(unit_code(figure.unit)));
    object.insert("qualifier".into(), json!(figure.qualifier.code()));
    object.insert("label".into(), json!(lang.pick(&figure.label)));
    object.insert("event_id".into(), json!(event_id));
    object.insert("event_date".into(), json!(date));
    object.insert("date_kind".into(), json!(date_kind));
    let committed: Vec<Value> = figure
        .committed_by
        .iter()
        .map(|id| json!({"id": id, "name": dataset.actor_name(id, lang)}))
        .collect();
    object.insert("committed_by".into(), Value::Array(committed));
    object.insert(
        "sources".into(),
        Value::Array(
            figure
                .sources
                .iter()
                .map(|s| source_json(dataset, s))
                .collect(),
        ),
    );
    object
}

fn document(chart: &str, lang: Lang, note: &str, key: &str, items: Vec<Value>) -> String {
    let mut root = serde_json::Map::new();
    root.insert("chart".into(), json!(chart));
    root.insert("lang".into(), json!(lang.code()));
    root.insert("note".into(), json!(note));
    root.insert(key.into(), Value::Array(items));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
}

pub fn commitments_json(dataset: &Dataset, lang: Lang) -> String {
    let model = CommitmentsModel::new(dataset);
    let items = model
        .bars
        .iter()
        .map(|bar| {
            let mut object = figure_json(dataset, &dataset.figures[bar.figure_idx], lang);
            object.insert("period_years".into(), json!(bar.period_years));
            object.insert("per_year_usd".into(), json!(bar.per_year_usd()));
            Value::Object(object)
        })
        .collect();
    document(
        "commitments",
        lang,
        lang.strings().chart_export_note_commitments,
        "figures",
        items,
    )
}

pub fn cumulative_csv(dataset: &Dataset, lang: Lang) -> String {
    let model = CumulativeModel::new(dataset);
    let mut headers = vec![
        "event_date",
        "date_kind",
        "event_id",
        "figure_id",
        "initiative_id",
        "initiative",
        "kind",
        "amount_usd",
        "qualifier",
        "cumulative_usd",
        "label",
    ];
    headers.extend(SOURCE_HEADERS);
    let mut out = csv_record(&headers);
    for step in &model.steps {
        let figure = &dataset.figures[step.figure_idx];
        let (event_id, date, date_kind) = event_fields(dataset, step.event_idx);
        let [citations, files, quotes] = source_columns(dataset, &figure.sources);
        out.push_str(&csv_record(&[
            date,
            date_kind,
            event_id,
            figure.id.clone(),
            initiative_id(figure),
            initiative_label(dataset, figure, lang),
            snake(figure.kind),
            raw_number(figure.value),
            figure.qualifier.code().to_string(),
            raw_number(step.total_usd),
            lang.pick(&figure.label).to_string(),
            citations,
            files,
            quotes,
        ]));
    }
    out
}

pub fn cumulative_json(dataset: &Dataset, lang: Lang) -> String {
    let model = CumulativeModel::new(dataset);
    let items = model
        .steps
        .iter()
        .map(|step| {
            let mut object = figure_json(dataset, &dataset.figures[step.figure_idx], lang);
            object.insert("cumulative_usd".into(), json!(step.total_usd));
            Value::Object(object)
        })
        .collect();
    let counted: Vec<String> = COUNTED_KINDS.iter().map(|k| snake(*k)).collect();
    let note = format!(
        "{} (kinds: {})",
        lang.strings().chart_cumulative_rule,
        counted.join(", ")
    );
    document("cumulative", lang, &note, "steps", items)
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
                                "sources": e.sources.iter().map(|s| source_json(dataset, s)).collect::<Vec<_>>(),
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

pub fn key_figures_csv(dataset: &Dataset, lang: Lang) -> String {
    let cards = KeyFigures::new(dataset);
    let mut headers = vec![
        "figure_id",
        "value",
        "unit",
        "kind",
        "qualifier",
        "label",
        "initiative_id",
        "event_id",
        "event_date",
        "date_kind",
    ];
    headers.extend(SOURCE_HEADERS);
    let mut out = csv_record(&headers);
    for &idx in &cards.figure_idxs {
        let figure = &dataset.figures[idx];
        let (event_id, date, date_kind) = event_fields(dataset, figure.event_idx);
        let [citations, files, quotes] = source_columns(dataset, &figure.sources);
        out.push_str(&csv_record(&[
            figure.id.clone(),
            raw_number(figure.value),
            unit_code(figure.unit),
            snake(figure.kind),
            figure.qualifier.code().to_string(),
            lang.pick(&figure.label).to_string(),
            initiative_id(figure),
            event_id,
            date,
            date_kind,
            citations,
            files,
            quotes,
        ]));
    }
    out
}

pub fn key_figures_json(dataset: &Dataset, lang: Lang) -> String {
    let cards = KeyFigures::new(dataset);
    let items = cards
        .figure_idxs
        .iter()
        .map(|&i| Value::Object(figure_json(dataset, &dataset.figures[i], lang)))
        .collect();
    document(
        "key_figures",
        lang,
        lang.strings().chart_export_note_key_figures,
        "figures",
        items,
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
    fn the_cumulative_export_counts_announcements_only() {
        let (dataset, _) = data::bundled();
        let records = parse_csv(&cumulative_csv(&dataset, Lang::En));
        let last = records.last().unwrap();
        let col = records[0]
            .iter()
            .position(|h| h == "cumulative_usd")
            .unwrap();
        assert_eq!(last[col], "1475000000000");
        let json: Value = serde_json::from_str(&cumulative_json(&dataset, Lang::En)).unwrap();
        let steps = json["steps"].as_array().unwrap();
        assert_eq!(steps.len(), records.len() - 1);
        assert!(steps
            .iter()
            .all(|s| s["kind"] == "announced" || s["kind"] == "planned_spending"));
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
