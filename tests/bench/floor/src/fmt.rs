use wasm_bindgen::prelude::*;

/// core::fmt with a float at one decimal, a Vec<String> sort, and `{:?}` of a JsValue (the
/// project's __wbindgen_debug_string import). The result goes to console.error, an import
/// variant 2 already has, so the glue gains only this export.
#[wasm_bindgen]
pub fn fmt_sort(s: &str, x: f64, v: JsValue) {
    let mut out = vec![format!("{} {:.1}", s, x), s.to_string(), format!("{:?}", v)];
    out.sort();
    web_sys::console::error_1(&JsValue::from_str(&out.join("\n")));
}
