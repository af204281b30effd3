//! The view transform between the projected plane ([`Projected`] metres, y up) and the screen
//! ([`Screen`] pixels, y down): a uniform scale and a translation, fitted to the data and changed
//! by zoom and pan.

use crate::coords::{Bounds, Projected, Screen};
use crate::num::fixed;

/// How far one may zoom in and out, relative to the fitted view.
pub const MAX_ZOOM: f64 = 16.0;
pub const MIN_ZOOM: f64 = 0.5;

/// `screen.x = x * scale + tx`, `screen.y = -y * scale + ty`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Pixels per metre.
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
    pub width: f64,
    pub height: f64,
    /// Scale of the fitted view, the reference for zoom limits.
    home_scale: f64,
    fitted: Bounds,
    padding: f64,
}

/// Padding around fitted territories, in pixels: the module's first view and the pre-rendered
/// one, which it must match.
pub const FIT_PADDING: f64 = 12.0;

impl View {
    /// A view of `width` × `height` pixels showing all of `bounds` with `padding` pixels around.
    pub fn fit(bounds: Bounds, width: f64, height: f64, padding: f64) -> View {
        let mut v = View { scale: 1.0, tx: 0.0, ty: 0.0, width, height, home_scale: 1.0, fitted: bounds, padding };
        v.reset();
        v
    }

    /// Back to the fitted view.
    pub fn reset(&mut self) {
        let b = self.fitted;
        let w = (self.width - 2.0 * self.padding).max(1.0);
        let h = (self.height - 2.0 * self.padding).max(1.0);
        let scale = if b.is_empty() || b.width() <= 0.0 || b.height() <= 0.0 {
            1e-3
        } else {
            (w / b.width()).min(h / b.height())
        };
        self.scale = scale;
        self.home_scale = scale;
        let c = if b.is_empty() { Projected::default() } else { b.center() };
        self.tx = self.width / 2.0 - c.x * scale;
        self.ty = self.height / 2.0 + c.y * scale;
    }

    pub fn to_screen(&self, p: Projected) -> Screen {
        Screen { x: p.x * self.scale + self.tx, y: -p.y * self.scale + self.ty }
    }

    pub fn to_projected(&self, s: Screen) -> Projected {
        Projected { x: (s.x - self.tx) / self.scale, y: (self.ty - s.y) / self.scale }
    }

    /// Zoom relative to the fitted view (1 = fitted).
    pub fn zoom(&self) -> f64 {
        self.scale / self.home_scale
    }

    /// Multiplies the scale by `factor`, keeping the point under `at` fixed, within the limits.
    pub fn zoom_at(&mut self, at: Screen, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor = self.to_projected(at);
        let target = crate::num::within(self.scale * factor, self.home_scale * MIN_ZOOM, self.home_scale * MAX_ZOOM);
        self.scale = target;
        self.tx = at.x - anchor.x * target;
        self.ty = at.y + anchor.y * target;
    }

