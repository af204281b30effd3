//! Reading the data and shapes a pre-rendered page holds: the small module's way in, and the
//! image's own module's (`crate::web_image`). The full module downloads them.

use crate::hydrate::page::{checked, read_scene, DATA_CLASS};
use crate::model::Dataset;
#[cfg(feature = "export")]
use crate::render::svg::context_layer;
use crate::scene::Scene;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The data and shapes of the pre-rendered map in `root`, read from the page before anything
/// is adopted (see [`crate::hydrate::page`]): the map needs no download. `None` when the page
/// does not hold them whole: the full module then downloads the file, the small one gives way
/// to the full one.
pub fn read(root: &Element) -> Option<(Dataset, Scene)> {
    let pre = find(root, ":scope > .tim-pre")?;
    let block = find(&pre, &format!(":scope > script.{DATA_CLASS}"))?;
    // The browser's own JSON parser: the module holds none (see crate::hydrate::json).
    let value = js_sys::JSON::parse(&block.text_content()?).ok()?;
    let data = checked(crate::hydrate::json::dataset(&value)?)?;
    let attrs = |el: &Element| Some((el.get_attribute("d")?, el.get_attribute("data-rings")?));
    let territories = all(&pre, ".tim-territories path.tim-territory")?
        .iter()
        .map(|p| {
            let (d, rings) = attrs(p)?;
            Some(((p.get_attribute("data-index")?.parse().ok()?, d, rings), p.get_attribute("data-at")?))
        })
        .collect::<Option<Vec<_>>>()?;
    // The background's shapes go into the image only: the small module never draws the
    // background again (the page's paths move with the view), so it does not read them.
    #[cfg(feature = "export")]
    let context = all(&pre, ".tim-context-layer > path")?
        .iter()
        .map(|p| {
            let (d, rings) = attrs(p)?;
            Some((context_layer(&p.get_attribute("class")?)?, d, rings))
        })
        .collect::<Option<Vec<_>>>()?;
    #[cfg(not(feature = "export"))]
    let context = Vec::new();
    let scene = read_scene(&data, &territories, &context)?;
    Some((data, scene))
}

/// The element `selector` finds inside `container`, if any.
fn find(container: &Element, selector: &str) -> Option<Element> {
    container.query_selector(selector).ok().flatten()
}

/// The elements `selector` finds inside `container`.
fn all(container: &Element, selector: &str) -> Option<Vec<Element>> {
    let found = container.query_selector_all(selector).ok()?;
    Some((0..found.length()).filter_map(|k| found.item(k)?.dyn_into::<Element>().ok()).collect())
}
