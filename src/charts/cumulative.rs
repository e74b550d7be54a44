//! Cumulative commitments over time, as a step line: each step is one
//! amount a paper can stand behind, added on its event's date.
//!
//! What is added (MODEL-SPEC.md, "Totals"): amounts of kind `announced`
//! or `planned_spending` that a named actor commits to (`committed_by`
//! not empty), that are not the article's own wording (`per_article`),
//! not doubted (`doubt`) and do not overlap another amount (`overlaps`).
//! Every other dollar amount is kept in [`CumulativeModel::left_out`] with
//! its reasons (a floated plan, a first tranche, a claim, campaign money,
//! the article's wording, a doubt, an overlap, no one committing), which
//! the presentation layer words for the summary, the table and the
//! exports. When nothing is left to add, there is no total.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::*;

use super::tooltip::figure_tooltip;
use super::{
    draw_label, draw_label_colored, estimate_text_px, fill_named, fill_rect, kind_paint, order,
    outline_rect, px, Align, AxisTick, DrawResult, Highlight, Label, Mark, Paint, Rect, Theme,
};
use crate::data::date::{civil_from_days, days_from_civil};
use crate::data::{Dataset, DateKind, Figure, FigureKind, Qualifier};
use crate::i18n::{format_tick, Formatter};
use crate::present::{self, Reason, Row, TotalBound};
use crate::scale::linear::{max_ticks_for, nice_domain};
use crate::scale::{time_ticks, LinearScale, TimeScale, View};

/// The kinds of figure the cumulative chart can add up.
pub const COUNTED_KINDS: [FigureKind; 2] = [FigureKind::Announced, FigureKind::PlannedSpending];

/// One added amount: a step of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct CumulativeStep {
    pub figure_idx: usize,
    pub event_idx: usize,
    pub initiative_idx: Option<usize>,
    pub kind: FigureKind,
    /// Day number of the event.
    pub day: i64,
    pub amount_usd: f64,
    pub qualifier: Qualifier,
    /// The running total after this step.
    pub total_usd: f64,
    /// What the event's date is.
    pub date_kind: DateKind,
}

/// A dollar amount the total does not add, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub figure_idx: usize,
    pub event_idx: usize,
    /// Day number of the event.
    pub day: i64,
    /// Never empty.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CumulativeModel {
    /// In date order (ties keep the timeline's order).
    pub steps: Vec<CumulativeStep>,
    /// Every other dollar amount, in date order.
    pub left_out: Vec<LeftOut>,
}

/// Why `figure` is not added to the total (empty: it is added).
pub fn reasons_left_out(dataset: &Dataset, figure: &Figure) -> Vec<Reason> {
    let mut reasons = Vec::new();
    match figure.kind {
        FigureKind::Announced | FigureKind::PlannedSpending => {}
        FigureKind::Floated => reasons.push(Reason::Floated),
        FigureKind::FirstTranche => reasons.push(Reason::FirstTranche {
            initiative_idx: initiative_idx(dataset, figure),
        }),
        FigureKind::ClaimedSecured => reasons.push(Reason::ClaimedSecured {
            by: if figure.stated_by.is_empty() {
                figure.committed_by.clone()
            } else {
                figure.stated_by.clone()
            },
        }),
        FigureKind::CampaignSpending => reasons.push(Reason::CampaignSpending),
        _ => reasons.push(Reason::OtherKind),
    }
    if figure.per_article {
        reasons.push(Reason::PerArticle);
    }
    if figure.doubt.is_some() {
        reasons.push(Reason::Doubt);
    }
    if let Some(figure_id) = &figure.overlaps {
        reasons.push(Reason::Overlaps {
            figure_id: figure_id.clone(),
        });
    }
    // Who commits matters only to what would otherwise be a commitment.
    if reasons.is_empty() && figure.committed_by.is_empty() {
        reasons.push(Reason::NoCommitment);
    }
    reasons
}

fn initiative_idx(dataset: &Dataset, figure: &Figure) -> Option<usize> {
    figure
        .initiative
        .as_deref()
        .and_then(|id| dataset.initiatives.iter().position(|i| i.id == id))
}

impl CumulativeModel {
    pub fn new(dataset: &Dataset) -> CumulativeModel {
        // (day, event, figure, reasons) of every dollar amount.
        let amounts: Vec<(i64, usize, usize, Vec<Reason>)> = dataset
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| f.unit.is_money() && f.value.is_finite() && f.value > 0.0)
            .filter_map(|(figure_idx, f)| {
                let event = dataset.events.get(f.event_idx)?;
                let reasons = reasons_left_out(dataset, f);
                Some((event.date.start_day(), f.event_idx, figure_idx, reasons))
            })
            .collect();
        let keys = amounts
            .iter()
            .enumerate()
            .map(|(i, (day, event_idx, figure_idx, _))| {
                (*day, *event_idx as i64, *figure_idx as i64, i)
            })
            .collect();
        let mut model = CumulativeModel::default();
        let mut total = 0.0;
        for i in order(keys) {
            let (day, event_idx, figure_idx, reasons) = amounts[i].clone();
            let figure = &dataset.figures[figure_idx];
            if !reasons.is_empty() {
                model.left_out.push(LeftOut {
                    figure_idx,
                    event_idx,
                    day,
                    reasons,
                });
                continue;
            }
            total += figure.value;
            model.steps.push(CumulativeStep {
                figure_idx,
                event_idx,
                initiative_idx: initiative_idx(dataset, figure),
                kind: figure.kind,
                day,
                amount_usd: figure.value,
                qualifier: figure.qualifier,
                total_usd: total,
                date_kind: dataset.events[event_idx].date_kind,
            });
        }
        model
    }

    pub fn total_usd(&self) -> f64 {
        self.steps.last().map(|s| s.total_usd).unwrap_or(0.0)
    }

    /// What the total is: a floor, a ceiling, exact, or a mix.
    pub fn bound(&self) -> TotalBound {
        present::total_bound(self.steps.iter().map(|s| s.qualifier))
    }

    /// What the running total after step `step_idx` is.
    pub fn bound_at(&self, step_idx: usize) -> TotalBound {
        present::total_bound(self.steps.iter().take(step_idx + 1).map(|s| s.qualifier))
    }

    /// Each left-out amount's reasons in words, in [`Self::left_out`]'s
    /// order.
    pub fn reason_texts(&self, dataset: &Dataset, fmt: &dyn Formatter) -> Vec<Vec<String>> {
        self.left_out
            .iter()
            .map(|l| {
                l.reasons
                    .iter()
                    .map(|r| present::totals::reason_text(r, dataset, l.figure_idx, fmt))
                    .collect()
            })
            .collect()
    }

    /// The rows of the table and the exports: the added amounts with the
    /// running total, then the others with `reasons` ([`Self::reason_texts`]).
    pub fn rows<'a>(&self, dataset: &'a Dataset, reasons: &'a [Vec<String>]) -> Vec<Row<'a>> {
        let added = self.steps.iter().enumerate().map(|(i, step)| Row {
            running_total: Some((step.total_usd, self.bound_at(i))),
            left_out: Some(&[]),
            ..Row::new(dataset, step.figure_idx)
        });
        let left_out = self.left_out.iter().zip(reasons).map(|(l, why)| Row {
            left_out: Some(why.as_slice()),
            ..Row::new(dataset, l.figure_idx)
        });
        added.chain(left_out).collect()
    }

    /// From January 1st of the first amount's year to January 1st after
    /// the last one's (the added amounts, or when there are none, the
    /// others).
    pub fn day_domain(&self) -> (i64, i64) {
        let days: Vec<i64> = if self.steps.is_empty() {
            self.left_out.iter().map(|l| l.day).collect()
        } else {
            self.steps.iter().map(|s| s.day).collect()
        };
        let first = days.iter().copied().min().unwrap_or(0);
        let last = days.iter().copied().max().unwrap_or(first);
        let (y0, _, _) = civil_from_days(first);
        let (y1, _, _) = civil_from_days(last);
        (days_from_civil(y0, 1, 1), days_from_civil(y1 + 1, 1, 1))
    }
}

