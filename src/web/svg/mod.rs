//! The SVG renderer, its web half: one `<path>` per territory, in keyboard order, filled with its
//! status pattern, and the context paths behind them; highlight, focus and dimming are classes on
//! those paths, styled by map.css. Paths are in kilometres, y up, inside the view group (see
//! [`crate::render::svg`]); the map patterns follow the view to keep their motifs' screen size.

pub mod patterns;

use super::chrome::Chrome;
use super::dom::{append, svg, toggle_class};
use crate::model::Dataset;
use crate::render::path_data;
use crate::render::svg::Mark;
use crate::render::svg::{context_class, pattern_fill, pattern_id, pattern_transform};
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

pub struct SvgSurface {
    /// Territory paths by territory index.
    paths: Vec<Element>,
    /// The territory holding the roving tab stop.
    tab_stop: usize,
    /// The map's fill patterns, by status.
    patterns: Vec<Element>,
}

impl SvgSurface {
    /// Writes the map patterns, the context and the territory paths, with the tab stop on `focus`.
    pub fn new(
        doc: &Document,
        c: &Chrome,
        (data, s): (&Dataset, &Strings),
        scene: &Scene,
        uid: u32,
        focus: usize,
    ) -> Result<SvgSurface, JsValue> {
        let patterns = patterns::define(doc, &c.defs, data, uid, false)?;
        for shape in &scene.context {
            let d = path_data(&shape.shape.geometry);
            append(&c.context, &svg(doc, "path", &[("class", context_class(shape.layer)), ("d", &d)])?)?;
        }
        let mut paths = Vec::with_capacity(scene.territories.len());
        for (i, (t, shape)) in data.territories.iter().zip(&scene.territories).enumerate() {
            let d = path_data(&shape.shape.geometry);
            let fill = pattern_fill(uid, t.status, false);
            let path = svg(doc, "path", &[("class", "tim-territory"), ("d", &d), ("fill", &fill), ("role", "button")])?;
            path.set_attribute("data-id", &t.id)?;
            path.set_attribute("data-index", &i.to_string())?;
            path.set_attribute("data-status", &data.legend.statuses[t.status].id)?;
            path.set_attribute("aria-label", &crate::card::spoken(data, i, s))?;
            path.set_attribute("tabindex", if i == focus { "0" } else { "-1" })?;
            paths.push(path);
        }
        // In the DOM in keyboard order, as screen readers browse it.
        for p in scene.order.iter().filter_map(|&i| paths.get(i)) {
            append(&c.territories, p)?;
        }
        Ok(SvgSurface { paths, tab_stop: focus, patterns })
    }

    /// Takes the pre-rendered territories (`super::hydrate`): each path leaves the link that
    /// held it, the map's single tab stop and the controller taking the link's place, and gets
    /// the attributes the module writes; nothing is drawn again. The map's patterns are the
    /// pre-rendered ones, made themeable as the module's are.
    pub fn adopt(c: &Chrome, data: &Dataset, uid: u32, focus: usize, s: &Strings) -> Result<SvgSurface, JsValue> {
        let found = c.territories.query_selector_all("path.tim-territory[data-index]")?;
        let mut paths: Vec<Option<Element>> = vec![None; data.territories.len()];
        for k in 0..found.length() {
            let Some(path) = found.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Some(i) = path.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok()) else { continue };
            if let Some(link) = path.parent_element().filter(|p| p.local_name() == "a") {
                link.replace_with_with_node_1(&path)?;
            }
            path.set_attribute("role", "button")?;
            path.set_attribute("aria-label", &crate::card::spoken(data, i, s))?;
            path.set_attribute("tabindex", if i == focus { "0" } else { "-1" })?;
            if let Some(slot) = paths.get_mut(i) {
                *slot = Some(path);
            }
        }
        let paths = crate::hydrate::filled(paths).ok_or_else(|| JsValue::from_str("territory"))?;
        patterns::theme(&c.defs, data, uid)?;
        let mut patterns = Vec::new();
        for k in 0..data.legend.statuses.len() {
            patterns.extend(c.defs.query_selector(&format!("#{}", pattern_id(uid, k, false)))?);
        }
        Ok(SvgSurface { paths, tab_stop: focus, patterns })
    }

    /// Moves a highlight's class from territory `old` to `new`.
    pub fn mark(&self, mark: Mark, old: Option<usize>, new: Option<usize>) {
        for (i, on) in [(old, false), (new, true)] {
            if let Some(p) = i.and_then(|i| self.paths.get(i)) {
                toggle_class(p, mark.class(), on);
            }
        }
    }

    /// Moves the roving tab stop to territory `i`, and focuses it if `take`.
    pub fn focus(&mut self, i: usize, take: bool) -> Result<(), JsValue> {
        let Some(new) = self.paths.get(i) else { return Ok(()) };
        if let Some(old) = self.paths.get(self.tab_stop) {
            old.set_attribute("tabindex", "-1")?;
        }
        new.set_attribute("tabindex", "0")?;
        self.tab_stop = i;
        match new.dyn_ref::<SvgElement>() {
            Some(p) if take => p.focus(),
            _ => Ok(()),
        }
    }

    /// Dims the territories the list's filter leaves out (`dimmed`, by index).
    pub fn dim(&self, dimmed: &[bool]) {
        for (p, &d) in self.paths.iter().zip(dimmed) {
            toggle_class(p, "tim-dimmed", d);
        }
    }

    /// Follows view `v`: the paths move with the view group; the motifs keep their size.
    pub fn paint(&self, v: &View) -> Result<(), JsValue> {
        let transform = pattern_transform(v);
        for p in &self.patterns {
            p.set_attribute("patternTransform", &transform)?;
        }
        Ok(())
    }
}
