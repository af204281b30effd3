//! The region a build is for (`make data REGION=<INSEE code>`): its name and départements from
//! `@etalab/decoupage-administratif` (`regions.json`, `departements.json`), the names of the files
//! it writes, and the latitude its metric computations are made around.

use crate::sources::{read_json, str_of};
use anyhow::{anyhow, bail, Result};
use geo::{Area, Centroid, MultiPolygon};
use std::collections::BTreeMap;
use std::path::Path;

/// The Grand Est, whose files are `data/`'s of record.
pub const GRAND_EST: &str = "44";
/// The code of the whole country (`make data REGION=all`): every département, overseas included.
pub const ALL: &str = "all";

/// One region of the 2026 decoupage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Region {
    /// INSEE code ("44").
    pub code: String,
    /// Name as published ("Grand Est").
    pub name: String,
    /// Its départements' INSEE codes, in code order.
    pub departements: Vec<String>,
}

/// Where the regions are: the region of each département, the name of each region.
#[derive(Debug, Clone, Default)]
pub struct Geography {
    /// Département code → region code.
    pub regions: BTreeMap<String, String>,
    /// Region code → name.
    pub names: BTreeMap<String, String>,
}

impl Geography {
    /// Both, from the decoupage directory (`departements.json`, `regions.json`).
    pub fn read(decoupage: &Path) -> Result<Geography> {
        Ok(Geography { regions: Region::of_departements(decoupage)?, names: Region::names(decoupage)? })
    }
}

impl Region {
    /// Reads region `code` from the decoupage directory; an unknown code is an error listing the
    /// known ones.
    pub fn read(decoupage: &Path, code: &str) -> Result<Region> {
        Region::of(&Geography::read(decoupage)?, code)
    }

    /// Region `code` of `geo`, with its départements in code order; [`ALL`] is the whole country.
    pub fn of(geo: &Geography, code: &str) -> Result<Region> {
        if code == ALL {
            let departements = geo.regions.keys().cloned().collect();
            return Ok(Region { code: ALL.to_string(), name: "France".to_string(), departements });
        }
        let Some(name) = geo.names.get(code) else {
            let known: Vec<String> = geo.names.iter().map(|(c, n)| format!("{c} {n}")).collect();
            bail!("no region {code:?} in the decoupage; the regions are: {}", known.join(", "));
        };
        let departements = geo.regions.iter().filter(|(_, r)| *r == code).map(|(d, _)| d.clone()).collect();
        Ok(Region { code: code.to_string(), name: name.clone(), departements })
    }

    /// True when the decoupage's region `code` is this one, or this is the whole country.
    pub fn has_region(&self, code: &str) -> bool {
        self.code == ALL || self.code == code
    }

    /// The names of the regions by code, from the decoupage.
    pub fn names(decoupage: &Path) -> Result<BTreeMap<String, String>> {
        let regions = read_json(&decoupage.join("regions.json"))?;
        (regions.as_array().ok_or_else(|| anyhow!("regions.json is not an array"))?.iter())
            .map(|r| Ok((str_of(r, "code")?.to_string(), str_of(r, "nom")?.to_string())))
            .collect()
    }

    /// True when the INSEE commune code is in one of the region's départements (codes of two
    /// characters, or three overseas: a commune code starts with its département's).
    pub fn holds_commune(&self, insee: &str) -> bool {
        self.departements.iter().any(|d| insee.starts_with(d.as_str()))
    }

    /// The region of every département (INSEE codes), from the same decoupage.
    pub fn of_departements(decoupage: &Path) -> Result<BTreeMap<String, String>> {
        let deps = read_json(&decoupage.join("departements.json"))?;
        (deps.as_array().ok_or_else(|| anyhow!("departements.json is not an array"))?.iter())
            .map(|d| Ok((str_of(d, "code")?.to_string(), str_of(d, "region")?.to_string())))
            .collect()
    }

    /// The name in file names: `grand-est`, `bourgogne-franche-comte`, `ile-de-france`.
    ///
    /// ```
    /// # use ti_data::region::Region;
    /// let r = Region { code: "27".into(), name: "Bourgogne-Franche-Comté".into(), departements: vec![] };
    /// assert_eq!(r.slug(), "bourgogne-franche-comte");
    /// ```
    pub fn slug(&self) -> String {
        crate::official::normalize_name(&self.name).replace(' ', "-")
    }

    /// `territoires-<slug>.geojson`.
    pub fn territories_file(&self) -> String {
        format!("territoires-{}.geojson", self.slug())
    }

    /// `contexte-<slug>.geojson`.
    pub fn context_file(&self) -> String {
        format!("contexte-{}.geojson", self.slug())
    }

    /// `communes-<slug>.csv` ([`crate::directory`]).
    pub fn communes_file(&self) -> String {
        format!("communes-{}.csv", self.slug())
    }
}

/// The département of a commune code: its first two characters, three overseas (`97105` → `971`).
pub fn departement_of(insee: &str) -> &str {
    let n = if insee.starts_with("97") { 3 } else { 2 };
    insee.get(..n).unwrap_or(insee)
}

/// The latitude the local metric projection of a region is taken at: the latitude of the
/// centroid of its communes, to a tenth of a degree (48.7 for the Grand Est), so that a
/// tolerance in metres means metres in Corsica or overseas as in the north-east.
pub fn reference_latitude<'a>(parts: impl IntoIterator<Item = &'a MultiPolygon<f64>>) -> Option<f64> {
    let (mut sum, mut area) = (0.0, 0.0);
    for mp in parts {
        let a = mp.unsigned_area();
        if let Some(c) = mp.centroid() {
            sum += c.y() * a;
            area += a;
        }
    }
    (area > 0.0).then(|| (sum / area * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn reference_latitude_weighs_parts_by_area() {
        let big = MultiPolygon::new(vec![
            polygon![(x: 0.0, y: 48.0), (x: 2.0, y: 48.0), (x: 2.0, y: 49.0), (x: 0.0, y: 49.0)],
        ]);
        let small = MultiPolygon::new(vec![polygon![(x: 0.0, y: 40.0), (x: 0.1, y: 40.0), (x: 0.1, y: 40.1)]]);
        assert_eq!(reference_latitude([&big, &small]), Some(48.5));
        assert_eq!(reference_latitude([]), None);
    }

    #[test]
    fn overseas_communes_belong_by_their_three_digit_departement() {
        let r = Region { code: "01".into(), name: "Guadeloupe".into(), departements: vec!["971".into()] };
        assert!(r.holds_commune("97105") && !r.holds_commune("97209"));
    }
}
