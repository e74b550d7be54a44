//! What the tests expect, read straight from the dataset file the app embeds.

use std::path::Path;

use serde_json::Value;

use super::TestResult;

/// The dataset file, relative to the crate root.
pub const DATASET_PATH: &str = "www/data/ai-race-2025.json";

/// One event, as far as the journeys look at it.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub title_fr: String,
    pub title_en: String,
    pub n_sources: usize,
    /// The verbatim quotes of the sources that cite a seed article.
    pub seed_quotes: Vec<String>,
}

/// The events in file order.
pub fn events_in_file_order() -> TestResult<Vec<Event>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATASET_PATH);
    let text = std::fs::read_to_string(&path)
        .map_err(|err| format!("could not read {}: {err}", path.display()))?;
    let dataset: Value = serde_json::from_str(&text)
        .map_err(|err| format!("{} is not JSON: {err}", path.display()))?;
    let events = dataset["events"]
        .as_array()
        .ok_or_else(|| format!("{} has no top-level `events` array", path.display()))?;
    events
        .iter()
        .enumerate()
        .map(|(event_idx, event)| {
            event_from_json(event).map_err(|err| format!("events[{event_idx}]: {err}").into())
        })
        .collect()
}

/// The events in the order the timeline walks them: by first day, the more precise date first
/// on the same first day (`2025-03-01` before `2025-03` before `2025`), then file order.
pub fn events_in_date_order() -> TestResult<Vec<Event>> {
    let mut events = events_in_file_order()?;
    events.sort_by_key(|event| date_sort_key(&event.date));
    Ok(events)
}

fn event_from_json(event: &Value) -> Result<Event, String> {
    let text = |pointer: &str| {
        event
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("no string at {pointer}"))
    };
    let sources = event["sources"].as_array().map_or(&[][..], Vec::as_slice);
    Ok(Event {
        id: text("/id")?,
        date: text("/date")?,
        title_fr: text("/title/fr")?,
        title_en: text("/title/en")?,
        n_sources: sources.len(),
        seed_quotes: sources
            .iter()
            .filter(|source| source.get("seed").is_some())
            .filter_map(|source| source["quote"].as_str())
            .map(str::to_string)
            .collect(),
    })
}

/// `("2025-03-01", 2)` for `2025-03`: the first day, then the precision, most precise first.
fn date_sort_key(date: &str) -> (String, u8) {
    let n_parts = date.split('-').count();
    let first_day = match n_parts {
        1 => format!("{date}-01-01"),
        2 => format!("{date}-01"),
        _ => date.to_string(),
    };
    (first_day, 3 - n_parts.min(3) as u8)
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, or a prefix of it; anything after the
/// day, like a time, is ignored).
pub fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.get(..iso.len().min(10))?.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next().map_or(Some(1), |part| part.parse().ok())?;
    let day: i64 = parts.next().map_or(Some(1), |part| part.parse().ok())?;
    // Howard Hinnant's days_from_civil.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Collapses runs of whitespace, so that wrapped or indented text compares equal.
pub fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_sorts_before_its_month_which_sorts_before_its_year() {
        let mut dates = ["2025", "2025-01", "2025-01-01", "2024-12-31"];
        dates.sort_by_key(|date| date_sort_key(date));
        assert_eq!(dates, ["2024-12-31", "2025-01-01", "2025-01", "2025"]);
    }

    #[test]
    fn day_numbers_count_from_the_unix_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-03-01"), Some(20_148));
        assert_eq!(day_number("2025-03"), day_number("2025-03-01"));
        assert_eq!(day_number("2025-03-01T12:00:00Z"), Some(20_148));
        assert_eq!(day_number("soon"), None);
    }
}
