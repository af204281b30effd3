//! Browser events → [`Input`]s. Pointer events are hit-tested in Rust, or by the browser in the
//! small module (one set of listeners on the SVG, not one per shape); keys are read where focus is; host events are sent after the app
//! is released, so a host handler may call back into the map.

use super::app::App;
use super::dispatch;
use super::listeners::Listeners;
use crate::coords::Screen;
use crate::interact::{Input, Key, PAN_STEP};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, KeyboardEvent, PointerEvent, WheelEvent};

type Shared = Rc<RefCell<App>>;

/// Runs `f` on the app if it is free, then sends the host events it produced. Returns whether
/// the map moved or zoomed.
fn with_app(app: &Shared, f: impl FnOnce(&mut App) -> Option<Input>) -> bool {
    let (events, root, moved) = {
        let Ok(mut a) = app.try_borrow_mut() else { return false };
        let input = f(&mut a);
        let events = input.map(|i| a.input(i)).unwrap_or_default();
        (events, a.root().clone(), a.view_changed())
    };
    for e in events {
        dispatch(&root, e);
    }
    moved
}

/// The event's position in the window. `clientX` is read as the double it is: web-sys's
/// `client_x()` truncates it to an integer, which moves a click at a shape's edge off the shape.
fn client(e: &web_sys::MouseEvent) -> (f64, f64) {
    let coord = |name: &str, fallback: i32| {
        js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(fallback as f64)
    };
    (coord("clientX", e.client_x()), coord("clientY", e.client_y()))
}

/// The event's position in the map's SVG.
fn local(a: &App, e: &web_sys::MouseEvent) -> Screen {
    let r = a.chrome().svg.get_bounding_client_rect();
    let (x, y) = client(e);
    Screen { x: x - r.left(), y: y - r.top() }
}

/// The small module's hit test, before each pointer input: what the browser finds under the
/// pointer (`App::point_at`). The full module hits its own shapes, as the canvas paints them too.
fn point_at(a: &mut App, e: &web_sys::MouseEvent) {
    #[cfg(not(feature = "full"))]
    {
        let (x, y) = client(e);
        a.point_at(x, y);
    }
    #[cfg(feature = "full")]
    let _ = (a, e);
}

fn pointer(e: &Event) -> Option<&PointerEvent> {
    e.dyn_ref::<PointerEvent>()
}

/// What a listener does with its event: the controller input it amounts to, if any.
type Reader = fn(&mut App, &Event) -> Option<Input>;

/// Registers every listener of the map on its own elements.
pub fn wire(app: &Shared, l: &mut Listeners) -> Result<(), JsValue> {
    let (svg, root, export, strings) = {
        let a = app.borrow();
        (a.chrome().svg.clone(), a.root().clone(), a.chrome().export.clone(), a.strings())
    };
    super::export::wire(l, &export)?;
    let doc = super::dom::document()?;
    super::fullscreen::sync(&root, &doc, strings);
    let (fs_root, fs_doc) = (root.clone(), doc.clone());
    l.add(&doc, "fullscreenchange", true, move |_| super::fullscreen::sync(&fs_root, &fs_doc, strings))?;
    settle_and_resize(app, l, &svg)?;
    pointers(app, l, &svg)?;
    wheel(app, l, &svg)?;
    keys(app, l, &svg, &root)?;
    // The list's search box and status filter.
    for kind in ["input", "change"] {
        on(app, l, &root, kind, true, |a, _| {
            let _ = a.filter();
            None
        })?;
    }
    clicks(app, l, &root)
}

/// A listener that feeds the input `read` finds in the event to the app.
fn on(
    app: &Shared,
    l: &mut Listeners,
    target: &web_sys::EventTarget,
    kind: &'static str,
    passive: bool,
    read: Reader,
) -> Result<(), JsValue> {
    let app = app.clone();
    l.add(target, kind, passive, move |e: Event| {
        with_app(&app, |a| read(a, &e));
    })
}

