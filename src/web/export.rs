//! "Télécharger l'image": the current view as the SVG document of [`crate::image`], or as a
//! PNG at twice its size (`super::save`). The full module writes it; the small one, which holds
//! no image code, asks the image's own module (`crate::web_image`), which the page's script
//! loads the first time an image is asked for (www/helpers.js).
//!
//! The menu of formats is a disclosure of the web layer, not map state: Escape in it closes it
//! (and is kept from the map, whose Escape closes the card), a click elsewhere closes it too.

use super::app::App;
use super::listeners::Listeners;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, KeyboardEvent};

/// Opens or closes the menu of formats; focus stays on the toggle.
pub fn toggle(toggle: &HtmlElement) {
    let open = toggle.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let menu = toggle.next_element_sibling().and_then(|m| m.dyn_into::<HtmlElement>().ok());
    if let Some(menu) = menu {
        menu.set_hidden(!open);
    }
}

/// The toggle of the menu in `wrap` (`.tim-export`), when the menu is open.
fn open_toggle(wrap: &HtmlElement) -> Option<HtmlElement> {
    let t: HtmlElement = wrap.first_element_child()?.dyn_into().ok()?;
    (t.get_attribute("aria-expanded").as_deref() == Some("true")).then_some(t)
}

/// Escape in the menu or on its toggle closes it, gives the focus back to the toggle and goes
/// no further (a listener on `wrap`, below the map's own, whose Escape closes the card); a click
/// outside `wrap`, anywhere in the page, closes it and leaves the focus where the click put it.
pub fn wire(l: &mut Listeners, wrap: &HtmlElement) -> Result<(), JsValue> {
    let keys = wrap.clone();
    l.add(wrap, "keydown", false, move |e: Event| {
        let escape = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
        if let Some(t) = open_toggle(&keys).filter(|_| escape) {
            toggle(&t);
            let _ = t.focus();
            e.prevent_default();
            e.stop_propagation();
        }
    })?;
    let clicks = wrap.clone();
    let doc = super::dom::document()?;
    l.add(&doc, "click", true, move |e: Event| {
        // The composed path, not the target: in a shadow root the page sees the host element.
        if let Some(t) = open_toggle(&clicks).filter(|_| !e.composed_path().includes(&clicks, 0)) {
            toggle(&t);
        }
    })
}

/// Downloads the current view as SVG, or, `png`, as PNG at twice its size (the work then ends
/// after this returns).
#[cfg(feature = "full")]
pub fn save(app: &Rc<RefCell<App>>, png: bool) {
    let Some((svg, w, h)) = app.try_borrow().ok().and_then(|a| a.image()) else { return };
    if !png {
        if let Err(e) = super::save::svg(&svg) {
            web_sys::console::error_1(&e);
        }
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = super::save::png(&svg, w, h).await {
            web_sys::console::error_1(&e);
        }
    });
}

/// Asks for the current view as SVG or, `png`, as PNG: the event `tim-export` from the map's
/// element, which the page's script hands to the image's own module with the element. That
/// module reads the data and shapes from the page, as the small module did; the event's detail
/// says the rest: `format`, `lang`, `view` ([`crate::view::View::to_parts`]), `selected` (a
/// territory's index, or null) and `dimmed` (one byte a territory, 1 where the list dims it).
#[cfg(not(feature = "full"))]
pub fn save(app: &Rc<RefCell<App>>, png: bool) {
    use js_sys::{Float64Array, Object, Reflect, Uint8Array};
    let Ok(a) = app.try_borrow() else { return };
    let Some((view, selected, dimmed)) = a.image_state() else { return };
    let detail = Object::new();
    let dimmed: Vec<u8> = dimmed.into_iter().map(u8::from).collect();
    let selected = selected.map_or(JsValue::NULL, |i| JsValue::from_f64(i as f64));
    let format = JsValue::from_str(if png { "png" } else { "svg" });
    let lang = JsValue::from_str(a.strings().lang);
    let view = Float64Array::from(&view.to_parts()[..]).into();
    let dimmed = Uint8Array::from(&dimmed[..]).into();
    for (k, v) in [("format", format), ("lang", lang), ("view", view), ("selected", selected), ("dimmed", dimmed)] {
        let _ = Reflect::set(&detail, &JsValue::from_str(k), &v);
    }
    super::emit(a.root(), "tim-export", &detail);
}
