//! `carte <data dir> <site dir>`: the images of the map, written at build time by `make build`.
//!
//! - `<site>/carte.svg`, the default map as the viewer's "Télécharger l'image" exports it;
//! - `<site>/carte.png`, the same at twice its size;
//! - `<site>/territoires/<id>.png`, 1200 × 630 (the Open Graph size), the map with that
//!   territory outlined, for the per-territory pages' link previews;
//!
//! in each language of the site, as its pages are: French at the root, English in `en/`.
//!
//! The document is `image`'s; the rasterizing is `raster`'s (native only).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use territoires_map::image::{document, fit, Frame};
use territoires_map::prerender::{edition_dir, EDITIONS};
use territoires_map::scene::Scene;
use territoires_map::text::Strings;
use territoires_map::view::View;
use territoires_map::{load, raster};

/// The default map: as wide as a wide page's map, and as tall as the region needs.
const WIDTH: f64 = 1200.0;
const HEIGHT: f64 = 900.0;
/// The size link previews (Open Graph) expect.
const OG: (f64, f64) = (1200.0, 630.0);
const PADDING: f64 = 16.0;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [data, site] = args.as_slice() else {
        eprintln!("usage: carte <data dir> <site dir>");
        return ExitCode::from(2);
    };
    match run(data, site) {
        Ok(n) => {
            println!("carte: {} carte.svg, carte.png and {n} territory images, in fr and en", site.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("carte: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(data_dir: &Path, site: &Path) -> Result<usize, String> {
    let files = territoires_map::prerender::DataFiles::find(data_dir)?;
    let territories = data_dir.join(files.territories());
    let bytes = read(&territories)?;
    let file = data_dir.join(files.context());
    let context =
        load::context(&read(&file)?).map_err(|e| format!("{}: {}", file.display(), EDITIONS[0].load_error(&e)))?.data;
    let fonts = raster::fonts().map_err(|e| e.to_string())?;
    let mut written = 0;
    for s in EDITIONS {
        let data = load::territories_with(&bytes, &s.mapping(), None)
            .map_err(|e| format!("{}: {}", territories.display(), s.load_error(&e)))?
            .data;
        written = edition(&data, &Scene::build(&data, Some(&context)), s, &site.join(edition_dir(s)), &fonts)?;
    }
    Ok(written)
}

/// The images of one edition, the data read in its language, into its folder.
fn edition(
    data: &territoires_map::model::Dataset,
    scene: &Scene,
    s: &'static Strings,
    site: &Path,
    fonts: &raster::Fonts,
) -> Result<usize, String> {
    let v = View::fit(scene.bounds, WIDTH, HEIGHT, PADDING);
    let svg = document(data, scene, &v, s, None, &[], Frame::File(None)).svg;
    let dir = site.join("territoires");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    write(&site.join("carte.svg"), svg.as_bytes())?;
    write(&site.join("carte.png"), &raster::png(&svg, 2.0, fonts).map_err(|e| e.to_string())?)?;
    let mut written = 0;
    for (i, t) in data.territories.iter().enumerate() {
        // The pages' own rule: `territoires/<id>.html` names `<id>.png` as its preview.
        let Some(stem) = territoires_map::card::page_slug(&t.id) else {
            eprintln!("carte: no image for territory « {} »: its id is not a safe file name", t.id);
            continue;
        };
        // Its own view: the numbers' key under the legend depends on the names that fit.
        let v = fit(data, scene, s, OG, PADDING, Some(i));
        let svg = document(data, scene, &v, s, Some(i), &[], Frame::File(Some(OG.1))).svg;
        write(&dir.join(format!("{stem}.png")), &raster::png(&svg, 1.0, fonts).map_err(|e| e.to_string())?)?;
        written += 1;
    }
    Ok(written)
}
