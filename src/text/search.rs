//! The commune search's words (the field, its suggestions, the answer), in French and English.
//! Kept out of [`super::Strings`]: the map modules never show them; the search module and the
//! pre-render (the field's label) do. `{c}`, `{t}`, `{n}` are filled in by [`crate::search::answer`].

/// The search's words in one language.
#[derive(Clone, Copy, Debug)]
pub struct SearchWords {
    /// The field's label.
    pub label: &'static str,
    /// Under the label: what may be typed.
    pub hint: &'static str,
    /// Announced as suggestions change: none, one, `{n}`.
    pub found: [&'static str; 3],
    /// The answer for a commune in one territory, in several (`{t}`: their names), in none.
    pub in_one: &'static str,
    pub in_many: &'static str,
    pub in_none: &'static str,
    /// Between the last two territories' names.
    pub and: &'static str,
    /// After a former commune's name in the answer and in its suggestion (`{n}`: the current one).
    pub former: &'static str,
    pub former_short: &'static str,
    /// A former part of a commune whose parts are not all in the same territories.
    pub part: &'static str,
    /// The index could not be downloaded, or read (`{n}`: the line).
    pub unavailable: &'static str,
    pub bad_index: &'static str,
}

pub const FR: SearchWords = SearchWords {
    label: "Votre commune",
    hint: "Nom ou code postal",
    found: ["Aucune commune trouvée.", "1 commune proposée.", "{n} communes proposées."],
    in_one: "{c} fait partie du territoire {t}.",
    in_many: "{c} fait partie des territoires {t}.",
    in_none: "{c} ne fait partie d'aucun Territoire d'industrie d'après la table de l'État d'octobre 2020.",
    and: " et ",
    former: ", ancienne commune aujourd'hui partie de {n},",
    former_short: "ancienne commune, aujourd'hui {n}",
    part: "L'ancienne commune {c}",
    unavailable: "La liste des communes n'a pas pu être chargée ; la page Toutes les communes répond aussi.",
    bad_index: "La liste des communes est illisible (ligne {n}).",
};

pub const EN: SearchWords = SearchWords {
    label: "Your commune",
    hint: "Name or postcode",
    found: ["No commune found.", "1 commune suggested.", "{n} communes suggested."],
    in_one: "{c} is in the territory {t}.",
    in_many: "{c} is in the territories {t}.",
    in_none: "{c} is in no Territoire d'industrie, according to the State's table of October 2020.",
    and: " and ",
    former: ", a former commune now part of {n},",
    former_short: "former commune, now {n}",
    part: "The former commune {c}",
    unavailable: "The list of communes could not be loaded; the page of all communes answers too.",
    bad_index: "The list of communes cannot be read (line {n}).",
};

/// The words for `lang` (`en…` English, else French).
pub fn for_lang(lang: &str) -> &'static SearchWords {
    if lang.trim().to_ascii_lowercase().starts_with("en") {
        &EN
    } else {
        &FR
    }
}
