//! Gesture recognition: pointer, touch and wheel input in, [`Action`]s out — a click, a drag, a
//! pinch, a wheel zoom, or a gesture left to the host page. Knows nothing of territories or of
//! the view: [`Controller`](super::Controller) decides what each action means for the map.
//! Positions and distances are [`Screen`] pixels.

use super::{Gesture, Input, CLICK_SLOP};
use crate::coords::Screen;

/// What a pointer or wheel input amounts to, once recognised.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// A mouse moved with no button pressed.
    Hover(Screen),
    /// The pointer left the map.
    Leave,
    /// Pressed and released within [`CLICK_SLOP`], one pointer only.
    Click(Screen),
    /// One pointer moved the map by (`dx`, `dy`); `catch_up` is the movement made within the
    /// slop before the drag was recognised, applied first so the map stays under the finger.
    Drag { catch_up: Option<(f64, f64)>, dx: f64, dy: f64 },
    /// Two pointers: zoom by `factor` about `about` (when the fingers were apart enough to
    /// measure), then move by (`dx`, `dy`).
    Pinch { about: Screen, factor: Option<f64>, dx: f64, dy: f64 },
    /// Wheel or trackpad; `delta` in pixels, positive = away from the user (zoom out).
    Wheel { at: Screen, delta: f64 },
    /// Cooperative mode left this gesture to the page.
    LeftToPage(Gesture),
}

/// The pointers pressed and what they have done since the first went down.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {
    /// Leave plain wheel and one-finger drags to the host page.
    cooperative: bool,
    pointers: Vec<(i32, Screen)>,
    /// Whether the pointer that started the current press is a finger.
    touch: bool,
    press: Option<Screen>,
    dragged: bool,
}

impl Recognizer {
    pub fn new(cooperative: bool) -> Recognizer {
        Recognizer { cooperative, ..Recognizer::default() }
    }

    /// The action `input` completes, if any. Inputs that are not pointer or wheel events
    /// (keys, buttons, resizes) are none of the recogniser's business and give `None`.
    pub fn input(&mut self, input: Input) -> Option<Action> {
        match input {
            Input::PointerDown { id, at, touch } => {
                self.pointers.retain(|p| p.0 != id);
                self.pointers.push((id, at));
                if self.pointers.len() == 1 {
                    self.touch = touch;
                }
                self.press = (self.pointers.len() == 1).then_some(at);
                self.dragged = self.pointers.len() > 1;
                None
            }
            Input::PointerMove { id, at } => self.pointer_move(id, at),
            Input::PointerUp { id, at } => {
                let was_click = self.pointers.len() == 1 && !self.dragged && self.press.is_some();
                self.pointers.retain(|p| p.0 != id);
                if self.pointers.is_empty() {
                    self.press = None;
                }
                was_click.then_some(Action::Click(at))
            }
            Input::PointerCancel { id } => {
                self.pointers.retain(|p| p.0 != id);
                self.press = None;
                None
            }
            Input::PointerLeave => Some(Action::Leave),
            Input::Wheel { modifier: false, .. } if self.cooperative => Some(Action::LeftToPage(Gesture::Wheel)),
            Input::Wheel { at, delta, .. } => Some(Action::Wheel { at, delta }),
            _ => None,
        }
    }

    fn pointer_move(&mut self, id: i32, at: Screen) -> Option<Action> {
        let Some(k) = self.pointers.iter().position(|p| p.0 == id) else {
            return Some(Action::Hover(at));
        };
        let prev = self.pointers[k].1;
        self.pointers[k].1 = at;
        if self.pointers.len() >= 2 {
            // Pinch: zoom by the change of distance about the midpoint, pan by its movement.
            let other = self.pointers[1 - k.min(1)].1;
            let (before, after) = (prev.distance(other), at.distance(other));
            let (m0, m1) = (prev.midpoint(other), at.midpoint(other));
            let factor = (before > 1.0).then(|| after / before);
            return Some(Action::Pinch { about: m0, factor, dx: m1.x - m0.x, dy: m1.y - m0.y });
        }
        let beyond_slop = !self.dragged && self.press.is_some_and(|p| p.distance(at) >= CLICK_SLOP);
        if beyond_slop && self.cooperative && self.touch {
            // One finger belongs to the page: it scrolls, the map stays, and a hint says why.
            self.press = None;
            return Some(Action::LeftToPage(Gesture::Touch));
        }
        let mut catch_up = None;
        if beyond_slop {
            self.dragged = true;
            catch_up = self.press.map(|p| (prev.x - p.x, prev.y - p.y));
        }
        self.dragged.then_some(Action::Drag { catch_up, dx: at.x - prev.x, dy: at.y - prev.y })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64) -> Screen {
        Screen { x, y }
    }

