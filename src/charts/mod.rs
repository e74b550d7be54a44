//! The funding charts: chart models built from the [`Dataset`], their
//! layouts (every mark placed in CSS pixels through `scale`), hit testing
//! on those same positions, drawing over any plotters [`DrawingBackend`],
//! text summaries, data tables and CSV/JSON exports.
//!
//! Code map: [`commitments`] (bars of every dollar figure by initiative),
//! [`cumulative`] (announced commitments over time as a step line),
//! [`actor_matrix`] (who is in which initiative), [`key_figures`] (the
//! non-monetary numbers), [`export`] (CSV and JSON), [`table`] (the
//! accessible data tables), [`tooltip`], [`theme`] (colours from the
//! page's CSS), [`scaled`] (CSS pixels onto device pixels), [`focus`] (which
//! mark is active, by pointer or keyboard).
//!
//! Architecture Invariant: no `leptos`, no `web_sys` here. A layout holds
//! every position a chart shows and every [`Mark`] a pointer or a key can
//! reach; drawing and [`hit_test`] both read the layout, so a reader finds
//! a bar where it was drawn. Only `components::chart_canvas` names the
//! canvas backend.
//!
//! [`Dataset`]: crate::data::Dataset

pub mod actor_matrix;
pub mod commitments;
pub mod cumulative;
pub mod export;
pub mod focus;
pub mod key_figures;
pub mod scaled;
pub mod table;
pub mod theme;
pub mod tooltip;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontFamily, FontStyle, RGBColor};

pub use actor_matrix::ActorMatrix;
pub use commitments::{
    AmountMode, CommitmentsLayout, CommitmentsModel, CommitmentsOptions, ScaleKind,
};
pub use cumulative::{CumulativeLayout, CumulativeModel};
pub use focus::{move_active, ChartFocus};
pub use key_figures::KeyFigures;
pub use scaled::Scaled;
pub use theme::{Paint, Theme};
pub use tooltip::Tooltip;

use crate::data::FigureKind;

/// The error drawing returns for a backend.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// An axis-aligned rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// The rectangle grown by `d` on every side.
    pub fn inflate(&self, d: f64) -> Rect {
        Rect::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }

    fn corners(&self) -> [(i32, i32); 2] {
        [(px(self.x0), px(self.y0)), (px(self.x1), px(self.y1))]
    }
}

/// Horizontal alignment of a label at its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A text placed by a layout; `y` is the text's vertical middle.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub align: Align,
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub paint: Paint,
}

impl Label {
    pub fn new(
        text: impl Into<String>,
        x: f64,
        y: f64,
        align: Align,
        size: f64,
        paint: Paint,
    ) -> Label {
        Label {
            text: text.into(),
            x,
            y,
            align,
            size,
            bold: false,
            italic: false,
            paint,
        }
    }

    pub fn bold(mut self) -> Label {
        self.bold = true;
        self
    }

    pub fn italic(mut self) -> Label {
        self.italic = true;
        self
    }

    /// The box the label covers, from [`estimate_text_px`].
    pub fn bounds(&self) -> Rect {
        let w = estimate_text_px(&self.text, self.size, self.bold);
        let x0 = match self.align {
            Align::Left => self.x,
            Align::Center => self.x - w / 2.0,
            Align::Right => self.x - w,
        };
        Rect::new(
            x0,
            self.y - self.size * 0.6,
            x0 + w,
            self.y + self.size * 0.6,
        )
    }
}

/// One labelled tick of a value or time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisTick {
    /// Position along the axis, in pixels.
    pub pos: f64,
    pub label: Label,
}

/// Something a pointer or a key can reach: a bar, a step.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The event the mark belongs to; activating the mark selects it.
    pub event_idx: usize,
    pub figure_idx: Option<usize>,
    /// Where the pointer finds the mark (at least a 24 px touch target).
    pub hit: Rect,
    /// Where the tooltip points.
    pub anchor: (f64, f64),
    pub tooltip: Tooltip,
}

