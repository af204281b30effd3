//! The scene: every territory and context feature projected once to [`Projected`] metres, with
//! their bounds, label anchors and keyboard order. What it looks like is the renderers' concern
//! ([`crate::render`]): the scene knows no path syntax and no renderer.

use crate::coords::{Bounds, Projected};
use crate::geom::{hit, Shape};
use crate::model::{Context, ContextLayer, Dataset};
use crate::projection::France;

/// A projected territory, indexed like [`Dataset::territories`].
#[derive(Clone, Debug)]
pub struct TerritoryShape {
    pub shape: Shape,
    /// Where the name is written.
    pub label_at: Projected,
}

/// A projected context feature.
#[derive(Clone, Debug)]
pub struct ContextShape {
    pub layer: ContextLayer,
    pub shape: Shape,
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
    /// Projects the territories and the context features.
    pub fn build(data: &Dataset, context: Option<&Context>) -> Scene {
        let proj = France::new();
        let shapes: Vec<Shape> = data.territories.iter().map(|t| Shape::project(&t.polygons, &proj)).collect();
        let context = context
            .map(|c| {
                c.features
                    .iter()
                    .map(|f| ContextShape { layer: f.layer, shape: Shape::project(&f.polygons, &proj) })
                    .collect()
            })
            .unwrap_or_default();
        let shapes = data
            .territories
            .iter()
            .zip(shapes)
            .map(|(t, shape): (_, Shape)| {
                let label_at = t
                    .label_point
                    .map(|p| proj.project(p))
                    .filter(|p| shape.bounds.contains(*p))
                    .unwrap_or_else(|| shape.interior_point());
                (shape, label_at)
            })
            .collect();
        Scene::from_shapes(data, shapes, context)
    }

    /// The scene of territories whose shapes and label points are already projected, `shapes[i]`
    /// territory `i`'s (read back from a pre-rendered page, see `crate::hydrate`).
    pub fn from_shapes(data: &Dataset, shapes: Vec<(Shape, Projected)>, context: Vec<ContextShape>) -> Scene {
        let mut bounds = Bounds::EMPTY;
        let territories: Vec<TerritoryShape> = shapes
            .into_iter()
            .map(|(shape, label_at)| {
                bounds.union(&shape.bounds);
                TerritoryShape { shape, label_at }
            })
            .collect();
        let mut order: Vec<usize> = (0..territories.len()).collect();
        let keys: Vec<String> = data.territories.iter().map(|t| sort_key(&t.name)).collect();
        crate::rank::sort(&mut order, &|a, b| keys[a].cmp(&keys[b]));
        Scene { territories, context, bounds, order }
    }

    /// The territory painted on top at `p`, counting outlines `half_width(i)` metres wide on
    /// each side of territory `i`'s boundary; paths are painted in keyboard order.
    pub fn hit_painted(&self, p: Projected, half_width: impl Fn(usize) -> f64) -> Option<usize> {
        hit::hit_painted(|i| self.territories.get(i).map(|t| &t.shape), &self.order, p, half_width)
    }

    /// The last of `marked` whose outline (a stroke `half_width(i)` metres on each side of its
    /// boundary, without its fill) covers `p`.
    pub fn outline_at(&self, marked: &[usize], p: Projected, half_width: impl Fn(usize) -> f64) -> Option<usize> {
        hit::hit_outline(|i| self.territories.get(i).map(|t| &t.shape), marked, p, half_width)
    }
}

/// Case- and accent-insensitive key, so that "Épinal" sorts with the E's and "Œuilly" with
/// the O's (the Latin letters of [`lower`]).
pub fn sort_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name.chars().map(lower).for_each(|c| push_folded(c, &mut out));
    out
}

/// `c` in lower case, for the Latin letters of French place names (ASCII, Latin-1, Œ, Ÿ); others
/// as they are. Not `char::to_lowercase`: its Unicode tables were 7.6 KB gzip of the small
/// module and most of the search module's data (docs/search.md).
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        c => c,
    }
}

/// Appends lower-case `c` to `out` without its accent, a ligature as its two letters: the one
/// table of the list's order and search ([`sort_key`]) and of the commune search
/// (`crate::search::fold`).
pub fn push_folded(c: char, out: &mut String) {
    match c {
        'à' | 'â' | 'ä' | 'á' => out.push('a'),
        'é' | 'è' | 'ê' | 'ë' => out.push('e'),
        'î' | 'ï' | 'í' => out.push('i'),
        'ô' | 'ö' | 'ó' => out.push('o'),
        'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
        'ÿ' => out.push('y'),
        'ç' => out.push('c'),
        'œ' => out.push_str("oe"),
        'æ' => out.push_str("ae"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn sort_keys_fold_case_accents_and_ligatures() {
        assert_eq!(sort_key("Épinal"), "epinal");
        assert_eq!(sort_key("Œuilly"), "oeuilly");
        assert_eq!(sort_key("Mœurs-Verdey"), "moeurs-verdey", "separators kept, for the order");
    }

    const FILE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"b","name":"Vosges","status":"x","label_point":[6.5,48.5]},
       "geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,49],[6,48]]]}},
      {"type":"Feature","properties":{"id":"a","name":"Épernay","status":"y","label_point":[0,0]},
       "geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,49],[4,48]]]}}]}"#;

    #[test]
    fn builds_shapes_order_labels_and_hits() {
        let data = load::territories(FILE.as_bytes()).unwrap().data;
        let scene = Scene::build(&data, None);
        assert_eq!(scene.order, vec![1, 0], "Épernay before Vosges");
        let proj = France::new();
        let at = proj.project(crate::coords::LonLat { lon: 6.5, lat: 48.5 });
        assert_eq!(scene.territories[0].label_at, at);
        // A label point outside the shape is not trusted: an interior point is used instead.
        assert!(scene.territories[1].shape.bounds.contains(scene.territories[1].label_at));
        assert_eq!(scene.hit_painted(at, |_| 0.0), Some(0));
        assert!(scene.bounds.width() > 100_000.0);
        assert!(scene.context.is_empty());
    }
}
