//! The serde model of the dataset file (`www/data/ai-race-2025.json`).
//!
//! These types mirror the JSON one to one. They are deliberately lenient
//! (most fields are optional or default) so that a half-written file still
//! deserializes and [`super::validate`] can report every problem at once,
//! with its path, instead of serde stopping at the first one.

use serde::{Deserialize, Serialize};

/// A text in both reader languages. French is the reference language of the
/// story; English is a translation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text {
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
}

/// The whole dataset as written in the JSON file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawDataset {
    /// Editors use this to find the JSON Schema; the app ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    /// The source documents (the seed articles), named by file name.
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub tracks: Vec<Track>,
    #[serde(default)]
    pub initiatives: Vec<Initiative>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Kept as raw JSON values so that one malformed event does not make
    /// the whole file unreadable: each is deserialized on its own. The
    /// schema still describes them as events.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            with = "Vec<RawEvent>",
            description = "The events of the timeline, in any order: they are shown sorted by date."
        )
    )]
    pub events: Vec<serde_json::Value>,
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            with = "Vec<RawFigure>",
            description = "Numbers of the funding story, each linked to an event."
        )
    )]
    pub figures: Vec<serde_json::Value>,
    /// The guided story (issue 13): an introduction and the events to
    /// step through. Without it, the story is every event in date order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<Story>,
}

/// The guided story: an introduction and the events to step through, in
/// order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Story {
    #[serde(default)]
    pub intro: StoryIntro,
    /// Event ids, in the order the story visits them.
    #[serde(default)]
    pub steps: Vec<String>,
}

/// The first screen of the story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StoryIntro {
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub text: Text,
}

/// One of the source articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Document {
    /// The seed file name, e.g. `003_0962d216e2254fc8.txt`.
    pub file: String,
    /// The article's headline as it appears in the file (French), or a
    /// short description in brackets when the file has no headline.
    pub title: String,
    /// Publication date when the article states it (`YYYY-MM-DD`). Leave it
    /// out for an undated article: events it reports then take the date
    /// kind `undated_source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// A theme row of the timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Track {
    pub id: String,
    pub label: Text,
}

/// A named programme the money and the actors belong to (Stargate, the
/// Genesis Mission...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Initiative {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub description: Text,
}

/// What kind of actor: drives grouping in the "who is in what" matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Company,
    Agency,
    Person,
    Government,
    Laboratory,
    #[default]
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Actor {
    pub id: String,
    /// A proper name as a string (the same in both languages), or
    /// `{"fr": …, "en": …}` when it is translated ("Maison-Blanche" /
    /// "White House"). Always both languages in memory.
    #[serde(deserialize_with = "name_text")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "ActorName"))]
    pub name: Text,
    #[serde(default)]
    pub kind: ActorKind,
    /// A short role, e.g. "PDG de SoftBank" / "SoftBank CEO".
    #[serde(default)]
    pub role: Text,
}

/// An actor's name as the file may write it (for the schema).
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ActorName {
    /// A proper name, the same in both languages.
    Same(String),
    /// A name that is translated.
    Translated(Text),
}

/// Reads a name written as a string or as `{"fr": …, "en": …}`.
fn name_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
    struct NameVisitor;
    impl<'de> serde::de::Visitor<'de> for NameVisitor {
        type Value = Text;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a name: a string or {\"fr\": …, \"en\": …}")
        }

        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Text, E> {
            Ok(Text {
                fr: name.to_string(),
                en: name.to_string(),
            })
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
            Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_any(NameVisitor)
}

/// What an event's date is: when it happened, when an article reported
/// it, the date of an undated article's main event, or a date still to
/// come. Each kind has its own wording wherever the date shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// It happened on that date.
    #[default]
    Occurred,
    /// The publication date of the article that reports it: one of the
    /// event's seed documents must have that `published` date.
    Reported,
    /// The article is undated: the date is that of the article's main
    /// event (the executive order of 24 November 2025, say), used by
    /// default.
    UndatedSource,
    /// A planned date or a deadline.
    Planned,
}

impl DateKind {
    pub const ALL: [DateKind; 4] = [
        DateKind::Occurred,
        DateKind::Reported,
        DateKind::UndatedSource,
        DateKind::Planned,
    ];

    /// The name written in the file (`"undated_source"`).
    pub fn code(self) -> &'static str {
        match self {
            DateKind::Occurred => "occurred",
            DateKind::Reported => "reported",
            DateKind::UndatedSource => "undated_source",
            DateKind::Planned => "planned",
        }
    }
}

/// Where a fact comes from. Either a seed article with a verbatim French
/// quote, or a public record with a URL and its publisher.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SourceRef {
    /// Seed file name (must be listed in `documents`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// Verbatim French quote from the seed (a sentence or less).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Public-record source: address of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Public-record source: who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Why this source is needed (e.g. "the seeds do not give the date").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A deadline the seeds state relative to another event ("within 60 days
/// of the order"): the milestone's date is computed from it and checked.
/// An offset in months gives a month-precision date ("within nine
/// months" → `2026-08`), an offset in days a day-precision one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Derivation {
    /// The event the offset counts from.
    pub from: String,
    #[serde(default)]
    pub days: u32,
    #[serde(default)]
    pub months: u32,
}

