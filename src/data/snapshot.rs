//! The bundled dataset as compact bytes, validated at build time.
//!
//! Reading the published story in the browser used to mean serde_json, the
//! validation and the problem locator in the first wasm module: about a
//! sixth of its code, for a file that `cargo xtask test` has already
//! checked. `build.rs` (for wasm32 builds) parses and validates the bundled
//! JSON with this same `data` module and, when it has no problem, writes the
//! `Dataset` as a snapshot the app decodes in a few microseconds; the JSON
//! path then only serves other data (`?data=`, a reader's file), in a chunk
//! loaded on demand. With problems, no snapshot is written and the app
//! parses the JSON as before (the byte budgets then fail, and the static
//! version's build step reports the problems).
//!
//! The format is private to one build: little-endian integers and floats,
//! strings and lists prefixed by their length (u32), options by a byte.
//! Each struct is listed field by field in [`snapshot_struct!`], which both
//! destructures it (writing) and builds it (reading) without `..`: a field
//! added to a type and not here is a compile error, not a silent loss.

use super::date::Date;
use super::model::{
    Actor, ActorKind, DateKind, Derivation, Document, FigureKind, Initiative, Media, Period,
    Qualifier, SourceRef, Story, StoryIntro, Text, Track, Unit,
};
use super::{Dataset, Event, Figure};

/// A value that can be written into and read back from a snapshot.
pub trait Snapshot: Sized {
    fn write(&self, out: &mut Vec<u8>);
    fn read(input: &mut &[u8]) -> Option<Self>;
}

/// The snapshot of a dataset.
pub fn encode(dataset: &Dataset) -> Vec<u8> {
    let mut out = Vec::new();
    dataset.write(&mut out);
    out
}

/// The dataset of a snapshot; `None` if the bytes are not one (truncated,
/// or written by another build).
pub fn decode(bytes: &[u8]) -> Option<Dataset> {
    decode_value(bytes)
}

/// What the page's first frame and the timeline never show: each event's
/// summary, sources (with their quotes), date note and figures, the
/// actors' roles and the initiatives' descriptions, about 13 KB of brotli
/// of the bundled story (bench/findings.md). `build.rs` writes them apart
/// from the rest of the snapshot, so that they travel in the wasm chunks of
/// the views that show them (the detail card, the print writer, the funding
/// section), not in the first module.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    events: Vec<EventDetails>,
    figures: Vec<Figure>,
    /// Per actor, by id: its role.
    roles: Vec<(String, Text)>,
    /// Per initiative, by id: its description.
    descriptions: Vec<(String, Text)>,
}

#[derive(Debug, Clone, PartialEq)]
struct EventDetails {
    /// The event's id: the details go back by id.
    id: String,
    summary: Text,
    sources: Vec<SourceRef>,
    date_note: Option<Text>,
    figure_idxs: Vec<usize>,
}

/// The dataset without those details (the frame the first wasm module
/// holds: a dataset of its own, without figures), and the details.
pub fn detach_details(dataset: &Dataset) -> (Dataset, Details) {
    let mut frame = dataset.clone();
    let events = frame
        .events
        .iter_mut()
        .map(|event| EventDetails {
            id: event.id.clone(),
            summary: std::mem::take(&mut event.summary),
            sources: std::mem::take(&mut event.sources),
            date_note: event.date_note.take(),
            figure_idxs: std::mem::take(&mut event.figure_idxs),
        })
        .collect();
    let figures = std::mem::take(&mut frame.figures);
    let roles = frame
        .actors
        .iter_mut()
        .map(|actor| (actor.id.clone(), std::mem::take(&mut actor.role)))
        .collect();
    let descriptions = frame
        .initiatives
        .iter_mut()
        .map(|initiative| {
            let description = std::mem::take(&mut initiative.description);
            (initiative.id.clone(), description)
        })
        .collect();
    let details = Details {
        events,
        figures,
        roles,
        descriptions,
    };
    (frame, details)
}

