//! Embedding in a news article: the address and the code a newsroom pastes
//! (an iframe and `embed.js`), and the messages the embedded page and the
//! page around it exchange to size the iframe to its content.
//!
//! The protocol (documented in the README, implemented by `www/embed.js` on
//! the host page and by `components::auto_height` in the iframe):
//!
//! - the embedded page posts `{type: "ai-race:height", version: 1, height,
//!   id}` to its parent whenever its content height changes (`height` in CSS
//!   pixels, rounded up; `id` is the iframe's `name`);
//! - the host page may post `{type: "ai-race:request-height", version: 1}`
//!   into the iframe, which answers with a height message at once (for a
//!   script that loads after the iframe).

use serde::Serialize;

use super::url::{percent_encode, ViewDays};
use crate::i18n::Lang;
use crate::static_html::escape_attr;

/// `type` of the message an embedded page posts with its content height.
pub const HEIGHT_MESSAGE: &str = "ai-race:height";
/// `type` of the message a host page posts into the iframe to ask for it.
pub const HEIGHT_REQUEST: &str = "ai-race:request-height";
/// `version` of every message of the protocol.
pub const PROTOCOL_VERSION: u32 = 1;
/// Heights are capped, so that a broken layout cannot ask for a page of
/// kilometres (`embed.js` applies the same cap).
pub const MAX_HEIGHT_PX: u32 = 100_000;
/// The iframe's height in the embed code, before the first message: the
/// app's usual height at article width, so that little moves on load.
pub const INITIAL_HEIGHT_PX: u32 = 900;
/// The attribute `embed.js` looks for on the iframes it resizes.
pub const FRAME_ATTRIBUTE: &str = "data-ai-race-embed";

/// The height message, serialized into the object that is posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeightMessage {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: u32,
    /// Content height in CSS pixels, rounded up.
    pub height: u32,
    /// The iframe's `name` (empty when it has none).
    pub id: String,
}

impl HeightMessage {
    /// The message for a measured content height (fractional pixels are
    /// rounded up, so the iframe never cuts the last pixel row).
    pub fn new(content_height_px: f64, id: &str) -> HeightMessage {
        let height = if content_height_px.is_finite() {
            content_height_px
                .ceil()
                .clamp(0.0, f64::from(MAX_HEIGHT_PX)) as u32
        } else {
            0
        };
        HeightMessage {
            kind: HEIGHT_MESSAGE,
            version: PROTOCOL_VERSION,
            height,
            id: id.to_string(),
        }
    }
}

/// True for the `type` of a height request.
pub fn is_height_request(kind: Option<&str>) -> bool {
    kind == Some(HEIGHT_REQUEST)
}

/// Whether the host page follows the height messages: the iframe's
/// viewport (`innerHeight`) is the height last posted, within a pixel.
pub fn host_follows(inner_height_px: f64, posted: Option<u32>) -> bool {
    posted.is_some_and(|posted| (inner_height_px - f64::from(posted)).abs() < 1.0)
}

/// A name for a new iframe (the `id` of its height messages), from a
/// random number in [0, 1): `ai-race-` and six digits.
pub fn frame_name(random: f64) -> String {
    format!(
        "ai-race-{:06}",
        (random.clamp(0.0, 1.0) * 1e6) as u32 % 1_000_000
    )
}

/// What the embedded view reproduces of the reader's current view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedView {
    pub lang: Lang,
    /// The open event.
    pub event_id: Option<String>,
    /// The timeline window, when zoomed or panned.
    pub view: Option<ViewDays>,
    /// A `?data=` value, when the reader shows other data of the site.
    pub data: Option<String>,
}

/// The iframe's address: `page_url` (the app's address, without query or
/// fragment) with `embed=1`, the language, the window, the data and the
/// open event.
pub fn embed_src(page_url: &str, view: &EmbedView) -> String {
    let mut src = format!("{page_url}?embed=1&lang={}", view.lang.code());
    if let Some(days) = view.view {
        src.push_str(&format!("&view={days}"));
    }
    if let Some(data) = &view.data {
        src.push_str(&format!("&data={}", percent_encode(data)));
    }
    if let Some(event_id) = &view.event_id {
        src.push('#');
        src.push_str(&percent_encode(event_id));
    }
    src
}

/// The address of a file next to the app's page (`embed.js`).
pub fn sibling_url(page_url: &str, file_name: &str) -> String {
    match page_url.rfind('/') {
        Some(slash) => format!("{}{file_name}", &page_url[..=slash]),
        None => file_name.to_string(),
    }
}

