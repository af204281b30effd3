//! What a territory's card and its list row say, decided once: data in, a plain description
//! out, in the map's language. The web layer (`web::panel`, `web::list`) and the build-time
//! pre-renderer (`prerender`) both draw from it, so the card a reader opens before the module
//! has loaded says exactly what the module's card says. No markup here.

use crate::model::{Confidence, Dataset, Link};
use crate::text::Strings;

/// What territory `i` is called out loud: "Name : status in words", the colon as the map's
/// language writes it. Its accessible name on the map, and what the live region says when it is
/// focused or opened; empty when there is no such territory.
///
/// ```
/// let json = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Vosges","status":"Signé"},
///   "geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}}]}"#;
/// let data = territoires_map::load::territories(json.as_bytes()).unwrap().data;
/// use territoires_map::{card::spoken, text::{EN, FR}};
/// assert_eq!((spoken(&data, 0, &FR), spoken(&data, 0, &EN)), ("Vosges : Signé".into(), "Vosges: Signé".into()));
/// ```
pub fn spoken(data: &Dataset, i: usize, s: &Strings) -> String {
    let Some(t) = data.territories.get(i) else { return String::new() };
    let status = data.legend.statuses.get(t.status).map(|c| c.label.as_str()).unwrap_or("");
    s.labelled(&t.name, status)
}

/// The content of one territory's card, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Card<'a> {
    pub name: &'a str,
    /// The status in words and its legend id (`data-status`).
    pub status: &'a str,
    pub status_id: &'a str,
    /// "Date : 19 novembre 2019 · Lieu : Mulhouse", when either is known.
    pub when: Option<String>,
    pub projects: &'a [String],
    /// The intercommunalities' names.
    pub epci: Vec<&'a str>,
    /// How certain the perimeter is, in a sentence; `indicative` when it is only indicative.
    pub perimeter: &'static str,
    pub indicative: bool,
    pub note: Option<&'a str>,
    /// "52 communes · 1 234 km² · 90 000 habitants (2021)", when any is known.
    pub size: Option<String>,
    pub sources: &'a [Link],
}

/// Territory `i`'s card, or `None` when there is no such territory.
pub fn card<'a>(data: &'a Dataset, i: usize, s: &Strings) -> Option<Card<'a>> {
    let t = data.territories.get(i)?;
    let cat = data.legend.statuses.get(t.status)?;
    let mut when = Vec::new();
    if let Some(d) = &t.status_date {
        when.push(s.labelled(s.date, &s.date_long(d)));
    }
    if let Some(p) = &t.status_place {
        when.push(s.labelled(s.place, p));
    }
    let perimeter = match t.confidence {
        Some(Confidence::High) => s.confidence_high,
        Some(Confidence::Medium) => s.confidence_medium,
        Some(Confidence::Low) => s.confidence_low,
        None => s.confidence_unknown,
    };
    let mut size = Vec::new();
    if let Some(n) = t.communes_count {
        size.push(format!("{} {}", s.grouped(n), s.communes));
    }
    if let Some(a) = t.area_km2 {
        size.push(format!("{} km²", s.grouped(a)));
    }
    if let Some(p) = t.population {
        let vintage = t.population_vintage.as_ref().map(|v| format!(" ({v})")).unwrap_or_default();
        size.push(format!("{} {}{vintage}", s.grouped(p), s.inhabitants));
    }
    Some(Card {
        name: &t.name,
        status: &cat.label,
        status_id: &cat.id,
        when: (!when.is_empty()).then(|| when.join(" · ")),
        projects: &t.projects,
        epci: t.epci.iter().map(|e| e.name.as_str()).collect(),
        perimeter,
        indicative: t.confidence == Some(Confidence::Low),
        note: t.perimeter_note.as_deref(),
        size: (!size.is_empty()).then(|| size.join(" · ")),
        sources: &t.sources,
    })
}

/// One row of the list: name, status (its index for the swatch), date in words, projects.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub status: usize,
    pub status_label: &'a str,
    pub date: String,
    pub projects: &'a [String],
}

/// Territory `i`'s list row, or `None` when there is no such territory.
pub fn row<'a>(data: &'a Dataset, i: usize, s: &Strings) -> Option<Row<'a>> {
    let t = data.territories.get(i)?;
    let cat = data.legend.statuses.get(t.status)?;
    Some(Row {
        id: &t.id,
        name: &t.name,
        status: t.status,
        status_label: &cat.label,
        date: t.status_date.as_deref().map(|d| s.date_long(d)).unwrap_or_default(),
        projects: &t.projects,
    })
}

