//! The list beside the map (RGAA 1.6): every territory with its status, date and projects in a
//! table that works on its own, a search by name, a filter by status, and a CSV download of the
//! rows shown. Filtering also dims the other territories on the map. Rows come from [`alt`],
//! their markup from [`crate::markup::list`].

use super::dom::{append, html, part, text_el};
use super::markup::{element, replace};
use crate::alt;
use crate::markup::{self, list::Mode};
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
    /// Where the full module writes the rows (the small one keeps the pre-rendered ones).
    #[cfg(feature = "full")]
    tbody: HtmlElement,
    #[cfg(feature = "full")]
    uid: u32,
    /// Where the territory pages are, when the site has them (see [`crate::card::page_href`]).
    #[cfg(feature = "full")]
    pages: Option<String>,
    /// The rows in the table now, with their territory index.
    rows: RefCell<Vec<(usize, Element)>>,
    /// The rows the CSV link must hold, when too many to write before it is clicked.
    #[cfg(feature = "full")]
    csv_pending: RefCell<Option<Vec<usize>>>,
    /// The small module's: the whole CSV the pre-rendered link holds, whose records it keeps
    /// for the rows shown (`alt::records`) rather than writing them again.
    #[cfg(not(feature = "full"))]
    csv_all: String,
}

/// Up to this many rows the CSV link is written with the list; beyond, when it is clicked (for
/// 35,000 communes that is megabytes of text the page would build for nothing).
#[cfg(feature = "full")]
const EAGER_CSV_ROWS: usize = 2_000;

/// Rows drawn at most; the count line says when there are more, and the CSV has them all.
pub const MAX_ROWS: usize = 200;

/// Builds the list into `container` (emptied first), as [`markup::list::frame`] describes it;
/// with `pages`, each row links to its territory's page too.
pub fn build(
    doc: &Document,
    container: &HtmlElement,
    data: &Dataset,
    s: &Strings,
    uid: u32,
    pages: Option<String>,
) -> Result<List, JsValue> {
    let frame = markup::list::frame(data, s, uid, Vec::new(), String::new(), None);
    replace(doc, container, &frame)?;
    container.set_hidden(false);
    handles(container, uid, pages, Vec::new())
}

/// Takes the pre-rendered list in `container` as it is, what a visitor typed or chose in it
/// included; the name heading each row, a link there, becomes the button that shows the
/// territory on the map.
pub fn adopt(
    doc: &Document,
    container: &HtmlElement,
    data: &Dataset,
    s: &Strings,
    uid: u32,
    pages: Option<String>,
) -> Result<List, JsValue> {
    let trs = container.query_selector_all(".tim-table tbody > tr[data-id]")?;
    let mut rows = Vec::new();
    for k in 0..trs.length() {
        let Some(tr) = trs.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let id = tr.get_attribute("data-id").unwrap_or_default();
        let Some(i) = data.index_of(&id) else { continue };
        if let Some(link) = tr.query_selector("a.tim-list-select")? {
            let page = pages.as_deref().and_then(|p| crate::card::page_href(p, &id));
            let name = markup::list::name(&data.territories[i].name, i, s, Mode::Live, page.as_deref(), &id);
            link.replace_with_with_node_1(&element(doc, &name)?.into())?;
        }
        rows.push((i, tr));
    }
    #[cfg(feature = "full")]
    return handles(container, uid, pages, rows);
    #[cfg(not(feature = "full"))]
    {
        let mut list = handles(container, uid, pages, rows)?;
        let href = list.download.get_attribute("href").unwrap_or_default();
        let encoded = href.split_once(',').map_or("", |(_, csv)| csv);
        list.csv_all = js_sys::decode_uri_component(encoded).map(String::from).unwrap_or_default();
        Ok(list)
    }
}

