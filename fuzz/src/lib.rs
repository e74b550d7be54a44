//! What the fuzzer runs on each input (`cargo xtask fuzz`, issue 17): the app's whole path from
//! bytes to what a reader sees, and the generators of its structure-aware inputs.
//!
//! An input is either raw bytes, given to [`ai_race::data::load`] as a dropped file would be,
//! or, when its first byte says so, a recipe: the rest of the bytes drive an [`Unstructured`]
//! that writes a document in one of the three formats the app reads (our JSON, TimelineJS JSON,
//! a TimelineJS CSV), with ids that refer to each other, dates of every form, and a wrong type
//! now and then. libFuzzer's coverage guidance then mutates recipes as well as files.
//!
//! Each input goes through load → validate → timeline layout at three widths and after view
//! changes → chart models and layouts → CSV and JSON exports → presentation of every event,
//! figure and problem → the static HTML version. The checks: no panic (libFuzzer reports it),
//! no input taking more than [`MAX_CPU_SECONDS`] of this thread's CPU time (measured here, so
//! that a loaded machine does not make it fail; libFuzzer's `-timeout` backs it up on wall-clock
//! time for an input that never returns), and the heap it holds at its peak stays within
//! [`MEMORY_FACTOR`] times its size, plus [`MEMORY_PER_RECORD`] per record and
//! [`MEMORY_FLOOR_BYTES`] ([`CountingAlloc`], [`memory_allowed`]).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use ai_race::charts::{
    export, ActorMatrix, AmountMode, CommitmentsLayout, CommitmentsModel, CommitmentsOptions,
    CumulativeLayout, CumulativeModel, KeyFigures, ScaleKind,
};
use ai_race::data::{self, template, Dataset};
use ai_race::i18n::{Lang, PlainFormatter};
use ai_race::input::Key;
use ai_race::scale::{axis_ticks, layout_items, layout_timeline, time_ticks, TimeScale};
use ai_race::state::ViewState;
use arbitrary::{Result, Unstructured};
use serde_json::{json, Map, Value};

/// The heap an input may hold at its peak, per byte of input.
pub const MEMORY_FACTOR: usize = 20;

/// What any input may hold whatever its size: the formatter's tables, the strings of the
/// messages, the fixed parts of the chart layouts. The smallest inputs hold 10,274 bytes at
/// their peak (`the_floor_covers_the_smallest_inputs`), a file of a few events and figures some
/// tens of KB; 256 KB leaves room for those, so that what the check catches is memory that
/// grows with the input: past about 13 KB of input, the 20× term is the larger one. For scale,
/// the bundled dataset (103,178 bytes) holds 747,618 bytes at its peak, 7.2 times its size.
pub const MEMORY_FLOOR_BYTES: usize = 256 * 1024;

/// What each record of a file (a line, a JSON object: what can become an event, a figure or a
/// problem) may hold at the peak on top of its bytes. An event costs about 6.5 KB at the peak
/// of its import however short its line (`2025` alone: a date, two titles, an id, a warning,
/// the row's cells and their JSON object, the event built from it), so a file of 5-byte rows
/// holds 1,300 times its size and 20 times its bytes alone cannot hold for it (the 800 rows of
/// `tests/corpus/csv-800-same-day-rows.csv`, 4,019 bytes, hold 5.2 MB). What this check catches
/// is memory that grows faster than the file: per byte past 20, or per record past 8 KB.
pub const MEMORY_PER_RECORD: usize = 8 * 1024;

/// An input's records: its line breaks and its `{` (at least one).
pub fn records(file: &[u8]) -> usize {
    1 + file
        .iter()
        .filter(|&&byte| matches!(byte, b'\n' | b'\r' | b'{'))
        .count()
}

/// The heap a file may hold at its peak.
pub fn memory_allowed(file: &[u8]) -> usize {
    MEMORY_FACTOR * file.len() + MEMORY_PER_RECORD * records(file) + MEMORY_FLOOR_BYTES
}

/// The CPU time one input may take (issue 17: no input slower than a second).
pub const MAX_CPU_SECONDS: f64 = 1.0;