/// One step as laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct StepPoint {
    /// Index into [`CumulativeModel::steps`].
    pub step_idx: usize,
    pub event_idx: usize,
    pub x: f64,
    /// The level before and after the step.
    pub y_before: f64,
    pub y: f64,
    pub paint: Paint,
    /// Hollow when the date is not the event's own (see [`key`]).
    pub hollow: bool,
    pub label: Label,
}

/// Everything the cumulative chart draws, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CumulativeLayout {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub x_scale: TimeScale,
    pub y_scale: LinearScale,
    pub x_ticks: Vec<AxisTick>,
    pub y_ticks: Vec<AxisTick>,
    /// The step line, from zero at the start of the domain to the total at
    /// its end.
    pub path: Vec<(f64, f64)>,
    pub points: Vec<StepPoint>,
    /// "Total: at least $500bn" at the end of the line: one label, or two
    /// lines on a chart too narrow for it ("Sum: $550bn" over "(minimums
    /// and maximums mixed)"); none without steps.
    pub total: Vec<Label>,
    /// One per point, in the same order.
    pub marks: Vec<Mark>,
}

const TOP_PX: f64 = 30.0;
const BOTTOM_PX: f64 = 30.0;
const RIGHT_PX: f64 = 14.0;
const FONT_PX: f64 = 12.0;
const POINT_PX: f64 = 4.5;
const HIT_HALF_PX: f64 = 14.0;

impl CumulativeLayout {
    pub fn new(
        dataset: &Dataset,
        model: &CumulativeModel,
        width: f64,
        fmt: &dyn Formatter,
    ) -> CumulativeLayout {
        let lang = fmt.lang();
        let strings = lang.strings();
        let width = width.max(200.0);
        let height = (width * 0.5).clamp(280.0, 400.0).round();
        let (head, tag) = present::totals::total_label_lines(model.total_usd(), model.bound(), fmt);
        // A mixed sum too long for a line across the chart goes above the
        // plot on two lines, in a band of its own.
        let two_lines = !model.steps.is_empty()
            && tag.is_some()
            && total_px(&head, tag) > width - RIGHT_PX - TOTAL_MIN_LEFT_PX;
        let top = if two_lines {
            TOP_PX + TOTAL_BAND_PX
        } else {
            TOP_PX
        };
        let plot_h = height - top - BOTTOM_PX;
        let y_domain = nice_domain(0.0, model.total_usd(), max_ticks_for(plot_h, 52.0));
        let probe = LinearScale::new(y_domain, (0.0, 1.0));
        let y_values = probe.ticks(max_ticks_for(plot_h, 52.0));
        let y_texts: Vec<String> = y_values
            .iter()
            .map(|&v| present::axis_amount(v, fmt))
            .collect();
        let left = y_texts
            .iter()
            .map(|t| estimate_text_px(t, FONT_PX, false))
            .fold(0.0, f64::max)
            + 12.0;
        let plot = Rect::new(left, top, width - RIGHT_PX, height - BOTTOM_PX);
        let y_scale = LinearScale::new(y_domain, (plot.y1, plot.y0));
        let (d0, d1) = model.day_domain();
        let x_scale = TimeScale::new(View::new(d0 as f64, d1 as f64), plot.width());
        let x_of = |day: f64| plot.x0 + x_scale.to_px(day);

        let y_ticks = y_values
            .iter()
            .zip(y_texts)
            .map(|(&v, text)| {
                let pos = y_scale.to_px(v);
                AxisTick {
                    pos,
                    label: Label::new(
                        text,
                        plot.x0 - 8.0,
                        pos,
                        Align::Right,
                        FONT_PX,
                        Paint::Muted,
                    ),
                }
            })
            .collect();
        let x_ticks = time_ticks(&x_scale)
            .into_iter()
            .map(|tick| {
                let pos = plot.x0 + tick.x;
                let text = format_tick(&tick.label, lang);
                let half = estimate_text_px(&text, FONT_PX, tick.major) / 2.0;
                let align = if pos + half > width {
                    Align::Right
                } else {
                    Align::Center
                };
                let mut label = Label::new(
                    text,
                    pos,
                    plot.y1 + 15.0,
                    align,
                    FONT_PX,
                    if tick.major {
                        Paint::Text
                    } else {
                        Paint::Muted
                    },
                );
                label.bold = tick.major;
                AxisTick { pos, label }
            })
            .collect();

        let mut path = vec![(plot.x0, y_scale.to_px(0.0))];
        let mut points = Vec::new();
        let mut previous_y = y_scale.to_px(0.0);
        for (step_idx, step) in model.steps.iter().enumerate() {
            let x = x_of(step.day as f64 + 0.5);
            let y = y_scale.to_px(step.total_usd);
            path.push((x, previous_y));
            path.push((x, y));
            points.push(StepPoint {
                step_idx,
                event_idx: step.event_idx,
                x,
                y_before: previous_y,
                y,
                paint: kind_paint(step.kind),
                hollow: step.date_kind != DateKind::Occurred,
                label: Label::new(String::new(), x, y, Align::Left, FONT_PX, Paint::Text),
            });
            previous_y = y;
        }
        path.push((plot.x1, previous_y));

        // Labels: obstacles are the line, the points and the labels placed
        // so far; each label takes the first free spot among a few.
        let mut obstacles: Vec<Rect> = path
            .windows(2)
            .map(|w| Rect::new(w[0].0, w[0].1, w[1].0, w[1].1).inflate(2.0))
            .collect();
        obstacles.extend(
            points
                .iter()
                .map(|p| Rect::new(p.x, p.y, p.x, p.y).inflate(POINT_PX + 2.0)),
        );
        let bounds = Rect::new(plot.x0, 0.0, width, plot.y1 - 2.0);
        let centres: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
        // On two lines, the total is placed first, in its band above the
        // plot; the step labels keep out of it.
        let band_total = two_lines.then(|| total_band(&head, tag, &plot));
        if let Some(lines) = &band_total {
            obstacles.extend(lines.iter().map(|line| line.bounds().inflate(2.0)));
        }
        // The largest steps are labelled, the others keep their tooltip and
        // their row in the table: a few thousand steps have no room for a
        // label each, and placing them all took a quarter of a second.
        let labelled = largest_steps(model, MAX_STEP_LABELS);
        for (idx, point) in points.iter_mut().enumerate() {
            if !labelled[idx] {
                continue;
            }
            let step = &model.steps[point.step_idx];
            let amount = present::totals::step_amount(step.amount_usd, step.qualifier, fmt);
            let name = present::initiative_label(dataset, step.initiative_idx, lang);
            let texts = [format!("{name} {amount}"), amount];
            point.label = place_step_label(&texts, idx, &centres, &bounds, &obstacles);
            obstacles.push(point.label.bounds().inflate(2.0));
        }
        let total = match band_total {
            Some(lines) => lines,
            None if model.steps.is_empty() => Vec::new(),
            None => vec![place_total(
                &total_text(&head, tag),
                &plot,
                previous_y,
                &bounds,
                &obstacles,
            )],
        };

        let marks = points
            .iter()
            .map(|point| {
                let step = &model.steps[point.step_idx];
                let extra = vec![(
                    strings.chart_tt_running_total.to_string(),
                    present::running_total(step.total_usd, model.bound_at(point.step_idx), fmt),
                )];
                let square = Rect::new(point.x, point.y, point.x, point.y).inflate(HIT_HALF_PX);
                Mark {
                    event_idx: step.event_idx,
                    figure_idx: Some(step.figure_idx),
                    hit: square,
                    anchor: (point.x, point.y),
                    tooltip: figure_tooltip(dataset, step.figure_idx, fmt, extra),
                }
            })
            .collect();

        CumulativeLayout {
            width,
            height,
            plot,
            x_scale,
            y_scale,
            x_ticks,
            y_ticks,
            path,
            points,
            total,
            marks,
        }
    }

