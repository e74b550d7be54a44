//! A corpus of malformed files (tests/corpus/): each gives its own
//! specific problem at its place, never a panic, and the valid parts of a
//! file still show. Plus generated extremes too big to commit.

use ai_race::data::{
    self, DatePart, Expected, Found, PathRefusal, ProblemKind, RefKind, Shape, Syntax, Unmapped,
};

/// A problem's place as printed (`path line:column`, `$` for the whole
/// file) and a test of its kind.
type Expectation = (&'static str, fn(&ProblemKind) -> bool);

/// Loads `bytes` and checks that a problem of the expected kind is at the
/// expected place, that every problem has a message and a hint in both
/// languages, and that every problem on a path has a position.
fn check(name: &str, bytes: &[u8], (place, matches): Expectation, n_events: usize) {
    let loaded = data::load(bytes);
    let shown: Vec<(String, &ProblemKind)> = loaded
        .problems
        .iter()
        .map(|p| (p.place(), &p.kind))
        .collect();
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.place() == place && matches(&p.kind)),
        "{name}: expected a problem at {place}, got {shown:#?}"
    );
    assert_eq!(
        loaded.dataset.events.len(),
        n_events,
        "{name}: events shown"
    );
    for problem in &loaded.problems {
        let (message, hint) = (problem.message(), problem.hint());
        // A typography warning quotes the faulty text on purpose.
        let quotes_the_fault = matches!(problem.kind, data::ProblemKind::FrenchSpacing { .. });
        for french in [&message.fr, &hint.fr]
            .into_iter()
            .filter(|_| !quotes_the_fault)
        {
            assert!(
                data::typography::french_spacing(french).is_none(),
                "{name}: French typography of {:?}: {french}",
                problem.kind
            );
        }
        assert!(
            !message.fr.is_empty()
                && !message.en.is_empty()
                && !hint.fr.is_empty()
                && !hint.en.is_empty()
        );
        let is_whole_file = problem.path.is_empty() || problem.path == "events";
        assert!(
            is_whole_file || problem.line.is_some(),
            "{name}: {} has no position",
            problem.path
        );
    }
}

