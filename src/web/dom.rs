//! Small DOM helpers. Text from data only ever goes in through `textContent` or attributes,
//! never as markup.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: Option<web_sys::Window>;
}

/// The page's window (`None` where there is none, in a worker). Read from the global `window`
/// directly, where `web_sys::window()` goes through `js_sys::global()`, which tries four names
/// (`globalThis`, `self`, `window`, `global`), each an import with its glue: 0.5 KB gzip of the
/// small module (6 December 2026, docs/performance.md).
pub fn window() -> Option<web_sys::Window> {
    WINDOW.with(Clone::clone)
}

pub fn document() -> Result<Document, JsValue> {
    window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

/// An HTML element with a class (and `tim-` prefix already included by the caller).
pub fn html(doc: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let el = doc.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.dyn_into::<HtmlElement>().map_err(|_| JsValue::from_str("not an HTML element"))
}

/// The element `selector` finds inside `container`, which holds it (a frame just written, or a
/// pre-rendered one checked beforehand): its absence is an error.
pub fn part(container: &Element, selector: &str) -> Result<Element, JsValue> {
    container.query_selector(selector)?.ok_or_else(|| JsValue::from_str(selector))
}

/// `el` as the HTML element it is; an error naming `what` otherwise.
pub fn as_html(el: Element, what: &str) -> Result<HtmlElement, JsValue> {
    el.dyn_into().map_err(|_| JsValue::from_str(what))
}

/// An SVG element with attributes.
pub fn svg(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let el = doc.create_element_ns(Some(SVG_NS), tag)?;
    for (k, v) in attrs {
        el.set_attribute(k, v)?;
    }
    Ok(el)
}

/// An HTML element holding `text` as text.
pub fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let el = html(doc, tag, class)?;
    el.set_text_content(Some(text));
    Ok(el)
}

pub fn append(parent: &impl AsRef<web_sys::Node>, child: &impl AsRef<web_sys::Node>) -> Result<(), JsValue> {
    parent.as_ref().append_child(child.as_ref()).map(|_| ())
}

/// Sets `el`'s `lang`, unless it already says `lang`: the browser restyles the whole subtree at
/// any write of the attribute, of the same value too (`:lang()`), work for nothing on a
/// pre-rendered map whose root already says its language.
pub fn set_lang(el: &Element, lang: &str) -> Result<(), JsValue> {
    if el.get_attribute("lang").as_deref() == Some(lang) {
        return Ok(());
    }
    el.set_attribute("lang", lang)
}

/// Adds or removes one class.
pub fn toggle_class(el: &Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// Times a step that recurs (the names' placement at each view): its last run stays as the
/// `performance.measure` `tim:<name>`, the one before cleared so that a long session keeps one,
/// for the browser's profiler and `make bench`. In the full module and the names' own one (the
/// small one places no names).
#[cfg(any(feature = "full", feature = "names"))]
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(p) = window().and_then(|w| w.performance()) else { return f() };
    let (measure, start) = (format!("tim:{name}"), format!("tim:{name}:start"));
    p.clear_marks_with_mark_name(&start);
    let _ = p.mark(&start);
    let out = f();
    p.clear_measures_with_measure_name(&measure);
    let _ = p.measure_with_start_mark(&measure, &start);
    out
}

/// A `performance.mark` named `tim:<name>`: the load's steps show in the browser's profiler and
/// in `make bench` (`performance.getEntriesByType("mark")`).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("tim:{name}"));
    }
}
