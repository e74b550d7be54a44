//! Property tests: whatever bytes or datasets come in, the whole path
//! (read → validate → lay out the timeline → view-state transitions →
//! chart models) never panics, and the rich-text sanitizer never lets an
//! unsafe link through. Each test prints how many executions it ran
//! (`cargo test --test robustness -- --nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;

use ai_race::charts::{ActorMatrix, CommitmentsModel, CumulativeModel};
use ai_race::data::{self, rich_text, Dataset};
use ai_race::i18n::Lang;
use ai_race::input::Key;
use ai_race::scale::{layout_items, layout_timeline, time_ticks, TimeScale, View};
use ai_race::state::ViewState;
use proptest::prelude::*;
use proptest::string::{string_regex, RegexGeneratorStrategy};
use proptest::test_runner::{TestCaseResult, TestRunner};
use serde_json::{json, Value};

/// Cases per property, chosen so that the file runs in well under 30 s
/// in a debug build on two cores.
const CASES_BYTES: u32 = 1_500;
const CASES_DATASETS: u32 = 800;
const CASES_TIMELINEJS: u32 = 600;
const CASES_CSV: u32 = 800;
const CASES_RICH_TEXT: u32 = 3_000;
const CASES_LOCATE: u32 = 2_000;

/// A user action on the view state.
#[derive(Debug, Clone)]
enum Op {
    Zoom(f64, f64),
    ZoomStep(bool),
    Pan(f64),
    Fit,
    ZoomTo(f64, f64),
    Focus(usize),
    Select(usize),
    Close,
    Key(Key),
    SetView(f64, f64),
    Lang(bool),
}

/// A string strategy from a regular expression, compiled once (a bare
/// `&str` strategy recompiles its pattern for every value).
fn re(pattern: &str) -> RegexGeneratorStrategy<String> {
    string_regex(pattern).unwrap_or_else(|err| panic!("{pattern}: {err}"))
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        prop::num::f64::NORMAL,
        Just(0.0),
        Just(1e-300),
        Just(-1e300)
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let key = prop_oneof![
        Just(Key::Next),
        Just(Key::Previous),
        Just(Key::First),
        Just(Key::Last),
        Just(Key::Activate),
        Just(Key::Dismiss),
        Just(Key::ZoomIn),
        Just(Key::ZoomOut),
    ];
    prop_oneof![
        (0.0001..10_000.0f64, -1.0..2.0f64).prop_map(|(f, a)| Op::Zoom(f, a)),
        any::<bool>().prop_map(Op::ZoomStep),
        finite().prop_map(Op::Pan),
        Just(Op::Fit),
        (finite(), finite()).prop_map(|(a, b)| Op::ZoomTo(a, b)),
        (0usize..60).prop_map(Op::Focus),
        (0usize..60).prop_map(Op::Select),
        Just(Op::Close),
        key.prop_map(Op::Key),
        (finite(), finite()).prop_map(|(a, b)| Op::SetView(a, b)),
        any::<bool>().prop_map(Op::Lang),
    ]
}

/// Lays the dataset out at a few widths, runs the actions through the view
/// state with a layout after each, and builds the chart models.
fn exercise(dataset: &Dataset, ops: &[Op]) {
    let mut state = ViewState::new(dataset, Lang::Fr);
    let items = layout_items(&dataset.events, &state.axis, |event| {
        Lang::En.pick(&event.title)
    });
    let lay_out = |state: &ViewState, width: f64| {
        let scale = TimeScale::new(state.view, width);
        let markers = layout_timeline(
            &items,
            dataset.tracks.len(),
            &scale,
            Some(state.focused),
            60.0,
        );
        for marker in &markers {
            assert!(
                marker.x.is_finite() || items.is_empty(),
                "marker at {}",
                marker.x
            );
        }
        let _ = time_ticks(&scale);
    };
    for width in [1.0, 320.0, 1280.0] {
        lay_out(&state, width);
    }
    for op in ops {
        match op.clone() {
            Op::Zoom(factor, anchor) => state.zoom(factor, anchor),
            Op::ZoomStep(zoom_in) => state.zoom_step(zoom_in),
            Op::Pan(days) => state.pan_days(days),
            Op::Fit => state.fit_all(),
            Op::ZoomTo(first, last) => state.zoom_to(first, last),
            Op::Focus(idx) => state.focus(idx),
            Op::Select(idx) => state.select(idx),
            Op::Close => state.close(),
            Op::Key(key) => {
                state.key(key);
            }
            Op::SetView(start, end) => state.set_view(View::new(start, end)),
            Op::Lang(english) => state.lang = if english { Lang::En } else { Lang::Fr },
        }
        assert!(state.focused < dataset.events.len().max(1));
        assert!(state.selected.is_none_or(|idx| idx < dataset.events.len()));
        lay_out(&state, 800.0);
    }
    let _ = CommitmentsModel::new(dataset);
    let _ = CumulativeModel::new(dataset);
    let _ = ActorMatrix::new(dataset);
}

