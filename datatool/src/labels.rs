//! Label points: pole of inaccessibility (`polylabel`) of the largest part of a territory,
//! computed in the local metric projection so that "far from the border" means metres.

use anyhow::{anyhow, Result};
use geo::{Area, MapCoords, MultiPolygon, Polygon};

const M_PER_DEG_LAT: f64 = 111_132.0;

/// Label point (longitude, latitude) of a territory; precision about 10 m, metres taken around
/// latitude `lat0`.
pub fn label_point(mp: &MultiPolygon<f64>, lat0: f64) -> Result<(f64, f64)> {
    let k = lat0.to_radians().cos() * 111_320.0;
    let projected: Vec<Polygon<f64>> =
        mp.0.iter().map(|p| p.map_coords(|c| geo::Coord { x: c.x * k, y: c.y * M_PER_DEG_LAT })).collect();
    let largest = projected
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .ok_or_else(|| anyhow!("empty geometry has no label point"))?;
    let p = polylabel::polylabel(largest, &10.0).map_err(|e| anyhow!("polylabel: {e}"))?;
    Ok((p.x() / k, p.y() / M_PER_DEG_LAT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, Contains, Point};

    #[test]
    fn label_is_inside_the_largest_part() {
        let big = polygon![(x: 5.0, y: 48.0), (x: 6.0, y: 48.0), (x: 6.0, y: 48.2), (x: 5.0, y: 48.2)];
        let small = polygon![(x: 7.0, y: 48.0), (x: 7.01, y: 48.0), (x: 7.01, y: 48.01)];
        let (x, y) = label_point(&MultiPolygon::new(vec![small, big.clone()]), 48.7).unwrap();
        assert!(big.contains(&Point::new(x, y)));
        assert!((y - 48.1).abs() < 0.01);
    }
}
