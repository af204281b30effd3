//! Where the territories are drawn, as the controller's effects see it: the SVG renderer
//! ([`super::svg`]) or the canvas renderer ([`super::canvas`]), chosen here once from
//! [`Renderer`]. Both keep one tab stop with an accessible name, so the keyboard and screen
//! readers work the same whatever the renderer. Works in territory indices and [`View`]s; each
//! renderer says its own coordinate space. The small module (no `full` feature) has the SVG
//! renderer only, and its calls leave the canvas's arguments unused.
#![cfg_attr(not(feature = "full"), allow(unused_variables))]

#[cfg(feature = "full")]
use super::canvas::CanvasSurface;
use super::chrome::Chrome;
use super::svg::SvgSurface;
use crate::model::Dataset;
use crate::render::svg::Mark;
use crate::render::Renderer;
use crate::scene::Scene;
use crate::text::Strings;
use crate::view::View;
use wasm_bindgen::JsValue;
use web_sys::Document;

pub enum Surface {
    Svg(SvgSurface),
    /// The full module only: the small one adopts a pre-rendered SVG.
    #[cfg(feature = "full")]
    Canvas(CanvasSurface),
}

impl Surface {
    /// Draws the scene with `renderer`, the tab stop on territory `focus`.
    pub fn new(
        renderer: Renderer,
        doc: &Document,
        c: &Chrome,
        (data, s): (&Dataset, &'static Strings),
        scene: &Scene,
        uid: u32,
        focus: usize,
    ) -> Result<Surface, JsValue> {
        Ok(match renderer {
            Renderer::Svg => Surface::Svg(SvgSurface::new(doc, c, (data, s), scene, uid, focus)?),
            #[cfg(feature = "full")]
            Renderer::Canvas => Surface::Canvas(CanvasSurface::new(doc, c, (data, s), scene, focus)?),
            #[cfg(not(feature = "full"))]
            Renderer::Canvas => Surface::Svg(SvgSurface::new(doc, c, (data, s), scene, uid, focus)?),
        })
    }

    /// Moves a highlight from territory `old` to `new`.
    pub fn mark(&self, mark: Mark, old: Option<usize>, new: Option<usize>, scene: &Scene) -> Result<(), JsValue> {
        match self {
            _ if old == new => Ok(()),
            Surface::Svg(s) => {
                s.mark(mark, old, new);
                Ok(())
            }
            #[cfg(feature = "full")]
            Surface::Canvas(s) => s.mark(mark, new, scene),
        }
    }

    /// Moves the roving tab stop to territory `i`, and focuses it if `take`.
    pub fn focus(&mut self, i: usize, take: bool, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        match self {
            Surface::Svg(s) => s.focus(i, take),
            #[cfg(feature = "full")]
            Surface::Canvas(s) => s.focus(i, take, data, scene),
        }
    }

    /// Dims the territories the list's filter leaves out (`dimmed`, by index). Returns whether
    /// the map must be painted again to show it (the canvas), rather than restyled at once (SVG).
    pub fn dim(&mut self, dimmed: &[bool]) -> bool {
        match self {
            Surface::Svg(s) => {
                s.dim(dimmed);
                false
            }
            #[cfg(feature = "full")]
            Surface::Canvas(s) => {
                s.dim(dimmed);
                true
            }
        }
    }

    /// Draws what depends on view `v`.
    pub fn paint(&mut self, v: &View, data: &Dataset, scene: &Scene) -> Result<(), JsValue> {
        match self {
            Surface::Svg(s) => s.paint(v),
            #[cfg(feature = "full")]
            Surface::Canvas(s) => s.paint(v, data, scene),
        }
    }

    /// During a gesture: moves what the canvas last painted to view `v`. Returns false for SVG,
    /// which is drawn at once.
    pub fn follow(&self, v: &View) -> Result<bool, JsValue> {
        match self {
            Surface::Svg(_) => Ok(false),
            #[cfg(feature = "full")]
            Surface::Canvas(s) => s.follow(v).map(|()| true),
        }
    }
}
