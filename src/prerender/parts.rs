//! The text parts of a pre-rendered map: the programme facts above it, a territory's card and
//! the list as a table, as [`crate::markup`] describes them for the module too, written as
//! escaped HTML.

use super::{Links, Site, UID};
use crate::markup::list::{self, Mode};
use crate::markup::write::{all_to_string, to_string};
use crate::markup::{self, El};
use maud::{html, Markup, PreEscaped};

/// The description's nodes as markup (every value already escaped by the writer).
pub(super) fn nodes(n: &[markup::Node]) -> Markup {
    PreEscaped(all_to_string(n))
}

/// One element as markup.
pub(super) fn element(el: El) -> Markup {
    PreEscaped(to_string(&el.into()))
}

/// The title and programme facts, when the data has a programme.
pub fn header(site: &Site) -> Markup {
    let Some(parts) = markup::card::header(site.data, site.strings) else { return html! {} };
    html! { div class="tim-header" { (nodes(&parts)) } }
}

/// Territory `i`'s card: shown by `:target` on the map's pages, always (`open`) on its own page.
/// `close` is where its close link goes; `page` the address of the territory's own page.
pub fn card(site: &Site, i: usize, open: bool, close: Option<&str>, page: Option<&str>) -> Markup {
    match markup::card::static_card(site.data, i, site.strings, UID, open, close, page) {
        Some(el) => element(el),
        None => html! {},
    }
}

/// The address of territory `i`'s own page, when it has one.
pub fn page_href(site: &Site, i: usize, links: &Links) -> Option<String> {
    crate::card::page_href(&links.pages, &site.data.territories[i].id)
}

/// The list as a table: each name links to the territory's page (or its card), and so does the
/// "page" link under it; the CSV link holds every row. The search and filter are there for the
/// module to adopt (map.css hides them from a page without scripts).
pub fn list(site: &Site, links: &Links) -> Markup {
    let (s, data) = (site.strings, site.data);
    let shown = crate::alt::matching(data, "", None);
    let numbers = crate::labels::numbers(data);
    let rows = shown.iter().filter_map(|&i| {
        list::row(data, i, numbers.get(i).copied().flatten(), s, UID, Mode::Static, Some(&links.pages))
    });
    let count = s.rows_count(shown.len(), data.territories.len(), shown.len());
    let csv = format!("\u{feff}{}", crate::alt::csv(data, &shown, s));
    let href = format!("data:text/csv;charset=utf-8,{}", uri_component(&csv));
    let content = list::frame(data, s, UID, rows.collect(), count, Some(&href));
    html! { section class="tim-list" { (nodes(&content)) } }
}

/// `text` escaped as JavaScript's `encodeURIComponent` does, as the module writes the CSV link.
fn uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The commune search's field: a combobox whose suggestions and answer the search module writes,
/// the first time the field is used, from the index at `index` (see `src/web/search/`). Shown
/// from the first paint, so that the script's arrival moves nothing; without a script, Enter
/// leads to the page of all communes (`communes`), which the browser's find-in-page searches.
pub fn search_field(site: &Site, index: &str, communes: &str) -> Markup {
    let w = crate::text::search::for_lang(site.strings.lang);
    let id = |part: &str| format!("tim{UID}-{part}");
    html! {
        form class="tim-commune-search" data-index=(index) action=(communes) role="search" {
            label for=(id("commune")) { (w.label) }
            span class="tim-commune-search-hint" id=(id("commune-hint")) { (w.hint) }
            div class="tim-commune-search-box" {
                input id=(id("commune")) type="text" role="combobox" aria-autocomplete="list"
                    aria-expanded="false" aria-controls=(id("communes")) aria-describedby=(id("commune-hint"))
                    autocomplete="off" autocapitalize="off" spellcheck="false";
                ul id=(id("communes")) class="tim-commune-search-options" role="listbox" aria-label=(w.label) hidden {}
            }
            p class="tim-sr-only tim-commune-search-count" aria-live="polite" {}
            p class="tim-commune-search-answer" role="status" {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uri_components_are_escaped_as_in_javascript() {
        assert_eq!(super::uri_component("a b;é\n(x)!*'~"), "a%20b%3B%C3%A9%0A(x)!*'~");
    }
}