/// What drawing emphasises: the selected event's marks (one selection
/// across the timeline and every chart) and the keyboard's active mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Highlight {
    pub selected_event: Option<usize>,
    /// Index into the layout's marks.
    pub active_mark: Option<usize>,
}

impl Highlight {
    /// Whether marks not in the selection should fade: only when the
    /// selected event has a mark in this chart.
    pub fn fades_others(&self, marks: &[Mark]) -> bool {
        self.selected_event
            .is_some_and(|e| marks.iter().any(|m| m.event_idx == e))
    }
}

/// The mark under a point: among the marks whose hit area contains it, the
/// one whose anchor is nearest.
pub fn hit_test(marks: &[Mark], x: f64, y: f64) -> Option<usize> {
    marks
        .iter()
        .enumerate()
        .filter(|(_, mark)| mark.hit.contains(x, y))
        .min_by(|(_, a), (_, b)| {
            distance2(a.anchor, (x, y)).total_cmp(&distance2(b.anchor, (x, y)))
        })
        .map(|(idx, _)| idx)
}

fn distance2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// The room a tooltip needs above its mark to open upwards (else it opens
/// below).
const TOOLTIP_ROOM_ABOVE_PX: f64 = 150.0;

/// A canvas chart's layout, whichever chart it is: what the one canvas
/// component sizes, draws and hit-tests.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartLayout {
    Commitments(CommitmentsLayout),
    Cumulative(CumulativeLayout),
}

impl ChartLayout {
    pub fn size(&self) -> (f64, f64) {
        match self {
            ChartLayout::Commitments(layout) => (layout.width, layout.height),
            ChartLayout::Cumulative(layout) => (layout.width, layout.height),
        }
    }

    pub fn marks(&self) -> &[Mark] {
        match self {
            ChartLayout::Commitments(layout) => &layout.marks,
            ChartLayout::Cumulative(layout) => &layout.marks,
        }
    }

    /// The event a mark stands for.
    pub fn event_of_mark(&self, mark: usize) -> Option<usize> {
        self.marks().get(mark).map(|mark| mark.event_idx)
    }

    /// A mark's tooltip and where it goes in the chart.
    pub fn tooltip_of(&self, mark: usize) -> Option<(&Tooltip, tooltip::TooltipPlacement)> {
        let mark = self.marks().get(mark)?;
        let (chart_width, _) = self.size();
        let placement = tooltip::place_tooltip(mark.anchor, chart_width, TOOLTIP_ROOM_ABOVE_PX);
        Some((&mark.tooltip, placement))
    }

    /// The mark under a point (the chart's own hit test: a step's label
    /// counts as the step).
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        match self {
            ChartLayout::Commitments(layout) => commitments::hit_test(layout, x, y),
            ChartLayout::Cumulative(layout) => cumulative::hit_test(layout, x, y),
        }
    }

    /// Draws the chart on a surface-coloured background.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
        highlight: Highlight,
    ) -> DrawResult<DB> {
        match self {
            ChartLayout::Commitments(layout) => {
                commitments::draw_commitments(area, layout, theme, highlight)
            }
            ChartLayout::Cumulative(layout) => {
                cumulative::draw_cumulative(area, layout, theme, highlight)
            }
        }
    }

    /// The chart as a newspaper would publish it as an image: headline,
    /// chart, then the source line, with a margin all round. The area
    /// must be [`ChartLayout::export_size`].
    pub fn draw_for_export<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
        caption: &Caption,
    ) -> DrawResult<DB> {
        let frame = ExportFrame::new(self.size(), caption);
        area.fill(&theme.color(Paint::Surface))?;
        for (i, line) in frame.title.iter().enumerate() {
            let y = EXPORT_PAD_PX + (i as f64 + 0.5) * EXPORT_TITLE_LINE_PX;
            let label = Label::new(
                line.clone(),
                EXPORT_PAD_PX,
                y,
                Align::Left,
                EXPORT_TITLE_PX,
                Paint::Text,
            )
            .bold();
            draw_text_in(area, &label, &theme.serif, theme.color(Paint::Text))?;
        }
        let (_, rest) = area.split_vertically(px(frame.header_px));
        let (chart, _) = rest.split_vertically(px(self.size().1));
        let chart = chart.margin(0, 0, px(EXPORT_PAD_PX), px(EXPORT_PAD_PX));
        self.draw(&chart, theme, Highlight::default())?;
        let footer_top = frame.header_px + self.size().1 + 8.0;
        for (i, line) in frame.source.iter().enumerate() {
            let y = footer_top + (i as f64 + 0.5) * EXPORT_SOURCE_LINE_PX;
            let label = Label::new(
                line.clone(),
                EXPORT_PAD_PX,
                y,
                Align::Left,
                EXPORT_SOURCE_PX,
                Paint::Muted,
            );
            draw_label(area, &label, theme)?;
        }
        Ok(())
    }

    /// The size of [`ChartLayout::draw_for_export`]'s image, in CSS pixels.
    pub fn export_size(&self, caption: &Caption) -> (f64, f64) {
        let frame = ExportFrame::new(self.size(), caption);
        (frame.width, frame.height)
    }
}

