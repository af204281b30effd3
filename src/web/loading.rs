//! The load flow of one map: download the territories, the background map and the status
//! sheet at the same time, showing the territories' progress in `.tim-message` (then the background's, if it is
//! still coming); on a failed or stalled download, an error with a retry button ("Réessayer",
//! "Try again") that starts it again. Failures are typed (`crate::load::Failure`) and worded by the strings
//! table in the map's language. `destroy()` aborts the downloads; nothing is written after it.

#[cfg(feature = "full")]
mod download;

use super::app::{App, HostEvent};
#[cfg(not(feature = "full"))]
use super::{dispatch, dom};
use crate::load::Mapping;
use crate::model::Dataset;
use crate::scene::Scene;
use std::cell::RefCell;
use std::rc::Rc;
#[cfg(not(feature = "full"))]
use wasm_bindgen::JsCast;
use web_sys::AbortController;

#[cfg(feature = "full")]
pub use download::start;

/// Default time a download may go without receiving a byte before it is given up.
pub const STALL_MS: u32 = 15_000;

/// What to load, and the downloads in flight. The small module downloads nothing: it only
/// keeps `destroyed`.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
pub struct Loader {
    pub src: String,
    pub context: Option<String>,
    /// The status sheet (CSV) joined to the territories, if any.
    pub statuses: Option<String>,
    /// Which properties hold the id, name and status.
    pub mapping: Mapping,
    pub stall_ms: u32,
    /// One controller per download (territories, then the background's own), so a failed
    /// territories download can stop the background one without ending the load.
    abort: Vec<AbortController>,
    /// Set by `destroy()`: no load starts and no state is written afterwards.
    destroyed: bool,
    /// The retry button had keyboard focus: once loaded, focus goes to the map (or the new
    /// retry button) instead of being lost with the removed button.
    refocus: bool,
}

impl Loader {
    pub fn new(
        src: String,
        context: Option<String>,
        stall_ms: Option<f64>,
        statuses: Option<String>,
        mapping: Mapping,
    ) -> Loader {
        let stall_ms = match stall_ms {
            Some(ms) if ms.is_finite() && ms >= 1.0 => ms.min(3_600_000.0) as u32,
            _ => STALL_MS,
        };
        Loader { src, context, statuses, mapping, stall_ms, abort: Vec::new(), destroyed: false, refocus: false }
    }

    /// Aborts the downloads in flight, for good.
    pub fn destroy(&mut self) {
        self.destroyed = true;
        self.abort_all();
    }

    fn abort_all(&mut self) {
        for a in self.abort.drain(..) {
            a.abort();
        }
    }
}

type Shared = Rc<RefCell<App>>;

/// Shows the map whose data and shapes the page held (see `super::hydrate::read`): no download,
/// the small module's only way in. Once the constructor has returned, so that the page holds the
/// map when told it is ready: in a microtask of its own (`queueMicrotask`), not through
/// `wasm_bindgen_futures::spawn_local`, whose task queue cost the small module 1.1 KB gzip for a
/// task that awaits nothing (docs/performance.md).
#[cfg(not(feature = "full"))]
pub fn adopt(app: &Shared, data: Dataset, scene: Scene) {
    let task = app.clone();
    let after = wasm_bindgen::closure::Closure::once_into_js(move || {
        let event = {
            let Ok(mut a) = task.try_borrow_mut() else { return };
            if a.loader().destroyed || a.is_shown() {
                return;
            }
            dom::mark("parsed");
            show(&mut a, data, scene, &[])
        };
        let root = task.borrow().root().clone();
        dispatch(&root, event);
    });
    if let Some(w) = crate::web::dom::window() {
        w.queue_microtask(after.unchecked_ref());
    }
}

/// Shows the map, then says it is ready, or that it could not be drawn. Inlined: as a function
/// of its own, moving the dataset and scene through it made the module larger than the two
/// copies it replaces (docs/performance.md, "Mesures citées par le code").
#[inline(always)]
fn show(a: &mut App, data: Dataset, scene: Scene, notes: &[String]) -> HostEvent {
    match a.show(data, scene, notes) {
        Ok(ev) => {
            a.set_state("ready");
            ev
        }
        Err(_) => a.fail_with(a.strings().not_drawn.to_string()),
    }
}
