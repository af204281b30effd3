//! What the module reads from a pre-rendered page instead of downloading the GeoJSON: the data,
//! a JSON copy of the model without its shapes ([`crate::model`], serde) that the pre-render
//! writes in a `<script type="application/json">` block (never run) and the browser parses
//! (`JSON.parse`: no JSON parser in the module), and the shapes, the territories' and the
//! background's paths, already projected, read back with [`crate::render::read`].

use crate::coords::Projected;
use crate::geom::Shape;
use crate::load::{safe_color, safe_url};
use crate::model::{ContextLayer, Dataset};
use crate::render::read::{read_box, read_label_at, read_path};
use crate::scene::{ContextShape, Scene};

/// The class of the data block.
pub const DATA_CLASS: &str = "tim-data";

/// The data as the page carries it: the model without its shapes, every `<` escaped so that no
/// `</script>` in a name ends the block. Native only: the pre-render writes it.
///
/// ```
/// use territoires_map::hydrate::page::write_data;
/// let file = br#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "properties":{"id":"a","name":"</script>"},"geometry":{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,48]]]}}]}"#;
/// let data = territoires_map::load::territories(file).unwrap().data;
/// let block = write_data(&data).unwrap();
/// assert!(block.contains(r#""name":"\u003c/script>""#) && !block.contains('<'));
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn write_data(data: &Dataset) -> Option<String> {
    Some(serde_json::to_string(data).ok()?.replace('<', "\\u003c"))
}

/// The data read back from the page, if it holds what the loader would have let through: every
/// status in the legend, safe colours, only `http(s)` links. The block is the pre-render's, but
/// a page is anyone's to edit: `None`, and the module downloads the file instead.
pub fn checked(data: Dataset) -> Option<Dataset> {
    let statuses = &data.legend.statuses;
    let colours = statuses.iter().all(|c| safe_color(&c.color).is_some());
    let links = |links: &[crate::model::Link]| {
        links.iter().all(|l| l.url.as_deref().is_none_or(|u| safe_url(u).as_deref() == Some(u)))
    };
    let programme = data.programme.as_ref().is_none_or(|p| links(p.source.as_slice())) && links(data.source.as_slice());
    let territories = data.territories.iter().all(|t| t.status < statuses.len() && links(&t.sources));
    (colours && programme && territories && !data.territories.is_empty()).then_some(data)
}

/// One path of the page: what it draws (a territory's index, a background layer), its `d` and
/// its `data-rings` (see [`crate::render::read::ring_counts`]).
pub type PagePath<K> = (K, String, String);

/// A territory's path, and its label point (`data-at`, see [`crate::render::read::label_at`]).
pub type TerritoryPath = (PagePath<usize>, String);

/// The scene of `data` drawn by the page's paths: each territory's exactly once, and the
/// background's. `None` when one is missing, repeated, out of range or unreadable.
pub fn read_scene(data: &Dataset, territories: &[TerritoryPath], context: &[PagePath<ContextLayer>]) -> Option<Scene> {
    let mut shapes: Vec<Option<(Shape, Projected)>> = vec![None; data.territories.len()];
    for ((i, d, rings), at) in territories {
        let slot = shapes.get_mut(*i).filter(|s| s.is_none())?;
        *slot = Some((Shape::new(read_path(d, rings)?), read_label_at(at)?));
    }
    let shapes = super::filled(shapes)?;
    let context = context
        .iter()
        .map(|(layer, d, rings)| Some(ContextShape { layer: *layer, shape: Shape::new(read_path(d, rings)?) }))
        .collect::<Option<Vec<_>>>()?;
    Some(Scene::from_shapes(data, shapes, context))
}

/// The small module's scene of `data`: each territory's bounds and area (`data-box`, see
/// [`crate::render::read::box_of`]) and label point (`data-at`), `(index, box, at)` once each,
/// without its path, whose hits the browser finds. `None` when one is missing, repeated, out
/// of range or unreadable.
pub fn read_summaries(data: &Dataset, territories: &[(usize, String, String)]) -> Option<Scene> {
    let mut shapes: Vec<Option<(Shape, Projected)>> = vec![None; data.territories.len()];
    for (i, b, at) in territories {
        let slot = shapes.get_mut(*i).filter(|s| s.is_none())?;
        *slot = Some((read_box(b)?, read_label_at(at)?));
    }
    Some(Scene::from_shapes(data, super::filled(shapes)?, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    fn data() -> Dataset {
        let file = include_bytes!("../../data/territoires-grand-est.geojson");
        load::territories(file).unwrap().data
    }

    #[test]
    fn the_copy_passes_as_the_loader_let_it_through() {
        let d = data();
        let back = checked(serde_json::from_str(&write_data(&d).unwrap()).unwrap()).unwrap();
        assert_eq!(back.territories.len(), 15);
        assert!(back.territories.iter().all(|t| t.polygons.is_empty()));
    }

    #[test]
    fn refuses_what_the_loader_would_not_have_let_through() {
        let mut unsafe_link = data();
        unsafe_link.territories[3].sources[0].url = Some("javascript:alert(1)".into());
        let mut spaced_link = data();
        spaced_link.territories[0].sources[0].url = Some(" https://example.org".into());
        let mut status = data();
        status.territories[0].status = status.legend.statuses.len();
        let mut colour = data();
        colour.legend.statuses[0].color = "red;background:url(x)".into();
        let mut programme = data();
        programme.programme.as_mut().unwrap().source =
            Some(crate::model::Link { title: "x".into(), url: Some("data:x".into()) });
        let empty = Dataset { territories: Vec::new(), ..data() };
        let source = Dataset {
            source: Some(crate::model::Link { title: "x".into(), url: Some("javascript:x".into()) }),
            ..data()
        };
        for d in [unsafe_link, spaced_link, status, colour, programme, empty, source] {
            assert!(checked(d).is_none());
        }
    }
}
