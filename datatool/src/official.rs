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

/// The text of the list as a file holds it: UTF-8 (with or without a byte order mark), else
/// Windows-1252, as spreadsheets on Windows save CSV.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// An `id_ti` as the composition's `ti_ids` write it, whatever the edition's spelling:
/// `ti-8418`, `TI8418` and `8418` are the same territory.
///
/// ```
/// use ti_data::official::same_id;
/// assert!(same_id("ti-8418", "TI8418") && same_id("8418", "ti-8418") && !same_id("TI4401", "TI4402"));
/// ```
pub fn same_id(a: &str, b: &str) -> bool {
    bare_id(a) == bare_id(b)
}

/// An `id_ti` without its prefix, in lower case: `ti-8418`, `TI8418` and `8418` are all `8418`.
pub(crate) fn bare_id(id: &str) -> String {
    let id = id.trim().to_ascii_lowercase();
    let id = id.strip_prefix("ti").unwrap_or(&id);
    id.trim_start_matches(['-', '_', ' ']).to_string()
}

/// A commune code as the State writes it: five characters, digits or Corsica's `2A`/`2B`; four
/// digits are a code whose leading zero a spreadsheet dropped.
fn insee_code(cell: &str) -> Option<String> {
    let code =
        if cell.len() == 4 && cell.bytes().all(|b| b.is_ascii_digit()) { format!("0{cell}") } else { cell.to_string() };
    let (head, tail) = code.split_at_checked(2)?;
    let head_ok =
        head.bytes().all(|b| b.is_ascii_digit()) || head.eq_ignore_ascii_case("2a") || head.eq_ignore_ascii_case("2b");
    (code.len() == 5 && head_ok && tail.bytes().all(|b| b.is_ascii_digit())).then(|| code.to_ascii_uppercase())
}

/// Parses the list as it is published and as spreadsheets save it: `,` or `;` (whichever the
/// header has more of), a byte order mark, INSEE codes that lost their leading zero, and `id_ti`
/// cells that list several territories separated by `;` (the commune is then in each, with the
/// `lib_ti` in the same place of its own list). A row that cannot be used stops the reading with
/// its line and why.
pub fn parse_official(text: &str) -> Result<Vec<OfficialRow>> {
    let text = text.trim_start_matches('\u{feff}');
    let (mut reader, headers) = reader(text)?;
    let col = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| anyhow!("official list: missing column {name}"))
    };
    let (ci, cl, ct, cn) = (col("insee_com")?, col("lib_com")?, col("id_ti")?, col("lib_ti")?);
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.context("official list")?;
        let line = line_of(text, &rec);
        let get = |i: usize| rec.get(i).unwrap_or_default().to_string();
        let Some(insee) = insee_code(&get(ci)) else {
            bail!("official list, line {line}: {:?} is not a commune code (insee_com)", get(ci));
        };
        let split = |cell: String| -> Vec<String> {
            cell.split(';').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
        };
        let (ids, names) = (split(get(ct)), split(get(cn)));
        if ids.is_empty() {
            bail!("official list, line {line}: commune {insee} has no id_ti");
        }
        if names.len() != ids.len() && names.len() > 1 {
            bail!("official list, line {line}: {} territories in id_ti but {} in lib_ti", ids.len(), names.len());
        }
        for (k, id) in ids.into_iter().enumerate() {
            let lib_ti = names.get(k).or(names.first()).cloned().unwrap_or_default();
            rows.push(OfficialRow { insee_com: insee.clone(), lib_com: get(cl), id_ti: id, lib_ti });
        }
    }
    Ok(rows)
}

/// A reader of a list of the State's as published and as spreadsheets save it (`text` without
/// its byte order mark): `,` or `;`, whichever the header line has more of, cells trimmed; and
/// the header's column names in lower case.
pub(crate) fn reader(text: &str) -> Result<(csv::Reader<&[u8]>, Vec<String>)> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers()?.iter().map(|h| h.to_lowercase()).collect();
    Ok((reader, headers))
}

/// The line a record starts on (the header is line 1). The csv crate's own count is one short
/// after each `\r\n` (BurntSushi/rust-csv#395, open): it stops on the terminator's `\r`, so a
/// record's byte offset may point at the `\n` ending the line before it, or at the blank lines
/// the reader skipped before the record: the record starts past them. Lines end as the reader
/// ends records: `\r\n`, `\n`, or a lone `\r` (old Mac files).
pub(crate) fn line_of(text: &str, rec: &csv::StringRecord) -> u64 {
    let Some(start) = rec.position().map(|p| p.byte() as usize) else { return 0 };
    let bytes = text.as_bytes();
    let rest = bytes.get(start..).unwrap_or_default();
    let start = start + rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
    let lone_cr = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    let upto = bytes.get(..start.min(bytes.len())).unwrap_or_default();
    1 + upto.iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && lone_cr(i))).count() as u64
}

/// Reads the list from a file (see [`decode`] and [`parse_official`]).
pub fn read_official(path: &Path) -> Result<Vec<OfficialRow>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    parse_official(&decode(&bytes)).with_context(|| format!("in {}", path.display()))
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

