//! The state of one map on a page: its DOM, and once loaded, its data, scene and controller.
//! Browser events come in as [`Input`](crate::interact::Input)s; the controller's [`Effect`]s
//! are carried out here.

mod adopted;
mod effects;
mod show;

#[cfg(not(feature = "full"))]
use super::cards::Cards;
use super::chrome::Chrome;
use super::draw;
use super::hydrate::Kept;
#[cfg(feature = "full")]
use super::labels::Labels;
use super::list::List;
use super::listeners::Timer;
use super::loading::Loader;
use super::surface::Surface;
use crate::interact::Controller;
#[cfg(feature = "full")]
use crate::load::Failure;
use crate::model::Dataset;
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

/// Milliseconds without a view change after which the canvas is painted again (until then a
/// gesture only moves the last painting, which costs the page nothing). Wheel notches come 100
/// to 150 ms apart: one repaint per zoom gesture, not one per notch.
const SETTLE_MS: i32 = 200;

/// A loaded map: its data, scene and controller, and what the DOM shows of them.
pub struct Map {
    data: Dataset,
    scene: Scene,
    ctl: Controller,
    /// The names, which the full module places at each view (the small one asks their module).
    #[cfg(feature = "full")]
    labels: Labels,
    surface: Surface,
    list: List,
    /// The pre-rendered cards, which the small module adopts (the full one writes a territory's
    /// card into its panel).
    #[cfg(not(feature = "full"))]
    cards: Cards,
    /// What the DOM shows now, so that a change touches two paths, not all of them.
    hovered: Option<usize>,
    selected: Option<usize>,
}

impl Map {
    /// The rows the list's search and status filter keep, and which territories they dim on
    /// the map: the others, when either is set.
    fn filtered(&self) -> (Vec<usize>, Vec<bool>) {
        let (query, status) = self.list.query();
        let shown = crate::alt::matching(&self.data, &query, status);
        let active = !query.trim().is_empty() || status.is_some();
        let mut dimmed = vec![active; self.data.territories.len()];
        for &i in &shown {
            dimmed[i] = false;
        }
        (shown, dimmed)
    }
}

/// What the host chose when it built the map.
pub struct AppOptions {
    /// Leave plain wheel and one-finger drags to the host page.
    pub cooperative: bool,
    /// Show the programme facts above the map.
    pub header: bool,
    /// The renderer asked for by the host (`"svg"`, `"canvas"`, else picked by size); the small
    /// module has the SVG one only.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub renderer: Option<String>,
}

/// One map on a page. Its parts are reached through a few methods: the listeners (`wire`) and
/// the load flow (`loading`) read the frame's elements and feed inputs, never the state.
pub struct App {
    doc: Document,
    chrome: Chrome,
    strings: &'static Strings,
    uid: u32,
    map: Option<Map>,
    options: AppOptions,
    /// Whether the last input moved or zoomed the map (the wheel handler then keeps the event).
    view_changed: bool,
    /// What to download, and the download in flight (see `loading`).
    loader: Loader,
    /// Paints the canvas once a gesture settles (see [`SETTLE_MS`]).
    settle: Option<Timer>,
    /// Where the territory pages are (`territoires/`), when the pre-rendered map adopted or
    /// replaced said so: the card and the list link to them. Kept for a reload.
    pages: Option<String>,
    /// The `viewBox` of the adopted pre-rendered map, until the view first changes (see
    /// `super::hydrate`): meanwhile the picture is the pre-render's, and only the markers are
    /// drawn, through the box.
    pristine: Option<Kept>,
}

/// Something the host page is told about, sent once the app is no longer borrowed.
pub enum HostEvent {
    /// The number of territories, and what the map is called and says it shows: the file's
    /// `title` (else the strings table's generic name) and `description`, for a host page
    /// that shows another file than its own.
    Ready {
        count: usize,
        title: String,
        description: Option<String>,
    },
    Error(String),
    Select {
        id: String,
        name: String,
        status: String,
    },
}

