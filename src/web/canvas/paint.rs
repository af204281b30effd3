//! Painting the canvas: territories merged into one `Path2D` per group (status × dimmed) and
//! level of detail ([`crate::render::canvas`]), in a few dozen calls, over the context layers,
//! with the looks of [`crate::render::style`]. During a gesture the painted bitmap is only moved
//! by a CSS transform (the compositor's work, no repaint); it is painted again once the gesture
//! settles. Paths are in kilometres, y up; the canvas transform maps them to device pixels.

use crate::coords::Bounds;
use crate::model::{ContextLayer, Dataset, Pattern};
use crate::render::canvas::{context_line, cull_area, group, group_paint, grouped_paths, level_for, territory_line};
use crate::render::path_data;
use crate::render::style::{self, Paint, MOTIF_COLOUR, MOTIF_TILE, MOTIF_WIDTH};
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

/// A context shape with the colours it is painted with.
struct ContextPath {
    path: Path2d,
    layer: ContextLayer,
    fill: Option<String>,
    stroke: String,
}

pub struct Painter {
    el: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// Paths already built, the most recent last.
    levels: Vec<Level>,
    /// Background shapes, in drawing order.
    context: Vec<ContextPath>,
    dimmed: Vec<bool>,
    fills: Vec<Fill>,
    stroke: String,
    /// The CSS filter map.css puts on the SVG's territories (`brightness()` in the dark), so
    /// that the canvas lightens the data's fills as the SVG does; `none` in the light.
    lighten: String,
    /// The view the bitmap shows, once painted.
    drawn: Option<View>,
}

/// A colour on `el`: custom property `var` where the page sets it, else `fallback`.
fn css_colour(el: &Element, var: Option<&str>, fallback: &str) -> String {
    let value = var
        .and_then(|var| {
            let style = crate::web::dom::window()?.get_computed_style(el).ok()??;
            style.get_property_value(var).ok()
        })
        .map(|v| v.trim().to_string())
        .unwrap_or_default();
    if value.is_empty() {
        fallback.to_string()
    } else {
        value
    }
}

/// The colour of a shared style's paint on `el`.
fn themed(el: &Element, p: Paint) -> String {
    css_colour(el, p.var, p.fallback)
}

/// What map.css gives an SVG element of these classes in this page (the host's `--tim-*`, the
/// light or the dark theme), read from a path that is never painted: the canvas then paints
/// what the SVG would. Removed when dropped.
struct Probe(Element);

impl Probe {
    fn new(doc: &Document, parent: &Element) -> Option<Probe> {
        let el = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "path").ok()?;
        el.set_attribute("aria-hidden", "true").ok()?;
        parent.append_child(&el).ok()?;
        Some(Probe(el))
    }

    /// `property` of an element of `class`; `None` when the page gives none.
    fn read(&self, class: &str, property: &str) -> Option<String> {
        self.0.set_attribute("class", class).ok()?;
        let v = crate::web::dom::window()?.get_computed_style(&self.0).ok()??.get_property_value(property).ok()?;
        (!v.is_empty() && v != "none").then_some(v)
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// A tile of the motif drawn over a status colour (the second cue, as in the SVG patterns).
fn motif(doc: &Document, pattern: Pattern, ctx: &CanvasRenderingContext2d) -> Result<Option<CanvasPattern>, JsValue> {
    let Some(m) = style::motif(pattern) else { return Ok(None) };
    let tile: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    tile.set_width(MOTIF_TILE);
    tile.set_height(MOTIF_TILE);
    let Some(t) = tile.get_context("2d")?.and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) else {
        return Ok(None);
    };
    let path = Path2d::new_with_path_string(m.d)?;
    if m.filled {
        t.set_fill_style_str(MOTIF_COLOUR);
        t.fill_with_path_2d(&path);
    } else {
        t.set_stroke_style_str(MOTIF_COLOUR);
        t.set_line_width(MOTIF_WIDTH);
        t.stroke_with_path(&path);
    }
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat")
}