/// Every corpus file, the problem it must give and how many events still
/// show.
fn corpus() -> Vec<(&'static str, Expectation, usize)> {
    vec![
        // Unreadable JSON.
        // Found by cargo xtask fuzz: a long key of accented letters
        // panicked when its path was shortened.
        (
            "long-accented-key.json",
            (
                "xxééééééééééééééééééééééééééééé… 1:91",
                |k| {
                    matches!(
                        k,
                        ProblemKind::Syntax {
                            syntax: Syntax::ValueExpected
                        }
                    )
                },
            ),
            0,
        ),
        (
            "truncated.json",
            ("events 28:2", |k| {
                matches!(
                    k,
                    ProblemKind::Syntax {
                        syntax: Syntax::EndsTooEarly
                    }
                )
            }),
            0,
        ),
        (
            "trailing-comma.json",
            ("events 4:3", |k| {
                matches!(
                    k,
                    ProblemKind::Syntax {
                        syntax: Syntax::TrailingComma
                    }
                )
            }),
            0,
        ),
        (
            "deep-nesting.json",
            (
                "events[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]… 1:138",
                |k| {
                    matches!(
                        k,
                        ProblemKind::Syntax {
                            syntax: Syntax::TooDeep
                        }
                    )
                },
            ),
            0,
        ),
        (
            "nul-byte.json",
            ("events[0].summary.fr 36:19", |k| {
                matches!(
                    k,
                    ProblemKind::Syntax {
                        syntax: Syntax::ControlCharacter
                    }
                )
            }),
            0,
        ),
        (
            "figure-huge-number.json",
            ("figures[0].value 51:20", |k| {
                matches!(
                    k,
                    ProblemKind::Syntax {
                        syntax: Syntax::NumberTooLarge
                    }
                )
            }),
            0,
        ),
        // Wrong shapes and types.
        (
            "top-level-array.json",
            ("$ 1:1", |k| {
                matches!(
                    k,
                    ProblemKind::Shape {
                        shape: Shape::TopNotObject
                    }
                )
            }),
            0,
        ),
        (
            "events-not-a-list.json",
            ("events 27:12", |k| {
                matches!(
                    k,
                    ProblemKind::Shape {
                        shape: Shape::WrongType {
                            expected: Expected::List,
                            found: Found::Object
                        }
                    }
                )
            }),
            0,
        ),
        (
            "title-wrong-type.json",
            ("title 2:12", |k| {
                matches!(
                    k,
                    ProblemKind::Shape {
                        shape: Shape::WrongType {
                            expected: Expected::Bilingual,
                            ..
                        }
                    }
                )
            }),
            0,
        ),
        (
            "event-is-a-number.json",
            (
                "events[1] 47:5",
                |k| matches!(k, ProblemKind::Shape { shape: Shape::WrongType { expected: Expected::Object, found: Found::Number(n) } } if n == "42"),
            ),
            1,
        ),
        (
            "date-wrong-type.json",
            ("events[0].date 30:15", |k| {
                matches!(
                    k,
                    ProblemKind::Shape {
                        shape: Shape::WrongType {
                            expected: Expected::Text,
                            ..
                        }
                    }
                )
            }),
            0,
        ),
        (
            "missing-title.json",
            (
                "events[0] 28:5",
                |k| matches!(k, ProblemKind::Shape { shape: Shape::MissingField { field } } if field == "title"),
            ),
            1,
        ),
        (
            "figure-nan-string.json",
            (
                "figures[0].value 51:16",
                |k| matches!(k, ProblemKind::Shape { shape: Shape::WrongType { expected: Expected::Number, found: Found::Text(t) } } if t == "NaN"),
            ),
            1,
        ),
        (
            "figure-infinity-string.json",
            (
                "figures[0].value 51:16",
                |k| matches!(k, ProblemKind::Shape { shape: Shape::WrongType { expected: Expected::Number, found: Found::Text(t) } } if t == "Infinity"),
            ),
            1,
        ),
        (
            "figure-unknown-unit.json",
            (
                "figures[0].unit 52:15",
                |k| matches!(k, ProblemKind::Shape { shape: Shape::UnknownWord { value, .. } } if value == "euros"),
            ),
            1,
        ),
        // Empty things.
        (
            "empty-file.json",
            ("$", |k| matches!(k, ProblemKind::EmptyFile)),
            0,
        ),
        (
            "whitespace-only.json",
            ("$", |k| matches!(k, ProblemKind::EmptyFile)),
            0,
        ),
        (
            "empty-object.json",
            ("events 1:1", |k| matches!(k, ProblemKind::NoEvents)),
            0,
        ),
        (
            "empty-events.json",
            ("events 27:13", |k| matches!(k, ProblemKind::NoEvents)),
            0,
        ),
        (
            "empty-id.json",
            ("events[0].id 29:13", |k| matches!(k, ProblemKind::EmptyId)),
            1,
        ),
        (
            "empty-title.json",
            ("events[0].title.fr 32:15", |k| {
                matches!(k, ProblemKind::EmptyText { lang: "fr" })
            }),
            1,
        ),
        // Dates.
        (
            "date-feb-30.json",
            (
                "events[0].date 30:15",
                |k| matches!(k, ProblemKind::ImpossibleDate { value } if value == "2025-02-30"),
            ),
            0,
        ),
        (
            "date-month-13.json",
            (
                "events[0].date 30:15",
                |k| matches!(k, ProblemKind::ImpossibleDate { value } if value == "2025-13"),
            ),
            0,
        ),
        (
            "date-slashes.json",
            (
                "events[0].date 30:15",
                |k| matches!(k, ProblemKind::BadDateFormat { value } if value == "2025/01/21"),
            ),
            0,
        ),
        (
            "date-nan.json",
            (
                "events[0].date 30:15",
                |k| matches!(k, ProblemKind::BadDateFormat { value } if value == "NaN"),
            ),
            0,
        ),
        (
            "date-negative-year.json",
            // A typographic minus (U+2212) pasted from a word processor.
            (
                "events[0].date 30:15",
                |k| matches!(k, ProblemKind::BadDateFormat { value } if value == "\u{2212}2025-01-21"),
            ),
            0,
        ),
        (
            "date-huge-year.json",
            (
                "events[0].date 30:15",
                |k| matches!(k, ProblemKind::BadDateFormat { value } if value == "99999-01-21"),
            ),
            0,
        ),
        (
            "derived-mismatch.json",
            (
                "events[1].date 49:15",
                |k| matches!(k, ProblemKind::DerivedDateMismatch { expected, .. } if expected == "2026-01-23"),
            ),
            1,
        ),
        (
            "derived-empty.json",
            ("events[1].derived 65:18", |k| {
                matches!(k, ProblemKind::EmptyDerivation)
            }),
            1,
        ),
        (
            "derived-unknown-base.json",
            ("events[0].derived.from 47:17", |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        what: RefKind::Event,
                        ..
                    }
                )
            }),
            0,
        ),
        // The model of issue 14: each new rule says where and keeps the item.
        (
            "derived-months-to-the-day.json",
            ("events[1].date 49:15", |k| {
                matches!(k, ProblemKind::DerivedDateTooPrecise { expected, found }
                    if expected == "2026-08" && found == "2026-08-24")
            }),
            2,
        ),
        (
            "reported-undated-article.json",
            (
                "events[0].date_kind 31:20",
                |k| matches!(k, ProblemKind::ReportedDateNotPublished { date } if date == "2025-11-24"),
            ),
            1,
        ),
        (
            "approximate-without-qualifier.json",
            ("figures[0].approximate 54:22", |k| {
                matches!(k, ProblemKind::ApproximateWithoutQualifier)
            }),
            1,
        ),
        (
            "overlaps-unknown-figure.json",
            (
                "figures[1].overlaps 84:19",
                |k| matches!(k, ProblemKind::UnknownReference { what: RefKind::Figure, id } if id == "aws-50bn"),
            ),
            1,
        ),
        (
            "story-unknown-step.json",
            (
                "story.steps[1] 62:7",
                |k| matches!(k, ProblemKind::UnknownReference { what: RefKind::Event, id } if id == "ghost"),
            ),
            1,
        ),
        (
            "actor-name-number.json",
            ("actors[0].name 29:16", |k| {
                matches!(
                    k,
                    ProblemKind::Shape {
                        shape: Shape::WrongType {
                            expected: Expected::Name,
                            found: Found::Number(_)
                        }
                    }
                )
            }),
            0,
        ),
        // Ids and references.
        (
            "duplicate-ids.json",
            (
                "events[1].id 48:13",
                |k| matches!(k, ProblemKind::DuplicateId { id } if id == "a"),
            ),
            1,
        ),
        (
            "unknown-track.json",
            (
                "events[0].track 39:16",
                |k| matches!(k, ProblemKind::UnknownReference { what: RefKind::Track, id } if id == "moon"),
            ),
            1,
        ),
        (
            "figure-unknown-event.json",
            ("figures[0].event 58:16", |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        what: RefKind::Event,
                        ..
                    }
                )
            }),
            1,
        ),
        // Numbers.
        (
            "figure-negative.json",
            ("figures[0].value 51:16", |k| {
                matches!(k, ProblemKind::NegativeAmount { .. })
            }),
            1,
        ),
        (
            "period-zero.json",
            ("figures[0].period.years 66:18", |k| {
                matches!(k, ProblemKind::PeriodNotPositive)
            }),
            1,
        ),
        (
            "period-negative.json",
            ("figures[0].period.years 66:18", |k| {
                matches!(k, ProblemKind::PeriodNotPositive)
            }),
            1,
        ),
        // Sources and links.
        (
            "source-javascript-url.json",
            ("events[0].sources[0].url 42:18", |k| {
                matches!(k, ProblemKind::BadUrl { .. })
            }),
            1,
        ),
        (
            "media-javascript-url.json",
            ("events[0].media.url 47:16", |k| {
                matches!(k, ProblemKind::BadUrl { .. })
            }),
            1,
        ),
        (
            "quote-too-long.json",
            ("events[0].sources[0].quote 43:20", |k| {
                matches!(k, ProblemKind::QuoteTooLong { n_chars: 400 })
            }),
            1,
        ),
        // Encodings and formats.
        (
            "latin1.json",
            ("$ 36:17", |k| {
                matches!(k, ProblemKind::NotUtf8 { byte_offset: 514 })
            }),
            1,
        ),
        (
            "utf16.json",
            ("$ 1:1", |k| {
                matches!(k, ProblemKind::NotUtf8 { byte_offset: 0 })
            }),
            0,
        ),
        (
            "top-level-string.json",
            ("$ 1:1", |k| matches!(k, ProblemKind::UnknownFormat)),
            0,
        ),
        (
            "null.json",
            ("$ 1:1", |k| matches!(k, ProblemKind::UnknownFormat)),
            0,
        ),
        (
            "not-json.txt",
            ("$ 1:1", |k| matches!(k, ProblemKind::UnknownFormat)),
            0,
        ),
        (
            "html-page.html",
            ("$ 1:1", |k| matches!(k, ProblemKind::UnknownFormat)),
            0,
        ),
        // TimelineJS JSON.
        (
            "tl-truncated.json",
            ("$ 5:8", |k| matches!(k, ProblemKind::Syntax { .. })),
            0,
        ),
        (
            "tl-end-before-start.json",
            (
                "events[0].end_date 19:19",
                |k| matches!(k, ProblemKind::EndBeforeStart { start, end } if start == "2025-01-21" && end == "2024-12"),
            ),
            1,
        ),
        (
            "tl-bad-month.json",
            (
                "events[0].start_date.month 12:18",
                |k| matches!(k, ProblemKind::BadDatePart { part: DatePart::Month, value } if value == "13"),
            ),
            1,
        ),
        (
            "tl-year-word.json",
            ("events[0].start_date.year 11:17", |k| {
                matches!(
                    k,
                    ProblemKind::BadDatePart {
                        part: DatePart::Year,
                        ..
                    }
                )
            }),
            1,
        ),
        (
            "tl-no-start-date.json",
            ("events[0].start_date 9:5", |k| {
                matches!(k, ProblemKind::MissingStartDate)
            }),
            1,
        ),
        (
            "tl-year-out-of-range.json",
            (
                "events[0].start_date.year 11:17",
                |k| matches!(k, ProblemKind::YearOutOfRange { value } if value == "-99999999999999999999"),
            ),
            1,
        ),
        (
            "tl-feb-30.json",
            // TimelineJS rolls it over into March; the month is kept.
            (
                "events[0].start_date.day 13:16",
                |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::ImpossibleDay, value } if value == "2025-02-30"),
            ),
            2,
        ),
        (
            "tl-duplicate-unique-id.json",
            (
                "events[1].unique_id 31:20",
                |k| matches!(k, ProblemKind::DuplicateId { id } if id == "same"),
            ),
            1,
        ),
        (
            "tl-events-not-a-list.json",
            ("events 8:13", |k| {
                matches!(
                    k,
                    ProblemKind::Shape {
                        shape: Shape::EventsNotList
                    }
                )
            }),
            0,
        ),
        (
            "tl-unknown-scale.json",
            ("scale 21:12", |k| {
                matches!(
                    k,
                    ProblemKind::NotMapped {
                        feature: Unmapped::Scale,
                        ..
                    }
                )
            }),
            1,
        ),
        (
            "tl-time-of-day.json",
            (
                "events[0].start_date.hour 14:17",
                |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::TimeOfDay, value } if value == "14:30"),
            ),
            1,
        ),
        // TimelineJS CSV.
        // Found by cargo xtask fuzz (CI's campaign, a timeout): 800 rows
        // of one date took a second, their ids quadratic.
        (
            "csv-800-same-day-rows.csv",
            ("rows[801] 801:1", |k| {
                matches!(
                    k,
                    ProblemKind::NotMapped {
                        feature: Unmapped::UntitledSlide,
                        value,
                    } if value == "2025"
                )
            }),
            800,
        ),
        (
            "csv-missing-headline.csv",
            (
                "rows[1] 1:1",
                |k| matches!(k, ProblemKind::CsvMissingColumns { columns } if columns == "Headline"),
            ),
            0,
        ),
        (
            "csv-unclosed-quote.csv",
            ("$ 2:26", |k| matches!(k, ProblemKind::CsvUnclosedQuote)),
            1,
        ),
        (
            "csv-bad-year.csv",
            ("rows[2][\"Year\"] 2:1", |k| {
                matches!(
                    k,
                    ProblemKind::BadDatePart {
                        part: DatePart::Year,
                        ..
                    }
                )
            }),
            1,
        ),
        (
            "csv-end-before-start.csv",
            ("rows[2][\"End Year\"] 2:12", |k| {
                matches!(k, ProblemKind::EndBeforeStart { .. })
            }),
            1,
        ),
        (
            "csv-unknown-row-type.csv",
            (
                "rows[2][\"Type\"] 2:31",
                |k| matches!(k, ProblemKind::NotMapped { feature: Unmapped::RowType, value } if value == "slide"),
            ),
            1,
        ),
        (
            "csv-latin1.csv",
            ("$ 2:32", |k| matches!(k, ProblemKind::NotUtf8 { .. })),
            1,
        ),
        (
            "csv-crlf-bom.csv",
            ("$", |k| matches!(k, ProblemKind::TextCopiedToBothLanguages)),
            1,
        ),
        (
            "csv-header-only.csv",
            ("events", |k| matches!(k, ProblemKind::NoEvents)),
            0,
        ),
    ]
}

