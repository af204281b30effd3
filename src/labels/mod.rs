//! Label placement in [`Screen`] pixels, for the module, the pre-render and the image alike:
//! each territory's name inside it where one of its texts fits ([`mod@place`]), else outside
//! with a leader line ([`outside`]), else its number ([`keys`]); none overlapping another or the
//! map's buttons. Every territory keeps its accessible name, its tooltip and its list row.

pub mod keys;
pub mod metrics;
pub mod outside;
pub mod place;

pub use place::{place, Board, Placed, Rect};

use crate::coords::Screen;
use crate::geom::coverage::Coverage;
use crate::model::Dataset;
use crate::scene::Scene;
use crate::view::View;

/// Names are written for at most this many territories, the largest: a map of thousands of
/// shapes cannot show them all, and measuring and placing them all would stall the page.
pub const MAX_LABELS: usize = 400;

/// One label to place.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub anchor: Screen,
    /// Texts to try, best first (see [`texts`]): the widest line's width in pixels, and how many
    /// lines.
    pub widths: Vec<(f64, usize)>,
    /// Higher goes first.
    pub priority: f64,
}

/// A territory to name: its index, its texts to try, best first ([`texts`]), and for each the
/// width of its widest line at [`LABEL_PX`] ([`metrics`]) and its number of lines; its number
/// when the map may show one ([`numbers`], the list's).
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub index: usize,
    pub texts: Vec<String>,
    pub widths: Vec<(f64, usize)>,
    pub number: Option<usize>,
}

/// The territories that get a name on the map, the largest first and at most [`MAX_LABELS`]:
/// those of the module, the pre-render and the exported image alike.
pub fn named(data: &Dataset, scene: &Scene) -> Vec<Named> {
    let areas: Vec<f64> = scene.territories.iter().map(|t| t.shape.area).collect();
    let mut by_area = crate::rank::largest_first(&areas);
    by_area.truncate(MAX_LABELS);
    let numbers = numbers(data);
    let named = by_area.into_iter().filter_map(|i| Some((i, data.territories.get(i)?)));
    named
        .map(|(index, t)| {
            let texts = texts(&t.name, t.short_name.as_deref());
            let widest = |t: &String| t.lines().map(|l| metrics::width(l, LABEL_PX)).fold(0.0, f64::max);
            let widths = texts.iter().map(|t| (widest(t), t.lines().count())).collect();
            Named { index, texts, widths, number: numbers.get(index).copied().flatten() }
        })
        .collect()
}

/// The texts to try for a name, best first, lines separated by `\n`: the name on one line, then
/// on two, then the short name on one line and on two. A name is broken at the space nearest its
/// middle, a dash that joins two places going with the end of the first line.
///
/// ```
/// use territoires_map::labels::texts;
/// assert_eq!(texts("Troyes Bar sur Aube", None), ["Troyes Bar sur Aube", "Troyes Bar\nsur Aube"]);
/// assert_eq!(texts("Vosges", Some("Vosges")), ["Vosges"]);
/// ```
pub fn texts(name: &str, short: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in std::iter::once(name).chain(short) {
        for t in [Some(n.to_string()), two_lines(n)].into_iter().flatten() {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

fn two_lines(name: &str) -> Option<String> {
    let middle = name.chars().count() / 2;
    let (at, _) = name
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| *c == ' ')
        .map(|(k, (i, _))| (i, k.abs_diff(middle)))
        .filter(|&(i, _)| !matches!(name.get(i + 1..).and_then(|r| r.chars().next()), Some('–' | '-')))
        .min_by_key(|&(_, d)| d)?;
    // `get` rather than indexing: a string index's panic message keeps Unicode's tables in the
    // module (src/num.rs says the same of float formatting).
    let (first, second) = (name.get(..at)?, name.get(at..)?);
    Some(format!("{}\n{}", first.trim_end(), second.trim_start()))
}

/// Font size of a label, in pixels (map.css's `.tim-label`).
pub const LABEL_PX: f64 = 12.0;
/// Height of one line of a label, its halo included.
pub const LINE_PX: f64 = LABEL_PX + 2.0;

/// What the map shows of a territory's name at a view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// Text variant `variant` (see [`texts`]), its first line's middle at `at`; `leader` joins
    /// its box to the territory when it is written outside it.
    Name { at: Screen, variant: usize, leader: Option<(Screen, Screen)> },
    /// The territory's number (its row in the list, counted from 1) in a badge centred at `at`,
    /// `leader` joining it to the territory when it had to step aside.
    Key { at: Screen, number: usize, leader: Option<(Screen, Screen)> },
}

/// Maps of more areas than this name what fits inside and nothing else: numbers and leader
/// lines for hundreds of areas would cover the map.
pub const OUTSIDE_MAX: usize = 40;
/// Pixels between two labels' boxes.
const GAP: f64 = 3.0;
/// The coverage grid's cell, in pixels.
const CELL: f64 = 4.0;

/// The boxes no label may cover at a view, in its pixels: the map's buttons (map.css's
/// `.tim-controls`: a column of at most five 36 px buttons 2 px apart, 8 px from the top-left
/// corner at `origin`, and a few pixels more), or nothing (`None`, the exported image).
pub fn reserved(origin: Option<Screen>) -> Vec<Rect> {
    origin.map(|o| Rect { x: o.x, y: o.y, w: 50.0, h: 202.0 }).into_iter().collect()
}

/// Where labels may go at a view and what they must leave free, in its pixels: the map's
/// `area` shown (the whole view in the module; the pre-render's `viewBox`, which the browser
/// fits to the stage) and the `reserved` boxes (see [`reserved`]).
#[derive(Clone, Debug)]
pub struct Room {
    pub area: Rect,
    pub reserved: Vec<Rect>,
}

impl Room {
    /// The whole of view `v`, and the map's buttons when `controls`.
    pub fn view(v: &View, controls: bool) -> Room {
        let area = Rect { x: 0.0, y: 0.0, w: v.width, h: v.height };
        Room { area, reserved: reserved(controls.then_some(Screen::default())) }
    }
}

/// Each territory's number, keyed on the map where its name does not fit ([`Mark`])
/// and shown in its list row: its place in the list by name, from 1, by territory index. Only on
/// maps of at most [`OUTSIDE_MAX`] territories, as the map numbers none beyond: for larger ones
/// the list is empty (the list redraws its rows at each keystroke of its search, and a file of
/// 35,000 communes would allocate a vector of nothing each time).
pub fn numbers(data: &Dataset) -> Vec<Option<usize>> {
    if data.territories.len() > OUTSIDE_MAX {
        return Vec::new();
    }
    let mut out = vec![None; data.territories.len()];
    for (k, i) in crate::alt::matching(data, "", None).into_iter().enumerate() {
        out[i] = Some(k + 1);
    }
    out
}

/// A shape's edges (outer rings and holes) in the pixels of view `v`.
fn screen_edges(shape: &crate::geom::Shape, v: &View) -> Vec<(Screen, Screen)> {
    let at = |c: geo::Coord<f64>| v.to_screen(crate::coords::Projected { x: c.x, y: c.y });
    let rings = shape.geometry.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()));
    rings.flat_map(|r| r.lines().map(move |l| (at(l.start), at(l.end)))).collect()
}