/// True when territory `t` answers to the row: its `ti_ids` hold the row's `id_ti` (spelt with or
/// without its `ti-` or `TI` prefix: [`same_id`]), or its
/// `ti_label` or one of its `aliases` is the row's `lib_ti` (without accents, case or punctuation).
/// The press-release `name` is not matched: a table label must be written down to count.
pub fn answers_to(t: &Territory, row: &OfficialRow) -> bool {
    let n = normalize_name(&row.lib_ti);
    t.ti_ids.iter().any(|i| same_id(i, &row.id_ti))
        || t.ti_label.iter().chain(&t.aliases).any(|a| normalize_name(a) == n)
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
    fn reads_the_published_edition_as_spreadsheets_save_it() {
        // data.gouv.fr's 2023-2027 list: `ti-` ids, several territories in a cell, Windows-1252.
        let file = "insee_com;lib_com;id_ti;lib_ti\r\n2A004;Ajaccio;ti-9401;Ajaccio\r\n\
                    1053;Bourg-en-Bresse;\"ti-8418 ; ti-8419\";\"Bourg ; Bresse\"\r\n88160;\u{c9}pinal;TI4415;Vosges\r\n";
        // Each character one byte, as Windows-1252 writes these (É is 0xC9).
        let bytes: Vec<u8> = file.chars().map(|c| c as u32 as u8).collect();
        let rows = parse_official(&decode(&bytes)).unwrap();
        let got: Vec<(&str, &str, &str)> =
            rows.iter().map(|r| (r.insee_com.as_str(), r.id_ti.as_str(), r.lib_ti.as_str())).collect();
        assert_eq!(
            got,
            [
                ("2A004", "ti-9401", "Ajaccio"),
                ("01053", "ti-8418", "Bourg"),
                ("01053", "ti-8419", "Bresse"),
                ("88160", "TI4415", "Vosges")
            ]
        );
        assert_eq!(rows[3].lib_com, "Épinal", "Windows-1252 decoded");
        let utf8 = "\u{feff}insee_com,lib_com,id_ti,lib_ti\n88160,Épinal,TI4415 ; TI4414,Vosges\n";
        let rows = parse_official(&decode(utf8.as_bytes())).unwrap();
        let got = (rows[0].lib_com.as_str(), rows.len(), rows[1].lib_ti.as_str());
        assert_eq!(got, ("Épinal", 2, "Vosges"), "one name for both territories");
    }

    #[test]
    fn an_unusable_row_stops_the_reading_with_its_line() {
        let err = |text: &str| format!("{:#}", parse_official(text).unwrap_err());
        assert!(err("insee_com,lib_com,id_ti,lib_ti\n88160,A,T1,X\n881,B,T1,X\n")
            .contains("line 3: \"881\" is not a commune code"));
        assert!(err("insee_com,lib_com,id_ti,lib_ti\n88160,A,,X\n").contains("line 2: commune 88160 has no id_ti"));
        assert!(err("insee_com,lib_com,id_ti,lib_ti\n88160,A,T1 ; T2,X ; Y ; Z\n")
            .contains("line 2: 2 territories in id_ti but 3 in lib_ti"));
        assert!(
            err("insee_com;lib_com;id_ti;lib_ti\n88160;A;T1;X;extra\n").contains("line: 2"),
            "the csv reader says where"
        );
    }

    #[test]
    fn lines_are_counted_alike_in_files_saved_with_crlf() {
        let err = |text: &str| format!("{:#}", parse_official(text).unwrap_err());
        assert!(err("insee_com;lib_com;id_ti;lib_ti\r\n88160;A;T1;X\r\n881;B;T1;X\r\n").contains("line 3:"));
        assert!(err("insee_com;lib_com;id_ti;lib_ti\r\n88160;\"A\r\nB\";T1;X\r\n881;B;T1;X\r\n").contains("line 4:"));
    }

    #[test]
    fn lines_ended_by_a_lone_carriage_return_are_counted() {
        // Old Mac line ends: the csv reader ends records on a lone \r, so the count must too.
        let err = |text: &str| format!("{:#}", parse_official(text).unwrap_err());
        assert!(err("insee_com;lib_com;id_ti;lib_ti\r88160;A;T1;X\r881;B;T1;X\r").contains("line 3:"));
        let e = err("insee_com;lib_com;id_ti;lib_ti\r\n88160;A;T1;X\r\r\n881;B;T1;X\r");
        assert!(e.contains("line 4:"), "{e}");
    }

    #[test]
    fn blank_lines_before_a_row_are_counted() {
        let err = |text: &str| format!("{:#}", parse_official(text).unwrap_err());
        let e = err("insee_com,lib_com,id_ti,lib_ti\n88160,A,T1,X\n\n\n881,B,T1,X\n");
        assert!(e.contains("line 5:"), "{e}");
        let e = err("insee_com,lib_com,id_ti,lib_ti\r\n88160,A,T1,X\r\n\r\n\r\n881,B,T1,X\r\n");
        assert!(e.contains("line 5:"), "{e}");
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
