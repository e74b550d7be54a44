//! Languages: every string the interface shows or announces, and the pure
//! formatting of dates, amounts and numbers.
//!
//! Adding a language is one file (a copy of `en.rs` with its own
//! [`Strings`]) plus one [`Lang`] entry (in `data::Lang`) and its arms in
//! `Lang::code`, `Lang::strings` (here) and `Lang::ALL`; the compiler then
//! points at every exhaustive `match` on `Lang`. Dataset texts carry `fr` and `en`; a new language falls
//! back to French for them until the dataset model grows a field.

mod en;
mod format;
mod fr;

pub use format::intl_fraction_digits;
pub use format::{
    amount_style, compose_amount, format_amount, format_date, format_number, format_tick,
    AmountStyle, AmountUnit, Formatter, PlainFormatter,
};

/// The reader's language (defined with the texts it picks from, in `data`).
pub use crate::data::Lang;

impl Lang {
    /// Every interface string in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::En => &en::STRINGS,
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
    /// The colour theme switch (issue 5): its group label and one label per choice.
    pub theme_switch_label: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    /// A quoted title inside a sentence: "« {n} »" in French, "“{n}”" in English.
    pub quoted: &'static str,
    /// Between notes in one line: " ; " in French, "; " in English.
    pub note_separator: &'static str,

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
    /// What each kind of date is (issue 14): in the legend, the detail,
    /// the tooltips and the tables, through `present::date_kind_label`.
    pub date_kind_occurred: &'static str,
    pub date_kind_reported: &'static str,
    pub date_kind_undated_source: &'static str,
    pub date_kind_planned: &'static str,
    /// Next to what is the article's own wording: "selon l’article".
    pub per_article: &'static str,
    /// Who says a figure / who commits the money.
    pub stated_by_label: &'static str,
    pub committed_by_label: &'static str,
    /// A dollar figure no one is named as committing to.
    pub no_commitment: &'static str,
    /// Before the reason a figure is doubted: "Mis en doute".
    pub doubt_label: &'static str,
    /// "Overlaps {n}" (another figure).
    pub overlaps_note: &'static str,
    /// In place of an article's date when it has none.
    pub undated_article: &'static str,
    /// A one-year period with its year: "in {n}".
    pub period_in_year: &'static str,
    /// After a period: "from {n}".
    pub period_from_year: &'static str,
    pub date_derived_days: &'static str,
    pub date_derived_months: &'static str,
    /// Placeholders: {months}, {days}.
    pub date_derived_months_days: &'static str,
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
    pub figure_kind_floated: &'static str,
    /// "over {n} years".
    pub period_years: &'static str,
    pub period_one_year: &'static str,
    /// Before a ceiling: "jusqu’à" / "up to".
    pub qualifier_up_to: &'static str,
    /// Before a floor: "au moins" / "at least".
    pub qualifier_at_least: &'static str,
    /// Before an approximation: "environ" / "about".
    pub qualifier_about: &'static str,
    /// Before an upper bound not reached: "moins de" / "less than".
    pub qualifier_less_than: &'static str,

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
    /// The footer's source line under other data than the published story.
    pub footer_sources_file: &'static str,
    pub footer_method: &'static str,

    /// Separator before a value: " : " in French, ": " in English.
    pub colon: &'static str,
    pub legend_label: &'static str,
    pub legend_day: &'static str,
    pub legend_month: &'static str,
    pub legend_derived: &'static str,
    pub legend_cluster: &'static str,

