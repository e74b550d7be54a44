//! The data on show: a dataset with its problems, and where it comes from
//! (the published file, a `?data=` address, a file the reader picked or
//! dropped). The app holds one [`Shown`] at a time; showing other data
//! replaces the whole page below the header.

use std::sync::Arc;

use crate::data::{self, Dataset, FetchFailure, Loaded, Problem, ProblemKind, MAX_FILE_BYTES};

/// Where the shown data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataOrigin {
    /// The bundled, published dataset.
    Published,
    /// A `?data=` value (as written in the URL).
    Url(String),
    /// A file picked or dropped by the reader (its name).
    LocalFile(String),
}

impl DataOrigin {
    /// The kicker above the title: the published story's year. Other data has none: a
    /// history of the universe is not "2025".
    pub fn kicker(&self) -> Option<&'static str> {
        match self {
            DataOrigin::Published => Some("2025"),
            DataOrigin::Url(_) | DataOrigin::LocalFile(_) => None,
        }
    }

    /// What the footer (and a chart's PNG caption) says of the sources: the published
    /// story's five French articles, or the sources the other file cites.
    pub fn sources_line(&self, lang: crate::i18n::Lang) -> &'static str {
        let strings = lang.strings();
        match self {
            DataOrigin::Published => strings.footer_sources,
            DataOrigin::Url(_) | DataOrigin::LocalFile(_) => strings.footer_sources_file,
        }
    }

    /// The name to show for other data than the published story (the
    /// `?data=` value or the file name).
    pub fn name(&self) -> Option<&str> {
        match self {
            DataOrigin::Published => None,
            DataOrigin::Url(name) | DataOrigin::LocalFile(name) => Some(name),
        }
    }
}

/// One dataset to show, with its problems and where it comes from.
#[derive(Debug, Clone)]
pub struct Shown {
    pub dataset: Arc<Dataset>,
    pub problems: Arc<Vec<Problem>>,
    pub origin: DataOrigin,
}

impl Shown {
    /// The bundled, published dataset.
    pub fn published() -> Shown {
        let (dataset, problems) = data::bundled();
        Shown {
            dataset: Arc::new(dataset),
            problems: Arc::new(problems),
            origin: DataOrigin::Published,
        }
    }

    /// Data read from `origin`.
    pub fn loaded(loaded: Loaded, origin: DataOrigin) -> Shown {
        Shown {
            dataset: Arc::new(loaded.dataset),
            problems: Arc::new(loaded.problems),
            origin,
        }
    }

    /// Nothing to show, and why.
    pub fn failed(problem: Problem, origin: DataOrigin) -> Shown {
        Shown {
            dataset: Arc::new(Dataset::default()),
            problems: Arc::new(vec![problem]),
            origin,
        }
    }

    /// A file that could not be read or fetched, and why, reported at
    /// `path` (`?data=`, or "" for a local file) under its `name`.
    pub fn unreadable(path: &str, name: String, error: ReadError, origin: DataOrigin) -> Shown {
        let kind = match error {
            ReadError::Failed(failure) => ProblemKind::FetchFailed {
                path: name,
                failure,
            },
            ReadError::TooBig { n_bytes } => ProblemKind::FileTooLarge {
                n_bytes: usize::try_from(n_bytes).unwrap_or(usize::MAX),
                max_bytes: MAX_FILE_BYTES,
            },
        };
        Shown::failed(Problem::error(path, kind), origin)
    }

    /// Whether there is nothing to show (every event was refused, or
    /// there was no file): the page shows the problems alone.
    pub fn is_fatal(&self) -> bool {
        self.dataset.events.is_empty()
    }
}

/// The number of a load (a `?data=` fetch, a picked or dropped file, the
/// way back to the published story). Only the latest load may show its
/// result: a file dropped while another is loading replaces it, and the
/// older answer, when it comes, is dropped instead of replacing the newer.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LoadTicket(u64);

impl LoadTicket {
    /// The ticket of the load that starts after this one.
    pub fn next(self) -> LoadTicket {
        LoadTicket(self.0.wrapping_add(1))
    }
}

/// Why a file was not read: it failed, or it is larger than
/// [`MAX_FILE_BYTES`] (refused before reading a byte when its size is
/// known, so that a 200 MB file never freezes the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Failed(FetchFailure),
    TooBig { n_bytes: u64 },
}

/// What the app knows of an HTTP answer before reading its body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResponseHead {
    pub status: u16,
    /// The answer's origin (after redirections) is the page's.
    pub same_origin: bool,
    pub content_type: Option<String>,
    pub content_length: Option<u64>,
}

