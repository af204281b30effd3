//! Rendering the [`Scene`](crate::scene::Scene): its shapes stream into a [`PathSink`], as d3-geo
//! streams one pipeline into different contexts. The sink here, [`SvgPath`], writes path data
//! that an SVG `d` attribute and a canvas `Path2D` both read. Two renderers draw it, each with
//! its home: [`svg`] (one `<path>` per territory) and [`canvas`] (merged paths, repainted after
//! each gesture); [`Renderer::pick`] chooses between them, and [`style`] holds what both draw
//! alike.
//!
//! Input is [`Projected`](crate::coords::Projected) metres; path data is in kilometres with y up,
//! and the view's transform flips and scales it to screen pixels, so zooming and panning never
//! rebuild a path.

pub mod canvas;
mod path;
pub mod read;
pub mod style;
pub mod svg;

pub use path::SvgPath;

use crate::model::Dataset;
use geo::MultiPolygon;

/// Receives the outline of shapes, one ring at a time.
pub trait PathSink {
    fn move_to(&mut self, x: f64, y: f64);
    fn line_to(&mut self, x: f64, y: f64);
    fn close(&mut self);
}

/// Streams every ring of `shape` into `sink`, dropping the closing position (`close` draws it).
pub fn stream(shape: &MultiPolygon<f64>, sink: &mut impl PathSink) {
    for polygon in shape {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let coords = &ring.0;
            let Some((first, rest)) = coords.split_first() else { continue };
            sink.move_to(first.x, first.y);
            let rest = if rest.last() == Some(first) { &rest[..rest.len() - 1] } else { rest };
            for c in rest {
                sink.line_to(c.x, c.y);
            }
            sink.close();
        }
    }
}

/// The path data of one shape at full detail (10 m).
pub fn path_data(shape: &MultiPolygon<f64>) -> String {
    let mut sink = SvgPath::default();
    stream(shape, &mut sink);
    sink.finish()
}

/// Which renderer draws the territories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// One `<path>` per territory: every shape is a DOM element (best for a few hundred).
    Svg,
    /// One canvas, repainted after each gesture; the DOM keeps only the focused and highlighted
    /// shapes, the labels and the list.
    Canvas,
}

/// Above this many territories the canvas is picked: thousands of SVG paths repaint too slowly
/// for smooth panning.
pub const CANVAS_ABOVE_FEATURES: usize = 1_500;
/// Above this many positions the canvas is picked, even for few territories.
pub const CANVAS_ABOVE_VERTICES: usize = 250_000;

impl Renderer {
    /// The renderer asked for (`"svg"`, `"canvas"`), or the one fit for this size (`"auto"` or
    /// anything else).
    ///
    /// ```
    /// use territoires_map::render::Renderer;
    /// assert_eq!(Renderer::pick(None, 15, 9_000), Renderer::Svg);
    /// assert_eq!(Renderer::pick(None, 34_738, 658_777), Renderer::Canvas);
    /// assert_eq!(Renderer::pick(Some("canvas"), 15, 9_000), Renderer::Canvas);
    /// ```
    pub fn pick(asked: Option<&str>, features: usize, vertices: usize) -> Renderer {
        match asked {
            Some("svg") => Renderer::Svg,
            Some("canvas") => Renderer::Canvas,
            _ if features > CANVAS_ABOVE_FEATURES || vertices > CANVAS_ABOVE_VERTICES => Renderer::Canvas,
            _ => Renderer::Svg,
        }
    }

    /// [`Renderer::pick`] for a loaded dataset.
    pub fn for_dataset(asked: Option<&str>, data: &Dataset) -> Renderer {
        let vertices = data.territories.iter().flat_map(|t| t.polygons.iter().flatten()).map(Vec::len).sum();
        Renderer::pick(asked, data.territories.len(), vertices)
    }

    /// Its name, as the host element's `data-renderer` and the `renderer` option spell it.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Svg => "svg",
            Renderer::Canvas => "canvas",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_canvas_for_many_shapes_or_vertices() {
        assert_eq!(Renderer::pick(Some("auto"), 1_500, 10), Renderer::Svg);
        assert_eq!(Renderer::pick(Some("auto"), 1_501, 10), Renderer::Canvas);
        assert_eq!(Renderer::pick(None, 3, 250_001), Renderer::Canvas);
        assert_eq!(Renderer::pick(Some("svg"), 50_000, 2_000_000), Renderer::Svg);
        for r in [Renderer::Svg, Renderer::Canvas] {
            assert_eq!(Renderer::pick(Some(r.name()), 15, 10), r);
        }
    }
}