/// Places the names of the territories `which` ([`named`]) at view `v`, within `room`, none
/// overlapping each other or its reserved boxes: inside its territory where one fits, the
/// largest territories first (`first` before all); then, on maps of at most [`OUTSIDE_MAX`]
/// areas, outside with a leader line ([`outside`]), and the rest as numbered badges. In input
/// order; `None`: no mark.
pub fn at_view(v: &View, scene: &Scene, which: &[Named], room: &Room, first: Option<usize>) -> Vec<Option<Mark>> {
    let cands: Vec<Candidate> = which
        .iter()
        .map(|n| {
            let t = &scene.territories[n.index];
            let priority = if Some(n.index) == first { f64::INFINITY } else { t.shape.area };
            Candidate { anchor: v.to_screen(t.label_at), widths: n.widths.clone(), priority }
        })
        .collect();
    let fits = |k: usize, r: &Rect| {
        let shape = &scene.territories[which[k].index].shape;
        r.probes().iter().all(|&p| shape.contains(v.to_projected(p)))
    };
    let mut board = Board::within(room.area, GAP, &room.reserved);
    let mut placed = place(&cands, LINE_PX, &mut board, fits);
    let mut leaders = vec![None; cands.len()];
    let mut keys = Vec::new();
    if which.len() <= OUTSIDE_MAX {
        let covered = Coverage::new(scene.territories.iter().map(|t| &t.shape), v, CELL);
        let reach = outside::reach(&room.area);
        let ends: Vec<Vec<Screen>> = (0..cands.len())
            .map(|k| match placed[k] {
                Some(_) => Vec::new(),
                None => {
                    let shape = &scene.territories[which[k].index].shape;
                    outside::ends(cands[k].anchor, &screen_edges(shape, v), 3.0, reach * 2.0)
                }
            })
            .collect();
        leaders = outside::outside(&cands, &ends, LINE_PX, &mut board, &covered, &mut placed, reach);
        // A territory out of sight gets no number: a badge at the map's edge would name nothing.
        // (Every territory has one here: numbers and this branch share OUTSIDE_MAX.)
        let seen = |k: &usize| room.area.contains(cands[*k].anchor) && which[*k].number.is_some();
        let rest: Vec<usize> = (0..cands.len()).filter(|&k| placed[k].is_none()).filter(seen).collect();
        let anchors: Vec<(Screen, f64)> = rest.iter().map(|&k| (cands[k].anchor, cands[k].priority)).collect();
        keys = rest.into_iter().zip(keys::keys(&anchors, &mut board)).collect();
    }
    let mut out: Vec<Option<Mark>> = placed
        .iter()
        .zip(&cands)
        .zip(leaders)
        .map(|((p, c), leader)| {
            let p = p.as_ref()?;
            let x = if leader.is_some() { p.rect.x + p.rect.w / 2.0 } else { c.anchor.x };
            Some(Mark::Name { at: Screen { x, y: p.rect.y + LINE_PX / 2.0 }, variant: p.variant, leader })
        })
        .collect();
    for (k, (at, leader)) in keys {
        if let Some(number) = which[k].number {
            out[k] = Some(Mark::Key { at, number, leader });
        }
    }
    out
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn names_break_at_the_middle_space_and_dashes_stay_on_the_first_line() {
        assert_eq!(texts("Moselle Est", None), ["Moselle Est", "Moselle\nEst"]);
        assert_eq!(texts("Saverne – Nord Alsace", None), ["Saverne – Nord Alsace", "Saverne –\nNord Alsace"]);
        assert_eq!(texts("Bazancourt-Pomacle", None), ["Bazancourt-Pomacle"]);
        let t = texts("Alsace bossue – Saverne – Nord Alsace", Some("Saverne – Nord Alsace"));
        assert_eq!(t.len(), 4);
        assert_eq!(t[1], "Alsace bossue –\nSaverne – Nord Alsace");
    }
}

#[cfg(test)]
mod tests;
