//! "Is my commune in a Territoire d'industrie?", answered without JavaScript: each territory's
//! page lists its communes by département, with their postcodes, and a page of every commune of
//! the region, A to Z (former communes under their own name), gives each one's territory. The
//! browser's find-in-page does the searching. The list is `data/communes-grand-est.csv`, made by
//! `make data` (datatool's `directory`), read by [`crate::search::read`] as for the search index.

use super::shell::{alternates, head_start, to_root};
use super::Site;
use crate::scene::sort_key;
use crate::search::{answer::named, Commune};
use maud::{html, Markup, DOCTYPE};
use std::collections::BTreeMap;

/// The page of every commune, in each edition's folder.
pub const PAGE: &str = "communes.html";

/// Whether commune `c` is in territory `id`.
fn in_territory(c: &Commune, id: &str) -> bool {
    c.territories.iter().any(|t| t == id)
}

/// The communes of territory `id`, by département, each with its postcodes and the former
/// communes of it that the territory does not hold. Nothing when the site has no list.
pub fn territory_section(site: &Site, id: &str) -> Markup {
    let w = site.strings.page();
    let mine: Vec<&Commune> = site.communes.iter().filter(|c| c.now.is_none() && in_territory(c, id)).collect();
    if mine.is_empty() {
        return html! {};
    }
    let mut by_dep: BTreeMap<(&str, &str), Vec<&Commune>> = BTreeMap::new();
    for c in &mine {
        by_dep.entry((&c.dep, &c.dep_name)).or_default().push(c);
    }
    // The former communes the territory does not hold, by the current commune they are part of.
    let mut outside: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in site.communes.iter().filter(|f| !in_territory(f, id)) {
        if let Some(now) = &f.now {
            outside.entry(now).or_default().push(&f.name);
        }
    }
    html! {
        section class="tim-communes" aria-labelledby="communes" {
            h2 id="communes" { (w.communes) " (" (site.strings.grouped(mine.len() as u64)) ")" }
            p { (w.communes_source) " " a href=(format!("../{PAGE}")) { (w.all_communes) } }
            @for ((dep, dep_name), list) in &by_dep {
                h3 { (dep_name) " (" (dep) ")" }
                ul class="tim-commune-list" {
                    @for c in sorted(list) {
                        li {
                            (named(c))
                            @if let Some(out) = outside.get(c.insee.as_str()) { " — " (w.except) " " (out.join(", ")) }
                        }
                    }
                }
            }
        }
    }
}

fn sorted<'a>(list: &[&'a Commune]) -> Vec<&'a Commune> {
    let mut list = list.to_vec();
    list.sort_by_cached_key(|c| (sort_key(&c.name), c.dep.clone()));
    list
}