/// Whether to read the body of an answer: an error status, another site,
/// a page or resource that is not data, or an announced size over the
/// limit is refused before reading. A missing or generic `Content-Type`
/// (`text/plain`, `application/octet-stream`) is read: static hosts serve
/// `.csv` and `.json` files under many types, and the content decides.
pub fn check_response(head: &ResponseHead) -> Result<(), ReadError> {
    if !head.same_origin {
        return Err(ReadError::Failed(FetchFailure::OtherSite));
    }
    match head.status {
        200..=299 => {}
        404 | 410 => return Err(ReadError::Failed(FetchFailure::NotFound)),
        status => return Err(ReadError::Failed(FetchFailure::Status(status))),
    }
    if let Some(content_type) = &head.content_type {
        if !is_data_type(content_type) {
            let essence = content_type.split(';').next().unwrap_or_default().trim();
            return Err(ReadError::Failed(FetchFailure::NotData {
                content_type: essence.to_ascii_lowercase(),
            }));
        }
    }
    match head.content_length {
        Some(n_bytes) => check_size(n_bytes),
        None => Ok(()),
    }
}

/// A size over [`MAX_FILE_BYTES`] is refused (a picked file's size, an
/// announced length, or what a stream has delivered so far).
pub fn check_size(n_bytes: u64) -> Result<(), ReadError> {
    if n_bytes > MAX_FILE_BYTES as u64 {
        Err(ReadError::TooBig { n_bytes })
    } else {
        Ok(())
    }
}

/// A body shorter than its announced length was cut off (a server that
/// closed the connection half-way).
pub fn check_complete(n_received: u64, content_length: Option<u64>) -> Result<(), ReadError> {
    match content_length {
        Some(expected) if n_received < expected => Err(ReadError::Failed(FetchFailure::CutOff)),
        _ => Ok(()),
    }
}

