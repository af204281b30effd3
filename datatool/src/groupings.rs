//! The intercommunality companion of the State's list (data.gouv.fr's `liste-ti-grpt…csv`:
//! `id_ti, siren_groupement, lib_groupement`, and `lib_ti` when the file has it), read in place
//! of the commune list: each intercommunality becomes its member communes as the pinned
//! decoupage lists them (2026, else 2020 for an intercommunality dissolved since), so the rest of
//! the build sees commune rows as from the commune list.

use crate::official::OfficialRow;
use crate::sources::Epci;
use anyhow::{anyhow, bail, Context, Result};
use std::collections::BTreeMap;

/// One row of the intercommunality list.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupingRow {
    /// Line in the file (the header is line 1).
    pub line: u64,
    /// Territory id.
    pub id_ti: String,
    /// SIREN of the intercommunality.
    pub siren: String,
    /// Its name as the file gives it.
    pub name: String,
    /// Territory name, when the file has the column.
    pub lib_ti: Option<String>,
}

/// True when the header names the intercommunality list's column `siren_groupement`.
pub fn is_groupings(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').lines().next().unwrap_or_default();
    first.to_lowercase().contains("siren_groupement")
}

/// Parses the list as published or saved by a spreadsheet (`,` or `;`, quotes, a byte order
/// mark; `decode` has already turned Windows-1252 into text). A row without an id or whose
/// SIREN is not nine digits stops the reading with its line.
pub fn parse(text: &str) -> Result<Vec<GroupingRow>> {
    let text = text.trim_start_matches('\u{feff}');
    let (mut reader, headers) = crate::official::reader(text)?;
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| col(name).ok_or_else(|| anyhow!("intercommunality list: missing column {name}"));
    let (ct, cs, cn, cl) = (need("id_ti")?, need("siren_groupement")?, need("lib_groupement")?, col("lib_ti"));
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.context("intercommunality list")?;
        let line = crate::official::line_of(text, &rec);
        let get = |i: usize| rec.get(i).unwrap_or_default().to_string();
        let siren = get(cs);
        if siren.len() != 9 || !siren.bytes().all(|b| b.is_ascii_digit()) {
            bail!("intercommunality list, line {line}: {siren:?} is not a SIREN (nine digits)");
        }
        if get(ct).is_empty() {
            bail!("intercommunality list, line {line}: intercommunality {siren} has no id_ti");
        }
        let lib_ti = cl.map(get).filter(|l| !l.is_empty());
        rows.push(GroupingRow { line, id_ti: get(ct), siren, name: get(cn), lib_ti });
    }
    Ok(rows)
}

/// The communes of each intercommunality, as commune rows of its territory. `now` and `then`
/// are the 2026 and 2020 intercommunalities by SIREN, `names` the communes' names; a SIREN in
/// neither stops the build with its line. Returns the rows and a line for the build report.
pub fn communes(
    rows: &[GroupingRow],
    now: &BTreeMap<String, Epci>,
    then: &BTreeMap<String, Epci>,
    names: &BTreeMap<String, String>,
) -> Result<(Vec<OfficialRow>, String)> {
    let (mut out, mut old) = (Vec::new(), Vec::new());
    for r in rows {
        let epci = match (now.get(&r.siren), then.get(&r.siren)) {
            (Some(e), _) => e,
            (None, Some(e)) => {
                old.push(r.siren.as_str());
                e
            }
            (None, None) => bail!(
                "intercommunality list, line {}: {} {} is in neither the 2026 nor the 2020 decoupage",
                r.line,
                r.siren,
                r.name
            ),
        };
        out.extend(epci.members.iter().map(|code| OfficialRow {
            insee_com: code.clone(),
            lib_com: names.get(code).cloned().unwrap_or_default(),
            id_ti: r.id_ti.clone(),
            lib_ti: r.lib_ti.clone().unwrap_or_default(),
        }));
    }
    let mut note = format!(
        "intercommunality list: {} intercommunalities, {} commune rows from their decoupage 2026 members",
        rows.len(),
        out.len()
    );
    if !old.is_empty() {
        note.push_str(&format!(" (2020 members for {}, dissolved since)", old.join(", ")));
    }
    Ok((out, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn epci(name: &str, members: &[&str]) -> Epci {
        Epci { name: name.into(), members: members.iter().map(|m| m.to_string()).collect() }
    }

    #[test]
    fn reads_the_list_as_saved_and_expands_each_intercommunality() {
        let text = "\u{feff}id_ti;siren_groupement;lib_groupement\r\nti-4407;200041960;\"CA Ardenne Métropole\"\r\nti-4407;200000001;CC ancienne\r\n";
        assert!(is_groupings(text) && !is_groupings("insee_com,lib_com,id_ti,lib_ti\n"));
        let rows = parse(text).unwrap();
        assert_eq!(rows[0].name, "CA Ardenne Métropole");
        assert_eq!(rows[1].line, 3);
        let now = BTreeMap::from([("200041960".to_string(), epci("CA", &["08105", "08409"]))]);
        let then = BTreeMap::from([("200000001".to_string(), epci("CC", &["08001"]))]);
        let names = BTreeMap::from([("08105".to_string(), "Charleville-Mézières".to_string())]);
        let (communes, note) = super::communes(&rows, &now, &then, &names).unwrap();
        let got: Vec<(&str, &str, &str)> =
            communes.iter().map(|r| (r.insee_com.as_str(), r.lib_com.as_str(), r.id_ti.as_str())).collect();
        assert_eq!(
            got,
            [("08105", "Charleville-Mézières", "ti-4407"), ("08409", "", "ti-4407"), ("08001", "", "ti-4407")]
        );
        assert!(note.contains("2 intercommunalities, 3 commune rows") && note.contains("2020 members for 200000001"));
    }

    #[test]
    fn an_unusable_row_stops_the_reading_with_its_line() {
        let err = |text: &str| format!("{:#}", parse(text).unwrap_err());
        assert!(err("id_ti,siren_groupement,lib_groupement\nT1,20004196,CA\n")
            .contains("line 2: \"20004196\" is not a SIREN"));
        assert!(err("id_ti,siren_groupement,lib_groupement\n,200041960,CA\n")
            .contains("line 2: intercommunality 200041960 has no id_ti"));
        assert!(err("id_ti,siren,lib_groupement\n").contains("missing column siren_groupement"));
        let rows = parse("id_ti,siren_groupement,lib_groupement\nT1,999999999,Nowhere\n").unwrap();
        let e = super::communes(&rows, &BTreeMap::new(), &BTreeMap::new(), &BTreeMap::new()).unwrap_err();
        assert!(e.to_string().contains("line 2: 999999999 Nowhere is in neither the 2026 nor the 2020 decoupage"));
    }
}
