//! The words of the pre-rendered pages around the map (skip link, title, the help under the
//! heading, the language switch), in French and English. Native only: the pre-render writes
//! them; no module shows them, so they are kept out of [`super::Strings`] and of the modules.

/// The page's own words in one language.
#[derive(Clone, Copy, Debug)]
pub struct PageWords {
    /// The link that skips to the map, first on the page.
    pub skip_to_map: &'static str,
    /// After the data's title in the window's title: "Territoires d'industrie en Grand Est — carte".
    pub map_word: &'static str,
    /// How to use the map, after the data's description.
    pub help: &'static str,
    /// The name of the language, in itself: the link to this edition from the others.
    pub language_name: &'static str,
    /// The accessible name of the list of editions.
    pub languages: &'static str,
}

pub const FR: PageWords = PageWords {
    skip_to_map: "Aller à la carte",
    map_word: "carte",
    help: "Survolez ou sélectionnez un territoire pour afficher sa fiche : statut, projets, \
           intercommunalités et sources.",
    language_name: "Français",
    languages: "Langue",
};

pub const EN: PageWords = PageWords {
    skip_to_map: "Skip to the map",
    map_word: "map",
    help: "Hover over or select a territory to show its card: status, projects, intercommunalities \
           and sources.",
    language_name: "English",
    languages: "Language",
};

impl super::Strings {
    /// The page words of this language.
    pub fn page(&self) -> &'static PageWords {
        match self.lang {
            "en" => &EN,
            _ => &FR,
        }
    }
}
