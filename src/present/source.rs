//! Source citations: a seed article's verbatim quote with the article's
//! title and date (or "undated article"), or a public record with its
//! publisher, link and note.

use super::text::{join_notes, labelled, quote, Quoted};
use crate::data::rich_text::is_web_url;
use crate::data::{Dataset, Date, SourceRef};
use crate::i18n::{Formatter, Lang};

/// One source, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Citation {
    Seed(SeedCitation),
    Public(PublicCitation),
    /// A source with neither a seed nor an address (reported by the
    /// validator): nothing to show.
    Empty,
}

/// A seed article: the quote (French, verbatim), the article's title
/// (French) and its date in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedCitation {
    pub quote: Option<Quoted>,
    /// The article's title as the file gives it (or the file name when the
    /// dataset does not list the article).
    pub title: String,
    /// "9 juillet 2025", or "article non daté".
    pub date: String,
    /// The seed's file name.
    pub file: String,
    pub note: Option<String>,
}

/// A public record: who published it, where, and why it is needed.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicCitation {
    /// The publisher, or the address when the file gives none.
    pub publisher: String,
    /// The address, only when it is an http(s) link.
    pub url: Option<String>,
    /// The address as written.
    pub address: String,
    pub note: Option<String>,
}

impl Citation {
    /// "Article" / "Source publique".
    pub fn label(&self, lang: Lang) -> &'static str {
        let strings = lang.strings();
        match self {
            Citation::Public(_) => strings.public_source_label,
            _ => strings.seed_source_label,
        }
    }

    /// Where it comes from, short: "Title (9 juillet 2025)", "Title
    /// (article non daté)", "CNN". Tooltips, tables and exports.
    pub fn reference(&self) -> String {
        match self {
            Citation::Seed(seed) => format!("{} ({})", seed.title, seed.date),
            Citation::Public(public) => public.publisher.clone(),
            Citation::Empty => String::new(),
        }
    }

    /// The quote, wrapped, when there is one.
    pub fn quote(&self) -> Option<&Quoted> {
        match self {
            Citation::Seed(seed) => seed.quote.as_ref(),
            _ => None,
        }
    }

    pub fn note(&self) -> Option<&str> {
        match self {
            Citation::Seed(seed) => seed.note.as_deref(),
            Citation::Public(public) => public.note.as_deref(),
            Citation::Empty => None,
        }
    }

    /// The file name or the address.
    pub fn location(&self) -> String {
        match self {
            Citation::Seed(seed) => seed.file.clone(),
            Citation::Public(public) => public.address.clone(),
            Citation::Empty => String::new(),
        }
    }

    /// The whole citation as text: "« quote » Article : Title (date) ;
    /// note" / "Public record: CNN (https://…); note".
    pub fn text(&self, lang: Lang) -> String {
        let reference = match self {
            Citation::Seed(_) => self.reference(),
            Citation::Public(public) => match &public.url {
                Some(url) if *url != public.publisher => format!("{} ({url})", public.publisher),
                _ => public.publisher.clone(),
            },
            Citation::Empty => return String::new(),
        };
        let mut parts = vec![labelled(self.label(lang), &reference, lang)];
        parts.extend(self.note().map(str::to_string));
        let line = join_notes(&parts, lang);
        match self.quote() {
            Some(quoted) => format!("{} {line}", quoted.to_text()),
            None => line,
        }
    }
}

/// The citation of `source`, in the language of `fmt`.
pub fn citation(dataset: &Dataset, source: &SourceRef, fmt: &dyn Formatter) -> Citation {
    let lang = fmt.lang();
    let note = source
        .note
        .as_ref()
        .map(|note| lang.pick(note).trim().to_string())
        .filter(|note| !note.is_empty());
    match (&source.seed, &source.url) {
        (Some(seed), _) => {
            let document = dataset.document(seed);
            let date = document
                .and_then(|d| Date::parse(d.published.as_deref()?).ok())
                .map(|date| fmt.date(&date))
                .unwrap_or_else(|| lang.strings().undated_article.to_string());
            Citation::Seed(SeedCitation {
                quote: source
                    .quote
                    .as_deref()
                    .filter(|q| !q.trim().is_empty())
                    .map(|q| quote(q, lang)),
                title: document.map_or_else(|| seed.clone(), |d| d.title.clone()),
                date,
                file: seed.clone(),
                note,
            })
        }
        (None, Some(url)) => Citation::Public(PublicCitation {
            publisher: source
                .publisher
                .clone()
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| url.clone()),
            url: is_web_url(url).then(|| url.clone()),
            address: url.clone(),
            note,
        }),
        (None, None) => Citation::Empty,
    }
}
