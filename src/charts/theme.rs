//! Colours and fonts of the charts, read from the page's CSS custom
//! properties (`--text`, `--muted`, `--rule`, `--grid`, `--surface`,
//! `--focus`, `--accent`, `--track-0`…`--track-4`, `--sans`, `--serif`),
//! so the charts follow the page's light and dark themes.
//!
//! Layouts name colours by role ([`Paint`]); only drawing turns a role
//! into RGB, so a theme change redraws without laying out again.

use plotters::style::RGBColor;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `self` blended towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let channel =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }

    pub fn to_plotters(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Rgb,
    pub muted: Rgb,
    pub rule: Rgb,
    pub grid: Rgb,
    pub surface: Rgb,
    pub focus: Rgb,
    pub accent: Rgb,
    pub tracks: [Rgb; 5],
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
    /// The page's light palette (the values of `www/style.css`).
    pub fn light() -> Theme {
        Theme {
            text: Rgb(0x1b, 0x1b, 0x1b),
            muted: Rgb(0x5c, 0x5c, 0x5c),
            rule: Rgb(0xd9, 0xd5, 0xcc),
            grid: Rgb(0xeb, 0xe7, 0xdf),
            surface: Rgb(0xff, 0xff, 0xff),
            focus: Rgb(0x0b, 0x57, 0xd0),
            accent: Rgb(0x1f, 0x3a, 0x5f),
            tracks: [
                Rgb(0xb3, 0x26, 0x1e),
                Rgb(0x1f, 0x5f, 0xa8),
                Rgb(0x8a, 0x5a, 0x00),
                Rgb(0x6b, 0x3f, 0xa0),
                Rgb(0x0f, 0x7a, 0x5a),
            ],
            sans: "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif".to_string(),
            serif: "Georgia, \"Times New Roman\", Times, serif".to_string(),
        }
    }

    /// Reads the theme through `property` (e.g. `getComputedStyle(root)
    /// .getPropertyValue`); a missing or unreadable value keeps the light
    /// palette's.
    pub fn from_css(property: impl Fn(&str) -> String) -> Theme {
        let mut theme = Theme::light();
        let colour =
            |name: &str, fallback: Rgb| parse_css_color(&property(name)).unwrap_or(fallback);
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

    pub fn rgb(&self, paint: Paint) -> Rgb {
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
        self.rgb(paint).to_plotters()
    }

    /// A paint faded towards the surface (marks not in the selection).
    pub fn faded(&self, paint: Paint) -> RGBColor {
        self.rgb(paint).mix(self.surface, 0.6).to_plotters()
    }
}

/// Parses the colour forms `getComputedStyle` returns for custom
/// properties: `#rgb`, `#rrggbb` (as written in the stylesheet), and
/// `rgb(r, g, b)` / `rgba(r, g, b, a)`.
pub fn parse_css_color(value: &str) -> Option<Rgb> {
    let value = value.trim();
    if let Some(hex) = value.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] => Some(Rgb(r * 17, g * 17, b * 17)),
            [r1, r0, g1, g0, b1, b0] | [r1, r0, g1, g0, b1, b0, _, _] => {
                Some(Rgb(r1 * 16 + r0, g1 * 16 + g0, b1 * 16 + b0))
            }
            _ => None,
        };
    }
    let inner = value
        .strip_prefix("rgba(")
        .or_else(|| value.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 3 {
        return None;
    }
    // Whole channels only (what browsers print): "20", or "20.0" read as 20.
    let channel = |p: &str| p.split('.').next()?.parse::<u8>().ok();
    Some(Rgb(
        channel(parts[0])?,
        channel(parts[1])?,
        channel(parts[2])?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_colours_parse_in_the_forms_browsers_return() {
        assert_eq!(parse_css_color(" #1b1b1b"), Some(Rgb(0x1b, 0x1b, 0x1b)));
        assert_eq!(parse_css_color("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_css_color("#FF8A80ff"), Some(Rgb(0xff, 0x8a, 0x80)));
        assert_eq!(parse_css_color("rgb(20, 22, 24)"), Some(Rgb(20, 22, 24)));
        assert_eq!(
            parse_css_color("rgba(20, 22, 24, 0.5)"),
            Some(Rgb(20, 22, 24))
        );
        assert_eq!(
            parse_css_color("rgb(20 22 24 / 50%)"),
            Some(Rgb(20, 22, 24))
        );
        assert_eq!(parse_css_color("tomato"), None);
        assert_eq!(parse_css_color("#12"), None);
        assert_eq!(parse_css_color(""), None);
    }

    #[test]
    fn the_theme_reads_custom_properties_and_keeps_defaults_for_the_rest() {
        let theme = Theme::from_css(|name| match name {
            "--text" => " #ece9e2".to_string(),
            "--track-0" => "#ff8a80".to_string(),
            "--sans" => " Inter, sans-serif".to_string(),
            _ => String::new(),
        });
        assert_eq!(theme.text, Rgb(0xec, 0xe9, 0xe2));
        assert_eq!(theme.tracks[0], Rgb(0xff, 0x8a, 0x80));
        assert_eq!(theme.tracks[1], Theme::light().tracks[1]);
        assert_eq!(theme.surface, Theme::light().surface);
        assert_eq!(theme.sans, "Inter, sans-serif");
    }

    #[test]
    fn mixing_moves_towards_the_other_colour() {
        assert_eq!(
            Rgb(0, 0, 0).mix(Rgb(255, 255, 255), 0.5),
            Rgb(128, 128, 128)
        );
        assert_eq!(Rgb(10, 20, 30).mix(Rgb(0, 0, 0), 0.0), Rgb(10, 20, 30));
    }
}
