use super::*;
use crate::load::{self, safe_url};
use crate::text::FR;

const GRAND_EST: &[u8] = include_bytes!("../../data/territoires-grand-est.geojson");
const XSS: &[u8] = include_bytes!("../../tests/fixtures/bad-xss-payloads.geojson");

fn dataset(bytes: &[u8]) -> Dataset {
    load::territories_with(bytes, &FR.mapping(), None).unwrap().data
}

/// The tags of `html` with their attributes, read the way a browser's tokenizer starts: the
/// generated HTML escapes `<` and `>` in text, so every raw `<` opens a tag of ours.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with("!--") || rest.starts_with("!DOCTYPE") {
            continue;
        }
        let end = rest.find('>').expect("every tag is closed");
        let inner = &rest[..end];
        rest = &rest[end + 1..];
        if inner.starts_with('/') {
            continue;
        }
        let name: String = inner.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let mut attrs = Vec::new();
        let mut a = inner[name.len()..].trim_start();
        while !a.is_empty() && a != "/" {
            let key: String = a.chars().take_while(|c| !c.is_whitespace() && *c != '=').collect();
            a = &a[key.len()..];
            let value = match a.strip_prefix("=\"") {
                Some(v) => {
                    let close = v.find('"').expect("attribute values are quoted");
                    a = &v[close + 1..];
                    v[..close].to_string()
                }
                None => String::new(),
            };
            attrs.push((key, value));
            a = a.trim_start();
        }
        out.push((name, attrs));
    }
    out
}

const ALLOWED_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "link", "body", "main", "div", "p", "a", "h1", "h2", "h3", "h4", "ul", "li",
    "span", "section", "svg", "defs", "pattern", "rect", "path", "g", "text", "tspan", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "label", "input", "select", "option", "button", "circle",
];

fn assert_safe(html: &str) {
    for (name, attrs) in tags(html) {
        // The one script element: data, never run (the module's copy of the map's data).
        let data =
            [("type".to_string(), "application/json".to_string()), ("class".to_string(), "tim-data".to_string())];
        if name == "script" && attrs == data {
            continue;
        }
        assert!(ALLOWED_TAGS.contains(&name.as_str()), "a <{name}> was made");
        for (key, value) in attrs {
            let k = key.to_ascii_lowercase();
            assert!(!k.starts_with("on") && k != "style" && k != "srcdoc", "<{name} {key}=\"{value}\">");
            if k == "href" {
                let ok = ["#", "http://", "https://", "territoires/", "../", "data:,", "data:text/csv;charset=utf-8,"]
                    .iter()
                    .any(|p| value.starts_with(p))
                    || (value.ends_with(".html") && page_slug(value.trim_end_matches(".html")).is_some());
                assert!(ok, "<{name} href=\"{value}\">");
            }
        }
    }
}

