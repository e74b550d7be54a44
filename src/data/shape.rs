//! Our own words for what serde and serde_json report (issue 17, point 5).
//!
//! serde says "invalid type: integer `42`, expected struct Text" or "EOF
//! while parsing a value": a journalist reading the French panel must see
//! neither English nor Rust type names. Each kind of error becomes a
//! [`Shape`] or a [`Syntax`] value, with the path of the value
//! (`events[1].title`, from serde_path_to_error) and what was expected in
//! plain words, in French and English ([`Shape::text`], [`Syntax::text`]).
//!
//! serde_json does not expose the kind of a data error as a value, only as
//! text; its wording comes from serde's own `de::Error` defaults
//! ("invalid type: {unexpected}, expected {expected}", "missing field
//! `x`"...), which this module reads once, here, and never shows.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::model::Text;
use super::problem::ProblemKind;

/// What a wrong value is, in the reader's words.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Null,
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A text, shortened.
    Text(String),
    List,
    Object,
    /// Anything serde names otherwise (never shown as serde wrote it).
    Other,
}

/// What the file should have there, in the reader's words.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// Text in quotes.
    Text,
    /// A text in both languages, `{"fr": …, "en": …}`.
    Bilingual,
    /// A name: text, or `{"fr": …, "en": …}` when translated.
    Name,
    Number,
    WholeNumber,
    /// `true` or `false`.
    Bool,
    /// A list `[ … ]`.
    List,
    /// An object `{ … }`.
    Object,
    /// One of the words the schema allows.
    Word,
    /// serde expected something this module has no words for.
    Other,
}

/// A value of the wrong shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `found` where `expected` should be.
    WrongType { found: Found, expected: Expected },
    /// A word outside the list of allowed ones (`"euros"` for a unit).
    UnknownWord { value: String, allowed: Vec<String> },
    /// A required field is missing.
    MissingField { field: String },
    /// The same field twice in one object.
    DuplicateField { field: String },
    /// A list of the wrong length.
    WrongLength { n_items: usize },
    /// Our file must be one object `{ … }` at the top.
    TopNotObject,
    /// A TimelineJS file is an object with `"events"`.
    TimelineJsNotObject,
    /// `"events"` is not a list.
    EventsNotList,
    /// An event that is not an object.
    EventNotObject,
    /// Any other refusal (serde's words are not shown).
    Other,
}

/// Why the file is not readable JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// The file stops in the middle of a value (cut off while copying).
    EndsTooEarly,
    ColonMissing,
    /// A comma or a closing `]` missing in a list.
    ListCommaMissing,
    /// A comma or a closing `}` missing in an object.
    ObjectCommaMissing,
    /// A value that is none of JSON's (a word without quotes, say).
    ValueExpected,
    /// A field name without double quotes.
    NameNotQuoted,
    /// A comma just before `}` or `]`.
    TrailingComma,
    /// Something after the end of the data.
    TrailingCharacters,
    /// A backslash escape JSON does not know.
    BadEscape,
    /// A number written wrongly (`01`, `1.`, `+1`).
    BadNumber,
    /// A number too large to read.
    NumberTooLarge,
    /// A tab, line break or NUL typed inside text in quotes.
    ControlCharacter,
    /// Lists or objects nested more than 128 levels deep.
    TooDeep,
    /// Anything else (serde's words are not shown).
    Other,
}

/// A shape error from a deserialisation: where in the value it is (empty
/// for the value itself), and the problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeError {
    /// Path inside the value read, e.g. `title.fr` or `[2]`.
    pub path: String,
    pub kind: ProblemKind,
    /// Line and column in the text, when read from text.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Reads `T` from JSON text, with our words for any error.
pub fn from_str<T: DeserializeOwned>(json: &str) -> Result<T, ShapeError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(from_path_error)?;
    // Text after the value ("{} x").
    deserializer.end().map_err(|err| ShapeError {
        path: String::new(),
        kind: kind_of(&err),
        line: Some(err.line()),
        column: Some(err.column()),
    })?;
    Ok(value)
}

/// Reads `T` from a JSON value, with our words for any error.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, ShapeError> {
    serde_path_to_error::deserialize(value).map_err(from_path_error)
}

fn from_path_error(err: serde_path_to_error::Error<serde_json::Error>) -> ShapeError {
    let path = err.path().to_string();
    let path = if path == "." {
        String::new()
    } else {
        shorten_path(path)
    };
    let inner = err.into_inner();
    let (line, column) = if inner.line() > 0 {
        (Some(inner.line()), Some(inner.column()))
    } else {
        (None, None)
    };
    ShapeError {
        path,
        kind: kind_of(&inner),
        line,
        column,
    }
}

