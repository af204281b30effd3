//! The parts of a map that a page may hold pre-rendered (see `super::super::hydrate`): taken
//! as they are when they show `data` as the module would, or drawn by the module; and the
//! markers, which the pre-rendered picture holds until the view first changes.

use super::App;
use crate::model::Dataset;
use crate::render::Renderer;
#[cfg(not(feature = "full"))]
use crate::web::cards::Cards;
use crate::web::draw;
use crate::web::hydrate;
use crate::web::list::{self, List};
use wasm_bindgen::JsValue;

impl App {
    /// Whether the pre-rendered map the frame was adopted from is `data`'s, drawn as the
    /// renderer would: then it stays as it is (its cards too in the small module; the full one
    /// shows a card in its panel). Any other pre-rendered drawing goes, as does the block of a
    /// map built by the module.
    pub(super) fn adopt(&mut self, renderer: Renderer, data: &Dataset) -> Result<bool, JsValue> {
        let Some(pre) = &self.chrome.pre else {
            self.pages = crate::web::chrome::take_over(&self.chrome.root).or(self.pages.take());
            return Ok(false);
        };
        self.pages = pre.get_attribute("data-pages").or(self.pages.take());
        // The small module has checked it before it adopted anything (`hydrate::adoptable`).
        let small = cfg!(not(feature = "full"));
        if small || (renderer == Renderer::Svg && hydrate::matches(&self.chrome.territories, data)) {
            return Ok(true);
        }
        hydrate::clear(&self.chrome)?;
        Ok(false)
    }

    /// The pre-rendered cards, shown one at a time from now on (the small module checked them
    /// before it adopted anything, see `hydrate::adoptable`).
    #[cfg(not(feature = "full"))]
    pub(super) fn cards(&self, data: &Dataset) -> Result<Cards, JsValue> {
        let found = self.chrome.pre.as_ref().and_then(|pre| Cards::find(pre, data));
        let found = found.ok_or_else(|| JsValue::from_str("territoires-map: no cards to adopt"))?;
        Cards::adopt(&self.doc, found, self.strings)
    }

    /// The list under the map: the pre-rendered one, or the module's.
    pub(super) fn list(&self, data: &Dataset, adopted: bool) -> Result<List, JsValue> {
        let (doc, s, c) = (&self.doc, self.strings, &self.chrome);
        if adopted {
            return list::adopt(doc, &c.list, data, s, self.uid, self.pages.clone());
        }
        let list = list::build(doc, &c.list, data, s, self.uid, self.pages.clone())?;
        list.show(doc, data, &crate::alt::matching(data, "", None), None, s)?;
        if !self.options.header {
            list::fold(doc, &c.list, s)?;
        }
        Ok(list)
    }

    /// Draws the markers, the one of territory `focus` ringed. On the pre-rendered picture, the
    /// markers it holds stay when they are the ones this stage needs, and only the ring moves;
    /// otherwise (a stage of another size than the pre-render foresaw) the module draws them,
    /// in the stage's pixels brought into their layer.
    pub(super) fn markers(&self, focus: usize) -> Result<(), JsValue> {
        let Some(m) = &self.map else { return Ok(()) };
        let wanted = m.ctl.markers(&m.scene);
        let lines = m.ctl.marker_lines(&m.scene);
        let Some(k) = &self.pristine else {
            return draw::markers(&self.doc, &self.chrome, (&wanted, &lines), &m.data, focus, self.uid);
        };
        let circles = self.chrome.markers.get_elements_by_tag_name("circle");
        let shown: Vec<String> =
            (0..circles.length()).filter_map(|k| circles.item(k)?.get_attribute("data-id")).collect();
        let same =
            shown.len() == wanted.len() && wanted.iter().all(|&(i, _)| shown.contains(&m.data.territories[i].id));
        if !same {
            let (w, h) = (m.ctl.view.width, m.ctl.view.height);
            let to_layer = crate::hydrate::stage_to_layer(&k.view_box, w, h, k.layer);
            self.chrome.markers.set_attribute("transform", &to_layer)?;
            return draw::markers(&self.doc, &self.chrome, (&wanted, &lines), &m.data, focus, self.uid);
        }
        let id = m.data.territories.get(focus).map(|t| t.id.as_str());
        for k in 0..circles.length() {
            if let Some(c) = circles.item(k) {
                crate::web::dom::toggle_class(&c, "tim-marker-focus", c.get_attribute("data-id").as_deref() == id);
            }
        }
        Ok(())
    }
}