fn corpus_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

#[test]
fn every_malformed_file_gives_its_specific_problem_at_its_place() {
    let cases = corpus();
    for (name, expected, n_events) in &cases {
        let bytes =
            std::fs::read(corpus_dir().join(name)).unwrap_or_else(|err| panic!("{name}: {err}"));
        check(name, &bytes, *expected, *n_events);
    }
    println!("corpus: {} malformed files checked", cases.len());
}

#[test]
fn the_corpus_has_at_least_forty_files_and_each_is_checked() {
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    on_disk.sort();
    let mut checked: Vec<String> = corpus()
        .iter()
        .map(|(name, _, _)| name.to_string())
        .collect();
    checked.sort();
    assert_eq!(
        on_disk, checked,
        "each file in tests/corpus has its row in corpus()"
    );
    assert!(checked.len() >= 40, "{} files", checked.len());
}

#[test]
fn a_valid_file_with_a_byte_order_mark_has_no_problem() {
    let bytes = std::fs::read(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bom.json"),
    )
    .expect("bom.json");
    let loaded = data::load(&bytes);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.dataset.events.len(), 1);
}

#[test]
fn a_multi_megabyte_string_is_read_not_choked_on() {
    let long = "é".repeat(3_000_000);
    let json = data::BUNDLED_JSON.replacen(
        "\"title\": {",
        &format!("\"title\": {{\"extra\": \"{long}\", "),
        1,
    );
    assert!(json.len() > 6_000_000);
    let loaded = data::load(json.as_bytes());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems.first());
    let csv = format!(
        "Year,Headline,Text\n2025,Long,\"{}\"\n",
        "x\"\"".repeat(2_000_000)
    );
    let loaded = data::load(csv.as_bytes());
    assert_eq!(loaded.dataset.events.len(), 1);
    assert_eq!(
        loaded.dataset.events[0].summary.fr.len(),
        4_000_000,
        "doubled quotes read as one"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 100_000, 1_000_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let json = format!(
                "{{\"events\": {}1{}}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            let loaded = data::load(json.as_bytes());
            let is_refused = match &loaded.problems[0].kind {
                ProblemKind::Syntax { syntax } => *syntax == Syntax::TooDeep,
                // A map where the events list should be is refused before any depth.
                ProblemKind::Shape { shape } => matches!(
                    shape,
                    Shape::WrongType {
                        expected: Expected::List,
                        ..
                    }
                ),
                _ => false,
            };
            assert!(is_refused, "{depth}: {:?}", loaded.problems[0]);
            // TimelineJS-looking files take the other parser: the same.
            let tl = format!(
                "{{\"eras\": [], \"events\": {}1{}}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            assert!(data::load(tl.as_bytes())
                .problems
                .iter()
                .any(|p| p.is_error()));
        }
    }
    let html = format!("{}x", "<blockquote>".repeat(1_000_000));
    assert_eq!(data::rich_text::plain_text(&html), "x");
}

