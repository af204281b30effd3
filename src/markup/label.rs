//! What is written over the territories: a territory's name, the `<text>` the pre-render places
//! once and the module places again at each view ([`crate::labels`] decides where and which
//! variant, inside or outside with a leader line, or the territory's number), the leader lines
//! and the numbers' badges (one path each), and the round marker of a territory too small to
//! click. Pixels of the view, the text centred on its anchor; each line of a name carries its
//! width ([`crate::labels::metrics`]) as `textLength`, so that it fills the box it was placed in
//! whatever font draws it.

use super::{El, Node};
use crate::coords::Screen;
use crate::interact::MIN_TARGET;
use crate::labels::metrics::width;
use crate::labels::{Mark, LABEL_PX, LINE_PX};
use crate::model::Dataset;
use crate::num::fixed;
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
/// assert_eq!(all_to_string(&lines("5", "Vosges")), "Vosges");
/// assert_eq!(all_to_string(&lines("5", "Nord\nLorraine")), concat!(
///     r#"<tspan x="5" dy="0" textLength="28">Nord</tspan>"#,
///     r#"<tspan x="5" dy="14" textLength="48">Lorraine</tspan>"#));
/// ```
pub fn lines(x: &str, text: &str) -> Vec<Node> {
    if !text.contains('\n') {
        return vec![Node::Text(text.to_string())];
    }
    let dy = |k: usize| if k == 0 { "0".to_string() } else { fixed(LINE_PX, 1) };
    text.lines()
        .enumerate()
        .map(|(k, line)| {
            let tspan = El::svg("tspan").attr("x", x).attr("dy", &dy(k)).attr("textLength", &length(line));
            tspan.text(line).into()
        })
        .collect()
}

/// A line's width as written in `textLength`.
fn length(line: &str) -> String {
    fixed(width(line, LABEL_PX), 1)
}

/// Territory `index`'s label showing `mark`, `texts` being its variants (see
/// [`crate::labels::texts`]): a name (one line with its `textLength`, several as [`lines`]; class
/// `tim-label-outside` when written outside its territory) or a number (class `tim-key-number`).
pub fn placed(index: usize, mark: &Mark, texts: &[String]) -> El {
    let (at, text, class) = match *mark {
        Mark::Name { at, variant, leader: None } => (at, texts.get(variant).map_or("", String::as_str), "tim-label"),
        Mark::Name { at, variant, .. } => {
            (at, texts.get(variant).map_or("", String::as_str), "tim-label tim-label-outside")
        }
        Mark::Key { at, .. } => (at, "", "tim-label tim-key-number"),
    };
    let x = fixed(at.x, 1);
    let el = label(index).attr("class", class).attr("x", &x).attr("y", &fixed(at.y, 1));
    match *mark {
        Mark::Key { number, .. } => el.text(&number.to_string()),
        Mark::Name { .. } if !text.contains('\n') => el.attr("textLength", &length(text)).text(text),
        Mark::Name { .. } => el.children(lines(&x, text)),
    }
}

/// The leader lines of `marks` (one path, a move and a line each) and the numbers' badges (one
/// path of circles, [`crate::labels::keys::KEY_PX`] across): drawn under the labels.
pub fn leaders_and_badges<'a>(marks: impl IntoIterator<Item = &'a Mark>) -> [El; 2] {
    let mut lines = String::new();
    let mut badges = String::new();
    let r = crate::labels::keys::KEY_PX / 2.0;
    for m in marks {
        let (Mark::Name { leader, .. } | Mark::Key { leader, .. }) = *m;
        if let Some((a, b)) = leader {
            lines.push_str(&segment(a, b));
        }
        if let Mark::Key { at, .. } = *m {
            let (x, y, r, d) = (fixed(at.x - r, 1), fixed(at.y, 1), fixed(r, 1), fixed(2.0 * r, 1));
            badges.push_str(&format!("M{x} {y}a{r} {r} 0 1 0 {d} 0a{r} {r} 0 1 0 -{d} 0"));
        }
    }
    [El::svg("path").class("tim-leaders").attr("d", &lines), El::svg("path").class("tim-keys").attr("d", &badges)]
}

/// The lines from the markers that stepped aside to their territories (see
/// [`crate::interact::Controller::marker_lines`]): one path, under the markers.
pub fn marker_lines(lines: &[(Screen, Screen)]) -> El {
    let d: String = lines.iter().map(|&(a, b)| segment(a, b)).collect();
    El::svg("path").class("tim-marker-lines").attr("d", &d)
}

/// A line from `a` to `b` in path data, to a tenth of a pixel.
fn segment(a: Screen, b: Screen) -> String {
    format!("M{} {}L{} {}", fixed(a.x, 1), fixed(a.y, 1), fixed(b.x, 1), fixed(b.y, 1))
}

/// The round target (24 px across, [`MIN_TARGET`]) over territory `index`, too small to click at
/// this zoom, centred at `(x, y)`, filled as the legend shows its status; `focus` draws the ring
/// of the territory holding the keyboard focus.
pub fn marker(data: &Dataset, index: usize, x: f64, y: f64, uid: u32, focus: bool) -> El {
    let status = data.territories.get(index).map_or(0, |t| t.status);
    // To a thousandth of a pixel: the pointer is hit-tested against the exact centre.
    El::svg("circle")
        .attr("r", &fixed(MIN_TARGET / 2.0, 3))
        .class(if focus { "tim-marker tim-marker-focus" } else { "tim-marker" })
        .attr("cx", &fixed(x, 3))
        .attr("cy", &fixed(y, 3))
        .attr("fill", &pattern_fill(uid, status, true))
        .attr("data-id", data.territories.get(index).map_or("", |t| t.id.as_str()))
}
