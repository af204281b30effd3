//! The legend (status categories) and programme facts, read from the collection's foreign members
//! `legend` and `programme`. A file without a legend gets one: the distinct status values, in
//! sorted order, each with a colour and a pattern of [`PALETTE`]; values past its size are grouped
//! as "Autres", features without a status as "Sans statut", each an entry of its own.

use super::error::ProblemKind;
use super::keys::Mapping;
use super::properties::{link, safe_color, text_of, Props};
use crate::model::{Legend, Pattern, Programme, StatusCategory};
use geojson::JsonObject;

/// Fallback fills for statuses the data gives no colour for; dark enough for 3:1 on white.
const DEFAULT_COLORS: [&str; 6] = ["#1b6b73", "#a2541c", "#6b5b95", "#3d7a2a", "#9b2f4a", "#4f5d75"];

/// The legend made for a file without one: each colour at least 3:1 on white and on its
/// neighbours' white motif, and no two entries with the same colour and pattern.
pub const PALETTE: [(&str, Pattern); 8] = [
    ("#1b6b73", Pattern::Solid),
    ("#a2541c", Pattern::Hatch),
    ("#6b5b95", Pattern::Dots),
    ("#3d7a2a", Pattern::Cross),
    ("#9b2f4a", Pattern::Solid),
    ("#4f5d75", Pattern::Hatch),
    ("#7a5c00", Pattern::Dots),
    ("#005a9c", Pattern::Cross),
];

/// "Sans statut": a light neutral grey, plain, so that it reads as "no data" next to the palette.
const NONE_STYLE: (&str, &str, Pattern) = ("sans-statut", "#8c8c8c", Pattern::Solid);
/// "Autres": a dark grey with the crossed motif.
const OTHERS_STYLE: (&str, &str, Pattern) = ("autres", "#3f3f3f", Pattern::Cross);

/// Builds the legend while territories are read, adding categories for undeclared statuses.
pub struct Builder {
    legend: Legend,
    declared: usize,
}

pub fn from_json(obj: Option<&JsonObject>) -> Builder {
    let mut p = Props::new(obj);
    let title = p.string("title");
    let name = p.string("name");
    let mut statuses: Vec<StatusCategory> = Vec::new();
    for (i, v) in p.list("statuses", Some).into_iter().enumerate() {
        let Some(id) = text_of(v, "id") else { continue };
        if statuses.iter().any(|s| s.id == id) {
            continue;
        }
        let label = text_of(v, "label").unwrap_or_else(|| id.clone());
        let color = text_of(v, "color").and_then(|c| safe_color(&c));
        let pattern = text_of(v, "pattern").and_then(|n| Pattern::parse(&n));
        statuses.push(StatusCategory {
            id,
            label,
            short: text_of(v, "short"),
            color: color.unwrap_or_else(|| default_color(i)),
            pattern: pattern.unwrap_or_else(|| free_pattern(&statuses, i)),
        });
    }
    let declared = statuses.len();
    Builder { legend: Legend { title, name, statuses }, declared }
}

/// A pattern no category uses yet, so that categories differ by more than colour.
fn free_pattern(taken: &[StatusCategory], i: usize) -> Pattern {
    let unused = Pattern::ALL.iter().find(|p| taken.iter().all(|s| s.pattern != **p));
    unused.copied().unwrap_or(Pattern::ALL[i % Pattern::ALL.len()])
}

fn default_color(i: usize) -> String {
    DEFAULT_COLORS[i % DEFAULT_COLORS.len()].to_string()
}

impl Builder {
    /// The category index of `status`, creating one (and reporting it when a legend was declared).
    pub fn index_of(&mut self, status: &str, kinds: &mut Vec<ProblemKind>) -> usize {
        if let Some(i) = self.legend.statuses.iter().position(|s| s.id == status) {
            return i;
        }
        if self.declared > 0 {
            kinds.push(ProblemKind::UnknownStatus(status.to_string()));
        }
        let i = self.legend.statuses.len();
        self.legend.statuses.push(StatusCategory {
            id: status.to_string(),
            label: status.to_string(),
            short: None,
            color: default_color(i),
            pattern: free_pattern(&self.legend.statuses, i),
        });
        i
    }

