//! "Is my commune in a Territoire d'industrie?": the communes of the region, searched by name or
//! postcode as a reader types, forgiving what readers get wrong (accents, case, hyphens, "st"
//! for "saint", one typo in a word of five letters or more), homonyms kept apart by their
//! département and postcode. Reads the list `make data` writes (`data/communes-grand-est.csv`,
//! see `data/README.md`), or the [`index`] the pre-render writes from it for the browser; words
//! the answer ([`answer`]); keeps the state of the field's suggestions ([`combobox`]). Each
//! commune's point is in the projected plane (Lambert-93 metres). No DOM: the search module's web
//! layer is `src/web/search/`, and the design is in docs/search.md.

pub mod answer;
pub mod combobox;
pub mod fold;
pub mod index;
mod matching;

pub use index::Index;
pub use matching::{matches, Hit};

use crate::coords::Projected;
#[cfg(not(target_arch = "wasm32"))]
use crate::{coords::LonLat, load::csv_records};

/// One commune of the list: current, or former (`now`, the code of the current one it is part of).
#[derive(Clone, Debug, PartialEq)]
pub struct Commune {
    pub insee: String,
    pub name: String,
    pub dep: String,
    pub dep_name: String,
    pub postcodes: Vec<String>,
    /// The ids of the territories it is in; empty: in none.
    pub territories: Vec<String>,
    pub now: Option<String>,
    /// The name's words, folded ([`fold::words`]).
    pub words: Vec<String>,
    /// Where the map marks it: a point inside it, projected.
    pub at: Option<Projected>,
}

/// What is wrong with the list, and on which line.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq)]
pub enum IndexError {
    /// The first line does not name the columns the list needs.
    Header { missing: &'static str },
    /// A line with fewer cells than the header, or no code or name.
    Line { line: usize },
}

/// Said by the build (the pre-render), which stops on a damaged list.
#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::Header { missing } => write!(f, "line 1: no column `{missing}`"),
            IndexError::Line { line } => write!(f, "line {line}: fewer cells than the header, or no code or name"),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
const COLUMNS: [&str; 7] =
    ["insee", "nom", "departement", "nom_departement", "codes_postaux", "territoires", "commune_actuelle"];

/// Reads the list: its header, then a commune per line. The columns `lon` and `lat`, when there,
/// give each commune its point. Native: the pre-render reads the list, the browser the index.
///
/// ```
/// let csv = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
///            68297,Saint-Louis,68,Haut-Rhin,68300,sud-alsace,\n";
/// let list = territoires_map::search::read(csv).unwrap();
/// assert_eq!(list[0].words, ["saint", "louis"]);
/// assert_eq!(list[0].territories, ["sud-alsace"]);
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn read(text: &str) -> Result<Vec<Commune>, IndexError> {
    let records = csv_records(text.trim_start_matches('\u{feff}'), b',');
    let mut rows = records.into_iter();
    let Some((_, header)) = rows.next() else { return Err(IndexError::Header { missing: COLUMNS[0] }) };
    let mut at = [0usize; 7];
    for (k, name) in COLUMNS.iter().enumerate() {
        at[k] = header.iter().position(|h| h.trim() == *name).ok_or(IndexError::Header { missing: name })?;
    }
    let point_at = ["lon", "lat"].map(|name| header.iter().position(|h| h.trim() == name));
    let projection = crate::projection::France::new();
    let list = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    rows.map(|(line, cells)| {
        let cell = |k: usize| cells.get(at[k]).map(|c| c.trim());
        let (Some(insee), Some(name)) = (cell(0).filter(|c| !c.is_empty()), cell(1).filter(|c| !c.is_empty())) else {
            return Err(IndexError::Line { line });
        };
        let get = |k: usize| cell(k).ok_or(IndexError::Line { line });
        Ok(Commune {
            insee: insee.to_string(),
            name: name.to_string(),
            dep: get(2)?.to_string(),
            dep_name: get(3)?.to_string(),
            postcodes: list(get(4)?),
            territories: list(get(5)?),
            now: Some(get(6)?).filter(|n| !n.is_empty()).map(str::to_string),
            words: fold::words(name),
            at: match point_at.map(|k| k.and_then(|k| cells.get(k)?.trim().parse::<f64>().ok())) {
                [Some(lon), Some(lat)] => Some(projection.project(LonLat { lon, lat })),
                _ => None,
            },
        })
    })
    .collect()
}
