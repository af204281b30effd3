//! What a build starts from: the region, the composition (`composition.toml`, or the
//! territories [`crate::regional`] finds in the State's table for a region without one) and the
//! rows of the list the perimeters come from (the commune list, or the intercommunality list
//! [`crate::groupings`] turns into communes).

use crate::{composition, groupings, official, region, regional, sources, Options};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// The composition, the commune table it reads (if any) and its rows, and report lines.
pub type Composed = (composition::Composition, Option<PathBuf>, Option<Vec<official::OfficialRow>>, Vec<String>);

/// The rows of a list of the State's: its communes, or those of its intercommunalities
/// ([`groupings`]) with a line for the report.
pub fn read_list(opts: &Options, path: &Path) -> Result<(Vec<official::OfficialRow>, Vec<String>)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = official::decode(&bytes);
    if !groupings::is_groupings(&text) {
        return Ok((official::parse_official(&text).with_context(|| format!("in {}", path.display()))?, Vec::new()));
    }
    let rows = groupings::parse(&text).with_context(|| format!("in {}", path.display()))?;
    let (now, names) = sources::read_epcis(&opts.sources.decoupage.join("epci.json"))?;
    let (then, _) = sources::read_epcis(&opts.sources.decoupage_2020.join("epci.json"))?;
    let (rows, note) =
        groupings::communes(&rows, &now, &then, &names).with_context(|| format!("in {}", path.display()))?;
    Ok((rows, vec![note]))
}

/// The region, and what its build starts from: the composition (its file, or [`regional`]'s
/// from the table for a region without one), the list read (if any) and its rows, report lines.
pub fn compose(opts: &Options) -> Result<(region::Region, Composed)> {
    let read_region = || region::Region::read(&opts.sources.decoupage, &opts.region);
    let Some(path) = &opts.composition else {
        let geo = region::Geography::read(&opts.sources.decoupage)?;
        let region = region::Region::of(&geo, &opts.region)?;
        let table = opts.official.clone().unwrap_or_else(|| opts.national_table.clone());
        let (rows, mut report) = read_list(opts, &table)?;
        let r = regional::compose(&region, &rows, &table.display().to_string(), &geo);
        if r.composition.territories.is_empty() {
            bail!(
                "{}: no territory has most of its communes in region {} {}",
                table.display(),
                region.code,
                region.name
            );
        }
        if let Some(t) = r.composition.territories.iter().find(|t| t.name.trim().is_empty()) {
            bail!(
                "{}: territory {} has no name (lib_ti); an intercommunality list needs a lib_ti column to name the territories of a region without a composition",
                table.display(),
                t.ti_ids.join(", ")
            );
        }
        report.extend(r.report);
        return Ok((region, (r.composition, Some(table), Some(r.rows), report)));
    };
    let comp = composition::Composition::load(path)?;
    comp.require_english().with_context(|| format!("in {}", path.display()))?;
    let table = opts.official.clone().or_else(|| {
        let dir = path.parent().unwrap_or(Path::new("."));
        comp.perimeters.as_ref().map(|p| dir.join(&p.table))
    });
    let (rows, report) = match table.as_deref().map(|t| read_list(opts, t)).transpose()? {
        Some((rows, report)) => (Some(rows), report),
        None => (None, Vec::new()),
    };
    Ok((read_region()?, (comp, table, rows, report)))
}
