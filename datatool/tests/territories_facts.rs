//! Facts of the committed territories file: the 15 territories, the 11/2/2 status split, the
//! example projects word for word (from the press release of 19 Nov 2019), legend and programme.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;

fn props(v: &Value) -> Vec<&Value> {
    common::features(v).iter().map(|f| &f["properties"]).collect()
}

#[test]
fn fifteen_features_with_unique_sorted_ids() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["title"]["fr"], "Territoires d'industrie en Grand Est");
    let ids: Vec<&str> = common::features(&v).iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 15);
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "ids unique and sorted");
    for f in common::features(&v) {
        assert_eq!(f["id"], f["properties"]["id"]);
        for key in [
            "id",
            "name",
            "status",
            "projects",
            "epci",
            "communes_count",
            "perimeter_confidence",
            "perimeter_note",
            "sources",
            "label_point",
        ] {
            assert!(!f["properties"][key].is_null(), "{} lacks {key}", f["id"]);
        }
    }
}

#[test]
fn status_split_is_the_press_release_one() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    let names = |status: &str| -> BTreeSet<String> {
        props(&v).iter().filter(|p| p["status"] == status).map(|p| p["name"].as_str().unwrap().to_string()).collect()
    };
    let signed: BTreeSet<String> = [
        "Alsace bossue – Saverne – Nord Alsace",
        "Alsace centrale",
        "Nord Est Ardennes",
        "Epernay Bassin Sézannais - Portes de Romilly",
        "Nord Lorraine",
        "Val de Lorraine",
        "Terres de Lorraine",
        "Vitry-le-François – Saint-Dizier – Bar-le-Duc - Bassin de Joinville",
        "Vosges",
        "Langres-Chaumont",
        "Troyes Bar sur Aube",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(names("signed-2019-11-19"), signed);
    assert_eq!(names("signed-earlier"), ["Bazancourt-Pomacle", "Sud-Alsace"].iter().map(|s| s.to_string()).collect());
    assert_eq!(names("no-action-plan"), ["Moselle Est", "Sel et Vermois"].iter().map(|s| s.to_string()).collect());
    for p in props(&v) {
        if p["status"] == "signed-2019-11-19" {
            assert_eq!(p["status_date"], "2019-11-19");
            assert_eq!(p["status_place"], "Mulhouse");
        } else {
            assert!(p["status_date"].is_null() && p["status_place"].is_null(), "{}: no known date", p["id"]);
        }
    }
}

/// The exact file of the State's table of October 2020 the perimeters come from.
const TABLE_URL: &str = "https://github.com/signaux-faibles/datapi/blob/17b7213f4d3b3419d4e774aba593c4321eaadbf0/migrations/201013_0_fix_terrind.sql";

#[test]
fn each_card_says_where_its_perimeter_comes_from() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    for p in props(&v) {
        let id = p["id"].as_str().unwrap();
        let note = p["perimeter_note"]["fr"].as_str().unwrap();
        assert!(note.contains("octobre 2020") && note.contains("onze mois après le 19 novembre 2019"), "{id}: {note}");
        assert!(note.contains(" intercommunalit") && note.contains("communes)"), "{id}: 2020 EPCIs with counts");
        assert!(note.contains("Depuis 2020") || note.contains("Aucun changement de code depuis 2020"), "{id}");
        let sources = p["sources"].as_array().unwrap();
        assert_eq!(sources[0]["url"], TABLE_URL, "{id}: the table's exact file comes first");
        for s in sources {
            if let Some(url) = s["url"].as_str() {
                let path = url.trim_start_matches("https://").split_once('/').map_or("", |x| x.1);
                assert!(url.starts_with("https://") && path.len() > 1, "{id}: {url} is a home page, not a document");
            }
        }
        let epci: u64 = p["epci"].as_array().unwrap().iter().map(|e| e["communes"].as_u64().unwrap()).sum();
        assert_eq!(Some(epci), p["communes_count"].as_u64(), "{id}: its 2020 EPCIs add up to its communes");
        assert!(p["area_km2"].as_u64().unwrap() > 100, "{id}");
        assert!(p["population"].as_u64().unwrap() > 10_000, "{id}");
        assert!(p["population_vintage"]["fr"].as_str().unwrap().contains("2026"), "{id}");
    }
}

