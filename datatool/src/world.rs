//! Natural Earth countries from the `world-atlas` TopoJSON, decoded with the `topojson` crate.

use anyhow::{anyhow, bail, Context, Result};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// ISO 3166-1 numeric ids of the countries drawn around Grand Est, with their alpha-2 code and
/// French name.
pub const NEIGHBOURS: [(&str, &str, &str); 5] = [
    ("056", "BE", "Belgique"),
    ("250", "FR", "France"),
    ("276", "DE", "Allemagne"),
    ("442", "LU", "Luxembourg"),
    ("756", "CH", "Suisse"),
];

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

/// Reads the neighbour countries (see [`NEIGHBOURS`]) from `countries-10m.json`.
pub fn read_countries(path: &Path) -> Result<BTreeMap<String, MultiPolygon<f64>>> {
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
        if NEIGHBOURS.iter().any(|(n, _, _)| *n == id) {
            let geom = f.get("geometry").ok_or_else(|| anyhow!("country {id} without geometry"))?;
            out.insert(id.clone(), multipolygon_from_geojson(geom).with_context(|| format!("country {id}"))?);
        }
    }
    for (n, _, name) in NEIGHBOURS {
        if !out.contains_key(n) {
            bail!("country {n} ({name}) not found in {}", path.display());
        }
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
