use super::card::{body, header, static_card};
use super::legend::{legend, patterns, Styling};
use super::list::{frame, row, Mode};
use super::write::{all_to_string, to_string};
use super::{El, Node};
use crate::load;
use crate::model::Dataset;
use crate::text::FR;

const FILE: &str = r##"{"type":"FeatureCollection",
  "legend":{"statuses":[{"id":"s","label":"Signé","color":"#123456","pattern":"hatch"},{"id":"n","label":"Non","color":"#abcdef"}]},
  "title":"Titre","programme":{"facts":["Un fait"],"themes":[],"source":{"title":"Source","url":"javascript:alert(1)"}},
  "features":[
  {"type":"Feature","properties":{"id":"v","name":"<script>R&D</script>","status":"s","projects":["Projet"],
   "sources":[{"title":"Bon","url":"https://example.org/a"},{"title":"Mauvais","url":"javascript:alert(1)"}]},
   "geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,48]]]}},
  {"type":"Feature","properties":{"id":"a/b","name":"Autre","status":"s"},
   "geometry":{"type":"Polygon","coordinates":[[[4,48],[5,48],[5,49],[4,48]]]}}]}"##;

fn data() -> Dataset {
    load::territories(FILE.as_bytes()).unwrap().data
}

/// Every element of `nodes`, depth first.
fn elements(nodes: &[Node]) -> Vec<&El> {
    let mut out = Vec::new();
    for n in nodes {
        if let Node::El(el) = n {
            out.push(el);
            out.extend(elements(&el.children));
        }
    }
    out
}

