//! Handing an exported image to the user: the SVG document of [`crate::image`] as is, or as a
//! PNG at twice its size, which the browser rasterizes from that same document (an `<img>` drawn
//! into a canvas). Either goes through an `<a download>` on a blob URL, revoked once the download
//! has started. The `<img>` reads a `data:` URL, which the pages' `img-src 'self' data:` allows;
//! a blob URL would need `blob:` there. Compiled into the full module and into the image's own
//! module (`super::image`), which the small one asks instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Document, HtmlCanvasElement, HtmlElement, HtmlImageElement, Url,
};

/// How many device pixels a CSS pixel of the view is in the PNG.
const PNG_SCALE: f64 = 2.0;

fn document() -> Result<Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| "no document".into())
}

/// Downloads `svg` as `carte.svg`.
pub fn svg(svg: &str) -> Result<(), JsValue> {
    let opts = BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    download(&Blob::new_with_str_sequence_and_options(&parts, &opts)?, "carte.svg")
}

/// Downloads `svg`, `w` × `h` CSS pixels, as `carte.png` at twice that size.
pub async fn png(svg: &str, w: f64, h: f64) -> Result<(), JsValue> {
    download(&rasterize(svg, w, h).await?, "carte.png")
}

async fn rasterize(svg: &str, w: f64, h: f64) -> Result<Blob, JsValue> {
    let img = HtmlImageElement::new()?;
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg)));
    JsFuture::from(img.decode()).await?;
    let canvas: HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
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
    let a: HtmlElement = document()?.create_element("a")?.dyn_into()?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    a.click();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    web_sys::window().ok_or("no window")?.set_timeout_with_callback(revoke.unchecked_ref())?;
    Ok(())
}
