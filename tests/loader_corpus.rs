//! Every file of the bad-input corpus (`tests/fixtures/*.geojson`, plus the big files generated
//! here into `tests/fixtures/generated/`) goes through `load::territories` and must end in the
//! outcome written for it in `tests/fixtures/expected.tsv`, the one table the browser test
//! (`tests/browser/corpus.test.mjs`) reads too. Columns, tab-separated:
//!
//! - `file`: path under `tests/fixtures/`;
//! - `state`: `ready` or `error`, as `#carte[data-state]` ends;
//! - `count`: territories drawn (`ready`), or `-`;
//! - `kinds`: `ready`: the exact set of `ProblemKind` variants reported, comma-separated, or `-`;
//!   `error`: the `LoadError` variant, or `HTTP` for an HTTP error the loader never sees (those
//!   rows are checked in the browser only: 404 from a missing file, 500 answered by the test);
//! - `says`: `|`-separated bits of text the message (error) or the warnings (ready) must contain.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use territoires_map::load::{self, limits, LoadError};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One row of `expected.tsv`.
struct Row {
    file: String,
    state: String,
    count: Option<usize>,
    kinds: BTreeSet<String>,
    says: Vec<String>,
}

impl Row {
    fn is_http(&self) -> bool {
        self.kinds.contains("HTTP")
    }
}

fn table() -> Vec<Row> {
    let text = std::fs::read_to_string(fixtures().join("expected.tsv")).expect("expected.tsv");
    let mut rows = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "expected.tsv: 5 tab-separated columns in {line:?}");
        let list = |s: &str, sep: char| -> Vec<String> {
            if s == "-" {
                Vec::new()
            } else {
                s.split(sep).map(|x| x.trim().to_string()).collect()
            }
        };
        rows.push(Row {
            file: cols[0].to_string(),
            state: cols[1].to_string(),
            count: cols[2].parse().ok(),
            kinds: list(cols[3], ',').into_iter().collect(),
            says: list(cols[4], '|'),
        });
    }
    rows
}

/// The variant name of an enum value, from its `Debug` form.
fn variant(debug: String) -> String {
    debug.chars().take_while(|c| c.is_alphanumeric()).collect()
}

/// Square ring `[x, y]` of side `d`, as JSON.
fn square(x: f64, y: f64, d: f64) -> String {
    format!("[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]", x + d, x + d, y + d, y + d)
}