/// The list's handles, once its frame is in `container` (`uid` and `pages` write rows: the full
/// module's).
#[cfg_attr(not(feature = "full"), allow(unused_variables))]
fn handles(
    container: &HtmlElement,
    uid: u32,
    pages: Option<String>,
    rows: Vec<(usize, Element)>,
) -> Result<List, JsValue> {
    let list = List {
        search: part(container, ".tim-search")?.unchecked_into(),
        filter: part(container, ".tim-filter")?.unchecked_into(),
        download: part(container, ".tim-csv")?.unchecked_into(),
        count: part(container, ".tim-list-count")?.unchecked_into(),
        empty: part(container, ".tim-list-empty")?.unchecked_into(),
        #[cfg(feature = "full")]
        tbody: part(container, ".tim-table tbody")?.unchecked_into(),
        #[cfg(feature = "full")]
        uid,
        #[cfg(feature = "full")]
        pages,
        rows: RefCell::new(rows),
        #[cfg(feature = "full")]
        csv_pending: RefCell::new(None),
        #[cfg(not(feature = "full"))]
        csv_all: String::new(),
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

impl List {
    /// The search text and the chosen status.
    pub fn query(&self) -> (String, Option<usize>) {
        (self.search.value(), self.filter.value().parse().ok())
    }

    /// Shows the rows `shown` (the first [`MAX_ROWS`]), says how many, and points the CSV link
    /// at all of them.
    #[cfg(feature = "full")]
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
        let numbers = crate::labels::numbers(data);
        for &i in shown.iter().take(MAX_ROWS) {
            let number = numbers.get(i).copied().flatten();
            let Some(desc) = markup::list::row(data, i, number, s, self.uid, Mode::Live, self.pages.as_deref()) else {
                continue;
            };
            let tr = element(doc, &desc)?;
            append(&self.tbody, &tr)?;
            rows.push((i, tr));
        }
        *self.rows.borrow_mut() = rows;
        self.mark(open);
        self.tell(data, shown, s)
    }

    /// Shows the rows `shown` and says how many, the CSV link pointed at them. The small module's
    /// table is the pre-rendered one, a row per territory (`super::hydrate::adoptable`) in the
    /// order `alt::matching` keeps: the other rows are hidden, not the table written again.
    #[cfg(not(feature = "full"))]
    pub fn show(
        &self,
        _doc: &Document,
        data: &Dataset,
        shown: &[usize],
        open: Option<usize>,
        s: &Strings,
    ) -> Result<(), JsValue> {
        let mut keep = vec![false; data.territories.len()];
        for &i in shown {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
        for (i, tr) in self.rows.borrow().iter() {
            tr.toggle_attribute_with_force("hidden", !keep.get(*i).copied().unwrap_or(false))?;
        }
        self.mark(open);
        self.tell(data, shown, s)
    }

    /// Says how many rows `shown` are, and points the CSV link at them.
    fn tell(&self, data: &Dataset, shown: &[usize], s: &Strings) -> Result<(), JsValue> {
        let count = s.rows_count(shown.len(), data.territories.len(), MAX_ROWS);
        self.count.set_text_content(Some(&count));
        self.empty.set_hidden(!shown.is_empty());
        #[cfg(not(feature = "full"))]
        return self.keep_csv(shown);
        #[cfg(feature = "full")]
        {
            if shown.len() <= EAGER_CSV_ROWS {
                *self.csv_pending.borrow_mut() = None;
                return self.write_csv(data, shown, s);
            }
            *self.csv_pending.borrow_mut() = Some(shown.to_vec());
            self.download.set_attribute("href", "data:text/csv;charset=utf-8,")
        }
    }

    #[cfg(feature = "full")]
    fn write_csv(&self, data: &Dataset, rows: &[usize], s: &Strings) -> Result<(), JsValue> {
        let csv = format!("\u{feff}{}", alt::csv(data, rows, s));
        self.link_csv(&csv)
    }

    fn link_csv(&self, csv: &str) -> Result<(), JsValue> {
        let href = format!("data:text/csv;charset=utf-8,{}", js_sys::encode_uri_component(csv));
        self.download.set_attribute("href", &href)
    }

    /// Points the CSV link at the records of the whole CSV (the pre-rendered link's, one per
    /// row of the table in its order, see `super::hydrate::adoptable`) whose rows are `shown`.
    #[cfg(not(feature = "full"))]
    fn keep_csv(&self, shown: &[usize]) -> Result<(), JsValue> {
        if self.csv_all.is_empty() {
            return Ok(());
        }
        let rows = self.rows.borrow();
        let csv = alt::records(&self.csv_all, |k| rows.get(k).is_some_and(|(i, _)| shown.contains(i)));
        self.link_csv(&csv)
    }

    /// The CSV link is being followed: writes it now if it was left for later. The link's
    /// default action reads `href` after the click's listeners, so the download gets it all.
    #[cfg(feature = "full")]
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
