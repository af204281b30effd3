//! Context layers: neighbour countries (and France outside the region) clipped to a box around the
//! region, simplified, and cut along the region outline so that they meet it without overlap.

use crate::topology::quantize_ring;
use geo::bool_ops::BooleanOps;
use geo::orient::{Direction, Orient};
use geo::{Area, BoundingRect, Coord, Intersects, MapCoords, MultiPolygon, Polygon, Rect, SimplifyVwPreserve};

/// Margin around the region's bounding box, in degrees.
pub const MARGIN_DEG: f64 = 0.6;
/// Margin around an overseas département on the national map: its inset shows a little sea and
/// the nearest islands, and stays clear of the next département's (Guadeloupe's, Martinique's).
pub const OVERSEAS_MARGIN_DEG: f64 = 0.25;
/// Countries are simplified more coarsely than the arcs (they only give context; their border
/// with the region is the region's own, so it stays exact).
pub const COUNTRY_TOLERANCE_FACTOR: f64 = 3.0;
/// Parts smaller than this (km²) are dropped (slivers along the region border).
pub const MIN_PART_KM2: f64 = 1.0;

/// Clipping box: the area's bounding box grown by `margin` degrees ([`MARGIN_DEG`] for a region).
pub fn clip_box(area: &MultiPolygon<f64>, margin: f64) -> Option<Polygon<f64>> {
    let r = area.bounding_rect()?;
    let m = Coord { x: margin, y: margin };
    Some(Rect::new(r.min() - m, r.max() + m).to_polygon())
}

/// The countries around the map's areas (the region; or, for the whole country, metropolitan
/// France and each overseas département, each with its margin): every country whose outline
/// meets an area's box, clipped to it and cut along `region`, the parts of one country from
/// several boxes as one feature; France itself only around a region, not around the `national` map.
pub fn countries(
    countries: &std::collections::BTreeMap<String, crate::world::Country>,
    areas: &[(MultiPolygon<f64>, f64)],
    national: bool,
    region: &MultiPolygon<f64>,
    tolerance_m: f64,
    lat0: f64,
) -> Vec<crate::write::ContextFeature> {
    let boxes: Vec<Polygon<f64>> = areas.iter().filter_map(|(a, margin)| clip_box(a, *margin)).collect();
    let mut out = Vec::new();
    // France around a region; around the whole country, only what Natural Earth and the communes
    // draw differently (slivers): left out.
    for country in countries.values().filter(|c| !(national && c.code == "FR")) {
        let parts: Vec<Polygon<f64>> = (boxes.iter())
            .filter(|b| meets(&country.shape, b))
            .flat_map(|b| country_context(&country.shape, b, region, tolerance_m, lat0).0)
            .collect();
        if !parts.is_empty() {
            out.push(("country", country.code.clone(), country.name.clone(), MultiPolygon::new(parts)));
        }
    }
    out
}

/// True when the bounding boxes of `shape` and `bbox` overlap: the countries worth clipping.
pub fn meets(shape: &MultiPolygon<f64>, bbox: &Polygon<f64>) -> bool {
    match (shape.bounding_rect(), bbox.bounding_rect()) {
        (Some(a), Some(b)) => a.intersects(&b),
        _ => false,
    }
}

fn approx_km2(p: &Polygon<f64>) -> f64 {
    let lat = p.exterior().0.first().map(|c| c.y).unwrap_or(48.0);
    p.unsigned_area() * 111.32 * 111.32 * lat.to_radians().cos()
}

/// Snaps to the 1e-5° grid and drops degenerate rings.
pub fn snap(mp: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let polys = mp.0.iter().filter_map(|p| {
        let ext = quantize_ring(p.exterior(), true)?;
        let holes =
            p.interiors().iter().filter_map(|h| quantize_ring(h, false)).map(|r| crate::assemble::ring_to_geo(&r));
        Some(Polygon::new(crate::assemble::ring_to_geo(&ext), holes.collect()))
    });
    MultiPolygon::new(polys.collect())
}

/// A country clipped to `bbox`, simplified (Visvalingam–Whyatt, topology-preserving, with
/// `tolerance_m` as the side of the equivalent square area, metres taken around latitude `lat0`),
/// then minus the region.
pub fn country_context(
    country: &MultiPolygon<f64>,
    bbox: &Polygon<f64>,
    region: &MultiPolygon<f64>,
    tolerance_m: f64,
    lat0: f64,
) -> MultiPolygon<f64> {
    let k = lat0.to_radians().cos() * 111_320.0;
    let clipped = country.intersection(&MultiPolygon::new(vec![bbox.clone()]));
    let metres = clipped.map_coords(|c| Coord { x: c.x * k, y: c.y * 111_132.0 });
    let simplified = metres.simplify_vw_preserve(tolerance_m * tolerance_m);
    let degrees = simplified.map_coords(|c| Coord { x: c.x / k, y: c.y / 111_132.0 });
    let cut = snap(&degrees).difference(region);
    let kept = cut.0.into_iter().filter(|p| approx_km2(p) >= MIN_PART_KM2).collect();
    snap(&MultiPolygon::new(kept)).orient(Direction::Default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn country_is_clipped_and_cut_along_region() {
        let region =
            MultiPolygon::new(vec![polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)]]);
        let country =
            MultiPolygon::new(vec![polygon![(x: 0.5, y: -5.0), (x: 9.0, y: -5.0), (x: 9.0, y: 5.0), (x: 0.5, y: 5.0)]]);
        let b = clip_box(&region, MARGIN_DEG).unwrap();
        let c = country_context(&country, &b, &region, 100.0, 48.7);
        let bb = c.bounding_rect().unwrap();
        assert!((bb.max().x - 1.6).abs() < 1e-9 && (bb.min().y + 0.6).abs() < 1e-9);
        assert!(c.intersection(&region).unsigned_area() < 1e-12);
    }
}
