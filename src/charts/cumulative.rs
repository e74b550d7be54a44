//! Cumulative announced commitments over time, as a step line: each step
//! is one announcement (an event of the timeline) and carries its label.
//!
//! What counts as an "announced commitment": the headline amounts
//! (`announced`) and planned capital spending (`planned_spending`). A
//! first tranche and a claimed-secured amount are parts of an announced
//! total, so adding them would count the same money twice; campaign
//! spending is not an infrastructure commitment. The chart's summary says
//! so, and that the sum is of announcements, not of money spent.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::*;

use super::tooltip::figure_tooltip;
use super::{
    draw_label, draw_label_colored, estimate_text_px, fill_named, fill_rect, kind_paint, order,
    outline_rect, px, short_initiative_label, Align, AxisTick, DrawResult, Highlight, Label, Mark,
    Paint, Rect, Theme,
};
use crate::data::date::{civil_from_days, days_from_civil};
use crate::data::{Dataset, DateKind, FigureKind, Qualifier};
use crate::i18n::{format_tick, Formatter};
use crate::present::{self, qualified};
use crate::scale::linear::{max_ticks_for, nice_domain};
use crate::scale::{time_ticks, LinearScale, TimeScale, View};

/// The kinds of figure the cumulative chart adds up.
pub const COUNTED_KINDS: [FigureKind; 2] = [FigureKind::Announced, FigureKind::PlannedSpending];

/// One announcement: a step of the line.
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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CumulativeModel {
    /// In date order (ties keep the timeline's order).
    pub steps: Vec<CumulativeStep>,
}

