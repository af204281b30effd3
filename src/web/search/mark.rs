//! The chosen commune on the map, drawn by the search module into the map's SVG so that the
//! map's modules carry nothing for it: a ring at the commune's point and its name, in a layer
//! over the territories (`.tim-commune`), moved whenever the map's view group is (a
//! `MutationObserver` on its `transform`). The point is projected (Lambert-93 metres); the view
//! group draws kilometres, y up, through its transform into the SVG's own units, the layer's.

use crate::coords::Projected;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, SvgGraphicsElement};

const NS: &str = "http://www.w3.org/2000/svg";

/// The mark, while one is shown.
pub struct Mark {
    layer: SvgGraphicsElement,
    observer: MutationObserver,
    _moved: Closure<dyn FnMut()>,
}

impl Mark {
    /// Draws commune `name` at `at` on the map of `root` (`.tim-map`); `None` when the map has
    /// no SVG view to draw on.
    pub fn new(root: &Element, name: &str, at: Projected) -> Result<Option<Mark>, JsValue> {
        let Some(svg) = root.query_selector(".tim-svg")? else { return Ok(None) };
        let Some(view) = svg.query_selector(".tim-view")?.and_then(|v| v.dyn_into::<SvgGraphicsElement>().ok()) else {
            return Ok(None);
        };
        let doc = root.owner_document().ok_or(JsValue::NULL)?;
        let layer: SvgGraphicsElement = doc.create_element_ns(Some(NS), "g")?.dyn_into()?;
        layer.set_attribute("class", "tim-commune")?;
        layer.set_attribute("aria-hidden", "true")?;
        let ring = doc.create_element_ns(Some(NS), "circle")?;
        ring.set_attribute("r", "6")?;
        let label = doc.create_element_ns(Some(NS), "text")?;
        label.set_attribute("text-anchor", "middle")?;
        label.set_attribute("y", "-12")?;
        label.set_text_content(Some(name));
        layer.append_child(&ring)?;
        layer.append_child(&label)?;
        svg.append_child(&layer)?;
        let (l, v) = (layer.clone(), view.clone());
        let moved = Closure::<dyn FnMut()>::new(move || place(&l, &v, at));
        let observer = MutationObserver::new(moved.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_attribute_filter(&js_sys::Array::of1(&JsValue::from_str("transform")));
        observer.observe_with_options(&view, &init)?;
        place(&layer, &view, at);
        Ok(Some(Mark { layer, observer, _moved: moved }))
    }
}

impl Drop for Mark {
    fn drop(&mut self) {
        self.observer.disconnect();
        self.layer.remove();
    }
}

/// Where the view group draws `at`: its own `transform` (kilometres to the SVG's units, in which
/// the layer is, whatever the `viewBox` of a pre-rendered map), read from the SVG DOM rather
/// than from the layout, which a card opening beside the map is changing.
fn place(layer: &SvgGraphicsElement, view: &SvgGraphicsElement, at: Projected) {
    // Multiplied here, never `consolidate()`d: that rewrites the attribute, which the observer
    // then sees change (an endless loop in Firefox).
    let list = view.transform().base_val();
    let mut m: Option<web_sys::SvgMatrix> = None;
    for k in 0..list.number_of_items() {
        let Ok(t) = list.get_item(k) else { return };
        m = Some(match m {
            None => t.matrix(),
            Some(m) => m.multiply(&t.matrix()),
        });
    }
    let Some(m) = m else { return };
    let (x, y) = (at.x / 1000.0, at.y / 1000.0);
    let sx = m.a() * x as f32 + m.c() * y as f32 + m.e();
    let sy = m.b() * x as f32 + m.d() * y as f32 + m.f();
    // Whole units: the ring is 12 across; formatting floats would add to the module.
    let _ = layer.set_attribute("transform", &format!("translate({} {})", sx.round() as i64, sy.round() as i64));
}
