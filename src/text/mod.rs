//! The strings table: every word and sentence the viewer shows, in French (`fr.rs`, the page's
//! default) and English (`en.rs`, for hosts that ask for `lang=en`). Interface words are fields
//! of [`Strings`]; errors and warnings arrive as typed data ([`LoadError`], [`Problem`],
//! [`FetchError`], [`Failure`]) and each language words them through [`Messages`]. Words from the
//! data (names, statuses, projects) are not here. The pre-rendered pages' own words are in
//! `page`, the commune search's in `search`: compiled natively and in the search's module, never
//! in the map's.

mod display;
mod en;
mod fr;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
#[cfg(any(not(target_arch = "wasm32"), feature = "search"))]
pub mod search;

pub use en::{English, EN};
pub use fr::{French, FR};

use crate::load::{Failure, FetchError, LoadError, Problem, ProblemKind, SheetError, SheetProblem};

/// Interface strings of one language.
#[derive(Clone, Copy, Debug)]
pub struct Strings {
    pub lang: &'static str,
    pub map_label: &'static str,
    pub map_help: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset: &'static str,
    /// The full-screen button's name, to enter and to leave.
    pub fullscreen: &'static str,
    pub exit_fullscreen: &'static str,
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
    /// Between groups of three digits on the card: a narrow no-break space in French.
    pub thousands: char,
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
    /// The list filter's "all" when the legend names its categories (`legend.name`).
    pub show_all: &'static str,
    pub download_csv: &'static str,
    /// The control that exports the view, and its two formats.
    pub download_image: &'static str,
    pub image_svg: &'static str,
    pub image_png: &'static str,
    /// In the exported image: "Données au 19 novembre 2019", "Source : …".
    pub image_date: &'static str,
    pub image_source: &'static str,
    /// Before the names of the territories numbered on an exported map.
    pub image_keys: &'static str,
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
    /// The pre-rendered map's help (`prerender`): before the module runs, each territory is a link.
    pub map_help_links: &'static str,
    /// The list's link to a territory's own page, and that page's link back to the whole map.
    pub territory_page: &'static str,
    pub whole_map: &'static str,
    /// The skip link of a territory's page, to its card past the map's links.
    pub skip_to_card: &'static str,
    /// Progress while downloading: "`<what>`… 120 Ko sur 900 Ko".
    pub loading_territories: &'static str,
    pub loading_context: &'static str,
    /// Progress of the status sheet's download.
    pub loading_statuses: &'static str,
    /// The legend entry of territories without a status, and the one grouping statuses past the
    /// palette of a generated legend.
    pub no_status: &'static str,
    pub other_statuses: &'static str,
    pub size_of: &'static str,
    pub kilobytes: &'static str,
    /// Between a label and its value: French puts a space before the colon.
    pub colon: &'static str,
    /// Between two clauses: French puts a space before the semicolon.
    pub semicolon: &'static str,
    /// Data in hand, the page could not draw the map (a browser refusing an element): the one
    /// failure the small module can meet, worded here rather than among [`Messages`] (and not a
    /// [`Failure`]) so that it keeps none of them.
    pub not_drawn: &'static str,
}

/// One language's sentences for what went wrong, each built from a typed error that says where.
/// Every variant has a sentence in every language: a new variant does not compile until worded.
pub trait Messages: std::fmt::Debug {
    /// Why a file could not be used at all.
    fn load_error(&self, e: &LoadError) -> String;
    /// A problem with one feature, naming it: "Entité n° 3 (id « vosges ») : …".
    fn problem(&self, p: &Problem) -> String;
    /// What is wrong, without the feature.
    fn problem_kind(&self, k: &ProblemKind) -> String;
    /// Why a download did not deliver its file.
    fn fetch_error(&self, e: &FetchError) -> String;
    /// What the map area (or, for the background map, the warnings) says.
    fn failure(&self, f: &Failure) -> String;
    /// Why a status sheet could not be used at all.
    fn sheet_error(&self, e: &SheetError) -> String;
    /// A problem with one line of a status sheet, naming the line and the value.
    fn sheet_problem(&self, p: &SheetProblem) -> String;
}