#[test]
fn confidence_is_high_unless_the_note_says_why_not() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    for p in props(&v) {
        let (id, name) = (p["id"].as_str().unwrap(), p["name"].as_str().unwrap());
        assert!(!name.contains('?') && !name.to_lowercase().contains("incertain"), "{id}: doubt in a name");
        match p["perimeter_confidence"].as_str().unwrap() {
            "high" => {}
            "medium" => assert!(p["perimeter_note"]["fr"].as_str().unwrap().contains("Confiance moyenne :"), "{id}"),
            other => panic!("{id}: confidence {other}"),
        }
    }
    let get = |id: &str| props(&v).into_iter().find(|p| p["id"] == id).unwrap();
    assert_eq!(get("bazancourt-pomacle")["perimeter_confidence"], "medium");
    assert!(get("alsace-centrale")["perimeter_note"]["fr"]
        .as_str()
        .unwrap()
        .contains("CA Colmar Agglomération (20 communes)"));
    let sel = get("sel-et-vermois");
    assert_eq!(sel["status"], "no-action-plan");
    assert_eq!(sel["epci"][0]["siren"], "245400189");
}

#[test]
fn each_project_is_quoted_on_its_territory() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    let expected = [
        ("alsace-bossue-saverne-nord-alsace", "En Alsace du Nord, la création d’un Datacenter de proximité pour protéger les données des entreprises industrielles"),
        ("alsace-centrale", "En Alsace centrale, la création d’un réseau de mécano-soudage avec le développement d’un réseau local d’entreprises de mécanosoudage à proximité des donneurs d’ordres"),
        ("langres-chaumont", "A Langres-Chaumont, la mise en place d’une stratégie d’adaptation des entreprises du secteur automobile à la mobilité 4.0"),
        ("epernay-sezanne-romilly", "Epernay - Bassin sézannais - Portes de Romilly : l’amplification du programme d’écologie industrielle et territoriale Epsyvin, aujourd’hui ouvert aux entreprises du monde du champagne sur le secteur d’Epernay, en intégrant les entreprises de la filière présentes sur l’ensemble du Territoire d’industrie"),
        ("nord-est-ardennes", "En Nord Est Ardennes, le traitement des friches industrielles ardennaises par l’accélération des démarches"),
        ("nord-lorraine", "En Nord Lorraine, la structuration d’un Campus des métiers et des Qualifications Excellence pour mieux répondre aux besoins en compétences des entreprises"),
        ("terres-de-lorraine", "En Terres de Lorraine : via la Plateforme technologique et de ressources pédagogiques [G]HOST, capter les gestes et savoir-faire verriers -et par extension de tous les métiers d’art recensés officiellement en France- dans le but de développer la sauvegarde de ces gestes (patrimoine culturel immatériel et matériel) ainsi que les outils pédagogiques correspondant. Un partenariat est engagé avec 2 autres Territoires d’industrie : Flandres Saint-Omer et Bresle-Vimeu (secteur verrier)"),
        ("troyes-bar-sur-aube", "A Troyes / Bar-sur-Aube : la mise en place d’un parc dédié à l’accueil d’activités relevant de la raffinerie du végétal"),
        ("val-de-lorraine", "En Val de Lorraine : la création d’un comité d’accélération locale pour détecter les projets innovants et les accompagner dans leur mise en œuvre et leur développement"),
        ("vitry-saint-dizier-bar-le-duc-joinville", "Vitry-le-François - Saint-Dizier - Bar-le-Duc - Bassin de Joinville, la mise en œuvre du Parc’Innov, modèle d’écologie industrielle territoriale en milieu rural basé sur les bioressources"),
        ("vosges", "Pour les Vosges, le développement d’équipements pour le stockage et la liquéfaction d’hydrogène"),
    ];
    for p in props(&v) {
        let projects = p["projects"].as_array().unwrap();
        match expected.iter().find(|(id, _)| p["id"] == *id) {
            Some((_, text)) => {
                assert_eq!(projects.len(), 1, "{}", p["id"]);
                assert_eq!(projects[0]["text"], *text);
                assert_eq!(projects[0]["source"], "communique-2019-11-19");
            }
            None => assert!(projects.is_empty(), "{} has no example project in the release", p["id"]),
        }
    }
}