impl App {
    pub fn new(
        doc: Document,
        chrome: Chrome,
        strings: &'static Strings,
        uid: u32,
        options: AppOptions,
        loader: Loader,
    ) -> App {
        App {
            doc,
            chrome,
            strings,
            uid,
            map: None,
            options,
            view_changed: false,
            loader,
            settle: None,
            pages: None,
            pristine: None,
        }
    }

    /// The host element: the map's events are sent from it.
    pub fn root(&self) -> &HtmlElement {
        &self.chrome.root
    }

    /// The map's frame (message area, SVG, tooltip, list…), built before any data.
    pub fn chrome(&self) -> &Chrome {
        &self.chrome
    }

    #[cfg(feature = "full")]
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The interface's words, in the map's language.
    pub fn strings(&self) -> &'static Strings {
        self.strings
    }

    pub fn loader(&mut self) -> &mut Loader {
        &mut self.loader
    }

    /// Whether data has been drawn (a new load is then refused).
    pub fn is_shown(&self) -> bool {
        self.map.is_some()
    }

    /// Whether the last input moved or zoomed the map.
    pub fn view_changed(&self) -> bool {
        self.view_changed
    }

    /// The timer that paints the canvas once a gesture settles; owned by the listeners.
    pub fn set_settle_timer(&mut self, timer: Timer) {
        self.settle = Some(timer);
    }

    /// Makes sure the settle timer never fires again (before its closure is released).
    pub fn cancel_settle(&mut self) {
        if let Some(t) = &mut self.settle {
            t.cancel();
        }
        self.settle = None;
    }

    /// Stops the downloads for good, drops the data and empties the host element.
    pub fn tear_down(&mut self) {
        self.loader.destroy();
        self.map = None;
        let root = &self.chrome.root;
        root.set_text_content(None);
        let _ = root.remove_attribute("data-state");
        let _ = root.class_list().remove_1("tim-map");
    }

    pub fn set_state(&self, state: &str) {
        let _ = self.chrome.root.set_attribute("data-state", state);
    }

    /// Shows a failure in the map area, in the map's language, and keeps the page usable.
    #[cfg(feature = "full")]
    pub fn fail(&mut self, failure: &Failure) -> HostEvent {
        self.fail_with(self.strings.failure(failure))
    }

    /// Says `message` over the map, which is in error: the failure already worded.
    pub fn fail_with(&mut self, message: String) -> HostEvent {
        // An adopted pre-rendered map stays, links and cards working, the message over it.
        if self.chrome.pre.is_none() {
            super::chrome::take_over(&self.chrome.root);
        }
        self.chrome.message.set_text_content(Some(&message));
        let _ = self.chrome.message.set_attribute("role", "alert");
        self.chrome.message.class_list().add_1("tim-error").ok();
        self.chrome.message.set_hidden(false);
        self.set_state("error");
        HostEvent::Error(message)
    }

    fn size(&self) -> (f64, f64) {
        let r = self.chrome.svg.get_bounding_client_rect();
        (r.width().max(1.0), r.height().max(1.0))
    }

    /// Draws everything that depends on the view.
    fn redraw(&mut self) -> Result<(), JsValue> {
        let Some(m) = &mut self.map else { return Ok(()) };
        if let Some(t) = &mut self.settle {
            t.cancel();
        }
        // The pre-rendered picture stays as it is until the view first changes.
        if self.pristine.is_none() {
            draw::transform(&self.chrome, &m.ctl.view)?;
            m.surface.paint(&m.ctl.view, &m.data, &m.scene)?;
            #[cfg(feature = "full")]
            super::dom::timed("labels", || m.labels.place(&m.ctl.view, &m.scene))?;
            #[cfg(not(feature = "full"))]
            draw::ask_names(&self.chrome, &m.ctl.view, None);
        }
        // The small module's names and markers show again once their module has placed them.
        #[cfg(feature = "full")]
        for layer in [&self.chrome.labels, &self.chrome.markers] {
            super::dom::toggle_class(layer, "tim-moving", false);
        }
        #[cfg(not(feature = "full"))]
        if let (Some(k), Some(m)) = (self.pristine.filter(|k| !self.markers_hold(k)), &self.map) {
            draw::ask_names(&self.chrome, &m.ctl.view, self.to_layer(&k));
        }
        let focus = self.map.as_ref().map_or(0, |m| m.ctl.focus);
        self.markers(focus)
    }

    /// The view changed. SVG is redrawn at once; the canvas's last painting is moved by the
    /// compositor (labels hidden meanwhile) and painted again once the gesture settles.
    fn moved(&mut self) -> Result<(), JsValue> {
        if self.pristine.take().is_some() {
            super::hydrate::release_box(&self.chrome)?;
        }
        let Some(m) = &self.map else { return Ok(()) };
        if !m.surface.follow(&m.ctl.view)? {
            return self.redraw();
        }
        draw::transform(&self.chrome, &m.ctl.view)?;
        super::dom::toggle_class(&self.chrome.labels, "tim-moving", true);
        super::dom::toggle_class(&self.chrome.markers, "tim-moving", true);
        match &mut self.settle {
            Some(t) => t.restart(SETTLE_MS),
            None => return self.redraw(),
        }
        Ok(())
    }

    /// The settle timer ran out: paint the canvas at the current view.
    pub fn settled(&mut self) {
        if let Some(t) = &mut self.settle {
            t.fired();
        }
        let _ = self.redraw();
    }

    /// Applies the list's search and status filter to the list and the map.
    pub fn filter(&mut self) -> Result<(), JsValue> {
        let Some(m) = &self.map else { return Ok(()) };
        let (shown, dimmed) = m.filtered();
        m.list.show(&self.doc, &m.data, &shown, m.selected, self.strings)?;
        let repaint = self.map.as_mut().is_some_and(|m| m.surface.dim(&dimmed));
        if repaint {
            self.redraw()?;
        }
        Ok(())
    }

    /// What the exported image shows (see [`crate::image`]): the current view, the open
    /// territory, and which territories are dimmed, read from the list again rather than kept,
    /// so that the image dims what the map dims now. `None` before the data is shown.
    pub fn image_state(&self) -> Option<(View, Option<usize>, Vec<bool>)> {
        let m = self.map.as_ref()?;
        Some((m.ctl.view, m.selected, m.filtered().1))
    }

    /// The exported image of the current view and its size in CSS pixels (the small module
    /// asks the image's own module instead: `super::export`).
    #[cfg(feature = "full")]
    pub fn image(&self) -> Option<(String, f64, f64)> {
        let (v, selected, dimmed) = self.image_state()?;
        let m = self.map.as_ref()?;
        let frame = crate::image::Frame::Screen;
        let image = crate::image::document(&m.data, &m.scene, &v, self.strings, selected, &dimmed, frame);
        Some((image.svg, image.width, image.height))
    }

    /// The list's CSV link was clicked.
    #[cfg(feature = "full")]
    pub fn csv_clicked(&self) {
        if let Some(m) = &self.map {
            let _ = m.list.csv_clicked(&m.data, self.strings);
        }
    }

    /// Tells the controller which territory of this map the browser finds at `(x, y)` in the
    /// window (a path, or a marker), before the pointer input there: the small module holds the
    /// territories' bounds, not their paths.
    #[cfg(not(feature = "full"))]
    pub fn point_at(&mut self, x: f64, y: f64) {
        let Some(m) = &mut self.map else { return };
        let found = self.doc.element_from_point(x as f32, y as f32).filter(|e| self.chrome.svg.contains(Some(e)));
        let hit = found.and_then(|e| e.closest("path.tim-territory, circle[data-id]").ok().flatten());
        let over = hit.and_then(|e| match e.get_attribute("data-index") {
            Some(i) => i.parse().ok(),
            None => m.data.index_of(&e.get_attribute("data-id")?),
        });
        m.ctl.point_at(over);
    }

    /// Index of a territory by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.map.as_ref()?.data.index_of(id)
    }
}
