//! The state of one map on a page: its DOM, and once loaded, its data, scene and controller.
//! Browser events come in as [`Input`]s; the controller's [`Effect`]s are carried out here.

use super::chrome::Chrome;
use super::draw::{self, LabelTexts};
use super::list::{self, List};
use super::panel;
use crate::interact::{Controller, Effect, Gesture, Input};
use crate::load::{LoadError, Problem};
use crate::model::{Context, Dataset};
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, SvgElement};

/// Padding around the fitted territories, in pixels.
const FIT_PADDING: f64 = 12.0;

pub struct Map {
    pub data: Dataset,
    pub scene: Scene,
    pub ctl: Controller,
    labels: Vec<LabelTexts>,
    /// Territory paths by territory index.
    paths: Vec<Element>,
    list: List,
    /// What the DOM shows now, so that a change touches two paths, not all of them.
    hovered: Option<usize>,
    selected: Option<usize>,
    tab_stop: usize,
}

impl Map {
    /// Moves `class` from the path at `old` to the path at `new`.
    fn move_class(&self, class: &str, old: Option<usize>, new: Option<usize>) {
        if old == new {
            return;
        }
        for (i, on) in [(old, false), (new, true)] {
            if let Some(p) = i.and_then(|i| self.paths.get(i)) {
                super::dom::toggle_class(p, class, on);
            }
        }
    }
}

pub struct App {
    pub doc: Document,
    pub chrome: Chrome,
    pub strings: &'static Strings,
    pub uid: u32,
    pub map: Option<Map>,
    /// Leave plain wheel and one-finger drags to the host page.
    pub cooperative: bool,
    /// Show the programme facts above the map.
    pub header: bool,
    /// Whether the last input moved or zoomed the map (the wheel handler then keeps the event).
    pub view_changed: bool,
    /// What to download, and the download in flight (see `loading`).
    pub loader: super::loading::Loader,
}

/// Something the host page is told about, sent once the app is no longer borrowed.
pub enum HostEvent {
    Ready(usize),
    Error(String),
    Select { id: String, name: String, status: String },
}

impl App {
    pub fn set_state(&self, state: &str) {
        let _ = self.chrome.root.set_attribute("data-state", state);
    }

    /// Shows an error in the map area, in words, and keeps the page usable.
    pub fn fail(&mut self, message: &str) -> HostEvent {
        self.chrome.message.set_text_content(Some(message));
        let _ = self.chrome.message.set_attribute("role", "alert");
        self.chrome.message.class_list().add_1("tim-error").ok();
        self.chrome.message.set_hidden(false);
        self.set_state("error");
        HostEvent::Error(message.to_string())
    }

    /// Draws a loaded dataset. Problems met on the way are listed under the map.
    pub fn show(&mut self, data: Dataset, context: Option<Context>, problems: &[Problem]) -> Result<HostEvent, JsValue> {
        let scene = Scene::build(&data, context.as_ref());
        let labels = draw::dataset(&self.doc, &self.chrome, &data, &scene, self.strings, self.uid, self.header)?;
        draw::warnings(&self.doc, &self.chrome, problems, self.strings)?;
        let mut paths = vec![None; data.territories.len()];
        let list = self.chrome.territories.children();
        for k in 0..list.length() {
            let Some(el) = list.item(k) else { continue };
            let index = el.get_attribute("data-index").and_then(|v| v.parse::<usize>().ok());
            if let Some(slot) = index.and_then(|i| paths.get_mut(i)) {
                *slot = Some(el);
            }
        }
        let paths: Vec<Element> = paths.into_iter().flatten().collect();
        let (w, h) = self.size();
        let mut ctl = Controller::new(View::fit(scene.bounds, w, h, FIT_PADDING), &scene);
        ctl.cooperative = self.cooperative;
        if let Some(first) = paths.get(ctl.focus) {
            first.set_attribute("tabindex", "0")?;
        }
        let count = data.territories.len();
        let list = list::build(&self.doc, &self.chrome.list, &data, self.strings, self.uid)?;
        list.show(&self.doc, &data, &crate::alt::matching(&data, "", None), None, self.strings)?;
        let tab_stop = ctl.focus;
        self.map = Some(Map { data, scene, ctl, labels, paths, list, hovered: None, selected: None, tab_stop });
        self.redraw()?;
        self.chrome.message.set_hidden(true);
        Ok(HostEvent::Ready(count))
    }

    fn size(&self) -> (f64, f64) {
        let r = self.chrome.svg.get_bounding_client_rect();
        (r.width().max(1.0), r.height().max(1.0))
    }

