//! `ti-data`: rebuilds `data/territoires-grand-est.geojson` and `data/contexte-grand-est.geojson`
//! from pinned public sources and the human-edited `data/composition.toml`.
//!
//! Pipeline: [`sources`] → [`membership`] (which commune is in which territory) →
//! [`topology`] (faces = département × territory, arcs) → [`simplify`] (each arc once) →
//! [`assemble`] (territories, départements, region) → [`labels`], [`context`] → [`write`].

pub mod assemble;
pub mod composition;
pub mod context;
pub mod crossings;
pub mod gaps;
pub mod labels;
pub mod membership;
pub mod official;
pub mod report;
pub mod simplify;
pub mod sources;
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
    /// Optional official commune list replacing the composition's perimeters.
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
    /// Confidence.
    pub confidence: String,
}

/// Runs the whole pipeline in memory.
pub fn build(opts: &Options) -> Result<Outputs> {
    let comp = composition::Composition::load(&opts.composition)?;
    let src = sources::read_sources(&opts.sources)?;
    let rows = opts.official.as_deref().map(official::read_official).transpose()?;
    let m = membership::compute(&comp, &src, rows.as_deref())?;

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
        let (confidence, note) = if m.official.contains(&ti) {
            (
                "high".to_string(),
                "Périmètre issu de la liste officielle des communes des Territoires d'industrie (État).".to_string(),
            )
        } else {
            (t.perimeter_confidence.clone(), t.perimeter_note.clone())
        };
        stats.push(TerritoryStats {
            id: t.id.clone(),
            communes: members.len(),
            area_km2: members.iter().map(|c| c.geometry.geodesic_area_unsigned()).sum::<f64>() / 1e6,
            confidence: confidence.clone(),
        });
        let label = labels::label_point(&geometry).with_context(|| format!("label of {}", t.id))?;
        outs.push(write::TerritoryOut {
            t,
            geometry,
            epci: m.epcis[ti].clone(),
            communes_count: members.len(),
            label,
            confidence,
            note,
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

    let territories = write::territories_json(&comp, outs);
    let context = write::context_json(ctx);
    let report = report::render(&report::ReportInput {
        tolerance_m: opts.tolerance_m,
        official: opts.official.as_ref().and_then(|p| p.file_name()).map(|f| f.to_string_lossy().into_owned()),
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
        diagnostics: m.report.clone(),
        territories_bytes: territories.len(),
        context_bytes: context.len(),
    });
    Ok(Outputs { territories, context, report })
}

/// Writes the outputs into `dir`.
pub fn write_outputs(out: &Outputs, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in [(TERRITORIES_FILE, &out.territories), (CONTEXT_FILE, &out.context), (REPORT_FILE, &out.report)]
    {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