/// One event as written in the file (deserialized from one array item).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawEvent {
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the precision is the form. Years
    /// before 0 have a minus sign, astronomical (year 0 is 1 BC, `-0043-03-15`
    /// is 15 March 44 BC, `-13800000000` the Big Bang); years after 9999 a
    /// plus sign (`+10000`).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(
            pattern = r"^([0-9]{4}|-[0-9]{1,16}|\+[0-9]{4,16})(-[0-9]{2}(-[0-9]{2})?)?$"
        ))
    )]
    pub date: String,
    #[serde(default)]
    pub date_kind: DateKind,
    /// How the date was established when the seeds do not state it
    /// plainly (e.g. "date of the article that reports it").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<Text>,
    pub title: Text,
    /// May use a little HTML: p, a (http, https and mailto links), em,
    /// strong, b, i, br, blockquote, cite, ul, ol, li. Anything else shows
    /// as text or is dropped.
    #[serde(default)]
    pub summary: Text,
    /// The summary gives the article's own characterisation: shown with
    /// "selon l’article" / "according to the article".
    #[serde(default, skip_serializing_if = "is_false")]
    pub per_article: bool,
    pub track: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    /// Present on milestones computed from a relative deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derivation>,
    /// A picture, video or page that illustrates the event (TimelineJS
    /// media): shown as a link, never embedded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

/// An illustration of an event, shown as a link with its caption and
/// credit as plain text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Media {
    /// An `https://` (or `http://`) address; anything else is not linked.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
    /// Who made it (plain text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Usd,
    Gigawatts,
    Homes,
    Laboratories,
    Organisations,
    Agencies,
    Challenges,
    Days,
    Months,
    Years,
    Percent,
}

impl Unit {
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Usd)
    }

    /// The name written in the file (`"gigawatts"`).
    pub fn code(self) -> &'static str {
        match self {
            Unit::Usd => "usd",
            Unit::Gigawatts => "gigawatts",
            Unit::Homes => "homes",
            Unit::Laboratories => "laboratories",
            Unit::Organisations => "organisations",
            Unit::Agencies => "agencies",
            Unit::Challenges => "challenges",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Percent => "percent",
        }
    }
}

/// What kind of figure a number is: the heart of the funding story is the
/// gap between what is announced and what is on the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A headline commitment ("at least $500bn").
    Announced,
    /// The first money to be deployed ("$100bn to start").
    FirstTranche,
    /// What someone claims is actually secured (Musk: "$10bn").
    ClaimedSecured,
    /// Planned capital spending ("up to $125bn in 2025").
    PlannedSpending,
    /// Money spent in a political campaign.
    CampaignSpending,
    /// A capacity (gigawatts) or an equivalent (homes).
    Capacity,
    /// A count (laboratories, organisations, agencies, challenges).
    Count,
    /// A deadline length (days, months).
    Deadline,
    /// A market share.
    Share,
    /// A goal stated as a multiple or a horizon.
    Target,
    /// A plan someone mentioned without announcing it as a commitment
    /// (Trump "évoqué" a $200bn plan): never added to a total.
    Floated,
}

impl FigureKind {
    /// The name written in the file (`"first_tranche"`).
    pub fn code(self) -> &'static str {
        match self {
            FigureKind::Announced => "announced",
            FigureKind::FirstTranche => "first_tranche",
            FigureKind::ClaimedSecured => "claimed_secured",
            FigureKind::PlannedSpending => "planned_spending",
            FigureKind::CampaignSpending => "campaign_spending",
            FigureKind::Capacity => "capacity",
            FigureKind::Count => "count",
            FigureKind::Deadline => "deadline",
            FigureKind::Share => "share",
            FigureKind::Target => "target",
            FigureKind::Floated => "floated",
        }
    }
}

/// How a figure's value relates to the real amount, as the source words
/// it. A ceiling ("pouvant atteindre 50 milliards") is `up_to`, never an
/// approximation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The value as stated.
    #[default]
    Exact,
    /// A ceiling: "jusqu’à 50 Md$" / "up to $50bn".
    UpTo,
    /// A floor: "au moins 500 Md$" / "at least $500bn".
    AtLeast,
    /// An approximation: "environ 750 000" / "about 750,000".
    About,
    /// Below the value: "moins de 10 Md$" / "less than $10bn".
    LessThan,
}

impl Qualifier {
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Exact,
        Qualifier::UpTo,
        Qualifier::AtLeast,
        Qualifier::About,
        Qualifier::LessThan,
    ];

    /// The name written in the file (`"up_to"`).
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::UpTo => "up_to",
            Qualifier::AtLeast => "at_least",
            Qualifier::About => "about",
            Qualifier::LessThan => "less_than",
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The time span a figure covers, when the source gives it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Period {
    /// Length in years (e.g. 4 for "over four years").
    pub years: f64,
    /// First year when known (e.g. 2025 for "in 2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i32>,
}

/// One figure as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawFigure {
    pub id: String,
    pub value: f64,
    pub unit: Unit,
    pub kind: FigureKind,
    /// "up_to" (a ceiling), "at_least", "about", "less_than" or "exact"
    /// (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Old files: `true` for "about", "nearly" and "up to" figures. Read
    /// as `"qualifier": "about"` with a warning; write `qualifier` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate: Option<bool>,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Actor ids of who states the figure (a person or a company saying it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stated_by: Vec<String>,
    /// Actor ids of who commits the money or the resource; empty when no
    /// one does (a figure stated by someone and committed by no one).
    #[serde(default)]
    pub committed_by: Vec<String>,
    /// The figure is the article's own estimate or wording: shown "selon
    /// l’article" / "according to the article", never added to a total.
    #[serde(default, skip_serializing_if = "is_false")]
    pub per_article: bool,
    /// Why the figure is doubtful (with the public source in `sources`):
    /// shown next to it, never added to a total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Text>,
    /// The id of another figure this amount overlaps (Amazon's 2025
    /// spending and AWS's $50bn): shown, not added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlaps: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<String>,
    /// The event this figure belongs to.
    pub event: String,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}
