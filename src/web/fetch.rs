//! Downloading a file as bytes, with an abort signal and French error messages that name the
//! address and the HTTP status.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

/// Fetches `url`; `Err` is a sentence for the reader.
pub async fn bytes(url: &str, signal: &AbortSignal) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("Pas de fenêtre de navigateur.")?;
    let init = RequestInit::new();
    init.set_signal(Some(signal));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| network_message(url, &e))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| format!("Réponse inattendue pour {url}."))?;
    if !response.ok() {
        let status = response.status();
        let text = response.status_text();
        return Err(format!(
            "Le serveur a répondu {status}{}{text} pour {url}.",
            if text.is_empty() { "" } else { " " }
        ));
    }
    let promise = response
        .array_buffer()
        .map_err(|e| network_message(url, &e))?;
    let buf = JsFuture::from(promise).await.map_err(|e| network_message(url, &e))?;
    let buf: ArrayBuffer = buf
        .dyn_into()
        .map_err(|_| format!("Contenu illisible pour {url}."))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

fn network_message(url: &str, e: &JsValue) -> String {
    let aborted = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()) == "AbortError")
        .unwrap_or(false);
    if aborted {
        format!("Téléchargement de {url} annulé.")
    } else {
        format!("Impossible de télécharger {url} : erreur réseau ou adresse inaccessible.")
    }
}
