//! The text parts of a pre-rendered map: the programme facts above it, a territory's card and
//! the list as a table. What they say comes from [`crate::card`], as in the module; the markup
//! mirrors `web::draw::header`, `web::panel` and `web::list`.

use super::map::swatch;
use super::{card_href, card_id, Links, Site, UID};
use crate::card;
use crate::load::safe_url;
use crate::model::Link;
use maud::{html, Markup};

/// A source link (new tab, as in the module), or plain text without a safe address.
pub fn link(l: &Link) -> Markup {
    html! {
        @match l.url.as_deref().and_then(safe_url) {
            Some(url) => a href=(url) rel="noopener noreferrer" target="_blank" { (l.title) },
            None => span { (l.title) },
        }
    }
}

/// The title and programme facts, when the data has a programme.
pub fn header(site: &Site) -> Markup {
    let s = site.strings;
    let Some(p) = &site.data.programme else { return html! {} };
    html! {
        div class="tim-header" {
            @if let Some(title) = &site.data.title { h2 class="tim-title" { (title) } }
            ul class="tim-facts" { @for f in &p.facts { li { (f) } } }
            @if !p.themes.is_empty() { p class="tim-themes" { (s.labelled(s.themes, &p.themes.join(" · "))) } }
            @if let Some(src) = &p.source { p class="tim-source" { (link(src)) } }
        }
    }
}

/// Territory `i`'s card: shown by `:target` on the map's pages, always (`open`) on its own page.
/// `close` is where its close link goes; `page` the address of the territory's own page.
pub fn card(site: &Site, i: usize, open: bool, close: Option<&str>, page: Option<&str>) -> Markup {
    let s = site.strings;
    let Some(c) = card::card(site.data, i, s) else { return html! {} };
    let title_id = format!("tim{UID}-title-{i}");
    let class = if open { "tim-panel tim-card tim-card-open" } else { "tim-panel tim-card" };
    html! {
        section class=(class) id=(card_id(&site.data.territories[i].id)) aria-labelledby=(title_id) {
            @if let Some(close) = close {
                a class="tim-close" href=(close) aria-label=(s.close) title=(s.close) { "×" }
            }
            div class="tim-panel-body" {
                h3 class="tim-panel-title" id=(title_id) { (c.name) }
                p class="tim-panel-status" data-status=(c.status_id) { (c.status) }
                @if let Some(when) = &c.when { p class="tim-panel-when" { (when) } }
                h4 class="tim-panel-heading" { (s.projects) }
                ul class="tim-panel-projects" { @for p in c.projects { li { (p) } } }
                @if c.projects.is_empty() { p class="tim-panel-none" { (s.no_project) } }
                @if !c.epci.is_empty() {
                    h4 class="tim-panel-heading" { (s.epci) }
                    ul class="tim-panel-epci" { @for e in &c.epci { li { (e) } } }
                }
                h4 class="tim-panel-heading" { (s.perimeter) }
                p class=(if c.indicative { "tim-panel-perimeter tim-indicative" } else { "tim-panel-perimeter" }) { (c.perimeter) }
                @if let Some(note) = c.note { p class="tim-panel-note" { (note) } }
                @if let Some(size) = &c.size { p class="tim-panel-communes" { (size) } }
                @if !c.sources.is_empty() {
                    h4 class="tim-panel-heading" { (s.sources) }
                    ul class="tim-panel-sources" { @for l in c.sources { li { (link(l)) } } }
                }
                @if let Some(page) = page { p class="tim-card-page" { a href=(page) { (s.territory_page) } } }
            }
        }
    }
}

/// The address of territory `i`'s own page, when it has one.
pub fn page_href(site: &Site, i: usize, links: &Links) -> Option<String> {
    card::page_href(&links.pages, &site.data.territories[i].id)
}

/// The list as a table: each name links to the territory's page (or its card), and so does the
/// "page" link under it, then status, date and projects. The search and filter are laid out but
/// hidden (map.css) until the module makes them work, so that nothing moves when it takes over.
pub fn list(site: &Site, links: &Links) -> Markup {
    let s = site.strings;
    let data = site.data;
    let rows = crate::alt::matching(data, "", None);
    html! {
        section class="tim-list" {
            h2 class="tim-list-title" { (s.list_title) }
            div class="tim-list-tools" {
                label for=(format!("tim{UID}-search")) { (s.search) }
                input class="tim-search" type="search" id=(format!("tim{UID}-search")) autocomplete="off" disabled;
                label for=(format!("tim{UID}-filter")) { (s.filter) }
                select class="tim-filter" id=(format!("tim{UID}-filter")) disabled {
                    option value="" { (s.all_statuses) }
                    @for (k, cat) in data.legend.statuses.iter().enumerate() { option value=(k) { (cat.label) } }
                }
                span class="tim-csv" { (s.download_csv) }
            }
            p class="tim-list-count" { (s.rows_count(rows.len(), data.territories.len(), rows.len())) }
            div class="tim-table-wrap" {
                table class="tim-table" {
                    caption class="tim-sr-only" { (s.list_title) }
                    thead { tr { @for h in [s.csv_name, s.status, s.date, s.projects] { th scope="col" { (h) } } } }
                    tbody {
                        @for &i in &rows {
                            @if let Some(r) = card::row(data, i, s) {
                                tr data-id=(r.id) {
                                    @let page = page_href(site, i, links);
                                    th scope="row" {
                                        a class="tim-list-select" href=(page.clone().unwrap_or_else(|| card_href(r.id))) { (r.name) }
                                        // As in the module's row, where the name shows it on the map: the
                                        // same place, so that nothing moves when it takes over.
                                        @if let Some(page) = &page { a class="tim-list-page" href=(page) { (s.territory_page) } }
                                    }
                                    td { (swatch(r.status)) span { (r.status_label) } }
                                    td { (r.date) }
                                    td {
                                        @if r.projects.is_empty() { "—" }
                                        @for p in r.projects { p { (p) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
