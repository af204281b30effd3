//! The committed data files are exactly what the tool makes from its pinned inputs.
//! Skipped, with a message, when the source cache (.cache/sources) is absent.

mod common;

use ti_data::{build, Options, DEFAULT_TOLERANCE_M};

#[test]
fn committed_files_are_reproduced_byte_for_byte() {
    let Some(sources) = common::sources() else { return };
    let out = build(&Options {
        sources,
        region: ti_data::region::GRAND_EST.into(),
        composition: Some(common::root().join("data/composition.toml")),
        official: None,
        national_table: common::root().join("data/ti-france-communes-2020.csv"),
        tolerance_m: DEFAULT_TOLERANCE_M,
    })
    .unwrap();
    for (name, made) in out.files() {
        let committed = std::fs::read_to_string(common::root().join("data").join(&name)).unwrap();
        assert!(committed == *made, "data/{name} differs from what `make data` produces; run `make data` and commit");
    }
}
