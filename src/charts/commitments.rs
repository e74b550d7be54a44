//! Commitments: every dollar figure as a horizontal bar, grouped by
//! initiative, so the gap between what was announced, the first tranche
//! and what is claimed as secured shows at a glance (Stargate: $500bn
//! announced, $100bn to start, $10bn secured according to Musk).
//!
//! Two toggles: total or per year (the amount divided by the period the
//! source gives; a figure without a period is marked "period not given",
//! never guessed) and a linear or logarithmic axis (amounts run from
//! $0.277bn to $600bn, three orders of magnitude).

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::*;

use super::tooltip::figure_tooltip;
use super::{
    draw_label, draw_label_colored, estimate_text_px, fill_named, fill_rect, kind_paint, order,
    outline_rect, truncate_to, whole, Align, AxisTick, DrawResult, Highlight, Label, Mark, Paint,
    Rect, Theme,
};
use crate::data::{Dataset, FigureKind, Qualifier};
use crate::i18n::{fill, Formatter};
use crate::present;
use crate::scale::linear::{log_domain, max_ticks_for, nice_domain};
use crate::scale::{LinearScale, LogScale, NumericScale};

/// One dollar figure.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentBar {
    pub figure_idx: usize,
    pub event_idx: usize,
    /// Index into `Dataset::initiatives`.
    pub initiative_idx: Option<usize>,
    pub kind: FigureKind,
    pub amount_usd: f64,
    pub qualifier: Qualifier,
    /// Length in years when the source gives it.
    pub period_years: Option<f64>,
}

impl CommitmentBar {
    /// The amount per year, only when the period is known.
    pub fn per_year_usd(&self) -> Option<f64> {
        self.period_years
            .filter(|years| *years > 0.0)
            .map(|years| self.amount_usd / years)
    }

    /// The value the bar shows in `mode` (`None`: no period to divide by).
    pub fn value(&self, mode: AmountMode) -> Option<f64> {
        match mode {
            AmountMode::Total => Some(self.amount_usd),
            AmountMode::PerYear => self.per_year_usd(),
        }
    }
}

/// The bars of one initiative, in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentGroup {
    pub initiative_idx: Option<usize>,
    /// Indices into [`CommitmentsModel::bars`].
    pub bar_idxs: Vec<usize>,
}

/// Every dollar figure of the dataset, grouped by initiative. Groups come
/// largest amount first; inside a group, the announced amount first, then
/// the first tranche and the claimed-secured amount, so the gap reads
/// top to bottom.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommitmentsModel {
    /// In display order: group after group.
    pub bars: Vec<CommitmentBar>,
    pub groups: Vec<CommitmentGroup>,
}

fn kind_rank(kind: FigureKind) -> usize {
    match kind {
        FigureKind::Announced => 0,
        FigureKind::PlannedSpending => 1,
        FigureKind::FirstTranche => 2,
        FigureKind::ClaimedSecured => 3,
        FigureKind::CampaignSpending => 4,
        _ => 5,
    }
}