/// This thread's CPU time, in seconds: what the input cost, whatever else the machine runs.
pub fn thread_cpu_seconds() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to write to; the clock id is a constant of the platform.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    now.tv_sec as f64 + now.tv_nsec as f64 * 1e-9
}

/// The system allocator, counting the bytes held now and the most held since the last
/// [`reset_peak`].
pub struct CountingAlloc;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(held, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is System's.
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let new_ptr = unsafe { System.realloc(ptr, layout, new_size) };
        if !new_ptr.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let held = HELD.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(held, Ordering::Relaxed);
            } else {
                HELD.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new_ptr
    }
}

/// Starts a new measure: the peak becomes what is held now. Returns that.
pub fn reset_peak() -> usize {
    let held = HELD.load(Ordering::Relaxed);
    PEAK.store(held, Ordering::Relaxed);
    held
}

/// The most held since [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// What the first byte of an input says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The rest is a recipe for a file in our format.
    Ours,
    /// The rest is a recipe for a TimelineJS JSON file.
    TimelineJsJson,
    /// The rest is a recipe for a TimelineJS CSV file.
    TimelineJsCsv,
    /// The rest is a file, as it is (so that any bytes can be reached, even a file whose first
    /// byte is 0, 1 or 2).
    RawRest,
    /// The whole input is a file (every corpus file starts with another byte).
    Raw,
}

pub fn mode(input: &[u8]) -> Mode {
    match input.first() {
        Some(0) => Mode::Ours,
        Some(1) => Mode::TimelineJsJson,
        Some(2) => Mode::TimelineJsCsv,
        Some(3) => Mode::RawRest,
        _ => Mode::Raw,
    }
}

/// The file an input stands for.
pub fn file_bytes(input: &[u8]) -> Vec<u8> {
    let rest = input.get(1..).unwrap_or_default();
    let mut u = Unstructured::new(rest);
    match mode(input) {
        Mode::Ours => ours(&mut u).unwrap_or_default().into_bytes(),
        Mode::TimelineJsJson => timelinejs_json(&mut u).unwrap_or_default().into_bytes(),
        Mode::TimelineJsCsv => timelinejs_csv(&mut u).unwrap_or_default().into_bytes(),
        Mode::RawRest => rest.to_vec(),
        Mode::Raw => input.to_vec(),
    }
}

/// One fuzzer execution: the file the input stands for, through the whole path, and the memory
/// check. Panics on a finding (libFuzzer then saves the input).
pub fn run(input: &[u8]) {
    let started = thread_cpu_seconds();
    let file = file_bytes(input);
    let before = reset_peak();
    exercise(&file);
    let held = peak().saturating_sub(before);
    let cpu_seconds = thread_cpu_seconds() - started;
    assert!(
        cpu_seconds <= MAX_CPU_SECONDS,
        "a {}-byte file took {cpu_seconds:.2} s of CPU, more than {MAX_CPU_SECONDS} s",
        file.len()
    );
    let allowed = memory_allowed(&file);
    assert!(
        held <= allowed,
        "a {}-byte file of {} records held {held} bytes of heap at its peak, more than \
         {MEMORY_FACTOR} × its size + {MEMORY_PER_RECORD} × its records + {MEMORY_FLOOR_BYTES} \
         = {allowed}",
        file.len(),
        records(&file)
    );
}

/// The whole path from a file's bytes to everything a reader can see of it.
pub fn exercise(file: &[u8]) {
    let loaded = data::load(file);
    for lang in [Lang::Fr, Lang::En] {
        for problem in &loaded.problems {
            let (message, hint) = (problem.message(), problem.hint());
            assert!(!lang.pick(&message).is_empty() && !lang.pick(&hint).is_empty());
            let _ = problem.place();
        }
    }
    let dataset = &loaded.dataset;
    timeline(dataset);
    charts(dataset);
    presentation(dataset);
}

