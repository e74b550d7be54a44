//! `cargo xtask gen-data [N...]`: synthetic datasets for the benchmark, in our format.
//!
//! The same `N` always gives the same file (a fixed seed and a small splitmix64 generator, no
//! `rand` crate), so runs on different machines measure the same events. The files go to
//! `bench/data/synthetic-N.json` (gitignored: they are rebuilt on demand, `cargo xtask bench`
//! does it itself).
//!
//! What makes them look like a newsroom's data rather than evenly spaced dots:
//! - dates bunch around "stories" (a burst of coverage a few days to a few months wide, some
//!   stories far bigger than others), with a thinner background, and quiet gaps of one to four
//!   months with nothing at all; the years covered grow with `N`;
//! - most dates are to the day, some only to the month or the year; a few are dates from undated articles,
//!   a few are deadlines derived from an earlier event;
//! - six tracks of unequal size, each story mostly on one track; forty actors, eight
//!   initiatives, sixty source documents;
//! - French and English titles of 20 to 80 characters and summaries of one to four sentences;
//!   one or two sources per event (a verbatim quote from a document, or a public record);
//! - about one event in twenty-five has a figure (money, gigawatts, counts, deadlines…).

use std::path::PathBuf;

use ai_race::data::model::{
    Actor, ActorKind, DateKind, Derivation, Document, FigureKind, Initiative, Media, Period,
    Qualifier, RawDataset, RawEvent, RawFigure, SourceRef, Text, Track, Unit,
};
use ai_race::data::{Date, Precision};

use crate::project;
use crate::Result;

/// The sizes `cargo xtask gen-data` writes when given none, and `cargo xtask bench` measures.
pub const STANDARD_SIZES: [usize; 4] = [200, 1_000, 10_000, 100_000];

/// The seed of every dataset: the files are a pure function of `N`.
const SEED: u64 = 0x00A1_2025;

/// Where the datasets go.
pub fn data_dir() -> PathBuf {
    project::root_dir().join("bench").join("data")
}

/// The file of the dataset with `n_events` events.
pub fn data_path(n_events: usize) -> PathBuf {
    data_dir().join(format!("synthetic-{n_events}.json"))
}

/// Reads `[N...]` (underscores and commas allowed: `100_000`, `10,000`).
pub fn parse_sizes(args: &[String]) -> Result<Vec<usize>> {
    if args.is_empty() {
        return Ok(STANDARD_SIZES.to_vec());
    }
    args.iter()
        .map(|arg| {
            let digits: String = arg.chars().filter(|c| !matches!(c, '_' | ',')).collect();
            match digits.parse::<usize>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!(
                    "gen-data wants event counts such as 1000 or 100_000, got {arg:?}"
                )),
            }
        })
        .collect()
}

/// Writes one file per size and says where.
pub fn gen_data(sizes: &[usize]) -> Result<()> {
    let dir = data_dir();
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("could not create {}: {err}", dir.display()))?;
    for &n_events in sizes {
        let path = data_path(n_events);
        let json = generate(n_events);
        std::fs::write(&path, &json)
            .map_err(|err| format!("could not write {}: {err}", path.display()))?;
        println!(
            "wrote {} ({n_events} events, {:.1} MB)",
            path.display(),
            json.len() as f64 / 1e6
        );
    }
    Ok(())
}

/// Writes the file for `n_events` unless it is already there.
pub fn ensure(n_events: usize) -> Result<PathBuf> {
    let path = data_path(n_events);
    if !path.exists() {
        gen_data(&[n_events])?;
    }
    Ok(path)
}

