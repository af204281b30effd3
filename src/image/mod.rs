//! The exported image: one self-contained SVG document of a view, for "Télécharger l'image" in
//! the browser and for `carte` at build time (which rasterizes it). No stylesheet: every look is
//! an attribute, from [`style`]. Top to bottom: the title, the map (the view's pixels, clipped),
//! the legend, then the date of the data and the source line.
//!
//! Works in screen pixels of the document; the map is the view's [`Screen`](crate::coords::Screen)
//! pixels moved down by the title's band, its paths in kilometres under the view's transform as
//! in [`crate::render::svg`]. Stroke widths are divided by the view's scale rather than written with
//! `vector-effect`, which not every rasterizer reads.

use crate::labels::metrics;
use crate::markup::legend::{patterns, Styling};
use crate::markup::xml::Xml;
use crate::model::Dataset;
use crate::render::style::{self, Paint};
use crate::render::svg::{pattern_fill, pattern_transform};
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;

const MARGIN: f64 = 16.0;
const TITLE_PX: f64 = 18.0;
const TEXT_PX: f64 = 12.0;
const SMALL_PX: f64 = 11.0;
/// A line is this many times its font size.
const LEADING: f64 = 1.35;
const SWATCH: (f64, f64) = (24.0, 16.0);
/// The font every text asks for: the reader's sans-serif in a browser, the one `carte` names.
pub const FONT: &str = "sans-serif";
/// Ids inside the document: one map per document, so the patterns' uid is fixed.
const UID: u32 = 0;
const CLIP: &str = "tim-map-clip";

/// One line of text at a place in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x: f64,
    pub y: f64,
    pub px: f64,
    pub bold: bool,
    pub text: String,
}

/// Where everything around the map goes, for a document `width` pixels wide.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    /// Top of the map and its height.
    pub map_top: f64,
    pub map_height: f64,
    /// The whole document's height.
    pub height: f64,
    pub lines: Vec<Line>,
    /// The legend's samples: status index and top-left corner.
    pub swatches: Vec<(usize, f64, f64)>,
}

/// `text` broken at spaces into lines no wider than `width` at `px` (the labels' widths, close
/// to DejaVu Sans's); a word wider than that stays whole on its line.
fn wrap(text: &str, px: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if metrics::width(&format!("{l} {word}"), px) <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The latest status date in the data, as ISO `YYYY-MM-DD`: the date the data speaks of.
pub fn data_date(data: &Dataset) -> Option<&str> {
    data.territories
        .iter()
        .filter_map(|t| t.status_date.as_deref())
        .filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
        .max()
}

/// The view of a document `width` × `height` pixels, the map fitted to the territories with
/// `padding`, `highlight` outlined: the map's height is what the bands around it leave, the
/// numbers' key included, which depends on the names that fit at that height (so looked for
/// again while it changes). When it swings between two answers (a key leaves a lower map where
/// every name fits, whose taller map then needs the key), the lower map is kept: its document is
/// then shorter than `height` by the key's lines, which [`document`]'s `height` pads.
pub fn fit(
    data: &Dataset,
    scene: &Scene,
    s: &Strings,
    (width, height): (f64, f64),
    padding: f64,
    highlight: Option<usize>,
) -> View {
    let at = |keys: &[(usize, String)]| {
        let bands = Layout::new(data, s, width, 0.0, keys).height;
        View::fit(scene.bounds, width, (height - bands).max(1.0), padding)
    };
    let mut tried: Vec<Vec<(usize, String)>> = vec![Vec::new()];
    loop {
        let assumed = &tried[tried.len() - 1];
        let v = at(assumed);
        let found = names::keys(data, &names::marks(data, scene, &v, highlight, false));
        if &found == assumed {
            return v;
        }
        if tried.contains(&found) || tried.len() >= 5 {
            let most = tried.iter().chain([&found]).max_by_key(|k| k.len()).cloned().unwrap_or_default();
            return at(&most);
        }
        tried.push(found);
    }
}

impl Layout {
    /// The bands around a map `map_height` pixels high, in a document `width` pixels wide; `keys`
    /// are the territories numbered on the map (number and name).
    pub fn new(data: &Dataset, s: &Strings, width: f64, map_height: f64, keys: &[(usize, String)]) -> Layout {
        let inner = (width - 2.0 * MARGIN).max(1.0);
        let mut lines = Vec::new();
        let mut y = MARGIN;
        let block = |lines: &mut Vec<Line>, y: &mut f64, text: &str, x: f64, px: f64, bold: bool| {
            for l in wrap(text, px, inner - (x - MARGIN)) {
                lines.push(Line { x, y: *y + px, px, bold, text: l });
                *y += px * LEADING;
            }
        };
        block(&mut lines, &mut y, s.title_of(data), MARGIN, TITLE_PX, true);
        let map_top = y + MARGIN / 2.0;
        y = map_top + map_height + MARGIN;
        if let Some(t) = &data.legend.title {
            block(&mut lines, &mut y, t, MARGIN, TEXT_PX, true);
            y += 4.0;
        }
        let mut swatches = Vec::new();
        for (k, cat) in data.legend.statuses.iter().enumerate() {
            let count = data.territories.iter().filter(|t| t.status == k).count();
            let top = y;
            swatches.push((k, MARGIN, top));
            let x = MARGIN + SWATCH.0 + 8.0;
            y += (SWATCH.1 - TEXT_PX * LEADING) / 2.0;
            block(&mut lines, &mut y, &format!("{} ({count})", cat.label), x, TEXT_PX, false);
            y = y.max(top + SWATCH.1) + 4.0;
        }
        if !keys.is_empty() {
            let list: Vec<String> = keys.iter().map(|(n, name)| format!("{n} {name}")).collect();
            y += 4.0;
            block(&mut lines, &mut y, &s.labelled(s.image_keys, &list.join(" · ")), MARGIN, TEXT_PX, false);
        }
        y += MARGIN / 2.0;
        if let Some(d) = data_date(data) {
            block(&mut lines, &mut y, &format!("{} {}", s.image_date, s.date_long(d)), MARGIN, SMALL_PX, false);
        }
        if let Some(src) = data.programme.as_ref().and_then(|p| p.source.as_ref()) {
            let text = match &src.url {
                Some(url) => format!("{} — {url}", src.title),
                None => src.title.clone(),
            };
            block(&mut lines, &mut y, &s.labelled(s.image_source, &text), MARGIN, SMALL_PX, false);
        }
        Layout { width, map_top, map_height, height: (y + MARGIN).ceil(), lines, swatches }
    }
}

/// The attributes of a paint: its fallback colour (a document has no custom properties to read).
fn colour(p: &Paint) -> &'static str {
    p.fallback
}

