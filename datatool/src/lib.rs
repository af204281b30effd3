//! `ti-data`: rebuilds `data/territoires-grand-est.geojson` and `data/contexte-grand-est.geojson`
//! from pinned public sources and the human-edited `data/composition.toml`; or, for another
//! region (`--region`), the same files of that region from the State's national commune table.
//!
//! Pipeline: [`inputs`] (region, composition, list) → [`sources`] (the region's) → [`membership`] (which commune is in which
//! territory, from the commune table `data/ti-grand-est-communes-2020.csv` named in the
//! composition, or from the territories [`regional`] finds in the national table) →
//! [`perimeter`] (what the cards say about it) →
//! [`topology`] (faces = département × territory, arcs) → [`simplify`] (each arc once) →
//! [`assemble`] (territories, départements, region) → [`labels`], [`context`] → [`write`](mod@write).

pub mod assemble;
pub mod composition;
pub mod context;
pub mod crossings;
pub mod directory;
pub mod epci_areas;
pub mod gaps;
pub mod groupings;
pub mod inputs;
pub mod labels;
pub mod membership;
pub mod official;
pub mod perimeter;
pub mod region;
pub mod regional;
pub mod report;
pub mod simplify;
pub mod sources;
pub mod text;
pub mod topology;
pub mod world;
pub mod write;

use anyhow::{anyhow, Context, Result};
use geo::GeodesicArea;
use sources::SourcePaths;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Default Douglas–Peucker tolerance of the arcs, in metres.
pub const DEFAULT_TOLERANCE_M: f64 = 350.0;
/// The whole country's (`--region all`): its files stay under 300 KB gzip together.
pub const NATIONAL_TOLERANCE_M: f64 = 1200.0;
/// Build report file name.
pub const REPORT_FILE: &str = "build-report.md";

/// What to build from.
#[derive(Debug, Clone)]
pub struct Options {
    /// Unpacked sources.
    pub sources: SourcePaths,
    /// The region (INSEE code; [`region::GRAND_EST`] is `data/`'s).
    pub region: String,
    /// Composition file; `None`: the territories the commune table puts in the region
    /// ([`regional`]).
    pub composition: Option<PathBuf>,
    /// A commune table to use instead of the one the composition names (`--ti-list`).
    pub official: Option<PathBuf>,
    /// The commune table of a region without a composition when `official` is `None` (the
    /// State's national table of October 2020).
    pub national_table: PathBuf,
    /// Arc simplification tolerance (metres).
    pub tolerance_m: f64,
}

/// The generated files, as text, and the names they are written under.
#[derive(Debug, Clone)]
pub struct Outputs {
    /// The region they are of.
    pub region: region::Region,
    /// Territories FeatureCollection.
    pub territories: String,
    /// Context FeatureCollection.
    pub context: String,
    /// Build report (Markdown).
    pub report: String,
    /// The region's communes and their territory (CSV, [`directory`]).
    pub communes: String,
}

/// Per-territory figures for the report.
#[derive(Debug, Clone)]
pub struct TerritoryStats {
    /// Territory id.
    pub id: String,
    /// Number of communes.
    pub communes: usize,
    /// Geodesic area of the unsimplified communes, km².
    pub area_km2: f64,
    /// Sum of the legal populations of its current communes, when every one has one.
    pub population: Option<u64>,
    /// Confidence.
    pub confidence: String,
}

