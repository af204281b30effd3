//! The region's communes and their territory, for the pages that answer "is my commune in a
//! Territoire d'industrie?": every current commune (decoupage 2026) with its département, its
//! postcodes and the territories the perimeters put it in, then every former commune (merged
//! since, or delegated or associated) with the current commune it is part of and its own
//! territory. Written as `data/communes-grand-est.csv`; the pre-render lists communes from it.
//! Works on INSEE codes only.

use crate::composition::Composition;
use crate::membership::Membership;
use crate::sources::Sources;
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};

/// The file's name in `data/`.
pub const FILE: &str = "communes-grand-est.csv";

/// The columns, in order.
pub const HEADER: [&str; 7] =
    ["insee", "nom", "departement", "nom_departement", "codes_postaux", "territoires", "commune_actuelle"];

/// The CSV text: a header, then one row per commune, current and former, by INSEE code.
/// `territoires` lists territory ids separated by spaces (empty: in none); `commune_actuelle` is
/// empty on a current commune's row.
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
    let mut rows: BTreeMap<String, [String; 7]> = BTreeMap::new();
    let joined = |ids: Option<&BTreeSet<String>>| ids.map(|s| s.iter().cloned().collect::<Vec<_>>().join(" "));
    for (code, (dep, postcodes)) in &src.postal {
        let name = src.current_names.get(code).cloned().unwrap_or_default();
        let dep_name = src.departement_names.get(dep).cloned().unwrap_or_default();
        let ids = joined(of_now.get(code)).unwrap_or_default();
        rows.insert(code.clone(), [code.clone(), name, dep.clone(), dep_name, postcodes.join(" "), ids, String::new()]);
    }
    for (old, (name, now)) in former {
        let Some(row) = rows.get(&now).cloned() else { continue };
        let ids = joined(of_old.get(&old)).unwrap_or_else(|| row[5].clone());
        rows.insert(old.clone(), [old, name, row[2].clone(), row[3].clone(), row[4].clone(), ids, now]);
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(HEADER)?;
    for row in rows.values() {
        w.write_record(row)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
