//! Drawing what surrounds the territories into the [`Chrome`], whatever the renderer: header,
//! labels, legend, markers and warnings; and redrawing what depends on the view. Labels and
//! markers are placed in screen pixels; the view group's transform maps kilometres to them.

use super::chrome::Chrome;
use super::dom::{append, html, text_el};
use crate::coords::Screen;
use crate::labels::{estimate_width, LABEL_PX};
use crate::model::Dataset;
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, Element, HtmlCanvasElement};

/// The label texts of one territory (see [`crate::labels::texts`]) with the width of their widest
/// line at [`LABEL_PX`] and their number of lines.
pub struct LabelTexts {
    /// The territory it names.
    pub index: usize,
    pub el: Element,
    pub texts: Vec<String>,
    pub widths: Vec<(f64, usize)>,
}

/// Draws everything around the territories that does not depend on the view (the renderer
/// draws the territories themselves), or, `adopted`, takes what the pre-render drew of it (the
/// legend, its patterns, the labels it placed). Returns the label elements.
pub fn dataset(
    doc: &Document,
    c: &Chrome,
    data: &Dataset,
    scene: &Scene,
    uid: u32,
    adopted: bool,
) -> Result<Vec<LabelTexts>, JsValue> {
    if !adopted {
        super::svg::patterns::define(doc, &c.defs, data, uid, true)?;
    }
    let mut labels = Vec::new();
    for (index, texts) in crate::labels::candidates(data, scene) {
        let found = if adopted { c.labels.query_selector(&format!(":scope > [data-index='{index}']"))? } else { None };
        let el = match found {
            Some(el) => el,
            None => {
                let el = super::markup::element(doc, &crate::markup::label::label(index))?;
                append(&c.labels, &el)?;
                el
            }
        };
        labels.push(LabelTexts { index, el, texts, widths: Vec::new() });
    }
    // Measured with the labels' font on a canvas: no layout of the page, where measuring SVG
    // text laid out every label (docs/performance.md, "Mesures citées par le code").
    let ruler = labels.first().and_then(|l| ruler(doc, &l.el));
    for l in &mut labels {
        l.widths = crate::labels::widths(&l.texts, |line| measure(ruler.as_ref(), line));
    }
    if !adopted {
        legend(doc, c, data, uid)?;
    }
    Ok(labels)
}

/// A 2D context set to the font of `label`, to measure label texts.
fn ruler(doc: &Document, label: &Element) -> Option<CanvasRenderingContext2d> {
    let style = web_sys::window()?.get_computed_style(label).ok()??;
    let get = |p: &str| style.get_property_value(p).unwrap_or_default();
    let font = format!("{} {} {} {}", get("font-style"), get("font-weight"), get("font-size"), get("font-family"));
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_font(&font);
    Some(ctx)
}

fn measure(ruler: Option<&CanvasRenderingContext2d>, text: &str) -> f64 {
    let w = ruler.and_then(|r| r.measure_text(text).ok()).map_or(0.0, |m| m.width());
    if w > 0.0 {
        w
    } else {
        estimate_width(text, LABEL_PX)
    }
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

/// Draws a round target (24 px across) for each territory too small to click at this zoom.
/// `focus` is the territory with the roving tab stop: its marker shows the focus ring.
pub fn markers(
    doc: &Document,
    c: &Chrome,
    markers: &[(usize, Screen)],
    data: &Dataset,
    focus: usize,
    uid: u32,
) -> Result<(), JsValue> {
    // Reuse the circles already there: redraws come at every pan and zoom step, and a marker
    // that stays the same element can be hovered, clicked and measured across them.
    let existing = c.markers.children();
    for k in (markers.len() as u32..existing.length()).rev() {
        if let Some(extra) = existing.item(k) {
            extra.remove();
        }
    }
    for (k, &(i, at)) in markers.iter().enumerate() {
        let desc = crate::markup::label::marker(data, i, at.x, at.y, uid, i == focus);
        match existing.item(k as u32) {
            Some(circle) => {
                for (name, value) in &desc.attrs {
                    circle.set_attribute(name, value)?;
                }
            }
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

/// Places the labels for view `v` (see [`crate::labels::at_view`]).
pub fn labels(v: &View, scene: &Scene, labels: &[LabelTexts]) -> Result<(), JsValue> {
    let which: Vec<(usize, &[(f64, usize)])> = labels.iter().map(|l| (l.index, l.widths.as_slice())).collect();
    let placed = crate::labels::at_view(v, scene, &which);
    let Some(doc) = labels.first().and_then(|l| l.el.owner_document()) else { return Ok(()) };
    for (l, p) in labels.iter().zip(placed) {
        let Some((at, variant)) = p else {
            l.el.set_text_content(None);
            continue;
        };
        let x = format!("{:.1}", at.x);
        l.el.set_attribute("x", &x)?;
        l.el.set_attribute("y", &format!("{:.1}", at.y))?;
        super::markup::replace(&doc, &l.el, &crate::markup::label::lines(&x, &l.texts[variant]))?;
    }
    Ok(())
}
