//! What the page URL carries: `?lang=` and the selected event in the hash.

use crate::i18n::Lang;

/// The parts of the URL the app reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlState {
    pub lang: Option<Lang>,
    /// Selected event id from `#event-id`.
    pub event_id: Option<String>,
}

/// Reads `location.search` (with or without `?`) and `location.hash`
/// (with or without `#`).
pub fn parse_url(search: &str, hash: &str) -> UrlState {
    let mut state = UrlState::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "lang" {
            state.lang = Lang::from_code(value);
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
    fn decodes_escaped_hashes_and_survives_broken_escapes() {
        assert_eq!(parse_url("", "#a%2Db").event_id.as_deref(), Some("a-b"));
        assert_eq!(parse_url("", "#100%").event_id.as_deref(), Some("100%"));
        assert_eq!(parse_url("", "#%zz").event_id.as_deref(), Some("%zz"));
    }

    #[test]
    fn sets_the_language_keeping_other_parameters() {
        assert_eq!(search_with_lang("?embed=1&lang=fr", Lang::En), "?embed=1&lang=en");
        assert_eq!(search_with_lang("", Lang::Fr), "?lang=fr");
    }
}
