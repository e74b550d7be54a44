//! A figure as a reader sees it: its value with its qualifier, what kind
//! of figure it is, over which period, who states it and who commits it,
//! and the reservations (the article's own wording, a doubt, an overlap).

use super::text::{join_names, labelled, quote, sentences};
use crate::data::{Dataset, Figure, FigureKind, Period, Qualifier};
use crate::i18n::{fill, Formatter, Lang};

/// The word a qualifier puts before a value ("jusqu’à" / "up to"), none
/// for an exact value.
pub fn qualifier_word(qualifier: Qualifier, lang: Lang) -> Option<&'static str> {
    let strings = lang.strings();
    match qualifier {
        Qualifier::Exact => None,
        Qualifier::UpTo => Some(strings.qualifier_up_to),
        Qualifier::AtLeast => Some(strings.qualifier_at_least),
        Qualifier::About => Some(strings.qualifier_about),
        Qualifier::LessThan => Some(strings.qualifier_less_than),
    }
}

/// A formatted value with its qualifier: "jusqu’à 50 Md$" / "up to
/// $50bn". Never "≈" for a ceiling.
pub fn qualified(value: &str, qualifier: Qualifier, lang: Lang) -> String {
    match qualifier_word(qualifier, lang) {
        Some(word) => format!("{word} {value}"),
        None => value.to_string(),
    }
}

/// A figure's value with its unit and qualifier: "jusqu’à 50 Md$",
/// "environ 1,3 GW", "81 %".
pub fn figure_value(figure: &Figure, fmt: &dyn Formatter) -> String {
    qualified(&fmt.figure(figure), figure.qualifier, fmt.lang())
}

/// An amount in dollars with a qualifier (a chart's bar or step).
pub fn amount(usd: f64, qualifier: Qualifier, fmt: &dyn Formatter) -> String {
    qualified(&fmt.amount(usd), qualifier, fmt.lang())
}

/// An amount per year with a qualifier: "jusqu’à 125 Md$/an".
pub fn amount_per_year(usd: f64, qualifier: Qualifier, fmt: &dyn Formatter) -> String {
    qualified(&fmt.amount_per_year(usd), qualifier, fmt.lang())
}

/// An amount with its qualifier where the chart has no length of time for
/// it: "jusqu’à 50 Md$ au total, durée non précisée".
pub fn no_period_amount(usd: f64, qualifier: Qualifier, fmt: &dyn Formatter) -> String {
    fill(
        fmt.lang().strings().chart_no_period,
        amount(usd, qualifier, fmt),
    )
}

/// A graduation of a dollar axis: "0", "100 Md$" / "$100bn". Not a
/// figure of the dataset, so never qualified.
pub fn axis_amount(usd: f64, fmt: &dyn Formatter) -> String {
    if usd == 0.0 {
        "0".to_string()
    } else {
        fmt.amount(usd)
    }
}

/// A count for a reader, grouped as the language groups digits: "2 000"
/// / "2,000".
pub fn count(n: usize, fmt: &dyn Formatter) -> String {
    fmt.number(n as f64, 0)
}

/// What share of `whole` a part is: "2 %" / "2%".
pub fn share_of(part: f64, whole: f64, fmt: &dyn Formatter) -> String {
    fmt.percent(part / whole * 100.0)
}

/// Every digit of an amount, with its qualifier: "jusqu’à 50 000 000 000 $".
pub fn exact_amount(usd: f64, qualifier: Qualifier, fmt: &dyn Formatter) -> String {
    qualified(&fmt.exact_amount(usd), qualifier, fmt.lang())
}

/// An initiative's name without a trailing parenthesis ("Partenariat
/// d’accélération de l’IA (600 Md$)" → "Partenariat d’accélération de
/// l’IA"): the amount is printed next to it. "Autres" / "Other" without
/// an initiative.
pub fn initiative_label(dataset: &Dataset, initiative_idx: Option<usize>, lang: Lang) -> String {
    let Some(initiative) = initiative_idx.and_then(|i| dataset.initiatives.get(i)) else {
        return lang.strings().chart_other_initiative.to_string();
    };
    let label = lang.pick(&initiative.label).trim();
    match label.rfind(" (") {
        Some(cut) if label.ends_with(')') && cut > 0 => label[..cut].to_string(),
        _ => label.to_string(),
    }
}

/// What kind of figure it is, in words: "annoncé", "évoqué, sans
/// engagement"...
pub fn kind_label(kind: FigureKind, lang: Lang) -> &'static str {
    let strings = lang.strings();
    match kind {
        FigureKind::Announced => strings.figure_kind_announced,
        FigureKind::FirstTranche => strings.figure_kind_first_tranche,
        FigureKind::ClaimedSecured => strings.figure_kind_claimed_secured,
        FigureKind::PlannedSpending => strings.figure_kind_planned_spending,
        FigureKind::CampaignSpending => strings.figure_kind_campaign_spending,
        FigureKind::Capacity => strings.figure_kind_capacity,
        FigureKind::Count => strings.figure_kind_count,
        FigureKind::Deadline => strings.figure_kind_deadline,
        FigureKind::Share => strings.figure_kind_share,
        FigureKind::Target => strings.figure_kind_target,
        FigureKind::Floated => strings.figure_kind_floated,
    }
}

