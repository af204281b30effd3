//! Command line of the data builder (`ti-data --help`).

mod communes;
mod epcis;
mod outlines;

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Instant;
use ti_data::{build, region, sources::SourcePaths, write_outputs, Options, DEFAULT_TOLERANCE_M, NATIONAL_TOLERANCE_M};

/// Rebuilds data/ (the Territoires d'industrie of the Grand Est and the background layers) from
/// pinned public sources, or the same files of another region (`--region`); the subcommands write
/// files for the bench and the tests.
#[derive(Parser)]
#[command(name = "ti-data")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

/// What the data build reads and writes.
#[derive(clap::Args)]
struct BuildArgs {
    /// Unpacked sources (filled by datatool/fetch-sources.sh).
    #[arg(long, value_name = "DIR", default_value = ".cache/sources")]
    cache: PathBuf,
    /// The region (INSEE code: 44 Grand Est, 27 Bourgogne-Franche-Comté, 53 Bretagne…).
    #[arg(long, value_name = "CODE", default_value = region::GRAND_EST)]
    region: String,
    /// Territories, statuses and perimeter selectors (by default data/composition.toml for the
    /// Grand Est; none for another region: its territories are the commune table's).
    #[arg(long, value_name = "FILE")]
    composition: Option<PathBuf>,
    /// The commune table of a region without a composition.
    #[arg(long, value_name = "CSV", default_value = "data/ti-france-communes-2020.csv")]
    national_table: PathBuf,
    /// Where to write the GeoJSON files, the commune list and build-report.md.
    #[arg(long, value_name = "DIR", default_value = "data")]
    out: PathBuf,
    /// The State's commune list (insee_com, lib_com, id_ti, lib_ti) replacing the perimeters; empty: none.
    #[arg(long = "ti-list", value_name = "CSV")]
    ti_list: Option<PathBuf>,
    /// Arc simplification tolerance in metres (by default 350 for a region, 1200 for the whole
    /// country: a national view shows 1 km as a fraction of a pixel).
    #[arg(long, value_name = "M")]
    tolerance: Option<f64>,
}

#[derive(Subcommand)]
enum Command {
    /// The stress file of `make bench`: every commune of metropolitan France.
    Communes(communes::Args),
    /// The départements as a region's GIS would export them (code and nom only).
    Departements(outlines::Args),
    /// The regions, likewise.
    Regions(outlines::Args),
    /// A region's intercommunalities, likewise (the Grand Est's: a map of some 150 areas, many small).
    #[command(visible_alias = "epci")]
    Epcis(epcis::Args),
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Communes(a)) => return communes::run(a),
        Some(Command::Departements(a)) => return outlines::run(outlines::Level::Departement, a),
        Some(Command::Regions(a)) => return outlines::run(outlines::Level::Region, a),
        Some(Command::Epcis(a)) => return epcis::run(a),
        None => {}
    }
    let BuildArgs { cache, region, composition, national_table, out, ti_list, tolerance } = cli.build;
    let tolerance = tolerance.unwrap_or(if region == region::ALL { NATIONAL_TOLERANCE_M } else { DEFAULT_TOLERANCE_M });
    let composition = composition
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| (region == region::GRAND_EST).then(|| PathBuf::from("data/composition.toml")));
    let official = ti_list.filter(|p| !p.as_os_str().is_empty());
    let sources = SourcePaths::in_cache(&cache);
    if !sources.exist() {
        bail!(
            "sources missing under {}; run `make data` (it fetches them) or datatool/fetch-sources.sh",
            cache.display()
        );
    }
    let t0 = Instant::now();
    let outputs = build(&Options { sources, region, composition, official, national_table, tolerance_m: tolerance })?;
    write_outputs(&outputs, &out)?;
    eprintln!("ti-data: wrote {} in {:.1} s", out.display(), t0.elapsed().as_secs_f64());
    Ok(())
}
