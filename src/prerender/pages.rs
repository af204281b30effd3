//! Whole pre-rendered pieces: the map block spliced into `index.html` and `embed.html`, the
//! head tags of the main page, a territory's own page, and the snippet for `<territoires-map>`.

use super::map::{legend, svg};
use super::parts::{card, element, header, list, page_href, search_field};
use super::shell::{alternates, edition_dir, head_start, to_root};
use super::{page_slug, Links, Site, UID};
use crate::hydrate::page::DATA_CLASS;
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// The site's links as the pages at an edition's root see them.
pub fn root_links(site: &Site) -> Links {
    let data = format!("{}data/", to_root(site, 0));
    let search = (!site.communes.is_empty())
        .then(|| (format!("{data}{}", site.files.index()), super::COMMUNES_PAGE.to_string()));
    let files = Some((format!("{data}{}", site.files.territories()), format!("{data}{}", site.files.context())));
    Links { pages: "territoires/".to_string(), to_cards: true, search, data: files }
}

/// The pre-rendered map, wrapped in the `.tim-pre` block that the module adopts (or, drawing
/// other data, removes once its own map is drawn; map.css hides that one's parts meanwhile),
/// which says where the territory pages are (`data-pages`). With `selected`, that territory is
/// highlighted and its
/// card always shown (a territory's page); otherwise every card is there, shown when its link
/// is followed (`:target`), and the list follows the map.
pub fn map_block(site: &Site, links: &Links, selected: Option<usize>) -> Markup {
    let stage_id = format!("tim{UID}-stage");
    let close = format!("#{stage_id}");
    html! {
        // The module reads where the pages are (`data-pages`) when it adopts the map, to link
        // its card and list to them; a territory's page has no module.
        div class="tim-pre" data-pages=[selected.is_none().then_some(&links.pages)]
            data-src=[links.data.as_ref().map(|d| &d.0)] data-context=[links.data.as_ref().map(|d| &d.1)] {
            @if selected.is_none() { (header(site)) }
            @if let Some((index, communes)) = &links.search { (search_field(site, index, communes)) }
            div class="tim-stage" id=(stage_id) {
                p class="tim-sr-only" id=(format!("tim{UID}-help")) { (site.strings.map_help_links) }
                // The module's buttons, where it puts them, on the pages it adopts.
                @if selected.is_none() { (element(crate::markup::controls::controls(site.strings, UID))) }
                (svg(site, selected, links))
                @match selected {
                    Some(i) => (card(site, i, true, None, None)),
                    None => @for &i in &site.scene.order {
                        (card(site, i, false, Some(&close), page_href(site, i, links).as_deref()))
                    },
                }
            }
            (legend(site))
            @if selected.is_none() {
                (list(site, links))
                // What the module needs beside the paths to adopt the map without downloading
                // the file (crate::hydrate::page); JSON, never run, its `<` escaped.
                @if let Some(block) = &site.data_block {
                    script type="application/json" class=(DATA_CLASS) { (PreEscaped(block)) }
                }
            }
        }
    }
}

fn description(site: &Site, i: usize) -> String {
    match crate::card::card(site.data, i, site.strings) {
        Some(c) => match c.when {
            Some(when) => format!("{} — {}", c.status, when),
            None => c.status.to_string(),
        },
        None => String::new(),
    }
}

/// The canonical address and Open Graph tags of the main page (its image is `carte.png`).
pub fn head_tags(site: &Site) -> Markup {
    let title = site.strings.title_of(site.data);
    let facts = site.data.programme.as_ref().map(|p| p.facts.join(" ")).unwrap_or_default();
    let url = format!("{}{}", site.base_url, edition_dir(site.strings));
    html! {
        link rel="canonical" href=(url);
        meta property="og:type" content="website";
        meta property="og:title" content=(title);
        @if !facts.is_empty() { meta property="og:description" content=(facts); }
        meta property="og:url" content=(url);
        meta property="og:image" content=(format!("{url}carte.png"));
        meta name="twitter:card" content="summary_large_image";
    }
}

/// One territory's page, to write as `territoires/<file>`.
pub struct TerritoryPage {
    pub file: String,
    pub html: String,
}

/// Territory `i`'s own page: its name, the map with it highlighted (the others link to their
/// pages), its card with sources, a canonical address, Open Graph tags with its image
/// (`territoires/<id>.png`), and map.css's print rules. `None` when its id cannot be a file name.
pub fn territory_page(site: &Site, i: usize) -> Option<TerritoryPage> {
    let t = site.data.territories.get(i)?;
    let slug = page_slug(&t.id)?;
    let s = site.strings;
    let url = format!("{}{}territoires/{slug}.html", site.base_url, edition_dir(s));
    let root = to_root(site, 1);
    let (alternate, langs) = alternates(site, &format!("territoires/{slug}.html"), 1);
    let site_title = s.title_of(site.data);
    let desc = description(site, i);
    let links = Links { pages: String::new(), to_cards: false, search: None, data: None };
    let markup = html! {
        (DOCTYPE)
        html lang=(s.lang) {
            head {
                (head_start(&format!("{} — {site_title}", t.name)))
                meta name="description" content=(desc);
                link rel="canonical" href=(url);
                meta property="og:type" content="article";
                meta property="og:title" content=(t.name);
                meta property="og:description" content=(desc);
                meta property="og:url" content=(url);
                meta property="og:image" content=(format!("{}{}territoires/{slug}.png", site.base_url, edition_dir(s)));
                meta property="og:image:width" content="1200";
                meta property="og:image:height" content="630";
                meta property="og:site_name" content=(site_title);
                meta name="twitter:card" content="summary_large_image";
                (alternate)
                link rel="stylesheet" href=(format!("{root}page.css"));
                link rel="stylesheet" href=(format!("{root}map.css"));
            }
            body {
                a class="skip" href=(super::card_href(&t.id)) { (s.skip_to_card) }
                (langs)
                main {
                    p class="tim-back" { a href="../index.html" { (s.whole_map) } }
                    h1 { (t.name) }
                    div class="tim-map tim-static" lang=(s.lang) { (map_block(site, &links, Some(i))) }
                    (super::communes::territory_section(site, &t.id))
                }
            }
        }
    };
    Some(TerritoryPage { file: format!("{slug}.html"), html: markup.into_string() })
}

/// What a host pastes inside `<territoires-map>…</territoires-map>`: the map's stylesheet and the
/// pre-rendered map, every address absolute (the site's `base_url`); the element shows it at
/// once and the module adopts it.
pub fn snippet(site: &Site) -> String {
    let links = Links {
        pages: format!("{}{}territoires/", site.base_url, edition_dir(site.strings)),
        to_cards: true,
        search: (!site.communes.is_empty()).then(|| {
            let edition = format!("{}{}", site.base_url, edition_dir(site.strings));
            (format!("{}data/{}", site.base_url, site.files.index()), format!("{edition}{}", super::COMMUNES_PAGE))
        }),
        data: Some((
            format!("{}data/{}", site.base_url, site.files.territories()),
            format!("{}data/{}", site.base_url, site.files.context()),
        )),
    };
    html! {
        link rel="stylesheet" href=(format!("{}map.css", site.base_url));
        div class="tim-map" lang=(site.strings.lang) { (map_block(site, &links, None)) }
    }
    .into_string()
}
