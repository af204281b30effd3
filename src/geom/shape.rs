//! A projected multipolygon with what the viewer needs of it precomputed: bounds, area and a
//! point inside it to write the name at. Works in [`Projected`] metres.

use crate::coords::{Bounds, LonLat, Projected};
use crate::model::Polygon;
use crate::projection::France;
use geo::{Area, Contains, Coord, LineString, MultiPolygon};

/// A shape in the projected plane.
#[derive(Clone, Debug)]
pub struct Shape {
    pub geometry: MultiPolygon<f64>,
    pub bounds: Bounds,
    /// Area in square metres.
    pub area: f64,
}

impl Shape {
    /// Projects polygons given in degrees.
    pub fn project(polygons: &[Polygon], proj: &France) -> Shape {
        let ring = |r: &Vec<LonLat>| -> LineString<f64> {
            r.iter().map(|&p| proj.project(p)).map(|p| Coord { x: p.x, y: p.y }).collect()
        };
        let geometry: MultiPolygon<f64> = polygons
            .iter()
            .filter_map(|rings| {
                let (exterior, holes) = rings.split_first()?;
                Some(geo::Polygon::new(ring(exterior), holes.iter().map(ring).collect()))
            })
            .collect();
        Shape::new(geometry)
    }

    /// A shape already in the projected plane (read back from a pre-rendered page's paths).
    pub fn new(geometry: MultiPolygon<f64>) -> Shape {
        let mut bounds = Bounds::EMPTY;
        for c in geometry.iter().flat_map(|p| p.exterior().coords()) {
            bounds.extend(Projected { x: c.x, y: c.y });
        }
        let area = geometry.unsigned_area();
        Shape { geometry, bounds, area }
    }

    /// A shape known by its bounds and area alone, without rings: what the small module reads
    /// of each territory (`crate::render::read::read_box`), where the browser hits the path
    /// itself. Nothing is inside it.
    pub fn summary(bounds: Bounds, area: f64) -> Shape {
        Shape { geometry: MultiPolygon(Vec::new()), bounds, area }
    }

    /// Whether `p` is inside the shape (bounds first, then `geo`'s exact test).
    pub fn contains(&self, p: Projected) -> bool {
        self.bounds.contains(p) && self.geometry.contains(&Coord { x: p.x, y: p.y })
    }

    /// A point guaranteed inside the largest part: where the name goes when the data gives none.
    pub fn interior_point(&self) -> Projected {
        let largest = self.geometry.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
        largest.and_then(super::interior::interior_point).unwrap_or_else(|| self.bounds.center())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A "U" shape whose bounding-box centre is outside it.
    pub fn u_shape() -> Vec<Polygon> {
        let pts = [
            (5.0, 48.0),
            (5.3, 48.0),
            (5.3, 48.3),
            (5.2, 48.3),
            (5.2, 48.1),
            (5.1, 48.1),
            (5.1, 48.3),
            (5.0, 48.3),
            (5.0, 48.0),
        ];
        vec![vec![pts.iter().map(|&(lon, lat)| LonLat { lon, lat }).collect()]]
    }

    #[test]
    fn projects_bounds_and_area() {
        let s = Shape::project(&u_shape(), &France::new());
        assert!(s.bounds.width() > 20_000.0 && s.bounds.width() < 25_000.0, "{:?}", s.bounds);
        // 0.3° x 0.3° minus a 0.1° x 0.2° notch, near 48° N: roughly 22 km x 33 km x 7/9.
        assert!(s.area > 5.0e8 && s.area < 6.5e8, "{}", s.area);
    }

    #[test]
    fn interior_point_is_inside_a_concave_shape() {
        use geo::Contains;
        let s = Shape::project(&u_shape(), &France::new());
        let p = s.interior_point();
        assert!(s.geometry.contains(&Coord { x: p.x, y: p.y }));
        assert!(!s.geometry.contains(&Coord { x: s.bounds.center().x, y: s.bounds.center().y }));
    }
}