/// The longest path shown, in bytes.
const MAX_PATH_BYTES: usize = 60;

/// A path cut at a segment when it is long (a list nested 128 deep
/// would print `[0]` 128 times).
fn shorten_path(path: String) -> String {
    if path.len() <= MAX_PATH_BYTES {
        return path;
    }
    // A key may hold any text: cut on a character, then at a segment if
    // there is one (found by `cargo xtask fuzz`: a key of accented
    // letters panicked here).
    let end = (0..=MAX_PATH_BYTES + 1)
        .rev()
        .find(|&i| path.is_char_boundary(i))
        .unwrap_or(0);
    let cut = path[..end]
        .rfind(['[', '.'])
        .filter(|&cut| cut > 0)
        .unwrap_or(end);
    format!("{}…", &path[..cut])
}

/// The problem a serde_json error stands for, in our words.
pub fn kind_of(err: &serde_json::Error) -> ProblemKind {
    let message = err.to_string();
    let message = match message.find(" at line ") {
        Some(cut) => &message[..cut],
        None => message.as_str(),
    };
    match err.classify() {
        serde_json::error::Category::Data => ProblemKind::Shape {
            shape: shape_of(message),
        },
        serde_json::error::Category::Eof => ProblemKind::Syntax {
            syntax: Syntax::EndsTooEarly,
        },
        _ => ProblemKind::Syntax {
            syntax: syntax_of(message),
        },
    }
}

/// serde_json's syntax messages (its `ErrorCode`s), read.
fn syntax_of(message: &str) -> Syntax {
    match message {
        m if m.starts_with("EOF while parsing") => Syntax::EndsTooEarly,
        "expected `:`" => Syntax::ColonMissing,
        "expected `,` or `]`" => Syntax::ListCommaMissing,
        "expected `,` or `}`" => Syntax::ObjectCommaMissing,
        "expected ident" | "expected value" => Syntax::ValueExpected,
        "key must be a string" | "expected `\"`" => Syntax::NameNotQuoted,
        "trailing comma" => Syntax::TrailingComma,
        "trailing characters" => Syntax::TrailingCharacters,
        "invalid escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => Syntax::BadEscape,
        "invalid number" => Syntax::BadNumber,
        "number out of range" => Syntax::NumberTooLarge,
        m if m.starts_with("control character") => Syntax::ControlCharacter,
        "recursion limit exceeded" => Syntax::TooDeep,
        _ => Syntax::Other,
    }
}

