//! The host side of the script-injection checks: the payload fixtures the
//! browser test loads (www/fixtures/xss*.json) come out of the data layer
//! as plain text and safe links only. The browser side is tests/e2e_xss.rs.

use ai_race::data::rich_text::{self, Node};
use ai_race::data::{self, Dataset};

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
    for name in ["xss.json", "xss-timelinejs.json"] {
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