impl Details {
    /// `frame` with its details back, matched by id: the whole frame, or
    /// any part of it that keeps the events' order (a filtered view). A
    /// figure comes back when its event is in `frame`. `None` when `frame`
    /// holds an event these details do not know, or figures of its own.
    pub fn restore(self, frame: &Dataset) -> Option<Dataset> {
        if !frame.figures.is_empty() {
            return None;
        }
        // Ids sorted once and looked up by binary search (no hashing code).
        let mut ids: Vec<(&str, usize)> = self
            .events
            .iter()
            .enumerate()
            .map(|(idx, details)| (details.id.as_str(), idx))
            .collect();
        ids.sort_unstable();
        let mut frame_idx_of = vec![None; self.events.len()];
        for (frame_idx, event) in frame.events.iter().enumerate() {
            let found = ids
                .binary_search_by(|(id, _)| (*id).cmp(event.id.as_str()))
                .ok()?;
            frame_idx_of[ids[found].1] = Some(frame_idx);
        }
        let mut figure_idx_of = vec![None; self.figures.len()];
        let mut figures = Vec::new();
        for (idx, mut figure) in self.figures.into_iter().enumerate() {
            if let Some(Some(frame_idx)) = frame_idx_of.get(figure.event_idx) {
                figure.event_idx = *frame_idx;
                figure_idx_of[idx] = Some(figures.len());
                figures.push(figure);
            }
        }
        let mut dataset = frame.clone();
        for (details, frame_idx) in self.events.into_iter().zip(frame_idx_of) {
            let Some(event) = frame_idx.and_then(|idx| dataset.events.get_mut(idx)) else {
                continue;
            };
            event.summary = details.summary;
            event.sources = details.sources;
            event.date_note = details.date_note;
            event.figure_idxs = details
                .figure_idxs
                .iter()
                .filter_map(|&idx| figure_idx_of.get(idx).copied().flatten())
                .collect();
        }
        dataset.figures = figures;
        for (id, role) in self.roles {
            if let Some(actor) = dataset.actors.iter_mut().find(|actor| actor.id == id) {
                actor.role = role;
            }
        }
        for (id, description) in self.descriptions {
            if let Some(initiative) = dataset.initiatives.iter_mut().find(|i| i.id == id) {
                initiative.description = description;
            }
        }
        Some(dataset)
    }
}

/// The snapshot of some details.
pub fn encode_details(details: &Details) -> Vec<u8> {
    let mut out = Vec::new();
    details.write(&mut out);
    out
}

/// The details of a snapshot; `None` if the bytes are not one.
pub fn decode_details(bytes: &[u8]) -> Option<Details> {
    decode_value(bytes)
}

fn decode_value<T: Snapshot>(mut bytes: &[u8]) -> Option<T> {
    let value = T::read(&mut bytes)?;
    bytes.is_empty().then_some(value)
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if input.len() < n {
        return None;
    }
    let (head, tail) = input.split_at(n);
    *input = tail;
    Some(head)
}

macro_rules! snapshot_number {
    ($($ty:ty),*) => {$(
        impl Snapshot for $ty {
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read(input: &mut &[u8]) -> Option<Self> {
                let bytes = take(input, std::mem::size_of::<$ty>())?;
                Some(<$ty>::from_le_bytes(bytes.try_into().ok()?))
            }
        }
    )*};
}
snapshot_number!(u8, u32, i32, i64, f64);

impl Snapshot for usize {
    fn write(&self, out: &mut Vec<u8>) {
        u32::try_from(*self)
            .expect("a dataset holds fewer than 2^32 items")
            .write(out);
    }
    fn read(input: &mut &[u8]) -> Option<Self> {
        usize::try_from(u32::read(input)?).ok()
    }
}

