//! The app's DOM contract in the words the journeys use: the selectors of the timeline, its
//! markers and the detail panel, and the waits written on them.

use super::browser::{attr, text_of, wait_until};
use super::dataset::{day_number, normalize_space};
use super::TestResult;
use fantoccini::Client;

pub const MARKER: &str = "[data-testid=event-marker]";
pub const DETAIL_TITLE: &str = "[data-testid=detail-title]";
pub const TIMELINE: &str = "[data-testid=timeline]";

/// The marker of `event_id`.
pub fn marker(event_id: &str) -> String {
    format!("{MARKER}[data-event-id=\"{event_id}\"]")
}

/// Waits until the detail panel shows `title`.
pub async fn wait_for_detail_title(client: &Client, title: &str) -> TestResult {
    let expected = normalize_space(title);
    wait_until(&format!("the detail panel titled {expected:?}"), || {
        let expected = expected.clone();
        async move {
            Ok(match text_of(client, DETAIL_TITLE).await? {
                Some(shown) if shown == expected => Ok(()),
                Some(shown) => Err(format!("title {shown:?}")),
                None => Err("no detail title".to_string()),
            })
        }
    })
    .await
}

/// The visible window of the timeline: ISO start and end, and the span in days.
pub async fn view_window(client: &Client) -> TestResult<(String, String, i64)> {
    let start = attr(client, TIMELINE, "data-view-start")
        .await?
        .unwrap_or_default();
    let end = attr(client, TIMELINE, "data-view-end")
        .await?
        .unwrap_or_default();
    match (day_number(&start), day_number(&end)) {
        (Some(start_day), Some(end_day)) => Ok((start, end, end_day - start_day)),
        _ => Err(format!("the timeline's view is not ISO dates: {start:?} – {end:?}").into()),
    }
}

/// Waits until `#app` is `data-state=state` (`wait_ready` is for "ready").
pub async fn wait_for_state(client: &Client, state: &str) -> TestResult {
    wait_until(&format!("data-state={state}"), || async {
        let now = attr(client, "#app", "data-state").await?;
        Ok(if now.as_deref() == Some(state) {
            Ok(())
        } else {
            Err(format!("data-state={now:?}"))
        })
    })
    .await
}
