//! Our spreadsheet template (issue 18, point 4): our JSON → CSV → JSON
//! gives the same dataset for the bundled file and the fixtures; the
//! shipped template reads without a problem; malformed rows get messages
//! on their row and column, the same messages as the JSON.

use ai_race::data::{
    self, template, CellExpect, Format, ProblemKind, RawDataset, RefKind, Severity,
};
use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The dataset as our JSON reader sees it, with every event and figure
/// through its typed model (defaults written out), without `$schema`.
fn normalized(raw: &RawDataset) -> Value {
    let mut raw = raw.clone();
    raw.schema = None;
    for event in &mut raw.events {
        let typed: data::model::RawEvent = serde_json::from_value(event.clone()).unwrap();
        *event = serde_json::to_value(typed).unwrap();
    }
    for figure in &mut raw.figures {
        let typed: data::model::RawFigure = serde_json::from_value(figure.clone()).unwrap();
        *figure = serde_json::to_value(typed).unwrap();
    }
    serde_json::to_value(raw).unwrap()
}

/// JSON → CSV → JSON: the same raw dataset, the same validated dataset,
/// the same problems (on their rows instead of their JSON lines).
fn round_trip(path: &str) -> usize {
    let json = read(path);
    let raw: RawDataset = serde_json::from_str(json.trim_start_matches('\u{feff}')).unwrap();
    let csv = template::to_csv(&raw).unwrap();
    assert!(template::looks_like_template(&csv), "{path}");
    let loaded = data::load(csv.as_bytes());
    assert_eq!(loaded.format, Some(Format::Template), "{path}");
    let back = loaded.converted.clone().expect("events read back");
    assert_eq!(normalized(&back), normalized(&raw), "{path}");

    let (dataset, problems) = data::parse(&json);
    assert_eq!(loaded.dataset, dataset, "{path}");
    let kinds = |problems: &[data::Problem]| -> Vec<ProblemKind> {
        problems.iter().map(|p| p.kind.clone()).collect()
    };
    let mut from_csv = kinds(&loaded.problems);
    let mut from_json = kinds(&problems);
    let key = |k: &ProblemKind| format!("{k:?}");
    from_csv.sort_by_key(key);
    from_json.sort_by_key(key);
    assert_eq!(from_csv, from_json, "{path}");
    for problem in &loaded.problems {
        assert!(
            problem.path.starts_with("rows[") && problem.line.is_some(),
            "{path}: {problem:?} is not on a row"
        );
    }
    dataset.events.len()
}

#[test]
fn the_bundled_dataset_goes_to_csv_and_back_unchanged() {
    let n_events = round_trip("www/data/ai-race-2025.json");
    assert!(n_events >= 40, "{n_events}");
}

#[test]
fn the_fixtures_go_to_csv_and_back_unchanged() {
    for path in [
        "www/fixtures/antiquity.json",
        "www/fixtures/deep-time.json",
        "www/fixtures/partial.json",
        "www/fixtures/xss.json",
        "tests/fixtures/bom.json",
    ] {
        round_trip(path);
    }
}

/// The template shipped in `www/data/` is what `cargo xtask template`
/// writes from the bundled dataset, and it reads without a problem.
#[test]
fn the_shipped_template_is_generated_and_reads_cleanly() {
    let shipped = read(template::TEMPLATE_PATH);
    let raw: RawDataset = serde_json::from_str(data::BUNDLED_JSON).unwrap();
    assert_eq!(
        shipped,
        template::example(&raw).unwrap(),
        "run `cargo xtask template` to write {}",
        template::TEMPLATE_PATH
    );
    let loaded = data::load(shipped.as_bytes());
    assert_eq!(loaded.format, Some(Format::Template));
    assert_eq!(loaded.problems, vec![], "{:#?}", loaded.problems);
    let dataset = &loaded.dataset;
    assert!(!dataset.events.is_empty() && !dataset.figures.is_empty());
    let figure = &dataset.figures[0];
    assert!(!figure.sources.is_empty());
    let event = &dataset.events[dataset.event_idx(&figure.event).unwrap()];
    assert!(!event.sources.is_empty());
    assert!(figure.sources.iter().all(|s| s.quote.is_some()));
    // Every column of the template is in its header.
    let header = shipped.lines().next().unwrap();
    assert_eq!(header, template::COLUMNS.join(","));
}

