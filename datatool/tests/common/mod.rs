//! Helpers shared by the integration tests.
#![allow(dead_code)]

use geo::MultiPolygon;
use serde_json::Value;
use std::path::PathBuf;

/// Repository root (parent of `datatool/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Parses a committed data file.
pub fn load(name: &str) -> (String, Value) {
    let path = root().join("data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v = serde_json::from_str(&text).unwrap();
    (text, v)
}

/// The features of a FeatureCollection.
pub fn features(v: &Value) -> &Vec<Value> {
    v["features"].as_array().unwrap()
}

/// Geometry of a feature as a geo MultiPolygon.
pub fn geometry(f: &Value) -> MultiPolygon<f64> {
    ti_data::world::multipolygon_from_geojson(&f["geometry"]).unwrap()
}

/// The unpacked sources, or None (with a printed reason) when the cache is absent.
pub fn sources() -> Option<ti_data::sources::SourcePaths> {
    let cache = std::env::var_os("TI_DATA_CACHE").map(PathBuf::from).unwrap_or_else(|| root().join(".cache/sources"));
    let paths = ti_data::sources::SourcePaths::in_cache(&cache);
    if paths.exist() {
        Some(paths)
    } else {
        println!("SKIPPED: sources not found in {} (run `make data-check`, which fetches them)", cache.display());
        None
    }
}

/// The Grand Est, as the sources describe it.
pub fn grand_est(paths: &ti_data::sources::SourcePaths) -> ti_data::region::Region {
    ti_data::region::Region::read(&paths.decoupage, ti_data::region::GRAND_EST).unwrap()
}