/// The margins, headline and source lines around an exported chart.
struct ExportFrame {
    width: f64,
    height: f64,
    header_px: f64,
    title: Vec<String>,
    source: Vec<String>,
}

impl ExportFrame {
    fn new((chart_width, chart_height): (f64, f64), caption: &Caption) -> ExportFrame {
        let title = wrap_text(&caption.title, EXPORT_TITLE_PX, true, chart_width);
        let source = wrap_text(&caption.source, EXPORT_SOURCE_PX, false, chart_width);
        let header_px = EXPORT_PAD_PX + title.len() as f64 * EXPORT_TITLE_LINE_PX + 10.0;
        let footer_px = 8.0 + source.len() as f64 * EXPORT_SOURCE_LINE_PX + EXPORT_PAD_PX;
        ExportFrame {
            width: chart_width + 2.0 * EXPORT_PAD_PX,
            height: (header_px + chart_height + footer_px).ceil(),
            header_px,
            title,
            source,
        }
    }
}

const EXPORT_PAD_PX: f64 = 16.0;
const EXPORT_TITLE_PX: f64 = 20.0;
const EXPORT_TITLE_LINE_PX: f64 = 25.0;
const EXPORT_SOURCE_PX: f64 = 12.0;
const EXPORT_SOURCE_LINE_PX: f64 = 16.0;

/// The headline and source line of an exported image.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub title: String,
    pub source: String,
}

/// The width a chart is laid out at for export, in CSS pixels; the image
/// adds a margin and is drawn at [`EXPORT_PIXEL_RATIO`].
pub const EXPORT_WIDTH_PX: f64 = 720.0;
/// The pixel ratio of exported images.
pub const EXPORT_PIXEL_RATIO: f64 = 2.0;

/// A rough width of `text` at `size_px` in the sans-serif label font. The
/// layouts use it to keep labels apart and inside the chart; it errs on the
/// wide side for Latin text.
pub fn estimate_text_px(text: &str, size_px: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '’' | '!' | '|' => 0.28,
            ' ' | '\u{a0}' | '\u{202f}' | '(' | ')' => 0.33,
            'f' | 't' | 'r' => 0.41,
            'm' | 'w' | 'M' | 'W' => 0.92,
            c if c.is_ascii_digit() || c == '$' => 0.64,
            c if c.is_uppercase() => 0.70,
            _ => 0.61,
        })
        .sum();
    // Calibrated on DejaVu Sans, the widest of the usual sans-serif
    // fallbacks, so labels fit whatever font the reader's system has.
    em * size_px * if bold { 1.1 } else { 1.0 }
}