    /// The step under a point: the nearest point within its hit square,
    /// else a label under the pointer.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        super::hit_test(&self.marks, x, y).or_else(|| {
            self.points
                .iter()
                .position(|p| p.label.bounds().inflate(2.0).contains(x, y))
        })
    }
}

/// The step under a point (see [`CumulativeLayout::hit_test`]).
pub fn hit_test(layout: &CumulativeLayout, x: f64, y: f64) -> Option<usize> {
    layout.hit_test(x, y)
}

/// How many steps get a label at most.
pub const MAX_STEP_LABELS: usize = 16;

/// Which steps are among the `n` largest amounts (ties: the earlier step).
fn largest_steps(model: &CumulativeModel, n: usize) -> Vec<bool> {
    let mut order: Vec<usize> = (0..model.steps.len()).collect();
    order.sort_by(|&a, &b| {
        model.steps[b]
            .amount_usd
            .total_cmp(&model.steps[a].amount_usd)
            .then(a.cmp(&b))
    });
    let mut labelled = vec![false; model.steps.len()];
    for idx in order.into_iter().take(n) {
        labelled[idx] = true;
    }
    labelled
}

/// The total's size (bold, a point larger than the axes).
const TOTAL_PX: f64 = FONT_PX + 1.0;
/// The band a two-line total adds above the plot.
const TOTAL_BAND_PX: f64 = 22.0;
/// The narrowest left margin a chart has (the y axis's labels): a one-line
/// total longer than the rest of the width goes on two lines.
const TOTAL_MIN_LEFT_PX: f64 = 50.0;

fn total_text(head: &str, tag: Option<&str>) -> String {
    match tag {
        Some(tag) => format!("{head} {tag}"),
        None => head.to_string(),
    }
}

/// The width of the total on one line.
fn total_px(head: &str, tag: Option<&str>) -> f64 {
    estimate_text_px(&total_text(head, tag), TOTAL_PX, true)
}

/// The total on one line: at the end of the step line (above it, else
/// below it), else at the top left.
fn place_total(text: &str, plot: &Rect, end_y: f64, bounds: &Rect, obstacles: &[Rect]) -> Label {
    let line =
        |x: f64, y: f64, align: Align| Label::new(text, x, y, align, TOTAL_PX, Paint::Text).bold();
    let candidates = [
        line(plot.x1, end_y - 13.0, Align::Right),
        line(plot.x1, end_y + 14.0, Align::Right),
        line(plot.x0 + 4.0, TOP_PX - 16.0, Align::Left),
    ];
    let free = candidates
        .iter()
        .find(|l| fits(&l.bounds(), bounds, obstacles));
    free.unwrap_or(&candidates[2]).clone()
}

/// A mixed sum on a narrow chart, in the band above the plot: "Sum:
/// $550bn" in bold, its tag under it in the axes' size (it qualifies the
/// sum), both from the plot's left edge.
fn total_band(head: &str, tag: Option<&str>, plot: &Rect) -> Vec<Label> {
    let x = plot.x0 + 4.0;
    let head_y = plot.y0 - TOP_PX - TOTAL_BAND_PX + 9.0;
    let mut lines = vec![Label::new(head, x, head_y, Align::Left, TOTAL_PX, Paint::Text).bold()];
    if let Some(tag) = tag {
        lines.push(Label::new(
            tag,
            x,
            head_y + TOTAL_PX + 2.0,
            Align::Left,
            FONT_PX,
            Paint::Text,
        ));
    }
    lines
}