/// The file name (without `.html`) of a territory's page, or `None` when its id is not safe as
/// one (then the list links to its card on the page instead). The pre-renderer writes the pages
/// by it; the module links to them by it, through [`page_href`].
///
/// ```
/// use territoires_map::card::page_slug;
/// assert_eq!(page_slug("sel-et-vermois").as_deref(), Some("sel-et-vermois"));
/// assert_eq!(page_slug("../index"), None);
/// assert_eq!(page_slug(""), None);
/// ```
pub fn page_slug(id: &str) -> Option<String> {
    let ok = !id.is_empty() && id.len() <= 120 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| id.to_string())
}

/// The address of a territory's own page: `pages` (the folder of the pages, `territoires/`, as
/// the pre-rendered map gives it) then [`page_slug`] and `.html`. `None` when the id has no
/// page, or when `pages` has a scheme other than `http(s)` (read from the page, it must not make
/// a `javascript:` link).
///
/// ```
/// use territoires_map::card::page_href;
/// assert_eq!(page_href("territoires/", "vosges").as_deref(), Some("territoires/vosges.html"));
/// assert_eq!(page_href("javascript:alert(1)//", "vosges"), None);
/// assert_eq!(page_href("territoires/", "a/b"), None);
/// ```
pub fn page_href(pages: &str, id: &str) -> Option<String> {
    // Relative (no scheme before the first `/`), or an absolute address the loader's own rule
    // keeps as it is written.
    let scheme = pages.find(':').filter(|&c| pages.find('/').is_none_or(|s| c < s));
    let safe = scheme.is_none() || crate::load::safe_url(pages).as_deref() == Some(pages);
    safe.then(|| page_slug(id)).flatten().map(|slug| format!("{pages}{slug}.html"))
}

/// The id of a territory's card: the deep link the module reads (`#territoire=<id>`) is also the
/// fragment that opens the pre-rendered card without it (`:target`).
pub fn card_id(id: &str) -> String {
    format!("{CARD_ID}{id}")
}

/// What a card's id starts with, before the territory's id (see [`card_id`]).
pub const CARD_ID: &str = "territoire=";

/// The link to a territory's card on the same page, the id percent-encoded.
///
/// ```
/// use territoires_map::card::card_href;
/// assert_eq!(card_href("a b\"<"), "#territoire=a%20b%22%3C");
/// ```
pub fn card_href(id: &str) -> String {
    let mut out = format!("#{CARD_ID}");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use crate::text::{EN, FR};

    const FILE: &str = r#"{"type":"FeatureCollection","legend":{"statuses":[{"id":"s","label":"Signé"}]},"features":[
      {"type":"Feature","properties":{"id":"v","name":"Vosges","status":"s","status_date":"2019-11-19",
       "status_place":"Épinal","projects":["Hydrogène"],"perimeter_confidence":"low","communes_count":1234,
       "epci":[{"name":"CA d'Épinal"}],"sources":[{"title":"Communiqué","url":"https://example.org/c"}]},
       "geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}},
      {"type":"Feature","properties":{"id":"e","name":"Épernay","status":"s"},
       "geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,48]]]}}]}"#;

    #[test]
    fn a_full_card_says_everything_in_the_maps_language() {
        let data = load::territories(FILE.as_bytes()).unwrap().data;
        let c = card(&data, 0, &FR).unwrap();
        assert_eq!(c.name, "Vosges");
        assert_eq!(c.when.as_deref(), Some("Date : 19 novembre 2019 · Lieu : Épinal"));
        assert_eq!(c.epci, ["CA d'Épinal"]);
        assert!(c.indicative);
        assert_eq!(c.perimeter, FR.confidence_low);
        assert_eq!(c.size.as_deref(), Some("1\u{202f}234 communes"));
        assert_eq!(c.sources[0].url.as_deref(), Some("https://example.org/c"));
        assert_eq!(card(&data, 0, &EN).unwrap().size.as_deref(), Some("1,234 municipalities"));
    }

    #[test]
    fn an_empty_card_has_no_empty_lines_and_a_missing_territory_has_none() {
        let data = load::territories(FILE.as_bytes()).unwrap().data;
        let c = card(&data, 1, &FR).unwrap();
        assert_eq!((c.when, c.size, c.note), (None, None, None));
        assert!(c.projects.is_empty() && c.epci.is_empty() && !c.indicative);
        assert_eq!(c.perimeter, FR.confidence_unknown);
        assert!(card(&data, 2, &FR).is_none());
        assert_eq!(row(&data, 0, &FR).unwrap().date, "19 novembre 2019");
        assert_eq!(row(&data, 1, &FR).unwrap().date, "");
        assert!(row(&data, 9, &FR).is_none());
    }
}
