//! Another edition of the State's commune list can replace the committed table (`--ti-list`)
//! without code change; territories absent from it keep the composition's selectors.

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
    let ids: Vec<Option<&str>> = rows
        .iter()
        .map(|r| match_territory(r, &comp.territories).ok().map(|i| comp.territories[i].id.as_str()))
        .collect();
    assert_eq!(ids[0], Some("bazancourt-pomacle"));
    assert_eq!(ids[2], Some("nord-est-ardennes"));
    assert_eq!(ids[3], Some("nord-est-ardennes"), "case and punctuation do not count");
    assert_eq!(ids[5], Some("sel-et-vermois"));
    let err = match_territory(&rows[6], &comp.territories).unwrap_err().to_string();
    assert!(err.contains("\"Flandres Saint-Omer\" (TI-FIXT-XX) matches no territory"), "{err}");
}

/// The composition with only the territories of the fixture, plus Vosges drawn from a selector.
fn subset_composition() -> std::path::PathBuf {
    let text = std::fs::read_to_string(common::root().join("data/composition.toml")).unwrap();
    let mut v: toml::Table = toml::from_str(&text).unwrap();
    v.remove("perimeters");
    let keep = ["bazancourt-pomacle", "nord-est-ardennes", "sel-et-vermois", "vosges"];
    let ts = v["territory"].as_array().unwrap().clone();
    let mut kept = Vec::new();
    for mut t in ts.into_iter().filter(|t| keep.contains(&t["id"].as_str().unwrap())) {
        if t["id"].as_str() == Some("vosges") {
            let t = t.as_table_mut().unwrap();
            t.remove("ti_label");
            t.remove("ti_ids");
            t.insert("departements".into(), toml::Value::Array(vec!["88".into()]));
            t.insert("perimeter_confidence".into(), "low".into());
        }
        kept.push(t);
    }
    v.insert("territory".into(), toml::Value::Array(kept));
    let dir = std::env::temp_dir().join(format!("ti-data-official-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("composition.toml");
    std::fs::write(&path, toml::to_string(&v).unwrap()).unwrap();
    path
}

#[test]
fn build_with_another_list_uses_its_communes() {
    let Some(sources) = common::sources() else { return };
    let out = build(&Options {
        sources,
        region: ti_data::region::GRAND_EST.into(),
        composition: Some(subset_composition()),
        official: Some(fixture()),
        national_table: common::root().join("data/ti-france-communes-2020.csv"),
        tolerance_m: DEFAULT_TOLERANCE_M,
    })
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out.territories).unwrap();
    let by_id = |id: &str| common::features(&v).iter().find(|f| f["id"] == id).unwrap().clone();
    for (id, n) in [("bazancourt-pomacle", 2), ("nord-est-ardennes", 3), ("sel-et-vermois", 1)] {
        let p = &by_id(id)["properties"];
        assert_eq!(p["communes_count"], n, "{id}");
        assert!(
            p["perimeter_note"]["fr"].as_str().unwrap().contains("good-liste-ti-com.csv"),
            "{id}: names the list it used"
        );
    }
    // a territory absent from the list keeps the composition's perimeter, and the report says so
    assert_eq!(by_id("vosges")["properties"]["perimeter_confidence"], "low");
    assert!(out.report.contains("territory vosges: absent from the commune table"));
}
