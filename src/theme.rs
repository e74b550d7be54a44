//! The page's two colour palettes, light and dark, and the WCAG contrast
//! arithmetic that checks them.
//!
//! These constants are the source of truth: `www/style.css` repeats them
//! as custom properties (`--bg`, `--text`, `--track-0`…), and a test reads
//! the CSS text and fails when a value drifts. The charts read the same
//! properties from the page at run time, so they follow the theme too.
//!
//! The rules the tests hold (WCAG 2.2 AA): text colours reach 4.5:1 on
//! every background they are drawn on, and chart marks, control borders
//! and the focus ring reach 3:1.
//!
//! Architecture Invariant: pure; no `leptos`, no `web_sys`.

/// A colour in sRGB, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Srgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Srgb {
    /// `Srgb::hex(0xfbfaf7)` is `#fbfaf7`.
    pub const fn hex(rgb: u32) -> Srgb {
        Srgb {
            r: (rgb >> 16) as u8,
            g: (rgb >> 8) as u8,
            b: rgb as u8,
        }
    }

    /// Parses the colour forms of the style sheet and of `getComputedStyle`:
    /// `#rgb`, `#rrggbb`, `#rrggbbaa` (case-insensitive; alpha ignored),
    /// `rgb(r, g, b)`, `rgba(r, g, b, a)` and `rgb(r g b / a)`; `None` for
    /// anything else. The one CSS colour parser of the crate.
    pub fn parse(text: &str) -> Option<Srgb> {
        let text = text.trim();
        if let Some(digits) = text.strip_prefix('#') {
            if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            return match digits.len() {
                6 => u32::from_str_radix(digits, 16).ok().map(Srgb::hex),
                8 => u32::from_str_radix(&digits[..6], 16).ok().map(Srgb::hex),
                3 => {
                    let doubled: String = digits.chars().flat_map(|c| [c, c]).collect();
                    u32::from_str_radix(&doubled, 16).ok().map(Srgb::hex)
                }
                _ => None,
            };
        }
        let inner = text
            .strip_prefix("rgba(")
            .or_else(|| text.strip_prefix("rgb("))?
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
        Some(Srgb {
            r: channel(parts[0])?,
            g: channel(parts[1])?,
            b: channel(parts[2])?,
        })
    }

    /// `self` blended towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Srgb, t: f64) -> Srgb {
        let t = t.clamp(0.0, 1.0);
        let channel =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Srgb {
            r: channel(self.r, other.r),
            g: channel(self.g, other.g),
            b: channel(self.b, other.b),
        }
    }

    /// `#rrggbb`, lower case, as written in the style sheet.
    pub fn to_css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Relative luminance as WCAG 2 defines it: 0 for black, 1 for white.
    pub fn relative_luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }
}

/// The WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white).
/// Symmetric: the order of the arguments does not matter.
pub fn contrast_ratio(a: Srgb, b: Srgb) -> f64 {
    let (la, lb) = (a.relative_luminance(), b.relative_luminance());
    let (lighter, darker) = if la >= lb { (la, lb) } else { (lb, la) };
    (lighter + 0.05) / (darker + 0.05)
}

/// Minimum contrast of text (WCAG 1.4.3, AA, normal size).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// Minimum contrast of graphics and control boundaries (WCAG 1.4.11).
pub const MIN_GRAPHIC_CONTRAST: f64 = 3.0;

/// Every colour of one theme, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The page background.
    pub bg: Srgb,
    /// Cards, the timeline plot, buttons and charts.
    pub surface: Srgb,
    pub text: Srgb,
    /// Secondary text: dates, notes, axis ticks.
    pub muted: Srgb,
    /// Decorative rules and separators (no contrast requirement).
    pub rule: Srgb,
    /// Chart and timeline grid lines (no contrast requirement).
    pub grid: Srgb,
    /// Borders that show where a control is (buttons, inputs).
    pub control: Srgb,
    /// The keyboard focus ring.
    pub focus: Srgb,
    /// Links.
    pub accent: Srgb,
    /// Error headings and borders.
    pub error: Srgb,
    /// One colour per timeline track and chart series; also used as text
    /// (the kicker) and as the background of cluster counts.
    pub tracks: [Srgb; 5],
}

/// The light theme: warm paper, near-black ink.
pub const LIGHT: Palette = Palette {
    bg: Srgb::hex(0xfbfaf7),
    surface: Srgb::hex(0xffffff),
    text: Srgb::hex(0x1b1b1b),
    muted: Srgb::hex(0x5c5c5c),
    rule: Srgb::hex(0xd9d5cc),
    grid: Srgb::hex(0xebe7df),
    control: Srgb::hex(0x857f74),
    focus: Srgb::hex(0x0b57d0),
    accent: Srgb::hex(0x1f3a5f),
    error: Srgb::hex(0xb3261e),
    tracks: [
        Srgb::hex(0xb3261e),
        Srgb::hex(0x1f5fa8),
        Srgb::hex(0x8a5a00),
        Srgb::hex(0x6b3fa0),
        Srgb::hex(0x0f7a5a),
    ],
};

