//! The strings table in both languages: every error variant worded in French and in English,
//! saying where, and no French left in the English sentences.

use super::*;
use crate::load::{JsonReason, RingAt, SheetProblemKind};

const URL: &str = "https://example.org/t.geojson";
const AT: RingAt = RingAt { polygon: 2, ring: 1 };

fn url() -> String {
    URL.to_string()
}

/// One load error of each variant, with what its sentence must name (in both languages).
fn load_errors() -> Vec<(LoadError, Vec<&'static str>)> {
    let first = Problem { index: 4, id: Some("vosges".into()), kind: ProblemKind::MissingProperty("status") };
    let errors = vec![
        (LoadError::Empty, vec![]),
        (LoadError::NotUtf8 { byte: 96 }, vec!["96", "UTF-8"]),
        (LoadError::Html, vec!["HTML"]),
        (
            LoadError::Json { line: 69, column: 10, reason: JsonReason::from_serde("EOF while parsing a list") },
            vec!["69", "10"],
        ),
        (
            LoadError::NotGeoJson { line: 29, column: 20, reason: JsonReason::from_serde("unknown variant `Circle`") },
            vec!["29", "20"],
        ),
        (LoadError::NotFeatureCollection { found: "Polygon" }, vec!["Polygon", "FeatureCollection"]),
        (LoadError::NoFeatures, vec!["FeatureCollection"]),
        (LoadError::NoUsableTerritory { problems: vec![first] }, vec!["4", "vosges", "status"]),
        (LoadError::TooLarge { bytes: 55_000_000, max: 52_428_800 }, vec!["55", "52.5", "50"]),
        (LoadError::TooDeep { line: 1, column: 129 }, vec!["128", "129"]),
        (LoadError::TooManyFeatures { found: 50_001, max: 50_000 }, vec!["50", "001"]),
        (LoadError::TooManyVertices { found: 2_000_005, max: 2_000_000 }, vec!["2", "005"]),
    ];
    // Fails to compile when a variant is added without a sample here.
    let seen: Vec<usize> = errors
        .iter()
        .map(|(e, _)| match e {
            LoadError::Empty => 0,
            LoadError::NotUtf8 { .. } => 1,
            LoadError::Html => 2,
            LoadError::Json { .. } => 3,
            LoadError::NotGeoJson { .. } => 4,
            LoadError::NotFeatureCollection { .. } => 5,
            LoadError::NoFeatures => 6,
            LoadError::NoUsableTerritory { .. } => 7,
            LoadError::TooLarge { .. } => 8,
            LoadError::TooDeep { .. } => 9,
            LoadError::TooManyFeatures { .. } => 10,
            LoadError::TooManyVertices { .. } => 11,
        })
        .collect();
    assert_eq!(seen, (0..12).collect::<Vec<_>>());
    errors
}

/// One parser reason of each variant, inside an invalid-JSON error at line 12, column 34.
fn json_reasons() -> Vec<(LoadError, Vec<&'static str>)> {
    use crate::load::Inside;
    let reasons = vec![
        JsonReason::Truncated(Inside::List),
        JsonReason::Truncated(Inside::Object),
        JsonReason::Truncated(Inside::String),
        JsonReason::Truncated(Inside::Value),
        JsonReason::ExpectedValue,
        JsonReason::TrailingCharacters,
        JsonReason::NumberOutOfRange,
        JsonReason::ControlCharacter,
        JsonReason::InvalidType("null, expected f64".into()),
        JsonReason::Other("unknown variant `Circle`".into()),
    ];
    let seen: Vec<usize> = reasons
        .iter()
        .map(|r| match r {
            JsonReason::Truncated(_) => 0,
            JsonReason::ExpectedValue => 1,
            JsonReason::TrailingCharacters => 2,
            JsonReason::NumberOutOfRange => 3,
            JsonReason::ControlCharacter => 4,
            JsonReason::InvalidType(_) => 5,
            JsonReason::Other(_) => 6,
        })
        .collect();
    assert_eq!(seen, [0, 0, 0, 0, 1, 2, 3, 4, 5, 6]);
    reasons.into_iter().map(|reason| (LoadError::Json { line: 12, column: 34, reason }, vec!["12", "34"])).collect()
}