/// Pixel widths and dashes as path units at view `v`: kilometres under the view's transform.
fn km(px: f64, v: &View) -> String {
    format!("{}", px / (v.scale * 1000.0))
}

/// The SVG document of view `v` of the data, `highlight` outlined as when it is selected, and
/// each territory whose `dimmed` entry is true drawn at [`style::DIMMED_OPACITY`], as the list's
/// search and filter show it on screen (an empty slice: none dimmed), for `frame`.
pub fn document(
    data: &Dataset,
    scene: &Scene,
    v: &View,
    s: &Strings,
    highlight: Option<usize>,
    dimmed: &[bool],
    frame: Frame,
) -> Image {
    // Of the screen: placed exactly as there (no name put first); a preview names its own first.
    let screen = frame == Frame::Screen;
    let marks = names::marks(data, scene, v, highlight.filter(|_| !screen), screen);
    let mut layout = Layout::new(data, s, v.width, v.height, &names::keys(data, &marks));
    if let Frame::File(Some(height)) = frame {
        layout.height = layout.height.max(height);
    }
    let (w, h) = (format!("{}", layout.width), format!("{}", layout.height));
    let mut x = Xml::default();
    let title = s.title_of(data);
    x.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &w),
            ("height", &h),
            ("viewBox", &format!("0 0 {w} {h}")),
            ("role", "img"),
            ("aria-label", title),
            ("font-family", FONT),
        ],
    );
    x.text_el("title", &[], title);
    defs(&mut x, data, v);
    x.empty("rect", &[("width", &w), ("height", &h), ("fill", "#fff")]);
    x.open("g", &[("transform", &format!("translate(0 {})", layout.map_top)), ("clip-path", &format!("url(#{CLIP})"))]);
    x.empty("rect", &[("width", &w), ("height", &v.height.to_string()), ("fill", colour(&style::SEA))]);
    x.open("g", &[("transform", &v.svg_transform())]);
    context(&mut x, scene, v);
    territories(&mut x, (data, s), scene, v, (highlight, dimmed));
    x.close("g");
    names::write(&mut x, &marks);
    x.close("g");
    for (k, left, top) in &layout.swatches {
        let (sw, sh) = (SWATCH.0.to_string(), SWATCH.1.to_string());
        let at = [("x", left.to_string()), ("y", top.to_string())];
        let fill = pattern_fill(UID, *k, true);
        x.empty("rect", &[(at[0].0, &at[0].1), (at[1].0, &at[1].1), ("width", &sw), ("height", &sh), ("fill", &fill)]);
    }
    for l in &layout.lines {
        let (lx, ly, px) = (format!("{:.1}", l.x), format!("{:.1}", l.y), l.px.to_string());
        let weight = if l.bold { "700" } else { "400" };
        let attrs = [("x", lx.as_str()), ("y", &ly), ("font-size", &px), ("font-weight", weight), ("fill", "#1e1e1e")];
        x.text_el("text", &attrs, &l.text);
    }
    x.close("svg");
    Image { svg: x.finish(), width: layout.width, height: layout.height }
}

