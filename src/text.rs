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
    pub inhabitants: &'static str,
    pub thousands: &'static str,
    pub perimeter: &'static str,
    pub sources: &'static str,
    pub confidence_high: &'static str,
    pub confidence_medium: &'static str,
    pub confidence_low: &'static str,
    pub confidence_unknown: &'static str,
    pub warnings: &'static str,
    pub themes: &'static str,
    pub hint_wheel: &'static str,
    pub list_title: &'static str,
    pub search: &'static str,
    pub filter: &'static str,
    pub all_statuses: &'static str,
    pub download_csv: &'static str,
    pub show_on_map: &'static str,
    pub csv_id: &'static str,
    pub csv_name: &'static str,
    pub csv_file: &'static str,
    pub no_match: &'static str,
    pub rows_shown: &'static str,
    pub first_rows: &'static str,
    pub refine: &'static str,
    pub confidence_words: [&'static str; 3],
    pub hint_touch: &'static str,
    pub months: [&'static str; 12],
    /// The button that starts a failed download again.
    pub retry: &'static str,
    /// Progress while downloading: "<what>… 120 Ko sur 900 Ko".
    pub loading_territories: &'static str,
    pub loading_context: &'static str,
    pub size_of: &'static str,
    pub kilobytes: &'static str,
    /// "<start><url><middle><seconds><end>": a download that stopped sending bytes.
    pub stalled: [&'static str; 3],
    pub decimal_comma: bool,
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
    inhabitants: "habitants",
    thousands: "\u{202f}",
    perimeter: "Périmètre",
    sources: "Sources",
    confidence_high: "Périmètre établi par une source primaire.",
    confidence_medium: "Périmètre probable (source indirecte).",
    confidence_low: "Périmètre indicatif : non établi par les sources disponibles.",
    confidence_unknown: "Fiabilité du périmètre non renseignée.",
    warnings: "Certaines données n'ont pas pu être affichées :",
    themes: "Thèmes",
    list_title: "Liste des territoires",
    search: "Rechercher un territoire",
    filter: "Statut",
    all_statuses: "Tous les statuts",
    download_csv: "Télécharger la liste (CSV)",
    show_on_map: "Afficher sur la carte",
    csv_id: "id",
    csv_name: "Territoire",
    csv_file: "territoires.csv",
    no_match: "Aucun territoire ne correspond.",
    rows_shown: "territoires affichés",
    first_rows: "le tableau n'en montre que",
    refine: "affinez la recherche ou téléchargez le CSV complet",
    confidence_words: ["établi", "probable", "faible"],
    hint_wheel: "Pour zoomer sur la carte, maintenez Ctrl (ou ⌘) en tournant la molette.",
    hint_touch: "Utilisez deux doigts pour déplacer la carte.",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    retry: "Réessayer",
    loading_territories: "Chargement des territoires…",
    loading_context: "Chargement du fond de carte…",
    size_of: "sur",
    kilobytes: "Ko",
    stalled: ["Le téléchargement de ", " est bloqué : aucune donnée reçue depuis ", " s."],
    decimal_comma: true,
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
    inhabitants: "inhabitants",
    thousands: ",",
    perimeter: "Perimeter",
    sources: "Sources",
    confidence_high: "Perimeter stated by a primary source.",
    confidence_medium: "Probable perimeter (indirect source).",
    confidence_low: "Indicative perimeter: not established by the available sources.",
    confidence_unknown: "Perimeter reliability not given.",
    warnings: "Some data could not be shown:",
    themes: "Themes",
    list_title: "List of territories",
    search: "Search a territory",
    filter: "Status",
    all_statuses: "All statuses",
    download_csv: "Download the list (CSV)",
    show_on_map: "Show on the map",
    csv_id: "id",
    csv_name: "Territory",
    csv_file: "territories.csv",
    no_match: "No territory matches.",
    rows_shown: "territories shown",
    first_rows: "the table shows only",
    refine: "refine the search or download the full CSV",
    confidence_words: ["established", "probable", "low"],
    hint_wheel: "To zoom the map, hold Ctrl (or ⌘) while scrolling.",
    hint_touch: "Use two fingers to move the map.",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    retry: "Try again",
    loading_territories: "Loading the territories…",
    loading_context: "Loading the background map…",
    size_of: "of",
    kilobytes: "KB",
    stalled: ["The download of ", " has stalled: no data received for ", " s."],
    decimal_comma: false,
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

    /// The one-word reliability of a perimeter, for tables.
    pub fn confidence_word(&self, c: crate::model::Confidence) -> &'static str {
        match c {
            crate::model::Confidence::High => self.confidence_words[0],
            crate::model::Confidence::Medium => self.confidence_words[1],
            crate::model::Confidence::Low => self.confidence_words[2],
        }
    }

    /// A download's progress, in kilobytes (1024 bytes), with the total when it is known.
    ///
    /// ```
    /// use territoires_map::text::{EN, FR};
    /// assert_eq!(FR.progress(FR.loading_territories, 122_880, Some(921_600)), "Chargement des territoires… 120 Ko sur 900 Ko");
    /// assert_eq!(FR.progress(FR.loading_territories, 2_000, None), "Chargement des territoires… 2 Ko");
    /// assert_eq!(EN.progress(EN.loading_context, 0, Some(5_000)), "Loading the background map… 0 KB of 5 KB");
    /// ```
    pub fn progress(&self, what: &str, loaded: u64, total: Option<u64>) -> String {
        let kb = |b: u64| (b + 512) / 1024;
        match total {
            Some(t) if t >= loaded => {
                format!("{what} {} {} {} {} {}", kb(loaded), self.kilobytes, self.size_of, kb(t), self.kilobytes)
            }
            _ => format!("{what} {} {}", kb(loaded), self.kilobytes),
        }
    }

    /// The sentence for a download that received nothing for `ms` milliseconds.
    ///
    /// ```
    /// use territoires_map::text::{EN, FR};
    /// assert_eq!(FR.stalled_message("a.geojson", 15_000), "Le téléchargement de a.geojson est bloqué : aucune donnée reçue depuis 15 s.");
    /// assert_eq!(FR.stalled_message("a.geojson", 1_500), "Le téléchargement de a.geojson est bloqué : aucune donnée reçue depuis 1,5 s.");
    /// assert_eq!(EN.stalled_message("a", 1_500), "The download of a has stalled: no data received for 1.5 s.");
    /// ```
    pub fn stalled_message(&self, url: &str, ms: u32) -> String {
        let mut secs = if ms % 1000 == 0 { (ms / 1000).to_string() } else { format!("{:.1}", f64::from(ms) / 1000.0) };
        if self.decimal_comma {
            secs = secs.replace('.', ",");
        }
        let [a, b, c] = self.stalled;
        format!("{a}{url}{b}{secs}{c}")
    }

    /// `2019-11-19` → "19 novembre 2019"; anything else is returned as written.
    ///
    /// ```
    /// assert_eq!(territoires_map::text::FR.date_long("2019-11-19"), "19 novembre 2019");
    /// assert_eq!(territoires_map::text::FR.date_long("2019-01-01"), "1 janvier 2019");
    /// assert_eq!(territoires_map::text::FR.date_long("bientôt"), "bientôt");
    /// ```
    /// `n` with its thousands grouped (28 588, 28,588).
    pub fn grouped(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.thousands);
            }
            out.push(c);
        }
        out
    }

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

#[cfg(test)]
mod tests {
    use super::Strings;

    #[test]
    fn groups_thousands_by_language() {
        assert_eq!(Strings::for_lang("fr").grouped(597_106), "597\u{202f}106");
        assert_eq!(Strings::for_lang("en").grouped(1_234_567), "1,234,567");
        assert_eq!(Strings::for_lang("fr").grouped(16), "16");
        assert_eq!(Strings::for_lang("fr").grouped(100), "100");
    }
}
