//! Quotation marks and separators: the small typography each language
//! has its own way of writing.

use crate::i18n::Lang;

/// A quotation as the reader sees it: the quotation marks of the
/// reader's language around the verbatim (French) text. Components put
/// `open` and `close` outside the element that carries `lang="fr"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub open: &'static str,
    pub text: String,
    pub close: &'static str,
}

impl Quoted {
    /// "« texte »" (with narrow no-break spaces) / "“texte”".
    pub fn to_text(&self) -> String {
        format!("{}{}{}", self.open, self.text, self.close)
    }
}

/// Wraps `text` in the quotation marks of `lang`: « … » with U+202F
/// inside in French, “…” in English.
pub fn quote(text: &str, lang: Lang) -> Quoted {
    let (open, close) = lang.strings().quoted.split_once("{n}").unwrap_or(("", ""));
    Quoted {
        open,
        text: text.trim().to_string(),
        close,
    }
}

/// Notes in one line: " ; " (with U+202F) in French, "; " in English.
pub fn join_notes<S: AsRef<str>>(notes: &[S], lang: Lang) -> String {
    let parts: Vec<&str> = notes
        .iter()
        .map(AsRef::as_ref)
        .filter(|note| !note.trim().is_empty())
        .collect();
    parts.join(lang.strings().note_separator)
}

/// Names in one line: "OpenAI, SoftBank".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    let parts: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    parts.join(", ")
}

/// "Label : value" (U+00A0 before the colon) / "Label: value".
pub fn labelled(label: &str, value: &str, lang: Lang) -> String {
    format!("{label}{}{value}", lang.strings().colon)
}

/// Notes as sentences: each capitalised and ended with a full stop, so a
/// note written with its own capital ("Article non daté…") never follows
/// a semicolon: "Date du fait principal de l’article, non daté. Article
/// non daté\u{202f}; il indique…".
pub fn sentences<S: AsRef<str>>(parts: &[S]) -> String {
    let mut text = String::new();
    for part in parts {
        let part = part.as_ref().trim();
        if part.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&capitalised(part));
        if !part.ends_with(['.', '!', '?', '…']) {
            text.push('.');
        }
    }
    text
}

/// The first letter in upper case ("selon l’article" → "Selon l’article").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