fn fits(rect: &Rect, bounds: &Rect, obstacles: &[Rect]) -> bool {
    rect.x0 >= bounds.x0
        && rect.x1 <= bounds.x1
        && rect.y0 >= bounds.y0
        && rect.y1 <= bounds.y1
        && !obstacles.iter().any(|o| o.overlaps(rect))
}

/// A step's label: left of the riser at the new level (the space above
/// the earlier, lower line is free), else above the next flat stretch,
/// else just above the point; with the amount alone when the name does
/// not fit. A spot nearer to another point than to its own is not taken,
/// so a label never seems to belong to its neighbour.
fn place_step_label(
    texts: &[String],
    own: usize,
    centres: &[(f64, f64)],
    bounds: &Rect,
    obstacles: &[Rect],
) -> Label {
    let (x, y) = centres[own];
    let gap = POINT_PX + 5.0;
    let is_nearest = |label: &Label| {
        let rect = label.bounds();
        let distance = |(cx, cy): (f64, f64)| {
            let dx = (rect.x0 - cx).max(cx - rect.x1).max(0.0);
            let dy = (rect.y0 - cy).max(cy - rect.y1).max(0.0);
            dx.hypot(dy)
        };
        let mine = distance(centres[own]);
        centres
            .iter()
            .enumerate()
            .all(|(i, &c)| i == own || distance(c) > mine)
    };
    for text in texts {
        let candidates = [
            Label::new(text.clone(), x - gap, y, Align::Right, FONT_PX, Paint::Text),
            Label::new(
                text.clone(),
                x + gap,
                y - 12.0,
                Align::Left,
                FONT_PX,
                Paint::Text,
            ),
            Label::new(
                text.clone(),
                x - gap,
                y - 14.0,
                Align::Right,
                FONT_PX,
                Paint::Text,
            ),
            Label::new(
                text.clone(),
                x + gap,
                y + 13.0,
                Align::Left,
                FONT_PX,
                Paint::Text,
            ),
        ];
        if let Some(label) = candidates
            .iter()
            .find(|l| fits(&l.bounds(), bounds, obstacles) && is_nearest(l))
        {
            return label.clone();
        }
    }
    // Nothing is free: the short text beside the point, kept inside.
    let text = texts.last().cloned().unwrap_or_default();
    let w = estimate_text_px(&text, FONT_PX, false);
    if x - gap - w >= bounds.x0 {
        Label::new(text, x - gap, y, Align::Right, FONT_PX, Paint::Text)
    } else {
        Label::new(text, x + gap, y - 12.0, Align::Left, FONT_PX, Paint::Text)
    }
}

/// Draws the cumulative chart: the area under the line, gridlines and
/// ticks over it, the step line, a point per step (hollow when the date is
/// the reporting article's) with its label, the total, then the selection
/// and the keyboard's focus ring.
pub fn draw_cumulative<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &CumulativeLayout,
    theme: &Theme,
    highlight: Highlight,
) -> DrawResult<DB> {
    area.fill(&theme.color(Paint::Surface))?;
    let plot = layout.plot;
    for tick in &layout.x_ticks {
        let paint = if tick.label.bold {
            Paint::Text
        } else {
            Paint::Rule
        };
        fill_rect(
            area,
            &Rect::new(
                tick.pos.floor(),
                plot.y1,
                tick.pos.floor() + 1.0,
                plot.y1 + 5.0,
            ),
            theme.color(paint),
        )?;
        draw_label(area, &tick.label, theme)?;
    }
    if layout.path.len() > 1 {
        let mut polygon: Vec<(i32, i32)> =
            layout.path.iter().map(|&(x, y)| (px(x), px(y))).collect();
        polygon.push((px(plot.x1), px(plot.y1)));
        polygon.push((px(plot.x0), px(plot.y1)));
        let fill: RGBColor = theme.rgb(Paint::Accent).mix(theme.surface, 0.88).into();
        area.draw(&Polygon::new(polygon, fill.filled()))?;
    }
    for tick in &layout.y_ticks {
        let y = tick.pos.floor();
        fill_rect(
            area,
            &Rect::new(plot.x0, y, plot.x1, y + 1.0),
            theme.color(Paint::Grid),
        )?;
        draw_label(area, &tick.label, theme)?;
    }
    let axis = Rect::new(plot.x0, plot.y1, plot.x1, plot.y1 + 1.0);
    fill_rect(area, &axis, theme.color(Paint::Text))?;
    let fade = highlight.fades_others(&layout.marks);
    let line: Vec<(i32, i32)> = layout.path.iter().map(|&(x, y)| (px(x), px(y))).collect();
    area.draw(&PathElement::new(
        line,
        theme.color(Paint::Text).stroke_width(2),
    ))?;
    for (idx, point) in layout.points.iter().enumerate() {
        let selected = highlight.selected_event == Some(point.event_idx);
        let faded = fade && !selected;
        let color = if faded {
            theme.faded(point.paint)
        } else {
            theme.color(point.paint)
        };
        let center = (px(point.x), px(point.y));
        let radius = if selected { POINT_PX + 2.0 } else { POINT_PX };
        if selected {
            area.draw(&Circle::new(
                center,
                px(radius + 4.0),
                theme.color(Paint::Text).filled(),
            ))?;
            area.draw(&Circle::new(
                center,
                px(radius + 2.0),
                theme.color(Paint::Surface).filled(),
            ))?;
        }
        area.draw(&Circle::new(center, px(radius), color.filled()))?;
        if point.hollow {
            area.draw(&Circle::new(
                center,
                px(radius - 2.0).max(1),
                theme.color(Paint::Surface).filled(),
            ))?;
        }
        let mut label = point.label.clone();
        label.bold = selected;
        let label_color = if faded {
            theme.faded(Paint::Text)
        } else {
            theme.color(Paint::Text)
        };
        draw_label_colored(area, &label, theme, label_color)?;
        if highlight.active_mark == Some(idx) {
            if let Some(mark) = layout.marks.get(idx) {
                outline_rect(area, &mark.hit, 2.0, theme.color(Paint::Focus))?;
            }
        }
    }
    for line in &layout.total {
        draw_label(area, line, theme)?;
    }
    Ok(())
}

