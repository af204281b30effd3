//! The download half of the load flow (the full module only: the small one adopts a page that
//! holds its data, see `super::adopt`): the three downloads at once, their progress, the retry
//! button, and the reading of what came.

use super::super::app::{App, HostEvent};
use super::super::{dispatch, dom, fetch};
use super::{show, Shared};
use crate::load::{self, Failure, FetchError};
use crate::scene::Scene;
use crate::text::Strings;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, SvgElement};

/// Least time between two progress messages, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 400.0;

/// Where the territories download stands, for the background's progress messages: they are
/// shown only once the territories are in, as when the two were downloaded one after the other.
#[derive(Clone, Copy, PartialEq)]
enum Territories {
    Coming,
    In,
    Failed,
}

/// One load: what to download, how long a download may stall, and the signals that end it.
struct Plan {
    src: String,
    context: Option<String>,
    statuses: Option<String>,
    stall_ms: u32,
    /// Ends every download (destroy, retry).
    signal: AbortSignal,
    /// Ends the background map's and the sheet's downloads (also when the territories fail).
    context_abort: AbortController,
    strings: &'static Strings,
}

/// What came back: the territories, and the background map and the status sheet with their
/// addresses when they were asked for.
struct Downloads {
    territories: Result<Vec<u8>, FetchError>,
    context: Option<(String, Result<Vec<u8>, FetchError>)>,
    sheet: Option<(String, Result<Vec<u8>, FetchError>)>,
}

/// Starts (or starts again) loading the map's data. Returns false when the map is destroyed,
/// already shown, or busy.
pub fn start(app: &Shared) -> bool {
    let Some(plan) = begin(app) else { return false };
    let task = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let downloads = download(&task, &plan).await;
        if !plan.signal.aborted() {
            finish(&task, &plan, downloads);
        }
    });
    true
}

/// Aborts what is in flight, shows "loading", and plans the new load.
fn begin(app: &Shared) -> Option<Plan> {
    let mut a = app.try_borrow_mut().ok()?;
    if a.loader().destroyed || a.is_shown() {
        return None;
    }
    a.loader().abort_all();
    let (Ok(abort), Ok(context_abort)) = (AbortController::new(), AbortController::new()) else { return None };
    let signal = abort.signal();
    a.loader().abort = vec![abort, context_abort.clone()];
    a.loader().refocus = remove_retry(&a);
    show_loading(&a);
    let strings = a.strings();
    let l = a.loader();
    let (src, context, statuses, stall_ms) = (l.src.clone(), l.context.clone(), l.statuses.clone(), l.stall_ms);
    Some(Plan { src, context, statuses, stall_ms, signal, context_abort, strings })
}

/// Progress of one download in the message area, at most a few updates a second (it is a live
/// region), never after the load was aborted.
fn reporter(task: &Shared, plan: &Plan, what: &'static str) -> impl FnMut(u64, Option<u64>) {
    let (task, signal, strings) = (task.clone(), plan.signal.clone(), plan.strings);
    let mut shown_at = f64::NEG_INFINITY;
    move |loaded: u64, total: Option<u64>| {
        let now = js_sys::Date::now();
        if signal.aborted() || (now - shown_at < PROGRESS_EVERY_MS && Some(loaded) != total) {
            return;
        }
        shown_at = now;
        let Ok(a) = task.try_borrow() else { return };
        let text = strings.progress(what, loaded, total);
        if a.chrome().message.text_content().as_deref() != Some(text.as_str()) {
            a.chrome().message.set_text_content(Some(&text));
        }
    }
}

/// The three downloads at once; the background's progress waits for the territories.
async fn download(task: &Shared, plan: &Plan) -> Downloads {
    let stage = Cell::new(Territories::Coming);
    let pending: Cell<Option<(u64, Option<u64>)>> = Cell::new(None);
    let show_context = RefCell::new(reporter(task, plan, plan.strings.loading_context));
    let context_signal = plan.context_abort.signal();
    let stall_ms = plan.stall_ms;
    let territories = async {
        let req = fetch::Request { url: &plan.src, signal: &plan.signal, stall_ms };
        let r = fetch::bytes(&req, &mut reporter(task, plan, plan.strings.loading_territories)).await;
        stage.set(if r.is_ok() { Territories::In } else { Territories::Failed });
        match (&r, pending.take()) {
            // Not needed any more: the load ends with the territories' error.
            (Err(_), _) => plan.context_abort.abort(),
            (Ok(_), Some((loaded, total))) => (show_context.borrow_mut())(loaded, total),
            (Ok(_), None) => {}
        }
        r
    };
    let background = async {
        let url = plan.context.as_ref()?;
        let req = fetch::Request { url, signal: &context_signal, stall_ms };
        let mut progress = |loaded: u64, total: Option<u64>| match stage.get() {
            Territories::In => (show_context.borrow_mut())(loaded, total),
            Territories::Coming => pending.set(Some((loaded, total))),
            Territories::Failed => {}
        };
        let r = fetch::bytes(&req, &mut progress).await;
        pending.set(None);
        Some((url.clone(), r))
    };
    // The sheet is small: no progress of its own; it stops with the territories' download.
    let sheet = async {
        let url = plan.statuses.as_ref()?;
        let req = fetch::Request { url, signal: &context_signal, stall_ms };
        Some((url.clone(), fetch::bytes(&req, &mut |_, _| {}).await))
    };
    let (territories, context, sheet) = futures_util::future::join3(territories, background, sheet).await;
    let context = context.filter(|_| territories.is_ok());
    Downloads { territories, context, sheet }
}

