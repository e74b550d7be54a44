//! How long the work behind the timeline takes on the host, for one dataset:
//! reading and validating the file, the first layout, a pan, a zoom level
//! change, a key press, and the funding charts. Prints timings; asserts
//! nothing (the machine decides the numbers).
//!
//! ```sh
//! cargo xtask gen-data 100000
//! cargo run --release --example scale_timings -- bench/data/synthetic-100000.json
//! ```
//!
//! `cargo xtask bench` runs it for every synthetic dataset and puts the
//! table in docs/PERFORMANCE.md.

use std::time::{Duration, Instant};

use ai_race::charts::commitments::{CommitmentsLayout, CommitmentsModel, CommitmentsOptions};
use ai_race::charts::cumulative::{CumulativeLayout, CumulativeModel};
use ai_race::charts::theme::Theme;
use ai_race::charts::{ChartLayout, Highlight};
use ai_race::data;
use ai_race::i18n::{Lang, PlainFormatter};
use ai_race::input::Key;
use ai_race::scale::{layout_items, zoom_level, Grouping, TimeScale, View, WorldLayout};
use ai_race::state::ViewState;
use plotters::prelude::{IntoDrawingArea, SVGBackend};

/// The benchmark page's timeline width.
const WIDTH_PX: f64 = 1200.0;
const CLUSTER_LABEL_PX: f64 = 80.0;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: scale_timings FILE.json");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|err| {
        eprintln!("could not read {path}: {err}");
        std::process::exit(1);
    });

    let (loaded, load_time) = timed(|| data::load(&bytes));
    let dataset = loaded.dataset;
    let n_events = dataset.events.len();
    println!(
        "{path}: {n_events} events, {} figures, {:.1} MB, {} problems",
        dataset.figures.len(),
        bytes.len() as f64 / 1e6,
        loaded.problems.len()
    );
    if let Some(problem) = loaded.problems.first() {
        println!("first problem: {} {}", problem.path, problem.message().en);
    }
    row("read and validate (data::load)", load_time);
    // Its two parts: telling the format, then reading and checking.
    let text = String::from_utf8_lossy(&bytes);
    let (_, detect_time) = timed(|| data::detect_format(&text));
    row(
        "  of which telling the format (data::detect_format)",
        detect_time,
    );
    let (_, parse_time) = timed(|| data::parse(&text));
    row("  of which reading and checking (data::parse)", parse_time);

    let (mut state, state_time) = timed(|| ViewState::new(&dataset, Lang::Fr));
    row("view state", state_time);
    let (items, items_time) = timed(|| {
        layout_items(&dataset.events, &state.axis, |event| {
            Lang::Fr.pick(&event.title)
        })
    });
    row("layout items (label widths)", items_time);
    let n_tracks = dataset.tracks.len();

    // First render: everything fitted.
    let scale = TimeScale::new(state.view, WIDTH_PX);
    let level = zoom_level(scale.px_per_day());
    let (grouping, grouping_time) = timed(|| Grouping::new(&items, n_tracks, level));

    let (world, world_time) =
        timed(|| WorldLayout::new(&grouping, &items, Some(0), CLUSTER_LABEL_PX));
    let (visible, visible_time) = timed(|| world.visible(&scale));
    row("first layout: grouping", grouping_time);
    // On this kind of virtual machine, touching fresh memory is slow: the
    // same work again shows what the computation itself costs.
    let (_, warm_time) = timed(|| Grouping::new(&items, n_tracks, level));
    row("  the same grouping again (memory warm)", warm_time);
    row("first layout: lanes and labels", world_time);
    row(
        &format!("first layout: visible slice ({} markers)", visible.len()),
        visible_time,
    );
    row(
        "first layout: total",
        state_time + items_time + grouping_time + world_time + visible_time,
    );

    // Panning at a zoom where markers are mostly single events.
    let span = (state.bounds.span() / 64.0).max(30.0);
    state.set_view(View::new(
        state.bounds.center(),
        state.bounds.center() + span,
    ));
    let level = zoom_level(TimeScale::new(state.view, WIDTH_PX).px_per_day());
    let grouping = Grouping::new(&items, n_tracks, level);
    let world = WorldLayout::new(&grouping, &items, Some(state.focused), CLUSTER_LABEL_PX);
    let n_pans = 1000;
    let (n_markers, pan_time) = timed(|| {
        let mut n_markers = 0;
        for step in 0..n_pans {
            state.pan_days(span / 100.0 * if step < n_pans / 2 { 1.0 } else { -1.0 });
            n_markers += world.visible(&TimeScale::new(state.view, WIDTH_PX)).len();
        }
        n_markers
    });
    row(
        &format!(
            "pan, per frame (state + slice, {} markers, {} in the world)",
            n_markers / n_pans,
            world.n_markers()
        ),
        pan_time / n_pans as u32,
    );

    // A key press moves the focus: lanes again, grouping kept.
    let n_keys = 50;
    let (_, key_time) = timed(|| {
        for _ in 0..n_keys {
            state.key(Key::Next);
            let world = WorldLayout::new(&grouping, &items, Some(state.focused), CLUSTER_LABEL_PX);
            std::hint::black_box(world.visible(&TimeScale::new(state.view, WIDTH_PX)));
        }
    });
    row("key press (focus, lanes, slice)", key_time / n_keys);

    // Zooming from everything down to the narrowest window: each level once.
    let mut view = state.bounds;
    let mut level_times = Vec::new();
    loop {
        let scale = TimeScale::new(view, WIDTH_PX);
        let (_, time) = timed(|| {
            let grouping = Grouping::new(&items, n_tracks, zoom_level(scale.px_per_day()));
            let world = WorldLayout::new(&grouping, &items, Some(0), CLUSTER_LABEL_PX);
            std::hint::black_box(world.visible(&scale));
        });
        level_times.push(time);
        let zoomed = view.zoomed(2f64.powf(0.25), 0.5, &state.bounds);
        if zoomed.span() >= view.span() {
            break;
        }
        view = zoomed;
    }
    let slowest = level_times.iter().max().copied().unwrap_or_default();
    let mean = level_times.iter().sum::<Duration>() / level_times.len().max(1) as u32;
    row(
        &format!("zoom level change, mean of {} levels", level_times.len()),
        mean,
    );
    row("zoom level change, slowest", slowest);

    // The funding charts: models, layouts and one drawing each (SVG here,
    // canvas in the browser).
    let fmt = PlainFormatter(Lang::Fr);
    let (models, models_time) = timed(|| {
        (
            CumulativeModel::new(&dataset),
            CommitmentsModel::new(&dataset),
        )
    });
    row("charts: models", models_time);
    let (layouts, layouts_time) = timed(|| {
        [
            ChartLayout::Cumulative(CumulativeLayout::new(&dataset, &models.0, 760.0, &fmt)),
            ChartLayout::Commitments(CommitmentsLayout::new(
                &dataset,
                &models.1,
                CommitmentsOptions::default(),
                760.0,
                &fmt,
            )),
        ]
    });
    row("charts: layouts (one width)", layouts_time);
    let (_, draw_time) = timed(|| {
        for layout in &layouts {
            let (w, h) = layout.size();
            let mut svg = String::new();
            {
                let backend = SVGBackend::with_string(&mut svg, (w.ceil() as u32, h.ceil() as u32));
                let area = backend.into_drawing_area();
                let _ = layout.draw(&area, &Theme::light(), Highlight::default());
                let _ = area.present();
            }
            std::hint::black_box(svg);
        }
    });
    row("charts: draw both (SVG)", draw_time);
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

fn row(what: &str, time: Duration) {
    println!("{:>10.3} ms  {what}", time.as_secs_f64() * 1e3);
}