#[test]
fn a_refused_data_address_is_a_problem_with_a_message() {
    let problem = data::Problem::error(
        "?data=",
        ProblemKind::DataPathRefused {
            value: "//evil.example".into(),
            reason: PathRefusal::ProtocolRelative,
        },
    );
    assert!(problem.message().en.contains("//evil.example"));
    assert!(problem.message().fr.contains("//evil.example"));
}

/// Issue 17, point 5: serde's wording never reaches the reader. Every shape
/// and syntax problem of the corpus reads in our words, in both languages,
/// and a few are pinned whole.
#[test]
fn shape_and_syntax_messages_are_ours_not_serdes() {
    let serde_words = [
        "invalid type",
        "invalid value",
        "expected struct",
        "expected a",
        "expected one of",
        "unknown variant",
        "missing field",
        "sequence",
        "EOF",
        "integer",
        "floating point",
        "recursion limit",
        "out of range",
        "f64",
        "u32",
        "struct ",
        "`",
    ];
    let mut n_checked = 0;
    for (name, _, _) in corpus() {
        let bytes = std::fs::read(corpus_dir().join(name)).expect(name);
        for problem in data::load(&bytes).problems {
            if !matches!(
                problem.kind,
                ProblemKind::Shape { .. } | ProblemKind::Syntax { .. }
            ) {
                continue;
            }
            let message = problem.message();
            for word in serde_words {
                assert!(
                    !message.fr.contains(word) && !message.en.contains(word),
                    "{name}: serde's {word:?} in {message:?}"
                );
            }
            n_checked += 1;
        }
    }
    assert!(n_checked >= 15, "{n_checked} shape and syntax problems");
    let message = |name: &str| {
        let bytes = std::fs::read(corpus_dir().join(name)).expect(name);
        data::load(&bytes).problems[0].message()
    };
    assert_eq!(
        message("title-wrong-type.json").fr,
        "Cet élément n’a pas la forme attendue\u{a0}: on attend ici un texte en deux langues, \
         {\"fr\": \"…\", \"en\": \"…\"}, et le fichier donne le nombre 5. Comparez-le à un \
         élément valide du même fichier."
    );
    assert_eq!(
        message("title-wrong-type.json").en,
        "This item does not have the expected shape: this should be a text in both languages, \
         {\"fr\": \"…\", \"en\": \"…\"}, and the file has the number 5. Compare it with a valid \
         item of the same file."
    );
    assert_eq!(
        message("figure-nan-string.json").en,
        "This item does not have the expected shape: this should be a number written in \
         digits, without quotes, and the file has the text \"NaN\". Compare it with a valid \
         item of the same file."
    );
    assert_eq!(
        message("missing-title.json").fr,
        "Cet élément n’a pas la forme attendue\u{a0}: il manque le champ obligatoire \
         «\u{202f}title\u{202f}». Comparez-le à un élément valide du même fichier."
    );
    assert_eq!(
        message("truncated.json").fr,
        "Le fichier n’est pas du JSON lisible\u{a0}: le fichier s’arrête au milieu d’une valeur \
         (coupé lors d’une copie\u{a0}?). Vérifiez les virgules, guillemets et accolades autour \
         de cette position."
    );
    assert!(message("figure-unknown-unit.json")
        .en
        .contains("\"euros\" is not one of the words allowed here (\"usd\", \"gigawatts\""));
}

