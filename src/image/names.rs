//! The names on the exported map: placed as the viewer places them ([`crate::labels`]), in the
//! view's screen pixels, with widths estimated since there is no font to measure.

use crate::labels::{candidates, estimate_width, place, widths, Candidate, Rect, LINE_PX};
use crate::markup::xml::Xml;
use crate::model::Dataset;
use crate::render::style;
use crate::scene::Scene;
use crate::view::View;

/// The names, placed as the viewer places them, with widths estimated (no font to measure); the
/// highlighted territory's first.
pub(super) fn write(x: &mut Xml, data: &Dataset, scene: &Scene, v: &View, highlight: Option<usize>) {
    let line = LINE_PX;
    let named = candidates(data, scene);
    let cands: Vec<Candidate> = named
        .iter()
        .map(|(i, variants)| {
            let t = &scene.territories[*i];
            let widths = widths(variants, |l| estimate_width(l, style::LABEL_PX));
            let priority = if Some(*i) == highlight { f64::INFINITY } else { t.shape.area };
            Candidate { anchor: v.to_screen(t.label_at), widths, priority }
        })
        .collect();
    let fits = |k: usize, r: &Rect| {
        let shape = &scene.territories[named[k].0].shape;
        r.probes().iter().all(|&p| shape.contains(v.to_projected(p)))
    };
    let placed = place(&cands, line, 3.0, (v.width, v.height), fits);
    let (size, weight, halo) =
        (style::LABEL_PX.to_string(), style::LABEL_WEIGHT.to_string(), style::LABEL_HALO_WIDTH.to_string());
    x.open(
        "g",
        &[
            ("font-size", &size),
            ("font-weight", &weight),
            ("fill", style::LABEL_FILL),
            ("stroke", style::LABEL_HALO),
            ("stroke-width", &halo),
            ("stroke-linejoin", "round"),
            ("paint-order", "stroke"),
            ("text-anchor", "middle"),
        ],
    );
    for (((_, variants), p), c) in named.iter().zip(placed).zip(&cands) {
        let Some(p) = p else { continue };
        let top = c.anchor.y - p.rect.h / 2.0;
        for (k, text) in variants[p.variant].lines().enumerate() {
            // The line's middle, moved to its baseline (about a third of the size below).
            let y = top + line * (k as f64 + 0.5) + style::LABEL_PX * 0.35;
            x.text_el("text", &[("x", &format!("{:.1}", c.anchor.x)), ("y", &format!("{y:.1}"))], text);
        }
    }
    x.close("g");
}
