//! Reading any file a journalist may bring: bytes in, a dataset and its
//! problems out, whatever the format (ours, TimelineJS JSON, TimelineJS
//! CSV) and whatever the bytes (wrong encoding, empty, huge...).

use std::borrow::Cow;

use super::problem::{Problem, ProblemKind};
use super::{parse, template, timelinejs, Dataset, RawDataset};

/// The largest file the app agrees to read: room for 100,000 events with
/// French and English texts and sources (about 65 MB, `cargo xtask
/// gen-data 100000`), which the timeline shows smoothly.
pub const MAX_FILE_BYTES: usize = 100_000_000;

/// The formats a data file may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// This timeline's own JSON (`www/data/ai-race-2025.json`).
    Dataset,
    TimelineJsJson,
    TimelineJsCsv,
    /// Our own spreadsheet template (`www/data/template.csv`).
    Template,
}

/// A file, read: what shows, what is wrong, and what it was.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    /// `None` when the format could not be told.
    pub format: Option<Format>,
    /// The file in our format (for `cargo xtask import`); `None` for our
    /// own files and unreadable ones.
    pub converted: Option<RawDataset>,
}

/// Tells the format from the content (never from a file name).
pub fn detect_format(text: &str) -> Option<Format> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    match trimmed.chars().next() {
        Some('{') if timelinejs::looks_like_json(trimmed) => Some(Format::TimelineJsJson),
        Some('{' | '[') => Some(Format::Dataset),
        Some(_) if template::looks_like_template(text) => Some(Format::Template),
        Some(_) if timelinejs::looks_like_csv(text) => Some(Format::TimelineJsCsv),
        _ => None,
    }
}

/// Reads a file's bytes. Never fails and never panics.
pub fn load(bytes: &[u8]) -> Loaded {
    if bytes.len() > MAX_FILE_BYTES {
        let kind = ProblemKind::FileTooLarge {
            n_bytes: bytes.len(),
            max_bytes: MAX_FILE_BYTES,
        };
        return Loaded {
            problems: vec![Problem::error("", kind)],
            ..Loaded::default()
        };
    }
    let (text, encoding_problem) = decode(bytes);
    let mut loaded = load_text(&text);
    if let Some(problem) = encoding_problem {
        loaded.problems.insert(0, problem);
    }
    loaded
}

/// Reads a text (already decoded).
pub fn load_text(text: &str) -> Loaded {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Loaded {
            problems: vec![Problem::error("", ProblemKind::EmptyFile)],
            ..Loaded::default()
        };
    }
    match detect_format(text) {
        Some(Format::Dataset) => {
            let (dataset, problems) = parse(text);
            Loaded {
                dataset,
                problems,
                format: Some(Format::Dataset),
                converted: None,
            }
        }
        Some(Format::TimelineJsJson) => {
            from_import(timelinejs::from_json(text), Format::TimelineJsJson)
        }
        Some(Format::TimelineJsCsv) => {
            from_import(timelinejs::from_csv(text), Format::TimelineJsCsv)
        }
        Some(Format::Template) => from_import(template::from_csv(text), Format::Template),
        None => {
            let mut problem = Problem::error("", ProblemKind::UnknownFormat);
            (problem.line, problem.column) = (Some(1), Some(1));
            Loaded {
                problems: vec![problem],
                ..Loaded::default()
            }
        }
    }
}

fn from_import(imported: timelinejs::Imported, format: Format) -> Loaded {
    let converted = (!imported.raw.events.is_empty()).then_some(imported.raw);
    Loaded {
        dataset: imported.dataset,
        problems: imported.problems,
        format: Some(format),
        converted,
    }
}

/// UTF-8 text, or the lossy decoding and a problem pointing at the first
/// bad byte (a Latin-1 export, say).
fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<Problem>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(err) => {
            let byte_offset = err.valid_up_to();
            let text = String::from_utf8_lossy(bytes);
            let mut problem = Problem::error("", ProblemKind::NotUtf8 { byte_offset });
            let before = String::from_utf8_lossy(&bytes[..byte_offset]);
            let (line, column) = super::locate::line_column(&before, before.len());
            (problem.line, problem.column) = (Some(line), Some(column));
            (text, Some(problem))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        let check = |text: &str, expected: Option<Format>| {
            assert_eq!(detect_format(text), expected, "{text}")
        };
        check(super::super::BUNDLED_JSON, Some(Format::Dataset));
        check(
            r#"{"events": [{"id": "a", "date": "2025"}]}"#,
            Some(Format::Dataset),
        );
        check(
            r#"{"events": [{"start_date": {"year": 2025}}]}"#,
            Some(Format::TimelineJsJson),
        );
        check(
            r#"{"title": {"text": {"headline": "T"}}, "events": []}"#,
            Some(Format::TimelineJsJson),
        );
        check("\u{feff}  {\"eras\": []}", Some(Format::TimelineJsJson));
        check(
            "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n",
            Some(Format::TimelineJsCsv),
        );
        check("type,id,date,title_fr\n", Some(Format::Template));
        check("\u{feff}\"type\",\"id\"\r\n", Some(Format::Template));
        check("id,type\n", None);
        check("[1, 2]", Some(Format::Dataset));
        check("hello, world", None);
        check("<html>", None);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_and_reported_at_their_place() {
        let mut bytes = b"{\n  \"title\": {\"fr\": \"Ann".to_vec();
        bytes.push(0xe9); // "é" in Latin-1
        bytes.extend_from_slice(b"e\"}}");
        let loaded = load(&bytes);
        assert!(matches!(
            loaded.problems[0].kind,
            ProblemKind::NotUtf8 { byte_offset: 24 }
        ));
        assert_eq!(
            (loaded.problems[0].line, loaded.problems[0].column),
            (Some(2), Some(23))
        );
    }

    #[test]
    fn empty_and_oversized_files_say_so() {
        assert!(matches!(load(b"").problems[0].kind, ProblemKind::EmptyFile));
        assert!(matches!(
            load(b" \n\t").problems[0].kind,
            ProblemKind::EmptyFile
        ));
        let huge = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(matches!(
            load(&huge).problems[0].kind,
            ProblemKind::FileTooLarge { .. }
        ));
    }
}
