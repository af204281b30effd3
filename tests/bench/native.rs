//! Native benchmarks of the viewer's core, with criterion (`make bench`, or
//! `cargo bench --bench native`): parse (`load::territories`), project (`Scene::build`:
//! projection, bounds, areas and label points; no path data, which the renderers write), simplify
//! (the canvas renderer's merged paths at the level of detail of the fitted view,
//! `render::canvas::grouped_paths`) and hit-test (`Scene::hit_painted` in SVG,
//! `render::canvas::painted_at` on the canvas, as the viewer hovers, on a
//! 64 × 64 grid) and place the names (`labels::at_view` at the fitted view: inside, outside with
//! leader lines, numbers; the largest 400 of a large file, inside only), next to a raw
//! `serde_json::from_slice::<serde_json::Value>` of the same bytes, the floor any serde_json-based
//! loader stands on.
//!
//! Built with the release profile (`opt-level = "z"`, LTO), the one the WebAssembly module ships
//! with, natively: figures for the code, not for the wasm engine.
//!
//! Files: data/territoires-grand-est.geojson, and target/bench/communes-france.geojson when
//! present (`ti-data communes`; or the file named by TIM_BENCH_COMMUNES). Criterion prints its
//! report and keeps its estimates under target/criterion/; this file then writes their medians to
//! target/bench/native.json, which tests/bench/run.mjs folds into the table of `make bench`.

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use territoires_map::coords::Projected;
use territoires_map::render::canvas::{grouped_paths, level_for, painted_at};
use territoires_map::render::{style, Renderer};
use territoires_map::scene::Scene;
use territoires_map::view::View;
use territoires_map::{labels, load};

/// The benchmarks of one file, by criterion id, in the order they run.
const STEPS: [&str; 6] = ["raw_serde_json", "parse", "project", "simplify", "hit_4096_points", "labels"];
/// The pointer grid of the hit-test benchmark: 64 × 64 points over the bounds.
const GRID: usize = 64;

struct File {
    path: PathBuf,
    /// Criterion group name: the file's stem.
    name: String,
    bytes: usize,
    features: usize,
    samples: usize,
}

fn bench_file(c: &mut Criterion, path: &Path, large: bool) -> File {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let data = load::territories(&bytes).unwrap().data;
    let scene = Scene::build(&data, None);
    // The fitted view of the bench's browser window (1200 × 800 page, map ≈ 1150 × 560).
    let fitted = View::fit(scene.bounds, 1150.0, 560.0, 16.0);
    let level = level_for(fitted.scale);
    // As the viewer hovers: in SVG, outlines count as the territory at their painted width; the
    // canvas is hit on the shapes its level of detail paints.
    let renderer = Renderer::for_dataset(None, &data);
    let half_width = style::TERRITORY_WIDTH / 2.0 / fitted.scale;
    let hit = |p: Projected| match renderer {
        Renderer::Svg => scene.hit_painted(p, |_| half_width),
        Renderer::Canvas => painted_at(&scene, fitted.scale, p),
    };
    let b = scene.bounds;
    let points: Vec<Projected> = (0..GRID * GRID)
        .map(|i| Projected {
            x: b.min.x + b.width() * ((i % GRID) as f64 + 0.5) / GRID as f64,
            y: b.min.y + b.height() * ((i / GRID) as f64 + 0.5) / GRID as f64,
        })
        .collect();

    let samples = if large { 10 } else { 30 };
    let mut g: BenchmarkGroup<_> = c.benchmark_group(&name);
    g.sample_size(samples).warm_up_time(Duration::from_secs(1));
    if large {
        // Iterations of a few hundred ms: one per sample, not criterion's linear ramp.
        g.sampling_mode(SamplingMode::Flat).measurement_time(Duration::from_secs(8));
    } else {
        g.measurement_time(Duration::from_secs(2));
    }
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function(STEPS[0], |bn| {
        bn.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap())
    });
    g.bench_function(STEPS[1], |bn| bn.iter(|| load::territories(black_box(&bytes)).unwrap()));
    g.bench_function(STEPS[2], |bn| bn.iter(|| Scene::build(black_box(&data), None)));
    g.throughput(Throughput::Elements(data.territories.len() as u64));
    g.bench_function(STEPS[3], |bn| {
        bn.iter(|| grouped_paths(&scene, data.legend.statuses.len(), |i| data.territories[i].status, level, None))
    });
    g.throughput(Throughput::Elements(points.len() as u64));
    g.bench_function(STEPS[4], |bn| bn.iter(|| points.iter().filter_map(|&p| hit(p)).count()));
    let named = labels::named(&data, &scene);
    let room = labels::Room::view(&fitted, true);
    g.bench_function(STEPS[5], |bn| bn.iter(|| labels::at_view(&fitted, &scene, black_box(&named), &room, None)));
    g.finish();
    File { path: path.to_path_buf(), name, bytes: bytes.len(), features: data.territories.len(), samples }
}

/// Where criterion keeps its estimates: as criterion decides it for `cargo bench` run from the
/// repository (CRITERION_HOME, else the cargo target directory).
fn criterion_home(root: &Path) -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from).join("criterion")
}

/// Criterion's median estimate of one benchmark, in milliseconds.
fn median_ms(home: &Path, group: &str, id: &str) -> f64 {
    let path = home.join(group).join(id).join("new/estimates.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["median"]["point_estimate"].as_f64().unwrap_or_else(|| panic!("{}: no median", path.display())) / 1e6
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![(root.join("data/territoires-grand-est.geojson"), false)];
    let communes = std::env::var_os("TIM_BENCH_COMMUNES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/bench/communes-france.geojson"));
    if communes.is_file() {
        files.push((communes, true));
    } else {
        eprintln!("native bench: {} absent, Grand Est only (`ti-data communes` makes it)", communes.display());
    }
    let mut c = Criterion::default().without_plots().configure_from_args();
    let done: Vec<File> = files.iter().map(|(p, large)| bench_file(&mut c, p, *large)).collect();
    c.final_summary();

    let home = criterion_home(&root);
    println!(
        "\n{:<24} {:>10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "file (criterion medians)",
        "bytes",
        "feat.",
        "raw ms",
        "parse ms",
        "proj. ms",
        "simpl. ms",
        "hit µs",
        "labels ms",
        "vs floor"
    );
    let mut json = Vec::new();
    for f in &done {
        let [raw, parse, scene, simplify, grid, labels] = STEPS.map(|id| median_ms(&home, &f.name, id));
        let hit_us = grid * 1e3 / (GRID * GRID) as f64;
        // Throughput of parse + project against the raw serde_json floor (1.0 = as fast).
        println!(
            "{:<24} {:>10} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.3} {:>9.2} {:>8.0} %",
            f.name,
            f.bytes,
            f.features,
            raw,
            parse,
            scene,
            simplify,
            hit_us,
            labels,
            raw / (parse + scene) * 100.0
        );
        json.push(format!(
            r#"{{"file":"{}","bytes":{},"features":{},"raw_ms":{raw:.4},"parse_ms":{parse:.4},"scene_ms":{scene:.4},"simplify_ms":{simplify:.4},"hit_us":{hit_us:.4},"labels_ms":{labels:.4},"runs":{}}}"#,
            f.path.file_name().unwrap().to_string_lossy(),
            f.bytes,
            f.features,
            f.samples
        ));
    }
    let out = root.join("target/bench/native.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, format!("[{}]\n", json.join(",\n"))).unwrap();
    println!("→ {}", out.display());
}
