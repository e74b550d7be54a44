//! Turning the raw file into a [`Dataset`] and a list of [`Problem`]s.

use std::collections::HashSet;
use std::fmt::Display;
use std::hash::{BuildHasher, Hash};

use super::date::{Date, DateError, Precision};
use serde::Deserialize;

use super::model::{
    Actor, DateKind, Derivation, Document, Initiative, Qualifier, RawDataset, RawEvent, RawFigure,
    SourceRef, Text, Track,
};
use super::problem::{Problem, ProblemKind, RefKind, MAX_QUOTE_CHARS};
use super::shape::{self, Shape, ShapeError};
use super::{rich_text, typography};
use super::{Dataset, Event, Figure};

pub(super) fn parse_and_validate(json: &str) -> (Dataset, Vec<Problem>) {
    // A UTF-8 byte-order mark is harmless: drop it rather than complain.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let (dataset, mut problems) = parse_only(json);
    if problems.iter().all(|problem| problem.line.is_some()) {
        return (dataset, problems);
    }
    let locator = super::locate::Locator::new(json);
    for problem in &mut problems {
        if problem.line.is_none() {
            if let Some((line, column)) = locator.locate(&problem.path) {
                (problem.line, problem.column) = (Some(line), Some(column));
            }
        }
    }
    (dataset, problems)
}

/// Validates a dataset already read (an import, say).
pub(super) fn validate(mut raw: RawDataset) -> (Dataset, Vec<Problem>) {
    let events = std::mem::take(&mut raw.events)
        .into_iter()
        .map(shape::from_value)
        .collect();
    let figures = std::mem::take(&mut raw.figures)
        .into_iter()
        .map(shape::from_value)
        .collect();
    let mut checker = Checker::default();
    let dataset = checker.dataset(raw, events, figures);
    (dataset, checker.problems)
}

/// The whole file read in one go, for when every event and figure is well
/// formed: several times faster than [`RawDataset`], whose items go through
/// `serde_json::Value` one by one (100,000 events: seconds saved). Any
/// failure falls back to that path, which says which item is wrong.
#[derive(Deserialize)]
struct TypedDataset {
    #[serde(default)]
    title: Text,
    #[serde(default)]
    description: Text,
    #[serde(default)]
    documents: Vec<Document>,
    #[serde(default)]
    tracks: Vec<Track>,
    #[serde(default)]
    initiatives: Vec<Initiative>,
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    events: Vec<RawEvent>,
    #[serde(default)]
    figures: Vec<RawFigure>,
    #[serde(default)]
    story: Option<super::model::Story>,
}

fn validate_typed(typed: TypedDataset) -> (Dataset, Vec<Problem>) {
    let header = RawDataset {
        title: typed.title,
        description: typed.description,
        documents: typed.documents,
        tracks: typed.tracks,
        initiatives: typed.initiatives,
        actors: typed.actors,
        story: typed.story,
        ..RawDataset::default()
    };
    let events = typed.events.into_iter().map(Ok).collect();
    let figures = typed.figures.into_iter().map(Ok).collect();
    let mut checker = Checker::default();
    let dataset = checker.dataset(header, events, figures);
    (dataset, checker.problems)
}

fn parse_only(json: &str) -> (Dataset, Vec<Problem>) {
    // serde would read a top-level list as the struct's fields in order,
    // with a baffling message: say what is expected instead.
    let first = json.trim_start().chars().next();
    if first.is_some_and(|c| c != '{') {
        let shape = Shape::TopNotObject;
        let mut problem = Problem::error("", ProblemKind::Shape { shape });
        let offset = json.len() - json.trim_start().len();
        let (line, column) = super::locate::line_column(json, offset);
        (problem.line, problem.column) = (Some(line), Some(column));
        return (Dataset::default(), vec![problem]);
    }
    if let Ok(typed) = serde_json::from_str::<TypedDataset>(json) {
        return validate_typed(typed);
    }
    let raw: RawDataset = match shape::from_str(json) {
        Ok(raw) => raw,
        Err(err) => {
            let mut problem = Problem::error(err.path, err.kind);
            (problem.line, problem.column) = (err.line, err.column);
            return (Dataset::default(), vec![problem]);
        }
    };
    validate(raw)
}

/// The problem of an item that could not be read, at the path of the
/// faulty value inside it (`events[3]` + `date`).
fn shape_problem(item: impl Display, err: &ShapeError) -> Problem {
    let path = match err.path.as_str() {
        "" => item.to_string(),
        inner if inner.starts_with('[') => format!("{item}{inner}"),
        inner => join(item, inner),
    };
    Problem::error(path, err.kind.clone())
}

/// The date a derivation gives: an offset in months alone keeps the month
/// (nine months after 24 November 2025 is August 2026: the source's
/// "nine months" does not give the day), any days give the day.
fn derived_date(base: Date, derivation: &Derivation) -> Date {
    let moved = base.add_months(derivation.months);
    if derivation.days == 0 && derivation.months > 0 {
        at_precision(moved, moved.precision().min(Precision::Month))
    } else {
        moved.add_days(i64::from(derivation.days))
    }
}

/// `date` cut to `precision` (never made more precise).
fn at_precision(date: Date, precision: Precision) -> Date {
    match precision.min(date.precision()) {
        Precision::Day => date,
        Precision::Month => Date { day: None, ..date },
        Precision::Year => Date {
            month: None,
            day: None,
            ..date
        },
    }
}

/// Where an item is: a path is written out only when a problem is
/// reported (100,000 valid events format none).
#[derive(Clone, Copy)]
enum Path {
    /// `list[index]`, e.g. `events[3]`.
    Item(&'static str, usize),
}

impl Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Item(list, index) => write!(f, "{list}[{index}]"),
        }
    }
}

/// `path.field`, or `field` at the top.
fn join(path: impl Display, field: &str) -> String {
    let path = path.to_string();
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Sets and maps hashed with rustc's `FxHash` (`rustc-hash`): ids are the
/// dataset's own, not an attacker's, and SipHash was a tenth of reading
/// 100,000 events.
type FastSet<'a> = rustc_hash::FxHashSet<&'a str>;
type FastMap<'a, V> = rustc_hash::FxHashMap<&'a str, V>;

/// The ids events and figures may refer to, for lookups in constant time.
struct Names<'a> {
    tracks: FastSet<'a>,
    initiatives: FastSet<'a>,
    actors: FastSet<'a>,
    documents: FastSet<'a>,
    /// The publication date of each dated document.
    published: FastMap<'a, Date>,
}

