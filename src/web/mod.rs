//! The WebAssembly boundary: the `TerritoiresMap` class the page creates, browser events turned
//! into [`Input`]s, and the host events (`ready`, `error`, `territoryselect`) sent back. The only
//! module that names `web_sys`, `js_sys` or `JsValue`.

mod app;
#[cfg(feature = "full")]
mod canvas;
#[cfg(not(feature = "full"))]
mod cards;
mod chrome;
mod dom;
mod draw;
mod export;
#[cfg(feature = "full")]
mod fetch;
mod fullscreen;
mod hydrate;
mod json;
#[cfg(feature = "full")]
mod labels;
mod list;
mod listeners;
mod loading;
// The small module only moves the focus ring: the names' module draws its markers.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
mod markers;
mod markup;
#[cfg(feature = "full")]
mod panel;
#[cfg(feature = "full")]
mod save;
mod surface;
mod svg;
mod wire;

use crate::hydrate::json::Json;
use crate::interact::Input;
use crate::text::Strings;
use app::{App, AppOptions, HostEvent};
use listeners::Listeners;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use wire::wire;

/// What the small module says when the page holds no map it can adopt (www/main.js then starts
/// the full module): never shown to a visitor.
#[cfg(not(feature = "full"))]
const NEEDS_FULL: &str = "territoires-map: no pre-rendered map to adopt here; the full module draws this one";

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

/// What the page asks for (the constructor's `options` object); a member of the wrong type is
/// left out, as a missing one.
#[derive(Default)]
struct Options {
    src: Option<String>,
    context: Option<String>,
    lang: Option<String>,
    /// Inside a host page: wheel and one finger scroll the page (default false).
    cooperative: Option<bool>,
    /// Show the programme facts above the map (default true).
    header: Option<bool>,
    /// Milliseconds without a received byte after which a download is given up (default 15 000).
    stall_timeout: Option<f64>,
    /// `"svg"`, `"canvas"`, or picked by the file's size (default).
    renderer: Option<String>,
    /// A status sheet (CSV) joined to the territories by id.
    statuses: Option<String>,
    /// The property holding each territory's id, name and status (default: the usual keys).
    id_property: Option<String>,
    name_property: Option<String>,
    status_property: Option<String>,
}

impl Options {
    fn read(v: &JsValue) -> Options {
        let text = |k: &str| v.member(k).and_then(|m| m.string());
        let flag = |k: &str| v.member(k).and_then(|m| m.boolean());
        Options {
            src: text("src"),
            context: text("context"),
            lang: text("lang"),
            cooperative: flag("cooperative"),
            header: flag("header"),
            stall_timeout: v.member("stallTimeout").and_then(|m| m.number()),
            renderer: text("renderer"),
            statuses: text("statuses"),
            id_property: text("idProperty"),
            name_property: text("nameProperty"),
            status_property: text("statusProperty"),
        }
    }
}

/// One map inside a host element.
#[wasm_bindgen]
pub struct TerritoiresMap {
    app: Rc<RefCell<App>>,
    listeners: Rc<RefCell<Listeners>>,
}

