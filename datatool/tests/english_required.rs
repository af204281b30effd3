//! The build stops when a text of the composition has no English, and says which.

mod common;

use ti_data::{build, sources::SourcePaths, Options, DEFAULT_TOLERANCE_M};

#[test]
fn a_french_only_text_stops_the_build_naming_its_key() {
    let text = std::fs::read_to_string(common::root().join("data/composition.toml")).unwrap();
    let mut v: toml::Table = toml::from_str(&text).unwrap();
    let vosges =
        v["territory"].as_array_mut().unwrap().iter_mut().find(|t| t["id"].as_str() == Some("vosges")).unwrap();
    let fr = vosges["perimeter_note"]["fr"].clone();
    vosges.as_table_mut().unwrap().insert("perimeter_note".into(), fr);
    v["legend"]["statuses"][1].as_table_mut().unwrap().insert("short".into(), "Signé avant".into());
    let dir = std::env::temp_dir().join(format!("ti-data-english-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("composition.toml");
    std::fs::write(&path, toml::to_string(&v).unwrap()).unwrap();
    // the check comes before the sources are read: none are needed
    let Err(err) = build(&Options {
        sources: SourcePaths::in_cache(&dir.join("no-sources")),
        region: ti_data::region::GRAND_EST.into(),
        composition: Some(path),
        official: None,
        national_table: common::root().join("data/ti-france-communes-2020.csv"),
        tolerance_m: DEFAULT_TOLERANCE_M,
    }) else {
        panic!("a French-only text must stop the build")
    };
    let msg = format!("{err:#}");
    assert!(msg.contains("legend.statuses[signed-earlier].short, territory[vosges].perimeter_note"), "{msg}");
    assert!(msg.contains("2 text(s) in French only") && msg.contains("{ fr = \"…\", en = \"…\" }"), "{msg}");
    std::fs::remove_dir_all(&dir).ok();
}
