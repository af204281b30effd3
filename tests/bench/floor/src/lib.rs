//! Size floor: a module that does nothing (no feature), or that only calls the project's
//! browser bindings (`imports`), plus core::fmt, float formatting and a sort (`fmt`).
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {}

#[cfg(feature = "fmt")]
mod fmt;
#[cfg(feature = "imports")]
mod imports;
