//! Native only: the exported SVG document ([`crate::image`]) rasterized to PNG with
//! `resvg`, for `carte` at build time. Never compiled into the wasm module, where the browser
//! rasterizes the same document itself. Works in the document's pixels, times a scale.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use std::sync::Arc;

/// The font the images are set in: DejaVu Sans, which Debian's fontconfig pulls in with
/// Chromium and `.ci/setup-fonts` installs otherwise. One named font, not whatever the machine
/// has, so that the same data gives the same picture on every build machine.
pub const FAMILY: &str = "DejaVu Sans";
/// The names on the map are in Liberation Sans (the first of the labels' fonts,
/// [`crate::render::style::LABEL_FONT`], that a Linux machine has), on whose widths they are placed.
pub const LABELS: &str = "Liberation Sans";

/// Why an image could not be made.
#[derive(Debug)]
pub enum RasterError {
    /// No face of [`FAMILY`] or [`LABELS`] among the system's fonts: the one missing.
    NoFont(&'static str),
    /// The document did not parse (a bug: it is written by `image`).
    Svg(usvg::Error),
    /// Zero or too large a size.
    Size(u32, u32),
    Png(String),
}

impl std::fmt::Display for RasterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RasterError::NoFont(family) => {
                write!(f, "no « {family} » font on this machine (.ci/setup-fonts installs it from Debian)")
            }
            RasterError::Svg(e) => write!(f, "the SVG document does not parse: {e}"),
            RasterError::Size(w, h) => write!(f, "cannot make a {w} × {h} pixel image"),
            RasterError::Png(e) => write!(f, "PNG encoding failed: {e}"),
        }
    }
}

impl std::error::Error for RasterError {}

/// The fonts the images are drawn with, loaded once.
pub type Fonts = Arc<fontdb::Database>;

/// The system's fonts, with `sans-serif` (what the document asks for) meaning [`FAMILY`].
pub fn fonts() -> Result<Fonts, RasterError> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    for family in [FAMILY, LABELS] {
        if !db.faces().any(|f| f.families.iter().any(|(name, _)| name == family)) {
            return Err(RasterError::NoFont(family));
        }
    }
    db.set_sans_serif_family(FAMILY);
    Ok(Arc::new(db))
}

/// `svg` drawn at `scale` times its size, as PNG bytes.
pub fn png(svg: &str, scale: f32, fonts: &Arc<fontdb::Database>) -> Result<Vec<u8>, RasterError> {
    let opt = usvg::Options { fontdb: Arc::clone(fonts), font_family: FAMILY.to_string(), ..Default::default() };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(RasterError::Svg)?;
    let size = tree.size();
    let (w, h) = ((size.width() * scale).round() as u32, (size.height() * scale).round() as u32);
    let mut pixmap = Pixmap::new(w, h).ok_or(RasterError::Size(w, h))?;
    resvg::render(&tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| RasterError::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_becomes_a_png_of_its_size_times_the_scale() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="#00666b"/><text x="2" y="15" font-family="sans-serif">Aé</text></svg>"##;
        let fonts = fonts().expect("fonts-dejavu-core is installed by .ci/setup-fonts");
        let bytes = png(svg, 2.0, &fonts).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (60, 40));
        assert!(matches!(png("<svg", 1.0, &fonts), Err(RasterError::Svg(_))));
        let empty = r#"<svg xmlns="http://www.w3.org/2000/svg" width="0.1" height="0.1"/>"#;
        assert!(matches!(png(empty, 1.0, &fonts), Err(RasterError::Size(0, 0)) | Err(RasterError::Svg(_))));
    }
}
