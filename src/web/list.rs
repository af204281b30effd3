//! The list beside the map (RGAA 1.6): every territory with its status, date and projects in a
//! table that works on its own, a search by name, a filter by status, and a CSV download of the
//! rows shown. Filtering also dims the other territories on the map. Rows come from [`alt`],
//! their words from [`crate::card::row`].

use super::dom::{append, html, text_el};
use super::draw::swatch;
use crate::alt;
use crate::card;
use crate::model::Dataset;
use crate::text::Strings;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Handles on the list's controls and rows.
pub struct List {
    pub search: HtmlInputElement,
    pub filter: HtmlSelectElement,
    download: HtmlElement,
    count: HtmlElement,
    empty: HtmlElement,
    tbody: HtmlElement,
    uid: u32,
    /// Where the territory pages are, when the site has them (see [`crate::card::page_href`]).
    pages: Option<String>,
    /// The rows in the table now, with their territory index.
    rows: RefCell<Vec<(usize, Element)>>,
    /// The rows the CSV link must hold, when too many to write before it is clicked.
    csv_pending: RefCell<Option<Vec<usize>>>,
}

/// Up to this many rows the CSV link is written with the list; beyond, when it is clicked (for
/// 35,000 communes that is megabytes of text the page would build for nothing).
const EAGER_CSV_ROWS: usize = 2_000;

/// Rows drawn at most; the count line says when there are more, and the CSV has them all.
pub const MAX_ROWS: usize = 200;

/// Builds the list into `container` (emptied first); with `pages`, each row links to its
/// territory's page too.
pub fn build(
    doc: &Document,
    container: &HtmlElement,
    data: &Dataset,
    s: &Strings,
    uid: u32,
    pages: Option<String>,
) -> Result<List, JsValue> {
    container.set_text_content(None);
    append(container, &text_el(doc, "h2", "tim-list-title", s.list_title)?)?;
    let tools = html(doc, "div", "tim-list-tools")?;
    let search_id = format!("tim{uid}-search");
    let label = text_el(doc, "label", "", s.search)?;
    label.set_attribute("for", &search_id)?;
    let search: HtmlInputElement = html(doc, "input", "tim-search")?.unchecked_into();
    search.set_type("search");
    search.set_id(&search_id);
    search.set_attribute("autocomplete", "off")?;
    append(&tools, &label)?;
    append(&tools, &search)?;
    let filter_id = format!("tim{uid}-filter");
    let flabel = text_el(doc, "label", "", s.filter)?;
    flabel.set_attribute("for", &filter_id)?;
    let filter: HtmlSelectElement = html(doc, "select", "tim-filter")?.unchecked_into();
    filter.set_id(&filter_id);
    let all = text_el(doc, "option", "", s.all_statuses)?;
    all.set_attribute("value", "")?;
    append(&filter, &all)?;
    for (k, cat) in data.legend.statuses.iter().enumerate() {
        let o = text_el(doc, "option", "", &cat.label)?;
        o.set_attribute("value", &k.to_string())?;
        append(&filter, &o)?;
    }
    append(&tools, &flabel)?;
    append(&tools, &filter)?;
    let download = text_el(doc, "a", "tim-csv", s.download_csv)?;
    download.set_attribute("download", s.csv_file)?;
    append(&tools, &download)?;
    append(container, &tools)?;
    let count = html(doc, "p", "tim-list-count")?;
    count.set_attribute("aria-live", "polite")?;
    append(container, &count)?;

    let wrap = html(doc, "div", "tim-table-wrap")?;
    let table = html(doc, "table", "tim-table")?;
    append(&table, &text_el(doc, "caption", "tim-sr-only", s.list_title)?)?;
    let head = html(doc, "tr", "")?;
    for h in [s.csv_name, s.status, s.date, s.projects] {
        let th = text_el(doc, "th", "", h)?;
        th.set_attribute("scope", "col")?;
        append(&head, &th)?;
    }
    let thead = html(doc, "thead", "")?;
    append(&thead, &head)?;
    append(&table, &thead)?;
    let tbody = html(doc, "tbody", "")?;
    append(&table, &tbody)?;
    append(&wrap, &table)?;
    append(container, &wrap)?;
    let empty = text_el(doc, "p", "tim-list-empty", s.no_match)?;
    empty.set_hidden(true);
    append(container, &empty)?;
    container.set_hidden(false);
    let list = List {
        search,
        filter,
        download,
        count,
        empty,
        tbody,
        uid,
        pages,
        rows: RefCell::new(Vec::new()),
        csv_pending: RefCell::new(None),
    };
    Ok(list)
}