#[wasm_bindgen]
impl TerritoiresMap {
    /// Builds the map in `root` and starts loading `options.src` (and `options.context`).
    #[wasm_bindgen(constructor)]
    pub fn new(root: HtmlElement, options: JsValue) -> Result<TerritoiresMap, JsValue> {
        let opts = Options::read(&options);
        let strings = Strings::for_lang(opts.lang.as_deref().unwrap_or("fr"));
        let doc = dom::document()?;
        // A pre-rendered map is adopted as it is, with its ids; otherwise the module builds its
        // own. The small module adopts only a map whose data and shapes the page holds, and
        // whose drawing shows that data, read before anything is changed: it downloads and
        // draws nothing. The full one, which the page starts
        // where the small one cannot adopt (www/main.js), downloads the data.
        #[cfg(not(feature = "full"))]
        let (data, scene) = hydrate::read(&root)
            .filter(|(data, _)| hydrate::adoptable(&root, data))
            .ok_or_else(|| JsValue::from_str(NEEDS_FULL))?;
        let (chrome, uid) = match hydrate::adopt(&doc, &root, strings)? {
            Some(chrome) => (chrome, hydrate::UID),
            #[cfg(feature = "full")]
            None => {
                let uid = NEXT_UID.with(|n| n.replace(n.get() + 1));
                (chrome::build(&doc, &root, strings, uid)?, uid)
            }
            // Nothing was changed in `root`: the page starts the full module instead.
            #[cfg(not(feature = "full"))]
            None => return Err(JsValue::from_str(NEEDS_FULL)),
        };
        let cooperative = opts.cooperative.unwrap_or(false);
        let given = |o: Option<String>| o.filter(|s| !s.trim().is_empty());
        let mapping = crate::load::Mapping {
            id: given(opts.id_property),
            name: given(opts.name_property),
            status: given(opts.status_property),
            ..strings.mapping()
        };
        if cooperative {
            root.class_list().add_1("tim-cooperative")?;
        }
        let options = AppOptions { cooperative, header: opts.header.unwrap_or(true), renderer: opts.renderer };
        let loader = loading::Loader::new(
            opts.src.unwrap_or_else(|| "data/territoires-grand-est.geojson".to_string()),
            opts.context,
            opts.stall_timeout,
            opts.statuses.filter(|s| !s.trim().is_empty()),
            mapping,
        );
        let app = Rc::new(RefCell::new(App::new(doc, chrome, strings, uid, options, loader)));
        app.borrow().set_state("loading");
        let listeners = Rc::new(RefCell::new(Listeners::default()));
        wire(&app, &mut listeners.borrow_mut())?;
        #[cfg(not(feature = "full"))]
        loading::adopt(&app, data, scene);
        #[cfg(feature = "full")]
        loading::start(&app);
        Ok(TerritoiresMap { app, listeners })
    }

    /// Starts loading again after a failed download (what the retry button does). Returns
    /// false when the map is already shown, destroyed, or busy (always, in the small module:
    /// it downloads nothing).
    pub fn reload(&self) -> bool {
        #[cfg(feature = "full")]
        return loading::start(&self.app);
        #[cfg(not(feature = "full"))]
        false
    }

    /// Opens the territory with this id; returns false when there is none.
    pub fn select(&self, id: &str) -> bool {
        let events = {
            let Ok(mut a) = self.app.try_borrow_mut() else { return false };
            let Some(i) = a.index_of(id) else { return false };
            a.input(Input::Select(Some(i)))
        };
        self.send(events);
        true
    }

    /// Closes the panel.
    pub fn clear(&self) {
        let events = match self.app.try_borrow_mut() {
            Ok(mut a) => a.input(Input::Select(None)),
            Err(_) => return,
        };
        self.send(events);
    }

    /// Number of event listeners this map holds (0 after `destroy`).
    #[wasm_bindgen(getter, js_name = listenerCount)]
    pub fn listener_count(&self) -> usize {
        self.listeners.borrow().len()
    }

    /// Cancels loading, removes every listener and empties the host element.
    pub fn destroy(&mut self) {
        if let Ok(mut a) = self.app.try_borrow_mut() {
            a.cancel_settle();
        }
        self.listeners.borrow_mut().clear();
        if let Ok(mut a) = self.app.try_borrow_mut() {
            a.tear_down();
        }
    }

    fn send(&self, events: Vec<HostEvent>) {
        let root = self.app.borrow().root().clone();
        for e in events {
            dispatch(&root, e);
        }
    }
}

/// A map freed from JavaScript (`free()`) without `destroy()` still stops its download.
impl Drop for TerritoiresMap {
    fn drop(&mut self) {
        if let Ok(mut a) = self.app.try_borrow_mut() {
            a.loader().destroy();
        }
    }
}

/// Sends a host event from the map element; it bubbles and crosses shadow boundaries.
fn dispatch(root: &HtmlElement, e: HostEvent) {
    let detail = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), &v);
    };
    let kind = match e {
        HostEvent::Ready { count, title, description } => {
            set("count", JsValue::from_f64(count as f64));
            set("title", JsValue::from_str(&title));
            set("description", description.map_or(JsValue::NULL, |d| JsValue::from_str(&d)));
            "ready"
        }
        HostEvent::Error(message) => {
            set("message", JsValue::from_str(&message));
            "error"
        }
        HostEvent::Select { id, name, status } => {
            set("id", JsValue::from_str(&id));
            set("name", JsValue::from_str(&name));
            set("status", JsValue::from_str(&status));
            "territoryselect"
        }
    };
    emit(root, kind, &detail);
}

/// Sends event `kind` with `detail` from the map element; it bubbles and crosses shadow
/// boundaries: the host events, and the small module's requests to the page (`export`).
fn emit(root: &HtmlElement, kind: &str, detail: &js_sys::Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(kind, &init) {
        let _ = root.dispatch_event(&ev);
    }
}
