//! The State's commune-level list can replace the composition's perimeters without code change.

mod common;

use ti_data::composition::Composition;
use ti_data::official::{match_territory, read_official};
use ti_data::{build, Options, DEFAULT_TOLERANCE_M};

fn fixture() -> std::path::PathBuf {
    common::root().join("datatool/tests/fixtures/good-liste-ti-com.csv")
}

#[test]
fn fixture_rows_match_the_composition() {
    let comp = Composition::load(&common::root().join("data/composition.toml")).unwrap();
    let rows = read_official(&fixture()).unwrap();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[3].insee_com, "08409", "leading zero restored");
    let ids: Vec<Option<&str>> =
        rows.iter().map(|r| match_territory(r, &comp.territories).map(|i| comp.territories[i].id.as_str())).collect();
    assert_eq!(ids[0], Some("bazancourt-pomacle"));
    assert_eq!(ids[2], Some("nord-est-ardennes"));
    assert_eq!(ids[5], Some("colmar-agglomeration"));
    assert_eq!(ids[6], None, "Flandres Saint-Omer is not a Grand Est territory");
}

#[test]
fn build_with_official_list_uses_its_communes() {
    let Some(sources) = common::sources() else { return };
    let out = build(&Options {
        sources,
        composition: common::root().join("data/composition.toml"),
        official: Some(fixture()),
        tolerance_m: DEFAULT_TOLERANCE_M,
    })
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out.territories).unwrap();
    let by_id = |id: &str| common::features(&v).iter().find(|f| f["id"] == id).unwrap().clone();
    for (id, n) in [("bazancourt-pomacle", 2), ("nord-est-ardennes", 3), ("colmar-agglomeration", 1)] {
        let f = by_id(id);
        assert_eq!(f["properties"]["communes_count"], n, "{id}");
        assert_eq!(f["properties"]["perimeter_confidence"], "high", "{id}");
    }
    // territories absent from the list keep the composition's perimeter, and say so
    assert_eq!(by_id("vosges")["properties"]["perimeter_confidence"], "low");
    assert!(out.report.contains("territory vosges: absent from the official list"));
}