fn junk() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        finite().prop_map(Value::from),
        re(".{0,12}").prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// Sometimes the value, sometimes something of the wrong type.
fn or_junk<S: Strategy<Value = Value>>(strategy: S) -> impl Strategy<Value = Value> {
    prop_oneof![8 => strategy, 1 => junk()]
}

fn text() -> impl Strategy<Value = Value> {
    or_junk(
        (re("[ -~é<>&]{0,16}"), re("[ -~]{0,16}")).prop_map(|(fr, en)| json!({"fr": fr, "en": en})),
    )
}

fn date() -> impl Strategy<Value = Value> {
    or_junk(
        prop_oneof![
            (0i32..10_000, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            (1990i32..2031, 1u8..13).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
            (0i32..10_000).prop_map(|y| format!("{y:04}")),
            re("[-0-9/ a-z]{0,12}"),
        ]
        .prop_map(Value::from),
    )
}

fn id() -> impl Strategy<Value = Value> {
    or_junk(re("[a-d]{0,2}").prop_map(Value::from))
}

fn event() -> impl Strategy<Value = Value> {
    let source = prop_oneof![
        (re("[0-2]\\.txt"), re(".{0,40}"))
            .prop_map(|(seed, quote)| json!({"seed": seed, "quote": quote})),
        (re("(https?|javascript|data):.{0,10}"), re(".{0,8}"))
            .prop_map(|(url, publisher)| json!({"url": url, "publisher": publisher})),
        junk(),
    ];
    let derived = prop::option::of(
        (id(), 0u32..400, 0u32..30)
            .prop_map(|(from, days, months)| json!({"from": from, "days": days, "months": months})),
    );
    (
        id(),
        date(),
        text(),
        text(),
        re("[a-c]"),
        prop::collection::vec(source, 0..3),
        derived,
        prop::option::of(re("(https?|javascript):.{0,10}")),
    )
        .prop_map(|(id, date, title, summary, track, sources, derived, media)| {
            let mut event = json!({"id": id, "date": date, "title": title, "summary": summary, "track": track,
                                   "actors": ["a", "zz"], "sources": sources});
            if let Some(derived) = derived {
                event["derived"] = derived;
            }
            if let Some(url) = media {
                event["media"] = json!({"url": url, "caption": {"fr": "c", "en": "c"}, "credit": "<b>x</b>"});
            }
            event
        })
}

fn figure() -> impl Strategy<Value = Value> {
    let unit = prop_oneof![
        Just("usd"),
        Just("gigawatts"),
        Just("homes"),
        Just("percent"),
        Just("days"),
        Just("euros")
    ];
    let kind = prop_oneof![
        Just("announced"),
        Just("first_tranche"),
        Just("claimed_secured"),
        Just("capacity"),
        Just("target"),
        Just("oops")
    ];
    (id(), or_junk(finite().prop_map(Value::from)), unit, kind, id(), prop::option::of(finite()), prop::option::of(1990i32..2031))
        .prop_map(|(id, value, unit, kind, event, years, start_year)| {
            let mut figure = json!({"id": id, "value": value, "unit": unit, "kind": kind, "label": {"fr": "l", "en": "l"},
                                    "event": event, "committed_by": ["a", "nobody"], "initiative": "i",
                                    "sources": [{"seed": "0.txt", "quote": "q"}]});
            if let Some(years) = years {
                figure["period"] = json!({"years": years, "start_year": start_year});
            }
            figure
        })
}

fn dataset_json() -> impl Strategy<Value = String> {
    let track = (re("[a-c]"), text()).prop_map(|(id, label)| json!({"id": id, "label": label}));
    (
        prop::collection::vec(track, 0..4),
        prop::collection::vec(event(), 0..40),
        prop::collection::vec(figure(), 0..12),
    )
        .prop_map(|(tracks, events, figures)| {
            json!({
                "title": {"fr": "T", "en": "T"}, "description": {"fr": "D", "en": "D"},
                "documents": [{"file": "0.txt", "title": "Doc"}],
                "tracks": tracks,
                "initiatives": [{"id": "i", "label": {"fr": "I", "en": "I"}}],
                "actors": [{"id": "a", "name": "A", "kind": "company"}],
                "events": events, "figures": figures,
            })
            .to_string()
        })
}

fn timelinejs_json() -> impl Strategy<Value = String> {
    fn part() -> impl Strategy<Value = Value> {
        or_junk(
            prop_oneof![re("-?[0-9]{1,12}"), re("[0-9]{0,3}"), re(".{0,4}")].prop_map(Value::from),
        )
    }
    fn tl_date() -> impl Strategy<Value = Value> {
        (part(), part(), part(), prop::option::of(part())).prop_map(|(year, month, day, hour)| {
            let mut date = json!({"year": year, "month": month, "day": day});
            if let Some(hour) = hour {
                date["hour"] = hour;
            }
            date
        })
    }
    let event = (tl_date(), prop::option::of(tl_date()), re(".{0,20}"), re(".{0,40}"), prop::option::of(re("[A-C]{0,2}")), prop::option::of(re("[a-b]")))
        .prop_map(|(start, end, headline, text, group, unique_id)| {
            let mut event = json!({"start_date": start, "text": {"headline": headline, "text": text},
                                   "media": {"url": "https://e.org/x.jpg", "caption": "<i>c</i>", "thumbnail": "t"},
                                   "background": {"color": "red"}, "autolink": true});
            if let Some(end) = end {
                event["end_date"] = end;
            }
            if let Some(group) = group {
                event["group"] = group.into();
            }
            if let Some(unique_id) = unique_id {
                event["unique_id"] = unique_id.into();
            }
            event
        });
    (prop::collection::vec(or_junk(event), 0..25), prop::option::of(re(".{0,10}"))).prop_map(|(events, scale)| {
        let mut timeline = json!({"title": {"text": {"headline": "<b>T</b>", "text": "D"}}, "events": events,
                                  "eras": [{"start_date": {"year": "2025"}, "end_date": {"year": "2026"}}]});
        if let Some(scale) = scale {
            timeline["scale"] = scale.into();
        }
        timeline.to_string()
    })
}

fn timelinejs_csv() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        re("[0-9]{0,5}"),
        re("[ -~]{0,10}"),
        re("\"([^\"]|\"\"){0,10}\""),
        Just("\"unclosed".to_string())
    ];
    let row = prop::collection::vec(cell, 0..20).prop_map(|cells| cells.join(","));
    let line_end = prop_oneof![Just("\n"), Just("\r\n"), Just("\r")];
    (prop::collection::vec(row, 0..20), line_end).prop_map(|(rows, line_end)| {
        let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";
        std::iter::once(header.to_string()).chain(rows).collect::<Vec<_>>().join(line_end)
    })
}