/// Found by cargo xtask fuzz (25 s of CPU for a 996-byte file): one figure
/// of 1.5e308 USD, a valid number, made the commitments chart's log axis
/// end at infinity and its ticks loop two billion times. The file is
/// `figure-huge-number.json` with that value: valid, so not in the
/// malformed corpus.
#[test]
fn a_figure_near_the_largest_number_lays_out_with_few_finite_ticks() {
    use ai_race::charts::{
        AmountMode, CommitmentsLayout, CommitmentsModel, CommitmentsOptions, ScaleKind,
    };
    use ai_race::i18n::{Lang, PlainFormatter};

    let malformed = std::fs::read_to_string(corpus_dir().join("figure-huge-number.json")).unwrap();
    let text = malformed.replace("\"value\": 1e400", "\"value\": 1.5e308");
    assert_ne!(text, malformed);
    let loaded = data::load(text.as_bytes());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset.figures[0].value, 1.5e308);
    let model = CommitmentsModel::new(&loaded.dataset);
    for (scale, mode, width) in [
        (ScaleKind::Log, AmountMode::Total, 375.0),
        (ScaleKind::Log, AmountMode::Total, 1280.0),
        (ScaleKind::Linear, AmountMode::Total, 1280.0),
        (ScaleKind::Log, AmountMode::PerYear, 1280.0),
    ] {
        let options = CommitmentsOptions { mode, scale };
        let fmt = PlainFormatter(Lang::En);
        let layout = CommitmentsLayout::new(&loaded.dataset, &model, options, width, &fmt);
        assert!(
            !layout.ticks.is_empty() && layout.ticks.len() <= 20,
            "{scale:?} {width}: {} ticks",
            layout.ticks.len()
        );
        assert!(layout.ticks.iter().all(|tick| tick.pos.is_finite()));
    }
}

