//! Adopting a pre-rendered map (`crate::prerender`): the module takes the elements the page
//! already shows as its own frame, adds the few the pre-render leaves out (tooltip, panel,
//! message, hint, markers, warnings, live region, all hidden until used), and attaches its
//! behaviour to them, drawing nothing again: when it becomes ready, nothing on screen changes.
//!
//! Until the visitor first moves or zooms the map, the SVG keeps the `viewBox` that the browser
//! fits to the stage, and the module's view is the one that shows the same picture (see
//! [`crate::hydrate::shown_view`]); the first view change drops the box ([`release_box`]) and
//! the module draws every later view itself, as it does a map it built.

use super::chrome::{Chrome, Overlays, Parts};
use super::dom::{as_html, part};
use crate::hydrate::ViewBox;
use crate::model::Dataset;
use crate::text::Strings;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

#[cfg(not(feature = "full"))]
mod read;
#[cfg(not(feature = "full"))]
pub use read::read;

/// Whether the small module can adopt the pre-rendered map in `root` as it is, the map of
/// `data` (read from the same page): it draws no map and writes no card or row of its own, so
/// where the drawing, the cards or the list's rows are not `data`'s (a page edited by hand), it
/// leaves `root` untouched and the full module draws it.
#[cfg(not(feature = "full"))]
pub fn adoptable(root: &Element, data: &Dataset) -> bool {
    find(root, ":scope > .tim-pre > .tim-stage > .tim-svg .tim-territories").is_some_and(|t| matches(&t, data))
        && find(root, ":scope > .tim-pre").is_some_and(|pre| {
            let rows = pre.query_selector_all(":scope > .tim-list .tim-table tbody > tr[data-id]");
            super::cards::Cards::find(&pre, data).is_some()
                && rows.is_ok_and(|r| r.length() as usize == data.territories.len())
        })
}

pub use crate::hydrate::UID;

/// The element `selector` finds inside `container`, if any.
fn find(container: &Element, selector: &str) -> Option<Element> {
    container.query_selector(selector).ok().flatten()
}

/// Takes the pre-rendered block in `root` (`.tim-pre`) as the map's frame; `None` when there is
/// none, or not one the module can adopt (the slot of `<territoires-map>`, a territory's page),
/// and the module builds its own.
pub fn adopt(doc: &Document, root: &HtmlElement, s: &Strings) -> Result<Option<Chrome>, JsValue> {
    let Some(pre) = find(root, ":scope > .tim-pre") else { return Ok(None) };
    let (Some(stage), Some(svg_el)) = (find(&pre, ":scope > .tim-stage"), find(&pre, ":scope > .tim-stage > .tim-svg"))
    else {
        return Ok(None);
    };
    let inside = ["defs", ".tim-view", ".tim-context-layer", ".tim-territories"];
    let [Some(defs), Some(view), Some(context), Some(territories)] = inside.map(|q| find(&svg_el, q)) else {
        return Ok(None);
    };
    let Some((markers, labels)) = overlay(&svg_el)? else { return Ok(None) };
    let outside = [":scope > .tim-legend", ":scope > .tim-list", ":scope > .tim-stage > .tim-controls"];
    let [Some(legend), Some(list), Some(controls)] = outside.map(|q| find(&pre, q)) else { return Ok(None) };
    if view_box(&svg_el).is_none() || controls.query_selector(".tim-export")?.is_none() {
        return Ok(None);
    }
    let (stage, legend, list) = (as_html(stage, "stage")?, as_html(legend, "legend")?, as_html(list, "list")?);
    let header = match find(&pre, ":scope > .tim-header") {
        Some(h) => as_html(h, "header")?,
        None => {
            let h = super::dom::html(doc, "div", "tim-header")?;
            h.set_hidden(true);
            pre.prepend_with_node_1(&h)?;
            h
        }
    };
    // The description the links' help gave way to the keyboard's: the territories become
    // buttons of one tab stop.
    if let Some(help) = find(&stage, ":scope > .tim-sr-only") {
        help.set_text_content(Some(s.map_help));
    }
    let o = Overlays::new(doc, s, UID)?;
    o.hide_message();
    o.append_to(&stage)?;
    legend.after_with_node_1(&o.warnings)?;
    pre.append_with_node_1(&o.live)?;
    root.class_list().add_1("tim-map")?;
    super::dom::set_lang(root, s.lang)?;
    let export = as_html(part(&controls, ".tim-export")?, "export")?;
    let parts = Parts { header, svg: svg_el, defs, view, context, territories, labels, markers, list, legend, export };
    Ok(Some(o.chrome(root, parts, Some(pre))))
}

