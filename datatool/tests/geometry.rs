//! Geometry of the committed files: valid RFC 7946 MultiPolygons, 5 decimals, no overlap
//! between territories nor between départements, everything inside Grand Est, labels inside,
//! context layers complete, and the size budget.

mod common;

use geo::{Area, BooleanOps, Contains, MultiPolygon, Point, Validation, Winding};
use serde_json::Value;
use std::io::Write;

/// Planar area tolerance in deg² (≈ 80 m² here): rounding to 5 decimals only.
const EPS: f64 = 1e-8;
/// Countries are cut along the region, which adds crossing points that are then rounded to
/// 5 decimals: allow ≈ 0.015 km² of overlap in all per country.
const EPS_COUNTRY: f64 = 2e-6;

fn check_geometry(f: &Value) -> MultiPolygon<f64> {
    let id = &f["id"];
    assert_eq!(f["geometry"]["type"], "MultiPolygon", "{id}");
    let mp = common::geometry(f);
    assert!(!mp.0.is_empty(), "{id}: empty");
    for p in &mp.0 {
        for (i, r) in std::iter::once(p.exterior()).chain(p.interiors()).enumerate() {
            assert!(r.0.len() >= 4 && r.0.first() == r.0.last(), "{id}: ring not closed");
            assert_eq!(r.is_ccw(), i == 0, "{id}: RFC 7946 winding (exterior CCW, holes CW)");
            for c in &r.0 {
                for v in [c.x, c.y] {
                    assert!((v * 1e5 - (v * 1e5).round()).abs() < 1e-6, "{id}: {v} has more than 5 decimals");
                }
            }
        }
    }
    if let Err(e) = mp.check_validation() {
        panic!("{id}: invalid geometry: {e}");
    }
    mp
}

fn region() -> MultiPolygon<f64> {
    let (_, ctx) = common::load("contexte-grand-est.geojson");
    let f = common::features(&ctx).iter().find(|f| f["properties"]["layer"] == "region").unwrap();
    common::geometry(f)
}

fn assert_disjoint(shapes: &[(String, MultiPolygon<f64>)]) {
    for (i, (a, ga)) in shapes.iter().enumerate() {
        for (b, gb) in &shapes[i + 1..] {
            let overlap = ga.intersection(gb).unsigned_area();
            assert!(overlap < EPS, "{a} and {b} overlap by {overlap} deg²");
        }
    }
}

#[test]
fn territories_are_valid_disjoint_and_inside_grand_est() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    let region = region();
    let mut shapes = Vec::new();
    for f in common::features(&v) {
        let mp = check_geometry(f);
        let outside = mp.difference(&region).unsigned_area();
        assert!(outside < EPS, "{} sticks out of Grand Est by {outside} deg²", f["id"]);
        let lp = &f["properties"]["label_point"];
        let label = Point::new(lp[0].as_f64().unwrap(), lp[1].as_f64().unwrap());
        assert!(mp.contains(&label), "{}: label point outside", f["id"]);
        assert!(f["properties"]["communes_count"].as_u64().unwrap() >= 1);
        shapes.push((f["id"].as_str().unwrap().to_string(), mp));
    }
    assert_disjoint(&shapes);
}

#[test]
fn context_has_countries_departements_and_region() {
    let (_, v) = common::load("contexte-grand-est.geojson");
    let keys: Vec<(String, String)> = common::features(&v)
        .iter()
        .map(|f| {
            (
                f["properties"]["layer"].as_str().unwrap().to_string(),
                f["properties"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let layer = |l: &str| keys.iter().filter(|k| k.0 == l).map(|k| k.1.as_str()).collect::<Vec<_>>();
    // every country the clip box holds: the Netherlands by a strip along its top edge
    assert_eq!(layer("country"), ["BE", "CH", "DE", "FR", "LU", "NL"]);
    assert_eq!(layer("department"), ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]);
    assert_eq!(layer("region"), ["44"]);
    let order: Vec<&str> = keys.iter().map(|k| k.0.as_str()).collect();
    assert!(order.windows(2).all(|w| (w[0], w[1]) != ("department", "country") && w[0] != "region"), "order");
    let region = region();
    let region_area = region.unsigned_area();
    let mut deps = Vec::new();
    for f in common::features(&v) {
        let mp = check_geometry(f);
        assert!(!f["properties"]["name"].as_str().unwrap().is_empty());
        match f["properties"]["layer"].as_str().unwrap() {
            "country" => {
                let overlap = mp.intersection(&region).unsigned_area();
                assert!(overlap < EPS_COUNTRY, "{} overlaps Grand Est by {overlap}", f["id"]);
            }
            "department" => deps.push((f["id"].as_str().unwrap().to_string(), mp)),
            _ => {}
        }
    }
    assert_disjoint(&deps);
    let covered: f64 = deps.iter().map(|(_, g)| g.unsigned_area()).sum();
    assert!((covered - region_area).abs() < EPS * 10.0, "départements {covered} vs region {region_area}");
}

#[test]
fn both_files_fit_the_size_budget() {
    let mut total = 0;
    for name in ["territoires-grand-est.geojson", "contexte-grand-est.geojson"] {
        let (text, _) = common::load(name);
        assert!(text.ends_with("}\n") && text.matches('\n').count() == 1, "{name}: compact JSON on one line");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(text.as_bytes()).unwrap();
        total += gz.finish().unwrap().len();
    }
    // 60 KB until 4 December 2026; the English of every text the project writes (language maps,
    // issue 23) added 2.8 KB gzip to the territories (30,176 → 33,008 B).
    assert!(total <= 64 * 1024, "territories + context = {total} bytes gzip, budget 64 KB");
}
