//! One call of each browser binding the project imports, with trivial arguments, grouped by
//! receiver type. No logic: results are dropped or summed so that the calls stay.
use js_sys::{Array, Function, JsString, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, AddEventListenerOptions, Blob, BlobPropertyBag, CanvasPattern,
    CanvasRenderingContext2d, CanvasWindingRule, CssStyleDeclaration, CustomEvent, CustomEventInit, Document, DomRect,
    DomTokenList, Element, Event, EventTarget, HtmlCanvasElement, HtmlCollection, HtmlElement, HtmlImageElement,
    HtmlInputElement, HtmlSelectElement, KeyboardEvent, MouseEvent, Node, NodeList, Path2d, PointerEvent,
    ReadableStreamDefaultReader, RequestInit, ResizeObserver, Response, SvgElement, TextMetrics, Url, WheelEvent,
    Window,
};

// serde-wasm-bindgen's private binding (the project's get_with_ref_key import).
#[wasm_bindgen]
extern "C" {
    type ObjectExt;
    #[wasm_bindgen(method, indexing_getter)]
    fn get_with_ref_key(this: &ObjectExt, key: &JsString) -> JsValue;
}

fn b(x: bool) -> u32 {
    x as u32
}

/// JsValue intrinsics, JsError, throw, Reflect, Object, Array, Uint8Array, Date, encodeURIComponent.
#[wasm_bindgen]
pub fn values(a: JsValue, k: JsValue) -> Result<f64, JsValue> {
    let mut n = 0.0;
    n += a.as_bool().map_or(0.0, |x| x as u32 as f64);
    n += b(k.js_in(&a)) as f64;
    n += b(a.is_function()) as f64 + b(a.is_null()) as f64 + b(a.is_object()) as f64;
    n += b(a.is_undefined()) as f64 + b(a.loose_eq(&k)) as f64;
    n += a.as_f64().unwrap_or(0.0);
    n += a.as_string().map_or(0, |s| s.len()) as f64;
    n += b(a.unchecked_ref::<ObjectExt>().get_with_ref_key(k.unchecked_ref()).is_null()) as f64;
    let o = Object::new();
    Reflect::set(&o, &k, &a)?;
    n += b(Reflect::get(&o, &k)?.is_null()) as f64;
    n += b(Array::of1(&a).includes(&k, 0)) as f64 + b(Array::of2(&a, &k).is_null()) as f64;
    if let Some(u) = a.dyn_ref::<Uint8Array>() {
        let mut buf = [0u8; 16];
        u.copy_to(&mut buf[..u.length().min(16) as usize]);
        n += buf[0] as f64;
    }
    n += b(Uint8Array::new(&k).is_null()) as f64;
    n += b(a.is_instance_of::<js_sys::ArrayBuffer>()) as f64;
    if let Some(e) = a.dyn_ref::<js_sys::Error>() {
        n += b(e.name() == "AbortError") as f64;
    }
    n += js_sys::Date::now();
    n += String::from(js_sys::encode_uri_component("a b")).len() as f64;
    if n < 0.0 {
        return Err(JsError::new("negative").into());
    }
    if n.is_nan() {
        wasm_bindgen::throw_str("nan");
    }
    web_sys::console::error_1(&a);
    Ok(n)
}

/// Closures (the project's Closure<dyn FnMut(Event)>, FnMut(JsValue), FnMut(), once_into_js),
/// listeners, ResizeObserver, timers, Promise.
#[wasm_bindgen]
pub fn closures(t: EventTarget, el: Element, c: HtmlCanvasElement) -> Result<(), JsValue> {
    let w = web_sys::window().ok_or("no window")?;
    let h: Closure<dyn FnMut(Event)> = Closure::new(|e: Event| e.prevent_default());
    let opts = AddEventListenerOptions::new();
    opts.set_passive(false);
    t.add_event_listener_with_callback_and_add_event_listener_options("x", h.as_ref().unchecked_ref(), &opts)?;
    t.remove_event_listener_with_callback("x", h.as_ref().unchecked_ref())?;
    drop(h);
    let r: Closure<dyn FnMut(JsValue)> = Closure::new(|v: JsValue| web_sys::console::error_1(&v));
    let o = ResizeObserver::new(r.as_ref().unchecked_ref())?;
    o.observe(&el);
    o.disconnect();
    drop(r);
    let tm: Closure<dyn FnMut()> = Closure::new(|| {});
    let id = w.set_timeout_with_callback_and_timeout_and_arguments_0(tm.as_ref().unchecked_ref(), 1)?;
    w.clear_timeout_with_handle(id);
    drop(tm);
    let once = Closure::once_into_js(move || {});
    w.set_timeout_with_callback(once.unchecked_ref())?;
    let done = Closure::once_into_js(move |b: JsValue| web_sys::console::error_1(&b));
    c.to_blob_with_type(done.unchecked_ref(), "image/png")?;
    Ok(())
}