/// `n` small square territories on a grid over Brittany.
fn many_features(n: usize) -> Vec<u8> {
    let mut s = String::from(r#"{"type":"FeatureCollection","features":["#);
    for i in 0..n {
        let (x, y) = (-5.0 + (i % 200) as f64 * 0.02, 47.0 + (i / 200) as f64 * 0.02);
        let sep = if i == 0 { "" } else { ",\n" };
        let _ = write!(
            s,
            r#"{sep}{{"type":"Feature","properties":{{"id":"t{i}","name":"Territoire {i}","status":"s{}"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#,
            i % 3,
            square(x, y, 0.015)
        );
    }
    s.push_str("]}\n");
    s.into_bytes()
}

/// `features` features, each one polygon of `vertices` positions on a circle (closed).
fn big_polygons(features: usize, vertices: usize) -> Vec<u8> {
    let mut s = String::from(r#"{"type":"FeatureCollection","features":["#);
    for f in 0..features {
        let sep = if f == 0 { "" } else { ",\n" };
        let _ = write!(
            s,
            r#"{sep}{{"type":"Feature","properties":{{"id":"p{f}","name":"Polygone {f}","status":"s"}},"geometry":{{"type":"Polygon","coordinates":[["#
        );
        let (cx, cy) = (-3.0 + f as f64, 48.0);
        for i in 0..vertices {
            let a = if i + 1 == vertices { 0.0 } else { i as f64 / (vertices - 1) as f64 * std::f64::consts::TAU };
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(s, "{sep}[{:.6},{:.6}]", cx + 0.4 * a.cos(), cy + 0.3 * a.sin());
        }
        s.push_str("]]}}");
    }
    s.push_str("]}\n");
    s.into_bytes()
}

/// The big files: made here rather than committed, and written to `tests/fixtures/generated/`
/// (git-ignored) so that the browser test serves the very same bytes.
fn generated(name: &str) -> Option<Vec<u8>> {
    Some(match name {
        "generated/big-polygon-400000-vertices.geojson" => big_polygons(1, 400_000),
        "generated/big-20000-features.geojson" => many_features(20_000),
        "generated/limit-50001-features.geojson" => many_features(limits::MAX_FEATURES + 1),
        "generated/limit-2000001-vertices.geojson" => big_polygons(5, 400_001),
        "generated/limit-too-large.geojson" => {
            let mut b = many_features(1);
            b.resize(limits::MAX_FILE_BYTES + 1, b' ');
            b
        }
        _ => return None,
    })
}

fn bytes_of(file: &str) -> Vec<u8> {
    if let Some(b) = generated(file) {
        let path = fixtures().join(file);
        let _ = std::fs::create_dir_all(path.parent().unwrap());
        if std::fs::read(&path).map(|old| old != b).unwrap_or(true) {
            std::fs::write(&path, &b).unwrap();
        }
        return b;
    }
    std::fs::read(fixtures().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What happened to one file, checked against its row; `Err` says how it differs.
fn check(row: &Row) -> Result<(), String> {
    let bytes = bytes_of(&row.file);
    let (state, count, kinds, text) = match load::territories(&bytes) {
        Ok(l) => {
            let kinds = l.problems.iter().map(|p| variant(format!("{:?}", p.kind))).collect::<BTreeSet<_>>();
            // The page lists the first 50 problems: what must be said must be among them.
            let text = l.problems.iter().take(50).map(|p| format!("{p}\n")).collect::<String>();
            ("ready", Some(l.data.territories.len()), kinds, text)
        }
        Err(e) => ("error", None, BTreeSet::from([variant(format!("{e:?}"))]), e.to_string()),
    };
    let mut diff = Vec::new();
    if state != row.state || count != row.count || kinds != row.kinds {
        diff.push(format!(
            "got {state}\t{}\t{}",
            count.map_or("-".into(), |c| c.to_string()),
            if kinds.is_empty() { "-".into() } else { kinds.into_iter().collect::<Vec<_>>().join(",") }
        ));
    }
    for s in row.says.iter().filter(|s| !text.contains(s.as_str())) {
        diff.push(format!("does not say {s:?}"));
    }
    if diff.is_empty() {
        Ok(())
    } else {
        Err(format!("{}: {}\n  message: {text}", row.file, diff.join("; ")))
    }
}

#[test]
fn every_fixture_ends_in_its_documented_outcome() {
    let rows = table();
    let mut failures = Vec::new();
    for row in rows.iter().filter(|r| !r.is_http()) {
        if let Err(e) = check(row) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures differ:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

#[test]
fn every_fixture_file_has_a_row_and_every_row_a_file() {
    let rows = table();
    let listed: BTreeSet<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".geojson") {
            on_disk.insert(name);
        }
    }
    let missing: Vec<_> = on_disk.iter().filter(|f| !listed.contains(f.as_str())).collect();
    assert!(missing.is_empty(), "fixtures without a row in expected.tsv: {missing:?}");
    for r in &rows {
        assert!(
            r.file.starts_with("generated/") && generated(&r.file).is_some()
                || on_disk.contains(&r.file) != r.is_http(),
            "expected.tsv names {}: no such file, or an HTTP row whose file exists",
            r.file
        );
    }
    assert!(rows.len() >= 30, "the corpus has at least 30 files ({})", rows.len());
}

/// Time to load, best of 3 (the first run also warms the allocator).
fn load_time(bytes: &[u8]) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let r = load::territories(bytes);
            let d = t.elapsed();
            assert!(r.is_ok(), "{:?}", r.err().map(|e| e.to_string()));
            d
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn big_files_load_quickly() {
    // Debug builds are ~10× slower than release; the bound is for release (`cargo test --release`).
    let bound = if cfg!(debug_assertions) { Duration::from_secs(10) } else { Duration::from_secs(1) };
    for name in ["generated/big-polygon-400000-vertices.geojson", "generated/big-20000-features.geojson"] {
        let bytes = generated(name).unwrap();
        let took = load_time(&bytes);
        println!("{name}: {} bytes loaded in {took:?}", bytes.len());
        assert!(took < bound, "{name} took {took:?}");
    }
}

#[test]
fn limit_errors_name_the_limit_and_the_value_found() {
    let e = load::territories(&generated("generated/limit-50001-features.geojson").unwrap()).unwrap_err();
    assert_eq!(e, LoadError::TooManyFeatures { found: 50_001, max: 50_000 });
    assert!(e.to_string().contains("50 001") && e.to_string().contains("50 000"), "{e}");
}

/// The most memory a file within the limits can take: 50 Mo of small numbers in a property (not
/// bounded by the vertex limit). Run alone to read the peak: `/usr/bin/time -v cargo test --release
/// --test loader_corpus worst_case_memory -- --ignored` (figure in `tests/fuzz/README.md`).
#[test]
#[ignore]
fn worst_case_memory() {
    let head = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"A","status":"s","filler":["#;
    let tail = format!(r#"0]}},"geometry":{{"type":"Polygon","coordinates":{}}}}}]}}"#, square(5.0, 48.0, 0.1));
    let mut s = String::with_capacity(limits::MAX_FILE_BYTES);
    s.push_str(head);
    while s.len() + tail.len() + 2 < limits::MAX_FILE_BYTES {
        s.push_str("0,");
    }
    s.push_str(&tail);
    let t = Instant::now();
    let loaded = load::territories(s.as_bytes());
    println!(
        "{} bytes of numbers: {:?} in {:?}",
        s.len(),
        loaded.as_ref().map(|l| l.data.territories.len()),
        t.elapsed()
    );
    assert!(loaded.is_ok());
}
