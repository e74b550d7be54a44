//! An interactive, embeddable visualization of the 2025 US race to build AI
//! infrastructure: a timeline of events and funding charts, rendered in the
//! browser from one bundled, sourced JSON dataset.
//!
//! Layers, each testable on the host (see ARCHITECTURE.md):
//! `data` → `scale` → `charts` → `state`, with `i18n` and `input` (keys) beside them, and thin
//! Leptos `components` on top (wasm only).

pub mod charts;
pub mod data;
pub mod i18n;
pub mod input;
pub mod present;
pub mod scale;
pub mod state;
pub mod static_html;
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub mod components;

#[cfg(target_arch = "wasm32")]
pub use components::start;