/// Every problem has a message and a hint, and no shown event is invalid.
fn check_loaded(loaded: &data::Loaded) {
    for problem in &loaded.problems {
        let _ = (problem.message(), problem.hint(), problem.place());
    }
    for event in &loaded.dataset.events {
        assert!(event.track_idx < loaded.dataset.tracks.len().max(1));
    }
}

/// Every link the sanitizer keeps is http(s) or mailto.
fn check_links(nodes: &[rich_text::Node]) {
    for node in nodes {
        match node {
            rich_text::Node::Link { href, children } => {
                let lower = href.to_ascii_lowercase();
                assert!(
                    lower.starts_with("http:")
                        || lower.starts_with("https:")
                        || lower.starts_with("mailto:"),
                    "{href:?}"
                );
                assert!(!href.chars().any(char::is_control), "{href:?}");
                check_links(children);
            }
            rich_text::Node::Element { children, .. } => check_links(children),
            _ => {}
        }
    }
}

/// Runs `test` on `cases` values of the strategy `make_strategy` builds
/// (shrinking a failure to a minimal input) and prints how many
/// executions ran. On a thread with a large stack: proptest's value trees
/// for these nested strategies are deep in a debug build.
fn run<S>(
    name: &'static str,
    cases: u32,
    make_strategy: fn() -> S,
    test: fn(S::Value) -> TestCaseResult,
) where
    S: Strategy + 'static,
    S::Value: std::fmt::Debug + 'static,
{
    let outcome = std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(256 << 20)
        .spawn(move || {
            let n_executions = Cell::new(0usize);
            let config = ProptestConfig {
                cases,
                failure_persistence: None,
                ..ProptestConfig::default()
            };
            let result = TestRunner::new(config).run(&make_strategy(), |value| {
                n_executions.set(n_executions.get() + 1);
                test(value)
            });
            println!("proptest {name}: {} executions", n_executions.get());
            result.map_err(|err| err.to_string())
        })
        .expect("a thread for the property")
        .join();
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(err)) => panic!("{name}: {err}"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

#[test]
fn arbitrary_bytes_never_panic_from_reading_to_the_view() {
    let strategy = || {
        (
            prop::collection::vec(any::<u8>(), 0..2_000),
            prop::collection::vec(op(), 0..10),
        )
    };
    run("arbitrary bytes", CASES_BYTES, strategy, |(bytes, ops)| {
        let loaded = data::load(&bytes);
        check_loaded(&loaded);
        exercise(&loaded.dataset, &ops);
        Ok(())
    });
}

#[test]
fn arbitrary_text_with_json_punctuation_never_panics() {
    run(
        "JSON-like text",
        CASES_BYTES,
        || re("[{}\\[\\]\",:a-z0-9 \\n\\\\é-]{0,400}"),
        |text| {
            check_loaded(&data::load(text.as_bytes()));
            Ok(())
        },
    );
}

#[test]
fn structured_arbitrary_datasets_never_panic() {
    let strategy = || (dataset_json(), prop::collection::vec(op(), 0..16));
    run(
        "structured datasets",
        CASES_DATASETS,
        strategy,
        |(json, ops)| {
            let loaded = data::load(json.as_bytes());
            check_loaded(&loaded);
            // Every problem on a path of this file points into it.
            for problem in &loaded.problems {
                prop_assert!(
                    problem.path.is_empty() || problem.line.is_some(),
                    "{} has no position",
                    problem.path
                );
            }
            exercise(&loaded.dataset, &ops);
            Ok(())
        },
    );
}

#[test]
fn arbitrary_timelinejs_json_never_panics() {
    let strategy = || (timelinejs_json(), prop::collection::vec(op(), 0..10));
    run(
        "TimelineJS JSON",
        CASES_TIMELINEJS,
        strategy,
        |(json, ops)| {
            let loaded = data::load(json.as_bytes());
            check_loaded(&loaded);
            exercise(&loaded.dataset, &ops);
            Ok(())
        },
    );
}

#[test]
fn arbitrary_timelinejs_csv_never_panics() {
    let strategy = || (timelinejs_csv(), prop::collection::vec(op(), 0..10));
    run("TimelineJS CSV", CASES_CSV, strategy, |(csv, ops)| {
        let loaded = data::load(csv.as_bytes());
        check_loaded(&loaded);
        exercise(&loaded.dataset, &ops);
        Ok(())
    });
}

#[test]
fn the_sanitizer_never_panics_and_keeps_only_safe_links() {
    const HTML: &str = "(<[/!?]?[a-zA-Z]{0,10}( [a-z]{1,6}(=(\"[^\"]{0,20}\"|'[^']{0,20}'|[^ >]{0,10}))?){0,3} ?/?>?|&#?[xX]?[0-9a-zA-Z]{0,6};?|[^<&]{0,10}|<a href=\"[ -~\\t\\n]{0,24}\">){0,30}";
    run(
        "rich text",
        CASES_RICH_TEXT,
        || re(HTML),
        |html| {
            check_links(&rich_text::parse(&html));
            let _ = rich_text::plain_text(&html);
            Ok(())
        },
    );
}

#[test]
fn safe_href_never_passes_a_script_address() {
    let strategy = || {
        (
            re("[ \\t\\n\\x01]{0,2}[jJ][aA]\\t?[vV][aA][sS][cC][rR][iI][pP][tT]"),
            re(".{0,10}"),
        )
    };
    run(
        "javascript: addresses",
        CASES_RICH_TEXT,
        strategy,
        |(scheme, rest)| {
            prop_assert_eq!(rich_text::safe_href(&format!("{scheme}:{rest}")), None);
            Ok(())
        },
    );
}

#[test]
fn the_locator_never_panics_on_any_text_or_path() {
    run(
        "JSON locator",
        CASES_LOCATE,
        || (re(".{0,200}"), re("[a-z\\[\\]0-9.]{0,20}")),
        |(text, path)| {
            if let Some((line, column)) = data::locate::locate(&text, &path) {
                prop_assert!(line >= 1 && column >= 1);
            }
            Ok(())
        },
    );
}
