//! Every French sentence of the viewer: the interface words ([`FR`]) and the wording of each
//! load, download and loading error ([`French`]). French is the page's default language.

use super::{coordinate, grouped, seconds, tenths, Messages, Strings};
use crate::load::limits::{MAX_COLLECTION_DEPTH, MAX_JSON_DEPTH};
use crate::load::{
    Expected, Failure, FetchError, Inside, JsonReason, LoadError, Problem, ProblemKind, RingAt, SheetError,
    SheetProblem, SheetProblemKind,
};

pub const FR: Strings = Strings {
    lang: "fr",
    map_label: "Carte des territoires",
    map_help: "Flèches : passer d'un territoire à l'autre ; Entrée ou Espace : ouvrir la fiche ; \
               Échap : la fermer ; + et − : zoomer ; Maj + flèches : déplacer la carte ; 0 : vue initiale.",
    zoom_in: "Zoomer",
    zoom_out: "Dézoomer",
    reset: "Vue initiale",
    fullscreen: "Plein écran",
    exit_fullscreen: "Quitter le plein écran",
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
    thousands: '\u{202f}',
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
    show_all: "Tout afficher",
    download_csv: "Télécharger la liste (CSV)",
    download_image: "Télécharger l'image",
    image_svg: "Image SVG (vectorielle)",
    image_png: "Image PNG (2×)",
    image_date: "Données au",
    image_source: "Source",
    image_keys: "Numéros sur la carte",
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
    map_help_links:
        "Chaque territoire est un lien vers sa fiche : Tab pour passer de l'un à l'autre, Entrée pour ouvrir la fiche.",
    territory_page: "Page du territoire",
    whole_map: "Carte de tous les territoires",
    skip_to_card: "Aller à la fiche",
    loading_territories: "Chargement des territoires…",
    loading_context: "Chargement du fond de carte…",
    loading_statuses: "Chargement des statuts…",
    no_status: "Sans statut",
    other_statuses: "Autres",
    size_of: "sur",
    kilobytes: "Ko",
    colon: " : ",
    semicolon: " ; ",
    not_drawn: "La carte n'a pas pu être dessinée dans cette page.",
};

/// The French wording of errors and warnings.
#[derive(Debug)]
pub struct French;

/// `1234567` → `1 234 567`.
fn int(n: usize) -> String {
    grouped(n as u64, ' ')
}

/// A byte count in mebibytes, e.g. `52,4 Mo`.
fn megabytes(n: usize) -> String {
    format!("{} Mo", tenths(n as f64 / (1024.0 * 1024.0), ','))
}

fn at(r: &RingAt) -> String {
    format!("polygone {}, anneau {}", r.polygon, r.ring)
}

/// Why the parser stopped, in French.
fn reason(r: &JsonReason) -> String {
    let inside = |i: &Inside| match i {
        Inside::List => "d'une liste",
        Inside::Object => "d'un objet",
        Inside::String => "d'une chaîne",
        Inside::Value => "d'une valeur",
    };
    match r {
        JsonReason::Truncated(i) => format!("fin du fichier au milieu {} (fichier tronqué ?)", inside(i)),
        JsonReason::ExpectedValue => "valeur attendue ; NaN, Infinity et le texte brut ne sont pas du JSON".into(),
        JsonReason::TrailingCharacters => "caractères en trop après la fin du JSON".into(),
        JsonReason::NumberOutOfRange => "nombre trop grand".into(),
        JsonReason::ControlCharacter => "caractère de contrôle dans une chaîne".into(),
        JsonReason::InvalidType(what) => format!("type inattendu : {what}"),
        JsonReason::Other(serde) => serde.clone(),
    }
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "une chaîne de caractères",
        Expected::Number => "un nombre",
        Expected::List => "une liste",
        Expected::LonLat => "une paire [longitude, latitude]",
        Expected::Object => "un objet",
    }
}

