//! The page at a given width, the same way in every engine.
//!
//! Browsers will not make a window as narrow as a phone (Firefox stops at 500 px, WebKitGTK's
//! MiniBrowser at about 450), so the page is loaded into an `<iframe>` of exactly the wanted
//! size on a host page, and the session switches into it: inside, `innerWidth`, media queries
//! and layout are those of a viewport that wide, as responsive-design tools do it. Resizing that
//! iframe changes the page's viewport without reloading it, as a narrower window would.

use std::path::Path;

use fantoccini::{Client, Locator};
use serde_json::json;

use super::browser::{wait_for, wait_ready, wait_until, READY_TIMEOUT, WINDOW_SIZE};
use super::server::VIEWPORT_HOST_PATH;
use super::TestResult;

/// The widths the layout is tested at: small and common phones, a tablet, laptop and desktop.
pub const WIDTHS: [u32; 5] = [320, 375, 768, 1280, 1920];

/// Loads `url` into an iframe `width` × `height` CSS pixels on a page of the same site, switches the
/// session into it and waits until the app is ready. Call [`leave_frame`] to come back.
pub async fn show_in_frame(client: &Client, url: &str, width: u32, height: u32) -> TestResult {
    load_in_frame(client, url, width, height).await?;
    wait_ready(client).await
}

/// Loads `url` (any page of the site: the app, a demo article) into an iframe `width` × `height`
/// CSS pixels on a page of the same site, switches the session into it, and waits until its
/// document has been parsed (not for the app: [`show_in_frame`] does). Call [`leave_frame`] to
/// come back, or [`resize_frame`] to change the viewport.
pub async fn load_in_frame(client: &Client, url: &str, width: u32, height: u32) -> TestResult {
    fit_window_to_frame(client, width, height).await?;
    // An empty page of the same site hosts the frame: Chromium blocks `about:blank` from
    // loading a local address (Private Network Access).
    let origin_end = url.find("://").map_or(0, |scheme| scheme + 3);
    let origin_end = url[origin_end..]
        .find('/')
        .map_or(url.len(), |path| origin_end + path);
    client
        .goto(&format!("{}{VIEWPORT_HOST_PATH}", &url[..origin_end]))
        .await?;
    client
        .execute(
            "document.body.style.margin = '0';
             const frame = document.createElement('iframe');
             frame.id = 'viewport';
             frame.title = 'viewport';
             frame.style.cssText = 'border: 0; display: block; width: ' + arguments[1] + 'px; height: ' + arguments[2] + 'px';
             frame.src = arguments[0];
             document.body.appendChild(frame);",
            vec![json!(url), json!(width), json!(height)],
        )
        .await?;
    let frame = client.find(Locator::Css("#viewport")).await?;
    frame.enter_frame().await?;
    // Until the frame's navigation commits, the session sees its initial `about:blank`.
    wait_for("the page in the viewport frame", READY_TIMEOUT, || async {
        let loaded = client
            .execute("return [location.href, document.readyState];", vec![])
            .await?;
        Ok(
            if loaded[0] != json!("about:blank") && loaded[1] != json!("loading") {
                Ok(())
            } else {
                Err(format!("{loaded}"))
            },
        )
    })
    .await?;
    check_inner_width(client, width).await
}

/// Makes the frame [`load_in_frame`] made `width` × `height` CSS pixels, without reloading its
/// page (call from inside it; the session is back inside when it returns), as a reader turning
/// a tablet or narrowing a window would: the page gets a `resize` and its media queries change.
pub async fn resize_frame(client: &Client, width: u32, height: u32) -> TestResult {
    client.enter_parent_frame().await?;
    let window = client
        .execute("return [window.innerWidth, window.innerHeight];", vec![])
        .await?;
    let fits = |idx: usize, size: u32| window[idx].as_f64() >= Some(f64::from(size));
    if !fits(0, width) || !fits(1, height) {
        fit_window_to_frame(client, width, height).await?;
    }
    client
        .execute(
            "const frame = document.getElementById('viewport');
             frame.style.width = arguments[0] + 'px';
             frame.style.height = arguments[1] + 'px';",
            vec![json!(width), json!(height)],
        )
        .await?;
    let frame = client.find(Locator::Css("#viewport")).await?;
    frame.enter_frame().await?;
    check_inner_width(client, width).await
}

