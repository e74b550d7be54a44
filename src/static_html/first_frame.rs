//! The timeline's first frame, laid out at build time (issue 15, point 1).
//!
//! With scripts on, the page's first paint is the loading state
//! ([`super::app_placeholder`]). Its tracks are to hold the markers of the
//! window the app opens on, laid out by the app's own code
//! ([`layout_timeline`] with the app's pinned event and cluster label), as
//! links to `#event-id` that work before the app runs (the app opens the
//! event of the address's `#event-id` when it starts). Not wired into the
//! built page yet: this is the pure layer, tested against the layout.
//!
//! The layout depends on the plot's width only through its zoom level (a
//! quarter of a doubling of pixels per day, [`zoom_level`]): within one
//! level the clusters, lanes and label widths are the same, and each
//! marker's centre is the same share of the width. So the frame holds one
//! set of markers per level a plot [`MIN_PLOT_PX`] to [`MAX_PLOT_PX`] wide
//! can have, each placed in percent of the width, and a generated
//! stylesheet shows the set of the plot's width with a container query
//! (`static_html::first_frame_css`): no script, and no `style` attribute.
//!
//! Architecture Invariant: pure, host-tested against [`layout_timeline`]
//! at the same widths; no `leptos`, no `web_sys`.

use std::fmt::Write;
use std::ops::RangeInclusive;

use super::{escape_attr, escape_text};
use crate::data::{Dataset, Precision};
use crate::i18n::{fill, Lang};
use crate::scale::{
    estimate_label_px, label_width_px, layout_items, layout_timeline, marker_top_px, zoom_level,
    LayoutItem, MarkerKind, TimeAxis, TimeScale, View, MARKER_PX,
};

/// The narrowest plot the first frame is laid out for (a 320 px phone).
pub const MIN_PLOT_PX: u32 = 200;
/// The widest plot the first frame is laid out for; wider plots show the
/// loading state's empty tracks until the app takes over.
pub const MAX_PLOT_PX: u32 = 2000;

/// The markers of one zoom level.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameLevel {
    /// The plot widths, in whole pixels, the app lays out at this level.
    pub widths: RangeInclusive<u32>,
    pub markers: Vec<FrameMarker>,
}

/// One marker of the first frame.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameMarker {
    pub track_idx: usize,
    /// The event of a single marker, or the events of a cluster.
    pub kind: MarkerKind,
    /// The marker's centre as a share of the plot's width (0 at the left
    /// edge, 1 at the right).
    pub share: f64,
    pub lane: usize,
    /// The label's room in whole pixels; `None` when it is hidden.
    pub label_px: Option<i64>,
}

/// The first frame of a timeline showing `view` of `items` (the app's
/// layout items, in `n_tracks` tracks), with `pinned` as the event always
/// shown on its own and `cluster_label_px` the room of a cluster's label,
/// as the app lays it out: one [`FrameLevel`] per zoom level, widest plots
/// last. Markers whose button would be entirely outside the plot at every
/// width of their level are left out.
pub fn frame_levels(
    items: &[LayoutItem],
    n_tracks: usize,
    view: View,
    pinned: Option<usize>,
    cluster_label_px: f64,
) -> Vec<FrameLevel> {
    let level_at = |width: u32| zoom_level(TimeScale::new(view, f64::from(width)).px_per_day());
    // Runs of widths with one level (they are contiguous: the level only
    // grows with the width).
    let mut runs: Vec<(f64, RangeInclusive<u32>)> = Vec::new();
    for width in MIN_PLOT_PX..=MAX_PLOT_PX {
        let level = level_at(width);
        match runs.last_mut() {
            Some((last, widths)) if *last == level => *widths = *widths.start()..=width,
            _ => runs.push((level, width..=width)),
        }
    }
    runs.into_iter()
        .map(|(_, widths)| {
            let width = f64::from(*widths.start());
            let (narrowest, widest) = (width, f64::from(*widths.end()));
            let markers = layout_timeline(
                items,
                n_tracks,
                &TimeScale::new(view, width),
                pinned,
                cluster_label_px,
            )
            .into_iter()
            .map(|marker| FrameMarker {
                track_idx: marker.track_idx,
                share: marker.x / width,
                lane: marker.lane,
                label_px: label_width_px(marker.label_px),
                kind: marker.kind,
            })
            .filter(|marker| {
                let half = MARKER_PX / 2.0;
                marker.share * widest + half > 0.0 && marker.share * narrowest - half < narrowest
            })
            .collect();
            FrameLevel { widths, markers }
        })
        .collect()
}