impl Messages for French {
    fn load_error(&self, e: &LoadError) -> String {
        match e {
            LoadError::Empty => "Le fichier est vide.".into(),
            LoadError::NotUtf8 { byte } => format!("Le fichier n'est pas du texte UTF-8 (octet n° {byte})."),
            LoadError::Html => "Le serveur a renvoyé une page HTML au lieu d'un fichier GeoJSON \
                                (adresse erronée ou page d'erreur)."
                .into(),
            LoadError::Json { line, column, reason: r } => {
                format!("Le fichier n'est pas du JSON valide : ligne {line}, colonne {column} ({}).", reason(r))
            }
            LoadError::NotGeoJson { line, column, reason: r } => {
                format!("Le fichier est du JSON mais pas du GeoJSON : ligne {line}, colonne {column} ({}).", reason(r))
            }
            LoadError::NotFeatureCollection { found } => {
                format!("Le fichier contient un objet GeoJSON « {found} » ; une FeatureCollection est attendue.")
            }
            LoadError::NoFeatures => "La FeatureCollection ne contient aucun territoire.".into(),
            LoadError::NoUsableTerritory { problems } => match problems.first() {
                Some(first) => {
                    format!("Aucun territoire n'a pu être dessiné. Premier problème : {}", self.problem(first))
                }
                None => "Aucun territoire n'a pu être dessiné.".into(),
            },
            LoadError::TooLarge { bytes, max } => format!(
                "Le fichier est trop volumineux : {} octets ({}), la limite est de {} octets ({}).",
                int(*bytes),
                megabytes(*bytes),
                int(*max),
                megabytes(*max)
            ),
            LoadError::TooDeep { line, column } => format!(
                "Imbrication trop profonde : plus de {MAX_JSON_DEPTH} tableaux ou objets JSON imbriqués, \
                 ligne {line}, colonne {column}."
            ),
            LoadError::TooManyFeatures { found, max } => {
                format!("Le fichier contient trop d'entités : {}, la limite est de {}.", int(*found), int(*max))
            }
            LoadError::TooManyVertices { found, max } => format!(
                "Le fichier contient trop de sommets (positions) : {}, la limite est de {}.",
                int(*found),
                int(*max)
            ),
        }
    }

    fn problem(&self, p: &Problem) -> String {
        let id = p.id.as_ref().map(|id| format!(" (id « {id} »)")).unwrap_or_default();
        format!("Entité n° {}{id} : {}", p.index, self.problem_kind(&p.kind))
    }

    fn problem_kind(&self, k: &ProblemKind) -> String {
        match k {
            ProblemKind::MissingProperty(p) => format!("la propriété obligatoire « {p} » manque ; entité ignorée."),
            ProblemKind::WrongType { property, expected: e } => {
                format!("la propriété « {property} » devrait être {} ; valeur ignorée.", expected(*e))
            }
            ProblemKind::NoGeometry => "pas de géométrie ; entité ignorée.".into(),
            ProblemKind::NotASurface { kind } => {
                format!("une géométrie « {kind} » n'est pas une surface ; elle est ignorée.")
            }
            ProblemKind::RingTooShort { at: r, positions } => {
                format!("{} : {positions} positions, il en faut au moins 4 ; anneau ignoré.", at(r))
            }
            ProblemKind::RingNotClosed { at: r } => format!("{} n'est pas fermé ; il a été refermé.", at(r)),
            ProblemKind::OutOfRange { at: r, position, lon, lat } => format!(
                "{}, position {position} : coordonnées hors limites ({}, {}) ; anneau ignoré.",
                at(r),
                coordinate(*lon),
                coordinate(*lat)
            ),
            ProblemKind::DuplicateId => "cet id est déjà utilisé ; entité ignorée.".into(),
            ProblemKind::UnknownStatus(s) => {
                format!("le statut « {s} » n'est pas décrit dans la légende ; il est affiché tel quel.")
            }
            ProblemKind::UnsafeUrl { property } => {
                format!("un lien de « {property} » n'est pas une adresse http(s) ; lien retiré.")
            }
            ProblemKind::TooDeep => format!(
                "collections de géométries imbriquées sur plus de {MAX_COLLECTION_DEPTH} niveaux ; partie ignorée."
            ),
            ProblemKind::PositionTooShort { at: r, position, numbers } => format!(
                "{}, position {position} : {numbers} nombre(s), il en faut au moins 2 \
                 (longitude, latitude) ; anneau ignoré.",
                at(r)
            ),
            ProblemKind::NoId { given, keys: Some(k) } => {
                format!("pas d'identifiant dans la propriété « {k} » ; territoire nommé « {given} ».")
            }
            ProblemKind::NoId { given, keys: None } => format!(
                "pas d'identifiant (id, code, insee, siren, id_ti…) ; territoire nommé « {given} »."
            ),
            ProblemKind::NoName { keys: Some(k) } => {
                format!("pas de nom dans la propriété « {k} » ; territoire affiché avec son identifiant.")
            }
            ProblemKind::NoName { keys: None } => {
                "pas de nom (name, nom, libelle, lib_ti…) ; territoire affiché avec son identifiant.".into()
            }
            ProblemKind::GroupedStatus { value, others, palette } => format!(
                "le statut « {value} » dépasse les {palette} couleurs de la légende ; il est regroupé dans « {others} »."
            ),
        }
    }

