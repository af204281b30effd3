//! Reader for a commune table of Territoires d'industrie (columns `insee_com, lib_com, id_ti,
//! lib_ti`): the committed State table of October 2020 (`data/ti-grand-est-communes-2020.csv`),
//! or another edition such as data.gouv.fr's "programme-territoires-dindustrie"; and explicit
//! matching of its territories to the composition's.

use crate::composition::Territory;
use anyhow::{anyhow, bail, Context, Result};
use std::path::Path;

/// One row of the official list.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficialRow {
    /// Commune INSEE code (5 characters).
    pub insee_com: String,
    /// Commune name.
    pub lib_com: String,
    /// Territory id.
    pub id_ti: String,
    /// Territory name.
    pub lib_ti: String,
}

/// Parses the list. Accepts `,` or `;` separators, a UTF-8 BOM, and INSEE codes that lost
/// their leading zero in a spreadsheet.
pub fn parse_official(text: &str) -> Result<Vec<OfficialRow>> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers()?.iter().map(|h| h.to_lowercase()).collect();
    let col = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| anyhow!("official list: missing column {name}"))
    };
    let (ci, cl, ct, cn) = (col("insee_com")?, col("lib_com")?, col("id_ti")?, col("lib_ti")?);
    let mut rows = Vec::new();
    for (n, rec) in reader.records().enumerate() {
        let rec = rec.with_context(|| format!("official list, record {}", n + 1))?;
        let get = |i: usize| rec.get(i).unwrap_or_default().to_string();
        let mut insee = get(ci);
        if insee.len() == 4 && insee.chars().all(|c| c.is_ascii_digit()) {
            insee.insert(0, '0');
        }
        if insee.len() != 5 {
            bail!("official list, record {}: bad insee_com {insee:?}", n + 1);
        }
        rows.push(OfficialRow { insee_com: insee, lib_com: get(cl), id_ti: get(ct), lib_ti: get(cn) });
    }
    Ok(rows)
}

/// Reads the list from a file.
pub fn read_official(path: &Path) -> Result<Vec<OfficialRow>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_official(&text).with_context(|| format!("in {}", path.display()))
}

/// Lower-case, accent-free, punctuation-free form of a name, for matching.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when territory `t` answers to the row: its `ti_ids` hold the row's `id_ti`, or its
/// `ti_label` or one of its `aliases` is the row's `lib_ti` (without accents, case or punctuation).
/// The press-release `name` is not matched: a table label must be written down to count.
pub fn answers_to(t: &Territory, row: &OfficialRow) -> bool {
    let n = normalize_name(&row.lib_ti);
    t.ti_ids.iter().any(|i| i == &row.id_ti) || t.ti_label.iter().chain(&t.aliases).any(|a| normalize_name(a) == n)
}

/// Index of the one territory that a row belongs to; an error naming the table's label when no
/// territory, or more than one, answers to it.
pub fn match_territory(row: &OfficialRow, territories: &[Territory]) -> Result<usize> {
    let hits: Vec<usize> = (0..territories.len()).filter(|&i| answers_to(&territories[i], row)).collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => bail!(
            "commune table: territory {:?} ({}) matches no territory of the composition; write it as the `ti_label` of one",
            row.lib_ti,
            row.id_ti
        ),
        many => bail!(
            "commune table: territory {:?} ({}) matches several territories of the composition: {}",
            row.lib_ti,
            row.id_ti,
            many.iter().map(|&i| territories[i].id.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_semicolons_bom_and_lost_zero() {
        let rows =
            parse_official("\u{feff}insee_com;lib_com;id_ti;lib_ti\n8105;Charleville;TI1;Nord Est Ardennes\n").unwrap();
        assert_eq!(rows[0].insee_com, "08105");
        assert_eq!(rows[0].lib_ti, "Nord Est Ardennes");
    }

    #[test]
    fn rejects_missing_column() {
        assert!(parse_official("insee_com,lib_com,lib_ti\n08105,a,b\n").is_err());
    }

    #[test]
    fn normalizes_names() {
        assert_eq!(normalize_name("Troyes – Bar-sur-Aube"), "troyes bar sur aube");
        assert_eq!(normalize_name("ÉPERNAY"), normalize_name("epernay"));
    }
}
