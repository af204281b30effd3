//! Downloading a file as bytes: read chunk by chunk from the response body so progress can be
//! shown, given up when no byte arrives for `stall_ms`, cancelled by an abort signal. The
//! browser's failures come back as [`FetchError`]s naming the address; the strings table words them.

use crate::load::FetchError;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestInit, Response, Window};

/// What a download is for, and how long it may go without receiving anything.
pub struct Request<'a> {
    pub url: &'a str,
    pub signal: &'a AbortSignal,
    pub stall_ms: u32,
}

/// Fetches `req.url`, calling `progress(loaded, total)` after each chunk (`total` from
/// `Content-Length` when the server sends it).
pub async fn bytes(req: &Request<'_>, progress: &mut dyn FnMut(u64, Option<u64>)) -> Result<Vec<u8>, FetchError> {
    let url = req.url;
    let at = || url.to_string();
    let stalled = || FetchError::Stalled { url: at(), ms: req.stall_ms };
    let window = crate::web::dom::window().ok_or(FetchError::NoWindow)?;
    let init = RequestInit::new();
    init.set_signal(Some(req.signal));
    let response = within(&window, window.fetch_with_str_and_init(url, &init), req.stall_ms)
        .await
        .map_err(|e| network_error(url, &e))?
        .ok_or_else(stalled)?;
    let response: Response = response.dyn_into().map_err(|_| FetchError::UnexpectedResponse { url: at() })?;
    if !response.ok() {
        return Err(FetchError::Http { url: at(), status: response.status(), status_text: response.status_text() });
    }
    let total = response.headers().get("content-length").ok().flatten().and_then(|v| v.trim().parse::<u64>().ok());
    let Some(body) = response.body() else { return Ok(Vec::new()) };
    let reader: ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| FetchError::Unreadable { url: at() })?;
    let mut out: Vec<u8> = Vec::with_capacity(total.unwrap_or(0).min(64 << 20) as usize);
    progress(0, total);
    loop {
        let chunk = match within(&window, reader.read(), req.stall_ms).await {
            Ok(Some(c)) => c,
            // Nothing came in time: the caller aborts the request, which closes the connection.
            Ok(None) => return Err(stalled()),
            Err(e) => return Err(network_error(url, &e)),
        };
        let done = Reflect::get(&chunk, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true);
        if done {
            break;
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            let start = out.len();
            out.resize(start + bytes.length() as usize, 0);
            bytes.copy_to(&mut out[start..]);
        }
        progress(out.len() as u64, total);
    }
    Ok(out)
}

/// A timer that is cleared, and its callback released, when it is dropped.
struct Timer {
    window: Window,
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.id);
    }
}

/// Awaits `p` for at most `ms`: `Ok(None)` when the time ran out first.
async fn within(window: &Window, p: Promise, ms: u32) -> Result<Option<JsValue>, JsValue> {
    let mut resolve: Option<Function> = None;
    let timeout = Promise::new(&mut |res, _rej| resolve = Some(res));
    let resolve = resolve.ok_or_else(|| JsValue::from_str("Promise"))?;
    // The marker is `undefined`: neither a Response nor a read result is ever undefined.
    let callback: Closure<dyn FnMut()> = Closure::new(move || {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    });
    let id = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        callback.as_ref().unchecked_ref(),
        i32::try_from(ms).unwrap_or(i32::MAX),
    )?;
    let timer = Timer { window: window.clone(), id, _callback: callback };
    let race = Promise::race(&js_sys::Array::of2(&p, &timeout));
    let result = JsFuture::from(race).await;
    drop(timer);
    result.map(|v| if v.is_undefined() { None } else { Some(v) })
}

/// A rejected fetch or read: cancelled by our abort signal, or a network failure.
fn network_error(url: &str, e: &JsValue) -> FetchError {
    let aborted = e.dyn_ref::<js_sys::Error>().map(|e| e.name() == "AbortError").unwrap_or(false)
        || Reflect::get(e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).as_deref()
            == Some("AbortError");
    if aborted {
        FetchError::Aborted { url: url.to_string() }
    } else {
        FetchError::Network { url: url.to_string() }
    }
}
