//! Geometry: data ↔ pixels, both ways. Time scale and zoom/pan math,
//! adaptive axis ticks, the timeline layout (lanes and clusters), the
//! timeline's pixel rules for the components (`screen`) and the linear and
//! log scales of the funding charts.
//!
//! Architecture Invariant: pure functions over plain numbers; no `leptos`,
//! no `web_sys`. Every pixel position the UI shows is computed here, so
//! hit testing and drawing agree by construction.

pub mod axis;
pub mod layout;
pub mod linear;
pub mod opening;
pub mod screen;
pub mod ticks;
pub mod time;

pub use axis::TimeAxis;
pub use layout::{
    estimate_label_px, held_zoom_level, layout_timeline, zoom_level, Grouping, LayoutItem, Marker,
    MarkerKind, WorldLayout, LANE_HEIGHT_PX, MARKER_PX, N_LANES,
};
pub use linear::{LinearScale, LogScale, NumericScale};
pub use opening::opening_view;
pub use screen::{
    cluster_span, label_width_px, layout_item, layout_items, marker_left_px, marker_top_px,
    MarkerKey, OnScreen, TickKey, OFFSCREEN_PX, TRACK_PLOT_PX,
};
pub use ticks::{axis_ticks, time_ticks, timeline_ticks, Tick, TickLabel};
pub use time::{TimeScale, View};
