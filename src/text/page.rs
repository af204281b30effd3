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
    /// The heading of a territory's communes, before their number.
    pub communes: &'static str,
    /// Where the lists of communes come from.
    pub communes_source: &'static str,
    /// The title of the page of every commune (A–Z) and the link to it.
    pub all_communes: &'static str,
    /// How to use that page.
    pub all_communes_help: &'static str,
    /// The table's column headings: commune, postcodes, département, territory.
    pub columns: [&'static str; 4],
    /// A commune in no territory.
    pub in_none: &'static str,
    /// Before the name of the current commune a former one is part of.
    pub now_part_of: &'static str,
    /// Before the former communes of a commune that are not in the territory.
    pub except: &'static str,
    /// The accessible name of the letters' index.
    pub letters: &'static str,
}

pub const FR: PageWords = PageWords {
    skip_to_map: "Aller à la carte",
    map_word: "carte",
    help: "Survolez ou sélectionnez un territoire pour afficher sa fiche : statut, projets, \
           intercommunalités et sources.",
    language_name: "Français",
    languages: "Langue",
    communes: "Communes",
    communes_source: "D'après la table des communes de l'État d'octobre 2020 ; communes et codes postaux de 2026.",
    all_communes: "Toutes les communes de la région et leur territoire",
    all_communes_help: "Chaque commune de la région, de A à Z, avec ses codes postaux et le Territoire d'industrie \
                        dont elle fait partie d'après la table des communes de l'État d'octobre 2020 ; les \
                        anciennes communes y sont aussi, sous leur nom. La recherche du navigateur (Ctrl+F) \
                        trouve la vôtre.",
    columns: ["Commune", "Codes postaux", "Département", "Territoire d'industrie"],
    in_none: "aucun",
    now_part_of: "ancienne commune, aujourd'hui",
    except: "sauf",
    letters: "Initiales",
};

pub const EN: PageWords = PageWords {
    skip_to_map: "Skip to the map",
    map_word: "map",
    help: "Hover over or select a territory to show its card: status, projects, intercommunalities \
           and sources.",
    language_name: "English",
    languages: "Language",
    communes: "Municipalities",
    communes_source: "From the State's commune table of October 2020; municipalities and postcodes of 2026.",
    all_communes: "Every municipality of the region and its territory",
    all_communes_help: "Every municipality of the region, from A to Z, with its postcodes and the Territoire \
                        d'industrie it belongs to according to the State's commune table of October 2020; \
                        former municipalities are listed too, under their own name. Your browser's search \
                        (Ctrl+F) finds yours.",
    columns: ["Municipality", "Postcodes", "Département", "Territoire d'industrie"],
    in_none: "none",
    now_part_of: "former municipality, now part of",
    except: "except",
    letters: "Initials",
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
