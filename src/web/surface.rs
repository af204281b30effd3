//! Where the territories are drawn, as the controller's effects see it: either one SVG path per
//! territory, or the canvas with three SVG paths over it (the keyboard's focus stop, the hover
//! and the selection outlines). Both keep one tab stop with an accessible name, so the keyboard
//! and screen readers work the same whatever the renderer. Paths are in kilometres, y up, inside
//! the SVG's view group.

use super::canvas::CanvasLayer;
use super::chrome::Chrome;
use super::dom::{append, svg, toggle_class};
use crate::model::Dataset;
use crate::scene::Scene;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

pub enum Surface {
    /// Territory paths by territory index, and which one holds the roving tab stop.
    Svg {
        paths: Vec<Element>,
        tab_stop: usize,
    },
    Canvas {
        layer: CanvasLayer,
        stop: Element,
        hover: Element,
        selected: Element,
    },
}

impl Surface {
    /// The SVG surface over the paths `draw::dataset` wrote, with the tab stop on `focus`.
    pub fn svg(c: &Chrome, count: usize, focus: usize) -> Result<Surface, JsValue> {
        let mut paths = vec![None; count];
        let list = c.territories.children();
        for k in 0..list.length() {
            let Some(el) = list.item(k) else { continue };
            let index = el.get_attribute("data-index").and_then(|v| v.parse::<usize>().ok());
            if let Some(slot) = index.and_then(|i| paths.get_mut(i)) {
                *slot = Some(el);
            }
        }
        let paths: Vec<Element> = paths.into_iter().flatten().collect();
        if let Some(first) = paths.get(focus) {
            first.set_attribute("tabindex", "0")?;
        }
        Ok(Surface::Svg { paths, tab_stop: focus })
    }

    /// The canvas surface, with the tab stop on `focus`.
    pub fn canvas(doc: &Document, c: &Chrome, data: &Dataset, scene: &Scene, focus: usize) -> Result<Surface, JsValue> {
        let stage = c.svg.parent_element().ok_or_else(|| JsValue::from_str("stage"))?;
        let layer = CanvasLayer::new(doc, &stage, &c.root, data, scene)?;
        let outline = |class: &str| -> Result<Element, JsValue> {
            let el = svg(doc, "path", &[("class", class), ("aria-hidden", "true")])?;
            append(&c.territories, &el)?;
            Ok(el)
        };
        let hover = outline("tim-outline tim-hover")?;
        let selected = outline("tim-outline tim-selected")?;
        let stop = svg(
            doc,
            "path",
            &[("class", "tim-territory tim-stop"), ("role", "button"), ("fill", "none"), ("tabindex", "0")],
        )?;
        append(&c.territories, &stop)?;
        let s = Surface::Canvas { layer, stop, hover, selected };
        s.point_stop(focus, data, scene)?;
        Ok(s)
    }

    /// Points the canvas's focus stop at territory `i`.
    fn point_stop(&self, i: usize, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        let Surface::Canvas { stop, .. } = self else { return Ok(()) };
        if i >= data.territories.len() {
            return Ok(());
        }
        stop.set_attribute("d", &scene.path(i))?;
        stop.set_attribute("aria-label", &data.spoken(i))?;
        stop.set_attribute("data-index", &i.to_string())?;
        stop.set_attribute("data-id", &data.territories[i].id)
    }

    /// Moves a highlight (`tim-hover` or `tim-selected`) from territory `old` to `new`.
    pub fn mark(&self, class: &str, old: Option<usize>, new: Option<usize>, scene: &Scene) -> Result<(), JsValue> {
        if old == new {
            return Ok(());
        }
        match self {
            Surface::Svg { paths, .. } => {
                for (i, on) in [(old, false), (new, true)] {
                    if let Some(p) = i.and_then(|i| paths.get(i)) {
                        toggle_class(p, class, on);
                    }
                }
            }
            Surface::Canvas { hover, selected, .. } => {
                let el = if class == "tim-hover" { hover } else { selected };
                match new {
                    Some(i) => el.set_attribute("d", &scene.path(i))?,
                    None => el.remove_attribute("d")?,
                }
            }
        }
        Ok(())
    }

    /// Moves the roving tab stop to territory `i` and focuses it.
    pub fn focus(&mut self, i: usize, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        let el = match self {
            Surface::Svg { paths, tab_stop } => {
                if let Some(old) = paths.get(*tab_stop) {
                    old.set_attribute("tabindex", "-1")?;
                }
                let Some(new) = paths.get(i) else { return Ok(()) };
                new.set_attribute("tabindex", "0")?;
                *tab_stop = i;
                new.clone()
            }
            Surface::Canvas { stop, .. } => stop.clone(),
        };
        self.point_stop(i, data, scene)?;
        match el.dyn_ref::<SvgElement>() {
            Some(p) => p.focus(),
            None => Ok(()),
        }
    }

    /// Dims the territories not kept by the list's filter.
    pub fn dim(&mut self, keep: &[bool], active: bool) {
        match self {
            Surface::Svg { paths, .. } => {
                for (p, keep) in paths.iter().zip(keep) {
                    toggle_class(p, "tim-dimmed", active && !keep);
                }
            }
            Surface::Canvas { layer, .. } => layer.set_dimmed(keep.iter().map(|k| active && !k).collect()),
        }
    }

    /// Paints the canvas at view `v` (nothing to do for SVG: the view group's transform moves it).
    pub fn paint(&mut self, v: &View, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        match self {
            Surface::Svg { .. } => Ok(()),
            Surface::Canvas { layer, .. } => layer.paint(v, scene, data),
        }
    }

    /// During a gesture: moves what the canvas last painted to view `v`. Returns false for SVG.
    pub fn follow(&self, v: &View) -> Result<bool, JsValue> {
        match self {
            Surface::Svg { .. } => Ok(false),
            Surface::Canvas { layer, .. } => layer.follow(v).map(|()| true),
        }
    }

    pub fn is_canvas(&self) -> bool {
        matches!(self, Surface::Canvas { .. })
    }
}
