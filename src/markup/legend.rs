//! The status fills and what explains them: the fill patterns (a status colour with its motif
//! over it, the second cue), the swatch that samples one, and the legend with each status's
//! count. One set of patterns follows the map's zoom (`patternTransform`), one does not (legend,
//! list, markers). Tiles and swatches are in CSS pixels.

use super::{text_el, El, Node};
use crate::model::{Dataset, StatusCategory};
use crate::render::style::{self, MOTIF_TILE};
use crate::render::svg::{pattern_fill, pattern_id};

/// How a pattern's motif gets its look: by class from map.css (pages and module), or by
/// attributes, for the exported image, which has no style sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Styling {
    Classes,
    Attributes,
}

/// Status `k`'s pattern in map `uid`: the legend's (`legend`), or the map's, with the view's
/// `transform` when it is known.
pub fn pattern(
    uid: u32,
    k: usize,
    cat: &StatusCategory,
    legend: bool,
    transform: Option<&str>,
    styling: Styling,
) -> El {
    let tile = MOTIF_TILE.to_string();
    let mut rect =
        El::svg("rect").attr("width", tile.as_str()).attr("height", tile.as_str()).attr("fill", cat.color.as_str());
    if styling == Styling::Classes {
        // Themeable: `--tim-status-<id>` on the map or an ancestor overrides the data's colour.
        rect = rect.prop("fill", &format!("var({}, {})", style::status_var(&cat.id), cat.color));
    }
    let motif = style::motif(cat.pattern).map(|m| {
        let path = El::svg("path").attr("d", m.d);
        match styling {
            // Coloured and stroked by map.css, which states style.rs's values (a test checks it).
            Styling::Classes => path.class(if m.filled { "tim-motif-dot" } else { "tim-motif" }),
            Styling::Attributes => {
                let (fill, stroke) =
                    if m.filled { (style::MOTIF_COLOUR, "none") } else { ("none", style::MOTIF_COLOUR) };
                path.attr("fill", fill)
                    .attr("stroke", stroke)
                    .attr("stroke-width", &crate::num::fixed(style::MOTIF_WIDTH, 3))
            }
        }
    });
    El::svg("pattern")
        .attr("id", &pattern_id(uid, k, legend))
        .attr("patternUnits", "userSpaceOnUse")
        .attr("width", tile.as_str())
        .attr("height", tile.as_str())
        .attr_if("patternTransform", transform.filter(|_| !legend))
        .child(rect)
        .children(motif)
}

/// One pattern per status, in legend order.
pub fn patterns(data: &Dataset, uid: u32, legend: bool, transform: Option<&str>, styling: Styling) -> Vec<El> {
    let statuses = data.legend.statuses.iter().enumerate();
    statuses.map(|(k, cat)| pattern(uid, k, cat, legend, transform, styling)).collect()
}

/// A small sample of status `status`'s fill, for the legend and the list.
pub fn swatch(uid: u32, status: usize) -> El {
    let rect = El::svg("rect").attr("x", "0.5").attr("y", "0.5").attr("width", "23").attr("height", "15");
    El::svg("svg")
        .class("tim-swatch")
        .attr("viewBox", "0 0 24 16")
        .attr("aria-hidden", "true")
        .child(rect.attr("fill", &pattern_fill(uid, status, true)))
}

/// The legend (the children of `.tim-legend`): its title, then each status with its swatch and
/// how many territories have it.
pub fn legend(data: &Dataset, uid: u32) -> Vec<Node> {
    let title = data.legend.title.as_ref().map(|t| text_el("p", "tim-legend-title", t.as_str()));
    let items = data.legend.statuses.iter().enumerate().map(|(k, cat)| {
        let count = data.territories.iter().filter(|t| t.status == k).count();
        El::html("li")
            .attr("data-status", cat.id.as_str())
            .child(swatch(uid, k))
            .child(text_el("span", "tim-legend-label", cat.label.as_str()))
            .child(text_el("span", "tim-count", &format!("({count})")))
    });
    title.into_iter().map(Node::from).chain([El::html("ul").children(items).into()]).collect()
}
