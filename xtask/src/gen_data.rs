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

use std::fmt::Write as _;
use std::path::PathBuf;

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

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, as in `src/data/date.rs`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day number.
fn civil_from_days(day_number: i64) -> (i64, i64, i64) {
    let z = day_number + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Year,
    Month,
    Day,
}

/// One event's date as written, and the day it sorts by.
#[derive(Debug, Clone, Copy)]
struct EventDate {
    day: i64,
    precision: Precision,
    track_idx: usize,
}

impl EventDate {
    fn iso(&self) -> String {
        let (year, month, day) = civil_from_days(self.day);
        match self.precision {
            Precision::Year => format!("{year:04}"),
            Precision::Month => format!("{year:04}-{month:02}"),
            Precision::Day => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// The first day the written date covers (what the app sorts by).
    fn start_day(&self) -> i64 {
        let (year, month, _) = civil_from_days(self.day);
        match self.precision {
            Precision::Year => days_from_civil(year, 1, 1),
            Precision::Month => days_from_civil(year, month, 1),
            Precision::Day => self.day,
        }
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
const ACTOR_SUFFIXES: [(&str, &str, &str, &str); 4] = [
    (
        "Compute",
        "company",
        "Exploitant de centres de données",
        "Data-centre operator",
    ),
    (
        "Énergie",
        "company",
        "Producteur d’électricité",
        "Power producer",
    ),
    (
        "Capital",
        "company",
        "Fonds d’investissement",
        "Investment fund",
    ),
    (
        "Labs",
        "laboratory",
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
    let last_day = days_from_civil(2025, 12, 31);
    let first_day = days_from_civil(2026 - n_years(n_events), 1, 1);
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
        dates.push(EventDate {
            day: day.floor() as i64,
            precision,
            track_idx,
        });
    }
    dates.sort_by_key(EventDate::start_day);
    dates
}

/// A dataset of `n_events` events in our format (compact JSON, one event or figure a line).
pub fn generate(n_events: usize) -> String {
    let mut rng = SplitMix64(SEED);
    let dates = draw_dates(&mut rng, n_events);

    let actors: Vec<(String, String, usize)> = (0..N_ACTORS)
        .map(|actor_idx| {
            let suffix_idx = (actor_idx / ACTOR_STEMS.len() + actor_idx) % ACTOR_SUFFIXES.len();
            let name = format!(
                "{} {}",
                ACTOR_STEMS[actor_idx % ACTOR_STEMS.len()],
                ACTOR_SUFFIXES[suffix_idx].0
            );
            (format!("actor-{actor_idx:02}"), name, suffix_idx)
        })
        .collect();

    let mut json = String::with_capacity(n_events * 520 + 16_384);
    json.push_str("{\n\"title\":");
    text(
        &mut json,
        &format!("Jeu de données synthétique ({n_events} événements)"),
        &format!("Synthetic dataset ({n_events} events)"),
    );
    json.push_str(",\n\"description\":");
    text(
        &mut json,
        "Événements fictifs générés pour mesurer les performances de la chronologie.",
        "Fictional events generated to measure the timeline's performance.",
    );

    json.push_str(",\n\"documents\":[");
    for doc_idx in 0..N_DOCUMENTS {
        separator(&mut json, doc_idx);
        let _ = write!(
            json,
            "{{\"file\":\"doc-{doc_idx:03}.txt\",\"title\":\"Article fictif n° {doc_idx}\"}}"
        );
    }
    json.push_str("\n],\n\"tracks\":[");
    for (track_idx, (id, fr, en)) in TRACKS.iter().enumerate() {
        separator(&mut json, track_idx);
        let _ = write!(json, "{{\"id\":\"{id}\",\"label\":");
        text(&mut json, fr, en);
        json.push('}');
    }
    json.push_str("\n],\n\"initiatives\":[");
    for (initiative_idx, (id, fr, en)) in INITIATIVES.iter().enumerate() {
        separator(&mut json, initiative_idx);
        let _ = write!(json, "{{\"id\":\"{id}\",\"label\":");
        text(&mut json, fr, en);
        json.push_str(",\"description\":");
        text(
            &mut json,
            &format!("Programme fictif «\u{202f}{fr}\u{202f}»."),
            &format!("Fictional programme “{en}”."),
        );
        json.push('}');
    }
    json.push_str("\n],\n\"actors\":[");
    for (actor_idx, (id, name, suffix_idx)) in actors.iter().enumerate() {
        separator(&mut json, actor_idx);
        let (_, kind, role_fr, role_en) = ACTOR_SUFFIXES[*suffix_idx];
        let _ = write!(json, "{{\"id\":\"{id}\",\"name\":");
        string(&mut json, name);
        let _ = write!(json, ",\"kind\":\"{kind}\",\"role\":");
        text(&mut json, role_fr, role_en);
        json.push('}');
    }

    json.push_str("\n],\n\"events\":[");
    let mut figures = String::new();
    let mut n_figures = 0;
    for (event_idx, date) in dates.iter().enumerate() {
        separator(&mut json, event_idx);
        let actor_idx = rng.below(N_ACTORS);
        let other_idx = (actor_idx + 1 + rng.below(N_ACTORS - 1)) % N_ACTORS;
        let usd = 10f64.powf(7.0 + rng.unit() * 4.5);
        let slots = Slots {
            actor: &actors[actor_idx].1,
            other: &actors[other_idx].1,
            place: rng.pick::<&str>(&PLACES),
            subject: *rng.pick(&SUBJECTS),
            amount: amount_text(usd),
            gigawatts: rng.between(1, 10) as u32,
        };
        let id = format!("ev-{event_idx:06}");
        let _ = write!(json, "{{\"id\":\"{id}\",\"date\":\"{}\"", date.iso());
        let is_reported = rng.chance(0.08);
        if is_reported {
            json.push_str(",\"date_kind\":\"undated_source\",\"date_note\":");
            text(
                &mut json,
                "Article non daté\u{202f}: date du fait principal qu’il rapporte.",
                "Undated article: the date of the main event it reports.",
            );
        }
        // A few deadlines counted from an earlier day-precision event.
        if date.precision == Precision::Day && rng.chance(0.005) {
            let base = dates[..event_idx]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, base)| {
                    base.precision == Precision::Day && (1..=400).contains(&(date.day - base.day))
                });
            if let Some((base_idx, base)) = base {
                let _ = write!(
                    json,
                    ",\"derived\":{{\"from\":\"ev-{base_idx:06}\",\"days\":{}}}",
                    date.day - base.day
                );
            }
        }
        let (title_fr, title_en) = headline(rng.below(10), &slots);
        json.push_str(",\"title\":");
        text(&mut json, &title_fr, &title_en);
        let n_sentences = 1 + rng.weighted(&[0.45, 0.35, 0.15, 0.05]);
        let (mut summary_fr, mut summary_en) = (String::new(), String::new());
        let first_sentence = rng.below(8);
        for sentence_idx in 0..n_sentences {
            let (fr, en) = sentence(first_sentence + sentence_idx, &slots);
            if sentence_idx > 0 {
                summary_fr.push(' ');
                summary_en.push(' ');
            }
            summary_fr.push_str(&fr);
            summary_en.push_str(&en);
        }
        json.push_str(",\"summary\":");
        text(&mut json, &summary_fr, &summary_en);
        let _ = write!(
            json,
            ",\"track\":\"{}\",\"actors\":[\"{}\"",
            TRACKS[date.track_idx].0, actors[actor_idx].0
        );
        if rng.chance(0.5) {
            let _ = write!(json, ",\"{}\"", actors[other_idx].0);
        }
        json.push(']');
        if rng.chance(0.3) {
            let _ = write!(json, ",\"initiative\":\"{}\"", rng.pick(&INITIATIVES).0);
        }
        json.push_str(",\"sources\":[");
        let n_sources = if rng.chance(0.2) { 2 } else { 1 };
        for source_idx in 0..n_sources {
            separator_inline(&mut json, source_idx);
            source(&mut json, &mut rng, &summary_fr, &id);
        }
        json.push(']');
        if rng.chance(0.03) {
            let _ = write!(
                json,
                ",\"media\":{{\"url\":\"https://example.org/images/{id}.jpg\",\"caption\":"
            );
            text(
                &mut json,
                &format!("Le site de {}", slots.place),
                &format!("The {} site", slots.place),
            );
            json.push_str(",\"credit\":\"Photo fictive\"}");
        }
        json.push('}');

        if rng.chance(0.04) {
            separator(&mut figures, n_figures);
            figure(&mut figures, &mut rng, n_figures, &id, &slots, usd, &actors);
            n_figures += 1;
        }
    }
    json.push_str("\n],\n\"figures\":[");
    json.push_str(&figures);
    json.push_str("\n]\n}\n");
    json
}

/// One source: a verbatim quote from a document (its first summary sentence) or a public record.
fn source(json: &mut String, rng: &mut SplitMix64, summary_fr: &str, event_id: &str) {
    if rng.chance(0.65) {
        let quote = summary_fr
            .split_inclusive(". ")
            .next()
            .unwrap_or(summary_fr)
            .trim_end();
        let _ = write!(
            json,
            "{{\"seed\":\"doc-{:03}.txt\",\"quote\":",
            rng.below(N_DOCUMENTS)
        );
        string(json, quote);
        json.push('}');
    } else {
        let _ = write!(
            json,
            "{{\"url\":\"https://example.org/records/{event_id}\",\"publisher\":"
        );
        string(json, rng.pick::<&str>(&PUBLISHERS));
        json.push('}');
    }
}

/// One figure linked to the event `event_id`.
fn figure(
    json: &mut String,
    rng: &mut SplitMix64,
    figure_idx: usize,
    event_id: &str,
    slots: &Slots,
    usd: f64,
    actors: &[(String, String, usize)],
) {
    let (value, unit, kind, label_fr, label_en) = match rng.below(10) {
        0..=5 => {
            let kind = *rng.pick(&[
                "announced",
                "first_tranche",
                "claimed_secured",
                "planned_spending",
                "campaign_spending",
            ]);
            let (fr, en) = &slots.amount;
            (
                usd.round(),
                "usd",
                kind,
                format!("{fr} pour {}", slots.place),
                format!("{en} for {}", slots.place),
            )
        }
        6 => (
            f64::from(slots.gigawatts),
            "gigawatts",
            "capacity",
            format!("{} GW à {}", slots.gigawatts, slots.place),
            format!("{} GW in {}", slots.gigawatts, slots.place),
        ),
        7 => {
            let n = rng.between(2, 40);
            (
                n as f64,
                "organisations",
                "count",
                format!("{n} organisations partenaires"),
                format!("{n} partner organisations"),
            )
        }
        8 => {
            let n = rng.between(30, 180);
            (
                n as f64,
                "days",
                "deadline",
                format!("Délai de {n} jours"),
                format!("{n}-day deadline"),
            )
        }
        _ => {
            let n = rng.between(5, 60);
            (
                n as f64,
                "percent",
                "share",
                format!("{n} % du marché"),
                format!("{n}% of the market"),
            )
        }
    };
    let _ = write!(
        json,
        "{{\"id\":\"fig-{figure_idx:05}\",\"value\":{value},\"unit\":\"{unit}\",\"kind\":\"{kind}\""
    );
    if rng.chance(0.3) {
        json.push_str(",\"qualifier\":\"about\"");
    }
    json.push_str(",\"label\":");
    text(json, &label_fr, &label_en);
    if unit == "usd" && rng.chance(0.4) {
        let _ = write!(json, ",\"period\":{{\"years\":{}}}", rng.between(1, 10));
    }
    let committer = &actors
        .iter()
        .find(|actor| actor.1 == slots.actor)
        .map_or("actor-00", |actor| actor.0.as_str());
    let _ = write!(
        json,
        ",\"committed_by\":[\"{committer}\"],\"event\":\"{event_id}\",\"sources\":["
    );
    source(json, rng, &format!("{label_fr}."), event_id);
    json.push_str("]}");
}

/// `,\n` between array items, `\n` before the first.
fn separator(json: &mut String, item_idx: usize) {
    json.push_str(if item_idx == 0 { "\n" } else { ",\n" });
}

fn separator_inline(json: &mut String, item_idx: usize) {
    if item_idx > 0 {
        json.push(',');
    }
}

/// `{"fr": …, "en": …}`.
fn text(json: &mut String, fr: &str, en: &str) {
    json.push_str("{\"fr\":");
    string(json, fr);
    json.push_str(",\"en\":");
    string(json, en);
    json.push('}');
}

/// A JSON string literal.
fn string(json: &mut String, value: &str) {
    json.push('"');
    for c in value.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            c if c < ' ' => {
                let _ = write!(json, "\\u{:04x}", u32::from(c));
            }
            c => json.push(c),
        }
    }
    json.push('"');
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
    fn civil_dates_round_trip() {
        for day in [-800_000, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            let (year, month, day_of_month) = civil_from_days(day);
            assert_eq!(days_from_civil(year, month, day_of_month), day);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
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