/// Draws what came (or says what failed, with a retry button), then tells the host page.
fn finish(task: &Shared, plan: &Plan, d: Downloads) {
    let failed_download = d.territories.is_err();
    let event = {
        let Ok(mut a) = task.try_borrow_mut() else { return };
        if a.loader().destroyed {
            return;
        }
        // Closes a stalled connection; a no-op for finished downloads.
        a.loader().abort_all();
        let event = load_into(&mut a, &plan.src, d.territories, d.context, d.sheet);
        let refocus = std::mem::take(&mut a.loader().refocus);
        if failed_download {
            add_retry(&a, refocus);
        } else if refocus {
            focus_map(&a);
        }
        event
    };
    let root = task.borrow().root().clone();
    dispatch(&root, event);
}

/// Puts the message area back to "loading", without the error look or the retry button. Over
/// an adopted pre-rendered map, which is already there, it says so only after a failure.
fn show_loading(a: &App) {
    let m = &a.chrome().message;
    if a.chrome().pre.is_some() && m.hidden() {
        a.set_state("loading");
        return;
    }
    m.set_text_content(Some(a.strings().loading));
    let _ = m.set_attribute("role", "status");
    let _ = m.class_list().remove_1("tim-error");
    m.set_hidden(false);
    a.set_state("loading");
}

/// The retry button, right after the error message. Its click is handled by the map's
/// delegated click listener (wire.rs), which calls [`start`].
fn add_retry(a: &App, focus: bool) {
    remove_retry(a);
    let Ok(b) = dom::text_el(a.doc(), "button", "tim-retry", a.strings().retry) else { return };
    let _ = b.set_attribute("type", "button");
    let _ = a.chrome().message.after_with_node_1(&b);
    if focus {
        let _ = b.focus();
    }
}

/// Focuses the territory that holds the map's tab stop.
fn focus_map(a: &App) {
    if let Ok(Some(t)) = a.chrome().territories.query_selector("[tabindex='0']") {
        if let Some(t) = t.dyn_ref::<SvgElement>() {
            let _ = t.focus();
        }
    }
}

/// Removes the retry button; returns whether it had keyboard focus (`:focus-visible`).
fn remove_retry(a: &App) -> bool {
    let Some(stage) = a.chrome().message.parent_element() else { return false };
    let Ok(Some(old)) = stage.query_selector(":scope > .tim-retry") else { return false };
    let focused = old.matches(":focus-visible").unwrap_or(false);
    old.remove();
    focused
}

type Download = Option<(String, Result<Vec<u8>, FetchError>)>;

fn load_into(
    a: &mut App,
    src: &str,
    territories: Result<Vec<u8>, FetchError>,
    context: Download,
    sheet: Download,
) -> HostEvent {
    let bytes = match territories {
        Ok(b) => b,
        Err(e) => return a.fail(&Failure::Download(e)),
    };
    dom::mark("fetched");
    let mut notes = Vec::new();
    let sheet = sheet.and_then(|(url, r)| {
        let failure = match r.map(|b| load::sheet(&b, &a.loader().mapping)) {
            Ok(Ok(s)) => return Some(s),
            Ok(Err(error)) => Failure::StatusesUnusable { url, error },
            Err(error) => Failure::StatusesDownload { url, error },
        };
        notes.push(a.strings().failure(&failure));
        None
    });
    let loaded = match load::territories_with(&bytes, &a.loader().mapping, sheet.as_ref()) {
        Ok(l) => l,
        Err(error) => return a.fail(&Failure::Unusable { url: src.to_string(), error }),
    };
    let ctx = context.and_then(|(url, r)| {
        let failure = match r.map(|b| load::context(&b)) {
            Ok(Ok(c)) => return Some(c.data),
            Ok(Err(error)) => Failure::ContextUnusable { url, error },
            Err(error) => Failure::ContextDownload { url, error },
        };
        notes.insert(0, a.strings().failure(&failure));
        None
    });
    // At most a thousand lines of each: the list shows the first fifty and a count.
    let problems = loaded.problems.iter().take(1000).map(|p| a.strings().problem(p));
    notes.extend(problems.chain(loaded.sheet_problems.iter().take(1000).map(|p| a.strings().sheet_problem(p))));
    dom::mark("parsed");
    let scene = Scene::build(&loaded.data, ctx.as_ref());
    dom::mark("scene");
    show(a, loaded.data, scene, &notes)
}
