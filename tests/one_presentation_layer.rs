//! One presentation layer (issue 14, point 4): the words a reader sees
//! about an amount, a number, a share or a date are built in
//! `src/present` (on the formatting primitives of `src/i18n`), nowhere
//! else. A component or a chart that formats one itself drops what the
//! presentation layer adds (the qualifier of "up to $50bn", the kind of a
//! date): that drift happened four times before this test.
//!
//! This reads every Rust file of `src/` outside `src/present` and
//! `src/i18n`, with comments, string contents and test-only code
//! (`#[cfg(test)]` items) blanked out, and looks for:
//!
//! - the primitives of `i18n::format` called or imported
//!   ([`FREE_PRIMITIVES`]: `format_date`, `format_number`, the month
//!   names…);
//! - a [`Formatter`] method that prints a value for a reader
//!   ([`FORMATTER_METHODS`]: `amount`, `date`, `percent`…) called on a
//!   formatter: a name declared `&dyn Formatter` or bound to an
//!   `IntlFormatter`/`PlainFormatter` in the file, or one built in place;
//! - a count turned into text by `to_string` (`.len().to_string()`,
//!   `.count().to_string()`) or handed to `fill` as it is
//!   (`fill(strings.x, items.len())`): the language's digit grouping is
//!   `present::count`'s (a count held in a variable first is beyond a
//!   text scan);
//! - a string literal with a currency unit ("Md$", "M$", "bn", "$/an"…),
//!   an amount written by hand.
//!
//! [`ALLOWED`] lists the few exceptions, each with its reason.
//!
//! [`Formatter`]: ai_race::i18n::Formatter
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Free functions and tables of `i18n` that turn a value into a
/// reader's text.
const FREE_PRIMITIVES: &[&str] = &[
    "format_date",
    "format_year",
    "format_number",
    "format_amount",
    "compose_amount",
    "amount_style",
    "format_tick",
    "month_names",
];

/// `Formatter` methods that turn a value into a reader's text.
const FORMATTER_METHODS: &[&str] = &[
    "amount",
    "amount_per_year",
    "exact_amount",
    "percent",
    "date",
    "number",
    "figure",
];

/// (file under `src/`, what it may use, why). Nothing else outside
/// `src/present` and `src/i18n` may format a value for a reader.
const ALLOWED: &[(&str, &str, &str)] = &[
    // The browser's `Formatter`: it *is* a formatting primitive (`Intl`
    // under the rules of `i18n::format`), and falls back on the pure
    // rules where `Intl` cannot follow them (BC years, deep time).
    ("components/intl.rs", "format_number", "Intl's fallback"),
    ("components/intl.rs", "format_date", "Intl's fallback"),
    // The graduations of a time axis are not a date of the dataset: no
    // kind, no precision of their own; `i18n::format_tick` words them
    // and its tests pin them. The timeline and the cumulative chart draw
    // such an axis.
    ("components/timeline.rs", "format_tick", "axis graduations"),
    ("charts/cumulative.rs", "format_tick", "axis graduations"),
];

/// One formatting outside the presentation layer: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Finding {
    /// Relative to `src/`, with `/`.
    file: String,
    line: usize,
    /// The primitive, method or literal found.
    what: String,
}

/// A source file split in two: its code with comments and string
/// contents blanked (same length and lines), and its string literals.
struct Lexed {
    code: String,
    /// (line, contents) of each string literal.
    strings: Vec<(usize, String)>,
}

