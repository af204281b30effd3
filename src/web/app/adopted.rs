//! The parts of a map that a page may hold pre-rendered (see `super::super::hydrate`): taken
//! as they are when they show `data` as the module would, or drawn by the module; and the
//! markers, which the pre-rendered picture holds until the view first changes.

use super::App;
use crate::hydrate::fit::Fit;
use crate::model::Dataset;
use crate::render::Renderer;
#[cfg(not(feature = "full"))]
use crate::web::cards::Cards;
use crate::web::hydrate::{self, Kept};
use crate::web::list::{self, List};
use crate::web::markers;
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
    /// markers it holds stay while the stage is of a size they hold for (`crate::hydrate::fit`),
    /// and only the ring moves; otherwise they are drawn again, in the stage's pixels brought
    /// into their layer. The small module only moves the ring: the names' module draws its
    /// markers when asked (`super::App::redraw`).
    pub(super) fn markers(&self, focus: usize) -> Result<(), JsValue> {
        let Some(m) = &self.map else { return Ok(()) };
        if cfg!(not(feature = "full")) || self.pristine.is_some_and(|k| self.markers_hold(&k)) {
            let id = m.data.territories.get(focus).map(|t| t.id.as_str());
            markers::ring(&self.chrome.markers, id);
            return Ok(());
        }
        #[cfg(feature = "full")]
        {
            let wanted = m.ctl.markers(&m.scene);
            let lines = m.ctl.marker_lines(&m.scene);
            if let Some(layer) = self.pristine.and_then(|k| self.to_layer(&k)) {
                self.chrome.markers.set_attribute("transform", &layer)?;
            }
            markers::draw(&self.doc, &self.chrome.markers, (&wanted, &lines), &m.data, focus, self.uid)?;
        }
        Ok(())
    }

    /// Whether the pre-rendered markers are the ones this stage needs (`crate::hydrate::fit`).
    pub(super) fn markers_hold(&self, k: &Kept) -> bool {
        let Some(m) = &self.map else { return true };
        let fit = self.chrome.markers.get_attribute("data-fit").and_then(|f| Fit::parse(&f));
        fit.is_some_and(|f| f.holds(&k.view_box, m.ctl.view.width, m.ctl.view.height, k.layer))
    }

    /// The transform that brings markers drawn in the stage's pixels into the layer of the kept
    /// picture's.
    pub(super) fn to_layer(&self, k: &Kept) -> Option<String> {
        let m = self.map.as_ref()?;
        let (w, h) = (m.ctl.view.width, m.ctl.view.height);
        Some(crate::hydrate::stage_to_layer(&k.view_box, w, h, k.layer))
    }
}
