//! The pages around the pre-rendered map, written whole, one edition per language: `index.html`
//! (heading, introduction, map, credits) and `embed.html` (the map alone, for an iframe). The
//! first of [`EDITIONS`] is at the site's root, each other in a folder named after its language
//! (`en/index.html`); every page names the others (`<link rel="alternate" hreflang>`, which the
//! pages' scripts follow when `?lang=` asks for another language) and links to them.
//!
//! The head loads the small module with the page: the glue as a module, the wasm as the glue
//! fetches it (`fetch()`, CORS mode, same-origin credentials), rather than after the script
//! that imports it. With `?src=` and the like the script starts the full module instead, and
//! these two go unused.

use super::pages::{head_tags, map_block, root_links};
use super::Site;
use crate::text::{Strings, EN, FR};
use maud::{html, Markup, DOCTYPE};

/// The languages the site is written in.
pub const EDITIONS: [&Strings; 2] = [&FR, &EN];

/// The folder of edition `s`, from the site's root: empty for the first, else `<lang>/`.
pub fn edition_dir(s: &Strings) -> String {
    if s.lang == EDITIONS[0].lang {
        String::new()
    } else {
        format!("{}/", s.lang)
    }
}

/// From a page of `site`'s edition, `depth` folders below the edition's root, the way back to
/// the site's root, where the styles, scripts, module and data are.
pub fn to_root(site: &Site, depth: usize) -> String {
    let up = depth + usize::from(!edition_dir(site.strings).is_empty());
    "../".repeat(up)
}

/// The links to the other editions of the page at `path` (from an edition's root), from a page
/// `depth` folders below it: in the head for the scripts and search engines, and shown.
pub fn alternates(site: &Site, path: &str, depth: usize) -> (Markup, Markup) {
    let root = to_root(site, depth);
    let others: Vec<(&Strings, String)> = EDITIONS
        .iter()
        .filter(|e| e.lang != site.strings.lang)
        .map(|e| (*e, format!("{root}{}{path}", edition_dir(e))))
        .collect();
    let head = html! {
        @for (e, href) in &others { link rel="alternate" hreflang=(e.lang) href=(href); }
    };
    let shown = html! {
        nav class="langs" aria-label=(site.strings.page().languages) {
            @for (e, href) in &others {
                a href=(href) hreflang=(e.lang) lang=(e.lang) { (e.page().language_name) }
            }
        }
    };
    (head, shown)
}

/// What every page's head starts with: its encoding, its viewport, its `title`, and no icon to
/// fetch.
pub(super) fn head_start(title: &str) -> Markup {
    html! {
        meta charset="utf-8";
        meta name="viewport" content="width=device-width, initial-scale=1";
        title { (title) }
        link rel="icon" href="data:,";
    }
}

/// The small module's two files, fetched with the page: otherwise the browser finds them only
/// once it has run the page's script, one round trip later. (The scripts that script imports,
/// `search.js`, `helpers.js`, `load.js`, are bundled into it by `.ci/build-site`.)
fn preload(root: &str) -> Markup {
    html! {
        link rel="modulepreload" href=(format!("{root}pkg/territoires_map_small.js"));
        link rel="preload" href=(format!("{root}pkg/territoires_map_small_bg.wasm")) as="fetch" type="application/wasm" crossorigin;
    }
}

/// The main page of `site`'s edition: its title and description, the map, the data's credits.
pub fn index_page(site: &Site) -> String {
    let (s, w) = (site.strings, site.strings.page());
    let title = s.title_of(site.data);
    let root = to_root(site, 0);
    let (alternate, langs) = alternates(site, "index.html", 0);
    let intro = match &site.data.description {
        Some(d) => format!("{d} {}", w.help),
        None => w.help.to_string(),
    };
    html! {
        (DOCTYPE)
        html lang=(s.lang) {
            head {
                (head_start(&format!("{title} — {}", w.map_word)))
                (head_tags(site))
                (alternate)
                link rel="stylesheet" href=(format!("{root}page.css"));
                link rel="stylesheet" href=(format!("{root}map.css"));
                (preload(&root))
                script type="module" src=(format!("{root}main.js")) {}
            }
            body {
                a class="skip" href="#carte" { (w.skip_to_map) }
                (langs)
                main {
                    h1 { (title) }
                    p class="intro" { (intro) }
                    div id="carte" class="tim-map" lang=(site.strings.lang) data-state="loading" tabindex="-1" {
                        (map_block(site, &root_links(site), None))
                    }
                    @if !site.communes.is_empty() {
                        p class="tim-all-communes" { a href=(super::communes::PAGE) { (w.all_communes) } }
                    }
                }
                @if let Some(credits) = &site.data.attribution {
                    footer { p { (credits) } }
                }
            }
        }
    }
    .into_string()
}

/// The iframe page of `site`'s edition: the map alone.
pub fn embed_page(site: &Site) -> String {
    let s = site.strings;
    let root = to_root(site, 0);
    let (alternate, _) = alternates(site, "embed.html", 0);
    html! {
        (DOCTYPE)
        html lang=(s.lang) {
            head {
                (head_start(s.title_of(site.data)))
                (alternate)
                link rel="stylesheet" href=(format!("{root}map.css"));
                link rel="stylesheet" href=(format!("{root}embed.css"));
                (preload(&root))
                script type="module" src=(format!("{root}embed.js")) {}
            }
            body {
                div id="carte" class="tim-map" lang=(site.strings.lang) data-state="loading" { (map_block(site, &root_links(site), None)) }
            }
        }
    }
    .into_string()
}