/// A small sheet with one mistake per row, and where each is reported.
#[test]
fn malformed_rows_are_reported_on_their_row_and_column() {
    let sheet = "\
type,id,date,title_fr,title_en,track,actors,value,unit,kind,event,figure,seed,quote,colour
dataset,,,Essai,Test,,,,,,,,,,
track,t,,Thème,Theme,,,,,,,,,,
document,a.txt,2025-01-02,Titre,,,,,,,,,,,
event,e1,2025-13-01,Un,One,t,,,,,,,,,
event,e2,2025-02-03,Deux,Two,t,nobody,,,,,,,,
source,,,,,,,,,,e2,,a.txt,« Deux »,
figure,f1,,Chiffre,Figure,,,beaucoup,usd,announced,e2,,,,
figure,f2,,Chiffre,Figure,,,5,euros,announced,e2,,,,
source,,,,,,,,,,,f9,a.txt,« x »,
source,,,,,,,,,,,,a.txt,« y »,
chapter,c,,,,,,,,,,,,,
";
    let loaded = data::load(sheet.as_bytes());
    assert_eq!(loaded.format, Some(Format::Template));
    let found: Vec<(String, Option<usize>, Option<usize>, Severity)> = loaded
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.line, p.column, p.severity))
        .collect();
    let has = |path: &str, matches: &dyn Fn(&ProblemKind) -> bool| {
        let problem = loaded
            .problems
            .iter()
            .find(|p| p.path == path && matches(&p.kind))
            .unwrap_or_else(|| panic!("no problem at {path}: {found:#?}"));
        (problem.line.unwrap(), problem.column.unwrap())
    };
    // Unknown column: a warning on the header cell.
    assert_eq!(
        has("rows[1][\"colour\"]", &|k| matches!(
            k,
            ProblemKind::NotMapped { .. }
        )),
        (1, 85)
    );
    // The validation's own message, on the date cell of row 5.
    assert_eq!(
        has("rows[5][\"date\"]", &|k| matches!(
            k,
            ProblemKind::ImpossibleDate { value } if value == "2025-13-01"
        )),
        (5, 10)
    );
    // An unknown actor, on the actors cell.
    assert_eq!(
        has("rows[6][\"actors\"]", &|k| matches!(
            k,
            ProblemKind::UnknownReference { what: RefKind::Actor, id } if id == "nobody"
        )),
        (6, 32)
    );
    // A text the sheet has no column for (the summary): on the row.
    assert_eq!(
        has("rows[6]", &|k| matches!(
            k,
            ProblemKind::EmptyText { lang: "fr" }
        )),
        (6, 1)
    );
    // A value that is not a number, a unit we do not know.
    has(
        "rows[8][\"value\"]",
        &|k| matches!(k, ProblemKind::TemplateBadCell { value, expected: CellExpect::Number } if value == "beaucoup"),
    );
    has(
        "rows[9][\"unit\"]",
        &|k| matches!(k, ProblemKind::TemplateBadCell { expected: CellExpect::OneOf(codes), .. } if codes.contains(&"usd")),
    );
    // A source of a figure that does not exist; a source of nothing.
    has(
        "rows[10][\"figure\"]",
        &|k| matches!(k, ProblemKind::UnknownReference { what: RefKind::Figure, id } if id == "f9"),
    );
    has("rows[11][\"event\"]", &|k| {
        matches!(k, ProblemKind::TemplateSourceWithoutParent)
    });
    has(
        "rows[12][\"type\"]",
        &|k| matches!(k, ProblemKind::TemplateRowType { value } if value == "chapter"),
    );
    // What is right still shows: the valid event, not the bad figures.
    let ids: Vec<&str> = loaded
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["e2"]);
    assert!(loaded.dataset.figures.is_empty());
    assert_eq!(loaded.dataset.events[0].sources.len(), 1);
    // Every message exists in both languages.
    for problem in &loaded.problems {
        let message = problem.message();
        assert!(!message.fr.is_empty() && !message.en.is_empty());
        assert_ne!(message.fr, message.en);
    }
}

#[test]
fn a_sheet_without_the_required_columns_says_which() {
    let loaded = data::load(b"type,date,title_fr\nevent,2025,Un\n");
    assert_eq!(loaded.format, Some(Format::Template));
    assert!(matches!(
        &loaded.problems[0].kind,
        ProblemKind::TemplateMissingColumns { columns } if columns == "id"
    ));
    assert_eq!(loaded.problems[0].path, "rows[1]");
    assert!(loaded.dataset.events.is_empty());
}

/// A spreadsheet's French habits: a decimal comma, "oui", a BC date
/// protected by an apostrophe, ids separated by "; ".
#[test]
fn cells_read_as_a_french_spreadsheet_writes_them() {
    let sheet = "\
type,id,date,title_fr,title_en,text_fr,text_en,track,actors,value,unit,kind,event,per_article,url,publisher,figure
dataset,,,Rome,Rome,Essai,Test,,,,,,,,,,
track,t,,Thème,Theme,,,,,,,,,,,,
actor,a,,Rome,,,,,,,,,,,,,
actor,b,,Sénat,Senate,,,,,,,,,,,,
event,ides,'-0043-03-15,Ides,Ides,César est tué.,Caesar is killed.,t,a; b,,,,,oui,,,
source,,,,,,,,,,,,ides,,https://example.org/ides,Example,
figure,f,,Part,Share,,,,,\"2,5\",percent,share,ides,,,,
source,,,,,,,,,,,,,,https://example.org/f,Example,f
";
    let loaded = data::load(sheet.as_bytes());
    assert_eq!(loaded.problems, vec![], "{:#?}", loaded.problems);
    let event = &loaded.dataset.events[0];
    assert_eq!(event.date.iso(), "-0043-03-15");
    assert_eq!(event.actors, ["a", "b"]);
    assert!(event.per_article);
    assert_eq!(event.sources.len(), 1);
    let figure = &loaded.dataset.figures[0];
    assert_eq!((figure.value, figure.sources.len()), (2.5, 1));
    let raw = loaded.converted.unwrap();
    let actor = &raw.actors[0];
    assert_eq!(
        (actor.name.fr.as_str(), actor.name.en.as_str()),
        ("Rome", "Rome")
    );
}
