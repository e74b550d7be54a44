//! Colours and fonts of the charts, read from the page's CSS custom
//! properties (`--text`, `--muted`, `--rule`, `--grid`, `--surface`,
//! `--focus`, `--accent`, `--track-0`…`--track-4`, `--sans`, `--serif`),
//! so the charts follow the page's light and dark themes.
//!
//! Layouts name colours by role ([`Paint`]); only drawing turns a role
//! into RGB, so a theme change redraws without laying out again.

use plotters::style::RGBColor;

use crate::theme::{Srgb, LIGHT};

/// A colour role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Text,
    Muted,
    Rule,
    Grid,
    Surface,
    Focus,
    Accent,
    /// `--track-0` … `--track-4`.
    Track(usize),
}

/// Plotters' colour for one of ours.
impl From<Srgb> for RGBColor {
    fn from(colour: Srgb) -> RGBColor {
        RGBColor(colour.r, colour.g, colour.b)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Srgb,
    pub muted: Srgb,
    pub rule: Srgb,
    pub grid: Srgb,
    pub surface: Srgb,
    pub focus: Srgb,
    pub accent: Srgb,
    pub tracks: [Srgb; 5],
    /// CSS font-family list for labels.
    pub sans: String,
    /// CSS font-family list for headlines (exported images).
    pub serif: String,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::light()
    }
}

impl Theme {
    /// The page's light palette ([`crate::theme::LIGHT`], which
    /// `www/style.css` repeats).
    pub fn light() -> Theme {
        Theme {
            text: LIGHT.text,
            muted: LIGHT.muted,
            rule: LIGHT.rule,
            grid: LIGHT.grid,
            surface: LIGHT.surface,
            focus: LIGHT.focus,
            accent: LIGHT.accent,
            tracks: LIGHT.tracks,
            sans: "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif".to_string(),
            serif: "Georgia, \"Times New Roman\", Times, serif".to_string(),
        }
    }

    /// Reads the theme through `property` (e.g. `getComputedStyle(root)
    /// .getPropertyValue`); a missing or unreadable value keeps the light
    /// palette's.
    pub fn from_css(property: impl Fn(&str) -> String) -> Theme {
        let mut theme = Theme::light();
        let colour = |name: &str, fallback: Srgb| Srgb::parse(&property(name)).unwrap_or(fallback);
        theme.text = colour("--text", theme.text);
        theme.muted = colour("--muted", theme.muted);
        theme.rule = colour("--rule", theme.rule);
        theme.grid = colour("--grid", theme.grid);
        theme.surface = colour("--surface", theme.surface);
        theme.focus = colour("--focus", theme.focus);
        theme.accent = colour("--accent", theme.accent);
        for (i, track) in theme.tracks.iter_mut().enumerate() {
            *track = colour(&format!("--track-{i}"), *track);
        }
        for (name, font) in [("--sans", &mut theme.sans), ("--serif", &mut theme.serif)] {
            let value = property(name);
            if !value.trim().is_empty() {
                *font = value.trim().to_string();
            }
        }
        theme
    }

    pub fn rgb(&self, paint: Paint) -> Srgb {
        match paint {
            Paint::Text => self.text,
            Paint::Muted => self.muted,
            Paint::Rule => self.rule,
            Paint::Grid => self.grid,
            Paint::Surface => self.surface,
            Paint::Focus => self.focus,
            Paint::Accent => self.accent,
            Paint::Track(i) => self.tracks[i % self.tracks.len()],
        }
    }

    pub fn color(&self, paint: Paint) -> RGBColor {
        self.rgb(paint).into()
    }

    /// A paint faded towards the surface (marks not in the selection).
    pub fn faded(&self, paint: Paint) -> RGBColor {
        self.rgb(paint).mix(self.surface, 0.6).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_reads_custom_properties_and_keeps_defaults_for_the_rest() {
        let theme = Theme::from_css(|name| match name {
            "--text" => " #ece9e2".to_string(),
            "--track-0" => "#ff8a80".to_string(),
            "--sans" => " Inter, sans-serif".to_string(),
            _ => String::new(),
        });
        assert_eq!(theme.text, Srgb::hex(0xece9e2));
        assert_eq!(theme.tracks[0], Srgb::hex(0xff8a80));
        assert_eq!(theme.tracks[1], Theme::light().tracks[1]);
        assert_eq!(theme.surface, Theme::light().surface);
        assert_eq!(theme.sans, "Inter, sans-serif");
    }
}
