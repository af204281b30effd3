//! Owned event listeners: every closure the map registers is kept here and removed by
//! [`Listeners::clear`] (called by `destroy()` and on drop), so an embedded map leaves nothing
//! behind. No closure is ever `forget()`-ten.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, Element, Event, EventTarget, ResizeObserver};

type Handler = Closure<dyn FnMut(Event)>;
/// The observer and the callback it calls, released together.
type ResizeWatch = (ResizeObserver, Closure<dyn FnMut(JsValue)>);

#[derive(Default)]
pub struct Listeners {
    entries: Vec<(EventTarget, &'static str, bool, Handler)>,
    resize: Option<ResizeWatch>,
    timers: Vec<Closure<dyn FnMut()>>,
}

/// A restartable `setTimeout` whose callback is owned by [`Listeners`]: it is released with
/// them, and [`Timer::cancel`] (called by `destroy()`) makes sure it never runs afterwards.
pub struct Timer {
    function: js_sys::Function,
    handle: Option<i32>,
}

impl Timer {
    /// (Re)starts the countdown: the callback runs `ms` after the last call.
    pub fn restart(&mut self, ms: i32) {
        self.cancel();
        let Some(w) = crate::web::dom::window() else { return };
        self.handle = w.set_timeout_with_callback_and_timeout_and_arguments_0(&self.function, ms).ok();
    }

    pub fn cancel(&mut self) {
        if let (Some(h), Some(w)) = (self.handle.take(), crate::web::dom::window()) {
            w.clear_timeout_with_handle(h);
        }
    }

    /// The countdown ran out (called first thing by the callback).
    pub fn fired(&mut self) {
        self.handle = None;
    }
}

impl Listeners {
    /// Listens to `kind` on `target`. `passive: false` lets the handler call `preventDefault`.
    pub fn add(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        passive: bool,
        f: impl FnMut(Event) + 'static,
    ) -> Result<(), JsValue> {
        let closure: Handler = Closure::new(f);
        let opts = AddEventListenerOptions::new();
        opts.set_passive(passive);
        target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            closure.as_ref().unchecked_ref(),
            &opts,
        )?;
        self.entries.push((target.clone(), kind, passive, closure));
        Ok(())
    }

    /// Calls `f` whenever `el` changes size (and once when observation starts).
    pub fn on_resize(&mut self, el: &Element, f: impl FnMut(JsValue) + 'static) -> Result<(), JsValue> {
        let closure: Closure<dyn FnMut(JsValue)> = Closure::new(f);
        let observer = ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        observer.observe(el);
        self.resize = Some((observer, closure));
        Ok(())
    }

    /// A timer running `f`, its closure kept here.
    pub fn timer(&mut self, f: impl FnMut() + 'static) -> Timer {
        let closure: Closure<dyn FnMut()> = Closure::new(f);
        let function: js_sys::Function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
        self.timers.push(closure);
        Timer { function, handle: None }
    }

    /// How many listeners, observers and timer callbacks are registered.
    pub fn len(&self) -> usize {
        self.entries.len() + usize::from(self.resize.is_some()) + self.timers.len()
    }

    /// Removes and releases every listener.
    pub fn clear(&mut self) {
        for (target, kind, _, closure) in self.entries.drain(..) {
            let _ = target.remove_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        }
        if let Some((observer, _closure)) = self.resize.take() {
            observer.disconnect();
        }
        self.timers.clear();
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        self.clear();
    }
}
