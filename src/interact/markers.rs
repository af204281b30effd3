//! Round targets for territories too small to hit at the current zoom (WCAG 2.5.8), in
//! [`Screen`] pixels, kept for the last view so that a pointer move does not pass over every
//! territory. Markers never overlap, and none covers the middle of another small territory:
//! where two would, the smaller territory's marker (or both) steps aside, joined to its
//! territory by a line ([`spread`]), so that a click in the middle of any small territory
//! reaches that territory, and each marker its own.

use super::{MAX_MARKERS, MIN_TARGET};
use crate::coords::Screen;
use crate::labels::outside::DIRECTIONS;
use crate::scene::Scene;
use crate::view::View;
use std::cell::RefCell;

/// Markers computed for one view: the territory index and the marker's centre.
type ForView = (View, Vec<(usize, Screen)>);

#[derive(Clone, Debug, Default)]
pub struct Markers {
    /// Off for maps of thousands of shapes, reached through the list and the keyboard instead.
    shown: bool,
    last: RefCell<Option<ForView>>,
}

impl Markers {
    pub fn new(shown: bool) -> Markers {
        Markers { shown, last: RefCell::new(None) }
    }

    /// Territories in `view` too small to hit, with where their marker goes: at most
    /// [`MAX_MARKERS`], the largest first.
    pub fn in_view(&self, view: &View, scene: &Scene) -> Vec<(usize, Screen)> {
        if !self.shown {
            return Vec::new();
        }
        if let Some((v, m)) = self.last.borrow().as_ref() {
            if v == view {
                return m.clone();
            }
        }
        let m = compute(view, scene);
        *self.last.borrow_mut() = Some((*view, m.clone()));
        m
    }
}

fn compute(view: &View, scene: &Scene) -> Vec<(usize, Screen)> {
    let s = view.scale;
    let (w, h) = (view.width, view.height);
    let mut small: Vec<(usize, Screen)> = scene
        .territories
        .iter()
        .enumerate()
        .filter(|(_, t)| t.shape.bounds.width() * s < MIN_TARGET || t.shape.bounds.height() * s < MIN_TARGET)
        .map(|(i, t)| (i, view.to_screen(t.label_at)))
        .filter(|(_, at)| at.x >= 0.0 && at.y >= 0.0 && at.x <= w && at.y <= h)
        .collect();
    if small.len() > MAX_MARKERS {
        let areas: Vec<f64> = small.iter().map(|m| scene.territories[m.0].shape.area).collect();
        let mut keep = vec![false; small.len()];
        for k in crate::rank::largest_first(&areas).into_iter().take(MAX_MARKERS) {
            keep[k] = true;
        }
        // Kept in territory order, as `small` already is.
        let mut k = keep.into_iter();
        small.retain(|_| k.next().unwrap_or(false));
    }
    let areas: Vec<f64> = small.iter().map(|m| scene.territories[m.0].shape.area).collect();
    spread(&mut small, &areas, (w, h))
}

/// Space kept between two markers, in pixels.
const GAP: f64 = 2.0;

