//! Browser tests of the funding charts (wasm-bindgen-test in headless
//! Chromium): each canvas is drawn at the device pixel ratio, hovering a
//! bar found through the pure layout shows that figure's tooltip, clicking
//! it selects its event everywhere, the keyboard walks the marks, and the
//! `Intl` formatter prints what the pure rules promise.
#![cfg(target_arch = "wasm32")]

mod web_support;

use ai_race::charts::commitments::{CommitmentsLayout, CommitmentsModel, CommitmentsOptions};
use ai_race::charts::cumulative::{CumulativeLayout, CumulativeModel};
use ai_race::components::intl::IntlFormatter;
use ai_race::data::{self, Date};
use ai_race::i18n::{Formatter, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::{charts_ready, mount, wait_until, Mounted};

wasm_bindgen_test_configure!(run_in_browser);

const WIDTH_PX: &str = "900px";

/// The app in French with nothing selected, in a `#app` of a known width,
/// once its charts are built; unmounted when dropped.
async fn mount_charts() -> Mounted {
    let app = mount("?lang=fr", WIDTH_PX).await;
    charts_ready(&app.root).await;
    app
}

fn attribute(element: &web_sys::Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

fn element(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .dyn_into()
        .unwrap()
}

/// How many pixels of the canvas differ clearly from its top-left pixel
/// (the background).
fn drawn_pixels(canvas: &web_sys::HtmlCanvasElement) -> usize {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let (w, h) = (canvas.width(), canvas.height());
    let data = context
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .unwrap()
        .data();
    let background = [data[0], data[1], data[2]];
    data.chunks(4)
        .filter(|p| (0..3).any(|c| (i32::from(p[c]) - i32::from(background[c])).abs() > 40))
        .count()
}

/// Sends a pointer or mouse event at CSS pixel `(x, y)` of the canvas.
fn pointer(canvas: &web_sys::HtmlElement, kind: &str, x: f64, y: f64) {
    let rect = canvas.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x((rect.left() + x).round() as i32);
    init.set_client_y((rect.top() + y).round() as i32);
    init.set_pointer_type("mouse");
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    canvas.dispatch_event(&event).unwrap();
}

fn key(target: &web_sys::HtmlElement, name: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// The commitments layout the page draws, computed by the same pure code.
fn commitments_layout(root: &web_sys::HtmlElement) -> CommitmentsLayout {
    let dataset = data::bundled_whole();
    let model = CommitmentsModel::new(&dataset);
    let width = f64::from(element(root, "[data-testid=commitments-canvas]").client_width());
    CommitmentsLayout::new(
        &dataset,
        &model,
        CommitmentsOptions::default(),
        width,
        &IntlFormatter::new(Lang::Fr),
    )
}

/// The centre of the bar of figure `figure_id`, and its mark's index.
fn bar_centre(layout: &CommitmentsLayout, figure_id: &str) -> (f64, f64, usize) {
    let dataset = data::bundled_whole();
    let model = CommitmentsModel::new(&dataset);
    let (idx, row) = layout
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| dataset.figures[model.bars[r.bar_idx].figure_idx].id == figure_id)
        .unwrap();
    let bar = row.bar.unwrap();
    ((bar.x0 + bar.x1) / 2.0, (bar.y0 + bar.y1) / 2.0, idx)
}

#[wasm_bindgen_test]
async fn every_chart_canvas_is_drawn_at_the_device_pixel_ratio() {
    let app = mount_charts().await;
    let root = &app.root;
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    for test_id in ["commitments-canvas", "cumulative-canvas"] {
        let canvas: web_sys::HtmlCanvasElement =
            element(root, &format!("[data-testid={test_id}-canvas]"))
                .dyn_into()
                .unwrap();
        let css_width = f64::from(canvas.client_width());
        assert!(css_width > 300.0, "{test_id}: laid out ({css_width} px)");
        assert_eq!(
            f64::from(canvas.width()),
            (css_width * ratio).round(),
            "{test_id}: device pixels"
        );
        let drawn = drawn_pixels(&canvas);
        assert!(drawn > 2_000, "{test_id}: only {drawn} drawn pixels");
        assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
        let label = canvas.get_attribute("aria-label").unwrap_or_default();
        assert!(label.contains("Md$"), "{test_id}: aria-label {label}");
    }
}

#[wasm_bindgen_test]
async fn hovering_the_stargate_bar_shows_its_exact_amount_and_source() {
    let app = mount_charts().await;
    let root = &app.root;
    let layout = commitments_layout(root);
    let (x, y, mark) = bar_centre(&layout, "stargate-500bn");
    let canvas = element(root, "[data-testid=commitments-canvas-canvas]");
    pointer(&canvas, "pointermove", x, y);
    let tooltip_selector = "[data-testid=commitments-canvas] [role=tooltip]";
    let has_tooltip = || root.query_selector(tooltip_selector).unwrap().is_some();
    wait_until("the tooltip", has_tooltip).await;
    let tooltip = element(root, "[data-testid=commitments-canvas] [role=tooltip]");
    assert_eq!(tooltip.get_attribute("data-mark"), Some(mark.to_string()));
    let text = tooltip
        .text_content()
        .unwrap_or_default()
        .replace(['\u{a0}', '\u{202f}'], " ");
    for expected in [
        "500 Md$",
        "500 000 000 000 $",
        "annoncé",
        "sur 4 ans",
        "125 Md$/an",
        "21 janvier 2025",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the tooltip: {text}"
        );
    }
    assert!(
        tooltip
            .query_selector(".quote [lang=fr]")
            .unwrap()
            .is_some(),
        "the source quote"
    );
    pointer(&canvas, "pointerleave", x, y);
    wait_until("the tooltip to go", || !has_tooltip()).await;
}

#[wasm_bindgen_test]
async fn clicking_a_bar_selects_its_event_in_the_timeline_and_every_chart() {
    let app = mount_charts().await;
    let root = &app.root;
    let layout = commitments_layout(root);
    let (x, y, _) = bar_centre(&layout, "aws-government-50bn");
    let canvas = element(root, "[data-testid=commitments-canvas-canvas]");
    let before = drawn_pixels(
        &element(root, "[data-testid=cumulative-canvas-canvas]")
            .dyn_into()
            .unwrap(),
    );
    pointer(&canvas, "click", x, y);
    wait_until("the event's address", || hash() == "#aws-pledges-50bn").await;
    wait_until("the detail", || {
        root.query_selector("[data-testid=detail-title]")
            .unwrap()
            .is_some()
    })
    .await;
    let title = element(root, "[data-testid=detail-title]")
        .text_content()
        .unwrap_or_default();
    assert!(title.contains("AWS"), "detail panel: {title}");
    let card = element(
        root,
        "[data-testid=key-figure][data-figure-id=aws-capacity-1-3gw]",
    );
    assert!(
        card.class_list().contains("selected"),
        "the key figure card is highlighted"
    );
    assert!(
        root.query_selector(".matrix td.selected")
            .unwrap()
            .is_some(),
        "the matrix cell is highlighted"
    );
    let cumulative: web_sys::HtmlCanvasElement =
        element(root, "[data-testid=cumulative-canvas-canvas]")
            .dyn_into()
            .unwrap();
    wait_until("the cumulative chart to redraw with the selection", || {
        drawn_pixels(&cumulative) != before
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_keyboard_walks_the_steps_and_enter_selects_one() {
    let app = mount_charts().await;
    let root = &app.root;
    let wrapper = element(root, "[data-testid=cumulative-canvas]");
    wrapper.focus().unwrap();
    let active = || attribute(&wrapper, "data-active-mark");
    key(&wrapper, "ArrowRight");
    wait_until("mark 0", || active().as_deref() == Some("0")).await;
    key(&wrapper, "ArrowRight");
    wait_until("mark 1", || active().as_deref() == Some("1")).await;
    let live = wrapper
        .query_selector("[aria-live]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    // The second step's announcement gives the running total after it, as the chart's
    // formatter writes it (the data decides the amount, not this test).
    let dataset = data::bundled_whole();
    let model = CumulativeModel::new(&dataset);
    let total = IntlFormatter::new(Lang::Fr).amount(model.steps[1].total_usd);
    assert!(
        live.contains(&total),
        "announced: {live}; expected the total {total}"
    );
    key(&wrapper, "Enter");
    let event = &dataset.events[model.steps[1].event_idx];
    let address = format!("#{}", event.id);
    wait_until("the step's event selected", || hash() == address).await;
    key(&wrapper, "Escape");
    wait_until("no active mark", || active().as_deref() == Some("")).await;
    // The same layout hit-tests the second step where it is drawn.
    let width = f64::from(wrapper.client_width());
    let layout = CumulativeLayout::new(&dataset, &model, width, &IntlFormatter::new(Lang::Fr));
    let point = &layout.points[1];
    pointer(
        &element(root, "[data-testid=cumulative-canvas-canvas]"),
        "pointermove",
        point.x,
        point.y,
    );
    wait_until("mark 1 under the pointer", || {
        active().as_deref() == Some("1")
    })
    .await;
}

#[wasm_bindgen_test]
async fn toggles_and_language_redraw_the_commitments_chart() {
    let app = mount_charts().await;
    let root = &app.root;
    let summary = || {
        element(root, "[data-testid=commitments-summary]")
            .text_content()
            .unwrap_or_default()
    };
    let canvas: web_sys::HtmlCanvasElement =
        element(root, "[data-testid=commitments-canvas-canvas]")
            .dyn_into()
            .unwrap();
    let linear = drawn_pixels(&canvas);
    element(root, "[data-testid=scale-log]").click();
    wait_until("the log scale's summary", || {
        summary().contains("logarithmique")
    })
    .await;
    wait_until("the log scale to redraw", || {
        drawn_pixels(&canvas) != linear
    })
    .await;
    element(root, "[data-testid=mode-per-year]").click();
    wait_until("the per-year summary", || summary().contains("Par an")).await;
    element(root, "[data-testid=lang-en]").click();
    wait_until("the English summary", || summary().contains("Per year")).await;
    let label = || canvas.get_attribute("aria-label").unwrap_or_default();
    wait_until("the English label", || label().contains("$500bn")).await;
    element(root, "[data-testid=commitments-table-toggle]").click();
    let rows = || {
        root.query_selector_all("[data-testid=commitments-table] tbody tr")
            .unwrap()
            .length() as usize
    };
    wait_until("the table", || rows() > 0).await;
    let dataset = data::bundled_whole();
    assert_eq!(rows(), CommitmentsModel::new(&dataset).bars.len());
}

#[wasm_bindgen_test]
fn intl_prints_what_the_pure_rules_decide() {
    let fr = IntlFormatter::new(Lang::Fr);
    let en = IntlFormatter::new(Lang::En);
    let plain = |text: String| text.replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(plain(fr.amount(500e9)), "500 Md$");
    assert_eq!(en.amount(500e9), "$500bn");
    assert_eq!(plain(fr.amount(1.5e9)), "1,5 Md$");
    assert_eq!(en.amount(277e6), "$277m");
    assert_eq!(plain(fr.amount(1e12)), "1 000 Md$");
    assert_eq!(en.exact_amount(500e9), "$500,000,000,000");
    assert_eq!(plain(fr.date(&Date::ymd(2025, 5, 30))), "30 mai 2025");
    assert_eq!(en.date(&Date::ymd(2025, 5, 30)), "May 30, 2025");
    assert_eq!(plain(fr.date(&Date::ymd(2025, 12, 1))), "1er décembre 2025");
    assert_eq!(en.date(&Date::parse("2025-07").unwrap()), "July 2025");
    assert_eq!(fr.date(&Date::parse("2023").unwrap()), "2023");
}

/// The page words every event and figure with `Intl` (the detail panel,
/// the cards, the tooltips); the static and print versions with the plain
/// formatter. Both go through `present`, and must read the same.
#[wasm_bindgen_test]
fn the_page_words_events_and_figures_as_the_static_version_does() {
    use ai_race::i18n::PlainFormatter;
    use ai_race::present::{event_lines, figure_lines};
    let dataset = data::bundled_whole();
    for lang in Lang::ALL {
        let (intl, plain) = (IntlFormatter::new(lang), PlainFormatter(lang));
        for idx in 0..dataset.events.len() {
            assert_eq!(
                event_lines(&dataset, idx, &intl),
                event_lines(&dataset, idx, &plain),
                "{lang:?}: {}",
                dataset.events[idx].id
            );
        }
        for idx in 0..dataset.figures.len() {
            assert_eq!(
                figure_lines(&dataset, idx, &intl),
                figure_lines(&dataset, idx, &plain)
            );
        }
    }
}
