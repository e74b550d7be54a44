//! Thin glue to the browser: the URL, `<html lang>` and `<html data-theme>`
//! (with the stored theme choice), the page title, the `#app` root's
//! attributes and the panic hook. No logic beyond calling
//! the DOM.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::data::{FetchFailure, PathRefusal};
use crate::i18n::Lang;
use crate::state::shown::{check_complete, check_response, check_size, ReadError, ResponseHead};
use crate::state::url::{
    check_data_path, data_param, parse_url, search_with_lang, search_with_param, UrlState, ViewDays,
};
use crate::theme::ThemeChoice;

/// Reads `?lang=` and `#event-id` from the current URL.
pub fn read_url() -> UrlState {
    let location = window().location();
    parse_url(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
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
    replace_search(&search, &search_with_lang(&search, lang));
}

/// Replaces the address's query `search` by `new_search` in place (no
/// history entry), keeping the path and the `#event-id`; does nothing when
/// they are the same. The one place that rewrites the query.
fn replace_search(search: &str, new_search: &str) {
    if new_search == search {
        return;
    }
    let hash = window().location().hash().unwrap_or_default();
    let hash = hash.trim_start_matches('#');
    let url = path_with(new_search, (!hash.is_empty()).then_some(hash));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
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
        let selector = format!(
            "[data-testid=\"timeline\"] [data-event-id=\"{}\"]",
            css_escape(&event_id)
        );
        if let Ok(Some(element)) = document().query_selector(&selector) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}

/// Runs `f` once the browser has painted what is on the page now and has
/// nothing more urgent to do: `requestIdleCallback` after the next
/// animation frame (at most [`IDLE_TIMEOUT_MS`] later), or the task after
/// it where there is no `requestIdleCallback` (Safari).
pub fn when_idle_after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        let window = window();
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
        match idle {
            Some(request_idle_callback) => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(
                    &options,
                    &JsValue::from_str("timeout"),
                    &JsValue::from_f64(IDLE_TIMEOUT_MS),
                );
                let callback = Closure::once_into_js(f);
                let _ = request_idle_callback.call2(&window, &callback, &options);
            }
            None => set_timeout(f, std::time::Duration::ZERO),
        }
    });
}

/// The longest [`when_idle_after_paint`] waits for the page to be idle.
const IDLE_TIMEOUT_MS: f64 = 1000.0;

/// A `performance.mark`, where the browser has it.
pub fn performance_mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Escapes a value for a CSS attribute selector in double quotes.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The `?data=` value of the page URL, if any.
pub fn read_data_param() -> Option<String> {
    data_param(&window().location().search().unwrap_or_default())
}

/// The absolute address of a `?data=` value when it passes
/// [`check_data_path`] and resolves on the page's own origin.
pub fn same_origin_data_url(value: &str) -> Result<String, PathRefusal> {
    let path = check_data_path(value)?;
    let location = window().location();
    let page = location.href().map_err(|_| PathRefusal::OtherOrigin)?;
    let origin = location.origin().map_err(|_| PathRefusal::OtherOrigin)?;
    let url = web_sys::Url::new_with_base(&path, &page).map_err(|_| PathRefusal::OtherOrigin)?;
    if url.origin() != origin {
        return Err(PathRefusal::OtherOrigin);
    }
    Ok(url.href())
}

/// Removes `?data=` from the address bar (back to the published data).
pub fn forget_data_param() {
    let search = window().location().search().unwrap_or_default();
    replace_search(&search, &search_with_param(&search, "data", None));
}

/// Fetches a same-origin file's bytes, or says why not: no answer, an
/// error status, another site, not a data file, over the size limit
/// (refused from its announced length, before reading), cut off.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, ReadError> {
    let network = |_| ReadError::Failed(FetchFailure::Network);
    let cut_off = |_| ReadError::Failed(FetchFailure::CutOff);
    let request = take_prefetched(url).unwrap_or_else(|| window().fetch_with_str(url));
    let response = JsFuture::from(request).await.map_err(network)?;
    let response: web_sys::Response = response.dyn_into().map_err(network)?;
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let answered_from = response.url();
    let same_origin = answered_from.is_empty()
        || web_sys::Url::new(&answered_from)
            .map(|url| url.origin())
            .ok()
            == window().location().origin().ok();
    let head = ResponseHead {
        status: response.status(),
        same_origin,
        content_type: header("content-type"),
        content_length: header("content-length").and_then(|value| value.trim().parse().ok()),
    };
    check_response(&head)?;
    let buffer = response.array_buffer().map_err(cut_off)?;
    let buffer = JsFuture::from(buffer).await.map_err(cut_off)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    check_complete(bytes.len() as u64, head.content_length)?;
    check_size(bytes.len() as u64)?;
    Ok(bytes)
}

