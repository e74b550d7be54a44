//! Real TimelineJS timelines, imported: every example timeline Knight Lab ships in its npm
//! package (`@knight-lab/timelinejs`, installed into the gitignored `.tools/`, never committed)
//! goes through the app's own loader, and every event of each must show, at the year the file
//! gives it, on a timeline with an axis at phone and desktop widths. A step of
//! `cargo xtask test` (`--only timelinejs`).
//!
//! The events a file holds are counted here the way TimelineJS counts them, independently of
//! the importer: the `events` list of a JSON file; for a spreadsheet CSV, its non-blank rows
//! but the first `title` row and the `era` rows.

use std::path::{Path, PathBuf};

use ai_race::data::{self, csv, Format, Severity};
use ai_race::i18n::Lang;
use ai_race::scale::{axis_ticks, TimeScale};
use ai_race::state::ViewState;
use serde_json::Value;

use crate::{install, Result};

/// Timelines the package has always held; the step fails if one goes missing.
const EXPECTED: [&str; 4] = [
    "cosmo.json",
    "cosmo-mixed.json",
    "eras.json",
    "my-own-timeline.csv",
];

/// What one timeline file holds, counted as TimelineJS counts.
#[derive(Debug, Clone, PartialEq)]
struct InFile {
    format: Format,
    /// The start year of each event, as written (thousands separators removed).
    years: Vec<String>,
}

/// What the app made of it.
struct Shown {
    n_events: usize,
    years: Vec<String>,
    n_warnings: usize,
    n_errors: usize,
    deep_axis: bool,
    ticks: [usize; 2],
}

/// The step: the npm package's timelines.
pub fn check() -> Result<()> {
    let package_dir = install::timelinejs_package()?;
    println!(
        "{} {}:",
        install::TIMELINEJS_PACKAGE,
        install::TIMELINEJS_VERSION
    );
    check_dir(&package_dir, &EXPECTED)
}

/// `cargo xtask check-timelines DIR`: the same check on any folder of TimelineJS files.
pub fn check_command(args: &[String]) -> Result<()> {
    let [dir] = args else {
        return Err(format!("usage: cargo xtask {USAGE}"));
    };
    check_dir(Path::new(dir), &[])
}

pub const USAGE: &str = "check-timelines DIR";

/// Imports every TimelineJS file under `dir` (`expected` must be among them).
fn check_dir(package_dir: &Path, expected_files: &[&str]) -> Result<()> {
    let mut files = Vec::new();
    collect_files(package_dir, &mut files)?;
    files.sort();
    let mut timelines = Vec::new();
    let mut others = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        let name = path
            .strip_prefix(package_dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        match count_in_file(&bytes) {
            Some(in_file) => timelines.push((name, bytes, in_file)),
            None => others.push(name),
        }
    }
    println!(
        "{} timelines; not timelines: {} files (locales, package metadata, {})",
        timelines.len(),
        others.len(),
        others
            .iter()
            .filter(|name| !name.contains("/locale/"))
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    for expected in expected_files {
        if !timelines.iter().any(|(name, ..)| name.ends_with(expected)) {
            return Err(format!(
                "the package no longer holds {expected}: check its layout"
            ));
        }
    }
    println!(
        "{:<52} {:>6} {:>6} {:>6} {:>6} {:>5} {:>10}",
        "file", "format", "events", "shown", "warn", "error", "axis/ticks"
    );
    let mut failures = Vec::new();
    for (name, bytes, in_file) in &timelines {
        let shown = show(bytes);
        println!(
            "{:<52} {:>6} {:>6} {:>6} {:>6} {:>5} {:>10}",
            name,
            match in_file.format {
                Format::TimelineJsCsv => "csv",
                _ => "json",
            },
            in_file.years.len(),
            shown.n_events,
            shown.n_warnings,
            shown.n_errors,
            format!(
                "{} {}/{}",
                if shown.deep_axis { "deep" } else { "linear" },
                shown.ticks[0],
                shown.ticks[1]
            ),
        );
        failures.extend(compare(name, in_file, &shown));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// Every `.json` and `.csv` file under `dir`, but in nested `node_modules`.
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "node_modules") {
                collect_files(&path, files)?;
            }
        } else if path
            .extension()
            .is_some_and(|ext| ext == "json" || ext == "csv")
        {
            files.push(path);
        }
    }
    Ok(())
}

