//! Hit-testing what the canvas paints: the territories' rings simplified and snapped exactly as
//! the level's paths draw them ([`grouped_paths`](super::grouped_paths)), filled with the
//! even-odd rule. Works in [`Projected`] metres; the snapped rings are in units of 10 m.

use crate::coords::Projected;
use crate::geom::even_odd;
use crate::render::path::snap_ring;
use crate::scene::Scene;

/// The territory the canvas paints at `p` at level `level`: the last in paint order whose rings,
/// simplified and snapped as the level's paths draw them, hold `p` under the even-odd rule the
/// canvas fills with. The borders it strokes over the fills are counted with the fill under them.
pub fn painted_at(scene: &Scene, level: Option<u32>, p: Projected) -> Option<usize> {
    let grid = level.map_or(1, |k| 1i64 << k);
    // Snapping moves a point by at most half a grid step.
    let margin = 10.0 * grid as f64;
    let at = (p.x / 10.0, p.y / 10.0);
    let (mut coords, mut kept, mut rings) = (Vec::new(), Vec::new(), Vec::new());
    scene.order.iter().rev().copied().find(|&i| {
        let Some(t) = scene.territories.get(i) else { return false };
        if !t.shape.bounds.grown(margin, margin).contains(p) {
            return false;
        }
        rings.clear();
        for polygon in &t.shape.geometry {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                coords.clear();
                coords.extend(ring.0.iter().map(|c| (c.x, c.y)));
                if coords.len() > 1 && coords.first() == coords.last() {
                    coords.pop();
                }
                let mut out = Vec::new();
                snap_ring(&coords, grid, &mut kept, &mut out);
                rings.push(out);
            }
        }
        even_odd::inside(rings.iter().map(Vec::as_slice), at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use crate::render::canvas::{grouped_paths, level_for, tolerance};

    /// Reads back path data as the canvas does: rings of absolute points, in units of 10 m.
    fn rings(d: &str) -> Vec<Vec<(i64, i64)>> {
        let (mut out, mut at, mut num, mut pending) = (Vec::<Vec<(i64, i64)>>::new(), (0, 0), String::new(), vec![]);
        let mut cmd = ' ';
        let flush = |num: &mut String, pending: &mut Vec<i64>| {
            if !num.is_empty() {
                pending.push((num.parse::<f64>().unwrap() * 100.0).round() as i64);
                num.clear();
            }
        };
        for ch in d.chars().chain(std::iter::once(' ')) {
            if ch.is_ascii_digit() || ch == '.' || (ch == '-' && num.is_empty()) {
                num.push(ch);
                continue;
            }
            flush(&mut num, &mut pending);
            if let [x, y] = pending[..] {
                at = if cmd == 'M' { (x, y) } else { (at.0 + x, at.1 + y) };
                if cmd == 'M' {
                    out.push(vec![]);
                }
                out.last_mut().unwrap().push(at);
                pending.clear();
            }
            if ch == '-' {
                num.push(ch);
            } else if ch.is_ascii_alphabetic() {
                cmd = ch;
            }
        }
        out
    }

    /// A jagged shape: a 20 km square whose edges zigzag every 300 m by 200 m, and a notch.
    fn jagged() -> String {
        let mut ring = vec![];
        for k in 0..=60 {
            ring.push((5.0 + f64::from(k) * 0.0041, 48.0 + if k % 2 == 1 { 0.0018 } else { 0.0 }));
        }
        ring.extend([
            (5.25, 48.0),
            (5.25, 48.18),
            (5.126, 48.18),
            (5.125, 48.09),
            (5.124, 48.18),
            (5.0, 48.18),
            (5.0, 48.0),
        ]);
        let coords: Vec<String> = ring.iter().map(|(x, y)| format!("[{x},{y}]")).collect();
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"id":"a","name":"A","status":"s"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}]}}"#,
            coords.join(",")
        )
    }

    #[test]
    fn hits_exactly_what_the_level_paints() {
        let data = load::territories(jagged().as_bytes()).unwrap().data;
        let scene = Scene::build(&data, None);
        let b = scene.territories[0].shape.bounds;
        for scale in [1.0, 1.0 / 50.0, 1.0 / 400.0, 1.0 / 2000.0] {
            let level = level_for(scale);
            let painted = rings(&grouped_paths(&scene, 1, |_| 0, level, None)[0]);
            let (mut differ_from_exact, mut n) = (0, 0);
            for i in 0..=80 {
                for j in 0..=80 {
                    let p = Projected {
                        x: b.min.x - 500.0 + (b.width() + 1000.0) * f64::from(i) / 80.0,
                        y: b.min.y - 500.0 + (b.height() + 1000.0) * f64::from(j) / 80.0,
                    };
                    let want = even_odd::inside(painted.iter().map(Vec::as_slice), (p.x / 10.0, p.y / 10.0));
                    assert_eq!(painted_at(&scene, level, p).is_some(), want, "{p:?} at level {level:?}");
                    differ_from_exact += usize::from(want != scene.hit_painted(p, |_| 0.0).is_some());
                    n += 1;
                }
            }
            // Coarse levels really paint another shape than the exact one: the test tells them apart.
            if tolerance(level) >= 1000.0 {
                assert!(differ_from_exact > 0, "level {level:?}: {differ_from_exact} of {n}");
            }
        }
    }
}
