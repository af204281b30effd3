//! Round targets for territories too small to hit at the current zoom (WCAG 2.5.8), in
//! [`Screen`] pixels, kept for the last view so that a pointer move does not pass over every
//! territory.

use super::{MAX_MARKERS, MIN_TARGET};
use crate::coords::Screen;
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
    small
}