/// The dark theme: charcoal, with the track colours lifted to pastels.
pub const DARK: Palette = Palette {
    bg: Srgb::hex(0x141618),
    surface: Srgb::hex(0x1d2023),
    text: Srgb::hex(0xece9e2),
    muted: Srgb::hex(0xb4b0a8),
    rule: Srgb::hex(0x3a3d41),
    grid: Srgb::hex(0x26292d),
    control: Srgb::hex(0x7d8187),
    focus: Srgb::hex(0x8ab4f8),
    accent: Srgb::hex(0x9cc3ff),
    error: Srgb::hex(0xff8a80),
    tracks: [
        Srgb::hex(0xff8a80),
        Srgb::hex(0x8ab4f8),
        Srgb::hex(0xf0b35a),
        Srgb::hex(0xc3a6ff),
        Srgb::hex(0x5fd3a8),
    ],
};

impl Palette {
    /// The palette as the style sheet's custom properties, in its order.
    pub fn custom_properties(&self) -> Vec<(String, Srgb)> {
        let mut properties: Vec<(String, Srgb)> = [
            ("--bg", self.bg),
            ("--surface", self.surface),
            ("--text", self.text),
            ("--muted", self.muted),
            ("--rule", self.rule),
            ("--grid", self.grid),
            ("--control", self.control),
            ("--focus", self.focus),
            ("--accent", self.accent),
            ("--error", self.error),
        ]
        .into_iter()
        .map(|(name, colour)| (name.to_string(), colour))
        .collect();
        for (track_idx, colour) in self.tracks.iter().enumerate() {
            properties.push((format!("--track-{track_idx}"), *colour));
        }
        properties
    }

    /// Every pair that must reach a minimum contrast, as (what, foreground,
    /// background, minimum): the pairs the style sheet actually draws.
    pub fn required_contrasts(&self) -> Vec<(String, Srgb, Srgb, f64)> {
        let mut pairs = Vec::new();
        for (bg_name, bg) in [("bg", self.bg), ("surface", self.surface)] {
            let text_colours = [
                ("text", self.text),
                ("muted", self.muted),
                ("accent", self.accent),
                ("error", self.error),
            ];
            for (name, colour) in text_colours {
                pairs.push((
                    format!("{name} on {bg_name}"),
                    colour,
                    bg,
                    MIN_TEXT_CONTRAST,
                ));
            }
            for (name, colour) in [("control", self.control), ("focus", self.focus)] {
                pairs.push((
                    format!("{name} on {bg_name}"),
                    colour,
                    bg,
                    MIN_GRAPHIC_CONTRAST,
                ));
            }
            for (track_idx, track) in self.tracks.iter().enumerate() {
                // Chart marks and timeline markers; track 0 is also the kicker's text.
                pairs.push((
                    format!("track-{track_idx} on {bg_name}"),
                    *track,
                    bg,
                    MIN_TEXT_CONTRAST,
                ));
            }
        }
        // A pressed button inverts text and background.
        pairs.push((
            "bg on text (pressed button)".to_string(),
            self.bg,
            self.text,
            MIN_TEXT_CONTRAST,
        ));
        for (track_idx, track) in self.tracks.iter().enumerate() {
            // The count inside a cluster marker.
            pairs.push((
                format!("surface on track-{track_idx} (cluster count)"),
                self.surface,
                *track,
                MIN_TEXT_CONTRAST,
            ));
        }
        pairs
    }
}