/// Found by the 10M campaign (third session; a panic): a figure of
/// 6.45e-312 USD, a valid number, made the commitments chart's linear
/// domain (0, 0), and 5e-324 made it NaN; `f64::clamp` then panicked and
/// the page would have died on the funding section. The file is
/// `figure-huge-number.json` with those values: valid, so not in the
/// malformed corpus.
#[test]
fn figures_near_the_smallest_numbers_lay_out_on_finite_axes() {
    use ai_race::charts::{
        AmountMode, CommitmentsLayout, CommitmentsModel, CommitmentsOptions, ScaleKind,
    };
    use ai_race::i18n::{Lang, PlainFormatter};

    let malformed = std::fs::read_to_string(corpus_dir().join("figure-huge-number.json")).unwrap();
    for value in ["6.45502603025e-312", "5e-324"] {
        let text = malformed.replace("\"value\": 1e400", &format!("\"value\": {value}"));
        assert_ne!(text, malformed);
        let loaded = data::load(text.as_bytes());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let model = CommitmentsModel::new(&loaded.dataset);
        for scale in [ScaleKind::Linear, ScaleKind::Log] {
            for mode in [AmountMode::Total, AmountMode::PerYear] {
                for width in [320.0, 375.0, 1280.0] {
                    let options = CommitmentsOptions { mode, scale };
                    for lang in [Lang::Fr, Lang::En] {
                        let layout = CommitmentsLayout::new(
                            &loaded.dataset,
                            &model,
                            options,
                            width,
                            &PlainFormatter(lang),
                        );
                        assert!(
                            layout.ticks.len() <= 20
                                && layout.ticks.iter().all(|tick| tick.pos.is_finite()),
                            "{value} {scale:?} {mode:?} {width}"
                        );
                    }
                }
            }
        }
    }
}
