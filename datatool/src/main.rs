//! Command line of the data builder; see [`USAGE`].

mod communes;
mod outlines;

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::time::Instant;
use ti_data::{build, sources::SourcePaths, write_outputs, Options, DEFAULT_TOLERANCE_M};

/// Usage text.
const USAGE: &str = "usage: ti-data [--cache DIR] [--composition FILE] [--out DIR] [--ti-list CSV] [--tolerance M]
  --cache DIR         unpacked sources (default .cache/sources, filled by datatool/fetch-sources.sh)
  --composition FILE  territories, statuses and perimeter selectors (default data/composition.toml)
  --out DIR           where to write the GeoJSON files and build-report.md (default data)
  --ti-list CSV       State's commune list (insee_com, lib_com, id_ti, lib_ti) replacing the perimeters
  --tolerance M       arc simplification tolerance in metres (default 350)
       ti-data communes [--cache DIR] [--out FILE] [--tolerance DEG] [--overseas]   the stress file of `make bench`
       ti-data departements|regions [--cache DIR] [--out FILE] [--region CODE] [--tolerance DEG]   outlines with code/nom only";

fn main() -> Result<()> {
    let mut cache = PathBuf::from(".cache/sources");
    let mut composition = PathBuf::from("data/composition.toml");
    let mut out = PathBuf::from("data");
    let mut official = None;
    let mut tolerance_m = DEFAULT_TOLERANCE_M;
    let mut args = std::env::args().skip(1);
    match std::env::args().nth(1).as_deref() {
        Some("communes") => return communes::run(args.skip(1)),
        Some("departements") => return outlines::run(outlines::Level::Departement, args.skip(1)),
        Some("regions") => return outlines::run(outlines::Level::Region, args.skip(1)),
        _ => {}
    }
    while let Some(a) = args.next() {
        let mut value = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--cache" => cache = value()?.into(),
            "--composition" => composition = value()?.into(),
            "--out" => out = value()?.into(),
            "--ti-list" => official = Some(PathBuf::from(value()?)).filter(|p| !p.as_os_str().is_empty()),
            "--tolerance" => tolerance_m = value()?.parse().context("--tolerance must be a number of metres")?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => bail!("unknown argument {a}\n{USAGE}"),
        }
    }
    let sources = SourcePaths::in_cache(&cache);
    if !sources.exist() {
        bail!(
            "sources missing under {}; run `make data` (it fetches them) or datatool/fetch-sources.sh",
            cache.display()
        );
    }
    let t0 = Instant::now();
    let outputs = build(&Options { sources, composition, official, tolerance_m })?;
    write_outputs(&outputs, &out)?;
    eprintln!("ti-data: wrote {} in {:.1} s", out.display(), t0.elapsed().as_secs_f64());
    Ok(())
}
