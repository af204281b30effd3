//! `carte`, as `make build` runs it: the files it writes are valid images of the right size.
//! carte.svg parses and names every territory; carte.png decodes at twice its size; each
//! territory's preview decodes at 1200 × 630 (the Open Graph size).

use std::path::{Path, PathBuf};
use std::process::Command;

fn png_size(path: &Path) -> (u32, u32) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().unwrap();
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn carte_writes_the_svg_the_png_at_twice_its_size_and_one_preview_per_territory() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out: PathBuf = std::env::temp_dir().join(format!("carte-test-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_carte")).arg(root.join("data")).arg(&out).status().unwrap();
    assert!(status.success());

    let svg = std::fs::read_to_string(out.join("carte.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let size = |name: &str| doc.root_element().attribute(name).unwrap().parse::<f64>().unwrap() as u32;
    let (w, h) = (size("width"), size("height"));
    assert_eq!(png_size(&out.join("carte.png")), (2 * w, 2 * h));

    let geojson = std::fs::read(root.join("data/territoires-grand-est.geojson")).unwrap();
    let data = territoires_map::load::territories(&geojson).unwrap().data;
    let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("data-id")).collect();
    assert_eq!(ids.len(), data.territories.len());
    for t in &data.territories {
        assert!(ids.contains(&t.id.as_str()), "{} in carte.svg", t.id);
        assert_eq!(png_size(&out.join("territoires").join(format!("{}.png", t.id))), (1200, 630), "{}", t.id);
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn carte_says_what_is_missing() {
    let out = Command::new(env!("CARGO_BIN_EXE_carte")).arg("/nonexistent").arg("/tmp").output().unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("/nonexistent: No such file"), "{said}");
    // A folder without a region's file says what it looks for.
    let empty = std::env::temp_dir().join(format!("carte-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_carte")).arg(&empty).arg("/tmp").output().unwrap();
    std::fs::remove_dir_all(&empty).unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("no territoires-<region>.geojson (make data writes one)"), "{said}");
    let out = Command::new(env!("CARGO_BIN_EXE_carte")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
