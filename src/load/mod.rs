//! Loading and validation: bytes of a GeoJSON file → [`Dataset`] or
//! [`Context`](crate::model::Context), never a panic.
//!
//! Works in [`LonLat`] degrees. The territory properties read are listed in the README ("Schéma des données"); unknown ones are ignored.
//! Which properties hold the id, name and status follows the map's options ([`Mapping`]), else
//! the usual keys ([`keys`]); a status sheet ([`sheet`]) can set statuses without touching the file.

mod context;
mod error;
mod failure;
mod geometry;
pub mod keys;
mod lang;
mod legend;
pub mod limits;
mod properties;
mod statuses;

pub use context::context;
pub use error::{Expected, Inside, JsonReason, LoadError, Problem, ProblemKind, RingAt};
pub use failure::{Failure, FetchError};
pub use keys::Mapping;
pub use legend::PALETTE;
pub use properties::{safe_color, safe_url};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use statuses::lined_records as csv_records;
pub use statuses::{sheet, Encoding, Row, Sheet, SheetError, SheetProblem, SheetProblemKind, MAX_SHEET_BYTES};

use crate::coords::LonLat;
use crate::model::{Confidence, Dataset, Epci, Territory};
use geojson::{Feature, FeatureCollection, GeoJson};
use properties::{text_of, Props};
use std::collections::HashSet;

/// A loaded territory file and the problems met on the way (each one skipped or mended a part).
#[derive(Debug)]
pub struct Loaded<T> {
    pub data: T,
    pub problems: Vec<Problem>,
    /// The status sheet's problems, by line (empty without a sheet).
    pub sheet_problems: Vec<SheetProblem>,
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
    territories_with(bytes, &Mapping::default(), None)
}

/// Parses a territory FeatureCollection with the map's choice of properties, then joins a status
/// sheet to it when there is one.
///
/// ```
/// use territoires_map::load::{sheet, territories_with, Mapping};
/// let json = br#"{"type":"FeatureCollection","features":[{"type":"Feature",
///   "properties":{"code":"51","nom":"Marne"},
///   "geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,48]]]}}]}"#;
/// let m = Mapping::default();
/// let s = sheet("code;statut\n51;Signé\n".as_bytes(), &m).unwrap();
/// let loaded = territories_with(json, &m, Some(&s)).unwrap();
/// assert_eq!(territoires_map::card::spoken(&loaded.data, 0, &territoires_map::text::FR), "Marne : Signé");
/// ```
pub fn territories_with(bytes: &[u8], m: &Mapping, sheet: Option<&Sheet>) -> Result<Loaded<Dataset>, LoadError> {
    read(bytes, m, sheet)
}

fn read(bytes: &[u8], m: &Mapping, sheet: Option<&Sheet>) -> Result<Loaded<Dataset>, LoadError> {
    let mut fc = collection(bytes)?;
    let lang = lang::resolve(&mut fc, &m.lang);
    let mut problems = Vec::new();
    let legend = legend::from_json(top_object(&fc, "legend"));
    let mut dataset = Dataset {
        title: top_object_text(&fc, "title"),
        description: top_object_text(&fc, "description"),
        attribution: top_object_text(&fc, "attribution"),
        lang,
        source: fc.foreign_members.as_ref().and_then(|m| m.get("source")).and_then(properties::link),
        programme: legend::programme(top_object(&fc, "programme")),
        ..Dataset::default()
    };
    let mut seen = HashSet::new();
    let mut values = Vec::new();
    let mut indices = Vec::new();
    for (index, feature) in fc.features.iter().enumerate() {
        let mut kinds = Vec::new();
        let t = territory(feature, index, m, &mut kinds);
        let t = t.filter(|(t, _)| {
            let fresh = seen.insert(t.id.clone());
            if !fresh {
                kinds.push(ProblemKind::DuplicateId);
            }
            fresh
        });
        let id = t.as_ref().map(|(t, _)| t.id.clone()).or_else(|| feature_id(feature, m));
        problems.extend(kinds.into_iter().map(|kind| Problem { index, id: id.clone(), kind }));
        if let Some((t, status)) = t {
            dataset.territories.push(t);
            values.push(status);
            indices.push(index);
        }
    }
    if dataset.territories.is_empty() {
        return Err(LoadError::NoUsableTerritory { problems });
    }
    let before = values.clone();
    let sheet_problems = match sheet {
        Some(s) => statuses::apply(s, &mut dataset.territories, &mut values, &legend),
        None => Vec::new(),
    };
    let values: Vec<(usize, Option<String>)> = indices.iter().copied().zip(values).collect();
    let assigned = legend.assign(&values, m);
    for (t, status) in dataset.territories.iter_mut().zip(assigned.of) {
        t.status = status;
    }
    for (index, kind) in assigned.problems {
        let k = indices.iter().position(|i| *i == index);
        // A status the sheet set was already reported with its line.
        let from_sheet = k.is_some_and(|k| before.get(k) != values.get(k).map(|(_, v)| v));
        if from_sheet && matches!(kind, ProblemKind::UnknownStatus(_)) {
            continue;
        }
        let id = k.map(|k| dataset.territories[k].id.clone());
        problems.push(Problem { index, id, kind });
    }
    dataset.legend = assigned.legend;
    Ok(Loaded { data: dataset, problems, sheet_problems })
}