impl CommitmentsModel {
    pub fn new(dataset: &Dataset) -> CommitmentsModel {
        let mut by_group: Vec<(Option<usize>, Vec<CommitmentBar>)> = Vec::new();
        for (figure_idx, figure) in dataset.figures.iter().enumerate() {
            if !(figure.unit.is_money() && figure.value.is_finite() && figure.value > 0.0) {
                continue;
            }
            let initiative_idx = figure
                .initiative
                .as_deref()
                .and_then(|id| dataset.initiatives.iter().position(|i| i.id == id));
            let bar = CommitmentBar {
                figure_idx,
                event_idx: figure.event_idx,
                initiative_idx,
                kind: figure.kind,
                amount_usd: figure.value,
                qualifier: figure.qualifier,
                period_years: figure
                    .period
                    .map(|p| p.years)
                    .filter(|y| y.is_finite() && *y > 0.0),
            };
            match by_group.iter_mut().find(|(g, _)| *g == initiative_idx) {
                Some((_, bars)) => bars.push(bar),
                None => by_group.push((initiative_idx, vec![bar])),
            }
        }
        let by_group: Vec<(Option<usize>, Vec<CommitmentBar>)> = by_group
            .into_iter()
            .map(|(initiative_idx, bars)| {
                let keys = bars
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (kind_rank(b.kind) as i64, -whole(b.amount_usd), 0, i))
                    .collect();
                let sorted = order(keys).into_iter().map(|i| bars[i].clone()).collect();
                (initiative_idx, sorted)
            })
            .collect();
        // Largest first; unattributed figures go last, whatever their size.
        let keys = by_group
            .iter()
            .enumerate()
            .map(|(i, (initiative_idx, bars))| {
                let largest = bars.iter().map(|b| b.amount_usd).fold(0.0, f64::max);
                (i64::from(initiative_idx.is_none()), -whole(largest), 0, i)
            })
            .collect();
        let by_group: Vec<_> = order(keys)
            .into_iter()
            .map(|i| by_group[i].clone())
            .collect();
        let mut model = CommitmentsModel::default();
        for (initiative_idx, bars) in by_group {
            let start = model.bars.len();
            model.bars.extend(bars);
            model.groups.push(CommitmentGroup {
                initiative_idx,
                bar_idxs: (start..model.bars.len()).collect(),
            });
        }
        model
    }

    /// Smallest and largest value shown in `mode`.
    pub fn extent(&self, mode: AmountMode) -> Option<(f64, f64)> {
        let values: Vec<f64> = self.bars.iter().filter_map(|b| b.value(mode)).collect();
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(0.0, f64::max);
        (!values.is_empty()).then_some((min, max))
    }

    /// The qualifier to write before `value`, an end of the range of the
    /// amounts (in total): the one that leaves the range open outwards
    /// ("moins de" at the low end, "au moins" at the high end), else
    /// "environ", else none, among the amounts of that value.
    pub fn extreme_qualifier(&self, value: f64, high: bool) -> Qualifier {
        let qualifiers: Vec<Qualifier> = self
            .bars
            .iter()
            .filter(|b| b.amount_usd == value)
            .map(|b| b.qualifier)
            .collect();
        let outwards = |q: &Qualifier| match q {
            Qualifier::AtLeast => high,
            Qualifier::LessThan | Qualifier::UpTo => !high,
            Qualifier::Exact | Qualifier::About => false,
        };
        qualifiers
            .iter()
            .copied()
            .find(outwards)
            .or_else(|| qualifiers.iter().copied().find(|q| *q == Qualifier::About))
            .unwrap_or(Qualifier::Exact)
    }

    /// The group's announced (or planned) amount a smaller part of it is
    /// measured against, in `mode`.
    fn reference(&self, group: &CommitmentGroup, mode: AmountMode) -> Option<f64> {
        group
            .bar_idxs
            .iter()
            .map(|&i| &self.bars[i])
            .filter(|b| matches!(b.kind, FigureKind::Announced | FigureKind::PlannedSpending))
            .filter_map(|b| b.value(mode))
            .reduce(f64::max)
    }
}

/// Total or per year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AmountMode {
    #[default]
    Total,
    PerYear,
}

/// Linear or logarithmic axis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ScaleKind {
    #[default]
    Linear,
    Log,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommitmentsOptions {
    pub mode: AmountMode,
    pub scale: ScaleKind,
}

/// One bar's row.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Index into [`CommitmentsModel::bars`].
    pub bar_idx: usize,
    pub event_idx: usize,
    /// The whole row: the hit area.
    pub band: Rect,
    /// The bar; `None` when the value is unknown in this mode.
    pub bar: Option<Rect>,
    /// The rest of the group's announced amount, drawn faintly behind a
    /// smaller part of it (the gap).
    pub ghost: Option<Rect>,
    pub paint: Paint,
    /// The kind ("announced", "first tranche"...).
    pub label: Label,
    /// The amount, beside or inside the bar, or "period not given".
    pub value: Label,
    pub value_inside: bool,
}

/// Everything the commitments chart draws, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentsLayout {
    pub width: f64,
    pub height: f64,
    pub options: CommitmentsOptions,
    /// Left and right ends of the bars' area.
    pub plot_x: (f64, f64),
    /// Top and bottom of the gridlines.
    pub plot_y: (f64, f64),
    /// Where bars start (zero, or the start of the log axis).
    pub baseline_x: f64,
    pub scale: NumericScale,
    pub ticks: Vec<AxisTick>,
    /// Initiative names above their bars.
    pub headings: Vec<Label>,
    pub rows: Vec<BarRow>,
    /// One per row, in the same order.
    pub marks: Vec<Mark>,
    /// Under a group with more than [`MAX_ROWS_PER_GROUP`] amounts: how
    /// many more there are (they are in the table).
    pub notes: Vec<Label>,
}

/// The most amounts a group draws (its first ones: the announced amount,
/// then the largest); the others are counted in a note and listed in the
/// table. Thousands of bars would make a chart tens of thousands of
/// pixels tall that no reader scrolls through.
pub const MAX_ROWS_PER_GROUP: usize = 8;

/// Below this width labels sit above their bars instead of beside them.
pub const NARROW_PX: f64 = 560.0;
const AXIS_PX: f64 = 30.0;
const HEADING_PX: f64 = 28.0;
const ROW_WIDE_PX: f64 = 28.0;
const ROW_NARROW_PX: f64 = 40.0;
const BAR_PX: f64 = 16.0;
const BOTTOM_PX: f64 = 8.0;
const RIGHT_PX: f64 = 10.0;
const LABEL_FONT_PX: f64 = 12.5;
const HEADING_FONT_PX: f64 = 13.5;
const TICK_FONT_PX: f64 = 12.0;
const TICK_SPACING_PX: f64 = 84.0;