impl Snapshot for bool {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn read(input: &mut &[u8]) -> Option<Self> {
        match u8::read(input)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Snapshot for String {
    fn write(&self, out: &mut Vec<u8>) {
        self.len().write(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn read(input: &mut &[u8]) -> Option<Self> {
        let len = usize::read(input)?;
        String::from_utf8(take(input, len)?.to_vec()).ok()
    }
}

impl<T: Snapshot> Snapshot for Option<T> {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.write(out);
            }
        }
    }
    fn read(input: &mut &[u8]) -> Option<Self> {
        match u8::read(input)? {
            0 => Some(None),
            1 => Some(Some(T::read(input)?)),
            _ => None,
        }
    }
}

impl<T: Snapshot> Snapshot for Vec<T> {
    fn write(&self, out: &mut Vec<u8>) {
        self.len().write(out);
        for item in self {
            item.write(out);
        }
    }
    fn read(input: &mut &[u8]) -> Option<Self> {
        let len = usize::read(input)?;
        // Never trust a length further than the bytes left could hold.
        let mut items = Vec::with_capacity(len.min(input.len()));
        for _ in 0..len {
            items.push(T::read(input)?);
        }
        Some(items)
    }
}

impl<A: Snapshot, B: Snapshot> Snapshot for (A, B) {
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out);
        self.1.write(out);
    }
    fn read(input: &mut &[u8]) -> Option<Self> {
        Some((A::read(input)?, B::read(input)?))
    }
}

/// A struct, field by field, in both directions (no `..`: every field).
macro_rules! snapshot_struct {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Snapshot for $ty {
            fn write(&self, out: &mut Vec<u8>) {
                let $ty { $($field),* } = self;
                $($field.write(out);)*
            }
            fn read(input: &mut &[u8]) -> Option<Self> {
                Some($ty { $($field: Snapshot::read(input)?),* })
            }
        }
    )*};
}

