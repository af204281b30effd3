//! A point inside a polygon, for labels when the data gives none: the middle of the widest span
//! of a horizontal line through the polygon (the scan-line method). Works in [`Projected`] metres.
//!
//! `geo::InteriorPoint` does this more thoroughly, but pulls in its relate machinery and added
//! about 70 KB to the WebAssembly module; the viewer only needs a point inside, off the edges.

use crate::coords::Projected;
use geo::{BoundingRect, Polygon};

/// The middle of the widest interior span on the line halfway up the polygon, or `None` for a
/// degenerate polygon. Holes are respected.
pub fn interior_point(p: &Polygon<f64>) -> Option<Projected> {
    let rect = p.bounding_rect()?;
    // Several scan lines, in case the middle one only grazes the shape.
    let mut best: Option<(f64, Projected)> = None;
    for frac in [0.5, 0.375, 0.625, 0.25, 0.75] {
        let y = rect.min().y + rect.height() * frac;
        let crossings: Vec<f64> = std::iter::once(p.exterior())
            .chain(p.interiors())
            .flat_map(|ring| ring.lines())
            .filter(|l| (l.start.y > y) != (l.end.y > y))
            .map(|l| l.start.x + (y - l.start.y) * (l.end.x - l.start.x) / (l.end.y - l.start.y))
            .collect();
        let mut order: Vec<usize> = (0..crossings.len()).collect();
        crate::rank::sort(&mut order, &|a, b| crossings[a].total_cmp(&crossings[b]));
        let xs: Vec<f64> = order.into_iter().map(|i| crossings[i]).collect();
        for pair in xs.chunks_exact(2) {
            let width = pair[1] - pair[0];
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, Projected { x: (pair[0] + pair[1]) / 2.0, y }));
            }
        }
    }
    best.filter(|(w, _)| *w > 0.0).map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, Contains, Coord};

    #[test]
    fn inside_a_u_shape_and_outside_its_hole() {
        let u = polygon![(x: 0., y: 0.), (x: 3., y: 0.), (x: 3., y: 3.), (x: 2., y: 3.), (x: 2., y: 1.), (x: 1., y: 1.), (x: 1., y: 3.), (x: 0., y: 3.)];
        let p = interior_point(&u).unwrap();
        assert!(u.contains(&Coord { x: p.x, y: p.y }), "{p:?}");
        let ring = polygon!(
            exterior: [(x: 0., y: 0.), (x: 10., y: 0.), (x: 10., y: 10.), (x: 0., y: 10.)],
            interiors: [[(x: 2., y: 2.), (x: 8., y: 2.), (x: 8., y: 8.), (x: 2., y: 8.)]],
        );
        let p = interior_point(&ring).unwrap();
        assert!(ring.contains(&Coord { x: p.x, y: p.y }), "{p:?}");
    }

    #[test]
    fn degenerate_polygon_has_none() {
        let flat = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 2., y: 0.)];
        assert_eq!(interior_point(&flat), None);
    }
}