/// The timeline laid out at a phone's, a laptop's and a degenerate width, then after the view
/// changes a reader can make.
fn timeline(dataset: &Dataset) {
    let mut state = ViewState::new(dataset, Lang::Fr);
    let items = layout_items(&dataset.events, &state.axis, |event| {
        Lang::Fr.pick(&event.title)
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
        assert!(markers
            .iter()
            .all(|marker| marker.x.is_finite() || items.is_empty()));
        let _ = time_ticks(&scale);
        let _ = axis_ticks(&scale, &state.axis);
    };
    for width in [1.0, 375.0, 1280.0] {
        lay_out(&state, width);
    }
    let n_events = dataset.events.len();
    state.zoom(8.0, 0.3);
    lay_out(&state, 800.0);
    for key in [
        Key::Last,
        Key::Previous,
        Key::ZoomIn,
        Key::ZoomIn,
        Key::Activate,
    ] {
        state.key(key);
    }
    lay_out(&state, 800.0);
    state.zoom_step(false);
    state.pan_days(-400.0);
    state.select(n_events / 2);
    lay_out(&state, 375.0);
    state.fit_all();
    state.lang = Lang::En;
    lay_out(&state, 1280.0);
    assert!(state.focused < n_events.max(1));
    assert!(state.selected.is_none_or(|idx| idx < n_events));
}

/// Every chart's model and layout, and every export (CSV in French, JSON in English: one
/// language each keeps the executions fast, and the columns are the same in both).
fn charts(dataset: &Dataset) {
    let commitments = CommitmentsModel::new(dataset);
    let cumulative = CumulativeModel::new(dataset);
    let _ = ActorMatrix::new(dataset);
    let _ = KeyFigures::new(dataset);
    let runs = [
        (
            Lang::Fr,
            375.0,
            AmountMode::Total,
            ScaleKind::Log,
            export::ExportFormat::Csv,
        ),
        (
            Lang::En,
            1280.0,
            AmountMode::PerYear,
            ScaleKind::Linear,
            export::ExportFormat::Json,
        ),
    ];
    for (lang, width, mode, scale, format) in runs {
        let fmt = PlainFormatter(lang);
        let options = CommitmentsOptions { mode, scale };
        let _ = CommitmentsLayout::new(dataset, &commitments, options, width, &fmt);
        let _ = CumulativeLayout::new(dataset, &cumulative, width, &fmt);
        for chart in [
            export::ExportChart::Commitments,
            export::ExportChart::Cumulative,
            export::ExportChart::ActorMatrix,
            export::ExportChart::KeyFigures,
        ] {
            let _ = export::export(dataset, chart, format, lang);
        }
    }
}

/// Every event's and figure's lines, and the static version.
fn presentation(dataset: &Dataset) {
    for lang in [Lang::Fr, Lang::En] {
        let fmt = PlainFormatter(lang);
        for event_idx in 0..dataset.events.len() {
            let _ = ai_race::present::event_lines(dataset, event_idx, &fmt);
        }
        for figure_idx in 0..dataset.figures.len() {
            let _ = ai_race::present::figure_lines(dataset, figure_idx, &fmt);
        }
        let _ = ai_race::static_html::app_placeholder(dataset, lang);
    }
}

// ---------------------------------------------------------------------------------------------
// Structure-aware inputs.

/// Characters that break things: quotes, markup, separators, formula starts, typographic
/// spaces and signs, a right-to-left mark, an emoji, a lone combining accent.
const ODD_CHARS: &[char] = &[
    '"', '\\', '<', '>', '&', ',', ';', '\n', '\r', '\t', '=', '+', '-', '@', '\u{a0}', '\u{202f}',
    '\u{2212}', '\u{200f}', '\u{feff}', '😀', '\u{301}', 'é', '«', '»', ':', '/',
];

fn text(u: &mut Unstructured) -> Result<String> {
    let n_chars = u.int_in_range(0..=12)?;
    let mut out = String::new();
    for _ in 0..n_chars {
        let c = if u.ratio(1, 4)? {
            *u.choose(ODD_CHARS)?
        } else {
            char::from(u.int_in_range(b' '..=b'~')?)
        };
        out.push(c);
    }
    if u.ratio(1, 16)? {
        out.push_str(u.choose(&[
            "<a href=\"javascript:alert(1)\">x</a>",
            "<b>gras</b> <i>it</i>",
            "<img src=x onerror=alert(1)>",
            "=HYPERLINK(\"http://x\")",
            "-1+2",
        ])?);
    }
    Ok(out)
}

fn id(u: &mut Unstructured) -> Result<String> {
    Ok(one_of(u, &["a", "b", "c", "d"], &["", "A", "a "])?.to_string())
}

/// Mostly one of `valid`, now and then one of `odd` (an unknown variant, an empty id...).
fn one_of<'a>(u: &mut Unstructured, valid: &[&'a str], odd: &[&'a str]) -> Result<&'a str> {
    if u.ratio(1, 24)? {
        u.choose(odd).copied()
    } else {
        u.choose(valid).copied()
    }
}

fn date(u: &mut Unstructured) -> Result<String> {
    let year: i64 = match u.int_in_range(0..=5)? {
        0 => u.int_in_range(1990..=2030)?,
        1 => u.int_in_range(-10_000..=10_000)?,
        2 => u.int_in_range(-1_000_000_000_000_000..=1_000_000_000_000_000)?,
        3 => *u.choose(&[0, -1, 1, i64::MIN, i64::MAX, 99_999, -13_800_000_000])?,
        _ => u.int_in_range(2024..=2026)?,
    };
    let (month, day): (u8, u8) = (u.int_in_range(0..=13)?, u.int_in_range(0..=32)?);
    let sign = if year < 0 { "-" } else { "" };
    let abs = year.unsigned_abs();
    Ok(match u.int_in_range(0..=9)? {
        0 | 1 => format!("{sign}{abs:04}"),
        2 | 3 => format!("{sign}{abs:04}-{month:02}"),
        4..=7 => format!("{sign}{abs:04}-{month:02}-{day:02}"),
        8 => text(u)?,
        _ => format!("{abs}/{month}/{day}"),
    })
}

/// A value of some type, for where another is expected.
fn junk(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=6)? {
        0 => Value::Null,
        1 => Value::from(bool::arbitrary_take(u)?),
        2 => Value::from(i64::arbitrary_take(u)?),
        3 => {
            serde_json::Number::from_f64(f64::arbitrary_take(u)?).map_or(Value::Null, Value::Number)
        }
        4 => Value::from(text(u)?),
        5 => json!([]),
        _ => json!({}),
    })
}