/// An enum without data, variant by variant (no wildcard: every variant).
macro_rules! snapshot_enum {
    ($($ty:ident { $($variant:ident = $tag:literal),* $(,)? })*) => {$(
        impl Snapshot for $ty {
            fn write(&self, out: &mut Vec<u8>) {
                out.push(match self { $($ty::$variant => $tag),* });
            }
            fn read(input: &mut &[u8]) -> Option<Self> {
                match u8::read(input)? {
                    $($tag => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }
    )*};
}

snapshot_struct! {
    Dataset { title, description, documents, tracks, initiatives, actors, events, figures, story }
    Story { intro, steps }
    StoryIntro { title, text }
    Text { fr, en }
    Document { file, title, published }
    Track { id, label }
    Initiative { id, label, description }
    Actor { id, name, kind, role }
    Event {
        id, date, date_kind, date_note, title, summary, per_article, track, track_idx, initiative,
        actors, sources, derived, media, figure_idxs,
    }
    Date { year, month, day }
    SourceRef { seed, quote, url, publisher, note }
    Derivation { from, days, months }
    Media { url, caption, credit }
    Figure {
        id, value, unit, kind, qualifier, label, period, stated_by, committed_by, per_article,
        doubt, overlaps, initiative, event, event_idx, sources,
    }
    Period { years, start_year }
    Details { events, figures, roles, descriptions }
    EventDetails { id, summary, sources, date_note, figure_idxs }
}

snapshot_enum! {
    ActorKind { Company = 0, Agency = 1, Person = 2, Government = 3, Laboratory = 4, Other = 5 }
    DateKind { Occurred = 0, Reported = 1, UndatedSource = 2, Planned = 3 }
    Qualifier { Exact = 0, UpTo = 1, AtLeast = 2, About = 3, LessThan = 4 }
    Unit {
        Usd = 0, Gigawatts = 1, Homes = 2, Laboratories = 3, Organisations = 4, Agencies = 5,
        Challenges = 6, Days = 7, Months = 8, Years = 9, Percent = 10,
    }
    FigureKind {
        Announced = 0, FirstTranche = 1, ClaimedSecured = 2, PlannedSpending = 3,
        CampaignSpending = 4, Capacity = 5, Count = 6, Deadline = 7, Share = 8, Target = 9, Floated = 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_dataset_comes_back_whole() {
        let (dataset, problems) = crate::data::parse(crate::data::BUNDLED_JSON);
        assert!(problems.is_empty(), "{problems:?}");
        let bytes = encode(&dataset);
        assert_eq!(decode(&bytes), Some(dataset.clone()));
        // Smaller than the file it comes from.
        assert!(
            bytes.len() < crate::data::BUNDLED_JSON.len(),
            "{}",
            bytes.len()
        );
    }

    #[test]
    fn the_details_leave_the_frame_and_come_back_by_id() {
        let (dataset, _) = crate::data::parse(crate::data::BUNDLED_JSON);
        let (frame, details) = detach_details(&dataset);
        // The frame keeps what the timeline shows and nothing of the details.
        assert_eq!(frame.events.len(), dataset.events.len());
        for (shown, whole) in frame.events.iter().zip(&dataset.events) {
            assert_eq!(
                (&shown.id, &shown.title, shown.date, &shown.actors),
                (&whole.id, &whole.title, whole.date, &whole.actors)
            );
            assert_eq!(shown.summary, Text::default());
            assert!(shown.sources.is_empty() && shown.figure_idxs.is_empty());
            assert_eq!(shown.date_note, None);
        }
        assert!(frame.figures.is_empty());
        assert!(frame
            .actors
            .iter()
            .all(|actor| actor.role == Text::default()));
        assert!(frame
            .initiatives
            .iter()
            .all(|i| i.description == Text::default()));
        // The bundled story has all of these.
        assert!(dataset.events.iter().all(|event| !event.sources.is_empty()));
        assert!(dataset.events.iter().any(|event| event.date_note.is_some()));
        assert!(!dataset.figures.is_empty());
        assert!(dataset
            .actors
            .iter()
            .any(|actor| actor.role != Text::default()));
        // Both go through their snapshots and make the dataset whole again.
        let frame = decode(&encode(&frame)).unwrap();
        let details = decode_details(&encode_details(&details)).unwrap();
        assert_eq!(details.clone().restore(&frame), Some(dataset.clone()));
        // Onto part of the frame (every other event, as a filter keeps
        // some): each kept event gets its own details and figures back,
        // renumbered, and no figure of an event left out comes back.
        let mut part = frame.clone();
        part.events = frame.events.iter().step_by(2).cloned().collect();
        let restored = details.clone().restore(&part).unwrap();
        assert_eq!(restored.events.len(), part.events.len());
        for event in &restored.events {
            let whole = &dataset.events[dataset.event_idx(&event.id).unwrap()];
            assert_eq!(
                (&event.summary, &event.sources, &event.date_note),
                (&whole.summary, &whole.sources, &whole.date_note)
            );
            let ids = |d: &Dataset, idxs: &[usize]| -> Vec<String> {
                idxs.iter().map(|&i| d.figures[i].id.clone()).collect()
            };
            assert_eq!(
                ids(&restored, &event.figure_idxs),
                ids(&dataset, &whole.figure_idxs)
            );
        }
        for figure in &restored.figures {
            let whole = dataset.figure(&figure.id).unwrap();
            assert_eq!(
                restored.events[figure.event_idx].id,
                dataset.events[whole.event_idx].id
            );
        }
        let n_kept_figures = dataset
            .figures
            .iter()
            .filter(|f| {
                restored
                    .event_idx(&dataset.events[f.event_idx].id)
                    .is_some()
            })
            .count();
        assert_eq!(restored.figures.len(), n_kept_figures);
        assert!(n_kept_figures < dataset.figures.len());
        // Not onto an event it does not know, nor a dataset with figures.
        let mut other = frame.clone();
        other.events[0].id = "not-in-the-story".into();
        assert_eq!(details.clone().restore(&other), None);
        assert_eq!(details.restore(&dataset), None);
    }

    #[test]
    fn truncated_or_extended_bytes_are_refused() {
        let (dataset, _) = crate::data::parse(crate::data::BUNDLED_JSON);
        let bytes = encode(&dataset);
        for cut in [0, 1, 7, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        // A huge length with nothing behind it allocates nothing.
        assert_eq!(Vec::<u8>::read(&mut &[0xff, 0xff, 0xff, 0xff][..]), None);
    }
}