/// Blanks comments and string contents (keeping newlines, so lines keep
/// their numbers) and collects the string literals. Knows line and block
/// comments (nested), strings with escapes, raw strings (`r#"…"#`), byte
/// strings, and char literals apart from lifetimes.
fn lex(source: &str) -> Lexed {
    let chars: Vec<char> = source.chars().collect();
    let mut code = String::with_capacity(source.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                code.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    code.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    code.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    code.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"') | Some('#'))
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
            && raw_string_hashes(&chars, i + 1).is_some()
        {
            let hashes = raw_string_hashes(&chars, i + 1).unwrap_or(0);
            let start_line = line;
            // r, the hashes, the quote.
            for _ in 0..(2 + hashes) {
                code.push(' ');
            }
            i += 2 + hashes;
            let mut text = String::new();
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    for _ in 0..(1 + hashes) {
                        code.push(' ');
                    }
                    i += 1 + hashes;
                    break;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                text.push(chars[i]);
                code.push(blank(chars[i]));
                i += 1;
            }
            strings.push((start_line, text));
        } else if c == '"' {
            let start_line = line;
            code.push('"');
            i += 1;
            let mut text = String::new();
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    text.push(chars[i]);
                    code.push(' ');
                    i += 1;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                text.push(chars[i]);
                code.push(blank(chars[i]));
                i += 1;
            }
            code.push('"');
            i += 1;
            strings.push((start_line, text));
        } else if c == '\'' {
            // 'x', '\n', '\u{202f}' are chars; 'a in <'a> is a lifetime.
            let end = if next == Some('\\') {
                (i + 2..chars.len()).find(|&k| chars[k] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for _ in i..=end {
                        code.push(' ');
                    }
                    i = end + 1;
                }
                None => {
                    code.push(c);
                    i += 1;
                }
            }
        } else {
            if c == '\n' {
                line += 1;
            }
            code.push(c);
            i += 1;
        }
    }
    Lexed { code, strings }
}

/// The number of `#` of a raw string whose `#`s (or quote) start at
/// `from`, if a quote follows them.
fn raw_string_hashes(chars: &[char], from: usize) -> Option<usize> {
    let hashes = chars[from..].iter().take_while(|c| **c == '#').count();
    (chars.get(from + hashes) == Some(&'"')).then_some(hashes)
}

