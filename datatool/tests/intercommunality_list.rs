//! The intercommunality companion of the State's list (`liste-ti-grpt…csv`) in place of the
//! commune list: each intercommunality's communes from the pinned decoupage, matched to the
//! composition by id.

mod common;

use serde_json::Value;
use std::path::PathBuf;
use ti_data::{build, Options, DEFAULT_TOLERANCE_M};

/// The Grand Est's territories as an intercommunality list: for each, the 2020 intercommunalities
/// its committed card names (ids `ti-44xx` as data.gouv.fr writes them, `;`, Windows-1252).
fn grpt_file() -> PathBuf {
    let (_, v) = common::load("territoires-grand-est.geojson");
    let comp: toml::Table =
        toml::from_str(&std::fs::read_to_string(common::root().join("data/composition.toml")).unwrap()).unwrap();
    let mut out = String::from("id_ti;siren_groupement;lib_groupement\r\n");
    for f in common::features(&v) {
        let id = f["properties"]["id"].as_str().unwrap();
        let t = comp["territory"].as_array().unwrap().iter().find(|t| t["id"].as_str() == Some(id)).unwrap();
        let ti = t["ti_ids"][0].as_str().unwrap().replace("TI", "ti-");
        for e in f["properties"]["epci"].as_array().unwrap() {
            out.push_str(&format!("{ti};{};\"{}\"\r\n", e["siren"].as_str().unwrap(), e["name"].as_str().unwrap()));
        }
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&out);
    let path = std::env::temp_dir().join(format!("ti-data-grpt-{}.csv", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_grand_est_from_its_intercommunalities() {
    let Some(sources) = common::sources() else { return };
    let out = build(&Options {
        sources,
        region: ti_data::region::GRAND_EST.into(),
        composition: Some(common::root().join("data/composition.toml")),
        official: Some(grpt_file()),
        national_table: common::root().join("data/ti-france-communes-2020.csv"),
        tolerance_m: DEFAULT_TOLERANCE_M,
    })
    .unwrap();
    let v: Value = serde_json::from_str(&out.territories).unwrap();
    let count = |id: &str| {
        let f = common::features(&v).iter().find(|f| f["properties"]["id"] == id).unwrap();
        f["properties"]["communes_count"].as_u64().unwrap()
    };
    assert_eq!(common::features(&v).len(), 15);
    // Four whole intercommunalities of 2020 (158 communes then), as the decoupage lists them now.
    let nea = count("nord-est-ardennes");
    assert!((150..=165).contains(&nea), "Nord Est Ardennes: {nea} communes");
    assert!(out.report.contains("intercommunality list: "), "{}", out.report);
    assert!(!out.report.contains("absent from the commune table"), "every territory is in the list");
}
