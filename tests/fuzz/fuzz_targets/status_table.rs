//! Fuzz target: any bytes as the status table a host gives (`statuses`, `?statuts=`), taking the
//! path a user's file takes in the page (`web/loading/download.rs`): `load::sheet` with the map's
//! mapping, its error worded as the page words it (`Failure::StatusesUnusable`); else the sheet
//! joined to the real Grand Est map (`data/territoires-grand-est.geojson`) by
//! `load::territories_with`, and every problem worded. Done in French and in English (the
//! language picks the legend labels a status cell may name).
//!
//! Never a panic; every error and problem must format; the map must load with its 15 territories
//! and their ids whatever the table; a problem's line must be one of the file's; a row's link
//! must be an http(s) address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use std::sync::OnceLock;
use territoires_map::load::{self, Failure, Sheet};
use territoires_map::text::{EN, FR};

/// The map the page shows by default, as committed.
const MAP: &[u8] = include_bytes!("../../../data/territoires-grand-est.geojson");

/// The map as the join sees it, made once from the committed one: its legend, programme, ids,
/// names, statuses, dates, places, projects and sources as they are; each outline replaced by a
/// small square at the territory's label point, and the long notes the join never reads
/// (`perimeter_note`, `epci`, `population_vintage`) left out. Reading the whole 120 KB file again
/// for every input made the fuzzer some ten times slower. Also the territory ids, read from it
/// without a table, and checked to be the committed map's.
fn map() -> &'static (Vec<u8>, Vec<String>) {
    static MAP_AND_IDS: OnceLock<(Vec<u8>, Vec<String>)> = OnceLock::new();
    MAP_AND_IDS.get_or_init(|| {
        let mut json: serde_json::Value = serde_json::from_slice(MAP).expect("the committed map is JSON");
        for f in json["features"].as_array_mut().expect("features") {
            let at = &f["properties"]["label_point"];
            let (x, y) = (at[0].as_f64().expect("label_point"), at[1].as_f64().expect("label_point"));
            let (x1, y1) = (x + 0.01, y + 0.01);
            if let Some(p) = f["properties"].as_object_mut() {
                for long in ["perimeter_note", "epci", "population_vintage"] {
                    p.remove(long);
                }
            }
            f["geometry"] =
                serde_json::json!({"type": "Polygon", "coordinates": [[[x, y], [x1, y], [x1, y1], [x, y1], [x, y]]]});
        }
        let bytes = serde_json::to_vec(&json).expect("written");
        let full = load::territories(MAP).expect("the committed Grand Est map loads");
        let light = load::territories(&bytes).expect("the light map loads");
        let ids: Vec<String> = light.data.territories.iter().map(|t| t.id.clone()).collect();
        let full_ids: Vec<&str> = full.data.territories.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, full_ids, "the light map has the same territories");
        assert!(light.problems.is_empty(), "{:?}", light.problems);
        let same = |a: &load::Loaded<_>| {
            let d: &territoires_map::model::Dataset = &a.data;
            let t: Vec<_> = d.territories.iter().map(|t| (&t.name, &t.status, &t.status_date, &t.projects)).collect();
            format!("{:?} {t:?}", d.legend)
        };
        assert_eq!(same(&light), same(&full), "the light map has the same legend, names and statuses");
        (bytes, ids)
    })
}

/// A sheet's rows come in order, each on a line past the header's (line 1), and each problem names
/// a line of the file. Lines end as the CSV reader ends records: `\r\n`, `\n` or a lone `\r`.
fn check_lines(data: &[u8], sheet: &Sheet) {
    let utf16 = sheet.encoding == Some(load::Encoding::Utf16);
    let last = territoires_map_fuzz::last_line(data);
    for w in sheet.rows.windows(2) {
        assert!(w[0].line < w[1].line, "rows out of order: {} then {}", w[0].line, w[1].line);
    }
    for p in &sheet.problems {
        assert!(p.line >= 1 && (utf16 || p.line <= last), "problem on line {} of {last}: {p:?}", p.line);
    }
    for r in &sheet.rows {
        assert!(r.line >= 2 && (utf16 || r.line <= last), "row on line {} of {last}", r.line);
        assert!(!r.id.is_empty());
        if let Some(url) = r.link.as_ref().and_then(|l| l.url.as_deref()) {
            let lower = url.to_ascii_lowercase();
            assert!(lower.starts_with("https://") || lower.starts_with("http://"), "link {url:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (map, ids) = map();
    // The map's language: the page's (FR or EN) picks the legend labels a status cell may name.
    // One per input, by its length, to read the map once; both word every message.
    let mapping = [&FR, &EN][data.len() % 2].mapping();
    let mut sink = String::new();
    let sheet = match load::sheet(data, &mapping) {
        Ok(sheet) => sheet,
        Err(error) => {
            let _ = write!(sink, "{error} {error:?}");
            let failure = Failure::StatusesUnusable { url: "statuts.csv".into(), error };
            for strings in [&FR, &EN] {
                sink.push_str(&strings.failure(&failure));
            }
            std::hint::black_box(&sink);
            return;
        }
    };
    check_lines(data, &sheet);
    for p in &sheet.problems {
        let _ = write!(sink, "{p}");
    }
    let loaded = match load::territories_with(map, &mapping, Some(&sheet)) {
        Ok(loaded) => loaded,
        Err(e) => panic!("the Grand Est map loads without a table; with one it failed: {e}"),
    };
    let got: Vec<&str> = loaded.data.territories.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(got, ids.iter().map(String::as_str).collect::<Vec<_>>(), "a table changed the territories");
    assert!(loaded.problems.is_empty(), "a table made the map's own problems: {:?}", loaded.problems);
    for strings in [&FR, &EN] {
        for p in &loaded.sheet_problems {
            sink.push_str(&strings.sheet_problem(p));
        }
    }
    for p in &loaded.sheet_problems {
        let _ = write!(sink, "{p}");
    }
    std::hint::black_box(&sink);
});
