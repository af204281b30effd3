//! Deterministic GeoJSON output: compact JSON, keys in a fixed order, coordinates rounded to
//! 5 decimals (serde_json prints the shortest round-trip form), features sorted by id.

use crate::composition::{Composition, Source, Territory};
use crate::text::Text;
use geo::MultiPolygon;
use serde_json::{json, Map, Value};

/// Rounds to 5 decimals (and turns -0 into 0).
pub fn round5(v: f64) -> f64 {
    let r = (v * 1e5).round() / 1e5;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn ring_json(ls: &geo::LineString<f64>) -> Value {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(ls.0.len());
    for c in &ls.0 {
        let p = [round5(c.x), round5(c.y)];
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    json!(out)
}

/// RFC 7946 MultiPolygon geometry object.
pub fn multipolygon_json(mp: &MultiPolygon<f64>) -> Value {
    let polys: Vec<Value> =
        mp.0.iter()
            .map(|p| Value::Array(std::iter::once(p.exterior()).chain(p.interiors()).map(ring_json).collect()))
            .collect();
    json!({"type": "MultiPolygon", "coordinates": polys})
}

/// Everything computed for one territory.
pub struct TerritoryOut<'a> {
    /// Composition entry.
    pub t: &'a Territory,
    /// Outline.
    pub geometry: MultiPolygon<f64>,
    /// EPCIs (SIREN, name, communes of the territory in it when known).
    pub epci: Vec<(String, String, Option<usize>)>,
    /// Number of communes.
    pub communes_count: usize,
    /// Geodesic area, km².
    pub area_km2: f64,
    /// Population and the phrase saying which one and when.
    pub population: Option<(u64, Text)>,
    /// Label point.
    pub label: (f64, f64),
    /// Perimeter note.
    pub note: Text,
    /// Sources of the card.
    pub sources: Vec<Source>,
}

fn territory_feature(o: &TerritoryOut) -> Value {
    let t = o.t;
    let mut p = Map::new();
    p.insert("id".into(), json!(t.id));
    p.insert("name".into(), json!(t.name));
    if let Some(s) = &t.short_name {
        p.insert("short_name".into(), json!(s));
    }
    p.insert("status".into(), json!(t.status));
    if let Some(d) = &t.status_date {
        p.insert("status_date".into(), json!(d));
    }
    if let Some(pl) = &t.status_place {
        p.insert("status_place".into(), json!(pl));
    }
    p.insert("projects".into(), json!(t.projects));
    let epci: Vec<Value> = o
        .epci
        .iter()
        .map(|(s, n, c)| match c {
            Some(c) => json!({"siren": s, "name": n, "communes": c}),
            None => json!({"siren": s, "name": n}),
        })
        .collect();
    p.insert("epci".into(), Value::Array(epci));
    p.insert("communes_count".into(), json!(o.communes_count));
    p.insert("area_km2".into(), json!(o.area_km2.round() as u64));
    if let Some((n, vintage)) = &o.population {
        p.insert("population".into(), json!(n));
        p.insert("population_vintage".into(), json!(vintage));
    }
    p.insert("perimeter_confidence".into(), json!(t.perimeter_confidence));
    p.insert("perimeter_note".into(), json!(o.note));
    let sources: Vec<Value> = o
        .sources
        .iter()
        .map(|s| match &s.url {
            Some(u) => json!({"title": s.title, "url": u}),
            None => json!({"title": s.title}),
        })
        .collect();
    p.insert("sources".into(), Value::Array(sources));
    p.insert("label_point".into(), json!([round5(o.label.0), round5(o.label.1)]));
    json!({"type": "Feature", "id": t.id, "geometry": multipolygon_json(&o.geometry), "properties": p})
}

/// The territories FeatureCollection, serialized.
pub fn territories_json(comp: &Composition, mut territories: Vec<TerritoryOut>) -> String {
    territories.sort_by(|a, b| a.t.id.cmp(&b.t.id));
    let features: Vec<Value> = territories.iter().map(territory_feature).collect();
    let mut fc = json!({
        "type": "FeatureCollection",
        // The language of the plain strings: the projects, quoted from French documents.
        "lang": "fr",
        "title": comp.title,
    });
    for (key, text) in [("description", &comp.description), ("attribution", &comp.attribution)] {
        if let Some(t) = text {
            fc[key] = json!(t);
        }
    }
    let rest = json!({
        "legend": comp.legend,
        "programme": comp.programme,
        "features": features,
    });
    if let (Some(fc), Value::Object(rest)) = (fc.as_object_mut(), rest) {
        fc.extend(rest);
    }
    fc.to_string() + "\n"
}

/// One context feature: (layer, id, name, geometry).
pub type ContextFeature = (&'static str, String, String, MultiPolygon<f64>);

/// The context FeatureCollection: countries, then départements, then region, each sorted by id.
pub fn context_json(mut features: Vec<ContextFeature>) -> String {
    let rank = |l: &str| match l {
        "country" => 0,
        "department" => 1,
        _ => 2,
    };
    features.sort_by(|a, b| (rank(a.0), &a.1).cmp(&(rank(b.0), &b.1)));
    let fs: Vec<Value> = features
        .iter()
        .map(|(layer, id, name, g)| {
            json!({"type": "Feature", "id": id, "geometry": multipolygon_json(g),
                   "properties": {"layer": layer, "id": id, "name": name}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": fs}).to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn rounds_and_orders() {
        assert_eq!(round5(-0.000001), 0.0);
        assert_eq!(round5(7.123456), 7.12346);
        let g = MultiPolygon::new(vec![
            polygon![(x: 0.0, y: 0.0), (x: 1.0000001, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0)],
        ]);
        let s = context_json(vec![
            ("region", "44".into(), "Grand Est".into(), g.clone()),
            ("country", "BE".into(), "Belgique".into(), g.clone()),
            ("department", "08".into(), "Ardennes".into(), g),
        ]);
        let be = s.find("\"BE\"").unwrap();
        let d08 = s.find("\"08\"").unwrap();
        let r44 = s.find("\"44\"").unwrap();
        assert!(be < d08 && d08 < r44);
        assert!(s.contains("[[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,0.0]]]]"), "{s}");
        assert!(!s.contains('\n') || s.ends_with('\n') && s.matches('\n').count() == 1);
    }
}
