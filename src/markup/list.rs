//! The list beside the map (RGAA 1.6): a search by name, a filter by status, a CSV link, a
//! count, then a table of every territory with its status, date and projects. The pre-render
//! writes it laid out as the module's, its controls disabled until the module makes them work,
//! so that nothing moves when it does; the words come from [`crate::card::row`].

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

/// Territory `i`'s row: its name (see [`Mode`]) with, under it, the link to its page when the
/// site has `pages`; its status with its swatch; its date; its projects.
pub fn row(data: &Dataset, i: usize, s: &Strings, uid: u32, mode: Mode, pages: Option<&str>) -> Option<El> {
    let r = card::row(data, i, s)?;
    let page = pages.and_then(|p| card::page_href(p, r.id));
    let name = match mode {
        Mode::Live => text_el("button", "tim-list-select", r.name)
            .attr("type", "button")
            .attr("data-index", &i.to_string())
            .attr("title", s.show_on_map),
        Mode::Static => {
            let href = page.clone().unwrap_or_else(|| card::card_href(r.id));
            text_el("a", "tim-list-select", r.name).attr("href", &href)
        }
    };
    let page = page.map(|href| text_el("a", "tim-list-page", s.territory_page).attr("href", &href));
    let projects = match r.projects.is_empty() {
        true => El::html("td").text("—"),
        false => El::html("td").children(r.projects.iter().map(|p| El::html("p").text(p.as_str()))),
    };
    Some(
        El::html("tr")
            .attr("data-id", r.id)
            .child(El::html("th").attr("scope", "row").child(name).children(page))
            .child(El::html("td").child(swatch(uid, r.status)).child(El::html("span").text(r.status_label)))
            .child(El::html("td").text(&r.date))
            .child(projects),
    )
}

/// The list's content (the children of `.tim-list`): title, tools, `count` (the sentence saying
/// how many rows are shown), the table with `rows` in its body, and, live, the line shown when no
/// row matches.
pub fn frame(data: &Dataset, s: &Strings, uid: u32, mode: Mode, rows: Vec<El>, count: String) -> Vec<Node> {
    let live = mode == Mode::Live;
    let (search_id, filter_id) = (format!("tim{uid}-search"), format!("tim{uid}-filter"));
    let disabled = |el: El| if live { el } else { el.attr("disabled", "") };
    let options = data.legend.statuses.iter().enumerate();
    let filter = El::html("select")
        .class("tim-filter")
        .attr("id", filter_id.as_str())
        .child(text_el("option", "", s.all_statuses).attr("value", ""))
        .children(options.map(|(k, cat)| text_el("option", "", cat.label.as_str()).attr("value", &k.to_string())));
    let csv = match live {
        true => text_el("a", "tim-csv", s.download_csv).attr("download", s.csv_file),
        false => text_el("span", "tim-csv", s.download_csv),
    };
    let search = El::html("input").class("tim-search").attr("type", "search").attr("id", search_id.as_str());
    let tools = El::html("div")
        .class("tim-list-tools")
        .child(text_el("label", "", s.search).attr("for", &search_id))
        .child(disabled(search.attr("autocomplete", "off")))
        .child(text_el("label", "", s.filter).attr("for", &filter_id))
        .child(disabled(filter))
        .child(csv);
    let heads = [s.csv_name, s.status, s.date, s.projects].map(|h| text_el("th", "", h).attr("scope", "col"));
    let table = El::html("table")
        .class("tim-table")
        .child(text_el("caption", "tim-sr-only", s.list_title))
        .child(El::html("thead").child(El::html("tr").children(heads)))
        .child(El::html("tbody").children(rows));
    let mut out: Vec<Node> = vec![
        text_el("h2", "tim-list-title", s.list_title).into(),
        tools.into(),
        text_el("p", "tim-list-count", &count).attr_if("aria-live", live.then_some("polite")).into(),
        El::html("div").class("tim-table-wrap").child(table).into(),
    ];
    if live {
        out.push(text_el("p", "tim-list-empty", s.no_match).attr("hidden", "").into());
    }
    out
}
