//! Fuzz target: any bytes as the State's list that `make data TI_LIST=` reads (the data tool,
//! `ti-data`): decoded (UTF-8 with or without a byte order mark, else Windows-1252), then read as
//! the commune list or, when its header names `siren_groupement`, the intercommunality list.
//! Never a panic; an error must format with its context, and a row read must carry a commune code
//! of five characters and an id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use ti_data::{groupings, official};

fuzz_target!(|data: &[u8]| {
    let text = official::decode(data);
    let mut sink = String::new();
    if groupings::is_groupings(&text) {
        match groupings::parse(&text) {
            Ok(rows) => assert!(rows.iter().all(|r| r.siren.len() == 9 && !r.id_ti.is_empty())),
            Err(e) => {
                let _ = write!(sink, "{e:#}");
            }
        }
        return;
    }
    match official::parse_official(&text) {
        Ok(rows) => {
            for r in &rows {
                assert_eq!(r.insee_com.len(), 5, "{r:?}");
                assert!(!r.id_ti.is_empty(), "{r:?}");
            }
        }
        Err(e) => {
            let _ = write!(sink, "{e:#}");
        }
    }
});
