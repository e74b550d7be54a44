//! The data on show: a dataset with its problems, and where it comes from
//! (the published file, a `?data=` address, a file the reader picked or
//! dropped). The app holds one [`Shown`] at a time; showing other data
//! replaces the whole page below the header.

use std::sync::Arc;

use crate::data::{self, Dataset, Loaded, Problem, ProblemKind};

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

    /// A file that could not be read or fetched (`status`: the HTTP
    /// status, when there was one), reported at `path` (`?data=`, or ""
    /// for a local file).
    pub fn unreadable(path: &str, name: String, status: Option<u16>, origin: DataOrigin) -> Shown {
        let kind = ProblemKind::FetchFailed { path: name, status };
        Shown::failed(Problem::error(path, kind), origin)
    }

    /// Whether there is nothing to show (every event was refused, or
    /// there was no file): the page shows the problems alone.
    pub fn is_fatal(&self) -> bool {
        self.dataset.events.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let shown = Shown::unreadable("?data=", "missing.json".into(), Some(404), origin.clone());
        assert!(shown.is_fatal());
        assert_eq!(shown.origin, origin);
        assert_eq!(shown.problems.len(), 1);
        assert_eq!(shown.problems[0].path, "?data=");
        assert_eq!(
            shown.problems[0].kind,
            ProblemKind::FetchFailed {
                path: "missing.json".into(),
                status: Some(404)
            }
        );
    }

    #[test]
    fn loaded_data_keeps_its_problems() {
        let loaded = data::load(b"{ not json");
        let n_problems = loaded.problems.len();
        let shown = Shown::loaded(loaded, DataOrigin::LocalFile("x.json".into()));
        assert_eq!(shown.problems.len(), n_problems);
        assert!(n_problems > 0);
    }
}
