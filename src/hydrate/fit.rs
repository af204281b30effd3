//! Whether the markers a page holds pre-rendered are the ones the stage it is shown on needs.
//! The pre-render places them for one layer size (the desktop's box, a phone's width); the
//! browser scales that layer with the stage, and a stage smaller or larger than the layer needs
//! markers for other territories. The pre-render writes, beside the markers, the range of scales
//! over which they stay the same territories ([`markers_hold`]); the small module compares its
//! stage with it ([`Fit::holds`]) and asks for the markers to be placed again only outside it,
//! so that it carries no placement of markers itself.
//!
//! Spaces: a scale `q` is stage pixels per layer pixel (1: the stage is the layer's size).

use super::ViewBox;
use crate::coords::Bounds;
use crate::num::fixed;
use crate::view::View;

/// Markers are compared at scales this far apart, out to [`LIMIT`] times either way.
const STEP: f64 = 1.01;
const LIMIT: f64 = 4.0;

/// The scales `q` at which the markers placed at view `v` (a layer of `v.width` × `v.height`
/// pixels) are the same territories as at `v` itself: the widest range around 1 over which
/// `markers` (the territories a view gives markers to) answers the same, found in 1 % steps
/// within a quarter and four times, written as `"lo hi"` to three decimals at most, rounded inward.
///
/// ```
/// use territoires_map::coords::{Bounds, Projected};
/// use territoires_map::hydrate::fit::markers_hold;
/// use territoires_map::view::View;
/// let b = Bounds { min: Projected { x: 0.0, y: 0.0 }, max: Projected { x: 1000.0, y: 500.0 } };
/// let v = View::fit(b, 400.0, 200.0, 0.0);
/// // A territory that needs a marker below 300 pixels of scale: the markers hold down to 3/4, to the step.
/// let marked = |w: &View| if w.scale * 1000.0 < 300.0 { vec![0] } else { vec![] };
/// assert_eq!(markers_hold(b, &v, marked), "0.757 4");
/// ```
pub fn markers_hold(bounds: Bounds, v: &View, markers: impl Fn(&View) -> Vec<usize>) -> String {
    let layer = ViewBox { x: 0.0, y: 0.0, width: v.width, height: v.height };
    let at = |q: f64| markers(&super::shown_view(bounds, v, &layer, v.width * q, v.height * q));
    let here = at(1.0);
    let (mut lo, mut hi) = (1.0, 1.0);
    while lo > 1.0 / LIMIT && at(lo / STEP) == here {
        lo /= STEP;
    }
    while hi < LIMIT && at(hi * STEP) == here {
        hi *= STEP;
    }
    let (lo, hi) = (lo.max(1.0 / LIMIT), hi.min(LIMIT));
    format!("{} {}", fixed((lo * 1000.0).ceil() / 1000.0, 3), fixed((hi * 1000.0).floor() / 1000.0, 3))
}

/// The range a page's markers hold for ([`markers_hold`]), read back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    lo: f64,
    hi: f64,
}

impl Fit {
    /// Reads `"lo hi"`; anything else is `None` (the markers are then placed again).
    pub fn parse(s: &str) -> Option<Fit> {
        let (lo, hi) = s.split_once(' ')?;
        let (lo, hi) = (crate::render::read::number(lo)?, crate::render::read::number(hi)?);
        (lo <= 1.0 && 1.0 <= hi).then_some(Fit { lo, hi })
    }

    /// Whether the markers hold on a `width` × `height` stage showing box `vb`, the markers
    /// being placed for a layer of size `layer` (`None`: the box's own units, the desktop's).
    pub fn holds(&self, vb: &ViewBox, width: f64, height: f64, layer: Option<(f64, f64)>) -> bool {
        let k = vb.fit(width, height).0;
        let q = k / layer.map_or(1.0, |(w, h)| vb.fit(w, h).0);
        self.lo <= q && q <= self.hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::Projected;

    fn bounds() -> Bounds {
        Bounds { min: Projected { x: 0.0, y: 0.0 }, max: Projected { x: 1000.0, y: 500.0 } }
    }

    #[test]
    fn markers_that_never_change_hold_from_a_quarter_to_four_times() {
        let v = View::fit(bounds(), 400.0, 200.0, 0.0);
        assert_eq!(markers_hold(bounds(), &v, |_| vec![1, 2]), "0.25 4");
    }

    #[test]
    fn the_range_stops_before_the_first_scale_that_changes_them() {
        let v = View::fit(bounds(), 400.0, 200.0, 0.0);
        // Needs its marker above 1.5 and below 0.5 times: both ends inside, rounded inward.
        let f = |w: &View| {
            let q = w.scale / v.scale;
            if (0.5..=1.5).contains(&q) {
                vec![3]
            } else {
                vec![3, 4]
            }
        };
        let (lo, hi) =
            markers_hold(bounds(), &v, f).split_once(' ').map(|(a, b)| (a.to_string(), b.to_string())).unwrap();
        let (lo, hi): (f64, f64) = (lo.parse().unwrap(), hi.parse().unwrap());
        assert!((0.5..0.5 * STEP + 0.001).contains(&lo), "{lo}");
        assert!((1.5 / STEP - 0.001..=1.5).contains(&hi), "{hi}");
    }

    #[test]
    fn a_stage_holds_the_markers_within_the_range_only() {
        let fit = Fit::parse("0.800 1.250").unwrap();
        let vb = ViewBox { x: -5.0, y: 7.0, width: 300.0, height: 100.0 };
        assert!(fit.holds(&vb, 300.0, 100.0, None));
        assert!(fit.holds(&vb, 360.0, 900.0, None), "1.2 times, the box fitted in width");
        assert!(!fit.holds(&vb, 200.0, 100.0, None), "0.67 times");
        assert!(!fit.holds(&vb, 1000.0, 130.0, None), "1.3 times, fitted in height");
        // A phone's layer of 296 pixels: a 320-pixel stage is 1.08 times it, a 390 one 1.32.
        let layer = Some(super::super::narrow_size(&vb));
        assert!(fit.holds(&vb, 320.0, 500.0, layer));
        assert!(!fit.holds(&vb, 390.0, 500.0, layer));
    }

    #[test]
    fn unreadable_or_misplaced_ranges_are_refused() {
        for s in ["", "0.8", "0.8 1.2 3", "a 1", "1.1 1.2", "0.5 0.9", "0.8  1.2"] {
            assert_eq!(Fit::parse(s), None, "{s}");
        }
    }
}
