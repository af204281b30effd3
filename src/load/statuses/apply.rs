//! The join: each row of a status sheet onto the territory with its id.

use super::{Sheet, SheetProblem, SheetProblemKind};
use crate::load::legend::Builder;
use crate::model::Territory;
use std::collections::HashMap;

/// Sets each territory's values from its row. `statuses[i]` is territory `i`'s status value,
/// resolved into the legend afterwards. Returns the sheet's problems with the join's own: ids no
/// territory has, ids given twice (the first row wins), statuses the declared legend lacks.
pub fn apply(
    sheet: &Sheet,
    territories: &mut [Territory],
    statuses: &mut [Option<String>],
    legend: &Builder,
) -> Vec<SheetProblem> {
    let mut problems = sheet.problems.clone();
    // One index, by id in lower case: ids match as written or in another case.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, t) in territories.iter().enumerate() {
        index.entry(t.id.to_lowercase()).or_insert(i);
    }
    // The line that set each territory, to name it when an id comes again.
    let mut set_by: Vec<usize> = vec![0; territories.len()];
    let mut updates = Vec::new();
    for row in &sheet.rows {
        let mut problem = |kind| problems.push(SheetProblem { line: row.line, kind });
        // Else without the leading zeros a spreadsheet drops from codes ("08" read as 8).
        let found = index.get(&row.id.to_lowercase()).copied().or_else(|| {
            let bare = row.id.trim_start_matches('0');
            territories.iter().position(|t| !bare.is_empty() && t.id.trim_start_matches('0') == bare)
        });
        let Some(i) = found else {
            problem(SheetProblemKind::UnknownId(row.id.clone()));
            continue;
        };
        if set_by[i] > 0 {
            problem(SheetProblemKind::DuplicateId { id: row.id.clone(), first: set_by[i] });
            continue;
        }
        set_by[i] = row.line.max(1);
        let status = row.status.as_ref().map(|s| match legend.declared() {
            false => s.clone(),
            true => legend.declared_id(s).unwrap_or_else(|| {
                problem(SheetProblemKind::UnknownStatus(s.clone()));
                s.clone()
            }),
        });
        updates.push((i, row, status));
    }
    for (i, row, status) in updates {
        let t = &mut territories[i];
        if let Some(s) = status {
            statuses[i] = Some(s);
        }
        if let Some(d) = &row.date {
            t.status_date = Some(d.clone());
        }
        if let Some(p) = &row.place {
            t.status_place = Some(p.clone());
        }
        if let Some(p) = &row.projects {
            t.projects = p.clone();
        }
        if let Some(l) = &row.link {
            t.sources.insert(0, l.clone());
        }
    }
    problems
}
