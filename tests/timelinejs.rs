//! Real TimelineJS files (from the `@knight-lab/timelinejs` package, see
//! tests/fixtures/timelinejs/README.md) and a newsroom sheet in its CSV
//! template import into this timeline, and everything that cannot be
//! mapped is reported at its place in the source file.

use ai_race::data::{self, Format, ProblemKind, Severity, Unmapped};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/timelinejs/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// A problem's place as printed (`path line:column`) and a test of its kind.
type ExpectedProblem = (&'static str, fn(&ProblemKind) -> bool);

/// What one fixture must give.
struct Expected {
    format: Format,
    n_events: usize,
    tracks: &'static [&'static str],
    /// (place as printed, predicate on the kind), in file order; problems
    /// not listed are allowed only if `exhaustive` is false.
    problems: &'static [ExpectedProblem],
    exhaustive: bool,
}

/// Loads `name` and checks the format, the events, the tracks and the
/// problems' places and kinds.
fn check(name: &str, expected: Expected) -> data::Loaded {
    let loaded = data::load(&fixture(name));
    let shown: Vec<(String, &ProblemKind)> = loaded
        .problems
        .iter()
        .map(|p| (p.place(), &p.kind))
        .collect();
    assert_eq!(loaded.format, Some(expected.format), "{name}");
    assert_eq!(
        loaded.dataset.events.len(),
        expected.n_events,
        "{name}: {shown:#?}"
    );
    let tracks: Vec<&str> = loaded
        .dataset
        .tracks
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(tracks, expected.tracks, "{name}");
    for (place, matches) in expected.problems {
        assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.place() == *place && matches(&p.kind)),
            "{name}: no expected problem at {place}; got {shown:#?}"
        );
    }
    if expected.exhaustive {
        assert_eq!(
            loaded.problems.len(),
            expected.problems.len(),
            "{name}: {shown:#?}"
        );
    }
    for problem in &loaded.problems {
        assert!(
            problem.path.is_empty() || problem.line.is_some() || problem.path == "events",
            "{name}: unplaced {problem:?}"
        );
        assert!(!problem.message().fr.is_empty() && !problem.hint().en.is_empty());
    }
    loaded
}

#[test]
fn the_eras_sample_imports_every_event_and_reports_eras_end_dates_and_backgrounds() {
    let loaded = check(
        "eras.json",
        Expected {
            format: Format::TimelineJsJson,
            n_events: 20,
            tracks: &["timeline"],
            problems: &[
                ("$", |k| matches!(k, ProblemKind::TextCopiedToBothLanguages)),
                (
                    "eras[0] 8:14",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::Era, value } if value == "Era Test 650-700"),
                ),
                (
                    "events[0].end_date 46:25",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::EndDate, value } if value == "0629"),
                ),
                ("events[0].background 52:27", |k| {
                    matches!(
                        k,
                        ProblemKind::NotMapped {
                            feature: Unmapped::Background,
                            ..
                        }
                    )
                }),
                ("events 42:15", |k| {
                    matches!(k, ProblemKind::ImportHasNoSources { n_events: 20 })
                }),
            ],
            exhaustive: false,
        },
    );
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    let first = &loaded.dataset.events[0];
    assert_eq!(first.id, "last-great-roman-persian-war");
    assert_eq!(first.date.iso(), "0602");
    assert_eq!(first.title.fr, first.title.en);
    assert_eq!(
        first.media.as_ref().map(|m| m.url.as_str()),
        Some("https://en.wikipedia.org/wiki/Roman-Persian_Wars")
    );
    let converted = loaded.converted.expect("a converted file to write");
    assert_eq!(converted.events.len(), 20);
}

#[test]
fn cosmological_years_all_show_on_a_deep_time_axis() {
    let loaded = check(
        "cosmo.json",
        Expected {
            format: Format::TimelineJsJson,
            n_events: 7,
            tracks: &["timeline"],
            problems: &[
                ("title.media 3:18", |k| {
                    matches!(
                        k,
                        ProblemKind::NotMapped {
                            feature: Unmapped::TitleMedia,
                            ..
                        }
                    )
                }),
                (
                    "title.background 12:23",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::Background, value } if value == "papayawhip"),
                ),
                // Once, at the first year before 0.
                ("events[0].start_date.year 21:25", |k| {
                    matches!(
                        k,
                        ProblemKind::BcYearNumbering {
                            year: -13_800_000_000
                        }
                    )
                }),
            ],
            exhaustive: false,
        },
    );
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    assert_eq!(
        loaded
            .problems
            .iter()
            .filter(|p| matches!(p.kind, ProblemKind::BcYearNumbering { .. }))
            .count(),
        1
    );
    let years: Vec<i64> = loaded.dataset.events.iter().map(|e| e.date.year).collect();
    assert_eq!(
        years,
        [
            -13_800_000_000,
            -13_799_630_000,
            -12_800_000_000,
            -4_600_000_000,
            -538_800_000,
            -315_000,
            -3500
        ]
    );
    let state = ai_race::state::ViewState::new(&loaded.dataset, ai_race::i18n::Lang::En);
    assert!(state.axis.is_deep());
    // The file written by `cargo xtask import` reads back the same.
    let converted = loaded.converted.expect("a converted file");
    let text = serde_json::to_string(&converted).expect("serializes");
    let (again, problems) = data::parse(&text);
    assert_eq!(again.events.len(), 7, "{problems:#?}");
    assert_eq!(again.events[0].date.iso(), "-13800000000");
}

