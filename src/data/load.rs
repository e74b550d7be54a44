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

/// The most events the app agrees to read: the size it is measured at
/// (`cargo xtask gen-data 100000`: a smooth timeline, about 240 MB of
/// WebAssembly memory once read). A file with more is refused after a
/// cheap scan of its bytes ([`count_events_up_to`]), before it is parsed:
/// a 1,000,000-event file small enough to pass [`MAX_FILE_BYTES`] froze
/// the page for minutes (146 s measured) and ended out of memory.
pub const MAX_EVENTS: usize = 100_000;

/// The events of a file, counted without parsing it, up to `limit + 1`
/// (then it stops: the file has too many, however many more): the items
/// of the top-level object's `events` list for JSON (ours and
/// TimelineJS's), the records after the header row for CSV. Strings and
/// nesting are followed byte by byte (a `,` or `"events"` inside a text
/// counts for nothing); nothing is allocated. Malformed files get a
/// count too, possibly wrong: the parser says what is wrong with them.
pub fn count_events_up_to(bytes: &[u8], limit: usize) -> usize {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => count_json_events(bytes, limit),
        Some(_) => count_csv_records(bytes, limit),
        None => 0,
    }
}

fn count_json_events(bytes: &[u8], limit: usize) -> usize {
    const EVENTS: &[u8] = b"\"events\"";
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0;
    // Inside the top-level object: whether the next string is a key, and
    // whether the last key read is `events`.
    let mut expect_key = false;
    let mut key_is_events = false;
    // Inside the top-level `events` list: whether an item may start.
    let mut in_events = false;
    let mut expect_item = false;
    let mut count = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
                if depth == 1 && expect_key {
                    key_is_events = &bytes[string_start..=at] == EVENTS;
                    expect_key = false;
                }
            }
            continue;
        }
        if byte.is_ascii_whitespace() {
            continue;
        }
        if in_events && depth == 2 && expect_item && byte != b']' {
            count += 1;
            expect_item = false;
            if count > limit {
                return count;
            }
        }
        match byte {
            b'"' => {
                in_string = true;
                string_start = at;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 1 {
                    expect_key = byte == b'{';
                } else if depth == 2 && key_is_events && byte == b'[' {
                    in_events = true;
                    expect_item = true;
                }
                if depth == 2 {
                    key_is_events = false;
                }
            }
            b'}' | b']' => {
                if depth == 2 {
                    in_events = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if depth == 1 => {
                expect_key = true;
                key_is_events = false;
            }
            b',' if depth == 2 && in_events => expect_item = true,
            _ => {}
        }
    }
    count
}

fn count_csv_records(bytes: &[u8], limit: usize) -> usize {
    let mut in_quotes = false;
    let mut rows = 0;
    let mut row_has_content = false;
    for &byte in bytes {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                row_has_content = true;
            }
            b'\n' | b'\r' if !in_quotes => {
                if row_has_content {
                    rows += 1;
                    // The header row is not an event.
                    if rows > limit + 1 {
                        return rows - 1;
                    }
                }
                row_has_content = false;
            }
            b' ' | b'\t' | b',' if !row_has_content => {}
            _ => row_has_content = true,
        }
    }
    if row_has_content {
        rows += 1;
    }
    rows.saturating_sub(1)
}

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
    if count_events_up_to(bytes, MAX_EVENTS) > MAX_EVENTS {
        let kind = ProblemKind::TooManyEvents {
            max_events: MAX_EVENTS,
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

    /// Our format with `n` minimal events (and texts that look like what the scan counts).
    fn ours_with(n: usize) -> String {
        let events: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "date": "2025-01-01", "title": {{"fr": "a, b [\"events\": [1, 2]]", "en": "x"}}, "tags": [1, 2, {{"events": [3]}}]}}"#
                )
            })
            .collect();
        format!(
            "{{\"title\": {{\"fr\": \"\\\"events\\\": [1,2]\"}}, \"eras\": [{{\"events\": [1, 2, 3]}}],\n \"events\": [{}], \"figures\": [1, 2]}}",
            events.join(",\n")
        )
    }

    #[test]
    fn events_are_counted_without_parsing_in_json_and_csv() {
        for n in [0, 1, 2, 7, 100] {
            let text = ours_with(n);
            assert_eq!(count_events_up_to(text.as_bytes(), 1_000), n, "{text}");
            let bom = format!("\u{feff}  {text}");
            assert_eq!(count_events_up_to(bom.as_bytes(), 1_000), n);
        }
        // TimelineJS JSON: a title slide and eras are not events.
        let timelinejs = r#"{"title": {"text": {"headline": "T"}}, "events": [
            {"start_date": {"year": 2025}, "text": {"headline": "a, b"}},
            {"start_date": {"year": "2026"}}], "eras": [{"start_date": {"year": 1}}]}"#;
        assert_eq!(count_events_up_to(timelinejs.as_bytes(), 1_000), 2);
        assert_eq!(count_events_up_to(br#"{"events": []}"#, 1_000), 0);
        assert_eq!(count_events_up_to(b"[1, 2, 3]", 1_000), 0);
        // CSV: the records after the header; a quoted field may hold line breaks; blank lines
        // (or only commas) are no record.
        let csv =
            "Year,Headline,Text\r\n2025,\"a\nb\",\"c, \"\"d\"\"\"\r\n\r\n,,\n2026,e,f\n2027,g,h";
        assert_eq!(count_events_up_to(csv.as_bytes(), 1_000), 3);
        assert_eq!(count_events_up_to(b"Year,Headline\n", 1_000), 0);
        assert_eq!(count_events_up_to(b"", 1_000), 0);
        assert_eq!(count_events_up_to(b" \n ", 1_000), 0);
    }

    #[test]
    fn the_count_stops_one_past_the_limit() {
        let text = ours_with(50);
        assert_eq!(count_events_up_to(text.as_bytes(), 10), 11);
        assert_eq!(count_events_up_to(text.as_bytes(), 49), 50);
        assert_eq!(count_events_up_to(text.as_bytes(), 50), 50);
        let csv = format!("Year,Headline\n{}", "2025,a\n".repeat(50));
        assert_eq!(count_events_up_to(csv.as_bytes(), 10), 11);
        assert_eq!(count_events_up_to(csv.as_bytes(), 50), 50);
    }

    #[test]
    fn a_file_over_the_event_limit_is_refused_before_parsing_with_the_limit_named() {
        // One event more than the limit, each as small as an event gets: far under the size
        // limit, so the count is what refuses it.
        let events = vec![r#"{"id":"e","date":"2025"}"#; MAX_EVENTS + 1].join(",");
        let text = format!(r#"{{"events":[{events}]}}"#);
        assert!(text.len() < MAX_FILE_BYTES);
        let loaded = load(text.as_bytes());
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(
            loaded.problems[0].kind,
            ProblemKind::TooManyEvents {
                max_events: MAX_EVENTS
            }
        );
        assert!(loaded.dataset.events.is_empty());
        assert_eq!(loaded.format, None);
        let message = loaded.problems[0].message();
        assert_eq!(
            message.fr,
            "Le fichier compte plus de 100\u{202f}000 événements\u{202f}; la limite est de 100\u{202f}000."
        );
        assert_eq!(
            message.en,
            "The file has more than 100,000 events; the limit is 100,000."
        );
        // Under the limit, the file is read (its events are checked as usual).
        let events = [r#"{"id":"e","date":"2025"}"#; 3].join(",");
        let loaded = load(format!(r#"{{"events":[{events}]}}"#).as_bytes());
        assert!(!loaded
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::TooManyEvents { .. })));
    }
}
