//! Interaction state: input events in, effects out. No DOM here: the web layer turns browser
//! events into [`Input`]s and carries out the [`Effect`]s, so every behaviour is tested natively.
//! Pointer positions are [`Screen`] pixels.
//!
//! Two layers, as galileo separates them: `gesture` recognises what pointers, fingers and the
//! wheel did (a click, a drag, a pinch); [`Controller`] decides what that means for the map
//! (which territory is hovered, focused or open, where the view goes), with `markers` for the
//! territories too small to hit.

mod gesture;
mod markers;

use crate::coords::Screen;
use crate::render::{canvas, style};
use crate::scene::Scene;
use crate::view::View;
use gesture::{Action, Recognizer};
use markers::Markers;

/// Movement below this many pixels between press and release is a click, not a drag.
pub const CLICK_SLOP: f64 = 4.0;
/// Zoom factor of one button press or key press.
pub const ZOOM_STEP: f64 = 1.5;
/// Pixels moved by one arrow key press while panning with Shift.
pub const PAN_STEP: f64 = 60.0;
/// Smallest pointer target, in pixels (WCAG 2.5.8): a territory smaller than this on screen gets
/// a round marker of this diameter at its label point.
pub const MIN_TARGET: f64 = 24.0;
/// At most this many markers are drawn (the largest small territories in view first); a file of
/// thousands of tiny shapes relies on the list instead.
pub const MAX_MARKERS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Activate,
    Escape,
    ZoomIn,
    ZoomOut,
    Reset,
    /// Shift + arrow: move the map, the keyboard alternative to dragging.
    Pan {
        dx: f64,
        dy: f64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// `touch`: a finger rather than a mouse or pen (matters in cooperative mode).
    PointerDown {
        id: i32,
        at: Screen,
        touch: bool,
    },
    PointerMove {
        id: i32,
        at: Screen,
    },
    PointerUp {
        id: i32,
        at: Screen,
    },
    PointerCancel {
        id: i32,
    },
    PointerLeave,
    /// Wheel or trackpad; `delta` in pixels, positive = away from the user (zoom out);
    /// `modifier`: Ctrl or ⌘ held.
    Wheel {
        at: Screen,
        delta: f64,
        modifier: bool,
    },
    /// A key pressed while keyboard focus is in the map.
    Key(Key),
    /// A territory received focus (by Tab, by a click, or by script).
    Focused(usize),
    ZoomIn,
    ZoomOut,
    Reset,
    ClosePanel,
    /// Escape pressed anywhere in the page while the tooltip shows (WCAG 1.4.13): hide it.
    DismissTooltip,
    /// Select a territory from outside (host page, list, URL), or clear with `None`.
    Select(Option<usize>),
    Resize {
        width: f64,
        height: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Highlight this territory (or none) and show its name at this point.
    Hover(Option<(usize, Screen)>),
    /// Move keyboard focus to this territory (roving tab stop).
    Focus(usize),
    /// Open the detail panel of this territory.
    Open(usize),
    /// Close the panel, returning focus to this territory if given.
    Close { refocus: Option<usize> },
    /// The view transform changed: redraw transform and labels.
    ViewChanged,
    /// In cooperative mode, a gesture was left to the page: say how to move the map instead.
    Hint(Gesture),
}

/// Gestures that cooperative mode leaves to the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// The wheel scrolls the page; Ctrl/⌘ + wheel zooms the map.
    Wheel,
    /// One finger scrolls the page; two fingers move and zoom the map.
    Touch,
}

/// How a map behaves, fixed when it is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Inside a host page, leave plain wheel and one-finger drags to the page (as MapLibre's
    /// cooperative gestures do); the standalone page sets this to false and zooms freely.
    pub cooperative: bool,
    /// Round targets for small territories (see [`Controller::markers`]); off for maps of
    /// thousands of shapes, reached through the list and the keyboard instead.
    pub markers: bool,
    /// Hit outlines at the width the SVG draws them (each territory a path with its stroke); off
    /// for the canvas, which is hit where it paints: its simplified fills and the borders it
    /// strokes along them, under the hover and selection outlines.
    pub outlines: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { cooperative: false, markers: true, outlines: true }
    }
}

impl Settings {
    /// Whether a map of `territories` shapes gets markers (see [`Settings::markers`]): up to the
    /// count the canvas renderer takes over at; the pre-render, the full module and the names'
    /// module decide alike.
    pub fn markers_for(territories: usize) -> bool {
        territories <= crate::render::CANVAS_ABOVE_FEATURES
    }
}

/// Map behaviour: what recognised gestures, keys and outside requests do to the view and to the
/// hovered, focused and open territory.
#[derive(Clone, Debug)]
pub struct Controller {
    pub view: View,
    pub hover: Option<usize>,
    /// The roving tab stop: the territory that receives focus when Tab enters the map.
    pub focus: usize,
    pub open: Option<usize>,
    gestures: Recognizer,
    markers: Markers,
    outlines: bool,
    /// The territory the page found under the pointer for the next pointer input, where the
    /// browser hits the paths (the small module, see [`point_at`](Self::point_at)).
    pointed: Option<usize>,
}