#[test]
fn the_template_csv_sample_imports_with_row_and_column_places() {
    let loaded = check(
        "my-own-timeline.csv",
        Expected {
            format: Format::TimelineJsCsv,
            n_events: 10,
            tracks: &["timeline"],
            problems: &[
                ("rows[2][\"Background\"] 2:219", |k| {
                    matches!(
                        k,
                        ProblemKind::NotMapped {
                            feature: Unmapped::Background,
                            ..
                        }
                    )
                }),
                (
                    "rows[3][\"End Year\"] 3:13",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::EndDate, value } if value == "1852-11-27"),
                ),
                ("rows[4][\"Media\"] 4:50", |k| {
                    matches!(
                        k,
                        ProblemKind::NotMapped {
                            feature: Unmapped::MediaNotLink,
                            ..
                        }
                    )
                }),
            ],
            exhaustive: false,
        },
    );
    let ada = &loaded.dataset.events[0];
    assert_eq!(ada.title.en, "Ada Lovelace");
    // The text keeps its HTML for the rich-text renderer.
    assert!(ada.summary.en.starts_with("<p>Women have been programming"));
    let media = ada.media.as_ref().expect("media");
    assert_eq!(media.credit.as_deref(), Some("Wikimedia Commons"));
    // The caption was a link in HTML: only its text is kept.
    assert_eq!(
        media.caption.as_ref().map(|c| c.en.as_str()),
        Some("Portrait by Alfred Edward Chalon")
    );
    assert_eq!(loaded.dataset.title.en, "MY OWN CSV");
}

#[test]
fn a_newsroom_sheet_maps_groups_to_tracks_and_reports_what_it_cannot_show() {
    let loaded = check(
        "sample-ai-race.csv",
        Expected {
            format: Format::TimelineJsCsv,
            n_events: 6,
            tracks: &[
                "stargate",
                "industrie",
                "geopolitique",
                "genesis",
                "timeline",
            ],
            problems: &[
                ("$", |k| matches!(k, ProblemKind::TextCopiedToBothLanguages)),
                ("events", |k| {
                    matches!(k, ProblemKind::ImportHasNoSources { n_events: 6 })
                }),
                ("rows[2][\"Background\"] 2:167", |k| {
                    matches!(
                        k,
                        ProblemKind::NotMapped {
                            feature: Unmapped::Background,
                            ..
                        }
                    )
                }),
                (
                    "rows[5][\"Time\"] 5:11",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::TimeOfDay, value } if value == "14:30"),
                ),
                (
                    "rows[6][\"End Year\"] 6:10",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::EndDate, value } if value == "2025-09"),
                ),
                (
                    "rows[8] 8:1",
                    |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::Era, value } if value == "Année de Stargate"),
                ),
            ],
            exhaustive: true,
        },
    );
    let dataset = &loaded.dataset;
    assert_eq!(dataset.title.fr, "La course américaine à l’IA");
    let plan = &dataset.events[dataset
        .event_idx("plan-d-action-americain-pour-l-ia")
        .expect("plan")];
    assert_eq!(plan.date.iso(), "2025-07");
    assert_eq!(
        plan.date_note.as_ref().map(|n| n.fr.as_str()),
        Some("Été 2025")
    );
    assert_eq!(dataset.tracks[plan.track_idx].label.fr, "Géopolitique");
    let last = dataset.events.last().expect("events");
    assert_eq!(
        dataset.tracks[last.track_idx].id, "timeline",
        "an event without a group goes to the default track"
    );
}

#[test]
fn the_bare_template_header_is_recognised_and_asks_for_events() {
    let template = String::from_utf8(fixture("template.csv")).expect("utf-8");
    assert_eq!(
        template.trim_end().split(',').collect::<Vec<_>>(),
        data::timelinejs::CSV_TEMPLATE_COLUMNS
    );
    check(
        "template.csv",
        Expected {
            format: Format::TimelineJsCsv,
            n_events: 0,
            tracks: &[],
            problems: &[("events", |k| matches!(k, ProblemKind::NoEvents))],
            exhaustive: false,
        },
    );
}
