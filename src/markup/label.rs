//! What is written over the territories: a territory's name, the `<text>` the pre-render places
//! once and the module places again at each view ([`crate::labels`] decides where and which
//! variant), and the round marker of a territory too small to click. Pixels of the view, the
//! text centred on its anchor.

use super::{El, Node};
use crate::interact::MIN_TARGET;
use crate::labels::LINE_PX;
use crate::model::Dataset;
use crate::render::svg::pattern_fill;

/// Territory `index`'s label, not yet placed.
pub fn label(index: usize) -> El {
    El::svg("text")
        .class("tim-label")
        .attr("text-anchor", "middle")
        .attr("dominant-baseline", "central")
        .attr("data-index", &index.to_string())
}

/// What the label holds for `text` at `x` (the label's own `x`): one line as text, several as
/// `<tspan>`s that each start at `x`, [`LINE_PX`] apart.
///
/// ```
/// use territoires_map::markup::{label::lines, write::all_to_string};
/// assert_eq!(all_to_string(&lines("5.0", "Vosges")), "Vosges");
/// assert_eq!(all_to_string(&lines("5.0", "Nord\nLorraine")),
///     r#"<tspan x="5.0" dy="0">Nord</tspan><tspan x="5.0" dy="14">Lorraine</tspan>"#);
/// ```
pub fn lines(x: &str, text: &str) -> Vec<Node> {
    if !text.contains('\n') {
        return vec![Node::Text(text.to_string())];
    }
    let dy = |k: usize| if k == 0 { "0".to_string() } else { LINE_PX.to_string() };
    text.lines()
        .enumerate()
        .map(|(k, line)| El::svg("tspan").attr("x", x).attr("dy", &dy(k)).text(line).into())
        .collect()
}

/// The round target (24 px across, [`MIN_TARGET`]) over territory `index`, too small to click at
/// this zoom, centred at `(x, y)`, filled as the legend shows its status; `focus` draws the ring
/// of the territory holding the keyboard focus.
pub fn marker(data: &Dataset, index: usize, x: f64, y: f64, uid: u32, focus: bool) -> El {
    let status = data.territories.get(index).map_or(0, |t| t.status);
    // At full precision: the pointer is hit-tested against the exact centre.
    El::svg("circle")
        .attr("r", &(MIN_TARGET / 2.0).to_string())
        .class(if focus { "tim-marker tim-marker-focus" } else { "tim-marker" })
        .attr("cx", &x.to_string())
        .attr("cy", &y.to_string())
        .attr("fill", &pattern_fill(uid, status, true))
        .attr("data-id", data.territories.get(index).map_or("", |t| t.id.as_str()))
}
