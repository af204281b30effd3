//! GeoJSON geometry → validated [`Polygon`]s in [`LonLat`] degrees. Bad parts are skipped and
//! reported; what is kept is closed and within WGS84 range.

use super::error::{ProblemKind, RingAt};
use super::limits::MAX_COLLECTION_DEPTH;
use crate::coords::LonLat;
use crate::model::Polygon;
use geojson::{GeometryValue, Position};

/// Collects the polygons of a geometry, pushing a [`ProblemKind`] for every part it skips or mends.
pub fn polygons(value: &GeometryValue, problems: &mut Vec<ProblemKind>) -> Vec<Polygon> {
    let mut out = Vec::new();
    collect(value, 0, &mut out, problems);
    out
}

fn collect(value: &GeometryValue, depth: usize, out: &mut Vec<Polygon>, problems: &mut Vec<ProblemKind>) {
    match value {
        GeometryValue::Polygon { coordinates } => {
            let index = out.len();
            if let Some(p) = polygon(coordinates, index, problems) {
                out.push(p);
            }
        }
        GeometryValue::MultiPolygon { coordinates } => {
            for rings in coordinates {
                let index = out.len();
                if let Some(p) = polygon(rings, index, problems) {
                    out.push(p);
                }
            }
        }
        GeometryValue::GeometryCollection { geometries } => {
            if depth >= MAX_COLLECTION_DEPTH {
                problems.push(ProblemKind::TooDeep);
                return;
            }
            for g in geometries {
                collect(&g.value, depth + 1, out, problems);
            }
        }
        other => problems.push(ProblemKind::NotASurface { kind: other.type_name() }),
    }
}

/// One polygon; `None` when its exterior ring is unusable. Holes that are unusable are dropped.
fn polygon(rings: &[Vec<Position>], index: usize, problems: &mut Vec<ProblemKind>) -> Option<Polygon> {
    let mut kept: Polygon = Vec::with_capacity(rings.len());
    for (r, ring) in rings.iter().enumerate() {
        let at = RingAt { polygon: index, ring: r };
        match self::ring(ring, at, problems) {
            Some(ring) => kept.push(ring),
            None if r == 0 => return None,
            None => {}
        }
    }
    if kept.is_empty() {
        None
    } else {
        Some(kept)
    }
}

fn ring(positions: &[Position], at: RingAt, problems: &mut Vec<ProblemKind>) -> Option<Vec<LonLat>> {
    let mut out = Vec::with_capacity(positions.len() + 1);
    for (i, p) in positions.iter().enumerate() {
        // Extra dimensions (altitude, measure) are ignored; geojson does not check polygon
        // positions have two numbers, so a shorter one skips the ring.
        let (lon, lat) = match p.as_slice() {
            [lon, lat, ..] => (*lon, *lat),
            short => {
                problems.push(ProblemKind::PositionTooShort { at, position: i, numbers: short.len() });
                return None;
            }
        };
        if !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0) {
            problems.push(ProblemKind::OutOfRange { at, position: i, lon, lat });
            return None;
        }
        out.push(LonLat { lon, lat });
    }
    if out.first() != out.last() {
        if let Some(&first) = out.first() {
            problems.push(ProblemKind::RingNotClosed { at });
            out.push(first);
        }
    }
    if out.len() < 4 {
        problems.push(ProblemKind::RingTooShort { at, positions: positions.len() });
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(json: &str) -> GeometryValue {
        serde_json::from_str::<geojson::Geometry>(json).unwrap().value
    }

    #[test]
    fn keeps_polygons_and_multipolygons() {
        let mut pr = Vec::new();
        let g =
            value(r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}"#);
        let ps = polygons(&g, &mut pr);
        assert_eq!(ps.len(), 2);
        assert!(pr.is_empty());
    }

    #[test]
    fn closes_open_rings_and_says_so() {
        let mut pr = Vec::new();
        let g = value(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#);
        let ps = polygons(&g, &mut pr);
        assert_eq!(ps[0][0].len(), 5);
        assert_eq!(pr, vec![ProblemKind::RingNotClosed { at: RingAt { polygon: 0, ring: 0 } }]);
    }

    #[test]
    fn skips_short_or_out_of_range_rings() {
        let mut pr = Vec::new();
        let g = value(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#);
        assert!(polygons(&g, &mut pr).is_empty());
        assert!(matches!(pr[0], ProblemKind::RingTooShort { positions: 3, .. }));

        let mut pr = Vec::new();
        let g = value(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[0,95],[0.5,0.5],[0,0]]]}"#);
        let ps = polygons(&g, &mut pr);
        assert_eq!(ps[0].len(), 1, "the bad hole is dropped, the exterior kept");
        assert!(matches!(pr[0], ProblemKind::OutOfRange { position: 1, .. }));
    }

    #[test]
    fn a_position_of_one_number_skips_the_ring_without_panicking() {
        let mut pr = Vec::new();
        let g = value(r#"{"type":"Polygon","coordinates":[[[5],[6,48],[6,49],[5,48]]]}"#);
        assert!(polygons(&g, &mut pr).is_empty());
        let at = RingAt { polygon: 0, ring: 0 };
        assert_eq!(pr, vec![ProblemKind::PositionTooShort { at, position: 0, numbers: 1 }]);
    }

    #[test]
    fn collections_deeper_than_the_limit_are_cut() {
        let mut json = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#.to_string();
        for _ in 0..=MAX_COLLECTION_DEPTH {
            json = format!(r#"{{"type":"GeometryCollection","geometries":[{json}]}}"#);
        }
        let mut pr = Vec::new();
        assert!(polygons(&value(&json), &mut pr).is_empty());
        assert_eq!(pr, vec![ProblemKind::TooDeep]);
    }

    #[test]
    fn ignores_extra_dimensions_and_reports_lines() {
        let mut pr = Vec::new();
        let g = value(
            r#"{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","coordinates":[[[0,0,5],[1,0,5,1],[1,1,5],[0,0,5]]]},
            {"type":"LineString","coordinates":[[0,0],[1,1]]}]}"#,
        );
        let ps = polygons(&g, &mut pr);
        assert_eq!(ps.len(), 1);
        assert_eq!(pr, vec![ProblemKind::NotASurface { kind: "LineString" }]);
    }
}
