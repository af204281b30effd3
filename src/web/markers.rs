//! The round markers of territories too small to click (`crate::interact` places them) in the
//! DOM: circles and the lines of those that stepped aside, in screen pixels (the layer is
//! outside the view group), described once in `crate::markup::label`. Two modules draw them: the
//! full one at each view, and the names' own module (`crate::web_names`) for the small module,
//! which only moves the focus ring ([`ring`]).

use super::dom::append;
use crate::coords::Screen;
use crate::model::Dataset;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// The markers (territory, centre) and the lines of those that stepped aside.
pub type Markers<'a> = (&'a [(usize, Screen)], &'a [(Screen, Screen)]);

/// Draws a round target (24 px across) for each territory in `markers`, and the `lines` of
/// those that stepped aside (a path before the circles, made the first time), in `group`
/// (`.tim-markers`). `focus` is the territory with the roving tab stop: its marker shows the
/// focus ring.
pub fn draw(
    doc: &Document,
    group: &Element,
    (markers, lines): Markers,
    data: &Dataset,
    focus: usize,
    uid: u32,
) -> Result<(), JsValue> {
    super::markup::set_or_insert_first(doc, group, &crate::markup::label::marker_lines(lines))?;
    // Reuse the circles already there: redraws come at every pan and zoom step, and a marker
    // that stays the same element can be hovered, clicked and measured across them.
    let existing = group.query_selector_all(":scope > circle")?;
    for k in (markers.len() as u32..existing.length()).rev() {
        if let Some(extra) = existing.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
            extra.remove();
        }
    }
    for (k, &(i, at)) in markers.iter().enumerate() {
        let desc = crate::markup::label::marker(data, i, at.x, at.y, uid, i == focus);
        match existing.item(k as u32).and_then(|n| n.dyn_into::<Element>().ok()) {
            Some(circle) => super::markup::set_attrs(&circle, &desc)?,
            None => append(group, &super::markup::element(doc, &desc)?)?,
        }
    }
    Ok(())
}

/// Moves the focus ring to the marker of territory `id`, if it has one, among the circles in
/// `group`, as they are.
pub fn ring(group: &Element, id: Option<&str>) {
    let circles = group.get_elements_by_tag_name("circle");
    for k in 0..circles.length() {
        if let Some(c) = circles.item(k) {
            super::dom::toggle_class(&c, "tim-marker-focus", c.get_attribute("data-id").as_deref() == id);
        }
    }
}
