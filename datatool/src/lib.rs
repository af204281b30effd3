//! `ti-data`: rebuilds `data/territoires-grand-est.geojson` and `data/contexte-grand-est.geojson`
//! from pinned public sources and the human-edited `data/composition.toml`.
//!
//! Pipeline: [`sources`] → [`membership`] (which commune is in which territory, from the commune
//! table `data/ti-grand-est-communes-2020.csv` named in the composition) → [`perimeter`] (what the
//! cards say about it) →
//! [`topology`] (faces = département × territory, arcs) → [`simplify`] (each arc once) →
//! [`assemble`] (territories, départements, region) → [`labels`], [`context`] → [`write`].

pub mod assemble;
pub mod composition;
pub mod context;
pub mod crossings;
pub mod directory;
pub mod epci_areas;
pub mod gaps;
pub mod labels;
pub mod membership;
pub mod official;
pub mod perimeter;
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
/// File names of the outputs inside the data directory.
pub const TERRITORIES_FILE: &str = "territoires-grand-est.geojson";
/// Context layers file name.
pub const CONTEXT_FILE: &str = "contexte-grand-est.geojson";
/// Build report file name.
pub const REPORT_FILE: &str = "build-report.md";

/// What to build from.
#[derive(Debug, Clone)]
pub struct Options {
    /// Unpacked sources.
    pub sources: SourcePaths,
    /// Composition file.
    pub composition: PathBuf,
    /// A commune table to use instead of the one the composition names (`--ti-list`).
    pub official: Option<PathBuf>,
    /// Arc simplification tolerance (metres).
    pub tolerance_m: f64,
}

/// The three generated files, as text.
#[derive(Debug, Clone)]
pub struct Outputs {
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
    let comp = composition::Composition::load(&opts.composition)?;
    comp.require_english().with_context(|| format!("in {}", opts.composition.display()))?;
    let src = sources::read_sources(&opts.sources)?;
    let table = opts.official.clone().or_else(|| {
        let dir = opts.composition.parent().unwrap_or(Path::new("."));
        comp.perimeters.as_ref().map(|p| dir.join(&p.table))
    });
    let rows = table.as_deref().map(official::read_official).transpose()?;
    let m = membership::compute(&comp, &src, rows.as_deref())?;
    let mut diagnostics = m.report.clone();

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
    let simplified = simplify::simplify_arcs(&arcs, opts.tolerance_m);

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
        let label = labels::label_point(&geometry).with_context(|| format!("label of {}", t.id))?;
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

    let bbox = context::clip_box(&region_shape).ok_or_else(|| anyhow!("empty region"))?;
    let mut ctx: Vec<write::ContextFeature> = Vec::new();
    for (num, alpha2, name) in world::NEIGHBOURS {
        let country = src.countries.get(num).ok_or_else(|| anyhow!("missing country {num}"))?;
        let g = context::country_context(
            country,
            &bbox,
            &region_shape,
            opts.tolerance_m * context::COUNTRY_TOLERANCE_FACTOR,
        );
        ctx.push(("country", alpha2.to_string(), name.to_string(), g));
    }
    for (code, g) in dep_shapes {
        let name = src.departement_names.get(&code).cloned().unwrap_or_default();
        ctx.push(("department", code, name, g));
    }
    let region_area = src.communes.iter().map(|c| c.geometry.geodesic_area_unsigned()).sum::<f64>() / 1e6;
    ctx.push(("region", "44".into(), "Grand Est".into(), region_shape));

    let communes = directory::csv(&src, &comp, &m)?;
    let territories = write::territories_json(&comp, outs);
    let context = write::context_json(ctx);
    let report = report::render(&report::ReportInput {
        tolerance_m: opts.tolerance_m,
        official: table.as_ref().and_then(|p| p.file_name()).map(|f| f.to_string_lossy().into_owned()),
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
    Ok(Outputs { territories, context, report, communes })
}

impl Outputs {
    /// Each file of `data/` the tool writes, by name, with its text.
    pub fn files(&self) -> [(&'static str, &String); 4] {
        [
            (TERRITORIES_FILE, &self.territories),
            (CONTEXT_FILE, &self.context),
            (REPORT_FILE, &self.report),
            (directory::FILE, &self.communes),
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
