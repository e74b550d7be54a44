//! Tooltip contents (built with the layout, so the canvas component only
//! shows them) and where a tooltip goes next to its mark.

use super::{kind_name, source_citation};
use crate::data::{Dataset, DateKind};
use crate::i18n::{fill, Formatter};

/// What a tooltip says about one mark.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tooltip {
    pub title: String,
    /// (name, value) lines: amount, exact amount, kind, period, date...
    pub rows: Vec<(String, String)>,
    pub source: Option<TooltipSource>,
}

/// The first source of the figure: the article (or publisher) and the
/// quote, shortened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TooltipSource {
    pub citation: String,
    pub quote: Option<String>,
}

impl Tooltip {
    /// The whole tooltip as one sentence, for the live region that
    /// announces the active mark to screen readers.
    pub fn as_sentence(&self) -> String {
        let mut parts = vec![self.title.clone()];
        parts.extend(
            self.rows
                .iter()
                .map(|(name, value)| format!("{name} {value}")),
        );
        if let Some(source) = &self.source {
            parts.push(source.citation.clone());
        }
        parts.join(" ; ")
    }
}

/// The longest quote a tooltip shows; the data table and the detail panel
/// have the whole quote.
const MAX_QUOTE_CHARS: usize = 170;

/// The tooltip of a dollar figure: exact amount, kind, period, date and
/// source. `extra` rows (a running total...) come after the amount rows.
pub fn figure_tooltip(
    dataset: &Dataset,
    figure_idx: usize,
    fmt: &dyn Formatter,
    extra: Vec<(String, String)>,
) -> Tooltip {
    let lang = fmt.lang();
    let strings = lang.strings();
    let Some(figure) = dataset.figures.get(figure_idx) else {
        return Tooltip::default();
    };
    let event = dataset.events.get(figure.event_idx);
    let mut rows = Vec::new();
    let value = fmt.figure(figure);
    let value = crate::present::qualified(&value, figure.qualifier, lang);
    rows.push((strings.chart_tt_amount.to_string(), value));
    if figure.unit.is_money() {
        rows.push((
            strings.chart_tt_exact.to_string(),
            fmt.exact_amount(figure.value),
        ));
    }
    rows.push((
        strings.chart_tt_kind.to_string(),
        kind_name(figure.kind, strings).to_string(),
    ));
    if figure.unit.is_money() {
        match figure.period {
            Some(period) if period.years > 0.0 => {
                let text = if period.years == 1.0 {
                    strings.period_one_year.to_string()
                } else {
                    fill(strings.period_years, fmt.number(period.years, 1))
                };
                rows.push((strings.chart_tt_period.to_string(), text));
                rows.push((
                    strings.chart_tt_per_year.to_string(),
                    fmt.amount_per_year(figure.value / period.years),
                ));
            }
            _ => rows.push((
                strings.chart_tt_period.to_string(),
                strings.chart_period_unknown.to_string(),
            )),
        }
    }
    rows.extend(extra);
    if let Some(event) = event {
        let mut date = fmt.date(&event.date);
        if event.date_kind == DateKind::Reported {
            date = format!("{date} ({})", strings.date_reported);
        }
        rows.push((strings.chart_tt_date.to_string(), date));
    }
    let names: Vec<String> = figure
        .committed_by
        .iter()
        .map(|id| dataset.actor_name(id, lang).to_string())
        .collect();
    if !names.is_empty() {
        rows.push((strings.chart_tt_by.to_string(), names.join(", ")));
    }
    let source = figure.sources.first().map(|source| TooltipSource {
        citation: source_citation(dataset, source),
        quote: source.quote.as_deref().map(shorten_quote),
    });
    Tooltip {
        title: lang.pick(&figure.label).to_string(),
        rows,
        source,
    }
}

/// A quote cut at a word boundary with "…" when it is long.
pub fn shorten_quote(quote: &str) -> String {
    if quote.chars().count() <= MAX_QUOTE_CHARS {
        return quote.to_string();
    }
    let cut: String = quote.chars().take(MAX_QUOTE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MAX_QUOTE_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

/// Which side of its mark a tooltip sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooltipSide {
    /// To the right, vertically centred on the mark (CSS moves it up by
    /// half its height).
    Right,
    /// Above: `top` is its bottom edge (CSS moves it up by its height).
    Above,
    /// Below: `top` is its top edge.
    Below,
}

impl TooltipSide {
    /// The CSS class that does the moving.
    pub fn class(self) -> &'static str {
        match self {
            TooltipSide::Right => "chart-tooltip right",
            TooltipSide::Above => "chart-tooltip above",
            TooltipSide::Below => "chart-tooltip below",
        }
    }
}

