//! Every English sentence of the viewer, for hosts that ask for `lang=en`: the interface words
//! ([`EN`]) and the wording of each load, download and loading error ([`English`]). Data texts
//! (names, statuses, projects, notes) stay as the file gives them.

use super::{coordinate, grouped, seconds, tenths, Messages, Strings};
use crate::load::limits::{MAX_COLLECTION_DEPTH, MAX_JSON_DEPTH};
use crate::load::{
    Expected, Failure, FetchError, Inside, JsonReason, LoadError, Problem, ProblemKind, RingAt, SheetError,
    SheetProblem, SheetProblemKind,
};

pub const EN: Strings = Strings {
    lang: "en",
    map_label: "Map of the territories",
    map_help: "Arrows: move between territories; Enter or Space: open its card; Escape: close it; \
               + and −: zoom; Shift + arrows: move the map; 0: initial view.",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset: "Initial view",
    fullscreen: "Full screen",
    exit_fullscreen: "Exit full screen",
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
    thousands: ',',
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
    show_all: "Show all",
    download_csv: "Download the list (CSV)",
    download_image: "Download the image",
    image_svg: "SVG image (vector)",
    image_png: "PNG image (2×)",
    image_date: "Data as of",
    image_source: "Source",
    image_keys: "Numbers on the map",
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
    map_help_links: "Each territory is a link to its card: Tab moves from one to the next, Enter opens the card.",
    territory_page: "Page of the territory",
    whole_map: "Map of all the territories",
    skip_to_card: "Skip to the card",
    loading_territories: "Loading the territories…",
    loading_context: "Loading the background map…",
    loading_statuses: "Loading the statuses…",
    no_status: "No status",
    other_statuses: "Others",
    size_of: "of",
    kilobytes: "KB",
    colon: ": ",
    semicolon: "; ",
    not_drawn: "The map could not be drawn in this page.",
};

/// The English wording of errors and warnings.
#[derive(Debug)]
pub struct English;

/// `1234567` → `1,234,567`.
fn int(n: usize) -> String {
    grouped(n as u64, ',')
}

/// A byte count in mebibytes, e.g. `52.4 MB`.
fn megabytes(n: usize) -> String {
    format!("{} MB", tenths(n as f64 / (1024.0 * 1024.0), '.'))
}

fn at(r: &RingAt) -> String {
    format!("polygon {}, ring {}", r.polygon, r.ring)
}

/// Why the parser stopped, in English.
fn reason(r: &JsonReason) -> String {
    let inside = |i: &Inside| match i {
        Inside::List => "a list",
        Inside::Object => "an object",
        Inside::String => "a string",
        Inside::Value => "a value",
    };
    match r {
        JsonReason::Truncated(i) => format!("the file ends inside {} (truncated file?)", inside(i)),
        JsonReason::ExpectedValue => "a value was expected; NaN, Infinity and bare text are not JSON".into(),
        JsonReason::TrailingCharacters => "extra characters after the end of the JSON".into(),
        JsonReason::NumberOutOfRange => "number too large".into(),
        JsonReason::ControlCharacter => "control character in a string".into(),
        JsonReason::InvalidType(what) => format!("unexpected type: {what}"),
        JsonReason::Other(serde) => serde.clone(),
    }
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "a string",
        Expected::Number => "a number",
        Expected::List => "a list",
        Expected::LonLat => "a [longitude, latitude] pair",
        Expected::Object => "an object",
    }
}

