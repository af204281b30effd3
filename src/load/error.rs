//! Typed load errors and warnings: what went wrong and where (line and column, feature index and
//! id, polygon, ring, position), as data. The strings table (`crate::text`) words them in French
//! or English; `Display` (implemented there, so that loading needs no wording) gives the French
//! sentence, the page's default language.

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
    Json { line: usize, column: usize, reason: JsonReason },
    /// Valid JSON, but not GeoJSON.
    NotGeoJson { line: usize, column: usize, reason: JsonReason },
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

/// Why the JSON parser stopped, sorted into the cases a reader can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonReason {
    /// The file ends inside a list, an object, a string or a value: a truncated download.
    Truncated(Inside),
    /// Not a JSON value where one is due: NaN, Infinity, bare text.
    ExpectedValue,
    /// More characters after the end of the JSON.
    TrailingCharacters,
    /// A number past what a 64-bit float holds.
    NumberOutOfRange,
    /// A control character inside a string.
    ControlCharacter,
    /// A value of another JSON type, as serde_json words it: "null, expected f64".
    InvalidType(String),
    /// Any other reason, as serde_json words it (in English).
    Other(String),
}

/// What a truncated file ends inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inside {
    List,
    Object,
    String,
    Value,
}

impl JsonReason {
    /// Sorts serde_json's message (without its " at line … column …" tail).
    pub fn from_serde(detail: &str) -> JsonReason {
        let eof = [
            ("EOF while parsing a list", Inside::List),
            ("EOF while parsing an object", Inside::Object),
            ("EOF while parsing a string", Inside::String),
            ("EOF while parsing a value", Inside::Value),
        ];
        if let Some((_, inside)) = eof.iter().find(|(serde, _)| detail.starts_with(serde)) {
            return JsonReason::Truncated(*inside);
        }
        match detail {
            "expected value" => JsonReason::ExpectedValue,
            "trailing characters" => JsonReason::TrailingCharacters,
            "number out of range" => JsonReason::NumberOutOfRange,
            "control character (\\u0000-\\u001F) found while parsing a string" => JsonReason::ControlCharacter,
            other => match other.strip_prefix("invalid type: ") {
                Some(rest) => JsonReason::InvalidType(rest.to_string()),
                None => JsonReason::Other(other.to_string()),
            },
        }
    }
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

/// The JSON type a property should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    List,
    /// A `[longitude, latitude]` pair.
    LonLat,
    Object,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A required property is absent or empty; the feature is skipped.
    MissingProperty(&'static str),
    /// A property has the wrong JSON type; required ones skip the feature, optional ones are ignored.
    WrongType { property: String, expected: Expected },
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
    /// No id under the chosen key (`keys`) or the usual ones; the feature is known by `given`
    /// (its name, else its number in the file from 1).
    NoId { given: String, keys: Option<String> },
    /// No name under the chosen key (`keys`) or the usual ones; the feature is shown with its id.
    NoName { keys: Option<String> },
    /// A status past the generated legend's `palette` entries; drawn in the `others` entry.
    GroupedStatus { value: String, others: String, palette: usize },
}

impl std::error::Error for LoadError {}

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
        let e = LoadError::Json { line: 2, column: 5, reason: JsonReason::Other("EOF".into()) };
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
    }

    #[test]
    fn parser_reasons_are_sorted() {
        assert_eq!(JsonReason::from_serde("EOF while parsing a list"), JsonReason::Truncated(Inside::List));
        assert_eq!(JsonReason::from_serde("expected value"), JsonReason::ExpectedValue);
        let control = "control character (\\u0000-\\u001F) found while parsing a string";
        assert_eq!(JsonReason::from_serde(control), JsonReason::ControlCharacter);
        assert_eq!(
            JsonReason::from_serde("invalid type: null, expected f64"),
            JsonReason::InvalidType("null, expected f64".into())
        );
        assert_eq!(JsonReason::from_serde("something new"), JsonReason::Other("something new".into()));
    }
}
