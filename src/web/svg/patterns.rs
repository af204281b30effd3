//! The SVG fill patterns of the map and of the legend, as [`crate::markup::legend`] describes
//! them, written into the map's `defs`. The map's follow the view (`patternTransform`, set at
//! each paint); tiles are in CSS pixels.

use crate::markup::legend::{patterns, Styling};
use crate::markup::Node;
use crate::model::Dataset;
use crate::web::dom::append;
use crate::web::markup::element;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

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

/// Gives the pre-rendered patterns of map `uid` (both sets) the themeable fill the module writes
/// (`--tim-status-<id>` over the data's colour): the page's HTML cannot carry it, an inline style
/// being what a strict CSP blocks. Nothing changes on screen unless the host sets that property.
pub fn theme(defs: &Element, data: &Dataset, uid: u32) -> Result<(), JsValue> {
    for legend in [false, true] {
        for p in patterns(data, uid, legend, None, Styling::Classes) {
            let (Some(id), Some(Node::El(rect))) = (p.get("id"), p.children.first()) else { continue };
            let found = defs.query_selector(&format!("#{id} > rect"))?;
            let Some(style) = found.as_ref().and_then(|r| r.dyn_ref::<SvgElement>()).map(SvgElement::style) else {
                continue;
            };
            for (k, v) in &rect.props {
                style.set_property(k, v)?;
            }
        }
    }
    Ok(())
}