/// splitmix64 (Steele, Lea and Flood): tiny, fast, and good enough for test data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.unit() * n as f64) as usize).min(n - 1)
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as usize) as i64
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut target = self.unit() * total;
        for (idx, weight) in weights.iter().enumerate() {
            if target < *weight {
                return idx;
            }
            target -= weight;
        }
        weights.len() - 1
    }

    /// An index drawn with the weights whose running totals are `cumulative` (for long lists).
    fn weighted_cumulative(&mut self, cumulative: &[f64]) -> usize {
        let target = self.unit() * cumulative.last().copied().unwrap_or(0.0);
        cumulative
            .partition_point(|&total| total <= target)
            .min(cumulative.len() - 1)
    }

    /// A standard normal deviate (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(f64::MIN_POSITIVE);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// One event's date as written (at its precision), the day it was drawn at, and its track.
#[derive(Debug, Clone, Copy)]
struct EventDate {
    date: Date,
    /// The day drawn (the date may be only its month or year).
    day: i64,
    track_idx: usize,
}

impl EventDate {
    /// The date of day number `day` written to `precision`.
    fn new(day: i64, precision: Precision, track_idx: usize) -> EventDate {
        let on_day = Date::from_day(day);
        let date = match precision {
            Precision::Day => on_day,
            Precision::Month => Date {
                day: None,
                ..on_day
            },
            Precision::Year => Date::year(on_day.year),
        };
        EventDate {
            date,
            day,
            track_idx,
        }
    }

    /// The first day the written date covers (what the app sorts by).
    fn start_day(&self) -> i64 {
        self.date.start_day()
    }

    fn is_to_the_day(&self) -> bool {
        self.date.precision() == Precision::Day
    }
}

/// A burst of coverage.
struct Story {
    center_day: f64,
    width_days: f64,
    track_idx: usize,
}

const TRACKS: [(&str, &str, &str); 6] = [
    (
        "compute",
        "Calcul et centres de données",
        "Compute and data centres",
    ),
    ("energy", "Énergie", "Energy"),
    ("money", "Financements", "Funding"),
    ("policy", "Politique publique", "Public policy"),
    ("chips", "Semi-conducteurs", "Semiconductors"),
    ("research", "Recherche", "Research"),
];
const TRACK_WEIGHTS: [f64; 6] = [0.30, 0.22, 0.18, 0.14, 0.10, 0.06];

const ACTOR_STEMS: [&str; 20] = [
    "Aster", "Borea", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juno",
    "Kestrel", "Lumen", "Meridian", "Nimbus", "Orion", "Pylon", "Quartz", "Rivet", "Summit",
    "Tessera",
];
/// Suffix, actor kind, French role, English role.
const ACTOR_SUFFIXES: [(&str, ActorKind, &str, &str); 4] = [
    (
        "Compute",
        ActorKind::Company,
        "Exploitant de centres de données",
        "Data-centre operator",
    ),
    (
        "Énergie",
        ActorKind::Company,
        "Producteur d’électricité",
        "Power producer",
    ),
    (
        "Capital",
        ActorKind::Company,
        "Fonds d’investissement",
        "Investment fund",
    ),
    (
        "Labs",
        ActorKind::Laboratory,
        "Laboratoire de recherche",
        "Research laboratory",
    ),
];
const N_ACTORS: usize = 40;

const INITIATIVES: [(&str, &str, &str); 8] = [
    ("atlas", "Programme Atlas", "Atlas Programme"),
    ("beacon", "Plan Beacon", "Beacon Plan"),
    ("cobalt", "Alliance Cobalt", "Cobalt Alliance"),
    ("dynamo", "Projet Dynamo", "Project Dynamo"),
    ("equinox", "Initiative Equinox", "Equinox Initiative"),
    ("frontier", "Mission Frontier", "Frontier Mission"),
    ("gridline", "Réseau Gridline", "Gridline Network"),
    ("harbor", "Fonds Harbor", "Harbor Fund"),
];

const N_DOCUMENTS: usize = 60;

const PLACES: [&str; 14] = [
    "Abilene",
    "Memphis",
    "Phoenix",
    "Columbus",
    "Reno",
    "Atlanta",
    "Omaha",
    "Richmond",
    "Austin",
    "Des Moines",
    "Boise",
    "Tulsa",
    "Pittsburgh",
    "Sacramento",
];

