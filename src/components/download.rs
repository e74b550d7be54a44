//! Thin glue to save a file from the page: a text file through a `Blob`
//! URL, an image through its data URL, both via a temporary
//! `<a download>`. No logic beyond calling the DOM.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::charts::export::ExportFile;

fn click_link(href: &str, file_name: &str) {
    let document = document();
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(href);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "").ok();
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        anchor.remove();
    }
}

/// Saves a CSV or JSON file. CSV gets a byte-order mark so spreadsheet
/// programs read it as UTF-8 (accents, "€", "’").
pub fn save_text(file: &ExportFile) {
    let content = if file.mime.starts_with("text/csv") {
        format!("\u{feff}{}", file.content)
    } else {
        file.content.clone()
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_link(&url, &file.file_name);
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        Duration::from_secs(5),
    );
}

/// Saves an image given as a data URL.
pub fn save_data_url(data_url: &str, file_name: &str) {
    click_link(data_url, file_name);
}