#[test]
fn the_xss_corpus_comes_out_as_text_only() {
    let data = dataset(XSS);
    let site = Site::new(&data, None, &FR, "https://example.org/carte/");
    let block = map_block(&site, &root_links(&site), None).into_string();
    assert_safe(&block);
    assert_safe(&snippet(&site));
    assert_safe(&head_tags(&site).into_string());
    for i in 0..data.territories.len() {
        if let Some(p) = territory_page(&site, i) {
            assert_safe(&p.html);
        }
    }
    // The payloads are there, as text.
    assert!(block.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
}

#[test]
fn the_grand_est_map_has_every_territory_as_a_link_with_its_card_and_row() {
    let data = dataset(GRAND_EST);
    let site = Site::new(&data, None, &FR, "https://example.org/carte");
    assert_eq!(site.base_url, "https://example.org/carte/", "a slash is added");
    let html = map_block(&site, &root_links(&site), None).into_string();
    assert_safe(&html);
    assert_eq!(data.territories.len(), 15);
    for t in &data.territories {
        let link = format!("<a href=\"#territoire={}\" aria-label=\"{} : ", t.id, t.name);
        assert!(html.contains(&link), "{link}");
        assert!(html.contains(&format!("id=\"territoire={}\"", t.id)), "{}'s card", t.id);
        assert!(html.contains(&format!("href=\"territoires/{}.html\"", t.id)), "{}'s row", t.id);
    }
    assert_eq!(html.matches("class=\"tim-panel tim-card\"").count(), 15);
    assert_eq!(html.matches("class=\"tim-list-page\"").count(), 15, "each row's page link, as the module's");
    let pre = "<div class=\"tim-pre\" data-pages=\"territoires/\" data-src=\"data/territoires-grand-est.geojson\" data-context=\"data/contexte-grand-est.geojson\">";
    assert!(html.contains(pre), "where the module finds the pages, and the scripts the data");
    assert!(snippet(&site).contains("data-pages=\"https://example.org/carte/territoires/\""));
    assert!(snippet(&site).contains("data-src=\"https://example.org/carte/data/territoires-grand-est.geojson\""));
    assert!(html.contains("15 / 15 territoires affichés"));
    assert!(html.contains("Protocole signé le 19 novembre 2019 à Mulhouse"));
}

#[test]
fn a_territory_page_highlights_it_and_links_to_its_neighbours() {
    let data = dataset(GRAND_EST);
    let site = Site::new(&data, None, &FR, "https://example.org/");
    let i = data.territories.iter().position(|t| t.id == "vosges").unwrap();
    let page = territory_page(&site, i).unwrap();
    assert_eq!(page.file, "vosges.html");
    let html = &page.html;
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/territoires/vosges.html\">"));
    assert!(html.contains("<meta property=\"og:image\" content=\"https://example.org/territoires/vosges.png\">"));
    assert_eq!(html.matches("tim-selected").count(), 1);
    assert!(html.contains("class=\"tim-panel tim-card tim-card-open\""));
    assert!(html.contains("<a href=\"moselle-est.html\""), "the others link to their pages");
    assert!(!html.contains("tim-list"), "no list on a territory's page");
    assert!(!html.contains("data-pages"), "no module takes a territory's page over");
}

