//! The words of the interface. French is the language of the page; an English set exists for
//! hosts that ask for `lang=en`. Words from the data (names, statuses, projects) are not here.

/// Interface strings of one language.
#[derive(Clone, Copy, Debug)]
pub struct Strings {
    pub lang: &'static str,
    pub map_label: &'static str,
    pub map_help: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset: &'static str,
    pub close: &'static str,
    pub loading: &'static str,
    pub status: &'static str,
    pub date: &'static str,
    pub place: &'static str,
    pub projects: &'static str,
    pub no_project: &'static str,
    pub epci: &'static str,
    pub communes: &'static str,
    pub perimeter: &'static str,
    pub sources: &'static str,
    pub confidence_high: &'static str,
    pub confidence_medium: &'static str,
    pub confidence_low: &'static str,
    pub confidence_unknown: &'static str,
    pub warnings: &'static str,
    pub themes: &'static str,
    pub hint_wheel: &'static str,
    pub hint_touch: &'static str,
    pub months: [&'static str; 12],
}

pub const FR: Strings = Strings {
    lang: "fr",
    map_label: "Carte des territoires",
    map_help: "Flèches : passer d'un territoire à l'autre ; Entrée ou Espace : ouvrir la fiche ; \
               Échap : la fermer ; + et − : zoomer ; Maj + flèches : déplacer la carte ; 0 : vue initiale.",
    zoom_in: "Zoomer",
    zoom_out: "Dézoomer",
    reset: "Vue initiale",
    close: "Fermer la fiche",
    loading: "Chargement de la carte…",
    status: "Statut",
    date: "Date",
    place: "Lieu",
    projects: "Projets",
    no_project: "Aucun projet cité dans la source.",
    epci: "Intercommunalités",
    communes: "communes",
    perimeter: "Périmètre",
    sources: "Sources",
    confidence_high: "Périmètre établi par une source locale.",
    confidence_medium: "Périmètre probable (source indirecte).",
    confidence_low: "Périmètre indicatif : non établi par les sources disponibles.",
    confidence_unknown: "Fiabilité du périmètre non renseignée.",
    warnings: "Certaines données n'ont pas pu être affichées :",
    themes: "Thèmes",
    hint_wheel: "Pour zoomer sur la carte, maintenez Ctrl (ou ⌘) en tournant la molette.",
    hint_touch: "Utilisez deux doigts pour déplacer la carte.",
    months: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ],
};

pub const EN: Strings = Strings {
    lang: "en",
    map_label: "Map of the territories",
    map_help: "Arrows: move between territories; Enter or Space: open its card; Escape: close it; \
               + and −: zoom; Shift + arrows: move the map; 0: initial view.",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset: "Initial view",
    close: "Close the card",
    loading: "Loading the map…",
    status: "Status",
    date: "Date",
    place: "Place",
    projects: "Projects",
    no_project: "No project named in the source.",
    epci: "Intercommunalities",
    communes: "municipalities",
    perimeter: "Perimeter",
    sources: "Sources",
    confidence_high: "Perimeter stated by a local source.",
    confidence_medium: "Probable perimeter (indirect source).",
    confidence_low: "Indicative perimeter: not established by the available sources.",
    confidence_unknown: "Perimeter reliability not given.",
    warnings: "Some data could not be shown:",
    themes: "Themes",
    hint_wheel: "To zoom the map, hold Ctrl (or ⌘) while scrolling.",
    hint_touch: "Use two fingers to move the map.",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
};

impl Strings {
    /// The strings for a `lang` attribute value; French unless English is asked for.
    pub fn for_lang(lang: &str) -> &'static Strings {
        if lang.trim().to_ascii_lowercase().starts_with("en") {
            &EN
        } else {
            &FR
        }
    }

    /// `2019-11-19` → "19 novembre 2019"; anything else is returned as written.
    ///
    /// ```
    /// assert_eq!(territoires_map::text::FR.date_long("2019-11-19"), "19 novembre 2019");
    /// assert_eq!(territoires_map::text::FR.date_long("2019-01-01"), "1 janvier 2019");
    /// assert_eq!(territoires_map::text::FR.date_long("bientôt"), "bientôt");
    /// ```
    pub fn date_long(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let parsed = match parts.as_slice() {
            [y, m, d] if y.len() == 4 => (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()),
            _ => return iso.to_string(),
        };
        match parsed {
            (Ok(y), Ok(m @ 1..=12), Ok(d @ 1..=31)) => {
                let day = if self.lang == "fr" && d == 1 { "1".to_string() } else { d.to_string() };
                format!("{day} {} {y}", self.months[m - 1])
            }
            _ => iso.to_string(),
        }
    }
}