/// French and English names of a subject.
const SUBJECTS: [(&str, &str); 10] = [
    ("les puces d’IA", "AI chips"),
    ("l’énergie nucléaire", "nuclear power"),
    ("le refroidissement des serveurs", "server cooling"),
    ("le réseau électrique", "the power grid"),
    ("la sécurité des modèles", "model safety"),
    (
        "les exportations de semi-conducteurs",
        "semiconductor exports",
    ),
    ("l’eau des centres de données", "data-centre water use"),
    ("les permis de construire", "building permits"),
    ("la formation des ingénieurs", "engineer training"),
    ("les données publiques", "public data"),
];

const PUBLISHERS: [&str; 6] = [
    "Département de l’Énergie",
    "Maison-Blanche",
    "Commission fédérale de régulation de l’énergie",
    "Bureau du recensement",
    "Securities and Exchange Commission",
    "Assemblée de l’État",
];

/// The words a generated sentence is made of.
struct Slots<'a> {
    actor: &'a str,
    other: &'a str,
    place: &'a str,
    subject: (&'a str, &'a str),
    amount: (String, String),
    gigawatts: u32,
}

/// A French and an English headline.
fn headline(template_idx: usize, s: &Slots) -> (String, String) {
    let (subject_fr, subject_en) = s.subject;
    let (amount_fr, amount_en) = (&s.amount.0, &s.amount.1);
    let (actor, other, place, gw) = (s.actor, s.other, s.place, s.gigawatts);
    match template_idx % 10 {
        0 => (
            format!("{actor} annonce un centre de données à {place}"),
            format!("{actor} announces a data centre in {place}"),
        ),
        1 => (
            format!("{actor} lève {amount_fr}"),
            format!("{actor} raises {amount_en}"),
        ),
        2 => (
            format!("{actor} et {other} s’accordent sur {subject_fr}"),
            format!("{actor} and {other} agree on {subject_en}"),
        ),
        3 => (
            format!("Enquête fédérale sur {actor}"),
            format!("Federal inquiry into {actor}"),
        ),
        4 => (
            format!("{actor} met en service {gw} GW à {place}"),
            format!("{actor} brings {gw} GW online in {place}"),
        ),
        5 => (
            format!("{actor} publie ses résultats"),
            format!("{actor} publishes its results"),
        ),
        6 => (
            format!("Audition au Congrès sur {subject_fr}"),
            format!("Congressional hearing on {subject_en}"),
        ),
        7 => (
            format!("{actor} suspend le chantier de {place}"),
            format!("{actor} pauses its {place} site"),
        ),
        8 => (
            format!("{place} vote un plan pour {subject_fr} de {amount_fr}"),
            format!("{place} votes a {amount_en} plan for {subject_en}"),
        ),
        _ => (
            format!("{actor} rachète {other}"),
            format!("{actor} buys {other}"),
        ),
    }
}

/// A French and an English sentence of a summary.
fn sentence(template_idx: usize, s: &Slots) -> (String, String) {
    let (subject_fr, subject_en) = s.subject;
    let (amount_fr, amount_en) = (&s.amount.0, &s.amount.1);
    let (actor, other, place, gw) = (s.actor, s.other, s.place, s.gigawatts);
    match template_idx % 8 {
        0 => (
            format!("Le projet de {place} doit mobiliser {amount_fr} sur plusieurs années."),
            format!("The {place} project is to draw {amount_en} over several years."),
        ),
        1 => (
            format!("{actor} affirme que {subject_fr} restent la priorité de l’année."),
            format!("{actor} says {subject_en} remains this year’s priority."),
        ),
        2 => (
            format!(
                "Selon {other}, la capacité prévue atteindrait {gw} GW, soit l’équivalent de plusieurs centrales."
            ),
            format!(
                "According to {other}, planned capacity would reach {gw} GW, the equivalent of several power plants."
            ),
        ),
        3 => (
            format!("Les élus locaux de {place} demandent des garanties sur {subject_fr}."),
            format!("Local officials in {place} ask for guarantees on {subject_en}."),
        ),
        4 => (
            format!("L’annonce intervient après des mois de négociations entre {actor} et {other}."),
            format!("The announcement follows months of talks between {actor} and {other}."),
        ),
        5 => (
            "Aucun calendrier précis n’a été communiqué.".to_string(),
            "No precise timetable has been given.".to_string(),
        ),
        6 => (
            format!("Les analystes jugent le montant de {amount_fr} difficile à vérifier."),
            format!("Analysts find the {amount_en} figure hard to verify."),
        ),
        _ => (
            format!("{actor} n’a pas souhaité commenter."),
            format!("{actor} declined to comment."),
        ),
    }
}

