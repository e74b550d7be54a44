//! The host side of the script-injection checks: the payload fixtures the
//! browser test loads (www/fixtures/xss*) come out of the data layer as plain
//! text and safe links only, and every text and URL field of the fixtures
//! carries a payload. The browser side is tests/e2e_xss.rs.

use ai_race::data::rich_text::{self, Node};
use ai_race::data::{self, Dataset};

/// The payload fixtures, in our format, TimelineJS JSON and the TimelineJS template's CSV
/// (`xss-evasion.json` and `xss-timelinejs.csv`: the OWASP filter-evasion cheat sheet's
/// families and DOMPurify's mutation cases, written for this project).
const FIXTURES: [&str; 4] = [
    "xss.json",
    "xss-timelinejs.json",
    "xss-evasion.json",
    "xss-timelinejs.csv",
];

fn load(name: &str) -> Dataset {
    let path = format!("{}/www/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let loaded = data::load(&std::fs::read(&path).unwrap_or_else(|err| panic!("{path}: {err}")));
    assert!(
        !loaded.dataset.events.is_empty(),
        "{name}: {:#?}",
        loaded.problems
    );
    loaded.dataset
}

/// Every node is text or an allowed element, and every link is http(s).
fn check_nodes(nodes: &[Node], where_: &str) {
    for node in nodes {
        match node {
            Node::Text(_) | Node::Break => {}
            Node::Element { children, .. } => check_nodes(children, where_),
            Node::Link { href, children } => {
                assert!(href.starts_with("https://"), "{where_}: link to {href}");
                check_nodes(children, where_);
            }
        }
    }
}

#[test]
fn summaries_full_of_payloads_keep_only_text_and_web_links() {
    for name in FIXTURES {
        let dataset = load(name);
        for event in &dataset.events {
            for summary in [&event.summary.fr, &event.summary.en] {
                check_nodes(&rich_text::parse(summary), &format!("{name} {}", event.id));
            }
        }
    }
}

#[test]
fn timelinejs_plain_fields_lose_their_markup_and_bad_media_is_not_linked() {
    let dataset = load("xss-timelinejs.json");
    assert_eq!(dataset.title.en, "TimelineJS XSS fixture");
    for event in &dataset.events {
        assert!(!event.title.en.contains('<'), "{}", event.title.en);
        let note = event
            .date_note
            .as_ref()
            .map(|n| n.en.as_str())
            .unwrap_or_default();
        assert_eq!(note, "spring");
        if let Some(media) = &event.media {
            assert!(rich_text::is_web_url(&media.url), "{}", media.url);
            assert_eq!(
                media.caption.as_ref().map(|c| c.en.as_str()),
                Some("caption")
            );
            // `<svg onload=…>credit` never closes: the SVG and all it holds go.
            assert_eq!(media.credit, None);
        }
    }
    // The media with a javascript: address is not carried over at all.
    assert!(dataset.events[0].media.is_none());
}

/// The fields of our format that hold text or an address a reader may see.
const TEXT_AND_URL_KEYS: [&str; 15] = [
    "title",
    "description",
    "label",
    "name",
    "role",
    "summary",
    "date_note",
    "quote",
    "publisher",
    "note",
    "caption",
    "credit",
    "doubt",
    "url",
    "text",
];

/// Every string under a text or URL key of `value` (both languages of a `{fr, en}`), with its
/// path.
fn text_fields(
    value: &serde_json::Value,
    path: &str,
    under_text_key: bool,
    out: &mut Vec<(String, String)>,
) {
    match value {
        serde_json::Value::String(text) if under_text_key => {
            out.push((path.to_string(), text.clone()))
        }
        serde_json::Value::Array(items) => {
            for (idx, item) in items.iter().enumerate() {
                text_fields(item, &format!("{path}[{idx}]"), under_text_key, out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let is_text = under_text_key || TEXT_AND_URL_KEYS.contains(&key.as_str());
                text_fields(item, &format!("{path}.{key}"), is_text, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_text_and_url_field_of_the_evasion_fixture_carries_a_payload() {
    let path = format!(
        "{}/www/fixtures/xss-evasion.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let mut fields = Vec::new();
    text_fields(&raw, "", false, &mut fields);
    assert!(fields.len() > 150, "{} fields", fields.len());
    // One real picture, so that the detail panel shows a media's caption and credit.
    let honest = ["https://example.org/picture.jpg"];
    let bare: Vec<_> = fields
        .iter()
        .filter(|(_, text)| !honest.contains(&text.as_str()))
        .filter(|(_, text)| !text.contains("__xss") && !text.contains("evil.example"))
        .collect();
    assert!(bare.is_empty(), "fields without a payload: {bare:#?}");
    for kind in [
        "srcdoc",
        "formaction",
        "url(javascript:",
        "<svg",
        "<math",
        "&#106;&#97;",
        "JaVaScRiPt:",
    ] {
        assert!(
            fields.iter().any(|(_, text)| text.contains(kind)),
            "no payload uses {kind}"
        );
    }
}

#[test]
fn every_column_of_the_timelinejs_csv_fixture_carries_a_payload() {
    let path = format!(
        "{}/www/fixtures/xss-timelinejs.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let sheet = std::fs::read_to_string(&path).unwrap();
    let (records, unclosed) = ai_race::data::csv::parse(&sheet);
    assert_eq!(unclosed, None);
    let header: Vec<&str> = records[0].fields.iter().map(|f| f.text.as_str()).collect();
    for column in [
        "Display Date",
        "Headline",
        "Text",
        "Media",
        "Media Credit",
        "Media Caption",
        "Media Thumbnail",
        "Group",
        "Background",
    ] {
        let col = header
            .iter()
            .position(|name| *name == column)
            .unwrap_or_else(|| panic!("{column}"));
        let with_payload = records[1..]
            .iter()
            .filter(|record| {
                record
                    .fields
                    .get(col)
                    .is_some_and(|f| f.text.contains("__xss") || f.text.contains("evil.example"))
            })
            .count();
        assert!(
            with_payload >= 4,
            "{column}: {with_payload} rows with a payload"
        );
    }
}