/// The key to the points: (hollow, wording) for the filled point (the
/// event's own date) and, when some steps have other kinds of date, the
/// hollow point with those kinds' wording.
pub fn key(model: &CumulativeModel, lang: crate::i18n::Lang) -> Vec<(bool, String)> {
    let mut items = vec![(
        false,
        present::date_kind_label(DateKind::Occurred, lang).to_string(),
    )];
    let others: Vec<&str> = DateKind::ALL
        .into_iter()
        .filter(|kind| *kind != DateKind::Occurred)
        .filter(|kind| model.steps.iter().any(|s| s.date_kind == *kind))
        .map(|kind| present::date_kind_label(kind, lang))
        .collect();
    if !others.is_empty() {
        items.push((true, present::join_notes(&others, lang)));
    }
    items
}

/// The chart in words, in parts: the page shows `lead` above the chart
/// and `left_out` as a list under it; the canvas's accessible name and
/// [`summary`] read them all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// The total and what it adds (or why there is none), whether it is a
    /// floor, a ceiling or neither, the rule, what a hollow point means.
    pub lead: Vec<String>,
    /// Each amount not added, with why.
    pub left_out: Vec<String>,
}

impl Summary {
    pub fn lead_text(&self) -> String {
        self.lead.join(" ")
    }
}

/// The chart in words: the total and what it adds, what it leaves out and
/// why, the rule, and what a hollow point means. With nothing to add, no
/// total: it says why.
pub fn summary_parts(dataset: &Dataset, model: &CumulativeModel, fmt: &dyn Formatter) -> Summary {
    let lang = fmt.lang();
    let strings = lang.strings();
    if model.steps.is_empty() && model.left_out.is_empty() {
        return Summary {
            lead: vec![strings.chart_empty.to_string()],
            left_out: Vec::new(),
        };
    }
    let mut lead = Vec::new();
    match (model.steps.first(), model.steps.last()) {
        (Some(first), Some(last)) => {
            let date = |event_idx: usize| {
                dataset
                    .events
                    .get(event_idx)
                    .map(|e| present::inline_date(&e.date, e.date_kind, fmt))
                    .unwrap_or_default()
            };
            let bound = model.bound();
            let total = present::total_amount(model.total_usd(), bound, fmt);
            let added: Vec<String> = model
                .steps
                .iter()
                .map(|step| present::totals::added_item(dataset, step.figure_idx, fmt))
                .collect();
            lead.push(present::capitalised(&fill_named(
                strings.chart_cumulative_summary,
                &[
                    ("total", &total),
                    ("first", &date(first.event_idx)),
                    ("last", &date(last.event_idx)),
                    ("added", &present::totals::and_list(&added, lang)),
                ],
            )));
            if bound == TotalBound::Mixed {
                lead.push(strings.chart_cumulative_mixed_note.to_string());
            }
        }
        _ => lead.push(strings.chart_cumulative_none.to_string()),
    }
    lead.push(strings.chart_cumulative_rule.to_string());
    if model
        .steps
        .iter()
        .any(|s| s.date_kind != DateKind::Occurred)
    {
        lead.push(strings.chart_cumulative_reported.to_string());
    }
    let left_out = model
        .left_out
        .iter()
        .map(|l| present::totals::left_out_item(dataset, l.figure_idx, &l.reasons, fmt))
        .collect();
    Summary { lead, left_out }
}

