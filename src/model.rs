//! The data model the viewer works on, independent of GeoJSON and of the browser.
//! Shapes are in [`LonLat`] degrees here; [`crate::scene`] projects them.
//!
//! Without its shapes, the model is what a pre-rendered page carries for the module (JSON,
//! written natively by serde, parsed in the browser by `JSON.parse` and read by
//! [`crate::hydrate::json`], see [`crate::hydrate::page`]): hence `Serialize` off the wasm build,
//! and `Deserialize`, whose rules that reader keeps and whose tests compare it with.

use crate::coords::LonLat;
use serde::Deserialize;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

/// One polygon: an exterior ring then its holes, each ring closed (first = last position).
pub type Polygon = Vec<Vec<LonLat>>;

/// Everything loaded from a territory file.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Dataset {
    /// Title of the collection (`title` foreign member), if any.
    pub title: Option<String>,
    /// What the map shows, in a sentence or two (`description` foreign member), if any: the host
    /// page's introduction when it shows another file than its own.
    #[serde(default)]
    pub description: Option<String>,
    /// Where the file's data comes from (`source` foreign member: `{title, url}` or a text), shown
    /// in the header's source line when the data has no programme with a source of its own.
    #[serde(default)]
    pub source: Option<Link>,
    /// Credits for the data, in a sentence or two (`attribution` foreign member): the footer of
    /// the pre-rendered pages. Not in the page's copy of the data: no module shows it.
    #[serde(skip)]
    pub attribution: Option<String>,
    /// The language of the file's plain texts and of what it quotes (`lang` foreign member, a
    /// language tag), when it says; its language maps were resolved to the map's language.
    #[serde(default)]
    pub lang: Option<String>,
    pub legend: Legend,
    pub programme: Option<Programme>,
    /// Territories in file order; indices into this vector identify them everywhere.
    pub territories: Vec<Territory>,
}

impl Dataset {
    /// The index of the territory with this id: what a page's element (`data-id`, a card's id)
    /// or the host (`select`) names.
    ///
    /// ```
    /// let file = br#"{"type":"FeatureCollection","features":[
    ///   {"type":"Feature","properties":{"id":"a","name":"A"},"geometry":{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,48]]]}},
    ///   {"type":"Feature","properties":{"id":"b","name":"B"},"geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}}]}"#;
    /// let data = territoires_map::load::territories(file).unwrap().data;
    /// assert_eq!((data.index_of("b"), data.index_of("c"), data.index_of("")), (Some(1), None, None));
    /// ```
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.territories.iter().position(|t| t.id == id)
    }

    /// The language to mark quoted texts (projects) with, when it is not `lang`, the map's: the
    /// file's `lang` (a file that does not say is not marked).
    pub fn quoted_lang(&self, lang: &str) -> Option<&str> {
        let quoted = self.lang.as_deref()?;
        let primary = |l: &str| l.split('-').next().unwrap_or("").to_ascii_lowercase();
        (primary(quoted) != primary(lang)).then_some(quoted)
    }
}

/// The status categories, in legend order. Comes from the data (`legend` foreign member).
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Legend {
    pub title: Option<String>,
    /// What the categories are, in a word (`name`: « Région » on the national map): the list's
    /// filter label and column head. None: the strings' « Statut ».
    pub name: Option<String>,
    pub statuses: Vec<StatusCategory>,
}

/// One status category: how a territory in it is described and drawn.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct StatusCategory {
    pub id: String,
    /// The status in words, e.g. "Protocole signé le 19 novembre 2019 à Mulhouse".
    pub label: String,
    /// A shorter label for tight places (legend on narrow screens).
    pub short: Option<String>,
    /// Fill colour, `#rgb` or `#rrggbb`.
    pub color: String,
    /// The second cue, so that status is never told by colour alone.
    pub pattern: Pattern,
}

/// Fill patterns drawn over the status colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Pattern {
    Solid,
    Hatch,
    Dots,
    Cross,
}

impl Pattern {
    /// Every pattern, in the order they are handed out when the data names none.
    pub const ALL: [Pattern; 4] = [Pattern::Solid, Pattern::Hatch, Pattern::Dots, Pattern::Cross];

    /// Reads a pattern name from the data.
    pub fn parse(name: &str) -> Option<Pattern> {
        match name {
            "solid" => Some(Pattern::Solid),
            "hatch" => Some(Pattern::Hatch),
            "dots" => Some(Pattern::Dots),
            "cross" => Some(Pattern::Cross),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Pattern::Solid => "solid",
            Pattern::Hatch => "hatch",
            Pattern::Dots => "dots",
            Pattern::Cross => "cross",
        }
    }
}

/// Facts about the programme shown in the header (`programme` foreign member).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Programme {
    pub facts: Vec<String>,
    pub themes: Vec<String>,
    pub source: Option<Link>,
}

/// A source or link. `url` is only ever `http:` or `https:`; anything else is dropped on load.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Link {
    pub title: String,
    pub url: Option<String>,
}

/// An intercommunality (EPCI) that belongs to a territory.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Epci {
    pub siren: Option<String>,
    pub name: String,
}

/// How well the perimeter of a territory is established.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn parse(s: &str) -> Option<Confidence> {
        match s {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "low" => Some(Confidence::Low),
            _ => None,
        }
    }
}

/// One Territoire d'industrie.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Territory {
    pub id: String,
    pub name: String,
    /// A shorter name to write on the map when the full one does not fit.
    pub short_name: Option<String>,
    /// Index into [`Legend::statuses`].
    pub status: usize,
    /// ISO date `YYYY-MM-DD` of the status, if known.
    pub status_date: Option<String>,
    pub status_place: Option<String>,
    pub projects: Vec<String>,
    pub epci: Vec<Epci>,
    pub communes_count: Option<u64>,
    /// Area in km² and population, with which population it is and of when.
    pub area_km2: Option<u64>,
    pub population: Option<u64>,
    pub population_vintage: Option<String>,
    pub confidence: Option<Confidence>,
    pub perimeter_note: Option<String>,
    pub sources: Vec<Link>,
    /// A point inside the territory to write its name at, if the data gives one.
    pub label_point: Option<LonLat>,
    /// Left out of the page's copy: the page draws them (see [`crate::hydrate::page`]).
    #[serde(skip)]
    pub polygons: Vec<Polygon>,
}

/// The faint layers drawn behind the territories for orientation.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub features: Vec<ContextFeature>,
}

/// Kinds of context feature, drawn in this order (countries at the back).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContextLayer {
    Country,
    Department,
    Region,
}

#[derive(Clone, Debug)]
pub struct ContextFeature {
    pub layer: ContextLayer,
    pub name: Option<String>,
    pub polygons: Vec<Polygon>,
}
