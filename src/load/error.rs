//! Typed load errors and warnings. Each says what went wrong and where (line and column, feature
//! index and id, polygon, ring, position) in a French sentence a reader of the page can act on.

use std::fmt;

/// Why a file could not be used at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file is empty or only white space.
    Empty,
    /// The bytes are not UTF-8 text.
    NotUtf8 { byte: usize },
    /// The server sent an HTML page (often an error page) instead of JSON.
    Html,
    /// The text is not valid JSON.
    Json { line: usize, column: usize, detail: String },
    /// Valid JSON, but not GeoJSON.
    NotGeoJson { line: usize, column: usize, detail: String },
    /// GeoJSON, but a bare Geometry or Feature where a FeatureCollection is expected.
    NotFeatureCollection { found: &'static str },
    /// A FeatureCollection with no feature at all.
    NoFeatures,
    /// Features were there, but none could be drawn; the problems say why.
    NoUsableTerritory { problems: Vec<Problem> },
    /// The file is longer than [`MAX_FILE_BYTES`](super::limits::MAX_FILE_BYTES); not parsed.
    TooLarge { bytes: usize, max: usize },
    /// Arrays or objects nested deeper than [`MAX_JSON_DEPTH`](super::limits::MAX_JSON_DEPTH).
    TooDeep { line: usize, column: usize },
    /// More features than [`MAX_FEATURES`](super::limits::MAX_FEATURES).
    TooManyFeatures { found: usize, max: usize },
    /// More positions in the file than [`MAX_VERTICES`](super::limits::MAX_VERTICES).
    TooManyVertices { found: usize, max: usize },
}

/// Something wrong with one feature; the feature or a part of it is skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Index of the feature in the file, from 0.
    pub index: usize,
    /// Its id, when it has one.
    pub id: Option<String>,
    pub kind: ProblemKind,
}

