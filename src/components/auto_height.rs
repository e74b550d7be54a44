//! Auto-height for embeds: when the page runs inside an iframe, it posts
//! its content height to the parent window at start, whenever the height
//! changes and when the parent asks (the protocol of [`crate::state::embed`],
//! which `www/embed.js` implements on the host page).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::embed::{host_follows, is_height_request, HeightMessage};

/// Starts reporting the height; does nothing in a top-level page. Called
/// under the app's owner, it stops when the app is unmounted.
pub fn start() {
    let Some(parent) = parent_window() else {
        return;
    };
    let last_height = Rc::new(Cell::new(None::<u32>));
    let post = {
        let parent = parent.clone();
        let last_height = Rc::clone(&last_height);
        move |force: bool| {
            let Some(html) = document().document_element() else {
                return;
            };
            let height = html.get_bounding_client_rect().height();
            let message = HeightMessage::new(height, &window().name().unwrap_or_default());
            if !force && last_height.get() == Some(message.height) {
                return;
            }
            last_height.set(Some(message.height));
            if let Ok(value) = serde_wasm_bindgen::to_value(&message) {
                let _ = parent.post_message(&value, "*");
            }
        }
    };

    // The root element's box is the content height (the iframe's viewport
    // height does not stretch it), so observing it sees every change.
    if let Some(html) = document().document_element() {
        let on_resize = post.clone();
        super::browser::observe_resize(&html, move || on_resize(false));
    }

    // Once the host follows the messages (the viewport takes the posted
    // height), the page shows no scrollbar of its own: one appearing for a
    // moment would narrow the layout, change its height, and the two would
    // chase each other. A host that does not resize keeps the scrollbar.
    super::browser::on_window_untyped("resize", move |_| {
        let inner_height = window()
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        let is_followed = host_follows(inner_height, last_height.get());
        if let (true, Some(html)) = (is_followed, document().document_element()) {
            let _ = html.class_list().add_1("auto-height");
        }
    });

    // A script that loaded after the first message asks again.
    super::browser::on_window_untyped("message", move |event| {
        let Ok(event) = event.dyn_into::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = event
            .source()
            .is_some_and(|source| js_sys::Object::is(&source, &parent));
        let kind = js_sys::Reflect::get(&event.data(), &JsValue::from_str("type"))
            .ok()
            .and_then(|kind| kind.as_string());
        if from_parent && is_height_request(kind.as_deref()) {
            post(true);
        }
    });
}

/// The parent window when this page is framed.
fn parent_window() -> Option<web_sys::Window> {
    let window = window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}