/// The first frame of `dataset` in `lang`, for a timeline on `axis`
/// showing `view` with the tab stop on event `focused`: the app's
/// `ViewState` at start gives the three.
pub fn first_frame(
    dataset: &Dataset,
    axis: &TimeAxis,
    view: View,
    focused: usize,
    lang: Lang,
) -> Vec<FrameLevel> {
    // As the timeline component lays out: titles in the reader's language,
    // a cluster's label room for a two-digit count.
    let items = layout_items(&dataset.events, axis, |event| lang.pick(&event.title));
    let cluster_px = estimate_label_px(&fill(lang.strings().cluster_label, 10));
    frame_levels(
        &items,
        dataset.tracks.len(),
        view,
        Some(focused),
        cluster_px,
    )
}

/// The markers of track `track_idx` in every level, each level in an
/// element the stylesheet shows at its widths: events as links to their
/// `#event-id` (out of the tab order: the loading state is hidden from
/// assistive technology), clusters as their count and label.
pub fn track_markers_html(
    dataset: &Dataset,
    frame: &[FrameLevel],
    track_idx: usize,
    lang: Lang,
) -> String {
    let mut html = String::new();
    for (level_idx, level) in frame.iter().enumerate() {
        let mut markers = level
            .markers
            .iter()
            .enumerate()
            .filter(|(_, marker)| marker.track_idx == track_idx)
            .peekable();
        if markers.peek().is_none() {
            continue;
        }
        let _ = write!(html, "<div class=\"ff ff-{level_idx}\">");
        for (marker_idx, marker) in markers {
            let place = format!("ff-{level_idx}-{marker_idx}");
            let hidden = if marker.label_px.is_some() {
                ""
            } else {
                " hidden"
            };
            match &marker.kind {
                MarkerKind::Single(event_idx) => {
                    let Some(event) = dataset.events.get(*event_idx) else {
                        continue;
                    };
                    let precision = match event.date.precision() {
                        Precision::Day => "day",
                        Precision::Month => "month",
                        Precision::Year => "year",
                    };
                    let kind = crate::present::date_kind_class(event.date_kind)
                        .map(|class| format!(" {class}"))
                        .unwrap_or_default();
                    let derived = if event.derived.is_some() {
                        " derived"
                    } else {
                        ""
                    };
                    let _ = write!(
                        html,
                        "<a class=\"marker single precision-{precision}{kind}{derived} {place}\" \
                         href=\"#{id}\" tabindex=\"-1\" data-testid=\"first-frame-marker\" \
                         data-event-id=\"{id}\"><span class=\"dot\"></span>\
                         <span class=\"label{hidden}\">{title}</span></a>",
                        id = escape_attr(&event.id),
                        title = escape_text(lang.pick(&event.title)),
                    );
                }
                MarkerKind::Cluster(members) => {
                    let n = members.len();
                    let _ = write!(
                        html,
                        "<span class=\"marker cluster {place}\" data-count=\"{n}\">\
                         <span class=\"dot\" data-count=\"{n}\"></span>\
                         <span class=\"label{hidden}\">{}</span></span>",
                        escape_text(&fill(lang.strings().cluster_label, n)),
                    );
                }
            }
        }
        html.push_str("</div>");
    }
    html
}

