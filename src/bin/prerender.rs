//! `prerender <data dir> <site dir> <site url>`: writes the map before and without JavaScript
//! into a built site (see `territoires_map::prerender`): the default map into `index.html` and
//! `embed.html` (in place of their `<!-- tim:prerender -->` mark, and the main page's head tags
//! in place of `<!-- tim:head -->`), `territoires/<id>.html`, and `territoires-map.snippet.html`
//! for hosts of `<territoires-map>`. Run by `make build` after `.ci/build-site`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, site, url] = args.as_slice() else {
        eprintln!("usage: prerender <data dir> <site dir> <site url>");
        return std::process::ExitCode::from(2);
    };
    match run::run(data.as_ref(), site.as_ref(), url) {
        Ok(n) => {
            println!("prerender: index.html, embed.html, {n} territory pages, territoires-map.snippet.html");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The pre-renderer is a build step; the wasm32 build of the crate has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod run {
    use std::fs;
    use std::path::Path;
    use territoires_map::hydrate::page::write_data;
    use territoires_map::prerender::{head_tags, map_block, snippet, territory_page, Site};
    use territoires_map::{load, text::FR};

    const MARK: &str = "<!-- tim:prerender -->";
    const HEAD: &str = "<!-- tim:head -->";

    fn read(p: &Path) -> Result<Vec<u8>, String> {
        fs::read(p).map_err(|e| format!("{}: {e}", p.display()))
    }

    fn write(p: &Path, text: &str) -> Result<(), String> {
        fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))
    }

    /// Puts `markup` in place of `mark` in `page`, which must hold it once.
    fn splice(page: &Path, mark: &str, markup: &str) -> Result<(), String> {
        let html = String::from_utf8(read(page)?).map_err(|e| format!("{}: {e}", page.display()))?;
        if html.matches(mark).count() != 1 {
            return Err(format!("{}: expected the mark {mark} once", page.display()));
        }
        write(page, &html.replacen(mark, markup, 1))
    }

    pub fn run(data: &Path, site: &Path, url: &str) -> Result<usize, String> {
        let strings = &FR;
        let file = data.join("territoires-grand-est.geojson");
        let bytes = read(&file)?;
        let loaded = load::territories_with(&bytes, &strings.mapping(), None)
            .map_err(|e| format!("{}: {}", file.display(), strings.load_error(&e)))?;
        let ctx_file = data.join("contexte-grand-est.geojson");
        let context = load::context(&read(&ctx_file)?)
            .map_err(|e| format!("{}: {}", ctx_file.display(), strings.load_error(&e)))?;
        let mut site_data = Site::new(&loaded.data, Some(&context.data), strings, url);
        // The module's copy of the data, so that the default page downloads no GeoJSON.
        site_data.data_block = write_data(&loaded.data);
        let block = map_block(&site_data, &territoires_map::prerender::root_links(), None).into_string();
        splice(&site.join("index.html"), HEAD, &head_tags(&site_data).into_string())?;
        splice(&site.join("index.html"), MARK, &block)?;
        splice(&site.join("embed.html"), MARK, &block)?;
        let dir = site.join("territoires");
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut pages = 0;
        for i in 0..loaded.data.territories.len() {
            if let Some(p) = territory_page(&site_data, i) {
                write(&dir.join(&p.file), &p.html)?;
                pages += 1;
            }
        }
        write(&site.join("territoires-map.snippet.html"), &snippet(&site_data))?;
        Ok(pages)
    }
}
