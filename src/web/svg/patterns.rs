//! The SVG fill patterns of the map and of the legend, as [`crate::markup::legend`] describes
//! them, written into the map's `defs`. The map's follow the view (`patternTransform`, set at
//! each paint); tiles are in CSS pixels.

use crate::markup::legend::{patterns, Styling};
use crate::model::Dataset;
use crate::web::dom::append;
use crate::web::markup::element;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Adds one pattern per status to `defs`: the map's, or the legend's (`legend`). Returns them.
pub fn define(doc: &Document, defs: &Element, data: &Dataset, uid: u32, legend: bool) -> Result<Vec<Element>, JsValue> {
    let mut out = Vec::new();
    for p in patterns(data, uid, legend, None, Styling::Classes) {
        let p = element(doc, &p)?;
        append(defs, &p)?;
        out.push(p);
    }
    Ok(out)
}