    /// The legend and each feature's category, from each feature's status value (feature index,
    /// value). With a declared legend, unknown values get a category of their own and a warning;
    /// without one, the legend is made from the values met. Problems name the feature index.
    pub fn assign(mut self, values: &[(usize, Option<String>)], m: &Mapping) -> Assigned {
        let mut problems = Vec::new();
        let mut of = Vec::with_capacity(values.len());
        if self.declared == 0 {
            self.generate(values, m, &mut problems);
        }
        for (index, value) in values {
            let i = match value {
                Some(v) => match self.legend.statuses.iter().position(|s| s.id == *v) {
                    Some(i) => i,
                    None if self.declared == 0 => self.special(OTHERS_STYLE, &m.others_label),
                    None => {
                        let mut kinds = Vec::new();
                        let i = self.index_of(v, &mut kinds);
                        problems.extend(kinds.into_iter().map(|k| (*index, k)));
                        i
                    }
                },
                None => self.special(NONE_STYLE, &m.none_label),
            };
            of.push(i);
        }
        Assigned { legend: self.legend, of, problems }
    }

    /// The categories of a file without a legend: sorted distinct values, the palette's worth.
    fn generate(&mut self, values: &[(usize, Option<String>)], m: &Mapping, problems: &mut Vec<(usize, ProblemKind)>) {
        let mut distinct: Vec<(&str, usize)> = Vec::new();
        for (index, v) in values {
            if let Some(v) = v.as_deref().filter(|v| !distinct.iter().any(|(d, _)| d == v)) {
                distinct.push((v, *index));
            }
        }
        distinct.sort_unstable_by(|a, b| a.0.to_lowercase().cmp(&b.0.to_lowercase()).then(a.0.cmp(b.0)));
        for (k, (value, index)) in distinct.iter().enumerate() {
            match PALETTE.get(k) {
                Some((color, pattern)) => self.legend.statuses.push(StatusCategory {
                    id: value.to_string(),
                    label: value.to_string(),
                    short: None,
                    color: color.to_string(),
                    pattern: *pattern,
                }),
                None => problems.push((
                    *index,
                    ProblemKind::GroupedStatus {
                        value: value.to_string(),
                        others: m.others_label.clone(),
                        palette: PALETTE.len(),
                    },
                )),
            }
        }
    }

    /// The index of a made-up category ("Sans statut", "Autres"), created on first use.
    fn special(&mut self, (id, color, pattern): (&str, &str, Pattern), label: &str) -> usize {
        if let Some(i) = self.legend.statuses.iter().position(|s| s.id == id) {
            return i;
        }
        self.legend.statuses.push(StatusCategory {
            id: id.to_string(),
            label: label.to_string(),
            short: None,
            color: color.to_string(),
            pattern,
        });
        self.legend.statuses.len() - 1
    }

    /// Whether the file declared its legend (then status values are checked against it).
    pub fn declared(&self) -> bool {
        self.declared > 0
    }

    /// Whether `value` is a status of the declared legend, by id or by label, in any case; the
    /// id when it is.
    pub fn declared_id(&self, value: &str) -> Option<String> {
        let v = value.trim().to_lowercase();
        let found = self.legend.statuses[..self.declared]
            .iter()
            .find(|s| s.id.to_lowercase() == v || s.label.to_lowercase() == v);
        found.map(|s| s.id.clone())
    }
}

/// What [`Builder::assign`] gives: the legend, each feature's category, and the problems met.
pub struct Assigned {
    pub legend: Legend,
    pub of: Vec<usize>,
    pub problems: Vec<(usize, ProblemKind)>,
}