/// A territory and its status value (resolved into the legend once every feature is read).
fn territory(
    f: &Feature,
    index: usize,
    m: &Mapping,
    kinds: &mut Vec<ProblemKind>,
) -> Option<(Territory, Option<String>)> {
    let mut p = Props::new(f.properties.as_ref());
    let props = f.properties.as_ref();
    let name = typed_text(keys::keyed(props, m.name.as_deref(), &keys::NAME_KEYS), kinds);
    let status = typed_text(keys::keyed(props, m.status.as_deref(), &keys::STATUS_KEYS), kinds);
    let polygons = match &f.geometry {
        Some(g) => geometry::polygons(&g.value, kinds),
        None => Vec::new(),
    };
    if polygons.is_empty() && !kinds.iter().any(|k| matches!(k, ProblemKind::NotASurface { .. })) {
        kinds.push(ProblemKind::NoGeometry);
    }
    // Nothing is left out for want of our schema: a feature without an id is known by its name,
    // else by its place in the file; one without a name is shown with its id.
    let id = match feature_id(f, m) {
        Some(id) => id,
        None => {
            let id = name.clone().unwrap_or_else(|| (index + 1).to_string());
            kinds.push(ProblemKind::NoId { given: id.clone(), keys: m.id.clone() });
            id
        }
    };
    let name = name.unwrap_or_else(|| {
        kinds.push(ProblemKind::NoName { keys: m.name.clone() });
        id.clone()
    });
    let t = Territory {
        id,
        name,
        short_name: p.string("short_name"),
        status: 0,
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
    (!t.polygons.is_empty()).then_some((t, status))
}

/// A text value, or `None` with a [`ProblemKind::WrongType`] when the key holds a list, an
/// object or a boolean.
fn typed_text(found: Option<(&str, &geojson::JsonValue)>, kinds: &mut Vec<ProblemKind>) -> Option<String> {
    let (key, v) = found?;
    let text = keys::text(Some(v));
    if text.is_none() && !v.is_string() {
        kinds.push(ProblemKind::WrongType { property: key.to_string(), expected: Expected::Text });
    }
    text
}

/// The feature's id: the property the map names (`idProperty`), else the GeoJSON `id` member,
/// else the first of the usual keys ([`keys::ID_KEYS`]).
fn feature_id(f: &Feature, m: &Mapping) -> Option<String> {
    let props = f.properties.as_ref();
    if m.id.is_some() {
        return keys::text(keys::pick(props, m.id.as_deref(), &keys::ID_KEYS));
    }
    match &f.id {
        Some(geojson::feature::Id::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(geojson::feature::Id::Number(n)) => Some(n.to_string()),
        _ => keys::text(keys::pick(props, None, &keys::ID_KEYS)),
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