/// The request www/boot.js started for `url` before the app ran (a
/// `?data=` file of the site), once: the same address later is fetched again.
fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    let window = window();
    let key = JsValue::from_str("aiRacePrefetch");
    let prefetched = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(JsValue::is_object)?;
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::UNDEFINED);
    let href = web_sys::Url::new_with_base(url, &window.location().href().ok()?)
        .ok()?
        .href();
    let field = |name: &str| js_sys::Reflect::get(&prefetched, &JsValue::from_str(name)).ok();
    if field("url")?.as_string()? != href {
        return None;
    }
    field("response")?.dyn_into::<js_sys::Promise>().ok()
}

/// Reads a file the reader picked or dropped, without any upload; one
/// over the size limit is refused from its size, before reading.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    check_size(file.size() as u64)?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Failed(FetchFailure::Unreadable))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Turns any panic into a visible error panel (and the console message),
/// never a blank or frozen page. The hook itself cannot panic: it uses no
/// helper that unwraps, and shows its panel once however many panics follow.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_panel();
    }));
}

fn show_fatal_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    if let Ok(Some(_)) = document.query_selector("[data-testid=error-panel][data-panic]") {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let strings = lang.strings();
    let _ = root.set_attribute("data-state", "error");
    let _ = root.set_attribute("aria-busy", "false");
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "error-panel");
    let _ = panel.set_attribute("data-panic", "true");
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

/// The storage key of the reader's colour theme choice.
const THEME_KEY: &str = "ai-race-theme";

/// The theme the reader chose on an earlier visit; `Auto` when none was
/// stored or storage is unavailable (private mode, sandboxed iframe).
pub fn stored_theme() -> ThemeChoice {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(THEME_KEY).ok().flatten())
        .map(|code| ThemeChoice::from_code(&code))
        .unwrap_or_default()
}

/// Sets `<html data-theme>`: the style sheet's `:root[data-theme=…]` rules
/// then pick the palette (`auto` follows `prefers-color-scheme`).
pub fn apply_theme(choice: ThemeChoice) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-theme", choice.code());
    }
}

/// Remembers the reader's choice for the next visit; silently does nothing
/// when storage is unavailable.
pub fn store_theme(choice: ThemeChoice) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(THEME_KEY, choice.code());
    }
}

/// Puts the `embed` layout class on `<html>` (`www/boot.js` sets it before
/// the app starts, so that the loading state is laid out the same way).
pub fn apply_embed(is_embed: bool) {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().toggle_with_force("embed", is_embed);
    }
}

/// The page's own address: origin and path, without query or fragment
/// (also for `file:` pages, whose origin is opaque).
pub fn page_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

thread_local! {
    static PENDING_VIEW: std::cell::RefCell<Option<TimeoutHandle>> = const { std::cell::RefCell::new(None) };
}

/// Writes `?view=` (or removes it) in place, without a history entry, a
/// moment after the last call: a drag or a pinch changes the window at
/// every frame, and browsers throttle address changes.
pub fn replace_view_later(view: Option<ViewDays>) {
    let write = move || {
        let search = window().location().search().unwrap_or_default();
        let value = view.map(|days| days.to_string());
        replace_search(
            &search,
            &search_with_param(&search, "view", value.as_deref()),
        );
    };
    let handle = set_timeout_with_handle(write, std::time::Duration::from_millis(300)).ok();
    PENDING_VIEW.with(|pending| {
        if let Some(previous) = pending.replace(handle) {
            previous.clear();
        }
    });
}

/// Copies `text` to the clipboard; `false` when the browser refuses (no
/// clipboard in this context, or permission denied).
pub async fn copy_to_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

thread_local! {
    static PLOT_WIDTH: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// Notes the width of the loading state's timeline inside `root`, if any.
pub fn remember_plot_width(root: &web_sys::HtmlElement) {
    let width = root
        .query_selector(".loading-state .timeline")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|element| f64::from(element.client_width()))
        .filter(|width| *width > 0.0);
    PLOT_WIDTH.with(|cell| cell.set(width));
}

/// The width [`remember_plot_width`] noted, once: the first timeline's.
pub fn take_plot_width() -> Option<f64> {
    PLOT_WIDTH.with(std::cell::Cell::take)
}

