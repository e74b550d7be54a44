//! Where a JSON path (`events[3].date`) is in the text of a file: the
//! 1-based line and column (in characters) that editors show.
//!
//! A small tolerant scanner over the raw text, independent of serde: it
//! works on broken files too (it finds what it can) and never panics, nor
//! recurses, whatever the input, so deep nesting cannot overflow the stack.

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// Splits `events[3].sources[0].seed` into its segments. `None` for a path
/// that is not of that form (a CSV place, say).
pub fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(cut) => (&part[..cut], &part[cut..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            segments.push(Segment::Key(key.to_string()));
        } else if rest.is_empty() {
            return None;
        }
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let index: usize = rest.get(1..close)?.parse().ok()?;
            segments.push(Segment::Index(index));
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with('[') {
                return None;
            }
        }
    }
    Some(segments)
}

/// The line and column of the value at `path`, or of the deepest part of
/// the path that exists (the enclosing object when a key is missing, the
/// top-level value when even the first key is). `None` for an empty path
/// or an empty text.
pub fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    let segments = parse_path(path)?;
    let offset = find_value(json.as_bytes(), &segments)?;
    Some(line_column(json, offset))
}

/// Locates many paths in one text, as [`locate`] does, in linear time
/// overall: the line starts and the items of the top-level lists are
/// indexed once. A problem on each of 100,000 events would otherwise scan
/// the file from its start 100,000 times.
pub struct Locator<'a> {
    json: &'a str,
    /// Byte offsets where lines start.
    line_starts: Vec<usize>,
    /// The top-level members in file order: key, and the offsets of the
    /// items when the value is a list.
    members: Vec<(String, Option<Vec<usize>>)>,
    /// The last offset located and its column: the next one on the same
    /// line (a minified file is one line) counts on from there.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Locator<'a> {
    pub fn new(json: &'a str) -> Locator<'a> {
        let bytes = json.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, &byte)| byte == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let mut members = Vec::new();
        let open = skip_ws(bytes, 0);
        if bytes.get(open) == Some(&b'{') {
            let mut pos = skip_ws(bytes, open + 1);
            while let Some(b'"') = bytes.get(pos) {
                let (key, after_key) = read_string(bytes, pos);
                pos = skip_ws(bytes, after_key);
                if bytes.get(pos) != Some(&b':') {
                    break;
                }
                let value_pos = skip_ws(bytes, pos + 1);
                let items =
                    (bytes.get(value_pos) == Some(&b'[')).then(|| item_offsets(bytes, value_pos));
                members.push((key, items));
                pos = skip_ws(bytes, skip_value(bytes, value_pos));
                if bytes.get(pos) != Some(&b',') {
                    break;
                }
                pos = skip_ws(bytes, pos + 1);
            }
        }
        Locator {
            json,
            line_starts,
            members,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// What [`locate`] gives for `path`.
    pub fn locate(&self, path: &str) -> Option<(usize, usize)> {
        let segments = parse_path(path)?;
        let bytes = self.json.as_bytes();
        let indexed = match segments.as_slice() {
            [Segment::Key(key), Segment::Index(index), rest @ ..] => self
                .members
                .iter()
                .find(|(name, _)| name == key)
                .and_then(|(_, items)| items.as_ref()?.get(*index))
                .map(|&item| walk(bytes, item, rest)),
            _ => None,
        };
        let offset = indexed.or_else(|| find_value(bytes, &segments))?;
        Some(self.line_column(offset))
    }

    /// [`line_column`], by binary search over the line starts.
    fn line_column(&self, byte_offset: usize) -> (usize, usize) {
        let text = self.json;
        let mut offset = byte_offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_idx).copied().unwrap_or(0);
        let (from, column) = match self.last.get() {
            (last, column) if last >= line_start && last <= offset => (last, column),
            _ => (line_start, 1),
        };
        let column = column + text[from..offset].chars().count();
        self.last.set((offset, column));
        (line_idx + 1, column)
    }
}

/// The offsets of the items of the array opening at `open`.
fn item_offsets(bytes: &[u8], open: usize) -> Vec<usize> {
    let mut items = Vec::new();
    let mut pos = skip_ws(bytes, open + 1);
    while pos < bytes.len() && bytes[pos] != b']' {
        items.push(pos);
        let after = skip_value(bytes, pos);
        if after == pos {
            break;
        }
        pos = skip_ws(bytes, after);
        if bytes.get(pos) != Some(&b',') {
            break;
        }
        pos = skip_ws(bytes, pos + 1);
    }
    items
}