/// One problem of each kind, on feature n° 7 "meuse", with what its sentence must name.
fn problems() -> Vec<(Problem, Vec<&'static str>)> {
    let kinds = vec![
        (ProblemKind::MissingProperty("name"), vec!["name"]),
        (
            ProblemKind::WrongType { property: "projects".into(), expected: crate::load::Expected::List },
            vec!["projects"],
        ),
        (ProblemKind::NoGeometry, vec![]),
        (ProblemKind::NotASurface { kind: "LineString" }, vec!["LineString"]),
        (ProblemKind::RingTooShort { at: AT, positions: 3 }, vec!["2", "1", "3"]),
        (ProblemKind::RingNotClosed { at: AT }, vec!["2", "1"]),
        (ProblemKind::OutOfRange { at: AT, position: 5, lon: 1e300, lat: 95.0 }, vec!["5", "1e300", "95"]),
        (ProblemKind::DuplicateId, vec!["id"]),
        (ProblemKind::UnknownStatus("annule".into()), vec!["annule"]),
        (ProblemKind::UnsafeUrl { property: "sources" }, vec!["sources", "http(s)"]),
        (ProblemKind::TooDeep, vec!["8"]),
        (ProblemKind::PositionTooShort { at: AT, position: 3, numbers: 1 }, vec!["3", "1"]),
        (ProblemKind::NoId { given: "Marne".into(), keys: Some("code_dep".into()) }, vec!["Marne", "code_dep"]),
        (ProblemKind::NoName { keys: None }, vec!["nom"]),
        (
            ProblemKind::GroupedStatus { value: "v9".into(), others: "Autres".into(), palette: 8 },
            vec!["v9", "8", "Autres"],
        ),
    ];
    let seen: Vec<usize> = kinds
        .iter()
        .map(|(k, _)| match k {
            ProblemKind::MissingProperty(_) => 0,
            ProblemKind::WrongType { .. } => 1,
            ProblemKind::NoGeometry => 2,
            ProblemKind::NotASurface { .. } => 3,
            ProblemKind::RingTooShort { .. } => 4,
            ProblemKind::RingNotClosed { .. } => 5,
            ProblemKind::OutOfRange { .. } => 6,
            ProblemKind::DuplicateId => 7,
            ProblemKind::UnknownStatus(_) => 8,
            ProblemKind::UnsafeUrl { .. } => 9,
            ProblemKind::TooDeep => 10,
            ProblemKind::PositionTooShort { .. } => 11,
            ProblemKind::NoId { .. } => 12,
            ProblemKind::NoName { .. } => 13,
            ProblemKind::GroupedStatus { .. } => 14,
        })
        .collect();
    assert_eq!(seen, (0..15).collect::<Vec<_>>());
    kinds
        .into_iter()
        .map(|(kind, mut says)| {
            says.extend(["7", "meuse"]);
            (Problem { index: 7, id: Some("meuse".into()), kind }, says)
        })
        .collect()
}

/// One download error of each variant, with what its sentence must name.
fn fetch_errors() -> Vec<(FetchError, Vec<&'static str>)> {
    let errors = vec![
        (FetchError::NoWindow, vec![]),
        (FetchError::Network { url: url() }, vec![URL]),
        (FetchError::Aborted { url: url() }, vec![URL]),
        (FetchError::Stalled { url: url(), ms: 15_000 }, vec![URL, "15 s"]),
        (FetchError::Http { url: url(), status: 404, status_text: "Not Found".into() }, vec![URL, "404 Not Found"]),
        (FetchError::UnexpectedResponse { url: url() }, vec![URL]),
        (FetchError::Unreadable { url: url() }, vec![URL]),
    ];
    let seen: Vec<usize> = errors
        .iter()
        .map(|(e, _)| match e {
            FetchError::NoWindow => 0,
            FetchError::Network { .. } => 1,
            FetchError::Aborted { .. } => 2,
            FetchError::Stalled { .. } => 3,
            FetchError::Http { .. } => 4,
            FetchError::UnexpectedResponse { .. } => 5,
            FetchError::Unreadable { .. } => 6,
        })
        .collect();
    assert_eq!(seen, (0..7).collect::<Vec<_>>());
    errors
}

/// One failure of each variant, with what its sentence must name.
fn failures() -> Vec<(Failure, Vec<&'static str>)> {
    let http = FetchError::Http { url: url(), status: 503, status_text: String::new() };
    let failures = vec![
        (Failure::Download(http.clone()), vec![URL, "503"]),
        (Failure::Unusable { url: url(), error: LoadError::TooDeep { line: 3, column: 9 } }, vec![URL, "3", "9"]),
        (Failure::ContextDownload { url: "c.geojson".into(), error: http }, vec!["c.geojson", URL, "503"]),
        (Failure::ContextUnusable { url: "c.geojson".into(), error: LoadError::Empty }, vec!["c.geojson"]),
        (Failure::StatusesDownload { url: "s.csv".into(), error: FetchError::NoWindow }, vec!["s.csv"]),
        (Failure::StatusesUnusable { url: "s.csv".into(), error: SheetError::Html }, vec!["s.csv", "HTML"]),
    ];
    let seen: Vec<usize> = failures
        .iter()
        .map(|(f, _)| match f {
            Failure::Download(_) => 0,
            Failure::Unusable { .. } => 1,
            Failure::ContextDownload { .. } => 2,
            Failure::ContextUnusable { .. } => 3,
            Failure::StatusesDownload { .. } => 4,
            Failure::StatusesUnusable { .. } => 5,
        })
        .collect();
    assert_eq!(seen, (0..6).collect::<Vec<_>>());
    failures
}