/// Futures: Promise::new, race, JsFuture (then, resolve, queueMicrotask), spawn_local, fetch.
#[wasm_bindgen]
pub fn futures(url: String, img: HtmlImageElement) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(w) = web_sys::window() else { return };
        let mut resolve: Option<Function> = None;
        let timeout = Promise::new(&mut |res, _rej| resolve = Some(res));
        if let Some(f) = resolve {
            let _ = f.call0(&JsValue::UNDEFINED);
            let _ = f.call1(&JsValue::NULL, &JsValue::NULL);
        }
        let Ok(ctl) = AbortController::new() else { return };
        let signal: AbortSignal = ctl.signal();
        let init = RequestInit::new();
        init.set_signal(Some(&signal));
        let race = Promise::race(&Array::of2(&w.fetch_with_str_and_init(&url, &init), &timeout));
        let Ok(v) = JsFuture::from(race).await else { return };
        if signal.aborted() {
            ctl.abort();
        }
        let Ok(resp) = v.dyn_into::<Response>() else { return };
        if !resp.ok() {
            web_sys::console::error_1(&JsValue::from_str(&resp.status_text()));
            web_sys::console::error_1(&JsValue::from(resp.status()));
        }
        let _ = resp.headers().get("content-length");
        let Some(body) = resp.body() else { return };
        let Ok(reader) = body.get_reader().dyn_into::<ReadableStreamDefaultReader>() else { return };
        let _ = JsFuture::from(reader.read()).await;
        let _ = JsFuture::from(img.decode()).await;
    });
}

/// Window, Document, Performance, Url, Blob, CustomEvent, Image, Path2d.
#[wasm_bindgen]
pub fn window(root: HtmlElement, parts: Array) -> Result<f64, JsValue> {
    let w = web_sys::window().ok_or("no window")?;
    let d: Document = w.document().ok_or("no document")?;
    let mut n = w.device_pixel_ratio();
    if let Some(p) = w.performance() {
        p.mark("m")?;
    }
    let s: CssStyleDeclaration = w.get_computed_style(&root)?.ok_or("no style")?;
    n += s.get_property_value("x")?.len() as f64;
    n += b(d.active_element().is_some()) as f64;
    let e = d.create_element("div")?;
    let _svg = d.create_element_ns(Some("http://www.w3.org/2000/svg"), "g")?;
    let bag = BlobPropertyBag::new();
    bag.set_type("image/svg+xml");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    Url::revoke_object_url(&url)?;
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&Object::new());
    let ev = CustomEvent::new_with_event_init_dict("ready", &init)?;
    n += b(e.dispatch_event(&ev)?) as f64;
    let img = HtmlImageElement::new()?;
    img.set_src(&url);
    let _p = Path2d::new_with_path_string("M0 0")?;
    let _ = w.dyn_ref::<Window>();
    Ok(n)
}

/// Node, Element, DomTokenList, NodeList, HtmlCollection, DomRect.
#[wasm_bindgen]
pub fn dom(n: Node, e: Element, o: Node) -> Result<f64, JsValue> {
    let mut x = 0.0;
    x += b(n.append_child(&o)?.is_null()) as f64;
    n.insert_before(&o, n.first_child().as_ref())?;
    n.remove_child(&o)?;
    x += b(n.contains(Some(&o))) as f64;
    x += b(n.next_sibling().is_some()) as f64 + b(n.previous_sibling().is_some()) as f64;
    x += b(n.parent_node().is_some()) as f64 + b(n.parent_element().is_some()) as f64;
    x += b(n.owner_document().is_some()) as f64;
    x += n.text_content().map_or(0, |s| s.len()) as f64;
    n.set_text_content(Some("t"));
    e.set_attribute("a", "b")?;
    x += e.get_attribute("a").map_or(0, |s| s.len()) as f64;
    e.remove_attribute("a")?;
    e.set_id("i");
    e.set_class_name("c");
    x += e.local_name().len() as f64;
    x += b(e.matches("p")?) as f64;
    x += b(e.closest("p")?.is_some()) as f64;
    x += b(e.query_selector("p")?.is_some()) as f64;
    let l: NodeList = e.query_selector_all("p")?;
    x += l.length() as f64 + b(l.item(0).is_some()) as f64;
    let c: HtmlCollection = e.children();
    x += c.length() as f64 + b(c.item(0).is_some()) as f64;
    x += b(e.first_element_child().is_some()) as f64 + b(e.next_element_sibling().is_some()) as f64;
    e.append_with_node_1(&o)?;
    e.append_with_str_1("s")?;
    e.prepend_with_node_1(&o)?;
    e.after_with_node_1(&o)?;
    e.replace_with_with_node_1(&o)?;
    e.remove();
    let cl: DomTokenList = e.class_list();
    cl.add_1("a")?;
    cl.remove_1("a")?;
    x += b(cl.contains("a")) as f64 + b(cl.toggle_with_force("a", true)?) as f64;
    let r: DomRect = e.get_bounding_client_rect();
    x += r.width() + r.height() + r.left() + r.top();
    x += b(n.dyn_ref::<Element>().is_some()) as f64;
    x += b(n.dyn_ref::<SvgElement>().is_some()) as f64;
    Ok(x)
}

