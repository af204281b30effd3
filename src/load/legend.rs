//! The legend (status categories) and programme facts, read from the collection's foreign members
//! `legend` and `programme`. A file without a legend still loads: each status value met becomes a
//! category with a default colour and pattern, so another region's file works unchanged.

use super::error::ProblemKind;
use super::properties::{link, safe_color, text_of, Props};
use crate::model::{Legend, Pattern, Programme, StatusCategory};
use geojson::JsonObject;

/// Fallback fills for statuses the data gives no colour for; dark enough for 3:1 on white.
const DEFAULT_COLORS: [&str; 6] = ["#1b6b73", "#a2541c", "#6b5b95", "#3d7a2a", "#9b2f4a", "#4f5d75"];

/// Builds the legend while territories are read, adding categories for undeclared statuses.
pub struct Builder {
    legend: Legend,
    declared: usize,
}

pub fn from_json(obj: Option<&JsonObject>) -> Builder {
    let mut p = Props::new(obj);
    let title = p.string("title");
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
    Builder { legend: Legend { title, statuses }, declared }
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

    pub fn finish(self) -> Legend {
        self.legend
    }
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
        let l = b.finish();
        assert_eq!(l.title.as_deref(), Some("État"));
        assert_eq!(l.statuses[0].pattern, Pattern::Hatch);
        assert!(l.statuses[1].color.starts_with('#'), "unsafe colour replaced by a default");
        assert_ne!(l.statuses[1].pattern, l.statuses[0].pattern);
    }

    #[test]
    fn without_legend_statuses_become_categories_silently() {
        let mut b = from_json(None);
        let mut kinds = Vec::new();
        assert_eq!(b.index_of("x", &mut kinds), 0);
        assert_eq!(b.index_of("y", &mut kinds), 1);
        assert_eq!(b.index_of("x", &mut kinds), 0);
        assert!(kinds.is_empty());
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