/// The page of every commune of the region, A to Z, with its territory (a link to the
/// territory's page) or none. `None` when the site has no list.
pub fn all_page(site: &Site) -> Option<String> {
    if site.communes.is_empty() {
        return None;
    }
    let (s, w) = (site.strings, site.strings.page());
    let root = to_root(site, 0);
    let (alternate, langs) = alternates(site, PAGE, 0);
    let names: BTreeMap<&str, &str> = site.data.territories.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect();
    let current: BTreeMap<&str, &str> =
        site.communes.iter().filter(|c| c.now.is_none()).map(|c| (c.insee.as_str(), c.name.as_str())).collect();
    let mut by_letter: BTreeMap<char, Vec<&Commune>> = BTreeMap::new();
    for c in &site.communes {
        let letter = sort_key(&c.name).chars().next().unwrap_or('?').to_ascii_uppercase();
        by_letter.entry(letter).or_default().push(c);
    }
    let title = format!("{} — {}", w.all_communes, s.title_of(site.data));
    let markup = html! {
        (DOCTYPE)
        html lang=(s.lang) {
            head {
                (head_start(&title))
                (alternate)
                link rel="stylesheet" href=(format!("{root}page.css"));
            }
            body {
                (langs)
                main {
                    p class="tim-back" { a href="index.html" { (s.whole_map) } }
                    h1 { (w.all_communes) }
                    p class="intro" { (w.all_communes_help) }
                    nav class="tim-letters" aria-label=(w.letters) {
                        @for letter in by_letter.keys() { a href=(format!("#l-{letter}")) { (letter) } " " }
                    }
                    @for (letter, list) in &by_letter {
                        h2 id=(format!("l-{letter}")) { (letter) }
                        table class="tim-communes-table" {
                            thead { tr { @for h in w.columns { th scope="col" { (h) } } } }
                            tbody {
                                @for c in sorted(list) {
                                    tr {
                                        th scope="row" {
                                            (c.name)
                                            @if let Some(now) = c.now.as_deref().and_then(|n| current.get(n)) { " (" (w.now_part_of) " " (now) ")" }
                                        }
                                        td { (c.postcodes.join(", ")) }
                                        td { (c.dep_name) " (" (c.dep) ")" }
                                        td { (territory_links(c, &names, w.in_none)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Some(markup.into_string())
}

fn territory_links(c: &Commune, names: &BTreeMap<&str, &str>, none: &str) -> Markup {
    let ids: Vec<&str> = c.territories.iter().map(String::as_str).filter(|t| names.contains_key(t)).collect();
    html! {
        @if ids.is_empty() { (none) }
        @for (k, id) in ids.iter().enumerate() {
            @if k > 0 { ", " }
            @match crate::card::page_slug(id) {
                Some(slug) => a href=(format!("territoires/{slug}.html")) { (names[id]) },
                None => (names[id]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, FR};

    const FILE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"v","name":"Vosges","status":"s"},"geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}},
      {"type":"Feature","properties":{"id":"m","name":"Moselle Est","status":"s"},"geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,48]]]}}]}"#;
    const LIST: &str = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
        88160,Épinal,88,Vosges,88000,v,\n\
        88321,Neufchâteau,88,Vosges,88300,v,\n\
        88393,Rollainville,88,Vosges,88300,,88321\n\
        54001,<b>Écrouves</b>,54,Meurthe-et-Moselle,54200 54201,v m,\n\
        57001,Aboncourt,57,Moselle,57920,,\n\
        51410,Œuilly,51,Marne,51480,,\n";

    fn site<'a>(s: &'static crate::text::Strings, data: &'a crate::model::Dataset) -> Site<'a> {
        let mut site = Site::new(data, None, s, "https://example.org/");
        site.communes = crate::search::read(LIST).unwrap();
        site
    }

    #[test]
    fn a_territory_lists_its_communes_by_departement_with_what_it_does_not_hold() {
        let data = crate::load::territories(FILE.as_bytes()).unwrap().data;
        let html = territory_section(&site(&FR, &data), "v").into_string();
        assert!(html.contains("<h2 id=\"communes\">Communes (3)</h2>"), "{html}");
        let (meurthe, vosges) = (html.find("Meurthe-et-Moselle (54)").unwrap(), html.find("Vosges (88)").unwrap());
        assert!(meurthe < vosges, "départements by code");
        assert!(html.contains("<li>&lt;b&gt;Écrouves&lt;/b&gt; (54200, 54201)</li>"), "escaped: {html}");
        assert!(html.contains("<li>Épinal (88000)</li><li>Neufchâteau (88300) — sauf Rollainville</li>"), "{html}");
        assert!(territory_section(&site(&FR, &data), "x").into_string().is_empty());
    }

    #[test]
    fn every_commune_has_its_row_with_its_territory_or_none_in_each_language() {
        let data = crate::load::territories(FILE.as_bytes()).unwrap().data;
        let html = all_page(&site(&FR, &data)).unwrap();
        assert!(html.contains(
            "<td><a href=\"territoires/v.html\">Vosges</a>, <a href=\"territoires/m.html\">Moselle Est</a></td>"
        ));
        assert!(html.contains("<th scope=\"row\">Aboncourt</th><td>57920</td><td>Moselle (57)</td><td>aucun</td>"));
        assert!(html.contains("Rollainville (ancienne commune, aujourd'hui Neufchâteau)"));
        assert!(html.contains("<h2 id=\"l-E\">E</h2>"), "É under E");
        assert!(html.contains("<h2 id=\"l-O\">O</h2>") && !html.contains("l-Œ") && !html.contains("l-œ"), "Œ under O");
        let en = all_page(&site(&EN, &data)).unwrap();
        assert!(en.starts_with("<!DOCTYPE html><html lang=\"en\">"));
        assert!(
            en.contains("<td>none</td>") && en.contains("Rollainville (former municipality, now part of Neufchâteau)")
        );
        assert!(en.contains("<link rel=\"stylesheet\" href=\"../page.css\">"));
        let mut empty = site(&FR, &data);
        empty.communes.clear();
        assert_eq!(all_page(&empty), None);
    }

    #[test]
    fn a_damaged_list_says_which_line() {
        let bad = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n1,a,b\n";
        assert!(crate::search::read(bad).unwrap_err().to_string().starts_with("line 2:"));
    }
}
