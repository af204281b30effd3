//! Hit-testing what the canvas paints: the territories' rings simplified and snapped exactly as
//! the level's paths draw them ([`grouped_paths`](super::grouped_paths)), filled with the
//! even-odd rule, with the borders stroked along them. Works in [`Projected`] metres; the snapped
//! rings are in units of 10 m.

use super::{level_for, territory_line};
use crate::coords::Projected;
use crate::geom::even_odd;
use crate::render::path::snap_ring;
use crate::render::{stream, PathSink};
use crate::scene::Scene;
use geo::{Coord, Distance, Euclidean, Line, Point};

/// The territory the canvas paints at `p` at view scale `scale` (pixels per metre): the last in
/// paint order whose rings, simplified and snapped as that scale's level of detail draws them,
/// hold `p` under the even-odd rule the canvas fills with; else, as in SVG, the last whose border
/// stroke (at the width the canvas strokes it) covers `p`. The strokes are painted over the
/// fills, but a stroke over a fill is counted with that fill: a border belongs to both sides.
pub fn painted_at(scene: &Scene, scale: f64, p: Projected) -> Option<usize> {
    let level = level_for(scale);
    let grid = level.map_or(1, |k| 1i64 << k);
    // In units of 10 m, as the snapped rings.
    let half = territory_line(level, 1.0 / scale) / 2.0 / 10.0;
    // Snapping moves a point by at most half a grid step.
    let margin = 10.0 * (grid as f64 + half);
    let at = (p.x / 10.0, p.y / 10.0);
    let mut rings = Rings::default();
    let mut near = Vec::new();
    for &i in scene.order.iter().rev() {
        let Some(t) = scene.territories.get(i) else { continue };
        if !t.shape.bounds.grown(margin, margin).contains(p) {
            continue;
        }
        rings.snap(&t.shape.geometry, grid);
        if even_odd::inside(rings.iter(), at) {
            return Some(i);
        }
        near.push(i);
    }
    // On no fill: a border, if any (most moves end above, without measuring distances).
    near.into_iter().find(|&i| {
        rings.snap(&scene.territories[i].shape.geometry, grid);
        rings.within(at, half)
    })
}

/// A territory's rings as the canvas draws them, in units of 10 m, in buffers reused from one
/// territory to the next (the pointer moves often, over thousands of shapes). A path sink: the
/// shape streams into it as into the path it is painted from.
#[derive(Default)]
struct Rings {
    grid: i64,
    coords: Vec<(f64, f64)>,
    kept: Vec<(f64, f64)>,
    ring: Vec<(i64, i64)>,
    points: Vec<(i64, i64)>,
    ends: Vec<usize>,
}

impl PathSink for Rings {
    fn move_to(&mut self, x: f64, y: f64) {
        self.coords.clear();
        self.coords.push((x, y));
    }

    fn line_to(&mut self, x: f64, y: f64) {
        self.coords.push((x, y));
    }

    fn close(&mut self) {
        snap_ring(&self.coords, self.grid, &mut self.kept, &mut self.ring);
        self.points.extend_from_slice(&self.ring);
        self.ends.push(self.points.len());
    }
}

impl Rings {
    fn snap(&mut self, shape: &geo::MultiPolygon<f64>, grid: i64) {
        self.grid = grid;
        self.points.clear();
        self.ends.clear();
        stream(shape, self);
    }

    fn iter(&self) -> impl Iterator<Item = &[(i64, i64)]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(a, b)| &self.points[a..b])
    }

    /// Whether `at` is within `half` of a ring's edges, closing segment included.
    fn within(&self, at: (f64, f64), half: f64) -> bool {
        let c = Point(Coord { x: at.0, y: at.1 });
        let coord = |&(x, y): &(i64, i64)| Coord { x: x as f64, y: y as f64 };
        self.iter().any(|r| {
            let closing = r.last().zip(r.first());
            r.windows(2)
                .map(|w| (&w[0], &w[1]))
                .chain(closing)
                .any(|(a, b)| Euclidean.distance(&c, &Line::new(coord(a), coord(b))) <= half)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::LonLat;
    use crate::load;
    use crate::projection::Lambert93;
    use crate::render::canvas::{grouped_paths, tolerance};
    use geo::LineString;

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
            // The border the canvas strokes along the painted rings, in metres.
            let half = territory_line(level, 1.0 / scale) / 2.0;
            let lines: Vec<LineString<f64>> = painted
                .iter()
                .map(|r| {
                    let mut l: LineString<f64> =
                        r.iter().map(|&(x, y)| Coord { x: x as f64 * 10.0, y: y as f64 * 10.0 }).collect();
                    l.close();
                    l
                })
                .collect();
            let on_stroke =
                |p: Projected| lines.iter().any(|l| Euclidean.distance(&Point(Coord { x: p.x, y: p.y }), l) <= half);
            let (mut differ_from_exact, mut n) = (0, 0);
            for i in 0..=80 {
                for j in 0..=80 {
                    let p = Projected {
                        x: b.min.x - 500.0 + (b.width() + 1000.0) * f64::from(i) / 80.0,
                        y: b.min.y - 500.0 + (b.height() + 1000.0) * f64::from(j) / 80.0,
                    };
                    let want = even_odd::inside(painted.iter().map(Vec::as_slice), (p.x / 10.0, p.y / 10.0));
                    assert_eq!(
                        painted_at(&scene, scale, p).is_some(),
                        want || on_stroke(p),
                        "{p:?} at level {level:?}"
                    );
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

    #[test]
    fn the_border_stroke_belongs_to_its_territory() {
        let data = load::territories(jagged().as_bytes()).unwrap().data;
        let scene = Scene::build(&data, None);
        // One pixel is 50 m: the border is 1.5 px wide, 37.5 m on each side of the painted edge,
        // which at this level lies within 20 m of the exact one.
        let scale = 1.0 / 50.0;
        let west = Lambert93::new().project(LonLat { lon: 5.0, lat: 48.1 });
        let off = |dx: f64| Projected { x: west.x - dx, y: west.y };
        assert_eq!(painted_at(&scene, scale, off(-100.0)), Some(0), "inside");
        assert_eq!(painted_at(&scene, scale, off(10.0)), Some(0), "outside, on the border");
        assert_eq!(painted_at(&scene, scale, off(80.0)), None, "beyond the border");
    }
}