/// The markers and names shown now, the desktop's or the phone's (map.css picks them by the
/// screen's width); the others go, unseen.
fn overlay(svg_el: &Element) -> Result<Option<(Element, Element)>, JsValue> {
    let window = crate::web::dom::window().ok_or_else(|| JsValue::from_str("window"))?;
    let mut shown = None;
    for layout in ["wide", "narrow"] {
        let Some(o) = find(svg_el, &format!(":scope > .tim-overlay-{layout}")) else { return Ok(None) };
        let hidden = window
            .get_computed_style(&o)?
            .is_some_and(|st| st.get_property_value("display").ok().as_deref() == Some("none"));
        match (&shown, hidden) {
            (None, false) => shown = Some(o),
            _ => o.remove(),
        }
    }
    let Some(o) = shown else { return Ok(None) };
    Ok(find(&o, ":scope > .tim-markers").zip(find(&o, ":scope > .tim-labels")))
}

/// What stays of the pre-render until the view first changes: the box the browser fits to the
/// stage, and the size of the stage the shown names and markers were placed for (`None`: the
/// desktop's, in the box's own units).
#[derive(Clone, Copy, Debug)]
pub struct Kept {
    pub view_box: ViewBox,
    pub layer: Option<(f64, f64)>,
}

/// What is kept of the adopted map, when its box can be read.
pub fn kept(c: &Chrome) -> Option<Kept> {
    let view_box = view_box(&c.svg)?;
    let narrow = c.labels.parent_element().is_some_and(|o| o.class_list().contains("tim-overlay-narrow"));
    Some(Kept { view_box, layer: narrow.then(|| crate::hydrate::narrow_size(&view_box)) })
}

/// The SVG's `viewBox`, while it is set.
pub fn view_box(svg_el: &Element) -> Option<ViewBox> {
    ViewBox::parse(&svg_el.get_attribute("viewBox")?)
}

/// Whether the pre-rendered territories (in `territories`, `.tim-territories`) are `data`'s: the
/// same ids with the same statuses.
pub fn matches(territories: &Element, data: &Dataset) -> bool {
    let Ok(paths) = territories.query_selector_all("path.tim-territory") else { return false };
    if paths.length() as usize != data.territories.len() {
        return false;
    }
    (0..paths.length()).filter_map(|k| paths.item(k)?.dyn_into::<Element>().ok()).all(|p| {
        let index = p.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok());
        let Some(t) = index.and_then(|i| data.territories.get(i)) else { return false };
        let status = data.legend.statuses.get(t.status).map(|c| c.id.as_str());
        p.get_attribute("data-id").as_deref() == Some(t.id.as_str())
            && p.get_attribute("data-status").as_deref() == status
    })
}

/// The pre-rendered drawing is not the module's (other data, or the canvas renderer): it goes,
/// and the module draws its own into the adopted frame.
pub fn clear(c: &Chrome) -> Result<(), JsValue> {
    for el in [&c.defs, &c.context, &c.territories, &c.labels] {
        el.set_text_content(None);
    }
    for el in [&c.header, &c.legend, &c.list] {
        el.set_text_content(None);
        el.set_hidden(true);
    }
    remove_cards(c)?;
    release_box(c)
}

/// Removes the pre-rendered cards, one per territory, which `:target` shows without scripts, in
/// the full module (other data, or a page the small one refused; the small one shows them, see
/// `super::cards`): its panel, written from the same description, shows a territory's card from
/// now on (one that was open is opened in it in the same task, see `www/main.js`).
pub fn remove_cards(c: &Chrome) -> Result<(), JsValue> {
    let Some(pre) = &c.pre else { return Ok(()) };
    let cards = pre.query_selector_all(":scope > .tim-stage > .tim-card")?;
    for k in 0..cards.length() {
        if let Some(card) = cards.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
            card.remove();
        }
    }
    Ok(())
}

/// Drops the `viewBox`: from now on the module draws the view itself (map.css then sizes the
/// stage as it sizes the module's own).
pub fn release_box(c: &Chrome) -> Result<(), JsValue> {
    c.svg.remove_attribute("viewBox")?;
    c.svg.remove_attribute("preserveAspectRatio")?;
    // The names and markers drawn from now on are in the stage's pixels, whatever its width,
    // including markers drawn into the kept picture for a stage it did not foresee.
    c.markers.remove_attribute("transform")?;
    if let Some(o) = c.labels.parent_element().filter(|o| o.class_list().contains("tim-overlay")) {
        o.remove_attribute("transform")?;
        o.set_attribute("class", "tim-overlay")?;
    }
    match &c.pre {
        Some(pre) => pre.class_list().add_1("tim-moved"),
        None => Ok(()),
    }
}
