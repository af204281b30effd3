//! The names' own module: a fifth build of the crate (feature `names`, see the Makefile), which
//! the page's script loads once the small module's view first leaves the pre-rendered picture
//! (www/helpers.js), so that the small module carries no placement of names (its weight:
//! docs/performance.md). It reads the data and shapes from the page, as the small module did to
//! adopt the map, takes the names the page holds and places them for each view the small module
//! describes, in screen pixels (`labels`).

#[path = "../dom.rs"]
#[allow(dead_code)]
mod dom;
#[path = "../json.rs"]
mod json;
#[path = "../labels.rs"]
mod labels;
#[path = "../markup.rs"]
#[allow(dead_code)]
mod markup;
#[path = "../hydrate/read.rs"]
mod read;

use crate::scene::Scene;
use crate::view::View;
use labels::Labels;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The names of one map, read from its page once.
#[wasm_bindgen]
pub struct Names {
    scene: Scene,
    labels: Labels,
}

#[wasm_bindgen]
impl Names {
    /// The names of the map in `root`, adopted by the small module. Fails when the page does
    /// not hold the map whole, or no layer of names.
    #[wasm_bindgen(constructor)]
    pub fn new(root: Element) -> Result<Names, JsValue> {
        let bad = |what: &str| JsValue::from_str(&format!("territoires-map names: {what}"));
        let (data, scene) = read::read(&root).ok_or_else(|| bad("the page does not hold the map whole"))?;
        let group = root.query_selector(".tim-svg .tim-labels")?.ok_or_else(|| bad("no layer of names"))?;
        let doc = dom::document()?;
        let labels = Labels::new(&doc, &group, &data, &scene, true)?;
        Ok(Names { scene, labels })
    }

    /// Places the names for `view` (the parts of [`View::to_parts`], the detail of the small
    /// module's `tim-names`) and shows them.
    pub fn place(&self, view: &[f64]) -> Result<(), JsValue> {
        let v = View::from_parts(view).ok_or_else(|| JsValue::from_str("territoires-map names: no view"))?;
        dom::timed("labels", || self.labels.place(&v, &self.scene))?;
        dom::toggle_class(self.labels.group(), "tim-moving", false);
        Ok(())
    }
}
