//! The canvas renderer: territories merged into one `Path2D` per group (status × dimmed) and
//! level of detail, painted in a few dozen calls. During a gesture the painted bitmap is only
//! moved by a CSS transform (the compositor's work, no repaint); it is painted again once the
//! gesture settles. Paths are in kilometres, y up; the canvas transform maps them to device
//! pixels.

use crate::coords::Bounds;
use crate::model::{ContextLayer, Dataset, Pattern};
use crate::render::{cull_area, grouped_paths, level_for};
use crate::scene::Scene;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CanvasPattern, CanvasRenderingContext2d, CanvasWindingRule, Document, Element, HtmlCanvasElement, Path2d,
};

/// Past this many sets of paths kept, the oldest is dropped.
const KEEP_LEVELS: usize = 4;
/// Device pixels per CSS pixel at most: beyond, painting costs more than it shows.
const MAX_DPR: f64 = 2.0;

/// One path per group (`2 × status + dimmed`) at one level of detail, for the territories that
/// meet `area` (all of them when `None`): zoomed in, only what is around the view is built and
/// painted, which keeps the repaint after a gesture short.
struct Level {
    level: Option<u32>,
    area: Option<Bounds>,
    paths: Vec<Option<Path2d>>,
}

/// What one status looks like on the canvas.
struct Fill {
    colour: String,
    motif: Option<CanvasPattern>,
}

pub struct CanvasLayer {
    pub el: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// Paths already built, the most recent last.
    levels: Vec<Level>,
    /// Background shapes, each with its fill, stroke and stroke width in CSS pixels.
    context: Vec<(Path2d, Option<String>, String, f64)>,
    dimmed: Vec<bool>,
    fills: Vec<Fill>,
    stroke: String,
    /// The view the bitmap shows, once painted.
    pub drawn: Option<View>,
}

/// A custom property of `el`, or `fallback` when it is not set.
fn css_var(el: &Element, name: &str, fallback: &str) -> String {
    let value = web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value(name).ok())
        .map(|v| v.trim().to_string())
        .unwrap_or_default();
    if value.is_empty() {
        fallback.to_string()
    } else {
        value
    }
}

/// An 8 × 8 tile of the white motif drawn over a status colour (the second cue, as in the SVG
/// patterns).
fn motif(doc: &Document, pattern: Pattern, ctx: &CanvasRenderingContext2d) -> Result<Option<CanvasPattern>, JsValue> {
    let d = match pattern {
        Pattern::Solid => return Ok(None),
        Pattern::Hatch => "M-2 2l4-4M0 8l8-8M6 10l4-4",
        Pattern::Cross => "M0 4h8M4 0v8",
        Pattern::Dots => "M5.6 4a1.6 1.6 0 1 1-3.2 0a1.6 1.6 0 1 1 3.2 0z",
    };
    let tile: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    tile.set_width(8);
    tile.set_height(8);
    let Some(t) = tile.get_context("2d")?.and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) else {
        return Ok(None);
    };
    let path = Path2d::new_with_path_string(d)?;
    t.set_stroke_style_str("#fff");
    t.set_fill_style_str("#fff");
    t.set_line_width(1.6);
    if pattern == Pattern::Dots {
        t.fill_with_path_2d(&path)
    } else {
        t.stroke_with_path(&path)
    }
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat")
}

