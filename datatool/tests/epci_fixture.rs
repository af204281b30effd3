//! `ti-data epcis` on the Grand Est: the third-party file of some 150 areas of the browser test
//! `reaches-small-areas-of-a-big-file`. Plain properties, valid outlines that tile the region
//! without overlap, and the EPCIs one expects. Skipped, with a message, when the source cache
//! (.cache/sources, or TI_DATA_CACHE) is absent.

mod common;

use geo::{Area, BooleanOps, BoundingRect, GeodesicArea, MultiPolygon, Rect, Validation, Winding};
use serde_json::Value;
use ti_data::epci_areas::{build, geojson, TOLERANCE_M};

/// Planar area (deg²) two neighbours may share: rounding to 5 decimals only (≈ 80 m²).
const EPS: f64 = 1e-8;

fn check_geometry(code: &str, f: &Value) -> MultiPolygon<f64> {
    let kind = f["geometry"]["type"].as_str().unwrap_or_default();
    assert!(kind == "Polygon" || kind == "MultiPolygon", "{code}: geometry {kind}");
    let mp = common::geometry(f);
    assert!(!mp.0.is_empty(), "{code}: empty");
    // One piece is written as a Polygon, the way a GIS export gives it.
    assert_eq!(kind == "Polygon", mp.0.len() == 1, "{code}: {kind} of {} parts", mp.0.len());
    for p in &mp.0 {
        for (i, r) in std::iter::once(p.exterior()).chain(p.interiors()).enumerate() {
            assert!(r.0.len() >= 4 && r.0.first() == r.0.last(), "{code}: ring not closed");
            assert_eq!(r.is_ccw(), i == 0, "{code}: RFC 7946 winding (exterior CCW, holes CW)");
        }
    }
    if let Err(e) = mp.check_validation() {
        panic!("{code}: invalid geometry: {e}");
    }
    mp
}

fn boxes_meet(a: &Rect<f64>, b: &Rect<f64>) -> bool {
    a.min().x <= b.max().x && b.min().x <= a.max().x && a.min().y <= b.max().y && b.min().y <= a.max().y
}

#[test]
fn grand_est_epcis_are_plain_valid_and_tile_the_region() {
    let Some(paths) = common::sources() else { return };
    let map = build(&paths, "44", TOLERANCE_M).unwrap();
    assert!(map.without_geometry.is_empty(), "members without a polygon: {:?}", map.without_geometry);
    let v: Value = serde_json::from_str(&geojson(&map)).unwrap();
    let features = common::features(&v);
    assert!((100..=250).contains(&features.len()), "{} EPCIs", features.len());

    let mut shapes: Vec<(String, MultiPolygon<f64>, Rect<f64>)> = Vec::new();
    for f in features {
        let props = f["properties"].as_object().unwrap();
        let keys: Vec<&str> = props.keys().map(String::as_str).collect();
        assert_eq!(keys, ["code", "nom"], "properties of {f:.80}");
        let code = props["code"].as_str().unwrap().to_string();
        assert!(code.len() == 9 && code.bytes().all(|b| b.is_ascii_digit()), "SIREN {code}");
        assert!(!props["nom"].as_str().unwrap().trim().is_empty(), "{code}: no name");
        let mp = check_geometry(&code, f);
        let rect = mp.bounding_rect().unwrap();
        shapes.push((code, mp, rect));
    }
    let strasbourg = features.iter().find(|f| f["properties"]["code"] == "246700488");
    let nom = strasbourg.map(|f| f["properties"]["nom"].as_str().unwrap_or_default());
    assert_eq!(nom, Some("Eurométropole de Strasbourg"));

    // Neighbours share their simplified borders: no overlap between any two EPCIs.
    for (i, (a, ga, ra)) in shapes.iter().enumerate() {
        for (b, gb, rb) in &shapes[i + 1..] {
            if boxes_meet(ra, rb) {
                let overlap = ga.intersection(gb).unsigned_area();
                assert!(overlap < EPS, "{a} and {b} overlap by {overlap} deg²");
            }
        }
    }

    // Together they cover the region as data/ draws it (CC des Savoir-Faire adds its 3 communes
    // of Bourgogne-Franche-Comté, some 40 km²).
    let (_, ctx) = common::load("contexte-grand-est.geojson");
    let region = common::features(&ctx).iter().find(|f| f["properties"]["layer"] == "region").unwrap();
    let region_km2 = common::geometry(region).geodesic_area_unsigned() / 1e6;
    let total_km2: f64 = shapes.iter().map(|(_, g, _)| g.geodesic_area_unsigned()).sum::<f64>() / 1e6;
    let gap = (total_km2 - region_km2) / region_km2;
    assert!(gap.abs() < 0.01, "EPCIs {total_km2:.0} km², region {region_km2:.0} km² ({:+.2} %)", gap * 100.0);
}
