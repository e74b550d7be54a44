//! The wording of every line the presentation layer gives, in both
//! languages: one table of cases through one `check` helper, so a change
//! of wording is a change of this table. The strings are compared as they
//! are, narrow no-break spaces (U+202F) and no-break spaces (U+00A0)
//! included: they are part of the typography.

use super::*;
use crate::data::{self, Dataset};
use crate::i18n::{Lang, PlainFormatter};

const NNBSP: &str = "\u{202f}";
const NBSP: &str = "\u{a0}";

/// A small dataset with one of each thing the presentation words.
const JSON: &str = r#"{
  "title": {"fr": "T", "en": "T"}, "description": {"fr": "D", "en": "D"},
  "documents": [
    {"file": "001.txt", "title": "L’IA, nouvelle entité géopolitique", "published": "2025-07-09"},
    {"file": "002.txt", "title": "Le président dévoile une initiative !"}
  ],
  "tracks": [{"id": "t", "label": {"fr": "Mission Genesis", "en": "Genesis Mission"}}],
  "initiatives": [{"id": "aws", "label": {"fr": "AWS pour l’État (50 Md$)", "en": "AWS for government ($50bn)"}}],
  "actors": [
    {"id": "aws", "name": "Amazon Web Services (AWS)", "kind": "company"},
    {"id": "musk", "name": "Elon Musk", "kind": "person"},
    {"id": "wh", "name": {"fr": "Maison-Blanche", "en": "White House"}, "kind": "government"}
  ],
  "events": [
    {"id": "stargate", "date": "2025-01-21", "title": {"fr": "Annonce de Stargate", "en": "Stargate is announced"},
     "track": "t", "summary": {"fr": "Résumé", "en": "Summary"}, "actors": ["wh", "musk"], "sources": [{"seed": "001.txt", "quote": "au moins 500 milliards"}]},
    {"id": "business", "date": "2025-07-09", "date_kind": "reported", "title": {"fr": "Part d’OpenAI", "en": "OpenAI’s share"},
     "track": "t", "summary": {"fr": "Résumé", "en": "Summary"}, "per_article": true, "sources": [{"seed": "001.txt", "quote": "capturant 81 %"}]},
    {"id": "order", "date": "2025-11-24", "date_kind": "undated_source", "title": {"fr": "Signature du décret", "en": "The order is signed"},
     "date_note": {"fr": "Article non daté.", "en": "Undated article."},
     "track": "t", "summary": {"fr": "Résumé", "en": "Summary"}, "initiative": "aws", "sources": [{"seed": "002.txt", "quote": "pouvant atteindre 50 milliards"},
       {"url": "https://example.org/aws", "publisher": "Reuters", "note": {"fr": "donne le jour", "en": "gives the day"}}]},
    {"id": "deadline", "date": "2026-08", "date_kind": "planned", "derived": {"from": "order", "months": 9},
     "title": {"fr": "Échéance de la plateforme", "en": "Platform deadline"},
     "track": "t", "summary": {"fr": "Résumé", "en": "Summary"}, "sources": [{"seed": "002.txt", "quote": "dans les neuf mois"}]}
  ],
  "figures": [
    {"id": "stargate-500bn", "value": 500000000000, "unit": "usd", "kind": "announced", "qualifier": "at_least",
     "label": {"fr": "Stargate", "en": "Stargate"}, "period": {"years": 4}, "stated_by": ["musk"], "committed_by": ["wh"],
     "event": "stargate", "sources": [{"seed": "001.txt", "quote": "au moins 500 milliards"}]},
    {"id": "aws-50bn", "value": 50000000000, "unit": "usd", "kind": "announced", "qualifier": "up_to",
     "label": {"fr": "AWS pour l’État", "en": "AWS for government"}, "committed_by": ["aws"], "initiative": "aws",
     "event": "order", "sources": [{"seed": "002.txt", "quote": "pouvant atteindre 50 milliards"}]},
    {"id": "capex", "value": 125000000000, "unit": "usd", "kind": "planned_spending", "qualifier": "up_to",
     "label": {"fr": "Amazon en 2025", "en": "Amazon in 2025"}, "period": {"years": 1, "start_year": 2025},
     "committed_by": ["aws"], "overlaps": "aws-50bn", "event": "order", "sources": [{"seed": "002.txt", "quote": "jusqu’à 125 milliards"}]},
    {"id": "secured", "value": 10000000000, "unit": "usd", "kind": "claimed_secured", "qualifier": "less_than",
     "label": {"fr": "Assuré selon Musk", "en": "Secured per Musk"}, "stated_by": ["musk"],
     "doubt": {"fr": "aucun document ne le confirme", "en": "no document confirms it"},
     "event": "stargate", "sources": [{"seed": "001.txt", "quote": "10 milliards de dollars assurés"}]},
    {"id": "gw", "value": 1.3, "unit": "gigawatts", "kind": "capacity", "qualifier": "about",
     "label": {"fr": "Capacité", "en": "Capacity"}, "committed_by": ["aws"], "event": "order", "sources": [{"seed": "002.txt", "quote": "près de 1,3 gigawatt"}]},
    {"id": "homes", "value": 750000, "unit": "homes", "kind": "capacity", "qualifier": "about", "per_article": true,
     "label": {"fr": "Foyers", "en": "Homes"}, "event": "order", "sources": [{"seed": "002.txt", "quote": "environ 750 000 foyers"}]},
    {"id": "share", "value": 81, "unit": "percent", "kind": "share",
     "label": {"fr": "Part", "en": "Share"}, "event": "business", "sources": [{"seed": "001.txt", "quote": "capturant 81 %"}]},
    {"id": "period-from", "value": 40000000000, "unit": "usd", "kind": "announced",
     "label": {"fr": "Sur quatre ans", "en": "Over four years"}, "period": {"years": 4, "start_year": 2025}, "committed_by": ["aws"],
     "event": "order", "sources": [{"seed": "002.txt", "quote": "q"}]}
  ]
}"#;