/// HtmlElement, SvgElement, style, inputs.
#[wasm_bindgen]
pub fn html(h: JsValue, s: SvgElement, i: HtmlInputElement, sel: HtmlSelectElement) -> Result<f64, JsValue> {
    let h: HtmlElement = h.dyn_into()?;
    let mut x = 0.0;
    h.focus()?;
    s.focus()?;
    h.click();
    x += b(h.hidden()) as f64;
    h.set_hidden(true);
    h.set_title("t");
    x += h.offset_width() as f64;
    let st: CssStyleDeclaration = h.style();
    st.set_property("a", "b")?;
    x += st.remove_property("a")?.len() as f64;
    s.style().set_property("a", "b")?;
    x += (i.value().len() + sel.value().len()) as f64;
    Ok(x)
}

/// Events.
#[wasm_bindgen]
pub fn events(e: Event) -> Result<f64, JsValue> {
    let mut x = 0.0;
    e.prevent_default();
    e.stop_propagation();
    x += b(e.target().is_some()) as f64;
    x += b(e.composed_path().includes(&JsValue::NULL, 0)) as f64;
    if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
        x += k.key().len() as f64;
        x += b(k.alt_key() || k.ctrl_key() || k.meta_key() || k.shift_key()) as f64;
    }
    if let Some(p) = e.dyn_ref::<PointerEvent>() {
        x += p.pointer_id() as f64 + p.pointer_type().len() as f64;
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            t.set_pointer_capture(p.pointer_id())?;
        }
    }
    if let Some(w) = e.dyn_ref::<WheelEvent>() {
        x += w.delta_y() + w.delta_mode() as f64;
        x += b(w.ctrl_key() || w.meta_key()) as f64;
    }
    let m: &MouseEvent = e.unchecked_ref();
    x += m.client_x() as f64 + m.client_y() as f64 + m.button() as f64;
    Ok(x)
}

/// Canvas.
#[wasm_bindgen]
pub fn canvas(c: JsValue, img: HtmlImageElement, pat: HtmlCanvasElement) -> Result<f64, JsValue> {
    let c: HtmlCanvasElement = c.dyn_into()?;
    let mut x = (c.width() + c.height()) as f64;
    c.set_width(1);
    c.set_height(1);
    let ctx: CanvasRenderingContext2d = c.get_context("2d")?.ok_or("no 2d")?.dyn_into()?;
    let p = Path2d::new_with_path_string("M0 0")?;
    ctx.save();
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, 1.0, 1.0);
    ctx.set_fill_style_str("red");
    ctx.fill_rect(0.0, 0.0, 1.0, 1.0);
    ctx.set_stroke_style_str("red");
    ctx.set_line_width(1.0);
    ctx.set_global_alpha(0.5);
    ctx.set_line_dash(&Array::of1(&JsValue::from(1.0)))?;
    ctx.set_font("10px sans-serif");
    ctx.fill_with_path_2d(&p);
    ctx.fill_with_path_2d_and_winding(&p, CanvasWindingRule::Evenodd);
    ctx.clip_with_path_2d_and_winding(&p, CanvasWindingRule::Nonzero);
    ctx.stroke_with_path(&p);
    if let Some(pattern) = ctx.create_pattern_with_html_canvas_element(&pat, "repeat")? {
        let pattern: CanvasPattern = pattern;
        ctx.set_fill_style_canvas_pattern(&pattern);
    }
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, 1.0, 1.0)?;
    let m: TextMetrics = ctx.measure_text("x")?;
    x += m.width();
    ctx.restore();
    Ok(x)
}
