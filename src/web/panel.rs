//! The detail panel of one territory: name, status in words with date and place, projects,
//! intercommunalities, how certain the perimeter is, and sources. All as text.

use super::chrome::Chrome;
use super::dom::{append, html, text_el};
use crate::model::{Confidence, Dataset, Link};
use crate::text::Strings;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

/// A link that opens in a new tab, or plain text when the data gave no safe address.
pub fn link(doc: &Document, l: &Link) -> Result<HtmlElement, JsValue> {
    match &l.url {
        Some(url) => {
            let a = text_el(doc, "a", "", &l.title)?;
            a.set_attribute("href", url)?;
            a.set_attribute("rel", "noopener noreferrer")?;
            a.set_attribute("target", "_blank")?;
            Ok(a)
        }
        None => text_el(doc, "span", "", &l.title),
    }
}

fn section(doc: &Document, body: &HtmlElement, title: &str, class: &str) -> Result<HtmlElement, JsValue> {
    append(body, &text_el(doc, "h4", "tim-panel-heading", title)?)?;
    let list = html(doc, "ul", class)?;
    append(body, &list)?;
    Ok(list)
}

/// Fills the panel with territory `i` and shows it.
pub fn fill(doc: &Document, c: &Chrome, data: &Dataset, i: usize, s: &Strings, uid: u32) -> Result<(), JsValue> {
    let Some(t) = data.territories.get(i) else { return Ok(()) };
    let body = &c.panel_body;
    body.set_text_content(None);
    let title = text_el(doc, "h3", "tim-panel-title", &t.name)?;
    title.set_id(&format!("tim{uid}-title"));
    append(body, &title)?;
    let cat = &data.legend.statuses[t.status];
    let status = text_el(doc, "p", "tim-panel-status", &cat.label)?;
    status.set_attribute("data-status", &cat.id)?;
    append(body, &status)?;
    let mut when = Vec::new();
    if let Some(d) = &t.status_date {
        when.push(s.labelled(s.date, &s.date_long(d)));
    }
    if let Some(p) = &t.status_place {
        when.push(s.labelled(s.place, p));
    }
    if !when.is_empty() {
        append(body, &text_el(doc, "p", "tim-panel-when", &when.join(" · "))?)?;
    }

    let projects = section(doc, body, s.projects, "tim-panel-projects")?;
    for p in &t.projects {
        append(&projects, &text_el(doc, "li", "", p)?)?;
    }
    if t.projects.is_empty() {
        append(body, &text_el(doc, "p", "tim-panel-none", s.no_project)?)?;
    }

    if !t.epci.is_empty() {
        let epci = section(doc, body, s.epci, "tim-panel-epci")?;
        for e in &t.epci {
            append(&epci, &text_el(doc, "li", "", &e.name)?)?;
        }
    }

    append(body, &text_el(doc, "h4", "tim-panel-heading", s.perimeter)?)?;
    let sentence = match t.confidence {
        Some(Confidence::High) => s.confidence_high,
        Some(Confidence::Medium) => s.confidence_medium,
        Some(Confidence::Low) => s.confidence_low,
        None => s.confidence_unknown,
    };
    let perimeter = text_el(doc, "p", "tim-panel-perimeter", sentence)?;
    if t.confidence == Some(Confidence::Low) {
        perimeter.class_list().add_1("tim-indicative")?;
    }
    append(body, &perimeter)?;
    if let Some(note) = &t.perimeter_note {
        append(body, &text_el(doc, "p", "tim-panel-note", note)?)?;
    }
    let mut size = Vec::new();
    if let Some(n) = t.communes_count {
        size.push(format!("{} {}", s.grouped(n), s.communes));
    }
    if let Some(a) = t.area_km2 {
        size.push(format!("{} km²", s.grouped(a)));
    }
    if let Some(p) = t.population {
        let vintage = t.population_vintage.as_ref().map(|v| format!(" ({v})")).unwrap_or_default();
        size.push(format!("{} {}{vintage}", s.grouped(p), s.inhabitants));
    }
    if !size.is_empty() {
        append(body, &text_el(doc, "p", "tim-panel-communes", &size.join(" · "))?)?;
    }

    if !t.sources.is_empty() {
        let sources = section(doc, body, s.sources, "tim-panel-sources")?;
        for l in &t.sources {
            let li = html(doc, "li", "")?;
            append(&li, &link(doc, l)?)?;
            append(&sources, &li)?;
        }
    }
    c.panel.set_hidden(false);
    Ok(())
}