    fn redraw(&self) -> Result<(), JsValue> {
        let Some(m) = &self.map else { return Ok(()) };
        draw::view(&self.chrome, &m.ctl.view, &m.scene, &m.labels, &m.data, self.uid)?;
        draw::markers(&self.doc, &self.chrome, &m.ctl.markers(&m.scene), &m.data, m.ctl.focus, self.uid)
    }

    /// Applies the list's search and status filter to the list and the map.
    pub fn filter(&self) -> Result<(), JsValue> {
        let Some(m) = &self.map else { return Ok(()) };
        let (query, status) = m.list.query();
        let shown = crate::alt::matching(&m.data, &query, status);
        let active = !query.trim().is_empty() || status.is_some();
        let mut keep = vec![false; m.paths.len()];
        for &i in &shown {
            keep[i] = true;
        }
        for (p, keep) in m.paths.iter().zip(keep) {
            super::dom::toggle_class(p, "tim-dimmed", active && !keep);
        }
        m.list.show(&self.doc, &m.data, &shown, m.selected, self.strings)
    }

    /// Index of a territory by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.map.as_ref()?.data.territories.iter().position(|t| t.id == id)
    }

    /// Feeds one input to the controller and carries out its effects.
    pub fn input(&mut self, input: Input) -> Vec<HostEvent> {
        self.view_changed = false;
        let Some(m) = self.map.as_mut() else { return Vec::new() };
        let fx = m.ctl.handle(input, &m.scene);
        fx.into_iter().filter_map(|e| self.apply(e).ok().flatten()).collect()
    }

    fn apply(&mut self, e: Effect) -> Result<Option<HostEvent>, JsValue> {
        let Some(m) = self.map.as_mut() else { return Ok(None) };
        let c = &self.chrome;
        match e {
            Effect::Hover(h) => {
                m.move_class("tim-hover", m.hovered, h.map(|h| h.0));
                m.hovered = h.map(|h| h.0);
                match h {
                    Some((i, at)) => {
                        c.tooltip.set_text_content(Some(&m.data.territories[i].name));
                        let style = c.tooltip.style();
                        style.set_property("left", &format!("{:.0}px", at.x))?;
                        style.set_property("top", &format!("{:.0}px", at.y))?;
                        c.tooltip.set_hidden(false);
                    }
                    None => c.tooltip.set_hidden(true),
                }
            }
            Effect::Focus(i) => {
                c.live.set_text_content(Some(&m.data.spoken(i)));
                self.focus(i)?;
            }
            Effect::Open(i) => {
                panel::fill(&self.doc, c, &m.data, i, self.strings, self.uid)?;
                m.move_class("tim-selected", m.selected, Some(i));
                m.selected = Some(i);
                let t = &m.data.territories[i];
                let status = &m.data.legend.statuses[t.status];
                c.live.set_text_content(Some(&m.data.spoken(i)));
                let ev = HostEvent::Select { id: t.id.clone(), name: t.name.clone(), status: status.id.clone() };
                m.list.mark(Some(i));
                self.focus(i)?;
                return Ok(Some(ev));
            }
            Effect::Close { refocus } => {
                c.panel.set_hidden(true);
                m.list.mark(None);
                m.move_class("tim-selected", m.selected, None);
                m.selected = None;
                if let Some(i) = refocus {
                    self.focus(i)?;
                }
            }
            Effect::ViewChanged => {
                self.view_changed = true;
                self.redraw()?;
            }
            Effect::Hint(g) => {
                let text = match g {
                    Gesture::Wheel => self.strings.hint_wheel,
                    Gesture::Touch => self.strings.hint_touch,
                };
                c.hint.set_text_content(Some(text));
                // Hide, force a style pass, show: restarts the fade-out animation.
                c.hint.set_hidden(true);
                let _ = c.hint.offset_width();
                c.hint.set_hidden(false);
            }
        }
        Ok(None)
    }

    /// Moves the roving tab stop to territory `i` and focuses it.
    fn focus(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(m) = self.map.as_mut() else { return Ok(()) };
        if let Some(old) = m.paths.get(m.tab_stop) {
            old.set_attribute("tabindex", "-1")?;
        }
        if let Some(new) = m.paths.get(i) {
            new.set_attribute("tabindex", "0")?;
            m.tab_stop = i;
        }
        if let Some(p) = m.paths.get(i).and_then(|p| p.dyn_ref::<SvgElement>()) {
            p.focus()?;
        }
        draw::markers(&self.doc, &self.chrome, &m.ctl.markers(&m.scene), &m.data, i, self.uid)
    }
}

/// The French sentence for a file that could not be used, naming the file.
pub fn load_message(url: &str, e: &LoadError) -> String {
    format!("Impossible d'afficher les territoires de {url}. {e}")
}