/// The code to paste in an article: the iframe, then the script that
/// sizes it. `frame_name` becomes the iframe's `name` (the `id` of its
/// height messages); `title` names the iframe for screen readers.
pub fn embed_code(page_url: &str, view: &EmbedView, title: &str, frame_name: &str) -> String {
    let src = embed_src(page_url, view);
    let script = sibling_url(page_url, "embed.js");
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" name=\"{name}\" lang=\"{lang}\" \
         width=\"100%\" height=\"{INITIAL_HEIGHT_PX}\" loading=\"lazy\" {FRAME_ATTRIBUTE}></iframe>\n\
         <script src=\"{script}\" async></script>",
        src = escape_attr(&src),
        title = escape_attr(title),
        name = escape_attr(frame_name),
        lang = view.lang.code(),
        script = escape_attr(&script),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_follows_when_the_viewport_is_the_posted_height() {
        assert!(host_follows(812.0, Some(812)));
        assert!(host_follows(812.4, Some(812)));
        assert!(host_follows(811.2, Some(812)));
        assert!(
            !host_follows(900.0, Some(812)),
            "a host that does not resize"
        );
        assert!(!host_follows(811.0, Some(812)));
        assert!(!host_follows(812.0, None), "nothing posted yet");
    }

    #[test]
    fn frame_names_have_six_digits() {
        assert_eq!(frame_name(0.0), "ai-race-000000");
        assert_eq!(frame_name(0.000_042), "ai-race-000042");
        assert_eq!(frame_name(0.123_456_7), "ai-race-123456");
        assert_eq!(frame_name(0.999_999_9), "ai-race-999999");
        // Out of range or not a number: still a six-digit name.
        assert_eq!(frame_name(1.0), "ai-race-000000");
        assert_eq!(frame_name(f64::NAN), "ai-race-000000");
    }

    #[test]
    fn height_messages_carry_the_type_tag_and_a_rounded_up_height() {
        let message = HeightMessage::new(812.2, "ai-race-1");
        assert_eq!(
            serde_json::to_value(&message).unwrap(),
            serde_json::json!({
                "type": "ai-race:height",
                "version": 1,
                "height": 813,
                "id": "ai-race-1",
            })
        );
        assert_eq!(HeightMessage::new(812.0, "").height, 812);
        assert_eq!(HeightMessage::new(-5.0, "").height, 0);
        assert_eq!(HeightMessage::new(f64::NAN, "").height, 0);
        assert_eq!(HeightMessage::new(1e12, "").height, MAX_HEIGHT_PX);
    }

    #[test]
    fn only_the_request_type_asks_for_a_height() {
        assert!(is_height_request(Some("ai-race:request-height")));
        assert!(!is_height_request(Some("ai-race:height")));
        assert!(!is_height_request(None));
    }

    #[test]
    fn the_iframe_address_reproduces_language_window_data_and_event() {
        let page = "https://example.org/ai-race/";
        assert_eq!(
            embed_src(page, &EmbedView::default()),
            "https://example.org/ai-race/?embed=1&lang=fr"
        );
        let view = EmbedView {
            lang: Lang::En,
            event_id: Some("stargate-announced".to_string()),
            view: ViewDays::parse("2025-01-06..2025-07-01"),
            data: Some("data/other file.json".to_string()),
        };
        assert_eq!(
            embed_src(page, &view),
            "https://example.org/ai-race/?embed=1&lang=en&view=2025-01-06..2025-07-01\
             &data=data%2Fother%20file.json#stargate-announced"
        );
        let parsed = super::super::url::parse_url(
            "?embed=1&lang=en&view=2025-01-06..2025-07-01",
            "#stargate-announced",
        );
        assert!(parsed.embed);
        assert_eq!(parsed.lang, Some(Lang::En));
        assert_eq!(parsed.view, view.view);
        assert_eq!(parsed.event_id, view.event_id);
    }

    #[test]
    fn the_script_sits_next_to_the_page() {
        assert_eq!(
            sibling_url("https://example.org/ai-race/", "embed.js"),
            "https://example.org/ai-race/embed.js"
        );
        assert_eq!(
            sibling_url("https://example.org/ai-race/index.html", "embed.js"),
            "https://example.org/ai-race/embed.js"
        );
    }

    #[test]
    fn the_embed_code_is_an_iframe_and_a_script_with_escaped_attributes() {
        let view = EmbedView {
            lang: Lang::Fr,
            event_id: Some("a\"><script>x".to_string()),
            ..EmbedView::default()
        };
        let code = embed_code(
            "https://example.org/\"ai/",
            &view,
            "La course « IA » <2025> & co",
            "ai-race-1",
        );
        let lines: Vec<&str> = code.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("<iframe src=\"https://example.org/&quot;ai/?embed=1&amp;lang=fr#a%22%3E%3Cscript%3Ex\""));
        assert!(lines[0].contains(" title=\"La course « IA » &lt;2025&gt; &amp; co\""));
        assert!(lines[0].contains(" name=\"ai-race-1\""));
        assert!(lines[0].ends_with(" data-ai-race-embed></iframe>"));
        assert_eq!(
            lines[1],
            "<script src=\"https://example.org/&quot;ai/embed.js\" async></script>"
        );
        assert_eq!(code.matches('<').count(), 4, "{code}");
    }
}
