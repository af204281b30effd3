//! Reading typed values out of GeoJSON `properties` and foreign members. Unknown keys are ignored;
//! a value of the wrong type is reported and treated as absent.

use super::error::{Expected, ProblemKind};
use crate::model::Link;
use geojson::{JsonObject, JsonValue};

/// A reader over one JSON object that records type problems as it goes.
pub struct Props<'a> {
    obj: Option<&'a JsonObject>,
    pub problems: Vec<ProblemKind>,
}

impl<'a> Props<'a> {
    pub fn new(obj: Option<&'a JsonObject>) -> Self {
        Props { obj, problems: Vec::new() }
    }

    fn get(&self, key: &str) -> Option<&'a JsonValue> {
        self.obj.and_then(|o| o.get(key)).filter(|v| !v.is_null())
    }

    fn wrong(&mut self, key: &str, expected: Expected) {
        self.problems.push(ProblemKind::WrongType { property: key.to_string(), expected });
    }

    /// A non-empty string (numbers are accepted and written out, as ids often are numbers).
    pub fn string(&mut self, key: &str) -> Option<String> {
        match self.get(key)? {
            JsonValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            JsonValue::String(_) => None,
            JsonValue::Number(n) => Some(n.to_string()),
            _ => {
                self.wrong(key, Expected::Text);
                None
            }
        }
    }

    pub fn number(&mut self, key: &str) -> Option<f64> {
        match self.get(key)? {
            JsonValue::Number(n) => n.as_f64(),
            _ => {
                self.wrong(key, Expected::Number);
                None
            }
        }
    }

    /// An array; each element goes through `item`, which returns `None` to skip it.
    pub fn list<T>(&mut self, key: &str, mut item: impl FnMut(&'a JsonValue) -> Option<T>) -> Vec<T> {
        match self.get(key) {
            None => Vec::new(),
            Some(JsonValue::Array(items)) => items.iter().filter_map(&mut item).collect(),
            Some(_) => {
                self.wrong(key, Expected::List);
                Vec::new()
            }
        }
    }

    /// An array of strings, or of objects whose `text` member is a string.
    pub fn texts(&mut self, key: &str) -> Vec<String> {
        self.list(key, |v| text_of(v, "text"))
    }

    /// An array of links: objects with `title` (or `name`) and an optional `url`.
    pub fn links(&mut self, key: &'static str) -> Vec<Link> {
        let mut unsafe_url = false;
        let links = self.list(key, |v| {
            let link = link(v)?;
            if link.url.is_none() && v.get("url").is_some_and(|u| !u.is_null()) {
                unsafe_url = true;
            }
            Some(link)
        });
        if unsafe_url {
            self.problems.push(ProblemKind::UnsafeUrl { property: key });
        }
        links
    }

    /// A `[lon, lat]` pair.
    pub fn point(&mut self, key: &str) -> Option<(f64, f64)> {
        let v = self.get(key)?;
        let pair = v.as_array().filter(|a| a.len() >= 2).and_then(|a| Some((a[0].as_f64()?, a[1].as_f64()?)));
        if pair.is_none() {
            self.wrong(key, Expected::LonLat);
        }
        pair.filter(|(lon, lat)| lon.abs() <= 180.0 && lat.abs() <= 90.0)
    }

    pub fn object(&mut self, key: &str) -> Option<&'a JsonObject> {
        match self.get(key)? {
            JsonValue::Object(o) => Some(o),
            _ => {
                self.wrong(key, Expected::Object);
                None
            }
        }
    }
}

/// A string, or the string member `field` of an object.
pub fn text_of(v: &JsonValue, field: &str) -> Option<String> {
    let s = match v {
        JsonValue::String(s) => s.as_str(),
        JsonValue::Object(o) => o.get(field)?.as_str()?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A link object; its `url` is kept only when it is http(s).
pub fn link(v: &JsonValue) -> Option<Link> {
    let url = v.get("url").and_then(JsonValue::as_str).and_then(safe_url);
    let title = text_of(v, "title").or_else(|| text_of(v, "name")).or_else(|| url.clone())?;
    Some(Link { title, url })
}

/// Returns the address when it is an absolute `http:` or `https:` URL, else `None`.
///
/// ```
/// use territoires_map::load::safe_url;
/// assert_eq!(safe_url(" https://example.org/a "), Some("https://example.org/a".into()));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("HTTP://EXAMPLE.ORG"), Some("HTTP://EXAMPLE.ORG".into()));
/// ```
pub fn safe_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then(|| s.to_string())
}

/// A CSS colour the viewer accepts from data: `#rgb` or `#rrggbb`, nothing that could inject CSS.
pub fn safe_color(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#')?;
    ((hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| s.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_types_and_reports_wrong_ones() {
        let o = json!({"a": "x", "n": 3, "bad": [1], "list": ["p", {"text": "q"}, 4], "nul": null});
        let mut p = Props::new(o.as_object());
        assert_eq!(p.string("a").as_deref(), Some("x"));
        assert_eq!(p.string("n").as_deref(), Some("3"));
        assert_eq!(p.string("bad"), None);
        assert_eq!(p.string("nul"), None);
        assert_eq!(p.texts("list"), vec!["p".to_string(), "q".to_string()]);
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn links_keep_only_http() {
        let o =
            json!({"sources": [{"title": "A", "url": "javascript:alert(1)"}, {"title": "B", "url": "https://b.fr"}]});
        let mut p = Props::new(o.as_object());
        let l = p.links("sources");
        assert_eq!(l[0], Link { title: "A".into(), url: None });
        assert_eq!(l[1].url.as_deref(), Some("https://b.fr"));
        assert_eq!(p.problems, vec![ProblemKind::UnsafeUrl { property: "sources" }]);
    }

    #[test]
    fn colors_are_strict() {
        assert_eq!(safe_color("#1A2b3c").as_deref(), Some("#1a2b3c"));
        assert_eq!(safe_color("red"), None);
        assert_eq!(safe_color("#123;background:url(x)"), None);
    }
}