impl Controller {
    pub fn new(view: View, scene: &Scene, settings: Settings) -> Controller {
        Controller {
            view,
            hover: None,
            focus: scene.order.first().copied().unwrap_or(0),
            open: None,
            gestures: Recognizer::new(settings.cooperative),
            markers: Markers::new(settings.markers),
            outlines: settings.outlines,
            pointed: None,
        }
    }

    /// Says which territory the browser finds under the pointer, before the pointer input at
    /// that point: the small module's hit test, which holds neither paths nor markers (the
    /// browser finds the markers' circles first, as they are drawn on top).
    pub fn point_at(&mut self, over: Option<usize>) {
        self.pointed = over;
    }

    pub fn handle(&mut self, input: Input, scene: &Scene) -> Vec<Effect> {
        let mut fx = Vec::new();
        match input {
            Input::PointerDown { .. }
            | Input::PointerMove { .. }
            | Input::PointerUp { .. }
            | Input::PointerCancel { .. }
            | Input::PointerLeave
            | Input::Wheel { .. } => {
                if let Some(action) = self.gestures.input(input) {
                    self.act(action, scene, &mut fx);
                }
            }
            Input::DismissTooltip => self.set_hover(None, &mut fx),
            Input::Key(key) => self.key(key, scene, &mut fx),
            Input::Focused(i) if i < scene.territories.len() => self.focus = i,
            Input::Focused(_) => {}
            Input::ZoomIn => self.zoom(None, ZOOM_STEP, &mut fx),
            Input::ZoomOut => self.zoom(None, 1.0 / ZOOM_STEP, &mut fx),
            Input::Reset => {
                self.view.reset();
                fx.push(Effect::ViewChanged);
            }
            Input::ClosePanel => self.close(self.open, &mut fx),
            Input::Select(Some(i)) if i < scene.territories.len() => {
                self.focus = i;
                self.open(i, &mut fx);
            }
            Input::Select(_) => self.close(None, &mut fx),
            Input::Resize { width, height } => {
                let before = (self.view.width, self.view.height);
                self.view.resize(width, height);
                // A resize that changes nothing (the observer's first report) moves nothing.
                if (self.view.width, self.view.height) == before {
                    return fx;
                }
                fx.push(Effect::ViewChanged);
                // The panel opening below the map on small screens shrinks it: keep the open
                // territory in sight.
                if let Some(i) = self.open {
                    self.ensure_visible(i, scene, &mut fx);
                }
            }
        }
        fx
    }

    /// What a recognised gesture does to the map.
    fn act(&mut self, action: Action, scene: &Scene, fx: &mut Vec<Effect>) {
        match action {
            Action::Hover(at) => {
                let hit = self.hit(at, scene);
                self.set_hover(hit.map(|i| (i, at)), fx);
            }
            Action::Leave => self.set_hover(None, fx),
            Action::Click(at) => match self.hit(at, scene) {
                Some(i) => self.open(i, fx),
                None => self.close(None, fx),
            },
            Action::Drag { catch_up, dx, dy } => {
                if let Some((x, y)) = catch_up {
                    self.view.pan(x, y);
                }
                self.view.pan(dx, dy);
                self.set_hover(None, fx);
                fx.push(Effect::ViewChanged);
            }
            Action::Pinch { about, factor, dx, dy } => {
                if let Some(f) = factor {
                    self.view.zoom_at(about, f);
                }
                self.view.pan(dx, dy);
                fx.push(Effect::ViewChanged);
            }
            Action::Wheel { at, delta } => {
                // One wheel notch (~100 px) zooms by about ZOOM_STEP; trackpads send small deltas.
                let factor = ZOOM_STEP.powf(-delta.clamp(-300.0, 300.0) / 100.0);
                self.zoom(Some(at), factor, fx);
            }
            Action::LeftToPage(g) => fx.push(Effect::Hint(g)),
        }
    }
    fn key(&mut self, key: Key, scene: &Scene, fx: &mut Vec<Effect>) {
        let order = &scene.order;
        let pos = order.iter().position(|&i| i == self.focus).unwrap_or(0);
        let target = match key {
            Key::Next => order.get((pos + 1) % order.len().max(1)).copied(),
            Key::Previous => order.get((pos + order.len().max(1) - 1) % order.len().max(1)).copied(),
            Key::First => order.first().copied(),
            Key::Last => order.last().copied(),
            Key::Activate => {
                if self.focus < scene.territories.len() {
                    self.open(self.focus, fx);
                }
                None
            }
            Key::Escape => {
                if self.open.is_some() {
                    self.close(Some(self.focus), fx);
                } else {
                    self.set_hover(None, fx);
                }
                None
            }
            Key::ZoomIn => {
                self.zoom(None, ZOOM_STEP, fx);
                None
            }
            Key::ZoomOut => {
                self.zoom(None, 1.0 / ZOOM_STEP, fx);
                None
            }
            Key::Reset => {
                self.view.reset();
                fx.push(Effect::ViewChanged);
                None
            }
            Key::Pan { dx, dy } => {
                self.view.pan(dx, dy);
                fx.push(Effect::ViewChanged);
                None
            }
        };
        if let Some(i) = target {
            self.focus = i;
            self.ensure_visible(i, scene, fx);
            fx.push(Effect::Focus(i));
            let at = self.view.to_screen(scene.territories[i].label_at);
            self.set_hover(Some((i, at)), fx);
        }
    }

