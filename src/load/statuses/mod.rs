//! Statuses from a spreadsheet: a CSV file joined to the territories by id, which sets or
//! overrides status, date, place, projects and a link per territory without touching the outlines.
//!
//! Read as office software writes it: `;`, `,` or tab between cells (whichever the header line
//! has most of), quoted cells with line breaks, UTF-8 with or without a byte order mark,
//! Windows-1252 or UTF-16 ([`decode`]). Columns are found by their header, in any case and order:
//!
//! | column | headers read | cell |
//! |---|---|---|
//! | id (required) | the `idProperty` option, else `id`, `code`, `insee`, `siren`, `id_ti`… ([`ID_KEYS`]) | the territory's id |
//! | status | `statusProperty`, else `statut`, `status`, `etat`… ([`STATUS_KEYS`]) | a status id or label |
//! | date | `date`, `date_statut`, `status_date`, `date_signature` | `AAAA-MM-JJ` or `JJ/MM/AAAA` |
//! | place | `lieu`, `status_place`, `place`, `lieu_signature` | text |
//! | projects | `projets`, `projects`, `projet` | projects separated by ` | ` or line breaks |
//! | link | `lien`, `url`, `link`, `source` | an http(s) address |
//!
//! An empty cell leaves the territory's own value. Other columns are ignored.

mod apply;
mod decode;
mod error;
mod read;

pub use apply::apply;
pub use decode::Encoding;
pub use error::{SheetError, SheetProblem, SheetProblemKind};

use super::keys::{column, Mapping, ID_KEYS, STATUS_KEYS};
use crate::model::Link;

/// Largest sheet accepted, in bytes (5 Mo: some hundred thousand rows).
pub const MAX_SHEET_BYTES: usize = 5 * 1024 * 1024;

const DATE: [&str; 4] = ["date", "date_statut", "status_date", "date_signature"];
const PLACE: [&str; 4] = ["lieu", "status_place", "place", "lieu_signature"];
const PROJECTS: [&str; 3] = ["projets", "projects", "projet"];
const LINK: [&str; 4] = ["lien", "url", "link", "source"];

/// A status sheet, read: its rows and the problems met reading them.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    pub encoding: Option<Encoding>,
    pub rows: Vec<Row>,
    pub problems: Vec<SheetProblem>,
}

/// One data row: `None` for an absent column or an empty cell (the territory keeps its value).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// Line of the row in the file, from 1 (the header).
    pub line: usize,
    pub id: String,
    pub status: Option<String>,
    /// ISO `AAAA-MM-JJ`.
    pub date: Option<String>,
    pub place: Option<String>,
    pub projects: Option<Vec<String>>,
    pub link: Option<Link>,
}

/// Reads a status sheet. The id and status columns follow the map's `idProperty` and
/// `statusProperty` when the sheet has such a header.
///
/// ```
/// let csv = "code;statut;projets\n51;Signé;\"Hydrogène | Fibre\"\n".as_bytes();
/// let sheet = territoires_map::load::sheet(csv, &Default::default()).unwrap();
/// assert_eq!(sheet.rows[0].id, "51");
/// assert_eq!(sheet.rows[0].projects.as_deref(), Some(&["Hydrogène".to_string(), "Fibre".to_string()][..]));
/// ```
pub fn sheet(bytes: &[u8], m: &Mapping) -> Result<Sheet, SheetError> {
    if bytes.len() > MAX_SHEET_BYTES {
        return Err(SheetError::TooLarge { bytes: bytes.len(), max: MAX_SHEET_BYTES });
    }
    let (text, encoding) = decode::text(bytes);
    check_text(bytes, &text, encoding)?;
    let mut records = read::records(&text, separator(&text)).into_iter();
    let Some((_, header)) = records.next() else { return Err(SheetError::Empty) };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut out = Sheet { encoding: Some(encoding), ..Sheet::default() };
    let at = |chosen: Option<&str>, keys: &[&str]| column(&headers, chosen, keys);
    let Some(id) = at(m.id.as_deref(), &ID_KEYS) else {
        out.problems.push(SheetProblem { line: 1, kind: SheetProblemKind::NoIdColumn { found: headers } });
        return Ok(out);
    };
    let cols = [
        at(m.status.as_deref(), &STATUS_KEYS),
        at(None, &DATE),
        at(None, &PLACE),
        at(None, &PROJECTS),
        at(None, &LINK),
    ];
    if cols.iter().all(Option::is_none) {
        out.problems.push(SheetProblem { line: 1, kind: SheetProblemKind::NothingToSet { found: headers.clone() } });
    }
    let mut any = false;
    let mut lines = Lines { text: &text, at: 0, line: 1 };
    for (start, rec) in records {
        let line = lines.at(start);
        let cells: Vec<&str> = rec.iter().map(|c| c.trim()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        any = true;
        let mut problem = |kind| out.problems.push(SheetProblem { line, kind });
        if cells.len() < headers.len() {
            problem(SheetProblemKind::MissingCells { found: cells.len(), expected: headers.len() });
        }
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).copied().filter(|s| !s.is_empty());
        let Some(row_id) = cell(Some(id)) else {
            problem(SheetProblemKind::EmptyId);
            continue;
        };
        let [status, date, place, projects, link] = cols.map(cell);
        let row = Row {
            line,
            id: row_id.to_string(),
            status: status.map(str::to_string),
            date: date.and_then(|d| {
                iso_date(d).or_else(|| {
                    problem(SheetProblemKind::BadDate(d.to_string()));
                    None
                })
            }),
            place: place.map(str::to_string),
            projects: projects.map(split_projects),
            link: link.and_then(|u| match super::safe_url(u) {
                Some(url) => Some(Link { title: url.clone(), url: Some(url) }),
                None => {
                    problem(SheetProblemKind::UnsafeUrl(u.to_string()));
                    None
                }
            }),
        };
        out.rows.push(row);
    }
    if !any {
        return Err(SheetError::NoRows);
    }
    Ok(out)
}

