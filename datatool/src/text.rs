//! A text the project writes, in French and, when given, English: `"…"` or `{ fr = "…", en = "…" }`
//! in the composition file, written as a string or as the language map the viewer reads
//! (`{"fr": "…", "en": "…"}`, see the README's data schema).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// French, and English when it is given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub fr: String,
    pub en: Option<String>,
}

impl Text {
    /// A text in both languages.
    pub fn both(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text { fr: fr.into(), en: Some(en.into()) }
    }

    /// A French text with no English.
    pub fn fr(fr: impl Into<String>) -> Text {
        Text { fr: fr.into(), en: None }
    }

    /// The text of `lang`; `None` for English when there is none.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Fr => Some(&self.fr),
            Lang::En => self.en.as_deref(),
        }
    }

    /// Builds each language with `f`, which may fail for English (a part has none).
    pub fn build(f: impl Fn(Lang) -> Option<String>) -> Text {
        Text { fr: f(Lang::Fr).unwrap_or_default(), en: f(Lang::En) }
    }
}

/// The two languages of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Langs {
    fr: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Raw {
    Plain(String),
    Langs(Langs),
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        Ok(match Raw::deserialize(d)? {
            Raw::Plain(fr) => Text::fr(fr),
            Raw::Langs(Langs { fr, en }) => Text::both(fr, en),
        })
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.en {
            None => s.serialize_str(&self.fr),
            Some(en) => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("fr", &self.fr)?;
                m.serialize_entry("en", en)?;
                m.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct T {
        a: Text,
        b: Text,
    }

    #[test]
    fn a_string_is_french_and_a_table_both() {
        let t: T = toml::from_str("a = \"Signé\"\nb = { fr = \"Signé\", en = \"Signed\" }").unwrap();
        assert_eq!(t.a, Text::fr("Signé"));
        assert_eq!(t.b, Text::both("Signé", "Signed"));
        assert_eq!(serde_json::to_string(&t.a).unwrap(), "\"Signé\"");
        assert_eq!(serde_json::to_string(&t.b).unwrap(), r#"{"fr":"Signé","en":"Signed"}"#);
        assert!(toml::from_str::<T>("a = { fr = \"x\", de = \"y\" }\nb = \"z\"").is_err(), "only fr and en");
    }
}
