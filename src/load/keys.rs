//! Which property of a feature (or column of a status sheet) holds the id, the name and the
//! status: the map's options when given, else the first of the usual keys a feature has. Keys are
//! compared without regard to case, so `NOM`, `Nom` and `nom` are the same key.

use geojson::{JsonObject, JsonValue};

/// Keys read as the id, in this order of preference (after the GeoJSON `id` member).
pub const ID_KEYS: [&str; 17] = [
    "id",
    "code",
    "insee",
    "code_insee",
    "insee_com",
    "code_com",
    "insee_dep",
    "code_dep",
    "code_dept",
    "insee_reg",
    "code_reg",
    "siren",
    "siren_epci",
    "code_siren",
    "id_ti",
    "code_ti",
    "identifiant",
];

/// Keys read as the name, in this order of preference.
pub const NAME_KEYS: [&str; 14] = [
    "name", "nom", "libelle", "libellé", "lib_ti", "nom_ti", "nom_com", "nom_dep", "nom_dept", "nom_reg", "nom_epci",
    "lib_epci", "label", "intitule",
];

/// Keys read as the status, in this order of preference.
pub const STATUS_KEYS: [&str; 6] = ["status", "statut", "etat", "état", "status_ti", "statut_ti"];

/// The map's choice of properties, and the words of the two categories the loader makes up.
#[derive(Clone, Debug)]
pub struct Mapping {
    /// `idProperty`: the property holding the id; `None` for the GeoJSON `id` member, then [`ID_KEYS`].
    pub id: Option<String>,
    /// `nameProperty`; `None` for [`NAME_KEYS`].
    pub name: Option<String>,
    /// `statusProperty`; `None` for [`STATUS_KEYS`].
    pub status: Option<String>,
    /// The legend entry of features without a status ("Sans statut").
    pub none_label: String,
    /// The legend entry grouping statuses past the palette ("Autres").
    pub others_label: String,
    /// The map's language: the one kept from the file's language maps (`load/lang.rs`).
    pub lang: String,
}

impl Default for Mapping {
    fn default() -> Self {
        Mapping {
            id: None,
            name: None,
            status: None,
            none_label: "Sans statut".into(),
            others_label: "Autres".into(),
            lang: "fr".into(),
        }
    }
}

impl Mapping {
    /// The mapping with the two made-up categories worded in the map's language.
    pub fn worded(none_label: &str, others_label: &str, lang: &str) -> Mapping {
        Mapping {
            none_label: none_label.into(),
            others_label: others_label.into(),
            lang: lang.into(),
            ..Mapping::default()
        }
    }
}

/// The value under `chosen` when the map names the key, else under the first usual key present.
pub fn pick<'a>(obj: Option<&'a JsonObject>, chosen: Option<&str>, usual: &[&str]) -> Option<&'a JsonValue> {
    keyed(obj, chosen, usual).map(|(_, v)| v)
}

/// [`pick`], with the key as the file spells it.
pub fn keyed<'a>(
    obj: Option<&'a JsonObject>,
    chosen: Option<&str>,
    usual: &[&str],
) -> Option<(&'a str, &'a JsonValue)> {
    let obj = obj?;
    let found = |key: &str| {
        let exact = obj.get_key_value(key);
        exact.or_else(|| obj.iter().find(|(k, _)| k.eq_ignore_ascii_case(key))).map(|(k, v)| (k.as_str(), v))
    };
    match chosen {
        Some(key) => found(key.trim()).filter(|(_, v)| !v.is_null()),
        None => usual.iter().find_map(|k| found(k).filter(|(_, v)| !v.is_null())),
    }
}

/// A non-empty text value: a string, trimmed, or a number written out (codes often are numbers).
pub fn text(v: Option<&JsonValue>) -> Option<String> {
    match v? {
        JsonValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        JsonValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The position of the column named `chosen`, else of the first usual key among `headers`.
pub fn column(headers: &[String], chosen: Option<&str>, usual: &[&str]) -> Option<usize> {
    let at = |key: &str| headers.iter().position(|h| h.trim().to_lowercase() == key.trim().to_lowercase());
    match chosen {
        Some(key) => at(key).or_else(|| usual.iter().find_map(|k| at(k))),
        None => usual.iter().find_map(|k| at(k)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn usual_keys_in_order_and_any_case() {
        let o = json!({"NOM": "Marne", "code": 51, "insee_dep": "99"});
        let o = o.as_object();
        assert_eq!(text(pick(o, None, &ID_KEYS)).as_deref(), Some("51"));
        assert_eq!(text(pick(o, None, &NAME_KEYS)).as_deref(), Some("Marne"));
        assert_eq!(pick(o, None, &STATUS_KEYS), None);
    }

    #[test]
    fn a_chosen_key_wins_and_is_the_only_one_read() {
        let o = json!({"code": "51", "insee_dep": "99", "lib": " Marne "});
        assert_eq!(text(pick(o.as_object(), Some("insee_dep"), &ID_KEYS)).as_deref(), Some("99"));
        assert_eq!(text(pick(o.as_object(), Some("LIB"), &NAME_KEYS)).as_deref(), Some("Marne"));
        assert_eq!(pick(o.as_object(), Some("absent"), &NAME_KEYS), None);
    }

    #[test]
    fn columns_are_found_by_header() {
        let h: Vec<String> = ["Code", "Statut", "Date"].iter().map(|s| s.to_string()).collect();
        assert_eq!(column(&h, None, &ID_KEYS), Some(0));
        assert_eq!(column(&h, None, &STATUS_KEYS), Some(1));
        assert_eq!(column(&h, Some("date"), &[]), Some(2));
        assert_eq!(column(&h, None, &NAME_KEYS), None);
    }
}