/// One status sheet error and one line problem of each variant, with what the sentence must name.
fn sheet_sentences(s: &Strings) -> Vec<(String, Vec<&'static str>)> {
    let errors = [
        (SheetError::Empty, vec![]),
        (SheetError::Html, vec!["HTML"]),
        (SheetError::Binary { byte: 3 }, vec!["3", "CSV"]),
        (SheetError::TooLarge { bytes: 6_000_000, max: 5_242_880 }, vec!["000"]),
        (SheetError::NoRows, vec![]),
    ];
    let kinds = [
        (SheetProblemKind::NoIdColumn { found: vec!["nom".into()] }, vec!["nom"]),
        (SheetProblemKind::NothingToSet { found: vec!["code".into()] }, vec!["code"]),
        (SheetProblemKind::MissingCells { found: 2, expected: 5 }, vec!["2", "5"]),
        (SheetProblemKind::EmptyId, vec![]),
        (SheetProblemKind::UnknownId("99".into()), vec!["99"]),
        (SheetProblemKind::DuplicateId { id: "51".into(), first: 3 }, vec!["51", "3"]),
        (SheetProblemKind::UnknownStatus("cancelled".into()), vec!["cancelled"]),
        (SheetProblemKind::BadDate("31/02/20".into()), vec!["31/02/20"]),
        (SheetProblemKind::UnsafeUrl("javascript:x".into()), vec!["javascript:x"]),
    ];
    let mut out: Vec<(String, Vec<&'static str>)> =
        errors.into_iter().map(|(e, says)| (s.messages().sheet_error(&e), says)).collect();
    for (kind, mut says) in kinds {
        says.push("12");
        out.push((s.sheet_problem(&SheetProblem { line: 12, kind }), says));
    }
    out
}

/// Every sample sentence in one language, with what it must name.
fn all_sentences(s: &Strings) -> Vec<(String, Vec<&'static str>)> {
    let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
    out.extend(load_errors().into_iter().chain(json_reasons()).map(|(e, says)| (s.load_error(&e), says)));
    out.extend(problems().into_iter().map(|(p, says)| (s.problem(&p), says)));
    out.extend(fetch_errors().into_iter().map(|(e, says)| (s.fetch_error(&e), says)));
    out.extend(failures().into_iter().map(|(f, says)| (s.failure(&f), says)));
    // The one failure worded as a plain string of the table (the map not drawn).
    out.push((s.not_drawn.to_string(), vec![]));
    out.extend(sheet_sentences(s));
    out
}

#[test]
fn every_variant_is_worded_in_both_languages_and_says_where() {
    let (fr, en) = (all_sentences(&FR), all_sentences(&EN));
    assert_eq!(fr.len(), en.len());
    for ((f, says), (e, _)) in fr.iter().zip(&en) {
        assert!(f.len() > 10 && e.len() > 10, "{f:?} / {e:?}");
        assert_ne!(f, e, "the same sentence in both languages");
        for bit in says {
            // French groups digits with spaces and writes a decimal comma.
            let (f_bare, fr_bit) = (f.replace(' ', ""), bit.replace(' ', ""));
            let said = f_bare.contains(&fr_bit) || f_bare.contains(&fr_bit.replace('.', ","));
            assert!(said, "{f:?} does not say {bit:?}");
            assert!(e.replace(',', "").contains(bit), "{e:?} does not say {bit:?}");
        }
    }
}

#[test]
fn no_french_is_left_in_english_sentences() {
    const FRENCH: [&str; 20] = [
        "fichier",
        "ligne",
        "colonne",
        "entité",
        "anneau",
        "polygone",
        "propriété",
        "octet",
        " Mo",
        "serveur",
        "téléchargement",
        "impossible",
        "fond de carte",
        "ignoré",
        "limite est",
        "«",
        "»",
        " ; ",
        " : ",
        "n°",
    ];
    for (e, _) in all_sentences(&EN) {
        let lower = e.to_lowercase();
        for w in FRENCH {
            assert!(!lower.contains(w), "French {w:?} in {e:?}");
        }
        assert!(!e.chars().any(|c| "éèêàçùôî".contains(c)), "a French letter in {e:?}");
    }
}

#[test]
fn sample_sentences_word_for_word() {
    let e = LoadError::TooLarge { bytes: 55_000_000, max: 52_428_800 };
    assert_eq!(
        FR.load_error(&e),
        "Le fichier est trop volumineux : 55 000 000 octets (52,5 Mo), la limite est de 52 428 800 octets (50 Mo)."
    );
    assert_eq!(
        EN.load_error(&e),
        "The file is too large: 55,000,000 bytes (52.5 MB), the limit is 52,428,800 bytes (50 MB)."
    );
    let e = LoadError::Json { line: 69, column: 10, reason: JsonReason::from_serde("EOF while parsing a list") };
    assert_eq!(
        FR.load_error(&e),
        "Le fichier n'est pas du JSON valide : ligne 69, colonne 10 \
         (fin du fichier au milieu d'une liste (fichier tronqué ?))."
    );
    assert_eq!(
        EN.load_error(&e),
        "The file is not valid JSON: line 69, column 10 (the file ends inside a list (truncated file?))."
    );
    let p = Problem { index: 1, id: Some("b".into()), kind: ProblemKind::MissingProperty("name") };
    assert_eq!(FR.problem(&p), "Entité n° 1 (id « b ») : la propriété obligatoire « name » manque ; entité ignorée.");
    assert_eq!(EN.problem(&p), "Feature #1 (id “b”): the required property “name” is missing; feature skipped.");
    let stalled = |ms| FetchError::Stalled { url: "a.geojson".into(), ms };
    assert_eq!(
        FR.fetch_error(&stalled(15_000)),
        "Le téléchargement de a.geojson est bloqué : aucune donnée reçue depuis 15 s."
    );
    assert_eq!(
        FR.fetch_error(&stalled(1_500)),
        "Le téléchargement de a.geojson est bloqué : aucune donnée reçue depuis 1,5 s."
    );
    assert_eq!(EN.fetch_error(&stalled(1_500)), "The download of a.geojson has stalled: no data received for 1.5 s.");
    let f = Failure::Download(FetchError::Http { url: "t.geojson".into(), status: 404, status_text: String::new() });
    assert_eq!(FR.failure(&f), "Impossible de charger les territoires. Le serveur a répondu 404 pour t.geojson.");
    assert_eq!(EN.failure(&f), "Could not load the territories. The server answered 404 for t.geojson.");
}

#[test]
fn parser_reasons_are_put_into_words() {
    let json = |serde: &str| LoadError::Json { line: 1, column: 1, reason: JsonReason::from_serde(serde) };
    let fr = FR.load_error(&json("invalid type: null, expected f64"));
    assert!(fr.contains("(type inattendu : null, expected f64)"), "{fr}");
    let en = EN.load_error(&json("expected value"));
    assert!(en.contains("NaN, Infinity and bare text are not JSON"), "{en}");
    let new = FR.load_error(&json("something new"));
    assert!(new.contains("(something new)"), "{new}");
}

#[test]
fn numbers_are_written_the_way_of_each_language() {
    assert_eq!(grouped(0, ' '), "0");
    assert_eq!(grouped(999, ' '), "999");
    assert_eq!(grouped(1000, ' '), "1 000");
    assert_eq!(grouped(1_234_567, ','), "1,234,567");
    assert_eq!(tenths(52.44, ','), "52,4");
    assert_eq!(tenths(50.0, '.'), "50");
    assert_eq!(seconds(1_000, ','), "1");
    assert_eq!(seconds(2_500, '.'), "2.5");
    assert_eq!(coordinate(1e300), "1e300");
    assert_eq!(coordinate(48.5), "48.5");
}

#[test]
fn lang_picks_the_table() {
    assert_eq!(Strings::for_lang("en-GB").lang, "en");
    assert_eq!(Strings::for_lang(" EN ").lang, "en");
    assert_eq!(Strings::for_lang("fr").lang, "fr");
    assert_eq!(Strings::for_lang("de").lang, "fr");
    assert_eq!(EN.date_long("2019-11-19"), "19 November 2019");
    assert_eq!(EN.retry, "Try again");
    assert_eq!(FR.labelled(FR.date, "19 novembre 2019"), "Date : 19 novembre 2019");
    assert_eq!(EN.labelled(EN.place, "Mulhouse"), "Place: Mulhouse");
}
