//! The data tables that stand in for the canvas charts (shown on demand
//! and read by screen readers): the same figures, formatted for reading.

use super::commitments::CommitmentsModel;
use super::cumulative::CumulativeModel;
use super::{kind_name, short_initiative_label, source_citation};
use crate::data::{Dataset, DateKind};
use crate::i18n::{fill, Formatter};

/// A table: caption, column headers and rows of text cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableData {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The first cell is the row header.
    pub cells: Vec<String>,
    /// The event the row belongs to (highlighted when selected).
    pub event_idx: usize,
    /// The source quote, shown under the row's source.
    pub quote: Option<String>,
}

fn date_text(dataset: &Dataset, event_idx: usize, fmt: &dyn Formatter) -> String {
    let strings = fmt.lang().strings();
    match dataset.events.get(event_idx) {
        Some(event) if event.date_kind == DateKind::Reported => {
            format!("{} ({})", fmt.date(&event.date), strings.date_reported)
        }
        Some(event) => fmt.date(&event.date),
        None => String::new(),
    }
}

/// Every bar of the commitments chart, in its order.
pub fn commitments_table(
    dataset: &Dataset,
    model: &CommitmentsModel,
    fmt: &dyn Formatter,
) -> TableData {
    let lang = fmt.lang();
    let strings = lang.strings();
    let headers = [
        strings.chart_col_initiative,
        strings.chart_col_kind,
        strings.chart_col_amount,
        strings.chart_col_period,
        strings.chart_col_per_year,
        strings.chart_col_date,
        strings.chart_col_source,
    ];
    let rows = model
        .bars
        .iter()
        .map(|bar| {
            let figure = &dataset.figures[bar.figure_idx];
            let amount = fmt.amount(bar.amount_usd);
            let amount = crate::present::qualified(&amount, bar.qualifier, lang);
            let period = match bar.period_years {
                Some(1.0) => strings.period_one_year.to_string(),
                Some(years) => fill(strings.period_years, fmt.number(years, 1)),
                None => strings.chart_period_unknown.to_string(),
            };
            let per_year = bar
                .per_year_usd()
                .map(|v| fmt.amount_per_year(v))
                .unwrap_or_else(|| "—".to_string());
            let source = figure.sources.first();
            TableRow {
                cells: vec![
                    short_initiative_label(dataset, bar.initiative_idx, lang),
                    kind_name(bar.kind, strings).to_string(),
                    amount,
                    period,
                    per_year,
                    date_text(dataset, bar.event_idx, fmt),
                    source
                        .map(|s| source_citation(dataset, s))
                        .unwrap_or_default(),
                ],
                event_idx: bar.event_idx,
                quote: source.and_then(|s| s.quote.clone()),
            }
        })
        .collect();
    TableData {
        caption: strings.chart_commitments_heading.to_string(),
        headers: headers.map(str::to_string).to_vec(),
        rows,
    }
}

/// Every step of the cumulative chart, in date order.
pub fn cumulative_table(
    dataset: &Dataset,
    model: &CumulativeModel,
    fmt: &dyn Formatter,
) -> TableData {
    let lang = fmt.lang();
    let strings = lang.strings();
    let headers = [
        strings.chart_col_date,
        strings.chart_col_initiative,
        strings.chart_col_kind,
        strings.chart_col_amount,
        strings.chart_col_running_total,
        strings.chart_col_source,
    ];
    let rows = model
        .steps
        .iter()
        .map(|step| {
            let figure = &dataset.figures[step.figure_idx];
            let amount = fmt.amount(step.amount_usd);
            let amount = crate::present::qualified(&amount, step.qualifier, lang);
            let source = figure.sources.first();
            TableRow {
                cells: vec![
                    date_text(dataset, step.event_idx, fmt),
                    short_initiative_label(dataset, step.initiative_idx, lang),
                    kind_name(step.kind, strings).to_string(),
                    amount,
                    fmt.amount(step.total_usd),
                    source
                        .map(|s| source_citation(dataset, s))
                        .unwrap_or_default(),
                ],
                event_idx: step.event_idx,
                quote: source.and_then(|s| s.quote.clone()),
            }
        })
        .collect();
    TableData {
        caption: strings.chart_cumulative_heading.to_string(),
        headers: headers.map(str::to_string).to_vec(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::i18n::{Lang, PlainFormatter};

    #[test]
    fn tables_have_a_row_per_mark_and_a_cell_per_header() {
        let (dataset, _) = data::bundled();
        let fmt = PlainFormatter(Lang::En);
        let commitments = CommitmentsModel::new(&dataset);
        let table = commitments_table(&dataset, &commitments, &fmt);
        assert_eq!(table.rows.len(), commitments.bars.len());
        assert!(table
            .rows
            .iter()
            .all(|r| r.cells.len() == table.headers.len()));
        let stargate = table.rows.iter().find(|r| r.cells[2] == "$500bn").unwrap();
        assert_eq!(stargate.cells[3], "over 4 years");
        assert_eq!(stargate.cells[4], "$125bn/yr");
        assert!(stargate.quote.is_some());
        let cumulative = CumulativeModel::new(&dataset);
        let table = cumulative_table(&dataset, &cumulative, &fmt);
        assert_eq!(table.rows.len(), cumulative.steps.len());
        assert_eq!(table.rows.last().unwrap().cells[4], "$1,475bn");
    }
}
