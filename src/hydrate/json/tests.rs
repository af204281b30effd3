use super::*;
use crate::hydrate::page::write_data;
use crate::load;
use crate::text::Strings;
use serde_json::Value;

impl Json for Value {
    fn member(&self, key: &str) -> Option<Value> {
        self.as_object()?.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Value>> {
        self.as_array().cloned()
    }
}

/// The page's copy of every committed file that reads, in both languages, as the pre-render
/// writes it.
fn blocks() -> Vec<(String, String)> {
    let mut files = vec!["data/territoires-grand-est.geojson".to_string()];
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.starts_with("good-") && name.ends_with(".geojson") {
            files.push(format!("tests/fixtures/{name}"));
        }
    }
    let mut out = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for lang in ["fr", "en"] {
            let loaded = load::territories_with(&bytes, &Strings::for_lang(lang).mapping(), None).unwrap();
            out.push((format!("{file} ({lang})"), write_data(&loaded.data).unwrap()));
        }
    }
    out
}

/// What serde reads of `block`, and what this reader does, as comparable text.
fn both(block: &str) -> (Option<String>, Option<String>) {
    let serde = serde_json::from_str::<Dataset>(block).ok().map(|d| format!("{d:?}"));
    let value: Value = serde_json::from_str(block).unwrap();
    (serde, dataset(&value).map(|d| format!("{d:?}")))
}

#[test]
fn reads_every_committed_file_as_serde_does() {
    let blocks = blocks();
    assert!(blocks.len() >= 10, "{}", blocks.len());
    for (name, block) in blocks {
        let (serde, ours) = both(&block);
        assert!(serde.is_some(), "{name}: serde reads it");
        assert_eq!(ours, serde, "{name}");
    }
}

/// Each change to the Grand Est's copy: where it sits (a JSON pointer), and what it becomes.
fn changes() -> Vec<(&'static str, Option<Value>)> {
    use serde_json::json;
    vec![
        ("/territories/0/status", Some(json!("0"))),
        ("/territories/0/status", Some(json!(-1))),
        ("/territories/0/status", Some(json!(1.5))),
        ("/territories/0/status", None),
        ("/territories/0/name", Some(Value::Null)),
        ("/territories/0/name", Some(json!(7))),
        ("/territories/0/short_name", Some(Value::Null)),
        ("/territories/0/short_name", None),
        ("/territories/0/short_name", Some(json!(["a"]))),
        ("/territories/0/population", Some(json!(1e20))),
        ("/territories/0/population", Some(json!("12"))),
        ("/territories/0/confidence", Some(json!("sure"))),
        ("/territories/0/confidence", Some(json!("low"))),
        ("/territories/0/label_point", Some(json!({"lon": 6.0}))),
        ("/territories/0/projects", Some(json!("one"))),
        ("/territories/0/projects", Some(json!([1]))),
        ("/territories/0/epci", None),
        ("/territories/0/sources/0/url", Some(json!(false))),
        ("/territories/0/unknown", Some(json!({"any": "thing"}))),
        ("/legend/statuses/0/pattern", Some(json!("stripes"))),
        ("/legend/statuses/0/color", None),
        ("/legend/statuses", Some(json!({}))),
        ("/legend", Some(json!("legend"))),
        ("/legend/name", Some(json!("Région"))),
        ("/programme", Some(Value::Null)),
        ("/programme/facts", None),
        ("/title", Some(json!(1))),
        ("/territories", Some(json!([]))),
        ("/territories", Some(json!({}))),
    ]
}

#[test]
fn refuses_and_accepts_what_serde_does() {
    let block =
        write_data(&load::territories(include_bytes!("../../../data/territoires-grand-est.geojson")).unwrap().data)
            .unwrap();
    for (at, to) in changes() {
        let mut value: Value = serde_json::from_str(&block).unwrap();
        let (parent, key) = at.rsplit_once('/').unwrap();
        let object = value.pointer_mut(parent).and_then(Value::as_object_mut).unwrap();
        match &to {
            Some(v) => object.insert(key.to_string(), v.clone()),
            None => object.remove(key),
        };
        let (serde, ours) = both(&value.to_string());
        assert_eq!(ours, serde, "{at} = {to:?}");
    }
}

/// serde also reads a struct written as an array of its members in order, which the pre-render
/// never writes: refused here, and the full module downloads the file.
#[test]
fn refuses_a_struct_written_as_an_array() {
    let block =
        write_data(&load::territories(include_bytes!("../../../data/territoires-grand-est.geojson")).unwrap().data)
            .unwrap();
    let mut value: Value = serde_json::from_str(&block).unwrap();
    value["territories"][0]["label_point"] = serde_json::json!([6.0, 48.0]);
    assert!(serde_json::from_value::<Dataset>(value.clone()).is_ok());
    assert!(dataset(&value).is_none());
}

#[test]
fn refuses_what_is_no_object() {
    for v in [Value::Null, Value::from(1), Value::from("x"), Value::Array(Vec::new())] {
        assert!(dataset(&v).is_none(), "{v}");
    }
}
