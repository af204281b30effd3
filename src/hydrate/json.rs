//! Reading the page's copy of the model ([`super::page`]) from the JSON value the browser parsed
//! (`JSON.parse`), member by member, with the rules of the model's `serde::Deserialize` as the
//! pre-render's `Serialize` writes it: a missing or `null` member is `None` where the model has
//! an `Option` and refuses the copy elsewhere, as does a member of the wrong type; unknown
//! members are ignored. Written by hand rather than with `serde_wasm_bindgen`, whose deserializer
//! and serde's visitors cost the small module 12.7 KB gzip, a tenth of it (docs/performance.md,
//! « Le petit module, pas à pas »). The tests read every committed file both ways and get the
//! same model, and thirty altered copies, refused or read alike.

use crate::coords::LonLat;
use crate::model::{Confidence, Dataset, Epci, Legend, Link, Pattern, Programme, StatusCategory, Territory};

/// A parsed JSON value as the reader walks it: the browser's in the module (`crate::web`),
/// serde_json's in the tests.
pub trait Json: Sized {
    /// Member `key` of an object; `None` when the value is no object, or the member is missing
    /// or `null`.
    fn member(&self, key: &str) -> Option<Self>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// The items of an array; `None` for anything else.
    fn items(&self) -> Option<Vec<Self>>;
}

/// Member `key` read by `read`: `Some(None)` when missing or `null`, `None` (refused) when it is
/// there but unreadable.
pub fn optional<J: Json, T>(v: &J, key: &str, read: impl Fn(&J) -> Option<T>) -> Option<Option<T>> {
    match v.member(key) {
        None => Some(None),
        Some(m) => read(&m).map(Some),
    }
}

/// Member `key`, an array whose every item `read` reads. A loop rather than `collect` into an
/// `Option<Vec<_>>`, whose adapter was instantiated once per call site (docs/performance.md).
fn list<J: Json, T>(v: &J, key: &str, read: impl Fn(&J) -> Option<T>) -> Option<Vec<T>> {
    let items = v.member(key)?.items()?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(read(item)?);
    }
    Some(out)
}

fn string<J: Json>(v: &J, key: &str) -> Option<String> {
    v.member(key)?.string()
}

fn strings<J: Json>(v: &J, key: &str) -> Option<Vec<String>> {
    list(v, key, J::string)
}

fn opt_string<J: Json>(v: &J, key: &str) -> Option<Option<String>> {
    optional(v, key, J::string)
}

/// A whole number from 0 to 2⁵³ (what JSON carries exactly), as serde reads an unsigned field.
fn count<J: Json>(v: &J) -> Option<u64> {
    let n = v.number()?;
    ((0.0..=9_007_199_254_740_992.0).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

fn link<J: Json>(v: &J) -> Option<Link> {
    Some(Link { title: string(v, "title")?, url: opt_string(v, "url")? })
}

fn status<J: Json>(v: &J) -> Option<StatusCategory> {
    Some(StatusCategory {
        id: string(v, "id")?,
        label: string(v, "label")?,
        short: opt_string(v, "short")?,
        color: string(v, "color")?,
        pattern: Pattern::parse(&string(v, "pattern")?)?,
    })
}

fn legend<J: Json>(v: &J) -> Option<Legend> {
    Some(Legend {
        title: opt_string(v, "title")?,
        name: opt_string(v, "name")?,
        statuses: list(v, "statuses", status)?,
    })
}

fn programme<J: Json>(v: &J) -> Option<Programme> {
    Some(Programme { facts: strings(v, "facts")?, themes: strings(v, "themes")?, source: optional(v, "source", link)? })
}

fn lon_lat<J: Json>(v: &J) -> Option<LonLat> {
    Some(LonLat { lon: v.member("lon")?.number()?, lat: v.member("lat")?.number()? })
}

fn epci<J: Json>(v: &J) -> Option<Epci> {
    Some(Epci { siren: opt_string(v, "siren")?, name: string(v, "name")? })
}

fn territory<J: Json>(v: &J) -> Option<Territory> {
    Some(Territory {
        id: string(v, "id")?,
        name: string(v, "name")?,
        short_name: opt_string(v, "short_name")?,
        status: usize::try_from(count(&v.member("status")?)?).ok()?,
        status_date: opt_string(v, "status_date")?,
        status_place: opt_string(v, "status_place")?,
        projects: strings(v, "projects")?,
        epci: list(v, "epci", epci)?,
        communes_count: optional(v, "communes_count", count)?,
        area_km2: optional(v, "area_km2", count)?,
        population: optional(v, "population", count)?,
        population_vintage: opt_string(v, "population_vintage")?,
        confidence: optional(v, "confidence", |c| Confidence::parse(&c.string()?))?,
        perimeter_note: opt_string(v, "perimeter_note")?,
        sources: list(v, "sources", link)?,
        label_point: optional(v, "label_point", lon_lat)?,
        polygons: Vec::new(),
    })
}

/// The model the page's copy holds, or `None` where the model's `Deserialize` would refuse it.
pub fn dataset<J: Json>(v: &J) -> Option<Dataset> {
    Some(Dataset {
        title: opt_string(v, "title")?,
        description: opt_string(v, "description")?,
        source: optional(v, "source", link)?,
        attribution: None,
        lang: opt_string(v, "lang")?,
        legend: legend(&v.member("legend")?)?,
        programme: optional(v, "programme", programme)?,
        territories: list(v, "territories", territory)?,
    })
}

#[cfg(test)]
mod tests;