/// `value`, or once in a while something of another type, or nothing.
fn field(
    u: &mut Unstructured,
    object: &mut Map<String, Value>,
    key: &str,
    value: Value,
) -> Result<()> {
    match u.int_in_range(0..=40)? {
        0 => {}
        1 => {
            object.insert(key.to_string(), junk(u)?);
        }
        _ => {
            object.insert(key.to_string(), value);
        }
    }
    Ok(())
}

/// `field`, with the value computed first (it reads from the same bytes).
macro_rules! put {
    ($u:ident, $object:ident, $key:expr, $value:expr) => {{
        let value = $value;
        field($u, &mut $object, $key, value)?;
    }};
}

fn bilingual(u: &mut Unstructured) -> Result<Value> {
    Ok(json!({"fr": text(u)?, "en": text(u)?}))
}

fn list<F>(u: &mut Unstructured, max: usize, mut item: F) -> Result<Value>
where
    F: FnMut(&mut Unstructured) -> Result<Value>,
{
    let n_items = u.int_in_range(0..=max)?;
    let mut items = Vec::with_capacity(n_items);
    for _ in 0..n_items {
        items.push(item(u)?);
    }
    Ok(Value::Array(items))
}

fn ids(u: &mut Unstructured) -> Result<Value> {
    list(u, 3, |u| Ok(Value::from(id(u)?)))
}

fn source(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=3)? {
        0 => {
            json!({"seed": u.choose(&["003_0962d216e2254fc8.txt", "x.txt", ""])?, "quote": text(u)?})
        }
        1 => {
            json!({"url": u.choose(&["https://example.org/a", "javascript:alert(1)", "http://x", "data:text/html,<b>", "//evil"])?, "publisher": text(u)?})
        }
        2 => json!({"seed": "x.txt", "quote": "q".repeat(u.int_in_range(0..=400)?)}),
        _ => junk(u)?,
    })
}

