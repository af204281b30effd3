//! What the module needs to adopt a pre-rendered map (see `crate::prerender`) rather than draw
//! its own: the data and shapes the page holds ([`page`]), the nominal view the page was drawn
//! at, and the view at which the stage shows that drawing once the browser has fitted its
//! `viewBox` to the stage's real size. The module starts
//! from that view, so that nothing moves when it becomes ready and its first zoom starts from
//! what is on screen.
//!
//! Spaces: [`Projected`](crate::coords::Projected) metres through two kinds of screen pixels:
//! the nominal box's (the pre-render's, which are the SVG's user units while its `viewBox` is
//! set) and the stage's CSS pixels.

pub mod fit;
pub mod json;
pub mod page;

use crate::coords::Bounds;
use crate::num::fixed;
use crate::view::{View, FIT_PADDING};

/// The nominal size of the pre-rendered view, in pixels: the stage of the standalone page on a
/// desktop screen (1150 × 560 in a 1200 × 800 window: 72rem wide, `min(70vh, 640px)` high).
pub const WIDTH: f64 = 1150.0;
pub const HEIGHT: f64 = 560.0;

/// The map number in a pre-rendered map's ids (`tim0-p1`, `tim0-title-3`), which the modules
/// that adopt it keep: the full module counts the maps it builds from 1, so that a pre-rendered
/// map and a built one never share an id.
pub const UID: u32 = 0;

/// The width of the stage on a phone the pre-render places a second set of names and markers
/// for (the narrowest screen served, 320 pixels, less the page's margins): what a narrow screen
/// shows, map.css choosing the set, at their size or larger (12 px text or more, on wider
/// phones a little larger), where the desktop's would be a third of it.
pub const NARROW_WIDTH: f64 = 296.0;

/// The size of a narrow stage showing `vb` whole: the pre-rendered SVG takes its height from
/// its box on narrow screens.
pub fn narrow_size(vb: &ViewBox) -> (f64, f64) {
    (NARROW_WIDTH, NARROW_WIDTH * vb.height / vb.width)
}

/// The items of `slots`, one per territory, once every one is filled; `None` if one is missing.
/// What adopting a page finds per territory (its path, card, bounds) goes through here. A loop
/// rather than `collect::<Option<Vec<_>>>()`: that adapter, instantiated at each call site,
/// weighed 0.7 KB gzip of the small module with the model's reader (6 December 2026,
/// docs/performance.md).
///
/// ```
/// use territoires_map::hydrate::filled;
/// assert_eq!(filled(vec![Some(1), Some(2)]), Some(vec![1, 2]));
/// assert_eq!(filled(vec![Some(1), None]), None);
/// ```
pub fn filled<T>(slots: Vec<Option<T>>) -> Option<Vec<T>> {
    let mut all = Vec::with_capacity(slots.len());
    for slot in slots {
        all.push(slot?);
    }
    Some(all)
}

/// The view every pre-rendered map is drawn at, in nominal pixels.
pub fn nominal_view(bounds: Bounds) -> View {
    View::fit(bounds, WIDTH, HEIGHT, FIT_PADDING)
}

/// An SVG `viewBox`: the user-unit rectangle the browser fits into the element.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl ViewBox {
    /// Reads a `viewBox` attribute: four numbers separated by spaces or commas, a positive
    /// width and height. Anything else is `None` (the module then draws its own map).
    ///
    /// ```
    /// use territoires_map::hydrate::ViewBox;
    /// assert_eq!(ViewBox::parse("1.5 -2,300 200").map(|b| b.width), Some(300.0));
    /// assert_eq!(ViewBox::parse("0 0 0 10"), None);
    /// assert_eq!(ViewBox::parse("0 0 10"), None);
    /// ```
    pub fn parse(s: &str) -> Option<ViewBox> {
        let mut n = s.split([' ', ',', '\t', '\n']).filter(|p| !p.is_empty()).map(crate::render::read::number);
        // Each number finite: `number` refuses the others.
        let (x, y, width, height) = (n.next()??, n.next()??, n.next()??, n.next()??);
        (n.next().is_none() && width > 0.0 && height > 0.0).then_some(ViewBox { x, y, width, height })
    }

    /// How the browser fits the box into `width` × `height` CSS pixels with
    /// `preserveAspectRatio="xMidYMid meet"`: `css = k × user + (dx, dy)`.
    pub fn fit(&self, width: f64, height: f64) -> (f64, f64, f64) {
        let k = (width / self.width).min(height / self.height);
        let dx = (width - self.width * k) / 2.0 - self.x * k;
        let dy = (height - self.height * k) / 2.0 - self.y * k;
        (k, dx, dy)
    }
}

