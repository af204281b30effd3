//! The pure half of the canvas renderer (the web half is `web/canvas/`): the territories merged
//! into one path per group (a status, dimmed or not), simplified for the zoom level, so that a
//! frame is a few dozen `fill` calls whatever the number of shapes; and the strokes it paints,
//! from [`style`]. Works in [`Projected`](crate::coords::Projected) metres in, path data in
//! kilometres (y up) out, like [`SvgPath`]; strokes are in those kilometres, given the size of
//! one CSS pixel in them.

mod hit;

pub use hit::painted_at;

use super::{stream, style, SvgPath};
use crate::coords::Bounds;
use crate::model::ContextLayer;
use crate::scene::Scene;
use crate::view::View;

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
/// use territoires_map::render::canvas::{level_for, tolerance};
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

/// The group of a territory: two per status, the second for the dimmed ones.
pub fn group(status: usize, dimmed: bool) -> usize {
    2 * status + usize::from(dimmed)
}

/// The status of a group, and the opacity it is painted with.
pub fn group_paint(group: usize) -> (usize, f64) {
    (group / 2, if group % 2 == 1 { style::DIMMED_OPACITY } else { 1.0 })
}

/// A stroke as the canvas sets it: width and dashes in path units (kilometres).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub width: f64,
    pub dash: Option<[f64; 2]>,
}

/// The stroke of a context layer, `px` being one CSS pixel in path units: the SVG's look, whose
/// `non-scaling-stroke` keeps widths and dashes in screen pixels.
pub fn context_line(layer: ContextLayer, px: f64) -> Line {
    let s = style::context(layer);
    Line { width: s.width * px, dash: s.dash.map(|d| d.map(|d| d * px)) }
}

/// The width of the territories' borders at a level of detail: thinner zoomed out, where
/// communes are a few pixels across.
pub fn territory_line(level: Option<u32>, px: f64) -> f64 {
    let thin = level.is_some_and(|l| l >= 5);
    style::TERRITORY_WIDTH * px * if thin { 0.5 } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

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
        let scene = Scene::build(&data, None);
        let fine = grouped_paths(&scene, 2, |i| data.territories[i].status, None, None);
        assert_eq!(fine[0].matches('M').count(), 2, "a and c");
        assert_eq!(fine[1].matches('M').count(), 1, "b");
        assert_eq!(fine[1], crate::render::path_data(&scene.territories[1].shape.geometry));
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

    #[test]
    fn groups_split_statuses_and_dimming() {
        assert_eq!((group(0, false), group(0, true), group(3, false)), (0, 1, 6));
        assert_eq!(group_paint(group(3, true)), (3, style::DIMMED_OPACITY));
        assert_eq!(group_paint(group(3, false)), (3, 1.0));
        assert_eq!(territory_line(None, 2.0), 2.0 * style::TERRITORY_WIDTH);
        assert_eq!(territory_line(level_for(1e-4), 2.0), style::TERRITORY_WIDTH, "zoomed out on communes");
    }

    /// What the canvas strokes and what map.css gives the SVG's context paths (the class the SVG
    /// renderer writes), layer by layer: widths, dashes and colours in screen pixels alike.
    #[test]
    fn canvas_and_svg_draw_context_layers_alike() {
        use crate::render::style::css::{get, numbers, paint};
        use crate::render::svg::context_class;
        assert_eq!(get(".tim-context", "vector-effect").as_deref(), Some("non-scaling-stroke"));
        let px = 0.25; // one CSS pixel in kilometres, at some zoom (a power of two: exact sums)
        for layer in style::CONTEXT_LAYERS {
            let class = context_class(layer).rsplit(' ').next().unwrap();
            let rule = format!(".{class}");
            let line = context_line(layer, px);
            let css_width = numbers(&get(&rule, "stroke-width").unwrap());
            assert_eq!(css_width, vec![line.width / px], "{layer:?} stroke width");
            let css_dash = get(&rule, "stroke-dasharray").map_or(vec![], |d| numbers(&d));
            let canvas_dash: Vec<f64> = line.dash.iter().flatten().map(|d| d / px).collect();
            assert_eq!(css_dash, canvas_dash, "{layer:?} dashes");
            let s = style::context(layer);
            assert_eq!(get(&rule, "stroke"), Some(paint(&s.stroke)), "{layer:?} stroke");
            assert_eq!(get(&rule, "fill"), Some(s.fill.map_or("none".to_string(), |f| paint(&f))), "{layer:?} fill");
        }
        assert!(context_line(ContextLayer::Department, px).dash.is_some(), "department borders are dashed");
    }
}