/// In a compact embed the list folds behind a `<details>` whose summary is its title: the map
/// and the legend come first, the list opens on demand, and the host's auto-height follows it.
pub fn fold(doc: &Document, container: &HtmlElement, s: &Strings) -> Result<(), JsValue> {
    let Some(parent) = container.parent_node() else { return Ok(()) };
    if parent.dyn_ref::<Element>().is_some_and(|p| p.local_name() == "details") {
        return Ok(());
    }
    let details = html(doc, "details", "tim-list-fold")?;
    append(&details, &text_el(doc, "summary", "tim-list-summary", s.list_title)?)?;
    parent.insert_before(&details, Some(container))?;
    append(&details, container)
}

/// One table row: name (a button that opens it on the map) and under it the link to its page
/// when there is one (where the pre-rendered row has it), status with its swatch, date, projects.
fn row(
    doc: &Document,
    data: &Dataset,
    i: usize,
    s: &Strings,
    uid: u32,
    pages: Option<&str>,
) -> Result<Element, JsValue> {
    let tr = html(doc, "tr", "")?;
    let Some(r) = card::row(data, i, s) else { return Ok(tr.into()) };
    tr.set_attribute("data-id", r.id)?;
    let name = html(doc, "th", "")?;
    name.set_attribute("scope", "row")?;
    let button = text_el(doc, "button", "tim-list-select", r.name)?;
    button.set_attribute("type", "button")?;
    button.set_attribute("data-index", &i.to_string())?;
    button.set_title(s.show_on_map);
    append(&name, &button)?;
    if let Some(href) = pages.and_then(|p| card::page_href(p, r.id)) {
        let a = text_el(doc, "a", "tim-list-page", s.territory_page)?;
        a.set_attribute("href", &href)?;
        append(&name, &a)?;
    }
    append(&tr, &name)?;
    let status = html(doc, "td", "")?;
    append(&status, &swatch(doc, uid, r.status)?)?;
    append(&status, &text_el(doc, "span", "", r.status_label)?)?;
    append(&tr, &status)?;
    append(&tr, &text_el(doc, "td", "", &r.date)?)?;
    let projects = html(doc, "td", "")?;
    if r.projects.is_empty() {
        projects.set_text_content(Some("—"));
    }
    for p in r.projects {
        append(&projects, &text_el(doc, "p", "", p)?)?;
    }
    append(&tr, &projects)?;
    Ok(tr.into())
}

impl List {
    /// The search text and the chosen status.
    pub fn query(&self) -> (String, Option<usize>) {
        (self.search.value(), self.filter.value().parse().ok())
    }

    /// Shows the rows `shown` (the first [`MAX_ROWS`]), says how many, and points the CSV link
    /// at all of them.
    pub fn show(
        &self,
        doc: &Document,
        data: &Dataset,
        shown: &[usize],
        open: Option<usize>,
        s: &Strings,
    ) -> Result<(), JsValue> {
        self.tbody.set_text_content(None);
        let mut rows = Vec::new();
        for &i in shown.iter().take(MAX_ROWS) {
            let tr = row(doc, data, i, s, self.uid, self.pages.as_deref())?;
            append(&self.tbody, &tr)?;
            rows.push((i, tr));
        }
        *self.rows.borrow_mut() = rows;
        self.mark(open);
        let count = s.rows_count(shown.len(), data.territories.len(), MAX_ROWS);
        self.count.set_text_content(Some(&count));
        self.empty.set_hidden(!shown.is_empty());
        if shown.len() <= EAGER_CSV_ROWS {
            *self.csv_pending.borrow_mut() = None;
            return self.write_csv(data, shown, s);
        }
        *self.csv_pending.borrow_mut() = Some(shown.to_vec());
        self.download.set_attribute("href", "data:text/csv;charset=utf-8,")
    }

    fn write_csv(&self, data: &Dataset, rows: &[usize], s: &Strings) -> Result<(), JsValue> {
        let csv = format!("\u{feff}{}", alt::csv(data, rows, s));
        let href = format!("data:text/csv;charset=utf-8,{}", js_sys::encode_uri_component(&csv));
        self.download.set_attribute("href", &href)
    }

    /// The CSV link is being followed: writes it now if it was left for later. The link's
    /// default action reads `href` after the click's listeners, so the download gets it all.
    pub fn csv_clicked(&self, data: &Dataset, s: &Strings) -> Result<(), JsValue> {
        let pending = self.csv_pending.borrow_mut().take();
        match pending {
            Some(rows) => self.write_csv(data, &rows, s),
            None => Ok(()),
        }
    }

    /// Marks the row of the territory open on the map.
    pub fn mark(&self, open: Option<usize>) {
        for (i, row) in self.rows.borrow().iter() {
            let _ = if open == Some(*i) {
                row.set_attribute("aria-current", "true")
            } else {
                row.remove_attribute("aria-current")
            };
        }
    }
}
