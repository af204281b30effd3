//! The looks both renderers share, defined once: the context layers' fills, strokes and dashes,
//! the territories' border, the dimmed opacity and the status motifs. Widths and dashes are CSS
//! pixels on screen (the SVG keeps them with `vector-effect: non-scaling-stroke`, the canvas
//! scales them by the view); motifs are drawn in an 8 × 8 pixel tile. `www/map.css` states the
//! same values for the SVG; tests here and in [`super::canvas`] read it and fail when they part.

use crate::model::{ContextLayer, Pattern};

/// A colour the page may theme: a custom property, and the colour used when it is not set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// `--tim-…`, or `None` for a colour that is not themeable.
    pub var: Option<&'static str>,
    pub fallback: &'static str,
}

impl Paint {
    const fn themed(var: &'static str, fallback: &'static str) -> Paint {
        Paint { var: Some(var), fallback }
    }
}

/// How one context layer is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContextStyle {
    /// `None`: not filled (the region's outline is drawn over the others).
    pub fill: Option<Paint>,
    pub stroke: Paint,
    /// Stroke width in CSS pixels.
    pub width: f64,
    /// Dash and gap lengths in CSS pixels; `None` for a solid line.
    pub dash: Option<[f64; 2]>,
}

/// The style of a context layer. Department borders are dashed so that they read as secondary
/// to the region's solid outline, in both renderers.
pub fn context(layer: ContextLayer) -> ContextStyle {
    match layer {
        ContextLayer::Country => ContextStyle {
            fill: Some(Paint::themed("--tim-country", "#e4e6e9")),
            stroke: Paint::themed("--tim-country-stroke", "#b9bec5"),
            width: 0.8,
            dash: None,
        },
        ContextLayer::Department => ContextStyle {
            fill: Some(Paint { var: None, fallback: "#fbfbfb" }),
            stroke: Paint::themed("--tim-department-stroke", "#8a929c"),
            width: 0.8,
            dash: Some([3.0, 2.0]),
        },
        ContextLayer::Region => {
            ContextStyle { fill: None, stroke: Paint::themed("--tim-region-stroke", "#3d4650"), width: 1.6, dash: None }
        }
    }
}

/// Every context layer, in drawing order.
pub const CONTEXT_LAYERS: [ContextLayer; 3] = [ContextLayer::Country, ContextLayer::Department, ContextLayer::Region];

/// The border between territories.
pub const TERRITORY_STROKE: Paint = Paint::themed("--tim-territory-stroke", "#ffffff");
/// Its width in CSS pixels.
pub const TERRITORY_WIDTH: f64 = 1.5;
/// Width of the hovered territory's outline, and of the selected one's (which wins when both).
pub const HOVER_WIDTH: f64 = 2.5;
pub const SELECTED_WIDTH: f64 = 3.0;
/// Width of a marker's outline, and of the marker of the keyboard's tab stop.
pub const MARKER_WIDTH: f64 = 2.0;
pub const MARKER_FOCUS_WIDTH: f64 = 4.0;
/// Behind the map, where there is no context layer.
pub const SEA: Paint = Paint::themed("--tim-sea", "#e4e6e9");
/// The outline of a hovered or selected territory.
pub const HIGHLIGHT_STROKE: Paint = Paint::themed("--tim-hover-stroke", "#161616");
/// The names on the map: size and weight, fill, and the halo that keeps them legible on any
/// fill (a stroke painted under the fill). The size is the one labels are placed with.
pub use crate::labels::LABEL_PX;
pub const LABEL_WEIGHT: u32 = 700;
/// The labels' fonts: Arial (Windows, macOS), its metric twin Liberation Sans (Linux, and
/// `carte`), Helvetica of the same widths; the names are placed on these widths
/// ([`crate::labels::metrics`]). A host may choose another through `--tim-label-font`, and each
/// line's `textLength` keeps its width.
pub const LABEL_FONT: &str = r#"Arial, "Liberation Sans", Helvetica, sans-serif"#;
pub const LABEL_FILL: &str = "#161616";
pub const LABEL_HALO: &str = "#fff";
pub const LABEL_HALO_WIDTH: f64 = 3.0;
/// Opacity of the territories the list's filter leaves out.
pub const DIMMED_OPACITY: f64 = 0.25;

