//! Thin glue to the browser: the URL, `<html lang>`, the page title, the
//! `#app` root's attributes and the panic hook. No logic beyond calling
//! the DOM.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::state::url::{parse_url, search_with_lang, UrlState};

/// Reads `?lang=` and `#event-id` from the current URL.
pub fn read_url() -> UrlState {
    let location = window().location();
    parse_url(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default())
}

fn path_with(search: &str, hash: Option<&str>) -> String {
    let pathname = window().location().pathname().unwrap_or_default();
    match hash {
        Some(id) => format!("{pathname}{search}#{id}"),
        None => format!("{pathname}{search}"),
    }
}

/// Pushes a history entry for the selected event (or none). `pushState`
/// does not scroll the page, unlike setting `location.hash`.
pub fn push_selected(event_id: Option<&str>) {
    let location = window().location();
    let current = location.hash().unwrap_or_default();
    let wanted = event_id.map(|id| format!("#{id}")).unwrap_or_default();
    if current == wanted {
        return;
    }
    let url = path_with(&location.search().unwrap_or_default(), event_id);
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Sets `?lang=` in place (no new history entry), `<html lang>` and the
/// document title.
pub fn apply_lang(lang: Lang) {
    let document = document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(lang.strings().app_title);
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let new_search = search_with_lang(&search, lang);
    if new_search != search {
        let hash = location.hash().unwrap_or_default();
        let hash = hash.trim_start_matches('#');
        let url = path_with(&new_search, (!hash.is_empty()).then_some(hash));
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// Sets an attribute of the `#app` root (the page hooks tests and the
/// embedding page rely on).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().get_element_by_id("app") {
        let _ = root.set_attribute(name, value);
    }
}

/// Moves keyboard focus to the marker of an event, after the DOM updated.
pub fn focus_event_marker(event_id: String) {
    request_animation_frame(move || {
        let selector = format!("[data-testid=\"timeline\"] [data-event-id=\"{}\"]", css_escape(&event_id));
        if let Ok(Some(element)) = document().query_selector(&selector) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}

/// Escapes a value for a CSS attribute selector in double quotes.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Turns any panic into a visible error panel (and the console message),
/// never a blank or frozen page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_panel();
    }));
}

fn show_fatal_panel() {
    let document = document();
    let Some(root) = document.get_element_by_id("app") else { return };
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let strings = lang.strings();
    let _ = root.set_attribute("data-state", "error");
    let _ = root.set_attribute("aria-busy", "false");
    let Ok(panel) = document.create_element("section") else { return };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "error-panel");
    let _ = panel.set_attribute("class", "error-panel fatal");
    if let Ok(heading) = document.create_element("h2") {
        heading.set_text_content(Some(strings.fatal_heading));
        let _ = panel.append_child(&heading);
    }
    if let Ok(message) = document.create_element("p") {
        message.set_text_content(Some(strings.panic_message));
        let _ = panel.append_child(&message);
    }
    let _ = root.prepend_with_node_1(&panel);
}