/// `text` cut with "…" so it fits in `max_px` (whole text when it fits).
pub fn truncate_to(text: &str, size_px: f64, bold: bool, max_px: f64) -> String {
    if estimate_text_px(text, size_px, bold) <= max_px {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let candidate = format!("{out}{c}…");
        if estimate_text_px(&candidate, size_px, bold) > max_px {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// `text` broken into lines that fit in `max_px`, at spaces.
pub fn wrap_text(text: &str, size_px: f64, bold: bool, max_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && estimate_text_px(&candidate, size_px, bold) > max_px {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Fills named placeholders (`{count}`, `{total}`...) of a template.
pub fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The colour role of a kind of money, the same in every chart.
pub fn kind_paint(kind: FigureKind) -> Paint {
    match kind {
        FigureKind::Announced => Paint::Accent,
        FigureKind::FirstTranche => Paint::Track(4),
        FigureKind::ClaimedSecured => Paint::Track(0),
        FigureKind::PlannedSpending => Paint::Track(2),
        FigureKind::CampaignSpending => Paint::Track(3),
        _ => Paint::Muted,
    }
}

/// A sort key, compared field by field; the last field is the item's own
/// index, so ties keep the input order.
pub(crate) type SortKey = (i64, i64, i64, usize);

/// The items' indices in key order. Every chart sorts through this one
/// function, so the wasm holds one copy of the sorting code rather than
/// one per call site and closure.
pub(crate) fn order(mut keys: Vec<SortKey>) -> Vec<usize> {
    keys.sort_unstable();
    keys.into_iter().map(|key| key.3).collect()
}

/// An amount as a whole number of dollars, for sort keys.
pub(crate) fn whole(usd: f64) -> i64 {
    usd.round() as i64
}

/// Rounds a CSS-pixel position for the backend.
pub(crate) fn px(value: f64) -> i32 {
    value.round() as i32
}

pub(crate) fn draw_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &Label,
    theme: &Theme,
) -> DrawResult<DB> {
    draw_text_in(area, label, &theme.sans, theme.color(label.paint))
}

pub(crate) fn draw_label_colored<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &Label,
    theme: &Theme,
    color: RGBColor,
) -> DrawResult<DB> {
    draw_text_in(area, label, &theme.sans, color)
}

fn draw_text_in<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &Label,
    family: &str,
    color: RGBColor,
) -> DrawResult<DB> {
    if label.text.is_empty() {
        return Ok(());
    }
    let style = if label.bold {
        FontStyle::Bold
    } else if label.italic {
        FontStyle::Italic
    } else {
        FontStyle::Normal
    };
    let h_pos = match label.align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let font = FontDesc::new(FontFamily::Name(family), label.size, style);
    let text_style = TextStyle::from(font)
        .color(&color)
        .pos(Pos::new(h_pos, VPos::Center));
    area.draw(&Text::new(
        label.text.as_str(),
        (px(label.x), px(label.y)),
        text_style,
    ))
}

pub(crate) fn fill_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: &Rect,
    color: RGBColor,
) -> DrawResult<DB> {
    area.draw(&Rectangle::new(rect.corners(), color.filled()))
}

/// An outline drawn as four filled strips `width` wide just inside
/// `rect`, so it stays crisp at any pixel ratio.
pub(crate) fn outline_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: &Rect,
    width: f64,
    color: RGBColor,
) -> DrawResult<DB> {
    let r = rect;
    for strip in [
        Rect::new(r.x0, r.y0, r.x1, r.y0 + width),
        Rect::new(r.x0, r.y1 - width, r.x1, r.y1),
        Rect::new(r.x0, r.y0, r.x0 + width, r.y1),
        Rect::new(r.x1 - width, r.y0, r.x1, r.y1),
    ] {
        fill_rect(area, &strip, color)?;
    }
    Ok(())
}

/// Datasets made up for the charts' tests at scale.
#[cfg(test)]
pub(crate) mod test_data {
    use crate::data::{self, Dataset};