/// Runs the whole pipeline in memory.
pub fn build(opts: &Options) -> Result<Outputs> {
    let (region, (comp, table, rows, mut diagnostics)) = inputs::compose(opts)?;
    let src = sources::read_sources(&opts.sources, &region)?;
    let m = membership::compute(&comp, &src, rows.as_deref())?;
    diagnostics.extend(m.report.iter().cloned());

    // faces: one per (département, territory) pair
    let mut face_ids: BTreeMap<(String, Option<usize>), u32> = BTreeMap::new();
    for c in &src.communes {
        let n = face_ids.len() as u32;
        face_ids.entry((c.departement.clone(), m.territory_of.get(&c.code).copied())).or_insert(n);
    }
    let face_key: BTreeMap<u32, (String, Option<usize>)> = face_ids.iter().map(|(k, v)| (*v, k.clone())).collect();
    let mut faces: Vec<(u32, Vec<topology::Pt>)> = Vec::new();
    for c in &src.communes {
        let face = face_ids[&(c.departement.clone(), m.territory_of.get(&c.code).copied())];
        faces.extend(topology::polygon_rings(&c.geometry).into_iter().map(|r| (face, r)));
    }
    let defects = gaps::find_defects(&faces);
    faces.extend(defects.iter().map(|d| (d.face, d.ring.clone())));
    let arcs = topology::build_arcs(&faces).context("building the commune topology")?;
    let simplified = simplify::simplify_arcs(&arcs, opts.tolerance_m, src.lat0);

    let territory_shapes = assemble::assemble(&arcs, &simplified, |f| face_key.get(&f).and_then(|k| k.1))?;
    let dep_shapes = assemble::assemble(&arcs, &simplified, |f| face_key.get(&f).map(|k| k.0.clone()))?;
    let region_shape = assemble::assemble(&arcs, &simplified, |f| face_key.get(&f).map(|_| ()))?
        .remove(&())
        .ok_or_else(|| anyhow!("empty region"))?;

    let mut outs = Vec::new();
    let mut stats = Vec::new();
    for (ti, t) in comp.territories.iter().enumerate() {
        let geometry =
            territory_shapes.get(&ti).cloned().ok_or_else(|| anyhow!("territory {} has no commune", t.id))?;
        let members: Vec<&sources::Commune> =
            src.communes.iter().filter(|c| m.territory_of.get(&c.code) == Some(&ti)).collect();
        let rows = &m.table_rows[ti];
        let (communes, epci, note) = if m.official.contains(&ti) {
            let f = perimeter::facts(&src, &t.id, rows, |c| rows.iter().any(|r| r.insee_com == c));
            diagnostics.extend(f.report.iter().cloned());
            let described = match (&opts.official, &comp.perimeters) {
                (None, Some(p)) => p.described_as.clone(),
                _ => {
                    let file = table.as_deref().unwrap_or(Path::new("")).display().to_string();
                    text::Text::both(format!("la liste de communes {file}"), format!("the commune list {file}"))
                }
            };
            let note = perimeter::note(&described, rows.len(), &f, &t.perimeter_note);
            let epci = f.epci.iter().map(|e| (e.siren.clone(), e.name.clone(), Some(e.communes))).collect();
            (rows.len(), epci, note)
        } else {
            let epci = m.epcis[ti].iter().map(|(s, n)| (s.clone(), n.clone(), None)).collect();
            (members.len(), epci, t.perimeter_note.clone())
        };
        let current: std::collections::BTreeSet<&str> =
            members.iter().map(|c| src.former_codes.get(&c.code).unwrap_or(&c.code).as_str()).collect();
        let population = current.iter().map(|c| src.population.get(*c)).sum::<Option<u64>>();
        let area_km2 = members.iter().map(|c| c.geometry.geodesic_area_unsigned()).sum::<f64>() / 1e6;
        stats.push(TerritoryStats {
            id: t.id.clone(),
            communes,
            area_km2,
            population,
            confidence: t.perimeter_confidence.clone(),
        });
        let label = labels::label_point(&geometry, src.lat0).with_context(|| format!("label of {}", t.id))?;
        let mut sources = Vec::new();
        if let Some(p) = &comp.perimeters {
            if m.official.contains(&ti) && opts.official.is_none() {
                sources.push(p.source.clone());
            }
            sources.push(p.population_source.clone());
        }
        sources.extend(t.sources.iter().cloned());
        outs.push(write::TerritoryOut {
            t,
            geometry,
            epci,
            communes_count: communes,
            area_km2,
            population: population.zip(comp.perimeters.as_ref().map(|p| p.population_vintage.clone())),
            label,
            note,
            sources,
        });
    }

    let national = region.code == region::ALL;
    // The national map's areas: metropolitan France, and each overseas département apart (an inset).
    let area_of = |dep: &str| if national && dep.starts_with("97") { dep.to_string() } else { String::new() };
    let areas = assemble::assemble(&arcs, &simplified, |f| face_key.get(&f).map(|k| area_of(&k.0)))?;
    let areas: Vec<_> = (areas.into_iter())
        .map(|(k, a)| (a, if k.is_empty() { context::MARGIN_DEG } else { context::OVERSEAS_MARGIN_DEG }))
        .collect();
    let country_tolerance = opts.tolerance_m * context::COUNTRY_TOLERANCE_FACTOR;
    let mut ctx = context::countries(&src.countries, &areas, national, &region_shape, country_tolerance, src.lat0);
    for (code, g) in dep_shapes {
        let name = src.departement_names.get(&code).cloned().unwrap_or_default();
        ctx.push(("department", code, name, g));
    }
    let region_area = src.communes.iter().map(|c| c.geometry.geodesic_area_unsigned()).sum::<f64>() / 1e6;
    if national {
        let region::Geography { regions, names } = region::Geography::read(&opts.sources.decoupage)?;
        let outlines =
            assemble::assemble(&arcs, &simplified, |f| face_key.get(&f).and_then(|k| regions.get(&k.0).cloned()))?;
        for (code, g) in outlines {
            ctx.push(("region", code.clone(), names.get(&code).cloned().unwrap_or_default(), g));
        }
    } else {
        ctx.push(("region", region.code.clone(), region.name.clone(), region_shape));
    }

    let communes = directory::csv(&src, &comp, &m)?;
    let territories = write::territories_json(&comp, outs);
    let context = write::context_json(ctx);
    let report = report::render(&report::ReportInput {
        tolerance_m: opts.tolerance_m,
        official: table.as_ref().and_then(|p| p.file_name()).map(|f| f.to_string_lossy().into_owned()),
        generated: opts.composition.is_none(),
        region: region.name.clone(),
        communes: src.communes.len(),
        region_area_km2: region_area,
        arcs: arcs.len(),
        points_before: arcs.iter().map(|a| a.points.len()).sum(),
        points_after: simplified.iter().map(Vec::len).sum(),
        stats,
        defects: defects
            .iter()
            .map(|d| {
                let (dep, ti) = face_key.get(&d.face).cloned().unwrap_or_default();
                let owner = format!("{dep} / {}", ti.map_or("-", |i| comp.territories[i].id.as_str()));
                let at = (d.ring[0].0 as f64 / topology::SCALE, d.ring[0].1 as f64 / topology::SCALE);
                (d.area2 as f64 / 2e10, at, owner)
            })
            .collect(),
        diagnostics,
        territories_bytes: territories.len(),
        context_bytes: context.len(),
    });
    Ok(Outputs { region, territories, context, report, communes })
}

impl Outputs {
    /// Each file the tool writes, by name (`territoires-grand-est.geojson`, … see
    /// [`region::Region::territories_file`]), with its text.
    pub fn files(&self) -> [(String, &String); 4] {
        [
            (self.region.territories_file(), &self.territories),
            (self.region.context_file(), &self.context),
            (REPORT_FILE.to_string(), &self.report),
            (self.region.communes_file(), &self.communes),
        ]
    }
}

/// Writes the outputs into `dir`.
pub fn write_outputs(out: &Outputs, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in out.files() {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
