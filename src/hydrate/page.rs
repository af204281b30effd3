//! What the module reads from a pre-rendered page instead of downloading the GeoJSON: the data,
//! a JSON copy of the model without its shapes that the pre-render writes in a
//! `<script type="application/json">` block (never run), and the shapes, the territories' and
//! the background's paths, already projected, read back with [`crate::render::read`].

use crate::geom::Shape;
use crate::load::{self, Mapping};
use crate::model::{ContextLayer, Dataset};
use crate::render::read::read_path;
use crate::scene::{ContextShape, Scene};

/// The class of the data block.
pub const DATA_CLASS: &str = "tim-data";

/// The data as the page carries it: the territory file (`geojson`) with its geometries left out
/// (`null`), every `<` escaped so that no `</script>` in a name ends the block. `None` when it is
/// not a FeatureCollection. Native only: the pre-render writes it.
///
/// ```
/// use territoires_map::hydrate::page::write_data;
/// let file = br#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "properties":{"name":"</script>"},"geometry":{"type":"Point","coordinates":[5,48]}}]}"#;
/// let block = write_data(file).unwrap();
/// assert!(block.contains(r#""geometry":null"#) && !block.contains('<'));
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn write_data(geojson: &[u8]) -> Option<String> {
    let mut file: serde_json::Value = serde_json::from_slice(geojson).ok()?;
    for feature in file.get_mut("features")?.as_array_mut()? {
        if let Some(f) = feature.as_object_mut() {
            f.insert("geometry".to_string(), serde_json::Value::Null);
        }
    }
    Some(serde_json::to_string(&file).ok()?.replace('<', "\\u003c"))
}

/// Reads the data block back, with the loader and the map's choice of properties `m`, as the
/// file itself is read but for the shapes. `None`, and the module downloads the file instead,
/// when the loader refuses it.
pub fn read_data(text: &str, m: &Mapping) -> Option<Dataset> {
    load::territories_without_shapes(text.as_bytes(), m).ok().map(|l| l.data)
}

/// One path of the page: what it draws (a territory's index, a background layer), its `d` and
/// its `data-rings` (see [`crate::render::read::ring_counts`]).
pub type PagePath<K> = (K, String, String);

/// The scene of `data` drawn by the page's paths: each territory's exactly once, and the
/// background's. `None` when one is missing, repeated, out of range or unreadable.
pub fn read_scene(
    data: &Dataset,
    territories: &[PagePath<usize>],
    context: &[PagePath<ContextLayer>],
) -> Option<Scene> {
    let mut shapes: Vec<Option<Shape>> = vec![None; data.territories.len()];
    for (i, d, rings) in territories {
        let slot = shapes.get_mut(*i).filter(|s| s.is_none())?;
        *slot = Some(Shape::new(read_path(d, rings)?));
    }
    let shapes = shapes.into_iter().collect::<Option<Vec<Shape>>>()?;
    let context = context
        .iter()
        .map(|(layer, d, rings)| Some(ContextShape { layer: *layer, shape: Shape::new(read_path(d, rings)?) }))
        .collect::<Option<Vec<_>>>()?;
    Some(Scene::from_shapes(data, shapes, context))
}
