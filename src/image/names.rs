//! The names on the exported map: placed as the viewer places them ([`crate::labels`]), in the
//! view's screen pixels, on the same widths; and the key of the numbers the map shows.

use crate::labels::{at_view, named, Mark, Named, Room, LINE_PX};
use crate::markup::xml::Xml;
use crate::model::Dataset;
use crate::render::style;
use crate::scene::Scene;
use crate::view::View;

/// The territories named and where each name (or number) goes at a view.
pub struct Marks {
    named: Vec<Named>,
    marks: Vec<Option<Mark>>,
}

/// The names (numbers, leader lines) placed as the viewer places them, on the same widths; the
/// highlighted territory's first; clear of the map's `buttons` when the image is of the screen.
pub fn marks(data: &Dataset, scene: &Scene, v: &View, highlight: Option<usize>, buttons: bool) -> Marks {
    let named = named(data, scene);
    let marks = at_view(v, scene, &named, &Room::view(v, buttons), highlight);
    Marks { named, marks }
}

/// The territories numbered on the map, with their names, by number: the image's key.
pub fn keys(data: &Dataset, m: &Marks) -> Vec<(usize, String)> {
    // By number without a sort (one more sort is 3 KB of the module): numbers are rows, 1 to n.
    let mut by_number: Vec<Option<String>> = vec![None; data.territories.len() + 1];
    for (n, mark) in m.named.iter().zip(&m.marks) {
        if let (Some(Mark::Key { number, .. }), Some(t)) = (mark, data.territories.get(n.index)) {
            if let Some(slot) = by_number.get_mut(*number) {
                *slot = Some(t.name.clone());
            }
        }
    }
    by_number.into_iter().enumerate().filter_map(|(k, name)| Some((k, name?))).collect()
}

/// Writes the marks: leader lines and badges, then the names and numbers over them.
pub(super) fn write(x: &mut Xml, m: &Marks) {
    leaders_and_badges(x, &m.marks);
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
            ("font-family", style::LABEL_FONT),
        ],
    );
    for (n, mark) in m.named.iter().zip(&m.marks) {
        match mark {
            Some(Mark::Name { at, variant, .. }) => {
                for (k, text) in n.texts[*variant].lines().enumerate() {
                    // The line's middle, moved to its baseline (about a third of the size below).
                    let y = at.y + LINE_PX * k as f64 + style::LABEL_PX * 0.35;
                    let (cx, y) = (format!("{:.1}", at.x), format!("{y:.1}"));
                    let length = format!("{:.1}", crate::labels::metrics::width(text, style::LABEL_PX));
                    x.text_el("text", &[("x", &cx), ("y", &y), ("textLength", &length)], text);
                }
            }
            Some(Mark::Key { at, number, .. }) => {
                let y = format!("{:.1}", at.y + style::LABEL_PX * 0.35);
                x.text_el("text", &[("x", &format!("{:.1}", at.x)), ("y", &y)], &number.to_string());
            }
            None => {}
        }
    }
    x.close("g");
}

/// The leader lines and the numbers' badges, under the names.
fn leaders_and_badges(x: &mut Xml, marks: &[Option<Mark>]) {
    let [lines, badges] = crate::markup::label::leaders_and_badges(marks.iter().flatten());
    let (d_lines, d_badges) = (lines.get("d").unwrap_or_default(), badges.get("d").unwrap_or_default());
    x.empty("path", &[("d", d_lines), ("fill", "none"), ("stroke", style::LABEL_FILL), ("stroke-width", "1")]);
    x.empty(
        "path",
        &[("d", d_badges), ("fill", style::LABEL_HALO), ("stroke", style::LABEL_FILL), ("stroke-width", "1.5")],
    );
}