/// The stylesheet of a first frame: each level's markers show when the
/// plot (a size container) is within its widths, each marker at its share
/// of the width (less half a button, as `scale::marker_left_px`) and at
/// its lane's top, each label in its room.
pub fn first_frame_css(frame: &[FrameLevel]) -> String {
    let mut css = String::from(
        "/* The timeline's first frame (src/static_html/first_frame.rs), written at build time. */\n\
         .ff{display:none}.js .loading-state .track-plot{container:ff/inline-size}\
         a.marker{text-decoration:none;color:inherit}\n",
    );
    for (level_idx, level) in frame.iter().enumerate() {
        let end = *level.widths.end() + 1;
        let _ = if *level.widths.end() == MAX_PLOT_PX {
            writeln!(
                css,
                "@container ff ({}px<=width<={}px){{.ff-{level_idx}{{display:block}}}}",
                level.widths.start(),
                MAX_PLOT_PX
            )
        } else {
            writeln!(
                css,
                "@container ff ({}px<=width<{end}px){{.ff-{level_idx}{{display:block}}}}",
                level.widths.start()
            )
        };
        for (marker_idx, marker) in level.markers.iter().enumerate() {
            let _ = write!(
                css,
                ".ff-{level_idx}-{marker_idx}{{left:calc({:.4}% - {}px);top:{}px}}",
                marker.share * 100.0,
                MARKER_PX / 2.0,
                marker_top_px(marker.lane),
            );
            if let Some(label_px) = marker.label_px {
                let _ = write!(
                    css,
                    ".ff-{level_idx}-{marker_idx} .label{{max-width:{label_px}px}}"
                );
            }
        }
        css.push('\n');
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{fill, Lang};
    use crate::scale::{estimate_label_px, layout_items, Marker};
    use crate::state::ViewState;

    /// The bundled story as the app starts it: its layout items, tracks,
    /// view, focused event and cluster label room.
    fn bundled_start(lang: Lang) -> (Vec<LayoutItem>, usize, View, usize, f64) {
        let (dataset, _) = crate::data::bundled();
        let state = ViewState::new(&dataset, lang);
        let items = layout_items(&dataset.events, &state.axis, |event| {
            lang.pick(&event.title)
        });
        let cluster_px = estimate_label_px(&fill(lang.strings().cluster_label, 10));
        (
            items,
            dataset.tracks.len(),
            state.view,
            state.focused,
            cluster_px,
        )
    }

    /// The app's markers at `width` whose button shows in the plot.
    fn app_markers(
        items: &[LayoutItem],
        n_tracks: usize,
        view: View,
        focused: usize,
        cluster_px: f64,
        width: f64,
    ) -> Vec<Marker> {
        layout_timeline(
            items,
            n_tracks,
            &TimeScale::new(view, width),
            Some(focused),
            cluster_px,
        )
        .into_iter()
        .filter(|m| m.x + MARKER_PX / 2.0 > 0.0 && m.x - MARKER_PX / 2.0 < width)
        .collect()
    }

    #[test]
    fn at_any_width_the_frame_shows_the_markers_the_app_lays_out_there() {
        for lang in Lang::ALL {
            let (items, n_tracks, view, focused, cluster_px) = bundled_start(lang);
            let levels = frame_levels(&items, n_tracks, view, Some(focused), cluster_px);
            for width in [
                200, 240, 288, 320, 343, 375, 412, 600, 768, 900, 1024, 1180, 1280, 1600, 1920,
                2000,
            ] {
                let level = levels
                    .iter()
                    .find(|level| level.widths.contains(&width))
                    .unwrap_or_else(|| panic!("no level for {width} px"));
                let width = f64::from(width);
                let app = app_markers(&items, n_tracks, view, focused, cluster_px, width);
                assert!(!app.is_empty(), "{lang:?} {width}");
                for marker in &app {
                    let shown = level
                        .markers
                        .iter()
                        .find(|frame| {
                            frame.kind == marker.kind && frame.track_idx == marker.track_idx
                        })
                        .unwrap_or_else(|| {
                            panic!("{lang:?} {width} px: {marker:?} is not in the frame")
                        });
                    // The same place within a thousandth of a pixel, lane and label.
                    assert!(
                        (shown.share * width - marker.x).abs() < 1e-3,
                        "{lang:?} {width}: {shown:?} {marker:?}"
                    );
                    assert_eq!(shown.lane, marker.lane);
                    assert_eq!(shown.label_px, label_width_px(marker.label_px));
                }
                // Nothing more than the app shows, but for buttons at the
                // edge of the level's narrowest and widest plots.
                let extra = level
                    .markers
                    .iter()
                    .filter(|frame| !app.iter().any(|m| m.kind == frame.kind))
                    .filter(|frame| {
                        let x = frame.share * width;
                        x + MARKER_PX / 2.0 > 0.0 && x - MARKER_PX / 2.0 < width
                    })
                    .count();
                assert_eq!(extra, 0, "{lang:?} {width}");
            }
        }
    }

    #[test]
    fn the_frame_is_links_to_the_events_placed_by_its_stylesheet() {
        let (dataset, _) = crate::data::bundled();
        let state = ViewState::new(&dataset, Lang::Fr);
        let frame = first_frame(&dataset, &state.axis, state.view, state.focused, Lang::Fr);
        let html: String = (0..dataset.tracks.len())
            .map(|track_idx| track_markers_html(&dataset, &frame, track_idx, Lang::Fr))
            .collect();
        let css = first_frame_css(&frame);
        let n_singles = frame
            .iter()
            .flat_map(|level| &level.markers)
            .filter(|marker| matches!(marker.kind, MarkerKind::Single(_)))
            .count();
        assert!(n_singles > dataset.events.len() / 2, "{n_singles}");
        assert_eq!(
            html.matches("data-testid=\"first-frame-marker\"").count(),
            n_singles
        );
        // Each event's link goes to its `#event-id`, as the app's address does.
        for event in &dataset.events {
            let link = format!("href=\"#{}\"", event.id);
            if html.contains(&link) {
                assert!(html.contains(&format!("data-event-id=\"{}\"", event.id)));
            }
        }
        // Every marker has its place in the stylesheet, every level its widths.
        for (level_idx, level) in frame.iter().enumerate() {
            assert!(css.contains(&format!("{{.ff-{level_idx}{{display:block}}}}")));
            for marker_idx in 0..level.markers.len() {
                assert!(css.contains(&format!(".ff-{level_idx}-{marker_idx}{{left:calc(")));
            }
        }
        // No id (an event's would scroll the page to it) and no style
        // attribute (the strict Content-Security-Policy blocks them).
        assert!(!html.contains(" id=") && !html.contains(" style="));
        assert!(!css.contains("url(") && !css.contains("@import"));
    }

    #[test]
    fn the_levels_cover_every_width_once_narrowest_first() {
        let (items, n_tracks, view, focused, cluster_px) = bundled_start(Lang::Fr);
        let levels = frame_levels(&items, n_tracks, view, Some(focused), cluster_px);
        assert!(levels.len() > 1, "{}", levels.len());
        assert_eq!(*levels[0].widths.start(), MIN_PLOT_PX);
        assert_eq!(*levels.last().unwrap().widths.end(), MAX_PLOT_PX);
        for pair in levels.windows(2) {
            assert_eq!(*pair[0].widths.end() + 1, *pair[1].widths.start());
        }
        // A level a quarter of a doubling wide: about 19 % more pixels.
        for level in &levels[1..levels.len() - 1] {
            let ratio = f64::from(*level.widths.end() + 1) / f64::from(*level.widths.start());
            assert!((ratio - 2f64.powf(0.25)).abs() < 0.01, "{level:?}");
        }
    }
}
