//! The advance widths the labels are placed with: Liberation Sans Bold, the font metric-compatible
//! with Arial (Windows, macOS) and Helvetica, in which map.css sets `.tim-label` and `carte` draws
//! the exported image's names. The pre-render, the module and the image place every name on these
//! same widths, so that nothing moves when the module adopts the page; each written line carries
//! its width as `textLength`, so a browser that draws it in another font still fills exactly the
//! box that was placed. Kerning is left out (the box is the advances' sum).
//!
//! Font units (2048 an em). The table is checked against the font file by this module's test,
//! which prints a new one if they differ.

/// Units per em of the table.
const UNITS: f64 = 2048.0;

/// Advances of U+0020 to U+017F (Basic Latin, Latin-1, Latin Extended-A): every letter of the
/// French, German and other names of the region. Control characters are 0.
#[rustfmt::skip]
const LATIN: [u16; 352] = [
    569, 682, 971, 1139, 1139, 1821, 1479, 487, 682, 682, 797, 1196, 569, 682, 569, 569,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 682, 682, 1196, 1196, 1196, 1251,
    1997, 1479, 1479, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1139, 1479, 1251, 1706, 1479, 1593,
    1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 682, 569, 682, 1196, 1139,
    682, 1139, 1251, 1139, 1251, 1139, 682, 1251, 1251, 569, 569, 1139, 569, 1821, 1251, 1251,
    1251, 1251, 797, 1139, 682, 1251, 1139, 1593, 1139, 1139, 1024, 797, 573, 797, 1196, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    569, 682, 1139, 1139, 1139, 1139, 573, 1139, 682, 1509, 758, 1139, 1196, 682, 1509, 1131,
    819, 1124, 682, 682, 682, 1180, 1139, 569, 682, 682, 748, 1139, 1708, 1708, 1708, 1251,
    1479, 1479, 1479, 1479, 1479, 1479, 2048, 1479, 1366, 1366, 1366, 1366, 569, 569, 569, 569,
    1479, 1479, 1593, 1593, 1593, 1593, 1593, 1196, 1593, 1479, 1479, 1479, 1479, 1366, 1366, 1251,
    1139, 1139, 1139, 1139, 1139, 1139, 1821, 1139, 1139, 1139, 1139, 1139, 569, 569, 569, 569,
    1251, 1251, 1251, 1251, 1251, 1251, 1251, 1124, 1251, 1251, 1251, 1251, 1251, 1139, 1251, 1139,
    1479, 1139, 1479, 1139, 1479, 1139, 1479, 1139, 1479, 1139, 1479, 1139, 1479, 1139, 1479, 1472,
    1479, 1251, 1366, 1139, 1366, 1139, 1366, 1139, 1366, 1139, 1366, 1139, 1593, 1251, 1593, 1251,
    1593, 1251, 1593, 1251, 1479, 1251, 1479, 1251, 569, 569, 569, 569, 569, 569, 569, 569,
    569, 569, 1607, 1139, 1139, 569, 1479, 1139, 1139, 1251, 569, 1251, 569, 1251, 789, 1251,
    981, 1251, 569, 1479, 1251, 1479, 1251, 1479, 1251, 1451, 1481, 1251, 1593, 1251, 1593, 1251,
    1593, 1251, 2048, 1933, 1479, 797, 1479, 797, 1479, 797, 1366, 1139, 1366, 1139, 1366, 1139,
    1366, 1139, 1251, 682, 1251, 981, 1251, 682, 1479, 1251, 1479, 1251, 1479, 1251, 1479, 1251,
    1479, 1251, 1479, 1251, 1933, 1593, 1366, 1139, 1366, 1251, 1024, 1251, 1024, 1251, 1024, 569,
];

/// Typographic punctuation beyond the table: dashes, quotes, ellipsis.
const PUNCTUATION: [(char, u16); 8] =
    [('‐', 682), ('–', 1139), ('—', 2048), ('‘', 569), ('’', 569), ('“', 1024), ('”', 1024), ('…', 2048)];

/// A character the tables do not hold: the width of a digit, about the average letter.
const OTHER: u16 = 1139;

fn advance(c: char) -> u16 {
    let code = c as usize;
    if (0x20..0x20 + LATIN.len()).contains(&code) {
        return LATIN[code - 0x20];
    }
    PUNCTUATION.iter().find(|(p, _)| *p == c).map_or(OTHER, |&(_, w)| w)
}

/// The width of one line of `text` at `px` pixels, in pixels.
///
/// ```
/// use territoires_map::labels::metrics::width;
/// assert_eq!(width("Vosges", 2048.0), 7285.0);
/// assert_eq!(width("", 12.0), 0.0);
/// ```
pub fn width(text: &str, px: f64) -> f64 {
    text.chars().map(|c| f64::from(advance(c))).sum::<f64>() * px / UNITS
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::instance::{LocationRef, Size};
    use skrifa::{FontRef, MetadataProvider};

    /// Where Debian's fonts-liberation puts the font (`.ci/setup-fonts` installs it).
    const FILE: &str = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf";

    #[test]
    fn the_table_is_liberation_sans_bold() {
        let bytes = std::fs::read(FILE).expect("apt-get install fonts-liberation (.ci/setup-fonts)");
        let font = FontRef::new(&bytes).expect("a TrueType font");
        let (map, metrics) = (font.charmap(), font.glyph_metrics(Size::unscaled(), LocationRef::default()));
        let of = |c: char| map.map(c).and_then(|g| metrics.advance_width(g)).map_or(0, |w| w as u16);
        let latin: Vec<u16> = (0x20u32..0x20 + LATIN.len() as u32).filter_map(char::from_u32).map(of).collect();
        assert_eq!(latin, LATIN, "LATIN should be:\n{latin:?}");
        for (c, w) in PUNCTUATION {
            assert_eq!(of(c), w, "{c}");
        }
    }

    #[test]
    fn unknown_characters_count_as_a_digit_and_controls_as_nothing() {
        assert_eq!(width("字", 2048.0), 1139.0);
        assert_eq!(width("\u{85}", 12.0), 0.0);
        assert!(width("Saverne – Nord Alsace", 12.0) > width("Saverne-Nord Alsace", 12.0));
    }
}
