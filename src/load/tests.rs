use super::*;

const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,49],[5,48]]]}"#;

fn fc(features: &str) -> Vec<u8> {
    format!(
        r#"{{"type":"FeatureCollection","legend":{{"statuses":[{{"id":"s","label":"Signé"}}]}},"features":[{features}]}}"#
    )
    .into_bytes()
}

fn feature(props: &str) -> String {
    format!(r#"{{"type":"Feature","properties":{{{props}}},"geometry":{SQUARE}}}"#)
}

#[test]
fn reads_every_documented_property() {
    let f = feature(
        r##""id":"t1","name":"Vosges","short_name":"Vos.","status":"s","status_date":"2019-11-19",
        "status_place":"Mulhouse","projects":[{"text":"Hydrogène"}],"epci":[{"siren":"200","name":"CA"}],
        "communes_count":12,"area_km2":138.4,"population":28588,"population_vintage":"2026","perimeter_confidence":"low","perimeter_note":"indicatif",
        "sources":[{"title":"Communiqué","url":"https://a.fr"}],"label_point":[5.5,48.5],"unknown":{"deep":[1,2]}"##,
    );
    let l = territories(&fc(&f)).unwrap();
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    let t = &l.data.territories[0];
    assert_eq!((t.id.as_str(), t.name.as_str(), t.status), ("t1", "Vosges", 0));
    assert_eq!(t.short_name.as_deref(), Some("Vos."));
    assert_eq!(t.projects, vec!["Hydrogène".to_string()]);
    assert_eq!(t.epci[0].siren.as_deref(), Some("200"));
    assert_eq!(t.communes_count, Some(12));
    assert_eq!((t.area_km2, t.population, t.population_vintage.as_deref()), (Some(138), Some(28588), Some("2026")));
    assert_eq!(t.confidence, Some(Confidence::Low));
    assert_eq!(t.sources[0].url.as_deref(), Some("https://a.fr"));
    assert_eq!(t.label_point, Some(LonLat { lon: 5.5, lat: 48.5 }));
    assert_eq!(crate::card::spoken(&l.data, 0, &crate::text::FR), "Vosges : Signé");
    assert_eq!(crate::card::spoken(&l.data, 9, &crate::text::FR), "");
}

#[test]
fn a_feature_without_name_is_shown_with_its_id_and_named_in_the_warnings() {
    let f = format!("{},{}", feature(r#""id":"a","name":"A","status":"s""#), feature(r#""id":"b","status":"s""#));
    let l = territories(&fc(&f)).unwrap();
    assert_eq!(l.data.territories.len(), 2);
    assert_eq!(l.data.territories[1].name, "b");
    assert_eq!(l.problems.len(), 1);
    let msg = l.problems[0].to_string();
    assert!(msg.contains("n° 1") && msg.contains("« b »") && msg.contains("pas de nom"), "{msg}");
}

#[test]
fn usual_keys_without_legend_and_without_status() {
    let f = format!(
        "{},{},{}",
        feature(r#""code":"51","nom":"Marne","statut":"signé""#),
        feature(r#""code":"08","nom":"Ardennes""#),
        feature(r#""insee":"10","NOM":"Aube","statut":"en cours""#)
    );
    let text = format!(r#"{{"type":"FeatureCollection","features":[{f}]}}"#);
    let l = territories(text.as_bytes()).unwrap();
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    let ids: Vec<&str> = l.data.legend.statuses.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["en cours", "signé", "sans-statut"]);
    assert_eq!(crate::card::spoken(&l.data, 1, &crate::text::FR), "Ardennes : Sans statut");
    assert_eq!((l.data.territories[2].id.as_str(), l.data.territories[2].status), ("10", 0));
}

#[test]
fn chosen_properties_and_a_sheet_override() {
    let f = format!(
        "{},{}",
        feature(r#""id_ti":"TI-1","lib":"Vosges","etat":"s""#),
        feature(r#""id_ti":"TI-2","lib":"Nord","etat":"s""#)
    );
    let m = Mapping {
        id: Some("id_ti".into()),
        name: Some("lib".into()),
        status: Some("etat".into()),
        ..Mapping::default()
    };
    let csv = "id_ti;statut;date;projets\nti-2;Signé;19/11/2019;A | B\nTI-9;s;;\nTI-2;s;;\n";
    let s = sheet(csv.as_bytes(), &m).unwrap();
    let l = territories_with(&fc(&f), &m, Some(&s)).unwrap();
    let t = &l.data.territories[1];
    assert_eq!((t.name.as_str(), t.status_date.as_deref(), t.projects.len()), ("Nord", Some("2019-11-19"), 2));
    assert_eq!(
        crate::card::spoken(&l.data, 1, &crate::text::FR),
        "Nord : Signé",
        "matched by label, id in another case"
    );
    let lines: Vec<String> = l.sheet_problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("ligne 3") && lines[0].contains("TI-9"), "{lines:?}");
    assert!(lines[1].contains("ligne 4") && lines[1].contains("ligne 2"), "{lines:?}");
}

#[test]
fn duplicate_ids_keep_the_first() {
    let f = format!(
        "{},{}",
        feature(r#""id":"a","name":"A","status":"s""#),
        feature(r#""id":"a","name":"B","status":"s""#)
    );
    let l = territories(&fc(&f)).unwrap();
    assert_eq!(l.data.territories.len(), 1);
    assert_eq!(l.problems[0].kind, ProblemKind::DuplicateId);
}

#[test]
fn feature_id_member_wins_over_property() {
    let f = format!(r#"{{"type":"Feature","id":7,"properties":{{"name":"A","status":"s"}},"geometry":{SQUARE}}}"#);
    assert_eq!(territories(&fc(&f)).unwrap().data.territories[0].id, "7");
}

#[test]
fn whole_file_errors_say_what_and_where() {
    assert_eq!(territories(b"").unwrap_err(), LoadError::Empty);
    assert_eq!(territories(b"  \n").unwrap_err(), LoadError::Empty);
    assert_eq!(territories(b"<!doctype html><p>404</p>").unwrap_err(), LoadError::Html);
    assert!(matches!(territories(b"\xff\xfe{}").unwrap_err(), LoadError::NotUtf8 { byte: 0 }));
    match territories(b"{\n  \"type\": \"FeatureCollection\",\n  \"features\": [").unwrap_err() {
        LoadError::Json { line: 3, .. } => {}
        e => panic!("{e:?}"),
    }
    assert!(matches!(territories(br#"{"type":"Banana"}"#).unwrap_err(), LoadError::NotGeoJson { line: 1, .. }));
    assert!(matches!(
        territories(SQUARE.as_bytes()).unwrap_err(),
        LoadError::NotFeatureCollection { found: "Polygon" }
    ));
    assert!(matches!(
        territories(br#"{"type":"FeatureCollection","features":[]}"#).unwrap_err(),
        LoadError::NoFeatures
    ));
    let only_points = r#"{"type":"Feature","properties":{"id":"p","name":"P","status":"s"},"geometry":{"type":"Point","coordinates":[5,48]}}"#;
    let e = territories(&fc(only_points)).unwrap_err();
    assert!(e.to_string().contains("Point"), "{e}");
}

#[test]
fn utf8_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fc(&feature(r#""id":"a","name":"A","status":"s""#)));
    assert_eq!(territories(&bytes).unwrap().data.territories.len(), 1);
}

#[test]
fn context_layers_sorted_back_to_front() {
    let json = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"layer":"region","name":"Grand Est"}},"geometry":{SQUARE}}},
        {{"type":"Feature","properties":{{"layer":"country","name":"Belgique"}},"geometry":{SQUARE}}},
        {{"type":"Feature","properties":{{"layer":"river"}},"geometry":{SQUARE}}}]}}"#
    );
    let l = context(json.as_bytes()).unwrap();
    assert_eq!(l.data.features.len(), 2);
    assert_eq!(l.data.features[0].name.as_deref(), Some("Belgique"));
    assert_eq!(l.problems.len(), 1);
}

#[test]
fn a_sheet_status_missing_from_the_legend_is_reported_once_with_its_line() {
    let f = feature(r#""id":"a","name":"A","status":"s""#);
    let m = Mapping::default();
    let s = sheet("id;statut\na;annulé\n".as_bytes(), &m).unwrap();
    let l = territories_with(&fc(&f), &m, Some(&s)).unwrap();
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert_eq!(
        l.sheet_problems,
        vec![SheetProblem { line: 2, kind: SheetProblemKind::UnknownStatus("annulé".into()) }]
    );
    assert_eq!(crate::card::spoken(&l.data, 0, &crate::text::FR), "A : annulé");
}

#[test]
fn reads_the_collections_title_and_description_as_text_only() {
    let file = format!(
        r#"{{"type":"FeatureCollection","title":" Départements ","description":"Les dix départements.","source":{{"title":"IGN","url":"javascript:x"}},"features":[{}]}}"#,
        feature(r#""id":"a","name":"A""#)
    );
    let d = territories(file.as_bytes()).unwrap().data;
    assert_eq!((d.title.as_deref(), d.description.as_deref()), (Some("Départements"), Some("Les dix départements.")));
    assert_eq!(d.source, Some(crate::model::Link { title: "IGN".into(), url: None }), "only http(s) links");
    let odd =
        format!(r#"{{"type":"FeatureCollection","description":{{"x":1}},"features":[{}]}}"#, feature(r#""id":"a""#));
    assert_eq!(territories(odd.as_bytes()).unwrap().data.description, None);
}