fn luminance(hex: &str) -> f64 {
    let c: Vec<f64> = (0..3)
        .map(|i| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap() as f64 / 255.0)
        .map(|c| if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
        .collect();
    0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

#[test]
fn legend_and_programme() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    assert_eq!(v["legend"]["title"]["fr"], "État du protocole au 19 novembre 2019");
    let st = v["legend"]["statuses"].as_array().unwrap();
    let ids: Vec<&str> = st.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["signed-2019-11-19", "signed-earlier", "no-action-plan"]);
    assert_eq!(st[0]["label"]["fr"], "Protocole signé le 19 novembre 2019 à Mulhouse");
    assert_eq!(st[1]["label"]["fr"], "Protocole signé avant le 19 novembre 2019");
    assert_eq!(st[2]["label"]["fr"], "Pas encore de plan d'actions au 19 novembre 2019");
    let patterns: Vec<&str> = st.iter().map(|s| s["pattern"].as_str().unwrap()).collect();
    assert_eq!(patterns, ["solid", "hatch", "dots"]);
    for s in st {
        let contrast = 1.05 / (luminance(s["color"].as_str().unwrap()) + 0.05);
        assert!(contrast >= 3.0, "{} contrast {contrast}", s["id"]);
    }
    let themes: Vec<&str> =
        v["programme"]["themes"].as_array().unwrap().iter().map(|t| t["fr"].as_str().unwrap()).collect();
    assert_eq!(themes, ["attirer", "recruter", "simplifier", "innover", "installer"]);
    let facts = v["programme"]["facts"].to_string();
    for needle in ["146", "15 en Grand Est", "22 novembre 2018", "11 protocoles", "cinquantaine", "13 territoires"] {
        assert!(facts.contains(needle), "facts lack {needle}");
    }
    // the press release's exact address is not known (data/README.md): no home page instead
    assert!(v["programme"]["source"]["url"].is_null());
    assert!(v["programme"]["source"]["title"]["fr"].as_str().unwrap().contains("19 novembre 2019"));
}

/// Every member the project writes (issue 23) in French and English, the English with English
/// typography; the quoted projects and the proper names as plain strings, in the file's `lang`.
#[test]
fn what_the_project_writes_is_in_french_and_english() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    assert_eq!(v["lang"], "fr");
    let mut texts = vec![&v["title"], &v["description"], &v["attribution"], &v["legend"]["title"]];
    texts.push(&v["programme"]["source"]["title"]);
    for s in v["legend"]["statuses"].as_array().unwrap() {
        texts.extend([&s["label"], &s["short"]]);
    }
    texts.extend(v["programme"]["facts"].as_array().unwrap());
    texts.extend(v["programme"]["themes"].as_array().unwrap());
    for p in props(&v) {
        texts.extend([&p["perimeter_note"], &p["population_vintage"]]);
        texts.extend(p["sources"].as_array().unwrap().iter().map(|s| &s["title"]));
        assert!(p["name"].is_string() && p["projects"].as_array().unwrap().iter().all(|q| q["text"].is_string()));
    }
    for t in texts {
        let (fr, en) = (t["fr"].as_str(), t["en"].as_str());
        assert!(fr.is_some() && en.is_some(), "not in both languages: {t}");
        let en = en.unwrap();
        for french in [" :", " ;", " !", " ?", "«", "»", "\u{a0}", "\u{202f}"] {
            assert!(!en.contains(french), "French typography in the English text: {french:?} in {en}");
        }
        for french in ["novembre", "/11/", "1er "] {
            assert!(!en.contains(french), "a French date in the English text: {french:?} in {en}");
        }
    }
}