fn dataset() -> Dataset {
    let (dataset, problems) = data::parse(JSON);
    assert!(problems.is_empty(), "{problems:#?}");
    dataset
}

/// What a case words, from the dataset and a formatter.
type Line = fn(&Dataset, &PlainFormatter) -> String;

/// Each case: its name, then the line and what it must read in French and
/// in English.
fn check(cases: &[(&str, Line, &str, &str)]) {
    let dataset = dataset();
    let mut failures = Vec::new();
    for (name, line, fr, en) in cases {
        for (lang, expected) in [(Lang::Fr, fr), (Lang::En, en)] {
            let got = line(&dataset, &PlainFormatter(lang));
            if got != *expected {
                failures.push(format!(
                    "{name} ({lang:?}):\n   got {got:?}\n  want {expected:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn figure(dataset: &Dataset, id: &str) -> usize {
    dataset
        .figures
        .iter()
        .position(|f| f.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

fn lines(dataset: &Dataset, fmt: &PlainFormatter, id: &str) -> FigureLines {
    figure_lines(dataset, figure(dataset, id), fmt)
}

fn event(dataset: &Dataset, fmt: &PlainFormatter, id: &str) -> EventLines {
    event_lines(dataset, dataset.event_idx(id).unwrap(), fmt).unwrap()
}

#[test]
fn figure_values_carry_their_qualifier_never_an_approximation_sign() {
    check(&[
        (
            "up to",
            |d, f| lines(d, f, "aws-50bn").value,
            "jusqu’à 50\u{a0}Md$",
            "up to $50bn",
        ),
        (
            "at least",
            |d, f| lines(d, f, "stargate-500bn").value,
            "au moins 500\u{a0}Md$",
            "at least $500bn",
        ),
        (
            "less than",
            |d, f| lines(d, f, "secured").value,
            "moins de 10\u{a0}Md$",
            "less than $10bn",
        ),
        (
            "about, a unit",
            |d, f| lines(d, f, "gw").value,
            "environ 1,3\u{a0}GW",
            "about 1.3\u{a0}GW",
        ),
        (
            "about, a count",
            |d, f| lines(d, f, "homes").value,
            "environ 750\u{202f}000\u{a0}foyers",
            "about 750,000\u{a0}homes",
        ),
        (
            "exact, a share",
            |d, f| lines(d, f, "share").value,
            "81\u{202f}%",
            "81%",
        ),
        (
            "per year",
            |d, f| lines(d, f, "stargate-500bn").per_year.unwrap(),
            "au moins 125\u{a0}Md$/an",
            "at least $125bn/yr",
        ),
        (
            "every digit",
            |_, f| exact_amount(50e9, crate::data::Qualifier::UpTo, f),
            "jusqu’à 50\u{202f}000\u{202f}000\u{202f}000\u{a0}$",
            "up to $50,000,000,000",
        ),
    ]);
    for lang in Lang::ALL {
        for qualifier in crate::data::Qualifier::ALL {
            let text = qualified("50 Md$", qualifier, lang);
            assert!(!text.contains('≈'), "{text}");
        }
    }
}

#[test]
fn kinds_periods_and_who_states_and_commits() {
    check(&[
        ("facts", |d, f| lines(d, f, "stargate-500bn").facts(), "annoncé, sur 4 ans", "announced, over 4 years"),
        ("one year with its year", |d, f| lines(d, f, "capex").facts(), "dépenses prévues, en 2025", "planned spending, in 2025"),
        ("years from a year", |d, f| lines(d, f, "period-from").facts(), "annoncé, sur 4 ans, à partir de 2025", "announced, over 4 years, from 2025"),
        ("stated and committed", |d, f| lines(d, f, "stargate-500bn").attribution_text(f.0),
            "Avancé par\u{a0}: Elon Musk · Engagé par\u{a0}: Maison-Blanche", "Stated by: Elon Musk · Committed by: White House"),
        ("stated, committed by no one", |d, f| lines(d, f, "secured").precisions(f.0),
            "Avancé par\u{a0}: Elon Musk · Mis en doute\u{a0}: aucun document ne le confirme. Personne n’est nommé comme s’y engageant.",
            "Stated by: Elon Musk · Questioned: no document confirms it. No one is named as committing to it."),
        ("the article's estimate", |d, f| lines(d, f, "homes").notes_text(), "Selon l’article.", "According to the article."),
        ("an overlap", |d, f| lines(d, f, "capex").notes_text(),
            "Recoupe «\u{202f}AWS pour l’État\u{202f}» (jusqu’à 50\u{a0}Md$).", "Overlaps “AWS for government” (up to $50bn)."),
        ("a floated plan", |_, f| kind_label(crate::data::FigureKind::Floated, f.0).to_string(), "évoqué, sans engagement", "floated, not committed"),
    ]);
}

#[test]
fn dates_say_what_kind_of_date_they_are() {
    check(&[
        ("occurred, whole line", |d, f| event(d, f, "stargate").date.full(),
            "21\u{a0}janvier 2025 — Date de l’événement.", "January 21, 2025 — Date of the event."),
        ("occurred, short", |d, f| event(d, f, "stargate").date.short(), "21\u{a0}janvier 2025", "January 21, 2025"),
        ("reported, short", |d, f| event(d, f, "business").date.short(),
            "9\u{a0}juillet 2025 (date de l’article qui le rapporte)", "July 9, 2025 (date of the article reporting it)"),
        ("undated article, whole line", |d, f| event(d, f, "order").date.full(),
            "24\u{a0}novembre 2025 — Date du fait principal de l’article, non daté. Article non daté.",
            "November 24, 2025 — Date of the undated article’s main event. Undated article."),
        ("undated article, short", |d, f| event(d, f, "order").date.short(),
            "24\u{a0}novembre 2025 (date du fait principal de l’article, non daté)", "November 24, 2025 (date of the undated article’s main event)"),
        ("planned, derived in months, to the month", |d, f| event(d, f, "deadline").date.full(),
            "août 2026 — Date prévue ou échéance. Échéance calculée\u{202f}: 9 mois après «\u{202f}Signature du décret\u{202f}».",
            "August 2026 — Planned date or deadline. Derived deadline: 9 months after “The order is signed”."),
        ("a marker's name", |_, f| dated("24 novembre 2025", crate::data::DateKind::Planned, f.0),
            "24 novembre 2025 (date prévue ou échéance)", "24 novembre 2025 (planned date or deadline)"),
    ]);
    for lang in Lang::ALL {
        let labels: Vec<&str> = crate::data::DateKind::ALL
            .iter()
            .map(|k| date_kind_label(*k, lang))
            .collect();
        let mut unique = labels.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            labels.len(),
            "each kind its own wording: {labels:?}"
        );
    }
}

fn source(dataset: &Dataset, fmt: &PlainFormatter, event_id: &str, idx: usize) -> Citation {
    event(dataset, fmt, event_id).sources[idx].clone()
}

#[test]
fn sources_cite_the_article_and_its_date_or_the_public_record() {
    check(&[
        ("a dated article", |d, f| source(d, f, "stargate", 0).text(f.0),
            "«\u{202f}au moins 500 milliards\u{202f}» Article\u{a0}: L’IA, nouvelle entité géopolitique (9\u{a0}juillet 2025)",
            "“au moins 500 milliards” Article: L’IA, nouvelle entité géopolitique (July 9, 2025)"),
        ("an undated article", |d, f| source(d, f, "order", 0).reference(),
            "Le président dévoile une initiative ! (article non daté)", "Le président dévoile une initiative ! (undated article)"),
        ("a public record", |d, f| source(d, f, "order", 1).text(f.0),
            "Source publique\u{a0}: Reuters (https://example.org/aws)\u{202f}; donne le jour",
            "Public record: Reuters (https://example.org/aws); gives the day"),
        ("a quote alone", |_, f| quote("texte", f.0).to_text(), "«\u{202f}texte\u{202f}»", "“texte”"),
        ("notes", |_, f| join_notes(&["a", "", "b"], f.0), "a\u{202f}; b", "a; b"),
    ]);
}

#[test]
fn events_name_their_players_and_the_articles_framing() {
    check(&[
        (
            "players",
            |d, f| join_names(&event(d, f, "stargate").actors),
            "Maison-Blanche, Elon Musk",
            "White House, Elon Musk",
        ),
        (
            "the article's framing",
            |d, f| {
                event(d, f, "business")
                    .per_article
                    .unwrap_or_default()
                    .to_string()
            },
            "selon l’article",
            "according to the article",
        ),
        (
            "an ordinary event",
            |d, f| {
                event(d, f, "stargate")
                    .per_article
                    .unwrap_or("—")
                    .to_string()
            },
            "—",
            "—",
        ),
        (
            "track",
            |d, f| event(d, f, "order").track.unwrap_or_default(),
            "Mission Genesis",
            "Genesis Mission",
        ),
        (
            "an initiative without its amount",
            |d, f| initiative_label(d, Some(0), f.0),
            "AWS pour l’État",
            "AWS for government",
        ),
        (
            "no initiative",
            |_, f| initiative_label(&Dataset::default(), None, f.0),
            "Autres",
            "Other",
        ),
    ]);
}

#[test]
fn table_cells_and_export_fields_are_the_same_words() {
    check(&[
        (
            "amount cell",
            |d, f| Column::Amount.text(&Row::new(d, figure(d, "aws-50bn")), f),
            "jusqu’à 50\u{a0}Md$",
            "up to $50bn",
        ),
        (
            "shown_as field",
            |d, f| {
                Column::Shown
                    .csv_fields(&Row::new(d, figure(d, "aws-50bn")), f)
                    .join("")
            },
            "jusqu’à 50\u{a0}Md$",
            "up to $50bn",
        ),
        (
            "amount field",
            |d, f| {
                Column::Amount
                    .csv_fields(&Row::new(d, figure(d, "aws-50bn")), f)
                    .join("")
            },
            "50000000000",
            "50000000000",
        ),
        (
            "qualifier field",
            |d, f| {
                Column::Qualifier
                    .csv_fields(&Row::new(d, figure(d, "aws-50bn")), f)
                    .join("")
            },
            "up_to",
            "up_to",
        ),
        (
            "date cell",
            |d, f| Column::Date.text(&Row::new(d, figure(d, "aws-50bn")), f),
            "24\u{a0}novembre 2025 (date du fait principal de l’article, non daté)",
            "November 24, 2025 (date of the undated article’s main event)",
        ),
        (
            "date kind field",
            |d, f| {
                Column::DateKind
                    .csv_fields(&Row::new(d, figure(d, "aws-50bn")), f)
                    .join("")
            },
            "undated_source",
            "undated_source",
        ),
        (
            "initiative cell",
            |d, f| Column::Initiative.text(&Row::new(d, figure(d, "aws-50bn")), f),
            "AWS pour l’État",
            "AWS for government",
        ),
        (
            "source cell",
            |d, f| Column::Sources.text(&Row::new(d, figure(d, "aws-50bn")), f),
            "Le président dévoile une initiative ! (article non daté)",
            "Le président dévoile une initiative ! (undated article)",
        ),
        (
            "who field",
            |d, f| {
                Column::StatedBy
                    .csv_fields(&Row::new(d, figure(d, "stargate-500bn")), f)
                    .join("")
            },
            "Elon Musk",
            "Elon Musk",
        ),
        (
            "committed field, translated",
            |d, f| {
                Column::CommittedBy
                    .csv_fields(&Row::new(d, figure(d, "stargate-500bn")), f)
                    .join("")
            },
            "Maison-Blanche",
            "White House",
        ),
        (
            "period cell",
            |d, f| Column::Period.text(&Row::new(d, figure(d, "aws-50bn")), f),
            "durée non précisée",
            "period not given",
        ),
    ]);
}

#[test]
fn the_separators_hold_the_french_typography() {
    for (text, lang) in [
        (join_notes(&["a", "b"], Lang::Fr), Lang::Fr),
        (quote("x", Lang::Fr).to_text(), Lang::Fr),
    ] {
        assert!(
            !text.contains(" ;") && !text.contains("« ") && !text.contains(" »"),
            "{lang:?}: {text:?}"
        );
    }
    let english = join_notes(&["a", "b"], Lang::En);
    assert!(!english.contains(NNBSP) && !english.contains(NBSP) && !english.contains(" ;"));
}

/// The running total cell of figure `id` in the cumulative chart's table
/// (its rows: the added amounts, then the others).
fn running_total_cell(dataset: &Dataset, fmt: &PlainFormatter, id: &str) -> String {
    let model = crate::charts::cumulative::CumulativeModel::new(dataset);
    let table = crate::charts::table::cumulative_table(dataset, &model, fmt);
    let column = table
        .headers
        .iter()
        .position(|h| h == fmt.0.strings().chart_col_running_total)
        .unwrap();
    let row = model
        .steps
        .iter()
        .map(|s| s.figure_idx)
        .chain(model.left_out.iter().map(|l| l.figure_idx))
        .position(|idx| idx == figure(dataset, id))
        .unwrap_or_else(|| panic!("{id}"));
    table.rows[row].cells[column].clone()
}

/// The sentences and short texts of the charts, the timeline and the
/// screen-reader announcement go through this layer: they keep the
/// qualifiers and the kinds of dates the detail shows (issue 14, point 4:
/// these drifted once, each with its own `fmt.amount` or `format_date`).
#[test]
fn charts_markers_and_announcements_keep_qualifiers_and_date_kinds() {
    use crate::charts::commitments::{self, CommitmentsModel, CommitmentsOptions};
    use crate::charts::cumulative::{self, CumulativeModel};
    check(&[
        (
            "commitments summary: its range and the gap",
            |d, f| commitments::summary(d, &CommitmentsModel::new(d), CommitmentsOptions::default(), f),
            "5 montants en dollars, répartis entre 2 initiatives, de moins de 10\u{a0}Md$ à au moins 500\u{a0}Md$. \
             Autres\u{a0}: au moins 500\u{a0}Md$ annoncés, dont moins de 10\u{a0}Md$ assuré selon Elon Musk (2\u{202f}%).",
            "5 dollar amounts across 2 initiatives, from less than $10bn to at least $500bn. \
             Other: at least $500bn announced, of which less than $10bn secured, per Elon Musk (2%).",
        ),
        (
            "a bar without a period",
            |_, f| no_period_amount(50e9, crate::data::Qualifier::UpTo, f),
            "jusqu’à 50\u{a0}Md$ au total, durée non précisée",
            "up to $50bn in total, period not given",
        ),
        (
            "an axis graduation is never qualified",
            |_, f| format!("{} | {}", axis_amount(0.0, f), axis_amount(200e9, f)),
            "0 | 200\u{a0}Md$",
            "0 | $200bn",
        ),
        (
            "cumulative summary: the total and its dates with their kind",
            |d, f| cumulative::summary_parts(d, &CumulativeModel::new(d), f).lead[0].clone(),
            "590\u{a0}Md$ d’engagements distincts, annoncés comme tels (21\u{a0}janvier 2025 – 24\u{a0}novembre 2025, \
             date du fait principal de l’article, non daté)\u{a0}: Stargate (au moins 500\u{a0}Md$), AWS pour l’État \
             (jusqu’à 50\u{a0}Md$) et Sur quatre ans (40\u{a0}Md$).",
            "$590bn of distinct commitments announced as such (January 21, 2025 – November 24, 2025, date of the \
             undated article’s main event): Stargate (at least $500bn), AWS for government (up to $50bn) and Over \
             four years ($40bn).",
        ),
        (
            "running total, a floor alone",
            |d, f| running_total_cell(d, f, "stargate-500bn"),
            "au moins 500\u{a0}Md$",
            "at least $500bn",
        ),
        (
            "running total, a floor and a ceiling",
            |d, f| running_total_cell(d, f, "aws-50bn"),
            "550\u{a0}Md$ (minimums et maximums mêlés)",
            "$550bn (minimums and maximums mixed)",
        ),
        (
            "the total's label",
            |_, f| total_label(550e9, TotalBound::Mixed, f),
            "Somme\u{a0}: 550\u{a0}Md$ (minimums et maximums mêlés)",
            "Sum: $550bn (minimums and maximums mixed)",
        ),
        (
            "a marker's name and the announcement: the date with its kind",
            |d, f| {
                let e = &d.events[d.event_idx("business").unwrap()];
                short_date(&e.date, e.date_kind, f)
            },
            "9\u{a0}juillet 2025 (date de l’article qui le rapporte)",
            "July 9, 2025 (date of the article reporting it)",
        ),
        (
            "the event's own date alone",
            |d, f| {
                let e = &d.events[d.event_idx("stargate").unwrap()];
                short_date(&e.date, e.date_kind, f)
            },
            "21\u{a0}janvier 2025",
            "January 21, 2025",
        ),
        (
            "a date inside parentheses",
            |d, f| {
                let e = &d.events[d.event_idx("deadline").unwrap()];
                inline_date(&e.date, e.date_kind, f)
            },
            "août 2026, date prévue ou échéance",
            "August 2026, planned date or deadline",
        ),
        (
            "a share of an announcement",
            |_, f| share_of(10e9, 500e9, f),
            "2\u{202f}%",
            "2%",
        ),
    ]);
}
