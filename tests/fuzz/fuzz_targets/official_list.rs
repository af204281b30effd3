//! Fuzz target: any bytes as the State's list that `make data TI_LIST=` reads (the data tool,
//! `ti-data`, as `inputs.rs` does): decoded (UTF-8 with or without a byte order mark, else
//! Windows-1252), then read as the commune list (`official::parse_official`) or, when its header
//! names `siren_groupement`, the intercommunality list (`groupings::parse`).
//!
//! Never a panic; an error must format with its context (`{:#}`); a row read must carry a commune
//! code of five characters (a SIREN of nine digits) and an id; an error naming a row's line must
//! name a line of the file past the header.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use ti_data::{groupings, official};

/// The line an error names (`official list, line N: …`) is one of the file's rows: lines end as
/// the csv reader ends records, on `\r\n`, `\n` or a lone `\r`.
fn check_line(message: &str, text: &str) {
    let Some(rest) =
        ["official list, line ", "intercommunality list, line "].iter().find_map(|p| message.strip_prefix(p))
    else {
        return;
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let line: usize = digits.parse().unwrap_or_else(|_| panic!("no line number in {message:?}"));
    let last = territoires_map_fuzz::last_line(text.as_bytes());
    assert!((2..=last).contains(&line), "line {line} of {last}: {message}");
}

fuzz_target!(|data: &[u8]| {
    let text = official::decode(data);
    let mut sink = String::new();
    let failed = if groupings::is_groupings(&text) {
        match groupings::parse(&text) {
            Ok(rows) => {
                for r in &rows {
                    assert!(r.siren.len() == 9 && r.siren.bytes().all(|b| b.is_ascii_digit()), "{r:?}");
                    assert!(!r.id_ti.is_empty(), "{r:?}");
                }
                None
            }
            Err(e) => Some(e),
        }
    } else {
        match official::parse_official(&text) {
            Ok(rows) => {
                for r in &rows {
                    assert_eq!(r.insee_com.len(), 5, "{r:?}");
                    assert!(!r.id_ti.is_empty(), "{r:?}");
                }
                None
            }
            Err(e) => Some(e),
        }
    };
    if let Some(e) = failed {
        let _ = write!(sink, "{e:#} {e:?}");
        check_line(&format!("{e:#}"), &text);
    }
    std::hint::black_box(&sink);
});