    fn fetch_error(&self, e: &FetchError) -> String {
        match e {
            FetchError::NoWindow => "Pas de fenêtre de navigateur.".into(),
            FetchError::Network { url } => {
                format!("Impossible de télécharger {url} : erreur réseau ou adresse inaccessible.")
            }
            FetchError::Aborted { url } => format!("Téléchargement de {url} annulé."),
            FetchError::Stalled { url, ms } => {
                format!("Le téléchargement de {url} est bloqué : aucune donnée reçue depuis {} s.", seconds(*ms, ','))
            }
            FetchError::Http { url, status, status_text } if status_text.is_empty() => {
                format!("Le serveur a répondu {status} pour {url}.")
            }
            FetchError::Http { url, status, status_text } => {
                format!("Le serveur a répondu {status} {status_text} pour {url}.")
            }
            FetchError::UnexpectedResponse { url } => format!("Réponse inattendue pour {url}."),
            FetchError::Unreadable { url } => format!("Contenu illisible pour {url}."),
        }
    }

    fn failure(&self, f: &Failure) -> String {
        match f {
            Failure::Download(e) => format!("Impossible de charger les territoires. {}", self.fetch_error(e)),
            Failure::Unusable { url, error } => {
                format!("Impossible d'afficher les territoires de {url}. {}", self.load_error(error))
            }
            Failure::ContextDownload { url, error } => {
                format!("Fond de carte {url} non affiché : {}", self.fetch_error(error))
            }
            Failure::ContextUnusable { url, error } => {
                format!("Fond de carte {url} non affiché : {}", self.load_error(error))
            }
            Failure::StatusesDownload { url, error } => {
                format!("Statuts {url} non appliqués : {}", self.fetch_error(error))
            }
            Failure::StatusesUnusable { url, error } => {
                format!("Statuts {url} non appliqués : {}", self.sheet_error(error))
            }
        }
    }

    fn sheet_error(&self, e: &SheetError) -> String {
        match e {
            SheetError::Empty => "le fichier est vide.".into(),
            SheetError::Html => "le serveur a renvoyé une page HTML au lieu d'un fichier CSV \
                                 (adresse erronée ou page d'erreur)."
                .into(),
            SheetError::Binary { byte } => format!(
                "ce n'est pas un fichier texte CSV (octet nul n° {byte}) ; enregistrez la feuille au format CSV."
            ),
            SheetError::TooLarge { bytes, max } => format!(
                "le fichier est trop volumineux : {} octets, la limite est de {} octets ({}).",
                int(*bytes),
                int(*max),
                megabytes(*max)
            ),
            SheetError::NoRows => "le fichier n'a qu'une ligne d'en-tête, aucune ligne de données.".into(),
        }
    }

    fn sheet_problem(&self, p: &SheetProblem) -> String {
        let what = match &p.kind {
            SheetProblemKind::NoIdColumn { found } => format!(
                "aucune colonne d'identifiant (id, code, insee, siren, id_ti…) parmi « {} » ; statuts non appliqués.",
                found.join(" », « ")
            ),
            SheetProblemKind::NothingToSet { found } => format!(
                "aucune colonne statut, date, lieu, projets ou lien parmi « {} » ; rien à appliquer.",
                found.join(" », « ")
            ),
            SheetProblemKind::MissingCells { found, expected } => {
                format!("{found} cellule(s) au lieu de {expected} ; les cellules manquantes sont vides.")
            }
            SheetProblemKind::EmptyId => "identifiant vide ; ligne ignorée.".into(),
            SheetProblemKind::UnknownId(id) => format!("aucun territoire n'a l'identifiant « {id} » ; ligne ignorée."),
            SheetProblemKind::DuplicateId { id, first } => {
                format!("l'identifiant « {id} » figure déjà ligne {first} ; ligne ignorée.")
            }
            SheetProblemKind::UnknownStatus(s) => {
                format!("le statut « {s} » n'est pas décrit dans la légende ; il est affiché tel quel.")
            }
            SheetProblemKind::BadDate(d) => {
                format!("date « {d} » illisible (attendu JJ/MM/AAAA ou AAAA-MM-JJ) ; date ignorée.")
            }
            SheetProblemKind::UnsafeUrl(u) => format!("le lien « {u} » n'est pas une adresse http(s) ; lien retiré."),
        };
        format!("Statuts, ligne {} : {what}", p.line)
    }
}