impl CanvasLayer {
    /// A canvas under the map's SVG (first child of `stage`), with the data's colours, or the
    /// `--tim-status-<id>` of the page where set.
    pub fn new(
        doc: &Document,
        stage: &Element,
        root: &Element,
        data: &Dataset,
        scene: &Scene,
    ) -> Result<CanvasLayer, JsValue> {
        let el: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
        el.set_class_name("tim-canvas");
        el.set_attribute("aria-hidden", "true")?;
        stage.insert_before(&el, stage.first_child().as_ref())?;
        let ctx = el
            .get_context("2d")?
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| JsValue::from_str("canvas 2d"))?;
        let mut fills = Vec::new();
        for cat in &data.legend.statuses {
            let name = format!("--tim-status-{}", super::draw::css_ident(&cat.id));
            fills.push(Fill { colour: css_var(root, &name, &cat.color), motif: motif(doc, cat.pattern, &ctx)? });
        }
        // The same custom properties and fallbacks as the SVG's context classes in map.css.
        let mut context = Vec::new();
        for c in &scene.context {
            let (fill, stroke, width) = match c.layer {
                ContextLayer::Country => (
                    Some(css_var(root, "--tim-country", "#e4e6e9")),
                    css_var(root, "--tim-country-stroke", "#b9bec5"),
                    0.8,
                ),
                ContextLayer::Department => {
                    (Some("#fbfbfb".to_string()), css_var(root, "--tim-department-stroke", "#8a929c"), 0.8)
                }
                ContextLayer::Region => (None, css_var(root, "--tim-region-stroke", "#3d4650"), 1.6),
            };
            context.push((Path2d::new_with_path_string(&c.path)?, fill, stroke, width));
        }
        Ok(CanvasLayer {
            el,
            ctx,
            levels: Vec::new(),
            context,
            dimmed: vec![false; data.territories.len()],
            fills,
            stroke: css_var(root, "--tim-territory-stroke", "#ffffff"),
            drawn: None,
        })
    }

    /// Dims the territories marked (the list's filter); repainted at the next [`paint`].
    pub fn set_dimmed(&mut self, dimmed: Vec<bool>) {
        if dimmed != self.dimmed {
            self.dimmed = dimmed;
            self.levels.clear();
        }
    }

    /// The paths for view `v`: its level of detail, around what it shows; built on first use.
    fn level(&mut self, v: &View, scene: &Scene, data: &Dataset) -> Result<usize, JsValue> {
        let level = level_for(v.scale);
        let seen = v.visible();
        let fits = |l: &Level| l.level == level && l.area.is_none_or(|a| a.covers(&seen));
        if let Some(k) = self.levels.iter().position(fits) {
            return Ok(k);
        }
        let area = cull_area(v, scene);
        let dimmed = &self.dimmed;
        let group = |i: usize| 2 * data.territories[i].status + usize::from(dimmed.get(i).copied().unwrap_or(false));
        let mut paths = Vec::new();
        for d in grouped_paths(scene, 2 * self.fills.len(), group, level, area.as_ref()) {
            paths.push(if d.is_empty() { None } else { Some(Path2d::new_with_path_string(&d)?) });
        }
        if self.levels.len() >= KEEP_LEVELS {
            self.levels.remove(0);
        }
        self.levels.push(Level { level, area, paths });
        Ok(self.levels.len() - 1)
    }

    /// Paints the map at view `v`, and drops the gesture's CSS transform.
    pub fn paint(&mut self, v: &View, scene: &Scene, data: &Dataset) -> Result<(), JsValue> {
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, MAX_DPR);
        let (w, h) = ((v.width * dpr).round() as u32, (v.height * dpr).round() as u32);
        if self.el.width() != w || self.el.height() != h {
            self.el.set_width(w);
            self.el.set_height(h);
            let style = self.el.style();
            style.set_property("width", &format!("{}px", v.width))?;
            style.set_property("height", &format!("{}px", v.height))?;
        }
        let k = self.level(v, scene, data)?;
        let c = &self.ctx;
        c.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
        c.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        let km = v.scale * 1000.0 * dpr;
        let to_map = || c.set_transform(km, 0.0, 0.0, -km, v.tx * dpr, v.ty * dpr);
        to_map()?;
        // One CSS pixel, in the path's units (kilometres).
        let px = dpr / km;
        for (path, fill, stroke, width) in &self.context {
            if let Some(f) = fill {
                c.set_fill_style_str(f);
                c.fill_with_path_2d_and_winding(path, CanvasWindingRule::Evenodd);
            }
            c.set_stroke_style_str(stroke);
            c.set_line_width(width * px);
            c.stroke_with_path(path);
        }
        let paths = &self.levels[k].paths;
        for (g, path) in paths.iter().enumerate() {
            let (Some(path), Some(fill)) = (path, self.fills.get(g / 2)) else { continue };
            c.set_global_alpha(if g % 2 == 1 { 0.25 } else { 1.0 });
            c.set_fill_style_str(&fill.colour);
            c.fill_with_path_2d_and_winding(path, CanvasWindingRule::Evenodd);
            if let Some(m) = &fill.motif {
                // The motif keeps its size on screen: fill the screen with it, clipped to the shapes.
                c.save();
                c.clip_with_path_2d_and_winding(path, CanvasWindingRule::Evenodd);
                c.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)?;
                c.set_fill_style_canvas_pattern(m);
                c.fill_rect(0.0, 0.0, v.width, v.height);
                c.restore();
            }
        }
        c.set_global_alpha(1.0);
        c.set_stroke_style_str(&self.stroke);
        // Thinner borders when zoomed out, where communes are a few pixels across.
        c.set_line_width(px * if level_for(v.scale).is_some_and(|l| l >= 5) { 0.5 } else { 1.0 });
        for path in paths.iter().flatten() {
            c.stroke_with_path(path);
        }
        self.drawn = Some(*v);
        self.el.style().remove_property("transform")?;
        Ok(())
    }

    /// Moves the painted bitmap to view `v` without painting (during a gesture).
    pub fn follow(&self, v: &View) -> Result<(), JsValue> {
        let Some(drawn) = &self.drawn else { return Ok(()) };
        let (k, dx, dy) = v.relative_to(drawn);
        self.el.style().set_property("transform", &format!("matrix({k}, 0, 0, {k}, {dx}, {dy})"))
    }
}
