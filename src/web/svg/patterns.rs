//! The SVG fill patterns: a status colour with its motif over it (the second cue), from
//! [`style`]. One set for the map, whose transform undoes the view's so that motifs keep their
//! size on screen, and one for the legend, the list and the markers. Tiles are in CSS pixels.

use crate::model::{Dataset, StatusCategory};
use crate::render::style::{self, MOTIF_TILE};
use crate::render::svg::pattern_id;
use crate::web::dom::{append, svg};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

fn pattern(doc: &Document, id: &str, cat: &StatusCategory) -> Result<Element, JsValue> {
    let tile = MOTIF_TILE.to_string();
    let p =
        svg(doc, "pattern", &[("id", id), ("patternUnits", "userSpaceOnUse"), ("width", &tile), ("height", &tile)])?;
    let rect = svg(doc, "rect", &[("width", &tile), ("height", &tile), ("fill", &cat.color)])?;
    // Themeable: `--tim-status-<id>` on the map or an ancestor overrides the data's colour.
    if let Some(r) = rect.dyn_ref::<SvgElement>() {
        r.style().set_property("fill", &format!("var({}, {})", style::status_var(&cat.id), cat.color))?;
    }
    append(&p, &rect)?;
    if let Some(m) = style::motif(cat.pattern) {
        // Coloured and stroked by map.css, which states style.rs's values (a test checks it).
        let class = if m.filled { "tim-motif-dot" } else { "tim-motif" };
        append(&p, &svg(doc, "path", &[("d", m.d), ("class", class)])?)?;
    }
    Ok(p)
}

/// Adds one pattern per status to `defs`: the map's, or the legend's (`legend`). Returns them.
pub fn define(doc: &Document, defs: &Element, data: &Dataset, uid: u32, legend: bool) -> Result<Vec<Element>, JsValue> {
    let mut patterns = Vec::new();
    for (k, cat) in data.legend.statuses.iter().enumerate() {
        let p = pattern(doc, &pattern_id(uid, k, legend), cat)?;
        append(defs, &p)?;
        patterns.push(p);
    }
    Ok(patterns)
}
