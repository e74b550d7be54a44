//! What the page URL carries: `?lang=`, `?data=`, `?embed=`, `?view=` and
//! the selected event in the hash.

use crate::data::{Date, PathRefusal};
use crate::i18n::Lang;
use crate::scale::{TimeAxis, View};

/// The parts of the URL the app reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlState {
    pub lang: Option<Lang>,
    /// Selected event id from `#event-id`.
    pub event_id: Option<String>,
    /// Embed mode (`?embed=1`): no page chrome, the layout fits an iframe.
    pub embed: bool,
    /// The visible window of the timeline from `?view=`, as a [`ViewDays`].
    pub view: Option<ViewDays>,
}

/// A timeline window in whole days since 1970-01-01, as `?view=` carries
/// it: `?view=2025-01-06..2025-07-01` (the first and the last day shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewDays {
    pub start_day: i64,
    pub end_day: i64,
}

impl ViewDays {
    /// The `?view=` form of the window of `view`, or `None` when it shows
    /// all of `bounds` (the default needs no parameter).
    /// `view` and `bounds` are positions on `axis`.
    pub fn of(view: &View, bounds: &View, axis: &TimeAxis) -> Option<ViewDays> {
        let shows_all = view.start <= bounds.start + 0.5 && view.end >= bounds.end - 0.5;
        if shows_all || !(view.start.is_finite() && view.end.is_finite()) {
            return None;
        }
        // Both ends rounded down, as the timeline's `data-view-start` and
        // `data-view-end` are: a link shows the same dates.
        let (start_day, end_day) = (axis.day_floor(view.start), axis.day_floor(view.end));
        (end_day > start_day).then_some(ViewDays { start_day, end_day })
    }

    /// Reads `2025-01-06..2025-07-01`; `None` unless both are ISO days and
    /// the window is not empty.
    pub fn parse(value: &str) -> Option<ViewDays> {
        let (start, end) = value.split_once("..")?;
        let day = |text: &str| {
            let date = Date::parse(text.trim()).ok()?;
            (date.precision() == crate::data::Precision::Day).then(|| date.start_day())
        };
        let (start_day, end_day) = (day(start)?, day(end)?);
        (end_day > start_day).then_some(ViewDays { start_day, end_day })
    }

    /// The window to apply to the timeline, in positions on `axis`
    /// (clamped by the state).
    pub fn to_view(self, axis: &TimeAxis) -> View {
        View::new(
            axis.pos_of(self.start_day, 0.0),
            axis.pos_of(self.end_day, 0.0),
        )
    }
}

impl std::fmt::Display for ViewDays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}..{}",
            Date::from_day(self.start_day).iso(),
            Date::from_day(self.end_day).iso()
        )
    }
}

/// Whether an `?embed=` value turns embed mode on: present with no value,
/// `1`, `true` or `yes`. `www/boot.js` reads the parameter the same way
/// (to lay out the loading state before the app starts).
pub fn is_embed_value(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "" | "1" | "true" | "yes"
    )
}

/// Reads `location.search` (with or without `?`) and `location.hash`
/// (with or without `#`).
pub fn parse_url(search: &str, hash: &str) -> UrlState {
    let mut state = UrlState::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "lang" => state.lang = Lang::from_code(value),
            "embed" => state.embed = is_embed_value(value),
            "view" => state.view = ViewDays::parse(&percent_decode(value)),
            _ => {}
        }
    }
    let hash = hash.trim_start_matches('#');
    let decoded = percent_decode(hash);
    if !decoded.is_empty() {
        state.event_id = Some(decoded);
    }
    state
}

/// Rewrites `search` with `lang=` set, keeping other parameters in order.
pub fn search_with_lang(search: &str, lang: Lang) -> String {
    let mut pairs: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang=") && *p != "lang")
        .map(str::to_string)
        .collect();
    pairs.push(format!("lang={}", lang.code()));
    format!("?{}", pairs.join("&"))
}

/// Rewrites `search` with `key=value` in place of any `key` parameter
/// (appended when there was none), or without `key` when `value` is
/// `None`. `value` must already be URL-safe.
pub fn search_with_param(search: &str, key: &str, value: Option<&str>) -> String {
    let mut pairs: Vec<String> = Vec::new();
    let mut is_set = false;
    for pair in search.trim_start_matches('?').split('&') {
        let pair_key = pair.split_once('=').map_or(pair, |(k, _)| k);
        if pair.is_empty() {
            continue;
        }
        if pair_key != key {
            pairs.push(pair.to_string());
        } else if let (Some(value), false) = (value, is_set) {
            pairs.push(format!("{key}={value}"));
            is_set = true;
        }
    }
    if let (Some(value), false) = (value, is_set) {
        pairs.push(format!("{key}={value}"));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Percent-encodes everything but the URL-safe characters
/// (`A-Z a-z 0-9 - . _ ~`), as `encodeURIComponent` does (it also keeps
/// `!*'()`), for query values and fragments.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `?data=` value (the first one), decoded as a browser decodes a
/// query (`%XX` escapes, `+` for a space). `None` when there is none.
pub fn data_param(search: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == "data").then(|| percent_decode(&value.replace('+', " ")))
    })
}