    /// Moves the map by `dx`, `dy` pixels.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        if dx.is_finite() && dy.is_finite() {
            self.tx += dx;
            self.ty += dy;
        }
    }

    /// The element changed size: keep the same centre and zoom, refit the home scale.
    pub fn resize(&mut self, width: f64, height: f64) {
        if width <= 0.0 || height <= 0.0 || (width == self.width && height == self.height) {
            return;
        }
        let zoom = self.zoom();
        let centre = self.to_projected(Screen { x: self.width / 2.0, y: self.height / 2.0 });
        self.width = width;
        self.height = height;
        self.reset();
        self.scale = self.home_scale * zoom;
        self.tx = width / 2.0 - centre.x * self.scale;
        self.ty = height / 2.0 + centre.y * self.scale;
    }

    /// The part of the map the view shows, in projected metres.
    pub fn visible(&self) -> Bounds {
        let mut b = Bounds::EMPTY;
        b.extend(self.to_projected(Screen { x: 0.0, y: 0.0 }));
        b.extend(self.to_projected(Screen { x: self.width, y: self.height }));
        b
    }

    /// The SVG `transform` for paths written in kilometres, y up (see [`crate::render`]).
    /// The scale to nine decimals: the paths are in Lambert-93 kilometres (y near 7,000), so a
    /// scale rounded to 0.001 moved what was painted up to 3.5 px away from where the pointer
    /// is hit-tested (to 10⁻⁹, some 10⁻⁵ px); the offsets to a thousandth of a pixel.
    pub fn svg_transform(&self) -> String {
        let (k, tx, ty) = (fixed(self.scale * 1000.0, 9), fixed(self.tx, 3), fixed(self.ty, 3));
        format!("matrix({k} 0 0 -{k} {tx} {ty})")
    }

    /// The view as numbers, which [`from_parts`](Self::from_parts) turns back into it: how the
    /// small module hands its view to the image export's module, which has a memory of its own.
    ///
    /// ```
    /// # use territoires_map::{view::View, coords::{Bounds, Projected, Screen}};
    /// let mut b = Bounds::EMPTY;
    /// b.extend(Projected { x: 0.0, y: 0.0 });
    /// b.extend(Projected { x: 1000.0, y: 500.0 });
    /// let mut v = View::fit(b, 300.0, 200.0, 12.0);
    /// v.zoom_at(Screen { x: 10.0, y: 20.0 }, 3.0);
    /// assert_eq!(View::from_parts(&v.to_parts()), Some(v));
    /// ```
    pub fn to_parts(&self) -> [f64; 11] {
        let (b, v) = (self.fitted, self);
        [v.scale, v.tx, v.ty, v.width, v.height, v.home_scale, v.padding, b.min.x, b.min.y, b.max.x, b.max.y]
    }

    /// The view [`to_parts`](Self::to_parts) gave, if `parts` can be one: eleven numbers, a
    /// positive size and scales, finite offsets.
    pub fn from_parts(parts: &[f64]) -> Option<View> {
        let &[scale, tx, ty, width, height, home_scale, padding, x0, y0, x1, y1] = parts else { return None };
        let positive = [scale, width, height, home_scale].iter().all(|x| x.is_finite() && *x > 0.0);
        if !positive || !tx.is_finite() || !ty.is_finite() || !padding.is_finite() {
            return None;
        }
        let fitted = Bounds { min: Projected { x: x0, y: y0 }, max: Projected { x: x1, y: y1 } };
        Some(View { scale, tx, ty, width, height, home_scale, fitted, padding })
    }

    /// The `(k, dx, dy)` that moves a picture drawn at view `drawn` to this view:
    /// `screen = k × drawn_screen + (dx, dy)`. The canvas renderer sets it as a CSS transform
    /// during a gesture, which the compositor applies without repainting.
    ///
    /// ```
    /// # use territoires_map::{view::View, coords::{Bounds, Projected, Screen}};
    /// let mut b = Bounds::EMPTY;
    /// b.extend(Projected { x: 0.0, y: 0.0 });
    /// b.extend(Projected { x: 1000.0, y: 1000.0 });
    /// let drawn = View::fit(b, 100.0, 100.0, 0.0);
    /// let mut now = drawn;
    /// now.zoom_at(Screen { x: 0.0, y: 0.0 }, 2.0);
    /// now.pan(5.0, 0.0);
    /// assert_eq!(now.relative_to(&drawn), (2.0, 5.0, 0.0));
    /// ```
    pub fn relative_to(&self, drawn: &View) -> (f64, f64, f64) {
        let k = self.scale / drawn.scale;
        (k, self.tx - k * drawn.tx, self.ty - k * drawn.ty)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The six numbers of a `matrix(…)` transform.
    pub(crate) fn matrix(t: &str) -> Vec<f64> {
        t["matrix(".len()..t.len() - 1].split(' ').map(|n| n.parse().unwrap()).collect()
    }

    pub(crate) fn bounds() -> Bounds {
        let mut b = Bounds::EMPTY;
        b.extend(Projected { x: 800_000.0, y: 6_700_000.0 });
        b.extend(Projected { x: 1_100_000.0, y: 6_900_000.0 });
        b
    }

    #[test]
    fn fit_centres_and_keeps_everything_inside() {
        let v = View::fit(bounds(), 600.0, 400.0, 20.0);
        let tl = v.to_screen(Projected { x: 800_000.0, y: 6_900_000.0 });
        let br = v.to_screen(Projected { x: 1_100_000.0, y: 6_700_000.0 });
        assert!(tl.x >= 19.9 && tl.y >= 19.9 && br.x <= 580.1 && br.y <= 380.1, "{tl:?} {br:?}");
        let c = v.to_screen(bounds().center());
        assert!((c.x - 300.0).abs() < 1e-6 && (c.y - 200.0).abs() < 1e-6);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        let mut v = View::fit(bounds(), 600.0, 400.0, 0.0);
        let at = Screen { x: 100.0, y: 50.0 };
        let before = v.to_projected(at);
        v.zoom_at(at, 2.0);
        let after = v.to_projected(at);
        assert!((before.x - after.x).abs() < 1e-6 && (before.y - after.y).abs() < 1e-6);
        assert!((v.zoom() - 2.0).abs() < 1e-9);
        v.zoom_at(at, 1000.0);
        assert!((v.zoom() - MAX_ZOOM).abs() < 1e-9);
        v.zoom_at(at, f64::NAN);
        assert!((v.zoom() - MAX_ZOOM).abs() < 1e-9);
        v.reset();
        assert!((v.zoom() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn pan_and_resize() {
        let mut v = View::fit(bounds(), 600.0, 400.0, 0.0);
        let p = v.to_projected(Screen { x: 300.0, y: 200.0 });
        v.pan(10.0, -5.0);
        let q = v.to_screen(p);
        assert!((q.x - 310.0).abs() < 1e-9 && (q.y - 195.0).abs() < 1e-9);
        v.zoom_at(Screen { x: 300.0, y: 200.0 }, 2.0);
        let centre = v.to_projected(Screen { x: 300.0, y: 200.0 });
        v.resize(300.0, 200.0);
        assert!((v.zoom() - 2.0).abs() < 1e-9);
        let c2 = v.to_projected(Screen { x: 150.0, y: 100.0 });
        assert!((c2.x - centre.x).abs() < 1e-6 && (c2.y - centre.y).abs() < 1e-6);
        assert!(v.svg_transform().starts_with("matrix("));
    }

    #[test]
    fn parts_refuse_what_is_no_view() {
        let v = View::fit(bounds(), 600.0, 400.0, 12.0);
        let good = v.to_parts();
        assert_eq!(View::from_parts(&good), Some(v));
        assert_eq!(View::from_parts(&good[..10]), None, "too few");
        assert_eq!(View::from_parts(&[good.as_slice(), &[1.0]].concat()), None, "too many");
        for (k, bad) in [(0, 0.0), (0, f64::NAN), (1, f64::INFINITY), (3, -1.0), (5, 0.0), (6, f64::NAN)] {
            let mut p = good;
            p[k] = bad;
            assert_eq!(View::from_parts(&p), None, "part {k} = {bad}");
        }
    }

    /// What the SVG paints (the transform applied to kilometres) is where the pointer is
    /// hit-tested (`to_screen`), to a hundredth of a pixel, at every zoom.
    #[test]
    fn the_svg_transform_paints_where_to_screen_says() {
        let mut v = View::fit(bounds(), 1150.0, 560.0, 12.0);
        for zoom in [1.0, 1.37, 2.9, 3.3] {
            v.zoom_at(Screen { x: 400.0, y: 300.0 }, zoom);
            let t = v.svg_transform();
            let m = matrix(&t);
            for p in [Projected { x: 1_050_000.0, y: 6_880_000.0 }, bounds().center()] {
                let (kx, ky) = (p.x / 1000.0, p.y / 1000.0);
                let painted = Screen { x: m[0] * kx + m[4], y: m[3] * ky + m[5] };
                let hit = v.to_screen(p);
                assert!(painted.distance(hit) < 0.01, "{t}: painted at {painted:?}, hit-tested at {hit:?}");
            }
        }
    }

    #[test]
    fn relative_transform_maps_drawn_pixels_onto_the_new_view() {
        let drawn = View::fit(bounds(), 600.0, 400.0, 0.0);
        let mut now = drawn;
        now.zoom_at(Screen { x: 120.0, y: 80.0 }, 1.7);
        now.pan(-33.0, 12.5);
        let (k, dx, dy) = now.relative_to(&drawn);
        for p in [Projected { x: 850_000.0, y: 6_750_000.0 }, bounds().center()] {
            let (a, b) = (drawn.to_screen(p), now.to_screen(p));
            assert!((k * a.x + dx - b.x).abs() < 1e-6 && (k * a.y + dy - b.y).abs() < 1e-6);
        }
    }
}
