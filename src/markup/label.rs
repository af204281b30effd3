//! A territory's name written on the map: the `<text>` the pre-render places once and the module
//! places again at each view ([`crate::labels`] decides where and which variant). Pixels of the
//! view, the text centred on its anchor.

use super::{El, Node};
use crate::labels::LINE_PX;

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
