use super::*;
use crate::load;
use crate::model::Dataset;
use crate::text::{EN, FR};

fn read(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name)).unwrap()
}

fn grand_est() -> (Dataset, Scene) {
    let data = load::territories(&read("territoires-grand-est.geojson")).unwrap().data;
    let context = load::context(&read("contexte-grand-est.geojson")).unwrap().data;
    let scene = Scene::build(&data, Some(&context));
    (data, scene)
}

fn texts_of(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").to_string()).collect()
}

#[test]
fn the_document_parses_with_every_territory_legend_title_date_and_source() {
    let (data, scene) = grand_est();
    let v = View::fit(scene.bounds, 800.0, 600.0, 16.0);
    let svg = document(&data, &scene, &v, &FR, None, &[], Frame::File(None)).svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("800"));
    let height: f64 = root.attribute("height").unwrap().parse().unwrap();
    assert!(height > 600.0 + 100.0, "the bands add to the view's height: {height}");
    let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("data-id")).collect();
    assert_eq!(ids.len(), 15);
    for t in &data.territories {
        assert!(ids.contains(&t.id.as_str()), "{}", t.id);
    }
    let texts = texts_of(&doc).join("\n");
    assert!(texts.contains("Territoires d'industrie en Grand Est"), "title");
    assert!(texts.contains("Protocole signé le 19 novembre 2019 à Mulhouse ("), "legend: {texts}");
    assert!(texts.contains("Données au 19 novembre 2019"), "date");
    assert!(texts.contains("Source : Préfecture de la région Grand Est"), "source");
    // Some names are written on the map; a pattern per status for the map and the legend.
    assert!(data.territories.iter().any(|t| texts.contains(&t.name)));
    let patterns = doc.descendants().filter(|n| n.has_tag_name("pattern")).count();
    assert_eq!(patterns, 2 * data.legend.statuses.len());
    // Self-contained: no stylesheet, no class, no reference outside the document.
    assert!(!svg.contains("<style") && !svg.contains("class=") && !svg.contains("var(--"));
    assert!(doc.descendants().filter_map(|n| n.attribute("fill")).all(|f| !f.starts_with("url(") || f.contains("#")));
}

#[test]
fn english_words_and_a_highlighted_territory_drawn_last() {
    let (data, scene) = grand_est();
    let v = fit(&data, &scene, &EN, (1200.0, 630.0), 16.0, Some(3));
    let svg = document(&data, &scene, &v, &EN, Some(3), &[], Frame::File(Some(630.0))).svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().attribute("height").map(|h| h.parse::<f64>().unwrap()), Some(630.0));
    assert!(texts_of(&doc).join("\n").contains("Data as of 19 November 2019"));
    let last = doc.descendants().rfind(|n| n.attribute("data-id").is_some()).unwrap();
    assert_eq!(last.attribute("data-id"), Some(data.territories[3].id.as_str()));
    assert_eq!(last.attribute("stroke"), Some(style::HIGHLIGHT_STROKE.fallback));
}

#[test]
fn the_territories_dimmed_on_screen_are_dimmed_in_the_image() {
    let (data, scene) = grand_est();
    let v = View::fit(scene.bounds, 800.0, 600.0, 16.0);
    // The last one dimmed and highlighted too: dimming does not hide the selection, as on screen.
    let last = data.territories.len() - 1;
    let dimmed: Vec<bool> = (0..data.territories.len()).map(|i| i % 2 == 1 || i == last).collect();
    let svg = document(&data, &scene, &v, &FR, Some(last), &dimmed, Frame::File(None)).svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let opacity = style::DIMMED_OPACITY.to_string();
    for n in doc.descendants().filter(|n| n.attribute("data-id").is_some()) {
        let i = data.territories.iter().position(|t| Some(t.id.as_str()) == n.attribute("data-id")).unwrap();
        let want = dimmed[i].then_some(opacity.as_str());
        assert_eq!(n.attribute("opacity"), want, "{}", data.territories[i].id);
    }
    let highlighted = doc.descendants().rfind(|n| n.attribute("data-id").is_some()).unwrap();
    assert_eq!(highlighted.attribute("stroke"), Some(style::HIGHLIGHT_STROKE.fallback));
    // No list filter: nothing dimmed, whether the slice is empty or all false.
    for none in [vec![], vec![false; data.territories.len()]] {
        assert!(!document(&data, &scene, &v, &FR, None, &none, Frame::File(None)).svg.contains("opacity="));
    }
}