/// Where inside a geometry a problem is: polygon and ring indices, from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RingAt {
    pub polygon: usize,
    pub ring: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A required property is absent or empty; the feature is skipped.
    MissingProperty(&'static str),
    /// A property has the wrong JSON type; required ones skip the feature, optional ones are ignored.
    WrongType { property: String, expected: &'static str },
    /// No geometry, or an empty one; the feature is skipped.
    NoGeometry,
    /// Points and lines cannot be a territory; that geometry is skipped.
    NotASurface { kind: &'static str },
    /// A ring with fewer than 4 positions; skipped (a whole polygon if it is the exterior).
    RingTooShort { at: RingAt, positions: usize },
    /// A ring whose last position differs from its first; it was closed.
    RingNotClosed { at: RingAt },
    /// A position outside longitude −180…180 or latitude −90…90; the ring is skipped.
    OutOfRange { at: RingAt, position: usize, lon: f64, lat: f64 },
    /// Two features with the same id; the later one is skipped.
    DuplicateId,
    /// A status not described in the legend; it gets a category of its own.
    UnknownStatus(String),
    /// A link whose address is not http(s); the text is kept, the link dropped.
    UnsafeUrl { property: &'static str },
    /// GeometryCollections nested deeper than the viewer accepts; the extra depth is skipped.
    TooDeep,
    /// A position with fewer than 2 numbers; the ring is skipped.
    PositionTooShort { at: RingAt, position: usize, numbers: usize },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty => write!(f, "Le fichier est vide."),
            LoadError::NotUtf8 { byte } => {
                write!(f, "Le fichier n'est pas du texte UTF-8 (octet n° {byte}).")
            }
            LoadError::Html => write!(
                f,
                "Le serveur a renvoyé une page HTML au lieu d'un fichier GeoJSON \
                 (adresse erronée ou page d'erreur)."
            ),
            LoadError::Json { line, column, detail } => {
                write!(f, "Le fichier n'est pas du JSON valide : ligne {line}, colonne {column} ({detail}).")
            }
            LoadError::NotGeoJson { line, column, detail } => {
                write!(f, "Le fichier est du JSON mais pas du GeoJSON : ligne {line}, colonne {column} ({detail}).")
            }
            LoadError::NotFeatureCollection { found } => {
                write!(f, "Le fichier contient un objet GeoJSON « {found} » ; une FeatureCollection est attendue.")
            }
            LoadError::NoFeatures => write!(f, "La FeatureCollection ne contient aucun territoire."),
            LoadError::NoUsableTerritory { problems } => {
                write!(f, "Aucun territoire n'a pu être dessiné.")?;
                if let Some(first) = problems.first() {
                    write!(f, " Premier problème : {first}")?;
                }
                Ok(())
            }
            LoadError::TooLarge { bytes, max } => write!(
                f,
                "Le fichier est trop volumineux : {} octets ({}), la limite est de {} octets ({}).",
                grouped(*bytes),
                megabytes(*bytes),
                grouped(*max),
                megabytes(*max)
            ),
            LoadError::TooDeep { line, column } => write!(
                f,
                "Imbrication trop profonde : plus de {} tableaux ou objets JSON imbriqués, \
                 ligne {line}, colonne {column}.",
                super::limits::MAX_JSON_DEPTH
            ),
            LoadError::TooManyFeatures { found, max } => write!(
                f,
                "Le fichier contient trop d'entités : {}, la limite est de {}.",
                grouped(*found),
                grouped(*max)
            ),
            LoadError::TooManyVertices { found, max } => write!(
                f,
                "Le fichier contient trop de sommets (positions) : {}, la limite est de {}.",
                grouped(*found),
                grouped(*max)
            ),
        }
    }
}

/// A coordinate as written in a message: plain when short, `1e300` rather than 301 digits.
fn number(x: f64) -> String {
    if x.is_finite() && x.abs() >= 1e7 {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// serde_json's English reason for a parse error, in French when it is one of the usual ones.
pub(super) fn french_detail(detail: &str) -> String {
    const TRUNCATED: &str = "(fichier tronqué ?)";
    let known = [
        ("EOF while parsing a list", "fin du fichier au milieu d'une liste"),
        ("EOF while parsing an object", "fin du fichier au milieu d'un objet"),
        ("EOF while parsing a string", "fin du fichier au milieu d'une chaîne"),
        ("EOF while parsing a value", "fin du fichier au milieu d'une valeur"),
    ];
    if let Some((_, fr)) = known.iter().find(|(en, _)| detail.starts_with(en)) {
        return format!("{fr} {TRUNCATED}");
    }
    match detail {
        "expected value" => "valeur attendue ; NaN, Infinity et le texte brut ne sont pas du JSON".into(),
        "trailing characters" => "caractères en trop après la fin du JSON".into(),
        "number out of range" => "nombre trop grand".into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle dans une chaîne".into()
        }
        other => match other.strip_prefix("invalid type: ") {
            Some(rest) => format!("type inattendu : {rest}"),
            None => other.to_string(),
        },
    }
}

/// `1234567` → `1 234 567`, the French way of grouping digits.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A byte count in mebibytes with one decimal and a French comma, e.g. `52,4 Mo`.
fn megabytes(n: usize) -> String {
    let tenths = (n as f64 / (1024.0 * 1024.0) * 10.0).round() as u64;
    match tenths % 10 {
        0 => format!("{} Mo", tenths / 10),
        d => format!("{},{d} Mo", tenths / 10),
    }
}

impl std::error::Error for LoadError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Entité n° {}", self.index)?;
        if let Some(id) = &self.id {
            write!(f, " (id « {id} »)")?;
        }
        write!(f, " : {}", self.kind)
    }
}

