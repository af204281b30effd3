//! A territory's card and the programme facts above the map, as [`crate::card`] words them:
//! the body the module's panel shows, inside the static card the pre-render writes once per
//! territory (opened by `:target` without JavaScript).

use super::{text_el, El, Node};
use crate::card;
use crate::load::safe_url;
use crate::model::{Dataset, Link};
use crate::text::Strings;

/// A source link (new tab), or plain text when the data gave no `http(s)` address.
pub fn link(l: &Link) -> El {
    match l.url.as_deref().and_then(safe_url) {
        Some(url) => El::html("a").attr("href", &url).attr("rel", "noopener noreferrer").attr("target", "_blank"),
        None => El::html("span"),
    }
    .text(l.title.as_str())
}

/// A heading of the card and the list under it, in language `lang` when it is not the map's.
fn section(
    body: &mut Vec<Node>,
    (title, lang): (&str, Option<&str>),
    class: &str,
    items: impl IntoIterator<Item = El>,
) {
    body.push(text_el("h4", "tim-panel-heading", title).into());
    body.push(El::html("ul").class(class).attr_if("lang", lang).children(items).into());
}

/// What the card of territory `i` holds (the children of `.tim-panel-body`); its title has id
/// `title_id`; `page`, the territory's own page, ends it with a link. `None` without such a
/// territory.
pub fn body(data: &Dataset, i: usize, s: &Strings, title_id: &str, page: Option<&str>) -> Option<Vec<Node>> {
    let c = card::card(data, i, s)?;
    let mut body: Vec<Node> = vec![
        text_el("h3", "tim-panel-title", c.name).attr("id", title_id).into(),
        text_el("p", "tim-panel-status", c.status).attr("data-status", c.status_id).into(),
    ];
    if let Some(when) = c.when {
        body.push(text_el("p", "tim-panel-when", &when).into());
    }
    // Quoted as the file gives them (a press release's words), marked with their language.
    let quoted = data.quoted_lang(s.lang);
    section(
        &mut body,
        (s.projects, quoted),
        "tim-panel-projects",
        c.projects.iter().map(|p| text_el("li", "", p.as_str())),
    );
    if c.projects.is_empty() {
        body.push(text_el("p", "tim-panel-none", s.no_project).into());
    }
    if !c.epci.is_empty() {
        section(&mut body, (s.epci, None), "tim-panel-epci", c.epci.iter().map(|e| text_el("li", "", e)));
    }
    body.push(text_el("h4", "tim-panel-heading", s.perimeter).into());
    let class = if c.indicative { "tim-panel-perimeter tim-indicative" } else { "tim-panel-perimeter" };
    body.push(text_el("p", class, c.perimeter).into());
    if let Some(note) = c.note {
        body.push(text_el("p", "tim-panel-note", note).into());
    }
    if let Some(size) = c.size {
        body.push(text_el("p", "tim-panel-communes", &size).into());
    }
    if !c.sources.is_empty() {
        section(
            &mut body,
            (s.sources, None),
            "tim-panel-sources",
            c.sources.iter().map(|l| El::html("li").child(link(l))),
        );
    }
    if let Some(page) = page {
        body.push(
            El::html("p").class("tim-card-page").child(El::html("a").attr("href", page).text(s.territory_page)).into(),
        );
    }
    Some(body)
}

/// The static card of territory `i` (pre-render): shown by `:target` on the map's pages, always
/// (`open`) on its own page; `close` is where its close link goes.
pub fn static_card(
    data: &Dataset,
    i: usize,
    s: &Strings,
    uid: u32,
    open: bool,
    close: Option<&str>,
    page: Option<&str>,
) -> Option<El> {
    let t = data.territories.get(i)?;
    let title_id = format!("tim{uid}-title-{i}");
    let body = body(data, i, s, &title_id, page)?;
    let close = close.map(|href| {
        El::html("a").class("tim-close").attr("href", href).attr("aria-label", s.close).attr("title", s.close).text("×")
    });
    Some(
        El::html("section")
            .class(if open { "tim-panel tim-card tim-card-open" } else { "tim-panel tim-card" })
            .attr("id", &card::card_id(&t.id))
            .attr("aria-labelledby", &title_id)
            .children(close)
            .child(El::html("div").class("tim-panel-body").children(body)),
    )
}

/// The title, programme facts and source above the map (the children of `.tim-header`), when
/// the data has a programme or names its source: nothing of the Grand Est's but what the file
/// says.
pub fn header(data: &Dataset, s: &Strings) -> Option<Vec<Node>> {
    let programme = data.programme.as_ref();
    let source = programme.and_then(|p| p.source.as_ref()).or(data.source.as_ref());
    if programme.is_none() && source.is_none() {
        return None;
    }
    let mut out: Vec<Node> = Vec::new();
    if let Some(title) = &data.title {
        out.push(text_el("h2", "tim-title", title.as_str()).into());
    }
    if let Some(p) = programme {
        out.push(
            El::html("ul").class("tim-facts").children(p.facts.iter().map(|f| text_el("li", "", f.as_str()))).into(),
        );
        if !p.themes.is_empty() {
            out.push(text_el("p", "tim-themes", &s.labelled(s.themes, &p.themes.join(" · "))).into());
        }
    }
    if let Some(src) = source {
        out.push(El::html("p").class("tim-source").child(link(src)).into());
    }
    Some(out)
}
