//! Texts in several languages. Where the project writes a text itself (a title, the legend, the
//! facts, a perimeter note, a source's description), the file may give it in several languages
//! as a language map, `{"fr": "…", "en": "…"}`, instead of a string; the file's `lang` member says
//! which language its plain strings (and its quoted texts, such as projects) are in. Before the
//! file is read, [`resolve`] puts in each map's place the text in the map's language, so the
//! rest of the loader, and the model, only ever see strings.
//!
//! Only the members listed here are looked at: an object elsewhere (a link, an intercommunality)
//! is never taken for a language map.

use geojson::{FeatureCollection, JsonObject, JsonValue};

/// Top-level members that are texts, or links whose `title` is one.
const TOP: [&str; 4] = ["title", "description", "attribution", "source"];
/// Feature properties that are texts, or lists of links.
const PROPERTIES: [&str; 3] = ["population_vintage", "perimeter_note", "sources"];

/// Replaces every language map at a text member of `fc` by its text in `want` (a language tag,
/// `en`, `fr-FR`), else in the file's own language, else its first. Returns the file's `lang`.
///
/// ```
/// let json = r#"{"type":"FeatureCollection","lang":"fr","title":{"fr":"Carte","en":"Map"},
///   "features":[{"type":"Feature","properties":{"id":"a","perimeter_note":{"fr":"Sûr"}},
///   "geometry":{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,48]]]}}]}"#;
/// let mut m = territoires_map::load::Mapping::default();
/// m.lang = "en".into();
/// let data = territoires_map::load::territories_with(json.as_bytes(), &m, None).unwrap().data;
/// assert_eq!(data.title.as_deref(), Some("Map"));
/// assert_eq!(data.territories[0].perimeter_note.as_deref(), Some("Sûr"), "the file's language when the map's is missing");
/// assert_eq!(data.lang.as_deref(), Some("fr"));
/// ```
pub fn resolve(fc: &mut FeatureCollection, want: &str) -> Option<String> {
    let file = fc.foreign_members.as_ref().and_then(|m| m.get("lang")).and_then(JsonValue::as_str);
    let file = file.map(str::trim).filter(|l| is_tag(l)).map(str::to_string);
    let pick = Pick { want, file: file.as_deref() };
    if let Some(top) = fc.foreign_members.as_mut() {
        for key in TOP {
            pick.text_or_link(top.get_mut(key));
        }
        if let Some(legend) = top.get_mut("legend").and_then(JsonValue::as_object_mut) {
            pick.text(legend.get_mut("title"));
            pick.text(legend.get_mut("name"));
            for status in items(legend.get_mut("statuses")) {
                pick.text(status.get_mut("label"));
                pick.text(status.get_mut("short"));
            }
        }
        if let Some(programme) = top.get_mut("programme").and_then(JsonValue::as_object_mut) {
            items(programme.get_mut("facts")).for_each(|v| pick.text(Some(v)));
            items(programme.get_mut("themes")).for_each(|v| pick.text(Some(v)));
            pick.text_or_link(programme.get_mut("source"));
        }
    }
    for props in fc.features.iter_mut().filter_map(|f| f.properties.as_mut()) {
        for key in PROPERTIES {
            match props.get_mut(key) {
                Some(JsonValue::Array(links)) => links.iter_mut().for_each(|l| pick.text_or_link(Some(l))),
                v => pick.text(v),
            }
        }
    }
    file
}

struct Pick<'a> {
    want: &'a str,
    file: Option<&'a str>,
}