impl CommitmentsLayout {
    /// Lays the chart out `width` CSS pixels wide.
    pub fn new(
        dataset: &Dataset,
        model: &CommitmentsModel,
        options: CommitmentsOptions,
        width: f64,
        fmt: &dyn Formatter,
    ) -> CommitmentsLayout {
        let lang = fmt.lang();
        let strings = lang.strings();
        let width = width.max(200.0);
        let narrow = width < NARROW_PX;
        let row_px = if narrow { ROW_NARROW_PX } else { ROW_WIDE_PX };

        let row_labels: Vec<String> = model
            .bars
            .iter()
            .map(|bar| row_label(dataset, bar, fmt))
            .collect();
        let label_col = if narrow {
            0.0
        } else {
            let widest = row_labels
                .iter()
                .map(|t| estimate_text_px(t, LABEL_FONT_PX, false))
                .fold(0.0, f64::max);
            (widest + 28.0).clamp(110.0, width * 0.34)
        };
        let plot_x = (label_col, width - RIGHT_PX);

        let (lo, hi) = model.extent(options.mode).unwrap_or((1e9, 1e10));
        let max_ticks = max_ticks_for(plot_x.1 - plot_x.0, TICK_SPACING_PX);
        let scale = match options.scale {
            ScaleKind::Linear => {
                NumericScale::Linear(LinearScale::new(nice_domain(0.0, hi, max_ticks), plot_x))
            }
            ScaleKind::Log => NumericScale::Log(LogScale::new(log_domain(lo, hi), plot_x)),
        };
        let baseline_x = scale.baseline_px();

        let ticks = scale
            .ticks(max_ticks)
            .into_iter()
            .map(|value| {
                let pos = scale.to_px(value);
                let text = present::axis_amount(value, fmt);
                let half = estimate_text_px(&text, TICK_FONT_PX, false) / 2.0;
                let align = if pos - half < 0.0 {
                    Align::Left
                } else if pos + half > width {
                    Align::Right
                } else {
                    Align::Center
                };
                AxisTick {
                    pos,
                    label: Label::new(text, pos, 11.0, align, TICK_FONT_PX, Paint::Muted),
                }
            })
            .collect();

        let mut headings = Vec::new();
        let mut rows = Vec::new();
        let mut marks = Vec::new();
        let mut notes = Vec::new();
        let mut y = AXIS_PX;
        for group in &model.groups {
            let name = present::initiative_label(dataset, group.initiative_idx, lang);
            headings.push(
                Label::new(
                    truncate_to(&name, HEADING_FONT_PX, true, width - 4.0),
                    0.0,
                    y + HEADING_PX * 0.55,
                    Align::Left,
                    HEADING_FONT_PX,
                    Paint::Text,
                )
                .bold(),
            );
            y += HEADING_PX;
            let reference = model.reference(group, options.mode);
            for &bar_idx in group.bar_idxs.iter().take(MAX_ROWS_PER_GROUP) {
                let bar = &model.bars[bar_idx];
                let band = Rect::new(0.0, y, width, y + row_px);
                let (label, bar_y) = if narrow {
                    let label = Label::new(
                        truncate_to(&row_labels[bar_idx], LABEL_FONT_PX, false, width),
                        plot_x.0,
                        y + 9.0,
                        Align::Left,
                        LABEL_FONT_PX,
                        Paint::Muted,
                    );
                    (label, y + 18.0)
                } else {
                    let label = Label::new(
                        truncate_to(&row_labels[bar_idx], LABEL_FONT_PX, false, label_col - 22.0),
                        12.0,
                        y + row_px / 2.0,
                        Align::Left,
                        LABEL_FONT_PX,
                        Paint::Muted,
                    );
                    (label, y + (row_px - BAR_PX) / 2.0)
                };
                let value = bar.value(options.mode);
                let bar_rect = value.map(|v| {
                    let end = scale.to_px(v).max(baseline_x + 1.0);
                    Rect::new(baseline_x, bar_y, end, bar_y + BAR_PX)
                });
                let ghost = match (bar_rect, reference) {
                    (Some(rect), Some(reference))
                        if matches!(
                            bar.kind,
                            FigureKind::FirstTranche | FigureKind::ClaimedSecured
                        ) && scale.to_px(reference) > rect.x1 + 1.0 =>
                    {
                        Some(Rect::new(rect.x1, rect.y0, scale.to_px(reference), rect.y1))
                    }
                    _ => None,
                };
                let (value_label, value_inside) = match (value, bar_rect) {
                    (Some(v), Some(rect)) => {
                        let texts = value_texts(bar, v, options.mode, reference, fmt);
                        place_value(&texts, &rect, width)
                    }
                    _ => {
                        let text = present::no_period_amount(bar.amount_usd, bar.qualifier, fmt);
                        let label = Label::new(
                            truncate_to(&text, LABEL_FONT_PX, false, plot_x.1 - plot_x.0 - 6.0),
                            baseline_x + 6.0,
                            bar_y + BAR_PX / 2.0,
                            Align::Left,
                            LABEL_FONT_PX,
                            Paint::Muted,
                        )
                        .italic();
                        (label, false)
                    }
                };
                let anchor_x = bar_rect
                    .map(|r| r.x1)
                    .unwrap_or(baseline_x + 6.0)
                    .min(width - 8.0);
                marks.push(Mark {
                    event_idx: bar.event_idx,
                    figure_idx: Some(bar.figure_idx),
                    hit: band,
                    anchor: (anchor_x, bar_y + BAR_PX / 2.0),
                    tooltip: figure_tooltip(dataset, bar.figure_idx, fmt, Vec::new()),
                });
                rows.push(BarRow {
                    bar_idx,
                    event_idx: bar.event_idx,
                    band,
                    bar: bar_rect,
                    ghost,
                    paint: kind_paint(bar.kind),
                    label,
                    value: value_label,
                    value_inside,
                });
                y += row_px;
            }
            let n_more = group.bar_idxs.len().saturating_sub(MAX_ROWS_PER_GROUP);
            if n_more > 0 {
                let text = fill(strings.chart_more_amounts, n_more);
                notes.push(
                    Label::new(
                        truncate_to(&text, LABEL_FONT_PX, false, width - 16.0),
                        12.0,
                        y + row_px / 2.0,
                        Align::Left,
                        LABEL_FONT_PX,
                        Paint::Muted,
                    )
                    .italic(),
                );
                y += row_px;
            }
        }
        let height = (y + BOTTOM_PX).ceil();
        CommitmentsLayout {
            width,
            height,
            options,
            plot_x,
            plot_y: (AXIS_PX - 6.0, y),
            baseline_x,
            scale,
            ticks,
            headings,
            rows,
            marks,
            notes,
        }
    }
}