/// The canvas repaint once a gesture settles, and the view following the map's size.
fn settle_and_resize(app: &Shared, l: &mut Listeners, svg: &Element) -> Result<(), JsValue> {
    let settled = app.clone();
    let timer = l.timer(move || {
        if let Ok(mut a) = settled.try_borrow_mut() {
            a.settled();
        }
    });
    app.borrow_mut().set_settle_timer(timer);
    let resized = app.clone();
    l.on_resize(svg, move |_| {
        with_app(&resized, |a| {
            let r = a.chrome().svg.get_bounding_client_rect();
            Some(Input::Resize { width: r.width(), height: r.height() })
        });
    })
}

/// Mouse, pen and fingers on the map: hit-tested in Rust, one set of listeners for all shapes.
fn pointers(app: &Shared, l: &mut Listeners, svg: &Element) -> Result<(), JsValue> {
    on(app, l, svg, "pointerdown", true, |a, e| {
        let p = pointer(e)?;
        // Before the data, a pre-rendered map's links work as links: no capture to steal their click.
        if p.button() != 0 || !a.is_shown() {
            return None;
        }
        let _ = a.chrome().svg.set_pointer_capture(p.pointer_id());
        point_at(a, p);
        Some(Input::PointerDown { id: p.pointer_id(), at: local(a, p), touch: p.pointer_type() == "touch" })
    })?;
    on(app, l, svg, "pointermove", true, |a, e| {
        let p = pointer(e)?;
        point_at(a, p);
        Some(Input::PointerMove { id: p.pointer_id(), at: local(a, p) })
    })?;
    on(app, l, svg, "pointerup", true, |a, e| {
        let p = pointer(e)?;
        point_at(a, p);
        Some(Input::PointerUp { id: p.pointer_id(), at: local(a, p) })
    })?;
    on(app, l, svg, "pointercancel", true, |_, e| pointer(e).map(|p| Input::PointerCancel { id: p.pointer_id() }))?;
    on(app, l, svg, "pointerleave", true, |_, _| Some(Input::PointerLeave))
}

/// The wheel zooms; it is kept from the page only when it did (cooperative mode leaves it).
fn wheel(app: &Shared, l: &mut Listeners, svg: &Element) -> Result<(), JsValue> {
    let wheel_app = app.clone();
    l.add(svg, "wheel", false, move |e: Event| {
        let Some(w) = e.dyn_ref::<WheelEvent>() else { return };
        // Lines and pages are turned into pixels, as browsers scroll them.
        let unit = match w.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let modifier = w.ctrl_key() || w.meta_key();
        let moved =
            with_app(&wheel_app, |a| Some(Input::Wheel { at: local(a, w), delta: w.delta_y() * unit, modifier }));
        if moved {
            e.prevent_default();
        }
    })
}

/// Focus on a territory, the map's keys, and Escape anywhere in the page for the tooltip. (Escape
/// in the image menu never gets here: the menu keeps it, see `export::wire`.)
fn keys(app: &Shared, l: &mut Listeners, svg: &Element, root: &HtmlElement) -> Result<(), JsValue> {
    on(app, l, svg, "focusin", true, |_, e| {
        let t = e.target()?.dyn_into::<Element>().ok()?;
        t.get_attribute("data-index")?.parse().ok().map(Input::Focused)
    })?;
    on(app, l, root, "keydown", false, |_, e| {
        let k = e.dyn_ref::<KeyboardEvent>()?;
        let on_territory = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.class_list().contains("tim-territory"));
        let key = key_of(k, on_territory)?;
        e.prevent_default();
        Some(Input::Key(key))
    })?;
    // Escape hides the tooltip even when focus is elsewhere in the page (WCAG 1.4.13).
    if let Some(doc) = crate::web::dom::window().and_then(|w| w.document()) {
        on(app, l, &doc, "keydown", true, |a, e| {
            let k = e.dyn_ref::<KeyboardEvent>()?;
            (k.key() == "Escape" && !a.chrome().tooltip.hidden()).then_some(Input::DismissTooltip)
        })?;
    }
    Ok(())
}