/// The French is what the file said before the language maps (commit 2fde731^), byte for byte:
/// the French page does not change.
#[test]
fn the_french_texts_are_those_of_the_french_only_file() {
    let (_, v) = common::load("territoires-grand-est.geojson");
    let get = |id: &str| props(&v).into_iter().find(|p| p["id"] == id).unwrap();
    let was = [
        (&v["title"], "Territoires d'industrie en Grand Est"),
        (&v["legend"]["statuses"][0]["short"], "Signé le 19/11/2019"),
        (&v["programme"]["facts"][2], "Grand Est, deuxième région industrielle hors Île-de-France en emplois et en valeur ajoutée"),
        (&v["programme"]["source"]["title"], "Préfecture de la région Grand Est, communiqué du 19 novembre 2019 « Les territoires d'industrie passent à la vitesse supérieure dans le Grand Est ! » (adresse exacte non connue)"),
        (&get("langres-chaumont")["population_vintage"], "population légale INSEE en vigueur au 1er janvier 2026, communes de 2026"),
        (&get("langres-chaumont")["sources"][0]["title"], "Table des communes des Territoires d'industrie, État, 15 octobre 2020 (signaux-faibles/datapi, migrations/201013_0_fix_terrind.sql)"),
        (&get("langres-chaumont")["perimeter_note"], "Périmètre tiré de la table des communes des Territoires d'industrie de l'État d'octobre 2020 (dépôt signaux-faibles/datapi), un instantané pris onze mois après le 19 novembre 2019. En 2020 : 117 communes, soit 2 intercommunalités entières de 2020 : CA de Chaumont (63 communes) et CC du Grand Langres (54 communes). Aucun changement de code depuis 2020 pour ces communes."),
        (&get("nord-est-ardennes")["perimeter_note"], "Périmètre tiré de la table des communes des Territoires d'industrie de l'État d'octobre 2020 (dépôt signaux-faibles/datapi), un instantané pris onze mois après le 19 novembre 2019. En 2020 : 158 communes, soit 4 intercommunalités entières de 2020 : CA Ardenne Métropole (58 communes), CC des Portes du Luxembourg (50 communes), CC Vallées et Plateau d'Ardenne (31 communes) et CC Ardenne, Rives de Meuse (19 communes). Depuis 2020 : de CC des Portes du Luxembourg (240800847), aujourd'hui Le Mont-Dieu (08300) dans CC de l'Argonne Ardennaise (240800920) ; La Moncelle (08294) fait aujourd'hui partie de Bazeilles (08053) ; Le Mont-Dieu (08300) fait aujourd'hui partie de Tannay-le-Mont-Dieu (08439) ; Tannay-le-Mont-Dieu (08439) réunit aussi Tannay (08439), hors du territoire en 2020 : le tracé, la surface et la population comptent la commune entière."),
    ];
    for (text, french) in was {
        assert_eq!(text["fr"], french);
        assert!(text["en"].as_str().is_some_and(|en| !en.is_empty() && en != french), "no English for {french}");
    }
}

/// The shape the viewer's loader reads: `lang` right after `type`, `description` and
/// `attribution` right after `title`, each language map French first.
#[test]
fn language_maps_are_french_first_and_members_in_order() {
    let (text, v) = common::load("territoires-grand-est.geojson");
    assert!(text.starts_with(r#"{"type":"FeatureCollection","lang":"fr","title":{"fr":"#), "{}", &text[..80]);
    let order =
        ["\"title\":{", "\"description\":{", "\"attribution\":{", "\"legend\":{", "\"programme\":{", "\"features\":["];
    let at: Vec<usize> = order.iter().map(|k| text.find(k).unwrap_or_else(|| panic!("{k}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "top-level order {at:?}");
    assert!(!text.contains(r#"{"en":"#), "a language map starts with fr");
    assert_eq!(
        v["description"]["fr"],
        "État des protocoles des 15 Territoires d'industrie de la région au 19 novembre 2019."
    );
    assert!(v["attribution"]["fr"].as_str().unwrap().starts_with("Contours : IGN ADMIN EXPRESS via Etalab"));
    // every map has exactly fr and en
    fn maps<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
        match v {
            Value::Object(m) if m.contains_key("fr") => out.push(m),
            Value::Object(m) => m.values().for_each(|x| maps(x, out)),
            Value::Array(a) => a.iter().for_each(|x| maps(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    maps(&v, &mut all);
    assert!(all.len() > 60, "{} language maps", all.len());
    for m in all {
        assert_eq!(m.keys().collect::<BTreeSet<_>>(), BTreeSet::from([&"en".to_string(), &"fr".to_string()]));
    }
}