/// A row's name: the kind, and for a claimed-secured amount who claims it
/// ("secured, per Elon Musk": who states it; older files name them in
/// `committed_by`).
fn row_label(dataset: &Dataset, bar: &CommitmentBar, fmt: &dyn Formatter) -> String {
    let lang = fmt.lang();
    if bar.kind == FigureKind::ClaimedSecured {
        let figure = &dataset.figures[bar.figure_idx];
        let who = figure
            .stated_by
            .first()
            .or_else(|| figure.committed_by.first());
        if let Some(id) = who {
            return fill(
                lang.strings().chart_secured_per,
                dataset.actor_name(id, lang),
            );
        }
    }
    present::kind_label(bar.kind, lang).to_string()
}

/// The value label, longest first: "10 Md$ · 2 % de l’annonce", then
/// "10 Md$" alone; "jusqu’à 50 Md$" for a ceiling, "125 Md$/an" per
/// year.
fn value_texts(
    bar: &CommitmentBar,
    value: f64,
    mode: AmountMode,
    reference: Option<f64>,
    fmt: &dyn Formatter,
) -> Vec<String> {
    let strings = fmt.lang().strings();
    let amount = match mode {
        AmountMode::Total => present::amount(value, bar.qualifier, fmt),
        AmountMode::PerYear => present::amount_per_year(value, bar.qualifier, fmt),
    };
    match reference {
        Some(reference)
            if matches!(
                bar.kind,
                FigureKind::FirstTranche | FigureKind::ClaimedSecured
            ) && reference > value =>
        {
            let share = present::share_of(value, reference, fmt);
            vec![
                format!(
                    "{amount} · {}",
                    fill(strings.chart_share_of_announced, share)
                ),
                amount,
            ]
        }
        _ => vec![amount],
    }
}

/// The first text that fits beside the bar, else inside its end, else the
/// shortest text beside it.
fn place_value(texts: &[String], bar: &Rect, width: f64) -> (Label, bool) {
    let y = (bar.y0 + bar.y1) / 2.0;
    let outside = |text: &str| {
        Label::new(
            text,
            bar.x1 + 6.0,
            y,
            Align::Left,
            LABEL_FONT_PX,
            Paint::Text,
        )
        .bold()
    };
    for text in texts {
        let text_px = estimate_text_px(text, LABEL_FONT_PX, true);
        if bar.x1 + 6.0 + text_px <= width - 2.0 {
            return (outside(text), false);
        }
        if bar.width() >= text_px + 12.0 {
            return (
                Label::new(
                    text.as_str(),
                    bar.x1 - 6.0,
                    y,
                    Align::Right,
                    LABEL_FONT_PX,
                    Paint::Surface,
                )
                .bold(),
                true,
            );
        }
    }
    let shortest = texts.last().map(String::as_str).unwrap_or_default();
    (
        outside(&truncate_to(
            shortest,
            LABEL_FONT_PX,
            true,
            width - bar.x1 - 8.0,
        )),
        false,
    )
}

