//! The committed list of the region's communes and their territory (data/communes-grand-est.csv,
//! `directory`), against the State's commune table it comes from.

mod common;

use std::collections::{BTreeMap, BTreeSet};

fn rows(name: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(common::root().join("data").join(name)).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.into(), v.into())).collect())
        .collect()
}

#[test]
fn every_current_commune_once_with_its_postcodes_and_every_table_commune_in_its_territory() {
    let list = rows("communes-grand-est.csv");
    let by_code: BTreeMap<&str, &BTreeMap<String, String>> = list.iter().map(|r| (r["insee"].as_str(), r)).collect();
    assert_eq!(by_code.len(), list.len(), "one row per code");
    let current: Vec<_> = list.iter().filter(|r| r["commune_actuelle"].is_empty()).collect();
    assert_eq!(current.len(), 5115, "the current communes of Grand Est (decoupage 2026)");
    for r in &list {
        let postcodes: Vec<&str> = r["codes_postaux"].split(' ').collect();
        assert!(postcodes.iter().all(|p| p.len() == 5 && p.bytes().all(|b| b.is_ascii_digit())), "{r:?}");
        assert!(!r["nom"].is_empty() && !r["nom_departement"].is_empty(), "{r:?}");
        let now = &r["commune_actuelle"];
        assert!(
            now.is_empty() || by_code[now.as_str()]["commune_actuelle"].is_empty(),
            "{r:?} points to a current commune"
        );
    }
    // Every row of the State's table is found under its 2020 code, in its territory.
    let (_, v) = common::load("territoires-grand-est.geojson");
    let ids: BTreeSet<&str> = common::features(&v).iter().map(|f| f["id"].as_str().unwrap()).collect();
    let table = rows("ti-grand-est-communes-2020.csv");
    assert_eq!(table.len(), 3293);
    let mut in_territory: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in &table {
        let r = by_code
            .get(t["insee_com"].as_str())
            .unwrap_or_else(|| panic!("{} {} not listed", t["insee_com"], t["lib_com"]));
        let ids: Vec<&str> = r["territoires"].split(' ').collect();
        assert_eq!(ids.len(), 1, "{r:?}");
        in_territory.entry(ids[0]).or_default().insert(t["id_ti"].as_str());
    }
    assert_eq!(in_territory.len(), 15, "each territory has its communes");
    assert!(in_territory.values().all(|t| t.len() == 1), "one table code per territory: {in_territory:?}");
    assert!(in_territory.keys().all(|id| ids.contains(id)), "ids of the territories file");
    let in_one = current.iter().filter(|r| !r["territoires"].is_empty()).count();
    assert_eq!(in_one, 3289, "current communes in a territory (3,293 in 2020, some merged since)");
    // Homonyms are told apart by their département.
    let saint_louis: Vec<&str> =
        current.iter().filter(|r| r["nom"] == "Saint-Louis").map(|r| r["departement"].as_str()).collect();
    assert_eq!(saint_louis, ["57", "68"]);
}

/// Each commune has a point (the search marks it there), in the region, and a former commune's
/// is near its current commune's.
#[test]
fn every_commune_has_a_point_in_the_region() {
    let list = rows("communes-grand-est.csv");
    let point = |r: &BTreeMap<String, String>| -> (f64, f64) {
        (r["lon"].parse().unwrap_or_else(|_| panic!("{r:?}")), r["lat"].parse().unwrap_or_else(|_| panic!("{r:?}")))
    };
    let by_code: BTreeMap<&str, (f64, f64)> = list.iter().map(|r| (r["insee"].as_str(), point(r))).collect();
    for r in &list {
        let (lon, lat) = point(r);
        assert!((3.3..8.3).contains(&lon) && (47.4..50.2).contains(&lat), "{r:?}");
        if let Some(now) = by_code.get(r["commune_actuelle"].as_str()) {
            assert!((now.0 - lon).abs() < 0.3 && (now.1 - lat).abs() < 0.2, "{r:?} far from {now:?}");
        }
    }
    let (lon, lat) = by_code["88413"];
    assert!((lon - 6.95).abs() < 0.05 && (lat - 48.29).abs() < 0.05, "Saint-Dié-des-Vosges at {lon}, {lat}");
}
