//! The names' own module: a fifth build of the crate (feature `names`, see the Makefile), which
//! the page's script loads when the pointer is first over the small module's map, or at the
//! latest once its view first leaves the pre-rendered picture (www/helpers.js), so that the
//! small module carries no placement of names or markers (their weight: docs/performance.md). It reads the data and shapes from the page, as the small module
//! did to adopt the map, takes the names the page holds and places them and the markers for each
//! view the small module describes, in screen pixels (`labels`, `markers`). The small module
//! also asks for the markers alone while the pre-rendered picture stays, on a stage of a size
//! its markers do not hold for (`crate::hydrate::fit`).

#[path = "../dom.rs"]
#[allow(dead_code)]
mod dom;
#[path = "../json.rs"]
mod json;
#[path = "../labels.rs"]
mod labels;
#[path = "../markers.rs"]
#[allow(dead_code)]
mod markers;
#[path = "../markup.rs"]
#[allow(dead_code)]
mod markup;
#[path = "../hydrate/read.rs"]
mod read;

use crate::interact::{Controller, Settings};
use crate::model::Dataset;
use crate::scene::Scene;
use crate::view::View;
use labels::Labels;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The names of one map, read from its page once.
#[wasm_bindgen]
pub struct Names {
    data: Dataset,
    scene: Scene,
    labels: Labels,
    markers: Element,
    root: Element,
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
        let markers = root.query_selector(".tim-svg .tim-markers")?.ok_or_else(|| bad("no layer of markers"))?;
        let doc = dom::document()?;
        let labels = Labels::new(&doc, &group, &data, &scene, true)?;
        Ok(Names { data, scene, labels, markers, root })
    }

    /// Places the names and the markers for `view` (the parts of [`View::to_parts`]; the detail
    /// of the small module's `tim-names`) and shows them; with a `layer` transform (not empty),
    /// the markers alone, brought by it into the pre-rendered picture the small module keeps.
    pub fn place(&self, view: &[f64], layer: &str) -> Result<(), JsValue> {
        let v = View::from_parts(view).ok_or_else(|| JsValue::from_str("territoires-map names: no view"))?;
        if layer.is_empty() {
            dom::timed("labels", || self.labels.place(&v, &self.scene))?;
            dom::toggle_class(self.labels.group(), "tim-moving", false);
        }
        // An empty transform is none: the markers in the stage's pixels, once the view has moved
        // (also after a request made before the move that this module answers late).
        self.markers.set_attribute("transform", layer)?;
        self.draw_markers(v)?;
        dom::toggle_class(&self.markers, "tim-moving", false);
        Ok(())
    }
}

impl Names {
    /// The markers at view `v`, as the small module's controller would have placed them, the
    /// one of the territory holding the map's tab stop ringed.
    fn draw_markers(&self, v: View) -> Result<(), JsValue> {
        let markers = Settings::markers_for(self.data.territories.len());
        let ctl = Controller::new(v, &self.scene, Settings { markers, ..Settings::default() });
        let (at, lines) = (ctl.markers(&self.scene), ctl.marker_lines(&self.scene));
        let stop = self.root.query_selector(".tim-territory[tabindex='0']")?;
        let focus = stop.and_then(|p| p.get_attribute("data-index")?.parse().ok()).unwrap_or(usize::MAX);
        let doc = dom::document()?;
        markers::draw(&doc, &self.markers, (&at, &lines), &self.data, focus, crate::hydrate::UID)
    }
}
