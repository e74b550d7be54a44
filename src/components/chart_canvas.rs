//! The one component that owns a `<canvas>`: it sizes it by
//! `devicePixelRatio`, redraws on resize, language, data, selection and
//! theme change, and turns pointer and keyboard input into marks through
//! the pure hit test and key transitions of `charts`. It is also the one
//! place that names plotters' `CanvasBackend` (see [`render_png`]).

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use super::context::AppContext;
use super::source_list::quote_view;
use crate::charts::scaled::{device_size, pixel_ratio};
use crate::charts::{Caption, ChartFocus, ChartLayout, Highlight, Scaled, Theme};
use crate::input::Key;

/// Reads the page's colours from its CSS custom properties.
pub fn page_theme() -> Theme {
    let style = document()
        .document_element()
        .and_then(|root| window().get_computed_style(&root).ok().flatten());
    match style {
        Some(style) => Theme::from_css(|name| style.get_property_value(name).unwrap_or_default()),
        None => Theme::light(),
    }
}

/// The page's device pixels per CSS pixel.
fn device_pixel_ratio() -> f64 {
    pixel_ratio(window().device_pixel_ratio())
}

/// Draws `layout` on `canvas` at `ratio` device pixels per CSS pixel.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    layout: &ChartLayout,
    theme: &Theme,
    highlight: Highlight,
    ratio: f64,
) {
    let (width, height) = layout.size();
    let (device_w, device_h) = device_size(width, height, ratio);
    if canvas.width() != device_w {
        canvas.set_width(device_w);
    }
    if canvas.height() != device_h {
        canvas.set_height(device_h);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = Scaled::new(backend, ratio).into_drawing_area();
    if let Err(error) = layout.draw(&area, theme, highlight) {
        leptos::logging::warn!("chart drawing failed: {error:?}");
    }
    let _ = area.present();
}

/// The chart as a PNG data URL, drawn on a detached canvas with its
/// headline and source line, in the light theme (how a newspaper prints it).
pub fn render_png(layout: &ChartLayout, caption: &Caption, ratio: f64) -> Option<String> {
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    let (width, height) = layout.export_size(caption);
    let (device_w, device_h) = device_size(width, height, ratio);
    canvas.set_width(device_w);
    canvas.set_height(device_h);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let area = Scaled::new(backend, ratio).into_drawing_area();
    layout
        .draw_for_export(&area, &Theme::light(), caption)
        .ok()?;
    area.present().ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// A canvas chart: the `<canvas>` (role `img`, named by `label`) inside a
/// focusable wrapper, and the tooltip of the active mark.
#[component]
pub fn ChartCanvas(
    /// Lays the chart out for a width in CSS pixels (reads its own
    /// signals: language, options).
    layout_for: Callback<f64, ChartLayout>,
    /// The canvas's accessible name: the chart summarised in words.
    #[prop(into)]
    label: Signal<String>,
    /// The chart's title, for the focusable wrapper's name.
    #[prop(into)]
    name: Signal<String>,
    /// `data-testid` of the wrapper; the canvas gets `{test_id}-canvas`.
    test_id: &'static str,
) -> impl IntoView {
    let context = expect_context::<AppContext>();
    let lang = context.lang();
    let selected = context.selected();

    let wrapper_ref = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let ratio = RwSignal::new(device_pixel_ratio());
    let theme_changed = Trigger::new();
    Effect::new(move |_| {
        if let Some(element) = wrapper_ref.get() {
            width.set(f64::from(element.client_width()));
            super::browser::observe_width(&element, width);
        }
    });
    super::browser::watch_theme(theme_changed);
    super::browser::on_window(leptos::ev::resize, move |_| {
        let now = device_pixel_ratio();
        if ratio.try_get_untracked().is_some_and(|old| old != now) {
            ratio.set(now);
        }
    });

    let theme = Memo::new(move |_| {
        theme_changed.track();
        page_theme()
    });
    let layout = Memo::new(move |_| {
        let width = width.get();
        (width > 0.0).then(|| layout_for.run(width))
    });
    // The mark the tooltip shows (pointer or keyboard), and whether the
    // keyboard put it there: `charts::ChartFocus`, fed DOM events here.
    let focus = RwSignal::new(ChartFocus::default());
    let n_marks = move || layout.with(|l| l.as_ref().map_or(0, |l| l.marks().len()));
    let n_marks_untracked =
        move || layout.with_untracked(|l| l.as_ref().map_or(0, |l| l.marks().len()));
    Effect::new(move |_| {
        let n_marks = n_marks();
        focus.maybe_update(|focus| focus.marks_changed(n_marks));
    });
    let keyboard_mark = Memo::new(move |_| focus.with(ChartFocus::keyboard_mark));
    let active = Memo::new(move |_| focus.with(ChartFocus::active));

    Effect::new(move |_| {
        let theme = theme.get();
        let ratio = ratio.get();
        let highlight = Highlight {
            selected_event: selected.get(),
            active_mark: keyboard_mark.get(),
        };
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        layout.with(|layout| {
            if let Some(layout) = layout {
                paint(&canvas, layout, &theme, highlight, ratio);
            }
        });
    });

    let mark_at = move |ev: &web_sys::MouseEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        layout.with_untracked(|l| l.as_ref().and_then(|l| l.hit_test(x, y)))
    };
    let select_mark = move |mark: Option<usize>| {
        let event_idx = mark.and_then(|mark| {
            layout.with_untracked(|l| l.as_ref().and_then(|l| l.event_of_mark(mark)))
        });
        if let Some(event_idx) = event_idx {
            context.select(Some(event_idx));
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let hit = mark_at(&ev);
        focus.maybe_update(|focus| focus.pointer_moved(hit));
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = web_sys::HtmlElement::style(&canvas)
                .set_property("cursor", if hit.is_some() { "pointer" } else { "default" });
        }
    };
    let on_pointer_leave = move |ev: web_sys::PointerEvent| {
        let is_mouse = ev.pointer_type() == "mouse";
        focus.maybe_update(|focus| focus.pointer_left(is_mouse));
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let hit = mark_at(&ev);
        let chosen = focus.try_update(|focus| focus.clicked(hit)).flatten();
        select_mark(chosen);
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let with_modifier = ev.alt_key() || ev.ctrl_key() || ev.meta_key();
        let Some(key) = Key::from_dom(&ev.key(), with_modifier) else {
            return;
        };
        let n_marks = n_marks_untracked();
        let response = focus
            .try_update(|focus| focus.key(key, n_marks))
            .unwrap_or_default();
        if response.handled {
            ev.prevent_default();
        }
        select_mark(response.select_mark);
    };
    let on_blur = move |_ev: web_sys::FocusEvent| {
        focus.maybe_update(ChartFocus::blurred);
    };

    let tooltip_id = format!("{test_id}-tooltip");
    let described_by = tooltip_id.clone();
    let tooltip = move || {
        let mark = active.get()?;
        layout.with(|layout| {
            let (tooltip, placement) = layout.as_ref()?.tooltip_of(mark)?;
            Some((tooltip.clone(), placement, mark))
        })
    };
    let announcement = move || {
        let mark = keyboard_mark.get();
        layout.with(|l| {
            l.as_ref()
                .and_then(|l| mark.and_then(|mark| l.marks().get(mark)))
                .map(|m| m.tooltip.as_sentence(lang.get()))
                .unwrap_or_default()
        })
    };
    let strings = move || lang.get().strings();

    view! {
        <div
            class="chart-canvas"
            data-testid=test_id
            data-mark-count=move || n_marks().to_string()
            data-active-mark=move || active.get().map(|i| i.to_string()).unwrap_or_default()
            tabindex="0"
            role="group"
            aria-label=move || crate::i18n::fill(strings().chart_canvas_hint, name.get())
            aria-describedby=move || active.get().map(|_| described_by.clone())
            node_ref=wrapper_ref
            on:keydown=on_keydown
            on:blur=on_blur
        >
            <canvas
                role="img"
                aria-label=move || label.get()
                data-testid=format!("{test_id}-canvas")
                node_ref=canvas_ref
                on:pointermove=on_pointer_move
                on:pointerleave=on_pointer_leave
                on:click=on_click
            ></canvas>
            {move || tooltip().map(|(tooltip, placement, idx)| {
                view! {
                    <div
                        id=tooltip_id.clone()
                        class=placement.side.class()
                        role="tooltip"
                        data-testid="chart-tooltip"
                        data-mark=idx.to_string()
                        style:left=format!("{:.0}px", placement.left)
                        style:top=format!("{:.0}px", placement.top)
                        style:width=format!("{:.0}px", placement.width)
                    >
                        <p class="tooltip-title">{tooltip.title.clone()}</p>
                        <dl>
                            {tooltip.rows.iter().map(|(name, value)| view! {
                                <div><dt>{name.clone()}</dt><dd>{value.clone()}</dd></div>
                            }).collect_view()}
                        </dl>
                        {(!tooltip.notes.is_empty()).then(|| view! {
                            <p class="tooltip-notes">{crate::present::sentences(&tooltip.notes)}</p>
                        })}
                        {tooltip.source.clone().map(|source| view! {
                            <p class="tooltip-source">
                                {source.quote.map(|quote| view! { {quote_view(quote)} " " })}
                                <cite>{source.citation}</cite>
                            </p>
                        })}
                    </div>
                }
            })}
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
        </div>
    }
}
