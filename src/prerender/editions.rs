//! Tests of the editions ([`super::shell`]): each language's pages, where they load from, how
//! they name each other, and no French words in the English one but the quoted texts.

use super::*;
use crate::load;
use crate::text::{EN, FR};

const GRAND_EST: &[u8] = include_bytes!("../../data/territoires-grand-est.geojson");

fn dataset(s: &'static Strings) -> Dataset {
    load::territories_with(GRAND_EST, &s.mapping(), None).unwrap().data
}

#[test]
fn each_edition_loads_from_the_sites_root_and_names_the_other() {
    let (fr, en) = (dataset(&FR), dataset(&EN));
    let (fr_site, en_site) =
        (Site::new(&fr, None, &FR, "https://example.org/"), Site::new(&en, None, &EN, "https://example.org/"));
    let page = index_page(&fr_site);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"fr\">"));
    for want in [
        "<link rel=\"canonical\" href=\"https://example.org/\">",
        "<link rel=\"alternate\" hreflang=\"en\" href=\"en/index.html\">",
        "<a href=\"en/index.html\" hreflang=\"en\" lang=\"en\">English</a>",
        "<script type=\"module\" src=\"main.js\">",
        "<a class=\"skip\" href=\"#carte\">Aller à la carte</a>",
    ] {
        assert!(page.contains(want), "French index: {want}");
    }
    let page = index_page(&en_site);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    for want in [
        "<link rel=\"canonical\" href=\"https://example.org/en/\">",
        "<link rel=\"alternate\" hreflang=\"fr\" href=\"../index.html\">",
        "<a href=\"../index.html\" hreflang=\"fr\" lang=\"fr\">Français</a>",
        "<link rel=\"stylesheet\" href=\"../map.css\">",
        "<link rel=\"modulepreload\" href=\"../pkg/territoires_map_small.js\">",
        "<script type=\"module\" src=\"../main.js\">",
        "<div class=\"tim-pre\" data-pages=\"territoires/\" data-src=\"../data/territoires-grand-est.geojson\" data-context=\"../data/contexte-grand-est.geojson\">",
    ] {
        assert!(page.contains(want), "English index: {want}");
    }
    assert!(embed_page(&en_site).contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"../embed.html\">"));
    assert!(embed_page(&en_site).contains("<script type=\"module\" src=\"../embed.js\">"));
    let i = en.territories.iter().position(|t| t.id == "vosges").unwrap();
    let page = territory_page(&en_site, i).unwrap().html;
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/en/territoires/vosges.html\">"));
    assert!(page.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"../../territoires/vosges.html\">"));
    assert!(page.contains("<link rel=\"stylesheet\" href=\"../../page.css\">"));
    assert!(page.contains("<meta property=\"og:image\" content=\"https://example.org/en/territoires/vosges.png\">"));
    assert!(index_page(&en_site).contains("<meta property=\"og:image\" content=\"https://example.org/en/carte.png\">"));
    assert!(snippet(&en_site).contains("data-pages=\"https://example.org/en/territoires/\""));
}

/// Every French text of the file's language maps (where the English one differs), escaped as
/// the pages write text.
fn french_of_maps() -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let (Some(fr), Some(en)) =
                    (o.get("fr").and_then(|v| v.as_str()), o.get("en").and_then(|v| v.as_str()))
                {
                    if fr != en {
                        out.push(fr.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"));
                    }
                }
                o.values().for_each(|v| walk(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::from_slice(GRAND_EST).unwrap(), &mut out);
    out
}

/// `page` without the elements marked `lang="fr"` (their tags hold no other element of the same
/// name: a list of projects, a cell).
fn without_french_parts(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(k) = rest.find(" lang=\"fr\">") {
        let open = rest[..k].rfind('<').expect("inside a tag");
        let tag: String = rest[open + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        out.push_str(&rest[..open]);
        let close = format!("</{tag}>");
        let end = rest[k..].find(&close).expect("closed") + k + close.len();
        rest = &rest[end..];
    }
    out + rest
}

#[test]
fn the_english_edition_holds_no_french_text_of_the_file_and_english_typography() {
    let french = french_of_maps();
    assert!(french.len() > 20, "the file carries its texts in both languages ({} found)", french.len());
    let en = dataset(&EN);
    let site = Site::new(&en, None, &EN, "https://example.org/");
    let mut pages = vec![index_page(&site), embed_page(&site), snippet(&site)];
    pages.extend((0..en.territories.len()).filter_map(|i| territory_page(&site, i)).map(|p| p.html));
    for page in &pages {
        for f in &french {
            assert!(!page.contains(f.as_str()), "French in the English edition: {f}");
        }
        let english = without_french_parts(page);
        if let Some(k) = english.find(" : ") {
            panic!("French spacing in English: …{}…", &english[k.saturating_sub(60)..(k + 20).min(english.len())]);
        }
    }
    let fr = dataset(&FR);
    let fr_page = index_page(&Site::new(&fr, None, &FR, "https://example.org/"));
    assert!(french.iter().any(|f| fr_page.contains(f.as_str())), "the French edition has them");
}

#[test]
fn quoted_projects_keep_their_language_marked_in_the_english_edition() {
    let en = dataset(&EN);
    assert_eq!(en.lang.as_deref(), Some("fr"));
    let site = Site::new(&en, None, &EN, "https://example.org/");
    let page = index_page(&site);
    assert_eq!(page.matches("<ul class=\"tim-panel-projects\" lang=\"fr\">").count(), 15, "each card's projects");
    let fr = dataset(&FR);
    let fr_page = index_page(&Site::new(&fr, None, &FR, "https://example.org/"));
    assert!(!fr_page.contains("<ul class=\"tim-panel-projects\" lang="), "not marked in French");
}
