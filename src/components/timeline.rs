//! The interactive timeline: axis, one row per track, markers and
//! clusters, zoom and pan by wheel, pinch, drag, swipe, buttons and keys.
//! Geometry comes from `scale::layout` (a `Grouping` per zoom level and a
//! `WorldLayout` per zoom level and focused event, sliced to the view on
//! each frame); transitions from `state`.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::browser;
use super::AppContext;
use crate::data::Date;
use crate::i18n::{fill, format_date, format_tick};
use crate::scale::{
    estimate_label_px, held_zoom_level, time_ticks, zoom_level, Grouping, LayoutItem, Marker,
    MarkerKind, Tick, TickLabel, TimeScale, View, WorldLayout, LANE_HEIGHT_PX, MARKER_PX, N_LANES,
};
use crate::state::NavKey;

/// How long a wheel or pinch zoom rests before the markers are laid out
/// for the zoom it reached.
const ZOOM_REST: std::time::Duration = std::time::Duration::from_millis(150);

/// What buttons are keyed by. An event's button is its own for as long as
/// it shows, so panning moves it and keyboard focus stays on it. Cluster
/// buttons (never tab stops) are recycled: keyed by the marker's rank in
/// its track modulo [`CLUSTER_SLOTS`], a cluster keeps its button while
/// panning, a button leaving on one side comes back on the other, and a
/// zoom step re-fills buttons instead of re-creating hundreds of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MarkerId {
    Event(usize),
    Cluster { track_idx: usize, slot: usize },
}

/// More than the markers a track can show at once (they are at least a
/// marker apart), so slots on screen never collide.
const CLUSTER_SLOTS: usize = 4096;

fn marker_id(marker: &Marker) -> MarkerId {
    match &marker.kind {
        MarkerKind::Single(idx) => MarkerId::Event(*idx),
        MarkerKind::Cluster(_) => MarkerId::Cluster {
            track_idx: marker.track_idx,
            slot: marker.rank % CLUSTER_SLOTS,
        },
    }
}

/// What a marker button shows that changes while the button stays: where
/// it is, and for a cluster which events it holds. One signal each, so a
/// pan writes only `left`.
#[derive(Clone, Copy)]
struct MarkerSignals {
    x: RwSignal<f64>,
    lane_and_label: RwSignal<(usize, f64)>,
    members: RwSignal<Option<Arc<[usize]>>>,
}

impl MarkerSignals {
    fn new(marker: &Marker) -> MarkerSignals {
        MarkerSignals {
            x: RwSignal::new(marker.x),
            lane_and_label: RwSignal::new((marker.lane, marker.label_px)),
            members: RwSignal::new(cluster_members(&marker.kind)),
        }
    }

    /// Writes what changed.
    fn update(&self, marker: &Marker) {
        if self.x.get_untracked() != marker.x {
            self.x.set(marker.x);
        }
        let lane_and_label = (marker.lane, marker.label_px);
        if self.lane_and_label.get_untracked() != lane_and_label {
            self.lane_and_label.set(lane_and_label);
        }
        let members = cluster_members(&marker.kind);
        if self.members.with_untracked(|old| old != &members) {
            self.members.set(members);
        }
    }
}

fn cluster_members(kind: &MarkerKind) -> Option<Arc<[usize]>> {
    match kind {
        MarkerKind::Cluster(members) => Some(members.clone()),
        MarkerKind::Single(_) => None,
    }
}

/// The signals of the buttons on screen, by marker.
type MarkerRegistry = StoredValue<HashMap<MarkerId, MarkerSignals>>;

/// An axis tick's identity: its day, its rank and the kind of its label.
fn tick_id(tick: &Tick) -> (i64, bool, u8) {
    let kind = match tick.label {
        TickLabel::Year(_) => 0,
        TickLabel::Month { .. } => 1,
        TickLabel::Day { .. } => 2,
    };
    (tick.day, tick.major, kind)
}

/// Pointer gesture in progress (drag to pan, two fingers to pinch).
#[derive(Debug, Clone, Default)]
struct Gesture {
    /// Active pointers: id and clientX.
    pointers: Vec<(i32, f64)>,
    /// View and pointer positions when the current gesture shape began.
    origin_view: Option<View>,
    origin_xs: Vec<f64>,
    moved: bool,
    /// Set after a drag so the click that ends it does not select.
    suppress_click: bool,
}