/// The custom property that themes a status colour: `--tim-status-<id>`, the id reduced to
/// ASCII letters, digits and `-`.
///
/// ```
/// assert_eq!(territoires_map::render::style::status_var("Signé 2019"), "--tim-status-sign--2019");
/// ```
pub fn status_var(id: &str) -> String {
    let mut var = String::from("--tim-status-");
    var.extend(id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' }));
    var
}

/// Side of the square tile a motif repeats in, in CSS pixels.
pub const MOTIF_TILE: u32 = 8;
/// Width of a stroked motif, in CSS pixels.
pub const MOTIF_WIDTH: f64 = 1.6;
/// A motif is white over the status colour.
pub const MOTIF_COLOUR: &str = "#fff";

/// The motif of a pattern, the second cue after the colour: path data in tile pixels, and
/// whether it is filled (dots) or stroked (lines).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Motif {
    pub d: &'static str,
    pub filled: bool,
}

/// The motif drawn over the status colour; `None` for a plain fill.
pub fn motif(pattern: Pattern) -> Option<Motif> {
    let (d, filled) = match pattern {
        Pattern::Solid => return None,
        // Lines running off the tile's corners, so that tiles join into unbroken hatching.
        Pattern::Hatch => ("M-2 2l4-4M0 8l8-8M6 10l4-4", false),
        Pattern::Cross => ("M0 4h8M4 0v8", false),
        // A disc of radius 1.6 at the tile's centre.
        Pattern::Dots => ("M5.6 4a1.6 1.6 0 1 1-3.2 0a1.6 1.6 0 1 1 3.2 0z", true),
    };
    Some(Motif { d, filled })
}

/// Reading `www/map.css` in tests: the declarations of a rule.
#[cfg(test)]
pub(crate) mod css {
    pub const MAP_CSS: &str = include_str!("../../www/map.css");

