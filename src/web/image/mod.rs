//! The image export's own module: a fourth build of the crate (feature `export`, see the
//! Makefile), which the page's script loads the first time "Télécharger l'image" is used on a map
//! of the small module (www/helpers.js), so that the small module carries no image code. It reads
//! the data and shapes from the page, as the small module did to adopt the map (`read`), writes
//! the SVG document of [`crate::image`] for the view the small module describes, and hands it to
//! the user as SVG or PNG (`save`, shared with the full module).

#[path = "../json.rs"]
mod json;
#[path = "../hydrate/read.rs"]
mod read;
#[path = "../save.rs"]
mod save;

use crate::image::{document, Frame};
use crate::text::Strings;
use crate::view::View;
use js_sys::{Float64Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Downloads the view of the map in `root` that `request` describes (the detail of the small
/// module's `tim-export` event: `format`, `lang`, `view`, `selected`, `dimmed`). Fails, and
/// nothing is downloaded, when the page does not hold the map whole or the request is not one.
#[wasm_bindgen(js_name = exportImage)]
pub async fn export_image(root: Element, request: JsValue) -> Result<(), JsValue> {
    let get = |k: &str| Reflect::get(&request, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let bad = |what: &str| JsValue::from_str(&format!("territoires-map image: {what}"));
    let (data, scene) = read::read(&root).ok_or_else(|| bad("the page does not hold the map whole"))?;
    let parts = get("view").dyn_into::<Float64Array>().map(|a| a.to_vec()).unwrap_or_default();
    let view = View::from_parts(&parts).ok_or_else(|| bad("no view"))?;
    let n = data.territories.len();
    let selected = get("selected").as_f64().map(|i| i as usize).filter(|&i| i < n);
    let dimmed: Vec<bool> = match get("dimmed").dyn_into::<Uint8Array>() {
        Ok(d) if d.length() as usize == n => d.to_vec().into_iter().map(|b| b != 0).collect(),
        _ => vec![false; n],
    };
    let strings = Strings::for_lang(&get("lang").as_string().unwrap_or_default());
    let image = document(&data, &scene, &view, strings, selected, &dimmed, Frame::Screen);
    match get("format").as_string().as_deref() {
        Some("png") => save::png(&image.svg, image.width, image.height).await,
        _ => save::svg(&image.svg),
    }
}