/// Line numbers of records from their byte offsets, counted in one pass over the text as records
/// come in order.
/// Every record of `text` with the line it starts on (1 for the first): for other lists the
/// crate reads the same way (`crate::search::read`, natively: the browser reads the index).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn lined_records(text: &str, separator: u8) -> Vec<(usize, Vec<String>)> {
    let mut lines = Lines { text, at: 0, line: 1 };
    read::records(text, separator).into_iter().map(|(start, cells)| (lines.at(start), cells)).collect()
}

struct Lines<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line of the first character of the record starting at byte `start` (a record's offset
    /// may point at the line break that ends the previous one). Lines end as the reader ends
    /// records: `\r\n`, `\n`, or a lone `\r` (old Mac files).
    fn at(&mut self, start: usize) -> usize {
        let rest = self.text.as_bytes().get(start..).unwrap_or_default();
        let start = start + rest.iter().take_while(|b| **b == b'\r' || **b == b'\n').count();
        let upto = self.text.as_bytes().get(self.at..start).unwrap_or_default();
        // `start` is past every line break, so a `\r` ending `upto` is not followed by `\n`.
        let lone_cr = |i: usize| upto.get(i + 1) != Some(&b'\n');
        self.line += upto.iter().enumerate().filter(|&(i, b)| *b == b'\n' || (*b == b'\r' && lone_cr(i))).count();
        self.at = self.at.max(start);
        self.line
    }
}

/// Refuses what is not text: an empty file, an HTML page, binary data.
fn check_text(bytes: &[u8], text: &str, encoding: Encoding) -> Result<(), SheetError> {
    if encoding != Encoding::Utf16 {
        if let Some(byte) = bytes.iter().position(|&b| b == 0) {
            return Err(SheetError::Binary { byte });
        }
    }
    let start = text.trim_start();
    if start.is_empty() {
        return Err(SheetError::Empty);
    }
    // A CSV never starts with a tag: this is an HTML (or XML) page, often a server's error page.
    if start.starts_with('<') {
        return Err(SheetError::Html);
    }
    Ok(())
}

/// The separator of the header line: `;`, `,` or tab, the most frequent outside quotes (`;` on a tie,
/// as French office software writes it).
fn separator(text: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in text.chars() {
        match c {
            '\n' | '\r' if !quoted => break,
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| (counts[i], i == 0)).unwrap_or(0);
    [b';', b',', b'\t'][best]
}

/// `AAAA-MM-JJ` as it is, `JJ/MM/AAAA` (a French spreadsheet's date) turned into it.
fn iso_date(s: &str) -> Option<String> {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let dashes: Vec<&str> = s.split('-').collect();
    let slashes: Vec<&str> = s.split('/').collect();
    let (y, m, d) = match (dashes.as_slice(), slashes.as_slice()) {
        ([y, m, d], _) => (*y, *m, *d),
        (_, [d, m, y]) => (*y, *m, *d),
        _ => return None,
    };
    let pad = |p: &str| if p.len() == 1 { format!("0{p}") } else { p.to_string() };
    let (m, d) = (pad(m), pad(d));
    let ok = digits(y, 4) && digits(&m, 2) && digits(&d, 2);
    let (mn, dn) = (m.parse::<u8>().unwrap_or(0), d.parse::<u8>().unwrap_or(0));
    (ok && (1..=12).contains(&mn) && (1..=31).contains(&dn)).then(|| format!("{y}-{m}-{d}"))
}

/// One cell of projects: separated by ` | ` or by line breaks inside the cell.
fn split_projects(cell: &str) -> Vec<String> {
    cell.split(['|', '\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests;
