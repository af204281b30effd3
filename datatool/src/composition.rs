//! The human-edited composition file (`data/composition.toml`): legend, programme facts, the
//! commune table the perimeters come from and, per territory, its status, projects, the table
//! label it answers to (or perimeter selectors), confidence and sources.

use crate::text::Text;
use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// A cited source.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Human-readable title.
    pub title: Text,
    /// Exact address of the document; absent when no exact address is known (a site's home
    /// page is not a source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where the perimeters come from: a commune table (`insee_com, lib_com, id_ti, lib_ti`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perimeters {
    /// The table, relative to the composition file.
    pub table: String,
    /// Phrase naming the table and its date, completing « Périmètre tiré de … » ("Perimeter
    /// taken from …").
    pub described_as: Text,
    /// The exact document the table was taken from.
    pub source: Source,
    /// Which population the `population` figures are, and of when.
    pub population_vintage: Text,
    /// Where the populations come from.
    pub population_source: Source,
}

impl Source {
    /// True unless the address is given and is not https.
    pub fn https(&self) -> bool {
        self.url.as_deref().is_none_or(|u| u.starts_with("https://"))
    }
}

/// One entry of the map legend.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// Status id used by territories.
    pub id: String,
    /// Full label.
    pub label: Text,
    /// Short label.
    pub short: Text,
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
    pub title: Text,
    /// What the categories are, in a word, when they are not protocol statuses (« Région »): the
    /// viewer's list names its filter and column with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Statuses, in display order.
    pub statuses: Vec<Status>,
}

