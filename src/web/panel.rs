//! The detail panel of one territory: name, status in words with date and place, projects,
//! intercommunalities, how certain the perimeter is, and sources, as [`crate::card`] words them.
//! All as text.

use super::chrome::Chrome;
use super::dom::{append, html, text_el};
use crate::card;
use crate::model::{Dataset, Link};
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

/// Fills the panel with territory `i` and shows it; what it says is [`card::card`]'s, then a
/// link to `page`, the territory's own page, when the site has one.
pub fn fill(
    doc: &Document,
    c: &Chrome,
    data: &Dataset,
    i: usize,
    s: &Strings,
    uid: u32,
    page: Option<&str>,
) -> Result<(), JsValue> {
    let Some(card) = card::card(data, i, s) else { return Ok(()) };
    let body = &c.panel_body;
    body.set_text_content(None);
    let title = text_el(doc, "h3", "tim-panel-title", card.name)?;
    title.set_id(&format!("tim{uid}-title"));
    append(body, &title)?;
    let status = text_el(doc, "p", "tim-panel-status", card.status)?;
    status.set_attribute("data-status", card.status_id)?;
    append(body, &status)?;
    if let Some(when) = &card.when {
        append(body, &text_el(doc, "p", "tim-panel-when", when)?)?;
    }

    let projects = section(doc, body, s.projects, "tim-panel-projects")?;
    for p in card.projects {
        append(&projects, &text_el(doc, "li", "", p)?)?;
    }
    if card.projects.is_empty() {
        append(body, &text_el(doc, "p", "tim-panel-none", s.no_project)?)?;
    }

    if !card.epci.is_empty() {
        let epci = section(doc, body, s.epci, "tim-panel-epci")?;
        for e in &card.epci {
            append(&epci, &text_el(doc, "li", "", e)?)?;
        }
    }

    append(body, &text_el(doc, "h4", "tim-panel-heading", s.perimeter)?)?;
    let perimeter = text_el(doc, "p", "tim-panel-perimeter", card.perimeter)?;
    if card.indicative {
        perimeter.class_list().add_1("tim-indicative")?;
    }
    append(body, &perimeter)?;
    if let Some(note) = card.note {
        append(body, &text_el(doc, "p", "tim-panel-note", note)?)?;
    }
    if let Some(size) = &card.size {
        append(body, &text_el(doc, "p", "tim-panel-communes", size)?)?;
    }

    if !card.sources.is_empty() {
        let sources = section(doc, body, s.sources, "tim-panel-sources")?;
        for l in card.sources {
            let li = html(doc, "li", "")?;
            append(&li, &link(doc, l)?)?;
            append(&sources, &li)?;
        }
    }
    if let Some(page) = page {
        let p = html(doc, "p", "tim-card-page")?;
        let a = text_el(doc, "a", "", s.territory_page)?;
        a.set_attribute("href", page)?;
        append(&p, &a)?;
        append(body, &p)?;
    }
    c.panel.set_hidden(false);
    Ok(())
}