    pub month_names: [&'static str; 12],
    pub month_short: [&'static str; 12],

    // Data loading (issue 6)
    /// Heading of the newsroom tools (file preview) in the footer.
    pub data_tools_heading: &'static str,
    /// Label of the file picker.
    pub data_file_label: &'static str,
    pub data_file_help: &'static str,
    /// Shown over the page while a file is dragged over it.
    pub data_drop_hint: &'static str,
    /// "Showing {n}": the name of the file shown instead of the published data.
    pub data_showing: &'static str,
    pub data_back_to_published: &'static str,
    pub data_loading: &'static str,
    /// Before a problem's hint: "What to do".
    pub hint_label: &'static str,
    pub media_label: &'static str,
    pub media_credit_label: &'static str,

    // Charts (issue 3)
    pub funding_heading: &'static str,
    pub funding_dek: &'static str,
    pub chart_help: &'static str,
    /// Accessible name of a focusable chart: "{n}. Arrows move...".
    pub chart_canvas_hint: &'static str,
    pub chart_commitments_heading: &'static str,
    pub chart_cumulative_heading: &'static str,
    pub chart_matrix_heading: &'static str,
    pub chart_key_figures_heading: &'static str,
    pub chart_mode_label: &'static str,
    pub chart_mode_total: &'static str,
    pub chart_mode_per_year: &'static str,
    pub chart_scale_label: &'static str,
    pub chart_scale_linear: &'static str,
    pub chart_scale_log: &'static str,
    pub chart_show_table: &'static str,
    pub chart_hide_table: &'static str,
    pub chart_download_label: &'static str,
    pub chart_download_png_label: &'static str,
    pub chart_download_csv_label: &'static str,
    pub chart_download_json_label: &'static str,
    /// The button under the first key figures: "{n}" is how many there are.
    pub chart_show_all_figures: &'static str,
    /// The same button once they all show: "{n}" is how many stay.
    pub chart_show_fewer_figures: &'static str,
    /// Under a chart group with more amounts than it draws: "{n}" more.
    pub chart_more_amounts: &'static str,
    pub chart_see_on_timeline: &'static str,
    pub chart_other_initiative: &'static str,
    pub chart_empty: &'static str,
    pub chart_tt_amount: &'static str,
    pub chart_tt_exact: &'static str,
    pub chart_tt_kind: &'static str,
    pub chart_tt_period: &'static str,
    pub chart_tt_per_year: &'static str,
    pub chart_tt_date: &'static str,
    pub chart_tt_running_total: &'static str,
    pub chart_period_unknown: &'static str,
    /// "{n} in total, period not given".
    pub chart_no_period: &'static str,
    /// "secured, per {n}" (who claims it).
    pub chart_secured_per: &'static str,
    /// "{n} of the announcement".
    pub chart_share_of_announced: &'static str,
    /// Placeholders: {count}, {groups}, {min}, {max}.
    pub chart_commitments_summary: &'static str,
    /// Placeholders: {initiative}, {announced}, {parts}.
    pub chart_commitments_gap: &'static str,
    /// {n}: how many amounts have no period.
    pub chart_per_year_note: &'static str,
    pub chart_log_note: &'static str,
    /// Placeholder: {total}.
    pub chart_cumulative_total: &'static str,
    /// Placeholders: {total}, {first}, {last}, {added}.
    pub chart_cumulative_summary: &'static str,
    pub chart_cumulative_rule: &'static str,
    /// The label of a sum of minimums and maximums, before its
    /// [`Strings::mixed_tag`]. Placeholder: {total}.
    pub chart_cumulative_sum: &'static str,
    /// What follows a sum of minimums and maximums (the chart's label, a
    /// tooltip row, a table cell); on a narrow chart, on a line of its own.
    pub mixed_tag: &'static str,
    /// Why such a sum is neither a floor nor a ceiling.
    pub chart_cumulative_mixed_note: &'static str,
    /// Before the amounts not added, each with its reasons.
    pub chart_cumulative_left_out: &'static str,
    /// When nothing can honestly be added.
    pub chart_cumulative_none: &'static str,
    /// Heading of the list of amounts not added.
    pub chart_left_out_heading: &'static str,
    /// Why an amount is not added to the running total.
    pub reason_floated: &'static str,
    /// "{n}": the initiative.
    pub reason_first_tranche: &'static str,
    pub reason_first_tranche_unnamed: &'static str,
    /// "{n}": who claims it.
    pub reason_claimed: &'static str,
    pub reason_claimed_unnamed: &'static str,
    pub reason_campaign: &'static str,
    pub reason_other_kind: &'static str,
    pub reason_per_article: &'static str,
    /// The last link of a list: "et" / "and".
    pub and_word: &'static str,
    pub chart_cumulative_reported: &'static str,
    /// "{n} initiatives".
    pub chart_n_initiatives: &'static str,
    /// Placeholders: {actors}, {initiatives}, {top}, {top_count}.
    pub chart_matrix_summary: &'static str,
    pub chart_matrix_caption: &'static str,
    pub chart_matrix_actor_col: &'static str,
    /// Screen-reader text of a filled cell: "{n} events".
    pub chart_matrix_cell: &'static str,
    /// {n}: how many cards.
    pub chart_key_figures_summary: &'static str,
    pub chart_actor_kind_company: &'static str,
    pub chart_actor_kind_person: &'static str,
    pub chart_actor_kind_government: &'static str,
    pub chart_actor_kind_agency: &'static str,
    pub chart_actor_kind_laboratory: &'static str,
    pub chart_actor_kind_other: &'static str,
    pub chart_col_initiative: &'static str,
    pub chart_col_kind: &'static str,
    pub chart_col_amount: &'static str,
    pub chart_col_period: &'static str,
    pub chart_col_per_year: &'static str,
    pub chart_col_date: &'static str,
    pub chart_col_source: &'static str,
    pub chart_col_running_total: &'static str,
    /// Who states or commits a figure, and its reservations.
    pub chart_col_notes: &'static str,
    /// Whether the running total adds an amount.
    pub chart_col_added: &'static str,
    /// In that column: "yes".
    pub chart_added_yes: &'static str,
    pub chart_export_note_commitments: &'static str,
    pub chart_export_note_matrix: &'static str,
    pub chart_export_note_key_figures: &'static str,

    // Embedding, static version and print (issue 4)
    /// The header button that opens the embed code.
    pub embed_button: &'static str,
    pub embed_heading: &'static str,
    /// What the code reproduces and how to paste it.
    pub embed_help: &'static str,
    pub embed_code_label: &'static str,
    pub embed_copy: &'static str,
    pub embed_copied: &'static str,
    /// When the clipboard refuses: the code is selected instead.
    pub embed_copy_failed: &'static str,
    /// First line of the static version (scripts or WebAssembly off).
    pub static_note: &'static str,
    pub static_figures_heading: &'static str,
    pub static_figure_col: &'static str,
    pub static_what_col: &'static str,
    pub static_event_col: &'static str,

    // Get the data and the spreadsheet template (issue 18)
    /// The link under the story to the dataset shown ("Get the data").
    pub get_the_data: &'static str,
    /// After the link: what the file is.
    pub get_the_data_note: &'static str,
    /// The data tools' link to the spreadsheet template.
    pub data_template_link: &'static str,
    pub data_template_help: &'static str,
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
        let reference: Vec<String> = entries(Lang::Fr.strings())
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(reference.len() > 40);
        for lang in Lang::ALL {
            let entries = entries(lang.strings());
            let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
            assert_eq!(keys, reference, "{lang:?}");
            for (key, value) in entries {
                assert_ne!(value, "\"\"", "{lang:?}: {key} is empty");
            }
            for name in lang
                .strings()
                .month_names
                .iter()
                .chain(&lang.strings().month_short)
            {
                assert!(!name.is_empty());
            }
        }
    }

    #[test]
    fn templates_keep_their_placeholder_in_every_language() {
        for lang in Lang::ALL {
            let s = lang.strings();
            for template in [
                s.cluster_label,
                s.cluster_action,
                s.announce_selected,
                s.period_years,
                s.quoted,
                s.date_derived_days,
                s.date_derived_months,
                s.chart_show_all_figures,
                s.chart_show_fewer_figures,
                s.chart_more_amounts,
                s.overlaps_note,
                s.period_in_year,
                s.period_from_year,
            ] {
                assert!(template.contains("{n}"), "{lang:?}: {template}");
            }
        }
    }

    /// The string literals of a Rust source, unescaped (`\"`, `\\`,
    /// `\n`, `\u{…}`).
    fn string_literals(source: &str) -> Vec<String> {
        let mut literals = Vec::new();
        let mut chars = source.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut literal = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('u') => {
                            let hex: String =
                                chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                            let code = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
                            literal.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        Some('n') => literal.push('\n'),
                        Some(other) => literal.push(other),
                        None => {}
                    },
                    c => literal.push(c),
                }
            }
            literals.push(literal);
        }
        literals
    }

    #[test]
    fn french_interface_strings_keep_high_punctuation_with_a_no_break_space() {
        let literals = string_literals(include_str!("fr.rs"));
        assert!(literals.len() > 100, "{}", literals.len());
        assert!(
            literals.iter().any(|l| l.contains("«\u{202f}")),
            "unescaped"
        );
        let failures: Vec<String> = literals
            .iter()
            .filter_map(|literal| {
                let issues = crate::data::typography::french_spacing(literal)?;
                Some(format!("{:?}: {}", issues.excerpt, literal))
            })
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn the_derived_deadline_template_names_months_and_days() {
        for lang in Lang::ALL {
            let template = lang.strings().date_derived_months_days;
            assert!(template.contains("{months}") && template.contains("{days}"));
        }
    }
}