/// The `programme` member: short facts, themes and a source.
pub fn programme(obj: Option<&JsonObject>) -> Option<Programme> {
    obj?;
    let mut p = Props::new(obj);
    let source = p.object("source").and_then(|o| link(&geojson::JsonValue::Object(o.clone())));
    let programme = Programme { facts: p.texts("facts"), themes: p.texts("themes"), source };
    (!programme.facts.is_empty() || !programme.themes.is_empty()).then_some(programme)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_declared_statuses_and_adds_unknown_ones() {
        let v = json!({"title": "État", "statuses": [
            {"id": "a", "label": "Signé", "color": "#112233", "pattern": "hatch"},
            {"id": "b", "label": "Pas signé", "color": "url(evil)"}]});
        let mut b = from_json(v.as_object());
        let mut kinds = Vec::new();
        assert_eq!(b.index_of("b", &mut kinds), 1);
        assert_eq!(b.index_of("zz", &mut kinds), 2);
        assert_eq!(kinds, vec![ProblemKind::UnknownStatus("zz".into())]);
        let l = b.assign(&[], &Mapping::default()).legend;
        assert_eq!(l.title.as_deref(), Some("État"));
        assert_eq!(l.statuses[0].pattern, Pattern::Hatch);
        assert!(l.statuses[1].color.starts_with('#'), "unsafe colour replaced by a default");
        assert_ne!(l.statuses[1].pattern, l.statuses[0].pattern);
    }

    fn values(v: &[Option<&str>]) -> Vec<(usize, Option<String>)> {
        v.iter().enumerate().map(|(i, s)| (i, s.map(str::to_string))).collect()
    }

    #[test]
    fn without_legend_sorted_values_become_categories_silently() {
        let a = from_json(None).assign(&values(&[Some("y"), Some("x"), Some("y")]), &Mapping::default());
        assert_eq!(a.legend.statuses.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(a.of, [1, 0, 1]);
        assert!(a.problems.is_empty());
        assert_ne!(a.legend.statuses[0].pattern, a.legend.statuses[1].pattern);
    }

    #[test]
    fn no_status_is_its_own_entry_and_past_the_palette_is_others() {
        let many: Vec<String> = (0..10).map(|i| format!("v{i}")).collect();
        let mut v: Vec<Option<&str>> = many.iter().map(|s| Some(s.as_str())).collect();
        v.push(None);
        let a = from_json(None).assign(&values(&v), &Mapping::default());
        let ids: Vec<&str> = a.legend.statuses.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "autres", "sans-statut"]);
        assert_eq!(a.legend.statuses[8].label, "Autres");
        assert_eq!(a.legend.statuses[9].label, "Sans statut");
        assert_eq!((a.of[8], a.of[9], a.of[10]), (8, 8, 9));
        assert_eq!(a.problems.len(), 2, "{:?}", a.problems);
        assert_eq!(a.problems[0].0, 8);
    }

    #[test]
    fn declared_legend_is_matched_by_id_or_label() {
        let v = json!({"statuses": [{"id": "signed", "label": "Protocole signé"}]});
        let b = from_json(v.as_object());
        assert_eq!(b.declared_id(" protocole SIGNÉ ").as_deref(), Some("signed"));
        assert_eq!(b.declared_id("protocole signé").as_deref(), Some("signed"));
        assert_eq!(b.declared_id("SIGNED").as_deref(), Some("signed"));
        let a = b.assign(&values(&[Some("signed"), Some("other"), None]), &Mapping::default());
        assert_eq!(a.of, [0, 1, 2]);
        assert_eq!(a.problems, vec![(1, ProblemKind::UnknownStatus("other".into()))]);
    }

    #[test]
    fn programme_needs_content() {
        assert_eq!(programme(json!({}).as_object()), None);
        let p = programme(
            json!({"facts": ["146 territoires"], "source": {"title": "Communiqué", "url": "https://x.fr"}}).as_object(),
        )
        .unwrap();
        assert_eq!(p.facts, vec!["146 territoires".to_string()]);
        assert_eq!(p.source.unwrap().url.as_deref(), Some("https://x.fr"));
    }
}