impl fmt::Display for RingAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "polygone {}, anneau {}", self.polygon, self.ring)
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::MissingProperty(p) => {
                write!(f, "la propriété obligatoire « {p} » manque ; entité ignorée.")
            }
            ProblemKind::WrongType { property, expected } => {
                write!(f, "la propriété « {property} » devrait être {expected} ; valeur ignorée.")
            }
            ProblemKind::NoGeometry => write!(f, "pas de géométrie ; entité ignorée."),
            ProblemKind::NotASurface { kind } => {
                write!(f, "une géométrie « {kind} » n'est pas une surface ; elle est ignorée.")
            }
            ProblemKind::RingTooShort { at, positions } => {
                write!(f, "{at} : {positions} positions, il en faut au moins 4 ; anneau ignoré.")
            }
            ProblemKind::RingNotClosed { at } => {
                write!(f, "{at} n'est pas fermé ; il a été refermé.")
            }
            ProblemKind::OutOfRange { at, position, lon, lat } => write!(
                f,
                "{at}, position {position} : coordonnées hors limites ({}, {}) ; anneau ignoré.",
                number(*lon),
                number(*lat)
            ),
            ProblemKind::DuplicateId => write!(f, "cet id est déjà utilisé ; entité ignorée."),
            ProblemKind::UnknownStatus(s) => {
                write!(f, "le statut « {s} » n'est pas décrit dans la légende ; il est affiché tel quel.")
            }
            ProblemKind::UnsafeUrl { property } => {
                write!(f, "un lien de « {property} » n'est pas une adresse http(s) ; lien retiré.")
            }
            ProblemKind::TooDeep => write!(
                f,
                "collections de géométries imbriquées sur plus de {} niveaux ; partie ignorée.",
                super::limits::MAX_COLLECTION_DEPTH
            ),
            ProblemKind::PositionTooShort { at, position, numbers } => write!(
                f,
                "{at}, position {position} : {numbers} nombre(s), il en faut au moins 2 \
                 (longitude, latitude) ; anneau ignoré."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_where() {
        let p = Problem {
            index: 3,
            id: Some("vosges".into()),
            kind: ProblemKind::OutOfRange { at: RingAt { polygon: 0, ring: 1 }, position: 7, lon: 200.0, lat: 48.0 },
        };
        let s = p.to_string();
        assert!(s.contains("n° 3") && s.contains("vosges") && s.contains("anneau 1"), "{s}");
        assert!(s.contains("position 7") && s.contains("200"), "{s}");
        let e = LoadError::Json { line: 2, column: 5, detail: "EOF".into() };
        assert!(e.to_string().contains("ligne 2, colonne 5"));
    }

    #[test]
    fn limit_messages_name_the_limit_and_the_value() {
        let e = LoadError::TooLarge { bytes: 55_000_000, max: 52_428_800 };
        assert_eq!(
            e.to_string(),
            "Le fichier est trop volumineux : 55 000 000 octets (52,5 Mo), \
             la limite est de 52 428 800 octets (50 Mo)."
        );
        let e = LoadError::TooManyFeatures { found: 50_001, max: 50_000 };
        assert!(e.to_string().contains("50 001") && e.to_string().contains("50 000"), "{e}");
        let e = LoadError::TooManyVertices { found: 2_000_001, max: 2_000_000 };
        assert!(e.to_string().contains("sommets") && e.to_string().contains("2 000 001"), "{e}");
        let e = LoadError::TooDeep { line: 1, column: 129 };
        assert!(e.to_string().contains("Imbrication trop profonde") && e.to_string().contains("colonne 129"), "{e}");
        let p = ProblemKind::OutOfRange { at: RingAt { polygon: 0, ring: 0 }, position: 0, lon: 1e300, lat: 48.5 };
        assert!(p.to_string().contains("(1e300, 48.5)"), "{p}");
        assert_eq!(
            french_detail("EOF while parsing a list"),
            "fin du fichier au milieu d'une liste (fichier tronqué ?)"
        );
        assert_eq!(french_detail("invalid type: null, expected f64"), "type inattendu : null, expected f64");
        assert_eq!(french_detail("something new"), "something new");
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1 000");
    }
}
