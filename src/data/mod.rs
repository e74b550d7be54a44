//! The dataset: its serde model, parsing and validation.
//!
//! Architecture Invariant: nothing here panics on any input, and nothing
//! here imports `leptos` or `web_sys`. [`parse`] always returns a usable
//! [`Dataset`] (possibly empty) together with every [`Problem`] it found.

pub mod csv;
pub mod date;
mod lang;
mod load;
pub mod locate;
pub mod model;
pub mod problem;
pub mod rich_text;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod shape;
pub mod snapshot;
pub mod template;
pub mod timelinejs;
pub mod typography;
mod validate;

pub use date::{Date, Precision};
pub use lang::Lang;
pub use load::{detect_format, load, Format, Loaded, MAX_FILE_BYTES};
pub use model::{
    Actor, ActorKind, DateKind, Derivation, Document, FigureKind, Initiative, Media, Period,
    Qualifier, RawDataset, SourceRef, Story, StoryIntro, Text, Track, Unit,
};
pub use problem::{
    CellExpect, DatePart, FetchFailure, PathRefusal, Problem, ProblemKind, RefKind, Severity,
    Unmapped,
};
pub use shape::{Expected, Found, Shape, Syntax};

/// The bundled dataset, the single source of truth, embedded at build time.
pub const BUNDLED_JSON: &str = include_str!("../../www/data/ai-race-2025.json");

/// A validated event, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub date_kind: DateKind,
    pub date_note: Option<Text>,
    pub title: Text,
    pub summary: Text,
    /// The summary is the article's own characterisation.
    pub per_article: bool,
    pub track: String,
    /// Index into [`Dataset::tracks`].
    pub track_idx: usize,
    pub initiative: Option<String>,
    pub actors: Vec<String>,
    pub sources: Vec<SourceRef>,
    pub derived: Option<Derivation>,
    pub media: Option<Media>,
    /// Indices into [`Dataset::figures`] of the figures linked to this event.
    pub figure_idxs: Vec<usize>,
}

/// A validated figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub value: f64,
    pub unit: Unit,
    pub kind: FigureKind,
    /// Resolved: an old file's `approximate: true` without a qualifier
    /// reads as [`Qualifier::About`] (with a warning).
    pub qualifier: Qualifier,
    pub label: Text,
    pub period: Option<Period>,
    /// Who states the figure.
    pub stated_by: Vec<String>,
    /// Who commits the money or the resource (may be empty).
    pub committed_by: Vec<String>,
    /// The article's own estimate or wording.
    pub per_article: bool,
    /// Why the copy desk doubts it.
    pub doubt: Option<Text>,
    /// The id of a figure this one overlaps (checked to exist).
    pub overlaps: Option<String>,
    pub initiative: Option<String>,
    pub event: String,
    /// Index into [`Dataset::events`].
    pub event_idx: usize,
    pub sources: Vec<SourceRef>,
}

/// The dataset after validation: only valid items, events sorted by date
/// (ties keep file order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub title: Text,
    pub description: Text,
    pub documents: Vec<Document>,
    pub tracks: Vec<Track>,
    pub initiatives: Vec<Initiative>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    /// The guided story as the file gives it, steps limited to events
    /// that exist; `None` when the file has none.
    pub story: Option<Story>,
}

impl Dataset {
    pub fn event_idx(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// What to call the actor `id` in `lang`: its name, or the id itself
    /// when the dataset does not list it (an unknown actor is reported,
    /// still shown).
    pub fn actor_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.actor(id).map_or(id, |a| lang.pick(&a.name))
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn document(&self, file: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.file == file)
    }

    /// First and last day covered by the events (exclusive end), if any.
    pub fn day_extent(&self) -> Option<(i64, i64)> {
        let start = self.events.iter().map(|e| e.date.start_day()).min()?;
        let end = self
            .events
            .iter()
            .map(|e| e.date.end_day_exclusive())
            .max()?;
        Some((start, end))
    }
}

/// Reads a dataset in our format. Never fails: problems come back next to
/// whatever could be kept, each with its line and column in `json`.
pub fn parse(json: &str) -> (Dataset, Vec<Problem>) {
    validate::parse_and_validate(json)
}

/// Validates a dataset already in memory (an import). Problems carry
/// paths but no positions.
pub fn validate(raw: RawDataset) -> (Dataset, Vec<Problem>) {
    validate::validate(raw)
}

/// The bundled dataset, parsed.
///
/// In the browser, the snapshot `build.rs` wrote after validating the JSON
/// at build time (see [`snapshot`]): no JSON parser or validation in the
/// first wasm module. On the host, and when the JSON has problems, it is
/// parsed and validated here.
///
/// That snapshot leaves out what the timeline never shows
/// ([`snapshot::Details`]): the views that show it get it back with
/// [`with_bundled_details`], from their own wasm chunk.
#[cfg(all(target_arch = "wasm32", bundled_snapshot))]
pub fn bundled() -> (Dataset, Vec<Problem>) {
    const SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.snapshot"));
    // build.rs wrote these bytes with this very code: a failure is a bug,
    // and the panic hook then shows the static version with a message.
    let dataset = snapshot::decode(SNAPSHOT).expect("the bundled snapshot of this build decodes");
    (dataset, Vec::new())
}

/// The bundled dataset, parsed.
#[cfg(not(all(target_arch = "wasm32", bundled_snapshot)))]
pub fn bundled() -> (Dataset, Vec<Problem>) {
    parse(BUNDLED_JSON)
}

/// The bundled dataset whole: `frame` (what [`bundled`] gave in the
/// browser, or part of it: a filtered view) with its details back
/// ([`snapshot::Details`]: summaries, sources, date notes, figures, roles,
/// descriptions). `None` when [`bundled`] gives them already (on the host,
/// or when the JSON had problems at build time), or when `frame` holds
/// other events.
///
/// Only the views of wasm chunks call it, so that these bytes travel with
/// them and not in the first module.
#[cfg(all(target_arch = "wasm32", bundled_snapshot))]
pub fn with_bundled_details(frame: &Dataset) -> Option<Dataset> {
    const DETAILS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.details"));
    snapshot::decode_details(DETAILS)?.restore(frame)
}

/// The bundled dataset whole (see the browser's version): here
/// [`bundled`] is whole already.
#[cfg(not(all(target_arch = "wasm32", bundled_snapshot)))]
pub fn with_bundled_details(_frame: &Dataset) -> Option<Dataset> {
    None
}

/// The bundled dataset with everything, wherever it runs (the browser
/// tests compare the page with it). The app's first module never calls it.
pub fn bundled_whole() -> Dataset {
    let (frame, _) = bundled();
    with_bundled_details(&frame).unwrap_or(frame)
}