/// An amount in the style of the published data: "450 M$" / "$450m", "12 Md$" / "$12bn".
fn amount_text(usd: f64) -> (String, String) {
    if usd >= 1e9 {
        let billions = (usd / 1e9).round().max(1.0);
        (format!("{billions} Md$"), format!("${billions}bn"))
    } else {
        let millions = (usd / 1e6).round().max(1.0);
        (format!("{millions} M$"), format!("${millions}m"))
    }
}

/// How many years a dataset of `n_events` spans: 4 at 200 events, about 14 at 100,000.
fn n_years(n_events: usize) -> i64 {
    let n = (n_events.max(10)) as f64;
    (4.0 + 3.7 * (n / 200.0).log10()).round().max(2.0) as i64
}

/// Draws every event's date and track, sorted by the day the app sorts them by.
fn draw_dates(rng: &mut SplitMix64, n_events: usize) -> Vec<EventDate> {
    let last_day = Date::ymd(2025, 12, 31).start_day();
    let first_day = Date::year(2026 - n_years(n_events)).start_day();
    let span = (last_day - first_day) as f64;

    // Quiet gaps: about one per year, each one to four months long.
    let n_gaps = (span / 365.0).round() as usize;
    let gaps: Vec<(f64, f64)> = (0..n_gaps)
        .map(|_| {
            let start = first_day as f64 + rng.unit() * span;
            (start, start + 30.0 + rng.unit() * 90.0)
        })
        .collect();
    let in_gap = |day: f64| gaps.iter().any(|&(start, end)| day >= start && day < end);

    // Stories: one per 40 events, with heavy-tailed sizes (a Pareto weight).
    let n_stories = (n_events / 40).max(3);
    let mut stories = Vec::with_capacity(n_stories);
    let mut cumulative_weights = Vec::with_capacity(n_stories);
    let mut total_weight = 0.0;
    while stories.len() < n_stories {
        let center_day = first_day as f64 + rng.unit() * span;
        if in_gap(center_day) {
            continue;
        }
        stories.push(Story {
            center_day,
            width_days: 1.0 + rng.unit().powi(2) * 60.0,
            track_idx: rng.weighted(&TRACK_WEIGHTS),
        });
        total_weight += 1.0 / (1.0 - rng.unit() * 0.97).powf(1.2);
        cumulative_weights.push(total_weight);
    }

    let mut dates = Vec::with_capacity(n_events);
    while dates.len() < n_events {
        let (day, track_idx) = if rng.chance(0.8) {
            let story = &stories[rng.weighted_cumulative(&cumulative_weights)];
            let day = story.center_day + rng.normal() * story.width_days;
            let track_idx = if rng.chance(0.7) {
                story.track_idx
            } else {
                rng.weighted(&TRACK_WEIGHTS)
            };
            (day, track_idx)
        } else {
            (
                first_day as f64 + rng.unit() * span,
                rng.weighted(&TRACK_WEIGHTS),
            )
        };
        if !(first_day as f64..last_day as f64).contains(&day) || in_gap(day) {
            continue;
        }
        let precision = match rng.unit() {
            p if p < 0.85 => Precision::Day,
            p if p < 0.97 => Precision::Month,
            _ => Precision::Year,
        };
        dates.push(EventDate::new(day.floor() as i64, precision, track_idx));
    }
    dates.sort_by_key(EventDate::start_day);
    dates
}