/// The events of a TimelineJS file, `None` when it is no timeline: a JSON object with an
/// `events` list, or a CSV whose header is a TimelineJS template's.
fn count_in_file(bytes: &[u8]) -> Option<InFile> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match data::detect_format(text)? {
        Format::TimelineJsJson => {
            let value: Value = serde_json::from_str(text).ok()?;
            let events = value.get("events")?.as_array()?;
            let years = events
                .iter()
                .map(|event| year_text(event.pointer("/start_date/year")))
                .collect();
            Some(InFile {
                format: Format::TimelineJsJson,
                years,
            })
        }
        Format::TimelineJsCsv => {
            let (records, _) = csv::parse(text);
            let mut rows = records.iter().filter(|r| !r.is_blank());
            let header: Vec<String> = rows
                .next()?
                .fields
                .iter()
                .map(|f| f.text.trim().to_string())
                .collect();
            let column = |name: &str| header.iter().position(|c| c == name);
            let (type_idx, year_idx) = (column("Type"), column("Year").or(column("Start Date")));
            let mut has_title = false;
            let mut years = Vec::new();
            for row in rows {
                let cell = |idx: Option<usize>| {
                    idx.and_then(|i| row.fields.get(i))
                        .map(|f| f.text.trim().to_string())
                        .unwrap_or_default()
                };
                match cell(type_idx).to_ascii_lowercase().as_str() {
                    "title" if !has_title => has_title = true,
                    "era" => {}
                    _ => years.push(year_text(Some(&Value::String(cell(year_idx))))),
                }
            }
            Some(InFile {
                format: Format::TimelineJsCsv,
                years,
            })
        }
        Format::Dataset | Format::Template => None,
    }
}

/// A year as TimelineJS reads it: spaces and thousands separators dropped.
fn year_text(value: Option<&Value>) -> String {
    let text = match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect()
}

/// Loads the file as the app does, and lays it out at 375 and 1280 px.
fn show(bytes: &[u8]) -> Shown {
    let loaded = data::load(bytes);
    let years = loaded
        .dataset
        .events
        .iter()
        .map(|event| event.date.year.to_string())
        .collect();
    let state = ViewState::new(&loaded.dataset, Lang::Fr);
    let ticks = [375.0, 1280.0]
        .map(|width| axis_ticks(&TimeScale::new(state.view, width), &state.axis).len());
    Shown {
        n_events: loaded.dataset.events.len(),
        years,
        n_warnings: loaded
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count(),
        n_errors: loaded
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count(),
        deep_axis: state.axis.is_deep(),
        ticks,
    }
}

/// What does not match: events lost, years moved, no axis.
fn compare(name: &str, in_file: &InFile, shown: &Shown) -> Vec<String> {
    let mut failures = Vec::new();
    if shown.n_events != in_file.years.len() {
        failures.push(format!(
            "{name}: {} events in the file, {} shown",
            in_file.years.len(),
            shown.n_events
        ));
    }
    if shown.n_errors > 0 {
        failures.push(format!("{name}: {} errors", shown.n_errors));
    }
    let normalise = |years: &[String]| {
        let mut years: Vec<i64> = years.iter().filter_map(|y| y.parse().ok()).collect();
        years.sort_unstable();
        years
    };
    let (file_years, shown_years) = (normalise(&in_file.years), normalise(&shown.years));
    if file_years != shown_years {
        failures.push(format!(
            "{name}: the years differ: file {file_years:?}, shown {shown_years:?}"
        ));
    }
    if shown.n_events > 0 && shown.ticks.contains(&0) {
        failures.push(format!("{name}: no axis tick at 375 or 1280 px"));
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_counted_as_timelinejs_counts_them() {
        let json = br#"{"events": [{"start_date": {"year": "-13,800,000,000"}}, {"start_date": {"year": 1990}}], "scale": "cosmological"}"#;
        let in_file = count_in_file(json).expect("a timeline");
        assert_eq!(in_file.years, ["-13800000000", "1990"]);
        let csv = b"Year,Month,Day,Headline,Type\n,,,Title,title\n2025,1,2,A,\n\n2025,,,Era,era\n1990,,,B,\n,,,Second title,title\n";
        let in_file = count_in_file(csv).expect("a timeline");
        assert_eq!(in_file.format, Format::TimelineJsCsv);
        // The second title row is an event, as TimelineJS makes it.
        assert_eq!(in_file.years, ["2025", "1990", ""]);
        assert_eq!(count_in_file(b"title,count,description\na,5,b\n"), None);
        assert_eq!(count_in_file(br#"[{"rank": 1}]"#), None);
        assert_eq!(count_in_file(br#"{"lang": "fr"}"#), None);
    }

    #[test]
    fn a_lost_event_or_a_moved_year_fails() {
        let in_file = InFile {
            format: Format::TimelineJsJson,
            years: vec!["-300".into(), "1990".into()],
        };
        let shown = |years: &[&str]| Shown {
            n_events: years.len(),
            years: years.iter().map(|y| y.to_string()).collect(),
            n_warnings: 0,
            n_errors: 0,
            deep_axis: false,
            ticks: [3, 8],
        };
        assert!(compare("f", &in_file, &shown(&["1990", "-300"])).is_empty());
        assert_eq!(compare("f", &in_file, &shown(&["1990"])).len(), 2);
        assert_eq!(compare("f", &in_file, &shown(&["1990", "-299"])).len(), 1);
    }
}