#[test]
fn text_from_the_data_is_escaped_and_only_http_links_are_links() {
    let d = data();
    let html = all_to_string(&body(&d, 0, &FR, "t", None).unwrap());
    assert!(html.contains("&lt;script&gt;R&amp;D&lt;/script&gt;"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains(r#"<a href="https://example.org/a" rel="noopener noreferrer" target="_blank">Bon</a>"#));
    assert!(html.contains("<span>Mauvais</span>") && !html.contains("javascript:"), "{html}");
    let top = all_to_string(&header(&d, &FR).unwrap());
    assert!(top.contains("<span>Source</span>") && top.contains(r#"<h2 class="tim-title">Titre</h2>"#), "{top}");
}

#[test]
fn a_file_without_programme_gets_a_header_only_for_its_own_source() {
    let mut d = data();
    d.programme = None;
    assert!(header(&d, &FR).is_none(), "a title alone: the page names the map, no header");
    d.source = Some(crate::model::Link { title: "IGN <Admin>".into(), url: Some("https://example.org/ign".into()) });
    let top = all_to_string(&header(&d, &FR).unwrap());
    assert!(top.contains(r#"<h2 class="tim-title">Titre</h2>"#) && !top.contains("tim-facts"), "{top}");
    assert!(top.contains(r#"<a href="https://example.org/ign""#) && top.contains("IGN &lt;Admin&gt;"), "{top}");
}

#[test]
fn the_static_card_wraps_the_modules_card_body() {
    let d = data();
    let card = static_card(&d, 0, &FR, 0, false, Some("#"), Some("territoires/v.html")).unwrap();
    assert_eq!(card.get("id"), Some("territoire=v"));
    assert_eq!(card.get("aria-labelledby"), Some("tim0-title-0"));
    let Node::El(inner) = &card.children[1] else { panic!("no body") };
    assert_eq!(inner.get("class"), Some("tim-panel-body"));
    assert_eq!(inner.children, body(&d, 0, &FR, "tim0-title-0", Some("territoires/v.html")).unwrap());
    assert!(body(&d, 9, &FR, "t", None).is_none());
}

#[test]
fn live_and_static_rows_differ_only_in_what_the_name_does() {
    let d = data();
    let live = row(&d, 0, None, &FR, 3, Mode::Live, Some("territoires/")).unwrap();
    let stat = row(&d, 0, None, &FR, 3, Mode::Static, Some("territoires/")).unwrap();
    assert_eq!(live.children[1..], stat.children[1..], "status, date and projects alike");
    let name = |r: &El| match &r.children[0] {
        Node::El(th) => th.children.clone(),
        _ => panic!(),
    };
    let (l, s) = (name(&live), name(&stat));
    assert!(matches!(&l[0], Node::El(b) if b.tag == "button" && b.get("data-index") == Some("0")));
    assert!(matches!(&s[0], Node::El(a) if a.tag == "a" && a.get("href") == Some("territoires/v.html")));
    assert_eq!(l[1], s[1], "the page link under the name");
    // An id that cannot name a page: the static name opens the card, and no page link.
    let other = row(&d, 1, None, &FR, 3, Mode::Static, Some("territoires/")).unwrap();
    let html = to_string(&other.into());
    assert!(html.contains(r##"href="#territoire=a%2Fb""##) && !html.contains("tim-list-page"), "{html}");
}

#[test]
fn a_numbered_row_shows_its_number_to_the_eyes_only() {
    let d = data();
    let html = to_string(&row(&d, 0, Some(7), &FR, 3, Mode::Static, None).unwrap().into());
    assert!(html.contains(r#"<th scope="row"><span class="tim-key" aria-hidden="true">7</span><a "#), "{html}");
    assert_eq!(crate::labels::numbers(&d).iter().flatten().count(), d.territories.len());
}

#[test]
fn the_list_frame_has_working_tools_and_the_given_csv() {
    let d = data();
    let frame = frame(&d, &FR, 1, Vec::new(), "2".into(), Some("data:text/csv,a"));
    let html = all_to_string(&frame);
    assert!(html.contains(r#"<input class="tim-search" type="search" id="tim1-search" autocomplete="off">"#), "{html}");
    assert!(!html.contains("</input>") && !html.contains("disabled"), "a void element, enabled");
    assert!(html.contains(r#"download="territoires.csv" href="data:text/csv,a""#), "{html}");
    assert!(html.contains(r#"aria-live="polite""#) && html.contains(r#"class="tim-list-empty" hidden="""#));
}

#[test]
fn a_legend_that_names_its_categories_names_the_filter_and_the_column() {
    let mut d = data();
    let statuses = all_to_string(&frame(&d, &FR, 1, Vec::new(), "2".into(), None));
    assert!(statuses.contains(r#"<label for="tim1-filter">Statut</label>"#), "{statuses}");
    assert!(statuses.contains(r#"<option value="">Tous les statuts</option>"#), "{statuses}");
    d.legend.name = Some("Région <&>".into());
    let html = all_to_string(&frame(&d, &FR, 1, Vec::new(), "2".into(), None));
    assert!(html.contains(r#"<label for="tim1-filter">Région &lt;&amp;&gt;</label>"#), "{html}");
    assert!(html.contains(r#"<th scope="col">Région &lt;&amp;&gt;</th>"#), "{html}");
    assert!(html.contains(r#"<option value="">Tout afficher</option>"#) && !html.contains("statut"), "{html}");
    let csv = crate::alt::csv(&d, &[0], &FR);
    assert!(csv.lines().next().is_some_and(|h| h.contains(",Région <&>,") && !h.contains("Statut")), "{csv}");
}

#[test]
fn patterns_are_themeable_on_pages_and_self_contained_in_images() {
    let d = data();
    let page = patterns(&d, 2, false, Some("scale(1 -1)"), Styling::Classes);
    let image = patterns(&d, 2, false, None, Styling::Attributes);
    assert_eq!(page[0].get("id"), Some("tim2-p0"));
    assert_eq!(page[0].get("patternTransform"), Some("scale(1 -1)"));
    let rect = elements(&[page[0].clone().into()])[1].clone();
    assert_eq!(rect.props, [("fill", "var(--tim-status-s, #123456)".to_string())]);
    let motif = elements(&[image[0].clone().into()])[2].clone();
    assert_eq!((motif.get("class"), motif.get("stroke")), (None, Some("#fff")));
    assert!(elements(&[image[0].clone().into()]).iter().all(|e| e.props.is_empty()));
    assert_eq!(page[1].children.len(), 1, "a solid fill has no motif");
    let legend_set = patterns(&d, 2, true, Some("scale(1 -1)"), Styling::Classes);
    assert_eq!((legend_set[0].get("id"), legend_set[0].get("patternTransform")), (Some("tim2-p0l"), None));
}

#[test]
fn the_legend_counts_each_status() {
    let html = all_to_string(&legend(&data(), 4));
    assert!(
        html.contains(r#"<span class="tim-count">(2)</span>"#)
            && html.contains(r#"<span class="tim-count">(0)</span>"#)
    );
    assert!(html.contains(r##"fill="url(#tim4-p1l)""##), "{html}");
}
