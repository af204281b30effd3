//! The human-edited composition file (`data/composition.toml`): legend, programme facts and,
//! per territory, its status, projects, perimeter selectors, confidence and sources.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// A cited source.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Human-readable title, in French.
    pub title: String,
    /// Address.
    pub url: String,
}

/// One entry of the map legend.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// Status id used by territories.
    pub id: String,
    /// Full French label.
    pub label: String,
    /// Short label.
    pub short: String,
    /// Default fill colour (`#rrggbb`).
    pub color: String,
    /// Fill pattern: solid, hatch or dots.
    pub pattern: String,
}

/// Legend block of the territories file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Legend {
    /// Legend title.
    pub title: String,
    /// Statuses, in display order.
    pub statuses: Vec<Status>,
}

/// Programme-wide facts of the press release.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Short French facts.
    pub facts: Vec<String>,
    /// The five themes.
    pub themes: Vec<String>,
    /// Where the facts come from.
    pub source: Source,
}

/// An example project, quoted word for word.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The quotation.
    pub text: String,
    /// Source key (`communique-2019-11-19`).
    pub source: String,
}

/// One Territoire d'industrie.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// Stable slug.
    pub id: String,
    /// Name as in the press release.
    pub name: String,
    /// Optional shorter map label.
    pub short_name: Option<String>,
    /// Other spellings, used to match the `lib_ti` column of the official list.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Official `id_ti` codes, if known, to match the official list.
    #[serde(default)]
    pub ti_ids: Vec<String>,
    /// Status id (one of the legend's).
    pub status: String,
    /// ISO date of the status, when known.
    pub status_date: Option<String>,
    /// Place of signature, when known.
    pub status_place: Option<String>,
    /// Example projects.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Member EPCIs (SIREN, current vintage); all their member communes are included.
    #[serde(default)]
    pub epci: Vec<String>,
    /// Member communes (INSEE codes) listed one by one.
    #[serde(default)]
    pub communes: Vec<String>,
    /// Whole départements (INSEE codes).
    #[serde(default)]
    pub departements: Vec<String>,
    /// high, medium or low.
    pub perimeter_confidence: String,
    /// What is established and what is inferred (French).
    pub perimeter_note: String,
    /// Sources of the perimeter and status.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The whole composition file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Composition {
    /// Title of the territories collection.
    pub title: String,
    /// Legend.
    pub legend: Legend,
    /// Programme facts.
    pub programme: Programme,
    /// The territories.
    #[serde(rename = "territory")]
    pub territories: Vec<Territory>,
}

/// Rank of a confidence level (higher is more certain).
pub fn confidence_rank(c: &str) -> u8 {
    match c {
        "high" => 3,
        "medium" => 2,
        _ => 1,
    }
}

impl Composition {
    /// Parses and validates TOML text.
    pub fn parse(text: &str) -> Result<Self> {
        let c: Composition = toml::from_str(text).context("parsing composition TOML")?;
        c.validate()?;
        Ok(c)
    }

    /// Reads and validates a composition file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    fn validate(&self) -> Result<()> {
        let statuses: BTreeSet<&str> = self.legend.statuses.iter().map(|s| s.id.as_str()).collect();
        let mut ids = BTreeSet::new();
        for t in &self.territories {
            if !ids.insert(t.id.as_str()) {
                bail!("duplicate territory id {}", t.id);
            }
            if !statuses.contains(t.status.as_str()) {
                bail!("territory {}: unknown status {}", t.id, t.status);
            }
            if !["high", "medium", "low"].contains(&t.perimeter_confidence.as_str()) {
                bail!("territory {}: perimeter_confidence must be high, medium or low", t.id);
            }
            if t.epci.is_empty() && t.communes.is_empty() && t.departements.is_empty() {
                bail!("territory {}: no epci, communes or departements", t.id);
            }
            if t.sources.iter().any(|s| !s.url.starts_with("https://")) {
                bail!("territory {}: source urls must be https", t.id);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r##"
title = "T"
[legend]
title = "L"
statuses = [{ id = "a", label = "A", short = "a", color = "#000000", pattern = "solid" }]
[programme]
facts = ["f"]
themes = ["t"]
source = { title = "s", url = "https://example.org/" }
[[territory]]
id = "x"
name = "X"
status = "a"
epci = ["200000000"]
perimeter_confidence = "low"
perimeter_note = "n"
"##;

    #[test]
    fn parses_minimal_file() {
        let c = Composition::parse(MINI).unwrap();
        assert_eq!(c.territories.len(), 1);
        assert!(c.territories[0].projects.is_empty());
    }

    #[test]
    fn rejects_unknown_status_and_fields() {
        assert!(Composition::parse(&MINI.replace("status = \"a\"", "status = \"b\"")).is_err());
        assert!(Composition::parse(&MINI.replace("name = \"X\"", "name = \"X\"\ncolour = 1")).is_err());
    }

    #[test]
    fn ranks_confidence() {
        assert!(confidence_rank("high") > confidence_rank("medium"));
        assert!(confidence_rank("medium") > confidence_rank("low"));
    }
}