/// What an image is of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Frame {
    /// The view on screen (« Télécharger l'image »): the names where the viewer put them, clear of
    /// the map's buttons although the image has none, so that it shows the same names.
    Screen,
    /// A file made at build time (`carte`), at least this many pixels high when given (white
    /// below the source line), for a fixed size such as a preview's.
    File(Option<f64>),
}

/// An exported document and its size in pixels.
#[derive(Clone, Debug)]
pub struct Image {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// The clip of the map and one pattern per status for the map (following the view's scale)
/// and for the legend.
fn defs(x: &mut Xml, data: &Dataset, v: &View) {
    x.open("defs", &[]);
    x.open("clipPath", &[("id", CLIP)]);
    x.empty("rect", &[("width", &v.width.to_string()), ("height", &v.height.to_string())]);
    x.close("clipPath");
    let transform = pattern_transform(v);
    for legend in [false, true] {
        for p in patterns(data, UID, legend, Some(&transform), Styling::Attributes) {
            x.element(p);
        }
    }
    x.close("defs");
}

fn context(x: &mut Xml, scene: &Scene, v: &View) {
    for layer in style::CONTEXT_LAYERS {
        let st = style::context(layer);
        let fill = st.fill.as_ref().map_or("none", colour);
        let width = km(st.width, v);
        let dash = st.dash.map(|[a, b]| format!("{} {}", km(a, v), km(b, v)));
        let mut attrs = vec![("fill", fill), ("stroke", colour(&st.stroke)), ("stroke-width", width.as_str())];
        if let Some(d) = &dash {
            attrs.push(("stroke-dasharray", d));
        }
        x.open("g", &attrs);
        for c in scene.context.iter().filter(|c| c.layer == layer) {
            x.empty("path", &[("d", &crate::render::path_data(&c.shape.geometry))]);
        }
        x.close("g");
    }
}

fn territories(x: &mut Xml, (data, s): (&Dataset, &Strings), scene: &Scene, v: &View, lit: (Option<usize>, &[bool])) {
    let (highlight, dimmed) = lit;
    let width = km(style::TERRITORY_WIDTH, v);
    let opacity = style::DIMMED_OPACITY.to_string();
    x.open(
        "g",
        &[("stroke", colour(&style::TERRITORY_STROKE)), ("stroke-width", &width), ("stroke-linejoin", "round")],
    );
    // In keyboard order, as the viewer paints them; the highlighted one last, so its outline
    // is whole.
    let order = scene.order.iter().filter(|&&i| Some(i) != highlight).chain(highlight.iter());
    for &i in order {
        let (Some(t), Some(shape)) = (data.territories.get(i), scene.territories.get(i)) else { continue };
        let fill = pattern_fill(UID, t.status, false);
        let d = crate::render::path_data(&shape.shape.geometry);
        let mut attrs = vec![("d", d.as_str()), ("fill", &fill), ("data-id", &t.id)];
        let selected = km(style::SELECTED_WIDTH, v);
        if Some(i) == highlight {
            attrs.extend([("stroke", colour(&style::HIGHLIGHT_STROKE)), ("stroke-width", &selected)]);
        }
        // The whole path, border included, as `.tim-dimmed` does on screen.
        if dimmed.get(i) == Some(&true) {
            attrs.push(("opacity", &opacity));
        }
        x.open("path", &attrs);
        x.text_el("title", &[], &crate::card::spoken(data, i, s));
        x.close("path");
    }
    x.close("g");
}

mod names;
#[cfg(test)]
mod tests;