#[test]
fn hostile_names_stay_text() {
    let hostile = "<script>alert('x')</script> & \"q\" ]]> \u{1}";
    let file = format!(
        r##"{{"type":"FeatureCollection","title":{t},"legend":{{"title":{t},"statuses":[{{"id":"a","label":{t},"color":"#123456"}}]}},
        "programme":{{"facts":[{t}],"source":{{"title":{t},"url":"https://example.org/?a=1&b=2"}}}},
        "features":[{{"type":"Feature","properties":{{"id":{t},"name":{t},"status":"a","status_date":"2020-01-02"}},
        "geometry":{{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,49],[6,48]]]}}}}]}}"##,
        t = serde_json::to_string(hostile).unwrap()
    );
    let data = load::territories(file.as_bytes()).unwrap().data;
    let scene = Scene::build(&data, None);
    let v = View::fit(scene.bounds, 2000.0, 1000.0, 0.0);
    let svg = document(&data, &scene, &v, &FR, Some(0), &[], Frame::File(None)).svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
    let texts = texts_of(&doc).join(" ");
    assert!(texts.contains("<script>alert('x')</script> & \"q\" ]]>"), "{texts}");
    assert!(texts.contains("https://example.org/?a=1&b=2"));
    let path = doc.descendants().find(|n| n.attribute("data-id").is_some()).unwrap();
    assert_eq!(path.attribute("data-id"), Some("<script>alert('x')</script> & \"q\" ]]> "));
}

#[test]
fn long_lines_wrap_and_empty_data_still_makes_a_document() {
    assert_eq!(wrap("a bb ccc", 10.0, 30.0), ["a bb", "ccc"]);
    assert_eq!(wrap("unbreakable", 10.0, 5.0), ["unbreakable"]);
    assert!(wrap("   ", 10.0, 100.0).is_empty());
    let data = Dataset::default();
    let scene = Scene::build(&data, None);
    let v = View::fit(scene.bounds, 300.0, 200.0, 0.0);
    let svg = document(&data, &scene, &v, &FR, Some(7), &[], Frame::File(None)).svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(texts_of(&doc).contains(&FR.map_label.to_string()), "the interface's name when the data has no title");
    assert_eq!(data_date(&data), None);
}

#[test]
fn a_small_image_numbers_what_does_not_fit_and_keys_the_numbers_under_the_legend() {
    let (data, scene) = grand_est();
    let v = View::fit(scene.bounds, 320.0, 300.0, 12.0);
    let image = document(&data, &scene, &v, &FR, None, &[], Frame::File(None));
    let doc = roxmltree::Document::parse(&image.svg).unwrap();
    let texts = texts_of(&doc);
    let numbers: Vec<usize> = texts.iter().filter_map(|t| t.parse().ok()).collect();
    assert!(numbers.len() >= 3, "numbers on the map: {texts:?}");
    let key = texts.join(" ");
    assert!(key.contains("Numéros sur la carte :"), "{key}");
    let rows = crate::alt::matching(&data, "", None);
    for n in numbers {
        let name = &data.territories[rows[n - 1]].name;
        assert!(
            key.contains(&format!("{n} {}", name.split(' ').next().unwrap_or(""))),
            "{n} is {name} in the key: {key}"
        );
    }
    assert!(image.height > v.height, "the key is under the map");
}