/// The reader's colour theme choice. `Auto` follows the system's
/// `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value of `<html data-theme>` and of the stored preference.
    pub fn code(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// The choice a stored code names; anything unknown is `Auto`.
    pub fn from_code(code: &str) -> ThemeChoice {
        ThemeChoice::ALL
            .into_iter()
            .find(|choice| choice.code() == code.trim())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_matches_the_wcag_reference_values() {
        let black = Srgb::hex(0x000000);
        let white = Srgb::hex(0xffffff);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails.
        assert!(contrast_ratio(Srgb::hex(0x767676), white) >= 4.5);
        assert!(contrast_ratio(Srgb::hex(0x777777), white) < 4.5);
    }

    #[test]
    fn colours_parse_from_css_hex_and_print_back() {
        assert_eq!(Srgb::parse("#fbfaf7"), Some(Srgb::hex(0xfbfaf7)));
        assert_eq!(Srgb::parse(" #FFF "), Some(Srgb::hex(0xffffff)));
        assert_eq!(Srgb::parse("#12345"), None);
        assert_eq!(Srgb::parse("red"), None);
        assert_eq!(Srgb::parse("#gggggg"), None);
        assert_eq!(Srgb::hex(0x0b57d0).to_css(), "#0b57d0");
        // What getComputedStyle returns for custom properties.
        assert_eq!(Srgb::parse("#FF8A80ff"), Some(Srgb::hex(0xff8a80)));
        assert_eq!(Srgb::parse("rgb(20, 22, 24)"), Some(Srgb::hex(0x141618)));
        assert_eq!(
            Srgb::parse("rgba(20, 22, 24, 0.5)"),
            Some(Srgb::hex(0x141618))
        );
        assert_eq!(
            Srgb::parse("rgb(20 22 24 / 50%)"),
            Some(Srgb::hex(0x141618))
        );
        assert_eq!(Srgb::parse("rgb(20, 22)"), None);
        assert_eq!(Srgb::parse("#12"), None);
        assert_eq!(Srgb::parse(""), None);
    }

    #[test]
    fn mixing_moves_towards_the_other_colour() {
        let (black, white) = (Srgb::hex(0x000000), Srgb::hex(0xffffff));
        assert_eq!(black.mix(white, 0.5), Srgb::hex(0x808080));
        assert_eq!(Srgb::hex(0x0a141e).mix(black, 0.0), Srgb::hex(0x0a141e));
        assert_eq!(Srgb::hex(0x0a141e).mix(black, 2.0), black);
    }

    #[test]
    fn every_drawn_colour_pair_reaches_its_wcag_minimum_in_both_themes() {
        for (theme, palette) in [("light", LIGHT), ("dark", DARK)] {
            let failures: Vec<String> = palette
                .required_contrasts()
                .into_iter()
                .filter_map(|(what, fg, bg, minimum)| {
                    let ratio = contrast_ratio(fg, bg);
                    (ratio < minimum).then(|| {
                        format!(
                            "{theme}: {what} ({} on {}) is {ratio:.2}:1, needs {minimum}:1",
                            fg.to_css(),
                            bg.to_css()
                        )
                    })
                })
                .collect();
            assert!(failures.is_empty(), "{}", failures.join("\n"));
        }
    }

    #[test]
    fn track_colours_are_distinct_from_each_other() {
        for palette in [LIGHT, DARK] {
            for (a_idx, a) in palette.tracks.iter().enumerate() {
                for b in &palette.tracks[a_idx + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }

    #[test]
    fn theme_choices_round_trip_through_their_code() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_code(choice.code()), choice);
        }
        assert_eq!(ThemeChoice::from_code("sepia"), ThemeChoice::Auto);
    }

    /// The custom properties declared directly in the rule whose selector,
    /// with spaces removed, is `selector` (the first such rule; `@media`
    /// wrappers are looked through).
    fn declared_colours(css: &str, selector: &str) -> Vec<(String, String)> {
        let css = strip_comments(css);
        let wanted: String = selector.split_whitespace().collect();
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            let head = rest[..open].rsplit(['}', ';']).next().unwrap_or("");
            let head: String = head.split_whitespace().collect();
            let body_start = open + 1;
            if head == wanted {
                let body_end = rest[body_start..]
                    .find('}')
                    .map_or(rest.len(), |end| body_start + end);
                return rest[body_start..body_end]
                    .split(';')
                    .filter_map(|declaration| declaration.split_once(':'))
                    .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
                    .filter(|(name, _)| name.starts_with("--"))
                    .collect();
            }
            rest = &rest[body_start..];
        }
        Vec::new()
    }

    fn strip_comments(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start + 2..]
                .find("*/")
                .map_or("", |end| &rest[start + 2 + end + 2..]);
        }
        out.push_str(rest);
        out
    }

    fn check_css_block(css: &str, selector: &str, palette: &Palette) {
        let declared = declared_colours(css, selector);
        assert!(
            !declared.is_empty(),
            "www/style.css has no `{selector} {{ … }}` rule with custom properties"
        );
        for (name, colour) in palette.custom_properties() {
            let value = declared
                .iter()
                .find(|(declared_name, _)| *declared_name == name)
                .map(|(_, value)| value.as_str());
            assert_eq!(
                value.and_then(Srgb::parse),
                Some(colour),
                "www/style.css `{selector}` declares {name}: {value:?}; src/theme.rs says {}",
                colour.to_css()
            );
        }
    }

    #[test]
    fn the_style_sheet_declares_exactly_the_palettes_of_this_module() {
        let css = include_str!("../www/style.css");
        check_css_block(css, ":root", &LIGHT);
        check_css_block(css, ":root:not([data-theme=\"light\"])", &DARK);
        check_css_block(css, ":root[data-theme=\"dark\"]", &DARK);
    }

    #[test]
    fn the_css_reader_finds_rules_inside_media_queries() {
        let css = "/* x { --a: #000 } */ :root { --a: #111; color: red }\n\
                   @media (prefers-color-scheme: dark) { :root:not([data-theme=\"light\"]) { --a: #222; } }";
        assert_eq!(
            declared_colours(css, ":root"),
            [("--a".to_string(), "#111".to_string())]
        );
        assert_eq!(
            declared_colours(css, ":root:not([data-theme=\"light\"])"),
            [("--a".to_string(), "#222".to_string())]
        );
        assert!(declared_colours(css, "body").is_empty());
    }
}
