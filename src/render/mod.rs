//! Rendering: shapes stream into a [`PathSink`], as d3-geo streams into its contexts. The SVG
//! sink builds `d` attributes, one per territory for the SVG renderer, or one per group of
//! territories (see [`grouped_paths`]) that the canvas renderer turns into `Path2D`s.
//!
//! Input is [`Projected`](crate::coords::Projected) metres; the SVG sink writes kilometres with
//! y up, and the view's `transform` attribute flips and scales them to screen pixels, so zooming
//! and panning never rebuild a path.

mod layers;
mod svg;

pub use layers::{
    cull_area, grouped_paths, level_for, tolerance, Renderer, CANVAS_ABOVE_FEATURES, CANVAS_ABOVE_VERTICES,
};
pub use svg::SvgPath;

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
