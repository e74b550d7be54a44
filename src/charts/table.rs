//! The data tables that stand in for the canvas charts (shown on demand
//! and read by screen readers): the same figures, each cell worded by the
//! presentation layer's column definitions (`present::columns`), which the
//! CSV and JSON exports share.

use super::commitments::CommitmentsModel;
use super::cumulative::CumulativeModel;
use crate::data::Dataset;
use crate::i18n::Formatter;
use crate::present::columns::first_citation;
use crate::present::{Column, Quoted, Row};

/// A table: caption, column headers and rows of text cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableData {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    /// The column that cites the source (shown as a citation, with the
    /// quote under it).
    pub source_column: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The first cell is the row header.
    pub cells: Vec<String>,
    /// The event the row belongs to (highlighted when selected).
    pub event_idx: usize,
    /// The first source's quote, shown under the row's source.
    pub quote: Option<Quoted>,
}

/// The columns of the commitments table.
pub const COMMITMENTS_COLUMNS: [Column; 8] = [
    Column::Initiative,
    Column::Kind,
    Column::Amount,
    Column::Period,
    Column::PerYear,
    Column::Date,
    Column::Precisions,
    Column::Sources,
];

/// The columns of the cumulative table.
pub const CUMULATIVE_COLUMNS: [Column; 8] = [
    Column::Date,
    Column::Initiative,
    Column::Kind,
    Column::Amount,
    Column::RunningTotal,
    Column::Added,
    Column::Precisions,
    Column::Sources,
];

/// A table of figure rows in the given columns.
pub fn figure_table(
    caption: &str,
    columns: &[Column],
    rows: &[Row],
    fmt: &dyn Formatter,
) -> TableData {
    let lang = fmt.lang();
    TableData {
        caption: caption.to_string(),
        headers: columns.iter().map(|c| c.header(lang).to_string()).collect(),
        rows: rows
            .iter()
            .map(|row| TableRow {
                cells: columns.iter().map(|c| c.text(row, fmt)).collect(),
                event_idx: row
                    .dataset
                    .figures
                    .get(row.figure_idx)
                    .map_or(0, |f| f.event_idx),
                quote: first_citation(row, fmt).and_then(|c| c.quote().cloned()),
            })
            .collect(),
        source_column: columns.iter().position(|c| *c == Column::Sources),
    }
}

/// Every bar of the commitments chart, in its order.
pub fn commitments_table(
    dataset: &Dataset,
    model: &CommitmentsModel,
    fmt: &dyn Formatter,
) -> TableData {
    let rows: Vec<Row> = model
        .bars
        .iter()
        .map(|bar| Row::new(dataset, bar.figure_idx))
        .collect();
    figure_table(
        fmt.lang().strings().chart_commitments_heading,
        &COMMITMENTS_COLUMNS,
        &rows,
        fmt,
    )
}

/// Every step of the cumulative chart in date order, then every amount it
/// does not add, with why.
pub fn cumulative_table(
    dataset: &Dataset,
    model: &CumulativeModel,
    fmt: &dyn Formatter,
) -> TableData {
    let reasons = model.reason_texts(dataset, fmt);
    let rows = model.rows(dataset, &reasons);
    figure_table(
        fmt.lang().strings().chart_cumulative_heading,
        &CUMULATIVE_COLUMNS,
        &rows,
        fmt,
    )
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
        let figure = dataset
            .figures
            .iter()
            .find(|f| f.id == "stargate-500bn")
            .unwrap();
        let value = crate::present::figure_value(figure, &fmt);
        assert!(value.ends_with("$500bn"), "{value}");
        let stargate = table.rows.iter().find(|r| r.cells[2] == value).unwrap();
        assert_eq!(stargate.cells[3], "over 4 years");
        assert!(stargate.cells[4].ends_with("$125bn/yr"));
        assert!(stargate.quote.is_some());
        let cumulative = CumulativeModel::new(&dataset);
        let table = cumulative_table(&dataset, &cumulative, &fmt);
        assert_eq!(
            table.rows.len(),
            cumulative.steps.len() + cumulative.left_out.len()
        );
        // Stargate (at least $500bn) and AWS (up to $50bn): the last
        // running total is a sum of a floor and a ceiling, and says so.
        let last_step = cumulative.steps.len() - 1;
        assert_eq!(
            table.rows[last_step].cells[4],
            "$550bn (minimums and maximums mixed)"
        );
    }
}