fn number(u: &mut Unstructured) -> Result<Value> {
    let value: f64 = match u.int_in_range(0..=4)? {
        0 => f64::from(u.int_in_range(0..=1_000_000)?) * 1e6,
        1 => f64::arbitrary_take(u)?,
        2 => *u.choose(&[0.0, -1.0, 1e308, -0.0, 5e-324, 4.0])?,
        _ => f64::from(u.int_in_range(-100..=100)?),
    };
    Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
}

fn our_event(u: &mut Unstructured) -> Result<Value> {
    let mut event = Map::new();
    put!(u, event, "id", Value::from(id(u)?));
    put!(u, event, "date", Value::from(date(u)?));
    let kinds = template::DATE_KINDS;
    put!(
        u,
        event,
        "date_kind",
        Value::from(one_of(u, kinds, &["other"])?)
    );
    if u.ratio(1, 4)? {
        put!(u, event, "date_note", bilingual(u)?);
    }
    put!(u, event, "title", bilingual(u)?);
    put!(u, event, "summary", bilingual(u)?);
    put!(u, event, "track", Value::from(id(u)?));
    if u.ratio(1, 2)? {
        put!(u, event, "initiative", Value::from(id(u)?));
    }
    put!(u, event, "actors", ids(u)?);
    put!(u, event, "sources", list(u, 2, source)?);
    if u.ratio(1, 4)? {
        let derived = json!({"from": id(u)?, "days": u.int_in_range(0..=400)?, "months": u.int_in_range(0..=30)?});
        put!(u, event, "derived", derived);
    }
    if u.ratio(1, 6)? {
        let url = u.choose(&["https://example.org/i.png", "javascript:x", "<iframe>"])?;
        put!(
            u,
            event,
            "media",
            json!({"url": url, "caption": bilingual(u)?})
        );
    }
    if u.ratio(1, 8)? {
        put!(
            u,
            event,
            "per_article",
            Value::from(bool::arbitrary_take(u)?)
        );
    }
    Ok(Value::Object(event))
}

fn our_figure(u: &mut Unstructured) -> Result<Value> {
    let mut figure = Map::new();
    put!(u, figure, "id", Value::from(id(u)?));
    put!(u, figure, "value", number(u)?);
    let units = [
        "usd",
        "gigawatts",
        "homes",
        "days",
        "months",
        "years",
        "percent",
    ];
    put!(
        u,
        figure,
        "unit",
        Value::from(one_of(u, &units, &["euros"])?)
    );
    let kinds = template::FIGURE_KINDS;
    put!(
        u,
        figure,
        "kind",
        Value::from(one_of(u, kinds, &["rumoured"])?)
    );
    let qualifiers = ["exact", "up_to", "at_least", "about", "less_than"];
    if u.ratio(1, 2)? {
        put!(u, figure, "qualifier", Value::from(*u.choose(&qualifiers)?));
    }
    if u.ratio(1, 6)? {
        put!(
            u,
            figure,
            "approximate",
            Value::from(bool::arbitrary_take(u)?)
        );
    }
    put!(u, figure, "label", bilingual(u)?);
    if u.ratio(1, 3)? {
        put!(u, figure, "period", json!({"years": number(u)?}));
    }
    put!(u, figure, "stated_by", ids(u)?);
    put!(u, figure, "committed_by", ids(u)?);
    if u.ratio(1, 4)? {
        put!(u, figure, "doubt", bilingual(u)?);
    }
    if u.ratio(1, 4)? {
        put!(u, figure, "overlaps", Value::from(id(u)?));
    }
    if u.ratio(1, 2)? {
        put!(u, figure, "initiative", Value::from(id(u)?));
    }
    put!(u, figure, "event", Value::from(id(u)?));
    put!(u, figure, "sources", list(u, 2, source)?);
    Ok(Value::Object(figure))
}