/// Makes the top window hold a frame `width` × `height` whole (or it would be clipped).
async fn fit_window_to_frame(client: &Client, width: u32, height: u32) -> TestResult {
    let (window_width, window_height) = WINDOW_SIZE;
    client
        .set_window_size(
            window_width.max(width + 40),
            window_height.max(height + 160),
        )
        .await?;
    Ok(())
}

/// Fails unless the current frame's viewport is `width` CSS pixels wide (after its layout).
async fn check_inner_width(client: &Client, width: u32) -> TestResult {
    wait_until(&format!("a viewport {width} px wide"), || async {
        let inner_width = client.execute("return window.innerWidth;", vec![]).await?;
        Ok(if inner_width == json!(width) {
            Ok(())
        } else {
            Err(format!("the frame is {inner_width} px wide, not {width}"))
        })
    })
    .await
}

/// Switches the session back to the top-level page.
pub async fn leave_frame(client: &Client) -> TestResult {
    client.enter_parent_frame().await?;
    Ok(())
}

/// Where screenshots go: `E2E_SCREENSHOTS`, else `target/screenshots`.
pub fn screenshot_dir() -> std::path::PathBuf {
    std::env::var_os("E2E_SCREENSHOTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
        })
}

/// Saves a PNG of the frame [`show_in_frame`] made (call from inside it) to `path`: a screenshot
/// of the window cropped to the frame. (WebKitGTK's element screenshots are offset by its
/// toolbar, so the window's screenshot is the one that is right in every engine.)
pub async fn screenshot_frame(client: &Client, path: &Path) -> TestResult {
    client.enter_parent_frame().await?;
    let rect = client
        .execute(
            "const r = document.getElementById('viewport').getBoundingClientRect();
             const ratio = window.devicePixelRatio || 1;
             return [r.left * ratio, r.top * ratio, r.width * ratio, r.height * ratio];",
            vec![],
        )
        .await?;
    let png = client.screenshot().await?;
    let frame = client.find(Locator::Css("#viewport")).await?;
    frame.enter_frame().await?;
    let number = |idx: usize| rect[idx].as_f64().unwrap_or(0.0).round().max(0.0) as u32;
    let cropped = crop_png(&png, number(0), number(1), number(2), number(3))?;
    save_png(path, &cropped)
}

/// The part of a PNG image from `(left, top)`, `width` × `height` pixels (clamped to the image).
fn crop_png(png: &[u8], left: u32, top: u32, width: u32, height: u32) -> TestResult<Vec<u8>> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info()?;
    let mut pixels = vec![
        0;
        reader
            .output_buffer_size()
            .ok_or("the screenshot is too large")?
    ];
    let info = reader.next_frame(&mut pixels)?;
    let bytes_per_pixel = info.line_size / info.width as usize;
    let width = width.min(info.width.saturating_sub(left));
    let height = height.min(info.height.saturating_sub(top));
    let mut cropped = Vec::with_capacity(width as usize * height as usize * bytes_per_pixel);
    for row in top..top + height {
        let start = row as usize * info.line_size + left as usize * bytes_per_pixel;
        cropped.extend_from_slice(&pixels[start..start + width as usize * bytes_per_pixel]);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(info.color_type);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&cropped)?;
    writer.finish()?;
    Ok(out)
}

/// Saves a PNG of the whole window to `path`.
pub async fn screenshot_window(client: &Client, path: &Path) -> TestResult {
    let png = client.screenshot().await?;
    save_png(path, &png)
}

fn save_png(path: &Path, png: &[u8]) -> TestResult {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, png)
        .map_err(|err| format!("could not write {}: {err}", path.display()))?;
    Ok(())
}
