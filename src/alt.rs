//! The text alternative to the map (RGAA 1.6): the territories as rows that can be searched by
//! name and filtered by status, and the same rows as CSV. No DOM here; `web::list` draws it.

use crate::model::Dataset;
use crate::scene::sort_key;
use crate::text::Strings;

/// Indices of the territories whose name contains `query` (ignoring case and accents) and whose
/// status is `status` (any when `None`), in list order: by name.
///
/// ```
/// # let json = r#"{"type":"FeatureCollection","features":[
/// #  {"type":"Feature","properties":{"id":"v","name":"Vosges","status":"a"},"geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}},
/// #  {"type":"Feature","properties":{"id":"e","name":"Épernay","status":"b"},"geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,48]]]}}]}"#;
/// let data = territoires_map::load::territories(json.as_bytes()).unwrap().data;
/// assert_eq!(territoires_map::alt::matching(&data, "eper", None), vec![1]);
/// assert_eq!(territoires_map::alt::matching(&data, "", Some(0)), vec![0]);
/// ```
pub fn matching(data: &Dataset, query: &str, status: Option<usize>) -> Vec<usize> {
    let q = sort_key(query.trim());
    let keys: Vec<String> = data.territories.iter().map(|t| sort_key(&t.name)).collect();
    let mut rows: Vec<usize> = (0..data.territories.len())
        .filter(|&i| status.is_none_or(|s| data.territories[i].status == s) && holds(&keys[i], &q))
        .collect();
    crate::rank::sort(&mut rows, &|a, b| keys[a].cmp(&keys[b]));
    rows
}

/// Whether `text` holds `part`, compared byte by byte: for UTF-8 text, the same answer as
/// `str::contains`, whose searcher brought a string index's panic message, and with it
/// Unicode's tables, into the small module (docs/performance.md, « Le petit module, pas à pas »).
fn holds(text: &str, part: &str) -> bool {
    part.is_empty() || text.as_bytes().windows(part.len()).any(|w| w == part.as_bytes())
}