/// From the value at `pos`, down `segments` as far as they exist: the
/// offset of the deepest value found.
fn walk(bytes: &[u8], mut pos: usize, segments: &[Segment]) -> usize {
    for segment in segments {
        let next = match (segment, bytes.get(pos)) {
            (Segment::Key(key), Some(b'{')) => find_member(bytes, pos, key),
            (Segment::Index(index), Some(b'[')) => find_item(bytes, pos, *index),
            _ => None,
        };
        match next {
            Some(value_pos) => pos = value_pos,
            None => break,
        }
    }
    pos
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, byte_offset: usize) -> (usize, usize) {
    let mut offset = byte_offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of the value at the deepest existing prefix of `segments`.
fn find_value(bytes: &[u8], segments: &[Segment]) -> Option<usize> {
    let pos = walk(bytes, skip_ws(bytes, 0), segments);
    (pos < bytes.len()).then_some(pos)
}

/// The keys of the top-level object, in file order (for format detection).
pub fn top_level_keys(json: &str) -> Vec<String> {
    top_level_keys_until(json, |_| false)
}

/// The top-level keys up to and including the first one `stop` accepts:
/// telling the format of a 60 MB file need not read past its first keys.
pub fn top_level_keys_until(json: &str, stop: impl Fn(&str) -> bool) -> Vec<String> {
    let bytes = json.as_bytes();
    let pos = skip_ws(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return Vec::new();
    }
    object_keys_until(bytes, pos, stop)
}

/// The keys of the object at `path` (for format detection).
pub fn keys_at(json: &str, path: &str) -> Vec<String> {
    let bytes = json.as_bytes();
    let Some(segments) = parse_path(path) else {
        return Vec::new();
    };
    let Some(pos) = find_value(bytes, &segments) else {
        return Vec::new();
    };
    // Only when the whole path exists.
    if find_exact(bytes, &segments) != Some(pos) || bytes.get(pos) != Some(&b'{') {
        return Vec::new();
    }
    object_keys(bytes, pos)
}

fn find_exact(bytes: &[u8], segments: &[Segment]) -> Option<usize> {
    let mut pos = skip_ws(bytes, 0);
    for segment in segments {
        pos = match (segment, bytes.get(pos)) {
            (Segment::Key(key), Some(b'{')) => find_member(bytes, pos, key)?,
            (Segment::Index(index), Some(b'[')) => find_item(bytes, pos, *index)?,
            _ => return None,
        };
    }
    Some(pos)
}

fn object_keys(bytes: &[u8], open: usize) -> Vec<String> {
    object_keys_until(bytes, open, |_| false)
}

fn object_keys_until(bytes: &[u8], open: usize, stop: impl Fn(&str) -> bool) -> Vec<String> {
    let mut keys = Vec::new();
    let mut pos = skip_ws(bytes, open + 1);
    while let Some(b'"') = bytes.get(pos) {
        let (key, after_key) = read_string(bytes, pos);
        let is_last = stop(&key);
        keys.push(key);
        if is_last {
            break;
        }
        pos = skip_ws(bytes, after_key);
        if bytes.get(pos) != Some(&b':') {
            break;
        }
        pos = skip_value(bytes, skip_ws(bytes, pos + 1));
        pos = skip_ws(bytes, pos);
        if bytes.get(pos) != Some(&b',') {
            break;
        }
        pos = skip_ws(bytes, pos + 1);
    }
    keys
}

/// In the object opening at `open`, the offset of the value of `key`.
fn find_member(bytes: &[u8], open: usize, key: &str) -> Option<usize> {
    let mut pos = skip_ws(bytes, open + 1);
    while let Some(b'"') = bytes.get(pos) {
        let (name, after_key) = read_string(bytes, pos);
        pos = skip_ws(bytes, after_key);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        let value_pos = skip_ws(bytes, pos + 1);
        if name == key {
            return (value_pos < bytes.len()).then_some(value_pos);
        }
        pos = skip_ws(bytes, skip_value(bytes, value_pos));
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
    }
    None
}

/// In the array opening at `open`, the offset of item `index`.
fn find_item(bytes: &[u8], open: usize, index: usize) -> Option<usize> {
    let mut pos = skip_ws(bytes, open + 1);
    let mut item_idx = 0;
    while pos < bytes.len() && bytes[pos] != b']' {
        if item_idx == index {
            return Some(pos);
        }
        let after = skip_value(bytes, pos);
        if after == pos {
            return None;
        }
        pos = skip_ws(bytes, after);
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
        item_idx += 1;
    }
    None
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// Past the string starting at `pos` (a `"`): the offset after its closing
/// quote, or the end of the text.
fn skip_string(bytes: &[u8], pos: usize) -> usize {
    let mut i = pos + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The decoded string starting at `pos` and the offset after it.
fn read_string(bytes: &[u8], pos: usize) -> (String, usize) {
    let end = skip_string(bytes, pos);
    let inner_end = if end > pos + 1 && bytes.get(end - 1) == Some(&b'"') {
        end - 1
    } else {
        end
    };
    let raw = bytes.get(pos + 1..inner_end).unwrap_or_default();
    let raw = String::from_utf8_lossy(raw);
    if !raw.contains('\\') {
        return (raw.into_owned(), end);
    }
    // Let serde_json decode the escapes; fall back to the raw text.
    let quoted = format!("\"{raw}\"");
    let decoded = serde_json::from_str::<String>(&quoted).unwrap_or_else(|_| raw.into_owned());
    (decoded, end)
}

/// Past the value starting at `pos`, without recursion: containers are
/// skipped by counting brackets outside strings.
fn skip_value(bytes: &[u8], pos: usize) -> usize {
    match bytes.get(pos) {
        None => pos,
        Some(b'"') => skip_string(bytes, pos),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = pos;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = skip_string(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            bytes.len()
        }
        Some(_) => {
            let mut i = pos;
            while i < bytes.len()
                && !matches!(bytes[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "{\n  \"title\": {\"fr\": \"é\", \"en\": \"x\"},\n  \"events\": [\n    {\"id\": \"a\", \"date\": \"2025\"},\n    {\"id\": \"b\",\n     \"date\": \"2025-02-30\"}\n  ]\n}\n";

    fn check(path: &str, expected: Option<(usize, usize)>) {
        assert_eq!(locate(FILE, path), expected, "{path}");
    }

    #[test]
    fn paths_point_at_their_values() {
        check("title", Some((2, 12)));
        check("title.en", Some((2, 30)));
        check("events", Some((3, 13)));
        check("events[0]", Some((4, 5)));
        check("events[1].date", Some((6, 14)));
    }

    #[test]
    fn missing_parts_fall_back_to_the_deepest_existing_value() {
        check("events[1].summary", Some((5, 5)));
        check("events[9].date", Some((3, 13)));
        check("nothing", Some((1, 1)));
        check("", None);
    }

    #[test]
    fn the_locator_finds_what_locate_finds() {
        let bundled = include_str!("../../www/data/ai-race-2025.json");
        let minified =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(bundled).unwrap())
                .unwrap();
        let broken = &bundled[..bundled.len() / 2];
        let mut paths: Vec<String> = ["", "title", "title.en", "events", "nothing", "events[]"]
            .iter()
            .map(|p| p.to_string())
            .collect();
        for i in [0, 1, 2, 17, 39, 40, 1000] {
            for rest in [
                "",
                ".id",
                ".date",
                ".sources[0].quote",
                ".sources[9]",
                ".title.fr",
                ".x.y",
            ] {
                paths.push(format!("events[{i}]{rest}"));
            }
            paths.push(format!("figures[{i}].value"));
            paths.push(format!("actors[{i}]"));
            paths.push(format!("title[{i}]"));
        }
        for text in [
            FILE,
            bundled,
            minified.as_str(),
            broken,
            "",
            "[1, 2]",
            "{\"events\": 3}",
        ] {
            let locator = Locator::new(text);
            // In file order, then backwards (the column cache must not matter).
            for path in paths.iter().chain(paths.iter().rev()) {
                assert_eq!(locator.locate(path), locate(text, path), "{path}");
            }
        }
    }

    #[test]
    fn top_level_keys_stop_at_the_deciding_key() {
        assert_eq!(top_level_keys(FILE), ["title", "events"]);
        // The rest of the file is never read: even broken, it does not matter.
        let broken = "{\"title\": 1, \"documents\": [], \"events\": [{\"id\": ";
        assert_eq!(
            top_level_keys_until(broken, |key| key == "documents"),
            ["title", "documents"]
        );
        assert_eq!(top_level_keys_until(FILE, |_| false), ["title", "events"]);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "é" is two bytes: byte 6 is the sixth character.
        assert_eq!(line_column("\"é\", 1", 6), (1, 6));
    }

    #[test]
    fn paths_parse_into_keys_and_indexes() {
        let segments = parse_path("events[3].sources[0].seed").unwrap();
        assert_eq!(
            segments,
            vec![
                Segment::Key("events".into()),
                Segment::Index(3),
                Segment::Key("sources".into()),
                Segment::Index(0),
                Segment::Key("seed".into())
            ]
        );
        assert_eq!(parse_path("rows[5][\"End Year\"]"), None);
        assert_eq!(parse_path("a..b"), None);
    }

    #[test]
    fn escaped_keys_and_strings_with_brackets_are_skipped_correctly() {
        let json = r#"{"a\"b": "[{", "x": {"y": "}]"}, "z": [1, "]", 3]}"#;
        assert_eq!(locate(json, "z[2]"), Some((1, 48)));
        assert_eq!(top_level_keys(json), vec!["a\"b", "x", "z"]);
        assert_eq!(keys_at(json, "x"), vec!["y"]);
    }

    #[test]
    fn broken_and_hostile_texts_never_panic() {
        let deep = "[".repeat(200_000);
        for text in [
            "",
            "{",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"\\",
            "{\"é",
            "\u{feff}{}",
            deep.as_str(),
        ] {
            for path in ["a", "a[0]", "[0]", "[0][0][0]", "a.b.c"] {
                let _ = locate(text, path);
                let _ = keys_at(text, path);
            }
            let _ = top_level_keys(text);
        }
        assert_eq!(locate(&deep, "[0][0]"), Some((1, 3)));
    }
}