/// A dataset of `n_events` events in our format: the crate's own model (`ai_race::data::model`),
/// written by serde as compact JSON.
pub fn generate(n_events: usize) -> String {
    let mut rng = SplitMix64(SEED);
    let dates = draw_dates(&mut rng, n_events);

    let actors: Vec<Actor> = (0..N_ACTORS)
        .map(|actor_idx| {
            let suffix_idx = (actor_idx / ACTOR_STEMS.len() + actor_idx) % ACTOR_SUFFIXES.len();
            let (suffix, kind, role_fr, role_en) = ACTOR_SUFFIXES[suffix_idx];
            let name = format!("{} {suffix}", ACTOR_STEMS[actor_idx % ACTOR_STEMS.len()]);
            Actor {
                id: format!("actor-{actor_idx:02}"),
                name: text(&name, &name),
                kind,
                role: text(role_fr, role_en),
            }
        })
        .collect();

    let mut events = Vec::with_capacity(n_events);
    let mut figures = Vec::new();
    for (event_idx, date) in dates.iter().enumerate() {
        let actor_idx = rng.below(N_ACTORS);
        let other_idx = (actor_idx + 1 + rng.below(N_ACTORS - 1)) % N_ACTORS;
        let usd = 10f64.powf(7.0 + rng.unit() * 4.5);
        let slots = Slots {
            actor: &actors[actor_idx].name.fr,
            other: &actors[other_idx].name.fr,
            place: rng.pick::<&str>(&PLACES),
            subject: *rng.pick(&SUBJECTS),
            amount: amount_text(usd),
            gigawatts: rng.between(1, 10) as u32,
        };
        let id = format!("ev-{event_idx:06}");
        let is_reported = rng.chance(0.08);
        // A few deadlines counted from an earlier day-precision event.
        let derived = if date.is_to_the_day() && rng.chance(0.005) {
            dates[..event_idx]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, base)| {
                    base.is_to_the_day() && (1..=400).contains(&(date.day - base.day))
                })
                .map(|(base_idx, base)| Derivation {
                    from: format!("ev-{base_idx:06}"),
                    days: (date.day - base.day) as u32,
                    months: 0,
                })
        } else {
            None
        };
        let (title_fr, title_en) = headline(rng.below(10), &slots);
        let n_sentences = 1 + rng.weighted(&[0.45, 0.35, 0.15, 0.05]);
        let first_sentence = rng.below(8);
        let (summary_fr, summary_en): (Vec<String>, Vec<String>) = (0..n_sentences)
            .map(|sentence_idx| sentence(first_sentence + sentence_idx, &slots))
            .unzip();
        let summary = text(&summary_fr.join(" "), &summary_en.join(" "));
        let mut event_actors = vec![actors[actor_idx].id.clone()];
        if rng.chance(0.5) {
            event_actors.push(actors[other_idx].id.clone());
        }
        let initiative = rng
            .chance(0.3)
            .then(|| rng.pick(&INITIATIVES).0.to_string());
        let n_sources = if rng.chance(0.2) { 2 } else { 1 };
        let sources = (0..n_sources)
            .map(|_| source(&mut rng, &summary.fr, &id))
            .collect();
        let media = rng.chance(0.03).then(|| Media {
            url: format!("https://example.org/images/{id}.jpg"),
            caption: Some(text(
                &format!("Le site de {}", slots.place),
                &format!("The {} site", slots.place),
            )),
            credit: Some("Photo fictive".to_string()),
        });
        let event = RawEvent {
            id,
            date: date.date.iso(),
            date_kind: if is_reported {
                DateKind::UndatedSource
            } else {
                DateKind::Occurred
            },
            date_note: is_reported.then(|| {
                text(
                    "Article non daté\u{202f}: date du fait principal qu’il rapporte.",
                    "Undated article: the date of the main event it reports.",
                )
            }),
            title: text(&title_fr, &title_en),
            summary,
            per_article: false,
            track: TRACKS[date.track_idx].0.to_string(),
            initiative,
            actors: event_actors,
            sources,
            derived,
            media,
        };
        if rng.chance(0.04) {
            let committer = actors[actor_idx].id.clone();
            let figure = figure(&mut rng, figures.len(), &event.id, &slots, usd, committer);
            figures.push(to_value(&figure));
        }
        events.push(to_value(&event));
    }

    let dataset = RawDataset {
        schema: None,
        title: text(
            &format!("Jeu de données synthétique ({n_events} événements)"),
            &format!("Synthetic dataset ({n_events} events)"),
        ),
        description: text(
            "Événements fictifs générés pour mesurer les performances de la chronologie.",
            "Fictional events generated to measure the timeline's performance.",
        ),
        documents: (0..N_DOCUMENTS)
            .map(|doc_idx| Document {
                file: format!("doc-{doc_idx:03}.txt"),
                title: format!("Article fictif n° {doc_idx}"),
                published: None,
            })
            .collect(),
        tracks: TRACKS
            .iter()
            .map(|(id, fr, en)| Track {
                id: id.to_string(),
                label: text(fr, en),
            })
            .collect(),
        initiatives: INITIATIVES
            .iter()
            .map(|(id, fr, en)| Initiative {
                id: id.to_string(),
                label: text(fr, en),
                description: text(
                    &format!("Programme fictif «\u{202f}{fr}\u{202f}»."),
                    &format!("Fictional programme “{en}”."),
                ),
            })
            .collect(),
        actors,
        events,
        figures,
        story: None,
    };
    let mut json = serde_json::to_string(&dataset).expect("the model serializes");
    json.push('\n');
    json
}

