//! A small RFC 4180 CSV reader: comma-separated fields, double-quoted
//! fields that may hold commas, line breaks and doubled quotes (`""`),
//! records ending in CRLF, LF or CR. Every field keeps its line and column
//! so that problems point into the file. Never panics; linear time.

/// One cell and where it starts (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub line: usize,
    pub column: usize,
}

impl Field {
    /// A field that starts at `line`, `column` and holds nothing yet.
    fn empty(line: usize, column: usize) -> Field {
        Field {
            text: String::new(),
            line,
            column,
        }
    }
}

/// One record (row) and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<Field>,
}

impl Record {
    /// True for a row with no text in any cell (spreadsheets export them).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.text.trim().is_empty())
    }
}

/// The records of `text`, and the line and column of a quoted field that
/// never closes, if any (the rest of the file is then that field's text).
/// A byte-order mark at the start is skipped.
pub fn parse(text: &str) -> (Vec<Record>, Option<(usize, usize)>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut unclosed = None;
    let mut chars = text.chars().peekable();
    let (mut line, mut column) = (1usize, 1usize);
    let mut record = Record {
        line,
        fields: Vec::new(),
    };
    let mut field = Field::empty(line, column);
    let mut in_quotes = false;
    let mut field_started = false;
    let mut quote_start = (1, 1);

    while let Some(c) = chars.next() {
        let (here_line, here_column) = (line, column);
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            column = 1;
        } else if c != '\r' {
            column += 1;
        }
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                    field.text.push('"');
                } else {
                    in_quotes = false;
                }
            } else if c == '\r' && chars.peek() == Some(&'\n') {
                // CRLF inside a quoted field is one line break.
            } else {
                field.text.push(c);
            }
            continue;
        }
        match c {
            '"' if !field_started => {
                in_quotes = true;
                field_started = true;
                quote_start = (here_line, here_column);
            }
            ',' => {
                record
                    .fields
                    .push(std::mem::replace(&mut field, Field::empty(line, column)));
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record
                    .fields
                    .push(std::mem::replace(&mut field, Field::empty(line, column)));
                let finished = std::mem::replace(
                    &mut record,
                    Record {
                        line,
                        fields: Vec::new(),
                    },
                );
                records.push(finished);
                field_started = false;
            }
            _ => {
                // A quote inside an unquoted field is kept as written.
                field.text.push(c);
                field_started = true;
            }
        }
    }
    if in_quotes {
        unclosed = Some(quote_start);
    }
    if field_started || !record.fields.is_empty() {
        record.fields.push(field);
        records.push(record);
    }
    (records, unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(records: &[Record]) -> Vec<Vec<&str>> {
        records
            .iter()
            .map(|r| r.fields.iter().map(|f| f.text.as_str()).collect())
            .collect()
    }

    /// Parses `csv` and compares the cell texts.
    fn check(csv: &str, expected: &[&[&str]]) {
        let (records, unclosed) = parse(csv);
        assert_eq!(unclosed, None, "{csv:?}");
        assert_eq!(texts(&records), expected, "{csv:?}");
    }

    #[test]
    fn fields_split_on_commas_and_records_on_any_line_ending() {
        check("a,b\nc,d", &[&["a", "b"], &["c", "d"]]);
        check("a,b\r\nc,d\r\n", &[&["a", "b"], &["c", "d"]]);
        check("a\rb\r", &[&["a"], &["b"]]);
        check("a,,\n", &[&["a", "", ""]]);
        check("", &[]);
    }

    #[test]
    fn quoted_fields_hold_commas_line_breaks_and_doubled_quotes() {
        check(
            "title,count,description\n\"a, day\",5,\"pile it \"\"all\"\" in,\r\nnew lines!\"\n",
            &[
                &["title", "count", "description"],
                &["a, day", "5", "pile it \"all\" in,\nnew lines!"],
            ],
        );
        check("x\"y,z", &[&["x\"y", "z"]]);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_positions_are_kept() {
        let (records, _) = parse("\u{feff}Year,Headline\n2025,\"Été\nmeurtrier\",x\n");
        assert_eq!(records[0].fields[0].text, "Year");
        let cell = &records[1].fields[2];
        assert_eq!((cell.text.as_str(), cell.line, cell.column), ("x", 3, 12));
        assert_eq!(records[1].line, 2);
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let (records, unclosed) = parse("a,b\nc,\"never\nclosed");
        assert_eq!(unclosed, Some((2, 3)));
        assert_eq!(
            texts(&records),
            vec![vec!["a", "b"], vec!["c", "never\nclosed"]]
        );
    }
}
