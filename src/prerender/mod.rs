//! The map before and without JavaScript: at build time (`make build` runs the `prerender`
//! binary) the default data goes through the same core as in the browser (loader, projection,
//! scene, labels, path data, card words) and comes out as static HTML: `index.html` and
//! `embed.html` with the map, legend, list and one card per territory in them; a page per
//! territory (`territoires/<id>.html`); the markup a host pastes inside `<territoires-map>`.
//!
//! Space: [`Projected`](crate::coords::Projected) metres in, drawn through a [`View`] fitted to a
//! nominal [`WIDTH`] × [`HEIGHT`] pixel box; the SVG's `viewBox` is that box, so the browser scales
//! it to the stage, and the module that adopts the map starts from the view showing that same
//! picture ([`crate::hydrate::shown_view`]).
//!
//! Label widths: the advances of the labels' font, [`crate::labels::metrics`], the very widths
//! the module and the image place names with, so that the module adopts the names as they are.
//!
//! Safety: every text from the data goes through maud, which escapes it; links are kept only
//! when `http:` or `https:` ([`crate::load::safe_url`], the loader's own rule, checked again here because this HTML is served as is); no inline script or style is written (the pages work
//! under the strict CSP of `.ci/serve.py`). Native only: nothing of it is in the wasm module.

mod communes;
#[cfg(test)]
mod editions;
mod files;
mod map;
mod pages;
mod parts;
mod shell;
#[cfg(test)]
mod tests;

pub use crate::card::{card_href, card_id, page_slug};
pub use communes::{all_page, PAGE as COMMUNES_PAGE};
pub use files::DataFiles;
pub use pages::{head_tags, map_block, root_links, snippet, territory_page, TerritoryPage};
pub use shell::{edition_dir, embed_page, index_page, EDITIONS};

use crate::model::{Context, Dataset};
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::{View, FIT_PADDING};

pub use crate::hydrate::{HEIGHT, UID, WIDTH};

/// The commune search's index of the site's communes, naming its territories.
pub fn search_index(site: &Site) -> String {
    let names: Vec<(String, String)> = site.data.territories.iter().map(|t| (t.id.clone(), t.name.clone())).collect();
    crate::search::index::write(&site.communes, &names)
}

/// The data of the map being pre-rendered, its scene, words and address.
pub struct Site<'a> {
    pub data: &'a Dataset,
    pub scene: Scene,
    pub strings: &'static Strings,
    /// Absolute address of the site's root, ending in `/`: canonical URLs and Open Graph need one.
    pub base_url: String,
    /// The territory file without its geometries, for the module to adopt the map without
    /// downloading it (see [`crate::hydrate::page::write_data`]); none, and it downloads it.
    pub data_block: Option<String>,
    /// The region's communes and their territories (`data/communes-grand-est.csv`): listed on the
    /// territory pages and on a page of their own; empty, and they are not.
    pub communes: Vec<crate::search::Commune>,
    /// The names of the data files in the site's `data/`, which the pages give the scripts and
    /// under which the search index is written.
    pub files: DataFiles,
}

impl<'a> Site<'a> {
    /// Projects `data` (and the context behind it) once for every page.
    pub fn new(data: &'a Dataset, context: Option<&Context>, strings: &'static Strings, base_url: &str) -> Site<'a> {
        let base_url = if base_url.ends_with('/') { base_url.to_string() } else { format!("{base_url}/") };
        let scene = Scene::build(data, context);
        Site { data, scene, strings, base_url, data_block: None, communes: Vec::new(), files: DataFiles::default() }
    }

    /// The view every pre-rendered map is drawn at.
    pub fn view(&self) -> View {
        crate::hydrate::nominal_view(self.scene.bounds)
    }
}

/// Where the links of a pre-rendered map go.
#[derive(Clone, Debug)]
pub struct Links {
    /// Prefix of the territory pages' addresses: `territoires/` from the site's root, empty from
    /// a territory page, absolute in the snippet a host pastes.
    pub pages: String,
    /// The commune search's index (`data/communes-grand-est.txt`) and the page of all communes
    /// from this page: the field is written when there is an index, on the pages whose map the
    /// module adopts; without a script, it leads to that page.
    pub search: Option<(String, String)>,
    /// The data files the map is drawn from (territories, context), from this page: the scripts
    /// fetch them where the module cannot adopt the map (another language, statuses); none on
    /// the pages that have no module.
    pub data: Option<(String, String)>,
    /// A territory on the map opens its card on this page (`#territoire=<id>`); otherwise it goes
    /// to its own page (from a territory page, to the neighbour's).
    pub to_cards: bool,
}