/// A file in our format.
pub fn ours(u: &mut Unstructured) -> Result<String> {
    let mut top = Map::new();
    put!(u, top, "title", bilingual(u)?);
    put!(u, top, "description", bilingual(u)?);
    let document = |u: &mut Unstructured| -> Result<Value> {
        Ok(
            json!({"file": u.choose(&["003_0962d216e2254fc8.txt", "x.txt"])?, "title": text(u)?, "published": date(u)?}),
        )
    };
    put!(u, top, "documents", list(u, 2, document)?);
    let labelled = |u: &mut Unstructured| -> Result<Value> {
        Ok(json!({"id": id(u)?, "label": bilingual(u)?}))
    };
    put!(u, top, "tracks", list(u, 3, labelled)?);
    put!(u, top, "initiatives", list(u, 3, labelled)?);
    let actor = |u: &mut Unstructured| -> Result<Value> {
        let name = if u.ratio(1, 3)? {
            bilingual(u)?
        } else {
            Value::from(text(u)?)
        };
        let kinds = template::ACTOR_KINDS;
        Ok(json!({"id": id(u)?, "name": name, "kind": one_of(u, kinds, &["robot"])?}))
    };
    put!(u, top, "actors", list(u, 4, actor)?);
    put!(u, top, "events", list(u, 12, our_event)?);
    put!(u, top, "figures", list(u, 8, our_figure)?);
    if u.ratio(1, 4)? {
        let story =
            json!({"intro": {"title": bilingual(u)?, "text": bilingual(u)?}, "steps": ids(u)?});
        put!(u, top, "story", story);
    }
    Ok(serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default())
}

fn timelinejs_date(u: &mut Unstructured) -> Result<Value> {
    let mut date = Map::new();
    let year = match u.int_in_range(0..=3)? {
        0 => Value::from(u.int_in_range(1900..=2030)?),
        1 => Value::from(
            u.int_in_range(-1_000_000_000_000_000i64..=1_000_000_000_000_000)?
                .to_string(),
        ),
        2 => Value::from(*u.choose(&[
            "-13800000000",
            "2025.5",
            "1e3",
            "-99999999999999999999",
            " 2025 ",
        ])?),
        _ => junk(u)?,
    };
    put!(u, date, "year", year);
    for (key, max) in [("month", 13), ("day", 32), ("hour", 25), ("minute", 61)] {
        if u.ratio(1, 2)? {
            let value = if u.ratio(1, 2)? {
                Value::from(u.int_in_range(0..=max)?)
            } else {
                Value::from(u.int_in_range(0..=max)?.to_string())
            };
            put!(u, date, key, value);
        }
    }
    if u.ratio(1, 6)? {
        put!(u, date, "display_date", Value::from(text(u)?));
    }
    Ok(Value::Object(date))
}

fn slide(u: &mut Unstructured) -> Result<Value> {
    let mut slide = Map::new();
    if u.ratio(3, 4)? {
        put!(u, slide, "start_date", timelinejs_date(u)?);
    }
    if u.ratio(1, 4)? {
        put!(u, slide, "end_date", timelinejs_date(u)?);
    }
    put!(
        u,
        slide,
        "text",
        json!({"headline": text(u)?, "text": text(u)?})
    );
    if u.ratio(1, 3)? {
        let url = u.choose(&[
            "https://example.org/v.mp4",
            "<blockquote>x</blockquote>",
            "javascript:x",
            "img.png",
        ])?;
        put!(
            u,
            slide,
            "media",
            json!({"url": url, "caption": text(u)?, "credit": text(u)?})
        );
    }
    if u.ratio(1, 3)? {
        put!(u, slide, "unique_id", Value::from(id(u)?));
    }
    if u.ratio(1, 4)? {
        put!(u, slide, "group", Value::from(text(u)?));
    }
    if u.ratio(1, 6)? {
        put!(u, slide, "background", json!({"color": text(u)?}));
    }
    if u.ratio(1, 8)? {
        put!(u, slide, "unknown_field", junk(u)?);
    }
    Ok(Value::Object(slide))
}

/// A TimelineJS JSON file.
pub fn timelinejs_json(u: &mut Unstructured) -> Result<String> {
    let mut top = Map::new();
    if u.ratio(1, 2)? {
        put!(u, top, "title", slide(u)?);
    }
    put!(u, top, "events", list(u, 12, slide)?);
    if u.ratio(1, 4)? {
        let era = |u: &mut Unstructured| -> Result<Value> {
            Ok(
                json!({"start_date": timelinejs_date(u)?, "end_date": timelinejs_date(u)?, "text": {"headline": text(u)?}}),
            )
        };
        put!(u, top, "eras", list(u, 2, era)?);
    }
    if u.ratio(1, 4)? {
        let scale = u.choose(&["human", "cosmological", "geologic"])?;
        put!(u, top, "scale", Value::from(*scale));
    }
    Ok(serde_json::to_string(&Value::Object(top)).unwrap_or_default())
}

