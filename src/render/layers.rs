//! What the canvas renderer draws: the territories merged into one SVG path string per group
//! (a status, dimmed or not), simplified for the zoom level, so that a frame is a few dozen
//! `fill` calls whatever the number of shapes. Works in [`Projected`](crate::coords::Projected)
//! metres in, kilometres (y up) out, like [`SvgPath`].

use super::{stream, SvgPath};
use crate::coords::Bounds;
use crate::model::Dataset;
use crate::scene::Scene;
use crate::view::View;

/// Which renderer draws the territories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// One `<path>` per territory: every shape is a DOM element (best for a few hundred).
    Svg,
    /// One canvas, repainted after each gesture; the DOM keeps only the focused and highlighted
    /// shapes, the labels and the list.
    Canvas,
}

/// Above this many territories the canvas is picked: thousands of SVG paths repaint too slowly
/// for smooth panning.
pub const CANVAS_ABOVE_FEATURES: usize = 1_500;
/// Above this many positions the canvas is picked, even for few territories.
pub const CANVAS_ABOVE_VERTICES: usize = 250_000;

impl Renderer {
    /// The renderer asked for (`"svg"`, `"canvas"`), or the one fit for this size (`"auto"` or
    /// anything else).
    ///
    /// ```
    /// use territoires_map::render::Renderer;
    /// assert_eq!(Renderer::pick(None, 15, 9_000), Renderer::Svg);
    /// assert_eq!(Renderer::pick(None, 34_738, 658_777), Renderer::Canvas);
    /// assert_eq!(Renderer::pick(Some("canvas"), 15, 9_000), Renderer::Canvas);
    /// ```
    pub fn pick(asked: Option<&str>, features: usize, vertices: usize) -> Renderer {
        match asked {
            Some("svg") => Renderer::Svg,
            Some("canvas") => Renderer::Canvas,
            _ if features > CANVAS_ABOVE_FEATURES || vertices > CANVAS_ABOVE_VERTICES => Renderer::Canvas,
            _ => Renderer::Svg,
        }
    }

    /// [`Renderer::pick`] for a loaded dataset.
    pub fn for_dataset(asked: Option<&str>, data: &Dataset) -> Renderer {
        let vertices = data.territories.iter().flat_map(|t| t.polygons.iter().flatten()).map(Vec::len).sum();
        Renderer::pick(asked, data.territories.len(), vertices)
    }
}

/// Finest simplification step, in metres: the path strings round to 10 m anyway.
const FINEST_M: f64 = 10.0;
/// Largest step on screen, in pixels: one, as Leaflet simplifies its paths by default.
const MAX_ERROR_PX: f64 = 1.0;

/// The level of detail for a view scale (pixels per metre): `None` for full detail, else `k`
/// for a grid of `10 × 2^k` metres (see [`SvgPath::with_grid`]), at most one pixel
/// (`MAX_ERROR_PX`) on screen.
/// Levels are powers of two so that a zoom gesture reuses a handful of them.
///
/// ```
/// use territoires_map::render::{level_for, tolerance};
/// // France fitted in 800 px: about 1.2 km a pixel → a step of 640 m.
/// let k = level_for(1.0 / 1200.0).unwrap();
/// assert_eq!(tolerance(Some(k)), 640.0);
/// assert_eq!(level_for(1.0), None);
/// ```
pub fn level_for(scale: f64) -> Option<u32> {
    if !(scale.is_finite() && scale > 0.0) {
        return None;
    }
    let tol = MAX_ERROR_PX / scale;
    (tol >= 2.0 * FINEST_M).then(|| ((tol / FINEST_M).log2().floor() as u32).min(20))
}

/// The tolerance in metres of a level from [`level_for`] (0 for full detail).
pub fn tolerance(level: Option<u32>) -> f64 {
    level.map_or(0.0, |k| FINEST_M * f64::from(1u32 << k))
}