    /// One event per amount (in date order, from 2010, four weeks apart
    /// at most), each with an announced dollar figure of that amount in
    /// `initiative` (none: unattributed), committed by actor "a".
    pub fn with_amounts(amounts: &[f64], initiative: Option<&str>) -> Dataset {
        let events: Vec<String> = (0..amounts.len())
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "date": "{}-{:02}-{:02}", "track": "t",
                        "title": {{"fr": "E{i}", "en": "E{i}"}}, "sources": []}}"#,
                    2010 + i / 336,
                    1 + (i / 28) % 12,
                    1 + i % 28
                )
            })
            .collect();
        let initiative_field = initiative
            .map(|id| format!(r#""initiative": "{id}","#))
            .unwrap_or_default();
        let figures: Vec<String> = amounts
            .iter()
            .enumerate()
            .map(|(i, amount)| {
                format!(
                    r#"{{"id": "f{i}", "value": {amount}, "unit": "usd", "kind": "announced",
                        "label": {{"fr": "F", "en": "F"}}, {initiative_field} "event": "e{i}",
                        "committed_by": ["a"],
                        "sources": []}}"#
                )
            })
            .collect();
        let initiatives = initiative
            .map(|id| format!(r#"{{"id": "{id}", "label": {{"fr": "Grand", "en": "Big"}}}}"#))
            .unwrap_or_default();
        let json = format!(
            r#"{{"title": {{"fr": "T", "en": "T"}}, "description": {{"fr": "D", "en": "D"}},
                "tracks": [{{"id": "t", "label": {{"fr": "T", "en": "T"}}}}],
                "initiatives": [{initiatives}], "actors": [{{"id": "a", "name": "A"}}],
                "events": [{}], "figures": [{}]}}"#,
            events.join(","),
            figures.join(",")
        );
        data::parse(&json).0
    }
}

/// Rendering to SVG and reading it back, for the structure tests of each
/// chart.
#[cfg(test)]
pub(crate) mod svg {
    use super::*;

    /// The layout drawn by plotters' SVG backend at pixel ratio 1.
    pub fn render(layout: &ChartLayout, highlight: Highlight) -> String {
        let (w, h) = layout.size();
        let mut out = String::new();
        {
            let backend = SVGBackend::with_string(&mut out, (w.ceil() as u32, h.ceil() as u32));
            let area = backend.into_drawing_area();
            layout
                .draw(&area, &Theme::light(), highlight)
                .expect("drawing");
            area.present().expect("present");
        }
        out
    }