/// The timeline section.
#[component]
pub fn Timeline() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let dataset = context.dataset.clone();
    let state = context.state;
    let lang = context.lang;
    let selected = context.selected;
    let n_tracks = dataset.tracks.len();

    let plot_ref = NodeRef::<html::Div>::new();
    // The loading state's width when there was one (the observer corrects
    // it in the next frame if the page came out different): reading the
    // element's own width here would force a layout of the page being built.
    let width = RwSignal::new(browser::take_plot_width().unwrap_or(0.0));
    Effect::new(move |_| {
        if let Some(element) = plot_ref.get() {
            if width.get_untracked() <= 0.0 {
                width.set(f64::from(element.client_width()));
            }
            super::browser::observe_width(&element, width);
        }
    });

    let items = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            dataset
                .events
                .iter()
                .map(|event| LayoutItem {
                    day: event.date.start_day() as f64 + 0.5,
                    track_idx: event.track_idx,
                    label_px: estimate_label_px(lang.pick(&event.title)),
                })
                .collect::<Vec<_>>()
        })
    };
    let view = Memo::new(move |_| state.with(|s| s.view));
    let focused = Memo::new(move |_| state.with(|s| s.focused));
    // The layout is computed once per zoom level (and focused event) over
    // all events; a pan only slices it. The big values are never compared:
    // they change exactly when what they depend on does.
    // While a wheel or pinch zoom goes on, the markers keep the layout of
    // the level it started from and only move, as in a pan (a new level
    // re-creates hundreds of buttons: 50 ms a step at 10,000 events); the
    // new level's layout comes when the gesture rests, or sooner when the
    // held one is too far off (see `crate::scale::held_zoom_level`).
    let zooming = RwSignal::new(false);
    let zoom_rest = StoredValue::new(None::<TimeoutHandle>);
    let zoom_gesture_step = move || {
        if !zooming.get_untracked() {
            zooming.set(true);
        }
        let handle = set_timeout_with_handle(
            move || {
                let _ = zooming.try_set(false);
            },
            ZOOM_REST,
        )
        .ok();
        zoom_rest.update_value(|rest| {
            if let Some(old) = std::mem::replace(rest, handle) {
                old.clear();
            }
        });
    };
    on_cleanup(move || {
        if let Some(Some(handle)) = zoom_rest.try_update_value(Option::take) {
            handle.clear();
        }
    });
    let level = Memo::new(move |held: Option<&f64>| {
        let live = zoom_level(TimeScale::new(view.get(), width.get()).px_per_day());
        held_zoom_level(live, held.copied(), zooming.get())
    });
    let grouping = Memo::new_with_compare(
        move |_| items.with(|items| Grouping::new(items, n_tracks, level.get())),
        |_, _| true,
    );
    let world = Memo::new_with_compare(
        move |_| {
            let cluster_px = estimate_label_px(&fill(lang.get().strings().cluster_label, 10));
            let pinned = Some(focused.get());
            grouping.with(|grouping| {
                items.with(|items| WorldLayout::new(grouping, items, pinned, cluster_px))
            })
        },
        |_, _| true,
    );
    // During a zoom gesture at a held level, the buttons on screen only
    // move: none is created for a marker coming into view (the edges fill
    // in when the gesture rests), which is what made zoom steps slow.
    let markers_level = StoredValue::new(f64::NAN);
    let markers = Memo::new(move |previous: Option<&Vec<Marker>>| {
        let width = width.get();
        if width <= 0.0 {
            return Vec::new();
        }
        let scale = TimeScale::new(view.get(), width);
        let visible = world.with(|world| world.visible(&scale));
        let level_now = level.get();
        let in_gesture = zooming.get();
        let same_level = markers_level.get_value() == level_now;
        markers_level.set_value(level_now);
        match previous {
            Some(previous) if same_level && in_gesture => {
                let mut shown: std::collections::HashSet<MarkerId> =
                    previous.iter().map(marker_id).collect();
                // The keyboard's event always has its button.
                shown.insert(MarkerId::Event(focused.get()));
                visible
                    .into_iter()
                    .filter(|marker| shown.contains(&marker_id(marker)))
                    .collect()
            }
            _ => visible,
        }
    });
    // Which markers each track shows: identities only, so that a pan that
    // keeps the same markers in view re-creates and re-sorts nothing.
    let track_ids = Memo::new(move |_| {
        markers.with(|markers| {
            let mut per_track = vec![Vec::new(); n_tracks];
            for marker in markers {
                if let Some(row) = per_track.get_mut(marker.track_idx) {
                    row.push(marker_id(marker));
                }
            }
            per_track
        })
    });
    // Buttons that stay get their new position (and count) written here;
    // new ones start from the markers as they are.
    let registry: MarkerRegistry = StoredValue::new(HashMap::new());
    Effect::new(move |_| {
        // Collected first: writing a signal may run code that registers
        // or drops buttons.
        let updates: Vec<(MarkerSignals, Marker)> = markers.with(|markers| {
            registry.with_value(|registry| {
                markers
                    .iter()
                    .filter_map(|marker| {
                        let signals = registry.get(&marker_id(marker))?;
                        Some((*signals, marker.clone()))
                    })
                    .collect()
            })
        });
        for (signals, marker) in updates {
            signals.update(&marker);
        }
    });
    let ticks = Memo::new(move |_| time_ticks(&TimeScale::new(view.get(), width.get().max(1.0))));
    // Ticks keep their element while they move, like markers.
    let tick_ids = Memo::new(move |_| {
        ticks.with(|ticks| {
            ticks
                .iter()
                .map(|t| (tick_id(t), t.label))
                .collect::<Vec<_>>()
        })
    });
    let tick_xs = Memo::new(move |_| {
        ticks.with(|ticks| {
            ticks
                .iter()
                .map(|t| (tick_id(t), t.x))
                .collect::<HashMap<_, _>>()
        })
    });
    let tick_left = move |id| {
        move || {
            format!(
                "{:.1}px",
                tick_xs.with(|xs| xs.get(&id).copied()).unwrap_or(-1000.0)
            )
        }
    };

    let gesture = StoredValue::new(Gesture::default());
    let scale_now = move || TimeScale::new(view.get_untracked(), width.get_untracked().max(1.0));

    let on_wheel = move |ev: web_sys::WheelEvent| {
        let unit = if ev.delta_mode() == 1 { 16.0 } else { 1.0 };
        let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
        if ev.ctrl_key() || ev.meta_key() {
            ev.prevent_default();
            let frac = pointer_fraction(&ev, plot_ref);
            zoom_gesture_step();
            state.update(|s| s.zoom((-dy * 0.004).exp(), frac));
        } else if dx.abs() > dy.abs() {
            ev.prevent_default();
            let days = dx / scale_now().px_per_day();
            state.update(|s| s.pan_days(days));
        }
    };

    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        gesture.update_value(|g| {
            g.suppress_click = false;
            g.moved = false;
            g.pointers.retain(|(id, _)| *id != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), f64::from(ev.client_x())));
            g.origin_view = Some(view.get_untracked());
            g.origin_xs = g.pointers.iter().map(|(_, x)| *x).collect();
        });
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let x = f64::from(ev.client_x());
        let mut new_view = None;
        let mut capture = false;
        gesture.update_value(|g| {
            let Some(slot) = g.pointers.iter_mut().find(|(id, _)| *id == ev.pointer_id()) else {
                return;
            };
            slot.1 = x;
            let Some(origin) = g.origin_view else { return };
            let scale = TimeScale::new(origin, width.get_untracked().max(1.0));
            match (g.pointers.as_slice(), g.origin_xs.as_slice()) {
                ([(_, x1)], [x0]) => {
                    let dx = x1 - x0;
                    if !g.moved && dx.abs() > 5.0 {
                        g.moved = true;
                        capture = true;
                    }
                    if g.moved {
                        new_view = Some(origin.panned(
                            -dx / scale.px_per_day(),
                            &state.with_untracked(|s| s.bounds),
                        ));
                    }
                }
                ([(_, a1), (_, b1), ..], [a0, b0, ..]) => {
                    let (d0, d1) = ((a0 - b0).abs().max(1.0), (a1 - b1).abs().max(1.0));
                    g.moved = true;
                    capture = true;
                    let left = plot_left(plot_ref);
                    let anchor = ((a0 + b0) / 2.0 - left) / scale.width;
                    zoom_gesture_step();
                    new_view =
                        Some(origin.zoomed(d1 / d0, anchor, &state.with_untracked(|s| s.bounds)));
                }
                _ => {}
            }
        });
        if capture {
            if let Some(element) = plot_ref.get_untracked() {
                let _ = element.set_pointer_capture(ev.pointer_id());
            }
        }
        if let Some(new_view) = new_view {
            ev.prevent_default();
            state.update(|s| s.set_view(new_view));
        }
    };
    let on_pointer_end = move |ev: web_sys::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.retain(|(id, _)| *id != ev.pointer_id());
            if g.moved {
                // Only the click that ends this drag (dispatched before the next task):
                // a later click, or Enter on a marker, selects as usual.
                g.suppress_click = true;
                set_timeout(
                    move || {
                        let _ = gesture.try_update_value(|g| g.suppress_click = false);
                    },
                    std::time::Duration::ZERO,
                );
            }
            g.origin_view = Some(view.get_untracked());
            g.origin_xs = g.pointers.iter().map(|(_, x)| *x).collect();
            if g.pointers.is_empty() {
                g.moved = false;
            }
        });
    };

    let keydown_context = context.clone();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(key) = NavKey::from_key(&ev.key()) else {
            return;
        };
        // The reader has left the wheel for the keyboard: lay out now.
        if zooming.get_untracked() {
            zooming.set(false);
        }
        match key {
            // Buttons activate natively on Enter and Space (a click).
            NavKey::Open => return,
            NavKey::Close => {
                if keydown_context.selected.get_untracked().is_none() {
                    return;
                }
                keydown_context.select(None);
            }
            _ => {
                state.update(|s| {
                    s.key(key);
                });
            }
        }
        ev.prevent_default();
        let focused = state.with_untracked(|s| s.focused);
        if let Some(event) = keydown_context.dataset.events.get(focused) {
            browser::focus_event_marker(event.id.clone());
        }
    };

    let strings = move || lang.get().strings();
    let view_attr = move |end: bool| {
        let v = view.get();
        Date::from_day(if end { v.end.floor() } else { v.start.floor() } as i64).iso()
    };
    let track_height = format!("{}px", N_LANES as f64 * LANE_HEIGHT_PX + 4.0);
    let tracks_dataset = dataset.clone();

    view! {
        <section class="timeline-section" aria-labelledby="timeline-heading">
            <div class="section-head">
                <h2 id="timeline-heading" tabindex="-1">{move || strings().timeline_heading}</h2>
                <div class="zoom-controls" role="group" aria-label=move || strings().zoom_controls_label>
                    <button type="button" data-testid="zoom-out" aria-label=move || strings().zoom_out title=move || strings().zoom_out
                        on:click=move |_| state.update(|s| s.zoom_step(false))>"−"</button>
                    <button type="button" data-testid="zoom-in" aria-label=move || strings().zoom_in title=move || strings().zoom_in
                        on:click=move |_| state.update(|s| s.zoom_step(true))>"+"</button>
                    <button type="button" class="fit" data-testid="zoom-fit" on:click=move |_| state.update(|s| s.fit_all())>
                        {move || strings().zoom_fit}
                    </button>
                </div>
            </div>
            <p id="timeline-help" class="help">{move || strings().timeline_help}</p>
            <div
                class="timeline"
                // Labels wait for the zoom gesture to rest: markers move closer
                // than their labels were laid out for.
                class:zooming=move || zooming.get()
                data-testid="timeline"
                role="group"
                aria-label=move || strings().timeline_label
                aria-describedby="timeline-help"
                data-view-start=move || view_attr(false)
                data-view-end=move || view_attr(true)
                node_ref=plot_ref
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_end
                on:pointercancel=on_pointer_end
                on:keydown=on_keydown
            >
                <div class="axis" aria-hidden="true">
                    <For each=move || tick_ids.get() key=|(id, _)| *id let:tick>
                        <span class="tick" class:major=tick.0.1 style:left=tick_left(tick.0)>
                            {move || format_tick(&tick.1, lang.get())}
                        </span>
                    </For>
                </div>
                <div class="gridlines" aria-hidden="true">
                    <For each=move || tick_ids.get() key=|(id, _)| *id let:tick>
                        <span class="gridline" class:major=tick.0.1 style:left=tick_left(tick.0)></span>
                    </For>
                </div>
                {tracks_dataset
                    .tracks
                    .iter()
                    .enumerate()
                    .map(|(track_idx, track)| {
                        let label = track.label.clone();
                        let dataset = dataset.clone();
                        let context = context.clone();
                        let track_height = track_height.clone();
                        let row = Memo::new(move |_| {
                            track_ids.with(|rows| rows.get(track_idx).cloned().unwrap_or_default())
                        });
                        view! {
                            <div class="track" data-track=track.id.clone() data-track-idx=track_idx.to_string()>
                                <div class="track-name">{move || lang.get().pick(&label).to_string()}</div>
                                <div class="track-plot" style:height=track_height>
                                    <For
                                        each=move || row.get()
                                        key=|id| *id
                                        children={move |id| marker_button(id, markers, registry, &dataset, &context, focused, selected, gesture)}
                                    />
                                </div>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <TimelineLegend />
        </section>
    }
}

/// What the marker shapes mean, so colour and shape are never the only
/// carriers of meaning.
#[component]
fn TimelineLegend() -> impl IntoView {
    let lang = expect_context::<AppContext>().lang;
    let strings = move || lang.get().strings();
    view! {
        <ul class="legend" aria-label=move || strings().legend_label>
            <li><span class="marker single precision-day legend-mark" aria-hidden="true"><span class="dot"></span></span>{move || strings().legend_day}</li>
            <li><span class="marker single precision-month legend-mark" aria-hidden="true"><span class="dot"></span></span>{move || strings().legend_month}</li>
            <li><span class="marker single derived legend-mark" aria-hidden="true"><span class="dot"></span></span>{move || strings().legend_derived}</li>
            <li><span class="marker single reported legend-mark" aria-hidden="true"><span class="dot"></span></span>{move || strings().legend_reported}</li>
            <li><span class="marker cluster legend-mark" aria-hidden="true"><span class="dot" data-count="3"></span></span>{move || strings().legend_cluster}</li>
        </ul>
    }
}

/// One marker: an event button, or a cluster button that zooms in.
#[allow(clippy::too_many_arguments)]
fn marker_button(
    id: MarkerId,
    markers: Memo<Vec<Marker>>,
    registry: MarkerRegistry,
    dataset: &Arc<crate::data::Dataset>,
    context: &AppContext,
    focused: Memo<usize>,
    selected: Memo<Option<usize>>,
    gesture: StoredValue<Gesture>,
) -> impl IntoView {
    let signals = markers.with_untracked(|markers| {
        markers
            .iter()
            .find(|marker| marker_id(marker) == id)
            .map(MarkerSignals::new)
    });
    let signals = signals.unwrap_or_else(|| MarkerSignals {
        x: RwSignal::new(-1000.0),
        lane_and_label: RwSignal::new((0, 0.0)),
        members: RwSignal::new(None),
    });
    registry.update_value(|registry| {
        registry.insert(id, signals);
    });
    on_cleanup(move || {
        registry.update_value(|registry| {
            registry.remove(&id);
        });
    });
    let lang = context.lang;
    let state = context.state;
    // Whole pixels: cheaper to format than fractions, and crisp.
    let left = move || format!("{}px", (signals.x.get() - MARKER_PX / 2.0).round() as i64);
    let top = move || {
        let lane = signals.lane_and_label.get().0;
        format!("{}px", (lane as f64 * LANE_HEIGHT_PX + 3.0).round() as i64)
    };
    let label_width = move || format!("{}px", signals.lane_and_label.get().1.round() as i64);
    let label_hidden = move || signals.lane_and_label.get().1 <= 0.0;

    match id {
        MarkerId::Event(idx) => {
            let event = dataset.events[idx].clone();
            let event_id = event.id.clone();
            let title = event.title.clone();
            let track_label = dataset
                .tracks
                .get(event.track_idx)
                .map(|t| t.label.clone())
                .unwrap_or_default();
            let date = event.date;
            let precision_class = match date.precision() {
                crate::data::Precision::Day => "day",
                crate::data::Precision::Month => "month",
                crate::data::Precision::Year => "year",
            };
            let is_derived = event.derived.is_some();
            let is_reported = event.date_kind == crate::data::DateKind::Reported;
            let aria_title = title.clone();
            let context = context.clone();
            view! {
                <button
                    type="button"
                    class=format!("marker single precision-{precision_class}")
                    class:derived=is_derived
                    class:reported=is_reported
                    class:selected=move || selected.get() == Some(idx)
                    data-testid="event-marker"
                    data-event-id=event_id
                    tabindex=move || if focused.get() == idx { "0" } else { "-1" }
                    aria-expanded=move || (selected.get() == Some(idx)).to_string()
                    aria-controls="detail"
                    aria-label=move || {
                        let lang = lang.get();
                        format!("{}, {}, {}", lang.pick(&aria_title), format_date(&date, lang), lang.pick(&track_label))
                    }
                    style:left=left
                    style:top=top
                    on:click=move |_| {
                        if gesture.with_value(|g| g.suppress_click) {
                            return;
                        }
                        context.select(Some(idx));
                    }
                    on:focus=move |_| {
                        if state.with_untracked(|s| s.focused) != idx {
                            state.update(|s| s.focus(idx));
                        }
                    }
                >
                    <span class="dot" aria-hidden="true"></span>
                    <span class="label" aria-hidden="true" class:hidden=label_hidden style:max-width=label_width>
                        {move || lang.get().pick(&title).to_string()}
                    </span>
                </button>
            }
            .into_any()
        }
        MarkerId::Cluster { .. } => {
            let n_memo = Memo::new(move |_| {
                signals
                    .members
                    .with(|members| members.as_ref().map_or(0, |members| members.len()))
            });
            let n = move || n_memo.get();
            // The cluster's span and first event are only needed on a click
            // (clusters can hold tens of thousands of events).
            let cluster_dataset = dataset.clone();
            let span = move || {
                signals.members.with_untracked(|members| {
                    let members = members.as_deref().unwrap_or(&[]);
                    let first = members.first().map(|&i| &cluster_dataset.events[i]);
                    let first_day = first.map_or(0, |event| event.date.start_day()) as f64;
                    let last_day = members
                        .iter()
                        .map(|&i| cluster_dataset.events[i].date.end_day_exclusive())
                        .max()
                        .unwrap_or_default() as f64;
                    (first_day, last_day, first.map(|event| event.id.clone()))
                })
            };
            view! {
                <button
                    type="button"
                    class="marker cluster"
                    data-testid="cluster-marker"
                    data-count=move || n().to_string()
                    tabindex="-1"
                    aria-label=move || fill(lang.get().strings().cluster_action, n())
                    style:left=left
                    style:top=top
                    on:click=move |_| {
                        if gesture.with_value(|g| g.suppress_click) {
                            return;
                        }
                        let (first_day, last_day, first_id) = span();
                        state.update(|s| s.zoom_to(first_day, last_day));
                        if let Some(first_id) = first_id {
                            browser::focus_event_marker(first_id);
                        }
                    }
                >
                    <span class="dot" aria-hidden="true" data-count=move || n().to_string()></span>
                    <span class="label" aria-hidden="true" class:hidden=label_hidden style:max-width=label_width>
                        {move || fill(lang.get().strings().cluster_label, n())}
                    </span>
                </button>
            }
            .into_any()
        }
    }
}

/// Left edge of the plot in client coordinates.
fn plot_left(plot_ref: NodeRef<html::Div>) -> f64 {
    plot_ref
        .get_untracked()
        .map(|el| el.get_bounding_client_rect().left())
        .unwrap_or(0.0)
}

/// Where a mouse event falls across the plot, 0 (left) to 1 (right).
fn pointer_fraction(ev: &web_sys::MouseEvent, plot_ref: NodeRef<html::Div>) -> f64 {
    let Some(element) = plot_ref.get_untracked() else {
        return 0.5;
    };
    let rect = element.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return 0.5;
    }
    ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0)
}
