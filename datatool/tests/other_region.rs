//! Another region from the State's national table (`make data REGION=27`): its territories, its
//! context, and the same result from a copy of the table written the way the official list is
//! published and spreadsheets save it; and, for the whole country (`REGION=all`), the same 148
//! territories and commune counts from both.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use ti_data::{build, Options, Outputs, DEFAULT_TOLERANCE_M};

fn national() -> PathBuf {
    common::root().join("data/ti-france-communes-2020.csv")
}

/// The build from the national table, made once for both tests.
fn from_table() -> Option<&'static Outputs> {
    static OUT: std::sync::OnceLock<Option<Outputs>> = std::sync::OnceLock::new();
    OUT.get_or_init(|| region_27(None)).as_ref()
}

fn region_27(official: Option<PathBuf>) -> Option<Outputs> {
    let sources = common::sources()?;
    let opts = Options {
        sources,
        region: "27".into(),
        composition: None,
        official,
        national_table: national(),
        tolerance_m: DEFAULT_TOLERANCE_M,
    };
    Some(build(&opts).unwrap())
}

/// Territory id → (name, commune count) of a territories file.
fn territories(out: &Outputs) -> BTreeMap<String, (String, u64)> {
    let v: Value = serde_json::from_str(&out.territories).unwrap();
    let fs = common::features(&v).iter();
    fs.map(|f| {
        let p = &f["properties"];
        (p["id"].as_str().unwrap().into(), (p["name"].as_str().unwrap().into(), p["communes_count"].as_u64().unwrap()))
    })
    .collect()
}

#[test]
fn bourgogne_franche_comte_is_built_from_the_national_table() {
    let Some(out) = from_table() else { return };
    let files: Vec<String> = out.files().into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        files,
        [
            "territoires-bourgogne-franche-comte.geojson",
            "contexte-bourgogne-franche-comte.geojson",
            "build-report.md",
            "communes-bourgogne-franche-comte.csv"
        ]
    );
    // The ten TI27xx territories of the table; TI2404 (one commune in the region) is not one.
    let t = territories(out);
    assert_eq!(t.len(), 10, "{t:?}");
    assert_eq!(t["nord-franche-comte"].1, 196);
    assert!(out.report.contains("TI2404"), "the straddling territory is reported");
    let ctx: Value = serde_json::from_str(&out.context).unwrap();
    let layer = |l: &str| -> Vec<String> {
        let fs = common::features(&ctx).iter().filter(|f| f["properties"]["layer"] == l);
        fs.map(|f| f["properties"]["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(layer("department"), ["21", "25", "39", "58", "70", "71", "89", "90"]);
    assert_eq!(layer("region"), ["27"]);
    assert!(layer("country").contains(&"CH".to_string()) && layer("country").contains(&"FR".to_string()));
    assert!(out.communes.lines().count() > 3_600, "every commune of the region in the commune list");
}

/// The national table as data.gouv.fr publishes its list and a spreadsheet saves it: `;`,
/// Windows-1252, `ti-` ids, INSEE codes without their leading zero, and one cell listing two
/// territories (a Bourgogne-Franche-Comté commune also put in a territory of another region).
fn published_copy() -> PathBuf {
    let text = std::fs::read_to_string(national()).unwrap();
    let mut out = String::from("insee_com;lib_com;id_ti;lib_ti\r\n");
    for line in text.lines().skip(1) {
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(line.as_bytes());
        let rec = rdr.records().next().unwrap().unwrap();
        let (insee, lib, id, ti) = (&rec[0], &rec[1], &rec[2], &rec[3]);
        let insee = insee.strip_prefix('0').unwrap_or(insee);
        let id = format!("ti-{}", id.trim_start_matches("TI"));
        let (id, ti) = if insee == "21139" {
            (format!("{id} ; ti-8401"), format!("{ti} ; Ardèche Drome"))
        } else {
            (id, ti.to_string())
        };
        out.push_str(&format!("{insee};\"{lib}\";\"{id}\";\"{ti}\"\r\n"));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&out);
    assert!(!unmappable);
    let path = std::env::temp_dir().join(format!("ti-data-published-{}.csv", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_published_form_of_the_table_gives_the_same_territories() {
    let Some(from_table) = from_table() else { return };
    let Some(from_copy) = region_27(Some(published_copy())) else { return };
    assert_eq!(territories(&from_copy), territories(from_table));
    assert!(from_copy.report.contains("TI8401") || from_copy.report.contains("ti-8401"), "{}", from_copy.report);
}

#[test]
fn the_whole_table_and_its_published_form_give_the_same_148_territories() {
    let Some(sources) = common::sources() else { return };
    let geo = ti_data::region::Geography::read(&sources.decoupage).unwrap();
    let all = ti_data::region::Region::of(&geo, ti_data::region::ALL).unwrap();
    let read = |path: PathBuf| ti_data::official::read_official(&path).unwrap();
    // Territory (name, region, rows) as composed for the national map.
    let composed = |rows: Vec<ti_data::official::OfficialRow>| {
        let r = ti_data::regional::compose(&all, &rows, "t", &geo);
        let count = |id: &str| rows.iter().filter(|x| ti_data::official::same_id(&x.id_ti, id)).count();
        (r.composition.territories.iter())
            .map(|t| ((t.name.clone(), t.status.clone()), count(&t.ti_ids[0])))
            .collect::<BTreeMap<_, _>>()
    };
    let table = composed(read(national()));
    assert_eq!(table.len(), 148);
    // Its categories are regions, and say so to the list (its filter and column).
    let national = ti_data::regional::compose(&all, &read(national()), "t", &geo).composition;
    let name = national.legend.name.as_ref().expect("the national legend names its categories");
    assert_eq!((name.fr.as_str(), name.en.as_deref()), ("Région", Some("Region")));
    let mut copy = composed(read(published_copy()));
    // The copy's one two-territory cell puts a Côte-d'Or commune in Ardèche Drome too.
    let ardeche = copy.keys().find(|(name, _)| name == "Ardèche Drome").cloned().unwrap();
    *copy.get_mut(&ardeche).unwrap() -= 1;
    assert_eq!(copy, table);
}
