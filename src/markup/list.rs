//! The list beside the map (RGAA 1.6): a search by name, a filter by status, a CSV link, a
//! count, then a table of every territory with its status, date and projects. The pre-render
//! writes it as the module does, but for the names of the rows, which are links there (see
//! [`Mode`]); the words come from [`crate::card::row`].

use super::legend::swatch;
use super::{text_el, El, Node};
use crate::card;
use crate::model::Dataset;
use crate::text::Strings;

/// Who draws the list: the module (`Live`: search, filter and CSV work, a name shows its
/// territory on the map) or the pre-render (`Static`: a name is a link to the territory's page
/// or card).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Live,
    Static,
}

/// The name at the head of territory `i`'s row (see [`Mode`]): a link to `page`, else to the
/// card (`id`), when static.
pub fn name(text: &str, i: usize, s: &Strings, mode: Mode, page: Option<&str>, id: &str) -> El {
    match mode {
        Mode::Live => text_el("button", "tim-list-select", text)
            .attr("type", "button")
            .attr("data-index", &i.to_string())
            .attr("title", s.show_on_map),
        Mode::Static => {
            let href = page.map_or_else(|| card::card_href(id), str::to_string);
            text_el("a", "tim-list-select", text).attr("href", &href)
        }
    }
}

/// Territory `i`'s row: its number on the map ([`crate::labels::numbers`], for the eyes only: a
/// screen reader has the name) and its name (see [`Mode`]) with, under it, the link to its page
/// when the site has `pages`; its status with its swatch; its date; its projects.
pub fn row(
    data: &Dataset,
    i: usize,
    number: Option<usize>,
    s: &Strings,
    uid: u32,
    mode: Mode,
    pages: Option<&str>,
) -> Option<El> {
    let r = card::row(data, i, s)?;
    let page = pages.and_then(|p| card::page_href(p, r.id));
    let name = name(r.name, i, s, mode, page.as_deref(), r.id);
    let page = page.map(|href| text_el("a", "tim-list-page", s.territory_page).attr("href", &href));
    let projects = match r.projects.is_empty() {
        true => El::html("td").text("—"),
        false => El::html("td").children(r.projects.iter().map(|p| El::html("p").text(p.as_str()))),
    }
    .attr_if("lang", data.quoted_lang(s.lang));
    Some(
        El::html("tr")
            .attr("data-id", r.id)
            .child(El::html("th").attr("scope", "row").children(number.map(key)).child(name).children(page))
            .child(El::html("td").child(swatch(uid, r.status)).child(El::html("span").text(r.status_label)))
            .child(El::html("td").text(&r.date))
            .child(projects),
    )
}

/// A number's key in the list, as its badge on the map.
fn key(number: usize) -> El {
    text_el("span", "tim-key", &number.to_string()).attr("aria-hidden", "true")
}

/// The list's content (the children of `.tim-list`): title, tools, `count` (the sentence saying
/// how many rows are shown), the table with `rows` in its body, and the line shown when no row
/// matches. The same for the module and the pre-render, whose search and filter the module
/// adopts as they are (a visitor may type before it is ready); `csv` is the CSV link's address
/// when it is known (the pre-render writes every row's).
pub fn frame(data: &Dataset, s: &Strings, uid: u32, rows: Vec<El>, count: String, csv: Option<&str>) -> Vec<Node> {
    let (search_id, filter_id) = (format!("tim{uid}-search"), format!("tim{uid}-filter"));
    let options = data.legend.statuses.iter().enumerate();
    // Categories that are not statuses (regions) name themselves; "all" then says no noun.
    let (what, all) = match data.legend.name.as_deref() {
        Some(name) => (name, s.show_all),
        None => (s.filter, s.all_statuses),
    };
    let filter = El::html("select")
        .class("tim-filter")
        .attr("id", filter_id.as_str())
        .child(text_el("option", "", all).attr("value", ""))
        .children(options.map(|(k, cat)| text_el("option", "", cat.label.as_str()).attr("value", &k.to_string())));
    let csv = text_el("a", "tim-csv", s.download_csv).attr("download", s.csv_file).attr_if("href", csv);
    let search = El::html("input").class("tim-search").attr("type", "search").attr("id", search_id.as_str());
    let tools = El::html("div")
        .class("tim-list-tools")
        .child(text_el("label", "", s.search).attr("for", &search_id))
        .child(search.attr("autocomplete", "off"))
        .child(text_el("label", "", what).attr("for", &filter_id))
        .child(filter)
        .child(csv);
    let heads = [s.csv_name, what, s.date, s.projects].map(|h| text_el("th", "", h).attr("scope", "col"));
    let table = El::html("table")
        .class("tim-table")
        .child(text_el("caption", "tim-sr-only", s.list_title))
        .child(El::html("thead").child(El::html("tr").children(heads)))
        .child(El::html("tbody").children(rows));
    vec![
        text_el("h2", "tim-list-title", s.list_title).into(),
        tools.into(),
        text_el("p", "tim-list-count", &count).attr("aria-live", "polite").into(),
        El::html("div").class("tim-table-wrap").child(table).into(),
        text_el("p", "tim-list-empty", s.no_match).attr("hidden", "").into(),
    ]
}
