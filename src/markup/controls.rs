//! The map's buttons over its top-left corner: zoom in, zoom out, back to the start, full
//! screen, and "Télécharger l'image" with its menu of formats. The pre-render writes them where the module
//! builds them, so that they are on screen from the first paint and nothing appears when the
//! module makes them work (map.css hides them from a page without scripts).

use super::{text_el, El};
use crate::text::Strings;

/// A button with only a glyph: its name is `label`, also shown on hover.
fn glyph(class: &str, text: &str, label: &str) -> El {
    text_el("button", class, text).attr("type", "button").attr("aria-label", label).attr("title", label)
}

/// "Télécharger l'image": a disclosure button opening two buttons, one a format. In the
/// absolutely positioned controls, so that opening it moves nothing on the page.
fn export(s: &Strings, uid: u32) -> El {
    let menu_id = format!("tim{uid}-export");
    let toggle = glyph("tim-export-toggle", "⤓", s.download_image)
        .attr("aria-expanded", "false")
        .attr("aria-controls", &menu_id);
    let formats = [("tim-export-svg", s.image_svg), ("tim-export-png", s.image_png)]
        .map(|(class, label)| text_el("button", class, label).attr("type", "button"));
    let menu = El::html("div").class("tim-export-menu").attr("id", &menu_id).attr("hidden", "").children(formats);
    El::html("div").class("tim-export").child(toggle).child(menu)
}

/// The controls of map `uid`.
pub fn controls(s: &Strings, uid: u32) -> El {
    let zoom = [("tim-zoom-in", "+", s.zoom_in), ("tim-zoom-out", "−", s.zoom_out), ("tim-reset", "⟲", s.reset)];
    // A toggle: `aria-pressed` and its name say which way it goes (the module hides it where
    // the browser has no full screen to give, web/fullscreen.rs).
    let fullscreen = glyph("tim-fullscreen", "⤢", s.fullscreen).attr("aria-pressed", "false");
    El::html("div")
        .class("tim-controls")
        .children(zoom.map(|(class, text, label)| glyph(class, text, label)))
        .child(fullscreen)
        .child(export(s, uid))
}
