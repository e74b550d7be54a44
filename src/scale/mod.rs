//! Geometry: data ↔ pixels, both ways. Time scale and zoom/pan math,
//! adaptive axis ticks and the timeline layout (lanes and clusters).
//!
//! Architecture Invariant: pure functions over plain numbers; no `leptos`,
//! no `web_sys`. Every pixel position the UI shows is computed here, so
//! hit testing and drawing agree by construction.

pub mod layout;
pub mod ticks;
pub mod time;

pub use layout::{estimate_label_px, layout_timeline, LayoutItem, Marker, MarkerKind, LANE_HEIGHT_PX, MARKER_PX, N_LANES};
pub use ticks::{time_ticks, Tick, TickLabel};
pub use time::{TimeScale, View};