/// A model value as the raw JSON the dataset keeps its events and figures in.
fn to_value(item: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(item).expect("the model serializes")
}

/// `{"fr": …, "en": …}`.
fn text(fr: &str, en: &str) -> Text {
    Text {
        fr: fr.to_string(),
        en: en.to_string(),
    }
}

/// One source: a verbatim quote from a document (its first summary sentence) or a public record.
fn source(rng: &mut SplitMix64, summary_fr: &str, event_id: &str) -> SourceRef {
    if rng.chance(0.65) {
        let quote = summary_fr
            .split_inclusive(". ")
            .next()
            .unwrap_or(summary_fr)
            .trim_end();
        SourceRef {
            seed: Some(format!("doc-{:03}.txt", rng.below(N_DOCUMENTS))),
            quote: Some(quote.to_string()),
            ..SourceRef::default()
        }
    } else {
        SourceRef {
            url: Some(format!("https://example.org/records/{event_id}")),
            publisher: Some(rng.pick::<&str>(&PUBLISHERS).to_string()),
            ..SourceRef::default()
        }
    }
}

/// One figure linked to the event `event_id`, committed by the actor `committer`.
fn figure(
    rng: &mut SplitMix64,
    figure_idx: usize,
    event_id: &str,
    slots: &Slots,
    usd: f64,
    committer: String,
) -> RawFigure {
    let (value, unit, kind, label_fr, label_en) = match rng.below(10) {
        0..=5 => {
            let kind = *rng.pick(&[
                FigureKind::Announced,
                FigureKind::FirstTranche,
                FigureKind::ClaimedSecured,
                FigureKind::PlannedSpending,
                FigureKind::CampaignSpending,
            ]);
            let (fr, en) = &slots.amount;
            (
                usd.round(),
                Unit::Usd,
                kind,
                format!("{fr} pour {}", slots.place),
                format!("{en} for {}", slots.place),
            )
        }
        6 => (
            f64::from(slots.gigawatts),
            Unit::Gigawatts,
            FigureKind::Capacity,
            format!("{} GW à {}", slots.gigawatts, slots.place),
            format!("{} GW in {}", slots.gigawatts, slots.place),
        ),
        7 => {
            let n = rng.between(2, 40);
            (
                n as f64,
                Unit::Organisations,
                FigureKind::Count,
                format!("{n} organisations partenaires"),
                format!("{n} partner organisations"),
            )
        }
        8 => {
            let n = rng.between(30, 180);
            (
                n as f64,
                Unit::Days,
                FigureKind::Deadline,
                format!("Délai de {n} jours"),
                format!("{n}-day deadline"),
            )
        }
        _ => {
            let n = rng.between(5, 60);
            (
                n as f64,
                Unit::Percent,
                FigureKind::Share,
                format!("{n} % du marché"),
                format!("{n}% of the market"),
            )
        }
    };
    let qualifier = rng.chance(0.3).then_some(Qualifier::About);
    let period = (unit == Unit::Usd && rng.chance(0.4)).then(|| Period {
        years: rng.between(1, 10) as f64,
        start_year: None,
    });
    let sources = vec![source(rng, &format!("{label_fr}."), event_id)];
    RawFigure {
        id: format!("fig-{figure_idx:05}"),
        value,
        unit,
        kind,
        qualifier,
        approximate: None,
        label: text(&label_fr, &label_en),
        period,
        stated_by: Vec::new(),
        committed_by: vec![committer],
        per_article: false,
        doubt: None,
        overlaps: None,
        initiative: None,
        event: event_id.to_string(),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_dataset_validates_with_zero_problems() {
        let json = generate(500);
        let (dataset, problems) = ai_race::data::parse(&json);
        let problems: Vec<_> = problems
            .iter()
            .map(|problem| format!("{}: {}", problem.path, problem.message().en))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(dataset.events.len(), 500);
        assert_eq!(dataset.tracks.len(), TRACKS.len());
        assert!(!dataset.figures.is_empty());
        assert!(dataset.events.iter().any(|event| event.derived.is_some()));
        // Every precision, dates from undated articles, media and periods.
        for precision in [Precision::Year, Precision::Month, Precision::Day] {
            assert!(dataset
                .events
                .iter()
                .any(|event| event.date.precision() == precision));
        }
        assert!(dataset
            .events
            .iter()
            .any(|event| event.date_kind == DateKind::UndatedSource));
        assert!(dataset.events.iter().any(|event| event.media.is_some()));
        assert!(dataset.figures.iter().any(|figure| figure.period.is_some()));
    }

    #[test]
    fn the_same_size_always_gives_the_same_file() {
        assert_eq!(generate(300), generate(300));
        assert_ne!(generate(300), generate(301));
    }

    #[test]
    fn dates_bunch_into_stories_with_quiet_gaps() {
        let mut rng = SplitMix64(SEED);
        let dates = draw_dates(&mut rng, 10_000);
        let days: Vec<i64> = dates.iter().map(EventDate::start_day).collect();
        assert!(days.windows(2).all(|pair| pair[0] <= pair[1]));
        let longest_gap = days.windows(2).map(|pair| pair[1] - pair[0]).max();
        assert!(longest_gap >= Some(30), "a quiet month at least");
        let mut per_day = std::collections::HashMap::new();
        for day in &days {
            *per_day.entry(*day).or_insert(0) += 1;
        }
        let busiest = per_day.values().copied().max().unwrap_or(0);
        let mean = days.len() as f64 / (days[days.len() - 1] - days[0]) as f64;
        assert!(
            f64::from(busiest) > 10.0 * mean,
            "bursts: {busiest} vs {mean:.1}"
        );
    }

    #[test]
    fn sizes_read_with_separators() {
        assert_eq!(
            parse_sizes(&["100_000".into(), "1,000".into()]),
            Ok(vec![100_000, 1_000])
        );
        assert_eq!(parse_sizes(&[]), Ok(STANDARD_SIZES.to_vec()));
        assert!(parse_sizes(&["0".into()]).is_err());
        assert!(parse_sizes(&["many".into()]).is_err());
    }
}