/// The period a figure covers: "sur 4 ans", "sur un an", "en 2025",
/// "sur 4 ans, à partir de 2025"; `None` when it is not a length.
pub fn period_text(period: &Period, fmt: &dyn Formatter) -> Option<String> {
    let strings = fmt.lang().strings();
    if !(period.years.is_finite() && period.years > 0.0) {
        return None;
    }
    Some(match (period.years == 1.0, period.start_year) {
        (true, Some(year)) => fill(strings.period_in_year, year),
        (true, None) => strings.period_one_year.to_string(),
        (false, start) => {
            let length = fill(strings.period_years, fmt.number(period.years, 1));
            match start {
                Some(year) => format!("{length}, {}", fill(strings.period_from_year, year)),
                None => length,
            }
        }
    })
}

/// A figure, line by line.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureLines {
    pub id: String,
    /// "jusqu’à 50 Md$".
    pub value: String,
    /// What it measures, in the reader's language.
    pub label: String,
    /// [`kind_label`].
    pub kind: &'static str,
    /// [`period_text`], when the source gives a period.
    pub period: Option<String>,
    /// The amount per year, for money over a known period.
    pub per_year: Option<String>,
    /// Names of who states it.
    pub stated_by: Vec<String>,
    /// Names of who commits it.
    pub committed_by: Vec<String>,
    /// Reservations: "selon l’article", "Mis en doute : …", "recoupe
    /// « … »", "personne n’est nommé comme s’y engageant".
    pub notes: Vec<String>,
}

impl FigureLines {
    /// Kind and period: "annoncé, sur 4 ans".
    pub fn facts(&self) -> String {
        let mut parts = vec![self.kind.to_string()];
        parts.extend(self.period.clone());
        parts.join(", ")
    }

    /// ("Avancé par", "Elon Musk"), ("Engagé par", "SoftBank"), for those
    /// that are known.
    pub fn attribution(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let strings = lang.strings();
        let mut rows = Vec::new();
        if !self.stated_by.is_empty() {
            rows.push((strings.stated_by_label, join_names(&self.stated_by)));
        }
        if !self.committed_by.is_empty() {
            rows.push((strings.committed_by_label, join_names(&self.committed_by)));
        }
        rows
    }

    /// "Avancé par : Elon Musk · Engagé par : SoftBank" (empty when
    /// neither is known).
    pub fn attribution_text(&self, lang: Lang) -> String {
        self.attribution(lang)
            .into_iter()
            .map(|(label, names)| labelled(label, &names, lang))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The reservations as sentences: "Selon l’article. Mis en doute\u{a0}: …".
    pub fn notes_text(&self) -> String {
        sentences(&self.notes)
    }

    /// Who states, who commits and the reservations, in one line: the
    /// tables' "Notes" column.
    pub fn precisions(&self, lang: Lang) -> String {
        let parts = [self.attribution_text(lang), self.notes_text()];
        let parts: Vec<&str> = parts
            .iter()
            .map(String::as_str)
            .filter(|p| !p.is_empty())
            .collect();
        parts.join(" · ")
    }
}

/// The reservations of a figure, in order: the article's own wording, the
/// doubt, the overlap, and for money, that no one commits to it.
pub fn figure_notes(dataset: &Dataset, figure: &Figure, fmt: &dyn Formatter) -> Vec<String> {
    let lang = fmt.lang();
    let strings = lang.strings();
    let mut notes = Vec::new();
    if figure.per_article {
        notes.push(strings.per_article.to_string());
    }
    if let Some(doubt) = &figure.doubt {
        notes.push(labelled(strings.doubt_label, lang.pick(doubt).trim(), lang));
    }
    if let Some(other_id) = &figure.overlaps {
        let other = match dataset.figure(other_id) {
            Some(other) => format!(
                "{} ({})",
                quote(lang.pick(&other.label), lang).to_text(),
                figure_value(other, fmt)
            ),
            None => quote(other_id, lang).to_text(),
        };
        notes.push(fill(strings.overlaps_note, other));
    }
    if figure.unit.is_money() && figure.committed_by.is_empty() {
        notes.push(strings.no_commitment.to_string());
    }
    notes
}

/// The lines of figure `figure_idx` (empty lines for an index out of range).
pub fn figure_lines(dataset: &Dataset, figure_idx: usize, fmt: &dyn Formatter) -> FigureLines {
    let lang = fmt.lang();
    let Some(figure) = dataset.figures.get(figure_idx) else {
        return FigureLines {
            id: String::new(),
            value: String::new(),
            label: String::new(),
            kind: "",
            period: None,
            per_year: None,
            stated_by: Vec::new(),
            committed_by: Vec::new(),
            notes: Vec::new(),
        };
    };
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| dataset.actor_name(id, lang).to_string())
            .collect()
    };
    let period = figure.period.as_ref().and_then(|p| period_text(p, fmt));
    let per_year = match figure.period {
        Some(p) if figure.unit.is_money() && period.is_some() => Some(amount_per_year(
            figure.value / p.years,
            figure.qualifier,
            fmt,
        )),
        _ => None,
    };
    FigureLines {
        id: figure.id.clone(),
        value: figure_value(figure, fmt),
        label: lang.pick(&figure.label).to_string(),
        kind: kind_label(figure.kind, lang),
        period,
        per_year,
        stated_by: names(&figure.stated_by),
        committed_by: names(&figure.committed_by),
        notes: figure_notes(dataset, figure, fmt),
    }
}