impl Messages for English {
    fn load_error(&self, e: &LoadError) -> String {
        match e {
            LoadError::Empty => "The file is empty.".into(),
            LoadError::NotUtf8 { byte } => format!("The file is not UTF-8 text (byte {byte})."),
            LoadError::Html => {
                "The server sent an HTML page instead of a GeoJSON file (wrong address or error page).".into()
            }
            LoadError::Json { line, column, reason: r } => {
                format!("The file is not valid JSON: line {line}, column {column} ({}).", reason(r))
            }
            LoadError::NotGeoJson { line, column, reason: r } => {
                format!("The file is JSON but not GeoJSON: line {line}, column {column} ({}).", reason(r))
            }
            LoadError::NotFeatureCollection { found } => {
                format!("The file holds a GeoJSON “{found}” object; a FeatureCollection is expected.")
            }
            LoadError::NoFeatures => "The FeatureCollection holds no territory.".into(),
            LoadError::NoUsableTerritory { problems } => match problems.first() {
                Some(first) => format!("No territory could be drawn. First problem: {}", self.problem(first)),
                None => "No territory could be drawn.".into(),
            },
            LoadError::TooLarge { bytes, max } => format!(
                "The file is too large: {} bytes ({}), the limit is {} bytes ({}).",
                int(*bytes),
                megabytes(*bytes),
                int(*max),
                megabytes(*max)
            ),
            LoadError::TooDeep { line, column } => format!(
                "Nesting too deep: more than {MAX_JSON_DEPTH} JSON arrays or objects inside one another, \
                 line {line}, column {column}."
            ),
            LoadError::TooManyFeatures { found, max } => {
                format!("The file holds too many features: {}, the limit is {}.", int(*found), int(*max))
            }
            LoadError::TooManyVertices { found, max } => {
                format!("The file holds too many vertices (positions): {}, the limit is {}.", int(*found), int(*max))
            }
        }
    }

    fn problem(&self, p: &Problem) -> String {
        let id = p.id.as_ref().map(|id| format!(" (id “{id}”)")).unwrap_or_default();
        format!("Feature #{}{id}: {}", p.index, self.problem_kind(&p.kind))
    }

    fn problem_kind(&self, k: &ProblemKind) -> String {
        match k {
            ProblemKind::MissingProperty(p) => format!("the required property “{p}” is missing; feature skipped."),
            ProblemKind::WrongType { property, expected: e } => {
                format!("the property “{property}” should be {}; value ignored.", expected(*e))
            }
            ProblemKind::NoGeometry => "no geometry; feature skipped.".into(),
            ProblemKind::NotASurface { kind } => format!("a “{kind}” geometry is not a surface; it is skipped."),
            ProblemKind::RingTooShort { at: r, positions } => {
                format!("{}: {positions} positions, at least 4 are needed; ring skipped.", at(r))
            }
            ProblemKind::RingNotClosed { at: r } => format!("{} was not closed; it has been closed.", at(r)),
            ProblemKind::OutOfRange { at: r, position, lon, lat } => format!(
                "{}, position {position}: coordinates out of range ({}, {}); ring skipped.",
                at(r),
                coordinate(*lon),
                coordinate(*lat)
            ),
            ProblemKind::DuplicateId => "this id is already used; feature skipped.".into(),
            ProblemKind::UnknownStatus(s) => {
                format!("the status “{s}” is not described in the legend; it is shown as written.")
            }
            ProblemKind::UnsafeUrl { property } => {
                format!("a link in “{property}” is not an http(s) address; link removed.")
            }
            ProblemKind::TooDeep => {
                format!(
                    "geometry collections nested more than {MAX_COLLECTION_DEPTH} levels deep; that part is skipped."
                )
            }
            ProblemKind::PositionTooShort { at: r, position, numbers } => format!(
                "{}, position {position}: {numbers} number(s), at least 2 are needed (longitude, latitude); \
                 ring skipped.",
                at(r)
            ),
            ProblemKind::NoId { given, keys: Some(k) } => {
                format!("no id in the property “{k}”; territory named “{given}”.")
            }
            ProblemKind::NoId { given, keys: None } => {
                format!("no id (id, code, insee, siren, id_ti…); territory named “{given}”.")
            }
            ProblemKind::NoName { keys: Some(k) } => {
                format!("no name in the property “{k}”; territory shown with its id.")
            }
            ProblemKind::NoName { keys: None } => {
                "no name (name, nom, libelle, lib_ti…); territory shown with its id.".into()
            }
            ProblemKind::GroupedStatus { value, others, palette } => {
                format!("the status “{value}” is past the legend's {palette} colours; it is grouped under “{others}”.")
            }
        }
    }