impl<'a> Names<'a> {
    fn new(dataset: &'a Dataset) -> Names<'a> {
        Names {
            tracks: dataset.tracks.iter().map(|t| t.id.as_str()).collect(),
            initiatives: dataset.initiatives.iter().map(|i| i.id.as_str()).collect(),
            actors: dataset.actors.iter().map(|a| a.id.as_str()).collect(),
            documents: dataset.documents.iter().map(|d| d.file.as_str()).collect(),
            published: dataset
                .documents
                .iter()
                .filter_map(|d| Some((d.file.as_str(), Date::parse(d.published.as_deref()?).ok()?)))
                .collect(),
        }
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::error(path, kind));
    }

    fn warning(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::warning(path, kind));
    }

    /// Checks a file whose events and figures (`raw`'s own are ignored)
    /// were each read on their own.
    fn dataset(
        &mut self,
        raw: RawDataset,
        events: Vec<Result<RawEvent, ShapeError>>,
        figures: Vec<Result<RawFigure, ShapeError>>,
    ) -> Dataset {
        self.text("", "title", &raw.title);
        self.text("", "description", &raw.description);

        let mut documents = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (i, doc) in raw.documents.into_iter().enumerate() {
            let path = format!("documents[{i}]");
            if self.id(&path, "file", &doc.file, &mut seen) {
                if let Some(published) = &doc.published {
                    let path = format!("{path}.published");
                    let value = published.clone();
                    match Date::parse(published) {
                        Ok(_) => {}
                        Err(DateError::Format) => {
                            self.warning(path, ProblemKind::BadDateFormat { value })
                        }
                        Err(DateError::Impossible) => {
                            self.warning(path, ProblemKind::ImpossibleDate { value })
                        }
                        Err(DateError::OutOfRange) => {
                            self.warning(path, ProblemKind::YearOutOfRange { value })
                        }
                    }
                }
                documents.push(doc);
            }
        }
        let mut tracks = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (i, track) in raw.tracks.into_iter().enumerate() {
            let path = format!("tracks[{i}]");
            if self.id(&path, "id", &track.id, &mut seen) {
                self.text(&path, "label", &track.label);
                tracks.push(track);
            }
        }
        let mut initiatives = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (i, initiative) in raw.initiatives.into_iter().enumerate() {
            let path = format!("initiatives[{i}]");
            if self.id(&path, "id", &initiative.id, &mut seen) {
                self.text(&path, "label", &initiative.label);
                self.french(&path, "description", &initiative.description);
                initiatives.push(initiative);
            }
        }
        let mut actors = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (i, actor) in raw.actors.into_iter().enumerate() {
            let path = format!("actors[{i}]");
            if self.id(&path, "id", &actor.id, &mut seen) {
                self.name(&path, &actor.name);
                if actor.name.fr != actor.name.en {
                    self.french(&path, "name", &actor.name);
                }
                self.french(&path, "role", &actor.role);
                actors.push(actor);
            }
        }

        let mut dataset = Dataset {
            title: raw.title,
            description: raw.description,
            documents,
            tracks,
            initiatives,
            actors,
            events: Vec::new(),
            figures: Vec::new(),
            story: None,
        };

        // Events: each item on its own, so one bad item loses nothing else.
        // Files can hold 100,000 events: ids are looked up by reference, and
        // a path is written only when there is a problem to report.
        let names = Names::new(&dataset);
        let mut seen = FastSet::default();
        let mut dates: Vec<Option<Date>> = Vec::with_capacity(events.len());
        for (i, event) in events.iter().enumerate() {
            let path = Path::Item("events", i);
            let event = match event {
                Ok(event) => event,
                Err(err) => {
                    self.problems.push(shape_problem(path, err));
                    dates.push(None);
                    continue;
                }
            };
            if !self.id(path, "id", &event.id, &mut seen) {
                dates.push(None);
                continue;
            }
            dates.push(self.event(path, event, &names));
        }
        drop(names);
        // Derived milestones are checked against their base event's date
        // (looked up by id).
        let has_derived = events
            .iter()
            .zip(&dates)
            .any(|(event, date)| date.is_some() && matches!(event, Ok(e) if e.derived.is_some()));
        let date_by_id: FastMap<Date> = if has_derived {
            events
                .iter()
                .zip(&dates)
                .filter_map(|(event, date)| Some((event.as_ref().ok()?.id.as_str(), (*date)?)))
                .collect()
        } else {
            FastMap::default()
        };
        let mut keep = vec![false; events.len()];
        let mut dates_fixed: Vec<(usize, Date)> = Vec::new();
        for (i, (event, date)) in events.iter().zip(&dates).enumerate() {
            let (Ok(event), Some(date)) = (event, *date) else {
                continue;
            };
            let path = Path::Item("events", i);
            if let Some(derivation) = &event.derived {
                let base = date_by_id.get_key_value(derivation.from.as_str());
                match base {
                    None => {
                        self.error(
                            format!("{path}.derived.from"),
                            ProblemKind::UnknownReference {
                                what: RefKind::Event,
                                id: derivation.from.clone(),
                            },
                        );
                        continue;
                    }
                    Some(_) if derivation.days == 0 && derivation.months == 0 => {
                        self.error(format!("{path}.derived"), ProblemKind::EmptyDerivation);
                        continue;
                    }
                    Some((_, base_date)) => {
                        let expected = derived_date(*base_date, derivation);
                        // Before month offsets gave month precision, nine
                        // months from a day gave a day: such a date is
                        // kept, at the month, with a warning.
                        let day_precise = base_date.add_months(derivation.months);
                        if expected != date
                            && derivation.days == 0
                            && expected.precision() == Precision::Month
                            && date == day_precise
                        {
                            self.warning(
                                format!("{path}.date"),
                                ProblemKind::DerivedDateTooPrecise {
                                    expected: expected.iso(),
                                    found: date.iso(),
                                },
                            );
                            dates_fixed.push((i, expected));
                        } else if expected != date {
                            self.error(
                                format!("{path}.date"),
                                ProblemKind::DerivedDateMismatch {
                                    expected: expected.iso(),
                                    found: date.iso(),
                                },
                            );
                            continue;
                        }
                    }
                }
            }
            keep[i] = true;
        }
        drop(date_by_id);
        for (i, date) in dates_fixed {
            dates[i] = Some(date);
        }
        let mut kept: Vec<(RawEvent, Date)> = events
            .into_iter()
            .zip(dates)
            .zip(keep)
            .filter_map(|((event, date), keep)| Some((event.ok().filter(|_| keep)?, date?)))
            .collect();
        // Stable sort: ties keep file order.
        kept.sort_by_key(|kept| kept.1);
        dataset.events = kept
            .into_iter()
            .map(|(event, date)| {
                let track_idx = dataset
                    .tracks
                    .iter()
                    .position(|t| t.id == event.track)
                    .unwrap_or_default();
                Event {
                    id: event.id,
                    date,
                    date_kind: event.date_kind,
                    date_note: event.date_note,
                    title: event.title,
                    summary: event.summary,
                    per_article: event.per_article,
                    track: event.track,
                    track_idx,
                    initiative: event.initiative,
                    actors: event.actors,
                    sources: event.sources,
                    derived: event.derived,
                    media: event.media,
                    figure_idxs: Vec::new(),
                }
            })
            .collect();
        if dataset.events.is_empty() {
            self.error("events", ProblemKind::NoEvents);
        }

        // Figures find their event by id.
        let mut checked = Vec::new();
        let mut figure_paths = Vec::new();
        if !figures.is_empty() {
            let names = Names::new(&dataset);
            let event_idxs: FastMap<usize> = dataset
                .events
                .iter()
                .enumerate()
                .map(|(event_idx, event)| (event.id.as_str(), event_idx))
                .collect();
            let mut seen: HashSet<String> = HashSet::new();
            for (i, figure) in figures.into_iter().enumerate() {
                let path = Path::Item("figures", i);
                let figure: RawFigure = match figure {
                    Ok(figure) => figure,
                    Err(err) => {
                        self.problems.push(shape_problem(path, &err));
                        continue;
                    }
                };
                if !self.id(path, "id", &figure.id, &mut seen) {
                    continue;
                }
                if let Some(figure) = self.figure(path, figure, &names, &event_idxs) {
                    checked.push(figure);
                    figure_paths.push(path);
                }
            }
        }
        // An overlap names a figure that was kept, and not itself.
        let figure_ids: FastSet = checked.iter().map(|f| f.id.as_str()).collect();
        let mut overlap_problems = Vec::new();
        for (figure, path) in checked.iter().zip(&figure_paths) {
            if let Some(other) = &figure.overlaps {
                if other == &figure.id {
                    overlap_problems
                        .push((format!("{path}.overlaps"), ProblemKind::OverlapsItself));
                } else if !figure_ids.contains(other.as_str()) {
                    overlap_problems.push((
                        format!("{path}.overlaps"),
                        ProblemKind::UnknownReference {
                            what: RefKind::Figure,
                            id: other.clone(),
                        },
                    ));
                }
            }
        }
        drop(figure_ids);
        for (path, kind) in overlap_problems {
            self.warning(path, kind);
        }
        for figure in checked {
            let figure_idx = dataset.figures.len();
            dataset.events[figure.event_idx]
                .figure_idxs
                .push(figure_idx);
            dataset.figures.push(figure);
        }
        dataset.story = raw.story.map(|story| self.story(story, &dataset));
        dataset
    }

    /// The story's texts and steps: a step naming no event is reported
    /// and left out.
    fn story(&mut self, mut story: super::model::Story, dataset: &Dataset) -> super::model::Story {
        self.text("story.intro", "title", &story.intro.title);
        self.text("story.intro", "text", &story.intro.text);
        let ids: FastSet = dataset.events.iter().map(|e| e.id.as_str()).collect();
        let mut seen = FastSet::default();
        let mut keep = Vec::with_capacity(story.steps.len());
        for (i, step) in story.steps.iter().enumerate() {
            let path = format!("story.steps[{i}]");
            if !ids.contains(step.as_str()) {
                let id = step.clone();
                let what = RefKind::Event;
                self.warning(path, ProblemKind::UnknownReference { what, id });
                keep.push(false);
            } else if !seen.insert(step.as_str()) {
                self.warning(path, ProblemKind::DuplicateId { id: step.clone() });
                keep.push(false);
            } else {
                keep.push(true);
            }
        }
        drop(seen);
        drop(ids);
        let mut keep = keep.into_iter();
        story.steps.retain(|_| keep.next().unwrap_or(false));
        story
    }

    /// Checks the id at `path`.`field` for emptiness and uniqueness; false
    /// drops the item.
    fn id<'a, K: From<&'a str> + Eq + Hash, S: BuildHasher>(
        &mut self,
        path: impl Display + Copy,
        field: &str,
        id: &'a str,
        seen: &mut HashSet<K, S>,
    ) -> bool {
        if id.trim().is_empty() {
            self.error(join(path, field), ProblemKind::EmptyId);
            return false;
        }
        if !seen.insert(K::from(id)) {
            let id = id.to_string();
            self.error(join(path, field), ProblemKind::DuplicateId { id });
            return false;
        }
        true
    }

    /// A missing French text drops nothing but is reported; so is English.
    fn text(&mut self, path: impl Display + Copy, field: &str, text: &Text) {
        if text.fr.trim().is_empty() {
            let path = join(path, field);
            self.warning(format!("{path}.fr"), ProblemKind::EmptyText { lang: "fr" });
        }
        if text.en.trim().is_empty() {
            let path = join(path, field);
            self.warning(format!("{path}.en"), ProblemKind::EmptyText { lang: "en" });
        }
        self.french(path, field, text);
    }

    /// French typography (issue 14): a French text with an ordinary or
    /// missing space before ; : ! ? » or after « is kept and reported at
    /// its `.fr` path, with the first place and how to fix it. Quotes are
    /// verbatim and never checked. A summary with markup is checked as the
    /// reader sees it: its text, not its tags and entities.
    fn french(&mut self, path: impl Display + Copy, field: &str, text: &Text) {
        let shown = if rich_text::has_markup(&text.fr) {
            std::borrow::Cow::Owned(rich_text::plain_text(&text.fr))
        } else {
            std::borrow::Cow::Borrowed(text.fr.as_str())
        };
        if let Some(issues) = typography::french_spacing(&shown) {
            let path = join(path, field);
            self.warning(
                format!("{path}.fr"),
                ProblemKind::FrenchSpacing {
                    count: issues.count,
                    excerpt: issues.excerpt,
                },
            );
        }
    }

    /// An actor's name: a plain string fills both languages, so an empty
    /// one is reported once, at `name`.
    fn name(&mut self, path: &str, name: &Text) {
        let path = join(path, "name");
        if name.fr == name.en {
            if name.fr.trim().is_empty() {
                self.warning(path, ProblemKind::EmptyText { lang: "fr" });
            }
            return;
        }
        if name.fr.trim().is_empty() {
            self.warning(format!("{path}.fr"), ProblemKind::EmptyText { lang: "fr" });
        }
        if name.en.trim().is_empty() {
            self.warning(format!("{path}.en"), ProblemKind::EmptyText { lang: "en" });
        }
    }

    fn reference(
        &mut self,
        path: impl Display + Copy,
        field: &str,
        what: RefKind,
        id: &str,
        exists: bool,
    ) -> bool {
        if !exists {
            self.error(
                join(path, field),
                ProblemKind::UnknownReference {
                    what,
                    id: id.to_string(),
                },
            );
        }
        exists
    }

    /// Validates one event; `None` drops it.
    fn event(&mut self, path: Path, event: &RawEvent, names: &Names) -> Option<Date> {
        let date = match Date::parse(&event.date) {
            Ok(date) => date,
            Err(DateError::Format) => {
                let value = event.date.clone();
                self.error(format!("{path}.date"), ProblemKind::BadDateFormat { value });
                return None;
            }
            Err(DateError::Impossible) => {
                let value = event.date.clone();
                self.error(
                    format!("{path}.date"),
                    ProblemKind::ImpossibleDate { value },
                );
                return None;
            }
            Err(DateError::OutOfRange) => {
                let value = event.date.clone();
                self.error(
                    format!("{path}.date"),
                    ProblemKind::YearOutOfRange { value },
                );
                return None;
            }
        };
        let track_exists = names.tracks.contains(event.track.as_str());
        if !self.reference(path, "track", RefKind::Track, &event.track, track_exists) {
            return None;
        }
        self.text(path, "title", &event.title);
        self.text(path, "summary", &event.summary);
        if let Some(note) = &event.date_note {
            self.french(path, "date_note", note);
        }
        if let Some(caption) = event.media.as_ref().and_then(|m| m.caption.as_ref()) {
            self.french(path, "media.caption", caption);
        }
        if event.title.fr.trim().is_empty() && event.title.en.trim().is_empty() {
            return None;
        }
        if let Some(initiative) = &event.initiative {
            let exists = names.initiatives.contains(initiative.as_str());
            self.reference(path, "initiative", RefKind::Initiative, initiative, exists);
        }
        for (i, actor) in event.actors.iter().enumerate() {
            let exists = names.actors.contains(actor.as_str());
            if !exists {
                self.warning(
                    format!("{path}.actors[{i}]"),
                    ProblemKind::UnknownReference {
                        what: RefKind::Actor,
                        id: actor.clone(),
                    },
                );
            }
        }
        if let Some(media) = &event.media {
            if !super::rich_text::is_web_url(&media.url) {
                self.warning(
                    format!("{path}.media.url"),
                    ProblemKind::BadUrl {
                        value: media.url.clone(),
                    },
                );
            }
        }
        self.sources(path, &event.sources, names);
        if event.date_kind == DateKind::Reported {
            let published_then = event
                .sources
                .iter()
                .filter_map(|source| names.published.get(source.seed.as_deref()?))
                .any(|published| at_precision(*published, date.precision()) == date);
            if !published_then {
                self.warning(
                    format!("{path}.date_kind"),
                    ProblemKind::ReportedDateNotPublished { date: date.iso() },
                );
            }
        }
        Some(date)
    }

    fn figure(
        &mut self,
        path: Path,
        raw: RawFigure,
        names: &Names,
        event_idxs: &FastMap<usize>,
    ) -> Option<Figure> {
        if !raw.value.is_finite() {
            self.error(format!("{path}.value"), ProblemKind::NotFinite);
            return None;
        }
        if raw.value < 0.0 {
            self.error(
                format!("{path}.value"),
                ProblemKind::NegativeAmount { value: raw.value },
            );
            return None;
        }
        if let Some(period) = raw.period {
            if !(period.years.is_finite() && period.years > 0.0) {
                self.error(
                    format!("{path}.period.years"),
                    ProblemKind::PeriodNotPositive,
                );
                return None;
            }
        }
        let Some(&event_idx) = event_idxs.get(raw.event.as_str()) else {
            self.error(
                format!("{path}.event"),
                ProblemKind::UnknownReference {
                    what: RefKind::Event,
                    id: raw.event.clone(),
                },
            );
            return None;
        };
        self.text(path, "label", &raw.label);
        if let Some(initiative) = &raw.initiative {
            let exists = names.initiatives.contains(initiative.as_str());
            self.reference(path, "initiative", RefKind::Initiative, initiative, exists);
        }
        for (field, actors) in [
            ("stated_by", &raw.stated_by),
            ("committed_by", &raw.committed_by),
        ] {
            for (i, actor) in actors.iter().enumerate() {
                if !names.actors.contains(actor.as_str()) {
                    self.warning(
                        format!("{path}.{field}[{i}]"),
                        ProblemKind::UnknownReference {
                            what: RefKind::Actor,
                            id: actor.clone(),
                        },
                    );
                }
            }
        }
        let qualifier = match (raw.qualifier, raw.approximate) {
            (Some(qualifier), _) => qualifier,
            (None, Some(true)) => {
                self.warning(
                    format!("{path}.approximate"),
                    ProblemKind::ApproximateWithoutQualifier,
                );
                Qualifier::About
            }
            (None, _) => Qualifier::Exact,
        };
        if let Some(doubt) = &raw.doubt {
            self.text(path, "doubt", doubt);
        }
        self.sources(path, &raw.sources, names);
        Some(Figure {
            id: raw.id,
            value: raw.value,
            unit: raw.unit,
            kind: raw.kind,
            qualifier,
            label: raw.label,
            period: raw.period,
            stated_by: raw.stated_by,
            committed_by: raw.committed_by,
            per_article: raw.per_article,
            doubt: raw.doubt,
            overlaps: raw.overlaps,
            initiative: raw.initiative,
            event: raw.event,
            event_idx,
            sources: raw.sources,
        })
    }

    /// Source problems are warnings: an unsourced fact still shows, flagged.
    fn sources(&mut self, path: Path, sources: &[SourceRef], names: &Names) {
        if sources.is_empty() {
            self.warning(format!("{path}.sources"), ProblemKind::NoSource);
        }
        for (i, source) in sources.iter().enumerate() {
            let path = || format!("{path}.sources[{i}]");
            if let Some(note) = &source.note {
                self.french(path().as_str(), "note", note);
            }
            match (&source.seed, &source.url) {
                (Some(seed), _) => {
                    if !names.documents.contains(seed.as_str()) {
                        self.warning(
                            format!("{}.seed", path()),
                            ProblemKind::UnknownReference {
                                what: RefKind::Document,
                                id: seed.clone(),
                            },
                        );
                    }
                    match &source.quote {
                        None => {
                            self.warning(format!("{}.quote", path()), ProblemKind::QuoteMissing)
                        }
                        Some(q) if q.trim().is_empty() => {
                            self.warning(format!("{}.quote", path()), ProblemKind::QuoteMissing)
                        }
                        Some(q) if q.chars().count() > MAX_QUOTE_CHARS => self.warning(
                            format!("{}.quote", path()),
                            ProblemKind::QuoteTooLong {
                                n_chars: q.chars().count(),
                            },
                        ),
                        Some(_) => {}
                    }
                }
                (None, Some(url)) => {
                    let lower = url.trim().to_ascii_lowercase();
                    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                        self.warning(
                            format!("{}.url", path()),
                            ProblemKind::BadUrl { value: url.clone() },
                        );
                    }
                    if source.publisher.as_deref().unwrap_or("").trim().is_empty() {
                        self.warning(path(), ProblemKind::SourceIncomplete);
                    }
                }
                (None, None) => self.warning(path(), ProblemKind::SourceIncomplete),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::data::Lang;

    const MINIMAL_HEAD: &str = r#""title": {"fr": "T", "en": "T"},
        "description": {"fr": "D", "en": "D"},
        "documents": [{"file": "000.txt", "title": "Titre"}],
        "tracks": [{"id": "stargate", "label": {"fr": "Stargate", "en": "Stargate"}}],
        "initiatives": [{"id": "stargate", "label": {"fr": "Stargate", "en": "Stargate"}}],
        "actors": [{"id": "openai", "name": "OpenAI", "kind": "company"}]"#;

    fn event(id: &str, date: &str) -> String {
        format!(
            r#"{{"id": "{id}", "date": "{date}", "title": {{"fr": "Titre {id}", "en": "Title {id}"}},
               "summary": {{"fr": "Résumé", "en": "Summary"}}, "track": "stargate",
               "actors": ["openai"], "sources": [{{"seed": "000.txt", "quote": "citation"}}]}}"#
        )
    }

    fn dataset(events: &[String], figures: &[&str]) -> String {
        format!(
            r#"{{{MINIMAL_HEAD}, "events": [{}], "figures": [{}]}}"#,
            events.join(","),
            figures.join(",")
        )
    }

    /// A problem's expected path and a test of its kind.
    type ExpectedProblem<'a> = (&'a str, fn(&ProblemKind) -> bool);

    /// Parses `json` and checks the problems' paths and kinds.
    fn check(json: &str, expected: &[ExpectedProblem]) -> Dataset {
        let (dataset, problems) = parse(json);
        assert_eq!(
            problems.len(),
            expected.len(),
            "problems: {:#?}",
            problems
                .iter()
                .map(|p| (&p.path, &p.kind))
                .collect::<Vec<_>>()
        );
        for (problem, (path, matches)) in problems.iter().zip(expected) {
            assert_eq!(problem.path, *path);
            assert!(
                matches(&problem.kind),
                "unexpected kind {:?} at {}",
                problem.kind,
                problem.path
            );
            let message = problem.message();
            assert!(!message.fr.is_empty() && !message.en.is_empty());
        }
        dataset
    }

    #[test]
    fn a_valid_file_has_no_problems_and_sorted_events() {
        let json = dataset(
            &[
                event("b", "2025-05-30"),
                event("a", "2025-01"),
                event("c", "2025-01-21"),
            ],
            &[],
        );
        let dataset = check(&json, &[]);
        let ids: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
        // A month-precision date sorts by its first day.
        assert_eq!(ids, ["a", "c", "b"]);
    }

    #[test]
    fn unreadable_json_gives_one_syntax_error_with_position() {
        let (dataset, problems) = parse("{\"events\": [");
        assert!(dataset.events.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(matches!(problems[0].kind, ProblemKind::Syntax { .. }));
        assert_eq!(problems[0].line, Some(1));
    }

    #[test]
    fn invalid_events_are_reported_and_skipped_while_valid_ones_stay() {
        let mut bad_track = event("bad-track", "2025-01-01");
        bad_track = bad_track.replace("\"track\": \"stargate\"", "\"track\": \"moon\"");
        let json = dataset(
            &[
                event("ok", "2025-03-01"),
                event("ok", "2025-03-02"),
                event("feb30", "2025-02-30"),
                event("slash", "2025/01/01"),
                bad_track,
                "42".to_string(),
            ],
            &[],
        );
        let dataset = check(
            &json,
            &[
                ("events[1].id", |k| {
                    matches!(k, ProblemKind::DuplicateId { .. })
                }),
                ("events[2].date", |k| {
                    matches!(k, ProblemKind::ImpossibleDate { .. })
                }),
                ("events[3].date", |k| {
                    matches!(k, ProblemKind::BadDateFormat { .. })
                }),
                ("events[4].track", |k| {
                    matches!(
                        k,
                        ProblemKind::UnknownReference {
                            what: RefKind::Track,
                            ..
                        }
                    )
                }),
                ("events[5]", |k| matches!(k, ProblemKind::Shape { .. })),
            ],
        );
        assert_eq!(dataset.events.len(), 1);
        assert_eq!(dataset.events[0].date, Date::ymd(2025, 3, 1));
    }

    #[test]
    fn figures_are_linked_to_their_event_and_bad_ones_dropped() {
        let figures = [
            r#"{"id": "f1", "value": 5e11, "unit": "usd", "kind": "announced", "label": {"fr": "a", "en": "a"},
                "event": "e", "period": {"years": 4}, "sources": [{"seed": "000.txt", "quote": "q"}]}"#,
            r#"{"id": "f2", "value": -1, "unit": "usd", "kind": "announced", "label": {"fr": "a", "en": "a"},
                "event": "e", "sources": [{"seed": "000.txt", "quote": "q"}]}"#,
            r#"{"id": "f3", "value": 1, "unit": "usd", "kind": "announced", "label": {"fr": "a", "en": "a"},
                "event": "nowhere", "sources": [{"seed": "000.txt", "quote": "q"}]}"#,
            r#"{"id": "f4", "value": 1, "unit": "usd", "kind": "announced", "label": {"fr": "a", "en": "a"},
                "event": "e", "period": {"years": 0}, "sources": [{"seed": "000.txt", "quote": "q"}]}"#,
        ];
        let json = dataset(&[event("e", "2025")], &figures);
        let dataset = check(
            &json,
            &[
                ("figures[1].value", |k| {
                    matches!(k, ProblemKind::NegativeAmount { .. })
                }),
                ("figures[2].event", |k| {
                    matches!(
                        k,
                        ProblemKind::UnknownReference {
                            what: RefKind::Event,
                            ..
                        }
                    )
                }),
                ("figures[3].period.years", |k| {
                    matches!(k, ProblemKind::PeriodNotPositive)
                }),
            ],
        );
        assert_eq!(dataset.figures.len(), 1);
        assert_eq!(dataset.events[0].figure_idxs, vec![0]);
    }

    #[test]
    fn missing_english_and_missing_quote_are_warnings_that_keep_the_event() {
        let event = event("e", "2025")
            .replace("\"en\": \"Title e\"", "\"en\": \"\"")
            .replace(", \"quote\": \"citation\"", "");
        let json = dataset(&[event], &[]);
        let dataset = check(
            &json,
            &[
                ("events[0].title.en", |k| {
                    matches!(k, ProblemKind::EmptyText { lang: "en" })
                }),
                ("events[0].sources[0].quote", |k| {
                    matches!(k, ProblemKind::QuoteMissing)
                }),
            ],
        );
        assert_eq!(dataset.events.len(), 1);
    }

    #[test]
    fn derived_milestones_must_match_their_offset() {
        let base = event("order", "2025-11-24");
        let good = event("deadline", "2026-01-23").replace(
            "\"track\"",
            "\"derived\": {\"from\": \"order\", \"days\": 60}, \"track\"",
        );
        let wrong = event("late", "2026-01-24").replace(
            "\"track\"",
            "\"derived\": {\"from\": \"order\", \"days\": 60}, \"track\"",
        );
        let orphan = event("orphan", "2026-01-24").replace(
            "\"track\"",
            "\"derived\": {\"from\": \"nope\", \"months\": 9}, \"track\"",
        );
        let json = dataset(&[base, good, wrong, orphan], &[]);
        let dataset = check(
            &json,
            &[
                ("events[2].date", |k| {
                    matches!(k, ProblemKind::DerivedDateMismatch { .. })
                }),
                ("events[3].derived.from", |k| {
                    matches!(
                        k,
                        ProblemKind::UnknownReference {
                            what: RefKind::Event,
                            ..
                        }
                    )
                }),
            ],
        );
        assert_eq!(dataset.events.len(), 2);
    }

    #[test]
    fn the_one_go_read_and_the_item_by_item_read_agree() {
        let untranslated = event("e", "2025").replace("\"en\": \"Title e\"", "\"en\": \"\"");
        let figure = r#"{"id": "f1", "value": 5e11, "unit": "usd", "kind": "announced", "label": {"fr": "a", "en": ""},
            "event": "e", "sources": [{"seed": "000.txt", "quote": "q"}]}"#;
        let json = dataset(&[untranslated, event("b", "2024-02")], &[figure]);
        let typed: super::TypedDataset = serde_json::from_str(&json).unwrap();
        let (fast, fast_problems) = super::validate_typed(typed);
        let raw: RawDataset = serde_json::from_str(&json).unwrap();
        let (slow, slow_problems) = validate(raw);
        assert_eq!(fast, slow);
        assert_eq!(fast_problems, slow_problems);
        assert_eq!(fast_problems.len(), 2);
    }

    /// The minimal file with `documents` replaced and extra top-level
    /// fields.
    fn dataset_with(documents: &str, events: &[String], figures: &[&str], extra: &str) -> String {
        let head = MINIMAL_HEAD.replace(
            r#""documents": [{"file": "000.txt", "title": "Titre"}]"#,
            &format!(r#""documents": {documents}"#),
        );
        format!(
            r#"{{{head}, "events": [{}], "figures": [{}]{extra}}}"#,
            events.join(","),
            figures.join(",")
        )
    }

    #[test]
    fn a_reported_date_must_be_the_publication_date_of_one_of_its_articles() {
        let documents = r#"[{"file": "000.txt", "title": "Daté", "published": "2025-07-09"},
            {"file": "001.txt", "title": "Non daté"}]"#;
        let reported = |id: &str, date: &str, seed: &str| {
            event(id, date)
                .replace("\"track\"", "\"date_kind\": \"reported\", \"track\"")
                .replace("000.txt", seed)
        };
        let json = dataset_with(
            documents,
            &[
                reported("same-day", "2025-07-09", "000.txt"),
                // A month-precision date matches at its own precision.
                reported("same-month", "2025-07", "000.txt"),
                reported("other-day", "2025-07-10", "000.txt"),
                reported("undated-article", "2025-11-24", "001.txt"),
                event("undated-kind", "2025-11-24")
                    .replace("\"track\"", "\"date_kind\": \"undated_source\", \"track\"")
                    .replace("000.txt", "001.txt"),
            ],
            &[],
            "",
        );
        let dataset = check(
            &json,
            &[
                (
                    "events[2].date_kind",
                    |k| matches!(k, ProblemKind::ReportedDateNotPublished { date } if date == "2025-07-10"),
                ),
                ("events[3].date_kind", |k| {
                    matches!(k, ProblemKind::ReportedDateNotPublished { .. })
                }),
            ],
        );
        assert_eq!(dataset.events.len(), 5, "warnings keep the events");
        let kind = |id: &str| dataset.events[dataset.event_idx(id).unwrap()].date_kind;
        assert_eq!(kind("undated-kind"), DateKind::UndatedSource);
        assert_eq!(kind("same-day"), DateKind::Reported);
    }

    #[test]
    fn a_deadline_in_months_has_the_month_precision_and_one_in_days_the_day() {
        let base = event("order", "2025-11-24");
        let derived = |id: &str, date: &str, offset: &str| {
            event(id, date).replace(
                "\"track\"",
                &format!("\"derived\": {{\"from\": \"order\", {offset}}}, \"track\""),
            )
        };
        let json = dataset(
            &[
                base,
                derived("nine-months", "2026-08", "\"months\": 9"),
                derived("270-days", "2026-08-21", "\"days\": 270"),
                // Written to the day by an older file: kept, at the month.
                derived("old-file", "2026-08-24", "\"months\": 9"),
                derived("wrong-month", "2026-09", "\"months\": 9"),
            ],
            &[],
        );
        let dataset = check(
            &json,
            &[
                ("events[3].date", |k| {
                    matches!(k, ProblemKind::DerivedDateTooPrecise { expected, found }
                        if expected == "2026-08" && found == "2026-08-24")
                }),
                (
                    "events[4].date",
                    |k| matches!(k, ProblemKind::DerivedDateMismatch { expected, .. } if expected == "2026-08"),
                ),
            ],
        );
        let date = |id: &str| dataset.events[dataset.event_idx(id).unwrap()].date;
        assert_eq!(date("nine-months"), Date::parse("2026-08").unwrap());
        assert_eq!(date("270-days"), Date::ymd(2026, 8, 21));
        assert_eq!(date("old-file"), Date::parse("2026-08").unwrap());
        assert!(dataset.event_idx("wrong-month").is_none());
    }

    fn figure(id: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "value": 5e10, "unit": "usd", "kind": "announced", "label": {{"fr": "a", "en": "a"}},
                "event": "e", "committed_by": ["openai"], "sources": [{{"seed": "000.txt", "quote": "q"}}]{extra}}}"#
        )
    }

    #[test]
    fn qualifiers_replace_approximate_which_old_files_still_read_as_about() {
        let figures = [
            figure("up-to", r#", "qualifier": "up_to""#),
            figure("old", r#", "approximate": true"#),
            figure("old-exact", r#", "approximate": false"#),
            figure("both", r#", "approximate": true, "qualifier": "at_least""#),
            figure("plain", ""),
            figure(
                "less",
                r#", "qualifier": "less_than", "kind": "claimed_secured""#,
            )
            .replace(r#""kind": "announced", "#, ""),
        ];
        let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
        let json = dataset(&[event("e", "2025")], &figures);
        let dataset = check(
            &json,
            &[("figures[1].approximate", |k| {
                matches!(k, ProblemKind::ApproximateWithoutQualifier)
            })],
        );
        let qualifiers: Vec<Qualifier> = dataset.figures.iter().map(|f| f.qualifier).collect();
        assert_eq!(
            qualifiers,
            [
                Qualifier::UpTo,
                Qualifier::About,
                Qualifier::Exact,
                Qualifier::AtLeast,
                Qualifier::Exact,
                Qualifier::LessThan
            ]
        );
    }

    #[test]
    fn who_states_who_commits_doubts_and_overlaps_are_read_and_checked() {
        let figures = [
            figure(
                "aws",
                r#", "stated_by": ["openai"], "per_article": true, "doubt": {"fr": "Douteux", "en": "Doubtful"}"#,
            ),
            figure(
                "capex",
                r#", "overlaps": "aws", "kind": "planned_spending""#,
            )
            .replace(r#""kind": "announced", "#, ""),
            figure(
                "nowhere",
                r#", "overlaps": "missing", "stated_by": ["nobody"]"#,
            ),
            figure(
                "selfish",
                r#", "overlaps": "selfish", "doubt": {"fr": "Douteux", "en": ""}"#,
            ),
            figure("floated", r#", "kind": "floated", "committed_by": []"#)
                .replace(r#""kind": "announced", "#, "")
                .replace(r#""committed_by": ["openai"], "#, ""),
        ];
        let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
        let json = dataset(&[event("e", "2025")], &figures);
        let dataset = check(
            &json,
            &[
                ("figures[2].stated_by[0]", |k| {
                    matches!(
                        k,
                        ProblemKind::UnknownReference {
                            what: RefKind::Actor,
                            ..
                        }
                    )
                }),
                ("figures[3].doubt.en", |k| {
                    matches!(k, ProblemKind::EmptyText { lang: "en" })
                }),
                (
                    "figures[2].overlaps",
                    |k| matches!(k, ProblemKind::UnknownReference { what: RefKind::Figure, id } if id == "missing"),
                ),
                ("figures[3].overlaps", |k| {
                    matches!(k, ProblemKind::OverlapsItself)
                }),
            ],
        );
        assert_eq!(dataset.figures.len(), 5, "warnings keep the figures");
        let aws = dataset.figure("aws").unwrap();
        assert_eq!(aws.stated_by, ["openai"]);
        assert_eq!(aws.committed_by, ["openai"]);
        assert!(aws.per_article);
        assert_eq!(aws.doubt.as_ref().map(|d| d.en.as_str()), Some("Doubtful"));
        assert_eq!(
            dataset.figure("capex").unwrap().overlaps.as_deref(),
            Some("aws")
        );
        let floated = dataset.figure("floated").unwrap();
        assert_eq!(floated.kind, FigureKind::Floated);
        assert!(floated.committed_by.is_empty());
    }

    #[test]
    fn actor_names_are_a_string_or_a_translation() {
        let json = format!(
            r#"{{{}, "events": [{}]}}"#,
            MINIMAL_HEAD.replace(
                r#""actors": [{"id": "openai", "name": "OpenAI", "kind": "company"}]"#,
                r#""actors": [{"id": "openai", "name": "OpenAI", "kind": "company"},
                    {"id": "white-house", "name": {"fr": "Maison-Blanche", "en": "White House"}},
                    {"id": "china", "name": {"fr": "Chine", "en": ""}},
                    {"id": "nobody", "name": ""}]"#
            ),
            event("e", "2025").replace("\"openai\"]", "\"openai\", \"white-house\"]")
        );
        let dataset = check(
            &json,
            &[
                ("actors[2].name.en", |k| {
                    matches!(k, ProblemKind::EmptyText { lang: "en" })
                }),
                ("actors[3].name", |k| {
                    matches!(k, ProblemKind::EmptyText { lang: "fr" })
                }),
            ],
        );
        assert_eq!(
            dataset.actor_name("white-house", Lang::Fr),
            "Maison-Blanche"
        );
        assert_eq!(dataset.actor_name("white-house", Lang::En), "White House");
        assert_eq!(dataset.actor_name("openai", Lang::En), "OpenAI");
        assert_eq!(
            dataset.actor_name("china", Lang::En),
            "Chine",
            "French when English is missing"
        );
        assert_eq!(dataset.actor_name("unknown", Lang::En), "unknown");
        let (_, problems) = parse(&json.replace(r#""name": "OpenAI""#, r#""name": 42"#));
        assert!(
            problems[0].path == "actors[0].name"
                && matches!(
                    &problems[0].kind,
                    ProblemKind::Shape {
                        shape: Shape::WrongType {
                            expected: super::shape::Expected::Name,
                            ..
                        }
                    }
                ),
            "{problems:?}"
        );
    }

    #[test]
    fn the_story_keeps_the_steps_that_name_events() {
        let story = r#", "story": {"intro": {"title": {"fr": "Le récit", "en": "The story"}, "text": {"fr": "Texte", "en": ""}},
            "steps": ["b", "ghost", "a", "b"]}"#;
        let json = dataset_with(
            r#"[{"file": "000.txt", "title": "Titre"}]"#,
            &[event("a", "2025-01"), event("b", "2025-02")],
            &[],
            story,
        );
        let dataset = check(
            &json,
            &[
                ("story.intro.text.en", |k| {
                    matches!(k, ProblemKind::EmptyText { lang: "en" })
                }),
                (
                    "story.steps[1]",
                    |k| matches!(k, ProblemKind::UnknownReference { what: RefKind::Event, id } if id == "ghost"),
                ),
                ("story.steps[3]", |k| {
                    matches!(k, ProblemKind::DuplicateId { .. })
                }),
            ],
        );
        let story = dataset.story.unwrap();
        assert_eq!(story.steps, ["b", "a"]);
        assert_eq!(story.intro.title.en, "The story");
        let without = check(
            &dataset_with(r#"[]"#, &[event("a", "2025")], &[], ""),
            &[("events[0].sources[0].seed", |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        what: RefKind::Document,
                        ..
                    }
                )
            })],
        );
        assert!(without.story.is_none());
    }

    #[test]
    fn a_malformed_publication_date_is_reported() {
        let json = dataset_with(
            r#"[{"file": "000.txt", "title": "Titre", "published": "9 juillet"}]"#,
            &[event("e", "2025")],
            &[],
            "",
        );
        check(
            &json,
            &[("documents[0].published", |k| {
                matches!(k, ProblemKind::BadDateFormat { .. })
            })],
        );
    }

    #[test]
    fn a_file_without_events_says_so() {
        let json = dataset(&[], &[]);
        check(&json, &[("events", |k| matches!(k, ProblemKind::NoEvents))]);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let json = format!("\u{feff}{}", dataset(&[event("e", "2025")], &[]));
        check(&json, &[]);
    }

    #[test]
    fn french_texts_that_break_the_spacing_rule_are_warned_with_their_path() {
        let typed = r#"{"id": "typed", "date": "2025-01-21", "date_note": {"fr": "Daté : le jour", "en": "Dated: the day"},
            "title": {"fr": "Qui paie ?", "en": "Who pays?"},
            "summary": {"fr": "Des « usines à IA »", "en": "“AI factories”"}, "track": "stargate",
            "sources": [{"seed": "000.txt", "quote": "Verbatim : la citation reste telle quelle !"},
                        {"url": "https://example.org", "publisher": "P", "note": {"fr": "Note ; suite", "en": "Note; next"}}]}"#;
        let fixed = "{\"id\": \"fixed\", \"date\": \"2025-01-22\", \"title\": {\"fr\": \"Qui paie\u{202f}?\", \"en\": \"Who pays?\"}, \
            \"summary\": {\"fr\": \"Des «\u{202f}usines\u{202f}» <a href=\\\"https://example.org/a?b=1;c\\\">lien</a> R&amp;D&nbsp;; fin\", \"en\": \"S\"}, \"track\": \"stargate\", \
            \"sources\": [{\"seed\": \"000.txt\", \"quote\": \"q\"}]}";
        let json = dataset(&[typed.to_string(), fixed.to_string()], &[]).replace(
            r#""kind": "company"}"#,
            r#""kind": "company", "role": {"fr": "Labo : IA", "en": "Lab: AI"}}"#,
        );
        let spacing = |k: &ProblemKind| matches!(k, ProblemKind::FrenchSpacing { .. });
        let dataset = check(
            &json,
            &[
                ("actors[0].role.fr", spacing),
                (
                    "events[0].title.fr",
                    |k| matches!(k, ProblemKind::FrenchSpacing { count: 1, excerpt } if excerpt == "Qui paie␣?"),
                ),
                ("events[0].summary.fr", |k| {
                    matches!(k, ProblemKind::FrenchSpacing { count: 2, .. })
                }),
                ("events[0].date_note.fr", spacing),
                ("events[0].sources[1].note.fr", spacing),
            ],
        );
        assert_eq!(dataset.events.len(), 2, "a warning keeps the event");
        let (_, problems) = parse(&json);
        let problem = problems
            .iter()
            .find(|p| p.path == "events[0].title.fr")
            .unwrap();
        assert!(problem.hint().fr.contains("U+202F"), "{:?}", problem.hint());
        assert!(problem.message().en.contains("Qui paie␣?"));
    }
}