/// Checks a `?data=` value before anything is fetched: only a relative
/// reference on the same site passes. Returns the path to fetch, cleaned as
/// the browser's URL parser would clean it (surrounding spaces and control
/// characters stripped, tabs and line breaks removed, `\` read as `/`), so
/// that what is checked is what is fetched. The caller also checks that the
/// resolved address has the page's origin ([`PathRefusal::OtherOrigin`]).
pub fn check_data_path(value: &str) -> Result<String, PathRefusal> {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err(PathRefusal::Empty);
    }
    if cleaned.starts_with("//") {
        return Err(PathRefusal::ProtocolRelative);
    }
    let before_path = cleaned.split(['/', '?', '#']).next().unwrap_or_default();
    if before_path.contains(':') {
        return Err(PathRefusal::AbsoluteUrl);
    }
    if cleaned.chars().any(char::is_control) {
        return Err(PathRefusal::AbsoluteUrl);
    }
    Ok(cleaned)
}

/// Decodes `%XX` escapes; invalid escapes are kept as they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_and_event() {
        let state = parse_url("?embed=1&lang=en", "#stargate-announced");
        assert_eq!(state.lang, Some(Lang::En));
        assert_eq!(state.event_id.as_deref(), Some("stargate-announced"));
        assert_eq!(parse_url("", ""), UrlState::default());
        assert_eq!(parse_url("?lang=xx", "#").lang, None);
    }

    #[test]
    fn reads_embed_mode() {
        assert!(parse_url("?embed=1", "").embed);
        assert!(parse_url("?lang=en&embed", "").embed);
        assert!(parse_url("?embed=true", "").embed);
        assert!(!parse_url("?embed=0", "").embed);
        assert!(!parse_url("?embedded=1", "").embed);
        assert!(!parse_url("", "").embed);
    }

    #[test]
    fn reads_the_view_window_and_refuses_broken_ones() {
        let view = parse_url("?view=2025-01-06..2025-07-01", "").view.unwrap();
        assert_eq!(view.to_string(), "2025-01-06..2025-07-01");
        assert_eq!(view.end_day - view.start_day, 176);
        assert_eq!(
            parse_url("?view=2025-01-06%2E%2E2025-07-01", "").view,
            Some(view)
        );
        for broken in [
            "2025-07-01..2025-01-06",
            "2025-01..2025-07",
            "2025-01-06",
            "..",
            "x..y",
            "2025-02-30..2025-03-01",
        ] {
            assert_eq!(ViewDays::parse(broken), None, "{broken}");
        }
    }

    #[test]
    fn the_view_parameter_is_left_out_when_everything_shows() {
        let bounds = View::new(20_000.0, 20_400.0);
        let axis = TimeAxis::default();
        assert_eq!(ViewDays::of(&bounds, &bounds, &axis), None);
        let zoomed = View::new(20_100.2, 20_200.7);
        let days = ViewDays::of(&zoomed, &bounds, &axis).unwrap();
        assert_eq!((days.start_day, days.end_day), (20_100, 20_200));
        assert_eq!(ViewDays::parse(&days.to_string()), Some(days));
    }

    #[test]
    fn a_deep_time_view_round_trips_through_its_link() {
        let starts = [
            crate::data::Date::year(-13_800_000_000).start_day(),
            crate::data::Date::ymd(1969, 7, 20).start_day(),
        ];
        let axis = TimeAxis::for_events(&starts, starts[1] + 1);
        assert!(axis.is_deep());
        let bounds = View::new(axis.pos_of(starts[0], 0.0), axis.pos_of(starts[1], 1.0));
        // Around the Cambrian: days far before year 0.
        let cambrian = axis.year_pos(-540_000_000);
        let view = View::new(cambrian - 1e9, cambrian + 1e9);
        let days = ViewDays::of(&view, &bounds, &axis).unwrap();
        let text = days.to_string();
        assert!(text.starts_with('-'), "{text}");
        let back = ViewDays::parse(&text).unwrap();
        assert_eq!(back, days);
        let restored = back.to_view(&axis);
        assert!((restored.start - view.start).abs() < 1e-3 * view.span());
        assert!((restored.end - view.end).abs() < 1e-3 * view.span());
    }

    #[test]
    fn sets_replaces_and_removes_one_parameter() {
        assert_eq!(
            search_with_param("?lang=en&view=a", "view", Some("b")),
            "?lang=en&view=b"
        );
        assert_eq!(
            search_with_param("?lang=en", "view", Some("b")),
            "?lang=en&view=b"
        );
        assert_eq!(
            search_with_param("?view=a&lang=en", "view", None),
            "?lang=en"
        );
        assert_eq!(search_with_param("?view=a", "view", None), "");
        assert_eq!(search_with_param("", "embed", Some("1")), "?embed=1");
        assert_eq!(search_with_param("?viewer=1", "view", None), "?viewer=1");
        // "Back to the published data" (browser::forget_data_param).
        assert_eq!(
            search_with_param("?data&lang=en&data=x.json", "data", None),
            "?lang=en"
        );
    }

    #[test]
    fn percent_encoding_keeps_only_url_safe_characters() {
        assert_eq!(percent_encode("stargate-announced"), "stargate-announced");
        assert_eq!(percent_encode("a b/é&\"#"), "a%20b%2F%C3%A9%26%22%23");
        assert_eq!(
            percent_decode(&percent_encode("l’été 2025 #1")),
            "l’été 2025 #1"
        );
    }

    #[test]
    fn decodes_escaped_hashes_and_survives_broken_escapes() {
        assert_eq!(parse_url("", "#a%2Db").event_id.as_deref(), Some("a-b"));
        assert_eq!(parse_url("", "#100%").event_id.as_deref(), Some("100%"));
        assert_eq!(parse_url("", "#%zz").event_id.as_deref(), Some("%zz"));
    }

    #[test]
    fn reads_the_data_parameter_decoded() {
        assert_eq!(
            data_param("?lang=en&data=fixtures%2Fxss.json").as_deref(),
            Some("fixtures/xss.json")
        );
        assert_eq!(
            data_param("?data=a+b.json&data=other").as_deref(),
            Some("a b.json")
        );
        assert_eq!(data_param("?data").as_deref(), Some(""));
        assert_eq!(data_param("?lang=en"), None);
    }

    /// Checks a `?data=` value against the expected outcome.
    fn check(value: &str, expected: Result<&str, PathRefusal>) {
        assert_eq!(
            check_data_path(value).as_deref().map_err(|e| *e),
            expected,
            "{value:?}"
        );
    }

    #[test]
    fn relative_paths_on_the_same_site_pass() {
        check("data/other.json", Ok("data/other.json"));
        check("./fixtures/xss.json", Ok("./fixtures/xss.json"));
        check("../shared/timeline.csv", Ok("../shared/timeline.csv"));
        check("/data/x.json?v=2#top", Ok("/data/x.json?v=2#top"));
        check("  data/x.json\n", Ok("data/x.json"));
        check("data/a:b.json", Ok("data/a:b.json"));
    }

    #[test]
    fn other_sites_and_schemes_are_refused_in_every_disguise() {
        check("", Err(PathRefusal::Empty));
        check(" \u{1} ", Err(PathRefusal::Empty));
        check("https://evil.example/x.json", Err(PathRefusal::AbsoluteUrl));
        check("HTTP://evil.example/x.json", Err(PathRefusal::AbsoluteUrl));
        check("javascript:alert(1)", Err(PathRefusal::AbsoluteUrl));
        check("  JaVa\tScRiPt:alert(1)", Err(PathRefusal::AbsoluteUrl));
        check("\u{1}javascript:alert(1)", Err(PathRefusal::AbsoluteUrl));
        check("data:application/json,{}", Err(PathRefusal::AbsoluteUrl));
        check("blob:https://evil.example/1", Err(PathRefusal::AbsoluteUrl));
        check("//evil.example/x.json", Err(PathRefusal::ProtocolRelative));
        check(
            "\\\\evil.example/x.json",
            Err(PathRefusal::ProtocolRelative),
        );
        check("/\\evil.example/x.json", Err(PathRefusal::ProtocolRelative));
        check("\t//evil.example", Err(PathRefusal::ProtocolRelative));
        check("/\n/evil.example", Err(PathRefusal::ProtocolRelative));
        check("data/x\u{0}.json", Err(PathRefusal::AbsoluteUrl));
    }

    #[test]
    fn sets_the_language_keeping_other_parameters() {
        assert_eq!(
            search_with_lang("?embed=1&lang=fr", Lang::En),
            "?embed=1&lang=en"
        );
        assert_eq!(search_with_lang("", Lang::Fr), "?lang=fr");
    }
}
