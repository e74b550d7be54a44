//! What a running total adds, what it leaves out and why, in words: the
//! cumulative chart decides (`charts::cumulative`), this module says it.

use super::figure::{amount, figure_value, initiative_label};
use super::text::{join_notes, labelled, quote};
use crate::data::{Dataset, Qualifier};
use crate::i18n::{fill, Formatter, Lang};

/// Why an amount is not added to the running total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Mentioned without being announced as a commitment.
    Floated,
    /// The first tranche of an announcement (of this initiative).
    FirstTranche { initiative_idx: Option<usize> },
    /// What someone claims is secured (their ids).
    ClaimedSecured { by: Vec<String> },
    /// Campaign money, not an investment.
    CampaignSpending,
    /// Neither an announcement nor planned spending.
    OtherKind,
    /// The article's own wording or estimate.
    PerArticle,
    /// Doubted by the copy desk.
    Doubt,
    /// Overlaps another figure (its id).
    Overlaps { figure_id: String },
    /// No one is named as committing to it.
    NoCommitment,
}

/// One reason in words.
pub fn reason_text(
    reason: &Reason,
    dataset: &Dataset,
    figure_idx: usize,
    fmt: &dyn Formatter,
) -> String {
    let lang = fmt.lang();
    let strings = lang.strings();
    match reason {
        Reason::Floated => strings.reason_floated.to_string(),
        Reason::FirstTranche {
            initiative_idx: Some(idx),
        } => fill(
            strings.reason_first_tranche,
            initiative_label(dataset, Some(*idx), lang),
        ),
        Reason::FirstTranche { .. } => strings.reason_first_tranche_unnamed.to_string(),
        Reason::ClaimedSecured { by } if !by.is_empty() => {
            let names: Vec<&str> = by.iter().map(|id| dataset.actor_name(id, lang)).collect();
            fill(strings.reason_claimed, names.join(", "))
        }
        Reason::ClaimedSecured { .. } => strings.reason_claimed_unnamed.to_string(),
        Reason::CampaignSpending => strings.reason_campaign.to_string(),
        Reason::OtherKind => strings.reason_other_kind.to_string(),
        Reason::PerArticle => strings.reason_per_article.to_string(),
        Reason::Doubt => {
            let doubt = dataset
                .figures
                .get(figure_idx)
                .and_then(|f| f.doubt.as_ref())
                .map(|d| lang.pick(d).trim().to_string())
                .unwrap_or_default();
            lowercase_first(&labelled(strings.doubt_label, &doubt, lang))
        }
        Reason::Overlaps { figure_id } => {
            let other = match dataset.figure(figure_id) {
                Some(other) => format!(
                    "{} ({})",
                    quote(lang.pick(&other.label), lang).to_text(),
                    figure_value(other, fmt)
                ),
                None => quote(figure_id, lang).to_text(),
            };
            fill(strings.overlaps_note, other)
        }
        Reason::NoCommitment => strings.no_commitment.to_string(),
    }
}

/// Every reason of one amount, in one line.
pub fn reasons_text(
    reasons: &[Reason],
    dataset: &Dataset,
    figure_idx: usize,
    fmt: &dyn Formatter,
) -> String {
    let texts: Vec<String> = reasons
        .iter()
        .map(|reason| reason_text(reason, dataset, figure_idx, fmt))
        .collect();
    join_notes(&texts, fmt.lang())
}

/// What a sum of qualified amounts is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalBound {
    /// Every part has this qualifier, or is exact.
    Qualified(Qualifier),
    /// Floors ("at least") and ceilings ("up to", "less than") together:
    /// the sum is neither.
    Mixed,
}

/// The bound of a sum of amounts with these qualifiers: exact parts change
/// nothing; floors give a floor, ceilings a ceiling, an approximation an
/// approximation; floors and ceilings together give neither.
pub fn total_bound(qualifiers: impl IntoIterator<Item = Qualifier>) -> TotalBound {
    let (mut floor, mut ceiling, mut less, mut about) = (false, false, false, false);
    for qualifier in qualifiers {
        match qualifier {
            Qualifier::Exact => {}
            Qualifier::AtLeast => floor = true,
            Qualifier::UpTo => ceiling = true,
            Qualifier::LessThan => less = true,
            Qualifier::About => about = true,
        }
    }
    match (floor, ceiling || less, about) {
        (true, true, _) => TotalBound::Mixed,
        (true, false, false) => TotalBound::Qualified(Qualifier::AtLeast),
        (false, true, false) if ceiling => TotalBound::Qualified(Qualifier::UpTo),
        (false, true, false) => TotalBound::Qualified(Qualifier::LessThan),
        (_, _, true) => TotalBound::Qualified(Qualifier::About),
        (false, false, false) => TotalBound::Qualified(Qualifier::Exact),
    }
}

