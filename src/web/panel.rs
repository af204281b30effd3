//! The detail panel of one territory: what [`crate::markup::card::body`] describes (name,
//! status in words with date and place, projects, intercommunalities, how certain the perimeter
//! is, sources), written into the panel's body. All as text.

use super::chrome::Chrome;
use super::markup::replace;
use crate::markup::card::body;
use crate::model::Dataset;
use crate::text::Strings;
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Fills the panel with territory `i` and shows it, then a link to `page`, the territory's own
/// page, when the site has one.
pub fn fill(
    doc: &Document,
    c: &Chrome,
    data: &Dataset,
    i: usize,
    s: &Strings,
    uid: u32,
    page: Option<&str>,
) -> Result<(), JsValue> {
    let Some(nodes) = body(data, i, s, &format!("tim{uid}-title"), page) else { return Ok(()) };
    replace(doc, &c.panel_body, &nodes)?;
    c.panel.set_hidden(false);
    Ok(())
}
