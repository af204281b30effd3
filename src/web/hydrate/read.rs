//! Reading the data and shapes a pre-rendered page holds: the small module's way in (the shapes'
//! bounds only), and the helper modules' (`crate::web_image`, `crate::web_names`: the paths).
//! The full module downloads them.

#[cfg(any(feature = "export", feature = "names"))]
use crate::hydrate::page::read_scene;
#[cfg(not(any(feature = "export", feature = "names")))]
use crate::hydrate::page::read_summaries;
use crate::hydrate::page::{checked, DATA_CLASS};
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
    let scene = scene(&pre, &data)?;
    Some((data, scene))
}

/// The small module's scene: each territory's bounds, area and label point, not its path, whose
/// hits the browser finds (see `crate::interact::Controller::point_at`).
#[cfg(not(any(feature = "export", feature = "names")))]
fn scene(pre: &Element, data: &Dataset) -> Option<Scene> {
    let mut territories = Vec::new();
    for p in all(pre, ".tim-territories path.tim-territory")? {
        let index = p.get_attribute("data-index")?.parse().ok()?;
        territories.push((index, p.get_attribute("data-box")?, p.get_attribute("data-at")?));
    }
    read_summaries(data, &territories)
}

/// The helper modules' scene, the names' and the image's: the territories' paths, whose shapes
/// they place names in and draw, and the image's background.
#[cfg(any(feature = "export", feature = "names"))]
fn scene(pre: &Element, data: &Dataset) -> Option<Scene> {
    let attrs = |el: &Element| Some((el.get_attribute("d")?, el.get_attribute("data-rings")?));
    let territories = all(pre, ".tim-territories path.tim-territory")?
        .iter()
        .map(|p| {
            let (d, rings) = attrs(p)?;
            Some(((p.get_attribute("data-index")?.parse().ok()?, d, rings), p.get_attribute("data-at")?))
        })
        .collect::<Option<Vec<_>>>()?;
    // The background goes into the image only: the names do not avoid it, and the small module
    // never draws it again (the page's paths move with the view).
    #[cfg(feature = "export")]
    let context = all(pre, ".tim-context-layer > path")?
        .iter()
        .map(|p| {
            let (d, rings) = attrs(p)?;
            Some((context_layer(&p.get_attribute("class")?)?, d, rings))
        })
        .collect::<Option<Vec<_>>>()?;
    #[cfg(not(feature = "export"))]
    let context = Vec::new();
    read_scene(data, &territories, &context)
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
