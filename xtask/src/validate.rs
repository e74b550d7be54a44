//! `cargo xtask validate FILE [--lang fr|en]`: reads a data file the way
//! the app does (our JSON, TimelineJS JSON or CSV) and prints every problem
//! with its place (`FILE:LINE:COLUMN`, clickable in editors and terminals),
//! its JSON path, the message the in-app error panel shows, and a hint.
//! Fails when any problem is an error (the item it is about would not show).

use ai_race::data::{self, Format, Loaded, Severity};
use ai_race::i18n::Lang;

use crate::Result;

pub fn validate(args: &[String]) -> Result<()> {
    let (file, lang) = parse_args(args)?;
    let bytes = std::fs::read(&file).map_err(|err| format!("cannot read {file}: {err}"))?;
    let loaded = data::load(&bytes);
    print!("{}", report(&file, &loaded, lang));
    let n_errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if n_errors > 0 {
        return Err(format!(
            "{file}: {n_errors} error(s); fix them and run `cargo xtask validate {file}` again"
        ));
    }
    Ok(())
}

/// `FILE [--lang fr|en]`, in any order.
pub fn parse_args(args: &[String]) -> Result<(String, Lang)> {
    let mut file = None;
    let mut lang = Lang::Fr;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => {
                let code = args.next().ok_or("--lang needs fr or en")?;
                lang = Lang::from_code(code)
                    .ok_or_else(|| format!("unknown language {code:?}: use fr or en"))?;
            }
            other if other.starts_with('-') => return Err(format!("unknown option {other:?}")),
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("one file at a time ({other:?} is one too many)")),
        }
    }
    Ok((
        file.ok_or("which file? usage: cargo xtask validate FILE [--lang fr|en]")?,
        lang,
    ))
}

/// The printed report: one block per problem, then a summary line.
pub fn report(file: &str, loaded: &Loaded, lang: Lang) -> String {
    let strings = lang.strings();
    let mut out = String::new();
    for problem in &loaded.problems {
        let severity = match problem.severity {
            Severity::Error => strings.error_label,
            Severity::Warning => strings.warning_label,
        };
        let position = match (problem.line, problem.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            _ => file.to_string(),
        };
        let path = if problem.path.is_empty() {
            "$"
        } else {
            &problem.path
        };
        out.push_str(&format!("{severity}: {position}: {path}\n"));
        out.push_str(&format!("  {}\n", lang.pick(&problem.message())));
        out.push_str(&format!(
            "  {}{}{}\n\n",
            strings.hint_label,
            strings.colon,
            lang.pick(&problem.hint())
        ));
    }
    let n_errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let n_warnings = loaded.problems.len() - n_errors;
    let format = match loaded.format {
        Some(Format::Dataset) => "dataset JSON",
        Some(Format::TimelineJsJson) => "TimelineJS JSON",
        Some(Format::TimelineJsCsv) => "TimelineJS CSV",
        Some(Format::Template) => "spreadsheet template CSV",
        None => "unknown format",
    };
    out.push_str(&format!(
        "{file} ({format}): {} event(s) shown, {n_errors} error(s), {n_warnings} warning(s)\n",
        loaded.dataset.events.len()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn arguments_name_one_file_and_an_optional_language() {
        assert_eq!(
            parse_args(&args(&["x.json"])).unwrap(),
            ("x.json".to_string(), Lang::Fr)
        );
        assert_eq!(
            parse_args(&args(&["--lang", "en", "x.csv"])).unwrap(),
            ("x.csv".to_string(), Lang::En)
        );
        assert!(parse_args(&args(&[])).is_err());
        assert!(parse_args(&args(&["a", "b"])).is_err());
        assert!(parse_args(&args(&["a", "--lang", "de"])).is_err());
    }

    #[test]
    fn the_report_gives_place_path_message_and_hint_of_each_problem() {
        let json = "{\n  \"events\": [\n    {\"id\": \"a\", \"date\": \"2025-02-30\", \"title\": {\"fr\": \"T\", \"en\": \"T\"}, \"track\": \"t\"}\n  ]\n}\n";
        let loaded = data::load(json.as_bytes());
        let report = report("x.json", &loaded, Lang::En);
        assert!(
            report.contains("Error: x.json:3:25: events[0].date\n"),
            "{report}"
        );
        assert!(
            report.contains("  The date \"2025-02-30\" does not exist in the calendar.\n"),
            "{report}"
        );
        assert!(
            report.contains("  What to do: Check the day and month"),
            "{report}"
        );
        assert!(
            report.ends_with("x.json (dataset JSON): 0 event(s) shown, 2 error(s), 4 warning(s)\n"),
            "{report}"
        );
    }

    #[test]
    fn the_published_dataset_validates_clean() {
        let loaded = data::load(data::BUNDLED_JSON.as_bytes());
        assert!(
            report("d.json", &loaded, Lang::Fr).ends_with(", 0 erreur(s), 0 avertissement(s)\n")
                || loaded.problems.is_empty()
        );
        assert!(loaded.problems.is_empty());
    }
}
