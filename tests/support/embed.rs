//! The embedded iframe (`iframe[data-ai-race-embed]`, sized by `embed.js`) measured from the
//! page around it: a demo article, or a page the embed code was pasted into.
//!
//! The helpers run in the browsing context of the page that holds the iframe: the top-level
//! page, or the article shown in a viewport frame (`support::viewport`), where `window` is the
//! article's and `enter_frame(0)` enters the embed.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::json;

use super::browser::wait_for;
use super::dom::MARKER;
use super::TestResult;

/// The embed iframe of the host page.
pub const FRAME: &str = "iframe[data-ai-race-embed]";
/// The auto-height tolerance of the issue, in CSS pixels.
pub const MAX_HEIGHT_ERROR_PX: f64 = 2.0;
/// How long a measurement must hold before it counts as settled.
const SETTLED_FOR: Duration = Duration::from_millis(300);

/// The iframe and its document, as the host page sees them.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct FrameFit {
    pub state: Option<String>,
    /// `#app[data-charts]`: `ready` once the charts (built after the timeline) are there.
    pub charts: Option<String>,
    pub lang: String,
    pub is_embed: bool,
    pub frame_width: f64,
    pub frame_height: f64,
    pub content_height: f64,
    pub client_height: f64,
    pub scroll_height: f64,
    pub client_width: f64,
    pub scroll_width: f64,
    /// The host page's `scrollY`.
    pub parent_scroll_y: f64,
}

impl FrameFit {
    pub fn height_error(&self) -> f64 {
        (self.frame_height - self.content_height).abs()
    }

    /// Ready, at its content height within the tolerance, and no inner scrollbar.
    pub fn fits(&self) -> bool {
        self.state.as_deref() == Some("ready")
            && self.charts.as_deref() == Some("ready")
            && self.height_error() <= MAX_HEIGHT_ERROR_PX
            && self.scroll_height <= self.client_height
            && self.scroll_width <= self.client_width
    }
}

const MEASURE_FRAME: &str = "
    const frame = document.querySelector(arguments[0]);
    const doc = frame && frame.contentDocument;
    if (!doc || !doc.documentElement) { return null; }
    const html = doc.documentElement;
    const app = doc.getElementById('app');
    const box = frame.getBoundingClientRect();
    return {
        state: app ? app.getAttribute('data-state') : null,
        charts: app ? app.getAttribute('data-charts') : null,
        lang: html.lang,
        is_embed: html.classList.contains('embed'),
        frame_width: box.width,
        frame_height: box.height,
        content_height: html.getBoundingClientRect().height,
        client_height: html.clientHeight,
        scroll_height: html.scrollHeight,
        client_width: html.clientWidth,
        scroll_width: html.scrollWidth,
        parent_scroll_y: window.scrollY,
    };";

/// The iframe `frame` (a CSS selector) as the host page sees it; `None` before it has a document.
pub async fn measure_frame(client: &Client, frame: &str) -> TestResult<Option<FrameFit>> {
    let measured = client.execute(MEASURE_FRAME, vec![json!(frame)]).await?;
    Ok(serde_json::from_value(measured)?)
}

/// Waits until the iframe fits its content, and keeps fitting for [`SETTLED_FOR`]; returns the
/// settled measurement.
pub async fn wait_frame_fits(client: &Client, frame: &str, when: &str) -> TestResult<FrameFit> {
    let fitting_since: std::sync::Mutex<Option<Instant>> = std::sync::Mutex::new(None);
    let fitting_since = &fitting_since;
    wait_for(
        &format!("the iframe at its content height {when}"),
        Duration::from_secs(15),
        || async move {
            let fit = measure_frame(client, frame).await?;
            let mut since = fitting_since.lock().map_err(|_| "poisoned")?;
            Ok(match fit {
                Some(fit) if fit.fits() => {
                    let since = *since.get_or_insert_with(Instant::now);
                    if since.elapsed() >= SETTLED_FOR {
                        Ok(fit)
                    } else {
                        Err(format!("fits since {:?}", since.elapsed()))
                    }
                }
                other => {
                    *since = None;
                    Err(format!("{other:?}"))
                }
            })
        },
    )
    .await
}

/// Clicks a marker of the iframe that is already on screen (so that WebDriver does not scroll
/// the host page to reach it) and not already open; returns its event id.
pub async fn click_visible_marker(client: &Client) -> TestResult<String> {
    let event_id = client
        .execute(
            "const frame = document.querySelector(arguments[0]);
             const top = frame.getBoundingClientRect().top;
             const marker = [...frame.contentDocument.querySelectorAll(arguments[1])].find(m => {
                 const box = m.getBoundingClientRect();
                 return box.width > 0 && top + box.top > 0 && top + box.bottom < window.innerHeight
                     && m.getAttribute('aria-expanded') !== 'true';
             });
             return marker ? marker.getAttribute('data-event-id') : null;",
            vec![json!(FRAME), json!(MARKER)],
        )
        .await?;
    let event_id = event_id
        .as_str()
        .ok_or("no event marker of the iframe is on screen")?
        .to_string();
    client.enter_frame(0).await?;
    client
        .find(Locator::Css(&format!(
            "{MARKER}[data-event-id=\"{event_id}\"]"
        )))
        .await?
        .click()
        .await?;
    client.enter_parent_frame().await?;
    Ok(event_id)
}

/// Puts the iframe's top `offset_px` below the top of the host page's viewport.
pub async fn scroll_frame_to(client: &Client, offset_px: f64) -> TestResult {
    client
        .execute(
            "const frame = document.querySelector(arguments[0]);
             window.scrollTo(0, frame.getBoundingClientRect().top + window.scrollY - arguments[1]);",
            vec![json!(FRAME), json!(offset_px)],
        )
        .await?;
    Ok(())
}

/// Prints a `[measure]` line: the iframe's size, its content height and the difference.
pub fn report(what: &str, fit: &FrameFit) {
    println!(
        "[measure] {what}: iframe {:.0}×{:.1} px, content {:.1} px, error {:.2} px",
        fit.frame_width,
        fit.frame_height,
        fit.content_height,
        fit.height_error()
    );
}