/// The columns of Knight Lab's TimelineJS spreadsheet template.
const CSV_COLUMNS: &[&str] = &[
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "Start Date",
    "End Date",
    "Other",
];

/// A CSV cell written as a spreadsheet would: quoted when it must be, sometimes quoted anyway,
/// sometimes with a lone quote.
fn csv_cell(u: &mut Unstructured, column: &str) -> Result<String> {
    let raw = match column {
        "Year" | "End Year" => {
            if u.ratio(3, 4)? {
                u.int_in_range(-5000i64..=3000)?.to_string()
            } else {
                text(u)?
            }
        }
        "Month" | "Day" | "End Month" | "End Day" => {
            if u.ratio(3, 4)? {
                u.int_in_range(0..=33)?.to_string()
            } else {
                text(u)?
            }
        }
        "Type" => u.choose(&["", "title", "era", "slide"])?.to_string(),
        "Start Date" | "End Date" => date(u)?,
        _ => text(u)?,
    };
    Ok(match u.int_in_range(0..=9)? {
        0 => format!("\"{}\"", raw.replace('"', "\"\"")),
        1 => format!("\"{raw}"),
        _ if raw.contains([',', '"', '\n', '\r']) => format!("\"{}\"", raw.replace('"', "\"\"")),
        _ => raw,
    })
}

/// A TimelineJS CSV file.
pub fn timelinejs_csv(u: &mut Unstructured) -> Result<String> {
    let mut columns: Vec<&str> = Vec::new();
    for &column in CSV_COLUMNS {
        let wanted = matches!(column, "Year" | "Headline" | "Text") || u.ratio(1, 3)?;
        if wanted {
            columns.push(column);
        }
    }
    if u.ratio(1, 8)? && !columns.is_empty() {
        let idx = u.choose_index(columns.len())?;
        columns.remove(idx);
    }
    let line_end = *u.choose(&["\n", "\r\n", "\r"])?;
    let mut out = String::new();
    if u.ratio(1, 8)? {
        out.push('\u{feff}');
    }
    out.push_str(&columns.join(","));
    let n_rows = u.int_in_range(0..=10)?;
    for _ in 0..n_rows {
        out.push_str(line_end);
        let mut cells = Vec::with_capacity(columns.len());
        for column in &columns {
            cells.push(csv_cell(u, column)?);
        }
        if u.ratio(1, 10)? {
            cells.pop();
        }
        out.push_str(&cells.join(","));
    }
    if u.ratio(1, 2)? {
        out.push_str(line_end);
    }
    Ok(out)
}

/// Reads values straight from the bytes (the trait's own `arbitrary` would do, under another
/// name so that the calls above read as takes).
trait TakeArbitrary: Sized {
    fn arbitrary_take(u: &mut Unstructured) -> Result<Self>;
}