/// Draws the commitments chart: tick labels, gridlines, group headings,
/// bars (with the faint gap to the announced amount), row and value
/// labels, then the selection's outline and the keyboard's focus ring.
pub fn draw_commitments<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &CommitmentsLayout,
    theme: &Theme,
    highlight: Highlight,
) -> DrawResult<DB> {
    area.fill(&theme.color(Paint::Surface))?;
    for tick in &layout.ticks {
        draw_label(area, &tick.label, theme)?;
    }
    // Gridlines and the baseline run along the bars' rows only, so the
    // initiative names above each group stay clear.
    for row in &layout.rows {
        let (y0, y1) = (row.band.y0, row.band.y1);
        for tick in &layout.ticks {
            let x = tick.pos.floor();
            fill_rect(
                area,
                &Rect::new(x, y0, x + 1.0, y1),
                theme.color(Paint::Grid),
            )?;
        }
        let x = layout.baseline_x;
        fill_rect(
            area,
            &Rect::new(x, y0, x + 1.0, y1),
            theme.color(Paint::Text),
        )?;
    }
    let fade = highlight.fades_others(&layout.marks);
    for note in &layout.notes {
        draw_label(area, note, theme)?;
    }
    for heading in &layout.headings {
        let rule_y = heading.y - HEADING_PX * 0.55;
        let rule = Rect::new(0.0, rule_y, layout.width, rule_y + 1.0);
        fill_rect(area, &rule, theme.color(Paint::Rule))?;
        draw_label(area, heading, theme)?;
    }
    for row in &layout.rows {
        let selected = highlight.selected_event == Some(row.event_idx);
        let faded = fade && !selected;
        if let Some(ghost) = &row.ghost {
            fill_rect(area, ghost, theme.color(Paint::Grid))?;
            outline_rect(area, ghost, 1.0, theme.color(Paint::Rule))?;
        }
        if let Some(bar) = &row.bar {
            let color = if faded {
                theme.faded(row.paint)
            } else {
                theme.color(row.paint)
            };
            fill_rect(area, bar, color)?;
            if selected {
                outline_rect(area, &bar.inflate(3.0), 2.0, theme.color(Paint::Text))?;
            }
        }
        let mut label = row.label.clone();
        label.bold = selected;
        let muted = if faded {
            theme.faded(Paint::Muted)
        } else {
            theme.color(if selected { Paint::Text } else { Paint::Muted })
        };
        draw_label_colored(area, &label, theme, muted)?;
        let value_color = match (row.value_inside, faded) {
            (true, _) => theme.color(Paint::Surface),
            (false, true) => theme.faded(row.value.paint),
            (false, false) => theme.color(row.value.paint),
        };
        draw_label_colored(area, &row.value, theme, value_color)?;
        if selected && row.bar.is_none() {
            outline_rect(
                area,
                &row.value.bounds().inflate(3.0),
                2.0,
                theme.color(Paint::Text),
            )?;
        }
    }
    if let Some(active) = highlight.active_mark.and_then(|i| layout.marks.get(i)) {
        outline_rect(
            area,
            &active.hit.inflate(-1.0),
            2.0,
            theme.color(Paint::Focus),
        )?;
    }
    Ok(())
}

/// The chart in words: how many amounts, their range, and each gap
/// between an announced amount and the parts of it that were put on the
/// table or claimed as secured.
/// The parts of an announcement the summary names, at most (the chart's
/// accessible name stays a few sentences with thousands of amounts).
const MAX_SUMMARY_PARTS: usize = 3;

pub fn summary(
    dataset: &Dataset,
    model: &CommitmentsModel,
    options: CommitmentsOptions,
    fmt: &dyn Formatter,
) -> String {
    let lang = fmt.lang();
    let strings = lang.strings();
    let Some((min, max)) = model.extent(AmountMode::Total) else {
        return strings.chart_empty.to_string();
    };
    let count = present::count(model.bars.len(), fmt);
    let n_groups = present::count(model.groups.len(), fmt);
    let (min_text, max_text) = (
        present::amount(min, model.extreme_qualifier(min, false), fmt),
        present::amount(max, model.extreme_qualifier(max, true), fmt),
    );
    let mut sentences = vec![fill_named(
        strings.chart_commitments_summary,
        &[
            ("count", &count),
            ("groups", &n_groups),
            ("min", &min_text),
            ("max", &max_text),
        ],
    )];
    for group in &model.groups {
        let bars: Vec<&CommitmentBar> = group.bar_idxs.iter().map(|&i| &model.bars[i]).collect();
        let Some(announced) = bars.iter().find(|b| b.kind == FigureKind::Announced) else {
            continue;
        };
        let parts: Vec<String> = bars
            .iter()
            .filter(|b| {
                matches!(
                    b.kind,
                    FigureKind::FirstTranche | FigureKind::ClaimedSecured
                )
            })
            .take(MAX_SUMMARY_PARTS)
            .map(|b| {
                let share = present::share_of(b.amount_usd, announced.amount_usd, fmt);
                format!(
                    "{} {} ({share})",
                    present::amount(b.amount_usd, b.qualifier, fmt),
                    row_label(dataset, b, fmt)
                )
            })
            .collect();
        if parts.is_empty() {
            continue;
        }
        let name = present::initiative_label(dataset, group.initiative_idx, lang);
        let total = present::amount(announced.amount_usd, announced.qualifier, fmt);
        let parts = parts.join(", ");
        sentences.push(fill_named(
            strings.chart_commitments_gap,
            &[
                ("initiative", &name),
                ("announced", &total),
                ("parts", &parts),
            ],
        ));
    }
    if options.mode == AmountMode::PerYear {
        let n_unknown = present::count(
            model
                .bars
                .iter()
                .filter(|b| b.per_year_usd().is_none())
                .count(),
            fmt,
        );
        sentences.push(fill(strings.chart_per_year_note, n_unknown));
    }
    if options.scale == ScaleKind::Log {
        sentences.push(strings.chart_log_note.to_string());
    }
    sentences.join(" ")
}

