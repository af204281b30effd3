//! The canvas renderer, its web half: the territories painted on a canvas under the map's SVG
//! ([`paint`]), and over it three SVG paths: the keyboard's focus stop (the one territory in the
//! DOM, with its accessible name) and the hover and selection outlines. Dimming repaints the
//! canvas. Outline paths are in kilometres, y up, inside the SVG's view group; the canvas maps
//! the same kilometres to device pixels.

mod paint;

use super::chrome::Chrome;
use super::dom::{append, svg};
use crate::model::Dataset;
use crate::render::path_data;
use crate::render::svg::Mark;
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use paint::Painter;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

pub struct CanvasSurface {
    painter: Painter,
    stop: Element,
    hover: Element,
    selected: Element,
    strings: &'static Strings,
}

impl CanvasSurface {
    /// The canvas, the outlines and the focus stop, on territory `focus`.
    pub fn new(
        doc: &Document,
        c: &Chrome,
        (data, strings): (&Dataset, &'static Strings),
        scene: &Scene,
        focus: usize,
    ) -> Result<CanvasSurface, JsValue> {
        let stage = c.svg.parent_element().ok_or_else(|| JsValue::from_str("stage"))?;
        let painter = Painter::new(doc, &stage, &c.root, &c.territories, data, scene)?;
        let outline = |mark: Mark| -> Result<Element, JsValue> {
            let class = format!("tim-outline {}", mark.class());
            let el = svg(doc, "path", &[("class", &class), ("aria-hidden", "true")])?;
            append(&c.territories, &el)?;
            Ok(el)
        };
        let hover = outline(Mark::Hover)?;
        let selected = outline(Mark::Selected)?;
        let stop = svg(
            doc,
            "path",
            &[("class", "tim-territory tim-stop"), ("role", "button"), ("fill", "none"), ("tabindex", "0")],
        )?;
        append(&c.territories, &stop)?;
        let s = CanvasSurface { painter, stop, hover, selected, strings };
        s.point_stop(focus, data, scene)?;
        Ok(s)
    }

    /// Points the focus stop at territory `i`.
    fn point_stop(&self, i: usize, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        let (Some(t), Some(shape)) = (data.territories.get(i), scene.territories.get(i)) else { return Ok(()) };
        self.stop.set_attribute("d", &path_data(&shape.shape.geometry))?;
        self.stop.set_attribute("aria-label", &crate::card::spoken(data, i, self.strings))?;
        self.stop.set_attribute("data-index", &i.to_string())?;
        self.stop.set_attribute("data-id", &t.id)
    }

    /// Draws the outline of `mark` around territory `new`, or none.
    pub fn mark(&self, mark: Mark, new: Option<usize>, scene: &Scene) -> Result<(), JsValue> {
        let el = match mark {
            Mark::Hover => &self.hover,
            Mark::Selected => &self.selected,
        };
        match new.and_then(|i| scene.territories.get(i)) {
            Some(t) => el.set_attribute("d", &path_data(&t.shape.geometry)),
            None => el.remove_attribute("d"),
        }
    }

    /// Points the focus stop at territory `i`, and focuses it if `take`.
    pub fn focus(&self, i: usize, take: bool, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        self.point_stop(i, data, scene)?;
        match self.stop.dyn_ref::<SvgElement>() {
            Some(p) if take => p.focus(),
            _ => Ok(()),
        }
    }

    /// Dims the territories the list's filter leaves out (`dimmed`, by index), at the next
    /// [`paint`](Self::paint).
    pub fn dim(&mut self, dimmed: &[bool]) {
        self.painter.set_dimmed(dimmed.to_vec());
    }

    /// Paints the map at view `v`.
    pub fn paint(&mut self, v: &View, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        self.painter.paint(v, scene, data)
    }

    /// During a gesture: moves what was last painted to view `v`, without painting.
    pub fn follow(&self, v: &View) -> Result<(), JsValue> {
        self.painter.follow(v)
    }
}
