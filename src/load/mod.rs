//! Loading and validation: bytes of a GeoJSON file → [`Dataset`] or
//! [`Context`](crate::model::Context), never a panic.
//!
//! Works in [`LonLat`] degrees. The territory properties read are listed in the README ("Schéma des données"); unknown ones are ignored.

mod context;
mod error;
mod failure;
mod geometry;
mod legend;
pub mod limits;
mod properties;

pub use context::context;
pub use error::{Expected, Inside, JsonReason, LoadError, Problem, ProblemKind, RingAt};
pub use failure::{Failure, FetchError};
pub use properties::{safe_color, safe_url};

use crate::coords::LonLat;
use crate::model::{Confidence, Dataset, Epci, Territory};
use geojson::{Feature, FeatureCollection, GeoJson, JsonValue};
use properties::{text_of, Props};
use std::collections::HashSet;

/// A loaded territory file and the problems met on the way (each one skipped or mended a part).
#[derive(Debug)]
pub struct Loaded<T> {
    pub data: T,
    pub problems: Vec<Problem>,
}

/// Parses a territory FeatureCollection.
///
/// ```
/// let json = br#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "properties":{"id":"a","name":"A","status":"signed"},
///   "geometry":{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,48]]]}}]}"#;
/// let loaded = territoires_map::load::territories(json).unwrap();
/// assert_eq!(loaded.data.territories[0].name, "A");
/// assert_eq!(loaded.data.legend.statuses[0].id, "signed");
/// ```
pub fn territories(bytes: &[u8]) -> Result<Loaded<Dataset>, LoadError> {
    let fc = collection(bytes)?;
    let mut problems = Vec::new();
    let mut legend = legend::from_json(top_object(&fc, "legend"));
    let mut dataset = Dataset {
        title: top_object_text(&fc, "title"),
        programme: legend::programme(top_object(&fc, "programme")),
        ..Dataset::default()
    };
    let mut seen = HashSet::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let mut kinds = Vec::new();
        let id = feature_id(feature);
        let t = territory(feature, &mut legend, &mut kinds);
        let t = t.filter(|t| {
            let fresh = seen.insert(t.id.clone());
            if !fresh {
                kinds.push(ProblemKind::DuplicateId);
            }
            fresh
        });
        problems.extend(kinds.into_iter().map(|kind| Problem { index, id: id.clone(), kind }));
        dataset.territories.extend(t);
    }
    if dataset.territories.is_empty() {
        return Err(LoadError::NoUsableTerritory { problems });
    }
    dataset.legend = legend.finish();
    Ok(Loaded { data: dataset, problems })
}

fn territory(f: &Feature, legend: &mut legend::Builder, kinds: &mut Vec<ProblemKind>) -> Option<Territory> {
    let mut p = Props::new(f.properties.as_ref());
    let id = feature_id(f);
    let name = p.string("name");
    let status = p.string("status");
    let polygons = match &f.geometry {
        Some(g) => geometry::polygons(&g.value, kinds),
        None => Vec::new(),
    };
    let mut missing = false;
    for (value, key) in [(id.is_none(), "id"), (name.is_none(), "name"), (status.is_none(), "status")] {
        if value {
            kinds.push(ProblemKind::MissingProperty(key));
            missing = true;
        }
    }
    if polygons.is_empty() && !kinds.iter().any(|k| matches!(k, ProblemKind::NotASurface { .. })) {
        kinds.push(ProblemKind::NoGeometry);
    }
    let t = Territory {
        id: id?,
        name: name?,
        short_name: p.string("short_name"),
        status: legend.index_of(status.as_deref()?, kinds),
        status_date: p.string("status_date"),
        status_place: p.string("status_place"),
        projects: p.texts("projects"),
        epci: p.list("epci", |v| {
            Some(Epci { siren: v.get("siren").and_then(|s| text_of(s, "")), name: text_of(v, "name")? })
        }),
        communes_count: p.number("communes_count").filter(|n| *n >= 0.0).map(|n| n as u64),
        area_km2: p.number("area_km2").filter(|n| *n >= 0.0).map(|n| n.round() as u64),
        population: p.number("population").filter(|n| *n >= 0.0).map(|n| n as u64),
        population_vintage: p.string("population_vintage"),
        confidence: p.string("perimeter_confidence").and_then(|c| Confidence::parse(&c)),
        perimeter_note: p.string("perimeter_note"),
        sources: p.links("sources"),
        label_point: p.point("label_point").map(|(lon, lat)| LonLat { lon, lat }),
        polygons,
    };
    kinds.append(&mut p.problems);
    (!missing && !t.polygons.is_empty()).then_some(t)
}

/// The feature's id: the GeoJSON `id` member, else `properties.id`.
fn feature_id(f: &Feature) -> Option<String> {
    match &f.id {
        Some(geojson::feature::Id::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(geojson::feature::Id::Number(n)) => Some(n.to_string()),
        _ => f.properties.as_ref().and_then(|p| p.get("id")).and_then(|v| match v {
            JsonValue::Number(n) => Some(n.to_string()),
            v => text_of(v, ""),
        }),
    }
}

fn top_object<'a>(fc: &'a FeatureCollection, key: &str) -> Option<&'a geojson::JsonObject> {
    fc.foreign_members.as_ref()?.get(key)?.as_object()
}

fn top_object_text(fc: &FeatureCollection, key: &str) -> Option<String> {
    text_of(fc.foreign_members.as_ref()?.get(key)?, "")
}

/// Bytes → FeatureCollection, with an error that says what the bytes were instead, or which
/// [`limits`] the file goes past.
fn collection(bytes: &[u8]) -> Result<FeatureCollection, LoadError> {
    limits::check_size(bytes)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 { byte: e.valid_up_to() })?;
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(LoadError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(LoadError::Html);
    }
    let gj: GeoJson = serde_json::from_str(text).map_err(|e| {
        let (line, column, detail) = (e.line(), e.column(), e.to_string());
        let detail = detail.split(" at line").next().unwrap_or("");
        if detail.contains("recursion limit exceeded") {
            return LoadError::TooDeep { line, column };
        }
        let reason = JsonReason::from_serde(detail);
        match e.classify() {
            serde_json::error::Category::Data => LoadError::NotGeoJson { line, column, reason },
            _ => LoadError::Json { line, column, reason },
        }
    })?;
    match gj {
        GeoJson::FeatureCollection(fc) if fc.features.is_empty() => Err(LoadError::NoFeatures),
        GeoJson::FeatureCollection(fc) => limits::check_counts(&fc).map(|()| fc),
        GeoJson::Feature(_) => Err(LoadError::NotFeatureCollection { found: "Feature" }),
        GeoJson::Geometry(g) => Err(LoadError::NotFeatureCollection { found: g.value.type_name() }),
    }
}

#[cfg(test)]
mod tests;