impl Strings {
    /// The sentences for errors and warnings. Reached through this method, not a field of the
    /// tables: a module that never words an error (the small one) links none of them in.
    pub fn messages(&self) -> &'static dyn Messages {
        match self.lang {
            "en" => &en::English,
            _ => &fr::French,
        }
    }

    /// `n` with its thousands grouped: "28 588" (narrow space), "28,588".
    ///
    /// ```
    /// use territoires_map::text::{EN, FR};
    /// assert_eq!(FR.grouped(597_106), "597\u{202f}106");
    /// assert_eq!(EN.grouped(1_234_567), "1,234,567");
    /// ```
    pub fn grouped(&self, n: u64) -> String {
        grouped(n, self.thousands)
    }

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

    /// What a map of `data` is called: the file's title, else the interface's generic name
    /// ("Carte des territoires"). The pages' heading and title, the exported image's, the host's.
    pub fn title_of<'a>(&'a self, data: &'a crate::model::Dataset) -> &'a str {
        data.title.as_deref().unwrap_or(self.map_label)
    }

    /// "Date : 19 novembre 2019", "Date: 19 November 2019".
    pub fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon)
    }

    /// Under the list: how many rows the search and filter leave, and, past `max_rows`, that
    /// the table shows only the first ones.
    ///
    /// ```
    /// use territoires_map::text::{EN, FR};
    /// assert_eq!(FR.rows_count(15, 15, 200), "15 / 15 territoires affichés");
    /// assert_eq!(
    ///     EN.rows_count(34_738, 34_738, 200),
    ///     "34738 / 34738 territories shown — the table shows only 200; refine the search or download the full CSV"
    /// );
    /// ```
    pub fn rows_count(&self, shown: usize, total: usize, max_rows: usize) -> String {
        let count = format!("{shown} / {total} {}", self.rows_shown);
        if shown <= max_rows {
            return count;
        }
        format!("{count} — {} {max_rows}{}{}", self.first_rows, self.semicolon, self.refine)
    }

    /// The sentence for a load, download or drawing failure, in this language.
    pub fn failure(&self, f: &Failure) -> String {
        self.messages().failure(f)
    }

    /// The sentence for a file that could not be used.
    pub fn load_error(&self, e: &LoadError) -> String {
        self.messages().load_error(e)
    }

    /// The sentence for a download that did not deliver.
    pub fn fetch_error(&self, e: &FetchError) -> String {
        self.messages().fetch_error(e)
    }

    /// The sentence for a problem with one line of a status sheet.
    pub fn sheet_problem(&self, p: &SheetProblem) -> String {
        self.messages().sheet_problem(p)
    }

    /// The mapping of properties with the made-up legend entries worded in this language.
    pub fn mapping(&self) -> crate::load::Mapping {
        crate::load::Mapping::worded(self.no_status, self.other_statuses, self.lang)
    }

    /// The sentence for a problem with one feature, naming it.
    pub fn problem(&self, p: &Problem) -> String {
        self.messages().problem(p)
    }

    /// The sentence for what is wrong with a feature, without naming it.
    pub fn problem_kind(&self, k: &ProblemKind) -> String {
        self.messages().problem_kind(k)
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
            (Ok(y), Ok(m @ 1..=12), Ok(d @ 1..=31)) => format!("{d} {} {y}", self.months[m - 1]),
            _ => iso.to_string(),
        }
    }
}

/// `1234567` → `1 234 567` with `sep` between groups of three digits.
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` with one decimal after `point`, none when it is whole: `52,5`, `50`.
fn tenths(x: f64, point: char) -> String {
    let tenths = (x * 10.0).round() as u64;
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        d => format!("{}{point}{d}", tenths / 10),
    }
}

/// Milliseconds as seconds: whole ones plainly, else with one decimal after `point`.
fn seconds(ms: u32, point: char) -> String {
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        format!("{:.1}", f64::from(ms) / 1000.0).replace('.', &point.to_string())
    }
}

/// A coordinate as written in a message: plain when short, `1e300` rather than 301 digits.
fn coordinate(x: f64) -> String {
    if x.is_finite() && x.abs() >= 1e7 {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

#[cfg(test)]
mod tests;

/// The French sentence, the page's default language; here rather than in `load`, which names no
/// words.
impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&FR.messages().sheet_error(self))
    }
}

impl std::error::Error for SheetError {}

impl std::fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&FR.messages().sheet_problem(self))
    }
}
