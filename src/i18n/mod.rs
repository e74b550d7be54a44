//! Languages: every string the interface shows or announces, and the pure
//! formatting of dates, amounts and numbers.
//!
//! Adding a language is one file (a copy of `en.rs` with its own
//! [`Strings`]) plus one [`Lang`] entry and its arms in `Lang::code`,
//! `Lang::strings` and `Lang::ALL`; the compiler then points at every
//! remaining place. Dataset texts carry `fr` and `en`; a new language falls
//! back to French for them until the dataset model grows a field.

mod en;
mod format;
mod fr;

pub use format::{format_amount, format_date, format_figure, format_number, format_tick};

use crate::data::Text;

/// The reader's language. French is the default: the story is French first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 code, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| code == lang.code() || code.starts_with(&format!("{}-", lang.code())))
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }

    /// The text in this language, or the French one when it is missing.
    pub fn pick(self, text: &Text) -> &str {
        let wanted = match self {
            Lang::Fr => &text.fr,
            Lang::En => &text.en,
        };
        if wanted.trim().is_empty() {
            &text.fr
        } else {
            wanted
        }
    }
}

/// Fills `{n}` (and `{x}`) placeholders of a template string.
pub fn fill(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

/// Every interface string of one language. A struct, not a map: a missing
/// key in any language is a compile error.
#[derive(Debug)]
pub struct Strings {
    pub lang_name: &'static str,
    pub app_title: &'static str,
    pub app_dek: &'static str,
    pub loading: &'static str,
    pub language_switch_label: &'static str,
    pub skip_to_timeline: &'static str,

    pub timeline_heading: &'static str,
    pub timeline_label: &'static str,
    pub timeline_help: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_fit: &'static str,
    pub zoom_controls_label: &'static str,
    /// "{n} events" on a cluster marker.
    pub cluster_label: &'static str,
    /// Accessible name of a cluster button: "{n} events, activate to zoom in".
    pub cluster_action: &'static str,
    pub track_label: &'static str,

    pub detail_heading: &'static str,
    pub detail_empty: &'static str,
    pub detail_close: &'static str,
    pub detail_previous: &'static str,
    pub detail_next: &'static str,
    pub actors_heading: &'static str,
    pub figures_heading: &'static str,
    pub sources_heading: &'static str,
    pub initiative_label: &'static str,
    pub date_reported: &'static str,
    pub date_derived_days: &'static str,
    pub date_derived_months: &'static str,
    pub seed_source_label: &'static str,
    pub public_source_label: &'static str,
    /// Live-region announcement: "Selected: {n}".
    pub announce_selected: &'static str,
    pub announce_closed: &'static str,

    pub figure_kind_announced: &'static str,
    pub figure_kind_first_tranche: &'static str,
    pub figure_kind_claimed_secured: &'static str,
    pub figure_kind_planned_spending: &'static str,
    pub figure_kind_campaign_spending: &'static str,
    pub figure_kind_capacity: &'static str,
    pub figure_kind_count: &'static str,
    pub figure_kind_deadline: &'static str,
    pub figure_kind_share: &'static str,
    pub figure_kind_target: &'static str,
    /// "over {n} years".
    pub period_years: &'static str,
    pub period_one_year: &'static str,
    pub approximate_prefix: &'static str,

    pub unit_gigawatts: &'static str,
    pub unit_homes: &'static str,
    pub unit_laboratories: &'static str,
    pub unit_organisations: &'static str,
    pub unit_agencies: &'static str,
    pub unit_challenges: &'static str,
    pub unit_days: &'static str,
    pub unit_months: &'static str,
    pub unit_years: &'static str,

    pub errors_heading: &'static str,
    pub errors_intro: &'static str,
    pub fatal_heading: &'static str,
    pub fatal_intro: &'static str,
    pub panic_message: &'static str,
    pub warning_label: &'static str,
    pub error_label: &'static str,

    pub footer_sources: &'static str,
    pub footer_method: &'static str,

    pub month_names: [&'static str; 12],
    pub month_short: [&'static str; 12],
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of `Strings`, as (name, value) pairs, via its Debug form.
    fn entries(strings: &Strings) -> Vec<(String, String)> {
        let debug = format!("{strings:#?}");
        debug
            .lines()
            .filter_map(|line| {
                let line = line.trim();
                let (key, value) = line.split_once(": ")?;
                Some((key.to_string(), value.trim_end_matches(',').to_string()))
            })
            .collect()
    }

    #[test]
    fn every_language_has_the_same_keys_and_no_empty_value() {
        let reference: Vec<String> = entries(Lang::Fr.strings()).into_iter().map(|(k, _)| k).collect();
        assert!(reference.len() > 40);
        for lang in Lang::ALL {
            let entries = entries(lang.strings());
            let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
            assert_eq!(keys, reference, "{lang:?}");
            for (key, value) in entries {
                assert_ne!(value, "\"\"", "{lang:?}: {key} is empty");
            }
            for name in lang.strings().month_names.iter().chain(&lang.strings().month_short) {
                assert!(!name.is_empty());
            }
        }
    }

    #[test]
    fn templates_keep_their_placeholder_in_every_language() {
        for lang in Lang::ALL {
            let s = lang.strings();
            for template in [s.cluster_label, s.cluster_action, s.announce_selected, s.period_years, s.date_derived_days, s.date_derived_months] {
                assert!(template.contains("{n}"), "{lang:?}: {template}");
            }
        }
    }

    #[test]
    fn language_codes_round_trip_and_fall_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        let text = Text { fr: "Bonjour".into(), en: "".into() };
        assert_eq!(Lang::En.pick(&text), "Bonjour");
    }
}