impl Painter {
    /// A canvas under the map's SVG (first child of `stage`), with the data's colours, or the
    /// `--tim-status-<id>` of the page where set, and the SVG's looks as map.css gives them to
    /// `territories`, the SVG's group (its theme among them).
    pub fn new(
        doc: &Document,
        stage: &Element,
        root: &Element,
        territories: &Element,
        data: &Dataset,
        scene: &Scene,
    ) -> Result<Painter, JsValue> {
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
            let colour = css_colour(root, Some(&style::status_var(&cat.id)), &cat.color);
            fills.push(Fill { colour, motif: motif(doc, cat.pattern, &ctx)? });
        }
        let probe = Probe::new(doc, territories);
        let look = |class: &str, property: &str, p: Paint| {
            probe.as_ref().and_then(|pr| pr.read(class, property)).unwrap_or_else(|| themed(root, p))
        };
        let mut context = Vec::new();
        for c in &scene.context {
            let s = style::context(c.layer);
            let class = crate::render::svg::context_class(c.layer);
            let path = Path2d::new_with_path_string(&path_data(&c.shape.geometry))?;
            let fill = s.fill.map(|f| look(class, "fill", f));
            context.push(ContextPath { path, layer: c.layer, fill, stroke: look(class, "stroke", s.stroke) });
        }
        let stroke = look("tim-territory", "stroke", style::TERRITORY_STROKE);
        let lighten = crate::web::dom::window()
            .and_then(|w| w.get_computed_style(territories).ok()?)
            .and_then(|st| st.get_property_value("filter").ok())
            .filter(|f| f.starts_with("brightness("))
            .unwrap_or_else(|| "none".to_string());
        drop(probe);
        Ok(Painter {
            el,
            ctx,
            levels: Vec::new(),
            context,
            dimmed: vec![false; data.territories.len()],
            fills,
            stroke,
            lighten,
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
        let group_of = |i: usize| group(data.territories[i].status, dimmed.get(i).copied().unwrap_or(false));
        let mut paths = Vec::new();
        for d in grouped_paths(scene, group(self.fills.len(), false), group_of, level, area.as_ref()) {
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
        let dpr = crate::web::dom::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, MAX_DPR);
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
        c.set_transform(km, 0.0, 0.0, -km, v.tx * dpr, v.ty * dpr)?;
        // One CSS pixel, in the path's units (kilometres).
        let px = dpr / km;
        self.paint_context(px)?;
        self.paint_territories(k, v, dpr, px)?;
        self.drawn = Some(*v);
        self.el.style().remove_property("transform")?;
        Ok(())
    }

    /// Paints the context layers, in map units (`px`: one CSS pixel in them).
    fn paint_context(&self, px: f64) -> Result<(), JsValue> {
        let c = &self.ctx;
        for shape in &self.context {
            if let Some(f) = &shape.fill {
                c.set_fill_style_str(f);
                c.fill_with_path_2d_and_winding(&shape.path, CanvasWindingRule::Evenodd);
            }
            let line = context_line(shape.layer, px);
            c.set_stroke_style_str(&shape.stroke);
            c.set_line_width(line.width);
            match line.dash {
                Some([on, off]) => {
                    // Dashed for this stroke only: `restore` brings back the solid line.
                    c.save();
                    c.set_line_dash(&js_sys::Array::of2(&JsValue::from_f64(on), &JsValue::from_f64(off)))?;
                    c.stroke_with_path(&shape.path);
                    c.restore();
                }
                None => c.stroke_with_path(&shape.path),
            }
        }
        Ok(())
    }

    /// Paints level `k`'s groups: colour, motif (screen-sized: drawn in device pixels, clipped to
    /// the group), then the borders.
    fn paint_territories(&self, k: usize, v: &View, dpr: f64, px: f64) -> Result<(), JsValue> {
        let c = &self.ctx;
        let paths = &self.levels[k].paths;
        c.set_filter(&self.lighten);
        for (g, path) in paths.iter().enumerate() {
            let (status, alpha) = group_paint(g);
            let (Some(path), Some(fill)) = (path, self.fills.get(status)) else { continue };
            c.set_global_alpha(alpha);
            c.set_fill_style_str(&fill.colour);
            c.fill_with_path_2d_and_winding(path, CanvasWindingRule::Evenodd);
            if let Some(m) = &fill.motif {
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
        c.set_line_width(territory_line(self.levels[k].level, px));
        for path in paths.iter().flatten() {
            c.stroke_with_path(path);
        }
        c.set_filter("none");
        Ok(())
    }

    /// Moves the painted bitmap to view `v` without painting (during a gesture).
    pub fn follow(&self, v: &View) -> Result<(), JsValue> {
        let Some(drawn) = &self.drawn else { return Ok(()) };
        let (k, dx, dy) = v.relative_to(drawn);
        self.el.style().set_property("transform", &format!("matrix({k}, 0, 0, {k}, {dx}, {dy})"))
    }
}
