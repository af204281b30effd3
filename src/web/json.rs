//! The browser's parsed JSON (`JSON.parse`, options objects) walked by the readers of
//! [`crate::hydrate::json`], without serde.

use crate::hydrate::json::Json;
use wasm_bindgen::{JsCast, JsValue};

impl Json for JsValue {
    fn member(&self, key: &str) -> Option<JsValue> {
        if !self.is_object() {
            return None;
        }
        let v = js_sys::Reflect::get(self, &JsValue::from_str(key)).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(v)
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<JsValue>> {
        self.dyn_ref::<js_sys::Array>().filter(|_| js_sys::Array::is_array(self)).map(js_sys::Array::to_vec)
    }
}
