//! Drawing what surrounds the territories into the [`Chrome`], whatever the renderer: header,
//! legend and warnings; and redrawing what depends on the view: the view group's transform maps
//! kilometres to screen pixels. The names: `super::labels`; the markers: `super::markers`.

use super::chrome::Chrome;
use super::dom::{append, html, text_el};
use crate::model::Dataset;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Draws what surrounds the territories and does not depend on the view (the renderer draws the
/// territories themselves, `super::labels` the names): the fill patterns and the legend. Where
/// `adopted`, the pre-render drew them already.
pub fn dataset(doc: &Document, c: &Chrome, data: &Dataset, uid: u32, adopted: bool) -> Result<(), JsValue> {
    if adopted {
        return Ok(());
    }
    super::svg::patterns::define(doc, &c.defs, data, uid, true)?;
    legend(doc, c, data, uid)
}

/// The title and programme facts above the map.
pub fn header(doc: &Document, c: &Chrome, data: &Dataset, s: &Strings) -> Result<(), JsValue> {
    let Some(nodes) = crate::markup::card::header(data, s) else { return Ok(()) };
    super::markup::append_all(doc, &c.header, &nodes)?;
    c.header.set_hidden(false);
    Ok(())
}

fn legend(doc: &Document, c: &Chrome, data: &Dataset, uid: u32) -> Result<(), JsValue> {
    super::markup::append_all(doc, &c.legend, &crate::markup::legend::legend(data, uid))?;
    c.legend.set_hidden(false);
    Ok(())
}

/// The warnings under the map, already worded: the background's or the status sheet's failure,
/// the file's problems, then the sheet's, each naming where.
pub fn warnings(doc: &Document, c: &Chrome, problems: &[String], s: &Strings) -> Result<(), JsValue> {
    if problems.is_empty() {
        return Ok(());
    }
    c.warnings.set_text_content(None);
    append(&c.warnings, &text_el(doc, "p", "", s.warnings)?)?;
    let list = html(doc, "ul", "")?;
    for p in problems.iter().take(50) {
        append(&list, &text_el(doc, "li", "", p)?)?;
    }
    if problems.len() > 50 {
        append(&list, &text_el(doc, "li", "", &format!("… (+{})", problems.len() - 50))?)?;
    }
    append(&c.warnings, &list)?;
    c.warnings.set_hidden(false);
    Ok(())
}

/// Applies the view to the map group's transform.
pub fn transform(c: &Chrome, v: &View) -> Result<(), JsValue> {
    c.view.set_attribute("transform", &v.svg_transform())
}

/// The small module places no names and no markers (that code is in their own module): once the
/// view has left the pre-rendered picture, it hides them and asks for them with `tim-names`
/// from the map's element, whose detail holds the view ([`View::to_parts`]). The page's script
/// (`www/helpers.js`) hands it to the names' module (`crate::web_names`), fetched the first time,
/// which places them and shows them again. While the pre-rendered picture stays, on a stage its
/// markers do not fit (`crate::hydrate::fit`), the markers alone are asked for, brought into the
/// kept layer by the transform `layer` (the names fit any stage); the page's stay shown until
/// then, so that the picture changes once.
#[cfg(not(feature = "full"))]
pub fn ask_names(c: &Chrome, v: &View, layer: Option<String>) {
    use js_sys::{Float64Array, Object, Reflect};
    let detail = Object::new();
    let view = Float64Array::from(&v.to_parts()[..]);
    let _ = Reflect::set(&detail, &JsValue::from_str("view"), &view);
    match layer {
        Some(t) => {
            let _ = Reflect::set(&detail, &JsValue::from_str("layer"), &JsValue::from_str(&t));
        }
        None => {
            super::dom::toggle_class(&c.labels, "tim-moving", true);
            super::dom::toggle_class(&c.markers, "tim-moving", true);
        }
    }
    super::emit(&c.root, "tim-names", &detail);
}