    /// Keeps a territory in view (WCAG 2.4.11): if its label point is off screen, centre on it.
    fn ensure_visible(&mut self, i: usize, scene: &Scene, fx: &mut Vec<Effect>) {
        let Some(t) = scene.territories.get(i) else { return };
        let at = self.view.to_screen(t.label_at);
        let m = MIN_TARGET;
        if at.x < m || at.y < m || at.x > self.view.width - m || at.y > self.view.height - m {
            self.view.pan(self.view.width / 2.0 - at.x, self.view.height / 2.0 - at.y);
            fx.push(Effect::ViewChanged);
        }
    }

    /// Territories in view too small to hit at this zoom, with where their marker goes: at most
    /// [`MAX_MARKERS`], the largest first.
    pub fn markers(&self, scene: &Scene) -> Vec<(usize, Screen)> {
        self.markers.in_view(&self.view, scene)
    }

    /// The lines joining each marker that had to step aside ([`markers`](Self::markers)) to its
    /// territory's middle: from the marker's edge.
    pub fn marker_lines(&self, scene: &Scene) -> Vec<(Screen, Screen)> {
        let lines = self.markers(scene).into_iter().filter_map(|(i, at)| {
            let middle = self.view.to_screen(scene.territories.get(i)?.label_at);
            let d = at.distance(middle);
            let edge = MIN_TARGET / 2.0 / d.max(1e-9);
            let from = Screen { x: at.x + (middle.x - at.x) * edge, y: at.y + (middle.y - at.y) * edge };
            (d > MIN_TARGET / 2.0).then_some((from, middle))
        });
        lines.collect()
    }

    /// The territory under a screen point, as the browser paints it: a marker first (the last
    /// drawn on top), then the shapes; outlines, at the width they are drawn now (hovered,
    /// selected), belong to their territory.
    pub fn hit(&self, at: Screen, scene: &Scene) -> Option<usize> {
        let ring = |i: usize| if i == self.focus { style::MARKER_FOCUS_WIDTH } else { style::MARKER_WIDTH };
        // The small module has no markers of its own (the names' module draws them): the
        // browser hits their circles, drawn on top, and `pointed` holds its answer.
        let marker = match cfg!(feature = "full") {
            true => {
                self.markers(scene).into_iter().rev().find(|&(i, m)| m.distance(at) <= (MIN_TARGET + ring(i)) / 2.0)
            }
            false => None,
        };
        let outline = |i: usize| match i {
            _ if self.open == Some(i) => style::SELECTED_WIDTH,
            _ if self.hover == Some(i) => style::HOVER_WIDTH,
            _ => style::TERRITORY_WIDTH,
        };
        let metres = 1.0 / self.view.scale;
        let p = self.view.to_projected(at);
        marker.map(|m| m.0).or(self.pointed).or_else(|| {
            // Without the `full` feature (the small module, which only adopts an SVG) the
            // browser has hit the paths (`point_at`): no shapes here, and no canvas.
            if cfg!(not(feature = "full")) {
                return None;
            }
            if self.outlines {
                return scene.hit_painted(p, |i| outline(i) / 2.0 * metres);
            }
            // The canvas: its selection and hover outlines are SVG paths drawn over it (the
            // selection last, on top), then what it paints at its level of detail.
            let marked = [self.hover, self.open].into_iter().flatten().collect::<Vec<_>>();
            scene
                .outline_at(&marked, p, |i| outline(i) / 2.0 * metres)
                .or_else(|| canvas::painted_at(scene, self.view.scale, p))
        })
    }

    fn zoom(&mut self, at: Option<Screen>, factor: f64, fx: &mut Vec<Effect>) {
        let centre = Screen { x: self.view.width / 2.0, y: self.view.height / 2.0 };
        self.view.zoom_at(at.unwrap_or(centre), factor);
        fx.push(Effect::ViewChanged);
    }

    fn open(&mut self, i: usize, fx: &mut Vec<Effect>) {
        self.open = Some(i);
        self.focus = i;
        fx.push(Effect::Open(i));
    }

    fn close(&mut self, refocus: Option<usize>, fx: &mut Vec<Effect>) {
        if self.open.take().is_some() {
            fx.push(Effect::Close { refocus });
        }
    }

    fn set_hover(&mut self, h: Option<(usize, Screen)>, fx: &mut Vec<Effect>) {
        let changed = self.hover != h.map(|h| h.0);
        self.hover = h.map(|h| h.0);
        if changed || h.is_some() {
            fx.push(Effect::Hover(h));
        }
    }
}

#[cfg(test)]
mod tests;