    fn fetch_error(&self, e: &FetchError) -> String {
        match e {
            FetchError::NoWindow => "No browser window.".into(),
            FetchError::Network { url } => format!("Could not download {url}: network error or unreachable address."),
            FetchError::Aborted { url } => format!("Download of {url} cancelled."),
            FetchError::Stalled { url, ms } => {
                format!("The download of {url} has stalled: no data received for {} s.", seconds(*ms, '.'))
            }
            FetchError::Http { url, status, status_text } if status_text.is_empty() => {
                format!("The server answered {status} for {url}.")
            }
            FetchError::Http { url, status, status_text } => {
                format!("The server answered {status} {status_text} for {url}.")
            }
            FetchError::UnexpectedResponse { url } => format!("Unexpected response for {url}."),
            FetchError::Unreadable { url } => format!("Unreadable content for {url}."),
        }
    }

    fn failure(&self, f: &Failure) -> String {
        match f {
            Failure::Download(e) => format!("Could not load the territories. {}", self.fetch_error(e)),
            Failure::Unusable { url, error } => {
                format!("Could not show the territories of {url}. {}", self.load_error(error))
            }
            Failure::ContextDownload { url, error } => {
                format!("Background map {url} not shown: {}", self.fetch_error(error))
            }
            Failure::ContextUnusable { url, error } => {
                format!("Background map {url} not shown: {}", self.load_error(error))
            }
            Failure::StatusesDownload { url, error } => {
                format!("Statuses {url} not applied: {}", self.fetch_error(error))
            }
            Failure::StatusesUnusable { url, error } => {
                format!("Statuses {url} not applied: {}", self.sheet_error(error))
            }
        }
    }

    fn sheet_error(&self, e: &SheetError) -> String {
        match e {
            SheetError::Empty => "the file is empty.".into(),
            SheetError::Html => {
                "the server sent an HTML page instead of a CSV file (wrong address or error page).".into()
            }
            SheetError::Binary { byte } => {
                format!("this is not a CSV text file (zero byte at {byte}); save the sheet as CSV.")
            }
            SheetError::TooLarge { bytes, max } => format!(
                "the file is too large: {} bytes, the limit is {} bytes ({}).",
                int(*bytes),
                int(*max),
                megabytes(*max)
            ),
            SheetError::NoRows => "the file has a header line and no data line.".into(),
        }
    }

    fn sheet_problem(&self, p: &SheetProblem) -> String {
        let what = match &p.kind {
            SheetProblemKind::NoIdColumn { found } => format!(
                "no id column (id, code, insee, siren, id_ti…) among “{}”; statuses not applied.",
                found.join("”, “")
            ),
            SheetProblemKind::NothingToSet { found } => format!(
                "no status, date, place, projects or link column among “{}”; nothing to apply.",
                found.join("”, “")
            ),
            SheetProblemKind::MissingCells { found, expected } => {
                format!("{found} cell(s) instead of {expected}; the missing ones are taken as empty.")
            }
            SheetProblemKind::EmptyId => "empty id; line skipped.".into(),
            SheetProblemKind::UnknownId(id) => format!("no territory has the id “{id}”; line skipped."),
            SheetProblemKind::DuplicateId { id, first } => {
                format!("the id “{id}” is already on line {first}; line skipped.")
            }
            SheetProblemKind::UnknownStatus(s) => {
                format!("the status “{s}” is not described in the legend; it is shown as written.")
            }
            SheetProblemKind::BadDate(d) => {
                format!("unreadable date “{d}” (expected DD/MM/YYYY or YYYY-MM-DD); date ignored.")
            }
            SheetProblemKind::UnsafeUrl(u) => format!("the link “{u}” is not an http(s) address; link dropped."),
        };
        format!("Statuses, line {}: {what}", p.line)
    }
}
