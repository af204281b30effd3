//! Fuzz target: any bytes → `load::territories` and `load::context` must return (Ok or a
//! `LoadError`), never panic, and their messages must format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use territoires_map::load;

fuzz_target!(|data: &[u8]| {
    let mut sink = String::new();
    match load::territories(data) {
        Ok(loaded) => {
            for p in &loaded.problems {
                let _ = write!(sink, "{p}");
            }
            assert!(!loaded.data.territories.is_empty(), "Ok without a territory");
        }
        Err(e) => {
            let _ = write!(sink, "{e}");
        }
    }
    if let Err(e) = load::context(data) {
        let _ = write!(sink, "{e}");
    }
});
