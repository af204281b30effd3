//! The context file: countries, departments and region outline drawn faintly behind the
//! territories. Features with an unknown `layer` are skipped and reported.

use super::error::{LoadError, Problem, ProblemKind};
use super::{collection, geometry, text_of, Loaded};
use crate::model::{Context, ContextFeature, ContextLayer};

/// Parses a context FeatureCollection (`properties.layer` = `country` | `department` | `region`).
pub fn context(bytes: &[u8]) -> Result<Loaded<Context>, LoadError> {
    let fc = collection(bytes)?;
    let mut problems = Vec::new();
    let mut features = Vec::new();
    for (index, f) in fc.features.iter().enumerate() {
        let props = f.properties.as_ref();
        let name = props.and_then(|p| p.get("name")).and_then(|v| text_of(v, ""));
        let mut kinds = Vec::new();
        let layer = match props.and_then(|p| p.get("layer")).and_then(|v| v.as_str()) {
            Some("country") => Some(ContextLayer::Country),
            Some("department") => Some(ContextLayer::Department),
            Some("region") => Some(ContextLayer::Region),
            _ => {
                kinds.push(ProblemKind::MissingProperty("layer"));
                None
            }
        };
        let polygons = f.geometry.as_ref().map(|g| geometry::polygons(&g.value, &mut kinds));
        if let (Some(layer), Some(polygons)) = (layer, polygons.filter(|p| !p.is_empty())) {
            features.push(ContextFeature { layer, name: name.clone(), polygons });
        }
        problems.extend(kinds.into_iter().map(|kind| Problem { index, id: name.clone(), kind }));
    }
    features.sort_by_key(|f| f.layer);
    Ok(Loaded { data: Context { features }, problems, sheet_problems: Vec::new() })
}