    /// The declarations of the rule whose selector is exactly `selector`, as (property, value).
    pub fn rule(selector: &str) -> Vec<(String, String)> {
        let start = MAP_CSS
            .lines()
            .find(|l| l.trim_start().strip_prefix(selector).is_some_and(|rest| rest.trim_start().starts_with('{')))
            .unwrap_or_else(|| panic!("no rule `{selector}` in map.css"));
        let body = start.split_once('{').map(|(_, b)| b).unwrap_or_default();
        let body = body.split_once('}').map(|(b, _)| b).unwrap_or(body);
        body.split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(p, v)| (p.trim().to_string(), v.trim().to_string()))
            .collect()
    }

    /// One declaration's value in `selector`'s rule; `None` when the rule does not set it.
    pub fn get(selector: &str, property: &str) -> Option<String> {
        rule(selector).into_iter().find(|(p, _)| p == property).map(|(_, v)| v)
    }

    /// A paint as map.css writes it: `var(--tim-x, #fallback)` or the colour itself.
    pub fn paint(p: &super::Paint) -> String {
        match p.var {
            Some(var) => format!("var({var}, {})", p.fallback),
            None => p.fallback.to_string(),
        }
    }

    /// Numbers separated by spaces or commas: `3 2`, `0.8`.
    pub fn numbers(value: &str) -> Vec<f64> {
        value.split([' ', ',']).filter(|s| !s.is_empty()).map(|s| s.trim_end_matches("px").parse().unwrap()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::css::{self, get, numbers, paint};
    use super::*;

    #[test]
    fn map_css_defaults_are_these_styles() {
        // The list of custom properties and their defaults at the top of map.css.
        let mut paints: Vec<Paint> = CONTEXT_LAYERS.iter().flat_map(|&l| [context(l).stroke]).collect();
        paints.extend(CONTEXT_LAYERS.iter().filter_map(|&l| context(l).fill));
        paints.push(TERRITORY_STROKE);
        for p in paints {
            if let Some(var) = p.var {
                let line = format!("{var}: {}", p.fallback);
                assert!(css::MAP_CSS.lines().any(|l| l.trim() == line), "map.css's header lists `{line}`");
            }
        }
    }

    #[test]
    fn territory_border_and_dimming_match_map_css() {
        assert_eq!(get(".tim-territory", "stroke"), Some(paint(&TERRITORY_STROKE)));
        assert_eq!(get(".tim-territory", "stroke-width").map(|v| numbers(&v)), Some(vec![TERRITORY_WIDTH]));
        assert_eq!(get(".tim-territory.tim-dimmed", "opacity").map(|v| numbers(&v)), Some(vec![DIMMED_OPACITY]));
    }

    #[test]
    fn sea_highlight_and_labels_match_map_css() {
        assert!(get(".tim-stage", "background").is_some_and(|v| v == paint(&SEA)));
        assert_eq!(get(".tim-territory.tim-selected", "stroke"), Some(paint(&HIGHLIGHT_STROKE)));
        assert_eq!(get(".tim-label", "font-size").map(|v| numbers(&v)), Some(vec![LABEL_PX]));
        assert_eq!(get(".tim-label", "font-weight"), Some(LABEL_WEIGHT.to_string()));
        assert_eq!(get(".tim-label", "font-family"), Some(format!("var(--tim-label-font, {LABEL_FONT})")));
        assert_eq!(get(".tim-label", "fill").as_deref(), Some(LABEL_FILL));
        assert_eq!(get(".tim-label", "stroke").as_deref(), Some(LABEL_HALO));
        assert_eq!(get(".tim-label", "stroke-width").map(|v| numbers(&v)), Some(vec![LABEL_HALO_WIDTH]));
    }

    /// The pointer hit-tests outlines at these widths (see `interact`): they are the painted ones.
    #[test]
    fn outline_widths_the_pointer_hits_match_map_css() {
        let width = |sel: &str| get(sel, "stroke-width").map(|v| numbers(&v));
        assert_eq!(width(".tim-territory.tim-hover"), Some(vec![HOVER_WIDTH]));
        assert_eq!(width(".tim-territory.tim-selected"), Some(vec![SELECTED_WIDTH]));
        assert_eq!(width(".tim-marker"), Some(vec![MARKER_WIDTH]));
        assert_eq!(width(".tim-marker-focus"), Some(vec![MARKER_FOCUS_WIDTH]));
    }

    #[test]
    fn status_vars_keep_only_css_identifier_characters() {
        assert_eq!(status_var("signed-2019-11-19"), "--tim-status-signed-2019-11-19");
        assert_eq!(status_var("<b>x</b>"), "--tim-status--b-x--b-");
        assert_eq!(status_var(""), "--tim-status-");
    }

    #[test]
    fn every_pattern_but_solid_has_a_motif_inside_its_tile() {
        assert_eq!(motif(Pattern::Solid), None);
        for p in [Pattern::Hatch, Pattern::Dots, Pattern::Cross] {
            let m = motif(p).unwrap();
            assert!(m.d.starts_with('M'), "{p:?}");
            assert_eq!(m.filled, p == Pattern::Dots);
        }
        // The SVG's motifs are styled by map.css: the same colour and width.
        assert_eq!(get(".tim-motif", "stroke").as_deref(), Some(MOTIF_COLOUR));
        assert_eq!(get(".tim-motif", "stroke-width").map(|v| numbers(&v)), Some(vec![MOTIF_WIDTH]));
        assert_eq!(get(".tim-motif", "fill").as_deref(), Some("none"));
        assert_eq!(get(".tim-motif-dot", "fill").as_deref(), Some(MOTIF_COLOUR));
    }

    /// WCAG relative luminance of `#rrggbb`, each channel times `factor` first (CSS brightness()).
    fn luminance(hex: &str, factor: f64) -> f64 {
        let channel = |i: usize| {
            let v = (u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap() as f64 * factor).round().min(255.0)
                / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }

    #[test]
    fn in_the_dark_every_constructed_status_colour_keeps_3_to_1() {
        // The dark twin of each background the territories touch, and the factor that lightens
        // the fills, as map.css writes them; the colours a legend is built from (files without one).
        let dark = |selector: &str, property: &str| {
            let v = get(selector, property).unwrap();
            let inner = v.rsplit_once("light-dark(").unwrap().1;
            inner.split([',', ')']).nth(1).unwrap().trim().to_string()
        };
        let backgrounds = [
            dark(".tim-map .tim-stage", "background"),
            dark(".tim-map .tim-context-country", "fill"),
            dark(".tim-map .tim-context-department", "fill"),
        ];
        let filter = css::MAP_CSS.lines().find(|l| l.contains("[data-theme=\"dark\"] :is(.tim-territories")).unwrap();
        let factor: f64 = filter.split_once("brightness(").unwrap().1.split(')').next().unwrap().parse().unwrap();
        for (colour, _) in crate::load::PALETTE {
            for bg in &backgrounds {
                let (a, b) = (luminance(colour, factor), luminance(bg, 1.0));
                let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
                assert!(ratio >= 3.0, "{colour} lightened ×{factor} against {bg}: {ratio:.2}");
            }
        }
    }
}