use crate::state::hooks::HookKind;
pub use crate::state::hooks::LiveHooks;

thread_local! {
    static LIVE_HOOKS: std::cell::Cell<LiveHooks> = const { std::cell::Cell::new(LiveHooks::NONE) };
}

/// The observers and listeners started by the hooks below and not yet
/// released: what the browser tests compare after many dataset swaps and
/// after unmounting (tests/web_hooks.rs).
pub fn live_hooks() -> LiveHooks {
    LIVE_HOOKS.with(std::cell::Cell::get)
}

fn note_hook(kind: HookKind, started: bool) {
    LIVE_HOOKS.with(|live| {
        let hooks = live.get();
        live.set(if started {
            hooks.started(kind)
        } else {
            hooks.released(kind)
        });
    });
}

/// One observer or listener, released (disconnected, removed, its closure
/// freed) when dropped.
struct Hook {
    kind: HookKind,
    release: Option<Box<dyn FnOnce()>>,
}

impl Drop for Hook {
    fn drop(&mut self) {
        if let Some(release) = self.release.take() {
            release();
        }
        note_hook(self.kind, false);
    }
}

/// Keeps a hook until the current reactive owner is cleaned up (its
/// component goes, or the effect that started it runs again), then
/// releases it with `release`. With no owner it lives as long as the page.
fn hold(kind: HookKind, release: impl FnOnce() + 'static) {
    note_hook(kind, true);
    let hook = StoredValue::new_local(Some(Hook {
        kind,
        release: Some(Box::new(release)),
    }));
    on_cleanup(move || {
        // Dropped here, or with the stored value if the owner disposed it first.
        let _ = hook.try_update_value(Option::take);
    });
}

/// Listens for `event` on `window` until the current owner is cleaned up.
pub fn on_window<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: JsCast,
{
    let handle = window_event_listener(event, handler);
    hold(HookKind::Window, move || handle.remove());
}

/// [`on_window`] for an event name Leptos has no type for
/// (`beforeprint`, `afterprint`).
pub fn on_window_untyped(event: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let handle = window_event_listener_untyped(event, handler);
    hold(HookKind::Window, move || handle.remove());
}

/// Calls `on_resize` whenever `element`'s box changes size, until the
/// current owner is cleaned up.
pub fn observe_resize(element: &web_sys::Element, on_resize: impl Fn() + 'static) {
    let callback =
        Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| on_resize());
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    hold(HookKind::Resize, move || {
        observer.disconnect();
        drop(callback);
    });
}

/// Keeps `width` equal to the element's content width, until the current
/// owner is cleaned up.
pub fn observe_width(element: &web_sys::HtmlElement, width: RwSignal<f64>) {
    let target = element.clone();
    observe_resize(element, move || {
        let new_width = f64::from(target.client_width());
        if width
            .try_get_untracked()
            .is_some_and(|old| crate::scale::screen::is_new_width(old, new_width))
        {
            // In the next frame: what the new width re-renders would
            // otherwise change sizes other observers (the embed's height)
            // have already read in this one ("ResizeObserver loop completed
            // with undelivered notifications").
            request_animation_frame(move || {
                let _ = width.try_set(new_width);
            });
        }
    });
}

/// Notifies `changed` when the page's theme may have changed: the system's
/// colour scheme, or a class, style or `data-theme` set on `<html>`; until
/// the current owner is cleaned up.
pub fn watch_theme(changed: Trigger) {
    // `notify` on a trigger its owner has disposed does nothing.
    let bump = std::rc::Rc::new(Closure::<dyn Fn()>::new(move || changed.notify()));
    if let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") {
        let function: js_sys::Function =
            (*bump).as_ref().unchecked_ref::<js_sys::Function>().clone();
        if query
            .add_event_listener_with_callback("change", &function)
            .is_ok()
        {
            let bump = std::rc::Rc::clone(&bump);
            hold(HookKind::Media, move || {
                let _ = query.remove_event_listener_with_callback("change", &function);
                drop(bump);
            });
        }
    }
    let root = document().document_element();
    let observer = web_sys::MutationObserver::new((*bump).as_ref().unchecked_ref());
    if let (Some(root), Ok(observer)) = (root, observer) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of3(
            &"class".into(),
            &"style".into(),
            &"data-theme".into(),
        ));
        if observer.observe_with_options(&root, &options).is_ok() {
            hold(HookKind::Mutation, move || {
                observer.disconnect();
                drop(bump);
            });
        }
    }
}