/// One CSV cell: quoted when needed (RFC 4180), and defused when a spreadsheet would read it as a
/// formula (a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front).
fn cell(s: &str) -> String {
    let defused = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if defused.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The rows `rows` as CSV with a header line: id, name, status, date, place, projects, EPCIs,
/// perimeter confidence. Lines end with CRLF, as RFC 4180 says.
pub fn csv(data: &Dataset, rows: &[usize], s: &Strings) -> String {
    let mut out = String::new();
    let status = data.legend.name.as_deref().unwrap_or(s.status);
    let header = [s.csv_id, s.csv_name, status, s.date, s.place, s.projects, s.epci, s.perimeter];
    out.push_str(&header.map(cell).join(","));
    out.push_str("\r\n");
    for &i in rows {
        let Some(t) = data.territories.get(i) else { continue };
        let status = data.legend.statuses.get(t.status).map(|c| c.label.as_str()).unwrap_or("");
        let epci: Vec<&str> = t.epci.iter().map(|e| e.name.as_str()).collect();
        let confidence = t.confidence.map(|c| s.confidence_word(c)).unwrap_or("");
        let fields = [
            t.id.as_str(),
            t.name.as_str(),
            status,
            t.status_date.as_deref().unwrap_or(""),
            t.status_place.as_deref().unwrap_or(""),
            &t.projects.join(" | "),
            &epci.join(" | "),
            confidence,
        ];
        out.push_str(&fields.map(cell).join(","));
        out.push_str("\r\n");
    }
    out
}

/// The records of a CSV written by [`csv`] (or any RFC 4180 text with CRLF line ends) whose
/// place among the rows passes `keep` (0 for the first row under the header), with the header:
/// the small module takes a filtered list's CSV from the whole one the page holds rather than
/// writing it again. A line break inside quotes stays inside its record.
///
/// ```
/// use territoires_map::alt::records;
/// let all = "id,name\r\na,\"one\r\ntwo\"\r\nb,three\r\n";
/// assert_eq!(records(all, |k| k == 1), "id,name\r\nb,three\r\n");
/// assert_eq!(records(all, |k| k == 0), "id,name\r\na,\"one\r\ntwo\"\r\n");
/// ```
pub fn records(all: &str, keep: impl Fn(usize) -> bool) -> String {
    let mut out = String::new();
    let (mut start, mut quoted, mut row) = (0, false, None::<usize>);
    let bytes = all.as_bytes();
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted && k.checked_sub(1).and_then(|j| bytes.get(j)) == Some(&b'\r') => {
                // `start..=k` is one record, CRLF included; `None` is the header.
                if row.is_none_or(&keep) {
                    out.push_str(all.get(start..=k).unwrap_or(""));
                }
                row = Some(row.map_or(0, |r| r + 1));
                start = k + 1;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_as_contains_does() {
        for (text, part) in [
            ("épinal", "pin"),
            ("épinal", "é"),
            ("épinal", ""),
            ("", ""),
            ("", "a"),
            ("ab", "abc"),
            ("œuilly", "uil"),
            ("saint-dié", "dié"),
        ] {
            assert_eq!(holds(text, part), text.contains(part), "{text} / {part}");
        }
    }
    use crate::load;
    use crate::text::FR;

    fn data() -> Dataset {
        let json = r#"{"type":"FeatureCollection","legend":{"statuses":[{"id":"a","label":"Signé"},{"id":"b","label":"Pas signé"}]},"features":[
          {"type":"Feature","properties":{"id":"v","name":"Vosges","status":"a","projects":["Hydrogène, stockage"],"perimeter_confidence":"low"},"geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}},
          {"type":"Feature","properties":{"id":"x","name":"=HYPERLINK(\"http://x\")","status":"b"},"geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,48]]]}},
          {"type":"Feature","properties":{"id":"e","name":"Épernay","status":"a","status_date":"2019-11-19"},"geometry":{"type":"Polygon","coordinates":[[[4,46],[5,46],[5,47],[4,46]]]}}]}"#;
        load::territories(json.as_bytes()).unwrap().data
    }

    #[test]
    fn search_ignores_case_and_accents_and_filter_keeps_a_status() {
        let d = data();
        assert_eq!(matching(&d, "", None), vec![1, 2, 0], "by name: '=' sorts first, then É with E");
        assert_eq!(matching(&d, "EPER", None), vec![2]);
        assert_eq!(matching(&d, "", Some(0)), vec![2, 0]);
        assert_eq!(matching(&d, "vos", Some(1)), Vec::<usize>::new());
    }

    #[test]
    fn the_records_kept_are_the_csv_of_those_rows() {
        let d = data();
        let all = matching(&d, "", None);
        let whole = format!("\u{feff}{}", csv(&d, &all, &FR));
        for shown in [vec![], vec![2], vec![1, 0], all.clone()] {
            let kept = records(&whole, |k| shown.contains(&all[k]));
            assert_eq!(kept, format!("\u{feff}{}", csv(&d, &shown, &FR)), "{shown:?}");
        }
    }

    #[test]
    fn a_record_ends_at_a_line_break_outside_quotes_only() {
        let all = "h\r\n\"a\r\nb\",\"\"\"\r\n\"\r\nc\r\n";
        assert_eq!(records(all, |k| k == 0), "h\r\n\"a\r\nb\",\"\"\"\r\n\"\r\n");
        assert_eq!(records(all, |k| k == 1), "h\r\nc\r\n");
        assert_eq!(records("h\nno crlf", |_| true), "", "no record without its CRLF");
        assert_eq!(records("", |_| true), "");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let d = data();
        let out = csv(&d, &matching(&d, "", None), &FR);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.len(), 5, "header, 3 rows, empty tail: {out}");
        assert!(lines[0].starts_with("id,Territoire,Statut"), "{}", lines[0]);
        assert_eq!(lines[1], "x,\"'=HYPERLINK(\"\"http://x\"\")\",Pas signé,,,,,");
        assert!(lines[2].starts_with("e,Épernay,Signé,2019-11-19,"));
        assert!(lines[3].contains("\"Hydrogène, stockage\"") && lines[3].ends_with(",faible"), "{}", lines[3]);
    }
}
