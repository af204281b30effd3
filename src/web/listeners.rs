//! Owned event listeners: every closure the map registers is kept here and removed by
//! [`Listeners::clear`] (called by `destroy()` and on drop), so an embedded map leaves nothing
//! behind. No closure is ever `forget()`-ten.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, Element, Event, EventTarget, ResizeObserver};

type Handler = Closure<dyn FnMut(Event)>;

#[derive(Default)]
pub struct Listeners {
    entries: Vec<(EventTarget, &'static str, bool, Handler)>,
    resize: Option<(ResizeObserver, Closure<dyn FnMut(JsValue)>)>,
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

    /// How many listeners and observers are registered.
    pub fn len(&self) -> usize {
        self.entries.len() + usize::from(self.resize.is_some())
    }

    /// Removes and releases every listener.
    pub fn clear(&mut self) {
        for (target, kind, _, closure) in self.entries.drain(..) {
            let _ = target.remove_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        }
        if let Some((observer, _closure)) = self.resize.take() {
            observer.disconnect();
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        self.clear();
    }
}
