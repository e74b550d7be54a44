//! Tooltip contents (built with the layout, so the canvas component only
//! shows them) and where a tooltip goes next to its mark. Every line comes
//! from the presentation layer (`present`).

use crate::data::Dataset;
use crate::i18n::Formatter;
use crate::present::{self, join_notes, labelled, Quoted};

/// What a tooltip says about one mark.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tooltip {
    pub title: String,
    /// (name, value) lines: amount, exact amount, kind, period, date...
    pub rows: Vec<(String, String)>,
    /// The reservations: "selon l’article", a doubt, an overlap.
    pub notes: Vec<String>,
    pub source: Option<TooltipSource>,
}

/// The first source of the figure: the article (or publisher) and the
/// quote, shortened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TooltipSource {
    /// "Title (date)" or the publisher.
    pub citation: String,
    pub quote: Option<Quoted>,
}

impl Tooltip {
    /// The whole tooltip as one sentence, for the live region that
    /// announces the active mark to screen readers: the language's
    /// separators.
    pub fn as_sentence(&self, lang: crate::i18n::Lang) -> String {
        let mut parts = vec![self.title.clone()];
        parts.extend(
            self.rows
                .iter()
                .map(|(name, value)| labelled(name, value, lang)),
        );
        parts.extend(self.notes.iter().cloned());
        if let Some(source) = &self.source {
            parts.push(source.citation.clone());
        }
        join_notes(&parts, lang)
    }
}

/// The longest quote a tooltip shows; the data table and the detail panel
/// have the whole quote.
const MAX_QUOTE_CHARS: usize = 170;

/// The tooltip of a figure: value, every digit, kind, period, date, who
/// states and who commits it, its reservations and its source. `extra`
/// rows (a running total...) come after the amount rows.
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
    let lines = present::figure_lines(dataset, figure_idx, fmt);
    let mut rows = vec![(strings.chart_tt_amount.to_string(), lines.value.clone())];
    if figure.unit.is_money() {
        rows.push((
            strings.chart_tt_exact.to_string(),
            present::exact_amount(figure.value, figure.qualifier, fmt),
        ));
    }
    rows.push((strings.chart_tt_kind.to_string(), lines.kind.to_string()));
    if figure.unit.is_money() {
        rows.push((
            strings.chart_tt_period.to_string(),
            lines
                .period
                .clone()
                .unwrap_or_else(|| strings.chart_period_unknown.to_string()),
        ));
        if let Some(per_year) = &lines.per_year {
            rows.push((strings.chart_tt_per_year.to_string(), per_year.clone()));
        }
    }
    rows.extend(extra);
    if let Some(event) = dataset.events.get(figure.event_idx) {
        rows.push((
            strings.chart_tt_date.to_string(),
            present::date_line(dataset, event, fmt).short(),
        ));
    }
    rows.extend(
        lines
            .attribution(lang)
            .into_iter()
            .map(|(label, names)| (label.to_string(), names)),
    );
    let source = figure.sources.first().map(|source| {
        let cited = present::citation(dataset, source, fmt);
        TooltipSource {
            citation: cited.reference(),
            quote: cited.quote().map(|quoted| Quoted {
                text: shorten_quote(&quoted.text),
                ..quoted.clone()
            }),
        }
    });
    Tooltip {
        title: lines.label,
        rows,
        notes: lines.notes,
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
        let text = tooltip.as_sentence(Lang::En);
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
    fn a_ceiling_reads_up_to_with_its_date_kind_and_who_commits_it() {
        let (dataset, _) = data::bundled();
        let idx = dataset
            .figures
            .iter()
            .position(|f| f.id == "aws-government-50bn")
            .unwrap();
        let fmt = PlainFormatter(Lang::En);
        let tooltip = figure_tooltip(&dataset, idx, &fmt, Vec::new());
        assert_eq!(tooltip.rows[0].1, "up to $50bn");
        assert_eq!(tooltip.rows[1].1, "up to $50,000,000,000");
        let event = &dataset.events[dataset.figures[idx].event_idx];
        let date = crate::present::date_line(&dataset, event, &fmt).short();
        assert!(
            tooltip.rows.iter().any(|(_, v)| *v == date),
            "{:?}",
            tooltip.rows
        );
        assert!(tooltip
            .rows
            .iter()
            .any(|(n, v)| n == "Committed by" && v.contains("Amazon Web Services")));
        let sentence = tooltip.as_sentence(Lang::En);
        assert!(
            !sentence.contains(" ; ") && !sentence.contains('≈'),
            "{sentence}"
        );
        let french = figure_tooltip(&dataset, idx, &PlainFormatter(Lang::Fr), Vec::new());
        assert_eq!(french.rows[0].1, "jusqu’à 50\u{a0}Md$");
        assert!(french.as_sentence(Lang::Fr).contains("\u{202f}; "));
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
