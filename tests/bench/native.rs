//! Native benchmarks of the viewer's core (`make bench`, or `cargo bench --bench native`):
//! parse (`load::territories`), project + scene (`Scene::build`) and hit-test (`Scene::hit`),
//! next to a raw `serde_json::from_slice::<serde_json::Value>` of the same bytes, the floor any
//! serde_json-based loader stands on. A plain timing loop with `std::time::Instant` and medians
//! (no criterion: it would weigh on every `cargo test` build).
//!
//! Built with the release profile (`opt-level = "z"`, LTO), the one the WebAssembly module ships
//! with, natively: figures for the code, not for the wasm engine.
//!
//! Files: data/territoires-grand-est.geojson, and target/bench/communes-france.geojson when
//! present (`ti-data communes`). Prints a table and writes target/bench/native.json, which
//! tests/bench/run.mjs folds into the table of `make bench`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use territoires_map::coords::Projected;
use territoires_map::load;
use territoires_map::scene::Scene;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

/// Median of `f`'s run time in ms over at least `min_runs` runs and about `budget`.
fn time_ms<T>(min_runs: usize, budget: Duration, mut f: impl FnMut() -> T) -> (f64, usize) {
    let start = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < min_runs || (start.elapsed() < budget && samples.len() < 1000) {
        let t = Instant::now();
        black_box(f());
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let n = samples.len();
    (median(samples), n)
}

struct Row {
    file: String,
    bytes: usize,
    features: usize,
    raw_ms: f64,
    parse_ms: f64,
    scene_ms: f64,
    hit_us: f64,
    runs: usize,
}

fn bench(path: &Path, min_runs: usize, budget: Duration) -> Row {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (raw_ms, runs) = time_ms(min_runs, budget, || serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
    let (parse_ms, _) = time_ms(min_runs, budget, || load::territories(&bytes).unwrap());
    let data = load::territories(&bytes).unwrap().data;
    let (scene_ms, _) = time_ms(min_runs, budget, || Scene::build(&data, None));
    let scene = Scene::build(&data, None);
    // Pointer positions: a 64 × 64 grid over the bounds (inside, between and outside shapes).
    let b = scene.bounds;
    let points: Vec<Projected> = (0..64 * 64)
        .map(|i| Projected {
            x: b.min.x + (b.max.x - b.min.x) * ((i % 64) as f64 + 0.5) / 64.0,
            y: b.min.y + (b.max.y - b.min.y) * ((i / 64) as f64 + 0.5) / 64.0,
        })
        .collect();
    let (grid_ms, _) = time_ms(5, budget, || points.iter().filter_map(|&p| scene.hit(p)).count());
    Row {
        file: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: bytes.len(),
        features: data.territories.len(),
        raw_ms,
        parse_ms,
        scene_ms,
        hit_us: grid_ms * 1e3 / points.len() as f64,
        runs,
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![(root.join("data/territoires-grand-est.geojson"), 30, Duration::from_secs(3))];
    let communes = std::env::var_os("TIM_BENCH_COMMUNES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/bench/communes-france.geojson"));
    if communes.is_file() {
        files.push((communes, 10, Duration::from_secs(10)));
    } else {
        eprintln!("native bench: {} absent, Grand Est only (`ti-data communes` makes it)", communes.display());
    }
    println!(
        "{:<32} {:>10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>8} {:>10}",
        "file", "bytes", "feat.", "raw ms", "parse ms", "scene ms", "hit µs", "runs", "vs floor"
    );
    let mut json = Vec::new();
    for (path, min_runs, budget) in files {
        let r = bench(&path, min_runs, budget);
        // Throughput of parse + project against the raw serde_json floor (1.0 = as fast).
        let ratio = r.raw_ms / (r.parse_ms + r.scene_ms);
        println!(
            "{:<32} {:>10} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>9.0} %",
            r.file, r.bytes, r.features, r.raw_ms, r.parse_ms, r.scene_ms, r.hit_us, r.runs, ratio * 100.0
        );
        json.push(format!(
            r#"{{"file":"{}","bytes":{},"features":{},"raw_ms":{:.4},"parse_ms":{:.4},"scene_ms":{:.4},"hit_us":{:.4},"runs":{}}}"#,
            r.file, r.bytes, r.features, r.raw_ms, r.parse_ms, r.scene_ms, r.hit_us, r.runs
        ));
    }
    let out = root.join("target/bench/native.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, format!("[{}]\n", json.join(",\n"))).unwrap();
    println!("→ {}", out.display());
}
