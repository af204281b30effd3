//! Drawing what surrounds the territories into the [`Chrome`], whatever the renderer: header,
//! labels, legend, markers and warnings; and redrawing what depends on the view. Labels and
//! markers are placed in screen pixels; the view group's transform maps kilometres to them.

use super::chrome::Chrome;
use super::dom::{append, html, text_el};
use crate::coords::Screen;
use crate::labels::Named;
use crate::model::Dataset;
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// The territories named on the map ([`crate::labels::named`]) and the `<text>` of each.
pub struct Labels {
    pub named: Vec<Named>,
    pub els: Vec<Element>,
}

/// Draws everything around the territories that does not depend on the view (the renderer
/// draws the territories themselves), or, `adopted`, takes what the pre-render drew of it (the
/// legend, its patterns, the labels it placed). Returns the labels.
pub fn dataset(
    doc: &Document,
    c: &Chrome,
    data: &Dataset,
    scene: &Scene,
    uid: u32,
    adopted: bool,
) -> Result<Labels, JsValue> {
    if !adopted {
        super::svg::patterns::define(doc, &c.defs, data, uid, true)?;
    }
    let named = crate::labels::named(data, scene);
    let mut els = Vec::new();
    for n in &named {
        let index = n.index;
        let found = if adopted { c.labels.query_selector(&format!(":scope > [data-index='{index}']"))? } else { None };
        let el = match found {
            Some(el) => el,
            None => {
                let el = super::markup::element(doc, &crate::markup::label::label(index))?;
                append(&c.labels, &el)?;
                el
            }
        };
        els.push(el);
    }
    if !adopted {
        legend(doc, c, data, uid)?;
    }
    Ok(Labels { named, els })
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

/// Places the labels for view `v` (see [`crate::labels::at_view`]), with their leader lines and
/// the numbers' badges (two paths in front of the labels in `group`, made the first time).
pub fn labels(group: &Element, v: &View, scene: &Scene, labels: &Labels) -> Result<(), JsValue> {
    let marks = crate::labels::at_view(v, scene, &labels.named, &crate::labels::Room::view(v, true), None);
    let Some(doc) = group.owner_document() else { return Ok(()) };
    for desc in crate::markup::label::leaders_and_badges(marks.iter().flatten()) {
        super::markup::set_or_insert_first(&doc, group, &desc)?;
    }
    for ((n, el), m) in labels.named.iter().zip(&labels.els).zip(&marks) {
        let Some(m) = m else {
            el.set_text_content(None);
            continue;
        };
        let desc = crate::markup::label::placed(n.index, m, &n.texts);
        el.remove_attribute("textLength")?;
        super::markup::set_attrs(el, &desc)?;
        super::markup::replace(&doc, el, &desc.children)?;
    }
    Ok(())
}
