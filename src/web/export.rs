//! "Télécharger l'image": the current view as the SVG document of [`crate::image`], or
//! as a PNG at twice its size, which the browser rasterizes from that same document (an `<img>`
//! drawn into a canvas). Either is handed to the user through an `<a download>` on a blob URL,
//! revoked once the download has started. The `<img>` reads a `data:` URL, which the pages'
//! `img-src 'self' data:` allows; a blob URL would need `blob:` there.
//!
//! The menu of formats is a disclosure of the web layer, not map state: Escape in it closes it
//! (and is kept from the map, whose Escape closes the card), a click elsewhere closes it too.

use super::app::App;
use super::listeners::Listeners;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Event, HtmlCanvasElement, HtmlElement, HtmlImageElement,
    KeyboardEvent, Url,
};

/// How many device pixels a CSS pixel of the view is in the PNG.
const PNG_SCALE: f64 = 2.0;

/// Opens or closes the menu of formats; focus stays on the toggle.
pub fn toggle(toggle: &HtmlElement) {
    let open = toggle.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let menu = toggle.next_element_sibling().and_then(|m| m.dyn_into::<HtmlElement>().ok());
    if let Some(menu) = menu {
        menu.set_hidden(!open);
    }
}

/// The toggle of the menu in `wrap` (`.tim-export`), when the menu is open.
fn open_toggle(wrap: &HtmlElement) -> Option<HtmlElement> {
    let t: HtmlElement = wrap.first_element_child()?.dyn_into().ok()?;
    (t.get_attribute("aria-expanded").as_deref() == Some("true")).then_some(t)
}

/// Escape in the menu or on its toggle closes it, gives the focus back to the toggle and goes
/// no further (a listener on `wrap`, below the map's own, whose Escape closes the card); a click
/// outside `wrap`, anywhere in the page, closes it and leaves the focus where the click put it.
pub fn wire(l: &mut Listeners, wrap: &HtmlElement) -> Result<(), JsValue> {
    let keys = wrap.clone();
    l.add(wrap, "keydown", false, move |e: Event| {
        let escape = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
        if let Some(t) = open_toggle(&keys).filter(|_| escape) {
            toggle(&t);
            let _ = t.focus();
            e.prevent_default();
            e.stop_propagation();
        }
    })?;
    let clicks = wrap.clone();
    let doc = super::dom::document()?;
    l.add(&doc, "click", true, move |e: Event| {
        // The composed path, not the target: in a shadow root the page sees the host element.
        if let Some(t) = open_toggle(&clicks).filter(|_| !e.composed_path().includes(&clicks, 0)) {
            toggle(&t);
        }
    })
}

/// Downloads the current view as SVG.
pub fn svg(app: &Rc<RefCell<App>>) {
    let Some((svg, _, _)) = app.try_borrow().ok().and_then(|a| a.image()) else { return };
    if let Err(e) = svg_blob(&svg).and_then(|blob| download(&blob, "carte.svg")) {
        web_sys::console::error_1(&e);
    }
}

/// Downloads the current view as PNG, at twice its size; the work ends after this returns.
pub fn png(app: &Rc<RefCell<App>>) {
    let Some((svg, w, h)) = app.try_borrow().ok().and_then(|a| a.image()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = rasterize(&svg, w, h).await.and_then(|blob| download(&blob, "carte.png")) {
            web_sys::console::error_1(&e);
        }
    });
}

fn svg_blob(svg: &str) -> Result<Blob, JsValue> {
    let opts = BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    Blob::new_with_str_sequence_and_options(&parts, &opts)
}

async fn rasterize(svg: &str, w: f64, h: f64) -> Result<Blob, JsValue> {
    let img = HtmlImageElement::new()?;
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg)));
    JsFuture::from(img.decode()).await?;
    let doc = super::dom::document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width((w * PNG_SCALE).round() as u32);
    canvas.set_height((h * PNG_SCALE).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    // Drawn at the canvas's size: the browser rasterizes the vector image at that size.
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w * PNG_SCALE, h * PNG_SCALE)?;
    let blob = js_sys::Promise::new(&mut |resolve, reject: js_sys::Function| {
        let failed = reject.clone();
        let done = Closure::once_into_js(move |b: JsValue| {
            let _ = if b.is_null() {
                reject.call1(&JsValue::NULL, &"toBlob gave nothing".into())
            } else {
                resolve.call1(&JsValue::NULL, &b)
            };
        });
        if let Err(e) = canvas.to_blob_with_type(done.unchecked_ref(), "image/png") {
            let _ = failed.call1(&JsValue::NULL, &e);
        }
    });
    Ok(JsFuture::from(blob).await?.unchecked_into())
}

/// Follows an `<a download>` to a blob URL of `blob`, then revokes the URL once the click's
/// download has taken it (a task later).
fn download(blob: &Blob, name: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let a: HtmlElement = super::dom::document()?.create_element("a")?.dyn_into()?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    a.click();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    web_sys::window().ok_or("no window")?.set_timeout_with_callback(revoke.unchecked_ref())?;
    Ok(())
}
