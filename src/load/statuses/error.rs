//! What can be wrong with a status sheet, as data that says where: the whole file
//! ([`SheetError`], the sheet is not used) or one line of it ([`SheetProblem`], that line or cell
//! is skipped and everything else applies). The strings table words them, and gives them their
//! `Display` (in French), so that `load` does not name `text`.

/// Why a status sheet could not be used at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetError {
    /// The file is empty or only white space.
    Empty,
    /// The server sent an HTML page (often an error page) instead of a CSV file.
    Html,
    /// Binary data (a spreadsheet's own format, an image): a NUL byte at `byte`.
    Binary { byte: usize },
    /// Longer than [`MAX_SHEET_BYTES`](super::MAX_SHEET_BYTES).
    TooLarge { bytes: usize, max: usize },
    /// A header line and nothing under it.
    NoRows,
}

/// One line of the sheet that was skipped or partly used. `line` counts from 1, the header
/// being line 1, as a spreadsheet numbers its rows (a cell with line breaks spans several).
#[derive(Clone, Debug, PartialEq)]
pub struct SheetProblem {
    pub line: usize,
    pub kind: SheetProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SheetProblemKind {
    /// No column holds the id; `found` are the headers read. Nothing is joined.
    NoIdColumn { found: Vec<String> },
    /// No column the map reads besides the id; `found` are the headers read.
    NothingToSet { found: Vec<String> },
    /// A row with fewer cells than the header; the missing ones are taken as empty.
    MissingCells { found: usize, expected: usize },
    /// A row whose id cell is empty; skipped.
    EmptyId,
    /// An id no territory has; the row is skipped.
    UnknownId(String),
    /// An id already given on an earlier line; this row is skipped.
    DuplicateId { id: String, first: usize },
    /// A status the file's legend does not describe; it gets a category of its own.
    UnknownStatus(String),
    /// A date that is neither `AAAA-MM-JJ` nor `JJ/MM/AAAA`; the date is left as it was.
    BadDate(String),
    /// A link that is not an http(s) address; dropped.
    UnsafeUrl(String),
}