#[test]
fn the_view_box_holds_the_territories_with_the_padding() {
    let data = dataset(GRAND_EST);
    let site = Site::new(&data, None, &FR, "https://example.org/");
    let v = site.view();
    let b = site.scene.bounds;
    let (a, z) = (v.to_screen(b.min), v.to_screen(b.max));
    // Fitted inside the nominal box: one side touches the padding, the other is centred.
    assert!(a.x >= FIT_PADDING - 1e-6 && z.x <= WIDTH - FIT_PADDING + 1e-6);
    assert!(z.y >= FIT_PADDING - 1e-6 && a.y <= HEIGHT - FIT_PADDING + 1e-6);
    let html = map_block(&site, &root_links(&site), None).into_string();
    // The box has the bounds' ratio (the module's --tim-ratio), the padding on its short side.
    let vb: Vec<f64> = html
        .split("viewBox=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert!((vb[2] / vb[3] - b.width() / b.height()).abs() < 1e-3, "{vb:?}");
    assert!((vb[3] - (a.y - z.y) - 2.0 * FIT_PADDING).abs() < 0.01, "{vb:?}: Grand Est is wider than tall");
}

#[test]
fn ids_that_cannot_be_file_names_get_no_page_and_an_encoded_card_link() {
    assert_eq!(page_slug("a/b"), None);
    assert_eq!(page_slug("é"), None);
    assert_eq!(page_slug(&"x".repeat(121)), None);
    assert_eq!(card_href("é"), "#territoire=%C3%A9");
    assert_eq!(safe_url("JavaScript:alert(1)"), None);
    assert_eq!(safe_url("HTTPS://x.fr").as_deref(), Some("HTTPS://x.fr"));
    assert_eq!(safe_url("data:text/html,x"), None);
    // The module builds its links to the pages with the same rule, from the prefix it reads.
    assert_eq!(crate::card::page_href("territoires/", "a/b"), None);
    assert_eq!(crate::card::page_href("HTTPS://x.fr/t/", "v").as_deref(), Some("HTTPS://x.fr/t/v.html"));
    assert_eq!(crate::card::page_href("../t/", "v").as_deref(), Some("../t/v.html"));
    assert_eq!(crate::card::page_href("data:text/html,", "v"), None);
    assert_eq!(crate::card::page_href(" javascript:", "v"), None);
}

/// The block of data the module reads instead of downloading the file: the model as loaded, and
/// the paths giving back the scene's shapes to the 10 m the paths keep.
#[test]
fn the_page_holds_the_data_and_shapes_the_module_adopts() {
    use crate::hydrate::page::{checked, read_scene, read_summaries};
    use crate::render::svg::context_layer;
    for bytes in [GRAND_EST, XSS] {
        let data = dataset(bytes);
        let ctx = load::context(include_bytes!("../../data/contexte-grand-est.geojson")).unwrap().data;
        let mut site = Site::new(&data, Some(&ctx), &FR, "https://example.org/");
        site.data_block = crate::hydrate::page::write_data(&data);
        let html = map_block(&site, &root_links(&site), None).into_string();
        let start = html.find("class=\"tim-data\">").unwrap() + "class=\"tim-data\">".len();
        let text = &html[start..start + html[start..].find("</script>").unwrap()];
        // What JSON.parse and the page's reader do in the browser (src/web/hydrate/read.rs).
        let value: serde_json::Value = serde_json::from_str(text).expect("the data block parses");
        let back = checked(crate::hydrate::json::dataset(&value).expect("reads")).expect("and passes");
        let strip = |d: &Dataset| {
            let mut d = d.clone();
            d.territories.iter_mut().for_each(|t| t.polygons.clear());
            d.attribution = None;
            format!("{d:?}")
        };
        assert_eq!(strip(&back), strip(&data));
        let attr = |attrs: &[(String, String)], k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let (mut territories, mut context, mut summaries) = (Vec::new(), Vec::new(), Vec::new());
        let drawn = |attrs: &[(String, String)]| {
            attr(attrs, "class").is_some_and(|c| c.contains("tim-territory") || c.contains("tim-context"))
        };
        for (_, attrs) in tags(&html).into_iter().filter(|(n, a)| n == "path" && drawn(a)) {
            let (d, rings) = (attr(&attrs, "d").unwrap(), attr(&attrs, "data-rings").unwrap());
            match attr(&attrs, "data-index") {
                Some(i) => {
                    let (i, at) = (i.parse().unwrap(), attr(&attrs, "data-at").unwrap());
                    summaries.push((i, attr(&attrs, "data-box").unwrap(), at.clone()));
                    territories.push(((i, d, rings), at));
                }
                None => context.push((context_layer(&attr(&attrs, "class").unwrap()).unwrap(), d, rings)),
            }
        }
        let scene = read_scene(&back, &territories, &context).expect("the paths read back");
        assert_eq!(
            (scene.territories.len(), scene.context.len()),
            (site.scene.territories.len(), site.scene.context.len())
        );
        assert_eq!(scene.order, site.scene.order);
        for (a, b) in scene.territories.iter().zip(&site.scene.territories) {
            let (am, bm) = (a.shape.bounds, b.shape.bounds);
            assert!((am.min.x - bm.min.x).abs() <= 5.0 && (am.max.y - bm.max.y).abs() <= 5.0, "{am:?} vs {bm:?}");
            assert!((a.shape.area - b.shape.area).abs() <= b.shape.area * 1e-3);
        }
        // The small module's scene: bounds and areas to ten metres and a thousandth of a km², no paths.
        let small = read_summaries(&back, &summaries).expect("the boxes read back");
        assert_eq!(small.order, site.scene.order);
        for ((a, b), c) in small.territories.iter().zip(&site.scene.territories).zip(&scene.territories) {
            let (am, bm) = (a.shape.bounds, b.shape.bounds);
            let near = |x: f64, y: f64| (x - y).abs() <= 5.0;
            assert!(near(am.min.x, bm.min.x) && near(am.min.y, bm.min.y), "{am:?} vs {bm:?}");
            assert!(near(am.max.x, bm.max.x) && near(am.max.y, bm.max.y), "{am:?} vs {bm:?}");
            assert!((a.shape.area - b.shape.area).abs() <= 500.0, "{} vs {}", a.shape.area, b.shape.area);
            assert!(a.shape.geometry.0.is_empty() && a.label_at == c.label_at);
        }
    }
}
