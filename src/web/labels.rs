//! The names on the map in the DOM: one `<text>` per named territory ([`crate::labels::named`]),
//! taken from a pre-rendered layer or made, and placed for a view ([`crate::labels::at_view`])
//! with their leader lines and number badges. Screen pixels: the layer is outside the view group.
//! Two modules place them: the full one at each view, and the names' own module
//! (`crate::web_names`), which the small module asks for once the view first changes.

use super::dom::append;
use crate::labels::Named;
use crate::model::Dataset;
use crate::scene::Scene;
use crate::view::View;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The territories named on the map and the `<text>` of each, in `group` (`.tim-labels`).
pub struct Labels {
    group: Element,
    named: Vec<Named>,
    els: Vec<Element>,
}

impl Labels {
    /// The names of `data` in `group`: where `adopted`, the pre-rendered `<text>` of each (by
    /// its `data-index`), else, or where one is missing, a new one.
    pub fn new(
        doc: &Document,
        group: &Element,
        data: &Dataset,
        scene: &Scene,
        adopted: bool,
    ) -> Result<Labels, JsValue> {
        let named = crate::labels::named(data, scene);
        let mut els = Vec::with_capacity(named.len());
        for n in &named {
            let index = n.index;
            let found = if adopted { group.query_selector(&format!(":scope > [data-index='{index}']"))? } else { None };
            let el = match found {
                Some(el) => el,
                None => {
                    let el = super::markup::element(doc, &crate::markup::label::label(index))?;
                    append(group, &el)?;
                    el
                }
            };
            els.push(el);
        }
        Ok(Labels { group: group.clone(), named, els })
    }

    /// The layer of names.
    #[cfg_attr(not(feature = "names"), allow(dead_code))]
    pub fn group(&self) -> &Element {
        &self.group
    }

    /// Places the names for view `v`, with their leader lines and the numbers' badges (two paths
    /// in front of the names, made the first time).
    pub fn place(&self, v: &View, scene: &Scene) -> Result<(), JsValue> {
        let room = crate::labels::Room::view(v, true);
        let marks = crate::labels::at_view(v, scene, &self.named, &room, None);
        let Some(doc) = self.group.owner_document() else { return Ok(()) };
        for desc in crate::markup::label::leaders_and_badges(marks.iter().flatten()) {
            super::markup::set_or_insert_first(&doc, &self.group, &desc)?;
        }
        for ((n, el), m) in self.named.iter().zip(&self.els).zip(&marks) {
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
}