    #[test]
    fn a_press_and_release_within_the_slop_is_a_click() {
        let mut r = Recognizer::new(false);
        assert_eq!(r.input(Input::PointerDown { id: 1, at: at(10.0, 10.0), touch: false }), None);
        assert_eq!(r.input(Input::PointerMove { id: 1, at: at(12.0, 11.0) }), None);
        assert_eq!(r.input(Input::PointerUp { id: 1, at: at(12.0, 11.0) }), Some(Action::Click(at(12.0, 11.0))));
    }

    #[test]
    fn past_the_slop_a_press_becomes_a_drag_that_catches_up() {
        let mut r = Recognizer::new(false);
        r.input(Input::PointerDown { id: 1, at: at(10.0, 10.0), touch: false });
        r.input(Input::PointerMove { id: 1, at: at(12.0, 10.0) });
        let a = r.input(Input::PointerMove { id: 1, at: at(20.0, 10.0) });
        assert_eq!(a, Some(Action::Drag { catch_up: Some((2.0, 0.0)), dx: 8.0, dy: 0.0 }));
        let a = r.input(Input::PointerMove { id: 1, at: at(25.0, 10.0) });
        assert_eq!(a, Some(Action::Drag { catch_up: None, dx: 5.0, dy: 0.0 }));
        assert_eq!(r.input(Input::PointerUp { id: 1, at: at(25.0, 10.0) }), None, "a drag is not a click");
    }

    #[test]
    fn two_pointers_pinch_and_a_released_pinch_is_no_click() {
        let mut r = Recognizer::new(false);
        r.input(Input::PointerDown { id: 1, at: at(0.0, 0.0), touch: true });
        r.input(Input::PointerDown { id: 2, at: at(10.0, 0.0), touch: true });
        let a = r.input(Input::PointerMove { id: 2, at: at(20.0, 0.0) });
        assert_eq!(a, Some(Action::Pinch { about: at(5.0, 0.0), factor: Some(2.0), dx: 5.0, dy: 0.0 }));
        assert_eq!(r.input(Input::PointerUp { id: 2, at: at(20.0, 0.0) }), None);
        assert_eq!(r.input(Input::PointerUp { id: 1, at: at(0.0, 0.0) }), None);
    }

    #[test]
    fn fingers_on_top_of_each_other_pan_without_zooming() {
        let mut r = Recognizer::new(false);
        r.input(Input::PointerDown { id: 1, at: at(5.0, 5.0), touch: true });
        r.input(Input::PointerDown { id: 2, at: at(5.0, 5.0), touch: true });
        let a = r.input(Input::PointerMove { id: 2, at: at(7.0, 5.0) });
        assert_eq!(a, Some(Action::Pinch { about: at(5.0, 5.0), factor: None, dx: 1.0, dy: 0.0 }));
    }

    #[test]
    fn cooperative_mode_leaves_plain_wheel_and_one_finger_to_the_page() {
        let mut r = Recognizer::new(true);
        let wheel = |modifier| Input::Wheel { at: at(1.0, 1.0), delta: 100.0, modifier };
        assert_eq!(r.input(wheel(false)), Some(Action::LeftToPage(Gesture::Wheel)));
        assert_eq!(r.input(wheel(true)), Some(Action::Wheel { at: at(1.0, 1.0), delta: 100.0 }));
        r.input(Input::PointerDown { id: 1, at: at(0.0, 0.0), touch: true });
        assert_eq!(r.input(Input::PointerMove { id: 1, at: at(0.0, 30.0) }), Some(Action::LeftToPage(Gesture::Touch)));
        assert_eq!(r.input(Input::PointerMove { id: 1, at: at(0.0, 60.0) }), None, "the page scrolls");
        assert_eq!(r.input(Input::PointerUp { id: 1, at: at(0.0, 60.0) }), None);
        // A mouse is not a finger: it drags.
        r.input(Input::PointerDown { id: 2, at: at(0.0, 0.0), touch: false });
        assert!(matches!(r.input(Input::PointerMove { id: 2, at: at(30.0, 0.0) }), Some(Action::Drag { .. })));
    }

    #[test]
    fn a_cancelled_pointer_is_forgotten() {
        let mut r = Recognizer::new(false);
        r.input(Input::PointerDown { id: 1, at: at(0.0, 0.0), touch: true });
        r.input(Input::PointerCancel { id: 1 });
        assert_eq!(r.input(Input::PointerUp { id: 1, at: at(0.0, 0.0) }), None);
        assert_eq!(r.input(Input::PointerMove { id: 1, at: at(3.0, 0.0) }), Some(Action::Hover(at(3.0, 0.0))));
    }
}
