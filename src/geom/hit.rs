//! Hit-testing: which shape is under a point of the projected plane ([`Projected`] metres).
//! Bounding boxes first, then `geo`'s exact point-in-polygon test, and the outline's width.

use super::Shape;
use crate::coords::Projected;
use geo::{Contains, Coord, Distance, Euclidean, Point};

/// The shape the browser hits at `p`: the last in paint `order` whose fill or outline covers `p`.
/// An outline is a stroke centred on the boundary, so a point within `half_width(i)` metres of
/// shape `i`'s boundary (outside it, or inside one of its holes) is on shape `i`.
/// `shape(i)` gives shape `i` (shapes may live inside the caller's own structs).
pub fn hit_painted<'a>(
    shape: impl Fn(usize) -> Option<&'a Shape>,
    order: &[usize],
    p: Projected,
    half_width: impl Fn(usize) -> f64,
) -> Option<usize> {
    let c = Coord { x: p.x, y: p.y };
    order.iter().rev().copied().find(|&i| {
        let Some(s) = shape(i) else { return false };
        let w = half_width(i).max(0.0);
        if !s.bounds.grown(w, w).contains(p) {
            return false;
        }
        s.geometry.contains(&c) || (w > 0.0 && Euclidean.distance(&Point(c), &s.geometry) <= w)
    })
}

/// The last of `order` whose outline alone (a stroke `half_width(i)` metres on each side of
/// shape `i`'s boundary, no fill) covers `p`: the canvas renderer's hover and selection outlines.
pub fn hit_outline<'a>(
    shape: impl Fn(usize) -> Option<&'a Shape>,
    order: &[usize],
    p: Projected,
    half_width: impl Fn(usize) -> f64,
) -> Option<usize> {
    let c = Point(Coord { x: p.x, y: p.y });
    order.iter().rev().copied().find(|&i| {
        let (Some(s), w) = (shape(i), half_width(i)) else { return false };
        if w <= 0.0 || !s.bounds.grown(w, w).contains(p) {
            return false;
        }
        s.geometry
            .iter()
            .flat_map(|g| std::iter::once(g.exterior()).chain(g.interiors()))
            .any(|r| Euclidean.distance(&c, r) <= w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::LonLat;
    use crate::projection::France;

    fn square(lon: f64, lat: f64, size: f64) -> Shape {
        let ring = [(0.0, 0.0), (size, 0.0), (size, size), (0.0, size), (0.0, 0.0)]
            .iter()
            .map(|&(dx, dy)| LonLat { lon: lon + dx, lat: lat + dy })
            .collect();
        Shape::project(&[vec![ring]], &France::new())
    }

    #[test]
    fn finds_the_shape_under_the_point_and_nothing_outside() {
        let proj = France::new();
        let shapes = [square(5.0, 48.0, 1.0), square(7.0, 48.0, 0.5)];
        let at = |lon, lat| proj.project(LonLat { lon, lat });
        let hit = |p| hit_painted(|i| shapes.get(i), &[0, 1], p, |_| 0.0);
        assert_eq!(hit(at(5.5, 48.5)), Some(0));
        assert_eq!(hit(at(7.2, 48.2)), Some(1));
        assert_eq!(hit(at(6.5, 48.2)), None);
    }

    #[test]
    fn an_outline_belongs_to_its_shape_and_the_last_painted_wins() {
        let proj = France::new();
        let shapes = [square(5.0, 48.0, 1.0), square(6.0, 48.0, 1.0)];
        let at = |lon, lat| proj.project(LonLat { lon, lat });
        let east = at(6.0, 48.5);
        let west = at(5.0, 48.5);
        // 50 m west of the west edge (nearly north-south: just under 50 m from it).
        let just_out = Projected { x: west.x - 50.0, y: west.y };
        assert_eq!(hit_painted(|i| shapes.get(i), &[0, 1], just_out, |_| 0.0), None, "no outline");
        assert_eq!(hit_painted(|i| shapes.get(i), &[0, 1], just_out, |_| 100.0), Some(0), "on the outline");
        assert_eq!(hit_painted(|i| shapes.get(i), &[0, 1], just_out, |_| 40.0), None, "beyond it");
        // On the shared edge both outlines cover the point: the one painted last is on top.
        let edge = east;
        assert_eq!(hit_painted(|i| shapes.get(i), &[0, 1], edge, |_| 5_000.0), Some(1));
        assert_eq!(hit_painted(|i| shapes.get(i), &[1, 0], edge, |_| 5_000.0), Some(0));
    }

    #[test]
    fn holes_are_not_hits() {
        let proj = France::new();
        let ring = |pts: &[(f64, f64)]| pts.iter().map(|&(lon, lat)| LonLat { lon, lat }).collect::<Vec<_>>();
        let outer = ring(&[(5.0, 48.0), (6.0, 48.0), (6.0, 49.0), (5.0, 49.0), (5.0, 48.0)]);
        let hole = ring(&[(5.4, 48.4), (5.4, 48.6), (5.6, 48.6), (5.6, 48.4), (5.4, 48.4)]);
        let shapes = [Shape::project(&[vec![outer, hole]], &proj)];
        let hit = |p| hit_painted(|i| shapes.get(i), &[0], p, |_| 0.0);
        assert_eq!(hit(proj.project(LonLat { lon: 5.5, lat: 48.5 })), None);
        assert_eq!(hit(proj.project(LonLat { lon: 5.2, lat: 48.5 })), Some(0));
    }

    #[test]
    fn an_outline_alone_is_hit_on_its_stroke_only() {
        let proj = France::new();
        let shapes = [square(5.0, 48.0, 1.0)];
        let west = proj.project(LonLat { lon: 5.0, lat: 48.5 });
        let centre = proj.project(LonLat { lon: 5.5, lat: 48.5 });
        let near = |dx: f64| Projected { x: west.x + dx, y: west.y };
        let hit = |p, w| hit_outline(|i| shapes.get(i), &[0], p, |_| w);
        assert_eq!(hit(near(-50.0), 100.0), Some(0), "outside, on the stroke");
        assert_eq!(hit(near(50.0), 100.0), Some(0), "inside, on the stroke");
        assert_eq!(hit(centre, 100.0), None, "no fill");
        assert_eq!(hit(near(-50.0), 0.0), None, "no stroke");
    }
}