/// Moves markers (territory index and centre, at first each at its territory's middle) so that
/// no two overlap and none covers another's middle: the largest territory first, at its middle
/// when it can, else on rings around it (twelve directions, out to three markers away), within
/// the `width` × `height` view and clear of the map's buttons. One that finds no room gets no marker (a map crowded with small
/// areas, such as 150 intercommunalities on a phone): its area is still under a click at its
/// middle, which no marker covers, and one arrow key away; zooming in gives it room.
fn spread(markers: &mut [(usize, Screen)], areas: &[f64], (width, height): (f64, f64)) -> Vec<(usize, Screen)> {
    let middles: Vec<Screen> = markers.iter().map(|m| m.1).collect();
    // Not under the map's buttons, where it could not be clicked.
    let buttons = crate::labels::reserved(Some(Screen::default()));
    let reach = MIN_TARGET * 3.0;
    // Only markers within this distance can meet: the rest need no checking.
    let near = |a: Screen, b: Screen| (a.x - b.x).abs() < 2.0 * reach && (a.y - b.y).abs() < 2.0 * reach;
    let mut placed: Vec<Option<Screen>> = vec![None; markers.len()];
    for k in crate::rank::largest_first(areas) {
        let me = middles[k];
        let free = |p: Screen| {
            let r = MIN_TARGET / 2.0;
            let circle = crate::labels::Rect { x: p.x - r, y: p.y - r, w: 2.0 * r, h: 2.0 * r };
            let inside = p.x >= 0.0
                && p.y >= 0.0
                && p.x <= width
                && p.y <= height
                && !buttons.iter().any(|b| b.overlaps(&circle));
            let others = (0..markers.len()).filter(|&j| j != k && near(me, middles[j]));
            inside
                && others.clone().all(|j| middles[j].distance(p) > MIN_TARGET / 2.0 + 1.0)
                && others.filter_map(|j| placed[j]).all(|q| q.distance(p) >= MIN_TARGET + GAP)
        };
        // The labels' twelve directions: no sine or cosine (2 KB of the module).
        let rings = (1..=3).flat_map(|ring| {
            let r = ring as f64 * (MIN_TARGET + GAP);
            DIRECTIONS.iter().map(move |d| Screen { x: me.x + r * d.0, y: me.y + r * d.1 })
        });
        if let Some(at) = std::iter::once(me).chain(rings).find(|&p| free(p)) {
            placed[k] = Some(at);
            markers[k].1 = at;
        }
    }
    // In territory order, as `markers` came.
    markers.iter().zip(&placed).filter(|(_, p)| p.is_some()).map(|(m, _)| *m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64) -> Screen {
        Screen { x, y }
    }

    #[test]
    fn markers_apart_stay_at_their_middles() {
        let mut m = vec![(0, at(150.0, 50.0)), (1, at(200.0, 50.0))];
        let out = spread(&mut m, &[1.0, 2.0], (300.0, 200.0));
        assert_eq!(out, vec![(0, at(150.0, 50.0)), (1, at(200.0, 50.0))]);
    }

    #[test]
    fn a_marker_under_the_map_buttons_steps_aside() {
        let mut m = vec![(0, at(30.0, 100.0))];
        let out = spread(&mut m, &[1.0], (300.0, 300.0));
        assert!(out[0].1.x - MIN_TARGET / 2.0 >= 50.0, "{out:?}");
    }

    #[test]
    fn a_cluster_spreads_out_and_leaves_every_middle_uncovered() {
        // Five territories' middles within 10 px of each other, as a city's cantons.
        let middles = [at(100.0, 100.0), at(106.0, 100.0), at(100.0, 106.0), at(94.0, 97.0), at(103.0, 92.0)];
        let mut m: Vec<(usize, Screen)> = middles.iter().copied().enumerate().collect();
        let m = spread(&mut m, &[5.0, 4.0, 3.0, 2.0, 1.0], (300.0, 300.0));
        assert_eq!(m.len(), 5, "room for all five");
        for (k, &(_, a)) in m.iter().enumerate() {
            for &(_, b) in &m[k + 1..] {
                assert!(a.distance(b) >= MIN_TARGET + GAP, "{a:?} and {b:?} overlap");
            }
            for (j, mid) in middles.iter().enumerate() {
                assert!(j == k || a.distance(*mid) > MIN_TARGET / 2.0, "marker {k} covers middle {j}");
            }
            assert!(a.distance(middles[k]) <= 3.0 * (MIN_TARGET + GAP) + 0.01, "marker {k} near its territory");
        }
    }

    #[test]
    fn no_room_leaves_no_marker_rather_than_one_over_another() {
        // Two middles 3 px apart in a 40 px view: neither may sit at its middle (it would cover
        // the other's), and the rings leave the view but for one spot.
        let mut m = vec![(0, at(80.0, 20.0)), (1, at(83.0, 20.0))];
        let out = spread(&mut m, &[2.0, 1.0], (100.0, 40.0));
        assert!(out.len() < 2, "{out:?}");
        for (k, &(_, a)) in out.iter().enumerate() {
            for &(_, b) in &out[k + 1..] {
                assert!(a.distance(b) >= MIN_TARGET);
            }
        }
    }
}