impl<T: for<'a> arbitrary::Arbitrary<'a>> TakeArbitrary for T {
    fn arbitrary_take(u: &mut Unstructured) -> Result<Self> {
        T::arbitrary(u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes from a xorshift generator: what a fuzzer's random inputs look like.
    fn random_bytes(seed: u64, n_bytes: usize) -> Vec<u8> {
        let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..n_bytes)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 32) as u8
            })
            .collect()
    }

    #[global_allocator]
    static ALLOC: CountingAlloc = CountingAlloc;

    /// The heap counters are the process's: tests that measure take turns.
    static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn measuring() -> std::sync::MutexGuard<'static, ()> {
        MEASURING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The recipes reach every format: each mode's files are detected as that format for most
    /// byte strings, so the fuzzer spends its time in the right parser.
    #[test]
    fn each_recipe_writes_a_file_of_its_format() {
        let _turn = measuring();
        let mut counts = [0usize; 3];
        for seed in 0u32..300 {
            let bytes = random_bytes(u64::from(seed), 2_000);
            for (mode_byte, format) in [
                (0u8, data::Format::Dataset),
                (1, data::Format::TimelineJsJson),
                (2, data::Format::TimelineJsCsv),
            ] {
                let mut input = vec![mode_byte];
                input.extend_from_slice(&bytes);
                let file = file_bytes(&input);
                let text = String::from_utf8(file).expect("recipes write UTF-8");
                if data::detect_format(&text) == Some(format) {
                    counts[usize::from(mode_byte)] += 1;
                }
                run(&input);
            }
        }
        assert!(counts.iter().all(|&n| n >= 200), "{counts:?}");
    }

    /// Our recipe makes files with events that show: it is not spending its time on files
    /// refused whole.
    #[test]
    fn our_recipe_makes_files_whose_events_show() {
        let _turn = measuring();
        let mut n_shown = 0;
        for seed in 0u32..200 {
            let mut input = vec![0u8];
            input.extend(random_bytes(u64::from(seed), 3_000));
            let loaded = data::load(&file_bytes(&input));
            n_shown += loaded.dataset.events.len();
        }
        // 43 with these seeds when written.
        assert!(n_shown >= 30, "{n_shown} events shown");
    }

    /// The floor is what the smallest inputs hold, with room to spare.
    #[test]
    fn the_floor_covers_the_smallest_inputs() {
        let _turn = measuring();
        let mut most = 0;
        for input in [
            &b""[..],
            b"{}",
            b"{\"events\": []}",
            b"Year,Headline,Text\n2025,a,b",
            b"\x00",
            b"\x01",
            b"\x02",
        ] {
            let file = file_bytes(input);
            let before = reset_peak();
            exercise(&file);
            most = most.max(peak() - before);
        }
        println!("the smallest inputs held at most {most} bytes");
        assert!(
            most * 2 <= MEMORY_FLOOR_BYTES,
            "the smallest inputs held {most} bytes"
        );
    }

    /// The bundled dataset, the largest honest file there is, holds far less than 20 times its
    /// size.
    #[test]
    fn the_bundled_dataset_holds_less_than_the_memory_factor() {
        let _turn = measuring();
        let file = data::BUNDLED_JSON.as_bytes();
        let before = reset_peak();
        exercise(file);
        let held = peak() - before;
        println!(
            "bundled dataset: {} bytes, {held} bytes of heap at the peak",
            file.len()
        );
        assert!(held <= MEMORY_FACTOR * file.len());
    }

    /// The file of 800 one-date rows (a fuzzing finding) holds less than its allowance, and
    /// far more than 20 times its bytes: what the per-record term is for.
    #[test]
    fn many_short_records_hold_less_than_their_allowance() {
        let _turn = measuring();
        let file = std::fs::read("../tests/corpus/csv-800-same-day-rows.csv").unwrap();
        assert_eq!(records(&file), 802);
        let before = reset_peak();
        exercise(&file);
        let held = peak() - before;
        println!("{} bytes, {held} bytes at the peak", file.len());
        assert!(held > MEMORY_FACTOR * file.len() + MEMORY_FLOOR_BYTES);
        assert!(held <= memory_allowed(&file));
    }

    /// An input's CPU time is measured, not the machine's clock.
    #[test]
    fn cpu_time_counts_work_not_sleep() {
        let started = thread_cpu_seconds();
        std::thread::sleep(std::time::Duration::from_millis(200));
        let slept = thread_cpu_seconds() - started;
        let mut x = 0u64;
        let busy_from = thread_cpu_seconds();
        while thread_cpu_seconds() - busy_from < 0.05 {
            x = std::hint::black_box(x.wrapping_add(1));
        }
        assert!(slept < 0.05, "{slept} s of CPU while sleeping");
        assert!(thread_cpu_seconds() - busy_from >= 0.05 && x > 0);
    }

    /// The raw modes give the bytes as they are.
    #[test]
    fn raw_inputs_are_the_file_itself() {
        assert_eq!(file_bytes(b"{\"a\": 1}"), b"{\"a\": 1}");
        assert_eq!(file_bytes(b"\x03\x00\x01"), b"\x00\x01");
        assert_eq!(mode(b""), Mode::Raw);
    }
}
