//! An event as a reader sees it: the detail panel, the static version and
//! the print version all show these lines.

use super::date::{date_line, DateLine};
use super::figure::{figure_lines, FigureLines};
use super::source::{citation, Citation};
use crate::data::Dataset;
use crate::i18n::Formatter;

/// An event, line by line.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLines {
    pub id: String,
    pub title: String,
    pub date: DateLine,
    /// The theme's name.
    pub track: Option<String>,
    pub track_idx: usize,
    /// The initiative's name.
    pub initiative: Option<String>,
    /// "selon l’article" when the summary is the article's own
    /// characterisation.
    pub per_article: Option<&'static str>,
    /// The summary's text, with its little HTML (to be sanitized).
    pub summary: String,
    pub actors: Vec<String>,
    pub figures: Vec<FigureLines>,
    pub sources: Vec<Citation>,
}

/// The lines of event `event_idx`, or `None` when there is no such event.
pub fn event_lines(dataset: &Dataset, event_idx: usize, fmt: &dyn Formatter) -> Option<EventLines> {
    let lang = fmt.lang();
    let event = dataset.events.get(event_idx)?;
    Some(EventLines {
        id: event.id.clone(),
        title: lang.pick(&event.title).to_string(),
        date: date_line(dataset, event, fmt),
        track: dataset
            .tracks
            .get(event.track_idx)
            .map(|t| lang.pick(&t.label).to_string()),
        track_idx: event.track_idx,
        initiative: event
            .initiative
            .as_deref()
            .and_then(|id| dataset.initiative(id))
            .map(|i| lang.pick(&i.label).to_string()),
        per_article: event.per_article.then_some(lang.strings().per_article),
        summary: lang.pick(&event.summary).to_string(),
        actors: event
            .actors
            .iter()
            .map(|id| dataset.actor_name(id, lang).to_string())
            .collect(),
        figures: event
            .figure_idxs
            .iter()
            .map(|&idx| figure_lines(dataset, idx, fmt))
            .collect(),
        sources: event
            .sources
            .iter()
            .map(|source| citation(dataset, source, fmt))
            .collect(),
    })
}