/// While the box is kept: the SVG `transform` that brings CSS pixels of a `width` × `height`
/// stage into a layer of names and markers drawn for a stage of size `layer` (see
/// [`narrow_size`]), or, without one, into the box's own units (the desktop's layer). The
/// pre-render draws the phone's layer into the box through it, and the module the markers the
/// pre-render could not foresee for this size.
pub fn stage_to_layer(vb: &ViewBox, width: f64, height: f64, layer: Option<(f64, f64)>) -> String {
    let (k, dx, dy) = vb.fit(width, height);
    // layer = kl × user + dl, and user = (css − d) / k.
    let (kl, dxl, dyl) = layer.map_or((1.0, 0.0, 0.0), |(w, h)| vb.fit(w, h));
    let s = kl / k;
    let (e, f) = (fixed(dxl - s * dx, 3), fixed(dyl - s * dy, 3));
    let s = fixed(s, 9);
    format!("matrix({s} 0 0 {s} {e} {f})")
}

/// The view, in CSS pixels of a `width` × `height` stage, at which the stage shows a map drawn
/// at `drawn` (nominal pixels) through `vb`; `bounds` are the territories' (its fitted view,
/// the reference for zoom limits and for "back to the start").
pub fn shown_view(bounds: Bounds, drawn: &View, vb: &ViewBox, width: f64, height: f64) -> View {
    let (k, dx, dy) = vb.fit(width, height);
    let mut v = View::fit(bounds, width, height, FIT_PADDING);
    v.scale = drawn.scale * k;
    v.tx = drawn.tx * k + dx;
    v.ty = drawn.ty * k + dy;
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::{Projected, Screen};
    use crate::view::tests::{bounds, matrix};

    /// Where the browser paints a point of the drawing: through the drawn view, then the box.
    fn painted(drawn: &View, vb: &ViewBox, w: f64, h: f64, p: Projected) -> Screen {
        let (k, dx, dy) = vb.fit(w, h);
        let s = drawn.to_screen(p);
        Screen { x: k * s.x + dx, y: k * s.y + dy }
    }

    #[test]
    fn the_shown_view_puts_every_point_where_the_browser_painted_it() {
        let drawn = nominal_view(bounds());
        let vb = ViewBox { x: -3.5, y: 10.25, width: WIDTH + 7.0, height: HEIGHT - 20.5 };
        for (w, h) in [(WIDTH, HEIGHT), (390.0, 260.0), (1900.0, 640.0), (300.0, 900.0)] {
            let v = shown_view(bounds(), &drawn, &vb, w, h);
            for p in [bounds().center(), Projected { x: 812_000.0, y: 6_890_000.0 }] {
                let (a, b) = (painted(&drawn, &vb, w, h, p), v.to_screen(p));
                assert!(a.distance(b) < 1e-6, "{w}×{h}: painted {a:?}, module {b:?}");
            }
            assert_eq!((v.width, v.height), (w, h));
        }
    }

    #[test]
    fn meet_centres_the_box_on_the_long_side() {
        let vb = ViewBox { x: 0.0, y: 0.0, width: 200.0, height: 100.0 };
        assert_eq!(vb.fit(400.0, 400.0), (2.0, 0.0, 100.0));
        assert_eq!(vb.fit(100.0, 100.0), (0.5, 0.0, 25.0));
        assert_eq!(ViewBox { x: 10.0, ..vb }.fit(200.0, 100.0), (1.0, -10.0, 0.0));
    }

    #[test]
    fn css_pixels_drawn_inside_the_box_land_where_they_were_placed() {
        let vb = ViewBox { x: -5.0, y: 7.0, width: 300.0, height: 100.0 };
        let (k, dx, dy) = vb.fit(450.0, 600.0);
        let m = matrix(&stage_to_layer(&vb, 450.0, 600.0, None));
        let css = Screen { x: 120.0, y: 333.0 };
        let user = Screen { x: m[0] * css.x + m[4], y: m[3] * css.y + m[5] };
        // To a thousandth of a pixel: the transform's offsets are written to that.
        assert!((k * user.x + dx - css.x).abs() < 1e-3 && (k * user.y + dy - css.y).abs() < 1e-3);
    }

    #[test]
    fn markers_drawn_in_stage_pixels_land_where_the_layer_puts_its_own() {
        let vb = ViewBox { x: -5.0, y: 7.0, width: 300.0, height: 100.0 };
        let apply = |m: &[f64], p: Screen| Screen { x: m[0] * p.x + m[4], y: m[3] * p.y + m[5] };
        let (w, h) = (450.0, 600.0);
        let css = Screen { x: 120.0, y: 333.0 };
        // Into a narrow layer, itself drawn into the box: back to the same user point.
        let layer = narrow_size(&vb);
        let in_layer = apply(&matrix(&stage_to_layer(&vb, w, h, Some(layer))), css);
        let user = apply(&matrix(&stage_to_layer(&vb, layer.0, layer.1, None)), in_layer);
        let direct = apply(&matrix(&stage_to_layer(&vb, w, h, None)), css);
        assert!(user.distance(direct) < 1e-3, "{user:?} vs {direct:?}");
    }

    #[test]
    fn unreadable_boxes_are_refused() {
        for s in ["", "0 0 10 -1", "a b c d", "0 0 10 10 10", "0 0 NaN 10", "0 0 inf 10"] {
            assert_eq!(ViewBox::parse(s), None, "{s}");
        }
        assert_eq!(ViewBox::parse(" 0  0\t10\n20 "), Some(ViewBox { x: 0.0, y: 0.0, width: 10.0, height: 20.0 }));
    }
}
