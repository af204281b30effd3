//! Hit-testing: which shape is under a point of the projected plane ([`Projected`] metres).
//! Bounding boxes first, then `geo`'s exact point-in-polygon test.

use super::Shape;
use crate::coords::Projected;

/// The index of the topmost shape containing `p` (later shapes are drawn above earlier ones).
/// Takes any list of shapes in drawing order, so callers need not copy theirs into a slice.
pub fn hit<'a, I>(shapes: I, p: Projected) -> Option<usize>
where
    I: IntoIterator<Item = &'a Shape>,
    I::IntoIter: DoubleEndedIterator + ExactSizeIterator,
{
    shapes.into_iter().enumerate().rev().find(|(_, s)| s.contains(p)).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::LonLat;
    use crate::projection::Lambert93;

    fn square(lon: f64, lat: f64, size: f64) -> Shape {
        let ring = [(0.0, 0.0), (size, 0.0), (size, size), (0.0, size), (0.0, 0.0)]
            .iter()
            .map(|&(dx, dy)| LonLat { lon: lon + dx, lat: lat + dy })
            .collect();
        Shape::project(&[vec![ring]], &Lambert93::new())
    }

    #[test]
    fn finds_the_shape_under_the_point_and_nothing_outside() {
        let proj = Lambert93::new();
        let shapes = vec![square(5.0, 48.0, 1.0), square(7.0, 48.0, 0.5)];
        let at = |lon, lat| proj.project(LonLat { lon, lat });
        assert_eq!(hit(&shapes, at(5.5, 48.5)), Some(0));
        assert_eq!(hit(&shapes, at(7.2, 48.2)), Some(1));
        assert_eq!(hit(&shapes, at(6.5, 48.2)), None);
    }

    #[test]
    fn holes_are_not_hits() {
        let proj = Lambert93::new();
        let ring = |pts: &[(f64, f64)]| pts.iter().map(|&(lon, lat)| LonLat { lon, lat }).collect::<Vec<_>>();
        let outer = ring(&[(5.0, 48.0), (6.0, 48.0), (6.0, 49.0), (5.0, 49.0), (5.0, 48.0)]);
        let hole = ring(&[(5.4, 48.4), (5.4, 48.6), (5.6, 48.6), (5.6, 48.4), (5.4, 48.4)]);
        let shapes = vec![Shape::project(&[vec![outer, hole]], &proj)];
        assert_eq!(hit(&shapes, proj.project(LonLat { lon: 5.5, lat: 48.5 })), None);
        assert_eq!(hit(&shapes, proj.project(LonLat { lon: 5.2, lat: 48.5 })), Some(0));
    }
}
