//! The perimeters are the committed commune table (`data/ti-grand-est-communes-2020.csv`): each
//! territory has the table's communes, no commune is in two territories, and each outline is
//! the union of its communes (through the codes they carry today).

mod common;

use geo::{Area, Contains, Distance, Euclidean, InteriorPoint, MultiPolygon};
use std::collections::{BTreeMap, BTreeSet};
use ti_data::composition::Composition;
use ti_data::official::{match_territory, read_official, OfficialRow};

/// Commune count of each territory in the table, TI4401 to TI4415.
const COUNTS: [(&str, usize); 15] = [
    ("alsace-bossue-saverne-nord-alsace", 335),
    ("alsace-centrale", 187),
    ("langres-chaumont", 117),
    ("bazancourt-pomacle", 143),
    ("epernay-sezanne-romilly", 239),
    ("moselle-est", 232),
    ("nord-est-ardennes", 158),
    ("nord-lorraine", 239),
    ("sel-et-vermois", 16),
    ("sud-alsace", 301),
    ("terres-de-lorraine", 153),
    ("troyes-bar-sur-aube", 202),
    ("val-de-lorraine", 134),
    ("vitry-saint-dizier-bar-le-duc-joinville", 327),
    ("vosges", 510),
];

fn table() -> (Composition, Vec<OfficialRow>) {
    let comp = Composition::load(&common::root().join("data/composition.toml")).unwrap();
    let rows = read_official(&common::root().join("data/ti-grand-est-communes-2020.csv")).unwrap();
    (comp, rows)
}

#[test]
fn each_territory_has_the_communes_of_the_table_and_none_twice() {
    let (comp, rows) = table();
    assert_eq!(rows.len(), 3293);
    let codes: BTreeSet<&str> = rows.iter().map(|r| r.insee_com.as_str()).collect();
    assert_eq!(codes.len(), rows.len(), "a commune in two territories");
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *count.entry(&comp.territories[match_territory(r, &comp.territories).unwrap()].id).or_default() += 1;
    }
    let report = std::fs::read_to_string(common::root().join("data/build-report.md")).unwrap();
    assert!(!report.contains("only in part") && !report.contains("in no 2020 EPCI"), "whole 2020 EPCIs only");
    assert!(!report.contains("left out"), "every commune of the table is placed");
    let (_, v) = common::load("territoires-grand-est.geojson");
    for (id, n) in COUNTS {
        assert_eq!(count[id], n, "{id} in the table");
        let f = common::features(&v).iter().find(|f| f["id"] == id).unwrap();
        assert_eq!(f["properties"]["communes_count"], n, "{id} in the committed file");
    }
}

/// Metres to degrees, roughly, at Grand Est's latitude (a bound, not a measure).
const DEG_PER_M: f64 = 1.0 / 73_000.0;

#[test]
fn each_outline_is_the_union_of_its_communes() {
    let Some(paths) = common::sources() else { return };
    let (comp, rows) = table();
    let src = ti_data::sources::read_sources(&paths, &common::grand_est(&paths)).unwrap();
    let m = ti_data::membership::compute(&comp, &src, Some(&rows)).unwrap();
    let (_, v) = common::load("territoires-grand-est.geojson");
    let shapes: Vec<(usize, MultiPolygon<f64>)> = common::features(&v)
        .iter()
        .map(|f| (comp.territories.iter().position(|t| t.id == f["id"]).unwrap(), common::geometry(f)))
        .collect();
    // every table commune reaches a commune with a geometry, in its territory
    for r in &rows {
        let now = src.former_codes.get(&r.insee_com).unwrap_or(&r.insee_com);
        let ti = match_territory(r, &comp.territories).unwrap();
        let drawn: Vec<_> =
            src.communes.iter().filter(|c| src.former_codes.get(&c.code).unwrap_or(&c.code) == now).collect();
        assert!(!drawn.is_empty(), "{} {} has no geometry", r.insee_com, r.lib_com);
        assert!(drawn.iter().all(|c| m.territory_of.get(&c.code) == Some(&ti)), "{} not in its territory", r.insee_com);
    }
    // each commune's inner point is in its territory's outline and in no other one, unless the
    // simplified border (350 m) passes within 1 km of it
    let mut wrong = Vec::new();
    for c in &src.communes {
        let Some(p) = c.geometry.interior_point() else { continue };
        for (ti, shape) in &shapes {
            let inside = shape.contains(&p);
            let should = m.territory_of.get(&c.code) == Some(ti);
            let near = shape.0.iter().any(|poly| {
                std::iter::once(poly.exterior())
                    .chain(poly.interiors())
                    .any(|r| Euclidean.distance(&p, r) < 1000.0 * DEG_PER_M)
            });
            if inside != should && !near {
                wrong.push(format!(
                    "{} {} ({}inside {})",
                    c.code,
                    c.name,
                    if inside { "" } else { "not " },
                    comp.territories[*ti].id
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
    // and the areas agree, within the simplification and the mesh gaps given to a territory
    for (ti, shape) in &shapes {
        let members: f64 = src
            .communes
            .iter()
            .filter(|c| m.territory_of.get(&c.code) == Some(ti))
            .map(|c| c.geometry.unsigned_area())
            .sum();
        let ratio = shape.unsigned_area() / members;
        assert!((0.98..1.02).contains(&ratio), "{}: outline/communes area {ratio}", comp.territories[*ti].id);
    }
}
