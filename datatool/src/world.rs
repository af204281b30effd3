//! Natural Earth countries from the `world-atlas` TopoJSON, decoded with the `topojson` crate.

use anyhow::{anyhow, bail, Context, Result};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The countries a French region's map can show around it (metropolitan and overseas), by ISO
/// 3166-1 numeric id as world-atlas writes it, with their alpha-2 code and French name. Another
/// country met in a region's box is drawn under the atlas's English name and its numeric id.
pub const NEIGHBOURS: [(&str, &str, &str); 29] = [
    ("020", "AD", "Andorre"),
    ("040", "AT", "Autriche"),
    ("028", "AG", "Antigua-et-Barbuda"),
    ("056", "BE", "Belgique"),
    ("076", "BR", "Brésil"),
    ("174", "KM", "Comores"),
    ("212", "DM", "Dominique"),
    ("250", "FR", "France"),
    ("276", "DE", "Allemagne"),
    ("380", "IT", "Italie"),
    ("438", "LI", "Liechtenstein"),
    ("442", "LU", "Luxembourg"),
    ("450", "MG", "Madagascar"),
    ("480", "MU", "Maurice"),
    ("492", "MC", "Monaco"),
    ("500", "MS", "Montserrat"),
    ("528", "NL", "Pays-Bas"),
    ("534", "SX", "Saint-Martin (partie néerlandaise)"),
    ("652", "BL", "Saint-Barthélemy"),
    ("660", "AI", "Anguilla"),
    ("662", "LC", "Sainte-Lucie"),
    ("663", "MF", "Saint-Martin"),
    ("670", "VC", "Saint-Vincent-et-les-Grenadines"),
    ("724", "ES", "Espagne"),
    ("740", "SR", "Suriname"),
    ("756", "CH", "Suisse"),
    ("826", "GB", "Royaume-Uni"),
    ("831", "GG", "Guernesey"),
    ("832", "JE", "Jersey"),
];

/// A country of the atlas.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO alpha-2 code ([`NEIGHBOURS`]), else the numeric id.
    pub code: String,
    /// French name ([`NEIGHBOURS`]), else the atlas's.
    pub name: String,
    /// Its outline (longitude, latitude).
    pub shape: MultiPolygon<f64>,
}

fn ring(v: &Value) -> Result<LineString<f64>> {
    let pts = v.as_array().ok_or_else(|| anyhow!("ring is not an array"))?;
    pts.iter()
        .map(|p| {
            let x = p.get(0).and_then(Value::as_f64);
            let y = p.get(1).and_then(Value::as_f64);
            match (x, y) {
                (Some(x), Some(y)) => Ok(Coord { x, y }),
                _ => bail!("bad position {p}"),
            }
        })
        .collect::<Result<Vec<_>>>()
        .map(LineString::new)
}

fn polygon(v: &Value) -> Result<Polygon<f64>> {
    let rings = v.as_array().ok_or_else(|| anyhow!("polygon is not an array"))?;
    let mut it = rings.iter().map(ring);
    let exterior = it.next().ok_or_else(|| anyhow!("polygon without ring"))??;
    Ok(Polygon::new(exterior, it.collect::<Result<Vec<_>>>()?))
}

/// Converts a GeoJSON geometry object (as JSON) to a MultiPolygon.
pub fn multipolygon_from_geojson(geom: &Value) -> Result<MultiPolygon<f64>> {
    let coords = geom.get("coordinates").ok_or_else(|| anyhow!("geometry without coordinates"))?;
    match geom.get("type").and_then(Value::as_str) {
        Some("Polygon") => Ok(MultiPolygon::new(vec![polygon(coords)?])),
        Some("MultiPolygon") => coords
            .as_array()
            .ok_or_else(|| anyhow!("bad MultiPolygon"))?
            .iter()
            .map(polygon)
            .collect::<Result<Vec<_>>>()
            .map(MultiPolygon::new),
        other => bail!("unexpected geometry type {other:?}"),
    }
}

/// Reads every country of `countries-10m.json`, by numeric id; France must be among them.
pub fn read_countries(path: &Path) -> Result<BTreeMap<String, Country>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let topo = match text.parse::<topojson::TopoJson>().map_err(|e| anyhow!("{e}"))? {
        topojson::TopoJson::Topology(t) => t,
        _ => bail!("{} is not a TopoJSON Topology", path.display()),
    };
    let fc = topojson::to_geojson(&topo, "countries").map_err(|e| anyhow!("{e}"))?;
    let fc = serde_json::to_value(&fc)?;
    let mut out = BTreeMap::new();
    for f in fc.get("features").and_then(Value::as_array).into_iter().flatten() {
        let id = match f.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => format!("{n:0>3}"),
            _ => continue,
        };
        // Natural Earth's few shapes without a geometry (none near France) are skipped.
        let Some(geom) = f.get("geometry").filter(|g| !g.is_null()) else { continue };
        let shape = multipolygon_from_geojson(geom).with_context(|| format!("country {id}"))?;
        let (code, name) = match NEIGHBOURS.iter().find(|(n, _, _)| *n == id) {
            Some((_, code, name)) => (code.to_string(), name.to_string()),
            None => {
                let name = f.pointer("/properties/name").and_then(Value::as_str).unwrap_or(&id).to_string();
                (id.clone(), name)
            }
        };
        out.insert(id, Country { code, name, shape });
    }
    if !out.contains_key("250") {
        bail!("France (250) not found in {}", path.display());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_polygon_and_multipolygon() {
        let p = serde_json::json!({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]});
        assert_eq!(multipolygon_from_geojson(&p).unwrap().0.len(), 1);
        let m = serde_json::json!({"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,0],[3,0],[3,1],[2,0]]]]});
        assert_eq!(multipolygon_from_geojson(&m).unwrap().0.len(), 2);
        let l = serde_json::json!({"type":"LineString","coordinates":[[0,0],[1,1]]});
        assert!(multipolygon_from_geojson(&l).is_err());
    }
}