/// Where a tooltip goes, in CSS pixels of the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipPlacement {
    pub left: f64,
    pub top: f64,
    pub side: TooltipSide,
    /// The tooltip's width.
    pub width: f64,
}

/// The tooltip's width in a chart `chart_width` wide.
pub fn tooltip_width(chart_width: f64) -> f64 {
    (chart_width - 16.0).clamp(120.0, 300.0)
}

/// Places a tooltip beside `anchor`, inside the chart's width: to its
/// right when there is room, so the marks to the left stay in view;
/// otherwise centred on it, above when `min_room_above` pixels are free
/// above the anchor, else below.
pub fn place_tooltip(
    anchor: (f64, f64),
    chart_width: f64,
    min_room_above: f64,
) -> TooltipPlacement {
    let width = tooltip_width(chart_width);
    if anchor.0 + 14.0 + width <= chart_width - 4.0 {
        return TooltipPlacement {
            left: anchor.0 + 14.0,
            top: anchor.1,
            side: TooltipSide::Right,
            width,
        };
    }
    let left = (anchor.0 - width / 2.0).clamp(
        8.0_f64.min(chart_width - width),
        (chart_width - width - 8.0).max(0.0),
    );
    let (top, side) = if anchor.1 >= min_room_above {
        (anchor.1 - 14.0, TooltipSide::Above)
    } else {
        (anchor.1 + 16.0, TooltipSide::Below)
    };
    TooltipPlacement {
        left,
        top,
        side,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::i18n::{Lang, PlainFormatter};

    #[test]
    fn the_stargate_tooltip_gives_amount_exact_value_kind_period_date_and_source() {
        let (dataset, _) = data::bundled();
        let idx = dataset
            .figures
            .iter()
            .position(|f| f.id == "stargate-500bn")
            .unwrap();
        let tooltip = figure_tooltip(&dataset, idx, &PlainFormatter(Lang::En), Vec::new());
        let text = tooltip.as_sentence();
        for expected in [
            "$500bn",
            "$500,000,000,000",
            "announced",
            "over 4 years",
            "$125bn/yr",
            "January 21, 2025",
        ] {
            assert!(text.contains(expected), "{expected} missing from {text}");
        }
        let source = tooltip.source.unwrap();
        assert!(!source.citation.is_empty());
        assert!(source.quote.is_some());
    }

    #[test]
    fn a_figure_without_a_period_says_so() {
        let (dataset, _) = data::bundled();
        let idx = dataset
            .figures
            .iter()
            .position(|f| f.id == "stargate-first-100bn")
            .unwrap();
        let tooltip = figure_tooltip(&dataset, idx, &PlainFormatter(Lang::Fr), Vec::new());
        assert!(tooltip
            .rows
            .iter()
            .any(|(_, v)| v == Lang::Fr.strings().chart_period_unknown));
        assert!(!tooltip
            .rows
            .iter()
            .any(|(n, _)| n == Lang::Fr.strings().chart_tt_per_year));
    }

    #[test]
    fn long_quotes_are_shortened_at_a_word() {
        let quote = "mot ".repeat(80);
        let short = shorten_quote(&quote);
        assert!(short.ends_with('…'));
        assert!(short.chars().count() <= MAX_QUOTE_CHARS + 1);
        assert_eq!(shorten_quote("court"), "court");
    }

    #[test]
    fn tooltips_stay_inside_the_chart() {
        for width in [320.0, 375.0, 1280.0] {
            for x in [0.0, width / 2.0, width] {
                let placed = place_tooltip((x, 200.0), width, 120.0);
                assert!(
                    placed.left >= 0.0 && placed.left + placed.width <= width,
                    "{width} {x}: {placed:?}"
                );
            }
        }
        assert_eq!(
            place_tooltip((10.0, 200.0), 1000.0, 120.0).side,
            TooltipSide::Right
        );
        assert_eq!(
            place_tooltip((900.0, 200.0), 1000.0, 120.0).side,
            TooltipSide::Above
        );
        assert_eq!(
            place_tooltip((900.0, 40.0), 1000.0, 120.0).side,
            TooltipSide::Below
        );
        assert_eq!(
            place_tooltip((10.0, 200.0), 320.0, 120.0).side,
            TooltipSide::Above,
            "no room beside on a phone"
        );
    }
}
