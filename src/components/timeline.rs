//! The interactive timeline: axis, one row per track, markers and
//! clusters, zoom and pan by wheel, pinch, drag, swipe, buttons and keys.
//! Geometry comes from `scale` (a `Grouping` per zoom level and a
//! `WorldLayout` per zoom level and focused event, sliced to the view on
//! each frame by `scale::OnScreen`, positions from `scale::screen`);
//! gestures are the pure transitions of `state::gesture`, keys those of
//! `ViewState`. This component wires DOM events to them and renders.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::context::AppContext;
use crate::data::{Date, Precision};
use crate::i18n::{fill, format_tick, PlainFormatter};
use crate::input::Key;
use crate::scale::{
    cluster_span, estimate_label_px, held_zoom_level, label_width_px, layout_items, marker_left_px,
    marker_top_px, timeline_ticks, zoom_level, Grouping, Marker, MarkerKey, MarkerKind, OnScreen,
    TimeScale, WorldLayout, OFFSCREEN_PX, TRACK_PLOT_PX,
};
use crate::state::gesture::{Gestures, Input, Plot, ZOOM_REST};
use crate::state::ViewState;

/// What a marker button shows that changes while the button stays: where
/// it is, and for a cluster which events it holds. One signal each, so a
/// pan writes only `x`.
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

    /// A button whose marker has gone already: out of sight.
    fn offscreen() -> MarkerSignals {
        MarkerSignals {
            x: RwSignal::new(OFFSCREEN_PX),
            lane_and_label: RwSignal::new((0, 0.0)),
            members: RwSignal::new(None),
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
type MarkerRegistry = StoredValue<HashMap<MarkerKey, MarkerSignals>>;

/// The timeline's gestures and what their responses write: the view
/// state, the `zooming` flag the layout holds on, its rest timer.
#[derive(Clone, Copy)]
struct GestureWiring {
    gestures: StoredValue<Gestures>,
    zooming: RwSignal<bool>,
    zoom_rest: StoredValue<Option<TimeoutHandle>>,
    state: RwSignal<ViewState>,
    width: RwSignal<f64>,
    plot_ref: NodeRef<html::Div>,
}

impl GestureWiring {
    /// Hands `input` to the gestures and carries out their response;
    /// true when the event's default action must be prevented. Timers may
    /// fire after the timeline is gone: every access is `try_`.
    fn send(self, input: Input) -> bool {
        let Some((view, bounds)) = self.state.try_with_untracked(|s| (s.view, s.bounds)) else {
            return false;
        };
        let Some(width) = self.width.try_get_untracked() else {
            return false;
        };
        let plot_ref = self.plot_ref;
        let left = move || plot_left(plot_ref);
        let plot = Plot {
            view,
            bounds,
            width,
            left: &left,
        };
        let Some((response, zooming)) = self
            .gestures
            .try_update_value(|gestures| (gestures.handle(input, plot), gestures.zooming()))
        else {
            return false;
        };
        if self.zooming.try_get_untracked() != Some(zooming) {
            let _ = self.zooming.try_set(zooming);
        }
        if response.restart_zoom_rest {
            self.restart_zoom_rest();
        }
        if response.end_click_window_later {
            set_timeout(
                move || {
                    self.send(Input::ClickWindowOver);
                },
                std::time::Duration::ZERO,
            );
        }
        if let (true, Input::PointerMove { pointer_id, .. }) = (response.capture_pointer, input) {
            if let Some(element) = plot_ref.get_untracked() {
                let _ = element.set_pointer_capture(pointer_id);
            }
        }
        if let Some(view) = response.view {
            self.state.update(|s| s.set_view(view));
        }
        response.prevent_default
    }

    fn restart_zoom_rest(self) {
        let handle = set_timeout_with_handle(
            move || {
                self.send(Input::ZoomRested);
            },
            ZOOM_REST,
        )
        .ok();
        self.zoom_rest.update_value(|rest| {
            if let Some(old) = std::mem::replace(rest, handle) {
                old.clear();
            }
        });
    }

    /// Whether a click now ends a drag (and must do nothing).
    fn swallows_click(self) -> bool {
        self.gestures
            .try_with_value(Gestures::swallows_click)
            .unwrap_or(false)
    }
}

/// The timeline section.
#[component]
pub fn Timeline() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let dataset = context.dataset();
    let state = context.view_state();
    let lang = context.lang();
    let selected = context.selected();
    let n_tracks = dataset.tracks.len();

    let plot_ref = NodeRef::<html::Div>::new();
    // The loading state's width when there was one (the observer corrects
    // it in the next frame if the page came out different): reading the
    // element's own width here would force a layout of the page being built.
    let width = RwSignal::new(super::browser::take_plot_width().unwrap_or(0.0));
    Effect::new(move |_| {
        if let Some(element) = plot_ref.get() {
            if width.get_untracked() <= 0.0 {
                width.set(f64::from(element.client_width()));
            }
            super::browser::observe_width(&element, width);
        }
    });

    // Positions on the timeline's axis (days, or deep time).
    let axis = state.with_untracked(|s| s.axis);
    let items = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            layout_items(&dataset.events, &axis, |event| lang.pick(&event.title))
        })
    };
    let view = Memo::new(move |_| state.with(|s| s.view));
    let focused = Memo::new(move |_| state.with(|s| s.focused));

    let gestures = GestureWiring {
        gestures: StoredValue::new(Gestures::default()),
        zooming: RwSignal::new(false),
        zoom_rest: StoredValue::new(None),
        state,
        width,
        plot_ref,
    };
    let zooming = gestures.zooming;
    on_cleanup(move || {
        if let Some(Some(handle)) = gestures.zoom_rest.try_update_value(Option::take) {
            handle.clear();
        }
    });

    // The layout is computed once per zoom level (and focused event) over
    // all events; a pan only slices it. The big values are never compared:
    // they change exactly when what they depend on does.
    // While a wheel or pinch zoom goes on, the markers keep the layout of
    // the level it started from and only move, as in a pan (a new level
    // re-creates hundreds of buttons: 50 ms a step at 10,000 events); the
    // new level's layout comes when the gesture rests, or sooner when the
    // held one is too far off (see `crate::scale::held_zoom_level`).
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
    let on_screen = Memo::new(move |previous: Option<&OnScreen>| {
        world.with(|world| {
            OnScreen::next(
                previous,
                world,
                view.get(),
                width.get(),
                zooming.get(),
                focused.get(),
            )
        })
    });
    // Which markers each track shows: identities only, so that a pan that
    // keeps the same markers in view re-creates and re-sorts nothing.
    let track_keys = Memo::new(move |_| on_screen.with(|s| s.keys_per_track(n_tracks)));
    // Buttons that stay get their new position (and count) written here;
    // new ones start from the markers as they are.
    let registry: MarkerRegistry = StoredValue::new(HashMap::new());
    Effect::new(move |_| {
        // Collected first: writing a signal may run code that registers
        // or drops buttons.
        let updates: Vec<(MarkerSignals, Marker)> = on_screen.with(|on_screen| {
            registry.with_value(|registry| {
                on_screen
                    .markers
                    .iter()
                    .filter_map(|marker| {
                        let signals = registry.get(&marker.key())?;
                        Some((*signals, marker.clone()))
                    })
                    .collect()
            })
        });
        for (signals, marker) in updates {
            signals.update(&marker);
        }
    });
    let ticks = Memo::new(move |_| timeline_ticks(&TimeScale::new(view.get(), width.get()), &axis));
    // Ticks keep their element while they move, like markers.
    let tick_keys = Memo::new(move |_| {
        ticks.with(|ticks| {
            ticks
                .iter()
                .map(|tick| (tick.key(), tick.label))
                .collect::<Vec<_>>()
        })
    });
    let tick_xs = Memo::new(move |_| {
        ticks.with(|ticks| {
            ticks
                .iter()
                .map(|tick| (tick.key(), tick.x))
                .collect::<HashMap<_, _>>()
        })
    });
    let tick_left = move |key| {
        move || {
            let x = tick_xs.with(|xs| xs.get(&key).copied());
            format!("{:.1}px", x.unwrap_or(OFFSCREEN_PX))
        }
    };

    let on_wheel = move |ev: web_sys::WheelEvent| {
        let input = Input::Wheel {
            delta_x: ev.delta_x(),
            delta_y: ev.delta_y(),
            in_lines: ev.delta_mode() == web_sys::WheelEvent::DOM_DELTA_LINE,
            zoom: ev.ctrl_key() || ev.meta_key(),
            client_x: f64::from(ev.client_x()),
        };
        if gestures.send(input) {
            ev.prevent_default();
        }
    };
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let input = Input::PointerDown {
            pointer_id: ev.pointer_id(),
            client_x: f64::from(ev.client_x()),
            counts: ev.pointer_type() != "mouse" || ev.button() == 0,
        };
        if gestures.send(input) {
            ev.prevent_default();
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let input = Input::PointerMove {
            pointer_id: ev.pointer_id(),
            client_x: f64::from(ev.client_x()),
        };
        if gestures.send(input) {
            ev.prevent_default();
        }
    };
    let on_pointer_end = move |ev: web_sys::PointerEvent| {
        let input = Input::PointerEnd {
            pointer_id: ev.pointer_id(),
        };
        if gestures.send(input) {
            ev.prevent_default();
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let with_modifier = ev.alt_key() || ev.ctrl_key() || ev.meta_key();
        let Some(key) = Key::from_dom(&ev.key(), with_modifier) else {
            return;
        };
        // The reader has left the wheel for the keyboard: lay out now.
        gestures.send(Input::Key);
        match key {
            // Buttons activate natively on Enter and Space (a click).
            Key::Activate => return,
            Key::Dismiss if selected.get_untracked().is_none() => return,
            Key::Dismiss => context.select(None),
            key => state.update(|s| {
                s.key(key);
            }),
        }
        ev.prevent_default();
        context.focus_marker(context.focused_event());
    };

    let strings = move || lang.get().strings();
    let view_attr = move |end: bool| {
        view.track();
        let (first, last) = state.with_untracked(|s| s.view_day_range());
        Date::from_day(if end { last } else { first }).iso()
    };
    let track_height = format!("{TRACK_PLOT_PX}px");
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
                    <For each=move || tick_keys.get() key=|(key, _)| *key let:tick>
                        <span class="tick" class:major=tick.0.major style:left=tick_left(tick.0)>
                            {move || format_tick(&tick.1, lang.get())}
                        </span>
                    </For>
                </div>
                <div class="gridlines" aria-hidden="true">
                    <For each=move || tick_keys.get() key=|(key, _)| *key let:tick>
                        <span class="gridline" class:major=tick.0.major style:left=tick_left(tick.0)></span>
                    </For>
                </div>
                {tracks_dataset
                    .tracks
                    .iter()
                    .enumerate()
                    .map(|(track_idx, track)| {
                        let label = track.label.clone();
                        let dataset = dataset.clone();
                        let track_height = track_height.clone();
                        let row = Memo::new(move |_| {
                            track_keys.with(|rows| rows.get(track_idx).cloned().unwrap_or_default())
                        });
                        view! {
                            <div class="track" data-track=track.id.clone() data-track-idx=track_idx.to_string()>
                                <div class="track-name">{move || lang.get().pick(&label).to_string()}</div>
                                <div class="track-plot" style:height=track_height>
                                    <For
                                        each=move || row.get()
                                        key=|key| *key
                                        children={move |key| marker_button(key, on_screen, registry, &dataset, context, focused, gestures)}
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
    let lang = expect_context::<AppContext>().lang();
    let strings = move || lang.get().strings();
    // The items and their wording come from the presentation layer, which
    // the loading state (static_html) shares.
    view! {
        <ul class="legend" aria-label=move || strings().legend_label>
            {move || crate::present::legend_items(lang.get()).into_iter().map(|(classes, text)| {
                let count = (classes == "cluster").then_some("3");
                view! {
                    <li><span class=format!("marker {classes} legend-mark") aria-hidden="true"><span class="dot" data-count=count></span></span>{text}</li>
                }
            }).collect_view()}
        </ul>
    }
}

/// One marker: an event button, or a cluster button that zooms in.
fn marker_button(
    key: MarkerKey,
    on_screen: Memo<OnScreen>,
    registry: MarkerRegistry,
    dataset: &Arc<crate::data::Dataset>,
    context: AppContext,
    focused: Memo<usize>,
    gestures: GestureWiring,
) -> impl IntoView {
    let signals = on_screen.with_untracked(|on_screen| {
        on_screen
            .markers
            .iter()
            .find(|marker| marker.key() == key)
            .map(MarkerSignals::new)
    });
    let signals = signals.unwrap_or_else(MarkerSignals::offscreen);
    registry.update_value(|registry| {
        registry.insert(key, signals);
    });
    on_cleanup(move || {
        registry.update_value(|registry| {
            registry.remove(&key);
        });
    });
    let lang = context.lang();
    let selected = context.selected();
    let state = context.view_state();
    let left = move || format!("{}px", marker_left_px(signals.x.get()));
    let top = move || format!("{}px", marker_top_px(signals.lane_and_label.get().0));
    let label_width = move || label_width_px(signals.lane_and_label.get().1);
    let label_max_width = move || format!("{}px", label_width().unwrap_or(0));
    let label_hidden = move || label_width().is_none();

    match key {
        MarkerKey::Event(idx) => {
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
                Precision::Day => "day",
                Precision::Month => "month",
                Precision::Year => "year",
            };
            let is_derived = event.derived.is_some();
            let date_kind = event.date_kind;
            let kind_class = crate::present::date_kind_class(date_kind).unwrap_or_default();
            let aria_title = title.clone();
            view! {
                <button
                    type="button"
                    class=format!("marker single precision-{precision_class} {kind_class}")
                    class:derived=is_derived
                    class:selected=move || selected.get() == Some(idx)
                    data-testid="event-marker"
                    data-event-id=event_id
                    tabindex=move || if focused.get() == idx { "0" } else { "-1" }
                    aria-expanded=move || (selected.get() == Some(idx)).to_string()
                    aria-controls="detail"
                    aria-label=move || {
                        let lang = lang.get();
                        format!("{}, {}, {}", lang.pick(&aria_title), crate::present::short_date(&date, date_kind, &PlainFormatter(lang)), lang.pick(&track_label))
                    }
                    style:left=left
                    style:top=top
                    on:click=move |_| {
                        if !gestures.swallows_click() {
                            context.select(Some(idx));
                        }
                    }
                    on:focus=move |_| {
                        if state.with_untracked(|s| s.focused) != idx {
                            state.update(|s| s.focus(idx));
                        }
                    }
                >
                    <span class="dot" aria-hidden="true"></span>
                    <span class="label" aria-hidden="true" class:hidden=label_hidden style:max-width=label_max_width>
                        {move || lang.get().pick(&title).to_string()}
                    </span>
                </button>
            }
            .into_any()
        }
        MarkerKey::Cluster { .. } => {
            let n_memo = Memo::new(move |_| {
                signals
                    .members
                    .with(|members| members.as_ref().map_or(0, |members| members.len()))
            });
            let n = move || n_memo.get();
            // The cluster's span and first event are only needed on a click
            // (clusters can hold tens of thousands of events).
            let dataset = dataset.clone();
            let on_click = move |_| {
                if gestures.swallows_click() {
                    return;
                }
                let axis = state.with_untracked(|s| s.axis);
                let (span, first) = signals.members.with_untracked(|members| {
                    let members = members.as_deref().unwrap_or(&[]);
                    (
                        cluster_span(members, &dataset.events, &axis),
                        members.first().copied(),
                    )
                });
                if let Some((first_day, last_day)) = span {
                    state.update(|s| s.zoom_to(first_day, last_day));
                }
                if let Some(first) = first {
                    context.focus_marker(first);
                }
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
                    on:click=on_click
                >
                    <span class="dot" aria-hidden="true" data-count=move || n().to_string()></span>
                    <span class="label" aria-hidden="true" class:hidden=label_hidden style:max-width=label_max_width>
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