/// The bar under a point, by index into the layout's rows and marks.
pub fn hit_test(layout: &CommitmentsLayout, x: f64, y: f64) -> Option<usize> {
    super::hit_test(&layout.marks, x, y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg;
    use crate::data;
    use crate::i18n::{Lang, PlainFormatter};

    /// One initiative with `n` dollar amounts, each on its own event.
    fn many_amounts(n: usize) -> Dataset {
        let amounts: Vec<f64> = (0..n).map(|i| 1e9 + i as f64).collect();
        crate::charts::test_data::with_amounts(&amounts, Some("big"))
    }

    #[test]
    fn a_group_draws_its_first_amounts_and_counts_the_others() {
        let fmt = PlainFormatter(Lang::En);
        let options = CommitmentsOptions::default();
        let small = many_amounts(MAX_ROWS_PER_GROUP);
        let small_layout =
            CommitmentsLayout::new(&small, &CommitmentsModel::new(&small), options, 900.0, &fmt);
        assert_eq!(small_layout.rows.len(), MAX_ROWS_PER_GROUP);
        assert!(small_layout.notes.is_empty());

        let n = 2_000;
        let dataset = many_amounts(n);
        let model = CommitmentsModel::new(&dataset);
        assert_eq!(
            model.bars.len(),
            n,
            "the model (and the table) keep every amount"
        );
        let layout = CommitmentsLayout::new(&dataset, &model, options, 900.0, &fmt);
        assert_eq!(layout.rows.len(), MAX_ROWS_PER_GROUP);
        assert_eq!(layout.marks.len(), MAX_ROWS_PER_GROUP);
        // The largest amounts come first.
        let first = model.bars[layout.rows[0].bar_idx].amount_usd;
        assert!(model.bars.iter().all(|bar| bar.amount_usd <= first));
        let notes: Vec<&str> = layout.notes.iter().map(|note| note.text.as_str()).collect();
        assert_eq!(
            notes,
            [format!(
                "+ {} more amounts, in “Show the data”",
                n - MAX_ROWS_PER_GROUP
            )]
        );
        // One more row for the note: as tall as a group of nine.
        assert_eq!(layout.height, small_layout.height + ROW_WIDE_PX);
        let svg = svg::render(
            &crate::charts::ChartLayout::Commitments(layout),
            Highlight::default(),
        );
        assert!(
            svg::texts(&svg)
                .iter()
                .any(|text| text.contains("more amounts")),
            "the note is drawn"
        );
        let summary = summary(&dataset, &model, options, &fmt);
        assert!(summary.len() < 600, "{} characters", summary.len());
    }

    fn setup() -> (Dataset, CommitmentsModel) {
        let (dataset, _) = data::bundled();
        let model = CommitmentsModel::new(&dataset);
        (dataset, model)
    }

    fn ids(dataset: &Dataset, model: &CommitmentsModel) -> Vec<String> {
        model
            .bars
            .iter()
            .map(|b| dataset.figures[b.figure_idx].id.clone())
            .collect()
    }

    #[test]
    fn every_dollar_figure_is_a_bar_grouped_by_initiative_largest_first() {
        let (dataset, model) = setup();
        let n_money = dataset.figures.iter().filter(|f| f.unit.is_money()).count();
        assert_eq!(model.bars.len(), n_money);
        let first_group = &model.groups[0];
        assert_eq!(
            dataset.initiatives[first_group.initiative_idx.unwrap()].id,
            "ai-acceleration-partnership"
        );
        let order = ids(&dataset, &model);
        let pos = |id: &str| order.iter().position(|x| x == id).unwrap();
        assert!(pos("stargate-500bn") < pos("stargate-first-100bn"));
        assert!(pos("stargate-first-100bn") < pos("softbank-secured-10bn"));
        assert_eq!(order.last().map(String::as_str), Some("musk-campaign-277m"));
    }

    #[test]
    fn per_year_divides_by_the_known_period_only() {
        let (dataset, model) = setup();
        let bar = |id: &str| {
            model
                .bars
                .iter()
                .find(|b| dataset.figures[b.figure_idx].id == id)
                .unwrap()
        };
        assert_eq!(
            bar("stargate-500bn").value(AmountMode::PerYear),
            Some(125e9)
        );
        assert_eq!(
            bar("factory-plan-200bn").value(AmountMode::PerYear),
            Some(40e9)
        );
        assert_eq!(
            bar("amazon-capex-125bn").value(AmountMode::PerYear),
            Some(125e9)
        );
        assert_eq!(
            bar("stargate-first-100bn").value(AmountMode::PerYear),
            None,
            "never guessed"
        );
        assert_eq!(
            bar("ai-acceleration-600bn").value(AmountMode::PerYear),
            None
        );
        assert_eq!(model.extent(AmountMode::Total), Some((277e6, 600e9)));
    }

    #[test]
    fn bars_are_placed_by_the_scale_and_found_where_they_are() {
        let (dataset, model) = setup();
        for width in [320.0, 375.0, 768.0, 1280.0, 1920.0] {
            for scale in [ScaleKind::Linear, ScaleKind::Log] {
                for mode in [AmountMode::Total, AmountMode::PerYear] {
                    let options = CommitmentsOptions { mode, scale };
                    let layout = CommitmentsLayout::new(
                        &dataset,
                        &model,
                        options,
                        width,
                        &PlainFormatter(Lang::Fr),
                    );
                    assert_eq!(layout.rows.len(), model.bars.len());
                    for (i, row) in layout.rows.iter().enumerate() {
                        let bar = &model.bars[row.bar_idx];
                        if let (Some(rect), Some(v)) = (row.bar, bar.value(mode)) {
                            assert!(
                                (rect.x1 - layout.scale.to_px(v).max(layout.baseline_x + 1.0))
                                    .abs()
                                    < 1e-9
                            );
                            assert!(rect.x1 <= width, "{width}: bar past the edge");
                            let (x, y) = ((rect.x0 + rect.x1) / 2.0, (rect.y0 + rect.y1) / 2.0);
                            assert_eq!(hit_test(&layout, x, y), Some(i));
                        }
                        assert!(row.band.height() >= 24.0, "touch target");
                        let value = row.value.bounds();
                        assert!(
                            value.x1 <= width + 1.0 && value.x0 >= -1.0,
                            "{width} {scale:?} {mode:?}: {:?}",
                            row.value
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_gap_is_labelled_with_the_share_of_the_announcement() {
        let (dataset, model) = setup();
        let layout = CommitmentsLayout::new(
            &dataset,
            &model,
            CommitmentsOptions::default(),
            1000.0,
            &PlainFormatter(Lang::En),
        );
        let secured = layout
            .rows
            .iter()
            .find(|r| {
                dataset.figures[model.bars[r.bar_idx].figure_idx].id == "softbank-secured-10bn"
            })
            .unwrap();
        assert_eq!(
            secured.value.text,
            "less than $10bn · 2% of the announcement"
        );
        assert_eq!(secured.label.text, "secured, per Elon Musk");
        assert!(secured.ghost.is_some(), "the gap to $500bn is drawn");
    }

    #[test]
    fn figures_without_a_period_are_marked_in_per_year_mode() {
        let (dataset, model) = setup();
        let options = CommitmentsOptions {
            mode: AmountMode::PerYear,
            scale: ScaleKind::Linear,
        };
        let layout =
            CommitmentsLayout::new(&dataset, &model, options, 800.0, &PlainFormatter(Lang::En));
        let unknown: Vec<&BarRow> = layout.rows.iter().filter(|r| r.bar.is_none()).collect();
        assert_eq!(
            unknown.len(),
            model
                .bars
                .iter()
                .filter(|b| b.per_year_usd().is_none())
                .count()
        );
        assert!(
            unknown
                .iter()
                .all(|r| r.value.text.contains("period not given")),
            "{:?}",
            unknown[0].value
        );
        let aws = layout
            .rows
            .iter()
            .find(|r| dataset.figures[model.bars[r.bar_idx].figure_idx].id == "aws-government-50bn")
            .unwrap();
        assert_eq!(
            aws.value.text, "up to $50bn in total, period not given",
            "the ceiling stays a ceiling"
        );
    }

    #[test]
    fn the_log_axis_shows_decades() {
        let (dataset, model) = setup();
        let options = CommitmentsOptions {
            mode: AmountMode::Total,
            scale: ScaleKind::Log,
        };
        let layout =
            CommitmentsLayout::new(&dataset, &model, options, 1280.0, &PlainFormatter(Lang::En));
        let labels: Vec<&str> = layout.ticks.iter().map(|t| t.label.text.as_str()).collect();
        assert_eq!(labels, ["$100m", "$1bn", "$10bn", "$100bn", "$1,000bn"]);
    }

    fn svg_of(
        dataset: &Dataset,
        model: &CommitmentsModel,
        options: CommitmentsOptions,
        highlight: Highlight,
    ) -> (CommitmentsLayout, String) {
        let layout =
            CommitmentsLayout::new(dataset, model, options, 900.0, &PlainFormatter(Lang::En));
        let svg = crate::charts::svg::render(
            &crate::charts::ChartLayout::Commitments(layout.clone()),
            highlight,
        );
        (layout, svg)
    }

    #[test]
    fn the_svg_has_a_bar_per_figure_in_its_kind_colour_with_labels_and_ticks() {
        let (dataset, model) = setup();
        let (layout, svg) = svg_of(
            &dataset,
            &model,
            CommitmentsOptions::default(),
            Highlight::default(),
        );
        let theme = Theme::light();
        let count = |kind: FigureKind| model.bars.iter().filter(|b| b.kind == kind).count();
        for kind in [
            FigureKind::Announced,
            FigureKind::FirstTranche,
            FigureKind::ClaimedSecured,
            FigureKind::PlannedSpending,
            FigureKind::CampaignSpending,
        ] {
            assert_eq!(
                svg::count_filled(&svg, "rect", theme.rgb(kind_paint(kind))),
                count(kind),
                "{kind:?}"
            );
        }
        let texts = svg::texts(&svg);
        for tick in ["0", "$200bn", "$400bn", "$600bn"] {
            assert!(texts.iter().any(|t| t == tick), "tick {tick} in {texts:?}");
        }
        for tick in &layout.ticks {
            assert!(texts.contains(&tick.label.text), "{}", tick.label.text);
        }
        assert!((4..=8).contains(&layout.ticks.len()), "{:?}", layout.ticks);
        for row in &layout.rows {
            assert!(texts.contains(&row.label.text), "{}", row.label.text);
            assert!(texts.contains(&row.value.text), "{}", row.value.text);
        }
        for heading in [
            "Stargate",
            "“AI acceleration partnership”",
            "Factory modernisation plan",
        ] {
            assert!(texts.iter().any(|t| t == heading), "{heading}");
        }
        assert_eq!(
            svg::count_filled(&svg, "rect", theme.focus),
            0,
            "no focus ring without keyboard"
        );
    }

    #[test]
    fn the_selected_event_keeps_its_colour_and_an_outline_while_the_rest_fades() {
        let (dataset, model) = setup();
        let theme = Theme::light();
        let stargate = dataset.event_idx("stargate-announced").unwrap();
        let highlight = Highlight {
            selected_event: Some(stargate),
            active_mark: Some(0),
        };
        let (_, plain) = svg_of(
            &dataset,
            &model,
            CommitmentsOptions::default(),
            Highlight::default(),
        );
        let (_, svg) = svg_of(&dataset, &model, CommitmentsOptions::default(), highlight);
        assert_eq!(
            svg::count_filled(&svg, "rect", theme.accent),
            1,
            "only Stargate's announced bar keeps full colour"
        );
        assert!(
            svg::count_filled(&svg, "rect", theme.accent.mix(theme.surface, 0.6)) >= 2,
            "the other announcements fade"
        );
        assert_eq!(
            svg::count_filled(&svg, "rect", theme.text)
                - svg::count_filled(&plain, "rect", theme.text),
            4,
            "an outline of four strips"
        );
        assert_eq!(
            svg::count_filled(&svg, "rect", theme.focus),
            4,
            "the keyboard's focus ring"
        );
    }

    #[test]
    fn per_year_and_log_modes_draw_fewer_bars_and_decade_ticks() {
        let (dataset, model) = setup();
        let options = CommitmentsOptions {
            mode: AmountMode::PerYear,
            scale: ScaleKind::Log,
        };
        let (layout, svg) = svg_of(&dataset, &model, options, Highlight::default());
        let theme = Theme::light();
        let n_bars: usize = [
            FigureKind::Announced,
            FigureKind::FirstTranche,
            FigureKind::ClaimedSecured,
            FigureKind::PlannedSpending,
            FigureKind::CampaignSpending,
            FigureKind::Floated,
        ]
        .iter()
        .map(|k| svg::count_filled(&svg, "rect", theme.rgb(kind_paint(*k))))
        .sum();
        assert_eq!(
            n_bars,
            model
                .bars
                .iter()
                .filter(|b| b.per_year_usd().is_some())
                .count()
        );
        let texts = svg::texts(&svg);
        assert!(
            texts
                .iter()
                .filter(|t| t.contains("period not given"))
                .count()
                >= 3
        );
        assert!(
            layout.ticks.iter().all(|t| t.label.text.starts_with("$1")),
            "{:?}",
            layout.ticks
        );
    }

    #[test]
    fn the_summary_names_the_stargate_gap() {
        let (dataset, model) = setup();
        let text = summary(
            &dataset,
            &model,
            CommitmentsOptions::default(),
            &PlainFormatter(Lang::En),
        );
        assert!(text.contains("Stargate"), "{text}");
        assert!(
            text.contains("$500bn") && text.contains("$10bn") && text.contains("2%"),
            "{text}"
        );
    }
}