/// serde's data messages (the defaults of `serde::de::Error`), read.
fn shape_of(message: &str) -> Shape {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Shape::WrongType {
            found: found_of(found),
            expected: expected_of(expected),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Shape::WrongType {
            found: found_of(found),
            expected: expected_of(expected),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut words = backticked(rest).into_iter();
        let value = words.next().unwrap_or_default();
        return Shape::UnknownWord {
            value: shorten(&value),
            allowed: words.collect(),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = backticked(rest).into_iter().next().unwrap_or_default();
        return Shape::MissingField { field };
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let field = backticked(rest).into_iter().next().unwrap_or_default();
        return Shape::DuplicateField { field };
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let n_items = rest
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        return Shape::WrongLength { n_items };
    }
    Shape::Other
}

/// serde's `Unexpected` as it displays: "integer `42`", "string \"NaN\""...
fn found_of(text: &str) -> Found {
    let quoted = |text: &str| {
        text.split_once('`')
            .map(|(_, rest)| rest.trim_end_matches('`').to_string())
            .unwrap_or_default()
    };
    match text {
        "null" | "unit" => Found::Null,
        "boolean `true`" => Found::Bool(true),
        "boolean `false`" => Found::Bool(false),
        "sequence" => Found::List,
        "map" => Found::Object,
        t if t.starts_with("integer ") || t.starts_with("floating point ") => {
            Found::Number(quoted(t))
        }
        t if t.starts_with("string ") => {
            // serde_json writes the string with Rust's escapes: `"a\"b"`.
            let inner = t["string ".len()..].trim_matches('"');
            Found::Text(shorten(&inner.replace("\\\"", "\"")))
        }
        _ => Found::Other,
    }
}

/// serde's `expected` half, for our model's types.
fn expected_of(text: &str) -> Expected {
    match text {
        "a string" | "string" | "a borrowed string" => Expected::Text,
        "struct Text" => Expected::Bilingual,
        t if t.starts_with("a name:") => Expected::Name,
        "f64" | "f32" | "a number" => Expected::Number,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            Expected::WholeNumber
        }
        "a boolean" => Expected::Bool,
        "a sequence" => Expected::List,
        "a map" | "map" => Expected::Object,
        t if t.starts_with("struct ") => Expected::Object,
        t if t.starts_with("enum ") || t.starts_with("variant identifier") => Expected::Word,
        _ => Expected::Other,
    }
}

/// The words between backticks: "`euros`, expected one of `usd`, `days`".
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// At most 40 characters of a value quoted in a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

impl Found {
    fn text(&self) -> (String, String) {
        match self {
            Found::Null => ("la valeur vide null".into(), "the empty value null".into()),
            Found::Bool(value) => (format!("la valeur {value}"), format!("the value {value}")),
            Found::Number(n) => (format!("le nombre {n}"), format!("the number {n}")),
            Found::Text(text) => (
                format!("le texte «\u{202f}{text}\u{202f}»"),
                format!("the text \"{text}\""),
            ),
            Found::List => ("une liste [ … ]".into(), "a list [ … ]".into()),
            Found::Object => ("un objet { … }".into(), "an object { … }".into()),
            Found::Other => (
                "une valeur d’un autre type".into(),
                "a value of another type".into(),
            ),
        }
    }
}

impl Expected {
    fn text(&self) -> (&'static str, &'static str) {
        match self {
            Expected::Text => ("du texte entre guillemets", "text in double quotes"),
            Expected::Bilingual => (
                "un texte en deux langues, {\"fr\": \"…\", \"en\": \"…\"}",
                "a text in both languages, {\"fr\": \"…\", \"en\": \"…\"}",
            ),
            Expected::Name => (
                "un nom entre guillemets, ou {\"fr\": \"…\", \"en\": \"…\"} s’il se traduit",
                "a name in double quotes, or {\"fr\": \"…\", \"en\": \"…\"} when it is translated",
            ),
            Expected::Number => (
                "un nombre écrit en chiffres, sans guillemets",
                "a number written in digits, without quotes",
            ),
            Expected::WholeNumber => (
                "un nombre entier positif, sans guillemets",
                "a whole number, zero or more, without quotes",
            ),
            Expected::Bool => ("true ou false", "true or false"),
            Expected::List => ("une liste [ … ]", "a list [ … ]"),
            Expected::Object => (
                "un objet { … } avec ses champs",
                "an object { … } with its fields",
            ),
            Expected::Word => (
                "un des mots permis, entre guillemets",
                "one of the allowed words, in double quotes",
            ),
            Expected::Other => ("une valeur d’une autre forme", "a value of another form"),
        }
    }
}

impl Shape {
    /// What is wrong, in each language (a sentence, no serde words).
    pub fn text(&self) -> Text {
        let (fr, en) = match self {
            Shape::WrongType { found, expected } => {
                let (found_fr, found_en) = found.text();
                let (expected_fr, expected_en) = expected.text();
                (
                    format!("on attend ici {expected_fr}, et le fichier donne {found_fr}"),
                    format!("this should be {expected_en}, and the file has {found_en}"),
                )
            }
            Shape::UnknownWord { value, allowed } => {
                let list = allowed
                    .iter()
                    .map(|word| format!("\"{word}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    format!("«\u{202f}{value}\u{202f}» n’est pas un des mots permis ici ({list})"),
                    format!("\"{value}\" is not one of the words allowed here ({list})"),
                )
            }
            Shape::MissingField { field } => (
                format!("il manque le champ obligatoire «\u{202f}{field}\u{202f}»"),
                format!("the required field \"{field}\" is missing"),
            ),
            Shape::DuplicateField { field } => (
                format!("le champ «\u{202f}{field}\u{202f}» figure deux fois"),
                format!("the field \"{field}\" appears twice"),
            ),
            Shape::WrongLength { n_items } => (
                format!("la liste a {n_items} élément(s), ce n’est pas le nombre attendu"),
                format!("the list has {n_items} item(s), not the number expected"),
            ),
            Shape::TopNotObject => (
                "le fichier doit contenir un seul objet { … } qui englobe tout".into(),
                "the file must hold one object { … } around everything".into(),
            ),
            Shape::TimelineJsNotObject => (
                "un fichier TimelineJS est un objet { … } avec une liste «\u{202f}events\u{202f}»"
                    .into(),
                "a TimelineJS file is an object { … } with an \"events\" list".into(),
            ),
            Shape::EventsNotList => (
                "«\u{202f}events\u{202f}» doit être une liste [ … ]".into(),
                "\"events\" must be a list [ … ]".into(),
            ),
            Shape::EventNotObject => (
                "un événement est un objet { … } avec ses champs".into(),
                "an event is an object { … } with its fields".into(),
            ),
            Shape::Other => (
                "la valeur n’a pas la forme que décrit le schéma".into(),
                "the value does not have the form the schema describes".into(),
            ),
        };
        Text { fr, en }
    }
}

impl Syntax {
    /// What is wrong, in each language.
    pub fn text(self) -> Text {
        let (fr, en) = match self {
            Syntax::EndsTooEarly => (
                "le fichier s’arrête au milieu d’une valeur (coupé lors d’une copie\u{a0}?)",
                "the file stops in the middle of a value (cut off while copying?)",
            ),
            Syntax::ColonMissing => (
                "il manque le deux-points entre un nom de champ et sa valeur",
                "the colon between a field name and its value is missing",
            ),
            Syntax::ListCommaMissing => (
                "il manque une virgule entre deux éléments d’une liste, ou le crochet ] qui la ferme",
                "a comma between two items of a list, or the ] that closes it, is missing",
            ),
            Syntax::ObjectCommaMissing => (
                "il manque une virgule entre deux champs, ou l’accolade } qui ferme l’objet",
                "a comma between two fields, or the } that closes the object, is missing",
            ),
            Syntax::ValueExpected => (
                "une valeur manque ou n’est pas du JSON (un mot sans guillemets\u{a0}?)",
                "a value is missing or is not JSON (a word without quotes?)",
            ),
            Syntax::NameNotQuoted => (
                "un nom de champ doit être entre guillemets droits \"…\"",
                "a field name must be in straight double quotes \"…\"",
            ),
            Syntax::TrailingComma => (
                "une virgule de trop avant } ou ]",
                "a comma too many before } or ]",
            ),
            Syntax::TrailingCharacters => (
                "il reste du texte après la fin des données",
                "there is text after the end of the data",
            ),
            Syntax::BadEscape => (
                "une barre oblique inverse \\ suivie d’un caractère que JSON ne connaît pas",
                "a backslash \\ followed by a character JSON does not know",
            ),
            Syntax::BadNumber => (
                "un nombre mal écrit (chiffres seuls, un point pour les décimales)",
                "a badly written number (digits only, a point for decimals)",
            ),
            Syntax::NumberTooLarge => (
                "un nombre trop grand pour être lu",
                "a number too large to be read",
            ),
            Syntax::ControlCharacter => (
                "un caractère invisible (tabulation, retour à la ligne, octet nul) dans un texte entre guillemets",
                "an invisible character (tab, line break, NUL byte) inside text in quotes",
            ),
            Syntax::TooDeep => (
                "des listes ou objets imbriqués sur plus de 128 niveaux",
                "lists or objects nested more than 128 levels deep",
            ),
            Syntax::Other => (
                "un caractère inattendu",
                "an unexpected character",
            ),
        };
        Text {
            fr: fr.to_string(),
            en: en.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{RawFigure, Text as ModelText};

    fn shape(json: &str) -> (String, Shape) {
        let err = from_str::<RawFigure>(json).expect_err(json);
        match err.kind {
            ProblemKind::Shape { shape } => (err.path, shape),
            other => panic!("{json}: {other:?}"),
        }
    }

    const FIGURE: &str = r#"{"id": "f", "value": 5, "unit": "usd", "kind": "announced",
        "label": {"fr": "a", "en": "b"}, "event": "e", "sources": []}"#;

    #[test]
    fn each_kind_of_shape_error_has_its_path_and_our_words() {
        let (path, found) = shape(&FIGURE.replace(r#""value": 5"#, r#""value": "NaN""#));
        assert_eq!(path, "value");
        assert_eq!(
            found,
            Shape::WrongType {
                found: Found::Text("NaN".into()),
                expected: Expected::Number
            }
        );
        let (path, found) = shape(&FIGURE.replace(r#""usd""#, r#""euros""#));
        assert_eq!(path, "unit");
        assert!(
            matches!(&found, Shape::UnknownWord { value, allowed } if value == "euros" && allowed.contains(&"usd".to_string()) && allowed.len() >= 10),
            "{found:?}"
        );
        let (path, found) =
            shape(&FIGURE.replace(r#""label": {"fr": "a", "en": "b"}"#, r#""label": 42"#));
        assert_eq!(path, "label");
        assert_eq!(
            found,
            Shape::WrongType {
                found: Found::Number("42".into()),
                expected: Expected::Bilingual
            }
        );
        let (path, found) = shape(&FIGURE.replace(r#""id": "f", "#, ""));
        assert_eq!(
            (path.as_str(), found),
            ("", Shape::MissingField { field: "id".into() })
        );
        let (path, found) = shape(&FIGURE.replace(r#""sources": []"#, r#""sources": {}"#));
        assert_eq!(path, "sources");
        assert_eq!(
            found,
            Shape::WrongType {
                found: Found::Object,
                expected: Expected::List
            }
        );
        let (path, found) =
            shape(&FIGURE.replace(r#""sources": []"#, r#""sources": [], "id": "g""#));
        assert_eq!(
            (path.as_str(), found),
            ("", Shape::DuplicateField { field: "id".into() })
        );
        let (_, found) = shape("null");
        assert_eq!(
            found,
            Shape::WrongType {
                found: Found::Null,
                expected: Expected::Object
            }
        );
    }

    #[test]
    fn long_paths_are_cut_on_a_character_and_at_a_segment() {
        // Byte 61 is inside an "é".
        let key = format!("xx{}", "é".repeat(40));
        assert_eq!(shorten_path(key), format!("xx{}…", "é".repeat(29)));
        let deep = format!("events{}", "[0]".repeat(30));
        assert_eq!(shorten_path(deep), format!("events{}…", "[0]".repeat(18)));
    }

    #[test]
    fn values_are_read_from_a_json_value_with_the_same_words() {
        let value: Value = serde_json::from_str(r#"{"fr": "a", "en": true}"#).unwrap();
        let err = from_value::<ModelText>(value).expect_err("a boolean is not text");
        assert_eq!(err.path, "en");
        assert_eq!(
            err.kind,
            ProblemKind::Shape {
                shape: Shape::WrongType {
                    found: Found::Bool(true),
                    expected: Expected::Text
                }
            }
        );
        assert_eq!(err.line, None);
    }

    #[test]
    fn each_kind_of_syntax_error_has_our_words() {
        let check = |json: &str, expected: Syntax| {
            let err = from_str::<Value>(json).expect_err(json);
            assert_eq!(err.kind, ProblemKind::Syntax { syntax: expected }, "{json}");
            assert!(err.line.is_some(), "{json}");
        };
        check("{\"a\": [1, 2", Syntax::EndsTooEarly);
        check("{\"a\" 1}", Syntax::ColonMissing);
        check("[1 2]", Syntax::ListCommaMissing);
        check("{\"a\": 1 \"b\": 2}", Syntax::ObjectCommaMissing);
        check("{\"a\": nope}", Syntax::ValueExpected);
        check("{a: 1}", Syntax::NameNotQuoted);
        check("[1, 2,]", Syntax::TrailingComma);
        check("{} x", Syntax::TrailingCharacters);
        check("[\"\\q\"]", Syntax::BadEscape);
        check("[01]", Syntax::BadNumber);
        check("[1e999]", Syntax::NumberTooLarge);
        check("[\"a\u{1}b\"]", Syntax::ControlCharacter);
        check(
            &format!("{}1{}", "[".repeat(200), "]".repeat(200)),
            Syntax::TooDeep,
        );
    }

    /// No English of serde's in the French, and no Rust type name anywhere.
    #[test]
    fn no_message_carries_serde_words() {
        let serde_words = [
            "invalid type",
            "expected struct",
            "sequence",
            "EOF",
            "variant",
            "f64",
            "u32",
            "`",
        ];
        let mut texts: Vec<ModelText> = Vec::new();
        for json in [
            FIGURE.replace(r#""value": 5"#, r#""value": "NaN""#),
            FIGURE.replace(r#""usd""#, r#""euros""#),
            FIGURE.replace(r#""label": {"fr": "a", "en": "b"}"#, r#""label": [42]"#),
            FIGURE.replace(r#""value": 5"#, r#""value": null"#),
            FIGURE.replace(r#""id": "f", "#, ""),
            "[1, 2,]".to_string(),
            "{\"a\": [1".to_string(),
        ] {
            match from_str::<RawFigure>(&json).expect_err(&json).kind {
                ProblemKind::Shape { shape } => texts.push(shape.text()),
                ProblemKind::Syntax { syntax } => texts.push(syntax.text()),
                other => panic!("{other:?}"),
            }
        }
        for text in &texts {
            for word in serde_words {
                assert!(
                    !text.fr.contains(word) && !text.en.contains(word),
                    "{word} in {text:?}"
                );
            }
        }
    }
}