/// The whole summary as one text: the lead, then "Not added:" and each
/// amount with why.
pub fn summary(dataset: &Dataset, model: &CumulativeModel, fmt: &dyn Formatter) -> String {
    let parts = summary_parts(dataset, model, fmt);
    let mut text = parts.lead_text();
    if !parts.left_out.is_empty() {
        text.push(' ');
        text.push_str(fmt.lang().strings().chart_cumulative_left_out);
        text.push(' ');
        text.push_str(&parts.left_out.join(". "));
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{svg, ChartLayout};
    use crate::data;
    use crate::i18n::{Lang, PlainFormatter};

    /// The review's cases (EDITORIAL-REVIEW.md #8–#11, #18), each figure
    /// with what the model says of it.
    const REVIEW_CASES: &str = r#"{
      "title": {"fr": "T", "en": "T"}, "description": {"fr": "D", "en": "D"},
      "documents": [{"file": "s.txt", "title": "Article"}],
      "tracks": [{"id": "t", "label": {"fr": "T", "en": "T"}}],
      "initiatives": [
        {"id": "stargate", "label": {"fr": "Stargate", "en": "Stargate"}},
        {"id": "factories", "label": {"fr": "Usines", "en": "Factories"}},
        {"id": "aws", "label": {"fr": "AWS pour l’État", "en": "AWS for government"}},
        {"id": "amazon", "label": {"fr": "Amazon en 2025", "en": "Amazon in 2025"}},
        {"id": "gulf", "label": {"fr": "Partenariat (600 Md$)", "en": "Partnership ($600bn)"}},
        {"id": "campaign", "label": {"fr": "Campagne", "en": "Campaign"}}
      ],
      "actors": [
        {"id": "trump", "name": "Donald Trump"}, {"id": "softbank", "name": "SoftBank"},
        {"id": "musk", "name": "Elon Musk"}, {"id": "aws", "name": "AWS"}, {"id": "amazon", "name": "Amazon"}
      ],
      "events": [
        {"id": "stargate", "date": "2025-01-21", "track": "t", "title": {"fr": "S", "en": "S"}, "summary": {"fr": "R", "en": "S"}, "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "musk", "date": "2025-01-22", "track": "t", "title": {"fr": "M", "en": "M"}, "summary": {"fr": "R", "en": "S"}, "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "factories", "date": "2025-05-30", "track": "t", "title": {"fr": "F", "en": "F"}, "summary": {"fr": "R", "en": "S"}, "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "gulf", "date": "2025-07-09", "track": "t", "title": {"fr": "G", "en": "G"}, "summary": {"fr": "R", "en": "S"}, "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "aws", "date": "2025-11-24", "date_kind": "undated_source", "track": "t", "title": {"fr": "A", "en": "A"}, "summary": {"fr": "R", "en": "S"}, "sources": [{"seed": "s.txt", "quote": "q"}]}
      ],
      "figures": [
        {"id": "stargate-500bn", "value": 500000000000, "unit": "usd", "kind": "announced", "qualifier": "at_least",
         "label": {"fr": "Stargate", "en": "Stargate"}, "committed_by": ["trump", "softbank"], "initiative": "stargate", "event": "stargate", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "stargate-first-100bn", "value": 100000000000, "unit": "usd", "kind": "first_tranche",
         "label": {"fr": "Stargate\u202f: 100\u00a0Md$ à déployer d’abord", "en": "Stargate: $100bn to be deployed first"}, "committed_by": ["softbank"], "initiative": "stargate", "event": "stargate", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "secured-10bn", "value": 10000000000, "unit": "usd", "kind": "claimed_secured", "qualifier": "less_than",
         "label": {"fr": "Assuré selon Musk", "en": "Secured per Musk"}, "stated_by": ["musk"], "committed_by": [], "initiative": "stargate", "event": "musk", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "campaign-277m", "value": 277000000, "unit": "usd", "kind": "campaign_spending", "per_article": true,
         "label": {"fr": "Campagne de 2024", "en": "2024 campaign"}, "committed_by": [], "initiative": "campaign", "event": "musk", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "factory-200bn", "value": 200000000000, "unit": "usd", "kind": "floated",
         "label": {"fr": "Plan évoqué", "en": "Floated plan"}, "stated_by": ["trump"], "committed_by": [], "initiative": "factories", "event": "factories", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "gulf-600bn", "value": 600000000000, "unit": "usd", "kind": "announced", "per_article": true,
         "doubt": {"fr": "deux annonces confondues", "en": "two announcements conflated"},
         "label": {"fr": "Partenariat", "en": "Partnership"}, "committed_by": [], "initiative": "gulf", "event": "gulf", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "aws-50bn", "value": 50000000000, "unit": "usd", "kind": "announced", "qualifier": "up_to",
         "label": {"fr": "AWS", "en": "AWS"}, "committed_by": ["aws"], "initiative": "aws", "event": "aws", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "amazon-125bn", "value": 125000000000, "unit": "usd", "kind": "planned_spending", "qualifier": "up_to",
         "label": {"fr": "Amazon en 2025", "en": "Amazon in 2025"}, "committed_by": ["amazon"], "overlaps": "aws-50bn", "initiative": "amazon", "event": "aws", "sources": [{"seed": "s.txt", "quote": "q"}]},
        {"id": "homes", "value": 750000, "unit": "homes", "kind": "capacity", "per_article": true,
         "label": {"fr": "Foyers", "en": "Homes"}, "event": "aws", "sources": [{"seed": "s.txt", "quote": "q"}]}
      ]
    }"#;

    fn setup() -> (Dataset, CumulativeModel) {
        let (dataset, problems) = data::parse(REVIEW_CASES);
        assert!(problems.is_empty(), "{problems:#?}");
        let model = CumulativeModel::new(&dataset);
        (dataset, model)
    }

    fn ids(dataset: &Dataset, figure_idxs: impl Iterator<Item = usize>) -> Vec<&str> {
        figure_idxs
            .map(|i| dataset.figures[i].id.as_str())
            .collect()
    }

    #[test]
    fn only_distinct_commitments_announced_as_such_are_added_in_date_order() {
        let (dataset, model) = setup();
        let added = ids(&dataset, model.steps.iter().map(|s| s.figure_idx));
        assert_eq!(added, ["stargate-500bn", "aws-50bn"]);
        assert_eq!(model.total_usd(), 550e9);
        assert_eq!(model.bound(), TotalBound::Mixed, "a floor and a ceiling");
        let left_out: Vec<(&str, &[Reason])> = model
            .left_out
            .iter()
            .map(|l| {
                (
                    dataset.figures[l.figure_idx].id.as_str(),
                    l.reasons.as_slice(),
                )
            })
            .collect();
        let stargate = dataset.initiatives.iter().position(|i| i.id == "stargate");
        assert_eq!(
            left_out,
            [
                (
                    "stargate-first-100bn",
                    &[Reason::FirstTranche {
                        initiative_idx: stargate
                    }][..]
                ),
                (
                    "secured-10bn",
                    &[Reason::ClaimedSecured {
                        by: vec!["musk".into()]
                    }][..]
                ),
                (
                    "campaign-277m",
                    &[Reason::CampaignSpending, Reason::PerArticle][..]
                ),
                ("factory-200bn", &[Reason::Floated][..]),
                ("gulf-600bn", &[Reason::PerArticle, Reason::Doubt][..]),
                (
                    "amazon-125bn",
                    &[Reason::Overlaps {
                        figure_id: "aws-50bn".into()
                    }][..]
                ),
            ]
        );
        assert!(model.steps.iter().all(|s| COUNTED_KINDS.contains(&s.kind)));
        assert_eq!(
            model.day_domain(),
            (days_from_civil(2025, 1, 1), days_from_civil(2026, 1, 1))
        );
    }

    #[test]
    fn an_announcement_no_one_commits_to_is_not_added() {
        let json = REVIEW_CASES.replace(r#""committed_by": ["aws"]"#, r#""committed_by": []"#);
        let (dataset, _) = data::parse(&json);
        let model = CumulativeModel::new(&dataset);
        let aws = model
            .left_out
            .iter()
            .find(|l| dataset.figures[l.figure_idx].id == "aws-50bn")
            .unwrap();
        assert_eq!(aws.reasons, [Reason::NoCommitment]);
        assert_eq!(model.bound(), TotalBound::Qualified(Qualifier::AtLeast));
    }

    #[test]
    fn the_summary_says_what_it_adds_what_it_leaves_out_and_why() {
        let (dataset, model) = setup();
        let check = |lang: Lang, expected: &[&str]| {
            let text = summary(&dataset, &model, &PlainFormatter(lang));
            for part in expected {
                assert!(
                    text.contains(part),
                    "{lang:?}: {part:?} missing from {text}"
                );
            }
        };
        check(
            Lang::En,
            &[
                "$550bn of distinct commitments announced as such (January 21, 2025 – November 24, 2025, date of the undated article’s main event): Stargate (at least $500bn) and AWS for government (up to $50bn).",
                "This sum mixes minimums (“at least”) and maximums (“up to”): it is neither a floor nor a ceiling.",
                "Not added: Stargate: $100bn to be deployed first — first tranche of Stargate, part of its announcement.",
                "Secured per Musk (less than $10bn) — claimed as secured, by Elon Musk.",
                "2024 campaign ($277m) — campaign spending, not an investment; the article’s wording.",
                "Floated plan ($200bn) — floated, not announced as a commitment.",
                "Partnership ($600bn) — the article’s wording; questioned: two announcements conflated.",
                "Amazon in 2025 (up to $125bn) — overlaps “AWS” (up to $50bn).",
            ],
        );
        check(
            Lang::Fr,
            &[
                "550\u{a0}Md$ d’engagements distincts, annoncés comme tels (21\u{a0}janvier 2025 – 24\u{a0}novembre 2025, date du fait principal de l’article, non daté)\u{a0}: Stargate (au moins 500\u{a0}Md$) et AWS pour l’État (jusqu’à 50\u{a0}Md$).",
                "Ne sont pas additionnés\u{a0}: Stargate\u{202f}: 100\u{a0}Md$ à déployer d’abord — première tranche de Stargate, une part de son annonce.",
                "Partenariat (600\u{a0}Md$) — formulation de l’article\u{202f}; mis en doute\u{a0}: deux annonces confondues.",
                "Amazon en 2025 (jusqu’à 125\u{a0}Md$) — recoupe «\u{202f}AWS\u{202f}» (jusqu’à 50\u{a0}Md$).",
            ],
        );
    }

    #[test]
    fn with_nothing_honest_to_add_there_is_no_total_and_the_chart_says_why() {
        let json = REVIEW_CASES
            .replace(
                r#""committed_by": ["trump", "softbank"]"#,
                r#""committed_by": []"#,
            )
            .replace(r#""committed_by": ["aws"]"#, r#""committed_by": []"#);
        let (dataset, _) = data::parse(&json);
        let model = CumulativeModel::new(&dataset);
        assert!(model.steps.is_empty());
        assert_eq!(model.left_out.len(), 8);
        let fmt = PlainFormatter(Lang::En);
        let text = summary(&dataset, &model, &fmt);
        assert!(
            text.starts_with("No total: no amount is a distinct commitment"),
            "{text}"
        );
        assert!(text.contains("Stargate (at least $500bn) — no one is named as committing to it."));
        let layout = CumulativeLayout::new(&dataset, &model, 800.0, &fmt);
        assert!(layout.total.is_empty() && layout.points.is_empty() && layout.marks.is_empty());
        let svg = svg::render(&ChartLayout::Cumulative(layout), Highlight::default());
        let texts = svg::texts(&svg);
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("Total") || t.contains("Sum")),
            "{texts:?}"
        );
        assert_eq!(svg.matches("<circle").count(), 0);
    }

    #[test]
    fn the_table_and_the_exports_list_every_amount_added_or_not() {
        let (dataset, model) = setup();
        let fmt = PlainFormatter(Lang::En);
        let table = crate::charts::table::cumulative_table(&dataset, &model, &fmt);
        assert_eq!(table.rows.len(), 8);
        let added = table.headers.iter().position(|h| h == "Added?").unwrap();
        let total = table
            .headers
            .iter()
            .position(|h| h == "Running total")
            .unwrap();
        assert_eq!(table.rows[0].cells[added], "yes");
        assert_eq!(
            table.rows[0].cells[total], "at least $500bn",
            "Stargate alone: a floor"
        );
        assert_eq!(
            table.rows[1].cells[total], "$550bn (minimums and maximums mixed)",
            "a floor plus a ceiling: neither"
        );
        assert_eq!(
            table.rows[7].cells[added], "overlaps “AWS” (up to $50bn)",
            "the reasons, worded"
        );
        assert_eq!(table.rows[7].cells[total], "");
    }

    #[test]
    fn steps_sit_on_their_dates_and_totals_and_are_found_there() {
        let (dataset, model) = setup();
        for width in [320.0, 375.0, 768.0, 1280.0, 1920.0] {
            let layout = CumulativeLayout::new(&dataset, &model, width, &PlainFormatter(Lang::En));
            assert_eq!(layout.points.len(), model.steps.len());
            for (i, point) in layout.points.iter().enumerate() {
                let step = &model.steps[i];
                assert!((layout.y_scale.to_value(point.y) - step.total_usd).abs() < 1.0);
                let day = layout.x_scale.to_day(point.x - layout.plot.x0);
                assert!((day - (step.day as f64 + 0.5)).abs() < 1e-6);
                assert_eq!(
                    hit_test(&layout, point.x + 1.0, point.y - 1.0),
                    Some(i),
                    "{width}: step {i}"
                );
                let label = point.label.bounds();
                assert!(
                    label.x0 >= -1.0 && label.x1 <= width + 1.0,
                    "{width}: {:?}",
                    point.label
                );
                assert!(!point.label.text.is_empty());
            }
            for (a, b) in layout.points.iter().zip(layout.points.iter().skip(1)) {
                assert!(
                    !a.label.bounds().overlaps(&b.label.bounds()),
                    "{width}: {:?} / {:?}",
                    a.label,
                    b.label
                );
            }
        }
    }

    #[test]
    fn thousands_of_steps_label_only_the_largest() {
        let n = 2_000;
        // Distinct amounts (7,919 is prime to 2,000), in no order.
        let amounts: Vec<f64> = (0..n).map(|i| 1e6 * (1 + (i * 7919) % n) as f64).collect();
        let dataset = crate::charts::test_data::with_amounts(&amounts, None);
        let model = CumulativeModel::new(&dataset);
        assert_eq!(model.steps.len(), n);
        let layout = CumulativeLayout::new(&dataset, &model, 1280.0, &PlainFormatter(Lang::En));
        let labelled: Vec<usize> = (0..n)
            .filter(|&i| !layout.points[i].label.text.is_empty())
            .collect();
        assert_eq!(labelled.len(), MAX_STEP_LABELS);
        let smallest_labelled = labelled
            .iter()
            .map(|&i| model.steps[i].amount_usd)
            .fold(f64::INFINITY, f64::min);
        let unlabelled_larger = (0..n)
            .filter(|i| !labelled.contains(i))
            .filter(|&i| model.steps[i].amount_usd > smallest_labelled)
            .count();
        assert_eq!(unlabelled_larger, 0, "labels go to the largest steps");
    }

    #[test]
    fn steps_are_labelled_with_their_initiative_and_qualified_amount() {
        let (dataset, model) = setup();
        let layout = CumulativeLayout::new(&dataset, &model, 1280.0, &PlainFormatter(Lang::En));
        assert_eq!(layout.points[0].label.text, "Stargate + at least $500bn");
        assert_eq!(
            layout.points[1].label.text,
            "AWS for government + up to $50bn"
        );
        assert_eq!(
            texts(&layout.total),
            ["Sum: $550bn (minimums and maximums mixed)"]
        );
        let aws_only = REVIEW_CASES.replace(
            r#""committed_by": ["trump", "softbank"]"#,
            "\"committed_by\": []",
        );
        let (dataset, _) = data::parse(&aws_only);
        let model = CumulativeModel::new(&dataset);
        let layout = CumulativeLayout::new(&dataset, &model, 1280.0, &PlainFormatter(Lang::Fr));
        assert_eq!(
            texts(&layout.total),
            ["Total\u{a0}: jusqu’à 50\u{a0}Md$"],
            "a ceiling stays a ceiling"
        );
        let text = summary(&dataset, &model, &PlainFormatter(Lang::En));
        assert!(
            text.starts_with("Up to $50bn of distinct commitments announced as such"),
            "{text}"
        );
    }

    fn texts(labels: &[Label]) -> Vec<&str> {
        labels.iter().map(|l| l.text.as_str()).collect()
    }

    /// The copy desk's 375 px screenshot showed "Somme : 550 Md$ (minimums
    /// et max" cut at the chart's edge: a phone's chart has no room for the
    /// mixed sum on one line.
    #[test]
    fn the_total_stays_inside_the_chart_at_every_width_in_both_languages() {
        let (dataset, model) = setup();
        for lang in [Lang::Fr, Lang::En] {
            // 296 px: the chart on a 320 px screen.
            for width in (296..=1280).step_by(8) {
                let width = f64::from(width);
                let layout = CumulativeLayout::new(&dataset, &model, width, &PlainFormatter(lang));
                assert!(!layout.total.is_empty());
                let whole: String = texts(&layout.total).join(" ");
                assert_eq!(
                    whole,
                    present::total_label(model.total_usd(), model.bound(), &PlainFormatter(lang)),
                    "{lang:?} at {width} px: the lines say the whole total"
                );
                for line in &layout.total {
                    let b = line.bounds();
                    assert!(
                        b.x0 >= 0.0 && b.x1 <= width && b.y0 >= 0.0 && b.y1 <= layout.height,
                        "{lang:?} at {width} px: {:?} at {b:?} leaves the chart",
                        line.text
                    );
                }
                let lines: Vec<Rect> = layout.total.iter().map(Label::bounds).collect();
                for point in &layout.points {
                    let label = point.label.bounds();
                    assert!(
                        lines.iter().all(|l| !l.overlaps(&label)),
                        "{lang:?} at {width} px: the total covers {:?}",
                        point.label.text
                    );
                }
            }
        }
        let narrow = CumulativeLayout::new(&dataset, &model, 375.0, &PlainFormatter(Lang::Fr));
        assert_eq!(
            texts(&narrow.total),
            ["Somme\u{a0}: 550\u{a0}Md$", "(minimums et maximums mêlés)"],
            "at 375 px the mixed sum takes two lines"
        );
    }

    #[test]
    fn the_svg_has_a_point_and_a_label_per_step_ticks_and_the_total() {
        let (dataset, model) = setup();
        let layout = CumulativeLayout::new(&dataset, &model, 1000.0, &PlainFormatter(Lang::Fr));
        let svg = svg::render(
            &ChartLayout::Cumulative(layout.clone()),
            Highlight::default(),
        );
        let theme = Theme::light();
        let coloured: usize = [FigureKind::Announced, FigureKind::PlannedSpending]
            .iter()
            .map(|k| svg::count_filled(&svg, "circle", theme.rgb(kind_paint(*k))))
            .sum();
        assert_eq!(coloured, model.steps.len());
        let n_hollow = model
            .steps
            .iter()
            .filter(|s| s.date_kind != DateKind::Occurred)
            .count();
        assert_eq!(
            n_hollow, 1,
            "AWS's date is its undated article's main event"
        );
        assert_eq!(
            svg::count_filled(&svg, "circle", theme.surface),
            n_hollow,
            "hollow points"
        );
        assert_eq!(svg.matches("<polyline").count(), 1, "one step line");
        let texts = svg::texts(&svg);
        for point in &layout.points {
            assert!(texts.contains(&point.label.text), "{}", point.label.text);
        }
        for tick in layout.x_ticks.iter().chain(&layout.y_ticks) {
            assert!(texts.contains(&tick.label.text), "{}", tick.label.text);
        }
        assert!(
            texts.iter().any(|t| t.contains("janv.")),
            "month ticks in French: {texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t == "Somme\u{a0}: 550\u{a0}Md$ (minimums et maximums mêlés)"),
            "{texts:?}"
        );
        assert!(!texts
            .iter()
            .any(|t| t.contains("1\u{202f}475") || t.contains('≈')));
    }

    #[test]
    fn the_selected_step_gets_a_ring() {
        let (dataset, model) = setup();
        let layout = ChartLayout::Cumulative(CumulativeLayout::new(
            &dataset,
            &model,
            800.0,
            &PlainFormatter(Lang::En),
        ));
        let theme = Theme::light();
        let stargate = dataset.event_idx("stargate").unwrap();
        let plain = svg::render(&layout, Highlight::default());
        let selected = svg::render(
            &layout,
            Highlight {
                selected_event: Some(stargate),
                active_mark: None,
            },
        );
        assert_eq!(svg::count_filled(&plain, "circle", theme.text), 0);
        assert_eq!(svg::count_filled(&selected, "circle", theme.text), 1);
        assert_eq!(
            svg::count_filled(&selected, "circle", theme.accent),
            1,
            "the other commitments fade"
        );
    }

    #[test]
    fn every_dollar_amount_of_the_bundled_file_is_added_or_left_out_with_a_reason() {
        let (dataset, _) = data::bundled();
        let model = CumulativeModel::new(&dataset);
        let n_money = dataset
            .figures
            .iter()
            .filter(|f| f.unit.is_money() && f.value > 0.0)
            .count();
        assert_eq!(model.steps.len() + model.left_out.len(), n_money);
        for step in &model.steps {
            let figure = &dataset.figures[step.figure_idx];
            assert!(reasons_left_out(&dataset, figure).is_empty());
            assert!(COUNTED_KINDS.contains(&figure.kind) && !figure.committed_by.is_empty());
            assert!(!figure.per_article && figure.doubt.is_none() && figure.overlaps.is_none());
        }
        assert!(model.left_out.iter().all(|l| !l.reasons.is_empty()));
    }
}