    /// The text of every `<text>` element, unescaped.
    pub fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|chunk| {
                let start = chunk.find('>')? + 1;
                let end = chunk.find("</text>")?;
                Some(
                    chunk[start..end]
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&")
                        .trim()
                        .to_string(),
                )
            })
            .collect()
    }

    /// How many elements of `tag` (`rect`, `circle`) are filled with `rgb`.
    pub fn count_filled(svg: &str, tag: &str, rgb: crate::theme::Srgb) -> usize {
        let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", rgb.r, rgb.g, rgb.b);
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter(|chunk| {
                chunk
                    .split('>')
                    .next()
                    .is_some_and(|attrs| attrs.contains(&fill))
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn mark(x: f64, y: f64) -> Mark {
        Mark {
            event_idx: 0,
            figure_idx: None,
            hit: Rect::new(x - 12.0, y - 12.0, x + 12.0, y + 12.0),
            anchor: (x, y),
            tooltip: Tooltip::default(),
        }
    }

    #[test]
    fn hit_testing_picks_the_nearest_of_overlapping_marks() {
        let marks = [mark(100.0, 100.0), mark(100.0, 118.0)];
        assert_eq!(hit_test(&marks, 100.0, 104.0), Some(0));
        assert_eq!(hit_test(&marks, 100.0, 112.0), Some(1));
        assert_eq!(hit_test(&marks, 300.0, 100.0), None);
    }

    #[test]
    fn long_texts_are_cut_or_wrapped_to_fit() {
        let text = "Partenariat d’accélération de l’IA";
        assert_eq!(truncate_to(text, 12.0, false, 1000.0), text);
        let cut = truncate_to(text, 12.0, false, 80.0);
        assert!(
            cut.ends_with('…') && estimate_text_px(&cut, 12.0, false) <= 80.0,
            "{cut}"
        );
        let lines = wrap_text("one two three four five six", 12.0, false, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "one two three four five six");
    }

    #[test]
    fn a_mark_leads_to_its_event_and_its_tooltip_stays_in_the_chart() {
        let (dataset, _) = crate::data::bundled();
        let fmt = crate::i18n::PlainFormatter(Lang::En);
        let model = CommitmentsModel::new(&dataset);
        let layout = ChartLayout::Commitments(CommitmentsLayout::new(
            &dataset,
            &model,
            CommitmentsOptions::default(),
            375.0,
            &fmt,
        ));
        let n_marks = layout.marks().len();
        assert!(n_marks > 0);
        for (mark_idx, mark) in layout.marks().iter().enumerate() {
            assert_eq!(layout.event_of_mark(mark_idx), Some(mark.event_idx));
            let (tooltip, placement) = layout.tooltip_of(mark_idx).unwrap();
            assert_eq!(tooltip, &mark.tooltip);
            assert!(placement.left >= 0.0, "{placement:?}");
            assert!(placement.left + placement.width <= 375.0, "{placement:?}");
        }
        assert_eq!(layout.event_of_mark(n_marks), None);
        assert!(layout.tooltip_of(n_marks).is_none());
    }

    #[test]
    fn exported_images_carry_the_headline_the_chart_and_the_source() {
        let (dataset, _) = crate::data::bundled();
        let fmt = crate::i18n::PlainFormatter(Lang::En);
        let model = CommitmentsModel::new(&dataset);
        let layout = ChartLayout::Commitments(CommitmentsLayout::new(
            &dataset,
            &model,
            CommitmentsOptions::default(),
            EXPORT_WIDTH_PX,
            &fmt,
        ));
        let caption = Caption {
            title: "Announced, committed, secured".into(),
            source: "Sources: five articles".into(),
        };
        let (w, h) = layout.export_size(&caption);
        assert_eq!(w, EXPORT_WIDTH_PX + 32.0);
        assert!(h > layout.size().1 + 60.0);
        let mut out = String::new();
        {
            let backend = SVGBackend::with_string(&mut out, (w as u32, h as u32));
            let area = backend.into_drawing_area();
            layout
                .draw_for_export(&area, &Theme::light(), &caption)
                .unwrap();
            area.present().unwrap();
        }
        let texts = svg::texts(&out);
        assert_eq!(
            texts.first().map(String::as_str),
            Some("Announced, committed, secured")
        );
        assert_eq!(
            texts.last().map(String::as_str),
            Some("Sources: five articles")
        );
        assert!(texts.iter().any(|t| t == "$500bn"));
    }

    #[test]
    fn chart_templates_keep_their_placeholders_in_every_language() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let templates: [(&str, &[&str]); 13] = [
                (s.chart_canvas_hint, &["{n}"]),
                (s.chart_no_period, &["{n}"]),
                (s.chart_secured_per, &["{n}"]),
                (s.chart_share_of_announced, &["{n}"]),
                (s.chart_per_year_note, &["{n}"]),
                (s.chart_n_initiatives, &["{n}"]),
                (s.chart_matrix_cell, &["{n}"]),
                (s.chart_key_figures_summary, &["{n}"]),
                (s.chart_cumulative_total, &["{total}"]),
                (
                    s.chart_commitments_summary,
                    &["{count}", "{groups}", "{min}", "{max}"],
                ),
                (
                    s.chart_commitments_gap,
                    &["{initiative}", "{announced}", "{parts}"],
                ),
                (
                    s.chart_cumulative_summary,
                    &["{total}", "{first}", "{last}", "{added}"],
                ),
                (
                    s.chart_matrix_summary,
                    &["{actors}", "{initiatives}", "{top}", "{top_count}"],
                ),
            ];
            for (template, names) in templates {
                for name in names {
                    assert!(
                        template.contains(name),
                        "{lang:?}: {name} missing from {template:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn named_placeholders_are_filled() {
        assert_eq!(
            fill_named("{a} of {b}", &[("a", "2 %"), ("b", "500 Md$")]),
            "2 % of 500 Md$"
        );
    }
}
