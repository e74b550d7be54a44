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
pub fn decode(mut bytes: &[u8]) -> Option<Dataset> {
    let dataset = Dataset::read(&mut bytes)?;
    bytes.is_empty().then_some(dataset)
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