/// Programme-wide facts of the press release.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Short facts.
    pub facts: Vec<Text>,
    /// The five themes.
    pub themes: Vec<Text>,
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
    /// The `lib_ti` of the commune table this territory answers to.
    pub ti_label: Option<String>,
    /// Other `lib_ti` spellings (another edition of the State's list).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `id_ti` codes this territory answers to.
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
    /// What is established and what is doubtful; follows the generated sentences on the commune
    /// table, when the perimeter comes from it.
    pub perimeter_note: Text,
    /// Sources of the perimeter and status.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The whole composition file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Composition {
    /// Title of the territories collection.
    pub title: Text,
    /// What the map shows, in a sentence (the page's introduction).
    pub description: Option<Text>,
    /// Credits for the data (the page's footer).
    pub attribution: Option<Text>,
    /// Legend.
    pub legend: Legend,
    /// Programme facts.
    pub programme: Programme,
    /// The commune table of the perimeters, if any.
    pub perimeters: Option<Perimeters>,
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

    /// The keys of the texts the project writes that have no English (a plain string in the
    /// file), in file order: `title`, `legend.statuses[signed-earlier].short`,
    /// `territory[vosges].perimeter_note`, …
    pub fn untranslated(&self) -> Vec<String> {
        let mut texts: Vec<(String, &Text)> = vec![("title".into(), &self.title)];
        for (key, t) in [("description", &self.description), ("attribution", &self.attribution)] {
            texts.extend(t.as_ref().map(|t| (key.to_string(), t)));
        }
        texts.push(("legend.title".into(), &self.legend.title));
        texts.extend(self.legend.name.as_ref().map(|t| ("legend.name".to_string(), t)));
        for s in &self.legend.statuses {
            texts.push((format!("legend.statuses[{}].label", s.id), &s.label));
            texts.push((format!("legend.statuses[{}].short", s.id), &s.short));
        }
        texts.extend(self.programme.facts.iter().enumerate().map(|(i, t)| (format!("programme.facts[{i}]"), t)));
        texts.extend(self.programme.themes.iter().enumerate().map(|(i, t)| (format!("programme.themes[{i}]"), t)));
        texts.push(("programme.source.title".into(), &self.programme.source.title));
        if let Some(p) = &self.perimeters {
            texts.push(("perimeters.described_as".into(), &p.described_as));
            texts.push(("perimeters.source.title".into(), &p.source.title));
            texts.push(("perimeters.population_vintage".into(), &p.population_vintage));
            texts.push(("perimeters.population_source.title".into(), &p.population_source.title));
        }
        for t in &self.territories {
            texts.push((format!("territory[{}].perimeter_note", t.id), &t.perimeter_note));
            for (i, s) in t.sources.iter().enumerate() {
                texts.push((format!("territory[{}].sources[{i}].title", t.id), &s.title));
            }
        }
        texts.into_iter().filter(|(_, t)| t.en.is_none()).map(|(key, _)| key).collect()
    }

    /// Fails, naming each key, unless every text the project writes has its English: the
    /// territories file carries them all as language maps (data/README.md, "Two languages").
    pub fn require_english(&self) -> Result<()> {
        let missing = self.untranslated();
        if !missing.is_empty() {
            bail!(
                "{} text(s) in French only, where the data must also be in English; write each as \
                 {{ fr = \"…\", en = \"…\" }}: {}",
                missing.len(),
                missing.join(", ")
            );
        }
        Ok(())
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
            let table_key = t.ti_label.is_some() || !t.ti_ids.is_empty() || !t.aliases.is_empty();
            if !table_key && t.epci.is_empty() && t.communes.is_empty() && t.departements.is_empty() {
                bail!("territory {}: no ti_label, ti_ids, epci, communes or departements", t.id);
            }
            if t.sources.iter().any(|s| !s.https()) {
                bail!("territory {}: source urls must be https", t.id);
            }
        }
        let more =
            self.perimeters.iter().flat_map(|p| [&p.source, &p.population_source]).chain([&self.programme.source]);
        if let Some(s) = more.into_iter().find(|s| !s.https()) {
            bail!("source {:?}: url must be https", s.title.fr);
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
        assert!(Composition::parse(&MINI.replace("https://example.org/", "http://example.org/")).is_err());
        let no_perimeter = MINI.replace("epci = [\"200000000\"]\n", "");
        assert!(Composition::parse(&no_perimeter).is_err());
        assert!(Composition::parse(&no_perimeter.replace("status = \"a\"", "status = \"a\"\nti_label = \"X\"")).is_ok());
    }

    #[test]
    fn a_text_is_a_string_in_french_or_a_table_in_both_languages() {
        let plain = Composition::parse(MINI).unwrap();
        assert_eq!(plain.title, Text::fr("T"));
        assert_eq!(plain.territories[0].perimeter_note, Text::fr("n"));
        let both = MINI
            .replace("title = \"T\"", "title = { fr = \"T\", en = \"T (en)\" }")
            .replace("perimeter_note = \"n\"", "perimeter_note = { fr = \"n\", en = \"n (en)\" }");
        let both = Composition::parse(&both).unwrap();
        assert_eq!(both.title, Text::both("T", "T (en)"));
        assert_eq!(both.territories[0].perimeter_note, Text::both("n", "n (en)"));
        // only fr and en, both required in a table
        assert!(Composition::parse(&MINI.replace("title = \"T\"", "title = { fr = \"T\" }")).is_err());
        assert!(Composition::parse(&MINI.replace("title = \"T\"", "title = { fr = \"T\", de = \"T\" }")).is_err());
    }

    #[test]
    fn a_text_without_english_is_named() {
        let c = Composition::parse(MINI).unwrap();
        assert_eq!(
            c.untranslated(),
            [
                "title",
                "legend.title",
                "legend.statuses[a].label",
                "legend.statuses[a].short",
                "programme.facts[0]",
                "programme.themes[0]",
                "programme.source.title",
                "territory[x].perimeter_note",
            ]
        );
        let err = c.require_english().unwrap_err().to_string();
        assert!(err.contains("territory[x].perimeter_note") && err.contains("en = "), "{err}");
        let mut all = MINI.to_string();
        for (plain, key) in [
            ("title = \"T\"", "title"),
            ("title = \"L\"", "title"),
            ("label = \"A\"", "label"),
            ("short = \"a\"", "short"),
            ("facts = [\"f\"]", "facts"),
            ("themes = [\"t\"]", "themes"),
            ("title = \"s\"", "title"),
            ("perimeter_note = \"n\"", "perimeter_note"),
        ] {
            let fr = &plain[plain.find('"').unwrap()..plain.rfind('"').unwrap() + 1];
            let table = format!("{{ fr = {fr}, en = {fr} }}");
            let value = if plain.contains('[') { format!("[{table}]") } else { table };
            all = all.replacen(plain, &format!("{key} = {value}"), 1);
        }
        let c = Composition::parse(&all).unwrap();
        assert!(c.untranslated().is_empty(), "{:?}", c.untranslated());
        assert!(c.require_english().is_ok());
    }

    #[test]
    fn the_grand_est_composition_is_all_in_english_too() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/composition.toml");
        let c = Composition::load(&path).unwrap();
        assert_eq!(c.untranslated(), Vec::<String>::new());
        assert!(c.description.is_some() && c.attribution.is_some());
    }

    #[test]
    fn ranks_confidence() {
        assert!(confidence_rank("high") > confidence_rank("medium"));
        assert!(confidence_rank("medium") > confidence_rank("low"));
    }
}
