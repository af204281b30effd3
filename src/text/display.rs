//! `Display` for the loader's errors: the French sentence, the page's default language (logs,
//! native tests, the `std::error::Error` of [`LoadError`]). Here rather than in `load`, so that
//! loading depends on no wording and `text` on `load` only.

use super::FR;
use crate::load::{LoadError, Problem, ProblemKind};
use std::fmt;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&FR.load_error(self))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&FR.problem(self))
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&FR.problem_kind(self))
    }
}