impl Pick<'_> {
    /// A language map becomes its text; anything else stays as it is.
    fn text(&self, v: Option<&mut JsonValue>) {
        let Some(v) = v else { return };
        let chosen = v.as_object().filter(|o| is_map(o)).and_then(|o| self.choose(o)).map(str::to_string);
        if let Some(s) = chosen {
            *v = JsonValue::String(s);
        }
    }

    /// A text, or a link object whose `title` may be a language map.
    fn text_or_link(&self, v: Option<&mut JsonValue>) {
        let Some(v) = v else { return };
        if v.as_object().is_some_and(|o| !is_map(o)) {
            self.text(v.get_mut("title"));
        } else {
            self.text(Some(v));
        }
    }

    fn choose<'o>(&self, o: &'o JsonObject) -> Option<&'o str> {
        let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let exact = |tag: &str| o.iter().find(|(k, _)| k.eq_ignore_ascii_case(tag));
        let close = |tag: &str| o.iter().find(|(k, _)| primary(k) == primary(tag));
        let found = exact(self.want).or_else(|| close(self.want));
        let found = found.or_else(|| self.file.and_then(|f| exact(f).or_else(|| close(f))));
        found.or_else(|| o.iter().next()).and_then(|(_, v)| v.as_str())
    }
}

fn items(v: Option<&mut JsonValue>) -> impl Iterator<Item = &mut JsonValue> {
    v.and_then(JsonValue::as_array_mut).into_iter().flatten()
}

/// A non-empty object whose keys are all language tags and whose values are all strings.
fn is_map(o: &JsonObject) -> bool {
    !o.is_empty() && o.iter().all(|(k, v)| is_tag(k) && v.is_string())
}

/// A BCP 47 tag as data files write them: a primary subtag of 2 or 3 letters, then subtags of
/// letters and digits (`fr`, `en-GB`, `gsw-FR`).
fn is_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn collection(v: JsonValue) -> FeatureCollection {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn picks_the_wanted_language_then_the_files_then_the_first() {
        let mut fc = collection(json!({"type": "FeatureCollection", "lang": "fr",
            "legend": {"title": {"fr": "État", "en": "State"}, "name": {"fr": "Région", "en": "Region"},
                "statuses": [{"id": "s", "label": {"en-GB": "Signed", "fr": "Signé"}, "short": {"de": "Unterz."}}]},
            "programme": {"facts": [{"fr": "Un", "en": "One"}, "Deux"], "source": {"title": {"fr": "Communiqué", "en": "Release"}}},
            "features": []}));
        assert_eq!(resolve(&mut fc, "en").as_deref(), Some("fr"));
        let top = fc.foreign_members.unwrap();
        assert_eq!(top["legend"]["title"], "State");
        assert_eq!(top["legend"]["name"], "Region");
        assert_eq!(top["legend"]["statuses"][0]["label"], "Signed", "en matches en-GB");
        assert_eq!(top["legend"]["statuses"][0]["short"], "Unterz.", "the first when neither is there");
        assert_eq!(top["programme"]["facts"], json!(["One", "Deux"]));
        assert_eq!(top["programme"]["source"]["title"], "Release");
    }

    #[test]
    fn other_objects_are_not_language_maps() {
        let feature = json!({"type": "Feature", "geometry": null, "properties": {
            "perimeter_note": {"id": "x", "note": "y"},
            "sources": [{"title": "T", "url": "https://a.fr"}, {"fr": "Source", "en": "Source (en)"}]}});
        let mut fc = collection(json!({"type": "FeatureCollection", "lang": "not a tag", "features": [feature]}));
        assert_eq!(resolve(&mut fc, "en"), None);
        let props = fc.features[0].properties.as_ref().unwrap();
        assert_eq!(props["perimeter_note"], json!({"id": "x", "note": "y"}), "`note` is no language tag");
        assert_eq!(props["sources"][0]["title"], "T");
        assert_eq!(props["sources"][1], "Source (en)");
    }

    #[test]
    fn tags() {
        assert!(is_tag("fr") && is_tag("en-GB") && is_tag("gsw-FR") && is_tag("zh-Hant-TW"));
        assert!(!is_tag("text") && !is_tag("f") && !is_tag("fr_") && !is_tag("en-") && !is_tag(""));
    }
}
