//! Key figures: the numbers that are not dollars (gigawatts, homes,
//! laboratories, agencies, deadlines...), shown as cards with their source.

use crate::data::Dataset;
use crate::i18n::{fill, Formatter};
use crate::present::{self, Citation, FigureLines};

/// The non-monetary figures in timeline order (ties keep file order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyFigures {
    /// Indices into `Dataset::figures`.
    pub figure_idxs: Vec<usize>,
}

impl KeyFigures {
    pub fn new(dataset: &Dataset) -> KeyFigures {
        let keys = (0..dataset.figures.len())
            .filter(|&i| !dataset.figures[i].unit.is_money())
            .map(|i| (dataset.figures[i].event_idx as i64, 0, 0, i))
            .collect();
        KeyFigures {
            figure_idxs: super::order(keys),
        }
    }
}

/// One card, as the presentation layer words it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub lines: FigureLines,
    /// Kind and date: "capacité · 24 novembre 2025 (date du fait principal…)".
    pub meta: String,
    pub citations: Vec<Citation>,
}

/// The card of figure `figure_idx`.
pub fn card(dataset: &Dataset, figure_idx: usize, fmt: &dyn Formatter) -> Card {
    let lines = present::figure_lines(dataset, figure_idx, fmt);
    let figure = dataset.figures.get(figure_idx);
    let mut meta = vec![lines.facts()];
    if let Some(event) = figure.and_then(|f| dataset.events.get(f.event_idx)) {
        meta.push(present::date_line(dataset, event, fmt).short());
    }
    let citations = figure
        .map(|f| {
            f.sources
                .iter()
                .map(|source| present::citation(dataset, source, fmt))
                .collect()
        })
        .unwrap_or_default();
    Card {
        lines,
        meta: meta.join(" · "),
        citations,
    }
}

/// The cards in words.
pub fn summary(figures: &KeyFigures, fmt: &dyn Formatter) -> String {
    let strings = fmt.lang().strings();
    if figures.figure_idxs.is_empty() {
        return strings.chart_empty.to_string();
    }
    fill(
        strings.chart_key_figures_summary,
        present::count(figures.figure_idxs.len(), fmt),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    #[test]
    fn every_non_dollar_figure_is_a_card_in_timeline_order() {
        let (dataset, _) = data::bundled();
        let cards = KeyFigures::new(&dataset);
        let n = dataset
            .figures
            .iter()
            .filter(|f| !f.unit.is_money())
            .count();
        assert_eq!(cards.figure_idxs.len(), n);
        let events: Vec<usize> = cards
            .figure_idxs
            .iter()
            .map(|&i| dataset.figures[i].event_idx)
            .collect();
        assert!(events.windows(2).all(|w| w[0] <= w[1]));
        let ids: Vec<&str> = cards
            .figure_idxs
            .iter()
            .map(|&i| dataset.figures[i].id.as_str())
            .collect();
        for expected in [
            "aws-capacity-1-3gw",
            "aws-homes-750k",
            "national-labs-17",
            "federal-agencies-11000",
        ] {
            assert!(ids.contains(&expected), "{expected}");
        }
        assert!(cards
            .figure_idxs
            .iter()
            .all(|&i| !dataset.figures[i].sources.is_empty()));
    }
}
