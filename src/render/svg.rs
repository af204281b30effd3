//! The pure half of the SVG renderer (the web half is `web/svg/`): the names and attributes it
//! writes. Paths are in kilometres, y up, inside the view group, whose transform maps them to
//! screen pixels; the fill patterns are in screen pixels, their transform undoing the view's.

use crate::model::ContextLayer;
use crate::view::View;

/// The classes of a context path; map.css styles them as [`style::context`](super::style::context)
/// says (a test checks it).
pub fn context_class(layer: ContextLayer) -> &'static str {
    match layer {
        ContextLayer::Country => "tim-context tim-context-country",
        ContextLayer::Department => "tim-context tim-context-department",
        ContextLayer::Region => "tim-context tim-context-region",
    }
}

/// The layer a background path's `class` says it draws (the reverse of [`context_class`]).
pub fn context_layer(class: &str) -> Option<ContextLayer> {
    [ContextLayer::Country, ContextLayer::Department, ContextLayer::Region]
        .into_iter()
        .find(|&l| context_class(l) == class)
}

/// A highlight of one territory. Both renderers show it on an SVG path, with this class.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Under the pointer.
    Hover,
    /// Open in the card.
    Selected,
}

impl Mark {
    /// The class map.css styles it with: on the territory's path, or on the canvas renderer's
    /// outline path.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Hover => "tim-hover",
            Mark::Selected => "tim-selected",
        }
    }
}

/// The id of status `status`'s fill pattern in map `uid`: one for the map, which follows the
/// zoom, and one for the legend, the list and the markers (`legend`), which does not.
pub fn pattern_id(uid: u32, status: usize, legend: bool) -> String {
    format!("tim{uid}-p{status}{}", if legend { "l" } else { "" })
}

/// The `fill` that paints with that pattern.
pub fn pattern_fill(uid: u32, status: usize, legend: bool) -> String {
    format!("url(#{})", pattern_id(uid, status, legend))
}

/// The map patterns' `patternTransform` at view `v`: the view's scale and flip undone, so that a
/// motif keeps its size on screen whatever the zoom.
///
/// ```
/// use territoires_map::{coords::Bounds, render::svg::pattern_transform, view::View};
/// let mut v = View::fit(Bounds::EMPTY, 100.0, 100.0, 0.0);
/// v.scale = 0.002; // 2 pixels a kilometre
/// assert_eq!(pattern_transform(&v), "scale(0.5 -0.5)");
/// ```
pub fn pattern_transform(v: &View) -> String {
    let k = v.scale * 1000.0;
    let s = crate::num::fixed(1.0 / k, 9);
    format!("scale({s} -{s})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_ids_differ_by_map_status_and_use() {
        assert_eq!(pattern_id(3, 0, false), "tim3-p0");
        assert_eq!(pattern_fill(3, 12, true), "url(#tim3-p12l)");
        assert_ne!(pattern_id(1, 12, false), pattern_id(11, 2, false), "uid and status run together");
    }

    #[test]
    fn marks_are_styled_by_map_css_on_territories_and_outlines() {
        use crate::render::style::css::get;
        for mark in [Mark::Hover, Mark::Selected] {
            let on_path = format!(".tim-territory.{}", mark.class());
            assert!(get(&on_path, "stroke-width").is_some(), "{on_path}");
        }
        // The canvas's outlines: hover is the outline's own width, selected is wider.
        assert!(get(".tim-outline", "stroke-width").is_some());
        assert!(get(&format!(".tim-outline.{}", Mark::Selected.class()), "stroke-width").is_some());
    }
}