/// A total's amount in a sentence that says the mix itself (the chart's
/// summary adds [`Strings::chart_cumulative_mixed_note`]): "au moins
/// 500 Md$", or the bare sum of floors and ceilings.
///
/// [`Strings::chart_cumulative_mixed_note`]: crate::i18n::Strings::chart_cumulative_mixed_note
pub fn total_amount(total_usd: f64, bound: TotalBound, fmt: &dyn Formatter) -> String {
    match bound {
        TotalBound::Qualified(qualifier) => amount(total_usd, qualifier, fmt),
        TotalBound::Mixed => fmt.amount(total_usd),
    }
}

/// A running total on its own (a tooltip row, a table cell): "au moins
/// 500 Md$", or "550 Md$ (minimums et maximums mêlés)".
pub fn running_total(total_usd: f64, bound: TotalBound, fmt: &dyn Formatter) -> String {
    match bound {
        TotalBound::Qualified(qualifier) => amount(total_usd, qualifier, fmt),
        TotalBound::Mixed => format!(
            "{} {}",
            fmt.amount(total_usd),
            fmt.lang().strings().mixed_tag
        ),
    }
}

/// The total as its label on the chart: "Total : au moins 550 Md$", or
/// for floors and ceilings together "Somme : 550 Md$ (minimums et
/// maximums mêlés)".
pub fn total_label(total_usd: f64, bound: TotalBound, fmt: &dyn Formatter) -> String {
    let (head, tag) = total_label_lines(total_usd, bound, fmt);
    match tag {
        Some(tag) => format!("{head} {tag}"),
        None => head,
    }
}

/// [`total_label`] in the two parts a narrow chart writes on two lines:
/// ("Somme : 550 Md$", Some("(minimums et maximums mêlés)")), or the
/// qualified total alone.
pub fn total_label_lines(
    total_usd: f64,
    bound: TotalBound,
    fmt: &dyn Formatter,
) -> (String, Option<&'static str>) {
    let strings = fmt.lang().strings();
    match bound {
        TotalBound::Qualified(qualifier) => (
            strings
                .chart_cumulative_total
                .replace("{total}", &amount(total_usd, qualifier, fmt)),
            None,
        ),
        TotalBound::Mixed => (
            strings
                .chart_cumulative_sum
                .replace("{total}", &total_amount(total_usd, bound, fmt)),
            Some(strings.mixed_tag),
        ),
    }
}

/// A step's label: "Stargate +500 Md$", "AWS + jusqu’à 50 Md$".
pub fn step_amount(usd: f64, qualifier: Qualifier, fmt: &dyn Formatter) -> String {
    match qualifier {
        Qualifier::Exact => format!("+{}", fmt.amount(usd)),
        _ => format!("+ {}", amount(usd, qualifier, fmt)),
    }
}

/// "Mis en doute : …" → "mis en doute : …", for the middle of a line.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The language's "and" list: "A, B et C" / "A, B and C".
pub fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.strings().and_word),
    }
}

/// An added amount in the summary: "Stargate (au moins 500 Md$)".
pub fn added_item(dataset: &Dataset, figure_idx: usize, fmt: &dyn Formatter) -> String {
    let Some(figure) = dataset.figures.get(figure_idx) else {
        return String::new();
    };
    let name = match &figure.initiative {
        Some(id) => initiative_label(
            dataset,
            dataset.initiatives.iter().position(|i| &i.id == id),
            fmt.lang(),
        ),
        None => fmt.lang().pick(&figure.label).to_string(),
    };
    format!("{name} ({})", figure_value(figure, fmt))
}

/// An amount not added, with its reasons: "Plan de modernisation des
/// usines sur cinq ans (200 Md$) — évoqué, pas annoncé comme un
/// engagement".
pub fn left_out_item(
    dataset: &Dataset,
    figure_idx: usize,
    reasons: &[Reason],
    fmt: &dyn Formatter,
) -> String {
    let Some(figure) = dataset.figures.get(figure_idx) else {
        return String::new();
    };
    let label = fmt.lang().pick(&figure.label);
    let reasons = reasons_text(reasons, dataset, figure_idx, fmt);
    // "Stargate : 100 Md$ à déployer d’abord" already says the amount.
    let spaced = |text: &str| text.replace(['\u{a0}', '\u{202f}'], " ");
    if spaced(label).contains(&spaced(&fmt.figure(figure))) {
        format!("{label} — {reasons}")
    } else {
        format!("{label} ({}) — {reasons}", figure_value(figure, fmt))
    }
}