/// One delegated click listener for the map's buttons, the list's rows, the CSV link and retry.
fn clicks(app: &Shared, l: &mut Listeners, root: &HtmlElement) -> Result<(), JsValue> {
    let click_app = app.clone();
    l.add(root, "click", true, move |e: Event| {
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        #[cfg(feature = "full")]
        if target.as_ref().is_some_and(|t| matches!(t.closest("button.tim-retry"), Ok(Some(_)))) {
            // Not a controller input: starts the failed download again.
            super::loading::start(&click_app);
            return;
        }
        let button = target.as_ref().and_then(|t| t.closest("button").ok().flatten());
        if let Some(b) = button.as_ref().and_then(|b| b.dyn_ref::<HtmlElement>()) {
            let class = b.class_list();
            if class.contains("tim-export-toggle") {
                super::export::toggle(b);
                return;
            } else if class.contains("tim-fullscreen") {
                if let (Ok(a), Ok(doc)) = (click_app.try_borrow(), super::dom::document()) {
                    super::fullscreen::toggle(a.root(), &doc);
                }
                return;
            } else if class.contains("tim-export-svg") {
                super::export::save(&click_app, false);
                return;
            } else if class.contains("tim-export-png") {
                super::export::save(&click_app, true);
                return;
            }
        }
        if target.as_ref().is_some_and(|t| t.class_list().contains("tim-csv")) {
            // The small module's link is always written (`List::keep_csv`).
            #[cfg(feature = "full")]
            if let Ok(a) = click_app.try_borrow() {
                a.csv_clicked();
            }
            return;
        }
        with_app(&click_app, |_| click_input(&e));
    })
}

/// The controller input of a click on one of the map's buttons.
fn click_input(e: &Event) -> Option<Input> {
    {
        let t = e.target()?.dyn_into::<Element>().ok()?;
        let b = t.closest("button").ok()??;
        let class = b.class_list();
        if class.contains("tim-zoom-in") {
            Some(Input::ZoomIn)
        } else if class.contains("tim-zoom-out") {
            Some(Input::ZoomOut)
        } else if class.contains("tim-reset") {
            Some(Input::Reset)
        } else if class.contains("tim-close") {
            Some(Input::ClosePanel)
        } else if class.contains("tim-list-select") {
            // A row of the list: open that territory on the map.
            b.get_attribute("data-index")?.parse().ok().map(|i| Input::Select(Some(i)))
        } else {
            None
        }
    }
}

/// The map's keys. Territory keys only act when a territory has focus; Escape acts anywhere in
/// the map (it closes the panel and returns focus).
fn key_of(k: &KeyboardEvent, on_territory: bool) -> Option<Key> {
    if k.alt_key() || k.ctrl_key() || k.meta_key() {
        return None;
    }
    let key = k.key();
    if key == "Escape" {
        return Some(Key::Escape);
    }
    if !on_territory {
        return None;
    }
    let shift = k.shift_key();
    Some(match key.as_str() {
        "ArrowRight" if shift => Key::Pan { dx: -PAN_STEP, dy: 0.0 },
        "ArrowLeft" if shift => Key::Pan { dx: PAN_STEP, dy: 0.0 },
        "ArrowDown" if shift => Key::Pan { dx: 0.0, dy: -PAN_STEP },
        "ArrowUp" if shift => Key::Pan { dx: 0.0, dy: PAN_STEP },
        "ArrowRight" | "ArrowDown" => Key::Next,
        "ArrowLeft" | "ArrowUp" => Key::Previous,
        "Home" => Key::First,
        "End" => Key::Last,
        "Enter" | " " => Key::Activate,
        "+" | "=" => Key::ZoomIn,
        "-" | "_" => Key::ZoomOut,
        "0" => Key::Reset,
        _ => return None,
    })
}