/// The part of the map worth building paths for at view `v`: what it shows and half a view
/// around it, so that a short pan after the repaint still finds its shapes; `None` when that
/// holds every territory (the paths then serve any view at this level).
pub fn cull_area(v: &View, scene: &Scene) -> Option<Bounds> {
    let seen = v.visible();
    let area = seen.grown(seen.width() / 2.0, seen.height() / 2.0);
    (!area.covers(&scene.bounds)).then_some(area)
}

/// One path string per group: territory `i` goes into group `group(i)` (< `groups`, others are
/// skipped), on the level's grid; with `within`, only the territories whose bounds meet it.
pub fn grouped_paths(
    scene: &Scene,
    groups: usize,
    group: impl Fn(usize) -> usize,
    level: Option<u32>,
    within: Option<&Bounds>,
) -> Vec<String> {
    let grid = level.map_or(1, |k| 1i64 << k);
    let mut sinks: Vec<SvgPath> = (0..groups).map(|_| SvgPath::with_grid(grid)).collect();
    for (i, t) in scene.territories.iter().enumerate() {
        if within.is_some_and(|w| !w.intersects(&t.shape.bounds)) {
            continue;
        }
        if let Some(sink) = sinks.get_mut(group(i)) {
            stream(&t.shape.geometry, sink);
        }
    }
    sinks.into_iter().map(SvgPath::finish).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn picks_canvas_for_many_shapes_or_vertices() {
        assert_eq!(Renderer::pick(Some("auto"), 1_500, 10), Renderer::Svg);
        assert_eq!(Renderer::pick(Some("auto"), 1_501, 10), Renderer::Canvas);
        assert_eq!(Renderer::pick(None, 3, 250_001), Renderer::Canvas);
        assert_eq!(Renderer::pick(Some("svg"), 50_000, 2_000_000), Renderer::Svg);
    }

    #[test]
    fn levels_double_and_stay_under_half_a_pixel() {
        let mut last = None;
        for scale in [1e-4, 2e-4, 1e-3, 1e-2] {
            let l = level_for(scale);
            assert!(tolerance(l) * scale <= MAX_ERROR_PX, "{scale}");
            assert!(last.is_none() || l < last);
            last = l;
        }
        assert_eq!(level_for(0.0), None);
        assert_eq!(level_for(f64::NAN), None);
    }

    #[test]
    fn groups_territories_into_one_path_each() {
        let json = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"a","name":"A","status":"s"},"geometry":{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,48]]]}},
          {"type":"Feature","properties":{"id":"b","name":"B","status":"t"},"geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}},
          {"type":"Feature","properties":{"id":"c","name":"C","status":"s"},"geometry":{"type":"Polygon","coordinates":[[[7,48],[8,48],[8,49],[7,48]]]}}]}"#;
        let data = load::territories(json.as_bytes()).unwrap().data;
        let scene = Scene::build_for(&data, None, Renderer::Canvas);
        let fine = grouped_paths(&scene, 2, |i| data.territories[i].status, None, None);
        assert_eq!(fine[0].matches('M').count(), 2, "a and c");
        assert_eq!(fine[1].matches('M').count(), 1, "b");
        assert_eq!(fine[1], Scene::build(&data, None).territories[1].path);
        let coarse = grouped_paths(&scene, 2, |i| data.territories[i].status, level_for(1e-4), None);
        assert!(coarse[0].len() <= fine[0].len() && coarse[0].matches('M').count() == 2);
        // A group number out of range leaves the territory out.
        assert_eq!(grouped_paths(&scene, 1, |i| i, None, None)[0].matches('M').count(), 1);

        // Zoomed on A: half a view around it reaches B's edge but not C.
        let home = View::fit(scene.bounds, 200.0, 100.0, 0.0);
        assert_eq!(cull_area(&home, &scene), None, "the whole map is in view");
        let mut on_a = home;
        on_a.zoom_at(home.to_screen(scene.territories[0].shape.bounds.center()), 4.0);
        let area = cull_area(&on_a, &scene).expect("zoomed in");
        let near = grouped_paths(&scene, 1, |_| 0, None, Some(&area));
        assert_eq!(near[0].matches('M').count(), 2, "a and b, not c");
    }
}
