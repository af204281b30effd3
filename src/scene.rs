//! The scene: every territory and context feature projected once to [`Projected`] metres, with
//! SVG paths, label anchors, the bounds to fit and the keyboard order. Built natively, drawn by
//! the web layer.

use crate::coords::{Bounds, Projected};
use crate::geom::{hit, Shape};
use crate::model::{Context, ContextLayer, Dataset};
use crate::projection::Lambert93;
use crate::render::{stream, Renderer, SvgPath};

/// A projected territory, indexed like [`Dataset::territories`].
#[derive(Clone, Debug)]
pub struct TerritoryShape {
    pub shape: Shape,
    /// SVG `d` in kilometres, y up; empty when the scene is built for the canvas (see
    /// [`Scene::path`]).
    pub path: String,
    /// Where the name is written.
    pub label_at: Projected,
}

/// A projected context feature.
#[derive(Clone, Debug)]
pub struct ContextShape {
    pub layer: ContextLayer,
    pub path: String,
}

#[derive(Clone, Debug)]
pub struct Scene {
    pub territories: Vec<TerritoryShape>,
    pub context: Vec<ContextShape>,
    /// Bounds of the territories; the view fits them.
    pub bounds: Bounds,
    /// Territory indices in keyboard order: by name, as a reader scans a list.
    pub order: Vec<usize>,
}

impl Scene {
    /// The scene for the SVG renderer: every territory with its path string.
    pub fn build(data: &Dataset, context: Option<&Context>) -> Scene {
        Scene::build_for(data, context, Renderer::Svg)
    }

    /// The scene for `renderer`. The canvas draws merged paths (see
    /// [`grouped_paths`](crate::render::grouped_paths)), so territory paths are not built: for
    /// 35,000 communes that is a third of the build time and tens of megabytes of strings.
    pub fn build_for(data: &Dataset, context: Option<&Context>, renderer: Renderer) -> Scene {
        let proj = Lambert93::new();
        let mut bounds = Bounds::EMPTY;
        let territories: Vec<TerritoryShape> = data
            .territories
            .iter()
            .map(|t| {
                let shape = Shape::project(&t.polygons, &proj);
                bounds.union(&shape.bounds);
                let label_at = t
                    .label_point
                    .map(|p| proj.project(p))
                    .filter(|p| shape.bounds.contains(*p))
                    .unwrap_or_else(|| shape.interior_point());
                let path = if renderer == Renderer::Svg { path_of(&shape) } else { String::new() };
                TerritoryShape { path, shape, label_at }
            })
            .collect();
        let context = context
            .map(|c| {
                c.features
                    .iter()
                    .map(|f| ContextShape { layer: f.layer, path: path_of(&Shape::project(&f.polygons, &proj)) })
                    .collect()
            })
            .unwrap_or_default();
        let mut order: Vec<usize> = (0..territories.len()).collect();
        order.sort_by_cached_key(|&i| sort_key(&data.territories[i].name));
        Scene { territories, context, bounds, order }
    }

    /// The SVG path of territory `i` (built now if the scene was built without paths).
    pub fn path(&self, i: usize) -> String {
        match self.territories.get(i) {
            Some(t) if t.path.is_empty() => path_of(&t.shape),
            Some(t) => t.path.clone(),
            None => String::new(),
        }
    }

    /// The territory under a projected point, if any.
    pub fn hit(&self, p: Projected) -> Option<usize> {
        hit::hit(self.territories.iter().map(|t| &t.shape), p)
    }
}

fn path_of(shape: &Shape) -> String {
    let mut sink = SvgPath::default();
    stream(&shape.geometry, &mut sink);
    sink.finish()
}

/// Case- and accent-insensitive key, so that "Épinal" sorts with the E's.
pub fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    const FILE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"b","name":"Vosges","status":"x","label_point":[6.5,48.5]},
       "geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,49],[6,48]]]}},
      {"type":"Feature","properties":{"id":"a","name":"Épernay","status":"y","label_point":[0,0]},
       "geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,49],[4,48]]]}}]}"#;

    #[test]
    fn builds_paths_order_labels_and_hits() {
        let data = load::territories(FILE.as_bytes()).unwrap().data;
        let scene = Scene::build(&data, None);
        assert_eq!(scene.order, vec![1, 0], "Épernay before Vosges");
        assert!(scene.territories[0].path.starts_with('M') && scene.territories[0].path.ends_with('z'));
        let proj = Lambert93::new();
        let at = proj.project(crate::coords::LonLat { lon: 6.5, lat: 48.5 });
        assert_eq!(scene.territories[0].label_at, at);
        // A label point outside the shape is not trusted: an interior point is used instead.
        assert!(scene.territories[1].shape.bounds.contains(scene.territories[1].label_at));
        assert_eq!(scene.hit(at), Some(0));
        assert!(scene.bounds.width() > 100_000.0);
        let canvas = Scene::build_for(&data, None, Renderer::Canvas);
        assert!(canvas.territories[0].path.is_empty());
        assert_eq!(canvas.path(0), scene.territories[0].path);
        assert_eq!(canvas.path(7), "");
    }
}
