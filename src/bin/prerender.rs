//! `prerender <data dir> <site dir> <site url>`: writes the map before and without JavaScript
//! into a built site (see `territoires_map::prerender`), in each language of the site (French at
//! its root, English in `en/`): `index.html` and `embed.html` with the default map in them,
//! `territoires/<id>.html`, and `territoires-map.snippet.html` for hosts of `<territoires-map>`.
//! Run by `make build` after `.ci/build-site`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, site, url] = args.as_slice() else {
        eprintln!("usage: prerender <data dir> <site dir> <site url>");
        return std::process::ExitCode::from(2);
    };
    match run::run(data.as_ref(), site.as_ref(), url) {
        Ok(n) => {
            println!("prerender: fr and en: index.html, embed.html, {n} territory pages, territoires-map.snippet.html");
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
    use territoires_map::prerender::{
        all_page, edition_dir, embed_page, index_page, search_index, snippet, territory_page, DataFiles, Site,
        COMMUNES_PAGE, EDITIONS,
    };
    use territoires_map::search::{self, Commune};
    use territoires_map::text::Strings;
    use territoires_map::{load, model::Context};

    fn read(p: &Path) -> Result<Vec<u8>, String> {
        fs::read(p).map_err(|e| format!("{}: {e}", p.display()))
    }

    fn write(p: &Path, text: &str) -> Result<(), String> {
        if let Some(dir) = p.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))
    }

    /// Every edition, the first at the site's root, the others in their language's folder.
    /// Returns the number of territory pages of one edition.
    pub fn run(data: &Path, site: &Path, url: &str) -> Result<usize, String> {
        let files = DataFiles::find(data)?;
        let territories = data.join(files.territories());
        let bytes = read(&territories)?;
        let list = data.join(files.communes());
        let text = String::from_utf8(read(&list)?).map_err(|e| format!("{}: {e}", list.display()))?;
        let communes = search::read(&text).map_err(|e| format!("{}: {e}", list.display()))?;
        let ctx_file = data.join(files.context());
        let context = load::context(&read(&ctx_file)?)
            .map_err(|e| format!("{}: {}", ctx_file.display(), EDITIONS[0].load_error(&e)))?;
        let mut pages = 0;
        for (k, strings) in EDITIONS.into_iter().enumerate() {
            // One search index for every edition (the territories' names are the same), written
            // with the first.
            let index = (k == 0).then(|| site.join("data").join(files.index()));
            let dir = site.join(edition_dir(strings));
            let input = (&bytes[..], &communes[..], &files);
            pages = edition(input, &context.data, strings, (&dir, index.as_deref()), url)
                .map_err(|e| format!("{} ({}): {e}", territories.display(), strings.lang))?;
        }
        Ok(pages)
    }

    /// One edition: the file read in its language (its language maps resolved), then its pages
    /// in `dir`, and the search index at `index` when given.
    fn edition(
        (bytes, communes, files): (&[u8], &[Commune], &DataFiles),
        context: &Context,
        strings: &'static Strings,
        (dir, index): (&Path, Option<&Path>),
        url: &str,
    ) -> Result<usize, String> {
        let loaded = load::territories_with(bytes, &strings.mapping(), None).map_err(|e| strings.load_error(&e))?;
        let mut site = Site::new(&loaded.data, Some(context), strings, url);
        // The module's copy of the data, so that the default page downloads no GeoJSON.
        site.data_block = write_data(&loaded.data);
        site.communes = communes.to_vec();
        site.files = files.clone();
        write(&dir.join("index.html"), &index_page(&site))?;
        write(&dir.join("embed.html"), &embed_page(&site))?;
        let mut pages = 0;
        for i in 0..loaded.data.territories.len() {
            if let Some(p) = territory_page(&site, i) {
                write(&dir.join("territoires").join(&p.file), &p.html)?;
                pages += 1;
            }
        }
        write(&dir.join("territoires-map.snippet.html"), &snippet(&site))?;
        if let Some(page) = all_page(&site) {
            write(&dir.join(COMMUNES_PAGE), &page)?;
        }
        if let Some(index) = index {
            write(index, &search_index(&site))?;
        }
        Ok(pages)
    }
}