/// False for the types of what a site serves besides data: pages,
/// scripts, style sheets, WebAssembly, images, sounds, videos, fonts.
fn is_data_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let (kind, subtype) = essence.split_once('/').unwrap_or((essence.as_str(), ""));
    let not_data = matches!(kind, "image" | "audio" | "video" | "font" | "model")
        || matches!(
            (kind, subtype),
            ("text", "html" | "javascript" | "css" | "ecmascript")
                | (
                    "application",
                    "xhtml+xml" | "javascript" | "ecmascript" | "wasm" | "pdf" | "zip" | "gzip"
                )
        );
    !not_data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_published_story_says_2025_and_five_french_articles() {
        use crate::i18n::Lang;
        let published = DataOrigin::Published;
        assert_eq!(published.kicker(), Some("2025"));
        for other in [
            DataOrigin::Url("fixtures/antiquity.json".into()),
            DataOrigin::LocalFile("cosmo.json".into()),
        ] {
            assert_eq!(other.kicker(), None, "{other:?}");
            assert_eq!(
                other.sources_line(Lang::Fr),
                "Sources\u{a0}: celles que ce fichier cite pour chacun de ses événements."
            );
            assert_eq!(
                other.sources_line(Lang::En),
                "Sources: those this file cites for each of its events."
            );
        }
        assert!(published
            .sources_line(Lang::Fr)
            .contains("cinq articles de presse"));
        assert!(published
            .sources_line(Lang::En)
            .contains("five French press articles"));
    }

    #[test]
    fn the_published_story_has_events_and_no_name() {
        let shown = Shown::published();
        assert!(!shown.is_fatal());
        assert!(shown.problems.is_empty());
        assert_eq!(shown.origin.name(), None);
    }

    #[test]
    fn other_data_is_named_by_its_address_or_file() {
        assert_eq!(DataOrigin::Url("a.json".into()).name(), Some("a.json"));
        assert_eq!(DataOrigin::LocalFile("b.csv".into()).name(), Some("b.csv"));
    }

    #[test]
    fn an_unreadable_file_shows_nothing_and_says_why() {
        let origin = DataOrigin::Url("missing.json".into());
        let shown = Shown::unreadable(
            "?data=",
            "missing.json".into(),
            ReadError::Failed(FetchFailure::NotFound),
            origin.clone(),
        );
        assert!(shown.is_fatal());
        assert_eq!(shown.origin, origin);
        assert_eq!(shown.problems.len(), 1);
        assert_eq!(shown.problems[0].path, "?data=");
        assert_eq!(
            shown.problems[0].kind,
            ProblemKind::FetchFailed {
                path: "missing.json".into(),
                failure: FetchFailure::NotFound
            }
        );
        let message = shown.problems[0].message();
        assert!(
            message
                .fr
                .contains("«\u{202f}missing.json\u{202f}» n’a pas pu être lu"),
            "{}",
            message.fr
        );
        assert!(message.fr.contains("HTTP 404"), "{}", message.fr);
        assert!(
            message
                .en
                .contains("\"missing.json\" could not be read: it does not exist on this site"),
            "{}",
            message.en
        );
    }

    fn head(status: u16, content_type: Option<&str>, content_length: Option<u64>) -> ResponseHead {
        ResponseHead {
            status,
            same_origin: true,
            content_type: content_type.map(str::to_string),
            content_length,
        }
    }

    #[test]
    fn a_data_answer_is_read_whatever_generic_type_the_host_gives_it() {
        for content_type in [
            None,
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("text/csv"),
            Some("text/plain; charset=utf-8"),
            Some("application/octet-stream"),
            Some("application/vnd.ms-excel"),
        ] {
            assert_eq!(
                check_response(&head(200, content_type, Some(10))),
                Ok(()),
                "{content_type:?}"
            );
        }
    }

    #[test]
    fn each_refused_answer_says_why_before_a_byte_of_its_body_is_read() {
        let not_data = |content_type: &str| {
            ReadError::Failed(FetchFailure::NotData {
                content_type: content_type.to_string(),
            })
        };
        let cases = [
            (
                head(404, None, None),
                ReadError::Failed(FetchFailure::NotFound),
            ),
            (
                head(410, None, None),
                ReadError::Failed(FetchFailure::NotFound),
            ),
            (
                head(500, None, None),
                ReadError::Failed(FetchFailure::Status(500)),
            ),
            (
                head(403, None, None),
                ReadError::Failed(FetchFailure::Status(403)),
            ),
            (
                head(200, Some("text/html; charset=utf-8"), None),
                not_data("text/html"),
            ),
            (
                head(200, Some("Text/JavaScript"), None),
                not_data("text/javascript"),
            ),
            (
                head(200, Some("application/wasm"), None),
                not_data("application/wasm"),
            ),
            (head(200, Some("image/png"), None), not_data("image/png")),
            (
                head(200, Some("application/json"), Some(200_000_000)),
                ReadError::TooBig {
                    n_bytes: 200_000_000,
                },
            ),
            (
                ResponseHead {
                    same_origin: false,
                    ..head(200, None, None)
                },
                ReadError::Failed(FetchFailure::OtherSite),
            ),
        ];
        for (head, expected) in cases {
            assert_eq!(check_response(&head), Err(expected), "{head:?}");
        }
    }

    #[test]
    fn the_size_limit_is_the_loaders_and_a_short_body_was_cut_off() {
        let limit = MAX_FILE_BYTES as u64;
        assert_eq!(check_size(limit), Ok(()));
        assert_eq!(
            check_size(limit + 1),
            Err(ReadError::TooBig { n_bytes: limit + 1 })
        );
        assert_eq!(check_complete(10, Some(10)), Ok(()));
        assert_eq!(check_complete(10, None), Ok(()));
        assert_eq!(
            check_complete(5, Some(10)),
            Err(ReadError::Failed(FetchFailure::CutOff))
        );
    }

    #[test]
    fn every_failure_has_its_own_message_and_hint_in_both_languages() {
        let failures = [
            FetchFailure::Network,
            FetchFailure::CutOff,
            FetchFailure::NotFound,
            FetchFailure::Status(500),
            FetchFailure::OtherSite,
            FetchFailure::NotData {
                content_type: "text/html".into(),
            },
            FetchFailure::Unreadable,
        ];
        let mut messages = Vec::new();
        for failure in failures {
            let shown = Shown::unreadable(
                "?data=",
                "a.json".into(),
                ReadError::Failed(failure.clone()),
                DataOrigin::Url("a.json".into()),
            );
            let message = shown.problems[0].message();
            for text in [&message.fr, &message.en] {
                assert!(text.contains("a.json"), "{failure:?}: {text}");
                assert!(!text.contains("None") && !text.contains("Some("), "{text}");
            }
            messages.push(message.fr);
            messages.push(message.en);
        }
        let n_messages = messages.len();
        messages.sort();
        messages.dedup();
        assert_eq!(messages.len(), n_messages, "two failures read the same");

        let too_big = Shown::unreadable(
            "",
            "big.json".into(),
            ReadError::TooBig {
                n_bytes: 200_000_000,
            },
            DataOrigin::LocalFile("big.json".into()),
        );
        let message = too_big.problems[0].message();
        assert_eq!(
            message.fr,
            "Le fichier fait 200 Mo\u{202f}; la limite est de 100 Mo."
        );
        assert_eq!(message.en, "The file is 200 MB; the limit is 100 MB.");
    }

    #[test]
    fn loaded_data_keeps_its_problems() {
        let loaded = data::load(b"{ not json");
        let n_problems = loaded.problems.len();
        let shown = Shown::loaded(loaded, DataOrigin::LocalFile("x.json".into()));
        assert_eq!(shown.problems.len(), n_problems);
        assert!(n_problems > 0);
    }

    #[test]
    fn only_the_latest_load_shows_its_result() {
        let first = LoadTicket::default().next();
        let second = first.next();
        let latest = second;
        assert_ne!(first, latest, "the first file's late answer is dropped");
        assert_eq!(second, latest);
        assert_eq!(LoadTicket(u64::MAX).next(), LoadTicket(0));
    }
}
