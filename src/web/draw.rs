//! Drawing what surrounds the territories into the [`Chrome`], whatever the renderer: header,
//! legend, markers and warnings; and redrawing what depends on the view. Markers are placed in
//! screen pixels; the view group's transform maps kilometres to them. The names: `super::labels`.

use super::chrome::Chrome;
use super::dom::{append, html, text_el};
use crate::coords::Screen;
use crate::model::Dataset;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

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

/// The markers (territory, centre) and the lines of those that stepped aside.
pub type Markers<'a> = (&'a [(usize, Screen)], &'a [(Screen, Screen)]);

/// Draws a round target (24 px across) for each territory too small to click at this zoom, and
/// the `lines` of those that stepped aside (a path before the circles, made the first time).
/// `focus` is the territory with the roving tab stop: its marker shows the focus ring.
pub fn markers(
    doc: &Document,
    c: &Chrome,
    (markers, lines): Markers,
    data: &Dataset,
    focus: usize,
    uid: u32,
) -> Result<(), JsValue> {
    super::markup::set_or_insert_first(doc, &c.markers, &crate::markup::label::marker_lines(lines))?;
    // Reuse the circles already there: redraws come at every pan and zoom step, and a marker
    // that stays the same element can be hovered, clicked and measured across them.
    let existing = c.markers.query_selector_all(":scope > circle")?;
    for k in (markers.len() as u32..existing.length()).rev() {
        if let Some(extra) = existing.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
            extra.remove();
        }
    }
    for (k, &(i, at)) in markers.iter().enumerate() {
        let desc = crate::markup::label::marker(data, i, at.x, at.y, uid, i == focus);
        match existing.item(k as u32).and_then(|n| n.dyn_into::<Element>().ok()) {
            Some(circle) => super::markup::set_attrs(&circle, &desc)?,
            None => append(&c.markers, &super::markup::element(doc, &desc)?)?,
        }
    }
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

/// The small module places no names (that code is in their own module): once the view has left
/// the pre-rendered picture, it hides them and asks for them with `tim-names` from the map's
/// element, whose detail holds the view ([`View::to_parts`]). The page's script
/// (`www/helpers.js`) hands it to the names' module (`crate::web_names`), fetched the first
/// time, which places them and shows them again.
#[cfg(not(feature = "full"))]
pub fn ask_names(c: &Chrome, v: &View) {
    use js_sys::{Float64Array, Object, Reflect};
    super::dom::toggle_class(&c.labels, "tim-moving", true);
    let detail = Object::new();
    let view = Float64Array::from(&v.to_parts()[..]);
    let _ = Reflect::set(&detail, &JsValue::from_str("view"), &view);
    super::emit(&c.root, "tim-names", &detail);
}
