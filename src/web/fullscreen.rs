//! "Plein écran": the map's root shown full screen through the Fullscreen API, entered and left
//! by its button (a toggle, `aria-pressed`), left also by the browser's own Escape. Focus stays
//! where it was, on the button inside the map; the stage's new size reaches the controller as a
//! resize, which refits a map at its initial view (`crate::view::View::resize`).

use crate::text::Strings;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

const BUTTON: &str = ".tim-controls > .tim-fullscreen";

/// The map's full-screen button, if it has one.
fn button(root: &Element) -> Option<HtmlElement> {
    root.query_selector(BUTTON).ok()??.dyn_into().ok()
}

/// Whether `root` is the element shown full screen (`:fullscreen` also matches inside the
/// shadow root of `<territoires-map>`, where `Document.fullscreenElement` names the host).
fn shown(root: &Element) -> bool {
    root.matches(":fullscreen").unwrap_or(false)
}

/// Enters full screen, or leaves it. Called from the button's click: the user activation the
/// API asks for.
pub fn toggle(root: &Element, doc: &Document) {
    if shown(root) {
        doc.exit_fullscreen();
    } else {
        let _ = root.request_fullscreen();
    }
}

/// Hides the button where the browser gives no full screen (an iframe without
/// `allow="fullscreen"`, the iPhone), else says which way it goes now.
pub fn sync(root: &Element, doc: &Document, s: &Strings) {
    let Some(b) = button(root) else { return };
    b.set_hidden(!doc.fullscreen_enabled());
    let on = shown(root);
    let label = if on { s.exit_fullscreen } else { s.fullscreen };
    let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
    let _ = b.set_attribute("aria-label", label);
    b.set_title(label);
}
