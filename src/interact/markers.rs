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
    spread(&mut small, &areas, (w, h));
    small
}

/// Space kept between two markers, in pixels.
const GAP: f64 = 2.0;

/// Moves markers (territory index and centre, at first each at its territory's middle) so that
/// no two overlap and none covers another's middle: the largest territory first, at its middle
/// when it can, else on rings around it (twelve directions, out to three markers away), within
/// the `width` × `height` view. One that finds no room stays at its middle.
fn spread(markers: &mut [(usize, Screen)], areas: &[f64], (width, height): (f64, f64)) {
    let middles: Vec<Screen> = markers.iter().map(|m| m.1).collect();
    let reach = MIN_TARGET * 3.0;
    // Only markers within this distance can meet: the rest need no checking.
    let near = |a: Screen, b: Screen| (a.x - b.x).abs() < 2.0 * reach && (a.y - b.y).abs() < 2.0 * reach;
    let mut placed: Vec<Option<Screen>> = vec![None; markers.len()];
    for k in crate::rank::largest_first(areas) {
        let me = middles[k];
        let free = |p: Screen| {
            let inside = p.x >= 0.0 && p.y >= 0.0 && p.x <= width && p.y <= height;
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
        let at = std::iter::once(me).chain(rings).find(|&p| free(p)).unwrap_or(me);
        placed[k] = Some(at);
        markers[k].1 = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64) -> Screen {
        Screen { x, y }
    }

    #[test]
    fn markers_apart_stay_at_their_middles() {
        let mut m = vec![(0, at(50.0, 50.0)), (1, at(100.0, 50.0))];
        spread(&mut m, &[1.0, 2.0], (200.0, 200.0));
        assert_eq!(m, vec![(0, at(50.0, 50.0)), (1, at(100.0, 50.0))]);
    }

    #[test]
    fn a_cluster_spreads_out_and_leaves_every_middle_uncovered() {
        // Five territories' middles within 10 px of each other, as a city's cantons.
        let middles = [at(100.0, 100.0), at(106.0, 100.0), at(100.0, 106.0), at(94.0, 97.0), at(103.0, 92.0)];
        let mut m: Vec<(usize, Screen)> = middles.iter().copied().enumerate().collect();
        spread(&mut m, &[5.0, 4.0, 3.0, 2.0, 1.0], (300.0, 300.0));
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
    fn no_room_keeps_the_marker_at_its_middle() {
        let mut m = vec![(0, at(5.0, 5.0)), (1, at(8.0, 5.0))];
        spread(&mut m, &[2.0, 1.0], (10.0, 10.0));
        assert_eq!(m[1].1, at(8.0, 5.0));
    }
}
