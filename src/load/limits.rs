//! The explicit limits of the loader, so that a broken, hostile or huge file ends in a clear
//! message (in the map's language) instead of a frozen tab or unbounded memory.
//!
//! | limit | value | checked | past it |
//! |---|---|---|---|
//! | file size | [`MAX_FILE_BYTES`] = 50 Mo | on the byte length, before parsing | [`LoadError::TooLarge`] |
//! | JSON nesting | [`MAX_JSON_DEPTH`] = 128 arrays/objects | by serde_json while parsing | [`LoadError::TooDeep`] |
//! | features | [`MAX_FEATURES`] = 50 000 | after parsing, before reading any | [`LoadError::TooManyFeatures`] |
//! | positions (vertices) | [`MAX_VERTICES`] = 2 000 000 in the whole file | after parsing, before reading any | [`LoadError::TooManyVertices`] |
//! | GeometryCollection depth | [`MAX_COLLECTION_DEPTH`] = 8 | per feature | [`ProblemKind::TooDeep`], the deeper part skipped |
//!
//! Files well inside them (a 400 000-vertex polygon, a 20 000-feature file) load in a fraction of
//! a second; memory is bounded through the file size, the worst case being 50 Mo of one-digit
//! numbers in a property, which the vertex limit does not bound (`worst_case_memory` in
//! `tests/loader_corpus.rs`). The figures are in docs/performance.md, "Mesures".
//!
//! [`LoadError::TooLarge`]: super::LoadError::TooLarge
//! [`LoadError::TooDeep`]: super::LoadError::TooDeep
//! [`LoadError::TooManyFeatures`]: super::LoadError::TooManyFeatures
//! [`LoadError::TooManyVertices`]: super::LoadError::TooManyVertices
//! [`ProblemKind::TooDeep`]: super::ProblemKind::TooDeep

use super::error::LoadError;
use geojson::{FeatureCollection, GeometryValue};

/// Largest file accepted, in bytes (50 Mo), checked before parsing.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Most features a file may hold.
pub const MAX_FEATURES: usize = 50_000;

/// Most positions (vertices) in the whole file, every geometry type counted.
pub const MAX_VERTICES: usize = 2_000_000;

/// GeometryCollections nested deeper than this are not followed.
pub const MAX_COLLECTION_DEPTH: usize = 8;

/// JSON nesting (arrays and objects) past which serde_json stops parsing: its own recursion limit.
pub const MAX_JSON_DEPTH: usize = 128;

/// Refuses a file longer than [`MAX_FILE_BYTES`] before any parsing.
pub fn check_size(bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len(), max: MAX_FILE_BYTES });
    }
    Ok(())
}

/// Refuses a parsed collection with more than [`MAX_FEATURES`] features or [`MAX_VERTICES`] positions.
pub fn check_counts(fc: &FeatureCollection) -> Result<(), LoadError> {
    let features = fc.features.len();
    if features > MAX_FEATURES {
        return Err(LoadError::TooManyFeatures { found: features, max: MAX_FEATURES });
    }
    let mut vertices = 0usize;
    for g in fc.features.iter().filter_map(|f| f.geometry.as_ref()) {
        vertices = vertices.saturating_add(positions(&g.value, 0));
    }
    if vertices > MAX_VERTICES {
        return Err(LoadError::TooManyVertices { found: vertices, max: MAX_VERTICES });
    }
    Ok(())
}

/// Positions in a geometry; collections below [`MAX_COLLECTION_DEPTH`] only, as the loader reads.
fn positions(value: &GeometryValue, depth: usize) -> usize {
    match value {
        GeometryValue::Point { .. } => 1,
        GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => coordinates.len(),
        GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
            coordinates.iter().map(Vec::len).fold(0, usize::saturating_add)
        }
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().flat_map(|p| p.iter().map(Vec::len)).fold(0, usize::saturating_add)
        }
        GeometryValue::GeometryCollection { geometries } if depth < MAX_COLLECTION_DEPTH => {
            geometries.iter().map(|g| positions(&g.value, depth + 1)).fold(0, usize::saturating_add)
        }
        GeometryValue::GeometryCollection { .. } => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(json: &str) -> FeatureCollection {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn size_limit_is_inclusive() {
        assert!(check_size(&vec![b' '; MAX_FILE_BYTES]).is_ok());
        let e = check_size(&vec![b' '; MAX_FILE_BYTES + 1]).unwrap_err();
        assert_eq!(e, LoadError::TooLarge { bytes: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES });
    }

    #[test]
    fn counts_positions_of_every_geometry_type() {
        let c = fc(r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
            {"type":"Point","coordinates":[0,0]},
            {"type":"LineString","coordinates":[[0,0],[1,1]]},
            {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[1,1],[0,0]]]]}]}},
          {"type":"Feature","properties":{},"geometry":null}]}"#);
        let g = c.features[0].geometry.as_ref().unwrap();
        assert_eq!(positions(&g.value, 0), 11);
        assert!(check_counts(&c).is_ok());
    }

    #[test]
    fn too_many_features_is_refused_with_the_count() {
        let one = r#"{"type":"Feature","properties":{},"geometry":null}"#;
        let json = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, vec![one; MAX_FEATURES + 1].join(","));
        let e = check_counts(&fc(&json)).unwrap_err();
        assert_eq!(e, LoadError::TooManyFeatures { found: MAX_FEATURES + 1, max: MAX_FEATURES });
    }
}