/// Blanks every item marked `#[cfg(test)]` (a test module, a test
/// helper) in lexed code, and returns the names of the test modules that
/// live in their own file (`#[cfg(test)] mod tests;`).
fn blank_test_items(code: &mut String) -> Vec<String> {
    let mut outlined = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("#[cfg(test)]") {
        let start = from + found;
        let bytes = code.as_bytes();
        let mut idx = start + "#[cfg(test)]".len();
        let mut depth = 0usize;
        let mut end = code.len();
        while idx < bytes.len() {
            match bytes[idx] {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = idx + 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    end = idx + 1;
                    let item = code[start + "#[cfg(test)]".len()..idx].trim();
                    if let Some(name) = item
                        .strip_prefix("pub(crate) mod ")
                        .or_else(|| item.strip_prefix("pub mod "))
                        .or_else(|| item.strip_prefix("mod "))
                    {
                        outlined.push(name.trim().to_string());
                    }
                    break;
                }
                _ => {}
            }
            idx += 1;
        }
        let blanked: String = code[start..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(start..end, &blanked);
        from = end;
    }
    outlined
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte offsets where `word` occurs in `code` as a whole identifier.
fn word_at(code: &str, word: &str) -> Vec<usize> {
    code.match_indices(word)
        .filter(|(at, _)| {
            let before = code[..*at].chars().next_back();
            let after = code[at + word.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .map(|(at, _)| at)
        .collect()
}

fn line_of(code: &str, at: usize) -> usize {
    code[..at].matches('\n').count() + 1
}

/// The names a file gives its formatters: parameters and bindings of a
/// `Formatter` type, and `fmt` (every formatter parameter of the crate
/// is called so).
fn formatter_names(code: &str) -> HashSet<String> {
    let mut names: HashSet<String> = ["fmt".to_string()].into();
    let compact: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    for marker in [
        ": &dyn Formatter",
        ": &impl Formatter",
        ": IntlFormatter",
        ": PlainFormatter",
    ] {
        for (at, _) in compact.match_indices(marker) {
            let name: String = compact[..at]
                .chars()
                .rev()
                .take_while(|c| is_ident(*c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    for constructor in ["= IntlFormatter::new(", "= PlainFormatter("] {
        for (at, _) in compact.match_indices(constructor) {
            let before = compact[..at].trim_end();
            let name: String = before
                .chars()
                .rev()
                .take_while(|c| is_ident(*c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// The end of the balanced parenthesis opened at `open` (a byte offset of
/// `(`), just after the `)`.
fn after_parens(code: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, b) in code.as_bytes()[open..].iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// `.method(` right after `at` (whitespace allowed), if it is one of
/// [`FORMATTER_METHODS`].
fn method_after(code: &str, at: usize) -> Option<&'static str> {
    let rest = code[at..].trim_start();
    let rest = rest.strip_prefix('.')?.trim_start();
    let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
    let after = rest[name.len()..].trim_start();
    if !after.starts_with('(') {
        return None;
    }
    FORMATTER_METHODS.iter().copied().find(|m| *m == name)
}

/// Everything `code` (lexed, test items blanked) and its string literals
/// format for a reader, in file `file`.
fn findings_in(file: &str, code: &str, strings: &[(usize, String)]) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut push = |line: usize, what: String| {
        found.push(Finding {
            file: file.to_string(),
            line,
            what,
        })
    };
    for primitive in FREE_PRIMITIVES {
        for at in word_at(code, primitive) {
            push(line_of(code, at), primitive.to_string());
        }
    }
    for name in formatter_names(code) {
        for at in word_at(code, &name) {
            // `self.fmt.amount(` and `fmt.amount(`, not `x.fmt(`.
            if let Some(method) = method_after(code, at + name.len()) {
                push(line_of(code, at), format!("{name}.{method}"));
            }
        }
    }
    for constructor in ["IntlFormatter::new", "PlainFormatter"] {
        for at in word_at(code, constructor) {
            let open = at + constructor.len();
            if !code[open..].starts_with('(') {
                continue;
            }
            if let Some(end) = after_parens(code, open) {
                if let Some(method) = method_after(code, end) {
                    push(line_of(code, at), format!("{constructor}(…).{method}"));
                }
            }
        }
    }
    let compact_to_string = |counter: &str| {
        let mut hits = Vec::new();
        for (at, _) in code.match_indices(counter) {
            let rest = code[at + counter.len()..].trim_start();
            if rest.starts_with(".to_string()") {
                hits.push(at);
            }
        }
        hits
    };
    for counter in [".len()", ".count()"] {
        for at in compact_to_string(counter) {
            push(line_of(code, at), format!("{counter}.to_string()"));
        }
    }
    for at in word_at(code, "fill") {
        let open = at + "fill".len();
        if !code[open..].starts_with('(') {
            continue;
        }
        if let Some(end) = after_parens(code, open) {
            let args = code[open + 1..end - 1].trim_end();
            if args.ends_with(".len()") || args.ends_with(".count()") {
                push(line_of(code, at), "fill(…, a count)".to_string());
            }
        }
    }
    for (line, text) in strings {
        if currency_unit(text) {
            push(*line, format!("literal {text:?}"));
        }
    }
    found
}

/// Does a string literal write an amount by hand: a currency unit next
/// to a number or a placeholder?
fn currency_unit(text: &str) -> bool {
    let units = ["Md$", "M$", "Md\\u{a0}$", "$/an", "bn/yr"];
    if units.iter().any(|u| text.contains(u)) {
        return true;
    }
    // "${n}", "${}", "{}bn", "{n}bn", "$5bn"
    let bytes = text.as_bytes();
    text.match_indices('$')
        .any(|(at, _)| matches!(bytes.get(at + 1), Some(b'{') | Some(b'0'..=b'9')))
        || text.match_indices("bn").any(|(at, _)| {
            at > 0
                && matches!(bytes[at - 1], b'}' | b'0'..=b'9')
                && !bytes.get(at + 2).is_some_and(|b| b.is_ascii_alphanumeric())
        })
}

/// The string literals of `strings` that are not in test code: blanking
/// a test item blanks its quotes too.
fn outside_tests(code: &str, strings: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let lines: Vec<&str> = code.lines().collect();
    strings
        .into_iter()
        .filter(|(line, _)| lines.get(line - 1).is_some_and(|l| l.contains('"')))
        .collect()
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// What the crate's files outside `src/present` and `src/i18n` format
/// for a reader, allowed or not.
fn scan(src: &Path) -> Vec<Finding> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut lexed = Vec::new();
    let mut test_files = HashSet::new();
    for path in &files {
        let relative = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(path).unwrap();
        let Lexed { mut code, strings } = lex(&source);
        // Where the modules this file declares live: beside a `mod.rs`
        // or `lib.rs`, else in the directory named after the file.
        let dir = match relative.rsplit_once('/') {
            Some((dir, "mod.rs")) => format!("{dir}/"),
            None if relative == "lib.rs" || relative == "main.rs" => String::new(),
            _ => format!("{}/", relative.trim_end_matches(".rs")),
        };
        for module in blank_test_items(&mut code) {
            test_files.insert(format!("{dir}{module}.rs"));
            test_files.insert(format!("{dir}{module}/mod.rs"));
        }
        let strings = outside_tests(&code, strings);
        lexed.push((relative, code, strings));
    }
    let mut found = Vec::new();
    for (relative, code, strings) in &lexed {
        let exempt = relative.starts_with("present/")
            || relative.starts_with("i18n/")
            || test_files.contains(relative);
        if !exempt {
            found.extend(findings_in(relative, code, strings));
        }
    }
    found
}

fn allowed(finding: &Finding) -> bool {
    ALLOWED
        .iter()
        .any(|(file, what, _)| finding.file == *file && finding.what == *what)
}

#[test]
fn only_the_presentation_layer_formats_amounts_numbers_and_dates_for_a_reader() {
    let found = scan(&src_dir());
    let stray: Vec<String> = found
        .iter()
        .filter(|f| !allowed(f))
        .map(|f| format!("src/{}:{}: {}", f.file, f.line, f.what))
        .collect();
    assert!(
        stray.is_empty(),
        "formatted outside src/present (go through present::amount, \
         present::short_date, present::count…, or add an ALLOWED entry with \
         its reason):\n{}",
        stray.join("\n")
    );
    // Every exception is still needed: an entry that allows nothing goes.
    for (file, what, why) in ALLOWED {
        assert!(
            found.iter().any(|f| f.file == *file && f.what == *what),
            "ALLOWED ({file}, {what}: {why}) matches nothing any more"
        );
    }
}

/// The scanner itself, on made-up sources: it finds each kind of stray
/// formatting and leaves comments, strings and test code alone.
#[test]
fn the_scanner_finds_stray_formatting_and_nothing_else() {
    let source = r##"
use crate::i18n::{fill, format_date};
/// fmt.amount(1.0) in a comment, format_date too.
fn label(event: &Event, formatter: &dyn Formatter, n: usize) -> String {
    let when = format_date(&event.date, Lang::Fr);
    let how_much = formatter.amount(5e9);
    let share = fmt
        .percent(2.0);
    let built = IntlFormatter::new(lang).date(&event.date);
    let plain = PlainFormatter(Lang::En).number(2.0, 0);
    let count = events.len().to_string();
    let cell = fill(strings.cell, events.len());
    let by_hand = format!("{}bn", n);
    let in_french = format!("{n}\u{a0}Md$");
    let not_a_formatter = dataset.figure("aws");
    let text = "fmt.amount(1.0) in a string, and 'c'";
    let lifetime: &'static str = "ok";
    format!("{when}{how_much}{share}{built}{plain}{count}{cell}{by_hand}{in_french}")
}
#[cfg(test)]
mod tests {
    fn helper() { fmt.amount(1.0); let x = "$5bn"; }
}
#[cfg(test)]
mod outlined;
"##;
    let Lexed { mut code, strings } = lex(source);
    let outlined = blank_test_items(&mut code);
    assert_eq!(outlined, ["outlined"]);
    let strings = outside_tests(&code, strings);
    let found: Vec<(usize, String)> = findings_in("x.rs", &code, &strings)
        .into_iter()
        .map(|f| (f.line, f.what))
        .collect();
    let mut found = found;
    found.sort();
    assert_eq!(
        found,
        [
            (2, "format_date".to_string()),
            (5, "format_date".to_string()),
            (6, "formatter.amount".to_string()),
            (7, "fmt.percent".to_string()),
            (9, "IntlFormatter::new(…).date".to_string()),
            (10, "PlainFormatter(…).number".to_string()),
            (11, ".len().to_string()".to_string()),
            (12, "fill(…, a count)".to_string()),
            (13, "literal \"{}bn\"".to_string()),
            (14, "literal \"{n}\\\\u{a0}Md$\"".to_string()),
        ]
    );
}
