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
/// "page" link under it; the search and filter are laid out but disabled until the module makes
/// them work, so that nothing moves when it takes over.
pub fn list(site: &Site, links: &Links) -> Markup {
    let (s, data) = (site.strings, site.data);
    let shown = crate::alt::matching(data, "", None);
    let rows = shown.iter().filter_map(|&i| list::row(data, i, s, UID, Mode::Static, Some(&links.pages)));
    let count = s.rows_count(shown.len(), data.territories.len(), shown.len());
    let content = list::frame(data, s, UID, Mode::Static, rows.collect(), count);
    html! { section class="tim-list" { (nodes(&content)) } }
}