impl CumulativeModel {
    pub fn new(dataset: &Dataset) -> CumulativeModel {
        let picked: Vec<(i64, usize, usize)> = dataset
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.unit.is_money()
                    && COUNTED_KINDS.contains(&f.kind)
                    && f.value.is_finite()
                    && f.value > 0.0
            })
            .filter_map(|(figure_idx, f)| {
                let event = dataset.events.get(f.event_idx)?;
                Some((event.date.start_day(), f.event_idx, figure_idx))
            })
            .collect();
        let keys = picked
            .iter()
            .enumerate()
            .map(|(i, &(day, event_idx, figure_idx))| (day, event_idx as i64, figure_idx as i64, i))
            .collect();
        let mut total = 0.0;
        let steps = order(keys)
            .into_iter()
            .map(|i| {
                let (day, event_idx, figure_idx) = picked[i];
                let figure = &dataset.figures[figure_idx];
                total += figure.value;
                CumulativeStep {
                    figure_idx,
                    event_idx,
                    initiative_idx: figure
                        .initiative
                        .as_deref()
                        .and_then(|id| dataset.initiatives.iter().position(|i| i.id == id)),
                    kind: figure.kind,
                    day,
                    amount_usd: figure.value,
                    qualifier: figure.qualifier,
                    total_usd: total,
                    date_kind: dataset.events[event_idx].date_kind,
                }
            })
            .collect();
        CumulativeModel { steps }
    }

    pub fn total_usd(&self) -> f64 {
        self.steps.last().map(|s| s.total_usd).unwrap_or(0.0)
    }

    /// From January 1st of the first step's year to January 1st after the
    /// last step's year.
    pub fn day_domain(&self) -> (i64, i64) {
        let first = self.steps.first().map(|s| s.day).unwrap_or(0);
        let last = self.steps.last().map(|s| s.day).unwrap_or(first);
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
    /// "Total: $1,475bn" at the end of the line.
    pub total: Option<Label>,
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
        let plot_h = height - TOP_PX - BOTTOM_PX;
        let y_domain = nice_domain(0.0, model.total_usd(), max_ticks_for(plot_h, 52.0));
        let probe = LinearScale::new(y_domain, (0.0, 1.0));
        let y_values = probe.ticks(max_ticks_for(plot_h, 52.0));
        let y_texts: Vec<String> = y_values
            .iter()
            .map(|&v| {
                if v == 0.0 {
                    "0".to_string()
                } else {
                    fmt.amount(v)
                }
            })
            .collect();
        let left = y_texts
            .iter()
            .map(|t| estimate_text_px(t, FONT_PX, false))
            .fold(0.0, f64::max)
            + 12.0;
        let plot = Rect::new(left, TOP_PX, width - RIGHT_PX, height - BOTTOM_PX);
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
        // The largest steps are labelled, the others keep their tooltip and
        // their row in the table: a few thousand steps have no room for a
        // label each, and placing them all took a quarter of a second.
        let labelled = largest_steps(model, MAX_STEP_LABELS);
        for (idx, point) in points.iter_mut().enumerate() {
            if !labelled[idx] {
                continue;
            }
            let step = &model.steps[point.step_idx];
            let amount = fmt.amount(step.amount_usd);
            let amount = format!("+{}", qualified(&amount, step.qualifier, lang));
            let name = short_initiative_label(dataset, step.initiative_idx, lang);
            let texts = [format!("{name} {amount}"), amount];
            point.label = place_step_label(&texts, idx, &centres, &bounds, &obstacles);
            obstacles.push(point.label.bounds().inflate(2.0));
        }
        let total = (!model.steps.is_empty()).then(|| {
            let text = fill_named(
                strings.chart_cumulative_total,
                &[("total", &fmt.amount(model.total_usd()))],
            );
            let size = FONT_PX + 1.0;
            let candidates = [
                Label::new(
                    text.clone(),
                    plot.x1,
                    previous_y - 13.0,
                    Align::Right,
                    size,
                    Paint::Text,
                )
                .bold(),
                Label::new(
                    text.clone(),
                    plot.x1,
                    previous_y + 14.0,
                    Align::Right,
                    size,
                    Paint::Text,
                )
                .bold(),
                Label::new(
                    text,
                    plot.x0 + 4.0,
                    TOP_PX - 16.0,
                    Align::Left,
                    size,
                    Paint::Text,
                )
                .bold(),
            ];
            let free = candidates
                .iter()
                .find(|l| fits(&l.bounds(), &bounds, &obstacles));
            free.unwrap_or(&candidates[2]).clone()
        });

        let marks = points
            .iter()
            .map(|point| {
                let step = &model.steps[point.step_idx];
                let extra = vec![(
                    strings.chart_tt_running_total.to_string(),
                    fmt.amount(step.total_usd),
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
        let fill = theme
            .rgb(Paint::Accent)
            .mix(theme.surface, 0.88)
            .to_plotters();
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
    if let Some(total) = &layout.total {
        draw_label(area, total, theme)?;
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

/// The chart in words: the total, how many announcements over which
/// dates, what is counted and what is not, and the caveats.
pub fn summary(dataset: &Dataset, model: &CumulativeModel, fmt: &dyn Formatter) -> String {
    let strings = fmt.lang().strings();
    let (Some(first), Some(last)) = (model.steps.first(), model.steps.last()) else {
        return strings.chart_empty.to_string();
    };
    let date = |event_idx: usize| {
        dataset
            .events
            .get(event_idx)
            .map(|e| fmt.date(&e.date))
            .unwrap_or_default()
    };
    let total = fmt.amount(model.total_usd());
    let count = model.steps.len().to_string();
    let (first_date, last_date) = (date(first.event_idx), date(last.event_idx));
    let mut text = fill_named(
        strings.chart_cumulative_summary,
        &[
            ("total", &total),
            ("count", &count),
            ("first", &first_date),
            ("last", &last_date),
        ],
    );
    text.push(' ');
    text.push_str(strings.chart_cumulative_rule);
    if model
        .steps
        .iter()
        .any(|s| s.date_kind != DateKind::Occurred)
    {
        text.push(' ');
        text.push_str(strings.chart_cumulative_reported);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{svg, ChartLayout};
    use crate::data;
    use crate::i18n::{Lang, PlainFormatter};

    fn setup() -> (Dataset, CumulativeModel) {
        let (dataset, _) = data::bundled();
        let model = CumulativeModel::new(&dataset);
        (dataset, model)
    }

    #[test]
    fn only_announced_and_planned_amounts_are_added_in_date_order() {
        let (dataset, model) = setup();
        let ids: Vec<&str> = model
            .steps
            .iter()
            .map(|s| dataset.figures[s.figure_idx].id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "stargate-500bn",
                "factory-plan-200bn",
                "ai-acceleration-600bn",
                "aws-government-50bn",
                "amazon-capex-125bn"
            ]
        );
        assert_eq!(model.total_usd(), 1475e9);
        assert!(model
            .steps
            .windows(2)
            .all(|w| w[0].day <= w[1].day && w[0].total_usd < w[1].total_usd));
        assert!(model.steps.iter().all(|s| COUNTED_KINDS.contains(&s.kind)));
        assert_eq!(
            model.day_domain(),
            (days_from_civil(2025, 1, 1), days_from_civil(2026, 1, 1))
        );
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
    fn wide_charts_label_each_step_with_its_initiative() {
        let (dataset, model) = setup();
        let layout = CumulativeLayout::new(&dataset, &model, 1280.0, &PlainFormatter(Lang::En));
        assert_eq!(layout.points[0].label.text, "Stargate +$500bn");
        assert!(layout.points[2]
            .label
            .text
            .starts_with("AI acceleration partnership"));
        assert_eq!(
            layout.total.as_ref().map(|l| l.text.as_str()),
            Some("Total: $1,475bn")
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
        let n_reported = model
            .steps
            .iter()
            .filter(|s| s.date_kind != DateKind::Occurred)
            .count();
        assert!(n_reported > 0);
        assert_eq!(
            svg::count_filled(&svg, "circle", theme.surface),
            n_reported,
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
                .any(|t| t.starts_with("Total") && t.contains("1\u{202f}475")),
            "{texts:?}"
        );
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
        let stargate = dataset.event_idx("stargate-announced").unwrap();
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
            "the other announcements fade"
        );
    }

    #[test]
    fn the_summary_says_what_is_counted() {
        let (dataset, model) = setup();
        let text = summary(&dataset, &model, &PlainFormatter(Lang::En));
        assert!(text.contains("$1,475bn"), "{text}");
        assert!(text.contains("first tranche"), "{text}");
    }
}
